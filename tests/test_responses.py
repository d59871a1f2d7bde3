"""Responses to recommendations and the links across papers: status as
governments and executives word it, the forms a response takes, and the
cross-paper links and history an analyst queries."""
from datetime import date
from pathlib import Path

import pytest

from extractors.entities.passes import extract_all
from extractors.entities.responses import status_of
from extractors.loaders.text import load as load_text
from extractors.metadata import extract_metadata
from pipeline.engine.links import find_links

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.mark.parametrize("text, status", [
    ("The Government agrees with the Committee's conclusion.", "accepted"),
    ("We accept this recommendation and will publish guidance by March 2026.", "accepted"),
    ("The Executive accepts this recommendation in part: the review will cover adults only.", "partially_accepted"),
    ("The Government agrees in principle but cannot commit funding.", "partially_accepted"),
    ("The Government does not agree with the Committee's view of the current pledges.", "rejected"),
    ("The Cabinet does not accept this recommendation.", "rejected"),
    ("The Government does not believe that it is appropriate to set specific targets for car use.", "rejected"),
    ("The Council does not consider it necessary to publish a separate register.", "rejected"),
    ("The Government will therefore give careful consideration to the idea of appointing a Chief Social Scientist.",
     "under_consideration"),
    ("The Cabinet Office has already published a paper setting out the framework.", "implemented"),
    ("The Council notes the recommendation.", "noted"),
    ("Accepted", "accepted"), ("Partially accepted", "partially_accepted"), ("Rejected", "rejected"),
    # no position taken by the one answering: no status
    ("As the Committee has acknowledged, collaboration presents a unique opportunity.", None),
    # welcoming what the report says is not a position on the recommendation; welcoming the recommendation is
    ("We welcome the report‘s recognition of the importance of research and will seek to build on existing "
     "evidence.", None),
    ("The Government welcomes the Committee's recommendation and will publish guidance.", "accepted"),
    ("The Food Network has had a preliminary discussion on promotion of food to children and agreed to return "
     "to this issue in phase 3.", None),
])
def test_status_as_responses_word_it(text, status):
    assert status_of(text)[0] == status


RESPONSE_PAPER = """Executive Response to the Scrutiny Review of Home to School Transport

Recommendation 1: The Council should publish its transport eligibility policy in plain English.

Response: Accepted. The Cabinet Member for Education will publish a revised policy by September 2025.

Recommendation 2: The Council should end charges for post-16 transport.

Executive Response: Not accepted. The Council cannot fund free post-16 transport within its budget.

Recommendation 3: Officers should review the route planning software.

Response: The Executive will consider this as part of the 2026 contract renewal.
"""


def test_labelled_recommendation_and_response_pairs():
    doc = load_text(RESPONSE_PAPER.encode(), path="r.txt", doc_id="r")
    rows = extract_all(doc, extract_metadata(doc))["responses"]
    assert [(r["rec_ref"], r["status"]) for r in rows] == [
        ("1", "accepted"), ("2", "rejected"), ("3", "under_consideration")]
    assert rows[0]["rec_text"].startswith("The Council should publish its transport eligibility policy")
    assert rows[0]["text"].startswith("Accepted. The Cabinet Member for Education will publish")
    assert all(r["responder"] for r in rows)


def test_response_table_rows():
    paper = ("Cabinet response to the scrutiny panel\n\n"
             "Recommendation\tCabinet response\tLead\n"
             "1. Publish a charter for tenants\tAccepted - the charter will be published in May\tHead of Housing\n"
             "2. Double the repairs budget\tRejected - not affordable in 2025/26\tDirector of Finance\n")
    doc = load_text(paper.encode(), path="t.txt", doc_id="t")
    rows = extract_all(doc, extract_metadata(doc))["responses"]
    assert [(r["rec_ref"], r["status"], r["responder"]) for r in rows] == [
        ("1", "accepted", "the Cabinet"), ("2", "rejected", "the Cabinet")]


