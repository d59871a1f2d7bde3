"""The loader's per-character work in C against the Python it replaces
(issue 16): both must give the same result, value for value and type for
type, so the tables do not depend on whether the extensions were built.

* _pdf_words.page (clean_chars, mark_scripts, pdfplumber's extract_words,
  _word) against pages.page_words_py, on every page of corpus papers read
  by PDFium and by pdfminer, and on made-up characters for the corners
  (empty texts, int coordinates, ligatures, rotated text, mixed fonts,
  super/subscript digits, a page the C leaves to Python);
* _pdfium_chars.chars (the char dicts of a PDFium page) against
  pdfium_objects._read_chars_py on the ctypes glyph loop.
"""
from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from extractors.loaders.pdf import pages as pg

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "corpus"

PAPERS = [
    "kent/cabinet__2025-01-30__originals__Appendix L - Treasury Management Strategy 2025-26.pdf",
    "kent/cabinet__2025-01-30__originals__Appendix I Budget Risk Register 22.01.25.pdf",   # over-printed runs
    "kent/full_council__2025-02-13__originals__Appendix F - All templates.pdf",
    "kent/cabinet__2025-01-30__originals__24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf",
    "west-sussex/core__West-Sussex-Suicide-Audit-2017.pdf",
    "ofsted/80451_wakefield__area send full inspection - 26 july 2024.pdf",
]

needs_c = pytest.mark.skipif(pg._pdf_words is None, reason="the C extension is not built here (no compiler): "
                                                            "the loader uses page_words_py")


def _paper(rel: str) -> Path:
    p = CORPUS / rel
    if not p.is_file():
        pytest.fail(f"shared corpus file missing: {p}", pytrace=False)
    return p


def _typed(value):
    return type(value).__name__, repr(value)


def _result(got) -> tuple:
    dropped, dropped_text, words = got
    return dropped, dropped_text, [tuple(_typed(v) for v in dataclasses.astuple(w)) for w in words]


def _dicts(chars: list[dict]) -> list:
    return [[(k, *_typed(v)) for k, v in c.items()] for c in chars]


def _c_page(chars, width, height):
    """The C result, through page_words (None when the C leaves the page to Python)."""
    got = pg._pdf_words.page(chars, width, height, pg.LAYOUT.word_x_tolerance, pg.LAYOUT.word_y_tolerance)
    return got


def _compare(make_chars, width, height, copies=None) -> bool:
    """page_words (C) and page_words_py on two fresh copies of one page's
    characters (`copies`, or made by make_chars): the same result, and the
    same dicts afterwards (mark_scripts rewrites digits in place). True when
    the C took the page."""
    a, b = copies or (make_chars(), make_chars())
    took = copies is not None or _c_page(make_chars(), width, height) is not None
    got_c = _result(pg.page_words(a, width, height))
    got_py = _result(pg.page_words_py(b, width, height))
    assert got_c == got_py
    assert _dicts(a) == _dicts(b)
    return took


@needs_c
@pytest.mark.needs_shared
@pytest.mark.parametrize("rel", PAPERS)
def test_c_words_match_python_on_pdfium_pages(rel):
    import pdfplumber
    from extractors.loaders.pdfium_objects import PdfiumDocument
    data = _paper(rel).read_bytes()
    fast = PdfiumDocument(data)
    taken = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                if page.rotation:
                    continue
                bbox = page.bbox
                try:
                    fast.objects(i, bbox=bbox)
                except Exception:  # noqa: BLE001 - a page the loader reads through pdfminer
                    continue
                width, height = float(page.width) + float(bbox[0]), float(page.height) + float(bbox[1])
                taken += _compare(lambda: fast.objects(i, bbox=bbox)["char"], width, height)
    finally:
        fast.close()
    assert taken > 0


