"""OCR of pages without a text layer (issue 11, item 3).

Scans are made here: a paper is drawn with reportlab, rasterised with
PDFium, and the picture put back in a PDF with no text layer, so the
expected text is known exactly. The corpus's own scans (a Welsh community
council's audit notice, annual return and a public-meeting flyer) are read
at the end.

Tesseract is installed by `make setup`. Without it these tests skip,
except in CI (CI=true) or with REQUIRE_OCR=1, where a missing engine fails.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from extractors.loaders import doc_id_for
from extractors.loaders import ocr
from extractors.loaders.errors import LoadError
from extractors.loaders.pdf import load

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
WYE = CORPUS / "community-council-wye-valley"


def _need_engine():
    if ocr.engine_path() is None:
        if os.environ.get("CI") or os.environ.get("REQUIRE_OCR"):
            pytest.fail(f"Tesseract is missing: {ocr.INSTALL_HINT}", pytrace=False)
        pytest.skip(f"Tesseract not installed ({ocr.INSTALL_HINT})")


def _text_pdf(draw_pages) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for draw in draw_pages:
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def _scan(data: bytes, pages=None, *, dpi: int = 200, turn: int = 0) -> bytes:
    """The PDF with the chosen pages (0-based; all by default) replaced by
    pictures of themselves: no text layer left on them."""
    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    src = pdfium.PdfDocument(data)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    try:
        for i in range(len(src)):
            page = src[i]
            w, h = page.get_size()
            if pages is None or i in pages:
                img = page.render(scale=dpi / 72).to_pil().convert("L")
                if turn:
                    img = img.rotate(turn, expand=True)
                    w, h = (h, w) if turn % 180 else (w, h)
                c.setPageSize((w, h))
                png = io.BytesIO()
                img.save(png, format="PNG")
                png.seek(0)
                c.drawImage(ImageReader(Image.open(png)), 0, 0, width=w, height=h)
            else:
                # keep the text page: draw its text again as text
                c.setPageSize((w, h))
                tp = page.get_textpage()
                y = h - 72
                for line in tp.get_text_range().splitlines():
                    c.setFont("Helvetica", 11)
                    c.drawString(72, y, line)
                    y -= 14
            c.showPage()
            page.close()
    finally:
        src.close()
    c.save()
    return buf.getvalue()


BODY = [
    "1. Recommendations",
    "1.1 The Committee is asked to note the progress made against the action plan.",
    "1.2 The Council should publish the revised budget by 31 March 2026.",
    "2. Progress",
    "2.1 Twelve of the fifteen actions are complete and three are on track.",
]


def _report_page(c):
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 770, "Tintern Community Council")
    c.setFont("Helvetica", 12)
    y = 730
    for line in BODY:
        c.drawString(72, y, line)
        y -= 24


def _load(data: bytes, name="made/scan.pdf"):
    return load(data, path=name, doc_id=doc_id_for(data))


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_scanned_paper_is_read_by_ocr():
    _need_engine()
    data = _scan(_text_pdf([_report_page]))
    doc = _load(data)
    text = _norm(doc.text)
    assert "Tintern Community Council" in text
    for line in BODY[1:]:
        if line[0].isdigit() and "." in line[:4] and len(line) > 20:
            assert _norm(line.split(" ", 1)[1]) in text, (line, text)
    assert set(doc.ocr_pages) == {1}
    assert 0.8 <= doc.ocr_pages[1] <= 1.0
    assert any("read by OCR" in w and "confidence" in w for w in doc.warnings)
    # numbering is recovered from OCR'd lines as from printed ones
    assert any(b.numbering == "1.2" and "publish the revised budget" in b.text for b in doc.blocks)


def test_rows_from_ocr_pages_carry_ocr_and_confidence(tmp_path):
    _need_engine()
    from pipeline.engine.stages import process_file

    text_page = _text_pdf([_report_page, _report_page])
    data = _scan(text_page, pages={1})          # page 1 printed, page 2 scanned
    path = tmp_path / "mixed.pdf"
    path.write_bytes(data)
    res = process_file(str(path))
    assert res.status == "ok"
    doc_row = res.tables["documents"][0]
    assert doc_row["ocr_pages"] == 1
    secs = res.tables["sections"]
    assert secs and all(("ocr" in r and "ocr_confidence" in r) for r in secs)
    p2 = [r for r in secs if r["page"] == 2]
    p1 = [r for r in secs if r["page"] == 1]
    assert p1 and p2
    assert all(r["ocr"] is False and r["ocr_confidence"] is None for r in p1)
    assert all(r["ocr"] is True and 0 < r["ocr_confidence"] <= 1 for r in p2)
    warn = [e for e in res.tables["errors"] if e["severity"] == "warning" and "OCR" in e["message"]]
    assert warn and "pages 2 " in warn[0]["message"]


def test_page_with_a_text_layer_is_never_ocred():
    _need_engine()
    doc = _load(_text_pdf([_report_page]))
    assert doc.ocr_pages == {}


def test_landscape_scan_is_turned_upright():
    _need_engine()
    data = _scan(_text_pdf([_report_page]), turn=90)
    doc = _load(data)
    assert "publish the revised budget by 31 March 2026" in _norm(doc.text)


def test_ruled_table_on_a_scan_is_a_table():
    _need_engine()
    rows = [("Action", "Owner", "Due", "RAG"),
            ("Review the fostering strategy", "Head of Service", "March 2026", "Green"),
            ("Recruit two social workers", "Team Manager", "June 2026", "Amber"),
            ("Publish the local offer", "SEND Lead", "April 2026", "Red")]
    xs = [60, 270, 400, 480, 540]

    def page(c):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(60, 790, "Action plan")
        top = 760
        for r, row in enumerate(rows):
            y = top - r * 30
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            for ci, cell in enumerate(row):
                c.drawString(xs[ci] + 5, y - 19, cell)
        c.setLineWidth(1)
        for r in range(len(rows) + 1):
            c.line(xs[0], top - r * 30, xs[-1], top - r * 30)
        for x in xs:
            c.line(x, top, x, top - len(rows) * 30)

    doc = _load(_scan(_text_pdf([page]), dpi=200))
    tables = doc.tables()
    assert len(tables) == 1, [b.text for b in doc.blocks]
    t = tables[0][1]
    got = [[_norm(c.text) for c in r] for r in t.rows]
    assert got == [list(r) for r in rows], got


def test_missing_engine_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(ocr.ENGINE_ENV, "off")
    pytest.importorskip("reportlab")
    data = _scan(_text_pdf([_report_page]), dpi=100)
    with pytest.raises(LoadError) as e:
        _load(data)
    assert e.value.error_type == "no_text"
    assert "apt-get install tesseract-ocr" in e.value.message


def test_missing_engine_on_a_mixed_paper_is_a_warning(monkeypatch):
    monkeypatch.setenv(ocr.ENGINE_ENV, "off")
    pytest.importorskip("reportlab")
    data = _scan(_text_pdf([_report_page, _report_page]), pages={1}, dpi=100)
    doc = _load(data)
    assert "Tintern Community Council" in doc.text
    assert doc.ocr_pages == {}
    assert any(w.startswith("scanned pages without a text layer not read (pages 2)") and "apt-get install" in w
               for w in doc.warnings)


def test_ruling_lines_found_in_an_image():
    import numpy as np
    from PIL import Image

    a = np.full((600, 800), 255, dtype=np.uint8)
    a[100:103, 50:750] = 0      # a horizontal rule 3 px thick
    a[100:500, 400:402] = 0     # a vertical rule
    a[300:320, 50:750] = 30     # a dark filled band: its two edges
    a[200:212, 100:110] = 0     # a blot: no line
    h, v = ocr.ruling_lines(Image.fromarray(a), dpi=72)
    hs = sorted(x["top"] for x in h)
    assert len(hs) == 3 and all(abs(a - b) <= 1 for a, b in zip(hs, [101.5, 300.5, 319.5])), hs
    assert len(v) == 1 and abs(v[0]["x0"] - 401) <= 1
    assert all(x["object_type"] == "line" for x in h + v)


# --------------------------------------------------------------------------
# the corpus's scans
# --------------------------------------------------------------------------

def _corpus(name: str):
    p = WYE / name
    if not p.is_file():
        pytest.fail(f"shared corpus file missing: {p}", pytrace=False)
    return _load(p.read_bytes(), name=str(p))


# what a person reads on each scanned page (handwriting is not expected to
# read well): the audit notice, the annual return's printed form, and a
# landscape flyer scanned sideways
CORPUS_SCANS = [
    ("accounts__Notice of Conclusion of audit 2018-19.pdf",
     ["NOTICE OF CONCLUSION", "Tintern Community Council",
      "the audit for the year ended 31 March 2019 was completed on", "14 September 2019"]),
    ("accounts__Annual return 2018-19.pdf",
     ["Accounting statements 2018-19 for", "Statement of income and expenditure/receipts and payments",
      "Statement of balances"]),
    ("docs__publicmeetingllanishen.pdf",
     ["PUBLIC MEETING, LLANISHEN VILLAGE HALL", "TRANSFORMATION OVERVIEW"]),
]


@pytest.mark.needs_shared
@pytest.mark.parametrize("name, phrases", CORPUS_SCANS, ids=[n for n, _ in CORPUS_SCANS])
def test_corpus_scans_read_as_printed(name, phrases):
    _need_engine()
    doc = _corpus(name)
    text = _norm(doc.text).upper()
    for phrase in phrases:
        assert phrase.upper() in text, (phrase, text[:400])
    assert doc.ocr_pages and min(doc.ocr_pages.values()) > 0.7
