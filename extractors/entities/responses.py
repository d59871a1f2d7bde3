"""Responses: what answered each recommendation, and whether it was accepted.

A response paper quotes a recommendation, then answers it. The forms read:

- a box (a table of one column, or one wide column in a ruled frame)
  headed "Recommendation" / "Hol Inquiry Recommendation" / "Committee
  recommendation" quoting one or more numbered recommendations ("8.3. We
  acknowledge ..."), followed by the answer in prose up to the next box;
  one response row per quoted recommendation, the answer shared;
- prose labels: "Recommendation 7: <text>" then "Response: Accepted. <text>"
  or a "Government response" / "Executive response" heading and its text;
- a response table: a Recommendation column beside a Response / Accepted /
  Agreed column (executive or cabinet responses to scrutiny reviews), one
  row per recommendation.

The status is read from a status cell or label when there is one ("Accepted",
"Partially accepted", "Rejected"), else from the answer's opening sentences
as governments and executives word it ("The Government agrees with the
Committee's conclusion", "does not agree", "accepts in principle", "will
give careful consideration to", "notes"). `responder` is the subject of
that sentence ("the Government", "the Cabinet Secretary"), else the body a
"<Body> response" label or the paper's title names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from extractors.entities.columns import ANSWER_FIRST, DECISION_COLUMN, column_role
from extractors.numbering import CODED_TITLE, ITEM_MAKER, KEY_CELL, R_REF, bare_ref, item_heading_ref, split_numbering
from extractors.entities.items import Action, Owner, Prov, Timescale
from extractors.model import Block, Cell, Document, Table
from extractors.vocabulary import CODED_ITEM, DUE_LABEL, INSPECTION_ITEM, OWNER_LABEL, english_label, numbered_label

STATUSES = ("accepted", "partially_accepted", "rejected", "noted", "under_consideration", "implemented")

# status words, most specific first: the first family that matches wins
_STATUS_WORDS: list[tuple[str, re.Pattern]] = [
    ("partially_accepted", re.compile(
        r"\b(?:accept(?:s|ed)?|agree(?:s|d)?|support(?:s|ed)?)\s+(?:in\s+part|in\s+principle|partially)\b|"
        r"\b(?:partially|partly)\s+(?:accept(?:s|ed)?|agree(?:s|d)?|support(?:s|ed)?)\b|"
        r"\b(?:accepted|agreed|approved)\s+(?:in\s+part|in\s+principle)\b|^\s*partial(?:ly)?\b|"
        r"\b(?:accept|agree|support)(?:s|ed)?\b[^.;:]{0,40}\b(?:in\s+part|in\s+principle)\b", re.I)),
    ("rejected", re.compile(
        r"\b(?:do(?:es)?\s+not|cannot|can\s*not|is\s+unable\s+to|are\s+unable\s+to)\s+(?:agree|accept|support)\b|"
        r"\bdisagree(?:s|d)?\b|\breject(?:s|ed)?\b|\bnot\s+(?:accepted|agreed|supported|approved)\b|^\s*declined?\b|"
        # "The Government does not believe that it is appropriate to set targets ..."
        r"\bdo(?:es)?\s+not\s+(?:believe|consider|think)\s+(?:that\s+)?(?:it\s+(?:is\s+|would\s+be\s+)?)?"
        r"(?:appropriate|necessary|right|helpful|desirable|practicable|feasible)\b", re.I)),
    ("under_consideration", re.compile(
        r"\b(?:will|shall|to)\s+(?:(?:therefore|also|now|further|first)\s+)?(?:give\s+(?:careful\s+|further\s+)?consideration|"
        r"consider|explore|look\s+(?:at|into)|"
        r"review\s+whether)\b|\bunder\s+(?:consideration|review)\b|\bis\s+(?:considering|exploring)\b|"
        r"^\s*(?:deferred|pending)\b|"
        # "The ICB has not yet reached a view", "has yet to decide", "A decision is expected in March"
        r"\bnot\s+yet\s+(?:reached\s+a\s+(?:view|decision|position)|decided|made\s+a\s+decision|taken\s+a\s+(?:view|position))\b|"
        r"\b(?:has|have)\s+yet\s+to\s+(?:decide|reach|take|make)\b|\bdecision\s+(?:is\s+)?expected\b", re.I)),
    ("implemented", re.compile(
        r"\b(?:has|have)\s+(?:already\s+)?been\s+(?:implemented|completed|put\s+in\s+place|introduced)\b|"
        r"\balready\s+(?:in\s+place|implemented|underway|under\s+way)\b|^\s*(?:implemented|completed?|done)\b|"
        r"\b(?:has|have)\s+already\s+(?:published|introduced|implemented|established|set\s+up|put\s+in\s+place|"
        r"developed|issued)\b", re.I)),
    ("accepted", re.compile(
        r"\b(?:agree(?:s|d)?|accept(?:s|ed)?|support(?:s|ed)?|endorse(?:s|d)?|welcome(?:s|d)?)\b|"
        r"^\s*approved\b", re.I)),   # a decision column's "Approved"
    ("noted", re.compile(r"\b(?:note(?:s|d)?|acknowledge(?:s|d)?)\b", re.I)),
]

# "The Government agrees", "The Cabinet Secretary agrees", "We agree"
_RESPONDER = re.compile(
    r"^(?:In\s+line\s+with[^,]{0,80},\s*)?(?P<who>(?:The|the)\s+(?:(?:[A-Z][\w’'-]*|for|of|and(?:\s+the)?)\s+){0,5}[A-Z][\w’'-]*|We|"
    # a partner named without an article: "Thursdale Police accepts ...", "Harthope ICB agrees ..."
    r"(?-i:[A-Z][\w’'-]+)(?:\s+(?-i:[A-Z][\w’'-]*)){1,4}|NICE|[A-Z]{2,6})\s+"
    r"(?:therefore\s+|fully\s+|also\s+|broadly\s+|partially\s+|partly\s+|largely\s+)?(?:agree|agrees|accept|accepts|welcome|welcomes|note|notes|"
    r"support|supports|endorse|endorses|does\s+not|do\s+not|disagree|disagrees|reject|rejects|will|recognises|"
    r"acknowledges|believes|has|have)\b")
# welcoming what the report says or does ("We welcome the report's recognition of
# the importance of research", "welcomes the Committee's interest in ...") is
# not a position on the recommendation; welcoming the recommendation is
_WELCOMES_THE_REPORT = re.compile(
    r"(?:\w+\s+){0,2}?welcome[sd]?\s+the\s+(?:\w+\s+)?(?:report|committee|inquiry|panel|review)(?:[’‘']s|[’‘'])\s+"
    r"(?!recommendation|proposal|suggestion|call\b)\w+", re.I)
# a box or label that quotes the recommendation being answered
_QUOTE_HEAD = re.compile(r"^(?:[\w’'.-]+\s+){0,3}(?:inquiry\s+|committee(?:’s|'s)?\s+|scrutiny\s+|panel\s+)?"
                         r"recommendations?(?:\s+\d+[a-z]?)?\s*:?$", re.I)
_REF_START = re.compile(r"(?:^|(?<=\s))(?P<ref>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=[A-Z‘“\"'(])")
# "Recommendation 7: Publish ...", "Recommendation 4c(ii)"
_REC_LABEL = re.compile(r"^(?:(?:(?:Key|Improvement|Statutory|Other|" + ITEM_MAKER + r")\s+)?Recommendation|(?-i:AFI|AfI)|(?:priority\s+)?" + INSPECTION_ITEM + r")\s+"
                        r"(?P<ref>\d{1,3}[a-z]?(?:\s*\([ivx]+\))?)(?:\s*\((?:priority|key)\))?\s*[:.–—-]?\s*(?P<text>.*)$", re.I | re.S)
# "Response: Accepted. The Council will ...", "Government response", "Executive Response:"
# also "Council's position: Accepted. ..." (the body's position on it)
_RESPONSE_LABEL = re.compile(r"^(?:(?P<body>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4}?)(?:’s|'s)?\s+)?(?:response|"
                             r"(?<=’s |'s )position)(?:\s*\([^()]{1,30}\))?\s*(?:[:.–—-]\s*|$)(?P<text>.*)$", re.I | re.S)
# a response table's status column: "Response", "Accepted / Rejected", "Agreed?"
_STATUS_HEADER = re.compile(r"\b(?:response|accepted|agreed|accept\s*/\s*reject|decision|cabinet\s+response|"
                            r"executive\s+response|management\s+response)\b", re.I)
_REC_HEADER = re.compile(r"\brecommendations?\b", re.I)
# one column for the recommendation and the action agreed to it: "Recommendation / agreed action"
_REC_AND_ACTION = re.compile(r"(?i)\brecommendations?\s*(?:/|and|&)\s*(?:the\s+)?agreed\s+(?:management\s+)?actions?\b")


@dataclass
class Response:
    rec_ref: Optional[str]
    rec_text: Optional[str]
    responder: Optional[str]
    status: Optional[str]
    status_raw: Optional[str]
    text: str
    prov: Prov
    actions: list[Action] = field(default_factory=list)
    owners: list[Owner] = field(default_factory=list)
    timescales: list[Timescale] = field(default_factory=list)
    metrics: list = field(default_factory=list)
    covered: set = field(default_factory=set)   # full texts of the prose blocks the answer is printed in
    # the item's labelled lines printed in the answer's cell ("Lead: ...", "By: ..."): the recommendation's
    labels: list = field(default_factory=list)


def status_of(text: str) -> tuple[Optional[str], Optional[str]]:
    """(status, the words that gave it) from a status cell or label
    ("Accepted in part"), or from the answer's first sentence in which the
    one answering takes a position ("The Government agrees ...", "We do not
    accept ...", "The Cabinet Office has already published ...": the status
    words right after the subject, not "As the Committee has acknowledged"
    or "... Network ... agreed to return to this issue"); (None, None) when
    it does not say."""
    status, raw, _ = position(text)
    return status, raw


def position(text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(status, raw, who): status_of with the subject that took the position."""
    words = " ".join(text.split())
    # "Response: Accepted. The current strategy ...", "Management response – Agreed in part": the label is not the answer
    words = re.sub(r"(?i)^(?:[A-Z][\w’'&-]*\s+){0,3}response\s*[:–—-]\s*(?=\S)", "", words)
    if len(words.split()) <= 6:
        return (*_status_words(words), None)
    # a status word opening a cell or label: "Accepted - the charter will be published in May"
    # (or run into the next sentence: "Accept The Welsh Government will issue guidance")
    bare = re.match(rf"(?i)^(?:{POSITION}|(?:accept|agree)(?:\s+in\s+(?:principle|part))?|reject|partially\s+(?:accept|agree))"
                    rf"(?=\s+(?-i:[A-Z]))", words)   # ("Accept in principle Officials will ...")
    if bare:
        return (*_status_words(bare.group(0)), None)
    head = re.split(r"\s+[-–—:]\s+|[.;:](?:\s|$)", words, maxsplit=1)[0]
    if len(head.split()) <= 4:
        status, raw = _status_words(head)
        if status:
            return status, raw, None
    for sentence in _opening(words, 20):
        m = _RESPONDER.match(sentence)
        if not m:
            continue
        predicate = sentence[m.end("who"):].strip()[:70]
        if _WELCOMES_THE_REPORT.match(predicate):
            continue
        status, raw = _status_words(predicate)
        if status:
            return status, raw, m.group("who")
    return None, None, None


