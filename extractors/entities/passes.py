"""Entity extraction for one Document, as an ordered list of passes over
one `EntityContext`.

    decisions       what the paper asks its meeting to decide (narrative.py)
    decision columns  minutes laid out as a table: its Decision / Outcome
                    column's cells (minutes.py)
    minute decisions  in minutes without formal resolutions, what each minute
                    records as settled ("Approved", "It was agreed") (minutes.py)
    improvements    inspection / plan improvement points in prose, and lists
                    printed in a box (narrative.py)
    inquiry summaries  the recommending paragraphs of a report's "Summary of
                    conclusions and recommendations" chapter (inquiry.py)
    printed twice   a recommendation in a report's list and again in its
                    chapter is one row
    responses       answers to recommendations and their status (responses.py)
    action tables   every other table: an action plan or log by its column
                    roles (action_plans.py), else numbers in its cells
    findings pointing to recommendations  "... (recommendation 2)." is a
                    finding, not the recommendation it points to
    actions by ref  "Rec no. | Action | Lead": each row's action goes under
                    the recommendation of that ref, its lead and date too
    restated recommendations  a table restating the paper's numbered
                    recommendations by ref (an appendix of leads and
                    timescales) gives its rows' details to them
    lead-ins        "... resolves:" lines are neither recommendations nor
                    actions
    prose details   owners, due dates and numbers in the text of the prose
                    recommendations and actions
    minute actions  "Action: <who> to <do what>" lines; in minutes, "<who> to
                    <do>" sentences and undertakings ("X will ...") (minutes.py)
    loose actions   prose steps taken or planned that no recommendation holds
    restated actions  a prose action a summary table of actions restates is
                    the table's row only
    loose metrics   numbers in every prose block no item claimed

Each pass is a function `(ctx) -> None` that adds to the context; `PASSES`
fixes their order (later passes skip what earlier ones claimed). To add a
kind of entity or a new layout, write a pass and put it in its place in
`PASSES`; rows come from the items in rows.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Optional

from extractors.entities.action_plans import (add_due_dates, banner_item, extract_action_plan, numbered_parts, record_table,
                                             steps_run_together, who_when_at_end)
from extractors.entities.headerless import header_source, named_from_cells, plain_header, shared_header
from extractors.entities.columns import DECISION_COLUMN, classify_columns, column_role, is_action_plan
from extractors.entities.context import EntityContext
from extractors.entities import minutes
from extractors.entities.charts import charts, data_labels
from extractors.entities.rag import normalise_rag
from extractors.entities.inquiry import inquiry_recommendations, labelled_recommendations
from extractors.entities.items import Action, Owner, Prov, Recommendation, Timescale
from extractors.entities.metric_items import metrics_from_text, table_metrics
from extractors.entities.narrative import (RESOLVED, STEPS_HEADING, read_out_of_paragraph, due_phrase, decision_recommendations, improvement_recommendations, loose_narrative_actions,
                                          titled_recommendations, tagged_recommendations, lead_in_only)
from extractors.entities.owners import (PASSIVE_AGENT, POST_NOUN, bare_body, is_post, owners_in_text, parse_glossary, split_owners, subject_owner,
                                       subject_owners)
from extractors.entities.responses import POSITION, answer_parts, extract_responses, promised_by, promises
from extractors.entities.rows import to_rows
from extractors.numbering import INLINE_MARKERS, bare_ref, inline_items, item_heading_ref, split_numbering
from extractors.entities.timescales.sentences import find_due_dates_in_sentence
from extractors.entities.timescales.cells import parse_timescales
from extractors.entities.timescales.meetings import log_section, meeting_days, pin_to_meetings, schedule_days
from extractors.dates import DATE_RE, parse_date
from extractors.model import Block, Document, Table
from extractors.vocabulary import ASKED_SUBJECT, INSPECTION_ITEM, ITEM_LABEL, label_kind
from extractors.textsim import token_f1, tokens

__all__ = ["PASSES", "extract_all", "EntityContext"]


def decisions(ctx: EntityContext) -> None:
    found = decision_recommendations(ctx.doc, ctx.meta.get("committee"))
    ctx.recs.extend(found)
    for r in found:
        how = read_out_of_paragraph(r.prov.source_text or "") if r.kind == "decision" else None
        if how == "after_account":
            # "... had asked for £750 towards a chest freezer. RESOLVED: that a grant of £750 be awarded. The
            # Clerk to write to both applicants.": the paragraph's other sentences are read as a minute's are
            # (their numbers, the steps they give)
            ctx.by_sentence.add(r.prov.source_text)
        elif how == "before_vote":
            # "RESOLVED: that ... . (Proposed by ..., seconded by ...; carried 8 for, 2 against.)": the vote keeps its numbers
            rest = _norm_space(r.prov.source_text).replace(_norm_space(r.text), " ")
            r.metrics.extend(metrics_from_text(rest, r.prov.at("/minute")))


def improvements(ctx: EntityContext) -> None:
    found = improvement_recommendations(ctx.doc)
    if minutes.is_minutes(ctx.doc, ctx.meta.get("title")):
        # minutes number the steps they record "Action 1:", "Action 2:": actions, not a plan's items
        found = [r for r in found if not re.match(r"(?i)action\b", r.ref or "")]
    found += titled_recommendations(ctx.doc, {r.prov.source_text for r in ctx.recs + found})
    found += tagged_recommendations(ctx.doc, {r.prov.source_text for r in ctx.recs + found})
    for a in (a for r in found for a in r.actions if not a.owners and a.prov.table is None):
        who_when_at_end(a, ctx.glossary, ctx.anchor)   # "Publish a new charging schedule (Development Manager – Joanna Whitcombe, by April 2027)."
    ctx.recs.extend(found)
    # tables read as lists by the prose passes (an improvement list printed in a box; not a
    # minutes table whose decision column decision_columns read: its other columns are still to read)
    ctx.listed_tables |= {r.prov.table for r in ctx.recs if r.prov.table is not None and
                          not (r.kind == "decision" and "/col:" in r.prov.locator)}


# a pointer printed after a recommendation to the framework or paragraph it comes from:
# "(Outcome 3, National Framework)", "(Principle 2)", "(see paragraph 4.12)"
_TRAILING_POINTER = re.compile(r"\s*\((?:see\s+)?(?:outcomes?|principles?|enablers?|standards?|paragraphs?|paras?\.?|sections?|"
                               r"chapters?|national\s+framework)\b[^()]{0,60}\)\s*\.?\s*$", re.I)


def trailing_pointers(ctx: EntityContext) -> None:
    """A recommendation's text without the pointer printed after it."""
    for r in ctx.recs:
        t = _TRAILING_POINTER.sub("", r.text).strip()
        if t != r.text and len(t.split()) >= 3:
            r.text = t


def inquiry_summaries(ctx: EntityContext) -> None:
    """A report's 'Summary of conclusions and recommendations' chapter
    (select committees, inquiries, reviews)."""
    found = inquiry_recommendations(ctx.doc, ctx.meta.get("committee"))
    # a labelled "Recommendation: ..." paragraph the decision pass read as a
    # meeting's decision is the committee's recommendation to someone else
    labelled = {r.prov.source_text for r in found if r.prov.locator.endswith("/recommendation")}
    # and a lettered part of a summary's "6 We recommend that the Cabinet:" is the summary's "6(a)", wherever
    # else its words were read ("(a)" under the body's "We recommend that the Cabinet:")
    parted = {r.prov.source_text for r in found if r.section_ref and re.fullmatch(r"\d{1,3}\([a-z]\)", r.ref or "")}
    ctx.recs[:] = [r for r in ctx.recs if not (r.kind == "decision" and r.prov.source_text in labelled)
                   and r.prov.source_text not in parted]
    have = {r.prov.source_text: r for r in ctx.recs}
    for r in found:
        same = have.get(r.prov.source_text)
        if same is None:
            ctx.recs.append(r)
        else:   # read already (a "Summary of recommendations" zone): its labelled lines still are its owner and date
            same.owner_texts.extend(r.owner_texts)
            same.timescale_texts.extend(r.timescale_texts)
    # "Recommendation 7" labels with the recommendation under them
    have = {r.prov.source_text for r in ctx.recs}
    by_ref = _first_by_ref(ctx.recs)
    for r in labelled_recommendations(ctx.doc, ctx.meta.get("committee")):
        same = by_ref.get(bare_ref(r.ref))
        if same is not None:
            if r.text.startswith(same.text) and len(r.text.split()) > len(same.text.split()) + 3:
                same.text = r.text   # "Recommendation 1: Data sharing" read as a title: the recommendation is under it
            continue
        if r.prov.source_text not in have:
            ctx.recs.append(r)


def _first_by_ref(recs: list[Recommendation]) -> dict[str, Recommendation]:
    """Bare ref -> the first recommendation printed with it."""
    by_ref: dict[str, Recommendation] = {}
    for r in recs:
        if r.ref:
            by_ref.setdefault(bare_ref(r.ref), r)
    for r in recs:
        if (whole := whole_ref(r)) is not None:
            by_ref.setdefault(whole, r)   # R3 printed in parts (R3a, R3b): what answers R3 goes with R3a
        if r.key_ref:
            by_ref.setdefault(bare_ref(r.key_ref), r)   # "Area for improvement 1" for the "1" under that heading
    return by_ref


def whole_ref(r: Recommendation) -> Optional[str]:
    """The bare ref of the recommendation `r` is a lettered part of ("R3a",
    "3(a)" -> "3"), else None."""
    if not r.ref:
        return None
    if r.section_ref and bare_ref(r.ref).startswith(bare_ref(r.section_ref)) and bare_ref(r.ref) != bare_ref(r.section_ref):
        return bare_ref(r.section_ref)
    m = re.fullmatch(r"(\d{1,3})[a-h]", bare_ref(r.ref))
    return m.group(1) if m else None


# a summary list's page reference at the end of an item: "... measure progress. Page 8"
_PAGE_REF = re.compile(r"(?<=[.;:)])\s+(?:Page|p\.)\s*\d{1,3}$")


def printed_twice(ctx: EntityContext) -> None:
    """A recommendation printed twice (a report's list of recommendations
    and again in its chapter, in a box after the evidence) is one row: the
    first printing, with what the second adds. A summary list's page
    reference ("... measure progress. Page 8") is not part of the text."""
    for r in ctx.recs:
        r.text = _PAGE_REF.sub("", r.text)
    kept: list[Recommendation] = []
    for r in ctx.recs:
        first = next((k for k in kept if _same_recommendation(k, r)), None)
        if first is None:
            kept.append(r)
            continue
        if not first.ref or (r.ref and len(bare_ref(r.ref) or "") > len(bare_ref(first.ref) or "")):
            first.ref, first.section_ref = r.ref, first.section_ref or r.section_ref   # "(b)" printed again as "6(b)"
        first.actions.extend(r.actions)
        first.owner_texts.extend(r.owner_texts)
        first.timescale_texts.extend(r.timescale_texts)
        # (what a table row read from its cells already)
        for o in r.owners:
            if (o.role, o.person) not in {(x.role, x.person) for x in first.owners}:
                first.owners.append(o)
        for t in r.timescales:
            if (t.raw, t.due_date) not in {(x.raw, x.due_date) for x in first.timescales}:
                first.timescales.append(t)
        first.metrics.extend(r.metrics)
        first.rag, first.rag_raw = (first.rag, first.rag_raw) if first.rag else (r.rag, r.rag_raw)
        first.status_text = first.status_text or r.status_text
        first.covered |= r.covered | {r.prov.source_text}
        ctx.consumed.add(r.prov.source_text)
    ctx.recs[:] = kept


def _same_recommendation(a: Recommendation, b: Recommendation) -> bool:
    """The same words under the same ref; or, for improvement points one of
    which has no ref (a list read by two passes), the same words at length
    (two minutes' "That the report be noted" are two decisions)."""
    if a.ref and b.ref:
        x, y = sorted((bare_ref(a.ref) or "", bare_ref(b.ref) or ""), key=len)
        # "(b)" under the body's "We recommend that the Cabinet:" and "6(b)" in the summary: one part
        same_part = len(x) == 1 and x.isalpha() and re.fullmatch(r"\d{1,3}" + x, y) is not None
        if x == y and a.kind == b.kind == "improvement" and a.prov.table is None and b.prov.table is None \
                and len(tokens(b.text)) <= 12 and 2 * len(tokens(b.text)) <= len(tokens(a.text)):
            # "Recommendation 1 apology", "Recommendation 2 payment for the time spent in bed and breakfast" over the
            # council's answer: the title of recommendation 1 quoted above (at most half its words)
            return True
        return (x == y or same_part) and token_f1(a.text, b.text) >= 0.9
    if "improvement" in (a.kind, b.kind) and len(tokens(a.text)) >= 8 and " ".join(a.text.split()) == " ".join(b.text.split()):
        return True   # the same words read by two passes, one taking them for a decision
    return a.kind == b.kind == "improvement" and len(tokens(a.text)) >= 8 and token_f1(a.text, b.text) >= 0.9


def responses(ctx: EntityContext) -> None:
    """What answered each recommendation (a Government or executive response,
    a response table) and its status (responses.py)."""
    for r in [p for r in extract_responses(ctx.doc, ctx.meta) for p in answer_parts(r)]:
        # what the response promises: its due dates and who will act (parent_type response)
        r.timescales.extend(Timescale.from_parsed(t, r.prov.at("/due" + (f":{k}" if k else "")))
                            for k, t in enumerate(find_due_dates_in_sentence(r.text, ctx.anchor)))
        r.owners.extend(Owner(role=re.sub(r"^the\s+", "", who), person=None, kind="responsible", raw=who,
                              prov=r.prov.at("/owner" + (f":{k}" if k else "")))
                        for k, who in enumerate(promised_by(r.text)))
        r.actions.extend(Action(text=t, prov=r.prov.at(f"/promise:{k}")) for k, t in enumerate(promises(r.text)))
        for a in r.actions:   # a step the answer lists has its deadline in its own words ("Hold six workshops by
            if "/action:" in a.prov.locator:   # March 2027"); a promise's date is the answer's (above)
                add_due_dates(a, ctx.anchor)
        ctx.not_actions |= r.covered   # its steps are the response's actions, not loose ones
        ctx.responses.append(r)
    answered_recommendations(ctx)


def answered_recommendations(ctx: EntityContext) -> None:
    """A response paper prints each recommendation before its answer ("1. The
    Council should ..." / "The Executive agrees with this recommendation ..."):
    a recommendation the passes before did not read is the one the answer
    quotes (prose answers only; a response table's rows are read with the
    tables)."""
    have = {bare_ref(r.ref) for r in ctx.recs if r.ref}
    for resp in ctx.responses:
        text = " ".join((resp.rec_text or "").split())
        if resp.prov.table is not None or not resp.rec_ref or bare_ref(resp.rec_ref) in have or len(text.split()) < 6 \
                or any(token_f1(text, r.text) >= 0.8 for r in ctx.recs):
            continue
        ctx.recs.append(Recommendation(kind="improvement", text=text, ref=resp.rec_ref,
                                       prov=Prov(resp.prov.page, text, f"rec:{resp.rec_ref}")))
        have.add(bare_ref(resp.rec_ref))


def table_answered_recommendations(ctx: EntityContext) -> None:
    """A response table no plan reader took ("Ref | What the Group
    recommended (summary) | Accepted? | Response, actions, lead and date"):
    the recommendations its rows answer, as the rows print them."""
    have = {bare_ref(r.ref) for r in ctx.recs if r.ref and r.kind != "decision"}   # (an answer is to a review's, not
    for resp in ctx.responses:                                                     # the meeting's decision 1)
        text = " ".join((resp.rec_text or "").split())
        if resp.prov.table is None or resp.prov.table in ctx.plan_tables or not resp.rec_ref or \
                bare_ref(resp.rec_ref) in have or len(text.split()) < 3:
            continue
        read = next((r for r in ctx.recs if token_f1(r.text, text) >= 0.8 or
                     (len(r.text.split()) >= 5 and " ".join(r.text.split()) in text)), None)
        if read is not None:
            # the row that printed the recommendation was read already (an audit finding's "Recommendation | ..."
            # row under its title "Recommendation 1 – ..."): the answer is to it, not to another
            have.add(bare_ref(resp.rec_ref))
            continue
        ctx.recs.append(Recommendation(kind="improvement", text=text, ref=resp.rec_ref,
                                       prov=Prov(resp.prov.page, text, resp.prov.locator.replace("/response", "/recommendation"),
                                                 resp.prov.table)))
        have.add(bare_ref(resp.rec_ref))