def test_links_response_to_its_recommendation_and_later_papers_to_the_first():
    kent = "Kent County Council"
    documents = [{"doc_id": "a", "meeting_date": date(2023, 1, 10), "council": kent},
                 {"doc_id": "b", "meeting_date": date(2023, 6, 1), "council": kent},
                 {"doc_id": "c", "meeting_date": date(2024, 2, 1), "council": kent},
                 {"doc_id": "r", "meeting_date": None, "council": None},
                 {"doc_id": "x", "meeting_date": date(2023, 3, 1), "council": "Medway Council"}]
    text = "Improve the quality and timeliness of return home interviews for children who go missing"
    recs = [{"rec_id": "a1", "doc_id": "a", "ref": "3", "text": text, "rag": None, "status_text": None},
            {"rec_id": "a2", "doc_id": "a", "ref": "4", "text": "Strengthen management oversight of supervision records",
             "rag": None, "status_text": None},
            {"rec_id": "b1", "doc_id": "b", "ref": "R3", "text": text + ".", "rag": None, "status_text": None},
            {"rec_id": "c1", "doc_id": "c", "ref": "3", "text": "Improve the quality and timeliness of return home "
             "interviews for children who go missing from care", "rag": "amber", "status_text": "On track"}]
    recs += [{"rec_id": "x1", "doc_id": "x", "ref": "3", "text": text, "rag": None, "status_text": None},   # another council
             {"rec_id": "a9", "doc_id": "a", "ref": "9", "kind": "decision", "rag": None, "status_text": None,
              "text": "Approval of minutes of previous meeting: Approved and signed as correct."},
             {"rec_id": "b9", "doc_id": "b", "ref": "9", "kind": "decision", "rag": None, "status_text": None,
              "text": "Approval of minutes of previous meeting: Approved and signed as correct."}]
    responses = [{"response_id": "r1", "doc_id": "r", "rec_ref": "4",
                  "rec_text": "Strengthen management oversight of supervision records"}]
    actions = [{"rec_id": "b1"}]
    links = find_links(documents, recs, responses, actions)
    got = {(l["from_id"], l["to_id"], l["kind"], l["method"]) for l in links}
    assert ("a2", "r1", "response", "ref+text") in got
    assert ("a1", "b1", "action_plan", "text") in got       # the later paper gives it actions
    assert any(l["to_id"] == "c1" and l["kind"] == "progress" for l in links)   # rated later
    assert not any(l["to_id"] in ("a1", "a2") for l in links)   # nothing earlier than the first paper
    assert not any("x1" in (l["from_id"], l["to_id"]) for l in links)   # the same words in another council's paper
    assert not any("b9" == l["to_id"] for l in links)                   # each meeting's routine decision is its own
    assert find_links(documents, recs, responses, actions) == links   # deterministic


@pytest.mark.needs_shared
def test_government_response_links_to_the_report(tmp_path):
    from pipeline.analysis.query import connect
    from pipeline.engine.runner import run
    run([str(SHARED / "corpus" / "inquiries")], str(tmp_path / "out"), jobs=1, show_progress=False)
    con = connect(tmp_path / "out")
    n_resp = con.sql("select count(*) from responses").fetchall()[0][0]
    assert n_resp >= 30
    linked = con.sql("select count(distinct from_id) from links where kind = 'response' and method = 'ref+text'").fetchall()[0][0]
    recs = con.sql("select count(*) from recommendations r join documents d using (doc_id) "
                   "where d.file_name like '%Report%'").fetchall()[0][0]
    assert linked >= recs - 1 >= 20
    rejected = con.sql("select h.ref from recommendation_history h where h.event = 'response' "
                       "and h.status = 'rejected'").fetchall()
    assert ("8.25",) in rejected


def test_recommendation_headings_with_the_text_under_them_and_their_responses_linked():
    paper = RESPONSE_PAPER
    for n in "123":
        paper = paper.replace(f"Recommendation {n}: ", f"Recommendation {n}\n\n")
    doc = load_text(paper.encode(), path="h.txt", doc_id="h")
    rows = extract_all(doc, extract_metadata(doc))
    recs = {r["ref"]: r for r in rows["recommendations"]}
    assert set(recs) == {"1", "2", "3"}
    assert recs["2"]["text"] == "The Council should end charges for post-16 transport."
    # a response printed in the same paper as its recommendation carries its rec_id
    assert {r["rec_ref"]: r["rec_id"] for r in rows["responses"]} == {k: v["rec_id"] for k, v in recs.items()}


