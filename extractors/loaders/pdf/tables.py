"""Ruled tables: pdfplumber's finder on a page's rulings (plus lines
closing a table cut by a page break), words placed in cells, merged
cells, cell fills, header rows; and a table continued over a page break
or restarted with its header, joined into one."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from extractors.loaders.pdf.lines import _group_lines, _hyphen_join, _join_text
from extractors.loaders.pdf.records import _STRONG_BULLETS, _TERMINAL, Line, PageTable, Word
from extractors.loaders.pdf.settings import DEFAULT as LAYOUT
from extractors.model import Cell, Table
from extractors.numbering import split_numbering


def _find_tables(tpage, words: list[Word], edges: list[dict], settings: dict, fills, number: int,
                 split_stacked: bool = False) -> list[PageTable]:
    """pdfplumber's table finder on a page's ruling `edges` (plus lines
    closing a table cut by the page break), words placed in cells. `fills`
    gives the page's filled rectangles when a table is found. With
    `split_stacked` (scanned pages, whose rules are joined loosely), two
    grids that touch but whose columns are offset are two tables."""
    closing: list[dict] = []
    try:
        closing = _closing_lines(edges)
        settings = dict(settings)
        if closing:
            settings["explicit_horizontal_lines"] = list(settings.get("explicit_horizontal_lines") or []) + closing
        found = _table_finder(tpage, settings).tables
    except Exception:  # noqa: BLE001 - no table rather than no page
        found = []
    tables: list[PageTable] = []
    if split_stacked:
        found = [part for t in found for part in _stacked_grids(t)]
    if found:
        page_fills = fills()
        for t in found:
            pt = _page_table(t, words, page_fills, number)
            if pt is not None:
                x0, top, x1, bottom = t.bbox
                for ln in closing:
                    slack = LAYOUT.closing_span_slack
                    if ln["x0"] - slack <= x0 + slack and ln["x1"] + slack >= x1 - slack:
                        if abs(ln["top"] - bottom) <= LAYOUT.closing_edge:
                            pt.open_bottom = True
                        if abs(ln["top"] - top) <= LAYOUT.closing_edge:
                            pt.open_top = True
                tables.append(pt)
    return tables


_FAST_FINDER_FOR = "0.11.10"   # the pdfplumber whose TableFinder.__init__ _FastFinder repeats


def _table_finder(page, settings: dict):
    """pdfplumber's table finder on `page` (page.find_tables' TableFinder):
    for the pdfplumber in requirements.lock, _FastFinder, which finds the
    same cells sooner; for any other version pdfplumber's own."""
    import pdfplumber
    from pdfplumber.table import TableFinder, TableSettings
    tset = TableSettings.resolve(settings)
    if pdfplumber.__version__ != _FAST_FINDER_FOR:
        return TableFinder(page, tset)
    return _fast_finder_class()(page, tset)


_FAST_FINDER = None


def _fast_finder_class():
    global _FAST_FINDER
    if _FAST_FINDER is None:
        from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

        class _FastFinder(TableFinder):
            """TableFinder.__init__ of pdfplumber 0.11.10, with
            intersections_to_cells replaced by _cells_of."""

            def __init__(self, page, settings=None):  # noqa: D107 - pdfplumber's, step for step
                self.page = page
                self.settings = TableSettings.resolve(settings)
                self.edges = self.get_edges()
                self.intersections = edges_to_intersections(self.edges, self.settings.intersection_x_tolerance,
                                                             self.settings.intersection_y_tolerance)
                self.cells = _cells_of(self.intersections)
                self.tables = [Table(self.page, cell_group) for cell_group in cells_to_tables(self.cells)]

        _FAST_FINDER = _FastFinder
    return _FAST_FINDER


