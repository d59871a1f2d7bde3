"""Which council a paper belongs to (extractors.metadata), on council-style
wording: a paper that abbreviates its own council names partners in full."""
import pytest

from extractors.metadata import extract_metadata
from extractors.model import Block, Document


def _doc(*paras: str, furniture=()) -> Document:
    return Document(doc_id="x", path="x.txt", file_name="x.txt", format="txt",
                    blocks=[Block(kind="paragraph", text=p) for p in paras], furniture=list(furniture))


BODY = [
    "1. Introduction",
    "1.1 This report sets out WCC's response to the consultation.",
    "1.2 WCC has worked with district partners on the proposals, and WCC officers will report back.",
]


def test_a_partner_named_in_full_is_not_the_paper_council_when_the_paper_abbreviates_its_own():
    doc = _doc(*BODY, "2.1 The Leader of Eastvale Borough Council wrote to the Leader on 3 January.")
    assert extract_metadata(doc)["council"] is None


def test_the_council_matching_the_paper_acronym_is_chosen_over_partners():
    doc = _doc(*BODY, "2.1 The Leader of Eastvale Borough Council and Eastvale Borough Council officers met.",
               "2.2 Westshire County Council will consult on the options.")
    assert extract_metadata(doc)["council"] == "Westshire County Council"


def test_without_an_acronym_the_most_named_council_is_kept():
    doc = _doc("Report to Cabinet", "1.1 Eastvale Borough Council is asked to note the plan.",
               "1.2 Eastvale Borough Council will publish the plan; Westshire County Council was consulted.")
    assert extract_metadata(doc)["council"] == "Eastvale Borough Council"


def test_an_acronym_used_only_once_or_twice_decides_nothing():
    doc = _doc("1.1 WCC asked for views.", "1.2 The Leader of Eastvale Borough Council replied.")
    assert extract_metadata(doc)["council"] == "Eastvale Borough Council"


def test_the_local_authority_in_an_inspection_details_table():
    from extractors.model import Cell, Table
    for name in ("Herefordshire Council", "London Borough of Haringey", "Royal Borough of Kingston upon Thames"):
        details = Table(rows=[[Cell("Local Authority"), Cell("Integrated care board")],
                              [Cell(name), Cell("Westshire NHS Integrated Care Board")],
                              [Cell("www.example.gov.uk"), Cell("www.example.icb.nhs.uk")]])
        doc = _doc("Area SEND inspection of Westshire Local Area Partnership",
                   "Leaders in the partnership and Eastvale Borough Council officers met.")
        doc.blocks.append(Block(kind="table", table=details))
        assert extract_metadata(doc)["council"] == name


@pytest.mark.parametrize("printed, official", [
    ("KENT COUNTY COUNCIL", "Kent County Council"),
    ("STOKE-ON-TRENT CITY COUNCIL", "Stoke-on-Trent City Council"),
    ("the Wigan MBC", "Wigan Metropolitan Borough Council"),
    ("Camden London Borough Council", "London Borough of Camden"),
    ("Royal Borough of Kensington and Chelsea", "Royal Borough of Kensington and Chelsea"),
])
def test_council_names_take_one_official_form(printed, official):
    from extractors.metadata import official_council_name
    assert official_council_name(printed) == official


def test_london_borough_named_in_an_addressee_line():
    from extractors.metadata import _borough_names
    assert _borough_names("Director of Children’s Services, London Borough of Camden") == ["London Borough of Camden"]
    assert _borough_names("Royal Borough of Kensington and Chelsea Council") == ["Royal Borough of Kensington and Chelsea"]


@pytest.mark.parametrize("address, title, council", [
    ("Ann Graham Director Children’s Services Haringey Council River Park House", "Haringey", "Haringey Council"),
    ("Dr Jo Bloggs Chief Executive Cheshire East Council Municipal Buildings", "Cheshire East", "Cheshire East Council"),
    ("Dawn Godfrey Strategic Director Rutland Council Oakham", "Rutland Council", "Rutland Council"),
    # the place alone: the letter does not print the council's name
    ("Jane Moore Children and Family Services Director County Hall Glenfield", "Leicestershire", None),
])
def test_an_inspection_letter_names_the_council_in_its_address_block(address, title, council):
    doc = _doc("Ofsted Piccadilly Gate Store Street Manchester", "31 October 2024", address, "Dear Ms Smith",
               f"Focused visit to {title} children’s services",
               f"This letter summarises the findings of the focused visit to {title} children’s services.")
    assert extract_metadata(doc)["council"] == council
