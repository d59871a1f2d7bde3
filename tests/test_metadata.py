"""Cover-page metadata, checked against what a person reads on the first page
of each paper (values typed from the page, not from the pipeline)."""
from datetime import date
from pathlib import Path

import pytest

from extractors.loaders import load_document
from extractors.metadata import extract_metadata

pytestmark = pytest.mark.needs_shared
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
K = SHARED / "corpus" / "kent"

REPO = Path(__file__).resolve().parent.parent

CASES = [
    (REPO / "data" / "raw" / "example_action_plan.docx",
     dict(council="Fictional Borough Council", committee="Children's Scrutiny Committee", meeting_date=date(2025, 3, 12),
          report_ref="CS/2025/07", title="Progress on the Ofsted improvement action plan", author="Jo Bloggs")),
    (SHARED / "seeds" / "000_1b08accbf764f4c3.txt",
     dict(committee="Cabinet", meeting_date=date(2013, 9, 17), report_ref="207/2013", author="Terry Irvine",
          title="PROGRESS REPORT – UPDATED OFSTED CHILD PROTECTION ACTION PLAN", council="Rutland County Council")),
    (SHARED / "seeds" / "002_09b5c4a986544349.txt",
     dict(committee="People (Children) Scrutiny Panel", meeting_date=date(2014, 5, 1), report_ref="112/2014",
          title="PEER CHALLENGE TEAM REVIEW", author="Wendy Poynton")),
    (SHARED / "seeds" / "004_b592e2ca0b29f1f3.txt",
     dict(committee="Children and Families Overview and Scrutiny Committee", meeting_date=date(2018, 11, 5),
          report_ref=None, author="Jane Moore")),
    (K / "cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf",
     dict(committee="Cabinet", meeting_date=date(2025, 1, 30), report_ref="24/00109", council="Kent County Council",
          title="Transfer the 18-25 section of the Strengthening Independence Service from the Children Young People "
                "and Education Directorate to the Adult Social Care and Health Directorate")),
    (K / "full_council__2025-01-09__originals__Devolution White Paper - County Council Report - FINAL.pdf",
     dict(committee="County Council", meeting_date=date(2025, 1, 9), title="English Devolution White Paper")),
    (K / "cabinet__2025-01-30__originals__24-00096 - Commissioning Plan for Education Provision in Kent 2025-29 - Report.pdf",
     dict(committee="Cabinet", meeting_date=date(2025, 1, 30),
          title="Commissioning Plan for Education Provision in Kent 2025-29")),
    (K / "full_council__2025-02-13__originals__Printed minutes 13th-Feb-2025 09.30 County Council.pdf",
     dict(committee="County Council", meeting_date=date(2025, 2, 13), council="Kent County Council")),
    (K / "cabinet__2025-01-30__originals__Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
     dict(committee="Cabinet", meeting_date=date(2025, 1, 30), council="Kent County Council")),
    (K / "cabinet__2025-01-30__originals__24-00108 - Revenue and Capital Budget Monitoring Report November 2024-25.pdf",
     dict(committee="Cabinet", meeting_date=date(2025, 1, 30),
          title="Revenue and Capital Budget Monitoring Report – November 2024-25")),
    (K / "full_council__2025-02-13__originals__Council Covering Report 2025-26 Budget - FINAL.pdf",
     dict(committee="County Council", meeting_date=date(2025, 2, 13),
          title="Draft Revenue Budget 2025-26, 2025-28 MTFP and Draft Capital Programme 2025-35")),
]


@pytest.mark.parametrize("path,expected", CASES, ids=[c[0].name[:60] for c in CASES])
def test_cover_metadata(path, expected):
    meta = extract_metadata(load_document(path))
    for field, value in expected.items():
        got = meta[field]
        if isinstance(value, str) and isinstance(got, str):
            got, value = " ".join(got.split()).lower(), value.lower()
        assert got == value, f"{field}: {meta[field]!r} != {expected[field]!r}"


@pytest.mark.parametrize("text, iso", [
    ("DATE: 24th November 2011", "2011-11-24"),
    ("Meeting: March 4, 2025", "2025-03-04"),
    ("Date of meeting 04/03/2025", "2025-03-04"),
    ("Tuesday, 4th of March 2025", "2025-03-04"),
])
def test_meeting_dates_in_printed_forms(text, iso):
    from extractors.dates import parse_date
    assert str(parse_date(text)) == iso


