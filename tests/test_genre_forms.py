"""Papers of genres the fixtures hold few of, printed as PDFs the way their
issuers set them: an inspectorate's report (a title with a span of years, a
recommendation whose bullets finish its sentence, areas for improvement
addressed to "the force"), a safeguarding review addressed to two bodies, a
peer challenge's imperative key recommendations, a risk register and a KPI
report titled by quarter, an action log titled with its date, a cabinet
report whose recommendations are unnumbered paragraphs."""
import pytest

from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata


def _render(tmp_path, src: str):
    """'# ' title (reportlab Title style), '## ' heading, '| a | b |' table
    rows (the first is the header), any other line a paragraph."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ss = getSampleStyleSheet()
    story, rows = [], []

    def flush():
        if rows:
            t = Table([[Paragraph(c, ss["BodyText"]) for c in r] for r in rows], repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.extend([t, Spacer(1, 8)])
            rows.clear()
    for line in src.strip("\n").split("\n"):
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush()
        if line.startswith("## "):
            story.append(Paragraph(line[3:], ss["Heading2"]))
        elif line.startswith("# "):
            story.append(Paragraph(line[2:], ss["Title"]))
        elif line.strip():
            story.append(Paragraph(line, ss["BodyText"]))
    flush()
    path = tmp_path / "paper.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    doc = load_document(path)
    meta = extract_metadata(doc)
    return meta, extract_all(doc, meta)


INSPECTION = """
# PEEL 2023–25: An inspection of Northshire Police
His Majesty's Inspectorate of Constabulary and Fire & Rescue Services
Published 12 March 2024
## Causes of concern and recommendations
Cause of concern: The force isn't answering emergency and non-emergency calls quickly enough.
Recommendation 1: Within six months, Northshire Police should make sure that:
• it answers emergency calls within ten seconds, in line with national standards;
• it reduces the number of abandoned non-emergency calls; and
• call handlers use a structured triage process.
## Areas for improvement
Area for improvement 1: The force should improve how it records equality data.
Area for improvement 2: The force should make sure that it has enough detectives to investigate serious crime.
"""


def test_an_inspectorates_recommendation_whose_bullets_finish_its_sentence(tmp_path):
    meta, got = _render(tmp_path, INSPECTION)
    assert meta["title"] == "PEEL 2023–25: An inspection of Northshire Police"   # a span of years is not a table row
    recs = got["recommendations"]
    assert [r["ref"] for r in recs] == ["Recommendation 1", "Area for improvement 1", "Area for improvement 2"]
    assert all(r["kind"] == "improvement" for r in recs)
    # one recommendation, its bullets inside it, not three actions
    assert recs[0]["text"].startswith("Within six months, Northshire Police should make sure that: it answers")
    assert recs[0]["text"].endswith("call handlers use a structured triage process.")
    assert not got["actions"]
    owners = {(o["parent_id"], o["role"]) for o in got["owners"]}
    assert owners == {(recs[0]["rec_id"], "Northshire Police"), (recs[1]["rec_id"], "The force"),
                      (recs[2]["rec_id"], "The force")}
    due = [(t["parent_id"], str(t["due_date"])) for t in got["timescales"]]
    assert due == [(recs[0]["rec_id"], "2024-09-12")]   # six months from publication


def test_steps_listed_after_a_plan_items_lead_in_are_not_part_of_it(tmp_path):
    """'... The recovery measures are:' then '(a) offer ...' is what the
    council does, not the rest of a recommending sentence."""
    meta, got = _render(tmp_path, """
# Improvement plan progress report
Recommendation 3: IRO recruitment. Two of the three vacant posts have not been filled. The recovery measures are:
(a) offer a market supplement of £3,000 a year for IRO posts from January 2026; and
(b) engage two locum IROs as an interim measure until the permanent posts are filled.
""")
    assert [r["text"] for r in got["recommendations"]] == [
        "IRO recruitment. Two of the three vacant posts have not been filled. The recovery measures are:"]


def test_a_review_addressed_to_two_bodies_gives_each_an_owner(tmp_path):
    meta, got = _render(tmp_path, """
# Safeguarding Adult Review: Mr B
Westshire Safeguarding Adults Board
## Recommendations
Recommendation 1
The Safeguarding Adults Board should seek assurance from partner agencies that staff apply the Mental Capacity Act when a person repeatedly declines care.
Recommendation 2: The ICB and the Council should jointly commission training on executive functioning for frontline practitioners.
Recommendation 3: The Council and the Health and Wellbeing Board should publish a self-neglect strategy.
""")
    recs = got["recommendations"]
    assert [r["ref"] for r in recs] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]
    by_rec = {}
    for o in got["owners"]:
        by_rec.setdefault(o["parent_id"], []).append(o["role"])
    assert [by_rec.get(r["rec_id"]) for r in recs] == [
        ["The Safeguarding Adults Board"], ["The ICB", "the Council"], ["The Council", "the Health and Wellbeing Board"]]


def test_a_peer_challenges_imperative_recommendations_are_improvements(tmp_path):
    meta, got = _render(tmp_path, """
