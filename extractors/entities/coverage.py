"""No silent zeros: a paper whose own wording promises recommendations or
actions, but from which none were extracted, gets a warning (an `errors`
row of severity `warning`), so an analyst does not read the empty result as
"this paper makes none".

The promise is structural, not a passing mention: a heading or the start of
a paragraph in the forms papers use to introduce them ("Recommendations",
"What needs to improve", "Areas for improvement", "It is recommended
that", "Cabinet is asked to", "RESOLVED", "Action plan", "Action log",
"Actions agreed", "Action:"), a table with a Recommendation / Action
column, or a file named as an action log or tracker. Contents lines ("Recommendations ........ 12") do not count.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors.model import Document

REC_CUE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:summary\s+of\s+)?recommendations?\b|recommended\s+actions?\b|"
    r"what\s+needs\s+to\s+improve|areas?\s+for\s+(?:improvement|development)|it\s+is\s+recommended\s+that|"
    r"we\s+recommend\b|(?:the\s+)?[A-Z][\w ,&'()-]{1,60}\s+(?:is|are)\s+(?:asked|recommended|requested)\s+to\b|"
    r"(?:it\s+was\s+)?resolved\b|conclusions\s+and\s+recommendations)", re.I)
ACT_CUE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:action\s+(?:plan|log|points?|tracker)\b|actions?\s+(?:agreed|arising|required)\b|"
    r"actions?\s*[:\-–]\s*\S|(?:proposed\s+|planned\s+|agreed\s+|key\s+)?next\s+steps\b|matters\s+arising\b)", re.I)
_CONTENTS = re.compile(r"\.{3,}\s*\d+\s*$|\s\d{1,3}\s*$")
_COLUMN = re.compile(r"^(?:recommendations?|recommended\s+actions?|(?:agreed\s+|mitigating\s+|description\s+of\s+)?actions?"
                     r"(?:\s+(?:points?|required|agreed|description|details))?|actions?\s*/\s*decisions?)$", re.I)
# a file named as a log of actions ("ODUG Action Log July 13.pdf", "HWB action tracker.docx")
_ACTION_FILE = re.compile(r"\baction[\s_-]*(?:log|tracker|plan|points?)\b", re.I)


def _first_cue(doc: Document, cue: re.Pattern, column_words: tuple[str, ...]) -> Optional[str]:
    for b in doc.blocks:
        if b.kind == "table" and b.table is not None:
            for h in b.table.header:
                h = " ".join(h.split())
                if _COLUMN.match(h) and any(w in h.lower() for w in column_words):
                    return f"a table column headed '{h}'" + (f" (p.{b.page})" if b.page else "")
            continue
        t = " ".join(b.text.split())
        if not t or _CONTENTS.search(t) or len(t) > 400:
            continue
        if cue.match(t):
            return f"'{t[:60]}'" + (f" (p.{b.page})" if b.page else "")
    return None


def coverage_warnings(doc: Document, rows: dict[str, list[dict]]) -> list[str]:
    """Warnings for a paper that promises recommendations or actions and
    yielded none."""
    out = []
    if not rows.get("recommendations"):
        where = _first_cue(doc, REC_CUE, ("recommend",))
        if where:
            out.append(f"no recommendations extracted, although the paper introduces some: {where}; "
                       f"check the paper (its layout may be one the rules do not read)")
    if not rows.get("actions"):
        where = _first_cue(doc, ACT_CUE, ("action",))
        if where is None and _ACTION_FILE.search(doc.file_name or ""):
            where = f"the file name '{doc.file_name}'"
        if where:
            out.append(f"no actions extracted, although the paper introduces some: {where}; "
                       f"check the paper (its layout may be one the rules do not read)")
    return out
