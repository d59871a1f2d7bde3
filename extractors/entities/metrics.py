"""Metrics: the numbers a council paper reports, with what they measure.

SPEC (Metric): every percentage, count, duration, money amount, score, rate
and ratio is one row with label, value, unit, period and role. This module
turns narrative text or one table cell into `MetricMention`s; the number
scanning and the not-a-metric rules (dates, refs, phones, names, ages ...)
live in `numbers.py`.

Decisions (see also docs):
- role: `change` for "a 21% increase", "rose by", "a reduction of 15"
  (value as printed, sign only if printed); `previous` for "compared to /
  from / previous performance of / last year"; `comparator` for statistical
  neighbours / national / England / regional / other authorities; `target`
  for target / aim / ambition / planned quantities ("80 places are planned",
  "a further 25 staff to complete"); `baseline` for baseline / "started
  with"; otherwise `actual` (forecasts, outturns, overspends, budgets in
  prose are actual).
- column headers: "Outturn 2016/17" / "2023-24 Outturn" are `actual` with the
  year as period (the caller can demote to `previous` when a later actual
  column exists); only explicit Previous / Last year / Prior headers give
  `previous`. "Budget" / "Target" / "Plan" are `target`; "Variance" /
  "Change" / "Movement" are `change` (even "Variance to budget").
- money is in pounds; table cells in a "£m"/"£000" table are scaled;
  "(2.4)" alone in a money cell is negative (accounting brackets).
- ratios: value a/b ("1 in 10" -> 0.1, "1:4" -> 0.25); scores: the points
  scored ("4/10" -> 4); rates: the printed rate ("45.2 per 10,000" -> 45.2).
- minutes are stored as seconds (the unit list has no minutes).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional

from extractors.entities.numbers import Num, scan_numbers, _table_unit
from extractors.vocabulary import MONTH, MONTH_CAP


@dataclass(frozen=True)
class MetricMention:
    value: float
    raw: str
    unit: str
    label: Optional[str]
    role: str
    period: Optional[str]
    comparator: Optional[str]
    start: int
    end: int


# ---------------------------------------------------------------- periods ---

_FY = r"(?:(?:19|20)\d{2}\s?[/\-–]\s?(?:(?:19|20)\d{2}|\d{2})|\d{2}\s?[/-]\s?\d{2})"
PERIOD_BODY = (
    r"(?:"
    rf"(?:financial\s+)?year[\s-]+to[\s-]+date(?:\s+(?:in|for)\s+{_FY})?|\bYTD\b(?:\s+{_FY})?|\bto\s+date\b|"
    rf"\b(?:quarter|qtr)\s*[1-4](?:\s*\(\s*{_FY}\s*\)|\s+{_FY}|\s+(?:19|20)\d{{2}})?|"
    rf"\bQ[1-4](?:\s*(?:{_FY}|(?:19|20)\d{{2}}|\d{{2}})(?![\d%]))?|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}[\s,]*(?:\d{{4}}|\d{{2}}(?![\d%]))?|"
    rf"\b(?:the\s+)?end\s+of\s+(?:{_FY}|{MONTH_CAP}|the\s+(?:month|quarter|year))(?:[\s']*(?:\d{{4}}|\d{{2}})(?![\d%]))?|"
    rf"\b{MONTH_CAP}[\s'-]*(?:{_FY}|\d{{4}}|\d{{2}}(?![\d%.,]))|"
    rf"\b(?:January|February|March|April|June|July|August|September|October|November|December|Sept)\b(?:\s+this\s+year)?|"
    rf"\b{_FY}\b|"
    r"\b(?:the\s+)?(?:previous|last|same|current|this|next|coming)\s+(?:financial\s+)?(?:month|quarter|year|period)\b|"
    r"\bover\s+the\s+(?:next|last|past)\s+(?:\w+\s+)?(?:years?|months?|quarters?)\b|"
    r"\bfor\s+the\s+year\b|\b(?:in|during|for|since)\s+(?:19|20)\d{2}(?![\d/\-–])"
    r")")
PERIOD_RE = re.compile(r"(?P<p>" + PERIOD_BODY + ")", re.I)
_PERIOD_PREP_RE = re.compile(r"\b(?:in|at|for|during|as\s+at|as\s+of|by|since|of|to)\s+(?=\S)" + PERIOD_BODY, re.I)
_PERIOD_CUT_RE = re.compile(r"\b(?:in|at|for|during|as\s+at|as\s+of|by|since)\s+" + PERIOD_BODY, re.I)
_PERIOD_TAIL_RE = re.compile(
    r"^\s*(?:\(|,)?\s*(?:in|at|for|during|as\s+at|as\s+of|by|to|within|of|recorded\s+in|reported\s+(?:in|for))?\s*(?:the\s+)?(?P<p>"
    + PERIOD_BODY + ")", re.I)
PERIOD_LEAD = re.compile(r"^(?:in|at|for|during|as\s+at|as\s+of|by|since|of)\s+", re.I)

# ------------------------------------------------------------------ roles ---

CHANGE_NOUNS = r"(?:increase|rise|reduction|decrease|fall|drop|improvement|uplift|growth|decline|deterioration|reduction|change)"
CHANGE_BEFORE = re.compile(
    r"\b(?:(?:increase[sd]?|rise|rose|risen|grow(?:n|th)?|grew|fell|fall(?:en)?|decrease[sd]?|reduc(?:ed|tion|e)|"
    r"drop(?:ped)?|declin(?:e|ed)|improv(?:ed|ement)|uplift|up|down|deteriorat(?:ed|ion)|went\s+up|went\s+down|"
    r"changed?|cut)\s+(?:of|by)|(?:an?|the)\s+(?:further\s+)?(?:increase|rise|reduction|decrease|fall|drop|improvement|uplift|growth|decline))"
    r"\s*(?:approximately|around|about|over|just\s+(?:over|under)|nearly|almost|some|a\s+further)?\s*$", re.I)
CHANGE_AFTER = re.compile(rf"^\s*(?:percentage\s+points?\s+|points?\s+|pp\s+)?{CHANGE_NOUNS}\b", re.I)
PREVIOUS_RE = re.compile(
    r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|previous(?:ly)?|prior|last\s+year'?s?|"
    r"was\s+previously)\b|\b(?:from)\s*(?:approximately|around|about|over|under|just\s+(?:over|under)|nearly|almost|some|the)?\s*\(?\s*$", re.I)
RANGE_FROM = re.compile(r"\brang(?:e|ed|es|ing)\s+from\s*$|\bbetween\s*$", re.I)
TARGET_RE = re.compile(r"\b(?:should\s+be|targets?|targeted|aim(?:s|ing|ed)?\s+(?:to|for)|ambition|aspiration|goal|trajectory|to\s+achieve|to\s+reach)\b", re.I)
TARGET_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:(?:are|is|were)\s+(?:now\s+)?(?:planned|expected|anticipated|proposed|scheduled)|to\s+(?:complete|be\s+completed|be\s+delivered|be\s+recruited|be\s+held)|"
    r"(?:are|is)\s+on\s+track\s+to\s+be\s+delivered|will\s+be\s+(?:delivered|held|provided|created))\b", re.I)
TARGET_BEFORE_FUT = re.compile(r"\b(?:planned|upcoming|proposed|will\s+(?:deliver|provide|create|hold)|plans?\s+to)\b[^.;]{0,40}$", re.I)
BASELINE_RE = re.compile(r"\b(?:baseline|start(?:ed|ing)?\s+(?:with|at|from)|starting\s+point)\b", re.I)
COMPARATOR_RE = re.compile(
    r"\b(?P<c>statistical\s+neighbou?rs?|stat\s+neighbou?rs?|nearest\s+neighbou?rs?|"
    r"national(?:ly)?(?!\s+(?:insurance|living|minimum|framework|health|lottery|grid|curriculum|funding|offer|"
    r"concessionary|planning|indicators?|guidance|policy|standards?|minimum))|england|"
    r"regional|the\s+region|south\s+east|similar\s+(?:local\s+)?authorities|other\s+(?:local\s+)?authorities|"
    r"comparator\s+authorities|comparators?|benchmark|cipfa\s+(?:nearest\s+)?neighbou?rs?|core\s+cities|"
    r"local\s+authorities)\b", re.I)
COMP_CANON = [
    (re.compile(r"statistical|stat\s", re.I), "statistical neighbours"),
    (re.compile(r"nearest|cipfa", re.I), "nearest neighbours"),
    (re.compile(r"national", re.I), "national"),
    (re.compile(r"england", re.I), "England"),
    (re.compile(r"region", re.I), "regional"),
    (re.compile(r"south\s+east", re.I), "South East"),
]

# ----------------------------------------------------------------- labels ---

DET = {"a", "an", "the", "this", "these", "those", "its", "their", "our", "his", "her", "any", "all", "some", "each",
       "every", "such", "of", "further", "additional", "another", "only", "over", "around", "approximately",
       "about", "almost", "nearly", "just", "under"}
FUNCTION = {"in", "at", "for", "to", "on", "by", "with", "compared", "comparing", "and", "or", "but", "which", "that",
            "is", "was", "are", "were", "has", "have", "had", "will", "would", "since", "from", "against", "across",
            "per", "within", "during", "over", "under", "than", "as", "this", "it", "the", "a", "an", "whilst",
            "while", "so", "then", "where", "when", "if", "below", "above", "between", "into", "reported", "up",
            "down", "respectively", "each", "overall", "year", "this", "against", "being", "having", "is"}
AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
       "should", "may", "might", "must", "shall", "remain", "remains", "remained", "having"}
PARTICIPLE = re.compile(r"^(?:\w+ed|\w+en|made|taken|done|seen|given|held|paid|met|set|kept|put|brought|built|known|"
                        r"shown|found|sent|spent|rated|run|begun|sold|told|won|lost|left)$", re.I)
STOP = {"that", "which", "who", "whom", "whose", "but", "whilst", "while", "although", "though", "because", "since",
        "compared", "comparing", "than", "so", "where", "when", "if", "unless", "however", "whereas", "therefore",
        "thus", "meaning", "demonstrating", "showing", "providing", "representing", "reflecting"}
PREP = {"in", "at", "for", "to", "on", "by", "with", "from", "across", "within", "during", "over", "under", "into",
        "of", "against", "between", "among", "per", "through", "after", "before", "around"}
ING_OK = {"training", "housing", "funding", "building", "spending", "nursing", "planning", "safeguarding", "learning",
          "meeting", "parenting", "wellbeing", "being", "beginning", "remaining", "outstanding", "rating", "waiting",
          "offending", "reoffending", "fostering", "caring", "schooling", "counselling", "screening", "monitoring",
          "reporting", "recruiting", "existing", "following"}
DISCOURSE = re.compile(
    r"^(?:moreover|however|currently|furthermore|in\s+addition|additionally|overall|in\s+summary|therefore|also|"
    r"as\s+a\s+result|in\s+total|so|and|but|whilst|while|although|thus|further(?:more)?|since\s+then|to\s+date|"
    r"at\s+present|presently|now|this\s+means|notably|importantly|similarly|likewise|again|by\s+contrast|"
    r"in\s+contrast|as\s+of|as\s+at)\b[\s,]*", re.I)
GENERIC = {"this", "it", "that", "which", "these", "performance", "figure", "the figure", "position", "previous performance",
           "previous", "level", "the position", "figures", "this figure", "the rate", "rate", "the performance",
           "previous performance", "performance of", "there", "they", "number", "increase", "decrease", "reduction",
           "rise", "fall", "drop", "change", "improvement", "deterioration", "slight deterioration", "an increase"}
SUBJ_CUE = re.compile(
    r"(?:\b(?:(?:has|have|had)\s+(?:now\s+)?(?:been|risen|fallen|increased|decreased|reduced|improved|dropped|grown|gone\s+up|gone\s+down)(?:\s+(?:to|from|by))?|"
    r"(?:is|are|was|were)\s+(?:said|estimated|expected|forecast|projected|reported|anticipated)\s+to\s+be|"
    r"is|are|was|were|stood\s+at|stands\s+at|remains?(?:\s+at)?|remained(?:\s+at)?|reached|averaged|averages|"
    r"totall?ed|totals|equates\s+to|represents|represented|increased\s+(?:to|from|by)|decreased\s+(?:to|from|by)|"
    r"rose\s+(?:to|from|by)|fell\s+(?:to|from|by)|reduced\s+(?:to|from|by)|improved\s+(?:to|from|by)|dropped\s+(?:to|from|by)|"
    r"grew\s+(?:to|from|by)|ranged\s+from|ranges\s+from|went\s+from|moved\s+from|changed\s+from|of|at|to|from|by|with|"
    r"scored|achieved|recorded|reported|showed|shows|show)\b|:)"
    r"\s*(?:approximately|approx\.?|around|about|some|over|under|just(?:\s+over|\s+under)?|nearly|almost|c\.|circa|"
    r"an\s+average\s+of|a\s+total\s+of|only|a\s+further|an\s+additional|more\s+than|less\s+than|fewer\s+than|"
    r"up\s+to|at\s+least|the)?\s*\(?\s*$", re.I)
SENT_BOUND = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z(\"'‘“•\-\d])|\n\s*\n|\n(?=\s*(?:[-•*·▪]|\d+(?:\.\d+)*[.)]?\s+[A-Z]))|;\s|\n(?=[A-Z][^\n]{0,60}\n)")
CLAUSE_BOUND = re.compile(r";|:\s|,?\s*\bcompared\b|\bin\s+comparison\b|\bbut\b|\bwhilst\b|\bwhile\b|\balthough\b|\bhowever\b|,\s*and\s+(?=(?:the|a|an|this|it|there)\b)|\band\s+(?=(?:the|a|an|this|it|there|places|is|are|was|were)\b)|,\s*(?=which\b)|\bwhich\b", re.I)
TAG_RE = re.compile(r"</?\w+[^>]*>")
WORD_RE = re.compile(r"[A-Za-z0-9£%'’&/\-]+(?:\.[A-Za-z]+)*|\(|\)|,|;|:")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, last = [], 0
    for m in SENT_BOUND.finditer(text):
        out.append((last, m.start() + (1 if text[m.start():m.start() + 1] == ";" else 0)))
        last = m.end()
    out.append((last, len(text)))
    return out


def _clean_ws(s: str) -> str:
    return " ".join(TAG_RE.sub(" ", s).replace("**", " ").split())


def _strip_periods(s: str) -> str:
    def repl(m):
        return " "
    s = _PERIOD_PREP_RE.sub(repl, s)
    s = PERIOD_RE.sub(repl, s)
    s = re.sub(r"\(\s*\)", " ", s)
    return _clean_ws(s)


def _trim_label(words: list[str]) -> str:
    words = [w for w in words if not re.fullmatch(r"£\s?(?:'?000s?|m|bn|k)?", w, re.I)]
    # drop leading determiners and trailing function words/prepositions/aux
    while words and (words[0].lower() in DET or words[0].lower() in PREP or words[0] in ",;:()"):
        words = words[1:]
    while words and (words[-1].lower() in PREP or words[-1].lower() in AUX or words[-1].lower() in DET
                     or words[-1].lower() in {"and", "or", "that", "which", "who", "there", "then"} or words[-1] in ",;:("):
        words = words[:-1]
    if len(words) > 12:
        cut = None
        for i in range(min(len(words), 13) - 1, 0, -1):
            if words[i].lower() in PREP or words[i] in ",;(" or words[i].lower() in {"and", "or"}:
                cut = i
                break
        words = words[:cut] if cut else words[:12]
        return _trim_label(words)
    s = " ".join(words)
    s = re.sub(r"\s+([,;:)])", r"\1", s).replace("( ", "(")
    if s.count("(") != s.count(")"):
        s = s.replace("(", "").replace(")", "")
    return s.strip(" ,;:-–")


def _np_forward(text: str) -> Optional[str]:
    """Noun phrase at the start of `text` (after a number): "young people",
    "child protection cases were reviewed within timescales" -> label."""
    s = _clean_ws(text)
    s = _cut_at_period(s)
    s = re.sub(r"\b(?:this|last|next)\s+(?:financial\s+)?(?:year|month|quarter)\b.*$", "", s, flags=re.I)
    words = WORD_RE.findall(s)
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        lw = w.lower()
        if w in (",", ";", ":", "(", ")"):
            break
        if lw in STOP:
            break
        if lw in AUX:
            # aux + participle: keep going without the aux ("were reviewed", "have been completed")
            j = i
            while j < len(words) and words[j].lower() in AUX:
                j += 1
            if j < len(words) and PARTICIPLE.match(words[j]) and out:
                i = j
                continue
            break
        if lw == "and" and i + 1 < len(words) and (words[i + 1].lower() in DET | {"there", "it", "is", "are", "was", "were", "has", "have"}
                                                 or re.match(r"\d", words[i + 1])):
            break
        if lw.endswith("ing") and w[0].islower() and lw not in ING_OK and out and not PARTICIPLE.match(w):
            break
        if re.match(r"^[£\d]", w):
            break
        out.append(w)
        i += 1
        if len(out) > 16:
            break
    lab = _trim_label(out)
    return lab or None


def _cut_at_period(s: str) -> str:
    m = _PERIOD_CUT_RE.search(s)
    if m:
        s = s[:m.start()]
    return s


def _np_backward(text: str) -> Optional[str]:
    """The noun phrase ending `text`: "The Council is forecasting a revenue
    overspend" -> "revenue overspend"; keeps "majority of these places"."""
    words = WORD_RE.findall(_clean_ws(text))
    out: list[str] = []
    i = len(words) - 1
    while i >= 0:
        w = words[i]
        lw = w.lower()
        if w in (",", ";", ":", "(", ")"):
            break
        if lw in DET and lw != "of":
            # "majority of these places": a determiner after "of" continues the phrase
            if i >= 1 and words[i - 1].lower() in ("of", "in"):
                out.insert(0, w)
                i -= 1
                continue
            break
        if lw in AUX or lw in STOP or lw in {"there", "it", "this", "forecasting", "reporting", "showing", "with", "and"}:
            break
        if lw in PREP and lw not in ("of", "in", "for", "on", "to"):
            break
        if lw in ("in", "for", "on", "to") and i >= 1 and (words[i - 1].lower() in AUX or re.search(r"(?:ed|ing)$", words[i - 1].lower())):
            break
        out.insert(0, w)
        i -= 1
        if len(out) > 14:
            break
    lab = _trim_label(out)
    return lab or None


