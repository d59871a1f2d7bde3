"""The three loaders agree: each seed paper, loaded from its TXT, from a DOCX
rendered from it and from a PDF rendered from it (tests/render.py), gives
the same section numbers and the same table cells.

The DOCX carries lettered/roman items and bullets as real Word numbering
(not in the text), page furniture in the header/footer and tables with a
repeating header row; the PDF has running headers, "Page N" footers and
tables that run over pages with their header repeated. So these tests check
that the DOCX loader recovers Word numbering and that both loaders keep page
furniture and repeated table headers out of the body.

Comparisons: TXT vs DOCX after collapsing whitespace; TXT vs PDF ignoring
whitespace altogether (line breaks and wrapping may differ in a PDF).
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from extractors.loaders import doc_id_for
from extractors.model import Document

pytestmark = pytest.mark.needs_shared

_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
SEED_NAMES = sorted(p.stem for p in _SEEDS.glob("*.txt")) if _SEEDS.is_dir() else ["<../shared/seeds missing>"]
FORMATS = ["docx", "pdf"]
_LOADER_MODULE = {"txt": "text", "docx": "docx", "pdf": "pdf"}
_cache: dict[tuple[str, str], Document] = {}


def norm(text: str | None) -> str:
    """Collapse runs of whitespace (incl. line breaks) to one space; strip."""
    return " ".join((text or "").split())


def squash(text: str | None) -> str:
    """Drop all whitespace: PDF text may be wrapped or spaced differently."""
    return re.sub(r"\s+", "", text or "")


def _load(rendered_seeds, seed: str, fmt: str) -> Document:
    key = (seed, fmt)
    if key not in _cache:
        path = rendered_seeds[seed][fmt]
        data = Path(path).read_bytes()
        loader = importlib.import_module(f"extractors.loaders.{_LOADER_MODULE[fmt]}")
        _cache[key] = loader.load(data, path=str(path), doc_id=doc_id_for(data))
    return _cache[key]


def _numbers(doc: Document) -> list[str]:
    """Numbering of every numbered text block ("2.1", "5.1.2", "a)", "(iii)",
    "Action 4"), in reading order; bullets left out."""
    return [b.numbering for b in doc.blocks
            if b.kind != "table" and b.numbering and b.numbering != "•"]


def _bullets(doc: Document) -> list[str]:
    return [norm(b.text)[:60] for b in doc.blocks if b.kind != "table" and b.numbering == "•"]


def _tables(doc: Document, fmt: str) -> list[list[list[str]]]:
    f = squash if fmt == "pdf" else norm
    return [[[f(c.text) for c in row] for row in t.rows] for _, t in doc.tables()]


def _show(seq: list, i: int) -> str:
    return repr(seq[i]) if i < len(seq) else "<end: no more items>"


def assert_same_sequence(expected: list, got: list, what: str, fmt: str) -> None:
    """Fail with the first differing item (and the items just before it)."""
    if expected == got:
        return
    i = next((k for k, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    pytest.fail(
        f"{what}: first difference at item {i}: txt {_show(expected, i)} vs {fmt} {_show(got, i)} "
        f"(txt has {len(expected)} items, {fmt} has {len(got)}; "
        f"the {min(i, 3)} items before agree: {expected[max(0, i - 3):i]!r})",
        pytrace=False,
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEED_NAMES)
def test_same_section_numbers(rendered_seeds, seed, fmt):
    txt = _load(rendered_seeds, seed, "txt")
    other = _load(rendered_seeds, seed, fmt)
    assert _numbers(txt), f"{seed}: the TXT loader found no numbered blocks"
    assert_same_sequence(_numbers(txt), _numbers(other), f"{seed} section numbers", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEED_NAMES)
def test_same_bullets(rendered_seeds, seed, fmt):
    """Bulleted items: Word bullets (numPr) in the DOCX, printed bullets in the PDF."""
    txt = _load(rendered_seeds, seed, "txt")
    other = _load(rendered_seeds, seed, fmt)
    f = squash if fmt == "pdf" else norm
    assert_same_sequence([f(t) for t in _bullets(txt)], [f(t) for t in _bullets(other)],
                         f"{seed} bulleted items (first 60 chars)", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEED_NAMES)
def test_same_table_cells(rendered_seeds, seed, fmt):
    txt_tables = _tables(_load(rendered_seeds, seed, "txt"), fmt)
    other_tables = _tables(_load(rendered_seeds, seed, fmt), fmt)
    assert txt_tables, f"{seed}: the TXT loader found no tables"
    for n, (a, b) in enumerate(zip(txt_tables, other_tables)):
        assert_same_sequence(a, b, f"{seed} table {n} (rows of cell texts)", fmt)
    m = min(len(txt_tables), len(other_tables))
    extra = txt_tables[m:] or other_tables[m:]
    assert len(txt_tables) == len(other_tables), (
        f"{seed}: txt has {len(txt_tables)} tables, {fmt} has {len(other_tables)}; "
        f"first rows of table {m}, found only in {'txt' if txt_tables[m:] else fmt}: {extra[0][:2]!r}")
