"""Forms read in session 25: a PDF cell's lines ended by hand, steps under a
header of their own inside a register, owner and date lines under each of
several steps, a plan item's labelled details between it and its table, and
two more date forms."""
from datetime import date
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from extractors.entities.passes import extract_all
from extractors.entities.timescales.cells import parse_timescales
from extractors.loaders import load_document
from extractors.metadata import extract_metadata
from extractors.numbering import bare_ref
from tests.word_papers import add_table as _table, extracted as _extracted


def _pdf_table(path: Path, rows: list[list[str]], widths: list[float]) -> Path:
    """A one-table landscape PDF; '<br/>' in a cell ends its line by hand."""
    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(c, style) for c in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build([t])
    return path


def _pdf_rows(path: Path) -> dict:
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def test_a_pdf_cell_listing_one_owner_and_one_date_a_line_pairs_them_with_the_numbered_steps(tmp_path):
    path = _pdf_table(tmp_path / "register.pdf", [
        ["Ref", "Risk", "Mitigating actions", "Action owner", "Target date"],
        ["CR1", "Medium-term financial sustainability",
         "1. Deliver the savings programme for 2027/28.<br/>2. Complete the review of fees and charges.",
         "Director of Finance<br/>Head of Finance", "31/03/2027<br/>Dec 2026"],
    ], [40, 150, 260, 160, 90])
    cell = next(b.table for b in load_document(path).blocks if b.table is not None).rows[1][3].text
    # "Head of" would have fitted after "Director of Finance": the line was ended by hand
    assert cell == "Director of Finance\nHead of Finance"
    out = _pdf_rows(path)
    acts = {a["action_id"]: a["text"][:14] for a in out["actions"]}
    owners = sorted((acts[o["parent_id"]], o["role"]) for o in out["owners"])
    assert owners == [("Complete the r", "Head of Finance"), ("Deliver the sa", "Director of Finance")]
    dues = sorted((acts[t["parent_id"]], t["due_date"]) for t in out["timescales"])
    assert dues == [("Complete the r", date(2026, 12, 31)), ("Deliver the sa", date(2027, 3, 31))]


def test_a_wrapped_cell_line_stays_one_line(tmp_path):
    # a narrow column wraps a long post: no hand-made break, one owner
    path = _pdf_table(tmp_path / "plan.pdf", [
        ["Action", "Lead", "By when"],
        ["Refresh the supervision policy", "Principal Social Worker for Children in Care Services", "Dec 2026"],
    ], [300, 110, 90])
    cell = next(b.table for b in load_document(path).blocks if b.table is not None).rows[1][1].text
    assert "\n" not in cell
    assert [o["role"] for o in _pdf_rows(path)["owners"]] == ["Principal Social Worker for Children in Care Services"]


