"""Low-level number scanner for council papers.

`scan_numbers(text)` finds every number printed in a piece of text that could
be a reported measure, with its value, unit and exact span, and leaves out the
numbers that are not measures: dates, years and financial years, quarters,
paragraph / section / list numbers, page numbers, phone numbers, report and
decision references, postcodes, times, URLs/e-mails, and numbers that are part
of the name of a thing ("Year 6", "Key Stage 2", "section 18", "priority 4",
"Team Manager (1)"), of a measure's own definition ("within 20 working days",
"three or more placement moves", "each 1% of inflation") or an age band
("aged 18-25", "the 18-25 section", "14 years old").

Pure functions over strings; everything is compiled once at import.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional

from extractors.vocabulary import MONTH, WORD_TENS, WORD_UNITS

# ---------------------------------------------------------------- vocab ----


_UNITS_ALT = "|".join(sorted(WORD_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(WORD_TENS)
WORD_NUM_RE = re.compile(
    rf"\b(?:(?P<tens>{_TENS_ALT})(?:[-\s](?P<tu>one|two|three|four|five|six|seven|eight|nine)\b)?|(?P<unit>{_UNITS_ALT}))\b"
    rf"(?:\s+(?P<hund>hundred|thousand)\b)?", re.I)

DURATION_RE = re.compile(
    r"\s*(?:-\s*)?(?:(?:working|calendar|school|business|clear)\s+)?"
    r"(?P<u>days?|weeks?|months?|years?|yrs|hours?|hrs|minutes?|mins|seconds?|secs)(?![a-z])", re.I)
DURATION_UNIT = {"day": "days", "week": "weeks", "month": "months", "year": "years", "yr": "years",
                 "hour": "hours", "hr": "hours", "minute": "seconds", "min": "seconds",
                 "second": "seconds", "sec": "seconds"}

# --------------------------------------------------------- blocked spans ----

_B = []  # (name, compiled) — spans whose numbers are never metrics


def _b(name: str, pat: str, flags: int = re.I) -> None:
    _B.append((name, re.compile(pat, flags)))


# (an address's local part has at most 64 characters: unbounded, a 100 KB token with no '@' took 20 s)
_b("url", r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+")
_b("date", rf"\b\d{{1,2}}(?:\s?(?:st|nd|rd|th))?[\s-]*(?:of\s+)?{MONTH}[,\s-]*(?:'?\d{{4}}|'?\d{{2}}(?!\d|\s*(?:%|per\b)))?")
_b("date", rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b")
_b("date", rf"\b{MONTH}[\s'’‘-]*(?:\d{{4}}(?:\s*[/-]\s*\d{{2,4}})?|\d{{2}})(?![\d%.,]|\s*%)")
_b("date", r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")
_b("fy", r"\b(?:19|20)\d{2}\s?[/\-–]\s?(?:(?:19|20)\d{2}|\d{2})(?!\d)")
_b("quarter", r"\b(?:quarter|qtr)\s*[1-4]\b(?:\s*\(?\s*\d{2,4}\s*[/-]\s*\d{2,4}\s*\)?)?")
_b("quarter", r"\bQ[1-4](?:\s*(?:(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?|\d{2}(?:\s*[/-]\s*\d{2})?)(?![\d%]))?")
_b("ref", r"\b\d{1,4}/(?:19|20)\d{2}\b|\b\d{2}/\d{4,6}\b")
_b("phone", r"(?:\+44\s?\(?0?\)?\s?|\(?(?<![\d,.£])\b0)\d{2,4}\)?(?:[\s-]?\d{2,7}){1,3}\b")
# UK phone numbers in their printed groupings (several may stand side by side)
_b("phone_uk", r"(?<![\d£.,])(?:\+44\s?(?:\(0\)\s?)?|0)(?:\d{4}\s?\d{6}|\d{3}\s?\d{3}\s?\d{4}|\d{2}\s?\d{4}\s?\d{4}|\d{4}\s?\d{3}\s?\d{3})(?![\d.,])")
_b("postcode", r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", 0)
_b("time", r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:am|pm|a\.m\.|p\.m\.|hrs|hours|noon)(?![a-z])")
_b("time", r"\b(?:1[0-2]|0?[1-9])\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])")
_b("time", r"\b24/7\b")
# a clock time without am/pm where the verb says it is one ("the meeting closed at 20.39")
_b("time", r"\b(?:closed|ended|finished|started|commenced|began|opened|concluded|resumed|adjourned)\s+at\s+"
           r"(?:[01]?\d|2[0-3])[:.][0-5]\d\b", re.I)
# a board paper's code: "HDP(13)07", "TB (8)1.ii"
_b("ref", r"\b[A-Z]{1,6}\s?\(\d{1,3}\)\s?\d{1,3}(?:\.(?:[ivx]+|\d{1,2}))*", 0)
# a cheque, invoice or account number ("Ch. No. 300093", "Ch. 101155")
_b("ref", r"\b(?:Ch|Chq|Inv|Acc|A/C)\.?\s*(?:No\.?\s*)?\d{1,10}\b", 0)
_b("section", r"\b\d+(?:\.\d+){2,}\b")
_b("page", r"\bpages?\s+\d+(?:\s*(?:of|-|–|to)\s*\d+)?")
_b("page", r"\bpp?\.?\s*\d+(?:\s*[-–]\s*\d+)?\b")
# a contents line's page number after its leader dots, spaced or not, or an ellipsis: "Waiting times . . . . 7"
_b("leader", r"(?:\.\s?){3,}\s*\d+|…+\s*\d+")
# references to evidence and questions in inquiry reports: "BC 32", "Q 25", "QQ 12-14", "Ev 34", "HC 179"
# a suppression legend: "<5 = fewer than five children", "<5 and * = suppressed", "counts fewer than five are
# suppressed and shown as <5", and a suppressed value printed as "<5" in a row of figures
_b("suppressed", r"(?:[<≤]\s?\d{1,2}|fewer\s+than\s+(?:\d{1,2}|five|ten|three|six)(?:\s+[a-z]+)?)(?=\s*(?:=|\*|$|and\s+\*|are\s+suppressed|"
                 r"(?:have\s+been|are|were|is)\s+(?:suppressed|not\s+shown|withheld|redacted)))|"
                 r"(?<=shown as )[<≤]\s?\d{1,2}|(?<== )fewer\s+than\s+(?:\d{1,2}|five|ten|three|six)(?:\s+[a-z]+)?")
_b("citation", r"\b(?:BC|QQ?|Qq|Ev|HC|HL|WE|FOI)\s?\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\b", 0)
# a footnote marker printed after a word or full stop: "behaviour.31", "policy”12"
_b("footnote", r"(?<=[a-z][.;:”’\")\]])\d{1,3}(?=\s|$)", 0)
_b("footnote", r"(?<=[a-z]{3})\d{1,3}(?=[\s.,;:]|$)(?![.,]\d)", 0)
# the first day of a day range before a month: "13 to 17 May 2024", "3-7 November"
_b("date", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b")
# "beyond 21", "up to 25" with an age noun near: care leavers' ages
_b("age", r"\b(?:beyond|until|up\s+to|reach(?:ing|es)?|turn(?:ing|s)?)\s+(?:the\s+age\s+of\s+)?\d{2}\b(?=[^.]{0,40}\b(?:care\s+leavers?|young\s+(?:people|person|adults?)|age)\b)", re.I)
_b("footnote", r"\[\s*\d{1,3}\s*\]")
# a reference list's journal citation: "Lancet 2012;379(9834):2373-82", "BMJ 2015; 350: h3231"
_b("citation", r"\b(?:19|20)\d{2}\s*;\s*\d{1,4}\s*(?:\(\s*[\d\s\-–]+\)\s*(?::\s*[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)?"
                r"|:\s*[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)")
_b("citation", r"\b(?:pp?\.|vol\.?|volume|issue|no\.)\s*\d+(?:\s*[-–]\s*\d+)?", re.I)
# pointers into the paper: "see reference 23", "references 24-26", "note 4", "footnote 3"
_b("pointer", r"\b(?:references?|refs?\.?|(?:foot|end)?notes?|annex(?:es)?|appendix|appendices|chapters?|sections?|"
              r"paragraphs?|paras?\.?|pages?|figures?|figs?\.?|tables?|charts?|graphs?|maps?|boxes?)\s+\d+(?:\.\d+)*"
              r"(?:\s*(?:[-–,]|and|to)\s*\d+(?:\.\d+)*)*\b(?!\s*(?:%|per\s?cent))", re.I)
_b("ordinal", r"\b\d+(?:st|nd|rd|th)\b")
# a risk score worked out in its cell, "5 x 4 = 20" or "L4 × I5 = 20": the factors are not measures, the product is
_b("factors", r"(?<![\d.])(?:[LI]\s?)?\d{1,2}\s*[x×X*]\s*(?:[LI]\s?)?\d{1,2}(?=\s*=\s*\d)")
# a register's scoring key, not its findings: "Red 15–25; Amber 8–12; Green 1–6", "rated red (15 to 25)",
# "scored for likelihood (L, 1–5)", "each 1–5", "on a scale of 1 to 5", "(1-5)"
_b("band", r"\b(?:red|amber|green|high|medium|low|very\s+high)\s*(?:\(|[:=]|is|means|if)?\s*\(?\d{1,2}\s*(?:[-–—]|to)\s*\d{1,2}\)?", re.I)
_b("band", r"\b(?:each|scored?|rated|scale\s+of|from)\s*\(?\s*1\s*(?:[-–—]|to)\s*(?:4|5|6|10)\b\)?", re.I)
_b("band", r"\(\s*(?:[LI]|likelihood|impact)?\s*,?\s*1\s*[-–—]\s*(?:4|5|6|10)\s*(?:each)?\s*\)", re.I)
_b("band", r"\bscores?\s+(?:of\s+)?\d{1,2}\s*(?:[-–—]|to)\s*\d{1,2}\s+(?:are|is)\s+(?:rated\s+)?(?:red|amber|green|high|medium|low)\b", re.I)
# a list/reference in brackets: "Team Manager (1,2,3)", "(2)"
_b("bracket", r"\(\s*\d(?:\s*[,&/]\s*\d{1,2})*\s*\)|\(\s*\d{1,2}(?:\s*[,&/]\s*\d{1,2})+\s*\)")
# "Team Delivery Plans 1,2,3,10,11,12", "Team Manager (12)": lists of identifiers
_b("idlist", r"\b\d{1,2}(?:\s*,\s*\d{1,2}\b(?!\.\d)){1,}")
_b("bracket", r"\b(?:Managers?|Officers?|Directors?|Teams?|Plans?|Groups?|Leads?|Workers?|Practitioners?)\s*\(\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*\)")
# numbers in the name of a thing (case-insensitive keywords)
_NAME_KW = (r"sections?|s\.|paragraphs?|paras?|appendix|appendices|annexe?s?|tables?|figures?|fig\.|charts?|"
            r"items?|agenda\s+item|minute|recommendations?|actions?|priorit(?:y|ies)|options?|objectives?|steps?|"
            r"phases?|key\s+stage|tiers?|bands?|grades?|waves?|rounds?|cohorts?|wards?|parts?|chapters?|"
            r"schedules?|articles?|regulations?|rules?|clauses?|versions?|no\.|nos\.|ref\.?|workstreams?|"
            r"themes?|pillars?|principles?|lots?|zones?|localit(?:y|ies)|routes?|kpis?|indicators?|"
            r"junctions?|questions?|criteri(?:on|a)|outcomes?|enablers?|decision\s+no\.?|report\s+no\.?|"
            r"conditions?|sites?|agenda\s+number|afis?|areas?\s+for\s+improvement|q\.|stages?")
_b("name", rf"\b(?:{_NAME_KW})\s*#?(?:[A-Z]{{0,3}}\d+[a-z]?(?:\.\d+)*)(?:\s*(?:,|and|&|or|to|-|–)\s*(?:[A-Z]{{0,3}}\d+[a-z]?(?:\.\d+)*)(?![\d.]*\s*%))*(?![\d.,]*\s*%)")
# a format in a name: "360-degree feedback"
_b("name", r"\b\d{2,3}-degree\b", re.I)
# a pointer to a numbered item: "(see 3.2)", "see 4.1 and 4.3"
_b("pointer", r"\bsee\s+\d+(?:\.\d+)+(?:\s*(?:,|and|&)\s*\d+(?:\.\d+)+)*", re.I)
# capitalised keywords only ("Year 6", "Level 3", "Stage 2", "Team 4" but not "this year 37 ...")
_b("name", r"\b(?:Years?|Levels?|Stages?|Team|Area|Unit|Part|Step|Standard|Measure|Aim|Goal|Floor|Room|Block|"
           r"Lot|District|Group|Panel|Programme|Plan|Tranche|Module|Session|Cycle|Sprint)\s+\d+[a-z]?\b"
           r"(?:\s*(?:-|–|to|and|&|,)\s*(?:(?:Year|Level|Stage)\s+)?\d+\b)*", 0)
# an indicator's or dataset's identifier: "Fingertips indicator ID 92906"
_b("ident", r"\bID\s*:?\s*\d+\b", 0)
# a contract's term ("a 5+2 year contract") and a service's opening pattern ("5 days a week",
# "a seven-day alcohol care team", "a 24-hour helpline"): how a service runs, not a measure of it
_b("term", r"\b\d+\s*\+\s*\d+\s*(?:-\s*)?years?\b")
# a planning horizon or the period a passage looks back on: "over the coming two or three years",
# "for the next one to three years", "in the last 12 months"; how a document is divided: "in two parts"
_NUM_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|few|several)"
_b("horizon", rf"\b(?:over|for|within|during|in)\s+the\s+(?:next|coming|following|last|past|previous)\s+{_NUM_WORD}"
              rf"(?:\s*(?:or|to|-|–)\s*{_NUM_WORD})?\s+(?:years?|months?|weeks?)\b")
_b("structure", r"\b(?:in|into)\s+(?:two|three|four|five|\d)\s+(?:parts|sections|phases|stages|chapters|halves|strands)\b")
# a footnote marker run into a question or exclamation: "What needs to improve?1"
_b("footnote", r"(?<=[?!])\d{1,2}\b")
# a grade named by stars: "Two star data", "five-star open data", "a 3-star rating"
_b("grade", r"\b(?:one|two|three|four|five|[1-5])[\s-]stars?\b(?!\s*(?:reviews?|ratings?\s+(?:from|by)))")
_b("opening", r"\b(?:\d{1,2}|one|two|three|four|five|six|seven)\s+days?\s+(?:a|per)\s+week\b|"
              r"\b(?:\d{1,2}|seven|five)-(?:day|hour)\s+(?=[a-z])")
_b("legislation", r"\b(?:Act|Regulations?|Order|Bill|Directive|Rules)\s+(?:19|20)\d{2}\b", 0)
# ages
# "aged 16 to 25", "aged under 5", and a list of bands: "aged 10-34, 35-64 and 65+"
_AGE_BAND = r"\d+\+?(?:\s*(?:-|–|to|and)\s*\d+)?(?:\s*(?:plus|and\s+over|and\s+under|or\s+over|\+))?"
_b("age", r"\b(?:aged|ages?|ages?\s+of|ages?\s+between|aged\s+between|turning|turns|age\s+of|up\s+to\s+age|from\s+age)"
          rf"\s+(?:(?:under|over|below|above)\s+)?{_AGE_BAND}(?:\s*(?:,|and|or)\s*{_AGE_BAND})*")
# "the under-18 conception rate", "over-65 households"
_b("age", r"\b(?:under|over)-\d{1,2}\b(?!\s*%)")
# "under 18 conception rates", "over 65s"
_b("age", r"\b(?:under|over)[\s-](?:5|11|16|18|19|25|65|75|85)(?:s\b|\s+(?:conceptions?|contraception|pregnanc\w*|population|"
          r"admissions?|year[\s-]olds?|mortality|deaths?|births?))")
# an age reached: "up to and after they reach 25", "until they turn 21"
_b("age", r"\b(?:they|he|she|young\s+people|children)\s+(?:reach|turn)(?:es|s)?\s+\d{1,2}\b(?!\s*(?:%|weeks?|days?|months?))")
# "16- and 17-year-olds", "children under 16", "care leavers over 21": who is meant, by age
_b("age", r"\b\d{1,2}-?\s*(?:and|to|or|-|–)\s*\d{1,2}-year-olds?\b")
_b("age", r"\b(?:children|young\s+people|care\s+leavers|adults|people|pupils|girls|boys|women|men|residents)\s+"
          r"(?:aged\s+)?(?:under|over|below|above)\s+\d{1,2}\b(?!\s*%)")
# a helpline's short number: "Samaritans helpline (116 123)", "call 111"
_b("helpline", r"\b(?:helpline|freephone|phone|telephone|tel\.?|call|text|dial)\s*(?:us\s+)?(?:on\s+)?\(?\d{3}(?:\s?\d{3}){0,3}\b")
_b("age", r"\b\d+(?:\s*(?:-|–|to)\s*\d+)?[\s-]*years?[\s-]*olds?\b(?!\s+(?:system|building|vehicle|equipment|asset))")
_b("age", r"\b(?:under|over)[\s-]\d+s\b|\b\d+\s*(?:-|–)\s*\d+\s+year\b")
# a glyph the PDF maps to no character: "(cid:3025)"
_b("glyph", r"\(cid:\d+\)")
# age bands in brackets after the population: "adults (18+)", "people (16-64)"
_b("age", r"\(\s*\d{1,2}\s*(?:\+|(?:-|–|to)\s*\d{1,2})\s*(?:years?)?\s*\)(?=\s*(?:[a-z]|$))", 0)
_b("age", r"\b(?:adults?|people|persons|children|young\s+people|residents|population|men|women|males|females|pupils)\s*"
          r"\(\s*(?:aged\s+)?\d{1,2}\s*(?:\+|(?:-|–|to)\s*\d{1,2})\s*(?:years?)?\s*\)", re.I)
# the confidence level of an interval is a statistical setting, not a measure
_b("confidence", r"\b(?:90|95|99(?:\.9)?)\s*%\s*(?:confidence|CIs?\b|C\.I\.|(?:significance\s+)?level\b)", re.I)
# thresholds inside a measure's own name
_b("threshold", r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)%?\s+(?:[a-z]+\s+)?or\s+(?:more|less|fewer|over|above|below|under|greater|higher|lower)\b")
_b("threshold", r"\b\d+(?:\.\d+)?\s+(?:and|or)\s+(?:over|above|under|below)\b|\b\d+\s+plus\b(?=\s+(?:for|in|with|who|services?)\b)")
_b("threshold", r"\b(?:each|every|per)\s+\d+(?:\.\d+)?\s*%")
_b("boilerplate", r"\bmore\s+than\s+\d+\s+Electoral\s+Divisions?\b")
# what a rate counts, then its base: " admissions per 100,000", " fast food outlets per 100,000"
_COUNTED_PER = re.compile(r"\s+(?:[A-Za-z][\w'’-]*\s+){1,4}per\s+(?:1,?000|10,?000|100,?000|1,?000,?000)\b", re.I)
# rate base: "per 10,000" — the base is not a metric of its own
_b("ratebase", r"\bper\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?!\s*%)(?:\s+(?:of\s+the\s+)?(?:population|people|children|residents|pupils|adults|households|births))?")

# -------------------------------------------------------- number tokens ----

NUM_RE = re.compile(
    r"(?P<cur>£|GBP\s?)?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>bn|billion|million|mn|m|k|thousand)(?![a-zA-Z]))?"
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?"
    r"(?P<pa>\s(?:pa|p\.a\.|per\s+annum)\b)?",
    re.I)
SCALE = {"bn": 1e9, "billion": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "k": 1e3, "thousand": 1e3}
TABLE_UNIT_RE = re.compile(r"£\s?(?:'?000s?|k|m|bn)\b|£000|£'000", re.I)
RATIO_RE = re.compile(r"(?<![\d:.])(\d{1,3})\s?:\s?(\d{1,4})(?![\d:])")
IN_RATIO_RE = re.compile(rf"\b(\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten)\s+in\s+(\d{{1,4}}|{_UNITS_ALT}|{_TENS_ALT})\b(?!\s*(?:/|-))", re.I)
# a risk score worked out where it is printed: "L 5 x I 4 = 20", "Likelihood 4 x Impact 5 = 20", "4x4=16"
PRODUCT_RE = re.compile(r"(?<![\w.])(?:(?:L|Likelihood|Prob(?:ability)?)\s*:?\s*)?(?P<a>[1-9]\d?)\s*[x×X*]\s*"
                        r"(?:(?:I|Impact|Severity|Consequence)\s*:?\s*)?(?P<b>[1-9]\d?)\s*=\s*(?P<s>\d{1,3})(?![\d.])|"
                        # "I5 L3 = 15", "Likelihood: 4, Impact: 3, Score: 12": the factors named, in either order
                        r"(?<![\w.])(?:I|Impact|L|Likelihood)\s*:?\s*(?P<a2>[1-9])\s*[,;x×]?\s*(?:I|Impact|L|Likelihood)\s*:?\s*"
                        r"(?P<b2>[1-9])\s*(?:=|[,;]\s*(?:(?:risk\s+)?score|rating)\s*:?)\s*(?P<s2>\d{1,3})(?![\d.])", re.I)
SLASH_RE = re.compile(r"(?<![\d/.])(\d{1,3}(?:\.\d)?)\s?/\s?(\d{1,3})(?![\d/])")
RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to)\s*$", re.I)
AGE_LEFT = re.compile(r"(?:aged|ages?|between|the|a|an|for|under|over)\s*$", re.I)
NAME_FOLLOW = re.compile(r"^\s*(?:years?|yrs?|sections?|services?|teams?|cohorts?|olds?|sis|pathways?|offer|provision|transitions?|plans?|year-olds?)\b", re.I)
LINE_NUM_RE = re.compile(r"^[ \t]*(?:[-•*·▪o]\s+)?(\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[.)]|[ \t]*\|)?(?=[ \t]+[A-Z(‘'\"“]|[ \t]*\|)"
                         # minutes numbered in one run over the years: "2568. Approval of minutes"
                         r"|^[ \t]*(\d{4})[.)](?=[ \t]+[A-Z])", re.M)
LINE_NUM2_RE = re.compile(r"^[ \t]*(?:[-•*·▪o]\s+)?(\d{1,3}(?:\.\d{1,3})*)[.)](?=[ \t]+\d)", re.M)
LONE_NUM_RE = re.compile(r"^[ \t]*\d{1,3}[ \t]*$", re.M)
# prose: a small number straight after a capitalised word or initials, then
# a bracket, colon, dash, quote, another name or the end of a sentence, names
# a thing ("Site 2 (Livox)", "Case Study 2:", "IFRS 9 Statutory", "CO 2 ’",
# "Q.4 –"); a count comes before its noun, and label-value listings
# ("Crawley 12 Horsham 9", a number ending its line) keep their numbers
IDENT_RE = re.compile(r"(?<![\w’'£$])(?!(?:Total|Target|Actual|Baseline|Average|Mean|Median|About|Around|Approximately|"
                      r"Nearly|Almost|Over|Under|Only|Just|Some|All|By|In|Of|To|At|On|From|With|Than|Score|Scored|Rate|"
                      r"Figure|Number|Cost|Budget|Spend|Value|Up|Down|Rose|Fell|Was|Were|Is|Are|And|Or|Plus|Minus)\b)"
                      r"(?:[A-Z][a-z]+|[A-Z]{1,6}|[A-Z][a-z]{0,3}\.)[ \t]?(\d{1,3})(?![\d%/-]|[.:,]\d|[ \t]*(?:%|per\s?cent|[a-z£$]|(?:[-–]|to)[ \t]*\d))"
                      # what follows shows a name, not a value in a list of label-value pairs
                      # ("Crawley 12 Horsham 9" and a number ending its line stay numbers)
                      r"(?=[ \t]*(?:\(|:|[–—-][ \t]|[’”']|[A-Z][\w’'-]*+(?![ \t]+\d))|[ \t]*\)?[.;,][ \t]+[A-Z])")
QUALIFIER_RE = re.compile(r"(?:\b(?:approximately|approx\.?|around|about|circa|c\.|some|nearly|almost|over|under|"
                          r"more\s+than|less\s+than|fewer\s+than|up\s+to|just\s+(?:over|under)|at\s+least)\s+)$", re.I)
WITHIN_RE = re.compile(r"(?:\b(?:within|every|each|per|after|before|under|up\s+to|at\s+least|in\s+the\s+(?:last|past|next|first)|"
                       r"over\s+the\s+(?:last|past|next|coming)|during\s+the\s+(?:last|past|next)|for\s+(?:more|less|longer)\s+than|"
                       r"(?:more|less|longer|fewer)\s+than|the\s+(?:last|past|next|first)|a\s+further|than)\s+(?:the\s+)?)$", re.I)


@dataclass
class Num:
    start: int
    end: int
    raw: str
    value: float
    unit: str        # percent|count|days|...|gbp|score|ratio|rate
    kind: str        # digit|word|ratio|score
    scaled: bool = False   # money carried an explicit scale (m, bn, k)


def blocked_spans(text: str, *, narrative: bool = True) -> tuple[tuple[int, int, str], ...]:
    """Spans of `text` whose numbers are never metrics (dates, refs, phone
    numbers, ages, list numbers ...). A paper's cells and paragraphs are
    scanned by several passes, so short texts are remembered (a bounded
    cache; a long text is not kept alive by it)."""
    if len(text) > 2000:
        return tuple(_blocked_spans(text, narrative))
    return _blocked_spans_cached(text, narrative)


@lru_cache(maxsize=8192)
def _blocked_spans_cached(text: str, narrative: bool) -> tuple[tuple[int, int, str], ...]:
    return tuple(_blocked_spans(text, narrative))


def _blocked_spans(text: str, narrative: bool) -> list[tuple[int, int, str]]:
    spans = []
    for name, pat in _B:
        for m in pat.finditer(text):
            if name == "phone":
                digits = re.sub(r"\D", "", m.group(0))
                if not 10 <= len(digits) <= 13:
                    continue
            spans.append((m.start(), m.end(), name))
    if narrative:
        for m in LINE_NUM_RE.finditer(text):
            g = 1 if m.group(1) is not None else 2
            spans.append((m.start(g), m.end(g), "listnum"))
        for m in LINE_NUM2_RE.finditer(text):
            spans.append((m.start(1), m.end(1), "listnum"))
        for m in LONE_NUM_RE.finditer(text):
            spans.append((m.start(), m.end(), "lone"))
        for m in IDENT_RE.finditer(text):
            spans.append((m.start(1), m.end(1), "ident"))
    spans.extend(_inline_list_numbers(text))
    spans.extend(_axis_ticks(text))
    # financial years written with two-digit years: 13/14, 24-25
    for m in re.finditer(r"(?<![\d/.£,])(\d{2})\s?([/-])\s?(\d{2})(?![\d/%.]|\s*%)", text):
        a, b = int(m.group(1)), int(m.group(3))
        if b == (a + 1) % 100:
            spans.append((m.start(), m.end(), "fy"))
    # a vote's tally is a count, however small, not a lone or list number: "For (9)", "Against (0)", "Abstain (2)"
    tallies = [(m.start(1), m.end(1)) for m in _VOTE_TALLY.finditer(text)]
    return [sp for sp in spans if not any(sp[0] < e and s < sp[1] for s, e in tallies)]


_VOTE_TALLY = re.compile(r"(?:^|(?<=[\s.;:]))(?:For|Against|Abstain(?:ed|ing)?|Abstentions?)\s*\((\d{1,3})\)")


# "... improve practice 3. Relocate the team 4. Ensure that ...": a list run
# into one line (table cells, text extracted from columns)
_INLINE_ITEM = re.compile(r"(?<![\d.,£])\b(\d{1,2})[.)](?=\s+[A-Z‘'\"“(])")


def _inline_list_numbers(text: str) -> list[tuple[int, int, str]]:
    """Item numbers of a numbered list written inline: "N." or "N)" before
    a capitalised word, where N-1 or N+1 stands the same way in the same
    text (a number that ends a sentence has no such neighbour)."""
    found = [(int(m.group(1)), m.start(1), m.end(1)) for m in _INLINE_ITEM.finditer(text)]
    values = {n for n, _, _ in found}
    return [(s, e, "listnum") for n, s, e in found if n - 1 in values or n + 1 in values] + _footnote_numbers(text)


# a footnote's number before its text: "3 Q 18; ...", "4 Housing Grants Act 2011", "6 Written evidence ..."
_NOTE_START = re.compile(r"(?:^|(?<=[\s;.]))(\d{1,3})(?=\s+[A-Z‘'\"“(&])")


def _footnote_numbers(text: str) -> list[tuple[int, int, str]]:
    """A run of footnotes printed as one block ('2 C&AG's Report, paras
    1.4–1.6 3 Q 18; ... 4 Housing Grants ... 5 Q 47'): the text opens with a
    number before a capital, and the next numbers follow it in order, each
    before a capital. Those numbers are the notes' own."""
    first = _NOTE_START.match(text)
    if not first:
        return []
    out, want = [(first.start(1), first.end(1), "note")], int(first.group(1)) + 1
    for m in _NOTE_START.finditer(text, first.end()):
        if int(m.group(1)) == want:
            out.append((m.start(1), m.end(1), "note"))
            want += 1
    return out if len(out) >= 2 else []


_TICK_RUN = re.compile(r"(?<![\d.,£%-])\d{1,6}(?:[ \t]+\d{1,6}){4,}(?![\d.,%])")


def _axis_ticks(text: str) -> list[tuple[int, int, str]]:
    """A chart's axis labels left in the text layer: five or more whole
    numbers separated only by spaces, rising or falling by one constant
    step ('0 1 2 3 4 5', '0 50 100 150 200'). A table row of amounts has no
    constant step."""
    out = []
    for m in _TICK_RUN.finditer(text):
        vals = [int(v) for v in m.group(0).split()]
        steps = {b - a for a, b in zip(vals, vals[1:])}
        if len(steps) == 1 and 0 not in steps:
            out.append((m.start(), m.end(), "axis"))
    return out


def _overlaps(s: int, e: int, spans) -> bool:
    for a, b, _ in spans:
        if s < b and a < e:
            return True
    return False


# "2.4 times the female rate", "three times as high"
_TIMES_THE = re.compile(r"\s+times\s+(?:the|that|those|as|higher|more|greater|lower|larger|bigger|smaller|faster|slower)\b")


def _word_value(m: re.Match) -> Optional[float]:
    if m.group("unit"):
        v = WORD_UNITS[m.group("unit").lower()]
    else:
        v = WORD_TENS[m.group("tens").lower()] + (WORD_UNITS[m.group("tu").lower()] if m.group("tu") else 0)
    if m.group("hund"):
        v *= 100 if m.group("hund").lower() == "hundred" else 1000
    return float(v)


def parse_number(s: str) -> float:
    return float(s.replace(",", ""))


_DIGIT = re.compile(r"\d")


_FRACTION_WORD = re.compile(r"(?i)\b(?:half|thirds?|quarters?|fifths?|tenths?|twice|doubl(?:e|ed|es|ing)|tripled|trebled|[a-z]+-?fold)\b")
_FRACTION = re.compile(
    r"(?i)\b(?:(?P<num>a|one|two|three|four|seven|nine)[\s-]+(?P<part>thirds?|quarters?|fifths?|tenths?)(?=\s+of\b|\s*\()|"
    r"(?P<half>half)(?=\s+(?:of|the|all|its|their|those|these)\b|\s*\()|"
    r"(?P<by_half>(?<=\bby\s)(?:(?:more|less)\s+than\s+|almost\s+|nearly\s+|over\s+)?half)\b|"
    r"(?P<two>twice(?!\s+(?:a|an|per|each|every)\s)|doubled|doubles|doubling|double(?=\s+(?:the|that|those|what|its|their)\b))(?![\w-])|"
    r"(?P<three>tripled|trebled)\b|"
    r"(?P<fold>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[\s-]?fold\b)")
_PARTS = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_NUMERATOR = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "seven": 7, "nine": 9}


