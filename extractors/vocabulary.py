"""The words council papers use for dates, periods and counts, and the names
they give the points a plan answers, defined once.

Every stage that reads months takes them from here: metadata (meeting
dates), timescales (due dates), numbers and metrics (blocking dates,
periods), the entity context (inspection dates) and action plans.
"""
from __future__ import annotations

import re

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
# full name -> 1..12, and three-letter abbreviation -> 1..12
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()}

# regex fragments (no groups). MONTH_RE: a month as printed in a date, any
# case with re.I ("Sept", "Nov"); MONTH: the same followed by an optional
# full stop and not by another letter ("Dec." but not "Decision");
# MONTH_CAP: capitalised names and abbreviations only (case-sensitive use);
# MONTH_FULL_CAP: full capitalised names only.
MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
            r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")
MONTH_CAP = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?![a-z])")
MONTH_FULL_CAP = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"

# counts written as words ('twelve', 'forty-two'): numbers reads them as
# values, timescales as periods ('within six weeks')
WORD_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
WORD_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
             "seventy": 70, "eighty": 80, "ninety": 90}

# the names inspections and reviews give the points a plan answers, a regex
# fragment (case-insensitive, no groups): "Area for improvement 2", "Area of
# weakness 1" (SEND), "Area for priority action 3", "Cause of concern 1",
# "Significant weakness 4", "Improvement area 2", "Priority action 5".
# Plans number their items with these (narrative.PLAN_ITEM, action_plans'
# row banners) besides "Recommendation N".
INSPECTION_ITEM = (r"(?i:areas?\s+(?:for|of)\s+(?:priority\s+action|(?:significant\s+)?improvement|development|"
                   r"(?:significant\s+)?weakness|(?:significant\s+)?concern)|significant\s+(?:weakness|concern)|"
                   r"cause\s+of\s+concern|improvement\s+(?:area|priority)|priority\s+action)")

# the qualifier a plan or review prints in brackets beside an item's number: "Recommendation 3 (High
# priority)", "AFI 2 (priority)", "Recommendation R1 (Priority: Moderate)", "Action 4 (new)", "(P1)"
# (a regex fragment, case-insensitive, no groups)
ITEM_QUALIFIER = (r"\((?i:(?:very\s+)?(?:high|medium|med|moderate|low|critical|major|minor|significant|key|urgent|essential|"
                  r"important|fundamental|advisory)(?:\s+(?:priority|risk|importance))?|priority(?:\s*[:\-–]?\s*[^()]{1,30})?|"
                  r"(?:rating|risk|grade|category|level)\b[^()]{0,30}|p[1-4]|new|revised|carried\s+forward|red|amber|green|"
                  # what kind of point the inspection or audit made it: "(area for priority action)", "(key recommendation)"
                  r"(?:an?\s+)?areas?\s+for\s+(?:priority\s+action|improvement)|(?:key|statutory|improvement|other)\s+recommendation)\)")

# a meeting, or the body that meets, as papers name a deadline by it: "the
# September meeting", "Dec Cabinet", "next Board", "Jan 2027 Committee"
# (a regex fragment, case-insensitive, no groups)
MEETING_BODY = r"(?i:meeting|cabinet|board|committee|council|panel|executive|forum)"


# a label printed in Welsh, then in English after a slash: "Argymhelliad 1 / Recommendation 1",
# "Ymateb y Cyngor / Council response: Derbyniwyd / Accepted."
_BILINGUAL_LABEL = re.compile(r"^[^/:\n]{2,40}?\s+/\s+(?=(?:[A-Z][a-z]+\s+){0,2}(?i:recommendation|response|area\s+for\s+improvement|"
                              r"action|lead|target|update|progress|status|subject|title|date|committee|priority)\b)")


def last_language(text: str) -> str:
    """A name printed in two languages, Welsh then English after a slash
    ("Cyf. / Ref", "Pennaeth Caffael / Head of Procurement"), in its last
    language; `text` itself when it has no " / "."""
    return text.rsplit(" / ", 1)[-1].strip()


