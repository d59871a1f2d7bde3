"""Forms read in session 26: a key of lead officers printed one "Post: Name"
a line, Welsh initials in a key, a bilingual column header, a plan keyed by
letters and the recommendation's number, one lead named twice."""
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from extractors.entities.columns import column_role
from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata
from tests.word_papers import add_table as _table, extracted as _extracted


def _owners(out: dict) -> dict:
    """parent text (first 12 characters) -> sorted (role, person) of its owners."""
    texts = {r["rec_id"]: r["text"] for r in out["recommendations"]}
    texts.update({a["action_id"]: a["text"] for a in out["actions"]})
    got: dict = {}
    for o in out["owners"]:
        got.setdefault(texts[o["parent_id"]][:12], []).append((o["role"], o["person"]))
    return {k: sorted(v, key=str) for k, v in got.items()}


def _plan(d, ref_header: str, keys: list[str], leads: list[str]) -> None:
    for n, text in ((1, "The Council should set out a single commissioning strategy."),
                    (2, "The Council should keep a complete contract register.")):
        d.add_heading(f"Recommendation {n}", level=2)
        d.add_paragraph(text)
    steps = ["Draft a commissioning strategy.", "Hold engagement events on the draft strategy.",
             "Cleanse the contract register.", "Publish a forward procurement plan."]
    d.add_heading("Progress", level=1)
    d.add_paragraph("Of the 4 actions in the plan, 1 is complete. Progress is shown in Appendix 1.")
    d.add_heading("Appendix 1 – Action Plan", level=1)
    _table(d, [[ref_header, "Action", "Lead Officer", "Target Date"]] +
           [[k, s, lead, "March 2027"] for k, s, lead in zip(keys, steps, leads)])


def test_a_key_of_lead_officers_printed_one_post_and_name_a_line_names_the_posts_a_pdf_plan_gives(tmp_path):
    style = getSampleStyleSheet()["BodyText"]
    path = tmp_path / "plan.pdf"
    key = "<br/>".join(["Head of Children's Services: Siân ap Gwilym",
                        "Gweithiwr Cymdeithasol Egwyddorol / Principal Social Worker: Dr Owain Llewelyn",
                        "Fostering Team Manager: Catrin Wyn Davies"])
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([
        Paragraph("Lead Officers", style), Spacer(1, 6), Paragraph(key, style)])
    doc = load_document(path)
    para = next(b for b in doc.blocks if "Siân" in b.text)
    assert "Siân ap Gwilym Gweithiwr" in para.text   # one paragraph, as printed
    from extractors.entities.minutes import posts_held
    held = posts_held(doc)
    assert held["Principal Social Worker"] == "Owain Llewelyn"
    assert held["Head of Children's Services"] == "Siân ap Gwilym"
    assert held["Fostering Team Manager"] == "Catrin Wyn Davies"


def test_a_label_line_is_not_a_post_held():
    from extractors.entities.minutes import _post_colon_holder
    assert _post_colon_holder("Report of: Jane Smith") is None
    assert _post_colon_holder("Date: 12 March 2027") is None
    assert _post_colon_holder("Head of Finance: Mark Edwards") == (["Head of Finance"], "Mark Edwards")


def test_welsh_initials_in_a_key_name_the_people_a_plan_leads_by(tmp_path):
    d = docx.Document()
    d.add_paragraph("Allwedd / Key: LlG – Llŷr Gwynfor, Pennaeth Caffael / Head of Procurement; "
                    "CHL – Catrin Hâf Llywelyn, Head of Finance; DH – Dewi Harries, Chief Internal Auditor")
    _table(d, [["Action", "Owner", "Target Date"],
               ["Cleanse the contract register.", "LlG", "March 2027"],
               ["Add contract management to the audit plan.", "CHL", "June 2027"]])
    got = _owners(_extracted(d, tmp_path))
    assert got["Cleanse the "] == [(None, "Llŷr Gwynfor")]
    assert got["Add contract"] == [(None, "Catrin Hâf Llywelyn")]


def test_a_bilingual_column_header_takes_its_english_role():
    assert column_role("Cyf. / Ref") == "ref"
    assert column_role("Ref") == "ref"
    assert column_role("Swyddog Arweiniol / Lead Officer") == "owner_lead"
    assert column_role("Cyf. / Nodiadau") is None


