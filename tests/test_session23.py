"""Forms read in session 23: an action log with both an Update and a Status
column, owners given as initials of members listed with their ranks, posts
whose service is named before "Service Manager" or "Safeguarding Lead"
after a holder's name or a slash."""
import docx

from extractors.entities.owners import split_owners
from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata
from tests.word_papers import add_table as _table, extracted as _rows_of


def test_a_status_column_after_the_update_column_rates_the_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("Glaisford Youth Justice Management Board")
    d.add_paragraph("Board members: Jane Morley (JM), Chair; Dev Patel (DP), Head of Service; Sgt Ann Reid (AR), Police")
    _table(d, [["No.", "Action", "Owner", "Due date", "Update", "Status"],
               ["1", "Circulate the revised dashboard to members", "DP", "Sept 2026", "Circulated 3 September", "Complete"],
               ["2", "Provide data on first-time entrants by ward", "AR", "Dec 2026", "Awaiting police data", "Amber"],
               ["3", "Review the panel's terms of reference", "JM", "Dec 2026", "Not started", "Red"]])
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a for a in out["actions"]}
    assert [(a["status_text"], a["rag"]) for a in out["actions"]] == [
        ("Circulated 3 September", "complete"), ("Awaiting police data", "amber"), ("Not started", "red")]
    # initials of members listed with a rank resolve to the member, without the rank
    owners = {acts[o["parent_id"]]["text"][:6]: o["person"] for o in out["owners"]}
    assert owners == {"Circul": "Dev Patel", "Provid": "Ann Reid", "Review": "Jane Morley"}


def test_a_service_named_before_its_post_after_a_name_or_a_slash():
    assert [o[:2] for o in split_owners("Mark Bell - Youth Justice Service Manager")] == [
        ("Youth Justice Service Manager", "Mark Bell")]
    assert [o[:2] for o in split_owners("Head of Housing / ICB Safeguarding Lead")] == [
        ("Head of Housing", None), ("ICB Safeguarding Lead", None)]
    # a new post still starts a new owner
    assert [o[:2] for o in split_owners("Head of Housing Inclusion Head of Service")] == [
        ("Head of Housing Inclusion", None), ("Head of Service", None)]


def test_register_columns_worded_as_questions_or_work_hold_the_steps():
    from extractors.entities.columns import column_role
    for h in ("What more do we need to do?", "What else are we doing?", "Further work required",
              "Improvements planned", "Further action / timescale"):
        assert column_role(h) == "action", h
    # progress on the steps is progress, not the steps
    assert column_role("Progress on planned work") == "progress"
    assert column_role("Progress against actions") == "progress"
    assert column_role("Further Actions in progress") == "action"


def test_an_update_under_the_step_in_its_cell_is_progress_not_another_step(tmp_path):
    d = docx.Document()
    d.add_paragraph("Easthope Safeguarding Partnership")
    d.add_paragraph("Executive meetings: 11 March, 10 June, 9 September and 9 December 2026")
    _table(d, [["No.", "Action", "Owner", "Deadline", "Status"],
               ["Matters arising from 10 June 2026", "", "", "", ""],
               ["26/10", "Share the exploitation problem profile with the subgroup. Update: 28 of the 40 cases "
                         "have been audited. Revised deadline: 31.10.26.", "Police", "Sept meeting", "Open"],
               ["New actions 9 September 2026", "", "", "", ""],
               ["26/20", "Report the audit findings to the Executive.", "Head of QA", "Next meeting", "Open"],
               ["26/21", "Circulate the revised escalation protocol.", "Business Manager",
                "Oct 2026 – revised to Dec meeting", "Open"],
               ["26/22", "Report the proportion of repeat plans.", "Head of QA", "Each meeting", "Ongoing"]])
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a for a in out["actions"]}
    # the section rows are no actions; the update is the step's status, its figures the step's metrics
    assert [a["text"][:12] for a in out["actions"]] == ["Share the ex", "Report the a", "Circulate th", "Report the p"]
    assert acts[out["actions"][0]["action_id"]]["status_text"] == \
        "Open – 28 of the 40 cases have been audited. Revised deadline: 31.10.26."
    assert {m["value"] for m in out["metrics"] if m["parent_id"] == out["actions"][0]["action_id"]} >= {28, 40}
    due = {acts[t["parent_id"]]["text"][:12]: (str(t["due_date"]), t["recurrence"]) for t in out["timescales"]}
    assert due == {"Share the ex": ("2026-10-31", "once"),     # the revised deadline in the update
                   "Report the a": ("2026-12-09", "once"),     # the meeting after the one of its section
                   "Circulate th": ("2026-12-09", "once"),     # the revised date only, pinned to the schedule
                   "Report the p": ("None", "other")}          # a standing item


