"""Forms read in session 27: a recommendation printed as a stem over its
lettered parts ("Recommendation 6: That the Cabinet:" / "(a) ..." / "(b) ..."),
inline ("That the Executive: (a) ...; and (b) ..."), or in a table row with a
code ("TC3 That the Council: (a) ..."); the same post named by a
recommendation's words and by its "Lead:" line."""
import docx

from extractors.numbering import bare_ref
from tests.word_papers import add_table as _table, extracted as _extracted


def _by_text(out: dict) -> dict:
    """first 20 characters of each recommendation's text -> its row."""
    return {r["text"][:20]: r for r in out["recommendations"]}


def _owners_of(out: dict, rec: dict) -> list:
    return sorted((o["role"], o["person"]) for o in out["owners"] if o["parent_id"] == rec["rec_id"])


def _dates_of(out: dict, rec: dict) -> list:
    return sorted(t["raw"] for t in out["timescales"] if t["parent_id"] == rec["rec_id"])


def _review(d):
    d.add_heading("Damp and Mould Task and Finish Group: final report", level=1)
    d.add_heading("3. Responding to reports", level=2)
    d.add_paragraph("3.1 The Council has no single policy on damp and mould, and staff did not agree on how quickly to inspect.")


def test_stem_over_lettered_parts_gives_one_recommendation_a_part(tmp_path):
    d = docx.Document()
    _review(d)
    d.add_paragraph("Recommendation 5: That the Cabinet allocates £1.2 million a year to a ventilation programme.")
    d.add_paragraph("Lead: Cabinet Member for Finance and Resources – Timescale: February 2027")
    d.add_paragraph("Recommendation 6: That the Cabinet:")
    d.add_paragraph("(a) trains every housing officer who visits tenants' homes to recognise damp and mould; and")
    d.add_paragraph("(b) sets up a free damp and mould telephone line for tenants.")
    d.add_paragraph("Lead: Cabinet Member for Housing / Head of Tenancy Services – Timescale: (a) September 2027; "
                    "(b) December 2027")
    out = _extracted(d, tmp_path)
    recs = _by_text(out)
    assert set(recs) == {"That the Cabinet all", "trains every housing", "sets up a free damp "}
    a, b = recs["trains every housing"], recs["sets up a free damp "]
    assert (a["ref"], b["ref"]) == ("Recommendation 6a", "Recommendation 6b")
    # the lead line is each part's; its date printed per letter goes to that letter's part
    for part in (a, b):
        assert _owners_of(out, part) == [("Cabinet Member for Housing", None), ("Head of Tenancy Services", None),
                                         ("the Cabinet", None)]
    assert _dates_of(out, a) == ["September 2027"]
    assert _dates_of(out, b) == ["December 2027"]
    assert not out["actions"]   # "(b) sets up ..." is a part, not a step


def test_inline_parts_after_a_stem_each_addressed_to_the_stems_body(tmp_path):
    d = docx.Document()
    d.add_heading("Recommendations", level=1)
    d.add_paragraph("The Panel makes the following recommendations.")
    d.add_paragraph("1. That the Executive reviews the grounds maintenance contract before it is renewed in 2027.")
    d.add_paragraph("2. That the Executive: (a) publishes a fly-tipping enforcement policy by June 2027; and "
                    "(b) reports enforcement figures to this Panel every six months.")
    out = _extracted(d, tmp_path)
    recs = _by_text(out)
    a, b = recs["publishes a fly-tipp"], recs["reports enforcement "]
    assert (a["ref"], b["ref"]) == ("2(a)", "2(b)")
    assert _owners_of(out, a) == _owners_of(out, b) == [("the Executive", None)]
    assert _dates_of(out, a) == ["by June 2027"]
    assert len(out["recommendations"]) == 3


def test_table_row_of_parts_keeps_its_cells_with_the_first_part(tmp_path):
    d = docx.Document()
    d.add_heading("Appendix 1: Recommendations tracker", level=1)
    _table(d, [["Recommendation", "Responsible officer", "Target date", "Update"],
               ["TC2 That the Council reviews its town centre parking charges before April 2027.",
                "Head of Parking Services", "April 2027", "Review under way."],
               ["TC3 That the Council: (a) sets up a Town Centre Partnership with businesses and the police; and "
                "(b) funds a town centre warden from its own budget.", "Town Centre Manager", "January 2027",
                "Partnership met in October."]])
    out = _extracted(d, tmp_path)
    recs = _by_text(out)
    a, b = recs["sets up a Town Centr"], recs["funds a town centre "]
    assert (a["ref"], b["ref"]) == ("TC3(a)", "TC3(b)")
    # the row answers TC3 as a whole: its officer and date go with the first part
    assert _owners_of(out, a) == [("Town Centre Manager", None)]
    assert _dates_of(out, a) == ["January 2027"]
    assert _owners_of(out, b) == [] and _dates_of(out, b) == []


def test_a_part_printed_as_6a_and_as_6_a_is_one_ref():
    assert bare_ref("6(a)") == bare_ref("Recommendation 6a") == "6a"
    assert bare_ref("Recommendation 4(b)") == bare_ref("4b")
    assert bare_ref("(a)") == "a" and bare_ref("4.2(a)") == "4.2a" and bare_ref("R3") == "3"


def test_a_post_named_by_the_words_and_the_lead_line_is_one_owner(tmp_path):
    d = docx.Document()
    _review(d)
    d.add_paragraph("Recommendation 7: That the Cabinet Member for Housing ensures that no tenant is told that mould "
                    "in their home is caused by their lifestyle.")
    d.add_paragraph("Lead: Cabinet Member for Housing / Head of Tenancy Services – Timescale: Immediate")
    out = _extracted(d, tmp_path)
    (rec,) = out["recommendations"]
    assert _owners_of(out, rec) == [("Cabinet Member for Housing", None), ("Head of Tenancy Services", None)]
