"""Shared test fixtures.

The seed papers live outside the repo in ../shared/seeds (relative to the
repo root); tests read them from there and never copy them in.

When ../shared is missing the fixtures that need it FAIL with a message
saying where it was looked for, rather than skipping: CI always has it, and
a silent skip would hide that the cross-format checks did not run. Tests
that read ../shared carry the `needs_shared` marker, so on a machine
without it run `pytest -m "not needs_shared"` to leave them out explicitly.
"""
from __future__ import annotations

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


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "needs_shared: reads the shared seed papers in ../shared (relative to the repo root); "
        "fails with a clear message when that folder is missing",
    )


def seed_files() -> list[Path]:
    """The seed papers (sorted), or [] when ../shared/seeds is missing."""
    return sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []


def _require_shared() -> Path:
    if not SHARED_DIR.is_dir():
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
