"""Reports that make recommendations to someone else, as committees and
reviewers print them: a Public Accounts Committee's numbered conclusions
each with "Recommendation:" paragraphs, a peer challenge's numbered key
recommendations after a lead-in sentence."""
from extractors.entities.passes import extract_all
from extractors.loaders.text import load as load_text
from extractors.metadata import extract_metadata
from extractors.model import Block, Document

PAC = [
    Block(kind="heading", text="Conclusions and recommendations", level=2),
    Block(kind="paragraph", numbering="1", text="Disabled people are waiting unacceptably long for adaptations. "
          "The average wait rose from 29 weeks to 41 weeks."),
    Block(kind="paragraph", text="Recommendation: The Department should, by March 2027, write to the Committee "
          "setting out how it will reduce waiting times."),
    Block(kind="paragraph", numbering="2", text="The formula used to allocate the grant no longer reflects need."),
    Block(kind="paragraph", text="Recommendation: The Department should review the allocation formula."),
    Block(kind="paragraph", text="Recommendation: The Department and the Health and Social Care Directorate should "
          "jointly publish a workforce plan."),
    Block(kind="paragraph", numbering="3", text="Help varies between neighbouring areas. We will return to this issue."),
    Block(kind="heading", text="1 Demand and delivery", level=2),
    Block(kind="paragraph", numbering="1", text="The grant should reach those who need it; the Department must act."),
]


def test_a_committees_labelled_recommendations_under_its_numbered_conclusions():
    doc = Document(doc_id="pac", path="pac.pdf", file_name="pac.pdf", format="pdf", blocks=PAC)
    got = extract_all(doc, {})
    recs = got["recommendations"]
    assert [(r["ref"], r["kind"]) for r in recs] == [("1", "improvement"), ("2", "improvement"), ("2", "improvement")]
    assert recs[0]["text"].startswith("The Department should, by March 2027")   # the label dropped
    # the conclusions are findings; the chapter after the summary is the body, not the summary
    assert not any("waiting unacceptably" in r["text"] or "grant should reach" in r["text"] for r in recs)
    owners = [(o["parent_id"], o["role"]) for o in got["owners"]]
    assert (recs[2]["rec_id"], "The Department") in owners
    assert (recs[2]["rec_id"], "the Health and Social Care Directorate") in owners


PEER = """LGA Corporate Peer Challenge

Key recommendations

There are a number of observations and suggestions within the main section of the report. The following are the peer team's key recommendations to the council:

1. Develop a single financial recovery plan that closes the budget gap. The council should agree a savings programme by the end of September 2026.
2. Refresh the Corporate Plan so that it sets out fewer, clearer priorities.
3. Make better use of performance insight. Senior leaders should agree a smaller suite of outcome measures.

Summary of the peer challenge approach

The peer team spent four days on site.
"""


def test_a_peer_challenges_key_recommendations_after_a_lead_in_sentence():
    doc = load_text(PEER.encode(), path="peer.txt", doc_id="peer")
    got = extract_all(doc, extract_metadata(doc))
    recs = got["recommendations"]
    assert [r["ref"] for r in recs] == ["1", "2", "3"]
    assert all(r["kind"] == "improvement" for r in recs)
    by_rec = {(o["parent_id"], o["role"]) for o in got["owners"]}
    assert (recs[0]["rec_id"], "council") in {(p, (r or "").replace("The ", "").replace("the ", "")) for p, r in by_rec}
    assert (recs[2]["rec_id"], "Senior leaders") in by_rec


def _scrutiny_review(appendix_rows):
    from extractors.model import Cell, Table
    table = Table(rows=[[Cell(c) for c in r] for r in
                        [["Recommendation", "Lead officer / Cabinet Member", "Timescale"], *appendix_rows]],
                  header_rows=1)
    return Document(doc_id="tfg", path="tfg.docx", file_name="tfg.docx", format="docx", blocks=[
        Block(kind="heading", text="Recommendations to the Committee", level=2),
        Block(kind="paragraph", numbering="2.1", text="That the Committee endorses the findings of the Task and "
              "Finish Group and refers them to the Cabinet for a response."),
        Block(kind="heading", text="Recommendations of the Task and Finish Group", level=2),
        Block(kind="paragraph", numbering="Recommendation 1", text="That the Cabinet agrees to fund two additional "
              "Environmental Health Officer posts for a fixed term of two years."),
        Block(kind="paragraph", numbering="Recommendation 2", text="That the Cabinet Member for Housing writes to "
              "every letting agent operating in the district."),
        Block(kind="heading", text="Appendix A: Recommendations, leads and timescales", level=2),
        Block(kind="table", table=table),
    ])


def test_an_appendix_restating_the_recommendations_gives_them_its_leads_and_timescales():
    doc = _scrutiny_review([["1. Two additional Environmental Health Officer posts", "Marcus Trent, Head of Housing",
                             "Posts filled by October 2026"],
                            ["2. Letter to letting agents", "Cllr Anita Farrow, Cabinet Member for Housing",
                             "July 2026"]])
    got = extract_all(doc, {"committee": "Overview and Scrutiny Committee"})
    recs = {r["ref"]: r for r in got["recommendations"]}
    # one row per recommendation: the appendix's short titles are not new ones
    assert sorted(recs) == ["2.1", "Recommendation 1", "Recommendation 2"]
    assert recs["2.1"]["kind"] == "decision"   # "Recommendations to the Committee" is a decision zone
    owners = {(o["parent_id"], o["role"], o["person"]) for o in got["owners"]}
    r1, r2 = recs["Recommendation 1"]["rec_id"], recs["Recommendation 2"]["rec_id"]
    assert (r1, "Head of Housing", "Marcus Trent") in owners
    assert (r1, "the Cabinet", None) in owners          # "That the Cabinet agrees ..." names who acts
    # the Cabinet Member named in the text and in the appendix is one owner, with the holder's name
    assert [(o["role"], o["person"]) for o in got["owners"] if o["parent_id"] == r2] == \
        [("Cabinet Member for Housing", "Cllr Anita Farrow")]
    # the Committee that resolves its own recommendation is not an owner of it
    assert not any(o["parent_id"] == recs["2.1"]["rec_id"] for o in got["owners"])
    due = {(t["parent_id"], str(t["due_date"])) for t in got["timescales"]}
    assert (r1, "2026-10-31") in due and (r2, "2026-07-31") in due


def test_a_table_row_whose_words_differ_from_the_recommendation_of_its_ref_stays_its_own():
    doc = _scrutiny_review([["1. Budget for the winter fuel scheme", "Director of Finance", "March 2027"]])
    recs = extract_all(doc, {})["recommendations"]
    assert [r["ref"] for r in recs].count("1") == 1   # not merged into "Recommendation 1"
