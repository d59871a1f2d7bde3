"""What every entity pass shares about one document: the `EntityContext`,
built once per document (anchor date, glossary, issuing body), and the items
the passes have found so far."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from datetime import date
from typing import Optional

from extractors.entities.items import Action, Metric, Recommendation
from extractors.entities.columns import classify_columns, is_action_plan
from extractors.entities.owners import parse_glossary
from extractors.entities.timescales.periods import parse_financial_period
from extractors.dates import DATE_RE, parse_date
from extractors.model import Document, banner_row
from extractors.vocabulary import MONTH_FULL_CAP

_INSPECTION_DATE = re.compile(
    r"\binspection\s+(?:dates?\s*:?\s*|(?:in|of|on|during|held\s+in|carried\s+out\s+in)\s+)(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*)?"
    rf"(?P<date>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_FULL_CAP}\s+\d{{4}})",
    re.I)


_PUBLISHED = re.compile(r"\b(?:(?:was\s+)?published\s+(?:on\s+)?|date\s+of\s+publication\s*:?\s*|publication\s+date\s*:?\s*)"
                        rf"(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_FULL_CAP}\s+\d{{4}})", re.I)


_OWN_DATE_LABEL = re.compile(r"(?i)date\s+of\s+(?:response|publication|issue|report)|(?:publication|response|issue)\s+date|"
                             r"date\s+(?:published|issued)|published|issued")


def anchor_date(doc: Document, meta: dict) -> Optional[date]:
    """The date relative timescales count from: the inspection date when the
    paper states one, else the meeting date, else the date the paper says it
    was published, else a date printed in the paper's title lines."""
    for b in doc.blocks[:200]:
        if b.kind == "table":
            continue
        m = _INSPECTION_DATE.search(b.text)
        if m:
            d = parse_date(m.group("date"))
            if d:
                return d
            p = parse_financial_period(m.group("date"))
            if p:
                return p[1]
    if meta.get("meeting_date"):
        return meta["meeting_date"]
    # a report's publication ("It was published on 20 May 2027", "Published on 22 January
    # 2027 by authority of ..."): what "within six months of this report" counts from
    for b in doc.blocks[:200]:
        if b.kind != "table" and (m := _PUBLISHED.search(b.text)) and (d := parse_date(m.group("date"))):
            return d
    # the paper's own date in its details box: "Date of response | 27 January 2027", "Date of publication | ..."
    for _, t in islice(doc.tables(), 3):
        for row in t.rows[:8]:
            cells = [" ".join(c.text.split()) for c in row if c.text.strip()]
            if len(cells) == 2 and _OWN_DATE_LABEL.fullmatch(cells[0].rstrip(":")) and (d := parse_date(cells[1])):
                return d
    # a log or report dated in its title lines ("Action Log as 19 July 2011"):
    # months printed without a year take that date's year
    for b in doc.blocks[:6]:
        if b.kind != "table" and len(b.text.split()) <= 20:
            d = parse_date(b.text)
            if d:
                return d
    return _printed_dates_anchor(doc)


_DAY_DATE = re.compile(r"\b(?:[0-3]?\d/[01]?\d/(?:19|20)\d\d)\b|" + DATE_RE.pattern, re.I)


def _printed_dates_anchor(doc: Document) -> Optional[date]:
    """A paper that prints no meeting or title date (a log, a status update):
    the latest day date it prints in the year most of them fall in, so that
    'June' in its deadline column takes that year."""
    found: list[date] = []
    texts = [b.text for b in doc.blocks if b.kind != "table"]
    texts += [c.text for _, t in doc.tables() for row in t.rows for c in row]
    for text in texts:
        for m in _DAY_DATE.finditer(text or ""):
            d = parse_date(m.group(0))
            if d:
                found.append(d)
    if not found:
        return None
    years = Counter(d.year for d in found)
    year = max(years, key=lambda y: (years[y], y))
    return max(d for d in found if d.year == year)


def find_glossary(doc: Document) -> dict[str, str]:
    gloss: dict[str, str] = {}
    for _, t in doc.tables():
        g = parse_glossary(t)
        if len(g) >= 3:
            gloss.update(g)
    return gloss


