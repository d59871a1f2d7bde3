"""Entity extraction: rule families on wording written the way council
papers write it, and real extractions from the seeds and Kent papers."""
from datetime import date
from pathlib import Path

import pytest

from extractors.entities.action_plans import extract_action_plan, split_actions
from extractors.entities.context import anchor_date
from extractors.entities.passes import extract_all
from extractors.entities.columns import classify_columns
from extractors.entities.narrative import decision_recommendations, improvement_recommendations, is_action_text
from extractors.loaders import load_document
from extractors.loaders.text import load as load_text
from extractors.metadata import extract_metadata
from extractors.model import Block, Cell, Document, Table

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _doc(blocks):
    return Document(doc_id="t", path="t.txt", file_name="t.txt", format="txt", blocks=blocks)


def _txt(text):
    return load_text(text.encode(), path="t.txt", doc_id="t")


# --- decision recommendations -------------------------------------------------

def test_lettered_items_after_a_lead_in():
    doc = _txt("Recommendation(s):\n\nCabinet is asked to:\n\nA. Agree to TRANSFER the service from 1 April 2025; and\n\n"
               "B. DELEGATE authority to the Corporate Director of Adult Social Care to take the relevant actions.\n\n"
               "1. Introduction\n\n1.1 Transitions is the process of moving into adulthood.\n")
    recs = decision_recommendations(doc, "Cabinet")
    assert [(r.ref, r.kind, r.source_body) for r in recs] == [("A", "decision", "Cabinet"), ("B", "decision", "Cabinet")]
    assert recs[0].text.startswith("Agree to TRANSFER")


def test_numbered_recommendations_section_and_single_paragraph():
    doc = _txt("2. RECOMMENDATIONS\n\n2.1 That Cabinet notes the Progress Report.\n\n2.2 That Cabinet approves the plan.\n\n"
               "3. BACKGROUND\n\n3.1 The report was presented in April.\n")
    assert [(r.ref, r.text) for r in decision_recommendations(doc, "Cabinet")] == [
        ("2.1", "That Cabinet notes the Progress Report."), ("2.2", "That Cabinet approves the plan.")]
    single = _txt("Recommendation:\n\nThe Committee is asked to note the report.\n\nBackground\n\nText here.\n")
    recs = decision_recommendations(single, None)
    assert [(r.ref, r.text, r.source_body) for r in recs] == [(None, "note the report.", "Committee")]


def test_minutes_resolutions_and_summary_duplicates():
    doc = _txt("4. RESOLVED that Cabinet agree the Commissioning Plan for Education Provision.\n\n"
               "5. RESOLVED that:\n\n(a) the report be noted;\n\n(b) the plan be endorsed.\n")
    recs = decision_recommendations(doc, "Cabinet")
    assert [(r.ref, r.text) for r in recs] == [("4", "Cabinet agree the Commissioning Plan for Education Provision."),
                                               ("(a)", "the report be noted;"), ("(b)", "the plan be endorsed.")]
    twice = _txt("Summary: the plan.\n\nRecommendation(s): The Cabinet is asked to agree the Commissioning Plan for Education Provision in Kent 2025-29.\n\n"
                 "8. Recommendations\n\n8.1 The Cabinet is asked to agree the Commissioning Plan for Education Provision in Kent 2025-29.\n")
    recs = decision_recommendations(twice, "Cabinet")
    assert len(recs) == 1 and recs[0].ref == "8.1"


def test_findings_that_start_with_the_word_recommendations_are_not_a_zone():
    doc = _txt("What is the area partnership doing that is effective?\n\n"
               "Recommendations from local youth forums have a direct impact on decision-making.\n\n"
               "• Leaders are tenacious about gaining children's views.\n")
    assert decision_recommendations(doc, None) == []


# --- improvement recommendations in prose ------------------------------------

def test_inspection_list_and_plan_items_with_deadline_buckets():
    doc = _txt("Inspection of Anytown local authority children's services\n\nWhat needs to improve?\n\n"
               "• The quality of support offered to care leavers.\n\n• The choice of accommodation for care leavers.\n\n"
               "The experiences and progress of children: good\n\n1. Children are well supported.\n")
    recs = improvement_recommendations(doc)
    assert [r.text for r in recs] == ["The quality of support offered to care leavers.",
                                      "The choice of accommodation for care leavers."]
    assert all(r.kind == "improvement" and r.source_body == "Ofsted" for r in recs)
    plan = _txt("6 ACTIONS WITHIN 3 MONTHS:\n\n6.1 Action 4 - Establish robust processes for step up.\n\n6.1.1 Progress achieved;\n\n"
                "6.1.2 A screening tool has been developed and implemented.\n\n6.1.3 What does this mean for children and families?\n\n"
                "Families receive the right help.\n")
    recs = improvement_recommendations(plan)
    assert [(r.ref, r.deadline_bucket) for r in recs] == [("Action 4", "WITHIN 3 MONTHS")]
    assert [a.text for a in recs[0].actions] == ["A screening tool has been developed and implemented."]


@pytest.mark.parametrize("text,expected", [
    ("A screening tool has been developed and implemented.", True),
    ("Work is underway to redesign field social work teams.", True),
    ("A further training session has been planned for new staff.", True),
    ("There was a 21% increase in the number of contacts.", False),
    ("What does this mean for children and families?", False),
    ("Areas that will be explored in the review include;", False),
    ("As a result, practitioners feel more confident.", False),
])
def test_action_text(text, expected):
    assert is_action_text(text) is expected


