"""Intermediate entity values produced by the extractors, before they become
table rows. Each keeps its provenance (page, source_text, locator); ids are
assigned in `assemble` from doc_id + locator."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass
class Prov:
    """Where an entity came from. `locator` is the printed form written to
    the tables ('5.1.2', 'table:N/row:M/col:NAME', 'block:N'); `table` is
    the table index when the entity came from a table cell, so code asks
    `prov.table` instead of parsing the locator back."""
    page: Optional[int]
    source_text: str
    locator: str
    table: Optional[int] = None

    def at(self, suffix: str, source_text: Optional[str] = None) -> "Prov":
        """A Prov for a part of this one (an owner, a due date, a number in
        it): same page and table, the locator extended by `suffix`."""
        return Prov(self.page, self.source_text if source_text is None else source_text,
                    self.locator + suffix, self.table)


@dataclass
class Owner:
    role: Optional[str]
    person: Optional[str]
    kind: str               # lead | responsible | delegate | owner
    raw: str
    prov: Prov


@dataclass
class Timescale:
    raw: str
    due_date: Optional[date]
    precision: Optional[str]
    recurrence: str
    relative: Optional[str]
    prov: Prov

    @classmethod
    def from_parsed(cls, t, prov: Prov) -> "Timescale":
        """From a timescales.spans.ParsedTimescale found in the text `prov` points at."""
        return cls(t.raw, t.due_date, t.precision, t.recurrence, t.relative, prov)


@dataclass
class Metric:
    label: Optional[str]
    value: float
    raw: str
    unit: str
    period: Optional[str]
    period_end: Optional[date]
    role: str
    comparator: Optional[str]
    rag: Optional[str]
    prov: Prov


@dataclass
class Action:
    text: str
    prov: Prov
    ref: Optional[str] = None
    status_text: Optional[str] = None
    rag: Optional[str] = None
    rag_raw: Optional[str] = None
    evidence: Optional[str] = None
    # progress printed under the step in its own table cell ("Update: ..."): part of status_text
    update: Optional[str] = None
    owners: list[Owner] = field(default_factory=list)
    timescales: list[Timescale] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    # the number in a plan's plain "No." / "Ref" column: the recommendation the row
    # answers when the paper prints recommendations under those numbers (passes.actions_by_ref)
    key: Optional[str] = None
    # "Lead: ...", "By: ...", "Status: ..." lines printed under a narrative step,
    # (label, value, Prov), applied with the paper's context in passes.prose_details
    labels: list = field(default_factory=list)


@dataclass
class Recommendation:
    kind: str               # decision | improvement
    text: str
    prov: Prov
    ref: Optional[str] = None
    source_body: Optional[str] = None
    rag: Optional[str] = None
    rag_raw: Optional[str] = None
    status_text: Optional[str] = None
    section_ref: Optional[str] = None
    # the item's kind and number, where the paper prints the number under a heading naming the kind
    # ("Areas for improvement" / "1 ..."): "Area for improvement 1", as a plan's banner names it
    key_ref: Optional[str] = None
    deadline_bucket: Optional[str] = None   # "within 3 months" from a heading above the item
    # a short title printed before the recommendation's words ("Recommendation 1: A published programme" over
    # "The Cabinet Member should publish ..."), the start of `text`: whom the words ask is read after it
    title: Optional[str] = None
    covered: set = field(default_factory=set)  # texts of the prose blocks under a plan item
    # "Lead: ...", "Timescale: ..." lines printed under a plan item, resolved in assemble
    owner_texts: list = field(default_factory=list)      # (owner_kind, text, Prov)
    timescale_texts: list = field(default_factory=list)  # (text, Prov)
    actions: list[Action] = field(default_factory=list)
    owners: list[Owner] = field(default_factory=list)
    timescales: list[Timescale] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
