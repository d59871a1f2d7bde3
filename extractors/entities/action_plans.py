"""Recommendations, actions, owners, timescales and RAG from action-plan
tables: any table whose header names a recommendation / area for
improvement column or an actions / mitigation column, plus at least one of
lead / responsible officer, timescale, RAG, progress or evidence columns.

Row conventions of such tables (seen across councils' action plans and
progress trackers):
- a row whose recommendation cell (or ref cell) is filled starts a new
  recommendation; rows below with an empty recommendation cell continue it
  (sub-rows, and rows continued after a page break);
- a recommendation cell that starts lower-case without a ref continues the
  previous recommendation's text (a row cut by a page break);
- a ref cell that holds "2. Ensure that ..." (ref and text run together
  when the text layer lost the column boundary) is split;
- the actions cell may hold several actions: one per line / bullet, or one
  per sentence that starts with an imperative verb;
- owners and timescales in a row belong to that row's actions; where the
  row has no action, to its recommendation. When a row has as many
  timescales as actions, they pair up in order.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

from extractors.entities import minutes
from extractors.entities import rag as ragmod
from extractors.entities.columns import classify_columns, column_role, is_action_plan, two_names_role
from extractors.entities.items import Action, Owner, Prov, Recommendation, Timescale
from extractors.entities.owners import AS_ABOVE, norm_role, split_owners, subject_owners
from extractors.dates import last_day
from extractors.vocabulary import ASKS_SOMEONE, INSPECTION_ITEM, MONTHS, OWNER_LABEL, PLAN_ITEM
from extractors.entities.timescales.cells import parse_timescales
from extractors.entities.timescales.sentences import find_due_dates_in_sentence
from extractors.entities.timescales.meetings import log_section
from extractors.model import Cell, Table, banner_row
from extractors.numbering import KEY_CELL, R_REF, split_numbering
from extractors.textsim import token_f1

_NOT_IMPERATIVE = {
    "the", "this", "these", "that", "those", "it", "a", "an", "all", "our", "we", "there", "in", "as", "if",
    "when", "where", "which", "they", "he", "she", "each", "any", "some", "to", "by", "for", "from", "with",
    "on", "at", "and", "or", "but", "also", "once", "following", "further", "more", "new", "staff", "managers",
    "children", "young", "social", "team", "teams", "workers", "data", "reports", "monthly", "weekly", "quarterly",
    "annual", "regular", "ongoing", "i.e", "e.g", "including", "via", "through", "using", "where", "whilst",
}


def _norm(s: str) -> str:
    return " ".join(s.split())


def _cell(row: list[Cell], idx: Optional[int]) -> str:
    if idx is None or idx >= len(row):
        return ""
    return row[idx].text.strip()


def split_actions(text: str) -> list[str]:
    """An actions cell -> one text per action."""
    text = text.strip()
    if not text:
        return []
    text = steps_run_together(text)
    lines = []
    whole = numbered_parts(" ".join(text.split()))
    # "1. Complete the review. Owner: Head of ICT.\nDue: 31/01/2027 2. Run ...": numbered steps whose lines
    # break where the cell wraps, not where the steps do
    for ln in ([f"{k}. {q}" for k, q in enumerate(whole, 1)] if whole and "\n" in text else text.split("\n")):
        # "Next steps include: • Establish a team • Transfer posts": bullets run into one line
        parts = [p.strip() for p in re.split(r"\s+[•●▪]\s+", ln) if p.strip()]
        if len(parts) > 1 and parts[0].endswith(":"):
            parts = parts[1:]
        for p in parts:
            # "1. Deliver the savings programme. 2. Review fees and charges.": numbered items run into one line
            numbered = numbered_parts(p)
            lines.extend([f"{k}. {q}" for k, q in enumerate(numbered, 1)] if numbered else [p])
    if len(lines) >= 3 and all(ln[:1].isupper() and not ln.rstrip().endswith((".", ";", ":", ",")) and
                               not _WHO_WHEN_LINE.match(ln) and split_numbering(ln)[0] is None for ln in lines):
        # "Children in Care Strategy – KCC" / "Looked After Children project area" / "Family Hubs": every line
        # opens with a capital and none ends a sentence - a list of names, a line each (a line ending
        # "... of", "... (subject to" runs on)
        names: list[str] = []
        for ln in lines:
            if names and (_RUNS_ON.search(names[-1]) or names[-1].count("(") > names[-1].count(")")):
                names[-1] = f"{names[-1]} {ln}"
            else:
                names.append(ln)
        return [_norm(a) for a in names if len(a.split()) >= 2 and not a.rstrip().endswith(("…", "...", "~"))]
    # "Work with the Trust to:" over "a. introduce a discharge huddle;" / "b. expand Home First ...": lettered steps
    lettered = [m.group(1) for ln in lines if (m := _LETTERED_STEP.match(ln))]
    if len(lettered) >= 2 and lettered == [chr(ord("a") + k) for k in range(len(lettered))]:
        lines = [_LETTERED_STEP.sub("• ", ln) for ln in lines]
    # the bullets after a lead-in ending "... by:" / "... to:" are steps when each opens with what is done
    bullets = [rest for ln in lines if (m := split_numbering(ln))[0] == "•" for rest in [m[1]]]
    steps_listed = len(bullets) >= 2 and all(_A_STEP.match(b) for b in bullets)
    items: list[str] = []
    prev_labelled = False
    for ln in lines:
        num, rest = split_numbering(ln)
        labelled = bool(_WHO_WHEN_LINE.match(ln))
        if prev_labelled and not labelled and num is None and ln[:1].isupper() and len(ln.split()) >= 3:
            # "Deliver caddies ..." after "Owner: ...\nTarget: ..." lines: the next step
            items.append(ln)
        elif num == "•" and items and rest[:1].islower() and re.search(r"(?:[:;]|\band)$", items[-1].rstrip()) and \
                not (steps_listed and _A_STEP.match(rest)):
            # "Commission an evaluation, to cover: • uptake by ward; • cost per contact.":
            # bullets in lower case finish the sentence that introduces them (not steps: "Bring reviews up to 75%
            # by: • setting up a review team; • offering telephone reviews", each a step of its own)
            items[-1] = items[-1] + " " + rest
        elif num is not None or not items:
            items.append(rest if num is not None else ln)
        elif ln[:1].islower() or items[-1].rstrip()[-1:] not in ".;:!?…" and not _ends_with_who_when(items[-1]):
            items[-1] = items[-1] + " " + ln   # a wrapped line (not a line ended by its who and when: "... – JW, 31/07/26")
        else:
            items.append(ln)
        prev_labelled = labelled
    out: list[str] = []
    for it in items:
        # each sentence is a step, except one that refers back to the step
        # before it ("This will be accompanied by ...", "It is ...")
        sentences = re.split(r"(?<=[.;!?])\s+(?=[A-Z])", it)
        cur = ""
        for s in sentences:
            if cur and not _CONTINUES.match(s) and not cur.rstrip().endswith(":"):
                out.append(cur.strip())
                cur = s
            else:
                cur = (cur + " " + s).strip()
        if cur.strip():
            out.append(cur.strip())
    # (not a lead-in to what follows: "Priorities to deliver this outcome:", "Together we will…")
    return [_norm(a) for a in out if len(a.split()) >= 2 and not _COMMENTARY.match(a) and not a.rstrip().endswith((":", "…", "..."))]


# a line that stops on a word that needs more after it
_RUNS_ON = re.compile(r"(?i)\b(?:and|or|of|to|the|a|an|for|in|on|with|by|from|at|into|&|–|-)$")
# a lettered step on a line of its own: "a. introduce ...", "b) expand ..."
_LETTERED_STEP = re.compile(r"^([a-h])[.)]\s+(?=[a-z])")
# what a step opens with: a verb, as an instruction ("introduce", "review") or under way ("setting up", "offering")
_A_STEP = re.compile(r"(?i)(?:[a-z]+ing|introduce|review|expand|develop|implement|agree|establish|deliver|complete|"
                     r"undertake|launch|produce|provide|create|commission|publish|update|carry\s+out|report|roll\s+out|"
                     r"recruit|appoint|set\s+up|extend|improve|train|audit|monitor|consult|embed|procure|pilot|adopt|"
                     r"secure|strengthen|ensure|make\s+sure|hold|run|use|add|align|map|test|share|issue|offer|track)\b")


def steps_run_together(text: str) -> str:
    """A PDF cell prints its steps one a line, each ending with who and when, and
    the text layer runs them into one ("Deliver the savings programme – Head of
    Finance – 31/03/2027 Complete the review of reserves – ..."): a line break
    after each who-and-when that a new capitalised step follows."""
    cuts = [m.start() for m in _NEXT_STEP.finditer(text) if _ends_with_who_when(text[:m.start()])]
    for c in reversed(cuts):
        text = text[:c] + "\n" + text[c:].lstrip()
    return text


# where a new step may start: a capitalised word after a space (not the first word of the cell)
_NEXT_STEP = re.compile(r"(?<=[)\w.])[ \t]+(?=[A-Z][a-z]+\s)")


def _ends_with_who_when(text: str) -> bool:
    """Does the line end with who does it and by when ("... – JW, 31/07/26")?"""
    for p in (_WHO_WHEN_BRACKET, _WHO_WHEN_SQUARE, _WHO_WHEN_DASHED, _WHO_WHEN_COMMA):
        m = p.search(text)
        if m and not re.search(r"\d", m.group("who")) and parse_timescales(m.group("when"), None):
            return True
    return False


_CONTINUES = re.compile(r"^(?:this|these|it|they|such|which|both|also|each|e\.g\.|i\.e\.|that|those)\b|"
                        # "... review. Owner: Head of ICT. Due: 31/01/2027": the step's own labels, run into its cell
                        r"^(?:owner|lead(?:\s+officer)?|responsible\s+officer|action\s+owner|due(?:\s+date)?|by|deadline|"
                        r"target(?:\s+date)?|timescale)\s*:", re.I)
# remarks in an actions cell that report no step
_COMMENTARY = re.compile(r"^(?:it\s+is\s+(?:noted|worth\s+noting)|it\s+should\s+be\s+noted|we\s+are\s+(?:confident|pleased)|"
                         r"there\s+(?:are|is)\s+still\b|please\s+(?:see|refer))", re.I)


def _strip_header(text: str, header: str) -> str:
    """'Ofsted Recommendation Strengthen arrangements ...' -> 'Strengthen
    arrangements ...' (the column header leaked into a cell at a page break)."""
    h = " ".join(header.split())
    t = text.strip()
    if h and len(t) > len(h) + 1 and t.lower().startswith(h.lower() + " "):
        return t[len(h):].strip()
    return text


def _split_ref(ref_cell: str, rec_cell: str) -> tuple[Optional[str], str]:
    ref_cell, rec_cell = ref_cell.strip(), rec_cell.strip()
    if ref_cell and len(ref_cell.split()) > 2:
        num, rest = split_numbering(ref_cell)
        if num and num != "•":
            return num.rstrip(".)"), _norm(rest + (" " + rec_cell if rec_cell else ""))
    if ref_cell:
        return ref_cell.rstrip("."), _norm(rec_cell)
    num, rest = split_numbering(rec_cell)
    if num and num != "•" and re.fullmatch(r"\(?[0-9]{1,3}[a-z]?\)?|\(?[a-zA-Z]\)?|\(?[ivxIVX]{1,4}\)?|" + R_REF, num.rstrip(".)")):
        return num.rstrip(".)").strip("()"), _norm(rest)
    return None, _norm(rec_cell)


def who_when_at_end(act: Action, glossary: dict, anchor: Optional[date]) -> None:
    """'Deliver the savings programme (Director of Finance, March 2027).',
    '... – ICT Manager – by 30 June 2026': the step's own owner and due
    date, in brackets or after dashes at its end, in a table cell or a list
    item; the step keeps its text without them."""
    # labelled ("... (Lead: Head of Midwifery; by January 2027)", "(Owner: ICT Manager)": the date may be left out)
    m = _LABELLED_WHO_WHEN.search(act.text)
    times = _timescale_items(m.group("when"), anchor, act.prov.at("/when", source_text=m.group(0))) if m and m.group("when") else []
    if m is None:
        m = _WHO_WHEN_BRACKET.search(act.text) or _WHO_WHEN_BRACKET_DASHED.search(act.text) or \
            _WHO_WHEN_SQUARE.search(act.text) or _WHO_WHEN_DASHED.search(act.text) or _WHO_WHEN_COMMA.search(act.text)
        if not m:
            return
        times = _timescale_items(m.group("when"), anchor, act.prov.at("/when", source_text=m.group(0)))
        if not times or re.search(r"\d", m.group("who")):
            return
    have = {t.due_date for t in act.timescales if t.due_date}
    recurring = {t.recurrence for t in act.timescales if t.due_date is None}
    # (the step's text was read for dates before its who and when came off: not twice)
    act.timescales.extend(t for t in times if ((t.due_date not in have) if t.due_date else (t.recurrence not in recurring)))
    act.owners.extend(_owner_items(m.group("who"), "lead", glossary, act.prov.at("/who", source_text=m.group(0))))
    act.text = act.text[:m.start()].rstrip(" ,;–—-")   # the step, without who and when


# the label of a combined who-and-when cell's date: "Date:", "Target date:", "Due:", "Deadline:", "Timescale:"
_DATE_LABEL_IN_CELL = re.compile(r"(?i)(?:^|\s)(?:(?:target|due|completion|implementation|revised)\s+)?(?:date|due|deadline|timescale|by\s+when)\s*:")


def _owner_items(text: str, kind: str, glossary: dict, prov: Prov) -> list[Owner]:
    out = []
    for role, person, raw in split_owners(text, glossary):
        out.append(Owner(role=role, person=person, kind=kind, raw=raw, prov=prov))
    return out


# a step's own owner and date in brackets at its end: "(Director of Finance, March 2027)"
# (a bracket of its own in the post: "(Area Manager (Control), every six months)")
_WHO_WHEN_BRACKET = re.compile(r"\s*\((?P<who>[A-Z](?:[A-Za-z&'’ /–—-]|\([A-Z][A-Za-z&'’ ]{1,30}\)){1,80}?(?:[.,]\s*[A-Za-z&'’ /–—-]{2,60}?)*),"
                               r"\s*(?P<when>[^(),]{3,40})\)\s*[.;]?$")
# the same with labels: "(Lead: Head of Midwifery; by January 2027)", "(Owner: ICT Manager, due March 2027)", "(Lead: DPH)"
# (or in square brackets, parted by a bar: "[Owner: TE | Target: 30 June 2027]")
_LABELLED_WHO_WHEN = re.compile(r"\s*[(\[](?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|led\s+by|action\s+by|who)\s*:\s*"
                                r"(?P<who>[^()\[\];|]{2,120}?)(?:\s*[;,|]\s*(?:(?:by|due|target(?:\s+date)?|deadline|timescale|when)\s*:?\s*)"
                                r"(?P<when>[^()\[\];|]{3,40}?))?\s*[)\]]\s*[.;]?$", re.I)
# initials or a post and a date in square brackets at the end: "[PV, Mar 27]", "[LO/PV, Q4 26/27]", "[CD, weekly]"
_WHO_WHEN_SQUARE = re.compile(r"\s*\[(?P<who>[A-Z][^\[\]\d,;]{0,60}?)\s*[,;]\s*(?P<when>[^\[\]]{3,30}?)\]\s*[.;]?$")
# "(Waste Services Manager – Mar 2027)", "(HL / CP – Q4 2026/27)"
_WHO_WHEN_BRACKET_DASHED = re.compile(r"\s*\((?P<who>[A-Z][^()–—\d]{1,80}?)\s+[–—-]\s+(?P<when>[^()–—]{3,40})\)\s*[.;]?$")
# an owner label's value that goes on to the date: "Housing Options Manager; by 31/01/2027", "Revenues Manager; monthly"
_WHO_THEN_WHEN = re.compile(r"(?P<who>[A-Z][^;|\d]{1,80}?)\s*[;|]\s*(?P<when>(?:(?:by|due|target(?:\s+date)?)\s*:?\s*)?[^;|]{3,40})")
# "... – ICT Manager – by 30 June 2026"
_WHO_WHEN_DASHED = re.compile(r"\s+[–—-]\s+(?P<who>[A-Z][\w&'’ /(),.-]{1,90}?)\s+[–—-]\s+(?P<when>[^–—]{3,40}?)\s*[.;]?$")
# "... – JW, 31/07/26", "... – Director of Place, September 2026"
_WHO_WHEN_COMMA = re.compile(r"\s+[–—-]\s+(?P<who>[A-Z][A-Za-z&'’ /()-]{1,60}?),\s*(?P<when>[^,–—]{3,40}?)\s*[.;]?$")
# a list marker inside a cell: "1. Director of Resources 2. Head of Finance" ("2 ." when letter-spaced)
_CELL_MARKER = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s?[.)]\s+(?=\S)")


