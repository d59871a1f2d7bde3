"""Export the output tables for spreadsheet users:
`council-extract export --xlsx FILE [--data DIR]` or `--csv FOLDER`.

The workbook opens on an "action plan" sheet (one row per recommendation and
action: council, meeting, recommendation, action, owners, due date, latest
RAG, overdue, source page) followed by one sheet per table. Every sheet has
a frozen header row, an autofilter over its columns and the column
meanings from schemas/tables.py as header comments; RAG cells are coloured.
`--csv FOLDER` writes action_plan.csv plus one <table>.csv per table.
"""
from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa

from pipeline.analysis.query import DEFAULT_DATA, add_as_of, connect, format_csv
from schemas.tables import COLUMNS

# The analyst's view of the action plan: (column in action_plan, header)
ACTION_PLAN_SHEET = [
    ("council", "council"),
    ("committee", "committee"),
    ("meeting_date", "meeting date"),
    ("file_name", "document"),
    ("rec_kind", "kind"),
    ("rec_ref", "rec ref"),
    ("recommendation", "recommendation"),
    ("action_ref", "action ref"),
    ("action", "action"),
    ("owners", "owners"),
    ("due_date", "due date"),
    ("due_raw", "due (as printed)"),
    ("rag", "latest RAG"),
    ("overdue", "overdue"),
    ("action_status", "action status"),
    ("rec_status", "recommendation status"),
    ("page", "source page"),
    ("locator", "locator"),
    ("rec_id", "rec_id"),
    ("action_id", "action_id"),
]
ACTION_PLAN_SHEET_NAME = "action plan"
HISTORY_SHEET_NAME = "history"

_WIDE = {"recommendation": 60, "action": 60, "text": 60, "source_text": 60, "owners": 35,
         "action status": 40, "recommendation status": 40, "status_text": 40, "message": 60,
         "heading": 40, "title": 40, "label": 40, "evidence": 40, "path": 40}
_RAG_FILL = {"red": "F4B6B6", "amber": "FFD699", "green": "B7E1B5", "blue": "B4C7E7", "complete": "B4C7E7"}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_CELL_MAX = 32767


def action_plan_table(con) -> pa.Table:
    cols = ", ".join(f'"{c}" as "{h}"' for c, h in ACTION_PLAN_SHEET)
    return _arrow(con.sql(f"select {cols} from action_plan"))


def _arrow(rel) -> pa.Table:
    return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()


def _xl_value(v):
    from datetime import datetime
    if isinstance(v, str):
        v = _ILLEGAL.sub("", v)
        if len(v) > _XLSX_CELL_MAX:
            v = v[: _XLSX_CELL_MAX - 1] + "…"
        return v
    if isinstance(v, datetime) and v.tzinfo is not None:  # Excel has no time zones: write UTC
        return v.replace(tzinfo=None)
    return v


