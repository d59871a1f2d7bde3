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
