"""Reading timescales out of a text: every candidate of every form
(date_forms.py, recurrence.py), the leftmost-longest non-overlapping ones,
the cue words read backwards from a date ("by", "the end of", "due",
"in"), and `parse_timescales` for a Timescale / Target date / Deadline
cell.  sentences.py and periods.py read narrative and metric periods from
the same candidates."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from extractors.entities.timescales.date_forms import _yearless_day, bare_relative, date_candidates
from extractors.entities.timescales.recurrence import recurrence_candidates
from extractors.entities.timescales.spans import ParsedTimescale, _Cand
from extractors.vocabulary import MEETING_BODY

_I = re.I

# cue words read backwards from a date (on the text left of it)
_PREFIX = re.compile(
    r"(?<![A-Za-z])(?:(?:by|before|until|till|from|no\s+later\s+than|not\s+later\s+than|prior\s+to)\s+(?:either\s+)?)?"
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+(?:the\s+)?(?:month\s+of\s+)?|(?:early|mid|late)[\s\-]+|"
    r"(?:w/[cb]|week\s+(?:commencing|beginning))\s+)?$", _I)
_STRONG = re.compile(
    r"(?<![A-Za-z])(?:by|before|prior\s+to|no\s+later\s+than|not\s+later\s+than|until|till|from|"
    r"due(?:\s+(?:on|by|in|for|at|date))?|deadline(?:\s+(?:of|is|for|date))?|"
    r"target(?:ed)?\s+(?:date|completion)(?:\s+(?:of|is|for))?|targeted\s+(?:for|by)|"
    r"(?:completion|end|delivery|implementation|review|go[\s\-]live|due)\s+date(?:\s+(?:of|is|for))?|"
    r"date\s+(?:of|for)\s+completion|timescales?|time\s*frame|"
    r"(?:deadline|target\s+date|due\s+date|completion\s+date|end\s+date)(?:\s+[A-Za-z]+){0,4}?\s+(?:is|was|of|will\s+be)|"
    r"(?:planned|scheduled|expected|programmed|booked|set)\s+(?:for|in|by|on|during)|"
    r"aim(?:s|ing)?\s+to\s+(?:complete|finish|deliver|be\s+completed|conclude)(?:\s+(?:in|by))?|"
    r"(?:complete|completed|delivered|implemented|finished|concluded|launched)\s+(?:by|in|during)|"
    r"(?:come|comes|coming)\s+into\s+(?:force|effect)\s+(?:on|in|from)|effective\s+(?:from|on))"
    r"\s*[:\-–]?\s*(?:either\s+)?(?:the\s+)?$", _I)
_WEAK = re.compile(r"(?<![A-Za-z])(?:in|on|during|at|for|over|throughout|around|within|circa|c\.|approx\.?|"
                   r"approximately)\s+(?:either\s+)?(?:the\s+)?$", _I)


def _candidates(text: str, anchor: Optional[date]) -> list[_Cand]:
    """Every candidate in text, overlapping: dates and relative periods, then recurrences."""
    return [*date_candidates(text, anchor), *recurrence_candidates(text)]


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Leftmost-longest, non-overlapping."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    last = -1
    for c in cands:
        if c.start >= last:
            out.append(c)
            last = c.end
    return out


def _extend_prefix(text: str, c: _Cand, floor: int) -> int:
    """Start of raw: include a leading 'by' / 'from' / 'the end of' / 'mid-'."""
    if c.kind == "recurrence" or c.kind == "relative":
        return c.start
    lo = max(floor, c.start - 40)
    m = _PREFIX.search(text, lo, c.start)
    if m and m.start() < c.start:
        return m.start()
    return c.start


def _make(text: str, c: _Cand, start: int) -> ParsedTimescale:
    due = c.due
    return ParsedTimescale(raw=text[start:c.end], due_date=due, precision=c.precision if due else None,
                           recurrence=c.recurrence, relative=c.relative, start=start, end=c.end)


# (after who is due, in a combined cell: "Chair – next meeting")
_NEXT_MEETING = re.compile(r"^(?:[^–—\-,\d\n(]{1,40}?(?:\s+[–—-]\s+|\s*,\s*|\s*\(\s*|\s*\n\s*|\s+(?=(?:at|by|before)\s)))?(?:[A-Za-z][A-Za-z ]{0,14}:\s*)?\s*((?:(?:at|by|before|for|to)\s+)?(?:the\s+)?next\s+(?:(?:[A-Za-z]+\s+){0,2}meeting|(?:[A-Za-z]+\s+)?" + MEETING_BODY + r")"
                           r"(?:\s+of\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,5})?)\s*\)?\.?\s*$", re.I)
# a date the due cell gives as history: "Dec 2024 (revised from March 2024)", "June 2025 (was March)"
_SUPERSEDED = re.compile(r"(?:\b(?:revised|moved|changed|slipped|deferred|extended|put\s+back)\s+from|"
                         r"\b(?:was|originally|previously|formerly)|\boriginal(?:\s+(?:target|due))?\s+date\s*:?)\s*$", re.I)


# a date the due cell revises after it: "Dec 2025 revised: 31 March 2026", "June 2025 (now Sept 2025)"
_REVISED_TO = re.compile(r"\s*[(\[,;]?\s*(?:revised|now|extended|moved|changed|deferred|slipped|put\s+back|rescheduled|"
                         r"new\s+(?:target\s+|due\s+)?date)(?:\s+(?:to|until))?\s*[:\-–]?\s*", re.I)
# between a recurrence and the date it starts on: "Monthly from Aug 2025", "Weekly, starting 1 May"
_STARTS = re.compile(r"\s*[,;(]?\s*(?:from|starting(?:\s+(?:from|in|on))?|commencing|beginning|with\s+effect\s+from)\s+", re.I)
# a status word before a date in brackets: "Complete (June 2026)", "Completed – May 2026": when it was done
_DONE_ON = re.compile(r"\b(?:complete[d]?|achieved|implemented|closed|done)\s*(?:\(|[–—-]\s*|on\s+|in\s+)$", re.I)


_DAY_MONTH_CELL = re.compile(r"^\s*(?:(?:by|before|due|w/c|wc|w/b|week\s+(?:commencing|beginning))\s*:?\s*)?"
                             # (with a dot only as "17.07": "1.1", "3.2" are an item's number, not a day)
                             r"(?P<dm>(?P<d>\d{1,2})/(?P<m>\d{1,2})|(?P<d2>\d{2})\.(?P<m2>\d{2}))\s*\.?\s*$", re.I)


def parse_timescales(text: str, anchor: Optional[date] = None) -> list[ParsedTimescale]:
    """Every timescale in a timescale cell (or other text known to state
    timescales), in reading order.

    ``anchor`` (the meeting or inspection date) resolves relative phrases
    ("within 3 months") and dates printed without a year.  A bare year
    ("2025") counts only when the cell is short (a date cell, not a sentence)
    or a due word precedes it ("by 2025", "during 2025").  Status words
    ("Complete", "N/A") give nothing.

    >>> [t.raw for t in parse_timescales("1 st April 14 Monthly")]
    ['1 st April 14', 'Monthly']
    """
    if not text or not text.strip():
        return []
    cands = _candidates(text, anchor)
    if not any(c.kind == "relative" for c in cands):
        bare = bare_relative(text, anchor)
        if bare is not None:
            cands.append(bare)
    if not cands and (m := _DAY_MONTH_CELL.match(text)):
        # a log's due cell with no year: "17/07", "By 30/9", "w/c 22/7" (day first; the anchor's year)
        d, mo = int(m.group("d") or m.group("d2")), int(m.group("m") or m.group("m2"))
        got = _yearless_day(m.start("dm"), m.end("dm"), mo, d, "dm", anchor) if 1 <= mo <= 12 and 1 <= d <= 31 else None
        if got is not None:
            cands.append(got)
    if not cands and (m := _NEXT_MEETING.match(text)):
        # a due cell "Next meeting" / "By the next Board meeting": a deadline the paper
        # does not date; `relative` keeps it for the analyst
        raw = " ".join(m.group(1).split())
        cands.append(_Cand(m.start(1), m.end(1), "relative", None, None, relative=raw, form="meeting"))
    short = len(text.split()) <= 4
    out: list[ParsedTimescale] = []
    prev_end = 0
    sel = _select(cands)
    merged_start: dict[int, int] = {}
    keep: list[_Cand] = []
    for i, c in enumerate(sel):
        nxt = sel[i + 1] if i + 1 < len(sel) else None
        if (c.kind == "date" and nxt is not None and nxt.kind == "date" and (c.yearless or not nxt.yearless)
                and (re.fullmatch(r"\s*(?:to|until|till|through|[\-–—])\s*", text[c.end:nxt.start], _I)
                     or c.yearless and not nxt.yearless and re.fullmatch(r"\s*/\s*", text[c.end:nxt.start]))):
            # "April – June 2025", "Jan 2026 – Mar 2026", "Feb/Mar 2027": one window, due at its end
            merged_start[id(nxt)] = c.start
            continue
        if keep and keep[-1].kind == "recurrence" and c.kind == "date" and _STARTS.fullmatch(text[keep[-1].end:c.start]):
            keep[-1].end = c.end   # "Monthly from Aug 2025": when the recurrence starts, not a due date
            if "(" in text[keep[-1].start:c.start] and text[c.end:c.end + 1] == ")":
                keep[-1].end += 1   # "Fortnightly (from July 2026)"
            continue
        keep.append(c)
    recurring = [c for c in keep if c.kind == "recurrence" and c.recurrence not in ("ongoing", None)]
    if recurring:
        # "Monthly ongoing": a recurrence, the "ongoing" only says it has no end (not "Ongoing – reviewed
        # termly": open-ended work, and a review that recurs)
        keep = [c for c in keep if not (c.kind == "recurrence" and c.recurrence == "ongoing"
                                        and any(not re.search(r"[–—,;(]|\s-\s", text[min(c.end, o.end):max(c.start, o.start)])
                                                for o in recurring))]
    for k, c in enumerate(keep):
        if _SUPERSEDED.search(text[max(0, c.start - 30):c.start]) and len(keep) > 1:
            continue
        if c.kind == "date" and _DONE_ON.search(text[max(0, c.start - 30):c.start]):
            continue
        nxt = keep[k + 1] if k + 1 < len(keep) else None
        if c.kind == "date" and nxt is not None and nxt.kind == "date" and _REVISED_TO.fullmatch(text[c.end:nxt.start]):
            continue   # "Dec 2025 revised: 31 March 2026": the date after supersedes this one
        if id(c) in merged_start:
            c.start = merged_start[id(c)]
        if c.bare_year and not short:
            left = text[max(0, c.start - 40):c.start]
            if not (_STRONG.search(left) or _WEAK.search(left) or _PREFIX.search(left).group(0)):
                continue
        start = _extend_prefix(text, c, prev_end)
        out.append(_make(text, c, start))
        prev_end = c.end
    return out