# Corporate Peer Challenge: Eastbrook Borough Council
Feedback report, 10–13 October 2023
## 2. Key recommendations
There are a number of observations and suggestions within the main section of the report. The following are the peer team's key recommendations to the council:
2.1 Develop a clear and compelling narrative for the council's priorities and share it with staff and partners.
2.2 Refresh the Medium Term Financial Strategy, including a savings plan that closes the gap by 2026/27.
2.3 Strengthen the role of scrutiny by agreeing a work programme aligned to the council plan.
## 3. Summary of the peer challenge approach
The peer team considered five themes.
""")
    recs = got["recommendations"]
    assert [r["ref"] for r in recs] == ["2.1", "2.2", "2.3"]
    # the peer team recommends them to the council: not decisions put to a meeting
    assert {r["kind"] for r in recs} == {"improvement"}


@pytest.mark.parametrize("title", ["Corporate Risk Register - Quarter 3 2024/25", "Quarter 2 Performance Report 2024/25",
                                   "Draft Revenue Budget 2025-26 and 2025-28 MTFP"])
def test_a_title_naming_its_quarter_or_years_is_the_title(tmp_path, title):
    meta, _ = _render(tmp_path, f"# {title}\nAudit and Governance Committee, 28 January 2025\n## Introduction\n"
                                "This report sets out the position at the end of the quarter.")
    assert meta["title"] == title


def test_a_row_of_figures_in_bold_is_still_not_a_heading(tmp_path):
    from extractors.loaders.pdf.lines import _figures
    assert _figures("Total 1,432.3 1,455.6 23.3") == 3
    assert _figures("Indicator 2022 2023 2024") == 3          # years heading a table's columns
    assert _figures("Corporate Risk Register - Quarter 3 2024") == 0
    assert _figures("Children in care 2023–24 2024–25") == 0


def test_an_action_logs_title_carries_its_date_and_names_its_panel(tmp_path):
    meta, got = _render(tmp_path, """
# Data Panel Action Log – 19 July 2013
## Collaboration Space
| No. | Action | Owner | Deadline | Progress |
| 1 | Write to the Department about licensing of address data | Secretariat | September 2013 | Open |
""")
    assert meta["committee"] == "Data Panel"
    assert meta["title"] == "Data Panel Action Log – 19 July 2013"
    assert str(meta["meeting_date"]) == "2013-07-19"


def test_a_select_committee_reports_place_in_its_series_is_not_its_title(tmp_path):
    meta, _ = _render(tmp_path, """
## 2nd Report of Session 2010–12
# Behaviour Change
Science and Technology Select Committee
## Summary
We were asked to look at behaviour change interventions.
""")
    assert meta["title"] == "Behaviour Change"


def test_a_kpi_named_by_the_time_or_share_it_measures_gives_its_bare_figures_that_unit(tmp_path):
    _, got = _render(tmp_path, """
# Quarter 2 Performance Report 2024/25
Overview and Scrutiny Committee, 12 November 2024
## Performance against key indicators
| Ref | Indicator | Target | Q1 | Q2 | Status |
| KPI 1 | Percentage of major planning applications determined within 13 weeks | 85 | 88 | 91 | Green |
| KPI 2 | Average days to process new housing benefit claims | 20 | 24.1 | 22.5 | Amber |
| KPI 3 | Number of affordable homes delivered | 50 | 12 | 31 | Red |
""")
    units = {}
    for m in got["metrics"]:
        units.setdefault(m["label"].split()[0], set()).add(m["unit"])
    assert units == {"Percentage": {"percent"}, "Average": {"days"}, "Number": {"count"}}


_BODY = ("The council must have a Local Transport Plan that sets out its policies for transport in the county and how "
         "they will be delivered over the period of the plan, taking account of national guidance, the needs of residents "
         "and businesses, and the views of partners gathered through engagement.")


@pytest.mark.parametrize("lead, verbs", [
    ("## Recommendations\nCabinet is asked to:", ("Agree", "Note", "Delegate authority")),
    ("County Council is asked to agree the following:", ("To agree", "To note", "To delegate authority")),
])
def test_a_cabinet_reports_recommendations_printed_as_unnumbered_paragraphs(tmp_path, lead, verbs):
    meta, got = _render(tmp_path, f"""
# Local Transport Plan 5
Cabinet, 30 January 2025
Report of the Cabinet Member for Highways and Transport
{lead}
{verbs[0]} the draft Local Transport Plan 5 for public consultation.
{verbs[1]} the responses to the engagement exercise set out in Appendix B.
{verbs[2]} to the Corporate Director of Growth, Environment and Transport to make minor changes before consultation.
## 1. Introduction
1.1 {_BODY}
1.2 {_BODY}
""")
    assert meta["committee"] == "Cabinet" and str(meta["meeting_date"]) == "2025-01-30"
    recs = got["recommendations"]
    assert [r["text"].split()[-2] for r in recs] == ["public", "Appendix", "before"]
    assert {r["kind"] for r in recs} == {"decision"}
    assert [o["role"] for o in got["owners"]] == ["Corporate Director of Growth, Environment and Transport"]


_COVER_ITEMS = {
    "lettered": ("Cabinet is asked to:\n(a) approve the draft Local Transport Plan 5 for consultation;\n"
                 "(b) note the engagement responses in Appendix B; and\n"
                 "(c) delegate authority to the Director of Place to make minor changes before consultation."),
    "numbered": ("That Cabinet:\n1. approves the draft Local Transport Plan 5 for consultation;\n"
                 "2. notes the engagement responses in Appendix B; and\n"
                 "3. delegates authority to the Director of Place to make minor changes before consultation."),
    "bullets": ("Cabinet is recommended to:\n• approve the draft Local Transport Plan 5 for consultation;\n"
                "• note the engagement responses in Appendix B; and\n"
                "• delegate authority to the Director of Place to make minor changes before consultation."),
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("items", sorted(_COVER_ITEMS))
def test_recommendations_in_a_cover_sheets_recommendations_row(tmp_path, fmt, items):
    """ModernGov-style cover sheets print what the meeting decides in a
    label | value table: 'Recommendation(s):' beside a lead-in and its items."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from render import render_docx, render_pdf
    from extractors.model import Block, Cell, Document, Table
    rows = [["Report to:", "Cabinet"], ["Date of meeting:", "12 March 2025"], ["Report of:", "Director of Place"],
            ["Subject:", "Local Transport Plan 5"], ["Recommendation(s):", _COVER_ITEMS[items]]]
    blocks = [Block(kind="paragraph", text="Northfield Borough Council"),
              Block(kind="table", text="", table=Table(rows=[[Cell(a), Cell(b)] for a, b in rows], header_rows=0)),
              Block(kind="heading", text="1. Purpose of the report", numbering="1", level=1),
              Block(kind="paragraph", numbering="1.1", text=_BODY), Block(kind="paragraph", numbering="1.2", text=_BODY)]
    model = Document(doc_id="c", path=f"c.{fmt}", file_name=f"c.{fmt}", format=fmt, blocks=blocks)
    path = tmp_path / f"cover.{fmt}"
    render_docx(model, path, cell_lists=True) if fmt == "docx" else render_pdf(model, path)
    doc = load_document(path)
    meta = extract_metadata(doc)
    got = extract_all(doc, meta)
    recs = got["recommendations"]
    assert [r["text"].split()[0] for r in recs] in (["approve", "note", "delegate"], ["approves", "notes", "delegates"])
    assert recs[2]["text"].endswith("before consultation.")   # "(b) ...; and" / "(c) ..." are two items in a PDF cell too
    assert {r["kind"] for r in recs} == {"decision"}
    assert all(r["source_text"] for r in recs)
    assert [(o["parent_id"], o["role"]) for o in got["owners"]] == [(recs[2]["rec_id"], "Director of Place")]


