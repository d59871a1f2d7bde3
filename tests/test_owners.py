"""Owner splitting and glossary resolution, on owner cells phrased the way
council action plans phrase them."""
import pytest

from extractors.entities.owners import distribute_leaders, owners_in_text, parse_glossary, split_owners
from extractors.model import Cell, Table


def _glossary():
    rows = [["Team Manager (1)", "Jen Thornton", "Head of Service: Vulnerable Children", "Colin Pennington"],
            ["Team Manager (2)", "Kevin Quinn", "Property Services", "Pritesh Parmar"],
            ["Team Manager (3)", "John Morley", "Head of Service - Inclusion", "Vicky Todd"]]
    return parse_glossary(Table(rows=[[Cell(c) for c in r] for r in rows]))


def test_role_dash_person():
    assert split_owners("Head of Service Children in Care – Nicci Collins") == [
        ("Head of Service Children in Care", "Nicci Collins", "Head of Service Children in Care – Nicci Collins")]


def test_person_then_role_and_person_comma_role():
    assert split_owners("Nicci Collins Head of Service CIC")[0][:2] == ("Head of Service CIC", "Nicci Collins")
    assert split_owners("Jane Moore, Director Children and Family Services")[0][:2] == (
        "Director Children and Family Services", "Jane Moore")


def test_roles_run_together_are_split():
    got = [r for r, _, _ in split_owners("Assistant Directors Head of Service Inclusion Head of Service Stronger Communities")]
    assert got == ["Assistant Directors", "Head of Service Inclusion", "Head of Service Stronger Communities"]


def test_glossary_references_expand_and_resolve():
    g = _glossary()
    got = split_owners("Team Manager (1,2,3)", g)
    assert [(r, p) for r, p, _ in got] == [("Team Manager", "Jen Thornton"), ("Team Manager", "Kevin Quinn"),
                                           ("Team Manager", "John Morley")]
    assert split_owners("Head of Service: Vulnerable Children", g)[0][1] == "Colin Pennington"
    assert [p for _, p, _ in split_owners("Head of Service Inclusion", g)] == ["Vicky Todd"]


def test_two_people_with_a_slash():
    assert [p for _, p, _ in split_owners("Wendy Poynton/ Mark Naylor")] == ["Wendy Poynton", "Mark Naylor"]


def test_delegation_and_leaders_phrases():
    got = owners_in_text("DELEGATE authority to the Corporate Director of Adult Social Care and Health, in "
                         "consultation with the Leader, to take the relevant actions")
    assert got == [("delegate", "Corporate Director of Adult Social Care and Health")]
    assert distribute_leaders("Leaders at the council and the ICB") == ["Leaders at the council", "Leaders at the ICB"]
    assert owners_in_text("Leaders at the council and the ICB should ensure that plans are timely.") == [
        ("responsible", "Leaders at the council"), ("responsible", "Leaders at the ICB")]


def test_not_a_glossary():
    t = Table(rows=[[Cell("Risk"), Cell("Impact")], [Cell("Finance"), Cell("Low")]])
    assert parse_glossary(t) == {}


def test_name_then_role_in_brackets():
    from extractors.entities.owners import split_owners
    assert split_owners("Sarah Whitfield (Head of Economic Development)") == [
        ("Head of Economic Development", "Sarah Whitfield", "Head of Economic Development – Sarah Whitfield")]
    assert split_owners("Cabinet Office (CO)")[0][0] == "Cabinet Office (CO)"


