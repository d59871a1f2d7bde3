"""Cover-page metadata: council, committee, meeting date, report reference,
title and author, read from how council papers label them.

Recognised forms (any council):
- cover blocks "From: / To: Cabinet - 30 January 2025 / Subject: / Decision no:"
- a title page "REPORT NO: 207/2013 / CABINET / 17 September 2013 / TITLE"
- "COMMITTEE NAME - 5th NOVEMBER 2018" on one line
- minutes "MINUTES of a meeting of the Cabinet held ... on Thursday, 30 January 2025"
- letterheads / running text "Kent County Council", "Inspection of X children's services"
- authors: "Report Author: ...", "Contact Officer: ...", "Officer(s) to Contact",
  "Report of the Director of ...", "Lead inspector: ..."
A field stays None when the paper does not state it.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Optional

from extractors import name_shapes
from extractors.model import Document
from extractors.dates import DATE_RE, parse_date
from extractors.vocabulary import MONTH_RE as _MONTH_RE

_NOT_NAME = {"District", "Borough", "County", "City", "Budget", "Parish", "Town", "Council", "Councils", "The", "A", "All",
             # a date before a council's name ("... 14 March County Council meeting")
             "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December",
             "Each", "Other", "Neighbouring", "Local", "Unitary", "Upper", "Lower", "Tier", "Two", "Single", "Full",
             "This", "Our", "Your", "Every", "Any", "New", "Existing", "Shadow", "Combined", "Strategic", "Mayoral"}
_ROLE_LEAD = {"Leader", "Leaders", "Chief", "Executive", "Member", "Members", "Cabinet", "Director", "Officer",
              "Officers", "Chair", "Chairman", "Mayor", "Deputy", "Councillor", "Cllr"}
_LEAD_NOISE = {"Research", "Unit", "Public", "Health", "Team", "Services", "Service", "Department", "Directorate",
               # a department or addressee line before the council's name
               "Children’s", "Children's", "Childrens", "Children", "People’s", "People's", "Adult", "Adults", "Social",
               "Joint", "Commissioning", "Trust", "Care", "Education", "Families", "Young", "Mr", "Mrs", "Ms", "Miss",
               "Dr", "Sir", "Dame", "Professor",
               "Published", "Produced", "Prepared", "Copyright", "Report", "Appendix", "Annex", "Dear", "From", "To",
               "Hosted", "Host", "by", "Supported", "Funded"}
COUNCIL_RE = re.compile(
    r"\b(?P<name>[A-Z][a-zA-Z'’]+(?:(?:[ -](?:upon|on|under|le|in|by|the|of|and|&)[ -]|[ -])[A-Z][a-zA-Z'’]+){0,3})\s+"
    r"(?P<type>County Borough|Metropolitan Borough|Metropolitan District|County|Borough|District|City|Community|Parish|Town)"
    r"\s+Council\b")
BODY_WORDS = re.compile(r"\b(cabinet|council|committee|panel|board|executive|forum|sub-committee|scrutiny|partnership)\b", re.I)
_LABEL = re.compile(r"^(?:(Report to|Date of meeting|Meeting date|From|To|Subject|Title|Decision no|Decision number|Report no|Report number|Report ref(?:erence)?|Our ref|Date|Meeting|Report title|Title of (?:the\s+)?report|Report author(?:s|\(s\))?|Author|Contact officer|Contact details|Lead officer|By|Lead inspector)\s*[:.]\s*|(Report of|Report by|Report author|Contact officer|Report title|Report no\.?|Report number|Report ref(?:erence)?)\s+(?=[A-Z]))(.*)$", re.I)


# "MINUTES of a meeting of the Cabinet held ... on Thursday, 30 January 2025",
# "Minutes of a meeting of the above Council held on Monday 24th September
# 2018 at 7.00pm", "TRANSPARENCY BOARD Minutes of a meeting held on 8 February"
_MINUTES_OF = re.compile(r"^(?:(?P<before>.{3,80}?)\s+)??(?:extract\s+of\s+)?minutes?\s+of\s+(?:(?:a|an|the)\s+)?"
                         r"(?:(?:extraordinary|ordinary|annual|special|general)\s+)*(?:meeting(?:\s+of\s+(?:the\s+)?(?P<body>.+?))?|"
                         # "Minutes of the Health and Wellbeing Board held on ..." (a name in capitals, no "meeting")
                         r"(?P<body2>(?-i:[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|&)){0,8})))"
                         r"\s+held\b.*?\bon\s+(?P<date>.+)$", re.I)
# an agenda's summons: "You are summoned to a meeting of the above Council on Monday 28th October 2019"
_SUMMONS = re.compile(r"\bsummoned\s+to\s+(?:a|an|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>.+?)\s+"
                      r"(?:to\s+be\s+held\s+)?(?:at\s+.+?\s+)?on\s+(?P<date>.+)$", re.I)
# a body's name, a dash and the meeting date on one short line
_BODY_DASH_DATE = re.compile(r"^(?P<body>[A-Z][\w’'&]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|for|&)){0,6})(?P<sep>\s+[-–—]\s+|,\s+|:\s+)"
                             r"(?:[A-Z][a-z]+day,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+\d{4})$")
# a body's name, a dash and the kind of paper: "Safer Northvale Partnership – Action Tracker"
_BODY_DASH_KIND = re.compile(r"^(?P<body>[A-Z][\w’'&]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|for|&)){0,6}\s+(?:Committee|Cabinet|Panel|Board|"
                             r"Executive|Forum|Partnership|Group))\s+[-–—:]\s+(?:action\s+(?:log|tracker|plan)|tracker|"
                             r"status\s+update)\b", re.I)
# minutes titled without their date, the date on the line under: "Minutes of the Partnership Executive"
_MINUTES_TITLE = re.compile(r"^(?i:minutes\s+of\s+(?:(?:a|an|the)\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)"
                            r"(?P<body>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|&)){0,8})$")
_OPENING_DATE = re.compile(rf"^(?:[A-Z][a-z]+day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE}),?\s+\d{{4}}\b")
_REFERS_BACK = re.compile(r"^(?:above|said|aforementioned)\b", re.I)
# a short title line dated 08.02.11 / 08.02.2011 ("Transparency Board Minutes 08.02.11")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)?\d{2})\b")


def _numeric_head_date(lines: list[str]) -> Optional[date]:
    """A day.month.year date printed in a short opening line that names the
    kind of paper; two-digit years are 20xx."""
    for t in lines:
        m = _NUMERIC_DATE.search(t)
        if m and len(t.split()) <= 10 and _PAPER_KIND.search(t):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            try:
                return date(y + 2000 if y < 100 else y, mo, d)
            except ValueError:
                continue
    return None


# a board paper's code before its title: "TB (8)1.ii", "TB(4)1.i", "HWB(3)2"
_PAPER_CODE = re.compile(r"^(?:Paper\s+)?(?P<ref>[A-Z]{1,6}\s?\(\d{1,3}\)\s?\d{1,3}(?:\.(?:[ivx]+|\d{1,2}))*)(?:\s+(?P<rest>\S.*))?$")
# a body named in an opening line: "Status update on Transparency Board actions",
# "Public Sector Transparency Board – 19th May ..."
# (a name of capitalised words, "and"/"of" inside; not "The Panel", "To Cabinet")
_BODY_NAME = re.compile(r"(?<![\w’'])((?!(?:The|A|An|To|From|Dear|Our|This|Report|Paper)\s)[A-Z][\w’'&-]*\s+"
                        r"(?:(?:[A-Z][\w’'&-]*|and|of|&)\s+){0,5}(?:Board|Panel|Committee|Group|Forum))\b")
_EARLIER = re.compile(r"\b(?:last|previous|earlier|prior)\s+meeting\b[^.]{0,20}$|\bfrom\s*$", re.I)


def _board_paper(meta: dict, lines: list[str], letter: bool) -> None:
    """What a board's paper prints in its opening lines instead of a cover:
    its code ("TB (8)1.ii", the report ref, not part of the title), the body
    it goes to, and a date beside the title ("Action Log as 19 July 2011";
    not one after "last meeting")."""
    for t in lines[:2]:
        m = _PAPER_CODE.match(t.strip())
        if m:
            meta["report_ref"] = meta["report_ref"] or m.group("ref")
            if meta["title"] and meta["title"].startswith(m.group("ref")):
                meta["title"] = meta["title"][len(m.group("ref")):].strip() or meta["title"]
            break
    if letter:
        return
    named = [_PAPER_CODE.sub(lambda m: m.group("rest") or "", t.strip()) for t in lines]
    if meta["committee"] is None:
        for t in named:
            m = _BODY_NAME.search(_titleish(t) if _mostly_upper(t) else t)
            if m and not COUNCIL_RE.fullmatch(m.group(1)) and not _NOT_COMMITTEE.search(m.group(1)):
                meta["committee"] = _clean(m.group(1))
                break
    if meta["committee"] and meta["title"]:
        # "Public Sector Transparency Board – 19th May Lessons learned on ...": the title follows
        m = re.match(rf"^{re.escape(meta['committee'])}\s*[–—-]\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE}\.?(?:\s+\d{{4}})?\s+"
                     r"(?P<rest>[A-Z].{8,})$", meta["title"])
        if m:
            meta["title"] = m.group("rest")
    if meta["meeting_date"] is None:   # "Paper HDP(13)07 – for the meeting of 16 July 2013"
        meta["meeting_date"] = _meeting_of_date(named)
    if meta["meeting_date"] is None and meta["committee"]:
        for t in named:
            dm = DATE_RE.search(t)
            if dm and meta["committee"].lower() in t.lower() and not _EARLIER.search(t[:dm.start()]):
                meta["meeting_date"] = parse_date(dm.group(0))
                break


# a date in a file name: "20140513 ODUG minutes", "minutes 2010-09-15", "agenda 24.06.10",
# "agenda 19072011", "5 Dec 2012 Meeting"
_NAME_YMD = re.compile(r"(?<!\d)(20\d{2})[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")
_NAME_DMY = re.compile(r"(?<!\d)([0-3]?\d)[-_. ]([01]?\d)[-_. ](\d{2}|20\d{2})(?!\d)|(?<!\d)([0-3]\d)([01]\d)(20\d{2})(?!\d)")
_DAY_MONTH = re.compile(rf"(?<!\d)([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b(?!\s*,?\s*\d)", re.I)


def _meeting_from_name(doc: Document, head: list[str]) -> Optional[date]:
    """The meeting's date when the paper prints it without a year: a day and
    month beside the body's name in its opening lines ("Public Sector
    Transparency Board – 19th May") with the year of the date its file name
    gives. A date in the file name alone is not taken (it may be when the
    paper was published; a batch job's --meta sidecar gives the meeting)."""
    days = [dm for t in head if (dm := _DAY_MONTH.search(t))]
    if not days:
        return None   # a date in the file name alone may be when it was published: --meta gives it
    y = _file_name_year(doc.file_name or "")
    for dm in days if y else ():
        got = parse_date(f"{dm.group(1)} {dm.group(2)} {y}")
        if got:
            return got
    return None


def _file_name_year(name: str) -> Optional[int]:
    """The year of the date a file name gives ("TB(6)2 2011-05-16 ...",
    "agenda 24.06.10"), else a four-digit year in it, else None."""
    whole = parse_date(name)
    if whole is None:
        m = _NAME_YMD.search(name)
        groups = (m.group(1), m.group(2), m.group(3)) if m else None
        if groups is None and (m := _NAME_DMY.search(name)):
            d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            groups = ("20" + y if len(y) == 2 else y, mo, d)
        if groups:
            try:
                whole = date(int(groups[0]), int(groups[1]), int(groups[2]))
            except ValueError:
                whole = None
    if whole is not None:
        return whole.year
    year = re.search(r"(?<!\d)(20\d{2})(?!\d)", name)
    return int(year.group(1)) if year else None


def _table_title(doc: Document) -> Optional[str]:
    """A paper with no title but a table's title row ("ACTION LOG (updated
    15 July 2013)" spanning the table): that row."""
    for _, t in doc.tables()[:1]:
        if t.rows and len(t.rows[0]) >= 3:
            texts = {" ".join(c.text.split()) for c in t.rows[0]}
            if len(texts) == 1 and len(next(iter(texts)).split()) >= 3:
                return next(iter(texts))
    return None


def minutes_title(lines: list[str]) -> Optional[str]:
    """The opening line of minutes that says they are minutes."""
    return next((t for t in lines if re.search(r"\bminutes\b", t, re.I) and len(t.split()) <= 40), None)


def _clean(s: str) -> str:
    return " ".join(s.replace("\u2013", "–").split()).strip(" :;,-–")


def extract_metadata(doc: Document) -> dict:
    meta: dict = {k: None for k in ("council", "committee", "meeting_date", "report_ref", "title", "author")}
    texts = _cover_texts(doc)
    head = texts[:60]
    tail = texts[-60:]
    labelled = _labelled(doc, head, tail)

    # committee + meeting date
    _meeting_from_labels(meta, labelled)
    # a letter ("Dear ...", signed off "Yours sincerely"): its date line is
    # when it was written, not a meeting's date
    letter = any(_SALUTATION.match(t.strip()) for t in head[:20])
    _meeting_from_cover(meta, head, letter)

    meta["report_ref"] = _report_ref(labelled, head)

    # title
    if labelled.get("subject") or labelled.get("title"):
        meta["title"] = labelled.get("subject") or labelled.get("title")
    elif meta["title"] is None:
        starts_with_table = bool(doc.blocks) and doc.blocks[0].kind == "table"
        meta["title"] = (_furniture_title(doc) if starts_with_table else None) or _guess_title(doc, head, meta) or _furniture_title(doc)

    _board_paper(meta, [t for t in head[:4] if len(t.split()) <= 25], letter)
    if meta["meeting_date"] is None and not letter:
        meta["meeting_date"] = _meeting_from_name(doc, [t for t in head[:3] if meta["committee"] and meta["committee"] in t])
    if meta["meeting_date"] is None and not letter:
        meta["meeting_date"] = _meeting_of_date(head[:8])   # "Action Log – meeting of 3 December 2024"
    banner = _table_title(doc)
    if meta["title"] is None or (banner and _LOG_KIND.search(banner) and
                                 ("|" in meta["title"] or not _PAPER_KIND.search(meta["title"]))):
        # a title row across the log ("HDDP ACTION LOG – updated 9 September 2025") names the paper better
        # than a cover line of meeting details ("Partnership meeting, 16 September 2025 | Agenda item 4: Action log")
        # or a line that only names the body ("Hollinsby Data and Digital Partnership – Secretariat: ...")
        meta["title"] = banner or meta["title"]
    meta["title"] = _title_alone(meta["title"])
    meta["author"] = _author(doc, labelled, texts, head, tail, letter)
    meta["council"] = official_council_name(_council(doc, texts))
    if meta["committee"] is None and meta["council"] and any(
            (m := _MINUTES_OF.match(t.strip()) or _SUMMONS.search(t.strip())) and
            (not m.group("body") or _REFERS_BACK.match(m.group("body"))) for t in head[:25]):
        # "Minutes of a meeting of the above Council", "summoned to a meeting of the
        # above Council", minutes headed by the council's name alone: the council met
        meta["committee"] = meta["council"]
    return meta


def _cover_texts(doc: Document) -> list[str]:
    """The text blocks, then the 'Label: | value' rows of 2-column tables."""
    texts = [b.full_text for b in doc.blocks if b.kind != "table"]
    def is_label(t: str) -> bool:
        t = " ".join(t.split()).rstrip(":")
        return 0 < len(t.split()) <= 5 and not re.search(r"\d", t) and bool(_LABEL.match(t + ": -"))

    for k, b in enumerate(doc.blocks):  # cover details sometimes sit in a 2-column table
        if b.kind == "table" and b.table is not None and len(texts) < 400:
            rows = b.table.rows[:12]
            # labels across the top row, their values in the row under them: "Meeting date | Agenda item |
            # Report reference" over "5 November 2026 | 11 | EX/26/052" (one known label is enough in a
            # two-row box on the cover: "Report of | Portfolio Holder | Report author | Wards")
            consumed: set[int] = set()
            need = 1 if len(b.table.rows) == 2 and k < 12 else 2
            for r, (top, under) in enumerate(zip(rows, rows[1:])):
                if len(top) == len(under) >= 2 and all(c.text.strip() for c in top) and \
                        sum(is_label(c.text) for c in top) >= need and not any(is_label(c.text) for c in under) and \
                        all(len(c.text.split()) <= 5 and not re.search(r"\d|[.;]$", c.text.strip()) for c in top):
                    texts.extend(f"{' '.join(c.text.split()).rstrip(':')}: {v.text.strip()}"
                                 for c, v in zip(top, under) if is_label(c.text) and v.text.strip())
                    consumed |= {r, r + 1}
            # a small label over its value in one cell: "DATE OF MEETING" / "Thursday 17 September 2026"
            for row in rows:
                for c in row:
                    first, _, rest = c.text.strip().partition("\n")
                    if rest.strip() and is_label(first) and not is_label(rest.split("\n")[0]):
                        # (its first line: "Sharon Howard" over "Assistant Director ..." and her contact details)
                        value = next(" ".join(ln.split()) for ln in rest.split("\n") if ln.strip())
                        texts.append(f"{' '.join(first.split()).rstrip(':').capitalize()}: {value}")
            for r, row in enumerate(rows):
                if r in consumed:
                    continue
                cells = [c.text for c in row if c.text.strip()]
                # a value merged across the row's other cells is one value
                cells = [c for k, c in enumerate(cells) if k == 0 or c.strip() != cells[k - 1].strip()]
                if len(cells) not in (2, 4):
                    continue
                # "Date of meeting: | 26 November 2026 | Agenda item: | 6": two label | value pairs a row
                pairs = [(cells[k].strip(), cells[k + 1]) for k in range(0, len(cells), 2)]
                if len(pairs) > 1 and not (all(len(lb.split()) <= 5 and not re.search(r"\d", lb) for lb, _ in pairs)
                                           and any(lb.endswith(":") or _LABEL.match(lb + ": -") for lb, _ in pairs)):
                    continue
                for label, value in pairs:
                    if label.endswith(":"):
                        texts.append(f"{label} {value}")
                    elif len(label.split()) <= 4 and _LABEL.match(label + ": -"):
                        # a cover box prints its labels without colons: "Date of meeting | 23 June 2026"
                        texts.append(f"{label}: {value}")
    return texts


# a cover label printed in Welsh and English: "PWNC / SUBJECT:", "Dyddiad / Date:"
_BILINGUAL_LABEL = re.compile(r"^[^/:]{2,40}?\s+/\s+(?P<en>[A-Za-z][A-Za-z ]{1,30}\s*:.*)$")


def _labelled(doc: Document, head: list[str], tail: list[str]) -> dict[str, str]:
    """Labelled cover fields, lower-case label -> value; the first wins."""
    labelled: dict[str, str] = {}
    # forms print a label as its own line with the value on the next one
    # ("EQIA Title" / "Commissioning Plan ...", "Responsible Officer" / "Paul Wilson - CY EPA")
    body = [b for b in doc.blocks if b.kind != "table"]
    for b, nxt in zip(body[:60], body[1:61]):
        m = _FORM_LABEL.match(b.text.strip())
        if m and nxt.kind != "heading" and nxt.text.strip():
            key = "title" if m.group("title") else "report author"
            labelled.setdefault(key, _clean(nxt.text))
    for t in head + tail:
        m = _LABEL.match(t.strip())
        if not m and (cy := _BILINGUAL_LABEL.match(t.strip())):
            m = _LABEL.match(cy.group("en"))   # "PWNC / SUBJECT: ...": a Welsh label, then the English one
        if not m and (caps := _CAPS_LABEL.match(t.strip())):
            m = _LABEL.match(f"{caps.group(1).title()}: {caps.group(2)}")   # "REPORT TO Overview and Scrutiny Commission"
        if m and m.group(3).strip() and not m.group(3).strip().endswith(":"):
            key = re.sub(r"\(s\)$|(?<=author)s$|\.$", "", (m.group(1) or m.group(2)).lower())
            key = {"report to": "to", "date of meeting": "date", "meeting date": "date", "report title": "title",
                   "title of report": "title", "title of the report": "title"}.get(key, key)
            labelled.setdefault(key, _clean(m.group(3)))
    return labelled


# a cover's label printed in capitals without a colon, its value after a space: "REPORT TO Overview and Scrutiny
# Commission", "DATE OF MEETING 15 October 2026", "SUBJECT Safer Streets ...", "AUTHOR / CONTACT Tamsin Okoro, ..."
_CAPS_LABEL = re.compile(r"^(REPORT TO|DATE OF MEETING|MEETING DATE|SUBJECT|TITLE|REPORT TITLE|REPORT OF|REPORT BY|"
                         r"REPORT AUTHOR|AUTHOR|CONTACT OFFICER|LEAD OFFICER)(?:\s*/\s*CONTACT)?\s+(?=[A-Z0-9])(.+)$")


def _meeting_from_labels(meta: dict, labelled: dict[str, str]) -> None:
    """Committee and meeting date from a 'To:' / 'Meeting:' / 'Date:' label."""
    to = labelled.get("to") or labelled.get("meeting")
    if to:
        d = parse_date(to)
        if d:
            meta["meeting_date"] = d
        dm = DATE_RE.search(to)
        body = to[:dm.start()] if dm and dm.start() > 0 else to
        body = re.split(r"\s+[-–—]\s+|,\s*(?=\d)", body)[0].strip(" ,-–—")
        if BODY_WORDS.search(body) and len(body.split()) <= 12 and not re.search(r"[.!?]\s+[A-Z]", body):
            meta["committee"] = _clean(body)   # (not a sentence that happens to follow "Meeting:")
    if meta["meeting_date"] is None and labelled.get("date"):
        meta["meeting_date"] = parse_date(labelled["date"])   # "DATE: 24th November 2011"


# "Report to Cabinet", "Report to the Audit and Governance Committee" printed as a line of its own
_REPORT_TO = re.compile(r"^Report\s+to\s+(?:the\s+)?(?P<body>[A-Z][\w’'&,-]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|for|&)){0,7})$")
# "Cabinet meeting: Wednesday 11 November 2026 | Agenda item: 4"
_BODY_MEETING = re.compile(r"^(?P<body>[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|for|&)){0,6})\s+meeting\s*[:–—-]\s*"
                           rf"(?:\w+day,?\s+)?(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE})\s+\d{{4}})")


def _meeting_from_cover(meta: dict, head: list[str], letter: bool) -> None:
    """Committee, meeting date (and a minutes title) from the cover's lines."""
    for k, t in enumerate(head[:25]):
        s = t.strip()
        nxt = head[k + 1].strip() if k + 1 < len(head) else ""
        m = _MINUTES_OF.match(s) or _SUMMONS.search(s)
        if m is None and re.match(r"(?i)held\b", nxt) and re.search(r"(?i)\bminutes\s+of\b", s):
            m = _MINUTES_OF.match(f"{s} {nxt}")   # "Minutes of the Board" over "held on Tuesday 14 January 2025 ..."
            if m:
                meta["title"] = meta["title"] or _clean(f"{s} {nxt}")
        opening = _OPENING_DATE.match(nxt)
        if m is None and k <= 6 and opening and (mt := _MINUTES_TITLE.match(s)):
            # "EASTERBY SAFEGUARDING CHILDREN PARTNERSHIP" / "Minutes of the Partnership Executive" / "Wednesday
            # 9 September 2026, 10.00am ...": the body that met, and the day under the title
            meta["committee"] = _clean(mt.group("body"))
            meta["meeting_date"] = meta["meeting_date"] or parse_date(opening.group(0))
            meta["title"] = meta["title"] or _clean(s)
            continue
        if m:
            body = m.groupdict().get("body") or m.groupdict().get("body2") or (m.groupdict().get("before") or "")
            if body and not _REFERS_BACK.match(body):
                meta["committee"] = meta["committee"] or _titleish(_clean(body))
            meta["meeting_date"] = meta["meeting_date"] or parse_date(m.group("date")) or _numeric_head_date(head[:3])
            if _MINUTES_OF.match(s):
                meta["title"] = meta["title"] or _clean(minutes_title(head[:3]) or s)
            continue
        m = _REPORT_TO.match(s) or _BODY_MEETING.match(s)
        if meta["committee"] is None and m and (BODY_WORDS.search(m.group("body")) or m.group("body") == "Executive"):
            # "Report to Cabinet" (no colon), "Cabinet meeting: Wednesday 11 November 2026 | Agenda item: 4"
            meta["committee"] = _clean(m.group("body"))
            if m.groupdict().get("date"):
                meta["meeting_date"] = meta["meeting_date"] or parse_date(m.group("date"))
            continue
        if meta["committee"] is None and len(s.split()) <= 8 and not _mostly_upper(s) and \
                re.search(r"\b(?:Committee|Cabinet|Panel|Board|Executive|Forum|Partnership|(?:Steering|Delivery|Working|Programme)\s+Group)$", s) \
                and not re.match(r"^(?:Report|To|From)\b", s) and not _NOT_COMMITTEE.search(s) \
                and not re.search(r"(?i)\b(?:inspection|report|review|assessment|visit)\b|"
                                  r"^(?:commissioned|prepared|produced|published|written|funded)\s+(?:by|for)\b|^on\s+behalf\s+of\b", s):
            meta["committee"] = _clean(s)  # a title-case body line on the cover: "Children's Scrutiny Committee"
            continue
        m = _BODY_DASH_KIND.match(s)
        if meta["committee"] is None and m and not _NOT_COMMITTEE.search(m.group("body")):
            meta["committee"] = _clean(m.group("body"))   # "Safer Northvale Partnership – Action Tracker"
            continue
        m = _BODY_DASH_DATE.match(s)
        if meta["committee"] is None and m and not letter and not COUNCIL_RE.fullmatch(m.group("body")) \
                and not _NOT_COMMITTEE.search(m.group("body")) \
                and (m.group("sep").strip() in "-–—" or BODY_WORDS.search(m.group("body"))):
            # "Cabinet – 11 November 2025", "Audit and Governance Committee – 22 January 2026" ("Cabinet, 30
            # January 2025" and "Audit Committee: 4 March 2025" too, when they name a body); the body of
            # "Data Panel Action Log – 19 July 2013" is the Data Panel
            meta["committee"] = _clean(re.sub(r"\s+(?:action\s+log|action\s+tracker|minutes|agenda|status\s+update)$", "",
                                              m.group("body"), flags=re.I))
            meta["meeting_date"] = meta["meeting_date"] or parse_date(m.group("date"))
            continue
        if meta["committee"] is None and BODY_WORDS.search(s) and len(s.split()) <= 12 and _mostly_upper(s) \
                and not s[:1].isdigit():
            body = re.split(r"\s+[-–—]\s+(?=\d)", s)[0]
            if not re.search(r"\breport\b", body, re.I) and not COUNCIL_RE.fullmatch(body.title()) \
                    and not _letterhead(_clean(body)) \
                    and not _NOT_COMMITTEE.search(body):
                meta["committee"] = _titleish(_clean(body))
                d = parse_date(s)
                if d:
                    meta["meeting_date"] = meta["meeting_date"] or d
                continue
        if meta["meeting_date"] is None and len(s.split()) <= 6 and not letter:
            d = parse_date(s)
            if d:
                meta["meeting_date"] = d


def _report_ref(labelled: dict[str, str], head: list[str]) -> Optional[str]:
    for key in ("decision no", "decision number", "report no", "report number", "report ref", "report reference"):
        if labelled.get(key):
            spaced = re.match(r"[A-Z]{1,8}\s\d[\w/.-]*\d", labelled[key])   # "OSC 26-19": letters, a space, the number
            return spaced.group(0) if spaced else labelled[key].split()[0]
    for t in head[:15]:
        m = re.search(r"\bREPORT\s+(?:NO|NUMBER)\.?\s*:?\s*([A-Z0-9][\w/\-.]*\d)", t, re.I)
        if m:
            return m.group(1)
    return None


def _author(doc: Document, labelled: dict[str, str], texts: list[str], head: list[str], tail: list[str],
            letter: bool) -> Optional[str]:
    """The author: a labelled author / officer, a 'Report Author' line, a
    contact-officer block at the end, 'Report of ...', 'From:', a letter's
    signatory - the first that gives one."""
    for key in ("report author", "author", "contact officer", "lead officer", "responsible officer", "lead inspector"):
        if labelled.get(key):
            return _person_part(labelled[key])
    author = _report_author(doc)
    if author is not None:
        return author
    for i, t in enumerate(tail):
        m = re.search(r"(?:^|\s)(Officer\(s\) to Contact|Contact Officers?|Report Author)\b\s*:?(.*)$", t.strip(), re.I)
        if m:
            rest = re.sub(r"^\(s\)\s*:?\s*", "", m.group(2).strip())
            if rest and not rest[:1].isupper():
                rest = ""
            cand = rest or (tail[i + 1] if i + 1 < len(tail) else "")
            if cand:
                author = _person_part(cand)
                break
    if author is not None:
        return author
    for t in head[:20]:
        m = re.match(r"^Report (?:of|by)\s+(?:the\s+)?(.+)$", t.strip(), re.I)
        if m:
            author = _titleish(_clean(m.group(1)))
            break
    if author is None and labelled.get("from"):
        author = _person_part(labelled["from"])
    if author is None and letter:
        author = _signatory(texts)
    return author


_SUFFIX_ABBR = {"MBC": "Metropolitan Borough Council", "CC": "County Council", "BC": "Borough Council",
                "DC": "District Council", "CBC": "County Borough Council"}
_SMALL = {"of", "and", "upon", "on", "the", "in", "under", "le", "by"}


def official_council_name(name: Optional[str]) -> Optional[str]:
    """One printed form per council, whatever form the paper used: case
    ('KENT COUNTY COUNCIL' -> 'Kent County Council'), a leading 'the',
    suffix abbreviations ('Wigan MBC', 'Kent CC'), and London boroughs
    ('Camden London Borough Council', 'LB Camden' -> 'London Borough of
    Camden')."""
    if not name:
        return name
    n = " ".join(name.split()).strip(" ,.;:")
    n = re.sub(r"^the\s+", "", n, flags=re.I)
    if n.isupper() or n.islower():
        def cap(w: str, first: bool) -> str:
            return "-".join(p.lower() if p.lower() in _SMALL and (j or not first) else p.capitalize()
                            for j, p in enumerate(w.split("-")))
        n = " ".join(cap(w, i == 0) for i, w in enumerate(n.split()))
    m = re.match(r"^(?P<place>.+?)\s+(?P<abbr>MBC|CBC|CC|BC|DC)$", n)
    if m:
        n = f"{m.group('place')} {_SUFFIX_ABBR[m.group('abbr')]}"
    m = re.match(r"^(?P<place>.+?)\s+London\s+Borough\s+Council$", n) or re.match(r"^LB\s+(?:of\s+)?(?P<place>.+)$", n)
    if m:
        n = f"London Borough of {m.group('place')}"
    return n


_AUTHOR_LABEL = re.compile(r"\b(?:Report\s+Author(?:s|\(s\))?|Contact\s+Officers?|Author|Officer\(s\)\s+to\s+contact|Responsible\s+Officer|"
                           r"Prepared\s+by|Report\s+prepared\s+by)\s*:?\s*\n?\s*"
                           rf"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?{name_shapes.TOKEN}(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.TOKEN}){{1,2}})")
_ROLE_WORD = re.compile(r"\b(?:Assistant|Director|Head|Manager|Officer|Corporate|Deputy|Executive|Chief|Lead|Service|Team)\b")


def _report_author(doc: Document) -> Optional[str]:
    """'Report Author(s): Sharon Howard Assistant Director ...' in a paragraph
    or a contact-details table cell -> 'Sharon Howard'."""
    texts = [b.text for b in doc.blocks if b.kind != "table"]
    for t, nxt in zip(texts, texts[1:]):
        # two-column contact block: "Report Author: Relevant Director:" then "Nick Abrahams Christine McInnes ..."
        if re.match(r"^Report\s+Author(?:s|\(s\))?\s*:\s*(?:[A-Z][\w ]{2,30}:\s*)*$", t.strip()):
            m = re.match(rf"^((?:Mr|Mrs|Ms|Dr)\.?\s+)?{name_shapes.TOKEN}\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.TOKEN}", nxt.strip())
            if m:
                return m.group(0)
    for b in doc.blocks:
        if b.kind == "table" and b.table is not None:
            texts.extend(c.text for r in b.table.rows for c in r)
    for t in texts:
        m = _AUTHOR_LABEL.search(t)
        if m:
            words = m.group("name").split()
            while words and _ROLE_WORD.match(words[-1]):
                words.pop()
            if len(words) >= 2:
                return " ".join(words)
    return None


_FORM_LABEL = re.compile(r"^(?:(?P<title>(?:EqIA|EQIA|DPIA|Report|Document|Project|Policy|Decision)?\s*Title|Name\s+of\s+(?:the\s+)?(?:activity|project|policy|proposal|decision))|"
                         r"(?P<author>Responsible\s+Officer|Report\s+Author|Lead\s+Officer|Author))\s*:?$", re.I)


def _furniture_title(doc: Document) -> Optional[str]:
    """A running header that names the document ('Appendix I: Budget Risks
    Register 2025-26') when the body does not open with a title."""
    for t in doc.furniture:
        t = _clean(t)
        if len(t.split()) < 3 or "|" in t or re.search(r"\bpage\s+\d|^\d+$|official|unrestricted|confidential", t, re.I) \
                or _NOT_TITLE.match(t):
            continue
        if len(re.findall(r"[A-Za-z]{3,}", t)) < 2:
            continue
        if parse_date(t) and len(t.split()) <= 6 and not _PAPER_KIND.search(t):
            continue   # (not "Data Panel Action Log – 19 July 2013": a title with its date)
        return t
    return None


def _person_part(s: str) -> str:
    """'Jane Moore, Director Children and Family Services' -> 'Jane Moore'."""
    s = _clean(s)
    first = re.split(r",|\s+[-–]\s+|\s+Tel\b|\s+Email\b|\s+\(", s)[0].strip()
    return first or s


def _mostly_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _titleish(s: str) -> str:
    if _mostly_upper(s):
        small = {"and", "of", "the", "for", "to", "in", "on"}
        words = s.lower().split()
        def cap(w: str) -> str:
            j = 1 if w[:1] in "(['\"" else 0
            return w[:j] + w[j:j + 1].upper() + w[j + 1:]
        return " ".join(w if (i and w in small) else cap(w) for i, w in enumerate(words))
    return s


# lines that name a committee but are not the meeting the paper is for
_NOT_COMMITTEE = re.compile(r"\b(?:options?\s+available|to\s+the\s+committee|for\s+information|terms\s+of\s+reference|"
                            r"membership\s+of|role\s+of\s+the|views\s+of\s+the|executive\s+summary|adopted\s+by|"
                            r"(?:labour|conservative|liberal\s+democrat|green|reform|independent)s?\s+group)\b|\*\*", re.I)
# headings that are never a paper's title
_NOT_TITLE = re.compile(r"^(?:created\s+with\b.*|.*\bplease\s+register\s+to\s+remove\b.*|unclassified|official(?:\s*-\s*sensitive)?|(?:un)?restricted\s+items?|this\s+page\s+(?:is\s+)?(?:intentionally\s+)?(?:left\s+)?blank|"
                        r"executive\s+summary|contents|table\s+of\s+contents|agenda|introduction|background|"
                        r"part\s+(?:i|1|ii|2)\b.*|public\s+document\s+pack|summary|purpose\s+of\s+(?:the\s+)?report|"
                        r"(?:status|rag|colour)\s+key\b.*|key\s+to\s+\w+|key|glossary|"
                        # a report's place in a series: "2nd Report of Session 2010–12", "HL Paper 179"
                        r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+report\s+of\s+session\b.*|"
                        r"h[lc]\s+(?:paper\s+)?\d+\b.*|"
                        # a line of meeting details: "Board meeting: Tuesday 20 October 2026 | Agenda item 3(b)",
                        # "Meeting of 28 January 2014 Agenda item 4 Paper by the Secretariat"
                        r"(?:(?:board|committee|panel|partnership|cabinet|council|group)\s+)?meeting(?:\s+date)?\s*(?::|of|on|held\s+on|,)\s*"
                        r"(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}\b.*)\s*\.?$", re.I)


# a line that names an organisation and nothing else: the publisher above a
# report's title ("HOUSE OF LORDS", "Local Government Association", "Regional
# Assembly of Westmarch", "Scottish Parliament"), not its title
_BODY_ONLY = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?i:house\s+of\s+(?:lords|commons))|"
    r"(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|&)\s+)?){0,5}(?:Association|Assembly|Parliament|Senedd|Government|Commission|"
    r"Agency|Trust|Authority|Ombudsman|Office|Department|Ministry|Inspectorate|Partnership|Board|Panel)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,4})?(?:\s+Cymru)?)$")


