"""w:tbl -> Table: rows and cells through their wrappers, merged cells
expanded, cell text (paragraphs, numbered lines, nested tables, text
boxes) and fill, header rows, leading caption rows."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractors.loaders.docx import body as _body  # a cell's text boxes are walked as a body (body imports this module)
from extractors.loaders.docx.ooxml import _MC, _children, _Ctx, _choose_branch, _int, _norm, _on, _shd_colour
from extractors.loaders.docx.paragraphs import _is_placeholder, _read_paragraph
from extractors.loaders.docx.settings import DEFAULT as LAYOUT
from extractors.model import Block, Cell, Table
from extractors.numbering import split_numbering

_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[/-]\s*(?:20)?\d\d)?")


# Word tables have at most 63 columns; a gridSpan of 200,000,000 would expand
# one cell into that many (gigabytes): spans are capped here
MAX_GRID_SPAN = 63


def _wrapped_children(el, ctx: _Ctx, localname: str, *, through_alternate: bool) -> list:
    """The `localname` children of el (w:tr of a table, w:tc of a row), looking
    through the wrappers Word puts around them (content controls, custom XML,
    tracked insertions, and for rows mc:AlternateContent)."""
    out = []

    def walk(node):
        for ch, qn in _children(node):
            if qn.namespace != ctx.w:
                if through_alternate and qn.namespace == _MC and qn.localname == "AlternateContent":
                    b = _choose_branch(ch)
                    if b is not None:
                        walk(b)
                continue
            if qn.localname == localname:
                out.append(ch)
            elif qn.localname in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                walk(ch)
    walk(el)
    return out


def _rows(tbl, ctx: _Ctx) -> list:
    return _wrapped_children(tbl, ctx, "tr", through_alternate=True)


def _cells(tr, ctx: _Ctx) -> list:
    return _wrapped_children(tr, ctx, "tc", through_alternate=False)


@dataclass
class _CellContent:
    text: str
    fill: Optional[str]
    bold: bool


def _cell_content(tc, ctx: _Ctx) -> _CellContent:
    lines: list[str] = []
    bolds: list[bool] = []
    para_fills: list[Optional[str]] = []
    run_shades: list[set] = []

    def walk(container):
        for ch, qn in _children(container):
            if qn.namespace == _MC and qn.localname == "AlternateContent":
                b = _choose_branch(ch)
                if b is not None:
                    walk(b)
                continue
            if qn.namespace != ctx.w:
                continue
            name = qn.localname
            if name == "p":
                res = _read_paragraph(ch, ctx, keep_newlines=True)
                if res.text:
                    # Word numbering is printed before the text; a typed number or
                    # bullet stays as it was typed
                    lines.append(f"{res.printed} {res.text}" if res.printed else res.typed_text)
                    bolds.append(res.bold)
                    para_fills.append(res.fill)
                    run_shades.append(res.shading)
                for box in res.boxes:
                    sub: list[Block] = []
                    _body._walk(box, ctx, sub)
                    lines.extend(_block_lines(sub))
            elif name == "tbl":
                if not _table_of_its_own(ch, ctx):
                    lines.extend(_nested_table_lines(ch, ctx))   # (one that is its own table follows the outer one)
            elif name == "sdt":
                if not _is_placeholder(ch, ctx):
                    c = ch.find(ctx.q("sdtContent"))
                    if c is not None:
                        walk(c)
            elif name in ("customXml", "ins", "moveTo", "sdtContent"):
                walk(ch)

    walk(tc)
    text = "\n".join(ln for ln in lines if ln)
    fill = None
    tcpr = tc.find(ctx.q("tcPr"))
    if tcpr is not None:
        shd = tcpr.find(ctx.q("shd"))
        if shd is not None:
            fill = _shd_colour(shd, ctx.w)
    if fill is None and para_fills and all(f == para_fills[0] for f in para_fills) and para_fills[0]:
        fill = para_fills[0]
    if fill is None and run_shades:
        colours = set().union(*run_shades)
        if len(colours) == 1 and None not in colours:
            fill = next(iter(colours))
    return _CellContent(text=text, fill=fill, bold=bool(bolds) and all(bolds))


def _block_lines(blocks: list[Block]) -> list[str]:
    out = []
    for b in blocks:
        if b.kind == "table" and b.table is not None:
            out.extend(_row_lines(b.table.rows))
        elif b.text:
            out.append(b.full_text if b.numbering != "•" else f"• {b.text}")
    return out


def _row_lines(rows: list[list[Cell]]) -> list[str]:
    out = []
    for row in rows:
        vals: list[str] = []
        for c in row:
            t = " ".join(c.text.split())
            if t and (not vals or vals[-1] != t):
                vals.append(t)
        if vals:
            out.append(" | ".join(vals))
    return out


def _table_of_its_own(tbl, ctx: _Ctx) -> bool:
    """A table nested in a cell that is a table of its own (two rows and two
    columns at least: an action plan set inside "Our response"), not a
    layout grid of one row or one column."""
    rows, _ = _grid(tbl, ctx)
    return len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 2


def _nested_tables(tbl, ctx: _Ctx) -> list:
    """The tables of their own nested in this table's cells, in reading order."""
    out = []
    for tr in _rows(tbl, ctx):
        for tc in _cells(tr, ctx):
            for el in tc.iter(ctx.q("tbl")):
                if el is not tbl and el.getparent() is not None and _table_of_its_own(el, ctx) and \
                        not any(a.tag == ctx.q("tbl") for a in el.iterancestors() if a is not tbl and tc in a.iterancestors()):
                    out.append(el)
    return out


