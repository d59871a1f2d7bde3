"""Stable ids. doc_id is the content hash of the file (see
extractors.loaders.doc_id_for); every row id is a hash of doc_id, the table
and the row's locator, so the same file gives the same ids on every run and
every machine."""
from __future__ import annotations

import hashlib


def row_id(doc_id: str, table: str, locator: str) -> str:
    return hashlib.sha256(f"{doc_id}|{table}|{locator}".encode()).hexdigest()[:20]
