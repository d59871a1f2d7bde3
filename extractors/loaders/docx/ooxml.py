"""What the parts of the DOCX loader share: namespaces, small readers of
WordprocessingML elements (toggles, integers, shading, alternate
content), text normalisation, and the context a walk of the body
carries (styles, numbering, warnings)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from lxml import etree

if TYPE_CHECKING:  # annotations only: styles and numbering import this module
    from extractors.loaders.docx.numbering import _Numbering
    from extractors.loaders.docx.styles import _Styles


_W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_VML = "urn:schemas-microsoft-com:vml"
_HIGHLIGHT = {
    "yellow": "#ffff00", "green": "#00ff00", "red": "#ff0000", "blue": "#0000ff",
    "cyan": "#00ffff", "magenta": "#ff00ff", "darkYellow": "#808000", "darkGreen": "#008000",
    "darkRed": "#800000", "darkBlue": "#000080", "darkCyan": "#008080", "darkMagenta": "#800080",
    "lightGray": "#c0c0c0", "darkGray": "#808080", "black": "#000000", "white": "#ffffff",
}
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_HEX = re.compile(r"[0-9a-fA-F]{6}")
# Symbol/Wingdings private-use bullet glyphs Word writes in lvlText
_BULLET_GLYPHS = set("\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf071\uf0d9•●▪■◦○·‣⁃–-*o>")


def _on(el, w: str) -> Optional[bool]:
    """A toggle property element (w:b, w:caps, w:vanish): None when absent."""
    if el is None:
        return None
    return (el.get(f"{{{w}}}val") or "true").lower() not in ("0", "false", "off", "none")


@dataclass
class _Ctx:
    w: str
    styles: _Styles
    numbering: _Numbering
    warnings: list[str] = field(default_factory=list)

    def q(self, tag: str) -> str:
        return f"{{{self.w}}}{tag}"


def _children(el) -> Iterator[tuple]:
    """(child, its QName) for each element child of `el`; comments and
    processing instructions (whose tag is not a string) are skipped."""
    for ch in el:
        if isinstance(ch.tag, str):
            yield ch, etree.QName(ch)


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
