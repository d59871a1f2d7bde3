"""Timescales: due dates, recurrences and relative deadlines in council papers.

Pure functions, no document I/O. Three entry points:

* :func:`parse_timescales` -- a Timescale / Target date / Deadline *cell* (or
  any text the caller already knows is a timescale) -> every timescale in it,
  in reading order. ``"1 st April 14 Monthly"`` gives two, ``"April 14 June 14
  Sept 14"`` gives three, ``"1st May 14 TBC TBC"`` gives three.
* :func:`find_due_dates_in_sentence` -- narrative (an action's or a
  recommendation's text) -> only the timescales the text introduces as due,
  planned or recurring ("by December 2018", "will be evaluated in January 19",
  "planned for November 2018", "(Dec 18)", "meets every 6 weeks", "is
  ongoing"), never past event dates ("was reviewed in July 2013", "on 16 April
  2013", "launched in Sept 2017") nor start dates ("starting from November
  2018").
* :func:`parse_financial_period` -- a metric period ("2016/17", "Q4 18",
  "quarter 1 (13/14)", "Sept 2018") -> ``(raw, period_end, precision)``.

Conventions (UK papers, day-first; see also docs/ and SPEC "Timescale"):

* Two-digit years are 20xx ("Dec 18" -> 2018, "1st April 14" -> 2014).
  ``"April 14"`` is April 2014 (month + two-digit year), never 14 April.
* Day dates -> that day, precision ``day``.  Month dates -> last day of the
  month, precision ``month`` ("end of March 2026", "mid-June" likewise).
* Year-only ("2025", "by 2030") -> 31 December, precision ``year``; a bare
  year counts only in a short timescale cell or after a due word, never bare
  in prose.  Consecutive two-year spans are financial years: "2024/25",
  "2024-25", "24/25", "2024-2025", "FY 2024/25" -> 31 March of the later
  year, precision ``year``.  A wider span ("2024-2027") -> 31 December of the
  last year, precision ``year``.
* Quarters are financial quarters (Q1 Apr-Jun ... Q4 Jan-Mar), precision
  ``quarter``: "Q3 2024/25" -> 2024-12-31, "quarter 1 (13/14)" -> 2013-06-30,
  "Q4 2024/25" -> 2025-03-31.  With a single year the year is the calendar
  year the quarter falls in: "Q4 18" -> 2018-03-31, "Q2 2025" -> 2025-09-30.
* Seasons are three-month windows, so precision ``quarter``, due the last day
  of the season: spring -> 31 May, summer -> 31 Aug, autumn -> 30 Nov,
  winter Y -> end of February Y+1 ("Winter 2025/26" -> Feb 2026).
* Dates without a year ("30th September", "November this year", "by
  mid-June") take the anchor's year (the meeting / inspection date);
  without an anchor their due_date is None.
* Relative timescales ("within 3 months", "within six months", "in 4 weeks",
  "over the next 12 months") -> anchor + period (calendar months; working
  days skip weekends), precision ``day``; ``relative`` always holds the
  printed phrase, also when an anchor resolved it.  No anchor -> due None.
* Recurrences: weekly, fortnightly ("bi-weekly", "every 2 weeks"), monthly,
  quarterly ("every quarter", "3 monthly"), annually ("annual", "yearly",
  "every year"); any other interval ("six weekly", "every 6 weeks", "six
  monthly", "daily") is ``other`` with the words in ``raw``.  "Ongoing",
  "On-going", "continuous", "BAU" -> ``ongoing``; "Immediate(ly)", "ASAP", "as
  soon as possible" -> ``immediate``; "TBC", "TBA", "To be confirmed" and
  "short/medium/long term" -> ``other``.  These carry no due date.
* ``raw`` includes a leading "by" / "before" / "from" / "until" / "no later
  than" and "the end of" / "mid-" so it reads as printed ("By December 2018",
  "by the end of March 2026", "from 1 April 2025").

dateparser is deliberately not used: every accepted form is parsed by the
regexes below, which is faster and deterministic (dateparser.search is slow
and finds "dates" in ordinary words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from extractors.dates import add_period, fy_of, last_day, quarter_end
from extractors.vocabulary import MONTH_ABBR as _MONTHS, WORD_TENS, WORD_UNITS

__all__ = ["ParsedTimescale", "parse_timescales", "find_due_dates_in_sentence", "parse_financial_period"]


@dataclass(frozen=True)
class ParsedTimescale:
    """One timescale found in a text.

    raw        -- the span as printed (with a leading "by"/"from"/"end of" cue)
    due_date   -- resolved due date, or None (recurrences, TBC, unanchored
                  relative or year-less dates)
    precision  -- day | month | quarter | year, None when due_date is None
    recurrence -- once | weekly | fortnightly | monthly | quarterly |
                  annually | ongoing | immediate | other
    relative   -- the relative phrase ("within 3 months") when the timescale
                  is relative, kept even when an anchor resolved it
    start, end -- character offsets of ``raw`` in the input text
    """
    raw: str
    due_date: Optional[date]
    precision: Optional[str]
    recurrence: str
    relative: Optional[str]
    start: int
    end: int


# --------------------------------------------------------------------------
# vocabulary
_NUMWORDS = {**WORD_UNITS, **WORD_TENS, "a": 1, "an": 1, "twenty-four": 24, "twenty four": 24, "bi": 2, "other": 2,
             "second": 2, "tri": 3, "first": 1, "third": 3, "fourth": 4, "final": 4, "last": 4}
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
_YEAR = re.compile(r"(?<![\d/.£$\-,])(?P<y>(?:19|20)\d{2})(?![\d%]|\s*[/\-–]\s*\d|,\d)")
_SEASON = re.compile(
    rf"(?<![A-Za-z])(?P<s>spring|summer|autumn|winter)(?:\s+term)?"
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

_REC_N = r"(?P<n>\d{1,2}|two|three|four|five|six|eight|ten|twelve|bi|half|semi|tri)"
_REC_WORD = re.compile(
    rf"(?<![A-Za-z\d])(?:{_REC_N}[\s\-]?)?(?P<u>weekly|monthly|yearly|annually|annual|quarterly|fortnightly|daily|termly)(?![a-z])", _I)
_REC_EVERY = re.compile(
    r"(?<![A-Za-z])(?:(?:every|each)\s+(?:(?P<n>\d{1,2}|other|second|two|three|four|five|six|eight|ten|twelve)\s+)?"
    r"|once\s+(?:a|an|per|every)\s+|twice\s+(?:a|an|per|every)\s+(?P<twice>))"
    r"(?P<u>day|week|fortnight|month|quarter|year|term)s?(?![a-z])", _I)
_ONGOING = re.compile(
    r"(?<![A-Za-z])(?:on[\s\-]?going(?:\s+basis)?|continuous(?:ly)?|continual(?:ly)?|business\s+as\s+usual|bau|"
    r"rolling\s+programme|throughout\s+the\s+year|open[\s\-]ended)(?![a-z])", _I)
_ASREQ = re.compile(r"(?<![A-Za-z])(?:as\s+and\s+when(?:\s+required)?|as\s+required|as\s+needed)(?![a-z])", _I)
_IMMEDIATE = re.compile(
    r"(?<![A-Za-z])(?:immediate(?:ly)?|with\s+immediate\s+effect|asap|a\.s\.a\.p\.?|"
    r"as\s+soon\s+as\s+(?:possible|practicable|practical|reasonably\s+practicable)|urgent(?:ly)?)(?![a-z])", _I)
_TBC = re.compile(
    r"(?<![A-Za-z])(?:tb[cad]|to\s+be\s+(?:confirmed|agreed|determined|decided|arranged|set))(?![a-z])", _I)
_TERM = re.compile(r"(?<![A-Za-z])(?:short|medium|long)[\s\-]+term(?![a-z])", _I)

# cue words read backwards from a date (on the text left of it)
_PREFIX = re.compile(
    r"(?<![A-Za-z])(?:(?:by|before|until|till|from|no\s+later\s+than|not\s+later\s+than|prior\s+to)\s+(?:either\s+)?)?"
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+(?:the\s+)?(?:month\s+of\s+)?|(?:early|mid|late)[\s\-]+)?$", _I)
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
_MEDIUM = re.compile(r"(?:\s[\-–—]|:)\s*$")
_REJECT = re.compile(
    r"(?<![A-Za-z])(?:since|as\s+(?:at|of)|after|post|between|ytd|year\s+to\s+date|"
    r"(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|commenc(?:e|es|ed|ing))\s+(?:(?:from|in|on|at|during)\s+)?)"
    r"\s*(?:the\s+)?$", _I)
_FUTURE = re.compile(
    r"(?<![A-Za-z])(?:will|shall|going\s+to|to\s+be|is\s+due|are\s+due|due\s+to|plan(?:s|ned)?|scheduled|"
    r"expected|anticipated|intend(?:s|ed)?|aim(?:s|ing)?|propos(?:e|es|ed)|should|must|needs?\s+to|next|"
    r"forthcoming|upcoming|would|"
    r"to\s+(?:complete|deliver|finish|launch|implement|conclude|report|take\s+place|go\s+live|start|commence|"
    r"submit|present|publish|review|hold|agree|consider|meet|run|roll\s+out|be))(?![A-Za-z])|'ll\b", _I)
_PAST = re.compile(
    r"(?<![A-Za-z])(?:was|were|had|has\s+been|have\s+been|took\s+place|did|ago|previously|since|already|"
    r"recently|held\s+on|met\s+on|took|currently|at\s+present|to\s+date|so\s+far)(?![A-Za-z])", _I)
_IMPERATIVE = re.compile(
    r"^\W*(?:to\s+)?(?:review|implement|develop|ensure|establish|deliver|complete|undertake|introduce|launch|produce|"
    r"agree|hold|provide|create|commission|publish|update|carry\s+out|present|report|submit|roll\s+out|continue|"
    r"embed|consult|conduct|prepare|monitor|recruit|appoint|set\s+up|extend|improve|finalise|approve|deliver|"
    r"refresh|revise|procure|award|bring|design|pilot|evaluate|identify|agree|arrange|deploy|migrate|achieve|"
    r"reduce|increase|move|transfer|open|close|build|construct|adopt|secure|begin)(?![A-Za-z])", _I)
_CLAUSE_BREAK = re.compile(r"[.!?;](?=\s)|[\n\t•]")
_NUMBER_BEFORE = re.compile(r"\d\s*%?\s*\(?\s*$")
_METRIC_PAREN = re.compile(r"\d\s*%?(?:\s+[A-Za-z]+)?\s*\(\s*$")
_FRONTED = re.compile(r"^\W*(?:(?:in|on|during|at|from|over|throughout)\s+)?(?:the\s+)?$", _I)
_RELPRON = re.compile(r"(?<![A-Za-z])(?:who|whom|whose|which|that|where|because|although|though|whereas)(?![A-Za-z])", _I)
_SUBCLAUSE = re.compile(r"(?<![A-Za-z])(?:that|which|who|where|when|because|and|but|while|whilst|as)(?![A-Za-z])", _I)
_PERIOD_TO = re.compile(r"\s*(?:to|until|till|through|[\-–—])\s*(?:the\s+)?(?:end\s+of\s+)?[A-Za-z0-9]", _I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_FUNCTION_WORDS = {"and", "with", "to", "in", "for", "until", "at", "as", "but", "or", "through", "across",
                   "throughout", "by", "from", "of", "via", "while", "whilst", "where", "which", "within", "into",
                   "on", "during", "alongside", "including", "so", "the", "this", "these", "is", "are", "will"}
_COORD = re.compile(r"^\s*(?:,|and|or|&|to|until|till|–|-|/|and\s*/\s*or|through)?\s*(?:(?:by|in|then)\s+)?(?:the\s+)?$", _I)
_LIST_OF_FREQ = re.compile(r"^\s*(?:,|and|or|&|/)\s*(?:and\s+)?$", _I)


# --------------------------------------------------------------------------
# candidates

@dataclass
class _Cand:
    start: int
    end: int
    kind: str                 # date | relative | recurrence
    due: Optional[date] = None
    precision: Optional[str] = None
    recurrence: str = "once"
    relative: Optional[str] = None
    yearless: bool = False    # resolved (or not) from the anchor's year
    bare_year: bool = False
    form: str = ""            # which pattern produced it (for narrative filters)


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


def _rec_interval(n: Optional[str], unit: str) -> str:
    unit = unit.lower().rstrip("s")
    k = None
    if n:
        n = n.lower()
        if n in ("half", "semi"):
            return "other"
        k = int(n) if n.isdigit() else _NUMWORDS.get(n)
    base = {"weekly": ("week", 1), "fortnightly": ("week", 2), "monthly": ("month", 1), "quarterly": ("month", 3),
            "yearly": ("month", 12), "annually": ("month", 12), "annual": ("month", 12), "daily": ("day", 1),
            "termly": ("term", 1), "day": ("day", 1), "week": ("week", 1), "fortnight": ("week", 2),
            "month": ("month", 1), "quarter": ("month", 3), "year": ("month", 12), "term": ("term", 1)}[unit]
    u, mult = base
    if k is not None:
        if unit in ("yearly", "annually", "annual", "year") and k > 1:
            return "other"  # bi-annual / every 2 years: ambiguous or multi-year
        mult *= k
    if u == "week":
        return {1: "weekly", 2: "fortnightly"}.get(mult, "other")
    if u == "month":
        return {1: "monthly", 3: "quarterly", 12: "annually"}.get(mult, "other")
    return "other"


def _candidates(text: str, anchor: Optional[date]) -> list[_Cand]:
    out: list[_Cand] = []
    add = out.append

    def yearless_day(m, s, e, mon, d, form):
        if anchor is not None:
            try:
                add(_Cand(s, e, "date", date(anchor.year, mon, d), "day", yearless=True, form=form))
            except ValueError:
                pass
        else:
            add(_Cand(s, e, "date", yearless=True, form=form))

    for m in _DMY.finditer(text):
        if m.group("m") in ("may", "mar"):
            continue
        d, mon = int(m.group("d")), _month(m.group("m"))
        if not 1 <= d <= 31:
            continue
        if m.group("y"):
            try:
                add(_Cand(m.start(), m.end(), "date", date(_year(m.group("y")), mon, d), "day", form="dmy"))
            except ValueError:
                pass
        else:
            yearless_day(m, m.start(), m.end("m"), mon, d, "dmy")
    for m in _MDY.finditer(text):
        if m.group("m") in ("may", "mar"):
            continue
        d, mon = int(m.group("d")), _month(m.group("m"))
        y = m.group("y") or m.group("y2")
        if not 1 <= d <= 31:
            continue
        if y:
            try:
                add(_Cand(m.start(), m.end(), "date", date(int(y), mon, d), "day", form="mdy"))
            except ValueError:
                pass
        else:
            yearless_day(m, m.start(), m.end() - (1 if text[m.end() - 1] == "." else 0), mon, d, "mdy")
    for m in _MY.finditer(text):
        tok = m.group("m")
        if tok in ("may", "mar"):
            continue
        mon = _month(tok)
        if m.group("y"):
            add(_Cand(m.start(), m.end(), "date", last_day(_year(m.group("y")), mon), "month", form="my"))
        elif m.group("rel"):
            if anchor is not None:
                y = anchor.year + (1 if m.group("rel").lower() == "next" else 0)
                add(_Cand(m.start(), m.end(), "date", last_day(y, mon), "month", yearless=True, form="my"))
            else:
                add(_Cand(m.start(), m.end(), "date", yearless=True, form="my"))
        else:
            if tok.lower() == "may" and tok != "May" and tok != "MAY":
                continue
            e = m.start() + len(tok)
            if anchor is not None:
                add(_Cand(m.start(), e, "date", last_day(anchor.year, mon), "month", yearless=True, form="m"))
            else:
                add(_Cand(m.start(), e, "date", yearless=True, form="m"))
    for m in _NUMERIC.finditer(text):
        d, mon = int(m.group("d")), int(m.group("m"))
        try:
            add(_Cand(m.start(), m.end(), "date", date(_year(m.group("y")), mon, d), "day", form="numeric"))
        except ValueError:
            pass
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
                add(_Cand(m.start(), end, "date", quarter_end(q, span[0]), "quarter", form="quarter"))
            elif y:
                yy = _year(y)
                add(_Cand(m.start(), end, "date", quarter_end(q, yy - 1 if q == 4 else yy), "quarter", form="quarter"))
            else:
                if anchor is not None:
                    add(_Cand(m.start(), end, "date", quarter_end(q, fy_of(anchor)), "quarter",
                              yearless=True, form="quarter"))
                else:
                    add(_Cand(m.start(), end, "date", yearless=True, form="quarter"))
    for m in _FY.finditer(text):
        a, b = m.group("a"), m.group("b")
        span = _fy(f"{a}/{b}")
        if span:
            add(_Cand(m.start(), m.end(), "date", date(span[1], 3, 31), "year", form="fy"))
        elif len(a) == 4 and len(b) == 4 and 1 < int(b) - int(a) <= 20:
            add(_Cand(m.start(), m.end(), "date", date(int(b), 12, 31), "year", form="years"))
    for m in _YEAR.finditer(text):
        add(_Cand(m.start(), m.end(), "date", date(int(m.group("y")), 12, 31), "year", bare_year=True, form="year"))
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
            add(_Cand(m.start(), m.end(), "date", yearless=True, form="season"))
            continue
        due = {"spring": last_day(y, 5), "summer": last_day(y, 8), "autumn": last_day(y, 11),
               "fall": last_day(y, 11), "winter": last_day(y + 1, 2)}[s]
        add(_Cand(m.start(), m.end(), "date", due, "quarter", yearless=not (m.group("fy") or m.group("y")),
                  form="season"))
    for m in _PERIOD_END.finditer(text):
        k = (m.group("k") or m.group("ye") or "").lower()
        if anchor is None:
            add(_Cand(m.start(), m.end(), "date", yearless=True, form="period_end"))
        elif "municipal" in k:
            y = anchor.year if anchor.month <= 5 else anchor.year + 1
            add(_Cand(m.start(), m.end(), "date", date(y, 5, 31), "month", yearless=True, form="period_end"))
        elif "financial" in k or m.group("ye"):
            add(_Cand(m.start(), m.end(), "date", date(fy_of(anchor) + 1, 3, 31), "year", yearless=True,
                      form="period_end"))
        else:
            add(_Cand(m.start(), m.end(), "date", date(anchor.year, 12, 31), "year", yearless=True,
                      form="period_end"))
    for m in _RELATIVE.finditer(text):
        n = _num(m.group("n"))
        if n <= 0:
            continue
        raw = " ".join(m.group(0).split())
        due = None
        if anchor is not None:
            due = add_period(anchor, n, m.group("u"), working=bool(m.group("wd")) and m.group("wd").lower() != "calendar")
        add(_Cand(m.start(), m.end(), "relative", due, "day" if due else None, relative=raw,
                  form=m.group("pre").lower()))
    for m in _REC_WORD.finditer(text):
        add(_Cand(m.start(), m.end(), "recurrence", recurrence=_rec_interval(m.group("n"), m.group("u")),
                  form=m.group("u").lower()))
        if m.group("n"):  # fallback when the number belongs to a date ("1st April 14 Monthly")
            add(_Cand(m.start("u"), m.end(), "recurrence", recurrence=_rec_interval(None, m.group("u")),
                      form=m.group("u").lower()))
    for m in _REC_EVERY.finditer(text):
        rec = "other" if m.group("twice") is not None else _rec_interval(m.group("n"), m.group("u"))
        add(_Cand(m.start(), m.end(), "recurrence", recurrence=rec, form="every"))
    for rx, rec, form in ((_ONGOING, "ongoing", "ongoing"), (_ASREQ, "other", "asreq"),
                          (_IMMEDIATE, "immediate", "immediate"), (_TBC, "other", "tbc"), (_TERM, "other", "term")):
        for m in rx.finditer(text):
            add(_Cand(m.start(), m.end(), "recurrence", recurrence=rec, form=form))
    return out


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


# --------------------------------------------------------------------------
# public API

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
    bare = _BARE_RELATIVE.match(text)
    if bare and not any(c.kind == "relative" for c in cands):
        n = _num(bare.group("n"))
        s, e = bare.start("n"), bare.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        raw = text[s:e]
        due = add_period(anchor, n, bare.group("u"), bool(bare.group("wd")) and bare.group("wd").lower() != "calendar") \
            if anchor is not None and n > 0 else None
        cands.append(_Cand(s, e, "relative", due, "day" if due else None, relative=" ".join(raw.split()),
                           form="bare"))
    short = len(text.split()) <= 4
    out: list[ParsedTimescale] = []
    prev_end = 0
    sel = _select(cands)
    merged_start: dict[int, int] = {}
    keep: list[_Cand] = []
    for i, c in enumerate(sel):
        nxt = sel[i + 1] if i + 1 < len(sel) else None
        if (c.kind == "date" and c.yearless and nxt is not None and nxt.kind == "date" and not nxt.yearless
                and re.fullmatch(r"\s*(?:to|until|till|through|[\-–—])\s*", text[c.end:nxt.start], _I)):
            merged_start[id(nxt)] = c.start   # "April – June 2025": one window, due at its end
            continue
        keep.append(c)
    for c in keep:
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


def _clause_start(text: str, pos: int) -> int:
    s = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        s = m.end()
    return s


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos)
    return m.start() if m else len(text)


def _nearest_marker(seg: str) -> Optional[str]:
    """'future' / 'past' for the last tense marker in seg, else None."""
    f = p = -1
    for m in _FUTURE.finditer(seg):
        f = m.end()
    for m in _PAST.finditer(seg):
        p = m.end()
    if f < 0 and p < 0:
        return None
    return "future" if f > p else "past"


def _governing_marker(seg: str) -> Optional[str]:
    """Tense of the clause a date sits in: the last marker after the last
    relative pronoun ("staff who took up post during the Summer" is past
    even after "will support")."""
    cut = None
    for m in _RELPRON.finditer(seg):
        cut = m.end()
    return _nearest_marker(seg[cut:] if cut is not None else seg)


def _first_marker(seg: str) -> Optional[str]:
    f = _FUTURE.search(seg)
    p = _PAST.search(seg)
    if not f and not p:
        return None
    if f and (not p or f.start() < p.start()):
        return "future"
    return "past"


def _accept_date(text: str, c: _Cand, prev_accepted_end: Optional[int], anchor: Optional[date]) -> bool:
    cs = _clause_start(text, c.start)
    left = text[cs:c.start]
    # text before any "end of" / "mid-" modifier
    pm = _PREFIX.search(left)
    core_left = left[:pm.start()] if pm else left
    pre_words = (pm.group(0) if pm else "").lower()
    if prev_accepted_end is not None and prev_accepted_end >= cs and _COORD.match(text[prev_accepted_end:c.start]):
        return True
    if c.bare_year and (re.search(r"(?<![A-Za-z])from\s*$", left, _I)
                        or not (_STRONG.search(left) or re.search(r"\b(?:by|before|until|end\s+of)\b", pre_words)
                                or _WEAK.search(left))):
        return False
    if _REJECT.search(core_left):
        return False
    marker = _governing_marker(core_left)
    if _IMPERATIVE.match(left) and marker is None and not _RELPRON.search(core_left):
        marker = "future"
    if _MEDIUM.search(core_left) and sum(ch.isupper() for ch in core_left) > 0.6 * sum(ch.isalpha() for ch in core_left):
        return False  # a heading: "COMMITTEE - 5th NOVEMBER 2018"
    # a date in brackets "(Dec 18)" -- a deadline note, unless it is the
    # period of a number just before it ("90.8% (Sept 18)")
    before = text[max(0, c.start - 2):c.start].strip()
    after = text[c.end:c.end + 2].strip()
    if before.endswith("(") and after.startswith(")"):
        if _METRIC_PAREN.search(text[max(0, c.start - 30):c.start]):
            return False
        return marker != "past"
    deadline_word = re.search(r"\b(?:by|before|until|till|no\s+later\s+than|not\s+later\s+than|prior\s+to)\b",
                              pre_words)
    if not deadline_word and re.search(r"\b(?:beginning|start)\b", pre_words):
        return False  # "at the beginning of September", "from the start of 2025": a start, not a deadline
    if "from" in pre_words and not deadline_word and _PERIOD_TO.match(text, c.end):
        return False  # "running from May to June": a period, not a deadline
    if deadline_word or "from" in pre_words or _STRONG.search(core_left):
        return marker != "past"
    if _MEDIUM.search(core_left):
        return marker != "past"
    if _WEAK.search(core_left) or pre_words:
        if anchor is not None and c.due is not None and not c.yearless and c.due < anchor - timedelta(days=31):
            return False  # "in October 2017" in a 2018 paper: an event, not a plan
        if marker == "future":
            return True
        if marker is None and _FRONTED.match(core_left):
            # "In March 2026 the council will ...": the main clause decides
            rest = text[c.end:_clause_end(text, c.end)]
            sub = _SUBCLAUSE.search(rest)
            return _first_marker(rest[:sub.start()] if sub else rest) == "future"
        return False
    return False


def _accept_relative(text: str, c: _Cand) -> bool:
    cs = _clause_start(text, c.start)
    left = text[cs:c.start]
    marker = _nearest_marker(left)
    if _IMPERATIVE.match(left) and marker is None:
        marker = "future"
    if marker is None:
        rest = text[c.end:_clause_end(text, c.end)]
        marker = _first_marker(rest)
    unit_days = re.search(r"day", c.relative or "", _I) is not None
    if c.form in ("within", "inside", "over") and not unit_days:
        return marker != "past"
    return marker == "future"


def _accept_recurrence(text: str, c: _Cand, cands: list[_Cand]) -> bool:
    word = text[c.start:c.end]
    if c.form in ("term", "asreq"):
        return False
    if c.form == "tbc":
        return word.isupper()
    if c.form == "immediate":
        if word.lower() == "immediately":
            # "to see and immediately address concerns": an adverb on a verb, not a deadline
            nxt = re.match(r"\s+([a-z]+)", text[c.end:c.end + 20])
            if nxt and nxt.group(1) not in ("and", "or", "after", "following", "upon", "on", "from", "if", "when"):
                return False
        return word.lower() not in ("immediate", "urgent", "urgently")
    if c.form == "ongoing":
        if not word.lower().replace("-", "").replace(" ", "").startswith("ongoing"):
            return False  # "continuous improvement"
        if word.lower().endswith("basis"):
            return True
        # "is ongoing", "(ongoing)", "Recruitment ongoing with ...": the work's
        # timescale; "the ongoing joint work", "developing ongoing scrutiny":
        # an adjective on a noun, not a timescale
        before = text[max(0, c.start - 2):c.start].strip()
        nxt = _NEXT_WORD.match(text, c.end)
        if before.endswith("(") or not text[_clause_start(text, c.start):c.start].strip():
            return True
        return not (nxt and nxt.group(1).lower() not in _FUNCTION_WORDS)
    if c.form in ("daily", "termly") and not word[:1].isdigit():
        return False  # "daily reports": a kind of report; the table has no daily interval anyway
    if c.form == "annual" and not word.lower().startswith(("bi", "semi", "half")):
        return False  # "annual report", "annual audit programme": a kind of thing, not a frequency
    if _NUMBER_BEFORE.search(text[max(0, c.start - 8):c.start]) and not re.match(r"\d", word):
        return False  # "88% monthly" -- a metric's period
    # "daily, weekly and monthly reports": a list of frequencies names report types
    for o in cands:
        if o is c or o.kind != "recurrence" or o.form in ("ongoing", "immediate", "tbc", "term", "asreq"):
            continue
        gap = text[o.end:c.start] if o.end <= c.start else text[c.end:o.start]
        if 0 <= (c.start - o.end if o.end <= c.start else o.start - c.end) <= 7 and _LIST_OF_FREQ.match(gap):
            return False
    return True


def find_due_dates_in_sentence(text: str, anchor: Optional[date] = None) -> list[ParsedTimescale]:
    """Timescales a narrative text sets for its own work, in reading order.

    A date counts when the text introduces it as a deadline or plan:
    - after a due word -- "by", "before", "no later than", "until", "from",
      "due", "deadline", "target date", "completion date of", "planned
      for", "scheduled for", "aiming to complete" (kept even for a passed
      deadline, "in place by June 2017"), unless the clause is in the past
      tense ("were allocated ... by January 2018");
    - after "in"/"on"/"during" ("in Q4 2025/26", "during 2025-26") only when
      the clause speaks of the future ("will", "is planned", "to be",
      "to complete", an imperative such as "Review ... in March 2026");
    - after a dash or colon ("Review of Threshold Document – September
      2018") or in brackets ("... is in progress. (Dec 18)") unless the
      clause is past tense or the bracket follows a number (a metric's
      period, "90.8% (Sept 18)");
    - coordinated with an accepted date ("by either April 2027 or April 2028").
    Never: past events ("was reviewed in July 2013", "on 16 April 2013",
    "launched in Sept 2017"), start dates ("starting from November 2018",
    "will begin in January 2019"), "since"/"as at" dates, bare years.
    Relative phrases: "within 3 months" unless past tense; "in 4 weeks" and
    day counts ("within 20 working days" is usually a standard) only with a
    future marker.
    Recurrences and open timescales in prose also count: "meets every 6
    weeks", "reports ... every quarter", "Weekly meetings", "reintroduced
    fortnightly", "Six monthly progress reports", "(ongoing)", "is ongoing",
    "immediately", "ASAP", "TBC"; not "annual" as an adjective ("annual
    report"), not a frequency just after a number ("88% monthly"), not lists
    of frequencies ("daily, weekly and monthly reports").
    """
    if not text or not text.strip():
        return []
    cands = _select(_candidates(text, anchor))
    out: list[ParsedTimescale] = []
    prev_end: Optional[int] = None
    floor = 0
    for c in cands:
        if c.kind == "date":
            ok = _accept_date(text, c, prev_end, anchor)
        elif c.kind == "relative":
            ok = _accept_relative(text, c)
        else:
            ok = _accept_recurrence(text, c, cands)
        if not ok:
            continue
        start = _extend_prefix(text, c, floor)
        out.append(_make(text, c, start))
        if c.kind == "date":
            prev_end = c.end
        floor = c.end
    return out


_PERIOD_REJECT = re.compile(r"(?<![A-Za-z])(?:since|after|post|between|ytd|year\s+to\s+date|last|previous|"
                            r"prior\s+to|before)\s*(?:the\s+)?$", _I)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|[\-–—/]|and)\s*(?:the\s+)?(?:end\s+of\s+)?$", _I)


def parse_financial_period(text: str, anchor: Optional[date] = None) -> Optional[tuple[str, date, str]]:
    """The period a metric refers to -> ``(raw, period_end, precision)``.

    "2016/17" -> 2017-03-31 year; "2024-25" -> 2025-03-31 year; "Q4 18" ->
    2018-03-31 quarter; "quarter 1 (13/14)" -> 2013-06-30 quarter; "Q3
    2024-25" -> 2024-12-31 quarter; "23/24 Q4" -> 2024-03-31; "March 18" ->
    2018-03-31 month; "Sept 2018" -> 2018-09-30 month; "30-Nov-24" /
    "31.3.24" -> that day; "2021" -> 2021-12-31 year; "January 2018 to June
    2018" -> the end of the range (2018-06-30), raw spanning both.
    ``raw`` is the period span as printed, without leading words ("By
    September 18" -> "September 18").  A period without a year ("Sept",
    "end of September", "Q2") resolves only with ``anchor`` (its year / the
    financial year containing it).
    None for open or backward-looking periods ("since January 2017", "YTD
    2018", "Post 2032", "Between 2029-32"), relative ones ("the last 12
    months") and text with no period.
    """
    if not text or not text.strip():
        return None
    cands = [c for c in _select(_candidates(text, anchor)) if c.kind == "date"]
    if not cands:
        return None
    first = cands[0]
    if _PERIOD_REJECT.search(text[:first.start]):
        return None
    last = first
    for c in cands[1:]:
        if _RANGE_JOIN.match(text[last.end:c.start]):
            last = c
        else:
            break
    if last.due is None:
        return None
    return text[first.start:last.end], last.due, last.precision