def test_a_plan_keyed_by_letters_and_the_recommendation_number_answers_the_recommendations(tmp_path):
    d = docx.Document()
    _plan(d, "Cyf. / Ref", ["A1", "A1", "A2", "A2"],
          ["LlG", "Community Engagement Manager – Hâf Pritchard", "Head of Procurement – Llŷr Gwynfor", "LlG"])
    d.add_paragraph("Key: LlG – Llŷr Gwynfor, Head of Procurement; HP – Hâf Pritchard, Community Engagement Manager")
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["text"][:30] for r in out["recommendations"]}
    linked = {a["text"][:12]: recs.get(a["rec_id"]) for a in out["actions"]}
    assert linked["Draft a comm"].startswith("The Council should set out")
    assert linked["Publish a fo"].startswith("The Council should keep")
    got = _owners(out)
    # the lead printed as initials in one row and in full in another is one owner, with the post
    assert got["The Council "] and ("Head of Procurement", "Llŷr Gwynfor") in got["The Council "]
    second = [o for o in got["The Council "] if o[1] == "Llŷr Gwynfor"]
    assert len(second) == 2   # once for each recommendation, not twice for the second


def test_letters_and_numbers_that_do_not_repeat_are_the_actions_own_numbers(tmp_path):
    d = docx.Document()
    _plan(d, "Ref", ["A1", "A2", "A3", "A4"], ["Head of Procurement"] * 4)
    out = _extracted(d, tmp_path)
    assert all(a["rec_id"] is None for a in out["actions"])


def _asp_plan(d, one_grid: bool) -> None:
    d.add_heading("Priority areas for improvement identified by the joint inspection", level=2)
    items = ["Partners should ensure that all adults at risk have a chronology.",
             "Partners should improve the quality of inquiries.",
             "The Adult Protection Committee should strengthen its strategic oversight."]
    for n, text in enumerate(items, 1):
        d.add_paragraph(f"{n}. {text}")
    steps = {1: [("Introduce a chronology template.", "Service Manager (Adult Protection)", "Complete")],
             2: [("Revise the inquiry procedures.", "Chief Social Work Officer", "December 2026")],
             3: [("Approve a quality assurance framework.", "Independent Chair, Adult Protection Committee", "March 2027"),
                 ("Develop a performance dataset.", "Performance and Intelligence Manager and Lead Officer, Adult Protection",
                  "May 2027")]}
    header = ["Improvement action", "Responsible officer(s)", "Timescale"]
    grid: list = []
    for n, text in enumerate(items, 1):
        banner = [f"Priority area for improvement {n}: {text}"] * 3
        rows = [banner, header] + [list(s) for s in steps[n]]
        if one_grid and n > 1:
            grid.extend(rows)
            continue
        if grid:
            t = _table(d, grid)
            t.cell(0, 0).merge(t.cell(0, 2))
        grid = rows
    t = _table(d, grid)
    for k, row in enumerate(grid):
        if row[0].startswith("Priority area"):
            t.cell(k, 0).merge(t.cell(k, 2))


def test_a_banner_row_over_a_plan_table_names_its_item_before_the_item_printed_last_above(tmp_path):
    d = docx.Document()
    _asp_plan(d, one_grid=False)
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["text"][:20] for r in out["recommendations"]}
    linked = {a["text"][:14]: recs.get(a["rec_id"]) for a in out["actions"]}
    # the first table sits right under item 3 of the list, but its banner names item 1
    assert linked["Introduce a ch"] == "Partners should ensu"
    assert linked["Revise the inq"] == "Partners should impr"


def test_two_items_steps_in_one_grid_each_under_its_banner_answer_their_items(tmp_path):
    d = docx.Document()
    _asp_plan(d, one_grid=True)
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["text"][:20] for r in out["recommendations"]}
    linked = {a["text"][:14]: (recs.get(a["rec_id"]), a["locator"].split("/col")[0]) for a in out["actions"]}
    assert linked["Introduce a ch"] == ("Partners should ensu", "table:0/row:2")
    assert linked["Revise the inq"] == ("Partners should impr", "table:0/row:5")
    assert linked["Approve a qual"] == ("The Adult Protection", "table:0/row:8")   # numbered as the paper's rows
    assert linked["Develop a perf"] == ("The Adult Protection", "table:0/row:9")
    owners = _owners(out)["The Adult Pr"]
    assert ("Performance and Intelligence Manager", None) in owners and ("Lead Officer, Adult Protection", None) in owners
    dues = {t["locator"].split("/col")[0] for t in out["timescales"]}
    assert {"table:0/row:5", "table:0/row:8", "table:0/row:9"} <= dues