def _write_sheet(wb, title: str, table: pa.Table, descriptions: dict[str, str]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=title[:31])
    names = table.column_names
    ws.append(names)
    bold = Font(bold=True)
    for i, name in enumerate(names, start=1):
        c = ws.cell(row=1, column=i)
        c.font = bold
        if descriptions.get(name):
            c.comment = Comment(descriptions[name], "council-extract", width=300, height=100)
    types = table.schema.types
    date_cols = [i for i, t in enumerate(types, start=1) if pa.types.is_date(t)]
    ts_cols = [i for i, t in enumerate(types, start=1) if pa.types.is_timestamp(t)]
    for row in table.to_pylist():
        ws.append([_xl_value(row[n]) for n in names])
    last = ws.max_row
    for i in date_cols:
        for (c,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
            c.number_format = "yyyy-mm-dd"
    for i in ts_cols:
        for (c,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
            c.number_format = "yyyy-mm-dd hh:mm:ss"
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, name in enumerate(names, start=1):
        letter = get_column_letter(i)
        width = _WIDE.get(name, max(10, min(24, len(name) + 3)))
        ws.column_dimensions[letter].width = width
        if name in _WIDE:
            for (c,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
                c.alignment = wrap
        if name in ("rag", "latest RAG", "rec_rag", "action_rag"):
            for (c,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
                fill = _RAG_FILL.get(str(c.value or "").lower())
                if fill:
                    c.fill = PatternFill("solid", start_color=fill, end_color=fill)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(names)))}{max(1, last)}"


def _action_plan_descriptions() -> dict[str, str]:
    from schemas.dictionary import action_plan_columns
    meaning = dict(action_plan_columns())
    return {h: meaning.get(c, "") for c, h in ACTION_PLAN_SHEET}


def history_table(con) -> pa.Table:
    return _arrow(con.sql("select * from recommendation_history"))


def export_xlsx(data: str | Path, path: str | Path, as_of: date | None = None) -> dict[str, int]:
    """Write the workbook; returns {sheet: rows}."""
    from openpyxl import Workbook
    from schemas.dictionary import HISTORY_SQL, action_plan_columns

    con = connect(data, as_of=as_of)
    wb = Workbook()
    wb.remove(wb.active)
    counts = {}
    plan = action_plan_table(con)
    _write_sheet(wb, ACTION_PLAN_SHEET_NAME, plan, _action_plan_descriptions())
    counts[ACTION_PLAN_SHEET_NAME] = plan.num_rows
    hist = history_table(con)
    _write_sheet(wb, HISTORY_SHEET_NAME, hist, dict(action_plan_columns(HISTORY_SQL)))
    counts[HISTORY_SHEET_NAME] = hist.num_rows
    for t in COLUMNS:
        tab = _arrow(con.sql(f'select * from "{t}"'))
        _write_sheet(wb, t, tab, {n: d for n, _, d in COLUMNS[t]})
        counts[t] = tab.num_rows
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)
    return counts


def export_csv(data: str | Path, folder: str | Path, as_of: date | None = None) -> dict[str, int]:
    """Write action_plan.csv, recommendation_history.csv and <table>.csv into folder; returns {name: rows}."""
    con = connect(data, as_of=as_of)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    plan = action_plan_table(con)
    (folder / "action_plan.csv").write_text(format_csv(plan), encoding="utf-8")
    counts["action_plan"] = plan.num_rows
    hist = history_table(con)
    (folder / "recommendation_history.csv").write_text(format_csv(hist), encoding="utf-8")
    counts["recommendation_history"] = hist.num_rows
    for t in COLUMNS:
        tab = _arrow(con.sql(f'select * from "{t}"'))
        (folder / f"{t}.csv").write_text(format_csv(tab), encoding="utf-8")
        counts[t] = tab.num_rows
    return counts


def cli(args) -> int:
    if not args.xlsx and not args.csv:
        print("council-extract export: give --xlsx FILE and/or --csv FOLDER", file=sys.stderr)
        return 2
    try:
        if args.xlsx:
            counts = export_xlsx(args.data, args.xlsx, as_of=args.as_of)
            print(f"{args.xlsx}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
        if args.csv:
            counts = export_csv(args.data, args.csv, as_of=args.as_of)
            print(f"{args.csv}/: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    except FileNotFoundError as e:
        print(f"council-extract export: {e}", file=sys.stderr)
        return 2
    except ImportError as e:
        print(f"council-extract export: {e} (the xlsx export needs openpyxl)", file=sys.stderr)
        return 2
    return 0


def add_parser(sub) -> None:
    x = sub.add_parser("export", help="write the tables and an action plan sheet to Excel (or CSV files)",
                       description="Write an Excel workbook with an 'action plan' sheet (recommendation, "
                       "action, owners, due date, latest RAG, overdue, source page), a 'history' sheet (each "
                       "recommendation and what later papers did with it) and one sheet per table, each with "
                       "a frozen header and autofilter; or the same as CSV files in a folder.")
    x.add_argument("--xlsx", default=None, metavar="FILE", help="write an .xlsx workbook")
    x.add_argument("--csv", default=None, metavar="FOLDER", help="write action_plan.csv and <table>.csv files")
    x.add_argument("--data", default=DEFAULT_DATA, help=f"output folder of an extract run (default: {DEFAULT_DATA})")
    add_as_of(x)
    x.set_defaults(func=cli)