def _status_words(text: str) -> tuple[Optional[str], Optional[str]]:
    for status, rx in _STATUS_WORDS:
        m = rx.search(text)
        if m:
            return status, m.group(0).strip()
    return None, None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(" ".join(text.split()))


def _opening(text: str, n: int = 2) -> list[str]:
    """The first n sentences of a text."""
    return _sentences(text)[:n]


def _label_responder(text: str, body: Optional[str], default: Optional[str]) -> Optional[str]:
    """Who answers under a label naming a body ("Executive response:", "Service response:"): that body,
    unless the answer names another; the paper's default where the label names none ("Our response:")."""
    return responder_of(text, f"the {body}" if body and body.lower() not in ("our", "the") else default)


def responder_of(text: str, default: Optional[str]) -> Optional[str]:
    """Who answers: the subject of the sentence that takes the position
    ("the Cabinet Secretary agrees"); `default` for "We" or when none does."""
    who = position(text)[2]
    if who is None or who == "We":
        return default
    return re.sub(r"^The\b", "the", who)


def default_responder(doc: Document, meta: dict) -> Optional[str]:
    """'Government Response to ...' -> 'the Government'; 'Executive response'
    -> 'the Executive'; else None."""
    return responder_named(meta.get("title") or "")


# the bodies a response paper's title names as answering
_RESPONDING_BODY = r"Government|Executive|Cabinet|Council|Management|Board"
_NAMED_RESPONSE = re.compile(r"\b(Cabinet\s+Member|Portfolio\s+Holder|" + _RESPONDING_BODY + r")(?:’s|'s)?\s+response\b", re.I)
# "Response of the Welsh Government to ...", "Response from the Executive"
_RESPONSE_OF = re.compile(r"\bresponse\s+(?:of|from)\s+(?:the\s+)?(?P<who>(?:[A-Z][\w’'-]*\s+){0,3}?(?:"
                          + _RESPONDING_BODY + r"))\b")


def is_response_title(text: str) -> bool:
    """Does a paper's title say it is a response ("Response to the Scrutiny Committee's inquiry ...")?"""
    return bool(re.search(r"(?i)\bresponses?\b", text))


def responder_named(text: str) -> Optional[str]:
    """'Council response to the recommendations' -> 'the Council'; 'Response
    of the Welsh Government to ...' -> 'the Welsh Government'."""
    m = _NAMED_RESPONSE.search(text)
    if m:
        return f"the {' '.join(w.capitalize() for w in m.group(1).split())}"
    m = _RESPONSE_OF.search(text)
    return f"the {m.group('who')}" if m else None


