"""Incremental runs: the manifest of what is published and the per-document
row cache.

- `OUT/_manifest.json` records the inputs of the last published run: for
  each path its content hash (doc_id), status, and the cache version, plus
  the store the tables point at. A run whose inputs (paths and hashes) and
  cache version equal the manifest's, with the tables still pointing at
  that store, has nothing to do and publishes nothing (the tables stay
  byte-for-byte as they were).
- `OUT/.cache/<version>/<doc_id>/` holds one document's rows: one Parquet
  file per non-empty table plus `result.json` (status, the path it was
  extracted under, the limits in force). Rows in it are reused verbatim,
  `extracted_at` included; only `path`/`file_name` in the `documents` and
  `errors` rows are rewritten when the same bytes arrive under another name.
- The cache version is `__version__` plus a fingerprint of the code
  (`pipeline/`, `extractors/`, `schemas/` source files), so any change to
  the extraction code re-extracts everything, even without a version bump.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from functools import lru_cache
from pathlib import Path

import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.engine.io import _fsync_dir, to_arrow
from schemas.tables import COLUMNS

MANIFEST = "_manifest.json"
CACHE = ".cache"
_CODE_DIRS = ("pipeline", "extractors", "schemas")
# worker failures that are a property of the file under the given limits
# (cached with the limits); a crash may be transient and is retried.
CACHEABLE_WORKER_ERRORS = {"timeout", "memory"}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    root = Path(__file__).resolve().parents[2]
    h = hashlib.sha256()
    for d in _CODE_DIRS:
        for f in sorted((root / d).rglob("*")):
            if f.suffix in (".py", ".json", ".toml", ".txt", ".yaml", ".yml") and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(root)).encode() + b"\0")
                h.update(f.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def cache_version() -> str:
    return f"{__version__}+{code_fingerprint()}"


# ------------------------------------------------------------------ manifest


def read_manifest(out: str | Path) -> dict | None:
    try:
        return json.loads((Path(out) / MANIFEST).read_text())
    except (OSError, ValueError):
        return None


def write_manifest(out: str | Path, manifest: dict) -> None:
    out = Path(out)
    tmp = out / f".{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp"
    with open(tmp, "w") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out / MANIFEST)
    _fsync_dir(out)


# --------------------------------------------------------------------- cache


def _read(path: Path):
    """One cached table. ParquetFile.read, not pq.read_table: the latter
    builds a dataset per call, three times slower on these small files (the
    commit reads every document's tables)."""
    with pq.ParquetFile(path) as f:
        return f.read()


def _intact(path: Path) -> bool:
    """A Parquet file that is whole: 'PAR1' at both ends (a power cut or a
    full disk can leave an empty or cut-off file)."""
    try:
        size = path.stat().st_size
        if size < 12:
            return False
        with open(path, "rb") as fh:
            head = fh.read(4)
            fh.seek(-4, os.SEEK_END)
            return head == b"PAR1" and fh.read(4) == b"PAR1"
    except OSError:
        return False


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _same_result(entry: Path, meta: dict) -> bool:
    """Does the cache entry already hold this result (same status, tables,
    limits and worker error; the time taken may differ)?"""
    try:
        old = json.loads((entry / "result.json").read_text())
    except (OSError, ValueError):
        return False
    keys = ("doc_id", "path", "status", "tables", "limits", "worker_error")
    return all(old.get(k) == meta.get(k) for k in keys) and \
        all(_intact(entry / f"{name}.parquet") for name in meta["tables"])


class RowCache:
    def __init__(self, out: str | Path, version: str | None = None):
        self.root = Path(out) / CACHE
        self.version = version or cache_version()
        self.dir = self.root / self.version

    def _entry(self, doc_id: str) -> Path:
        return self.dir / doc_id

    def get_table(self, doc_id: str, path: str, name: str, meta: dict) -> list[dict] | None:
        """One table's cached rows (path/file_name set to `path`), for an
        entry whose `meta` (result.json) was read once: [] when the entry has
        no such table, None when its file cannot be read. The commit reads a
        paper one table at a time, so a paper with hundreds of thousands of
        rows never has all its tables in memory at once."""
        if name not in meta["tables"]:
            return []
        try:
            rows = _read(self._entry(doc_id) / f"{name}.parquet").to_pylist()
        except (OSError, ValueError):
            return None
        if path != meta.get("path") and name in ("documents", "errors"):
            base = os.path.basename(path)
            for r in rows:
                r["path"] = path
                if name == "documents":
                    r["file_name"] = base
        return rows

    def meta(self, doc_id: str | None, limits: dict) -> dict | None:
        """result.json of doc_id's entry (status, worker_error, tables) when
        it is usable under `limits` and every table file it names is there;
        None otherwise. Reads no rows: the commit reads them."""
        if not doc_id:
            return None
        d = self._entry(doc_id)
        try:
            meta = json.loads((d / "result.json").read_text())
            if meta.get("worker_error") and meta.get("limits") != limits:
                return None
            if not all(_intact(d / f"{name}.parquet") for name in meta["tables"]):
                return None   # a missing, empty or cut-off file: extracted again, not trusted
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return meta

    def put(self, doc_id: str | None, path: str, status: str, tables: dict[str, list[dict]],
            limits: dict, worker_error: str | None = None, seconds: float = 0.0) -> bool:
        """Store one document's rows atomically (folder rename). A worker
        crash is stored only the second time the same bytes crash it (the
        first may be the machine's, not the file's; a file that crashes
        every time must not be retried by every scheduled run)."""
        if not doc_id:
            return False
        if worker_error == "crash" and self._crashes(doc_id) < 1:
            self._note_crash(doc_id)
            return False
        if worker_error and worker_error not in CACHEABLE_WORKER_ERRORS | {"crash"}:
            return False
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".tmp-{uuid.uuid4().hex[:12]}"
        tmp.mkdir(parents=True)
        names = sorted(n for n, rows in tables.items() if rows and n in COLUMNS)
        for name in names:
            pq.write_table(to_arrow(name, tables[name]), tmp / f"{name}.parquet", compression="zstd")
            _fsync(tmp / f"{name}.parquet")
        meta = {"doc_id": doc_id, "path": path, "status": status, "tables": names,
                "limits": limits, "worker_error": worker_error, "seconds": round(seconds, 3)}
        (tmp / "result.json").write_text(json.dumps(meta, sort_keys=True))
        _fsync(tmp / "result.json")
        dest = self._entry(doc_id)
        if dest.exists():
            if _same_result(dest, meta):
                # the same bytes give the same rows: a second worker (a straggler of a cancelled
                # run, a retry) leaves the entry a reader may be reading in place
                shutil.rmtree(tmp, ignore_errors=True)
                return True
            # set the old entry aside, then rename the new one in: never a moment with a
            # result.json whose table files are being deleted
            aside = self.root / f".old-{uuid.uuid4().hex[:12]}"
            os.replace(dest, aside)
            os.replace(tmp, dest)
            shutil.rmtree(aside, ignore_errors=True)
            return True
        os.replace(tmp, dest)
        return True

    def _crashes(self, doc_id: str) -> int:
        try:
            return int((self._entry(doc_id) / "crashes").read_text())
        except (OSError, ValueError):
            return 0

    def _note_crash(self, doc_id: str) -> None:
        d = self._entry(doc_id)
        d.mkdir(parents=True, exist_ok=True)   # no result.json: meta() still says "not cached"
        (d / "crashes").write_text(str(self._crashes(doc_id) + 1))

    def prune(self, keep: set[str]) -> None:
        """Drop other versions' caches, temp folders, and entries of this
        version whose doc_id is not in `keep` (files no longer input)."""
        if not self.root.is_dir():
            return
        for d in self.root.iterdir():
            if d != self.dir:
                shutil.rmtree(d, ignore_errors=True)
        if self.dir.is_dir():
            for d in self.dir.iterdir():
                if d.name not in keep:
                    shutil.rmtree(d, ignore_errors=True)