def _cells_of(intersections: dict) -> list[tuple]:
    """pdfplumber.table.intersections_to_cells, the same cells in the same
    order: each point's edge boxes are made into sets once (pdfplumber makes
    them again at every test of two points), and the points below and right
    of a point are looked up by its x and its y rather than found by a scan
    of every later point. tests/test_pdf_words_c.py compares the two."""
    from pdfplumber.table import intersections_to_cells
    from pdfplumber.utils import obj_to_bbox
    points = sorted(intersections.keys())
    if any(x != x or y != y for x, y in points):   # NaN: equality is not what the lookups assume
        return intersections_to_cells(intersections)
    vset = {p: set(map(obj_to_bbox, e["v"])) for p, e in intersections.items()}
    hset = {p: set(map(obj_to_bbox, e["h"])) for p, e in intersections.items()}

    def connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not vset[p1].isdisjoint(vset[p2]):
            return True
        return p1[1] == p2[1] and not hset[p1].isdisjoint(hset[p2])

    same_x: dict = defaultdict(list)
    same_y: dict = defaultdict(list)
    for i, (x, y) in enumerate(points):
        same_x[x].append(i)
        same_y[y].append(i)
    cells = []
    last = len(points) - 1
    for i, pt in enumerate(points):
        if i == last:
            break
        xs, ys = same_x[pt[0]], same_y[pt[1]]
        below = [points[j] for j in xs[bisect_right(xs, i):]]
        if not below:
            continue
        right = None
        found = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            if right is None:   # the points right of pt that it connects to, in order
                right = [points[j] for j in ys[bisect_right(ys, i):]]
                right = [r for r in right if connects(pt, r)]
            for right_pt in right:
                bottom_right = (right_pt[0], below_pt[1])
                if bottom_right in intersections and connects(bottom_right, right_pt) \
                        and connects(bottom_right, below_pt):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found is not None:
                break
        if found is not None:
            cells.append(found)
    return cells


@dataclass
class _Grid:
    """Part of a pdfplumber table: its rows and their bounding box."""
    rows: list
    bbox: tuple[float, float, float, float]


def _stacked_grids(t) -> list:
    """Split a found table where its rows' outer edges jump sideways by a
    few points: two tables printed one under the other, offset, read as
    one grid because their shared rule was joined."""
    rows = t.rows
    if len(rows) < 2:
        return [t]

    def edges(r):
        cells = [c for c in r.cells if c is not None]
        return (min(c[0] for c in cells), max(c[2] for c in cells)) if cells else None

    parts: list[list] = [[rows[0]]]
    prev = edges(rows[0])
    for r in rows[1:]:
        e = edges(r)
        lo, hi = LAYOUT.stacked_offset_min, LAYOUT.stacked_offset_max
        if prev and e and lo < abs(e[0] - prev[0]) < hi and lo < abs(e[1] - prev[1]) < hi:
            parts.append([])
        parts[-1].append(r)
        prev = e or prev
    if len(parts) == 1:
        return [t]
    out = []
    for part in parts:
        n = max(len(r.cells) for r in part)
        used = [i for i in range(n) if any(i < len(r.cells) and r.cells[i] is not None for r in part)]
        rows_ = [_GridRow(cells=[r.cells[i] if i < len(r.cells) else None for i in used]) for r in part]
        boxes = [c for r in rows_ for c in r.cells if c is not None]
        out.append(_Grid(rows=rows_, bbox=(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                           max(b[2] for b in boxes), max(b[3] for b in boxes))))
    return out


@dataclass
class _GridRow:
    cells: list


def _colour(value) -> Optional[str]:
    if value is None:
        return None
    try:
        vals = [float(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
    except (TypeError, ValueError):
        return None
    if any(v > 1.0 for v in vals):
        if all(v <= 255 for v in vals):
            vals = [v / 255 for v in vals]
        else:
            return None
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        c, m, y, k = vals
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(v * 255))) for v in (r, g, b)))


