"""Sections: every numbered paragraph or headed section of a Document.

A heading block opens a section; a numbered paragraph ("5.1.2 ...") is a
section of its own; unnumbered paragraphs and list items that follow are
appended to the text of the section they sit in. Levels come from the
heading level or the depth of a decimal number ("5.1.2" -> 3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractors.model import Document
from extractors.numbering import numbering_level


@dataclass
class Section:
    ordinal: int
    section_ref: Optional[str]
    heading: Optional[str]
    text: str
    level: int
    page: Optional[int]
    parent_ref: Optional[str]
    block_index: int
    source_text: str
    children_text: list[str] = field(default_factory=list)

    @property
    def locator(self) -> str:
        return f"section:{self.ordinal}" + (f"/{self.section_ref}" if self.section_ref else "")


_DECIMAL = re.compile(r"^\d+(?:\.\d+)*$")


def build_sections(doc: Document) -> list[Section]:
    sections: list[Section] = []
    stack: list[Section] = []  # open sections by level

    def parent_for(level: int) -> Optional[str]:
        while stack and stack[-1].level >= level:
            stack.pop()
        if not stack:
            return None
        p = stack[-1]
        return p.section_ref or p.heading

    for i, b in enumerate(doc.blocks):
        if b.kind == "table":
            continue
        decimal = bool(b.numbering and _DECIMAL.match(b.numbering))
        if b.kind == "heading" or (b.kind == "paragraph" and decimal):
            if b.kind == "heading":
                level = numbering_level(b.numbering) if decimal else max(1, b.level or 1)
                heading, text = b.text, ""
            else:
                level = numbering_level(b.numbering)
                heading, text = None, b.text
            parent = parent_for(level)
            sec = Section(ordinal=len(sections), section_ref=b.numbering if b.numbering != "•" else None,
                          heading=heading, text=text, level=level, page=b.page,
                          parent_ref=parent, block_index=i, source_text=b.full_text)
            sections.append(sec)
            stack.append(sec)
        elif sections and b.text:
            sections[-1].children_text.append(b.full_text)
    for s in sections:
        if s.children_text:
            s.text = "\n".join([t for t in [s.text] + s.children_text if t])
    return sections
