"""Entity extraction for one Document, as an ordered list of passes over
one `EntityContext`.

    decisions       what the paper asks its meeting to decide (narrative.py)
    improvements    inspection / plan improvement points in prose, and lists
                    printed in a box (narrative.py)
    inquiry summaries  the recommending paragraphs of a report's "Summary of
                    conclusions and recommendations" chapter (inquiry.py)
    action tables   every other table: an action plan or log by its column
                    roles (action_plans.py), else numbers in its cells
    lead-ins        "... resolves:" lines are neither recommendations nor
                    actions
    prose details   owners, due dates and numbers in the text of the prose
                    recommendations and actions
    minute actions  "Action: <who> to <do what>" lines of minutes
    loose actions   prose steps taken or planned that no recommendation holds
    loose metrics   numbers in every prose block no item claimed

Each pass is a function `(ctx) -> None` that adds to the context; `PASSES`
fixes their order (later passes skip what earlier ones claimed). To add a
kind of entity or a new layout, write a pass and put it in its place in
`PASSES`; rows come from the items in rows.py.
"""
from __future__ import annotations

import re

from extractors.entities.action_plans import add_due_dates, extract_action_plan
from extractors.entities.context import EntityContext
from extractors.entities.inquiry import inquiry_recommendations
from extractors.entities.items import Action, Owner, Prov, Timescale
from extractors.entities.metric_items import metrics_from_text, table_metrics
from extractors.entities.narrative import decision_recommendations, improvement_recommendations, loose_narrative_actions
from extractors.entities.owners import owners_in_text, parse_glossary, split_owners, subject_owner, subject_owners
from extractors.entities.rows import to_rows
from extractors.entities.timescales.cells import parse_timescales
from extractors.model import Document

__all__ = ["PASSES", "extract_all", "EntityContext"]


def decisions(ctx: EntityContext) -> None:
    ctx.recs.extend(decision_recommendations(ctx.doc, ctx.meta.get("committee")))


def improvements(ctx: EntityContext) -> None:
    ctx.recs.extend(improvement_recommendations(ctx.doc))
    # tables read as lists by the prose passes (an improvement list printed in a box)
    ctx.listed_tables |= {r.prov.table for r in ctx.recs if r.prov.table is not None}


def inquiry_summaries(ctx: EntityContext) -> None:
    """A report's 'Summary of conclusions and recommendations' chapter
    (select committees, inquiries, reviews)."""
    have = {r.prov.source_text for r in ctx.recs}
    ctx.recs.extend(r for r in inquiry_recommendations(ctx.doc, ctx.meta.get("committee"))
                    if r.prov.source_text not in have)


def action_tables(ctx: EntityContext) -> None:
    for tindex, table in ctx.doc.tables():
        if tindex in ctx.listed_tables:
            continue
        plan = extract_action_plan(table, tindex, glossary=ctx.glossary, anchor=ctx.anchor, body=ctx.body)
        if plan is not None:
            ctx.recs.extend(plan.recs)
            ctx.loose_actions.extend(plan.loose)
            ctx.table_metrics.extend(table_metrics(table, tindex, ctx.doc, plan.row_parent, plan.entity_cols))
        elif not (ctx.glossary and parse_glossary(table)):
            ctx.table_metrics.extend(table_metrics(table, tindex, ctx.doc, {}, set()))


def lead_ins(ctx: EntityContext) -> None:
    """A lead-in printed before a list ("the County Council resolves:",
    "Services involved in this activity include:") is neither a
    recommendation nor an action."""
    ctx.recs = [r for r in ctx.recs if not lead_in_only(r.text)]
    for r in ctx.recs:
        r.actions = [a for a in r.actions if not lead_in_only(a.text)]
    ctx.loose_actions = [a for a in ctx.loose_actions if not lead_in_only(a.text)]


_INLINE_LABEL = re.compile(
    r"(?:(?<=[.;)])|(?<=\.\s))\s*\b(?P<label>Lead(?:\s+(?:officer|member|manager))?|Owner|Responsible(?:\s+officer)?|"
    r"Target\s+date|Timescales?|Deadline|Due(?:\s+date)?|By\s+when|Completion\s+date)\s*:\s*", re.I)


def _inline_labels(item, ctx: EntityContext) -> None:
    """'<step>. Lead: Head of Housing (Rebecca Marsh). Target date: March
    2026.' printed in one paragraph: the step is the text before the first
    label; the labels give its owners and due dates."""
    parts = list(_INLINE_LABEL.finditer(item.text))
    if not parts or parts[0].start() < 15:
        return
    head = item.text[:parts[0].start()].strip()
    for k, m in enumerate(parts):
        end = parts[k + 1].start() if k + 1 < len(parts) else len(item.text)
        value = item.text[m.end():end].strip().rstrip(".;").strip()
        label = m.group("label").lower()
        if not value:
            continue
        prov = item.prov.at("/" + label.split()[0])
        if label.startswith(("lead", "owner", "responsible")):
            item.owners.extend(Owner(role=role, person=person, kind="lead" if label.startswith("lead") else "responsible",
                                     raw=raw, prov=prov) for role, person, raw in split_owners(value, ctx.glossary))
        else:
            item.timescales.extend(Timescale.from_parsed(t, prov) for t in parse_timescales(value, ctx.anchor))
    item.text = head


