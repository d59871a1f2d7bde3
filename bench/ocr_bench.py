"""OCR accuracy and speed: `make bench-ocr` (also run by `make bench`) or
`.venv/bin/python bench/ocr_bench.py [--pages N] [--no-entities] [--no-write]`.

What it measures, all in one command:

(a) Character error rate (CER) of OCR against the text layer. Corpus PDF
    pages that have a text layer and no table (body text) are rendered to
    images at 150 and 300 dpi and OCR'd (extractors/loaders/ocr.py); the
    OCR'd words and the text-layer words go through the same line grouping
    (pdf._group_lines), and CER = Levenshtein distance / reference length
    over the pages' text in reading order (whitespace folded, NFKC). The
    pages are chosen without looking at them: page 2 (or 1) of every k-th
    PDF of the corpus, sorted by path.
(b) Entity F1 of rasterised papers against their text-layer run: the seed
    papers (rendered to PDF by tests/render.py) and a few Kent and Ofsted
    papers are turned into image-only PDFs at 300 dpi, extracted with OCR,
    and their recommendations and actions scored against the same paper's
    text-layer extraction with the validation matcher (pipeline/quality/matching.py).
(c) OCR speed: OCR'd pages per second in (b), one process.

Writes the figures into the OCR section of docs/benchmarks.md (between
the ocr markers; bench.py keeps that section when it rewrites the file).
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
CORPUS = REPO.parent / "shared" / "corpus"
SEEDS = REPO.parent / "shared" / "seeds"
START, END = "<!-- ocr:start -->", "<!-- ocr:end -->"

KENT_OFSTED = [
    "kent/cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf",
    "kent/cabinet__2025-01-30__originals__Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
    "ofsted/80451_wakefield__area send full inspection - 26 july 2024.pdf",
    "ofsted/80474_herefordshire__area send full inspection - 07 february 2025.pdf",
]


# --------------------------------------------------------------------------
# CER
# --------------------------------------------------------------------------

def levenshtein(a: str, b: str) -> int:
    """Edit distance, one numpy row at a time (insertions along the row by
    a running minimum), so 3,000 x 3,000 characters take milliseconds."""
    import numpy as np

    if not a:
        return len(b)
    if not b:
        return len(a)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    j = np.arange(len(b) + 1, dtype=np.int64)
    prev = j.copy()
    aa = np.frombuffer(a.encode("utf-32-le"), dtype=np.uint32)
    for i, ch in enumerate(aa, start=1):
        cost = (bb != ch).astype(np.int64)
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        # insertions: cur[j] = min_k<=j (cur[k] + j - k)
        cur = np.minimum.accumulate(cur - j) + j
        prev = cur
    return int(prev[-1])


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).split())


def _sample_pages(n: int) -> list[tuple[Path, int]]:
    files = sorted(p for p in CORPUS.rglob("*.pdf"))
    step = max(1, len(files) // n)
    return [(f, 2) for f in files[::step]][:n]


def cer_pages(n: int, dpis=(150, 300)) -> dict:
    from extractors.loaders import ocr
    from extractors.loaders import pdf as P
    from extractors.loaders.pdfium_objects import PdfiumDocument

    out = {d: [0, 0] for d in dpis}   # dpi -> [edits, reference chars]
    per_page = []
    secs = {d: 0.0 for d in dpis}
    for path, pno in _sample_pages(n):
        data = path.read_bytes()
        try:
            pages, n_pages, _ = P.read_pages(data, ocr=False)
        except Exception:  # noqa: BLE001 - a file the loader refuses has no text layer to compare
            continue
        by = {p.number: p for p in pages}
        page = by.get(pno) or by.get(1)
        if page is None or page.tables or sum(len(ln.text) for ln in page.lines) < 400:
            continue   # body text only: no tables, some text
        ref = _norm("\n".join(ln.text for ln in page.lines))
        doc = PdfiumDocument(data)
        try:
            row = {"file": f"{path.parent.name}/{path.name}", "page": page.number, "chars": len(ref)}
            for d in dpis:
                img = doc.render_gray(page.number - 1, d)
                t0 = time.perf_counter()
                got = ocr.read_image(img, dpi=d)
                secs[d] += time.perf_counter() - t0
                words = [P.Word(text=w.text, x0=w.x0, x1=w.x1, top=w.top, bottom=w.bottom, size=w.size, bold=0.0)
                         for w in got.words]
                hyp = _norm("\n".join(ln.text for ln in P._group_lines(words, page.number)))
                e = levenshtein(ref, hyp)
                out[d][0] += e
                out[d][1] += len(ref)
                row[f"cer_{d}"] = e / max(1, len(ref))
            per_page.append(row)
        finally:
            doc.close()
    return {"cer": {d: (e / r if r else None) for d, (e, r) in out.items()}, "pages": per_page,
            "seconds": secs}


# --------------------------------------------------------------------------
# entity F1 of rasterised papers
# --------------------------------------------------------------------------

def rasterise(data: bytes, dpi: int = 300) -> bytes:
    """An image-only PDF of `data`: every page a greyscale picture."""
    from extractors.loaders.pdfium_objects import PdfiumDocument

    doc = PdfiumDocument(data)
    try:
        imgs = [doc.render_gray(i, dpi) for i in range(len(doc))]
    finally:
        doc.close()
    buf = io.BytesIO()
    imgs[0].save(buf, format="PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi))
    return buf.getvalue()


def _papers(tmp: Path) -> list[tuple[str, bytes]]:
    out = []
    from extractors.loaders import load_document
    import render

    for seed in sorted(SEEDS.glob("*.txt")):
        doc = load_document(seed)
        pdf = render.render_pdf(doc, tmp / f"{seed.stem}.pdf")
        out.append((f"seed {seed.stem} (rendered to PDF)", Path(pdf).read_bytes()))
    for rel in KENT_OFSTED:
        p = CORPUS / rel
        if p.is_file():
            out.append((rel, p.read_bytes()))
    return out


def entity_f1(tmp: Path) -> dict:
    from pipeline.quality.matching import score_document
    from pipeline.engine.stages import process_file

    totals = {e: [0, 0, 0] for e in ("recommendations", "actions")}
    rows = []
    ocr_pages = 0
    ocr_secs = 0.0
    for name, data in _papers(tmp):
        src = tmp / "text.pdf"
        src.write_bytes(data)
        ref = process_file(str(src)).tables
        img = tmp / "scan.pdf"
        img.write_bytes(rasterise(data))
        t0 = time.perf_counter()
        got = process_file(str(img))
        ocr_secs += time.perf_counter() - t0
        ocr_pages += got.tables["documents"][0].get("ocr_pages") or 0
        gold = {
            "recommendations": [{"id": r["rec_id"], "kind": r["kind"], "ref": r["ref"], "text": r["text"],
                                 "page": r["page"]} for r in ref.get("recommendations", [])],
            "actions": [{"id": a["action_id"], "rec": a["rec_id"], "text": a["text"], "page": a["page"]}
                        for a in ref.get("actions", [])],
        }
        score = score_document(gold, got.tables)
        row = {"paper": name, "pages": got.tables["documents"][0].get("pages")}
        for e in totals:
            c = score.entities[e].counts
            totals[e][0] += c.tp
            totals[e][1] += c.fp
            totals[e][2] += c.fn
            row[e] = (c.tp, c.fp, c.fn)
        rows.append(row)
    f1 = {}
    for e, (tp, fp, fn) in totals.items():
        f1[e] = (2 * tp / (2 * tp + fp + fn)) if tp + fp + fn else None
    return {"f1": f1, "totals": totals, "papers": rows, "ocr_pages": ocr_pages,
            "pages_per_s": ocr_pages / ocr_secs if ocr_secs else None}


# --------------------------------------------------------------------------

def _fmt(v, pct=False):
    if v is None:
        return "n/a"
    return f"{v * 100:.2f}%" if pct else f"{v:.3f}"


def write(path: Path, section: str) -> None:
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    block = f"{START}\n{section.rstrip()}\n{END}\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail.lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=24, help="corpus pages for the CER (default 24)")
    ap.add_argument("--no-entities", action="store_true", help="skip the rasterised-paper entity F1")
    ap.add_argument("--write", default=str(REPO / "docs" / "benchmarks.md"))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    from extractors.loaders import ocr
    engine = ocr.engine_path()
    if engine is None:
        print(f"no OCR engine: {ocr.INSTALL_HINT}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    cer = cer_pages(args.pages)
    ents = None
    if not args.no_entities:
        with tempfile.TemporaryDirectory() as tmp:
            ents = entity_f1(Path(tmp))
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    n = len(cer["pages"])
    lines = [
        "## OCR (scanned pages)",
        "",
        f"Measured {now} by `make bench-ocr` (`bench/ocr_bench.py`), {ocr.engine_version(engine)}, one process.",
        "",
        f"Character error rate against the text layer, {n} body-text pages (no tables) sampled from "
        "`../shared/corpus` without looking (page 2 of every k-th PDF), rendered and OCR'd; both sides "
        "through the same line grouping, whitespace folded:",
        "",
        "| dpi | CER | seconds per page |",
        "|---:|---:|---:|",
    ]
    for d, v in cer["cer"].items():
        lines.append(f"| {d} | {_fmt(v, pct=True)} | {cer['seconds'][d] / max(1, n):.2f} |")
    lines += ["", "Target (issue 11): CER <= 2% at 300 dpi on body text.", ""]
    worst = sorted(cer["pages"], key=lambda r: -r.get("cer_300", 0))[:5]
    if worst:
        lines.append("Worst pages at 300 dpi: " + "; ".join(
            f"{r['file']} p{r['page']} {r['cer_300'] * 100:.1f}%" for r in worst) + ".")
        lines.append("")
    if ents:
        lines += [
            "Entities of rasterised papers (image-only PDFs at 300 dpi) against the same papers' text-layer run, "
            "scored by the validation matcher:",
            "",
            "| paper | pages | recommendations tp/fp/fn | actions tp/fp/fn |",
            "|---|---:|---:|---:|",
        ]
        for r in ents["papers"]:
            lines.append(f"| {r['paper']} | {r['pages']} | {'/'.join(map(str, r['recommendations']))} | "
                         f"{'/'.join(map(str, r['actions']))} |")
        lines += [
            "",
            f"F1: recommendations {_fmt(ents['f1']['recommendations'])}, actions {_fmt(ents['f1']['actions'])} "
            "(target >= 0.90 each).",
            f"OCR speed: {ents['ocr_pages']} pages extracted end to end at "
            f"{ents['pages_per_s']:.2f} pages/s in one process (render, OCR, ruling lines, the rest of the "
            "pipeline); text-layer pages are never OCR'd.",
            "",
        ]
    lines.append(f"Bench time {time.perf_counter() - t0:.0f} s.")
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        write(Path(args.write), section)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