def test_a_tables_recommendation_column_header_is_not_a_cover_row():
    from extractors.model import Block, Cell, Document, Table
    t = Table(rows=[[Cell("Recommendation"), Cell("Lead officer / Cabinet Member")],
                    [Cell("1. The council should publish a damp and mould policy."), Cell("Head of Housing")]], header_rows=0)
    doc = Document(doc_id="t", path="t.pdf", file_name="t.pdf", format="pdf", blocks=[Block(kind="table", text="", table=t)])
    got = extract_all(doc, {})
    assert "Lead officer / Cabinet Member" not in [r["text"] for r in got["recommendations"]]


def test_minutes_headed_on_two_lines_and_a_resolved_list_that_tasks_posts():
    from extractors.loaders.text import load as load_text
    text = """Minutes of the Health and Wellbeing Board
held on Tuesday 14 January 2025 at 2.00 pm in the Council Chamber, Westvale House

45. Joint Local Health and Wellbeing Strategy refresh

The Director of Public Health introduced the report. Members discussed the priorities.

RESOLVED – That:
(1) the draft Joint Local Health and Wellbeing Strategy be approved for consultation;
(2) the Director of Public Health be asked to report the consultation results to the Board in June 2025; and
(3) the Chair write to the ICB Chief Executive about the alignment of priorities.
"""
    doc = load_text(text.encode(), path="m.txt", doc_id="m")
    meta = extract_metadata(doc)
    assert meta["committee"] == "Health and Wellbeing Board"
    assert str(meta["meeting_date"]) == "2025-01-14"
    assert meta["title"].startswith("Minutes of the Health and Wellbeing Board held on Tuesday 14 January 2025")
    got = extract_all(doc, meta)
    recs = got["recommendations"]
    assert [r["ref"] for r in recs] == ["(1)", "(2)", "(3)"]
    assert [(o["parent_id"], o["role"]) for o in got["owners"]] == [(recs[1]["rec_id"], "Director of Public Health"),
                                                                    (recs[2]["rec_id"], "Chair")]


@pytest.mark.parametrize("line, committee", [
    ("Minutes of the Annual General Meeting of the above Council held on Monday 20th May 2019 at 6.30pm.", None),
    ("Here are the minutes of the Transparency Board meeting held on 24 June at the Cabinet Office:", None),
    ("Minutes of the Audit Committee held on 3 March 2025", "Audit Committee"),
])
def test_a_minutes_line_names_its_body_only_when_it_prints_one(line, committee):
    from extractors.metadata import _MINUTES_OF
    m = _MINUTES_OF.match(line)
    assert (m.group("body2") if m else None) == committee


_ITEMS = ["approve the draft Local Transport Plan 5 for public consultation from 1 April 2025",
          "note the engagement responses set out in Appendix B",
          "delegate authority to the Director of Place, in consultation with the Cabinet Member, to make minor changes"]


def _cabinet_forms():
    from extractors.model import Block, Cell, Table
    head = [Block(kind="paragraph", text="Northfield Borough Council"), Block(kind="heading", text="Local Transport Plan 5", level=1),
            Block(kind="paragraph", text="Cabinet – 12 March 2025"), Block(kind="paragraph", text="Report of the Director of Place")]
    cap = [f"{x[0].upper()}{x[1:]}." for x in _ITEMS]
    box = Table(rows=[[Cell("RECOMMENDATIONS\n" + "\n".join(f"{i}. {x}" for i, x in enumerate(cap, 1)))]], header_rows=0)
    cover = Table(rows=[[Cell("Report to"), Cell("Cabinet")], [Cell("Date"), Cell("12 March 2025")],
                        [Cell("Recommendations"), Cell(f"1. {cap[0]}")]]
                  + [[Cell("", spanned=True), Cell(f"{i}. {x}")] for i, x in enumerate(cap[1:], 2)], header_rows=0)
    return {
        # "Cabinet is RECOMMENDED to:" over "2.1 approve ...;": lower-case decisions under decimal numbers
        "decimal items": head + [Block(kind="heading", text="Recommendations", numbering="2", level=1),
                                 Block(kind="paragraph", text="Cabinet is RECOMMENDED to:")]
        + [Block(kind="paragraph", text=f"2.{i} {x};") for i, x in enumerate(_ITEMS, 1)],
        "a box of one cell": head + [Block(kind="table", text="", table=box)],
        "cover rows beside a merged label": [Block(kind="paragraph", text="Northfield Borough Council"),
                                             Block(kind="table", text="", table=cover),
                                             Block(kind="heading", text="Local Transport Plan 5", level=1)],
    }


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("form", ["decimal items", "a box of one cell", "cover rows beside a merged label"])
def test_a_cabinet_reports_recommendations_in_other_printed_forms(tmp_path, fmt, form):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from render import render_docx, render_pdf
    from extractors.model import Block, Document
    blocks = _cabinet_forms()[form] + [Block(kind="heading", text="Background", numbering="3", level=1),
                                       Block(kind="paragraph", numbering="3.1", text=_BODY)]
    model = Document(doc_id="c", path=f"c.{fmt}", file_name=f"c.{fmt}", format=fmt, blocks=blocks)
    path = tmp_path / f"c.{fmt}"
    render_docx(model, path) if fmt == "docx" else render_pdf(model, path)
    doc = load_document(path)
    got = extract_all(doc, extract_metadata(doc))
    recs = got["recommendations"]
    assert [r["text"].split()[0].lower() for r in recs] == ["approve", "note", "delegate"]
    assert [o["role"] for o in got["owners"]] == ["Director of Place"]
    # "for public consultation from 1 April 2025" is when the consultation starts, not a due date
    # (labelling.md; session 33: "from <date>" is a start)
    assert [str(t["due_date"]) for t in got["timescales"]] == []


