"""Forms read in session 28: numbered steps under a plan item ("Recommendation 1:"
then "Action 1.1: ...", "Lead: ...", "By: ..."); a "Progress:" label run into
the same line as "By:"; owner posts that end in a service word ("Head of Adult
Safeguarding") or start with a partner agency's initials ("ICB Director of
Primary Care")."""
import docx
import pytest

from extractors.entities.owners import split_owners
from tests.word_papers import add_table as _table, extracted as _extracted


def _parent_text(out: dict, row: dict) -> str:
    for r in out["recommendations"]:
        if r["rec_id"] == row["parent_id"]:
            return "R:" + r["text"][:20]
    for a in out["actions"]:
        if a["action_id"] == row["parent_id"]:
            return "A:" + a["text"][:20]
    return "?"


def test_numbered_steps_under_a_plan_item_are_its_actions_with_their_own_labels(tmp_path):
    d = docx.Document()
    d.add_heading("Improvement plan: progress report", level=1)
    d.add_paragraph("Recommendation 1: The Council should improve the timeliness of assessments.")
    d.add_paragraph("Action 1.1: Introduce a new triage process at the front door.")
    d.add_paragraph("Lead: Head of Assessment")
    d.add_paragraph("By: March 2027")
    d.add_paragraph("Action 1.2: Recruit four permanent social workers.")
    d.add_paragraph("Lead: Service Manager, Workforce")
    d.add_paragraph("By: June 2027")
    d.add_paragraph("Recommendation 2: The Council should strengthen quality assurance of case files.")
    d.add_paragraph("Action 2.1: Launch a case file audit programme.")
    d.add_paragraph("Lead: Principal Social Worker By: October 2026 Progress: Audits running since July.")
    out = _extracted(d, tmp_path)
    assert sorted(r["ref"] for r in out["recommendations"]) == ["Recommendation 1", "Recommendation 2"]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted((a["ref"], recs[a["rec_id"]]) for a in out["actions"]) == [
        ("Action 1.1", "Recommendation 1"), ("Action 1.2", "Recommendation 1"), ("Action 2.1", "Recommendation 2")]
    owners = {(_parent_text(out, o), o["role"]) for o in out["owners"]}
    assert ("A:Introduce a new tria", "Head of Assessment") in owners
    assert ("A:Recruit four permane", "Service Manager, Workforce") in owners
    assert ("A:Launch a case file a", "Principal Social Worker") in owners
    dates = sorted((_parent_text(out, t), t["raw"]) for t in out["timescales"])
    # "since July" is what the progress line reports, not a deadline
    assert dates == [("A:Introduce a new tria", "March 2027"), ("A:Launch a case file a", "October 2026"),
                     ("A:Recruit four permane", "June 2027")]


def test_a_plan_of_numbered_actions_with_no_item_above_keeps_them_as_plan_items(tmp_path):
    # "Action 1 - ..." plans (Kent's) number their items "Action N": no recommendation above, so no step
    d = docx.Document()
    d.add_heading("Children's services action plan", level=1)
    d.add_paragraph("Action 1 - Improve the quality of supervision across all teams.")
    d.add_paragraph("Action 2 - Reduce the number of agency social workers.")
    out = _extracted(d, tmp_path)
    assert sorted(r["ref"] for r in out["recommendations"]) == ["Action 1", "Action 2"]


@pytest.mark.parametrize("cell, roles", [
    ("Head of Adult Safeguarding (Dryden Council)", ["Head of Adult Safeguarding (Dryden Council)"]),
    ("Head of Adult Safeguarding", ["Head of Adult Safeguarding"]),
    ("Head of Housing Safeguarding Lead", ["Head of Housing", "Safeguarding Lead"]),
    ("Principal Social Worker Safeguarding Manager", ["Principal Social Worker", "Safeguarding Manager"]),
    ("Head of Housing Options / ICB Director of Primary Care", ["Head of Housing Options", "ICB Director of Primary Care"]),
    ("Head of Housing Options and ICB Director of Primary Care", ["Head of Housing Options", "ICB Director of Primary Care"]),
    ("Director of Public Health and the ICB Director of Strategy", ["Director of Public Health", "ICB Director of Strategy"]),
    ("JB / Director of Finance", ["JB", "Director of Finance"]),
])
def test_posts_ending_in_a_service_word_or_starting_with_an_agency(cell, roles):
    assert [role for role, _person, _raw in split_owners(cell)] == roles


