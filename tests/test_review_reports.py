"""Reports that make recommendations to someone else, as committees and
reviewers print them: a Public Accounts Committee's numbered conclusions
each with "Recommendation:" paragraphs, a peer challenge's numbered key
recommendations after a lead-in sentence."""
import pytest

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
    assert (recs[2]["rec_id"], "Senior leader") in by_rec


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


REVIEW = [
    Block(kind="heading", text="Recommendations", level=3),
    Block(kind="heading", text="Governance and accountability", level=3),
    Block(kind="paragraph", text="R1 The Council should appoint a single Senior Responsible Owner for the programme."),
    Block(kind="paragraph", text="R2 We recommend that the Council strengthens member oversight of major projects by:"),
    Block(kind="list_item", numbering="a)", text="establishing a Major Projects Board with cross-party membership; and"),
    Block(kind="list_item", numbering="b)", text="giving the Audit Committee a standing item on the risk register."),
    Block(kind="heading", text="Commercial and contract management", level=3),
    Block(kind="paragraph", text="R3 The Council must obtain independent legal advice on its contract within one month."),
    Block(kind="heading", text="Introduction", level=1, numbering="1"),
    Block(kind="paragraph", numbering="1.1", text="The Chief Executive commissioned this review in October 2026."),
]


def _review_doc(response_rows=None):
    from extractors.model import Cell, Table
    from extractors.numbering import split_numbering
    blocks = []
    for b in REVIEW:   # the loaders split a printed "R1" off as the numbering
        num, rest = split_numbering(b.text) if b.numbering is None else (b.numbering, b.text)
        blocks.append(Block(kind=b.kind, text=rest, numbering=num, level=b.level))
    if response_rows:
        blocks.append(Block(kind="table", table=Table(
            rows=[[Cell(c) for c in r] for r in [["Recommendation", "Accepted?", "Action", "Lead", "By when"],
                                                  *response_rows]], header_rows=1)))
    return Document(doc_id="rev", path="rev.pdf", file_name="rev.pdf", format="pdf", blocks=blocks)


def test_a_reviews_r_numbered_recommendations_grouped_under_theme_headings():
    recs = extract_all(_review_doc(), {})["recommendations"]
    # the theme headings do not end the list; the lettered parts of R2 are recommendations R2a, R2b
    assert [r["ref"] for r in recs] == ["R1", "R2a", "R2b", "R3"]
    assert all(r["kind"] == "improvement" for r in recs)
    assert recs[1]["text"].startswith("establishing a Major Projects Board")
    assert not any("commissioned this review" in r["text"] for r in recs)


def test_a_response_table_answering_r_numbered_recommendations():
    got = extract_all(_review_doc([
        ["R1 Single Senior Responsible Owner", "Accepted", "A Senior Responsible Owner was appointed in February.",
         "Chief Executive", "Complete"],
        ["R2 Member oversight of major projects", "Accepted in part", "The Audit Committee will have a standing item.",
         "Monitoring Officer", "30 June 2027"]]), {})
    # the table's rows are the review's recommendations again, not new ones
    assert [r["ref"] for r in got["recommendations"]] == ["R1", "R2a", "R2b", "R3"]
    resp = {r["rec_ref"]: r for r in got["responses"]}
    assert resp["R1"]["status"] == "accepted" and resp["R2"]["status"] == "partially_accepted"
    # the answer is the position and what follows it in the Action column
    assert resp["R1"]["text"] == "Accepted. A Senior Responsible Owner was appointed in February."
    by_rec = {r["rec_id"]: r["ref"] for r in got["recommendations"]}
    owners = {(by_rec.get(o["parent_id"]), o["role"]) for o in got["owners"]}
    assert ("R1", "Chief Executive") in owners and ("R2a", "Monitoring Officer") in owners   # R2's row: its first part


