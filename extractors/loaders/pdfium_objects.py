"""Page objects from PDFium (pypdfium2), in pdfplumber's form.

pdfplumber reads a page through pdfminer's Python interpreter: for a
council report that is 80% of the pipeline's time. PDFium parses the same
page in C about ten times faster. This module reads a page's characters,
rectangles, lines and curves with PDFium and returns them as the dicts
pdfplumber would have made (same keys, same top-left coordinates, same
classification of paths), so the loader (pdf/pages.py) and pdfplumber's table
finder run on them unchanged: `page._objects = read_objects(...)`.

How each value is matched to pdfminer's:

* characters: PDFium's generated characters (the spaces and line breaks it
  infers from gaps) are skipped, so only glyphs drawn by the PDF remain,
  spaces included; spaces PDFium's text page leaves out (a text object
  holding only spaces, a space repeating the one before) are put back
  from the page's text objects. x0/x1 and the baseline-relative bottom come from PDFium's
  "loose" box (origin, advance width from the font's /Widths, font
  descent), which is how pdfminer builds its box; the top is bottom minus
  the font size, as in pdfminer (not the font's ascent). `size` is the
  font size scaled by the text matrix, `matrix` the character's matrix,
  `upright` as pdfminer defines it. Font names keep no subset prefix
  (PDFium drops it; nothing downstream needs it).
* paths: each subpath is classified like pdfminer does: a straight
  segment ("ml", "mlh") is a line, a closed four-sided axis-aligned path
  is a rect, anything else a curve; points are taken through the object's
  matrix and every enclosing form's matrix. Colours are PDFium's RGB as
  0-1 floats.

Anything PDFium cannot read makes the caller fall back to pdfplumber for
that page; `tests/test_loader_pdfium.py` checks the two agree on real
council papers.
"""
from __future__ import annotations

import ctypes
import functools
import math
import re
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as raw

_OBJ_TEXT, _OBJ_PATH, _OBJ_FORM = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
_SEG_LINE, _SEG_BEZIER, _SEG_MOVE = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO


class PdfiumDocument:
    """A PDF opened with PDFium, for reading page objects by page index."""

    def __init__(self, data: bytes):
        self._data = data  # PDFium reads from this buffer: keep it alive
        self.pdf = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self.pdf)

    def objects(self, index: int, *, bbox: tuple[float, float, float, float]) -> dict[str, list[dict]]:
        page = self.pdf[index]
        try:
            return read_objects(page, bbox=bbox)
        finally:
            page.close()

    def image_share(self, index: int) -> float:
        """The share of the page's area that images cover (0-1; overlapping
        images counted once per image, capped at 1)."""
        page = self.pdf[index]
        try:
            w, h = page.get_size()
            area = 0.0
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
                left, bottom, right, top = obj.get_bounds()
                area += max(0.0, min(right, w) - max(left, 0.0)) * max(0.0, min(top, h) - max(bottom, 0.0))
            return min(1.0, area / (w * h)) if w > 0 and h > 0 else 0.0
        finally:
            page.close()

    def render_gray(self, index: int, dpi: int):
        """The page as a greyscale PIL image at `dpi` (annotations and
        form fields drawn, as printed)."""
        page = self.pdf[index]
        try:
            return page.render(scale=dpi / 72.0, grayscale=True, draw_annots=True).to_pil()
        finally:
            page.close()

    def close(self) -> None:
        try:
            self.pdf.close()
        except Exception:  # noqa: BLE001 - closing never fails a load
            pass


class PageNeedsPdfminer(Exception):
    """This page is better read by pdfminer (raised for pages whose text is
    mostly rotated: PDFium and pdfminer disagree on which glyphs count as
    upright there, and the loader's reading order depends on it)."""


