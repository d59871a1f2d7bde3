"""Batch runner: every input file through `process_file` (via `run_one`,
the per-document function), on an executor, then one commit step that
publishes all tables atomically.

- Executors. `--executor local` (default) is the worker pool below;
  `--executor dask` (pipeline/engine/cluster.py) maps the same `run_one` over a
  Dask cluster. Everything else in a run — hashing, the row cache and
  manifest, duplicates, sorting, the commit — is `_run_locked`, shared by
  both, so a cluster run gives the same ids and rows as a local one.

- Limits. Each document runs in a worker process the runner owns (not a
  ProcessPoolExecutor), so the runner always knows which file each worker
  is on. A worker that runs past `--timeout` is killed and its file gets an
  `errors` row (error_type `timeout`); a worker that hits the address-space
  cap (`--max-memory-mb`, RLIMIT_AS set when the worker starts) gets
  `memory`; a worker that dies any other way (segfault, OOM killer) gets
  `crash`. The worker is replaced and the batch carries on; no other file
  is retried or lost.
- Incremental. The per-document row cache and the manifest
  (pipeline/engine/manifest.py) let a re-run extract only new or changed files;
  with nothing changed nothing is published. The output mirrors the input
  set of the latest run: rows of files no longer given are dropped.
- One writer per output folder (pipeline/engine/lock.py).
- Results are sorted before writing, so the tables do not depend on --jobs.

- Commit. Each finished document's rows go to the row cache
  (OUT/.cache/<version>/<doc_id>/, one Parquet file per table): written by
  the driver for the local executor, by the worker itself on a cluster.
  Those are the run's parts. The commit (pipeline/engine/commit.py, pipeline.engine.io.write_store)
  streams them, one doc_id at a time in doc_id order, into a new store and
  swaps OUT/.current once; until then the previous tables are untouched.

- The per-document function. What a worker runs on each path is
  `process_document` (process_file on a path or a URL's local copy). A run
  looks it up when it starts and sends it with every worker and task
  (`TaskSpec.process`), so a replacement reaches worker processes and
  cluster workers too: the tests' fault injection (tests/fault_injection.py)
  works that way; production code has no test hook.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import wait as mp_wait
from pathlib import Path
from typing import Callable

from pipeline import __version__
from pipeline.engine import partition, sidecar
from pipeline.engine.commit import commit
from pipeline.engine.io import current_store, discover, file_size, file_stamp, hash_file, is_url, local_copy, local_path
from pipeline.engine.lock import LockBusy, OutputLock
from pipeline.engine.manifest import RowCache, cache_version, read_manifest, write_manifest
from pipeline.engine.stages import DocResult, _describe, _error, document_row, process_file

log = logging.getLogger("council_extract")

EXECUTORS = ("local", "dask")


@dataclass
class RunSummary:
    files: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0            # paths that are not files (FIFOs, broken links): a warning row each
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    extracted: int = 0          # files run through the stages this run
    reused: int = 0             # files whose rows came from the cache
    published: bool = False     # False: nothing changed, tables untouched
    reused_folders: int = 0     # output folders linked from the previous store, not rewritten
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid -> peak RSS

    @property
    def exit_code(self) -> int:
        """0 = every file ok; 1 = at least one file failed or was partial."""
        return 0 if (self.failed == 0 and self.partial == 0) else 1


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def skipped_tables(path: str, why: str) -> dict[str, list[dict]]:
    """The rows of a path that was not read: a documents row with status
    'skipped' and a warning row saying why."""
    err = {"doc_id": None, "path": path, "stage": "discover", "error_type": "skipped",
           "severity": "warning", "message": why}
    return {"errors": [err], "documents": [document_row(path, None, None, None, None, "skipped", _now())]}


def worker_failure(path: str, doc_id: str | None, error_type: str, message: str) -> DocResult:
    size = file_size(path)
    err = {"doc_id": doc_id, "path": path, "stage": "worker", "error_type": error_type,
           "severity": "error", "message": message}
    drow = document_row(path, doc_id, None, None, None, "failed", _now())
    drow["size_bytes"] = size
    return DocResult(path=path, doc_id=doc_id, status="failed",
                     tables={"errors": [err], "documents": [drow]})


def worker_error_type(res: DocResult) -> str | None:
    for e in res.tables.get("errors", []):
        if e.get("stage") == "worker":
            return e.get("error_type")
    return None


# ------------------------------------------------------------------ workers
#
# The worker machinery below is shared with the dask executor (cluster.py),
# which runs each task's file in a `Worker` exactly as the local pool does:
# `Worker`, `worker_context`, `run_one`, `run_in_worker`, `worker_failure`
# and `worker_error_type` (with `TaskSpec`, further down) are that internal
# interface. Names with a leading underscore are this module's own.


def process_document(path: str) -> DocResult:
    """process_file on a local path, or on a local copy of a URL's bytes
    (then `path`/`file_name` say the URL). Never raises."""
    if not is_url(path):
        return process_file(path)
    try:
        with local_copy(path) as lp:
            res = process_file(lp)
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - an unreadable URL is a load error, like an unreadable path
        now = _now()
        return DocResult(path=path, doc_id=None, status="failed",
                         tables={"errors": [_error(None, path, "load", "exception", _describe(e))],
                                 "documents": [document_row(path, None, None, None, None, "failed", now)]})
    return DocResult(path=path, doc_id=res.doc_id, status=res.status, tables=_with_path(res.tables, path),
                     seconds=res.seconds)


def run_one(path: str, max_memory_mb: int | None, process=None) -> DocResult:
    """What every executor runs for one file: `process` (default
    `process_document`); a MemoryError anywhere becomes a `memory` row, and
    MemoryError text caught inside the stages is typed `memory` too."""
    try:
        res = (process or process_document)(path)
    except MemoryError:
        res = None
    if res is None:
        cap = f" (cap {max_memory_mb} MB)" if max_memory_mb else ""
        try:
            doc_id = _hash_file(path)
        except OSError:
            doc_id = None
        return worker_failure(path, doc_id, "memory", f"ran out of memory while extracting this file{cap}")
    for e in res.tables.get("errors", []):
        if str(e.get("message") or "").startswith("MemoryError"):
            e["error_type"] = "memory"
    return res


def orphan_watch(run_pid: int) -> None:
    """Exit when the run's process is gone (killed with SIGKILL): a worker
    stuck in a file would otherwise live on, and keep the forkserver alive."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(run_pid, 0)
        except ProcessLookupError:
            os._exit(3)
        except PermissionError:
            pass


