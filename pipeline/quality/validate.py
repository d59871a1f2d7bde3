"""The validation stage: score the pipeline's tables against the gold
fixtures, write `validation.json` and `validation.md`, and gate on the
thresholds in `quality/thresholds.toml`.

    council-extract validate [--gold DIR] [--pred DIR] [--out DIR]

Without --pred the gold fixtures' source papers are extracted into a
temporary folder first (pipeline.engine.runner.run); with --pred the Parquet
tables in that folder are read as they are. Predictions join gold on
doc_id = first 20 hex digits of the fixture's sha256.

Fixtures are split (their "split" field) into `dev`, whose misses the
report lists row by row for rule work, and `blind`, from councils and
boards never tuned on, whose report shows scores only. Scores are printed
for both; thresholds.toml gates both ([f1]/[accuracy] for dev,
[blind.f1]/[blind.accuracy] for blind).

Exit status: 0 every score at or above its threshold; 1 some score below
(listed on stderr and in the report); 2 unusable input (invalid fixture,
sha256 mismatch, missing --pred folder, bad thresholds file).
"""
from __future__ import annotations

import json
import math
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.quality.gold import DEFAULT_GOLD_DIR, REPO_ROOT, Gold, GoldError, load_gold
from extractors.dates import iso_date
from pipeline.quality.matching import (DOC_FIELDS, ENTITIES, ID_COLUMN, Counts, DocScore, EntityResult,
                               prf, score_document)

DEFAULT_THRESHOLDS = REPO_ROOT / "quality" / "thresholds.toml"
DEFAULT_OUT = "data/validation"
PRED_TABLES = ("documents", "errors") + ENTITIES
FIELDS = {
    "recommendations": ("kind", "ref", "rag"),
    "actions": ("rag", "rec"),
    "owners": ("role", "person"),
    "timescales": ("due_date", "precision", "recurrence"),
    "metrics": ("unit", "role", "period_end", "label", "rag"),
    "responses": ("status", "responder"),
}


class UsageError(Exception):
    """Input the validation cannot work with (exit status 2)."""


# ------------------------------------------------------------- predictions


