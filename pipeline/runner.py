"""Batch runner: every input file through `process_file`, in worker
processes, then one atomic publish of all tables.

- Limits. Each document runs in a worker process the runner owns (not a
  ProcessPoolExecutor), so the runner always knows which file each worker
  is on. A worker that runs past `--timeout` is killed and its file gets an
  `errors` row (error_type `timeout`); a worker that hits the address-space
  cap (`--max-memory-mb`, RLIMIT_AS set when the worker starts) gets
  `memory`; a worker that dies any other way (segfault, OOM killer) gets
  `crash`. The worker is replaced and the batch carries on; no other file
  is retried or lost.
- Incremental. The per-document row cache and the manifest
  (pipeline/manifest.py) let a re-run extract only new or changed files;
  with nothing changed nothing is published. The output mirrors the input
  set of the latest run: rows of files no longer given are dropped.
- One writer per output folder (pipeline/lock.py).
- Results are sorted before writing, so the tables do not depend on --jobs.

Test-only hook: COUNCIL_EXTRACT_TEST_HOOK="crash:NAME,hang:NAME,alloc:NAME"
makes a worker os._exit(1), sleep forever, or allocate until it hits its
memory cap when it is given a file whose name is NAME. tests/test_batch.py
uses it; it does nothing unless set.
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

from pipeline import __version__
from pipeline.io import current_store, discover, write_tables
from pipeline.lock import LockBusy, OutputLock
from pipeline.manifest import RowCache, cache_version, read_manifest, write_manifest
from pipeline.stages import DocResult, document_row, process_file

log = logging.getLogger("council_extract")

TEST_HOOK_ENV = "COUNCIL_EXTRACT_TEST_HOOK"


@dataclass
class RunSummary:
    files: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    extracted: int = 0          # files run through the stages this run
    reused: int = 0             # files whose rows came from the cache
    published: bool = False     # False: nothing changed, tables untouched
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


def _worker_failure(path: str, doc_id: str | None, error_type: str, message: str) -> DocResult:
    size = None
    try:
        size = os.path.getsize(path)
    except OSError:
        pass
    err = {"doc_id": doc_id, "path": path, "stage": "worker", "error_type": error_type,
           "severity": "error", "message": message}
    drow = document_row(path, doc_id, None, None, None, "failed", _now())
    drow["size_bytes"] = size
    return DocResult(path=path, doc_id=doc_id, status="failed",
                     tables={"errors": [err], "documents": [drow]})


def _crash_result(path: str, message: str, doc_id: str | None = None) -> DocResult:
    return _worker_failure(path, doc_id, "crash", message)


def worker_error_type(res: DocResult) -> str | None:
    for e in res.tables.get("errors", []):
        if e.get("stage") == "worker":
            return e.get("error_type")
    return None


# ------------------------------------------------------------------ workers


def _test_hook(path: str) -> None:
    spec = os.environ.get(TEST_HOOK_ENV)
    if not spec:
        return
    name = os.path.basename(path)
    for item in spec.split(","):
        action, _, target = item.partition(":")
        if target != name:
            continue
        if action == "crash":
            os._exit(1)
        if action == "hang":
            while True:
                time.sleep(60)
        if action == "alloc":
            hog = []
            while True:
                hog.append(bytearray(64 * 1024 * 1024))


def _run_one(path: str, max_memory_mb: int | None) -> DocResult:
    """process_file plus the test hook; a MemoryError anywhere becomes a
    `memory` row, and MemoryError text caught inside the stages is typed
    `memory` too."""
    try:
        _test_hook(path)
        res = process_file(path)
    except MemoryError:
        res = None
    if res is None:
        cap = f" (cap {max_memory_mb} MB)" if max_memory_mb else ""
        try:
            doc_id = _hash_file(path)
        except OSError:
            doc_id = None
        return _worker_failure(path, doc_id, "memory", f"ran out of memory while extracting this file{cap}")
    for e in res.tables.get("errors", []):
        if str(e.get("message") or "").startswith("MemoryError"):
            e["error_type"] = "memory"
    return res


def _orphan_watch(run_pid: int) -> None:
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


def _worker_main(conn, max_memory_mb: int | None, hook: str | None = None, run_pid: int | None = None) -> None:
    """Worker loop: receive a path, send back (DocResult, peak RSS KB)."""
    import threading
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if hook:
        os.environ[TEST_HOOK_ENV] = hook
    else:
        os.environ.pop(TEST_HOOK_ENV, None)
    threading.Thread(target=_orphan_watch, args=(run_pid or os.getppid(),), daemon=True).start()
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
        res = _run_one(path, max_memory_mb)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            conn.send((res, rss))
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, ctx, max_memory_mb):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, daemon=True,
                                args=(child, max_memory_mb, os.environ.get(TEST_HOOK_ENV), os.getpid()))
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


def _context():
    """forkserver with the stages preloaded: workers start fast, without
    inheriting the parent's threads (progress bar) or open files (lock)."""
    global _CTX
    if _CTX is None:
        _CTX = mp.get_context("forkserver")
        _CTX.set_forkserver_preload(["pipeline.stages", "extractors.entities.assemble"])
    return _CTX