def _fraction_value(m: re.Match, text: str) -> Optional[float]:
    """The share or multiple a verbal fraction states; None where the words
    name a period or an ordinal ("the first half of the year", "a third
    round")."""
    before = text[max(0, m.start() - 12):m.start()].lower()
    if m.group("half") or m.group("by_half"):
        if re.search(r"(?:first|second|last|latter|former|other|the|a)\s*$", before) and not m.group("by_half"):
            return None   # "the first half of 2024", "the half of ...": a period or a part, not a share
        return 0.5
    if m.group("part"):
        den = _PARTS[m.group("part").lower().rstrip("s")]
        num = _NUMERATOR[m.group("num").lower()]
        return round(num / den, 10) if num < den else None
    if m.group("two"):
        return 2.0
    if m.group("three"):
        return 3.0
    if m.group("fold"):
        w = m.group("fold").lower()
        return float(w) if w.isdigit() else float(WORD_UNITS.get(w, 0) or 0) or None
    return None


def scan_numbers(text: str, *, narrative: bool = True, table_unit: Optional[str] = None) -> list[Num]:
    """Every candidate measure number in `text`, in order.

    Longer than 80 lines, knowingly: one left-to-right pass whose cases
    (ratios, scores, digits with their units, durations, ranges, signs,
    rates, words) share the `taken` spans, so a number one case claims is
    not read again by the next; split along those cases only with a
    whole-corpus byte comparison (issue 12 leaves it for the next session).

    narrative=False is for table cells: no line-number / lone-number rules.
    table_unit: "£m", "£000", "£bn", "£k", "£", "%" or a unit name; applied to
    bare numbers (no printed unit)."""
    if not _DIGIT.search(text) and not WORD_NUM_RE.search(text) and not _FRACTION_WORD.search(text):
        return []   # nothing a number can be read from (half the strings a paper has): skip the ~40 scans below
    spans = blocked_spans(text, narrative=narrative)
    out: list[Num] = []
    taken: list[tuple[int, int, str]] = []

    def free(s, e):
        return not _overlaps(s, e, spans) and not _overlaps(s, e, taken)

    # ratios "1:25", "1 in 10"
    for m in RATIO_RE.finditer(text):
        left = text[max(0, m.start() - 40):m.start()].lower()
        a, b = int(m.group(1)), int(m.group(2))
        if b == 0 or not free(m.start(), m.end()):
            continue
        if "ratio" in left or a == 1:
            out.append(Num(m.start(), m.end(), m.group(0), a / b, "ratio", "ratio"))
        taken.append((m.start(), m.end(), "ratio"))
    for m in IN_RATIO_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a_s, b_s = m.group(1).lower(), m.group(2).lower()
        a = float(a_s) if a_s.isdigit() else WORD_UNITS.get(a_s, 0)
        b = float(b_s) if b_s.isdigit() else WORD_UNITS.get(b_s) or WORD_TENS.get(b_s)
        if not b or a > b or (b_s.isdigit() and 1900 <= int(b_s) <= 2099):
            continue
        out.append(Num(m.start(), m.end(), m.group(0), a / b, "ratio", "ratio"))
        taken.append((m.start(), m.end(), "ratio"))
    # shares and multiples in words: "about half of", "more than a third of", "two thirds of",
    # "twice the", "more than double", "fivefold"
    for m in _FRACTION.finditer(text):
        value = _fraction_value(m, text)
        if value is None or not free(m.start(), m.end()):
            continue
        # "twice the rate" compares (a ratio); "postponed twice" counts times
        unit = "count" if m.group(0).lower() == "twice" and not re.match(r"\s+(?:the|as|that|those|what|its|their)\b",
                                                                           text[m.end():m.end() + 8], re.I) else "ratio"
        out.append(Num(m.start(), m.end(), m.group(0), value, unit, "word"))
        taken.append((m.start(), m.end(), "ratio"))
    # a risk score and its factors: one figure, the score ("L 5 x I 4 = 20" gives 20)
    for m in PRODUCT_RE.finditer(text):
        # (the factors are blocked spans: the product alone is free)
        g = "s" if m.group("s") else "s2"
        a, b = (m.group("a"), m.group("b")) if m.group("s") else (m.group("a2"), m.group("b2"))
        if not free(m.start(g), m.end(g)) or int(a) * int(b) != int(m.group(g)):
            continue
        out.append(Num(m.start(), m.end(), m.group(0), float(m.group(g)), "score", "score"))
        taken.append((m.start(), m.end(), "product"))
    # scores "4/10"
    for m in SLASH_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b = float(m.group(1)), int(m.group(2))
        if b in (3, 4, 5, 6, 7, 10, 20, 25, 50, 100) and a <= b and not (a == b == 50):
            out.append(Num(m.start(), m.end(), m.group(0), a, "score", "score"))
        taken.append((m.start(), m.end(), "slash"))

    for m in NUM_RE.finditer(text):
        s, e = m.start("num"), m.end()
        if m.group("cur"):
            s = m.start("cur")
        numtxt = m.group("num")
        if m.group("cur") and re.fullmatch(r"0+", numtxt):
            continue   # "£000s" column unit
        if not free(m.start("num"), m.end("num")):
            continue
        # trim trailing space captured before nothing
        raw_end = e
        # letters glued to the number ("EIP2", "4oversight", "3yr", "Q4", "A21") are names
        before = text[m.start("num") - 1] if m.start("num") > 0 else " "
        if not m.group("cur") and (before.isalpha() or before in "_"):
            continue
        if not m.group("cur") and m.start("num") >= 2 and before == "-" and text[m.start("num") - 2].isalpha():
            continue   # COVID-19, Tier-2
        after = text[raw_end:raw_end + 1]
        if after.isalpha() and not (m.group("pct") or m.group("scale")):
            continue
        if after == "/" or (before == "/" and not m.group("cur")):
            continue
        if after == "." and text[raw_end + 1:raw_end + 2].isdigit():
            continue   # part of a dotted ref
        scale = (m.group("scale") or "").lower()
        cur = bool(m.group("cur"))
        pct = bool(m.group("pct"))
        if scale in ("m", "k", "bn", "mn") and not cur:
            # 5m (metres?) 4k: only money takes the short scales, except counts of
            # people ("a population of circa 1.9m", "2.3m visitors")
            ctx = text[max(0, m.start("num") - 40):m.start("num")] + " " + text[raw_end:raw_end + 25]
            if scale == "k" or not re.search(r"\b(?:population|residents?|people|households|visitors|passengers|journeys|users|patients)\b", ctx, re.I):
                continue
        value = parse_number(numtxt)
        unit = "count"
        scaled = False
        if cur:
            unit = "gbp"
        if scale:
            value *= SCALE[scale]
            scaled = True
        if pct:
            unit = "percent"
        # £m / £000 written just before the number ("TOTAL £m 334.7")
        if not cur and not pct:
            pre = text[max(0, m.start("num") - 8):m.start("num")]
            tu = re.search(r"(£\s?m|£\s?bn|£\s?'?000s?|£\s?k)\s*$", pre, re.I)
            if tu:
                unit, scaled = "gbp", True
                value *= _scale_of(tu.group(1))
                s = m.start("num")
        # 4-digit years
        if (not cur and not pct and not scale and "," not in numtxt and "." not in numtxt
                and len(numtxt) == 4 and 1900 <= int(numtxt) <= 2099 and text[raw_end:raw_end + 1] != "+"):
            continue
        # duration
        dm = None
        if unit == "count":
            dm = DURATION_RE.match(text, raw_end)
            if dm:
                u = dm.group("u").lower().rstrip("s")
                unit = DURATION_UNIT.get(u, DURATION_UNIT.get(u.rstrip("s"), "count"))
                if u in ("minute", "min"):
                    value *= 60
                elif u in ("sec",):
                    pass
                singular = not dm.group("u").lower().endswith("s") and u not in ("yr", "hr", "min", "sec")
                nxt = text[dm.end():dm.end() + 20]
                # "a 4 year plan", "12 month period", "3-year programme": adjectival, part of a name
                if (singular and value != 1) or re.match(r"[\s-]+[a-z]", nxt) and singular:
                    continue
                left = text[max(0, s - 40):s]
                if WITHIN_RE.search(left):
                    continue
                raw_end = dm.end()
        # "2.4 times the female rate", "three times as high": a ratio of two rates
        if unit == "count" and _TIMES_THE.match(text[raw_end:raw_end + 20]):
            unit = "ratio"
        # ranges written without spaces "18-25" used as names / age bands
        rm = re.match(r"\s*(?:-|–)\s*(\d+)(?![\d.,%])", text[raw_end:raw_end + 8])
        if unit == "count" and "." not in numtxt and rm and "-" in text[raw_end:raw_end + 2]:
            tail = text[raw_end + rm.end():]
            left = text[max(0, s - 12):s]
            if AGE_LEFT.search(left) or NAME_FOLLOW.match(tail) or text[raw_end:raw_end + 1] == "-":
                if AGE_LEFT.search(left) or NAME_FOLLOW.match(tail):
                    taken.append((s, raw_end + rm.end(), "agerange"))
                    continue
        lb = text[max(0, m.start("num") - 12):m.start("num")]
        if re.search(r"-\s*$", lb) and re.search(r"\d\s*(?:-|–)\s*$", lb) and any(
                t[2] == "agerange" and t[1] >= m.start("num") for t in taken):
            continue
        # time "10.00" with no unit
        if unit == "count" and table_unit is None and re.fullmatch(r"(?:[01]?\d|2[0-3])\.(?:00|15|30|45)", numtxt):
            continue
        # colon ratio/time leftovers like "14:30"
        if text[raw_end:raw_end + 1] == ":" and text[raw_end + 1:raw_end + 2].isdigit():
            continue
        # sign
        sign = ""
        ps = s
        if ps >= 1 and text[ps - 1] in "+-−" and (ps < 2 or text[ps - 2] in " \t\n(=[:"):
            sign = text[ps - 1]
            s = ps - 1
        elif ps >= 2 and text[ps - 2:ps] == "+ " and (ps < 3 or text[ps - 3] in " \t\n(=[:"):
            sign = "+"
            s = ps - 2
        if sign in "-−" and sign:
            value = -value
        # "+" after the number: "2000+", "30+"
        if text[raw_end:raw_end + 1] == "+":
            raw_end += 1
        pm = re.match(r"\s+plus\b", text[raw_end:raw_end + 8], re.I)
        if pm and unit == "count":
            raw_end += pm.end()
        # rate: "45.2 per 10,000"
        rb = re.match(r"\s*per\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:of\s+the\s+)?(?:population|people|children|residents|pupils|adults|households|births))?", text[raw_end:])
        if rb and unit in ("count",):
            unit = "rate"
            raw_end += rb.end()
        elif unit == "count" and re.search(r"\b(?:rate|per)\s+(?:\d{1,3}(?:,\d{3})+|1000|10000|100000)\b[^.;]{0,40}$", text[max(0, s - 80):s], re.I):
            unit = "rate"
        elif unit == "count" and _COUNTED_PER.match(text[raw_end:raw_end + 80]):
            unit = "rate"   # "524.7 admissions per 100,000", "142.6 fast food outlets per 100,000 people"
        # table unit for bare numbers
        if unit == "count" and table_unit and not cur:
            u2, mult = _table_unit(table_unit)
            if u2:
                unit = u2
                value *= mult
                scaled = u2 == "gbp" and mult != 1
        # lowercase "level 6" = a score on a scale
        if unit == "count" and re.search(r"(?<![A-Za-z])level\s+$", text[max(0, s - 7):s]):
            s = s - len(re.search(r"level\s+$", text[max(0, s - 7):s]).group(0))
            unit = "score"
        if _criterion(text, s, raw_end):
            taken.append((m.start("num"), raw_end, "criterion"))
            continue
        # qualifiers printed with the number belong in raw ("approximately 21,000")
        qm = QUALIFIER_RE.search(text[max(0, s - 25):s])
        if qm and not sign:
            s = s - len(qm.group(0))
        raw = text[s:raw_end].strip()
        s = s + (len(text[s:raw_end]) - len(text[s:raw_end].lstrip()))
        out.append(Num(s, s + len(raw), raw, value, unit, "digit", scaled))
        taken.append((m.start("num"), raw_end, "num"))

    # numbers written as words
    for m in WORD_NUM_RE.finditer(text):
        s, e = m.start(), m.end()
        w = m.group(0).lower()
        if w in ("one", "zero") or not free(s, e):
            continue
        nxt = text[e:e + 40]
        prv = text[max(0, s - 30):s]
        if re.match(r"-[a-z]", nxt) or re.match(r"\s*(?:of\s+(?:us|them|which)|or\s+more)\b", nxt, re.I):
            continue
        if not re.match(r"\s+(?:of\s+(?:the|our|these|those|their)\b|per\s?cent|percent|[a-zA-Z'‘])", nxt) and not re.match(r"\s*%", nxt):
            continue
        if re.search(r"(?:\bthese|\bthose|\bfollowing|\bboth)[\s*_]+$", prv, re.I) or (
                re.search(r"\bthe\s+$", prv, re.I) and re.match(r"\s+(?:key|main|core|broad|strategic)\b", nxt, re.I)):
            continue   # "those two frameworks", "the following three key areas": structure, not a count
        value = _word_value(m)
        unit = "count"
        end = e
        pm = re.match(r"\s*(?:%|per\s?cent\b|percent\b)", nxt, re.I)
        if pm:
            unit = "percent"
            end = e + pm.end()
        elif _TIMES_THE.match(nxt):
            unit = "ratio"
        else:
            dm = DURATION_RE.match(text, e)
            if dm:
                if WITHIN_RE.search(text[max(0, s - 40):s]) or not dm.group("u").lower().endswith("s"):
                    continue
                u = dm.group("u").lower().rstrip("s")
                unit = DURATION_UNIT.get(u, "count")
                end = dm.end()
        qm = QUALIFIER_RE.search(text[max(0, s - 25):s])
        if qm:
            s -= len(qm.group(0))
        out.append(Num(s, end, text[s:end], value, unit, "word"))
        taken.append((m.start(), end, "word"))

    out.sort(key=lambda n: n.start)
    _share_range_units(text, out)
    _share_interval_units(text, out)
    _share_rate_unit(text, out)
    return out


