"""The batch: bad files become errors rows without stopping the batch,
ids are stable across runs, and publishing is atomic."""
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from pipeline.engine import io as pio
from pipeline.engine.runner import run
from schemas.tables import TABLE_NAMES

pytestmark = pytest.mark.needs_shared
REPO = Path(__file__).resolve().parent.parent


def _bad_files(folder: Path) -> dict[str, str]:
    """name -> expected error_type"""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "html_saved_as.pdf").write_bytes(b"<html><body>404 Not Found</body></html>")
    (folder / "random.docx").write_bytes(bytes(range(256)) * 4)
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 50)
    (folder / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    return {"empty.pdf": "empty", "html_saved_as.pdf": "corrupt", "random.docx": "corrupt",
            "sheet.xlsx": "corrupt", "legacy.doc": "unsupported_format"}


def _table(out, name):
    return ds.dataset(Path(out) / name, format="parquet").to_table().to_pylist()


def test_bad_files_give_error_rows_and_the_batch_goes_on(tmp_path, seed_paths):
    raw = tmp_path / "raw"
    expected = _bad_files(raw / "bad")
    (raw / "good").mkdir()
    good = raw / "good" / seed_paths[0].name
    good.write_bytes(seed_paths[0].read_bytes())
    out = tmp_path / "out"
    summary = run([str(raw)], str(out), jobs=2, show_progress=False)
    assert summary.files == len(expected) + 2
    assert summary.exit_code == 1
    errors = {Path(e["path"]).name: e for e in _table(out, "errors") if e["severity"] == "error"}
    for name, etype in expected.items():
        assert name in errors, name
        assert errors[name]["error_type"] == etype, (name, errors[name])
        assert errors[name]["message"]
    assert "truncated.pdf" in errors
    docs = {Path(d["path"]).name: d for d in _table(out, "documents")}
    assert docs[good.name]["status"] in ("ok", "partial")
    assert docs["empty.pdf"]["status"] == "failed"
    assert any(s["doc_id"] == docs[good.name]["doc_id"] for s in _table(out, "sections"))


def _snapshot(out):
    snap = {}
    for name in TABLE_NAMES:
        rows = _table(out, name)
        for r in rows:
            r.pop("extracted_at", None)
        snap[name] = rows
    return snap


def test_ids_and_rows_are_stable_across_runs_and_job_counts(tmp_path, seed_paths):
    a, b = tmp_path / "a", tmp_path / "b"
    run([str(p) for p in seed_paths], str(a), jobs=1, show_progress=False)
    run([str(p) for p in seed_paths], str(b), jobs=2, show_progress=False)
    sa, sb = _snapshot(a), _snapshot(b)
    assert sa == sb
    ids = [d["doc_id"] for d in sa["documents"]]
    assert len(set(ids)) == len(seed_paths)
    sec_ids = [s["section_id"] for s in sa["sections"]]
    assert len(sec_ids) == len(set(sec_ids)) > 50


def test_a_failed_publish_leaves_the_previous_tables_intact(tmp_path, seed_paths, monkeypatch):
    out = tmp_path / "out"
    run([str(seed_paths[0])], str(out), jobs=0, show_progress=False)
    before = _snapshot(out)
    calls = {"n": 0}
    real = pio.pq.write_table

    def dying_write(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(pio.pq, "write_table", dying_write)
    with pytest.raises(OSError):
        run([str(p) for p in seed_paths], str(out), jobs=0, show_progress=False)
    monkeypatch.undo()
    assert _snapshot(out) == before
    # DuckDB reads the published tables the way users do
    n = duckdb.connect().execute(f"select count(*) from read_parquet('{out}/documents/**/*.parquet')").fetchone()[0]
    assert n == 1


def test_cli_exit_codes(tmp_path, seed_paths):
    out = tmp_path / "o"
    ok = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(seed_paths[0]), "--out", str(out), "-q"],
                        cwd=REPO, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "1 files: 1 ok" in ok.stdout
    missing = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "nope.pdf"), "--out", str(out)],
                             cwd=REPO, capture_output=True, text=True)
    assert missing.returncode == 2
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    failed = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(bad), "--out", str(out), "-q"],
                            cwd=REPO, capture_output=True, text=True)
    assert failed.returncode == 1