def read_objects(page, *, bbox: tuple[float, float, float, float]) -> dict[str, list[dict]]:
    """chars, rects, lines and curves of a pypdfium2 page, as pdfplumber
    dicts in the coordinates of a pdfplumber page whose bbox is `bbox`
    (an unrotated page: pdfplumber's mediabox). Characters come in drawing
    order, as pdfminer gives them."""
    # pdfplumber (after pdfminer's mediabox shift): x as in the PDF,
    # top = mediabox height - y
    top_y = float(bbox[3]) - float(bbox[1])
    out: dict[str, list[dict]] = {"char": [], "rect": [], "line": [], "curve": []}
    ident = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    order: dict[int, int] = {}           # text object address -> drawing order
    blanks: list[tuple[int, dict]] = []  # (drawing order, space char)
    if _pdfium_chars is not None:   # the walk in C; paths and blank text objects read below
        order, paths, empty = _pdfium_chars.walk(ctypes.cast(page.raw, ctypes.c_void_p).value,
                                                 _function_addresses(_WALK_FUNCTIONS), _WALK_KINDS)
        handle = raw.FPDF_PAGEOBJECT
        for subpaths, fill, stroked, sc, nc, linewidth in paths:
            _path_objects(subpaths, fill, stroked, sc, nc, linewidth, top_y, out)
        for seq, address, parent, right in empty:
            for c in _blank_spaces(ctypes.cast(address, handle), parent, top_y, right):
                blanks.append((seq, c))
    else:
        n = raw.FPDFPage_CountObjects(page.raw)
        for i in range(n):
            _walk(raw.FPDFPage_GetObject(page.raw, i), ident, top_y, out, order, blanks)
    chars, seqs, rotated = _read_chars(page, top_y, order)
    if chars and rotated > 0.1 * len(chars):
        raise PageNeedsPdfminer(f"{rotated} of {len(chars)} characters are rotated")
    if blanks or seqs != sorted(seqs):
        # merge the spaces back in and follow the drawing order (a stable
        # sort: within one text object PDFium's order is kept)
        seqs = seqs + [s for s, _ in blanks]
        chars = chars + [c for _, c in blanks]
        chars = [chars[k] for k in sorted(range(len(seqs)), key=seqs.__getitem__)]
    out["char"] = chars
    return out


# ------------------------------------------------------------------ chars

def _own_fn(name: str, restype, argtypes):
    """A private ctypes handle on a PDFium function, so its result type can
    be a plain address without changing pypdfium2's own binding."""
    from pypdfium2_raw.bindings import _libs
    fn = _libs["pdfium"][name]  # __getitem__ gives a new function object
    fn.restype, fn.argtypes = restype, argtypes
    return fn


_text_object_of = _own_fn("FPDFText_GetTextObject", ctypes.c_void_p, [raw.FPDF_TEXTPAGE, ctypes.c_int])


# Unicode's presentation-form ligatures (a font that maps its "fi" glyph to
# U+FB01): their letters, so "ﬁnance" reads and matches as "finance"
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
              0xFB05: "st", 0xFB06: "st"}


try:   # the per-character read in C (setup.py builds it; without a compiler the Python loop below does it)
    from extractors.loaders import _pdfium_chars
except ImportError:   # pragma: no cover - exercised where the extension is not built
    _pdfium_chars = None

_GLYPH_FUNCTIONS = ("FPDFText_GetUnicode", "FPDFText_IsGenerated", "FPDFText_IsHyphen", "FPDFText_HasUnicodeMapError",
                    "FPDFText_GetLooseCharBox", "FPDFText_GetTextObject")


_OBJECT_FUNCTIONS = ("FPDFText_GetMatrix", "FPDFText_GetFontInfo", "FPDFText_GetFontSize")
_WALK_FUNCTIONS = ("FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix",
                   "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject", "FPDFPageObj_GetBounds",
                   "FPDFPath_GetDrawMode", "FPDFPath_CountSegments", "FPDFPath_GetPathSegment",
                   "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose",
                   "FPDFPageObj_GetStrokeColor", "FPDFPageObj_GetFillColor", "FPDFPageObj_GetStrokeWidth",
                   "FPDFPageObj_GetType")
_WALK_KINDS = (_OBJ_TEXT, _OBJ_PATH, _OBJ_FORM, _SEG_LINE, _SEG_BEZIER, _SEG_MOVE)


@functools.lru_cache(maxsize=4)   # the same for every page of the process: read once
def _function_addresses(names: tuple[str, ...] = _GLYPH_FUNCTIONS) -> tuple[int, ...]:
    from pypdfium2_raw.bindings import _libs
    return tuple(ctypes.cast(_libs["pdfium"][name], ctypes.c_void_p).value for name in names)


def _c_glyphs(tp, n: int) -> list[tuple]:
    """(index, unicode, map error, left, right, bottom, top, text object) of
    each character the loader keeps, read in C (_pdfium_chars.c)."""
    from array import array
    idx, uni, mer, box, obj = _pdfium_chars.read(ctypes.cast(tp, ctypes.c_void_p).value, n, _function_addresses())
    idx, uni, box, obj = (array(code, raw).tolist() for code, raw in (("i", idx), ("I", uni), ("d", box), ("Q", obj)))
    return [(idx[k], uni[k], mer[k], box[4 * k], box[4 * k + 1], box[4 * k + 2], box[4 * k + 3], obj[k] or -1)
            for k in range(len(idx))]