def action_tables(ctx: EntityContext) -> None:
    names = None   # the column names of the last table that printed an action log's
    last_group = None   # (table index, the plan item printed above it) of the last table that answered one
    skip = apparatus(ctx.doc)
    blocks = [i for i, b in enumerate(ctx.doc.blocks) if b.kind == "table" and b.table is not None]
    in_apparatus = {t for t, i in enumerate(blocks) if i in skip}   # a glossary or definitions table
    for tindex, table in ctx.doc.tables():
        if tindex in ctx.listed_tables:
            continue
        banner_only = False
        if not table.header_rows and (named := _banner_over_names(table)) is not None:
            table = named   # "Recommendation 1 ..." across the grid, the column names under it: both the header
            banner_only = True
        own = header_source(table)
        if own is not None:
            names = own
        else:   # a later part of the log printed without them, or a log printed with none
            table = (shared_header(table, names) if names is not None else None) or named_from_cells(table) or \
                plain_header(table) or table
        # a recommendation set out as a label | value table of its own (numbered by the heading over it)
        table = record_table(table, item_heading_ref(ctx.doc.blocks, blocks[tindex] if tindex < len(blocks) else None)) or table
        parts = _banner_parts(ctx, table)
        if parts:
            # two items' steps in one grid, each under its banner row ("Priority area for improvement 4: ...")
            for start, part, item in parts:
                had = {name: len(getattr(item, name)) for name in ("actions", "owners", "timescales", "metrics")}
                plan = extract_action_plan(part, tindex, glossary=ctx.glossary, anchor=ctx.anchor, body=ctx.body, group=item)
                if plan is not None:
                    _take_plan(ctx, plan, part, tindex, shift=start)
                    # what the part's rows gave the item itself, numbered as the paper's rows
                    _shift_rows(item.actions[had["actions"]:] + [x for name in ("owners", "timescales", "metrics")
                                                                  for x in getattr(item, name)[had[name]:]], tindex, start)
            last_group = (tindex, parts[-1][2])
            continue
        # the item a banner over the columns names, else the item printed above the table
        prev = ctx.doc.blocks[blocks[tindex] - 1] if tindex < len(blocks) and blocks[tindex] else None
        above = _item_in_banner(ctx, table, prev.full_text if prev is not None and prev.style == "table caption" else None)
        printed_above = _item_above(ctx, blocks[tindex]) if above is None and tindex < len(blocks) else None
        if above is None and (banner_only or _banner_atop(table)):
            # the item printed only in its table's banner
            above = _banner_recommendation(ctx, table, tindex, unnumbered=printed_above is None)
        if above is None:
            above = printed_above
        if above is None and prev is not None and prev.style == "table caption":
            above = _caption_recommendation(ctx, prev, tindex)   # the item a Word table's caption row states
        if above is None and last_group is not None and _continues(ctx, blocks, last_group[0], tindex, table):
            above = last_group[1]   # the rest of the item's table after a page break
        last_group = (tindex, above) if above is not None else None
        k = _header_inside(table)
        if k:
            # a risk's label | value box and its actions table drawn as one grid ("Current risk | L4 x I4 = 16"
            # rows, then "Action | Action owner | Due date" and the steps): the box's figures, then the steps
            top, steps = Table(rows=table.rows[:k], header_rows=table.header_rows, pages=table.pages), \
                Table(rows=table.rows[k:], header_rows=1, pages=table.pages)
            ctx.table_metrics.extend(table_metrics(top, tindex, ctx.doc, {}, set()))
            plan = extract_action_plan(steps, tindex, glossary=ctx.glossary, anchor=ctx.anchor, body=ctx.body, group=above)
            if plan is not None:
                _take_plan(ctx, plan, steps, tindex, shift=k)
                continue
        plan = extract_action_plan(table, tindex, glossary=ctx.glossary, anchor=ctx.anchor, body=ctx.body, group=above)
        if plan is None and _steps_under_inner_headers(ctx, table, tindex):
            continue
        if plan is not None:
            _take_plan(ctx, plan, table, tindex)
            _heading_leads(ctx, blocks[tindex] if tindex < len(blocks) else None, plan.loose)
            _lead_in_deadline(ctx, blocks[tindex] if tindex < len(blocks) else None, plan.recs)
            # the numbers printed in the plan's own recommendation and action cells ("Complete surveys
            # of 40% of homes by 31 March 2026"): the table reader leaves those columns to the plan
            for item in [x for r in plan.recs for x in [r, *r.actions]] + list(plan.loose) + (above.actions if above else []):
                if not item.prov.locator or not item.prov.locator.startswith("table:"):
                    continue
                if not item.metrics:
                    item.metrics.extend(metrics_from_text(item.text, item.prov))
                if getattr(item, "update", None):   # the "Update: ..." printed under the step in its own cell
                    item.metrics.extend(metrics_from_text(item.update, item.prov.at("/update")))
        elif _card_action(ctx, tindex, table):
            ctx.plan_tables.add(tindex)
        elif not (ctx.glossary and parse_glossary(table)) and tindex not in in_apparatus:
            ctx.table_metrics.extend(table_metrics(table, tindex, ctx.doc, {}, set()))


def _lead_in_deadline(ctx: EntityContext, at: Optional[int], recs: list[Recommendation]) -> None:
    """The deadline a lead-in right above a table gives its recommendations
    ("By 31 December 2026, the service should:" over "Ref | HMICFRS
    recommendation | Action | ..."): each recommendation's."""
    prev = next((b for b in reversed(ctx.doc.blocks[max(at - 2, 0):at]) if b.text.strip()), None) if at else None
    phrase = due_phrase(" ".join(prev.text.split())) if prev is not None and prev.kind != "table" else None
    if phrase is None:
        return
    for r in recs:
        r.timescales.extend(Timescale.from_parsed(t, r.prov.at("/lead-in", source_text=prev.full_text))
                            for t in parse_timescales(phrase, ctx.anchor))


# a section heading that names the lead of the actions in the table under it:
# "Priority 2: Reducing anti-social behaviour – Lead: Inspector Sam Okoye, North Dales Police"
_HEADING_LEAD = re.compile(r"(?i)(?:^|[–—:(]\s*|\s-\s)leads?\s*(?:officers?)?\s*:\s*(?P<who>(?:[^()]|\([^()]*\)){3,160}?)\s*\)?\s*$")


def _heading_leads(ctx: EntityContext, at: Optional[int], actions: list[Action]) -> None:
    """The lead a section heading names, over a table with no owner column,
    owns each of its actions that names no doer of its own."""
    if at is None or not actions or any(not o.prov.locator.startswith(a.prov.locator) for a in actions for o in a.owners):
        return   # (an owner read from an owner column, not from the step's own words)
    for k in range(at - 1, max(at - 4, -1), -1):
        b = ctx.doc.blocks[k]
        if b.kind == "table":
            return
        if b.kind != "heading":
            continue   # a headline or commentary paragraph between the heading and its table
        m = _HEADING_LEAD.search(" ".join(b.text.split()))
        if not m:
            return
        who = re.sub(r"\s+and\s+(?=(?:[A-Z]{2,4}\s+|Dr\s+|Cllr\s+)?[A-Z][a-z]+\s+[A-Z])", "; ", m.group("who"))
        said = split_owners(who, ctx.glossary)
        for a in actions:
            if not a.owners:
                a.owners.extend(Owner(role=role, person=person, kind="lead", raw=raw,
                                      prov=Prov(b.page, b.full_text, f"{a.prov.locator}/lead:block:{k}" + (f"#{j}" if j else ""),
                                                a.prov.table))
                                for j, (role, person, raw) in enumerate(said))
        return


def _take_plan(ctx: EntityContext, plan, table, tindex: int, shift: int = 0) -> None:
    """Keep what the plan reader read from `table` (the rows from `shift` on of
    the paper's table `tindex`, their locators numbered as the paper's): its
    items and the figures of its other columns."""
    ctx.plan_tables.add(tindex)
    found = table_metrics(table, tindex, ctx.doc, plan.row_parent, plan.entity_cols)
    if shift:
        _shift_rows([x for r in plan.recs for x in [r, *r.actions]] + list(plan.loose) + [m for _, m in found], tindex, shift)
    ctx.recs.extend(plan.recs)
    ctx.loose_actions.extend(plan.loose)
    ctx.table_metrics.extend(found)


def _header_inside(table) -> Optional[int]:
    """The index of a row inside a header-less table that names the columns
    of an action table below it ("Action | Action owner | Due date |
    Status"), after label | value rows; None when there is none."""
    if table.header_rows or len(table.rows) < 4:
        return None
    for k in range(2, len(table.rows) - 1):
        names = [c.text.strip() for c in table.rows[k]]
        if any(len(n.split()) > 5 for n in names):
            continue
        roles = classify_columns(names)
        labels = [" ".join(row[0].text.split()) for row in table.rows[:k]]
        # (a risk's box: the steps below are the risk's; a plan item's box over its steps is left to the
        # plan reader, which gives the row's owners to the item)
        if "action" in roles and is_action_plan(roles) and len(roles) >= 3 and \
                sum(bool(_RISK_LABEL.match(lb)) for lb in labels) >= 2:
            return k
    return None


# an inspection item's label and its short forms: "Area for improvement", "AFI", "AFD"
_ITEM_WORDS = r"afi|afd|" + INSPECTION_ITEM
# a table's banner naming the item it answers: "Priority area for improvement 1: Partners should ...",
# "Recommendation 3 – ...", "AFI 2"
_BANNER_ITEM = re.compile(r"(?i)^(?:(?:priority|key)\s+)?(?:recommendation|" + _ITEM_WORDS + r")\s*(?P<n>\d{1,2}[a-z]?)\b")


def _item_in_banner(ctx: EntityContext, table, caption: Optional[str] = None) -> Optional[Recommendation]:
    """The plan item a table's first row names across its whole width (a
    banner over the column names; a Word loader's caption of the table),
    printed with that number elsewhere in the paper and not yet answered:
    the table's rows answer it."""
    if caption:
        banner = " ".join(caption.split())
    else:
        if not table.rows or table.header_rows < 2:
            return None
        first = [" ".join(c.text.split()) for c in table.rows[0]]
        if not first[0] or any(c != first[0] for c in first):
            return None
        banner = first[0]
    m = _BANNER_ITEM.match(banner)
    if not m:
        return None
    n = m.group("n").lower()
    for r in ctx.recs:
        if r.kind == "improvement" and r.ref and not r.actions and \
                (bare_ref(r.ref) == n or _item_key(r.ref) == f"item:{n}"):
            return r
    return None


def _banner_over_names(table) -> Optional[Table]:
    """A table the loader found no header in whose first row is a banner
    across its whole width naming a plan item ("Recommendation 1 The Board
    should ...") and whose second row names the columns of an action plan
    ("No. | Agreed action | Agency and lead | Target date"): the same table
    with those two rows as its header; None otherwise."""
    if len(table.rows) < 3 or table.n_cols < 2 or not _first_row_banner(table):
        return None
    roles = classify_columns([" ".join(c.text.split()) for c in table.rows[1]])
    if "action" not in roles or not is_action_plan(roles):
        return None
    return Table(rows=table.rows, header_rows=2, pages=table.pages)


def _first_row_banner(table) -> bool:
    """Is the table's first row one text across its whole width (its first
    cell filled) that states a plan item (`banner_item`)?"""
    first = {" ".join(c.text.split()) for c in table.rows[0]} - {""} if table.rows else set()
    return len(first) == 1 and bool(table.rows[0][0].text.strip()) and banner_item(next(iter(first))) is not None


def _banner_atop(table) -> bool:
    """A table whose header is a banner across its whole width naming a plan
    item ("1. The Council should ...") over its column names."""
    return table.header_rows >= 2 and _first_row_banner(table)


def _banner_recommendation(ctx: EntityContext, table, tindex: int, unnumbered: bool = True) -> Optional[Recommendation]:
    """The plan item a table's banner prints in full ("Recommendation 1 The
    Board should seek assurance that ..."), when the paper prints it nowhere
    else: a recommendation of its own, the table's rows its actions.
    `unnumbered`: may a banner with no number make one (not when an item
    printed right above the table is what the rows answer: the banner
    restates it)."""
    banner = " ".join(table.rows[0][0].text.split())
    ref, text = banner_item(banner) or (None, "")
    if len(text.split()) < 5 or (ref is None and not unnumbered):
        return None
    return _stated_item(ctx, ref, text, Prov(table.rows[0][0].page, banner, f"table:{tindex}/row:0", tindex))


def _stated_item(ctx: EntityContext, ref: Optional[str], text: str, prov: Prov) -> Recommendation:
    """A recommendation a table's banner or caption states, added to the paper's."""
    rec = Recommendation(kind="improvement", text=text, ref=ref, prov=prov)
    ctx.recs.append(rec)
    return rec


def _caption_recommendation(ctx: EntityContext, caption, tindex: int) -> Optional[Recommendation]:
    """The plan item stated by the caption row over a table (its first row,
    merged across the table, which the Word loader sets before it as a
    paragraph): "R1 The council should review ...", "The Ombudsman
    recommended that the council ...". The recommendation read from that
    paragraph already, else a new one; the table's rows its actions."""
    got = banner_item(caption.full_text)
    if got is None or len(got[1].split()) < 5:
        return None
    ref, text = got
    have = next((r for r in ctx.recs if r.prov.source_text in (caption.full_text, caption.text) or
                 _same_start(r.text, text)), None)
    if have is not None:
        return have if not have.actions else None
    return _stated_item(ctx, ref, text, Prov(caption.page, caption.full_text, f"table:{tindex}/caption", tindex))


def _banner_parts(ctx: EntityContext, table) -> list[tuple[int, Table, Recommendation]]:
    """[(first row, the rows as a table of their own, the item)] for a table
    holding the steps of two or more plan items, each under a banner row
    across the whole width that names the item ("Priority area for
    improvement 4: ...") and the column names again; [] for any other."""
    starts = [k for k, row in enumerate(table.rows) if len(row) > 1 and
              len({" ".join(c.text.split()) for c in row}) == 1 and _BANNER_ITEM.match(" ".join(row[0].text.split()))]
    if len(starts) < 2 or starts[0] != 0:
        return []
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(table.rows)
        part = Table(rows=table.rows[start:end], header_rows=2 if end - start > 2 else 1, pages=table.pages)
        item = _item_in_banner(ctx, part)
        if item is None or any(item is x for _, _, x in out):
            return []
        out.append((start, part, item))
    return out


def _continues(ctx: EntityContext, blocks: list[int], prev: int, tindex: int, table) -> bool:
    """Table `tindex` goes on with table `prev` over a page break: the next
    table, on a later page, under the same column names, with at most a
    paragraph between them (a cell's lines the break cut off), no heading
    or list item."""
    if tindex != prev + 1 or tindex >= len(blocks) or prev >= len(blocks):
        return False
    a, b = ctx.doc.blocks[blocks[prev]], ctx.doc.blocks[blocks[tindex]]
    between = ctx.doc.blocks[blocks[prev] + 1:blocks[tindex]]
    return (a.table.header == table.header and bool(table.header) and (b.page or 0) > (a.page or 0)
            and len(between) <= 1 and all(x.kind == "paragraph" for x in between))


