"""Forms read in session 29: one vocabulary for the labels a plan prints
before an owner, a deadline, a rating or progress ("Lead agency:", "Action
owner:", "Revised target date:", "Timeframe:", "Current position:"), set
along one PDF line or on lines of their own; a recommendation numbered with a
bracketed priority ("Recommendation 2 (Medium priority)") over its words;
the subject of a passive ("Guidance should be refreshed") is not whom a
recommendation asks; a key of initials after a "Leads:" label is no owner."""
import docx
import pytest

from extractors.entities.narrative import label_parts
from extractors.entities.owners import addressees
from extractors.model import Block, Document
from extractors.vocabulary import label_kind
from tests.render import render_pdf
from tests.word_papers import extracted as _extracted
from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata


def _parent_ref(out: dict, row: dict) -> str:
    for r in out["recommendations"]:
        if r["rec_id"] == row["parent_id"]:
            return "R:" + (r["ref"] or r["text"][:20])
    for a in out["actions"]:
        if a["action_id"] == row["parent_id"]:
            return "A:" + a["text"][:20]
    return "?"


@pytest.mark.parametrize("label,kind", [
    ("Lead agency", "owner"), ("Lead officer", "owner"), ("Action owner", "owner"), ("Accountable officer", "owner"),
    ("Responsible officer(s)", "owner"), ("Executive lead", "owner"), ("Suggested lead", "owner"), ("Who", "owner"),
    ("Revised target date", "due"), ("Original target date", "due"), ("Timeframe", "due"), ("When", "due"),
    ("Completion date", "due"), ("By", "due"), ("Target", "due"),
    ("RAG rating", "rag"), ("Status", "status"), ("Current position", "progress"), ("Latest update", "progress"),
    ("Date", None), ("Background", None)])
def test_one_vocabulary_says_what_a_label_introduces(label, kind):
    assert label_kind(label) == kind


def test_labels_along_one_line_are_parted_before_each_capitalised_label():
    line = ("Lead agency: Tarnside NHS Foundation Trust Lead officer: Named Nurse for Adult Safeguarding "
            "Target date: 30 June 2026 Update: Training delivered to 140 staff.")
    assert [(m.group("label"), m.group("value")) for m in label_parts(line)] == [
        ("Lead agency", "Tarnside NHS Foundation Trust"), ("Lead officer", "Named Nurse for Adult Safeguarding"),
        ("Target date", "30 June 2026"), ("Update", "Training delivered to 140 staff.")]


def _sar_progress() -> Document:
    blocks = [Block(kind="heading", text="Safeguarding Adults Review: action plan progress", level=1, page=1)]
    for n, (rec, agency, lead, due) in enumerate([
            ("The Board should seek assurance that agencies apply the Mental Capacity Act when a person declines care.",
             "Tarnside NHS Foundation Trust", "Named Nurse for Adult Safeguarding", "30 June 2026"),
            ("Partners should develop a multi-agency self-neglect protocol.",
             "Ashgrove Council Adult Social Care", "Principal Social Worker (Dawn Ellis)", "September 2026")], start=1):
        blocks += [Block(kind="paragraph", text=f"Recommendation {n}: {rec}", page=1),
                   Block(kind="paragraph", text=f"Lead agency: {agency}", page=1),
                   Block(kind="paragraph", text=f"Lead officer: {lead}", page=1),
                   Block(kind="paragraph", text=f"Target date: {due}", page=1),
                   Block(kind="paragraph", text="Status: Amber", page=1)]
    return Document(doc_id="sar", path="sar.txt", file_name="sar.txt", format="txt", blocks=blocks)


def test_an_items_lead_agency_and_lead_officer_lines_are_its_owners_in_pdf(tmp_path):
    path = render_pdf(_sar_progress(), tmp_path / "sar.pdf")
    doc = load_document(path)
    out = extract_all(doc, extract_metadata(doc))
    assert not out["actions"]   # ("Lead agency: ..." is no step)
    owners = {(_parent_ref(out, o), o["role"], o["person"]) for o in out["owners"]}
    assert {("R:Recommendation 1", "Tarnside NHS Foundation Trust", None),
            ("R:Recommendation 1", "Named Nurse for Adult Safeguarding", None),
            ("R:Recommendation 2", "Ashgrove Council Adult Social Care", None),
            ("R:Recommendation 2", "Principal Social Worker", "Dawn Ellis")} <= owners
    assert sorted((_parent_ref(out, t), t["raw"]) for t in out["timescales"]) == [
        ("R:Recommendation 1", "30 June 2026"), ("R:Recommendation 2", "September 2026")]


