"""Format loaders: bytes in, Document out.

`sniff_format` decides the format from the bytes (a PDF renamed .docx is
still a PDF; a .pdf that is really HTML is rejected), and `load_document`
dispatches to the loader for that format.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from extractors.loaders.errors import LoadError
from extractors.model import Document
from extractors.numbering import number_bare_runs

SUPPORTED_EXTENSIONS = {".pdf", ".docx", ".txt", ".md", ".markdown"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def doc_id_for(data: bytes) -> str:
    """The document id: first 20 hex digits of the SHA-256 of the bytes."""
    return hashlib.sha256(data).hexdigest()[:20]


# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
_UNICODE_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


def sniff_format(data: bytes, name: str) -> str:
    """Return pdf | docx | txt | md, or raise LoadError explaining why not."""
    ext = Path(name).suffix.lower()
    if not data:
        raise LoadError("empty", "the file is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as e:
            raise LoadError("corrupt", f"damaged ZIP/Office file: {e}") from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise LoadError("unsupported_format", "Excel/PowerPoint files are not supported; save the paper as PDF or DOCX")
        raise LoadError("unsupported_format", "a ZIP archive that is not a Word document")
    if data[:8] == _OLE_MAGIC:
        if ext == ".docx" or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data[:65536]:
            raise LoadError("encrypted", "password-protected Office document: remove the password and re-save as DOCX")
        raise LoadError("unsupported_format", "legacy binary Office file (.doc/.xls): re-save it as DOCX or PDF")
    if ext == ".pdf":
        raise LoadError("corrupt", "named .pdf but does not start like a PDF (no %PDF- header); it may be an HTML error page or a damaged download")
    if ext == ".docx":
        raise LoadError("corrupt", "named .docx but is not a Word (ZIP) file")
    if ext in {".txt", ".md", ".markdown"} or ext == "":
        sample = data[:8192]
        if sample.startswith(_UNICODE_BOMS):
            return "md" if ext in {".md", ".markdown"} else "txt"   # UTF-16/32 text (Windows "Unicode" saves)
        if b"\x00" in sample:
            raise LoadError("unsupported_format", "binary data in a text file")
        return "md" if ext in {".md", ".markdown"} else "txt"
    raise LoadError("unsupported_format", f"unsupported file type '{ext}': expected PDF, DOCX, TXT or MD")


def load_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read (or take) the bytes of `path` and load them as a Document."""
    path = str(path)
    if data is None:
        data = Path(path).read_bytes()
    fmt = sniff_format(data, path)
    doc_id = doc_id_for(data)
    if fmt == "pdf":
        from extractors.loaders import pdf as mod
    elif fmt == "docx":
        from extractors.loaders import docx as mod
    else:
        from extractors.loaders import text as mod
    doc = mod.load(data, path=path, doc_id=doc_id)
    number_bare_runs(doc.blocks)
    if fmt == "md":
        doc.format = "md"
    return doc