def prose_details(ctx: EntityContext) -> None:
    """Owners, timescales and numbers of the recommendations and actions
    read from prose (table items got theirs from their row's cells)."""
    for r in ctx.recs:
        if r.prov.table is not None and r.prov.table not in ctx.listed_tables:
            continue
        ctx.consumed.add(r.prov.source_text)
        ctx.not_actions |= r.covered
        for kind, who in owners_in_text(r.text):
            for role, person, raw in split_owners(who) or [(who, None, who)]:
                r.owners.append(Owner(role=role, person=person, kind=kind, raw=raw, prov=r.prov.at("/owner")))
        for kind, text, prov in r.owner_texts:
            for role, person, raw in split_owners(text, ctx.glossary):
                r.owners.append(Owner(role=role, person=person, kind=kind, raw=raw, prov=prov))
        for text, prov in r.timescale_texts:
            r.timescales.extend(Timescale.from_parsed(t, prov) for t in parse_timescales(text, ctx.anchor))
        if r.deadline_bucket:
            for t in parse_timescales(r.deadline_bucket, ctx.anchor):
                r.timescales.append(Timescale.from_parsed(t, r.prov.at("/bucket", source_text=r.deadline_bucket)))
        add_due_dates(r, ctx.anchor)
        r.metrics.extend(metrics_from_text(r.text, r.prov))
        for a in r.actions:
            if a.prov.table is not None:
                continue
            ctx.consumed.add(a.prov.source_text)
            _inline_labels(a, ctx)
            add_due_dates(a, ctx.anchor)
            a.metrics.extend(metrics_from_text(a.text, a.prov))


_ACTION_LINE = re.compile(r"^(?:agreed\s+)?actions?(?:\s+points?)?\s*[:\-–]\s*(?P<rest>\S.*)$", re.I | re.S)


_MINUTES = re.compile(r"\bminutes\b|\bnotes\s+of\s+(?:the\s+)?meeting\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def minute_actions(ctx: EntityContext) -> None:
    """Actions as minutes record them: 'Action: <who> to <do what>' lines,
    and in minutes, sentences of the form '<who> to <do what>' ('Clerk to
    ask MCC again to ensure this is done.'). Each is owned by its subject."""
    minutes = any(_MINUTES.search(b.text) for b in ctx.doc.blocks[:6] if b.kind != "table")
    for i, b in enumerate(ctx.doc.blocks):
        if b.kind == "table" or b.full_text in ctx.consumed:
            continue
        loc = b.numbering if b.numbering and b.numbering != "•" else f"block:{i}"
        m = _ACTION_LINE.match(b.text.strip())
        if m and len(m.group("rest").split()) >= 3:
            texts = [" ".join(m.group("rest").split())]
        elif minutes:
            texts = [t for t in _SENTENCE.split(" ".join(b.text.split())) if subject_owner(t)]
        else:
            continue
        for k, text in enumerate(texts):
            a = Action(text=text, prov=Prov(b.page, b.full_text, loc + (f"/sentence:{k}" if k else "")))
            a.owners.extend(Owner(role=role, person=person, kind="responsible", raw=raw,
                                  prov=a.prov.at("/owner" + (f":{k}" if k else "")))
                            for k, (role, person, raw) in enumerate(subject_owners(text)))
            add_due_dates(a, ctx.anchor)
            ctx.loose_actions.append(a)
        if texts and m:
            ctx.consumed.add(b.full_text)


def loose_actions(ctx: EntityContext) -> None:
    """Prose actions not tied to a recommendation."""
    for a in loose_narrative_actions(ctx.doc, ctx.consumed | ctx.not_actions):
        ctx.consumed.add(a.prov.source_text)
        _inline_labels(a, ctx)
        add_due_dates(a, ctx.anchor)
        a.metrics.extend(metrics_from_text(a.text, a.prov))
        ctx.loose_actions.append(a)


def loose_metrics(ctx: EntityContext) -> None:
    """Every other prose block: numbers without a parent."""
    for i, b in enumerate(ctx.doc.blocks):
        if b.kind == "table" or not b.text.strip():
            continue
        if b.full_text in ctx.consumed:
            continue
        loc = f"block:{i}" + (f"/{b.numbering}" if b.numbering and b.numbering != "•" else "")
        ctx.loose_metrics.extend(metrics_from_text(b.text, Prov(b.page, b.full_text, loc)))


PASSES = (decisions, improvements, inquiry_summaries, action_tables, lead_ins, prose_details, minute_actions,
          loose_actions, loose_metrics)


def lead_in_only(text: str) -> bool:
    t = text.strip()
    return t.endswith(":") and len(t.split()) <= 12


def extract_all(doc: Document, meta: dict) -> dict[str, list[dict]]:
    """Every entity row of one document, table name -> rows."""
    ctx = EntityContext.build(doc, meta)
    for run in PASSES:
        run(ctx)
    return to_rows(doc, ctx.recs, ctx.loose_actions, ctx.table_metrics, ctx.loose_metrics)