def test_a_section_number_before_a_heading_is_its_numbering(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    path = tmp_path / "p.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, 760, "2 Recommendations")
    c.setFont("Helvetica", 10)
    c.drawString(72, 740, "2.1 That the Executive notes the progress made on the actions carried forward.")
    c.drawString(72, 725, "2.2 That the Executive agrees the revised deadline for action 26/07.")
    c.save()
    doc = load_document(path)
    assert [(b.kind, b.numbering, b.text[:15]) for b in doc.blocks][:2] == [
        ("heading", "2", "Recommendations"), ("paragraph", "2.1", "That the Execut")]
    recs = extract_all(doc, extract_metadata(doc))["recommendations"]
    assert [r["ref"] for r in recs] == ["2.1", "2.2"]


def test_cover_grid_of_two_label_value_pairs_a_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("Fellgate Borough Council")
    _table(d, [["Report to", "Cabinet", "Date", "21 July 2026"],
               ["Report of", "Director of Children's Services", "Report reference", "CAB/26/087"]])
    d.add_paragraph("Ofsted Inspection of Children's Services: Improvement Plan")
    path = tmp_path / "c.docx"
    d.save(path)
    meta = extract_metadata(load_document(path))
    assert (meta["committee"], str(meta["meeting_date"]), meta["report_ref"]) == ("Cabinet", "2026-07-21", "CAB/26/087")


def test_minutes_titled_by_the_body_with_the_day_on_the_line_under(tmp_path):
    d = docx.Document()
    d.add_paragraph("EASTHOPE SAFEGUARDING CHILDREN PARTNERSHIP")
    d.add_paragraph("Minutes of the Partnership Executive")
    d.add_paragraph("Wednesday 9 September 2026, 10.00am – 12.40pm, Committee Room 2, County Hall")
    d.add_paragraph("Present: Andrew Pollitt – Director of Children's Services (Chair); Sarah Quayle – ICB")
    d.add_paragraph("1. Minutes of the meeting held on 10 June 2026")
    d.add_paragraph("RESOLVED that the minutes of the meeting held on 10 June 2026 be approved as a correct record.")
    d.add_paragraph("2. Action log")
    d.add_paragraph("Members reviewed the log. The Executive agreed that actions 26/11 and 26/12 be closed.")
    d.add_paragraph("Detective Superintendent Whitfield agreed to promote the programme to officers.")
    path = tmp_path / "m.docx"
    d.save(path)
    doc = load_document(path)
    meta = extract_metadata(doc)
    assert (meta["committee"], str(meta["meeting_date"])) == ("Partnership Executive", "2026-09-09")
    out = extract_all(doc, meta)
    # the discussion's outcome beside the formal resolution; an officer's undertaking is an action
    assert [r["text"][:25] for r in out["recommendations"]] == ["the minutes of the meetin", "The Executive agreed that"]
    assert [a["text"][:25] for a in out["actions"]] == ["Detective Superintendent "]


def test_a_list_set_in_a_borderless_table_is_a_list(tmp_path):
    d = docx.Document()
    d.add_paragraph("RECOMMENDATIONS")
    d.add_paragraph("It is recommended that the Committee:")
    _table(d, [["(a)", "notes the Corporate Risk Register at Appendix A;"],
               ["(b)", "approves the addition of risk CRR07 to the register; and"],
               ["(c)", "requests the Head of ICT to present a deep-dive report at its meeting on 28 January 2027."]])
    out = _rows_of(d, tmp_path)
    assert [(r["ref"], r["text"][:12]) for r in out["recommendations"]] == [
        ("(a)", "notes the Co"), ("(b)", "approves the"), ("(c)", "requests the")]


def test_register_steps_lettered_with_owner_and_date_lines_and_bracketed_steps_with_a_status(tmp_path):
    d = docx.Document()
    _table(d, [["Risk ref", "Risk", "Further mitigating actions", "Action owner", "Due date"],
               ["CRR03", "Mobilising system",
                "• Award the contract for the new system (Head of ICT, September 2026) – Complete\n"
                "• Test the fallback arrangements (Area Manager (Control), 31 March 2027)", "See each action", "As shown"],
               ["CRR04", "Cyber security",
                "a) Replace the remaining unsupported servers.\nb) Run a cyber incident exercise.",
                "ICT Infrastructure Manager\nHead of ICT", "31/01/2027\nNov 2026"]])
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a for a in out["actions"]}
    assert [(a["text"][:16], a["status_text"]) for a in out["actions"]] == [
        ("Award the contra", "Complete"), ("Test the fallbac", None),
        ("Replace the rema", None), ("Run a cyber inci", None)]
    owners = sorted((acts[o["parent_id"]]["text"][:6], o["role"]) for o in out["owners"])
    assert owners == [("Award ", "Head of ICT"), ("Replac", "ICT Infrastructure Manager"),
                      ("Run a ", "Head of ICT"), ("Test t", "Area Manager (Control)")]


