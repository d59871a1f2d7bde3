"""Fault injection for the batch and cluster tests. It lives only here:
production code has no test hook.

A fault spec names what goes wrong for which file (matched on the file
name): "crash:NAME,hang:NAME,alloc:NAME,raise:NAME,die:NAME".

- crash, hang, alloc happen in the worker process extracting the file: it
  os._exit(1)s, sleeps forever, or allocates until it hits its memory cap.
  `FaultyProcess` does them, in place of the runner's per-document function
  `pipeline.engine.runner.process_document`. A run looks that function up
  when it starts and sends it with every worker and task, so the
  replacement reaches forkserver workers and cluster workers too.
- raise, die happen in the dask task before its file is extracted: the task
  raises (the engine retries it) or the dask worker process dies (the engine
  reschedules it). `FaultyTask` does them, in place of
  `pipeline.engine.cluster.extract_task`, which the dask executor submits.

Both wrappers are picklable (module-level classes, compared by value), so
a worker that already runs the same faults is kept from task to task.
Worker processes import this module by name: tests/ is on their sys.path,
which multiprocessing and dask pass on from the test process.

In a test: `install(spec, monkeypatch)` (undone with the monkeypatch, or by
`install(None, monkeypatch)`). From a subprocess: `python
tests/fault_injection.py SPEC extract ...` runs the CLI with the faults.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

from pipeline.engine import cluster, runner

# the real functions, taken before any test replaces them
REAL_PROCESS = runner.process_document
REAL_TASK = cluster.extract_task


def actions(path: str, spec: str | None) -> set[str]:
    """The actions `spec` names for this file (matched on the file name)."""
    if not spec:
        return set()
    name = os.path.basename(path)
    return {action for action, _, target in (item.partition(":") for item in spec.split(",")) if target == name}


@dataclass(frozen=True)
class FaultyProcess:
    """The per-document function, with the worker-side faults of `spec`."""
    spec: str

    def __call__(self, path: str):
        acts = actions(path, self.spec)
        if "crash" in acts:
            os._exit(1)
        if "hang" in acts:
            while True:
                time.sleep(60)
        if "alloc" in acts:
            hog = []
            while True:
                hog.append(bytearray(64 * 1024 * 1024))
        return REAL_PROCESS(path)


@dataclass(frozen=True)
class FaultyTask:
    """The dask task, with the task-side faults of `spec`."""
    spec: str

    def __call__(self, path: str, doc_id, task_spec):
        acts = actions(path, self.spec)
        if "raise" in acts:
            raise RuntimeError("test hook: the task raised")
        if "die" in acts:
            os._exit(1)  # the dask worker process dies: the engine reschedules the task
        return REAL_TASK(path, doc_id, task_spec)


def install(spec: str | None, monkeypatch=None) -> None:
    """Make runs started from now on misbehave as `spec` says (None: no
    faults, the real functions back)."""
    process = FaultyProcess(spec) if spec else REAL_PROCESS
    task = FaultyTask(spec) if spec else REAL_TASK
    for module, name, value in ((runner, "process_document", process), (cluster, "extract_task", task)):
        if monkeypatch is None:
            setattr(module, name, value)
        else:
            monkeypatch.setattr(module, name, value)


if __name__ == "__main__":  # python tests/fault_injection.py SPEC extract ...
    import fault_injection  # this file under its module name, so workers can unpickle its classes

    from pipeline.cli import main
    fault_injection.install(sys.argv[1])
    sys.exit(main(sys.argv[2:]))