def test_a_recommendation_printed_in_the_reports_list_and_again_in_its_chapter_is_one_row():
    rec1 = "The Government should publish, by the end of December 2027, a national action plan to reduce the number."
    doc = Document(doc_id="sen", path="sen.pdf", file_name="sen.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Conclusions and recommendations", level=3),
        Block(kind="paragraph", text="Conclusion 1. The number of households in temporary accommodation is the highest."),
        Block(kind="list_item", numbering="Recommendation 1", text=rec1 + " Page 8"),
        Block(kind="heading", numbering="1", text="Introduction", level=1),
        Block(kind="paragraph", numbering="1", text="On 15 September 2026 the Committee agreed to hold an inquiry."),
        Block(kind="heading", text="Our view", level=3),
        Block(kind="paragraph", numbering="9", text="The figures speak for themselves. The Government should act now."),
        Block(kind="list_item", numbering="Recommendation 1", text=rec1),
    ])
    recs = extract_all(doc, {})["recommendations"]
    assert [(r["ref"], r["text"]) for r in recs] == [("Recommendation 1", rec1)]   # the list's page reference dropped
    assert recs[0]["locator"] == "Recommendation 1"   # the first printing, not the chapter's ("#1")


def test_an_audits_findings_that_point_to_its_recommendations_are_not_recommendations():
    from extractors.model import Cell, Table
    plan = Table(rows=[[Cell(c) for c in r] for r in [
        ["Ref", "Finding", "Recommendation", "Agreed management action", "Responsible officer", "Target date"],
        ["1", "Reports are not received.", "The Contracts Manager should obtain monthly performance reports.",
         "Partially agreed.\n1. The Contracts Manager will write to the contractor.", "Contracts Manager", "October 2026"],
        ["2", "Invoices are not certified.", "Invoices should be certified before payment.",
         "Agreed.\nA certification step will be added.", "Finance Manager", "December 2026"]]], header_rows=1)
    doc = Document(doc_id="ia", path="ia.docx", file_name="ia.docx", format="docx", blocks=[
        Block(kind="paragraph", numbering="1.5", text="Areas for improvement:", level=2),
        Block(kind="list_item", numbering="•", text="Monthly performance reports are not received or chased (recommendation 1)."),
        Block(kind="list_item", numbering="•", text="Invoices are paid without certification (recommendation 2)."),
        Block(kind="heading", numbering="3", text="Management action plan", level=2),
        Block(kind="table", table=plan),
    ])
    got = extract_all(doc, {})
    assert [r["text"] for r in got["recommendations"]] == [
        "The Contracts Manager should obtain monthly performance reports.", "Invoices should be certified before payment."]
    # "Partially agreed." is management's position, not a step
    assert not any(a["text"].rstrip(".").lower() in ("agreed", "partially agreed") for a in got["actions"])


RECS = ["The Council should establish a single point of contact for families within three months.",
        "Children's social care leaders must make sure that supervision is recorded consistently.",
        "The Director of Children's Services should report progress to the Scrutiny Committee by March 2027."]


@pytest.mark.parametrize("heading", ["Recommendations", "Summary of recommendations", "Our recommendations",
                                     "Recommendations for improvement", "Conclusions and recommendations"])
@pytest.mark.parametrize("marks", ["paragraphs", "bullets", "numbers"])
@pytest.mark.parametrize("intro", [None, "We make the following recommendations:"])
def test_a_reviews_recommendations_under_any_heading_printed_as_paragraphs_bullets_or_numbers(heading, marks, intro):
    items = [Block(kind="paragraph" if marks == "paragraphs" else "list_item", text=t,
                   numbering={"paragraphs": None, "bullets": "•", "numbers": str(k)}[marks]) for k, t in enumerate(RECS, 1)]
    doc = Document(doc_id="r", path="r.docx", file_name="r.docx", format="docx", blocks=[
        Block(kind="heading", text="Independent review of children's services", level=1),
        Block(kind="heading", text="Findings", level=2),
        Block(kind="paragraph", text="Practice is inconsistent across teams and managers are stretched."),
        Block(kind="heading", text=heading, level=2),
        *([Block(kind="paragraph", text=intro)] if intro else []),
        *items,
        Block(kind="heading", text="Next steps", level=2),
        Block(kind="paragraph", text="The Council will publish its response in the new year."),
    ])
    recs = extract_all(doc, {})["recommendations"]
    assert [r["text"] for r in recs] == RECS
    assert all(r["kind"] == "improvement" for r in recs)


