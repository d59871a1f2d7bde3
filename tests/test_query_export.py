"""`council-extract query` / `export`, the action_plan view and the data
dictionary, on the three seed papers extracted into a temp folder."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from schemas.tables import COLUMNS

SEED_004 = "85f6ce208d97a02abbd9"  # doc_id of ../shared/seeds/004_b592e2ca0b29f1f3.txt


@pytest.fixture(scope="module")
def data(seed_paths, tmp_path_factory):
    from pipeline.engine.runner import run
    out = tmp_path_factory.mktemp("qe") / "out"
    summary = run([str(p) for p in seed_paths], out, jobs=0, show_progress=False)
    assert summary.files == 3
    return out


@pytest.fixture(scope="module")
def tables(data):
    from pipeline.engine.io import read_table
    return {t: read_table(data, t) for t in COLUMNS}


def q(data, sql, *extra, capsys):
    capsys.readouterr()
    rc = main(["query", sql, "--data", str(data), *extra])
    out, err = capsys.readouterr()
    assert rc == 0, err
    return out


pytestmark = pytest.mark.needs_shared


def test_every_table_is_a_view_with_its_rows(data, tables, capsys):
    for t in COLUMNS:
        got = json.loads(q(data, f"select count(*) as n from {t}", "--format", "json", capsys=capsys))
        assert got == [{"n": tables[t].num_rows}], t
    assert tables["documents"].num_rows == 3


def test_recommendation_counts_match_table(data, tables, capsys):
    rows = json.loads(q(data, "select doc_id, kind, count(*) as n from recommendations group by all "
                              "order by doc_id, kind", "-f", "json", capsys=capsys))
    assert sum(r["n"] for r in rows) == tables["recommendations"].num_rows
    by = {(r["doc_id"], r["kind"]): r["n"] for r in rows}
    # seed 004 (an Ofsted progress report) lists 17 improvement recommendations
    assert by[(SEED_004, "improvement")] >= 13


def test_action_plan_has_every_recommendation_and_every_action(data, tables, capsys):
    rows = json.loads(q(data, "select * from action_plan", "-f", "json", "--as-of", "2019-01-01", capsys=capsys))
    recs = set(tables["recommendations"].column("rec_id").to_pylist())
    assert {r["rec_id"] for r in rows if r["rec_id"]} == recs
    actions = dict(zip(tables["actions"].column("action_id").to_pylist(), tables["actions"].column("rec_id").to_pylist()))
    assert {r["action_id"] for r in rows if r["action_id"]} == set(actions)
    # an action no recommendation holds is a row of its own, recommendation columns empty
    for r in rows:
        if r["action_id"]:
            assert r["rec_id"] == actions[r["action_id"]]
    # one row per (recommendation, action); a recommendation without actions gives one row
    assert len(rows) == len({(r["rec_id"], r["action_id"]) for r in rows})
    # rows come with their document's meeting date and council
    assert all(r["meeting_date"] for r in rows)
    assert {r["council"] for r in rows} >= {"Rutland County Council"}
    # owners and due dates are carried over from the owners / timescales tables
    assert sum(1 for r in rows if r["owners"]) > 0
    assert sum(1 for r in rows if r["due_date"]) > 0
    # latest RAG: the action's when rated, else the recommendation's (no later paper links here)
    for r in rows:
        assert r["rag"] == (r["action_rag"] or r["rec_rag"])
        # overdue: due before the as-of date and not complete
        assert r["overdue"] == bool(r["due_date"] and r["due_date"] < "2019-01-01" and not r["is_complete"])
    assert any(r["overdue"] for r in rows) and not all(r["overdue"] for r in rows if r["due_date"])


def test_action_plan_owner_matches_owners_table(data, tables, capsys):
    own = tables["owners"].to_pylist()
    rows = json.loads(q(data, "select rec_id, action_id, owners, owner_level from action_plan where owners is not null",
                        "-f", "json", capsys=capsys))
    assert rows
    for r in rows:
        pid = r["action_id"] if r["owner_level"] == "action" else r["rec_id"]
        names = [o for o in own if o["parent_id"] == pid and o["parent_type"] == r["owner_level"]]
        assert names, r
        assert any((o["role"] or o["person"] or o["raw"]) in r["owners"] for o in names)


def test_csv_and_table_formats(data, tables, capsys):
    text = q(data, "select rec_id, kind, ref, text from recommendations order by rec_id", "-f", "csv", capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == tables["recommendations"].num_rows
    assert sorted(r["rec_id"] for r in rows) == sorted(tables["recommendations"].column("rec_id").to_pylist())
    assert {r["kind"] for r in rows} <= {"decision", "improvement"}
    grid = q(data, "select kind, count(*) as n from recommendations group by 1 order by 1", capsys=capsys)
    lines = grid.splitlines()
    assert lines[0].split("|")[0].strip() == "kind" and set(lines[1]) <= {"-", "+"}
    assert any(line.startswith("improvement") for line in lines)
    assert lines[-1] == "(2 rows)"


def test_parquet_out_and_errors(data, tables, tmp_path, capsys):
    out = tmp_path / "r.parquet"
    q(data, "select * from action_plan", "-f", "parquet", "--out", str(out), capsys=capsys)
    assert set(pq.read_table(out).column("rec_id").to_pylist()) - {None} == \
        set(tables["recommendations"].column("rec_id").to_pylist())
    assert main(["query", "select * from no_such_table", "--data", str(data)]) == 1
    assert main(["query", "select 1", "--data", str(tmp_path / "missing")]) == 2


def test_export_xlsx(data, tables, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "plan.xlsx"
    assert main(["export", "--xlsx", str(path), "--data", str(data)]) == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["action plan", "history", *COLUMNS]
    for t in COLUMNS:
        ws = wb[t]
        assert ws.max_row - 1 == tables[t].num_rows or (tables[t].num_rows == 0 and ws.max_row == 1), t
        assert [c.value for c in ws[1]] == [n for n, _, _ in COLUMNS[t]]
    ws = wb["action plan"]
    head = [c.value for c in ws[1]]
    for col in ("recommendation", "action", "owners", "due date", "latest RAG", "source page"):
        assert col in head
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    rec_ids = {ws.cell(row=i, column=head.index("rec_id") + 1).value for i in range(2, ws.max_row + 1)}
    assert rec_ids - {None} == set(tables["recommendations"].column("rec_id").to_pylist())
    # the sheet is whole: every action, whether or not a recommendation holds it
    action_ids = {ws.cell(row=i, column=head.index("action_id") + 1).value for i in range(2, ws.max_row + 1)}
    assert action_ids - {None} == set(tables["actions"].column("action_id").to_pylist())
    hist = wb["history"]
    assert [c.value for c in hist[1]][:3] == ["rec_id", "recommendation", "meeting_date"]
    made = {hist.cell(row=i, column=1).value for i in range(2, hist.max_row + 1)}
    assert made <= set(tables["recommendations"].column("rec_id").to_pylist())


def test_export_csv(data, tables, tmp_path):
    assert main(["export", "--csv", str(tmp_path / "csv"), "--data", str(data)]) == 0
    for t in COLUMNS:
        with open(tmp_path / "csv" / f"{t}.csv", encoding="utf-8") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == tables[t].num_rows
    with open(tmp_path / "csv" / "action_plan.csv", encoding="utf-8") as fh:
        plan = list(csv.DictReader(fh))
    assert {r["rec_id"] for r in plan} - {""} == set(tables["recommendations"].column("rec_id").to_pylist())
    assert (tmp_path / "csv" / "recommendation_history.csv").is_file()


def test_data_dictionary_is_up_to_date():
    from schemas.dictionary import DICTIONARY, action_plan_columns, render
    assert DICTIONARY.is_file(), "docs/data-dictionary.md missing: run `make dictionary`"
    assert DICTIONARY.read_text(encoding="utf-8") == render(), \
        "docs/data-dictionary.md is stale: run `make dictionary` and commit it"
    text = render()
    for t, cols in COLUMNS.items():
        assert f"## {t}" in text
        for name, _, desc in cols:
            assert f"| `{name}` |" in text
    documented = [c for c, _ in action_plan_columns()]
    assert documented and len(documented) == len(set(documented))


def test_action_plan_columns_documented(data):
    from pipeline.analysis.query import connect
    from schemas.dictionary import action_plan_columns
    con = connect(data)
    cols = [d[0] for d in con.sql("select * from action_plan limit 0").description]
    assert cols == [c for c, _ in action_plan_columns()]