def test_two_posts_joined_by_and_are_two_owners_each_with_its_area_or_holder():
    from extractors.entities.owners import split_owners
    assert [(r, p) for r, p, _ in split_owners("Associate Medical Director and Chief Nurse")] == \
        [("Associate Medical Director", None), ("Chief Nurse", None)]
    assert [(r, p) for r, p, _ in split_owners("Learning and Development Manager and Service Manager (Adult Protection)")] == \
        [("Learning and Development Manager", None), ("Service Manager (Adult Protection)", None)]
    assert [(r, p) for r, p, _ in split_owners(
        "Head of Adult Social Work – Gordon Baxter and Detective Inspector, Public Protection Unit, Police Scotland")] == \
        [("Head of Adult Social Work", "Gordon Baxter"), ("Detective Inspector, Public Protection Unit, Police Scotland", None)]
    # one post whose name holds "and"
    assert [(r, p) for r, p, _ in split_owners("Head of Finance and Resources")] == [("Head of Finance and Resources", None)]
    assert [(r, p) for r, p, _ in split_owners("Police and Crime Commissioner")] == [("Police and Crime Commissioner", None)]


def _sourced_plan(d, heading: str) -> None:
    d.add_paragraph("Report to the Clinical and Care Governance Committee")
    d.add_heading(heading, level=2)
    d.add_paragraph("1. Partners should ensure that all adults at risk have a chronology.")
    d.add_paragraph("2. Partners should improve the quality of inquiries and investigations.")
    d.add_heading("Appendix 1 – Improvement plan", level=1)
    _table(d, [["No.", "Improvement action", "Lead officer", "Timescale", "RAG"],
               ["1.1", "Introduce a chronology template.", "Service Manager", "March 2027", "Green"],
               ["1.2", "Audit chronologies each quarter.", "Lead Officer", "Quarterly", "Amber"],
               ["2.1", "Revise the inquiry procedures.", "Chief Social Work Officer", "December 2026", "Green"]])


def test_a_heading_naming_who_made_the_recommendations_heads_them_and_a_plan_numbering_its_actions_under_them_answers_them(tmp_path):
    for k, heading in enumerate(["Joint inspection recommendations", "Recommendations from the inspection",
                                 "The inspection made the following recommendations", "Audit Wales recommendations"]):
        d = docx.Document()
        _sourced_plan(d, heading)
        (tmp_path / str(k)).mkdir()
        out = _extracted(d, tmp_path / str(k))
        assert [(r["ref"], r["kind"]) for r in out["recommendations"]] == [("1", "improvement"), ("2", "improvement")], heading
        recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
        # "1.1", "1.2" are the first recommendation's actions, "2.1" the second's
        assert [(a["ref"], recs.get(a["rec_id"])) for a in out["actions"]] == [("1.1", "1"), ("1.2", "1"), ("2.1", "2")]
        assert {o["parent_type"] for o in out["owners"] if o["role"] in ("Service Manager", "Chief Social Work Officer")} == \
            {"recommendation"}


def test_a_heading_over_the_progress_on_recommendations_or_a_title_heads_none(tmp_path):
    from extractors.entities.narrative import DECISION_HEADING, SOURCED_HEADING
    assert not DECISION_HEADING.match("Progress against audit recommendations")
    assert not DECISION_HEADING.match("Implementation of the peer review recommendations")
    d = docx.Document()
    d.add_heading("Internal Audit Recommendations: Follow-up Position at 31 August 2026", level=1)
    d.add_paragraph("This report sets out the position on the recommendations made by Internal Audit.")
    out = _extracted(d, tmp_path)
    assert out["recommendations"] == []
    assert SOURCED_HEADING.match("Recommendations of the Task and Finish Group")


def test_a_numbered_section_paragraph_after_a_labelled_list_is_not_one_of_its_items(tmp_path):
    d = docx.Document()
    d.add_heading("7 Recommendations of the Task and Finish Group", level=1)
    d.add_paragraph("7.1 The Task and Finish Group makes the following recommendations:")
    d.add_paragraph("Recommendation 1: That the Cabinet agrees to fund two additional Environmental Health Officer posts.")
    d.add_paragraph("Recommendation 2: That the Cabinet adopts a service standard for damp and mould complaints.")
    d.add_paragraph("7.2 Appendix A sets out the lead officer and the proposed timescale for each recommendation.")
    out = _extracted(d, tmp_path)
    assert [r["text"][:30] for r in out["recommendations"]] == ["That the Cabinet agrees to fun", "That the Cabinet adopts a serv"]
    assert {r["kind"] for r in out["recommendations"]} == {"improvement"}


def test_a_step_or_intervention_column_holds_the_actions():
    for h in ("Step", "Intervention", "Interventions"):
        assert column_role(h) == "action", h


def _asked(tmp_path, heading: str, items: list[str], name: str) -> dict:
    d = docx.Document()
    d.add_paragraph("Report of the peer review team")
    d.add_heading(heading, level=2)
    for k, t in enumerate(items, 1):
        d.add_paragraph(f"{k}. {t}")
    d.add_heading("Background", level=2)
    d.add_paragraph("The review took place in May 2026.")
    return _extracted(d, tmp_path, name)