def _closing_lines(edges: list[dict]) -> list[dict]:
    """Horizontal lines that close a table left open at a page break.

    A row cut by a page break is often drawn without its bottom (or, on the
    next page, top) border: the column rulings just stop. Where three or
    more vertical rulings end at the same height with no horizontal ruling
    there, a closing line is added so the cut row is still found."""
    vs = [e for e in edges if e.get("orientation") == "v" and e["bottom"] - e["top"] >= LAYOUT.ruling_min_length]
    hs = [e for e in edges if e.get("orientation") == "h"]
    if len(vs) < LAYOUT.closing_min_rulings:
        return []
    open_ends: list[tuple[float, float]] = []
    tol = LAYOUT.closing_tolerance
    hs_by_top = sorted(hs, key=lambda h: h["top"])
    tops = [h["top"] for h in hs_by_top]
    for e in vs:
        x = e["x0"]
        for y in (e["top"], e["bottom"]):
            # only the horizontals within the tolerance of y (bisect), not all of them
            near = hs_by_top[bisect_left(tops, y - tol):bisect_right(tops, y + tol)]
            closed = any(abs(h["top"] - y) <= tol and h["x0"] - tol <= x <= h["x1"] + tol for h in near)
            if not closed:
                open_ends.append((y, x))
    open_ends.sort()
    out = []
    i = 0
    while i < len(open_ends):
        j = i
        while j + 1 < len(open_ends) and open_ends[j + 1][0] - open_ends[i][0] <= LAYOUT.closing_tolerance:
            j += 1
        group = open_ends[i:j + 1]
        xs = sorted({round(x) for _, x in group})
        if len(xs) >= LAYOUT.closing_min_rulings:
            y = sum(g[0] for g in group) / len(group)
            # across every ruling that ends there, also one a short edge closes (a filled
            # RAG cell's own bottom): the cut row spans the whole table, not only the open columns
            ends = [round(e["x0"]) for e in vs if min(abs(e["top"] - y), abs(e["bottom"] - y)) <= tol]
            xs = sorted(set(xs) | set(ends))
            out.append({"object_type": "line", "x0": xs[0], "x1": xs[-1], "top": y, "bottom": y,
                        "width": xs[-1] - xs[0], "height": 0})
        i = j + 1
    return out


def _gradient_rects(rects: list[dict]) -> set[int]:
    """ids of filled rectangles that are slices of a colour gradient (a
    stack of thin rectangles, each a slightly different colour): their
    edges are not table rulings and their colour is not a cell fill."""
    out: set[int] = set()
    thin, aspect = LAYOUT.gradient_slice_max, LAYOUT.gradient_slice_aspect
    for axis in ("v", "h"):
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for r in rects:
            if not r.get("fill") or r.get("stroke"):
                continue
            w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
            if axis == "v" and h <= thin and w > aspect * h:
                groups[(round(r["x0"]), round(r["x1"]))].append(r)
            elif axis == "h" and w <= thin and h > aspect * w:
                groups[(round(r["top"]), round(r["bottom"]))].append(r)
        for rs in groups.values():
            if len(rs) < LAYOUT.gradient_min_slices:
                continue
            key0, key1 = ("top", "bottom") if axis == "v" else ("x0", "x1")
            rs.sort(key=lambda r: r[key0])
            chain = [rs[0]]
            for r in rs[1:] + [None]:
                if r is not None and abs(r[key0] - chain[-1][key1]) <= LAYOUT.gradient_gap:
                    chain.append(r)
                    continue
                colours = {str(c.get("non_stroking_color")) for c in chain}
                if len(chain) >= LAYOUT.gradient_min_slices and len(colours) >= LAYOUT.gradient_min_colours:
                    out.update(id(c) for c in chain)
                if r is not None:
                    chain = [r]
    return out


def _filled_rects(page, skip: set[int] = frozenset()) -> list[tuple[float, float, float, float, str]]:
    out = []
    for r in page.rects:
        if not r.get("fill") or id(r) in skip:
            continue
        col = _colour(r.get("non_stroking_color"))
        if col is None:
            continue
        out.append((r["x0"], r["top"], r["x1"], r["bottom"], col))
    return out


def _fill_for(bbox, fills) -> Optional[str]:
    x0, top, x1, bottom = bbox
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    area = max((x1 - x0) * (bottom - top), 1.0)
    best = None
    best_area = None
    s = LAYOUT.fill_slack
    least, most = LAYOUT.fill_min_cover * area, LAYOUT.fill_max_cover * area
    for fx0, ftop, fx1, fbottom, col in fills:
        if fx0 - s <= cx <= fx1 + s and ftop - s <= cy <= fbottom + s:
            fa = (fx1 - fx0) * (fbottom - ftop)
            # must cover most of the cell and not be a page/table background
            if fa < least or fa > most:
                continue
            if best_area is None or fa <= best_area:
                best, best_area = col, fa
    if best == "#ffffff":
        return None
    return best


