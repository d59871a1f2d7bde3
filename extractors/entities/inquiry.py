"""Recommendations of select-committee and inquiry reports.

These reports gather their findings in a chapter of their own, headed
"Summary of conclusions and recommendations", "Conclusions and
recommendations" or "List of recommendations", with each paragraph numbered
(8.1, 8.2 ... or 1, 2 ...) and pointing back to the body ("(paragraph
6.15)"). The body prints the same text again (often in bold): the summary
copy is the one row (SPEC: one row per recommendation).

A numbered paragraph of the chapter is a recommendation when it recommends
("We recommend that ...", "The Government should ...", "We urge ...",
"... must ..."); one that only concludes ("We acknowledge that ...",
"There is a lack of ...") is not. The pointer back to the body is not part
of the text. Sub-headings inside the chapter ("Evidence-based policy
(Chapter 4)") do not end it; an appendix, annex or the next chapter does.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors.entities.items import Prov, Recommendation
from extractors.entities.narrative import label_line, label_parts
from extractors.model import Block, Document
from extractors.vocabulary import ITEM_LABEL, english_label

SUMMARY_HEADING = re.compile(
    r"^(?:chapter\s+\d+\s*[:.\-–]?\s*)?(?:summary\s+of\s+|list\s+of\s+|annex\s+[a-z0-9]+\s*[:.\-–]?\s*)?"
    r"(?:(?:the\s+)?(?:main\s+|key\s+)?(?:conclusions\s+and\s+recommendations|recommendations\s+and\s+conclusions)"
    r"|(?<=of\s)recommendations)\s*$", re.I)
_ZONE_END = re.compile(r"^(?:appendix|annex|chapter\s+\d+|glossary|references|bibliography|list\s+of\s+witnesses|"
                       r"formal\s+minutes|witnesses)\b", re.I)
_CONTENTS = re.compile(r"\.{3,}|\s\d{1,3}$")
_NUMBERED_CHAPTER = re.compile(r"^\d{1,2}\.?\s+[A-Z][a-z]")
# the committee asks someone to act: "We recommend", "We note ... and urge ..."
RECOMMENDS = re.compile(
    r"\b(?:(?:we|and)\s+(?:therefore\s+|also\s+|further\s+|strongly\s+)?(?:recommend|urge|call\s+(?:on|upon)|invite|encourage)"
    r"|recommend(?:s|ed)?\s+that)\b", re.I)
# or says what someone should do, in its own voice: "<Actor> should ...",
# not "We agree with the principle that ministers should ..." nor
# "Effective evaluation requires that: ... should ..." (a conclusion)
_MODAL = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to)\b", re.I)
_SENTENCES = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")


def recommends(text: str) -> bool:
    if RECOMMENDS.search(text):
        return True
    if re.search(r"\bthat\s*:", text):
        return False   # items completing "X requires that:": the lead-in decides, and it recommends nothing
    for sentence in _SENTENCES.split(text):
        m = _MODAL.search(sentence)
        if m and not re.search(r"\bthat\b", sentence[:m.start()], re.I):
            return True
    return False
_POINTER = re.compile(r"\s*\((?:see\s+)?(?:paragraphs?|paras?\.?|para\.?|¶)\s*[\d.,\s–\-and]+\)\s*\.?\s*$", re.I)


def _is_heading(b: Block) -> bool:
    t = b.text.strip()
    return b.kind == "heading" or (b.numbering is None and len(t.split()) <= 10 and not t.endswith((".", ";", ":")))


def _short_line_ending(b: Block) -> bool:
    """'Appendix B: Council response' on a line of its own where the loader
    saw no heading (plain text): the summary chapter ends there too."""
    t = b.text.strip()
    return b.kind == "paragraph" and len(t.split()) <= 8 and not t.endswith(".") and bool(_ZONE_END.match(t))


def summary_zones(doc: Document) -> list[tuple[int, int]]:
    """(first block, end block) of each summary chapter."""
    zones = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        t = " ".join(b.text.split())
        if b.kind != "table" and _is_heading(b) and SUMMARY_HEADING.match(t) and not _CONTENTS.search(t):
            j = i + 1
            while j < len(blocks) and not (_short_line_ending(blocks[j]) or blocks[j].kind == "heading" and (
                    _ZONE_END.match(blocks[j].text.strip())
                    # the report's next numbered chapter: "1 Demand, waiting times and delivery"
                    or ((_NUMBERED_CHAPTER.match(blocks[j].text.strip()) and blocks[j].numbering is None
                         # its number split off by the loader: a chapter's short title ("1 Introduction"),
                         # not a numbered conclusion set in bold
                         or re.fullmatch(r"\d{1,2}", blocks[j].numbering or "") and len(blocks[j].text.split()) <= 8
                         and not blocks[j].text.rstrip().endswith((".", ":", ";")))
                        and (blocks[j].level or 9) <= (b.level or 9)))):
                j += 1
            zones.append((i + 1, j))
            i = j
            continue
        i += 1
    return zones


# a paragraph that recommends in the committee's own voice
WE_RECOMMEND = re.compile(r"^(?:(?:therefore|accordingly|finally|in\s+addition),?\s+)?(?:(?:we|the\s+(?:select\s+)?committee|the\s+panel|the\s+review(?:\s+group)?)"
                          r"\s+(?:therefore\s+|also\s+|further\s+|strongly\s+)?(?:recommends?|urges?)\b"
                          r"|it\s+is\s+(?:therefore\s+|also\s+|further\s+|strongly\s+)?recommended\s+that\b(?!\s*[^.]{0,80}:\s*$))", re.I)
# "It is recommended that Cabinet ..." asks the paper's own meeting: a decision
_ASKS_MEETING = re.compile(r"^it\s+is\s+(?:\w+\s+)?recommended\s+that\s+(?:the\s+)?(?:cabinet|committee|council|board|panel|members|executive|sub-committee)\b", re.I)


def inquiry_recommendations(doc: Document, body: Optional[str] = None) -> list[Recommendation]:
    """The recommending paragraphs of a report's summary chapter; without
    one, paragraphs that recommend in the committee's own voice ('We
    recommend that ...', 'The Committee urges ...')."""
    zones = summary_zones(doc)
    if not zones:
        return _own_voice(doc, body)
    return _summary_recs(doc, zones, body)