def test_a_heading_over_points_made_to_others_heads_a_list_whose_every_item_asks_someone_to_act(tmp_path):
    asks = ["Leaders should improve the quality of chronologies.", "Managers should strengthen oversight of practice.",
            "The council must increase the range of local placements."]
    for k, heading in enumerate(["Recommendations for partners", "Action the provider MUST take", "Causes of concern",
                                 "Matters for improvement", "We recommend that:", "Actions required"]):
        out = _asked(tmp_path, heading, asks, f"p{k}.docx")
        assert [(r["ref"], r["kind"]) for r in out["recommendations"]] == [("1", "improvement"), ("2", "improvement"),
                                                                          ("3", "improvement")], heading
    # a list that reports, under the same heading, is not one
    said = ["The council has improved the quality of chronologies.", "Managers met monthly to review oversight.",
            "Placements increased by 12 in the year."]
    assert _asked(tmp_path, "Matters for improvement", said, "q.docx")["recommendations"] == []
    # nor a list under a heading over their progress
    assert _asked(tmp_path, "Progress on the improvement recommendations", asks, "r.docx")["recommendations"] == []


def test_a_column_that_says_only_the_position_gives_the_status_beside_the_answer_column(tmp_path):
    d = docx.Document()
    d.add_heading("Cabinet response to the Task and Finish Group", level=1)
    recs = ["The Council should publish a fly-tipping enforcement policy.", "The Council should install CCTV at hotspots."]
    _table(d, [["No.", "Recommendation", "Cabinet response", "Accepted / Rejected", "Lead officer", "Timescale"],
               ["1", recs[0], "The policy will be published by March 2027.", "Accepted", "Head of Waste", "March 2027"],
               ["2", recs[1], "Cameras will be deployed where evidence supports it.", "Partially accepted",
                "Head of Waste", "June 2027"]])
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted"), ("2", "partially_accepted")]
    assert out["responses"][0]["text"].startswith("The policy will be published")


def test_in_a_response_paper_an_answer_may_open_with_the_position_itself(tmp_path):
    d = docx.Document()
    d.add_heading("Government response to the Committee's report", level=1)
    d.add_paragraph("Recommendation 1: The Government should publish a national fly-tipping strategy.")
    d.add_paragraph("The Government agrees with this recommendation and will publish a strategy in the spring.")
    d.add_paragraph("Recommendation 2: The Government should fund councils to install CCTV.")
    d.add_paragraph("The Government does not accept this recommendation. Councils already have the powers they need.")
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"], r["responder"]) for r in out["responses"]] == \
        [("1", "accepted", "the Government"), ("2", "rejected", "the Government")]
    # the same paragraphs in a paper that is not a response answer nothing
    d = docx.Document()
    d.add_heading("Report of the review panel", level=1)
    d.add_paragraph("Recommendation 1: The Council should publish a strategy.")
    d.add_paragraph("The Council agrees that a strategy would help residents.")
    assert _extracted(d, tmp_path, "b.docx")["responses"] == []


def test_owner_cells_a_welsh_post_before_its_english_a_holder_on_a_line_of_its_own_and_agencies_listed():
    from extractors.entities.owners import split_owners

    def said(text):
        return [(r, p) for r, p, _ in split_owners(text)]
    assert said("Pennaeth Gwasanaethau Oedolion / Head of Adult Services") == [("Head of Adult Services", None)]
    assert said("Rheolwr Tîm / Team Manager – Ioan Price") == [("Team Manager", "Ioan Price")]
    assert said("Head of Housing/Head of Finance") == [("Head of Housing", None), ("Head of Finance", None)]
    assert said("Head of Adult Services\n(Rhian Evans)") == [("Head of Adult Services", "Rhian Evans")]
    assert said("Police, Council, NHS") == [("Police", None), ("Council", None), ("NHS", None)]
    assert said("Fire and Rescue Service") == [("Fire and Rescue Service", None)]


def test_who_a_decision_delegates_to_or_names_as_doing_it():
    from extractors.entities.owners import owners_in_text, resolution_subjects
    assert owners_in_text("delegate to the Exploitation Subgroup the monitoring of the plan, with progress reported "
                          "to the Executive every quarter; and") == [("delegate", "Exploitation Subgroup")]
    assert resolution_subjects("AGREED that the Partnership Manager would update the delivery plan") == \
        ["the Partnership Manager"]
    assert resolution_subjects("agree that the Executive Director of Children's Services escalates the delay") == \
        ["the Executive Director of Children's Services"]
    # noting what another body will do gives it no task
    assert resolution_subjects("note that HMICFRS will revisit the Service in January 2026") == []