def test_whom_a_committee_recommendation_addresses():
    from extractors.entities.owners import addressees
    assert addressees("We recommend that, at the earliest opportunity, the Government appoint a Chief Social "
                      "Scientist.") == ["the Government"]
    assert addressees("We note the Government's commitment and urge the Department of Health to ensure that "
                      "evaluations are robust.") == ["the Department of Health"]
    assert addressees("We recommend that the Cabinet Office, together with the Government Chief Scientific Adviser "
                      "and Chief Social Scientist, once appointed, review the mechanisms.") == [
        "the Cabinet Office", "the Government Chief Scientific Adviser", "Chief Social Scientist"]
    assert addressees("Departmental Chief Scientific Advisers, whether or not they have experience, should be "
                      "responsible for contacts.") == ["Departmental Chief Scientific Advisers"]
    assert addressees("To address this problem, the Government will need both to evaluate and to fund research.") == [
        "the Government"]
    assert addressees("We therefore urge ministers to ensure that policy makers are aware.") == ["ministers"]
    # a titled recommendation: "<title> – <body> should ..."
    assert addressees("Open Contracting – the UK government should endorse and implement a system of open "
                      "contracting.") == ["the UK government"]
    assert addressees("Freedom of information - The Government should widen the scope of the Act.") == [
        "The Government"]
    # no actor: a subject that is not a named body, or a passive
    assert addressees("The quality of supervision should improve.") == []
    assert addressees("This should include a review of the guidance.") == []
    assert addressees("We recommend that this revised structure should involve an archive.") == []
    assert ("responsible", "the Department for Transport") in owners_in_text(
        "We recommend that the Department for Transport should prioritise funding.")


def test_a_role_or_body_keeps_the_words_that_open_its_name():
    assert [r for r, _, _ in split_owners("The Local Safeguarding Children Board")] == ["The Local Safeguarding Children Board"]
    assert [r for r, _, _ in split_owners("The Director of Public Health")] == ["The Director of Public Health"]
    # names before roles still split: each person keeps their own role
    got = split_owners("Nicci Collins Head of Service Children in Care Anita Gurry Head of Fieldwork Service")
    assert [r for r, _, _ in got][1:] == ["Head of Service Children in Care", "Head of Fieldwork Service"]


def test_owner_cells_split_on_slash_and_and():
    from extractors.entities.owners import split_owners
    got = lambda t: [(r, p) for r, p, _ in split_owners(t)]  # noqa: E731
    assert got("Head of Repairs / Head of Finance") == [("Head of Repairs", None), ("Head of Finance", None)]
    assert got("Head of Housing & Head of Finance") == [("Head of Housing", None), ("Head of Finance", None)]
    assert got("Jane Brown and Tom Kirk") == [(None, "Jane Brown"), (None, "Tom Kirk")]
    assert got("Finance and Performance Team") == [("Finance and Performance Team", None)]
    # initials beside the role or the name only repeat who it is (a key may resolve them: raw keeps them)
    assert split_owners("JB (Head of Housing)") == [("Head of Housing", None, "JB (Head of Housing)")]
    assert got("Jane Brown (JB)") == [(None, "Jane Brown")]


def test_a_role_with_its_holders_initials_in_brackets():
    from extractors.entities.owners import split_owners
    assert split_owners("Head of Housing (JB)") == [("Head of Housing", None, "Head of Housing (JB)")]
    assert split_owners("Cabinet Office (CO)")[0][0] == "Cabinet Office (CO)"   # an organisation's own abbreviation


def test_a_post_printed_over_its_holder_is_one_owner():
    from extractors.entities.owners import split_owners
    assert [(r, p) for r, p, _ in split_owners("Head of Repairs\nTom Reed")] == [("Head of Repairs", "Tom Reed")]
    assert [(r, p) for r, p, _ in split_owners("Head of Finance\nJane Smith\nHead of Repairs\nTom Reed")] == [
        ("Head of Finance", "Jane Smith"), ("Head of Repairs", "Tom Reed")]
    assert [(r, p) for r, p, _ in split_owners("S. Jones")] == [(None, "S. Jones")]   # an initial and a surname


