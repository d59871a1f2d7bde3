"""TXT/MD loader on the seed papers and on small texts written for the test."""
import pytest

from extractors.loaders import load_document, sniff_format
from extractors.loaders.errors import LoadError
from extractors.loaders.text import load

pytestmark = pytest.mark.needs_shared


def _load(text: str, name="x.txt", enc="utf-8"):
    return load(text.encode(enc), path=name, doc_id="d")


def test_numbered_paragraphs_headings_and_lists():
    doc = _load("REPORT NO: 1/2020\n\n2. RECOMMENDATIONS\n\n2.1 That Cabinet notes the report.\n\n"
                "The Committee is asked to:\n\na) NOTE the plan;\n\nb) ENDORSE the approach.\n")
    kinds = [(b.kind, b.numbering) for b in doc.blocks]
    assert ("heading", "2") in kinds
    assert ("paragraph", "2.1") in kinds
    assert ("list_item", "a)") in kinds and ("list_item", "b)") in kinds


def test_tab_lines_become_one_table_with_header_and_p_markup_stripped():
    doc = _load("Intro line.\n\nRef\tRecommendation\tLead\tRAG\n1\t<p>Improve</p><p>recording</p>\tHead of Service\tG\n"
                "\n2\tAudit files\tTeam Manager\tA\n")
    tables = doc.tables()
    assert len(tables) == 1
    t = tables[0][1]
    assert t.header == ["Ref", "Recommendation", "Lead", "RAG"]
    assert len(t.body) == 2
    assert t.body[0][1].text == "Improve\nrecording"


def test_cp1252_text_is_decoded():
    doc = _load("Head of Service \u2013 Jo Bloggs\n", enc="cp1252")
    assert "\u2013" in doc.blocks[0].text


def test_form_feeds_give_pages():
    doc = _load("1. First page text here.\f2. Second page text here.\n")
    assert doc.pages == 2
    assert [b.page for b in doc.blocks] == [1, 2]


def test_empty_text_is_an_error():
    with pytest.raises(LoadError) as e:
        _load("   \n\n")
    assert e.value.error_type == "empty"


def test_seed_004_table_is_joined_across_pages_with_repeated_headers_dropped(seed_paths):
    doc = load_document(next(p for p in seed_paths if p.name.startswith("004")))
    big = max((t for _, t in doc.tables()), key=lambda t: len(t.rows))
    assert big.header[:3] == ["Ref.", "Ofsted Recommendation", "Progress RAG"]
    # the header is printed on every page of the appendix; only the first copy stays
    repeats = [r for r in big.body if r[0].text.strip() == "Ref." and "Recommendation" in r[1].text]
    assert repeats == []
    firsts = [r[0].text.split()[0] for r in big.body if r[0].text.strip()[:1].isdigit()]
    assert {"1", "3.", "5.", "8.", "9."} <= set(firsts)


def test_seed_002_glossary_and_action_plan_tables(seed_paths):
    doc = load_document(next(p for p in seed_paths if p.name.startswith("002")))
    headers = [t.header for _, t in doc.tables() if t.header]
    assert any(h[:2] == ["Area for Improvement", "Actions"] for h in headers)
    assert any("Jen Thornton" in c.text for _, t in doc.tables() for r in t.rows for c in r)


def test_sniffing_ignores_misleading_names(tmp_path):
    assert sniff_format(b"%PDF-1.7\n...", "paper.docx") == "pdf"
    with pytest.raises(LoadError) as e:
        sniff_format(b"<html>not found</html>", "paper.pdf")
    assert e.value.error_type == "corrupt"
    with pytest.raises(LoadError) as e:
        sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "paper.doc")
    assert e.value.error_type == "unsupported_format"
    with pytest.raises(LoadError) as e:
        sniff_format(b"abc", "sheet.xlsx")
    assert e.value.error_type == "unsupported_format"