def _inner_headers(table) -> list[int]:
    """Rows inside a table that name the columns of the steps under them
    ("Action required | By whom | By when | Progress" under each risk of a
    register whose own header names the risk's columns)."""
    out = []
    for k in range(max(table.header_rows, 1), len(table.rows) - 1):
        names = [" ".join(c.text.split()) for c in table.rows[k]]
        if not any(names) or any(len(n.split()) > 5 for n in names):
            continue
        roles = classify_columns(names)
        if "action" in roles and is_action_plan(roles) and len(roles) >= 2 and \
                ("owner_lead" in roles or "owner_responsible" in roles or "timescale" in roles):
            out.append(k)
    return out


def _steps_under_inner_headers(ctx: EntityContext, table, tindex: int) -> bool:
    """A register printing each risk's row and, under it, its steps under a
    header of their own: the steps of each block read as an action table
    (the rows from the inner header down to the next risk's row, which fills
    the first column the step rows leave blank). The figures of the whole
    table are read as for any table. True when steps were read."""
    heads = _inner_headers(table)
    if not heads:
        return False
    found = False
    ends = heads[1:] + [len(table.rows)]
    for h, nxt in zip(heads, ends):
        rows = []
        for row in table.rows[h + 1:nxt]:
            if not table.rows[h][0].text.strip() and row and row[0].text.strip():
                break   # the next risk's own row
            rows.append(row)
        if not rows:
            continue
        steps = Table(rows=[table.rows[h]] + rows, header_rows=1, pages=table.pages)
        plan = extract_action_plan(steps, tindex, glossary=ctx.glossary, anchor=ctx.anchor, body=ctx.body)
        if plan is None:
            continue
        _shift_rows([x for r in plan.recs for x in [r, *r.actions]] + list(plan.loose), tindex, h)
        ctx.recs.extend(plan.recs)
        ctx.loose_actions.extend(plan.loose)
        found = found or bool(plan.recs or plan.loose)
    if found:
        ctx.table_metrics.extend(table_metrics(table, tindex, ctx.doc, {}, set()))
    return found


_RISK_LABEL = re.compile(r"(?i)^(?:risk(?:\s+\w+)?|description|causes?|consequences?|effects?|impact|likelihood|"
                         r"(?:current|inherent|residual|target)\s+(?:risk|score)|direction\s+of\s+travel|"
                         r"(?:current|existing|key)\s+controls?)\s*:?$")


def _shift_rows(items: list, tindex: int, k: int) -> None:
    """Locators of items read from a table's rows k onwards as their own table: the rows as the paper numbers them."""
    done: set[int] = set()   # (a cell's two dates share one Prov: move it once)

    def shift(prov) -> None:
        m = re.match(rf"table:{tindex}/row:(\d+)", prov.locator or "")
        if m and id(prov) not in done:
            done.add(id(prov))
            prov.locator = f"table:{tindex}/row:{int(m.group(1)) + k}" + prov.locator[m.end():]
    for it in items:
        shift(it.prov)
        for child in list(getattr(it, "owners", [])) + list(getattr(it, "timescales", [])) + list(getattr(it, "metrics", [])):
            shift(child.prov)


def _card_action(ctx: EntityContext, tindex: int, table) -> bool:
    """A plan's action printed as a card of its own, a one-row box: its
    number, '<step>. Lead partner: ... | Deadline: ... Update: ...' and a
    status cell. The step is the text before the labels; the labels give its
    owner, due date and progress; the status cell its RAG. True when the
    table was one."""
    rows = [r for r in table.rows if any(c.text.strip() for c in r)]
    if len(rows) != 1:
        return False
    cells = [" ".join(c.text.split()) for c in rows[0]]
    k = next((i for i, t in enumerate(cells) if _CARD_LEAD.search(t) and _CARD_WHEN.search(t)), None)
    if k is None:
        return False
    page = next((c.page for c in rows[0] if c.page), table.pages[0] if table.pages else None)
    a = Action(text=cells[k].replace(" | ", " "), prov=Prov(page, cells[k], f"table:{tindex}/row:0/col:{k}", tindex))
    _inline_labels(a, ctx)
    if a.text == cells[k].replace(" | ", " "):
        return False   # the labels did not split off a step
    a.text = a.text.rstrip(" |")
    for i, t in enumerate(cells):
        got = normalise_rag(t, rows[0][i].fill) if i != k and len(t.split()) <= 4 else None
        if got and a.rag is None:
            a.rag, a.rag_raw = got
    a.metrics.extend(metrics_from_text(a.text, a.prov))
    ctx.loose_actions.append(a)
    return True


_CARD_LEAD = re.compile(r"\b(?:Lead(?:\s+(?:officer|partner|agency|organisation))?|Owner|Responsible(?:\s+officer)?)\s*:", re.I)
_CARD_WHEN = re.compile(r"\b(?:Deadline|Due(?:\s+date)?|Target\s+date|Timescale|By\s+when|Update|Progress|Status)\s*:", re.I)


def _item_above(ctx: EntityContext, at: int) -> Optional[Recommendation]:
    """The plan item printed right above the table at block `at` ('Area for
    improvement 1' / 'What needs to improve: ...' over its actions table), when
    it has no actions of its own yet: the table's rows answer it."""
    items = [r for r in ctx.recs if r.kind == "improvement" and r.prov.table is None]
    for k in range(at - 1, max(at - 5, -1), -1):
        # right above, or above a short commentary on it ("Progress: on track ...") printed before its table;
        # not the last of a list of them over a section's plan
        b = ctx.doc.blocks[k]
        t = " ".join(b.text.split())
        # (a note such as "Overall RAG: Amber" printed under many items names none of them)
        note = b.kind != "table" and bool(_COMMENTARY_ON_ITEM.match(b.text.strip()) or _DETAIL_OF_ITEM.match(t)) and \
            ctx.printings[b.full_text] > 1
        r = next((r for r in items if r.prov.source_text == b.full_text or (not note and b.full_text in r.covered)), None) or \
            next((r for r in items if b.kind == "paragraph" and _same_start(b.text, r.text)), None)
        # (or its second printing; or its words under a bare heading)
        if r is not None:
            return r if not _steps_printed_before(ctx, r, at) else None
        if b.kind != "table" and (STEPS_HEADING.fullmatch(t.rstrip(":. ")) or _ABOUT_THE_TABLE.search(t)):
            continue   # "Actions taken and planned" over the table; "The actions below answer this recommendation."
        if b.kind in ("table", "heading") or b.kind == "list_item" or not (
                _COMMENTARY_ON_ITEM.match(b.text.strip()) or _DETAIL_OF_ITEM.match(t)):
            return None
    return None


def _steps_printed_before(ctx: EntityContext, r: Recommendation, at: int) -> bool:
    """Has item `r` steps of its own printed before the block at `at`? Steps
    a later passage gave it ("The following recovery steps ..." after the
    last table) do not stop its table answering it."""
    # (a step read from a table, or from prose printed before the block or nowhere as a block of its own)
    return any(a.prov.locator.startswith("table:") or (i := ctx.block_at.get(a.prov.source_text)) is None or i < at
               for a in r.actions)


# a sentence about the table that follows it: "The actions below answer this recommendation.", "set out in the table below"
_ABOUT_THE_TABLE = re.compile(r"(?i)(?:actions?|steps|table|plan)\s+(?:set\s+out\s+)?below\b|\bin\s+the\s+table\s+below\b")


# a short paragraph on a plan item printed between it and its actions table: "Progress: ...", "Overall RAG: Amber",
# "Council response: Accepted. ..."
_COMMENTARY_ON_ITEM = re.compile(r"(?i)^(?:(?:overall\s+)?(?:progress|status|rag(?:\s+rating)?|position|summary|update|commentary|"
                                 r"lead|lead\s+officer|accountable\s+officer|(?:[\w’']+\s+){0,2}response)(?:\s+\w+){0,3}\s*:)")


def _same_start(a: str, b: str) -> bool:
    """The same words to their first 60 characters (the item's text as kept may
    differ from its paragraph in quotes or a closing stop)."""
    fa, fb = (re.sub(r"\W+", " ", x).strip().lower()[:60] for x in (a, b))
    return len(fa) >= 20 and fa == fb


# a labelled detail of the item, one short line: "Addressed to: Youth Justice Service", "Theme: Leadership",
# "Source: HMI Probation inspection, March 2026"
_DETAIL_OF_ITEM = re.compile(r"^[A-Z][A-Za-z’']*(?:\s+[A-Za-z’']+){0,3}\s*:\s*\S[^:]{0,100}$")


def _stems(text: str) -> set[str]:
    """The content words of a text, cut to five letters ("letting agents"
    and "letting agent" share theirs)."""
    return {w[:5] for w in tokens(text) if len(w) >= 4 and w not in _FUNCTION_WORDS}


_FUNCTION_WORDS = frozenset("that this with from into their there which should would could must will also have "
                            "been being were they them each every more most other such than then upon within "
                            "recommendation recommendations".split())


def restated_recommendations(ctx: EntityContext) -> None:
    """A table that restates recommendations the paper printed earlier in
    full (a report's appendix "Recommendation | Lead officer | Timescale"
    whose rows read "4. Letter to letting agents") does not make new
    recommendations: each row whose ref is a prose recommendation's ref and
    whose words are that recommendation's gives it the row's owners, due
    dates, actions, status and numbers."""
    prose = {}   # the first printing of each ref: in prose, else in another table ("No. | Recommendation" above the plan)
    # (a review's recommendation 1 before the cover's decision 1: a restating table restates the review's)
    for r in sorted(ctx.recs, key=lambda r: r.kind != "improvement"):
        if r.prov.table is None and r.ref:
            prose.setdefault(bare_ref(r.ref), r)
    for r in ctx.recs:
        # a recommendation printed in parts (R3a, R3b): the row for R3 goes with its first part
        if r.prov.table is None and (whole := whole_ref(r)) is not None:
            prose.setdefault(whole, r)
        if r.prov.table is None and r.key_ref:
            prose.setdefault(bare_ref(r.key_ref), r)   # "Area for improvement 1" over the plan's rows for the "1" so headed
    for r in sorted((r for r in ctx.recs if r.prov.table is not None and r.prov.table not in ctx.listed_tables and r.ref),
                    key=lambda r: r.prov.table):
        prose.setdefault(bare_ref(r.ref), r)
        if (whole := whole_ref(r)) is not None:
            prose.setdefault(whole, r)   # "3(a)" in the first table, "Recommendation 3" over its actions in the next
    if not prose:
        return
    merged: dict[int, Recommendation] = {}
    for r in ctx.recs:
        if r.prov.table is None or r.prov.table in ctx.listed_tables or not r.ref:
            continue
        target = prose.get(bare_ref(r.ref))
        if target is r:
            target = None
        if target is None:
            # the banner prints the item in the words the paper printed it in before, under another label
            target = next((x for x in prose.values() if x.prov.table is None and x.kind == r.kind and
                           token_f1(x.text, r.text) >= 0.8), None)
        if target is None or target.prov.table == r.prov.table or \
                not (_stems(r.text) & _stems(target.text) or target.section_ref == r.ref):
            continue
        if target.kind != r.kind and token_f1(r.text, target.text) < 0.5:
            continue   # the meeting's decision 2 and an inspection's "Recommendation 2" the plan answers
        _parts_by_letter(r, bare_ref(r.ref), prose)
        target.owners.extend(r.owners)
        target.timescales.extend(r.timescales)
        target.actions.extend(r.actions)
        target.metrics.extend(r.metrics)
        if target.rag is None and r.rag:
            target.rag, target.rag_raw = r.rag, r.rag_raw
        target.status_text = target.status_text or r.status_text
        merged[id(r)] = target
    if merged:
        ctx.recs[:] = [r for r in ctx.recs if id(r) not in merged]
        ctx.table_metrics[:] = [(merged.get(id(parent), parent), m) for parent, m in ctx.table_metrics]


def _parts_by_letter(r: Recommendation, whole: str, prose: dict) -> None:
    """The rows under a banner for a recommendation printed in parts whose
    numbers name a part ("3.2 (c)", "7.3 (b)"): each such row's action, owners
    and dates go to that part (3(c)), taken off `r`."""
    for a in list(r.actions):
        m = re.search(r"\(([a-h])\)\s*$", a.ref or a.key or "")   # the row's number: "3.2 (c)"
        part = prose.get(f"{whole}{m.group(1)}") if m else None
        if part is None:
            continue
        row = re.match(r"table:\d+/row:\d+/", a.prov.locator or "")
        r.actions.remove(a)
        part.actions.append(a)
        if row:
            for items, dest in ((r.owners, part.owners), (r.timescales, part.timescales)):
                for x in [x for x in items if (x.prov.locator or "").startswith(row.group(0))]:
                    items.remove(x)
                    dest.append(x)


def actions_by_ref(ctx: EntityContext) -> None:
    """An action table keyed by the recommendation each row answers ("Rec
    no. | Action | Lead | Target date") puts its actions under the
    recommendations the paper prints with those refs; the row's lead and date
    are that recommendation's (as in a plan with a recommendation column)."""
    # (an action table keys the improvement points it answers; a cover's decisions numbered 1, 2, 3 are not them)
    by_ref = {**_first_by_ref(ctx.recs), **_first_by_ref([r for r in ctx.recs if r.kind == "improvement"])}
    # "AFI 2" in a table's column for the item printed as "Area for improvement 2"
    by_ref.update({k: r for r in reversed(ctx.recs) if r.kind == "improvement" and r.ref and (k := _item_key(r.ref))})
    keyed = _keyed_tables(ctx, by_ref)
    keep = []
    for a in ctx.loose_actions:
        if a.ref is None and a.key and a.prov.table in keyed:
            a.ref = a.key
        target = _key_target(a.ref, by_ref, keyed.get(a.prov.table)) if a.prov.table is not None and a.ref else None
        if target is None:
            keep.append(a)
            continue
        have = {(o.role, o.person) for o in target.owners}
        target.owners.extend(o for o in a.owners if (o.role, o.person) not in have)
        # (a deadline in the action's own words stays the action's: "Agree a plan ... by June 2027")
        own = [t for t in a.timescales if t.prov.locator.startswith(a.prov.locator + "/")]
        dates = {(t.due_date, t.raw) for t in target.timescales}
        target.timescales.extend(t for t in a.timescales if (t.due_date, t.raw) not in dates and t not in own)
        a.owners, a.timescales = [], own
        target.actions.append(a)
    ctx.loose_actions[:] = keep


_ITEM_REF = re.compile(r"(?i)^(?:" + _ITEM_WORDS + r")\s*(?P<n>\d{1,2}(?:[a-z]|\([a-z]\))?)(?![\w(])")


def _item_key(ref: str) -> Optional[str]:
    """'Area for improvement 2', 'AFI 2', 'AFD 2' -> 'item:2': an inspection item's number, however printed."""
    m = _ITEM_REF.match(ref.strip())
    return f"item:{m.group('n').lower().replace('(', '').replace(')', '')}" if m else None


# a key of letters and the recommendation's number: "A1", "A1", "A2" (Argymhelliad 1), "AW-3"
_LETTERED_KEY = re.compile(r"^(?P<letters>[A-Z]{1,3})\s?-?\s?(?P<n>\d{1,2})$")
# an action's own number under its recommendation's: "1.1", "1.2", "2.1", "3.4a"
_DOTTED_KEY = re.compile(r"^(?P<n>\d{1,2}[a-z]?)\.\d{1,2}[a-z]?\.?$")


def _key_target(key: str, by_ref: dict[str, Recommendation], how: Optional[str] = None) -> Optional[Recommendation]:
    """The recommendation a table's key cell names ("3", "R3", "AFI 2"; read
    `how` = "lettered", "A3" as the third; "dotted", action "3.2" as the
    third's)."""
    target = by_ref.get(bare_ref(key)) or by_ref.get(_item_key(key) or "")
    m = (_LETTERED_KEY if how == "lettered" else _DOTTED_KEY if how == "dotted" else None)
    if target is None and m is not None and (m := m.match(key.strip())):
        n = m.group("n").lower()
        target = by_ref.get(n) or by_ref.get(f"item:{n}")   # ("3.2" under "AFI 3", "6a.1" under "AFI 6(a)")
    return target