def test_a_needs_assessments_recommendations_after_it_is_recommended_that_or_in_a_one_cell_box():
    from extractors.model import Cell, Table
    items = ["Commissioners should extend the family support service to all children on the edge of care.",
             "Schools and the local authority should agree a shared approach to persistent absence."]
    for blocks in ([Block(kind="paragraph", text="It is recommended that:"),
                    *[Block(kind="list_item", numbering="•", text=t) for t in items]],
                   [Block(kind="table", table=Table(rows=[[Cell("Recommendations\n• " + "\n• ".join(items))]]))]):
        doc = Document(doc_id="hna", path="hna.pdf", file_name="hna.pdf", format="pdf", blocks=[
            Block(kind="heading", text="5. Children on the edge of care", level=2),
            Block(kind="paragraph", text="The number of children on child protection plans rose by 12% since 2014."),
            *blocks,
            Block(kind="heading", text="6. Looked after children", level=2)])
        got = extract_all(doc, {})
        assert [(r["text"], r["kind"]) for r in got["recommendations"]] == [(t, "improvement") for t in items]
        by_rec = {r["rec_id"]: r["text"][:7] for r in got["recommendations"]}
        assert sorted((by_rec[o["parent_id"]], o["role"]) for o in got["owners"]) == [
            ("Commiss", "Commissioner"), ("Schools", "Schools"), ("Schools", "the local authority")]


def test_a_recommendation_label_printed_as_a_heading_with_the_recommendation_under_it():
    doc = Document(doc_id="s", path="s.pdf", file_name="s.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Conclusions and recommendations", level=1),
        Block(kind="heading", text="Recommendation 1: Data sharing", level=3),
        Block(kind="paragraph", text="The Scottish Government should legislate to require data sharing between boards."),
        Block(kind="heading", text="Recommendation 2: Funding", level=3),
        Block(kind="paragraph", text="The Scottish Government should provide three-year funding settlements to charities."),
        Block(kind="heading", text="Formal minutes", level=1),
    ])
    recs = extract_all(doc, {})["recommendations"]
    # one row each, its text the recommendation (after its title), not the title alone
    assert [(r["ref"], r["text"]) for r in recs] == [
        ("Recommendation 1", "Data sharing The Scottish Government should legislate to require data sharing between boards."),
        ("Recommendation 2", "Funding The Scottish Government should provide three-year funding settlements to charities.")]


def test_a_cabinet_reports_recommendations_after_a_short_that_cabinet_lead_in():
    text = ("Calderford Borough Council\nReport to: Cabinet\nDate of meeting: 12 March 2026\n\n"
            "RECOMMENDATIONS:\n\nThat Cabinet:\n\n1. approve the business plan at Appendix A;\n"
            "2. note the risks set out in section 6; and\n3. delegate authority to the Director of Housing to make minor "
            "amendments.\n\n3. Background\n\n3.1 The plan was last refreshed in 2021.\n")
    doc = load_text(text.encode(), path="r.txt", doc_id="r")
    recs = extract_all(doc, extract_metadata(doc))["recommendations"]
    assert [(r["ref"], r["kind"]) for r in recs] == [("1", "decision"), ("2", "decision"), ("3", "decision")]


def test_a_pac_reports_numbered_conclusion_set_in_bold_does_not_end_its_summary_chapter():
    blocks = list(PAC[:3])
    # conclusion 2 printed in bold, read as a heading with its number split off: still in the list
    blocks.append(Block(kind="heading", numbering="2", level=1, text="The formula used to allocate the grant no longer "
                        "reflects need, and the Department has not reviewed it since 2014."))
    blocks += PAC[4:]
    doc = Document(doc_id="pac", path="pac.pdf", file_name="pac.pdf", format="pdf", blocks=blocks)
    recs = extract_all(doc, {})["recommendations"]
    assert [(r["ref"], r["kind"]) for r in recs] == [("1", "improvement"), ("2", "improvement"), ("2", "improvement")]


_LISTED = ["The Council should appoint a single senior owner for the programme.",
           "Cabinet should receive a quarterly report on the programme.",
           "The programme risk register should be reviewed monthly."]


@pytest.mark.parametrize("plan_header", [None, ["Rec no.", "Action", "Lead officer", "Target date"],
                                         ["Recommendation", "Agreed action", "Responsible officer", "Target date"]])
