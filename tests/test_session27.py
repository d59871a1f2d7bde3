"""Forms read in session 27: a recommendation printed as a stem over its
lettered parts ("Recommendation 6: That the Cabinet:" / "(a) ..." / "(b) ..."),
inline ("That the Executive: (a) ...; and (b) ..."), or in a table row with a
code ("TC3 That the Council: (a) ..."); the same post named by a
recommendation's words and by its "Lead:" line."""
import docx

from extractors.numbering import bare_ref
from tests.word_papers import add_table as _table, extracted as _extracted


def _by_text(out: dict) -> dict:
    """first 20 characters of each recommendation's text -> its row."""
    return {r["text"][:20]: r for r in out["recommendations"]}


def _owners_of(out: dict, rec: dict) -> list:
    return sorted((o["role"], o["person"]) for o in out["owners"] if o["parent_id"] == rec["rec_id"])


def _dates_of(out: dict, rec: dict) -> list:
    return sorted(t["raw"] for t in out["timescales"] if t["parent_id"] == rec["rec_id"])


def _review(d):
    d.add_heading("Damp and Mould Task and Finish Group: final report", level=1)
    d.add_heading("3. Responding to reports", level=2)
    d.add_paragraph("3.1 The Council has no single policy on damp and mould, and staff did not agree on how quickly to inspect.")


def test_stem_over_lettered_parts_gives_one_recommendation_a_part(tmp_path):
    d = docx.Document()
    _review(d)
    d.add_paragraph("Recommendation 5: That the Cabinet allocates £1.2 million a year to a ventilation programme.")
    d.add_paragraph("Lead: Cabinet Member for Finance and Resources – Timescale: February 2027")
    d.add_paragraph("Recommendation 6: That the Cabinet:")
    d.add_paragraph("(a) trains every housing officer who visits tenants' homes to recognise damp and mould; and")
    d.add_paragraph("(b) sets up a free damp and mould telephone line for tenants.")
    d.add_paragraph("Lead: Cabinet Member for Housing / Head of Tenancy Services – Timescale: (a) September 2027; "
                    "(b) December 2027")
    out = _extracted(d, tmp_path)
    recs = _by_text(out)
    assert set(recs) == {"That the Cabinet all", "trains every housing", "sets up a free damp "}
    a, b = recs["trains every housing"], recs["sets up a free damp "]
    assert (a["ref"], b["ref"]) == ("Recommendation 6a", "Recommendation 6b")
    # the lead line is each part's; its date printed per letter goes to that letter's part
    for part in (a, b):
        assert _owners_of(out, part) == [("Cabinet Member for Housing", None), ("Head of Tenancy Services", None),
                                         ("the Cabinet", None)]
    assert _dates_of(out, a) == ["September 2027"]
    assert _dates_of(out, b) == ["December 2027"]
    assert not out["actions"]   # "(b) sets up ..." is a part, not a step


def test_inline_parts_after_a_stem_each_addressed_to_the_stems_body(tmp_path):
    d = docx.Document()
    d.add_heading("Recommendations", level=1)
    d.add_paragraph("The Panel makes the following recommendations.")
    d.add_paragraph("1. That the Executive reviews the grounds maintenance contract before it is renewed in 2027.")
    d.add_paragraph("2. That the Executive: (a) publishes a fly-tipping enforcement policy by June 2027; and "
                    "(b) reports enforcement figures to this Panel every six months.")
    out = _extracted(d, tmp_path)
    recs = _by_text(out)
    a, b = recs["publishes a fly-tipp"], recs["reports enforcement "]
    assert (a["ref"], b["ref"]) == ("2(a)", "2(b)")
    assert _owners_of(out, a) == _owners_of(out, b) == [("the Executive", None)]
    assert _dates_of(out, a) == ["by June 2027"]
    assert len(out["recommendations"]) == 3