def _keyed_tables(ctx: EntityContext, by_ref: dict[str, Recommendation]) -> dict[int, Optional[str]]:
    """The action tables whose plain "No." / "Ref" column numbers the
    recommendations a review printed before them: every number is the ref of
    an improvement recommendation printed outside the table, and the numbers
    say so (one repeats over several rows, or is printed "R2" / "Rec 2"), or
    there are two or more of them. A row counter beside a cabinet paper's
    decisions ("1. That Cabinet notes ...") is not: decisions are not keyed.
    Keys that name no recommendation as printed may still number them: keys
    of one set of letters and a number ("A1", "A1", "A2", ...) repeating
    over rows (an action's own number would not), and actions' own numbers
    under their recommendation's ("1.1", "1.2", "2.1"). The value says how
    the table's keys are read (`_key_target`)."""
    keys: dict[int, list[str]] = {}
    for a in ctx.loose_actions:
        if a.prov.table is not None and a.ref is None and a.key:
            keys.setdefault(a.prov.table, []).append(a.key)
    out: dict[int, Optional[str]] = {}
    for t, ks in keys.items():
        how = None
        targets = [_key_target(k, by_ref) for k in ks]
        if any(r is None for r in targets):
            letters = {m.group("letters") if (m := _LETTERED_KEY.match(k.strip())) else None for k in ks}
            if len(ks) > len(set(ks)) >= 2 and len(letters) == 1 and None not in letters:
                how = "lettered"
            elif len(set(ks)) == len(ks) >= 2 and all(_DOTTED_KEY.match(k.strip()) for k in ks):
                how = "dotted"
            targets = [_key_target(k, by_ref, how) for k in ks]
        if any(r is None or r.kind != "improvement" or r.prov.table == t for r in targets):
            continue
        if len(set(ks)) >= 2 or len(ks) > len(set(ks)) or any(re.match(r"(?i)r|rec", k) for k in ks):
            out[t] = how
    return out


# a finding's pointer to the recommendation it led to: "... not received or chased (recommendation 1)."
_POINTS_TO = re.compile(r"\((?:see\s+)?(?:recommendations?|rec\.?|R)\s*(?P<refs>\d{1,3}[a-z]?(?:\s*(?:,|and|&)\s*\d{1,3}[a-z]?)*)"
                        r"(?:\s+(?:below|refers))?\)\.?$", re.I)


def findings_pointing_to_recommendations(ctx: EntityContext) -> None:
    """A summary's finding that ends by pointing to the recommendation it
    led to ("Invoices are paid without certification (recommendation 2).")
    is not that recommendation, which the paper prints in full elsewhere."""
    refs = {bare_ref(r.ref) for r in ctx.recs if r.ref}
    keep = []
    for r in ctx.recs:
        m = _POINTS_TO.search(r.text) if r.prov.table is None else None
        if m and all(n in refs - {bare_ref(r.ref or "")} for n in re.findall(r"\d{1,3}[a-z]?", m.group("refs"))):
            continue
        keep.append(r)
    ctx.recs[:] = keep


def lead_ins(ctx: EntityContext) -> None:
    """A lead-in printed before a list ("the County Council resolves:",
    "Services involved in this activity include:") is neither a
    recommendation nor an action."""
    # (and a stem its lettered parts follow, however long: "7. The Cabinet Member ... should, within six months:")
    stems: dict[tuple, list[str]] = {}
    for r in ctx.recs:
        if r.section_ref and r.ref != r.section_ref:
            stems.setdefault((r.prov.page, bare_ref(r.section_ref)), []).append(_norm_space(r.text))
    # (a stem read elsewhere with its parts run on: "... protocol for people ..., which: sets ...; and places ...")
    ctx.recs = [r for r in ctx.recs if not lead_in_only(r.text) and
                not (r.ref and (parts := stems.get((r.prov.page, bare_ref(r.ref)))) is not None and
                     (r.text.rstrip().endswith(":") or all(p in _norm_space(r.text) for p in parts)))]
    for r in ctx.recs:
        r.actions = [a for a in r.actions if _a_step(a.text)]
    ctx.loose_actions = [a for a in ctx.loose_actions if _a_step(a.text)]


def _norm_space(text: str) -> str:
    return " ".join(text.split())


def _a_step(text: str) -> bool:
    return not lead_in_only(text) and not _POSITION_ONLY.match(text)


# management's position printed above its actions in one cell ("Partially agreed." / "1. ...") is
# the response's status, not a step
_POSITION_ONLY = re.compile(rf"^{POSITION}[.:]?$", re.I)


# the labels a step's owner and due date are printed under, inline ("<step>.
# Lead: X. Target date: Y.") or on lines of their own below it ("Due: March 2011"):
# the shared label vocabulary ("By" only capitalised)
_LABELS = ITEM_LABEL + r"|(?-i:By)"
# after a sentence's end, or after any word when the label is capitalised and
# followed by a colon: an action log's record run together ("... data Owner: Chair
# Deadline: May Progress: On track")
_INLINE_LABEL = re.compile(r"(?:(?<=[.;)])\s*|(?<=\.\s)\s*|\s+(?=(?-i:[A-Z])))\b(?P<label>" + _LABELS + r")\s*:\s*", re.I)
_LABEL_LINE = re.compile(r"^(?P<label>" + _LABELS + r")\s*[:\-–]\s*(?P<value>\S.*)$", re.I | re.S)


def _apply_label(item, label: str, value: str, prov: Prov, ctx: EntityContext) -> None:
    """An owner or due date printed under a label, onto its item."""
    label = label.lower()
    kind = label_kind(label)
    if kind == "rag":   # "RAG rating: Amber" under a step
        got = normalise_rag(value, letters_ok=True)
        if got and item.rag is None:
            item.rag, item.rag_raw = got
    elif kind in ("progress", "status"):
        item.status_text = value
        item.metrics.extend(metrics_from_text(value, prov))   # "Complete. Comments were received from 5 of the 11 ..."
        got = normalise_rag(value)
        if got and item.rag is None:
            item.rag, item.rag_raw = got
    elif kind == "owner":
        if minutes.is_key_line(value):
            return   # a key to who holds what, under a "Leads:" label
        have = {(o.role, o.person) for o in item.owners}   # the step's subject may name the same owner
        item.owners.extend(Owner(role=role, person=person, kind="lead" if label.startswith("lead") else "responsible",
                                 raw=raw, prov=prov) for role, person, raw in split_owners(value, ctx.glossary)
                           if (role, person) not in have)
    else:
        item.timescales.extend(Timescale.from_parsed(t, prov) for t in parse_timescales(value, ctx.anchor))


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
        value = item.text[m.end():end].strip().rstrip(".;–—- ").strip()
        label = m.group("label").lower()
        if value:
            _apply_label(item, label, value, item.prov.at("/" + label.split()[0]), ctx)
    item.text = head.rstrip(" –—-")   # ("<step> – Lead: ... – Due: ...")


def addressed_owners(text: str, committee: Optional[str], prov: Prov, improvement: bool = False) -> list[Owner]:
    """The bodies and posts a recommendation's own words make responsible
    ("The council should ...", "asks the Director of Place to ..."; an
    improvement point under "The Group recommends that:" printed without its
    "that": "The Cabinet adopts a revised plan ...")."""
    said = owners_in_text(text, committee)
    if not said and improvement and (m := ASKED_SUBJECT.match(text)):
        said = owners_in_text("That the " + text[m.end("the"):] if m.group("the") else "That " + text, committee)
    return [Owner(role=role, person=person, kind=kind, raw=raw, prov=prov)
            for kind, who in said
            for role, person, raw in split_owners(who) or [(who, None, who)]]


# the paper's own organisation named generically ("The Council should ...", "Management should ..."): whom an
# audit or plan addresses by default, not an owner the row adds
_OWN_BODY = re.compile(r"(?i)^(?:the\s+)?(?:council|local\s+authority|authority|service|management|organisation|department|"
                       r"directorate|trust|partnership|board|force|school)$")
# a recommendation that opens with whom it asks: "The Cabinet should ...", "Brantshire Police and the CSP should ..."
_SAYS_SHOULD_TO = re.compile(r"^(?:the\s+)?[A-Z][\w'’&,() -]{1,80}?\s+(?:should|must)\s")


def prose_details(ctx: EntityContext) -> None:
    """Owners, timescales and numbers of the recommendations and actions
    read from prose (table items got theirs from their row's cells)."""
    issued: object = _UNREAD   # the day a report the deadlines count from was issued (read once, when asked)
    for r in ctx.recs:
        if r.prov.table is not None and r.prov.table not in ctx.listed_tables:
            if r.kind == "improvement" and not r.actions and _SAYS_SHOULD_TO.match(r.text):
                # a table of recommendations (not a plan's, with its actions) whose words name whom each
                # asks ("The Cabinet should adopt ..."): that body is an owner beside the row's lead
                named = {bare_body(o.role or "") for o in r.owners}
                r.owners.extend(o for o in addressed_owners(r.text, ctx.meta.get("committee"), r.prov.at("/owner"))
                                if bare_body(o.role or "") not in named and not _OWN_BODY.match(o.role or ""))
            if r.kind == "improvement":
                # how often the recommendation's own words ask for it ("Reconcile the awards every month"): a
                # recurrence, as a narrative recommendation's words give one (not its dates: a row's date cells do)
                have = {t.recurrence for t in r.timescales}
                r.timescales.extend(Timescale.from_parsed(t, r.prov.at(f"/due@{t.start}"))
                                    for t in find_due_dates_in_sentence(r.text, ctx.anchor)
                                    if t.recurrence not in (None, "once") and t.recurrence not in have)
            continue
        ctx.consumed.add(r.prov.source_text)
        ctx.not_actions |= r.covered
        _inline_labels(r, ctx)   # "<recommendation>. Lead: ... Timescale: ..." in one paragraph
        named = {bare_body(o.role or "") for o in r.owners}
        # (whom the words ask, read after a title printed before them: "A published programme The Cabinet Member should")
        words = r.text[len(r.title):].strip() if r.title and r.text.startswith(r.title) else r.text
        for o in addressed_owners(words, ctx.meta.get("committee"), r.prov.at("/owner"), improvement=r.kind == "improvement"):
            bare = bare_body(o.role or "")
            if bare and any(n == bare or n.startswith(bare + " (") for n in named):
                continue   # the row of a table restating it names the same owner, with the holder
            r.owners.append(o)
        for kind, text, prov in r.owner_texts:
            for role, person, raw in split_owners(text, ctx.glossary):
                same = next((o for o in r.owners if role and o.prov.locator.endswith("/owner")
                             and bare_body(o.role or "") == bare_body(role) and o.person in (None, person)), None)
                if same is not None:
                    same.role, same.person = role, person   # "That the Cabinet Member for Housing ensures ..." / "Lead: Cabinet Member for Housing"
                    continue
                r.owners.append(Owner(role=role, person=person, kind=kind, raw=raw, prov=prov))
        for text, prov in r.timescale_texts:
            r.timescales.extend(Timescale.from_parsed(t, prov) for t in parse_timescales(text, ctx.anchor))
        # "within one month of the date of the final report" counts from the day the paper says that report was
        # issued ("The Ombudsman's final report was issued on 12 May 2026"), not from its own date (none when unsaid)
        anchor = ctx.anchor
        if r.deadline_bucket and _OF_THE_REPORT.search(r.deadline_bucket):
            issued = report_issued(ctx.doc) if issued is _UNREAD else issued
            anchor = issued
        if r.deadline_bucket and anchor is not None:
            for t in parse_timescales(r.deadline_bucket, anchor):
                r.timescales.append(Timescale.from_parsed(t, r.prov.at("/bucket", source_text=r.deadline_bucket)))
        add_due_dates(r, ctx.anchor)
        r.metrics.extend(metrics_from_text(r.text, r.prov))
        for a in r.actions:
            if a.prov.table is not None:
                continue
            ctx.consumed.add(a.prov.source_text)
            for label, value, prov in a.labels:
                ctx.consumed.add(prov.source_text)
                _apply_label(a, label, value, prov, ctx)
            _inline_labels(a, ctx)
            add_due_dates(a, ctx.anchor)
            a.metrics.extend(metrics_from_text(a.text, a.prov))


# "Action: ...", "Agreed action - ...", "ACTION 2: ...", "Action point 14/3 – ..."
_ACTION_LINE = re.compile(r"^(?:(?:agreed\s+|improvement\s+|recovery\s+|remedial\s+|corrective\s+|further\s+)?actions?(?:\s+points?)?(?:\s+(?:no\.?\s*)?\d[\w./-]{0,7})?|AP\s?\d[\w./-]{0,5}|"
                          # "Action 4 (Secretariat, by 31 July): add the risk ...": who and when in brackets
                          r"actions?\s+(?:no\.?\s*)?\d[\w./-]{0,7}\s*\((?P<bracket>[^()]{2,80})\)|"
                          # "ACTION MB: circulate ...": who, then the step
                          r"actions?\s+(?P<who>(?-i:[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)))"
                          r"\s*[:\-–]\s*(?P<rest>\S.*)$",
                          re.I | re.S)
# "MB – circulate the calendar; TR – check the figures": steps each led by who takes it
_LED_STEP = re.compile(r"^(?P<who>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s*[–—-]\s*(?P<step>\S.{8,})$")


def minute_actions(ctx: EntityContext) -> None:
    """Actions as minutes record them: 'Action: <who> to <do what>' lines
    in any paper; in minutes, sentences of the form '<who> to <do what>'
    ('Clerk to ask MCC again to ensure this is done.') and the undertakings
    extractors/entities/minutes.py reads ('Cllr Evans will put ...',
    'Mr Baldwin was asked to ...'). Each is owned by its subject."""
    in_minutes = minutes.is_minutes(ctx.doc, ctx.meta.get("title"))
    decided = {r.text for r in ctx.recs}
    _minute_actions_in(ctx, ctx.doc.blocks, lambda i, b: b.numbering if b.numbering and b.numbering != "•"
                       else f"block:{i}", in_minutes, decided)
    if not in_minutes:
        return
    # minutes set out as a table ("Item | Minute", one table per item, no header): each
    # cell's lines are read as the minute's paragraphs are, unless a plan reader took the table
    for tindex, table in ctx.doc.tables():
        if tindex in ctx.plan_tables or tindex in ctx.listed_tables:
            continue
        header = table.header
        tag_cols = _tag_columns(table, ctx)
        for r, row in enumerate(table.rows):
            before = len(ctx.loose_actions)
            tag_c = next((c for c in tag_cols if c < len(row) and _who_when_tags(row[c].text, ctx)), None)
            for c, cell in enumerate(row):
                if c and cell.text == row[c - 1].text:
                    continue   # a merged cell, repeated in each grid position
                if c == tag_c:
                    continue
                lines = [Block(kind="paragraph", text=" ".join(ln.split()), page=cell.page)
                         for ln in cell.text.split("\n") if ln.strip()]
                if r >= table.header_rows and c < len(header) and (column_role(header[c]) == "action" or
                                                                   re.match(r"(?i)actions?\s*\(", header[c].strip())):   # "Action (owner, date)"
                    # a minute table's Actions column: each line is an action, whoever it names its owner
                    # ("Circulate the paper (Secretariat)", "Write to the Minister – HS")
                    # (a PDF cell runs its lines together: "26/40 Offer ... (NS, ongoing) 26/41 Publish ...")
                    parts = [p for b in lines for p in _LOGGED_REF.split(steps_run_together(b.text))]
                    lines = [Block(kind="paragraph", text=f"Action: {_LOG_REF_START.sub('', ' '.join(p.split()))}", page=cell.page)
                             for p in parts if len(p.split()) >= 3 and not p.lower().startswith(("none", "no action", "n/a"))
                             and not _POINTER_LINE.match(p.strip())]
                _minute_actions_in(ctx, lines, lambda i, b, r=r, c=c, t=tindex: f"table:{t}/row:{r}/col:{c}/line:{i}",
                                   in_minutes, decided)
            if tag_c is not None:
                _tags_to_actions(ctx, _who_when_tags(row[tag_c].text, ctx), ctx.loose_actions[before:])


