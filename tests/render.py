"""Render a `Document` to DOCX and to PDF, for tests that check the three
loaders (TXT, DOCX, PDF) read the same paper the same way.

`render_docx` writes the kind of file Word produces: headings in Heading N
styles; "5.1.2"-style numbers typed in the text; lettered/roman items and
bullets as REAL Word numbering (w:numPr pointing at definitions added to
numbering.xml, so the label is not in the text); tables as Word tables with
the header row bold and marked w:tblHeader; cell lines as separate
paragraphs; a running header and a footer with a PAGE field.

`render_pdf` writes an A4 text-layer PDF with reportlab platypus: bold,
larger headings; paragraphs with their printed numbers and bullets; grid
tables that repeat their header rows when they run over a page; a running
header and a "Page N" footer on every page.

Both are deterministic: the same Document gives the same bytes on every run
(fixed core-property dates and ZIP timestamps for DOCX, reportlab
`invariant=1` for PDF).
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional
from xml.sax.saxutils import escape

from extractors.model import Block, Cell, Document

FIXED_DATE = datetime(2025, 1, 1, 9, 0, 0, tzinfo=timezone.utc)
_ZIP_DATE = (2025, 1, 1, 9, 0, 0)
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


# --------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------

def header_text_for(doc: Document) -> str:
    """'<Council> — <title>' for the running header, from the paper's own
    metadata when the metadata stage finds it."""
    council = title = None
    try:
        from extractors.metadata import extract_metadata

        meta = extract_metadata(doc)
        council, title = meta.get("council"), meta.get("title")
    except Exception:  # the header is decoration: never fail a render on it
        pass
    return f"{council or 'Council'} — {title or doc.file_name}"


def _clean(text: str) -> str:
    return _CTRL.sub("", text or "")


def list_format(label: Optional[str], prev: Optional[tuple] = None) -> Optional[tuple[str, str, Optional[int]]]:
    """How Word would number `label`: (numFmt, lvlText for level 1, ordinal),
    or None when the label is typed in the text ("5.1.2", "Action 4").

    "a)" -> ("lowerLetter", "%1)", 1); "(iii)" -> ("lowerRoman", "(%1)", 3);
    "•" -> ("bullet", "", None). A bare "A" (printed "A.", the loaders strip
    the dot) -> ("upperLetter", "%1.", 1). "i" after "h" is a letter, else a
    roman numeral (same for "v" after "u", "x" after "w"). `prev` is the
    previous result in the same list, used for that choice.
    """
    if not label:
        return None
    if label == "•":
        return ("bullet", "", None)
    m = re.fullmatch(r"(\()?([A-Za-z]{1,6}|\d{1,2})([.)])?", label)
    if not m:
        return None
    opened, core, close = m.group(1), m.group(2), m.group(3)
    if opened and close != ")":
        return None
    if not opened and close is None and core.isdigit():
        return None  # "3": a typed paragraph number
    pattern = "(%1)" if opened else ("%1)" if close == ")" else "%1.")
    if core.isdigit():
        if not opened:
            return None  # "1)" / "1." are typed like other numbers
        return ("decimal", pattern, int(core))
    low = core.lower()
    upper = core.isupper()
    if not (core.islower() or upper):
        return None
    roman = bool(_ROMAN.match(low))
    if roman and len(low) == 1 and prev is not None and prev[0].endswith("Letter") \
            and prev[1] == pattern and prev[2] is not None \
            and prev[2] + 1 == ord(low) - ord("a") + 1:
        roman = False  # "i)" after "h)"
    if roman:
        return ("upperRoman" if upper else "lowerRoman", pattern, _roman_value(low))
    if len(low) != 1:
        return None
    return ("upperLetter" if upper else "lowerLetter", pattern, ord(low) - ord("a") + 1)


def printed_label(numbering: str) -> str:
    """The label as it is printed before the text. The loaders strip a
    trailing dot ("3." -> "3", "A." -> "A"), so put it back for bare numbers
    and letters; word labels ("Action 4") take a dash, as papers print them."""
    if re.fullmatch(r"\d{1,3}|[A-Za-z]|[ivxIVX]{1,5}", numbering):
        return numbering + "."
    if re.match(r"[A-Za-z]{2,}", numbering) and not _ROMAN.match(numbering.lower()):
        return numbering + " -"
    return numbering


def _roman_value(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BULLET_LEVELS = [("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings")]


class _WordNumbering:
    """Adds abstract numbering definitions and num instances to the
    document's numbering.xml and hands out (numId, ilvl) for list items,
    restarting or jumping a list (w:startOverride) whenever the printed
    label is not the next value Word would generate."""

    def __init__(self, document):
        self.numbering = document.part.numbering_part.element
        ids = [int(x) for x in self.numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        self.next_abstract = max(ids, default=-1) + 1
        nids = [int(x) for x in self.numbering.xpath("./w:num/@w:numId")]
        self.next_num = max(nids, default=0) + 1
        self.abstract: dict[tuple[str, str], int] = {}
        # (fmt, pattern) -> [numId, {ilvl: next value}]
        self.current: dict[tuple[str, str], list] = {}

    def _abstract_id(self, fmt: str, pattern: str) -> int:
        key = (fmt, pattern)
        if key in self.abstract:
            return self.abstract[key]
        from docx.oxml import parse_xml

        aid = self.next_abstract
        self.next_abstract += 1
        lvls = []
        for ilvl in range(9):
            left = 720 + 360 * ilvl
            if fmt == "bullet":
                char, font = _BULLET_LEVELS[ilvl % 3]
                lvls.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                    f'<w:lvlText w:val="{char}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>'
                    f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr></w:lvl>')
            else:
                text = pattern.replace("%1", f"%{ilvl + 1}")
                lvls.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>')
        xml = (f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{aid}">'
               f'<w:nsid w:val="{0x1A2B0000 + aid:08X}"/><w:multiLevelType w:val="hybridMultilevel"/>'
               + "".join(lvls) + "</w:abstractNum>")
        el = parse_xml(xml)
        first_num = self.numbering.find(f"{{{_W}}}num")
        if first_num is not None:
            first_num.addprevious(el)  # schema order: every abstractNum before any num
        else:
            self.numbering.append(el)
        self.abstract[key] = aid
        return aid

    def _new_num(self, aid: int, ilvl: int, start: Optional[int]) -> int:
        from docx.oxml import parse_xml

        nid = self.next_num
        self.next_num += 1
        override = ""
        if start is not None:
            override = (f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/>'
                        f"</w:lvlOverride>")
        self.numbering.append(parse_xml(
            f'<w:num xmlns:w="{_W}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
        return nid

    def assign(self, fmt: str, pattern: str, ordinal: Optional[int], ilvl: int) -> int:
        key = (fmt, pattern)
        aid = self._abstract_id(fmt, pattern)
        state = self.current.get(key)
        if fmt == "bullet":
            if state is None:
                state = self.current[key] = [self._new_num(aid, ilvl, None), {}]
            return state[0]
        if state is None or state[1].get(ilvl, 1) != ordinal:
            state = self.current[key] = [self._new_num(aid, ilvl, ordinal), {}]
        state[1][ilvl] = ordinal + 1
        for deeper in [k for k in state[1] if k > ilvl]:
            del state[1][deeper]  # Word restarts deeper levels after a shallower item
        return state[0]


def _set_numpr(paragraph, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(
        parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'),
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
        "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
        "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange")


def _add_page_field(paragraph) -> None:
    """A complex PAGE field, as Word writes it: begin / instrText / separate /
    cached result / end."""
    from docx.oxml import parse_xml

    for xml in (
        '<w:r xmlns:w="%s"><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r xmlns:w="%s"><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r xmlns:w="%s"><w:fldChar w:fldCharType="separate"/></w:r>',
        '<w:r xmlns:w="%s"><w:t>1</w:t></w:r>',
        '<w:r xmlns:w="%s"><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml % _W))


def _shade(cell, fill: str) -> None:
    from docx.oxml import parse_xml

    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd xmlns:w="{_W}" w:val="clear" w:color="auto" w:fill="{fill.lstrip("#").upper()}"/>'))


def _mark_header_row(row) -> None:
    from docx.oxml import parse_xml

    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))


def _fill_cell(cell, cell_model: Cell, *, bold: bool, numbering: Optional[_WordNumbering],
               cell_lists: bool) -> None:
    lines = _clean(cell_model.text).split("\n") if cell_model.text else [""]
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        label = None
        text = line
        if cell_lists and numbering is not None:
            from extractors.numbering import split_numbering

            num, rest = split_numbering(line)
            fmt = list_format(num) if num else None
            if fmt is not None and fmt[0] == "bullet":
                label, text = fmt, rest
        if label is not None:
            p.style = "List Paragraph"
            _set_numpr(p, numbering.assign("bullet", "", None, 0), 0)
        run = p.add_run(text)
        run.bold = bold or None
    if cell_model.fill:
        _shade(cell, cell_model.fill)


def render_docx(doc: Document, out_path, *, header_text: Optional[str] = None,
                cell_lists: bool = False) -> Path:
    """Write `doc` as a Word document at `out_path` and return the path.

    cell_lists: when True, table-cell lines that start with a bullet become
    Word bullet paragraphs (numPr) instead of typed "•" characters.
    """
    import docx
    from docx.shared import Pt

    out_path = Path(out_path)
    wd = docx.Document()
    numbering = _WordNumbering(wd)
    header_text = header_text if header_text is not None else header_text_for(doc)

    prev_fmt: dict[int, tuple] = {}
    for b in doc.blocks:
        if b.kind == "table" and b.table is not None:
            _docx_table(wd, b, numbering, cell_lists)
            prev_fmt.clear()
            continue
        text = _clean(b.text)
        if b.kind == "heading":
            level = min(max(b.level, 1), 9)
            full = f"{printed_label(b.numbering)}\t{text}" if b.numbering and b.numbering != "•" else text
            wd.add_paragraph(full, style=f"Heading {level}")
            continue
        ilvl = min(max(b.level - 1, 0), 8) if b.kind == "list_item" else 0
        fmt = list_format(b.numbering, prev_fmt.get(ilvl))
        if fmt is not None:
            p = wd.add_paragraph(text, style="List Paragraph")
            _set_numpr(p, numbering.assign(fmt[0], fmt[1], fmt[2], ilvl), ilvl)
            prev_fmt[ilvl] = fmt
            continue
        if b.numbering and b.numbering != "•":
            p = wd.add_paragraph(f"{printed_label(b.numbering)}\t{text}")
            p.paragraph_format.left_indent = Pt(36)
            p.paragraph_format.first_line_indent = Pt(-36)
        else:
            wd.add_paragraph(text)

    section = wd.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = header_text
    fp = section.footer.paragraphs[0]
    fp.add_run("Page ")
    _add_page_field(fp)

    cp = wd.core_properties
    cp.author = "council-extract test renderer"
    cp.last_modified_by = "council-extract test renderer"
    cp.title = header_text
    cp.created = FIXED_DATE.replace(tzinfo=None)
    cp.modified = FIXED_DATE.replace(tzinfo=None)
    cp.last_printed = FIXED_DATE.replace(tzinfo=None)
    cp.revision = 1

    buf = io.BytesIO()
    wd.save(buf)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(_deterministic_zip(buf.getvalue()))
    return out_path


def _docx_table(wd, block: Block, numbering: _WordNumbering, cell_lists: bool) -> None:
    t = block.table
    ncols = t.n_cols
    if not t.rows or not ncols:
        return
    table = wd.add_table(rows=len(t.rows), cols=ncols)
    table.style = "Table Grid"
    for r_idx, (row_model, row) in enumerate(zip(t.rows, table.rows)):
        is_header = r_idx < t.header_rows
        if is_header:
            _mark_header_row(row)
        cells = row.cells
        for c_idx in range(ncols):
            cm = row_model[c_idx] if c_idx < len(row_model) else Cell("")
            _fill_cell(cells[c_idx], cm, bold=is_header, numbering=numbering, cell_lists=cell_lists)
    wd.add_paragraph("")  # Word always keeps a paragraph between two tables


def _deterministic_zip(data: bytes) -> bytes:
    """Re-pack the DOCX ZIP with fixed timestamps and attributes (python-docx
    stamps entries with the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------

_PAGE_MARGIN = 56  # points (~2 cm)


def _pdf_styles():
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    heads = {
        1: ParagraphStyle("h1", parent=body, fontName="Helvetica-Bold", fontSize=14, leading=18,
                          spaceBefore=10, spaceAfter=6, keepWithNext=1),
        2: ParagraphStyle("h2", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=15,
                          spaceBefore=8, spaceAfter=4, keepWithNext=1),
        3: ParagraphStyle("h3", parent=body, fontName="Helvetica-Bold", fontSize=11, leading=14,
                          spaceBefore=6, spaceAfter=4, keepWithNext=1),
    }
    return body, heads


_SYMBOL_BULLET = '<font name="Symbol">\u2022</font>'


def _para_markup(text: str) -> str:
    """Paragraph markup for `text`. Bullets are set in the Symbol font, as
    Word's PDF export does: Helvetica's WinAnsi bullet (code 0x7F in
    reportlab) has no Unicode mapping that pdfminer understands."""
    return escape(_clean(text)).replace("\n", "<br/>").replace("\u2022", _SYMBOL_BULLET)


def render_pdf(doc: Document, out_path, *, header_text: Optional[str] = None) -> Path:
    """Write `doc` as an A4 PDF at `out_path` and return the path."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    header_text = header_text if header_text is not None else header_text_for(doc)
    body, heads = _pdf_styles()
    width = A4[0] - 2 * _PAGE_MARGIN

    running_header = _fit(header_text, "Helvetica", 8, width)

    def make_story(split_in_row: int) -> list:
        return _pdf_story(doc, width, body, heads, split_in_row)

    def on_page(canvas, _doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(_PAGE_MARGIN, A4[1] - 34, running_header)
        canvas.drawCentredString(A4[0] / 2, 28, f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    def build(split_in_row: int) -> bytes:
        buf = io.BytesIO()
        template = SimpleDocTemplate(
            buf, pagesize=A4, leftMargin=_PAGE_MARGIN, rightMargin=_PAGE_MARGIN,
            topMargin=_PAGE_MARGIN, bottomMargin=_PAGE_MARGIN, invariant=1,
            title=header_text, author="council-extract test renderer",
            creator="council-extract tests/render.py", subject="", keywords=[])
        template.build(make_story(split_in_row), onFirstPage=on_page, onLaterPages=on_page)
        return buf.getvalue()

    from reportlab.platypus.doctemplate import LayoutError

    try:
        data = build(0)
    except LayoutError:
        # a single table row taller than a page: let rows split, as Word does
        data = build(1)
    out_path.write_bytes(data)
    return out_path


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten `text` with an ellipsis so it fits `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = _clean(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _pdf_story(doc: Document, width: float, body, heads, split_in_row: int) -> list:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    story = []
    for b in doc.blocks:
        if b.kind == "table" and b.table is not None:
            tbl = _pdf_table(b, width, split_in_row)
            if tbl is not None:
                story.append(tbl)
                story.append(Spacer(1, 8))
            continue
        text = _para_markup(b.text)
        if b.kind == "heading":
            style = heads[min(max(b.level, 1), 3)]
            label = b.numbering if b.numbering and b.numbering != "•" else None
            story.append(Paragraph(f"{escape(printed_label(label))} {text}" if label else text, style))
            continue
        if b.numbering:
            depth = max(b.level - 1, 0) if b.kind == "list_item" else 0
            indent = 36 + 18 * depth if b.kind == "list_item" else 36
            style = ParagraphStyle(f"num{indent}", parent=body, leftIndent=indent, firstLineIndent=-(indent if b.kind != "list_item" else 18))
            label = _SYMBOL_BULLET if b.numbering == "•" else escape(printed_label(b.numbering))
            story.append(Paragraph(f"{label} {text}", style))
        else:
            story.append(Paragraph(text, body))
    return story


def _pdf_table(block: Block, width: float, split_in_row: int = 0):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Table, TableStyle

    t = block.table
    ncols = t.n_cols
    if not t.rows or not ncols:
        return None
    rows = [[(r[c] if c < len(r) else Cell("")) for c in range(ncols)] for r in t.rows]
    pad = 3
    chars = [0] * ncols

    def widths_for(size: float):
        minw, natural = [0.0] * ncols, [0.0] * ncols
        for r_idx, row in enumerate(rows):
            font = "Helvetica-Bold" if r_idx < t.header_rows else "Helvetica"
            for c, cell in enumerate(row):
                for line in _clean(cell.text).split("\n"):
                    natural[c] = max(natural[c], stringWidth(line, font, size) + 2 * pad + 2)
                    for word in line.split():
                        minw[c] = max(minw[c], stringWidth(word, font, size) + 2 * pad + 2)
        minw = [max(m, 18) for m in minw]
        for c in range(ncols):
            chars[c] = sum(len(row[c].text) for row in rows)
        natural = [min(max(n, m), width * 0.6) for n, m in zip(natural, minw)]
        return minw, natural

    size = 9.0
    for size in (9.0, 8.0, 7.0, 6.0, 5.5, 5.0):
        minw, natural = widths_for(size)
        if sum(minw) <= width:
            break
    if sum(natural) <= width:
        col_w = [n * width / sum(natural) for n in natural]
    elif sum(minw) <= width:
        # share the spare width by how much text each column holds
        extra = width - sum(minw)
        need = [min(n - m, chars[c] * size * 0.5) for c, (n, m) in enumerate(zip(natural, minw))]
        total = sum(need) or 1.0
        col_w = [m + extra * nd / total for m, nd in zip(minw, need)]
    else:
        col_w = [m * width / sum(minw) for m in minw]  # reportlab splits the longest words

    cell_style = ParagraphStyle("cell", fontName="Helvetica", fontSize=size, leading=size * 1.25)
    head_style = ParagraphStyle("cellhead", parent=cell_style, fontName="Helvetica-Bold")
    data = []
    style_cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
    ]
    if t.header_rows:
        style_cmds.append(("BACKGROUND", (0, 0), (-1, t.header_rows - 1), colors.HexColor("#d9d9d9")))
    for r_idx, row in enumerate(rows):
        st = head_style if r_idx < t.header_rows else cell_style
        data.append([Paragraph(_para_markup(cell.text), st) for cell in row])
        for c_idx, cell in enumerate(row):
            if cell.fill:
                style_cmds.append(("BACKGROUND", (c_idx, r_idx), (c_idx, r_idx), colors.HexColor(cell.fill)))
    table = Table(data, colWidths=col_w, repeatRows=t.header_rows, hAlign="LEFT",
                  splitInRow=split_in_row)
    table.setStyle(TableStyle(style_cmds))
    return table
