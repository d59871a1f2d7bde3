"""Entity items -> table rows: stable ids from doc_id + table + locator,
provenance columns, parents' ids on their children. Every row's keys are
checked against `schemas.tables.COLUMNS` (at import, from the row makers'
own key lists), so a new column is one schema entry plus one field here."""
from __future__ import annotations

import re
from typing import Optional

from extractors.entities.items import Action, Metric, Owner, Prov, Recommendation, Timescale
from extractors.entities.owners import singular_role
from extractors.entities.responses import Response
from extractors.model import Document
from extractors.numbering import bare_ref
from schemas.ids import row_id
from schemas.tables import COLUMNS, ENTITY_TABLES
# provenance columns every row gets from stages.mark_ocr (the page's OCR state)
_FILLED_LATER = {"ocr", "ocr_confidence"}


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


def _prov_cols(p: Prov, loc: str) -> dict:
    return {"page": p.page, "source_text": p.source_text, "locator": loc}


def rec_row(r: Recommendation, rid: str, did: str, loc: str) -> dict:
    return {"rec_id": rid, "doc_id": did, "kind": r.kind, "ref": r.ref, "text": r.text,
            "source_body": r.source_body, "rag": r.rag, "rag_raw": r.rag_raw,
            "status_text": r.status_text, "section_ref": r.section_ref, **_prov_cols(r.prov, loc)}


def action_row(a: Action, aid: str, did: str, rec_id: Optional[str], loc: str,
               response_id: Optional[str] = None) -> dict:
    return {"action_id": aid, "doc_id": did, "rec_id": rec_id, "response_id": response_id, "ref": a.ref, "text": a.text,
            "status_text": a.status_text, "rag": a.rag, "rag_raw": a.rag_raw,
            "evidence": a.evidence, **_prov_cols(a.prov, loc)}


def owner_row(o: Owner, oid: str, did: str, ptype: str, pid: str, loc: str) -> dict:
    return {"owner_id": oid, "doc_id": did, "parent_type": ptype, "parent_id": pid,
            "role": singular_role(o.role), "person": o.person, "owner_kind": o.kind, "raw": o.raw, **_prov_cols(o.prov, loc)}


def timescale_row(t: Timescale, tid: str, did: str, ptype: str, pid: str, loc: str) -> dict:
    return {"timescale_id": tid, "doc_id": did, "parent_type": ptype, "parent_id": pid,
            "raw": t.raw, "due_date": t.due_date, "precision": t.precision,
            "recurrence": t.recurrence, "relative": t.relative, **_prov_cols(t.prov, loc)}


def metric_row(m: Metric, mid: str, did: str, ptype: Optional[str], pid: Optional[str], loc: str) -> dict:
    return {"metric_id": mid, "doc_id": did, "parent_type": ptype, "parent_id": pid,
            "label": m.label, "value": m.value, "raw": m.raw, "unit": m.unit,
            "period": m.period, "period_end": m.period_end, "role": m.role,
            "comparator": m.comparator, "rag": m.rag, **_prov_cols(m.prov, loc)}


def response_row(r: Response, rid: str, did: str, rec_id: Optional[str], loc: str) -> dict:
    return {"response_id": rid, "doc_id": did, "rec_ref": r.rec_ref, "rec_id": rec_id, "rec_text": r.rec_text,
            "responder": r.responder, "status": r.status, "status_raw": r.status_raw, "text": r.text,
            **_prov_cols(r.prov, loc)}


def _check_against_schema() -> None:
    """Each row maker writes exactly its table's columns (schemas/tables.py),
    less the OCR columns stages.mark_ocr fills: fail at import otherwise."""
    p = Prov(None, "", "")
    made = {
        "recommendations": rec_row(Recommendation(kind="", text="", prov=p), "", "", ""),
        "actions": action_row(Action(text="", prov=p), "", "", None, ""),
        "owners": owner_row(Owner(None, None, "", "", p), "", "", "", "", ""),
        "timescales": timescale_row(Timescale("", None, None, "", None, p), "", "", "", "", ""),
        "metrics": metric_row(Metric(None, 0.0, "", "", None, None, "", None, None, p), "", "", None, None, ""),
        "responses": response_row(Response(None, None, None, None, None, "", p), "", "", None, ""),
    }
    for table, row in made.items():
        want = {name for name, _, _ in COLUMNS[table]} - _FILLED_LATER
        if set(row) != want:
            raise RuntimeError(f"rows.py writes {sorted(set(row) ^ want)} for {table}, which schemas/tables.py "
                               f"does not (or the other way round): make the row maker and the schema agree")


_check_against_schema()


def to_rows(doc: Document, recs: list[Recommendation], loose_actions: list[Action],
            parented_metrics: list[tuple[object, Metric]], loose_metrics: list[Metric],
            responses: list[Response] = ()) -> dict[str, list[dict]]:
    """The entity tables' rows, in extraction order, with stable ids;
    children (owners, timescales, metrics, actions) carry their parent's id;
    a response carries the id of the recommendation it answers when the
    same paper prints that recommendation with the same ref."""
    ids = _Ids(doc.doc_id, doc.blocks)
    out: dict[str, list[dict]] = {t: [] for t in ENTITY_TABLES}
    parent_ids: dict[int, tuple[str, str]] = {}
    did = doc.doc_id

    def children(item, ptype: str, pid: str) -> None:
        for o in item.owners:
            oid, loc = ids("owners", o.prov)
            out["owners"].append(owner_row(o, oid, did, ptype, pid, loc))
        for t in item.timescales:
            tid, loc = ids("timescales", t.prov)
            out["timescales"].append(timescale_row(t, tid, did, ptype, pid, loc))
        for m in item.metrics:
            add_metric(m, ptype, pid)

    def add_metric(m: Metric, ptype: Optional[str], pid: Optional[str]) -> None:
        mid, loc = ids("metrics", m.prov)
        out["metrics"].append(metric_row(m, mid, did, ptype, pid, loc))

    def add_action(a: Action, rec_id: Optional[str], response_id: Optional[str] = None) -> None:
        aid, loc = ids("actions", a.prov)
        parent_ids[id(a)] = ("action", aid)
        out["actions"].append(action_row(a, aid, did, rec_id, loc, response_id))
        children(a, "action", aid)

    for r in recs:
        rid, loc = ids("recommendations", r.prov)
        parent_ids[id(r)] = ("recommendation", rid)
        out["recommendations"].append(rec_row(r, rid, did, loc))
        children(r, "recommendation", rid)
        for a in r.actions:
            add_action(a, rid)
    for a in loose_actions:
        add_action(a, None)
    for parent, m in parented_metrics:
        ptype, pid = parent_ids.get(id(parent), (None, None)) if parent is not None else (None, None)
        add_metric(m, ptype, pid)
    for m in loose_metrics:
        add_metric(m, None, None)
    by_ref = {}
    # (a review's recommendation before a meeting's decision: "R1" answers the review's R1, not decision 1)
    for r, row in sorted(zip(recs, out["recommendations"]), key=lambda x: x[0].kind == "decision"):
        if r.ref:   # "Recommendation 3" and "3" are the same ref
            by_ref.setdefault(bare_ref(r.ref), row["rec_id"])
    for resp in responses:
        rid, loc = ids("responses", resp.prov)
        rec_id = by_ref.get(bare_ref(resp.rec_ref)) if resp.rec_ref else None
        out["responses"].append(response_row(resp, rid, did, rec_id, loc))
        children(resp, "response", rid)
        for a in resp.actions:   # what the response promises to do
            add_action(a, rec_id, rid)
    return out