# a log's action number opening each action run into the cell: "26/40 Offer ...", "A12 Publish ..."
_LOGGED_REF = re.compile(r"\s+(?=\d{1,2}/\d{2,3}\s+[A-Z])|\n")
_LOG_REF_START = re.compile(r"^\d{1,2}/\d{2,3}\s+(?=[A-Z])")
# a pointer to an action logged elsewhere: "See 26/32 (carried forward)"
_POINTER_LINE = re.compile(r"(?i)^(?:see|as)\s+(?:action\s+)?\d{1,2}/\d{2,3}\b")


def _tag_columns(table, ctx: EntityContext) -> list[int]:
    """The columns of a minutes table that say only who and when: every
    filled cell below the column's name is who/when tags (a dash for none)."""
    out = []
    for c in range(1, table.n_cols):
        cells = [" ".join(row[c].text.split()) for row in table.rows[table.header_rows:] if c < len(row)]
        if table.header_rows == 0 and cells and not _who_when_tags(cells[0], ctx):
            cells = cells[1:]   # its name, in a header row the loader did not mark
        filled = [t for t in cells if t and t not in ("–", "—", "-", "n/a", "N/A")]
        if filled and all(_who_when_tags(t, ctx) for t in filled):
            out.append(c)
    return out


def _who_when_tags(text: str, ctx: EntityContext) -> Optional[list[tuple[str, str]]]:
    """A minutes table's action column that only says who and when, one
    entry a line or run together ("KB – January meeting SM – 31 Dec",
    "RE / HO – monthly", "All – ongoing"): [(who, when)]. None when the
    cell says more (its lines are then actions of their own)."""
    text = " ".join(text.split())
    if not text or text in "–—-":
        return None
    found = list(_TAG.finditer(text))
    if not found or "".join(m.group(0) for m in found).replace(" ", "") != text.replace(" ", ""):
        return None
    tags = [(m.group("who").strip(), m.group("when").strip()) for m in found]
    return tags if all(parse_timescales(when, ctx.anchor) for _, when in tags) else None


# "SM – 31 Dec", "Director of Resources / January meeting", "RE / HO – monthly": who, a dash or slash, when
_TAG = re.compile(r"\s*(?P<who>(?:[A-Z]{2,4}|All|[A-Z][a-z]+(?:\s+(?:of|and|&|[A-Z][\w&'’-]*))*)(?:\s*[/&,]\s*(?:[A-Z]{2,4}|[A-Z][a-z]+))*)"
                  r"\s+[–—/-]\s+(?P<when>.+?)(?=\s+(?:[A-Z]{2,4}|All|(?:Director|Head|Chief|Monitoring)\b[\w ]*?)"
                  r"(?:\s*[/&,]\s*[A-Z]{2,4})*\s+[–—/-]\s+|\s*$)")


def _tags_to_actions(ctx: EntityContext, tags: list[tuple[str, str]], found: list[Action]) -> None:
    """The row's action sentences, in order, take the tag lines' owners and due dates: one tag
    for one sentence when there are as many of each, else each tag for the next sentence
    whose subject it names (none when a tag names no sentence's subject)."""
    if not found:
        return
    if len(tags) == len(found):
        pairs = list(zip(found, tags))
    else:
        # more sentences than tags ("AC reported that the LGA would fund ... . She would identify a mentor"):
        # each tag goes to the sentence whose subject it names, in order
        pairs, start = [], 0
        for who, when in tags:
            k = next((j for j in range(start, len(found))
                      if any(who in (o.raw, o.person, o.role) for o in found[j].owners)), None)
            if k is None:
                return
            pairs.append((found[k], (who, when)))
            start = k + 1
    for k, (a, (who, when)) in enumerate(pairs):
        owners = split_owners(who, ctx.glossary) if who.lower() != "all" else [("All members", None, who)]
        a.owners[:] = [Owner(role=role, person=person, kind="responsible", raw=raw, prov=a.prov.at(f"/tag:{k}"))
                       for role, person, raw in owners]
        a.timescales.extend(Timescale.from_parsed(t, a.prov.at(f"/tag:{k}/due", source_text=f"{who} – {when}"))
                            for t in parse_timescales(when, ctx.anchor))


def _minute_actions_in(ctx: EntityContext, blocks: list, locate, in_minutes: bool, decided: set) -> None:
    """minute_actions over one run of blocks (the body's, or a table cell's lines)."""
    for i, b in enumerate(blocks):
        if b.kind == "table" or (b.full_text in ctx.consumed and b.full_text not in ctx.by_sentence):
            continue
        loc = locate(i, b)
        m = _ACTION_LINE.match(b.text.strip())
        if m is None and b.numbering:
            m = _ACTION_LINE.match(f"{b.numbering}: {b.text.strip()}")   # the loader took "Action 1" as the numbering
        tag = minutes.tagged_action(b.text) if not m else None
        if m and not tag and _OWNER_ONLY.fullmatch(m.group("rest").strip(" .")) and i \
                and (prev := _step_above(blocks, i)):
            # "ACTION: Tom Reid" on a line of its own under the paragraph that says what is to be done
            who = split_owners(m.group("rest").strip(" ."), ctx.glossary)
            m = None
            same = next((a for a in ctx.loose_actions if a.text == prev), None)
            if same is not None:   # the paragraph's own sentence was read as an action: the tag says who
                have = {(o.role, o.person) for o in same.owners}
                same.owners.extend(Owner(role=r, person=p, kind="responsible", raw=raw, prov=same.prov.at("/owner:tag"))
                                   for r, p, raw in who if (r, p) not in have)
                continue
            found = [(prev, who)]
        elif m and len(m.group("rest").split()) >= 3:
            text = " ".join(m.group("rest").split())
            parts = [p.strip(" ;.") for p in re.split(r";\s*", text)]
            if m.group("who"):
                found = [(text, split_owners(m.group("who"), ctx.glossary))]
            elif m.group("bracket") and not _WHO_WORD.search(m.group("bracket")) and \
                    not parse_timescales(m.group("bracket"), ctx.anchor):
                # "Action 26/07 (Continuum of Need): Mark Ellery explained ...": a logged action's title, and
                # the minute reports on it; read as the minute's prose
                found = [(t, o) for t, o in minutes.action_sentences(text) if t not in decided] if in_minutes else []
                m = None
            elif m.group("bracket"):
                found = [(text, _bracket_owners(m.group("bracket"), ctx))]
            elif len(parts) > 1 and all(_LED_STEP.match(p) for p in parts):
                found = [((lm := _LED_STEP.match(p)).group("step"), split_owners(lm.group("who"), ctx.glossary))
                         for p in parts]
            else:
                found = [(text, subject_owners(text) or _dashed_owner(text, ctx) or _bracketed_owner(text, ctx)
                          or said_owners(text))]
        elif tag:
            found = [(tag[0], split_owners(tag[1], ctx.glossary) or [(tag[1], None, tag[1])])]
        elif in_minutes:
            found = [(t, o) for t, o in minutes.action_sentences(b.text) if t not in decided]
        else:
            continue
        for k, (text, owners) in enumerate(found):
            a = Action(text=text, prov=Prov(b.page, b.full_text, loc + (f"/sentence:{k}" if k else "")))
            a.owners.extend(Owner(role=role, person=person, kind="responsible", raw=raw,
                                  prov=a.prov.at("/owner" + (f":{j}" if j else "")))
                            for j, (role, person, raw) in enumerate(owners))
            if m:
                _inline_labels(a, ctx)   # "Action: <step> Owner: ... Deadline: ... Progress: ..." in one paragraph
            if not a.owners:
                who_when_at_end(a, ctx.glossary, ctx.anchor)   # "<step> – JW, 31/07/26"
            add_due_dates(a, ctx.anchor)
            if m:   # (the line is consumed: its figures are read here)
                a.metrics.extend(metrics_from_text(a.text, a.prov))
            if m and m.group("bracket"):   # "Action 4 (all members, by 25 July): ..."
                when = [p for p in m.group("bracket").split(",") if parse_timescales(p, ctx.anchor)]
                a.timescales.extend(Timescale.from_parsed(t, a.prov.at("/when" + (f":{j}" if j else ""), source_text=m.group("bracket")))
                                    for p in when[:1] for j, t in enumerate(parse_timescales(p, ctx.anchor)))
            ctx.loose_actions.append(a)
        if found and m:
            ctx.consumed.add(b.full_text)
            _labels_below(ctx, blocks, i, ctx.loose_actions[-len(found):])


# a word that names who acts: a post, a body, people, initials ("Secretariat", "Head of ICT", "all members", "JS")
_WHO_WORD = re.compile(r"\b(?:[A-Z]{2,5}|Head|Director|Manager|Officer|Lead|Chair\w*|Clerk|Secretar\w*|Treasurer|Team|Board|"
                       r"Council|Police|Service|Partnership|Group|Panel|Committee|[Mm]embers|[Aa]ll|[Pp]artners|Officials?|"
                       r"Cllr|Councillor|Mr|Mrs|Ms|Dr)\b|^[A-Z][a-z]+\s+[A-Z][a-z]+(?:,|$)")


def _bracket_owners(bracket: str, ctx: EntityContext) -> list:
    """'Secretariat, w/c 14 July', 'Peter Mabry, by the end of July', 'the
    Chair, by 30 September 2025': who, then when (read by add_due_dates from
    the line); the parts that are not a date say who."""
    who = [p.strip() for p in bracket.split(",") if p.strip() and not parse_timescales(p, ctx.anchor)]
    out = []
    for w in who:
        out.extend(split_owners(re.sub(r"^[Tt]he\s+", "", w), ctx.glossary) or [(w, None, w)])
    return out


# who, and nothing else: "Tom Reid", "TR", "TR / JS", "Secretariat", "Head of Housing", "Chair and Clerk"
_OWNER_ONLY = re.compile(r"[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*|(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|for|&|/|,))"
                         r"{0,5}")


def _step_above(blocks: list, i: int) -> Optional[str]:
    """The last sentence of the paragraph right above block i (a tag line's
    step), when it is a sentence of at least four words."""
    b = blocks[i - 1]
    if b.kind in ("table", "heading") or not b.text.strip():
        return None
    said = minutes.sentences(" ".join(b.text.split()))
    return said[-1] if said and len(said[-1].split()) >= 4 else None


# "ACTION: AR / SO – targeted MMR2 uptake plan – end of January 2025",
# "ACTION: Circulate the terms of reference – Board Secretary – by 31 October"
_WHO_SEGMENT = re.compile(r"[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*|(?:[Tt]he\s+)?(?:[A-Z][\w&'’()-]*\s*){1,5}")


def _dashed_owner(text: str, ctx: EntityContext) -> list:
    """Who an action line names in a dash-separated segment of its own: a
    segment that is only initials, a post, an office or a name (no verb, no
    date), beside the step and its date."""
    parts = [p.strip(" .;") for p in re.split(r"\s+[–—-]\s+", text)]
    if len(parts) < 2:
        return []
    for part in parts:
        if part and _WHO_SEGMENT.fullmatch(part) and not re.search(r"\d", part) and \
                not parse_timescales(part, ctx.anchor):
            return split_owners(part, ctx.glossary)
    return []


# the last dash-set segment of a listed step: "... (by 11 December 2026) – Principal Social Worker"
_LAST_DASHED = re.compile(r"\s+[–—]\s+(?P<who>[^–—]{2,80}?)\s*\.?$")


def _owner_after_dash(a: Action, ctx: EntityContext) -> None:
    """A step that ends with a dash and who does it (a post, an office, a name or
    initials, no verb and no date): that owner, taken off the step's text."""
    m = _LAST_DASHED.search(a.text)
    if not m or not _WHO_PHRASE.fullmatch(m.group("who")) or re.search(r"\d", m.group("who")) or \
            parse_timescales(m.group("who"), ctx.anchor):
        return
    said = split_owners(m.group("who"), ctx.glossary)
    if not said or not all(role is None or _POST_OR_BODY.search(role) or re.fullmatch(r"[A-Z]{2,5}", role)
                           for role, _, _ in said):
        return
    a.owners.extend(Owner(role=role, person=person, kind="lead", raw=raw, prov=a.prov.at(f"/owner:{j}" if j else "/owner"))
                    for j, (role, person, raw) in enumerate(said))
    a.text = a.text[:m.start()].rstrip(" ,;")


# words of a post, office or name: capitalised, or the small words inside one ("Head of Workforce
# Development", "Team Manager, Adolescent Support Team", "HR Business Partner, Children’s Services")
_WHO_PHRASE = re.compile(r"[A-Z][\w&'’()-]*(?:,?\s+(?:[A-Z][\w&'’()-]*|of|and|for|the|in|&)){0,9}")


# a word that makes a phrase a post or a body ("Principal Social Worker", "Head of Workforce Development", "ICB")
_POST_OR_BODY = re.compile(r"\b(?:Head|Director|Officer|Manager|Lead|Chair|Clerk|Secretary|Adviser|Advisor|Worker|Partner|"
                           r"Coordinator|Co-ordinator|Executive|Leader|Member|Team|Service|Services|Board|Council|Group|Unit|"
                           r"Partnership|Panel|Commissioner|Analyst|Consultant|Principal|Administrator|Champion)s?\b")


def _bracketed_owner(text: str, ctx: EntityContext) -> list:
    """Who an action line names in brackets at its end: "Circulate the
    paper on charging (Secretariat)", "... (HS)"."""
    m = re.search(r"\(([^()]{2,40})\)\s*\.?$", text)
    if not m or re.search(r"\d", m.group(1)) or not _OWNER_ONLY.fullmatch(m.group(1).strip()):
        return []
    return split_owners(m.group(1).strip(), ctx.glossary)


def _labels_below(ctx: EntityContext, blocks: list, i: int, actions: list) -> None:
    """'Actions: <step>' followed by its own 'Due: March 2011' / 'Lead: ...'
    lines: those lines give the action(s) above their due dates and owners.
    A paper that prints them above its steps ('Lead: ... | Due: ...' over
    'Action: ...') gives each step the line above it instead."""
    if i and blocks[i - 1].kind != "table" and _LABEL_LINE.match(blocks[i - 1].text.strip()) and \
            blocks[i - 1].full_text not in ctx.consumed:
        _label_block(ctx, blocks[i - 1], actions)
        return
    for b in blocks[i + 1:i + 4]:
        if b.kind == "table" or not _LABEL_LINE.match(b.text.strip()):
            return
        _label_block(ctx, b, actions)


def _label_block(ctx: EntityContext, b, actions: list) -> None:
    """Apply one line of labels ('Lead: Daniel Osei, Head of ICT Due: 31 August 2025 Status: Complete.',
    'Lead: Head of Protection | Due: Q3 2026/27') to the actions."""
    m = _LABEL_LINE.match(b.text.strip())
    text = " ".join(b.text.split())
    parts = [m] + [x for x in _INLINE_LABEL.finditer(text) if x.start() > m.end("label")]
    for k, x in enumerate(parts):
        start = x.end() if k else m.start("value")
        end = parts[k + 1].start() if k + 1 < len(parts) else len(text)
        label, value = x.group("label").lower(), text[start:end].strip().rstrip(".;|").strip()
        if not value:
            continue
        for a in actions:
            _apply_label(a, label, value, Prov(b.page, b.full_text, a.prov.locator + "/" + label.split()[0]), ctx)
    ctx.consumed.add(b.full_text)


# an outcome that says what was decided: "The Executive agreed that ...", "It was agreed to ...", "decided that ..."
_SAYS_WHAT = re.compile(r"(?i)\b(?:agreed|decided|resolved|approved|endorsed|noted)\s+(?:that|to|the|a|an|its|their|on)\b|"
                        r"\b(?:was|were|be)\s+(?:agreed|approved|adopted|accepted|endorsed|noted|ratified)\b(?!\s*\.?$)")


