"""Query the output tables with SQL: `council-extract query "SQL" [--data DIR]`.

An in-memory DuckDB connection gets one view per table, named after the
table (documents, sections, recommendations, actions, owners, timescales,
metrics, errors), over read_parquet('DIR/<table>/**/*.parquet'), plus the
`action_plan` view defined in sql/action_plan.sql (each recommendation with
its actions, owners, due date and latest RAG; every action, whether or not
a recommendation holds it) and the `recommendation_history` view
(sql/recommendation_history.sql: each recommendation and what later papers
did with it, through the links table). A table missing from DIR is
an empty view with the schema's columns, so queries and the action plan
still run on a partial output folder.

    from pipeline.analysis.query import connect
    con = connect("data/processed")
    con.sql("select kind, count(*) from recommendations group by kind").df()
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa

from schemas.tables import COLUMNS, schema

DEFAULT_DATA = "data/processed"
SQL = Path(__file__).resolve().parents[2] / "sql"
# run in this order: parents.sql defines the helper views the two analyst views use
VIEW_FILES = (SQL / "parents.sql", SQL / "action_plan.sql", SQL / "recommendation_history.sql")
VIEWS = [*COLUMNS, "parent_owners", "parent_timescales", "action_plan", "recommendation_history"]


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def table_has_files(data: Path, table: str) -> bool:
    d = data / table
    return d.is_dir() and any(d.rglob("*.parquet"))


def connect(data: str | Path = DEFAULT_DATA, *, con: duckdb.DuckDBPyConnection | None = None,
            action_plan: bool = True, as_of: date | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per table over DIR, and the views
    `action_plan` and `recommendation_history`. `as_of`: the date overdue is
    judged against (the SQL variable `as_of`; today when None). Raises
    FileNotFoundError when DIR holds none of the tables."""
    data = Path(data)
    present = [t for t in COLUMNS if table_has_files(data, t)]
    if not present:
        raise FileNotFoundError(f"no tables under {data} (expected folders such as {data}/recommendations "
                                f"holding Parquet files; run `council-extract extract ... --out {data}` first)")
    con = con or duckdb.connect(":memory:")
    for t in COLUMNS:
        if t in present:
            glob = str(data.resolve() / t / "**" / "*.parquet")
            con.execute(f'create or replace view "{t}" as select * from '
                        f'read_parquet({_sql_str(glob)}, union_by_name = true)')
        else:
            empty = pa.Table.from_pylist([], schema=schema(t))
            con.register(f"_empty_{t}", empty)
            con.execute(f'create or replace view "{t}" as select * from "_empty_{t}"')
    if as_of is not None:
        con.execute(f"set variable as_of = date '{as_of.isoformat()}'")
    if action_plan:
        for path in VIEW_FILES:
            con.execute(path.read_text(encoding="utf-8"))   # a file may hold several statements
    return con


def run_query(sql: str, data: str | Path = DEFAULT_DATA, as_of: date | None = None) -> pa.Table:
    """Run one SQL statement against DIR's tables and return an Arrow table."""
    con = connect(data, as_of=as_of)
    rel = con.sql(sql)
    if rel is None:  # a statement without a result (e.g. create view)
        return pa.table({})
    return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()


# ---------------------------------------------------------------- formatting

def _plain(v):
    """JSON/CSV-friendly value."""
    if v is None:
        return None
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, Decimal):  # DuckDB sums of integers come back as decimals
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def to_records(table: pa.Table) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_pylist()]


def format_json(table: pa.Table) -> str:
    return json.dumps(to_records(table), ensure_ascii=False, indent=1) + "\n"


def format_csv(table: pa.Table) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.column_names)
    for row in to_records(table):
        w.writerow(["" if v is None else (json.dumps(v) if isinstance(v, (list, dict)) else v)
                    for v in row.values()])
    return buf.getvalue()


