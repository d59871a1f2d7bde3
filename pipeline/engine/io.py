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

The store is written by a streaming commit (`write_store`): documents
arrive one group (one doc_id) at a time, in doc_id order, and each table
is appended row group by row group, so the commit holds one document's
rows in memory, not the whole run's (what a cluster backfill needs).

Inputs may be local paths or fsspec URLs (`file:///...`, `s3://bucket/...`,
`gs://...`, any protocol whose fsspec package is installed): `discover`
walks them, `read_bytes` / `file_size` read them, `local_copy` gives the
extractors a local file. The output folder must be local (a path or a
`file://` URL, see `local_path`): publishing relies on symlinks and a
rename; object-store output is designed in docs/scaling.md.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import COLUMNS, ID_COLUMN, schema

STORE = ".store"
CURRENT = ".current"
_SKIP_NAMES = {"Thumbs.db", "desktop.ini"}
log = logging.getLogger(__name__)


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")


def is_url(path: str | Path) -> bool:
    """True for an fsspec URL such as file:///x or s3://bucket/key."""
    return isinstance(path, str) and bool(_URL.match(path))


def _fs(url: str):
    import fsspec
    return fsspec.core.url_to_fs(url)


def local_path(path: str | Path) -> str | None:
    """The local filesystem path of a plain path or a `file://` URL; None
    for a URL on any other filesystem (an object store)."""
    if not is_url(path):
        return str(path)
    if path.split("://", 1)[0].lower() not in ("file", "local"):
        return None
    return _fs(path)[1]


def _skip(rel: tuple[str, ...], name: str) -> bool:
    return any(part.startswith(".") for part in rel) or name.startswith("~$") or name in _SKIP_NAMES


def discover(inputs: Iterable[str | Path], skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Files named on the command line plus every file under named folders
    (recursively), sorted, without hidden files, Office lock files (~$...)
    or our own output store. Items may be local paths or fsspec URLs; files
    found under a folder URL are URLs of the same protocol. A missing path
    raises FileNotFoundError. Paths under a folder that cannot be read as
    files (FIFOs, sockets, devices, links to nothing or loops) are logged and,
    when `skipped` is given, appended to it as (path, reason)."""
    found: set[str] = set()
    for item in inputs:
        if is_url(item):
            found.update(_discover_url(str(item)))
            continue
        p = Path(item)
        if not p.exists():
            raise FileNotFoundError(f"input not found: {item}")
        if p.is_file():
            found.add(str(p))
            continue
        if not p.is_dir():
            raise FileNotFoundError(f"input {item} is not a file or folder (a FIFO, socket or device)")
        for f in p.rglob("*"):
            if _skip(f.relative_to(p).parts, f.name):
                continue
            if f.is_file():
                found.add(str(f))
            elif not f.is_dir():
                # a FIFO, socket or device, or a link to nothing: said, not silently dropped
                why = "a link to nothing (or a loop)" if f.is_symlink() else "not a regular file (a FIFO, socket or device)"
                log.warning("skipped %s: %s", f, why)
                if skipped is not None:
                    skipped.append((str(f), why))
    return sorted(found)


def _discover_url(url: str) -> list[str]:
    try:
        fs, root = _fs(url)
    except (ImportError, ValueError) as e:  # no fsspec implementation for the protocol installed
        raise ValueError(f"cannot read {url}: {e}") from None
    if not fs.exists(root):
        raise FileNotFoundError(f"input not found: {url}")
    if fs.isfile(root):
        return [url]
    out = []
    base = root.rstrip("/")
    for f in fs.find(root):
        rel = tuple(x for x in f[len(base):].split("/") if x)
        if rel and not _skip(rel, rel[-1]):
            out.append(fs.unstrip_protocol(f))
    return out


def hash_file(path: str) -> str | None:
    """doc_id of a file's bytes (first 20 hex digits of SHA-256, as
    extractors.loaders.doc_id_for), read in 1 MB pieces so a huge file costs
    no memory; None for an empty file."""
    h = hashlib.sha256()
    n = 0
    if is_url(path):
        fs, p = _fs(path)
        fh = fs.open(p, "rb")
    else:
        fh = open(path, "rb")
    with fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest()[:20] if n else None


def read_bytes(path: str) -> bytes:
    """The bytes of a local path or an fsspec URL."""
    if not is_url(path):
        return Path(path).read_bytes()
    fs, p = _fs(path)
    return fs.cat_file(p)


def file_stamp(path: str) -> str | None:
    """What the file system says of a file without reading it: size,
    modification time, inode and permission bits for a local file; size and
    ETag (or modification time) for an fsspec URL. Two equal stamps are
    taken to mean the same bytes read the same way (make's and rsync's quick
    check), so a re-run need not read, let alone hash, unchanged files; a
    chmod that makes an unreadable file readable changes the stamp, so its
    error is not kept. None when unknown."""
    try:
        if not is_url(path):
            st = os.stat(path)
            return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_mode & 0o7777:o}"
        fs, p = _fs(path)
        info = fs.info(p)
    except (OSError, ValueError):
        return None
    tag = next((info[k] for k in ("ETag", "etag", "md5Hash", "crc32c", "mtime", "LastModified", "last_modified",
                                  "updated", "created") if info.get(k) is not None), None)
    if tag is None or info.get("size") is None:
        return None
    return f"{info['size']}:{tag}"


def file_size(path: str) -> int | None:
    try:
        if not is_url(path):
            return os.path.getsize(path)
        fs, p = _fs(path)
        return fs.size(p)
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def local_copy(path: str) -> Iterator[str]:
    """A local file with the bytes of `path` (and the same file name, since
    format sniffing looks at the extension): the path itself for a local
    path or file:// URL, else a temporary copy removed afterwards."""
    lp = local_path(path)
    if lp is not None:
        yield lp
        return
    with tempfile.TemporaryDirectory(prefix="council-extract-") as tmp:
        name = path.rstrip("/").rsplit("/", 1)[-1] or "input"
        dest = os.path.join(tmp, name)
        with open(dest, "wb") as fh:
            fh.write(read_bytes(path))
        yield dest


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    sch = schema(table)
    cols = {name: [r.get(name) for r in rows] for name in sch.names}
    try:
        return pa.Table.from_pydict(cols, schema=sch)
    except UnicodeEncodeError:
        # a file name that is not UTF-8 (b"caf\xe9.txt", read by Python as a
        # surrogate escape) in a path or a message: written as 'caf\\xe9.txt'
        cols = {name: [printable(v) if isinstance(v, str) else v for v in vals] for name, vals in cols.items()}
        return pa.Table.from_pydict(cols, schema=sch)


