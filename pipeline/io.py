"""I/O at the edges: finding input files and publishing output tables.

Publishing is atomic for all tables at once. Each run writes its Parquet
files into a fresh folder `OUT/.store/<run>/<table>/`, then swaps one
symlink, `OUT/.current -> .store/<run>`, with one rename (os.replace).
Each table `OUT/<table>` is a fixed symlink to `.current/<table>`, so
readers see every table from the old run or every table from the new one,
never half-way and never a mix. A run killed at any moment leaves the
tables as the previous run published them; stores no longer linked are
removed at the end of the next successful publish.

Readers need nothing special: `pyarrow.dataset.dataset(OUT/"documents")`
and DuckDB `read_parquet('OUT/documents/**/*.parquet')` follow the link.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import COLUMNS, ID_COLUMN, schema

STORE = ".store"
CURRENT = ".current"
_SKIP_NAMES = {"Thumbs.db", "desktop.ini"}


def discover(inputs: Iterable[str | Path]) -> list[str]:
    """Files named on the command line plus every file under named folders
    (recursively), sorted, without hidden files, Office lock files (~$...)
    or our own output store. A missing path raises FileNotFoundError."""
    found: set[str] = set()
    for item in inputs:
        p = Path(item)
        if not p.exists():
            raise FileNotFoundError(f"input not found: {item}")
        if p.is_file():
            found.add(str(p))
            continue
        for f in p.rglob("*"):
            rel = f.relative_to(p).parts
            if any(part.startswith(".") for part in rel) or f.name.startswith("~$") or f.name in _SKIP_NAMES:
                continue
            if f.is_file():
                found.add(str(f))
    return sorted(found)


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    sch = schema(table)
    cols = {name: [r.get(name) for r in rows] for name in sch.names}
    return pa.Table.from_pydict(cols, schema=sch)


def sort_rows(table: str, rows: list[dict]) -> list[dict]:
    """Deterministic order: by doc_id, then path, then locator/id."""
    idc = ID_COLUMN.get(table)
    return sorted(rows, key=lambda r: (r.get("doc_id") or "", r.get("path") or "",
                                       r.get("ordinal") if r.get("ordinal") is not None else -1,
                                       r.get("locator") or "", r.get(idc) or "" if idc else "",
                                       r.get("message") or ""))


def write_tables(out: str | Path, tables: dict[str, list[dict]], *, rows_per_file: int = 1_000_000) -> Path:
    """Write every table in COLUMNS (empty ones too, so readers always find
    all eight) and publish them atomically. Returns the store folder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex[:12]
    store = out / STORE / run
    for name in COLUMNS:
        rows = sort_rows(name, tables.get(name, []))
        tdir = store / name
        tdir.mkdir(parents=True, exist_ok=True)
        arrow = to_arrow(name, rows)
        nfiles = max(1, -(-arrow.num_rows // rows_per_file))
        for i in range(nfiles):
            part = arrow.slice(i * rows_per_file, rows_per_file)
            tmp = tdir / f".part-{i:05d}.parquet.tmp"
            pq.write_table(part, tmp, compression="zstd", write_statistics=True,
                           row_group_size=128 * 1024)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, tdir / f"part-{i:05d}.parquet")
    _fsync_dir(store)
    publish_store(out, store)
    collect_garbage(out)
    return store


def publish_store(out: Path, store: Path) -> None:
    """Swap OUT/.current to `store` (one rename), then make sure every
    OUT/<table> is the fixed link `.current/<table>` (a one-off migration
    from the older one-link-per-table layout)."""
    _swap_link(out, CURRENT, store)
    for name in COLUMNS:
        link = out / name
        if link.is_symlink() and os.readlink(link) == os.path.join(CURRENT, name):
            continue
        publish(out, name, out / CURRENT / name)


def current_store(out: str | Path) -> str | None:
    """Name of the run folder OUT/.current points at, or None."""
    link = Path(out) / CURRENT
    return os.path.basename(os.readlink(link)) if link.is_symlink() else None


def publish(out: Path, name: str, target: Path) -> None:
    """Point OUT/<name> at target with one atomic rename."""
    link = out / name
    if link.exists() and not link.is_symlink():
        # a plain folder from an older layout or another tool: move it aside once
        aside = out / STORE / f"legacy-{uuid.uuid4().hex[:8]}"
        aside.parent.mkdir(parents=True, exist_ok=True)
        os.replace(link, aside)
    _swap_link(out, name, target)


def _swap_link(out: Path, name: str, target: Path) -> None:
    tmp = out / f".{name.lstrip('.')}.link-{uuid.uuid4().hex[:8]}"
    os.symlink(os.path.relpath(target, out), tmp)
    os.replace(tmp, out / name)
    _fsync_dir(out)


def collect_garbage(out: Path) -> None:
    """Remove store runs that no table points at, and stray temp links."""
    live = set()
    if (out / CURRENT).is_symlink():
        live.add(Path(os.path.realpath(out / CURRENT)).name)
    for name in COLUMNS:
        link = out / name
        if link.is_symlink():
            live.add(Path(os.path.realpath(link)).parent.name)
    root = out / STORE
    if root.is_dir():
        for run in root.iterdir():
            if run.name not in live:
                shutil.rmtree(run, ignore_errors=True)
    for stray in out.glob(".*.link-*"):
        try:
            stray.unlink()
        except OSError:
            pass


def read_table(out: str | Path, name: str) -> pa.Table:
    import pyarrow.dataset as ds
    return ds.dataset(Path(out) / name, format="parquet").to_table()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