@pytest.mark.parametrize("cell, owners", [
    ("Jane Smith – Head of Housing; Tom Reid – Finance Director",
     [("Head of Housing", "Jane Smith"), ("Finance Director", "Tom Reid")]),
    ("Jane Smith, Head of Housing and Tom Reid, Director of Finance",
     [("Head of Housing", "Jane Smith"), ("Director of Finance", "Tom Reid")]),
    ("Head of Housing Options (Kate Thomas) / Finance Manager",
     [("Head of Housing Options", "Kate Thomas"), ("Finance Manager", None)]),
    ("Director of Adult Social Care and Director of Public Health",
     [("Director of Adult Social Care", None), ("Director of Public Health", None)]),
    ("Head of Housing and Environmental Health", [("Head of Housing and Environmental Health", None)]),
    ("Heather Savory (Chair)", [("Chair", "Heather Savory")]),
    ("K Thomas", [(None, "K Thomas")]),
    ("Housing Strategy Manager – KT", [("Housing Strategy Manager", None)]),
    # a log's one-word owners and initials, listed with a slash, a comma or "and"
    ("Secretariat / Ordnance Survey", [("Secretariat", None), ("Ordnance Survey", None)]),
    ("Chair/Secretariat", [("Chair", None), ("Secretariat", None)]),
    ("JS, PM", [("JS", None), ("PM", None)]),
    ("MoJ & ShEx", [("MoJ", None), ("ShEx", None)]),
    ("Cllr Evans and Clerk", [(None, "Cllr Evans"), ("Clerk", None)]),
    ("Finance/HR Manager", [("Finance/HR Manager", None)]),
    ("Head of Strategy/Performance", [("Head of Strategy/Performance", None)]),
    ("Police and Crime Commissioner", [("Police and Crime Commissioner", None)]),
    # a double-barrelled surname; a Head of Service's service
    ("Assistant Director, Education and Learning (Colin Ashworth-Reyes)",
     [("Assistant Director, Education and Learning", "Colin Ashworth-Reyes")]),
    ("Head of Service Field Social Work – Anita Gurry Head of Service Safeguarding, Improvement & Quality Assurance – Chris Nerini",
     [("Head of Service Field Social Work", "Anita Gurry"),
      ("Head of Service Safeguarding, Improvement & Quality Assurance", "Chris Nerini")]),
])
def test_owner_cells_as_logs_print_them(cell, owners):
    assert [(r, p) for r, p, _ in split_owners(cell)] == owners


# whom a decision gives a task, in the verbs committee reports use
_TASKS = [("asks the Director of Place to report back on progress in six months.", "Director of Place"),
          ("instructs the Head of Planning to prepare a supplementary planning document.", "Head of Planning"),
          ("delegates authority to the Director of Finance, in consultation with the Cabinet Member for Resources, "
           "to agree the final terms.", "Director of Finance"),
          ("requests that officers bring a further report to the Committee in March 2027.", "officers"),
          ("authorises the Chief Executive to sign the agreement on behalf of the Council.", "Chief Executive"),
          ("agrees that the Monitoring Officer be authorised to make the necessary changes to the Constitution.",
           "Monitoring Officer"),
          ("delegates to the Corporate Director, Adult Social Care and Health, the award of the contract.",
           "Corporate Director, Adult Social Care and Health"),
          ("notes the report.", None)]


@pytest.mark.parametrize("style", ["lettered", "numbered", "That the Committee paragraphs"])
def test_the_post_a_decision_gives_a_task_owns_it(style):
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Dunmere District Council"),
              Block(kind="heading", text="Report to Policy Committee, 4 March 2026"),
              Block(kind="heading", text="Recommendations", level=1)]
    if style == "That the Committee paragraphs":
        blocks += [Block(kind="paragraph", text="That the Committee " + t) for t, _ in _TASKS]
    else:
        blocks.append(Block(kind="paragraph", text="It is recommended that the Committee:"))
        blocks += [Block(kind="list_item", text=t, numbering=f"({'abcdefgh'[k]})" if style == "lettered" else f"{k + 1}.")
                   for k, (t, _) in enumerate(_TASKS)]
    blocks += [Block(kind="heading", text="1. Background", level=1),
               Block(kind="paragraph", text="The Council adopted its plan in 2024.")]
    doc = Document(doc_id="d", path="d.pdf", file_name="d.pdf", format="pdf", blocks=blocks)
    out = extract_all(doc, extract_metadata(doc))
    rid = [r["rec_id"] for r in out["recommendations"]]
    assert len(rid) == len(_TASKS)
    got = {rid.index(o["parent_id"]): o["role"] for o in out["owners"]}
    assert [got.get(k) for k in range(len(_TASKS))] == [want for _, want in _TASKS]


