"""Minutes set out as tables, and resolutions worded the ways district
councils and boards minute them (session 21): a Decision / Outcome column,
decisions written inside a minute's text cell, lists of items under
"AGREED:" / "RESOLVED: That Cabinet" / "Cabinet RESOLVED to:", and the
meeting's verb in capitals ("Cabinet NOTED the report.")."""
from datetime import date

import docx
import pytest

from extractors.entities import minutes
from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata
from tests.test_genre_forms import _render

HEAD = ["Ashvale Community Safety Partnership", "Minutes of the meeting held on 14 May 2026",
        "Present: Cllr J Moss (JM) Chair; P Green (PG) Police; S Alder (SA) Community Safety Manager"]


def _docx(tmp_path, rows: list[list[str]], paras: list[str] = HEAD):
    """A Word minutes paper: the paragraphs, then one table (first row the
    column names, in bold); a cell's '\\n' starts a new paragraph in it."""
    d = docx.Document()
    for p in paras:
        d.add_paragraph(p)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = t.cell(i, j)
            for k, line in enumerate(text.split("\n")):
                par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                par.add_run(line).bold = i == 0
    path = tmp_path / "minutes.docx"
    d.save(path)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def _decisions(rows):
    return [(r["ref"], r["text"]) for r in rows["recommendations"] if r["kind"] == "decision"]


def test_a_decision_column_gives_each_rows_decisions(tmp_path):
    rows = _docx(tmp_path, [
        ["No.", "Minute", "Outcome / Decision", "Action by", "Deadline"],
        ["1", "Apologies were received from J Wells.", "None", "", ""],
        ["2", "SA presented the JSNA chapter on healthy weight. 24% of reception children were overweight.",
         "The Board:\n• noted the chapter\n• approved the recommendations in section 5", "SA", "30/04/26"],
        ["3", "PG presented the Better Care Fund plan.", "Approved for submission to NHS England.", "PG", "Next meeting"],
    ])
    assert _decisions(rows) == [("2", "noted the chapter"), ("2", "approved the recommendations in section 5"),
                                ("3", "Approved for submission to NHS England.")]
    # the decision column is not a response to recommendations
    assert rows["responses"] == []
    # the minute text's own numbers are still read
    assert any(m["value"] == 24 for m in rows["metrics"])


def test_decisions_written_in_a_minutes_text_cell(tmp_path):
    rows = _docx(tmp_path, [
        ["Agenda item", "Discussion", "Action"],
        ["1. Minutes", "The minutes of the meeting held on 2 December 2025 were APPROVED.", ""],
        ["2. Strategic Assessment", "SA presented the assessment.\nThe Partnership NOTED the findings of the Strategic "
         "Assessment.", "SA to publish summary by 30 April 2026"],
        ["3. Priorities", "AGREED:\n• to adopt serious violence as a priority\n• to adopt domestic abuse as a priority", "PG"],
        ["4. PSPO", "The Partnership:\n(a) noted the consultation results;\n(b) supported the proposed variation of the "
         "PSPO; and\n(c) recommended the variation to Cabinet.", ""],
        ["5. Funding", "RESOLVED:\n1. That £12,000 be allocated to street pastors.\n2. That the grant conditions be "
         "accepted.", ""],
        ["6. Terms of reference", "The revised terms of reference were ratified.", ""],
        ["7. AOB", "The Chair thanked members. Decision: none required.", ""],
    ])
    assert _decisions(rows) == [
        ("1", "The minutes of the meeting held on 2 December 2025 were APPROVED."),
        ("2", "The Partnership NOTED the findings of the Strategic Assessment."),
        ("3", "to adopt serious violence as a priority"), ("3", "to adopt domestic abuse as a priority"),
        ("(a)", "noted the consultation results"), ("(b)", "supported the proposed variation of the PSPO"),
        ("(c)", "recommended the variation to Cabinet."),
        ("(1)", "That £12,000 be allocated to street pastors."), ("(2)", "That the grant conditions be accepted."),
        ("6", "The revised terms of reference were ratified."),
    ]
    actions = [a["text"] for a in rows["actions"]]
    assert actions == ["SA to publish summary by 30 April 2026"]


def test_decisions_in_a_pdf_minutes_table_and_an_undertaking_is_not_one(tmp_path):
    _, rows = _render(tmp_path, """
Coldwater Community Safety Partnership
## Minutes of the meeting held on 3 March 2026
| Item | Notes | Action |
| 1. Minutes | The minutes of the last meeting were agreed as an accurate record. | |
| 2. Budget | HO presented the budget. It was agreed that the Chair and the Section 151 Officer would meet monthly. Members agreed that the revised Code was a clear improvement on the 2019 version. RESOLVED that the Board (a) endorses the revised Code of Corporate Governance; and (b) recommends it to Council for adoption. | HO to circulate the figures by 30 April 2026 |
""")
    assert _decisions(rows) == [("1", "The minutes of the last meeting were agreed as an accurate record."),
                                ("(a)", "endorses the revised Code of Corporate Governance"),
                                ("(b)", "recommends it to Council for adoption.")]


