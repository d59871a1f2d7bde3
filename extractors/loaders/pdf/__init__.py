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
"""
from __future__ import annotations

import io
import os
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from extractors.loaders.errors import LoadError
from extractors.loaders.pdf_chars import clean_chars
from extractors.model import Block, Cell, Document, Table
from extractors.numbering import BULLETS, numbering_level, split_numbering

# --------------------------------------------------------------------------
# small records
# --------------------------------------------------------------------------


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: float  # fraction of bold characters


@dataclass
class Line:
    words: list[Word]
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: float = 0.0
    text: str = ""

    def finish(self) -> "Line":
        self.words.sort(key=lambda w: w.x0)
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)
        self.top = min(w.top for w in self.words)
        self.bottom = max(w.bottom for w in self.words)
        n = sum(len(w.text) for w in self.words) or 1
        self.size = sum(w.size * len(w.text) for w in self.words) / n
        self.bold = sum(w.bold * len(w.text) for w in self.words) / n
        self.text = " ".join(w.text for w in self.words)
        return self


@dataclass
class PageTable:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[Cell]]
    col_x: list[float]           # left edge of each column
    bold_rows: list[bool]
    filled_first_row: bool = False
    open_top: bool = False      # closed by an added line: the first row was cut by a page break
    open_bottom: bool = False   # the last row continues on the next page
    cell_text: str = ""         # every cell's text once (merged cells are repeated in rows)
    word_ids: frozenset = frozenset()  # id() of the page words placed in its cells

    @property
    def top(self) -> float:
        return self.bbox[1]


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    dropped: int = 0            # characters left out (watermarks, overprint, off-page)
    dropped_text: str = ""      # their text, for the text-fidelity check
    ocr: Optional[float] = None  # read by OCR: the page's mean word confidence (0-1)


_BOLD = re.compile(r"bold|black|heavy|demi|semibold|[-,]b$|-bd$", re.I)
_STRONG_BULLETS = set(BULLETS) - set("-–*o·")
_TERMINAL = (".", ":", ";", "!", "?")
_PAGE_NO = re.compile(
    r"^(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[ivxlc]{1,6})$",
    re.I)

PARSER_ENV = "COUNCIL_EXTRACT_PDF_PARSER"

# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------


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
                if scans is not None and _letters(content) < OCR_MIN_LETTERS:
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


# --------------------------------------------------------------------------
# pages without a text layer: OCR (ocr.py)
# --------------------------------------------------------------------------

from extractors.loaders import ocr as _ocr  # noqa: E402

OCR_MIN_LETTERS = _ocr.MIN_LETTERS
_OCR_UNREAD = "scanned pages without a text layer not read"


def _letters(content: PageContent) -> int:
    n = sum(sum(ch.isalnum() for ch in ln.text) for ln in content.lines)
    return n + sum(sum(ch.isalnum() for ch in t.cell_text) for t in content.tables)


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
                    "snap_tolerance": 4, "join_tolerance": 8, "intersection_tolerance": 6}
        edges = [dict(e, orientation=o) for o, es in (("h", got.h_lines), ("v", got.v_lines)) for e in es]
        tables = _find_tables(page, words, edges, settings, list, number, split_stacked=True)
    _place_words(content, words, tables)
    return content


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


# --------------------------------------------------------------------------
# reading one page
# --------------------------------------------------------------------------


def _read_page(page, number: int) -> PageContent:
    from pdfplumber.utils import extract_words

    width, height = float(page.width), float(page.height)
    x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
    every = page.chars
    chars, dropped = clean_chars(every, width + x_off, height + y_off)
    content = PageContent(number=number, width=width, height=height, dropped=dropped)
    if dropped:
        kept_ids = {id(c) for c in chars}
        content.dropped_text = "".join(c["text"] for c in every if id(c) not in kept_ids)
    raw_words = extract_words(chars, return_chars=True, x_tolerance=2, y_tolerance=3,
                              keep_blank_chars=False, use_text_flow=False) if chars else []
    words = [_word(w) for w in raw_words if w["text"].strip()]

    tables = []
    if words:
        gradient = _gradient_rects(page.rects)
        tpage = page.filter(lambda o: id(o) not in gradient) if gradient else page
        try:
            edges = tpage.edges
        except Exception:  # noqa: BLE001 - no table rather than no page
            edges = []
        tables = _find_tables(tpage, words, edges, {}, lambda: _filled_rects(page, gradient), number)
    _place_words(content, words, tables)
    return content


def _find_tables(tpage, words: list[Word], edges: list[dict], settings: dict, fills, number: int,
                 split_stacked: bool = False) -> list[PageTable]:
    """pdfplumber's table finder on a page's ruling `edges` (plus lines
    closing a table cut by the page break), words placed in cells. `fills`
    gives the page's filled rectangles when a table is found. With
    `split_stacked` (scanned pages, whose rules are joined loosely), two
    grids that touch but whose columns are offset are two tables."""
    closing: list[dict] = []
    try:
        closing = _closing_lines(edges)
        settings = dict(settings)
        if closing:
            settings["explicit_horizontal_lines"] = list(settings.get("explicit_horizontal_lines") or []) + closing
        found = tpage.find_tables(table_settings=settings)
    except Exception:  # noqa: BLE001 - no table rather than no page
        found = []
    tables: list[PageTable] = []
    if split_stacked:
        found = [part for t in found for part in _stacked_grids(t)]
    if found:
        page_fills = fills()
        for t in found:
            pt = _page_table(t, words, page_fills, number)
            if pt is not None:
                x0, top, x1, bottom = t.bbox
                for ln in closing:
                    if ln["x0"] - 3 <= x0 + 3 and ln["x1"] + 3 >= x1 - 3:
                        if abs(ln["top"] - bottom) <= 2:
                            pt.open_bottom = True
                        if abs(ln["top"] - top) <= 2:
                            pt.open_top = True
                tables.append(pt)
    return tables


@dataclass
class _Grid:
    """Part of a pdfplumber table: its rows and their bounding box."""
    rows: list
    bbox: tuple[float, float, float, float]


def _stacked_grids(t) -> list:
    """Split a found table where its rows' outer edges jump sideways by a
    few points: two tables printed one under the other, offset, read as
    one grid because their shared rule was joined."""
    rows = t.rows
    if len(rows) < 2:
        return [t]

    def edges(r):
        cells = [c for c in r.cells if c is not None]
        return (min(c[0] for c in cells), max(c[2] for c in cells)) if cells else None

    parts: list[list] = [[rows[0]]]
    prev = edges(rows[0])
    for r in rows[1:]:
        e = edges(r)
        if prev and e and 2.5 < abs(e[0] - prev[0]) < 15 and 2.5 < abs(e[1] - prev[1]) < 15:
            parts.append([])
        parts[-1].append(r)
        prev = e or prev
    if len(parts) == 1:
        return [t]
    out = []
    for part in parts:
        n = max(len(r.cells) for r in part)
        used = [i for i in range(n) if any(i < len(r.cells) and r.cells[i] is not None for r in part)]
        rows_ = [_GridRow(cells=[r.cells[i] if i < len(r.cells) else None for i in used]) for r in part]
        boxes = [c for r in rows_ for c in r.cells if c is not None]
        out.append(_Grid(rows=rows_, bbox=(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                           max(b[2] for b in boxes), max(b[3] for b in boxes))))
    return out


@dataclass
class _GridRow:
    cells: list


def _place_words(content: PageContent, words: list[Word], tables: list[PageTable]) -> None:
    """Words in no table cell become the page's lines. A word inside a
    table's frame but in none of its cells (a note under the grid, a label
    between ruled boxes) stays body text."""
    placed = set().union(*(pt.word_ids for pt in tables)) if tables else set()
    content.lines = _group_lines([w for w in words if id(w) not in placed], content.number)
    content.tables = tables


def _word(w: dict) -> Word:
    chars = [c for c in w.get("chars", []) if not c["text"].isspace()] or w.get("chars", [])
    text = " ".join(w["text"].split())
    text = text.replace("\u00a0", " ")
    sizes = [c.get("size", 0) for c in chars] or [0]
    bold = sum(1 for c in chars if _is_bold(c.get("fontname", ""))) / max(1, len(chars))
    return Word(text=text, x0=w["x0"], x1=w["x1"], top=w["top"], bottom=w["bottom"],
                size=statistics.median(sizes), bold=bold)


_BOLD_CACHE: dict[str, bool] = {}


def _is_bold(fontname: str) -> bool:
    got = _BOLD_CACHE.get(fontname)
    if got is None:
        got = _BOLD_CACHE[fontname] = bool(_BOLD.search(_base_font(fontname)))
    return got


def _base_font(name: str) -> str:
    return name.split("+", 1)[-1] if name else ""


def _group_lines(words: list[Word], page: int) -> list[Line]:
    """Words -> lines: a word joins a recent line it overlaps vertically."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = max(w.bottom - w.top, 0.1)
        placed = False
        for ln in reversed(lines[-3:]):
            lt = min(x.top for x in ln.words)
            lb = max(x.bottom for x in ln.words)
            ov = min(lb, w.bottom) - max(lt, w.top)
            if ov >= 0.5 * min(h, lb - lt):
                ln.words.append(w)
                placed = True
                break
        if not placed:
            lines.append(Line(words=[w], page=page))
    out = []
    for ln in lines:
        for ws in _split_stacked(ln.words):
            out.append(Line(words=ws, page=page).finish())
    out.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return out


