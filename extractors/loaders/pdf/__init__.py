"""PDF loader: a PDF (bytes) in, a `Document` out (pdfplumber / pdfminer).

Page by page (each page is read once and closed straight after):

* the page's characters, rectangles, lines and curves come from PDFium
  (pdfium_objects.py) in pdfplumber's own form, so pdfplumber's word and
  table finders run on them ~10x sooner than on pdfminer's parse; a page
  PDFium cannot read, a rotated page, or COUNCIL_EXTRACT_PDF_PARSER=pdfminer
  falls back to pdfminer;

* characters are cleaned first (`pdf_chars.clean_chars`): rotated watermark
  text, text over-printed on other text and duplicated glyphs are dropped;
* tables come from pdfplumber's ruling-line detection. Each word is put in
  the cell holding its centre; wrapped lines inside a cell are joined, while
  bullets, numbered items and paragraph breaks stay on lines of their own
  ("\n"). Merged cells (None in pdfplumber's grid) repeat the text of the
  cell that spans them; `Cell.fill` is the colour of the smallest filled
  rectangle covering the cell. A one-column or one-cell "table" is a framed
  text box and is read as text. Header rows: leading rows set in bold, a
  first row filled in a colour no body row uses, or a row repeated at the top
  of the table's continuation pages;
* the remaining words are grouped into lines and lines into paragraphs, by
  vertical gap (against the document's usual line gap), font change, list
  markers (bullets, "1.1", "a)", "(iv)"), indentation and short lines ending
  a sentence. A paragraph is a heading when it is short and bold, larger than
  body text or in capitals; `split_numbering` splits the printed number off;
* cover blocks laid out in two columns ("From:", "To:", "Subject:") give one
  "Label: value" paragraph per label, the value gathered from the lines of
  the right-hand column.

Then across pages:

* running headers/footers: lines in the top or bottom band of a page whose
  text (digits ignored) recurs on many pages, and page numbers ("3",
  "Page 3 of 9", "- 3 -") in those bands, go to `Document.furniture`;
* a paragraph cut by a page break (the next page starts lower case, the
  previous paragraph does not end with . : ; ! ?) is joined;
* a table that ends a page and a table that starts the next page with the
  same columns are one table: repeated header rows are dropped, and a row
  split by the break (first cell empty) is merged into the row above.

Errors: LoadError("encrypted") for a password-protected file,
LoadError("corrupt") for bytes that do not parse, LoadError("no_text") when
no page has a text layer (a scan). A page that fails on its own is skipped
with a `Document.warnings` entry.

The package, along those seams (every layout threshold is a field of
`settings.PdfLayout`; `settings.DEFAULT` is the one in use):

* pages.py      opening the PDF, one page's words (PDFium / pdfminer objects);
* lines.py      words -> lines -> paragraphs and headings (blocks of a page);
* tables.py     ruled tables: finding them, their cells, header rows, and
                joining a table over page breaks;
* furniture.py  running headers/footers and page numbers;
* crosspage.py  blocks across page breaks (cut paragraphs, continued tables);
* scans.py      pages without a text layer, read by OCR (ocr.py);
* records.py    the small records they pass on (Word, Line, PageTable, ...).
"""
from __future__ import annotations

from extractors.loaders.errors import LoadError
from extractors.loaders.pdf.crosspage import _join_pages
from extractors.loaders.pdf.furniture import _remove_furniture
from extractors.loaders.pdf.lines import _assign_heading_levels, _doc_stats, _group_lines, _page_blocks
from extractors.loaders.pdf.pages import PARSER_ENV, _open, _open_pdfium, _read_page
from extractors.loaders.pdf.records import Line, PageContent, PageTable, Word
from extractors.loaders.pdf.scans import OCR_MIN_LETTERS, _OCR_UNREAD, _Scans, _letters
from extractors.loaders.pdf.tables import _colour
from extractors.model import Document

