"""The body (or a header, footer, text box or content control) walked in
document order: paragraphs and tables interleaved, wrappers unwrapped,
one branch of each mc:AlternateContent."""
from __future__ import annotations

from extractors.loaders.docx.ooxml import _MC, _children, _Ctx, _choose_branch
from extractors.loaders.docx.paragraphs import _is_placeholder, _read_paragraph
from extractors.loaders.docx.tables import _table_blocks
from extractors.model import Block


def _walk(container, ctx: _Ctx, out: list[Block]) -> None:
    """Append the blocks of a block-level container (w:body, w:sdtContent,
    w:txbxContent, ...) in document order."""
    w = ctx.w
    for ch, tag in _children(container):
        if tag.namespace == w:
            name = tag.localname
            if name == "p":
                _paragraph(ch, ctx, out)
            elif name == "tbl":
                _table_blocks(ch, ctx, out)
            elif name == "sdt":
                if _is_placeholder(ch, ctx):
                    continue
                content = ch.find(ctx.q("sdtContent"))
                if content is not None:
                    _walk(content, ctx, out)
            elif name in ("customXml", "ins", "moveTo", "smartTag"):
                _walk(ch, ctx, out)
            elif name == "altChunk":
                ctx.warnings.append("the document embeds another file (altChunk) whose text was not read")
        elif tag.namespace == _MC and tag.localname == "AlternateContent":
            branch = _choose_branch(ch)
            if branch is not None:
                _walk(branch, ctx, out)


def _paragraph(p, ctx: _Ctx, out: list[Block]) -> None:
    res = _read_paragraph(p, ctx)
    if res.text:
        out.append(Block(kind=res.kind, text=res.text, numbering=res.numbering, level=res.level,
                         style=res.style))
    for box in res.boxes:
        _walk(box, ctx, out)