@pytest.mark.parametrize("name", ["Ordnance Survey", "Healthwatch Ravensholt", "Active Kent", "Met Office",
                                  "National Institute for Clinical Excellence", "Departmental Chief Scientific Advisers"])
def test_an_organisations_name_is_not_a_person(name):
    from extractors.entities.owners import split_owners
    assert split_owners(name, {}) == [(name, None, name)]


def test_a_key_to_owners_whose_posts_carry_another_name_and_end_a_sentence():
    from extractors.entities import minutes
    from extractors.model import Block, Document
    key = ("Key to owners: KM – Karen Mbatha, Deputy Chief Fire Officer; PG – Philippa Grange, Director of Finance "
           "and Corporate Services (Treasurer); DH – Denise Holt, Payroll and Pensions Manager. Priority: High – "
           "fundamental weakness in control.")
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="paragraph", text=key)])
    people, roles = minutes.key_to_initials(doc)
    assert people == {"KM": "Karen Mbatha", "PG": "Philippa Grange", "DH": "Denise Holt"}
    assert roles["Treasurer"] == "Philippa Grange"
    assert roles["Director of Finance and Corporate Services"] == "Philippa Grange"


@pytest.mark.parametrize("text,want", [
    ("That the minutes of the meeting held on 11 June 2024 be approved as a correct record and signed by the Chair.",
     ["Chair"]),
    ("That a report be prepared by the Director of Place for the next meeting.", ["Director of Place"]),
    ("The Government should establish an oversight group, chaired by the Cabinet Secretary, which should meet "
     "quarterly.", ["The Government"]),
    ("Local authorities should make greater use of private sector leasing, and the Government should provide "
     "start-up funding for leasing schemes.", ["Local authorities", "the Government"]),
    ("We recommend that the Cabinet Secretary, in consultation with the Government Chief Scientific Adviser and "
     "Chief Social Scientist, once appointed, should take steps to ensure that civil servants understand it.",
     ["the Cabinet Secretary"]),
])
def test_who_a_decision_or_recommendation_makes_responsible(text, want):
    from extractors.entities.owners import owners_in_text
    assert [who for _, who in owners_in_text(text)] == want


def test_a_post_named_bare_and_with_its_holder_on_one_recommendation_is_one_owner():
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell(h) for h in ("Ref", "Recommendation", "Action", "Responsible officer", "Target date")],
            [Cell("R1"), Cell("The Service should promote its values at all levels."), Cell("Run a staff survey."),
             Cell("Head of People & OD"), Cell("31/12/2025")],
            [Cell(""), Cell(""), Cell("Publish a summary of the themes to all staff."),
             Cell("Head of People & OD – Simon Tully"), Cell("31/03/2026")]]
    doc = Document(doc_id="b", path="b.pdf", file_name="b.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Improvement plan progress"),
                           Block(kind="table", table=Table(rows=rows, header_rows=1))])
    got = extract_all(doc, extract_metadata(doc))
    assert [(o["role"], o["person"]) for o in got["owners"]] == [("Head of People & OD", "Simon Tully")]