def _parts(text: str, n: int) -> Optional[list[str]]:
    """A cell's entries for the row's n actions: numbered 1, 2, 3 ..., or one
    a line when it prints as many lines as there are actions ("Director of
    Resources" / "Head of Finance" beside two numbered steps)."""
    got = numbered_parts(text)
    if got:
        return got
    lines = [" ".join(x.split()) for x in (text or "").split("\n") if x.strip()]
    return lines if n >= 2 and len(lines) == n else None


def _keyed_parts(text: str, n: int, glossary: dict) -> Optional[list[str]]:
    """An owner cell of short forms the paper's key explains, run together
    ("AM (Resp) HoP GM (OCS) ACFO (SD)" beside four steps): the forms, when
    the whole cell reads as exactly n of them (one may join two with '/')."""
    if n < 2 or not text:
        return None
    forms = [m.group(0).strip() for m in _SHORT_FORM.finditer(text)]
    if len(forms) == n and "".join(f.replace(" ", "") for f in forms) == re.sub(r"\s+", "", text) and \
            all(sum(ch.isupper() for ch in f.split("(")[0]) >= 2 for f in forms):
        return forms   # short forms only, whether or not the key lists each ("AM (Resp)" vacant)
    keys = sorted({k for k in glossary if len(k) <= 12}, key=len, reverse=True)
    if not keys:
        return None
    low = norm_role(text)
    out: list[str] = []
    pos = 0
    while pos < len(low):
        if low[pos] in " /":
            if low[pos] == "/" and out:
                out[-1] += " /"   # "HoF / HoE": two owners of one step
            pos += 1
            continue
        k = next((k for k in keys if low.startswith(k, pos) and (pos + len(k) == len(low) or low[pos + len(k)] in " /")), None)
        if k is None:
            return None
        if out and out[-1].endswith(" /"):
            out[-1] = f"{out[-1]} {k}"
        else:
            out.append(k)
        pos += len(k)
    if len(out) != n:
        return None
    # the forms as the paper prints them
    printed = re.findall(r"\S+(?:\s*\([^()]*\))?", text)
    return _reprint(out, printed)


# a post's short form, with its bracket and any second form joined by a slash: "ACFO (SD)", "HoF / HoE", "GM (OCS)"
_SHORT_FORM = re.compile(r"[A-Z][A-Za-z]{0,5}(?:\s*\([A-Za-z ]{1,8}\))?(?:\s*/\s*[A-Z][A-Za-z]{0,5}(?:\s*\([A-Za-z ]{1,8}\))?)*")


def _reprint(parts: list[str], printed: list[str]) -> list[str]:
    """The normalised parts back in the words the cell prints ("am (resp)" -> "AM (Resp)")."""
    out, i = [], 0
    for part in parts:
        words = []
        while i < len(printed) and len(norm_role(" ".join(words))) < len(part):
            words.append(printed[i])
            i += 1
        out.append(" ".join(words))
    return out


def _entries_in_order(text: str, times: list[Timescale]) -> list[Optional[Timescale]]:
    """A due cell's entries in reading order: its timescales, and None for each
    status printed where a step is done ("Complete")."""
    spots: list[tuple[int, Optional[Timescale]]] = []
    pos = 0
    for t in times:
        at = text.find(t.raw, pos) if t.raw else -1
        if at < 0:
            return list(times)   # (cannot place them: as read)
        spots.append((at, t))
        pos = at + len(t.raw)
    for m in re.finditer(r"(?i)\b(?:complete[d]?|closed|achieved|done)\b(?:\s*\([^()]*\))?", text):
        if not any(a <= m.start() < a + len(t.raw) for a, t in spots):
            spots.append((m.start(), None))
    return [t for _, t in sorted(spots, key=lambda x: x[0])]


def numbered_parts(text: str) -> Optional[list[str]]:
    """A cell numbering its entries 1, 2, 3 ... -> the entries; None when it
    does not."""
    marks = list(_CELL_MARKER.finditer(text or ""))
    if len(marks) < 2 or marks[0].start() != 0 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [" ".join(text[m.end():e].split()) for m, e in zip(marks, ends)]


# a milestone line's date, after its dash or in brackets: "Consultation complete – Nov 2026", "Go live (March 2027)"
_MILESTONE_DATE = re.compile(r"(?:[–—-]|:|\()\s*(?P<when>[^–—:()]{3,30}?)\s*\)?\s*$")


# a register's chosen response printed before its steps: "Response: Treat", "Treatment: Tolerate"
_RISK_RESPONSE = re.compile(r"^\s*(?:risk\s+)?(?:response|treatment|strategy|approach)\s*:\s*"
                            r"(?:treat|tolerate|transfer|terminate|accept|reduce|avoid|mitigate|share)\b\.?\s*", re.I)
_NO_FURTHER = re.compile(r"(?i)^\s*(?:none|no\s+further\s+(?:treatment|action|mitigation)s?)\b")


# an owner or date cell that points to the steps, which name their own: "See each action", "As shown"
_SEE_STEPS = re.compile(r"(?i)(?:see|as\s+(?:shown|given|stated|set\s+out))(?:\s+(?:in|for|against|by|above|below|"
                        r"each|every|individual|the|actions?|steps?|bullets?|items?|column)){0,4}\.?")


# a status printed after a step in its cell: "... (Head of ICT, September 2026) – Complete"
_TRAILING_STATUS = re.compile(r"\s+[–—-]\s+(?P<status>(?i:complete[d]?|ongoing|in\s+progress|on\s+track|not\s+started|"
                              r"closed|delayed|overdue|achieved|open))\.?$")


# a due cell's second date replacing its first: "Sept 2026 – revised to Dec 2026"
_REVISED_IN_CELL = re.compile(r"(?i)\b(?:revised|extended|moved|changed|deferred|rescheduled|slipped|put\s+back|amended)"
                              r"(?:\s+(?:date|deadline))?\s*(?:to\b|:)")


def _timescale_items(text: str, anchor: Optional[date], prov: Prov) -> list[Timescale]:
    """Timescales of one timescale cell. Within a cell, a month printed without
    a year takes the year of another date in the cell ('by mid-June ... from
    September 2024'), and a start date ('from September 2024', 'From 1
    September 2026; reviewed annually') is not a due date (a window 'from
    April 2026 to March 2027' is, at its end)."""
    parsed = parse_timescales(text, anchor)
    revised = _REVISED_IN_CELL.search(text)
    if revised and any(t.start >= revised.start() for t in parsed):
        # "Sept 2026 – revised to Dec 2026", "Mar 2026 meeting (extended to Jan 2027 meeting)": the new date only
        parsed = [t for t in parsed if t.start >= revised.start()]
    years = [t.due_date.year for t in parsed if t.due_date]
    out = []
    for t in parsed:
        if re.match(r"(?i)\s*(?:from|starting|commencing|beginning)\b", t.raw) and t.recurrence == "once" and \
                not re.search(r"(?i)\b(?:to|until|till)\b|\s[–—-]\s", t.raw):
            continue
        ts = Timescale.from_parsed(t, prov)
        if ts.due_date is None and ts.recurrence == "once" and years:
            mon = next((n for name, n in MONTHS.items() if re.search(rf"\b{name[:3]}", t.raw, re.I)), None)
            if mon:
                year = years[0]
                ts.due_date, ts.precision = last_day(year, mon), "month"
        out.append(ts)
    return out