def extract_all(paths: list[str], jobs: int, progress=None, *, timeout: float | None = None,
                max_memory_mb: int | None = None, doc_ids: dict[str, str | None] | None = None,
                rss: dict[int, float] | None = None) -> list[DocResult]:
    """Process paths with `jobs` worker processes (jobs=0: in this process,
    for debugging, without limits). Returns results in input order."""
    results: dict[str, DocResult] = {}

    def done(p, res):
        results[p] = res
        if progress:
            progress(res)

    if jobs <= 0:
        for p in paths:
            done(p, _run_one(p, None))
        return [results[p] for p in paths]
    doc_ids = doc_ids or {}
    ctx = _context()
    todo = list(reversed(paths))
    workers: list[_Worker] = []
    try:
        while todo or any(w.path for w in workers):
            # keep min(jobs, remaining) workers busy
            while todo and len(workers) < jobs and sum(1 for w in workers if w.path is None) < len(todo):
                workers.append(_Worker(ctx, max_memory_mb))
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
                if w.conn in ready:
                    try:
                        res, kb = w.conn.recv()
                    except (EOFError, OSError):
                        res = None
                    if res is not None:
                        w.peak_kb = max(w.peak_kb, kb)
                        w.path = None
                        done(p, res)
                        continue
                if w.conn in ready or w.proc.sentinel in ready:
                    w.proc.join(timeout=5)
                    code = w.proc.exitcode
                    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                    msg = f"the worker process died while reading this file ({how})"
                    if max_memory_mb:
                        msg += f"; it may have hit the memory cap of {max_memory_mb} MB"
                    _retire(w, workers, rss)
                    done(p, _worker_failure(p, doc_ids.get(p), "crash", msg))
                elif timeout and now - w.started >= timeout:
                    _retire(w, workers, rss, kill=True)
                    done(p, _worker_failure(p, doc_ids.get(p), "timeout",
                                            f"stopped after {timeout:g}s (--timeout); the file took too long to extract"))
    finally:
        for w in list(workers):
            _retire(w, workers, rss, kill=bool(w.path))
    return [results[p] for p in paths]


def _retire(w: _Worker, workers: list[_Worker], rss: dict[int, float] | None, kill: bool = False) -> None:
    if rss is not None and w.peak_kb:
        rss[w.proc.pid] = round(w.peak_kb / 1024, 1)
    w.stop(kill=kill or not w.proc.is_alive())
    workers.remove(w)


# --------------------------------------------------------------------- run


def _hash_file(path: str) -> str | None:
    """doc_id of the file's bytes (same as extractors.loaders.doc_id_for),
    None for an empty file."""
    from extractors.loaders import doc_id_for
    data = Path(path).read_bytes()
    return doc_id_for(data) if data else None