def _worker_main(conn, max_memory_mb: int | None, process=None, run_pid: int | None = None) -> None:
    """Worker loop: receive a path, send back (DocResult, peak RSS KB)."""
    import threading
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    threading.Thread(target=orphan_watch, args=(run_pid or os.getppid(),), daemon=True).start()
    if max_memory_mb:
        limit = int(max_memory_mb) * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        res = run_one(path, max_memory_mb, process)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            conn.send((res, rss))
        except (BrokenPipeError, OSError):
            return


class Worker:
    """One worker process and the file it is on. Used by the local pool
    and, one per task thread, by the dask executor's tasks."""

    def __init__(self, ctx, max_memory_mb, process=None):
        self.conn, child = ctx.Pipe(duplex=True)
        self.max_memory_mb, self.process = max_memory_mb, process
        self.proc = ctx.Process(target=_worker_main, daemon=True,
                                args=(child, max_memory_mb, process, os.getpid()))
        self.proc.start()
        child.close()
        self.path: str | None = None
        self.started = 0.0
        self.peak_kb = 0

    def give(self, path: str) -> None:
        self.path, self.started = path, time.monotonic()
        self.conn.send(path)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


_CTX = None


def worker_context():
    """forkserver with the stages preloaded: workers start fast, without
    inheriting the parent's threads (progress bar) or open files (lock)."""
    global _CTX
    if _CTX is None:
        _CTX = mp.get_context("forkserver")
        _CTX.set_forkserver_preload(["pipeline.engine.stages", "extractors.entities.passes"])
    return _CTX


