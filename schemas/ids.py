"""Stable ids. doc_id is the content hash of the file (see
extractors.loaders.doc_id_for); every row id is a hash of doc_id, the table
and the row's locator, so the same file gives the same ids on every run and
every machine.

Part of the tables' contract, so it lives beside them in `schemas/`, the
bottom layer: the entity rows (extractors/entities/rows.py) and the
pipeline's section rows (pipeline/engine/stages.py) both take their ids from here
without the extractors importing the pipeline."""
from __future__ import annotations

import hashlib


def row_id(doc_id: str, table: str, locator: str) -> str:
    return hashlib.sha256(f"{doc_id}|{table}|{locator}".encode()).hexdigest()[:20]