# --- action-plan tables -------------------------------------------------------

def _plan(rows):
    return Table(rows=[[Cell(c) for c in r] for r in rows], header_rows=1)


def test_action_plan_rows_continuations_owners_and_timescales():
    t = _plan([
        ["Ref", "Area for Improvement", "Actions", "Lead Officer", "Timescale", "RAG"],
        ["1", "Improve case recording", "Audit case files monthly. Feed back to teams.", "Head of Service – Jo Bloggs", "1st April 14 Monthly", "G"],
        ["", "", "Complete reflective summaries.", "", "30th Sept 14", ""],
        ["2", "Relocate the duty team", "Move the team to a quieter room", "Property Services", "ASAP", "Amber"],
    ])
    res = extract_action_plan(t, 0, glossary={}, anchor=date(2014, 3, 1), body=None)
    assert [(r.ref, r.text, r.rag) for r in res.recs] == [("1", "Improve case recording", "green"),
                                                         ("2", "Relocate the duty team", "amber")]
    r1 = res.recs[0]
    assert [a.text for a in r1.actions] == ["Audit case files monthly.", "Feed back to teams.", "Complete reflective summaries."]
    assert [(o.role, o.person) for o in r1.owners] == [("Head of Service", "Jo Bloggs")]
    assert [(x.due_date, x.recurrence) for x in r1.timescales] == [(date(2014, 4, 1), "once"), (None, "monthly"),
                                                                  (date(2014, 9, 30), "once")]
    assert res.recs[1].timescales[0].recurrence == "immediate"


def test_split_header_word_and_rag_only_by_colour():
    roles = classify_columns(["Ar", "ea for Improvement", "Actions", "Lead"])
    assert roles["rec"] == [1] and roles["ref"] == [0] and roles["action"] == [2]
    t = Table(rows=[[Cell("Recommendation"), Cell("Lead"), Cell("RAG")],
                    [Cell("Ensure plans are reviewed"), Cell("Team Manager"), Cell("", fill="#ff0000")]], header_rows=1)
    res = extract_action_plan(t, 0, glossary={}, anchor=None, body=None)
    assert (res.recs[0].rag, res.recs[0].rag_raw) == ("red", "#ff0000")


def test_a_logs_short_by_and_open_closed_columns():
    roles = classify_columns(["No.", "Minute ref", "Action required", "Responsible", "By", "Open/Closed"])
    assert roles["timescale"] == [4] and roles["progress"] == [5] and roles["action"] == [2]
    assert classify_columns(["Action", "Owner", "Complete by"])["timescale"] == [2]
    assert "timescale" not in classify_columns(["Action", "Agreed by", "Owner"])   # who agreed it is not a date


def test_split_actions_cells():
    assert split_actions("• Establish a team\n• Transfer posts to the Adoption Team") == [
        "Establish a team", "Transfer posts to the Adoption Team"]
    assert split_actions("Audit case recording. This will be accompanied by an escalation process.") == [
        "Audit case recording. This will be accompanied by an escalation process."]


# --- real papers --------------------------------------------------------------

@pytest.mark.needs_shared
def test_seed_000_action_items_with_buckets_and_anchor():
    doc = load_document(SHARED / "seeds" / "000_1b08accbf764f4c3.txt")
    meta = extract_metadata(doc)
    rows = extract_all(doc, meta)
    imp = [r for r in rows["recommendations"] if r["kind"] == "improvement"]
    assert [r["ref"] for r in imp] == [f"Action {i}" for i in range(1, 10)]
    assert anchor_date(doc, meta) == date(2013, 9, 17)
    by_parent = {t["parent_id"]: t for t in rows["timescales"]}
    a4 = next(r for r in imp if r["ref"] == "Action 4")
    assert by_parent[a4["rec_id"]]["due_date"] == date(2013, 12, 17)
    assert [r["ref"] for r in rows["recommendations"] if r["kind"] == "decision"] == ["2.1"]


@pytest.mark.needs_shared
def test_seed_004_ofsted_recommendations_with_rag_and_lead_officers():
    doc = load_document(SHARED / "seeds" / "004_b592e2ca0b29f1f3.txt")
    rows = extract_all(doc, extract_metadata(doc))
    imp = {r["ref"]: r for r in rows["recommendations"] if r["kind"] == "improvement"}
    # Appendix A still holds recommendations 1-3, 5, 8, 9, 11-17 with readable refs
    for ref in ["1", "2", "3", "5", "8", "9", "11", "12", "13", "14", "15", "16", "17"]:
        assert ref in imp, ref
    assert imp["1"]["rag"] == "amber" and imp["11"]["rag"] == "green"
    owners = [o for o in rows["owners"] if o["parent_id"] == imp["1"]["rec_id"]]
    assert ("Business Intelligence Performance Manager", "Emma Jones") in {(o["role"], o["person"]) for o in owners}