def _py_glyphs(tp, n: int) -> list[tuple]:
    """The same records as _c_glyphs, through ctypes: about five calls a
    character."""
    out = []
    get_unicode = raw.FPDFText_GetUnicode
    rect = raw.FS_RECTF()
    get_box, is_generated = raw.FPDFText_GetLooseCharBox, raw.FPDFText_IsGenerated
    has_map_error = raw.FPDFText_HasUnicodeMapError
    for i in range(n):
        u = get_unicode(tp, i)
        if u == 0x20 or u == 0x0D or u == 0x0A:
            # PDFium's generated spaces and line breaks are its guesses
            # from gaps: pdfplumber's word finder makes its own
            if u != 0x20 or is_generated(tp, i) == 1:
                continue
        elif u == 2 or u == 0xFFFE:
            # PDFium marks a hyphen at a line end (U+0002, U+FFFE in its
            # page text): the PDF drew '-'
            if u == 2 or raw.FPDFText_IsHyphen(tp, i) == 1:
                u = 0x2D
            else:
                continue
        elif u == 0 or u == 0xFFFF:
            continue
        elif 0xD800 <= u < 0xE000:  # a lone surrogate half
            continue
        if not get_box(tp, i, rect):
            continue
        out.append((i, u, 1 if u >= 0x80 and has_map_error(tp, i) == 1 else 0, rect.left, rect.right, rect.bottom,
                    rect.top, _text_object_of(tp, i) or -1))
    return out


def _read_chars(page, top_y: float, order: dict[int, int]) -> tuple[list[dict], list[int], int]:
    """(characters, the drawing order of each one's text object, how many
    are rotated): in C where the extension is built (_pdfium_chars.chars,
    the loop of _read_chars_py), else _read_chars_py."""
    if _pdfium_chars is None:
        return _read_chars_py(page, top_y, order)
    tp = raw.FPDFText_LoadPage(page.raw)
    if not tp:
        raise RuntimeError("PDFium could not load the page's text")
    try:
        n = raw.FPDFText_CountChars(tp)
        if n < 0:
            raise RuntimeError("PDFium could not count the page's characters")
        return _pdfium_chars.chars(ctypes.cast(tp, ctypes.c_void_p).value, n,
                                   _function_addresses(_GLYPH_FUNCTIONS + _OBJECT_FUNCTIONS), top_y, order)
    finally:
        raw.FPDFText_ClosePage(tp)


def _read_chars_py(page, top_y: float, order: dict[int, int], *,
                   glyphs=None) -> tuple[list[dict], list[int], int]:
    """_read_chars in Python. PDFium's characters come as glyph records
    (`glyphs`: _c_glyphs or _py_glyphs; _c_glyphs where the extension is
    built); this turns each into pdfplumber's char dict. Longer than 80
    lines, knowingly: the per-character loop is hot; helper calls per
    character would add their cost to each."""
    chars: list[dict] = []
    seqs: list[int] = []
    rotated = 0
    last_seq = -1
    tp = raw.FPDFText_LoadPage(page.raw)
    if not tp:
        raise RuntimeError("PDFium could not load the page's text")
    try:
        n = raw.FPDFText_CountChars(tp)
        if n < 0:
            raise RuntimeError("PDFium could not count the page's characters")
        # (FPDFText_GetText is not used: its units do not stay aligned with
        # the character indexes where PDFium marks hyphens)
        if glyphs is None:
            glyphs = _c_glyphs if _pdfium_chars is not None else _py_glyphs
        glyphs = glyphs(tp, n)
        m = raw.FS_MATRIX()
        namebuf = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        # a text object has one font, size and matrix (but for translation):
        # read them once per object
        per_object: dict[int, tuple] = {}
        last_key, last_box = None, (0.0, 0.0, 0.0)
        for i, u, map_error, left, right, bottom, rect_top, key in glyphs:
            text = f"(cid:{u})" if map_error else (_LIGATURES.get(u) or chr(u))  # (cid:n): pdfminer's notation
            if chars and key == last_key and left == last_box[0] and right == last_box[1] \
                    and bottom == last_box[2] and not text.isspace():
                # one glyph whose Unicode is several letters (a ligature
                # "ff"/"fi"/"ffi" mapped by the font's ToUnicode): PDFium
                # gives each letter the glyph's box. One char with all its
                # letters, as pdfminer makes it (the duplicate filter would
                # otherwise drop the second 'f' of "Office")
                chars[-1]["text"] += text
                continue
            last_key, last_box = key, (left, right, bottom)
            info = per_object.get(key)
            if info is None:
                raw.FPDFText_GetMatrix(tp, i, m)
                ma, mb, mc, md = m.a, m.b, m.c, m.d
                nlen = raw.FPDFText_GetFontInfo(tp, i, namebuf, 256, flags)
                name = namebuf.value.decode("utf-8", "replace") if nlen else ""
                fsize = raw.FPDFText_GetFontSize(tp, i)
                upright = (ma * md > 0) and (mb * mc <= 0)  # pdfminer's test
                if abs(mb) <= 0.02 * abs(ma) and abs(mc) <= 0.02 * abs(md):
                    scale = abs(md)  # horizontal text: pdfminer's size is the box height
                else:  # rotated text: the font size as drawn
                    scale = math.sqrt(abs(ma * md - mb * mc))
                straight = ma > 0 and md > 0 and abs(mb) <= 0.02 * ma and abs(mc) <= 0.02 * md
                info = (name, fsize * (scale or 1.0), upright, (ma, mb, mc, md), straight,
                        order.get(key, last_seq))
                per_object[key] = info
            name, size, upright, mat, straight, seq = info
            if not straight:
                rotated += 1
            last_seq = seq
            x0, x1 = left, right
            if upright and size:
                # pdfminer: the box runs from the descent up by the font size
                y0 = bottom
                y1 = y0 + size
            else:
                y0, y1 = bottom, rect_top
                size = size or (y1 - y0)
            top = top_y - y1
            seqs.append(seq)
            chars.append({
                "object_type": "char", "text": text, "fontname": name, "size": size,
                "upright": upright, "matrix": mat,
                "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                "top": top, "bottom": top_y - y0,
                "width": x1 - x0, "height": y1 - y0, "doctop": top,
            })
    finally:
        raw.FPDFText_ClosePage(tp)
    return chars, seqs, rotated


