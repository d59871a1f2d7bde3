"""One w:p: its visible text (runs, tabs, breaks, symbols; deleted,
hidden and placeholder text skipped), the text boxes it anchors, its
Word or typed numbering, and its kind (heading, list item, paragraph)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from extractors.loaders.docx.numbering import _clean_label
from extractors.loaders.docx.ooxml import (_BULLET_GLYPHS, _HIGHLIGHT, _MC, _children, _Ctx, _choose_branch, _int,
                                           _norm, _on, _shd_colour)
from extractors.loaders.docx.settings import DEFAULT as LAYOUT
from extractors.numbering import numbering_level, split_numbering


def _is_placeholder(sdt, ctx: _Ctx) -> bool:
    """A content control still showing its prompt ("Click here to enter text.")."""
    pr = sdt.find(ctx.q("sdtPr"))
    return pr is not None and _on(pr.find(ctx.q("showingPlcHdr")), ctx.w) is True


@dataclass
class _Para:
    text: str                      # raw text (tabs, "\n" for line breaks)
    visible_chars: int = 0
    bold_chars: int = 0
    caps_chars: int = 0
    boxes: list = field(default_factory=list)  # w:txbxContent elements anchored here
    shading: set = field(default_factory=set)  # run shading / highlight colours


def _para_text(p, ctx: _Ctx, para_style: Optional[str]) -> _Para:
    reader = _ParaText(ctx, para_style)
    reader.walk(p)
    reader.info.text = "".join(reader.parts)
    return reader.info


class _ParaText:
    """Reads the visible text of one w:p into a `_Para`: its runs in order,
    through the wrappers runs sit in (insertions, hyperlinks, fields,
    content controls), with the bold, capitals and shading of each run."""

    def __init__(self, ctx: _Ctx, para_style: Optional[str]):
        self.ctx = ctx
        self.parts: list[str] = []
        self.info = _Para(text="")
        self.pstyle_bold = ctx.styles.prop(para_style or ctx.styles.default_para, "bold")
        self.pstyle_caps = ctx.styles.prop(para_style or ctx.styles.default_para, "caps")
        self.pstyle_vanish = ctx.styles.prop(para_style or ctx.styles.default_para, "vanish")

    def walk(self, el) -> None:
        ctx, w, info = self.ctx, self.ctx.w, self.info
        for ch, qn in _children(el):
            name = qn.localname
            if qn.namespace == w:
                if name == "r":
                    self.run(ch)
                elif name in ("del", "moveFrom", "pPr", "sdtPr", "sdtEndPr", "rPr"):
                    continue
                elif name == "sdt":
                    if not _is_placeholder(ch, ctx):
                        self.walk(ch)
                elif name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdtContent",
                              "fldSimple", "dir", "bdo"):
                    self.walk(ch)
                elif name in ("oMath", "oMathPara"):
                    self.walk(ch)
            elif qn.namespace == _MC and name == "AlternateContent":
                branch = _choose_branch(ch)
                if branch is not None:
                    self.walk(branch)
            elif qn.localname in ("oMath", "oMathPara", "r"):  # Office Math: m:r holds m:t
                for t in ch.iter():
                    if isinstance(t.tag, str) and etree.QName(t).localname == "t" and t.text:
                        self.parts.append(t.text)
                        info.visible_chars += len(t.text.strip())

    def run(self, r) -> None:
        ctx, w, info = self.ctx, self.ctx.w, self.info
        bold, caps, vanish, shade = self._format(r)
        if vanish:
            # hidden text is not printed, but text boxes anchored in it are drawn
            info.boxes.extend(_find_boxes(r, ctx))
            return
        for ch, qn in _children(r):
            name = qn.localname
            if qn.namespace == w:
                piece = self._piece(ch, name)
                if piece:
                    self._add(piece, bold, caps, shade)
            elif qn.namespace == _MC and name == "AlternateContent":
                branch = _choose_branch(ch)
                if branch is not None:
                    info.boxes.extend(_find_boxes(branch, ctx))

    def _format(self, r) -> tuple:
        """(bold, caps, hidden, shading colour) of a run: set on the run,
        else by its character style, else by the paragraph's style."""
        ctx, w = self.ctx, self.ctx.w
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
            bold = self.pstyle_bold if self.pstyle_bold is not None else ctx.styles.default_bold
        if caps is None:
            caps = ctx.styles.prop(rstyle, "caps")
            if caps is None:
                caps = self.pstyle_caps
        if vanish is None:
            vanish = ctx.styles.prop(rstyle, "vanish")
            if vanish is None:
                vanish = self.pstyle_vanish
        return bold, caps, vanish, shade

    def _piece(self, ch, name: str) -> Optional[str]:
        """The text of one w: child of a run; a drawing's text boxes are
        collected instead."""
        ctx = self.ctx
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
            self.info.boxes.extend(_find_boxes(ch, ctx))
        return piece

    def _add(self, piece: str, bold, caps, shade) -> None:
        info = self.info
        self.parts.append(piece)
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


