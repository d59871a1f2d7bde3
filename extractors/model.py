"""The document model: one typed value that every loader produces and every
later stage consumes.

A `Document` is an ordered list of `Block`s (heading, paragraph, list item,
table) with page numbers (PDF only), recovered numbering and, for tables,
rows x cells with a detected header row. Loaders for PDF, DOCX and TXT/MD all
produce this same shape, so entity extractors never look at file formats.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

BlockKind = Literal["heading", "paragraph", "list_item", "table"]


@dataclass
class Cell:
    """One table cell. `text` is the cell's text with line breaks kept as
    "\n" (a cell holding a bulleted list keeps one bullet per line).
    `fill` is the cell's background colour as "#rrggbb" when the source
    gives one (PDF rectangle fill, DOCX shading), else None; it lets the
    RAG extractor read a rating from a cell that carries only a colour.
    `spanned` marks a grid slot that repeats the text of a merged cell
    spanning it (printed once, so its numbers are counted once)."""

    text: str
    fill: Optional[str] = None
    page: Optional[int] = None
    spanned: bool = False


@dataclass
class Table:
    """rows x cells. Merged cells are expanded: a cell spanning several
    columns or rows repeats its text in each grid position it covers.
    `header_rows` counts the leading rows that form the header (0 when none
    was detected). `pages` lists every page the table spans (PDF)."""

    rows: list[list[Cell]]
    header_rows: int = 0
    pages: list[int] = field(default_factory=list)
    # column names printed over an earlier table, for a table with no header
    # row of its own (a log set out as one table per meeting under headings,
    # the names printed once at the top); every row is then body
    names: list[str] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        """Column names: header rows joined top to bottom per column."""
        if not self.header_rows and self.names:
            return list(self.names)
        if not self.header_rows or not self.rows:
            return []
        ncols = max(len(r) for r in self.rows)
        heads = self.rows[: self.header_rows]
        if len(heads) > 1 and ncols >= 3:
            # a row spanning the whole table names no column: a title above the
            # column names ("ACTION LOG – JULY 2013") or a group heading below
            # them ("Meeting of 14 May 2013") set in bold like the header
            heads = [r for r in heads if not banner_row(r, ncols)] or heads
        names = []
        for c in range(ncols):
            parts: list[str] = []
            for r in heads:
                if c < len(r):
                    t = " ".join(r[c].text.split())
                    if t and (not parts or parts[-1] != t):
                        parts.append(t)
            names.append(" ".join(parts))
        return names

    def box_lines(self) -> list[tuple[Cell, str]]:
        """The lines of a box - a table whose every row is one cell, or one text
        across its merged cells - as (cell, text), blank rows left out; [] for
        any other table."""
        if any(len({c.text.strip() for c in r if c.text.strip()}) > 1 for r in self.rows):
            return []
        return [(r[0], " ".join(r[0].text.split())) for r in self.rows if r and r[0].text.strip()]

    @property
    def body(self) -> list[list[Cell]]:
        return self.rows[self.header_rows:]

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def page_of(self, cell: Cell) -> Optional[int]:
        """The page a cell is printed on: its own, else the table's first."""
        return cell.page or (self.pages[0] if self.pages else None)


@dataclass
class Block:
    """One unit of the body in reading order.

    kind      heading | paragraph | list_item | table
    text      the text without its numbering prefix ("" for tables)
    numbering the printed or recovered number/label: "5.1.2", "a)", "(iii)",
              "Action 4", "•" for an unnumbered bullet; None when there is none
    level     nesting depth: heading level (1 = top) or list depth (0 = top)
    page      1-based page (PDF); None for DOCX/TXT
    style     source style name (DOCX style, "bold", font size hint) if known
    table     the Table for kind == "table"
    """

    kind: BlockKind
    text: str = ""
    numbering: Optional[str] = None
    level: int = 0
    page: Optional[int] = None
    style: Optional[str] = None
    table: Optional[Table] = None

    @property
    def full_text(self) -> str:
        """Text as printed, numbering included."""
        if self.numbering and self.numbering != "•":
            return f"{self.numbering} {self.text}".strip()
        return self.text


@dataclass
class Document:
    """A loaded paper. `blocks` is the body in reading order with page
    furniture (running headers/footers, page numbers, watermarks) removed;
    `furniture` keeps what was removed (DOCX headers/footers, repeated PDF
    page headers) for metadata detection. `pages` is None for TXT/DOCX
    where the format has no fixed pages."""

    doc_id: str
    path: str
    file_name: str
    format: Literal["pdf", "docx", "txt", "md"]
    blocks: list[Block]
    pages: Optional[int] = None
    furniture: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # pages read by OCR (no text layer): page -> mean word confidence (0-1)
    ocr_pages: dict[int, float] = field(default_factory=dict)

    def tables(self) -> list[tuple[int, Table]]:
        """(table index, table) for every table block, in order. The table
        index is the N in a `table:N/row:M/col:NAME` locator."""
        out = []
        for b in self.blocks:
            if b.kind == "table" and b.table is not None:
                out.append((len(out), b.table))
        return out

    @property
    def text(self) -> str:
        parts = []
        for b in self.blocks:
            if b.kind == "table" and b.table is not None:
                for row in b.table.rows:
                    parts.append("\t".join(c.text.replace("\n", " ") for c in row))
            else:
                parts.append(b.full_text)
        return "\n".join(parts)


def banner_row(row: list["Cell"], ncols: int) -> bool:
    """A row that is one text across the table: every filled cell the same
    text, and either copies of it in (nearly) every column (a merged cell)
    or a title of three words or more alone in the first cell."""
    texts = [" ".join(c.text.split()) for c in row]
    filled = [t for t in texts if t]
    if not filled or len(set(filled)) != 1:
        return False
    return len(filled) >= ncols - 1 or (len(filled) == 1 and bool(texts[0]) and len(row) == ncols
                                        and len(filled[0].split()) >= 3)
