"""Command line: `council-extract extract INPUT... --out DIR [--executor
local|dask] [--scheduler ADDRESS]`,
`council-extract validate` (score against the gold fixtures, see
docs/validation.md) and `council-extract inspect FILE` (what one file gave).

Exit status of `extract`: 0 when every file was extracted (status ok),
1 when any file failed or was only partly extracted (see the `errors`
table; the other files' rows are still written), 2 for usage errors such
as a missing input path.
"""
from __future__ import annotations

import argparse
import logging
import shlex
import sys

from pipeline import __version__

# safe defaults for unattended runs: one hostile file cannot hang or exhaust
# the machine (the whole Kent/Ofsted/boards corpus extracts well inside both)
DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_MEMORY_MB = 2048


def _extract(args) -> int:
    from pipeline.engine.io import local_path
    from pipeline.engine.lock import LockBusy
    from pipeline.engine.runner import run
    for name in ("timeout", "max_memory_mb"):
        if getattr(args, name) < 0:
            print(f"council-extract: --{name.replace('_', '-')} must be 0 (off) or more", file=sys.stderr)
            return 2
    if args.retries is not None and args.retries < 0:
        print("council-extract: --retries must be 0 or more", file=sys.stderr)
        return 2
    if args.executor != "dask" and args.retries is not None:
        print("council-extract: --retries needs --executor dask", file=sys.stderr)
        return 2
    try:
        summary = run(args.inputs, args.out, jobs=args.jobs,
                      show_progress=None if not args.quiet else False, timeout=args.timeout or None,
                      max_memory_mb=args.max_memory_mb or None, force=args.force, lock_wait=args.lock_wait,
                      executor=args.executor, scheduler=args.scheduler, retries=args.retries,
                      partition_by=args.partition_by, meta=args.meta, allow_shrink=args.allow_shrink)
    except (FileNotFoundError, LockBusy, ValueError) as e:
        print(f"council-extract: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - a cluster that cannot run the job: nothing was published
        from pipeline.engine.cluster import ClusterError
        if not isinstance(e, ClusterError):
            raise
        print(f"council-extract: {e}; the tables were left as they were", file=sys.stderr)
        return 2
    done = (f"{summary.extracted} extracted, {summary.reused} unchanged" if summary.published
            else "nothing changed, tables left as they were")
    print(f"{summary.files} files: {summary.ok} ok, {summary.partial} partial, "
          f"{summary.failed} failed{f', {summary.skipped} skipped (not files)' if summary.skipped else ''} "
          f"in {summary.seconds:.1f}s ({done}) -> {args.out}")
    print("rows: " + ", ".join(f"{k}={v}" for k, v in summary.rows.items()))
    if summary.failed or summary.partial:
        print(f"see the errors table: council-extract query --data {shlex.quote(str(local_path(args.out) or args.out))} "
              f"\"select path, stage, error_type, message from errors\"", file=sys.stderr)
    return summary.exit_code


def _link(args) -> int:
    from pipeline.engine.io import local_path
    from pipeline.engine.links import relink
    from pipeline.engine.lock import LockBusy
    try:
        n = relink(local_path(args.data) or args.data)
    except (FileNotFoundError, LockBusy) as e:
        print(f"council-extract link: {e}", file=sys.stderr)
        return 2
    print(f"{n} links -> {args.data}/links (see: council-extract query --data {args.data} "
          f"\"select kind, method, count(*) from links group by all\")")
    return 0


def _validate(args) -> int:
    from pipeline.quality.validate import DEFAULT_THRESHOLDS, run_validation
    from pipeline.quality.gold import DEFAULT_GOLD_DIR
    return run_validation(gold=args.gold or DEFAULT_GOLD_DIR, pred=args.pred, out=args.out,
                          thresholds=args.thresholds or DEFAULT_THRESHOLDS, jobs=args.jobs,
                          show_progress=None if not args.quiet else False)


def render_inspect(tables: dict[str, list[dict]], width: int = 100) -> str:
    """What one file gave, grouped: each recommendation with its owners,
    timescales, metrics and actions (each action with its own), then the
    actions not linked to a recommendation and the count of loose metrics."""
    import textwrap
    from datetime import date

    def pg(r):
        return f"p.{r['page']}" if r.get("page") is not None else ""

    def wrap(text, indent):
        t = " ".join(str(text or "").split())
        return textwrap.fill(t, width=max(40, width), initial_indent=indent, subsequent_indent=indent) if t else ""

    def children(kind, pid):
        return [r for r in tables.get(kind, []) if r.get("parent_id") == pid]

    def detail_lines(ptype, pid, indent):
        lines = []
        for o in children("owners", pid):
            who = " – ".join(x for x in (o.get("role"), o.get("person")) if x)
            lines.append(f"{indent}owner: {who or o.get('raw')}" + (f" ({o['owner_kind']})" if o.get("owner_kind") else "")
                         + (f" {pg(o)}" if pg(o) else ""))
        for t in children("timescales", pid):
            due = t.get("due_date")
            due = due.isoformat() if isinstance(due, date) else due
            bits = ", ".join(x for x in (t.get("precision"), t.get("recurrence"), t.get("relative")) if x)
            lines.append(f"{indent}due: {t.get('raw')!r}" + (f" -> {due}" if due else "") + (f" ({bits})" if bits else "")
                         + (f" {pg(t)}" if pg(t) else ""))
        for m in children("metrics", pid):
            per = f" [{m['period']}]" if m.get("period") else ""
            lines.append(f"{indent}metric: {m.get('raw') or m.get('value')} {m.get('unit') or ''} {m.get('role') or ''}"
                         f"{per} — {str(m.get('label') or '')[:80]}" + (f" {pg(m)}" if pg(m) else ""))
        return lines

    def action_block(a, indent):
        head = "action" + (f" [{a['ref']}]" if a.get("ref") else "") + (f" {pg(a)}" if pg(a) else "") \
            + (f" RAG {a['rag']}" if a.get("rag") else "")
        first = textwrap.fill(f"{head}: " + " ".join(str(a.get("text") or "").split()), width=max(40, width),
                              initial_indent=indent + "- ", subsequent_indent=indent + "    ")
        return [first] + detail_lines("action", a.get("action_id"), indent + "    ")

    out = []
    for d in tables.get("documents", []):
        out.append(f"{d.get('file_name')}  doc_id {d.get('doc_id')}  {d.get('format')}  status {d.get('status')}"
                   + (f"  {d['pages']} pages" if d.get("pages") else ""))
        meta = [f"{k}: {d[k]}" for k in ("council", "committee", "meeting_date", "report_ref", "title", "author")
                if d.get(k) is not None]
        out += [wrap("; ".join(meta), "  ")] if meta else []
    counts = ", ".join(f"{len(tables.get(k, []))} {k}" for k in ("recommendations", "actions", "owners",
                                                                  "timescales", "metrics"))
    out += [f"  rows: {counts}", ""]
    recs = tables.get("recommendations", [])
    actions = tables.get("actions", [])
    out.append(f"RECOMMENDATIONS ({len(recs)})")
    for r in recs:
        head = f"[{r.get('ref') or '-'}] {r.get('kind') or ''}" + (f" {pg(r)}" if pg(r) else "") \
            + (f" RAG {r['rag']}" if r.get("rag") else "") + (f"  ({r['source_body']})" if r.get("source_body") else "")
        out += ["", head, wrap(r.get("text"), "    ")]
        out += detail_lines("recommendation", r.get("rec_id"), "    ")
        for a in (a for a in actions if a.get("rec_id") == r.get("rec_id")):
            out += action_block(a, "    ")
    loose = [a for a in actions if not a.get("rec_id")]
    out += ["", f"LOOSE ACTIONS (not linked to a recommendation) ({len(loose)})"]
    for a in loose:
        out += action_block(a, "  ")
    loose_m = [m for m in tables.get("metrics", []) if not m.get("parent_id")]
    out += ["", f"LOOSE METRICS (not attached to a recommendation or action): {len(loose_m)}"]
    errs = tables.get("errors", [])
    if errs:
        out += ["", f"ERRORS ({len(errs)})"] + [wrap(f"{e.get('severity')} {e.get('stage')}/{e.get('error_type')}: "
                                                     f"{e.get('message')}", "  ") for e in errs]
    return "\n".join(line for line in out if line is not None) + "\n"


def _inspect(args) -> int:
    import os
    import shutil
    from pipeline.engine.stages import process_file
    if not os.path.isfile(args.file):
        print(f"council-extract: input not found: {args.file}", file=sys.stderr)
        return 2
    res = process_file(args.file)
    width = args.width or min(120, shutil.get_terminal_size((100, 24)).columns)
    sys.stdout.write(render_inspect(res.tables, width=width))
    return 0 if res.status == "ok" else 1


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="council-extract", description="Extract recommendations, actions, owners, "
                                "timescales, metrics and RAG ratings from council papers into Parquet tables.")
    p.add_argument("--version", action="version", version=f"council-extract {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract tables from PDF/DOCX/TXT files and folders")
    e.add_argument("inputs", nargs="+", help="files or folders (walked recursively): local paths or fsspec URLs "
                   "(file:///..., s3://bucket/prefix with s3fs installed)")
    e.add_argument("--out", default="data/processed",
                   help="output folder, a local path or file:// URL (default: data/processed)")
    e.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes (default: number of cores; 0 = run in this process); with --executor "
                   "dask and no --scheduler, the number of local dask workers")
    e.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="stop a file after this many seconds; it gets an errors row (error_type timeout) "
                   f"and the batch goes on (default: {DEFAULT_TIMEOUT:g}; 0 = no limit; not applied with --jobs 0)")
    e.add_argument("--max-memory-mb", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
                   help="address-space cap per worker process (RLIMIT_AS); a file that exceeds it gets an "
                   "errors row (error_type memory). Workers need about 400 MB of address space to start "
                   f"(default: {DEFAULT_MAX_MEMORY_MB}; 0 = no cap)")
    e.add_argument("--allow-shrink", action="store_true",
                   help="publish even when the inputs hold fewer than half the papers the tables hold (by default "
                   "such a run refuses, exit 2: an input share that did not mount must not empty the tables)")
    e.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where files are extracted: local = worker processes on this machine (default); "
                   "dask = a Dask cluster (docs/scaling.md). Output is identical")
    e.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --executor dask: the scheduler to use (tcp://host:8786); without it a local "
                   "cluster of --jobs worker processes is started for the run")
    e.add_argument("--retries", type=int, default=None, metavar="N",
                   help="with --executor dask: run a task that raised up to N more times (default: 2); a "
                   "file whose task still fails gets an errors row (error_type exception)")
    e.add_argument("--partition-by", default=None, metavar="KEYS",
                   help="Hive folders under each table: 'council', 'year' or 'council,year' "
                   "(OUT/<table>/council_slug=.../year=.../part-00000.parquet; docs/batch.md). Default: none")
    e.add_argument("--meta", default=None, metavar="FILE.csv",
                   help="sidecar CSV (path,council,committee,meeting_date,report_ref,title,author) whose values "
                   "fill or override each paper's documents row (pipeline/engine/sidecar.py)")
    e.add_argument("--force", action="store_true",
                   help="re-extract every file, ignoring the row cache of earlier runs")
    e.add_argument("--lock-wait", type=float, default=5.0, metavar="SECONDS",
                   help="how long to wait for another run on the same --out to finish before exiting 2 "
                   "(default: 5)")
    e.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    e.set_defaults(func=_extract)
    k = sub.add_parser("link", help="recompute the links table (recommendations to their responses and to later "
                       "papers) of a published output",
                       description="extract already makes the links table at every publish; link recomputes it "
                       "from the published tables alone (after changing the linking rules, or on an output "
                       "written by an older version) and publishes it the same atomic way.")
    k.add_argument("--data", default="data/processed", help="output folder of an extract run (default: data/processed)")
    k.set_defaults(func=_link)
    v = sub.add_parser("validate", help="score the pipeline against the hand-labelled gold fixtures",
                       description="Score extraction against tests/fixtures/gold, write validation.json and "
                       "validation.md, exit 1 when a score is below quality/thresholds.toml (2: unusable input).")
    v.add_argument("--gold", default=None, help="gold fixture folder (default: tests/fixtures/gold)")
    v.add_argument("--pred", default=None, help="read predictions from this output folder instead of "
                   "extracting the gold source papers now")
    v.add_argument("--out", default="data/validation", help="report folder (default: data/validation)")
    v.add_argument("--thresholds", default=None, help="thresholds file (default: quality/thresholds.toml)")
    v.add_argument("--jobs", "-j", type=int, default=None, help="worker processes for the extraction")
    v.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    v.set_defaults(func=_validate)
    i = sub.add_parser("inspect", help="extract one file and print what was found, by recommendation")
    i.add_argument("file", help="a PDF, DOCX or TXT paper")
    i.add_argument("--width", type=int, default=None, help="wrap width (default: terminal width)")
    i.set_defaults(func=_inspect)
    from pipeline.analysis import export as _export_mod, query as _query_mod
    _query_mod.add_parser(sub)
    _export_mod.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    if getattr(args, "quiet", False):
        logging.getLogger().setLevel(logging.WARNING)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        # Ctrl-C: nothing is published before the final rename, so the tables are as they were
        print("council-extract: interrupted; the published tables were left as they were", file=sys.stderr)
        return 130
    except OSError as e:
        # the output folder not writable, the disk full: one line naming the path, no traceback
        where = f" ({e.filename})" if getattr(e, "filename", None) else ""
        print(f"council-extract: {e.strerror or e}{where}; the published tables were left as they were",
              file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
