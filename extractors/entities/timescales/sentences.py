"""Due dates in narrative: `find_due_dates_in_sentence` keeps only the
candidates (cells.py) an action's or a recommendation's text introduces as
due, planned or recurring -- by the cue words before a date, the tense of
its clause (future / past markers, relative pronouns, imperatives), brackets
and headings -- and drops past events, start dates and frequencies used as
adjectives ("annual report")."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from extractors.entities.timescales.cells import _PREFIX, _STRONG, _WEAK, _candidates, _extend_prefix, _make, _select
from extractors.entities.timescales.spans import ParsedTimescale, _Cand
from extractors.vocabulary import MEETING_BODY

_I = re.I

_MEDIUM = re.compile(r"(?:\s[\-–—]|:)\s*$")
_REJECT = re.compile(
    r"(?<![A-Za-z])(?:since|as\s+(?:at|of)|after|post|between|ytd|year\s+to\s+date|"
    r"(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|commenc(?:e|es|ed|ing))\s+(?:(?:from|in|on|at|during|with)\s+)?)"
    r"\s*(?:the\s+)?$", _I)
_FUTURE = re.compile(
    r"(?<![A-Za-z])(?:will|shall|going\s+to|to\s+be|is\s+due|are\s+due|due\s+to|plan(?:s|ned)?|scheduled|"
    r"expected|anticipated|intend(?:s|ed)?|aim(?:s|ing)?|propos(?:e|es|ed)|should|must|needs?\s+to|next|"
    r"forthcoming|upcoming|would|"
    # what someone was asked or agreed to do: "Members were asked to send examples by 30 June"
    r"(?:asked|requested|invited|tasked|agreed|undertook|offered|volunteered)\s+to|"
    r"to\s+(?:complete|deliver|finish|launch|implement|conclude|report|take\s+place|go\s+live|start|commence|"
    r"submit|present|publish|review|hold|agree|consider|meet|run|roll\s+out|be))(?![A-Za-z])|'ll\b", _I)
_PAST = re.compile(
    r"(?<![A-Za-z])(?:was|were|had|has\s+been|have\s+been|took\s+place|did|ago|previously|since|already|"
    r"recently|held\s+on|met\s+on|took|currently|at\s+present|to\s+date|so\s+far)(?![A-Za-z])", _I)
_IMPERATIVE = re.compile(
    r"^\W*(?:to\s+)?(?:review|implement|develop|ensure|establish|deliver|complete|undertake|introduce|launch|produce|"
    r"agree|hold|provide|create|commission|publish|update|carry\s+out|present|report|submit|roll\s+out|continue|"
    r"embed|consult|conduct|prepare|monitor|recruit|appoint|set\s+up|extend|improve|finalise|approve|deliver|"
    r"refresh|revise|procure|award|bring|design|pilot|evaluate|identify|agree|arrange|deploy|migrate|achieve|"
    r"reduce|increase|move|transfer|open|close|build|construct|adopt|secure|begin|take|send|write|seek|return)(?![A-Za-z])", _I)
# a list item's label before an imperative: "(ii) take the final masterplan to Cabinet in June 2026"
_ITEM_LABEL = re.compile(r"^\W*(?:\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])[.)]\s*)", _I)
# a resolution: "That the Committee receives a further progress report at its meeting in July 2026"
# an action line that gives someone a step: "NC to arrange a development session ...", "Clerk to circulate ..."
_ASSIGNED = re.compile(r"^\W*(?![A-Z][a-z]+ing\b)(?:[A-Z][\w&'’./-]*\s+){1,6}to\s+(?!be\b)[a-z]{2,}\b")
# ... unless the date belongs to something done or held: "following the meeting held in September"
_DONE_BEFORE = re.compile(r"(?i)\b(?:held|following|after|previous|last)\b|\b[a-z]+ed\s+(?:in|on|at|during)\s*$")
_RESOLUTION = re.compile(r"^\W*that\s+(?:the\s+)?(?:[A-Za-z’'-]+\s+){0,5}?(?:receives?|agrees?|approves?|notes?|asks?|"
                         r"requests?|endorses?|delegates?|considers?|instructs?|"
                         # what the resolution asks of someone, in the subjunctive: "That the Director report
                         # progress to the meeting on 17 March", "That the update be considered at the meeting on ..."
                         r"reports?|brings?|provides?|presents?|submits?|circulates?|writes?|prepares?|returns?|"
                         r"be\s+(?:reported|considered|presented|brought|submitted|circulated|reviewed|published))(?![A-Za-z])", _I)
# a thing named by the day it was done: "the report published on 5th February", "the policy agreed in May
# 2024", "the letter dated 3 March" (not "to be published in March", "will be agreed in June")
_DATED_EVENT = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:published|agreed|approved|issued|dated|received|adopted|signed|"
                          r"submitted|presented|circulated|considered|endorsed|made)\s+(?:on|in)\s*$", _I)
_CLAUSE_BREAK = re.compile(r"[.!?;](?=\s)|[\n\t•]")
_NUMBER_BEFORE = re.compile(r"\d\s*%?\s*\(?\s*$")
_METRIC_PAREN = re.compile(r"\d\s*%?(?:\s+[A-Za-z]+)?\s*\(\s*$")
_FRONTED = re.compile(r"^\W*(?:(?:in|on|during|at|from|over|throughout)\s+)?(?:the\s+)?$", _I)
_RELPRON = re.compile(r"(?<![A-Za-z])(?:who|whom|whose|which|that|where|because|although|though|whereas)(?![A-Za-z])", _I)
_SUBCLAUSE = re.compile(r"(?<![A-Za-z])(?:that|which|who|where|when|because|and|but|while|whilst|as)(?![A-Za-z])", _I)
_PERIOD_TO = re.compile(r"\s*(?:to|until|till|through|[\-–—])\s*(?:the\s+)?(?:end\s+of\s+)?[A-Za-z0-9]", _I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# a meeting a thing is put to, before its date: "at the meeting on", "to its meeting of", "for the Board meeting in"
_AT_MEETING = re.compile(r"\b(?:at|to|for|before)\s+(?:the|its|their|a)\s+(?:[\w’'-]+\s+){0,3}meeting\s+(?:on|of|in)\s*$", _I)
_FUNCTION_WORDS = {"and", "with", "to", "in", "for", "until", "at", "as", "but", "or", "through", "across",
                   "throughout", "by", "from", "of", "via", "while", "whilst", "where", "which", "within", "into",
                   "on", "during", "alongside", "including", "so", "the", "this", "these", "is", "are", "will"}
_COORD = re.compile(r"^\s*(?:,|and|or|&|to|until|till|–|-|/|and\s*/\s*or|through)?\s*(?:(?:by|in|then)\s+)?(?:the\s+)?$", _I)
_LIST_OF_FREQ = re.compile(r"^\s*(?:,|and|or|&|/)\s*(?:and\s+)?$", _I)


def _clause_start(text: str, pos: int) -> int:
    s = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        s = m.end()
    return s


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos)
    return m.start() if m else len(text)


def _nearest_marker(seg: str) -> Optional[str]:
    """'future' / 'past' for the last tense marker in seg, else None."""
    f = p = -1
    for m in _FUTURE.finditer(seg):
        f = m.end()
    for m in _PAST.finditer(seg):
        p = m.end()
    if f < 0 and p < 0:
        return None
    return "future" if f > p else "past"


def _governing_marker(seg: str) -> Optional[str]:
    """Tense of the clause a date sits in: the last marker after the last
    relative pronoun ("staff who took up post during the Summer" is past
    even after "will support")."""
    cut = None
    for m in _RELPRON.finditer(seg):
        cut = m.end()
    return _nearest_marker(seg[cut:] if cut is not None else seg)


def _first_marker(seg: str) -> Optional[str]:
    f = _FUTURE.search(seg)
    p = _PAST.search(seg)
    if not f and not p:
        return None
    if f and (not p or f.start() < p.start()):
        return "future"
    return "past"


# the new date a meeting or a tracker sets: "a revised milestone of", "the revised target dates for action 1.4 (",
# "is extended to", "be deferred to", "move the target date for the roll-out to"
_REVISED_DATE = re.compile(r"(?i)\b(?:revised|new|amended|extended|updated)\s+(?:\w+\s+){0,2}(?:dates?|deadlines?|timescales?|milestones?)\b"
                           r"(?:\s+(?:of|for|to|is|are|be))?[^.;]{0,60}$|"
                           r"\b(?:deferred|extended|moved|postponed|put\s+back|rescheduled|delayed)\s+(?:(?:un)?to|until)\s+(?:the\s+)?$|"
                           r"\b(?:move|moves|moving|change|changes|extend|extends)\s+(?:the\s+)?(?:target\s+|completion\s+|due\s+)?"
                           r"(?:date|deadline|timescale)\b[^.;]{0,80}\bto\s+$")


def _accept_date(text: str, c: _Cand, prev_accepted_end: Optional[int], anchor: Optional[date],
                 starts: bool = False) -> bool:
    cs = _clause_start(text, c.start)
    left = text[cs:c.start]
    # text before any "end of" / "mid-" modifier
    pm = _PREFIX.search(left)
    core_left = left[:pm.start()] if pm else left
    pre_words = (pm.group(0) if pm else "").lower()
    if prev_accepted_end is not None and prev_accepted_end >= cs and _COORD.match(text[prev_accepted_end:c.start]):
        return True
    if c.bare_year and (re.search(r"(?<![A-Za-z])from\s*$", left, _I)
                        or not (_STRONG.search(left) or re.search(r"\b(?:by|before|until|end\s+of)\b", pre_words)
                                or _WEAK.search(left))):
        return False
    if _REJECT.search(core_left):
        return False
    if _DATED_EVENT.search(core_left):
        return False   # "the final draft budget report published on 5th February 2025": when something was done
    if _REVISED_DATE.search(core_left) and (anchor is None or c.due is None or c.due >= anchor - timedelta(days=31)):
        return True   # "approve a revised milestone of July 2027", "deferred to January 2027": the date now due
    if c.form in ("fy", "years") and re.search(r"(?i)\b(?:for|of)\s*$", core_left) and not pre_words:
        return False   # "savings ... for 2025-26", "the budget of 2025/26": the year it is for, not a deadline
    marker = _governing_marker(core_left)
    if marker is None and (_RESOLUTION.match(left) or (_ASSIGNED.match(left) and not _DONE_BEFORE.search(core_left)) or
                           (_IMPERATIVE.match(_ITEM_LABEL.sub("", left, count=1)) and not _RELPRON.search(core_left))):
        marker = "future"
    if _MEDIUM.search(core_left) and sum(ch.isupper() for ch in core_left) > 0.6 * sum(ch.isalpha() for ch in core_left):
        return False  # a heading: "COMMITTEE - 5th NOVEMBER 2018"
    # a date in brackets "(Dec 18)" -- a deadline note, unless it is the
    # period of a number just before it ("90.8% (Sept 18)")
    before = text[max(0, c.start - 2):c.start].strip()
    after = text[c.end:c.end + 2].strip()
    if before.endswith("(") and after.startswith(")"):
        if _METRIC_PAREN.search(text[max(0, c.start - 30):c.start]):
            return False
        return marker != "past"
    if _AT_MEETING.search(core_left) and (anchor is None or c.due is None or c.due >= anchor):
        return marker != "past"   # "an item on home education at the meeting on 17 March 2026": when it is to come
    deadline_word = re.search(r"\b(?:by|before|until|till|no\s+later\s+than|not\s+later\s+than|prior\s+to)\b",
                              pre_words)
    if not deadline_word and re.search(r"\b(?:beginning|start)\b", pre_words):
        return False  # "at the beginning of September", "from the start of 2025": a start, not a deadline
    if "from" in pre_words and not deadline_word and _PERIOD_TO.match(text, c.end):
        return False  # "running from May to June": a period, not a deadline
    if not deadline_word and re.match(r"(?i)\s*(?:on)?wards\b", text[c.end:]):
        return False  # "changes to the funding system from 2026-27 onwards": when an open period starts
    if "from" in pre_words and not deadline_word and re.search(r"(?i)\b(?:a|per|each|every)\s+(?:year|month|week|annum)\s+from\s*$|"
                                                               r"\b(?:start(?:s|ing)?|begin(?:s|ning)?|run(?:s|ning)?|operat(?:e|es|ing)|"
                                                               r"fund(?:ed|s|ing)?|appl(?:y|ies)|effective)(?:\s+(?:it|this|them))?\s+from\s*$", core_left + pre_words):
        return False  # "£55,000 a year from 2027/28", "will fund it from 2027/28", "starting from May": when it starts
    if "from" in pre_words.split()[-2:] and not deadline_word and not _STRONG.search(core_left) and not starts:
        return False   # "the new contract from 1 April 2027": when something starts, not when it is due
    if deadline_word or "from" in pre_words or _STRONG.search(core_left):
        return marker != "past"
    if _MEDIUM.search(core_left):
        return marker != "past"
    if _WEAK.search(core_left) or pre_words:
        if anchor is not None and c.due is not None and not c.yearless and c.due < anchor - timedelta(days=31):
            return False  # "in October 2017" in a 2018 paper: an event, not a plan
        if marker == "future":
            return True
        if marker is None and _FRONTED.match(core_left):
            # "In March 2026 the council will ...": the main clause decides
            rest = text[c.end:_clause_end(text, c.end)]
            sub = _SUBCLAUSE.search(rest)
            return _first_marker(rest[:sub.start()] if sub else rest) == "future"
        return False
    return False


# a verb that makes a recurring product: "publish an annual performance report", "hold an annual review"
_MAKES = re.compile(r"(?i)\b(?:publish(?:es|ed|ing)?|produc(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|present(?:s|ed|ing)?|"
                    r"submit(?:s|ted|ting)?|issu(?:e|es|ed|ing)|hold(?:s|ing)?|carry(?:ing)?\s+out|undertak(?:e|es|ing)|"
                    r"conduct(?:s|ed|ing)?)\s+(?:an?\s+|the\s+|its\s+|their\s+)?$")


_TO_NEXT_MEETING = re.compile(r"(?i)\b(?:at|to|by|before|for|until)\s+(?:the\s+|its\s+|their\s+)?next\s+(?:[A-Za-z]+\s+){0,2}meeting"
                              r"(?:\s+of\s+the\s+(?-i:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}))?")


# someone or something to be there, not a step due by then: "ask if we can have a police presence at the
# next meeting", "invite the ICB to attend the next meeting"
_THERE_AT = re.compile(r"(?i)\b(?:have|has|having|attend|attends|attended|attendance|presence)\b")


def _to_come(text: str, pos: int) -> bool:
    """Is the clause holding pos about something to be done (a future
    marker, a resolution, an imperative, '<who> to <do>')?"""
    left = text[_clause_start(text, pos):pos]
    marker = _governing_marker(left)
    if marker is None and (_RESOLUTION.match(left) or _ASSIGNED.match(left) or _IMPERATIVE.match(left)
                           or re.search(r"(?i)\b(?:report(?:ed)?\s+back|be\s+(?:reported|brought|presented|considered))\b", left)):
        marker = "future"
    return marker == "future"


def _accept_relative(text: str, c: _Cand) -> bool:
    cs = _clause_start(text, c.start)
    left = text[cs:c.start]
    marker = _nearest_marker(left)
    if _IMPERATIVE.match(left) and marker is None:
        marker = "future"
    if marker is None:
        rest = text[c.end:_clause_end(text, c.end)]
        marker = _first_marker(rest)
    unit_days = re.search(r"day", c.relative or "", _I) is not None
    if c.form in ("within", "inside", "over") and not unit_days:
        return marker != "past"
    return marker == "future"


def _accept_recurrence(text: str, c: _Cand, cands: list[_Cand]) -> bool:
    word = text[c.start:c.end]
    if c.form in ("term", "asreq"):
        return False
    if c.form == "tbc":
        return word.isupper()
    if c.form == "immediate":
        if word.lower() == "immediately":
            # "to see and immediately address concerns": an adverb on a verb, not a deadline
            nxt = re.match(r"\s+([a-z]+)", text[c.end:c.end + 20])
            if nxt and nxt.group(1) not in ("and", "or", "after", "following", "upon", "on", "from", "if", "when"):
                return False
        return word.lower() not in ("immediate", "urgent", "urgently")
    if c.form == "ongoing":
        if not word.lower().replace("-", "").replace(" ", "").startswith("ongoing"):
            return False  # "continuous improvement"
        if word.lower().endswith("basis"):
            return True
        # "is ongoing", "(ongoing)", "Recruitment ongoing with ...": the work's
        # timescale; "the ongoing joint work", "developing ongoing scrutiny":
        # an adjective on a noun, not a timescale
        before = text[max(0, c.start - 2):c.start].strip()
        nxt = _NEXT_WORD.match(text, c.end)
        if before.endswith("(") or not text[_clause_start(text, c.start):c.start].strip():
            return True
        if re.search(r"(?i)\b(?:while|whilst)\b", text[_clause_start(text, c.start):c.start]):
            return False   # "While this work has been ongoing, the council has ...": background to the sentence
        if re.search(r"(?i)\b(?:the|an|a|its|their|our|this|these|any|of)\s+$", text[max(0, c.start - 8):c.start]):
            return False   # "the ongoing and escalating cost pressures": a determiner before it, an adjective
        return not (nxt and nxt.group(1).lower() not in _FUNCTION_WORDS)
    if c.form in ("daily", "termly") and not word[:1].isdigit():
        return False  # "daily reports": a kind of report; the table has no daily interval anyway
    if re.fullmatch(r"(?i)(?:bi-?)?(?:weekly|fortnightly|monthly|quarterly)", word) and \
            re.search(r"(?i)\b(?:a|an|the)\s+$", text[max(0, c.start - 4):c.start]) and _MEETING_NOUN.match(text, c.end):
        return False  # "at a weekly placement panel", "Hold a fortnightly drift and permanence panel": the body's cycle
    if c.form == "annual" and not word.lower().startswith(("bi", "semi", "half")) \
            and not _MAKES.search(text[max(0, c.start - 40):c.start]):
        return False  # "annual report", "annual audit programme": a kind of thing, not a frequency
        # (but "publish an annual report": a thing the work produces every year)
    if _NUMBER_BEFORE.search(text[max(0, c.start - 8):c.start]) and not re.match(r"\d", word):
        return False  # "88% monthly" -- a metric's period
    # "daily, weekly and monthly reports": a list of frequencies names report types
    for o in cands:
        if o is c or o.kind != "recurrence" or o.form in ("ongoing", "immediate", "tbc", "term", "asreq"):
            continue
        gap = text[o.end:c.start] if o.end <= c.start else text[c.end:o.start]
        if 0 <= (c.start - o.end if o.end <= c.start else o.start - c.end) <= 7 and _LIST_OF_FREQ.match(gap):
            return False
    return True


# the meeting a cadence adjective names: "weekly placement panel", "monthly performance meeting"
_MEETING_NOUN = re.compile(r"(?i)\s+(?:[\w’'-]+\s+){0,3}?(?:panels?|meetings?|calls?|clinics?|forums?|huddles?|briefings?|surgeries|surgery)\b")


# a month named as the meeting a step is due at: "bring a report to the September 2026 meeting",
# "for the June Board", "at its March meeting"
_TO_THE = re.compile(r"(?i)\b(?:to|for|at|by|before|until)\s+(?:the|its|their)\s+$")
# "<who> to bring a report to ...", "A report to come to ...", "will be presented at ..."
_BROUGHT = re.compile(r"(?i)\b(?:to|will|shall|should)\s+(?:be\s+)?(?:bring|brought|report(?:ed)?(?:\s+back)?|present(?:ed)?|come|"
                      r"return(?:ed)?|submit(?:ted)?|circulated?|provided?|considered?|taken|tabled?)\b")
_MEETING_AFTER = re.compile(r"\s+(?:[A-Z][\w’'-]*\s+){0,2}?" + MEETING_BODY + r"\b")


def _at_a_meeting(text: str, c: _Cand) -> bool:
    """Is the date the month of a meeting that something to be done is due at?"""
    return (c.precision == "month" and bool(_TO_THE.search(text[max(0, c.start - 20):c.start]))
            and bool(_MEETING_AFTER.match(text, c.end))
            and (_to_come(text, c.start) or bool(_BROUGHT.search(text[_clause_start(text, c.start):c.start])))
            and not _THERE_AT.search(text[_clause_start(text, c.start):c.start]))


# a step's words after the date that labels it, when they report what was done, not what is due
_PAST_STEP = re.compile(r"(?i)^\W*(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,4}?(?:was|were|had|has\s+been|have\s+been|met|held|took\s+place)\b")


def _milestone_label(text: str, c: _Cand) -> bool:
    """A date that opens a milestone line as its label ("Autumn 2013: final
    version prepared for sign-off", "March 2027 – consultation closes"): when
    the step is due, unless the words after it report a past event."""
    if c.start > 0 or c.bare_year or c.yearless:
        return False
    m = re.match(r"\s*[:–—-]\s+", text[c.end:])
    return bool(m) and not _PAST_STEP.match(text[c.end + m.end():])


def find_due_dates_in_sentence(text: str, anchor: Optional[date] = None, starts: bool = False) -> list[ParsedTimescale]:
    """Timescales a narrative text sets for its own work, in reading order.

    A date counts when the text introduces it as a deadline or plan:
    - after a due word -- "by", "before", "no later than", "until",
      "due", "deadline", "target date", "completion date of", "planned
      for", "scheduled for", "aiming to complete" (kept even for a passed
      deadline, "in place by June 2017"), unless the clause is in the past
      tense ("were allocated ... by January 2018");
    - after "in"/"on"/"during" ("in Q4 2025/26", "during 2025-26") only when
      the clause speaks of the future ("will", "is planned", "to be",
      "to complete", an imperative such as "Review ... in March 2026");
    - after a dash or colon ("Review of Threshold Document – September
      2018") or in brackets ("... is in progress. (Dec 18)") unless the
      clause is past tense or the bracket follows a number (a metric's
      period, "90.8% (Sept 18)");
    - coordinated with an accepted date ("by either April 2027 or April 2028").
    "from <date>" is when something starts ("the new contract from 1 April
    2027"), not a due date, unless `starts` (a caller asking whether the text
    names a when at all: "X will introduce triage from January 2027" is an
    undertaking).
    Never: past events ("was reviewed in July 2013", "on 16 April 2013",
    "launched in Sept 2017"), start dates ("starting from November 2018",
    "will begin in January 2019"), "since"/"as at" dates, bare years.
    Relative phrases: "within 3 months" unless past tense; "in 4 weeks" and
    day counts ("within 20 working days" is usually a standard) only with a
    future marker.
    Recurrences and open timescales in prose also count: "meets every 6
    weeks", "reports ... every quarter", "Weekly meetings", "reintroduced
    fortnightly", "Six monthly progress reports", "(ongoing)", "is ongoing",
    "immediately", "ASAP", "TBC"; not "annual" as an adjective ("annual
    report"), not a frequency just after a number ("88% monthly"), not lists
    of frequencies ("daily, weekly and monthly reports").
    """
    if not text or not text.strip():
        return []
    cands = _select(_candidates(text, anchor))
    out: list[ParsedTimescale] = []
    prev_end: Optional[int] = None
    floor = 0
    for c in cands:
        if c.kind == "date":
            ok = _accept_date(text, c, prev_end, anchor, starts) or _at_a_meeting(text, c) or _milestone_label(text, c)
        elif c.kind == "relative":
            ok = _accept_relative(text, c)
        else:
            ok = _accept_recurrence(text, c, cands)
        if not ok:
            continue
        start = _extend_prefix(text, c, floor)
        out.append(_make(text, c, start))
        if c.kind == "date":
            prev_end = c.end
        floor = c.end
    if not out and (nm := _TO_NEXT_MEETING.search(text)) and _to_come(text, nm.start()) \
            and not _THERE_AT.search(text[_clause_start(text, nm.start()):nm.start()]):
        # "report back to the next meeting", "That the return be reported to the next meeting of the
        # Board": a deadline the paper dates when it names that meeting's day (meetings.py)
        raw = " ".join(nm.group(0).split())
        out.append(ParsedTimescale(raw=raw, due_date=None, precision=None, recurrence="once", relative=raw,
                                   start=nm.start(), end=nm.end()))
    return out
