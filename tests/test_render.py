"""Tests of the DOCX/PDF renderers in tests/render.py, on a hand-built paper."""
from __future__ import annotations

import io
import re
import zipfile

import pdfplumber
import pytest

from extractors.model import Block, Cell, Document, Table
from render import list_format, render_docx, render_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = "Fictional Borough Council — Progress on the improvement plan"
LONG_ROWS = 70


def _doc() -> Document:
    rows = [[Cell("Ref"), Cell("Action"), Cell("Lead Officer"), Cell("RAG")]]
    for i in range(1, LONG_ROWS + 1):
        rows.append([Cell(f"R{i}"), Cell(f"Action number {i}\nsecond line {i}"),
                     Cell("Head of Service – Sam Patel"),
                     Cell("Green" if i % 3 else "", fill=None if i % 3 else "#ff0000")])
    blocks = [
        Block("heading", "Progress on the improvement plan", level=1),
        Block("heading", "RECOMMENDATIONS", numbering="2", level=1),
        Block("paragraph", "The Committee is asked to:", numbering="2.1", level=2),
        Block("list_item", "NOTE the progress made.", numbering="a)", level=1),
        Block("list_item", "ENDORSE the revised plan.", numbering="b)", level=1),
        Block("list_item", "A bullet between lettered items.", numbering="•", level=1),
        Block("list_item", "AGREE the next report date.", numbering="d)", level=1),
        Block("heading", "Progress", numbering="5.1", level=2),
        Block("paragraph", "Timeliness of assessments rose from 72% to 85%.", numbering="5.1.2", level=3),
        Block("list_item", "first roman item", numbering="(i)", level=1),
        Block("list_item", "second roman item", numbering="(ii)", level=1),
        Block("list_item", "third roman item", numbering="(iii)", level=1),
        Block("paragraph", "A new list starts here:", numbering="5.1.3", level=3),
        Block("list_item", "restarted letter", numbering="a)", level=1),
        Block("list_item", "plain bullet", numbering="•", level=1),
        Block("paragraph", "An unnumbered paragraph before the table."),
        Block("table", table=Table(rows=rows, header_rows=1)),
        Block("paragraph", "Closing paragraph.", numbering="6.1", level=2),
    ]
    return Document(doc_id="t", path="t.txt", file_name="t.txt", format="txt", blocks=blocks)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("render")
    doc = _doc()
    return {
        "doc": doc,
        "docx": render_docx(doc, out / "a.docx", header_text=HEADER),
        "docx2": render_docx(doc, out / "b.docx", header_text=HEADER),
        "pdf": render_pdf(doc, out / "a.pdf", header_text=HEADER),
        "pdf2": render_pdf(doc, out / "b.pdf", header_text=HEADER),
    }


# ------------------------------------------------------------------ helpers

def _xml(path, name):
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _word_labels(path) -> list[tuple[str, str]]:
    """(label Word would display, paragraph text) for every numbered body
    paragraph, by simulating Word's list counters (startOverride honoured)."""
    numbering = _xml(path, "word/numbering.xml")
    abstract = {}
    for an in numbering.iter(f"{W}abstractNum"):
        lv = {}
        for lvl in an.iter(f"{W}lvl"):
            lv[int(lvl.get(f"{W}ilvl"))] = (lvl.find(f"{W}numFmt").get(f"{W}val"),
                                           lvl.find(f"{W}lvlText").get(f"{W}val"))
        abstract[an.get(f"{W}abstractNumId")] = lv
    nums = {}
    for n in numbering.iter(f"{W}num"):
        starts = {int(o.get(f"{W}ilvl")): int(o.find(f"{W}startOverride").get(f"{W}val"))
                  for o in n.iter(f"{W}lvlOverride")}
        nums[n.get(f"{W}numId")] = (n.find(f"{W}abstractNumId").get(f"{W}val"), starts)
    counters: dict[tuple[str, int], int] = {}
    out = []
    body = _xml(path, "word/document.xml").find(f"{W}body")
    for p in body.findall(f"{W}p"):  # top-level paragraphs only, not table cells
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            continue
        num_id = numpr.find(f"{W}numId").get(f"{W}val")
        ilvl = int(numpr.find(f"{W}ilvl").get(f"{W}val"))
        aid, starts = nums[num_id]
        fmt, lvl_text = abstract[aid][ilvl]
        key = (num_id, ilvl)
        counters[key] = counters.get(key, starts.get(ilvl, 1) - 1) + 1
        n = counters[key]
        if fmt == "bullet":
            label = "•"
        elif fmt == "lowerLetter":
            label = lvl_text.replace(f"%{ilvl + 1}", chr(ord("a") + n - 1))
        elif fmt == "lowerRoman":
            label = lvl_text.replace(f"%{ilvl + 1}", ["i", "ii", "iii", "iv", "v", "vi"][n - 1])
        else:
            label = lvl_text.replace(f"%{ilvl + 1}", str(n))
        out.append((label, _text(p)))
    return out


# --------------------------------------------------------------------- DOCX

