"""Build notebooks/council_papers.ipynb from the cells below, and optionally
execute it and render notebooks/council_papers.html.

    python notebooks/build.py                      # write the .ipynb (committed without outputs)
    python notebooks/build.py --execute            # extract the seeds + a few small Kent PDFs into
                                                   # a temp folder, run the notebook on them, save
                                                   # the outputs and render the HTML
    python notebooks/build.py --execute --data DIR # run on an existing output folder

The notebook reads its data folder from the COUNCIL_DATA environment
variable (default: data/processed under the repo root).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NOTEBOOK = HERE / "council_papers.ipynb"
HTML = HERE / "council_papers.html"
KENT = ROOT.parent / "shared" / "corpus" / "kent"
SEEDS = ROOT.parent / "shared" / "seeds"

# small Kent papers with recommendations, budgets and measures (a few seconds to extract)
KENT_SAMPLE = [
    "cabinet__2025-01-30__originals__24-00108 - Revenue and Capital Budget Monitoring Report November 2024-25.pdf",
    "full_council__2025-01-09__originals__Devolution White Paper - County Council Report - FINAL.pdf",
    "full_council__2025-02-13__originals__Council Covering Report 2025-26 Budget - FINAL.pdf",
    "cabinet__2025-01-30__originals__24-00096 - Commissioning Plan for Education Provision in Kent 2025-29 - Report.pdf",
    "cabinet__2025-01-30__originals__24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf",
    "cabinet__2025-01-30__originals__24-00115 - Adoption of Integrated Care Strategy delivery plan - Report.pdf",
    "cabinet__2025-01-30__originals__24-00115 - Appendix B - KCC ICS priorities measures.pdf",
    "full_council__2025-02-13__originals__section 25 statement - FINAL.pdf",
    "full_council__2025-02-13__originals__3 - Amendment - Liberal Democrats - LEVI capital funding.pdf",
]

CELLS: list[tuple[str, str]] = [
    ("markdown", """# Council papers: recommendations, actions, owners, RAG and measures

A worked example of analysing the tables `council-extract` produces. It reads
the Parquet output folder named by the `COUNCIL_DATA` environment variable
(default `data/processed`), queries it with DuckDB (every table is a view of
the same name, plus the `action_plan` view from `sql/action_plan.sql`) and
pandas, and plots with matplotlib. Column meanings: `docs/data-dictionary.md`.

The committed render (`council_papers.html`) ran on the three seed progress
reports in `../shared/seeds` and nine small Kent County Council papers from
`../shared/corpus/kent` (`make notebook`)."""),
    ("code", """import os
from pathlib import Path

import duckdb
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from datetime import date

from pipeline.analysis.query import connect

def repo_root(start=Path.cwd()):
    for p in [start, *start.parents]:
        if (p / "pyproject.toml").is_file() and (p / "schemas" / "tables.py").is_file():
            return p
    return start

ROOT = repo_root()
DATA = Path(os.environ.get("COUNCIL_DATA") or ROOT / "data" / "processed")
AS_OF = date.today()         # overdue is judged against this date
con = connect(DATA, as_of=AS_OF)   # DuckDB in memory: one view per table + action_plan + recommendation_history

def scalar(sql):
    return con.sql(sql).fetchall()[0][0]

pd.set_option("display.max_colwidth", 80)
print("data:", DATA)
con.sql("show tables").df()"""),
    ("markdown", """## The papers

One row per input file, with the cover-page metadata the extractor found."""),
    ("code", """docs = pd.read_parquet(DATA / "documents")   # pandas reads the dataset folder directly
