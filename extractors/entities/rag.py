"""RAG (Red / Amber / Green, plus Blue and Complete) ratings.

Pure functions, no document I/O:

* :func:`normalise_rag` -- a RAG cell's text and/or background fill ->
  ``(rag, rag_raw)`` with rag in ``red|amber|green|blue|complete``.
* :func:`rag_from_colour` -- a fill colour ("#rrggbb") -> rag by hue,
  saturation and value, not by a fixed list of hex codes.
* :func:`is_rag_header` -- is a column header a RAG / rating column?

Decisions (also in docs):

* Words: Red, Amber, Green, Blue (any case, also "Amber Rating").
  "Complete", "Completed", "Achieved", "Fully achieved", "Done", "Implemented" (an
  audit recommendation's status) ->
  ``complete``; "On track", "On task", "On target", "On schedule", "Ahead of
  target" -> ``green``; "At risk", "At risk of not achieving", "Some
  slippage", "Partially achieved/met/complete", "Slightly off track" ->
  ``amber``; "Off track", "Not achieved", "Not met", "Not on track" ->
  ``red``.  A cell such as "Complete reflective case summaries" (an
  instruction) is not a rating: "complete"/"achieved" must stand alone or
  be followed by punctuation.
* Single letters R / A / G / B (and combos like "A/G") count only when the
  caller knows the text is a RAG column: ``letters_ok=True``.
* Combined ratings ("Amber/Green", "A/G", "Red-Amber", "G (Complete)") take
  the first rating printed; ``rag_raw`` keeps the whole text, so the
  combination is not lost.
* A legend ("Red / Amber / Green", "Achieved / On Task / At risk of not
  achieving", "Green is showing good progress ..., amber ... and red ...")
  names three or more different ratings and is *not* a rating: None.
* When the text gives no rating the fill decides (``rag_raw`` is then the
  fill, e.g. "#ffc000"); when both give one, the printed text wins.
"""
from __future__ import annotations

import colorsys
import re
from typing import Optional

__all__ = ["normalise_rag", "rag_from_colour", "is_rag_header"]

# phrase -> rating; longer phrases first so "not achieved" beats "achieved"
_PHRASES: list[tuple[str, str]] = [
    (r"at\s+risk(?:\s+of\s+not\s+(?:achieving|being\s+(?:met|achieved|delivered)|meeting))?", "amber"),
    (r"(?:significantly|seriously|severely)\s+off[\s\-]+(?:track|target)", "red"),
    (r"(?:slightly|marginally)\s+off[\s\-]+(?:track|target)", "amber"),
    (r"off[\s\-]+(?:track|target)", "red"),
    (r"not\s+(?:yet\s+)?(?:achieved|met|on\s+track|on\s+target|delivered)", "red"),
    (r"(?:partially|partly)\s+(?:achieved|met|complete[d]?|delivered)", "amber"),
    (r"(?:some\s+)?slippage", "amber"),
    (r"fully\s+(?:achieved|complete[d]?|met|delivered)", "complete"),
    (r"on[\s\-]+(?:track|task|target|schedule)", "green"),
    (r"ahead\s+of\s+(?:target|schedule|plan)", "green"),
    (r"complete[d]?|achieved|done|implemented", "complete"),
    (r"red", "red"),
    (r"amber|orange|yellow", "amber"),
    (r"green", "green"),
    (r"blue", "blue"),
]
_PHRASE_RE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PHRASES)), re.I)
_LETTER = {"r": "red", "a": "amber", "g": "green", "b": "blue", "c": "complete"}
_COLOURS = {"red", "amber", "green", "blue"}
_STATUS_WORDS = {"complete", "completed", "achieved", "done", "implemented"}

# the leading rating of a cell: a phrase at the start, then end of text or
# a separator ("Amber - work ongoing", "Green (Complete)", "Amber/Green")
_LEAD = re.compile(rf"^[\s\W_]*?(?:(?:rag|status|rating)\s*[:\-–]\s*)?(?P<r>{_PHRASE_RE.pattern})(?P<after>.*)$",
                   re.I | re.S)