def test_docx_numbering_definitions(rendered):
    numbering = _xml(rendered["docx"], "word/numbering.xml")
    defs = set()
    for an in numbering.iter(f"{W}abstractNum"):
        lvl0 = [lv for lv in an.iter(f"{W}lvl") if lv.get(f"{W}ilvl") == "0"][0]
        defs.add((lvl0.find(f"{W}numFmt").get(f"{W}val"), lvl0.find(f"{W}lvlText").get(f"{W}val")))
    assert ("lowerLetter", "%1)") in defs
    assert ("lowerRoman", "(%1)") in defs
    assert any(fmt == "bullet" for fmt, _ in defs)


def test_docx_word_numbering_reproduces_labels_and_text_has_no_label(rendered):
    expected = [(b.numbering, b.text) for b in rendered["doc"].blocks
                if b.kind == "list_item" and list_format(b.numbering) is not None]
    got = _word_labels(rendered["docx"])
    assert got == expected
    for _, text in got:
        assert not re.match(r"^\(?[a-z]{1,4}\)|^•", text)


def test_docx_typed_numbers_headings_and_styles(rendered):
    import docx

    d = docx.Document(str(rendered["docx"]))
    paras = [(p.style.name, p.text) for p in d.paragraphs if p.text]
    assert ("Heading 1", "2.\tRECOMMENDATIONS") in paras
    assert ("Heading 2", "5.1\tProgress") in paras
    assert any(t.startswith("5.1.2\tTimeliness") for _, t in paras)
    assert all(HEADER not in t and "Page" not in t for _, t in paras)


def test_docx_header_and_footer_with_page_field(rendered):
    import docx

    d = docx.Document(str(rendered["docx"]))
    sec = d.sections[0]
    assert sec.header.paragraphs[0].text == HEADER
    footer_xml = sec.footer._element.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    assert sec.footer.paragraphs[0].text.startswith("Page")


def test_docx_table_header_row_cells_and_fill(rendered):
    import docx

    d = docx.Document(str(rendered["docx"]))
    assert len(d.tables) == 1
    t = d.tables[0]
    assert len(t.rows) == LONG_ROWS + 1
    head = t.rows[0]
    assert head._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert t.rows[1]._tr.find(f"{W}trPr/{W}tblHeader") is None
    assert [c.text for c in head.cells] == ["Ref", "Action", "Lead Officer", "RAG"]
    assert all(r.bold for c in head.cells for p in c.paragraphs for r in p.runs)
    cell = t.rows[1].cells[1]
    assert [p.text for p in cell.paragraphs] == ["Action number 1", "second line 1"]
    red = t.rows[3].cells[3]
    assert red.text == ""
    assert red._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "FF0000"


def test_docx_is_deterministic(rendered):
    assert rendered["docx"].read_bytes() == rendered["docx2"].read_bytes()
    with zipfile.ZipFile(io.BytesIO(rendered["docx"].read_bytes())) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2025, 1, 1, 9, 0, 0)}


# ---------------------------------------------------------------------- PDF

def test_pdf_pages_have_header_and_footer(rendered):
    with pdfplumber.open(rendered["pdf"]) as pdf:
        n = len(pdf.pages)
        assert n >= 2
        for i, page in enumerate(pdf.pages, start=1):
            lines = page.extract_text().splitlines()
            assert lines[0] == HEADER, f"page {i}: {lines[0]!r}"
            assert lines[-1] == f"Page {i}", f"page {i}: {lines[-1]!r}"


def test_pdf_prints_numbers_and_bullets(rendered):
    with pdfplumber.open(rendered["pdf"]) as pdf:
        text = pdf.pages[0].extract_text()
    for line in ("2. RECOMMENDATIONS", "2.1 The Committee is asked to:", "a) NOTE the progress made.",
                 "• A bullet between lettered items.", "d) AGREE the next report date.",
                 "(iii) third roman item", "5.1.2 Timeliness of assessments rose from 72% to 85%."):
        assert line in text.splitlines(), line
    with pdfplumber.open(rendered["pdf"]) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])
    head = [w for w in words if w["text"] == "RECOMMENDATIONS"][0]
    body = [w for w in words if w["text"] == "Committee"][0]
    assert "Bold" in head["fontname"] and head["size"] > body["size"]


def test_pdf_long_table_spans_pages_and_repeats_header(rendered):
    header = ["Ref", "Action", "Lead Officer", "RAG"]
    pages_with_table = 0
    refs = []
    with pdfplumber.open(rendered["pdf"]) as pdf:
        for page in pdf.pages:
            for tbl in page.extract_tables():
                pages_with_table += 1
                assert tbl[0] == header, f"page {page.page_number}: first row {tbl[0]!r}"
                refs.extend(r[0] for r in tbl[1:])
    assert pages_with_table >= 2
    assert refs == [f"R{i}" for i in range(1, LONG_ROWS + 1)]


def test_pdf_is_deterministic(rendered):
    assert rendered["pdf"].read_bytes() == rendered["pdf2"].read_bytes()


def test_list_format():
    assert list_format("a)") == ("lowerLetter", "%1)", 1)
    assert list_format("(iii)") == ("lowerRoman", "(%1)", 3)
    assert list_format("•") == ("bullet", "", None)
    assert list_format("i)", ("lowerLetter", "%1)", 8)) == ("lowerLetter", "%1)", 9)
    assert list_format("i)") == ("lowerRoman", "%1)", 1)
    assert list_format("5.1.2") is None
    assert list_format("3") is None
    assert list_format("Action 4") is None
