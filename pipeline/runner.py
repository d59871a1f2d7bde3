"""Batch runner: every input file through `process_file`, in worker
processes, then one atomic publish of all tables.

Each document runs in a worker process, so a crash (segfault, out of
memory) in one file's parser costs that file only: the pool is rebuilt, the
crashing file gets an `errors` row, and the other files are retried.
Results are sorted before writing, so the tables do not depend on --jobs.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pipeline import __version__
from pipeline.io import discover, write_tables
from pipeline.stages import DocResult, document_row, process_file

log = logging.getLogger("council_extract")


@dataclass
class RunSummary:
    files: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """0 = every file ok; 1 = at least one file failed or was partial."""
        return 0 if (self.failed == 0 and self.partial == 0) else 1


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def _crash_result(path: str, message: str) -> DocResult:
    now = datetime.now(timezone.utc).replace(microsecond=0)
    err = {"doc_id": None, "path": path, "stage": "worker", "error_type": "crash",
           "severity": "error", "message": message}
    return DocResult(path=path, doc_id=None, status="failed",
                     tables={"errors": [err], "documents": [document_row(path, None, None, None, None, "failed", now)]})


def extract_all(paths: list[str], jobs: int, progress=None) -> list[DocResult]:
    """Process paths with `jobs` worker processes (jobs=0: in this process,
    for debugging). Returns results in input order."""
    results: dict[str, DocResult] = {}
    if jobs <= 0:
        for p in paths:
            results[p] = process_file(p)
            if progress:
                progress(results[p])
        return [results[p] for p in paths]
    pending = list(paths)
    suspects: list[str] = []
    while pending or suspects:
        if suspects:  # after a crash, retry the in-flight files one by one
            batch, width = [suspects.pop(0)], 1
        else:
            batch, pending, width = pending, [], jobs
        with ProcessPoolExecutor(max_workers=min(width, len(batch))) as ex:
            futs = {ex.submit(process_file, p): p for p in batch}
            try:
                not_done = set(futs)
                while not_done:
                    done, not_done = wait(not_done, return_when=FIRST_COMPLETED)
                    for f in done:
                        p = futs[f]
                        res = f.result()
                        results[p] = res
                        if progress:
                            progress(res)
            except BrokenProcessPool:
                unfinished = [p for f, p in futs.items() if p not in results]
                if width == 1:
                    for p in unfinished:
                        results[p] = _crash_result(p, "the worker process died while reading this file (crash or out of memory)")
                        if progress:
                            progress(results[p])
                else:
                    suspects.extend(unfinished)
    return [results[p] for p in paths]


def run(inputs: list[str], out: str, jobs: int | None = None, show_progress: bool | None = None) -> RunSummary:
    t0 = time.perf_counter()
    paths = discover(inputs)
    jobs = default_jobs() if jobs is None else jobs
    summary = RunSummary(files=len(paths))
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    bar = None
    if show_progress and paths:
        from tqdm import tqdm
        bar = tqdm(total=len(paths), unit="file", desc="extract", file=sys.stderr)

    count = 0

    def progress(res: DocResult):
        nonlocal count
        count += 1
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(Path(res.path).name[:40])
        else:
            log.info("[%d/%d] %s %s (%.1fs)", count, len(paths), res.status, res.path, res.seconds)

    results = extract_all(paths, jobs, progress)
    if bar is not None:
        bar.close()
    tables: dict[str, list[dict]] = {}
    for res in results:
        summary.ok += res.status == "ok"
        summary.partial += res.status == "partial"
        summary.failed += res.status == "failed"
        for name, rows in res.tables.items():
            tables.setdefault(name, []).extend(rows)
    write_tables(out, tables)
    summary.rows = {k: len(v) for k, v in sorted(tables.items())}
    summary.seconds = time.perf_counter() - t0
    return summary


__all__ = ["run", "extract_all", "RunSummary", "default_jobs", "__version__"]
