"""Forms read in session 22: a lead cell naming several holders ("Name,
post" each, run together as a PDF cell prints them), police ranks before a
holder's name, a plan item's steps under an "Actions" heading with "Lead:",
"By:" and "Status:" lines under each step, and dates a due cell gives as a
start or a completion rather than a deadline."""
import docx

from extractors.entities.owners import split_owners
from extractors.entities.passes import extract_all
from extractors.entities.timescales.cells import parse_timescales
from extractors.loaders import load_document
from extractors.metadata import extract_metadata
from pipeline.quality.matching import same_person


def _rows_of(d, tmp_path, name="paper.docx"):
    """The entity rows of a Word document built in the test."""
    path = tmp_path / name
    d.save(path)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def test_several_holders_in_one_lead_cell_are_several_owners():
    got = [o[:2] for o in split_owners(
        "Andrew Kilbride, Strategic Director, Children and Families ACC Diane Heseltine, Fellgate Police "
        "Claire Whitworth, Chief Nurse, NHS Fellgate ICB")]
    assert got == [("Strategic Director, Children and Families", "Andrew Kilbride"),
                   ("Fellgate Police", "Diane Heseltine"),
                   ("Chief Nurse, NHS Fellgate ICB", "Claire Whitworth")]
    # a holder's post is not split into two posts
    assert [o[:2] for o in split_owners("Karen Holroyd, Head of Education Safeguarding")] == [
        ("Head of Education Safeguarding", "Karen Holroyd")]
    # one holder with one post stays one owner; people listed by comma are several
    assert [o[:2] for o in split_owners("Jane Smith, Head of Housing")] == [("Head of Housing", "Jane Smith")]
    assert [o[:2] for o in split_owners("Jane Smith, Tom Reid")] == [(None, "Jane Smith"), (None, "Tom Reid")]


def test_a_rank_is_a_title_not_part_of_the_name():
    assert [o[:2] for o in split_owners("Supt Helen Varley, Head of Custody")] == [("Head of Custody", "Helen Varley")]
    assert [o[:2] for o in split_owners("DCI Lorna Quayle")] == [("DCI", "Lorna Quayle")]
    # a post that starts like a rank keeps its words ("GM Protection" is the post)
    assert [o[:2] for o in split_owners("GM Protection – Craig Fennell")] == [("GM Protection", "Craig Fennell")]
    assert same_person("Lorna Quayle", "DCI Lorna Quayle")
    assert not same_person("Lorna Quayle", "DCI Lorna Quinn")


def test_start_and_completion_dates_in_a_due_cell_are_not_deadlines():
    assert [(t.raw, t.recurrence, t.due_date) for t in parse_timescales("Fortnightly (from July 2026)")] == [
        ("Fortnightly (from July 2026)", "fortnightly", None)]
    assert parse_timescales("Complete (June 2026)") == []
    assert [str(t.due_date) for t in parse_timescales("By end of March 2027")] == ["2027-03-31"]


def test_steps_under_an_actions_heading_take_the_lead_and_date_lines_under_them(tmp_path):
    d = docx.Document()
    d.add_paragraph("Brackley Metropolitan Borough Council")
    d.add_paragraph("Improvement plan progress update to the Children's Scrutiny Committee, 14 October 2026")
    d.add_heading("Recommendation 1: The timeliness of assessments for children in need.", level=2)
    d.add_paragraph().add_run("Actions").bold = True
    steps = [("Run a performance clinic for every assessment open for more than 35 working days.",
              "Service Manager, Assessment – Gareth Lowe", "Fortnightly", "Green – clinics have run since July."),
             ("Audit 40 child in need plans against the new plan standard.",
              "Principal Social Worker (Hannah Osei)", "end of Q3 2026/27", "Amber – 26 plans audited so far.")]
    for step, lead, by, status in steps:
        d.add_paragraph(step, style="List Number")
        d.add_paragraph(f"Lead: {lead}")
        d.add_paragraph(f"By: {by}")
        d.add_paragraph(f"Status: {status}")
    rows = _rows_of(d, tmp_path, "plan.docx")
    acts = {a["action_id"]: a for a in rows["actions"]}
    assert [a["text"] for a in acts.values()] == [s[0] for s in steps]
    assert [a["rag"] for a in acts.values()] == ["green", "amber"]
    owners = {(acts[o["parent_id"]]["text"][:5], o["role"], o["person"]) for o in rows["owners"]
              if o["parent_id"] in acts}
    assert owners == {("Run a", "Service Manager, Assessment", "Gareth Lowe"),
                      ("Audit", "Principal Social Worker", "Hannah Osei")}
    due = {(acts[t["parent_id"]]["text"][:5], t["recurrence"], str(t["due_date"])) for t in rows["timescales"]
           if t["parent_id"] in acts}
    assert due == {("Run a", "fortnightly", "None"), ("Audit", "once", "2026-12-31")}


