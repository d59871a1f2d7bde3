"""Tables printed without rulings: action logs, trackers and KPI lists
exported with no grid, or with only a shaded header or faint lines under
rows, which pdfplumber's ruling-based finder cannot see.

Such a table is found from its header: one line of the page whose
word groups (separated by wide gaps) are all column words of a log or plan
("Ref | Action | Owner | Due date | Status", "No. | Action agreed | Who |
By when | Update"), naming at least one item column (action, recommendation,
description, measure) and one supporting column (owner, date, status...).
The header's groups give the columns' left edges; the lines below are its
rows until a wide gap, another header, or a line whose text runs across a
column edge (prose). When the first column holds refs or dates, each line
with text there anchors a row and the other lines join the nearest anchor
(cells may sit at the top, middle or bottom of their row); otherwise a
row starts after a gap wider than the lines within a row. Words placed in
such a table are not body text.
"""
from __future__ import annotations

import re
import statistics
from typing import Optional

from extractors.loaders.pdf.records import PageTable, Word
from extractors.model import Cell

_ITEM = (r"(?:(?:further|mitigating|planned|agreed|key|next|additional)\s+)?actions?(?:\s+(?:agreed|required|points?|to\s+be\s+taken|planned))?|"
         r"recommendations?|(?:risk\s+)?description|measures?|indicators?|tasks?|mitigations?|risks?(?:\s+(?:and\s+cause|title))?")
_SUPPORT = (r"ref\.?|no\.?|#|item|(?:action|item|minute|log)\s+(?:no\.?|number|ref\.?)|date(?:\s+(?:raised|agreed|due|closed|opened|completed|added|set))?|meeting|owners?|action\s+(?:by|owner)|lead(?:\s+officer)?|"
            r"responsible(?:\s+officer)?|responsibility|who|by\s+when|due(?:\s+date)?|deadline|target(?:\s+date)?|"
            r"timescales?|status|progress|update|comments?|rag|officer|completion\s+date|assigned\s+to|baseline|actual|"
            # a risk register's columns: "Risk ref | Risk owner | L | I | Score | Target score | Direction of travel"
            r"risk\s+(?:ref\.?|no\.?|owner|score|rating)|(?:action|risk)\s+owner|[li]|likelihood|impact|score|rating|"
            r"(?:inherent|residual|current|target|previous)\s+(?:score|risk|rating)|direction(?:\s+of\s+travel)?|trend|"
            r"(?:existing|current|key)\s+controls?|controls?|consequences?|causes?|target\s+date")
_ITEM_RE = re.compile(rf"^(?:{_ITEM})$", re.I)
# the first word of an item column's header ("Actions agreed", "Measure")
_ITEM_CUE = re.compile(r"^(?:actions?|recommendations?|description|measures?|indicators?|tasks?|mitigations?|risks?)$", re.I)
_SUPPORT_RE = re.compile(rf"^(?:{_SUPPORT})$", re.I)

GAP = 7.0            # points between two words of different columns on one line
LINE_TOL = 3.0       # tops within this are one line
MIN_ROWS = 2


def _lines(words: list[Word]) -> list[list[Word]]:
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if out and abs(out[-1][0].top - w.top) <= LINE_TOL:
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(ln, key=lambda w: w.x0) for ln in out]


def _segments(line: list[Word]) -> list[list[Word]]:
    segs: list[list[Word]] = []
    for w in line:
        if segs and w.x0 - segs[-1][-1].x1 <= GAP:
            segs[-1].append(w)
        else:
            segs.append([w])
    return segs


def _text(ws: list[Word]) -> str:
    return " ".join(w.text for w in ws)


def _header(line: list[Word]) -> Optional[list[float]]:
    """The columns' left edges when the line is a log's header row."""
    segs = _segments(line)
    if len(segs) < 3:
        return None
    texts = [_text(s).strip(" :") for s in segs]
    return [s[0].x0 for s in segs] if _names_a_table(texts, support=1, unknown=0) else None


