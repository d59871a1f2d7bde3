"""The matcher (pipeline/quality/matching.py) on hand-built gold and predictions
with known answers."""
from datetime import date

import pytest

from pipeline.quality.matching import (Counts, greedy_match, norm_ref, norm_text, num_eq, prf, score_document,
                               token_f1)


def rec(i, text, ref=None, kind="decision", page=None, rag=None):
    return {"id": i, "kind": kind, "ref": ref, "text": text, "page": page, "rag": rag}


def prec(i, text, ref=None, kind="decision", page=None, rag=None):
    return {"rec_id": i, "doc_id": "d", "kind": kind, "ref": ref, "text": text, "page": page, "rag": rag,
            "locator": f"loc-{i}", "source_text": text}


def counts(ds, entity):
    c = ds.entities[entity].counts
    return c.tp, c.fp, c.fn


TEXTS = [
    "That Cabinet notes the progress report on the Ofsted action plan",
    "Agree to transfer the statutory functions of the service from April",
    "Delegate authority to the Corporate Director of Adult Social Care",
    "Improve the quality of case recording supervision and management oversight",
]


# ------------------------------------------------------------- normalisers

def test_text_normalisation_folds_case_punctuation_and_whitespace():
    assert norm_text("  Children’s   SERVICES,\n(Kent) — 2024/25. ") == "children s services kent 2024 25"
    assert token_f1("The Duty Team!", "the   duty-team") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 * 2 / 6)
    assert token_f1("", "") == 1.0 and token_f1("x", "") == 0.0 and token_f1(None, "x") == 0.0


@pytest.mark.parametrize("raw", ["(a)", "a)", "A.", "a", " [A] ", "a."])
def test_ref_normalisation(raw):
    assert norm_ref(raw) == "a"


def test_ref_normalisation_keeps_inner_dots_and_words():
    assert norm_ref("2.1.") == "2.1"
    assert norm_ref("(ii)") == "ii"
    assert norm_ref("Action  4") == "action 4"
    assert norm_ref(None) is None
    assert norm_ref("2.1") != norm_ref("2.11")
    # the word "Recommendation" before the number, and a part's letter in brackets or run on (session 29)
    assert norm_ref("Recommendation 5(a)") == norm_ref("5(a)") == norm_ref("Recommendation 5a") == "5a"
    assert norm_ref("Rec. 3") == norm_ref("Recommendation 3") == "3"
    assert norm_ref("4c(ii)") == "4cii"
    assert norm_ref("R3") != norm_ref("3")   # a printed code stays itself
    assert norm_ref("Action 4") != norm_ref("4")


def test_numbers_match_to_one_millionth_relative():
    assert num_eq(12.9, 12.9 * (1 + 5e-7))
    assert not num_eq(12.9, 12.9 * (1 + 2e-6))
    assert num_eq(1_200_000, 1_200_000.9)        # 7.5e-7 relative
    assert not num_eq(1_200_000, 1_200_003)
    assert num_eq(0, 0.0) and not num_eq(0, 1e-3)
    assert not num_eq(None, 0) and not num_eq(float("nan"), float("nan"))


# ---------------------------------------------------------------- counting

def test_prf_definitions_for_empty_sides():
    # no gold, some predictions: precision 0, recall 1 (vacuous), F1 0
    assert prf(0, 3, 0) == (0.0, 1.0, 0.0)
    # gold but no predictions: precision 1 (vacuous), recall 0, F1 0
    assert prf(0, 0, 4) == (1.0, 0.0, 0.0)
    # both empty: everything is right
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)


def test_known_precision_recall_f1():
    gold = {"documents": {}, "recommendations": [rec(f"g{i}", t) for i, t in enumerate(TEXTS)]}
    pred = {"recommendations": [
        prec("p0", TEXTS[0]), prec("p1", TEXTS[1].upper() + "."), prec("p2", TEXTS[2] + " now"),
        prec("p3", "Something else entirely about budgets"), prec("p4", "Note the treasury strategy"),
    ]}
    ds = score_document(gold, pred)
    assert counts(ds, "recommendations") == (3, 2, 1)
    c = ds.entities["recommendations"].counts
    assert c.precision == pytest.approx(3 / 5)
    assert c.recall == pytest.approx(3 / 4)
    assert c.f1 == pytest.approx(2 * 3 / (2 * 3 + 2 + 1))
    assert [ds.entities["recommendations"].gold[i]["id"] for i in ds.entities["recommendations"].misses] == ["g3"]


def test_duplicate_predictions_give_one_tp_and_one_fp():
    gold = {"documents": {}, "recommendations": [rec("g0", TEXTS[0])]}
    pred = {"recommendations": [prec("p0", TEXTS[0]), prec("p1", TEXTS[0])]}
    ds = score_document(gold, pred)
    assert counts(ds, "recommendations") == (1, 1, 0)
    # deterministic: the first prediction (by page, locator, id) wins the tie
    assert ds.parent_map["g0"] == ("recommendation", "p0")