# the masthead of the unit that issues a paper, naming no subject: "Internal Audit Service", "Internal Audit
# Report 2026/27", "Audit and Assurance Team", "Internal Audit Final Report"
_ISSUING_UNIT = re.compile(r"(?i)^(?:(?:final|draft)\s+)?(?:internal\s+audit|audit(?:\s+and|\s*&)\s+(?:assurance|risk)|audit\s+services?)(?:\s+and\s+\w+)?"
                          r"(?:\s+(?:final|draft))?(?:\s+(?:service|services|team|section|unit|partnership|report))?"
                          r"(?:\s*[–—-]?\s*(?:\d{4}(?:\s*[/–-]\s*\d{2,4})?|final|draft))?$")


# a line ending in a postcode: an address, not a title
_POSTCODE_END = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$")


# a title run on into the meeting's day and date with no word joining them ("Rolling Action Log and Decision
# Tracker Thursday 21 January 2027"): the title ends before them ("... held on Thursday 17 September 2026" keeps them)
_TITLE_DAY = re.compile(rf"(?<!\bon)(?<!\bof)(?<!\bat)(?<!\bheld)(?<!\bdated)\s*[,–—-]?\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
                        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE})\s+\d{{4}}$")


def _title_alone(t: Optional[str]) -> Optional[str]:
    """The title without the meeting's day and date run on after it."""
    if not t:
        return t
    cut = _TITLE_DAY.sub("", t).strip(" ,;–—-")
    return cut if len(cut.split()) >= 3 else t