LEAD_NUM = re.compile(r"^\s*(?:[-•*·▪o]\s+)?(?:\d+(?:\.\d+)*[a-z]?[.)]?\s+)?")


def _subject(segment: str) -> Optional[str]:
    """Label from the text before a number: the subject of "X is/was/decreased to N"."""
    seg = LEAD_NUM.sub("", _clean_ws(segment), count=1)
    pm = re.search(r"\(\s*$", seg)
    if pm and not SUBJ_CUE.search(seg[:pm.start()]):
        return _np_backward(seg[:pm.start()])
    m = SUBJ_CUE.search(seg)
    if not m:
        cut = seg
    else:
        cut = seg[:m.start()]
    # last clause only
    parts = CLAUSE_BOUND.split(cut)
    cut = parts[-1] if parts else cut
    cut = _strip_periods(cut)
    prev = None
    while prev != cut:
        prev = cut
        cut = DISCOURSE.sub("", cut).strip(" ,")
        cut = re.sub(r"^(?:there\s+(?:is|are|was|were|has\s+been|have\s+been)|it\s+(?:is|was))\b\s*", "", cut, flags=re.I)
    # relative clause auxiliaries: "that had been visited" -> "visited"
    cut = re.sub(r"\b(?:that|who|which)\s+(?:had|has|have)\s+been\s+(?=\w+ed\b)", "", cut, flags=re.I)
    cut = re.sub(r"\s+(?:has|have|had)\s*$", "", cut, flags=re.I)
    # "X of" / "X (" ending: backwards noun phrase
    if m and re.match(r"\s*(?:of|\()", seg[m.start():]) and cut:
        lab = _np_backward(cut)
    else:
        words = WORD_RE.findall(cut)
        lab = _trim_label(words)
    return lab or None


