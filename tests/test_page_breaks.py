"""Text cut by a page break is one block again (issue 11, item 2).

Small PDFs drawn here with reportlab put the break exactly where papers put
it: mid-sentence (the next page starting lower case, or with a proper noun
after "of the"), under footnotes printed at the foot of the page, and in the
middle of a numbered list; plus the cases that must NOT join (a sentence
that ends at the foot of the page, a heading at the top of the next). Real
papers from ../shared/corpus where this happens are checked at the end.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.loaders import doc_id_for
from extractors.loaders.pdf import load

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

LEFT, RIGHT, TOP = 72, 523, 770
BODY, LEAD = 11, 14


def _pdf(pages: list[list[tuple]]) -> bytes:
    """pages: per page a list of items ("p", text) body paragraph,
    ("h", text) bold heading, ("n", number, text) numbered item,
    ("fn", text) footnote at the foot of the page. Every page gets a
    'Page N' footer."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for n, items in enumerate(pages, start=1):
        y = TOP
        foot_y = 90
        for item in items:
            kind = item[0]
            if kind == "fn":
                c.setFont("Helvetica", 8)
                c.drawString(LEFT, foot_y, item[1])
                foot_y -= 10
                continue
            if kind == "h":
                c.setFont("Helvetica-Bold", 13)
                c.drawString(LEFT, y, item[1])
                y -= LEAD + 8
                continue
            indent = 24 if kind == "n" else 0
            text = item[2] if kind == "n" else item[1]
            lines = simpleSplit(text, "Helvetica", BODY, RIGHT - LEFT - indent)
            c.setFont("Helvetica", BODY)
            if kind == "n" and item[1]:
                c.drawString(LEFT, y, item[1])
            for ln in lines:
                c.drawString(LEFT + indent, y, ln)
                y -= LEAD
            y -= 8
        c.setFont("Helvetica", 9)
        c.drawString(290, 40, f"Page {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _load(pages) -> list:
    data = _pdf(pages)
    doc = load(data, path="made/breaks.pdf", doc_id=doc_id_for(data))
    return [b for b in doc.blocks if b.kind != "table"]


FILLER = ("The council has reviewed the arrangements for the service over the last year and reports "
          "the progress made against each of the areas identified by the inspection team. ")


def _cut(sentence: str, at: str) -> tuple[str, str]:
    i = sentence.index(at)
    return sentence[:i].rstrip(), sentence[i:]


def test_lower_case_continuation_is_joined():
    s = FILLER + "The service will complete an independent evaluation of the pilot scheme by March 2026."
    head, tail = _cut(s, "the pilot scheme")
    blocks = _load([[("p", head)], [("p", tail), ("p", "A separate paragraph follows here.")]])
    joined = [b for b in blocks if "independent evaluation of the pilot scheme by March 2026." in b.text]
    assert len(joined) == 1 and joined[0].page == 1
    assert not any(b.text.startswith("the pilot scheme") for b in blocks)
    assert any(b.text == "A separate paragraph follows here." for b in blocks)


def test_proper_noun_after_a_function_word_is_joined():
    s = FILLER + "Parking will be provided to the rear of the Abbey Hotel, which the council owns."
    head, tail = _cut(s, "Abbey Hotel")
    assert head.endswith("of the")
    blocks = _load([[("p", head)], [("p", tail)]])
    assert any("to the rear of the Abbey Hotel, which the council owns." in b.text for b in blocks)
    assert not any(b.text.startswith("Abbey Hotel") for b in blocks)


def test_sentence_ending_at_the_foot_of_a_page_is_not_joined():
    blocks = _load([[("p", FILLER.strip())], [("p", "Budget pressures remain high in the service.")]])
    assert any(b.text == "Budget pressures remain high in the service." for b in blocks)


def test_heading_at_the_top_of_the_next_page_is_not_joined():
    s = FILLER + "The work continues with partners across the county and"
    blocks = _load([[("p", s)], [("h", "Next Steps"), ("p", "Officers will report again in June.")]])
    assert any(b.text == "Next Steps" for b in blocks)
    assert any(b.text.endswith("across the county and") for b in blocks)


def test_footnotes_under_the_text_do_not_stop_the_join():
    s = FILLER + "The partnership has agreed to strengthen the oversight of children missing from education across all schools."
    head, tail = _cut(s, "children missing")
    blocks = _load([[("p", head), ("fn", "1 Department for Education, Working Together (2023)."),
                     ("fn", "2 See the Ofsted report of 12 March 2024.")],
                    [("p", tail)]])
    whole = [b for b in blocks if "oversight of children missing from education across all schools." in b.text]
    assert len(whole) == 1
    assert "Department for Education" not in whole[0].text
    # the footnotes stay, as their own blocks
    assert any(b.text.startswith("1 Department for Education") or "Department for Education, Working Together" in b.text
               for b in blocks if b is not whole[0])


RECS = [
    "The council should improve the quality of supervision so that managers record the reasons for their decisions.",
    "The council should make sure that care leavers have a personal adviser who visits them regularly.",
    "The council should strengthen the oversight of children who go missing from home and from care, including "
    "return home interviews that are completed in time and used to reduce the risk to each child.",
    "The council should improve the timeliness of initial health assessments for children in care.",
    "The council should increase the number of foster carers so that children live near their schools.",
    "The council should review the impact of its quality assurance framework on practice.",
]


def test_numbered_list_across_a_break_keeps_every_item_and_number():
    head, tail = _cut(RECS[2], "return home interviews")
    page1 = [("h", "Recommendations"), ("p", "What needs to improve:"),
             ("n", "1.", RECS[0]), ("n", "2.", RECS[1]), ("n", "3.", head)]
    page2 = [("n", "", tail), ("n", "4.", RECS[3]), ("n", "5.", RECS[4]), ("n", "6.", RECS[5])]
    blocks = _load([page1, page2])
    items = [b for b in blocks if b.numbering in {"1.", "2.", "3.", "4.", "5.", "6."} or
             (b.numbering or "").rstrip(".") in {"1", "2", "3", "4", "5", "6"}]
    assert [(b.numbering or "").rstrip(".") for b in items] == ["1", "2", "3", "4", "5", "6"]
    assert " ".join(items[2].text.split()) == RECS[2]
    assert not any(b.text.startswith("return home interviews") for b in blocks)


def test_numbered_list_across_a_break_gives_every_recommendation():
    from extractors.metadata import extract_metadata
    from pipeline.engine.stages import extract_entities

    head, tail = _cut(RECS[2], "return home interviews")
    page1 = [("h", "Inspection of children's services: recommendations"),
             ("p", "The local authority should address the following areas for improvement."),
             ("h", "What needs to improve"),
             ("n", "1.", RECS[0]), ("n", "2.", RECS[1]), ("n", "3.", head)]
    page2 = [("n", "", tail), ("n", "4.", RECS[3]), ("n", "5.", RECS[4]), ("n", "6.", RECS[5])]
    data = _pdf([page1, page2])
    doc = load(data, path="made/recs.pdf", doc_id=doc_id_for(data))
    rows = extract_entities(doc, extract_metadata(doc))["recommendations"]
    texts = [" ".join(r["text"].split()) for r in rows]
    for rec in RECS:
        assert rec in texts, (rec, texts)


# --------------------------------------------------------------------------
# real papers
# --------------------------------------------------------------------------

def _corpus_doc(rel: str):
    path = CORPUS / rel
    if not path.is_file():
        pytest.fail(f"shared corpus file missing: {path}", pytrace=False)
    data = path.read_bytes()
    return load(data, path=str(path), doc_id=doc_id_for(data))


@pytest.mark.needs_shared
def test_hmp_ford_recommendation_runs_onto_the_next_page():
    # p32 ends "... in line with Department of Health targets for" and p33
    # starts "general practitioners and that it is ..." (read on the pages)
    doc = _corpus_doc("west-sussex/living-well__final_hmp_ford_hna.pdf")
    hits = [b for b in doc.blocks if "Department of Health targets for general practitioners" in " ".join(b.text.split())]
    assert len(hits) == 1 and hits[0].page == 32
    assert not any(b.text.startswith("general practitioners and that it is") for b in doc.blocks)


@pytest.mark.needs_shared
def test_inquiry_paragraph_continues_past_its_footnotes():
    # paragraph 3.10 on p18 of the Lords report ends "... a barrier to the
    # formulation of evidence-based" above 9 footnotes; p19 goes on
    # "policies to change behaviour. To address this problem, ..."
    doc = _corpus_doc("inquiries/Behaviour-Change-Report-Recomm.pdf")
    hits = [b for b in doc.blocks if b.numbering == "3.10"]
    assert len(hits) == 1 and hits[0].page == 18
    text = " ".join(hits[0].text.split())
    assert "formulation of evidence-based policies to change behaviour. To address this problem" in text
    # the bold conclusion ends part-way along a line: the sentence is whole
    assert text.endswith("applied behavioural research on this scale. Recommendations are made in "
                         "Chapters 4 and 6 about how this can be achieved.")
    assert "BC 52" not in text
