"""Forms read in session 32 (see docs/design.md, "session 32")."""
from extractors.loaders.pdf.tables import _closing_lines
from tests.word_papers import extracted


def _v(x, top, bottom):
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _h(x0, x1, y):
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def test_a_row_cut_by_the_page_break_is_closed_across_a_filled_rag_cell():
    # the column rulings stop at the page's foot (y 779) with no border under the cut row; the
    # RAG cell's fill draws a short edge under its own column (496-544) only
    xs = (51, 80, 185, 280, 330, 496, 544)
    edges = [_v(x, 682, 779) for x in xs] + [_h(51, 544, 682), _h(51, 544, 697), _h(51, 544, 758), _h(496, 544, 779)]
    got = _closing_lines(edges)
    assert len(got) == 1
    assert (got[0]["x0"], got[0]["x1"], round(got[0]["top"])) == (51, 544, 779)


def test_a_closed_table_gets_no_closing_line():
    xs = (51, 185, 330, 544)
    edges = [_v(x, 100, 300) for x in xs] + [_h(51, 544, 100), _h(51, 544, 300)]
    assert _closing_lines(edges) == []


def _plan_with_steps_after_the_last_table():
    import docx
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Progress against the recommendations", level=1)
    for n, (item, rows) in enumerate([
            ("Improve the quality of assessments for children in need, so that plans are specific.",
             [("1.1 Introduce a revised assessment template", "Head of Assessment – Ruth Akers", "March 2027", "Amber")]),
            ("Reduce persistent absence, particularly for learners eligible for free school meals.",
             [("2.1 Appoint two education welfare officers", "Principal Officer, Inclusion – Siôn Hale", "September 2026", "Green"),
              ("2.2 Introduce a managed moves protocol", "Principal Officer, Inclusion – Siôn Hale", "January 2027", "Amber")])], 1):
        d.add_paragraph(f"Area for improvement {n}: {item}", style="List Number")
        d.add_paragraph("Overall RAG: Amber")
        add_table(d, [["Action", "Lead officer", "Target date", "RAG"], *[list(r) for r in rows]])
    d.add_paragraph("Actions behind schedule. The following recovery steps have been agreed by the Improvement Board:")
    d.add_paragraph("Action 1.1 two further training days will be held for the remaining officers (Lead: Ruth Akers, by 26 February 2027).",
                    style="List Bullet")
    return d


def test_a_table_answers_the_item_above_it_when_later_steps_were_given_to_that_item(tmp_path):
    """Steps printed after the last table (recovery steps) do not stop that table answering the item
    printed over it; a note printed under every item ("Overall RAG: Amber") names none of them."""
    out = extracted(_plan_with_steps_after_the_last_table(), tmp_path)
    items = {r["rec_id"]: r["text"] for r in out["recommendations"]}
    by_action = {a["text"]: items.get(a["rec_id"], "") for a in out["actions"]}
    assert by_action["Appoint two education welfare officers"].startswith("Reduce persistent absence")
    assert by_action["Introduce a revised assessment template"].startswith("Improve the quality")
    leads = {(items.get(o["parent_id"], "")[:6], o["person"]) for o in out["owners"] if o["parent_type"] == "recommendation"}
    assert ("Reduce", "Siôn Hale") in leads


def test_a_column_of_refs_drawn_without_rulings_is_split_into_its_rows():
    from extractors.loaders.pdf.records import Word
    from extractors.loaders.pdf.tables import _split_stacked_keys
    # the ref column is one tall cell (60-180) beside three ruled text rows; "R1", "R2", "R3" at each row's top
    grid = [[(50, 60, 90, 180), (90, 60, 500, 100)], [None, (90, 100, 500, 140)], [None, (90, 140, 500, 180)]]
    refs = [Word(f"R{k + 1}", 55, 70, 63 + 40 * k, 72 + 40 * k, 9, 1.0) for k in range(3)]
    cells = {(0, 0): refs, (0, 1): [], (1, 1): [], (2, 1): []}
    _split_stacked_keys(grid, cells)
    assert [[w.text for w in cells.get((r, 0), [])] for r in range(3)] == [["R1"], ["R2"], ["R3"]]
    # a merged cell whose text runs on down the rows it spans stays one cell
    grid = [[(50, 60, 90, 180), (90, 60, 500, 100)], [None, (90, 100, 500, 140)], [None, (90, 140, 500, 180)]]
    lines = [Word("text", 55, 70, 63 + 10 * k, 72 + 10 * k, 9, 0.0) for k in range(11)]
    cells = {(0, 0): lines}
    _split_stacked_keys(grid, cells)
    assert list(cells) == [(0, 0)] and grid[1][0] is None