# what may follow a rate printed bare: a bracket, a period, a conjunction - not a noun it counts
_BARE_AFTER = re.compile(r"^\s*(?:[).,;:]|(?:in|to|and|or|for|at|on|than|compared|against|vs\.?|versus)\b|$)", re.I)


_BRACKETED_COMPARATOR = re.compile(r"(?i)\b(?:england|national(?:ly)?|statistical\s+neighbou?rs?|region(?:al)?|"
                                   r"similar\s+(?:areas|authorities|councils)|wales|scotland|the\s+uk|[A-Z][a-z]+shire)\s*\($")


# a threshold that defines who or what is counted, not a measure: "children placed more than 20 miles
# from home", "spending over £500", "earning more than £150,000", "drink more than 14 units a week"
_THRESHOLD = r"(?:more\s+than|over|under|above|below|at\s+least|in\s+excess\s+of|fewer\s+than|less\s+than)\s*"
_CRITERION_LEFT = re.compile(r"(?i)\b(?:aged|earning|earn|earns|contracts?|tenders?|placed|living|drink|drinking|drinks|"
                             r"travel(?:ling)?|journals?|payments?|invoices?|transactions?|purchases?|orders?)\s+(?:of\s+)?"
                             + _THRESHOLD + r"£?$|"
                             # a condition: "the wards where uptake is below 50%", "if the backlog rises above 500"
                             r"\b(?:where|if|when|unless)\b[^.;]{0,40}?\b(?:below|above|under|over|less\s+than|more\s+than|"
                             r"fewer\s+than)\s*£?$")
