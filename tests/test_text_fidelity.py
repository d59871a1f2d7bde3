"""Text as printed (issue 11): the PDF loader keeps every letter a page
prints. A glyph whose Unicode is several letters (a ligature) gives all of
them; words inside a table's frame but in none of its cells stay text; and,
over every PDF in ../shared/corpus, the letters the loader keeps (plus those
it drops on purpose: watermarks, overprint) match PDFium's own text page to
within 0.1 %. Figure and method: docs/text-fidelity.md."""
from __future__ import annotations

import pytest

from extractors.loaders import load_document
from extractors.loaders.fidelity import letters, pdf_fidelity


def ligature_pdf(lines: list[bytes]) -> bytes:
    """A one-page PDF in Helvetica whose ToUnicode CMap maps code 1 to "ff",
    2 to "fi" and 3 to "ffi" (one glyph, several letters: how Word and
    InDesign write ligatures) and printable ASCII to itself."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Lig def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"3 beginbfchar\n<01> <00660066>\n<02> <00660069>\n<03> <006600660069>\nendbfchar\n"
            b"1 beginbfrange\n<20> <7E> <0020>\nendbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    content = b"BT /F1 12 Tf 72 720 Td 14 TL\n" + b"".join(b"(" + ln + b") Tj T*\n" for ln in lines) + b"ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_ligature_glyphs_give_all_their_letters(tmp_path):
    path = tmp_path / "ligatures.pdf"
    path.write_bytes(ligature_pdf([b"The Post O\x01ice made a Fixed Sum O\x01er.",
                                   b"It a\x01orded the Cabinet O\x02\x02ce an e\x03cient \x02nance team."]))
    doc = load_document(path)
    text = doc.text
    for word in ("Office", "Offer", "afforded", "efficient", "finance"):
        assert word in text, (word, text)
    for broken in ("Ofice", "Ofer", "aforded", "eficient"):
        assert broken not in text.replace("Offi", "")
    assert not doc.warnings  # nothing taken for overprinted duplicates
    (f,) = pdf_fidelity(path.read_bytes())
    assert f.lost == 0 and f.added == 0 and f.reference == f.kept


def test_presentation_form_ligatures_are_expanded():
    assert letters("\ufb01nance o\ufb03ce") == letters("finance office")


def test_words_in_a_table_frame_outside_its_cells_are_kept(tmp_path):
    """A note printed inside a table's outer frame but under its grid is
    body text, not lost."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "framed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    x0, x1, top = 72, 500, 760
    c.rect(x0, 560, x1 - x0, top - 560)  # outer frame, taller than the grid
    for y in (760, 730, 700, 670):
        c.line(x0, y, x1, y)
    for x in (72, 250, 500):
        c.line(x, 670, x, 760)
    c.setFont("Helvetica", 10)
    for i, (a, b) in enumerate([("Action", "Owner"), ("Review the plan", "Head of Service"),
                                ("Publish the report", "Director")]):
        c.drawString(x0 + 4, 745 - 30 * i, a)
        c.drawString(254, 745 - 30 * i, b)
    c.drawString(x0 + 4, 600, "Rolling programmes have been included for the capital programme")
    c.save()
    doc = load_document(path)
    assert "Rolling programmes have been included" in doc.text
    assert all(x.lost == 0 for x in pdf_fidelity(path.read_bytes()))


@pytest.mark.needs_shared
def test_every_corpus_pdf_keeps_its_letters(shared_dir):
    """Over every PDF in ../shared/corpus: letters lost or added <= 0.1 % of
    all letters, and no file loses more than 0.1 % of its own."""
    files = sorted((shared_dir / "corpus").rglob("*.pdf"))
    assert len(files) >= 100
    total = lost = added = 0
    worst = []
    for path in files:
        try:
            pages = pdf_fidelity(path.read_bytes())
        except Exception as e:  # a file the loader refuses (no text layer, damaged) has no letters to keep
            if type(e).__name__ == "LoadError":
                continue
            raise
        ref = sum(p.reference for p in pages)
        lo = sum(p.lost for p in pages)
        total += ref
        lost += lo
        added += sum(p.added for p in pages)
        if ref and lo > 0.001 * ref:
            worst.append((lo, ref, path.name))
    assert total > 1_000_000
    assert (lost + added) <= 0.001 * total, (lost, added, total)
    assert not worst, worst
