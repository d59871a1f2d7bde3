"""Forms read in session 31: two leads printed in one line, each post with
its holder in brackets and the second named with its body's possessive
("Head of Housing Options (Kerry Whitlam) with the Trust's Director of
Operations (Dr Louise Farrant)"); a note in brackets after a lead ("Leader of
the Council (to raise with the Department)"); a "Cabinet Member" column
beside the lead officer in a task group's appendix; a lettered part's number
printed before a short title ("7a. Independent audit of walking routes")."""
import docx

from extractors.entities.columns import column_role
from extractors.entities.owners import split_owners
from extractors.numbering import split_numbering
from tests.word_papers import extracted as _extracted


def test_two_leads_joined_by_with_and_a_possessive_body():
    got = [(r, p) for r, p, _ in split_owners("Head of Housing Options (Kerry Whitlam) with the Trust’s "
                                              "Director of Operations, Millbeck Care Group (Dr Louise Farrant)")]
    assert got == [("Head of Housing Options", "Kerry Whitlam"),
                   ("Director of Operations, Millbeck Care Group", "Dr Louise Farrant")]


def test_a_bracketed_note_after_the_lead_is_not_the_post():
    got = [(r, p) for r, p, _ in split_owners("Cllr Jonathan Stroud, Leader of the Council (to raise with the Department)")]
    assert got == [("Leader of the Council", "Cllr Jonathan Stroud")]
    # a body in brackets is still kept as printed
    assert split_owners("Head of Safeguarding (Wansdyke Hospitals)")[0][0].endswith("(Wansdyke Hospitals)")


def test_cabinet_member_column_is_an_owner_column():
    for h in ("Cabinet Member", "Lead Cabinet Member", "Responsible Cabinet Member", "Executive Member", "Portfolio Holders"):
        assert column_role(h) in ("owner_lead", "owner_responsible"), h
    assert column_role("Cabinet Member comments") != "owner_lead"


def test_lettered_part_number_before_a_title():
    assert split_numbering("7a. Independent audit of walking routes") == ("7a", "Independent audit of walking routes")
    assert split_numbering("6(b) Free damp and mould telephone line") == ("6(b)", "Free damp and mould telephone line")
    assert split_numbering("5a Park Road") == (None, "5a Park Road")          # an address, not a number
    assert split_numbering("12b. the rest") == (None, "12b. the rest")        # lower case after: not numbering


def test_appendix_rows_give_leads_to_the_parts_printed_in_the_body(tmp_path):
    d = docx.Document()
    d.add_heading("Recommendations", level=1)
    d.add_paragraph("Recommendation 7a: The Cabinet Member for Highways should commission an independent audit of walking routes.")
    d.add_paragraph("Recommendation 7b: Officers should send the outcome of each walking route assessment to families.")
    d.add_heading("Appendix A – Leads and suggested timescales", level=1)
    t = d.add_table(rows=3, cols=4)
    for j, h in enumerate(["Recommendation", "Cabinet Member", "Lead officer", "Suggested timescale"]):
        t.cell(0, j).text = h
    for i, (title, when) in enumerate([("7a. Independent audit of walking routes", "September 2027"),
                                       ("7b. Share route assessments with families", "Immediate")], 1):
        for j, x in enumerate([title, "Cllr Raj Mehta, Cabinet Member for Highways", "Head of Road Safety – Gareth Pryce", when]):
            t.cell(i, j).text = x
    out = _extracted(d, tmp_path)
    assert sorted(r["ref"] for r in out["recommendations"]) == ["Recommendation 7a", "Recommendation 7b"]
    recs = {r["rec_id"]: r["ref"] for r in out["recommendations"]}
    people = {(recs[o["parent_id"]], o["person"]) for o in out["owners"] if o["person"]}
    assert people == {(f"Recommendation 7{x}", p) for x in "ab" for p in ("Cllr Raj Mehta", "Gareth Pryce")}