@pytest.mark.parametrize("lead, items, expected", [
    ("RESOLVED: That Cabinet", ["(1) notes the provisional revenue outturn;", "(2) approves the transfer of £250,000."],
     ["notes the provisional revenue outturn;", "approves the transfer of £250,000."]),
    ("Cabinet RESOLVED to:", ["• approve the draft Local Plan for consultation; and", "• delegate authority to the Director."],
     ["approve the draft Local Plan for consultation; and", "delegate authority to the Director."]),
    ("The recommendations set out in the report were AGREED, namely that Cabinet:",
     ["A. accepts the decarbonisation grant of £1,742,000;", "B. awards the contract to Brightwater Ltd."],
     ["accepts the decarbonisation grant of £1,742,000;", "awards the contract to Brightwater Ltd."]),
])
def test_a_resolution_over_its_items(tmp_path, lead, items, expected):
    body = "\n".join(items)
    _, rows = _render(tmp_path, f"""
LINDENFORD DISTRICT COUNCIL
## MINUTES of a meeting of the CABINET held on 13 May 2026
## 105 REVENUE OUTTURN
The Portfolio Holder introduced the report.
{lead}
{body}
Reason for decision: To close the accounts for 2025/26.
""")
    got = [t for _, t in _decisions(rows)]
    assert got == expected


def test_the_meetings_verb_in_capitals_is_its_decision(tmp_path):
    _, rows = _render(tmp_path, """
LINDENFORD DISTRICT COUNCIL
## MINUTES of a meeting of the CABINET held on 13 May 2026
## 108 PERFORMANCE REPORT
The Leader introduced the report. Of the 24 indicators, 15 had met their target.
Cabinet NOTED the report.
## 109 CAPITAL PROGRAMME
RESOLVED – That the capital programme be approved.
""")
    assert [t for _, t in _decisions(rows)] == ["Cabinet NOTED the report.", "That the capital programme be approved."]


@pytest.mark.parametrize("cell, expected", [
    ("None", []), ("N/A", []), ("Decision: none required.", []),
    ("Outcome: APPROVED", ["APPROVED"]),
    ("The Board:\n• noted the report\n• agreed the plan", ["noted the report", "agreed the plan"]),
    ("The Partnership endorsed the refresh.", ["The Partnership endorsed the refresh."]),
])
def test_a_decision_cell(cell, expected):
    assert minutes.cell_decisions(cell) == expected


def test_a_list_that_was_agreed_is_not_a_resolution(tmp_path):
    _, rows = _render(tmp_path, """
RUTLAND COUNTY COUNCIL
## Peer challenge report
The key lines of enquiry that were agreed with the review lead were:
• Thresholds between early help and children in need
• The voice of the child
""")
    assert _decisions(rows) == []


def test_word_minutes_table_with_outcome_lines_and_actions_with_who_and_when(tmp_path):
    paras = HEAD + ["Members present: Jo Wells (JW) Director of Public Health; Mark Quinn (MQ) Head of Commissioning"]
    rows = _docx(tmp_path, [
        ["Item", "Discussion / Notes", "Decision / Outcome", "Action (owner, date)"],
        ["1. Welcome", "The Chair welcomed members.", "The Chair welcomed members.", "The Chair welcomed members."],
        ["2. Minutes", "The minutes were checked.", "The minutes of the last meeting were APPROVED.\n"
         "The Board agreed to close the three completed actions.", "None"],
        ["3. Strategy", "JW presented the Strategy. 1,318 people responded.",
         "Outcome: APPROVED\nThe Board approved the Health and Wellbeing Strategy 2026-2031.",
         "Publish the Strategy on the Council website – JW, 31/07/26\n"
         "Bring an outcomes framework to the Board – MQ, September 2026"],
    ], paras=paras)
    assert [t for _, t in _decisions(rows)] == [
        "The minutes of the last meeting were APPROVED.", "The Board agreed to close the three completed actions.",
        "The Board approved the Health and Wellbeing Strategy 2026-2031."]
    acts = {a["action_id"]: a["text"] for a in rows["actions"]}
    assert sorted(acts.values()) == ["Bring an outcomes framework to the Board", "Publish the Strategy on the Council website"]
    due = {acts[t["parent_id"]][:7]: (t["due_date"], t["precision"]) for t in rows["timescales"] if t["parent_id"] in acts}
    assert due["Publish"] == (date(2026, 7, 31), "day")
    assert due["Bring a"][0] == date(2026, 9, 30)
    who = {acts[o["parent_id"]][:7]: (o["role"], o["person"]) for o in rows["owners"] if o["parent_id"] in acts}
    assert who["Publish"] == (None, "Jo Wells")