def test_a_table_listing_the_recommendations_and_an_action_plan_keyed_to_them(plan_header):
    from extractors.model import Cell, Table
    listed = Table(rows=[[Cell(c) for c in r] for r in [["No.", "Recommendation", "Priority"],
                                                        *[[str(k), t, "High"] for k, t in enumerate(_LISTED, 1)]]],
                   header_rows=1)
    blocks = [Block(kind="heading", text="Summary of recommendations", level=2), Block(kind="table", table=listed)]
    if plan_header:
        first = (lambda k, t: str(k)) if plan_header[0] == "Rec no." else (lambda k, t: f"{k}. {t[:25]}")
        plan = Table(rows=[[Cell(c) for c in r] for r in [plan_header, *[
            [first(k, t), f"The service will act on recommendation {k} this year.", "Head of Repairs", "March 2027"]
            for k, t in enumerate(_LISTED, 1)]]], header_rows=1)
        blocks += [Block(kind="heading", text="Action plan", level=2), Block(kind="table", table=plan)]
    doc = Document(doc_id="lst", path="lst.docx", file_name="lst.docx", format="docx", blocks=blocks)
    got = extract_all(doc, {})
    # the listed recommendations, once each (the plan's rows are the same recommendations)
    assert [(r["ref"], r["text"]) for r in got["recommendations"]] == [(str(k), t) for k, t in enumerate(_LISTED, 1)]
    if plan_header:
        ref_of = {r["rec_id"]: r["ref"] for r in got["recommendations"]}
        assert [ref_of.get(a["rec_id"]) for a in got["actions"]] == ["1", "2", "3"]
        assert [(o["parent_type"], ref_of.get(o["parent_id"])) for o in got["owners"]] == [
            ("recommendation", "1"), ("recommendation", "2"), ("recommendation", "3")]


def test_a_plain_text_summary_list_ends_at_an_appendix_line():
    recs = ["The Council should appoint a single senior owner for the programme.",
            "Cabinet should receive a quarterly report on the programme."]
    text = ("Independent review of the repairs service\n\nSummary of recommendations\n\n"
            + "".join(f"{k}. {r}\n" for k, r in enumerate(recs, 1)) + "\nAppendix B: Council response\n\n"
            + "".join(f"Recommendation {k}\n\n{r}\n\nResponse: Accepted. The Council will act on this in 2027.\n\n"
                      for k, r in enumerate(recs, 1)))
    doc = load_text(text.encode(), path="r.txt", doc_id="r")
    got = extract_all(doc, extract_metadata(doc))
    # each recommendation once, not again with the response run into it
    assert [(r["ref"], r["text"]) for r in got["recommendations"]] == [("1", recs[0]), ("2", recs[1])]
    assert [(x["rec_ref"], x["status"]) for x in got["responses"]] == [("1", "accepted"), ("2", "accepted")]


def test_an_audits_recommendation_set_out_as_a_label_and_value_table_of_its_own():
    from extractors.model import Cell, Table

    def record(k, rec):
        rows = [[f"Recommendation {k}", "Priority: High"],
                ["Finding", "Monthly performance reports are not obtained from the contractor."],
                ["Recommendation", rec],
                ["Agreed action", "Agreed. The Contracts Manager will request the reports each month."],
                ["Responsible officer", "Contracts Manager"],
                ["Target date", "31 October 2026"]]
        return Block(kind="table", table=Table(rows=[[Cell(c) for c in r] for r in rows]))
    recs = ["The Contracts Manager should obtain monthly performance reports.",
            "Invoices should be certified by the contract manager before payment."]
    doc = Document(doc_id="ia", path="ia.docx", file_name="ia.docx", format="docx",
                   blocks=[Block(kind="heading", text="Detailed findings and recommendations", level=2),
                           record(1, recs[0]), record(2, recs[1])])
    got = extract_all(doc, {})
    # the recommendation, not the finding; its action, owner and date from the labelled rows
    assert [(r["ref"], r["text"]) for r in got["recommendations"]] == [("1", recs[0]), ("2", recs[1])]
    ref_of = {r["rec_id"]: r["ref"] for r in got["recommendations"]}
    assert [(ref_of[o["parent_id"]], o["role"]) for o in got["owners"]] == [("1", "Contracts Manager"), ("2", "Contracts Manager")]
    assert [(ref_of[t["parent_id"]], str(t["due_date"])) for t in got["timescales"] if t["due_date"]] == [
        ("1", "2026-10-31"), ("2", "2026-10-31")]
    assert len(got["actions"]) == 2