def printable(text: str) -> str:
    """A str that can be written as UTF-8: undecodable bytes of a file name
    (surrogate escapes) shown as \\xNN."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def sort_rows(table: str, rows: list[dict]) -> list[dict]:
    """Deterministic order: by doc_id, then path, then locator/id."""
    idc = ID_COLUMN.get(table)
    return sorted(rows, key=lambda r: (r.get("doc_id") or "", r.get("path") or "",
                                       r.get("ordinal") if r.get("ordinal") is not None else -1,
                                       r.get("locator") or "", r.get(idc) or "" if idc else "",
                                       r.get("message") or ""))


ROWS_PER_FILE = 1_000_000
ROW_GROUP = 128 * 1024


def write_tables(out: str | Path, tables: dict[str, list[dict]], *, rows_per_file: int = ROWS_PER_FILE) -> Path:
    """Write every table in COLUMNS (empty ones too, so readers always find
    all eight) and publish them atomically. Returns the store folder."""
    groups: dict[str, dict[str, list[dict]]] = {}
    for name, rows in tables.items():
        for r in rows:
            groups.setdefault(r.get("doc_id") or "", {}).setdefault(name, []).append(r)
    return write_store(out, (("", groups[k]) for k in sorted(groups)), rows_per_file=rows_per_file)


class TableWriter:
    """Appends sorted rows of one table to OUT/.store/<run>/<table>/:
    files of `rows_per_file` rows (part-00000.parquet, ...), row groups of
    ROW_GROUP rows, zstd, statistics on; each file written under a temp
    name, fsynced and renamed when full."""

    def __init__(self, tdir: Path, name: str, rows_per_file: int):
        self.tdir, self.name, self.rows_per_file = tdir, name, rows_per_file
        self.schema = schema(name)
        self.buf: list[dict] = []
        self.nfile = 0
        self.in_file = 0
        self.writer = None
        self.tmp: Path | None = None

    def add(self, rows: list[dict]) -> None:
        self.buf.extend(rows)
        while self.buf and len(self.buf) >= min(ROW_GROUP, self.rows_per_file - self.in_file):
            self._flush(min(ROW_GROUP, self.rows_per_file - self.in_file))

    def _flush(self, n: int) -> None:
        chunk, self.buf = self.buf[:n], self.buf[n:]
        self._open()
        self.writer.write_table(to_arrow(self.name, chunk), row_group_size=ROW_GROUP)
        self.in_file += len(chunk)
        if self.in_file >= self.rows_per_file:
            self._close_file()

    def _open(self) -> None:
        if self.writer is None:
            self.tmp = self.tdir / f".part-{self.nfile:05d}.parquet.tmp"
            self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd", write_statistics=True)

    def _close_file(self) -> None:
        self.writer.close()
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.tdir / f"part-{self.nfile:05d}.parquet")
        self.writer, self.nfile, self.in_file = None, self.nfile + 1, 0

    def close(self) -> None:
        if self.buf:
            self._flush(len(self.buf))
        if self.writer is not None:
            self._close_file()
        if self.nfile == 0:  # an empty table still gets its (empty) file
            self._open()
            self.writer.write_table(to_arrow(self.name, []))
            self._close_file()


def write_store(out: str | Path, groups: Iterable[tuple[str, dict[str, list[dict]]]], *,
                rows_per_file: int = ROWS_PER_FILE, empty_folder: str = "",
                reuse_from: Path | None = None, reuse: Iterable[str] = ()) -> Path:
    """The commit step: write a new store from `groups` and publish it
    atomically (one rename of OUT/.current). Returns the store folder.

    `groups` yields (folder, {table: rows}) for one doc_id at a time:
    `folder` is the partition folder under each table ("" unpartitioned,
    "council_slug=.../year=..." with --partition-by, pipeline/engine/partition.py)
    and the groups come in ascending (folder, doc_id) order (files without a
    doc_id first within a folder). Each group's rows are sorted here
    (`sort_rows`), so every folder's files come out in the order a global
    sort would give, whatever produced the rows and in whatever order. Only
    one folder's writers are open at a time. A table with no rows at all
    gets one empty file, in `empty_folder`, so readers always find every
    table with its schema. The links table is then made from the whole
    store's tables (pipeline/engine/links.py), before anything is published.

    `reuse`: folders whose files are taken as they are from the store
    `reuse_from` (hard links; copies where the file system has none) rather
    than written; `groups` must not yield them.

    Nothing is visible to readers until the final rename: an exception or a
    kill before it leaves the previous tables as they were (the
    half-written store is removed by the next successful publish)."""
    # Longer than 80 lines, knowingly: write, derive, fsync and publish in
    # this order is what makes the publish atomic; kept in one place.
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex[:12]
    store = out / STORE / run
    for name in COLUMNS:
        (store / name).mkdir(parents=True, exist_ok=True)
    writers: dict[str, TableWriter] = {}
    written: set[str] = set()
    reused = set(reuse)
    for folder in sorted(reused):
        for name in COLUMNS:
            src = reuse_from / name / folder if folder else reuse_from / name
            parts = sorted(src.glob("part-*.parquet")) if src.is_dir() else []
            if not parts:
                continue
            dst = store / name / folder if folder else store / name
            dst.mkdir(parents=True, exist_ok=True)
            for f in parts:
                try:
                    os.link(f, dst / f.name)
                except OSError:
                    shutil.copy2(f, dst / f.name)
            written.add(name)
    current: str | None = None

    def close_all():
        for w in writers.values():
            w.close()
        writers.clear()

    for folder, group in groups:
        if folder in reused:
            raise ValueError(f"folder {folder!r} is both reused and written")
        if folder != current:
            if current is not None and folder < current:
                raise ValueError(f"groups out of folder order: {folder!r} after {current!r}")
            close_all()
            current = folder
        for name, rows in group.items():
            if not rows or name not in COLUMNS:
                continue
            w = writers.get(name)
            if w is None:
                tdir = store / name / folder if folder else store / name
                tdir.mkdir(parents=True, exist_ok=True)
                w = writers[name] = TableWriter(tdir, name, rows_per_file)
                written.add(name)
            w.add(sort_rows(name, rows))
    close_all()
    for name in COLUMNS:
        if name not in written:  # an empty table still gets its (empty) file
            tdir = store / name / empty_folder if empty_folder else store / name
            tdir.mkdir(parents=True, exist_ok=True)
            TableWriter(tdir, name, rows_per_file).close()
    from pipeline.engine.links import write_links   # the derived table, from the tables just written
    write_links(store, rows_per_file)
    for d, _, _ in os.walk(store, topdown=False):  # every folder, partition folders first
        _fsync_dir(Path(d))
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
    if (link.exists() or link.is_symlink()) and not _our_link(out, name):
        # a folder or file of the user's (or an older layout's) where a table
        # goes: moved aside beside it, never into the store, whose garbage
        # collection would delete it
        aside = out / f"{name}.moved-aside-{uuid.uuid4().hex[:8]}"
        os.replace(link, aside)
        log.warning("%s was not written by council-extract: moved to %s", link, aside)
    _swap_link(out, name, target)


def _our_link(out: Path, name: str) -> bool:
    """OUT/<name> is a link this tool made: into OUT/.current or OUT/.store."""
    link = out / name
    if not link.is_symlink():
        return False
    target = os.readlink(link)
    return target == os.path.join(CURRENT, name) or target.startswith((CURRENT + os.sep, STORE + os.sep))


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