@pytest.mark.needs_shared
def test_seed_002_glossary_owners_and_due_dates():
    doc = load_document(SHARED / "seeds" / "002_09b5c4a986544349.txt")
    rows = extract_all(doc, extract_metadata(doc))
    imp = {r["ref"]: r for r in rows["recommendations"] if r["kind"] == "improvement"}
    assert {"1", "6", "7", "8", "9", "10", "11", "12", "13"} <= set(imp)
    owners1 = {(o["role"], o["person"]) for o in rows["owners"] if o["parent_id"] == imp["1"]["rec_id"]}
    assert ("Team Manager", "Jen Thornton") in owners1 and ("Head of Service Inclusion", "Vicky Todd") in owners1
    due = {t["due_date"] for t in rows["timescales"] if t["parent_id"] == imp["13"]["rec_id"]}
    assert date(2014, 5, 30) in due


KENT = SHARED / "corpus" / "kent"


@pytest.mark.needs_shared
@pytest.mark.parametrize("name,refs,body", [
    ("cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf", ["A", "B"], "Cabinet"),
    ("full_council__2025-01-09__originals__Devolution White Paper - County Council Report - FINAL.pdf", ["(1)", "(2)", "(3)", "(4)"], "County Council"),
])
def test_kent_cabinet_reports_give_their_lettered_decision_recommendations(name, refs, body):
    doc = load_document(KENT / name)
    rows = extract_all(doc, extract_metadata(doc))
    dec = [r for r in rows["recommendations"] if r["kind"] == "decision"]
    assert [r["ref"] for r in dec] == refs
    assert all(body.lower() in (r["source_body"] or "").lower() for r in dec)
    assert all(r["page"] for r in dec)


@pytest.mark.needs_shared
def test_delegation_makes_an_owner():
    doc = load_document(KENT / "cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf")
    rows = extract_all(doc, extract_metadata(doc))
    b = next(r for r in rows["recommendations"] if r["ref"] == "B")
    roles = [o["role"] for o in rows["owners"] if o["parent_id"] == b["rec_id"]]
    assert roles == ["Corporate Director of Adult Social Care and Health"]


def test_timescale_cell_borrows_the_year_and_drops_start_dates():
    from extractors.entities.action_plans import _timescale_items
    from extractors.entities.items import Prov
    got = _timescale_items("First phase procure platform by mid-June; second phase live from September 2024", None,
                           Prov(1, "x", "t"))
    assert [(t.raw, t.due_date) for t in got] == [("by mid-June", date(2024, 6, 30))]


@pytest.mark.parametrize("text,expected", [
    ("RECOMMENDATIONS\n\nIt is recommended that the Committee:\n\na) Notes the progress made;\n\nb) Endorses the revised plan.\n\nBACKGROUND\n\nText.\n",
     [("a)", "Notes the progress made;", "Committee"), ("b)", "Endorses the revised plan.", "Committee")]),
    ("Recommendation(s):\n\nCabinet is asked to:\n\n(i) NOTE the report;\n\n(ii) ENDORSE the approach.\n\n1. Introduction\n\n1.1 Text here.\n",
     [("(i)", "NOTE the report;", "Cabinet"), ("(ii)", "ENDORSE the approach.", "Cabinet")]),
    ("Members are asked to note the contents of this report.\n\nBackground\n\nText.\n",
     [(None, "note the contents of this report.", "Members")]),
    ("Proposed Action\n\nThe Panel is recommended to approve the revised terms of reference.\n\nBackground\n\nText.\n",
     [(None, "approve the revised terms of reference.", "Panel")]),
    ("The Committee is requested to:\n\n1. note the report;\n\n2. agree the next steps.\n\nContact Officer: Jane Smith\n",
     [("1", "note the report;", "Committee"), ("2", "agree the next steps.", "Committee")]),
])
def test_decision_phrasings(text, expected):
    assert [(r.ref, r.text, r.source_body) for r in decision_recommendations(_txt(text), "Cabinet")] == expected


def test_narrative_progress_report_with_label_lines():
    text = ("PROGRESS AGAINST THE OFSTED RECOMMENDATIONS\n\n"
            "Recommendation 1: Improve the quality of supervision so that plans progress without delay.\n\n"
            "Lead: Head of Service, Safeguarding – Sam Patel\n\nRAG: Amber\n\nTimescale: March 2025\n\n"
            "Progress: A new supervision policy has been launched.\n\n"
            "A new audit tool has been developed and implemented.\n\n"
            "Recommendation 2: Strengthen the voice of the child.\n\nLead officer: Jo Bloggs\n\nRAG rating: G\n\n"
            "Deadline: by 31 December 2024\n")
    rows = extract_all(_txt(text), {"meeting_date": None})
    recs = rows["recommendations"]
    assert [(r["ref"], r["rag"]) for r in recs] == [("Recommendation 1", "amber"), ("Recommendation 2", "green")]
    assert recs[0]["status_text"] == "A new supervision policy has been launched."
    owners = {(o["role"], o["person"], o["parent_id"]) for o in rows["owners"]}
    assert ("Head of Service, Safeguarding", "Sam Patel", recs[0]["rec_id"]) in owners
    assert (None, "Jo Bloggs", recs[1]["rec_id"]) in owners
    due = {(t["parent_id"], t["due_date"]) for t in rows["timescales"]}
    assert (recs[0]["rec_id"], date(2025, 3, 31)) in due and (recs[1]["rec_id"], date(2024, 12, 31)) in due
    assert [a["text"] for a in rows["actions"]] == ["A new audit tool has been developed and implemented."]


# --- improvement points printed in a box (a one-column table) ------------------

_BOXED = ["The local area partnership should improve the timeliness of needs assessments.",
          "Leaders across the partnership must strengthen joint commissioning of therapy services."]


