"""Entity extraction for one Document: runs the narrative and table
extractors, attaches owners / timescales / metrics to their parents, and
turns everything into rows of the five entity tables with stable ids and
provenance."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from extractors.entities import metrics as metricmod
from extractors.entities.action_plans import add_due_dates, extract_action_plan
from extractors.entities.items import Action, Metric, Owner, Prov, Recommendation, Timescale
from extractors.entities.narrative import decision_recommendations, improvement_recommendations, loose_narrative_actions
from extractors.entities.owners import owners_in_text, parse_glossary, split_owners
from extractors.entities.timescales import parse_financial_period, parse_timescales
from extractors.metadata import parse_date
from extractors.model import Document, Table
from extractors.numbering import split_numbering
from pipeline.ids import row_id

ENTITY_TABLES = ("recommendations", "actions", "owners", "timescales", "metrics")
_INSPECTION_DATE = re.compile(
    r"\binspection\s+(?:dates?\s*:?\s*|(?:in|of|on|during|held\s+in|carried\s+out\s+in)\s+)(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*)?"
    r"(?P<date>(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})",
    re.I)


def anchor_date(doc: Document, meta: dict) -> Optional[date]:
    """The date relative timescales count from: the inspection date when the
    paper states one, else the meeting date."""
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
    return meta.get("meeting_date")


def find_glossary(doc: Document) -> dict[str, str]:
    gloss: dict[str, str] = {}
    for _, t in doc.tables():
        g = parse_glossary(t)
        if len(g) >= 3:
            gloss.update(g)
    return gloss


def _metrics_from_text(text: str, prov: Prov, rag: Optional[str] = None) -> list[Metric]:
    out = []
    for m in metricmod.metrics_in_text(text):
        out.append(_metric(m, prov, rag))
    return out


def _metric(m, prov: Prov, rag: Optional[str]) -> Metric:
    period_end = None
    if m.period:
        p = parse_financial_period(m.period)
        if p:
            period_end = p[1]
    return Metric(label=m.label, value=float(m.value), raw=m.raw, unit=m.unit, period=m.period,
                  period_end=period_end, role=m.role, comparator=m.comparator, rag=rag,
                  prov=Prov(page=prov.page, source_text=prov.source_text, locator=f"{prov.locator}@{m.start}"))


def _numeric_cell(s: str) -> bool:
    """A cell that holds a number (with at most a unit, sign or short note),
    not a label that happens to contain a digit ('5yr PWLB', 'Year 6')."""
    s = s.strip()
    if not s or len(s) > 40 or not re.search(r"\d", s):
        return False
    letters = len(re.findall(r"[A-Za-z]", s))
    digits = len(re.findall(r"\d", s))
    return letters <= 3 or (digits >= letters and len(re.findall(r"[A-Za-z]{3,}", s)) <= 2)


def _table_unit(table: Table, doc: Document) -> Optional[str]:
    head = " ".join(table.header) if table.header_rows else " ".join(c.text for c in table.rows[0])
    m = re.search(r"£\s?(?:m|000s?|k|bn)\b|\(£(?:m|000s?|k)\)|%", head, re.I)
    return m.group(0) if m else None


_RATE_LABEL = re.compile(r"\b(?:interest\s+rates?|bank\s+rate|pwlb|yields?|gilts?|sonia|base\s+rate|rate\s+view)\b", re.I)


_LABEL_HEADER = re.compile(r"\b(?:title|name|indicator|measure|description|kpi|item|service|risk)\b", re.I)
_SCORE_HEADER = re.compile(r"\(\s*[01]\s*[-–]\s*(?:5|10|25)\s*\)|\blikelihood\b|\bimpact\s+score\b|\bscore\b|\brating\s*\(", re.I)


def _column_unit(header: str) -> Optional[str]:
    """A unit printed in one column's own header: '£m', '£000', '%', or a
    1-5 likelihood / score scale."""
    m = re.search(r"£\s?(?:m|000s?|'000|k|bn)\b|\(£(?:m|000s?|k)\)|%", header, re.I)
    if m:
        return m.group(0).strip("()")
    if _SCORE_HEADER.search(header):
        return "score"
    return None


def _header_like(row) -> bool:
    cells = [c.text.strip() for c in row]
    filled = [c for c in cells if c]
    return len(filled) >= 2 and sum(bool(re.search(r"[A-Za-z]", c)) for c in filled) == len(filled) \
        and not any(re.fullmatch(r"[\d,.%£()\s-]+", c) for c in filled)


def _header_names(table: Table, header_rows: int) -> list[str]:
    names = []
    for c in range(table.n_cols):
        parts: list[str] = []
        for r in table.rows[:header_rows]:
            t = " ".join(r[c].text.split()) if c < len(r) else ""
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        names.append(" ".join(parts))
    return names


def table_metrics(table: Table, tindex: int, doc: Document, row_parent: dict, skip_cols: set[int]) -> list[tuple[object, Metric]]:
    """Numbers in table cells: numeric cells take their label from the row
    label and column header; text cells are read like sentences."""
    out: list[tuple[object, Metric]] = []
    header_rows = table.header_rows
    if not header_rows and len(table.rows) > 1 and _header_like(table.rows[0]):
        header_rows = 1  # a first row of column labels / periods the loader did not mark
    header = _header_names(table, header_rows)
    unit = _table_unit(table, doc)
    col_units = [_column_unit(h) for h in header]
    if any(col_units):
        unit = None  # units are per column ("£m" over the exposure columns only)
    label_col = next((i for i, h in enumerate(header) if _LABEL_HEADER.search(h)), None)
    for r_off, row in enumerate(table.rows[header_rows:]):
        r = r_off + header_rows
        label_idx = label_col if (label_col is not None and label_col < len(row) and row[label_col].text.strip()) else \
            next((i for i, c in enumerate(row) if c.text.strip() and not _numeric_cell(c.text)), None)
        row_label = " ".join(row[label_idx].text.split()) if label_idx is not None else None
        row_unit = unit
        if row_unit is None and row_label and _RATE_LABEL.search(row_label + " " + (header[0] if header else "")):
            row_unit = "%"  # interest rates / yields are printed without the % sign
        parent = row_parent.get(r)
        for c, cell in enumerate(row):
            txt = cell.text.strip()
            if not txt or c in skip_cols or (c == label_idx and len(txt.split()) <= 12):
                continue
            colname = header[c] if c < len(header) else ""
            prov = Prov(page=cell.page or (table.pages[0] if table.pages else None), source_text=txt,
                        locator=f"table:{tindex}/row:{r}/col:{' '.join(colname.split()) or c}")
            if _numeric_cell(txt):
                cu = col_units[c] if c < len(col_units) else None
                mentions = metricmod.metric_in_cell(txt, row_label=row_label, column_header=colname or None,
                                                    table_unit=cu or row_unit)
            else:
                num, rest = split_numbering(txt)  # "5. Improve the ..." : the 5 is a list number
                mentions = metricmod.metrics_in_text(rest if num and rest else txt)
            for m in mentions:
                out.append((parent, _metric(m, prov, None)))
    return out


def extract_all(doc: Document, meta: dict) -> dict[str, list[dict]]:
    committee = meta.get("committee")
    anchor = anchor_date(doc, meta)
    glossary = find_glossary(doc)
    recs: list[Recommendation] = []
    loose_actions: list[Action] = []
    loose_metrics: list[Metric] = []
    parented_metrics: list[tuple[object, Metric]] = []
    consumed_text: set[str] = set()   # prose whose metrics are already read (rec and action texts)
    not_actions: set[str] = set()     # prose under a plan item that its own pass judged not to be an action

    recs.extend(decision_recommendations(doc, committee))
    recs.extend(improvement_recommendations(doc))
    body = "Ofsted" if re.search(r"\bofsted\b", " ".join(b.text for b in doc.blocks[:30] if b.kind != "table"), re.I) else None
    # tables read as lists by the prose passes (an improvement list printed in a box)
    listed = {int(m.group(1)) for r in recs for m in [re.match(r"table:(\d+)/", r.prov.locator)] if m}
    for tindex, table in doc.tables():
        if tindex in listed:
            continue
        plan = extract_action_plan(table, tindex, glossary=glossary, anchor=anchor, body=body)
        if plan is not None:
            recs.extend(plan.recs)
            loose_actions.extend(plan.loose)
            parented_metrics.extend(table_metrics(table, tindex, doc, plan.row_parent, plan.entity_cols))
        elif not (glossary and parse_glossary(table)):
            parented_metrics.extend(table_metrics(table, tindex, doc, {}, set()))

    # a lead-in printed before a list ("the County Council resolves:", "Services
    # involved in this activity include:") is neither a recommendation nor an action
    recs = [r for r in recs if not _lead_in_only(r.text)]
    for r in recs:
        r.actions = [a for a in r.actions if not _lead_in_only(a.text)]
    loose_actions = [a for a in loose_actions if not _lead_in_only(a.text)]

    # narrative owners / timescales / metrics for narrative recommendations and actions
    for r in recs:
        if r.prov.locator.startswith("table:") and not _listed(r, listed):
            continue
        consumed_text.add(r.prov.source_text)
        not_actions |= r.covered
        for kind, who in owners_in_text(r.text):
            for role, person, raw in split_owners(who) or [(who, None, who)]:
                r.owners.append(Owner(role=role, person=person, kind=kind, raw=raw,
                                      prov=Prov(r.prov.page, r.prov.source_text, r.prov.locator + "/owner")))
        for kind, text, prov in r.owner_texts:
            for role, person, raw in split_owners(text, glossary):
                r.owners.append(Owner(role=role, person=person, kind=kind, raw=raw, prov=prov))
        for text, prov in r.timescale_texts:
            r.timescales.extend(Timescale.from_parsed(t, prov) for t in parse_timescales(text, anchor))
        if r.deadline_bucket:
            for t in parse_timescales(r.deadline_bucket, anchor):
                r.timescales.append(Timescale.from_parsed(t, Prov(r.prov.page, r.deadline_bucket, r.prov.locator + "/bucket")))
        add_due_dates(r, anchor)
        r.metrics.extend(_metrics_from_text(r.text, r.prov))
        for a in r.actions:
            if a.prov.locator.startswith("table:"):
                continue
            consumed_text.add(a.prov.source_text)
            add_due_dates(a, anchor)
            a.metrics.extend(_metrics_from_text(a.text, a.prov))

    # prose actions not tied to a recommendation
    for a in loose_narrative_actions(doc, consumed_text | not_actions):
        consumed_text.add(a.prov.source_text)
        add_due_dates(a, anchor)
        a.metrics.extend(_metrics_from_text(a.text, a.prov))
        loose_actions.append(a)

    # every other prose block: metrics without a parent
    for i, b in enumerate(doc.blocks):
        if b.kind == "table" or not b.text.strip():
            continue
        if b.full_text in consumed_text:
            continue
        loc = f"block:{i}" + (f"/{b.numbering}" if b.numbering and b.numbering != "•" else "")
        loose_metrics.extend(_metrics_from_text(b.text, Prov(b.page, b.full_text, loc)))

    return to_rows(doc, recs, loose_actions, parented_metrics, loose_metrics)


def _listed(item, listed: set[int]) -> bool:
    """The item came from a table read as a list (narrative rules apply)."""
    m = re.match(r"table:(\d+)/", item.prov.locator)
    return bool(m) and int(m.group(1)) in listed


def _lead_in_only(text: str) -> bool:
    t = text.strip()
    return t.endswith(":") and len(t.split()) <= 12


class _Ids:
    """Row ids from doc_id + table + locator, made unique within a table by
    a '#n' suffix on repeats (deterministic, since extraction order is)."""

    def __init__(self, doc_id: str, blocks=()):
        self.doc_id = doc_id
        self.seen: dict[tuple[str, str], int] = {}
        self.blocks = [b.full_text for b in blocks]
        self.first: dict[str, int] = {}
        for i, t in enumerate(self.blocks):
            self.first.setdefault(t, i)

    def _block_of(self, source_text: str) -> str | None:
        """'block:N' for a row with no section number or table cell: the
        block its source text is (or, for text joined over a page break,
        starts with)."""
        i = self.first.get(source_text)
        if i is None:
            i = next((k for k, t in enumerate(self.blocks) if len(t) >= 20 and source_text.startswith(t)), None)
        return f"block:{i}" if i is not None else None

    def __call__(self, table: str, prov: Prov) -> tuple[str, str]:
        loc = prov.locator or self._block_of(prov.source_text or "") or "doc"
        key = (table, loc)
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        if n:
            loc = f"{loc}#{n}"
        return row_id(self.doc_id, table, loc), loc


def to_rows(doc: Document, recs: list[Recommendation], loose_actions: list[Action],
            parented_metrics: list[tuple[object, Metric]], loose_metrics: list[Metric]) -> dict[str, list[dict]]:
    ids = _Ids(doc.doc_id, doc.blocks)
    out: dict[str, list[dict]] = {t: [] for t in ENTITY_TABLES}
    parent_ids: dict[int, tuple[str, str]] = {}
    did = doc.doc_id

    def prov_cols(p: Prov, loc: str) -> dict:
        return {"page": p.page, "source_text": p.source_text, "locator": loc}

    def add_owner(o: Owner, ptype: str, pid: str):
        oid, loc = ids("owners", o.prov)
        out["owners"].append({"owner_id": oid, "doc_id": did, "parent_type": ptype, "parent_id": pid,
                              "role": o.role, "person": o.person, "owner_kind": o.kind, "raw": o.raw,
                              **prov_cols(o.prov, loc)})

    def add_time(t: Timescale, ptype: str, pid: str):
        tid, loc = ids("timescales", t.prov)
        out["timescales"].append({"timescale_id": tid, "doc_id": did, "parent_type": ptype, "parent_id": pid,
                                  "raw": t.raw, "due_date": t.due_date, "precision": t.precision,
                                  "recurrence": t.recurrence, "relative": t.relative, **prov_cols(t.prov, loc)})

    def add_metric(m: Metric, ptype: Optional[str], pid: Optional[str]):
        mid, loc = ids("metrics", m.prov)
        out["metrics"].append({"metric_id": mid, "doc_id": did, "parent_type": ptype, "parent_id": pid,
                               "label": m.label, "value": m.value, "raw": m.raw, "unit": m.unit,
                               "period": m.period, "period_end": m.period_end, "role": m.role,
                               "comparator": m.comparator, "rag": m.rag, **prov_cols(m.prov, loc)})

    def add_action(a: Action, rec_id: Optional[str]):
        aid, loc = ids("actions", a.prov)
        parent_ids[id(a)] = ("action", aid)
        out["actions"].append({"action_id": aid, "doc_id": did, "rec_id": rec_id, "ref": a.ref, "text": a.text,
                               "status_text": a.status_text, "rag": a.rag, "rag_raw": a.rag_raw,
                               "evidence": a.evidence, **prov_cols(a.prov, loc)})
        for o in a.owners:
            add_owner(o, "action", aid)
        for t in a.timescales:
            add_time(t, "action", aid)
        for m in a.metrics:
            add_metric(m, "action", aid)

    for r in recs:
        rid, loc = ids("recommendations", r.prov)
        parent_ids[id(r)] = ("recommendation", rid)
        out["recommendations"].append({"rec_id": rid, "doc_id": did, "kind": r.kind, "ref": r.ref, "text": r.text,
                                       "source_body": r.source_body, "rag": r.rag, "rag_raw": r.rag_raw,
                                       "status_text": r.status_text, "section_ref": r.section_ref,
                                       **prov_cols(r.prov, loc)})
        for o in r.owners:
            add_owner(o, "recommendation", rid)
        for t in r.timescales:
            add_time(t, "recommendation", rid)
        for m in r.metrics:
            add_metric(m, "recommendation", rid)
        for a in r.actions:
            add_action(a, rid)
    for a in loose_actions:
        add_action(a, None)
    for parent, m in parented_metrics:
        ptype, pid = parent_ids.get(id(parent), (None, None)) if parent is not None else (None, None)
        add_metric(m, ptype, pid)
    for m in loose_metrics:
        add_metric(m, None, None)
    return out