def test_an_inspections_asks_listed_under_a_sentence_and_a_reports_main_actions(tmp_path):
    d = docx.Document()
    d.add_paragraph("Ofsted said that the local authority needs to improve:")
    d.add_paragraph("1. The timeliness and quality of assessments.")
    d.add_paragraph("2. The quality of plans for children in need of help and protection.")
    d.add_paragraph("The plan has 20 actions, each with a lead officer. The main actions are:")
    d.add_paragraph("• a weekly assessment tracker in every team (recommendation 1);")
    d.add_paragraph("• relaunching the supervision policy by October 2026 (recommendation 1).")
    out = _rows_of(d, tmp_path)
    assert [(r["kind"], r["ref"]) for r in out["recommendations"]] == [("improvement", "1"), ("improvement", "2")]
    assert [a["text"][:12] for a in out["actions"]] == ["a weekly ass", "relaunching "]


def test_a_table_captioned_by_an_inspectorates_recommendation_and_a_measures_column(tmp_path):
    from extractors.entities.columns import column_role
    from extractors.entities.owners import subject_owner
    assert column_role("How we will know (measures)") == "evidence"
    assert subject_owner("Started to implement the strategy across the priority areas.") is None
    assert subject_owner("Changes to wellbeing services – 26 November to 27 January 2025") is None
    assert [subject_owner(t) for t in ("Officials to discuss the draft", "Healthwatch to share the findings")] == [
        "Officials", "Healthwatch"]
    d = docx.Document()
    t = d.add_table(rows=3, cols=4)
    t.cell(0, 0).merge(t.cell(0, 3)).text = "Ofsted recommendation 4 – The quality and timeliness of pathway plans."
    for j, h in enumerate(["No.", "What we will do", "Who", "When"]):
        t.cell(1, j).text = h
    for j, v in enumerate(["4.1", "Review every care leaver's pathway plan", "Leaving Care Service Manager", "March 2027"]):
        t.cell(2, j).text = v
    out = _rows_of(d, tmp_path)
    assert [(r["ref"], r["text"][:11]) for r in out["recommendations"]] == [("Ofsted recommendation 4", "The quality")]
    assert [(o["parent_type"], o["role"]) for o in out["owners"]] == [("recommendation", "Leaving Care Service Manager")]


def test_beside_resolutions_only_outcomes_that_say_what_was_decided(tmp_path):
    d = docx.Document()
    d.add_paragraph("Minutes of the County Council")
    d.add_paragraph("Thursday 9 January 2025")
    d.add_paragraph("RESOLVED that the budget be approved.")
    d.add_paragraph("Mr Brady, Mr Campkin, Ms Dawkins Motion carried.")
    d.add_paragraph("The minutes of the meeting held on 11 December were AGREED as a correct record.")
    out = _rows_of(d, tmp_path)
    assert [r["text"][:20] for r in out["recommendations"]] == ["the budget be approv", "The minutes of the m"]


