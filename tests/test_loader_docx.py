"""DOCX loader: Word files built here with python-docx (plus the raw XML Word
writes for list numbering, merged cells, shading, text boxes and content
controls), and one real council paper from ../shared/corpus."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from extractors.loaders.docx import load
from extractors.loaders.errors import LoadError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REAL_DOCX = SHARED / "corpus" / "west-sussex" / "living-well__smoking_prevalence_briefing_march_2015.docx"


# --------------------------------------------------------------------------
# helpers to write what Word writes
# --------------------------------------------------------------------------

def to_bytes(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def load_doc(d, name="paper.docx"):
    return load(to_bytes(d), path=f"/tmp/{name}", doc_id="test")


def add_abstract(d, aid: int, levels: list[tuple[str, str, int]]) -> None:
    """levels: (numFmt, lvlText, start) for ilvl 0, 1, ..."""
    numbering = d.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels))
    el = parse_xml(f'<w:abstractNum {NS} w:abstractNumId="{aid}">{lvls}</w:abstractNum>')
    numbering.find(f"{{{W}}}num").addprevious(el)


def add_num(d, num_id: int, aid: int, start_override: dict[int, int] | None = None) -> None:
    overrides = "".join(f'<w:lvlOverride w:ilvl="{il}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                        for il, v in (start_override or {}).items())
    d.part.numbering_part.element.append(parse_xml(
        f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'))


def numbered(d, text: str, num_id: int, ilvl: int = 0, style: str | None = None):
    p = d.add_paragraph(text, style=style)
    p._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def shade(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def text_blocks(doc):
    return [(b.kind, b.numbering, b.text) for b in doc.blocks if b.kind != "table"]


# --------------------------------------------------------------------------
# paragraphs, headings, numbering
# --------------------------------------------------------------------------

def test_headings_paragraphs_and_word_numbered_lists():
    d = docx.Document()
    d.add_paragraph("Cabinet report", style="Title")
    d.add_heading("Recommendations", level=1)
    d.add_paragraph("Cabinet is asked to agree the following.")
    d.add_paragraph("Approve the strategy.", style="List Number")
    d.add_paragraph("Note the risks.", style="List Number")
    d.add_paragraph("Delegate authority to the Director.", style="List Number")
    d.add_heading("Background detail", level=2)
    d.add_paragraph("Work is under way.", style="List Bullet")
    doc = load_doc(d)

    assert text_blocks(doc) == [
        ("heading", None, "Cabinet report"),
        ("heading", None, "Recommendations"),
        ("paragraph", None, "Cabinet is asked to agree the following."),
        ("list_item", "1", "Approve the strategy."),
        ("list_item", "2", "Note the risks."),
        ("list_item", "3", "Delegate authority to the Director."),
        ("heading", None, "Background detail"),
        ("list_item", "•", "Work is under way."),
    ]
    levels = [b.level for b in doc.blocks]
    assert levels[:2] == [1, 1] and levels[6] == 2
    assert doc.blocks[3].level == 0 and doc.blocks[3].style == "List Number"
    assert doc.format == "docx" and doc.pages is None and doc.file_name == "paper.docx"
    # numbering is not in the text, but full_text prints it
    assert doc.blocks[3].full_text == "1 Approve the strategy."


def test_multilevel_list_restarts_and_label_formats():
    d = docx.Document()
    add_abstract(d, 50, [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1), ("lowerLetter", "%3)", 1),
                         ("lowerRoman", "(%4)", 1)])
    add_num(d, 100, 50)
    numbered(d, "Introduction text", 100, 0)
    numbered(d, "First point", 100, 1)
    numbered(d, "Second point", 100, 1)
    numbered(d, "Option one", 100, 2)
    numbered(d, "Option two", 100, 2)
    numbered(d, "Detail", 100, 3)
    numbered(d, "Detail two", 100, 3)
    numbered(d, "Detail three", 100, 3)
    numbered(d, "Next section", 100, 0)
    numbered(d, "Restarted sub point", 100, 1)
    numbered(d, "Restarted letter", 100, 2)
    doc = load_doc(d)
    got = [(b.numbering, b.kind, b.level) for b in doc.blocks]
    assert got == [
        ("1", "list_item", 0),
        ("1.1", "paragraph", 2),   # a "5.1"-style number reads as a numbered report paragraph
        ("1.2", "paragraph", 2),
        ("a)", "list_item", 2),
        ("b)", "list_item", 2),
        ("(i)", "list_item", 3),
        ("(ii)", "list_item", 3),
        ("(iii)", "list_item", 3),
        ("2", "list_item", 0),
        ("2.1", "paragraph", 2),
        ("a)", "list_item", 2),
    ]


def test_shared_abstract_continues_unless_start_overridden():
    d = docx.Document()
    add_abstract(d, 60, [("upperLetter", "%1.", 1)])
    add_abstract(d, 61, [("decimal", "Recommendation %1:", 3)])
    add_num(d, 200, 60)
    add_num(d, 201, 60)                      # same list definition: continues
    add_num(d, 202, 60, start_override={0: 1})  # "restart numbering"
    add_num(d, 203, 61)
    numbered(d, "Alpha", 200)
    numbered(d, "Beta", 200)
    d.add_paragraph("An interrupting paragraph.")
    numbered(d, "Gamma", 201)
    numbered(d, "Again", 202)
    numbered(d, "And again", 202)
    numbered(d, "Continues the restarted list", 200)
    numbered(d, "That the plan be approved.", 203)
    numbered(d, "That the budget be noted.", 203)
    doc = load_doc(d)
    assert [b.numbering for b in doc.blocks] == ["A", "B", None, "C", "A", "B", "C",
                                                 "Recommendation 3", "Recommendation 4"]


def test_typed_numbers_bold_and_caps_headings_whitespace():
    d = docx.Document()
    d.add_paragraph("2.1\tThat Cabinet approves the plan.")
    numbered(d, "3.4 That Cabinet notes the report.", 5)  # Word numbering + a typed number: the typed one wins
    p = d.add_paragraph()
    p.add_run("Financial implications").bold = True
    d.add_paragraph("RISK MANAGEMENT")
    p = d.add_paragraph()
    p.add_run("This sentence has ")
    p.add_run("some bold").bold = True
    p.add_run(" words and is an ordinary paragraph.")
    d.add_paragraph("Report author:\tJane\u00a0Smith,  Head of Service")
    d.add_paragraph("a) Agree the fee levels.")
    doc = load_doc(d)
    assert text_blocks(doc) == [
        ("paragraph", "2.1", "That Cabinet approves the plan."),
        ("paragraph", "3.4", "That Cabinet notes the report."),
        ("heading", None, "Financial implications"),
        ("heading", None, "RISK MANAGEMENT"),
        ("paragraph", None, "This sentence has some bold words and is an ordinary paragraph."),
        ("paragraph", None, "Report author: Jane Smith, Head of Service"),
        ("list_item", "a)", "Agree the fee levels."),
    ]
    assert doc.blocks[0].level == 2


def test_content_controls_hidden_and_deleted_text():
    d = docx.Document()
    body = d.element.body
    sect = body[-1]
    sect.addprevious(parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:alias w:val="Meeting"/></w:sdtPr><w:sdtContent>'
        '<w:p><w:r><w:t>Meeting date: 12 March 2024</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    sect.addprevious(parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        '<w:p><w:r><w:t>Click here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    sect.addprevious(parse_xml(
        f'<w:p {NS}><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        '<w:del w:id="1" w:author="x"><w:r><w:delText>removed </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>'
        '<w:sdt><w:sdtContent><w:r><w:t>text.</w:t></w:r></w:sdtContent></w:sdt></w:p>'))
    doc = load_doc(d)
    assert [b.text for b in doc.blocks] == ["Meeting date: 12 March 2024", "Kept inserted text."]


def test_text_box_read_once_in_place():
    d = docx.Document()
    d.add_paragraph("Before the box.")
    anchor = d.add_paragraph()
    box = ('<w:txbxContent><w:p><w:r><w:t>Report of: Director of Children\'s Services</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>Ward(s): All</w:t></w:r></w:p></w:txbxContent>')
    anchor._p.append(parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        f'<a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
        f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    d.add_paragraph("After the box.")
    doc = load_doc(d)
    assert [b.text for b in doc.blocks] == [
        "Before the box.", "Report of: Director of Children's Services", "Ward(s): All", "After the box."]


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------

def _action_plan(d):
    t = d.add_table(rows=4, cols=4)
    hdr = ["Recommendation", "Action", "Lead", "RAG"]
    for i, h in enumerate(hdr):
        t.cell(0, i).paragraphs[0].add_run(h).bold = True
    t.cell(1, 0).text = "Improve supervision"
    t.cell(1, 1).text = "Audit case files"
    t.cell(1, 2).text = "Head of Service"
    shade(t.cell(1, 3), "FF0000")
    shade(t.cell(2, 3), "auto")
    t.cell(2, 1).text = "Train managers"
    t.cell(2, 2).text = "HR Lead"
    # vertical merge: the recommendation spans rows 1-2
    t.cell(1, 0).merge(t.cell(2, 0))
    # horizontal merge: a full-width note in the last row
    merged = t.cell(3, 0).merge(t.cell(3, 3))
    merged.text = "Progress reviewed monthly"
    # a cell holding a bulleted list and a nested table
    c = t.cell(2, 1)
    c.add_paragraph("Session one", style="List Bullet")
    c.add_paragraph("Session two", style="List Bullet")
    inner = c.add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Milestone", "Date"
    inner.cell(1, 0).text, inner.cell(1, 1).text = "Pilot", "June 2024"
    c.add_paragraph("")
    return t


def test_table_merges_fill_bullets_nested_and_header():
    d = docx.Document()
    d.add_paragraph("Action plan")
    _action_plan(d)
    d.add_paragraph("After the table.")
    doc = load_doc(d)
    kinds = [b.kind for b in doc.blocks]
    # the table nested in a cell (two rows, two columns) is a table of its own, right after the outer one
    assert kinds == ["paragraph", "table", "table", "paragraph"]
    (idx, table), (_, nested) = doc.tables()
    assert idx == 0
    assert [[c.text for c in r] for r in nested.rows] == [["Milestone", "Date"], ["Pilot", "June 2024"]]
    assert table.header_rows == 1
    assert table.header == ["Recommendation", "Action", "Lead", "RAG"]
    texts = [[c.text for c in r] for r in table.rows]
    assert texts[1] == ["Improve supervision", "Audit case files", "Head of Service", ""]
    assert texts[2][0] == "Improve supervision"           # vMerge continuation repeats the start
    assert table.rows[2][0].spanned and not table.rows[1][0].spanned
    assert [c.spanned for c in table.rows[3]] == [False, True, True, True]
    assert texts[2][1].split("\n") == ["Train managers", "• Session one", "• Session two"]
    assert texts[3] == ["Progress reviewed monthly"] * 4   # gridSpan repeats across columns
    assert table.rows[1][3].fill == "#ff0000"
    assert table.rows[2][3].fill is None                   # "auto" is no colour
    assert table.n_cols == 4
    # the nested table and cell bullets do not leak into the body
    assert all(b.kind == "table" or "Session" not in b.text for b in doc.blocks)


def test_table_header_marked_with_tblheader_and_caption_row():
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    cap = t.cell(0, 0).merge(t.cell(0, 2))
    cap.text = "Table 2 Performance against target"
    for i, h in enumerate(["Measure", "Target", "Actual"]):
        t.cell(1, i).text = h
    t.rows[1]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {NS}/>'))
    for i, v in enumerate(["Visits within 10 days", "90%", "84%"]):
        t.cell(2, i).text = v
    for i, v in enumerate(["Assessments on time", "85%", "88%"]):
        t.cell(3, i).text = v
    doc = load_doc(d)
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]
    assert doc.blocks[0].text.endswith("Performance against target")
    table = doc.blocks[1].table
    assert table.header == ["Measure", "Target", "Actual"]
    assert [c.text for c in table.body[0]] == ["Visits within 10 days", "90%", "84%"]


def test_table_without_header():
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "2023", "1,204"
    t.cell(1, 0).text, t.cell(1, 1).text = "2024", "1,318"
    doc = load_doc(d)
    assert doc.blocks[0].table.header_rows == 0


def test_body_order_interleaves_paragraphs_and_tables():
    d = docx.Document()
    d.add_paragraph("One")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "T1"
    d.add_paragraph("Two")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "T2"
    doc = load_doc(d)
    seq = [b.text or b.table.rows[0][0].text for b in doc.blocks]
    assert seq == ["One", "T1", "Two", "T2"]


# --------------------------------------------------------------------------
# headers / footers
# --------------------------------------------------------------------------

def test_header_and_footer_go_to_furniture():
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Borough Council  Cabinet 12 March 2024"
    sec.footer.paragraphs[0].text = "Page 1 of 3"
    d.add_paragraph("The body text.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc = load_doc(d)
    assert [b.text for b in doc.blocks] == ["The body text."]
    assert "Borough Council Cabinet 12 March 2024" in doc.furniture
    assert "Page 1 of 3" in doc.furniture
    assert "Page 1 of 3" not in doc.text


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------

def test_random_bytes_are_corrupt():
    with pytest.raises(LoadError) as e:
        load(b"this is not a zip file at all" * 10, path="x.docx", doc_id="x")
    assert e.value.error_type == "corrupt"


def test_empty_file():
    with pytest.raises(LoadError) as e:
        load(b"", path="x.docx", doc_id="x")
    assert e.value.error_type == "empty"


def test_zip_without_document_part_is_corrupt():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/other.xml", "<x/>")
    with pytest.raises(LoadError) as e:
        load(buf.getvalue(), path="x.docx", doc_id="x")
    assert e.value.error_type == "corrupt"


def test_truncated_docx_is_corrupt():
    d = docx.Document()
    d.add_paragraph("Some text")
    data = to_bytes(d)
    with pytest.raises(LoadError) as e:
        load(data[: len(data) // 2], path="x.docx", doc_id="x")
    assert e.value.error_type == "corrupt"


def test_ole_encrypted_package():
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(LoadError) as e:
        load(fake, path="secret.docx", doc_id="x")
    assert e.value.error_type == "encrypted"


def test_document_without_text():
    d = docx.Document()
    d.add_paragraph("")
    d.add_table(rows=1, cols=2)
    with pytest.raises(LoadError) as e:
        load_doc(d)
    assert e.value.error_type == "no_text"


# --------------------------------------------------------------------------
# a real council paper
# --------------------------------------------------------------------------

@pytest.mark.needs_shared
def test_real_west_sussex_briefing():
    assert REAL_DOCX.is_file(), f"shared corpus file missing: {REAL_DOCX}"
    data = REAL_DOCX.read_bytes()
    doc = load(data, path=str(REAL_DOCX), doc_id="ws")
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Headline Figures" in headings
    assert "Stop smoking services in West Sussex" in headings
    tables = [t for _, t in doc.tables()]
    assert len(tables) >= 3
    with_header = [t for t in tables if t.header_rows]
    assert len(with_header) >= 2
    assert any(t.header == ["Age", "Never", "Not current", "Occasional", "Regular"] for t in with_header)
    assert any("Adur" in t.header and "West Sussex" in t.header for t in with_header)
    # Word bullets recovered from numbering.xml
    bullets = [b for b in doc.blocks if b.kind == "list_item" and b.numbering == "•"]
    assert len(bullets) >= 5
    assert "Integrated Household Survey" in doc.text
    # the footer text is furniture, not body; drawing offsets are not text
    assert doc.furniture and all(f not in doc.text for f in doc.furniture)
    assert not any(b.text.isdigit() and len(b.text) > 6 for b in doc.blocks)
    assert all("\t" not in b.text and "\u00a0" not in b.text for b in doc.blocks)


def test_heading_styles_linked_to_a_numbered_list():
    d = docx.Document()
    add_abstract(d, 70, [("decimal", "%1.", 1), ("decimal", "%1.%2", 1)])
    add_num(d, 300, 70)
    for name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        d.styles[name]._element.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="300"/></w:numPr>'))
    d.add_heading("Purpose", 1)
    d.add_paragraph("Body text.")
    d.add_heading("Background", 1)
    d.add_heading("History", 2)
    d.add_heading("Context", 2)
    d.add_heading("Options", 1)
    doc = load_doc(d)
    assert [(b.kind, b.numbering, b.level, b.style) for b in doc.blocks] == [
        ("heading", "1", 1, "Heading 1"),
        ("paragraph", None, 0, "Normal"),
        ("heading", "2", 1, "Heading 1"),
        ("heading", "2.1", 2, "Heading 2"),
        ("heading", "2.2", 2, "Heading 2"),
        ("heading", "3", 1, "Heading 1"),
    ]


def test_header_row_with_year_columns_and_bold_lettered_item():
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for i, h in enumerate(["Indicator", "2022/23", "2023/24"]):
        t.cell(0, i).text = h
    for i, v in enumerate(["Children in care", "412", "398"]):
        t.cell(1, i).text = v
    for i, v in enumerate(["Care leavers in work", "55%", "61%"]):
        t.cell(2, i).text = v
    p = d.add_paragraph()
    p.add_run("b) Agree the fee levels").bold = True
    doc = load_doc(d)
    assert doc.blocks[0].table.header == ["Indicator", "2022/23", "2023/24"]
    assert (doc.blocks[1].kind, doc.blocks[1].numbering) == ("list_item", "b)")


def test_table_of_contents_lines_are_not_numbered_sections():
    d = docx.Document()
    toc = d.styles.add_style("toc 1", 1)
    d.add_paragraph("1. Introduction\t3", style=toc)
    d.add_paragraph("1. Introduction", style="Heading 1")
    doc = load_doc(d)
    assert [(b.kind, b.numbering, b.text) for b in doc.blocks] == [
        ("paragraph", None, "1. Introduction 3"),
        ("heading", "1", "Introduction"),
    ]


def test_a_plan_nested_in_a_cell_is_read_as_its_own_table_and_a_one_row_grid_stays_text():
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "What Ofsted said: the quality of plans."
    c = outer.cell(0, 1)
    c.text = "Our response"
    inner = c.add_table(rows=2, cols=3)
    for j, h in enumerate(["Action", "Lead", "When"]):
        inner.cell(0, j).text = h
    for j, v in enumerate(["Audit 50 plans", "Principal Social Worker", "March 2027"]):
        inner.cell(1, j).text = v
    grid = c.add_table(rows=1, cols=2)
    grid.cell(0, 0).text, grid.cell(0, 1).text = "RAG:", "Amber"
    doc = load_doc(d)
    tables = [t for _, t in doc.tables()]
    assert len(tables) == 2
    assert [[x.text for x in r] for r in tables[1].rows] == [["Action", "Lead", "When"],
                                                             ["Audit 50 plans", "Principal Social Worker", "March 2027"]]
    assert tables[0].rows[0][1].text.split("\n") == ["Our response", "RAG: | Amber"]