def run(inputs: list[str], out: str, jobs: int | None = None, show_progress: bool | None = None, *,
        timeout: float | None = None, max_memory_mb: int | None = None, force: bool = False,
        lock_wait: float = 5.0) -> RunSummary:
    """Extract `inputs` into OUT. Raises FileNotFoundError (missing input)
    and pipeline.lock.LockBusy (another run holds OUT)."""
    t0 = time.perf_counter()
    paths = discover(inputs)
    jobs = default_jobs() if jobs is None else jobs
    Path(out).mkdir(parents=True, exist_ok=True)
    with OutputLock(out, wait=lock_wait):
        summary = _run_locked(paths, out, jobs, show_progress, timeout, max_memory_mb, force)
    summary.seconds = time.perf_counter() - t0
    return summary


def _run_locked(paths, out, jobs, show_progress, timeout, max_memory_mb, force) -> RunSummary:
    summary = RunSummary(files=len(paths))
    version = cache_version()
    limits = {"timeout": timeout, "max_memory_mb": max_memory_mb}
    hashes: dict[str, str | None] = {}
    for p in paths:
        try:
            hashes[p] = _hash_file(p)
        except OSError:
            hashes[p] = None

    # nothing changed since the last publish: leave the tables alone
    man = read_manifest(out)
    if (not force and man and man.get("cache_version") == version and man.get("store")
            and man.get("store") == current_store(out)
            and not any(f.get("worker_error") == "crash" for f in man.get("files", []))
            and (man.get("limits") == limits or not any(f.get("worker_error") for f in man.get("files", [])))
            and [[p, hashes[p]] for p in paths] == [[f["path"], f["doc_id"]] for f in man.get("files", [])]):
        for f in man["files"]:
            setattr(summary, f["status"], getattr(summary, f["status"]) + 1)
        summary.reused = len(paths)
        summary.rows = dict(man.get("rows", {}))
        return summary

    cache = RowCache(out, version)
    results: dict[str, DocResult] = {}
    todo: list[str] = []
    first_path: dict[str, str] = {}   # doc_id -> first path to be extracted
    dupes: list[str] = []
    for p in paths:
        hit = None if force else cache.get(hashes[p], p, limits)
        if hit is not None:
            status, tables, meta = hit
            results[p] = DocResult(path=p, doc_id=hashes[p], status=status, tables=tables)
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

    def progress(res: DocResult):
        nonlocal count
        count += 1
        werr = worker_error_type(res)
        # cache as soon as a file is done, so a killed run's work is kept
        if res.doc_id and res.doc_id == hashes.get(res.path):
            cache.put(res.doc_id, res.path, res.status, res.tables, limits, werr, res.seconds)
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(Path(res.path).name[:40])
        else:
            log.info("[%d/%d] %s %s (%.1fs)", count, len(todo), res.status, res.path, res.seconds)

    rss: dict[int, float] = {}
    for p, res in zip(todo, extract_all(todo, jobs, progress, timeout=timeout, max_memory_mb=max_memory_mb,
                                        doc_ids=hashes, rss=rss)):
        results[p] = res
    if bar is not None:
        bar.close()
    summary.extracted = len(todo)
    summary.worker_peak_rss_mb = rss
    for p in dupes:
        hit = cache.get(hashes[p], p, limits)
        if hit is None:  # the first copy's rows could not be cached (crash): same failure
            src = results[first_path[hashes[p]]]
            hit = (src.status, _with_path(src.tables, p), {})
        results[p] = DocResult(path=p, doc_id=hashes[p], status=hit[0], tables=hit[1])
        summary.reused += 1

    tables: dict[str, list[dict]] = {}
    files = []
    for p in paths:
        res = results[p]
        setattr(summary, res.status, getattr(summary, res.status) + 1)
        for name, rows in res.tables.items():
            tables.setdefault(name, []).extend(rows)
        files.append({"path": p, "doc_id": hashes[p], "status": res.status, "worker_error": worker_error_type(res)})
    store = write_tables(out, tables)
    summary.published = True
    summary.rows = {k: len(v) for k, v in sorted(tables.items())}
    write_manifest(out, {"pipeline_version": __version__, "cache_version": version, "store": store.name,
                         "limits": limits, "files": files, "rows": summary.rows,
                         "published_at": _now().isoformat()})
    cache.prune({h for h in hashes.values() if h})
    return summary


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


__all__ = ["run", "extract_all", "RunSummary", "default_jobs", "LockBusy", "TEST_HOOK_ENV", "__version__"]
