"""Character clean-up for the PDF loader: keep watermark and clipped text
out of the body.

Council PDFs carry text that a reader never sees as body text:

* rotated or diagonal watermarks ("DRAFT", "OFFICIAL") and rotated labels:
  characters whose text matrix is not upright are dropped;
* text drawn on top of other text: a label clipped to a narrow cell in the
  source spreadsheet still has all its characters in the text layer, on top
  of the neighbouring cells' text (the Kent budget risk register prints
  "Significant Risks (over £10m)" through three columns, which naive
  extraction reads as "ASSigCnHi /f icantM Rariksekt s"). Characters are
  grouped into runs (consecutive characters of one font and baseline, in
  drawing order); where runs overlap each other, the run that collides with
  the most other runs (then the larger font, then the later-drawn run) is
  dropped until no collisions remain;
* the same glyph drawn twice at (almost) the same place (fake bold, shadow):
  the copy is dropped.
"""
from __future__ import annotations

from collections import defaultdict


def _axis_aligned(c: dict) -> bool:
    m = c.get("matrix")
    if not m:
        return bool(c.get("upright", True))
    a, b, cc, d = m[0], m[1], m[2], m[3]
    if abs(b) > 0.02 * (abs(a) + 1e-9) or abs(cc) > 0.02 * (abs(d) + 1e-9):
        return False
    return a > 0 and d > 0


def clean_chars(chars: list[dict], width: float, height: float) -> tuple[list[dict], int]:
    """Return (kept characters in their original order, number dropped)."""
    if not chars:
        return [], 0
    # characters of one text object share their matrix: test each matrix once
    seen: dict[int, bool] = {}
    upright = []
    for c in chars:
        m = c.get("matrix")
        ok = seen.get(id(m)) if m is not None else None
        if ok is None:
            ok = _axis_aligned(c)
            if m is not None:
                seen[id(m)] = ok
        if ok:
            upright.append(c)
    # a page whose text is mostly rotated (a landscape table printed sideways)
    # keeps it: dropping it all would lose the page
    if len(upright) < 0.5 * len(chars):
        upright = [c for c in chars if c.get("upright", True)] or list(chars)
    kept = [c for c in upright
            if c["x1"] > -1 and c["x0"] < width + 1 and c["bottom"] > -1 and c["top"] < height + 1
            and (c.get("size") or 0) >= 1.0]
    kept = _drop_duplicates(kept)
    kept = _drop_overprinted_runs(kept)
    return kept, len(chars) - len(kept)