# a column name's closing abbreviation ("Action No.", "Ref.", "Rec. no.") is not a sentence's full stop
_ABBREV_END = re.compile(r"(?i)\b(?:no|nos|ref|refs|rec|approx|est|dept|org)\.$")


def mark_plain_headers(doc: Document) -> None:
    """A table whose first row the loader did not take for a header (not
    bold, not shaded: "No. | Action | Owner | Deadline | Progress" in plain
    type) has one when that row's cells are short labels that name an
    action plan's columns (an item column and an owner, due date, RAG or
    progress column). Sets `header_rows` to 1."""
    for _, t in doc.tables():
        if len(t.rows) < 2:
            continue
        if not t.header_rows and _names_columns(t.rows[0]):
            t.header_rows = 1
        elif t.header_rows <= 1 and len(t.rows) > 2 and banner_row(t.rows[0], t.n_cols) and _names_columns(t.rows[1]):
            # a title across the table ("ACTION LOG – JULY 2013"), bold or not, over plain column names
            t.header_rows = 2


def _names_columns(row) -> bool:
    first = [" ".join(c.text.split()) for c in row]
    if any(len(h.split()) > 6 or h.endswith(".") and len(h) > 4 and not _ABBREV_END.search(h) for h in first):
        return False
    roles = classify_columns(first)
    return is_action_plan(roles) and len(roles) >= 2


def issuing_body(doc: Document) -> Optional[str]:
    """'Ofsted' when the paper's front matter names it (its action-plan
    recommendations are Ofsted's)."""
    front = " ".join(b.text for b in doc.blocks[:30] if b.kind != "table")
    return "Ofsted" if re.search(r"\bofsted\b", front, re.I) else None


@dataclass
class EntityContext:
    """One document's entity extraction in progress.

    doc, meta        the loaded paper and its metadata
    anchor           the date relative timescales count from
    glossary         role -> people, from a glossary table in the paper
    body             the issuing body of its improvement recommendations
    recs             recommendations found so far (with their actions,
                     owners, timescales and metrics)
    loose_actions    actions not tied to a recommendation
    table_metrics    (parent item or None, metric) read from table cells
    loose_metrics    numbers in prose that no item claimed
    responses        answers to recommendations (responses.py)
    consumed         prose texts already read as an item (their numbers
                     are the item's)
    not_actions      prose a plan item's own pass judged not to be an action
    by_sentence      consumed prose whose items were read sentence by sentence
                     (a minute's decision): other sentences of it are still read
    listed_tables    indexes of tables read as lists by the prose passes
    plan_tables      indexes of tables read as action plans or logs
    """

    doc: Document
    meta: dict
    anchor: Optional[date]
    glossary: dict
    body: Optional[str]
    recs: list[Recommendation] = field(default_factory=list)
    loose_actions: list[Action] = field(default_factory=list)
    table_metrics: list[tuple[object, Metric]] = field(default_factory=list)
    loose_metrics: list[Metric] = field(default_factory=list)
    responses: list = field(default_factory=list)
    consumed: set[str] = field(default_factory=set)
    not_actions: set[str] = field(default_factory=set)
    by_sentence: set[str] = field(default_factory=set)
    listed_tables: set[int] = field(default_factory=set)
    plan_tables: set[int] = field(default_factory=set)

    @cached_property
    def block_at(self) -> dict[str, int]:
        """Each block's text -> the index of its first printing in the paper."""
        out: dict[str, int] = {}
        for i, b in enumerate(self.doc.blocks):
            out.setdefault(b.full_text, i)
        return out

    @cached_property
    def printings(self) -> Counter:
        """Each block's text -> how many blocks print it."""
        return Counter(b.full_text for b in self.doc.blocks)

    @classmethod
    def build(cls, doc: Document, meta: dict) -> "EntityContext":
        mark_plain_headers(doc)
        return cls(doc=doc, meta=meta, anchor=anchor_date(doc, meta), glossary=find_glossary(doc),
                   body=issuing_body(doc))
