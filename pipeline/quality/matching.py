"""The matcher: pairs the pipeline's rows with gold rows, one to one within
a document, and counts what agrees.

Rules (SPEC "Hand-labelled fixtures and the validation stage"; the choices
the SPEC leaves open are written down in docs/validation.md):

* texts match when their token-set F1 >= 0.8 after NFKC, lower-casing,
  punctuation/symbol stripping and whitespace folding;
* refs match after stripping brackets and trailing dots and lower-casing
  ("(a)", "a)", "A." -> "a"); RAG values, units, roles, kinds exactly after
  trim + lower-case; dates exactly; numbers to 1e-6 relative.

Entity match keys:

* recommendations, actions: text;
* owners: same matched parent AND (the same person - equal without titles
  such as Mr or Cllr, or one side the other's surname alone - or, when the
  gold has no person, role token F1 >= 0.8 with plurals folded);
* timescales: same matched parent AND (due_date equal, or - when the gold
  due_date is null - recurrence equal and raw token F1 >= 0.5);
* metrics: value equal AND page equal when both are known AND (label
  token F1 >= 0.3 or unit equal);
* responses: same rec_ref (when the gold gives one) AND text overlap >= 0.5
  (token F1, or the share of the shorter text's words in the other: a label
  may quote only the answer's opening); fields status and responder.

Assignment is greedy by best score: every admissible (gold, prediction)
pair gets a score tuple, pairs are taken best first and a row is used at
most once. Ties break on gold order, then prediction order, so the result
is deterministic. Unmatched gold rows are misses (fn), unmatched predictions
false positives (fp).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from extractors.dates import iso_date
from extractors.textsim import norm_text, token_f1, tokens

ENTITIES = ("recommendations", "actions", "owners", "timescales", "metrics", "responses")
TEXT_F1 = 0.8          # recommendation / action text, owner role, documents text fields
TIMESCALE_RAW_F1 = 0.5  # raw text of an undated timescale
METRIC_LABEL_MATCH_F1 = 0.3   # label overlap enough to pair two equal numbers
METRIC_LABEL_FIELD_F1 = 0.5   # label counted correct in the field accuracy
NUM_REL_TOL = 1e-6
DOC_FIELDS = ("council", "committee", "meeting_date", "report_ref", "title", "author")
DOC_DATE_FIELDS = {"meeting_date"}

PARENT_ENTITY = {"recommendation": "recommendations", "action": "actions"}
ID_COLUMN = {"recommendations": "rec_id", "actions": "action_id", "owners": "owner_id",
             "timescales": "timescale_id", "metrics": "metric_id", "responses": "response_id"}
RESPONSE_TEXT_F1 = 0.5  # a response's text (labels may hold only its opening sentences)

# ---------------------------------------------------------------- normalisers

_WS = re.compile(r"\s+")


def norm_ref(s: Any) -> str | None:
    """'(a)', 'a)', 'A.', '[A]' -> 'a'; '2.1.' -> '2.1'; 'Action  4' -> 'action 4';
    the word "Recommendation" before a number is the same ref without it and a
    part's letter in brackets the same as run on: 'Recommendation 5(a)', '5(a)',
    'Recommendation 5a' -> '5a' (papers and labellers print both)."""
    if s is None:
        return None
    t = unicodedata.normalize("NFKC", str(s)).strip().lower()
    t = _PART_IN_BRACKETS.sub(r"\1", t)
    t = t.strip("()[]{} \t")
    t = t.rstrip(".):").strip("()[]{} \t")
    t = _WS.sub(" ", t)
    t = _REC_WORD.sub("", t)
    return t or None


# "recommendation 3", "rec. 3", "recommendations 3" -> "3" (not "r3": a code the paper prints)
_REC_WORD = re.compile(r"^rec(?:ommendations?|\.)?\s*(?=\d)")
# "5(a)", "4c(ii)" -> "5a", "4cii": a part's letter or numeral in brackets after the number
_PART_IN_BRACKETS = re.compile(r"(?<=\d|[a-z])\(([a-z]{1,4})\)")


def norm_code(s: Any) -> str | None:
    """RAG values, units, roles, kinds, recurrence, precision: trim + lower."""
    if s is None:
        return None
    t = _WS.sub(" ", str(s).strip().lower())
    return t or None


_HONORIFIC = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
                        "cllr", "cllrs", "councillor", "councillors", "county", "borough", "district", "town", "the",
                        # police ranks printed before a name ("DCI Lorna Quayle", "Supt Helen Varley")
                        "supt", "superintendent", "chief", "inspector", "insp", "dci", "det", "detective", "sgt",
                        "sergeant", "acc", "dcc"})


def norm_person(s: Any) -> str | None:
    """A name without titles: 'County Cllr Webb' -> 'webb', 'Mr Steve Baldwin' -> 'steve baldwin'."""
    words = [w for w in norm_text(s).split() if w not in _HONORIFIC]
    return " ".join(words) or None


def same_person(g: Any, p: Any) -> bool:
    """The same person: equal without titles, or one side printed by surname
    only ('Mr Baldwin' for 'Steve Baldwin', 'Cllr Evans' for 'Evans')."""
    a, b = norm_person(g), norm_person(p)
    if a is None or b is None:
        return a is b   # no person on either side agrees
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1] and (len(wa[0]) == 1 or len(wb[0]) == 1):
        return wa[0][0] == wb[0][0]   # "J. Trewin" for "Jenna Trewin": an initial and the surname
    return (len(wa) == 1 or len(wb) == 1) and wa[-1] == wb[-1]


def role_f1(a: Any, b: Any) -> float:
    """Token F1 of two roles, plurals folded ('ministers' = 'minister') and a
    leading article dropped ('the Executive' = 'Executive')."""
    def fold(x: Any) -> frozenset[str]:
        x = re.sub(r"(?i)^\s*the\s+", "", x) if isinstance(x, str) else x
        return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in tokens(x))
    return token_f1(fold(a), fold(b))


def num_eq(a: Any, b: Any) -> bool:
    """Equal to 1e-6 relative (and 1e-9 absolute, so 0 == 0)."""
    if a is None or b is None:
        return False
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if math.isnan(fa) or math.isnan(fb):
        return False
    return math.isclose(fa, fb, rel_tol=NUM_REL_TOL, abs_tol=1e-9)


def _page(v: Any) -> int | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return int(v)


def _known_equal(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a == b


# ------------------------------------------------------------------ counting


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1. A ratio with a zero denominator is 1.0 (there
    was nothing to get wrong): no predictions -> precision 1.0; no gold ->
    recall 1.0; F1 = 2tp / (2tp + fp + fn), 1.0 when both sides are empty.
    So: no gold but predictions -> P 0, R 1, F1 0; gold but no predictions
    -> P 1, R 0, F1 0; both empty -> 1, 1, 1."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    d = 2 * tp + fp + fn
    f1 = 2 * tp / d if d else 1.0
    return p, r, f1


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def as_dict(self) -> dict:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "n_gold": self.tp + self.fn,
                "n_pred": self.tp + self.fp, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# ------------------------------------------------------------------ matching

Score = tuple  # higher is better, compared element by element


def greedy_match(gold: Sequence, pred: Sequence, score: Callable[[int, int], Score | None]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best score first.
    `score(gi, pi)` returns None when the pair is not admissible."""
    cands = []
    for gi in range(len(gold)):
        for pi in range(len(pred)):
            s = score(gi, pi)
            if s is not None:
                cands.append((tuple(-x for x in s), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


@dataclass
class FieldError:
    field: str
    gold: Any
    pred: Any
    gi: int
    pi: int


@dataclass
class EntityResult:
    """The outcome for one entity type in one document."""
    entity: str
    gold: list[dict]
    pred: list[dict]
    pairs: list[tuple[int, int]]
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [correct, total]
    field_errors: list[FieldError] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # gold index -> why it may have been missed

    @property
    def counts(self) -> Counts:
        tp = len(self.pairs)
        return Counts(tp=tp, fp=len(self.pred) - tp, fn=len(self.gold) - tp)

    @property
    def misses(self) -> list[int]:
        got = {g for g, _ in self.pairs}
        return [i for i in range(len(self.gold)) if i not in got]

    @property
    def false_positives(self) -> list[int]:
        got = {p for _, p in self.pairs}
        return [i for i in range(len(self.pred)) if i not in got]

    def check(self, name: str, ok: bool, gold: Any, pred: Any, gi: int, pi: int) -> None:
        c = self.fields.setdefault(name, [0, 0])
        c[1] += 1
        if ok:
            c[0] += 1
        else:
            self.field_errors.append(FieldError(name, gold, pred, gi, pi))


def _eq_code(g: Any, p: Any) -> bool:
    return norm_code(g) == norm_code(p)


def _eq_ref(g: Any, p: Any) -> bool:
    return norm_ref(g) == norm_ref(p)


def _eq_date(g: Any, p: Any) -> bool:
    return iso_date(g) == iso_date(p)


def _eq_text(g: Any, p: Any, thr: float = TEXT_F1) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return token_f1(g, p) >= thr


def _in_scope(row: dict, pages: list[int] | None) -> bool:
    return pages is None or _page(row.get("page")) in set(pages)


def _sort_preds(entity: str, rows: Iterable[dict]) -> list[dict]:
    idc = ID_COLUMN[entity]
    return sorted(rows, key=lambda r: (_page(r.get("page")) or 0, str(r.get("locator") or ""), str(r.get(idc) or "")))


@dataclass
class DocScore:
    """Everything the matcher found for one document."""
    entities: dict[str, EntityResult]
    documents: dict[str, tuple[bool, Any, Any]]  # field -> (correct, gold, pred)
    parent_map: dict[str, tuple[str, str]]        # gold local id -> (parent_type, pred id)
    skipped: dict[str, int]                       # entity -> predictions left out (unlabelled parent type)


@dataclass
class _DocMatch:
    """The state shared while one document is matched: the gold, the
    predictions, which entity types the gold labels, the per-entity page
    scope, the predictions left out, and the gold id -> prediction map the
    child entities (owners, timescales) match their parents through."""
    gold: dict
    pred: dict[str, list[dict]]
    labelled: set[str]
    scope: dict
    skipped: dict[str, int] = field(default_factory=dict)
    parent_map: dict[str, tuple[str, str]] = field(default_factory=dict)

    def rows(self, entity: str) -> tuple[list[dict], list[dict]]:
        pages = self.scope.get(entity)
        g = [r for r in self.gold.get(entity) or [] if _in_scope(r, pages)]
        p = [r for r in self.pred.get(entity) or [] if _in_scope(r, pages)]
        if entity in ("owners", "timescales", "metrics"):
            # children of a parent the gold did not label cannot be judged;
            # nor can owners and timescales of a response (a fixture parents
            # them to recommendations and actions only). Metrics match
            # without their parent: only an unlabelled parent entity drops them.
            keep = [r for r in p if r.get("parent_type") is None
                    or PARENT_ENTITY.get(r.get("parent_type")) in self.labelled
                    or (entity == "metrics" and r.get("parent_type") not in PARENT_ENTITY)]
            if len(keep) != len(p):
                self.skipped[entity] = len(p) - len(keep)
            p = keep
        return g, _sort_preds(entity, p)

    def same_parent(self, gr: dict, pr: dict) -> bool:
        m = self.parent_map.get(gr["parent"])
        return m is not None and m == (pr.get("parent_type"), pr.get("parent_id"))

    def parent_note(self, res: EntityResult) -> None:
        for gi in res.misses:
            par = res.gold[gi]["parent"]
            if par not in self.parent_map:
                res.notes[gi] = f"parent {par} was not matched, so this cannot match"
            else:
                n = sum(1 for pr in res.pred if self.same_parent(res.gold[gi], pr))
                res.notes[gi] = f"parent {par} matched; {n} predicted {res.entity} on it, none agreed"


def score_document(gold: dict, pred: dict[str, list[dict]], pred_document: dict | None = None) -> DocScore:
    """Match one document. `gold` is a fixture's data (dict as in
    schemas/fixture.schema.json); `pred` maps table name -> this document's
    predicted rows; `pred_document` is its `documents` row (or None).
    Parents first: owners and timescales match through the
    recommendations and actions already paired."""
    labelled = {e for e in ENTITIES if e in gold}
    m = _DocMatch(gold, pred, labelled, gold.get("scope") or {})
    results: dict[str, EntityResult] = {}
    for entity, match in (("recommendations", _match_recommendations), ("responses", _match_responses),
                          ("actions", _match_actions), ("owners", _match_owners),
                          ("timescales", _match_timescales), ("metrics", _match_metrics)):
        if entity in labelled:
            results[entity] = match(m)
    return DocScore(results, score_doc_fields(gold.get("documents") or {}, pred_document), m.parent_map, m.skipped)


def _match_recommendations(m: _DocMatch) -> EntityResult:
    g, p = m.rows("recommendations")
    gt = [tokens(r["text"]) for r in g]
    pt = [tokens(r.get("text")) for r in p]

    def s_rec(gi, pi):
        f = token_f1(gt[gi], pt[pi])
        if f < TEXT_F1:
            return None
        return (f, float(_eq_ref(g[gi].get("ref"), p[pi].get("ref"))),
                float(_known_equal(_page(g[gi].get("page")), _page(p[pi].get("page")))))
    res = EntityResult("recommendations", g, p, greedy_match(g, p, s_rec))
    for gi, pi in res.pairs:
        gr, pr = g[gi], p[pi]
        m.parent_map[gr["id"]] = ("recommendation", pr.get("rec_id"))
        res.check("kind", _eq_code(gr["kind"], pr.get("kind")), gr["kind"], pr.get("kind"), gi, pi)
        if "ref" in gr:
            res.check("ref", _eq_ref(gr["ref"], pr.get("ref")), gr["ref"], pr.get("ref"), gi, pi)
        if "rag" in gr:
            res.check("rag", _eq_code(gr["rag"], pr.get("rag")), gr["rag"], pr.get("rag"), gi, pi)
    _note_nearest(res, gt, pt)
    return res


def _match_responses(m: _DocMatch) -> EntityResult:
    g, p = m.rows("responses")
    gt = [tokens(r["text"]) for r in g]
    pt = [tokens(r.get("text")) for r in p]

    def s_resp(gi, pi):
        gr, pr = g[gi], p[pi]
        if gr.get("rec_ref") is not None and not _eq_ref(gr["rec_ref"], pr.get("rec_ref")):
            return None
        # a label may hold only the opening of a long answer: overlap with the shorter side
        short = gt[gi] if len(gt[gi]) <= len(pt[pi]) else pt[pi]
        cover = len(gt[gi] & pt[pi]) / max(1, len(short))
        f = max(token_f1(gt[gi], pt[pi]), cover)
        return (f,) if f >= RESPONSE_TEXT_F1 else None
    res = EntityResult("responses", g, p, greedy_match(g, p, s_resp))
    for gi, pi in res.pairs:
        gr, pr = g[gi], p[pi]
        if "status" in gr:
            res.check("status", _eq_code(gr["status"], pr.get("status")), gr["status"], pr.get("status"), gi, pi)
        if "responder" in gr:
            res.check("responder", role_f1(gr["responder"], pr.get("responder")) >= TEXT_F1,
                      gr["responder"], pr.get("responder"), gi, pi)
    return res


def _match_actions(m: _DocMatch) -> EntityResult:
    g, p = m.rows("actions")
    gt = [tokens(r["text"]) for r in g]
    pt = [tokens(r.get("text")) for r in p]
    recs_labelled = "recommendations" in m.labelled

    def link_ok(gr, pr) -> bool:
        if gr.get("rec") is None:
            return pr.get("rec_id") is None
        pm = m.parent_map.get(gr["rec"])
        return pm is not None and pm[1] == pr.get("rec_id")

    def s_act(gi, pi):
        f = token_f1(gt[gi], pt[pi])
        if f < TEXT_F1:
            return None
        return (f, float(recs_labelled and link_ok(g[gi], p[pi])),
                float(_known_equal(_page(g[gi].get("page")), _page(p[pi].get("page")))))
    res = EntityResult("actions", g, p, greedy_match(g, p, s_act))
    for gi, pi in res.pairs:
        gr, pr = g[gi], p[pi]
        m.parent_map[gr["id"]] = ("action", pr.get("action_id"))
        if "rag" in gr:
            res.check("rag", _eq_code(gr["rag"], pr.get("rag")), gr["rag"], pr.get("rag"), gi, pi)
        if recs_labelled and "rec" in gr:
            res.check("rec", link_ok(gr, pr), gr.get("rec"), pr.get("rec_id"), gi, pi)
    _note_nearest(res, gt, pt)
    return res


def _match_owners(m: _DocMatch) -> EntityResult:
    g, p = m.rows("owners")

    def s_own(gi, pi):
        gr, pr = g[gi], p[pi]
        if not m.same_parent(gr, pr):
            return None
        rf = role_f1(gr.get("role"), pr.get("role"))
        if gr.get("person"):
            return (1.0, rf) if same_person(gr["person"], pr.get("person")) else None
        return (0.0, rf) if rf >= TEXT_F1 else None
    res = EntityResult("owners", g, p, greedy_match(g, p, s_own))
    for gi, pi in res.pairs:
        gr, pr = g[gi], p[pi]
        if "role" in gr:
            res.check("role", _eq_text(gr["role"], pr.get("role")), gr["role"], pr.get("role"), gi, pi)
        if "person" in gr:
            res.check("person", same_person(gr["person"], pr.get("person")),
                      gr["person"], pr.get("person"), gi, pi)
    m.parent_note(res)
    return res


def _match_timescales(m: _DocMatch) -> EntityResult:
    g, p = m.rows("timescales")

    def s_ts(gi, pi):
        gr, pr = g[gi], p[pi]
        if not m.same_parent(gr, pr):
            return None
        rf = token_f1(gr.get("raw"), pr.get("raw"))
        gd = iso_date(gr.get("due_date"))
        if gd is not None:
            return (1.0, rf) if gd == iso_date(pr.get("due_date")) else None
        if _eq_code(gr.get("recurrence"), pr.get("recurrence")) and rf >= TIMESCALE_RAW_F1:
            return (0.0, rf)
        return None
    res = EntityResult("timescales", g, p, greedy_match(g, p, s_ts))
    for gi, pi in res.pairs:
        gr, pr = g[gi], p[pi]
        if "due_date" in gr:
            res.check("due_date", _eq_date(gr["due_date"], pr.get("due_date")), gr["due_date"],
                      iso_date(pr.get("due_date")), gi, pi)
        if "precision" in gr:
            res.check("precision", _eq_code(gr["precision"], pr.get("precision")), gr["precision"],
                      pr.get("precision"), gi, pi)
        if "recurrence" in gr:
            res.check("recurrence", _eq_code(gr["recurrence"], pr.get("recurrence")), gr["recurrence"],
                      pr.get("recurrence"), gi, pi)
    m.parent_note(res)
    return res


def _match_metrics(m: _DocMatch) -> EntityResult:
    g, p = m.rows("metrics")
    gl = [tokens(r.get("label")) for r in g]
    pl = [tokens(r.get("label")) for r in p]

    def s_met(gi, pi):
        gr, pr = g[gi], p[pi]
        if not num_eq(gr["value"], pr.get("value")):
            return None
        gp, pp = _page(gr.get("page")), _page(pr.get("page"))
        if gp is not None and pp is not None and gp != pp:
            return None
        lf = token_f1(gl[gi], pl[pi]) if gl[gi] and pl[pi] else 0.0
        ueq = _eq_code(gr.get("unit"), pr.get("unit"))
        if lf < METRIC_LABEL_MATCH_F1 and not ueq:
            return None
        return (lf, float(ueq), float(_eq_code(gr.get("role"), pr.get("role"))),
                float(_eq_date(gr.get("period_end"), pr.get("period_end"))),
                float(_eq_code(gr.get("rag"), pr.get("rag"))))   # (a figure printed twice, once rated)
    res = EntityResult("metrics", g, p, greedy_match(g, p, s_met))
    for gi, pi in res.pairs:
        gr, pr = g[gi], p[pi]
        res.check("unit", _eq_code(gr["unit"], pr.get("unit")), gr["unit"], pr.get("unit"), gi, pi)
        if "role" in gr:
            res.check("role", _eq_code(gr["role"], pr.get("role")), gr["role"], pr.get("role"), gi, pi)
        if "period_end" in gr:
            res.check("period_end", _eq_date(gr["period_end"], pr.get("period_end")), gr["period_end"],
                      iso_date(pr.get("period_end")), gi, pi)
        if "label" in gr:
            res.check("label", _eq_text(gr["label"], pr.get("label"), METRIC_LABEL_FIELD_F1),
                      gr["label"], pr.get("label"), gi, pi)
        if "rag" in gr:
            res.check("rag", _eq_code(gr["rag"], pr.get("rag")), gr["rag"], pr.get("rag"), gi, pi)
    for gi in res.misses:
        same = [pr for pr in p if num_eq(g[gi]["value"], pr.get("value"))]
        if same:
            res.notes[gi] = "predictions with this value: " + "; ".join(
                f"p.{pr.get('page')} {pr.get('label')!r} ({pr.get('unit')})" for pr in same[:3])
    return res


def _note_nearest(res: EntityResult, gt: list[frozenset], pt: list[frozenset]) -> None:
    """For each missed text entity, the closest prediction (helps to see why)."""
    for gi in res.misses:
        best = max(((token_f1(gt[gi], pt[pi]), pi) for pi in range(len(pt))), default=None,
                   key=lambda x: (x[0], -x[1]))
        if best and best[0] > 0:
            pr = res.pred[best[1]]
            res.notes[gi] = f"closest prediction (token F1 {best[0]:.2f}, {pr.get('locator')}): {str(pr.get('text'))[:160]!r}"


def score_doc_fields(gold_doc: dict, pred_doc: dict | None) -> dict[str, tuple[bool, Any, Any]]:
    """documents fields present in the gold: text by token F1 >= 0.8, dates
    exact, null == null correct."""
    pred_doc = pred_doc or {}
    out = {}
    for f in DOC_FIELDS:
        if f not in gold_doc:
            continue
        g, p = gold_doc[f], pred_doc.get(f)
        if f in DOC_DATE_FIELDS:
            out[f] = (_eq_date(g, p), iso_date(g), iso_date(p))
        else:
            out[f] = (_eq_text(g, p), g, p)
    return out