@pytest.mark.needs_shared
def test_link_recomputes_the_links_of_a_published_output_and_keeps_it_incremental(tmp_path):
    import pyarrow.dataset as pads
    from pipeline.cli import main
    from pipeline.engine.runner import run
    out = tmp_path / "out"
    run([str(SHARED / "corpus" / "inquiries")], str(out), jobs=1, show_progress=False)
    before = pads.dataset(out / "links", format="parquet").to_table().to_pylist()
    docs = pads.dataset(out / "documents", format="parquet").to_table().to_pylist()
    assert main(["link", "--data", str(out)]) == 0
    assert pads.dataset(out / "links", format="parquet").to_table().to_pylist() == before
    assert pads.dataset(out / "documents", format="parquet").to_table().to_pylist() == docs
    s = run([str(SHARED / "corpus" / "inquiries")], str(out), jobs=1, show_progress=False)
    assert (s.extracted, s.published) == (0, False)      # still a no-op
    assert main(["link", "--data", str(tmp_path / "nothing")]) == 2


def test_what_a_response_promises_hangs_off_it():
    doc = load_text(RESPONSE_PAPER.encode(), path="r.txt", doc_id="r")
    rows = extract_all(doc, extract_metadata(doc))
    first = rows["responses"][0]["response_id"]
    owners = [(o["role"], o["owner_kind"]) for o in rows["owners"] if o["parent_type"] == "response" and o["parent_id"] == first]
    due = [(t["raw"], str(t["due_date"])) for t in rows["timescales"] if t["parent_type"] == "response" and t["parent_id"] == first]
    assert owners == [("Cabinet Member for Education", "responsible")]
    assert due == [("by September 2025", "2025-09-30")]


def test_a_summary_matrix_of_statuses():
    paper = ("Government response to the Committee's report\n\n"
             "Recommendation\tAccepted\tAccepted in principle\tNot accepted\tComments\n"
             "1. Publish the data standard\t✓\t\t\tPublished in May\n"
             "2. Fund a data office in every council\t\t\tX\tNot affordable\n"
             "3. Review the licence\t\tYes\t\tAs part of the 2026 review\n")
    doc = load_text(paper.encode(), path="m.txt", doc_id="m")
    rows = extract_all(doc, extract_metadata(doc))["responses"]
    assert [(r["rec_ref"], r["status"], r["responder"]) for r in rows] == [
        ("1", "accepted", "the Government"), ("2", "rejected", "the Government"), ("3", "partially_accepted", "the Government")]
    assert rows[0]["text"] == "Accepted. Published in May"


def test_internal_audit_management_responses():
    paper = ("Internal Audit Report: Payroll\n\n"
             "Ref\tFinding\tRecommendation\tPriority\tManagement response\tResponsible officer\tTarget date\n"
             "1\tLeavers paid after leaving\tReconcile leavers to payroll monthly\tHigh\tAgreed. HR will send a "
             "monthly leavers report to Payroll.\tHead of HR\t31 March 2026\n"
             "2\tNo second check of overtime\tIntroduce a second check of overtime claims\tMedium\tNot agreed: "
             "the cost outweighs the risk.\tPayroll Manager\tn/a\n")
    doc = load_text(paper.encode(), path="a.txt", doc_id="a")
    rows = extract_all(doc, extract_metadata(doc))
    assert [(r["rec_ref"], r["status"]) for r in rows["responses"]] == [("1", "accepted"), ("2", "rejected")]
    recs = {r["ref"]: r for r in rows["recommendations"]}
    assert recs["1"]["text"] == "Reconcile leavers to payroll monthly"
    assert rows["responses"][0]["rec_id"] == recs["1"]["rec_id"]


