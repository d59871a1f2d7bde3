"""The commit step of a run: every input's rows into a new store, published
with one rename (pipeline.engine.io.write_store).

Rows come from memory (files extracted by the local pool) or from the row
cache (files reused, or extracted by cluster workers, which write their
rows there). They are streamed one doc_id at a time, so the commit holds
one document's rows in memory, not the run's.

Folders. Unpartitioned, each table is one folder (""), written in doc_id
order. With `--partition-by` (pipeline/engine/partition.py) each paper belongs to
one Hive folder, found from its `documents` row (or, for a paper the last
manifest already placed, from the manifest, without reading it), and the
groups go in (folder, doc_id) order, one folder's files open at a time.

Reuse. A folder whose papers are exactly those of the previous publish
(same paths, doc_ids, statuses; none of them extracted in this run) would
be written byte for byte as it is, so its files are hard-linked from the
previous store instead of read and rewritten. With partitioning, a run
that changes one paper rewrites one folder, whatever the corpus size. The
manifest records each folder's membership fingerprint and row counts.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pipeline.engine import partition, sidecar
from pipeline.engine.io import STORE, write_store
from schemas.tables import COLUMNS, DERIVED_TABLES


@dataclass
class Committed:
    store: Path
    rows: dict[str, int]                       # table -> rows published
    folders: dict[str, dict]                   # folder -> {"members": fingerprint, "rows": {table: n}}
    folder_of: dict[str, str]                  # path -> its folder
    reused_folders: list[str] = field(default_factory=list)


def _count(folder: Path) -> int:
    """Rows of a table folder of the store (a derived table's, written whole)."""
    import pyarrow.parquet as pq
    return sum(pq.ParquetFile(f).metadata.num_rows for f in sorted(folder.rglob("*.parquet")))


def members_fingerprint(entries: list[tuple]) -> str:
    return hashlib.sha256(json.dumps(sorted(entries), default=str).encode()).hexdigest()[:16]


def commit(out: Path, paths: list[str], hashes: dict[str, Optional[str]], held: dict, cache, limits: dict,
           partition_by: tuple[str, ...] = (), previous: Optional[dict] = None,
           fresh: frozenset[str] | set[str] = frozenset(), overrides: Optional[dict] = None) -> Committed:
    """Write and publish the store. `held[path]` has .status, .worker_error
    and .tables (rows in memory, or None: read them from `cache`).
    `previous`: the manifest of the store OUT now shows, when it was written
    by this code version with the same partition keys (else None: nothing
    is reused). `fresh`: paths extracted in this run. `overrides`:
    {path: {field: value}} from a --meta sidecar, put into documents rows."""
    # Longer than 80 lines, knowingly: the order of its steps (folders,
    # reuse, streaming one doc_id at a time, publish) is the commit's
    # contract, and rows_of / groups are closures over that state.
    overrides = overrides or {}
    by_id: dict[str, list[str]] = {}
    for p in paths:
        by_id.setdefault(hashes[p] or "", []).append(p)

    def rows_of(p, table):
        got = _rows_of(p, table)
        return sidecar.apply(got, overrides[p]) if table == "documents" and p in overrides else got

    metas: dict[str, Optional[dict]] = {}   # result.json of each cached path, read (and checked) once

    def _rows_of(p, table):
        tables = held[p].tables
        if tables is not None:
            return tables.get(table, [])
        if p not in metas:
            metas[p] = cache.meta(hashes[p], limits)
        got = None if metas[p] is None else cache.get_table(hashes[p], p, table, metas[p])
        if got is None:
            raise RuntimeError(f"the rows of {p} are missing from the row cache {cache.dir} "
                               "(on a cluster, OUT must be a folder the workers and this machine share)")
        return got

    # each doc_id's folder
    folder_by_key = {key: "" for key in by_id}
    empty_folder = ""
    if partition_by:
        placed = {(f["path"], f["doc_id"]): f["folder"] for f in (previous or {}).get("files", [])
                  if f.get("folder") is not None}
        unknown = []
        for key, ps in by_id.items():
            f = placed.get((ps[0], hashes[ps[0]]))
            if f is not None and ps[0] not in fresh and not any(q in overrides for q in ps):
                folder_by_key[key] = f
            else:
                unknown.append(key)
        values = partition.doc_values((d for key in sorted(unknown) for d in rows_of(by_id[key][0], "documents")),
                                      partition_by)
        none = tuple(None for _ in partition_by)
        for key in unknown:
            folder_by_key[key] = partition.folder(partition_by, values.get(key, none))
        empty_folder = partition.folder(partition_by, none)

    # which folders are unchanged since the previous publish
    members: dict[str, list[tuple]] = {}
    for key, ps in by_id.items():
        for p in ps:
            members.setdefault(folder_by_key[key], []).append((p, hashes[p], held[p].status, held[p].worker_error,
                                                              json.dumps(overrides.get(p), sort_keys=True, default=str)))
    prints = {f: members_fingerprint(m) for f, m in members.items()}
    before = (previous or {}).get("folders", {})
    prev_store = Path(out) / STORE / previous["store"] if previous and previous.get("store") else None
    has_fresh = {folder_by_key[hashes[p] or ""] for p in fresh if p in hashes}
    reuse = sorted(f for f in prints
                   if prev_store is not None and prev_store.is_dir() and f not in has_fresh
                   and before.get(f, {}).get("members") == prints[f])

    folder_rows: dict[str, dict[str, int]] = {f: dict(before[f]["rows"]) for f in reuse}
    order = sorted((folder_by_key[key], key) for key in by_id if folder_by_key[key] not in set(reuse))

    def groups():
        # one table of one doc_id at a time: a paper's tables are never all in memory
        for folder, key in order:
            counts = folder_rows.setdefault(folder, {name: 0 for name in sorted(COLUMNS)})
            for name in sorted(COLUMNS):
                rows = [r for p in by_id[key] for r in rows_of(p, name)]
                if rows:
                    counts[name] += len(rows)
                    yield folder, {name: rows}

    store = write_store(out, groups(), empty_folder=empty_folder, reuse_from=prev_store, reuse=reuse)
    totals = {name: sum(r.get(name, 0) for r in folder_rows.values()) for name in sorted(COLUMNS)}
    totals.update({name: _count(store / name) for name in DERIVED_TABLES})
    folders = {f: {"members": prints[f], "rows": folder_rows.get(f, {name: 0 for name in sorted(COLUMNS)})}
               for f in sorted(prints)}
    folder_of = {p: folder_by_key[hashes[p] or ""] for p in paths}
    return Committed(store=store, rows=totals, folders=folders, folder_of=folder_of, reused_folders=reuse)
