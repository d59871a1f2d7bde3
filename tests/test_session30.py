"""Forms read in session 30: a plan table that prints each recommendation
as a banner across the table with a bare number and no label ("1. Leaders
should improve ...") over the rows of actions answering it; a banner that
names its item the ways a plan's headings do ("Recommendation R4:", "Key
recommendation 2 -", "Peer review recommendation 3:"), read by the one
pattern the narrative reader uses (vocabulary.PLAN_ITEM)."""
import docx
import pytest

from extractors.vocabulary import PLAN_ITEM
from tests.word_papers import extracted as _extracted

_ROWS = [("Launch a revised supervision policy", "Principal Social Worker", "April 2026"),
         ("Audit supervision records", "Head of Quality Assurance", "June 2026"),
         ("Recruit two additional personal advisers", "Service Manager Leaving Care", "June 2026")]


def _banner_plan(tmp_path, banners, refs=("1.1", "1.2", "2.1")):
    """A progress table with a ref column, the recommendations as merged rows across it."""
    d = docx.Document()
    d.add_heading("Ofsted action plan: progress report", level=1)
    header = ["Ref", "Action", "Lead", "Due", "RAG"]
    layout = [("banner", banners[0]), ("row", 0), ("row", 1), ("banner", banners[1]), ("row", 2)]
    t = d.add_table(rows=1 + len(layout), cols=len(header))
    for j, h in enumerate(header):
        t.cell(0, j).text = h
    for i, (kind, v) in enumerate(layout, 1):
        if kind == "banner":
            t.cell(i, 0).merge(t.cell(i, len(header) - 1)).text = v
        else:
            act, lead, due = _ROWS[v]
            for j, x in enumerate([refs[v], act, lead, due, "Green"]):
                t.cell(i, j).text = x
    return _extracted(d, tmp_path)


def _parents(out):
    recs = {r["rec_id"]: (r["ref"], r["text"][:30]) for r in out["recommendations"]}
    return [recs.get(a["rec_id"]) for a in out["actions"]], [recs.get(o["parent_id"]) for o in out["owners"]]


def test_a_numbered_banner_that_asks_is_the_recommendation_its_rows_answer(tmp_path):
    out = _banner_plan(tmp_path, ["1. Leaders should improve the quality of supervision so that it drives plans.",
                                  "2. Leaders should ensure that care leavers receive timely pathway plans."])
    assert [(r["ref"], r["kind"]) for r in out["recommendations"]] == [("1", "improvement"), ("2", "improvement")]
    acts, owners = _parents(out)
    assert [a[0] if a else None for a in acts] == ["1", "1", "2"]
    assert [o[0] if o else None for o in owners] == ["1", "1", "2"]   # a row's lead is its recommendation's


def test_a_numbered_banner_over_dotted_rows_need_not_ask(tmp_path):
    out = _banner_plan(tmp_path, ["1. Improve the quality of supervision across all teams",
                                  "2. Timely pathway plans for every care leaver"])
    assert [r["ref"] for r in out["recommendations"]] == ["1", "2"]


def test_a_numbered_theme_or_agenda_banner_is_no_recommendation(tmp_path):
    # neither asks anyone to act, and the ref column keys the rows, not numbers them under the banner
    out = _banner_plan(tmp_path, ["1. Review of the workforce strategy and training offer",
                                  "2. Update on the sufficiency of placements for children"], refs=("A", "B", "C"))
    assert out["recommendations"] == []
    assert len(out["actions"]) == 3


@pytest.mark.parametrize("banner,ref", [
    ("Recommendation R4: The council should review the audit charter annually.", "Recommendation R4"),
    ("Key recommendation 2 – The council should review the audit charter annually.", "Key recommendation 2"),
    ("Peer review recommendation 3: The council should review the audit charter.", "Peer review recommendation 3"),
    ("Recommendation 4 (High priority): The council should review the audit charter.", "Recommendation 4")])
def test_a_banner_names_its_item_as_a_plans_heading_does(banner, ref):
    m = PLAN_ITEM.match(banner)
    assert m and m.group("ref") == ref and m.group("text").startswith("The council should")


def test_a_banner_naming_its_item_with_an_r_number_opens_it(tmp_path):
    out = _banner_plan(tmp_path, ["Recommendation R1: The council should review the audit charter annually.",
                                  "Recommendation R2: The council should report overdue actions to members."])
    assert [r["ref"] for r in out["recommendations"]] == ["Recommendation R1", "Recommendation R2"]
    acts, _ = _parents(out)
    assert [a[0] if a else None for a in acts] == ["Recommendation R1", "Recommendation R1", "Recommendation R2"]