def _box(first_row=None):
    rows = ([[Cell(""), Cell(first_row), Cell("")]] if first_row else []) + [[Cell(t)] * 3 for t in _BOXED]
    return Block(kind="table", page=5, table=Table(rows=rows))


@pytest.mark.parametrize("blocks", [
    # the heading printed above the box, and again inside it
    [Block(kind="paragraph", text="Inspection of Westshire local area partnership"),
     Block(kind="heading", text="Areas for improvement"), _box("Areas for improvement")],
    # only inside the box
    [Block(kind="paragraph", text="Inspection of Westshire local area partnership"),
     Block(kind="paragraph", text="Leaders have improved the quality of plans."), _box("Areas for improvement")],
])
def test_improvement_points_in_a_box_are_one_recommendation_per_row(blocks):
    doc = _doc(blocks)
    recs = improvement_recommendations(doc)
    assert [r.text for r in recs] == _BOXED
    assert [r.prov.locator for r in recs] == ["table:0/row:1", "table:0/row:2"]
    rows = extract_all(doc, extract_metadata(doc))
    assert [r["text"] for r in rows["recommendations"]] == _BOXED
    # the body the point is addressed to is its owner, as for a paragraph
    assert {o["role"] for o in rows["owners"]} == {"The local area partnership", "Leaders across the partnership"}


def test_a_table_with_real_columns_or_no_improvement_heading_is_not_a_box():
    plain = _doc([Block(kind="paragraph", text="Inspection of Westshire"), _box("Inspection outcome")])
    assert improvement_recommendations(plain) == []
    cols = Table(rows=[[Cell("Areas for improvement"), Cell("Lead")],
                       [Cell(_BOXED[0]), Cell("Head of SEND")]])
    doc = _doc([Block(kind="heading", text="Areas for improvement"), Block(kind="table", table=cols)])
    assert improvement_recommendations(doc) == []


# --------------------------------------------------------------------------
# action logs without a recommendation column (issue 13)
# --------------------------------------------------------------------------

def _log_doc(header, rows):
    from extractors.model import Block, Cell, Document, Table
    t = Table(rows=[[Cell(h) for h in header]] + [[Cell(c) for c in r] for r in rows], header_rows=1, pages=[1])
    return Document(doc_id="log", path="log.pdf", file_name="log.pdf", format="pdf",
                    blocks=[Block(kind="paragraph", text="Board action log", page=1), Block(kind="table", table=t, page=1)])


def test_action_log_rows_are_actions_with_subject_owners_deadlines_and_status():
    doc = _log_doc(["Meeting date & action number", "Action", "Deadline", "Progress"], [
        ["11/01/2011", "Cabinet Office Transparency Team to work with the Home Office on crime data", "Ongoing", "On track"],
        ["11/01/2011", "Cabinet Office Transparency Team to work with the Home Office on crime data", "Ongoing", ""],
        ["19/05/2011", "Officials to discuss the URI project with BIS", "June 2011", "Complete"],
    ])
    rows = extract_all(doc, {})
    acts = rows["actions"]
    assert [a["text"] for a in acts] == ["Cabinet Office Transparency Team to work with the Home Office on crime data",
                                         "Officials to discuss the URI project with BIS"]
    assert [a["rag"] for a in acts] == ["green", "complete"] and acts[0]["status_text"] == "On track"
    assert [(o["role"], o["parent_id"]) for o in rows["owners"]] == [
        ("Cabinet Office Transparency Team", acts[0]["action_id"]), ("Officials", acts[1]["action_id"])]
    due = {t["parent_id"]: (t["recurrence"], t["due_date"]) for t in rows["timescales"]}
    assert due[acts[0]["action_id"]] == ("ongoing", None)
    assert str(due[acts[1]["action_id"]][1]) == "2011-06-30"


@pytest.mark.parametrize("header", [
    ["Action", "Who", "By when", "Status"],
    ["Ref", "Action", "Owner", "Due", "RAG"],
])
def test_action_log_layouts_give_owner_column_owners(header):
    row = {"Action": "Review the parking enforcement contract", "Who": "Clerk", "Owner": "Clerk",
           "By when": "March 2026", "Due": "March 2026", "Status": "Complete", "RAG": "Green", "Ref": "4"}
    doc = _log_doc(header, [[row[h] for h in header]])
    rows = extract_all(doc, {})
    assert [a["text"] for a in rows["actions"]] == ["Review the parking enforcement contract"]
    assert [o["role"] for o in rows["owners"]] == ["Clerk"]
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2026-03-31"]


def test_risk_table_headed_recommendation_gives_recommendations_and_actions():
    doc = _log_doc(["Recommendation", "Risk/Threat/Opportunity", "Mitigation"], [
        ["Adopt the revised waste strategy", "Delay increases landfill costs", "Procure a new contract by April 2026"],
    ])
    rows = extract_all(doc, {})
    assert [r["text"] for r in rows["recommendations"]] == ["Adopt the revised waste strategy"]
    assert [a["text"] for a in rows["actions"]] == ["Procure a new contract by April 2026"]
    assert rows["actions"][0]["rec_id"] == rows["recommendations"][0]["rec_id"]


def test_subject_owner_phrasing():
    from extractors.entities.owners import subject_owner
    assert subject_owner("Home Office team to share the site analytics") == "Home Office team"
    assert subject_owner("Action: JS to circulate the paper") == "JS"
    assert subject_owner("Agreed to publish the minutes") is None
    assert subject_owner("The aim is to improve access") is None