def _split_stacked(words: list[Word]) -> list[list[Word]]:
    """A tall word (a large page number) can glue two small lines beside
    it into one: split the normal-height words into lines that do not
    overlap, and hang each tall word on the one it overlaps most."""
    if len(words) < 3:
        return [words]
    hs = sorted(w.bottom - w.top for w in words)
    med = hs[len(hs) // 2]
    normal = [w for w in words if w.bottom - w.top <= 1.5 * med]
    tall = [w for w in words if w.bottom - w.top > 1.5 * med]
    groups: list[list[Word]] = []
    for w in sorted(normal, key=lambda w: w.top):
        for g in groups:
            gt, gb = g[0].top, g[0].bottom
            if min(gb, w.bottom) - max(gt, w.top) >= 0.5 * min(w.bottom - w.top, gb - gt):
                g.append(w)
                break
        else:
            groups.append([w])
    if len(groups) <= 1:
        return [words]
    for w in tall:
        best = max(groups, key=lambda g: min(g[0].bottom, w.bottom) - max(g[0].top, w.top))
        best.append(w)
    return groups


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------


def _colour(value) -> Optional[str]:
    if value is None:
        return None
    try:
        vals = [float(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
    except (TypeError, ValueError):
        return None
    if any(v > 1.0 for v in vals):
        if all(v <= 255 for v in vals):
            vals = [v / 255 for v in vals]
        else:
            return None
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        c, m, y, k = vals
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(v * 255))) for v in (r, g, b)))


