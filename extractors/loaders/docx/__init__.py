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

The package, along those seams (every layout threshold is a field of
`settings.DocxLayout`; `settings.DEFAULT` is the one in use):

* package.py     the ZIP/OPC package: parts, relationships, XML parsing;
* styles.py      style definitions and their inheritance (basedOn);
* numbering.py   Word list numbering: definitions, counters, printed labels;
* body.py        the body walked in document order (paragraphs, tables,
                 content controls, text boxes);
* paragraphs.py  one paragraph's text, numbering and kind;
* tables.py      tables: merged cells, cell text and fill, header rows,
                 caption rows;
* ooxml.py       namespaces, small element readers and the walking context
                 shared by the others.
"""
from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from extractors.loaders.docx.body import _walk
from extractors.loaders.docx.numbering import _Numbering
from extractors.loaders.docx.ooxml import _VML, _W_TRANSITIONAL, _Ctx, _dedupe, _norm
from extractors.loaders.docx.package import _Package, _rel_target
from extractors.loaders.docx.styles import _Styles
from extractors.loaders.docx.tables import _block_lines, _boxes_over_tables
from extractors.loaders.errors import LoadError
from extractors.model import Block, Document


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
        blocks = _boxes_over_tables(blocks)

        furniture = _furniture(pkg, rels, main, names, ctx)
        warnings = ctx.warnings + pkg.warnings

    if not any(b.text.strip() or (b.table is not None and any(c.text for r in b.table.rows for c in r))
               for b in blocks):
        raise LoadError("no_text", "the Word document has no text in its body")
    return Document(doc_id=doc_id, path=path, file_name=path.replace("\\", "/").rsplit("/", 1)[-1],
                    format="docx", blocks=blocks, pages=None, furniture=furniture,
                    warnings=_dedupe(warnings))


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