def _drop_duplicates(chars: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    out = []
    add, keep = seen.add, out.append
    for c in chars:
        t = c["text"]
        key = (t, round(c["x0"]), round(c["top"]))
        if key in seen and not t.isspace():
            continue
        add(key)
        keep(c)
    return out


def _runs(chars: list[dict]) -> list[int]:
    """Run id per character: a new run starts when the font, size or
    baseline changes or the text jumps backwards / far ahead."""
    ids = []
    append = ids.append
    run = -1
    p_font = p_size = p_bottom = p_x0 = p_x1 = None
    for c in chars:   # the hottest loop of the loader: locals only, no helper calls
        font, bottom, x0 = c.get("fontname"), c["bottom"], c["x0"]
        size = c.get("size", 0)
        if p_x0 is None or font != p_font or not -0.1 <= size - p_size <= 0.1 or not -0.5 <= bottom - p_bottom <= 0.5 \
                or x0 < p_x0 - 0.5:
            run += 1
        else:
            reach = c.get("size", 10)
            if x0 > p_x1 + 2.5 * (reach if reach > 1 else 1):
                run += 1
        append(run)
        p_font, p_size, p_bottom, p_x0, p_x1 = font, size, bottom, x0, c["x1"]
    return ids


def _drop_overprinted_runs(chars: list[dict]) -> list[dict]:
    if len(chars) < 2:
        return chars
    run_of = _runs(chars)
    # boxes of the runs (non-space characters); only runs whose boxes overlap
    # can have colliding characters, and only inside the overlap
    members: dict[int, list[int]] = defaultdict(list)
    extent: dict[int, list[float]] = {}   # run -> [top, bottom, x0, x1], in one pass over the characters
    for i, c in enumerate(chars):
        if not c["text"].isspace():
            r = run_of[i]
            members[r].append(i)
            e = extent.get(r)
            top, bottom, x0, x1 = c["top"], c["bottom"], c["x0"], c["x1"]
            if e is None:
                extent[r] = [top, bottom, x0, x1]
            else:
                if top < e[0]:
                    e[0] = top
                if bottom > e[1]:
                    e[1] = bottom
                if x0 < e[2]:
                    e[2] = x0
                if x1 > e[3]:
                    e[3] = x1
    boxes = [(e[0], e[1], e[2], e[3], r) for r, e in extent.items()]
    boxes.sort()
    hits: dict[tuple[int, int], set[int]] = defaultdict(set)   # (run, other run) -> colliding chars of run
    for a in range(len(boxes)):
        top_a, bot_a, x0_a, x1_a, ra = boxes[a]
        for b in range(a + 1, len(boxes)):
            top_b, bot_b, x0_b, x1_b, rb = boxes[b]
            if top_b >= bot_a:
                break
            ix0, ix1 = max(x0_a, x0_b), min(x1_a, x1_b)
            if ix1 <= ix0:
                continue
            iy0, iy1 = top_b, min(bot_a, bot_b)
            ca = [i for i in members[ra] if chars[i]["x1"] > ix0 and chars[i]["x0"] < ix1
                  and chars[i]["bottom"] > iy0 and chars[i]["top"] < iy1]
            if not ca:
                continue
            cb = [j for j in members[rb] if chars[j]["x1"] > ix0 and chars[j]["x0"] < ix1
                  and chars[j]["bottom"] > iy0 and chars[j]["top"] < iy1]
            for i in ca:
                ci = chars[i]
                area_i = max((ci["x1"] - ci["x0"]) * (ci["bottom"] - ci["top"]), 1e-6)
                for j in cb:
                    if abs(i - j) == 1:
                        continue  # kerning between neighbours in the text stream is not over-printing
                    cj = chars[j]
                    w = min(ci["x1"], cj["x1"]) - max(ci["x0"], cj["x0"])
                    h = min(ci["bottom"], cj["bottom"]) - max(ci["top"], cj["top"])
                    if w <= 0 or h <= 0:
                        continue
                    area_j = max((cj["x1"] - cj["x0"]) * (cj["bottom"] - cj["top"]), 1e-6)
                    if w * h > 0.5 * min(area_i, area_j):
                        hits[(ra, rb)].add(i)
                        hits[(rb, ra)].add(j)
    if not hits:
        return chars
    run_len: dict[int, int] = defaultdict(int)
    size_of: dict[int, float] = {}
    for i, c in enumerate(chars):
        if not c["text"].isspace():
            run_len[run_of[i]] += 1
        size_of.setdefault(run_of[i], c.get("size", 0))
    # two runs conflict when a good share (30%) of either one is covered by the other
    conflicts: dict[int, set[int]] = defaultdict(set)
    covered: dict[int, set[int]] = defaultdict(set)
    for (ra, rb), idx in hits.items():
        covered[ra] |= idx
        if len(idx) >= 0.3 * run_len[ra] or len(hits[(rb, ra)]) >= 0.3 * run_len[rb]:
            conflicts[ra].add(rb)
            conflicts[rb].add(ra)
    if not conflicts:
        return chars
    dropped: set[int] = set()
    while True:
        live = {r: {o for o in others if o not in dropped} for r, others in conflicts.items() if r not in dropped}
        live = {r: o for r, o in live.items() if o}
        if not live:
            break
        worst = max(live, key=lambda r: (len(live[r]), len(covered[r]) / max(1, run_len[r]), size_of.get(r, 0), r))
        dropped.add(worst)
    return [c for i, c in enumerate(chars) if run_of[i] not in dropped]


SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
SUBSCRIPT = str.maketrans("0123456789", "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089")


def mark_scripts(chars: list[dict]) -> None:
    """Digits set small and raised beside their line's text (footnote markers:
    "action\u2075\u00b2") or small and lowered (CO\u2082) are given as the
    superscript or subscript digits they print as, so no later step reads them
    as numbers of the sentence. The run is compared with the letter before it
    (or, at a line start, the one after it) on the same line."""
    n = len(chars)
    i = 0
    while i < n:
        if not chars[i]["text"].isdigit() or not chars[i]["text"].isascii():
            i += 1
            continue
        j = i + 1
        while j < n and chars[j]["text"].isascii() and chars[j]["text"].isdigit() and _one_run(chars[j - 1], chars[j]):
            j += 1   # (a marker's digit, then the next line's paragraph number: two runs)
        run = chars[i:j]
        base = _neighbour(chars, i - 1, -1, run[0]) or _neighbour(chars, j, 1, run[-1])
        if base is not None:
            size, bsize = max(c.get("size") or 0 for c in run), base.get("size") or 0
            if 0 < size <= 0.85 * bsize:
                if max(c["bottom"] for c in run) < base["bottom"] - 0.2 * bsize:
                    table = SUPERSCRIPT
                elif min(c["top"] for c in run) > base["top"] + 0.2 * bsize:
                    table = SUBSCRIPT
                else:
                    table = None
                if table is not None:
                    for c in run:
                        c["text"] = c["text"].translate(table)
        i = j


def _one_run(a: dict, b: dict) -> bool:
    """Two digits of one number: the same size, on the same line."""
    return abs((a.get("size") or 0) - (b.get("size") or 0)) < 0.5 and b["top"] < a["bottom"] and b["bottom"] > a["top"]


def _neighbour(chars: list[dict], k: int, step: int, ref: dict):
    """The nearest non-space character from k in direction step when it sits
    on ref's line (their boxes overlap vertically) and is a letter or closing
    punctuation; None otherwise, or when none is within three characters."""
    for _ in range(3):
        if not 0 <= k < len(chars):
            return None
        c = chars[k]
        if c["text"].isspace():
            k += step
            continue
        if c["bottom"] <= ref["top"] or c["top"] >= ref["bottom"]:
            return None   # not on the digits' line: the boxes must overlap
        return c if (c["text"].isalpha() or c["text"] in ".,;:)’'\"”") else None
    return None
