"""Dates as council papers print them, read one way everywhere.

- `parse_date`: a whole date printed in text ('24th November 2011',
  '3 Feb. 2025' by rule; 'March 4, 2025', '04/03/2025' through
  dateparser, day first). Metadata (meeting dates), the entity context
  (inspection dates) and the --meta sidecar read dates through it.
- calendar arithmetic the timescale and action-plan readers share:
  `last_day` of a month, UK financial years (`fy_of`, `quarter_end`,
  April to March) and `add_period` (n days/weeks/months/years, working
  days skipping weekends).
- `iso_date`: any date-like value (date, datetime, pandas Timestamp,
  ISO string) as 'YYYY-MM-DD', which validation compares.

The month words come from extractors.vocabulary.
"""
from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta
from typing import Any, Optional

from extractors.vocabulary import MONTH_RE as _MONTH_RE, MONTHS

DATE_RE = re.compile(rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)


def parse_date(text: str) -> Optional[date]:
    """A full date printed in `text`: UK forms by rule ('24th November 2011',
    '3 Feb. 2025'); other whole-date forms ('March 4, 2025', '04/03/2025',
    'Tuesday, 4th of March 2025') through dateparser, day first."""
    m = DATE_RE.search(text)
    if not m:
        return _free_form_date(text)
    day, mon, year = int(m.group(1)), m.group(2).lower()[:3], int(m.group(3))
    month = next(v for k, v in MONTHS.items() if k.startswith(mon))
    try:
        return date(year, month, day)
    except ValueError:
        return None


_FREE_DATE = re.compile(rf"\b(?:{_MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+of\s+{_MONTH_RE}\.?,?\s+\d{{4}}|"
                        r"\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2})\b", re.I)
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                        "RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DATES_FROM": "past"}


def _free_form_date(text: str) -> Optional[date]:
    m = _FREE_DATE.search(text)
    if not m:
        return None
    import dateparser   # slow to import: only when a date is printed in a form the rules do not read

    got = dateparser.parse(m.group(0), languages=["en"], settings=_DATEPARSER_SETTINGS)
    return got.date() if got else None


def last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def quarter_end(q: int, fy_start: int) -> date:
    """Financial quarter q of the year starting 1 April fy_start."""
    return {1: date(fy_start, 6, 30), 2: date(fy_start, 9, 30), 3: date(fy_start, 12, 31),
            4: date(fy_start + 1, 3, 31)}[q]


def fy_of(d: date) -> int:
    return d.year if d.month >= 4 else d.year - 1


def add_period(anchor: date, n: int, unit: str, working: bool = False) -> date:
    unit = unit.lower()
    if unit == "day":
        if not working:
            return anchor + timedelta(days=n)
        d, left = anchor, n
        while left > 0:
            d += timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
        return d
    if unit == "week":
        return anchor + timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    y, m = divmod(anchor.month - 1 + months, 12)
    y, m = anchor.year + y, m + 1
    return date(y, m, min(anchor.day, calendar.monthrange(y, m)[1]))


def iso_date(v: Any) -> str | None:
    """ISO 'YYYY-MM-DD' from a date, datetime, pandas Timestamp or string."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "date") and callable(v.date):  # pandas Timestamp
        try:
            return v.date().isoformat()
        except Exception:  # noqa: BLE001 - NaT
            return None
    s = str(v).strip()
    return s[:10] or None
