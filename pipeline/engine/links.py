"""Links across papers: which later rows answer, plan or report on a
recommendation made earlier (the `links` table).

A recommendation travels: an inspection makes it, a response accepts it,
an action plan gives it actions and owners, progress reports rate it. Each
paper prints it again, often word for word, under the same ref or a new
one. The linker pairs rows of different papers:

- a response with the recommendation it quotes: same printed ref and
  similar text (token-set F1 >= 0.4, `ref+text`), or very similar text
  alone (>= 0.6, `text`); the best match only;
- a recommendation with the most similar recommendation of an earlier
  paper of the same council (or, naming none, the same committee), a
  decision only within one meeting (>= 0.6): `action_plan` when the later
  paper gives it actions,
  `progress` when it rates it or reports its status, else `same`. "Earlier"
  is by meeting date, a paper without one before the dated ones (one total
  order, so no cycle); papers without one, or of the same date, give `same`
  from the lower doc_id to the higher.

Candidates come from an index of the texts' words (words in more than 200
recommendations are left out of it), so the cost grows with the number of
similar pairs, not the square of the output. Deterministic: the same
tables give the same links in the same order.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from extractors.textsim import token_f1, tokens
from schemas.ids import row_id

REC_MIN = 0.6          # two recommendations: the same one
RESPONSE_REF_MIN = 0.4  # a response with the recommendation of its ref
RESPONSE_TEXT_MIN = 0.6
_COMMON = 200
_STOP = frozenset("the and for that with this from have will should which their been into within ensure".split())


def _key_words(toks: frozenset[str]) -> set[str]:
    return {t for t in toks if len(t) >= 4 and t not in _STOP}


class _Index:
    def __init__(self, recs: list[dict]):
        self.recs = recs
        self.toks = [tokens(r.get("text")) for r in recs]
        posting: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(self.toks):
            for w in _key_words(t):
                posting[w].append(i)
        self.posting = {w: ids for w, ids in posting.items() if len(ids) <= _COMMON}

    def candidates(self, toks: frozenset[str], min_shared: int = 3) -> list[int]:
        shared: dict[int, int] = defaultdict(int)
        for w in _key_words(toks):
            for i in self.posting.get(w, ()):
                shared[i] += 1
        need = min(min_shared, max(1, len(_key_words(toks)) // 2))
        return sorted(i for i, n in shared.items() if n >= need)


def _date_key(doc: Optional[dict]) -> Optional[str]:
    d = (doc or {}).get("meeting_date")
    return str(d) if d is not None else None


def _same_body(a: Optional[dict], b: Optional[dict]) -> bool:
    """Two papers of one council (or, where no council is named, one
    committee): generic wording ("The quality of supervision") in two
    councils' papers is two recommendations, not one."""
    a, b = a or {}, b or {}
    if a.get("council") or b.get("council"):
        return bool(a.get("council")) and a.get("council") == b.get("council")
    return bool(a.get("committee")) and a.get("committee") == b.get("committee")


def _same_meeting(a: Optional[dict], b: Optional[dict]) -> bool:
    return bool((a or {}).get("meeting_date")) and (a or {}).get("meeting_date") == (b or {}).get("meeting_date")