def _canon_comparator(c: str) -> str:
    for pat, name in COMP_CANON:
        if pat.search(c):
            return name
    return " ".join(c.split())


def _role(segment: str, tail: str, full_tail: str, num: Num, prev_linked: Optional[str]) -> tuple[str, Optional[str]]:
    seg_end = segment[-70:]
    cands: list[tuple[int, str, Optional[str]]] = []
    m = CHANGE_BEFORE.search(seg_end)
    if m:
        cands.append((m.end() + 1000, "change", None))   # immediately before the number: strongest
    for m in PREVIOUS_RE.finditer(seg_end):
        if m.group(0).strip().lower() == "from" and RANGE_FROM.search(seg_end[:m.end()]):
            continue
        cands.append((m.end(), "previous", None))
    for m in TARGET_RE.finditer(seg_end):
        cands.append((m.end(), "target", None))
    for m in BASELINE_RE.finditer(seg_end):
        cands.append((m.end(), "baseline", None))
    for m in COMPARATOR_RE.finditer(seg_end):
        if m.group("c").lower() == "local authorities" and not re.search(r"\b(?:other|of|all)\s+local\s+authorities", seg_end, re.I):
            continue
        cands.append((m.end() + 0.5, "comparator", _canon_comparator(m.group("c"))))
    # a previous cue followed by "to" before this number means this is the new value: "from 67% ... to 33.5%"
    if cands:
        pos, role, comp = max(cands, key=lambda c: c[0])
        after = seg_end[int(pos) % 1000:] if role != "change" else ""
        if role == "previous" and re.search(r"\bto\b", after) and not re.search(r"\b(?:compared|comparison)\b", seg_end[int(pos) - 20:int(pos)], re.I):
            role = "actual"
    else:
        role, comp = "actual", None
    if CHANGE_AFTER.match(tail):
        return "change", None
    tm = re.match(r"^\s*\((?P<c>[^)]{0,40})\)", tail)
    if tm and COMPARATOR_RE.search(tm.group("c")):
        return "comparator", _canon_comparator(COMPARATOR_RE.search(tm.group("c")).group("c"))
    if role == "actual" and (TARGET_AFTER.match(full_tail) or TARGET_BEFORE_FUT.search(segment[-50:])):
        role = "target"
    return role, comp


