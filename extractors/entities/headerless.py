"""Action logs printed without column names over their rows.

Two layouts of the same genre (a board's or panel's action log, an action
tracker set out by meeting or theme):

* the log is cut into one table per meeting or theme under headings, and
  the column names are printed once, over the first part or in a row of
  their own above them all (`header_source` / `shared_header`);
* the log prints no column names at all: "1 | Secretariat to circulate the
  terms of reference | Secretariat | Complete" under "Meeting of 12 March
  2013" (`named_from_cells`). The roles are read from what the cells hold,
  as a reader does: a column of steps ("<who> to <do>", an imperative), a
  column of who acts (initials, names, offices), a column of dates, a short
  ref column and the status or progress beside them.

Each returns a Table whose `names` carry the column names and whose rows
are all body rows, so locators keep the table's own row numbers.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors.entities import minutes
from extractors.entities.action_plans import CELL_LABEL, OFFICES, without_dates
from extractors.entities.columns import classify_columns, is_action_plan
from extractors.entities.owners import is_person, subject_owner
from extractors.entities.timescales.cells import parse_timescales
from extractors.entities.timescales.sentences import _IMPERATIVE
from extractors.model import Table


def _text(row, c: int) -> str:
    return " ".join(row[c].text.split()) if c < len(row) else ""


def _first_row(table: Table) -> list[str]:
    return [" ".join(c.text.split()) for c in table.rows[0]] if table.rows else []


def _own_roles(table: Table) -> dict:
    """The roles the table's own first row names, when it reads as column
    names (every cell five words or fewer)."""
    own = table.header if table.header_rows else _first_row(table)
    if not table.header_rows and not all(len(t.split()) <= 5 for t in own):
        return {}
    return classify_columns(own) if own else {}


def header_source(table: Table) -> Optional[list[str]]:
    """The column names of an action log that later tables of the same log
    may print without: the table's header when it names a column of actions
    or recommendations beside who, when or progress, or the one row of a
    table holding nothing else (the names set out above the parts)."""
    names = table.header
    if not names and len(table.rows) == 1:
        names = _first_row(table)
    roles = classify_columns(names) if names else {}
    return names if ("action" in roles or "rec" in roles) and is_action_plan(roles) else None


def _body(table: Table) -> list:
    return [r for r in table.rows if any(c.text.strip() for c in r)]


def shared_header(table: Table, names: list[str]) -> Optional[Table]:
    """A later part of a log whose column names were printed once (see the
    module docstring): the same number of columns, no header of its own, and
    an item column that holds text (four words a row or more), as the log's
    does. None when the table is not such a part."""
    if table.n_cols != len(names) or len(names) < 2:
        return None
    own = _own_roles(table)
    if "action" in own or "rec" in own:
        return None
    roles = classify_columns(names)
    item = (roles.get("action") or roles.get("rec"))[0]
    rows = _body(table)
    if not rows or sum(len(_text(r, item).split()) for r in rows) < 4 * len(rows):
        return None
    return Table(rows=table.rows, header_rows=0, pages=table.pages, names=list(names))


# who acts, as a log's owner column prints it: initials ("HS", "JS/TR"), a titled or
# full name, an office or team
_INITIALS = re.compile(r"[A-Z]{2,4}(?:\s*(?:[/,&]|and)\s*[A-Z]{2,4})*")
_NOT_INITIALS = {"ASAP", "TBC", "TBA", "TBD", "NA", "ALL", "NONE"}   # a when or a status in capitals
_OFFICE_WORDS = OFFICES | {"officials", "group", "department", "unit", "service", "council"}
_STATUS = re.compile(r"(?i)^(?:complete[d]?|closed?|open|ongoing|on[\s-]?going|done|in\s+progress|on\s+track|"
                     r"not\s+started|outstanding|superseded|overdue|delayed|red|amber|green|n/?a|tbc)\b")
_REF = re.compile(r"[A-Za-z]{0,5}\s*[-.]?\s*\d{1,4}(?:\.\d{1,3})*[a-z]?[.)]?")


def _who(t: str) -> bool:
    if not t or len(t.split()) > 6 or _STATUS.match(t):
        return False
    if (_INITIALS.fullmatch(t) and t not in _NOT_INITIALS) or minutes.PERSON.match(t) or is_person(t):
        return True
    # an office or team named as a noun phrase ("All members", "BIS officials"), not a
    # status note that mentions one ("Secretariat chased", "With the team since June")
    words = re.findall(r"[A-Za-z-]+", t)
    return bool({w.lower() for w in words} & _OFFICE_WORDS) and not re.search(r"\d", t) and len(words) <= 5 \
        and not any(re.search(r"(?:ed|ing)$", w) and w.lower() not in _OFFICE_WORDS for w in words) \
        and not any(w.lower() in ("with", "to", "by", "from", "see", "awaiting", "sent", "done") for w in words)


def _step(t: str) -> bool:
    return len(t.split()) >= 4 and bool(subject_owner(t) or minutes.undertaking(t) or _IMPERATIVE.match(t))


def _dated(t: str) -> bool:
    t = CELL_LABEL.sub(" ", t).strip()   # "Owner: HS Deadline: July 2013": the labels are not words of the cell
    return bool(t) and len(t.split()) <= 6 and bool(parse_timescales(t, None)) and not _STATUS.match(t)


# what a minute's text says when it records a step someone is to take
_AGREED = re.compile(r"(?i)\b(?:agreed|will|would|to\s+(?:write|send|circulate|arrange|provide|prepare|draft|share|"
                     r"contact|raise|seek|report|review|update|confirm|check|follow)|asked|requested|undertook|action)\b")


def _minute_with_who(table: Table, filled: dict, words: dict) -> Optional[Table]:
    """Minutes set out as a table with no column names: what was said on
    the left, and on the right, on the rows that gave someone a step, who
    takes it ("The group agreed to write to OS. | TR"). Named as 'Minute |
    Action', which the plan reader reads as who acts beside what was said."""
    n = table.n_cols
    who = n - 1
    text = max(range(who), key=lambda c: (words[c], -c), default=None)
    if text is None or not filled[who] or words[text] < 6:
        return None
    if sum(map(_who, filled[who])) < 0.8 * len(filled[who]):
        return None
    said = [_text(r, text) for r in _body(table) if _text(r, who)]
    if sum(bool(_AGREED.search(t)) for t in said) < 0.5 * len(said):
        return None
    names = [""] * n
    names[text], names[who] = "Minute", "Action"
    return Table(rows=table.rows, header_rows=0, pages=table.pages, names=names)