def _closing_lines(edges: list[dict]) -> list[dict]:
    """Horizontal lines that close a table left open at a page break.

    A row cut by a page break is often drawn without its bottom (or, on the
    next page, top) border: the column rulings just stop. Where three or
    more vertical rulings end at the same height with no horizontal ruling
    there, a closing line is added so the cut row is still found."""
    vs = [e for e in edges if e.get("orientation") == "v" and e["bottom"] - e["top"] >= 15]
    hs = [e for e in edges if e.get("orientation") == "h"]
    if len(vs) < 3:
        return []
    open_ends: list[tuple[float, float]] = []
    for e in vs:
        x = e["x0"]
        for y in (e["top"], e["bottom"]):
            closed = any(abs(h["top"] - y) <= 3 and h["x0"] - 3 <= x <= h["x1"] + 3 for h in hs)
            if not closed:
                open_ends.append((y, x))
    open_ends.sort()
    out = []
    i = 0
    while i < len(open_ends):
        j = i
        while j + 1 < len(open_ends) and open_ends[j + 1][0] - open_ends[i][0] <= 3:
            j += 1
        group = open_ends[i:j + 1]
        xs = sorted({round(x) for _, x in group})
        if len(xs) >= 3:
            y = sum(g[0] for g in group) / len(group)
            out.append({"object_type": "line", "x0": xs[0], "x1": xs[-1], "top": y, "bottom": y,
                        "width": xs[-1] - xs[0], "height": 0})
        i = j + 1
    return out


def _gradient_rects(rects: list[dict]) -> set[int]:
    """ids of filled rectangles that are slices of a colour gradient (a
    stack of thin rectangles, each a slightly different colour): their
    edges are not table rulings and their colour is not a cell fill."""
    out: set[int] = set()
    for axis in ("v", "h"):
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for r in rects:
            if not r.get("fill") or r.get("stroke"):
                continue
            w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
            if axis == "v" and h <= 12 and w > 2 * h:
                groups[(round(r["x0"]), round(r["x1"]))].append(r)
            elif axis == "h" and w <= 12 and h > 2 * w:
                groups[(round(r["top"]), round(r["bottom"]))].append(r)
        for rs in groups.values():
            if len(rs) < 4:
                continue
            key0, key1 = ("top", "bottom") if axis == "v" else ("x0", "x1")
            rs.sort(key=lambda r: r[key0])
            chain = [rs[0]]
            for r in rs[1:] + [None]:
                if r is not None and abs(r[key0] - chain[-1][key1]) <= 0.8:
                    chain.append(r)
                    continue
                colours = {str(c.get("non_stroking_color")) for c in chain}
                if len(chain) >= 4 and len(colours) >= 3:
                    out.update(id(c) for c in chain)
                if r is not None:
                    chain = [r]
    return out


def _filled_rects(page, skip: set[int] = frozenset()) -> list[tuple[float, float, float, float, str]]:
    out = []
    for r in page.rects:
        if not r.get("fill") or id(r) in skip:
            continue
        col = _colour(r.get("non_stroking_color"))
        if col is None:
            continue
        out.append((r["x0"], r["top"], r["x1"], r["bottom"], col))
    return out


def _fill_for(bbox, fills) -> Optional[str]:
    x0, top, x1, bottom = bbox
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    area = max((x1 - x0) * (bottom - top), 1.0)
    best = None
    best_area = None
    for fx0, ftop, fx1, fbottom, col in fills:
        if fx0 - 1 <= cx <= fx1 + 1 and ftop - 1 <= cy <= fbottom + 1:
            fa = (fx1 - fx0) * (fbottom - ftop)
            # must cover most of the cell and not be a page/table background
            if fa < 0.5 * area or fa > 3.0 * area:
                continue
            if best_area is None or fa <= best_area:
                best, best_area = col, fa
    if best == "#ffffff":
        return None
    return best


