"""The dask executor: `council-extract extract ... --executor dask
[--scheduler tcp://HOST:PORT]`.

It maps the runner's per-document function (`runner.run_one`, the one the
local pool runs) over a Dask distributed cluster and reports each file's
outcome to the runner. Everything else in a run — hashing, the row cache
and manifest, duplicates, the commit — is `runner.run`'s, the same
for both executors, so a cluster run gives the same ids and rows.
Without `--scheduler` it starts a LocalCluster of `--jobs` worker
processes (one thread each) on 127.0.0.1 and closes it at the end.

What a task (`extract_task`) does, on a dask worker:

1. It runs `run_one` on its file in a child process of the dask worker (a
   `runner.Worker`, one per worker thread, kept from task to task) and
   waits for it exactly as the local pool does (`runner.run_in_worker`):
   a child still busy after `--timeout` is killed (`timeout` row), a child
   that dies gives a `crash` row, `--max-memory-mb` is the child's
   RLIMIT_AS (`memory` rows). Dask cannot stop a running task, so the
   per-task timeout is ours, not the engine's; running in a child also
   keeps a pathological file from taking the dask worker down with it.
2. It writes the document's rows to the row cache of OUT
   (OUT/.cache/<version>/<doc_id>/, one Parquet file per table): the
   task's Parquet parts, which the runner's commit step reads. Only a
   small report travels back; rows travel back only when they cannot be
   cached (a crash) or OUT is not visible from the worker.

What is the engine's: placement and load balancing, `retries=` (a task
that raises, e.g. on a storage error, is run again, up to `--retries`
times) and rescheduling the tasks of a worker process that died (up to
the scheduler's `distributed.scheduler.allowed-failures`, then the task
fails with KilledWorker). A file whose task finally fails gets an `errors`
row, stage `worker`: KilledWorker -> `crash`, any other exception ->
`exception`. Neither is cached, so the next run tries the file again.

The tasks are submitted through a bounded window (a few per worker
thread), so a million-file backfill does not put a million futures on the
scheduler at once, and results are released as soon as they are reported.
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing as mp
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.engine import runner
from pipeline.engine.runner import TaskSpec
from pipeline.engine.stages import DocResult

log = logging.getLogger("council_extract")

DEFAULT_RETRIES = 2
# Scheduler settings for clusters this module starts (and recommended for
# any other: docs/scaling.md). A worker that dies counts a failure against
# every task it holds, not only the one that killed it; with the default
# worker-saturation (1.1) a one-thread worker holds two, so an innocent file
# queued behind a crashing one could end as KilledWorker. At 1.0 a worker
# holds only the tasks it is running.
SCHEDULER_CONFIG = {"distributed.scheduler.worker-saturation": 1.0}
_PROBE = ".cluster-probe-"


class ClusterError(RuntimeError):
    """The cluster cannot run this job (unreachable scheduler, no workers,
    workers on another code version). Nothing is published."""


@dataclass
class TaskReport:
    """What a task sends back: the outcome, and the rows only when they are
    not in the row cache (stored=False)."""
    path: str
    doc_id: str | None
    status: str
    worker_error: str | None
    seconds: float
    stored: bool
    tables: dict | None
    pid: int | None = None
    peak_kb: int = 0


# ------------------------------------------------------------ on the worker

_local = threading.local()


@contextlib.contextmanager
def _children_allowed():
    """Dask starts worker processes as daemons, and multiprocessing refuses
    to start a child from a daemon process (it could not be cleaned up when
    the daemon is killed). Our children watch their parent and exit within
    a second of it going (runner.orphan_watch), so lift the flag while one
    starts."""
    cfg = mp.current_process()._config
    was = cfg.get("daemon")
    cfg["daemon"] = False
    try:
        yield
    finally:
        if was is None:
            cfg.pop("daemon", None)
        else:
            cfg["daemon"] = was


def _sidecar(spec: TaskSpec) -> "runner.Worker":
    """This thread's extraction process (started on first use, replaced
    after a timeout or crash, or when the limits or the per-document
    function change)."""
    w = getattr(_local, "worker", None)
    if w is not None and (not w.proc.is_alive() or w.max_memory_mb != spec.max_memory_mb
                          or w.process != spec.process):
        w.stop(kill=not w.proc.is_alive())
        w = None
    if w is None:
        with _children_allowed():
            w = runner.Worker(runner.worker_context(), spec.max_memory_mb, spec.process)
        _local.worker = w
    return w


def worker_cache_version() -> str:
    from pipeline.engine.manifest import cache_version
    return cache_version()


def extract_task(path: str, doc_id: str | None, spec: TaskSpec) -> TaskReport:
    """One file, on a dask worker: `run_one` in this thread's child
    process under the run's limits, then its rows into OUT's row cache."""
    from pipeline.engine.manifest import RowCache
    if spec.cache_version and worker_cache_version() != spec.cache_version:
        raise ClusterError(f"this worker runs council-extract {worker_cache_version()}, the run is "
                           f"{spec.cache_version}: install the same code on every worker")
    w = _sidecar(spec)
    res, retire = runner.run_in_worker(w, path, spec.timeout, spec.max_memory_mb, doc_id)
    pid, kb = w.proc.pid, w.peak_kb
    if retire:
        w.stop(kill=retire == "kill" or not w.proc.is_alive())
        _local.worker = None
    werr = runner.worker_error_type(res)
    stored = False
    if spec.out and res.doc_id and res.doc_id == doc_id:
        stored = RowCache(spec.out, spec.cache_version).put(res.doc_id, path, res.status, res.tables,
                                                            spec.limits or {}, werr, res.seconds)
    return TaskReport(path=path, doc_id=res.doc_id, status=res.status, worker_error=werr, seconds=res.seconds,
                      stored=stored, tables=None if stored else res.tables, pid=pid, peak_kb=kb)


def _sees(path: str) -> bool:
    return os.path.exists(path)


# ------------------------------------------------------------- on the driver


class DaskExecutor:
    """Runs `extract_task` for every file on a Dask cluster: the scheduler
    at `scheduler`, or a LocalCluster of `n_workers` processes started (and
    closed) here."""
    name = "dask"

    def __init__(self, scheduler: str | None = None, n_workers: int | None = None, retries: int | None = None,
                 window: int | None = None, memory_limit: str | int | None = "auto"):
        self.scheduler = scheduler
        self.n_workers = n_workers or runner.default_jobs()
        self.retries = DEFAULT_RETRIES if retries is None else retries
        self.window = window
        self.memory_limit = memory_limit
        self.rss: dict[int, float] = {}

    @contextlib.contextmanager
    def client(self):
        import dask
        from distributed import Client, LocalCluster
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="30s")
            except (OSError, TimeoutError) as e:
                raise ClusterError(f"cannot reach the dask scheduler at {self.scheduler}: {e}") from None
            with client:
                yield client
            return
        dlog = logging.getLogger("distributed")
        level = dlog.level
        dlog.setLevel(max(level, logging.WARNING))  # not the cluster's start/stop chatter
        try:
            with dask.config.set(SCHEDULER_CONFIG), \
                    LocalCluster(n_workers=self.n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                 dashboard_address="127.0.0.1:0", memory_limit=self.memory_limit,
                                 silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
                yield client
        finally:
            dlog.setLevel(level)

    def _check(self, client, spec: TaskSpec) -> TaskSpec:
        """Before any task: the workers exist, run our code version, and see
        OUT (else their rows come back through the scheduler instead)."""
        try:
            client.wait_for_workers(1, timeout=60)
        except (TimeoutError, OSError):
            raise ClusterError(f"no dask worker joined the scheduler {self.scheduler or 'local cluster'} "
                               "within 60s") from None
        versions = client.run(worker_cache_version)
        other = {w: v for w, v in versions.items() if v != spec.cache_version}
        if other:
            w, v = sorted(other.items())[0]
            raise ClusterError(f"dask worker {w} runs council-extract {v}, this run is {spec.cache_version}: "
                               "install the same code on the workers as on this machine")
        if spec.out:
            cache_root = Path(spec.out) / ".cache"
            cache_root.mkdir(parents=True, exist_ok=True)
            probe = cache_root / f"{_PROBE}{uuid.uuid4().hex[:12]}"
            probe.touch()
            try:
                blind = sorted(w for w, ok in client.run(_sees, str(probe)).items() if not ok)
            finally:
                probe.unlink(missing_ok=True)
            if blind:
                log.warning("dask workers %s do not see the output folder %s: their rows come back through the "
                            "scheduler (put OUT on a filesystem every worker mounts at the same path)",
                            ", ".join(blind), spec.out)
                spec = dataclasses.replace(spec, out=None)
        return spec

    def map(self, paths: list[str], spec: TaskSpec, doc_ids: dict[str, str | None], done) -> None:
        """Run every path through `extract_task`; call done(result, stored,
        worker_error) as each finishes. An interrupt cancels what is left."""
        from distributed import as_completed
        with self.client() as client:
            spec = self._check(client, spec)
            nthreads = sum(client.nthreads().values()) or 1
            window = self.window or max(8, 4 * nthreads)
            run = uuid.uuid4().hex[:8]
            queue = iter(enumerate(paths))
            pending: dict = {}

            def submit():
                for i, p in queue:
                    f = client.submit(extract_task, p, doc_ids.get(p), spec, key=f"council-extract-{run}-{i:08d}",
                                      retries=self.retries, pure=False)
                    pending[f.key] = (f, p)
                    return f
                return None

            first = [f for f in (submit() for _ in range(min(window, len(paths)))) if f is not None]
            # with_results: each result is fetched as soon as its task ends, so a worker
            # that dies later does not take finished results with it
            ac = as_completed(first, with_results=True, raise_errors=False)
            try:
                for fut, outcome in ac:
                    _, p = pending.pop(fut.key)
                    if fut.status == "error" and isinstance(outcome, tuple):
                        outcome = outcome[1]  # (type, exception, traceback)
                    self._report(outcome, p, doc_ids.get(p), done)
                    fut.release()
                    nxt = submit()
                    if nxt is not None:
                        ac.add(nxt)
            except BaseException:
                client.cancel([f for f, _ in pending.values()])
                raise

    def _report(self, outcome, path: str, doc_id: str | None, done) -> None:
        """A task's TaskReport, or the exception it finally failed with."""
        from distributed import KilledWorker
        if isinstance(outcome, TaskReport):
            rep = outcome
            if rep.pid and rep.peak_kb:
                self.rss[rep.pid] = max(self.rss.get(rep.pid, 0.0), round(rep.peak_kb / 1024, 1))
            res = DocResult(path=path, doc_id=rep.doc_id, status=rep.status, tables=rep.tables or {},
                            seconds=rep.seconds)
            done(res, rep.stored, rep.worker_error)
            return
        if isinstance(outcome, KilledWorker):
            etype = "crash"
            msg = (f"the dask worker process running this file died {outcome.allowed_failures + 1} times "
                   "(KilledWorker); the file may crash its worker or exhaust the worker's memory limit")
        else:
            etype = "exception"
            msg = (f"the task failed on the cluster after {self.retries + 1} attempt(s): "
                   f"{type(outcome).__name__}: {outcome}")
        done(runner.worker_failure(path, doc_id, etype, msg), False, etype)


__all__ = ["DaskExecutor", "ClusterError", "TaskReport", "extract_task", "DEFAULT_RETRIES"]