# An action plan keyed to the recommendations a review printed before it, by
# a number column under whatever name the council gives it.
_KEYED_RECS = ["The council should publish a single housing allocations policy within six months.",
               "The council should strengthen oversight of the repairs contract through quarterly reviews.",
               "The council should train all frontline staff in trauma-informed practice."]
_KEYED_PLAN = [("1", "Draft and consult on a new allocations policy.", "Head of Housing Needs", "March 2026"),
               ("1", "Publish the adopted policy on the website.", "Head of Housing Needs", "June 2026"),
               ("2", "Set up a quarterly contract review board.", "Director of Property – Sam Ives", "January 2026"),
               ("3", "Commission a training programme for frontline staff.", "HR Business Partner", "September 2026")]


@pytest.mark.parametrize("key_header,key_form", [("Rec", "{}"), ("R", "R{}"), ("Recommendation", "{}"),
                                                 ("Recommendation", "Recommendation {}"), ("No.", "{}"),
                                                 ("Ref", "R{}"), ("#", "{}"), ("Recommendation number", "{}")])
@pytest.mark.parametrize("numbering", ["1.", "R1", "Recommendation 1:"])
def test_an_action_plan_keyed_to_the_reviews_recommendations_by_number(key_header, key_form, numbering):
    from extractors.model import Block, Cell, Document, Table
    blocks = [Block(kind="heading", text="Independent review of housing services"),
              Block(kind="heading", text="Recommendations", level=1)]
    for i, r in enumerate(_KEYED_RECS, 1):
        if numbering == "1.":
            blocks.append(Block(kind="list_item", text=r, numbering=f"{i}."))
        elif numbering == "R1":
            blocks.append(Block(kind="paragraph", text=r, numbering=f"R{i}"))
        else:
            blocks.append(Block(kind="paragraph", text=f"Recommendation {i}: {r}"))
    blocks.append(Block(kind="heading", text="Appendix A: Action plan", level=1))
    rows = [[Cell(h) for h in (key_header, "Action", "Lead officer", "Target date")]]
    rows += [[Cell(key_form.format(k)), Cell(a), Cell(o), Cell(d)] for k, a, o, d in _KEYED_PLAN]
    blocks.append(Block(kind="table", table=Table(rows=rows, header_rows=1, pages=[2])))
    doc = Document(doc_id="x", path="x.pdf", file_name="x.pdf", format="pdf", blocks=blocks)
    out = extract_all(doc, extract_metadata(doc))
    recs = {r["rec_id"]: r for r in out["recommendations"]}
    assert len(recs) == 3
    ref_of = {rid: i for i, rid in enumerate(recs, 1)}
    assert [ref_of.get(a["rec_id"]) for a in out["actions"]] == [1, 1, 2, 3]
    # the plan's leads and dates are the recommendations' (docs/labelling.md)
    leads = sorted((ref_of[o["parent_id"]], o["role"]) for o in out["owners"] if o["raw"] != "The council")
    assert leads == [(1, "Head of Housing Needs"), (2, "Director of Property"), (3, "HR Business Partner")]
    # (the recommendations' own "within six months" and "quarterly" are timescales too)
    assert sorted((ref_of[t["parent_id"]], str(t["due_date"])) for t in out["timescales"] if t["due_date"]) == \
        [(1, "2026-03-31"), (1, "2026-06-30"), (2, "2026-01-31"), (3, "2026-09-30")]


def test_a_row_counter_beside_a_cabinet_papers_decisions_is_not_a_key():
    from extractors.model import Block, Cell, Document, Table
    blocks = [Block(kind="heading", text="Report to Cabinet"), Block(kind="heading", text="Recommendations", level=1),
              Block(kind="paragraph", text="Cabinet is asked to:"),
              Block(kind="list_item", text="note the progress made on the housing improvement plan;", numbering="1."),
              Block(kind="list_item", text="approve the revised allocations policy at Appendix B.", numbering="2."),
              Block(kind="heading", text="Action log", level=1)]
    rows = [[Cell(h) for h in ("No.", "Action", "Owner", "Deadline")],
            [Cell("1"), Cell("Circulate the revised policy to members."), Cell("Secretariat"), Cell("May 2026")],
            [Cell("2"), Cell("Publish the policy on the website."), Cell("Web team"), Cell("June 2026")]]
    blocks.append(Block(kind="table", table=Table(rows=rows, header_rows=1, pages=[2])))
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf", blocks=blocks)
    out = extract_all(doc, extract_metadata(doc))
    assert [a["rec_id"] for a in out["actions"]] == [None, None]