def test_an_owner_column_post_with_its_agency_in_a_table(tmp_path):
    d = docx.Document()
    d.add_heading("Safeguarding Adults Board: action log", level=1)
    _table(d, [["No.", "Action", "Owner", "Due", "Status"],
               ["46", "Provide data on Section 42 enquiries by ethnicity", "Head of Adult Safeguarding (Dryden Council)",
                "31 January 2027", "Open"],
               ["47", "Agree a protocol for GP access for families in temporary accommodation",
                "Head of Housing Options / ICB Director of Primary Care", "September 2027", "Open"]])
    out = _extracted(d, tmp_path)
    assert sorted(o["role"] for o in out["owners"]) == ["Head of Adult Safeguarding (Dryden Council)",
                                                        "Head of Housing Options", "ICB Director of Primary Care"]


def test_a_list_the_reviewers_made_printed_in_a_background_section(tmp_path):
    d = docx.Document()
    d.add_heading("Corporate Peer Challenge: progress update", level=1)
    d.add_heading("4. Background", level=2)
    d.add_paragraph("4.2 The peer team found a council with a strong sense of place. The peer team made three recommendations:")
    d.add_paragraph("1. Develop a clear, shared narrative for the new Council Plan that residents understand.")
    d.add_paragraph("2. Put in place a multi-year plan to close the budget gap of £6.8 million.")
    d.add_paragraph("3. Review the capacity of the senior leadership team and the statutory officer roles.")
    d.add_paragraph("4.3 The action plan has 27 actions grouped under the three recommendations.")
    d.add_heading("5. Progress", level=2)
    d.add_paragraph("5.4 Action 2.1 – Budget plan (Off track). Drafting was paused while the pay review was completed.")
    out = _extracted(d, tmp_path)
    recs = sorted((r["ref"], r["kind"], r["text"][:20]) for r in out["recommendations"])
    assert recs == [("1", "improvement", "Develop a clear, sha"), ("2", "improvement", "Put in place a multi"),
                    ("3", "improvement", "Review the capacity ")]


def test_recommended_actions_keyed_to_recommendations_printed_before(tmp_path):
    d = docx.Document()
    d.add_heading("Oral health needs assessment", level=1)
    d.add_heading("7. Recommendations", level=2)
    d.add_paragraph("Recommendation 1 – Extend supervised toothbrushing to every primary school in the most deprived areas.")
    d.add_paragraph("Recommendation 2 – Commission a targeted fluoride varnish programme for children aged 3 to 7.")
    d.add_heading("8. Action plan", level=2)
    _table(d, [["Rec.", "No.", "Recommended action", "Action to be taken by"],
               ["1", "1a", "Map every primary school against the current programme by March 2027.", "Oral Health Improvement Lead"],
               ["", "1b", "Recruit and train 4 additional oral health support workers.", "Oral Health Improvement Lead"],
               # the group's number lost (a merged cell cut by a page break): the row's own "2a" names it
               ["", "2a", "Agree a service specification for fluoride varnish by June 2027.", "Director of Public Health"]])
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["Recommendation 1", "Recommendation 2"]
    assert sorted((a["text"][:12], recs.get(a["rec_id"])) for a in out["actions"]) == [
        ("Agree a serv", "Recommendation 2"), ("Map every pr", "Recommendation 1"), ("Recruit and ", "Recommendation 1")]
    # the lead is the recommendation's (the table convention); a deadline in the action's own words stays the action's
    owners = {(_parent_text(out, o), o["role"]) for o in out["owners"]}
    assert ("R:Extend supervised to", "Oral Health Improvement Lead") in owners
    assert ("R:Commission a targete", "Director of Public Health") in owners
    dates = sorted((_parent_text(out, t), t["raw"]) for t in out["timescales"])
    assert dates == [("A:Agree a service spec", "by June 2027"), ("A:Map every primary sc", "by March 2027")]


