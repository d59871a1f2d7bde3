"""Blocks across page breaks: a paragraph cut by the break is joined, and
a table continued on the next page (or restarted with its header) is one
table (tables.py joins the rows)."""
from __future__ import annotations

import re
from typing import Optional

from extractors.loaders.pdf.lines import _join_text
from extractors.loaders.pdf.records import PageContent, PageTable
from extractors.loaders.pdf.tables import _append_table, _continues, _header_rows, _split_repeated_headers
from extractors.loaders.pdf.settings import DEFAULT as LAYOUT
from extractors.model import Block, Table


def _join_pages(per_page: list[list[tuple[Block, float, float]]], pages: list[PageContent]) -> list[Block]:
    blocks: list[Block] = []
    prev_last: Optional[Block] = None   # the last body block so far
    prev_page_no: Optional[int] = None
    open_table: Optional[tuple[Block, PageTable, Table]] = None
    page_tail: list[Block] = []         # the blocks the previous page added
    for items, p in zip(per_page, pages):
        first = True
        tail: list[Block] = []
        for b, top, bottom in items:
            if b.kind == "table":
                pt: PageTable = b._ptable  # type: ignore[attr-defined]
                del b._ptable  # type: ignore[attr-defined]
                if open_table is not None and prev_last is open_table[0]:
                    next_page = first and prev_page_no == p.number - 1
                    if _continues(open_table[1], open_table[2], pt, next_page):
                        _append_table(open_table[2], open_table[1], pt)
                        _split_repeated_headers(open_table[2])
                        open_table = (open_table[0], pt, open_table[2])
                        first = False
                        continue
                h = _header_rows(pt)
                table = Table(rows=[list(r) for r in pt.rows], header_rows=h, pages=[pt.page])
                _split_repeated_headers(table)
                b.table = table
                b.style = None
                blocks.append(b)
                tail.append(b)
                open_table = (b, pt, table)
                prev_last = b
                first = False
                continue
            if first and prev_page_no == p.number - 1:
                host = _broken_block(page_tail)
                if host is not None and _continues_text(host, b):
                    host.text = _join_text(host.text, b.text)
                    first = False
                    continue
            blocks.append(b)
            tail.append(b)
            prev_last = b
            first = False
        if tail:
            page_tail = tail
        prev_page_no = p.number
    return blocks


def _broken_block(tail: list[Block]) -> Optional[Block]:
    """The block of the previous page that a page break may have cut: its
    last block, or the last before the footnotes printed under the text."""
    for b in reversed(tail):
        if getattr(b, "_footnote", False):
            continue
        return b
    return None


# words a sentence does not end on: a paragraph whose last line ends on
# one runs on, whatever the next page's first word looks like
_RUNS_ON = re.compile(
    r"(?:\b(?:the|a|an|of|to|and|or|nor|but|for|with|in|on|at|by|from|into|onto|upon|as|than|that|"
    r"which|who|whose|whom|is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|"
    r"could|may|might|must|not|no|this|these|those|its|their|our|his|her|including|such|between|"
    r"across|within|without|about|under|over|via|per|each|every|all|both|any|some|more|most|less)"
    r"|[,/&(\u2013\u2014-])$", re.I)


def _continues_text(prev: Block, b: Block) -> bool:
    """Does `b`, the first block of a page, continue `prev`, cut by the
    page break? Only an unnumbered paragraph continues; the block before
    must not end a sentence. It continues when it starts mid-sentence
    (lower case, a figure, a bracket or quote), when `prev` ends on a word
    or mark a sentence cannot end on ("... to the rear of the" / "Abbey
    Hotel"), or when `prev`'s last line runs to the margin and `b` is set
    in the same type."""
    if prev.kind not in ("paragraph", "list_item") or b.kind != "paragraph" or b.numbering:
        return False
    if getattr(prev, "_footnote", False) or prev.style == "label":
        return False
    t = b.text.strip()
    head = prev.text.rstrip()
    if not t or not head or head.endswith((".", ":", ";", "!", "?")):
        return False
    if t[:1].islower() or t[:1].isdigit() or t[:1] in "(‘'\"“":
        return True
    if not t[:1].isupper():
        return False
    same_type = abs(getattr(prev, "_size", 0.0) - getattr(b, "_size", 0.0)) <= LAYOUT.size_tolerance
    if not same_type or (prev.style == "bold") != (b.style == "bold"):
        return False
    return bool(_RUNS_ON.search(head)) or bool(getattr(prev, "_full", False))