def _response_paper(tmp_path, title: str, blocks: list[tuple[str, str]], name: str) -> dict:
    d = docx.Document()
    d.add_paragraph("Brackley Borough Council")
    d.add_heading(title, level=1)
    for kind, text in blocks:
        if kind == "h":
            d.add_heading(text, level=2)
        else:
            d.add_paragraph(text)
    return _extracted(d, tmp_path, name)


def test_response_papers_answer_under_a_title_that_only_says_response_a_position_label_or_a_position_heading(tmp_path):
    rec = "The Council should publish a fly-tipping enforcement policy."
    out = _response_paper(tmp_path, "Response to the Overview and Scrutiny Committee's review of fly-tipping",
                          [("p", f"Recommendation 1: {rec}"),
                           ("p", "The Cabinet accepts this recommendation. A policy will be published by March 2027.")], "a.docx")
    assert [(r["rec_ref"], r["status"], r["responder"]) for r in out["responses"]] == [("1", "accepted", "the Cabinet")]
    out = _response_paper(tmp_path, "Cabinet Member response to scrutiny recommendations",
                          [("h", "Recommendation 1"), ("p", rec), ("p", "Decision: Partially agreed"),
                           ("p", "Comments: A policy will be published by March 2027.")], "b.docx")
    assert [(r["rec_ref"], r["status"], r["responder"]) for r in out["responses"]] == \
        [("1", "partially_accepted", "the Cabinet Member")]
    out = _response_paper(tmp_path, "Cabinet response to the Task and Finish Group",
                          [("h", "Recommendation 1 – Not accepted"), ("p", rec),
                           ("p", "The existing policy already covers this.")], "c.docx")
    got = out["responses"]
    assert [(r["rec_ref"], r["status"]) for r in got] == [("1", "rejected")]
    assert got[0]["text"] == "Not accepted. The existing policy already covers this."


def test_a_yes_no_column_gives_the_position(tmp_path):
    d = docx.Document()
    d.add_heading("Executive response", level=1)
    _table(d, [["Recommendation", "Agreed? (Y/N)", "Comments / action", "Lead", "By when"],
               ["1. The Council should publish a policy.", "Y", "Will be done.", "Head of Waste", "March 2027"],
               ["2. The Council should install CCTV.", "N", "No budget.", "Head of Waste", "March 2027"]])
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted"), ("2", "rejected")]