def _cell(v, width: int) -> str:
    if v is None:
        s = "NULL"
    elif isinstance(v, float):
        s = f"{v:g}"
    else:
        s = str(_plain(v))
    s = " ".join(s.split())
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def format_table(table: pa.Table, *, max_rows: int | None = 100, max_col_width: int = 50) -> str:
    """A plain-text grid: header, rule, rows; long cells cut with '…'.
    Numbers are right-aligned. Shows at most max_rows rows (None: all)."""
    names = table.column_names
    if not names:
        return "(no result)\n"
    n = table.num_rows
    shown = table if max_rows is None or n <= max_rows else table.slice(0, max_rows)
    rows = [[_cell(r[c], max_col_width) for c in names] for r in shown.to_pylist()]
    heads = [_cell(c, max_col_width) for c in names]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(heads)]
    numeric = [pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t)
               for t in table.schema.types]

    def line(cells):
        return " | ".join(c.rjust(w) if num else c.ljust(w)
                          for c, w, num in zip(cells, widths, numeric)).rstrip()

    out = [line(heads), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    foot = f"({n} row{'s' if n != 1 else ''}"
    if shown.num_rows < n:
        foot += f", first {shown.num_rows} shown; use --max-rows 0 or --format csv for all"
    out.append(foot + ")")
    return "\n".join(out) + "\n"


FORMATS = ("table", "csv", "json", "parquet")


def write_result(table: pa.Table, fmt: str, out: str | None, *, max_rows: int | None = 100,
                 max_col_width: int = 50) -> None:
    if fmt == "parquet":
        import pyarrow.parquet as pq
        if not out:
            raise ValueError("--format parquet needs --out FILE")
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, out, compression="zstd")
        return
    if fmt == "csv":
        text = format_csv(table)
    elif fmt == "json":
        text = format_json(table)
    else:
        text = format_table(table, max_rows=max_rows, max_col_width=max_col_width)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cli(args) -> int:
    """Entry point for `council-extract query` (see pipeline/cli.py)."""
    sql = args.sql
    if sql == "-":
        sql = sys.stdin.read()
    elif sql.startswith("@"):
        sql = Path(sql[1:]).read_text(encoding="utf-8")
    try:
        if args.format == "parquet" and not args.out:
            print("council-extract query: --format parquet needs --out FILE", file=sys.stderr)
            return 2
        result = run_query(sql, args.data, as_of=args.as_of)
    except FileNotFoundError as e:
        print(f"council-extract query: {e}", file=sys.stderr)
        return 2
    except duckdb.Error as e:
        print(f"council-extract query: {e}", file=sys.stderr)
        print("tables: " + ", ".join(VIEWS), file=sys.stderr)
        return 1
    max_rows = None if args.max_rows == 0 else args.max_rows
    write_result(result, args.format, args.out, max_rows=max_rows, max_col_width=args.width)
    if args.out:
        print(f"{result.num_rows} rows -> {args.out}", file=sys.stderr)
    return 0


def as_of_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use 2025-03-31)") from None


def add_as_of(parser) -> None:
    parser.add_argument("--as-of", type=as_of_date, default=None, metavar="DATE",
                        help="judge overdue against DATE (YYYY-MM-DD) instead of today")


def add_parser(sub) -> None:
    q = sub.add_parser("query", help="run SQL (DuckDB) over the output tables and the action_plan view",
                       description="Run one SQL statement over the tables in DIR. Every table is a view "
                       "named after it (" + ", ".join(COLUMNS) + ") plus action_plan (each recommendation "
                       "and action with owners, due date, latest RAG and overdue; sql/action_plan.sql) and "
                       "recommendation_history (each recommendation and what later papers did with it; "
                       "sql/recommendation_history.sql); see docs/data-dictionary.md.")
    q.add_argument("sql", help="the SQL; '-' reads it from stdin, '@FILE' from a file")
    q.add_argument("--data", default=DEFAULT_DATA, help=f"output folder of an extract run (default: {DEFAULT_DATA})")
    q.add_argument("--format", "-f", choices=FORMATS, default="table",
                   help="table (readable grid, default) | csv | json (array of objects) | parquet (needs --out)")
    q.add_argument("--out", "-o", default=None, help="write the result to FILE instead of stdout")
    q.add_argument("--max-rows", type=int, default=100, help="rows shown by --format table (0 = all; default 100)")
    q.add_argument("--width", type=int, default=50, help="widest cell shown by --format table (default 50)")
    add_as_of(q)
    q.set_defaults(func=cli)
