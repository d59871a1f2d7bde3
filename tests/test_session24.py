"""Forms read in session 24: names in any Latin script and with joining
particles; owner cells that label their lines (Lead / Support) or point to
another row's owner."""
import docx

from extractors.entities.owners import is_person, split_owners
from tests.word_papers import add_table as _table, extracted as _extracted



def test_names_with_accents_particles_and_prefixes_are_people():
    for name in ("Siân Llywelyn", "Elin Ŵyn", "Heledd Môn", "Dafydd ap Iorwerth", "Owain ab Iestyn",
                 "Zoë Ní Bhriain", "Seán MacLeod", "Anna de la Cruz", "Chloé Dubois"):
        assert is_person(name), name
    assert [o[:2] for o in split_owners("Siân Llywelyn, Head of Children's Services")] == [
        ("Head of Children's Services", "Siân Llywelyn")]
    assert [o[:2] for o in split_owners("Corporate Director – Elin Ŵyn")] == [("Corporate Director", "Elin Ŵyn")]
    assert [o[:2] for o in split_owners("Dafydd ap Iorwerth - Director of Social Services")] == [
        ("Director of Social Services", "Dafydd ap Iorwerth")]
    assert [o[:2] for o in split_owners("Head of Legal (Seán MacLeod)")] == [("Head of Legal", "Seán MacLeod")]
    # a post is still not a person
    assert not is_person("Head of Service") and not is_person("Director of Education")


def test_an_owner_cell_names_its_lead_not_its_supporters():
    assert [o[:2] for o in split_owners("Lead: Director of Public Health / Support: ICB")] == [
        ("Director of Public Health", None)]
    assert [o[:2] for o in split_owners("Lead: ICB Director of Strategy\nSupport: Healthwatch Wenlow")] == [
        ("ICB Director of Strategy", None)]
    assert [o[:2] for o in split_owners("Owner: Jane Smith, Head of HR; Supported by: Finance")] == [
        ("Head of HR", "Jane Smith")]
    # a post whose name ends in "Lead" keeps it
    assert [o[:2] for o in split_owners("Lead Member: Cllr Jones")][0][0] == "Lead Member"


def test_a_pointer_to_another_rows_owner_is_not_an_owner():
    for cell in ("As action 1.1", "See actions 3.2 and 3.3", "As above", "Same as 2.3"):
        assert split_owners(cell) == [], cell


def test_a_list_or_label_number_before_a_month_is_not_its_day():
    from datetime import date
    from extractors.entities.timescales.cells import parse_timescales
    got = [(t.due_date, t.precision) for t in parse_timescales("1. December 2026\n2. February 2027", date(2026, 10, 14))]
    assert got == [(date(2026, 12, 31), "month"), (date(2027, 2, 28), "month")]
    got = [t.due_date for t in parse_timescales("Phase 1 Mar 2027\nPhase 2 Mar 2028")]
    assert got == [date(2027, 3, 31), date(2028, 3, 31)]
    # a day is still a day
    assert [t.due_date for t in parse_timescales("1 December 2026")] == [date(2026, 12, 1)]


def test_a_standing_item_and_the_next_meeting_of_a_named_body():
    from extractors.entities.timescales.cells import parse_timescales
    assert [(t.raw, t.recurrence) for t in parse_timescales("Standing item")] == [("Standing item", "other")]
    assert parse_timescales("The standing item was discussed") == []
    assert [t.relative for t in parse_timescales("Next Cabinet")] == ["Next Cabinet"]


def test_a_month_named_with_the_body_that_meets_is_that_meetings_day(tmp_path):
    from datetime import date
    d = docx.Document()
    d.add_paragraph("Hollinbury Borough Council")
    d.add_paragraph("Cabinet action log")
    d.add_paragraph("Cabinet meetings 2026: 14 October, 11 November and 9 December 2026")
    _table(d, [["Ref", "Action", "Lead", "Due"],
                             ["26/41", "Report the options for the depot to Cabinet", "Director of Place", "Dec Cabinet"],
                             ["26/42", "Bring the revised fees schedule back", "Head of Finance", "Budget Cabinet (Nov 2026)"]])
    out = _extracted(d, tmp_path, "log.docx")
    assert sorted(t["due_date"] for t in out["timescales"]) == [date(2026, 11, 11), date(2026, 12, 9)]