def _prose_doc(texts, title="Minutes of a meeting of the Council held on 24 September 2018"):
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="TINTERN COMMUNITY COUNCIL", page=1), Block(kind="paragraph", text=title, page=1)]
    blocks += [Block(kind="paragraph", text=t, page=1) for t in texts]
    return Document(doc_id="m", path="m.pdf", file_name="m.pdf", format="pdf", blocks=blocks)


def test_minutes_record_actions_as_who_to_do_what():
    doc = _prose_doc(["2564. Police Report: Attached. No presence. Clerk to ask if we can have a police presence at the next meeting.",
                      "Action: Cabinet Office Transparency Team to meet the Mayor's office by March 2011.",
                      "Cllr Richards reported on the festival. There was a good attendance."])
    rows = extract_all(doc, {})
    assert [a["text"] for a in rows["actions"]] == [
        "Clerk to ask if we can have a police presence at the next meeting.",
        "Cabinet Office Transparency Team to meet the Mayor's office by March 2011."]
    assert [o["role"] for o in rows["owners"]] == ["Clerk", "Cabinet Office Transparency Team"]
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2011-03-31"]


def test_who_to_do_sentences_outside_minutes_are_not_actions():
    doc = _prose_doc(["Clerk to ask if we can have a police presence."], title="Annual report of the Clerk")
    assert extract_all(doc, {})["actions"] == []


def test_a_paper_that_promises_recommendations_and_yields_none_gets_a_warning():
    from extractors.entities.coverage import coverage_warnings
    doc = _prose_doc(["What needs to improve", "Something the rules cannot read as a list"], title="Report")
    warns = coverage_warnings(doc, {"recommendations": [], "actions": []})
    assert len(warns) == 1 and "no recommendations extracted" in warns[0] and "What needs to improve" in warns[0]
    assert coverage_warnings(doc, {"recommendations": [{"rec_id": "x"}], "actions": []}) == []
    contents = _prose_doc(["Recommendations .......... 12"], title="Report")
    assert coverage_warnings(contents, {"recommendations": [], "actions": []}) == []


def test_a_lead_in_to_steps_taken_gives_one_action_per_item():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Progress report", page=1),
              Block(kind="paragraph", text="Since April the housing team has:", page=1),
              Block(kind="list_item", text="launched the Homes Register, with 1,146 households registered;", numbering="•", page=1),
              Block(kind="list_item", text="recruited 2 additional Empty Homes Officers; and", numbering="•", page=1),
              Block(kind="list_item", text="Housing remains a priority for the council", numbering="•", page=1),
              Block(kind="paragraph", text="Over the next quarter the service will:", page=1),
              Block(kind="list_item", text="open the Enterprise Hub by May 2026", numbering="•", page=1),
              Block(kind="paragraph", text="Members noted the report.", page=1)]
    doc = Document(doc_id="s", path="s.pdf", file_name="s.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, {})
    assert [a["text"] for a in rows["actions"]] == [
        "launched the Homes Register, with 1,146 households registered;",
        "recruited 2 additional Empty Homes Officers; and",
        "open the Enterprise Hub by May 2026"]
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2026-05-31"]


def test_a_definition_list_after_will_is_not_steps():
    from extractors.model import Block, Document
    blocks = [Block(kind="paragraph", text="A key decision is one which will:", page=1),
              Block(kind="list_item", text="be significant in terms of its effects on communities", numbering="•", page=1),
              Block(kind="list_item", text="result in savings which are significant", numbering="•", page=1)]
    doc = Document(doc_id="d", path="d.pdf", file_name="d.pdf", format="pdf", blocks=blocks)
    assert extract_all(doc, {})["actions"] == []


def test_lead_and_target_date_printed_after_the_step():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Actions", page=1),
              Block(kind="list_item", numbering="(a)", page=1,
                    text="Changes of circumstances: clear the backlog of 2,315 items by bringing in 3 agency assessors. "
                         "Lead: Head of Revenues and Benefits (Gareth Lloyd). Target date: 31 January 2026.")]
    doc = Document(doc_id="l", path="l.pdf", file_name="l.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, {})
    assert [a["text"] for a in rows["actions"]] == [
        "Changes of circumstances: clear the backlog of 2,315 items by bringing in 3 agency assessors."]
    assert [(o["role"], o["person"]) for o in rows["owners"]] == [("Head of Revenues and Benefits", "Gareth Lloyd")]
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2026-01-31"]


def test_inquiry_summary_chapter_and_own_voice_recommendations():
    from extractors.model import Block, Document
    summary = [Block(kind="heading", text="CHAPTER 8: CONCLUSIONS AND RECOMMENDATIONS", page=9),
               Block(kind="paragraph", numbering="8.1", page=9,
                     text="There is a lack of applied research at a population level. (paragraph 3.10)"),
               Block(kind="heading", text="Evidence-based policy (Chapter 4)", page=9),
               Block(kind="paragraph", numbering="8.2", page=9,
                     text="We recommend that the Government appoint a Chief Social Scientist. (paragraph 4.20)"),
               Block(kind="paragraph", numbering="8.3", page=10,
                     text="Departmental Chief Scientific Advisers should be able to call on social science advice. (paragraph 4.23)"),
               Block(kind="heading", text="Appendix 1: Members", page=11),
               Block(kind="paragraph", numbering="1", page=11, text="The members should be listed here.")]
    doc = Document(doc_id="i", path="i.pdf", file_name="i.pdf", format="pdf", blocks=summary)
    recs = extract_all(doc, {})["recommendations"]
    assert [(r["ref"], r["text"]) for r in recs] == [
        ("8.2", "We recommend that the Government appoint a Chief Social Scientist."),
        ("8.3", "Departmental Chief Scientific Advisers should be able to call on social science advice.")]
    body = Document(doc_id="j", path="j.pdf", file_name="j.pdf", format="pdf", blocks=[
        Block(kind="paragraph", text="We therefore recommend that the council publishes its data strategy within six months.", page=3),
        Block(kind="paragraph", text="We heard that the data strategy was late.", page=3)])
    assert [r["text"] for r in extract_all(body, {})["recommendations"]] == [
        "We therefore recommend that the council publishes its data strategy within six months."]


def test_it_is_recommended_that_sentences():
    from extractors.model import Block, Document
    doc = Document(doc_id="h", path="h.pdf", file_name="h.pdf", format="pdf", blocks=[
        Block(kind="paragraph", page=4, text="It is recommended that the Healthcare team is tasked with identifying all "
                                             "prisoners who are not registered with a GP."),
        Block(kind="paragraph", page=4, text="It is recommended that the Committee:")])
    recs = extract_all(doc, {})["recommendations"]
    assert [(r["kind"], r["text"][:40]) for r in recs] == [("improvement", "It is recommended that the Healthcare te")]


def test_contents_lines_do_not_open_a_recommendations_zone():
    from extractors.model import Block, Document
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf", blocks=[
        Block(kind="paragraph", page=2, text="Recommendations .......... 137"),
        Block(kind="paragraph", page=2, text="Risk Management .......... 140"),
        Block(kind="paragraph", page=2, text="Areas for improvement 12"),
        Block(kind="paragraph", page=2, text="List of Chapters .......... 3")])
    assert extract_all(doc, {})["recommendations"] == []