@needs_c
@pytest.mark.needs_shared
@pytest.mark.parametrize("rel", PAPERS[:2])
def test_c_words_match_python_on_pdfminer_pages(rel):
    import pdfplumber
    data = _paper(rel).read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as one, pdfplumber.open(io.BytesIO(data)) as two:
        for pa, pb in zip(one.pages, two.pages):   # two parses: two sets of dicts
            bbox = pa.bbox
            _compare(None, float(pa.width) + float(bbox[0]), float(pa.height) + float(bbox[1]),
                     copies=(pa.chars, pb.chars))


def _char(text, x0, top, *, size=10.0, font="Arial", upright=True, matrix=None, x1=None, bottom=None):
    x1 = x0 + 5.0 if x1 is None else x1
    bottom = top + size if bottom is None else bottom
    c = {"object_type": "char", "text": text, "fontname": font, "size": size, "upright": upright,
         "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top}
    if matrix is not None:
        c["matrix"] = matrix
    return c


def _synthetic_pages():
    up = (1.0, 0.0, 0.0, 1.0)
    rot = (0.0, 1.0, -1.0, 0.0)
    line = [_char(t, 10.0 + 5 * i, 100.0, matrix=up) for i, t in enumerate("Word one")]
    yield "plain", lambda: [dict(c) for c in line]
    yield "int coordinates", lambda: [_char(t, 10 + 5 * i, 100, size=10, matrix=(1, 0, 0, 1)) for i, t in enumerate("ab cd")]
    yield "ligatures and nbsp", lambda: [_char("\ufb01", 10.0, 50.0), _char("ne", 15.0, 50.0), _char("\u00a0", 20.0, 50.0),
                                         _char("x\u00a0y", 25.0, 50.0), _char("\ufb03", 30.0, 50.0)]
    yield "empty text", lambda: [_char("a", 10.0, 50.0), _char("", 15.0, 50.0), _char("b", 20.0, 50.0)]
    yield "mixed fonts and sizes", lambda: [_char("A", 10.0, 50.0, font="Arial-Bold", size=12.0),
                                            _char("b", 15.0, 50.2, font="Arial", size=9.5),
                                            _char("c", 20.0, 50.1, font="Arial", size=11)]
    yield "superscript and subscript", lambda: [_char("x", 10.0, 50.0), _char("2", 15.0, 48.0, size=6.0, bottom=54.0),
                                                _char(" ", 20.0, 50.0), _char("C", 30.0, 50.0), _char("O", 35.0, 50.0),
                                                _char("2", 40.0, 56.0, size=6.0, bottom=62.0)]
    yield "rotated text", lambda: [_char(t, 100.0, 10.0 + 6 * i, upright=False, matrix=rot) for i, t in enumerate("Side")] + \
        [_char("z", 10.0, 80.0, matrix=up)]
    yield "mostly rotated page", lambda: [_char(t, 100.0 + (i % 3), 10.0 + 6 * i, upright=i % 2 == 0, matrix=rot)
                                          for i, t in enumerate("abcdefgh")]
    yield "no matrix, off page, tiny, duplicates", lambda: [
        _char("a", 10.0, 50.0), _char("a", 10.2, 50.3), _char(" ", 15.0, 50.0), _char(" ", 15.0, 50.0),
        _char("b", -40.0, 50.0), _char("c", 20.0, 50.0, size=0.5), _char("d", 25.0, 50.0)]
    yield "lines cluster by top", lambda: [_char("a", 10.0, 50.0), _char("b", 30.0, 52.9), _char("c", 20.0, 55.5),
                                           _char("d", 12.0, 59.0), _char("e", 14.0, 50.0)]
    yield "over-printed runs", lambda: [_char(t, 10.0 + 5 * i, 50.0, font="F1") for i, t in enumerate("Label")] + \
        [_char(t, 10.5 + 5 * i, 50.0, font="F2", size=11.0) for i, t in enumerate("Other")]
    yield "over-printed runs, three ways", lambda: [
        _char(t, 10.0 + 5 * i, 50.0, font="F1") for i, t in enumerate("Significant")] + [
        _char(t, 12.0 + 5 * i, 50.2, font="F2", size=9.0) for i, t in enumerate("Risks ab")] + [
        _char(t, 30.0 + 5 * i, 49.8, font="F3", size=12.0) for i, t in enumerate("Kent x")] + [
        _char("y", 200.0, 50.0, font="F1")]
    yield "a value the C does not take", lambda: [_char("a", 10.0, 50.0), {**_char("b", 15.0, 50.0), "size": None}]


@needs_c
@pytest.mark.parametrize("name,make", list(_synthetic_pages()), ids=[n for n, _ in _synthetic_pages()])
def test_c_words_match_python_on_made_up_characters(name, make):
    took = _compare(make, 600.0, 800.0)
    assert took == (name != "a value the C does not take")


@pytest.mark.needs_shared
@pytest.mark.parametrize("rel", PAPERS[:2] + PAPERS[4:])
def test_c_page_objects_match_the_python_loop(rel, monkeypatch):
    """_pdfium_chars.walk and .chars give the page objects the Python walk
    and _read_chars_py (on the ctypes glyph loop) give: the same char, rect,
    line and curve dicts (keys, values, types, order), page by page, drawing
    order and blank spaces included."""
    import pypdfium2 as pdfium
    from extractors.loaders import pdfium_objects as po
    if po._pdfium_chars is None:
        pytest.skip("the C extension is not built here (no compiler): the loader uses the ctypes loop")
    doc = pdfium.PdfDocument(_paper(rel).read_bytes())
    fast = po._pdfium_chars
    try:
        for i in range(len(doc)):
            page = doc[i]
            bbox = (0.0, 0.0, *page.get_size())
            try:
                try:
                    got_c = po.read_objects(page, bbox=bbox)
                except po.PageNeedsPdfminer:
                    got_c = None
                monkeypatch.setattr(po, "_pdfium_chars", None)
                try:
                    got_py = po.read_objects(page, bbox=bbox)
                except po.PageNeedsPdfminer:
                    got_py = None
                monkeypatch.setattr(po, "_pdfium_chars", fast)
                assert (got_c is None) == (got_py is None), f"page {i + 1}"
                if got_c is not None:
                    for kind in ("char", "rect", "line", "curve"):
                        assert _dicts(got_c[kind]) == _dicts(got_py[kind]), f"page {i + 1}: {kind}"
            finally:
                page.close()
    finally:
        doc.close()


@pytest.mark.needs_shared
@pytest.mark.parametrize("rel", PAPERS)
def test_fast_table_cells_match_pdfplumber(rel):
    """tables._cells_of finds the cells pdfplumber's intersections_to_cells
    finds, in the same order, and _table_finder the same tables as
    page.find_tables, on every page (PDFium page objects, as the loader
    reads them)."""
    import pdfplumber
    from pdfplumber.table import TableFinder, TableSettings, intersections_to_cells
    from extractors.loaders.pdf import tables as tb
    from extractors.loaders.pdfium_objects import PdfiumDocument
    data = _paper(rel).read_bytes()
    fast = PdfiumDocument(data)
    cells = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                if not page.rotation:
                    try:
                        page._objects = fast.objects(i, bbox=page.bbox)
                    except Exception:  # noqa: BLE001 - pdfminer's objects, as the loader does
                        pass
                theirs = TableFinder(page, TableSettings.resolve({}))
                assert tb._cells_of(theirs.intersections) == intersections_to_cells(theirs.intersections)
                cells += len(theirs.cells)
                ours = tb._table_finder(page, {})
                assert [(t.bbox, t.cells) for t in ours.tables] == [(t.bbox, t.cells) for t in theirs.tables]
    finally:
        fast.close()
    assert cells or "Suicide" in rel or "wakefield" in rel
