"""Action plans and logs laid out as Word and PDF papers set them (session
21): a recommendation cell merged down its action rows beside a Ref column
that numbers the actions, recommendations as banner rows ("Ofsted
recommendation 4: ..."), a key to lead abbreviations holding "&", a log's
"Next meeting" counted from the meeting that raised the action, and a
revised date written into the update cell."""
from datetime import date

import docx

from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata
from tests.test_genre_forms import _render


def _docx_plan(tmp_path):
    d = docx.Document()
    d.add_paragraph("Quarnford Borough Council")
    d.add_paragraph("Children's Services Improvement Plan - progress report to the Scrutiny Committee, 22 September 2026")
    d.add_paragraph("Following the Ofsted inspection, the plan answers each recommendation.")
    d.add_paragraph("Lead officers:")
    d.add_paragraph("HoS A&I Head of Service, Assessment and Intervention – Priya Lomax")
    d.add_paragraph("Des Nurse Designated Nurse for Safeguarding Children, Quarnford ICB – Fiona Reddy")
    d.add_paragraph("PSW Principal Social Worker – Helen Ashby")
    rows = [["Area for improvement (Ofsted)", "Ref", "Action", "Lead officer", "Target date", "BRAG"],
            ["Recommendation 1 The timeliness and quality of strategy meetings.", "1.1",
             "Revise the strategy discussion protocol with police and health partners.", "HoS A&I", "Jul 2026", "B"],
            ["", "1.2", "Introduce a daily strategy meeting slot in the MASH.", "Des Nurse", "Sept 2026", "G"],
            ["Recommendation 2 The quality of assessments and plans for children in need.", "2.1",
             "Launch revised assessment and plan templates.", "PSW", "Dec 2026", "A"],
            ["", "2.2", "Deliver good plans practice workshops to all teams.", "PSW", "Oct 2026", "G"]]
    t = d.add_table(rows=len(rows), cols=6)
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                t.cell(i, j).paragraphs[0].add_run(text).bold = i == 0
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(3, 0).merge(t.cell(4, 0))
    path = tmp_path / "plan.docx"
    d.save(path)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def test_a_recommendation_merged_down_its_action_rows_is_one_recommendation(tmp_path):
    rows = _docx_plan(tmp_path)
    recs = [r for r in rows["recommendations"] if r["kind"] == "improvement"]
    assert [r["text"] for r in recs] == ["The timeliness and quality of strategy meetings.",
                                         "The quality of assessments and plans for children in need."]
    by_rec = {}
    for a in rows["actions"]:
        by_rec.setdefault(a["rec_id"], []).append(a["text"])
    assert sorted(len(v) for v in by_rec.values()) == [2, 2]
    # the key's posts ("HoS A&I", "Des Nurse": not a person called Des) name their holders
    owners = {(o["role"], o["person"]) for o in rows["owners"]}
    assert ("HoS A&I", "Priya Lomax") in owners
    assert ("Des Nurse", "Fiona Reddy") in owners
    assert ("PSW", "Helen Ashby") in owners


def test_recommendations_as_banner_rows_over_their_actions(tmp_path):
    _, rows = _render(tmp_path, """
Quarnford Borough Council
## Corporate Parenting Board tracker
| No. | What we will do | Lead | By when | Progress | BRAG |
| Ofsted recommendation 4: The timeliness of permanence planning for children in care. | | | | | |
| 4.1 | Track every child in care without a permanence plan at a monthly panel. | Head of Service, Children in Care | Jun 2026 | Panel established. | Blue |
| 4.2 | Develop an early permanence protocol with the adoption agency. | Head of Service, Children in Care | Dec 2026 | Drafted. | Green |
""")
    recs = [r for r in rows["recommendations"] if r["kind"] == "improvement"]
    assert len(recs) == 1 and recs[0]["text"].startswith("The timeliness of permanence planning")
    assert [a["rec_id"] for a in rows["actions"]] == [recs[0]["rec_id"]] * 2