def add_due_dates(item, anchor: Optional[date]) -> None:
    """Due dates and recurrences a recommendation's or action's own text sets
    for it ('by December 2018', 'planned for November', 'fortnightly'). An
    item of a resolution ('(3) a further report be submitted to the meeting
    on 17 March 2026') is read as the 'That ...' clause it continues."""
    text, shift = item.text, 0
    if getattr(item, "kind", None) == "decision" and text[:1].islower():
        text, shift = "That " + text, 5
    labelled = {t.recurrence for t in item.timescales if t.recurrence not in (None, "once")}
    for t in find_due_dates_in_sentence(text, anchor):
        if t.recurrence in labelled:
            continue   # "Run a clinic every fortnight" over "By: Fortnightly": the same timescale, printed twice
        if shift:
            t = replace(t, start=t.start - shift, end=t.end - shift)
        item.timescales.append(Timescale.from_parsed(
            t, item.prov.at(f"/due@{t.start}")))


@dataclass
class PlanResult:
    recs: list[Recommendation]          # with their actions, owners, timescales
    loose: list[Action]                 # actions with no recommendation column
    row_parent: dict[int, object]       # table row index -> the rec (or action) it belongs to
    entity_cols: set[int]               # columns consumed as text/owner/timescale/ref/rag


def extract_action_plan(table: Table, tindex: int, *, glossary: dict, anchor: Optional[date],
                        body: Optional[str], group: Optional[Recommendation] = None) -> Optional[PlanResult]:
    """The recommendations and actions of an action-plan table, or None when
    the table is not an action plan. `group`: the recommendation printed above
    the table, which rows answer when the table has no recommendation column."""
    header = table.header
    if not header:
        return None
    # a header cell holding two columns' names (the rule between them lost) is read by its first
    named = list(header)
    for c, cell in enumerate(table.rows[0] if table.header_rows else []):
        if c < len(named) and two_names_role(cell.text)[0]:
            named[c] = next(ln for ln in cell.text.split("\n") if ln.strip())
    roles = _roles_from_cells(table, classify_columns(named))
    names_col = _names_in_action_column(table, roles)
    if names_col:
        roles = {**roles, "owner_lead": [names_col[0]], "action": [names_col[1]]}
    if not is_action_plan(roles) and not _recommendation_list(table, roles):
        return None
    plan = _PlanReader(table, tindex, roles, glossary=glossary, anchor=anchor, body=body)
    plan.owner_required = names_col is not None
    if group is not None and "rec" not in roles and \
            not any(_REC_REF_HEADER.search(header[c]) for c in roles.get("ref", [])):
        plan.group = group   # (not a table that keys its rows to the items themselves: "AFI | No. | Action")
    for r_off, row in enumerate(table.body):
        plan.read_row(r_off + table.header_rows, row)
    return PlanResult(plan.recs, plan.loose, plan.row_parent, plan.entity_cols)


# a ref column that names the recommendation a row answers: "Rec no.", "Recommendation ref", "Rec"
_REC_REF_HEADER = re.compile(r"\brec(?:ommendation)?s?\b|^afi\b", re.I)   # ("AFI": the area for improvement answered)


_RECORD_TITLE = re.compile(r"^(?:(?:recommendation|rec\.?|finding|issue|observation)\s*(?:no\.?\s*)?(?P<ref>[\w.]{1,6})\b"
                           # a number alone, or coded: "R1", "1", "1."
                           r"|(?P<code>(?-i:R)?\d{1,2}[a-z]?)\.?$)", re.I)
_FINDING_LABEL = re.compile(r"^(?:finding|issue|observation|risk|risk\s+or\s+issue|background|implication)s?(?:\s+identified)?$", re.I)


_COVER_LABEL = re.compile(r"(?i)^(?:report\s+(?:title|ref(?:erence)?|of|author|to|number|no\.?)|date\s+of\s+meeting|meeting(?:\s+date)?|"
                          r"agenda\s+item|part\s+i(?:\s*/\s*part\s+ii)?|wards?\s+affected|key\s+decision|"
                          r"(?:lead\s+)?(?:cabinet\s+member|portfolio\s+holder)|classification|purpose)$")


def record_table(table: Table, heading_ref: Optional[str] = None) -> Optional[Table]:
    """A recommendation printed as a small table of its own, one label a
    row (an audit report's "Recommendation 1 | Priority: High" over
    "Finding | ...", "Recommendation | ...", "Agreed action | ...",
    "Responsible officer | ...", "Target date | ..."): the same table turned
    on its side, the labels its header and the values its one row, so the
    action-plan reader takes it as it takes any plan. None for any other
    table. `heading_ref`: the item the heading over the table numbers
    ("Finding 1 – Annual review" over "Recommendation | ..."), its ref when
    the table prints none."""
    rows = [[c for c in row if c.text.strip()] for row in table.rows]
    rows = [r for r in rows if r]
    if all(len(r) == 1 for r in rows):
        rows = _box_pairs(table) or rows
    if len(rows) < 3 or any(len(r) > 2 for r in rows):
        return None
    ref = heading_ref
    m = _RECORD_TITLE.match(rows[0][0].text.strip())
    if m and (len(rows[0]) == 1 or len(rows[0][0].text.split()) <= 4):
        first = rows[0]
        ref, rows = (m.group("ref") or m.group("code")).rstrip("."), rows[1:]
        if len(first) == 2 and len(first[1].text.split()) >= 5 and not any(
                column_role(" ".join(r[0].text.split()).rstrip(":")) == "rec" for r in rows if len(r) == 2):
            # "Recommendation 1 | The council should ...": the recommendation beside its number
            rows = [[Cell("Recommendation"), first[1]]] + rows
    pairs = [(r[0], r[1]) for r in rows if len(r) == 2 and len(r[0].text.split()) <= 5]
    if len(pairs) < 3:
        return None
    labels = [" ".join(label.text.split()).rstrip(":") for label, _ in pairs]
    if sum(bool(_COVER_LABEL.match(lb)) for lb in labels) >= 2:
        return None   # a report's cover sheet ("Report title | ...", "Report of | ...", "Recommendations | ...")
    if any(column_role(lb) == "rec" and not _FINDING_LABEL.match(lb) for lb in labels):
        # the finding that led to it is context, not a second recommendation
        pairs = [p for p, lb in zip(pairs, labels) if not _FINDING_LABEL.match(lb)]
        labels = [lb for lb in labels if not _FINDING_LABEL.match(lb)]
    roles = classify_columns(labels)
    if not (("rec" in roles or "action" in roles) and
            any(k in roles for k in ("owner_lead", "owner_responsible", "timescale"))):
        return None
    header = ([Cell("Ref")] if ref else []) + [Cell(lb) for lb in labels]
    body = ([Cell(ref, page=pairs[0][1].page)] if ref else []) + [value for _, value in pairs]
    return Table(rows=[header, body], header_rows=1, pages=table.pages)


# a box's line "<label>: <value>": a label of at most five words ("Responsible officer: Rents Manager")
_BOX_LABEL_LINE = re.compile(r"^(?P<label>[A-Z][\w’'/&()-]*(?:\s+[\w’'/&()-]+){0,4})\s*:\s*(?P<value>\S.*)$", re.S)


def _box_pairs(table: Table) -> Optional[list[list[Cell]]]:
    """A record printed as a box - a one-column table - of labelled lines
    ("Recommendation 1: ..." / "Priority: High" / "Management response:
    ..." / "Responsible officer: ..." / "Target date: ..."): its label |
    value rows, a line with no label of its own going on the value above it
    (or, first, titling the record: "Recommendation 1" over its words).
    None when fewer than three lines are labelled."""
    lines = table.box_lines()
    pairs: list[list[Cell]] = []
    labelled = 0
    for cell, text in lines:
        m = _BOX_LABEL_LINE.match(text)
        if m:
            labelled += 1
            pairs.append([Cell(m.group("label"), page=cell.page), Cell(m.group("value"), page=cell.page)])
        elif _label_alone(text):
            labelled += 1
            pairs.append([Cell(text, page=cell.page)])   # "Responsible officer" over "Rents Manager"
        elif pairs and len(pairs[-1]) == 2:
            pairs[-1][1] = Cell(f"{pairs[-1][1].text}\n{text}", page=pairs[-1][1].page)
        elif pairs:
            pairs[-1] = [pairs[-1][0], Cell(text, page=cell.page)]   # "Recommendation 1" over its words
        elif (num := re.match(r"(?P<n>(?-i:R)?\d{1,2}[a-z]?)\s*[.:)–-]\s+(?=[A-Z])", text)):
            pairs.append([Cell(num.group("n"), page=cell.page), Cell(text[num.end():], page=cell.page)])   # "1. The service ..."
        else:
            pairs.append([Cell(text, page=cell.page)])
    return pairs if labelled >= 3 else None


def _label_alone(text: str) -> bool:
    """A record's label on a line of its own, its value on the lines below:
    "Recommendation 1", "Priority", "Management response", "Responsible
    officer", "Target date"."""
    t = text.strip().rstrip(":")
    if len(t.split()) > 4 or t.endswith(".") or not t[:1].isupper():
        return False
    return bool(_RECORD_TITLE.match(t) or re.fullmatch(r"(?i)(?:priority|risk\s+rating|rating|grade)", t) or column_role(t))


# a column of recommendations named as such: "Recommendations", "Key recommendations", "Recommendations of the
# task and finish group", "Recommendation (summary)", "What we recommend", "What the Ombudsman recommended"
# (not "Recommendation status")
_LISTED_RECS = re.compile(r"(?i)(?:(?:key|main|our|the|panel|review|agreed)\s+){0,2}recommendations?"
                          r"(?:\s+made|\s+(?:of|from|by)\s+.{3,60}|\s*\([^()]{1,30}\))?|"
                          r"(?:what\s+)?(?:the\s+)?(?:[\w’']+\s+){0,3}?recommend(?:s|ed)?")


def _recommendation_list(table: Table, roles: dict) -> bool:
    """A table that lists a report's recommendations and nothing to act on
    them: "No. | Recommendation", "Recommendation | Priority". Its column is
    headed as recommendations, and at least two rows hold one of five words
    or more."""
    rec = roles.get("rec")
    if not rec or "action" in roles or not _LISTED_RECS.fullmatch(" ".join(table.header[rec[0]].split())):
        return False
    return sum(len(_cell(row, rec[0]).split()) >= 5 for row in table.body) >= 2