def read_predictions(pred_dir: str | Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Rows of each table in a pipeline output folder; a missing table is
    read as empty (with a warning)."""
    import pyarrow.dataset as ds
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise UsageError(f"--pred folder not found: {pred_dir}")
    tables: dict[str, list[dict]] = {}
    warnings = []
    for name in PRED_TABLES:
        path = pred_dir / name
        if not path.exists():
            warnings.append(f"{pred_dir}: no {name} table; read as empty")
            tables[name] = []
            continue
        tables[name] = ds.dataset(path, format="parquet").to_table().to_pylist()
    return tables, warnings


def extract_predictions(golds: list[Gold], out_dir: str | Path, jobs: int | None = None,
                        show_progress: bool | None = False) -> dict[str, list[dict]]:
    """Run the pipeline on every fixture's source paper into out_dir."""
    from pipeline.engine.runner import run
    run([str(g.source) for g in golds], str(out_dir), jobs=jobs, show_progress=show_progress)
    return read_predictions(out_dir)[0]


def by_doc(tables: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    out: dict[str, dict[str, list[dict]]] = {}
    for name, rows in tables.items():
        for r in rows:
            if r.get("doc_id"):
                out.setdefault(r["doc_id"], {}).setdefault(name, []).append(r)
    return out


# ----------------------------------------------------------------- scoring


@dataclass
class DocReport:
    gold: Gold
    score: DocScore
    pred_document: dict | None
    errors: list[dict]


@dataclass
class Validation:
    docs: list[DocReport]
    warnings: list[str] = field(default_factory=list)

    def split(self, name: str) -> "Validation":
        """The fixtures of one split ('dev' or 'blind')."""
        return Validation(docs=[d for d in self.docs if d.gold.split == name], warnings=self.warnings)

    def split_scores(self) -> dict[str, float | None]:
        """Dev scores under their plain keys ('f1.actions'), blind ones
        prefixed ('blind.f1.actions'): the keys thresholds.toml uses."""
        out = dict(self.split("dev").scores())
        out.update({f"blind.{k}": v for k, v in self.split("blind").scores().items()})
        return out

    def entity_counts(self) -> dict[str, Counts]:
        """Micro-averaged: tp/fp/fn summed over the documents that label the entity."""
        out: dict[str, Counts] = {}
        for d in self.docs:
            for ent, res in d.score.entities.items():
                c = out.setdefault(ent, Counts())
                c += res.counts
        return {e: out[e] for e in ENTITIES if e in out}

    def field_counts(self) -> dict[str, list[int]]:
        """'entity.field' -> [correct, total] over matched pairs (and documents.* per paper)."""
        out: dict[str, list[int]] = {}
        for ent in ENTITIES:
            for f in FIELDS[ent]:
                for d in self.docs:
                    res = d.score.entities.get(ent)
                    if res and f in res.fields:
                        c = out.setdefault(f"{ent}.{f}", [0, 0])
                        c[0] += res.fields[f][0]
                        c[1] += res.fields[f][1]
        for f in DOC_FIELDS:
            for d in self.docs:
                if f in d.score.documents:
                    c = out.setdefault(f"documents.{f}", [0, 0])
                    c[0] += d.score.documents[f][0]
                    c[1] += 1
        return out

    def scores(self) -> dict[str, float | None]:
        """The numbers the thresholds refer to: 'f1.<entity>' and 'accuracy.<entity>.<field>'."""
        out: dict[str, float | None] = {f"f1.{e}": c.f1 for e, c in self.entity_counts().items()}
        for k, (ok, n) in self.field_counts().items():
            out[f"accuracy.{k}"] = ok / n if n else None
        return out


def validate(golds: list[Gold], tables: dict[str, list[dict]]) -> Validation:
    docs = by_doc(tables)
    val = Validation(docs=[])
    for g in golds:
        val.warnings.extend(g.warnings)
        pred = docs.get(g.doc_id, {})
        drows = pred.get("documents") or []
        if not drows:
            val.warnings.append(f"{g.name}: no predictions for doc_id {g.doc_id} ({g.source_rel}); "
                                f"every gold row counts as a miss")
        pred_doc = next((r for r in drows if r.get("status") == "ok"), drows[0] if drows else None)
        if pred_doc is not None and pred_doc.get("status") != "ok":
            errs = [e for e in pred.get("errors") or [] if e.get("severity") == "error"] or pred.get("errors") or []
            first = f": {errs[0].get('stage')}: {str(errs[0].get('message'))[:200]}" if errs else ""
            val.warnings.append(f"{g.name}: extraction status {pred_doc.get('status')!r}{first}")
        sc = score_document(g.data, pred, pred_doc)
        for ent, n in sc.skipped.items():
            val.warnings.append(f"{g.name}: {n} predicted {ent} not scored: their parent is a response "
                                f"or an entity the gold does not label")
        val.docs.append(DocReport(g, sc, pred_doc, pred.get("errors") or []))
    return val


# -------------------------------------------------------------- thresholds


def load_thresholds(path: str | Path = DEFAULT_THRESHOLDS) -> dict[str, float]:
    """Flatten thresholds.toml into {'f1.recommendations': 0.6, 'accuracy.metrics.unit': 0.8, ...}."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"thresholds file not found: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: not valid TOML: {e}") from e
    out: dict[str, float] = {}
    known_f1 = set(ENTITIES)
    known_acc = {f"{e}.{f}" for e, fs in FIELDS.items() for f in fs} | {f"documents.{f}" for f in DOC_FIELDS}
    blind = data.get("blind") or {}
    if not isinstance(blind, dict):
        raise UsageError(f"{path}: [blind] must be a table holding [blind.f1] and [blind.accuracy]")
    for prefix, tables in (("", data), ("blind.", blind)):
        for section, known in (("f1", known_f1), ("accuracy", known_acc)):
            for k, v in (tables.get(section) or {}).items():
                if k not in known:
                    raise UsageError(f"{path}: unknown key [{prefix}{section}] {k!r} (known: {', '.join(sorted(known))})")
                if not isinstance(v, (int, float)) or not 0 <= v <= 1:
                    raise UsageError(f"{path}: [{prefix}{section}] {k} must be a number in [0, 1], got {v!r}")
                out[f"{prefix}{section}.{k}"] = float(v)
        extra = set(tables) - {"f1", "accuracy"} - ({"blind"} if not prefix else set())
        if extra:
            raise UsageError(f"{path}: unknown section(s) {sorted(prefix + e for e in extra)}; "
                             f"use [f1], [accuracy], [blind.f1] and [blind.accuracy]")
    return out


def check_thresholds(scores: dict[str, float | None], thresholds: dict[str, float]) -> list[str]:
    """Messages for every score under its threshold (a score that could not
    be measured - no gold or no matched pairs - fails too)."""
    fails = []
    for key, minimum in sorted(thresholds.items()):
        got = scores.get(key)
        if got is None:
            fails.append(f"{key}: not measured (no gold rows / matched pairs), minimum {minimum:.2f}")
        elif got + 1e-9 < minimum:
            fails.append(f"{key}: {got:.3f} < minimum {minimum:.2f}")
    return fails


def floor_to(x: float, step: float = 0.05) -> float:
    """Largest multiple of step <= x (the rule for setting thresholds)."""
    return round(math.floor(x / step + 1e-9) * step, 2)


# ----------------------------------------------------------------- outputs


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _clip(s: Any, n: int = 300) -> str:
    t = " ".join(str(s).split()) if s is not None else ""
    return t if len(t) <= n else t[: n - 1] + "…"


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _pred_brief(ent: str, r: dict) -> dict:
    keep = {"recommendations": ("ref", "kind", "text", "rag"), "actions": ("ref", "rec_id", "text", "rag"),
            "owners": ("parent_type", "parent_id", "role", "person", "raw"),
            "timescales": ("parent_type", "parent_id", "raw", "due_date", "precision", "recurrence"),
            "metrics": ("label", "value", "raw", "unit", "role", "period", "period_end"),
            "responses": ("rec_ref", "status", "responder", "text")}[ent]
    out = {"id": r.get(ID_COLUMN[ent]), "page": r.get("page"), "locator": r.get("locator")}
    out.update({k: r.get(k) for k in keep})
    out["source_text"] = _clip(r.get("source_text"), 500)
    return _jsonable(out)


def to_json(val: Validation, thresholds: dict[str, float], failures: list[str], source: str) -> dict:
    def ent_block(res_by_ent: dict[str, EntityResult]) -> dict:
        return {e: res_by_ent[e].counts.as_dict() for e in ENTITIES if e in res_by_ent}

    overall_fields = {k: {"correct": c, "total": n, "accuracy": _r(c / n) if n else None}
                      for k, (c, n) in val.field_counts().items()}
    docs = []
    for d in val.docs:
        ents = {}
        for e in ENTITIES:
            res = d.score.entities.get(e)
            if res is None:
                continue
            block = res.counts.as_dict()
            block["fields"] = {f: {"correct": c, "total": n, "accuracy": _r(c / n) if n else None}
                               for f, (c, n) in res.fields.items()}
            if d.gold.split == "blind":   # scores only: rows are read on the dev split
                ents[e] = block
                continue
            block["misses"] = [_jsonable({**res.gold[i], "why": res.notes.get(i)}) for i in res.misses]
            block["false_positives"] = [_pred_brief(e, res.pred[i]) for i in res.false_positives]
            block["field_errors"] = [_jsonable({"field": fe.field, "gold": fe.gold, "pred": fe.pred,
                                                "pred_id": res.pred[fe.pi].get(ID_COLUMN[e]),
                                                "locator": res.pred[fe.pi].get("locator")})
                                     for fe in res.field_errors]
            ents[e] = block
        docs.append({
            "fixture": d.gold.fixture.name, "split": d.gold.split, "genre": d.gold.genre,
            "source": d.gold.source_rel, "doc_id": d.gold.doc_id,
            "status": d.pred_document.get("status") if d.pred_document else None,
            "scope": d.gold.scope, "entities": ents,
            "documents_fields": {f: _jsonable({"correct": ok, "gold": g, "pred": p})
                                 for f, (ok, g, p) in d.score.documents.items()},
            "errors": [_jsonable({k: e.get(k) for k in ("stage", "error_type", "severity", "message")})
                       for e in d.errors],
        })
    counts = val.entity_counts()
    return {
        "generated_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "pipeline_version": __version__,
        "predictions": source,
        "passed": not failures,
        "failures": failures,
        "thresholds": thresholds,
        "overall": {"entities": {e: c.as_dict() for e, c in counts.items()}, "fields": overall_fields,
                    "documents": len(val.docs)},
        "splits": {name: {"documents": len(part.docs),
                          "entities": {e: c.as_dict() for e, c in part.entity_counts().items()},
                          "scores": {k: _r(v) for k, v in part.scores().items()}}
                   for name, part in (("dev", val.split("dev")), ("blind", val.split("blind")))},
        "warnings": val.warnings,
        "documents": docs,
    }


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def split_summary_lines(val: Validation) -> list[str]:
    """Scores of each split (dev, blind) and of all fixtures together."""
    out = []
    for name in ("dev", "blind"):
        part = val.split(name)
        if not part.docs:
            continue
        out += [f"{name} ({len(part.docs)} fixtures)"] + summary_lines(part) + [""]
    out += [f"all ({len(val.docs)} fixtures)"] + summary_lines(val)
    return out


def summary_lines(val: Validation) -> list[str]:
    lines = [f"{'entity':<16} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>5} {'fp':>5} {'fn':>5}"]
    for e, c in val.entity_counts().items():
        p, r, f = prf(c.tp, c.fp, c.fn)
        lines.append(f"{e:<16} {p:6.3f} {r:6.3f} {f:6.3f}   {c.tp:5d} {c.fp:5d} {c.fn:5d}")
    lines.append("")
    lines.append(f"{'field accuracy (matched pairs)':<34} {'acc':>6}  correct/total")
    for k, (c, n) in val.field_counts().items():
        lines.append(f"{k:<34} {_fmt(c / n if n else None):>6}  {c}/{n}")
    return lines


def _gold_line(ent: str, r: dict, gold: Gold) -> str:
    pg = f"p.{r.get('page')}" if r.get("page") is not None else "p.-"
    texts = {r2["id"]: r2 for k in ("recommendations", "actions") for r2 in gold.rows(k)}
    if ent in ("recommendations", "actions"):
        ref = f"[{r.get('ref')}] " if r.get("ref") else ""
        return f"{pg} {ref}{_clip(r['text'])}"
    if ent in ("owners", "timescales"):
        par = texts.get(r["parent"], {})
        what = (f"role={r.get('role')!r} person={r.get('person')!r}" if ent == "owners" else
                f"raw={r.get('raw')!r} due={r.get('due_date')} recurrence={r.get('recurrence')}")
        return f"{pg} {what} — parent {r['parent']}: {_clip(par.get('text'), 90)!r}"
    if ent == "responses":
        return f"{pg} [{r.get('rec_ref')}] {r.get('status')} ({r.get('responder')}): {_clip(r.get('text'))}"
    return (f"{pg} {r.get('value')} {r.get('unit')} ({r.get('role')}) raw={r.get('raw')!r} "
            f"label={r.get('label')!r} period={r.get('period')!r}")


def _pred_line(ent: str, r: dict, parents: dict[str, dict]) -> str:
    pg = f"p.{r.get('page')}" if r.get("page") is not None else "p.-"
    loc = f"`{r.get('locator')}`"
    if ent in ("recommendations", "actions"):
        ref = f"[{r.get('ref')}] " if r.get("ref") else ""
        head = f"{ref}{_clip(r.get('text'))}"
    elif ent in ("owners", "timescales"):
        par = parents.get(r.get("parent_id") or "", {})
        what = (f"role={r.get('role')!r} person={r.get('person')!r}" if ent == "owners" else
                f"raw={r.get('raw')!r} due={iso_date(r.get('due_date'))} recurrence={r.get('recurrence')}")
        head = f"{what} — parent {r.get('parent_type')} {_clip(par.get('text'), 90)!r}"
    elif ent == "responses":
        head = f"[{r.get('rec_ref')}] {r.get('status')} ({r.get('responder')}): {_clip(r.get('text'))}"
    else:
        head = (f"{r.get('value')} {r.get('unit')} ({r.get('role')}) raw={r.get('raw')!r} "
                f"label={_clip(r.get('label'), 120)!r}")
    src = _clip(r.get("source_text"), 240)
    return f"{pg} {loc} {head}" + (f"\n    - source: “{src}”" if src else "")


def _score_tables(val: Validation, thresholds: dict[str, float], prefix: str) -> list[str]:
    scores = val.scores()
    out = ["| entity | precision | recall | F1 | tp | fp | fn | threshold |", "|---|---|---|---|---|---|---|---|"]
    for e, c in val.entity_counts().items():
        p, r, f = prf(c.tp, c.fp, c.fn)
        th = thresholds.get(f"{prefix}f1.{e}")
        out.append(f"| {e} | {p:.3f} | {r:.3f} | {f:.3f} | {c.tp} | {c.fp} | {c.fn} | "
                   f"{'' if th is None else f'{th:.2f}'} |")
    out += ["", "| field | accuracy | correct / total | threshold |", "|---|---|---|---|"]
    for k, (c, n) in val.field_counts().items():
        th = thresholds.get(f"{prefix}accuracy.{k}")
        out.append(f"| {k} | {_fmt(scores.get('accuracy.' + k)).strip()} | {c} / {n} | "
                   f"{'' if th is None else f'{th:.2f}'} |")
    return out


def _doc_f1_table(val: Validation) -> list[str]:
    out = ["| fixture | genre | status | " + " | ".join(ENTITIES) + " |", "|---|---|---|" + "---|" * len(ENTITIES)]
    for d in val.docs:
        cells = []
        for e in ENTITIES:
            res = d.score.entities.get(e)
            cells.append("-" if res is None else f"{res.counts.f1:.2f} ({res.counts.tp}/{res.counts.fp}/{res.counts.fn})")
        status = d.pred_document.get("status") if d.pred_document else "no predictions"
        out.append(f"| {d.gold.name} | {d.gold.genre or ''} | {status} | " + " | ".join(cells) + " |")
    return out


def to_markdown(val: Validation, failures: list[str], thresholds: dict[str, float], source: str) -> str:
    dev, blind = val.split("dev"), val.split("blind")
    out = ["# Validation report", "",
           f"- generated: {datetime.now(timezone.utc).replace(microsecond=0).isoformat()}",
           f"- pipeline version: {__version__}", f"- predictions: {source}",
           f"- gold fixtures: {len(val.docs)} ({len(dev.docs)} dev, {len(blind.docs)} blind)",
           f"- result: **{'PASS' if not failures else 'FAIL'}**", ""]
    if failures:
        out += ["## Below threshold", ""] + [f"- {f}" for f in failures] + [""]
    out += ["## Dev split (micro-averaged over the fixtures that label each entity)", ""]
    out += _score_tables(dev, thresholds, "")
    if blind.docs:
        out += ["", "## Blind split: scores only", "",
                "Fixtures from councils and boards the rules were never tuned on. Their rows are not listed: "
                "read misses on the dev split, and keep a rule when the blind score rises.", ""]
        out += _score_tables(blind, thresholds, "blind.")
        out += ["", "Per blind fixture, F1 (tp/fp/fn):", ""] + _doc_f1_table(blind)
    if val.warnings:
        out += ["", "## Warnings", ""] + [f"- {w}" for w in val.warnings if not _about_blind(w, blind)]
    out += ["", "## Per dev document", "", "F1 per entity (`-` = not labelled in the fixture):", ""]
    out += _doc_f1_table(dev)
    out += ["", "Cells are F1 (tp/fp/fn)."]
    for d in dev.docs:
        out += ["", f"### {d.gold.name}", "",
                f"`{d.gold.source_rel}` — doc_id `{d.gold.doc_id}`" +
                (f" — scope {d.gold.scope}" if d.gold.scope else "")]
        if d.errors:
            out += ["", "Extraction errors/warnings:"] + [
                f"- {e.get('severity')} at {e.get('stage')}: {e.get('error_type')}: {_clip(e.get('message'), 300)}"
                for e in d.errors]
        bad_doc = [(f, g, p) for f, (ok, g, p) in d.score.documents.items() if not ok]
        if bad_doc:
            out += ["", "Documents fields wrong:"] + [f"- {f}: gold {g!r} / predicted {_clip(p, 160)!r}"
                                                     for f, g, p in bad_doc]
        parents = {}
        for k in ("recommendations", "actions"):
            res = d.score.entities.get(k)
            for r in (res.pred if res else []):
                parents[r.get(ID_COLUMN[k])] = r
        for e in ENTITIES:
            res = d.score.entities.get(e)
            if res is None:
                continue
            c = res.counts
            out += ["", f"#### {e}: P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f} "
                        f"(tp {c.tp}, fp {c.fp}, fn {c.fn})"]
            if res.misses:
                out += ["", f"Missed (gold not found): {len(res.misses)}", ""]
                for i in res.misses:
                    line = f"- {_gold_line(e, res.gold[i], d.gold)}"
                    if i in res.notes:
                        line += f"\n    - {res.notes[i]}"
                    out.append(line)
            if res.false_positives:
                out += ["", f"False positives (predicted, not in gold): {len(res.false_positives)}", ""]
                out += [f"- {_pred_line(e, res.pred[i], parents)}" for i in res.false_positives]
            if res.field_errors:
                out += ["", f"Field errors on matched pairs: {len(res.field_errors)}", ""]
                for fe in res.field_errors:
                    pr = res.pred[fe.pi]
                    out.append(f"- {fe.field}: gold {fe.gold!r} / predicted {_jsonable(fe.pred)!r} — "
                               f"p.{pr.get('page') if pr.get('page') is not None else '-'} `{pr.get('locator')}` "
                               f"{_clip(pr.get('text') or pr.get('label') or pr.get('raw') or pr.get('role'), 100)!r}")
    return "\n".join(out) + "\n"


def _about_blind(warning: str, blind: Validation) -> bool:
    return any(warning.startswith(f"{d.gold.name}:") for d in blind.docs)


# ------------------------------------------------------------------- entry


def run_validation(gold: str | Path = DEFAULT_GOLD_DIR, pred: str | Path | None = None,
                   out: str | Path = DEFAULT_OUT, thresholds: str | Path = DEFAULT_THRESHOLDS,
                   jobs: int | None = None, show_progress: bool | None = False,
                   stream=None) -> int:
    """The `validate` command. Returns the exit status."""
    stream = stream or sys.stdout
    try:
        th = load_thresholds(thresholds)
        golds = load_gold(gold)
        if pred is None:
            with tempfile.TemporaryDirectory(prefix="council-validate-") as tmp:
                tables = extract_predictions(golds, tmp, jobs=jobs, show_progress=show_progress)
            source = f"extracted now from the {len(golds)} gold source papers (pipeline {__version__})"
            read_warnings: list[str] = []
        else:
            tables, read_warnings = read_predictions(pred)
            source = f"read from {pred}"
    except GoldError as e:
        print("council-extract validate: the gold fixtures cannot be used:", file=sys.stderr)
        for p in e.problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    except UsageError as e:
        print(f"council-extract validate: {e}", file=sys.stderr)
        return 2
    val = validate(golds, tables)
    val.warnings[:0] = read_warnings
    failures = check_thresholds(val.split_scores(), th)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "validation.json").write_text(json.dumps(to_json(val, th, failures, source), indent=2,
                                                    ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    (out / "validation.md").write_text(to_markdown(val, failures, th, source), encoding="utf-8")
    for w in val.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print("\n".join(split_summary_lines(val)), file=stream)
    print(f"\nreport: {out / 'validation.md'}  json: {out / 'validation.json'}", file=stream)
    if failures:
        print(f"FAIL: {len(failures)} score(s) below the thresholds in {thresholds}:", file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        return 1
    print(f"PASS: every score at or above the thresholds in {thresholds}", file=stream)
    return 0