_LEAD_LETTER = re.compile(r"^[\s*•\-–(\[]*(?P<l>[RAGBC])(?P<after>(?:\s*[/\-–&+]\s*[RAGB](?![A-Za-z]))*"
                          r"(?:[\s*)\].,:;]|\s*\(.*)?)$", re.I | re.S)
_WORD_AFTER_OK = re.compile(r"^\s*(?:$|[/\-–—&+,.;:()\[\]*]|\n|(?:rag|rating|status)\b)", re.I)


def _phrase_rating(m: re.Match) -> str:
    for i, (_, r) in enumerate(_PHRASES):
        if m.group(f"p{i}") is not None:
            return r
    raise AssertionError


def _distinct_ratings(text: str) -> set[str]:
    return {_phrase_rating(m) for m in _PHRASE_RE.finditer(text)
            if (m.start() == 0 or not text[m.start() - 1].isalpha())
            and (m.end() == len(text) or not text[m.end()].isalpha())}


def _text_rating(text: str, letters_ok: bool) -> Optional[str]:
    t = " ".join(text.split())
    if not t:
        return None
    if len(_distinct_ratings(t)) >= 3:
        return None  # a legend, not a rating
    m = _LEAD.match(t)
    if m:
        phrase = m.group("r")
        after = m.group("after")
        if after[:1].isalpha():
            m = None  # "Greenwich", "Reduce", "Completeness"
        else:
            rating = _phrase_rating(_PHRASE_RE.match(phrase))
            short = len(t.split()) <= 4
            if phrase.lower() in _STATUS_WORDS and not _WORD_AFTER_OK.match(after):
                # "Complete reflective case summaries": an instruction, not a status
                return None
            if short or _WORD_AFTER_OK.match(after) or (letters_ok and rating in _COLOURS
                                                         and phrase.lower() not in ("orange", "yellow")):
                return rating
            return None
    if letters_ok:
        lm = _LEAD_LETTER.match(t)
        if lm:
            return _LETTER[lm.group("l").lower()]
    return None


def normalise_rag(text: Optional[str], fill: Optional[str] = None, *, letters_ok: bool = False
                  ) -> Optional[tuple[str, str]]:
    """A RAG rating from a cell's text and/or its background colour.

    Returns ``(rag, rag_raw)`` -- rag in ``red|amber|green|blue|complete``,
    rag_raw the printed text stripped of surrounding whitespace (or the fill
    colour when only the colour gives the rating) -- or None when neither is
    a rating.  ``letters_ok=True`` accepts the single letters R/A/G/B (and
    "A/G") used in RAG columns; leave it False for prose, where "A" is an
    article.

    >>> normalise_rag("Amber/Green")
    ('amber', 'Amber/Green')
    >>> normalise_rag("G", letters_ok=True)
    ('green', 'G')
    >>> normalise_rag("", "#00b050")
    ('green', '#00b050')
    """
    if text is not None:
        raw = text.strip()
        r = _text_rating(raw, letters_ok)
        if r is not None:
            return r, raw
    if fill:
        r = rag_from_colour(fill)
        if r is not None:
            return r, fill.strip()
    return None


_NAMED = {
    "red": "#ff0000", "darkred": "#8b0000", "yellow": "#ffff00", "darkyellow": "#808000", "amber": "#ffc000",
    "orange": "#ffa500", "green": "#00ff00", "darkgreen": "#006400", "brightgreen": "#00ff00", "lime": "#00ff00",
    "blue": "#0000ff", "darkblue": "#00008b", "cyan": "#00ffff", "turquoise": "#40e0d0", "teal": "#008080",
    "magenta": "#ff00ff", "pink": "#ffc0cb", "violet": "#ee82ee", "black": "#000000", "white": "#ffffff",
    "gray": "#808080", "grey": "#808080", "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3",
    "darkgray": "#a9a9a9", "darkgrey": "#a9a9a9",
}


