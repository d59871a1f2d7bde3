"""Forms read in session 31: two leads printed in one line, each post with
its holder in brackets and the second named with its body's possessive
("Head of Housing Options (Kerry Whitlam) with the Trust's Director of
Operations (Dr Louise Farrant)"); a note in brackets after a lead ("Leader of
the Council (to raise with the Department)"); a "Cabinet Member" column
beside the lead officer in a task group's appendix; a lettered part's number
printed before a short title ("7a. Independent audit of walking routes")."""
import docx

from extractors.entities.columns import column_role
from extractors.entities.owners import split_owners
from extractors.numbering import split_numbering
from tests.word_papers import extracted as _extracted


def test_two_leads_joined_by_with_and_a_possessive_body():
    got = [(r, p) for r, p, _ in split_owners("Head of Housing Options (Kerry Whitlam) with the Trust’s "
                                              "Director of Operations, Millbeck Care Group (Dr Louise Farrant)")]
    assert got == [("Head of Housing Options", "Kerry Whitlam"),
                   ("Director of Operations, Millbeck Care Group", "Dr Louise Farrant")]


def test_a_bracketed_note_after_the_lead_is_not_the_post():
    got = [(r, p) for r, p, _ in split_owners("Cllr Jonathan Stroud, Leader of the Council (to raise with the Department)")]
    assert got == [("Leader of the Council", "Cllr Jonathan Stroud")]
    # a body in brackets is still kept as printed
    assert split_owners("Head of Safeguarding (Wansdyke Hospitals)")[0][0].endswith("(Wansdyke Hospitals)")


def test_cabinet_member_column_is_an_owner_column():
    for h in ("Cabinet Member", "Lead Cabinet Member", "Responsible Cabinet Member", "Executive Member", "Portfolio Holders"):
        assert column_role(h) in ("owner_lead", "owner_responsible"), h
    assert column_role("Cabinet Member comments") != "owner_lead"


def test_lettered_part_number_before_a_title():
    assert split_numbering("7a. Independent audit of walking routes") == ("7a", "Independent audit of walking routes")
    assert split_numbering("6(b) Free damp and mould telephone line") == ("6(b)", "Free damp and mould telephone line")
    assert split_numbering("5a Park Road") == (None, "5a Park Road")          # an address, not a number
    assert split_numbering("12b. the rest") == (None, "12b. the rest")        # lower case after: not numbering


def test_appendix_rows_give_leads_to_the_parts_printed_in_the_body(tmp_path):
    d = docx.Document()
    d.add_heading("Recommendations", level=1)
    d.add_paragraph("Recommendation 7a: The Cabinet Member for Highways should commission an independent audit of walking routes.")
    d.add_paragraph("Recommendation 7b: Officers should send the outcome of each walking route assessment to families.")
    d.add_heading("Appendix A – Leads and suggested timescales", level=1)
    t = d.add_table(rows=3, cols=4)
    for j, h in enumerate(["Recommendation", "Cabinet Member", "Lead officer", "Suggested timescale"]):
        t.cell(0, j).text = h
    for i, (title, when) in enumerate([("7a. Independent audit of walking routes", "September 2027"),
                                       ("7b. Share route assessments with families", "Immediate")], 1):
        for j, x in enumerate([title, "Cllr Raj Mehta, Cabinet Member for Highways", "Head of Road Safety – Gareth Pryce", when]):
            t.cell(i, j).text = x
    out = _extracted(d, tmp_path)
    assert sorted(r["ref"] for r in out["recommendations"]) == ["Recommendation 7a", "Recommendation 7b"]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    people = {(recs[o["parent_id"]], o["person"]) for o in out["owners"] if o["person"]}
    assert people == {(f"Recommendation 7{x}", p) for x in "ab" for p in ("Cllr Raj Mehta", "Gareth Pryce")}