def _stacked_header(first: list[Word], second: list[Word]) -> Optional[tuple[list[float], list[Word]]]:
    """A header whose column names wrap onto a second line ("Risk" / "ref",
    "Further" / "actions", "Target" / "date"): the two lines' word groups
    stacked by their place across the page make the names. (left edges,
    the header's words) when those names are a log's or register's; None
    otherwise."""
    h = first[0].bottom - first[0].top
    if second[0].top - max(w.bottom for w in first) > 0.8 * h:
        return None
    segs = _segments(first) + _segments(second)
    if any(len(s) > 3 or any(ch.isdigit() for w in s for ch in w.text) for s in segs):
        return None
    cols: list[list[list[Word]]] = []   # column -> its groups, top to bottom
    for seg in sorted(segs, key=lambda s: s[0].x0):
        x0, x1 = seg[0].x0, seg[-1].x1
        hit = next((c for c in cols if min(x1, max(w.x1 for g in c for w in g)) - max(x0, min(g[0].x0 for g in c)) > -2), None)
        if hit is not None:
            hit.append(seg)
        else:
            cols.append([seg])
    names = [" ".join(_text(g) for g in sorted(c, key=lambda g: g[0].top)).strip(" :") for c in cols]
    # (names stacked from two lines are less sure: two supporting columns, a third of them may be others)
    if len(names) < 3 or not _names_a_table(names, support=2, unknown=len(names) // 3):
        return None
    return [min(g[0].x0 for g in c) for c in cols], first + second


def _names_a_table(names: list[str], *, support: int, unknown: int) -> bool:
    """Do these column names name a log's or register's columns: an item
    column, at least `support` supporting ones, at most `unknown` others?"""
    items = sum(bool(_ITEM_RE.match(t)) for t in names)
    supporting = sum(bool(_SUPPORT_RE.match(t)) for t in names)
    return items >= 1 and supporting >= support and items + supporting >= len(names) - unknown


def _header_rest(line: list[Word], cols: list[float], header: list[Word]) -> bool:
    """The header's second line: close under it, and every group of words
    short (one or two words, no digits) and starting at a column's left edge."""
    if line[0].top - max(w.bottom for w in header) > 0.8 * (header[0].bottom - header[0].top):
        return False
    segs = _segments(line)
    return len(segs) < len(cols) and all(
        len(s) <= 2 and not any(ch.isdigit() for w in s for ch in w.text)
        and min(abs(s[0].x0 - c) for c in cols) <= GAP for s in segs)


def _column(x: float, cols: list[float]) -> int:
    i = 0
    for k, c in enumerate(cols):
        if x >= c - GAP:
            i = k
    return i


def aligned_tables(words: list[Word], number: int, ruled: list[PageTable]) -> list[PageTable]:
    """Tables without rulings on one page, outside the ruled ones."""
    if not any(_ITEM_CUE.match(w.text.strip(" :")) for w in words):
        return []   # no header can name an item column: most pages stop here, before lines are grouped

    def in_ruled(w: Word) -> bool:
        return any(t.bbox[0] - 1 <= w.x0 <= t.bbox[2] + 1 and t.bbox[1] - 1 <= w.top <= t.bbox[3] + 1 for t in ruled)

    lines = _lines([w for w in words if not in_ruled(w)])
    out: list[PageTable] = []
    i = 0
    while i < len(lines):
        cols = _header(lines[i])
        stacked = _stacked_header(lines[i], lines[i + 1]) if cols is None and i + 1 < len(lines) else None
        if cols is None and stacked is None:
            i += 1
            continue
        head_lines = [lines[i]]
        if stacked is not None:
            cols = stacked[0]
            i += 1
            head_lines.append(lines[i])
        elif i + 1 < len(lines) and _header_rest(lines[i + 1], cols, lines[i]):
            i += 1   # a header cell wrapped onto a second line ("Action" / "No")
            head_lines.append(lines[i])
        header = [w for ln in head_lines for w in ln]
        head_segs = [s for ln in head_lines for s in _segments(ln)]
        heights = [ln[0].bottom - ln[0].top for ln in lines[i:i + 20]]
        lh = statistics.median(heights) if heights else 10.0
        body: list[list[Word]] = []
        prev_bottom = max(w.bottom for w in header)
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            if ln[0].top - prev_bottom > max(2.5 * lh, 18) or _header(ln) is not None:
                break
            if any(_column(s[-1].x1 - 1, cols) - _column(s[0].x0, cols) >= 2 for s in _segments(ln)):
                break   # text running on across two column edges: prose below the table
            body.append(ln)
            prev_bottom = max(w.bottom for w in ln)
            j += 1
        first = " ".join(_text(seg) for seg in head_segs if _column(seg[0].x0, cols) == 0).strip(" :")
        rows = _rows(body, cols, lh, anchored=bool(_SUPPORT_RE.match(first)))
        if len(rows) >= MIN_ROWS:
            used = header + [w for ln in body for w in ln]
            head_cells = [Cell(" ".join(_text(s) for s in head_segs if _column(s[0].x0, cols) == k))
                          for k in range(len(cols))]
            table_rows = [head_cells] + [[Cell(t) for t in r] for r in rows]
            bbox = (min(w.x0 for w in used), min(w.top for w in header), max(w.x1 for w in used),
                    max(w.bottom for w in used))
            out.append(PageTable(page=number, bbox=bbox, rows=table_rows, col_x=list(cols),
                                 bold_rows=[True] + [False] * len(rows),
                                 cell_text=" ".join(c.text for r in table_rows for c in r),
                                 word_ids=frozenset(id(w) for w in used)))
            i = j
        else:
            i += 1
    return out


def _rows_by_short_column(cells: list[dict[int, list[str]]]) -> Optional[list[int]]:
    """Rows as evenly spaced as their lines (no wider gap between rows): a
    column whose cells take one line each (a date, a lead: 'Meeting',
    'Deadline') starts a row at each line it has text on, the other lines
    belonging to the row above (cells set at the top of their row). The
    column with the most such one-line cells wins; None when there is none."""
    best: Optional[list[int]] = None
    n_cols = max((k for c in cells for k in c), default=0) + 1
    for k in range(1, n_cols):
        hits = [i for i, c in enumerate(cells) if k in c]
        if len(hits) >= 2 and hits[0] == 0 and all(b - a >= 2 for a, b in zip(hits, hits[1:])) and \
                (best is None or len(hits) > len(best)):
            best = hits
    if best is None:
        return None
    return [max(a for a in best if a <= i) for i in range(len(cells))]


def _rows(body: list[list[Word]], cols: list[float], lh: float, anchored: bool) -> list[list[str]]:
    """Lines to rows. With a first column of refs or dates (`anchored`),
    each line that has text there is a row's anchor and every other line
    belongs to the nearest anchor above or below it (cells may be aligned to
    the top, middle or bottom of their row; when the first line has one,
    at the top, and a line is the row of the anchor above it); without one, a row starts
    after a gap wider than the gaps between the lines of one row."""
    cells = []
    for ln in body:
        by_col: dict[int, list[str]] = {}
        for w in ln:   # word by word: a cell's text may run up to the next column's edge
            by_col.setdefault(_column(w.x0, cols), []).append(w.text)
        cells.append(by_col)
    mids = [(ln[0].top + max(w.bottom for w in ln)) / 2 for ln in body]
    anchors = [i for i, c in enumerate(cells) if 0 in c] if anchored else []
    if len(anchors) >= 2 and anchors[0] == 0:
        # the first line holds a ref: cells set at the top of their rows, each line the row of the ref above it
        owner = [max(a for a in anchors if a <= i) for i in range(len(body))]
        # ... and a line that starts again two of the row's filled columns (a second step with its own
        # owner and date under one risk: "Refresh the reserves strategy | Director of Resources | January 2027")
        # is a row of its own, its ref cell blank
        filled: set[int] = set()
        sub, last = 0, None
        for i, by_col in enumerate(cells):
            if owner[i] != last:
                filled, sub, last = set(), 0, owner[i]
            again = [k for k in by_col if k and k in filled and by_col[k][0][:1].isupper() or
                     (k and k in filled and by_col[k][0][:1].isdigit())]
            gap = body[i][0].top - max(w.bottom for w in body[i - 1]) if i else 0.0
            # (set apart as rows are, not a cell's next line: "ICT Security" / "Manager" wraps)
            if i not in anchors and len(again) >= 2 and gap > 0.4 * lh:
                sub += 1
                filled = set()
            filled |= set(by_col)
            owner[i] = (owner[i], sub)
    elif len(anchors) >= 2:
        owner = [(min(anchors, key=lambda a: (abs(mids[a] - mids[i]), a)), 0) for i in range(len(body))]
    else:
        owner, row, prev_bottom = [], -1, None
        for i, ln in enumerate(body):
            if prev_bottom is None or ln[0].top - prev_bottom > 0.8 * lh:
                row += 1
            owner.append(row)
            prev_bottom = max(w.bottom for w in ln)
        if len(set(owner)) < 2:
            owner = _rows_by_short_column(cells) or owner
        owner = [(o, 0) for o in owner]
    rows: dict[tuple, list[list[str]]] = {}
    for i, by_col in enumerate(cells):
        r = rows.setdefault(owner[i], [[] for _ in cols])
        for k, parts in by_col.items():
            r[k].extend(parts)
    return [[" ".join(parts) for parts in rows[k]] for k in sorted(rows) if any(rows[k])]