def test_table_row_of_parts_keeps_its_cells_with_the_first_part(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix 1: Recommendations tracker", level=1)
    _table(d, [["Recommendation", "Responsible officer", "Target date", "Update"],
               ["TC2 That the Council reviews its town centre parking charges before April 2027.",
                "Head of Parking Services", "April 2027", "Review under way."],
               ["TC3 That the Council: (a) sets up a Town Centre Partnership with businesses and the police; and "
                "(b) funds a town centre warden from its own budget.", "Town Centre Manager", "January 2027",
                "Partnership met in October."]])
    out = _extracted(d, tmp_path)
    recs = _by_text(out)
    a, b = recs["sets up a Town Centr"], recs["funds a town centre "]
    assert (a["ref"], b["ref"]) == ("TC3(a)", "TC3(b)")
    # the row answers TC3 as a whole: its officer and date go with the first part
    assert _owners_of(out, a) == [("Town Centre Manager", None)]
    assert _dates_of(out, a) == ["January 2027"]
    assert _owners_of(out, b) == [] and _dates_of(out, b) == []


def test_a_part_printed_as_6a_and_as_6_a_is_one_ref():
    assert bare_ref("6(a)") == bare_ref("Recommendation 6a") == "6a"
    assert bare_ref("Recommendation 4(b)") == bare_ref("4b")
    assert bare_ref("(a)") == "a" and bare_ref("4.2(a)") == "4.2a" and bare_ref("R3") == "3"


def test_a_post_named_by_the_words_and_the_lead_line_is_one_owner(tmp_path):
    d = docx.Document()
    _review(d)
    d.add_paragraph("Recommendation 7: That the Cabinet Member for Housing ensures that no tenant is told that mould "
                    "in their home is caused by their lifestyle.")
    d.add_paragraph("Lead: Cabinet Member for Housing / Head of Tenancy Services – Timescale: Immediate")
    out = _extracted(d, tmp_path)
    (rec,) = out["recommendations"]
    assert _owners_of(out, rec) == [("Cabinet Member for Housing", None), ("Head of Tenancy Services", None)]


def test_response_table_gives_the_recommendations_its_answers_are_not_actions(tmp_path):
    d = docx.Document()
    d.add_heading("Recommended decisions", level=1)
    d.add_paragraph("2.1 That Cabinet accepts the findings of the independent review and apologises to the residents.")
    d.add_paragraph("2.2 That Cabinet agrees the response to the review's recommendations at Appendix A.")
    d.add_heading("The Council's response", level=1)
    d.add_paragraph("5.2 Recommendation 2 asks the Council to bring the management of its homes back under direct "
                    "control. Cabinet does not accept that a decision should be taken now.")
    d.add_heading("Appendix A – Response to the recommendations of the independent review", level=1)
    _table(d, [["Rec.", "The review recommended (summary)", "Position", "Response"],
               ["1(a)", "Write to the family within 28 days to apologise and agree a remedy.", "Accepted",
                "The Chief Executive wrote to the family on 2 October 2026."],
               ["1(b)", "Appoint a senior officer as Complaints Champion for housing.", "Implemented",
                "The Director of Property Services has been the Complaints Champion since July 2026."],
               ["2", "Prepare to bring the management of the Council's homes back under direct control.", "Not accepted",
                "Cabinet does not accept that a decision should be taken before the options have been appraised."]])
    d.add_heading("Appendix B – Action plan", level=1)
    _table(d, [["No.", "Action", "Lead", "Deadline"],
               ["Recommendation 1 – Apology and a complaints champion"] * 4,
               ["1.1 (a)", "Agree a remedy with the family that goes beyond the Ombudsman's order.", "Head of Housing",
                "end of December 2026"]])
    out = _extracted(d, tmp_path)
    refs = sorted(r["ref"] for r in out["recommendations"])
    assert refs == ["1(a)", "1(b)", "2", "2.1", "2.2"]   # not "Recommendation 2" of 5.2, nor the banner
    assert [a["text"][:20] for a in out["actions"]] == ["Agree a remedy with "]   # the Response cells are answers
    rec_1a = next(r for r in out["recommendations"] if r["ref"] == "1(a)")
    assert out["actions"][0]["rec_id"] == rec_1a["rec_id"]   # "Recommendation 1" over its actions: its first part
    assert sorted((r["rec_ref"], r["status"]) for r in out["responses"]) == \
        [("1(a)", "accepted"), ("1(b)", "implemented"), ("2", "rejected")]


def test_numbered_decisions_starting_with_any_deciding_verb_are_numbered():
    from extractors.numbering import split_numbering
    assert split_numbering("2.2 refers the recommendations addressed to the Executive to the Executive") == \
        ("2.2", "refers the recommendations addressed to the Executive to the Executive")
    assert split_numbering("2.3 sends the recommendations to those organisations") == \
        ("2.3", "sends the recommendations to those organisations")
    assert split_numbering("2.5 million people live here")[0] is None


def _scrutiny_review(d):
    d.add_heading("6. What we found", level=1)
    d.add_paragraph("6.2 Residents told us they do not know where to report. Only 38% were told what happened next. "
                    "The Panel recommends that the Executive replaces the three reporting forms with a single online "
                    "form. [R1]")
    d.add_paragraph("6.3 We recommend that the Council and the police agree a shared case management system (R2). "
                    "Officers estimated that a third of repeat victims were known to one of them only.")
    d.add_paragraph("The Panel recommends that the Executive:")
    d.add_paragraph("(i) asks the Community Safety Partnership to add treatment waiting times to its scorecard; and")
    d.add_paragraph("(ii) writes to the Integrated Care Board about the 11-week wait for a first appointment. [R3]")
    d.add_paragraph("6.8 Recommendation R4 – The Executive should extend the wardens' hours to midnight at weekends.")
    d.add_heading("RECOMMENDATION R5", level=3)
    d.add_paragraph("That the Executive renews the Public Spaces Protection Order before it expires in May 2027.")
    d.add_paragraph("6.9 The night-time economy accounts for much of the weekend anti-social behaviour.")
    d.add_heading("7. Summary of recommendations", level=1)
    _table(d, [["Ref", "Recommendation (summary)", "Lead", "Suggested timescale"],
               ["R1", "Single online reporting form.", "Head of Customer Services", "End of March 2027"],
               ["R2", "Shared case management system.", "Community Safety Manager", "Q4 2026/27"],
               ["R3(i)", "Treatment waiting times on the CSP scorecard.", "Community Safety Manager", "Q3 2026/27"],
               ["R3(ii)", "Letter to the ICB about waiting times.", "Chair of the Panel", "Immediate"],
               ["R4", "Wardens until midnight at weekends.", "Head of Community Safety", "2027/28 budget"],
               ["R5", "Renew the PSPO.", "Licensing Manager", "May 2027"]])


def test_a_reviews_recommendations_printed_in_its_findings_take_the_summary_tables_leads(tmp_path):
    d = docx.Document()
    _scrutiny_review(d)
    out = _extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"]}
    assert sorted(recs) == ["R1", "R2", "R3(i)", "R3(ii)", "Recommendation R4", "Recommendation R5"]
    assert recs["R1"]["text"].startswith("The Panel recommends that the Executive replaces")
    assert recs["R2"]["text"] == "We recommend that the Council and the police agree a shared case management system"
    assert recs["R3(ii)"]["text"].endswith("first appointment.")   # the tag off the text
    assert recs["Recommendation R5"]["text"].startswith("That the Executive renews")
    # the summary's rows restate them: their leads and dates go to the findings' printing
    assert ("Community Safety Manager", None) in _owners_of(out, recs["R2"])
    assert _owners_of(out, recs["Recommendation R5"]) == [("Licensing Manager", None), ("the Executive", None)]
    assert _dates_of(out, recs["R1"]) == ["End of March 2027"]


def test_recommendation_r1_is_the_ref_r1():
    assert bare_ref("Recommendation R1") == bare_ref("R1") == bare_ref("RECOMMENDATION 1") == "1"


def _care_inspectorate_report(d):
    d.add_heading("Inspection report: Care at Home Service", level=1)
    d.add_heading("How good is our leadership? 2 - Weak", level=2)
    d.add_paragraph("Managers were visible, but the improvement plan had not been kept up to date.")
    d.add_heading("Requirements", level=3)
    d.add_paragraph("1. By 30 November 2026, the provider must ensure that the service is well led. To do this, the "
                    "provider must, at a minimum:")
    d.add_paragraph("a) carry out regular audits of personal plans in every locality; and")
    d.add_paragraph("b) make sure that managers have enough time to oversee the quality of care. This is to comply "
                    "with Regulation 4(1)(a) of the Regulations 2011.")
    d.add_heading("Areas for improvement", level=3)
    d.add_paragraph("1. To support people's wellbeing, the provider should ensure that medication records are "
                    "completed accurately at every visit.")
    d.add_paragraph("This is to ensure care and support is consistent with the Health and Social Care Standards.")
    d.add_heading("What the service has done to meet any areas for improvement we made at the last inspection", level=2)
    d.add_heading("Previous area for improvement 1", level=3)
    d.add_paragraph("The provider should tell people in advance when their regular carer will change.")
    d.add_paragraph("This area for improvement was made on 14 February 2025.")
    d.add_heading("Appendix 2 – Improvement plan", level=1)
    d.add_paragraph("Lead officer key: AF – Alasdair Fotheringham, Head of Adult Services; JMcK – Jenna McKinlay, "
                    "Care at Home Service Manager; RB – Ruaridh Baird, Team Leader.")
    _table(d, [["Ref", "Action", "Lead", "Target date"],
               ["Requirement 1 (key question 2) – The service is well led"] * 4,
               ["1.1", "Introduce a monthly audit schedule in every locality.", "JMcK", "end of November 2026"],
               ["Area for improvement 1 (key question 1) – Medication recording"] * 4,
               ["2.1", "Deliver refresher medication training to all home carers.", "RB", "March 2027"]])


def test_an_inspectorates_requirements_and_areas_for_improvement_and_the_plan_that_answers_them(tmp_path):
    d = docx.Document()
    _care_inspectorate_report(d)
    out = _extracted(d, tmp_path)
    recs = {r["text"][:12]: r for r in out["recommendations"]}
    assert sorted(recs) == ["By 30 Novemb", "The provider", "To support p"]
    req = recs["By 30 Novemb"]
    # the lettered parts finish its sentence; the regulation it cites is not part of it
    assert req["text"].endswith("b) make sure that managers have enough time to oversee the quality of care.")
    assert "This is to" not in recs["To support p"]["text"]
    # the plan's banners name them by kind and number: their actions, leads and dates go to them
    by_rec = {a["text"][:12]: a["rec_id"] for a in out["actions"]}
    assert by_rec == {"Introduce a ": req["rec_id"], "Deliver refr": recs["To support p"]["rec_id"]}
    assert _owners_of(out, req) == [(None, "Jenna McKinlay")]   # initials a key resolves: the person (docs/labelling.md)
    # "the provider" is the inspected service, not an owner anyone named
    assert not [o for o in out["owners"] if "provider" in (o["role"] or "").lower()]


def test_a_key_gives_initials_with_a_mac_prefix(tmp_path):
    from extractors.entities.minutes import key_to_initials
    from extractors.loaders import load_document
    d = docx.Document()
    d.add_paragraph("Lead officer key: AF – Alasdair Fotheringham, Head of Adult Services; JMcK – Jenna McKinlay, "
                    "Care at Home Service Manager.")
    d.save(tmp_path / "key.docx")
    people, _ = key_to_initials(load_document(tmp_path / "key.docx"))
    assert people == {"AF": "Alasdair Fotheringham", "JMcK": "Jenna McKinlay"}


def test_an_audit_trackers_cell_of_recommendation_and_agreed_action_is_both(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix A – Outstanding internal audit recommendations", level=1)
    _table(d, [["Ref", "Recommendation / agreed action", "Responsible officer", "Revised date", "RAG"],
               ["S106/R2", "Recommendation: Monitor development sites against trigger points at least quarterly.\n"
                           "Agreed action: Recruit a fixed-term S106 Monitoring Officer.", "Head of Planning",
                "31/03/2027", "A"]])
    out = _extracted(d, tmp_path)
    (rec,) = out["recommendations"]
    assert rec["text"] == "Monitor development sites against trigger points at least quarterly."
    assert [(a["text"], a["rec_id"]) for a in out["actions"]] == [("Recruit a fixed-term S106 Monitoring Officer.",
                                                                   rec["rec_id"])]
    assert not out["responses"]   # "agreed action" names the action, not a position


def test_a_coded_heading_over_a_labelled_recommendation_and_its_dated_response(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix B – External audit recommendations", level=1)
    d.add_paragraph("Improvement recommendations from the Auditor's Annual Report 2025/26.")
    for code, title, text, answer, lead, status in (
            ("IR1", "Financial sustainability", "The Council should agree a savings plan that closes the budget gap.",
             "Accepted. Savings proposals of £1.6 million are included in the draft budget.",
             "Karen Oyelaran, Chief Finance Officer", "Green – on track"),
            ("IR2", "Governance", "The Council should carry out a skills assessment of committee members.",
             "Accepted in part. The assessment will be carried out after the May 2027 elections.",
             "Monitoring Officer (Sarah Whitlam)", "Not yet due")):
        p = d.add_paragraph()
        p.add_run(f"{code} {title}").bold = True
        d.add_paragraph(f"Recommendation: {text}")
        d.add_paragraph(f"Management response (November 2026): {answer}")
        d.add_paragraph(f"Lead officer: {lead}")
        d.add_paragraph("Target date: 31 March 2027")
        d.add_paragraph("Progress at January 2027: Proposals are out to consultation.")
        d.add_paragraph(f"Status: {status}")
    out = _extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"]}
    assert sorted(recs) == ["IR1", "IR2"]
    assert ("Chief Finance Officer", "Karen Oyelaran") in _owners_of(out, recs["IR1"])
    assert _dates_of(out, recs["IR2"]) == ["31 March 2027"]
    assert sorted((r["rec_ref"], r["status"]) for r in out["responses"]) == [("IR1", "accepted"),
                                                                           ("IR2", "partially_accepted")]
    # the answer is not an action of the item, nor do its labels go anywhere else
    assert not [a for a in out["actions"] if a["text"].startswith("Management response")]


def test_a_needs_assessments_coded_recommendations_with_their_leads(tmp_path):
    d = docx.Document()
    d.add_heading("3. Identifying carers", level=1)
    d.add_paragraph("3.1 Only 14% of carers known to services were identified through their GP practice.")
    d.add_heading("What should happen next", level=3)
    d.add_paragraph("R1 The HSCP and NHS Lowther Firth should introduce carer identification in every GP practice.")
    d.add_paragraph("Lead: Gordon Rennie, Carers Lead Officer, Tollemarsh HSCP By: end of March 2027")
    d.add_heading("4. Support plans", level=1)
    d.add_paragraph("4.4 We recommend that the Partnership adopts a standard that 80% of support plans are completed "
                    "within 28 days (R3). We also recommend that the Young Carers Service reviews the Young Carer "
                    "Statement process with young carers, by June 2027 (R4).")
    d.add_heading("Recommendations", level=3)
    d.add_paragraph("R5 NHS Lowther Firth should offer every carer on a carers' register an annual health check. "
                    "Lead: NHS Lowther Firth Primary Care Directorate. Timescale: by March 2028.")
    out = _extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"]}
    assert sorted(recs) == ["R1", "R3", "R4", "R5"]
    assert recs["R4"]["text"].startswith("We also recommend that the Young Carers Service")
    assert recs["R5"]["text"].endswith("an annual health check.")   # its labels off the text
    assert ("Carers Lead Officer, Tollemarsh HSCP", "Gordon Rennie") in _owners_of(out, recs["R1"])
    assert _dates_of(out, recs["R1"]) == ["end of March 2027"]
    assert ("NHS Lowther Firth Primary Care Directorate", None) in _owners_of(out, recs["R5"])
    assert _dates_of(out, recs["R5"]) == ["by March 2028"]
    assert not out["actions"]


def test_nhs_and_a_place_is_a_body_not_a_post_and_its_holder():
    from extractors.entities.owners import split_owners
    assert split_owners("NHS Lowther Firth") == [("NHS Lowther Firth", None, "NHS Lowther Firth")]


def test_two_bodies_a_recommendation_names_together_are_two_owners():
    from extractors.entities.owners import resolution_subjects
    assert resolution_subjects("The Panel recommends that the Council and Hartshire Constabulary agree a shared case "
                               "management system.", "Overview and Scrutiny Commission") == \
        ["the Council", "Hartshire Constabulary"]
    # an "and" inside a body's name does not part it
    assert resolution_subjects("The Panel recommends that NHS Hartshire and Mercombe Integrated Care Board and "
                               "Hartshire County Council jointly commission an outreach worker.", None) == \
        ["NHS Hartshire and Mercombe Integrated Care Board", "Hartshire County Council"]
    assert resolution_subjects("That the recommendations and the action plan are agreed.", None) == []


def _pdf_paper(tmp_path, paragraphs):
    """The entity rows of a PDF of `paragraphs` (("h", text) headings, ("p", text) paragraphs)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from extractors.entities.passes import extract_all
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    styles = getSampleStyleSheet()
    path = tmp_path / "paper.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(
        [Paragraph(t, styles["Heading2" if k == "h" else "BodyText"]) for k, t in paragraphs])
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def test_a_reviews_recommendation_addressed_to_two_bodies_and_restated_in_a_box(tmp_path):
    stem = ("The Cabinet Member for Housing and Neighbourhoods and the Strategic Director of Housing and "
            "Communities should, within six months:")
    parts = [("p", "(a) agree a damp and mould policy that meets the requirements of Awaab's Law; and"),
             ("p", "(b) report on it to the Housing Scrutiny Panel.")]
    out = _pdf_paper(tmp_path, [("h", "Recommendations"),
                                ("p", "6. The Council and Hexworth Homes should create a single case record for each home."),
                                ("p", f"7. {stem}"), *parts,
                                ("h", "5. Policy and the tenant voice"),
                                ("p", f"Recommendation 7 (paragraphs 5.1 to 5.4) {stem}"), *parts])
    recs = {r["text"][:12]: r for r in out["recommendations"]}
    assert _owners_of(out, recs["The Council "]) == [("Hexworth Homes", None), ("The Council", None)]
    for part in ("agree a damp", "report on it"):
        assert _owners_of(out, recs[part]) == [("The Cabinet Member for Housing and Neighbourhoods", None),
                                               ("the Strategic Director of Housing and Communities", None)]
    assert not [r for r in out["recommendations"] if r["text"].endswith("within six months:")]   # the stem is no row


def test_a_cover_whose_labels_are_capitals_without_colons(tmp_path):
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    d = docx.Document()
    d.add_paragraph("Agenda Item 7")
    d.add_paragraph("Pelbury Borough Council")
    for line in ("REPORT TO Overview and Scrutiny Commission", "DATE OF MEETING 15 October 2026", "REPORT NO. OSC 26-19",
                 "SUBJECT Safer Streets: anti-social behaviour in the town centre", "REPORT OF Cllr Robert Ellingham, Chair",
                 "AUTHOR / CONTACT Tamsin Okoro, Scrutiny Officer, 01632 960 448", "CLASSIFICATION OPEN – Part I"):
        d.add_paragraph(line)
    d.add_heading("1. Purpose of the report", level=1)
    d.add_paragraph("1.1 To present the final report of the Task and Finish Group.")
    d.save(tmp_path / "cover.docx")
    meta = extract_metadata(load_document(tmp_path / "cover.docx"))
    assert meta["committee"] == "Overview and Scrutiny Commission"
    assert str(meta["meeting_date"]) == "2026-10-15"
    assert meta["report_ref"] == "OSC 26-19"
    assert meta["title"] == "Safer Streets: anti-social behaviour in the town centre"
    assert meta["author"] == "Tamsin Okoro"


def test_a_response_row_that_only_points_elsewhere_is_no_response(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix A – Executive response", level=1)
    _table(d, [["Ref", "What the Panel recommended", "Executive decision", "Response and proposed action"],
               ["R1", "Replace the three reporting forms with one online form.", "Agree",
                "The single form will be built on the new customer platform."],
               ["R2", "Hartshire Constabulary should publish the beat manager's name.", "For partner – see paragraph 5.2",
                "For partner – see paragraph 5.2"]])
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("R1", "accepted")]


def test_a_plan_banner_that_carries_the_services_answer_gives_the_response(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix 2 – Improvement plan", level=1)
    _table(d, [["Ref", "Action", "Lead", "Target date"],
               ["Requirement 1 (key question 1) – People receive their care on time. Service response: Accepted."] * 4,
               ["1.1", "Re-plan visit schedules in all four localities.", "Service Manager", "31/12/2026"],
               ["Area for improvement 4 (key question 5) – Personal plans. Service response: Accepted in part. We "
                "cannot rewrite every plan this year."] * 4,
               ["4.1", "Rewrite each plan at the person's next review.", "Team Leader", "Ongoing"]])
    out = _extracted(d, tmp_path)
    assert sorted((r["rec_ref"], r["status"]) for r in out["responses"]) == [
        ("Area for improvement 4", "partially_accepted"), ("Requirement 1", "accepted")]


def test_a_banner_named_in_a_word_or_two_and_rows_numbered_for_a_part(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix A – Response", level=1)
    _table(d, [["Rec.", "The review recommended (summary)", "Position", "Response"],
               ["3(a)", "Report every complaint about damp to the Housing Scrutiny Panel each quarter.", "Accepted", "Agreed."],
               ["3(b)", "Publish each year a self-assessment against the Complaint Handling Code.", "Accepted", "Agreed."],
               ["8", "The Monitoring Officer should establish why two Member enquiries went unanswered.", "Accepted",
                "Agreed."]])
    d.add_heading("Appendix B – Action plan", level=1)
    _table(d, [["No.", "Action", "Lead", "Deadline"],
               ["Recommendation 3 – Learning from complaints"] * 4,
               ["3.1 (a)", "Add a quarterly report on damp complaints to the Panel's work programme.", "Head of Housing",
                "January 2027"],
               ["3.2 (b)", "Hold a workshop for complaint handlers in every team.", "Complaints Manager",
                "end of June 2027"],
               ["Recommendation 8 – Member enquiries"] * 4,
               ["8.1", "Review how Member enquiries about housing were handled.", "Monitoring Officer", "December 2026"]])
    out = _extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"]}
    assert sorted(recs) == ["3(a)", "3(b)", "8"]
    by_rec = {a["text"][:10]: a["rec_id"] for a in out["actions"]}
    assert by_rec == {"Add a quar": recs["3(a)"]["rec_id"], "Hold a wor": recs["3(b)"]["rec_id"],
                      "Review how": recs["8"]["rec_id"]}
    # (and "each year", the recurrence the recommendation's own words ask for: session 29)
    assert _dates_of(out, recs["3(b)"]) == ["each year", "end of June 2027"]
    assert _owners_of(out, recs["8"]) == [("Monitoring Officer", None)]


_PLAN_ROWS = [["Action", "Lead", "Due", "Progress", "RAG"],
              ["Recruit two additional social workers to the front door team.", "Head of Service – Jane Smith",
               "March 2027", "Both posts advertised.", "Amber"]]


def test_a_recommendation_set_as_the_heading_or_caption_over_its_action_table(tmp_path):
    for title in ("1. Improve the timeliness of decisions at the front door so that children receive help quickly",
                  "Table 1: Recommendation 1 – Improve the timeliness of decisions at the front door so that "
                  "children receive help quickly"):
        d = docx.Document()
        d.add_heading("Progress report on the improvement plan", level=1)
        d.add_paragraph("This report sets out progress against each recommendation.")
        if title.startswith("Table"):
            d.add_paragraph(title)
        else:
            d.add_heading(title, level=2)
        _table(d, _PLAN_ROWS)
        out = _extracted(d, tmp_path, f"plan{len(title)}.docx")
        (rec,) = out["recommendations"]
        assert rec["text"].startswith("Improve the timeliness of decisions")
        assert _owners_of(out, rec) == [("Head of Service", "Jane Smith")]
        assert _dates_of(out, rec) == ["March 2027"]


def test_a_response_papers_recommendations_printed_before_their_answers(tmp_path):
    for as_heading in (False, True):
        d = docx.Document()
        d.add_heading("Executive Response to the Fly-tipping Task and Finish Group", level=1)
        d.add_paragraph("The Executive is asked to agree the responses to the Group's recommendations set out below.")
        for n, text in (("1", "The Council should introduce a fixed penalty for small-scale fly-tipping offences."),
                        ("2", "The Council should publish a map of fly-tipping hotspots every quarter.")):
            if as_heading:
                d.add_heading(f"{n}. {text}", level=2)
                d.add_paragraph("Response: Partially agreed. A map will be published twice a year.")
            else:
                d.add_paragraph(f"{n}. {text}")
                d.add_paragraph("The Executive agrees with this recommendation. The Head of Environmental Services "
                                "will introduce it by April 2027.")
        out = _extracted(d, tmp_path, f"resp{as_heading}.docx")
        recs = {r["ref"]: r for r in out["recommendations"] if r["ref"]}
        assert sorted(recs) == ["1", "2"] and recs["1"]["text"].startswith("The Council should introduce")
        assert {r["rec_ref"]: r["rec_id"] for r in out["responses"]} == {k: v["rec_id"] for k, v in recs.items()}


def test_a_box_that_prints_one_recommendation_its_answer_and_its_lines(tmp_path):
    d = docx.Document()
    d.add_heading("Executive Response to the Fly-tipping Task and Finish Group", level=1)
    for n, text in (("1", "The Council should introduce a fixed penalty for small-scale fly-tipping offences."),
                    ("2", "The Council should publish a map of fly-tipping hotspots every quarter.")):
        _table(d, [[f"Recommendation {n}: {text}"], ["Executive response: Accepted. This will be done by April 2027."],
                   ["Lead officer: Head of Environmental Services"], ["Timescale: April 2027"]])
        d.add_paragraph("")
    out = _extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"] if r["ref"]}
    assert sorted(recs) == ["Recommendation 1", "Recommendation 2"]
    assert ("Head of Environmental Services", None) in _owners_of(out, recs["Recommendation 1"])
    assert "April 2027" in _dates_of(out, recs["Recommendation 2"])
    assert sorted((r["rec_ref"], r["status"], r["rec_id"] is not None) for r in out["responses"]) == \
        [("1", "accepted", True), ("2", "accepted", True)]


def test_an_audit_findings_implementation_date_line(tmp_path):
    d = docx.Document()
    d.add_heading("Internal Audit Report: Taxi and Private Hire Licensing", level=1)
    d.add_heading("Finding 1: Driver DBS checks", level=2)
    d.add_paragraph("We found that 4 of 25 drivers had no current DBS check on file.")
    d.add_paragraph("Recommendation 1: The Licensing Manager should ensure that every driver has a current enhanced DBS "
                    "check before a licence is renewed.")
    d.add_paragraph("Responsible officer: Licensing Manager (Sarah Jones)")
    d.add_paragraph("Implementation date: 31 March 2027")
    out = _extracted(d, tmp_path)
    (rec,) = out["recommendations"]
    assert _dates_of(out, rec) == ["31 March 2027"]


def test_a_registers_mitigation_column_that_names_owner_and_date_in_each_line(tmp_path):
    d = docx.Document()
    d.add_heading("Strategic Risk Register – Quarter 2 2026/27", level=1)
    _table(d, [["Ref", "Risk", "Risk owner", "Score", "Mitigation (owner, date)"],
               ["SR01", "Failure to recruit enough officers.", "ACC Sam Reid", "16",
                "• Launch a recruitment campaign (Head of HR, March 2027)\n"
                "• Introduce a retention bonus (Director of Finance, April 2027)"]])
    out = _extracted(d, tmp_path)
    assert [a["text"] for a in out["actions"]] == ["Launch a recruitment campaign", "Introduce a retention bonus"]
    assert sorted(o["role"] for o in out["owners"]) == ["Director of Finance", "Head of HR"]


def test_a_decision_column_that_says_approved():
    from extractors.entities.responses import status_of
    assert status_of("Approved")[0] == "accepted"
    assert status_of("Not approved")[0] == "rejected"
    assert status_of("Approved in principle")[0] == "partially_accepted"
    assert status_of("The budget was approved by Council in March.")[0] is None   # a sentence, not a position