def test_steps_listed_after_the_answer_and_a_lead_under_the_list(tmp_path):
    """'Response: Accepted' / 'Actions:' / two bullets / 'Lead officer: ...': both bullets are the
    recommendation's actions (whatever verb opens them), and the lead under the list is the item's."""
    d = docx.Document()
    d.add_heading("Recommendation 1", level=2)
    d.add_paragraph("The landlord should train all repairs staff in damp and mould within six months.")
    d.add_paragraph("Response: Accepted")
    d.add_paragraph("Actions:")
    for a in ("Commission training for all repairs operatives", "Add damp and mould to the induction course"):
        d.add_paragraph(a, style="List Bullet")
    d.add_paragraph("Lead officer: Head of Property Services")
    d.add_paragraph("Target date: March 2027")
    out = _extracted(d, tmp_path)
    assert sorted(a["text"] for a in out["actions"]) == ["Add damp and mould to the induction course",
                                                         "Commission training for all repairs operatives"]
    assert [(o["role"], o["parent_type"]) for o in out["owners"]] == [("Head of Property Services", "recommendation")]
    assert {t["raw"]: t["parent_type"] for t in out["timescales"]}["March 2027"] == "recommendation"


def test_a_merged_answer_over_several_action_rows_is_one_response(tmp_path):
    d = docx.Document()
    hdr = ["No.", "Recommendation", "Response", "Action", "Lead officer", "Target date"]
    t = d.add_table(rows=3, cols=len(hdr))
    for c, h in zip(t.rows[0].cells, hdr):
        c.text = h
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "1", "The landlord should review its damp and mould policy.", "Accepted"
    for r, (a, lead) in enumerate([("Re-issue the policy", "Head of Property"), ("Consult tenants on it", "Engagement Manager")], 1):
        t.cell(r, 3).text, t.cell(r, 4).text, t.cell(r, 5).text = a, lead, "March 2027"
    for col in (0, 1, 2):
        t.cell(1, col).merge(t.cell(2, col))
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted")]
    assert len(out["actions"]) == 2


def test_a_resolution_without_the_vote_recorded_after_it_and_one_set_after_the_account(tmp_path):
    """Town council minutes: the vote as a bracketed sentence after the resolution's full stop
    is not part of what was resolved (its numbers are still read); a resolution set in capitals
    after the minute's account in the same paragraph is one decision, and the step after it
    is still an action."""
    from extractors.entities.narrative import resolution_text
    assert resolution_text("that rents be increased from £36 to £40. (Proposed by Cllr Patel, seconded by Cllr Rowntree; "
                           "carried 8 for, 2 against.) The Clerk to write to all tenants.") == "that rents be increased from £36 to £40."
    kept = "that the policies be adopted (proposed by Cllr Ashby, seconded by Cllr Bell; carried unanimously)."
    assert resolution_text(kept) == kept   # a vote inside the sentence is part of it
    d = docx.Document()
    d.add_paragraph("Minutes of the meeting of Tarnfield Town Council held on Monday 30 November 2026")
    d.add_paragraph("Present: Cllr Patel (Mayor), Cllr Rowntree, Cllr Finch")
    d.add_heading("TC/26/123 Allotments", level=3)
    d.add_paragraph("RESOLVED: that allotment rents be increased from £36 to £40 from 1 October 2027. (Proposed by Cllr Patel, "
                    "seconded by Cllr Rowntree; carried 8 for, 2 against.)")
    d.add_heading("TC/26/124 Community grants", level=3)
    d.add_paragraph("Thornwick Community Larder had asked for £750 towards a chest freezer. RESOLVED: that a grant of £600 be "
                    "awarded. The Clerk to write to the applicant by 31 January 2027.")
    out = _extracted(d, tmp_path)
    texts = sorted(r["text"] for r in out["recommendations"])
    assert texts == ["that a grant of £600 be awarded.", "that allotment rents be increased from £36 to £40 from 1 October 2027."]
    assert {m["value"] for m in out["metrics"]} >= {8.0, 2.0, 750.0, 600.0}
    assert [a["text"] for a in out["actions"]] == ["The Clerk to write to the applicant by 31 January 2027."]