@pytest.mark.parametrize("text, numbering", [
    ("2.1 approve the draft plan for consultation;", "2.1"), ("2.3 that the Committee notes the report", "2.3"),
    ("2.5 million people live in the county", None), ("3.2 children per 1,000 were in care", None),
])
def test_a_decimal_number_before_lower_case_numbers_a_decision_only_when_a_decision_follows(text, numbering):
    from extractors.numbering import split_numbering
    assert split_numbering(text)[0] == numbering


@pytest.mark.parametrize("sentence, raws", [
    ("(e) To increase Council Tax as set out in the final draft budget report published on 5th February 2025.", []),
    ("The directorate budget proposals and the variations for 2025-26 set out in appendix F.", []),
    ("To note the ongoing and escalating cost pressures on the Council's budget.", []),
    ("To note potential changes to the funding system from 2026-27 onwards.", []),
    ("The Housing Strategy is due to be published in March 2025.", ["March 2025"]),
    ("The plan will be delivered in 2025/26.", ["2025/26"]),
    ("Work on the new system is ongoing.", ["ongoing"]),
])
def test_dates_that_say_when_something_was_done_or_what_year_it_is_for_are_not_due_dates(sentence, raws):
    from datetime import date
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert [t.raw for t in find_due_dates_in_sentence(sentence, date(2025, 2, 13))] == raws


def test_a_budget_reports_lettered_decisions_grouped_under_underlined_themes():
    """'County Council, having given due regard to the s25 Report (...), is asked to
    agree the following:' then theme lines ('2025-35 Capital Programme') over
    '(a)', '(b)', ..., 'In addition:' over '(o)': one list of decisions."""
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Recommendations:"),
              Block(kind="paragraph", text="County Council, having given due regard to the s25 Report (published for "
                                           "consideration as agenda item 5 of this meeting), is asked to agree the following:"),
              Block(kind="paragraph", text="2025-35 Capital Programme"),
              Block(kind="list_item", numbering="(a)", text="The 10-year Capital programme of £1,419m."),
              Block(kind="list_item", numbering="(b)", text="The directorate capital programmes in appendices A and B."),
              Block(kind="paragraph", text="Council Tax"),
              Block(kind="list_item", numbering="(c)", text="The total Council Tax requirement of £994,287,655."),
              Block(kind="paragraph", text="In addition:"),
              Block(kind="list_item", numbering="(d)", text="To note that further unplanned drawdowns from reserves "
                                                           "should only be considered as a last resort."),
              Block(kind="heading", text="Contact details")]
    doc = Document(doc_id="b", path="b.pdf", file_name="b.pdf", format="pdf", blocks=blocks)
    recs = extract_all(doc, {"committee": "County Council"})["recommendations"]
    assert [(r["ref"], r["kind"]) for r in recs] == [("(a)", "decision"), ("(b)", "decision"), ("(c)", "decision"),
                                                    ("(d)", "decision")]


def test_a_minuted_reply_keeps_what_it_says_and_a_notice_to_be_placed_is_a_step():
    from extractors.entities import minutes
    text = ("Cllr Shewell explained that the Trust has asked for approval for a sale. Clerk to reply saying in principle "
            "the council is happy to sell, subject to the Trust confirming the area of land. The council would also "
            "require reassurance that no parking spaces will be lost.")
    got = minutes.action_sentences(text)
    assert len(got) == 1 and got[0][0].startswith("Clerk to reply saying") and got[0][0].endswith("will be lost.")
    assert [o[0] for o in got[0][1]] == ["Clerk"]
    assert [t for t, _ in minutes.action_sentences("Notice to be placed inviting applications for co-option.")] == [
        "Notice to be placed inviting applications for co-option."]


@pytest.mark.parametrize("text", [
    "The Plan is in two parts.",
    "Key priority areas for action over the coming two or three years that will impact on public health.",
    "Actions developed by each directorate for the next one to three years.",
    "under 18 conception rates falling at a slower rate than nationally",
])
def test_horizons_document_parts_and_age_groups_are_not_metrics(text):
    from extractors.entities.metric_items import metrics_from_text
    from extractors.entities.items import Prov
    assert metrics_from_text(text, Prov(page=1, source_text=text, locator="x")) == []


@pytest.mark.parametrize("text", [
    "Work has taken place with council directorates to define key priority areas for action.",
    "While this work has been ongoing, the council has additionally started work on developing a Prevention Framework.",
])
def test_work_reported_as_taken_place_or_started_is_an_action(text):
    from extractors.model import Block, Document
    doc = Document(doc_id="w", path="w.pdf", file_name="w.pdf", format="pdf",
                   blocks=[Block(kind="paragraph", numbering="2.4", text=text)])
    got = extract_all(doc, {})
    assert [a["text"] for a in got["actions"]] == [text]
    assert got["timescales"] == []   # "while this work has been ongoing" is background, not a timescale