def test_a_letter_has_no_meeting_date_and_is_signed_by_its_author():
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Document
    texts = ["Ofsted Piccadilly Gate Manchester", "31 August 2021", "Director of Children and Families", "Dear Sal",
             "Focused visit to Leeds children’s services", "This letter summarises the findings of a focused visit.",
             "Yours sincerely", "Victoria Horsefield Her Majesty’s Inspector"]
    doc = Document(doc_id="l", path="l.pdf", file_name="l.pdf", format="pdf",
                   blocks=[Block(kind="paragraph", text=t, page=1) for t in texts])
    meta = extract_metadata(doc)
    assert meta["meeting_date"] is None
    assert meta["author"] == "Victoria Horsefield"


def _meta_of(text: str) -> dict:
    from extractors.loaders.text import load as load_text
    return extract_metadata(load_text(text.encode(), path="p.txt", doc_id="p"))


def test_small_council_minutes_refer_back_to_the_council():
    meta = _meta_of("RIVERSIDE PARISH COUNCIL\n\nMinutes of a meeting of the above Council held on Tuesday 14th May 2024 "
                    "at 7.30pm in the Village Hall.\n\nPresent: Cllrs Adams and Brook.\n\n101. Apologies: none. RPC and "
                    "NCC officers attended. RPC will write to NCC. NCC replied. NCC agreed. RPC noted it.\n")
    assert meta["council"] == "Riverside Parish Council"
    assert meta["committee"] == "Riverside Parish Council"
    assert str(meta["meeting_date"]) == "2024-05-14"
    assert meta["title"].startswith("Minutes of a meeting of the above Council held on Tuesday 14th May 2024")


def test_board_minutes_with_the_year_only_in_a_numeric_date():
    meta = _meta_of("Harbour Board Minutes 08.02.11\n\nHARBOUR BOARD Minutes of a meeting held on 8 February at the "
                    "Harbour Office:\n\nThe meeting started with a film.\n")
    assert meta["committee"] == "Harbour Board"
    assert str(meta["meeting_date"]) == "2011-02-08"
    assert meta["title"] == "Harbour Board Minutes 08.02.11"


def test_board_paper_code_body_and_date_in_the_opening_line():
    meta = _meta_of("HB (8)1.ii Harbour Board Action Log as 19 July 2011\n\nAction | Deadline | Progress\n")
    assert (meta["report_ref"], meta["committee"], str(meta["meeting_date"])) == ("HB (8)1.ii", "Harbour Board", "2011-07-19")
    assert meta["title"] == "Harbour Board Action Log as 19 July 2011"
    meta = _meta_of("HB(4)1.i\n\nStatus update on Harbour Board actions from last meeting 19 November 2010\n\nThe actions.\n")
    assert (meta["report_ref"], meta["committee"], meta["meeting_date"]) == ("HB(4)1.i", "Harbour Board", None)
    meta = _meta_of("Public Sector Harbour Board – 19th May Lessons learned report on opening port data\n\n1 Introduction\n\nText.\n")
    assert meta["committee"] == "Public Sector Harbour Board"
    assert meta["title"] == "Lessons learned report on opening port data"


def _blocks_doc(*blocks):
    from extractors.model import Block, Cell, Document, Table
    out = []
    for b in blocks:
        if isinstance(b, list):
            out.append(Block(kind="table", text="", table=Table(rows=[[Cell(x) for x in r] for r in b], header_rows=0)))
        else:
            kind, text = b
            out.append(Block(kind=kind, text=text))
    return Document(doc_id="m", path="m.pdf", file_name="m.pdf", format="pdf", blocks=out)