def test_holders_in_brackets_with_more_than_a_name():
    from extractors.entities.owners import split_owners
    def got(t):
        return [(r, p) for r, p, _ in split_owners(t)]
    assert got("Contract Monitoring Officer (Leisure) (Callum Reid)") == [("Contract Monitoring Officer (Leisure)", "Callum Reid")]
    assert got("Foxhallow Leisure Trust (Dana Whitlock, Chief Executive)") == [("Foxhallow Leisure Trust", "Dana Whitlock")]
    assert got("Ashenshire County Council (Cabinet Member for Highways and Transport)") == \
        [("Ashenshire County Council", None), ("Cabinet Member for Highways and Transport", None)]
    assert got("Head of Safeguarding (Wansdyke Hospitals)") == [("Head of Safeguarding (Wansdyke Hospitals)", None)]


def test_a_summary_box_with_refs_in_a_column_and_who_should_do_it_lines(tmp_path):
    import docx
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Final report of the task and finish group", level=1)
    t = add_table(d, [["Summary of recommendations", "Summary of recommendations"],
                      ["R1", "The Executive should replace the three concession schemes with a single card by 1 April 2027.\n"
                             "Who should do it: Head of Leisure and Culture (Martin Ebdon)"],
                      ["R2", "The Trust should restore a telephone booking line at each centre by December 2026.\n"
                             "Who should do it: Customer Services Manager (Priya Sandhu)"]])
    t.cell(0, 0).merge(t.cell(0, 1)).text = "Summary of recommendations"
    out = extracted(d, tmp_path)
    recs = {r["ref"]: r for r in out["recommendations"]}
    assert set(recs) == {"R1", "R2"}
    assert not any("Who should" in r["text"] for r in recs.values())
    by_rec = {(recs_id, o["person"]) for o in out["owners"] for recs_id in [next(k for k, r in recs.items() if r["rec_id"] == o["parent_id"])]}
    assert ("R1", "Martin Ebdon") in by_rec and ("R2", "Priya Sandhu") in by_rec


def test_a_recommendation_quoted_in_a_box_under_its_label_and_answered_in_bold(tmp_path):
    import docx
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Detailed responses to the Committee's recommendations", level=1)
    d.add_heading("Recommendation 1", level=2)
    add_table(d, [["The Government should, by April 2027, begin publishing quarterly statistics on waiting for care."]])
    d.add_paragraph().add_run("Response: Accept").bold = True
    d.add_paragraph("The Government agrees that people need regular, comparable information on waiting.")
    d.add_paragraph().add_run("What we will do").bold = True
    for step in ("Publish the first experimental statistics in April 2027.", "Publish the statistics every quarter after that."):
        d.add_paragraph(step, style="List Bullet")
    d.add_paragraph("Lead: Head of Social Care Statistics")
    out = extracted(d, tmp_path)
    recs = [r for r in out["recommendations"] if r["ref"] == "Recommendation 1"]
    assert len(recs) == 1 and recs[0]["text"].startswith("The Government should, by April 2027")
    assert {a["text"] for a in out["actions"] if a["rec_id"] == recs[0]["rec_id"]} == \
        {"Publish the first experimental statistics in April 2027.", "Publish the statistics every quarter after that."}


def test_when_something_starts_is_no_due_date():
    from datetime import date
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    def raws(t):
        return [x.raw for x in find_due_dates_in_sentence(t, date(2026, 11, 5))]
    assert raws("That the Executive approves a growth bid of £55,000 a year from 2027/28 for the card.") == []
    assert raws("The Executive will fund it from 2027/28.") == []
    assert raws("Reports will run from January 2027.") == []
    # (session 33: "from <date>" is when something starts, however the clause is worded; the golds read
    # "will be in place from April 2027" as a start too, labelling.md)
    assert raws("The new service will be in place from April 2027.") == []
    assert raws("The card will be launched by 1 April 2027.") == ["by 1 April 2027"]