@pytest.mark.parametrize("head, committee", [
    ("# Safer Northvale Partnership\n## Action Tracker – January 2026\n", "Safer Northvale Partnership"),
    ("# Safer Northvale Partnership – Action Tracker\nUpdated 14 January 2026\n", "Safer Northvale Partnership"),
    ("# Northvale Health and Wellbeing Partnership\nMinutes of the meeting held on 20 November 2025\n",
     "Northvale Health and Wellbeing Partnership"),
    ("# Area SEND inspection of Northvale Local Area Partnership\nInspection dates: 3 to 7 March 2025\n", None),
    ("# Self-harm needs assessment 2025\nCommissioned by Northvale Suicide Prevention Partnership\n", None),
])
def test_a_partnership_named_on_the_cover_is_the_meeting_body(tmp_path, head, committee):
    meta, _ = _render(tmp_path, head + "| No. | Action | Owner | Due | Status |\n"
                      "| 1 | Circulate the revised terms of reference to members | Partnership Manager | 31/01/2026 | Open |\n")
    assert meta["committee"] == committee


def test_a_cabinet_reports_next_steps_paragraphs_and_implementation_timetable(tmp_path):
    meta, got = _render(tmp_path, """
# Public Spaces Protection Order: Town Centre
Northfield Borough Council
## 1. Recommendations
1.1 That Cabinet approves the making of the Public Spaces Protection Order for the town centre.
1.2 That Cabinet delegates authority to the Head of Community Safety to publish the Order.
## 6. Next steps
6.1 The table below sets out the milestones and the actions that officers will take.
6.2 The Community Safety Team will install new signage in the town centre by 31 March 2026.
6.3 Over the next period the Community Safety Team will focus on:
6.4 A review of the Order will be reported to the Community Safety Partnership in April 2027.
## 7. Implementation timetable
| Milestone | Lead | Date |
| Order published | Head of Community Safety | 1 March 2026 |
| Order comes into force | Head of Community Safety | 1 April 2026 |
""")
    acts = {a["text"]: a["action_id"] for a in got["actions"]}
    assert set(acts) == {"The Community Safety Team will install new signage in the town centre by 31 March 2026.",
                         "A review of the Order will be reported to the Community Safety Partnership in April 2027.",
                         "Order published", "Order comes into force"}
    owners = {(o["parent_id"], o["role"]) for o in got["owners"]}
    assert (acts["Order published"], "Head of Community Safety") in owners
    assert (acts["The Community Safety Team will install new signage in the town centre by 31 March 2026."],
            "Community Safety Team") in owners
    # the delegate's post ends before "to publish"
    assert [o["role"] for o in got["owners"] if o["parent_type"] == "recommendation"] == ["Head of Community Safety"]
    due = {(t["parent_id"], str(t["due_date"])) for t in got["timescales"]}
    assert (acts["Order comes into force"], "2026-04-01") in due


def test_a_risk_registers_scores_printed_on_their_ratings_colour_carry_the_rating(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def shade(cell, fill):
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shd)
    d = docx.Document()
    d.add_heading("Strategic Risk Register – Quarter 3 2025/26", 0)
    t = d.add_table(rows=1, cols=4)
    for c, h in zip(t.rows[0].cells, ["Ref", "Risk", "Risk owner", "Current score"]):
        c.text = h
    for ref, risk, owner, score, fill in [("SR1", "Failure to deliver a balanced budget", "Director of Finance", "20", "C0504D"),
                                          ("SR2", "Cyber attack disrupting services", "Director of Digital", "12", "FFC000")]:
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = ref, risk, owner, score
        shade(cells[3], fill)
    path = tmp_path / "risk.docx"
    d.save(str(path))
    doc = load_document(path)
    got = extract_all(doc, extract_metadata(doc))
    assert sorted((m["value"], m["rag"]) for m in got["metrics"]) == [(12.0, "amber"), (20.0, "red")]


@pytest.mark.parametrize("header, role", [("Timeline", "timescale"), ("Timeframes", "timescale"),
                                          ("Portfolio holder", "owner_lead"), ("Lead Cabinet Member", "owner_lead"),
                                          # (session 31: a task group's appendix "Lead officer | Cabinet Member"
                                          # names the member who leads; a forward plan's "Subject | Cabinet Member |
                                          # Date" is still no plan: test_a_cover_tables_subject_and_date_...)
                                          ("Cabinet Member", "owner_lead")])
def test_plan_column_names_for_when_and_who(header, role):
    from extractors.entities.columns import column_role
    assert column_role(header) == role


def test_a_cover_tables_subject_and_date_are_not_a_timetable():
    from extractors.entities.columns import classify_columns
    assert "timescale" not in classify_columns(["Subject", "Portfolio holder", "Date"])
    from extractors.entities.columns import is_action_plan
    assert not is_action_plan(classify_columns(["Subject", "Cabinet Member", "Date"]))
    assert classify_columns(["Milestone", "Lead", "Date"]) == {"action": [0], "owner_lead": [1], "timescale": [2]}


@pytest.mark.parametrize("item", [
    "Collaborative safety planning with children and families. (Outcome 3, National Framework)",
    "The accessibility of pathway plans for care leavers (Enabler two).",
    "The response to care leavers who go missing (see paragraph 4.12).",
])
def test_an_inspections_recommendation_without_the_framework_pointer_after_it(item):
    from extractors.loaders.text import load as load_text
    text = f"Inspection of Northvale local authority children's services\n\nWhat needs to improve?\n\n• {item}\n• Management oversight of assessments.\n\nMain findings\n\nChildren are seen promptly.\n"
    doc = load_text(text.encode(), path="i.txt", doc_id="i")
    recs = extract_all(doc, extract_metadata(doc))["recommendations"]
    assert not recs[0]["text"].rstrip(".").endswith(")")
    assert "(" not in recs[0]["text"]


@pytest.mark.parametrize("text", ["The response to homeless 16- and 17-year-olds has improved.",
                                  "No children under 16 were living in unregistered children's homes.",
                                  "Care leavers over 21 continue to have an allocated personal adviser."])
def test_who_is_meant_by_their_age_is_not_a_metric(text):
    from extractors.entities.metric_items import metrics_from_text
    from extractors.entities.items import Prov
    assert metrics_from_text(text, Prov(page=1, source_text=text, locator="x")) == []


def test_a_grade_named_by_stars_is_not_a_metric():
    from extractors.entities.metric_items import metrics_from_text
    from extractors.entities.items import Prov
    text = "Two star data is the minimum acceptable; we aim for five-star open data."
    assert metrics_from_text(text, Prov(page=1, source_text=text, locator="x")) == []