def _page_table(t, words: list[Word], fills, page: int) -> Optional[PageTable]:
    rows = t.rows
    if not rows:
        return None
    n_cols = max(len(r.cells) for r in rows)
    if n_cols < 2:
        return None  # a framed text box, read as text
    grid: list[list[Optional[tuple]]] = [list(r.cells) + [None] * (n_cols - len(r.cells)) for r in rows]
    # words into cells (by centre)
    cell_words: dict[tuple[int, int], list[Word]] = defaultdict(list)
    bx0, btop, bx1, bbottom = t.bbox
    placed_any = False
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if not (bx0 <= cx <= bx1 and btop <= cy <= bbottom):
            continue
        for ri, row in enumerate(grid):
            hit = False
            for ci, cb in enumerate(row):
                if cb is not None and cb[0] - 0.5 <= cx <= cb[2] + 0.5 and cb[1] - 0.5 <= cy <= cb[3] + 0.5:
                    cell_words[(ri, ci)].append(w)
                    hit = placed_any = True
                    break
            if hit:
                break
    if not placed_any:
        return None
    used_cols = {ci for (_, ci) in cell_words}
    if len(used_cols) < 2 and len(rows) <= 2:
        return None  # a box around text, not a table
    texts: dict[tuple[int, int], str] = {}
    bolds: dict[tuple[int, int], float] = {}
    for key, ws in cell_words.items():
        cb = grid[key[0]][key[1]]
        texts[key] = _cell_text(ws, cb)
        n = sum(len(w.text) for w in ws) or 1
        bolds[key] = sum(w.bold * len(w.text) for w in ws) / n
    # column left edges (from cells that exist)
    col_x = []
    for ci in range(n_cols):
        xs = [grid[ri][ci][0] for ri in range(len(grid)) if grid[ri][ci] is not None]
        col_x.append(min(xs) if xs else (col_x[-1] if col_x else bx0))
    out_rows: list[list[Cell]] = []
    for ri, row in enumerate(grid):
        cells = []
        for ci, cb in enumerate(row):
            if cb is None:
                src = _spanning_cell(grid, ri, ci)
                if src is None:
                    cells.append(Cell("", page=page))
                    continue
                sr, sc = src
                cb = grid[sr][sc]
                cells.append(Cell(texts.get((sr, sc), ""), fill=_fill_for(cb, fills), page=page))
            else:
                cells.append(Cell(texts.get((ri, ci), ""), fill=_fill_for(cb, fills), page=page))
        out_rows.append(cells)
    bold_rows = []
    for ri in range(len(grid)):
        vals = [bolds[(ri, ci)] for ci in range(n_cols) if (ri, ci) in bolds and texts.get((ri, ci))]
        bold_rows.append(bool(vals) and all(v >= 0.8 for v in vals))
    # a first row in a fill colour that no other row uses
    first_fills = {c.fill for c in out_rows[0]}
    filled_first = (len(out_rows) > 1 and len(first_fills) == 1 and None not in first_fills
                    and all(c.text for c in out_rows[0])
                    and not any(c.fill in first_fills for r in out_rows[1:] for c in r))
    # drop rows that are entirely empty
    keep = [i for i, r in enumerate(out_rows) if any(c.text.strip() for c in r)]
    if not keep:
        return None
    out_rows = [out_rows[i] for i in keep]
    bold_rows = [bold_rows[i] for i in keep]
    if filled_first and keep[0] != 0:
        filled_first = False
    return PageTable(page=page, bbox=tuple(t.bbox), rows=out_rows, col_x=col_x,
                     bold_rows=bold_rows, filled_first_row=filled_first,
                     cell_text=" ".join(texts[k] for k in sorted(texts)),
                     word_ids=frozenset(id(w) for ws in cell_words.values() for w in ws))


def _spanning_cell(grid, ri: int, ci: int) -> Optional[tuple[int, int]]:
    """The cell covering the empty grid slot (ri, ci): to its left in the
    same row, else above in the same column."""
    row = grid[ri]
    # x centre of this column from any row that has it
    xs = [grid[r][ci] for r in range(len(grid)) if grid[r][ci] is not None]
    ys = [c for c in row if c is not None]
    if not xs or not ys:
        return None
    cx = (xs[0][0] + xs[0][2]) / 2
    cy = (ys[0][1] + ys[0][3]) / 2
    for c in range(ci - 1, -1, -1):
        cb = row[c]
        if cb is not None:
            if cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]:
                return ri, c
            break
    for r in range(ri - 1, -1, -1):
        cb = grid[r][ci]
        if cb is not None:
            if cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]:
                return r, ci
            break
    # a cell spanning both directions: search all cells
    for r in range(ri, -1, -1):
        for c in range(ci, -1, -1):
            cb = grid[r][c]
            if cb is not None and cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]:
                return r, c
    return None


def _cell_text(words: list[Word], bbox) -> str:
    lines = _group_lines(words, 0)
    if not lines:
        return ""
    right = bbox[2] if bbox else max(ln.x1 for ln in lines)
    left = bbox[0] if bbox else min(ln.x0 for ln in lines)
    width = max(right - left, 1.0)
    parts: list[str] = []
    prev: Optional[Line] = None
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    normal_gap = min(gaps) if gaps else 0.0
    for ln in lines:
        if prev is None:
            parts.append(ln.text)
        else:
            gap = ln.top - prev.bottom
            num, _ = split_numbering(ln.text)
            new = False
            if gap > normal_gap + 0.5 * max(ln.size, 1):
                new = True
            elif num is not None and (ln.text[:1] in _STRONG_BULLETS or prev.text.endswith(_TERMINAL)
                                      or abs(ln.x0 - prev.x0) > 3):
                new = True
            elif prev.text.endswith((".", "!", "?", ":")) and prev.x1 < right - 0.2 * width and ln.text[:1].isupper():
                new = True
            if new:
                parts.append("\n" + ln.text)
            elif _hyphen_join(prev.text, ln.text):
                parts.append(ln.text)
            else:
                parts.append(" " + ln.text)
        prev = ln
    return "".join(parts).strip()


# --------------------------------------------------------------------------
# furniture
# --------------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _table_key(t: PageTable) -> str:
    return "\n".join("\t".join(_furniture_key(c.text) for c in r) for r in t.rows)