def test_a_responses_promises_are_actions_that_point_to_it_and_its_recommendation():
    doc = load_text(RESPONSE_PAPER.encode(), path="r.txt", doc_id="r")
    rows = extract_all(doc, extract_metadata(doc))
    resp = {r["response_id"]: r for r in rows["responses"]}
    got = [(resp[a["response_id"]]["rec_ref"], a["rec_id"] == resp[a["response_id"]]["rec_id"], a["text"])
           for a in rows["actions"] if a["response_id"]]
    assert got == [("1", True, "The Cabinet Member for Education will publish a revised policy by September 2025."),
                   ("3", True, "The Executive will consider this as part of the 2026 contract renewal.")]
    # the "Response:" paragraphs are not also read as the recommendations' own actions
    assert all(a["response_id"] for a in rows["actions"])


def _docx_paper(path, paras):
    import docx
    d = docx.Document()
    for kind, value in paras:
        if kind == "heading":
            d.add_heading(value, level=2)
        elif kind == "numbered":
            d.add_paragraph(value, style="List Number")
        elif kind == "table":
            t = d.add_table(rows=0, cols=len(value[0]))
            t.style = "Table Grid"
            for row in value:
                for cell, text in zip(t.add_row().cells, row):
                    cell.text = text
        else:
            d.add_paragraph(value)
    d.save(path)


def test_a_recommendation_followed_from_the_inspection_through_the_plan_to_a_progress_report(tmp_path):
    """Issue 14: one council's inspection letter (a Word-numbered 'What needs
    to improve?' list), its action plan and a progress report six months on:
    recommendation_history follows each recommendation across the three."""
    from pipeline.analysis.query import connect
    from pipeline.engine.runner import run
    recs = ["The quality and timeliness of return home interviews for children who go missing from care.",
            "Management oversight and supervision of social workers' practice.",
            "The sufficiency of local placements for children in care."]
    council = [("p", "Wexcombe Borough Council"), ("p", "Children and Young People Scrutiny Committee")]
    papers = tmp_path / "papers"
    papers.mkdir()
    _docx_paper(papers / "inspection.docx", [("p", "Ofsted"), ("p", "Inspection of Wexcombe Borough Council "
                "children's services"), ("p", "Inspection dates: 4 to 15 March 2024"),
                ("heading", "What needs to improve?")] + [("numbered", r) for r in recs])
    _docx_paper(papers / "plan.docx", council + [("p", "Date: 10 July 2024"), ("heading", "Ofsted Improvement Action Plan"),
                ("table", [["No.", "Recommendation", "Action", "Lead", "By when"],
                           ["1", recs[0], "Commission a new return home interview service.", "Head of Service", "30 September 2024"],
                           ["2", recs[1], "Introduce monthly supervision audits.", "Principal Social Worker", "31 October 2024"],
                           ["3", recs[2], "Open two new local children's homes.", "Director of Children's Services", "March 2025"]])])
    _docx_paper(papers / "progress.docx", council + [("p", "Date: 15 January 2025"),
                ("heading", "Progress report on the Ofsted Improvement Action Plan"),
                ("table", [["No.", "Recommendation", "Progress", "RAG"],
                           ["1", recs[0], "The new service started in October 2024.", "Amber"],
                           ["2", recs[1], "Monthly audits are in place.", "Green"],
                           ["3", recs[2], "One home opened in December 2024; the second is delayed.", "Red"]])])
    run([str(papers)], str(tmp_path / "out"), jobs=0, show_progress=False)
    con = connect(tmp_path / "out")
    made = con.sql("select ref from recommendations join documents using (doc_id) "
                   "where file_name = 'inspection.docx' order by ref").fetchall()
    assert made == [("1",), ("2",), ("3",)]      # the whole Word-numbered list, not only its first item
    rows = con.sql("select rec_id, file_name, event, rag from recommendation_history "
                   "where recommendation like 'The sufficiency%'").fetchall()
    assert {r[1] for r in rows} == {"inspection.docx", "plan.docx", "progress.docx"}
    assert len({r[0] for r in rows}) == 1                       # one chain, rooted in the inspection
    assert ("action" in {r[2] for r in rows}) and ("red" in {r[3] for r in rows})


