"""Word list numbering, recomputed from numbering.xml the way Word does
(counters per abstract definition, overrides, restarts, lvlText labels)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractors.loaders.docx.ooxml import _BULLET_GLYPHS, _int, _norm, _on
from extractors.loaders.docx.styles import _Styles


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: Optional[str] = None
    restart: Optional[int] = None
    legal: bool = False
    pstyle: Optional[str] = None


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)      # startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)   # full w:lvl overrides


class _Numbering:
    """numbering.xml definitions plus the running counters (Word semantics)."""

    def __init__(self, root, w: str, styles: _Styles):
        self.w = w
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}     # abstractNumId -> numbering style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[Optional[int]]] = {}
        self.pending: dict[str, set[int]] = {}   # numId -> overridden levels not yet used
        self.styles = styles
        if root is None:
            return
        q = lambda t: f"{{{w}}}{t}"  # noqa: E731
        for an in root.iter(q("abstractNum")):
            aid = an.get(q("abstractNumId")) or ""
            self.abstract[aid] = {lv_i: lv for lv_i, lv in (self._level(x) for x in an.findall(q("lvl")))}
            link = an.find(q("numStyleLink"))
            if link is not None and link.get(q("val")):
                self.style_link[aid] = link.get(q("val"))
        for n in root.iter(q("num")):
            nid = n.get(q("numId")) or ""
            ab = n.find(q("abstractNumId"))
            num = _Num(abstract=ab.get(q("val")) if ab is not None else "")
            for ov in n.findall(q("lvlOverride")):
                il = _int(ov.get(q("ilvl"))) or 0
                so = ov.find(q("startOverride"))
                if so is not None:
                    num.starts[il] = _int(so.get(q("val")), 0)
                lv = ov.find(q("lvl"))
                if lv is not None:
                    num.levels[il] = self._level(lv)[1]
                    if so is None and lv.find(q("start")) is not None:
                        num.starts[il] = num.levels[il].start
            self.nums[nid] = num

    def _level(self, el) -> tuple[int, _Level]:
        q = lambda t: f"{{{self.w}}}{t}"  # noqa: E731
        il = _int(el.get(q("ilvl"))) or 0
        lv = _Level()
        st = el.find(q("start"))
        if st is not None:
            lv.start = _int(st.get(q("val")), 1)
        nf = el.find(q("numFmt"))
        if nf is not None:
            lv.fmt = nf.get(q("val")) or "decimal"
        lt = el.find(q("lvlText"))
        if lt is not None:
            lv.text = lt.get(q("val"))
            if lv.text is None:
                lv.text = ""
        rs = el.find(q("lvlRestart"))
        if rs is not None:
            lv.restart = _int(rs.get(q("val")))
        lv.legal = _on(el.find(q("isLgl")), self.w) or False
        ps = el.find(q("pStyle"))
        if ps is not None:
            lv.pstyle = ps.get(q("val"))
        return il, lv

    def resolve_abstract(self, aid: str) -> str:
        """Follow numStyleLink (a list style) to the definition that holds the levels."""
        seen = set()
        while aid in self.style_link and aid not in seen:
            seen.add(aid)
            nid, _ = self.styles.num(self.style_link[aid])
            if nid is None or nid not in self.nums:
                break
            nxt = self.nums[nid].abstract
            if nxt == aid:
                break
            aid = nxt
        return aid

    def level_for_style(self, num_id: str, style_id: Optional[str]) -> int:
        num = self.nums.get(num_id)
        if num is None or not style_id:
            return 0
        for il, lv in self.abstract.get(self.resolve_abstract(num.abstract), {}).items():
            if lv.pstyle == style_id:
                return il
        return 0

    def _levels(self, num: _Num) -> dict[int, _Level]:
        levels = dict(self.abstract.get(self.resolve_abstract(num.abstract), {}))
        levels.update(num.levels)
        return levels

    def next_label(self, num_id: str, ilvl: int) -> tuple[Optional[str], Optional[str]]:
        """Advance the list and return (printed label, numFmt) for one
        paragraph of list `num_id` at level `ilvl`; (None, None) if the
        list is undefined."""
        num = self.nums.get(num_id)
        if num is None:
            return None, None
        levels = self._levels(num)
        lv = levels.get(ilvl)
        if lv is None:
            return None, None
        key = self.resolve_abstract(num.abstract)
        counters = self.counters.setdefault(key, [None] * 10)
        if num_id not in self.pending:
            self.pending[num_id] = set(num.starts)
        ilvl = max(0, min(ilvl, 9))
        if ilvl in self.pending[num_id]:
            self.pending[num_id].discard(ilvl)
            counters[ilvl] = num.starts[ilvl]
        elif counters[ilvl] is None:
            counters[ilvl] = num.starts.get(ilvl, lv.start)
        else:
            counters[ilvl] += 1
        for d in range(ilvl + 1, 10):
            dl = levels.get(d)
            restart = dl.restart if dl is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[d] = None
        if lv.fmt == "bullet":
            return "•", "bullet"
        if lv.fmt == "none" or not lv.text:
            return None, lv.fmt

        def repl(m: re.Match) -> str:
            i = int(m.group(1)) - 1
            other = levels.get(i, _Level())
            value = counters[i] if 0 <= i < 10 and counters[i] is not None else num.starts.get(i, other.start)
            fmt = "decimal" if (lv.legal and i != ilvl) else other.fmt
            return _format_number(value, fmt)

        label = re.sub(r"%([1-9])", repl, lv.text)
        return label, lv.fmt

    def snapshot(self):
        return ({k: list(v) for k, v in self.counters.items()}, {k: set(v) for k, v in self.pending.items()})

    def restore(self, snap) -> None:
        self.counters, self.pending = snap


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suf}"
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (repeated letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _clean_label(printed: str) -> Optional[str]:
    """The label as the loaders report it: "1." -> "1", "5.1.2." -> "5.1.2",
    "a)" and "(iii)" kept, "Recommendation 3:" -> "Recommendation 3"."""
    s = _norm(printed)
    if not s:
        return None
    if len(s) == 1 and s in _BULLET_GLYPHS:
        return "•"
    s = s.rstrip(" .:-–—").strip()
    return s or None