def _box_text(table: Table) -> tuple[Optional[str], str]:
    """(heading, quoted text) of a one-column box: its non-empty cells, lines joined."""
    lines = [" ".join(c.text for c in row if c.text.strip()).strip() for row in table.rows]
    lines = [ln for ln in lines if ln]
    if not lines:
        return None, ""
    head = lines[0] if _QUOTE_HEAD.match(lines[0]) else None
    body = lines[1:] if head else lines
    return head, " ".join(" ".join(body).split())


def _is_box(table: Table, before: list[Block]) -> bool:
    """A quoting box: at most one column carries text, headed like a
    recommendation - inside the box, or (a box a page break cut from its
    heading) by one of the few blocks before it, the box then opening with
    a numbered paragraph."""
    cols = {i for row in table.rows for i, c in enumerate(row) if c.text.strip()}
    head, text = _box_text(table)
    if len(cols) != 1 or len(text) < 20:
        return False
    if head is not None:
        return True
    headed = any(b.kind != "table" and _QUOTE_HEAD.match(b.text.strip()) for b in before[-3:])
    return headed and split_quoted(text)[0][0] is not None


def split_quoted(text: str) -> list[tuple[Optional[str], str]]:
    """'8.3. We acknowledge ... 8.4. We agree ...' -> [('8.3', ...), ('8.4', ...)]."""
    starts = [m for m in _REF_START.finditer(text)]
    # refs in order: keep starts whose numbers run on from the first one
    kept = []
    for m in starts:
        if not kept or _follows(kept[-1].group("ref"), m.group("ref")):
            kept.append(m)
    # a short title may stand before the first number ("Weight management interventions 8.26. ...")
    if not kept or len(text[:kept[0].start()].split()) > 8:
        return [(None, text.strip())]
    out = []
    for k, m in enumerate(kept):
        end = kept[k + 1].start() if k + 1 < len(kept) else len(text)
        out.append((m.group("ref"), text[m.end():end].strip()))
    return out


def _follows(a: str, b: str) -> bool:
    """b is the number after a at the same depth ('8.3' -> '8.4', '7' -> '8')."""
    pa, pb = a.split("."), b.split(".")
    return len(pa) == len(pb) and pa[:-1] == pb[:-1] and int(pb[-1]) == int(pa[-1]) + 1


def box_responses(doc: Document, default: Optional[str]) -> list[Response]:
    """Quoting boxes and the prose that answers them."""
    out: list[Response] = []
    blocks = doc.blocks
    boxes = [i for i, b in enumerate(blocks)
             if b.kind == "table" and b.table is not None and _is_box(b.table, blocks[max(0, i - 3):i])]
    for k, i in enumerate(boxes):
        end = boxes[k + 1] if k + 1 < len(boxes) else len(blocks)
        answer = [b for b in blocks[i + 1:end] if b.kind != "table" and b.text.strip()]
        answer = _until_next_part(answer)
        if not answer:
            continue
        text = " ".join(" ".join(b.text.split()) for b in answer)
        status, raw = status_of(text)
        who = responder_of(text, default)
        page = answer[0].page
        for j, (ref, quoted) in enumerate(split_quoted(_box_text(blocks[i].table)[1])):
            prov = Prov(page, answer[0].full_text, f"table:{_table_index(doc, i)}" + (f"/rec:{ref}" if ref else f"/rec:{j}"))
            out.append(Response(ref, quoted, who, status, raw, text, prov, covered={b.full_text for b in answer}))
    return out


# a ref at the start of a Ref cell: "R3", "IA 2", "4.1", "3(a)", "Recommendation 2"
_LEADING_REF = re.compile(r"(?i:(?:recommendation|rec\.?)\s*)?[A-Z]{0,4}\s?\d{1,3}(?:\.\d{1,3})*(?:\s?\([a-z]{1,3}\)|[a-z](?![a-z]))?")


def _ref_in_cell(cell: str) -> str:
    """The ref a Ref cell prints before what else it holds ("R3" of "R3 Priority 2", "R3 (High)",
    "R3" over "Priority 1"): the ref alone."""
    t = " ".join(cell.split()).rstrip(".")
    m = _LEADING_REF.match(t)
    if m and m.end() < len(t) and t[m.end()] in " (\n" and len(t[m.end():].split()) <= 4:
        return m.group(0).strip()
    return t


def record_box_responses(doc: Document, default: Optional[str]) -> list[Response]:
    """A box (a one-column table) printing one recommendation and its answer as
    lines: "Recommendation 1: ..." / "Executive response: Accepted ..." /
    "Lead officer: ..."."""
    out: list[Response] = []
    at = [i for i, b in enumerate(doc.blocks) if b.kind == "table" and b.table is not None]
    for t, table in doc.tables():
        cells = table.box_lines() or _label_value_lines(table)
        if len(cells) < 2:
            continue
        m = _REC_LABEL.match(cells[0][1])
        if m is not None:
            rec_ref, rec_text = m.group("ref").replace(" ", ""), m.group("text")
        elif (un := _UNNUMBERED_REC.match(cells[0][1])) and \
                (rec_ref := item_heading_ref(doc.blocks, at[t] if t < len(at) else None)):
            rec_text = un.group("text")   # "Recommendation | ..." under the heading that numbers it ("Finding 1 – ...")
        else:
            continue
        if (worded := next((un.group("text") for _, text in cells[1:] if (un := _UNNUMBERED_REC.match(text))), None)):
            rec_text = worded   # "Recommendation 1 – Invoicing ..." over "Recommendation | Every application should ...": its words
        for cell, text in cells[1:]:
            a = _RESPONSE_LABEL.match(text)
            if a and a.group("text").strip():
                answer = a.group("text").strip()
                status, raw = status_of(answer)
                who = _label_responder(answer, a.group("body"), default)
                out.append(Response(rec_ref, rec_text.strip(" :.-–") or None, who, status,
                                    raw, answer, Prov(cell.page, text, f"table:{t}/response", table=t)))
    return out


_UNNUMBERED_REC = re.compile(r"^(?:agreed\s+)?recommendations?\s*:\s*(?P<text>.*)$", re.I | re.S)


def _label_value_lines(table: Table) -> list[tuple[Cell, str]]:
    """A recommendation's record printed as label | value rows ("Recommendation 1 | ...", "Response |
    Accepted", "Lead officer | ..."), read as the lines "<label>: <value>" a box prints; [] for any
    other table."""
    merged = [r for r in (_merged_once([c for c in r if c.text.strip()]) for r in table.rows) if r]
    if len(merged) >= 3 and len(merged[0]) == 2 and _REC_LABEL.match(" ".join(merged[0][0].text.split())):
        # a finding's record under its title row ("Recommendation 1 – Invoicing ... | Priority: HIGH", the title
        # merged across the columns), its agreed actions tabled below it in the same grid ("Ref | Agreed action |
        # Responsible officer | ..."): the label | value rows from the title to the first row that is not one
        run = 1
        while run < len(merged) and len(merged[run]) == 2 and len(merged[run][0].text.split()) <= 5:
            run += 1
        if run >= 3:
            return _as_lines(merged[:run])
    rows = [[c for c in r if c.text.strip()] for r in table.rows]
    rows = [r for r in rows if r]
    if len(rows) < 2 or any(len(r) != 2 or len(r[0].text.split()) > 5 for r in rows):
        return []
    return _as_lines(rows)