def _rgb(colour: str) -> Optional[tuple[float, float, float]]:
    c = colour.strip().lower().replace(" ", "")
    if c in _NAMED:
        c = _NAMED[c]
    c = c.lstrip("#")
    if c.startswith("0x"):
        c = c[2:]
    if re.fullmatch(r"[0-9a-f]{3}", c):
        c = "".join(ch * 2 for ch in c)
    elif re.fullmatch(r"[0-9a-f]{8}", c):
        c = c[2:]  # ARGB (Excel / openpyxl)
    if not re.fullmatch(r"[0-9a-f]{6}", c):
        m = re.fullmatch(r"rgba?\((\d+),(\d+),(\d+)(?:,[\d.]+)?\)", c)
        if not m:
            return None
        return tuple(min(int(v), 255) / 255 for v in m.groups())  # type: ignore[return-value]
    return tuple(int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def rag_from_colour(hex_fill: str) -> Optional[str]:
    """The RAG a background colour stands for, from its hue, saturation and
    value -- so any shade works, not only the Office palette.

    * saturation < 0.15 (white, greys, very pale header tints such as
      #dbe5f1) or value < 0.25 (near black): None
    * hue < 15 deg or >= 330 deg: red   (#ff0000, #c00000, Excel "bad" #ffc7ce)
    * 15-70 deg:  amber                 (#ffc000, #ffbf00, #ffff00, #ffeb9c)
    * 70-170 deg: green                 (#00b050, #92d050, #c6efce)
    * 170-260 deg: blue                 (#0070c0, #00b0f0, #5b9bd5)
    * 260-330 deg (purple, magenta): None
    Accepts "#rrggbb", "rrggbb", "#rgb", ARGB "ffrrggbb", "rgb(r,g,b)" and
    the basic colour names Word uses for highlights ("yellow", "darkRed").
    """
    if not hex_fill:
        return None
    rgb = _rgb(hex_fill)
    if rgb is None:
        return None
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    if v < 0.25 or s < 0.15:
        return None
    deg = h * 360
    if deg < 15 or deg >= 330:
        return "red"
    if deg < 70:
        return "amber"
    if deg < 170:
        return "green"
    if deg < 260:
        return "blue"
    return None


_HEADER = re.compile(
    r"^(?:(?:overall|current|progress|delivery|status|performance|risk|latest|q[1-4]|quarter\s*\d|"
    r"direction\s+of\s+travel)\s+)*"
    r"(?:b?rag(?:b)?|r\s*/\s*a\s*/\s*g(?:\s*/\s*b)?|b\s*/\s*r\s*/\s*a\s*/\s*g|red\s*/\s*amber\s*/\s*green|"
    r"traffic\s+lights?|rating)"
    r"(?:\s+(?:status|rating|score|assessment|progress|position))?"
    r"(?:\s*\((?:b?rag|r\s*/\s*a\s*/\s*g|rating)\))?$"
    r"|^(?:status|progress|rating|assessment)\s*\((?:b?rag|r\s*/\s*a\s*/\s*g)\)$"
    r"|\bb?rag\b"
    r"|\br\s*/\s*a\s*/\s*g\b", re.I)


def is_rag_header(header: str) -> bool:
    """True for a column header naming a RAG / rating column: "RAG", "RAG
    Status", "Progress RAG", "RAG rating", "Status (RAG)", "BRAG", "R/A/G",
    "Rating", "Overall rating", "Traffic light".  False for "Status",
    "Progress", "Risk", "Storage", "Drag" or any header merely containing
    the letters."""
    if not header:
        return False
    h = " ".join(header.replace("\n", " ").split()).strip(" :*")
    return bool(_HEADER.search(h))
