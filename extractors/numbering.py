"""Recognise the number or label printed at the start of a paragraph.

Council papers number paragraphs as "5.1.2", "2.", "a)", "(iii)", "A.",
"Action 4 -", "Recommendation 3:", "R12" and bullets as "•", "-", "o". Every loader
uses `split_numbering` so the three formats agree on what a number is.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors.vocabulary import MONTH_RE

_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
# (and the Symbol and Wingdings fonts' bullets, which a PDF's text layer keeps as private-use characters:
# \uf0b7 •, \uf0a7 ▪, \uf0d8 ➢, \uf076 ❖, \uf0fc ✓, \uf06e ■, \uf06c ●, \uf071 ❑)
BULLETS = "•●▪■◼◾◦○·‣⁃–-*o\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf06c\uf071\u2713\u2714➢►"

# who made a recommendation, printed before it: "Ombudsman recommendation 2", "Scrutiny recommendation 3" are
# the body's recommendation 2 and 3 (not the kinds an auditor numbers apart: "Key" / "Improvement recommendation 2")
ITEM_MAKER = (r"(?:ofsted|hmip|hmicfrs|cqc|estyn|ciw|inspection|scrutiny|panel|committee|review|inquiry|peer\s+(?:review|team)|"
              r"(?:(?:housing|local\s+government(?:\s+and\s+social\s+care)?)\s+)?ombudsman(?:['’]s)?|regulator(?:['’]s)?|"
              r"inspector(?:ate)?(?:['’]s)?|(?:external\s+|internal\s+)?audit(?:or(?:['’]s)?)?)")

# a review's recommendation ref, "R12", "R3a"
R_REF = r"R\d{1,2}[a-z]?"

_PATTERNS: list[re.Pattern] = [
    # Action 4 - / Recommendation 3: / Area for improvement 2
    # (minutes number their action points "AP3", "AP 3", "Action point 3")
    # (a capital after a bare space: "recommendation 4 at the Board's meeting" is a sentence run on from the line above)
    re.compile(r"^(?P<num>(?:Action(?:\s+point)?|Recommendation|Rec|Area for (?:improvement|development)|Priority|Objective)\s+\d+(?:\.\d{1,3})*(?:\([a-z]{1,3}\)|[a-z])?|"
               r"AP\s?\d+[a-z]?)\s*(?:[-–—:)]\s*|\.(?!\d)\s*|\s+(?=(?-i:[A-Z])))(?P<rest>.+)$", re.I),
    # a review's "R1 The Council should ...", "R12: ..." (capital R, a capital after)
    re.compile(rf"^(?P<num>{R_REF})(?:[.:)]?\s+|\s*[–—-]\s*)(?P<rest>[A-Z].*)$"),
    # 5.1.2  / 5.1.2. / 2.1) / 3.
    re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,3}){1,4})\.?\)?\s+(?P<rest>\S.*)$"),
    re.compile(r"^(?P<num>\d{1,3})[.)]\s+(?P<rest>\S.*)$"),
    # a lettered part's number: "7a. Independent audit ...", "6(b) Free telephone line" (a capital after)
    re.compile(r"^(?P<num>\d{1,3}(?:[a-h][.)]|\([a-h]\)\.?))\s+(?P<rest>[A-Z].*)$"),
    # "5 OFSTED IMMEDIATE ACTIONS": a bare number before an upper-case heading
    re.compile(r"^(?P<num>\d{1,2})\s+(?P<rest>[A-Z][A-Z'’&,\- ]{3,}\b.*)$"),
    # (a) (iii) (1)
    re.compile(rf"^(?P<num>\((?:[a-z]|{_ROMAN}|\d{{1,2}})\))\s*(?P<rest>\S.*)$", re.I),
    # a) iii) A. B) i.
    re.compile(rf"^(?P<num>(?:[a-zA-Z]|{_ROMAN}|[IVX]{{1,4}})[.)])\s+(?P<rest>\S.*)$"),
]
_BULLET = re.compile(rf"^(?P<num>[{re.escape(BULLETS)}])\s+(?P<rest>\S.*)$")


# what a meeting is asked to do, at the start of a numbered decision printed in lower case
_DECIDES = re.compile(r"(?:to\s+)?(?:approve|agree|note|endorse|delegate|authori[sz]e|request|consider|adopt|confirm|"
                      r"support|receive|recommend|instruct|nominate|appoint|welcome|accept|reject|defer|grant|award|that|"
                      # "2.2 refers the recommendations to the Executive", "2.3 sends ...", "asks ...", "invites ..."
                      r"refer|send|ask|invite|thank|commission|allocate|establish|submit|forward|require|direct|ratify|"
                      r"acknowledge|reaffirm|commend|"
                      # "2.2 comments on the actions rated red", "reviews ...", "seeks assurance ...", "urges ..."
                      r"comment|review|scrutinise|scrutinize|challenge|propose|seek|urge|call|advise|resolve|decide|"
                      r"determine|identify|highlight)s?\s")


def split_numbering(text: str) -> tuple[Optional[str], str]:
    """Split a printed number or bullet off the start of `text`.

    Returns (numbering, rest). numbering is None when the text does not start
    with one; a bullet comes back as "•". A bare number followed by a lower
    case word ("3 months") or a year ("2024 was") is not numbering.
    """
    s = text.strip()
    if not s:
        return None, ""
    m = _BULLET.match(s)
    if m:
        # "- 3.1 The ..." (a list marker before a printed number): keep the number
        inner, rest = split_numbering(m.group("rest"))
        if inner and inner != "•":
            return inner, rest
        return "•", m.group("rest").strip()
    for pat in _PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        num, rest = m.group("num"), m.group("rest").strip()
        if re.fullmatch(r"\d{1,3}", num.rstrip(".)")) and not re.match(r"^\d{1,3}[.)]", s):
            letters = [ch for ch in rest if ch.isalpha()]
            if not (letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.8 and len(letters) > 3):
                continue
        # "1. " must be followed by something that reads like a paragraph start
        if rest[:1].islower() and re.fullmatch(r"\d+(?:\.\d+)+", num):
            # 5.1 percent of ... / 2.5 million: a decimal number, not numbering; but "2.1 approve the draft
            # plan ...;" under "Cabinet is RECOMMENDED to:" numbers what the meeting decides
            if not re.fullmatch(r"\d+(?:\.\d+){2,}", num) and not _DECIDES.match(rest):
                continue
        # a single letter followed by '.' is only numbering when the rest starts upper case
        # (or a letter numbering what a meeting decides: "A. accepts the grant ...;", "b. agree a revised deadline")
        if re.fullmatch(r"[a-zA-Z]\.", num) and not rest[:1].isupper() and not _DECIDES.match(rest):
            continue
        return num.rstrip(".").rstrip(), rest
    return None, s


def numbering_level(num: Optional[str]) -> int:
    """Depth implied by a numbering: '5' -> 1, '5.1' -> 2, '5.1.2' -> 3;
    letters and romans are treated as one level below their parent (0 = unknown)."""
    if not num:
        return 0
    if re.fullmatch(r"\d+(?:\.\d+)*", num):
        return num.count(".") + 1
    return 0


_REF_LABEL = re.compile(r"^(?:(?:" + ITEM_MAKER + r"\s+)?(?:recommendation|rec\.?)\s*(?:r(?=\d))?|r(?=\d))\s*", re.I)


def bare_ref(ref: str) -> str:
    """'Recommendation 3', 'R3' -> '3': the ref a response or a table prints for it."""
    bare = _REF_LABEL.sub("", ref).strip().lower()
    bare = re.sub(r"(?<=\w)\s?\(([a-z]{1,4})\)$", r"\1", bare)   # "6(a)" as "6a"
    return bare.rstrip(".):").strip("([ ")


# a cell that only numbers a recommendation: "3", "R3", "3a", "4.2(a)", "Rec 3", "Recommendation 3"
KEY_CELL = re.compile(r"(?i)(?:(?:recommendation|rec\.?)\s*|r)?\d{1,3}(?:\.\d{1,3})*(?:\s?\([a-z]{1,3}\)|[a-z])?\.?")


# an inline list's items after its first marker: "(a) ...; (b) ...; and (c) ...", "(i) ...; and (ii) ..."
_INLINE_NEXT = {"a": re.compile(r";\s*(?:and\s+|or\s+)?\(?[b-h]\)\s+"),
                "i": re.compile(r";\s*(?:and\s+|or\s+)?\(?(?:ii|iii|iv|v|vi|vii|viii)\)\s+")}
INLINE_MARKERS = {"a": list("abcdefgh"), "i": ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]}


def inline_items(text: str, first: str) -> list[str]:
    """The items of a list printed inline, `text` starting after its first
    marker "(a)" or "(i)" (`first` is "a" or "i"): one string per item, the
    last ending with its sentence. Fewer than two items: []."""
    parts = _INLINE_NEXT[first].split(text)
    if len(parts) < 2:
        return []
    parts[-1] = re.split(r"(?<=[.!?])\s+(?=[A-Z])", parts[-1])[0]
    return [p.strip() for p in parts]


# a heading that names an item by its code and a title: "IR1 Financial sustainability", "R3 – Governance"
CODED_TITLE = re.compile(r"^(?P<code>[A-Z]{1,4}\s?\d{1,3}[a-z]?)\s*[:.–—-]?\s+[A-Z][\w’'&,()/ -]{2,80}$")


# a heading that numbers the item printed under it: "Finding 1 – Annual review", "Recommendation 3", "Issue 2:"
_ITEM_HEADING = re.compile(r"^(?P<ref>(?:finding|issue|observation|recommendation|rec\.?)\s*(?:no\.?\s*)?\d{1,3}[a-z]?)"
                           r"(?=\s*(?:[:.–—-]|$)|\s+[A-Z(])", re.I)


def item_heading_ref(blocks: list, at: Optional[int]) -> Optional[str]:
    """The ref a heading above block `at` gives the item printed under it
    ("Finding 1 – Annual review" over the finding's paragraphs, its "Risk"
    sub-heading and its "Recommendation | ..." record): the nearest heading
    back to the last table that numbers an item, past short sub-headings;
    None otherwise."""
    if at is None:
        return None
    for k in range(at - 1, max(at - 12, -1), -1):
        b = blocks[k]
        if b.kind == "table":
            return None
        if b.kind == "heading":
            t = " ".join(b.text.split())
            m = _ITEM_HEADING.match(t)
            if m:
                return " ".join(m.group("ref").split())
            if len(t.split()) > 3 or re.search(r"\d", t):
                return None   # (a sub-heading of the item - "Finding", "Risk" - is passed over; a section is not)
    return None


# a paragraph opened by a bare number and a capitalised word: "1 Apologise to Ms B ...", not a date ("1 April 2026")
_BARE_NUMBER = re.compile(rf"^(?P<n>\d{{1,2}})\s+(?P<rest>(?!{MONTH_RE}\b)[A-Z][a-z]+\b.*)$", re.S)


def number_bare_runs(blocks: list) -> None:
    """Paragraphs numbered by a bare number with no stop ("1 Apologise ...",
    "2 Pay Ms B ...") are a numbered list when the numbers run on: each is
    the next of the one before it (a lead-in line may stand between them).
    A lone "3 Months ..." or "5 Year plan" is left as printed."""
    cands = [(i, int(m.group("n")), m.group("rest")) for i, b in enumerate(blocks)
             if b.kind in ("paragraph", "list_item") and b.numbering is None
             and (m := _BARE_NUMBER.match(b.text.strip()))]
    run: list = []
    for c in cands + [None]:
        if c is not None and run and c[1] == run[-1][1] + 1 and c[0] - run[-1][0] <= 2:
            run.append(c)
            continue
        if len(run) >= 2:
            for i, n, rest in run:
                blocks[i].numbering, blocks[i].text = str(n), rest.strip()
        run = [c] if c is not None else []
