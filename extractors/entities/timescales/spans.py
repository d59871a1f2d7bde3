"""What the timescale readers produce: the public result `ParsedTimescale`,
the candidate span `_Cand` each form's reader proposes (date_forms.py,
recurrence.py) before cells.py keeps the leftmost-longest ones, and the
number words those readers count in ("quarter one", "within six months",
"bi-weekly")."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from extractors.vocabulary import WORD_TENS, WORD_UNITS


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


# number words -> counts (quarters, relative periods, recurrence intervals)
_NUMWORDS = {**WORD_UNITS, **WORD_TENS, "a": 1, "an": 1, "twenty-four": 24, "twenty four": 24, "bi": 2, "other": 2,
             "second": 2, "tri": 3, "first": 1, "third": 3, "fourth": 4, "final": 4, "last": 4}


@dataclass
class _Cand:
    """A candidate timescale span, before selection and the narrative filters."""
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