_BANNERS = ["The Council should strengthen its arrangements for monitoring the delivery of savings plans.",
            "The Council should ensure that its risk register records mitigating actions with owners and dates."]
_STEPS = [[("Introduce a monthly savings tracker", "Director of Finance", "March 2027"),
           ("Report savings delivery to Cabinet quarterly", "Head of Finance", "June 2027")],
          [("Refresh the risk management framework", "Risk Manager", "April 2027"),
           ("Train risk owners on the new template", "Risk Manager", "May 2027")]]


def _owner_parents(out):
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    return sorted((recs.get(o["parent_id"]), o["role"]) for o in out["owners"] if o["parent_type"] == "recommendation"
                  and o["role"] != "The Council"), [o for o in out["owners"] if o["parent_type"] == "action"]


_WANT = [("1", "Director of Finance"), ("1", "Head of Finance"), ("2", "Risk Manager")]


def test_a_numbered_banner_row_over_each_tables_column_names_docx(tmp_path):
    """A Word table whose first row, merged across, prints the recommendation with a bare number
    ("1. The Council should ...") over the column names (the loader sets it as the table's caption)."""
    d = docx.Document()
    d.add_heading("External audit recommendations: progress update", level=1)
    for i, (banner, rows) in enumerate(zip(_BANNERS, _STEPS), 1):
        t = d.add_table(rows=0, cols=3)
        c = t.add_row().cells
        c[0].merge(c[2])
        t.rows[0].cells[0].text = f"{i}. {banner}"
        for j, h in enumerate(t.add_row().cells):
            h.text = ["Action", "Responsible officer", "Target date"][j]
        for row in rows:
            for cell, v in zip(t.add_row().cells, row):
                cell.text = v
        d.add_paragraph("")
    got, on_actions = _owner_parents(_extracted(d, tmp_path))
    assert got == _WANT and not on_actions


def _pdf_banners(path, atop: bool):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=8, leading=10)
    bold = ParagraphStyle("b", parent=cell, fontName="Helvetica-Bold")
    head = [Paragraph(x, bold) for x in ["Action", "Responsible officer", "Target date"]]
    story, widths = [Paragraph("External audit recommendations: progress update", bold)], [250, 150, 90]
    if atop:
        for i, (banner, rows) in enumerate(zip(_BANNERS, _STEPS), 1):
            data = [[Paragraph(f"{i}. {banner}", bold), "", ""], head] + [[Paragraph(x, cell) for x in r] for r in rows]
            t = Table(data, colWidths=widths)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 0), (-1, 0))]))
            story += [t, Spacer(1, 12)]
    else:
        data, spans = [head], []
        for i, (banner, rows) in enumerate(zip(_BANNERS, _STEPS), 1):
            data.append([Paragraph(f"{i}. {banner}", bold), "", ""])
            spans.append(len(data) - 1)
            data += [[Paragraph(x, cell) for x in r] for r in rows]
        t = Table(data, colWidths=widths)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)] + [("SPAN", (0, k), (-1, k)) for k in spans]))
        story.append(t)
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


def test_a_bold_numbered_banner_in_a_pdf_plan_table(tmp_path):
    """PDF: the banner row set in bold under the column names is the first item, not a second header
    row; a banner above each table's column names is that table's item."""
    from extractors.entities.passes import extract_all
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    for atop in (False, True):
        path = tmp_path / f"plan{atop}.pdf"
        _pdf_banners(path, atop)
        doc = load_document(path)
        got, on_actions = _owner_parents(extract_all(doc, extract_metadata(doc)))
        assert got == _WANT and not on_actions, atop