# "Recommendation 7", "Recommendation 4c(ii): Data sharing" printed as a label
# or heading of its own, the recommendation in the paragraphs under it
_REC_HEADING = re.compile(r"^recommendation\s+(?P<ref>\d{1,3}[a-z]?(?:\s*\([ivx]+\))?)\s*(?:[:.–—-]\s*(?P<title>.*))?$", re.I)
_ANSWER_LABEL = re.compile(r"^(?:[\w’']+\s+){0,2}(?:response|comments?|progress|update)\b", re.I)


# a plan's labelled line under the recommendation, not its text: "Lead: ...", "Target date: ...", "Progress:"
_PLAN_LABEL = re.compile(rf"(?i)^(?:{ITEM_LABEL})\s*:")


def labelled_recommendations(doc: Document, body: Optional[str] = None) -> list[Recommendation]:
    """Recommendations under a 'Recommendation N' label or heading (review
    and inquiry reports, response papers): the label's title, if any, and
    the paragraphs under it up to the next heading, label or response."""
    out = []
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        label = f"{b.numbering} {b.text}" if b.numbering and b.numbering.lower().startswith("recommendation") else b.text
        label = english_label(label)   # "Argymhelliad 1 / Recommendation 1"
        m = _REC_HEADING.match(" ".join(label.split()))
        if not m or len(label.split()) > 15:
            continue
        parts = [m.group("title") or ""]
        for nxt in blocks[i + 1:i + 6]:
            t = english_label(" ".join(nxt.text.split()))
            if nxt.kind in ("heading", "table") or _REC_HEADING.match(t) or _ANSWER_LABEL.match(t) or _PLAN_LABEL.match(t):
                break
            if any(parts) and re.fullmatch(r"\d{1,2}(?:\.\d{1,3})?", nxt.numbering or ""):
                # the report's next numbered paragraph ("5.2 The grant scheme ...", "9 Residents' views ..." where the
                # paragraphs are numbered straight through): its evidence, not the recommendation
                break
            parts.append(t)
        text = " ".join(p for p in parts if p).strip()
        if len(text.split()) < 6:
            continue
        ref = re.sub(r"\s+", "", m.group("ref"))
        out.append(Recommendation(kind="improvement", text=_POINTER.sub("", text).strip(), ref=ref, source_body=body,
                                  prov=Prov(page=b.page, source_text=b.full_text, locator=f"block:{i}")))
    return out


def _own_voice(doc: Document, body: Optional[str]) -> list[Recommendation]:
    out = []
    for i, b in enumerate(doc.blocks):
        t = " ".join(b.text.split())
        if b.kind in ("paragraph", "list_item") and WE_RECOMMEND.match(t) and len(t.split()) >= 8 and not t.endswith(":"):
            kind = "decision" if _ASKS_MEETING.match(t) else "improvement"
            out.append(Recommendation(kind=kind, text=_POINTER.sub("", t).strip(), ref=b.numbering if b.numbering != "•" else None,
                                      source_body=body, prov=Prov(page=b.page, source_text=b.full_text,
                                                                 locator=b.numbering if b.numbering and b.numbering != "•" else f"block:{i}")))
    return out