def _as_lines(rows: list[list[Cell]]) -> list[tuple[Cell, str]]:
    """Label | value rows as the lines "<label>: <value>" a box prints, each with its value's cell."""
    return [(r[1], f"{' '.join(r[0].text.split()).rstrip(':')}: {' '.join(r[1].text.split())}") for r in rows]


def _merged_once(cells: list[Cell]) -> list[Cell]:
    """A row's cells with a merged cell, which a grid repeats in each column it spans, kept once."""
    out: list[Cell] = []
    for c in cells:
        if not out or " ".join(c.text.split()) != " ".join(out[-1].text.split()):
            out.append(c)
    return out


def _until_next_part(answer: list[Block]) -> list[Block]:
    """The answer stops at a heading that starts another part of the paper
    (an annex, a new chapter) and at footnotes."""
    kept = []
    for b in answer:
        if b.kind == "heading" and kept:
            break
        if re.match(r"^\d{1,2}\s+[A-Z][a-z]+\s+[A-Z]{1,3}\b.*\(\d{4}\)", b.text):   # "1 Loveman E et al.(2011)"
            break
        kept.append(b)
    return kept


def _titled_responder(doc: Document, tindex: int) -> Optional[str]:
    """Who answers, from the heading just above a response table: "Appendix
    C: Council response to the recommendations" -> "the Council"."""
    at = [i for i, b in enumerate(doc.blocks) if b.kind == "table"]
    if tindex >= len(at):
        return None
    for b in reversed(doc.blocks[max(0, at[tindex] - 4):at[tindex]]):
        who = responder_named(b.text) if b.kind != "table" else None
        if who:
            return who
    return None


# an item's label at the start of a line: "Recommendation 1 (High priority)", "Rec 2.1:", "Recommendation 3 – Driver checks"
_ITEM_LABEL_LINE = re.compile(r"(?i)^(?:recommendation|rec\.?)\s*(?P<ref>\d{1,3}(?:\.\d{1,2})?[a-z]?)\b")


def _item_ref_above(doc: Document, tindex: int) -> Optional[str]:
    """The number of the recommendation printed just above table `tindex`
    (its label line, perhaps with its words under it), else None."""
    at = [i for i, b in enumerate(doc.blocks) if b.kind == "table"]
    if tindex >= len(at):
        return None
    for b in reversed(doc.blocks[max(0, at[tindex] - 3):at[tindex]]):
        if b.kind == "table":
            return None
        m = _ITEM_LABEL_LINE.match(b.text.strip())
        if m:
            return m.group("ref")
    return None


def _table_index(doc: Document, block_index: int) -> int:
    return sum(1 for b in doc.blocks[:block_index] if b.kind == "table")


def labelled_responses(doc: Document, default: Optional[str], answered: frozenset = frozenset(),
                       responding: bool = False) -> list[Response]:
    """'Recommendation 7: ...' followed by 'Response: ...' (or a '<Body>
    response' heading and its paragraphs). A numbered item ('R7 ...',
    '7. ...') starts one too, unless a response table answers that number
    (what follows it is then the review's own text)."""
    out: list[Response] = []
    blocks = [b for b in doc.blocks if b.kind != "table"]
    # ("Ymateb y Cyngor / Council response: ...", "Recommendation One: ...")
    texts = [numbered_label(english_label(_with_label(b))) for b in blocks]
    starts = [_rec_start(b, t) for b, t in zip(blocks, texts)]
    from extractors.entities.minutes import is_minutes   # (minutes.py imports what this module imports)
    numbered_ok = not is_minutes(doc)   # a minute's number is not a recommendation's
    starts = [st if st is None or _REC_LABEL.match(t) or (numbered_ok and bare_ref(st[0]) not in answered) else None
              for st, t in zip(starts, texts)]
    for k, b in enumerate(blocks[:-1]):
        coded = CODED_TITLE.match(texts[k]) if b.kind == "heading" else None
        if coded and starts[k + 1] is None and (m := _ITEM_TEXT.match(texts[k + 1])):
            starts[k + 1] = (coded.group("code"), m.group("text"))   # "IR1 Financial sustainability" / "Recommendation: ..."
    for k, b in enumerate(blocks[:-1]):
        # a numbered item that asks nothing in words ("3. The timeliness of information sharing ...", an inspection's
        # area for improvement) with its answer right under it ("Partnership response: Accepted.")
        num = (b.numbering or "").rstrip(".)")
        if starts[k] is None and numbered_ok and re.fullmatch(r"\d{1,2}[a-z]?", num) and b.kind != "heading" and \
                len(texts[k].split()) >= 5 and texts[k].rstrip().endswith((".", ";")) and \
                _RESPONSE_LABEL.match(texts[k + 1]) and bare_ref(num) not in answered:   # (a chapter's title has no full stop)
            starts[k] = (num, texts[k])
    # in a paper that is a response (its title says so), an answer may open with the position
    # itself, unlabelled ("The Government agrees with this recommendation ..."), or under a label
    # that names the position ("Decision: Agreed", "Position: Not accepted")
    responding = responding or default is not None
    answers = [_answer(t) or (unlabelled_answer(t) if responding else None) for t in texts]
    i = 0
    while i < len(blocks):
        if not starts[i]:
            i += 1
            continue
        ref, quoted = starts[i]
        if re.fullmatch(rf"(?i){POSITION}", quoted.strip(" .:")) and i + 1 < len(blocks) and not starts[i + 1]:
            # "Recommendation 1 – Accepted" over the recommendation's words, then the answer's paragraphs
            k = i + 2
            while k < len(blocks) and not starts[k] and blocks[k].kind != "heading":
                k += 1
            text = " ".join([quoted.strip(" .:") + "."] + [" ".join(t.split()) for t in texts[i + 2:k]])
            status, raw = status_of(quoted)
            prov = Prov(blocks[i].page, blocks[i].full_text, f"rec:{ref}/response")
            out.append(Response(ref, " ".join(texts[i + 1].split()), responder_of(text, default), status, raw, text, prov,
                                covered={blocks[n].full_text for n in range(i + 2, k)}))
            i = k
            continue
        if OPENS_WITH_POSITION.match(quoted.strip()):
            # "Recommendation 1: Accepted. The plan will be published ..." in a paper's answers to items it listed
            # before: the label names the item answered, the words are the answer
            k = i + 1
            while k < len(blocks) and not starts[k] and not answers[k] and blocks[k].kind == "paragraph" and \
                    not _ITEM_FIELD.match(texts[k]) and not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", blocks[k].numbering or ""):
                k += 1
            text = " ".join(" ".join(t.split()) for t in [quoted] + texts[i + 1:k])
            status, raw = status_of(text)
            out.append(Response(ref, None, responder_of(text, default), status, raw, text,
                                Prov(blocks[i].page, blocks[i].full_text, f"rec:{ref}/response"),
                                covered={blocks[n].full_text for n in range(i, k)}))
            i = k
            continue
        j = i + 1
        while j < len(blocks) and not answers[j] and not starts[j]:
            quoted = (quoted + " " + texts[j]).strip()
            j += 1
        if j >= len(blocks) or not answers[j]:
            i = j
            continue
        body, opening = answers[j]
        parts, k = [opening.strip()], j + 1
        # "Response: Partly accepted" over "3.2 The Executive agrees that ...": the answer's words are the
        # paragraph under its position, numbered as the report's paragraphs are (not under "Our response:
        # Accepted." closed by its stop: the report's next paragraph is its own, session 28); what follows that
        # paragraph ("The Council will:" and its steps) is read as the item's
        under_position = bool(re.fullmatch(rf"(?i){POSITION}(?:\s*[–—-]\s*\w+)?", opening.strip(" :"))) and \
            k < len(blocks) and not starts[k] and blocks[k].kind == "paragraph" and not _ITEM_FIELD.match(texts[k]) \
            and not _RESPONSE_LABEL.match(texts[k])
        if under_position:
            parts.append(texts[k])
            k += 1
        while not under_position and k < len(blocks) and not starts[k] and blocks[k].kind != "heading" and not _ITEM_FIELD.match(texts[k]) \
                and not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", blocks[k].numbering or ""):
            parts.append(texts[k])   # (to the report's next numbered paragraph: "6.2 Four social workers joined ...")
            k += 1
        text = " ".join(" ".join(p.split()) for p in parts if p)
        status, raw = status_of(text)
        who = _label_responder(text, body, default)
        prov = Prov(blocks[j].page, blocks[j].full_text, f"rec:{ref}/response")
        if text:
            out.append(Response(ref, " ".join(quoted.split()) or None, who, status, raw, text, prov,
                                covered={blocks[n].full_text for n in range(j, k)}))
        i = k
    return out


