"""The dask executor (issue 7): the same extraction on a cluster.

A module-scoped LocalCluster (2 worker processes, 1 thread each, on
127.0.0.1) stands in for a real one; runs reach it through `--scheduler
ADDRESS`, as they would a remote scheduler. Inputs: the three smallest Kent
PDFs (chosen by size) and two seed papers, copied to a temp folder. Every
test compares against a local `--jobs 2` run of the same files.
"""
import hashlib
import os
import shutil
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

import fault_injection
from pipeline.engine import commit as commit_mod
from pipeline.cli import main
from pipeline.engine.cluster import SCHEDULER_CONFIG, DaskExecutor
from pipeline.engine.io import CURRENT
from pipeline.engine.manifest import CACHE, read_manifest
from pipeline.engine.runner import run
from schemas.tables import TABLE_NAMES

pytestmark = pytest.mark.needs_shared
TIMEOUT = 5  # seconds; a normal file here takes well under 1 s


@pytest.fixture(scope="module")
def scheduler():
    """Address of a LocalCluster of 2 worker processes on loopback, closed
    (workers and their extraction processes with it) after the module.
    allowed-failures=1: a task whose worker dies twice fails with
    KilledWorker (the default, 3, only makes the test slower). The
    scheduler settings the executor uses for its own clusters: a worker
    holds only the task it runs, so a dying worker takes no innocent task's
    failure count with it."""
    import dask
    from distributed import LocalCluster
    with dask.config.set({**SCHEDULER_CONFIG, "distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory, shared_dir, seed_paths):
    d = tmp_path_factory.mktemp("cluster") / "raw"
    d.mkdir()
    pdfs = sorted((shared_dir / "corpus" / "kent").glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))[:3]
    for i, p in enumerate(pdfs):
        shutil.copy(p, d / f"kent_{i}.pdf")
    for p in seed_paths[:2]:
        shutil.copy(p, d / p.name)
    return d


@pytest.fixture(scope="module")
def local_ref(sample, tmp_path_factory):
    """The tables of a local --jobs 2 run of the sample."""
    out = tmp_path_factory.mktemp("local") / "out"
    s = run([str(sample)], str(out), jobs=2, show_progress=False)
    assert (s.files, s.ok) == (5, 5)
    return _snapshot(out)


def _snapshot(out, drop_time=True):
    """Every table, as row dicts; `extracted_at` (when a file was extracted:
    the only run-dependent column, docs/design.md) dropped."""
    snap = {}
    for name in TABLE_NAMES:
        rows = ds.dataset(Path(out) / name, format="parquet").to_table().to_pylist()
        if drop_time:
            for r in rows:
                r.pop("extracted_at", None)
        snap[name] = rows
    return snap


def _file_hashes(out):
    return {f"{n}/{f.name}": hashlib.sha256(f.read_bytes()).hexdigest()
            for n in TABLE_NAMES for f in sorted((Path(out) / n).glob("*.parquet"))}


def _by_name(snap, table="documents"):
    return {Path(r["path"]).name: r for r in snap[table]}


def _extract(*args):
    return main(["extract", *map(str, args), "-q"])


def test_a_dask_run_gives_the_same_tables_as_a_local_run(sample, local_ref, scheduler, tmp_path):
    out = tmp_path / "out"
    assert _extract(sample, "--out", out, "--executor", "dask", "--scheduler", scheduler) == 0
    assert _snapshot(out) == local_ref
    # the workers wrote each document's rows (its parts) to the row cache; one commit published them
    man = read_manifest(out)
    assert len(list((out / CACHE / man["cache_version"]).iterdir())) == 5
    assert all(os.readlink(out / n) == os.path.join(CURRENT, n) for n in TABLE_NAMES)
    # a re-run with nothing changed does no work, on the cluster too
    hashes = _file_hashes(out)
    s = run([str(sample)], str(out), executor="dask", scheduler=scheduler, show_progress=False)
    assert (s.extracted, s.reused, s.published) == (0, 5, False)
    assert _file_hashes(out) == hashes


def test_file_urls_for_inputs_and_output(sample, local_ref, scheduler, tmp_path):
    out = tmp_path / "out"
    assert _extract(sample.as_uri(), "--out", out.as_uri(), "--executor", "dask", "--scheduler", scheduler) == 0
    snap = _snapshot(out)
    # same rows; `path` is the URL the file was given as
    assert sorted(r["path"] for r in snap["documents"]) == sorted((sample / n).as_uri() for n in _by_name(local_ref))
    for r in snap["documents"] + snap["errors"]:
        r["path"] = str(sample / Path(r["path"]).name)
    assert snap == local_ref


def test_an_object_store_style_url_is_read_through_fsspec(seed_paths, tmp_path):
    """memory:// stands in for s3:// and the like: the bytes are fetched
    through fsspec and extracted from a local copy (in-process, --jobs 0,
    since memory:// lives in this process only)."""
    import fsspec
    fs = fsspec.filesystem("memory")
    fs.pipe_file("/papers/a/seed.txt", seed_paths[0].read_bytes())
    fs.pipe_file("/papers/a/.hidden.txt", b"skip me")
    out_url, out_plain = tmp_path / "url", tmp_path / "plain"
    s = run(["memory://papers/a"], str(out_url), jobs=0, show_progress=False)
    run([str(seed_paths[0])], str(out_plain), jobs=0, show_progress=False)
    assert (s.files, s.ok) == (1, 1)
    a, b = _snapshot(out_url), _snapshot(out_plain)
    assert [d["path"] for d in a["documents"]] == ["memory:///papers/a/seed.txt"]
    assert a["documents"][0]["file_name"] == "seed.txt"
    for d in a["documents"] + b["documents"]:
        d.pop("path"), d.pop("file_name")
    assert a == b


def test_a_task_that_raises_crashes_or_hangs_becomes_an_errors_row_and_the_rest_complete(
        sample, local_ref, scheduler, tmp_path, monkeypatch):
    seeds = sorted(p.name for p in sample.glob("*.txt"))
    # the faults travel with each task: the workers were started before they were installed
    fault_injection.install(f"raise:kent_0.pdf,hang:kent_1.pdf,crash:{seeds[0]}", monkeypatch)
    out = tmp_path / "out"
    t0 = time.monotonic()
    s = run([str(sample)], str(out), executor="dask", scheduler=scheduler, timeout=TIMEOUT, retries=1,
            show_progress=False)
    assert time.monotonic() - t0 < TIMEOUT + 20
    assert (s.files, s.ok, s.failed, s.exit_code) == (5, 2, 3, 1)
    snap = _snapshot(out)
    errs = {Path(e["path"]).name: e for e in snap["errors"] if e["severity"] == "error"}
    assert {n: (e["stage"], e["error_type"]) for n, e in errs.items()} == {
        "kent_0.pdf": ("worker", "exception"), "kent_1.pdf": ("worker", "timeout"), seeds[0]: ("worker", "crash")}
    assert "2 attempt(s)" in errs["kent_0.pdf"]["message"] and "test hook" in errs["kent_0.pdf"]["message"]
    assert f"stopped after {TIMEOUT}s" in errs["kent_1.pdf"]["message"]
    assert all(e["doc_id"] for e in errs.values())
    docs = _by_name(snap)
    assert {n for n, d in docs.items() if d["status"] == "failed"} == set(errs)
    # the files that completed have exactly the rows of the local run
    for name in ("kent_2.pdf", seeds[1]):
        doc_id = _by_name(local_ref)[name]["doc_id"]
        assert {t: [r for r in rows if r.get("doc_id") == doc_id] for t, rows in snap.items()} == \
               {t: [r for r in rows if r.get("doc_id") == doc_id] for t, rows in local_ref.items()}
    # a raise is not remembered (the next run retries it); a timeout is, under the same limits, and so is
    # a crash that repeated (its retry, retries=1, crashed too: the file's fault, not the machine's)
    fault_injection.install(None, monkeypatch)
    s2 = run([str(sample)], str(out), executor="dask", scheduler=scheduler, timeout=TIMEOUT, show_progress=False)
    assert (s2.extracted, s2.ok, s2.failed) == (1, 3, 2)


def test_a_cancelled_or_failed_cluster_job_leaves_the_previous_tables_intact(sample, scheduler, tmp_path,
                                                                            monkeypatch):
    out = tmp_path / "out"
    seeds = sorted(str(p) for p in sample.glob("*.txt"))
    run(seeds, str(out), jobs=1, show_progress=False)
    before, hashes, man = _snapshot(out, drop_time=False), _file_hashes(out), read_manifest(out)

    class Interrupted(DaskExecutor):
        """Ctrl-C on the driver after the first file came back."""
        def _report(self, *a, **kw):
            super()._report(*a, **kw)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([str(sample)], str(out), executor=Interrupted(scheduler=scheduler), show_progress=False)
    assert _file_hashes(out) == hashes and _snapshot(out, drop_time=False) == before
    assert read_manifest(out) == man

    # every task finishes and writes its parts, but the commit step fails
    def broken_commit(*a, **kw):
        raise OSError("disk full")
    monkeypatch.setattr(commit_mod, "write_store", broken_commit)
    with pytest.raises(OSError):
        run([str(sample)], str(out), executor="dask", scheduler=scheduler, show_progress=False)
    assert _file_hashes(out) == hashes and _snapshot(out, drop_time=False) == before
    monkeypatch.undo()
    # the next run publishes from the parts the workers wrote: nothing is extracted again
    s = run([str(sample)], str(out), executor="dask", scheduler=scheduler, show_progress=False)
    assert (s.extracted, s.reused, s.published, s.ok) == (0, 5, True, 5)


def test_a_worker_process_that_dies_is_rescheduled_by_the_engine_then_becomes_a_crash_row(
        sample, scheduler, tmp_path, monkeypatch):
    fault_injection.install("die:kent_2.pdf", monkeypatch)
    out = tmp_path / "out"
    s = run([str(sample)], str(out), executor="dask", scheduler=scheduler, show_progress=False)
    assert (s.files, s.ok, s.failed) == (5, 4, 1)
    errs = [e for e in _snapshot(out)["errors"] if e["severity"] == "error"]
    assert [(Path(e["path"]).name, e["error_type"]) for e in errs] == [("kent_2.pdf", "crash")]
    assert "died 2 times (KilledWorker)" in errs[0]["message"]


def test_usage_errors_exit_2(tmp_path, seed_paths):
    seed = seed_paths[0]
    assert _extract(seed, "--out", "s3://bucket/tables") == 2
    assert _extract(seed, "--out", tmp_path / "o", "--executor", "dask", "--jobs", "0") == 2
    assert _extract(seed, "--out", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:8786") == 2
    assert not (tmp_path / "o" / "documents").exists()
