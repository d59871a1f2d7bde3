"""PDF loader: real Kent County Council and Ofsted papers from ../shared/corpus
(relative to the repo root) plus small PDFs made here with reportlab for the
cases the corpus does not hold (encrypted, scanned, rotated watermark).

The expected values were read off the rendered pages by a person (row counts
of the risk register, cover-page labels), not taken from the loader's output.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from extractors.loaders import doc_id_for
from extractors.loaders.errors import LoadError
from extractors.loaders.pdf import load
from extractors.model import Document

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
KENT = CORPUS / "kent"
OFSTED = CORPUS / "ofsted"

REPORT_109 = "cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf"
RISK_REGISTER = "cabinet__2025-01-30__originals__Appendix I Budget Risk Register 22.01.25.pdf"
CHESHIRE = "80447_cheshire east__children's services inspection - 16 may 2024.pdf"
FINANCE_Q3 = "cabinet__2025-01-30__originals__24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"

_cache: dict[Path, Document] = {}


def _load_path(path: Path) -> Document:
    if not path.is_file():
        pytest.fail(f"shared corpus file missing: {path} (expected ../shared/corpus next to the repo root)", pytrace=False)
    if path not in _cache:
        data = path.read_bytes()
        _cache[path] = load(data, path=str(path), doc_id=doc_id_for(data))
    return _cache[path]


def _text_blocks(doc: Document):
    return [b for b in doc.blocks if b.kind != "table"]


def norm(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------
# Kent report 24/00109: cover block, numbering, headings, page joins
# --------------------------------------------------------------------------

@pytest.mark.needs_shared
class TestKentReport:
    @pytest.fixture(scope="class")
    def doc(self):
        return _load_path(KENT / REPORT_109)

    def test_document_fields(self, doc):
        assert doc.format == "pdf"
        assert doc.pages == 9
        assert doc.file_name == REPORT_109
        assert all(b.page and 1 <= b.page <= 9 for b in doc.blocks)

    def test_cover_block_one_paragraph_per_label(self, doc):
        texts = [norm(b.text) for b in _text_blocks(doc)[:15]]
        assert "To: Cabinet - 30 January 2025" in texts
        assert ("Subject: Transfer the 18-25 section of the Strengthening Independence Service from the "
                "Children Young People and Education Directorate to the Adult Social Care and Health Directorate") in texts
        assert "Decision no: 24/00109" in texts
        assert "Classification: Unrestricted" in texts
        frm = next(t for t in texts if t.startswith("From:"))
        # the value runs over eight lines of the right-hand column: four people
        for person in ("Sue Chandler", "Dan Watkins", "Sarah Hammond", "Richard Smith, Corporate Director, Adult Social Care and Health"):
            assert person in frm
        assert frm.startswith("From: Sue Chandler, Cabinet Member for Integrated Children’s Services")
        past = next(t for t in texts if t.startswith("Past Pathway of report:"))
        assert past.endswith("Committee – 16 January 2025")

    def test_summary_label_keeps_its_paragraph(self, doc):
        summary = next(b for b in _text_blocks(doc) if b.text.startswith("Summary:"))
        assert summary.text.endswith("learning and physical disabilities.")

    def test_numbered_paragraphs(self, doc):
        nums = [b.numbering for b in _text_blocks(doc) if b.numbering and re.fullmatch(r"\d+\.\d+", b.numbering)]
        assert nums[:9] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]
        assert nums[-3:] == ["10.1", "10.2", "10.3"]
        assert len(nums) == 9 + 9 + 3 + 2 + 1 + 4 + 3 + 1 + 2 + 3  # sections 1-10 as printed
        p11 = next(b for b in doc.blocks if b.numbering == "1.1")
        assert p11.kind == "paragraph" and p11.level == 2
        assert p11.text.startswith("Transitions is the process of a minor")

    def test_numbered_headings(self, doc):
        heads = [(b.numbering, b.text) for b in doc.blocks if b.kind == "heading" and b.numbering]
        assert ("1", "Introduction") in heads
        assert ("10", "Conclusions") in heads
        assert all(b.level == 1 for b in doc.blocks if b.kind == "heading" and b.numbering in {"1", "2", "3"})
        assert any(b.kind == "heading" and b.text == "Recommendation(s):" for b in doc.blocks)

    def test_lettered_recommendations_and_bullets(self, doc):
        items = [b for b in doc.blocks if b.kind == "list_item" and b.numbering in {"A", "B"}]
        assert [b.numbering for b in items[:2]] == ["A", "B"]
        assert items[0].text.startswith("Agree to TRANSFER the statutory functions")
        assert items[0].text.endswith("from 1 April 2025; and")
        bullets = [b for b in doc.blocks if b.kind == "list_item" and b.numbering == "•" and b.page == 2]
        texts = [b.text for b in bullets]
        # "o" sub-bullets are their own items, one level deeper
        assert "Multi-Agency Collaboration" in texts
        assert "Include a Sensory and Young People’s Team" in texts
        sub = next(b for b in bullets if b.text == "Multi-Agency Collaboration")
        top = next(b for b in bullets if b.text.startswith("The Strengthening Independence Service (SIS) oversees"))
        assert sub.level == top.level + 1

    def test_paragraph_joined_across_page_break(self, doc):
        p12 = next(b for b in doc.blocks if b.numbering == "1.2")
        assert p12.page == 2
        assert "As of October 2024, the 18-25 section of the Strengthening Independence Service were working with 894 young adults." in p12.text
        assert not any(b.text.startswith("2024, the 18-25") for b in doc.blocks)


# --------------------------------------------------------------------------
# running headers / footers and page numbers
# --------------------------------------------------------------------------

@pytest.mark.needs_shared
def test_ofsted_footer_and_page_numbers_are_furniture():
    doc = _load_path(OFSTED / CHESHIRE)
    assert doc.pages == 11
    assert "Inspection of Cheshire East local authority children’s services" in " ".join(doc.furniture)
    assert "26th February 2024 to 8th March 2024" in doc.furniture
    for b in _text_blocks(doc):
        assert "26th February 2024 to 8th March 2024" not in b.text
        assert not re.fullmatch(r"\d{1,3}", b.full_text.strip()), f"bare page number left in the body: {b}"
    # the body keeps its own mention of the inspection dates and the numbered paragraphs run 1..N without gaps
    nums = [int(b.numbering) for b in doc.blocks if b.numbering and b.numbering.isdigit() and b.kind == "paragraph"]
    assert nums == list(range(1, len(nums) + 1)) and len(nums) > 40


@pytest.mark.needs_shared
def test_kent_page_numbers_and_running_title_are_furniture():
    doc = _load_path(KENT / FINANCE_Q3)
    assert doc.furniture, "this 54-page report numbers its pages"
    page_numbers = [t for t in doc.furniture if re.fullmatch(r"(?:Page\s*)?\d+(?:\s*of\s*\d+)?", t.strip(), re.I)]
    assert page_numbers
    body = [b.full_text.strip() for b in _text_blocks(doc)]
    assert not [t for t in body if re.fullmatch(r"(?:Page\s*)?\d+(?:\s*of\s*\d+)?", t, re.I)]


# --------------------------------------------------------------------------
# the budget risk register: one table over eleven pages, no watermark text
# --------------------------------------------------------------------------

@pytest.mark.needs_shared
class TestRiskRegister:
    @pytest.fixture(scope="class")
    def doc(self):
        return _load_path(KENT / RISK_REGISTER)

    @pytest.fixture(scope="class")
    def register(self, doc):
        big = [t for _, t in doc.tables() if t.n_cols == 8]
        assert len(big) == 1, f"expected one 8-column register, got {len(big)} tables"
        return big[0]

    def test_one_table_over_all_pages(self, register):
        assert register.pages == list(range(1, 12))
        # counted on the rendered pages: 3+4+4+5+3+4+2+5+4+6+4 rows under the header
        # (42 risks and the two band rows "Significant Risks" / "Other Risks")
        assert len(register.body) == 44
        assert register.header_rows == 2

    def test_header(self, register):
        assert register.header[:5] == ["Directorate", "Risk Title", "Source/Cause of Risk", "Risk Event", "Consequence"]
        assert register.header[5] == "Current Likelihood (1-5)"
        assert register.header[6] == "Estimated Annual Financial Exposure £m"

    def test_rows(self, register):
        first = [c.text for c in register.body[0]]
        assert first[0] == "Significant Risks (over £10m)"
        titles = [norm(r[1].text) for r in register.body]
        assert titles[1] == "High Needs Spending"
        assert titles[-1] == "Backlog of maintenance for properties transferring to Corporate Landlord"
        assert "Cyber Security" in titles
        likelihood = [r[5].text for r in register.body if r[5].text]
        assert all(v in {"1", "2", "3", "4", "5"} for v in likelihood)
        assert len(likelihood) == 42

    def test_no_overprinted_or_watermark_text_in_cells(self, doc, register):
        cells = [c.text for r in register.rows for c in r]
        market = next(r for r in register.body if r[1].text == "Market Sustainability" and r[0].text.startswith("ASCH"))
        assert market[0].text == "ASCH / CYPE"
        assert market[2].text.startswith("The long term impact of Covid-19 is still impacting on the social care market")
        assert not any("ASSig" in t or "£T1h0e" in t or "Rariksekt" in t for t in cells)
        # the clipped band label hidden behind the gradient cell is not read into other rows
        assert sum("Significant Risks" in t for t in cells) == 1 * 3  # the band row repeats its merged text in 3 columns
        assert not any("DRAFT" in t for t in cells)
        assert "DRAFT" in doc.furniture
        assert not any(b.text == "DRAFT" for b in doc.blocks)

    def test_running_title_and_totals_box_not_repeated(self, doc):
        assert "Appendix I: Budget Risks Register 2025-26" in doc.furniture
        totals = [t for _, t in doc.tables() if t.n_cols == 3]
        assert len(totals) == 1 and [c.text for c in totals[0].rows[0]] == ["TOTAL £m", "334.7", "290.0"]

    def test_cell_fill_colours(self, register):
        cype = next(r for r in register.body if r[1].text == "High Needs Spending")
        assert cype[0].text == "CYPE"
        assert re.fullmatch(r"#[0-9a-f]{6}", cype[0].fill or "")
        assert cype[2].fill is None  # white cell
        assert all(c.page == 1 for c in cype)


# --------------------------------------------------------------------------
# made-up PDFs: tables, watermarks, errors
# --------------------------------------------------------------------------

def _reportlab():
    return pytest.importorskip("reportlab")


def _pdf_bytes(draw, *, encrypt=None, pagesize=None) -> bytes:
    _reportlab()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize or A4, encrypt=encrypt, invariant=1)
    draw(c)
    c.save()
    return buf.getvalue()


def test_rotated_and_overprinted_watermarks_are_dropped():
    def draw(c):
        for page in range(2):
            c.setFont("Helvetica", 11)
            y = 760
            for i in range(8):
                c.drawString(72, y, f"Body line {i + 1} of page {page + 1} describes the plan in some detail.")
                y -= 14
            # a diagonal DRAFT watermark across the page
            c.saveState()
            c.setFont("Helvetica-Bold", 80)
            c.translate(300, 400)
            c.rotate(45)
            c.drawCentredString(0, 0, "DRAFT")
            c.restoreState()
            # text printed over other text (a clipped label overflowing its cell)
            c.setFont("Helvetica-Bold", 14)
            c.drawString(72, 600, "Overflowing label text that runs on")
            c.setFont("Helvetica", 11)
            c.drawString(72, 601, "Visible")
            c.drawString(180, 601, "words")
            c.showPage()

    data = _pdf_bytes(draw)
    doc = load(data, path="made/watermark.pdf", doc_id=doc_id_for(data))
    text = doc.text
    assert "DRAFT" not in text and "D R A F T" not in text
    assert "Body line 8 of page 2 describes the plan in some detail." in text
    assert "Overflowing" not in text
    assert "Visible words" in text
    assert any("left out" in w for w in doc.warnings)


def test_table_with_fills_merged_cells_and_continuation():
    _reportlab()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    head = ["Ref", "Action", "Lead", "RAG"]
    rows = [head]
    for i in range(1, 61):
        rows.append([f"{i}.", f"Action number {i} is carried out by the team", "Head of Service", ""])
    rows.append(["61.", "Merged across two columns", "", "G"])
    t = Table(rows, repeatRows=1, colWidths=[40, 300, 110, 40])
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("BACKGROUND", (3, 1), (3, 1), colors.HexColor("#ff0000")),
        ("BACKGROUND", (3, 2), (3, 2), colors.HexColor("#ffc000")),
        ("BACKGROUND", (3, 3), (3, 3), colors.HexColor("#00b050")),
        ("SPAN", (1, 61), (2, 61)),
    ]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build([Paragraph("1. Action plan", styles["Heading1"]), t])
    data = buf.getvalue()
    doc = load(data, path="made/table.pdf", doc_id=doc_id_for(data))
    tables = doc.tables()
    assert len(tables) == 1
    table = tables[0][1]
    assert doc.pages >= 2 and table.pages == list(range(1, doc.pages + 1))
    assert table.header_rows == 1 and table.header == head
    assert len(table.body) == 61
    assert [r[0].text for r in table.body[:3]] == ["1.", "2.", "3."]
    assert [r[3].fill for r in table.body[:4]] == ["#ff0000", "#ffc000", "#00b050", None]
    last = table.body[-1]
    assert [c.text for c in last] == ["61.", "Merged across two columns", "Merged across two columns", "G"]
    assert [c.spanned for c in last] == [False, False, True, False]   # the copy in the covered slot
    # no table text leaks into paragraphs
    assert not any("Action number" in b.text for b in doc.blocks if b.kind != "table")
    heading = next(b for b in doc.blocks if b.kind == "heading")
    assert (heading.numbering, heading.text) == ("1", "Action plan")


def test_encrypted_pdf():
    _reportlab()
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128)

    def draw(c):
        c.drawString(72, 720, "Confidential text")
        c.showPage()

    data = _pdf_bytes(draw, encrypt=enc)
    with pytest.raises(LoadError) as e:
        load(data, path="made/locked.pdf", doc_id=doc_id_for(data))
    assert e.value.error_type == "encrypted"


def test_owner_password_only_pdf_still_loads():
    """Encrypted with an empty user password (print/copy restrictions only): readable."""
    _reportlab()
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner-secret", strength=128)

    def draw(c):
        c.drawString(72, 720, "Restricted but readable text")
        c.showPage()

    data = _pdf_bytes(draw, encrypt=enc)
    doc = load(data, path="made/restricted.pdf", doc_id=doc_id_for(data))
    assert "Restricted but readable text" in doc.text


@pytest.mark.parametrize("data", [
    os.urandom(0) + bytes(range(256)) * 8,
    b"%PDF-1.7\n" + bytes((i * 37) % 256 for i in range(5000)),
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
], ids=["random-bytes", "pdf-header-then-garbage", "truncated-structure"])
def test_corrupt_bytes(data):
    with pytest.raises(LoadError) as e:
        load(data, path="bad.pdf", doc_id=doc_id_for(data))
    assert e.value.error_type == "corrupt"


def test_empty_bytes():
    with pytest.raises(LoadError) as e:
        load(b"", path="empty.pdf", doc_id="e")
    assert e.value.error_type == "empty"


def test_scanned_pdf_without_text_layer():
    def draw(c):
        c.rect(72, 72, 400, 600, fill=1)   # an "image" of a page: no text
        c.showPage()
        c.rect(72, 72, 400, 600, fill=0)
        c.showPage()

    data = _pdf_bytes(draw)
    with pytest.raises(LoadError) as e:
        load(data, path="made/scan.pdf", doc_id=doc_id_for(data))
    assert e.value.error_type == "no_text"
    assert "neither a text layer nor anything OCR could read" in e.value.message


def test_failing_page_is_skipped_with_a_warning(monkeypatch):
    from extractors.loaders import pdf as pdfmod

    def draw(c):
        for i in range(3):
            c.drawString(72, 720, f"Text of page {i + 1}.")
            c.showPage()

    data = _pdf_bytes(draw)
    real = pdfmod._read_page

    def flaky(page, number):
        if number == 2:
            raise ValueError("broken content stream")
        return real(page, number)

    monkeypatch.setattr(pdfmod, "_read_page", flaky)
    doc = pdfmod.load(data, path="made/flaky.pdf", doc_id="f")
    assert doc.pages == 3
    assert "Text of page 1." in doc.text and "Text of page 3." in doc.text
    assert "Text of page 2." not in doc.text
    assert any(w.startswith("page 2:") and "broken content stream" in w for w in doc.warnings)


# --------------------------------------------------------------------------
# the whole shared corpus loads
# --------------------------------------------------------------------------

@pytest.mark.needs_shared
@pytest.mark.skipif(not os.environ.get("PDF_CORPUS"), reason="set PDF_CORPUS=1 to load every PDF in ../shared/corpus (a few minutes)")
def test_every_corpus_pdf_loads():
    files = sorted(CORPUS.glob("*/*.pdf"))
    assert len(files) > 100
    for f in files:
        doc = _load_path(f)
        assert doc.blocks, f
        # (a picture whose OCR is too poor to keep is reported, not a page that failed to load)
        assert not [w for w in doc.warnings if w.startswith("page ") and "without readable text" not in w], \
            (f, doc.warnings)
        _cache.pop(f, None)


def test_a_bar_charts_bars_and_gridlines_are_not_a_table():
    """Gridlines and filled bars make rectangles pdfplumber reads as a grid;
    the few words inside are data labels, so the chart's text stays text."""
    _reportlab()

    def draw(c):
        c.setFont("Helvetica", 9)
        c.drawString(72, 760, "Figure 2: Admissions by age band, rate per 100,000")
        base, top = 520, 720
        for k in range(5):                      # gridlines
            y = base + k * 50
            c.line(100, y, 460, y)
            c.drawString(80, y - 3, str(k * 400))
        for i, (h, label) in enumerate([(486.3, "486.3"), (1412.6, "1412.6"), (602.8, "602.8")]):
            x = 130 + i * 110
            c.setFillColorRGB(0.2, 0.4, 0.35)
            c.rect(x, base, 40, h / 1600 * 200, fill=1, stroke=1)
            c.setFillColorRGB(1, 1, 1)
            c.drawString(x + 5, base + 10, label)   # the label inside its bar
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x, base - 14, f"Aged {10 + 5 * i}")
        c.drawString(72, 480, "Source: Hospital Episode Statistics.")
        c.showPage()

    data = _pdf_bytes(draw)
    doc = load(data, path="made/chart.pdf", doc_id=doc_id_for(data))
    assert doc.tables() == []
    text = " ".join(b.text for b in doc.blocks)
    assert "486.3" in text and "1412.6" in text