# "Recommendation: The Council should ...", the item's words under its label
_ITEM_TEXT = re.compile(r"(?i)^recommendation\s*[:–—-]\s*(?P<text>\S.{15,})$", re.S)
# the item's other labelled lines after its answer: "Lead officer: ...", "Target date: ...", "Status: ..."
_ITEM_FIELD = re.compile(r"(?i)^(?:lead(?:\s+officer)?|responsible\s+officer|owner|target(?:\s+date)?|timescale|deadline|"
                         r"due(?:\s+date)?|progress[\w ]{0,25}|status|rag(?:\s+status)?|update)\s*:")


def _rec_start(b: Block, text: str) -> Optional[tuple[str, str]]:
    """(ref, text) of a block that prints a recommendation for an answer to
    follow: "Recommendation 7: ...", or a numbered item ("R7 ...", "7. ...")."""
    m = _REC_LABEL.match(text)
    if m:
        ref = m.group("ref").replace(" ", "")
        word = text[:m.start("ref")].strip()
        if not re.fullmatch(r"(?i)(?:" + ITEM_MAKER + r"\s+)?recommendation", word):
            # "AFI 3", "Improvement recommendation 2" (beside "Key recommendation 2" in an auditor's report): the item
            # as its kind names it; "Recommendation 3", "Scrutiny recommendation 3" (who made it) is "3"
            ref = f"{word} {ref}"
        return ref, m.group("text").strip()
    cm = CODED_ITEM.match(text)
    if cm and _ASKS.search(cm.group("text")):
        return cm.group("ref"), cm.group("text").strip()   # "TFG1: The council should ..."
    num = (b.numbering or "").rstrip(".)")
    if num and (b.kind != "heading" or len(text.split()) >= 8) and len(text.split()) >= 5 and \
            (re.fullmatch(R_REF, num) or (re.fullmatch(r"\d{1,2}[a-z]?", num) and _ASKS.search(text))):
        # ("5. Governance" over a chapter is not one: a numbered item asks someone to act; set as a heading,
        # "1. The Council should publish ...", a sentence of its own)
        return num, text
    return None


_ASKS = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|recommends?|we\s+urge)\b", re.I)


# a position taken in a word or two: "Accepted", "Partially agreed", "Not accepted", "Agreed in principle"
POSITION = r"(?:(?:fully|partially|partly|not)\s+)?(?:accepted|agreed|rejected)(?:\s+in\s+(?:part|principle))?"
# an answer that opens with the position and goes on: "Accepted. The plan will ...", "Partially accepted – ..."
OPENS_WITH_POSITION = re.compile(rf"(?i){POSITION}\s*[.:;,–—-]\s*\S")
# that position on a line of its own under the recommendation
_POSITION_LINE = re.compile(rf"^(?P<body>)(?P<text>{POSITION}\s*[.:]?)$", re.I)


def _answer(text: str) -> Optional[tuple[Optional[str], str]]:
    """(who the label names, the answer's text) of an answer that opens with
    a label or a position line ("Cabinet response: Accepted. ...",
    "Accepted."); None for any other text."""
    m = _RESPONSE_LABEL.match(text) or _POSITION_LINE.match(text)
    return (re.sub(r"(?:’s|'s)$", "", m.group("body") or "") or None, m.group("text")) if m else None


# a label that names the position taken: "Decision: Agreed", "Position – Partially accepted", "Status: Accepted"
_POSITION_LABEL = re.compile(r"^(?:decision|position|status|outcome|(?:council|cabinet|executive)(?:’s|'s)?\s+position)"
                             r"\s*[:–—-]\s*(?P<text>\S.*)$", re.I | re.S)


def takes_position(text: str) -> bool:
    """A paragraph whose first sentence is a body taking a position on the
    recommendation ("The Trust accepts this recommendation.", "Thursdale
    Police accepts ...", "The ICB has not yet reached a view.")."""
    first = _opening(text, 1)
    return bool(first and _RESPONDER.match(first[0]) and status_of(first[0])[0] and not _WELCOMES_THE_REPORT.search(first[0]))


def unlabelled_answer(text: str) -> Optional[tuple[None, str]]:
    """(None, the answer) of a paragraph that, in a response paper, answers
    the recommendation above it without a response label: its first
    sentence takes a position ("The Government agrees with this
    recommendation", "We accept this recommendation in principle"), it opens
    with the position and goes on ("Accepted. The Council will publish
    ...", "Agreed in part – ..."), or a label names the position ("Decision:
    Agreed ..."; the answer is the label's value). None otherwise."""
    if takes_position(text):
        return None, text
    m = _POSITION_LABEL.match(text)
    if m and re.match(rf"(?i){POSITION}\b", m.group("text").strip()):
        return None, m.group("text")
    if re.match(rf"(?i)^{POSITION}\s*(?:[.:;–—-]\s+\S)", text.strip()):
        return None, text
    return None


def _with_label(b: Block) -> str:
    """A block's text with a 'Recommendation 7' label the loader read as its
    numbering put back in front."""
    text = b.text.strip()
    if b.numbering and re.match(r"^recommendation\b", b.numbering, re.I):
        return f"{b.numbering}: {text}"
    return text