def test_a_recommendation_printed_beside_its_number_in_a_label_value_table_is_kept():
    """'Recommendation 1 | The council should ...' over 'Response | ...',
    'Action | ...', 'Lead officer | ...', 'Timescale | ...': one record."""
    from extractors.model import Block, Cell, Document, Table
    rows = [["Recommendation 1", "The council should publish a fly-tipping enforcement policy."],
            ["Response", "Accepted"], ["Action", "The policy will be drafted and published on the website."],
            ["Lead officer", "Head of Environmental Services"], ["Timescale", "September 2026"]]
    doc = Document(doc_id="r", path="r.docx", file_name="r.docx", format="docx",
                   blocks=[Block(kind="table", text="", table=Table(rows=[[Cell(a), Cell(b)] for a, b in rows]))])
    got = extract_all(doc, {})
    assert [(r["ref"], r["text"]) for r in got["recommendations"]] == [
        ("1", "The council should publish a fly-tipping enforcement policy.")]
    assert [o["role"] for o in got["owners"]] == ["Head of Environmental Services"]


@pytest.mark.parametrize("cell, due", [("17/07", "2013-07-17"), ("By 30/9", "2013-09-30"), ("w/c 22/7", "2013-07-22"),
                                       ("31/02", None), ("17.07", "2013-07-17"),
                                       ("1.1", None), ("3.2", None)])   # (an item's number in a card, not a day)
def test_a_logs_due_cell_printed_as_day_and_month(cell, due):
    from datetime import date
    from extractors.entities.timescales.cells import parse_timescales
    got = parse_timescales(cell, date(2013, 7, 1))
    assert [str(t.due_date) for t in got] == ([due] if due else [])


def test_an_inspection_reports_findings_are_not_the_councils_actions_and_its_footnote_is_not_a_metric():
    from extractors.loaders.text import load as load_text
    text = ("Inspection of Northvale local authority children's services\n\n"
            "What needs to improve?1\n\n• Management oversight of assessments.\n\n"
            "Main findings\n\n"
            "12. The fostering service has been strengthened significantly since the last inspection.\n"
            "13. Most young people want to keep in touch with their personal adviser until they reach 25.\n")
    doc = load_text(text.encode(), path="i.txt", doc_id="i")
    got = extract_all(doc, extract_metadata(doc))
    assert got["actions"] == [] and got["metrics"] == []


_LOG_ROWS = """
| 1 | 11/06/13 | Draft a note on the address data options for the Board | Jane Smith | Next meeting | In progress |
| 2 | 11/06/13 | Write to the Cabinet Office about licensing of postcode data | Chair / Secretariat | September 2013 | Complete |
| 3 | 14/05/13 | Arrange a meeting with the Met Office on weather data | JS, PM | End July | Ongoing |
"""


@pytest.mark.parametrize("title_row", ["", "| OWUG Action Log – July 2013 |\n"])
def test_a_logs_plain_column_names_under_a_title_row_and_with_an_abbreviation(tmp_path, title_row):
    # column names in plain type ("Action No." ends in a full stop), alone or under a title row
    src = ("Open Widgets User Group\nAction Log – 14 August 2013\n" + title_row +
           "| Action No. | Date raised | Action | Owner | Deadline | Progress |" + _LOG_ROWS)
    _, ents = _render(tmp_path, src)
    acts = ents["actions"]
    assert [a["text"][:25] for a in acts] == ["Draft a note on the addre", "Write to the Cabinet Offi",
                                              "Arrange a meeting with th"]
    assert [a["status_text"] for a in acts] == ["In progress", "Complete", "Ongoing"]
    by_act = {}
    for o in ents["owners"]:
        by_act.setdefault(o["parent_id"], []).append(o.get("role") or o.get("person"))
    assert [by_act.get(a["action_id"]) for a in acts] == [["Jane Smith"], ["Chair", "Secretariat"], ["Jane Smith", "PM"]]
    due = {t["parent_id"]: str(t.get("due_date")) for t in ents["timescales"]}
    # the deadline column, never the date the action was raised; "Next meeting" for an action of the latest
    # meeting the log lists (11 June) is the meeting the log goes to (14 August)
    assert [due.get(a["action_id"]) for a in acts] == ["2013-08-14", "2013-09-30", "2013-07-31"]


def test_an_attendance_line_under_the_cover_lines_is_not_part_of_the_title(tmp_path):
    meta, _ = _render(tmp_path, """
Open Widgets User Group
Minutes of the meeting held on 14 May 2013
Attendees: Heather Smith (Chair), Tim Kay, Paul Mason, Secretariat
Apologies: Jo Lee
## 1. Welcome
The Chair welcomed members.
""")
    assert "Attendees" not in (meta.get("title") or "") and "Minutes of the meeting" in meta["title"]


RISK_REGISTER = """
# Strategic Risk Register – Quarter 3 2025/26
| Risk ref | Risk description | Risk owner | Further actions | Action owner | Target date |
| SR1 | The Council cannot set a balanced budget. | Director of Resources | 1. Deliver the savings programme for 2026/27. 2. Complete the review of fees and charges. 3. Refresh the reserves strategy. | 1. Director of Resources 2. Head of Finance 3. Director of Resources | 1. 31/03/2026 2. Q4 2025/26 3. February 2026 |
| SR2 | The improvement plan is not delivered at pace. | Chief Executive | 1. Add outcome measures to the improvement plan. 2. Fill the vacant programme office posts. | 1. Head of Policy 2. Chief Executive | 1. January 2026 2. 31/03/2026 |
"""


