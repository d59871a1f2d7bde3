"""Text fidelity: does the PDF loader keep every letter the page prints?

The loader reads characters through PDFium's page objects, groups them into
words, lines and table cells and leaves some out on purpose (rotated
watermarks, text drawn over other text, glyphs off the page). This module
compares, page by page, the letters and digits the loader keeps plus those
it left out on purpose with an independent reading of the same page:
PDFium's own text page (`FPDFText_GetText`, which expands ligatures and
which the loader does not use). Any difference is a letter lost or added by
the loader: a dropped ligature ("Ofice"), a word that fell outside every
table cell, a line read twice.

Only letters and digits are compared, as a multiset per page (reading
order and spacing differ by design; hyphens and bullets are not letters).
Presentation-form ligatures are expanded on both sides (NFKC).
`tests/test_text_fidelity.py` runs it over every PDF in the corpus;
docs/text-fidelity.md has the figure.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from extractors.loaders.pdf import read_pages

_CID = re.compile(r"\(cid:\d+\)")


def letters(text: str) -> Counter:
    """Letters and digits of `text` (NFKC: 'ﬁ' -> 'f','i'), as a multiset."""
    text = unicodedata.normalize("NFKC", _CID.sub("", text))
    return Counter(ch for ch in text if ch.isalnum())


@dataclass
class PageFidelity:
    page: int
    reference: int   # letters PDFium's text page reads
    kept: int        # letters in the loader's lines and table cells
    dropped: int     # letters the loader left out on purpose (watermarks, overprint)
    lost: int        # reference letters neither kept nor dropped
    added: int       # kept or dropped letters the reference does not have


def pdf_fidelity(data: bytes) -> list[PageFidelity]:
    import pypdfium2 as pdfium

    pages, _, _ = read_pages(data, ocr=False)
    by_number = {p.number: p for p in pages}
    out = []
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                tp = page.get_textpage()
                ref = letters(tp.get_text_range())
                tp.close()
            finally:
                page.close()
            p = by_number.get(i + 1)
            kept: Counter = Counter()
            dropped: Counter = Counter()
            if p is not None:
                for ln in p.lines:
                    kept += letters(ln.text)
                for t in p.tables:
                    kept += letters(t.cell_text)
                dropped = letters(p.dropped_text)
            got = kept + dropped
            out.append(PageFidelity(page=i + 1, reference=sum(ref.values()), kept=sum(kept.values()),
                                    dropped=sum(dropped.values()), lost=sum((ref - got).values()),
                                    added=sum((got - ref).values())))
    finally:
        pdf.close()
    return out