def test_an_audit_recommendation_under_its_bracketed_priority_with_relabelled_lines(tmp_path):
    d = docx.Document()
    d.add_heading("Internal audit follow-up: progress on agreed actions", level=1)
    for n, prio, rec, act, who_label, who, due_label, due in [
            (1, "High priority", "The Council should ensure that all purchase card transactions are reviewed by a line manager.",
             "Monthly review reports will be issued to budget holders.", "Responsible officer", "Finance Manager (Payments)",
             "Revised target date", "30 September 2026"),
            (2, "Medium priority", "Card limits should be reviewed each year against actual spend.",
             "The card administrator will review all limits each April.", "Action owner", "Card Administrator",
             "Timeframe", "April 2027")]:
        d.add_heading(f"Recommendation {n} ({prio})", level=2)
        d.add_paragraph(rec)
        d.add_paragraph(f"Agreed action: {act}")
        d.add_paragraph(f"{who_label}: {who}")
        d.add_paragraph(f"{due_label}: {due}")
        d.add_paragraph("Current position: Reports are issued; two services have yet to confirm reviews.")
    out = _extracted(d, tmp_path)
    assert sorted(r["ref"] for r in out["recommendations"]) == ["Recommendation 1", "Recommendation 2"]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.get(a["rec_id"]) for a in out["actions"]) == ["Recommendation 1", "Recommendation 2"]
    roles = {o["role"] for o in out["owners"]}
    assert {"Finance Manager (Payments)", "Card Administrator"} <= roles
    assert "Card limits" not in roles   # the subject of "should be reviewed" is not asked to act
    assert {"30 September 2026", "April 2027"} <= {t["raw"] for t in out["timescales"]}


@pytest.mark.parametrize("text,who", [
    ("Guidance should be refreshed and placed on the intranet.", []),
    ("Card limits must be reviewed annually.", []),
    ("The Council should ensure that all cards are reviewed.", ["The Council"]),
    ("The Director should be responsible for the plan.", ["The Director"]),
])
def test_the_subject_of_a_passive_is_not_whom_a_recommendation_asks(text, who):
    assert addressees(text) == who


def test_a_key_of_initials_after_a_leads_label_is_no_owner(tmp_path):
    d = docx.Document()
    d.add_heading("Action plan progress", level=1)
    d.add_paragraph("The service has introduced a new triage process for all contacts received at the front door.")
    d.add_paragraph("Leads: RH – Rebecca Hallam, Deputy Chief Fire Officer; JK – Jonathan Kerr, Area Manager (Protection)")
    out = _extracted(d, tmp_path)
    assert not any("Jonathan Kerr" in (o["raw"] or "") for o in out["owners"])


def test_bullets_under_steps_taken_under_way_and_planned_headings_are_the_items_steps(tmp_path):
    d = docx.Document()
    d.add_heading("SAR action plan: progress report", level=1)
    d.add_paragraph("Recommendation 1: The Board should refresh its self-neglect guidance.")
    d.add_paragraph("Lead officer: Head of Adult Safeguarding")
    for head, bullet in [("Steps taken", "A task and finish group with members from 8 agencies was set up in September 2026."),
                         ("Under way", "The Council is recruiting a MARM coordinator on a fixed-term contract."),
                         ("Planned", "Launch the revised guidance at a multi-agency briefing in February 2027.")]:
        p = d.add_paragraph()
        p.add_run(head).bold = True
        d.add_paragraph(bullet, style="List Bullet")
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted((recs.get(a["rec_id"]), a["text"][:20]) for a in out["actions"]) == [
        ("Recommendation 1", "A task and finish gr"), ("Recommendation 1", "Launch the revised g"),
        ("Recommendation 1", "The Council is recru")]