LOG = """
Stanford Drug and Alcohol Partnership
## Rolling Action Log - Board meeting 20 October 2026
Meeting dates 2026: 20 January, 21 April, 14 July, 20 October. 2027: 19 January, 20 April.
| Date raised | Action | Lead(s) | Due date | Update / comments | Status |
| 14/07/26 | Circulate the draft death review protocol to members. | RM | Next meeting | Draft circulated. | Open |
| 21/04/26 | Report the needle exchange audit findings to the Board. | TC | Next meeting | Audit delayed by staff absence. | Open |
| 21/04/26 | Publish the treatment capacity review. | SW | 31/07/26 | Review drafted. Revised date: Jan 2027 meeting | Open |
"""


def test_a_logs_next_meeting_is_the_one_after_the_meeting_that_raised_it(tmp_path):
    _, rows = _render(tmp_path, LOG)
    acts = {a["action_id"]: a["text"] for a in rows["actions"]}
    due = {acts[t["parent_id"]][:20]: t["due_date"] for t in rows["timescales"] if t["parent_id"] in acts}
    assert due["Circulate the draft "] == date(2026, 10, 20)
    assert due["Report the needle ex"] == date(2026, 7, 14)
    # a revised date written into the update supersedes the due date, and is pinned to that meeting's day
    assert due["Publish the treatmen"] == date(2027, 1, 19)


def _render_unruled(tmp_path, header, rows):
    """A register printed without rulings (a line under each row only), cells
    set at the top, its narrow columns' names wrapping onto a second line."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    ss = getSampleStyleSheet()
    data = [[Paragraph(f"<b>{h}</b>", ss["BodyText"]) for h in header]] + \
        [[Paragraph(c, ss["BodyText"]) for c in r] for r in rows]
    t = Table(data, colWidths=[40, 150, 80, 22, 22, 40, 150, 80, 80], repeatRows=1)
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("Ashvale Borough Council", ss["BodyText"]),
             Paragraph("Audit and Governance Committee - Strategic Risk Register, 24 March 2026", ss["Heading2"]), t]
    path = tmp_path / "register.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build(story)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def test_a_register_without_rulings_whose_column_names_wrap(tmp_path):
    rows = _render_unruled(tmp_path, ["Risk ref", "Risk description", "Risk owner", "L", "I", "Score", "Further actions",
                                      "Action owner", "Target date"], [
        ["SR1", "Financial sustainability: the Council cannot set a balanced budget for 2027/28.", "Director of Finance",
         "4", "5", "20", "Deliver the savings programme of £3.2m.", "Head of Finance", "31 March 2027"],
        ["SR2", "Cyber attack disrupts services.", "Head of ICT", "3", "5", "15", "Complete the PSN compliance review.",
         "ICT Security Manager", "30 September 2026"],
    ])
    acts = {a["action_id"]: a["text"] for a in rows["actions"]}
    assert sorted(acts.values()) == ["Complete the PSN compliance review.", "Deliver the savings programme of £3.2m."]
    owners = {acts[o["parent_id"]]: o["role"] for o in rows["owners"] if o["parent_id"] in acts}
    assert owners["Complete the PSN compliance review."] == "ICT Security Manager"
    due = {acts[t["parent_id"]]: t["due_date"] for t in rows["timescales"] if t["parent_id"] in acts}
    assert due["Deliver the savings programme of £3.2m."] == date(2027, 3, 31)


def test_further_actions_listed_under_a_risk_in_prose(tmp_path):
    _, rows = _render(tmp_path, """
Ashvale Borough Council
## Strategic risk update
## SR1 Financial sustainability
Risk owner: Director of Finance. Current score: 20 (Red).
Further actions planned:
• Deliver the savings programme of £3.2m – Head of Finance – 31 March 2027
• Review the reserves strategy (Director of Finance, September 2026)
## SR2 Cyber security
Mitigating actions:
1. Complete the PSN compliance review by 30 September 2026 (ICT Security Manager).
""")
    acts = {a["action_id"]: a["text"] for a in rows["actions"]}
    assert sorted(acts.values()) == ["Complete the PSN compliance review by 30 September 2026 (ICT Security Manager).",
                                     "Deliver the savings programme of £3.2m", "Review the reserves strategy"]
    owners = {acts[o["parent_id"]][:10]: o["role"] for o in rows["owners"] if o["parent_id"] in acts}
    assert owners == {"Deliver th": "Head of Finance", "Review the": "Director of Finance", "Complete t": "ICT Security Manager"}
    due = {acts[t["parent_id"]][:10]: t["due_date"] for t in rows["timescales"] if t["parent_id"] in acts}
    assert due == {"Deliver th": date(2027, 3, 31), "Review the": date(2026, 9, 30), "Complete t": date(2026, 9, 30)}


def test_next_meeting_from_the_meetings_a_log_lists_its_actions_under(tmp_path):
    _, rows = _render(tmp_path, """
