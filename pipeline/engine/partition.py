"""Hive partitioning of the output tables by council and meeting year.

Opt-in (`council-extract extract ... --partition-by council,year`): every
table is written as

    OUT/<table>/council_slug=<slug>/year=<yyyy>/part-00000.parquet

so DuckDB (`read_parquet(..., hive_partitioning = true)`), Spark and
pyarrow (`partitioning="hive"`) can skip whole folders when a query filters
on a council or a year. The keys come from the paper's `documents` row:

- `council_slug`: the council's name lower-cased with every run of other
  characters turned into one "-" ("Kent County Council" ->
  "kent-county-council"). A slug rather than the name itself: folder names
  stay plain ASCII with no escaping that readers decode differently, and
  the name stays where it was, in `documents.council`.
- `year`: the year of `documents.meeting_date`.

A paper whose council or meeting date was not found goes to Hive's null
partition, `__HIVE_DEFAULT_PARTITION__`, which DuckDB, Spark and pyarrow
read back as NULL. Rows of one paper always share one partition (their
doc_id's), so a paper's rows never straddle folders. Neither key name is a
column of any table (tests/test_partition.py), so the folder keys never
shadow a stored column.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Iterable, Optional

KEYS = ("council", "year")              # what --partition-by accepts
FOLDER_KEYS = {"council": "council_slug", "year": "year"}
NULL = "__HIVE_DEFAULT_PARTITION__"


def arrow_partitioning():
    """The pyarrow partitioning of a partitioned output, with the key types
    spelt out: `ds.dataset(OUT/"metrics", partitioning=arrow_partitioning())`
    or `pd.read_parquet(OUT/"metrics", partitioning=arrow_partitioning())`.
    Inferring them instead ("hive") fails on a table whose folders are all
    the null partition ("No non-null segments") and, in pandas, on any null
    folder ("Cannot yet unify dictionaries with nulls"). Works for either
    key order and for one key alone (a missing key reads as null)."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    return ds.partitioning(pa.schema([(FOLDER_KEYS["council"], pa.string()), (FOLDER_KEYS["year"], pa.int32())]),
                           flavor="hive")


def parse_keys(spec: Optional[str]) -> tuple[str, ...]:
    """'council,year' -> ('council', 'year'); '' or None -> (). Raises
    ValueError for an unknown or repeated key."""
    if not spec:
        return ()
    keys = tuple(k.strip().lower() for k in spec.split(",") if k.strip())
    bad = [k for k in keys if k not in KEYS]
    if bad:
        raise ValueError(f"unknown partition key(s) {', '.join(bad)}: use {', '.join(KEYS)}")
    if len(set(keys)) != len(keys):
        raise ValueError(f"partition key repeated in {spec!r}")
    return keys


SLUG_MAX = 80


def slug(name: Optional[str]) -> Optional[str]:
    """'Kent County Council' -> 'kent-county-council'; accents folded
    ('Cyngor Sir Ynys Môn' -> 'cyngor-sir-ynys-mon')."""
    if not name:
        return None
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(s) > SLUG_MAX:
        # a folder name has at most 255 bytes: a long name keeps its start and
        # a hash of the whole, so two long names stay two folders
        digest = hashlib.sha256(s.encode()).hexdigest()[:10]
        s = f"{s[:SLUG_MAX - 11].rstrip('-')}-{digest}"
    return s or None


def doc_values(documents: Iterable[dict], keys: tuple[str, ...]) -> dict[str, tuple[Optional[str], ...]]:
    """doc_id -> partition values (in `keys` order) from documents rows.
    A doc_id seen twice (the same bytes under two names) takes its first
    row's values; the rows are sorted, so that is the same on every run."""
    out: dict[str, tuple[Optional[str], ...]] = {}
    for d in documents:
        doc_id = d.get("doc_id")
        if doc_id is None or doc_id in out:
            continue
        vals = []
        for k in keys:
            if k == "council":
                vals.append(slug(d.get("council")))
            else:
                date = d.get("meeting_date")
                if isinstance(date, str):  # an ISO date read back from JSON
                    vals.append(date[:4] if date[:4].isdigit() else None)
                else:
                    vals.append(str(date.year) if date is not None else None)
        out[doc_id] = tuple(vals)
    return out


def folder(keys: tuple[str, ...], values: tuple[Optional[str], ...]) -> str:
    """'council_slug=kent-county-council/year=2025'."""
    return "/".join(f"{FOLDER_KEYS[k]}={v if v is not None else NULL}" for k, v in zip(keys, values))


def split_rows(rows: list[dict], keys: tuple[str, ...],
               values: dict[str, tuple[Optional[str], ...]]) -> list[tuple[str, list[dict]]]:
    """Rows grouped by partition folder, folders sorted, each group keeping
    the rows' order. Rows without a doc_id (an unreadable empty file's
    errors row) go to the null partition."""
    groups: dict[str, list[dict]] = {}
    none = tuple(None for _ in keys)
    for r in rows:
        f = folder(keys, values.get(r.get("doc_id"), none))
        groups.setdefault(f, []).append(r)
    return sorted(groups.items())
