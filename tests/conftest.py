"""Shared test fixtures.

The seed papers live outside the repo in ../shared/seeds (relative to the
repo root); tests read them from there and never copy them in.

Tests that read ../shared (the seeds and the corpus) carry the
`needs_shared` marker or use the `shared_dir` / `seed_paths` fixtures. When
../shared is missing they are SKIPPED with the reason, so `make test` on a
bare clone runs the rest; with REQUIRE_CORPUS=1 (which .ci/run sets) a
missing ../shared makes them FAIL instead, so CI can never skip them.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"

# `import render` from the test modules, whether or not tests/ is a package
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))


REQUIRE_ENV = "REQUIRE_CORPUS"


def _corpus_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0", "false", "no")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "needs_shared: reads the shared seed papers or corpus in ../shared (relative to the repo root); "
        f"skipped when that folder is missing, unless {REQUIRE_ENV}=1",
    )


_SHARED_FIXTURES = {"shared_dir", "seed_paths", "rendered_seeds"}


def pytest_collection_modifyitems(config, items):
    if SHARED_DIR.is_dir() or _corpus_required():
        return
    skip = pytest.mark.skip(reason=f"needs ../shared (the seeds and corpus) next to the repo: {SHARED_DIR} is "
                                   f"missing; set {REQUIRE_ENV}=1 to make this an error")
    for item in items:
        if item.get_closest_marker("needs_shared") or _SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)


def seed_files() -> list[Path]:
    """The seed papers (sorted), or [] when ../shared/seeds is missing."""
    return sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []


def _require_shared() -> Path:
    if not SHARED_DIR.is_dir():
        if not _corpus_required():
            pytest.skip(f"needs ../shared next to the repo ({SHARED_DIR} is missing)")
        pytest.fail(
            f"shared inputs not found: expected the folder {SHARED_DIR} (../shared next to the "
            f"repo root {REPO_ROOT}). CI provides it; check it out there, or deselect these "
            f'tests with: pytest -m "not needs_shared"',
            pytrace=False,
        )
    return SHARED_DIR


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Path to ../shared (fails clearly when it is missing)."""
    return _require_shared()


@pytest.fixture(scope="session")
def seed_paths(shared_dir) -> list[Path]:
    """The seed papers in ../shared/seeds/*.txt."""
    paths = seed_files()
    if not paths:
        pytest.fail(f"no seed papers (*.txt) in {SEEDS_DIR}", pytrace=False)
    return paths


@pytest.fixture(scope="session")
def rendered_seeds(seed_paths, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Each seed loaded with the TXT loader and rendered to DOCX and PDF.

    Returns {seed_name: {"txt": seed path, "docx": path, "pdf": path}} where
    seed_name is the file stem ("000_1b08accbf764f4c3").
    """
    from extractors.loaders import doc_id_for
    from extractors.loaders.text import load as load_txt
    from render import render_docx, render_pdf

    out_dir = tmp_path_factory.mktemp("rendered_seeds")
    result: dict[str, dict[str, Path]] = {}
    for path in seed_paths:
        data = path.read_bytes()
        doc = load_txt(data, path=str(path), doc_id=doc_id_for(data))
        result[path.stem] = {
            "txt": path,
            "docx": render_docx(doc, out_dir / f"{path.stem}.docx"),
            "pdf": render_pdf(doc, out_dir / f"{path.stem}.pdf"),
        }
    return result