def extract_all(paths: list[str], jobs: int, progress=None, *, timeout: float | None = None,
                max_memory_mb: int | None = None, doc_ids: dict[str, str | None] | None = None,
                rss: dict[int, float] | None = None, process=None) -> list[DocResult]:
    """Process paths with `jobs` worker processes (jobs=0: in this process,
    for debugging, without limits). Returns results in input order.
    `process`: the per-document function (default `process_document`)."""
    results: dict[str, DocResult] = {}

    def done(p, res):
        results[p] = res
        if progress:
            progress(res)

    if jobs <= 0:
        for p in paths:
            done(p, run_one(p, None, process))
        return [results[p] for p in paths]
    doc_ids = doc_ids or {}
    ctx = worker_context()
    todo = list(reversed(paths))
    workers: list[Worker] = []
    try:
        while todo or any(w.path for w in workers):
            # keep min(jobs, remaining) workers busy
            while todo and len(workers) < jobs and sum(1 for w in workers if w.path is None) < len(todo):
                workers.append(Worker(ctx, max_memory_mb, process))
            for w in workers:
                if w.path is None and todo:
                    w.give(todo.pop())
            busy = [w for w in workers if w.path]
            wait_for = None
            if timeout:
                now = time.monotonic()
                wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            ready = mp_wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=wait_for)
            now = time.monotonic()
            for w in busy:
                p = w.path
                res, retire = _settle(w, ready, now, timeout, max_memory_mb, doc_ids.get(p))
                if res is None:
                    continue
                if retire:
                    _retire(w, workers, rss, kill=retire == "kill")
                done(p, res)
    finally:
        for w in list(workers):
            _retire(w, workers, rss, kill=bool(w.path))
    return [results[p] for p in paths]


def _settle(w: Worker, ready, now: float, timeout: float | None, max_memory_mb: int | None,
            doc_id: str | None) -> tuple[DocResult | None, str | None]:
    """What became of the file `w` is on: (None, None) still running;
    (result, None) done; (failure row, "dead") the worker died: a `crash`;
    (failure row, "kill") past `timeout`: a `timeout`, kill the worker."""
    p = w.path
    if w.conn in ready:
        try:
            res, kb = w.conn.recv()
        except (EOFError, OSError):
            res = None
        if res is not None:
            w.peak_kb = max(w.peak_kb, kb)
            w.path = None
            return res, None
    if w.conn in ready or w.proc.sentinel in ready:
        w.proc.join(timeout=5)
        code = w.proc.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        msg = f"the worker process died while reading this file ({how})"
        if max_memory_mb:
            msg += f"; it may have hit the memory cap of {max_memory_mb} MB"
        return worker_failure(p, doc_id, "crash", msg), "dead"
    if timeout and now - w.started >= timeout:
        return worker_failure(p, doc_id, "timeout",
                               f"stopped after {timeout:g}s (--timeout); the file took too long to extract"), "kill"
    return None, None


def run_in_worker(w: Worker, path: str, timeout: float | None, max_memory_mb: int | None,
                  doc_id: str | None) -> tuple[DocResult, str | None]:
    """Give `path` to one worker and wait for its outcome, as the pool does
    (`_settle`); the dask executor's task runs each file this way."""
    w.give(path)
    while True:
        wait_for = max(0.0, w.started + timeout - time.monotonic()) if timeout else None
        ready = mp_wait([w.conn, w.proc.sentinel], timeout=wait_for)
        res, retire = _settle(w, ready, time.monotonic(), timeout, max_memory_mb, doc_id)
        if res is not None:
            return res, retire


def _retire(w: Worker, workers: list[Worker], rss: dict[int, float] | None, kill: bool = False) -> None:
    if rss is not None and w.peak_kb:
        rss[w.proc.pid] = round(w.peak_kb / 1024, 1)
    w.stop(kill=kill or not w.proc.is_alive())
    workers.remove(w)


# ---------------------------------------------------------------- executors


@dataclass
class TaskSpec:
    """What a task needs besides its path. Small, and sent with every task,
    so the settings reach cluster workers (whose environment is not ours).
    `out`, `cache_version`, `limits`: where and under which key a task on a
    cluster writes its document's rows (the row cache of OUT)."""
    timeout: float | None = None
    max_memory_mb: int | None = None
    process: Callable[[str], DocResult] | None = None  # per-document function (None: process_document); pickled
    out: str | None = None
    cache_version: str | None = None
    limits: dict | None = None


class LocalExecutor:
    """The worker pool of this module (`extract_all`): `jobs` processes on
    this machine (0: in this process, no limits). Rows come back to the
    driver, which writes them to the row cache."""
    name = "local"

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.rss: dict[int, float] = {}

    def map(self, paths: list[str], spec: TaskSpec, doc_ids: dict[str, str | None], done) -> None:
        """Run `run_one` on every path; call done(result, stored, worker_error)
        as each finishes (stored=False: the rows are in `result`)."""
        extract_all(paths, self.jobs, lambda res: done(res, False, worker_error_type(res)),
                    timeout=spec.timeout, max_memory_mb=spec.max_memory_mb, doc_ids=doc_ids,
                    rss=self.rss, process=spec.process)