def test_a_step_due_at_a_named_months_meeting():
    from datetime import date
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence as due
    anchor = date(2026, 6, 24)
    assert [t.due_date for t in due("The Director of Public Health to bring a report to the September 2026 meeting.",
                                    anchor)] == [date(2026, 9, 30)]
    assert [t.due_date for t in due("A report to come to the June meeting.", anchor)] == [date(2026, 6, 30)]
    # a meeting that was held, or someone to be there, is no deadline
    assert due("The Board considered the report at the June meeting.", anchor) == []
    assert due("Members were invited to attend the July meeting.", anchor) == []


def test_a_plan_item_under_its_bare_number_with_lead_and_target_lines(tmp_path):
    d = docx.Document()
    d.add_paragraph("Llanfair County Council")
    d.add_paragraph("ILACS improvement plan – progress report")
    for n, rec, lead, due, bullets in [
            (1, "Improve the quality of supervision so that it helps social workers reflect on their practice.",
             "Ceri Lloyd, Head of Quality Assurance", "March 2027",
             ["A new supervision policy was launched in September 2026.",
              "Audits of supervision records will start in January 2027."]),
            (2, "Improve the timeliness of initial health assessments for children in care.",
             "Dr Alun Price, Designated Doctor", "December 2026",
             ["A joint protocol has been agreed with the health board."])]:
        d.add_heading(f"Recommendation {n}", level=2)
        d.add_paragraph(rec)
        d.add_paragraph(f"Lead: {lead}")
        d.add_paragraph(f"Target date: {due}")
        d.add_paragraph("Progress:")
        for b in bullets:
            d.add_paragraph(b, style="List Bullet")
    out = _extracted(d, tmp_path, "plan.docx")
    recs = {r["rec_id"]: r for r in out["recommendations"]}
    # the item's text stops before its labels
    assert [r["text"] for r in recs.values()] == [
        "Improve the quality of supervision so that it helps social workers reflect on their practice.",
        "Improve the timeliness of initial health assessments for children in care."]
    # every progress bullet is an action of its item
    assert [(recs[a["rec_id"]]["ref"][-1], a["text"][:12]) for a in out["actions"]] == [
        ("1", "A new superv"), ("1", "Audits of su"), ("2", "A joint prot")]
    owners = [(recs[o["parent_id"]]["ref"][-1], o["role"], o["person"]) for o in out["owners"]]
    assert owners == [("1", "Head of Quality Assurance", "Ceri Lloyd"), ("2", "Designated Doctor", "Dr Alun Price")]
    assert [str(t["due_date"]) for t in out["timescales"] if t["parent_type"] == "recommendation"] == [
        "2027-03-31", "2026-12-31"]


def test_qualified_lead_labels_and_a_holder_with_a_one_word_post():
    assert [o[:2] for o in split_owners("Strategic lead: Ann Hughes, Director\nOperational lead: Ceri Lloyd")] == [
        ("Director", "Ann Hughes"), (None, "Ceri Lloyd")]
    assert [o[:2] for o in split_owners("Ian Lee, Chair")] == [("Chair", "Ian Lee")]
    # two owners stay two
    assert [o[:2] for o in split_owners("Chair, Clerk")] == [("Chair", None), ("Clerk", None)]
    assert [o[:2] for o in split_owners("Ann Hughes, JS")] == [(None, "Ann Hughes"), ("JS", None)]


def test_a_holder_first_where_a_pdf_cell_ran_the_name_into_the_post():
    assert [o[:2] for o in split_owners("Dr Alun Price Designated Doctor, Health Board")] == [
        ("Designated Doctor, Health Board", "Dr Alun Price")]
    assert [o[:2] for o in split_owners("Alun Price Head of Legal Services")] == [("Head of Legal Services", "Alun Price")]
    # a post whose opening words look like a name stays a post
    assert [o[:2] for o in split_owners("Financial Hardship Programme Manager")] == [
        ("Financial Hardship Programme Manager", None)]