def inline_parts(ctx: EntityContext) -> None:
    """A resolution that lists its parts inline ("RESOLVED: that (i) the draft budget be approved for
    publication; and (ii) the precept be set on 12 January") is one decision per part, as when the
    parts are printed on lines of their own."""
    out: list[Recommendation] = []
    first_part: dict[int, Recommendation] = {}
    for r in ctx.recs:
        m = _INLINE_FIRST.match(r.text) if r.kind == "decision" or r.text.startswith("(") else None
        m = m or _STEM_FIRST.match(r.text)
        if m and m.groupdict().get("stem") and _ONE_POINTS_DETAIL.search(m.group("stem")):
            m = None   # "To do this, the provider must, at a minimum: a) ...; b) ...": the means of one requirement
        parts = inline_items(r.text[m.end():], m.group("n")) if m else []
        if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
            out.append(r)
            continue
        stem = m.groupdict().get("stem")
        code = _CODE_FIRST.match(stem or "")
        base = r.ref or (code.group(1) if code else None)   # "TC3 That the Council: (a) ...": parts TC3(a), TC3(b)
        stem = stem[code.end():] if code else stem
        for k, part in enumerate(parts[:len(INLINE_MARKERS[m.group("n")])]):
            mark = INLINE_MARKERS[m.group("n")][k]
            ref = f"{base}({mark})" if stem and base else f"({mark})"
            rec = Recommendation(kind=r.kind, text=part, ref=ref, source_body=r.source_body,
                                 section_ref=base if stem and base else None,
                                 prov=Prov(r.prov.page, r.prov.source_text, f"{r.prov.locator}/({mark})", r.prov.table))
            if k == 0:
                # what the row or paragraph gives the recommendation as a whole goes with its first part
                rec.owners, rec.timescales, rec.actions, rec.metrics = r.owners, r.timescales, r.actions, r.metrics
                rec.owner_texts, rec.timescale_texts, rec.covered = r.owner_texts, r.timescale_texts, r.covered
                rec.rag, rec.rag_raw, rec.status_text = r.rag, r.rag_raw, r.status_text
                first_part[id(r)] = rec
            if stem and r.prov.table is None:
                # "That the Cabinet: (a) trains ...; and (b) sets up ...": each part addressed to whom the stem names
                rec.owners.extend(addressed_owners(f"{stem} {part}", ctx.meta.get("committee"), rec.prov.at("/owner:stem")))
            out.append(rec)
    ctx.recs[:] = out
    if first_part:
        ctx.table_metrics[:] = [(first_part.get(id(parent), parent), m) for parent, m in ctx.table_metrics]


# "(a) ...; (b) ...", "that (i) ...", "that the Committee (i) notes ...; and (ii) agrees ..." (the meeting named
# before its first part)
_INLINE_FIRST = re.compile(r"^(?:[Tt]hat\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,6}|(?=\())\((?P<n>i|a)\)\s+")
# a stem ending in a colon before the first part: "That the Cabinet: (a) trains ...; and (b) ..."
_CODE_FIRST = re.compile(r"([A-Z]{1,4}\s?\d{1,3}|\d{1,3})\.?\s+(?=[A-Z])")
_ONE_POINTS_DETAIL = re.compile(r"(?i)\b(?:at\s+a\s+minimum|as\s+a\s+minimum|including|such\s+as|for\s+example)\s*$")
_STEM_FIRST = re.compile(r"^(?P<stem>(?:\S+\s+){0,39}?\S+):\s*\(?(?P<n>i|a)\)\s+")


def minute_decisions(ctx: EntityContext) -> None:
    """The outcomes each minute records ('Approved and signed as correct',
    'It was agreed that ...', 'The Executive agreed that ...'). Beside formal
    resolutions (RESOLVED / recommendations found by the decisions pass),
    only those that say what was decided, and not from the resolutions' own
    blocks or a minutes table's cells (session 23; tried in session 20 without
    those limits: blind +1 and +1 false)."""
    if not minutes.is_minutes(ctx.doc, ctx.meta.get("title")):
        return
    # beside formal resolutions, the outcomes a minute's discussion records ("The Executive agreed that ...");
    # not the resolutions' own blocks, nor a minutes table's cells
    formal = {r.prov.source_text for r in ctx.recs if r.kind == "decision"}
    ref = None   # the minute a block belongs to: the last number printed
    before = None
    listing = False   # reading the items under an "AGREED:" line
    body_list = False   # reading the bullets under "The Board:"
    tindex = -1
    for i, b in enumerate(ctx.doc.blocks):
        if b.kind == "table":
            before = None
            if b.table is not None:
                tindex += 1
                if not formal:
                    _decisions_in_cells(ctx, tindex, b.table)
            continue
        ref = minutes.minute_ref(b.numbering, b.text) or ref
        before, text_before = b.text, before
        if b.full_text in ctx.consumed or b.full_text in formal or (formal and RESOLVED.match(b.text.strip())):
            continue
        t = " ".join(b.text.split())
        num, item_text = (b.numbering, t) if b.numbering else split_numbering(t)
        if listing and num and num != "•" and item_text:
            # an item of the decision list under "AGREED:" ("(i) to allocate £45,000 to ...")
            ctx.recs.append(Recommendation(kind="decision", text=item_text, ref=f"({num.strip('().')})",
                                           prov=Prov(b.page, b.full_text, f"block:{i}")))
            continue
        if body_list and b.kind == "list_item" and _DECIDED_ITEM.match(item_text or t):
            # "The Board:" / "• NOTED the update ...;" / "• APPROVED the terms of reference; and": each item a decision
            ctx.recs.append(Recommendation(kind="decision", text=(item_text or t).rstrip(";").removesuffix("; and").strip(),
                                           ref=None, prov=Prov(b.page, b.full_text, f"block:{i}")))
            ctx.by_sentence.add(b.full_text)
            continue
        body_list = bool(_BODY_LEAD.fullmatch(t))
        listing = bool(_DECISION_LIST.fullmatch(t))
        if listing or body_list:
            continue
        if (items := minutes.decision_items(t)) is not None:
            for k, (iref, text) in enumerate(items):
                ctx.recs.append(Recommendation(kind="decision", text=text, ref=iref,
                                               prov=Prov(b.page, b.full_text, f"block:{i}/item:{k}")))
            ctx.by_sentence.add(b.full_text)
            continue
        for k, text in enumerate(minutes.decision_sentences(b.text, text_before)):
            if formal and not _SAYS_WHAT.search(text):
                continue   # beside resolutions, only an outcome that says what ("agreed that ..."), not "Motion carried."
            loc = f"block:{i}" + (f"/sentence:{k}" if k else "")
            ctx.recs.append(Recommendation(kind="decision", text=text, ref=ref, prov=Prov(b.page, b.full_text, loc)))
            ctx.by_sentence.add(b.full_text)


# the meeting named over the bullets of what it did: "The Board:", "The Committee:", "Members:"
_BODY_LEAD = re.compile(r"(?i)(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:board|committee|sub-committee|cabinet|council|partnership|panel|"
                        r"executive|forum|group|members)\s*:")
# what a minute's bullet says the meeting did, its first word: "NOTED ...", "approved ...", "Agreed to ..."
_DECIDED_ITEM = re.compile(r"(?i)(?:noted|approved|agreed|endorsed|resolved|received|supported|requested|asked|delegated|ratified|"
                           r"adopted|deferred|accepted|confirmed|welcomed|recommended|authorised|instructed|nominated|appointed|"
                           r"commissioned)\b")


def decision_columns(ctx: EntityContext) -> None:
    """Minutes set out as a table with a column for what the meeting decided
    ("Item | Discussion | Decision | Action", "No. | Minute | Outcome"): each
    filled cell of that column is the row's decision, or one decision per
    bullet, number or letter when it lists several ("The Board: - noted ...
    - approved ..."). The row's ref column numbers them. A cell saying there
    was none ("None", "N/A", "-") gives nothing."""
    if not minutes.is_minutes(ctx.doc, ctx.meta.get("title")):
        return
    names = None
    for tindex, table in ctx.doc.tables():
        own, top = table.header, table.header_rows
        if not top and len(table.rows) > 1 and all(len(c.text.split()) <= 6 for c in table.rows[0]):
            own, top = [c.text for c in table.rows[0]], 1   # column names in plain type
        if own and any(DECISION_COLUMN.match(" ".join(h.split())) for h in own):
            names, body = own, table.rows[top:]
        elif names is not None and table.n_cols == len(names) and not table.header_rows:
            body = table.rows   # the same table carried over a page without its header
        else:
            names = None
            _labelled_decisions(ctx, tindex, table)
            continue
        col = next(c for c, h in enumerate(names) if DECISION_COLUMN.match(" ".join(h.split())))
        refc = next((c for c, h in enumerate(names) if c != col and column_role(h) == "ref"), None)
        for r, row in enumerate(body, start=len(table.rows) - len(body)):
            if col >= len(row) or _merged_copy(table, r, col):
                continue   # (a cell merged down from the row above, or across from the minute's text)
            ref = _row_ref(row[refc].text) if refc is not None and refc < len(row) else None
            for k, text in enumerate(minutes.cell_decisions(row[col].text)):
                ctx.recs.append(_cell_decision(table, tindex, r, col, k, text, ref, "item"))


def _labelled_decisions(ctx: EntityContext, tindex: int, table) -> None:
    """A minute set out as a label | text table ("Item | 5. Winter plan",
    "Discussion | ...", "Decision | ...", "Action | ..."): the text beside
    the Decision / Outcome label is the minute's decision."""
    ref = None
    for r, row in enumerate(table.rows):
        if len(row) < 2:
            continue
        label = " ".join(row[0].text.split()).rstrip(":")
        if column_role(label) == "ref" and ref is None:
            ref = _row_ref(row[1].text)
        if len(label.split()) > 4 or not DECISION_COLUMN.match(label):
            continue
        c = next((c for c, cell in enumerate(row) if c and cell.text.strip()), None)
        for k, text in enumerate(minutes.cell_decisions(row[c].text) if c is not None else []):
            ctx.recs.append(_cell_decision(table, tindex, r, c, k, text, ref, "item", locator_col=1))


def _cell_decision(table, tindex: int, r: int, c: int, k: int, text: str, ref: Optional[str], part: str,
                   locator_col: Optional[int] = None) -> Recommendation:
    """The k-th decision read from the cell at row r, column c of a minutes table."""
    cell = table.rows[r][c]
    loc = f"table:{tindex}/row:{r}/col:{c if locator_col is None else locator_col}" + (f"/{part}:{k}" if k else "")
    return Recommendation(kind="decision", text=text, ref=ref, prov=Prov(table.page_of(cell), cell.text, loc, tindex))


def _merged_copy(table, r: int, c: int) -> bool:
    """Is the cell at row r, column c the copy of one read already: the cell
    to its left repeated (merged across), or merged down from the row above?"""
    row, cell = table.rows[r], table.rows[r][c]
    return bool(c and row[c - 1].text == cell.text or
                cell.spanned and r and c < len(table.rows[r - 1]) and table.rows[r - 1][c].text == cell.text)


def _row_ref(text: str) -> Optional[str]:
    """The number in a minutes table's item cell: "3", "3.", "15/26", "2. Minutes of ..." (not its title)."""
    t = " ".join(text.split())
    num, _ = split_numbering(t)
    if num and num != "•":
        return num.strip("().") or None
    return t.rstrip(".") if t and len(t) <= 8 and " " not in t else None


def _decisions_in_cells(ctx: EntityContext, tindex: int, table) -> None:
    """Minutes set out as a table ("Item | Notes | Action"): the decisions
    each minute's text records ("RESOLVED: That ...", "The Partnership
    AGREED to ..."), read as in prose from the cells of its columns of
    minute text (not of the actions, who, when or progress)."""
    names = table.header or ([c.text for c in table.rows[0]] if table.rows else [])
    roles = [column_role(" ".join(h.split())) for h in names]
    # a column of "Decisions and actions" holds both: its decisions are read with the minute text
    roles = [None if r == "action" and re.search(rf"(?i)\b{minutes.DECISION_LABEL}\b", h) else r
             for r, h in zip(roles, names)]
    refc = next((c for c, r in enumerate(roles) if r == "ref"), None)
    first = table.header_rows or (1 if any(roles) else 0)
    for r in range(first, len(table.rows)):
        row = table.rows[r]
        ref = _row_ref(row[refc].text) if refc is not None and refc < len(row) else None
        for c, cell in enumerate(row):
            if c == refc or (c < len(roles) and roles[c] is not None) or len(cell.text.split()) < 4 or \
                    _merged_copy(table, r, c):
                continue   # (a cell merged across columns or down from the row above is read once)
            for k, (iref, text) in enumerate(minutes.text_decisions(cell.text)):
                ctx.recs.append(_cell_decision(table, tindex, r, c, k, text, iref or ref, "sentence"))


# a decision list's label on a line of its own: "AGREED:", "RESOLVED:", "The Partnership AGREED:", "Decisions:"
_DECISION_LIST = re.compile(rf"(?i)(?:the\s+\w+\s+)?{minutes.DECISION_LABEL}(?:\s+(?:that|to))?\s*[:\-–]")


def loose_actions(ctx: EntityContext) -> None:
    """Prose actions not tied to a recommendation (not again one a minute's
    sentence already gave: an 'Actions' list of '<who> to <do>' items)."""
    have = {(a.prov.source_text, a.text) for a in ctx.loose_actions}
    said: dict[str, list[str]] = {}   # the sentences a minute's paragraph already gave as actions
    for a in ctx.loose_actions:
        said.setdefault(a.prov.source_text, []).append(a.text)
    leads = _section_leads(ctx.doc)
    at = {b.full_text: i for i, b in enumerate(ctx.doc.blocks) if b.kind != "table"}
    for a in loose_narrative_actions(ctx.doc, ctx.consumed | ctx.not_actions):
        if (a.prov.source_text, a.text) in have or any(x and a.text.startswith(x) for x in said.get(a.prov.source_text, ())):
            continue   # (the whole paragraph again, after its first sentence was read as a minute's action)
        ctx.consumed.add(a.prov.source_text)
        for label, value, prov in a.labels:   # (its bracket: "(Owner: Head of People – Sonia Whitlam; by April 2027)")
            _apply_label(a, label, value, prov, ctx)
        a.labels = []
        _inline_labels(a, ctx)
        i = at.get(a.prov.source_text)
        for b in ctx.doc.blocks[i + 1:i + 6] if i is not None else []:
            # the step's own labelled lines under it ("Owner: ...", "Timescale: ...", "RAG: Amber")
            if b.kind == "table" or b.full_text in ctx.consumed or not _LABEL_LINE.match(b.text.strip()):
                break
            _label_block(ctx, b, [a])
        if not a.owners:
            who_when_at_end(a, ctx.glossary, ctx.anchor)   # "... – Head of Finance – 31 March 2027"
        if not a.owners:
            _owner_after_dash(a, ctx)   # "... (by 11 December 2026) – Principal Social Worker"
        if not a.owners:
            # who the step names as its subject, else in brackets at its end ("... by 30 September (ICT Manager).")
            a.owners.extend(Owner(role=role, person=person, kind="responsible", raw=raw,
                                  prov=a.prov.at(f"/owner:{j}" if j else "/owner"))
                            for j, (role, person, raw) in enumerate(said_owners(a.text) or _bracketed_owner(a.text, ctx)))
        if a.prov.source_text in leads:
            # the section's lead ("Senior responsible officer: ..." under a workstream's heading) owns
            # each step listed in it, beside any the step names itself
            k, b, who = leads[a.prov.source_text]
            have_owners = {(o.role, o.person) for o in a.owners}
            a.owners.extend(Owner(role=role, person=person, kind="lead", raw=raw,
                                  prov=Prov(b.page, b.full_text, f"{a.prov.locator}/lead:block:{k}" + (f"#{j}" if j else "")))
                            for j, (role, person, raw) in enumerate(split_owners(who, ctx.glossary))
                            if (role, person) not in have_owners)
        add_due_dates(a, ctx.anchor)
        a.metrics.extend(metrics_from_text(a.text, a.prov))
        ctx.loose_actions.append(a)


