"""The DOCX package: a ZIP of XML parts tied together by relationships
(OPC). Parts are read and parsed on demand; malformed XML is read in
lxml's recovery mode with a warning."""
from __future__ import annotations

import posixpath
import zipfile
from typing import Optional

from lxml import etree

from extractors.loaders.errors import LoadError


_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


# the largest XML part read from a DOCX (a long report's document.xml is a few MB)
MAX_PART_BYTES = 200 << 20


class _Package:
    def __init__(self, zf: zipfile.ZipFile, names: set[str]):
        self.zf = zf
        self.names = names
        self.warnings: list[str] = []

    def read(self, name: str) -> Optional[bytes]:
        if name not in self.names:
            return None
        info = self.zf.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            # a zip bomb (a few MB that inflate to GBs): refused before inflating
            raise LoadError("too_large", f"{name} inflates to {info.file_size / 2**20:,.0f} MB, more than any "
                            f"Word paper holds (limit {MAX_PART_BYTES // 2**20} MB); not read")
        try:
            with self.zf.open(name) as fh:
                data = fh.read(MAX_PART_BYTES + 1)   # the header's size can lie: read no more than the limit
        except Exception as e:  # damaged member (bad CRC, bad deflate stream)
            raise LoadError("corrupt", f"cannot read {name} from the DOCX: {e}") from None
        if len(data) > MAX_PART_BYTES:
            raise LoadError("too_large", f"{name} inflates to more than {MAX_PART_BYTES // 2**20} MB; not read")
        return data

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