def test_a_risk_score_worked_out_where_it_is_printed_is_one_score():
    from extractors.entities import metrics
    got = [(m.value, m.unit) for m in metrics.metrics_in_text("Inherent risk score: L 5 x I 4 = 20 (Red)")]
    assert got == [(20.0, "score")]
    assert [(m.value, m.unit) for m in metrics.metrics_in_text("Likelihood 4 x Impact 5 = 20")] == [(20.0, "score")]
    assert [(m.value, m.unit) for m in metrics.metrics_in_text("Current score 3x4=12")] == [(12.0, "score")]
    # not a product: read as before
    assert [m.unit for m in metrics.metrics_in_text("2 x 3 = 7")] == ["count"]


def test_scores_named_by_the_caption_and_a_registers_trend_column(tmp_path):
    d = docx.Document()
    d.add_paragraph("Table 1: Changes in current risk scores")
    _table(d, [["Risk", "Q1 2026/27", "Q2 2026/27", "Change"],
               ["CRR02 On-call availability", "16", "20", "+4"],
               ["CRR05 Culture and conduct", "20", "15", "-5"]])
    d.add_paragraph("Appendix A")
    _table(d, [["Risk ref", "Risk", "Current score", "Trend"],
               ["CRR03", "Mobilising system", "12", "Reducing (Q1: 16)"]])
    out = _rows_of(d, tmp_path)
    units = {(m["raw"], m["locator"].split("/col:")[-1].split("@")[0]): m["unit"] for m in out["metrics"]}
    assert units[("16", "Q1 2026/27")] == "score" and units[("+4", "Change")] == "score"
    assert units[("16", "Trend")] == "score"


def test_a_register_with_who_and_when_written_into_its_steps(tmp_path):
    d = docx.Document()
    _table(d, [["Ref", "Risk", "Current score", "Mitigating actions", "Target score"],
               ["SR1", "Failure to deliver the financial strategy", "L4 x I5 = 20",
                "• Deliver the savings programme – Head of Finance – March 2027\n"
                "• Lobby government on fair funding – Chief Executive – Ongoing", "12"],
               ["SR2", "Cyber attack", "L3 x I5 = 15",
                "1. Complete the PSN compliance review. Owner: Head of ICT.\nDue: 31/01/2027 2. Run a cyber "
                "incident exercise. Owner: Head of ICT.\nDue: April 2027", "10"]])
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a["text"] for a in out["actions"]}
    assert list(acts.values()) == ["Deliver the savings programme", "Lobby government on fair funding",
                                   "Complete the PSN compliance review.", "Run a cyber incident exercise."]
    assert sorted((acts[o["parent_id"]][:6], o["role"]) for o in out["owners"]) == [
        ("Comple", "Head of ICT"), ("Delive", "Head of Finance"), ("Lobby ", "Chief Executive"), ("Run a ", "Head of ICT")]
    assert sorted((acts[t["parent_id"]][:6], str(t["due_date"]), t["recurrence"]) for t in out["timescales"]) == [
        ("Comple", "2027-01-31", "once"), ("Delive", "2027-03-31", "once"), ("Lobby ", "None", "ongoing"),
        ("Run a ", "2027-04-30", "once")]


def test_kpi_commentary_actions_labels_above_and_posts_with_a_bracket(tmp_path):
    d = docx.Document()
    d.add_paragraph("KPI 7 – Unwanted fire signals [Red]")
    d.add_paragraph("There were 589 unwanted fire signals in the first half of the year.")
    d.add_paragraph("Lead: Head of Protection | Due: Q3 2026/27")
    d.add_paragraph("Action: Write to the 40 premises with the most false alarms and offer each a site visit.")
    d.add_paragraph("Lead: Area Manager (Response) | Due: 31 March 2027")
    d.add_paragraph("Action: Consult on a call-challenging policy for alarms from commercial buildings.")
    d.add_paragraph("KPI 8 – Average response time [Amber]")
    d.add_paragraph("Improvement action: Group Manager Emma Hartley (Prevention) will complete the Response Model "
                    "Review by June 2027.")
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a["text"][:12] for a in out["actions"]}
    assert sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"]) == [
        ("Consult on a", "Area Manager (Response)", None), ("Group Manage", "Group Manager (Prevention)", "Emma Hartley"),
        ("Write to the", "Head of Protection", None)]
    assert sorted((acts[t["parent_id"]], str(t["due_date"])) for t in out["timescales"]) == [
        ("Consult on a", "2027-03-31"), ("Group Manage", "2027-06-30"), ("Write to the", "2026-12-31")]
    assert 40 in {m["value"] for m in out["metrics"] if m["parent_id"] in acts}


