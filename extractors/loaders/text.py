"""TXT / MD loader.

Plain-text council papers are usually text pulled out of a PDF or Word file:
one paragraph per line (or hard-wrapped lines), tables as tab-separated lines
(sometimes with <p> markup inside cells), running lines such as a RAG legend
repeated on every former page, and form feeds at page breaks when the tool
kept them. This loader turns that into the shared Document model.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.loaders.errors import LoadError
from extractors.model import Block, Cell, Document, Table
from extractors.numbering import numbering_level, split_numbering

_P_TAG = re.compile(r"</?p\s*/?>", re.I)
_OTHER_TAG = re.compile(r"</?(?:br|span|div|b|i|strong|em|u)\b[^>]*>", re.I)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def decode_text(data: bytes) -> str:
    """UTF-32 or UTF-16 when the text starts with their byte-order mark;
    else UTF-8 (with or without BOM), falling back to cp1252 (Windows Word
    exports), then latin-1 which never fails."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise LoadError("corrupt", "text could not be decoded")  # pragma: no cover


def _clean_cell(text: str) -> str:
    text = _P_TAG.sub("\n", text)
    text = _OTHER_TAG.sub("", text)
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _squash(cells: list[str]) -> str:
    """Row text without any whitespace: two renderings of one header row
    ('Area for Improvement' vs 'Ar<TAB>ea for Improvement') compare equal."""
    return re.sub(r"\s+", "", "".join(cells)).lower()