def test_a_regulators_finding_over_its_workstreams_action_table(tmp_path):
    """'Regulator's finding (F1): ...' and 'Workstream lead: ...' over the table of the actions answering
    it: the finding is the item the plan answers; the table's leads and dates are its."""
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Appendix 1 – Housing Improvement Plan: action tracker", level=1)
    for n, (finding, lead, rows) in enumerate([
            ("The Council could not show that it was meeting its statutory health and safety duties.",
             "Kwame Asante, Head of Building Safety", [("1.1", "Complete all overdue fire risk actions", "Compliance Manager", "31/12/2026")]),
            ("The Council did not have an accurate, up-to-date understanding of the condition of its homes.",
             "Gemma Lindqvist (Asset Manager)", [("2.1", "Complete stock condition surveys", "Asset Manager", "March 2027")])], 1):
        p = d.add_paragraph()
        p.add_run(f"Workstream {n}").bold = True
        d.add_paragraph(f"Regulator’s finding (F{n}): {finding}")
        d.add_paragraph(f"Workstream lead: {lead}")
        add_table(d, [["No.", "Action", "Lead", "Due"], *[list(r) for r in rows]])
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["F1", "F2"]
    assert sorted((recs[a["rec_id"]], a["text"]) for a in out["actions"]) == [
        ("F1", "Complete all overdue fire risk actions"), ("F2", "Complete stock condition surveys")]
    assert {recs.get(t["parent_id"]) for t in out["timescales"]} == {"F1", "F2"}


def test_a_sentence_run_on_from_the_line_above_is_not_numbered():
    assert split_numbering("recommendation 4 at the Board’s meeting on 18 February 2027; and") == \
        (None, "recommendation 4 at the Board’s meeting on 18 February 2027; and")
    assert split_numbering("Recommendation 4 The Board should") == ("Recommendation 4", "The Board should")
    from extractors.vocabulary import PLAN_ITEM
    assert PLAN_ITEM.match("Recommendation 4 has two parts, and the plan answers each") is None


def test_a_labelled_recommendation_ends_before_the_reports_next_numbered_paragraph(tmp_path):
    d = docx.Document()
    d.add_heading("5 Community resilience", level=1)
    d.add_paragraph("5.1\tParish councils told us they would prepare plans if someone could help them start.")
    p = d.add_paragraph()
    p.add_run("Recommendation 5").bold = True
    d.add_paragraph("That the Cabinet funds a Community Flood Resilience Officer for two years to help parish councils.")
    d.add_paragraph("5.2\tThe property flood resilience grant scheme closed in 2023 when the government grant ended.")
    out = _extracted(d, tmp_path)
    assert [r["text"] for r in out["recommendations"]] == [
        "That the Cabinet funds a Community Flood Resilience Officer for two years to help parish councils."]


def test_an_appendix_restating_recommendations_merges_into_the_reviews_not_the_covers_decision(tmp_path):
    """The cover's decision 1 ('That the Committee endorses the report') and the review's Recommendation 1
    share the number: the appendix row '1 | <words> | Lead' restates the review's."""
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_paragraph("RECOMMENDATIONS")
    d.add_paragraph("That the Committee:")
    d.add_paragraph("1.\tendorses the final report of the task group; and")
    d.add_paragraph("2.\trefers the recommendations to the Cabinet.")
    d.add_heading("Our recommendations", level=1)
    words = "The Cabinet should adopt a refreshed flood risk strategy by March 2027 with a costed action plan."
    d.add_paragraph(f"Recommendation 1: {words}")
    d.add_heading("Annex A – Leads and timescales", level=1)
    add_table(d, [["No.", "Recommendation", "Suggested lead", "Timescale"],
                  ["1", "Refresh the flood risk strategy, with a costed action plan", "Director of Environment", "March 2027"]])
    out = _extracted(d, tmp_path)
    review = [r for r in out["recommendations"] if r["kind"] == "improvement"]
    assert len(review) == 1
    assert [o["role"] for o in out["owners"] if o["parent_id"] == review[0]["rec_id"] and o["role"].startswith("Director")] == \
        ["Director of Environment"]