def _remove_furniture(pages: list[PageContent]) -> list[str]:
    """Drop running headers/footers and page numbers; return their texts."""
    band = 0.12
    n = len(pages)
    cands: dict[int, list[tuple[Line, str]]] = {}
    counts: Counter = Counter()
    for p in pages:
        items = []
        body_top = min([t.bbox[1] for t in p.tables], default=p.height)
        body_bottom = max([t.bbox[3] for t in p.tables], default=0.0)
        top_lines = [ln for ln in p.lines[:4] if ln.bottom <= band * p.height + 20 and ln.bottom <= body_top + 1]
        bottom_lines = [ln for ln in p.lines[-4:] if ln.top >= (1 - band) * p.height - 20 and ln.top >= body_bottom - 1]
        for where, group in (("top", top_lines), ("bottom", bottom_lines)):
            for ln in group:
                key = where + "|" + _furniture_key(ln.text)
                items.append((ln, key))
        cands[p.number] = items
        for key in {k for _, k in items}:
            counts[key] += 1
    need = max(2, int(0.3 * n + 0.999)) if n >= 3 else 2
    furniture: list[str] = []
    seen_texts: set[str] = set()
    # a small table repeated on many pages (a running totals box): keep the
    # first copy, drop the others
    tcounts: Counter = Counter()
    for p in pages:
        for key in {_table_key(t) for t in p.tables if len(t.rows) <= 2}:
            tcounts[key] += 1
    kept_once: set[str] = set()
    for p in pages:
        keep_tables = []
        for t in p.tables:
            key = _table_key(t) if len(t.rows) <= 2 else None
            if key is not None and tcounts[key] >= need and n >= 2:
                if key in kept_once:
                    if key not in seen_texts:
                        seen_texts.add(key)
                        furniture.append(" | ".join(c.text for c in t.rows[0]))
                    continue
                kept_once.add(key)
            keep_tables.append(t)
        p.tables = keep_tables
    for p in pages:
        drop = set()
        for ln, key in cands.get(p.number, []):
            text = ln.text.strip()
            if _PAGE_NO.match(text) or counts[key] >= need:
                drop.add(id(ln))
                if key not in seen_texts:
                    seen_texts.add(key)
                    furniture.append(text)
        if drop:
            p.lines = [ln for ln in p.lines if id(ln) not in drop]
    return furniture


# --------------------------------------------------------------------------
# paragraphs
# --------------------------------------------------------------------------


@dataclass
class DocStats:
    body_size: float
    normal_gap: float
    right_edge: dict[int, float]


def _doc_stats(pages: list[PageContent]) -> DocStats:
    sizes: Counter = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 11.0
    gaps: Counter = Counter()
    for p in pages:
        for a, b in zip(p.lines, p.lines[1:]):
            if abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6:
                g = b.top - a.bottom
                if -2 < g < body * 1.5:
                    gaps[round(g * 2) / 2] += 1
    normal = gaps.most_common(1)[0][0] if gaps else body * 0.2
    right = {}
    for p in pages:
        xs = sorted(ln.x1 for ln in p.lines if len(ln.text) > 30)
        right[p.number] = xs[int(len(xs) * 0.9)] if xs else p.width
    return DocStats(body_size=body, normal_gap=max(normal, 0.0), right_edge=right)


_LABEL_END = re.compile(r"[:]$")


def _cover_label(ln: Line) -> Optional[tuple[int, float, bool]]:
    """A line starting with a "Label:" (1-6 words ending with ':').

    Returns (number of label words, x of the value, two_column) when the
    label is set off from its value by bold type or a wide gap."""
    ws = ln.words
    for k in range(min(6, len(ws))):
        if ws[k].text.endswith(":") and len(ws[k].text) > 1:
            label = " ".join(w.text for w in ws[: k + 1])
            if len(label) > 45 or not label[:1].isupper() or re.search(r"\d{3,}", label):
                return None
            if k + 1 >= len(ws):
                return None
            nxt = ws[k + 1]
            gap = nxt.x0 - ws[k].x1
            label_bold = all(w.bold >= 0.8 for w in ws[: k + 1])
            two_col = gap > 2.0 * max(ln.size, 1)
            if two_col or (label_bold and nxt.bold < 0.5):
                return k + 1, nxt.x0, two_col
            return None
    return None


def _is_marker_start(text: str) -> Optional[str]:
    num, _ = split_numbering(text)
    return num


def _new_paragraph(prev: Line, ln: Line, para: list[Line], stats: DocStats) -> bool:
    size = max(prev.size, ln.size, 1.0)
    gap = ln.top - prev.bottom
    if gap > stats.normal_gap + 0.33 * size or gap < -size:
        return True
    if abs(prev.size - ln.size) > 1.2:
        return True
    if (prev.bold >= 0.8 and ln.bold <= 0.2) or (prev.bold <= 0.2 and ln.bold >= 0.8):
        # a bold run-in word at the start of a line is not a font change;
        # nor is a bold sentence that ends part-way along a line
        # ("... research on" / "this scale. Recommendations are made ...")
        run_in = ln.bold <= 0.2 and len(para) > 1 and prev.bold >= 0.8 and para[0].bold < 0.8
        bold_ends = prev.bold >= 0.8 and ln.words and ln.words[0].bold >= 0.8 and not prev.text.endswith(_TERMINAL)
        if not (run_in or bold_ends):
            return True
    if _cover_label(ln) is not None:
        return True
    num = _is_marker_start(ln.text)
    if num is not None:
        if ln.text[:1] in _STRONG_BULLETS:
            return True
        if prev.text.endswith(_TERMINAL) or re.search(r"\b(and|or)$", prev.text):
            return True
        if abs(ln.x0 - prev.x0) > 3:
            return True
        # a sibling of the item being read: same marker at the same indent ("o", "-")
        if para and para[0].text[:1] == ln.text[:1] and abs(para[0].x0 - ln.x0) <= 3 and not ln.text[:1].isalnum():
            return True
        if para and ln.text[:2] == "o " and para[0].text[:2] == "o " and abs(para[0].x0 - ln.x0) <= 3:
            return True
    right = stats.right_edge.get(ln.page, prev.x1)
    width = max(right - min(l.x0 for l in para), 50.0)
    if prev.text.endswith((".", "!", "?", ":")) and ln.text[:1].isupper():
        if prev.x1 < right - 0.15 * width:
            return True
        if ln.x0 < prev.x0 - 3 or (ln.x0 > prev.x0 + 3 and len(para) > 0 and ln.x0 > para[0].x0 + 3):
            return True
    return False