_CRITERION_RIGHT = re.compile(r"(?i)\s*(?:miles?|km|kilometres?|metres?|units?\s+(?:a|per)\s+week|mph)\b")


def _criterion(text: str, start: int, end: int) -> bool:
    """A number that sets a threshold for what is counted ('placed more than
    20 miles from home', 'spending over £500'): part of the measure's name
    (SPEC), not a reported value."""
    left = text[max(0, start - 40):start]
    if _CRITERION_LEFT.search(left):
        return True
    return bool(re.search(r"(?i)" + _THRESHOLD + r"$", left) and _CRITERION_RIGHT.match(text, end))


def _share_rate_unit(text: str, nums: list[Num]) -> None:
    """Rates printed bare after the paragraph has given one with its base
    ("a rate of 524.7 per 100,000 ... higher than England (319.0)", "rose
    from 389.1 in 2016/17"): a decimal number counting nothing that the
    text names is a rate too. Counts of people or cases are whole numbers."""
    first = next((i for i, n in enumerate(nums) if n.unit == "rate"), None)
    if first is None:
        return
    for n in nums[first + 1:]:
        if n.unit != "count" or n.kind != "digit" or not _BARE_AFTER.match(text[n.end:n.end + 30]):
            continue
        if re.fullmatch(r"\d[\d,]*\.\d+", n.raw) or _BRACKETED_COMPARATOR.search(text[max(0, n.start - 40):n.start]) \
                and text[n.end:n.end + 1] == ")":
            n.unit = "rate"   # (whole numbers too when in brackets after a comparator: "England (59)")