# ------------------------------------------------------------------ paths


def _mul(m1, m2):
    """m1 then m2 (row-vector convention, as PDF: p' = p * m1 * m2)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _walk(obj, parent, top_y: float, out: dict[str, list[dict]], order: dict[int, int],
          blanks: list[tuple[int, dict]]) -> None:
    kind = raw.FPDFPageObj_GetType(obj)
    if kind == _OBJ_FORM:
        fm = raw.FS_MATRIX()
        own = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        if raw.FPDFPageObj_GetMatrix(obj, fm):
            own = (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)
        mat = _mul(own, parent)
        for j in range(raw.FPDFFormObj_CountObjects(obj)):
            _walk(raw.FPDFFormObj_GetObject(obj, j), mat, top_y, out, order, blanks)
    elif kind == _OBJ_PATH:
        _path(obj, parent, top_y, out)
    elif kind == _OBJ_TEXT:
        seq = len(order)
        order[ctypes.cast(obj, ctypes.c_void_p).value or -1] = seq
        for c in _blank_text(obj, parent, top_y):
            blanks.append((seq, c))


def _blank_text(obj, parent, top_y: float) -> list[dict]:
    """Spaces drawn as a text object of their own.

    PDFium's text page skips a text object whose box has no width (a space
    on its own: Word draws the gap after a paragraph number, "2.7<space>New
    ...", this way) and drops a space that repeats one drawn just before.
    pdfminer keeps them, and a space is what splits "2.7" from "New" when
    the next word starts inside the space's advance. A text object with an
    empty box (only spaces) becomes space characters here, on its baseline."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, l, b, r, t):
        return []
    if abs(r.value - l.value) >= 0.01 and abs(t.value - b.value) >= 0.01:
        return []  # it has a visible glyph: PDFium's text page has its characters
    return _blank_spaces(obj, parent, top_y, r.value)


def _blank_spaces(obj, parent, top_y: float, right: float) -> list[dict]:
    """_blank_text for a text object whose box is empty (its right edge
    `right`); _pdfium_chars.walk makes that test in C."""
    fm = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, fm):
        return []
    a, bb, c, d, e, f = _mul((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), parent)
    if not (a * d > 0 and bb * c <= 0):
        return []  # rotated text: left to PDFium's own reading
    fs = ctypes.c_float()
    if not raw.FPDFTextObj_GetFontSize(obj, fs) or fs.value <= 0:
        return []
    size = fs.value * abs(d)
    descent = -0.21 * size
    font = raw.FPDFTextObj_GetFont(obj)
    dv = ctypes.c_float()
    fontname = ""
    if font:
        if raw.FPDFFont_GetDescent(font, ctypes.c_float(size), dv):
            descent = min(0.0, dv.value)
        buf = ctypes.create_string_buffer(256)
        if raw.FPDFFont_GetBaseFontName(font, buf, 256):
            # as PDFium names the glyphs' fonts: without a subset prefix
            fontname = re.sub(r"^[A-Z]{6}\+", "", buf.value.decode("utf-8", "replace"))
    y0 = f + descent
    y1 = y0 + size
    # glyphs without ink have empty boxes, so the object's box runs from the
    # first space's origin to the last one's: a space at each end
    starts = [e] + ([right] if right - e > 0.5 else [])
    spaces = []
    for x0 in starts:
        x1 = x0 + 0.25 * size
        spaces.append({
            "object_type": "char", "text": " ", "fontname": fontname, "size": size, "upright": True,
            "matrix": (a, bb, c, d), "x0": x0, "x1": x1, "y0": y0, "y1": y1,
            "top": top_y - y1, "bottom": top_y - y0, "width": x1 - x0, "height": size, "doctop": top_y - y1,
        })
    return spaces


