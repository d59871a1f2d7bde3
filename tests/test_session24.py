"""Forms read in session 24: names in any Latin script and with joining
particles; owner cells that label their lines (Lead / Support) or point to
another row's owner."""
from extractors.entities.owners import is_person, split_owners


def test_names_with_accents_particles_and_prefixes_are_people():
    for name in ("Siân Llywelyn", "Elin Ŵyn", "Heledd Môn", "Dafydd ap Iorwerth", "Owain ab Iestyn",
                 "Zoë Ní Bhriain", "Seán MacLeod", "Anna de la Cruz", "Chloé Dubois"):
        assert is_person(name), name
    assert [o[:2] for o in split_owners("Siân Llywelyn, Head of Children's Services")] == [
        ("Head of Children's Services", "Siân Llywelyn")]
    assert [o[:2] for o in split_owners("Corporate Director – Elin Ŵyn")] == [("Corporate Director", "Elin Ŵyn")]
    assert [o[:2] for o in split_owners("Dafydd ap Iorwerth - Director of Social Services")] == [
        ("Director of Social Services", "Dafydd ap Iorwerth")]
    assert [o[:2] for o in split_owners("Head of Legal (Seán MacLeod)")] == [("Head of Legal", "Seán MacLeod")]
    # a post is still not a person
    assert not is_person("Head of Service") and not is_person("Director of Education")


def test_an_owner_cell_names_its_lead_not_its_supporters():
    assert [o[:2] for o in split_owners("Lead: Director of Public Health / Support: ICB")] == [
        ("Director of Public Health", None)]
    assert [o[:2] for o in split_owners("Lead: ICB Director of Strategy\nSupport: Healthwatch Wenlow")] == [
        ("ICB Director of Strategy", None)]
    assert [o[:2] for o in split_owners("Owner: Jane Smith, Head of HR; Supported by: Finance")] == [
        ("Head of HR", "Jane Smith")]
    # a post whose name ends in "Lead" keeps it
    assert [o[:2] for o in split_owners("Lead Member: Cllr Jones")][0][0] == "Lead Member"


def test_a_pointer_to_another_rows_owner_is_not_an_owner():
    for cell in ("As action 1.1", "See actions 3.2 and 3.3", "As above", "Same as 2.3"):
        assert split_owners(cell) == [], cell