def test_a_key_of_short_forms_with_their_posts_and_holders_in_brackets_names_who_leads(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix A – action plan", level=1)
    d.add_paragraph("Leads: CX – Chief Executive (Helen Marchbank); DCR – Director of Corporate Resources (Paul Okonedo); "
                    "HCP – Head of Communications and Policy (Yasmin Choudhury)")
    _table(d, [["Ref", "What we said we would do", "Lead", "Milestone", "Status"],
               ["1.1", "Draft a new Council Plan with four priorities.", "CX", "July 2026", "Complete"],
               ["1.2", "Introduce a service plan for every service.", "HCP", "October 2026, then monthly", "On track"],
               ["1.3", "Refresh the medium term financial strategy.", "CX / DCR", "Q3 2026/27", "On track"]])
    out = _extracted(d, tmp_path)
    got = _owners(out)
    assert got["Draft a new "] == [(None, "Helen Marchbank")]
    assert got["Introduce a "] == [(None, "Yasmin Choudhury")]
    assert got["Refresh the "] == [(None, "Helen Marchbank"), (None, "Paul Okonedo")]
    # a milestone printed as its date alone is when the step is due
    texts = {a["action_id"]: a["text"][:12] for a in out["actions"]}
    dues = sorted((texts[t["parent_id"]], t["raw"]) for t in out["timescales"])
    assert ("Draft a new ", "July 2026") in dues and ("Refresh the ", "Q3 2026/27") in dues
    assert ("Introduce a ", "then monthly") in dues or ("Introduce a ", "monthly") in dues


def test_a_table_counting_actions_by_status_is_not_an_action_plan(tmp_path):
    d = docx.Document()
    _table(d, [["Status", "Meaning", "Actions", "%"],
               ["Complete", "Action delivered", "11", "42%"],
               ["On track", "Progressing in line with the milestone", "10", "38%"],
               ["Some slippage", "Milestone likely to be missed by up to three months", "4", "15%"]])
    out = _extracted(d, tmp_path)
    assert out["actions"] == []
    assert sorted(m["value"] for m in out["metrics"]) == [4, 10, 11, 15, 38, 42]


def test_a_plan_item_printed_only_in_its_tables_banner_with_the_column_names_under_it(tmp_path):
    d = docx.Document()
    d.add_heading("Progress against each recommendation", level=1)
    for n, (rec, steps) in enumerate([
            ("The Board should seek assurance that partner agencies' training addresses executive capacity.",
             [("1.1", "Add a section on executive capacity to the guidance.", "LTHT: Gemma Hollins, Head of Safeguarding"),
              ("1.2", "Deliver a workshop to front-line staff.", "ICB – Dr Samina Rafiq, Named GP for Safeguarding Adults")]),
            ("The Board should review its multi-agency risk management process.",
             [("2.1", "Revise and relaunch the protocol.", "Head of Adult Safeguarding")])], 1):
        t = _table(d, [[f"Recommendation {n} {rec}", "", "", ""], ["No.", "Agreed action", "Agency and lead", "Target date"]] +
                   [[a, b, c, "March 2027"] for a, b, c in steps])
        t.cell(0, 0).merge(t.cell(0, 3))
        d.add_paragraph("")
    out = _extracted(d, tmp_path)
    assert [(r["ref"], r["text"][:24]) for r in out["recommendations"]] == \
        [("Recommendation 1", "The Board should seek as"), ("Recommendation 2", "The Board should review ")]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert [(a["text"][:12], recs.get(a["rec_id"])) for a in out["actions"]] == \
        [("Add a sectio", "Recommendation 1"), ("Deliver a wo", "Recommendation 1"), ("Revise and r", "Recommendation 2")]
    # the agency's short form before who leads for it and their post
    assert ("Named GP for Safeguarding Adults", "Dr Samina Rafiq") in _owners(out)["The Board sh"]
    assert ("Head of Safeguarding", "Gemma Hollins") in _owners(out)["The Board sh"]


def test_a_titled_recommendation_quoted_under_its_heading_with_steps_numbered_under_it(tmp_path):
    d = docx.Document()
    d.add_heading("Recommendation 6 Sharing the learning", level=2)
    d.add_paragraph("“The Board should make sure the learning from this review reaches GP practices and housing providers.”")
    d.add_paragraph("6.1 Publish a 7-minute briefing and a practitioner podcast on the review.")
    d.add_paragraph("Lead: Joanne Ferriby, Board Business Manager Due: June 2026 RAG: Blue")
    d.add_paragraph("6.2 Survey attendees after each learning event.")
    d.add_paragraph("Lead: LSAB Business Unit Due: end of January 2027 RAG: Amber")
    out = _extracted(d, tmp_path)
    # its title, then its words (as a title over a recommendation reads, tests/test_review_reports.py)
    assert [r["text"][:60] for r in out["recommendations"]] == ["Sharing the learning The Board should make sure the learning"]
    assert [a["text"][:14] for a in out["actions"]] == ["Publish a 7-mi", "Survey attende"]
    got = _owners(out)
    assert got["Publish a 7-"] == [("Board Business Manager", "Joanne Ferriby")]
    assert got["Survey atten"] == [("LSAB Business Unit", None)]
    texts = {a["action_id"]: a["text"][:12] for a in out["actions"]}
    assert sorted((texts.get(t["parent_id"]), t["raw"]) for t in out["timescales"]) == \
        [("Publish a 7-", "June 2026"), ("Survey atten", "end of January 2027")]
    assert [a["rag"] for a in out["actions"]] == ["blue", "amber"]


def test_an_afi_item_inline_its_labels_parted_by_bars_and_a_lettered_lead_cell(tmp_path):
    from extractors.entities.owners import split_owners
    assert [r for r, _, _ in split_owners("(a) PM (b) SO (c) JK")] == ["PM", "SO", "JK"]
    d = docx.Document()
    d.add_heading("Part B – Areas for improvement (open)", level=2)
    d.add_paragraph("AFI 01 The service should make sure its prevention work is focused on the people most at risk of fire.")
    d.add_paragraph("Lead: Area Manager (Prevention) – Sarah Quill | Deadline: March 2027 | Status: GREEN")
    d.add_paragraph("Actions agreed:")
    d.add_paragraph("Introduce a household risk stratification model.", style="List Bullet")
    out = _extracted(d, tmp_path)
    assert [(r["ref"], r["text"][:20]) for r in out["recommendations"]] == [("AFI 01", "The service should m")]
    assert [(o["role"], o["person"]) for o in out["owners"]] == [("Area Manager (Prevention)", "Sarah Quill")]
    assert [t["raw"] for t in out["timescales"]] == ["March 2027"]
    assert out["recommendations"][0]["rag"] == "green"


def test_a_registers_risk_banner_over_its_further_actions_is_no_recommendation(tmp_path):
    d = docx.Document()
    t = _table(d, [["No.", "Further action", "Action owner", "Target date"],
                   ["CR1 – Medium-term funding gap", "", "", ""],
                   ["1.1", "Identify £1.4m of recurring savings for the 2027/28 budget.", "Treasurer", "Feb-27"],
                   ["1.2", "Make the case for a multi-year funding settlement.", "Chief Fire Officer – Amanda Rusk", "Ongoing"]])
    t.cell(1, 0).merge(t.cell(1, 3))
    out = _extracted(d, tmp_path)
    assert out["recommendations"] == []
    got = _owners(out)
    assert got["Identify £1."] == [("Treasurer", None)] and got["Make the cas"] == [("Chief Fire Officer", "Amanda Rusk")]


def test_a_scottish_minutes_decision_over_lettered_items(tmp_path):
    d = docx.Document()
    d.add_paragraph("MINUTE OF MEETING of the Muirlaggan Integration Joint Board held on 25 November 2026")
    p = d.add_paragraph()
    p.add_run("5. FINANCIAL MONITORING REPORT 2026/27").bold = True
    d.add_paragraph("There was submitted a report by the Chief Finance Officer on the financial position.")
    d.add_paragraph("Decision: The Board agreed:")
    d.add_paragraph("(a) to note the projected overspend of £1.62 million for 2026/27;")
    d.add_paragraph("(b) to instruct the Chief Finance Officer to bring a report on prescribing to the meeting on 27 January 2027.")
    out = _extracted(d, tmp_path)
    assert [(r["ref"], r["kind"], r["text"][:24]) for r in out["recommendations"]] == \
        [("(a)", "decision", "to note the projected ov"), ("(b)", "decision", "to instruct the Chief Fi")]


def test_a_titled_recommendation_over_a_box_of_its_words_answered_by_the_councils_position(tmp_path):
    d = docx.Document()
    d.add_paragraph("Report title: Peer review of the planning service: the Council's response")
    d.add_paragraph("Contact officer: Marcus Eldridge, Head of Planning and Building Control (01632 960418)")
    d.add_heading("Appendix 1: The Council's response to the recommendations", level=1)
    d.add_heading("Recommendation 1 Leadership and service vision", level=2)
    _table(d, [["Set out a clear vision and service plan for the planning service, agreed with members."]])
    d.add_paragraph("Council’s position: Accepted. The Council agrees that the service has lacked a shared direction.")
    _table(d, [["Action", "Officer responsible", "Target date"],
               ["Prepare a Planning Service Plan 2027–2030.", "Head of Planning and Building Control", "September 2027"]])
    out = _extracted(d, tmp_path)
    assert [r["text"][:50] for r in out["recommendations"]] == ["Leadership and service vision Set out a clear visi"]
    assert [(r["rec_ref"], r["status"], r["responder"]) for r in out["responses"]] == [("1", "accepted", "the Council")]
    # the post is held by the contact officer the cover names, telephone number and all
    assert ("Head of Planning and Building Control", "Marcus Eldridge") in _owners(out)["Leadership a"]


def test_cover_titles_a_scottish_minute_a_label_without_a_colon_and_a_month_on_its_own_line(tmp_path):
    from extractors.metadata import extract_metadata
    d = docx.Document()
    d.add_paragraph().add_run("MUIRLAGGAN INTEGRATION JOINT BOARD").bold = True
    d.add_paragraph("MINUTE OF MEETING of the MUIRLAGGAN INTEGRATION JOINT BOARD held in the Council Chamber, "
                    "Muirlaggan House, on Wednesday 25 November 2026 at 2.00 pm.")
    d.save(tmp_path / "m.docx")
    meta = extract_metadata(load_document(tmp_path / "m.docx"))
    assert meta["title"].startswith("MINUTE OF MEETING of the MUIRLAGGAN")
    assert str(meta["meeting_date"]) == "2026-11-25"
    d = docx.Document()
    for line in ("AGENDA ITEM 7", "NESSFORD AND AMBRY COMBINED FIRE AUTHORITY", "AUDIT AND PERFORMANCE COMMITTEE",
                 "NOVEMBER 2026", "REPORT OF THE DEPUTY CHIEF FIRE OFFICER",
                 "HMICFRS INSPECTION 2025/26: ACTION PLAN PROGRESS TO 31 OCTOBER 2026"):
        d.add_paragraph().add_run(line).bold = True
    d.add_paragraph("To update the Committee on progress with the action plan.")
    d.save(tmp_path / "n.docx")
    assert extract_metadata(load_document(tmp_path / "n.docx"))["title"] == \
        "HMICFRS INSPECTION 2025/26: ACTION PLAN PROGRESS TO 31 OCTOBER 2026"
    d = docx.Document()
    d.add_paragraph("Report title Corporate Risk Register – Quarter 2 2026/27 review")
    d.add_paragraph("Report no. APC/26/38")
    d.save(tmp_path / "r.docx")
    meta = extract_metadata(load_document(tmp_path / "r.docx"))
    assert meta["title"] == "Corporate Risk Register – Quarter 2 2026/27 review" and meta["report_ref"] == "APC/26/38"


def test_a_response_table_keyed_by_a_column_of_codes_whatever_its_name(tmp_path):
    d = docx.Document()
    _table(d, [["PR", "Progress review recommendation", "Council response", "Proposed action", "Lead", "By"],
               ["PR1", "Maintain momentum on the workforce strategy.", "Agreed. This is the action most at risk.",
                "Bring the strategy to this Committee.", "HHR", "18 March 2027"],
               ["PR2", "Make the Council Plan priorities more visible.", "Agreed in principle.",
                "Include an impact statement.", "DCR", "February 2027"]])
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("PR1", "accepted"), ("PR2", "partially_accepted")]


