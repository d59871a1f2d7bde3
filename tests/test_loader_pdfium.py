"""PDFium page objects (extractors/loaders/pdfium_objects.py) against
pdfminer's: the loader must read the same lines and table cells whichever
parser gave it the page, and the spaces and hyphens PDFium's text page
changes must come back as the PDF drew them.

Kent papers from ../shared/corpus are read both ways (the
COUNCIL_EXTRACT_PDF_PARSER=pdfminer switch) and compared page by page.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.loaders import doc_id_for
from extractors.loaders import pdf as pdf_loader
from extractors.loaders.pdfium_objects import PdfiumDocument

REPO_ROOT = Path(__file__).resolve().parent.parent
KENT = REPO_ROOT.parent / "shared" / "corpus" / "kent"

TREASURY = "cabinet__2025-01-30__originals__Appendix L - Treasury Management Strategy 2025-26.pdf"
RISK_REGISTER = "cabinet__2025-01-30__originals__Appendix I Budget Risk Register 22.01.25.pdf"
SAVINGS_TEMPLATES = "full_council__2025-02-13__originals__Appendix F - All templates.pdf"


def _kent(name: str) -> Path:
    p = KENT / name
    if not p.is_file():
        pytest.fail(f"shared corpus file missing: {p}", pytrace=False)
    return p


def _pages_both_ways(path: Path):
    """(pdfminer PageContent, PDFium PageContent) per page."""
    import pdfplumber
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as a, pdfplumber.open(io.BytesIO(data)) as b:
        fast = PdfiumDocument(data)
        try:
            for i, (pa, pb) in enumerate(zip(a.pages, b.pages)):
                pb._objects = fast.objects(i, bbox=pb.bbox)
                yield pdf_loader._read_page(pa, i + 1), pdf_loader._read_page(pb, i + 1)
        finally:
            fast.close()


def _summary(pc):
    return ([ln.text for ln in pc.lines], [[[c.text for c in row] for row in t.rows] for t in pc.tables])


@pytest.mark.needs_shared
def test_lines_and_cells_match_pdfminer_on_kent_papers():
    """Every page of five Kent papers of different kinds (cover report,
    budget table appendix, treasury strategy, risk register, savings
    templates with signed figures): at least 95% of pages identical, and
    no figure split in two ("-757.6" read as "-7 57.6")."""
    names = [TREASURY, RISK_REGISTER, SAVINGS_TEMPLATES,
             "cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf",
             "cabinet__2025-01-30__originals__24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"]
    total = same = 0
    split_numbers = []
    import re
    for name in names:
        for n, (a, b) in enumerate(_pages_both_ways(_kent(name)), 1):
            total += 1
            sa, sb = _summary(a), _summary(b)
            same += sa == sb
            cells = [c for t in sb[1] for row in t for c in row] + sb[0]
            split_numbers += [(name, n, m.group(0)) for c in cells
                              for m in re.finditer(r"-\d \d{1,3},\d{3}|-\d \d\d\.\d\b", c)]
    assert total > 60
    assert same / total >= 0.95, f"only {same}/{total} pages read the same"
    assert not split_numbers


@pytest.mark.needs_shared
def test_paragraph_number_space_drawn_as_its_own_text_object():
    """Word draws the space after a paragraph number ("95.<space>The budget")
    as a text object of its own, which PDFium's text page skips; without it
    "95." and "The" join. Page 17 of the treasury strategy, read by eye:
    paragraphs 94-98 start with their numbers."""
    pages = list(_pages_both_ways(_kent(TREASURY)))
    _, fast = pages[16]
    starts = [ln.text.split(" ", 1)[0] for ln in fast.lines]
    for number in ("94.", "95.", "96.", "97.", "98."):
        assert number in starts, f"{number} not split from its paragraph: {[ln.text[:20] for ln in fast.lines]}"


@pytest.mark.needs_shared
def test_loader_output_same_with_either_parser(monkeypatch):
    """The whole Document (blocks, tables, headings) of the treasury
    strategy is the same read through PDFium and through pdfminer."""
    path = _kent(TREASURY)
    data = path.read_bytes()
    fast = pdf_loader.load(data, path=str(path), doc_id=doc_id_for(data))
    monkeypatch.setenv(pdf_loader.PARSER_ENV, "pdfminer")
    slow = pdf_loader.load(data, path=str(path), doc_id=doc_id_for(data))
    assert [(b.kind, b.numbering, b.text, b.page, b.table and [[c.text for c in r] for r in b.table.rows]) for b in fast.blocks] == \
        [(b.kind, b.numbering, b.text, b.page, b.table and [[c.text for c in r] for r in b.table.rows]) for b in slow.blocks]


@pytest.mark.needs_shared
def test_a_page_pdfium_cannot_read_falls_back_to_pdfminer(monkeypatch):
    path = _kent(TREASURY)
    data = path.read_bytes()
    monkeypatch.setenv(pdf_loader.PARSER_ENV, "pdfminer")
    slow = pdf_loader.load(data, path=str(path), doc_id=doc_id_for(data))
    monkeypatch.delenv(pdf_loader.PARSER_ENV)
    calls = []

    def broken(self, index, *, bbox):
        calls.append(index)
        raise RuntimeError("simulated PDFium failure")

    monkeypatch.setattr(PdfiumDocument, "objects", broken)
    fallback = pdf_loader.load(data, path=str(path), doc_id=doc_id_for(data))
    assert len(calls) == slow.pages
    assert [b.text for b in fallback.blocks] == [b.text for b in slow.blocks]
    assert not fallback.warnings or fallback.warnings == slow.warnings


def test_reportlab_pdf_rules_and_fills_become_pdfplumber_rects(tmp_path):
    """A table drawn with ruling lines and a filled header row (reportlab):
    PDFium's paths come out as pdfplumber's rects/lines with the fill
    colour, and the loader finds the same table either way."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    out = tmp_path / "t.pdf"
    doc = SimpleDocTemplate(str(out), pagesize=A4)
    t = Table([["Action", "Owner", "RAG"], ["Recruit two social workers", "Head of Service", "Amber"],
               ["Audit case files", "Principal Social Worker", "Green"]])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#ffbf00"))]))
    doc.build([t])
    data = out.read_bytes()
    fast_doc = PdfiumDocument(data)
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        fast = fast_doc.objects(0, bbox=page.bbox)
        filled = [r for r in fast["rect"] if r["fill"]]
        assert filled and any(pdf_loader._colour(r["non_stroking_color"]) == "#ffbf00" for r in filled)
        assert len(fast["char"]) == len([c for c in page.chars])
        assert [c["text"] for c in fast["char"]] == [c["text"] for c in page.chars]
        for a, b in zip(fast["char"], page.chars):
            # a standard-14 font (Helvetica) has no descriptor: PDFium and pdfminer
            # take its descent from different metrics, a fraction of a point apart
            assert abs(a["x0"] - b["x0"]) < 0.05 and abs(a["top"] - b["top"]) < 0.5
    fast_doc.close()
    d1 = pdf_loader.load(data, path=str(out), doc_id="x")
    tables = [b.table for b in d1.blocks if b.kind == "table"]
    assert tables and [c.text for c in tables[0].rows[1]] == ["Recruit two social workers", "Head of Service", "Amber"]
    assert tables[0].rows[0][0].fill == "#ffbf00"


@pytest.mark.needs_shared
@pytest.mark.parametrize("name", [TREASURY, RISK_REGISTER, SAVINGS_TEMPLATES])
def test_the_c_character_read_gives_the_same_glyphs_as_the_ctypes_loop(name):
    """_pdfium_chars.c (built by setup.py where a C compiler is present)
    reads each page's characters as the ctypes loop does, record for record."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from extractors.loaders import pdfium_objects as po
    if po._pdfium_chars is None:
        pytest.skip("the C extension is not built here (no compiler): the loader uses the ctypes loop")
    doc = pdfium.PdfDocument(_kent(name).read_bytes())
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = raw.FPDFText_LoadPage(page.raw)
            try:
                n = raw.FPDFText_CountChars(tp)
                assert po._c_glyphs(tp, n) == po._py_glyphs(tp, n), f"page {i + 1}"
            finally:
                raw.FPDFText_ClosePage(tp)
                page.close()
    finally:
        doc.close()
