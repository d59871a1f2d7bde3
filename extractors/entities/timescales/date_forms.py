"""Due-date forms read into candidate spans (`spans._Cand`), each with its due
date and precision: day dates ("1st April 14", "April 30, 2025", "30/11/24"),
month dates ("Dec 18", "November this year"), quarters ("Q3 2024/25",
"second quarter"), financial and multi-year spans ("2024/25", "2024-2027"),
bare years, seasons ("Winter 2025/26"), period ends ("end of the financial
year") and relative periods ("within 3 months", a bare "6 weeks" cell).

The conventions (two-digit years, financial quarters, anchors) are in the
package docstring; `date_candidates` yields them in a fixed order, which
breaks ties when cells.py selects the leftmost-longest span.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator, Optional

from extractors.dates import add_period, fy_of, last_day, quarter_end
from extractors.entities.timescales.spans import _NUMWORDS, _Cand
from extractors.vocabulary import MONTH_ABBR as _MONTHS

_NUMWORD_RE = (r"(?:twenty[\s\-]four|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"fifteen|eighteen|twenty|thirty|sixty|ninety)")

_MON = (r"(?:jan(?:uary)?|feb(?:r?uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONX = rf"(?<![A-Za-z])(?P<m>{_MON})\.?(?![a-z])"
# a year after a month: 4 digits or 2 digits ('18), not the start of a longer number
_YR = r"(?:(?:19|20)\d{2}|'?\d{2})(?![\d%]|\.\d|\s*(?:st|nd|rd|th)\b|:\d)"
_FYP = r"(?:19|20)?\d{2}\s*[/\-–]\s*(?:19|20)?\d{2}"

_I = re.I

_DMY = re.compile(
    rf"(?<![\d.,/£$])(?P<d>[0-3]?\d)\s*(?:st|nd|rd|th)?(?:\s+of)?[\s\-./]*{_MONX}"
    rf"(?:[\s,\-/.']*(?P<y>{_YR}))?", _I)
_MDY = re.compile(
    rf"{_MONX}\s+(?P<d>[0-3]?\d)(?:\s*(?:st|nd|rd|th)(?![a-z])(?:,?\s*(?P<y>(?:19|20)\d{{2}})(?!\d))?"
    rf"|,\s*(?P<y2>(?:19|20)\d{{2}})(?!\d))", _I)
_MY = re.compile(
    rf"{_MONX}(?:[\s,\-/.']*(?P<y>{_YR})|\s+(?P<rel>this|next)\s+year\b)?", _I)
_NUMERIC = re.compile(
    r"(?<![\d./])(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})(?!\d|\.\d)")
_ISO = re.compile(r"(?<![\d./\-])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d\-])")
_QUARTER = re.compile(
    rf"(?<![A-Za-z])(?:q|qtr\.?\s*|quarter\s*)(?P<q>[1-4]|one|two|three|four)(?![\d%])"
    rf"(?:\s*(?:of\s+|,\s*)?(?:\(\s*)?(?:(?:fy\s*)?(?P<fy>{_FYP})(?![\d%])|(?P<y>(?:19|20)\d{{2}}|'?\d{{2}})(?![\d/%\-]))(?:\s*\))?)?",
    _I)
_QUARTER_ORD = re.compile(
    rf"(?<![A-Za-z])(?P<q>first|second|third|fourth|final|last)\s+quarter"
    rf"(?:\s+of)?(?:\s+(?:the\s+)?(?:(?:financial|municipal)\s+year\s+)?(?:(?P<fy>{_FYP})(?![\d%])|(?P<y>(?:19|20)\d{{2}})(?!\d)))?",
    _I)
_FY_QUARTER = re.compile(rf"(?<![\d/.\-])(?P<fy>{_FYP})\s*(?:q|quarter\s*)(?P<q>[1-4])(?!\d)", _I)
_FY = re.compile(
    r"(?<![\d/.\-£$])(?:(?:fy|f/y|financial\s+year)\s*)?(?P<a>(?:19|20)\d{2}|\d{2})\s*[/\-–]\s*"
    r"(?P<b>(?:19|20)\d{2}|\d{2})(?![\d%]|\.\d|\s*[/\-–]\s*\d)(?:\s+financial\s+year)?", _I)
_YEARS_TO = re.compile(r"(?<![\d/.\-£$])(?P<a>(?:19|20)\d{2})\s+(?:to|until)\s+(?P<b>(?:19|20)\d{2})(?![\d/%])")
_YEAR = re.compile(r"(?<![\d/.£$\-,])(?P<y>(?:19|20)\d{2})(?![\d%]|\s*[/\-–]\s*\d|,\d)")
_SEASON = re.compile(
    rf"(?<![A-Za-z])(?P<s>spring|summer|autumn|winter)(?P<term>\s+term)?"
    rf"(?:\s+(?:(?P<fy>{_FYP})(?![\d%])|(?P<y>(?:19|20)\d{{2}}|'\d{{2}})(?!\d)))?(?![a-z])", _I)
_RELATIVE = re.compile(
    rf"(?<![A-Za-z])(?P<pre>within|in|over|inside)\s+(?:the\s+)?(?:next\s+|first\s+)?"
    rf"(?P<n>\d{{1,3}}|{_NUMWORD_RE})[\s\-]+(?:(?P<wd>working|business|calendar)\s+)?"
    rf"(?P<u>day|week|month|year)s?(?:'|’)?(?:\s+time)?(?![a-z])", _I)
_BARE_RELATIVE = re.compile(
    rf"^\s*(?P<n>\d{{1,3}}|{_NUMWORD_RE})[\s\-]+(?:(?P<wd>working|business|calendar)\s+)?(?P<u>day|week|month|year)s?\s*$", _I)
_PERIOD_END = re.compile(
    r"(?<![A-Za-z])(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|current\s+)*(?P<k>financial\s+year|municipal\s+year|"
    r"calendar\s+year|year)|(?P<ye>(?:financial\s+)?year[\s\-]end))(?![a-z])", _I)


def _month(tok: str) -> int:
    return _MONTHS[tok.lower()[:3]]


def _year(tok: str) -> int:
    tok = tok.strip("'’ ")
    y = int(tok)
    return 2000 + y if len(tok) <= 2 else y


def _fy(text: str) -> Optional[tuple[int, int]]:
    """'2024/25' -> (2024, 2025) when the two years are consecutive."""
    m = re.fullmatch(r"\s*(?:fy\s*)?((?:19|20)?\d{2})\s*[/\-–]\s*((?:19|20)?\d{2})\s*", text, _I)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    if len(a) == 2 and len(b) == 4:
        return None
    ya = _year(a)
    yb = int(b) if len(b) == 4 else (ya // 100) * 100 + int(b)
    if yb == ya + 1 or (len(b) == 2 and yb + 100 == ya + 1):
        return ya, ya + 1
    return None


def _qnum(tok: str) -> int:
    tok = tok.lower()
    return int(tok) if tok.isdigit() else _NUMWORDS[tok]


def _num(tok: str) -> int:
    tok = re.sub(r"[\s\-]+", "-", tok.lower())
    return int(tok) if tok.isdigit() else _NUMWORDS.get(tok, _NUMWORDS.get(tok.replace("-", " "), 0))


def _working(m: re.Match) -> bool:
    """A "working" / "business" days count (not "calendar")."""
    return bool(m.group("wd")) and m.group("wd").lower() != "calendar"


def _yearless_day(s: int, e: int, mon: int, d: int, form: str, anchor: Optional[date]) -> Optional[_Cand]:
    """A day printed without a year: in the anchor's year (None when that day
    does not exist then), or without a due date when there is no anchor."""
    if anchor is not None:
        try:
            return _Cand(s, e, "date", date(anchor.year, mon, d), "day", yearless=True, form=form)
        except ValueError:
            return None
    return _Cand(s, e, "date", yearless=True, form=form)


# a number that labels an item, not a day: "Phase 1 Mar 2027", "Stage 2 – June 2026"
_LABELLED_NUMBER = re.compile(r"(?i)\b(?:phase|stage|part|tranche|wave|step|year|cohort|option|action|item|"
                              r"rec(?:ommendation)?|priority|objective|milestone|level|tier|no\.?|page|para(?:graph)?|"
                              r"section|appendix|annex)\s*$")


def _numbers_an_item(text: str, m: re.Match) -> bool:
    """Is the day of a _DMY match a list number ("1. December 2026" opening a
    line of a numbered due cell) or a label's number ("Phase 1 Mar 2027")?"""
    before = text[:m.start()]
    line_start = not before[before.rfind("\n") + 1:].strip()
    return bool((line_start and re.fullmatch(r"\.\s+", text[m.end("d"):m.start("m")]))
                or _LABELLED_NUMBER.search(before[-20:]))