_SALUTATION = re.compile(r"^Dear\s+[A-Z]", re.I)
_SIGN_OFF = re.compile(r"^Yours?\s+(?:sincerely|faithfully|truly)\b[,.]?\s*(?P<rest>.*)$", re.I)
_SIGN_TITLE = re.compile(r"\s+(?=(?:Her|His|HM|Senior|Regional|Lead|Chief|Director|Inspector|Head|Manager|Officer|Clerk|"
                         r"Chair(?:man)?|Executive|Deputy|Assistant|Corporate|Interim)\b)")
_PERSON = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof\.?|Sir|Dame|Cllr|Councillor)\s+)?"
                     rf"{name_shapes.WORD}(?:\s+[A-Z]\.?)?(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD}){{1,2}}(?:\s+(?:OBE|MBE|CBE))?$")


def _signatory(texts: list[str]) -> Optional[str]:
    """The name a letter is signed with: the first line after 'Yours
    sincerely' (or on the same line) that is a person's name."""
    for i, t in enumerate(texts):
        m = _SIGN_OFF.match(t.strip())
        if not m:
            continue
        for cand in [m.group("rest")] + texts[i + 1:i + 4]:
            # the name, without the title printed after it on the same line
            cand = _clean(_SIGN_TITLE.split(cand or "", maxsplit=1)[0])
            if cand and _PERSON.match(cand):
                return cand
        return None
    return None