def test_an_audit_findings_management_response_table_under_its_recommendation(tmp_path):
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("1. Driver DBS checks", level=3)
    d.add_paragraph("Six of 25 driver files had no record of a six-monthly DBS update check.")
    p = d.add_paragraph()
    p.add_run("Recommendation 1 (High priority)").bold = True
    d.add_paragraph("The Licensing Manager should ensure that DBS update checks are carried out and recorded for every driver.")
    add_table(d, [["Management response", "Responsible officer", "Target date"],
                  ["Agreed. A monthly report of checks due will be run from the licensing system.", "Licensing Manager", "31 March 2027"]])
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted")]


def test_steps_listed_under_a_lead_in_in_one_cell_are_actions_each():
    from extractors.entities.action_plans import split_actions
    cell = ("Bring annual review performance up to 75% by:\n• setting up a dedicated review team for people in care;\n"
            "• offering proportionate reviews where needs are stable; and\n• reporting review performance by team.")
    assert split_actions(cell) == ["setting up a dedicated review team for people in care;",
                                   "offering proportionate reviews where needs are stable; and",
                                   "reporting review performance by team."]
    lettered = "Work with the Trust and the ICB to:\na. introduce a daily discharge huddle;\nb. expand the Home First service."
    assert split_actions(lettered) == ["introduce a daily discharge huddle;", "expand the Home First service."]
    # what a step covers, listed under it, is still part of it
    scope = "Commission an evaluation, to cover:\n• uptake by ward;\n• cost per contact."
    assert split_actions(scope) == ["Commission an evaluation, to cover: uptake by ward; cost per contact."]


def test_lettered_parts_banner_under_a_stem_banner(tmp_path):
    from tests.word_papers import add_table
    d = docx.Document()
    t = add_table(d, [["Ref", "Action", "Owner", "Target date"],
                      ["Recommendation 2 The Board should ask the Council and the Trust to:"] * 4,
                      ["2(a) review how mental capacity is assessed where alcohol use may affect executive functioning"] * 4,
                      ["2a.1", "Audit 30 mental capacity assessments", "Principal Social Worker", "Dec 2026"],
                      ["2(b) make sure that Mental Capacity Act training covers executive capacity"] * 4,
                      ["2b.1", "Commission multi-agency training on executive capacity", "Training Lead", "Spring 2027"]])
    for r in (1, 2, 4):
        t.cell(r, 0).merge(t.cell(r, 3))
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["2(a)", "2(b)"]
    assert sorted((recs[a["rec_id"]], a["text"][:10]) for a in out["actions"]) == [("2(a)", "Audit 30 m"), ("2(b)", "Commission")]


def test_an_ombudsmans_recommendation_its_answer_and_the_table_of_its_actions(tmp_path):
    """'Ombudsman recommendation 1' (who made it, before the word) as a heading, the point in the
    imperative, 'Council response: Accepted. ...' and then the table of actions: the point is the
    recommendation, the answer is its response and the table's leads are its owners."""
    from extractors.numbering import bare_ref
    from tests.word_papers import add_table
    assert bare_ref("Ombudsman recommendation 2") == bare_ref("Scrutiny recommendation 2") == "2"
    assert bare_ref("Key recommendation 2") != "2"   # an auditor's kinds are numbered apart
    d = docx.Document()
    d.add_heading("Response to the Housing Ombudsman's special investigation", level=1)
    for i, (point, step) in enumerate([("Review the damp and mould policy within three months and publish it.", "Re-issue the policy"),
                                       ("Train all repairs staff in damp and mould within six months.", "Commission training")], 1):
        d.add_heading(f"Ombudsman recommendation {i}", level=2)
        d.add_paragraph(point)
        p = d.add_paragraph()
        p.add_run("Council response: ").bold = True
        p.add_run(f"Accept in principle The Council accepts this and has begun work on point {i}.")
        add_table(d, [["Action", "Lead officer", "Target date"], [step, "Repairs Manager", "June 2027"]])
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: bare_ref(r["ref"]) for r in out["recommendations"]}
    assert sorted(recs.values()) == ["1", "2"]
    assert sorted((r["rec_ref"], r["status"]) for r in out["responses"]) == [("1", "partially_accepted"), ("2", "partially_accepted")]
    assert sorted(recs[o["parent_id"]] for o in out["owners"] if o["parent_type"] == "recommendation") == ["1", "2"]