def table_responses(doc: Document, default: Optional[str]) -> list[Response]:
    """A table with a Recommendation column and a Response / Accepted column."""
    out: list[Response] = []
    for t, table in doc.tables():
        header = table.header
        if not header:
            continue
        rec_c = next((i for i, h in enumerate(header) if _REC_HEADER.search(h) and
                      (not _STATUS_HEADER.search(h) or _REC_AND_ACTION.search(h))), None)
        # a summary matrix: one column per status ("Accepted | Accepted in principle | Not accepted"), a mark in one
        marks = [i for i, h in enumerate(header) if i != rec_c and len(h.split()) <= 4 and _status_words(h)[0]]
        if rec_c is not None and len(marks) >= 2:
            out.extend(_matrix_responses(table, t, rec_c, marks, default))
            continue
        st_c = next((i for i, h in enumerate(header) if _STATUS_HEADER.search(h) and i != rec_c), None)
        if st_c is None and rec_c is not None:
            # a column named for progress ("Update", "Position and progress") whose cells open with the position the
            # answer takes ("Accepted. ...", "Partially agreed – ..."): the answers
            st_c = next((i for i in range(len(header)) if i != rec_c and _opens_with_positions(table, i)), None)
        ref_c = next((i for i, h in enumerate(header) if column_role(h) == "ref" and i not in (rec_c, st_c)), None)
        if ref_c is None:
            # a column of codes whatever its name ("PR | Progress review recommendation | ..." over PR1, PR2)
            ref_c = next((i for i in range(len(header)) if i not in (rec_c, st_c) and _codes_only(table, i)), None)
        keyed = rec_c is None and ref_c is not None and st_c is not None and ref_c < st_c and \
            not DECISION_COLUMN.match(" ".join(header[st_c].split()))   # not a minutes table's "No. | Minute | Decision"
        said_c = None   # ("Ref | What the Group recommended (summary) | Accepted? | ..."): the words each row answers
        if keyed:
            # "Rec | Response | Comment": the answers keyed by the numbers of recommendations printed before
            rec_c, ref_c = ref_c, None
            said_c = next((i for i, h in enumerate(header) if i not in (rec_c, st_c) and column_role(h) == "rec"), None)
        fixed = None
        if rec_c is None and st_c is not None and ref_c is None and len(table.body) <= 2:
            # "Recommendation 1 (High priority)" / its words / "Management response | Responsible officer |
            # Target date" over one row: the answer to the item named just above the table
            fixed = _item_ref_above(doc, t)
            rec_c = st_c if fixed else None
        if rec_c is None or st_c is None:
            continue
        if _tally(table, rec_c) or re.fullmatch(r"(?i)key\s+decision\??", " ".join(header[st_c].split())):
            # "Cabinet decision | Recommendations | Number" over "Accepted | 1, 4(b), 5 | 5": a count of the answers,
            # not answers; a cover's "Key decision | Yes"
            continue
        # the answer printed beside a status-only column: "Accepted? | Action", "Agreed | Comments"
        text_c = next((i for i, h in enumerate(header) if i not in (rec_c, st_c, ref_c)
                       and (column_role(h) in ("action", "progress") or ANSWER_FIRST.match(" ".join(h.split())))
                       and not _positions_only(table, i)), None)
        # a status-only column beside the answer's: "Cabinet response | Accepted / Rejected"
        pos_c = next((i for i, h in enumerate(header) if i not in (rec_c, st_c, ref_c, text_c)
                      and (_STATUS_HEADER.search(h) or _status_words(h)[0] or re.search(r"(?i)\bposition\b", h))
                      and _positions_only(table, i)), None)
        # "Agreed? (Y/N)", "Accepted?": a question the column answers yes or no
        yes_no = bool(re.search(r"\?|\bY\s*/\s*N\b|\byes\s*/\s*no\b", header[st_c], re.I))
        # "Agreed action": the steps agreed, answers where the column takes a position ("Agreed. ..." in an audit
        # report's rows); a tracker whose cells state only the steps answers nothing
        steps_only = bool(re.search(r"(?i)\bagreed\s+(?:management\s+)?actions?\b", header[st_c])) and \
            not re.search(r"(?i)respon", header[st_c]) and \
            not any(st_c < len(row) and status_of(" ".join(row[st_c].text.split()))[0] for row in table.body)
        who_head = re.search(r"\b(Cabinet|Executive|Management|Government|Council)\b", header[st_c])
        who = f"the {who_head.group(1)}" if who_head else (_titled_responder(doc, t) or default)
        for r_off, row in enumerate(table.body):
            cells = [c.text.strip() if i < len(row) else "" for i, c in enumerate(row)]
            if rec_c >= len(cells) or st_c >= len(cells) or not cells[rec_c] or not cells[st_c]:
                continue
            if sum(1 for c in cells if c) > 1 and len({c for c in cells if c}) == 1:
                continue   # a row spanning the table: a theme's heading ("Theme A – Responding to reports")
            if r_off and all(row[c].spanned and c < len(table.body[r_off - 1]) and table.body[r_off - 1][c].text == row[c].text
                             for c in (rec_c, st_c)):
                continue   # the recommendation and its answer merged down over its action rows: answered once
            num, rest = split_numbering(" ".join(cells[rec_c].split()))
            coded = re.match(r"([A-Z]{1,4}\s?\d{1,2}[a-z]?)[.:]?\s*\n\s*(?=\S)", cells[rec_c])
            if fixed:
                ref, quoted = fixed, None
            elif coded and not keyed:
                ref, quoted = coded.group(1), " ".join(cells[rec_c][coded.end():].split())   # "TA1" over the recommendation
            elif keyed or KEY_CELL.fullmatch(cells[rec_c]):
                ref, quoted = cells[rec_c].rstrip(".").strip(), None   # the number alone: "R1", "3"
                if said_c is not None and said_c < len(cells) and cells[said_c]:
                    quoted = " ".join(cells[said_c].split())
            elif num and re.fullmatch(R_REF, num):
                ref, quoted = num, rest   # "R1 Single Senior Responsible Owner"
            elif ref_c is not None and ref_c < len(cells) and cells[ref_c]:
                # the No. / Ref column says which; a number in the recommendation's words ("from 1 April 2027") does not
                ref, quoted = _ref_in_cell(cells[ref_c]), " ".join(cells[rec_c].split())
            else:
                ref, quoted = split_quoted(" ".join(cells[rec_c].split()))[0]
            if ref is None and ref_c is not None and ref_c < len(cells) and cells[ref_c]:
                ref = _ref_in_cell(cells[ref_c])   # a No. / Ref column beside the recommendation
            text = " ".join(cells[st_c].split())
            status, raw = status_of(text) if not yes_no else _yes_no(text)
            if pos_c is not None and pos_c < len(cells) and status_of(cells[pos_c])[0]:
                status, raw = status_of(" ".join(cells[pos_c].split()))   # the column that says only the position
            if steps_only or (status is None and _POINTER_ONLY.match(text)):
                continue   # "For partner – see paragraph 5.3": where the answer is, not an answer
            r = r_off + table.header_rows
            src = st_c
            packed = None
            if text_c is not None and text_c < len(cells) and cells[text_c] and len(text.split()) <= 4 and status:
                # the status cell says only the position: the answer is the position and what follows it
                packed = packed_answer(cells[text_c])
                text, src = f"{text.rstrip('.')}. {' '.join(packed[0].split())}".strip(), text_c
            prov = Prov(row[src].page if src < len(row) else None, cells[src], f"table:{t}/row:{r}/response", table=t)
            resp = Response(ref, quoted, responder_of(text, who), status, raw, text, prov)
            if packed:
                _, steps, labels = packed
                resp.actions.extend(Action(text=x, prov=prov.at(f"/action:{k}")) for k, x in enumerate(steps))
                resp.labels.extend((label, value, prov.at(f"/{label.split()[0]}" + (f"#{k}" if k else "")))
                                   for k, (label, value) in enumerate(labels))
            out.append(resp)
    return out