def test_an_area_of_weakness_set_as_a_row_across_a_plan_table_is_the_item_its_rows_answer(tmp_path):
    d = docx.Document()
    d.add_paragraph("Harnby Metropolitan Borough Council")
    d.add_paragraph("SEND accelerated progress plan – progress update")
    t = d.add_table(rows=4, cols=4)
    for j, h in enumerate(["Ref", "What we will do", "Who", "By when"]):
        t.cell(0, j).text = h
    banner = t.cell(1, 0).merge(t.cell(1, 3))
    banner.text = "Area of weakness 1: The timeliness and quality of education, health and care plans."
    for i, row in enumerate([["1.1", "Recruit six additional SEND case officers", "Head of SEND – Priya Kaur", "Q3 2026/27"],
                             ["1.2", "Set up a weekly multi-agency panel", "Samuel Achebe", "March 2027"]], 2):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    out = _extracted(d, tmp_path, "plan.docx")
    assert [(r["ref"], r["text"][:20]) for r in out["recommendations"]] == [("Area of weakness 1", "The timeliness and q")]
    rec_id = out["recommendations"][0]["rec_id"]
    assert all(a["rec_id"] == rec_id for a in out["actions"]) and len(out["actions"]) == 2
    assert {o["person"] for o in out["owners"] if o["parent_id"] == rec_id} == {"Priya Kaur", "Samuel Achebe"}


def test_bullets_under_actions_taken_are_steps_whatever_their_tense(tmp_path):
    d = docx.Document()
    d.add_paragraph("Rowanford District Council")
    d.add_paragraph("Corporate peer challenge – six-month progress update")
    d.add_paragraph("Recommendation 2: Develop a medium-term financial strategy that closes the budget gap")
    d.add_paragraph("Lead: Head of Finance")
    d.add_paragraph("Actions taken:")
    for b in ("The Medium-Term Financial Strategy was refreshed and presented to Cabinet in October 2026.",
              "Savings proposals worth £1.1 million were identified with every service."):
        d.add_paragraph(b, style="List Bullet")
    d.add_paragraph("Progress:")
    d.add_paragraph("42% of the savings are now rated green for delivery.", style="List Bullet")
    out = _extracted(d, tmp_path, "p.docx")
    assert [a["text"][:20] for a in out["actions"]] == ["The Medium-Term Fina", "Savings proposals wo"]
    assert split_owners("Head of Legal and Democratic Services (Monitoring Officer)") == [
        ("Head of Legal and Democratic Services (Monitoring Officer)", None,
         "Head of Legal and Democratic Services (Monitoring Officer)")]


def test_a_service_after_a_comma_is_not_a_holder():
    assert [o[:2] for o in split_owners("Service Manager, Child Protection")] == [("Service Manager, Child Protection", None)]
    assert not is_person("Child Protection") and not is_person("Adult Safeguarding")
    # a holder after a comma still is one
    assert [o[:2] for o in split_owners("Service Manager, Kirsty Menzies")] == [("Service Manager", "Kirsty Menzies")]


def test_an_action_status_column_is_progress_and_current_controls_are_not_steps():
    from extractors.entities.columns import column_role
    assert column_role("Action status") == "progress"
    assert column_role("Status of actions") == "progress"
    assert column_role("Current controls / mitigations") == "controls"
    assert column_role("Further mitigating actions") == "action"