def _colour(getter, obj) -> Optional[tuple[float, float, float]]:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _path(obj, parent, top_y: float, out: dict[str, list[dict]]) -> None:
    fm = raw.FS_MATRIX()
    own = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if raw.FPDFPageObj_GetMatrix(obj, fm):
        own = (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)
    a, b, c, d, e, f = _mul(own, parent)
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fillmode, stroke):
        return
    fill, stroked = fillmode.value != 0, bool(stroke.value)
    if not fill and not stroked:
        return  # a clipping-only or invisible path: pdfminer does not paint it either
    n = raw.FPDFPath_CountSegments(obj)
    if n <= 0:
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    # subpaths as (ops, points) the way pdfminer sees them: 'm', 'l', 'c', 'h'
    subpaths: list[tuple[list[str], list[tuple[float, float]]]] = []
    ops: list[str] = []
    pts: list[tuple[float, float]] = []
    bez = 0
    for k in range(n):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = x.value, y.value
        pt = (a * px + c * py + e, b * px + d * py + f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == _SEG_MOVE:
            if ops:
                subpaths.append((ops, pts))
            ops, pts, bez = ["m"], [pt], 0
        elif kind == _SEG_LINE:
            if not ops:
                ops, pts = ["m"], [pt]
            else:
                ops.append("l")
                pts.append(pt)
        elif kind == _SEG_BEZIER:
            bez += 1
            if bez == 3:  # control, control, end: one 'c' ending at the end point
                ops.append("c")
                pts.append(pt)
                bez = 0
        if raw.FPDFPathSegment_GetClose(seg) and ops:
            ops.append("h")
            pts.append(pts[0])
    if ops:
        subpaths.append((ops, pts))
    sc = _colour(raw.FPDFPageObj_GetStrokeColor, obj) if stroked else None
    nc = _colour(raw.FPDFPageObj_GetFillColor, obj) if fill else None
    lw = ctypes.c_float()
    linewidth = float(lw.value) if raw.FPDFPageObj_GetStrokeWidth(obj, lw) else 0.0
    _path_objects(subpaths, fill, stroked, sc, nc, linewidth, top_y, out)


def _path_objects(subpaths, fill: bool, stroked: bool, sc, nc, linewidth: float, top_y: float,
                  out: dict[str, list[dict]]) -> None:
    """A path's subpaths (ops, points) as pdfplumber's line / rect / curve
    dicts (ops a list of 'm' 'l' 'c' 'h', or the same as one str: from
    _pdfium_chars.walk)."""
    for ops, pts in subpaths:
        shape = "".join(ops)
        if shape.endswith("lh") and len(pts) >= 2 and _same(pts[-2], pts[0]):
            # a closing line that ends where the path began, then 'h': pdfminer
            # sees it as drawn by the PDF ('re' gives "mlllh", pdfium "mllllh")
            shape, pts = shape[:-1], pts[:-1]
        if shape in ("ml", "mlh"):
            otype = "line"
        elif shape in ("mlllh", "mllll") and _is_rect(pts):
            otype = "rect"
        else:
            otype = "curve"
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        o = {"object_type": otype, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
             "top": top_y - y1, "bottom": top_y - y0, "doctop": top_y - y1,
             "width": x1 - x0, "height": y1 - y0, "linewidth": linewidth,
             "stroke": stroked, "fill": fill, "stroking_color": sc, "non_stroking_color": nc,
             "pts": [(px, top_y - py) for px, py in pts]}
        out[otype].append(o)


def _same(p, q, tol: float = 1e-3) -> bool:
    return abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol


def _is_rect(pts) -> bool:
    if len(pts) != 5 or not _same(pts[0], pts[4]):
        return False
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
    eq = lambda u, v: abs(u - v) <= 1e-3  # noqa: E731
    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or \
           (eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0))