def test_a_logged_actions_title_in_brackets_is_not_who_takes_it(tmp_path):
    d = docx.Document()
    d.add_paragraph("Minutes of the Partnership Executive")
    d.add_paragraph("Wednesday 9 September 2026")
    d.add_paragraph("4.2 Action 26/07 (Continuum of Need): Mark Ellery explained that the revised guidance had "
                    "been held back while the Front Door was restructured.")
    d.add_paragraph("4.3 Action 4 (Secretariat, by 31 October 2026): circulate the revised guidance to partners.")
    out = _rows_of(d, tmp_path)
    assert [a["text"][:20] for a in out["actions"]] == ["circulate the revise"]
    assert [o["role"] for o in out["owners"]] == ["Secretariat"]


def test_a_registers_scoring_key_gives_no_figures():
    from extractors.entities import metrics
    for key in ("Scores are Likelihood x Impact (1-5 each): red 15-25, amber 8-12, green 1-6.",
                "Each risk is scored for likelihood (L, 1–5) and impact (I, 1–5); scores of 15 to 25 are rated red.",
                "Red 15–25; Amber 8–12; Green 1–6."):
        assert metrics.metrics_in_text(key) == [], key
    # figures that are findings stay
    assert [m.value for m in metrics.metrics_in_text("Five risks are rated red and 3 amber.")] == [5.0, 3.0]
    assert [m.value for m in metrics.metrics_in_text("Waiting times rose from 15 to 25 days.")] == [15.0, 25.0]


def test_initials_printed_after_each_name_in_a_membership_list_resolve(tmp_path):
    d = docx.Document()
    d.add_paragraph("Membership and officers (initials used in the Lead column)")
    d.add_paragraph("Cllr Dev Kaur (DK) – Leader of the Council Laura Fenwick (LF) – Chief Executive Cllr Siobhan "
                    "McGrath (SMcG) – Deputy Leader; Director of Place Stuart Keel (SK)")
    _table(d, [["Ref", "Action", "Lead", "Deadline"],
               ["CAB/26/041", "Report on the market hall options", "SK", "Next Cabinet"],
               ["CAB/26/061", "Set up a cross-party working group", "SMcG/ LF", "Sept 2026"]])
    out = _rows_of(d, tmp_path)
    assert sorted(o["person"] for o in out["owners"]) == ["Laura Fenwick", "Siobhan McGrath", "Stuart Keel"]


def test_controls_already_in_place_are_not_steps():
    from extractors.entities.columns import classify_columns, column_role
    for h in ("Existing controls", "Current controls", "Controls in place", "Key controls", "Mitigations in place"):
        assert column_role(h) == "controls", h
    assert column_role("Further controls required") == "action"
    assert classify_columns(["Risk", "Existing controls", "Further actions", "Owner"])["action"] == [2]


def test_owners_a_pdf_cell_ran_together_and_holders_in_brackets():
    got = lambda t: [o[:2] for o in split_owners(t)]   # noqa: E731
    assert got("PVC – Carys Lloyd ICB – Simon Bennett") == [("PVC", "Carys Lloyd"), ("ICB", "Simon Bennett")]
    assert got("Director of Public Health ICB – Dr Amir Shah") == [("Director of Public Health", None),
                                                                   ("ICB", "Dr Amir Shah")]
    assert got("PVC Housing Options GHG (Lisa Harrow)") == [("PVC Housing Options", None), ("GHG", "Lisa Harrow")]
    assert got("DASS Simon Bennett (ICB)") == [("DASS", None), ("ICB", "Simon Bennett")]
    assert got("Chair of the Board (Cllr Ruth Aldana)") == [("Chair of the Board", "Ruth Aldana")]
    assert got("Consultant in Public Health (Priya Natarajan)") == [("Consultant in Public Health", "Priya Natarajan")]
    # one owner each: a body's own name, a post with its initials, a post written "(s)"
    assert len(got("Director of Nursing and Quality, NHS Elmsleigh and Wyvern ICB – Grace Ndlovu")) == 1
    assert len(got("ICT Infrastructure Manager (GK)")) == 1
    assert len(got("Assistant Director (s) People")) == 1
    assert len(got("Head of ICT – Owen Stratton")) == 1