def _nested_table_lines(tbl, ctx: _Ctx) -> list[str]:
    rows, _ = _grid(tbl, ctx)
    return _row_lines(rows)


def _grid(tbl, ctx: _Ctx) -> tuple[list[list[Cell]], list[dict]]:
    """Expand a w:tbl into rows x cells; also per-row facts (header mark,
    bold, single full-width cell)."""
    q = ctx.q
    grid_cols = tbl.find(f"{q('tblGrid')}")
    n_grid = len(grid_cols.findall(q("gridCol"))) if grid_cols is not None else 0
    rows: list[list[Cell]] = []
    facts: list[dict] = []
    for tr in _rows(tbl, ctx):
        trpr = tr.find(q("trPr"))
        before = after = 0
        header = False
        if trpr is not None:
            gb = trpr.find(q("gridBefore"))
            ga = trpr.find(q("gridAfter"))
            before = _int(gb.get(q("val")), 0) if gb is not None else 0
            after = _int(ga.get(q("val")), 0) if ga is not None else 0
            header = bool(_on(trpr.find(q("tblHeader")), ctx.w))
        row: list[Cell] = [Cell("") for _ in range(before)]
        prev = rows[-1] if rows else None
        bold_cells: list[bool] = []
        n_tc = 0
        for tc in _cells(tr, ctx):
            n_tc += 1
            tcpr = tc.find(q("tcPr"))
            span = 1
            vmerge = None
            hmerge = None
            if tcpr is not None:
                gs = tcpr.find(q("gridSpan"))
                if gs is not None:
                    # a span wider than Word's 63-column limit is a damaged or hostile file
                    span = min(max(1, _int(gs.get(q("val")), 1)), MAX_GRID_SPAN)
                vm = tcpr.find(q("vMerge"))
                if vm is not None:
                    vmerge = vm.get(q("val")) or "continue"
                hm = tcpr.find(q("hMerge"))
                if hm is not None:
                    hmerge = hm.get(q("val")) or "continue"
            content = _cell_content(tc, ctx)
            col = len(row)
            if vmerge == "continue" and prev is not None and col < len(prev):
                cell = Cell(prev[col].text, fill=content.fill or prev[col].fill, spanned=True)
            elif hmerge == "continue" and row:
                cell = Cell(row[-1].text, fill=content.fill or row[-1].fill, spanned=True)
            else:
                cell = Cell(content.text, fill=content.fill)
                if content.text:
                    bold_cells.append(content.bold)
            for k in range(span):
                row.append(Cell(cell.text, fill=cell.fill, spanned=cell.spanned or k > 0))
        row.extend(Cell("") for _ in range(after))
        rows.append(row)
        facts.append({"header": header, "bold": bool(bold_cells) and all(bold_cells), "n_tc": n_tc})
    width = max([n_grid] + [len(r) for r in rows]) if rows else 0
    for r in rows:
        r.extend(Cell("") for _ in range(width - len(r)))
    return rows, facts


def _looks_like_header(row: list[Cell], bold: bool) -> bool:
    texts = [c.text for c in row]
    distinct: list[str] = []
    for t in texts:
        if t and (not distinct or distinct[-1] != t):
            distinct.append(t)
    if not distinct:
        return False
    if len(row) > 1:
        empties = [i for i, t in enumerate(texts) if not t]
        # one empty corner cell (top-left) is allowed
        if empties and empties != [0]:
            return False
        if len(distinct) < 2 and len(set(texts)) > 1:
            return False
    for t in distinct:
        flat = " ".join(t.split())
        # a number is data, except a year or financial year ("2023", "2023/24")
        if re.fullmatch(r"[\d.,%£$€\s()/+-]+", flat) and not _YEAR.fullmatch(flat):
            return False
    if bold:
        return True
    for t in distinct:
        flat = " ".join(t.split())
        words = flat.split()
        if (len(words) > LAYOUT.header_cell_max_words or flat.endswith((":", ";"))
                or (flat.endswith(".") and len(words) > LAYOUT.header_stop_max_words)):
            return False
    return True