def _day_month(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'1st April 14', '30th of September' (dmy)."""
    for m in _DMY.finditer(text):
        if m.group("m") in ("may", "mar"):
            continue
        d, mon = int(m.group("d")), _month(m.group("m"))
        if not 1 <= d <= 31 or _numbers_an_item(text, m):
            continue
        if m.group("y"):
            try:
                due = date(_year(m.group("y")), mon, d)
            except ValueError:
                continue
            yield _Cand(m.start(), m.end(), "date", due, "day", form="dmy")
        else:
            c = _yearless_day(m.start(), m.end("m"), mon, d, "dmy", anchor)
            if c is not None:
                yield c


def _month_day(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'April 30th 2025', 'April 30, 2025', 'June 1st' (mdy)."""
    for m in _MDY.finditer(text):
        if m.group("m") in ("may", "mar"):
            continue
        d, mon = int(m.group("d")), _month(m.group("m"))
        y = m.group("y") or m.group("y2")
        if not 1 <= d <= 31:
            continue
        if y:
            try:
                due = date(int(y), mon, d)
            except ValueError:
                continue
            yield _Cand(m.start(), m.end(), "date", due, "day", form="mdy")
        else:
            c = _yearless_day(m.start(), m.end() - (1 if text[m.end() - 1] == "." else 0), mon, d, "mdy", anchor)
            if c is not None:
                yield c


def _month_year(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'Dec 18', 'November next year' (my) and a month alone, 'by March' (m)."""
    for m in _MY.finditer(text):
        tok = m.group("m")
        if tok in ("may", "mar"):
            continue
        mon = _month(tok)
        if m.group("y"):
            yield _Cand(m.start(), m.end(), "date", last_day(_year(m.group("y")), mon), "month", form="my")
        elif m.group("rel"):
            if anchor is not None:
                y = anchor.year + (1 if m.group("rel").lower() == "next" else 0)
                yield _Cand(m.start(), m.end(), "date", last_day(y, mon), "month", yearless=True, form="my")
            else:
                yield _Cand(m.start(), m.end(), "date", yearless=True, form="my")
        else:
            if tok.lower() == "may" and tok != "May" and tok != "MAY":
                continue
            e = m.start() + len(tok)
            if anchor is not None:
                yield _Cand(m.start(), e, "date", last_day(anchor.year, mon), "month", yearless=True, form="m")
            else:
                yield _Cand(m.start(), e, "date", yearless=True, form="m")


def _numeric(text: str) -> Iterator[_Cand]:
    """'30/11/24', '31.3.2024' (day first), '2026-12-31' (ISO, as trackers exported from a system print it)."""
    for m in _ISO.finditer(text):
        try:
            due = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        yield _Cand(m.start(), m.end(), "date", due, "day", form="numeric")
    for m in _NUMERIC.finditer(text):
        d, mon = int(m.group("d")), int(m.group("m"))
        try:
            due = date(_year(m.group("y")), mon, d)
        except ValueError:
            continue
        yield _Cand(m.start(), m.end(), "date", due, "day", form="numeric")


def _quarters(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'Q3 2024/25', 'quarter 1 (13/14)', 'Q4 18', 'second quarter', '23/24 Q4'."""
    for rx in (_QUARTER, _QUARTER_ORD, _FY_QUARTER):
        for m in rx.finditer(text):
            q = _qnum(m.group("q"))
            fy = m.group("fy")
            y = m.groupdict().get("y")
            end = m.end()
            if fy:
                span = _fy(fy)
                if span is None:
                    continue
                yield _Cand(m.start(), end, "date", quarter_end(q, span[0]), "quarter", form="quarter")
            elif y:
                yy = _year(y)
                yield _Cand(m.start(), end, "date", quarter_end(q, yy - 1 if q == 4 else yy), "quarter", form="quarter")
            else:
                if anchor is not None:
                    yield _Cand(m.start(), end, "date", quarter_end(q, fy_of(anchor)), "quarter",
                                yearless=True, form="quarter")
                else:
                    yield _Cand(m.start(), end, "date", yearless=True, form="quarter")


def _years(text: str) -> Iterator[_Cand]:
    """Financial years ('2024/25' -> 31 March), wider spans ('2024-2027' ->
    31 December), then bare years ('2025')."""
    for m in _FY.finditer(text):
        a, b = m.group("a"), m.group("b")
        span = _fy(f"{a}/{b}")
        if span:
            yield _Cand(m.start(), m.end(), "date", date(span[1], 3, 31), "year", form="fy")
        elif len(a) == 4 and len(b) == 4 and 1 < int(b) - int(a) <= 20:
            yield _Cand(m.start(), m.end(), "date", date(int(b), 12, 31), "year", form="years")
    for m in _YEARS_TO.finditer(text):
        # "for 2027 to 2030": a span of years written with "to", read as "2027-2030" is
        a, b = int(m.group("a")), int(m.group("b"))
        if 1 <= b - a <= 20:
            yield _Cand(m.start(), m.end(), "date", date(b, 12, 31), "year", form="years")
    for m in _YEAR.finditer(text):
        yield _Cand(m.start(), m.end(), "date", date(int(m.group("y")), 12, 31), "year", bare_year=True, form="year")


def _seasons(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'Spring 2025', 'Winter 2025/26', 'summer term' -> the season's last day."""
    for m in _SEASON.finditer(text):
        s = m.group("s").lower()
        if m.group("fy"):
            span = _fy(m.group("fy"))
            if span is None:
                continue
            y = span[0] if s in ("autumn", "fall", "winter") else span[1]
            if s == "winter":
                y = span[0]
        elif m.group("y"):
            y = _year(m.group("y"))
        elif anchor is not None:
            y = anchor.year
        else:
            yield _Cand(m.start(), m.end(), "date", yearless=True, form="season")
            continue
        if m.group("term") and s != "winter":
            # a school term: autumn to December, spring to March (Easter), summer to July; of an academic
            # year "2026/27", the autumn term is in its first year
            if m.group("fy") and s == "autumn":
                y = span[0]
            due = {"spring": last_day(y, 3), "summer": last_day(y, 7), "autumn": last_day(y, 12)}[s]
            yield _Cand(m.start(), m.end(), "date", due, "month", yearless=not (m.group("fy") or m.group("y")),
                        form="season")
            continue
        if re.search(r"(?i)\bbefore\s+(?:the\s+)?$", text[max(0, m.start() - 12):m.start()]):
            # "before winter 2026/27": by the end of the month before the season starts
            due = {"spring": last_day(y, 2), "summer": last_day(y, 5), "autumn": last_day(y, 8),
                   "fall": last_day(y, 8), "winter": last_day(y, 11)}[s]
            yield _Cand(m.start(), m.end(), "date", due, "month", yearless=not (m.group("fy") or m.group("y")),
                        form="season")
            continue
        due = {"spring": last_day(y, 5), "summer": last_day(y, 8), "autumn": last_day(y, 11),
               "fall": last_day(y, 11), "winter": last_day(y + 1, 2)}[s]
        yield _Cand(m.start(), m.end(), "date", due, "quarter", yearless=not (m.group("fy") or m.group("y")),
                    form="season")


def _period_ends(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'end of the financial year', 'year end', 'end of the municipal year' (from the anchor)."""
    for m in _PERIOD_END.finditer(text):
        k = (m.group("k") or m.group("ye") or "").lower()
        if anchor is None:
            yield _Cand(m.start(), m.end(), "date", yearless=True, form="period_end")
        elif "municipal" in k:
            y = anchor.year if anchor.month <= 5 else anchor.year + 1
            yield _Cand(m.start(), m.end(), "date", date(y, 5, 31), "month", yearless=True, form="period_end")
        elif "financial" in k or m.group("ye"):
            yield _Cand(m.start(), m.end(), "date", date(fy_of(anchor) + 1, 3, 31), "year", yearless=True,
                        form="period_end")
        else:
            yield _Cand(m.start(), m.end(), "date", date(anchor.year, 12, 31), "year", yearless=True,
                        form="period_end")


def _relatives(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """'within 3 months', 'in six weeks' time' -> anchor + period ('relative' keeps the phrase)."""
    for m in _RELATIVE.finditer(text):
        n = _num(m.group("n"))
        if n <= 0:
            continue
        raw = " ".join(m.group(0).split())
        due = None
        if anchor is not None:
            due = add_period(anchor, n, m.group("u"), working=_working(m))
        yield _Cand(m.start(), m.end(), "relative", due, "day" if due else None, relative=raw,
                    form=m.group("pre").lower())


def date_candidates(text: str, anchor: Optional[date]) -> Iterator[_Cand]:
    """Every date and relative-period candidate in text, form by form."""
    yield from _day_month(text, anchor)
    yield from _month_day(text, anchor)
    yield from _month_year(text, anchor)
    yield from _numeric(text)
    yield from _quarters(text, anchor)
    yield from _years(text)
    yield from _seasons(text, anchor)
    yield from _period_ends(text, anchor)
    yield from _relatives(text, anchor)


def bare_relative(text: str, anchor: Optional[date]) -> Optional[_Cand]:
    """A cell that is only a period ("6 weeks", "3 months"): a relative
    timescale from the anchor, or None when text is not one."""
    bare = _BARE_RELATIVE.match(text)
    if not bare:
        return None
    n = _num(bare.group("n"))
    s, e = bare.start("n"), bare.end()
    while e > s and text[e - 1].isspace():
        e -= 1
    raw = text[s:e]
    due = add_period(anchor, n, bare.group("u"), _working(bare)) if anchor is not None and n > 0 else None
    return _Cand(s, e, "relative", due, "day" if due else None, relative=" ".join(raw.split()), form="bare")