def _hyphen_join(a: str, b: str) -> bool:
    """A line ending in a hyphen joins the next without a space: "long-" +
    "term", "2024-" + "25"."""
    if len(a) < 2 or not a.endswith("-") or a.endswith(" -"):
        return False
    return b[:1].islower() or (a[-2].isdigit() and b[:1].isdigit())


def _join_lines(lines: list[Line]) -> str:
    out = ""
    for ln in lines:
        t = ln.text
        if not out:
            out = t
        elif _hyphen_join(out, t):
            out += t
        else:
            out += " " + t
    return out


def _page_blocks(p: PageContent, stats: DocStats) -> list[tuple[Block, float, float]]:
    """Blocks of one page in reading order, with their top and bottom y."""
    items: list[tuple[float, str, object]] = [(ln.top, "line", ln) for ln in p.lines]
    items += [(t.top, "table", t) for t in p.tables]
    items.sort(key=lambda it: (it[0], 0 if it[1] == "table" else 1))
    out: list[tuple[Block, float, float]] = []
    para: list[Line] = []
    cover: Optional[dict] = None

    def flush():
        nonlocal para, cover
        if cover is not None:
            text = cover["label"] + " " + "; ".join(" ".join(g) for g in cover["groups"] if g)
            out.append((Block(kind="paragraph", text=" ".join(text.split()), page=p.number, style="label"),
                        cover["top"], cover["bottom"]))
            cover = None
        if para:
            out.append((_make_block(para, stats, p.number), para[0].top, para[-1].bottom))
            para = []

    i = 0
    while i < len(items):
        _, kind, obj = items[i]
        i += 1
        if kind == "table":
            flush()
            out.append((Block(kind="table", page=p.number, table=None, style="pdf-table"), obj.top, obj.bbox[3]))
            out[-1][0]._ptable = obj  # type: ignore[attr-defined]
            continue
        ln: Line = obj  # type: ignore[assignment]
        if cover is not None:
            same_col = abs(ln.x0 - cover["x"]) <= 4 and _cover_label(ln) is None
            close = ln.top - cover["bottom"] <= 3.5 * max(ln.size, 1) + stats.normal_gap
            if same_col and close:
                if ln.top - cover["bottom"] > stats.normal_gap + 0.33 * max(ln.size, 1):
                    cover["groups"].append([])
                cover["groups"][-1].append(ln.text)
                cover["bottom"] = ln.bottom
                continue
            flush()
        lab = _cover_label(ln)
        if lab is not None and lab[2]:
            flush()
            k, vx, _ = lab
            label = " ".join(w.text for w in ln.words[:k])
            value = " ".join(w.text for w in ln.words[k:])
            cover = {"label": label, "x": vx, "groups": [[value]], "top": ln.top, "bottom": ln.bottom}
            continue
        if para and _new_paragraph(para[-1], ln, para, stats):
            flush()
        para.append(ln)
    flush()
    return out


def _make_block(lines: list[Line], stats: DocStats, page: int) -> Block:
    text = _join_lines(lines)
    num, rest = split_numbering(text)
    n_chars = sum(len(l.text) for l in lines) or 1
    bold = sum(l.bold * len(l.text) for l in lines) / n_chars
    size = sum(l.size * len(l.text) for l in lines) / n_chars
    # boldness of the text after the number ("1. Introduction" with a plain number)
    if num and lines[0].words:
        ws = [w for l in lines for w in l.words]
        body_ws = ws[1:] if len(ws) > 1 else ws
        n = sum(len(w.text) for w in body_ws) or 1
        bold = max(bold, sum(w.bold * len(w.text) for w in body_ws) / n)
    words = rest.split()
    letters = [c for c in rest if c.isalpha()]
    caps = len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9
    bigger = size >= stats.body_size + 1.5
    short = 0 < len(words) <= 20 and len(lines) <= 3
    ends_sentence = rest.rstrip().endswith((".", ";", ",")) and not rest.rstrip().endswith("..")
    is_heading = num != "•" and short and not ends_sentence and (bold >= 0.8 or bigger or (caps and len(words) <= 12))
    if is_heading and (re.fullmatch(r"[\d\s.,%£$()+-]+", rest)
                       or len(re.findall(r"(?<![\w/-])[+-]?[£$]?\d[\d,]*(?:\.\d+)?[%m]?(?![\w/-])", rest)) >= 2):
        is_heading = False  # a row of figures (an unruled table), not a heading
    if is_heading and num is None:
        # "1 | Introduction": a heading number set off by a bar
        m = re.match(r"^(\d{1,2}[a-z]?(?:\.\d{1,2})*)\s*\|\s+(\S.*)$", rest)
        if m:
            num, rest = m.group(1), m.group(2)
    style = ("bold" if bold >= 0.8 else None)
    if is_heading:
        return Block(kind="heading", text=rest, numbering=num, level=numbering_level(num) if num else 0,
                     page=page, style=f"size:{size:.1f}" + (",bold" if bold >= 0.8 else ""))
    x0 = lines[0].x0
    if num == "•":
        b = Block(kind="list_item", text=rest, numbering="•", level=1, page=page, style=style)
    elif num and not re.fullmatch(r"\d+(?:\.\d+)*", num):
        b = Block(kind="list_item", text=rest, numbering=num, level=1, page=page, style=style)
    else:
        b = Block(kind="paragraph", text=rest, numbering=num, level=numbering_level(num), page=page, style=style)
    b._x0 = x0  # type: ignore[attr-defined]
    b._size = size  # type: ignore[attr-defined]
    right = stats.right_edge.get(page, lines[-1].x1)
    # the last line runs to the right margin: the paragraph did not end there
    b._full = lines[-1].x1 >= right - 3.0 * max(lines[-1].size, 1.0)  # type: ignore[attr-defined]
    b._footnote = (size <= stats.body_size - 1.0 and re.match(r"\d{1,3}\s", text) is not None)  # type: ignore[attr-defined]
    return b


