"""Forms read in session 33 (see docs/design.md, "session 33")."""
from tests.word_papers import extracted, word_doc


def test_a_body_with_its_chair_in_brackets_and_a_separator_left_before_a_label():
    from extractors.entities.owners import split_owners
    got = split_owners("Policy and Procedures Sub-group (Chair: Insp. Dawn Kettleborough, Wealdmoor Police)")
    assert [(r, p) for r, p, _ in got] == [("Policy and Procedures Sub-group", "Dawn Kettleborough")]
    got = split_owners("Oral Health Improvement Group (chair: Priya Lal)")
    assert [(r, p) for r, p, _ in got] == [("Oral Health Improvement Group", "Priya Lal")]
    # "Responsible: Head of People (Deborah Rowse) – Target date: ...": the dash the date label left behind
    got = split_owners("Head of People (Deborah Rowse) –")
    assert [(r, p) for r, p, _ in got] == [("Head of People", "Deborah Rowse")]
    # an agency's short form of two words before the holder and post: "WBC HR – Gemma Thornbury, Head of HR and OD"
    got = split_owners("WBC HR – Gemma Thornbury, Head of HR and OD")
    assert [(r, p) for r, p, _ in got] == [("Head of HR and OD", "Gemma Thornbury")]
    # a bracket that names no one stays as printed
    got = split_owners("Safeguarding Board (Chair: to be appointed)")
    assert all(p is None for _, p, _ in got)


_doc = word_doc


def test_posts_and_holders_printed_in_sentences_in_table_columns_and_in_any_cell(tmp_path):
    from extractors.entities.minutes import posts_held
    from extractors.loaders import load_document
    d = _doc(["The Council accepted the finding, and the Chief Executive, Miriam Achterberg, asked me to review it.",
              "Harriet Osei, Head of Commissioning, said that the contract would be re-let.",
              "The Director of Finance and the Head of Legal, who attended, agreed."],
             [[["Initials", "Name", "Post"],
               ["PG", "Peter Gaskell", "Executive Director of Adult Services"],
               ["JP", "Jennifer Pattinson", "Principal Social Worker"]],
              [["Date of meeting", "9 December 2026", "Agenda item", "11"],
               ["Report of", "Helen Achebe, Director of People", "Report reference", "CAB/26/147"]],
              [["Responsible officer", "Stuart Haldane, Director of Resources (Section 151 Officer)"],
               ["Target date", "31 March 2027"]]])
    path = tmp_path / "held.docx"
    d.save(path)
    held = posts_held(load_document(path))
    assert held["Chief Executive"] == "Miriam Achterberg"
    assert held["Head of Commissioning"] == "Harriet Osei"
    assert held["Executive Director of Adult Services"] == "Peter Gaskell"
    assert held["Principal Social Worker"] == "Jennifer Pattinson"
    assert held["Director of People"] == "Helen Achebe"   # a cover table of four columns
    # the post with its office in brackets, and without: "Director of Resources" printed alone elsewhere
    assert held["Director of Resources (Section 151 Officer)"] == held["Director of Resources"] == "Stuart Haldane"
    assert "Director of Finance" not in held and "Head of Legal" not in held


def test_an_addressee_a_stem_gives_its_parts_takes_the_holder_the_paper_names(tmp_path):
    """The owners a stem gives its lettered parts are read before the holders are: "the Chief
    Executive" that a stem addresses is Miriam Achterberg where the paper names her."""
    d = _doc(["The Chief Executive, Miriam Achterberg, commissioned this review in June 2026.",
              "# Recommendations",
              "Recommendation 4: The Chief Executive should:",
              "a) commission a review of the management agreement by March 2027;",
              "b) report its findings to the Cabinet by June 2027."])
    out = extracted(d, tmp_path)
    parts = {r["rec_id"] for r in out["recommendations"] if r["ref"] and r["ref"].endswith(("4a", "4b"))}
    assert len(parts) == 2
    owners = {(o["parent_id"], o["role"], o["person"]) for o in out["owners"] if o["parent_id"] in parts}
    assert {(p, "Chief Executive", "Miriam Achterberg") for p in parts} <= owners


def test_a_key_holder_keeps_the_form_the_owners_print():
    """A post the owners print with "Cllr Priya Desai" and a key with "Priya Desai": the owners'
    form, so that the same holder is one owner of an item."""
    from extractors.entities.minutes import without_title
    assert without_title("Cllr Priya Desai") == without_title("Priya Desai") == "Priya Desai"