# a letterhead line naming the issuing authority alone: "Hartlemere Council" (a unitary council
# prints no type), "Brackenmoor and Ledwell Combined Fire Authority", "Brackenmoor and Ledwell
# Fire and Rescue Service"
_ISSUER_LINE = re.compile(
    r"(?:[A-Z][a-z'’-]+(?:\s+(?:and|&|upon|on|in)\s+|\s+)){0,4}[A-Z][a-z'’-]+\s+"
    r"(?:Council|(?:Combined\s+)?Fire(?:\s+and\s+Rescue)?\s+(?:Authority|Service)|Combined\s+Authority|"
    r"National\s+Park\s+Authority|Police\s+and\s+Crime\s+Panel)")


# words of a paper's title, never of an issuing authority's name ("COMPLAINTS PROCEDURE ADOPTED BY COUNCIL")
_TITLE_WORDS = {"by", "adopted", "approved", "procedure", "procedures", "policy", "report", "minutes", "agenda", "meeting",
                "plan", "register", "strategy", "annual", "statement", "budget", "standing", "orders", "complaints",
                "summary", "update", "review", "for", "to", "the", "of"}


def _letterhead(t: str) -> bool:
    """A line naming the issuing authority alone ("Hartlemere Council", "CASTLEBROOK COUNCIL",
    "Brackenmoor and Ledwell Combined Fire Authority")."""
    if _ISSUER_LINE.fullmatch(t):
        return True
    if not _mostly_upper(t):
        return False
    name = _titleish(t)
    return bool(_ISSUER_LINE.fullmatch(name)) and not any(w.lower() in _TITLE_WORDS for w in name.split()[:-1])


