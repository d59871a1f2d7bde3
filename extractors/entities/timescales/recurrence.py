"""Recurrences and open timescales read into candidate spans
(`spans._Cand`, kind "recurrence", no due date): "monthly", "six weekly",
"bi-weekly", "every 6 weeks", "twice a year", "ongoing", "as required",
"immediately", "TBC", "medium term".  The interval words map to weekly /
fortnightly / monthly / quarterly / annually, any other interval to
"other" (see the package docstring)."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from extractors.entities.timescales.spans import _NUMWORDS, _Cand

_I = re.I

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
# a standing item: "Each meeting", "at every Board meeting", "Standing item"
# (after "at"/"to", or a cell of its own: not "Each meeting focuses on ...")
_EACH_MEETING = re.compile(r"(?<![A-Za-z])(?:at|to|for|before)\s+(?:each|every)\s+(?:[A-Za-z]+\s+){0,2}?meeting(?![a-z])|"
                           r"^\s*(?:each|every)\s+(?:[A-Za-z]+\s+){0,2}?(?:meeting|board|committee|cabinet|panel|partnership)\s*\.?\s*$|"
                           # "Standing item", "(a) standing agenda item": on the agenda of every meeting
                           r"^\s*(?:a\s+)?standing\s+(?:agenda\s+)?item\s*\.?\s*$|\bas\s+a\s+standing\s+(?:agenda\s+)?item\b", _I)


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


def recurrence_candidates(text: str) -> Iterator[_Cand]:
    """Every recurrence and open-timescale candidate in text, pattern by pattern."""
    for m in _REC_WORD.finditer(text):
        yield _Cand(m.start(), m.end(), "recurrence", recurrence=_rec_interval(m.group("n"), m.group("u")),
                    form=m.group("u").lower())
        if m.group("n"):  # fallback when the number belongs to a date ("1st April 14 Monthly")
            yield _Cand(m.start("u"), m.end(), "recurrence", recurrence=_rec_interval(None, m.group("u")),
                        form=m.group("u").lower())
    for m in _REC_EVERY.finditer(text):
        rec = "other" if m.group("twice") is not None else _rec_interval(m.group("n"), m.group("u"))
        yield _Cand(m.start(), m.end(), "recurrence", recurrence=rec, form="every")
    for rx, rec, form in ((_ONGOING, "ongoing", "ongoing"), (_ASREQ, "other", "asreq"),
                          (_IMMEDIATE, "immediate", "immediate"), (_TBC, "other", "tbc"), (_TERM, "other", "term"),
                          (_EACH_MEETING, "other", "meeting")):
        for m in rx.finditer(text):
            yield _Cand(m.start(), m.end(), "recurrence", recurrence=rec, form=form)