def _page_table(t, words: list[Word], fills, page: int) -> Optional[PageTable]:
    rows = t.rows
    if not rows:
        return None
    n_cols = max(len(r.cells) for r in rows)
    grid: list[list[Optional[tuple]]] = [list(r.cells) + [None] * (n_cols - len(r.cells)) for r in rows]
    cell_words = _cell_words(grid, words, t.bbox)
    if not cell_words:
        return None
    split = _split_unruled_columns(grid, cell_words) if len(rows) >= 3 else None
    if split is not None:
        grid = split
        n_cols = len(grid[0])
        cell_words = _cell_words(grid, words, t.bbox)
    if n_cols < LAYOUT.min_table_columns:
        return None  # a framed text box, read as text
    _split_stacked_keys(grid, cell_words)
    used_cols = {ci for (_, ci) in cell_words}
    if len(used_cols) < LAYOUT.min_table_columns and len(rows) <= LAYOUT.box_max_rows:
        return None  # a box around text, not a table
    texts: dict[tuple[int, int], str] = {}
    bolds: dict[tuple[int, int], float] = {}
    for key, ws in cell_words.items():
        cb = grid[key[0]][key[1]]
        texts[key] = _cell_text(ws, cb)
    if _chart_grid(grid, texts):
        return None  # a bar chart's bars and gridlines: its labels are read as text
    for key, ws in cell_words.items():
        n = sum(len(w.text) for w in ws) or 1
        bolds[key] = sum(w.bold * len(w.text) for w in ws) / n
    # column left edges (from cells that exist)
    col_x = []
    for ci in range(n_cols):
        xs = [grid[ri][ci][0] for ri in range(len(grid)) if grid[ri][ci] is not None]
        col_x.append(min(xs) if xs else (col_x[-1] if col_x else t.bbox[0]))
    out_rows = _grid_cells(grid, texts, fills, page)
    bold_rows = []
    for ri in range(len(grid)):
        vals = [bolds[(ri, ci)] for ci in range(n_cols) if (ri, ci) in bolds and texts.get((ri, ci))]
        bold_rows.append(bool(vals) and all(v >= LAYOUT.bold_min for v in vals))
    # a first row in a fill colour that no other row uses
    first_fills = {c.fill for c in out_rows[0]}
    filled_first = (len(out_rows) > 1 and len(first_fills) == 1 and None not in first_fills
                    and all(c.text for c in out_rows[0])
                    and not any(c.fill in first_fills for r in out_rows[1:] for c in r))
    # drop rows that are entirely empty
    keep = [i for i, r in enumerate(out_rows) if any(c.text.strip() for c in r)]
    if not keep:
        return None
    out_rows = [out_rows[i] for i in keep]
    bold_rows = [bold_rows[i] for i in keep]
    if filled_first and keep[0] != 0:
        filled_first = False
    return PageTable(page=page, bbox=tuple(t.bbox), rows=out_rows, col_x=col_x,
                     bold_rows=bold_rows, filled_first_row=filled_first,
                     cell_text=" ".join(texts[k] for k in sorted(texts)),
                     word_ids=frozenset(id(w) for ws in cell_words.values() for w in ws))


_NUMBER_LABEL = re.compile(r"[-+]?[£$]?\d[\d,]*(?:\.\d+)?\s*%?(?:\s+[-+]?[£$]?\d[\d,]*(?:\.\d+)?\s*%?)*")


def _chart_grid(grid: list[list[Optional[tuple]]], texts: dict[tuple[int, int], str]) -> bool:
    """A grid found in a chart: the bars and gridlines of a bar chart make
    rectangles pdfplumber reads as cells, most of them empty, and the few
    words inside are data labels (numbers). A table, even with merged
    cells, has words in most of its cells and words that are not numbers."""
    n_cells = sum(cb is not None for row in grid for cb in row)
    filled = [t for t in texts.values() if t.strip()]
    return (n_cells >= 6 and len(filled) <= LAYOUT.chart_max_filled * n_cells
            and all(_NUMBER_LABEL.fullmatch(t.strip()) for t in filled))


_COLUMN_GAP = 10.0   # points between two column names on the header line of a table ruled by rows only


