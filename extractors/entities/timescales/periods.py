"""Metric periods: `parse_financial_period` reads the period a metric
refers to ("2016/17", "Q4 18", "Sept 2018", "January 2018 to June 2018")
from the date candidates (cells.py), as ``(raw, period_end, precision)``."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from extractors.entities.timescales.cells import _candidates, _select

_I = re.I

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