# the label over the steps an answer lists: "Actions:", "Council action:", "Agreed actions:"
_STEPS_IN_ANSWER = re.compile(r"(?i)^(?:[\w’']+\s+){0,2}?actions?(?:\s+(?:agreed|planned|to\s+be\s+taken))?\s*:\s*(?P<rest>.*)$")
_ANSWER_LABEL = re.compile(rf"(?i)^(?P<label>{OWNER_LABEL}|{DUE_LABEL}|by)\s*:\s*(?P<value>\S.*)$")


_REF_LIST = re.compile(r"(?:[A-Z]{0,3}\s?\d{1,3}(?:\([a-z]\)|[a-z])?)(?:\s*(?:,|and|&)\s*[A-Z]{0,3}\s?\d{1,3}(?:\([a-z]\)|[a-z])?)*")


def _tally(table: Table, col: int) -> bool:
    """Is column `col` a list of refs on each row ("1, 4(b), 5", "R1, R4, R7"; a table counting the answers by
    status), rather than one recommendation a row?"""
    cells = [" ".join(row[col].text.split()) for row in table.body if col < len(row) and row[col].text.strip()]
    return len(cells) >= 2 and all(_REF_LIST.fullmatch(c) for c in cells) and any("," in c for c in cells)


def answer_parts(r: Response) -> list[Response]:
    """An answer that takes each part of its recommendation in turn ("(a)
    Accepted. Training will be ... (b) Not accepted. A separate line ..."):
    one response per part, its ref the part's ("6(a)", "6(b)"), its status
    its own. The answer as it is otherwise."""
    if not r.rec_ref or re.search(r"(?:\d[a-h]|\([a-h]\))$", r.rec_ref.strip()):
        return [r]   # (the answer to one part already)
    marks = list(_ANSWER_PART.finditer(r.text))
    letters = [m.group(1) for m in marks]
    if marks and marks[0].start() == 0 and len(set(letters)) == 1:
        # the answer to one part, printed in a row of its own: "(b) Partially accepted. Cabinet will fund ..."
        x = letters[0]
        text = _ANSWER_PART.sub("", r.text).strip()
        return [replace(r, rec_ref=f"{r.rec_ref.strip()}({x})", text=text, prov=r.prov.at(f"/({x})"))] if text else [r]
    if len(set(letters)) < 2 or letters[0] != "a" or sorted(set(letters)) != [chr(97 + k) for k in range(len(set(letters)))]:
        return [r]
    texts: dict[str, list[str]] = {}
    for m, nxt in zip(marks, marks[1:] + [None]):
        seg = r.text[m.end():nxt.start() if nxt else len(r.text)].strip(" ;")
        if seg:
            texts.setdefault(m.group(1), []).append(seg)
    if len(texts) < 2 or marks[0].start() > 0 or sum(bool(status_of(" ".join(v))[0]) for v in texts.values()) < 2:
        return [r]   # (one position on the whole before its lettered steps: "Agreed. (a) ... (b) ...")
    out = []
    for x, segs in texts.items():
        text = " ".join(segs)
        status, raw = status_of(text)
        out.append(replace(r, rec_ref=f"{r.rec_ref.strip()}({x})", text=text, status=status or r.status,
                           status_raw=raw or r.status_raw, prov=r.prov.at(f"/({x})"), actions=[], owners=[],
                           timescales=[], metrics=[], covered=set(r.covered), labels=list(r.labels)))
    return out


# a part's letter in an answer: "(a) Accepted. ...", "... (b) Not accepted. ..."
_ANSWER_PART = re.compile(r"(?:^|(?<=[\s.;]))\(([a-h])\)\s+")