def _split_unruled_columns(grid: list[list[Optional[tuple]]], cell_words) -> Optional[list[list[Optional[tuple]]]]:
    """A table ruled between its rows but not between its columns (a KPI
    scorecard: "Ref | Indicator | Q1 | Q2 | Target | RAG | DoT" with only
    the shaded cells giving pdfplumber any column edges): its header line's
    column names, apart by wide gaps, give the missing column edges. An edge
    goes where, between two names, the fewest body words run across it; it is
    kept where at least two body rows have words on both sides of it and
    none across it, and no more rows run text across it (a commentary row
    spanning the table) than keep to it. Returns the grid cut at every
    column edge (a cell whose words run across an edge stays one cell there,
    the slots it covers empty, as a merged cell), or None."""
    head = sorted((w for (ri, _), ws in cell_words.items() if ri == 0 for w in ws), key=lambda w: w.x0)
    if len(head) < 3 or len({round(w.top) for w in head}) > 3:
        return None
    bounds = sorted({round(cb[0], 1) for row in grid for cb in row if cb} | {round(cb[2], 1) for row in grid for cb in row if cb})
    body = [ws for (ri, _), ws in cell_words.items() if ri > 0]

    def across(x: float) -> int:
        return sum(any(w.x0 < x < w.x1 for w in ws) for ws in body)

    def both(x: float) -> int:
        return sum(not any(w.x0 < x < w.x1 for w in ws) and any(w.x1 <= x for w in ws) and any(w.x0 >= x for w in ws)
                   for ws in body)

    kept = []
    for a, b in zip(head, head[1:]):
        if b.x0 - a.x1 < _COLUMN_GAP or abs(b.top - a.top) >= 3:
            continue
        if any(a.x1 - 1 <= e <= b.x0 + 1 for e in bounds):
            continue   # a ruled or shaded edge there already
        xs = [a.x1 + 1 + k for k in range(int(b.x0 - a.x1 - 1))] or [(a.x1 + b.x0) / 2]
        x = min(xs, key=lambda x: (across(x), -both(x), -x))
        if both(x) >= 2 and both(x) >= across(x):
            kept.append(x)
    if not kept:
        return None
    edges = sorted(set(bounds) | set(kept))
    out: list[list[Optional[tuple]]] = []
    for ri, row in enumerate(grid):
        cells = [(ci, cb) for ci, cb in enumerate(row) if cb is not None]
        new_row: list[Optional[tuple]] = []
        owner = None   # the cell the previous slot belonged to, when it stays merged
        for x0, x1 in zip(edges, edges[1:]):
            mid = (x0 + x1) / 2
            hit = next(((ci, cb) for ci, cb in cells if cb[0] - 1 <= mid <= cb[2] + 1), None)
            if hit is None:
                new_row.append(None)
                continue
            ci, cb = hit
            ws = cell_words.get((ri, ci), [])
            inner = [e for e in edges if cb[0] + 1 < e < cb[2] - 1]
            merged = any(w.x0 < e < w.x1 for w in ws for e in inner)
            if merged:
                new_row.append(cb if owner != (ri, ci) else None)
                owner = (ri, ci)
            else:
                new_row.append((max(x0, cb[0]), cb[1], min(x1, cb[2]), cb[3]))
                owner = None
        out.append(new_row)
    return out


def _cell_words(grid: list[list[Optional[tuple]]], words: list[Word], bbox) -> dict[tuple[int, int], list[Word]]:
    """The words of the table's frame `bbox` by grid cell (row, column):
    each word in the first cell holding its centre."""
    cell_words: dict[tuple[int, int], list[Word]] = defaultdict(list)
    bx0, btop, bx1, bbottom = bbox
    s = LAYOUT.cell_slack
    # each row's vertical span: a row no word centre falls in is skipped whole
    spans = [(min((cb[1] for cb in row if cb is not None), default=None),
              max((cb[3] for cb in row if cb is not None), default=None)) for row in grid]
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if not (bx0 <= cx <= bx1 and btop <= cy <= bbottom):
            continue
        for ri, row in enumerate(grid):
            lo, hi = spans[ri]
            if lo is None or not lo - s <= cy <= hi + s:
                continue
            hit = False
            for ci, cb in enumerate(row):
                if cb is not None and cb[0] - s <= cx <= cb[2] + s and cb[1] - s <= cy <= cb[3] + s:
                    cell_words[(ri, ci)].append(w)
                    hit = True
                    break
            if hit:
                break
    return cell_words