docs["council"] = docs["council"].fillna("(council not stated)")
docs["pages"] = docs["pages"].astype("Int64")
docs[["file_name", "format", "pages", "council", "committee", "meeting_date", "status"]]"""),
    ("code", """counts = con.sql(\"\"\"
    select (select count(*) from documents) as documents,
           (select count(*) from recommendations) as recommendations,
           (select count(*) from actions) as actions,
           (select count(*) from owners) as owners,
           (select count(*) from timescales) as timescales,
           (select count(*) from metrics) as metrics,
           (select count(*) from errors) as errors
\"\"\").df()
counts"""),
    ("markdown", """## Recommendations by council and kind

`decision`: what a paper asks its meeting to decide, note or approve;
`improvement`: a recommendation from an inspection, review, audit or scrutiny
that the paper reports progress on."""),
    ("code", """by_council = con.sql(\"\"\"
    select coalesce(d.council, '(council not stated)') as council, r.kind, count(*) as n
    from recommendations r join documents d using (doc_id)
    group by all order by council, kind
\"\"\").df()
pivot = by_council.pivot_table(index="council", columns="kind", values="n", fill_value=0)
ax = pivot.plot.barh(stacked=True, figsize=(8, 3), title="Recommendations by council and kind")
ax.set_xlabel("recommendations"); ax.set_ylabel("")
plt.tight_layout(); plt.show()
pivot"""),
    ("code", """# Facts checked on every run: seed 004 (an Ofsted progress report, doc_id 85f6ce208d97a02abbd9)
# reports progress on 17 numbered improvement recommendations.
SEED_004 = "85f6ce208d97a02abbd9"
per_doc = con.sql(\"\"\"
    select d.doc_id, d.file_name, r.kind, count(*) as n
    from recommendations r join documents d using (doc_id) group by all order by file_name, kind
\"\"\").df()
seed4 = per_doc[(per_doc.doc_id == SEED_004) & (per_doc.kind == "improvement")]
if len(docs[docs.doc_id == SEED_004]):
    n4 = int(seed4.n.sum())
    assert n4 >= 13, n4
    print(f"seed 004: {n4} improvement recommendations")
else:
    print("seed 004 is not in this data folder")
assert scalar("select count(*) from recommendations where kind not in ('decision', 'improvement')") == 0
per_doc"""),
    ("markdown", """## RAG distribution

Red/Amber/Green (and Blue/complete) ratings printed against recommendations,
actions and measures."""),
    ("code", """rag = con.sql(\"\"\"
    select 'recommendation' as rated, rag from recommendations where rag is not null
    union all select 'action', rag from actions where rag is not null
    union all select 'metric', rag from metrics where rag is not null
\"\"\").df()
assert set(rag.rag) <= {"red", "amber", "green", "blue", "complete"}, set(rag.rag)
order = [r for r in ["red", "amber", "green", "blue", "complete"] if r in set(rag.rag)]
dist = rag.pivot_table(index="rag", columns="rated", aggfunc="size", fill_value=0).reindex(order)
colours = {"red": "#d9534f", "amber": "#f0ad4e", "green": "#5cb85c", "blue": "#5b8fd9", "complete": "#7f7f7f"}
if len(dist):
    ax = dist.T.plot.bar(stacked=True, figsize=(7, 3), color=[colours[r] for r in dist.index],
                         title="RAG ratings")
    ax.set_ylabel("rows"); ax.set_xlabel("")
    plt.xticks(rotation=0); plt.tight_layout(); plt.show()
dist"""),
    ("markdown", """## The action plan and overdue actions

`action_plan` joins each recommendation to its actions, owners and
timescales (owners/timescales of the action, else of the recommendation).
Every action is a row, whether or not the paper links it to a
recommendation. A row is **overdue** when its due date is before `AS_OF`
(today unless you set it) and it is not rated complete/blue or reported as
completed."""),
    ("code", """plan = con.sql("select * from action_plan").df()
n_recs = scalar("select count(*) from recommendations")
assert plan.rec_id.nunique() == n_recs          # every recommendation has a row
assert plan.action_id.nunique() == scalar("select count(*) from actions")   # and every action
assert len(plan) >= n_recs
print(f"{len(plan)} action plan rows for {n_recs} recommendations; "
      f"{plan.action_id.notna().sum()} with an action, {plan.owners.notna().sum()} with an owner, "
      f"{plan.due_date.notna().sum()} with a due date")
overdue = plan[plan.overdue]
assert (pd.to_datetime(overdue.due_date) < pd.Timestamp(AS_OF)).all()
overdue[["file_name", "meeting_date", "rec_ref", "action", "owners", "due_raw", "due_date", "rag"]]"""),
    ("code", """status = (plan.assign(state=plan.overdue.map({True: "overdue"})
                        .fillna(plan.is_complete.map({True: "complete"}))
                        .fillna(plan.due_date.notna().map({True: "due later", False: "no due date"})))
              .assign(paper=plan.file_name.str.replace(r"^.*__originals__", "", regex=True).str.slice(0, 45))
              .groupby(["paper", "state"]).size().unstack(fill_value=0))
state_colours = {"complete": "#5b8fd9", "due later": "#5cb85c", "no due date": "#c8c8c8", "overdue": "#d9534f"}
ax = status.plot.barh(stacked=True, figsize=(10, 4), title="Action plan rows by state",
                      color=[state_colours[s] for s in status.columns])
ax.set_xlabel("rows"); ax.set_ylabel("")
plt.tight_layout(); plt.show()
status"""),
    ("markdown", """## Recommendations over time

`recommendation_history` follows each recommendation from the paper that
made it through later papers (printed again in an action plan or progress
report, answered by a response), using the `links` table. Below: the RAG
ratings the papers give, by meeting date, and the responses' statuses."""),
    ("code", """hist = con.sql("select * from recommendation_history").df()
print(f"{hist.rec_id.nunique()} recommendations, {len(hist)} events; "
      f"{(hist.event == 'response').sum()} responses, {(hist.kind.isin(['action_plan', 'progress'])).sum()} later mentions")
rated = hist[hist.rag.notna() & hist.meeting_date.notna()]
if len(rated):
    by_date = rated.groupby([pd.to_datetime(rated.meeting_date).dt.to_period("M").astype(str), "rag"]).size().unstack(fill_value=0)
    ax = by_date.plot.bar(stacked=True, figsize=(7, 3), title="RAG over time (recommendations and actions)",
                          color=[colours.get(c, "#999999") for c in by_date.columns])
    ax.set_xlabel("meeting month"); ax.set_ylabel("rows"); plt.xticks(rotation=0); plt.tight_layout(); plt.show()
hist.groupby(["event", "kind"]).size().rename("rows").to_frame()"""),
    ("markdown", """## Owners with most actions

An action's owner is the one printed with it, else the owner of its
recommendation."""),
    ("code", """owners = con.sql(\"\"\"
    with a as (select action_id, rec_id from actions where rec_id is not null
               union all select action_id, null from actions where rec_id is null),
    own as (
        select a.action_id, coalesce(oa.role, orr.role) as role, coalesce(oa.person, orr.person) as person
        from a
        left join owners oa on oa.parent_type = 'action' and oa.parent_id = a.action_id
        left join owners orr on oa.owner_id is null and orr.parent_type = 'recommendation'
                               and orr.parent_id = a.rec_id
    )
    select coalesce(role, person) as owner, count(distinct action_id) as actions
    from own where coalesce(role, person) is not null
    group by 1 order by actions desc, owner limit 10
\"\"\").df()
if len(owners):
    ax = owners.iloc[::-1].plot.barh(x="owner", y="actions", legend=False, figsize=(8, 3.5),
                                     title="Owners with most actions")
    ax.set_ylabel(""); plt.tight_layout(); plt.show()
owners"""),
    ("markdown", """## A measure over time

The metric label reported for the most distinct periods (actual values and
targets), plotted against the end of each period."""),
    ("code", """series = con.sql(\"\"\"
    with m as (select * from metrics where period_end is not null and label is not null
               and role in ('actual', 'target', 'previous', 'baseline')),
    best as (select doc_id, label, unit, count(distinct period_end) as periods from m
             group by all order by periods desc, label limit 1)
    select m.label, m.unit, m.period, m.period_end,
           case when m.role = 'target' then 'target' else 'actual' end as role, m.value
    from m join best using (doc_id, label, unit)
    order by period_end
\"\"\").df()
if len(series):
    label, unit = series.label.iloc[0], series.unit.iloc[0]
    fig, ax = plt.subplots(figsize=(8, 3))
    for role, g in series.groupby("role"):
        g = g.groupby("period_end", as_index=False).value.mean()
        ax.plot(pd.to_datetime(g.period_end), g.value, marker="o", linestyle="-" if role == "actual" else "--",
                label=role)
    ax.set_title(label[:80]); ax.set_ylabel(unit or ""); ax.legend(); plt.tight_layout(); plt.show()
series"""),
    ("markdown", """## What could not be read

Files that failed, or warnings about files (one row each in `errors`)."""),
    ("code", """con.sql("select path, stage, error_type, severity, message from errors order by path").df()"""),
]


def build() -> "object":
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, src in CELLS:
        cell = nbformat.v4.new_markdown_cell(src) if kind == "markdown" else nbformat.v4.new_code_cell(src)
        cell.id = f"cell-{len(nb.cells):02d}"
        nb.cells.append(cell)
    return nb


def execute(nb, data: Path, timeout: int = 300):
    """Run the notebook in a fresh kernel with COUNCIL_DATA=data, cwd = repo root."""
    from nbclient import NotebookClient
    old = os.environ.get("COUNCIL_DATA")
    os.environ["COUNCIL_DATA"] = str(data)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(ROOT)}}).execute()
    finally:
        if old is None:
            os.environ.pop("COUNCIL_DATA", None)
        else:
            os.environ["COUNCIL_DATA"] = old
    return nb