def _assign_heading_levels(blocks: list[Block]) -> None:
    """Unnumbered headings: level by font size rank (largest = 1); list
    items: depth by indentation of their marker on the page."""
    sizes = set()
    for b in blocks:
        if b.kind == "heading" and not b.numbering and b.style and b.style.startswith("size:"):
            sizes.add(round(float(b.style.split(",")[0][5:])))
    rank = {s: i + 1 for i, s in enumerate(sorted(sizes, reverse=True))}
    for b in blocks:
        if b.kind == "heading":
            if b.numbering and re.fullmatch(r"\d+(?:\.\d+)*", b.numbering):
                b.level = max(1, numbering_level(b.numbering))
            elif b.style and b.style.startswith("size:"):
                b.level = min(3, rank.get(round(float(b.style.split(",")[0][5:])), 1))
            else:
                b.level = max(1, b.level)
    by_page: dict[Optional[int], list[Block]] = defaultdict(list)
    for b in blocks:
        if b.kind == "list_item" and hasattr(b, "_x0"):
            by_page[b.page].append(b)
    for items in by_page.values():
        xs: list[float] = []
        for x in sorted(getattr(b, "_x0") for b in items):
            if not xs or x - xs[-1] > 6:
                xs.append(x)
        for b in items:
            x = getattr(b, "_x0")
            b.level = 1 + min(3, sum(1 for v in xs if v < x - 6))
    for b in blocks:
        if "_x0" in b.__dict__:
            del b.__dict__["_x0"]


# --------------------------------------------------------------------------
# across pages
# --------------------------------------------------------------------------


def _norm_row(row: list[Cell]) -> tuple[str, ...]:
    return tuple(" ".join(c.text.split()).lower() for c in row)


def _same_row(a: list[Cell], b: list[Cell]) -> bool:
    """The same row printed twice (a header repeated on the next page):
    cell by cell the same text, allowing the small differences OCR makes
    between two printings ("Progress RAG |", a misread letter)."""
    na, nb = _norm_row(a), _norm_row(b)
    if na == nb:
        return True
    if len(na) != len(nb):
        return False
    from difflib import SequenceMatcher
    for x, y in zip(na, nb):
        if x == y:
            continue
        x, y = re.sub(r"[^a-z0-9]+", "", x), re.sub(r"[^a-z0-9]+", "", y)
        if x != y and (not x or not y or SequenceMatcher(None, x, y, autojunk=False).ratio() < 0.85):
            return False
    return True


def _same_rows(a: list[list[Cell]], b: list[list[Cell]]) -> bool:
    return len(a) == len(b) and all(_same_row(x, y) for x, y in zip(a, b))


def _header_rows(pt: PageTable) -> int:
    n = 0
    for ri, is_bold in enumerate(pt.bold_rows[:3]):
        if is_bold:
            n += 1
        else:
            break
    if n >= len(pt.rows):
        n = 0  # an all-bold table: no header to tell apart
    if n == 0 and pt.filled_first_row and len(pt.rows) > 1:
        n = 1
    return n


def _same_columns(a: PageTable, b: PageTable) -> bool:
    if len(a.col_x) != len(b.col_x):
        return False
    return all(abs(x - y) <= 6 for x, y in zip(a.col_x, b.col_x))


def _join_pages(per_page: list[list[tuple[Block, float, float]]], pages: list[PageContent]) -> list[Block]:
    blocks: list[Block] = []
    prev_last: Optional[Block] = None   # the last body block so far
    prev_page_no: Optional[int] = None
    open_table: Optional[tuple[Block, PageTable, Table]] = None
    page_tail: list[Block] = []         # the blocks the previous page added
    for items, p in zip(per_page, pages):
        first = True
        tail: list[Block] = []
        for b, top, bottom in items:
            if b.kind == "table":
                pt: PageTable = b._ptable  # type: ignore[attr-defined]
                del b._ptable  # type: ignore[attr-defined]
                if open_table is not None and prev_last is open_table[0]:
                    next_page = first and prev_page_no == p.number - 1
                    if _continues(open_table[1], open_table[2], pt, next_page):
                        _append_table(open_table[2], open_table[1], pt)
                        _split_repeated_headers(open_table[2])
                        open_table = (open_table[0], pt, open_table[2])
                        first = False
                        continue
                h = _header_rows(pt)
                table = Table(rows=[list(r) for r in pt.rows], header_rows=h, pages=[pt.page])
                _split_repeated_headers(table)
                b.table = table
                b.style = None
                blocks.append(b)
                tail.append(b)
                open_table = (b, pt, table)
                prev_last = b
                first = False
                continue
            if first and prev_page_no == p.number - 1:
                host = _broken_block(page_tail)
                if host is not None and _continues_text(host, b):
                    host.text = _join_text(host.text, b.text)
                    first = False
                    continue
            blocks.append(b)
            tail.append(b)
            prev_last = b
            first = False
        if tail:
            page_tail = tail
        prev_page_no = p.number
    return blocks