# a section's lead printed under its heading: "Senior responsible officer: Assistant Director, Early Help, Kate Ambrose",
# "SRO: Director of Place", "Workstream lead: Head of HR"
_SECTION_LEAD = re.compile(r"(?i)^(?:senior\s+responsible\s+(?:officer|owner)|sro|(?:workstream|theme|priority|programme|project)\s+lead|"
                           r"lead\s+officer|accountable\s+officer)\s*[:\-–]\s*(?P<who>\S.{2,150})$")


def _section_leads(doc: Document) -> dict[str, tuple[int, Block, str]]:
    """The text of each block under a heading whose section names its lead in
    a line right under the heading -> (that line's index, the line, who it names)."""
    out: dict[str, tuple[int, Block, str]] = {}
    active: list[tuple[int, int, Block, str]] = []   # (heading level, line index, line, who) from the outermost in
    prev_heading: Optional[Block] = None
    for i, b in enumerate(doc.blocks):
        if b.kind == "heading":
            active = [x for x in active if x[0] < b.level]
            prev_heading = b
            continue
        if prev_heading is not None and b.kind == "paragraph" and (m := _SECTION_LEAD.match(b.text.strip())):
            active.append((prev_heading.level, i, b, m.group("who")))
        elif active and b.kind != "table":
            out[b.full_text] = active[-1][1:]
        prev_heading = None
    return out


def labelled_cell_actions(ctx: EntityContext) -> None:
    """An action written into a cell of a table no plan reader took, under
    its label: a KPI scorecard's commentary row "Commentary: ... Action to
    improve: Run the events programme. Owner: Town Centre Manager – Lucy
    Fairbairn. By: 31 December 2026." The step runs from the label to the
    cell's end; its labels, brackets or dashes say who and when."""
    if minutes.is_minutes(ctx.doc, ctx.meta.get("title")):
        return   # (minutes tables are read line by line in minute_actions)
    for tindex, table in ctx.doc.tables():
        if tindex in ctx.plan_tables or tindex in ctx.listed_tables:
            continue
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                if cell.spanned or (c and cell.text == row[c - 1].text):
                    continue
                text = " ".join(cell.text.split())
                m = _CELL_ACTION_LABEL.search(text)
                steps = [text[m.end():].strip()] if m and len(text[m.end():].split()) >= 3 else []
                if not steps and c == 1 and _ACTIONS_ROW_LABEL.match(" ".join(row[0].text.split())):
                    # a label | text box: "What are we doing about it? | 1. Fill the two posts ... (Lead: ...) 2. ..."
                    unbracketed = _BRACKETED_LABELS.sub(r" \1", cell.text)
                    boxed = " ".join(unbracketed.split())
                    bullets = [" ".join(x.split()) for x in _BULLET_SPLIT.split(unbracketed)]
                    bullets = [x for x in bullets if len(x.split()) >= 3]
                    # one step a number or a bullet, its labels with it
                    steps = numbered_parts(boxed) or (bullets if len(bullets) > 1 else [boxed])
                page = table.page_of(cell)
                for k, step in enumerate(s for s in steps if s.strip()):   # (not the empty cell beside a nested header)
                    a = Action(text=step, prov=Prov(page, cell.text, f"table:{tindex}/row:{r}/col:{c}/action" + (f":{k}" if k else ""),
                                                    tindex))
                    _inline_labels(a, ctx)
                    if not a.owners:
                        who_when_at_end(a, ctx.glossary, ctx.anchor)
                    _dashed_labels(a, ctx)
                    add_due_dates(a, ctx.anchor)
                    a.metrics.extend(metrics_from_text(a.text, a.prov))
                    ctx.loose_actions.append(a)


_BULLET_SPLIT = re.compile(r"(?:^|\s)[•▪◦●■➢►]\s*")
# a box's row label over the steps taken: "What are we doing about it?", "Actions to improve", "Recovery actions"
_ACTIONS_ROW_LABEL = re.compile(r"(?i)^(?:what\s+(?:are|is)\s+(?:we|being|the\s+council)\s+(?:doing|done)(?:\s+(?:about|to\s+improve)\s+(?:it|this))?|"
                                r"what\s+(?:will|are)\s+we\s+(?:do|doing|going\s+to\s+do)(?:\s+next)?|"
                                r"(?:improvement|recovery|remedial|corrective|further|planned)\s+actions?|actions?(?:\s+(?:to\s+improve|"
                                r"planned|being\s+taken|required))?|next\s+steps)\s*[?:]?$")
# "(Lead: Head of Planning – Gwen Tallis. Target date: 31 January 2027.)": labels in brackets after a step
# (a bracket of the post's own inside: "(Lead: Area Manager (Protection) – Kieran Walsh)")
_BRACKETED_LABELS = re.compile(r"\((\s*(?:Lead|Owner|Responsible|Target\s+date|Due|Deadline|By)\s*:(?:[^()]|\([^()]*\))*)\)")


# the label an action is written under in a table's commentary: "Action to improve:", "Improvement action:",
# "Actions planned:", "Next steps:", "Remedial action:"
_CELL_ACTION_LABEL = re.compile(r"(?:^|(?<=[.:;)]\s)|(?<=\n))(?:actions?\s+to\s+(?:improve|address|recover)(?:\s+\w+)?|"
                                r"(?:improvement|remedial|recovery|corrective|further|planned|next)\s+actions?|"
                                r"actions?\s+(?:planned|being\s+taken|required)|next\s+steps?)\s*:\s*", re.I)


def _dashed_labels(a: Action, ctx: EntityContext) -> None:
    """'<step> – Lead: Revenues Manager (Claire Dunphy) – Due: ongoing from October 2026': labels after dashes."""
    parts = re.split(r"\s+[–—-]\s+(?=(?:Lead|Owner|Due|By|Deadline|Target\s+date)\s*:)", a.text)
    if len(parts) < 2:
        return
    a.text = parts[0].rstrip(" .;")
    for part in parts[1:]:
        lm = _LABEL_LINE.match(part.strip())
        if lm:
            _apply_label(a, lm.group("label"), lm.group("value").strip().rstrip(".;"), a.prov.at("/" + lm.group("label").split()[0].lower()), ctx)


def restated_actions(ctx: EntityContext) -> None:
    """Minutes that end with a summary of their actions ("Summary of actions:
    No. | Action | Who | When") print each action twice: in the minute's
    prose and as the table's row. One row, the table's (it says who and when
    in their own columns): a prose action whose words hold a table action's
    is dropped."""
    rows = [a for a in ctx.loose_actions if a.prov.table is not None] + \
           [a for r in ctx.recs for a in r.actions if a.prov.table is not None]
    if not rows or not any(a.prov.table is None for a in ctx.loose_actions) or \
            not minutes.is_minutes(ctx.doc, ctx.meta.get("title")):
        return   # (a report's plan table and its "next steps" paragraphs are each the paper's actions)
    said = [(a, tokens(a.text) - _GRAMMAR_WORDS) for a in rows]
    said = [(a, t) for a, t in said if len(t) >= 3]

    def restated(prose: Action) -> bool:
        # most of the row's words; or some of them and the same due date ("Members were asked to send
        # comments ... by 25 July" / "Send comments on the draft data-sharing agreement template | 25 July")
        words = tokens(prose.text)
        due = {t.due_date for t in prose.timescales if t.due_date}
        return any(len(words) <= 4 * len(t) and (len(t & words) >= 0.8 * len(t) or
                                                 (len(t & words) >= 0.3 * len(t) and due & {x.due_date for x in a.timescales}))
                   for a, t in said)
    ctx.loose_actions[:] = [a for a in ctx.loose_actions if a.prov.table is not None or not restated(a)]


# (not _FUNCTION_WORDS above, _stems' list: a second module-level set of that name replaced it for _stems too)
_GRAMMAR_WORDS = frozenset("the a an and or of to for in on at by with from into as be is are was were will would "
                            "this that these those it its their our all any".split())


def said_owners(text: str) -> list[tuple[Optional[str], Optional[str], str]]:
    """Who an action's own sentences say will act: '<who> to <do>' or an
    undertaking ('The Cabinet Office Transparency Team will consider ...',
    'Andrew Stott will join ...'), from the first sentence that names one."""
    said = minutes.sentences(text)
    for k, s in enumerate(said):
        # (after a fronted date: "By the end of September 2027 the Head of People, Deborah Rowse, will ...")
        s = _FRONTED_WHEN.sub("", s)
        if subject_owner(s):
            found = subject_owners(s)
        elif (got := minutes.undertaking(s)) is not None:
            found = minutes.owners_of(got[1], " ".join(said[:k]))
        else:
            continue
        if found:
            return found
    for s in said:
        # "Progress ... will be reported by the Chief Fire Officer to every meeting": the passive's agent
        if (m := PASSIVE_AGENT.search(s)):
            who = m.group("who").strip(" ,")
            return split_owners(re.sub(r"^the\s+", "", who) if POST_NOUN.search(who) else who)
    return []


_FRONTED_WHEN = re.compile(r"^(?:By|Before|From|In|During|Over)\s+(?:the\s+)?[^,]{3,40}?(?:,\s*|\s+)(?=[Tt]he\s+[A-Z])")


# a contents page's entries: "Executive summary 2", "Hospital admissions 3 Mortality 4"
_CONTENTS_HEADING = re.compile(r"^(?:table\s+of\s+)?contents?$", re.I)
_CONTENTS_ENTRIES = re.compile(r"^(?:(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[^\d\n]{3,90}?\s(?:\.\s?)*\d{1,3}\s*)+$")


# the apparatus of a report, whose numbers are not its findings: references and sources, glossaries,
# definitions of its measures, abbreviations
_APPARATUS_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|(?:appendix|annex)(?:\s+[a-z0-9]{1,3})?\s*[:.\-–]?\s*)?"
                                r"(?:references?|bibliography|sources?(?:\s+and\s+references)?|"
                                r"notes\s+and\s+references|references\s+and\s+notes|further\s+reading|"
                                r"glossary(?:\s+of\s+terms)?(?:\s+(?:and|&)\s+definitions)?|definitions\s+(?:and|&)\s+glossary|"
                                r"(?:data\s+|indicator\s+)?definitions?(?:\s+and\s+sources)?|"
                                r"technical\s+(?:notes?|appendix|annex)|abbreviations(?:\s+and\s+acronyms)?|acronyms)$", re.I)
# a reference-list entry: "[2] Hawton K, Saunders KEA (2012). Self-harm ...", "5 Cole TJ, Freeman JV (1995). ..."
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.?)?\s*[A-Z][A-Za-z’'-]+(?:,?\s+[A-Z]{1,3}\b|,\s+[A-Z][a-z]+)"
                              r"[^.]{0,160}?\((?:19|20)\d{2}[a-z]?\)\s*[.,:]")


def apparatus(doc: Document) -> set[int]:
    """Indexes of the blocks in a report's references, glossary, definitions
    or abbreviations (to the next heading of the same or a higher level), and
    of reference entries anywhere."""
    out: set[int] = set()
    level: Optional[int] = None
    for i, b in enumerate(doc.blocks):
        t = " ".join(b.text.split()) if b.kind != "table" else ""
        heading = b.kind == "heading" or (t and len(t.split()) <= 5 and not t.endswith("."))
        if heading and _APPARATUS_HEADING.match(t):
            level = b.level or 1
            continue
        if level is not None and b.kind == "heading" and (b.level or 1) <= level:
            level = None
        if level is not None or (t and _REFERENCE_ENTRY.match(t)):
            out.add(i)
    return out


def loose_metrics(ctx: EntityContext) -> None:
    """Every other prose block: numbers without a parent (not a contents
    page's page numbers, nor a report's references, glossary or definitions)."""
    in_contents = False
    skip = apparatus(ctx.doc)
    in_chart = charts(ctx.doc)
    for i, b in enumerate(ctx.doc.blocks):
        if b.kind == "table" or not b.text.strip() or i in skip:
            in_contents = False
            continue
        t = " ".join(b.text.split())
        if _CONTENTS_HEADING.match(t) or (in_contents and _CONTENTS_ENTRIES.match(t)):
            in_contents = True
            continue
        in_contents = False
        loc = f"block:{i}" + (f"/{b.numbering}" if b.numbering and b.numbering != "•" else "")
        if b.full_text in ctx.consumed:
            if b.full_text in ctx.by_sentence:
                # a minute read sentence by sentence: the numbers of the sentences no decision or action took
                # ("KO reported 312 reports of anti-social behaviour ... The Partnership endorsed the proposal ...")
                claimed = " ".join(x.text for x in _owned_items(ctx) if x.prov.source_text == b.full_text)
                for k, sent in enumerate(minutes.sentences(b.text)):
                    if k == 0:   # "2572. ...": the minute's own number
                        sent = "" if re.fullmatch(r"\s*\d{1,5}(?:/\d{2})?\.?\s*", sent) else minutes.MINUTE_NUMBER.sub("", sent)
                    said = (m.group("rest") if (m := RESOLVED.match(sent.strip())) else sent).strip()   # (its label)
                    if said and said not in claimed:
                        ctx.loose_metrics.extend(metrics_from_text(sent, Prov(b.page, b.full_text, f"{loc}/sentence:{k}")))
            continue
        found = metrics_from_text(b.text, Prov(b.page, b.full_text, loc))
        if i in in_chart:
            found = data_labels(found, in_chart[i])
        ctx.loose_metrics.extend(found)


def initialled_owners(ctx: EntityContext) -> None:
    """An owner printed as initials ("TR") whom the attendance list names
    ("Present: ... Tom Reid") is that person."""
    items = _owned_items(ctx)
    if not any(o.person is None and o.role for item in items for o in item.owners):
        return   # no owner a name could complete: the paper's key need not be read
    names, held = minutes.attendance(ctx.doc)
    keyed, roles = minutes.key_to_initials(ctx.doc)
    names, roles = {**minutes.named_in_text(ctx.doc), **names, **keyed}, {**minutes.posts_held(ctx.doc), **held, **roles}
    printed = _posts_with_holders(items)
    # a holder the owners print with the post keeps their printed form ("Cllr Priya Desai", not a key's "Priya Desai")
    roles = {**printed, **{k: printed[k] if k in printed and
                           minutes.without_title(printed[k]) == minutes.without_title(v) else v for k, v in roles.items()}}
    if not names and not roles:
        return
    # the posts compared as words: case, "&" for "and", "the" before them and spacing aside (one holder each)
    keyed_loosely: dict[str, dict[str, str]] = {}
    for post, holder in roles.items():
        keyed_loosely.setdefault(_post_key(post), {})[minutes.without_title(holder)] = holder
    loose = {k: next(iter(v.values())) for k, v in keyed_loosely.items() if k and len(v) == 1}
    for item in items:
        split: list[Owner] = []
        for o in item.owners:
            tokens = re.split(r"\s*(?:/|,|&|\band\b)\s*", o.role or "") if o.person is None else []
            if len(tokens) > 1 and any(t in names for t in tokens) and \
                    all(t in names or (len(t.split()) >= 2 and is_post(t)) for t in tokens):
                # "MQ / JT" where the key names both: two people; "AM and LSCP Business Manager": a person and a post
                split.extend(Owner(role=None, person=names[t], kind=o.kind, raw=o.raw, prov=o.prov.at(f"/{k}")) if t in names
                             else Owner(role=t, person=None, kind=o.kind, raw=o.raw, prov=o.prov.at(f"/{k}"))
                             for k, t in enumerate(tokens))
                continue
            split.append(o)
        item.owners[:] = split
        for o in item.owners:
            if o.person is None and o.role and o.role in names:
                o.role, o.person = None, names[o.role]
            elif o.person is None and (code := _initials_in(o.raw or "", names)):
                # "JB (Head of Housing)", "Head of Housing (JB)", "Head of Housing – JB", "ICB (AS)",
                # "PG Head of Commissioning (Adults)"
                o.person = names[code]
                if o.role:   # the post without the initials that named its holder
                    post = re.sub(rf"^\s*{code}\s*\(|^\s*{code}\s+(?=[A-Z])|\s*\({code}\)\s*$|\s*[–—-]\s*{code}\s*$", "",
                                  o.role).strip()
                    if post.count("(") != post.count(")"):
                        post = post.strip("()")   # "JB (Head of Housing)" less "JB (": the post's bracket closing
                    o.role = post.strip() or None
            elif o.person is None and o.role and o.role in roles:
                o.person = roles[o.role]   # "DPH", "Board Business Manager": the key names who holds it
            elif o.person is None and o.role and (bare := re.sub(r"(?i)^the\s+", "", o.role)) in roles:
                o.role, o.person = bare, roles[bare]   # "the Director of People": the paper names its holder elsewhere
            elif o.person is None and o.role and (held := loose.get(_post_key(o.role))):
                o.person = held   # "Head of Finance & Procurement" where the paper names "Head of Finance and Procurement"
            elif o.role is None and o.person in roles and o.person == (o.raw or "").strip():
                o.role, o.person = o.person, roles[o.person]   # "Des Nurse": read as a name, the key's post