# a caption naming the item the table answers: "Ofsted recommendation 4 – The quality of ..."
_NAMED_REF = re.compile(r"^(?P<num>(?:[A-Z][A-Za-z]{1,12}\s+)?(?i:recommendation|area\s+for\s+improvement|priority|"
                        r"cause\s+of\s+concern)\s+\d{1,2}[a-z]?)\s*[:–—.-]\s+(?P<rest>[A-Z].*)$")


def _hanging_list(rows: list[list]) -> Optional[list[Block]]:
    """List items, when every row of the table is a list marker and its
    text ("(a) | notes the Corporate Risk Register ..."): Word papers set
    lists in a two-column table for the hanging indent. None otherwise."""
    items = []
    for row in rows:
        cells = [c.text.strip() for k, c in enumerate(row) if c.text.strip() and (k == 0 or c.text != row[k - 1].text)]
        if len(cells) != 2 or len(cells[0]) > 6:
            return None
        num, rest = split_numbering(cells[0] + " " + cells[1])
        if num is None or " ".join(rest.split()) != " ".join(cells[1].split()):
            return None
        items.append(Block(kind="list_item", text=_norm(cells[1]), numbering=num, level=1))
    return items if len(items) >= 2 else None


def _table_blocks(tbl, ctx: _Ctx, out: list[Block]) -> None:
    rows, facts = _grid(tbl, ctx)
    if not rows or not any(c.text for r in rows for c in r):
        return
    width = max(len(r) for r in rows)
    # leading full-width merged caption rows above a header row
    captions: list[str] = []
    while (width > 1 and len(rows) >= LAYOUT.caption_min_rows and facts[0]["n_tc"] == 1 and rows[0][0].text
           and all(c.text == rows[0][0].text for c in rows[0])
           and len(rows[0][0].text.split()) <= LAYOUT.caption_max_words
           and (facts[1]["header"] or _looks_like_header(rows[1], facts[1]["bold"]))):
        captions.append(rows[0][0].text)
        rows, facts = rows[1:], facts[1:]
    header_rows = 0
    while header_rows < len(rows) and facts[header_rows]["header"]:
        header_rows += 1
    if header_rows == len(rows) and len(rows) > 1:
        # every row marked as a heading row: the mark says nothing
        header_rows = 0
    if header_rows == 0 and len(rows) > 1 and _looks_like_header(rows[0], facts[0]["bold"]):
        header_rows = 1
        # a two-row header: a first row with merged group titles over bold column names
        if (len(rows) > 2 and any(rows[0][i].text == rows[0][i + 1].text for i in range(width - 1))
                and facts[1]["bold"] and not facts[2]["bold"] and _looks_like_header(rows[1], True)):
            header_rows = 2
    listed = _hanging_list(rows)
    if listed is not None and not captions:
        out.extend(listed)   # a list set in a borderless table for its hanging indent: "(a) | notes the ..."
        return
    out.extend(_numbered_paragraph(cap, "table caption") for cap in captions)
    out.append(Block(kind="table", table=Table(rows=rows, header_rows=header_rows)))
    for inner in _nested_tables(tbl, ctx):
        _table_blocks(inner, ctx, out)   # a plan nested in a cell, read as the table it is


def _boxes_over_tables(blocks: list[Block]) -> list[Block]:
    """A one-cell table set right over another table is a framed heading of
    it ("Area for improvement 1 / The timeliness of ..." in a shaded box over
    that area's actions table): its lines become paragraphs, as the PDF loader
    reads a one-column grid. A box anywhere else stays a table."""
    out: list[Block] = []
    for k, b in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        t = b.table
        if (b.kind == "table" and t is not None and len(t.rows) == 1 and t.n_cols == 1 and nxt is not None
                and nxt.kind == "table" and nxt.table is not None and nxt.table.n_cols >= 3):
            lines = [ln.strip() for ln in t.rows[0][0].text.split("\n") if ln.strip()]
            for j, line in enumerate(lines):
                if j == 0 and len(lines) > 1 and len(line.split()) <= 8 and not line.endswith((".", ":")):
                    # the box's title line ("Area for improvement 1") over its text
                    out.append(Block(kind="heading", text=_norm(line), level=3, style="table box"))
                    continue
                out.append(_numbered_paragraph(line, "table box"))
            continue
        out.append(b)
    return out


def _numbered_paragraph(text: str, style: str) -> Block:
    """A line lifted out of a table (a caption row, a box's line) as a paragraph,
    its printed number split off ("Ofsted recommendation 4 – The quality of ...")."""
    num, rest = split_numbering(text.replace("\n", " "))
    if num is None and (m := _NAMED_REF.match(" ".join(text.split()))):
        num, rest = m.group("num"), m.group("rest")
    return Block(kind="paragraph", text=_norm(text) if num is None else rest, numbering=num, style=style)