def test_a_risk_box_of_further_actions_gives_one_action_a_bullet(tmp_path):
    d = docx.Document()
    d.add_paragraph("Dunmoor Fire and Rescue Authority")
    d.add_paragraph("Corporate risk register, Quarter 2 2026/27, to the Audit and Scrutiny Committee on 24 September 2026")
    t = d.add_table(rows=3, cols=2)
    t.style = "Table Grid"
    cells = [("Risk", "CRR01 Insufficient on-call firefighter availability"),
             ("Existing controls", "• Daily availability monitoring by Fire Control\n• Primary employer engagement scheme"),
             ("Further actions", "• Complete the review of the on-call duty system (Group Manager D. Ferreira, 31/03/2027)\n"
                                 "• Audit compliance with the clean cab policy at all stations (Head of Health, Safety and Wellbeing, Ongoing)")]
    for i, (a, b) in enumerate(cells):
        t.cell(i, 0).text, t.cell(i, 1).text = a, b
    rows = _rows_of(d, tmp_path, "crr.docx")
    assert [a["text"] for a in rows["actions"]] == ["Complete the review of the on-call duty system",
                                                    "Audit compliance with the clean cab policy at all stations"]
    assert {(o["role"], o["person"]) for o in rows["owners"]} == {
        ("Group Manager", "D. Ferreira"), ("Head of Health, Safety and Wellbeing", None)}
    assert sorted((t["recurrence"], str(t["due_date"])) for t in rows["timescales"]) == [
        ("once", "2027-03-31"), ("ongoing", "None")]


def test_a_start_column_is_not_a_due_date():
    from extractors.entities.columns import classify_columns
    roles = classify_columns(["No.", "Action", "Timescale Start", "Timescale Target", "Start date", "RAG"])
    assert roles["timescale"] == [3]


def test_a_bare_step_number_over_labelled_lines_is_not_split(tmp_path):
    from extractors.numbering import split_numbering
    assert split_numbering("Action 1.1") == (None, "Action 1.1")
    assert split_numbering("Action 1.1 Recruit staff") == ("Action 1.1", "Recruit staff")
    assert split_numbering("Action 4. Recruit staff") == ("Action 4", "Recruit staff")