@pytest.mark.parametrize("ids", [("a", "b", "c"), ("b", "c", "a"), ("c", "a", "b"), ("b", "a", "c")])
def test_links_across_dated_and_undated_papers_never_make_a_cycle(ids):
    """An undated inspection and two dated papers: whatever their doc_ids, the
    chain has a first paper (a cycle left recommendation_history empty)."""
    insp, plan, prog = ids
    documents = [{"doc_id": insp, "meeting_date": None, "council": "Wexcombe Borough Council"},
                 {"doc_id": plan, "meeting_date": date(2024, 7, 10), "council": "Wexcombe Borough Council"},
                 {"doc_id": prog, "meeting_date": date(2025, 1, 15), "council": "Wexcombe Borough Council"}]
    text = "The sufficiency of local placements for children in care."
    recs = [{"rec_id": f"{d}3", "doc_id": d, "ref": "3", "text": text, "rag": None, "status_text": None}
            for d in (insp, plan, prog)]
    links = find_links(documents, recs, [], [])
    to = {l["to_id"] for l in links}
    assert [r["rec_id"] for r in recs if r["rec_id"] not in to] == [f"{insp}3"]   # one root: the undated inspection
    assert len(links) == 2


_REVIEW_RECS = ["The council should publish a single housing allocations policy within six months.",
                "The council should strengthen oversight of the repairs contract through quarterly reviews.",
                "The council should train all frontline staff in trauma-informed practice."]
_ANSWERS = [("Accepted", "The council will consult on a new policy in spring 2026 and adopt it by September 2026."),
            ("Partially accepted", "Quarterly reviews will begin in April 2026; a wider review is not affordable."),
            ("Not accepted", "Training is already provided through the corporate induction programme.")]


def _review(blocks, heading="Recommendations and council response"):
    from extractors.model import Block, Document
    return Document(doc_id="r", path="r.docx", file_name="r.docx", format="docx",
                    blocks=[Block(kind="heading", text="Independent review of housing services"),
                            Block(kind="heading", text=heading, level=1)] + blocks)


@pytest.mark.parametrize("layout", ["R-numbered, 'Response:' paragraph", "numbered, position on its own line",
                                    "answers in a table keyed by 'Rec'"])
def test_a_reviews_recommendations_with_the_councils_answers(layout):
    from extractors.model import Block, Cell, Table
    if layout.startswith("R-numbered"):
        blocks = [b for i, (r, (s, t)) in enumerate(zip(_REVIEW_RECS, _ANSWERS), 1)
                  for b in (Block(kind="paragraph", text=r, numbering=f"R{i}"),
                            Block(kind="paragraph", text=f"Response: {s}. {t}"))]
    elif layout.startswith("numbered"):
        blocks = [b for i, (r, (s, t)) in enumerate(zip(_REVIEW_RECS, _ANSWERS), 1)
                  for b in (Block(kind="list_item", text=r, numbering=f"{i}."), Block(kind="paragraph", text=f"{s}."),
                            Block(kind="paragraph", text=t))]
    else:
        blocks = [Block(kind="paragraph", text=r, numbering=f"R{i}") for i, r in enumerate(_REVIEW_RECS, 1)]
        rows = [[Cell("Rec"), Cell("Response"), Cell("Comment")]] + \
            [[Cell(f"R{i}"), Cell(s), Cell(t)] for i, (s, t) in enumerate(_ANSWERS, 1)]
        blocks += [Block(kind="heading", text="Appendix: Council response", level=1),
                   Block(kind="table", table=Table(rows=rows, header_rows=1))]
    doc = _review(blocks)
    got = extract_all(doc, extract_metadata(doc))
    assert [r["text"] for r in got["recommendations"]] == _REVIEW_RECS
    assert [x["status"] for x in got["responses"]] == ["accepted", "partially_accepted", "rejected"]
    rec_ids = [r["rec_id"] for r in got["recommendations"]]
    assert [x["rec_id"] for x in got["responses"]] == rec_ids


def test_a_numbered_chapter_heading_is_not_a_recommendation_answered():
    from extractors.entities.responses import labelled_responses
    from extractors.model import Block
    doc = _review([Block(kind="paragraph", text="Governance and oversight of the programme board", numbering="5."),
                   Block(kind="paragraph", text="Council response: the board has met monthly since June.")],
                  heading="Findings")
    assert labelled_responses(doc, None) == []
