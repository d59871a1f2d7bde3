"""The small records the PDF loader passes between its stages: a page's
words, lines and ruled tables, and what one page holds."""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Optional

from extractors.model import Cell
from extractors.numbering import BULLETS


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: float  # fraction of bold characters


@dataclass
class Line:
    words: list[Word]
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: float = 0.0
    text: str = ""
    # reading order on the page when it is not top to bottom: (zone top, column, top)
    # for a line in a two-column passage (lines.page_lines); empty otherwise
    order: tuple = ()

    def finish(self) -> "Line":
        # (lists rather than generators: the same min / max / sum, in the same order, sooner)
        words = self.words
        words.sort(key=_X0)
        self.x0 = min([w.x0 for w in words])
        self.x1 = max([w.x1 for w in words])
        self.top = min([w.top for w in words])
        self.bottom = max([w.bottom for w in words])
        lens = [len(w.text) for w in words]
        n = sum(lens) or 1
        self.size = sum([w.size * k for w, k in zip(words, lens)]) / n
        self.bold = sum([w.bold * k for w, k in zip(words, lens)]) / n
        self.text = " ".join([w.text for w in words])
        return self


_X0 = attrgetter("x0")


@dataclass
class PageTable:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[Cell]]
    col_x: list[float]           # left edge of each column
    bold_rows: list[bool]
    filled_first_row: bool = False
    open_top: bool = False      # closed by an added line: the first row was cut by a page break
    open_bottom: bool = False   # the last row continues on the next page
    cell_text: str = ""         # every cell's text once (merged cells are repeated in rows)
    word_ids: frozenset = frozenset()  # id() of the page words placed in its cells

    @property
    def top(self) -> float:
        return self.bbox[1]


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    dropped: int = 0            # characters left out (watermarks, overprint, off-page)
    dropped_text: str = ""      # their text, for the text-fidelity check
    ocr: Optional[float] = None  # read by OCR: the page's mean word confidence (0-1)


_STRONG_BULLETS = set(BULLETS) - set("-–*o·")
_TERMINAL = (".", ":", ";", "!", "?")
