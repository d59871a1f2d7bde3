"""styles.xml: paragraph and character styles, resolved through their
basedOn chain (heading level, list numbering, bold/caps/hidden)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from extractors.loaders.docx.ooxml import _int, _on


@dataclass
class _Style:
    sid: str
    name: str
    kind: str
    based_on: Optional[str]
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    outline: Optional[int] = None
    bold: Optional[bool] = None
    caps: Optional[bool] = None
    vanish: Optional[bool] = None


class _Styles:
    def __init__(self, root, w: str):
        self.w = w
        self.by_id: dict[str, _Style] = {}
        self.default_para: Optional[str] = None
        self.default_bold: Optional[bool] = None
        if root is None:
            return
        q = lambda t: f"{{{w}}}{t}"  # noqa: E731
        dd = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        if dd is not None:
            self.default_bold = _on(dd.find(q("b")), w)
        for st in root.iter(q("style")):
            sid = st.get(q("styleId")) or ""
            kind = st.get(q("type")) or "paragraph"
            name_el = st.find(q("name"))
            based = st.find(q("basedOn"))
            s = _Style(sid=sid, name=(name_el.get(q("val")) if name_el is not None else sid) or sid, kind=kind,
                       based_on=based.get(q("val")) if based is not None else None)
            ppr = st.find(q("pPr"))
            if ppr is not None:
                npr = ppr.find(q("numPr"))
                if npr is not None:
                    nid = npr.find(q("numId"))
                    il = npr.find(q("ilvl"))
                    s.num_id = nid.get(q("val")) if nid is not None else None
                    s.ilvl = _int(il.get(q("val"))) if il is not None else None
                ol = ppr.find(q("outlineLvl"))
                if ol is not None:
                    s.outline = _int(ol.get(q("val")))
            rpr = st.find(q("rPr"))
            if rpr is not None:
                s.bold = _on(rpr.find(q("b")), w)
                s.caps = _on(rpr.find(q("caps")), w)
                s.vanish = _on(rpr.find(q("vanish")), w)
            self.by_id[sid] = s
            if kind == "paragraph" and (st.get(q("default")) or "").lower() in ("1", "true", "on"):
                self.default_para = sid

    def chain(self, sid: Optional[str]) -> Iterator[_Style]:
        seen = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            s = self.by_id[sid]
            yield s
            sid = s.based_on

    def name(self, sid: Optional[str]) -> Optional[str]:
        """The style's UI name ("heading 1" is stored, Word shows "Heading 1")."""
        sid = sid or self.default_para
        name = self.by_id[sid].name if sid in self.by_id else sid
        return _ui_name(name) if name else name

    def heading_level(self, sid: Optional[str]) -> Optional[int]:
        for s in self.chain(sid or self.default_para):
            m = re.fullmatch(r"\s*heading\s*(\d)\s*", s.name, re.I)
            if m:
                return max(1, int(m.group(1)))
            if s.name.strip().lower() == "title":
                return 1
            if s.outline is not None and 0 <= s.outline < 9:
                return s.outline + 1
        return None

    def num(self, sid: Optional[str]) -> tuple[Optional[str], Optional[int]]:
        for s in self.chain(sid or self.default_para):
            if s.num_id is not None:
                return s.num_id, s.ilvl
        return None, None

    def prop(self, sid: Optional[str], attr: str) -> Optional[bool]:
        for s in self.chain(sid):
            v = getattr(s, attr)
            if v is not None:
                return v
        return None


def _ui_name(name: str) -> str:
    try:
        from docx.styles import BabelFish

        return BabelFish.internal2ui(name)
    except Exception:  # pragma: no cover - python-docx internals moved
        return name
