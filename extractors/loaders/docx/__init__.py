"""DOCX loader: a Word file (bytes) in, a `Document` out.

Reads the OOXML parts directly with lxml (python-docx hides content controls,
text boxes and merged-cell details), in document order:

* body children in order -- paragraphs and tables interleaved, content
  controls (w:sdt) and custom-XML wrappers unwrapped;
* paragraph kinds: `heading` for Heading N / Title styles (or a style based
  on one, or an outline level), and for short paragraphs that are all bold
  or all capitals; `list_item` for Word numbering (w:numPr on the paragraph
  or its style) or a typed bullet / letter; `paragraph` otherwise;
* Word list numbering is not in the text, so it is recomputed from
  numbering.xml the way Word does: counters are kept per abstract numbering
  definition (several w:num instances of one definition continue one list),
  a w:num carrying lvlOverride/startOverride restarts the overridden levels
  the first time it is used, deeper levels restart when a shallower level
  advances (w:lvlRestart honoured) and the printed label is built from
  lvlText ("%1.%2." -> "5.2", "(%1)" -> "(iii)", "%1)" -> "a)"). A number
  typed in the text ("2.1 That Cabinet ...") wins over Word numbering;
* tables: merged cells expanded (gridSpan repeats the text across the
  spanned columns, vMerge continuation repeats the text of the merge start),
  nested tables flattened into the cell text (one line per nested row,
  cells joined with " | "), paragraph breaks kept as "\n", numbered or
  bulleted paragraphs in a cell as one line each with their printed label
  ("• ...", "a) ..."), cell shading as Cell.fill. Header rows: rows marked
  w:tblHeader, else the first row when it reads like column names. A
  leading full-width merged row above such a header row ("Table 1 ...") is
  a caption: it becomes a paragraph block just before the table;
* headers and footers (and header watermarks) go to Document.furniture;
* text boxes (w:txbxContent) become blocks placed after the paragraph that
  anchors them; of an mc:AlternateContent only one branch is read;
* deleted revisions, hidden text and unfilled content-control placeholders
  are skipped; whitespace is normalised (no-break spaces, tabs -> one space).
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from lxml import etree

from extractors.loaders.errors import LoadError
from extractors.model import Block, Cell, Document, Table
from extractors.numbering import numbering_level, split_numbering

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_VML = "urn:schemas-microsoft-com:vml"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)

_HIGHLIGHT = {
    "yellow": "#ffff00", "green": "#00ff00", "red": "#ff0000", "blue": "#0000ff",
    "cyan": "#00ffff", "magenta": "#ff00ff", "darkYellow": "#808000", "darkGreen": "#008000",
    "darkRed": "#800000", "darkBlue": "#000080", "darkCyan": "#008080", "darkMagenta": "#800080",
    "lightGray": "#c0c0c0", "darkGray": "#808080", "black": "#000000", "white": "#ffffff",
}
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[/-]\s*(?:20)?\d\d)?")
_HEX = re.compile(r"[0-9a-fA-F]{6}")
# Symbol/Wingdings private-use bullet glyphs Word writes in lvlText
_BULLET_GLYPHS = set("\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf071\uf0d9•●▪■◦○·‣⁃–-*o>")


# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------

def load(data: bytes, *, path: str, doc_id: str) -> Document:
    if not data:
        raise LoadError("empty", "the file is empty (0 bytes)")
    if data[:8] == _OLE_MAGIC:
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data or path.lower().endswith((".docx", ".docm")):
            raise LoadError("encrypted", "password-protected Office document: remove the password and re-save as DOCX")
        raise LoadError("unsupported_format", "legacy binary Word file (.doc): re-save it as DOCX or PDF")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
        raise LoadError("corrupt", f"not a valid DOCX (ZIP) file: {e}") from None

    with zf:
        pkg = _Package(zf, names)
        main = pkg.main_part()
        if main is None:
            raise LoadError("corrupt", "DOCX package has no word/document.xml")
        root = pkg.xml(main)
        if root is None:
            raise LoadError("corrupt", f"{main} is not well-formed XML")
        w = etree.QName(root).namespace or _W_TRANSITIONAL
        rels = pkg.rels(main)
        styles = _Styles(pkg.xml(_rel_target(rels, "styles", main, names) or "word/styles.xml"), w)
        numbering = _Numbering(pkg.xml(_rel_target(rels, "numbering", main, names) or "word/numbering.xml"), w, styles)
        ctx = _Ctx(w=w, styles=styles, numbering=numbering)

        body = root.find(f"{{{w}}}body")
        if body is None:
            raise LoadError("corrupt", f"{main} has no w:body")
        blocks: list[Block] = []
        _walk(body, ctx, blocks)

        furniture = _furniture(pkg, rels, main, names, ctx)
        warnings = ctx.warnings + pkg.warnings

    if not any(b.text.strip() or (b.table is not None and any(c.text for r in b.table.rows for c in r))
               for b in blocks):
        raise LoadError("no_text", "the Word document has no text in its body")
    return Document(doc_id=doc_id, path=path, file_name=path.replace("\\", "/").rsplit("/", 1)[-1],
                    format="docx", blocks=blocks, pages=None, furniture=furniture,
                    warnings=_dedupe(warnings))


# --------------------------------------------------------------------------
# package access
# --------------------------------------------------------------------------

class _Package:
    def __init__(self, zf: zipfile.ZipFile, names: set[str]):
        self.zf = zf
        self.names = names
        self.warnings: list[str] = []

    def read(self, name: str) -> Optional[bytes]:
        if name not in self.names:
            return None
        try:
            return self.zf.read(name)
        except Exception as e:  # damaged member (bad CRC, bad deflate stream)
            raise LoadError("corrupt", f"cannot read {name} from the DOCX: {e}") from None

    def xml(self, name: Optional[str]):
        if not name:
            return None
        raw = self.read(name)
        if raw is None:
            return None
        try:
            return etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError:
            try:
                root = etree.fromstring(raw, etree.XMLParser(recover=True, resolve_entities=False,
                                                             no_network=True, huge_tree=True))
            except etree.XMLSyntaxError:
                root = None
            if root is not None:
                self.warnings.append(f"{name}: malformed XML, read in recovery mode")
            return root

    def main_part(self) -> Optional[str]:
        rels = self.rels("")
        for typ, target in rels:
            if typ.endswith("/officeDocument") and target in self.names:
                return target
        return "word/document.xml" if "word/document.xml" in self.names else None

    def rels(self, part: str) -> list[tuple[str, str]]:
        """(relationship type, resolved target part name) for `part` ("" = package)."""
        d, base = posixpath.split(part)
        rel_name = posixpath.join(d, "_rels", base + ".rels") if part else "_rels/.rels"
        root = self.xml(rel_name)
        out = []
        if root is None:
            return out
        for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(d, target))
            out.append((rel.get("Type") or "", resolved))
        return out


def _rel_target(rels, kind: str, main: str, names: set[str]) -> Optional[str]:
    for typ, target in rels:
        if typ.endswith("/" + kind) and target in names:
            return target
    return None


# --------------------------------------------------------------------------
# styles
# --------------------------------------------------------------------------

def _on(el, w: str) -> Optional[bool]:
    """A toggle property element (w:b, w:caps, w:vanish): None when absent."""
    if el is None:
        return None
    return (el.get(f"{{{w}}}val") or "true").lower() not in ("0", "false", "off", "none")


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


# --------------------------------------------------------------------------
# numbering
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# walking the body
# --------------------------------------------------------------------------

@dataclass
class _Ctx:
    w: str
    styles: _Styles
    numbering: _Numbering
    warnings: list[str] = field(default_factory=list)

    def q(self, tag: str) -> str:
        return f"{{{self.w}}}{tag}"


def _walk(container, ctx: _Ctx, out: list[Block]) -> None:
    """Append the blocks of a block-level container (w:body, w:sdtContent,
    w:txbxContent, ...) in document order."""
    w = ctx.w
    for ch in container:
        if not isinstance(ch.tag, str):
            continue
        tag = etree.QName(ch)
        if tag.namespace == w:
            name = tag.localname
            if name == "p":
                _paragraph(ch, ctx, out)
            elif name == "tbl":
                _table_blocks(ch, ctx, out)
            elif name == "sdt":
                if _is_placeholder(ch, ctx):
                    continue
                content = ch.find(ctx.q("sdtContent"))
                if content is not None:
                    _walk(content, ctx, out)
            elif name in ("customXml", "ins", "moveTo", "smartTag"):
                _walk(ch, ctx, out)
            elif name == "altChunk":
                ctx.warnings.append("the document embeds another file (altChunk) whose text was not read")
        elif tag.namespace == _MC and tag.localname == "AlternateContent":
            branch = _choose_branch(ch)
            if branch is not None:
                _walk(branch, ctx, out)


def _is_placeholder(sdt, ctx: _Ctx) -> bool:
    """A content control still showing its prompt ("Click here to enter text.")."""
    pr = sdt.find(ctx.q("sdtPr"))
    return pr is not None and _on(pr.find(ctx.q("showingPlcHdr")), ctx.w) is True


def _choose_branch(alt):
    """One branch of mc:AlternateContent: the first Choice that has text,
    else the Fallback, else the first Choice."""
    choices = alt.findall(f"{{{_MC}}}Choice")
    fallback = alt.find(f"{{{_MC}}}Fallback")
    for c in choices:
        if _has_text(c):
            return c
    if fallback is not None and _has_text(fallback):
        return fallback
    return choices[0] if choices else fallback


def _has_text(el) -> bool:
    for t in el.iter():
        if isinstance(t.tag, str) and etree.QName(t).localname == "t" and (t.text or "").strip():
            return True
    return False


# ---- paragraph text --------------------------------------------------------

@dataclass
class _Para:
    text: str                      # raw text (tabs, "\n" for line breaks)
    visible_chars: int = 0
    bold_chars: int = 0
    caps_chars: int = 0
    boxes: list = field(default_factory=list)  # w:txbxContent elements anchored here
    shading: set = field(default_factory=set)  # run shading / highlight colours


def _para_text(p, ctx: _Ctx, para_style: Optional[str]) -> _Para:
    w = ctx.w
    parts: list[str] = []
    info = _Para(text="")
    pstyle_bold = ctx.styles.prop(para_style or ctx.styles.default_para, "bold")
    pstyle_caps = ctx.styles.prop(para_style or ctx.styles.default_para, "caps")
    pstyle_vanish = ctx.styles.prop(para_style or ctx.styles.default_para, "vanish")

    def run(r):
        rpr = r.find(ctx.q("rPr"))
        rstyle = None
        bold = caps = vanish = None
        shade = None
        if rpr is not None:
            rs = rpr.find(ctx.q("rStyle"))
            rstyle = rs.get(ctx.q("val")) if rs is not None else None
            bold = _on(rpr.find(ctx.q("b")), w)
            caps = _on(rpr.find(ctx.q("caps")), w)
            vanish = _on(rpr.find(ctx.q("vanish")), w)
            shd = rpr.find(ctx.q("shd"))
            if shd is not None:
                shade = _shd_colour(shd, w)
            hl = rpr.find(ctx.q("highlight"))
            if hl is not None and shade is None:
                shade = _HIGHLIGHT.get(hl.get(ctx.q("val")) or "")
        if bold is None:
            bold = ctx.styles.prop(rstyle, "bold")
        if bold is None:
            bold = pstyle_bold if pstyle_bold is not None else ctx.styles.default_bold
        if caps is None:
            caps = ctx.styles.prop(rstyle, "caps")
            if caps is None:
                caps = pstyle_caps
        if vanish is None:
            vanish = ctx.styles.prop(rstyle, "vanish")
            if vanish is None:
                vanish = pstyle_vanish
        if vanish:
            # hidden text is not printed, but text boxes anchored in it are drawn
            info.boxes.extend(_find_boxes(r, ctx))
            return
        for ch in r:
            if not isinstance(ch.tag, str):
                continue
            qn = etree.QName(ch)
            name = qn.localname
            if qn.namespace == w:
                piece = None
                if name == "t":
                    piece = ch.text or ""
                elif name in ("tab", "ptab"):
                    piece = "\t"
                elif name in ("br", "cr"):
                    piece = "\n" if (ch.get(ctx.q("type")) or "textWrapping") == "textWrapping" else " "
                elif name == "noBreakHyphen":
                    piece = "-"
                elif name == "sym":
                    code = ch.get(ctx.q("char")) or ""
                    try:
                        c = chr(int(code, 16))
                    except ValueError:
                        c = ""
                    piece = "•" if c in _BULLET_GLYPHS and c >= "\uf000" else c
                elif name in ("drawing", "pict", "object"):
                    info.boxes.extend(_find_boxes(ch, ctx))
                if piece:
                    parts.append(piece)
                    n = len(piece.strip())
                    info.visible_chars += n
                    if bold:
                        info.bold_chars += n
                    if caps:
                        info.caps_chars += n
                    if shade and n:
                        info.shading.add(shade)
                    elif n:
                        info.shading.add(None)
            elif qn.namespace == _MC and name == "AlternateContent":
                branch = _choose_branch(ch)
                if branch is not None:
                    info.boxes.extend(_find_boxes(branch, ctx))

    def walk(el):
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            qn = etree.QName(ch)
            name = qn.localname
            if qn.namespace == w:
                if name == "r":
                    run(ch)
                elif name in ("del", "moveFrom", "pPr", "sdtPr", "sdtEndPr", "rPr"):
                    continue
                elif name == "sdt":
                    if not _is_placeholder(ch, ctx):
                        walk(ch)
                elif name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdtContent",
                              "fldSimple", "dir", "bdo"):
                    walk(ch)
                elif name in ("oMath", "oMathPara"):
                    walk(ch)
            elif qn.namespace == _MC and name == "AlternateContent":
                branch = _choose_branch(ch)
                if branch is not None:
                    walk(branch)
            elif qn.localname in ("oMath", "oMathPara", "r"):  # Office Math: m:r holds m:t
                for t in ch.iter():
                    if isinstance(t.tag, str) and etree.QName(t).localname == "t" and t.text:
                        parts.append(t.text)
                        info.visible_chars += len(t.text.strip())

    walk(p)
    info.text = "".join(parts)
    return info


def _find_boxes(el, ctx: _Ctx) -> list:
    """w:txbxContent elements under a drawing/picture, choosing one branch of
    each mc:AlternateContent and not descending into a found text box."""
    out = []
    for ch in el:
        if not isinstance(ch.tag, str):
            continue
        qn = etree.QName(ch)
        if qn.namespace == _MC and qn.localname == "AlternateContent":
            branch = _choose_branch(ch)
            if branch is not None:
                out.extend(_find_boxes(branch, ctx))
        elif qn.localname == "txbxContent":
            out.append(ch)
        else:
            out.extend(_find_boxes(ch, ctx))
    return out


def _norm(text: str, keep_newlines: bool = False) -> str:
    text = _INVISIBLE.sub("", text)
    if keep_newlines:
        lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
        return "\n".join(ln for ln in lines if ln)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _shd_colour(shd, w: str) -> Optional[str]:
    fill = (shd.get(f"{{{w}}}fill") or "").strip()
    val = (shd.get(f"{{{w}}}val") or "").strip()
    color = (shd.get(f"{{{w}}}color") or "").strip()
    if val == "solid" and _HEX.fullmatch(color):
        return "#" + color.lower()
    if val in ("nil",):
        return None
    if _HEX.fullmatch(fill):
        return "#" + fill.lower()
    return None


# ---- paragraphs -------------------------------------------------------------

@dataclass
class _ParaResult:
    kind: str
    text: str
    typed_text: str                 # the text as typed (a typed number kept)
    numbering: Optional[str]
    printed: Optional[str]          # label as printed (for cell lines)
    level: int
    style: Optional[str]
    boxes: list
    bold: bool
    shading: set
    fill: Optional[str]


def _read_paragraph(p, ctx: _Ctx, *, keep_newlines: bool = False) -> _ParaResult:
    """Text, numbering and kind of one w:p. Advances the list counters."""
    w = ctx.w
    ppr = p.find(ctx.q("pPr"))
    style_id = None
    num_id = ilvl = None
    direct_outline = None
    para_fill = None
    if ppr is not None:
        ps = ppr.find(ctx.q("pStyle"))
        style_id = ps.get(ctx.q("val")) if ps is not None else None
        npr = ppr.find(ctx.q("numPr"))
        if npr is not None:
            nid = npr.find(ctx.q("numId"))
            il = npr.find(ctx.q("ilvl"))
            num_id = nid.get(ctx.q("val")) if nid is not None else None
            ilvl = _int(il.get(ctx.q("val"))) if il is not None else None
        ol = ppr.find(ctx.q("outlineLvl"))
        if ol is not None:
            direct_outline = _int(ol.get(ctx.q("val")))
        shd = ppr.find(ctx.q("shd"))
        if shd is not None:
            para_fill = _shd_colour(shd, w)
    if num_id is None:
        s_num, s_ilvl = ctx.styles.num(style_id)
        if s_num is not None:
            num_id = s_num
            if ilvl is None:
                ilvl = s_ilvl
    if num_id is not None and ilvl is None:
        ilvl = ctx.numbering.level_for_style(num_id, style_id) if style_id else 0
    ilvl = ilvl or 0

    info = _para_text(p, ctx, style_id)
    text = _norm(info.text, keep_newlines)

    word_label = printed = None
    fmt = None
    if num_id is not None and num_id != "0":
        printed, fmt = ctx.numbering.next_label(num_id, ilvl)
        word_label = _clean_label(printed) if printed else None
        if printed is not None:
            printed = _norm(printed)
            if printed in _BULLET_GLYPHS or fmt == "bullet":
                printed = "•"

    typed_text = text
    typed, rest = split_numbering(text.replace("\n", " ") if keep_newlines else text)
    numbering: Optional[str]
    if typed is not None:
        numbering = typed
        if keep_newlines:
            rest = _strip_prefix(text, rest)
        text = rest
        printed = None  # the label is already in the text
        source = "typed"
    elif word_label is not None:
        numbering = word_label
        source = "word"
    else:
        numbering = None
        source = None

    style_name = ctx.styles.name(style_id)
    bold = info.visible_chars > 0 and info.bold_chars == info.visible_chars
    heading_level = ctx.styles.heading_level(style_id)
    if direct_outline is not None:
        heading_level = direct_outline + 1 if 0 <= direct_outline < 9 else None

    kind = "paragraph"
    level = 0
    style = style_name
    if _is_toc(style_name):
        # a table-of-contents line repeats a heading (and its number) with a
        # page number: keep the text, but not as a numbered section
        return _ParaResult(kind="paragraph", text=typed_text, typed_text=typed_text, numbering=None,
                           printed=None, level=0, style=style, boxes=info.boxes, bold=bold,
                           shading=info.shading, fill=para_fill)
    if heading_level is not None and text:
        kind = "heading"
        level = heading_level
    elif _looks_like_heading(text, info, numbering, fmt):
        kind = "heading"
        if source == "word" and numbering and numbering != "•":
            level = numbering_level(numbering) or ilvl + 1
        elif source == "typed":
            level = max(1, numbering_level(numbering))
        else:
            level = 1
        if not style_name or style_name == ctx.styles.name(ctx.styles.default_para):
            style = "bold" if bold else "caps"
    elif source == "word":
        if re.fullmatch(r"\d+(?:\.\d+)+", numbering or ""):
            # "5.1.2" from a multi-level Word list: a numbered report paragraph,
            # as the TXT/PDF loaders see a typed "5.1.2"
            kind, level = "paragraph", numbering_level(numbering)
        else:
            kind, level = "list_item", ilvl
    elif source == "typed":
        if numbering == "•" or not re.fullmatch(r"\d+(?:\.\d+)*", numbering):
            kind, level = "list_item", ilvl if num_id not in (None, "0") else 0
        else:
            level = numbering_level(numbering)

    return _ParaResult(kind=kind, text=text, typed_text=typed_text, numbering=numbering, printed=printed, level=level,
                       style=style, boxes=info.boxes, bold=bold, shading=info.shading, fill=para_fill)


def _is_toc(style_name: Optional[str]) -> bool:
    return bool(style_name) and bool(re.fullmatch(r"(?:toc\s*\d|toc heading|table of figures)", style_name.strip(), re.I))


def _strip_prefix(text: str, rest_flat: str) -> str:
    """Remove the typed label from multi-line text, keeping its line breaks."""
    flat = text.replace("\n", " ")
    cut = len(flat) - len(rest_flat)
    return text[cut:].lstrip() if flat.endswith(rest_flat) else rest_flat


def _looks_like_heading(text: str, info: _Para, numbering: Optional[str], fmt: Optional[str]) -> bool:
    """A short paragraph set all in bold or all in capitals."""
    if not text or numbering == "•" or fmt == "bullet":
        return False
    # "3", "5.1", "A", "IV" may number a heading; "a)", "(ii)" number list items
    if numbering and not re.fullmatch(r"\d+(?:\.\d+)*|[A-Z]|[IVXL]{1,5}", numbering):
        return False
    words = text.split()
    if len(words) > 14 or len(text) > 120:
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    all_caps_text = len(letters) >= 4 and all(c.isupper() for c in letters)
    all_caps = all_caps_text or (info.visible_chars > 0 and info.caps_chars == info.visible_chars)
    all_bold = info.visible_chars > 0 and info.bold_chars == info.visible_chars
    if not (all_bold or all_caps):
        return False
    stripped = text.rstrip()
    if stripped.endswith((",", ";")):
        return False
    if stripped.endswith(".") and not all_caps and len(words) > 3:
        return False
    if stripped.endswith(":") and len(words) > 8:
        return False
    if re.fullmatch(r"[\d\s.,%£$€/()+-]+", text):
        return False
    return True


def _paragraph(p, ctx: _Ctx, out: list[Block]) -> None:
    res = _read_paragraph(p, ctx)
    if res.text:
        out.append(Block(kind=res.kind, text=res.text, numbering=res.numbering, level=res.level,
                         style=res.style))
    for box in res.boxes:
        _walk(box, ctx, out)


# ---- tables -------------------------------------------------------------------

def _wrapped_children(el, ctx: _Ctx, localname: str, *, through_alternate: bool) -> list:
    """The `localname` children of el (w:tr of a table, w:tc of a row), looking
    through the wrappers Word puts around them (content controls, custom XML,
    tracked insertions, and for rows mc:AlternateContent)."""
    out = []

    def walk(node):
        for ch in node:
            if not isinstance(ch.tag, str):
                continue
            qn = etree.QName(ch)
            if qn.namespace != ctx.w:
                if through_alternate and qn.namespace == _MC and qn.localname == "AlternateContent":
                    b = _choose_branch(ch)
                    if b is not None:
                        walk(b)
                continue
            if qn.localname == localname:
                out.append(ch)
            elif qn.localname in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                walk(ch)
    walk(el)
    return out


def _rows(tbl, ctx: _Ctx) -> list:
    return _wrapped_children(tbl, ctx, "tr", through_alternate=True)


def _cells(tr, ctx: _Ctx) -> list:
    return _wrapped_children(tr, ctx, "tc", through_alternate=False)


@dataclass
class _CellContent:
    text: str
    fill: Optional[str]
    bold: bool


def _cell_content(tc, ctx: _Ctx) -> _CellContent:
    lines: list[str] = []
    bolds: list[bool] = []
    para_fills: list[Optional[str]] = []
    run_shades: list[set] = []

    def walk(container):
        for ch in container:
            if not isinstance(ch.tag, str):
                continue
            qn = etree.QName(ch)
            if qn.namespace == _MC and qn.localname == "AlternateContent":
                b = _choose_branch(ch)
                if b is not None:
                    walk(b)
                continue
            if qn.namespace != ctx.w:
                continue
            name = qn.localname
            if name == "p":
                res = _read_paragraph(ch, ctx, keep_newlines=True)
                if res.text:
                    # Word numbering is printed before the text; a typed number or
                    # bullet stays as it was typed
                    lines.append(f"{res.printed} {res.text}" if res.printed else res.typed_text)
                    bolds.append(res.bold)
                    para_fills.append(res.fill)
                    run_shades.append(res.shading)
                for box in res.boxes:
                    sub: list[Block] = []
                    _walk(box, ctx, sub)
                    lines.extend(_block_lines(sub))
            elif name == "tbl":
                lines.extend(_nested_table_lines(ch, ctx))
            elif name == "sdt":
                if not _is_placeholder(ch, ctx):
                    c = ch.find(ctx.q("sdtContent"))
                    if c is not None:
                        walk(c)
            elif name in ("customXml", "ins", "moveTo", "sdtContent"):
                walk(ch)

    walk(tc)
    text = "\n".join(ln for ln in lines if ln)
    fill = None
    tcpr = tc.find(ctx.q("tcPr"))
    if tcpr is not None:
        shd = tcpr.find(ctx.q("shd"))
        if shd is not None:
            fill = _shd_colour(shd, ctx.w)
    if fill is None and para_fills and all(f == para_fills[0] for f in para_fills) and para_fills[0]:
        fill = para_fills[0]
    if fill is None and run_shades:
        colours = set().union(*run_shades)
        if len(colours) == 1 and None not in colours:
            fill = next(iter(colours))
    return _CellContent(text=text, fill=fill, bold=bool(bolds) and all(bolds))


def _block_lines(blocks: list[Block]) -> list[str]:
    out = []
    for b in blocks:
        if b.kind == "table" and b.table is not None:
            out.extend(_row_lines(b.table.rows))
        elif b.text:
            out.append(b.full_text if b.numbering != "•" else f"• {b.text}")
    return out


def _row_lines(rows: list[list[Cell]]) -> list[str]:
    out = []
    for row in rows:
        vals: list[str] = []
        for c in row:
            t = " ".join(c.text.split())
            if t and (not vals or vals[-1] != t):
                vals.append(t)
        if vals:
            out.append(" | ".join(vals))
    return out


def _nested_table_lines(tbl, ctx: _Ctx) -> list[str]:
    rows, _ = _grid(tbl, ctx)
    return _row_lines(rows)


def _grid(tbl, ctx: _Ctx) -> tuple[list[list[Cell]], list[dict]]:
    """Expand a w:tbl into rows x cells; also per-row facts (header mark,
    bold, single full-width cell)."""
    q = ctx.q
    grid_cols = tbl.find(f"{q('tblGrid')}")
    n_grid = len(grid_cols.findall(q("gridCol"))) if grid_cols is not None else 0
    rows: list[list[Cell]] = []
    facts: list[dict] = []
    for tr in _rows(tbl, ctx):
        trpr = tr.find(q("trPr"))
        before = after = 0
        header = False
        if trpr is not None:
            gb = trpr.find(q("gridBefore"))
            ga = trpr.find(q("gridAfter"))
            before = _int(gb.get(q("val")), 0) if gb is not None else 0
            after = _int(ga.get(q("val")), 0) if ga is not None else 0
            header = bool(_on(trpr.find(q("tblHeader")), ctx.w))
        row: list[Cell] = [Cell("") for _ in range(before)]
        prev = rows[-1] if rows else None
        bold_cells: list[bool] = []
        n_tc = 0
        for tc in _cells(tr, ctx):
            n_tc += 1
            tcpr = tc.find(q("tcPr"))
            span = 1
            vmerge = None
            hmerge = None
            if tcpr is not None:
                gs = tcpr.find(q("gridSpan"))
                if gs is not None:
                    span = max(1, _int(gs.get(q("val")), 1))
                vm = tcpr.find(q("vMerge"))
                if vm is not None:
                    vmerge = vm.get(q("val")) or "continue"
                hm = tcpr.find(q("hMerge"))
                if hm is not None:
                    hmerge = hm.get(q("val")) or "continue"
            content = _cell_content(tc, ctx)
            col = len(row)
            if vmerge == "continue" and prev is not None and col < len(prev):
                cell = Cell(prev[col].text, fill=content.fill or prev[col].fill)
            elif hmerge == "continue" and row:
                cell = Cell(row[-1].text, fill=content.fill or row[-1].fill)
            else:
                cell = Cell(content.text, fill=content.fill)
                if content.text:
                    bold_cells.append(content.bold)
            for _ in range(span):
                row.append(Cell(cell.text, fill=cell.fill))
        row.extend(Cell("") for _ in range(after))
        rows.append(row)
        facts.append({"header": header, "bold": bool(bold_cells) and all(bold_cells), "n_tc": n_tc})
    width = max([n_grid] + [len(r) for r in rows]) if rows else 0
    for r in rows:
        r.extend(Cell("") for _ in range(width - len(r)))
    return rows, facts


def _looks_like_header(row: list[Cell], bold: bool) -> bool:
    texts = [c.text for c in row]
    distinct: list[str] = []
    for t in texts:
        if t and (not distinct or distinct[-1] != t):
            distinct.append(t)
    if not distinct:
        return False
    if len(row) > 1:
        empties = [i for i, t in enumerate(texts) if not t]
        # one empty corner cell (top-left) is allowed
        if empties and empties != [0]:
            return False
        if len(distinct) < 2 and len(set(texts)) > 1:
            return False
    for t in distinct:
        flat = " ".join(t.split())
        # a number is data, except a year or financial year ("2023", "2023/24")
        if re.fullmatch(r"[\d.,%£$€\s()/+-]+", flat) and not _YEAR.fullmatch(flat):
            return False
    if bold:
        return True
    for t in distinct:
        flat = " ".join(t.split())
        words = flat.split()
        if len(words) > 8 or flat.endswith((":", ";")) or (flat.endswith(".") and len(words) > 2):
            return False
    return True


def _table_blocks(tbl, ctx: _Ctx, out: list[Block]) -> None:
    rows, facts = _grid(tbl, ctx)
    if not rows or not any(c.text for r in rows for c in r):
        return
    width = max(len(r) for r in rows)
    # leading full-width merged caption rows above a header row
    captions: list[str] = []
    while (width > 1 and len(rows) >= 3 and facts[0]["n_tc"] == 1 and rows[0][0].text
           and all(c.text == rows[0][0].text for c in rows[0])
           and len(rows[0][0].text.split()) <= 30
           and (facts[1]["header"] or _looks_like_header(rows[1], facts[1]["bold"]))):
        captions.append(rows[0][0].text)
        rows, facts = rows[1:], facts[1:]
    header_rows = 0
    while header_rows < len(rows) and facts[header_rows]["header"]:
        header_rows += 1
    if header_rows == len(rows) and len(rows) > 1:
        # every row marked as a heading row: the mark says nothing
        header_rows = 0
    if header_rows == 0 and len(rows) > 1 and _looks_like_header(rows[0], facts[0]["bold"]):
        header_rows = 1
        # a two-row header: a first row with merged group titles over bold column names
        if (len(rows) > 2 and any(rows[0][i].text == rows[0][i + 1].text for i in range(width - 1))
                and facts[1]["bold"] and not facts[2]["bold"] and _looks_like_header(rows[1], True)):
            header_rows = 2
    for cap in captions:
        num, rest = split_numbering(cap.replace("\n", " "))
        out.append(Block(kind="paragraph", text=_norm(cap) if num is None else rest,
                         numbering=num, style="table caption"))
    out.append(Block(kind="table", table=Table(rows=rows, header_rows=header_rows)))


# --------------------------------------------------------------------------
# headers and footers
# --------------------------------------------------------------------------

def _furniture(pkg: _Package, rels, main: str, names: set[str], ctx: _Ctx) -> list[str]:
    parts = [t for typ, t in rels if typ.endswith(("/header", "/footer")) and t in names]
    if not parts:
        parts = sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
    lines: list[str] = []
    snap = ctx.numbering.snapshot()
    try:
        for name in sorted(parts, key=lambda n: (0 if "header" in n else 1, n)):
            root = pkg.xml(name)
            if root is None:
                continue
            blocks: list[Block] = []
            _walk(root, ctx, blocks)
            lines.extend(_block_lines(blocks))
            # watermarks: VML WordArt (v:textpath string="DRAFT")
            for tp in root.iter(f"{{{_VML}}}textpath"):
                s = _norm(tp.get("string") or "")
                if s:
                    lines.append(s)
    finally:
        ctx.numbering.restore(snap)
    return _dedupe(lines)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def _ui_name(name: str) -> str:
    try:
        from docx.styles import BabelFish

        return BabelFish.internal2ui(name)
    except Exception:  # pragma: no cover - python-docx internals moved
        return name


def _int(s: Optional[str], default: Optional[int] = None) -> Optional[int]:
    try:
        return int(str(s).strip())
    except (TypeError, ValueError):
        return default


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out
