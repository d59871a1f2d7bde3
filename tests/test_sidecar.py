"""extract --meta FILE.csv: values a batch job knows fill or override the
documents rows; a changed sidecar re-publishes without re-extracting."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.engine.runner import run
from pipeline.engine.sidecar import SidecarError, read_sidecar

PAPER = ("TINTERN COMMUNITY COUNCIL\n\nMinutes of a meeting held on Monday 24th September 2018.\n\n"
         "2564. Police Report: Clerk to ask if we can have a police presence at the next meeting.\n")


def _docs(out):
    return duckdb.connect().execute(
        f"select file_name, council, committee, meeting_date, title from read_parquet('{out}/documents/**/*.parquet') "
        "order by file_name").fetchall()


def test_sidecar_values_fill_and_override_documents_rows(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(PAPER)
    (raw / "b.txt").write_text(PAPER.replace("2018", "2019"))
    meta = tmp_path / "meta.csv"
    meta.write_text("path,council,committee,meeting_date\nraw/a.txt,Tintern Community Council,Full Council,2018-09-24\n")
    out = tmp_path / "out"
    s1 = run([str(raw)], str(out), jobs=0, show_progress=False, meta=str(meta))
    rows = _docs(out)
    assert rows[0][:4] == ("a.txt", "Tintern Community Council", "Full Council", __import__("datetime").date(2018, 9, 24))
    assert rows[1][2] != "Full Council"             # b.txt: the paper's own values
    # the same sidecar: nothing to do; a changed one: re-published, not re-extracted
    s2 = run([str(raw)], str(out), jobs=0, show_progress=False, meta=str(meta))
    assert s2.published is False
    meta.write_text("path,committee\na.txt,Finance Committee\n")   # by file name alone
    s3 = run([str(raw)], str(out), jobs=0, show_progress=False, meta=str(meta))
    assert s3.published and s3.extracted == 0
    assert _docs(out)[0][2] == "Finance Committee"
    assert s1.extracted == 2


@pytest.mark.parametrize("text, message", [
    ("file,council\nx,y\n", "needs a 'path' column"),
    ("path,colour\na.txt,red\n", "unknown column"),
    ("path,council\nmissing.txt,X\n", "matches no input"),
    ("path,meeting_date\na.txt,soon\n", "not a date"),
])
def test_bad_sidecars_are_usage_errors(tmp_path, text, message):
    meta = tmp_path / "meta.csv"
    meta.write_text(text)
    with pytest.raises(SidecarError, match=message):
        read_sidecar(str(meta), [str(tmp_path / "a.txt")])
