"""Opening a PDF and reading one page: its characters cleaned
(pdf_chars.py), its words, its ruled tables (tables.py) and the lines of
the words in no table cell (lines.py). Page objects come from PDFium
(pdfium_objects.py) unless COUNCIL_EXTRACT_PDF_PARSER=pdfminer."""
from __future__ import annotations

import io
import os
import re

from extractors.loaders.errors import LoadError
from extractors.loaders.pdf.lines import _group_lines, page_lines
from extractors.loaders.pdf.records import PageContent, PageTable, Word
from extractors.loaders.pdf.aligned import aligned_tables
from extractors.loaders.pdf.numeric import numeric_tables
from extractors.loaders.pdf.tables import _filled_rects, _find_tables, _gradient_rects
from extractors.loaders.pdf_chars import clean_chars, mark_scripts
from extractors.loaders.pdf.settings import DEFAULT as LAYOUT


_BOLD = re.compile(r"bold|black|heavy|demi|semibold|[-,]b$|-bd$", re.I)
PARSER_ENV = "COUNCIL_EXTRACT_PDF_PARSER"


def _open_pdfium(data: bytes):
    """The same PDF opened with PDFium, whose page objects replace
    pdfminer's (pdfium_objects.py: same dicts, ~10x less time); None when
    PDFium cannot open it or COUNCIL_EXTRACT_PDF_PARSER=pdfminer asks for
    pdfminer on every page (for comparisons)."""
    if os.environ.get(PARSER_ENV, "").strip().lower() == "pdfminer":
        return None
    try:
        from extractors.loaders.pdfium_objects import PdfiumDocument
        return PdfiumDocument(data)
    except Exception:  # noqa: BLE001 - pdfminer reads every page instead
        return None