def _period(segment: str, tail: str, seg_offset: int) -> Optional[str]:
    # a period right after the number ("67% in quarter 4", "8% at September 2018", "(Sept 18)")
    m = _PERIOD_TAIL_RE.match(tail)
    if m and not re.match(r"^\s*(?:to\s+date)", tail[m.start("p"):], re.I) or (m and m.group("p").lower() == "to date"):
        return _fmt_period(m.group("p"))
    for f in reversed(list(PERIOD_RE.finditer(segment))):
        p = f.group("p")
        if re.match(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]", p) and not re.search(r"\b(?:as\s+at|as\s+of|at)\s+(?:the\s+)?$", segment[:f.start()], re.I):
            continue   # "On 16 April 2013, Cabinet decided ...": an event date, not the measure's period
        return _fmt_period(p)
    f = PERIOD_RE.search(tail[:90])
    if f and not re.match(r"\d", f.group("p")):
        return _fmt_period(f.group("p"))
    return None


def _fmt_period(p: str) -> str:
    p = " ".join(p.split())
    p = PERIOD_LEAD.sub("", p)
    p = re.sub(r"^the\s+(?=end\b)", "", p, flags=re.I)
    return p


def _label_for(text: str, seg: str, tail: str, role: str) -> tuple[Optional[str], bool]:
    """(label, own) — own=False means inherit if possible."""
    tail_c = _clean_ws(tail)
    # "a 21% increase in the number of contacts" -> "increase in the number of contacts"
    m = re.match(rf"^\s*(?:percentage\s+points?\s+)?(?P<n>{CHANGE_NOUNS})\s+(?P<p>in|of)\s+(?P<rest>.*)$", tail_c, re.I)
    if m:
        np = _np_forward(m.group("rest"))
        if np:
            return f"{m.group('n')} in {np}", True
    segc = _clean_ws(seg)
    cm = re.search(rf"\b(?P<n>{CHANGE_NOUNS})\s+of\s*(?:approximately|around|about|some)?\s*$", segc, re.I)
    # "50% of plans", "£80.3m of savings"
    m = re.match(r"^\s*(?:out\s+)?of\s+(?!which\b)(?P<rest>.*)$", tail_c, re.I)
    if m:
        np = _np_forward(m.group("rest"))
        if np:
            return (f"{cm.group('n')} in {np}" if cm else np), True
    # "40 participants", "£30.4m overspend"
    fw = WORD_RE.findall(tail_c[:40])
    if fw and fw[0].lower() not in FUNCTION and fw[0] not in (",", ";", ":", "(", ")") and not re.match(r"^[\d£]", fw[0]) \
            and not PERIOD_RE.match(tail_c.lstrip()) and fw[0].lower() not in STOP:
        np = _np_forward(tail_c)
        if np:
            return (f"{cm.group('n')} in {np}" if cm else np), True
    if role == "comparator":
        return None, False
    lab = _subject(seg)
    if lab and (lab.lower() in GENERIC or all(w.lower() in STOP | FUNCTION | DET | AUX for w in lab.split())):
        return None, False
    if lab and role == "target":
        lab = re.sub(r"^(?:the\s+)?targets?\s+(?:for|of|is|was)?\s*", "", lab, flags=re.I)
        lab = re.sub(r"\s+targets?$", "", lab, flags=re.I) or None
    if lab:
        lab = _trim_label(WORD_RE.findall(lab))
    return (lab or None), bool(lab)


