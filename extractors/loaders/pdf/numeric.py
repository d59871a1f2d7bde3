"""Statistics tables printed without rulings: a caption ("Table 1: ..."),
column names over one to three lines, then rows of figures set in columns
("2021–22   112.4   9,860   29"). Select-committee and inquiry reports,
needs assessments and statistical bulletins print most of their tables
this way; pdfplumber's ruling-based finder cannot see them, and read as
prose their numbers lose the column that says what they measure and in
what unit ("Allocation (£m)", "Average weeks").

Such a table is found from its rows: three or more consecutive lines, each
split by wide gaps into the same number (three or more) of groups, every
group after the first a figure, the figures of each column lined up (their
right or left edges within a few points from row to row). The lines just
above, close to the first row and lying within the table's width, are its
header: their words go to the column their centre falls in. Words placed
in such a table are not body text.
"""
from __future__ import annotations

import re
import statistics
from typing import Optional

from extractors.loaders.pdf.aligned import _lines, _segments, _text
from extractors.loaders.pdf.records import PageTable, Word
from extractors.model import Cell

# a figure as tables print it: 112.4, 9,860, 41%, £1,260, -3.2, +13.6%, (1.2), n/a, -, *, 1:3
_FIGURE = re.compile(r"^(?:[-+−–]?\(?£?\d[\d,]*(?:\.\d+)?\)?\s?%?|\d+:\d+|n/?a|-|–|—|\*|x|c|\.\.)$", re.I)
# a contents page's or index's columns ("Paragraph | Page")
_CONTENTS_COLUMN = re.compile(r"^(?:pages?|page\s+no\.?|pp\.?|paragraphs?|paras?\.?)(?:\s|$)", re.I)
MIN_ROWS = 3
MIN_COLUMNS = 3
ALIGN = 6.0          # the edges of one column's figures lie within this of each other
MAX_HEAD_LINES = 3
MAX_HEAD_WORDS = 8   # a header group is a column's name, not a sentence


def _figures(seg_texts: list[str]) -> bool:
    return all(_FIGURE.match(t.strip()) for t in seg_texts)


def _data_line(line: list[Word]) -> Optional[list[list[Word]]]:
    segs = _segments(line)
    if len(segs) < MIN_COLUMNS or not _figures([_text(s) for s in segs[1:]]):
        return None
    return segs


def _aligned(a: list[list[Word]], b: list[list[Word]]) -> bool:
    """Two rows' groups stand in the same columns: each pair of figures has
    its right or its left edge in line."""
    return all(abs(x[-1].x1 - y[-1].x1) <= ALIGN or abs(x[0].x0 - y[0].x0) <= ALIGN for x, y in zip(a[1:], b[1:]))


def numeric_tables(words: list[Word], number: int, found: list[PageTable]) -> list[PageTable]:
    """Tables of figures without rulings on one page, outside the tables
    already `found`."""
    if sum(any(ch.isdigit() for ch in w.text) for w in words) < MIN_ROWS * (MIN_COLUMNS - 1):
        return []   # too few figures on the page for a table of them

    def taken(w: Word) -> bool:
        return any(t.bbox[0] - 1 <= w.x0 <= t.bbox[2] + 1 and t.bbox[1] - 1 <= w.top <= t.bbox[3] + 1 for t in found)

    lines = _lines([w for w in words if not taken(w)])
    segs = [_data_line(ln) for ln in lines]
    heights = [ln[0].bottom - ln[0].top for ln in lines]
    out: list[PageTable] = []
    i = 0
    while i < len(lines):
        if segs[i] is None:
            i += 1
            continue
        run, j = [i], i + 1
        lh = heights[i] or 10.0
        while j < len(lines) and segs[j] is not None and len(segs[j]) == len(segs[i]) \
                and lines[j][0].top - max(w.bottom for w in lines[run[-1]]) <= max(2.0 * lh, 14) \
                and _aligned(segs[run[-1]], segs[j]):
            run.append(j)
            j += 1
        if len(run) < MIN_ROWS:
            i += 1
            continue
        table = _table(lines, segs, run, number, statistics.median(heights[k] for k in run) or lh)
        if table is not None:
            out.append(table)
        i = j
    return out


def _table(lines: list[list[Word]], segs: list[Optional[list[list[Word]]]], run: list[int], number: int,
           lh: float) -> Optional[PageTable]:
    rows = [segs[k] for k in run]
    n = len(rows[0])
    left = min(r[0][0].x0 for r in rows)
    right = max(r[-1][-1].x1 for r in rows)
    # each column's span over its rows; a column's boundary is midway between neighbours
    spans = [(min(r[c][0].x0 for r in rows), max(r[c][-1].x1 for r in rows)) for c in range(n)]
    bounds = [(spans[c][1] + spans[c + 1][0]) / 2 for c in range(n - 1)]

    def column(x: float) -> int:
        return sum(x > b for b in bounds)

    head: list[list[Word]] = []
    top = rows[0][0][0].top
    k = run[0] - 1
    while k >= 0 and len(head) < MAX_HEAD_LINES:
        ln = lines[k]
        if top - max(w.bottom for w in ln) > max(1.5 * lh, 10) or segs[k] is not None:
            break
        if ln[0].x0 < left - 2 * ALIGN:
            break   # a caption or prose starting left of the table
        groups = _segments(ln)
        if any(len(s) > MAX_HEAD_WORDS for s in groups) or re.match(r"(?:table|figure|chart)\s*\d", _text(ln), re.I):
            break
        if any(_FIGURE.match(_text(s)) for s in groups[1:]):
            break   # a row with figures (a short one): not a column name
        head.insert(0, ln)
        top = ln[0].top
        k -= 1
    if not head:
        return None   # figures with no column names: nothing says what they measure
    names = [[] for _ in range(n)]
    for ln in head:
        for w in ln:
            names[column((w.x0 + w.x1) / 2)].append(w.text)
    if sum(bool(x) for x in names) < n - 1:
        return None
    if any(_CONTENTS_COLUMN.match(" ".join(x)) for x in names):
        return None   # a contents page or index: its numbers are pages and paragraphs (read as text)
    used = [w for ln in head for w in ln] + [w for k in run for w in lines[k]]
    body = [[Cell(_text(s)) for s in r] for r in rows]
    table_rows = [[Cell(" ".join(x)) for x in names]] + body
    bbox = (min(w.x0 for w in used), min(w.top for w in used), max(w.x1 for w in used), max(w.bottom for w in used))
    return PageTable(page=number, bbox=bbox, rows=table_rows, col_x=[s[0] for s in spans],
                     bold_rows=[True] + [False] * len(body),
                     cell_text=" ".join(c.text for r in table_rows for c in r),
                     word_ids=frozenset(id(w) for w in used))