# An audit's management action plan in the layouts internal audit teams print.
_AUDIT = [("Invoices are paid without evidence that goods were received.",
           "The service should ensure that every invoice is certified by the budget holder before payment.", "High",
           "Agreed. A certification step will be added to the payment workflow.", "Finance Manager – Jo Hart",
           "31 March 2026"),
          ("Contract variations were not approved in writing.",
           "Variations to the grounds maintenance contract should be approved in writing by the contract manager.",
           "Medium", "Agreed.", "Contract Manager", "30 April 2026"),
          ("The contract register was out of date.", "The contract register should be reviewed and updated quarterly.",
           "Low", "Agreed. The register will be reviewed each quarter.", "Head of Procurement", "30 June 2026")]
_AUDIT_LAYOUTS = {
    "finding, recommendation, response, officer, date":
        (["No.", "Finding", "Recommendation", "Priority", "Management response", "Responsible officer", "Target date"],
         lambda k, r: [str(k), r[0], r[1], r[2], r[3], r[4], r[5]]),
    "a plain Date column": (["Ref", "Issue", "Risk", "Recommendation", "Priority", "Agreed action", "Owner", "Date"],
                            lambda k, r: [f"R{k}", r[0], "Financial loss", r[1], r[2], r[3], r[4], r[5]]),
    "finding and recommendation in one cell": (["Finding and recommendation", "Priority", "Response", "Lead", "Due"],
                                               lambda k, r: [f"{r[0]}\nRecommendation: {r[1]}", r[2], r[3], r[4], r[5]]),
    "officer and date in one column": (["No.", "Recommendation", "Rating", "Management comments",
                                        "Responsible Officer / Target Date"],
                                       lambda k, r: [str(k), r[1], r[2], r[3], f"{r[4]}\n{r[5]}"]),
    "officer and date as labelled lines under the response": (
        ["Recommendation", "Management Response"],
        lambda k, r: [f"Recommendation {k} ({r[2]} priority)\n{r[1]}",
                      f"{r[3]}\nResponsible officer: {r[4]}\nTarget date: {r[5]}"]),
}


@pytest.mark.parametrize("layout", list(_AUDIT_LAYOUTS))
def test_an_audit_action_plan_gives_each_recommendation_its_officer_and_date(layout):
    from extractors.model import Block, Cell, Document, Table
    header, row = _AUDIT_LAYOUTS[layout]
    rows = [[Cell(h) for h in header]] + [[Cell(x) for x in row(k, r)] for k, r in enumerate(_AUDIT, 1)]
    doc = Document(doc_id="a", path="a.pdf", file_name="a.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Internal Audit Report: Grounds Maintenance Contract"),
                           Block(kind="heading", text="Management action plan", level=1),
                           Block(kind="table", table=Table(rows=rows, header_rows=1, pages=[3]))])
    out = extract_all(doc, extract_metadata(doc))
    recs = out["recommendations"]
    assert len(recs) == 3
    assert [r["text"] for r in recs] == [a[1] for a in _AUDIT]
    rid = [r["rec_id"] for r in recs]
    assert [(rid.index(o["parent_id"]), o["role"]) for o in out["owners"]] == \
        [(0, "Finance Manager"), (1, "Contract Manager"), (2, "Head of Procurement")]
    # (a response's own "each quarter" is the response's; the recommendation's own "updated quarterly" is its
    # recurrence: session 29)
    assert [(rid.index(t["parent_id"]), str(t["due_date"])) for t in out["timescales"]
            if t["parent_type"] == "recommendation"] == \
        [(0, "2026-03-31"), (1, "2026-04-30"), (2, "2026-06-30"), (2, "None")]
    assert not any("officer:" in a["text"].lower() or "date:" in a["text"].lower() for a in out["actions"])


