"""The meetings a paper names as deadlines: "Dec 2024 meeting", "the October
meeting", "the next meeting". A log or minutes means the day of that
meeting, not the month's end, when the paper says which day it is: its own
meeting date, or "Date of next meeting: 29 October 2018".
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Optional

from extractors.entities.timescales.cells import parse_timescales
from extractors.model import Document
from extractors.vocabulary import MEETING_BODY

# where a paper names the next meeting's day
_NEXT_MEETING = re.compile(r"(?i)\bdate\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting\b|"
                           r"\bnext\s+meeting\s+(?:will\s+be|is|to\s+be)\s+(?:held\s+)?|\bfuture\s+meeting\s+dates?\b")
# a month named as a meeting: "Dec 2024 meeting", "the October Board meeting"
# (or the body that meets: "Dec Cabinet", "the March Transparency Board", "Budget Cabinet (Feb 2027)")
_BODY_MEETS = MEETING_BODY + r"\b"
_MONTH_MEETING = rf"\s+(?:[\w’'-]+\s+){{0,2}}{_BODY_MEETS}"
_NEXT = re.compile(rf"(?i)\bnext\s+(?:(?:[\w’'-]+\s+){{0,2}}meeting\b|(?:[\w’'-]+\s+)?{_BODY_MEETS})")
# another body's meeting: "the next Forum Meeting", "the next meeting of Llandogo School" (not "of the Board")
_OTHER_BODY = re.compile(r"\bnext\s+[A-Z][\w’'-]*\s+[Mm]eeting\b|\bmeeting\s+of\s+(?!the\s+(?:Board|Committee|Council|Panel|"
                         r"Group|Partnership|Cabinet|Forum)\b)[A-Z]")


def meeting_days(doc: Document, meeting_date: Optional[date],
                 scheduled: Optional[list[date]] = None) -> tuple[list[date], Optional[date]]:
    """(the meeting days the paper names, the next meeting's day or None);
    `scheduled`: the paper's schedule_days, when the caller has read them."""
    days = [meeting_date] if isinstance(meeting_date, date) else []
    nxt: Optional[date] = None
    texts = [b.text for b in doc.blocks if b.kind != "table"]
    # minutes set out as a table say it in a cell ("Any other business and date of next meeting | ...")
    texts += [line for _, t in doc.tables() for row in t.rows for c in row for line in c.text.split("\n")
              if _NEXT_MEETING.search(line)]
    days.extend(schedule_days(doc, meeting_date) if scheduled is None else scheduled)
    for k, text in enumerate(texts):
        m = _NEXT_MEETING.search(text)
        if not m:
            continue
        # the day follows the label, on its line or the next ("Date of next meeting" as a heading)
        after = (text[m.end():] + " " + (texts[k + 1] if k + 1 < len(texts) else ""))[:160]
        found = [t.due_date for t in parse_timescales(after, meeting_date) if t.due_date and t.precision == "day"]
        if found:
            nxt = nxt or found[0]
            days.extend(found)
    return days, nxt


# a label over the dates of a body's meetings
_SCHEDULE = re.compile(r"(?i)\b(?:(?:board\s+|committee\s+|partnership\s+)?meeting\s+dates|dates\s+of\s+(?:future\s+|forthcoming\s+|"
                       r"(?:the\s+)?(?:board|committee|partnership)(?:'s|’s)?\s+)?meetings|schedule\s+of\s+meetings|"
                       # "Board meetings 2026: 12 March, 11 June ..."
                       # "Executive meetings: 11 March, 10 June ... 2026", "Committee meetings 2026/27: 28 July 2026, ..."
                       r"(?:board|committee|partnership|panel|group|cabinet|executive|forum)\s+meetings"
                       r"(?=(?:\s+(?:for\s+|in\s+)?(?:19|20)\d\d(?:[/-]\d{2,4})?)?\s*:\s*(?:\d|(?:19|20)\d\d))|"
                       r"meetings?\s+(?:schedule|calendar)|future\s+meetings?|"
                       # "The Committee meets on 18 June, 10 September ... 2026, and on 28 January ... 2027" (the
                       # paper's own body, not "SEND Improvement Board meets on 8 December")
                       r"\bthe\s+(?:board|committee|partnership|panel|group|cabinet|executive|forum)\s+(?:will\s+)?meets?\s+on)"
                       r"\b\s*(?:for\s+\d{4}(?:/\d{2,4})?)?\s*[:|–-]?")
# "Actions from meeting of 8 July 2025", "Actions arising from the meeting held on 14 July 2026"
_ACTIONS_FROM = re.compile(r"(?i)\bactions?\s+(?:from|arising\s+from|agreed\s+at|raised\s+at)\s+(?:the\s+)?(?:\w+\s+)?"
                           r"(?:meeting\s+)?(?:of|held\s+on|on)?\s*(?=\d)")
# a log's row of its own over the actions of one meeting: "Matters arising from 10 June 2026",
# "Carried forward from 11 March 2026", "New actions 9 September 2026", "Actions from meeting of 8 July 2025"
LOG_SECTION = re.compile(r"(?i)^(?:(?:actions?|items?)\s+)?(?:carried\s+forward|brought\s+forward|matters\s+arising|"
                         r"new\s+actions?|outstanding\s+actions?|open\s+actions?|closed\s+actions?|completed\s+actions?|"
                         r"actions?\s+(?:from|arising\s+from|agreed\s+at|raised\s+at))\b")


def log_section(text: str) -> bool:
    """Is this short text a log's row of its own over one meeting's actions (LOG_SECTION)?"""
    return bool(LOG_SECTION.match(text)) and len(text.split()) <= 12


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAY_MONTH = re.compile(rf"(?i)\b(?:(?P<year_label>(?:19|20)\d\d)\s*:|(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTHS})\b"
                        r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?)")


def schedule_days(doc: Document, meeting_date: Optional[date]) -> list[date]:
    """The days of a schedule of the body's meetings the paper prints:
    "Meeting dates | 2026: 20 January, 21 April, 14 July. 2027: 19 January"."""
    days: list[date] = []
    for text in [b.text for b in doc.blocks if b.kind != "table"] + \
            [" ".join(c.text for c in row) for _, t in doc.tables() for row in t.rows]:
        m = _SCHEDULE.search(text)
        if m:
            days.extend(_schedule_days(text[m.end():], meeting_date))
        elif log_section(text):
            days.extend(_schedule_days(text, meeting_date)[:1])
        elif (m := _ACTIONS_FROM.search(text)):
            # a log's banner over the actions of each meeting: "Actions from meeting of 8 July 2025"
            days.extend(_schedule_days(text[m.end():m.end() + 40], meeting_date)[:1])
    return sorted(set(days))


def _schedule_days(text: str, meeting_date: Optional[date]) -> list[date]:
    """The days a schedule lists: "20 January, 21 April 2026", "2026: 20 January, 21 April. 2027: 19 January"
    (a year before a colon dates the days after it; days listed before a year take it: "11 March, 10 June
    and 9 December 2026"; a day without any year takes the meeting's)."""
    out, year = [], meeting_date.year if isinstance(meeting_date, date) else None
    labelled = False
    months = _MONTHS.split("|")
    pending: list[tuple[int, int]] = []

    def add(y: Optional[int], month: int, day: int) -> None:
        if y is not None:
            try:
                out.append(date(y, month, day))
            except ValueError:
                pass

    for m in _DAY_MONTH.finditer(text[:400]):
        if m.group("year_label"):
            for mo, d in pending:
                add(year, mo, d)
            pending, year, labelled = [], int(m.group("year_label")), True
            continue
        month, day = months.index(m.group("month").lower()) + 1, int(m.group("day"))
        if m.group("year"):
            for mo, d in pending:
                add(year if labelled else int(m.group("year")), mo, d)
            pending = []
            add(int(m.group("year")), month, day)
        else:
            pending.append((month, day))
    for mo, d in pending:
        add(year, mo, d)
    return sorted(out)


def pin_to_meetings(timescales: Iterable, days: list[date], nxt: Optional[date]) -> None:
    """Give a timescale printed as a meeting the day of that meeting."""
    for t in timescales:
        src = t.prov.source_text or ""
        raw = re.escape(t.raw.strip())
        if t.due_date and t.precision == "month" and (re.search(raw + _MONTH_MEETING, src, re.I)
                                                       or re.search(_BODY_MEETS + r"\s*\(\s*" + raw, src, re.I)):
            same = sorted({d for d in days if (d.year, d.month) == (t.due_date.year, t.due_date.month)})
            if len(same) == 1:
                t.due_date, t.precision = same[0], "day"
        elif t.due_date is None and nxt is not None and _NEXT.search(t.raw or "") and not _OTHER_BODY.search(t.raw or ""):
            t.due_date, t.precision = nxt, "day"