def packed_answer(cell: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """An answer cell that packs the response, its steps and its lines
    ("The Cabinet agrees. ..." / "Actions:" / "• Hold six workshops ..." /
    "Lead: Assistant Director (Dawn Pryce)" / "By: June 2027") -> (the
    answer's words, the steps, [(label, value)])."""
    words: list[str] = []
    steps: list[str] = []
    labels: list[tuple[str, str]] = []
    in_steps = False
    for line in (x.strip() for x in cell.split("\n")):
        if not line:
            continue
        lab = _ANSWER_LABEL.match(line)
        sm = _STEPS_IN_ANSWER.match(line) if lab is None else None
        if lab:
            labels.append((lab.group("label").lower(), lab.group("value").strip()))
            in_steps = False
        elif sm:
            in_steps = True
            if sm.group("rest").strip():
                steps.append(sm.group("rest").strip())   # "Council action: Draft a protocol with the Forum."
        elif in_steps and (m := re.match(r"^[•\-–▪◦●]\s*(?P<step>\S.*)$", line)):
            steps.append(m.group("step"))
        elif in_steps and steps and line[:1].islower():
            steps[-1] += " " + line
        else:
            in_steps = False
            words.append(line)
    return " ".join(words), steps, labels


# a cell that only points elsewhere: "See paragraph 5.3", "For partner – see paragraph 5.4", "See above"
_POINTER_ONLY = re.compile(r"(?i)^(?:[\w ]{0,30}[–—:-]\s*)?see\s+(?:paragraphs?|paras?\.?|sections?|above|below|appendix|"
                           r"annex|response\s+to)\b[^;!?]{0,40}$")


def _yes_no(cell: str) -> tuple[Optional[str], Optional[str]]:
    """The status a yes / no answer gives ("Y", "Yes", "N", "No", "Partly"),
    else the status its words give."""
    m = re.match(r"(?i)^(y|yes|n|no|partly|part|in\s+part|partially)\b[\s.,;:–-]*", cell.strip())
    if not m:
        return status_of(cell)
    word = m.group(1).lower()
    status = "accepted" if word in ("y", "yes") else "rejected" if word in ("n", "no") else "partially_accepted"
    return status, m.group(0).strip(" .,;:–-")


def _filled(table: Table, c: int) -> list[str]:
    """The filled cells of column `c` under the header, spaces normalised."""
    return [" ".join(row[c].text.split()) for row in table.body if c < len(row) and row[c].text.strip()]


def _codes_only(table: Table, c: int) -> bool:
    """Every filled cell of column `c` is a code ("PR1", "R 2", "AW3a")."""
    cells = _filled(table, c)
    return len(cells) >= 2 and all(re.fullmatch(r"[A-Z]{1,4}\s?\d{1,3}[a-z]?", x) for x in cells)


def _opens_with_positions(table: Table, c: int) -> bool:
    """Do most of column `c`'s filled cells (two or more) open with a position
    ("Accepted.", "Agreed in part –", "Not accepted:") and go on?"""
    cells = _filled(table, c)
    said = [x for x in cells if re.match(rf"(?i){POSITION}\s*(?:[.:;,–—-]|\s+\S)", x.strip())]
    return len(said) >= 2 and len(said) / len(cells) >= 0.6


def _positions_only(table: Table, c: int) -> bool:
    """Column `c` says only a position a row takes ("Accepted", "Partially
    accepted", "Not agreed"): most of its filled cells are a few words a
    status reads from."""
    cells = _filled(table, c)
    said = [x for x in cells if len(x.split()) <= 4 and status_of(x)[0]]
    return bool(cells) and len(said) / len(cells) >= 0.6


def _matrix_responses(table: Table, t: int, rec_c: int, marks: list[int], default: Optional[str]) -> list[Response]:
    """Rows of a status matrix: the status is the header of the one marked
    column (a tick, cross, 'Yes' or any text); a comment column, if any,
    is the response's text beside it."""
    header = table.header
    note_c = next((i for i, h in enumerate(header) if i != rec_c and i not in marks
                   and re.search(r"\b(?:comments?|response|notes?|explanation)\b", h, re.I)), None)
    out = []
    for r_off, row in enumerate(table.body):
        cells = [c.text.strip() for c in row]
        if rec_c >= len(cells) or not cells[rec_c]:
            continue
        marked = [i for i in marks if i < len(cells) and cells[i]]
        if len(marked) != 1:
            continue
        status, raw = _status_words(header[marked[0]])
        ref, quoted = split_quoted(" ".join(cells[rec_c].split()))[0]
        note = " ".join(cells[note_c].split()) if note_c is not None and note_c < len(cells) else ""
        text = f"{header[marked[0]]}. {note}".strip() if note else header[marked[0]]
        r = r_off + table.header_rows
        prov = Prov(row[marked[0]].page, cells[marked[0]], f"table:{t}/row:{r}/response", table=t)
        out.append(Response(ref, quoted, default, status, raw, text, prov))
    return out


# "the Head of Procurement will train ...", "The Cabinet Member for Education will publish ..."
_WILL_SUBJECT = re.compile(r"(?:^|[.;]\s+|,\s+and\s+|\band\s+)(?P<who>(?:[Tt]he\s+)(?:(?:[A-Z][\w’'-]*|of|for|and|&)\s+){0,6}?"
                           r"(?:Head|Director|Manager|Officer|Member|Lead|Team|Board|Panel|Committee|Executive|Cabinet|"
                           r"Council|Department|Service|Unit|Secretary|Chief|Clerk|Leader)(?:\s+(?:of|for)\s+"
                           r"(?:[A-Z][\w’'-]*\s*){1,4})?)\s+will\s+[a-z]")


# a sentence in which an actor commits to a step, the actor its subject: "The
# Department will publish ...", "We will explore ...", "NICE plans to review ..."
# (not "Meeting the targets will remove ...", "... agrees that tools will often need ...")
_PROMISE = re.compile(
    r"^(?:(?:Also|In\s+addition|Going\s+forwards?|Going\s+forward|In\s+the\s+meantime),?\s+)?"
    r"(?:[Ww]e|(?:[Tt]he\s+)?(?:(?:[A-Z][\w’'-]*|of|for|and|&)\s+){0,5}?(?:Government|Council|Department|Executive|"
    r"Cabinet|Board|Team|Service|Office|Directorate|Committee|Panel|Member|Officer|Director|Head|Manager|Lead|"
    r"Secretary|Minister|Agency|Unit)(?:\s+(?:of|for)\s+(?:[A-Z][\w’'-]*\s*){1,4})?|[A-Z]{2,6})\s+"
    r"(?:(?:also|therefore|now|then|further|shortly)\s+)?(?:will|shall|plans?\s+to|intends?\s+to|"
    r"is\s+(?:developing|preparing|commissioning)|are\s+(?:developing|preparing|commissioning))\s+"
    r"(?!be\s+(?:able|possible|difficult|likely)\b)[a-z]")


def promises(text: str) -> list[str]:
    """The sentences of a response that commit someone to a step."""
    return [p for p in _sentences(text) if _PROMISE.match(p)]


def promised_by(text: str) -> list[str]:
    """Who a response says will act: '... and the Head of Procurement will
    train all contract managers' -> ['the Head of Procurement']."""
    out: list[str] = []
    for m in _WILL_SUBJECT.finditer(" ".join(text.split())):
        who = re.sub(r"^The\b", "the", m.group("who").strip())
        if who.lower() not in (o.lower() for o in out):
            out.append(who)
    return out


# a plan's banner row over the actions answering one item, with the answer in it: "Requirement 1 (key
# question 1) – People receive their care on time. Service response: Accepted."
_BANNER_ANSWER = re.compile(r"^(?P<ref>(?:Recommendation|Requirement|Priority|R|(?-i:AFI|AfI)|" + INSPECTION_ITEM + r")\s?\d{1,3}[a-z]?)\b"
                            r".*?(?:^|[.;)]\s+)(?P<body>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3})?\s*response\s*:\s*"
                            r"(?P<text>\S.*)$", re.S)


def banner_responses(doc: Document, default: Optional[str]) -> list[Response]:
    """The answers printed in a plan's banner rows, one per item."""
    out: list[Response] = []
    for t, table in doc.tables():
        for r, row in enumerate(table.rows):
            texts = {" ".join(c.text.split()) for c in row if c.text.strip()}
            if len(texts) != 1 or len(row) < 2:
                continue
            m = _BANNER_ANSWER.match(next(iter(texts)))
            if m is None:
                continue
            text = m.group("text").strip()
            status, raw = status_of(text)
            if status is None:
                continue
            who = _label_responder(text, m.group("body"), default)
            prov = Prov(row[0].page, next(iter(texts)), f"table:{t}/row:{r}/response", table=t)
            out.append(Response(m.group("ref"), None, who, status, raw, text, prov))
    return out


def extract_responses(doc: Document, meta: dict) -> list[Response]:
    """Every response the paper prints, in the order of its forms above."""
    default = default_responder(doc, meta)
    tables = table_responses(doc, default)
    answered = {bare_ref(r.rec_ref) for r in tables if r.rec_ref}
    responding = is_response_title(meta.get("title") or "")
    found = box_responses(doc, default) + labelled_responses(doc, default, answered, responding) + tables + \
        banner_responses(doc, default) + record_box_responses(doc, default)
    seen, out = set(), []
    for r in found:
        key = (r.rec_ref or r.prov.locator, r.text[:200])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