def find_links(documents: list[dict], recommendations: list[dict], responses: list[dict],
               actions: list[dict]) -> list[dict]:
    """The links rows for one output's tables (rows as dicts)."""
    docs = {d["doc_id"]: d for d in documents}
    recs = sorted(recommendations, key=lambda r: (r["doc_id"], r["rec_id"]))
    index = _Index(recs)
    with_actions = {a["rec_id"] for a in actions if a.get("rec_id")}
    out: list[dict] = []

    def add(frm: dict, to_table: str, to: dict, to_id: str, kind: str, score: float, method: str) -> None:
        out.append({"link_id": row_id(frm["rec_id"], "links", f"{to_id}/{kind}"), "from_table": "recommendations",
                    "from_id": frm["rec_id"], "from_doc_id": frm["doc_id"], "to_table": to_table, "to_id": to_id,
                    "to_doc_id": to["doc_id"], "kind": kind, "score": round(score, 4), "method": method})

    # responses -> the recommendation each answers
    for resp in sorted(responses, key=lambda r: (r["doc_id"], r["response_id"])):
        quoted = tokens(resp.get("rec_text"))
        if not quoted:
            continue
        best = None
        for i in index.candidates(quoted, 2):
            rec = recs[i]
            if rec["doc_id"] == resp["doc_id"]:
                continue
            score = token_f1(quoted, index.toks[i])
            same_ref = resp.get("rec_ref") and rec.get("ref") and str(resp["rec_ref"]) == str(rec["ref"])
            ok = score >= RESPONSE_REF_MIN if same_ref else score >= RESPONSE_TEXT_MIN
            if ok and (best is None or (bool(same_ref), score) > best[0]):
                best = ((bool(same_ref), score), rec, "ref+text" if same_ref else "text")
        if best:
            (_, score), rec, method = best
            add(rec, "responses", resp, resp["response_id"], "response", score, method)

    # later recommendations -> the earlier one they carry on
    for j, later in enumerate(recs):
        best = None
        for i in index.candidates(index.toks[j]):
            earlier = recs[i]
            if earlier["doc_id"] == later["doc_id"] or not _same_body(docs.get(earlier["doc_id"]), docs.get(later["doc_id"])):
                continue
            if "decision" in (earlier.get("kind"), later.get("kind")) and not _same_meeting(
                    docs.get(earlier["doc_id"]), docs.get(later["doc_id"])):
                continue   # a decision belongs to its meeting: "Approved and signed as correct" each month is not one
            de, dl = _date_key(docs.get(earlier["doc_id"])), _date_key(docs.get(later["doc_id"]))
            dated = de is not None and dl is not None and de != dl
            # one total order of the papers - by meeting date, an undated paper (an inspection
            # letter) before the dated ones, then by doc_id - so the links never make a cycle
            # (mixing date order and doc_id order did: the history then had no first paper)
            if (de or "", earlier["doc_id"]) >= (dl or "", later["doc_id"]):
                continue
            score = token_f1(index.toks[i], index.toks[j])
            if score >= REC_MIN and (best is None or score > best[0]):
                best = (score, earlier, dated)
        if best:
            score, earlier, dated = best
            kind = "same"
            if dated:
                kind = "action_plan" if later["rec_id"] in with_actions else \
                    "progress" if (later.get("rag") or later.get("status_text")) else "same"
            add(earlier, "recommendations", later, later["rec_id"], kind, score, "text")
    return out


def _read(store: Path, table: str, columns: Iterable[str]) -> list[dict]:
    import pyarrow.dataset as ds
    folder = store / table
    if not folder.is_dir():
        return []
    return ds.dataset(folder, format="parquet").to_table(columns=list(columns)).to_pylist()


def write_links(store: Path, rows_per_file: int) -> int:
    """Compute the links of the tables in `store` and write its links folder
    (replacing whatever is there). Returns the number of links."""
    from pipeline.engine.io import TableWriter
    documents = _read(store, "documents", ["doc_id", "meeting_date", "council", "committee"])
    recs = _read(store, "recommendations", ["rec_id", "doc_id", "kind", "ref", "text", "rag", "status_text"])
    responses = _read(store, "responses", ["response_id", "doc_id", "rec_ref", "rec_text"])
    actions = _read(store, "actions", ["rec_id"])
    rows = find_links(documents, recs, responses, actions)
    folder = store / "links"
    folder.mkdir(parents=True, exist_ok=True)
    for f in folder.rglob("*.parquet"):
        f.unlink()
    w = TableWriter(folder, "links", rows_per_file)
    if rows:
        w.add(rows)
    w.close()
    return len(rows)


def relink(out: str | Path, rows_per_file: int | None = None) -> int:
    """`council-extract link`: recompute the links table of a published
    output and publish it (a new store whose other tables are hard links to
    the current one's files; one rename, as extract publishes). Returns the
    number of links."""
    import os
    import shutil
    import uuid

    from pipeline.engine.io import CURRENT, ROWS_PER_FILE, STORE, collect_garbage, publish_store
    from pipeline.engine.lock import OutputLock
    from pipeline.engine.manifest import read_manifest, write_manifest
    out = Path(out)
    if not (out / CURRENT).is_symlink():
        raise FileNotFoundError(f"no published tables in {out} (run `council-extract extract ... --out {out}` first)")
    with OutputLock(out):
        current = Path(os.path.realpath(out / CURRENT))
        store = out / STORE / uuid.uuid4().hex[:12]
        for src in sorted(current.rglob("*")):
            rel = src.relative_to(current)
            if rel.parts[0] == "links":
                continue
            dst = store / rel
            if src.is_dir():
                dst.mkdir(parents=True, exist_ok=True)
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
        n = write_links(store, rows_per_file or ROWS_PER_FILE)
        publish_store(out, store)
        man = read_manifest(out)
        if man is not None:   # the next extract still trusts the published store (and reuses its folders)
            man["store"] = store.name
            man.setdefault("rows", {})["links"] = n
            write_manifest(out, man)
        collect_garbage(out)
    return n