def test_an_unruled_key_one_entry_a_line_with_no_mark_between_name_and_post():
    from extractors.entities.minutes import _initials_line
    assert _initials_line("HJ Hilary Jessop Independent Chair") == ("HJ", "Hilary Jessop", "Independent Chair")
    assert _initials_line("AM Dr Aoife Mallon Director of Adult Social Services, Loxwell Borough Council") == \
        ("AM", "Aoife Mallon", "Director of Adult Social Services, Loxwell Borough Council")
    assert _initials_line("GP practices were asked to share data") is None
    assert _initials_line("Initials Name Post") is None


def test_a_review_groups_recommends_that_over_lettered_items(tmp_path):
    d = docx.Document()
    d.add_heading("Conclusions", level=1)
    d.add_paragraph("The Task Group recommends that:")
    for k, t in zip("abc", ["The Executive Member for Highways should publish a resurfacing programme.",
                            "The Council should increase the pothole repair budget.",
                            "Officers should report repair times to this Committee every six months."]):
        d.add_paragraph(f"({k}) {t}")
    out = _extracted(d, tmp_path)
    assert [(r["ref"], r["kind"]) for r in out["recommendations"]] == \
        [("(a)", "improvement"), ("(b)", "improvement"), ("(c)", "improvement")]


def test_response_papers_answers_that_open_with_the_position(tmp_path):
    from extractors.entities.responses import status_of
    assert status_of("Accept The Welsh Government will issue guidance.")[0] == "accepted"
    d = docx.Document()
    d.add_heading("The Government's response", level=1)
    d.add_paragraph("1. The Government should provide ring-fenced funding for enforcement officers. (Paragraph 21)")
    d.add_paragraph("The Government partially accepts this recommendation. We will consider the options.")
    d.add_paragraph("2. The Department should publish guidance on retaliatory eviction.")
    d.add_paragraph("Agreed. Guidance will be published in the spring.")
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "partially_accepted"), ("2", "accepted")]