Hollybank Data Partnership
Partnership meeting, 16 September 2025 | Agenda item 4: Action log
Prepared by: Grace Nwosu, Secretariat
| Action No. | Date raised | Action | Owner | Deadline | Update |
| Actions from meeting of 8 April 2025 | | | | | |
| 1 | 08/04/25 | Draft the data sharing protocol for partners | GN | Next meeting | Done. |
| Actions from meeting of 8 July 2025 | | | | | |
| 2 | 08/07/25 | Circulate the cyber exercise report to members | DO | Next meeting | Circulated. |
""")
    acts = {a["action_id"]: a["text"][:5] for a in rows["actions"]}
    due = {acts[t["parent_id"]]: t["due_date"] for t in rows["timescales"] if t["parent_id"] in acts}
    assert due == {"Draft": date(2025, 7, 8), "Circu": date(2025, 9, 16)}


def test_a_scorecard_ruled_by_rows_only_and_its_actions_to_improve(tmp_path):
    """A KPI scorecard framed and ruled between rows but not between columns,
    a commentary row under each KPI spanning the table with its 'Action to
    improve:'; an exception box 'What are we doing about it?' with numbered
    steps and their bracketed labels."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ss = getSampleStyleSheet()
    P = lambda t: Paragraph(t, ss["BodyText"])   # noqa: E731
    data = [[P("<b>Ref</b>"), P("<b>Indicator</b>"), P("<b>Q1 2026/27</b>"), P("<b>Q2 2026/27</b>"), P("<b>Q2 target</b>"), P("<b>RAG</b>")],
            [P("EC01"), P("Business start-ups supported"), P("64"), P("71"), P("60"), P("G")],
            [P("Commentary: 71 businesses were supported. Action to improve: Run the After Dark events programme. "
               "Owner: Town Centre Manager – Lucy Fairbairn. By: 31 December 2026."), "", "", "", "", ""],
            [P("EC02"), P("Major planning applications in time"), P("88%"), P("79%"), P("90%"), P("R")],
            [P("Commentary: See the exception report."), "", "", "", "", ""]]
    t = Table(data, colWidths=[40, 170, 70, 70, 70, 40])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black), ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                           ("SPAN", (0, 2), (-1, 2)), ("SPAN", (0, 4), (-1, 4)), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    box = Table([[P("Current performance"), P("79% in Quarter 2 against a target of 90%.")],
                 [P("What are we doing about it?"),
                  P("1. Fill the two vacant planning officer posts. (Lead: Head of Planning – Gwen Tallis. Target date: "
                    "31 January 2027.) 2. Agree extensions of time with applicants. (Lead: Development Manager. "
                    "Target date: November 2026.)")],
                 [P("Accountable officer"), P("Director of Place – Rhodri Vaughan")]], colWidths=[120, 340])
    box.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "kpi.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(
        [P("Wrexford City Council"), Paragraph("Performance report Quarter 2 2026/27", ss["Heading2"]), t, Spacer(1, 12), box])
    doc = load_document(path)
    rows = extract_all(doc, extract_metadata(doc))
    m = {(x["value"], x["role"]): x for x in rows["metrics"] if x["locator"].startswith("table:0/") and "/col:Q" in x["locator"]}
    assert m[(71, "actual")]["rag"] == "green" and m[(64, "actual")]["rag"] is None and (60, "target") in m
    assert m[(79, "actual")]["rag"] == "red"
    acts = {a["action_id"]: a["text"] for a in rows["actions"]}
    assert sorted(acts.values()) == ["Agree extensions of time with applicants.", "Fill the two vacant planning officer posts.",
                                     "Run the After Dark events programme."]
    who = {acts[o["parent_id"]][:4]: (o["role"], o["person"]) for o in rows["owners"] if o["parent_id"] in acts}
    assert who == {"Run ": ("Town Centre Manager", "Lucy Fairbairn"), "Fill": ("Head of Planning", "Gwen Tallis"),
                   "Agre": ("Development Manager", None)}
    due = {acts[x["parent_id"]][:4]: x["due_date"] for x in rows["timescales"] if x["parent_id"] in acts}
    assert due == {"Run ": date(2026, 12, 31), "Fill": date(2027, 1, 31), "Agre": date(2026, 11, 30)}