def test_chart_grid_rule_keeps_sparse_tables_with_words():
    from extractors.loaders.pdf.tables import _chart_grid
    box = (0, 0, 1, 1)
    grid = [[box] * 4 for _ in range(4)]
    assert _chart_grid(grid, {(0, 0): "486.3", (2, 1): "118.9"})
    assert _chart_grid(grid, {(0, 0): "538 551", (2, 1): "19.3% 18.8%"})   # labels of two bars in one slot
    assert not _chart_grid(grid, {(0, 0): "Total", (2, 1): "118.9"})        # a word: a table
    assert not _chart_grid(grid, {(r, c): "12" for r in range(3) for c in range(3)})   # most cells filled


def _figures_page(c, header_lines, rows, caption="Table 1: Disabled Facilities Grant allocations, 2021–22 to 2025–26"):
    c.setFont("Helvetica", 10)
    c.drawString(63, 780, "1. The Department allocated £148.6 million to local housing authorities in 2025–26.")
    c.drawString(63, 750, caption)
    y = 730
    for line in header_lines:
        for x, text in line:
            c.drawString(x, y, text)
        y -= 12
    y -= 6
    for row in rows:
        for x, text in zip((66, 162, 270, 377), row):
            c.drawString(x, y, text)
        y -= 16
    c.drawString(63, y - 20, "Source: C&AG’s Report, Figure 3")
    c.showPage()