def test_a_scottish_minute_of_meeting_is_minutes_and_its_decisions_under_resolution_or_outcome_labels(tmp_path):
    from extractors.entities.minutes import is_minutes
    for k, line in enumerate(["Outcome: The Committee noted the report and asked for a further update in six months.",
                              "Resolution: That the Committee notes the performance report."]):
        d = docx.Document()
        d.add_paragraph("MINUTE OF MEETING of the Torvale Integration Joint Board held on 28 October 2026")
        d.add_paragraph().add_run("5. PERFORMANCE REPORT").bold = True
        d.add_paragraph("There was submitted a report by the Chief Officer on performance.")
        d.add_paragraph(line)
        d.save(tmp_path / f"m{k}.docx")
        doc = load_document(tmp_path / f"m{k}.docx")
        assert is_minutes(doc)
        recs = extract_all(doc, extract_metadata(doc))["recommendations"]
        assert [(r["ref"], r["kind"]) for r in recs] == [("5", "decision")]


def test_a_needs_assessments_recommendations_for_an_audience_or_a_chapters_recommendations(tmp_path):
    items = ["Commission a specialist service for young people who self-harm.",
             "Improve data sharing between schools and CAMHS."]
    for k, head in enumerate(["Recommendations for commissioners", "Chapter 5 recommendations"]):
        d = docx.Document()
        d.add_heading("Self-harm in children and young people: needs assessment 2025", level=0)
        d.add_heading(head, level=2)
        for t in items:
            d.add_paragraph(t, style="List Bullet")
        d.add_heading("6 Conclusion", level=1)
        d.add_paragraph("The needs assessment will be refreshed in 2028.")
        out = _extracted(d, tmp_path, f"h{k}.docx")
        assert [r["text"][:20] for r in out["recommendations"]] == ["Commission a special", "Improve data sharing"], head