def test_a_glossary_of_posts_run_together_names_their_holders(tmp_path):
    from extractors.entities.minutes import key_to_initials
    d = docx.Document()
    d.add_paragraph("Abbreviation Meaning / post holder BCF Better Care Fund Chair Chair of the Pennock Valley Health "
                    "and Wellbeing Board – Cllr Ruth Aldana Vice-Chair Vice-Chair of the Board – Dr Amir Shah, ICB "
                    "DASS Director of Adult Social Services, PVC – Mark Trevelyan DPH Director of Public Health, PVC "
                    "– Dr Helen Okafor GHG Greystone Housing Group")
    path = tmp_path / "g.docx"
    d.save(path)
    roles = key_to_initials(load_document(path))[1]
    assert {k: roles.get(k) for k in ("Chair", "Vice-Chair", "DASS", "DPH")} == {
        "Chair": "Ruth Aldana", "Vice-Chair": "Amir Shah", "DASS": "Mark Trevelyan", "DPH": "Helen Okafor"}
    assert "BCF" not in roles


def test_a_title_after_its_agenda_item_number(tmp_path):
    lines = ["GORSEMOOR DISTRICT COUNCIL", "Audit and Governance Committee – 26 November 2026",
             "Agenda item 4: Committee Action Tracker", "Report of: Democratic Services Manager",
             "How to read the tracker"]
    d = docx.Document()
    for ln in lines:
        d.add_heading(ln, 1) if ln[0].isupper() and ":" not in ln[:10] else d.add_paragraph(ln)
    path = tmp_path / "t.docx"
    d.save(path)
    assert extract_metadata(load_document(path))["title"] == "Committee Action Tracker"


def test_a_bullet_naming_who_will_take_the_step_and_when_is_an_action(tmp_path):
    d = docx.Document()
    d.add_paragraph("ASC01 Homecare market capacity – providers cannot recruit enough care workers.", style="List Bullet")
    d.add_paragraph("The Head of Commissioning will re-tender the homecare framework by June 2027.", style="List Bullet 2")
    d.add_paragraph("Harriet Osei, Head of Commissioning, will agree a fee uplift with providers by February 2027.",
                    style="List Bullet 2")
    d.add_paragraph("The DoLS Team Manager, Ruth Okonjo, will introduce triage of new applications by January 2027.",
                    style="List Bullet 2")
    d.add_paragraph("Care workers will be paid more.", style="List Bullet 2")   # no one named, no date: not a step
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a["text"][:12] for a in out["actions"]}
    assert sorted(acts.values()) == ["Harriet Osei", "The DoLS Tea", "The Head of "]
    assert sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"]) == [
        ("Harriet Osei", "Head of Commissioning", "Harriet Osei"), ("The DoLS Tea", "DoLS Team Manager", "Ruth Okonjo"),
        # (the post alone takes the holder the paper names with it in the next bullet: session 32)
        ("The Head of ", "Head of Commissioning", "Harriet Osei")]


def test_a_risk_box_and_its_actions_table_drawn_as_one_grid(tmp_path):
    d = docx.Document()
    box = [["Description", "Not enough local placements for children in care."],
           ["Causes", "Rising numbers of children in care."],
           ["Current risk", "L4 x I4 = 16 (Red)"],
           ["Direction of travel", "Stable"]]
    _table(d, [[label, value, value, value] for label, value in box] + [
               ["Action", "Action owner", "Due date", "Status"],
               ["Open the second in-house children's home", "Tom Whitfield (Head of Children's Resources)", "30/04/2027", "On track"],
               ["Recruit 20 additional foster carers", "Head of Fostering", "31/03/2027", "At risk"]])
    out = _rows_of(d, tmp_path)
    assert [(a["text"][:12], a["locator"]) for a in out["actions"]] == [
        ("Open the sec", "table:0/row:5/col:Action"), ("Recruit 20 a", "table:0/row:6/col:Action")]
    assert sorted((o["role"], o["person"]) for o in out["owners"]) == [
        ("Head of Children's Resources", "Tom Whitfield"), ("Head of Fostering", None)]
    assert {m["value"]: m["unit"] for m in out["metrics"]}[16.0] == "score"