def render_html(nb, path: Path = HTML) -> None:
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter().from_notebook_node(nb)
    path.write_text(body, encoding="utf-8")


def extract_sample(out: Path) -> Path:
    files = [str(SEEDS)] + [str(KENT / f) for f in KENT_SAMPLE if (KENT / f).is_file()]
    exe = Path(sys.executable).with_name("council-extract")
    cmd = [str(exe) if exe.is_file() else sys.executable, *([] if exe.is_file() else ["-m", "pipeline"]),
           "extract", *files, "--out", str(out), "-q"]
    subprocess.run(cmd, check=False)   # exit 1 (a partly read file) still gives usable tables
    return out


def main(argv=None) -> int:
    import nbformat
    p = argparse.ArgumentParser(description="build (and run) notebooks/council_papers.ipynb")
    p.add_argument("--execute", action="store_true", help="run it and render notebooks/council_papers.html")
    p.add_argument("--data", default=None, help="output folder to run on (default: extract the sample)")
    args = p.parse_args(argv)
    nb = build()
    nbformat.write(nb, NOTEBOOK)   # committed without outputs; the HTML carries the render
    if args.execute:
        ran = build()
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(args.data) if args.data else extract_sample(Path(tmp) / "out")
            execute(ran, data)
        render_html(ran)
        print(f"wrote {HTML}")
    print(f"wrote {NOTEBOOK}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