def test_a_box_holding_an_items_bare_label_over_its_words_opens_the_item(tmp_path):
    d = docx.Document()
    d.add_heading("Corporate peer challenge: progress", level=1)
    box = d.add_table(rows=1, cols=1)
    box.cell(0, 0).text = ("Peer team recommendation 1\nDevelop and communicate a clear, long-term vision for the place "
                           "that is shared with partners and residents.")
    d.add_paragraph("Overall assessment: GREEN")
    d.add_paragraph("An interactive performance dashboard will be made available to all councillors "
                    "(Head of Digital, Priya Lal; due end of February 2027).", style="List Bullet")
    out = _extracted(d, tmp_path)
    [rec] = [r for r in out["recommendations"] if r["ref"] == "Peer team recommendation 1"]
    assert rec["text"].startswith("Develop and communicate") and rec["rag"] == "green"
    [act] = out["actions"]
    assert act["text"] == "An interactive performance dashboard will be made available to all councillors"
    assert [(o["role"], o["person"]) for o in out["owners"] if o["parent_id"] == act["action_id"]] == [("Head of Digital", "Priya Lal")]
    assert [t["due_date"] for t in out["timescales"] if t["parent_id"] == act["action_id"]] == [__import__("datetime").date(2027, 2, 28)]


def _tracker(tmp_path, first_cell: str):
    d = docx.Document()
    d.add_heading("Internal audit: outstanding recommendations", level=1)
    t = d.add_table(rows=3, cols=4)
    for j, h in enumerate(["Ref", "Recommendation", "Agreed action", "Officer"]):
        t.cell(0, j).text = h
    for i, (ref, rec, act) in enumerate([("CP/1", "Cash should be collected weekly.", first_cell),
                                         ("CP/2", "PCN income should be reconciled monthly.", "Monthly PCN income reconciliation.")], 1):
        t.cell(i, 0).text, t.cell(i, 1).text, t.cell(i, 2).text, t.cell(i, 3).text = ref, rec, act, "Parking Manager"
    return _extracted(d, tmp_path)


def test_an_agreed_action_column_answers_only_where_it_takes_a_position(tmp_path):
    # a tracker whose cells state the steps takes no position on the recommendations
    assert _tracker(tmp_path, "Agree a weekly collection schedule with the contractor.")["responses"] == []
    # an audit report's column that opens a cell with its position answers them
    got = _tracker(tmp_path, "Agreed. A weekly collection schedule will be agreed with the contractor.")["responses"]
    assert [(r["rec_ref"], r["status"]) for r in got][:1] == [("CP/1", "accepted")]


def test_a_response_paper_answers_without_labels_and_lists_the_steps(tmp_path):
    d = docx.Document()
    d.add_paragraph("Report to the Executive")
    d.add_paragraph("Title: Response to the Scrutiny Committee's inquiry into crisis care")
    d.add_heading("Recommendation 8", level=2).runs[0].text = "Recommendation 8 Handover at the place of safety (Police and the Trust)"
    d.add_paragraph("“Thursdale Police and the Trust should agree a handover standard at the place of safety.”")
    d.add_paragraph("Thursdale Police accepts this recommendation in part. It will monitor handover times every month.")
    d.add_paragraph("Adopt an interim two-hour handover standard at Oakwood House.", style="List Bullet")
    d.add_paragraph("Report handover times each month to the Oversight Group.", style="List Bullet")
    d.add_heading("Recommendation 9", level=2).runs[0].text = "Recommendation 9 Control room practitioner (the ICB)"
    d.add_paragraph("“The ICB should fund a mental health practitioner in the police control room.”")
    d.add_paragraph("The ICB has not yet reached a view. A decision is expected in March 2027.")
    out = _extracted(d, tmp_path)
    assert [r["text"][:40] for r in out["recommendations"] if r["ref"] and r["ref"].endswith("8")] == [
        "Handover at the place of safety (Police "]
    assert {(r["rec_ref"], r["status"]) for r in out["responses"]} >= {("8", "partially_accepted"), ("9", "under_consideration")}
    assert {a["text"][:20] for a in out["actions"]} >= {"Adopt an interim two", "Report handover time"}


def test_a_tables_recommendation_asking_for_something_monthly_has_that_recurrence(tmp_path):
    d = docx.Document()
    d.add_heading("Audit recommendations: follow-up", level=1)
    t = d.add_table(rows=2, cols=4)
    for j, h in enumerate(["Ref", "Recommendation", "Officer", "Target date"]):
        t.cell(0, j).text = h
    for j, v in enumerate(["CTR/1", "Reconcile the reduction awards to the benefits system every month.", "Benefits Team Leader",
                           "31/01/2027"]):
        t.cell(1, j).text = v
    out = _extracted(d, tmp_path)
    assert sorted((t["recurrence"], str(t["due_date"])) for t in out["timescales"]) == [("monthly", "None"), ("once", "2027-01-31")]


