"""Command line: `council-extract extract INPUT... --out DIR`.

Exit status of `extract`: 0 when every file was extracted (status ok),
1 when any file failed or was only partly extracted (see the `errors`
table; the other files' rows are still written), 2 for usage errors such
as a missing input path.
"""
from __future__ import annotations

import argparse
import logging
import sys

from pipeline import __version__


def _extract(args) -> int:
    from pipeline.runner import run
    try:
        summary = run(args.inputs, args.out, jobs=args.jobs,
                      show_progress=None if not args.quiet else False)
    except FileNotFoundError as e:
        print(f"council-extract: {e}", file=sys.stderr)
        return 2
    print(f"{summary.files} files: {summary.ok} ok, {summary.partial} partial, "
          f"{summary.failed} failed in {summary.seconds:.1f}s -> {args.out}")
    print("rows: " + ", ".join(f"{k}={v}" for k, v in summary.rows.items()))
    if summary.failed or summary.partial:
        print(f"see the errors table: duckdb -c \"select path, stage, error_type, message from "
              f"read_parquet('{args.out}/errors/**/*.parquet')\"", file=sys.stderr)
    return summary.exit_code


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="council-extract", description="Extract recommendations, actions, owners, "
                                "timescales, metrics and RAG ratings from council papers into Parquet tables.")
    p.add_argument("--version", action="version", version=f"council-extract {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract tables from PDF/DOCX/TXT files and folders")
    e.add_argument("inputs", nargs="+", help="files or folders (folders are walked recursively)")
    e.add_argument("--out", default="data/processed", help="output folder (default: data/processed)")
    e.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes (default: number of cores; 0 = run in this process)")
    e.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    e.set_defaults(func=_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    if getattr(args, "quiet", False):
        logging.getLogger().setLevel(logging.WARNING)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
