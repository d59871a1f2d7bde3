"""Hive partitioning keys (pipeline/partition.py)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import partition as P
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