def test_empty_sides_through_score_document():
    ds = score_document({"documents": {}, "recommendations": []}, {"recommendations": [prec("p0", TEXTS[0])]})
    c = ds.entities["recommendations"].counts
    assert (c.tp, c.fp, c.fn) == (0, 1, 0) and c.precision == 0.0 and c.f1 == 0.0
    ds = score_document({"documents": {}, "recommendations": [rec("g0", TEXTS[0])]}, {})
    c = ds.entities["recommendations"].counts
    assert (c.tp, c.fp, c.fn) == (0, 0, 1) and c.recall == 0.0 and c.f1 == 0.0
    ds = score_document({"documents": {}, "recommendations": []}, {"recommendations": []})
    c = ds.entities["recommendations"].counts
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


def test_absent_entity_key_is_not_scored():
    ds = score_document({"documents": {}, "recommendations": []},
                        {"actions": [{"action_id": "a", "text": "x"}], "metrics": [{"metric_id": "m", "value": 1}]})
    assert set(ds.entities) == {"recommendations"}


def test_near_miss_text_threshold():
    words = [f"w{i}" for i in range(100)]
    gold = {"documents": {}, "actions": [{"id": "g", "rec": None, "text": " ".join(words)}]}
    at_081 = " ".join(words[:81] + [f"x{i}" for i in range(19)])   # F1 = 2*81/200 = 0.81
    at_079 = " ".join(words[:79] + [f"x{i}" for i in range(21)])   # F1 = 2*79/200 = 0.79
    assert token_f1(gold["actions"][0]["text"], at_081) == pytest.approx(0.81)
    assert token_f1(gold["actions"][0]["text"], at_079) == pytest.approx(0.79)
    ok = score_document(gold, {"actions": [{"action_id": "p", "rec_id": None, "text": at_081}]})
    assert counts(ok, "actions") == (1, 0, 0)
    ko = score_document(gold, {"actions": [{"action_id": "p", "rec_id": None, "text": at_079}]})
    assert counts(ko, "actions") == (0, 1, 1)
    assert "0.79" in ko.entities["actions"].notes[0]  # the report says how close it was


def test_best_score_wins_over_order():
    # pred p0 is an acceptable match for both; g1 is its exact text, so g1 gets it and g0 gets p1
    base = "review the caseloads of the children with disabilities team every month"
    gold = {"documents": {}, "recommendations": [rec("g0", base + " and report"), rec("g1", base)]}
    pred = {"recommendations": [prec("p0", base), prec("p1", base + " and report")]}
    ds = score_document(gold, pred)
    assert ds.parent_map == {"g0": ("recommendation", "p1"), "g1": ("recommendation", "p0")}


def test_greedy_match_is_one_to_one_and_deterministic():
    pairs = greedy_match([0, 1], [0, 1, 2], lambda g, p: (1.0,))
    assert pairs == [(0, 0), (1, 1)]
    assert greedy_match([0], [0], lambda g, p: None) == []


def test_recommendation_field_accuracy_with_ref_normalisation():
    gold = {"documents": {}, "recommendations": [
        rec("a", TEXTS[0], ref="(a)", rag="amber"), rec("b", TEXTS[1], ref="b)", kind="improvement"),
        rec("c", TEXTS[2], ref="C."), rec("d", TEXTS[3], ref=None)]}
    pred = {"recommendations": [
        prec("1", TEXTS[0], ref="a", rag="Amber"), prec("2", TEXTS[1], ref="(B)", kind="decision"),
        prec("3", TEXTS[2], ref="c"), prec("4", TEXTS[3], ref="4")]}
    res = score_document(gold, pred).entities["recommendations"]
    assert res.fields["ref"] == [3, 4]          # null gold vs "4" is wrong
    assert res.fields["kind"] == [3, 4]
    assert res.fields["rag"] == [4, 4]          # null == null counts as correct
    assert {(e.field, e.gold, e.pred) for e in res.field_errors} == {("ref", None, "4"),
                                                                      ("kind", "improvement", "decision")}


# ------------------------------------------------------ parents and children