def test_initials_in_brackets_after_a_post_give_the_holder_and_leave_the_post():
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell(h) for h in ("No.", "Action", "Lead", "Due")],
            [Cell("1"), Cell("Audit the case files of children in need."), Cell("Head of Service (JB)"), Cell("March 2026")]]
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Improvement plan"),
        Block(kind="paragraph", text="Key: JB – Jane Brown, Head of Service; TR – Tom Reid, Director"),
        Block(kind="table", table=Table(rows=rows, header_rows=1))])
    got = extract_all(doc, extract_metadata(doc))
    assert [(o["role"], o["person"]) for o in got["owners"]] == [("Head of Service", "Jane Brown")]


@pytest.mark.parametrize("cell, roles", [
    ("SEND Service Manager", ["SEND Service Manager"]),
    ("ICT Service Manager", ["ICT Service Manager"]),
    ("MASH Team Manager", ["MASH Team Manager"]),
    ("SEND Service Manager / Head of SEND", ["SEND Service Manager", "Head of SEND"]),
])
def test_a_post_qualified_by_a_services_acronym_is_one_post(cell, roles):
    from extractors.entities.owners import split_owners
    assert [role for role, _, _ in split_owners(cell)] == roles


@pytest.mark.parametrize("cell, owners", [
    ("Chief Executive and Leader of the Council (Simon Marchant and Cllr Martin Haskell)",
     [("Chief Executive", "Simon Marchant"), ("Leader of the Council", "Cllr Martin Haskell")]),
    ("Monitoring Officer (Gareth Lyle) and Head of Policy, Performance and Improvement (Kate Brannigan)",
     [("Monitoring Officer", "Gareth Lyle"), ("Head of Policy, Performance and Improvement", "Kate Brannigan")]),
    ("Head of Finance and Resources (Jo Bloggs)", [("Head of Finance and Resources", "Jo Bloggs")]),
])
def test_posts_each_with_their_holder_in_brackets(cell, owners):
    assert [(r, p) for r, p, _ in split_owners(cell)] == owners


@pytest.mark.parametrize("text", ["Agree to submit a request to Government, jointly with Medway Council.",
                                  "Note that acceptance onto the programme will commit Kent to elections."])
def test_a_decision_in_the_imperative_names_no_owner(text):
    from extractors.entities.owners import subject_owner
    assert subject_owner(text) is None


def test_a_key_to_initials_with_shared_initials_accents_and_bracketed_offices():
    from extractors.entities import minutes
    from extractors.model import Block, Document
    key = ("HA Cllr Helen Ashworth – Cabinet Member for Public Health RM Dr Rajiv Menon – Director of Public Health, "
           "Stainmoor County Council (Vice-Chair) SW Siân Whitlock – Service Manager, NHS Stainmoor and Dales ICB "
           "JTa James Tarrant – Service Manager, Youth Justice JTh Jess Thwaite – Commissioning Manager "
           "AP Amy Pritchard – Partnership Co-ordinator (log maintained by) KB DCI Kamal Bhatti – Stainmoor Constabulary")
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="paragraph", text=key)])
    people, _ = minutes.key_to_initials(doc)
    assert people == {"HA": "Helen Ashworth", "RM": "Rajiv Menon", "SW": "Siân Whitlock", "JTa": "James Tarrant",
                      "JTh": "Jess Thwaite", "AP": "Amy Pritchard", "KB": "Kamal Bhatti"}


def test_a_list_of_posts_and_their_holders_names_the_posts_owners():
    from extractors.entities import minutes
    from extractors.model import Block, Document
    line = ("Lead officers: Director of Public Health – Dr Rajiv Menon; Drug and Alcohol Commissioning Manager – "
            "Jess Thwaite; Head of Public Health Communications – Lucy Brennan")
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="paragraph", text=line)])
    _, roles = minutes.key_to_initials(doc)
    assert roles == {"Director of Public Health": "Rajiv Menon", "Drug and Alcohol Commissioning Manager": "Jess Thwaite",
                     "Head of Public Health Communications": "Lucy Brennan"}
