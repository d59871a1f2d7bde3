"""Metadata a batch job already knows (`extract --meta FILE.csv`).

Scrapers that fetch council papers know which council, committee and
meeting each file belongs to, often better than the paper's cover says.
A sidecar CSV gives those values; they fill or override the `documents`
row of the matching paper:

    path,council,committee,meeting_date,report_ref,title,author
    papers/kent/2025-01-30-item7.pdf,Kent County Council,Cabinet,2025-01-30,,,

- `path` (required) names the file: as given to the run, relative to the
  CSV's folder, or by file name alone when that is unique among the inputs.
- Any of the other columns may be present; an empty cell leaves the paper's
  own value. `meeting_date` is ISO (2025-01-30) or a UK date (30 January
  2025, 30/01/2025).
- Only the documents table changes: recommendations, actions and the other
  entity rows are what the paper prints.

A sidecar row that matches no input, an unknown column or a date that
cannot be read is a usage error (exit 2), so a typo cannot go unnoticed.
The sidecar's hash is kept in the manifest: changing it re-publishes the
tables without re-extracting any paper.
"""
from __future__ import annotations

import csv
import hashlib
import os
from datetime import date
from pathlib import Path
from typing import Optional

FIELDS = ("council", "committee", "meeting_date", "report_ref", "title", "author")


class SidecarError(ValueError):
    """The sidecar cannot be used (a usage error: exit 2)."""


def read_sidecar(csv_path: str, inputs: list[str]) -> tuple[dict[str, dict], str]:
    """{input path: {field: value}} for the inputs the sidecar names, and
    the sidecar's sha256 (for the manifest)."""
    p = Path(csv_path)
    if not p.is_file():
        raise SidecarError(f"--meta file not found: {csv_path}")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SidecarError(f"--meta {csv_path}: not UTF-8 text ({e})") from None
    reader = csv.DictReader(text.splitlines())
    cols = [c.strip() for c in (reader.fieldnames or [])]
    if "path" not in cols:
        raise SidecarError(f"--meta {csv_path}: needs a 'path' column (columns: {', '.join(cols) or 'none'})")
    unknown = [c for c in cols if c and c != "path" and c not in FIELDS]
    if unknown:
        raise SidecarError(f"--meta {csv_path}: unknown column(s) {', '.join(unknown)}; known: path, {', '.join(FIELDS)}")
    by_name: dict[str, list[str]] = {}
    for i in inputs:
        by_name.setdefault(os.path.basename(i), []).append(i)
    norm = {os.path.normpath(i): i for i in inputs}
    out: dict[str, dict] = {}
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        name = row.get("path", "")
        if not name:
            continue
        target = norm.get(os.path.normpath(name)) or norm.get(os.path.normpath(str(p.parent / name)))
        if target is None and len(by_name.get(os.path.basename(name), [])) == 1:
            target = by_name[os.path.basename(name)][0]
        if target is None:
            raise SidecarError(f"--meta {csv_path} line {n}: {name!r} matches no input file")
        values: dict = {}
        for f in FIELDS:
            v = row.get(f, "")
            if not v:
                continue
            values[f] = _date(v, csv_path, n) if f == "meeting_date" else v
        if values:
            out[target] = values
    return out, hashlib.sha256(raw).hexdigest()


def _date(v: str, csv_path: str, line: int) -> date:
    try:
        return date.fromisoformat(v)
    except ValueError:
        pass
    from extractors.dates import parse_date
    d = parse_date(v)
    if d is None:
        raise SidecarError(f"--meta {csv_path} line {line}: meeting_date {v!r} is not a date (use 2025-01-30)")
    return d


def apply(rows: list[dict], values: Optional[dict]) -> list[dict]:
    """A paper's documents rows with the sidecar's values in place."""
    if not values:
        return rows
    return [{**r, **values} for r in rows]