def test_paragraphs_numbered_by_a_bare_number_that_runs_on_are_a_list():
    from extractors.numbering import number_bare_runs
    from extractors.model import Block
    blocks = [Block(kind="paragraph", text=t) for t in (
        "Within one month of the final report, the Council should:", "1 Apologise to Ms B in writing.",
        "2 Pay Ms B £1,700.", "Within three months, the Council should:", "3 Review its complaints procedure.",
        "1 April 2027 is the start of the new contract.", "5 Year plans are common.")]
    number_bare_runs(blocks)
    assert [b.numbering for b in blocks] == [None, "1", "2", None, "3", None, None]
    assert blocks[1].text == "Apologise to Ms B in writing."


def test_what_a_report_says_the_council_should_do_under_lead_ins_that_give_deadlines(tmp_path):
    """An ombudsman's points under "Within one month ..., the Council should:" lead-ins, numbered
    on from one lead-in to the next (one point alone under the last); the answer's headings that
    print each point's title again ("Recommendation 1 apology") are the same recommendations."""
    d = _doc(["# The Ombudsman's recommendations",
              "Within one month of the date of the final report, the Council should:",
              "1 Apologise to Ms B in writing for the injustice caused by the faults identified in this report.",
              "2 Pay Ms B £250 for the time and trouble she was put to in pursuing her complaint.",
              "Within six months of the date of the final report, the Council should:",
              "3 Review its temporary accommodation procurement strategy to increase the supply of self-contained homes.",
              "# The Council's response",
              "Recommendation 1 apology",
              "Council response: Accepted and implemented."])
    out = extracted(d, tmp_path)
    recs = sorted((r["ref"], r["text"][:10]) for r in out["recommendations"])
    assert recs == [("1", "Apologise "), ("2", "Pay Ms B £"), ("3", "Review its")]
    # the lead-ins' deadlines count from the day the final report was issued, which this paper does not say
    assert out["timescales"] == []
    d.paragraphs[0].insert_paragraph_before("The Ombudsman's final report was issued on 12 May 2026.")
    out = extracted(d, tmp_path, name="dated.docx")
    by_ref = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    dues = sorted((by_ref[t["parent_id"]], str(t["due_date"])) for t in out["timescales"] if t["parent_id"] in by_ref)
    assert dues == [("1", "2026-06-12"), ("2", "2026-06-12"), ("3", "2026-11-12")]


def test_an_item_label_may_say_what_kind_of_point_it_is():
    from extractors.entities.narrative import _BARE_ITEM
    for label in ("Recommendation 1 (area for priority action)", "Recommendation 2 (key recommendation)",
                  "Recommendation 3 (area for improvement)"):
        assert _BARE_ITEM.fullmatch(label), label


def test_from_a_date_is_when_something_starts():
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert find_due_dates_in_sentence("The new highways contract will run from 1 April 2027 with a new KPI set.") == []
    assert [t.raw for t in find_due_dates_in_sentence("The survey will be repeated by March 2027.")] == ["by March 2027"]
    # asked whether an undertaking names a when at all, the start counts
    assert find_due_dates_in_sentence("The team manager will introduce triage from January 2027.", None, starts=True)
    # (was a due date before session 33, tests/test_timescales.py): when the transfer starts
    assert find_due_dates_in_sentence("The service will transfer to Adult Social Care from 1 April 2025.") == []


def test_a_heading_left_at_a_page_foot_is_no_running_footer():
    """"Recommendation 6" at the foot of page 3 and "Recommendation 9" at the foot of page 4: the number
    does not move with the page, so the lines are headings a page break left there; "Page 3 of 6" is."""
    from types import SimpleNamespace as NS
    from collections import Counter
    from extractors.loaders.pdf.furniture import _furniture_key, _numbers_apart_from_pages
    lines = {3: ["Recommendation 6", "EX/26/091 | Page 3 of 6"], 4: ["Recommendation 9", "EX/26/091 | Page 4 of 6"]}
    cands = {p: [(NS(text=t), "bottom|" + _furniture_key(t)) for t in ts] for p, ts in lines.items()}
    counts = Counter(k for items in cands.values() for _, k in items)
    odd = _numbers_apart_from_pages(cands, counts, 2)
    assert odd == {"bottom|" + _furniture_key("Recommendation 6")}