def _broken_block(tail: list[Block]) -> Optional[Block]:
    """The block of the previous page that a page break may have cut: its
    last block, or the last before the footnotes printed under the text."""
    for b in reversed(tail):
        if getattr(b, "_footnote", False):
            continue
        return b
    return None


def _join_text(a: str, b: str) -> str:
    if _hyphen_join(a, b):
        return a + b
    return a + " " + b


# words a sentence does not end on: a paragraph whose last line ends on
# one runs on, whatever the next page's first word looks like
_RUNS_ON = re.compile(
    r"(?:\b(?:the|a|an|of|to|and|or|nor|but|for|with|in|on|at|by|from|into|onto|upon|as|than|that|"
    r"which|who|whose|whom|is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|"
    r"could|may|might|must|not|no|this|these|those|its|their|our|his|her|including|such|between|"
    r"across|within|without|about|under|over|via|per|each|every|all|both|any|some|more|most|less)"
    r"|[,/&(\u2013\u2014-])$", re.I)


def _continues_text(prev: Block, b: Block) -> bool:
    """Does `b`, the first block of a page, continue `prev`, cut by the
    page break? Only an unnumbered paragraph continues; the block before
    must not end a sentence. It continues when it starts mid-sentence
    (lower case, a figure, a bracket or quote), when `prev` ends on a word
    or mark a sentence cannot end on ("... to the rear of the" / "Abbey
    Hotel"), or when `prev`'s last line runs to the margin and `b` is set
    in the same type."""
    if prev.kind not in ("paragraph", "list_item") or b.kind != "paragraph" or b.numbering:
        return False
    if getattr(prev, "_footnote", False) or prev.style == "label":
        return False
    t = b.text.strip()
    head = prev.text.rstrip()
    if not t or not head or head.endswith((".", ":", ";", "!", "?")):
        return False
    if t[:1].islower() or t[:1].isdigit() or t[:1] in "(‘'\"“":
        return True
    if not t[:1].isupper():
        return False
    same_type = abs(getattr(prev, "_size", 0.0) - getattr(b, "_size", 0.0)) <= 0.6
    if not same_type or (prev.style == "bold") != (b.style == "bold"):
        return False
    return bool(_RUNS_ON.search(head)) or bool(getattr(prev, "_full", False))


def _repeats_header(table: Table, pt: PageTable) -> bool:
    h = table.header_rows
    return bool(h) and len(pt.rows) > h and _same_rows(pt.rows[:h], table.rows[:h])


def _continues(prev_pt: PageTable, table: Table, pt: PageTable, next_page: bool) -> bool:
    """Does `pt` continue `table` (whose last part is `prev_pt`)? Either it
    starts the next page with the same columns, or it repeats the table's
    header rows (a table split and restarted with its header)."""
    if len(pt.col_x) != len(prev_pt.col_x):
        return False
    if _repeats_header(table, pt):
        return True
    return next_page and _same_columns(prev_pt, pt)


def _append_table(table: Table, prev_pt: PageTable, pt: PageTable) -> None:
    rows = [list(r) for r in pt.rows]
    # leading rows repeated from the table's first page are its header
    k = 0
    while k < min(len(rows) - 1, len(table.rows) - 1, 4) and _same_row(rows[k], table.rows[k]) \
            and any(c.text.strip() for c in rows[k]):
        k += 1
    if k:
        if len(table.pages) == 1 or not table.header_rows:
            table.header_rows = k
        rows = rows[k:]
    _extend_rows(table, rows, cut=prev_pt.open_bottom or pt.open_top)
    if pt.page not in table.pages:
        table.pages.append(pt.page)


def _split_repeated_headers(table: Table) -> None:
    """A header repeated inside a table (a table restarted with its header
    on the same page): drop it and rejoin the parts."""
    h = table.header_rows
    if not h or len(table.rows) <= 2 * h:
        return
    head = table.rows[:h]
    rows = table.rows
    out = rows[:h]
    segment: list[list[Cell]] = []
    i = h
    parts: list[list[list[Cell]]] = []
    while i < len(rows):
        if i + h <= len(rows) and _same_rows(rows[i:i + h], head):
            parts.append(segment)
            segment = []
            i += h
            continue
        segment.append(rows[i])
        i += 1
    parts.append(segment)
    if len(parts) == 1:
        return
    table.rows = out + parts[0]
    for seg in parts[1:]:
        _extend_rows(table, seg, cut=False, guess=False)


def _extend_rows(table: Table, rows: list[list[Cell]], *, cut: bool, guess: bool = True) -> None:
    """Append `rows` after a break; the first of them is merged into the
    last row above when the break split that row: the rulings show the row
    left open (`cut`), or (`guess`, at a page break) its first cell is empty
    under a filled one, or every cell it fills starts lower case."""
    if rows and len(table.rows) > table.header_rows:
        first, last = rows[0], table.rows[-1]
        first_empty = not first[0].text.strip() and last[0].text.strip()
        lower = all((not c.text.strip()) or c.text.strip()[:1].islower() for c in first) and any(c.text.strip() for c in first)
        if cut or (guess and (first_empty or lower)):
            for ci, c in enumerate(first):
                if ci < len(last) and c.text.strip():
                    prev_text = last[ci].text
                    if not prev_text:
                        last[ci].text = c.text
                    elif prev_text.rstrip().endswith(_TERMINAL) and c.text[:1].isupper():
                        last[ci].text = prev_text + "\n" + c.text
                    else:
                        last[ci].text = _join_text(prev_text, c.text)
                    if last[ci].fill is None:
                        last[ci].fill = c.fill
            rows = rows[1:]
    table.rows.extend(rows)