def test_a_table_of_figures_without_rulings_is_a_table():
    """Caption, column names wrapped over lines, rows of figures in columns."""
    rows = [("2021–22", "112.4", "9,860", "29"), ("2022–23", "121.9", "10,140", "32"),
            ("2023–24", "130.5", "10,310", "35"), ("2024–25", "139.8", "10,020", "38")]
    head = [[(377, "Average weeks,")],
            [(66, "Year"), (162, "Allocation (£m)"), (270, "Grants completed"), (377, "enquiry to")],
            [(377, "completion")]]
    data = _pdf_bytes(lambda c: _figures_page(c, head, rows))
    doc = load(data, path="made/figures.pdf", doc_id=doc_id_for(data))
    (_, table), = doc.tables()
    assert table.header == ["Year", "Allocation (£m)", "Grants completed", "Average weeks, enquiry to completion"]
    assert [c.text for c in table.body[0]] == list(rows[0])
    assert not any("9,860" in b.text for b in doc.blocks if b.kind != "table")
    # and its figures take the columns' units
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    got = {m["value"]: m["unit"] for m in extract_all(doc, extract_metadata(doc))["metrics"]}
    assert got[112400000.0] == "gbp" and got[29.0] == "weeks"


def test_a_contents_page_is_not_a_table_of_figures():
    rows = [("Scope of the inquiry", "1.4", "7", "7"), ("Definitions", "2.2", "9", "9"),
            ("Kinds of evidence", "3.1", "16", "16"), ("Our approach", "4.1", "20", "20")]
    head = [[(66, "Chapter"), (162, "Paragraph"), (270, "Page"), (377, "Page")]]
    data = _pdf_bytes(lambda c: _figures_page(c, head, rows, caption="Contents"))
    doc = load(data, path="made/contents.pdf", doc_id=doc_id_for(data))
    assert doc.tables() == []


def test_rows_of_figures_with_no_column_names_stay_text():
    rows = [("2021–22", "112.4", "9,860", "29"), ("2022–23", "121.9", "10,140", "32"),
            ("2023–24", "130.5", "10,310", "35")]
    data = _pdf_bytes(lambda c: _figures_page(c, [], rows))
    doc = load(data, path="made/bare.pdf", doc_id=doc_id_for(data))
    assert doc.tables() == []