# between an estimate and its interval: "10.9% (95% CI 9.4–12.6)", "5.9 per 100,000 (95% CI: 3.9 to 8.6)",
# "12.3% (10.1–14.8)"
_INTERVAL_OPEN = re.compile(r"^\s*[(\[,;]?\s*(?:(?:90|95|99(?:\.9)?)\s*%\s*)?(?:CI|C\.I\.|confidence\s+interval)?\s*[:=]?\s*$", re.I)


def _share_interval_units(text: str, nums: list[Num]) -> None:
    """An interval's bounds printed bare after the estimate take its unit
    ("10.9% (95% CI 9.4–12.6)": the bounds are percentages)."""
    for i, n in enumerate(nums):
        if n.unit not in ("percent", "rate") or i + 2 >= len(nums):
            continue
        lo, hi = nums[i + 1], nums[i + 2]
        gap = text[n.end:lo.start]
        if {lo.unit, hi.unit} <= {"count", n.unit} and lo.kind == hi.kind == "digit" and "(" in gap + text[n.end - 1:n.end] \
                and _INTERVAL_OPEN.match(gap) and RANGE_SEP.match(text[lo.end:hi.start]):
            lo.unit = hi.unit = n.unit


def _scale_of(tok: str) -> float:
    t = tok.lower().replace(" ", "").replace("'", "")
    if t.endswith("bn"):
        return 1e9
    if t.endswith("m"):
        return 1e6
    if "000" in t or t.endswith("k"):
        return 1e3
    return 1.0


def _table_unit(tu: str) -> tuple[Optional[str], float]:
    t = tu.strip().lower().replace(" ", "").replace("'", "")
    if t.startswith("£") or t in ("gbp", "pounds"):
        return "gbp", _scale_of(t) if t not in ("£", "gbp", "pounds") else 1.0
    if t in ("%", "percent", "percentage"):
        return "percent", 1.0
    if t in ("days", "weeks", "months", "years", "hours", "seconds", "score", "rate", "ratio", "count"):
        return t, 1.0
    return None, 1.0


def _share_range_units(text: str, nums: list[Num]) -> None:
    """'12-15%', '£1-2m': the first number of a range takes the unit of the second."""
    for a, b in zip(nums, nums[1:]):
        if a.unit == "count" and b.unit != "count" and a.kind == b.kind == "digit" and RANGE_SEP.match(text[a.end:b.start]):
            if b.unit == "gbp" and b.scaled and "£" not in a.raw:
                m = re.search(r"(bn|billion|million|mn|m|k|thousand)\b", b.raw, re.I)
                if m:
                    a.value *= SCALE[m.group(1).lower()]
            a.unit = b.unit