def test_a_response_printed_as_its_position_takes_the_paragraph_under_it(tmp_path):
    d = _doc(["# Response to the recommendations",
              "Recommendation 2",
              "The Cabinet Member for Highways should set a target to reduce the share of roads in poor condition to 15% by 2030/31.",
              "Response: Partly accepted",
              "3.2 The Executive agrees that a target is needed but does not consider 15% achievable with the funding expected.",
              "The Council will:",
              "Lead: Tom Brierley, Highways Asset Manager"])
    out = extracted(d, tmp_path)
    got = [(r["rec_ref"], r["status"], r["text"]) for r in out["responses"]]
    assert len(got) == 1 and got[0][1] == "partially_accepted"
    assert "does not consider 15% achievable" in got[0][2]


def test_a_labelled_recommendation_ends_at_the_next_numbered_paragraph(tmp_path):
    """Paragraphs numbered straight through (1, 2, ... 24): "9. Residents' views ..." after the boxed
    recommendation is the report's evidence again."""
    from extractors.entities.inquiry import labelled_recommendations
    from extractors.loaders import load_document
    d = _doc(["RECOMMENDATION 1",
              "The Executive should adopt a ten-year Highway Asset Management Plan by March 2027.",
              "9. Residents’ views match the survey data: 31% were satisfied with the condition of roads."])
    path = tmp_path / "review.docx"
    d.save(path)
    recs = labelled_recommendations(load_document(path), None)
    assert [(r.ref, r.text) for r in recs] == [
        ("1", "The Executive should adopt a ten-year Highway Asset Management Plan by March 2027.")]


def test_a_deadline_printed_after_an_items_words_under_its_own_label(tmp_path):
    """A plan's banner row "Recommendation 5 – Review ... accommodation. Ombudsman deadline: 12 August
    2026" over its actions: the deadline is the recommendation's timescale, not part of its words."""
    import docx
    d = docx.Document()
    d.add_heading("Progress on the action plan", level=1)
    t = d.add_table(rows=3, cols=4)
    for j, h in enumerate(["Action", "Lead", "Due", "RAG"]):
        t.cell(0, j).text = h
    banner = t.cell(1, 0).merge(t.cell(1, 3))
    banner.text = ("Recommendation 5 – Review the cases of all families in bed and breakfast and move any who have "
                   "been there for more than six weeks. Ombudsman deadline: 12 August 2026")
    for j, v in enumerate(["5.1 Review every household in bed and breakfast", "Kirsty Lomax, Temporary Accommodation Manager",
                           "31/07/2026", "Green"]):
        t.cell(2, j).text = v
    out = extracted(d, tmp_path)
    rec = next(r for r in out["recommendations"] if (r["ref"] or "").endswith("5"))
    assert rec["text"].endswith("for more than six weeks.")
    dues = {(str(x["due_date"]), x["raw"]) for x in out["timescales"] if x["parent_id"] == rec["rec_id"]}
    assert ("2026-08-12", "Ombudsman deadline: 12 August 2026") in dues


def test_a_post_printed_alone_takes_its_holder_whatever_the_case_and_ampersand(tmp_path):
    d = _doc(["# Action log",
              "Key to leads: Head of Finance and Procurement – Jane Okafor; Democratic Services Manager – Tom Reid."],
             [[["Ref", "Action", "Owner", "Deadline"],
               ["1", "Circulate the revised budget monitoring template to members", "Head of Finance & Procurement", "31 January 2027"],
               ["2", "Book the venue for the members' seminar", "democratic services manager", "28 February 2027"]]])
    out = extracted(d, tmp_path)
    assert sorted(o["person"] for o in out["owners"]) == ["Jane Okafor", "Tom Reid"]


