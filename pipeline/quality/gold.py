"""Gold fixtures: load, check and describe the hand-labelled labels in
`tests/fixtures/gold/` (JSON, or YAML with the same structure).

Each fixture is validated against `schemas/fixture.schema.json`, its
`source.path` is resolved relative to the repository root (the folder that
holds `pipeline/`), and the SHA-256 of that file must equal
`source.sha256`: a fixture labelled on one version of a paper is worthless
against another, so a mismatch is an error, never a warning. Dangling ids
(an owner whose parent is no recommendation or action of the file) and
duplicate ids are errors too. Every problem of every file is collected, so
one run lists them all.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO_ROOT / "schemas" / "fixture.schema.json"
DEFAULT_GOLD_DIR = REPO_ROOT / "tests" / "fixtures" / "gold"

ENTITIES = ("recommendations", "actions", "owners", "timescales", "metrics", "responses")
GOLD_SUFFIXES = (".json", ".yaml", ".yml")


class GoldError(Exception):
    """One or more fixtures are unusable; `problems` lists each as text."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid gold fixtures:\n  " + "\n  ".join(problems))


@dataclass
class Gold:
    """One hand-labelled paper."""
    fixture: Path                     # the fixture file
    source: Path                      # resolved path of the paper
    source_rel: str                   # source.path as written in the fixture
    sha256: str
    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.sha256[:20]

    @property
    def name(self) -> str:
        return self.fixture.stem

    @property
    def labelled(self) -> set[str]:
        """Entity types this fixture labels (a present key, even an empty list)."""
        return {e for e in ENTITIES if e in self.data}

    @property
    def split(self) -> str:
        """'dev' (misses may be read, rules tuned) or 'blind' (scores only)."""
        return self.data.get("split") or "dev"

    @property
    def genre(self) -> str | None:
        return self.data.get("genre")

    @property
    def scope(self) -> dict[str, list[int]]:
        return dict(self.data.get("scope") or {})

    @property
    def documents(self) -> dict[str, Any]:
        return dict(self.data.get("documents") or {})

    def rows(self, entity: str) -> list[dict]:
        return list(self.data.get(entity) or [])

    def parent_types(self) -> dict[str, str]:
        """local id -> 'recommendation' | 'action'."""
        out = {r["id"]: "recommendation" for r in self.rows("recommendations")}
        out.update({a["id"]: "action" for a in self.rows("actions")})
        return out


def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    import yaml  # only needed for YAML fixtures
    return yaml.safe_load(text)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def resolve_source(rel: str, root: Path | None = None) -> Path:
    """A fixture's source.path is relative to the repository root."""
    p = Path(rel)
    return p if p.is_absolute() else (Path(root or REPO_ROOT) / p).resolve()


def fixture_files(gold: str | Path | Iterable[str | Path]) -> list[Path]:
    """A folder (its *.json/*.yaml/*.yml, sorted) or explicit files."""
    items = [gold] if isinstance(gold, (str, Path)) else list(gold)
    files: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.suffix in GOLD_SUFFIXES and not f.name.startswith(".")))
        elif p.is_file():
            files.append(p)
        else:
            raise GoldError([f"{p}: no such gold fixture file or folder"])
    return files


def check_fixture(path: Path, data: Any, root: Path | None = None, validator=None) -> tuple[list[str], list[str]]:
    """(errors, warnings) for one parsed fixture."""
    from jsonschema import Draft202012Validator
    validator = validator or Draft202012Validator(_schema())
    errors = [f"{path.name}: schema: at {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
              for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
    if errors:
        return errors, []
    warnings: list[str] = []
    src = data["source"]
    source = resolve_source(src["path"], root)
    if not source.is_file():
        errors.append(f"{path.name}: source file not found: {src['path']} (resolved to {source}; "
                      f"source.path is relative to the repository root {Path(root or REPO_ROOT)})")
    else:
        actual = sha256_of(source)
        if actual != src["sha256"]:
            errors.append(f"{path.name}: SHA-256 MISMATCH for {src['path']}: the fixture says {src['sha256']} "
                          f"but the file is {actual}. The paper changed (or the fixture points at the wrong "
                          f"file); re-check the labels against the current file before updating the hash.")
    ids: dict[str, int] = {}
    for ent in ("recommendations", "actions"):
        for r in data.get(ent) or []:
            ids[r["id"]] = ids.get(r["id"], 0) + 1
    dup = sorted(i for i, n in ids.items() if n > 1)
    if dup:
        errors.append(f"{path.name}: duplicate recommendation/action ids: {', '.join(dup)}")
    for ent in ("owners", "timescales"):
        for i, r in enumerate(data.get(ent) or []):
            if r["parent"] not in ids:
                errors.append(f"{path.name}: {ent}[{i}].parent {r['parent']!r} is not a recommendation or action id")
    for i, a in enumerate(data.get("actions") or []):
        if a.get("rec") and a["rec"] not in {r["id"] for r in data.get("recommendations") or []}:
            errors.append(f"{path.name}: actions[{i}].rec {a['rec']!r} is not a recommendation id")
    for ent, pages in (data.get("scope") or {}).items():
        if ent not in data:
            warnings.append(f"{path.name}: scope lists {ent} but the fixture does not label {ent}")
        outside = [r.get("page") for r in data.get(ent) or [] if r.get("page") not in pages]
        if outside:
            warnings.append(f"{path.name}: {len(outside)} {ent} row(s) on pages {sorted(set(map(str, outside)))} "
                            f"outside scope {pages} are ignored")
    return errors, warnings


def load_gold(gold: str | Path | Iterable[str | Path] = DEFAULT_GOLD_DIR, root: Path | None = None) -> list[Gold]:
    """Load and check every fixture; raise GoldError listing all problems."""
    from jsonschema import Draft202012Validator
    validator = Draft202012Validator(_schema())
    files = fixture_files(gold)
    if not files:
        raise GoldError([f"no gold fixtures (*.json, *.yaml) in {gold}"])
    problems: list[str] = []
    out: list[Gold] = []
    for f in files:
        try:
            data = _read(f)
        except Exception as e:  # noqa: BLE001 - any parse error is a problem to report
            problems.append(f"{f.name}: cannot parse: {type(e).__name__}: {e}")
            continue
        errors, warnings = check_fixture(f, data, root, validator)
        if errors:
            problems.extend(errors)
            continue
        src = data["source"]
        out.append(Gold(fixture=f, source=resolve_source(src["path"], root), source_rel=src["path"],
                        sha256=src["sha256"], data=data, warnings=warnings))
    seen: dict[str, Gold] = {}
    for g in out:
        if g.doc_id in seen:
            problems.append(f"{g.fixture.name}: labels the same paper (doc_id {g.doc_id}) as {seen[g.doc_id].fixture.name}")
        seen.setdefault(g.doc_id, g)
    if problems:
        raise GoldError(problems)
    return out