def test_scores_with_named_factors_and_a_registers_response_label(tmp_path):
    from extractors.entities import metrics
    from extractors.entities.metrics import column_context
    assert [(m.value, m.unit) for m in metrics.metrics_in_text("I5 L3 = 15")] == [(15.0, "score")]
    assert [(m.value, m.unit) for m in metrics.metrics_in_text("Likelihood: 4, Impact: 3, Score: 12")] == [(12.0, "score")]
    assert column_context("Current risk")[2] == "score" and column_context("Risk")[2] is None
    d = docx.Document()
    _table(d, [["Ref", "Risk", "Current risk", "Risk treatment / actions"],
               ["JWP04", "Food waste roll-out delayed", "I4 L3 = 12",
                "Response: Treat Complete the roll-out of food waste collections Owner: Waste Services Manager / "
                "Target: 31/03/2027"],
               ["JWP09", "Landfill tax rises", "I2 L2 = 4", "Response: Tolerate No further treatment – the risk is at its "
                "target score."]])
    out = _rows_of(d, tmp_path)
    assert [a["text"] for a in out["actions"]] == ["Complete the roll-out of food waste collections"]
    assert [o["role"] for o in out["owners"]] == ["Waste Services Manager"]
    assert [str(t["due_date"]) for t in out["timescales"]] == ["2027-03-31"]


def test_two_members_sharing_initials_are_told_apart_by_the_surname(tmp_path):
    d = docx.Document()
    d.add_paragraph("Minutes of the Health and Wellbeing Board")
    d.add_paragraph("Thursday 29 October 2026")
    d.add_paragraph("Present: Sunita Bains (Director of Children's Services), Simon Bennett (ICB), Mark Trevelyan")
    d.add_paragraph("SBe agreed to circulate a breakdown of the discharge fund spend before the next meeting.")
    out = _rows_of(d, tmp_path)
    assert [o["person"] for o in out["owners"]] == ["Simon Bennett"]


def test_a_cover_sheet_is_not_a_record_and_milestones_are_due_dates(tmp_path):
    d = docx.Document()
    _table(d, [["Report title", "Waste and Recycling Service Plan 2026/27: mid-year update"],
               ["Report reference", "JWC/26/15"],
               ["Report of", "Partnership Manager (Simon Kerrigan)"],
               ["Recommendations", "That the Joint Committee:\n1. notes the progress made on the key activities;\n"
                                   "2. agrees the revised target date of June 2027 for the textiles trial."]])
    d.add_paragraph("Objective 1")
    _table(d, [["Key activity", "Milestones", "Lead", "Target date"],
               ["1.1 Roll out food waste collections", "• Consultation complete – Nov 2026\n• Caddies delivered – Feb 2027",
                "Waste Services Manager", "31 March 2027"]])
    out = _rows_of(d, tmp_path)
    assert [(r["ref"], r["kind"]) for r in out["recommendations"]] == [("1", "decision"), ("2", "decision")]
    acts = {a["action_id"] for a in out["actions"]}
    assert sorted(str(t["due_date"]) for t in out["timescales"] if t["parent_id"] in acts) == [
        "2026-11-30", "2027-02-28", "2027-03-31"]


def test_a_plan_items_actions_table_after_a_progress_line_answers_the_item(tmp_path):
    d = docx.Document()
    d.add_heading("Recommendation 1: Improve the quality of management oversight of social work practice.", 2)
    d.add_paragraph("Progress: overall the recommendation is on track.")
    _table(d, [["Ref", "Action", "Lead officer", "Timescale"],
               ["1.1", "Introduce a revised supervision policy", "Head of Quality Assurance", "September 2026"]])
    out = _rows_of(d, tmp_path)
    # the labelling guide gives a plan table's owners and dates to the recommendation of the row
    assert [o["parent_type"] for o in out["owners"]] == ["recommendation"]
    assert [t["parent_type"] for t in out["timescales"]] == ["recommendation"]
    assert [a["rec_id"] for a in out["actions"]] == [out["recommendations"][0]["rec_id"]]