def test_labelled_steps_under_a_priority_heading(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tavistow County Council")
    d.add_paragraph("SEND Priority Action Plan – progress report to the Scrutiny Committee, 20 October 2026")
    d.add_paragraph("Priority action 1: Leaders across the partnership should improve the timeliness of EHC needs "
                    "assessments and plans.")
    d.add_paragraph().add_run("Overall RAG rating for this priority: Amber").bold = True
    for ref, step, who, when, rag in [
            ("Action 1.1", "Recruit additional EHC coordinators to clear the backlog of needs assessments.",
             "Head of SEND Services – Marianne Okafor", "31 December 2026", "Amber"),
            ("Action 1.2", "Bring all overdue annual reviews of EHC plans up to date.",
             "SEND Annual Review Team Manager", "End of Q4 2026/27", "Red")]:
        d.add_paragraph().add_run(ref).bold = True
        d.add_paragraph(f"What we will do: {step}")
        d.add_paragraph(f"Responsible officer: {who}")
        d.add_paragraph(f"Target date: {when}")
        d.add_paragraph(f"RAG rating: {rag}")
    rows = _rows_of(d, tmp_path, "pap.docx")
    recs = [r for r in rows["recommendations"] if r["kind"] == "improvement"]
    assert [(r["ref"], r["rag"]) for r in recs] == [("Priority action 1", "amber")]
    acts = rows["actions"]
    assert [(a["ref"], a["text"][:20], a["rag"], a["rec_id"]) for a in acts] == [
        ("Action 1.1", "Recruit additional E", "amber", recs[0]["rec_id"]),
        ("Action 1.2", "Bring all overdue an", "red", recs[0]["rec_id"])]
    ids = {a["action_id"]: a["ref"] for a in acts}
    assert {(ids[o["parent_id"]], o["role"], o["person"]) for o in rows["owners"] if o["parent_id"] in ids} == {
        ("Action 1.1", "Head of SEND Services", "Marianne Okafor"), ("Action 1.2", "SEND Annual Review Team Manager", None)}
    assert {(ids[t["parent_id"]], str(t["due_date"])) for t in rows["timescales"] if t["parent_id"] in ids} == {
        ("Action 1.1", "2026-12-31"), ("Action 1.2", "2027-03-31")}


def test_a_log_dates_next_meeting_and_yearless_deadlines_from_the_meeting_that_raised_the_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("Harrowby Safeguarding Adults Board")
    d.add_paragraph("Action Log")
    d.add_paragraph("Board meeting: Thursday 12 March 2026")
    d.add_paragraph("Board meetings 2026: 12 March, 11 June, 10 September, 10 December")
    rows = [["No.", "Meeting", "Action", "Lead", "Due", "Status"],
            ["25/13", "11.09.25", "Provide a breakdown of referrals by type of abuse.", "Head of Safeguarding", "Next meeting", "Open"],
            ["25/17", "11.09.25", "Circulate the draft strategy to partners for comment.", "Business Manager", "w/c 22 Sept", "Closed"],
            ["25/21", "11.12.25", "Book the annual conference venue.", "Business Manager", "End of Q1", "Open"],
            ["25/22", "11.12.25", "Report the audit findings to the Board.", "Head of Safeguarding", "June 2026 meeting", "Open"]]
    t = d.add_table(rows=len(rows), cols=6)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    out = _rows_of(d, tmp_path, "log.docx")
    acts = {a["action_id"]: a["text"][:10] for a in out["actions"]}
    due = {acts[t["parent_id"]]: str(t["due_date"]) for t in out["timescales"] if t["parent_id"] in acts}
    assert due == {"Provide a ": "2025-12-11",   # the next meeting the log names after 11 September 2025
                   "Circulate ": "2025-09-22",   # the first 22 September after the row was raised
                   "Book the a": "2026-06-30",   # the first quarter end 'Q1' after 11 December 2025
                   "Report the": "2026-06-11"}   # the June meeting in the printed schedule


def test_a_resolution_list_ends_where_the_minute_numbering_resumes(tmp_path):
    from extractors.entities.narrative import decision_recommendations
    from extractors.model import Block, Document
    blocks = [Block(kind="paragraph", text="RESOLVED – That the Board:", numbering="4.5", page=1),
              Block(kind="list_item", text="accepts the findings of the review;", numbering="(a)", page=1),
              Block(kind="list_item", text="approves the report for publication.", numbering="(b)", page=1),
              Block(kind="paragraph", text="ACTION: RT to prepare an action plan by 29 May 2026.", numbering="4.6", page=1)]
    recs = decision_recommendations(Document(doc_id="x", path="x.pdf", file_name="x.pdf", format="pdf",
                                             blocks=blocks, pages=1), "Board")
    assert [r.ref for r in recs] == ["(a)", "(b)"]


def test_a_post_with_its_holder_initialled_in_brackets():
    assert [o[:2] for o in split_owners("Director of Place (J. Morley)")] == [("Director of Place", "J. Morley")]
    assert same_person("Jenna Trewin", "J. Trewin")
    assert not same_person("Jenna Trewin", "K. Trewin")


def test_a_clerks_instruction_minuted_without_was():
    from extractors.entities.minutes import undertaking
    assert undertaking("Clerk asked to contact MCC re the refuse bin in the car park.")[1] == "Clerk"
    assert undertaking("As TCC have already given £100 this year the Clerk was asked to inform them.")[1] == "the Clerk"
    assert undertaking("The Clerk asked to be excused.") is None


def test_a_small_councils_consent_is_its_decision():
    from extractors.entities.minutes import decision_sentences
    assert decision_sentences("2737. Diversion Order from MCC for Footpath 64/119: Cllrs were happy with this.") == [
        "Diversion Order from MCC for Footpath 64/119: Cllrs were happy with this."]
    assert decision_sentences("The report was discussed. All Cllrs were happy for Cllr Evans to proceed with this.") == [
        "All Cllrs were happy for Cllr Evans to proceed with this."]
    assert decision_sentences("Cllr Evans said he was happy with the new layout.") == []


def _meta_of(tmp_path, lines):
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    path = tmp_path / "cover.docx"
    d.save(path)
    return extract_metadata(load_document(path))


def test_cover_lines_name_the_committee_and_the_letterhead_the_council(tmp_path):
    meta = _meta_of(tmp_path, ["Elmfield County Council", "Report to Cabinet",
                               "SEND Sufficiency Strategy 2027-2030", "1 Purpose", "1.1 This report asks Cabinet to agree ...",
                               "Eastmere District Council and Westmere District Council were consulted. Eastmere District Council agreed."])
    assert meta["committee"] == "Cabinet"
    assert meta["title"] == "SEND Sufficiency Strategy 2027-2030"
    assert meta["council"] == "Elmfield County Council"
    meta = _meta_of(tmp_path, ["CASTLEFORD COUNCIL", "Cabinet Forward Action Log",
                               "Cabinet meeting: Wednesday 11 November 2026 | Agenda item: 4"])
    assert (meta["committee"], str(meta["meeting_date"])) == ("Cabinet", "2026-11-11")
    assert meta["council"] == "Castleford Council"


def test_two_columns_are_read_one_after_the_other(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    left = ["NHS England will work with governments and civil", "society organisations internationally to create an",
            "online space to share experiences of embedding", "high quality standards into information, with a",
            "view to building an accreditation system for the", "quality of information across the network."]
    right = ["The UK government will issue a revised Local", "Authorities Data Transparency Code requiring local",
             "authorities to publish key information and data.", "This will place more power into the hands of",
             "citizens and make it easier for them to hold their", "local council to account for its spending."]
    path = tmp_path / "cols.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(50, 780, "Open Government National Action Plan – commitments set out in full across the page width")
    for k, (a, b) in enumerate(zip(left, right)):
        c.drawString(50, 740 - 14 * k, a)
        c.drawString(310, 740 - 14 * k, b)
    c.save()
    texts = [b.text for b in load_document(path).blocks if b.kind != "table"]
    assert any(t.startswith("NHS England will work") and t.endswith("across the network.") for t in texts)
    assert any(t.startswith("The UK government will issue") and t.endswith("for its spending.") for t in texts)


def test_owner_and_date_lines_pair_with_numbered_steps(tmp_path):
    d = docx.Document()
    d.add_paragraph("Thornwick District Council")
    d.add_paragraph("Strategic Risk Register – Quarter 2 2026/27")
    t = d.add_table(rows=0, cols=2)
    for a, b in [("Risk", "SR1 Failure to deliver a balanced budget"), ("Risk owner", "Director of Resources"),
                 ("Mitigating actions", "1. Deliver the savings programme of £2.1m\n2. Review fees and charges"),
                 ("Action owner", "Director of Resources\nHead of Finance"), ("Target date", "March 2027\nDecember 2026")]:
        r = t.add_row()
        r.cells[0].text, r.cells[1].text = a, b
    rows = _rows_of(d, tmp_path, "sr.docx")
    acts = {a["action_id"]: a["text"][:6] for a in rows["actions"]}
    assert sorted((acts[o["parent_id"]], o["role"]) for o in rows["owners"] if o["parent_id"] in acts) == [
        ("Delive", "Director of Resources"), ("Review", "Head of Finance")]
    assert sorted((acts[t["parent_id"]], str(t["due_date"])) for t in rows["timescales"] if t["parent_id"] in acts) == [
        ("Delive", "2027-03-31"), ("Review", "2026-12-31")]
    from extractors.entities.columns import classify_columns
    assert classify_columns(["Risk", "Rating", "Treatment", "Treatment owner", "Completion"])["action"] == [2]


def test_a_register_column_of_steps_with_who_and_when_in_brackets():
    from extractors.entities.columns import classify_columns
    roles = classify_columns(["Ref", "Risk", "Risk owner", "Current score", "Mitigating actions (owner, target date)", "Trend"])
    assert roles["action"] == [4] and roles["owner_lead"] == [2]
    # a minutes table's "Action (owner, date)" column stays the who-and-when column it was
    assert classify_columns(["Item", "Discussion", "Action (owner, date)"]).get("action") != [2]


def test_column_names_printed_as_a_plain_first_row():
    from extractors.entities.headerless import plain_header
    from extractors.model import Cell, Table
    rows = [["Ref", "Risk", "Risk owner", "Mitigating actions (owner, target date)"],
            ["CR1", "Budget gap", "Director of Resources", "Deliver the savings programme (Head of Finance, March 2027)"]]
    t = plain_header(Table(rows=[[Cell(c) for c in r] for r in rows]))
    assert t is not None and t.header_rows == 1
    rows = [["Revision", "Date", "Author"], ["1.0", "12 May 2026", "J Smith"]]
    assert plain_header(Table(rows=[[Cell(c) for c in r] for r in rows])) is None


def test_an_unruled_register_keeps_each_step_row_under_its_risk(tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas
    path = tmp_path / "reg.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    xs = [40, 90, 300, 420, 620, 740]
    for x, h in zip(xs, ["Ref", "Risk", "Risk owner", "Mitigating actions", "Action owner", "Target date"]):
        c.drawString(x, 540, h)
    c.setFont("Helvetica", 9)
    rows = [["CR1", "Budget gap over the medium term", "Director of Resources", "Deliver the savings programme",
             "Head of Finance", "March 2027"],
            ["", "", "", "Refresh the reserves strategy", "Director of Resources", "January 2027"],
            ["CR2", "Cyber attack on council systems", "Head of ICT", "Complete the penetration test",
             "ICT Security Manager", "30/11/2026"],
            ["", "", "", "Train all staff in cyber awareness", "HR Manager", "March 2027"]]
    for k, row in enumerate(rows):
        for x, t in zip(xs, row):
            if t:
                c.drawString(x, 520 - 14 * k, t)
    c.save()
    tables = [t for _, t in load_document(path).tables()]
    assert len(tables) == 1
    body = [[c.text for c in r] for r in tables[0].rows[1:]]
    assert [r[3] for r in body] == ["Deliver the savings programme", "Refresh the reserves strategy",
                                    "Complete the penetration test", "Train all staff in cyber awareness"]
    assert [r[4] for r in body] == ["Head of Finance", "Director of Resources", "ICT Security Manager", "HR Manager"]


def test_a_government_or_national_body_that_will_act_owns_the_step():
    from extractors.entities.passes import said_owners
    assert said_owners("The UK government will continue to develop an inventory of its datasets.")[0][0] == "UK government"
    assert said_owners("The National Archives will deliver a digital records mechanism.")[0][0] == "National Archives"