def test_a_risk_registers_numbered_actions_take_their_numbered_owners_and_dates_not_the_risks_owner(tmp_path):
    _, ents = _render(tmp_path, RISK_REGISTER)
    acts = ents["actions"]
    assert [a["text"][:20] for a in acts] == ["Deliver the savings ", "Complete the review ", "Refresh the reserves",
                                              "Add outcome measures", "Fill the vacant prog"]
    owners = {}
    for o in ents["owners"]:
        owners.setdefault(o["parent_id"], []).append(o["role"])
    assert [owners.get(a["action_id"]) for a in acts] == [["Director of Resources"], ["Head of Finance"],
                                                          ["Director of Resources"], ["Head of Policy"], ["Chief Executive"]]
    due = {}
    for t in ents["timescales"]:
        due.setdefault(t["parent_id"], []).append(str(t["due_date"]))
    assert [due.get(a["action_id"]) for a in acts] == [["2026-03-31"], ["2026-03-31"], ["2026-02-28"],
                                                       ["2026-01-31"], ["2026-03-31"]]


MINUTES_TABLE = """
Improvement and Assurance Board
Minutes of the meeting held on Wednesday 12 November 2025
Officers present: Simon Marchant (SM) – Chief Executive; Kate Brannigan (KB) – Head of Policy; Lucy Farrow (LF) – Board Officer
| Item | Discussion and decisions | Action (who / when) |
| 2 | The Board reviewed the action log. LF would update the action log and circulate it to Board members with these minutes. | LF – 19 Nov |
| 3 | KB would develop outcome measures for each recommendation and include them in the next progress report. SM agreed to review the capacity of the programme office. | KB – January 2026 SM – 31 Dec |
"""


def test_a_minutes_tables_who_and_when_column_gives_each_action_sentence_its_owner_and_date(tmp_path):
    _, ents = _render(tmp_path, MINUTES_TABLE)
    acts = ents["actions"]
    assert [a["text"][:12] for a in acts] == ["LF would upd", "KB would dev", "SM agreed to"]
    due = {t["parent_id"]: str(t["due_date"]) for t in ents["timescales"]}
    assert [due.get(a["action_id"]) for a in acts] == ["2025-11-19", "2026-01-31", "2025-12-31"]
    owners = {o["parent_id"]: o.get("person") or o.get("role") for o in ents["owners"]}
    assert [owners.get(a["action_id"]) for a in acts] == ["Lucy Farrow", "Kate Brannigan", "Simon Marchant"]


STATUS_UPDATE = """
# Status update on actions from the last meeting
Meeting: 16 September 2025
## 2. Actions from the meeting of 8 July 2025
2.1 Action 1 (Secretariat, w/c 14 July): chase the member organisations that had not nominated a data lead. Status: Complete. Both organisations were contacted on 15 July.
2.2 Action 2 (Peter Mabry, by the end of July): circulate the draft Open Data Strategy to members for comment. Status: Complete. 6 sets of comments were received.
2.3 Action 3: complete the Cyber Assessment Framework self-assessment.
Lead: Daniel Osei, Head of ICT Due: 31 August 2025 Status: Complete.
"""


def test_a_status_update_restating_each_action_with_who_and_when_in_brackets(tmp_path):
    _, ents = _render(tmp_path, STATUS_UPDATE)
    acts = ents["actions"]
    assert [a["text"] for a in acts] == [
        "chase the member organisations that had not nominated a data lead.",
        "circulate the draft Open Data Strategy to members for comment.",
        "complete the Cyber Assessment Framework self-assessment."]
    assert not ents["recommendations"]   # "Action 3: <step>" is a logged action, not a plan item
    assert [a["status_text"][:8] for a in acts] == ["Complete", "Complete", "Complete"]
    owners = {o["parent_id"]: (o.get("role"), o.get("person")) for o in ents["owners"]}
    assert [owners.get(a["action_id"]) for a in acts] == [("Secretariat", None), (None, "Peter Mabry"),
                                                          ("Head of ICT", "Daniel Osei")]
    due = {t["parent_id"]: str(t["due_date"]) for t in ents["timescales"]}
    assert [due.get(a["action_id"]) for a in acts] == ["2025-07-14", "2025-07-31", "2025-08-31"]
    assert any(m["value"] == 6 for m in ents["metrics"])   # a number in the status text


def test_a_plan_items_bold_labels_do_not_close_it_and_its_progress_bullets_are_its_actions():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Progress against the peer challenge recommendations", level=1),
              Block(kind="heading", text="Develop a clear plan to close the budget gap.", numbering="Recommendation 1", level=3),
              Block(kind="paragraph", text="Lead officers: Monitoring Officer (Gareth Lyle) and Head of Policy (Kate Brannigan)"),
              Block(kind="heading", text="Status: Amber", level=4),
              Block(kind="heading", text="Progress:", level=4),
              Block(kind="list_item", numbering="•", text="A savings delivery tracker was introduced in December 2025 and is reviewed monthly."),
              Block(kind="list_item", numbering="•", text="The Medium Term Financial Strategy will be presented to Council on 25 February 2026.")]
    doc = Document(doc_id="p", path="p.docx", file_name="p.docx", format="docx", blocks=blocks)
    got = extract_all(doc, {"meeting_date": None})
    rec = next(r for r in got["recommendations"] if r["ref"] == "Recommendation 1")
    assert rec["rag"] == "amber"
    acts = [a for a in got["actions"] if a["rec_id"] == rec["rec_id"]]
    assert [a["text"][:20] for a in acts] == ["A savings delivery t", "The Medium Term Fina"]
    owners = [(o["role"], o["person"]) for o in got["owners"] if o["parent_id"] == rec["rec_id"]]
    assert owners == [("Monitoring Officer", "Gareth Lyle"), ("Head of Policy", "Kate Brannigan")]


def test_a_column_counting_recommendations_holds_none():
    from extractors.entities.columns import column_role
    assert column_role("Number of recommendations") is None
    assert column_role("Recommendations") == "rec"


def test_the_next_meeting_a_minutes_table_names_in_a_cell_is_the_day_its_month_meeting_means(tmp_path):
    src = MINUTES_TABLE.replace("| KB – January 2026 SM – 31 Dec |", "| KB – January meeting SM – 31 Dec |") + \
        "| 9 | Date of next meeting. The next meeting will be held on Wednesday 14 January 2026 at 2.00 pm. | – |\n"
    _, ents = _render(tmp_path, src)
    due = sorted(str(t["due_date"]) for t in ents["timescales"])
    assert "2026-01-14" in due and "2026-01-31" not in due