def metrics_in_text(text: str) -> list[MetricMention]:
    """Narrative sentence(s) -> one mention per reported number."""
    return _mentions(text, scan_numbers(text, narrative=True))


def _mentions(text: str, nums: list[Num]) -> list[MetricMention]:
    if not nums:
        return []
    sents = _sentences(text)

    def sent_of(pos):
        for a, b in sents:
            if a <= pos < b or (pos == b and a <= pos):
                return a, b
        return 0, len(text)

    out: list[MetricMention] = []
    labels: list[Optional[str]] = []
    roles: list[str] = []
    last_sent_label: Optional[str] = None
    last_by_unit: dict[str, str] = {}
    for i, n in enumerate(nums):
        sa, sb = sent_of(n.start)
        prev = nums[i - 1] if i > 0 and nums[i - 1].end <= n.start and nums[i - 1].end > sa else None
        nxt = nums[i + 1] if i + 1 < len(nums) and nums[i + 1].start < sb else None
        seg_start = prev.end if prev else sa
        segment = text[seg_start:n.start]
        tail = text[n.end:(nxt.start if nxt else sb)]
        full_tail = text[n.end:sb]
        link = None
        if prev and re.match(r"^\s*(?:-|–|—|to|and|or)\s*$", segment, re.I):
            link = "range"
        role, comp = _role(segment, tail, full_tail, n, link)
        if link == "range" and i > 0 and out and roles:
            role = roles[-1] if roles[-1] != "previous" else role
        period = _period(segment, tail, seg_start)
        if period is None and prev is None:
            # the sentence before sets the period ("the quarter 1 (13/14) performance improved ...
            # There was a 21% increase in ..."), when it reports no number of its own
            ps = [x for x in sents if x[1] <= sa]
            if ps:
                pa, pb = ps[-1]
                gap = text[pb:sa]
                if "\n\n" not in gap and not any(pa <= q.start < pb for q in nums):
                    for f in PERIOD_RE.finditer(text[pa:pb]):
                        if not re.match(r"\d|(?:the\s+)?(?:previous|last)|since|in\b|for\b|during|over|this|next", f.group("p"), re.I):
                            period = _fmt_period(f.group("p"))
                            break
        label, own = _label_for(text, segment, tail, role)
        if link == "range" and labels and labels[-1]:
            label, own = labels[-1], True
        if prev is not None and role in ("previous", "comparator") and labels and labels[-1] and not own:
            label, own = labels[-1], True
        if not own and role == "comparator" and prev is None and (last_by_unit.get(n.unit) or last_sent_label):
            label, own = last_by_unit.get(n.unit) or last_sent_label, True
        if not own:
            # inherit: same sentence first, else previous sentence when the subject is a pronoun
            if prev is not None and labels and labels[-1]:
                label = labels[-1]
            elif re.match(r"^\s*(?:this|it|these|that)\b", DISCOURSE.sub("", _strip_periods(segment)).strip(), re.I) and last_sent_label:
                label = last_sent_label
        if label and label.lower() in GENERIC:
            label = None
        # "3 of 37 children": the part takes the whole's label
        out.append(MetricMention(n.value, n.raw, n.unit, label, role, period, comp if role == "comparator" else None,
                                 n.start, n.end))
        labels.append(label)
        roles.append(role)
        if label:
            last_sent_label = label
            last_by_unit[n.unit] = label
    # "3 of 37 children", "13 out of 31 cases": first number takes the second's label
    fixed = []
    for i, m in enumerate(out):
        if i + 1 < len(out) and re.fullmatch(r"\s*(?:out\s+)?of\s*", text[m.end:out[i + 1].start], re.I) and out[i + 1].label:
            m = MetricMention(m.value, m.raw, m.unit, out[i + 1].label, m.role, m.period, m.comparator, m.start, m.end)
        if fixed and fixed[-1].period and m.period is None and re.fullmatch(r"\s*(?:out\s+)?of\s*", text[fixed[-1].end:m.start], re.I):
            m = MetricMention(m.value, m.raw, m.unit, m.label, m.role, fixed[-1].period, m.comparator, m.start, m.end)
        fixed.append(m)
    return fixed