def test_subject_owners_split_bodies_and_name_people():
    from extractors.entities.owners import subject_owners
    assert subject_owners("Transparency Board and MCO to convene a meeting") == [
        ("Transparency Board", None, "Transparency Board"), ("MCO", None, "MCO")]
    assert subject_owners("Companies House to discuss licensing")[0][:2] == ("Companies House", None)
    assert subject_owners("Tim Kelsey to present a proposal")[0][:2] == (None, "Tim Kelsey")
    assert [o[1] for o in subject_owners("Cllrs Richards & Evans to draft a letter")] == ["Cllr Richards", "Cllr Evans"]
    assert subject_owners("Head of Revenues and Benefits to review the backlog")[0][0] == "Head of Revenues and Benefits"


def test_months_without_a_year_take_the_year_the_log_is_dated():
    doc = _log_doc(["Action", "Deadline", "Progress"], [["Officials to discuss the URI project with BIS", "September", "On track"]])
    doc.blocks[0].text = "Transparency Board Action Log as 19 July 2011"
    rows = extract_all(doc, {})
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2011-09-30"]


@pytest.mark.parametrize("text, expected", [
    ("We recommend that the Government appoint a Chief Social Scientist.", True),
    ("We note the commitment to continue the brand and urge the Department of Health to ensure robust evaluation.", True),
    ("Departmental Chief Scientific Advisers, whether or not they have experience, should be responsible for contacts.", True),
    ("We agree with the principle that ministers should explain publicly their reasons for policy decisions.", False),
    ("Effective evaluation requires that: evaluation should be considered at the beginning. Funds should be allocated.", False),
    ("There is a lack of applied research at a population level.", False),
])
def test_which_summary_paragraphs_recommend(text, expected):
    from extractors.entities.inquiry import recommends
    assert recommends(text) is expected


@pytest.mark.parametrize("heading", ["Recommendations", "Key recommendations", "Main recommendations", "Our recommendations"])
def test_recommendation_lists_under_their_common_headings(heading):
    doc = _txt(f"Suicide Prevention Needs Assessment\n\n{heading}\n\n"
               "• Develop a real-time surveillance system for suspected suicides with the police and coroner.\n"
               "• Train frontline staff in primary care in suicide awareness.\n\nBackground\n\n"
               "Suicide rates in the county are above the England average.\n")
    texts = [r["text"] for r in extract_all(doc, extract_metadata(doc))["recommendations"]]
    assert texts == ["Develop a real-time surveillance system for suspected suicides with the police and coroner.",
                     "Train frontline staff in primary care in suicide awareness."]


def test_an_action_log_named_so_or_with_an_action_points_column_that_yields_none_gets_a_warning():
    from dataclasses import replace

    from extractors.entities.coverage import coverage_warnings
    doc = replace(_prose_doc(["Nothing the rules read"], title="Log"), file_name="Board Action Log July 13.pdf")
    warns = coverage_warnings(doc, {"recommendations": [], "actions": []})
    assert len(warns) == 1 and "no actions extracted" in warns[0] and "Action Log July 13" in warns[0]
    table = Table(rows=[[Cell("No."), Cell("Action points"), Cell("Lead")], [Cell("1"), Cell("x"), Cell("y")]],
                  header_rows=1)
    doc = Document(doc_id="t", path="t.pdf", file_name="t.pdf", format="pdf",
                   blocks=[Block(kind="table", text="", table=table)])
    assert "Action points" in coverage_warnings(doc, {"recommendations": [], "actions": []})[0]