def test_a_banner_quoting_the_inspection_and_naming_its_lead():
    from extractors.entities.action_plans import _banner_lead
    text, who = _banner_lead("Ofsted: “The consistency and impact of management oversight and supervision.” "
                             "Senior Responsible Officer: Anita Okonjo, Strategic Director")
    assert text == "The consistency and impact of management oversight and supervision."
    assert who == "Anita Okonjo, Strategic Director"
    assert _banner_lead("Improve the timeliness of assessments: the local authority should act") == \
        ("Improve the timeliness of assessments: the local authority should act", None)


def test_what_a_notice_asks_of_the_council_is_a_list_of_recommendations(tmp_path):
    import docx
    d = docx.Document()
    d.add_heading("3 Background", level=2)
    d.add_paragraph("3.2 The Notice asks the Council to:")
    for x, t in (("a", "set a balanced budget and a medium-term financial strategy that do not rely on reserves;"),
                 ("b", "improve its arrangements for commissioning and managing contracts; and"),
                 ("c", "stabilise its senior leadership and reduce its reliance on interim staff.")):
        d.add_paragraph(f"({x}) {t}")
    out = extracted(d, tmp_path)
    got = {(r["ref"], r["kind"]) for r in out["recommendations"]}
    assert {("(a)", "improvement"), ("(b)", "improvement"), ("(c)", "improvement")} <= got


def test_cover_labels_over_their_values(tmp_path):
    import docx
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Foxhallow District Council", level=0)
    add_table(d, [["Meeting date", "Agenda item", "Report reference", "Key decision"],
                  ["5 November 2026", "11", "EX/26/052", "Yes"]])
    add_table(d, [["Report of", "Portfolio Holder", "Report author", "Wards"],
                  ["Director of Communities", "Cllr Rachel Oduya", "Martin Ebdon, Head of Leisure", "All"]])
    add_table(d, [["DATE OF MEETING\nThursday 17 September 2026", "AGENDA ITEM\n8"]])
    d.add_paragraph("Response to the review of access to leisure centres")
    d.save(tmp_path / "cover.docx")
    meta = extract_metadata(load_document(tmp_path / "cover.docx"))
    assert str(meta.get("meeting_date")) == "2026-11-05"
    assert meta.get("report_ref") == "EX/26/052"
    assert meta.get("author") == "Martin Ebdon"


def test_a_long_stem_before_its_lettered_parts_and_one_requirements_means():
    from extractors.entities.items import Prov, Recommendation
    from extractors.entities.passes import inline_parts
    from types import SimpleNamespace
    long_stem = ("The Government should work with councils and Social Care Wrangholm to increase the number of people able "
                 "to carry out assessments. In particular, it should: (a) fund a regional apprenticeship with 30 places a year; "
                 "(b) extend trusted assessor schemes to every council area by March 2028; and (c) report to this Committee "
                 "every six months on vacancy rates.")
    means = ("By 30 November 2026, the provider must ensure that the service is well led. To do this, the provider must, "
             "at a minimum: a) carry out regular audits of personal plans; b) use the findings from audits to keep the plan "
             "up to date; and c) make sure that managers have enough time to oversee care.")
    recs = [Recommendation(kind="improvement", text=long_stem, ref="Recommendation 3", prov=Prov(None, long_stem, "r3")),
            Recommendation(kind="improvement", text=means, ref="2", prov=Prov(None, means, "r2"))]
    ctx = SimpleNamespace(recs=recs, meta={}, table_metrics=[])
    inline_parts(ctx)
    assert [r.ref for r in ctx.recs] == ["Recommendation 3(a)", "Recommendation 3(b)", "Recommendation 3(c)", "2"]


def test_a_response_counts_within_months_from_its_own_date(tmp_path):
    import docx
    from extractors.entities.context import anchor_date
    from extractors.loaders import load_document
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Written Response by the Government to the report of the Committee", level=0)
    add_table(d, [["Committee report", "Report LSC 07/26"], ["Date of response", "27 January 2027"]])
    d.save(tmp_path / "r.docx")
    assert str(anchor_date(load_document(tmp_path / "r.docx"), {})) == "2027-01-27"