# Other modules and the tests use these names from extractors.loaders.pdf.
# `read_pages` calls `_read_page` through this module's namespace, so
# patching extractors.loaders.pdf._read_page (the tests do) reaches it.
__all__ = ["load", "read_pages", "Word", "Line", "PageContent", "PageTable", "PARSER_ENV",
           "OCR_MIN_LETTERS", "_read_page", "_group_lines", "_colour"]


def load(data: bytes, *, path: str, doc_id: str) -> Document:
    pages, n_pages, warnings = read_pages(data)
    if not any(p.lines or p.tables for p in pages):
        unreadable = [w for w in warnings if w.startswith("page ") and "could not be read" in w]
        if unreadable and len(unreadable) == n_pages:
            raise LoadError("corrupt", f"no page of the PDF could be read ({unreadable[0]})")
        unread = [w for w in warnings if w.startswith(_OCR_UNREAD)]
        if unread:
            raise LoadError("no_text", f"no page has a text layer (a scanned PDF) and OCR could not read it: {unread[0]}")
        raise LoadError("no_text", "no page has any text: neither a text layer nor anything OCR could read (blank or picture-only pages)")
    dropped_chars = sum(p.dropped for p in pages)
    if dropped_chars:
        warnings.append(f"{dropped_chars} rotated, overlapping or duplicated characters (watermarks, clipped text) left out")

    furniture = _remove_furniture(pages)
    stats = _doc_stats(pages)
    per_page = [_page_blocks(p, stats) for p in pages]
    blocks = _join_pages(per_page, pages)
    _assign_heading_levels(blocks)
    file_name = path.replace("\\", "/").rsplit("/", 1)[-1]
    ocr_pages = {p.number: p.ocr for p in pages if p.ocr is not None}
    return Document(doc_id=doc_id, path=path, file_name=file_name, format="pdf", blocks=blocks,
                    pages=n_pages, furniture=furniture, warnings=warnings, ocr_pages=ocr_pages)


def read_pages(data: bytes, *, ocr: bool = True) -> tuple[list[PageContent], int, list[str]]:
    """Every readable page's lines and tables, before furniture removal and
    joining: (pages, page count, warnings). A page that cannot be read is a
    warning, never a failed file. With `ocr`, a page without a usable text
    layer is read by OCR (ocr.py); ocr=False gives the text layer alone."""
    if not data:
        raise LoadError("empty", "the file is empty (0 bytes)")
    pdf = _open(data)
    fast = _open_pdfium(data)
    pages: list[PageContent] = []
    warnings: list[str] = []
    scans = _Scans(data) if ocr else None
    try:
        try:
            page_objs = pdf.pages
            n_pages = len(page_objs)
        except Exception as e:  # broken page tree
            raise LoadError("corrupt", f"the PDF's page tree cannot be read ({type(e).__name__}: {e})") from None
        if fast is not None and len(fast) != n_pages:
            fast.close()
            fast = None
        for i, page in enumerate(page_objs):
            try:
                if fast is not None and not page.rotation:
                    try:
                        page._objects = fast.objects(i, bbox=page.bbox)
                    except Exception:  # noqa: BLE001 - pdfminer reads this page instead
                        # (a page of mostly rotated text, or one PDFium cannot read)
                        pass
                content = _read_page(page, i + 1)
                if scans is not None and _letters(content, OCR_MIN_LETTERS) < OCR_MIN_LETTERS:
                    content = scans.read(page, i, content)
                pages.append(content)
            except Exception as e:  # one bad page never fails the file
                warnings.append(f"page {i + 1}: could not be read ({type(e).__name__}: {str(e)[:200]}); skipped")
            finally:
                try:
                    page.close()
                except Exception:
                    pass
    finally:
        try:
            pdf.close()
        except Exception:
            pass
        if fast is not None:
            fast.close()
        if scans is not None:
            scans.close()
    if n_pages == 0:
        raise LoadError("corrupt", "the PDF has no pages")
    if scans is not None:
        warnings.extend(scans.warnings())
    return pages, n_pages, warnings