def make_executor(executor="local", jobs: int | None = None, *, scheduler: str | None = None,
                  retries: int | None = None):
    """An executor by name ("local", "dask"); an object with a `map` method
    is returned as it is. Raises ValueError for a bad combination."""
    if not isinstance(executor, str):
        return executor
    jobs = default_jobs() if jobs is None else jobs
    if executor == "local":
        if scheduler:
            raise ValueError("--scheduler needs --executor dask")
        return LocalExecutor(jobs)
    if executor == "dask":
        from pipeline.engine.cluster import DaskExecutor
        if not scheduler and jobs <= 0:
            raise ValueError("--executor dask needs --jobs of 1 or more (the size of the local cluster)")
        return DaskExecutor(scheduler=scheduler, n_workers=jobs, retries=retries)
    raise ValueError(f"unknown executor {executor!r}: expected one of {', '.join(EXECUTORS)}")


# --------------------------------------------------------------------- run


def _identify(paths: list[str], man: dict | None) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(doc_id of each path, its file stamp). A path whose stamp (size,
    mtime, inode; pipeline.engine.io.file_stamp) equals the one the manifest `man`
    recorded keeps the recorded doc_id without being read; every other file
    is read and hashed. An unreadable file gets None."""
    known = {f["path"]: f for f in (man or {}).get("files", []) if f.get("stamp")}
    hashes: dict[str, str | None] = {}
    stamps: dict[str, str | None] = {}
    for p in paths:
        stamps[p] = file_stamp(p)
        f = known.get(p)
        if f is not None and stamps[p] is not None and f["stamp"] == stamps[p]:
            hashes[p] = f["doc_id"]
            continue
        try:
            hashes[p] = _hash_file(p)
        except OSError:
            hashes[p] = None
    return hashes, stamps


def _hash_file(path: str) -> str | None:
    """doc_id of the file's bytes (streamed: pipeline.engine.io.hash_file)."""
    return hash_file(path)


def run(inputs: list[str], out: str, jobs: int | None = None, show_progress: bool | None = None, *,
        timeout: float | None = None, max_memory_mb: int | None = None, force: bool = False,
        lock_wait: float = 5.0, executor="local", scheduler: str | None = None,
        retries: int | None = None, partition_by: str | tuple[str, ...] | None = None,
        meta: str | None = None, allow_shrink: bool = False) -> RunSummary:
    """Extract `inputs` (paths or fsspec URLs) into OUT (a local folder or a
    file:// URL) on `executor` ("local", "dask" or an executor object).
    Raises FileNotFoundError (missing input), ValueError (unusable --out or
    executor options, unknown partition key) and pipeline.engine.lock.LockBusy
    (another run holds OUT). `partition_by`: "council,year" or a tuple of
    those keys: Hive folders under each table (pipeline/engine/partition.py).
    `meta`: a sidecar CSV whose values fill or override the documents rows
    (pipeline/engine/sidecar.py; a bad sidecar raises ValueError)."""
    t0 = time.perf_counter()
    keys = partition.parse_keys(partition_by) if isinstance(partition_by, str) or partition_by is None \
        else partition.parse_keys(",".join(partition_by))
    skipped: list[tuple[str, str]] = []
    paths = discover(inputs, skipped)
    out_dir = local_path(out)
    if out_dir is None:
        raise ValueError(f"--out must be a local folder or a file:// URL, not {out}: publishing swaps a symlink, "
                         "which object stores do not have (see docs/scaling.md)")
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise ValueError(f"--out {out_dir} is a file, not a folder")
    # an output folder inside an input folder: its own files are not inputs
    inside = os.path.realpath(out_dir) + os.sep
    paths = [p for p in paths if is_url(p) or not os.path.realpath(p).startswith(inside)]
    skipped = [(p, why) for p, why in skipped if not os.path.realpath(p).startswith(inside)]
    overrides, meta_sha = sidecar.read_sidecar(meta, paths) if meta else ({}, None)
    ex = make_executor(executor, jobs, scheduler=scheduler, retries=retries)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with OutputLock(out_dir, wait=lock_wait):
        if not allow_shrink:
            refuse_shrink(paths, read_manifest(out_dir), inputs)
        summary = _run_locked(paths, out_dir, ex, show_progress, timeout, max_memory_mb, force, keys,
                              overrides=overrides, meta_sha=meta_sha, skipped=skipped)
    summary.seconds = time.perf_counter() - t0
    return summary