def test_an_audit_findings_record_under_its_title_row_with_its_actions_below(tmp_path):
    """"Recommendation 1 – Invoicing ... | Priority: HIGH" (the title merged across the grid) over
    label | value rows ("Finding", "Recommendation", "Management response") and a grid of the agreed
    actions: management's response answers recommendation 1, and the recommendation is read once."""
    import docx
    d = docx.Document()
    d.add_heading("4 Findings, recommendations and agreed actions", level=1)
    t = d.add_table(rows=7, cols=4)
    title = t.cell(0, 0).merge(t.cell(0, 2))
    title.text = "Recommendation 1 – Invoicing of application charges"
    t.cell(0, 3).text = "Priority: HIGH"
    for i, (label, value) in enumerate([
            ("Finding", "Eleven of the 40 applications we tested had no invoice raised before the work began."),
            ("Recommendation", "Every building regulations application should be invoiced through the finance system at validation."),
            ("Management response", "Agreed.")], 1):
        t.cell(i, 0).text = label
        t.cell(i, 1).merge(t.cell(i, 3)).text = value
    for j, h in enumerate(["Ref", "Agreed action", "Responsible officer", "Target date"]):
        t.cell(4, j).text = h
    for j, v in enumerate(["1.1", "Configure the case management system to block cases without an invoice",
                           "ICT Business Partner", "30 November 2026"]):
        t.cell(5, j).text = v
    out = extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("1", "accepted")]
    assert len([r for r in out["recommendations"] if r["text"].startswith("Every building regulations")]) == 1


def test_a_ref_cell_that_prints_the_priority_after_the_ref(tmp_path):
    from extractors.entities.responses import _ref_in_cell
    assert [_ref_in_cell(t) for t in ("R3 Priority 2", "R3\nPriority 1", "R3 (High)", "3(a)", "4.1", "IA 2 Medium")] == \
        ["R3", "R3", "R3", "3(a)", "4.1", "IA 2"]
    d = _doc(["# Progress on audit recommendations"],
             [[["Ref", "Recommendation", "Management response", "Status"],
               ["R1 Priority 1", "The Council should reconcile the payroll monthly.", "Agreed. Monthly reconciliations began in May.", "Implemented"],
               ["R2 Priority 2", "The Council should review leavers' access within five days.", "Agreed. A weekly report now goes to ICT.", "Implemented"]]])
    out = extracted(d, tmp_path)
    assert sorted(r["rec_ref"] for r in out["responses"]) == ["R1", "R2"]


def test_a_bold_lettered_part_is_no_heading(tmp_path):
    """"(a) the contractor pays for ...; and" set in bold under a bold recommendation: a part of a
    list, not a heading (it ends with "; and", it opens in lower case after its letter)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from extractors.loaders import load_document
    path = tmp_path / "parts.pdf"
    body = getSampleStyleSheet()["BodyText"]
    story = [Paragraph(t, body) for t in (
        "The review heard evidence from residents, parish councils and the contractor over six sessions.",
        "<b>The Director should renegotiate the highways term maintenance contract so that:</b>",
        "<b>(a) the contractor pays for re-doing any permanent repair that fails within two years; and</b>",
        "<b>(b) the contract performance indicators are reported to this Committee every six months.</b>",
        "The Committee will review progress in July 2027.")]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    blocks = load_document(path).blocks
    part = next(b for b in blocks if b.text.startswith("the contractor pays"))
    assert part.kind == "list_item" and part.numbering == "(a)"


def test_two_columns_whose_lines_sit_at_different_heights_are_read_column_by_column(tmp_path):
    """A full-width paragraph, then two columns of bullets whose baselines do not line up (few lines
    split at the gutter): each column is read on its own, not across the gutter line by line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from extractors.loaders import load_document
    path = tmp_path / "columns.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    y = 800
    for k in range(5):   # a full-width passage over the columns, more lines than the columns share a baseline
        for line in ("The UK government will continue to develop and list an inventory of all the datasets it owns,",
                     "whether published or unpublished, in order to identify the National Information Infrastructure."):
            c.drawString(56, y, line)
            y -= 14
    # bullets that wrap onto a second line in each column, the right column's lines set between the left's
    left = [("• Concealed pregnancy risks in the", "family and no antenatal care"), ("• Unwanted pregnancy risks and", "no support at home"),
            ("• Older parents at home without", "any help from relatives"), ("• Relationship breakdown seen by", "the school and the GP")]
    right = [("• Isolated from their peers at", "school and in the community"), ("• Informal school exclusion by", "the head teacher"),
             ("• Bullying other children in", "the playground"), ("• Parents reluctant to engage", "with the school")]
    for k, (a, b) in enumerate(left):
        c.drawString(56, 640 - k * 32, a)
        c.drawString(64, 624 - k * 32, b)
    for k, (a, b) in enumerate(right):
        c.drawString(310, 632 - k * 32, a)
        c.drawString(318, 616 - k * 32, b)
    c.showPage()
    c.save()
    texts = [b.text for b in load_document(path).blocks]
    assert "Concealed pregnancy risks in the family and no antenatal care" in texts
    assert "Isolated from their peers at school and in the community" in texts