def _looks_like_header(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(c.rstrip().endswith(":") for c in filled):
        return False
    for c in filled:
        words = c.split()
        if len(words) > 12 or (c.rstrip().endswith(".") and len(words) > 2):
            return False
        if re.fullmatch(r"[\d.,%£\s-]+", c):
            return False
    return True


def _is_heading(text: str, numbering: str | None) -> bool:
    words = text.split()
    if not words or len(words) > 14:
        return False
    if text.rstrip().endswith((".", ",")) and not text.isupper():
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    upper_ratio = sum(ch.isupper() for ch in letters) / len(letters)
    if upper_ratio > 0.8 and len(letters) >= 3:
        return True
    # "3. Background", "Purpose of report": short, Title-ish, no sentence end,
    # with a top-level number or no number at all
    if numbering and numbering_level(numbering) == 1 and len(words) <= 8 and words[0][:1].isupper():
        return not text.rstrip().endswith((".", ":", ";")) or text.isupper()
    return False


def load(data: bytes, *, path: str, doc_id: str) -> Document:
    # Longer than 80 lines, knowingly: one pass over the lines with the
    # paragraph and table state (flush_para / flush_table) as closures.
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ")
    if not text.strip():
        raise LoadError("empty", "the text file is empty")

    pages_raw = text.split("\f")
    has_pages = len(pages_raw) > 1
    lines: list[tuple[int | None, str]] = []
    for pno, ptxt in enumerate(pages_raw, start=1):
        for ln in ptxt.split("\n"):
            lines.append((pno if has_pages else None, ln.rstrip()))

    # Lines repeated verbatim 3+ times (running headers, RAG legends, page
    # footers of the document the text came from) are page furniture.
    counts = Counter(ln.strip() for _, ln in lines if len(ln.strip()) >= 8)
    repeated = {ln for ln, n in counts.items() if n >= 3 and not _is_paragraph_like(ln)}
    furniture_lines = repeated - _table_heads(repeated, lines)

    blocks: list[Block] = []
    furniture: list[str] = sorted(furniture_lines)
    table_rows: list[list[Cell]] = []
    table_pages: list[int] = []
    header_key: str | None = None
    header_tokens: set[str] = set()
    header_rows = 0
    para: list[str] = []
    para_page: int | None = None

    def flush_para():
        nonlocal para, para_page
        if para:
            _add_text_block(blocks, " ".join(para), para_page)
        para, para_page = [], None

    def flush_table():
        nonlocal table_rows, table_pages, header_key, header_rows
        if table_rows:
            width = max(len(r) for r in table_rows)
            rows = [r + [Cell("")] * (width - len(r)) for r in table_rows]
            blocks.append(Block(kind="table", page=table_pages[0] if table_pages else None,
                                table=Table(rows=rows, header_rows=header_rows,
                                            pages=sorted(set(table_pages)))))
        table_rows, table_pages, header_key, header_rows = [], [], None, 0

    for idx, (page, ln) in enumerate(lines):
        stripped = ln.strip()
        if stripped in furniture_lines:
            continue
        if _tab_row(ln):
            flush_para()
            cells = [_clean_cell(c) for c in ln.split("\t")]
            while len(cells) > 1 and not cells[-1]:
                cells.pop()
            key = _squash(cells)
            if table_rows and header_key and _same_header(key, cells, header_tokens):
                continue  # header row repeated after a page break
            if not table_rows:
                if _looks_like_header(cells):
                    header_key, header_rows = key, 1
                    header_tokens = _tokens(cells)
            table_rows.append([Cell(c, page=page) for c in cells])
            if page:
                table_pages.append(page)
            continue
        if not stripped:
            flush_para()
            # a table continues over blank lines when the next text line is a tab row
            nxt = _next_nonblank(lines, idx)
            if table_rows and nxt is not None and "\t" in nxt and _tab_row(nxt):
                continue
            flush_table()
            continue
        flush_table()
        md = _MD_HEADING.match(stripped) if fmt == "md" else None
        if md:
            flush_para()
            num, rest = split_numbering(md.group(2))
            blocks.append(Block(kind="heading", text=rest, numbering=num,
                                level=len(md.group(1)), page=page))
            continue
        num, _ = split_numbering(stripped)
        if num is not None:
            flush_para()  # a new numbered paragraph or bullet starts
        elif para and _ends_sentence(para[-1]) and stripped[:1].isupper():
            flush_para()
        if not para:
            para_page = page
        para.append(stripped)
    flush_para()
    flush_table()
    blocks = join_continued_tables(blocks, furniture)
    if not any(b.text or b.table for b in blocks):
        raise LoadError("no_text", "the text file has no readable text")
    return Document(doc_id=doc_id, path=path, file_name=path.replace("\\", "/").rsplit("/", 1)[-1],
                    format=fmt, blocks=blocks, pages=len(pages_raw) if has_pages else None,
                    furniture=furniture)


def _table_heads(candidates: set[str], lines) -> set[str]:
    """Of the repeated lines, those that head a table: a tab row followed
    (within 40 lines) by a wider-or-equal tab row is a table's header
    repeated after page breaks, not furniture. One pass over the lines (a
    file of a million repeated tab rows must not take a million squared)."""
    tabbed = {c: len(c.split("\t")) for c in candidates if "\t" in c and len(c.split("\t")) >= 4}
    heads: set[str] = set()
    if not tabbed:
        return heads
    following = [None] * len(lines)     # index of the next non-blank line within 40 lines
    nxt = None
    for i in range(len(lines) - 1, -1, -1):
        following[i] = nxt if nxt is not None and nxt - i < 40 else None
        if lines[i][1].strip():
            nxt = i
    for i, (_, ln) in enumerate(lines):
        line = ln.strip()
        width = tabbed.get(line)
        if width is None or line in heads or following[i] is None:
            continue
        after = lines[following[i]][1]
        if "\t" in after and after.strip() != line and len(after.split("\t")) >= width:
            heads.add(line)
    return heads


def _same_header(key: str, cells: list[str], header_tokens: set[str]) -> bool:
    """A row that repeats the table's header, allowing for words that the
    text extraction split or merged across cells ('Ar<TAB>ea for ...')."""
    toks = _tokens(cells)
    if not toks or len(header_tokens) < 3:
        return False
    return len(toks & header_tokens) / len(toks | header_tokens) >= 0.7


def _tokens(cells: list[str]) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", " ".join(cells).lower()))


def join_continued_tables(blocks: list[Block], furniture: list[str]) -> list[Block]:
    """Join a table that continues after a page break: the next table has
    the same column count and either repeats (roughly: text extraction may
    split a header word) the first table's header, or has no header; only
    short page-furniture lines (page numbers, legends) may lie between."""
    out: list[Block] = []
    pending_junk: list[Block] = []
    last_table: Block | None = None
    for b in blocks:
        if b.kind == "table" and last_table is not None:
            prev, cur = last_table.table, b.table
            prev_head = _tokens([c.text for c in prev.rows[0]]) if prev.header_rows else set()
            first = _tokens([c.text for c in cur.rows[0]])
            same_width = abs(cur.n_cols - prev.n_cols) <= 1
            sim = len(prev_head & first) / max(1, len(prev_head | first)) if prev_head else 0.0
            if same_width and (sim >= 0.6 or (cur.header_rows == 0 and prev.header_rows and sim < 0.3 and _continuation_ok(pending_junk))):
                body = cur.rows[1:] if sim >= 0.6 else cur.rows
                width = max(prev.n_cols, cur.n_cols)
                prev.rows = [r + [Cell("")] * (width - len(r)) for r in prev.rows + body]
                prev.pages = sorted(set(prev.pages) | set(cur.pages))
                furniture.extend(j.full_text for j in pending_junk)
                pending_junk = []
                continue
        if b.kind == "table":
            out.extend(pending_junk)
            pending_junk = []
            out.append(b)
            last_table = b
            continue
        if last_table is not None and len(b.full_text.split()) <= 12 and b.kind != "heading":
            pending_junk.append(b)
            continue
        out.extend(pending_junk)
        pending_junk = []
        out.append(b)
        last_table = None
    out.extend(pending_junk)
    return out


def _continuation_ok(junk: list[Block]) -> bool:
    return len(junk) <= 3


def _is_paragraph_like(line: str) -> bool:
    return "\t" not in line and len(line.split()) > 15


def _tab_row(line: str) -> bool:
    """A tab-separated table row, not a paragraph that happens to hold one tab
    ('Tel No:\t01572...' label/value lines still count: they form a 2-col table)."""
    return line.strip() != "" and "\t" in line


def _next_nonblank(lines, idx):
    for _, ln in lines[idx + 1: idx + 40]:
        if ln.strip():
            return ln
    return None


def _ends_sentence(s: str) -> bool:
    return s.rstrip().endswith((".", ":", ";", "?", "!"))


def _add_text_block(blocks: list[Block], text: str, page: int | None) -> None:
    num, rest = split_numbering(text)
    if num == "•":
        blocks.append(Block(kind="list_item", text=rest, numbering="•", level=1, page=page))
        return
    if num and not re.fullmatch(r"\d+(?:\.\d+)*", num):
        # a), (iii), Action 4: list items under the current paragraph
        blocks.append(Block(kind="list_item", text=rest, numbering=num, level=1, page=page))
        return
    if _is_heading(rest, num):
        blocks.append(Block(kind="heading", text=rest, numbering=num,
                            level=max(1, numbering_level(num)), page=page))
        return
    blocks.append(Block(kind="paragraph", text=rest, numbering=num,
                        level=numbering_level(num), page=page))
