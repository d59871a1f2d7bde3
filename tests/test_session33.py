"""Forms read in session 33 (see docs/design.md, "session 33")."""
from tests.word_papers import add_table, extracted


def test_a_body_with_its_chair_in_brackets_and_a_separator_left_before_a_label():
    from extractors.entities.owners import split_owners
    got = split_owners("Policy and Procedures Sub-group (Chair: Insp. Dawn Kettleborough, Wealdmoor Police)")
    assert [(r, p) for r, p, _ in got] == [("Policy and Procedures Sub-group", "Dawn Kettleborough")]
    got = split_owners("Oral Health Improvement Group (chair: Priya Lal)")
    assert [(r, p) for r, p, _ in got] == [("Oral Health Improvement Group", "Priya Lal")]
    # "Responsible: Head of People (Deborah Rowse) – Target date: ...": the dash the date label left behind
    got = split_owners("Head of People (Deborah Rowse) –")
    assert [(r, p) for r, p, _ in got] == [("Head of People", "Deborah Rowse")]
    # a bracket that names no one stays as printed
    got = split_owners("Safeguarding Board (Chair: to be appointed)")
    assert all(p is None for _, p, _ in got)


def _doc(paragraphs=(), tables=()):
    import docx
    d = docx.Document()
    for p in paragraphs:
        if p.startswith("# "):
            d.add_heading(p[2:], level=1)
        else:
            d.add_paragraph(p)
    for rows in tables:
        add_table(d, rows)
    return d


def test_posts_and_holders_printed_in_sentences_in_table_columns_and_in_any_cell(tmp_path):
    from extractors.entities.minutes import posts_held
    from extractors.loaders import load_document
    d = _doc(["The Council accepted the finding, and the Chief Executive, Miriam Achterberg, asked me to review it.",
              "Harriet Osei, Head of Commissioning, said that the contract would be re-let.",
              "The Director of Finance and the Head of Legal, who attended, agreed."],
             [[["Initials", "Name", "Post"],
               ["PG", "Peter Gaskell", "Executive Director of Adult Services"],
               ["JP", "Jennifer Pattinson", "Principal Social Worker"]],
              [["Date of meeting", "9 December 2026", "Agenda item", "11"],
               ["Report of", "Helen Achebe, Director of People", "Report reference", "CAB/26/147"]]])
    path = tmp_path / "held.docx"
    d.save(path)
    held = posts_held(load_document(path))
    assert held["Chief Executive"] == "Miriam Achterberg"
    assert held["Head of Commissioning"] == "Harriet Osei"
    assert held["Executive Director of Adult Services"] == "Peter Gaskell"
    assert held["Principal Social Worker"] == "Jennifer Pattinson"
    assert held["Director of People"] == "Helen Achebe"   # a cover table of four columns
    assert "Director of Finance" not in held and "Head of Legal" not in held


def test_an_addressee_a_stem_gives_its_parts_takes_the_holder_the_paper_names(tmp_path):
    """The owners a stem gives its lettered parts are read before the holders are: "the Chief
    Executive" that a stem addresses is Miriam Achterberg where the paper names her."""
    d = _doc(["The Chief Executive, Miriam Achterberg, commissioned this review in June 2026.",
              "# Recommendations",
              "Recommendation 4: The Chief Executive should:",
              "a) commission a review of the management agreement by March 2027;",
              "b) report its findings to the Cabinet by June 2027."])
    out = extracted(d, tmp_path)
    parts = {r["rec_id"] for r in out["recommendations"] if r["ref"] and r["ref"].endswith(("4a", "4b"))}
    assert len(parts) == 2
    owners = {(o["parent_id"], o["role"], o["person"]) for o in out["owners"] if o["parent_id"] in parts}
    assert {(p, "Chief Executive", "Miriam Achterberg") for p in parts} <= owners


def test_a_key_holder_keeps_the_form_the_owners_print():
    """A post the owners print with "Cllr Priya Desai" and a key with "Priya Desai": the owners'
    form, so that the same holder is one owner of an item."""
    from extractors.entities.passes import _bare_name
    assert _bare_name("Cllr Priya Desai") == _bare_name("Priya Desai") == "Priya Desai"