def test_a_registers_risk_rows_over_their_action_rows(tmp_path):
    _, rows = _render(tmp_path, """
Wrexford City Council
## Appendix B - other corporate risks
| Ref | Risk / mitigating action | Risk owner / lead officer | Current score / due date | Direction / status |
| CR06 | Homelessness and temporary accommodation. Demand for temporary accommodation exceeds supply. | Director of Housing | L4 x I4 = 16 | Stable |
| CR6.1 | Buy 60 homes for use as temporary accommodation. | Head of Housing Options | 31/03/2027 | On track |
| CR6.2 | End the placement of families in bed and breakfast for more than six weeks. | Head of Housing Options | December 2026 | Off track |
| CR07 | Climate change - flooding and extreme heat. | Director of Place | L3 x I4 = 12 | Decreasing |
| CR7.1 | Complete the Millbrook flood alleviation scheme. | Flood Risk Manager | Nov 2026 | On track |
""")
    assert [r for r in rows["recommendations"] if r["kind"] == "improvement"] == []   # a risk is no recommendation
    assert [a["text"] for a in rows["actions"]] == ["Buy 60 homes for use as temporary accommodation.",
                                                    "End the placement of families in bed and breakfast for more than six weeks.",
                                                    "Complete the Millbrook flood alleviation scheme."]
    assert all(a["rec_id"] is None for a in rows["actions"])


def test_areas_for_improvement_with_their_responses_and_an_action_table_keyed_by_afi(tmp_path):
    _, rows = _render(tmp_path, """
Ulverby Safeguarding Children Partnership
## 2 Decisions required
The Executive is asked to:
1. approve the multi-agency action plan in section 4;
2. note that the named lead for action 2.1 will be confirmed in September 2026.
## 3 Areas for improvement identified by the inspectorates
The letter of 23 June 2026 asks the partners to improve:
1. The quality and consistency of strategy discussions for children at risk of exploitation.
Partnership response: Accepted. The partners agree with the finding.
2. The use of the multi-agency exploitation screening tool by all agencies.
Partnership response: Accepted in principle. The ICB notes the pressure on CAMHS.
## 4 Action plan
| AFI | No. | Action | Agency lead | Named lead | Completion date |
| 1 | 1.1 | Revise the strategy discussion standard with police and health partners. | Council / Police | Marcus Dwyer, Head of Service | 30/09/2026 |
| 1, 2 | 1.2 | Put in place a health professional rota for strategy discussions. | ICB | Felicity Amberley, Designated Nurse | Sept 2026 |
| 2 | 2.1 | Relaunch the screening tool on the partnership website. | USCP Business Unit | Graham Stott, Business Manager | 31 October 2026 |
""")
    afis = [r for r in rows["recommendations"] if r["kind"] == "improvement"]
    assert [r["ref"] for r in afis] == ["1", "2"]
    by_rec = {}
    for a in rows["actions"]:
        by_rec.setdefault(a["rec_id"], []).append(a["text"][:10])
    assert by_rec == {afis[0]["rec_id"]: ["Revise the", "Put in pla"], afis[1]["rec_id"]: ["Relaunch t"]}
    assert ("2", "partially_accepted") in [(r["rec_ref"], r["status"]) for r in rows["responses"]]
    # the named leads own the actions' recommendations, not their agencies again
    roles = {o["role"] for o in rows["owners"]}
    assert "Council" not in roles and "ICB" not in roles and "Head of Service" in roles
