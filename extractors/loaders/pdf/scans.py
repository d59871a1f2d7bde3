"""Pages without a usable text layer: rendered and read by OCR (ocr.py),
their words turned into the loader's PageContent, tables from the ruling
lines found in the image."""
from __future__ import annotations

from extractors.loaders import ocr as _ocr
from extractors.loaders.pdf.pages import _place_words
from extractors.loaders.pdf.records import PageContent, PageTable, Word
from extractors.loaders.pdf.tables import _find_tables
from extractors.loaders.pdf.settings import DEFAULT as LAYOUT

OCR_MIN_LETTERS = _ocr.MIN_LETTERS
_OCR_UNREAD = "scanned pages without a text layer not read"


def _letters(content: PageContent, enough: int | None = None) -> int:
    """Letters and digits in the page's lines and table cells; with
    `enough`, counting stops once there are that many (the loader only asks
    whether a page has fewer than OCR_MIN_LETTERS)."""
    n = 0
    texts = [ln.text for ln in content.lines] + [t.cell_text for t in content.tables]
    for text in texts:
        n += sum(ch.isalnum() for ch in text)
        if enough is not None and n >= enough:
            return n
    return n


class _Scans:
    """OCR for the pages of one PDF that need it: opens its own PDFium
    handle (for rendering) the first time a page has almost no text."""

    def __init__(self, data: bytes):
        self.data = data
        self.pdf = None
        self.read_pages: dict[int, float] = {}   # page -> confidence
        self.unread: list[int] = []
        self.failed: list[str] = []
        self.pictures: list[str] = []
        self.reason = ""

    def read(self, page, index: int, content: PageContent) -> PageContent:
        if self.pdf is None:
            from extractors.loaders.pdfium_objects import PdfiumDocument
            self.pdf = PdfiumDocument(self.data)
        if self.pdf.image_share(index) < _ocr.MIN_IMAGE_SHARE:
            return content   # a blank page, or one of drawings only
        engine = _ocr.engine_path()
        if engine is None:
            self.unread.append(index + 1)
            self.reason = f"no OCR engine ({_ocr.INSTALL_HINT})"
            return content
        try:
            got = _ocr.read_image(self.pdf.render_gray(index, _ocr.DPI), dpi=_ocr.DPI, engine=engine)
        except _ocr.OcrUnavailable as e:
            self.unread.append(index + 1)
            self.reason = str(e)
            return content
        except Exception as e:  # noqa: BLE001 - one page's OCR never fails the file
            self.failed.append(f"page {index + 1}: OCR failed ({type(e).__name__}: {str(e)[:200]})")
            return content
        if got.words and (got.confidence or 0.0) < _ocr.UNREADABLE:
            self.pictures.append(f"page {index + 1}: a picture without readable text "
                                 f"(OCR confidence {got.confidence:.2f}); its OCR words are left out")
            return content
        out = _ocr_content(page, index + 1, got)
        if out.lines or out.tables:
            self.read_pages[index + 1] = got.confidence or 0.0
        return out

    def warnings(self) -> list[str]:
        out = []
        if self.unread:
            out.append(f"{_OCR_UNREAD} (pages {_page_list(self.unread)}): {self.reason}")
        if self.read_pages:
            confs = list(self.read_pages.values())
            out.append(f"pages {_page_list(sorted(self.read_pages))} have no text layer and were read by OCR "
                       f"({_ocr.engine_version(_ocr.engine_path() or 'tesseract')}, {_ocr.DPI} dpi, "
                       f"mean word confidence {sum(confs) / len(confs):.2f}); check figures against the page")
        return out + self.pictures + self.failed

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _page_list(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)


def _ocr_content(page, number: int, got: "_ocr.OcrPage") -> PageContent:
    """An OCR'd page as the loader's PageContent: words, lines, and tables
    from the ruling lines found in the image."""
    words = [Word(text=w.text, x0=w.x0, x1=w.x1, top=w.top, bottom=w.bottom, size=w.size, bold=w.bold)
             for w in got.words]
    content = PageContent(number=number, width=got.width, height=got.height, ocr=got.confidence or 0.0)
    tables: list[PageTable] = []
    if words and not got.rotation and not page.rotation and got.h_lines and got.v_lines:
        # scanned rules are rough: snap and join more loosely than drawn ones
        settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                    "explicit_vertical_lines": got.v_lines, "explicit_horizontal_lines": got.h_lines,
                    "snap_tolerance": LAYOUT.scan_snap_tolerance, "join_tolerance": LAYOUT.scan_join_tolerance,
                    "intersection_tolerance": LAYOUT.scan_intersection_tolerance}
        edges = [dict(e, orientation=o) for o, es in (("h", got.h_lines), ("v", got.v_lines)) for e in es]
        tables = _find_tables(page, words, edges, settings, list, number, split_stacked=True)
    _place_words(content, words, tables)
    return content