def _open(data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    try:
        from pdfminer.pdfdocument import PDFEncryptionWarning  # noqa: F401
    except ImportError:
        pass
    if b"%PDF-" not in data[:1024]:
        raise LoadError("corrupt", "not a PDF: no %PDF- header")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.doc  # force parsing of the trailer / security handler
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise LoadError("encrypted", f"password-protected PDF: cannot be opened without its password ({type(e).__name__})") from None
    except Exception as e:
        # pdfplumber wraps pdfminer's errors: look at the cause too
        causes = [e] + [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
        causes += [c for c in (e.__cause__, e.__context__) if c is not None]
        name = " ".join(type(c).__name__ for c in causes)
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) \
                or "Password" in name or "Encrypt" in name:
            raise LoadError("encrypted", f"password-protected PDF: cannot be opened without its password ({name})") from None
        raise LoadError("corrupt", f"damaged or unreadable PDF ({name}: {str(e)[:200]})") from None


try:   # the per-character work in C (setup.py builds it; without a compiler page_words_py does it)
    from extractors.loaders import _pdf_words
except ImportError:   # pragma: no cover - exercised where the extension is not built
    _pdf_words = None


def page_words(every: list[dict], width: float, height: float) -> tuple[int, str, list[Word]]:
    """(characters dropped, their text, the words) of a page's characters
    `every`: clean_chars, mark_scripts, pdfplumber's extract_words and
    _word. In C (_pdf_words.c) where it is built and takes the page (it
    leaves characters of unexpected types to Python); page_words_py
    otherwise: the same result either way (tests/test_pdf_words_c.py)."""
    if _pdf_words is not None and type(every) is list:
        got = _pdf_words.page(every, width, height, LAYOUT.word_x_tolerance, LAYOUT.word_y_tolerance)
        if got is not None:
            dropped, dropped_text, raw = got
            words = []
            keep = words.append
            for text, x0, x1, top, bottom, size, fonts in raw:
                if fonts.__class__ is str:   # one font throughout (nearly every word)
                    bold = 1.0 if _is_bold(fonts) else 0.0
                else:
                    bold = sum(1 for f in fonts if _is_bold(f)) / max(1, len(fonts))
                keep(Word(text, x0, x1, top, bottom, size, bold))
            return dropped, dropped_text, words
    return page_words_py(every, width, height)


def page_words_py(every: list[dict], width: float, height: float) -> tuple[int, str, list[Word]]:
    """page_words in Python."""
    from pdfplumber.utils import extract_words

    chars, dropped = clean_chars(every, width, height)
    mark_scripts(chars)
    dropped_text = ""
    if dropped:
        kept_ids = {id(c) for c in chars}
        dropped_text = "".join(c["text"] for c in every if id(c) not in kept_ids)
    raw_words = extract_words(chars, return_chars=True, x_tolerance=LAYOUT.word_x_tolerance,
                              y_tolerance=LAYOUT.word_y_tolerance,
                              keep_blank_chars=False, use_text_flow=False) if chars else []
    return dropped, dropped_text, [_word(w) for w in raw_words if w["text"].strip()]


def _read_page(page, number: int) -> PageContent:
    width, height = float(page.width), float(page.height)
    if int(getattr(page, "rotation", 0) or 0) % 180 == 90:
        # a landscape page stored portrait with /Rotate 90: pdfminer gives the
        # characters in the turned page's frame, pdfplumber the unturned size
        width, height = height, width
    x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
    dropped, dropped_text, words = page_words(page.chars, width + x_off, height + y_off)
    content = PageContent(number=number, width=width, height=height, dropped=dropped)
    if dropped:
        content.dropped_text = dropped_text

    tables = []
    if words:
        gradient = _gradient_rects(page.rects)
        tpage = page.filter(lambda o: id(o) not in gradient) if gradient else page
        try:
            edges = tpage.edges
        except Exception:  # noqa: BLE001 - no table rather than no page
            edges = []
        tables = _find_tables(tpage, words, edges, {}, lambda: _filled_rects(page, gradient), number)
        tables += aligned_tables(words, number, tables)   # logs printed without rulings
        tables += numeric_tables(words, number, tables)   # figures in columns without rulings
    _place_words(content, words, tables)
    return content


def _place_words(content: PageContent, words: list[Word], tables: list[PageTable]) -> None:
    """Words in no table cell become the page's lines. A word inside a
    table's frame but in none of its cells (a note under the grid, a label
    between ruled boxes) stays body text."""
    placed = set().union(*(pt.word_ids for pt in tables)) if tables else set()
    content.lines = page_lines([w for w in words if id(w) not in placed], content.number, content.width)
    content.tables = tables


def _word(w: dict) -> Word:
    chars = [c for c in w.get("chars", []) if not c["text"].isspace()] or w.get("chars", [])
    text = " ".join(w["text"].split())
    text = text.replace("\u00a0", " ")
    sizes = [c.get("size", 0) for c in chars] or [0]
    if min(sizes) != max(sizes):
        sizes.sort()
    fonts = [c.get("fontname", "") for c in chars]
    if fonts and fonts.count(fonts[0]) == len(fonts):
        bold = 1.0 if _is_bold(fonts[0]) else 0.0   # one font throughout (nearly every word)
    else:
        bold = sum(1 for f in fonts if _is_bold(f)) / max(1, len(fonts))
    m = len(sizes) // 2   # the median, as statistics.median computes it (it was a tenth of the word step)
    size = sizes[m] if len(sizes) % 2 else (sizes[m - 1] + sizes[m]) / 2
    return Word(text=text, x0=w["x0"], x1=w["x1"], top=w["top"], bottom=w["bottom"], size=size, bold=bold)


_BOLD_CACHE: dict[str, bool] = {}


def _is_bold(fontname: str) -> bool:
    got = _BOLD_CACHE.get(fontname)
    if got is None:
        got = _BOLD_CACHE[fontname] = bool(_BOLD.search(_base_font(fontname)))
    return got


def _base_font(name: str) -> str:
    return name.split("+", 1)[-1] if name else ""