def test_cover_boxes_letterheads_and_log_titles():
    from extractors.metadata import extract_metadata
    # a cover box: 'Report to:' and 'Date of meeting:' cells
    meta = extract_metadata(_blocks_doc(("heading", "Brackenmoor and Ledwell Combined Fire Authority"),
                                        [["Report to:", "Performance and Scrutiny Committee"],
                                         ["Date of meeting:", "4 December 2025"]],
                                        ("heading", "HMICFRS Inspection 2024/25 – Improvement Plan Progress Update")))
    assert (meta["council"], meta["committee"], str(meta["meeting_date"]), meta["title"]) == (
        "Brackenmoor and Ledwell Combined Fire Authority", "Performance and Scrutiny Committee", "2025-12-04",
        "HMICFRS Inspection 2024/25 – Improvement Plan Progress Update")
    # a unitary council's letterhead prints no type; the letterhead is not the title
    meta = extract_metadata(_blocks_doc(("heading", "Hartlemere Council"), ("heading", "Alcohol Harm Needs Assessment 2025")))
    assert (meta["council"], meta["title"]) == ("Hartlemere Council", "Alcohol Harm Needs Assessment 2025")
    # a log's name line above its 'Status key' heading is the title, with the meeting it is for
    meta = extract_metadata(_blocks_doc(("heading", "Ravensholt Health and Wellbeing Board"),
                                        ("paragraph", "Action Log – meeting of 3 December 2024"),
                                        ("heading", "Status key")))
    assert (meta["title"], str(meta["meeting_date"])) == ("Action Log – meeting of 3 December 2024", "2024-12-03")
    # when a code was adopted is not a meeting the paper is for
    meta = extract_metadata(_blocks_doc(("paragraph", "Code of Conduct Adopted at meeting on 27th March 2017")))
    assert meta["meeting_date"] is None


def test_the_publishers_name_above_a_report_is_not_its_title():
    for body in ("HOUSE OF LORDS", "Local Government Association", "Regional Assembly of Eastmere", "Scottish Parliament"):
        meta = extract_metadata(_blocks_doc(("heading", body), ("heading", "Disabled Facilities Grants: delivering adaptations")))
        assert meta["title"] == "Disabled Facilities Grants: delivering adaptations", body
    # a title that names a body and the kind of paper is a title
    meta = extract_metadata(_blocks_doc(("heading", "Welsh Government Response"), ("heading", "Next steps")))
    assert meta["title"] == "Welsh Government Response"


def test_a_cover_box_whose_labels_have_no_colons():
    meta = extract_metadata(_blocks_doc([["Report to", "Overview and Scrutiny Committee"],
                                         ["Date of meeting", "23 June 2026"],
                                         ["Report title", "Damp and Mould in Private Rented Homes"],
                                         ["Report reference", "OSC/26/19"]],
                                        ("heading", "Contents")))
    assert (meta["committee"], str(meta["meeting_date"]), meta["title"]) == (
        "Overview and Scrutiny Committee", "2026-06-23", "Damp and Mould in Private Rented Homes")


def test_a_cover_title_set_larger_than_the_series_line_above_it():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Kestrelford County Council", level=2, page=1),
              Block(kind="heading", text="Kestrelford Joint Strategic Needs Assessment 2016", level=3, page=1),
              Block(kind="heading", text="Vulnerable Children and Looked After Children", level=1, page=1),
              Block(kind="heading", text="JSNA chapter", level=3, page=1),
              Block(kind="paragraph", text="Chapter lead Rosalind Tebbutt, Public Health Intelligence Manager", page=1)]
    doc = Document(doc_id="t", path="t.pdf", file_name="t.pdf", format="pdf", blocks=blocks)
    assert extract_metadata(doc)["title"] == "Vulnerable Children and Looked After Children"


def test_a_heading_naming_only_the_kind_of_paper_takes_the_line_above_it():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Kestrelford County Council", level=1, page=1),
              Block(kind="paragraph", text="Special Educational Needs and Disabilities (SEND) Strategy 2017–2020", page=1),
              Block(kind="heading", text="Consultation Report", level=2, page=1),
              Block(kind="paragraph", text="This report sets out what people told us during the consultation.", page=1)]
    doc = Document(doc_id="t", path="t.pdf", file_name="t.pdf", format="pdf", blocks=blocks)
    assert extract_metadata(doc)["title"] == \
        "Special Educational Needs and Disabilities (SEND) Strategy 2017–2020 Consultation Report"


def test_a_title_in_capitals_is_kept_over_a_larger_date_line():
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="COMPLAINTS PROCEDURE ADOPTED BY COUNCIL", level=2, page=1),
              Block(kind="heading", text="AUGUST 2018", level=1, page=1),
              Block(kind="paragraph", text="1 If a complaint about procedures is notified orally to the Clerk ...", page=1)]
    doc = Document(doc_id="t", path="t.pdf", file_name="t.pdf", format="pdf", blocks=blocks)
    assert extract_metadata(doc)["title"] == "COMPLAINTS PROCEDURE ADOPTED BY COUNCIL"