# --------------------------------------------------------------- columns ---

_COL_ROLES = [
    ("change", re.compile(r"\b(?:variance|change|movement|difference|diff|increase|decrease|\+/-|\+/−|over\s*/\s*\(?under\)?\s*spend)\b|^\s*\+/-", re.I)),
    ("comparator", re.compile(r"\b(?:statistical\s+neighbou?rs?|stat\.?\s+neighbou?rs?|SN(?:s)?\s*(?:av(?:erage)?)?|national|nat\.?\s+av(?:erage)?|england|regional|region|comparators?|benchmark|similar\s+authorities|nearest\s+neighbou?rs?)\b", re.I)),
    ("baseline", re.compile(r"\bbase\s*line\b|\bbaseline\b|\bstarting\s+point\b|\bbase\s+year\b", re.I)),
    ("previous", re.compile(r"\b(?:previous|prior|last\s+(?:year|quarter|month|period)|preceding)\b", re.I)),
    ("target", re.compile(r"\b(?:targets?|budget(?:ed)?|plan(?:ned)?|aim|goal|ambition|trajectory|cash\s+limit|tolerance|"
                          # a KPI's floor or threshold: the level it must not fall below
                          r"floor|threshold|minimum\s+standard|intervention\s+level)\b", re.I)),
    ("actual", re.compile(r"\b(?:forecast|actual|outturn|performance|current|latest|result|achieved|spend|position|ytd|"
                          r"year\s+to\s+date|value|rate|likelihood|impact|score|exposure|total|figure|data|q[1-4]|quarter)\b", re.I)),
]
_UNIT_HINT = re.compile(r"(£\s?(?:'?000s?|m|bn|k)?)(?![a-z])|(%|\bper\s?cent\b|\bpercentage\b)|\b(days|weeks|months|years|hours)\b|"
                        r"\((?:1\s*-\s*[0-9]+)\)|\b(score|likelihood|impact|(?<=current\s)risk|(?<=target\s)risk|(?<=inherent\s)risk|"
                        r"(?<=residual\s)risk)\b|\b(rate\s+per|per\s+10,?000|per\s+1,?000)\b", re.I)