def test_a_summary_item_that_recommends_over_lettered_parts(tmp_path):
    d = docx.Document()
    d.add_heading("Homelessness prevention inquiry", level=1)
    d.add_heading("Conclusions and recommendations", level=1)
    d.add_paragraph("5. Too many households approach the Council only when eviction is imminent. The Council should launch "
                    "an early-warning campaign with letting agents.")
    p = d.add_paragraph()
    p.add_run("6. We recommend that the Cabinet:").bold = True   # set like a heading, a colon at its end
    d.add_paragraph("(a) adopts a Temporary Accommodation Placement Policy by June 2027; and")
    d.add_paragraph("(b) brings forward a business case to lease at least 20 homes for temporary accommodation.")
    d.add_paragraph("7. The Council should appoint a dedicated move-on officer for households in temporary accommodation.")
    d.add_paragraph("8. We recommend that the Housing Options service publishes its customer service standards.")
    d.add_heading("Annex A", level=1)
    out = _extracted(d, tmp_path)
    refs = sorted((r["ref"], r["text"][:14]) for r in out["recommendations"])
    assert ("6(a)", "adopts a Tempo") in refs and ("6(b)", "brings forward") in refs
    assert ("8", "We recommend t") in refs   # the list goes on after the stem and its parts
    assert not any(ref == "6" for ref, _ in refs)


def test_an_inspection_item_as_a_heading_with_the_inspectorate_s_words_and_our_answer_under_it(tmp_path):
    d = docx.Document()
    d.add_heading("Improvement plan: progress report", level=1)
    d.add_heading("AFI 3 (priority) – Information, Advice and Assistance", level=2)
    d.add_paragraph("CIW said: The local authority must reduce delays in the Information, Advice and Assistance service.")
    d.add_paragraph("Our response: Accepted.")
    d.add_paragraph("6.2 Four additional social workers joined the IAA team in August and September 2026.")
    _table(d, [["No.", "Action", "Owner", "Due", "Status"],
               ["3.1", "Recruit four additional social workers to the IAA team.", "IAA Team Manager", "30 September 2026", "Complete"],
               ["3.2", "Introduce a daily duty senior practitioner rota.", "IAA Team Manager", "August 2026", "Complete"]])
    d.add_heading("AFI 5 (priority) – Statutory visits", level=2)
    d.add_paragraph("CIW said: The local authority must ensure that statutory visits take place within required timescales.")
    d.add_paragraph("Our response: Accepted.")
    p = d.add_paragraph()
    p.add_run("Actions").bold = True
    d.add_paragraph("1. Introduce a weekly visits tracker for every team.")
    d.add_paragraph("Lead: Service Manager, Children Looked After By: July 2026")
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r for r in out["recommendations"]}
    assert sorted(r["ref"] for r in recs.values()) == ["AFI 3", "AFI 5"]
    assert all("must" in r["text"] for r in recs.values())   # the inspectorate's words, not only the title
    # the answer is "Accepted." (not the report's next numbered paragraph), keyed as the item is named
    assert sorted((x["rec_ref"], x["status"], x["text"]) for x in out["responses"]) == [
        ("AFI 3", "accepted", "Accepted."), ("AFI 5", "accepted", "Accepted.")]
    # the action table under the item ("3.1", "3.2") and the steps after its answer are its actions
    by_rec = sorted((recs[a["rec_id"]]["ref"], a["text"][:18]) for a in out["actions"] if a["rec_id"] in recs)
    assert by_rec == [("AFI 3", "Introduce a daily d"[:18]), ("AFI 3", "Recruit four addit"), ("AFI 5", "Introduce a weekly")]