def _split_stacked_keys(grid: list[list[Optional[tuple]]], cell_words: dict[tuple[int, int], list[Word]]) -> None:
    """A column drawn without rulings between its rows (a filled band of
    refs, "R1" at the top of each row beside ruled text cells) is one tall
    cell to the table finder. When its words sit in separate groups, each
    at the top of one of the rows it spans, with clear space between them,
    each group is that row's cell; a merged cell's text that runs on
    across the rows keeps its one cell (repeated in the rows it spans)."""
    for (ri, ci), ws in list(cell_words.items()):
        cb = grid[ri][ci]
        # (row, top, bottom) of each row the cell spans, from the row's other cells
        others = [c for k, c in enumerate(grid[ri]) if c is not None and k != ci]
        if not others:
            continue
        bands = [(ri, min(c[1] for c in others), max(c[3] for c in others))]
        for r in range(ri + 1, len(grid)):
            if grid[r][ci] is not None:
                break
            others = [c for c in grid[r] if c is not None]
            if not others or min(c[1] for c in others) < cb[1] - 1 or max(c[3] for c in others) > cb[3] + 1:
                break
            bands.append((r, min(c[1] for c in others), max(c[3] for c in others)))
        if len(bands) < 2:
            continue
        groups: dict[int, list[Word]] = defaultdict(list)
        for w in ws:
            cy = (w.top + w.bottom) / 2
            hit = next((r for r, top, bottom in bands if top <= cy <= bottom), None)
            if hit is None:
                groups.clear()
                break
            groups[hit].append(w)
        if len(groups) < 2:
            continue
        height = max(w.bottom - w.top for w in ws)
        ok = True
        for r, top, bottom in bands:
            g = groups.get(r)
            if g and (min(w.top for w in g) - top > 2 * height or bottom - max(w.bottom for w in g) < height):
                ok = False   # not at the row's top, or running on to its foot (text across the rows)
        if not ok:
            continue
        del cell_words[(ri, ci)]
        for r, top, bottom in bands:
            grid[r][ci] = (cb[0], top, cb[2], bottom)
            if r in groups:
                cell_words[(r, ci)] = groups[r]


def _grid_cells(grid: list[list[Optional[tuple]]], texts: dict[tuple[int, int], str], fills,
                page: int) -> list[list[Cell]]:
    """The table's rows of Cells: an empty grid slot (a merged cell) repeats
    the text of the cell spanning it; each cell gets its fill."""
    out_rows: list[list[Cell]] = []
    for ri, row in enumerate(grid):
        cells = []
        for ci, cb in enumerate(row):
            if cb is None:
                src = _spanning_cell(grid, ri, ci)
                if src is None:
                    cells.append(Cell("", page=page))
                    continue
                sr, sc = src
                cb = grid[sr][sc]
                cells.append(Cell(texts.get((sr, sc), ""), fill=_fill_for(cb, fills), page=page, spanned=True))
            else:
                cells.append(Cell(texts.get((ri, ci), ""), fill=_fill_for(cb, fills), page=page))
        out_rows.append(cells)
    return out_rows


def _spanning_cell(grid, ri: int, ci: int) -> Optional[tuple[int, int]]:
    """The cell covering the empty grid slot (ri, ci): to its left in the
    same row, else above in the same column."""
    row = grid[ri]
    # x centre of this column from any row that has it
    xs = [grid[r][ci] for r in range(len(grid)) if grid[r][ci] is not None]
    ys = [c for c in row if c is not None]
    if not xs or not ys:
        return None
    cx = (xs[0][0] + xs[0][2]) / 2
    cy = (ys[0][1] + ys[0][3]) / 2
    for c in range(ci - 1, -1, -1):
        cb = row[c]
        if cb is not None:
            if cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]:
                return ri, c
            break
    for r in range(ri - 1, -1, -1):
        cb = grid[r][ci]
        if cb is not None:
            if cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]:
                return r, ci
            break
    # a cell spanning both directions: search all cells
    for r in range(ri, -1, -1):
        for c in range(ci, -1, -1):
            cb = grid[r][c]
            if cb is not None and cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]:
                return r, c
    return None