@lru_cache(maxsize=4096)   # a header is read once per cell: the same few hundred headers, thousands of times
def column_context(header: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Table header -> (role, period, unit_hint).

    unit_hint uses the `table_unit` vocabulary of metric_in_cell: "£", "£m",
    "£000", "£bn", "£k", "%", "days", "weeks", "months", "years", "hours",
    "score", "rate"."""
    h = _clean_ws(header or "")
    if not h:
        return None, None, None
    role = None
    for r, pat in _COL_ROLES:
        if pat.search(h):
            role = r
            break
    period = None
    pm = None
    for m in PERIOD_RE.finditer(h):
        if m.group("p").lower() in ("to date",):
            continue
        pm = m
        break
    if pm:
        period = _fmt_period(pm.group("p"))
        # "Q4 18 or by month"
    unit = None
    um = _UNIT_HINT.search(h)
    if um:
        if um.group(1):
            unit = um.group(1).replace(" ", "").replace("'", "").replace("000s", "000")
        elif um.group(2):
            unit = "%"
        elif um.group(3):
            unit = um.group(3).lower()
        elif um.group(0).startswith("(") or um.group(4):
            unit = "score"
        elif um.group(5):
            unit = "rate"
    if role is None and unit is not None:
        role = "actual"
    return role, period, unit


_HEADER_NOISE = re.compile(
    r"\b(?:outturn|performance|forecast|actual|target|budget|variance|change|previous|prior|latest|baseline|"
    r"or\s+by\s+month|by\s+month|value|figure|data|result|position)\b|£\s?(?:'?000s?|m|bn|k)?|%|\((?:1\s*-\s*\d+)\)|\(\s*\)", re.I)


@lru_cache(maxsize=4096)
def _header_residual(header: str) -> Optional[str]:
    h = _clean_ws(header or "")
    h = COMPARATOR_RE.sub(" ", h)
    h = re.sub(r"\b(?:average|av\.?|avg)\b", " ", h, flags=re.I)
    h = PERIOD_RE.sub(" ", h)
    h = _HEADER_NOISE.sub(" ", h)
    h = " ".join(h.split()).strip(" -–:,;/()")
    return h.lower() if h and re.search(r"[A-Za-z]{3,}", h) else None


def metric_in_cell(cell_text: str, *, row_label: Optional[str], column_header: Optional[str],
                   table_unit: Optional[str] = None) -> list[MetricMention]:
    """A table cell -> mentions. Label = row label (plus the measured thing the
    header names, "High Needs Spending: current likelihood"); role/period from
    column_context() unless the cell itself says otherwise ("17% (25% Q2)",
    "Dec18 83%", "previous performance of 95.8%")."""
    if not cell_text or not cell_text.strip():
        return []
    c_role, c_period, c_unit = column_context(column_header or "")
    unit_hint = table_unit or c_unit
    stripped = cell_text.strip()
    acct = re.fullmatch(r"\(\s*(\d[\d,]*(?:\.\d+)?)\s*\)", stripped)
    nums_text = cell_text
    mentions = metrics_in_text_cell(nums_text, unit_hint)
    if not mentions:
        return []
    residual = _header_residual(column_header or "")
    base_label = row_label.strip() if row_label and row_label.strip() else None
    if base_label and residual:
        base_label = f"{base_label}: {residual}"
    elif not base_label:
        base_label = residual
    gbp_table = bool(unit_hint and _table_unit(unit_hint)[0] == "gbp")
    out = []
    bare = len(mentions) == 1 and re.fullmatch(r"[\s(+\-−£%\d.,)m]*", stripped) is not None
    for m in mentions:
        role = m.role
        if role == "actual" and c_role:
            role = c_role
        period = m.period or c_period
        comp = m.comparator
        if role == "comparator" and not comp and column_header:
            cm = COMPARATOR_RE.search(column_header)
            comp = _canon_comparator(cm.group("c")) if cm else _clean_ws(column_header)
        label = base_label
        if m.label and not bare and (not base_label or m.label.lower() not in base_label.lower()):
            label = f"{base_label} - {m.label}" if base_label else m.label
        value = m.value
        if acct and gbp_table and len(mentions) == 1:
            value = -abs(value)
        raw = m.raw
        if acct and gbp_table and len(mentions) == 1:
            raw = stripped
        out.append(MetricMention(value, raw, m.unit, label, role, period, comp, m.start, m.end))
    return out


def metrics_in_text_cell(text: str, unit_hint: Optional[str]) -> list[MetricMention]:
    return _mentions(text, scan_numbers(text, narrative=False, table_unit=unit_hint))