def test_a_deadline_lead_in_over_items_or_over_their_table(tmp_path):
    d = docx.Document()
    d.add_heading("HMICFRS inspection: progress", level=1)
    p = d.add_paragraph()
    p.add_run("By 31 December 2026, the service should:").bold = True
    _table(d, [["Ref", "HMICFRS recommendation", "Action", "Owner", "Target date"],
               ["1.1", "make sure its risk-based inspection programme targets its highest-risk premises",
                "Cleanse the premises risk database", "Group Manager, Protection", "30/09/2026"]])
    d.add_paragraph("HMICFRS recommendations (to be completed by 31 October 2026):")
    d.add_paragraph("Recommendation 2.1 Make sure all staff understand and demonstrate the service's values.")
    d.add_paragraph("• Deliver values workshops to every watch and team (Lead: Sonia Whitlam, Head of People; by March 2027).")
    d.add_paragraph("• Add a values section to the appraisal form (Lead: Priya Anand, Head of HR, by 31 January 2027).")
    out = _extracted(d, tmp_path)
    dates = sorted((_parent_text(out, t), t["raw"]) for t in out["timescales"])
    assert ("R:make sure its risk-b", "By 31 December 2026") in dates
    assert ("R:Make sure all staff ", "by 31 October 2026") in dates
    assert ("A:Deliver values works", "by March 2027") in dates
    assert ("A:Add a values section", "by 31 January 2027") in dates
    # the bracket is the step's lead and date, not its words
    assert sorted(a["text"] for a in out["actions"] if a["text"].startswith(("Deliver", "Add"))) == [
        "Add a values section to the appraisal form", "Deliver values workshops to every watch and team"]
    owners = {(_parent_text(out, o), o["role"], o["person"]) for o in out["owners"]}
    assert ("A:Deliver values works", "Head of People", "Sonia Whitlam") in owners
    assert ("A:Add a values section", "Head of HR", "Priya Anand") in owners


def test_a_single_resolution_takes_its_minute_s_number(tmp_path):
    d = docx.Document()
    d.add_heading("Health and Wellbeing Board – Minutes", level=1)
    d.add_heading("43 MINUTES OF THE PREVIOUS MEETING", level=2)
    d.add_paragraph("RESOLVED – That the minutes of the meeting held on 16 September 2026 be approved as a correct record.")
    d.add_heading("44 BETTER CARE FUND", level=2)
    p = d.add_paragraph()
    p.add_run("Action: KO").bold = True   # a label set in bold under the minute does not end it
    d.add_paragraph("RESOLVED – That the Better Care Fund Quarter 2 return for 2026/27 be ratified.")
    out = _extracted(d, tmp_path)
    assert sorted((r["ref"], r["text"][:24]) for r in out["recommendations"]) == [
        ("43", "That the minutes of the "), ("44", "That the Better Care Fun")]


def test_two_bodies_a_recommendation_addresses_in_lower_case(tmp_path):
    d = docx.Document()
    d.add_heading("Inspection of children's services", level=1)
    d.add_heading("Areas for improvement", level=2)
    d.add_paragraph("1. The local authority and Cwm Arian University Health Board should agree clear joint arrangements "
                    "for children with complex emotional and mental health needs.")
    d.add_paragraph("2. The local authority must reduce delays in the Information, Advice and Assistance service.")
    out = _extracted(d, tmp_path)
    owners = sorted((_parent_text(out, o), o["role"]) for o in out["owners"])
    assert owners == [("R:The local authority ", "Cwm Arian University Health Board"),
                      ("R:The local authority ", "The local authority"), ("R:The local authority ", "The local authority")]


def test_actions_after_a_paragraph_ending_actions_with_their_owner_in_brackets_cut_by_a_page(tmp_path):
    d = docx.Document()
    d.add_heading("Performance report: exception reports", level=1)
    d.add_heading("PE1 – Sickness absence", level=2)
    d.add_paragraph("5.4 An average of 2.64 working days per employee were lost to sickness in Q3. Actions:")
    d.add_paragraph("• Refer every employee with more than 14 days' absence to occupational health "
                    "(Owner: Head of People – Sonia Whitlam; by end of February 2027).")
    d.add_paragraph("• Give all line managers refresher training on the Attendance Management Policy (Owner: Head of People")
    d.add_paragraph("• Sonia Whitlam; by 31 March 2027).")   # the bracket's end printed as a bullet of its own
    out = _extracted(d, tmp_path)
    assert sorted(a["text"] for a in out["actions"]) == [
        "Give all line managers refresher training on the Attendance Management Policy",
        "Refer every employee with more than 14 days' absence to occupational health"]
    assert sorted((_parent_text(out, t), t["raw"]) for t in out["timescales"]) == [
        ("A:Give all line manage", "by 31 March 2027"), ("A:Refer every employee", "by end of February 2027")]
    assert sorted((o["role"], o["person"]) for o in out["owners"]) == [("Head of People", "Sonia Whitlam")] * 2