def test_a_recurrence_in_the_step_and_its_due_cell_is_one_timescale(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tarnby District Council")
    d.add_paragraph("Cabinet action log")
    _table(d, [["Ref", "Action", "Owner", "Due"],
                             ["C1", "Report budget monitoring to Cabinet monthly", "Head of Finance", "Monthly"]])
    out = _extracted(d, tmp_path, "log.docx")
    assert [(x["raw"], x["recurrence"]) for x in out["timescales"]] == [("Monthly", "monthly")]


def test_a_target_line_under_a_plan_item_is_its_due_date_and_grades_are_no_recommendations(tmp_path):
    from datetime import date
    d = docx.Document()
    d.add_paragraph("Rowanford District Council")
    d.add_paragraph("Recommendation 4: Review the constitution and the scheme of delegation to officers")
    d.add_paragraph("Lead: Monitoring Officer")
    d.add_paragraph("Target: 31 March 2027")
    _table(d, [["Priority", "Recommendations open", "Overdue"], ["High", "4", "1"], ["Total", "9", "2"]])
    out = _extracted(d, tmp_path, "p.docx")
    assert [r["text"][:25] for r in out["recommendations"]] == ["Review the constitution a"]
    assert [x["due_date"] for x in out["timescales"]] == [date(2027, 3, 31)]


def test_a_response_label_is_not_the_answer():
    from extractors.entities.responses import status_of
    assert status_of("Response: Accepted.\nThe current People Strategy runs only to 2027.")[0] == "accepted"
    assert status_of("Response: Partially accepted. The Council supports greater community involvement.")[0] == \
        "partially_accepted"


def test_a_themes_title_in_the_action_column_is_no_action(tmp_path):
    d = docx.Document()
    d.add_paragraph("Kent County Council")
    _table(d, [["What we have committed to", "Led by", "Timescale"],
                             ["Positive Wellbeing", "", ""],
                             ["Deliver the adult social care prevention programme", "Director of Adult Social Care", "March 2026"],
                             ["Research and implement a service user management system", "Business Innovation Manager", "March 2025"]])
    out = _extracted(d, tmp_path, "p.docx")
    assert [a["text"][:20] for a in out["actions"]] == ["Deliver the adult so", "Research and impleme"]


def test_an_r_numbered_item_over_its_actions_table_is_the_item_the_rows_answer(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tawe Fach County Borough Council")
    d.add_paragraph("Estyn post-inspection action plan – progress")
    for n, rec, rows in [(1, "R1 Improve the consistency of the support and challenge that officers provide to schools.",
                          [["1.1 Train all challenge advisers", "Dr Ffion Hâf Morgan, Chief Education Officer", "Autumn 2026"]]),
                         (2, "R2 Strengthen the use of self-evaluation and data across education services.",
                          [["2.1 Publish a data dashboard", "Data and Performance Manager (Meinir Pugh)", "Spring term 2027"]])]:
        d.add_paragraph(rec)
        t = d.add_table(rows=2, cols=3)
        for j, h in enumerate(["Action", "Responsible officer", "Timescale"]):
            t.cell(0, j).text = h
        for j, text in enumerate(rows[0]):
            t.cell(1, j).text = text
    out = _extracted(d, tmp_path, "p.docx")
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["R1", "R2"]
    assert [(recs.get(o["parent_id"]), o["person"]) for o in out["owners"]] == [
        ("R1", "Dr Ffion Hâf Morgan"), ("R2", "Meinir Pugh")]


def test_a_labelled_who_and_when_bracket_after_a_step():
    from extractors.entities.action_plans import who_when_at_end
    from extractors.entities.items import Action, Prov
    a = Action(text="Offer every pregnant smoker a referral at booking (Lead: Head of Midwifery, Teme Valley Hospitals; "
                    "by January 2027)", prov=Prov(page=1, source_text="", locator="block:1"))
    who_when_at_end(a, {}, None)
    assert a.text == "Offer every pregnant smoker a referral at booking"
    assert [o.role for o in a.owners] == ["Head of Midwifery, Teme Valley Hospitals"]
    assert [str(t.due_date) for t in a.timescales] == ["2027-01-31"]
    b = Action(text="Publish the plan (Owner: ICT Manager)", prov=Prov(page=1, source_text="", locator="block:2"))
    who_when_at_end(b, {}, None)
    assert b.text == "Publish the plan" and [o.role for o in b.owners] == ["ICT Manager"] and not b.timescales


def test_the_bodys_meetings_in_a_sentence_date_its_meeting_named_deadlines(tmp_path):
    from datetime import date
    from extractors.entities.timescales.cells import parse_timescales
    d = docx.Document()
    d.add_paragraph("Marlbrook Combined Authority – Transport Committee")
    d.add_paragraph("The Committee meets on 18 June, 10 September and 10 December 2026, and on 28 January and 18 March 2027.")
    _table(d, [["Ref", "Action", "Responsible officer", "Target date", "Update"],
                             ["TC/A/10", "Report the bus network review", "Head of Bus Services", "Jan 2027 Committee", "On track"],
                             ["TC/A/15", "Publish the rail station audit", "Head of Rail", "Dec 2026",
                              "Delayed by the operator. Revised target: March 2027 Committee"]])
    out = _extracted(d, tmp_path, "p.docx")
    assert sorted(x["due_date"] for x in out["timescales"]) == [date(2027, 1, 28), date(2027, 3, 18)]
    assert [x.recurrence for x in parse_timescales("Each Committee")] == ["other"]


def test_a_step_with_a_dashed_owner_holding_a_comma_and_its_date():
    from extractors.entities.action_plans import who_when_at_end
    from extractors.entities.items import Action, Prov
    a = Action(text="Open two additional discharge-to-assess beds – Director of Operations, ACHT – by 31 January 2027",
               prov=Prov(page=1, source_text="", locator="block:1"))
    who_when_at_end(a, {}, None)
    assert a.text == "Open two additional discharge-to-assess beds"
    assert [o.role for o in a.owners] == ["Director of Operations, ACHT"]
    assert [str(t.due_date) for t in a.timescales] == ["2027-01-31"]


def test_a_bare_recommendation_heading_and_its_text_over_the_table_of_its_actions(tmp_path):
    d = docx.Document()
    d.add_paragraph("Llanfair County Council")
    d.add_paragraph("Ofsted improvement plan – progress report November 2026")
    for n, rec, row in [(1, "Improve the quality of supervision so that it helps social workers reflect on their practice.",
                         ["Refresh the supervision policy", "Ceri Lloyd, Head of QA", "Dec 2026"]),
                        (2, "Improve the timeliness of initial health assessments for children in care.",
                         ["Agree a joint protocol with the health board", "Sara Evans, Service Manager", "Jan 2027"])]:
        d.add_heading(f"Recommendation {n}", 2)
        d.add_paragraph(rec)
        t = d.add_table(rows=2, cols=3)
        for j, h in enumerate(["Action", "Lead", "By when"]):
            t.cell(0, j).text = h
        for j, x in enumerate(row):
            t.cell(1, j).text = x
    out = _extracted(d, tmp_path, "p.docx")
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert len(recs) == 2
    # the lead of each table's rows is its recommendation's (action-plan convention)
    assert [(o["parent_type"], recs.get(o["parent_id"]), o["person"]) for o in out["owners"]] == [
        ("recommendation", "Recommendation 1", "Ceri Lloyd"), ("recommendation", "Recommendation 2", "Sara Evans")]


def test_steps_a_pdf_cell_runs_together_part_after_each_who_and_when():
    from extractors.entities.action_plans import split_actions
    assert split_actions("Deliver the savings programme of £9.8m – Head of Strategic Finance – 31/03/2027 Complete the "
                         "review of earmarked reserves – Director of Finance – June 2027") == [
        "Deliver the savings programme of £9.8m – Head of Strategic Finance – 31/03/2027",
        "Complete the review of earmarked reserves – Director of Finance – June 2027"]
    assert split_actions("Re-let the homecare framework (Head of Commissioning, June 2027) Open the extra care scheme "
                         "(Assistant Director Adults, March 2027)") == [
        "Re-let the homecare framework (Head of Commissioning, June 2027)",
        "Open the extra care scheme (Assistant Director Adults, March 2027)"]
    # one step that names a post and a month inside it stays one
    assert split_actions("Review fees and charges with the Head of Finance in March 2027 and report to Cabinet") == [
        "Review fees and charges with the Head of Finance in March 2027 and report to Cabinet"]


def test_labels_run_into_a_step_end_at_the_next_label():
    from extractors.entities.action_plans import _labels_run_in
    assert _labels_run_in("Commission a fostering campaign Owner: Fostering Service Manager – Leanne Oduya Date: 31/03/2027") == (
        "Commission a fostering campaign", [("Owner", "Fostering Service Manager – Leanne Oduya"), ("Date", "31/03/2027")])


def test_a_code_over_the_recommendation_in_its_cell_is_the_responses_ref_and_meeting_lines_are_not_titles():
    from extractors.metadata import _meeting_details
    assert _meeting_details("Audit Committee – 14 January 2027 – Agenda item 7 – Appendix A")
    assert _meeting_details("Governance and Audit Committee – 17 December 2026 – Agenda item 10")
    assert not _meeting_details("Action Log – 14 January 2027")


def test_a_response_table_keyed_by_a_code_above_each_recommendation(tmp_path):
    from extractors.entities.responses import table_responses
    from extractors.loaders import load_document
    d = docx.Document()
    d.add_paragraph("Kilnsey Vale District Council – Overview and Scrutiny Committee")
    _table(d, [["Recommendation", "Cabinet response", "Target date"],
                             ["TA1\nThat the Council publishes a plain-English guide to temporary accommodation.", "Accepted", "July 2026"],
                             ["TA2\nThat the Council ends the use of bed and breakfast for families.",
                              "Partially accepted. Cabinet will end its use beyond the six-week limit.", "March 2027"]])
    path = tmp_path / "p.docx"
    d.save(path)
    got = table_responses(load_document(path), None)
    assert [(r.rec_ref, r.status) for r in got] == [("TA1", "accepted"), ("TA2", "partially_accepted")]


def test_a_section_headings_lead_owns_the_actions_of_the_table_under_it(tmp_path):
    from extractors.entities.columns import column_role
    d = docx.Document()
    d.add_paragraph("Kilnsey Vale Community Safety Partnership")
    d.add_heading("Priority 2: Reducing anti-social behaviour – Lead: Inspector Sam Okoye, North Dales Police", 1)
    d.add_paragraph("Headline figures: police recorded 1,563 incidents in Quarters 1 and 2.")
    _table(d, [["Ref", "Action", "By when"],
                             ["2.1", "Run two weeks of high-visibility patrols in the town centre", "December 2026"],
                             ["2.2", "Housing Services to review the tenancy enforcement policy", "March 2027"]])
    out = _extracted(d, tmp_path, "p.docx")
    # a council's own priority is an aim, not a recommendation; its lead owns the steps that name no doer
    assert out["recommendations"] == []
    acts = {a["action_id"]: a["text"][:12] for a in out["actions"]}
    assert sorted((acts[o["parent_id"]], o["role"], o["person"]) for o in out["owners"]) == [
        ("Housing Serv", "Housing Services", None), ("Run two week", "North Dales Police", "Sam Okoye")]
    assert column_role("Priority") is None and column_role("Priority action") == "rec"


def test_actions_listed_after_a_lead_in_that_names_them():
    from extractors.entities.narrative import _inline_steps, _ACTIONS_LEAD_IN
    t = ("The risk is new and is scored 20. The following mitigating actions are planned: (a) the Head of Housing Options "
         "will buy a further 40 homes by March 2027; (b) the Housing Solutions Manager will launch a landlord incentive "
         "scheme in January 2027; and (c) the Head of Finance will report spend every month. The Board noted this.")
    assert [p[:25] for p in _inline_steps(t)] == ["the Head of Housing Optio", "the Housing Solutions Man",
                                                 "the Head of Finance will "]
    assert _inline_steps("To reduce the backlog the directorate will: (i) commission an external provider to complete "
                         "300 assessments; (ii) introduce a triage tool; and (iii) report the backlog monthly.")[2] == \
        "report the backlog monthly"
    assert _inline_steps("Officers considered three options: (a) do nothing; (b) extend the contract; (c) re-tender.") == []
    assert _ACTIONS_LEAD_IN.search("The mitigating actions are:")


def test_a_minutes_tables_action_cell_run_together_gives_one_action_each(tmp_path):
    d = docx.Document()
    d.add_paragraph("Westmarch Safeguarding Adults Board")
    d.add_paragraph("Minutes of the meeting held on Thursday 17 September 2026")
    _table(d, [["Item", "Discussion and decisions", "Action (owner, date)"],
                             ["4. Self-neglect guidance", "4.1 The Board APPROVED the revised guidance.",
                              "26/40 Offer a safe and well visit to every adult referred (Fire Service, ongoing) 26/41 Publish "
                              "the guidance on the Board website (Business Manager, 31 October) See 26/32 (carried forward)"]])
    out = _extracted(d, tmp_path, "m.docx")
    assert [a["text"] for a in out["actions"]] == ["Offer a safe and well visit to every adult referred",
                                                   "Publish the guidance on the Board website"]


def test_as_above_in_an_owner_column_repeats_the_owner_of_the_row_above(tmp_path):
    d = docx.Document()
    d.add_paragraph("Kilnsey Vale District Council – Overview and Scrutiny Committee")
    _table(d, [["Ref", "Action", "Responsible Cabinet Member", "Target date"],
                             ["1", "Publish a plain-English guide to temporary accommodation",
                              "Cllr Priya Nair (Portfolio Holder for Housing)", "July 2026"],
                             ["2", "End the use of bed and breakfast for families beyond six weeks", "As above", "March 2027"]])
    out = _extracted(d, tmp_path, "p.docx")
    assert [(o["role"], o["person"]) for o in out["owners"]] == [("Portfolio Holder for Housing", "Cllr Priya Nair")] * 2


def test_lead_ins_and_a_repeated_column_name_are_no_actions():
    from extractors.entities.action_plans import split_actions
    assert split_actions("Priorities to deliver this outcome:\nTogether we will…\nRun a falls prevention campaign") == [
        "Run a falls prevention campaign"]


def test_school_terms_and_an_ongoing_piece_of_work_with_a_recurring_review():
    from datetime import date
    from extractors.entities.timescales.cells import parse_timescales
    assert [(t.due_date, t.precision) for t in parse_timescales("Spring term 2027")] == [(date(2027, 3, 31), "month")]
    assert [t.due_date for t in parse_timescales("Autumn term 2026")] == [date(2026, 12, 31)]
    assert [t.due_date for t in parse_timescales("Summer term 2027")] == [date(2027, 7, 31)]
    assert [t.due_date for t in parse_timescales("Spring 2027")] == [date(2027, 5, 31)]   # a season, not a term
    assert [t.recurrence for t in parse_timescales("Ongoing – reviewed quarterly")] == ["ongoing", "quarterly"]
    assert [t.recurrence for t in parse_timescales("Monthly ongoing")] == ["monthly"]


def test_cover_title_labels_body_names_and_a_host_council(tmp_path):
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    d = docx.Document()
    d.add_heading("North Tarn Integrated Care Partnership", 1)
    d.add_paragraph("Partnership Board – 15 December 2026")
    t = d.add_table(rows=2, cols=2)
    for i, (k, v) in enumerate([("Date of meeting", "15 December 2026"), ("Title of report", "Integrated Performance Scorecard – Quarter 2")]):
        t.cell(i, 0).text, t.cell(i, 1).text = k, v
    d.add_paragraph("The scorecard is produced by the joint Business Intelligence Unit, which is hosted by Tarnside Council. "
                    "Eskmouth Borough Council and Eskmouth Borough Council's partners contribute data.")
    path = tmp_path / "p.docx"
    d.save(path)
    meta = extract_metadata(load_document(path))
    assert meta["title"] == "Integrated Performance Scorecard – Quarter 2"
    assert meta["council"] == "Tarnside Council"


def test_a_key_to_the_words_a_responsibility_column_uses():
    from extractors.model import Block, Document
    from extractors.entities.minutes import key_to_initials
    doc = Document(doc_id="t", path="t.docx", file_name="t.docx", format="docx", blocks=[
        Block(kind="paragraph", text="Key to responsibility: Clerk = Daniel Whitcombe, Town Clerk; RFO = Sarah Farrant, "
                                     "Deputy Clerk and RFO", page=None)])
    assert key_to_initials(doc)[1] == {"Clerk": "Daniel Whitcombe", "RFO": "Sarah Farrant"}


def test_a_resolution_listing_its_parts_inline_is_one_decision_per_part():
    from extractors.entities.passes import inline_parts, EntityContext
    from extractors.entities.items import Prov, Recommendation

    class Ctx:
        recs = [Recommendation(kind="decision", text="that (i) the draft budget be approved for publication; and "
                                                     "(ii) the final budget and precept be set on 12 January 2027.",
                               ref=None, prov=Prov(1, "RESOLVED ...", "block:3"))]
        table_metrics: list = []
        meta: dict = {}
    inline_parts(Ctx)
    assert [(r.ref, r.text[:20]) for r in Ctx.recs] == [("(i)", "the draft budget be "), ("(ii)", "the final budget and")]


def test_a_post_the_paper_names_with_its_holder_gives_an_owner_printed_as_the_post_its_person(tmp_path):
    d = docx.Document()
    d.add_paragraph("Dunstow Fire and Rescue Authority – HMICFRS improvement plan progress")
    d.add_paragraph("Strategic leads: Deputy Chief Fire Officer – Marcus Teale; Head of People and Organisational "
                    "Development – Farah Quddus.")
    _table(d, [["Ref", "Action", "Lead", "Due"],
               ["1", "Refresh the workforce plan", "Head of People and OD", "March 2027"],
               ["2", "Review the on-call availability model", "Deputy Chief Fire Officer", "June 2027"]])
    out = _extracted(d, tmp_path)
    assert [(o["role"], o["person"]) for o in out["owners"]] == [
        ("Head of People and OD", "Farah Quddus"), ("Deputy Chief Fire Officer", "Marcus Teale")]


def test_a_trackers_original_date_column_is_its_due_date_unless_revised():
    from extractors.entities.columns import column_role
    assert column_role("Original date") == "timescale" and column_role("Agreed date") == "timescale"
    assert column_role("Revised date") == "revised_due" and column_role("Date") is None


def test_posts_held_read_from_sentences_and_bracketed_holders_with_their_body():
    from extractors.model import Block, Document
    from extractors.entities.minutes import posts_held
    doc = Document(doc_id="t", path="t.docx", file_name="t.docx", format="docx", blocks=[
        Block(kind="paragraph", text="Officers named as leads: Head of Road Safety – Gareth Pryce. Leader of the Council – "
                                     "Cllr Jonathan Stroud.", page=None),
        Block(kind="paragraph", text="CSM: Community Safety Manager (Paul Hinchliffe), KVDC", page=None)])
    held = posts_held(doc)
    assert held["Head of Road Safety"] == "Gareth Pryce" and held["Leader of the Council"] == "Jonathan Stroud"
    assert held["Community Safety Manager"] == "Paul Hinchliffe"


def test_group_and_office_names_are_not_read_as_people():
    for cell in ("Harrowgate Women's Aid", "Harnby Parent Carer Forum co-chair", "External Auditor (Kingsmead Audit LLP)"):
        assert [o[1] for o in split_owners(cell)] == [None], cell


def test_a_councillor_and_an_office_named_with_its_article_are_two_owners():
    from extractors.entities.owners import subject_owners
    assert subject_owners("Cllr Bellamy and the Deputy Clerk to organise a volunteer litter pick.") == [
        (None, "Cllr Bellamy", "Cllr Bellamy"), ("Deputy Clerk", None, "Deputy Clerk")]
    assert [o[1] for o in subject_owners("Cllrs Richards & Evans to meet the school.")] == ["Cllr Richards", "Cllr Evans"]