def _posts_with_holders(items: list) -> dict[str, str]:
    """Post -> holder, where an owner elsewhere in the paper prints the post
    with its one holder ("Director of People – Helen Achebe" in one row,
    "Director of People" alone in another)."""
    seen: dict[str, set[str]] = {}
    for item in items:
        for o in item.owners:
            if o.role and o.person and len(o.role.split()) >= 2:
                seen.setdefault(o.role, set()).add(o.person)
    return {role: next(iter(people)) for role, people in seen.items() if len(people) == 1}


def _initials_in(raw: str, names: dict) -> Optional[str]:
    """The initials an owner's words print before or after its post or body
    ("JB (Head of Housing)", "Head of Housing (JB)", "Head of Housing – JB",
    "ICB (AS)", "PG Head of Commissioning (Adults)") that the paper's lists
    name, else None."""
    lead = re.match(r"([A-Z]{2,4})\s*\(", raw) or re.match(r"([A-Z]{2,4})\s+(?=[A-Z][a-z]+\s+(?:of|for)\s)", raw)
    tail = re.search(r"(?:\(([A-Z][A-Za-z]{1,3})\)|\s[–—-]\s*([A-Z]{2,4}))\s*$", raw)
    for code in (lead.group(1) if lead else None, *(tail.groups() if tail else ())):
        if code and code in names:
            return code
    return None


def meeting_deadlines(ctx: EntityContext) -> None:
    """A deadline printed as a meeting ("Dec 2024 meeting", "the next
    meeting") is that meeting's day when the paper names it (meetings.py).
    In minutes, a deadline printed without a year that the meeting's year
    would put before the meeting ("31 Jan", "February" agreed in November) is
    the next year's: what a meeting asks for is still to come."""
    held = ctx.meta.get("meeting_date")
    if isinstance(held, date) and minutes.is_minutes(ctx.doc, ctx.meta.get("title")):
        for item in _owned_items(ctx):
            for t in item.timescales:
                if t.due_date and t.due_date < held - timedelta(days=7) and t.due_date.year == held.year \
                        and not _PRINTED_YEAR.search(t.raw or ""):
                    try:
                        t.due_date = t.due_date.replace(year=held.year + 1)
                    except ValueError:   # 29 February
                        t.due_date = t.due_date.replace(year=held.year + 1, day=28)
    scheduled = schedule_days(ctx.doc, held)
    days, nxt = meeting_days(ctx.doc, held, scheduled)
    if not days and nxt is None:
        return
    items = _owned_items(ctx) + list(ctx.responses)
    _next_after_raised(ctx, [t for item in items for t in item.timescales], scheduled,
                       held if isinstance(held, date) else None)
    pin_to_meetings((t for item in items for t in item.timescales), days, nxt)


def _next_after_raised(ctx: EntityContext, timescales: list, scheduled: list[date], held: Optional[date]) -> None:
    """A log's "Next meeting" is the first meeting after the one that raised
    the action, when its row says when that was ("Date raised | ... | Due
    date": 14/07/26 | ... | Next meeting). The meetings are those the paper
    names: its schedule of meetings, its own meeting's day and the days its
    rows were raised at (a log lists actions from each meeting it has held).
    A row's deadline printed without a year is read after its raised day
    first (`_yearless_after_raised`)."""
    tables = dict(ctx.doc.tables())
    # the day each row was raised: the days of the meetings the log's rows came from
    raised = {id(t): d for t in timescales if (d := _raised(tables, t, ctx)) is not None}
    _yearless_after_raised(timescales, raised)
    due_next = [t for t in timescales if t.due_date is None and _NEXT_MEETING_DUE.search(t.raw or "")]
    if not due_next or not (scheduled or held):
        return
    days = sorted(set(scheduled) | ({held} if held else set()) | set(raised.values()))
    for t in due_next:
        r = raised.get(id(t))
        later = [d for d in days if r is not None and d > r]
        if later:
            t.due_date, t.precision = min(later), "day"


def _yearless_after_raised(timescales: list, raised: dict) -> None:
    """A log row's deadline printed without a year ("w/c 22 Sept", "End of
    Q1") is the first such day on or after the meeting that raised the row,
    not the one in the year of the meeting the log goes to."""
    for t in timescales:
        r = raised.get(id(t))
        if r is None or t.due_date is None or t.precision not in ("day", "month", "quarter") or \
                _PRINTED_YEAR.search(t.raw or "") or re.search(r"(?i)\b(?:19|20)\d\d\b", t.prov.source_text or ""):
            continue
        for y in (r.year, r.year + 1):
            try:
                d = t.due_date.replace(year=y)
            except ValueError:   # 29 February
                d = t.due_date.replace(year=y, day=28)
            if d >= r:
                t.due_date = d
                break


def _raised(tables: dict, t, ctx: EntityContext) -> Optional[date]:
    """The day in the 'Date raised' cell of the row a table timescale came from."""
    m = re.match(r"table:(\d+)/row:(\d+)/", t.prov.locator or "")
    table = tables.get(int(m.group(1))) if m else None
    if table is None:
        return None
    names = table.header or table.names
    col = next((c for c, h in enumerate(names) if _RAISED.match(" ".join(h.split()))), None)
    r = int(m.group(2))
    if col is None and r < len(table.rows):
        # no such column: the log's row of its own above, over the actions of one meeting
        # ("Matters arising from 10 June 2026", "New actions 9 September 2026")
        for k in range(r - 1, table.header_rows - 1, -1):
            text = " ".join(dict.fromkeys(c.text.strip() for c in table.rows[k] if c.text.strip()))
            if log_section(text):
                days = [p.due_date for p in parse_timescales(text, ctx.anchor) if p.precision == "day"]
                return days[0] if days else None
        return None
    if col is None or r >= len(table.rows) or col >= len(table.rows[r]):
        return None
    raised = [p.due_date for p in parse_timescales(table.rows[r][col].text, ctx.anchor) if p.precision == "day"]
    return raised[0] if raised else None


# the column of a log that dates the meeting that raised each action
_RAISED = re.compile(r"(?i)^(?:date\s+(?:raised|agreed|added|opened|logged|identified|of\s+(?:the\s+)?meeting)|"
                     r"(?:raised|agreed|added|opened|logged)(?:\s+(?:on|at))?|meeting(?:\s+date)?|date)$")
_NEXT_MEETING_DUE = re.compile(r"(?i)\bnext\s+(?:[\w’'-]+\s+)?meeting\b")


# a year as printed in a date: "2026", "26/27", "31/01/26", "Jan-26", "Sept 14", "Q4 2025/26"
_PRINTED_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b[A-Za-z]{3,9}[-\s]'?\d{2}\b|'\d{2}\b")


def answer_labels(ctx: EntityContext) -> None:
    """The lines an answer's cell gives the item it answers ("Lead:
    Assistant Director (Dawn Pryce)", "By: June 2027" under "The Cabinet
    agrees. ... Actions: ..."): that recommendation's owners and dates (the
    answer's own when no recommendation carries its ref)."""
    by_ref = _first_by_ref([r for r in ctx.recs if r.kind != "decision"])   # (not the meeting's decision 1 for "R1")
    for resp in ctx.responses:
        target = by_ref.get(bare_ref(resp.rec_ref)) if resp.rec_ref else None
        for label, value, prov in resp.labels:
            _apply_label(target or resp, label, value, prov, ctx)
        resp.labels = []


def one_owner_a_post(ctx: EntityContext) -> None:
    """An item whose rows name a post bare and with its holder ("Head of
    People & OD" in one action row, "Head of People & OD – Simon Tully" in
    the next) has one owner for it, the holder (one row per distinct person
    per recommendation, docs/labelling.md)."""
    for item in _owned_items(ctx):
        held = {_post_key(o.role) for o in item.owners if o.role and o.person}
        if held:
            item.owners[:] = [o for o in item.owners if o.person or not o.role or _post_key(o.role) not in held]


def _post_key(role: str) -> str:
    """A post as posts compare: case, "the" before it, "&" for "and", punctuation and spacing aside
    ("Assistant Chief Fire Officer (Service Delivery)" is "Assistant Chief Fire Officer, Service Delivery")."""
    return " ".join(re.sub(r"[^\w\s]", " ", bare_body(role).replace("&", " and ")).split())


def _owned_items(ctx: EntityContext) -> list:
    """Every recommendation and action found so far: what owners and timescales hang off."""
    return list(ctx.loose_actions) + [x for r in ctx.recs for x in [r, *r.actions]]


def stem_owners(ctx: EntityContext) -> None:
    """Lettered parts of a recommendation printed under its stem ("We
    recommend that the Council strengthens member oversight by:" / "a)
    establishing ..." / "b) giving ..."): each part is addressed to whom the
    stem addresses, unless it names someone itself."""
    index: dict[str, int] = {}
    for i, b in enumerate(ctx.doc.blocks):
        if b.kind != "table":
            index.setdefault(b.full_text, i)   # (the first printing: a part printed again later keeps its own stem)
    for r in ctx.recs:
        if not r.ref or not _SUB_REF.search(r.ref) or r.prov.source_text not in index or \
                any(o.prov.locator.endswith(("/owner", "/owner:stem")) for o in r.owners):
            continue
        j = index[r.prov.source_text] - 1
        while j >= 0 and ctx.doc.blocks[j].kind == "list_item" and _SUB_NUMBER.fullmatch(ctx.doc.blocks[j].numbering or ""):
            j -= 1
        stem = ctx.doc.blocks[j] if j >= 0 else None
        if stem is None or stem.kind == "table" or not stem.text.rstrip().endswith(":"):
            continue
        words = _ITEM_LABEL_PREFIX.sub("", stem.text.strip())   # "Recommendation 6: That the Cabinet:"
        named = {bare_body(o.role or "") for o in r.owners}
        r.owners.extend(o for o in addressed_owners(f"{words.rstrip(':')} {r.text}", ctx.meta.get("committee"),
                                                    r.prov.at("/owner:stem"), improvement=r.kind == "improvement")
                        if bare_body(o.role or "") not in named)


# the item's own label before a stem's words: "Recommendation 6:", "R3 -"
_ITEM_LABEL_PREFIX = re.compile(r"^(?:recommendation|rec\.?|r)\s*\d{1,3}[a-z]?\s*[:.–—-]?\s*(?:\([^()]{1,40}\)\s*[:.–—-]?\s*)?", re.I)


# a lettered or roman part's ref and numbering: "R3a", "4(b)", "a)", "(ii)"
_SUB_REF = re.compile(r"\d(?:[a-z]|\((?:[a-z]|[ivx]+)\))$")
_SUB_NUMBER = re.compile(r"\(?(?:[a-z]|[ivx]+)[.)]")


_UNREAD = object()
_OF_THE_REPORT = re.compile(r"(?i)\bof\s+(?:the\s+date\s+of\s+)?(?:the|our|its|this)\s+(?:final\s+)?report\b")
_ISSUED_ON = re.compile(r"(?i)\bfinal\s+report\b[^.]{0,60}?\b(?:was\s+)?(?:issued|published|sent|dated|received)\s+"
                        rf"(?:on\s+)?(?P<day>{DATE_RE.pattern})")


def report_issued(doc: Document) -> Optional[date]:
    """The day the paper says a final report was issued ("The Ombudsman's final
    report was issued on 12 May 2026"), else None."""
    for b in doc.blocks:
        if b.kind != "table" and (m := _ISSUED_ON.search(" ".join(b.text.split()))):
            return parse_date(m.group("day"))
    return None


# a deadline printed after an item's words under its own label: "... to suitable accommodation. Ombudsman deadline:
# 12 August 2026", "... within the policy. Agreed deadline: 30 September 2026", "... – Target date: March 2027"
_DUE_TAIL = re.compile(r"(?:(?<=[.;)])|\s[–—-])\s*(?P<label>(?:[A-Z][\w’']+\s+){0,2}(?i:deadline|target\s+date|due\s+date|"
                       r"completion\s+date|timescale))\s*:\s*(?P<when>[^:]{3,40}?)\.?$")


def labelled_due_tails(ctx: EntityContext) -> None:
    """An item whose words end with its deadline under a label ("... Ombudsman
    deadline: 12 August 2026", a plan's banner row): the deadline is the
    item's timescale and no part of its words."""
    for item in [r for r in ctx.recs if r.kind == "improvement"] + [a for r in ctx.recs for a in r.actions] + \
            ctx.loose_actions:
        m = _DUE_TAIL.search(item.text)
        if m is None or len(item.text[:m.start()].split()) < 4:
            continue
        found = parse_timescales(m.group("when"), ctx.anchor)
        if not found:
            continue
        item.text = item.text[:m.start()].rstrip(" –—-")
        for k, t in enumerate(found):
            if t.due_date is not None and any(x.due_date == t.due_date for x in item.timescales):
                continue
            t = replace(t, raw=f"{m.group('label')}: {t.raw}" if t.raw == m.group("when").strip() else t.raw)
            item.timescales.append(Timescale.from_parsed(t, item.prov.at("/due-label" + (f":{k}" if k else ""))))


def promised_once(ctx: EntityContext) -> None:
    """A response's promise that an action row already holds ("Agreed action"
    read both as the row's action and as the management response's promise):
    one action, the row's."""
    said = [" ".join(x.split()).lower() for a in [a for r in ctx.recs for a in r.actions] + ctx.loose_actions
            for x in (a.text, a.prov.source_text or "")]
    for resp in ctx.responses:
        resp.actions = [a for a in resp.actions
                        if not any(" ".join(a.text.split()).lower().rstrip(".") in s for s in said)]


def plan_owners(ctx: EntityContext) -> None:
    """A lead a plan names twice for one improvement point (by initials in
    one row, in full in another: "LlG", "Head of Procurement – Llŷr
    Gwynfor") is one owner of it, with the post where one row gives it."""
    for r in ctx.recs:
        if r.kind != "improvement":
            continue
        keep: list[Owner] = []
        for o in r.owners:
            same = next((k for k in keep if o.person and k.person == o.person), None)
            if same is None:
                keep.append(o)
            elif same.role is None:
                same.role = o.role
        r.owners[:] = keep


PASSES = (decisions, inline_parts, decision_columns, minute_decisions, improvements, inquiry_summaries, trailing_pointers, printed_twice, responses, action_tables, table_answered_recommendations,
          inline_parts,   # again: the tables' rows ("6 | That the Cabinet: (a) ...; and (b) ...")
          findings_pointing_to_recommendations, lead_ins,
          restated_recommendations, actions_by_ref, answer_labels,
          prose_details, minute_actions, labelled_cell_actions, loose_actions, restated_actions, promised_once, loose_metrics,
          labelled_due_tails,
          stem_owners,   # (before the holders are read: a stem's addressee may be a post the paper names)
          initialled_owners, one_owner_a_post, plan_owners,
          meeting_deadlines)


def extract_all(doc: Document, meta: dict) -> dict[str, list[dict]]:
    """Every entity row of one document, table name -> rows."""
    ctx = EntityContext.build(doc, meta)
    for run in PASSES:
        run(ctx)
    return to_rows(doc, ctx.recs, ctx.loose_actions, ctx.table_metrics, ctx.loose_metrics, ctx.responses)