def _plan():
    gold = {
        "documents": {},
        "recommendations": [rec("r1", TEXTS[0]), rec("r2", TEXTS[1])],
        "actions": [{"id": "a1", "rec": "r1", "text": "Audit case recording every month"},
                    {"id": "a2", "rec": None, "text": "Relocate the duty team to a suitable room"}],
        "owners": [
            {"parent": "r1", "role": "Team Manager", "person": "Jen Thornton"},
            {"parent": "r1", "role": "Head of Service Inclusion", "person": None},
            {"parent": "a2", "role": "Property Services", "person": "Pritesh Parmar"},
            {"parent": "r2", "role": "QA Officer", "person": None},          # r2 is never predicted
        ],
        "timescales": [
            {"parent": "r1", "raw": "30th Sept 14", "due_date": "2014-09-30", "precision": "day", "recurrence": "once"},
            {"parent": "r1", "raw": "Monthly", "due_date": None, "precision": None, "recurrence": "monthly"},
            {"parent": "a1", "raw": "TBC", "due_date": None, "precision": None, "recurrence": "other"},
        ],
    }
    pred = {
        "recommendations": [prec("R1", TEXTS[0]), prec("RX", "Unrelated words entirely here")],
        "actions": [{"action_id": "A1", "rec_id": "R1", "text": "Audit case recording every month."},
                    {"action_id": "A2", "rec_id": "R1", "text": "Relocate the duty team to a suitable room"}],
        "owners": [
            {"owner_id": "o1", "parent_type": "recommendation", "parent_id": "R1", "role": "Team Manager (1)",
             "person": "JEN  THORNTON"},
            {"owner_id": "o2", "parent_type": "recommendation", "parent_id": "R1", "role": "Head of Service - Inclusion",
             "person": "Vicky Todd"},
            {"owner_id": "o3", "parent_type": "action", "parent_id": "A2", "role": "Property",
             "person": "Pritesh Parmar"},
            {"owner_id": "o4", "parent_type": "recommendation", "parent_id": "RX", "role": "QA Officer",
             "person": None},  # right role, wrong parent
        ],
        "timescales": [
            {"timescale_id": "t1", "parent_type": "recommendation", "parent_id": "R1", "raw": "30 September 2014",
             "due_date": date(2014, 9, 30), "precision": "day", "recurrence": "once"},
            {"timescale_id": "t2", "parent_type": "recommendation", "parent_id": "R1", "raw": "monthly",
             "due_date": None, "precision": None, "recurrence": "monthly"},
            {"timescale_id": "t3", "parent_type": "action", "parent_id": "A1", "raw": "TBC",
             "due_date": None, "precision": None, "recurrence": "once"},   # recurrence differs -> no match
        ],
    }
    return gold, pred


def test_owners_need_the_same_matched_parent():
    ds = score_document(*_plan())
    res = ds.entities["owners"]
    # o1: person equal after normalisation; o2: gold has no person, role F1 = 1.0 -> match;
    # o3: person equal, role differs (field error); o4: parent RX is not r2's match -> fp
    assert counts(ds, "owners") == (3, 1, 1)
    assert res.fields["person"] == [2, 3]   # gold None vs predicted 'Vicky Todd' is wrong
    assert res.fields["role"][1] == 3
    miss = res.gold[res.misses[0]]
    assert miss["parent"] == "r2" and "not matched" in res.notes[res.misses[0]]


def test_action_rec_link_accuracy():
    ds = score_document(*_plan())
    res = ds.entities["actions"]
    assert counts(ds, "actions") == (2, 0, 0)
    # a1 -> R1 (gold r1 matched to R1): right; a2 has no rec in gold but the prediction links it: wrong
    assert res.fields["rec"] == [1, 2]


def test_timescales_by_date_or_by_recurrence_and_raw():
    ds = score_document(*_plan())
    res = ds.entities["timescales"]
    assert counts(ds, "timescales") == (2, 1, 1)
    assert res.fields["due_date"] == [2, 2] and res.fields["recurrence"] == [2, 2]


def test_children_of_an_unlabelled_parent_type_are_not_scored():
    gold = {"documents": {}, "recommendations": [rec("r1", TEXTS[0])],
            "owners": [{"parent": "r1", "role": "Chair", "person": None}], "metrics": []}
    pred = {"recommendations": [prec("R1", TEXTS[0])],
            "owners": [{"owner_id": "o1", "parent_type": "recommendation", "parent_id": "R1", "role": "Chair"},
                       {"owner_id": "o2", "parent_type": "action", "parent_id": "A9", "role": "Director"}],
            "metrics": [{"metric_id": "m1", "parent_type": "action", "parent_id": "A9", "value": 3, "unit": "count"},
                        {"metric_id": "m2", "parent_type": None, "parent_id": None, "value": 4, "unit": "count"}]}
    ds = score_document(gold, pred)   # no "actions" key in the gold
    assert counts(ds, "owners") == (1, 0, 0)
    assert counts(ds, "metrics") == (0, 1, 0)      # m1 left out, m2 is a false positive
    assert ds.skipped == {"owners": 1, "metrics": 1}


# ------------------------------------------------------------------ metrics

def met(value, unit="percent", label=None, page=None, role="actual", period_end=None):
    return {"value": value, "unit": unit, "label": label, "page": page, "role": role, "period_end": period_end}