def test_an_empty_cell_beside_a_nested_header_is_no_action(tmp_path):
    d = docx.Document()
    d.add_heading("Exception report", level=1)
    _table(d, [["Performance", "262 audits in Q3 against a target of 300", "", ""],
               ["Actions being taken", "", "", ""],
               ["", "Move two fire safety inspectors to the audit programme.", "Group Manager Protection", "Immediate"]])
    out = _extracted(d, tmp_path)
    assert all(a["text"].strip() for a in out["actions"])


def test_an_audit_report_s_recommendations_under_labels_with_their_priority(tmp_path):
    d = docx.Document()
    d.add_heading("Internal Audit Report: Purchasing Cards", level=1)
    d.add_heading("Areas for improvement", level=2)
    d.add_paragraph("• Four of the 25 cardholders tested had no signed cardholder agreement (Finding 1).")
    d.add_paragraph("• Three purchases appear to have been split to avoid the single transaction limit (Finding 4).")
    d.add_heading("Recommendations and management responses", level=2)
    d.add_paragraph("1.5 Table 1 summarises our recommendations by priority and management's response.")
    d.add_heading("Finding 1: Cardholder agreements", level=2)
    d.add_paragraph("Recommendation R1 (Priority: Moderate)")
    d.add_paragraph("Signed cardholder agreements should be obtained from the four cardholders identified.")
    d.add_paragraph("Recommendation R4 (Priority: Moderate)")
    d.add_paragraph("The Exchequer Services Team Leader should:")
    d.add_paragraph("(a) remove approver rights from any officer over their own card; and")
    d.add_paragraph("(b) send Heads of Service a monthly exceptions report of late approvals.")
    out = _extracted(d, tmp_path)
    assert sorted((r["ref"], r["text"][:20]) for r in out["recommendations"]) == [
        ("Recommendation R1", "Signed cardholder ag"), ("Recommendation R4a", "remove approver righ"),
        ("Recommendation R4b", "send Heads of Servic")]


def test_a_response_table_whose_answer_cell_packs_the_steps_the_lead_and_the_date(tmp_path):
    d = docx.Document()
    d.add_heading("Cabinet response to the Youth Provision Task and Finish Group", level=1)
    d.add_heading("Recommendations", level=2)
    d.add_paragraph("1. agree the responses to recommendations R1 to R2 as set out in Appendix A;")
    d.add_paragraph("2. include a Youth Provision Fund of £100,000 a year in the draft budget.")
    d.add_heading("Appendix A", level=2)
    _table(d, [["Ref", "What the Group recommended (summary)", "Accepted?", "Response, actions, lead and date"],
               ["R1", "Adopt a co-produced Youth Offer for Brantwood.", "Yes",
                "The Cabinet agrees. Work with the Youth Council began in November 2026.\nActions:\n"
                "• Hold six locality workshops with young people by March 2027.\n• Publish the Youth Offer on the website.\n"
                "Lead: Assistant Director, Early Help (Dawn Pryce)\nBy: June 2027"],
               ["R2", "Keep three youth centres open five evenings a week.", "In part",
                "The three centres will stay open four evenings a week.\nLead: Gareth Mellor, Head of Youth Services\nBy: April 2027"]])
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r for r in out["recommendations"]}
    r1 = next(r for r in recs.values() if r["ref"] == "R1")
    assert r1["text"] == "Adopt a co-produced Youth Offer for Brantwood."
    resp = {x["rec_ref"]: x for x in out["responses"]}
    assert (resp["R1"]["status"], resp["R2"]["status"]) == ("accepted", "partially_accepted")
    assert resp["R1"]["text"].startswith("Yes. The Cabinet agrees.") and "Lead:" not in resp["R1"]["text"]
    assert sorted(a["text"][:20] for a in out["actions"] if a["rec_id"] == r1["rec_id"]) == [
        "Hold six locality wo", "Publish the Youth Of"]
    # the lead and date lines are the recommendation's, not the meeting's decision 1's
    assert sorted((recs[o["parent_id"]]["ref"], o["person"]) for o in out["owners"] if o["parent_id"] in recs
                  and o["person"]) == [("R1", "Dawn Pryce"), ("R2", "Gareth Mellor")]
    assert ("R1", "June 2027") in {(recs[t["parent_id"]]["ref"], t["raw"]) for t in out["timescales"] if t["parent_id"] in recs}
    # a listed step's deadline in its own words is the step's
    assert ("A:Hold six locality wo", "by March 2027") in {(_parent_text(out, t), t["raw"]) for t in out["timescales"]}