def _cell_text(words: list[Word], bbox) -> str:
    lines = _group_lines(words, 0)
    if not lines:
        return ""
    right = bbox[2] if bbox else max(ln.x1 for ln in lines)
    left = bbox[0] if bbox else min(ln.x0 for ln in lines)
    width = max(right - left, 1.0)
    # the cell's padding, taken as the same on both sides: a line was wrapped
    # only when its next word would have run past right - padding
    fit_right = right - max(min(ln.x0 for ln in lines) - left, 0.0)
    parts: list[str] = []
    prev: Optional[Line] = None
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    normal_gap = min(gaps) if gaps else 0.0
    for ln in lines:
        if prev is None:
            parts.append(ln.text)
        else:
            gap = ln.top - prev.bottom
            num, _ = split_numbering(ln.text)
            new = False
            if gap > normal_gap + LAYOUT.cell_line_gap * max(ln.size, 1):
                new = True
            elif num is not None and (ln.text[:1] in _STRONG_BULLETS or prev.text.endswith(_TERMINAL)
                                      or re.search(r"\b(?:and|or)$", prev.text)   # "(b) ...; and" / "(c) ..."
                                      or abs(ln.x0 - prev.x0) > LAYOUT.indent_tolerance):
                new = True
            elif (prev.text.endswith((".", "!", "?", ":")) and prev.x1 < right - LAYOUT.cell_short_line * width
                  and ln.text[:1].isupper()):
                new = True
            elif (ln.text[:1].isupper() or ln.text[:1].isdigit()) and _would_have_fitted(prev, ln, fit_right):
                new = True
            if new:
                parts.append("\n" + ln.text)
            elif _hyphen_join(prev.text, ln.text):
                parts.append(ln.text)
            else:
                parts.append(" " + ln.text)
        prev = ln
    return "".join(parts).strip()


def _would_have_fitted(prev: Line, ln: Line, fit_right: float) -> bool:
    """The first word of `ln` had room at the end of `prev` (a word space
    and a margin to spare): text is wrapped only when the next word does not
    fit, so the line was ended by hand ("Director of Finance" / "Head of
    Finance" beside two steps; "31/03/2027" / "Dec 2026")."""
    w = ln.words[0]
    size = max(ln.size, 1.0)
    return prev.x1 + 0.25 * size + (w.x1 - w.x0) + LAYOUT.cell_fit_margin * size < fit_right


def _norm_row(row: list[Cell]) -> tuple[str, ...]:
    return tuple(" ".join(c.text.split()).lower() for c in row)


def _same_row(a: list[Cell], b: list[Cell]) -> bool:
    """The same row printed twice (a header repeated on the next page):
    cell by cell the same text, allowing the small differences OCR makes
    between two printings ("Progress RAG |", a misread letter)."""
    na, nb = _norm_row(a), _norm_row(b)
    if na == nb:
        return True
    if len(na) != len(nb):
        return False
    from difflib import SequenceMatcher
    for x, y in zip(na, nb):
        if x == y:
            continue
        x, y = re.sub(r"[^a-z0-9]+", "", x), re.sub(r"[^a-z0-9]+", "", y)
        if x == y:
            continue
        if not x or not y:
            return False
        t = LAYOUT.ocr_row_similarity
        if 2.0 * min(len(x), len(y)) / (len(x) + len(y)) < t:
            return False   # SequenceMatcher.real_quick_ratio(), without building the matcher
        sm = SequenceMatcher(None, x, y, autojunk=False)
        # the cheap upper bounds first: most pairs of different rows fail on them
        if sm.real_quick_ratio() < t or sm.quick_ratio() < t or sm.ratio() < t:
            return False
    return True


def _same_rows(a: list[list[Cell]], b: list[list[Cell]]) -> bool:
    return len(a) == len(b) and all(_same_row(x, y) for x, y in zip(a, b))


def _banner_row(row: list[Cell]) -> bool:
    """A row across the whole table (one merged cell) holding a sentence,
    not column names: "1. The Council should strengthen ..."."""
    texts = {" ".join(c.text.split()) for c in row}
    return len(row) > 1 and len(texts) == 1 and len(next(iter(texts)).split()) >= 6