RISK_PANELS = """
# Corporate Risk Register – Quarter 3 2025/26
## CR1 Financial resilience
| Risk description | The Council cannot deliver a balanced budget over the medium term. |
| Risk owner | Director of Finance |
| Existing controls | Medium term financial strategy; monthly budget monitoring. |
| Mitigating actions | 1. Deliver the 2026/27 savings programme (Director of Finance, March 2027). 2. Review fees and charges (Head of Finance, June 2026). |
| Target score | 12 (Amber) |
## CR2 Cyber security
| Risk description | A cyber attack disrupts council services. |
| Risk owner | Head of ICT |
| Existing controls | Firewalls; staff training. |
| Mitigating actions | 1. Complete the PSN compliance health check (Head of ICT, May 2026). 2. Test the disaster recovery plan (ICT Infrastructure Manager, September 2026). |
| Target score | 8 (Amber) |
"""


def test_a_register_printed_one_panel_a_risk_gives_its_mitigating_actions_with_their_own_owners_and_dates(tmp_path):
    _, ents = _render(tmp_path, RISK_PANELS)
    acts = ents["actions"]
    assert [a["text"][:22] for a in acts] == ["Deliver the 2026/27 sa", "Review fees and charge", "Complete the PSN compl",
                                              "Test the disaster reco"]   # not the controls already in place
    owners = {}
    for o in ents["owners"]:
        owners.setdefault(o["parent_id"], []).append(o["role"])
    assert [owners.get(a["action_id"]) for a in acts] == [["Director of Finance"], ["Head of Finance"], ["Head of ICT"],
                                                          ["ICT Infrastructure Manager"]]
    due = {t["parent_id"]: str(t["due_date"]) for t in ents["timescales"]}
    assert [due.get(a["action_id"]) for a in acts] == ["2027-03-31", "2026-06-30", "2026-05-31", "2026-09-30"]


def test_an_improvement_point_above_its_table_of_what_we_said_we_would_do():
    from extractors.model import Block, Cell, Document, Table
    rows = [["What we said we would do", "What we have done", "Lead", "Due", "RAG"],
            ["1.1 Introduce a revised assessment framework.", "The framework was launched in December 2025.",
             "Head of Service, Assessment (Kerry Nolan)", "Dec 2025", "Complete"],
            ["1.2 Audit 30 assessments each month.", "Audits started in November 2025.",
             "Head of Quality Assurance (Martin Lowe)", "Monthly", "Green"]]
    table = Table(rows=[[Cell(c) for c in r] for r in rows], header_rows=1)
    blocks = [Block(kind="heading", text="Ofsted action plan: progress at February 2026"),
              Block(kind="heading", text="Area for improvement 1"),
              Block(kind="paragraph", text="What needs to improve: The timeliness and quality of assessments for children in need."),
              Block(kind="table", table=table)]
    doc = Document(doc_id="p", path="p.docx", file_name="p.docx", format="docx", blocks=blocks)
    got = extract_all(doc, {})
    rec = next(r for r in got["recommendations"] if r["ref"] == "Area for improvement 1")
    assert rec["text"].startswith("The timeliness and quality of assessments")
    acts = [a for a in got["actions"] if a["rec_id"] == rec["rec_id"]]
    assert [a["text"][:12] for a in acts] == ["Introduce a ", "Audit 30 ass"]
    owners = {(o["role"], o["person"]) for o in got["owners"] if o["parent_id"] == rec["rec_id"]}
    assert owners == {("Head of Service, Assessment", "Kerry Nolan"), ("Head of Quality Assurance", "Martin Lowe")}


def test_a_plan_action_printed_as_a_card_of_its_own():
    from extractors.model import Block, Cell, Document, Table
    card = Table(rows=[[Cell("1.2"), Cell("Deliver knife crime awareness sessions in all 9 secondary schools. "
                                          "Lead partner: Wykeshire Police | Deadline: July 2026 Update: Sessions have "
                                          "been delivered in 6 of the 9 schools."), Cell("On track")]])
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Progress against the partnership plan"), Block(kind="table", table=card)])
    got = extract_all(doc, {"meeting_date": None})
    assert [a["text"] for a in got["actions"]] == ["Deliver knife crime awareness sessions in all 9 secondary schools."]
    assert [o["role"] for o in got["owners"]] == ["Wykeshire Police"]
    assert [str(t["due_date"]) for t in got["timescales"]] == ["2026-07-31"]
    assert got["actions"][0]["status_text"].startswith("Sessions have been delivered")
    assert not any(str(t.get("due_date")).endswith("-01-02") for t in got["timescales"])   # "1.2" is the card's number


def test_a_risk_score_worked_out_in_its_cell_is_one_metric():
    from extractors.entities.metrics import metrics_in_text
    assert [m.value for m in metrics_in_text("Residual score (L x I): 4 x 4 = 16")] == [16]
    assert [m.value for m in metrics_in_text("L4 × I5 = 20")] == [20]
    assert [m.value for m in metrics_in_text("a 3 x 4 grid of risks")] == [3, 4]   # no product: the numbers stay


def test_a_steps_owner_and_date_after_dashes_or_in_brackets_leave_the_step_text(tmp_path):
    src = RISK_PANELS.replace("Test the disaster recovery plan (ICT Infrastructure Manager, September 2026).",
                              "Test the disaster recovery plan – ICT Infrastructure Manager – by 30 September 2026")
    _, ents = _render(tmp_path, src)
    texts = [a["text"] for a in ents["actions"]]
    assert texts[0] == "Deliver the 2026/27 savings programme" and texts[-1] == "Test the disaster recovery plan"
    due = {t["parent_id"]: str(t["due_date"]) for t in ents["timescales"]}
    assert due[ents["actions"][-1]["action_id"]] == "2026-09-30"