def test_the_table_of_actions_under_an_answer_and_a_steps_heading_answers_the_item(tmp_path):
    """Recommendation / its answer / 'Actions taken and planned' / the table: the table's leads are the item's."""
    from tests.word_papers import add_table
    d = docx.Document()
    for i, (point, step) in enumerate([("The landlord should review its damp and mould policy within three months.", "Re-issue the policy"),
                                       ("The landlord should train all repairs staff in damp and mould.", "Commission training")], 1):
        d.add_heading(f"Recommendation {i}", level=2)
        d.add_paragraph(point)
        d.add_paragraph(f"Council response: Accepted. Work on point {i} has begun.")
        d.add_heading("Actions taken and planned", level=3)
        add_table(d, [["Action", "Lead officer", "Target date"], [step, f"Manager {i}", "June 2027"]])
    out = _extracted(d, tmp_path)
    assert {o["parent_type"] for o in out["owners"] if o["role"].startswith("Manager")} == {"recommendation"}


def test_a_bodys_name_is_not_a_holder_and_a_post():
    assert [(r, p) for r, p, _ in split_owners("South Weald Water")] == [("South Weald Water", None)]
    assert [(r, p) for r, p, _ in split_owners("Gatwick Airport")] == [("Gatwick Airport", None)]
    assert [(r, p) for r, p, _ in split_owners("Alun Price Head of Legal")] == [("Head of Legal", "Alun Price")]


def test_before_a_season_is_the_end_of_the_month_before_it_starts():
    from datetime import date
    from extractors.entities.timescales.cells import parse_timescales
    got = {t.raw: (t.due_date, t.precision) for t in parse_timescales("before winter 2026/27; before spring 2027; by summer 2027", date(2026, 7, 9))}
    assert got["before winter 2026/27"] == (date(2026, 11, 30), "month")
    assert got["before spring 2027"] == (date(2027, 2, 28), "month")
    assert got["by summer 2027"] == (date(2027, 8, 31), "quarter")


def test_a_term_defined_with_its_short_form_is_no_step():
    from extractors.entities.narrative import is_action_text
    assert not is_action_text("Established Strategic Authorities (EMSA) which is the same as an MSA but has been "
                              "established for a minimum period of 18 months.")
    assert is_action_text("The Safeguarding Hub (MASH) has been established and is now fully staffed.")


def test_a_date_a_meeting_sets_as_the_new_one_is_due():
    from datetime import date
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    anchor = date(2026, 11, 20)
    for text, due in [("approve a revised milestone of July 2027 for action 1.3, which was due in March 2027;", [date(2027, 7, 31)]),
                      ("That publication of the Pharmaceutical Needs Assessment be deferred to January 2027.", [date(2027, 1, 31)]),
                      ("agree that the timescale for action 2.4 is extended to June 2027;", [date(2027, 6, 30)]),
                      ("The new strategy was adopted in March 2025.", [])]:
        assert [t.due_date for t in find_due_dates_in_sentence(text, anchor)] == due, text


def test_a_milestone_line_that_is_all_when(tmp_path):
    """A Milestone cell's line 'Ongoing – audited termly' is when, before the dash as after it
    (not only 'termly'); 'Consultation complete – Nov 2026' is still its date after the dash."""
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_paragraph("Area for improvement 1: Leaders should improve the preparation for adulthood of young people.")
    add_table(d, [["No.", "Action", "Owner(s)", "Milestone"],
                  ["1.1", "Audit transition plans", "Head of SEND", "Ongoing – audited termly"],
                  ["1.2", "Run a consultation on the offer", "Head of SEND", "Consultation complete – Nov 2026"]])
    out = _extracted(d, tmp_path)
    assert sorted((t["raw"], t["recurrence"]) for t in out["timescales"]) == [
        ("Nov 2026", "once"), ("Ongoing", "ongoing"), ("termly", "other")]