def test_paragraphs_about_the_recommendations_do_not_end_the_list():
    blocks = [Block(kind="heading", text="Fernbridge needs assessment"),
              Block(kind="heading", text="Recommendations", numbering="8", level=1),
              Block(kind="paragraph", text="The recommendations below were drafted with members of the partnership."),
              Block(kind="paragraph", text="The partnership is asked to adopt the following recommendations."),
              Block(kind="paragraph", text="Make self-harm a priority of the suicide prevention strategy.", numbering="1"),
              Block(kind="paragraph", text="Lead: Director of Public Health. Timescale: by March 2026."),
              Block(kind="paragraph", text="The ICB should commission enough capacity to reduce the median wait.",
                    numbering="2"),
              Block(kind="paragraph", text="Timescale: by March 2027.")]
    doc = Document(doc_id="n", path="n.pdf", file_name="n.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, extract_metadata(doc))
    assert [r["ref"] for r in rows["recommendations"]] == ["1", "2"]
    assert sorted(str(t["due_date"]) for t in rows["timescales"]) == ["2026-03-31", "2027-03-31"]


@pytest.mark.parametrize("heading", ["What is already happening", "What we are already doing", "Progress to date",
                                     "What has been done so far", "Current activity"])
def test_the_work_a_needs_assessment_reports_under_way_is_actions(heading):
    blocks = [Block(kind="heading", text="Healthy weight needs assessment"),
              Block(kind="heading", text="Adult weight management", level=2),
              Block(kind="paragraph", text="Referrals rose by 38% between 2022/23 and 2024/25."),
              Block(kind="heading", text=heading, level=3),
              Block(kind="list_item", text="Shape Up has been recommissioned from April 2025 with evening groups.",
                    numbering="•"),
              Block(kind="list_item", text="A Daily Mile pilot has started in 14 primary schools.", numbering="•")]
    doc = Document(doc_id="w", path="w.pdf", file_name="w.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, extract_metadata(doc))
    assert [a["text"][:12] for a in rows["actions"]] == ["Shape Up has", "A Daily Mile"]


@pytest.mark.parametrize("style", ["numbered", "Recommendation N:"])
@pytest.mark.parametrize("key_header", ["Rec", "Recommendation", "No."])
def test_recommendations_with_sub_numbered_refs_and_a_plan_keyed_to_them(style, key_header):
    from extractors.model import Cell, Table
    recs = [("3.1", "The council should publish a single housing allocations policy within six months."),
            ("4.2(a)", "The council should strengthen oversight of the repairs contract through quarterly reviews."),
            ("4.2(b)", "The council should train all frontline staff in trauma-informed practice.")]
    plan = [("3.1", "Draft and consult on a new allocations policy.", "Head of Housing Needs", "March 2026"),
            ("4.2(a)", "Set up a quarterly contract review board.", "Director of Property", "January 2026"),
            ("4.2(b)", "Commission a training programme for frontline staff.", "HR Business Partner", "September 2026")]
    blocks = [Block(kind="heading", text="Independent review of housing services"),
              Block(kind="heading", text="Recommendations", level=1)]
    for ref, text in recs:
        blocks.append(Block(kind="paragraph", text=text, numbering=ref) if style == "numbered"
                      else Block(kind="paragraph", text=f"Recommendation {ref}: {text}"))
    rows = [[Cell(key_header), Cell("Action"), Cell("Lead officer"), Cell("Target date")]] + \
        [[Cell(k), Cell(a), Cell(o), Cell(d)] for k, a, o, d in plan]
    blocks += [Block(kind="heading", text="Appendix A: Action plan", level=1),
               Block(kind="table", table=Table(rows=rows, header_rows=1, pages=[2]))]
    doc = Document(doc_id="x", path="x.pdf", file_name="x.pdf", format="pdf", blocks=blocks)
    out = extract_all(doc, extract_metadata(doc))
    got = out["recommendations"]
    assert [r["text"] for r in got] == [t for _, t in recs]
    assert [r["ref"].replace("Recommendation ", "") for r in got] == [ref for ref, _ in recs]
    rid = [r["rec_id"] for r in got]
    assert [rid.index(a["rec_id"]) for a in out["actions"]] == [0, 1, 2]
