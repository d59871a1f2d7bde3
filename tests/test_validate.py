"""The validation stage end to end: gold loading and its checks, the
thresholds gate on the real extraction of the gold papers, a perfect and a
degraded prediction set, the reports and the CLI."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.quality.gold import DEFAULT_GOLD_DIR, GoldError, load_gold
from pipeline.engine.io import write_tables
from pipeline.engine.runner import run
from pipeline.quality.validate import (DEFAULT_THRESHOLDS, UsageError, check_thresholds, load_thresholds, read_predictions, run_validation,
                               validate, floor_to)

pytestmark = pytest.mark.needs_shared
REPO = Path(__file__).resolve().parent.parent


def _d(v):
    return date.fromisoformat(v) if v else None


def gold_as_predictions(golds) -> dict[str, list[dict]]:
    """Turn the gold fixtures into pipeline tables (a perfect prediction set)."""
    t: dict[str, list[dict]] = {k: [] for k in ("documents", "recommendations", "actions", "owners",
                                                "timescales", "metrics", "responses")}
    for g in golds:
        doc = g.doc_id
        ids = {}
        docs = g.documents
        t["documents"].append({"doc_id": doc, "path": g.source_rel, "file_name": g.source.name, "status": "ok",
                               **{k: docs.get(k) for k in ("council", "committee", "report_ref", "title", "author")},
                               "meeting_date": _d(docs.get("meeting_date"))})
        for r in g.rows("recommendations"):
            ids[r["id"]] = ("recommendation", f"{doc}:{r['id']}")
            t["recommendations"].append({"rec_id": f"{doc}:{r['id']}", "doc_id": doc, "kind": r["kind"],
                                         "ref": r.get("ref"), "text": r["text"], "rag": r.get("rag"),
                                         "page": r.get("page"), "locator": r["id"], "source_text": r["text"]})
        for a in g.rows("actions"):
            ids[a["id"]] = ("action", f"{doc}:{a['id']}")
            t["actions"].append({"action_id": f"{doc}:{a['id']}", "doc_id": doc,
                                 "rec_id": f"{doc}:{a['rec']}" if a.get("rec") else None, "text": a["text"],
                                 "rag": a.get("rag"), "page": a.get("page"), "locator": a["id"]})
        for n, o in enumerate(g.rows("owners")):
            pt, pid = ids[o["parent"]]
            t["owners"].append({"owner_id": f"{doc}:o{n}", "doc_id": doc, "parent_type": pt, "parent_id": pid,
                                "role": o.get("role"), "person": o.get("person"), "page": o.get("page"),
                                "locator": f"o{n}"})
        for n, s in enumerate(g.rows("timescales")):
            pt, pid = ids[s["parent"]]
            t["timescales"].append({"timescale_id": f"{doc}:t{n}", "doc_id": doc, "parent_type": pt,
                                    "parent_id": pid, "raw": s["raw"], "due_date": _d(s.get("due_date")),
                                    "precision": s.get("precision"), "recurrence": s.get("recurrence"),
                                    "page": s.get("page"), "locator": f"t{n}"})
        for n, m in enumerate(g.rows("metrics")):
            t["metrics"].append({"metric_id": f"{doc}:m{n}", "doc_id": doc, "label": m.get("label"),
                                 "value": float(m["value"]), "raw": m.get("raw"), "unit": m["unit"],
                                 "role": m.get("role"), "period": m.get("period"),
                                 "period_end": _d(m.get("period_end")), "page": m.get("page"),
                                 "rag": m.get("rag"), "locator": f"m{n}"})
        for n, r in enumerate(g.rows("responses")):
            t["responses"].append({"response_id": f"{doc}:s{n}", "doc_id": doc, "rec_ref": r.get("rec_ref"),
                                   "status": r.get("status"), "responder": r.get("responder"), "text": r["text"],
                                   "page": r.get("page"), "locator": f"s{n}"})
    return t


def _thresholds(tmp_path, text) -> Path:
    p = tmp_path / "thresholds.toml"
    p.write_text(text)
    return p


@pytest.fixture(scope="module")
def golds():
    return load_gold(DEFAULT_GOLD_DIR)


@pytest.fixture(scope="module")
def extracted(golds, tmp_path_factory) -> Path:
    """The real extraction of every gold source paper (a few seconds)."""
    out = tmp_path_factory.mktemp("extracted")
    run([str(g.source) for g in golds], str(out), show_progress=False)
    return out


# ------------------------------------------------------------------- gold

def test_gold_fixtures_load_and_resolve_their_sources(golds):
    assert len(golds) >= 3
    for g in golds:
        assert g.source.is_file(), g.source
        # papers from the shared corpus, or papers rendered for this project in tests/fixtures/papers
        assert g.source_rel.startswith(("../shared/", "tests/fixtures/papers/"))
        assert len(g.doc_id) == 20 and g.sha256.startswith(g.doc_id)


def _fixture(tmp_path, source: Path, sha: str, **extra) -> Path:
    d = tmp_path / "gold"
    d.mkdir(exist_ok=True)
    f = d / "paper.json"
    f.write_text(json.dumps({"source": {"path": str(source), "sha256": sha}, "labeller": "test",
                             "documents": {"title": "A paper"}, **extra}))
    return d


def test_sha256_mismatch_is_reported_clearly(tmp_path, capsys):
    paper = tmp_path / "paper.txt"
    paper.write_text("RECOMMENDATIONS\n2.1 That Cabinet notes this report.\n")
    gold_dir = _fixture(tmp_path, paper, "0" * 64, recommendations=[])
    with pytest.raises(GoldError) as e:
        load_gold(gold_dir)
    msg = "\n".join(e.value.problems)
    assert "SHA-256 MISMATCH" in msg and "0" * 64 in msg and str(paper.name) in msg
    rc = run_validation(gold=gold_dir, pred=tmp_path, out=tmp_path / "v")
    assert rc == 2
    assert "SHA-256 MISMATCH" in capsys.readouterr().err


def test_schema_errors_and_dangling_ids_are_reported(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("x")
    import hashlib
    sha = hashlib.sha256(b"x").hexdigest()
    gold_dir = _fixture(tmp_path, paper, sha, recommendations=[{"id": "r1", "kind": "decision", "text": "t"}],
                        owners=[{"parent": "r9", "role": "Chair"}])
    with pytest.raises(GoldError) as e:
        load_gold(gold_dir)
    assert any("owners[0].parent 'r9'" in p for p in e.value.problems)
    (gold_dir / "paper.json").write_text(json.dumps({"source": {"path": str(paper), "sha256": sha},
                                                     "labeller": "t", "documents": {}, "metrics": [{"value": 1}]}))
    with pytest.raises(GoldError) as e:
        load_gold(gold_dir)
    assert any("schema" in p and "unit" in p for p in e.value.problems)


def test_missing_source_is_reported_relative_to_repo_root(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "x.json").write_text(json.dumps({"source": {"path": "../shared/nope.pdf", "sha256": "a" * 64},
                                          "labeller": "t", "documents": {}}))
    with pytest.raises(GoldError) as e:
        load_gold(d)
    assert "source file not found: ../shared/nope.pdf" in e.value.problems[0]
    assert str(REPO) in e.value.problems[0]


# --------------------------------------------------------------- thresholds

def test_repo_thresholds_file_is_valid():
    th = load_thresholds(DEFAULT_THRESHOLDS)
    assert {"f1.recommendations", "f1.actions", "f1.owners", "f1.timescales", "f1.metrics"} <= set(th)
    for k, v in th.items():
        assert 0 <= v <= 1 and abs(v * 20 - round(v * 20)) < 1e-9, (k, v)   # multiples of 0.05


def test_bad_thresholds_file_is_a_usage_error(tmp_path, capsys):
    bad = _thresholds(tmp_path, "[f1]\nrecomendations = 0.5\n")
    assert run_validation(pred=tmp_path, thresholds=bad, out=tmp_path / "v") == 2
    assert "unknown key" in capsys.readouterr().err


def test_floor_to():
    assert floor_to(0.8571) == 0.85
    assert floor_to(0.85) == 0.85
    assert floor_to(0.049) == 0.0
    assert floor_to(1.0) == 1.0


# ----------------------------------------------------------- perfect / degraded

def test_gold_scored_against_itself_is_perfect(golds, tmp_path):
    pred = tmp_path / "pred"
    write_tables(pred, gold_as_predictions(golds))
    val = validate(golds, read_predictions(pred)[0])
    for ent, c in val.entity_counts().items():
        assert (c.fp, c.fn) == (0, 0), ent
    for k, (ok, n) in val.field_counts().items():
        assert ok == n, k
    strict = _thresholds(tmp_path, "[f1]\n" + "".join(f"{e} = 1.0\n" for e in
                         ("recommendations", "actions", "owners", "timescales", "metrics")))
    assert run_validation(pred=pred, thresholds=strict, out=tmp_path / "v") == 0


def test_dropping_half_the_recommendations_fails_the_gate(golds, tmp_path, capsys):
    tables = gold_as_predictions(golds)
    tables["recommendations"] = tables["recommendations"][::2]
    pred = tmp_path / "pred"
    write_tables(pred, tables)
    th = _thresholds(tmp_path, "[f1]\nrecommendations = 0.9\nmetrics = 0.9\n")
    out = tmp_path / "v"
    assert run_validation(pred=pred, thresholds=th, out=out) == 1
    err = capsys.readouterr().err
    assert "f1.recommendations" in err and "f1.metrics" not in err
    report = json.loads((out / "validation.json").read_text())
    rec = report["overall"]["entities"]["recommendations"]
    n = sum(len(g.rows("recommendations")) for g in golds)
    assert rec["fn"] == n // 2 and rec["fp"] == 0 and rec["tp"] == n - n // 2
    assert report["passed"] is False and report["failures"]
    md = (out / "validation.md").read_text()
    assert "Missed (gold not found)" in md and "**FAIL**" in md


# --------------------------------------------------------- real extraction

def test_gate_passes_on_the_real_extraction_with_current_thresholds(tmp_path, capsys):
    out = tmp_path / "v"
    rc = run_validation(out=out, thresholds=DEFAULT_THRESHOLDS)   # extracts the gold sources now
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "recommendations" in captured.out and "F1" in captured.out
    report = json.loads((out / "validation.json").read_text())
    assert report["passed"] is True
    assert len(report["documents"]) == len(load_gold(DEFAULT_GOLD_DIR))
    md = (out / "validation.md").read_text()
    assert "## Per dev document" in md and "seed_000" in md


def test_real_extraction_fails_with_thresholds_of_one(extracted, tmp_path, capsys):
    strict = _thresholds(tmp_path, "[f1]\n" + "".join(f"{e} = 1.0\n" for e in
                         ("recommendations", "actions", "owners", "timescales", "metrics")))
    assert run_validation(pred=extracted, thresholds=strict, out=tmp_path / "v") == 1
    assert "below the thresholds" in capsys.readouterr().err


def test_real_extraction_degraded_fails_current_thresholds(golds, extracted, tmp_path, capsys):
    """Every second predicted recommendation (and everything hanging off it) removed."""
    tables, _ = read_predictions(extracted)
    th = load_thresholds(DEFAULT_THRESHOLDS)
    assert th["f1.recommendations"] > 0, "set thresholds from measured scores (docs/validation.md)"
    drop = {r["rec_id"] for r in tables["recommendations"][::2]}
    tables["recommendations"] = [r for r in tables["recommendations"] if r["rec_id"] not in drop]
    for name in ("owners", "timescales", "metrics"):
        tables[name] = [r for r in tables[name] if r.get("parent_id") not in drop]
    pred = tmp_path / "pred"
    write_tables(pred, tables)
    assert run_validation(pred=pred, out=tmp_path / "v") == 1
    assert "f1.recommendations" in capsys.readouterr().err


def test_report_lists_misses_and_false_positives_with_provenance(extracted, tmp_path):
    out = tmp_path / "v"
    run_validation(pred=extracted, out=out)
    report = json.loads((out / "validation.json").read_text())
    md = (out / "validation.md").read_text()
    for d in report["documents"]:
        if d["split"] == "blind":
            # blind fixtures: scores only, never their rows
            assert f"### {Path(d['fixture']).stem}" not in md
            assert all("misses" not in b and "false_positives" not in b for b in d["entities"].values())
            continue
        assert f"### {Path(d['fixture']).stem}" in md
        for ent, block in d["entities"].items():
            assert block["tp"] + block["fn"] == block["n_gold"]
            assert len(block["misses"]) == block["fn"] and len(block["false_positives"]) == block["fp"]
            for fp in block["false_positives"]:
                assert "locator" in fp and "source_text" in fp and "page" in fp
    assert sum(e["fp"] for e in report["overall"]["entities"].values()) == \
        sum(b["fp"] for d in report["documents"] for b in d["entities"].values())
    for name in ("dev", "blind"):
        split = report["splits"][name]
        assert split["documents"] == sum(d["split"] == name for d in report["documents"])


# ---------------------------------------------------------------------- CLI

def test_cli_validate_with_pred(extracted, tmp_path):
    out = tmp_path / "v"
    assert main(["validate", "--pred", str(extracted), "--out", str(out), "-q"]) == 0
    assert (out / "validation.json").is_file() and (out / "validation.md").is_file()


def test_cli_inspect_prints_grouped_entities(seed_paths, capsys):
    seed = next(p for p in seed_paths if p.name.startswith("002_"))
    main(["inspect", str(seed), "--width", "100"])
    text = capsys.readouterr().out
    assert "RECOMMENDATIONS (" in text and "LOOSE ACTIONS" in text and "LOOSE METRICS" in text
    assert "doc_id 0fa04b7f0402a9223483" in text
    assert max(len(line) for line in text.splitlines()) <= 140


def test_cli_inspect_missing_file(tmp_path):
    assert main(["inspect", str(tmp_path / "nope.pdf")]) == 2


def test_thresholds_gate_dev_and_blind_splits_separately(tmp_path):
    th = load_thresholds(_thresholds(tmp_path, "[f1]\nactions = 0.7\n[blind.f1]\nactions = 0.6\n"
                                               "[blind.accuracy]\n\"documents.council\" = 0.85\n"))
    assert th == {"f1.actions": 0.7, "blind.f1.actions": 0.6, "blind.accuracy.documents.council": 0.85}
    assert check_thresholds({"f1.actions": 0.72, "blind.f1.actions": 0.55,
                             "blind.accuracy.documents.council": 0.9}, th) == ["blind.f1.actions: 0.550 < minimum 0.60"]
    with pytest.raises(UsageError):
        load_thresholds(_thresholds(tmp_path, "[blind.f1]\nnonsense = 0.5\n"))