def test_a_plans_titled_commitments_and_titled_recommendations():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="National Action Plan 2013", page=1),
              Block(kind="paragraph", page=1, text="Register of Lobbyists – The UK Government will establish a statutory "
                                                  "register of lobbyists by 2014."),
              Block(kind="heading", text="Civil society priority areas", page=2),
              Block(kind="paragraph", page=2, text="Open data – The UK Government should further develop the open data agenda:"),
              Block(kind="paragraph", page=2, text="¹ Available from: http://example.org"),
              Block(kind="paragraph", page=3, text="Domestically, through the release of core reference data."),
              Block(kind="paragraph", page=3, text="Lobbying Register – The Government should establish a register that "
                                                  "applies across the board."),
              Block(kind="paragraph", page=3, text="Public Data – the work continues with partners.")]
    doc = Document(doc_id="p", path="p.pdf", file_name="p.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, {})
    assert [a["text"] for a in rows["actions"]] == [blocks[1].text]
    assert [o["role"] for o in rows["owners"] if o["parent_type"] == "action"] == ["UK Government"]
    assert [(r["kind"], r["text"]) for r in rows["recommendations"]] == [
        ("improvement", "Open data – The UK Government should further develop the open data agenda: Domestically, "
                        "through the release of core reference data."),
        ("improvement", blocks[6].text)]


def test_an_assessments_numbered_recommendations_with_lead_and_timescale_lines():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Recommendations", numbering="11"),
              Block(kind="paragraph", text="The following recommendations are made to the council and its partners."),
              Block(kind="paragraph", numbering="1", text="The council should maintain investment in alcohol treatment."),
              Block(kind="paragraph", text="Timescale: 2026/27."),
              Block(kind="paragraph", numbering="2", text="Embed Identification and Brief Advice in primary care."),
              Block(kind="paragraph", text="Lead: Consultant in Public Health – Dr Fiona Castellan. Timescale: Q2 2026/27."),
              Block(kind="paragraph", numbering="3", text="Establish sharing of emergency department assault data."),
              Block(kind="paragraph", text="Leads: Public Health Intelligence Manager – Owen Pritchard. Timescale: quarterly.")]
    doc = Document(doc_id="n", path="n.pdf", file_name="n.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, {})
    recs = rows["recommendations"]
    assert [(r["ref"], r["kind"]) for r in recs] == [("1", "improvement"), ("2", "improvement"), ("3", "improvement")]
    by_id = {r["rec_id"]: r["ref"] for r in recs}
    got = sorted((by_id[o["parent_id"]], o["person"] or "") for o in rows["owners"])
    assert got[1:] == [("2", "Dr Fiona Castellan"), ("3", "Owen Pritchard")] and got[0][0] == "1"   # 1: "The council"
    assert sorted((by_id[t["parent_id"]], t["raw"]) for t in rows["timescales"]) == [
        ("1", "2026/27"), ("2", "Q2 2026/27"), ("3", "quarterly")]


def test_a_box_of_recommendations_made_to_others():
    from extractors.model import Block, Cell, Document, Table
    rows = [["Recommendations"],
            ["1. Commissioners should ensure that looked after children receive an annual health assessment."],
            ["2. The council should develop a single emotional wellbeing pathway for children in care."]]
    box = Table(rows=[[Cell(x) for x in r] for r in rows], header_rows=1)
    doc = Document(doc_id="b", path="b.pdf", file_name="b.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Needs assessment of looked after children"),
                           Block(kind="table", text="", table=box)])
    recs = extract_all(doc, {})["recommendations"]
    assert [(r["kind"], r["ref"], r["text"][:13]) for r in recs] == [("improvement", "1", "Commissioners"),
                                                                     ("improvement", "2", "The council s")]


def test_an_audits_implementation_date_column_is_its_timescale():
    roles = classify_columns(["Ref", "Recommendation", "Management response", "Responsible officer", "Implementation date"])
    assert roles["timescale"] == [4]
    assert "timescale" not in classify_columns(["Implementation", "Action"])   # how it is going, not when


@pytest.mark.parametrize("rating", ["RAG", "Status"])
def test_each_action_row_under_a_recommendation_keeps_its_own_rating(rating):
    # the recommendation's cell printed once, blank on the action rows under it
    t = Table(rows=[[Cell(c) for c in r] for r in [
        ["No.", "Recommendation", "Action", "Lead", "Timescale", rating],
        ["1", "Leaders should ensure every child in need has a current plan.", "Audit all CIN plans", "Head of CIN",
         "March 2026", "Green"],
        ["", "", "Introduce a monthly plan review", "Team Managers", "April 2026", "Amber"],
        ["2", "Managers should improve supervision.", "Launch the supervision policy", "PSW", "June 2026", "Red"]]],
        header_rows=1)
    res = extract_action_plan(t, 0, glossary={}, anchor=None, body=None)
    assert [(r.ref, r.rag) for r in res.recs] == [("1", None), ("2", "red")]
    assert [a.rag for a in res.recs[0].actions] == ["green", "amber"]