def _find_boxes(el, ctx: _Ctx) -> list:
    """w:txbxContent elements under a drawing/picture, choosing one branch of
    each mc:AlternateContent and not descending into a found text box."""
    out = []
    for ch, qn in _children(el):
        if qn.namespace == _MC and qn.localname == "AlternateContent":
            branch = _choose_branch(ch)
            if branch is not None:
                out.extend(_find_boxes(branch, ctx))
        elif qn.localname == "txbxContent":
            out.append(ch)
        else:
            out.extend(_find_boxes(ch, ctx))
    return out


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


@dataclass
class _ParaProps:
    """A paragraph's own properties (w:pPr), its list resolved through its style."""
    style_id: Optional[str]
    num_id: Optional[str]
    ilvl: int
    outline: Optional[int]          # w:outlineLvl set on the paragraph itself
    fill: Optional[str]             # paragraph shading


def _read_paragraph(p, ctx: _Ctx, *, keep_newlines: bool = False) -> _ParaResult:
    """Text, numbering and kind of one w:p. Advances the list counters."""
    props = _para_props(p, ctx)
    info = _para_text(p, ctx, props.style_id)
    text = _norm(info.text, keep_newlines)
    word_label, printed, fmt = _word_label(props, ctx)
    typed_text = text
    numbering, text, printed, source = _which_label(text, word_label, printed, keep_newlines)

    style_name = ctx.styles.name(props.style_id)
    bold = info.visible_chars > 0 and info.bold_chars == info.visible_chars
    if _is_toc(style_name):
        # a table-of-contents line repeats a heading (and its number) with a
        # page number: keep the text, but not as a numbered section
        return _ParaResult(kind="paragraph", text=typed_text, typed_text=typed_text, numbering=None,
                           printed=None, level=0, style=style_name, boxes=info.boxes, bold=bold,
                           shading=info.shading, fill=props.fill)
    kind, level, style = _kind(text, info, numbering, fmt, source, props, style_name, bold, ctx)
    return _ParaResult(kind=kind, text=text, typed_text=typed_text, numbering=numbering, printed=printed, level=level,
                       style=style, boxes=info.boxes, bold=bold, shading=info.shading, fill=props.fill)


def _para_props(p, ctx: _Ctx) -> _ParaProps:
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
    return _ParaProps(style_id=style_id, num_id=num_id, ilvl=ilvl or 0, outline=direct_outline, fill=para_fill)


def _word_label(props: _ParaProps, ctx: _Ctx) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Advance the paragraph's Word list, if it is in one: (the label as the
    loaders report it, the label as printed, the level's numFmt)."""
    word_label = printed = None
    fmt = None
    if props.num_id is not None and props.num_id != "0":
        printed, fmt = ctx.numbering.next_label(props.num_id, props.ilvl)
        word_label = _clean_label(printed) if printed else None
        if printed is not None:
            printed = _norm(printed)
            if printed in _BULLET_GLYPHS or fmt == "bullet":
                printed = "•"
    return word_label, printed, fmt


def _which_label(text: str, word_label: Optional[str], printed: Optional[str],
                 keep_newlines: bool) -> tuple[Optional[str], str, Optional[str], Optional[str]]:
    """A number typed in the text wins over Word numbering: (numbering, text
    without a typed number, label to print, "typed" | "word" | None)."""
    typed, rest = split_numbering(text.replace("\n", " ") if keep_newlines else text)
    if typed is not None:
        if keep_newlines:
            rest = _strip_prefix(text, rest)
        return typed, rest, None, "typed"  # the label is already in the text
    if word_label is not None:
        return word_label, text, printed, "word"
    return None, text, printed, None


def _kind(text: str, info: _Para, numbering: Optional[str], fmt: Optional[str], source: Optional[str],
          props: _ParaProps, style_name: Optional[str], bold: bool, ctx: _Ctx) -> tuple[str, int, Optional[str]]:
    """(kind, level, style) of a paragraph that is not a table-of-contents line."""
    ilvl, num_id = props.ilvl, props.num_id
    heading_level = ctx.styles.heading_level(props.style_id)
    if props.outline is not None:
        heading_level = props.outline + 1 if 0 <= props.outline < 9 else None

    kind = "paragraph"
    level = 0
    style = style_name
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
    return kind, level, style


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
    if len(words) > LAYOUT.heading_max_words or len(text) > LAYOUT.heading_max_chars:
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < LAYOUT.heading_min_letters:
        return False
    all_caps_text = len(letters) >= LAYOUT.caps_min_letters and all(c.isupper() for c in letters)
    all_caps = all_caps_text or (info.visible_chars > 0 and info.caps_chars == info.visible_chars)
    all_bold = info.visible_chars > 0 and info.bold_chars == info.visible_chars
    if not (all_bold or all_caps):
        return False
    stripped = text.rstrip()
    if stripped.endswith((",", ";")):
        return False
    if stripped.endswith(".") and not all_caps and len(words) > LAYOUT.heading_stop_max_words:
        return False
    if stripped.endswith(":") and len(words) > LAYOUT.heading_colon_max_words:
        return False
    if re.fullmatch(r"[\d\s.,%£$€/()+-]+", text):
        return False
    return True