_NUMBER_WORDS = {w: str(k) for k, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen "
                                                  "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(), 1)}
_ORDINALS = {w: str(k) for k, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}
_WORD_NUMBERED = re.compile(r"(?i)^(?P<label>(?:[\w’']+\s+){0,2}?(?:recommendation|rec\.?))\s+"
                            r"(?:(?P<word>" + "|".join(_NUMBER_WORDS) + r")\b|\((?P<n>\d{1,2}[a-z]?)\))")
_ORDINAL_ITEM = re.compile(r"(?i)^(?P<word>" + "|".join(_ORDINALS) + r")\s+recommendation\b")


# a review's coded item opening a paragraph: "TFG1: ...", "PR3 – ..." (not a risk's, a quarter's or a measure's code:
# "CR1", "Q3", "KPI 2")
CODED_ITEM = re.compile(r"^(?P<ref>(?!(?:CR|SR|OR|DR|Q|KPI|PI|NI|BV)\s?\d)[A-Z]{2,5}\s?\d{1,2}[a-z]?)\s*[:–—-]\s*(?P<text>[A-Z].{20,})$", re.S)


def numbered_label(text: str) -> str:
    """An item's label with its number in figures, the rest as printed:
    "Recommendation One: ..." and "Recommendation (1) ..." as "Recommendation
    1 ...", "First recommendation: ..." as "Recommendation 1: ..."; other
    text unchanged."""
    m = _WORD_NUMBERED.match(text)
    if m:
        n = _NUMBER_WORDS[m.group("word").lower()] if m.group("word") else m.group("n")
        return f"{m.group('label')} {n}{text[m.end():]}"
    m = _ORDINAL_ITEM.match(text)
    if m:
        return f"Recommendation {_ORDINALS[m.group('word').lower()]}{text[m.end():]}"
    return text


def english_label(text: str) -> str:
    """The English half of a bilingual label at the start of `text` (the rest
    of the text kept); `text` itself when it has none."""
    return _BILINGUAL_LABEL.sub("", text, count=1)


# the words of a post or body printed in Welsh before its English ("Pennaeth Gwasanaethau Oedolion /
# Head of Adult Services", "Rheolwr Tîm / Team Manager"): head, manager, director, officer, chief,
# assistant, worker, chair, member, council, board, team, services, and the common service names
WELSH_POST = re.compile(
    r"(?i)\b(?:pennaeth|penaethiaid|rheolwr|rheolwyr|cyfarwyddwr|cyfarwyddwyr|swyddog|swyddogion|prif|cynorthwyol|"
    r"dirprwy|gweithiwr|gweithwyr|cadeirydd|aelod|aelodau|cyngor|bwrdd|tîm|tim|gwasanaethau?|arweinydd|arweiniol|"
    r"cymdeithasol|oedolion|plant|teuluoedd|tai|addysg|iechyd|cyllid|caffael|comisiynu|diogelu|perfformiad|busnes|"
    r"cymorth|datblygu|gweithlu|polisi|cyfreithiol|democrataidd|corfforaethol|strategol|adnoddau|lleoliadau)\b")


# the labels a plan prints before an item's owner, deadline, rating and progress, on a line of their
# own, in a cell, or run into the text: "Lead officer: ...", "Lead agency: ...", "Action owner: ...",
# "Revised target date: ...", "Timeframe: ...", "RAG: Amber", "Current position: ...". Regex fragments
# (case-insensitive, no groups); label_kind() says which a printed label is. One vocabulary for the
# walk's labelled lines (narrative), the labels run into a step (passes), a plan cell's lines
# (action_plans) and an inquiry's plan lines, so a label known to one is known to all.
_OWNER_QUALIFIER = (r"(?:workstream|theme|priority|strategic|operational|executive|senior|service|joint|overall|accountable|responsible|project|"
                    r"programme|delivery|agency|partner|corporate|directorate|named|nominated)")
OWNER_LABEL = (rf"(?:{_OWNER_QUALIFIER}\s+)?(?:lead(?:s|\s+(?:officers?|members?|managers?|directors?|agency|agencies|organisations?|"
               r"partners?|body|bodies|service|team|directorate|persons?))?|owners?)|action\s+(?:owners?|leads?)|"
               r"responsible(?:\s+(?:officers?|managers?|persons?|agency|body|lead|directors?|service|team))?|officers?\s+responsible|"
               r"lead\s+and\s+responsible\s+officers?|accountable(?:\s+(?:officers?|persons?|directors?|lead|body))?|responsibility|"
               r"senior\s+responsible\s+(?:owner|officer)|sponsor|by\s+whom|"
               # a task group's summary: "Who should do it: ...", "Who will lead: ..."
               r"who(?:\s+(?:should|will|is\s+to|must)\s+(?:do|deliver|lead|act\s+on|take\s+forward)(?:\s+(?:it|this|on\s+it))?)?")
DUE_LABEL = (r"(?:(?:original|revised|new|agreed|target|expected|planned|proposed|suggested|estimated|anticipated|forecast)\s+){1,2}"
             r"(?:(?:completion|implementation|due|delivery)\s+)?dates?|(?:completion|implementation|due|delivery)\s+dates?|"
             r"(?:(?:original|revised|new|agreed|target|expected|proposed|suggested)\s+)?(?:timescales?|time\s*frames?|deadlines?)|"
             r"target(?:\s+(?:completion|implementation))?|due(?:\s+by)?|by\s+when|when|completion(?:\s+by)?|"
             r"(?:to\s+be\s+)?completed\s+by|implementation")
RAG_LABEL = r"rag(?:\s+(?:status|rating|rated))?|(?:overall\s+|progress\s+)?(?:rating|assessment)"
# (and when done work was finished: "Completed: 2 June 2026", "Date completed: ...")
STATUS_LABEL = r"(?:overall\s+|current\s+|delivery\s+|action\s+)?status|(?:date\s+)?completed(?:\s+on)?(?=\s*:)"
PROGRESS_LABEL = (r"(?:latest\s+|current\s+)?(?:progress(?:\s+(?:update|to\s+date|made|so\s+far|at\s+\w+(?:\s+\d{4})?))?|"
                  r"updates?|position(?:\s+statement)?)|commentary")
# any of them (LABEL_WORDS), and the same with a suggested lead or timescale ("Suggested lead: ...") (ITEM_LABEL)
LABEL_WORDS = f"{OWNER_LABEL}|{DUE_LABEL}|{RAG_LABEL}|{STATUS_LABEL}|{PROGRESS_LABEL}"
ITEM_LABEL = (rf"(?:(?:suggested|proposed)\s+)?(?:{OWNER_LABEL}|{DUE_LABEL})|{RAG_LABEL}|{STATUS_LABEL}|{PROGRESS_LABEL}")

_LABEL_KINDS = [(kind, re.compile(rf"(?i)(?:(?:suggested|proposed)\s+)?(?:{frag})"))
                for kind, frag in (("owner", OWNER_LABEL), ("due", DUE_LABEL), ("rag", RAG_LABEL),
                                   ("status", STATUS_LABEL), ("progress", PROGRESS_LABEL))]


def label_kind(label: str) -> str | None:
    """What a printed label introduces: 'owner', 'due', 'rag', 'status' (a
    rating or a progress note), 'progress', or None ("Revised target date"
    -> 'due', "Lead agency" -> 'owner', "By" -> 'due')."""
    label = " ".join(re.sub(r"\(s\)", "s", label).split())   # "Lead officer(s)"
    if label.lower() == "by":
        return "due"
    return next((kind for kind, rx in _LABEL_KINDS if rx.fullmatch(label)), None)


# a paragraph or a plan's banner that asks someone to act ("The council should ...", "We recommend ...")
ASKS_SOMEONE = re.compile(r"\b(?:should|must|needs?\s+to|ought\s+to)\b|"
                          r"^(?:we|the\s+(?:review|panel|group))\s+(?:also\s+|further\s+|therefore\s+)?recommends?\b", re.I)


# an item numbered with its name, as a plan's heading, paragraph or banner row prints it: "Recommendation 3:",
# "Peer review recommendation R4 –", "Area for improvement 2 (High priority)", "AFI 3", "Action point 1.2",
# "AP4" (the name said by the body that made it: ITEM_SOURCE); groups ref and text
ITEM_SOURCE = (r"(?:Ofsted|HMIP|HMICFRS|CQC|Inspection|Audit|Review|Peer\s+(?:review|team|challenge)|LGA|Panel|Scrutiny|"
                r"Committee|Inquiry|Task\s+group|Board|SAR|DHR|CSPR|Key|Improvement|Statutory|Other|"
                # a regulator's, ombudsman's or auditor's own: "Ombudsman recommendation 1", "Regulator's recommendation 2",
                # "External audit recommendation 3", "Estyn recommendation 4"
                r"(?:(?:Housing|Local\s+Government(?:\s+and\s+Social\s+Care)?)\s+)?Ombudsman(?:['’]s)?|Regulator(?:['’]s)?|"
                r"Auditor(?:['’]s)?|(?:External|Internal)\s+audit|Inspector(?:ate)?(?:['’]s)?|Estyn|CIW|Commissioner(?:['’]s)?)")
PLAN_ITEM = re.compile(r"^(?P<ref>(?:" + ITEM_SOURCE + r"\s+(?=rec))?(?:(?:Action(?:\s+point)?|Recommendation|Rec|" + INSPECTION_ITEM + r")\s+(?-i:R(?=\d))?|(?-i:AFI|AfI|AFD)\s?)\d+(?:\.\d{1,3})*(?:\([a-z]{1,3}\)|[a-z])?|AP\s?\d+[a-z]?)(?:\s*" + ITEM_QUALIFIER + r")?"
                       r"\s*(?:[-–—:)]\s*|\.(?!\d)\s*|\s+(?=(?-i:[A-Z])))(?P<text>.+)$", re.I)


# a recommendation that opens with whom it asks and what they do, the "that" of its lead-in left above it:
# "The Cabinet adopts ...", "The Head of Planning publishes ..." (not "The plan is ...", "Officers have ...")
ASKED_SUBJECT = re.compile(r"^(?:(?P<the>[Tt]he\s+)(?:[A-Z][\w'’&-]*|council|authority|partnership|board|executive|service)|[A-Z][\w'’&-]*\s+[A-Z][\w'’&-]*)(?:\s+(?:[A-Z][\w'’&-]*|of|for|and|&|the)){0,8}\s+"
                           r"(?!is\b|was\b|has\b|does\b|needs\b|remains\b|seems\b)[a-z]{3,}s\b"
                           r"(?!\s+(?:are|is|were|was|have|has|had|will|would|should|must|can|could|may|might)\b)")