def _items_beside_who_and_when(filled: dict, words: dict, n_rows: int) -> list[int]:
    """A log whose items are not written as steps ('Letter to the Minister
    on address data | HS | July 2013'): with a column of who acts and a
    column of dates beside it (most cells each), the widest other column,
    three words a row or more, holds the items."""
    who = [c for c, v in filled.items() if v and len(v) >= 0.6 * n_rows and sum(map(_who, v)) >= 0.6 * len(v)]
    when = [c for c, v in filled.items() if v and len(v) >= 0.6 * n_rows and sum(map(_dated, v)) >= 0.6 * len(v)
            and c not in who]
    if not who or not when:
        return []
    rest = [c for c in filled if c not in who and c not in when and words[c] >= 3]
    return [max(rest, key=lambda c: (words[c], -c))] if rest else []


def named_from_cells(table: Table) -> Optional[Table]:
    """A log printed with no column names (see the module docstring): the
    widest column of steps (half its rows or more read as "<who> to <do>",
    an undertaking or an imperative) is the action, and with it at least a
    column of who acts (most of its filled cells) or of dates. A short
    numbered column before the steps is the ref; a column of status words
    or text after them the progress. None for any other table, and for one
    whose first row names columns."""
    n = table.n_cols
    rows = _body(table)
    if n < 2 or len(rows) < 1 or _own_roles(table):
        return None
    if table.header_rows and sum(bool(re.search(r"[A-Za-z]", h)) for h in table.header) >= 2:
        return None   # column names of its own, not a log's ("Revision | Date | Author | Notes")
    cols = {c: [_text(r, c) for r in rows] for c in range(n)}
    filled = {c: [t for t in v if t] for c, v in cols.items()}
    words = {c: sum(len(t.split()) for t in v) / len(rows) for c, v in cols.items()}
    steps = [c for c in range(n) if filled[c] and sum(map(_step, filled[c])) >= 0.5 * len(rows)]
    if not steps:
        steps = _items_beside_who_and_when(filled, words, len(rows))
    if not steps:
        return _minute_with_who(table, filled, words)
    act = max(steps, key=lambda c: (words[c], -c))
    names = [""] * n
    names[act] = "Action"
    roles = {}
    # who acts: the column most of whose filled cells name someone
    share = {c: sum(map(_who, filled[c])) / len(filled[c]) for c in range(n) if c != act and filled[c]}
    best = max(share, key=lambda c: (share[c], -c), default=None)
    if best is not None and share[best] >= 0.6:
        roles["owner"] = best
    for c in range(n):
        vals = filled[c]
        if c == act or not vals or c == roles.get("owner"):
            continue
        if "owner" not in roles and "due" not in roles and sum(map(_dated, vals)) >= 0.5 * len(vals) \
                and sum(_who(without_dates(t, None)) for t in vals) >= 0.6 * len(vals):
            roles["owner"] = roles["due"] = c   # "Secretariat – end of July 2013": who and when in one
        elif sum(map(_dated, vals)) >= 0.5 * len(vals) and "due" not in roles:
            roles["due"] = c
        elif c < act and all(len(t) <= 8 and _REF.fullmatch(t) for t in vals) and "ref" not in roles:
            roles["ref"] = c
        elif c > act and "progress" not in roles:
            roles["progress"] = c
    if "owner" not in roles and "due" not in roles:
        return None
    for key, name in (("owner", "Owner"), ("due", "Deadline"), ("ref", "Ref"), ("progress", "Progress")):
        if key in roles:
            names[roles[key]] = name
    if roles.get("owner") is not None and roles.get("owner") == roles.get("due"):
        names[roles["owner"]] = "Owner / Deadline"
    return Table(rows=table.rows, header_rows=0, pages=table.pages, names=names)


def plain_header(table: Table) -> Optional[Table]:
    """A table whose column names are printed as its first row in plain type
    (no bold, no shading, so the loader took no header): the first row names
    an action plan's columns ("Ref | Risk | Risk owner | Mitigating actions
    (owner, target date)") -> the table with that row as its header."""
    if table.header_rows or len(table.rows) < 2:
        return None
    roles = _own_roles(table)
    if not roles or not is_action_plan(roles):   # (an action plan has an item column)
        return None
    return Table(rows=table.rows, header_rows=1, pages=table.pages)