def test_steps_under_an_inner_header_of_each_risk_are_actions_with_their_own_owners(tmp_path):
    d = docx.Document()
    d.add_paragraph("Strategic Risk Register – Appendix A")
    _table(d, [
        ["Ref", "Risk title and description", "Risk owner", "Current score"],
        ["SR01", "Medium-term financial sustainability", "Director of Finance", "16"],
        ["", "Action required", "By whom", "By when"],
        ["", "Deliver the 2027/28 savings programme and report progress to Cabinet.", "Head of Finance", "31/03/27"],
        ["", "Review the adequacy of reserves.", "Director of Finance / Head of Audit", "End of February 2027"],
        ["SR02", "Workforce capacity and recruitment", "Chief Executive", "12"],
        ["", "Action required", "By whom", "By when"],
        ["", "Complete the pay and grading review of professional posts.", "Head of HR and OD", "Q4 2026/27"],
    ])
    out = _extracted(d, tmp_path, "risks.docx")
    acts = {a["action_id"]: a["text"][:12] for a in out["actions"]}
    assert sorted(acts.values()) == ["Complete the", "Deliver the ", "Review the a"]   # not the risks' rows
    owners = sorted((acts[o["parent_id"]], o["role"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("Complete the", "Head of HR and OD"), ("Deliver the ", "Head of Finance"),
                      ("Review the a", "Director of Finance"), ("Review the a", "Head of Audit")]
    dues = sorted((acts[t["parent_id"]], t["due_date"]) for t in out["timescales"] if t["parent_id"] in acts)
    assert dues == [("Complete the", date(2027, 3, 31)), ("Deliver the ", date(2027, 3, 31)),
                    ("Review the a", date(2027, 2, 28))]


def test_owner_and_date_lines_under_each_of_several_steps_stay_with_their_step(tmp_path):
    d = docx.Document()
    d.add_paragraph("Corporate Risk Register")
    _table(d, [
        ["Ref", "Risk", "Risk owner", "Further actions (with action owner and target date)"],
        ["CR3", "Sufficiency of children's placements", "Director of Children's Services – Martin Oyelaran",
         "• Open the Council's second children's home\nOwner: Head of Children's Resources\nDate: April 2027\n"
         "• Recruit 15 additional in-house foster carers\nOwner: Fostering Service Manager\nDate: 31/03/2027"],
    ])
    out = _extracted(d, tmp_path, "cr.docx")
    acts = {a["action_id"]: a["text"] for a in out["actions"]}
    assert sorted(acts.values()) == ["Open the Council's second children's home", "Recruit 15 additional in-house foster carers"]
    owners = sorted((acts[o["parent_id"]][:4], o["role"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("Open", "Head of Children's Resources"), ("Recr", "Fostering Service Manager")]


def test_a_plan_items_labelled_details_between_it_and_its_table_keep_the_table_its(tmp_path):
    d = docx.Document()
    d.add_paragraph("Youth Justice Management Board")
    for n, rec, row in [(1, "The Board should make sure that members understand the needs of the children.",
                         ["1.1", "Hold a Board development session.", "Chair of the Board", "Dec 26"]),
                        (2, "The Board should analyse the overrepresentation of Black children.",
                         ["2.1", "Produce an analysis of disproportionality.", "Performance Manager", "Jan 2027"])]:
        d.add_heading(f"Recommendation {n}", 2)
        d.add_paragraph(rec)
        d.add_paragraph("Addressed to: Youth Justice Management Board")
        d.add_paragraph("Overall RAG: Amber")
        _table(d, [["No.", "Action", "Owner", "Timescale"], row])
    out = _extracted(d, tmp_path, "yj.docx")
    recs = {r["rec_id"]: bare_ref(r["ref"]) for r in out["recommendations"]}
    table_owners = [(recs.get(o["parent_id"]), o["role"]) for o in out["owners"] if "table:" in (o["locator"] or "")]
    # the action-plan convention: a table's lead and dates are the recommendation's it answers
    assert table_owners == [("1", "Chair of the Board"), ("2", "Performance Manager")]


def test_iso_dates_and_a_window_of_two_months_in_one_year():
    got = [(t.raw, t.due_date) for t in parse_timescales("2026-12-31", date(2026, 11, 1))]
    assert got == [("2026-12-31", date(2026, 12, 31))]
    got = [(t.raw, t.due_date) for t in parse_timescales("Feb/Mar 2027", date(2026, 11, 1))]
    assert got == [("Feb/Mar 2027", date(2027, 3, 31))]
    # two dates each with its year stay two
    assert len(parse_timescales("December 2026 / January 2027", date(2026, 11, 1))) == 2


def test_a_highlight_reports_achievements_and_planned_steps_are_actions_with_their_dashed_owners(tmp_path):
    d = docx.Document()
    d.add_paragraph("Improvement Board highlight report")
    d.add_heading("Workstream 1: Practice quality", 2)
    d.add_heading("Achievements this period", 3)
    d.add_paragraph("Launched the revised assessment template in Mosaic on 1 September.", style="List Bullet")
    d.add_heading("Planned next period", 3)
    d.add_paragraph("Share the themes of the plan audit at the practice week (by 11 December 2026) – Principal Social Worker",
                    style="List Bullet")
    d.add_paragraph("Agree new dates with the provider for the second cohort – Head of Workforce Development",
                    style="List Bullet")
    d.add_heading("Risks and issues", 3)
    d.add_paragraph("The provider cannot supply a trainer for the December dates.", style="List Bullet")
    out = _extracted(d, tmp_path, "hl.docx")
    acts = {a["action_id"]: a["text"] for a in out["actions"]}
    assert sorted(t[:10] for t in acts.values()) == ["Agree new ", "Launched t", "Share the "]   # not the risk
    owners = sorted((acts[o["parent_id"]][:5], o["role"]) for o in out["owners"])
    assert owners == [("Agree", "Head of Workforce Development"), ("Share", "Principal Social Worker")]
    # the owner is taken off the step's words
    assert all("–" not in t for t in acts.values())


def test_a_lead_line_that_goes_on_to_the_timescale_gives_both(tmp_path):
    d = docx.Document()
    d.add_paragraph("Scrutiny task and finish group: final report")
    d.add_heading("Recommendation 1", 2)
    d.add_paragraph("That the Cabinet adopts a single damp and mould policy for council homes.")
    d.add_paragraph("Lead: Cabinet Member for Housing / Head of Property Services – Timescale: by March 2027")
    out = _extracted(d, tmp_path, "tfg.docx")
    assert sorted(o["role"] for o in out["owners"] if "lead" in (o["locator"] or "")) == [
        "Cabinet Member for Housing", "Head of Property Services"]
    assert [t["due_date"] for t in out["timescales"] if "timescale" in (t["locator"] or "")] == [date(2027, 3, 31)]


def test_a_theme_row_spanning_a_response_table_is_not_a_response(tmp_path):
    d = docx.Document()
    d.add_paragraph("Cabinet response to the scrutiny review")
    t = _table(d, [["Recommendation", "Accepted / Partially accepted / Not accepted", "Response"],
                   ["Theme A – Responding to reports"] * 3,
                   ["1. That the Cabinet adopts a single damp and mould policy.", "Accepted",
                    "A draft policy has been prepared."]])
    a = t.cell(1, 0).merge(t.cell(1, 2))
    a.text = "Theme A – Responding to reports"
    out = _extracted(d, tmp_path, "resp.docx")
    assert [r["status"] for r in out["responses"]] == ["accepted"]


def test_who_and_when_in_square_brackets_or_after_a_dash_in_brackets(tmp_path):
    d = docx.Document()
    d.add_paragraph("Corporate Risk Register")
    _table(d, [["Ref", "Risk", "Risk owner", "Further actions required"],
               ["CR4", "Local plan", "Director of Place",
                "1. Submit the Local Plan Review for examination [Owner: Planning Policy Manager | Target: 30 June 2027]\n"
                "2. Extend food waste collections to the remaining flats (Waste Services Manager – Mar 2027)\n"
                "3. Launch a landlord incentive scheme. Lead: Housing Options Manager; by 31/01/2027"]])
    out = _extracted(d, tmp_path, "risk.docx")
    acts = {a["action_id"]: a["text"][:6] for a in out["actions"]}
    owners = sorted((acts[o["parent_id"]], o["role"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("Extend", "Waste Services Manager"), ("Launch", "Housing Options Manager"),
                      ("Submit", "Planning Policy Manager")]
    dues = sorted((acts[t["parent_id"]], t["due_date"]) for t in out["timescales"] if t["parent_id"] in acts)
    assert dues == [("Extend", date(2027, 3, 31)), ("Launch", date(2027, 1, 31)), ("Submit", date(2027, 6, 30))]


def test_a_sections_lead_under_its_heading_owns_each_step_listed_in_it(tmp_path):
    d = docx.Document()
    d.add_paragraph("Improvement Board highlight report")
    for n, lead, step in [(1, "Senior responsible officer: Assistant Director, Safeguarding and Family Help, Dr Samuel Okonkwo",
                           "Completed the first quarterly audit of 30 child protection plans."),
                          (2, "Senior responsible officer: Assistant Director, Early Help, Kate Ambrose",
                           "Signed the revised joint protocol with all five district councils.")]:
        d.add_heading(f"Workstream {n}", 2)
        d.add_paragraph(lead)
        d.add_heading("Achievements this period", 3)
        d.add_paragraph(step, style="List Bullet")
    out = _extracted(d, tmp_path, "sro.docx")
    acts = {a["action_id"]: a["text"][:6] for a in out["actions"]}
    owners = sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("Comple", "Assistant Director, Safeguarding and Family Help", "Dr Samuel Okonkwo"),
                      ("Signed", "Assistant Director, Early Help", "Kate Ambrose")]


def test_two_posts_joined_by_and_are_two_owners_but_a_post_of_two_services_is_one():
    from extractors.entities.owners import split_owners
    assert [o[0] for o in split_owners("Partnership Manager and Police Inspector")] == ["Partnership Manager", "Police Inspector"]
    assert [o[0] for o in split_owners("HR Business Partner and Finance Business Partner")] == [
        "HR Business Partner", "Finance Business Partner"]
    assert [o[0] for o in split_owners("Director of Finance and Resources")] == ["Director of Finance and Resources"]
    assert [o[0] for o in split_owners("Police and Crime Commissioner")] == ["Police and Crime Commissioner"]


def test_a_step_paragraph_with_its_own_owner_and_timescale_lines_is_an_action(tmp_path):
    d = docx.Document()
    d.add_paragraph("HMI Probation improvement plan – progress report")
    d.add_heading("Recommendation 4", 2)
    d.add_paragraph("The Youth Justice Service should make sure that every child is screened for communication needs.")
    for step, owner, when in [("4.1 Screen every child entering the service for speech and language needs.",
                               "Owner: Dr Sunita Rao - Associate Director of Safeguarding, NHS Eyre Valley ICB",
                               "Timescale: Q4 26/27"),
                              ("4.2 Produce a communication passport for each child with identified needs.",
                               "Owner: Service Manager, Early Help", "Timescale: Q3 26/27")]:
        d.add_paragraph(step)
        d.add_paragraph(owner)
        d.add_paragraph(when)
        d.add_paragraph("RAG: Amber")
    out = _extracted(d, tmp_path, "steps.docx")
    acts = {a["action_id"]: a["text"][:6] for a in out["actions"]}
    assert sorted(acts.values()) == ["Produc", "Screen"]
    owners = sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("Produc", "Service Manager, Early Help", None),
                      ("Screen", "Associate Director of Safeguarding, NHS Eyre Valley ICB", "Dr Sunita Rao")]
    dues = sorted((acts[t["parent_id"]], t["due_date"]) for t in out["timescales"] if t["parent_id"] in acts)
    assert dues == [("Produc", date(2026, 12, 31)), ("Screen", date(2027, 3, 31))]


def test_a_one_cell_box_over_an_actions_table_is_the_item_the_table_answers(tmp_path):
    d = docx.Document()
    d.add_paragraph("Ofsted focused visit: progress against the action plan")
    for n, point, lead, row in [
            (1, "The timeliness of decision-making on contacts and referrals in the front door.",
             "Senior lead: Assistant Director, Early Help – Helen Cartwright", ["1.1", "Add a second duty manager", "HC", "Immediate"]),
            (2, "The quality of strategy discussions, including the attendance of health professionals.",
             "Senior lead: Head of Safeguarding – Deborah Mensah", ["2.1", "Revise the strategy template", "DM", "Nov 2026"])]:
        box = d.add_table(rows=1, cols=1)
        box.cell(0, 0).text = f"Area for improvement {n}\n{point}\n{lead}"
        _table(d, [["No.", "Action", "Lead officer(s)", "Target date"], row])
    out = _extracted(d, tmp_path, "fv.docx")
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["Area for improvement 1", "Area for improvement 2"]
    dues = sorted((recs[t["parent_id"]], t["due_date"]) for t in out["timescales"] if t["parent_id"] in recs)
    assert dues == [("Area for improvement 1", None), ("Area for improvement 2", date(2026, 11, 30))]
    leads = sorted((recs[o["parent_id"]], o["person"]) for o in out["owners"] if o["parent_id"] in recs and o["person"])
    assert ("Area for improvement 1", "Helen Cartwright") in leads and ("Area for improvement 2", "Deborah Mensah") in leads


def test_initials_and_month_in_square_brackets_end_each_step_of_a_cell(tmp_path):
    d = docx.Document()
    d.add_paragraph("Directorate risk register")
    _table(d, [["Ref", "Risk", "Risk owner", "Further mitigation"],
               ["CH01", "Homelessness demand", "Head of Housing Solutions (PV)",
                "Acquisitions programme: Buy a further 15 homes for temporary accommodation. [PV, Mar 27]\n"
                "Kilnbeck House: Open the 20-room council-run hostel. [LO, Jun 27]"]])
    out = _extracted(d, tmp_path, "sq.docx")
    acts = {a["action_id"]: a["text"] for a in out["actions"]}
    assert len(acts) == 2 and all("[" not in t for t in acts.values())
    dues = sorted(t["due_date"] for t in out["timescales"] if t["parent_id"] in acts)
    assert dues == [date(2027, 3, 31), date(2027, 6, 30)]


def test_post_short_forms_run_together_pair_with_the_steps_through_the_key(tmp_path):
    path = tmp_path / "fra.pdf"
    # add the key as a DOCX-like second table by rebuilding the PDF with both tables
    style = getSampleStyleSheet()["BodyText"]
    t1 = Table([[Paragraph(c, style) for c in r] for r in [
        ["Risk", "Additional actions required", "Action owner", "Completion date"],
        ["SR02 On-call availability",
         "Run a recruitment campaign for on-call firefighters.<br/>Introduce the new on-call payment model.<br/>"
         "Pilot flexible contracts at two stations.<br/>Report on-call availability to the Committee.",
         "AM (Resp) HoP GM (OCS) ACFO (SD)", "31.03.2027 Complete 30.06.2027 Ongoing"]]], colWidths=[100, 300, 70, 100])
    t2 = Table([[Paragraph(c, style) for c in r] for r in [
        ["Abbreviation", "Post", "Postholder"], ["HoP", "Head of People", "Deborah Rowse"],
        ["ACFO (SD)", "Assistant Chief Fire Officer, Service Delivery", "Gareth Hosken"],
        ["GM (OCS)", "Group Manager, On-Call Support", "Kerry Pascoe"]]], colWidths=[100, 250, 150])
    for t in (t1, t2):
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build([t1, t2])
    out = _pdf_rows(path)
    acts = {a["action_id"]: a["text"][:5] for a in out["actions"]}
    owners = sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("Intro", "HoP", "Deborah Rowse"), ("Pilot", "GM (OCS)", "Kerry Pascoe"),
                      ("Repor", "ACFO (SD)", "Gareth Hosken"), ("Run a", "AM (Resp)", None)]
    # "Complete" holds the second step's place: no date for it
    dues = sorted((acts[t["parent_id"]], str(t["due_date"]), t["recurrence"]) for t in out["timescales"] if t["parent_id"] in acts)
    assert dues == [("Pilot", "2027-06-30", "once"), ("Repor", "None", "ongoing"), ("Run a", "2027-03-31", "once")]


def test_paragraphs_under_planned_actions_that_say_who_will_do_what_by_when(tmp_path):
    d = docx.Document()
    d.add_paragraph("Risk summary sheet – SR06 Values and culture")
    d.add_heading("Planned actions", 3)
    d.add_paragraph("By the end of September 2027 the Head of People, Deborah Rowse, will have delivered the leadership "
                    "programme to all 160 supervisory managers.")
    d.add_paragraph("Progress against the culture recommendations will be reported by the Chief Fire Officer to every "
                    "meeting of this Committee.")
    d.add_heading("Progress since the last review", 3)
    d.add_paragraph("The staff survey closed on 30 October 2026 with a response rate of 61%.")
    out = _extracted(d, tmp_path, "sheet.docx")
    acts = {a["action_id"]: a["text"][:8] for a in out["actions"]}
    assert sorted(acts.values()) == ["By the e", "Progress"]   # not the progress paragraph
    owners = sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"] if o["parent_id"] in acts)
    assert owners == [("By the e", "Head of People", "Deborah Rowse"), ("Progress", "Chief Fire Officer", None)]


def test_a_header_cell_holding_two_columns_names_takes_the_first_names_role():
    from extractors.entities.columns import two_names_role
    # (session 34: "plans in place to deliver" names the steps that deliver an aim)
    assert two_names_role("Strategies / plans in place to deliver\nLed by / responsible") == (True, "action")
    assert two_names_role("Further actions to be taken\nLead officer and date") == (True, "action")
    # a name wrapped over two lines, or a short header, is one column's
    assert two_names_role("Responsible\nofficer") == (False, None)
    assert two_names_role("Target date") == (False, None)


def test_a_span_of_years_written_with_to_names_a_period_not_two_deadlines():
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert find_due_dates_in_sentence("Publish a new Carers' Strategy for 2027 to 2030, co-produced with carers.",
                                      date(2026, 11, 1)) == []
    assert [(t.raw, t.due_date) for t in parse_timescales("2027 to 2030", date(2026, 11, 1))] == [
        ("2027 to 2030", date(2030, 12, 31))]


def test_a_body_and_the_initials_of_who_speaks_for_it_own_a_minutes_action(tmp_path):
    d = docx.Document()
    d.add_paragraph("Minutes of the meeting of the Health and Wellbeing Board held on 29 October 2026")
    d.add_heading("Present:", 2)
    _table(d, [["Name", "Organisation", "Role"], ["Cllr Ruth Aldana (Chair)", "Valley Council", "Cabinet Member"],
               ["Dr Amir Shah", "NHS Valley Integrated Care Board", "Place Director"]])
    d.add_heading("GP access survey", 2)
    d.add_paragraph("ACTION 26/42: ICB (AS) to bring a response to the six recommendations to the December meeting.")
    out = _extracted(d, tmp_path, "mins.docx")
    assert [(o["role"], o["person"]) for o in out["owners"] if "ICB" in (o["raw"] or "")] == [("ICB", "Amir Shah")]


def test_inspection_items_listed_under_their_labels_answer_the_table_keyed_by_afi(tmp_path):
    d = docx.Document()
    d.add_paragraph("Care Inspectorate Wales performance evaluation inspection – improvement plan progress")
    for n, point in [(1, "The voice of the child should be clearly recorded in assessments and care and support plans."),
                     (2, "The local authority should improve the timeliness of assessments and of reviews.")]:
        d.add_heading(f"Area for improvement {n}", 3)
        d.add_paragraph(point)
    d.add_paragraph("Cabinet approved the improvement plan on 16 September 2026.")
    _table(d, [["AFI", "No.", "Action", "Lead Officer", "Target Date"],
               ["AFI 1", "1.1", "Add a section on what matters to the child to the templates.", "Principal Social Worker", "September 2026"],
               ["", "1.2", "Offer every child an advocate at their review.", "Head of Children's Services", "March 2027"],
               ["AFI 2", "2.1", "Recruit two additional independent reviewing officers.", "Service Manager", "January 2027"]])
    out = _extracted(d, tmp_path, "ciw.docx")
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["Area for improvement 1", "Area for improvement 2"]
    owners = sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"] if o["parent_id"] in recs and "table:" in o["locator"])
    # the row left blank under "AFI 1" answers it too
    assert owners == [("Area for improvement 1", "Head of Children's Services"), ("Area for improvement 1", "Principal Social Worker"),
                      ("Area for improvement 2", "Service Manager")]


def test_a_tables_banner_naming_a_numbered_item_printed_in_a_list_above_makes_the_table_answer_it(tmp_path):
    d = docx.Document()
    d.add_paragraph("Adult support and protection improvement plan: progress")
    d.add_heading("Priority areas for improvement identified by the joint inspection", 3)
    d.add_paragraph("1. Partners should ensure that all adults at risk of harm have a chronology and a risk assessment.")
    d.add_paragraph("2. Partners should improve the quality and consistency of inquiries and investigations.")
    for n in (1, 2):
        t = _table(d, [[f"Priority area for improvement {n}: Partners should ..."] * 3,
                       ["Improvement action", "Responsible officer(s)", "Timescale"],
                       [f"Introduce a new template {n}", f"Service Manager {n}", "March 2027"]])
        t.rows[0].cells[0].merge(t.rows[0].cells[2]).text = f"Priority area for improvement {n}: Partners should ..."
        for c in t.rows[0].cells[:1] + t.rows[1].cells:
            for r in c.paragraphs[0].runs:
                r.bold = True
    out = _extracted(d, tmp_path, "asp.docx")
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["1", "2"]
    owners = sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"] if o["parent_id"] in recs and "table:" in o["locator"])
    assert owners == [("1", "Service Manager 1"), ("2", "Service Manager 2")]


def test_a_bilingual_label_reads_as_its_english_half():
    from extractors.vocabulary import english_label
    assert english_label("Argymhelliad 1 / Recommendation 1") == "Recommendation 1"
    assert english_label("Ymateb y Cyngor / Council response: Derbyniwyd / Accepted.") == \
        "Council response: Derbyniwyd / Accepted."
    # two posts parted by a slash are not a bilingual label
    assert english_label("Head of Finance / Section 151 Officer") == "Head of Finance / Section 151 Officer"


def test_a_date_labelling_a_milestone_line_is_when_it_is_due_unless_the_line_reports_the_past():
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    got = find_due_dates_in_sentence("Autumn 2013: final version prepared for sign-off", date(2013, 6, 5))
    assert [(t.raw, t.due_date) for t in got] == [("Autumn 2013", date(2013, 11, 30))]
    assert find_due_dates_in_sentence("June 2013: the panel met for the first time", date(2013, 6, 5)) == []