def test_an_auditor_s_improvement_recommendation_with_management_response_and_lines(tmp_path):
    d = docx.Document()
    d.add_heading("Auditor's Annual Report 2025/26", level=1)
    d.add_heading("4 Governance", level=2)
    d.add_paragraph("Improvement recommendation 1: The Council should review its Constitution at least every two years.")
    d.add_paragraph("Management response: Accepted. The Monitoring Officer will lead a review of the Constitution.")
    d.add_paragraph("Lead: Monitoring Officer (Hannah Whitby)")
    d.add_paragraph("By: May 2027")
    out = _extracted(d, tmp_path)
    assert [r["ref"] for r in out["recommendations"]] == ["Improvement recommendation 1"]
    assert [(x["rec_ref"], x["status"]) for x in out["responses"]] == [("Improvement recommendation 1", "accepted")]
    rec = out["recommendations"][0]
    assert ("Monitoring Officer", "Hannah Whitby") in {(o["role"], o["person"]) for o in out["owners"] if o["parent_id"] == rec["rec_id"]}
    assert "May 2027" in {t["raw"] for t in out["timescales"] if t["parent_id"] == rec["rec_id"]}


def test_a_titled_recommendation_whose_lead_in_opens_lettered_parts(tmp_path):
    d = docx.Document()
    d.add_heading("SAR action plan: progress", level=1)
    d.add_heading("4 The review's recommendations", level=2)
    d.add_paragraph("4.1 The reviewer's recommendations are reproduced below as written in the overview report.")
    d.add_paragraph("Recommendation 4 has two parts, and the action plan answers each part separately.")
    d.add_heading("Recommendation 3 Pressure care", level=3)
    d.add_paragraph("The ICB should ensure that community nursing teams check pressure areas at every visit.")
    d.add_heading("Recommendation 4 Professional curiosity", level=3)
    d.add_paragraph("The Board should seek assurance that:")
    d.add_paragraph("a) practitioners understand and apply the Mental Capacity Act 2005 when a person declines care; and")
    d.add_paragraph("b) multi-agency training covers professional curiosity and escalation.")
    out = _extracted(d, tmp_path)
    refs = sorted(r["ref"] for r in out["recommendations"])
    assert refs == ["Recommendation 3", "Recommendation 4a", "Recommendation 4b"]


def test_a_review_group_s_lead_in_makes_its_list_recommendations_to_others(tmp_path):
    d = docx.Document()
    d.add_heading("Task and Finish Group: School Exclusions - Final Report", level=1)
    d.add_heading("6 Recommendations", level=2)
    d.add_paragraph("The Group recommends that:")
    d.add_paragraph("R1. The Cabinet Member for Education commissions an independent review of alternative provision.")
    d.add_paragraph("R2. The Director of Children's Services and the ICB agree a joint protocol for CAMHS assessments.")
    d.add_heading("7 Summary of recommendations", level=2)
    _table(d, [["No.", "Recommendation", "Responsible", "Timescale"],
               ["R1", "Independent review of alternative provision", "Cabinet Member for Education", "September 2027"],
               ["R2", "Joint CAMHS protocol", "Director of Children's Services / ICB", "March 2028"]])
    out = _extracted(d, tmp_path)
    # one row each (the summary table's short titles restate them), made to others, not the meeting's decisions
    assert sorted((r["ref"], r["kind"]) for r in out["recommendations"]) == [("R1", "improvement"), ("R2", "improvement")]
    r2 = next(r for r in out["recommendations"] if r["ref"] == "R2")
    assert {"ICB", "Director of Children's Services"} <= {o["role"] for o in out["owners"] if o["parent_id"] == r2["rec_id"]}