def test_cover_titles_with_a_subtitle_a_version_line_and_a_plain_title_line(tmp_path):
    import docx
    from extractors.loaders import load_document
    from extractors.metadata import extract_metadata
    from tests.word_papers import add_table

    def title_of(build, name):
        d = docx.Document()
        build(d)
        d.save(tmp_path / name)
        return extract_metadata(load_document(tmp_path / name))["title"]

    def subtitle(d):
        d.add_heading("Caring in Tollemarsh", level=0)
        d.add_heading("Carers' Strategic Needs Assessment 2026", level=1)
        d.add_paragraph("Carers told us about their lives.")
    assert title_of(subtitle, "a.docx") == "Caring in Tollemarsh: Carers' Strategic Needs Assessment 2026"

    def version(d):
        d.add_heading("Purchasing Cards", level=0)
        d.add_heading("FINAL REPORT", level=1)
    assert title_of(version, "b.docx") == "Purchasing Cards"

    def plain(d):
        d.add_heading("KETTERBY CITY COUNCIL", level=1)
        d.add_paragraph("Making Active Travel Work for Ketterby: Executive response to the Scrutiny Committee review")
        add_table(d, [["Date of meeting:", "1 December 2026"], ["Report author:", "Craig Wetherall"]])
        d.add_heading("1 Purpose of the report", level=1)
        d.add_heading("Summary of the response", level=2)
    assert title_of(plain, "c.docx") == "Making Active Travel Work for Ketterby: Executive response to the Scrutiny Committee review"


def test_numbered_decisions_and_their_inline_parts():
    from extractors.loaders.pdf.lines import _next_sibling_number
    from extractors.numbering import split_numbering
    from extractors.entities.passes import _INLINE_FIRST
    assert _next_sibling_number("2.1 notes the progress made", "2.2 comments on the actions rated red")
    assert not _next_sibling_number("2.1 notes the progress made", "2.3 requests a report")
    assert split_numbering("2.2 comments on the actions rated red and amber")[0] == "2.2"
    assert split_numbering("2.2 seeks assurance that the plan is on track")[0] == "2.2"
    assert split_numbering("5.1 percent of children")[0] is None
    assert _INLINE_FIRST.match("that the Committee (i) notes the progress; and (ii) agrees the dates")
    assert _INLINE_FIRST.match("(a) That the Council introduces a levy; and (b) that it asks")
    assert not _INLINE_FIRST.match("That the Committee notes (a) the report")


def test_a_numbered_title_over_the_quoted_point_with_progress_and_next_steps(tmp_path):
    import docx
    d = docx.Document()
    d.add_heading("Theme 1: Working with people", level=2)
    d.add_paragraph().add_run("1.1 Waiting for assessments").bold = True
    d.add_paragraph("CQC said: “People waiting for a Care Act assessment should be contacted and have their risks "
                    "reviewed while they wait.”", style="Quote")
    d.add_paragraph("Lead: Head of Adult Social Work – Fiona Marsh")
    d.add_paragraph("Target date: 31 March 2027")
    d.add_paragraph().add_run("Progress this quarter:").bold = True
    d.add_paragraph("The number of people waiting fell from 1,186 to 1,034.")
    d.add_paragraph().add_run("Next steps:").bold = True
    d.add_paragraph("Recruit four additional occupational therapists (Head of Adult Social Work – Fiona Marsh, by March 2027).",
                    style="List Bullet")
    d.add_paragraph("Report waiting list performance to the Improvement Board monthly.", style="List Bullet")
    out = extracted(d, tmp_path)
    rec = next(r for r in out["recommendations"] if r["ref"] == "1.1")
    assert rec["text"].startswith("People waiting for a Care Act assessment")
    steps = {a["text"]: a for a in out["actions"] if a["rec_id"] == rec["rec_id"]}
    assert set(steps) == {"Recruit four additional occupational therapists",
                          "Report waiting list performance to the Improvement Board monthly."}
    assert any(o["parent_id"] == steps["Recruit four additional occupational therapists"]["action_id"] and o["person"] == "Fiona Marsh"
               for o in out["owners"])


def test_a_post_printed_alone_takes_the_holder_the_paper_names_with_it(tmp_path):
    import docx
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Response to the review", level=1)
    add_table(d, [["No.", "Recommendation", "Action", "Responsible officer", "Target date"],
                  ["1", "The Council should publish a single concession card.", "Publish the card", "Director of People – Helen Achebe", "April 2027"],
                  ["2", "The Council should review charges.", "Review the charges", "Director of People", "June 2027"]])
    out = extracted(d, tmp_path)
    assert sorted((o["role"], o["person"]) for o in out["owners"]) == [("Director of People", "Helen Achebe")] * 2


