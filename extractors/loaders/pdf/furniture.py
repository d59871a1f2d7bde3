"""Running headers and footers: lines in the top or bottom band of a page
whose text (digits ignored) recurs on many pages, page numbers in those
bands, and a small table repeated on many pages, go to
`Document.furniture`."""
from __future__ import annotations

import re
from collections import Counter

from extractors.loaders.pdf.records import Line, PageContent, PageTable
from extractors.loaders.pdf.settings import DEFAULT as LAYOUT


_PAGE_NO = re.compile(
    r"^(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[ivxlc]{1,6})$",
    re.I)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _table_key(t: PageTable) -> str:
    return "\n".join("\t".join(_furniture_key(c.text) for c in r) for r in t.rows)


def _remove_furniture(pages: list[PageContent]) -> list[str]:
    """Drop running headers/footers and page numbers; return their texts."""
    band = LAYOUT.furniture_band
    n = len(pages)
    cands: dict[int, list[tuple[Line, str]]] = {}
    counts: Counter = Counter()
    for p in pages:
        items = []
        body_top = min([t.bbox[1] for t in p.tables], default=p.height)
        body_bottom = max([t.bbox[3] for t in p.tables], default=0.0)
        top_lines = [ln for ln in p.lines[:LAYOUT.furniture_max_lines]
                     if ln.bottom <= band * p.height + LAYOUT.furniture_band_slack
                     and ln.bottom <= body_top + LAYOUT.furniture_table_slack]
        bottom_lines = [ln for ln in p.lines[-LAYOUT.furniture_max_lines:]
                        if ln.top >= (1 - band) * p.height - LAYOUT.furniture_band_slack
                        and ln.top >= body_bottom - LAYOUT.furniture_table_slack]
        for where, group in (("top", top_lines), ("bottom", bottom_lines)):
            for ln in group:
                key = where + "|" + _furniture_key(ln.text)
                items.append((ln, key))
        cands[p.number] = items
        for key in {k for _, k in items}:
            counts[key] += 1
    need = (max(LAYOUT.furniture_min_repeats, int(LAYOUT.furniture_share * n + 0.999))  # 0.999: round up
            if n >= LAYOUT.furniture_share_from else LAYOUT.furniture_min_repeats)
    furniture: list[str] = []
    seen_texts: set[str] = set()
    # a small table repeated on many pages (a running totals box): keep the
    # first copy, drop the others
    tcounts: Counter = Counter()
    for p in pages:
        for key in {_table_key(t) for t in p.tables if len(t.rows) <= LAYOUT.furniture_table_max_rows}:
            tcounts[key] += 1
    kept_once: set[str] = set()
    for p in pages:
        keep_tables = []
        for t in p.tables:
            key = _table_key(t) if len(t.rows) <= LAYOUT.furniture_table_max_rows else None
            if key is not None and tcounts[key] >= need and n >= LAYOUT.furniture_min_repeats:
                if key in kept_once:
                    if key not in seen_texts:
                        seen_texts.add(key)
                        furniture.append(" | ".join(c.text for c in t.rows[0]))
                    continue
                kept_once.add(key)
            keep_tables.append(t)
        p.tables = keep_tables
    odd = _numbers_apart_from_pages(cands, counts, need)
    for p in pages:
        drop = set()
        for ln, key in cands.get(p.number, []):
            text = ln.text.strip()
            if _PAGE_NO.match(text) or (counts[key] >= need and key not in odd):
                drop.add(id(ln))
                if key not in seen_texts:
                    seen_texts.add(key)
                    furniture.append(text)
        if drop:
            p.lines = [ln for ln in p.lines if id(ln) not in drop]
    return furniture


def _numbers_apart_from_pages(cands: dict, counts: Counter, need: int) -> set[str]:
    """Keys of lines that recur on only two pages with numbers that differ
    without following the page number: "Recommendation 6" at the foot of
    page 3 and "Recommendation 9" at the foot of page 4 are headings a page
    break left there, not a running footer ("Page 3 of 6", "EX/26/091 |
    Page 4": the number that changes moves with the page)."""
    seen: dict[str, list[tuple[int, list[int]]]] = {}
    for page, items in cands.items():
        for ln, key in items:
            if counts[key] >= need:
                seen.setdefault(key, []).append((page, [int(x) for x in re.findall(r"\d+", ln.text)]))
    odd = set()
    for key, occ in seen.items():
        if len(occ) > 2 or len({len(nums) for _, nums in occ}) != 1:
            continue
        for pos in range(len(occ[0][1])):
            values = [nums[pos] for _, nums in occ]
            if len(set(values)) > 1 and len({v - page for (page, _), v in zip(occ, values)}) > 1:
                odd.add(key)
    return odd
