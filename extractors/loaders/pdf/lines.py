"""Words -> lines -> blocks: lines grouped by vertical overlap, lines
into paragraphs by gap, font change, list markers, indentation and short
lines ending a sentence; headings by size, bold or capitals; cover
blocks ("From:", "To:") laid out in two columns."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import attrgetter
from typing import Optional

from extractors.loaders.pdf.records import _STRONG_BULLETS, _TERMINAL, Line, PageContent, Word
from extractors.loaders.pdf.settings import DEFAULT as LAYOUT
from extractors.model import Block
from extractors.numbering import numbering_level, split_numbering
from extractors.vocabulary import ITEM_LABEL


_BY_TOP_X0 = attrgetter("top", "x0")
_X0 = attrgetter("x0")


def _group_lines(words: list[Word], page: int) -> list[Line]:
    """Words -> lines: a word joins a recent line it overlaps vertically."""
    lines: list[list[Word]] = []    # each line's words
    spans: list[list[float]] = []   # each line's [top, bottom] so far, kept as words join it
    lookback, overlap = LAYOUT.line_lookback, LAYOUT.line_overlap
    for w in sorted(words, key=_BY_TOP_X0):
        top, bottom = w.top, w.bottom
        h = max(bottom - top, 0.1)
        placed = False
        n = len(lines)
        for k in range(n - 1, max(n - lookback, 0) - 1, -1):
            span = spans[k]
            lt, lb = span
            ov = min(lb, bottom) - max(lt, top)
            if ov >= overlap * min(h, lb - lt):
                lines[k].append(w)
                if top < lt:
                    span[0] = top
                if bottom > lb:
                    span[1] = bottom
                placed = True
                break
        if not placed:
            lines.append([w])
            spans.append([top, bottom])
    out = []
    stacked_min = LAYOUT.stacked_min_words
    for ws in lines:
        if len(ws) < stacked_min:   # (_split_stacked leaves such a line whole)
            out.append(Line(words=ws, page=page).finish())
            continue
        for part in _split_stacked(ws):
            out.append(Line(words=part, page=page).finish())
    out.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return out


def page_lines(words: list[Word], page: int, width: float) -> list[Line]:
    """The page's lines; where the page sets a passage in two columns (a
    gutter no line crosses, with text running up to it on the left and from
    it on the right), each column's lines are grouped on their own and read
    left column first (Line.order), not across the gutter line by line."""
    lines = _group_lines(words, page)
    gutter = _gutter(lines, width)
    interleaved = False
    if gutter is None:
        gutter = _interleaved_gutter(lines, width)
        interleaved = gutter is not None
    if gutter is None:
        return lines
    out: list[Line] = []
    zone: list[Line] = []

    def close():
        if not zone:
            return
        split = sum(1 for ln in zone if _splits(ln, gutter))
        if split < LAYOUT.column_min_lines and not (interleaved and _two_sided(zone, gutter)):
            out.extend(zone)
        else:
            z0 = zone[0].top
            ws = [w for ln in zone for w in ln.words]
            for col, side in enumerate(([w for w in ws if w.x1 <= gutter], [w for w in ws if w.x0 >= gutter])):
                for ln in _group_lines(side, page):
                    ln.order = (z0, col, ln.top)
                    out.append(ln)
        zone.clear()

    for ln in lines:
        left = [w.x1 for w in ln.words if w.x1 <= gutter]
        right = [w.x0 for w in ln.words if w.x0 >= gutter]
        if any(w.x0 < gutter < w.x1 for w in ln.words) or \
                (left and right and min(right) - max(left) < LAYOUT.column_gap):
            close()   # a line across the gutter (a heading, a running header, a full-width paragraph) ends the passage
            out.append(ln)
        else:
            zone.append(ln)
    close()
    return out


def _two_sided(zone: list[Line], gutter: float) -> bool:
    """A passage whose lines keep to either side of the gutter, enough of
    them on each side, the right-hand ones starting at one left edge: two
    columns whose lines do not share baselines."""
    left = [ln for ln in zone if all(w.x1 <= gutter for w in ln.words)]
    right = [ln for ln in zone if all(w.x0 >= gutter for w in ln.words)]
    if len(left) < LAYOUT.column_side_lines or len(right) < LAYOUT.column_side_lines:
        return False
    edges = sorted(ln.x0 for ln in right)
    mid = edges[len(edges) // 2]
    aligned = sum(1 for x in edges if abs(x - mid) <= 2 * LAYOUT.column_tolerance)
    wordy = sum(1 for ln in left + right if len(ln.words) >= 3)
    return aligned >= 0.7 * len(right) and wordy >= 0.6 * (len(left) + len(right))


def _interleaved_gutter(lines: list[Line], width: float) -> Optional[float]:
    """The gutter of two columns whose lines sit at different heights (so few
    lines split at it): the middle-third x that a run of lines, none of them
    running across it, keeps to either side of (`_two_sided`), else None."""
    if sum(1 for ln in lines if ln.x0 >= width * 0.3) < LAYOUT.column_side_lines:
        return None   # (no right-hand column: too few lines start past the page's first third)
    order = sorted(lines, key=lambda ln: ln.top)
    lo, hi = int(width * 0.3), int(width * 0.7)
    xs = list(range(lo, hi, 2))
    # per line, the candidate xs it runs across: inside a word, or in a gap between words narrower than a gutter
    blocked = []
    for ln in order:
        marks = bytearray(len(xs))
        ws = sorted(ln.words, key=_X0)
        reach = float("-inf")
        for k, w in enumerate(ws):
            spans = [(w.x0, w.x1)]
            reach = max(reach, w.x1)
            if k + 1 < len(ws) and ws[k + 1].x0 - reach < LAYOUT.column_gap:
                spans.append((reach, ws[k + 1].x0))
            for a, b in spans:
                i0, i1 = max(0, math.floor((a - lo) / 2) + 1), min(len(xs) - 1, math.ceil((b - lo) / 2) - 1)
                if i0 <= i1:
                    marks[i0:i1 + 1] = b"\x01" * (i1 - i0 + 1)
        blocked.append(marks)
    best, best_n = None, 0
    for i, x in enumerate(xs):
        run: list[Line] = []
        for ln, marks in zip(order + [None], blocked + [None]):
            if ln is not None and not marks[i]:
                run.append(ln)
                continue
            if len(run) > best_n and len(run) >= 2 * LAYOUT.column_side_lines and _two_sided(run, x):
                best, best_n = float(x), len(run)
            run = []
    return best


def _splits(ln: Line, gutter: float) -> bool:
    """The line has words on both sides of the gutter, set well apart from it."""
    left = [w for w in ln.words if w.x1 <= gutter]
    right = [w for w in ln.words if w.x0 >= gutter]
    return bool(left and right) and min(w.x0 for w in right) - max(w.x1 for w in left) >= LAYOUT.column_gap


def _gutter(lines: list[Line], width: float) -> Optional[float]:
    """The x of a two-column page's gutter, or None: the middle third point
    where most lines split with a wide gap, left-column text reaching it
    (not a label | value box, whose labels end short)."""
    if len(lines) < LAYOUT.column_min_lines:
        return None
    # per whole point x: how many lines split there with a wide gap, how many run across it
    # (difference arrays over each line's words and gaps: one pass, not one per x)
    size = int(width) + 3
    split_d, cross_d = [0] * size, [0] * size
    for ln in lines:
        ws = sorted(ln.words, key=_X0)
        reach = float("-inf")
        for k, w in enumerate(ws):
            a, b = math.floor(w.x0) + 1, math.ceil(w.x1) - 1   # x0 < x < x1
            if a <= b:
                cross_d[max(a, 0)] += 1
                cross_d[min(b + 1, size - 1)] -= 1
            reach = max(reach, w.x1)
            if k + 1 < len(ws):
                start = ws[k + 1].x0   # (sorted by x0: the nearest start to the right)
                if start - reach >= LAYOUT.column_gap:
                    a, b = math.ceil(reach), math.floor(start)
                    if a <= b:
                        split_d[max(a, 0)] += 1
                        split_d[min(b + 1, size - 1)] -= 1
    split_n, cross_n, run_s, run_c = [0] * size, [0] * size, 0, 0
    for x in range(size):
        run_s += split_d[x]
        run_c += cross_d[x]
        split_n[x], cross_n[x] = run_s, run_c
    best, best_n, best_score = None, 0, 0
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        n = split_n[x]   # (a line crossed at x has no gap there: the two counts do not overlap)
        score = n - 2 * cross_n[x]   # the gutter is where lines split and none runs across
        if score > best_score:
            best, best_n, best_score = float(x), n, score
    if best is None or best_n < max(LAYOUT.column_min_lines, LAYOUT.column_share * len(lines)):
        return None
    split = [ln for ln in lines if _splits(ln, best)]

    def wordy(ws: list[Word]) -> bool:
        return sum(1 for w in ws if re.fullmatch(r"[A-Za-z][a-z’'-]*[,.;:]?", w.text)) >= 3
    if sum(1 for ln in split if wordy([w for w in ln.words if w.x1 <= best]) and
           wordy([w for w in ln.words if w.x0 >= best])) < LAYOUT.column_prose * len(split):
        return None   # columns of figures or short labels: a table without rulings, read across
    left_x0 = min(w.x0 for ln in split for w in ln.words)
    col = max(best - left_x0, 1.0)
    reach = sorted(best - max(w.x1 for w in ln.words if w.x1 <= best) for ln in split)
    if reach[len(reach) // 2] > LAYOUT.column_reach * col:
        return None   # the left-hand texts end well short of the gap: labels and their values
    # centre the gutter in the gap most split lines leave
    gaps = sorted((max(w.x1 for w in ln.words if w.x1 <= best), min(w.x0 for w in ln.words if w.x0 >= best)) for ln in split)
    lo = sorted(g[0] for g in gaps)[len(gaps) // 2]
    hi = sorted(g[1] for g in gaps)[len(gaps) // 2]
    mid = (lo + hi) / 2 if lo < hi else best

    def crossing(x: int) -> int:
        return cross_n[x] if 0 <= x < size else 0
    # the x near there that the fewest lines run across (a long left-hand line may end past the midpoint)
    return min((x for x in range(int(mid) - 30, int(mid) + 31)), key=lambda x: (crossing(x), abs(x - mid)))


def _split_stacked(words: list[Word]) -> list[list[Word]]:
    """A tall word (a large page number) can glue two small lines beside
    it into one: split the normal-height words into lines that do not
    overlap, and hang each tall word on the one it overlaps most."""
    if len(words) < LAYOUT.stacked_min_words:
        return [words]
    hs = sorted(w.bottom - w.top for w in words)
    med = hs[len(hs) // 2]
    normal = [w for w in words if w.bottom - w.top <= LAYOUT.tall_word * med]
    tall = [w for w in words if w.bottom - w.top > LAYOUT.tall_word * med]
    groups: list[list[Word]] = []
    for w in sorted(normal, key=lambda w: w.top):
        for g in groups:
            gt, gb = g[0].top, g[0].bottom
            if min(gb, w.bottom) - max(gt, w.top) >= LAYOUT.line_overlap * min(w.bottom - w.top, gb - gt):
                g.append(w)
                break
        else:
            groups.append([w])
    if len(groups) <= 1:
        return [words]
    for w in tall:
        best = max(groups, key=lambda g: min(g[0].bottom, w.bottom) - max(g[0].top, w.top))
        best.append(w)
    return groups


@dataclass
class DocStats:
    body_size: float
    normal_gap: float
    right_edge: dict[int, float]


def _doc_stats(pages: list[PageContent]) -> DocStats:
    sizes: Counter = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[round(ln.size * LAYOUT.size_steps) / LAYOUT.size_steps] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else LAYOUT.default_body_size
    gaps: Counter = Counter()
    for p in pages:
        for a, b in zip(p.lines, p.lines[1:]):
            if abs(a.size - body) < LAYOUT.size_tolerance and abs(b.size - body) < LAYOUT.size_tolerance:
                g = b.top - a.bottom
                if LAYOUT.gap_min < g < body * LAYOUT.gap_max:
                    gaps[round(g * LAYOUT.size_steps) / LAYOUT.size_steps] += 1
    normal = gaps.most_common(1)[0][0] if gaps else body * LAYOUT.default_gap
    right = {}
    for p in pages:
        xs = sorted(ln.x1 for ln in p.lines if len(ln.text) > LAYOUT.right_edge_min_chars)
        right[p.number] = xs[int(len(xs) * LAYOUT.right_edge_quantile)] if xs else p.width
    return DocStats(body_size=body, normal_gap=max(normal, 0.0), right_edge=right)


_LABEL_END = re.compile(r"[:]$")


def _cover_label(ln: Line) -> Optional[tuple[int, float, bool]]:
    """A line starting with a "Label:" (1-6 words ending with ':').

    Returns (number of label words, x of the value, two_column) when the
    label is set off from its value by bold type or a wide gap."""
    ws = ln.words
    for k in range(min(LAYOUT.label_max_words, len(ws))):
        if ws[k].text.endswith(":") and len(ws[k].text) > 1:
            label = " ".join(w.text for w in ws[: k + 1])
            if len(label) > LAYOUT.label_max_chars or not label[:1].isupper() or re.search(r"\d{3,}", label):
                return None
            if k + 1 >= len(ws):
                return None
            nxt = ws[k + 1]
            gap = nxt.x0 - ws[k].x1
            label_bold = all(w.bold >= LAYOUT.bold_min for w in ws[: k + 1])
            two_col = gap > LAYOUT.label_gap * max(ln.size, 1)
            if two_col or (label_bold and nxt.bold < LAYOUT.value_bold_max):
                return k + 1, nxt.x0, two_col
            return None
    return None


def _is_marker_start(text: str) -> Optional[str]:
    num, _ = split_numbering(text)
    return num


# a meeting record's or cover's label opening a line: "Present:", "Apologies:", "In attendance:", "Venue:"
_OPENING_LABEL = re.compile(r"^(?:Present|Attendees|Attendance|In\s+attendance|Apologies(?:\s+for\s+absence)?|Members\s+present|"
                            r"Officers\s+present|Also\s+present|Chair(?:ed\s+by)?|Venue|Location|Minute\s+taker|"
                            r"Distribution|Circulation)\s*:", re.I)
# a plan item's labelled line: "Lead officer: ...", "Target date: ...", "Status: ..." (capitalised), set one a line
_ITEM_LABEL_START = re.compile(r"^(?=[A-Z])(?i:" + ITEM_LABEL + r")\s*:")


_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\s+\S")


def _next_sibling_number(first: str, line: str) -> bool:
    """Does `line` open with the number after the one `first` opens with ("2.1 ..." then "2.2 ...")?"""
    a, b = _DOTTED.match(first), _DOTTED.match(line)
    return bool(a and b and a.group(1) == b.group(1) and int(b.group(2)) == int(a.group(2)) + 1)


def _new_paragraph(prev: Line, ln: Line, para: list[Line], stats: DocStats) -> bool:
    size = max(prev.size, ln.size, 1.0)
    gap = ln.top - prev.bottom
    if gap > stats.normal_gap + LAYOUT.para_gap * size or gap < -size:
        return True
    if abs(prev.size - ln.size) > LAYOUT.para_size_change:
        return True
    if ((prev.bold >= LAYOUT.bold_min and ln.bold <= LAYOUT.plain_max)
            or (prev.bold <= LAYOUT.plain_max and ln.bold >= LAYOUT.bold_min)):
        # a bold run-in word at the start of a line is not a font change;
        # nor is a bold sentence that ends part-way along a line
        # ("... research on" / "this scale. Recommendations are made ...")
        run_in = (ln.bold <= LAYOUT.plain_max and len(para) > 1 and prev.bold >= LAYOUT.bold_min
                  and para[0].bold < LAYOUT.bold_min)
        bold_ends = (prev.bold >= LAYOUT.bold_min and ln.words and ln.words[0].bold >= LAYOUT.bold_min
                     and not prev.text.endswith(_TERMINAL))
        if not (run_in or bold_ends):
            return True
    if _cover_label(ln) is not None:
        return True
    if (prev.text.endswith(_TERMINAL) and ln.words and ln.words[0].bold >= LAYOUT.bold_min and prev.words
            and prev.words[-1].bold <= LAYOUT.plain_max):
        # a bold lead-in after a finished sentence ("... updated annually." / "Response: Accepted. The
        # programme ...", the first words bold): it opens a paragraph, as a run-in heading does
        return True
    if para and _next_sibling_number(para[0].text, ln.text) and abs(para[0].x0 - ln.x0) <= LAYOUT.indent_tolerance:
        return True   # "2.1 notes ...; " ... then "2.2 comments on ...": the next item of the same list (a lower-case verb after it)
    num = _is_marker_start(ln.text)
    if num is not None:
        if ln.text[:1] in _STRONG_BULLETS:
            return True
        if prev.text.endswith(_TERMINAL) or re.search(r"\b(and|or)$", prev.text):
            return True
        if abs(ln.x0 - prev.x0) > LAYOUT.indent_tolerance:
            return True
        # a short line (a theme's name over its items: "2025-35 Capital Programme" / "(a) The 10-year ...")
        # ends its paragraph before a marker
        right = stats.right_edge.get(ln.page, prev.x1)
        if len(para) == 1 and prev.x1 < right - LAYOUT.para_short_line * max(right - prev.x0, LAYOUT.para_min_width):
            return True
        # a sibling of the item being read: same marker at the same indent ("o", "-")
        if (para and para[0].text[:1] == ln.text[:1] and abs(para[0].x0 - ln.x0) <= LAYOUT.indent_tolerance
                and not ln.text[:1].isalnum()):
            return True
        if (para and ln.text[:2] == "o " and para[0].text[:2] == "o "
                and abs(para[0].x0 - ln.x0) <= LAYOUT.indent_tolerance):
            return True
    right = stats.right_edge.get(ln.page, prev.x1)
    width = max(right - min(l.x0 for l in para), LAYOUT.para_min_width)
    if (_OPENING_LABEL.match(ln.text) or _ITEM_LABEL_START.match(ln.text)) and prev.x1 < right - LAYOUT.para_short_line * width:
        # "Attendees: ...", "Apologies: ..." under a short line, or "Lead officer: ..." under "Lead agency: ...":
        # a line of its own, not the title's end
        return True
    if num is not None and len(para) > 1 and prev.x1 < right - LAYOUT.para_short_line * width and re.search(r"\d|[.)]", num):
        # "Recommendation 2: ..." after a short last line ("Status: Amber"): the paragraph ended (a number or
        # "(b)", "c." - not a dash or a bare letter, a name's initial: "... Cllr" / "S Evans - £12.80")
        return True
    if prev.text.endswith((".", "!", "?", ":")) and ln.text[:1].isupper():
        if prev.x1 < right - LAYOUT.para_short_line * width:
            return True
        if ln.text.endswith(":") and len(ln.text.split()) <= 5 and ln.x1 < right - LAYOUT.para_short_line * width:
            return True   # a label set on a line of its own after a full line: "Mitigating actions:" over its items
        tol = LAYOUT.indent_tolerance
        if ln.x0 < prev.x0 - tol or (ln.x0 > prev.x0 + tol and len(para) > 0 and ln.x0 > para[0].x0 + tol):
            return True
    return False


def _hyphen_join(a: str, b: str) -> bool:
    """A line ending in a hyphen joins the next without a space: "long-" +
    "term", "2024-" + "25"."""
    if len(a) < 2 or not a.endswith("-") or a.endswith(" -"):
        return False
    return b[:1].islower() or (a[-2].isdigit() and b[:1].isdigit())


def _join_lines(lines: list[Line]) -> str:
    out = ""
    for ln in lines:
        t = ln.text
        if not out:
            out = t
        elif _hyphen_join(out, t):
            out += t
        else:
            out += " " + t
    return out


def _join_text(a: str, b: str) -> str:
    if _hyphen_join(a, b):
        return a + b
    return a + " " + b


def _page_blocks(p: PageContent, stats: DocStats) -> list[tuple[Block, float, float]]:
    """Blocks of one page in reading order, with their top and bottom y."""
    items: list[tuple[tuple, str, object]] = [(ln.order or (ln.top, 0, ln.top), "line", ln) for ln in p.lines]
    items += [((t.top, 0, t.top), "table", t) for t in p.tables]
    items.sort(key=lambda it: (it[0], 0 if it[1] == "table" else 1))
    out: list[tuple[Block, float, float]] = []
    para: list[Line] = []
    cover: Optional[dict] = None

    def flush():
        nonlocal para, cover
        if cover is not None:
            text = cover["label"] + " " + "; ".join(" ".join(g) for g in cover["groups"] if g)
            out.append((Block(kind="paragraph", text=" ".join(text.split()), page=p.number, style="label"),
                        cover["top"], cover["bottom"]))
            cover = None
        if para:
            out.append((_make_block(para, stats, p.number), para[0].top, para[-1].bottom))
            para = []

    i = 0
    while i < len(items):
        _, kind, obj = items[i]
        i += 1
        if kind == "table":
            flush()
            out.append((Block(kind="table", page=p.number, table=None, style="pdf-table"), obj.top, obj.bbox[3]))
            out[-1][0]._ptable = obj  # type: ignore[attr-defined]
            continue
        ln: Line = obj  # type: ignore[assignment]
        if cover is not None:
            same_col = abs(ln.x0 - cover["x"]) <= LAYOUT.cover_column and _cover_label(ln) is None
            close = ln.top - cover["bottom"] <= LAYOUT.cover_max_gap * max(ln.size, 1) + stats.normal_gap
            if same_col and close:
                if ln.top - cover["bottom"] > stats.normal_gap + LAYOUT.para_gap * max(ln.size, 1):
                    cover["groups"].append([])
                cover["groups"][-1].append(ln.text)
                cover["bottom"] = ln.bottom
                continue
            flush()
        lab = _cover_label(ln)
        if lab is not None and lab[2]:
            flush()
            k, vx, _ = lab
            label = " ".join(w.text for w in ln.words[:k])
            value = " ".join(w.text for w in ln.words[k:])
            cover = {"label": label, "x": vx, "groups": [[value]], "top": ln.top, "bottom": ln.bottom}
            continue
        if para and _new_paragraph(para[-1], ln, para, stats):
            flush()
        para.append(ln)
    flush()
    return out


_FIGURE = re.compile(r"(?<![\w/-])[+-]?[£$]?\d[\d,]*(?:\.\d+)?[%m]?(?![\w/-])")
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[–—/-]\s*(?:(?:19|20)?\d\d)\b")
# a number that labels a part of something ("Quarter 3", "Phase 2"): words, not a table's figures
_LABEL_NUMBER = re.compile(r"\b(?:Quarter|Q|Phase|Part|Stage|Tier|Level|Section|Chapter|Appendix|Annex|Issue|Version|"
                           r"Edition|No\.?|Number|Round|Wave|Year)\s+\d{1,2}\b", re.I)


def _figures(text: str) -> int:
    """How many figures a line holds, as a table row's: spans of years
    ("2025-26", "PEEL 2023–25: ..."), a title's one year and its part labels
    ("Risk Register - Quarter 3 2024") are not counted."""
    text = _LABEL_NUMBER.sub(" ", _YEAR_SPAN.sub(" years ", text))
    found = _FIGURE.findall(text)
    years = [f for f in found if re.fullmatch(r"(?:19|20)\d\d", f)]
    return len(found) - (1 if len(years) == 1 else 0)


def _make_block(lines: list[Line], stats: DocStats, page: int) -> Block:
    text = _join_lines(lines)
    num, rest = split_numbering(text)
    n_chars = sum(len(l.text) for l in lines) or 1
    bold = sum(l.bold * len(l.text) for l in lines) / n_chars
    size = sum(l.size * len(l.text) for l in lines) / n_chars
    # boldness of the text after the number ("1. Introduction" with a plain number)
    if num and lines[0].words:
        ws = [w for l in lines for w in l.words]
        body_ws = ws[1:] if len(ws) > 1 else ws
        n = sum(len(w.text) for w in body_ws) or 1
        bold = max(bold, sum(w.bold * len(w.text) for w in body_ws) / n)
    words = rest.split()
    letters = [c for c in rest if c.isalpha()]
    caps = (len(letters) >= LAYOUT.caps_min_letters
            and sum(c.isupper() for c in letters) / len(letters) > LAYOUT.caps_share)
    bigger = size >= stats.body_size + LAYOUT.heading_bigger
    short = 0 < len(words) <= LAYOUT.heading_max_words and len(lines) <= LAYOUT.heading_max_lines
    ends_sentence = (rest.rstrip().endswith((".", ";", ",")) and not rest.rstrip().endswith("..")) or \
        re.search(r"[;,]\s*(?:and|or)$", rest.rstrip()) is not None   # "(a) the contractor pays ...; and": a list's part
    if num and re.fullmatch(r"\(?[a-h][.)]", num) and rest[:1].islower():
        ends_sentence = True   # "(b) giving all highway inspectors the app ...": a lettered part, in bold or not
    is_heading = num != "•" and short and not ends_sentence and (
        bold >= LAYOUT.bold_min or bigger or (caps and len(words) <= LAYOUT.caps_heading_max_words))
    if is_heading and (re.fullmatch(r"[\d\s.,%£$()+-]+", rest) or _figures(rest) >= LAYOUT.figures_row):
        is_heading = False  # a row of figures (an unruled table), not a heading
    if is_heading and num is None:
        # "1 | Introduction": a heading number set off by a bar
        # (or by a space alone: "2 Recommendations", a section's number before a capitalised title)
        m = re.match(r"^(\d{1,2}[a-z]?(?:\.\d{1,2})*)\s*\|\s+(\S.*)$", rest) or \
            re.match(r"^([1-9]\d?)\s+([A-Z][a-z]+(?:\s+\S+){0,8})$", rest)
        if m:
            num, rest = m.group(1), m.group(2)
    style = ("bold" if bold >= LAYOUT.bold_min else None)
    if is_heading:
        return Block(kind="heading", text=rest, numbering=num, level=numbering_level(num) if num else 0,
                     page=page, style=f"size:{size:.1f}" + (",bold" if bold >= LAYOUT.bold_min else ""))
    x0 = lines[0].x0
    if num == "•":
        b = Block(kind="list_item", text=rest, numbering="•", level=1, page=page, style=style)
    elif num and not re.fullmatch(r"\d+(?:\.\d+)*", num):
        b = Block(kind="list_item", text=rest, numbering=num, level=1, page=page, style=style)
    else:
        b = Block(kind="paragraph", text=rest, numbering=num, level=numbering_level(num), page=page, style=style)
    b._x0 = x0  # type: ignore[attr-defined]
    b._size = size  # type: ignore[attr-defined]
    b._lines = [ln.text for ln in lines]  # type: ignore[attr-defined]   # the printed lines: a key's "Role: Name" per line
    right = stats.right_edge.get(page, lines[-1].x1)
    # the last line runs to the right margin: the paragraph did not end there
    b._full = lines[-1].x1 >= right - LAYOUT.full_line * max(lines[-1].size, 1.0)  # type: ignore[attr-defined]
    b._footnote = (size <= stats.body_size - LAYOUT.footnote_smaller  # type: ignore[attr-defined]
                   and re.match(r"\d{1,3}\s|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3}\s?\S", text) is not None)
    return b


def _assign_heading_levels(blocks: list[Block]) -> None:
    """Unnumbered headings: level by font size rank (largest = 1); list
    items: depth by indentation of their marker on the page."""
    sizes = set()
    for b in blocks:
        if b.kind == "heading" and not b.numbering and b.style and b.style.startswith("size:"):
            sizes.add(round(float(b.style.split(",")[0][5:])))
    rank = {s: i + 1 for i, s in enumerate(sorted(sizes, reverse=True))}
    for b in blocks:
        if b.kind == "heading":
            if b.numbering and re.fullmatch(r"\d+(?:\.\d+)*", b.numbering):
                b.level = max(1, numbering_level(b.numbering))
            elif b.style and b.style.startswith("size:"):
                b.level = min(LAYOUT.heading_max_level, rank.get(round(float(b.style.split(",")[0][5:])), 1))
            else:
                b.level = max(1, b.level)
    by_page: dict[Optional[int], list[Block]] = defaultdict(list)
    for b in blocks:
        if b.kind == "list_item" and hasattr(b, "_x0"):
            by_page[b.page].append(b)
    for items in by_page.values():
        xs: list[float] = []
        for x in sorted(getattr(b, "_x0") for b in items):
            if not xs or x - xs[-1] > LAYOUT.list_indent_step:
                xs.append(x)
        for b in items:
            x = getattr(b, "_x0")
            b.level = 1 + min(LAYOUT.list_max_indents, sum(1 for v in xs if v < x - LAYOUT.list_indent_step))
    for b in blocks:
        if "_x0" in b.__dict__:
            del b.__dict__["_x0"]