def _pdf(tmp_path, paras) -> dict:
    """A PDF of headings ('# ...') and paragraphs (reportlab markup, <b> for bold), read by the whole pipeline."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from extractors.entities.passes import extract_all
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    ss, story = getSampleStyleSheet(), []
    for p in paras:
        story += [Paragraph(p[2:], ss["Heading2"]) if p.startswith("# ") else Paragraph(p, ss["BodyText"]), Spacer(1, 4)]
    path = tmp_path / "paper.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def test_a_bold_lead_in_after_a_finished_sentence_opens_a_paragraph_in_pdf(tmp_path):
    # the recommendation fits one line; its answer starts on the next with a bold run-in label
    out = _pdf(tmp_path, ["# Executive response to the highways review", "# Recommendation 1",
                          "The Cabinet Member should publish a five-year programme of resurfacing.",
                          "<b>Response: Accepted.</b> The programme will be published on the website in March 2027.",
                          "# Recommendation 2",
                          "Officers should adopt a first-time-fix target for pothole repairs.",
                          "<b>Response: Partially accepted.</b> A target of 85% will be adopted from April 2027."])
    assert [r["text"] for r in out["recommendations"]] == [
        "The Cabinet Member should publish a five-year programme of resurfacing.",
        "Officers should adopt a first-time-fix target for pothole repairs."]
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted"), ("2", "partially_accepted")]


def test_whom_a_recommendation_asks_is_read_after_its_title(tmp_path):
    out = _pdf(tmp_path, ["# Findings and recommendations", "<b>Recommendation 1: A published programme</b>",
                          "The Cabinet Member should publish a five-year programme of resurfacing, updated annually.",
                          "<b>Recommendation 2: First-time fixes</b>",
                          "Officers should adopt a first-time-fix target for pothole repairs."])
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert out["recommendations"][0]["text"].startswith("A published programme The Cabinet Member should")
    assert sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"]) == [
        ("Recommendation 1", "The Cabinet Member"), ("Recommendation 2", "Officers")]


def test_an_addressed_to_column_names_the_owner_of_each_recommendation(tmp_path):
    d = docx.Document()
    d.add_heading("Summary of recommendations", level=1)
    t = d.add_table(rows=3, cols=4)
    for i, row in enumerate([["No.", "Recommendation", "Addressed to", "Timescale"],
                             ["1", "Publish a five-year programme of resurfacing, updated annually.", "Cabinet Member for Highways", "March 2027"],
                             ["2", "Adopt a first-time-fix target for pothole repairs.", "Head of Highways", "December 2026"]]):
        for j, x in enumerate(row):
            t.cell(i, j).text = x
    out = _extracted(d, tmp_path)
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"]) == [
        ("1", "Cabinet Member for Highways"), ("2", "Head of Highways")]


def _title(tmp_path, lines) -> str:
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    d = docx.Document()
    for kind, text in lines:
        d.add_heading(text, 1) if kind == "h" else d.add_paragraph(text)
    path = tmp_path / "t.docx"
    d.save(path)
    return extract_metadata(load_document(path))["title"]


@pytest.mark.parametrize("masthead", ["Internal Audit Service", "Internal Audit Report 2026/27", "FINAL INTERNAL AUDIT REPORT",
                                      "Care Inspectorate Wales CF48 1UZ",
                                      "AUDIT AND GOVERNANCE COMMITTEE WEDNESDAY 16 DECEMBER 2026 AGENDA ITEM 7"])
def test_an_issuing_units_masthead_address_or_meeting_line_is_not_the_title(tmp_path, masthead):
    assert _title(tmp_path, [("h", masthead), ("h", "Grounds Maintenance Contract Management"),
                             ("p", "This report sets out the findings of the review.")]) == "Grounds Maintenance Contract Management"


def test_a_welsh_and_english_council_name_is_not_the_title(tmp_path):
    assert _title(tmp_path, [("h", "Cyngor Bwrdeistref Sirol Penmorfydd Penmorfydd County Borough Council"),
                             ("h", "Review of Commissioning – Progress Update"), ("p", "The report sets out progress.")]) \
        == "Review of Commissioning – Progress Update"


def test_a_title_run_on_into_the_meetings_day_and_date_ends_before_them(tmp_path):
    assert _title(tmp_path, [("h", "Rolling Action Log and Decision Tracker Thursday 21 January 2027"),
                             ("p", "The log lists the actions agreed by the Board.")]) == "Rolling Action Log and Decision Tracker"
    # a date the title says the meeting was held on is part of it
    assert _title(tmp_path, [("h", "Minutes of the meeting held on Thursday 17 September 2026"),
                             ("p", "Present: Cllr A Brown (Chair)")]) == "Minutes of the meeting held on Thursday 17 September 2026"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_r_numbered_title_over_the_words_of_its_recommendation_opens_it(tmp_path, fmt):
    items = [("R1 – Early help", "The Cabinet should fund a prevention officer in each of the three family hubs."),
             ("R2 – Private rented sector", "Officers should set up a landlord incentive scheme to secure 50 tenancies a year.")]
    if fmt == "pdf":
        out = _pdf(tmp_path, ["# Homelessness Prevention Scrutiny Review", "# Recommendations"] +
                   [x for title, words in items for x in (f"<b>{title}</b>", words)])
    else:
        d = docx.Document()
        d.add_heading("Homelessness Prevention Scrutiny Review", level=1)
        d.add_heading("Recommendations", level=2)
        for title, words in items:
            d.add_paragraph().add_run(title).bold = True
            d.add_paragraph(words)
        out = _extracted(d, tmp_path)
    assert [(r["ref"], r["kind"], r["text"]) for r in out["recommendations"]] == [
        ("R1", "improvement", "Early help The Cabinet should fund a prevention officer in each of the three family hubs."),
        ("R2", "improvement", "Private rented sector Officers should set up a landlord incentive scheme to secure 50 tenancies a year.")]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"]) == [("R1", "The Cabinet"), ("R2", "Officers")]


def test_items_under_recommends_that_are_addressed_to_their_subjects(tmp_path):
    out = _pdf(tmp_path, ["# Planning Enforcement Task and Finish Group: Final Report", "# Recommendations",
                          "The task and finish group recommends that:",
                          "1. The Cabinet adopts a revised Local Enforcement Plan by March 2027.",
                          "2. The Head of Planning:",
                          "(a) publishes enforcement performance each quarter; and",
                          "(b) introduces an online complainant tracker by December 2026.",
                          "3. Enforcement resources are reviewed as part of the 2027/28 budget."])
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted(recs.values()) == ["1", "2a", "2b", "3"]
    # (no owner for the passive item: "Enforcement resources" is what is reviewed, not who reviews)
    assert sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"]) == [
        ("1", "the Cabinet"), ("2a", "the Head of Planning"), ("2b", "the Head of Planning")]


@pytest.mark.parametrize("who", ["Severnvale Constabulary", "Operation Encompass", "Wendmoor Fire and Rescue"])
def test_an_organisations_name_is_a_role_not_a_person(who):
    from extractors.entities.owners import split_owners
    assert split_owners(who) == [(who, None, who)]


def test_a_titled_item_takes_its_words_when_they_open_with_whom_they_ask(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix A: Responses to the recommendations", level=1)
    for title, words in [("Recommendation 1 – Publishing performance",
                          "The Head of Planning publishes enforcement performance each quarter on the council's website."),
                         ("Recommendation 2 – Volunteer reporters",
                          "The council works with parish councils to train local volunteers to report breaches.")]:
        d.add_heading(title, level=2)
        d.add_paragraph(words)
    out = _extracted(d, tmp_path)
    assert [r["text"].split(" The ")[0] for r in out["recommendations"]] == ["Publishing performance", "Volunteer reporters"]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    assert sorted((recs[o["parent_id"]], o["role"]) for o in out["owners"]) == [
        ("Recommendation 1", "the Head of Planning"), ("Recommendation 2", "the council")]


def test_a_recommendations_record_as_label_value_rows_gives_its_response(tmp_path):
    d = docx.Document()
    d.add_heading("Cabinet response to the task and finish group", level=1)
    for n, (rec, answer) in enumerate([("The Cabinet adopts a revised Local Enforcement Plan by March 2027.", "Accepted"),
                                       ("The Head of Planning publishes performance each quarter.", "Partially accepted")], 1):
        t = d.add_table(rows=4, cols=2)
        for i, (label, value) in enumerate([(f"Recommendation {n}", rec), ("Response", answer),
                                            ("Lead officer", "Head of Planning"), ("Target date", "June 2027")]):
            t.cell(i, 0).text, t.cell(i, 1).text = label, value
        d.add_paragraph("")
    out = _extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted"), ("2", "partially_accepted")]


def test_an_audit_findings_record_takes_its_ref_from_the_heading_above_and_gives_its_response(tmp_path):
    d = docx.Document()
    d.add_heading("Findings, recommendations and management responses", level=1)
    for n, (title, rec, answer) in enumerate([
            ("Annual review of the scheme", "The scheme should be reviewed each year before it is adopted.", "Agreed. A review will be completed in November 2026."),
            ("Evidence of income", "Claims should not be assessed until the evidence is complete.", "Partially agreed – a checklist will be added.")], 1):
        d.add_heading(f"Finding {n} – {title}", level=2)
        d.add_paragraph("The audit found that the position was not documented in the sample tested.")
        d.add_heading("Risk", level=3)
        d.add_paragraph("The Council may not be able to show that it acted within the rules of the scheme.")
        t = d.add_table(rows=4, cols=2)
        for i, (label, value) in enumerate([("Recommendation", rec), ("Management response", answer),
                                            ("Responsible officer", "Head of Revenues"), ("Target date", "31 January 2027")]):
            t.cell(i, 0).text, t.cell(i, 1).text = label, value
    out = _extracted(d, tmp_path)
    assert [r["ref"] for r in out["recommendations"]] == ["Finding 1", "Finding 2"]
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("Finding 1", "accepted"), ("Finding 2", "partially_accepted")]