# "Recommendation: The Department should ..." under a numbered conclusion (Public Accounts Committee style)
_LABELLED = re.compile(r"^recommendations?\s*(?:\d{1,3}[a-z]?)?\s*[:.–—-]\s*(?P<rest>\S.*)$", re.I | re.S)


_PART = re.compile(r"\(?([a-z])[.)]")


def _summary_recs(doc: Document, zones: list[tuple[int, int]], body: Optional[str]) -> list[Recommendation]:
    recs: list[Recommendation] = []
    for start, end in zones:
        paras: list[tuple[Block, list[Block]]] = []   # each item and the blocks its text runs over
        zone = [b for b in doc.blocks[start:end] if b.kind != "table"]
        where = {id(b): i for i, b in enumerate(doc.blocks[start:end], start)}   # a block's index, for its locator
        # items are the numbered paragraphs (bullets under them are their text); else the bullets;
        # a list with neither prints one per paragraph
        marks = {"numbered" if b.numbering != "•" else "bullet" for b in zone
                 if b.numbering and b.text.strip() and not _is_heading(b)}
        listed = "numbered" if "numbered" in marks else "bullet" if marks else None
        stem = None       # "6 We recommend that the Cabinet:" over its lettered parts
        parts: dict[int, str] = {}   # a part's block -> its ref, "6(a)"
        for b in zone:
            t = b.text.strip()
            if not t:
                continue
            letter = _PART.fullmatch(b.numbering or "")
            if re.fullmatch(r"\d{1,3}", b.numbering or "") and t.endswith(":") and RECOMMENDS.search(t):
                stem = b.numbering
                paras.append((b, []))
                continue
            if stem and letter:
                parts[id(b)] = f"{stem}({letter.group(1)})"
                paras.append((b, [b]))
                continue
            if b.numbering and not letter:
                stem = None
            if listed == "numbered" and b.numbering and b.numbering != "•" or listed == "bullet" and b.numbering == "•" \
                    or listed is None and not _is_heading(b) and not (paras and t[:1].islower()):
                paras.append((b, [b]))
            elif paras and t and (not _is_heading(b) or label_parts(" ".join(t.split()))):
                paras[-1][1].append(b)   # the paragraph goes on after a break (or its "Suggested lead: ..." line)
            elif paras and _is_heading(b):
                paras.append((b, []))    # a sub-heading closes the paragraph before it
        # a summary item's labelled lines ("Suggested lead: ...", "Timescale: ...") are its owner and date, not its words
        found = [(b, " ".join(p.text.strip() for p in ps if p is b or not label_parts(" ".join(p.text.split()))),
                  [p for p in ps if p is not b and label_parts(" ".join(p.text.split()))]) for b, ps in paras if ps]
        if len(found) < 2:
            continue  # a lone paragraph under "Recommendations" is the decision zone's, not a summary chapter
        if any(_LABELLED.match(p.text.strip()) for _, ps in paras for p in ps[1:]):
            # each conclusion carries its recommendations in labelled paragraphs: those
            # are the rows (ref = the conclusion's number), the conclusion is a finding
            recs.extend(_labelled_under(paras, body))
            continue
        for b, text, labelled in found:
            text = _POINTER.sub("", " ".join(text.split())).strip()
            part = parts.get(id(b))
            if part is None and not recommends(text):
                continue   # (a part finishes its stem's sentence, which recommends)
            ref = part or (b.numbering if b.numbering != "•" else None)
            rec = Recommendation(kind="improvement", text=text, ref=ref, source_body=body,
                                 section_ref=part and part.split("(")[0],
                                 prov=Prov(page=b.page, source_text=b.full_text, locator=ref or f"block:{where[id(b)]}"))
            for p in labelled:
                for lm in label_parts(" ".join(p.text.split())):
                    label_line(rec, p, lm)   # its lines, as under an item anywhere
            recs.append(rec)
    return recs


def _labelled_under(paras: list[tuple[Block, list[Block]]], body: Optional[str]) -> list[Recommendation]:
    out: list[Recommendation] = []
    for item, blocks in paras:
        current: Optional[Recommendation] = None
        for p in blocks[1:]:
            t = " ".join(p.text.split())
            m = _LABELLED.match(t)
            if m:
                current = Recommendation(kind="improvement", text=_POINTER.sub("", m.group("rest")).strip(),
                                         ref=item.numbering, source_body=body,
                                         prov=Prov(page=p.page, source_text=p.full_text, locator=f"{item.numbering}/recommendation"))
                out.append(current)
            elif current is not None and t[:1].islower():
                current.text = f"{current.text} {t}"   # the recommendation goes on after a page break
            else:
                current = None
    return out