# "meeting of 3 December 2024", "Partnership meeting, 16 September 2025", "Board meeting: Tuesday 20 October 2026"
_MEETING_OF = re.compile(r"\bmeeting(?:\s+(?:of|on|held\s+on)\s+|\s*[,:]\s*|\s+date\s*[:–-]?\s*)(?:\w+day,?\s+)?", re.I)
_ADOPTED_AT = re.compile(r"\b(?:adopted|approved|agreed|revised|amended)\s+(?:by\s+\w+\s+)?at\s+(?:the\s+|a\s+)?$", re.I)


def _meeting_of_date(lines: list[str]) -> Optional[date]:
    """The date of 'meeting of/on <date>' in the first line that prints one
    ("Action Log – meeting of 3 December 2024", "Paper X – for the meeting of
    16 July 2013"), not the meeting something was adopted at ("Code of
    Conduct Adopted at meeting on 27th March 2017")."""
    for t in lines:
        for m in _MEETING_OF.finditer(t):
            dm = DATE_RE.match(t, m.end())
            if dm and not _ADOPTED_AT.search(t[:m.start()]) and (d := parse_date(dm.group(0))):
                return d
    return None


def _guess_title(doc: Document, head: list[str], meta: dict) -> Optional[str]:
    """First substantial heading that is not the committee, a date, a ref or
    a council name; a line naming the kind of paper printed above that
    heading ('Audit Recommendations Tracker – position at 9 January 2026'
    above a 'Status key' heading) comes first."""
    for i, b in enumerate(doc.blocks[:40]):
        if b.kind == "table":
            continue
        t = _clean(b.text)
        if not t or len(t.split()) < 2 or len(t) > 250:
            continue
        if meta.get("committee") and meta["committee"].lower() in t.lower() and len(t.split()) <= len(meta["committee"].split()) + 5 \
                and not _LOG_KIND.search(t.lower().replace(meta["committee"].lower(), " ")):
            continue
        if (parse_date(t) and len(t.split()) <= 6) or re.fullmatch(rf"(?i)(?:{_MONTH_RE})\s+\d{{4}}", t):
            continue   # ("NOVEMBER 2026" on a cover: the meeting's month)
        named = re.match(r"(?i)^agenda\s+item\s+\d{1,3}[a-z]?\s*[:–—-]\s*(?P<rest>\S.*)$", t)
        if named and len(named.group("rest").split()) >= 2 and not parse_date(named.group("rest")):
            return named.group("rest")   # "Agenda item 4: Committee Action Tracker"
        if re.match(r"^(REPORT\s+(NO|NUMBER)|Appendix\s+[A-Z0-9]+$|Report of|Agenda item|Item\s+\d)", t, re.I) or _REPORT_TO.match(t):
            continue
        if _meeting_details(t):
            continue   # "Governance and Audit Committee – 17 December 2026 – Agenda item 10": the meeting, not the paper
        itemless = re.sub(r"(?i)[\s,–—|-]*(?:agenda\s+)?item\s+\d{1,3}[a-z]?$", "", t)
        if itemless != t and _BODY_ONLY.match(_titleish(itemless)):
            continue   # a masthead: "Loxwell Safeguarding Adults Board Item 3"
        if _ISSUING_UNIT.match(t) or _POSTCODE_END.search(t) or (re.match(r"(?i)cyngor\b", t) and COUNCIL_RE.search(t)):
            # the unit that issues the paper, over its subject ("Internal Audit Service", "Internal Audit Report
            # 2026/27"); its address ("Care Inspectorate Wales CF48 1UZ"); a council's name in Welsh and English
            continue
        if COUNCIL_RE.fullmatch(t) or COUNCIL_RE.fullmatch(_titleish(t)) or _NOT_TITLE.match(t) or \
                _letterhead(t) or (meta.get("committee") and t.lower() == meta["committee"].lower()) or \
                (_BODY_ONLY.match(_titleish(t)) and not _PAPER_KIND.search(t)):
            continue
        if b.kind == "paragraph" and _cover_title_line(doc, i, t):
            return t   # "Making Active Travel Work for Ketterby: Executive response to the ... review" set plain on the cover
        if b.kind == "heading" or _mostly_upper(t) or re.match(r"^(Inspection of|Progress report|Focused visit to)", t, re.I):
            above = _kind_line(doc.blocks[:i])
            if above and _LOG_KIND.search(above):
                return above
            bigger = _bigger_cover_heading(doc, i, meta)
            if bigger is not None:
                return bigger
            sub = _subtitle(doc, i, t)
            if sub:
                return sub
            if _KIND_ONLY.fullmatch(t) and i and (lead := _clean(doc.blocks[i - 1].text)) and doc.blocks[i - 1].kind != "table" \
                    and 2 <= len(lead.split()) <= 16 and not lead.endswith((".", ":")) and not COUNCIL_RE.fullmatch(lead) \
                    and not _NOT_TITLE.match(lead) and not parse_date(lead):
                return f"{lead} {t}"   # "SEND Strategy 2017–2020" over "Consultation Report": one title
            nxt = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
            if nxt is not None and nxt.kind == "heading" and nxt.page == b.page and _KIND_ONLY.fullmatch(_clean(nxt.text)) \
                    and not _STATUS_ONLY.fullmatch(_clean(nxt.text)) \
                    and len(nxt.text.split()) >= 2 and not t.endswith((".", ":")) and len(t.split()) <= 16:
                return f"{t} {_clean(nxt.text)}"   # both set as headings: the same title on two lines
            return t
    # no heading: a short opening line that names the kind of paper
    # ("Transparency Board Action Log as 19 July 2011", "Status update on actions")
    return _kind_line(doc.blocks[:8])