def test_a_narrative_response_under_scrutiny_recommendation_labels(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix A: Executive response", level=1)
    d.add_paragraph("Scrutiny recommendation 1")
    d.add_paragraph("“That the Executive adopts a Local Cycling and Walking Infrastructure Plan by the end of 2027.”")
    d.add_paragraph("Executive response: Accepted. The Executive agrees that an adopted plan is the basis for bids.")
    d.add_paragraph("• Complete the route audit of 24 candidate corridors (by April 2027).")
    d.add_paragraph("• Consult on the draft plan in summer 2027.")
    d.add_paragraph("Lead officer: Head of Highways and Transport (Craig Wetherall)")
    d.add_paragraph("Timescale: November 2027")
    d.add_paragraph("Scrutiny recommendation 2")
    d.add_paragraph("“That secure cycle parking is provided at the railway station.”")
    d.add_paragraph("Executive response: Partially accepted. The Council will provide cycle parking in its own car parks.")
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r for r in out["recommendations"]}
    assert sorted(r["ref"] for r in recs.values()) == ["Scrutiny recommendation 1", "Scrutiny recommendation 2"]
    assert all(not r["text"].startswith("“") for r in recs.values())
    # the answer is keyed by the number the paper gives the recommendation, as "Recommendation 1" answers are
    assert sorted((x["rec_ref"], x["status"]) for x in out["responses"]) == [("1", "accepted"), ("2", "partially_accepted")]
    r1 = next(r for r in recs.values() if r["ref"].endswith("1"))
    assert sorted(a["text"][:20] for a in out["actions"] if a["rec_id"] == r1["rec_id"]) == [
        "Complete the route a", "Consult on the draft"]
    assert ("Head of Highways and Transport", "Craig Wetherall") in {
        (o["role"], o["person"]) for o in out["owners"] if o["parent_id"] == r1["rec_id"]}


def test_a_summary_list_item_s_suggested_lead_and_timescale_lines(tmp_path):
    d = docx.Document()
    d.add_heading("Domestic abuse inquiry", level=1)
    d.add_heading("Summary of recommendations", level=1)
    d.add_paragraph("1. The Council should commission a refreshed domestic abuse needs assessment by September 2027.")
    d.add_paragraph("Suggested lead: Head of Community Safety (Ruth Abney)")
    d.add_paragraph("2. NHS Severnvale ICB should extend the IRIS programme to all 23 GP practices.")
    d.add_paragraph("Suggested lead: Dr Imogen Hale, Named GP for Safeguarding")
    d.add_paragraph("Suggested timescale: March 2028")
    d.add_heading("Appendix A", level=1)
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r for r in out["recommendations"]}
    assert all("Suggested" not in r["text"] for r in recs.values())
    r2 = next(r for r in recs.values() if r["ref"] == "2")
    assert "Dr Imogen Hale" in {o["person"] for o in out["owners"] if o["parent_id"] == r2["rec_id"]}
    assert "March 2028" in {t["raw"] for t in out["timescales"] if t["parent_id"] == r2["rec_id"]}


def test_a_recommendations_table_names_whom_each_asks(tmp_path):
    d = docx.Document()
    d.add_heading("Youth Provision Task and Finish Group: final report", level=1)
    _table(d, [["Ref", "Recommendation", "Suggested lead", "Suggested timescale"],
               ["R1", "The Cabinet should adopt a Youth Offer for Brantwood co-produced with young people.",
                "Assistant Director, Early Help (Dawn Pryce)", "June 2027"],
               ["R2", "The Council should publish a directory of youth activities.", "Family Information Service Manager",
                "July 2027"]])
    out = _extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"]}
    roles = lambda ref: {o["role"] for o in out["owners"] if o["parent_id"] == recs[ref]["rec_id"]}
    assert {"The Cabinet", "Assistant Director, Early Help"} <= roles("R1")
    assert roles("R2") == {"Family Information Service Manager"}   # the paper's own council, addressed by default: no owner


def test_a_body_known_by_its_initials_recommends_to_others(tmp_path):
    d = docx.Document()
    d.add_heading("Open Data User Group: business case for DVLA data", level=1)
    d.add_paragraph("Our work has highlighted the opportunity for DVLA to make cost savings.")
    d.add_paragraph("ODUG recommends that:")
    d.add_paragraph("• DVLA makes an open release of all 47 fields of the data under an Open Government Licence.")
    d.add_paragraph("• DVLA renegotiates its bulk data contracts where there is an opportunity for savings.")
    out = _extracted(d, tmp_path)
    assert sorted((r["kind"], r["text"][:12]) for r in out["recommendations"]) == [
        ("improvement", "DVLA makes a"), ("improvement", "DVLA renegot")]