def test_a_combined_officer_and_date_cell(tmp_path):
    import docx
    from extractors.entities.owners import split_owners
    from tests.word_papers import add_table
    assert [(r, p) for r, p, _ in split_owners("Officer: Sarah Whitlam, Income and Debt Manager\nDate: 30 November 2026")] == \
        [("Income and Debt Manager", "Sarah Whitlam")]
    d = docx.Document()
    add_table(d, [["No.", "Recommendation", "Priority", "Management response and agreed action", "Officer and date"],
                  ["1", "Introduce a monthly report of expiring DBS certificates.", "High", "Agreed.",
                   "Officer: Licensing Manager (Gemma Rudd)\nDate: 31 October 2026, then monthly"],
                  ["2", "Search the register for every new applicant.", "High", "Agreed.",
                   "Officer: Senior Licensing Officer (Paul Jagger) Date:\nImplemented 1 August 2026"]])
    out = extracted(d, tmp_path)
    assert sorted((o["role"], o["person"]) for o in out["owners"]) == [("Licensing Manager", "Gemma Rudd"),
                                                                       ("Senior Licensing Officer", "Paul Jagger")]


def test_an_answer_that_takes_each_part_in_turn():
    from extractors.entities.items import Prov
    from extractors.entities.responses import answer_parts as _answer_parts
    from extractors.entities.responses import Response
    def resp(ref, text):
        return Response(ref, None, None, None, None, text, Prov(None, text, "r"))
    got = _answer_parts(resp("6", "(a) Not accepted. A levy can only be introduced by the licensing authority. "
                                  "(b) Accepted. The Director of Public Health will write to the districts."))
    assert [(r.rec_ref, r.status) for r in got] == [("6(a)", "rejected"), ("6(b)", "accepted")]
    one = _answer_parts(resp("R4", "Agreed. (a) Approver rights were removed. (b) A monthly report will be sent."))
    assert [r.rec_ref for r in one] == ["R4"]   # one position on the whole, then its lettered steps
    row = _answer_parts(resp("TC3", "(b) Partially accepted. Cabinet will fund a warden for one year."))
    assert [(r.rec_ref, r.text) for r in row] == [("TC3(b)", "Partially accepted. Cabinet will fund a warden for one year.")]


def test_a_post_with_its_holder_in_brackets_within_a_list_of_owners():
    from extractors.entities.owners import split_owners
    got = [(r, p) for r, p, _ in split_owners("Head of Service, Children in Care (David Ashworth) / Head of Housing Needs")]
    assert got == [("Head of Service, Children in Care", "David Ashworth"), ("Head of Housing Needs", None)]
    got = [(r, p) for r, p, _ in split_owners("Designated Clinical Officer (Becky Tolland) and Head of Inclusion")]
    assert got == [("Designated Clinical Officer", "Becky Tolland"), ("Head of Inclusion", None)]


def test_recovery_actions_written_as_sentences_of_who_will_do_what_by_when(tmp_path):
    import docx
    d = docx.Document()
    d.add_heading("Exception report: delayed discharges", level=2)
    d.add_heading("Recovery actions", level=3)
    d.add_paragraph("The Head of Integrated Discharge will open 12 additional beds at Brookfield Court by 31 December 2026. "
                    "The Deputy Chief Nurse will introduce a discharge standard on all medical wards by the end of November 2026. "
                    "In addition, the Head of Commissioning will agree a trusted assessor arrangement by February 2027.")
    out = extracted(d, tmp_path)
    texts = sorted(a["text"][:30] for a in out["actions"])
    assert texts == ["In addition, the Head of Commi", "The Deputy Chief Nurse will in", "The Head of Integrated Dischar"]
    assert len(out["timescales"]) == 3


def test_a_table_counting_answers_by_status_gives_no_responses_and_a_ref_column_names_the_row(tmp_path):
    import docx
    from tests.word_papers import add_table
    d = docx.Document()
    d.add_heading("Response to the Scrutiny Committee's review", level=1)
    add_table(d, [["Cabinet decision", "Recommendations", "Number"],
                  ["Accepted", "1, 4(b), 5", "3"], ["Not accepted", "4(a)", "1"], ["Accepted in part", "2, 3", "2"]])
    add_table(d, [["Rec No", "Recommendation (abridged)", "Accepted / not accepted", "Cabinet response"],
                  ["R4", "Three-year funding agreements from 1 April 2027.", "Partially accepted",
                   "Three-year agreements are accepted; yearly increases are not."]])
    out = extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in out["responses"]] == [("R4", "partially_accepted")]