# a version line set under a title: "FINAL REPORT", "Draft report", "Final"
_STATUS_ONLY = re.compile(r"(?i)(?:final|draft|interim)(?:\s+(?:report|version))?")


def _cover_title_line(doc: Document, i: int, t: str) -> bool:
    """A plain line on the cover, before the report's first numbered
    section, that names the paper: five to thirty words, a paper's kind
    among them, no closing full stop ("Making Active Travel Work for
    Ketterby: Executive response to the ... review")."""
    if i >= 12 or not 5 <= len(t.split()) <= 30 or t.endswith((".", ";", ",")) or not _PAPER_KIND.search(t):
        return False
    if re.match(r"(?i)^(?:this|the\s+(?:committee|council|cabinet|board)|that|to|from|report\s+(?:of|by|to)|author|date)\b", t) or \
            _LABEL.match(t) or re.match(r"^[A-Z][\w ]{0,30}?\s*:\s", t) and _LABEL.match(t.split(":")[0] + ": -") or \
            re.search(r"(?i)\b(?:final|draft)\s*$|\bdate\s+of\b", t) or DATE_RE.search(t):
        return False   # a cover label's line ("Report author: ..."), a version line, the meeting's details
    nxt = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
    if nxt is not None and nxt.kind == "heading" and _KIND_ONLY.fullmatch(_clean(nxt.text)):
        return False   # "SEND Strategy 2017–2020" over the heading "Consultation Report": the two are one title
    before = doc.blocks[:i]
    return not any(b.kind == "heading" and re.match(r"^\d{1,2}\.?\s+[A-Z]", _clean(b.text)) for b in before) and \
        not any(b.kind == "paragraph" and len(b.text.split()) > 12 for b in before)