def test_a_stated_position_over_the_items_table_leaves_the_table_the_items(tmp_path):
    # "Council's position: Accepted." and a sentence on it, then the table of its actions: the rows answer the item
    d = docx.Document()
    d.add_paragraph("Title: Response to the planning advisory service review")
    d.add_heading("Recommendation 2 Backlog of applications", level=2)
    box = d.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "Prioritise clearing the backlog of undetermined applications within the next year."
    d.add_paragraph("Council’s position: Accepted. At 31 January 2027 there were 388 undetermined applications.")
    d.add_paragraph("The Council aims to bring the backlog below 200 applications by 30 September 2027.")
    t = d.add_table(rows=2, cols=3)
    for j, h in enumerate(["Action", "Officer responsible", "Target date"]):
        t.cell(0, j).text = h
    for j, v in enumerate(["Engage an external planning consultancy for six months.", "Development Manager", "30 April 2027"]):
        t.cell(1, j).text = v
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert [recs.get(o["parent_id"]) for o in out["owners"] if o["role"] == "Development Manager"] == ["Recommendation 2"]


def test_the_bullets_under_the_board_colon_are_its_decisions_and_an_ask_to_decide_is_no_action(tmp_path):
    d = docx.Document()
    d.add_heading("Tarnside Integrated Care Partnership Board", level=1)
    d.add_paragraph("Minutes of the meeting held on 14 October 2026")
    d.add_heading("ICPB/26/45 Better Care Fund", level=2)
    d.add_paragraph("Members were asked to approve the quarter 1 return. RESOLVED that the return be approved.")
    d.add_heading("ICPB/26/46 Any other business", level=2)
    d.add_paragraph("The Board:")
    for item in ["NOTED the update on the primary care estates strategy;", "APPROVED the revised terms of reference; and",
                 "AGREED to hold a development session in December."]:
        d.add_paragraph(item, style="List Bullet")
    out = _extracted(d, tmp_path, "minutes.docx")
    texts = [r["text"] for r in out["recommendations"]]
    assert {"NOTED the update on the primary care estates strategy", "APPROVED the revised terms of reference",
            "AGREED to hold a development session in December."} <= set(texts)
    assert not any("AGREED to hold" in t and "APPROVED" in t for t in texts)   # (not joined to the item before)
    assert not any(a["text"].startswith("Members were asked") for a in out["actions"])


def test_a_long_recommendation_broken_off_before_its_lettered_parts_is_their_lead_in(tmp_path):
    blocks = [Block(kind="heading", text="6 The Panel's recommendations", level=1, page=1),
              Block(kind="heading", text="6.3 To the Council and the Trust", level=2, page=1),
              Block(kind="paragraph", text="We ask both bodies to act together on discharge.", page=1),
              Block(kind="heading", text="Recommendation 5", level=3, page=1),
              Block(kind="paragraph", page=1, text="The Council and the Trust should agree a joint discharge protocol for "
                    "people who are clinically ready for discharge from mental health beds, which:"),
              Block(kind="list_item", numbering="(a)", page=1,
                    text="sets a shared standard that no one stays in hospital more than seven days after being ready; and"),
              Block(kind="list_item", numbering="(b)", page=1,
                    text="places a housing options officer at Oakwood House at least three days a week."),
              Block(kind="paragraph", page=1, text="Suggested timescale: (a) March 2027; (b) April 2027")]
    path = render_pdf(Document(doc_id="r", path="r.txt", file_name="r.txt", format="txt", blocks=blocks), tmp_path / "r.pdf")
    doc = load_document(path)
    out = extract_all(doc, extract_metadata(doc))
    got = {r["ref"]: r["text"][:12] for r in out["recommendations"]}
    assert got == {"Recommendation 5a": "sets a share", "Recommendation 5b": "places a hou"}
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted((recs[t["parent_id"]], t["raw"]) for t in out["timescales"]) == [
        ("Recommendation 5a", "March 2027"), ("Recommendation 5b", "April 2027")]


def test_a_paper_headed_proposed_next_steps_that_yields_no_actions_says_so():
    from extractors.entities.coverage import ACT_CUE
    assert ACT_CUE.match("Proposed Next Steps")
    assert ACT_CUE.match("3. Next steps")
    assert not ACT_CUE.match("Steps taken so far by the Board")