@pytest.mark.parametrize("text, who", [
    ("Cabinet Office Transparency Team with Transparency Board input to consider whether a validator is needed",
     "Cabinet Office Transparency Team"),
    ("Representative from Contract Finder to provide a demonstration to the Board.", "Representative from Contract Finder"),
    ("Officials at DfT to check the figures.", "Officials at DfT"),
    ("Transparency Board members to be kept informed of the progress of the paper.", "Transparency Board members"),
    ("Transparency Board to be updated on the work on business identifiers.", "Transparency Board"),
    ("Clerk to do this.", "Clerk"),
])
def test_the_party_an_action_line_names_first(text, who):
    from extractors.entities.owners import subject_owner
    assert subject_owner(text) == who


@pytest.mark.parametrize("text", [
    "Annual Toy Service to be held 10th December.",      # an event held, not a party
    "The strategy to be published in May.",
    "Results from the survey to be shared.",
    "Agreed to be reviewed at the next meeting.",
])
def test_things_to_be_done_name_no_party(text):
    from extractors.entities.owners import subject_owner
    assert subject_owner(text) is None


@pytest.mark.parametrize("text, want", [
    ("NHS North Fells ICB and Hartlemere Hospitals NHS Foundation Trust",
     ["NHS North Fells ICB", "Hartlemere Hospitals NHS Foundation Trust"]),
    ("Safeguarding Children Board and Community Safety Partnership",
     ["Safeguarding Children Board", "Community Safety Partnership"]),
    ("Police and Crime Commissioner", ["Police and Crime Commissioner"]),
    ("Monitoring Officer and Democratic Services Manager", ["Monitoring Officer", "Democratic Services Manager"]),
    ("Head of Strategy and Performance / Customer Insight Officer", ["Head of Strategy and Performance", "Customer Insight Officer"]),
    ("Repairs Contract Manager – Sanjay Whitlow and Head of Repairs and Maintenance",
     ["Repairs Contract Manager", "Head of Repairs and Maintenance"]),
    ("Health and Wellbeing Board", ["Health and Wellbeing Board"]),
    ("Head of Finance and Resources", ["Head of Finance and Resources"]),
])
def test_two_bodies_joined_by_and_are_two_owners(text, want):
    from extractors.entities.owners import split_owners
    assert [r for r, _, _ in split_owners(text)] == want


def test_within_months_of_this_report_counts_from_its_publication_date():
    from extractors.model import Block, Document
    from extractors.metadata import extract_metadata
    doc = Document(doc_id="p", path="p.pdf", file_name="p.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Disabled Facilities Grants", level=1, page=1),
        Block(kind="paragraph", text="Ordered by the Assembly to be printed 13 January 2027", page=1),
        Block(kind="paragraph", text="Published on 22 January 2027 by authority of the Assembly", page=1)])
    assert anchor_date(doc, extract_metadata(doc)) == date(2027, 1, 22)


def test_steps_listed_under_a_lead_in_naming_who_takes_them():
    from extractors.model import Block, Document
    from extractors.metadata import extract_metadata
    from extractors.entities.narrative import lead_in_doer
    assert lead_in_doer("The council has told us that it will:") == "the council"
    assert lead_in_doer("It is recognised that leaders will:") is None
    items = ["publish this report on its website by 30 April 2026;",
             "produce an action plan in response to the recommendations, for approval by Cabinet in June 2026"]
    doc = Document(doc_id="n", path="n.pdf", file_name="n.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Next steps", level=1),
        Block(kind="paragraph", text="The council has told us that it will:")] +
        [Block(kind="list_item", text=t, numbering="•") for t in items])
    got = extract_all(doc, extract_metadata(doc))
    assert len(got["actions"]) == 2 and [o["role"] for o in got["owners"]] == ["the council", "the council"]


@pytest.mark.parametrize("text, want", [
    ("Head of Asset Management", [("Head of Asset Management", None)]),
    ("HR Business Partner / Head of Asset Management", [("HR Business Partner", None), ("Head of Asset Management", None)]),
    ("Head of Service Nicci Collins", [("Head of Service", "Nicci Collins")]),
])
def test_a_posts_object_is_not_its_holder(text, want):
    from extractors.entities.owners import split_owners
    assert [(r, p) for r, p, _ in split_owners(text)] == want


@pytest.mark.parametrize("text, who", [
    ("The programme risk register should be reviewed monthly by the programme board.", [("responsible", "the programme board")]),
    ("The revised business case should be approved by Cabinet.", []),
    ("The report was reviewed by the Board in May.", []),
])
def test_who_a_passive_recommendation_names_after_by(text, who):
    from extractors.entities.owners import owners_in_text
    assert owners_in_text(text) == who


def test_lettered_parts_of_a_recommendation_are_addressed_to_whom_its_stem_addresses():
    from extractors.model import Block, Document
    from extractors.metadata import extract_metadata
    doc = Document(doc_id="s", path="s.pdf", file_name="s.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Recommendations", level=1),
        Block(kind="list_item", numbering="R3", text="We recommend that the Council strengthens member oversight of major projects by:"),
        Block(kind="list_item", numbering="a)", text="establishing a Major Projects Board with cross-party membership; and"),
        Block(kind="list_item", numbering="b)", text="publishing the major projects risk register every quarter.")])
    got = extract_all(doc, extract_metadata(doc))
    parts = {r["rec_id"]: r["ref"] for r in got["recommendations"] if r["ref"] in ("R3a", "R3b")}
    assert set(parts.values()) == {"R3a", "R3b"}
    assert {(o["parent_id"], o["role"]) for o in got["owners"]} >= {(k, "the Council") for k in parts}