def _subtitle(doc: Document, i: int, t: str) -> Optional[str]:
    """A cover's title and the subtitle set under it as one title: "A place
    to wait, not a place to live:" over "temporary accommodation in
    Ardloch"; "Caring in Tollemarsh" over "Carers' Strategic Needs
    Assessment 2026" (the subtitle names the kind of paper)."""
    nxt = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
    b = doc.blocks[i]
    if nxt is None or nxt.kind != "heading" or nxt.page != b.page or len(t.split()) > 12:
        return None
    n = _clean(nxt.text)
    if not 2 <= len(n.split()) <= 14 or n.endswith(".") or parse_date(n) or _NOT_TITLE.match(n) or \
            re.match(r"^\d", n) or COUNCIL_RE.fullmatch(n) or _STATUS_ONLY.fullmatch(n):
        return None
    if b.text.strip().endswith(":"):
        return f"{t.rstrip(':')}: {n}"
    if _KIND_ONLY.search(n) and not _KIND_ONLY.fullmatch(n) and n[:1].isupper() and not _PAPER_KIND.search(t):
        return f"{t}: {n}"
    return None


def _meeting_details(t: str) -> bool:
    """A line of the meeting's details, not the paper's title ("Audit Committee – 14 January 2027 –
    Agenda item 7 – Appendix A"; not "Action Log – 14 January 2027": a kind of paper)."""
    bare = re.sub(r"(?i)(?:\s*[–—|,-]\s*|\s+)(?:(?:agenda\s+)?item\s+\d{1,3}[a-z]?|appendix\s+[A-Z0-9]{1,3})\b", "", t)
    return bool(_MEETING_LINE.match(t)) and not _LOG_KIND.search(bare) and not _PAPER_KIND.search(bare)


# a line of meeting details: "<Body> – 17 December 2026 – Agenda item 10", "<Body>, 26 November 2026"
_MEETING_LINE = re.compile(rf"^[A-Z][\w’'&,() -]{{2,80}}?(?:\s*(?:[–—-]|,|:)\s*|\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))(?:[A-Z][a-z]+day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+"
                           rf"(?:{_MONTH_RE})\s+\d{{4}}(?:(?:\s*[–—|,-]\s*|\s+)(?:(?:agenda\s+)?item\s+\d{{1,3}}[a-z]?|appendix\s+[A-Z0-9]{{1,3}}))*$", re.I)


# a heading that only names the kind of paper: the line above it says what about
_KIND_ONLY = re.compile(r"(?i)(?:consultation|annual|progress|final|interim|summary|evaluation|inspection|needs\s+assessment|"
                        r"review)?\s*(?:report|summary|assessment|review|findings|plan|strategy|update|briefing)")


def _bigger_cover_heading(doc: Document, i: int, meta: dict) -> Optional[str]:
    """On a cover, a heading set larger than the first candidate (a series
    line such as 'Kestrelford Joint Strategic Needs Assessment 2016' above
    the title 'Vulnerable Children and Looked After Children') is the title."""
    first = doc.blocks[i]
    if not first.level or first.level == 1 or _mostly_upper(_clean(first.text)):
        return None   # (a heading in capitals is the title whatever its size: "COMPLAINTS PROCEDURE")
    for b in doc.blocks[i + 1:i + 6]:
        if b.kind != "heading":
            if b.kind == "table" or len(b.text.split()) > 20:
                break
            continue
        if b.page != first.page:
            break
        t = _clean(b.text)
        if b.level and b.level < first.level and len(t.split()) >= 3 and not COUNCIL_RE.fullmatch(t) \
                and not _NOT_TITLE.match(t) and not parse_date(t) and not re.match(r"(?i)contents\b", t) \
                and not _BODY_ONLY.match(_titleish(t)) and not re.search(r"(?i)\b(?:institute|centre|house|hall)$", t):
            return t
    return None


# kinds of paper whose name line is the title even above a heading (a log's "Status key",
# an agenda's "Meeting details"); a report's kind line ("Local area partnership report") is not
_LOG_KIND = re.compile(r"\b(?:action\s+log|tracker|action\s+plan|status\s+update|agenda|terms\s+of\s+reference)\b", re.I)


def _kind_line(blocks: list) -> Optional[str]:
    """A short line among the paper's first five that names the kind of paper."""
    for b in [b for b in blocks if b.kind not in ("table", "heading")][:5]:
        t = _clean(b.text)
        if 3 <= len(t.split()) <= 16 and t[:1].isupper() and _PAPER_KIND.search(t) and not _NOT_TITLE.match(t) \
                and not t.endswith((".", ":")) and not _meeting_details(t) \
                and not _LABEL.match(t) and not re.match(r"^(?:Agenda\s+item|Report\s+(?:of|to|by))\b", t, re.I):
            return t
    return None


_PAPER_KIND = re.compile(r"\b(?:action\s+log|action\s+plan|progress\s+report|status\s+update|update\s+on|minutes|tracker|"
                         r"report|review|strategy|assessment|agenda|terms\s+of\s+reference|briefing|plan)\b", re.I)