def pmet(i, value, unit="percent", label=None, page=None, role="actual", period_end=None):
    return {"metric_id": i, "value": value, "unit": unit, "label": label, "page": page, "role": role,
            "period_end": period_end, "parent_type": None, "parent_id": None, "locator": i}


def test_metrics_value_page_and_label_or_unit():
    gold = {"documents": {}, "metrics": [
        met(12.9, label="re-referral rate", page=3),
        met(21, label="increase in contacts", page=3, role="change"),
        met(5, unit="count", label="social workers recruited", page=4),
        met(7, unit="count", label="agency staff", page=4),
    ]}
    pred = {"metrics": [
        pmet("m1", 12.9000001, label="Re-referral rate", page=3),      # value within 1e-6 -> tp
        pmet("m2", 21, label="contacts", page=4, role="change"),       # wrong page -> fp, gold fn
        pmet("m3", 5, unit="count", label="posts", page=None),         # page unknown, unit equal -> tp
        pmet("m4", 7, unit="percent", label="budget", page=4),         # label F1 0 and unit differs -> fp
    ]}
    ds = score_document(gold, pred)
    assert counts(ds, "metrics") == (2, 2, 2)
    res = ds.entities["metrics"]
    assert res.fields["label"] == [1, 2]   # 'posts' vs 'social workers recruited' is a wrong label


def test_metrics_pick_the_best_label_among_equal_values():
    gold = {"documents": {}, "metrics": [
        met(10, label="children in care placement moves", role="actual"),
        met(10, label="care leavers in education employment training", role="target")]}
    pred = {"metrics": [
        pmet("m1", 10, label="care leavers in education, employment or training", role="target"),
        pmet("m2", 10, label="children in care with 3+ placement moves", role="actual")]}
    res = score_document(gold, pred).entities["metrics"]
    assert sorted(res.pairs) == [(0, 1), (1, 0)]
    assert res.fields["role"] == [2, 2]


def test_scope_pages_restrict_gold_and_predictions():
    gold = {"documents": {}, "scope": {"metrics": [3]}, "metrics": [
        met(1, unit="count", label="a", page=3), met(2, unit="count", label="b", page=5)]}
    pred = {"metrics": [
        pmet("m1", 1, unit="count", label="a", page=3),
        pmet("m2", 9, unit="count", label="z", page=4),      # off-scope: ignored, not a false positive
        pmet("m3", 8, unit="count", label="y", page=3),      # on scope, not in gold: false positive
        pmet("m4", 2, unit="count", label="b", page=None)]}  # no page: cannot be on a scoped page
    ds = score_document(gold, pred)
    assert counts(ds, "metrics") == (1, 1, 0)


# ---------------------------------------------------------------- documents

def test_documents_fields():
    gold = {"documents": {"council": None, "committee": "Cabinet", "meeting_date": "2013-09-17",
                          "report_ref": "207/2013", "title": "PROGRESS REPORT – UPDATED OFSTED CHILD PROTECTION ACTION PLAN",
                          "author": "Terry Irvine"}}
    pred = {"council": None, "committee": "CABINET", "meeting_date": date(2013, 9, 17), "report_ref": "207/2013",
            "title": "Progress Report - Updated Ofsted Child Protection Action Plan (Appendix)", "author": None}
    docs = score_document(gold, {}, pred).documents
    assert {f: ok for f, (ok, _, _) in docs.items()} == {
        "council": True, "committee": True, "meeting_date": True, "report_ref": True,
        "title": True,            # 8 of 9 tokens: F1 0.94
        "author": False}
    assert not score_document(gold, {}, {**pred, "meeting_date": date(2013, 9, 18)}).documents["meeting_date"][0]


def test_counts_add_up():
    c = Counts(1, 2, 3)
    c += Counts(1, 0, 1)
    assert (c.tp, c.fp, c.fn) == (2, 2, 4)
    assert c.as_dict()["n_gold"] == 6 and c.as_dict()["n_pred"] == 4


def test_people_match_without_titles_or_by_surname_and_roles_fold_plurals():
    from pipeline.quality.matching import role_f1, same_person
    assert same_person("County Cllr Webb", "Webb")
    assert same_person("Mr Baldwin", "Steve Baldwin")
    assert same_person("Cllr Evans", "Evans")
    assert not same_person("Mr Baldwin", "Steve Evans")
    assert not same_person("Jane Smith", "John Smith")      # two full names must agree
    assert role_f1("ministers", "minister") == 1.0
    assert role_f1("Departmental Chief Scientific Advisers", "Departmental Chief Scientific Adviser") == 1.0
    assert role_f1("the Executive", "Executive") == 1.0 and role_f1("The Cabinet", "the Cabinet") == 1.0
    assert role_f1("Executive", "Theatre Manager") == 0.0   # (an article only, not a word that starts "the")
    assert same_person(None, None) and not same_person("Webb", None)
