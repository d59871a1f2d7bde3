"""The per-document stages, each a function from one typed value to the next:

    path -> bytes -> Document (load) -> metadata dict (describe)
         -> sections (sectionise) -> entity rows (extract)

`process_file` runs them for one file and never raises: a failing stage
becomes an `errors` row, and the document's status says how far it got.
"""
from __future__ import annotations

import gc
import os
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from extractors.entities.coverage import coverage_warnings
from extractors.loaders import doc_id_for, load_document
from extractors.loaders.errors import LoadError
from extractors.metadata import extract_metadata
from extractors.model import Document
from extractors.sections import build_sections
from pipeline import __version__
from schemas.ids import row_id



@dataclass
class DocResult:
    """All rows one file contributes, table name -> list of row dicts."""
    path: str
    doc_id: str | None
    status: str
    tables: dict[str, list[dict]] = field(default_factory=dict)
    seconds: float = 0.0


def _error(doc_id, path, stage, error_type, message, severity="error") -> dict:
    return {"doc_id": doc_id, "path": path, "stage": stage, "error_type": error_type,
            "severity": severity, "message": message}


def document_row(path: str, doc_id: str | None, data: bytes | None, doc: Document | None,
                 meta: dict | None, status: str, extracted_at: datetime) -> dict:
    meta = meta or {}
    return {
        "doc_id": doc_id, "path": path, "file_name": os.path.basename(path),
        "format": doc.format if doc else None, "pages": doc.pages if doc else None,
        "council": meta.get("council"), "committee": meta.get("committee"),
        "meeting_date": meta.get("meeting_date"), "report_ref": meta.get("report_ref"),
        "title": meta.get("title"), "author": meta.get("author"), "status": status,
        "n_blocks": len(doc.blocks) if doc else None,
        "n_tables": len(doc.tables()) if doc else None,
        "ocr_pages": len(doc.ocr_pages) if doc and doc.pages is not None else None,
        "warnings": "; ".join(doc.warnings) if doc and doc.warnings else None,
        "size_bytes": len(data) if data is not None else None,
        "pipeline_version": __version__, "extracted_at": extracted_at,
    }


def section_rows(doc: Document) -> list[dict]:
    rows = []
    for s in build_sections(doc):
        rows.append({
            "section_id": row_id(doc.doc_id, "sections", s.locator), "doc_id": doc.doc_id,
            "ordinal": s.ordinal, "section_ref": s.section_ref, "heading": s.heading,
            "text": s.text, "level": s.level, "parent_ref": s.parent_ref, "page": s.page,
            "source_text": s.source_text, "locator": s.locator,
        })
    return rows


def mark_ocr(tables: dict[str, list[dict]], doc: Document) -> None:
    """Every provenanced row says whether its page was read by OCR, and
    with what confidence (Document.ocr_pages)."""
    for name, rows in tables.items():
        if name in ("documents", "errors"):
            continue
        for r in rows:
            conf = doc.ocr_pages.get(r.get("page")) if doc.ocr_pages else None
            r["ocr"] = conf is not None
            r["ocr_confidence"] = conf


def extract_entities(doc: Document, meta: dict) -> dict[str, list[dict]]:
    from extractors.entities.passes import extract_all
    return extract_all(doc, meta)


# the largest file read as a paper (the biggest corpus PDF is 3.4 MB)
MAX_FILE_BYTES = 1 << 30


# The cyclic GC's young-generation threshold while a file is extracted. The
# PDF loader makes thousands of short-lived dicts a page (pdfplumber's form of
# every character and path); at Python's default (700) the collector ran
# every few lines of a page, ~8% of the run's CPU (issue 16). Only when
# collections happen changes, never what is extracted.
GC_YOUNG_THRESHOLD = 10_000


def process_file(path: str) -> DocResult:
    """Run every stage for one file. Never raises."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    try:
        return _process_file(path)
    finally:
        gc.set_threshold(*before)


def _process_file(path: str) -> DocResult:
    t0 = time.perf_counter()
    now = datetime.now(timezone.utc).replace(microsecond=0)
    tables: dict[str, list[dict]] = {"errors": []}
    doc_id = None
    data = None
    doc = None
    meta = None
    status = "ok"
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            # a disk image or video dropped among the papers: not read at all
            raise LoadError("too_large", f"{size / 2**20:,.0f} MB is larger than any council paper "
                            f"(limit {MAX_FILE_BYTES // 2**20} MB); not read")
        data = Path(path).read_bytes()
        doc_id = doc_id_for(data) if data else None
        doc = load_document(path, data)
    except LoadError as e:
        tables["errors"].append(_error(doc_id, path, "load", e.error_type, e.message))
        status = "failed"
    except MemoryError:
        tables["errors"].append(_error(doc_id, path, "load", "memory", "ran out of memory while loading"))
        status = "failed"
    except Exception as e:  # noqa: BLE001 - any loader bug becomes an error row
        tables["errors"].append(_error(doc_id, path, "load", "exception", _describe(e)))
        status = "failed"
    if doc is not None:
        for w in doc.warnings:
            tables["errors"].append(_error(doc_id, path, "load", "warning", w, severity="warning"))
        if not any(b.text.strip() or b.kind == "table" for b in doc.blocks):
            # never a silent empty result: text that was all read as running headers and
            # footers (pages that differ only in their numbers), or pages with nothing on them
            what = ("all its text was read as page furniture (running headers, footers, page numbers), e.g. "
                    f"{doc.furniture[0]!r}" if doc.furniture else "no text on any page")
            tables["errors"].append(_error(doc_id, path, "load", "empty_text",
                                           f"the paper gave no body text: {what}; check it by eye", "warning"))
        for stage, fn in (("metadata", lambda: extract_metadata(doc)),):
            try:
                meta = fn()
            except Exception as e:  # noqa: BLE001
                tables["errors"].append(_error(doc_id, path, stage, "exception", _describe(e), "warning"))
                meta = {}
                status = "partial"
        try:
            tables["sections"] = section_rows(doc)
        except Exception as e:  # noqa: BLE001
            tables["errors"].append(_error(doc_id, path, "sections", "exception", _describe(e), "warning"))
            status = "partial"
        try:
            tables.update(extract_entities(doc, meta or {}))
            for w in coverage_warnings(doc, tables):
                tables["errors"].append(_error(doc_id, path, "entities", "coverage", w, "warning"))
        except Exception as e:  # noqa: BLE001
            tables["errors"].append(_error(doc_id, path, "entities", "exception", _describe(e), "warning"))
            status = "partial"
    if doc is not None:
        mark_ocr(tables, doc)
    tables["documents"] = [document_row(path, doc_id, data, doc, meta, status, now)]
    return DocResult(path=path, doc_id=doc_id, status=status, tables=tables,
                     seconds=time.perf_counter() - t0)


def _describe(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)
    where = f" (at {Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
    return f"{type(e).__name__}: {e}{where}"
