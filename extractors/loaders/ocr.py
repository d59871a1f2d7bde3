"""OCR for PDF pages that have no usable text layer (scans, photographed
letters, a slide saved as one picture).

Engine: Tesseract 5 from the Debian package (`tesseract-ocr`,
`tesseract-ocr-eng`), run as a subprocess with TSV output: each word with
its box and confidence. `make setup` installs it; nothing is downloaded at
run time. Why Tesseract (measured figures: docs/benchmarks.md, "OCR"): it
reads printed English council papers at a low character error rate on a
CPU, its English model ships in the distribution's package, and it gives
word boxes and confidences, which the loader needs to rebuild lines,
paragraphs and table cells. PyPI engines that carry their own models
(rapidocr's Chinese/English PP-OCR) drop the spaces between English words;
easyocr and docTR download their weights at run time.

A page is OCR'd when the text layer gives it fewer than `MIN_LETTERS`
letters and images cover at least `MIN_IMAGE_SHARE` of it: a scanned page,
or one whose only text is a stamp ("UNCLASSIFIED"). Pages with a text
layer are never OCR'd, so a mixed paper keeps its printed text as it is.

The page is rendered at `DPI` in grey, read upright; when that gives few
words or a low confidence, Tesseract's orientation detection (OSD) is asked
and the page is read again turned upright (landscape scans). Words become
the loader's `Word`s in PDF points, each given the height of its line so
lines group as they do on a text-layer page. Ruling lines are found in the
image (long runs of dark pixels, `ruling_lines`) and handed to pdfplumber's
table finder as explicit lines, so a scanned form or table comes out as a
table with its cells.

Confidence: Tesseract's per-word confidence (0-100) averaged over the
page's words, weighted by their length, as a 0-1 figure. Every row taken
from the page carries `ocr = true` and this figure. A page whose mean
confidence is under `UNREADABLE` is a picture (a word cloud, a photograph),
not text: its words are left out with a warning rather than fed to the
entity rules as noise.

Deterministic: one Tesseract thread (OMP_THREAD_LIMIT=1), fixed DPI and
options, so the same page gives the same words on every run of the same
engine version.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

DPI = 300
MIN_LETTERS = 20          # a page with fewer letters in its text layer ...
MIN_IMAGE_SHARE = 0.5     # ... and images over half its area is OCR'd
LOW_CONFIDENCE = 0.60     # below this (or with few words) the page's orientation is checked
UNREADABLE = 0.50         # a page read with less mean confidence is a picture, not text: left out
FEW_WORDS = 8
PAGE_TIMEOUT = 120        # seconds for one Tesseract call
ENGINE_ENV = "COUNCIL_EXTRACT_TESSERACT"  # path of the tesseract binary, or "off"
INSTALL_HINT = ("install Tesseract: `apt-get install tesseract-ocr tesseract-ocr-eng` "
                "(`make setup` does this as root)")


class OcrUnavailable(Exception):
    """The OCR engine is not installed (or switched off)."""


@dataclass
class OcrWord:
    text: str
    x0: float          # PDF points, top-left origin
    x1: float
    top: float         # the top and bottom of the word's line
    bottom: float
    size: float        # estimated font size (points)
    conf: float        # 0-1
    bold: float = 0.0  # 1.0 when its strokes are heavy for the page (ink density)


@dataclass
class OcrPage:
    words: list[OcrWord]
    width: float       # points, as read (turned upright)
    height: float
    confidence: Optional[float]   # length-weighted mean word confidence, 0-1
    rotation: int = 0             # degrees the scan was turned to read it
    h_lines: list[dict] = field(default_factory=list)  # pdfplumber line dicts, points
    v_lines: list[dict] = field(default_factory=list)


# --------------------------------------------------------------------------
# the engine
# --------------------------------------------------------------------------

def engine_path() -> Optional[str]:
    """The tesseract binary, or None when it is missing or switched off
    (COUNCIL_EXTRACT_TESSERACT=off)."""
    env = os.environ.get(ENGINE_ENV, "").strip()
    if env.lower() in ("off", "0", "none", "false"):
        return None
    if env:
        return env if os.path.isfile(env) and os.access(env, os.X_OK) else None
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def engine_version(path: str) -> str:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, timeout=30, check=False)
        first = (out.stdout or out.stderr).decode("utf-8", "replace").splitlines()
        return first[0].strip() if first else "tesseract"
    except (OSError, subprocess.SubprocessError):
        return "tesseract"


def _run(path: str, png: bytes, args: list[str]) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        out = subprocess.run([path, "stdin", "stdout", *args], input=png, capture_output=True,
                             timeout=PAGE_TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"Tesseract took longer than {PAGE_TIMEOUT} s on the page") from None
    except OSError as e:
        raise OcrUnavailable(f"Tesseract could not be started ({e})") from None
    if out.returncode != 0:
        msg = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"Tesseract failed: {msg[-1] if msg else out.returncode}")
    return out.stdout.decode("utf-8", "replace")


# --------------------------------------------------------------------------
# one image
# --------------------------------------------------------------------------

def _png(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def read_image(img, *, dpi: int = DPI, engine: Optional[str] = None) -> OcrPage:
    """OCR one page image (PIL, any mode): words in points, upright.
    Raises OcrUnavailable when there is no engine."""
    engine = engine or engine_path()
    if engine is None:
        raise OcrUnavailable(f"no OCR engine: {INSTALL_HINT}")
    gray = img.convert("L")
    page = _words(engine, gray, dpi)
    if page.confidence is None or page.confidence < LOW_CONFIDENCE or len(page.words) < FEW_WORDS:
        angle = _orientation(engine, gray, dpi)
        if angle:
            turned = gray.rotate(-angle, expand=True)   # PIL turns counter-clockwise
            again = _words(engine, turned, dpi)
            if _score(again) > _score(page):
                again.rotation = angle
                gray, page = turned, again
    page.h_lines, page.v_lines = ruling_lines(gray, dpi)
    return page


def _score(p: OcrPage) -> float:
    return sum(len(w.text) * w.conf for w in p.words)


def _orientation(engine: str, gray, dpi: int) -> int:
    """Degrees to turn the image clockwise to read it (OSD), 0 when unsure."""
    try:
        out = _run(engine, _png(gray), ["--dpi", str(dpi), "--psm", "0"])
    except (RuntimeError, OcrUnavailable):
        return 0   # too little text to tell
    rot = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rot or (conf and float(conf.group(1)) < 1.0):
        return 0
    return int(rot.group(1)) % 360


_NOISE = re.compile(r"^[^\w£$€%]+$")
_RULE = re.compile(r"^[|\[\]]+$")        # a table rule read as a character
BOLD_INK = 1.35                           # ink density over the page's median that reads as bold


def _words(engine: str, gray, dpi: int) -> OcrPage:
    tsv = _run(engine, _png(gray), ["--dpi", str(dpi), "--psm", "3", "-l", "eng", "tsv"])
    k = 72.0 / dpi
    lines: dict[tuple, list[tuple]] = {}
    line_box: dict[tuple, tuple] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12:
            continue
        level = f[0]
        key = (f[1], f[2], f[3], f[4])
        left, top, w, h = (int(v) for v in f[6:10])
        if level == "4":
            line_box[key] = (top, top + h)
        elif level == "5":
            text = " ".join(f[11].split())
            conf = float(f[10]) / 100.0
            if not text or conf < 0:
                continue
            if conf < 0.25 and (len(text) <= 2 or _NOISE.match(text)):
                continue   # specks and picture edges read as "|", "—", "ee"
            text = text.strip("|") if len(text) > 1 else text
            if not text or _RULE.match(text):
                continue   # a ruling line read as "|" or "["
            lines.setdefault(key, []).append((text, left, left + w, top, top + h, conf))
    ink = _ink(gray, lines)
    heights = sorted(line_box[k_][1] - line_box[k_][0] for k_ in lines if k_ in line_box)
    median_h = heights[len(heights) // 2] if heights else 0
    words: list[OcrWord] = []
    for key, ws in lines.items():
        lt, lb = line_box.get(key, (min(w[3] for w in ws), max(w[4] for w in ws)))
        h = lb - lt
        # lines with and without descenders differ in height: body lines
        # share the page's usual height, so font changes stay meaningful
        if median_h and abs(h - median_h) <= 0.3 * median_h:
            h = median_h
        size = round(h * k * 0.8, 1)
        for text, x0, x1, wt, wb, conf in ws:
            words.append(OcrWord(text=text, x0=x0 * k, x1=x1 * k, top=lt * k, bottom=lt * k + h * k,
                                 size=size, conf=conf, bold=ink.get((x0, wt, x1, wb), 0.0)))
    n = sum(len(w.text) for w in words)
    confidence = round(sum(len(w.text) * w.conf for w in words) / n, 3) if n else None
    return OcrPage(words=words, width=gray.width * k, height=gray.height * k, confidence=confidence)


def _ink(gray, lines: dict) -> dict[tuple, float]:
    """Bold from the image: a word whose strokes are well wider than the
    page's usual stroke is set in a heavier weight. Stroke width = dark
    pixels / dark runs along the rows of the word's box (the mean width of a
    horizontal cut through a stroke). Words of 2+ characters; the page's
    median sets the usual width."""
    import numpy as np

    a = np.asarray(gray, dtype=np.uint8) < 128
    width: dict[tuple, float] = {}
    for ws in lines.values():
        for text, x0, x1, t, b, _ in ws:
            box = a[t:b, x0:x1]
            if box.size == 0 or len(text) < 2:
                continue
            runs = int(box[:, 0].sum()) + int((box[:, 1:] & ~box[:, :-1]).sum())
            if runs:
                width[(x0, t, x1, b)] = float(box.sum()) / runs
    if len(width) < 5:
        return {}
    median = float(np.median(list(width.values())))
    return {key: (1.0 if v > BOLD_INK * median else 0.0) for key, v in width.items()}


# --------------------------------------------------------------------------
# ruling lines
# --------------------------------------------------------------------------

def ruling_lines(gray, dpi: int = DPI) -> tuple[list[dict], list[dict]]:
    """Horizontal and vertical ruling lines of a page image as pdfplumber
    line dicts (points): runs of pixels darker than the paper (forms print
    their rules pale grey) at least ~0.4 inch long, with paper on at least
    one side. A thick dark band (a filled header cell) gives its two edges;
    runs inside a filled area (white text on a dark fill) are not lines."""
    import numpy as np

    g = np.asarray(gray, dtype=np.uint8)
    paper = float(np.percentile(g, 75))
    a = g < max(100.0, min(235.0, paper - 25.0))
    k = 72.0 / dpi
    min_len = int(0.4 * dpi)
    gap = int(0.3 * dpi)
    h = [_line(x0, x1, t, b, k, "h") for x0, x1, t, b in
         _join([r for r in _runs(a, min_len) if _edge(a, *r)], gap)]
    v = [_line(t, b, x0, x1, k, "v") for x0, x1, t, b in
         _join([r for r in _runs(a.T, min_len) if _edge(a.T, *r)], gap)]
    return h, v


def _join(runs: list[tuple[int, int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """Collinear pieces of one rule (a pale scanned line breaks up) joined
    when the gap between them is under `gap` pixels."""
    out: list[list[int]] = []
    for s, e, r0, r1 in sorted(runs, key=lambda t: ((t[2] + t[3]) // 2, t[0])):
        for o in reversed(out[-6:]):
            if abs((o[2] + o[3]) / 2 - (r0 + r1) / 2) <= 4 and s - o[1] <= gap and e >= o[0]:
                o[0], o[1] = min(o[0], s), max(o[1], e)
                o[2], o[3] = min(o[2], r0), max(o[3], r1)
                break
        else:
            out.append([s, e, r0, r1])
    return [tuple(o) for o in out]


def _edge(a, s: int, e: int, r0: int, r1: int) -> bool:
    """Paper on at least one side of the run (rows r0..r1-1, columns s..e)."""
    above = a[max(0, r0 - 3), s:e].mean() if r0 - 3 >= 0 else 0.0
    below = a[min(a.shape[0] - 1, r1 + 2), s:e].mean() if r1 + 2 < a.shape[0] else 0.0
    return min(above, below) < 0.5


def _line(x0, x1, t, b, k, orient) -> dict:
    if orient == "h":
        y = (t + b) / 2 * k
        return {"object_type": "line", "x0": x0 * k, "x1": x1 * k, "top": y, "bottom": y,
                "width": (x1 - x0) * k, "height": 0.0}
    # transposed: (x0, x1) is the vertical extent, (t, b) the column band
    x = (x0 + x1) / 2 * k
    return {"object_type": "line", "x0": x, "x1": x, "top": t * k, "bottom": b * k,
            "width": 0.0, "height": (b - t) * k}


def _runs(a, min_len: int) -> list[tuple[int, int, int, int]]:
    """Runs of True at least `min_len` long along each row of `a`, merged
    over neighbouring rows: (start, end, first row, last row + 1). Bands
    thicker than 8 rows give their top and bottom edges."""
    import numpy as np

    if a.shape[1] < min_len:
        return []
    cs = np.zeros((a.shape[0], a.shape[1] + 1), dtype=np.int32)
    np.cumsum(a, axis=1, out=cs[:, 1:])
    full = (cs[:, min_len:] - cs[:, :-min_len]) == min_len   # window starting at x is all dark
    rows = np.nonzero(full.any(axis=1))[0]
    segs: list[tuple[int, int, int]] = []   # (row, start, end)
    for r in rows:
        starts = full[r]
        d = np.diff(np.concatenate(([0], starts.astype(np.int8), [0])))
        for s, e in zip(np.nonzero(d == 1)[0], np.nonzero(d == -1)[0]):
            segs.append((int(r), int(s), int(e) - 1 + min_len))
    # merge segments on consecutive rows that overlap along the run
    open_: list[list[int]] = []   # [start, end, first_row, last_row]
    done: list[list[int]] = []
    for r, s, e in segs:
        hit = None
        for o in open_:
            if o[3] >= r - 1 and min(o[1], e) - max(o[0], s) > 0.5 * max(o[1] - o[0], e - s):
                hit = o
                break
        if hit is not None:
            hit[0], hit[1], hit[3] = min(hit[0], s), max(hit[1], e), r
        else:
            open_.append([s, e, r, r])
        still = []
        for o in open_:
            (still if o[3] >= r - 1 else done).append(o)
        open_ = still
    done.extend(open_)
    out = []
    for s, e, r0, r1 in done:
        if r1 - r0 + 1 > 8:
            out.append((s, e, r0, r0 + 1))
            out.append((s, e, r1, r1 + 1))
        else:
            out.append((s, e, r0, r1 + 1))
    out.sort(key=lambda t: (t[2], t[0]))
    return out