def _roles_from_cells(table: Table, roles: dict) -> dict:
    """What the cells say where a header misleads: an "Action Point" column
    of numbers beside an unnamed "Description" of the steps is the ref, the
    description the action; a "Target" column of dates in a log is its due
    date, not a metric's target."""
    body = [row for row in table.body if any(c.text.strip() for c in row)]
    if not body:
        return roles
    roles = dict(roles)
    named = {c for cols in roles.values() for c in cols}
    act = roles.get("action", [None])[0]
    counts = [_cell(row, act).strip() for row in body] if act is not None else []
    if counts and all(re.fullmatch(r"\d{1,4}", c) for c in counts) and \
            [int(c) for c in counts] != list(range(int(counts[0]), int(counts[0]) + len(counts))):
        roles.pop("action")   # "Status | Meaning | Actions | %" over 11, 10, 4, 1: how many actions, not steps
        return roles
    if act is not None and all(len(_cell(row, act).strip()) <= 8 and re.search(r"\d", _cell(row, act)) for row in body):
        wordy = [c for c in range(len(table.header)) if c not in named and
                 sum(len(_cell(row, c).split()) for row in body) / len(body) >= 5]
        if wordy:
            roles["ref"] = sorted(set(roles.get("ref", [])) | {act})
            roles["action"] = [wordy[0]]
    rec = roles.get("rec", [None])[0]
    if rec is not None and "action" in roles and "ref" not in roles and \
            all(KEY_CELL.fullmatch(_cell(row, rec).strip()) for row in body if _cell(row, rec).strip()):
        # "Recommendation | Action | Lead" over "1", "R2", "Recommendation 3": the numbers of
        # recommendations printed elsewhere, not their text
        roles["ref"] = [rec]
        roles.pop("rec")
    item = (roles.get("action") or roles.get("rec") or [None])[0]
    if "timescale" not in roles and item is not None:
        # a plain "Date" column after the step: when it is due ("Date raised" before it is not)
        for c, h in enumerate(table.header):
            if c > item and re.fullmatch(r"(?i)dates?", " ".join(h.split())) and c not in named:
                cells = [_cell(row, c).strip() for row in body if _cell(row, c).strip()]
                if cells and sum(bool(parse_timescales(t, None)) for t in cells) >= 0.5 * len(cells):
                    roles["timescale"] = [c]
                break
    if "timescale" not in roles and roles.get("target") and ("action" in roles or "rec" in roles):
        tc = roles["target"][0]
        cells = [_cell(row, tc).strip() for row in body if _cell(row, tc).strip()]
        if cells and sum(bool(parse_timescales(c, None)) for c in cells) >= 0.5 * len(cells) and \
                not any(re.fullmatch(r"[<>≤≥]?\s*[£$]?\d[\d,.]*\s*%?", c) for c in cells):
            roles["timescale"] = roles.pop("target")
    return roles


# labelled lines under a response in its cell: "Responsible officer: Finance Manager", "Target date: 31 March 2026"
_OWNER_LABEL = (r"responsible\s+officers?|officers?\s+responsible|lead\s+officers?|lead|owners?|action\s+owner|"
                r"responsibility|accountable\s+officer")
_TIME_LABEL = re.compile(r"(?i)target\s+(?:completion\s+)?date|implementation\s+date|due\s+date|deadline|timescales?|"
                         r"completion\s+date|date\s+due|by\s+when|target")
_LABEL_LINE = re.compile(rf"(?im)^[ \t]*(?P<label>{_OWNER_LABEL}|{_TIME_LABEL.pattern[4:]})[ \t]*[:\-–][ \t]*(?P<value>\S.*?)[ \t]*$")
# a line labelling who does the step above it or when: "Owner: Head of ICT", "Target: 31/03/2027", "Date: April 2027"
_WHO_WHEN_LINE = re.compile(rf"(?i)^\s*(?:{_OWNER_LABEL}|{_TIME_LABEL.pattern[4:]}|due|by|date)\s*:")


# "Update: ..." / "Progress (Sept): ..." printed under the step in the same cell (a PDF cell's lines run
# together: after the step's last sentence): from there on, progress
_UPDATE_LINE = re.compile(r"(?im)(?:^|(?<=[.;!?]\s))[ \t]*(?:latest\s+|progress\s+|status\s+)?(?:update|progress|position|comments?)"
                          r"(?:[ \t]+\([^()\n]{1,20}\)|[ \t]+(?:at|as\s+at|on)[ \t]+[^:\n]{1,20})?[ \t]*[:\-–][ \t]*(?=\S)")


def _update_below(text: str) -> tuple[str, str]:
    """(the step, the update printed under it in its cell, '' when none)."""
    m = _UPDATE_LINE.search(text or "")
    if not m or m.start() == 0:
        return text, ""
    return text[:m.start()].strip(), _norm(text[m.end():])


# the same labels run into a step's sentence: "Complete the review. Owner: Head of ICT. Due: 31/01/2027"
_RUN_IN_LABEL = re.compile(rf"(?i)(?:(?<=[.;])\s+|\s+(?=(?-i:Owner|Lead|Target|Due|Date)\s*:))"
                           rf"(?P<label>{_OWNER_LABEL}|{_TIME_LABEL.pattern[4:]}|due|by|date)\s*:\s*"
                           # (up to the next label: "Owner: Head of HR Date: 31/01/2027")
                           r"(?P<value>.+?)\s*(?=[.;]\s+(?:[A-Z][a-z]+\s*:|$)|\s+/\s+(?:[A-Z][a-z]+\s*:)|"
                           r"\s+(?-i:Owner|Lead|Target|Due|Date|Deadline)(?:\s+date)?\s*:|[.;]?$)")