def _header_rows(pt: PageTable) -> int:
    n = 0
    for ri, is_bold in enumerate(pt.bold_rows[:LAYOUT.header_max_rows]):
        if ri and _banner_row(pt.rows[ri]):
            break   # a bold sentence across the table under its column names: the first item's banner
        if is_bold:
            n += 1
        else:
            break
    if n >= len(pt.rows):
        n = 0  # an all-bold table: no header to tell apart
    if n == 0 and pt.filled_first_row and len(pt.rows) > 1:
        n = 1
    return n


def _same_columns(a: PageTable, b: PageTable) -> bool:
    if len(a.col_x) != len(b.col_x):
        return False
    return all(abs(x - y) <= LAYOUT.column_tolerance for x, y in zip(a.col_x, b.col_x))


def _repeats_header(table: Table, pt: PageTable) -> bool:
    h = table.header_rows
    return bool(h) and len(pt.rows) > h and _same_rows(pt.rows[:h], table.rows[:h])


def _continues(prev_pt: PageTable, table: Table, pt: PageTable, next_page: bool) -> bool:
    """Does `pt` continue `table` (whose last part is `prev_pt`)? Either it
    starts the next page with the same columns, or it repeats the table's
    header rows (a table split and restarted with its header)."""
    if len(pt.col_x) != len(prev_pt.col_x):
        return False
    if _repeats_header(table, pt):
        return True
    return next_page and _same_columns(prev_pt, pt)


def _append_table(table: Table, prev_pt: PageTable, pt: PageTable) -> None:
    rows = [list(r) for r in pt.rows]
    # leading rows repeated from the table's first page are its header
    k = 0
    while k < min(len(rows) - 1, len(table.rows) - 1, LAYOUT.repeated_header_max) and _same_row(rows[k], table.rows[k]) \
            and any(c.text.strip() for c in rows[k]):
        k += 1
    if k:
        if len(table.pages) == 1 or not table.header_rows:
            table.header_rows = k
        rows = rows[k:]
    _extend_rows(table, rows, cut=prev_pt.open_bottom or pt.open_top)
    if pt.page not in table.pages:
        table.pages.append(pt.page)


def _split_repeated_headers(table: Table) -> None:
    """A header repeated inside a table (a table restarted with its header
    on the same page): drop it and rejoin the parts."""
    h = table.header_rows
    if not h or len(table.rows) <= 2 * h:
        return
    head = table.rows[:h]
    rows = table.rows
    out = rows[:h]
    segment: list[list[Cell]] = []
    i = h
    parts: list[list[list[Cell]]] = []
    while i < len(rows):
        if i + h <= len(rows) and _same_rows(rows[i:i + h], head):
            parts.append(segment)
            segment = []
            i += h
            continue
        segment.append(rows[i])
        i += 1
    parts.append(segment)
    if len(parts) == 1:
        return
    table.rows = out + parts[0]
    for seg in parts[1:]:
        _extend_rows(table, seg, cut=False, guess=False)


def _extend_rows(table: Table, rows: list[list[Cell]], *, cut: bool, guess: bool = True) -> None:
    """Append `rows` after a break; the first of them is merged into the
    last row above when the break split that row: the rulings show the row
    left open (`cut`), or (`guess`, at a page break) its first cell is empty
    under a filled one, or every cell it fills starts lower case."""
    if rows and len(table.rows) > table.header_rows:
        first, last = rows[0], table.rows[-1]
        first_empty = not first[0].text.strip() and last[0].text.strip()
        lower = all((not c.text.strip()) or c.text.strip()[:1].islower() for c in first) and any(c.text.strip() for c in first)
        if cut or (guess and (first_empty or lower)):
            for ci, c in enumerate(first):
                if ci < len(last) and c.text.strip():
                    prev_text = last[ci].text
                    if not prev_text:
                        last[ci].text = c.text
                    elif prev_text.rstrip().endswith(_TERMINAL) and c.text[:1].isupper():
                        last[ci].text = prev_text + "\n" + c.text
                    else:
                        last[ci].text = _join_text(prev_text, c.text)
                    if last[ci].fill is None:
                        last[ci].fill = c.fill
            rows = rows[1:]
    table.rows.extend(rows)
