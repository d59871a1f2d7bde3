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
    upright = [c for c in chars if _axis_aligned(c)]
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
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        if key in seen and not c["text"].isspace():
            continue
        seen.add(key)
        out.append(c)
    return out


def _runs(chars: list[dict]) -> list[int]:
    """Run id per character: a new run starts when the font, size or
    baseline changes or the text jumps backwards / far ahead."""
    ids = []
    run = -1
    prev = None
    for c in chars:
        if prev is None or c.get("fontname") != prev.get("fontname") or abs(c.get("size", 0) - prev.get("size", 0)) > 0.1 \
                or abs(c["bottom"] - prev["bottom"]) > 0.5 or c["x0"] < prev["x0"] - 0.5 \
                or c["x0"] > prev["x1"] + 2.5 * max(c.get("size", 10), 1):
            run += 1
        ids.append(run)
        prev = c
    return ids


def _drop_overprinted_runs(chars: list[dict]) -> list[dict]:
    if len(chars) < 2:
        return chars
    run_of = _runs(chars)
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    cell = 10.0
    for i, c in enumerate(chars):
        if c["text"].isspace():
            continue
        for gx in range(int(c["x0"] // cell), int(c["x1"] // cell) + 1):
            for gy in range(int(c["top"] // cell), int(c["bottom"] // cell) + 1):
                grid[(gx, gy)].append(i)
    hits: dict[tuple[int, int], set[int]] = defaultdict(set)   # (run, other run) -> colliding chars of run
    checked: set[tuple[int, int]] = set()
    for ids in grid.values():
        if len(ids) < 2 or len({run_of[i] for i in ids}) < 2:
            continue
        for a_pos in range(len(ids)):
            i = ids[a_pos]
            ci = chars[i]
            for j in ids[a_pos + 1:]:
                ri, rj = run_of[i], run_of[j]
                if ri == rj or (i, j) in checked or abs(i - j) == 1:
                    continue  # kerning between neighbours in the text stream is not over-printing
                checked.add((i, j))
                cj = chars[j]
                w = min(ci["x1"], cj["x1"]) - max(ci["x0"], cj["x0"])
                h = min(ci["bottom"], cj["bottom"]) - max(ci["top"], cj["top"])
                if w <= 0 or h <= 0:
                    continue
                area_i = max((ci["x1"] - ci["x0"]) * (ci["bottom"] - ci["top"]), 1e-6)
                area_j = max((cj["x1"] - cj["x0"]) * (cj["bottom"] - cj["top"]), 1e-6)
                if w * h > 0.5 * min(area_i, area_j):
                    hits[(ri, rj)].add(i)
                    hits[(rj, ri)].add(j)
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