def _labels_run_in(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(the step without the labels run into it, [(label, value)])."""
    if _LABELLED_WHO_WHEN.search(text):
        return text, []   # "... [Owner: TE | Target: 30 June 2027]": a bracket who_when_at_end reads
    found = list(_RUN_IN_LABEL.finditer(text))
    if not found:
        return text, []
    return text[:found[0].start()].strip(), [(m.group("label"), m.group("value").strip()) for m in found]


def _label_lines(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(the cell without its labelled owner / date lines, [(label, value)]).
    Lines labelling each of several steps ("• Open the home\nOwner: ...\nDate:
    ...\n• Recruit carers\nOwner: ...") stay with their steps."""
    if not text or ":" not in text and "–" not in text:
        return text, []
    found = [(m.group("label"), m.group("value")) for m in _LABEL_LINE.finditer(text)]
    if not found:
        return text, []
    lines = [ln for ln in text.split("\n") if ln.strip()]
    at = [k for k, ln in enumerate(lines) if _LABEL_LINE.match(ln)]
    if any(not _WHO_WHEN_LINE.match(lines[k]) for k in range(at[0] + 1, at[-1])):
        return text, []
    return _LABEL_LINE.sub("", text).strip(), found


# "<finding>\nRecommendation: <text>" in one cell: the recommendation is what follows its label
_REC_LABEL = re.compile(r"(?:^|\n|(?<=[.;]) )\s*recommendation(?:\s+\d{1,3}[a-z]?)?\s*[:\-–]\s*(?=\S)", re.I)


# "Recommendation 1 (High priority)" over the text: the number, without its priority
_PRIORITY_TAG = re.compile(r"(?i)^\s*(?:recommendation\s*)?(?P<num>\d{1,3}[a-z]?)[.:]?\s*"
                           r"\((?:(?:high|medium|low|critical|significant|moderate|minor|major)\b[^)]{0,20}|priority[^)]{0,20})\)"
                           r"\s*[:\-–.]?\s*")


# the agreed action printed under the recommendation in its cell: "Recommendation: ..." / "Agreed action: ..."
_AGREED_ACTION = re.compile(r"\n\s*(?:agreed\s+(?:management\s+)?actions?|management\s+actions?|actions?\s+agreed|"
                            r"proposed\s+actions?)\s*:\s*(?=\S)", re.I)


def _after_rec_label(text: str) -> str:
    """The recommendation in a cell that prints more: the finding above
    "Recommendation: ..." dropped, and a priority tag after its number."""
    m = _REC_LABEL.search(text or "")
    if m and (m.start() > 0 or not re.search(r"\d", m.group(0))):   # (not "Recommendation 1:": its number is the ref)
        text = text[m.end():].strip()
    return _PRIORITY_TAG.sub(lambda p: p.group("num") + ". ", text, count=1) if text else text


def _names_in_action_column(table: Table, roles: dict) -> Optional[tuple[int, int]]:
    """Minutes set out as a table, 'Item | Discussion | Action': the Action
    column holds who acts (initials, a name, 'Secretariat'), the widest
    unlabelled column what was said. Returns (who column, text column) when
    every filled Action cell is a short name and such a text column exists;
    the rows with someone in the Action column are the actions."""
    acts = roles.get("action", [])
    by = [i for i in roles.get("owner_lead", []) if _WHO_HEADER.fullmatch(" ".join(table.header[i].split()))]
    if not acts and len(by) == 1 and len(roles.get("owner_lead", [])) == 1 and "rec" not in roles \
            and not roles.get("owner_responsible") and "timescale" not in roles:
        acts = by   # "Minute | Discussion | Action by / Who / Action / Owner": who acts, beside what was said
    elif len(acts) != 1 or "rec" in roles or roles.get("owner_lead") or roles.get("owner_responsible"):
        return None
    a = acts[0]
    if not _WHO_HEADER.fullmatch(" ".join(table.header[a].split())):
        return None   # "What we have committed to": a plan's column of themes, not of who acts
    names = [_cell(row, a) for row in table.body if _cell(row, a)]
    # a name, maybe with when ("Head of Voids / December"): short, and no sentence
    if not names or not all(len(t.split()) <= 6 and not _VERBISH.search(t) for t in names):
        return None
    if sum(bool(_WHO_CELL.fullmatch(t) or set(re.findall(r"[a-z]+", t.lower())) & OFFICES) for t in names) < 0.6 * len(names):
        return None   # initials ("JS", "RP/TR"), offices and teams ("Secretariat", "Chair"), not topics
    # ("Item | Action": the item column, read as a ref column by its name, may hold what was said)
    taken = {c for role, cols in roles.items() if role != "ref" for c in cols}
    words = {c: sum(len(_cell(row, c).split()) for row in table.body) for c in range(len(table.header)) if c not in taken}
    if not words:
        return None
    text_c = max(words, key=lambda c: (words[c], -c))
    return (a, text_c) if words[text_c] >= 6 * len(names) else None


# the header of a minute table's column of who acts
_WHO_HEADER = re.compile(r"(?i)actions?(?:\s*(?:by|owner|/\s*(?:owner|lead|who|by)))?|who|by\s+whom|action\s+owner")
# words of an office or body named as who acts in a minute's Action column
OFFICES = {"secretariat", "chair", "chairman", "clerk", "officer", "officers", "team", "members", "member", "director",
           "manager", "lead", "head", "secretary", "treasurer", "all", "board", "panel", "committee", "office",
           "executive", "adviser", "advisor", "coordinator", "co-ordinator"}
_WHO_CELL = re.compile(r"[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*|(?:Cllrs?|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z].*")
_VERBISH = re.compile(r"\b(?:to|will|is|are|has|have|was|were|be|should|must|the)\b", re.I)


def _said_action(text: str) -> str:
    """The action in a minute's discussion cell: its sentences that say
    who will do what (or what is to be done), else the whole cell when it
    is short, else its last sentence."""
    acting = [s for s, _ in minutes.action_sentences(text)]
    if acting:
        return " ".join(acting)
    said = minutes.sentences(text)
    return _norm(text) if len(text.split()) <= 40 or not said else said[-1]


# a recommendation printed as a row of a plan: "ILACS R1 Ofsted recommendation: The consistency ...",
# "R1 Improve the timeliness ...", "Recommendation 2: Strengthen ...", "Area for improvement 3 - ..."
_GROUP_REC = re.compile(
    r"^(?:(?P<pre>[A-Z]{2,8}|Ofsted|Inspection|Inspectorate|Audit|Review)\s+)?(?P<ref>(?:R|Rec\.?\s*|[Rr]ecommendation\s+|[Rr]equirement\s+|AFI\s*|"
    + INSPECTION_ITEM + r"\s+)"
    r"\d{1,2}[a-z]?)\b\s*[:.–—-]?\s*(?:(?:[A-Z][A-Za-z]*\s+){0,2}(?:recommendation|judgement|requirement)\s*[:.–—-]\s*)?(?P<text>\S.*)$")
# a banner across a plan table keyed by a code ("RSH1 – Regulatory judgement: Make sure ...", "HO2 – Housing
# Ombudsman recommendation: ..."): letters and a number run together, a dash or colon, what is asked
_CODED_BANNER = re.compile(
    # (not a register's risk over its further actions: "CR1 – Medium-term funding gap", "SR3 – Cyber attack")
    r"^(?P<pre>)(?!(?:CR|SR|DR|OR|CRR|SRR|ORR|DRR)\d)(?P<ref>[A-Z]{2,6}\d{1,2}[a-z]?)\s*[:–—-]\s*(?:(?:[A-Z][A-Za-z]*\s+){0,3}"
    r"(?:recommendation|judgement|requirement|finding|area\s+for\s+improvement)\s*[:.–—-]\s*)?(?P<text>\S.*)$")


# a new due date written into a log's update cell: "Revised date: 31/01/27", "New deadline – Jan 2027 meeting"
# (a label opening a line or a sentence, not "a new date for the launch" in the middle of one)
_REVISED_IN_UPDATE = re.compile(r"(?m)(?:^|(?<=[.;]\s))(?:Revised|REVISED|New|NEW|Amended|Extended)\s+(?:(?i:due|target|completion)\s+)?"
                                r"(?i:date|deadline|timescale|target)(?:\s+(?:to|of))?\s*[:–—-]\s*(?P<when>\d{1,2}[./]\d{1,2}[./]\d{2,4}|[^.;\n(]{2,40}?)\s*(?:[.;(\n]|$)")


# an action's own ref under its recommendation's: "1.1", "R1.2", "Rec 3.1" (group 1: the recommendation's number)
_DOTTED_REF = re.compile(r"(?:[A-Z]{1,4}\s*|Rec\.?\s*)?(\d{1,2})\.\d")


def asking_banner(text: str, dotted_under) -> tuple[Optional[str], Optional[str]]:
    """(ref, text) of a banner across a plan table that prints its
    recommendation with a bare number and no label ("1. Leaders should
    improve ...") above the rows of actions answering it; (None, None) for
    any other banner (a theme, an agenda item, a period). It counts when it
    asks someone to act or the ref column numbers rows under it ("1.1")."""
    label, rest = split_numbering(text)
    if not (label and re.fullmatch(r"\(?\d{1,2}[a-z]?[.):]?", label)):
        return None, None
    ref, text = label.strip("().:"), _norm(rest)
    if not 5 <= len(text.split()) <= 45 or re.search(r"[:;,–—-]\W*$", text):
        return None, None   # (a paragraph of context, or a lead-in over a list, is not one ask)
    if ASKS_SOMEONE.search(text) or dotted_under(ref):
        return ref, text
    return None, None


# the label a banner over a plan's rows gives the item they answer, with its number: "Recommendation 2:",
# "Ofsted recommendation 1 –", "Finding 3", "Learning point 1", "Proposal for improvement 2", "PFI 3",
# "Area for improvement 4", "Requirement 2"
_BANNER_LABEL = re.compile(
    r"(?i)^(?:(?:priority|key|ofsted|inspection|inspectorate|audit|ombudsman|panel|review|scrutiny|regulator)\s+){0,2}"
    r"(?:recommendation|rec\.?|findings?|learning(?:\s+points?)?|lessons?(?:\s+learn(?:ed|t))?|proposals?\s+for\s+improvement|"
    r"pfi|afi|afd|issues?|observations?|requirements?|" + INSPECTION_ITEM + r")"
    r"\s*(?:no\.?\s*)?(?P<n>\d{1,2}[a-z]?)\b\s*[:.–—-]?\s*")
# a banner's coded number alone: "R1 –", "P2:", "PFI3"
_BANNER_CODE = re.compile(r"^(?:R|P|PFI)\s?(?P<n>\d{1,2}[a-z]?)\b\s*[:.–—-]?\s*(?=[A-Z])")
# the label with no number: "Recommendation: The council should ...", "Ofsted finding – ..."
_BANNER_WORD = re.compile(
    r"(?i)^(?:(?:ofsted|inspection|inspectorate|audit|ombudsman|panel|review|scrutiny|regulator)(?:['’]s)?\s+)?"
    r"(?:recommendation|finding|learning(?:\s+point)?|lesson\s+learn(?:ed|t)|proposal\s+for\s+improvement|"
    + INSPECTION_ITEM + r")\s*[:–—-]\s*")
# what the body that made it recommended, said in the banner: "The Ombudsman recommended that the council ..."
_RECOMMENDED_THAT = re.compile(r"(?i)\brecommend(?:ed|s)?\s+that\b")


def banner_item(text: str, dotted_under=lambda _: False) -> Optional[tuple[Optional[str], str]]:
    """(ref or None, words) of a banner across a plan's rows - or a caption
    over its table - that states the item the rows below answer:
    - labelled and numbered: "Recommendation 1 The Board should ...",
      "Finding 3: ...", "Learning point 2 – ...", "PFI 1", "R2 – ...";
    - a bare number before words that ask someone to act ("1. The Council
      should strengthen ...": `asking_banner`);
    - labelled without a number ("Recommendation: ...");
    - no label, the words asking someone to act ("The council should
      review ...", "The Ombudsman recommended that the council ...").
    None for any other banner: a theme, a period, an agenda item, a lead-in."""
    t = _norm(text)
    m = _BANNER_LABEL.match(t) or _BANNER_CODE.match(t)
    if m:
        return t[:m.end()].strip(" :.–—-"), t[m.end():].strip(" :.–—-")
    ref, asked = asking_banner(t, dotted_under)
    if ref:
        return ref, asked
    label, rest = split_numbering(t)
    if label:
        return None   # another numbering ("2.3 Governance"): a section, not an ask
    m = _BANNER_WORD.match(t)
    words = t[m.end():] if m else t
    if 5 <= len(words.split()) <= 60 and not re.search(r"[:;,–—-]\W*$", words) and \
            (m or ASKS_SOMEONE.search(words) or _RECOMMENDED_THAT.search(words)):
        return None, words
    return None


# "Agency lead" beside "Named lead" / "Lead officer"
_AGENCY_LEAD = re.compile(r"(?i)\b(?:agency|organisation|organization|partner|service|body)\b")
_NAMED_LEAD = re.compile(r"(?i)\b(?:named|officer|person|individual)\b")
# a recommendation's own label, printed at the start of its cell
_LABELLED_REF = re.compile(r"(?i)^(?:recommendation|rec|" + INSPECTION_ITEM + r"|priority|objective)\s+\d")


# a priority grade or a summary row's label, not a recommendation
_GRADE_WORD = re.compile(r"(?i)high|medium|low|total|totals|critical|major|minor|moderate|significant|limited|"
                         r"priority\s+[1-4]|p[1-4]|sub-?total|grand\s+total")


def _not_an_item(row: list[Cell]) -> bool:
    """An empty row, a banner row or a RAG key: no item in it."""
    texts = [c.text.strip() for c in row if c.text.strip()]
    if not texts:
        return True
    if len(texts) > 1 and len(set(texts)) == 1 and len(row) > 2:
        return True  # a banner row spanning the table (a group heading), not an item
    joined = " ".join(dict.fromkeys(texts))
    if log_section(joined) and not re.search(r"(?i)\b(?:to|will|should)\b", joined):
        return True  # a log's row over the actions of one meeting ("Matters arising from 10 June 2026")
    if len(texts) >= 2 and all(ragmod.normalise_rag(t) for t in texts):
        return True  # a RAG key printed on every page ("Achieved | On Task | At risk")
    return False


# a lettered part of the recommendation in the banner above, across the table: "2(a) review how ...", "2b. make sure ..."
_PART_BANNER = re.compile(r"^(?P<n>\d{1,2})\s?(?:\((?P<x>[a-h])\)|(?P<y>[a-h])[.)]?)\s+(?P<text>\S.{10,})$")


class _PlanReader:
    """Reads an action-plan table row by row (the row conventions in the
    module docstring), keeping the recommendation the rows currently belong
    to and the actions read so far."""

    def __init__(self, table: Table, tindex: int, roles: dict, *, glossary: dict, anchor: Optional[date],
                 body: Optional[str]) -> None:
        self.table, self.tindex, self.roles = table, tindex, roles
        self.header = table.header
        self.last_rec_key: Optional[str] = None   # the recommendation ref a rec-ref column printed last
        self.glossary, self.anchor, self.body = glossary, anchor, body
        col = {k: v[0] for k, v in roles.items()}
        self._dotted: Optional[set[str]] = None   # dotted_parents(), read once
        self._keyed: Optional[bool] = None   # keyed_elsewhere(), read once
        self._stem: Optional[Recommendation] = None   # a banner leading into lettered parts ("... to:"), once a part follows
        refs = roles.get("ref", [])
        if len(refs) > 1:
            # 'No. | Audit | Ref | ...': the row counter numbers the log, the Ref column names the item
            # as its source does ('PAY-R1')
            coded = [c for c in refs if any(_cell(row, c) and not _cell(row, c).strip().rstrip(".").isdigit()
                                            for row in table.body)]
            if coded and coded[0] != refs[0] and all(_cell(row, refs[0]).strip().rstrip(".").isdigit()
                                                     for row in table.body if _cell(row, refs[0])):
                col["ref"] = coded[0]
        self.rec_c, self.ref_c, self.act_c = col.get("rec"), col.get("ref"), col.get("action")
        # "Rec. | No. | Recommended action": beside the actions' own numbers, a column keying each row to
        # the recommendation it answers
        self.rec_key_c = next((c for c in refs if c != self.ref_c and _REC_REF_HEADER.search(self.header[c])), None) \
            if self.rec_c is None else None
        if self.rec_c is not None and self.act_c == self.rec_c:
            self.act_c = None
        if self.rec_c is not None and self.act_c is None and re.search(r"\bactions?\b", self.header[self.rec_c], re.I) \
                and self._hierarchy(self.rec_c):
            # "Recommendation / action" over rows 'Recommendation 1: ...' then '1.1 ...', '1.2 ...':
            # one column holds both, the recommendations as rows of their own
            self.act_c, self.rec_c = self.rec_c, None
        self.owner_cols = [(i, "lead") for i in roles.get("owner_lead", [])] + [(i, "responsible") for i in roles.get("owner_responsible", [])]
        self.owner_above: dict[int, str] = {}   # the last owner cell of each owner column ("As above" repeats it)
        named = [(i, k) for i, k in self.owner_cols if re.search(r"(?i)\baction", self.header[i])]
        if named and len(named) < len(self.owner_cols) and roles.get("action"):
            # "Risk owner | ... | Further actions | Action owner": the risk's owner is not the actions'
            self.owner_cols = named
        # a risk's owner, the only owner column: not given to a step that names its own
        self.risk_owned = any(re.search(r"(?i)\brisk\b", self.header[c]) for c, _ in self.owner_cols)
        self.time_c, self.rag_c = col.get("timescale"), col.get("rag")
        self.revised_c = col.get("revised_due")
        self.prog_c, self.evid_c = col.get("progress"), col.get("evidence")
        # "Update | Status": the first is the row's status text; a later one may rate it in words
        self.more_prog = roles.get("progress", [])[1:]
        # a log without a RAG column may colour its status cells instead ("Plan in
        # place" on amber): the fill counts when the column uses two RAG colours
        # or more (one colour throughout is the table's design, not a rating)
        self.prog_fills = self.prog_c is not None and self.rag_c is None and len({
            ragmod.rag_from_colour(row[self.prog_c].fill) for row in table.body
            if self.prog_c < len(row) and row[self.prog_c].fill} - {None}) >= 2
        self.recs: list[Recommendation] = []
        self.loose: list[Action] = []
        self.current: Optional[Recommendation] = None
        self.row_parent: dict[int, object] = {}
        self.entity_cols = {c for c in (self.rec_c, self.ref_c, self.act_c, self.time_c, self.revised_c, self.rag_c) if c is not None} \
            | {c for c, _ in self.owner_cols} | set(roles.get("link", []))   # (a milestones cell's figures are read as text)
        self.prev_act_txt = ""
        self.update = ""   # the "Update: ..." printed under the current row's step in its cell
        self.prev_ref = ""   # the ref cell of the last row that had one
        self.owner_required = False   # minutes as a table: a row is an action only when it names who acts
        self.group: Optional[Recommendation] = None   # the recommendation a row of its own printed above these
        # a recommendation cell merged down several action rows (the loader repeats its text):
        # the status printed on each row rates that row's action, not the recommendation
        # (and one left blank on the rows under it that carry actions: the rows are the recommendation's too)
        self.rec_rows = _rows_per_recommendation(table, self.rec_c, self.act_c,
                                                 self.rag_c if self.rag_c is not None else self.prog_c)

    def loc(self, r: int, c: Optional[int]) -> str:
        name = self.header[c] if c is not None and c < len(self.header) else ""
        return f"table:{self.tindex}/row:{r}/col:{_norm(name)}"

    def read_row(self, r: int, row: list[Cell]) -> None:
        if self.rec_c is None and self.group_heading(r, row):
            return
        if _not_an_item(row):
            return
        table = self.table
        page = next((c.page for c in row if c.page), table.pages[0] if table.pages else None)
        if self.rec_c is not None:
            self.read_recommendation(r, row, page)
        act_txt, self.update = _update_below(_cell(row, self.act_c))
        act_txt = _RISK_RESPONSE.sub("", act_txt or "", count=1)   # "Response: Treat" over the steps: the register's choice
        if _NO_FURTHER.match(act_txt):
            act_txt = ""   # "No further treatment – the risk is at its target score"
        act_txt, labelled = _label_lines(act_txt)
        if act_txt and self.act_c is not None and len(act_txt.split()) <= 8 and \
                _norm(self.header[self.act_c]).lower().startswith(_norm(act_txt).lower()):
            return   # the column's name printed again as a row (a page's repeated header the loader kept)
        if self.repeated_action_cell(r, row, act_txt):
            return
        if any(_norm(_cell(row, c)) == _norm(act_txt) for c in self.roles.get("aim", [])):
            return   # an aim's title across the table ("Strive for children ... healthy"), over the rows of that aim
        self.prev_act_txt = act_txt
        row_actions = self.read_actions(r, row, page, act_txt)
        self.read_rag(row, row_actions)
        self.read_progress(row, row_actions)
        if self.update and row_actions:
            # "Update: ..." under the step, in its cell: after the Status column's word ("Open – ...")
            act = row_actions[0]
            act.update = self.update
            act.status_text = f"{act.status_text} – {self.update}" if act.status_text else self.update
        owners, times = self.read_owners(r, row, page), self.read_timescales(r, row, page)
        if self.rec_c is None and self.group is None and not labelled and self.numbered_to_each(r, row, page, row_actions):
            self.loose.extend(row_actions)
            self.row_parent[r] = row_actions[0]
            return
        if labelled:
            self.read_labels(r, labelled, page, owners, times)
        current, rec_c = self.current, self.rec_c
        if current is not None and rec_c is not None:
            self.attach_to_recommendation(current, owners, times, row_actions)
        elif self.group is not None and row_actions:
            # the row answers the recommendation printed above it: its lead and dates are that
            # recommendation's, as in a plan with a recommendation column
            self.attach_to_recommendation(self.group, owners, times, row_actions)
        elif row_actions:
            self.attach_to_actions(owners, times, row_actions)
        parent = current if (current is not None and rec_c is not None) else (row_actions[0] if row_actions else None)
        if parent is not None:
            self.row_parent[r] = parent

    def group_heading(self, r: int, row: list[Cell]) -> bool:
        """A plan with no recommendation column prints each recommendation as
        a row of its own, the actions answering it in the rows below: a
        banner across the table ('ILACS R1 Ofsted recommendation: ...'), a
        top-level ref above dotted ones ('1' above '1.1', '1.2'), or an
        action cell that says 'Recommendation 2: ...'. Returns True when the
        row was one (it becomes the recommendation the next rows' actions
        answer)."""
        texts = [c.text.strip() for c in row if c.text.strip()]
        if not texts:
            return False
        m = None
        banner = banner_row(row, self.table.n_cols)
        if len(set(texts)) == 1:
            m = _GROUP_REC.match(_norm(texts[0])) or _CODED_BANNER.match(_norm(texts[0])) or \
                (PLAN_ITEM.match(_norm(texts[0])) if banner else None)
        if m is None and self.act_c is not None:
            m = _GROUP_REC.match(_norm(_cell(row, self.act_c)))
            if m and not re.match(r"(?i)rec", m.group("ref")) and not self.dotted_under(m.group("ref")):
                m = None   # "R1 ..." in an action cell is a recommendation only above dotted actions
        ref = text = None
        part = _PART_BANNER.match(_norm(texts[0])) if banner and len(set(texts)) == 1 and m is None else None
        stem = self.group if self.group is not None and self.group.text.rstrip().endswith(":") else self._stem
        if part and stem is not None and re.search(rf"(?<!\d){part.group('n')}$", stem.ref or ""):
            # "Recommendation 2 The Board should ask the Council and the Trust to:" over "2(a) review how ..." and
            # "2(b) make sure ...": each part a recommendation of its own, the stem only leads into them
            if not stem.actions and stem in self.recs:
                self.recs.remove(stem)
            text = _norm(part.group("text"))
            page = next((c.page for c in row if c.page), self.table.pages[0] if self.table.pages else None)
            self.group = Recommendation(kind="improvement", text=text, ref=f"{part.group('n')}({part.group('x') or part.group('y')})",
                                        source_body=self.body, prov=Prov(page=page, source_text=_norm(texts[0]),
                                                                         locator=self.loc(r, None), table=self.tindex))
            self._stem = stem
            self.recs.append(self.group)
            self.row_parent[r] = self.group
            return True
        if m:
            ref = _norm(f"{m.groupdict().get('pre') or ''} {m.group('ref')}")
            text = _norm(m.group("text"))
        elif self.act_c is not None and banner and not self.keyed_elsewhere() and \
                (asked := banner_item(texts[0], self.dotted_under)) is not None and \
                (self.group is None or any(x is self.group for x in self.recs) or
                 token_f1(asked[1], self.group.text) < 0.8):
            # (under an item printed above the table, only in other words: a banner there restates it, or states
            # another item of a list printed above, which passes.restated_recommendations then finds; not in a
            # table whose ref column keys its rows to items printed elsewhere: its banners are themes)
            if self.group is not None and not self.group.actions and any(x is self.group for x in self.recs):
                return True   # a second banner before any action row: it elaborates the item above (a finding, a theme)
            ref, text = asked
        elif self.ref_c is not None and self.act_c is not None:
            top = _norm(_cell(row, self.ref_c)).rstrip(".")
            if re.fullmatch(r"(?:[A-Z]{1,4}\s*|Rec\.?\s*)?\d{1,2}", top) and self.dotted_under(top):
                ref, text = top, _norm(_cell(row, self.act_c))
                if re.search(r"(?i)\brisks?\b", self.header[self.act_c]):
                    # a register's risk ("CR06") above its mitigating actions ("CR6.1", "CR6.2"): a risk is
                    # no recommendation, and its actions answer none
                    self.group = None
                    return True
        said_by = None
        if text:
            # "Ofsted: “The consistency of ...” Senior Responsible Officer: Anita Okonjo, Strategic Director": the
            # point as the inspection put it, and the lead named on the banner
            text, said_by = _banner_lead(text)
        named = bool(m and len(set(texts)) == 1 and re.match(r"(?i)(?:recommendation|requirement|area\s+for\s+improvement)\s",
                                                           m.group("ref") or ""))
        if not text or (len(text.split()) < 3 and not named):   # (a banner naming its item may title it in a word or two:
            return False                                         # "Recommendation 8 – Member enquiries")
        page = next((c.page for c in row if c.page), self.table.pages[0] if self.table.pages else None)
        self.group = Recommendation(kind="improvement", text=text, ref=ref, source_body=self.body,
                                    prov=Prov(page=page, source_text=_norm(" ".join(dict.fromkeys(texts))),
                                              locator=self.loc(r, self.act_c if len(set(texts)) > 1 else None),
                                              table=self.tindex))
        self.recs.append(self.group)
        self.row_parent[r] = self.group
        if said_by:
            self.group.owners.extend(_owner_items(said_by, "lead", self.glossary, self.group.prov.at("/lead")))
        if len(set(texts)) > 1:   # a banner's cells all repeat its text: no owner or date in them
            self.group.owners.extend(self.read_owners(r, row, page))
            self.group.timescales.extend(self.read_timescales(r, row, page))
        return True

    def _hierarchy(self, c: int) -> bool:
        """Does column c print recommendations as rows of their own above their actions?"""
        return bool(self.dotted_parents()) or sum(bool(_GROUP_REC.match(_norm(_cell(row, c)))) for row in self.table.body) >= 2

    def keyed_elsewhere(self) -> bool:
        """Does the ref column key rows to items, not number actions under a banner ("R2", "3", "AFI 1"
        beside the actions, not "1.1", "1.2")?"""
        if self._keyed is None:
            n = self.table.n_cols
            self._keyed = self.ref_c is not None and any(
                not _DOTTED_REF.match(k) for row in self.table.body
                if (k := _norm(_cell(row, self.ref_c))) and not banner_row(row, n))
        return self._keyed

    def dotted_parents(self) -> set[str]:
        """The refs the ref column numbers rows under ('1' for '1.1', '1.2'; 'R1.1' too), read once."""
        if self._dotted is None:
            self._dotted = set() if self.ref_c is None else {
                str(int(m.group(1))) for row in self.table.body
                if (m := _DOTTED_REF.match(_norm(_cell(row, self.ref_c))))}
        return self._dotted

    def dotted_under(self, ref: str) -> bool:
        """Does the ref column number rows under `ref` ('1.1', '1.2' under '1' or 'R1')?"""
        n = re.sub(r"\D", "", ref)
        return bool(n) and str(int(n)) in self.dotted_parents()   # ("CR06" over "CR6.1")

    def read_recommendation(self, r: int, row: list[Cell], page) -> None:
        """A filled recommendation / ref cell starts a recommendation or
        continues the current one."""
        rec_c, ref_c, current = self.rec_c, self.ref_c, self.current
        rec_cell, agreed = _cell(row, rec_c), None
        if self.act_c is None and (am := _AGREED_ACTION.search(rec_cell)):
            rec_cell, agreed = rec_cell[:am.start()], _norm(rec_cell[am.end():])   # the cell's own action, after its label
        ref, rec_text = _split_ref(_cell(row, ref_c), _after_rec_label(_strip_header(rec_cell, self.header[rec_c])))
        label, rest = split_numbering(rec_text)
        if label and rest and _LABELLED_REF.match(label):
            # "Recommendation 1 | The timeliness of ...": the cell names its recommendation (a ref column
            # beside it numbers the actions, "1.1", "1.2")
            ref, rec_text = label, rest
        shifted_rag = ragmod.normalise_rag(rec_text, letters_ok=True) if rec_text and not ref and len(rec_text) <= 2 else None
        if shifted_rag:
            # a RAG value the text layer pushed into the recommendation column
            if current is not None and current.rag is None:
                current.rag, current.rag_raw = shifted_rag
            rec_text = ""
        if rec_text and not ref and (not re.search(r"[^\W\d_]{2}", rec_text) or _GRADE_WORD.fullmatch(rec_text.strip(" .:"))):
            rec_text = ""   # a count or a grade in a summary table's column ("3", "High", "Total"): no recommendation
        if rec_text or ref:
            continues = current is not None and not ref and rec_text[:1].islower()
            merged = rec_c < len(row) and row[rec_c].spanned   # (its ref column then numbers the actions)
            if current is not None and rec_text and _norm(rec_text) == current.text and (merged or ref in (None, "", current.ref)):
                return   # a cell merged down the rows of its actions, repeated on each row by the loader
            if continues:
                current.text = _norm(current.text + " " + rec_text)
                current.prov.source_text += " " + rec_text
            elif rec_text:
                src_c = rec_c if _cell(row, rec_c) else ref_c
                self.current = Recommendation(kind="improvement", text=rec_text, ref=ref, source_body=self.body,
                                              prov=Prov(page=page, source_text=_norm(" ".join(x for x in (_cell(row, ref_c), _cell(row, rec_c)) if x)),
                                                        locator=self.loc(r, src_c), table=self.tindex))
                self.recs.append(self.current)
                if agreed:
                    self.current.actions.append(Action(text=agreed, prov=Prov(page=page, source_text=agreed,
                                                                              locator=f"{self.loc(r, rec_c)}/action", table=self.tindex)))

    def repeated_action_cell(self, r: int, row: list[Cell], act_txt: str) -> bool:
        """The same action cell again: a cell merged over two grid rows (its
        progress split in two). One action; the progress adds on."""
        loose = self.loose
        if act_txt and self.rec_c is None and act_txt == self.prev_act_txt and loose and loose[-1].prov.table == self.tindex:
            extra = _norm(_cell(row, self.prog_c)) if self.prog_c is not None else ""
            if extra and extra not in (loose[-1].status_text or ""):
                loose[-1].status_text = _norm(((loose[-1].status_text or "") + " " + extra).strip())
            self.row_parent[r] = loose[-1]
            return True
        return False

    def read_actions(self, r: int, row: list[Cell], page, act_txt: str) -> list[Action]:
        """The actions of this row (after a lower-case start continues the
        previous action), with the row's evidence on the first."""
        current, loose, act_c = self.current, self.loose, self.act_c
        row_actions: list[Action] = []
        prev_action = (current.actions[-1] if current is not None and current.actions else (loose[-1] if loose else None))
        ref_now = _norm(_cell(row, self.ref_c)) if self.ref_c is not None else ""
        new_ref = bool(ref_now) and ref_now != self.prev_ref   # ("CRR04" under "CRR03": a new item)
        self.prev_ref = ref_now or self.prev_ref
        if act_txt and act_txt[:1].islower() and prev_action is not None and prev_action.prov.table == self.tindex \
                and not new_ref and split_numbering(act_txt.partition("\n")[0])[0] is None:   # (not "a) Replace ...")
            # an action cut by a page break or a row split continues on the next row
            first, _, rest_txt = act_txt.partition("\n")
            prev_action.text = _norm(prev_action.text + " " + first)
            prev_action.prov.source_text += " " + first
            act_txt = rest_txt.strip()
        if self.owner_required:
            if act_txt and any(_cell(row, c) for c, _ in self.owner_cols):
                row_actions.append(Action(text=_said_action(act_txt), prov=Prov(page=page, source_text=_cell(row, act_c),
                                                                                 locator=self.loc(r, act_c), table=self.tindex)))
                add_due_dates(row_actions[-1], self.anchor)
        elif act_c is not None and act_txt and not _owner_only(act_txt) and not self.subheading(row, act_txt):
            for k, a in enumerate(split_actions(act_txt)):
                done = _TRAILING_STATUS.search(a)
                if done and not a[:done.start()].rstrip().endswith(")"):
                    done = None   # "... – Chief Executive – Ongoing": the step's who and when, read below
                if done:
                    a = a[:done.start()].rstrip()   # "... (Head of ICT, September 2026) – Complete": its status
                a, said = _labels_run_in(a)
                act = Action(text=a, prov=Prov(page=page, source_text=_cell(row, act_c),
                                               locator=self.loc(r, act_c) + (f"/item:{k}" if k else ""), table=self.tindex))
                for j, (label, value) in enumerate(said):
                    lprov = act.prov.at(f"/label:{j}", source_text=f"{label}: {value}")
                    if _TIME_LABEL.fullmatch(label) or re.fullmatch(r"(?i)due|by|date", label):
                        act.timescales.extend(_timescale_items(value, self.anchor, lprov))
                    else:
                        # "Lead: Housing Options Manager; by 31/01/2027": who, then when
                        ww = _WHO_THEN_WHEN.fullmatch(value)
                        when = _timescale_items(ww.group("when"), self.anchor, lprov) if ww else []
                        if when:
                            value = ww.group("who")
                            act.timescales.extend(when)
                        act.owners.extend(_owner_items(value, "lead", self.glossary, lprov))
                if done:
                    act.status_text = done.group("status")
                    got = ragmod.normalise_rag(done.group("status"))
                    if got:
                        act.rag, act.rag_raw = got
                add_due_dates(act, self.anchor)  # "(Dec 18)", "will be evaluated in January 19"
                self.bracketed_who_when(act)
                if not re.search(r"\w", act.text):
                    # "(Committee, 10 September 2026)" on a line of its own under the step: its who and when,
                    # no step of its own
                    if row_actions:
                        row_actions[-1].owners.extend(act.owners)
                        row_actions[-1].timescales.extend(act.timescales)
                    continue
                row_actions.append(act)
        if self.evid_c is not None and _cell(row, self.evid_c) and row_actions:
            row_actions[0].evidence = _norm(_cell(row, self.evid_c))
        if self.rec_c is None and self.ref_c is not None:
            key_c = self.ref_c if self.rec_key_c is None else self.rec_key_c
            key = _norm(_cell(row, key_c)).rstrip(".") or None
            rec_refs = bool(_REC_REF_HEADER.search(self.header[key_c]))   # "Rec no." / "AFI": recommendations' refs
            own = re.match(r"(\d{1,2})(?:[a-z]\b|\.\d)", _norm(_cell(row, self.ref_c))) if key_c != self.ref_c else None
            if key is None and rec_refs and own and own.group(1) != self.last_rec_key:
                key = own.group(1)   # its cell lost (merged over rows, cut by a page): the row's own "3a" names it
            if key is None and rec_refs:
                key = self.last_rec_key   # "AFI 1" printed on the first of its rows, the cells below left blank
            elif rec_refs:
                self.last_rec_key = key
            if key and re.fullmatch(r"\d{1,2}(?:\s*[,&/]\s*\d{1,2})+", key):
                key = re.split(r"\s*[,&/]\s*", key)[0]   # "1, 4": a row answering two, filed under the first
            for a in row_actions:
                if rec_refs:
                    a.ref = key   # "Rec no. | Action | Lead": the recommendation the row answers, printed elsewhere
                else:
                    a.key = key   # "No. | Action | Lead": it may be (passes.actions_by_ref)
        return row_actions

    def subheading(self, row: list[Cell], act_txt: str) -> bool:
        """A theme's title set in the action column over its rows ("Positive Wellbeing"): a few
        capitalised words, no one who does it and no date beside it."""
        words = act_txt.split()
        return (len(words) <= 4 and all(w[:1].isupper() or w in ("and", "&", "of", "for", "the", "in") for w in words)
                and not re.search(r"[.;:]$", act_txt.strip()) and bool(self.owner_cols or self.time_c is not None)
                and not any(_cell(row, c) for c, _ in self.owner_cols)
                and not (self.time_c is not None and _cell(row, self.time_c)))

    def read_rag(self, row: list[Cell], row_actions: list[Action]) -> None:
        rag_c, current = self.rag_c, self.current
        if rag_c is not None:
            cell = row[rag_c] if rag_c < len(row) else None
            if cell is not None:
                got = ragmod.normalise_rag(cell.text.strip() or None, cell.fill, letters_ok=True)
                if got:
                    on_rec = current is not None and self.rec_c is not None and current.rag is None and \
                        not (row_actions and self.rec_rows[current.text] > 1)
                    target = current if on_rec else (row_actions[0] if row_actions else None)
                    if target is not None:
                        target.rag, target.rag_raw = got

    def read_progress(self, row: list[Cell], row_actions: list[Action]) -> None:
        prog_c = self.prog_c
        if prog_c is not None and _cell(row, prog_c):
            txt = _norm(_cell(row, prog_c))
            if row_actions and (self.rec_c is None or self.current is not None and self.rec_rows[self.current.text] > 1):
                # a log's row, or one of several action rows under a recommendation: the status is the row's
                row_actions[0].status_text = txt
                if self.rag_c is None and row_actions[0].rag is None:
                    # a log without a RAG column rates its actions in words ("On track",
                    # "Complete") or by the colour of the status cell
                    got = ragmod.normalise_rag(txt, row[prog_c].fill if self.prog_fills else None) or \
                        next((g for c in self.more_prog if (g := ragmod.normalise_rag(_norm(_cell(row, c)), None))), None)
                    if got:
                        row_actions[0].rag, row_actions[0].rag_raw = got
            elif self.current is not None:
                self.current.status_text = _norm((self.current.status_text or "") + " " + txt)
                if self.rag_c is None and self.current.rag is None and self.rec_rows[self.current.text] <= 1:
                    # one row per recommendation, its status in words or colour ("Implemented" on blue)
                    got = ragmod.normalise_rag(txt, row[prog_c].fill if self.prog_fills else None)
                    if got:
                        self.current.rag, self.current.rag_raw = got

    def who_and_when(self, txt: str, col: Optional[int] = None) -> tuple[str, list[str]]:
        """A minute table's Action cell naming who and when ("Head of Voids /
        December"): (who, [when ...]); other cells are all who. In a column
        headed for both ("Who / When") the who is the cell without its dates
        (the column is the timescale column too)."""
        if txt and col is not None and col == self.time_c:
            # "Officer: Licensing Manager (Gemma Rudd)" over "Date: 31 October 2026, then monthly": the who is what
            # comes before the date's label
            dated = _DATE_LABEL_IN_CELL.search(txt)
            if dated and dated.start() > 0:
                return txt[:dated.start()].strip(), []
            return without_dates(txt, self.anchor), []
        if not (txt and self.owner_required and "/" in txt):
            return txt, []
        parts = [p.strip() for p in txt.split("/") if p.strip()]
        dues = [p for p in parts if parse_timescales(p, self.anchor)]
        if not dues or len(dues) == len(parts):
            return txt, []
        return " / ".join(p for p in parts if p not in dues), dues

    def read_labels(self, r: int, labelled: list[tuple[str, str]], page, owners: list[Owner],
                    times: list[Timescale]) -> None:
        """'Responsible officer: X' and 'Target date: Y' printed in the action
        cell under the response: the row's owner and due date where it has no
        column for them."""
        loc = self.loc(r, self.act_c)
        had_owners, had_times = bool(owners), bool(times)
        for k, (label, value) in enumerate(labelled):
            prov = Prov(page=page, source_text=f"{label}: {value}", locator=f"{loc}/label:{k}", table=self.tindex)
            if _TIME_LABEL.fullmatch(label):
                if not had_times:
                    times.extend(_timescale_items(value, self.anchor, prov))
            elif not had_owners:
                kind = "responsible" if re.search(r"(?i)responsib", label) else "lead"
                owners.extend(_owner_items(value, kind, self.glossary, prov))

    def read_owners(self, r: int, row: list[Cell], page) -> list[Owner]:
        owners: list[Owner] = []
        named = [oc for oc, _ in self.owner_cols if _NAMED_LEAD.search(self.header[oc]) and _cell(row, oc)]
        for oc, kind in self.owner_cols:
            if named and oc not in named and _AGENCY_LEAD.search(self.header[oc]):
                continue   # "Agency lead | Named lead": the people named own it, not their agencies again
            txt = self.who_and_when(_cell(row, oc), oc)[0]
            if txt and AS_ABOVE.fullmatch(_norm(txt)):
                txt = self.owner_above.get(oc, "")   # "As above": the owner of the row above, in this column
            elif txt:
                self.owner_above[oc] = txt
            if txt and not _SEE_STEPS.fullmatch(_norm(txt)):
                owners.extend(_owner_items(txt, kind, self.glossary, Prov(page=page, source_text=txt, locator=self.loc(r, oc), table=self.tindex)))
        return owners

    def read_timescales(self, r: int, row: list[Cell], page) -> list[Timescale]:
        anchor, time_c, tindex = self.anchor, self.time_c, self.tindex
        times: list[Timescale] = []
        for c in (self.revised_c, time_c):
            # a revised date, where the row has one, supersedes the date first agreed
            if c is not None and _cell(row, c):
                txt = _cell(row, c)
                times = _timescale_items(txt, anchor, Prov(page=page, source_text=txt, locator=self.loc(r, c), table=tindex))
                if times:
                    break
        revised = list(_REVISED_IN_UPDATE.finditer(_cell(row, self.prog_c))) if self.prog_c is not None else []
        revised = revised or list(_REVISED_IN_UPDATE.finditer(self.update))
        if revised:
            # "Revised date: 31/01/27" written into the update: it supersedes the date in the due column
            m = revised[-1]
            new = _timescale_items(m.group("when"), anchor, Prov(page=page, source_text=_norm(m.group(0)),
                                                                 locator=self.loc(r, self.prog_c) + "/revised", table=tindex))
            if new:
                times = new
        for oc, _ in self.owner_cols:
            for txt in self.who_and_when(_cell(row, oc), oc)[1]:
                times.extend(_timescale_items(txt, anchor, Prov(page=page, source_text=_cell(row, oc),
                                                                locator=self.loc(r, oc) + "/due", table=tindex)))
        for mc in self.roles.get("milestones", []):
            # "• Consultation complete – Nov 2026": each milestone's date is a due date of the row's step
            for k, line in enumerate(ln.strip() for ln in _cell(row, mc).split("\n") if ln.strip()):
                dm = _MILESTONE_DATE.search(line)
                prov = Prov(page=page, source_text=line, locator=self.loc(r, mc) + f"/milestone:{k}", table=tindex)
                head = line[:dm.start()].strip() if dm else ""
                if dm and len(head.split()) <= 3 and _timescale_items(head, anchor, prov):
                    # "Ongoing – audited termly", "Six-monthly (next: March 2027)": when, before the dash as after it
                    times.extend(_timescale_items(line, anchor, prov))
                elif dm:
                    times.extend(_timescale_items(dm.group("when"), anchor, prov))
                elif self.time_c is None and len(line.split()) <= 8:
                    # a milestone printed as its date alone ("July 2026", "October 2026, then monthly")
                    times.extend(_timescale_items(line, anchor, prov))
        for tc in self.roles.get("target", []):
            txt = _cell(row, tc)  # "By December 2018, reports ... are developed"
            for t in find_due_dates_in_sentence(txt, anchor) if txt else []:
                times.append(Timescale.from_parsed(t, Prov(page, txt, self.loc(r, tc) + f"/due@{t.start}", tindex)))
        return times

    @staticmethod
    def attach_to_recommendation(rec: Recommendation, owners: list[Owner], times: list[Timescale],
                                 row_actions: list[Action]) -> None:
        """A row of the recommendation `rec` (its own column, or its row above):
        the row's lead/responsible officers and timescales are the
        recommendation's (one owner row per distinct person/role for it)."""
        have = {(_key(o.role), (o.person or "").lower()) for o in rec.owners}
        for o in owners:
            k = (_key(o.role), (o.person or "").lower())
            if k not in have:
                have.add(k)
                rec.owners.append(o)
        rec.timescales.extend(times)
        rec.actions.extend(row_actions)

    def bracketed_who_when(self, act: Action) -> None:
        who_when_at_end(act, self.glossary, self.anchor)

    def numbered_to_each(self, r: int, row: list[Cell], page, row_actions: list[Action]) -> bool:
        """A row numbering its actions in the action cell and its owners and
        dates in theirs ("1. Deliver the savings ... 2. Complete the review"
        | "1. Director of Resources 2. Head of Finance" | "1. 31/03/2026 2.
        Q4 2025/26"): the n-th owner and date are the n-th action's. True
        when the row was read so."""
        if len(row_actions) < 2:
            return False
        n = len(row_actions)
        own_parts = {oc: _parts(_cell(row, oc), n) or _keyed_parts(_cell(row, oc), n, self.glossary)
                     for oc, _ in self.owner_cols}
        time_parts = _parts(_cell(row, self.time_c), n) if self.time_c is not None else None
        if not any(p and len(p) == n for p in own_parts.values()) and not (time_parts and len(time_parts) == n):
            return False
        if any(p and len(p) != n for p in list(own_parts.values()) + [time_parts]):
            return False
        cell_times: list[Optional[Timescale]] = []
        if time_parts is None and self.time_c is not None and _cell(row, self.time_c):
            # "31/03/2027 Dec 2026 Jan 2027", "31.01.2027 Complete 28.02.2027 Quarterly": a date cell the text
            # layer ran into one line, as many entries (dates, or a status where a step is done) as steps,
            # the n-th the n-th step's (as attach_to_actions pairs them)
            txt = _cell(row, self.time_c)
            cell_times = _entries_in_order(txt, _timescale_items(txt, self.anchor, Prov(
                page=page, source_text=txt, table=self.tindex, locator=self.loc(r, self.time_c))))
            if len(cell_times) != n:
                cell_times = []
        for k, a in enumerate(row_actions):
            for oc, kind in self.owner_cols:
                txt = own_parts[oc][k] if own_parts[oc] else _cell(row, oc)
                if txt:
                    prov = Prov(page=page, source_text=txt, locator=self.loc(r, oc) + f"/item:{k}", table=self.tindex)
                    a.owners.extend(_owner_items(txt, kind, self.glossary, prov))
            if cell_times:
                t = cell_times[k]
                if t is not None:   # (None: the step's entry is a status, "Complete")
                    a.timescales = [x for x in a.timescales if x.due_date != t.due_date] + [t]
                continue
            txt = time_parts[k] if time_parts else (_cell(row, self.time_c) if self.time_c is not None else "")
            if txt:
                times = _timescale_items(txt, self.anchor, Prov(page=page, source_text=txt, table=self.tindex,
                                                                locator=self.loc(r, self.time_c) + f"/item:{k}"))
                dues = {t.due_date for t in times if t.due_date}
                a.timescales = [t for t in a.timescales if t.due_date not in dues] + times
        return True

    def attach_to_actions(self, owners: list[Owner], times: list[Timescale], row_actions: list[Action]) -> None:
        """No recommendation column: the row's owners go to each of its
        actions (not a risk's owner to a step that names its own), its
        timescales pair up with them in order."""
        for a in row_actions:
            if not (self.risk_owned and a.owners):
                a.owners.extend(_clone_owners(owners, a))
            if not self.owner_cols:
                # no owner column: the action's subject owns it
                # ("Cabinet Office Transparency Team to work with ...")
                # or who it says will do it ("The Transparency Director will present ...")
                said = subject_owners(a.text)
                if not said and (got := minutes.undertaking(a.text)) is not None:
                    said = minutes.owners_of(got[1], "")
                a.owners.extend(Owner(role=role, person=person, kind="responsible", raw=raw,
                                      prov=a.prov.at("/owner" + (f":{k}" if k else "")))
                                for k, (role, person, raw) in enumerate(said))
        if times:
            # the due-date column states the deadline: the same date read again from
            # the action's own words ("... for the October meeting" | "October 2013") is one
            # ("... and report back to the next meeting": a step after the deadline the column gives)
            cell_dues = {t.due_date for t in times if t.due_date}
            # (and "Report ... to Cabinet monthly" | "Monthly": one recurrence)
            cell_recurs = {t.recurrence for t in times if t.due_date is None and t.recurrence not in (None, "once")}
            for a in row_actions:
                a.timescales = [t for t in a.timescales if t.due_date not in cell_dues
                                and not (t.due_date is None and t.recurrence in cell_recurs)
                                and not (t.due_date is None and re.search(r"(?i)\bnext\b.*\bmeeting\b", t.relative or ""))]
        if len(times) == len(row_actions):
            for a, t in zip(row_actions, times):
                a.timescales.append(t)
        elif len(row_actions) == 1 or len(times) != 1:
            row_actions[0].timescales.extend(times)
        else:
            # one timescale printed for a cell of several actions applies to each
            for k, a in enumerate(row_actions):
                t = times[0]
                a.timescales.append(Timescale.from_parsed(t, t.prov.at(f"/for:{k}")))
        self.loose.extend(row_actions)


def _rows_per_recommendation(table: Table, rec_c: Optional[int], act_c: Optional[int],
                             rating_c: Optional[int]) -> Counter:
    """Recommendation text -> how many rows it spans: its own row, the rows a
    merged cell repeats it on, and rows under it whose recommendation cell is
    blank but which carry an action with a rating of its own (a rating only
    on the first row rates the recommendation)."""
    spans: Counter = Counter()
    if rec_c is None:
        return spans
    current = None
    for row in table.body:
        text = _norm(_cell(row, rec_c))
        if text:
            current = text
            spans[text] += 1
        elif current is not None and act_c is not None and _cell(row, act_c).strip() and rating_c is not None and \
                (_cell(row, rating_c).strip() or (rating_c < len(row) and row[rating_c].fill)):
            spans[current] += 1
    return spans


# the labels of a who-and-when cell's lines ("Owner: HS", "Deadline: July 2013")
CELL_LABEL = re.compile(r"(?i)\b(?:owner|lead(?:\s+officer)?|who|responsible(?:\s+officer)?|action\s+by|deadline|due(?:\s+date)?|"
                         r"by\s+when|when|target(?:\s+date)?|timescale|date)\s*:")
# what a date leaves behind when it is taken out: its qualifiers and joins
_DATE_LEFTOVER = re.compile(r"(?i)(?:^|\s)(?:by|due|from|until|before|after|on|in|w/[cb]|wc|week\s+(?:commencing|beginning)|"
                            r"(?:by\s+)?(?:the\s+)?(?:end|start|beginning|middle|mid|early|late)(?:\s+of)?|meeting)(?=\s|$)")


def without_dates(text: str, anchor: Optional[date]) -> str:
    """'Secretariat – end of July 2013' -> 'Secretariat', 'Owner: HS
    Deadline: w/c 15 July' -> 'HS': a who-and-when cell without its dates,
    its line labels and the marks that joined them."""
    out = text
    for t in sorted(parse_timescales(text, anchor), key=lambda t: -t.start):
        out = out[:t.start] + " " + out[t.end:]
    out = CELL_LABEL.sub(" ", out)
    out = " ".join(out.split())
    prev = None
    while prev != out:   # ("Sept meeting": the month was the date; "(w/c )": the week's)
        prev = out
        out = re.sub(r"\(\s*\)", " ", out)
        out = " ".join(out.split()).strip(" –—-,/;:(")
        out = _DATE_LEFTOVER.sub(lambda m: " " if m.start() == 0 or m.end() == len(out) or out[m.end():m.end() + 2].strip(" )") == "" else m.group(0), out)
        out = re.sub(r"(?i)(?:(?<=[\s(])|^)(?:by|before|w/[cb]|end|mid|early|late|meeting)\s*(?=\)|$)", " ", out)
    return out.strip(" –—-,/;:(")


def _owner_only(text: str) -> bool:
    """A cell holding only a name or a job title (a lead officer printed in
    the wrong column by the text layer) is not an action."""
    t = " ".join(text.split())
    if len(t.split()) > 9 or re.search(r"\b(?:will|is|are|has|have|was|were|to)\b", t):
        return False
    got = split_owners(t)
    return bool(got) and all(p or (r and _ROLE_HEAD.search(r)) for r, p, _ in got)


_ROLE_HEAD = re.compile(r"\b(?:Head|Director|Manager|Officer|Lead|Chief|Executive|Coordinator|Co-ordinator|Commissioner)\b")


def _key(role: Optional[str]) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", (role or "").lower()).split())


# a banner's labelled lead after the point: "... Senior Responsible Officer: Anita Okonjo, Strategic Director"
_BANNER_LEAD = re.compile(rf"(?i)\s+(?:{OWNER_LABEL})\s*:\s*(?P<who>\S.{{2,120}})$")
# the point quoted after who made it: "Ofsted: “The consistency of ...”"
_QUOTED_POINT = re.compile(r"^(?:[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3})\s*:\s*[“\"‘'](?P<point>[^“”\"]{12,})[”\"’']\s*$")


def _banner_lead(text: str) -> tuple[str, Optional[str]]:
    """A banner's point without the lead labelled after it, and that lead."""
    who = None
    m = _BANNER_LEAD.search(text)
    if m and len(text[:m.start()].split()) >= 4:
        text, who = text[:m.start()].rstrip(" .;,–-"), m.group("who").strip(" .")
    q = _QUOTED_POINT.match(text)
    if q:
        text = q.group("point").strip()
    return text, who


def _clone_owners(owners: list[Owner], action: Action) -> list[Owner]:
    """The same owner cell applies to every action of the row: one owner row
    per action, each with a locator of its own."""
    out = []
    for o in owners:
        out.append(Owner(role=o.role, person=o.person, kind=o.kind, raw=o.raw,
                         prov=o.prov.at("/for:" + action.prov.locator.rsplit("/", 1)[-1])))
    return out