def _council(doc: Document, texts: list[str]) -> Optional[str]:
    """The council the paper names most often (furniture and cover count
    double: letterheads and running headers name the publisher)."""
    counts: Counter = Counter()
    first_seen: dict[str, int] = {}
    sources = [(t, 2) for t in doc.furniture] + [(t, 2 if i < 15 else 1) for i, t in enumerate(texts)]
    for i, (t, weight) in enumerate(sources):
        for m in COUNCIL_RE.finditer(t if not _mostly_upper(t) else _titleish(t)):
            words = m.group("name").split()
            while words and (words[0] in _NOT_NAME or words[0] in _ROLE_LEAD or words[0] in _LEAD_NOISE
                             or (words[0] in {"of", "the"})):
                words = words[1:]
            if "and" in words:  # "West Sussex and West Sussex County Council"
                k = words.index("and")
                if words[k + 1:k + 2] == words[:1]:
                    words = words[k + 1:]
            if not words or any(w in _NOT_NAME for w in words):
                continue
            name = f"{' '.join(words)} {m.group('type')} Council"
            counts[name] += weight
            first_seen.setdefault(name, i)
    for name in _local_authority_cells(doc):
        # inspection reports' details table: "Local authority | Herefordshire Council"
        counts[name] += 10
        first_seen.setdefault(name, 0)
    for i, t in enumerate(texts[:40]):
        for n in _borough_names(t):
            counts[n] += 3 if i < 12 else 1
            first_seen.setdefault(n, i)
    for t in texts[:10]:
        m = re.match(r"^(?:Inspection of|Focused visit to|Joint targeted area inspection of) (.+?) (?:local authority )?children", t, re.I)
        if m:
            place = m.group(1).strip()
            named = [n for n in counts if place.lower() in n.lower()]
            if named:   # the inspected authority's full name is printed too
                for n in named:
                    # from the place on: "Mr Andy Smith Derby City Council" -> "Derby City Council"
                    k = n.lower().find(place.lower())
                    full = n[k:] if k > 0 and not n.lower().startswith(("london borough", "royal borough", "council of")) else n
                    counts[full] += counts.pop(n) + 5 if full != n else 5
                    first_seen[full] = min(first_seen.get(full, 0), first_seen.get(n, 0))
                continue
            # the letter's address block names the council after the place:
            # "Haringey Council", "Cheshire East Council", "East Riding of Yorkshire Council"
            if place.endswith(" Council"):
                full = place
            else:
                plain = re.compile(rf"\b{re.escape(place)}(?:\s+(?:of|and|upon|on)\s+[A-Z][\w'’-]+)*\s+Council\b")
                full = next((m.group(0) for t in texts[:15] for m in [plain.search(t)] if m), None)
            if full:
                counts[full] += 5
                first_seen.setdefault(full, 0)
            # a place alone ("Focused visit to Leeds children's services") is not
            # the council's name: the labelling guide leaves council null then
    for t in texts[:60]:
        # a partnership's paper names the council that hosts it: "... produced by the Performance Unit,
        # hosted by Tarnside Council", "Tarnside Council hosts the Partnership"
        for m in re.finditer(r"\bhosted\s+by\s+(?:the\s+)?([A-Z][\w'’ -]{2,60}?\bCouncil)\b|"
                             r"\b([A-Z][\w'’ -]{2,60}?\bCouncil),?\s+(?:which\s+)?hosts\b", t):
            host = " ".join((m.group(1) or m.group(2)).split())
            if not any(w in _NOT_NAME for w in host.split()[:-1]):
                counts[host] += 20
                first_seen.setdefault(host, 0)
    # a letterhead naming the authority alone, as the first line: "Hartlemere Council",
    # "Brackenmoor and Ledwell Combined Fire Authority"
    first = [_clean(b.text) for b in doc.blocks[:3] if b.kind != "table"][:2]
    issuer = next((_titleish(t) if _mostly_upper(t) else t for t in first
                   if _letterhead(t) and not re.search(r"\bService$", t)), None)
    if not counts or issuer:
        # (an authority that is not a council heads its own paper: the councils its body
        # names are partners, "Marsh Vale District Council")
        return issuer
    own = _own_acronym(texts + list(doc.furniture))
    if own:
        # the paper abbreviates its own council throughout ("KCC", "WSCC"): a
        # named council with other initials is a partner or neighbour
        # ("Leader of Tonbridge & Malling Borough Council"), not the paper's
        matching = [n for n in counts if _initials(n) == own]
        if not matching:
            # two councils abbreviated, the other more often ("MCC" for the
            # county, "TCC" for the community council whose minutes these
            # are): a named council whose own initials the paper also uses
            used = Counter(m.group(1) for t in texts + list(doc.furniture) for m in _ACRONYM_RE.finditer(t))
            matching = [n for n in counts if used[_initials(n)] >= 2]
        if not matching:
            return None
        counts = Counter({n: counts[n] for n in matching})
    return max(counts, key=lambda n: (counts[n], -first_seen[n]))


_W = r"[A-Z][\w'’-]*"
_LA_NAME = re.compile(rf"(?:{_W}\s+)(?:(?:and|&|of|upon|on|the)\s+|{_W}\s+){{0,5}}Council|"
                      rf"(?:London|Royal)\s+Borough\s+of\s+{_W}(?:\s+(?:(?:and|&|upon|on)\s+)?{_W}){{0,3}}|"
                      rf"Council\s+of\s+the\s+{_W}(?:\s+(?:of\s+)?{_W}){{0,3}}")


def _local_authority_cells(doc: Document) -> list[str]:
    """Council names printed under a 'Local authority' (or 'Council') table
    heading, as in Ofsted's 'Local area partnership details': the cell below
    the heading or beside it, when its first line is a council's name ('...
    Council', 'London Borough of ...', 'Council of the ...')."""
    out = []
    for b in doc.blocks:
        rows = b.table.rows if b.kind == "table" and b.table else []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if not re.fullmatch(r"(?:the\s+)?(?:local\s+authority|council)\s*:?", cell.text.strip(), re.I):
                    continue
                below = rows[r + 1][c].text if r + 1 < len(rows) and c < len(rows[r + 1]) else ""
                beside = row[c + 1].text if c + 1 < len(row) else ""
                for value in (below, beside):
                    first = _clean(value.strip().split("\n")[0]) if value.strip() else ""
                    if _LA_NAME.fullmatch(first) and not BODY_WORDS.fullmatch(first):
                        out.append(first)
                        break
    return out


# councils whose official name is not "<Place> <type> Council"
_BOROUGH_OF = re.compile(r"\b(?:London|Royal)\s+Borough\s+of\s+|\bCouncil\s+of\s+the\s+(?=Isles\s+of\s+Scilly)")
_NAME_STOP = {"Council", "Children", "Children's", "Childrens", "Director", "Services", "Service", "Local", "Inspection",
              "Ofsted", "Report", "Cabinet", "Committee", "Social", "Care", "Education", "Dear", "The", "This"}


def _borough_names(text: str) -> list[str]:
    """'London Borough of Camden', 'Royal Borough of Kensington and
    Chelsea', 'London Borough of Richmond upon Thames', 'Council of the
    Isles of Scilly' as printed in a line: the place's capitalised words,
    with 'and' / '&' / 'upon' / 'of' between them, up to a word that is not
    part of a place name."""
    out = []
    for m in _BOROUGH_OF.finditer(text):
        words = text[m.end():].split()
        place: list[str] = []
        i = 0
        while i < len(words) and len(place) < 5:
            w = words[i].strip(",.;:()")
            if w in {"and", "&", "upon", "of"} and place and i + 1 < len(words) and words[i + 1][:1].isupper():
                place.append(w)
            elif w[:1].isupper() and w not in _NAME_STOP and w.isalpha():
                place.append(w)
            else:
                break
            if words[i] != w:   # punctuation ends the name
                break
            i += 1
        if place and place[-1] not in {"and", "&", "upon", "of"}:
            out.append(" ".join(text[m.start():m.end()].split()) + " " + " ".join(place))
    return out

_ACRONYM_RE = re.compile(r"\b([A-Z]{1,4}(?:CC|BC|DC|PC|TC))\b")
_GLUE = {"and", "&", "of", "upon", "on", "under", "le", "in", "by", "the", "with"}


def _initials(name: str) -> str:
    """'Tonbridge & Malling Borough Council' -> 'TMBC'."""
    return "".join(w[0].upper() for w in name.split() if w.lower() not in _GLUE and w[:1].isalpha())


def _own_acronym(texts: list[str]) -> Optional[str]:
    """A council-style acronym (KCC, WSCC, TMBC, SDC) the paper uses at
    least three times and more than any other: how a council's own papers
    abbreviate it. None when there is no clear one."""
    counts = Counter(m.group(1) for t in texts for m in _ACRONYM_RE.finditer(t))
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    if n < 3 or (rest and rest[0][1] == n):
        return None
    return top


def _normalise_council(s: str) -> Optional[str]:
    words = s.split()
    # drop leading lower-case glue words and sentence-start words
    while words and (words[0].lower() in {"the", "of", "and", "on", "upon"} or words[0] in {"Dear", "Our", "Your", "Thank", "To", "From"}):
        words = words[1:]
    if len(words) < 3:
        return None
    return " ".join(words)