# a run that would keep less than this share of the papers the tables hold
# refuses to publish without --allow-shrink (an input share that did not mount)
SHRINK_KEEP = 0.5


class ShrinkRefused(ValueError):
    """The run would publish far fewer papers than the tables hold."""


def refuse_shrink(paths: list[str], previous: dict | None, inputs: list[str]) -> None:
    """Raise ShrinkRefused when the inputs hold no files, or fewer than
    SHRINK_KEEP of the papers the published tables hold: a share that did
    not mount would otherwise publish empty tables over good ones."""
    before = len([f for f in (previous or {}).get("files", []) if f.get("status") != "skipped"])
    if not before:
        return
    if len(paths) < before * SHRINK_KEEP:
        raise ShrinkRefused(
            f"the inputs ({', '.join(map(str, inputs))}) hold {len(paths)} file(s) but the tables hold {before} "
            f"papers: refusing to publish an output this much smaller (a folder or share that did not mount?). "
            f"Run again with --allow-shrink if the papers really were removed")


@dataclass
class _Held:
    """One input's outcome until the commit: its rows in memory, or None
    when they are in the row cache (read back, one doc_id at a time, by
    the commit)."""
    status: str
    worker_error: str | None
    tables: dict[str, list[dict]] | None = None


def _run_locked(paths, out, executor, show_progress, timeout, max_memory_mb, force,
                partition_by: tuple[str, ...] = (), overrides: dict | None = None,
                meta_sha: str | None = None, skipped: list[tuple[str, str]] | None = None) -> RunSummary:
    # Longer than 80 lines, knowingly: the run's steps in their required order
    # (manifest, hashes, duplicates, cache reuse, extraction, commit, manifest),
    # each a few lines sharing the run's state; reading it top to bottom is the
    # documentation of that order.
    if isinstance(executor, int):  # the signature before executors existed
        executor = LocalExecutor(executor)
    summary = RunSummary(files=len(paths))
    version = cache_version()
    limits = {"timeout": timeout, "max_memory_mb": max_memory_mb}
    man = read_manifest(out)
    hashes, stamps = _identify(paths, None if force else man)
    # paths that cannot be read as files: a warning row each, never opened
    held: dict[str, _Held] = {p: _Held("skipped", None, skipped_tables(p, why)) for p, why in (skipped or [])}
    extracted_paths = paths
    paths = sorted(paths + list(held))
    for p in held:
        hashes[p], stamps[p] = None, None

    # nothing changed since the last publish: leave the tables alone
    if (not force and man and man.get("cache_version") == version and man.get("store")
            and man.get("store") == current_store(out)
            and man.get("partition_by", []) == list(partition_by)
            and man.get("meta") == meta_sha
            and not any(f.get("worker_error") in _RETRIED for f in man.get("files", []))
            and (man.get("limits") == limits or not any(f.get("worker_error") for f in man.get("files", [])))
            and [[p, hashes[p]] for p in paths] == [[f["path"], f["doc_id"]] for f in man.get("files", [])]):
        for f in man["files"]:
            setattr(summary, f["status"], getattr(summary, f["status"]) + 1)
        summary.reused = len(paths)
        summary.rows = dict(man.get("rows", {}))
        return summary

    cache = RowCache(out, version)
    todo: list[str] = []
    first_path: dict[str, str] = {}   # doc_id -> first path to be extracted
    dupes: list[str] = []
    for p in extracted_paths:
        hit = None if force else cache.meta(hashes[p], limits)
        if hit is not None:
            held[p] = _Held(hit["status"], hit.get("worker_error"))  # rows are read by the commit
            summary.reused += 1
        elif hashes[p] and hashes[p] in first_path:
            dupes.append(p)  # same bytes as a file extracted this run: reuse its rows
        else:
            if hashes[p]:
                first_path[hashes[p]] = p
            todo.append(p)

    if show_progress is None:
        show_progress = sys.stderr.isatty()
    bar = None
    if show_progress and todo:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="file", desc="extract", file=sys.stderr)
    if summary.reused:
        log.info("%d of %d files unchanged (rows reused from %s)", summary.reused, len(paths), cache.dir)
    count = 0

    def progress(res: DocResult, stored: bool = False, werr: str | None = None):
        nonlocal count
        count += 1
        # cache as soon as a file is done, so a killed run's work is kept
        # (a task on a cluster has done it itself: stored=True)
        if not stored and res.doc_id and res.doc_id == hashes.get(res.path):
            stored = cache.put(res.doc_id, res.path, res.status, res.tables, limits, werr, res.seconds)
        held[res.path] = _Held(res.status, werr, None if stored else res.tables)
        why = _reason(res)
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(Path(res.path).name[:40])
            if why:
                bar.write(f"{res.status} {res.path}: {why}", file=sys.stderr)
        else:
            log.info("[%d/%d] %s %s (%.1fs)%s", count, len(todo), res.status, res.path, res.seconds,
                     f": {why}" if why else "")

    spec = TaskSpec(timeout=timeout, max_memory_mb=max_memory_mb, process=process_document,
                    out=str(out), cache_version=version, limits=limits)
    if todo:
        # largest files first: a big paper started last would leave the other workers idle at the end
        executor.map(sorted(todo, key=lambda p: (-(file_size(p) or 0), p)), spec, hashes, progress)
    if bar is not None:
        bar.close()
    lost = [p for p in todo if p not in held]
    if lost:  # an executor must report every file; publishing without them would drop their rows
        raise RuntimeError(f"the {executor.name} executor returned no result for {len(lost)} file(s), e.g. {lost[0]}")
    summary.extracted = len(todo)
    summary.worker_peak_rss_mb = dict(getattr(executor, "rss", {}) or {})
    for p in dupes:
        hit = cache.meta(hashes[p], limits)
        if hit is None:  # the first copy's rows could not be cached (crash): same failure
            src = held[first_path[hashes[p]]]
            held[p] = _Held(src.status, src.worker_error, _with_path(src.tables or {}, p))
        else:
            held[p] = _Held(hit["status"], hit.get("worker_error"))
        summary.reused += 1

    files = []
    for p in paths:
        h = held[p]
        setattr(summary, h.status, getattr(summary, h.status) + 1)
        files.append({"path": p, "doc_id": hashes[p], "stamp": stamps.get(p), "status": h.status,
                      "worker_error": h.worker_error})
    trusted = man if (man and man.get("cache_version") == version and man.get("store") == current_store(out)
                      and man.get("partition_by", []) == list(partition_by)) else None
    done = commit(out, paths, hashes, held, cache, limits, partition_by, previous=trusted,
                  fresh=set(todo) | set(dupes), overrides=overrides)
    for f in files:
        f["folder"] = done.folder_of[f["path"]]
    summary.published = True
    summary.rows = done.rows
    summary.reused_folders = len(done.reused_folders)
    write_manifest(out, {"pipeline_version": __version__, "cache_version": version, "store": done.store.name,
                         "limits": limits, "partition_by": list(partition_by), "meta": meta_sha, "files": files,
                         "folders": done.folders, "rows": summary.rows,
                         "published_at": _now().isoformat()})
    cache.prune({h for h in hashes.values() if h})
    return summary


