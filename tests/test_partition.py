"""Hive partitioning keys (pipeline/engine/partition.py)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.engine import partition as P
from schemas.tables import COLUMNS


def test_parse_keys():
    assert P.parse_keys("council,year") == ("council", "year")
    assert P.parse_keys(" Year ") == ("year",)
    assert P.parse_keys("") == () and P.parse_keys(None) == ()
    with pytest.raises(ValueError, match="unknown"):
        P.parse_keys("council,directorate")
    with pytest.raises(ValueError, match="repeated"):
        P.parse_keys("year,year")


def test_slug_is_plain_ascii_and_stable():
    assert P.slug("Kent County Council") == "kent-county-council"
    assert P.slug("Royal Borough of Windsor & Maidenhead") == "royal-borough-of-windsor-maidenhead"
    assert P.slug("  Brighton and Hove City Council ") == "brighton-and-hove-city-council"
    assert P.slug("Cyngor Sir Ynys Môn") == "cyngor-sir-ynys-mon"
    assert P.slug("") is None and P.slug(None) is None and P.slug("—") is None


def test_folder_names_and_null_partition():
    keys = ("council", "year")
    vals = P.doc_values([
        {"doc_id": "a", "council": "Kent County Council", "meeting_date": date(2025, 1, 30)},
        {"doc_id": "b", "council": None, "meeting_date": None},
        {"doc_id": "a", "council": "Other", "meeting_date": date(2020, 1, 1)},  # same bytes, 2nd name
    ], keys)
    assert P.folder(keys, vals["a"]) == "council_slug=kent-county-council/year=2025"
    assert P.folder(keys, vals["b"]) == f"council_slug={P.NULL}/year={P.NULL}"


def test_rows_of_one_paper_share_a_folder_and_keep_order():
    keys = ("year",)
    vals = {"a": ("2025",), "b": ("2024",)}
    rows = [{"doc_id": "a", "n": 1}, {"doc_id": "b", "n": 2}, {"doc_id": "a", "n": 3}, {"doc_id": None, "n": 4}]
    parts = P.split_rows(rows, keys, vals)
    assert [f for f, _ in parts] == ["year=2024", "year=2025", f"year={P.NULL}"]
    assert [r["n"] for r in dict(parts)["year=2025"]] == [1, 3]


def test_folder_keys_never_shadow_a_stored_column():
    for name, cols in COLUMNS.items():
        names = {c[0] if isinstance(c, tuple) else c for c in cols}
        assert not set(P.FOLDER_KEYS.values()) & names, name


# ------------------------------------------------- partitioned runs (issue 5)

import hashlib  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow.dataset as ds  # noqa: E402

from pipeline.cli import main  # noqa: E402
from pipeline.engine.manifest import read_manifest  # noqa: E402
from pipeline.engine import runner  # noqa: E402
from pipeline.engine.runner import run  # noqa: E402
from schemas.tables import DERIVED_TABLES, TABLE_NAMES  # noqa: E402

# tables written per paper (partitioned); links is made from the whole output, one folder
PER_PAPER = [n for n in TABLE_NAMES if n not in DERIVED_TABLES]


@pytest.fixture(scope="module")
def raw(tmp_path_factory, shared_dir, seed_paths):
    """The seeds (council and meeting year on their covers) plus two small
    Kent PDFs and one Ofsted report, chosen by size."""
    d = tmp_path_factory.mktemp("partition") / "raw"
    d.mkdir()
    for p in seed_paths:
        shutil.copy(p, d / p.name)
    kent = sorted((shared_dir / "corpus" / "kent").glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))[:2]
    ofsted = sorted((shared_dir / "corpus" / "ofsted").glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))[:1]
    for i, p in enumerate(kent + ofsted):
        shutil.copy(p, d / f"paper_{i}.pdf")
    (d / "empty.pdf").write_bytes(b"")  # no doc_id, one errors row
    return d


@pytest.fixture(scope="module")
def flat(raw, tmp_path_factory):
    out = tmp_path_factory.mktemp("flat") / "out"
    run([str(raw)], str(out), jobs=2, show_progress=False)
    return out


def _table(out, name, partitioning=None):
    rows = ds.dataset(Path(out) / name, format="parquet", partitioning=partitioning).to_table().to_pylist()
    for r in rows:
        r.pop("extracted_at", None)
    return rows


def _hashes(out):
    return {str(f.relative_to(out)): hashlib.sha256(f.read_bytes()).hexdigest()
            for n in TABLE_NAMES for f in sorted((Path(out) / n).rglob("*.parquet"))}


@pytest.mark.needs_shared
def test_a_partitioned_run_puts_each_paper_in_its_council_and_year_folder_with_the_same_rows(raw, flat, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out), "--partition-by", "council,year", "-q"]) == 1  # empty.pdf
    docs = {d["doc_id"]: d for d in _table(flat, "documents") if d["doc_id"]}
    for name in PER_PAPER:
        files = sorted((out / name).rglob("*.parquet"))
        assert files and all(len(f.relative_to(out / name).parts) == 3 for f in files), name
        for f in files:
            council, year = (part.split("=", 1) for part in f.relative_to(out / name).parts[:2])
            assert council[0] == "council_slug" and year[0] == "year"
            rows = ds.dataset(f, format="parquet").to_table().to_pylist()
            ids = [r["doc_id"] or "" for r in rows]
            assert ids == sorted(ids), f  # sorted by doc_id within a folder: row-group statistics skip
            for r in rows:
                d = docs.get(r["doc_id"])
                want_c = (P.slug(d["council"]) if d else None) or P.NULL
                want_y = (str(d["meeting_date"].year) if d and d["meeting_date"] else P.NULL)
                assert (council[1], year[1]) == (want_c, want_y), (name, r.get("id"))
        # the same rows as the flat layout
        part = sorted(map(repr, _table(out, name)))
        assert part == sorted(map(repr, _table(flat, name))), name
    # the seeds name their council and meeting; at least two folders, one of them a real council
    slugs = {p.name for p in (out / "documents").iterdir()}
    assert "council_slug=rutland-county-council" in slugs and len(slugs) >= 2
    assert read_manifest(out)["partition_by"] == ["council", "year"]


@pytest.mark.needs_shared
def test_readers_see_the_folder_keys_and_skip_folders(raw, tmp_path):
    out = tmp_path / "out"
    run([str(raw)], str(out), jobs=0, show_progress=False, partition_by="council,year")
    glob = str(out / "recommendations" / "**" / "*.parquet")
    by_year = dict(duckdb.sql(f"select year, count(*) from read_parquet('{glob}', hive_partitioning = true) "
                              "group by 1").fetchall())
    years = {d["meeting_date"].year for d in _table(out, "documents") if d["meeting_date"]}
    assert set(by_year) - {None} <= years and len(set(by_year) - {None}) >= 1
    y = min(k for k in by_year if k is not None)
    only = duckdb.sql(f"select distinct year from read_parquet('{glob}', hive_partitioning = true) "
                      f"where year = {y}").fetchall()
    assert only == [(y,)]
    # the null partition reads back as NULL, not as the folder's text
    councils = {r[0] for r in duckdb.sql(f"select distinct council_slug from read_parquet('{glob}')").fetchall()}
    assert P.NULL not in councils
    # pyarrow and pandas with the key types spelt out (docs/batch.md), or without the keys
    t = ds.dataset(out / "documents", format="parquet", partitioning=P.arrow_partitioning()).to_table()
    assert {"council_slug", "year"} <= set(t.schema.names)
    assert set(t.column("year").to_pylist()) - {None} == years
    df = pd.read_parquet(out / "documents", partitioning=P.arrow_partitioning())
    assert len(df) == t.num_rows and set(df["council_slug"].dropna()) == set(t.column("council_slug").to_pylist()) - {None}
    assert len(pd.read_parquet(out / "documents", partitioning=None)) == t.num_rows


def test_tables_whose_only_folder_is_the_null_partition_read(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"
    run([str(tmp_path / "raw")], str(out), jobs=0, show_progress=False, partition_by="council,year")
    for name in PER_PAPER:
        t = ds.dataset(out / name, format="parquet", partitioning=P.arrow_partitioning()).to_table()
        assert set(t.column("year").to_pylist()) <= {None}, name
        rows = duckdb.sql(f"select count(*) from read_parquet('{out / name}/**/*.parquet')").fetchall()[0][0]
        assert rows == t.num_rows == (1 if name in ("documents", "errors") else 0), name


@pytest.mark.needs_shared
def test_partitioned_reruns_are_no_ops_and_changing_the_layout_republishes(raw, flat, tmp_path):
    out = tmp_path / "out"
    run([str(raw)], str(out), jobs=1, show_progress=False, partition_by="year,council")
    first = _hashes(out)
    s = run([str(raw)], str(out), jobs=1, show_progress=False, partition_by="year,council")
    assert (s.extracted, s.published) == (0, False) and _hashes(out) == first
    assert all(k.split("/")[1].startswith("year=") for k in first if k.split("/")[0] in PER_PAPER)
    # back to the flat layout: nothing extracted again (but the empty file, which has no
    # content hash to cache under), one file per table, the flat run's rows
    s = run([str(raw)], str(out), jobs=1, show_progress=False)
    assert (s.extracted, s.reused, s.published) == (1, s.files - 1, True)
    assert all(len(Path(k).parts) == 2 for k in _hashes(out))
    for name in TABLE_NAMES:
        assert _table(out, name) == _table(flat, name), name


def test_an_unknown_partition_key_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Recommendations\n1. The council should act.\n")
    assert main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                 "--partition-by", "council,ward", "-q"]) == 2
    assert not (tmp_path / "o" / "documents").exists()


def _parts(out):
    """{table/folder/part: (inode, sha256)} of every published file."""
    res = {}
    for n in TABLE_NAMES:
        for f in sorted((Path(out) / n).rglob("*.parquet")):
            res[str(f.relative_to(out))] = (f.stat().st_ino, hashlib.sha256(f.read_bytes()).hexdigest())
    return res


def _folder(key):
    return "/".join(Path(key).parts[1:-1])


@pytest.mark.needs_shared
def test_a_changed_paper_rewrites_only_its_own_folder(raw, tmp_path, monkeypatch):
    src = tmp_path / "raw"
    shutil.copytree(raw, src)
    (src / "empty.pdf").unlink()  # an unreadable file is read again every run: keep the null folder stable
    out = tmp_path / "out"
    run([str(src)], str(out), jobs=0, show_progress=False, partition_by="council,year")
    before = _parts(out)
    man = read_manifest(out)
    seed = sorted(src.glob("*.txt"))[-1]
    old_folder = next(f["folder"] for f in man["files"] if f["path"] == str(seed))
    assert len({f["folder"] for f in man["files"]}) >= 3

    # one paper changes; every other file is neither read nor hashed
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nAppendix: a further note for members.\n",
                    encoding="utf-8")
    read = []
    orig = runner._hash_file
    monkeypatch.setattr(runner, "_hash_file", lambda p: read.append(Path(p).name) or orig(p))
    s = run([str(src)], str(out), jobs=0, show_progress=False, partition_by="council,year")
    assert read == [seed.name]
    assert (s.extracted, s.published) == (1, True)
    new_folder = next(f["folder"] for f in read_manifest(out)["files"] if f["path"] == str(seed))
    after = _parts(out)
    touched = {old_folder, new_folder}
    for key, (ino, digest) in after.items():
        if _folder(key) not in touched and key.split("/")[0] in PER_PAPER:  # links: rewritten whole
            assert before[key] == (ino, digest), key  # the same file, linked from the previous store
    assert s.reused_folders == len({_folder(k) for k in after if k.split("/")[0] in PER_PAPER} - touched)
    assert any(after.get(k) != v for k, v in before.items() if _folder(k) in touched and k.split("/")[0] in PER_PAPER)

    # and the tables are those a fresh run of the new inputs writes
    fresh = tmp_path / "fresh"
    run([str(src)], str(fresh), jobs=0, show_progress=False, partition_by="council,year")
    for name in TABLE_NAMES:
        assert _table(out, name) == _table(fresh, name), name
    assert sorted(_parts(out)) == sorted(_parts(fresh))