def _reason(res: DocResult) -> str:
    """Why a file failed or was only partly extracted: its first error row
    ('corrupt: not a PDF ...'); '' for a file that is ok."""
    if res.status == "ok":
        return ""
    errs = [e for e in (res.tables or {}).get("errors", []) if e.get("severity") != "warning"]
    if not errs:
        return ""
    e = errs[0]
    msg = " ".join(str(e.get("message") or "").split())
    return f"{e.get('error_type')}: {msg[:200]}"


# worker errors that a no-op check must not trust: retried by the next run
_RETRIED = {"crash", "exception"}


def _with_path(tables: dict[str, list[dict]], path: str) -> dict[str, list[dict]]:
    out = {}
    for name, rows in tables.items():
        rows = [dict(r) for r in rows]
        if name in ("documents", "errors"):
            for r in rows:
                r["path"] = path
                if name == "documents":
                    r["file_name"] = os.path.basename(path)
        out[name] = rows
    return out


__all__ = ["run", "extract_all", "make_executor", "LocalExecutor", "TaskSpec", "RunSummary", "default_jobs",
           "LockBusy", "EXECUTORS", "__version__", "process_document",
           # the worker interface the dask executor (cluster.py) shares
           "Worker", "worker_context", "run_one", "run_in_worker", "worker_failure", "worker_error_type"]
