"""Minutes: what a meeting decided and who said they would do what.

Minutes of small bodies (community and parish councils, boards, user
groups) rarely print a RESOLVED line or an action table. They record
outcomes and undertakings in running sentences, and this module reads
those sentences. It runs only on papers that call themselves minutes or
notes of a meeting.

Decisions, each one a `decision` recommendation whose ref is the minute
number ("2568."):
- a motion as small councils minute it: "Cllr Shewell, proposed by Cllr
  Hayward, seconded by Cllr Evans", "All Councillors present unanimously
  agreed"; a line that does not say what was decided ("Proposed by ...",
  "All Cllrs agreed to this proposal") goes with the sentence or item line
  before it;
- an item settled by the meeting: "Approved and signed as correct",
  "... – all approved", "It was agreed that ...", "A consensus was reached
  that ...", "... resolved to ..."; a bare "Approved." keeps the sentence
  before it; not a planning application another authority approved
  ("DC/2018/00554 – ... – approved") nor someone agreeing to do something
  (an action, below);
- a view the body records on a consultation: "... have no objections".
When that sentence opens the item, the item's label ("Approval of
minutes of previous meeting:") is kept with it.

Actions, each owned by the person or body named as its subject:
- "<who> will <do>": "Cllr Evans will put the minutes on the website",
  "He will discuss this with ...". A pronoun stands for the last person
  named before it in the same item;
- "<who> offered / agreed / undertook / volunteered to <do>";
  "<who> is going to <do>";
- "<who> has been / was asked / advised / requested to <do>"; "<someone>
  asked <who> to <do>"; "<someone> requested that <who> <do>";
- a clerk's instruction without its "to" ("Clerk inform the Charity");
  officers named by post ("the Head of Finance will ...");
- "<who> is / are (still) looking into ...", "... in the process of ...";
- "<something> to be <done> at / by / in ...": no owner.
Initials in an action column or tag are resolved through the attendance
lines ("Present:", "Officers in attendance:") or a key to initials printed
in the paper (key_to_initials; also a key to role abbreviations).
Excluded: "will be <done>" (the meeting's own agenda, "the matter will be
discussed at the October meeting"), "asked if / whether" (a question),
and reports of what happened ("reported that ...").
"""
from __future__ import annotations

import re
from typing import Optional

from extractors import name_shapes
from extractors.entities.owners import POST_NOUN, RANK, ROLE_WORDS, is_person, is_post, split_owners, subject_owner, subject_owners
from extractors.model import Document
from extractors.vocabulary import MONTH_RE, last_language

# (a Scottish council's "Minute of Meeting of the ...": the record in the singular)
_MINUTES = re.compile(r"\bminutes\b|\bminute\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?meeting\b|"
                      r"\bnotes?\s+of\s+(?:the\s+)?(?:\w+\s+)?meeting\b|\bmeeting\s+notes\b|"
                      r"\brecord\s+of\s+(?:the\s+)?(?:\w+\s+)?meeting\b|\baction\s+notes\b", re.I)
# a sentence ends at . ! or ? before a capital, but not after an abbreviation
# ("Ch. No. 300093", "Mr. Evans", "St. Mary's", "e.g. The") or an initial
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:No|Nos|Ch|Mr|Mrs|Ms|Dr|St|Cllr|Cllrs|Rd|Co|Prof|Rev|Ref|Tel|Para|approx|"
                           r"e\.g|i\.e|etc|vs?|[A-Z])\.$")
# "2568. Approval ...", "15/26 Minutes of the meeting ..." (a minute numbered within its year)
MINUTE_NUMBER = re.compile(r"^(?P<ref>\d{1,5}(?=\.\s)|\d{1,3}/\d{2}(?=\s+[A-Z]))\.?\s+")

# a person as minutes name them: "Cllr Evans", "County Cllr Webb", "Mr Steve Baldwin"
_TITLE = r"(?:County\s+|Borough\s+|District\s+|Town\s+)?(?:Cllrs?|Councillors?)|Mr|Mrs|Ms|Miss|Dr|Prof(?:essor)?"
_PERSON = rf"(?:(?:{_TITLE})\.?|{RANK})\s+(?:Mrs\s+)?{name_shapes.WORD}(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD})?"   # (or a rank: "Detective Superintendent Whitfield")
PERSON = re.compile(rf"\b(?P<who>{_PERSON})")
# who does it: a titled person, an office, a body's initials, or a pronoun
_OFFICE = (r"(?:[Tt]he\s+)?(?:(?:Deputy|Town|Parish|Assistant)\s+)?(?:Clerk|Chair(?:man|woman|person)?|Vice[\s-]Chair(?:man)?|Treasurer|"
           r"Secretary|Mayor|RFO)|"
           # a council's executive members: "The Portfolio Holder for Environment", "the Cabinet Member for Housing"
           r"(?:[Tt]he\s+)?(?:Portfolio\s+Holder|Cabinet\s+Member|Executive\s+Member)"
           r"(?:\s+for\s+[A-Z][\w&'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&'’-]*){0,3})?")
# a team or body by name: "The Transparency team", "Cabinet Office", "the Board"
_BODY = (r"(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+){0,3}(?:[Tt]eam|Board|Unit|Office|[Ss]ecretariat|Group|Panel|Committee|"
         r"Department|Directorate|Service|Partnership|Agency|Authority|Council|Government|Archives|Commission|"
         r"Inspectorate|Ministry|Institute)|"
         # "The UK government", "the Scottish government" (not "the government" a report mentions)
         r"(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+){1,2}government")
# a full name without a title: "Heather Brown" (not "The Board", "Open Data": see owners.is_person)
_NAME = rf"{name_shapes.WORD}\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD}"
# an officer by job title: "the Head of Finance", "the Director of Public Health", "The Assistant Director"
_POST = (r"(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+|\d{2,3}\s+(?=[A-Z])){0,3}?"
         r"(?:Head|Director|Manager|Officer|Lead|Adviser|Advisor|Co-?ordinator|Chief\s+Executive|Principal\s+Social\s+Worker|"
         r"Therapist|Nurse|Practitioner|Engineer|Assessor|Auditor|Analyst|Commissioner|Controller)"
         r"(?:\s+(?:of|for)\s+[A-Z][\w&'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&'’-]*){0,3})?")
# (a body's initials, also mixed case: "ONS", "MoJ", "DfE")
# posts named in the plural, in lower case: "Station managers", "HR business partners"
_POSTS = r"(?:[A-Z][\w&'’-]*\s+(?:[a-z]+\s+)?(?:managers|officers|partners|leads|advisers|advisors|co-?ordinators))"
# (with the post's bracket: "The Area Manager (Prevention)", "Group Manager Emma Hartley (Prevention)")
_ONE = (rf"(?:(?:{_NAME},\s+(?:the\s+)?{_POST},|(?:[Tt]he\s+)?{_POST},\s+{_NAME},|{_PERSON}|{_OFFICE}|{_BODY}|{_POST}|{_POSTS}|(?:[A-Z]{{2,6}}|[A-Z][a-z][A-Z]{{1,3}}|[A-Z]{{2,3}}[a-z])(?:\s+[A-Z][a-z]+)?|{_NAME})"
        r"(?:\s+\([A-Z][\w&'’ -]{1,30}\))?)")
# (councillors named together under one title: "Cllrs Shewell & Cobb")
_WHO = (rf"(?P<who>(?:All\s+)?(?:Members|Officers|Councillors)(?=\s+will\b)|(?:Cllrs|Councillors)\s+{name_shapes.WORD}(?:\s*(?:,|&|and)\s*{name_shapes.WORD})+(?![\w'’-])|"
        rf"{_ONE}(?:\s*(?:&|and)\s*{_ONE})?|He|She|They)")

# what a clerk or secretary is told to do, in the bare infinitive
_CHORE = (r"inform|write|contact|report|check|chase|arrange|circulate|send|order|obtain|request|e-?mail|enquire|"
          r"investigate|notify|forward|liaise|seek|book|reply|respond|draft|prepare|invite|ask|speak|follow\s+up")
# what "would" says when it is not an undertaking
_WISH = (r"(?:be|not|like|love|prefer|welcome|appreciate|want|need|have|help|benefit|mean|require|seem|depend|"
         r"expect|hope|wish|support|encourage|allow|enable|make|take|result|lead|give|cost|involve|suggest|"
         r"imagine|say|argue|agree|think|probably|only|otherwise|therefore|also\s+like|rather|ideally)\b")
_ACTION_FORMS = [
    # "<who> will <do>", not "will be <done>"
    re.compile(rf"^(?:Also\s+)?{_WHO}\s+(?:will|shall)\s+(?:now\s+|also\s+|then\s+|hopefully\s+)?(?!be\b|not\b)[a-z][a-z-]{{2,}}\b"),
    # (not agreeing to a proposal: "All Cllrs agreed to this proposal")
    re.compile(rf"^(?:Also\s+)?{_WHO}\s+(?:also\s+)?(?:offered|agreed|undertook|volunteered|promised)\s+to\s+"
               rf"(?!(?:this|that|these|those|the|it)\b)[a-z]{{2,}}\b"),
    # the task named first: "This Mr Hoggins agreed to do"
    re.compile(rf"^(?:This|That|Which)\s+{_WHO}\s+(?:also\s+)?(?:offered|agreed|undertook|volunteered|promised)\s+to\s+do\b"),
    # a clerk's instruction minuted without its "to": "Clerk inform the Charity of this", "Clerk report to MCC"
    re.compile(rf"^(?P<who>{_OFFICE})\s+(?:{_CHORE})\b"),
    # reported speech: "MCO would write shortly to ministers", not a wish ("would like", "would welcome")
    re.compile(rf"^(?:Also\s+)?{_WHO}\s+would\s+(?:now\s+|also\s+|then\s+|shortly\s+|next\s+)?(?!{_WISH})[a-z]{{3,}}\b"),
    re.compile(rf"^{_WHO}\s+(?:is|are|was)\s+going\s+to\s+[a-z]{{3,}}\b"),
    re.compile(rf"^{_WHO}\s+(?:has|have)\s+been\s+(?:asked|requested|tasked)\s+to\s+[a-z]{{3,}}\b"),
    re.compile(rf"^{_WHO}\s+(?:was|were)\s+(?:asked|advised|requested|tasked)\s+to\s+[a-z]{{3,}}\b"),
    # a clerk's instruction minuted without its "was": "Clerk asked to contact MCC re refuse bin ..."
    re.compile(rf"^(?P<who>{_OFFICE})\s+(?:asked|requested|instructed|tasked)\s+to\s+(?!be\b)[a-z]{{3,}}\b"),
    re.compile(rf"^{_WHO}\s+(?:is|are)\s+(?:still\s+|currently\s+)?(?:looking\s+into|in\s+the\s+process\s+of)\b"),
    # what someone reports another will do: "AC reported that the LGA would fund up to 10 days of mentoring"
    re.compile(rf"^(?:{_ONE})\s+(?:also\s+)?(?:reported|said|confirmed|explained|advised)\s+that\s+(?:the\s+)?(?P<who>{_ONE})\s+"
               rf"(?:would|will)\s+(?:now\s+|also\s+)?(?!be\b|not\b|{_WISH})[a-z]{{3,}}\b"),
    # "JM said that 212 of the responses were from parents and that Healthwatch would publish a briefing"
    re.compile(rf"^(?:{_ONE})\s+(?:also\s+)?(?:reported|said|confirmed|explained|advised)\s+that\s+[^.;]{{3,120}}?\s+and\s+that\s+"
               rf"(?:the\s+)?(?P<who>{_ONE})\s+(?:would|will)\s+(?:now\s+|also\s+)?(?!be\b|not\b|{_WISH})[a-z]{{3,}}\b"),
    # "SM apologised and agreed that the draft strategy would be shared with the forum": who agreed sees to it
    re.compile(rf"^{_WHO}\s+(?:[a-z]+ed\s+and\s+)?agreed\s+that\s+(?!(?:it|this|these|they)\b)[\w'’ -]{{3,80}}?\s+(?:would|will)\s+be\s+"
               rf"[a-z]{{3,}}(?:ed|en|t)\b"),
    # reported undertakings: "Mr Baldwin said he will consider this", "She reported that MCC are looking into the wall"
    re.compile(rf"^{_WHO}\s+(?:also\s+)?(?:said|confirmed|stated|explained|indicated)\s+(?:that\s+)?(?:he|she|they)\s+"
               rf"(?:(?:will|would)|(?:is|are|was|were)\s+going\s+to)\s+(?:now\s+|also\s+|then\s+)?(?!be\b|not\b|{_WISH})[a-z]{{3,}}\b"),
    re.compile(rf"^(?:{_ONE}|He|She|They)\s+(?:also\s+)?(?:reported|said|confirmed|explained)\s+(?:that\s+)?"
               rf"(?P<who>{_ONE})\s+(?:is|are)\s+(?:still\s+|currently\s+)?(?:looking\s+into|in\s+the\s+process\s+of)\b"),
    # "Members were asked to send examples ...": the group as a whole is to act
    re.compile(r"^(?P<who>(?:All\s+)?(?:[A-Z][\w&'’-]*\s+){0,2}(?:[Mm]embers|[Oo]fficers|[Oo]fficials|[Cc]ouncillors|[Pp]artners))"
               r"\s+(?:were|are)\s+(?:asked|requested|invited|tasked)\s+to\s+"
               # (not what the meeting was asked to decide: "Members were asked to approve the Q1 return")
               r"(?!(?:approve|note|agree|endorse|consider|comment|support|ratify|accept|discuss|receive|adopt|decide)\b)[a-z]{3,}\b"),
    # "It was noted that the Secretariat will circulate ...", "The Secretariat would be asked to circulate ..."
    re.compile(rf"^It\s+was\s+(?:noted|reported|confirmed)\s+that\s+{_WHO}\s+(?:will|would)\s+(?!be\b|not\b|like\b)[a-z]{{3,}}\b"),
    # "Mr Gough stated his intention, if the Council applied to join the DPP, to submit a request to government"
    re.compile(rf"^{_WHO}\s+(?:also\s+)?(?:stated|expressed|confirmed|indicated|announced|set\s+out)\s+(?:his|her|their|its)\s+"
               rf"intention(?:,\s+[^,]{{3,120}},)?\s+to\s+(?!be\b)[a-z]{{3,}}\b"),
    # "... it was confirmed that officers would, subject to the outcome of the decision, create a programme of work"
    re.compile(rf"^(?:[^.;]{{3,200}}?,\s+)?[Ii]t\s+was\s+(?:noted|reported|confirmed|agreed)\s+that\s+(?:the\s+)?(?P<who>officers|officials|{_ONE})\s+"
               rf"(?:will|would),\s+[^,]{{3,120}},\s+(?!be\b|not\b)[a-z]{{3,}}\b"),
    re.compile(rf"^{_WHO}\s+(?:will|would)\s+be\s+(?:asked|requested|tasked|invited)\s+to\s+[a-z]{{3,}}\b"),
    # "It was agreed that Tom Reid would write ...", "The group agreed that the Secretariat should circulate ..."
    re.compile(rf"^(?:It\s+was\s+|(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+){{1,3}})(?:agreed|decided|resolved)\s+that\s+{_WHO}\s+"
               rf"(?:would|will|is\s+to|are\s+to)\s+(?!be\b|not\b)[a-z]{{3,}}\b"),
]
# the meeting as a whole: "The Partnership", "the Board", "Members", "Councillors"
_THE_MEETING_WORDS = (r"(?:the\s+)?(?:partnership|board|committee|sub-committee|panel|group|council|cabinet|forum|"
                      r"members|councillors|executive)")
_THE_MEETING = re.compile(rf"(?i){_THE_MEETING_WORDS}")
# "... so the Clerk was advised to request ...": the undertaking after a clause
# "As Councillors are concerned at the site, the Clerk was asked to write ...", "... so Clerk will check"
_LATE_PASSIVE = re.compile(rf"(?:(?:\b(?:so|and)|,)\s+{_WHO}|(?<=\s)(?P<office>{_OFFICE}))\s+(?:(?:was|were|has\s+been)\s+(?:asked|advised|requested)\s+to|"
                           rf"will)\s+(?!be\b|not\b)[a-z]{{3,}}\b")
# "Cllr Shewell asked Mr Baldwin to discuss ...", "asked councillors to let ..."
_ASKED = re.compile(rf"^(?:{_ONE}|Members|Councillors|Officers)\s+asked\s+(?P<who>{_ONE}|councillors|members|officers)\s+to\s+"
                    rf"(?P<verb>[a-z]{{3,}})\b")
# "The Board requested that the Head of Finance provide a breakdown ...": the subjunctive names who acts
_REQUESTED_THAT = re.compile(rf"^(?:{_ONE}|Members|Councillors)\s+(?:requested|asked|recommended)\s+that\s+"
                             rf"(?P<who>{_ONE}|officers)\s+(?:should\s+)?(?!be\b|is\b|are\b|was\b|were\b|has\b|have\b)"
                             rf"(?P<verb>[a-z]{{3,}})\b(?<!ed)(?<!s)")
# "... it was proposed that the Clerk order four benches": the meeting's proposal names who acts, in the subjunctive
# (what "it was agreed that X should" do is the meeting's decision: _DECIDED)
_PROPOSED_THAT = re.compile(rf"\b[Ii]t\s+was\s+proposed\s+that\s+(?P<who>{_ONE})\s+"
                            rf"(?!be\b|is\b|are\b|was\b|were\b|has\b|have\b|will\b|would\b|had\b|could\b|may\b|might\b|"
                            rf"for\b|of\b|and\b|or\b|in\b|to\b|with\b|at\b|on\b|from\b|by\b|not\b)"
                            rf"(?P<verb>[a-z]{{3,}})\b(?<!ed)(?<!s)")
# "Annual return to be presented at the October meeting."
# "Contacts would be forwarded to the Transparency Team", "Papers will be circulated to members":
# something will be done for a named recipient; "The data will be released by the end of June": any step,
# passive, with when it is due (a date, a season, the next week or meeting, "shortly"); not what the
# meeting itself will take up ("The matter will be discussed at the June meeting"), not a general
# statement ("It would be ...")
_WILL_BE = re.compile(r"^(?!(?:It|This|That|There|These|Those|Which|What|He|She|They|We|I)\b)[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,5}?"
                      r"\s+(?:will|would)\s+(?:(?:now\s+|also\s+|then\s+)?be\s+"
                      r"(?!(?:discussed|considered|debated|raised|noted|revisited|deferred|reviewed|looked)\b)"
                      r"[a-z]+(?:ed|en|t)\b(?=.*\b(?:(?:by|in|before|at|during|from)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|next\s+|"
                      r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + MONTH_RE + r"\b|\d{4}\b|spring|summer|autumn|winter)|"
                      r"next\s+(?:week|month|meeting)|shortly|soon)\b)|"
                      r"be\s+(?:forwarded|circulated|sent|shared|passed|provided|published|"
                      r"reported|brought|presented|submitted|copied|emailed|e-mailed|distributed|given|issued|returned|"
                      r"made\s+available|put)\s+(?:to|with|on|at|round|out|back|before)\b)")
_TO_BE = re.compile(r"^(?:[A-Z][\w'’&-]*)(?:\s+[\w'’&-]+){0,6}?\s+(?<!need\s)(?<!needs\s)(?<!needed\s)to\s+be\s+[a-z]+(?:ed|en|t)\s+(?:at|by|in|on|to|before|for|"
                    # "Notice to be placed inviting applications for co-option"
                    r"inviting|asking|seeking|setting|explaining)\b")

# work the minute reports as going on, no one named: "Work was still underway to improve completion timescales",
# "Discussions were ongoing as to how to measure ...", "Work would continue with all stakeholders ..."
_WORK_UNDER_WAY = re.compile(r"^(?:(?:A\s+(?:significant\s+|great\s+|considerable\s+)?amount\s+of\s+|Further\s+)?[Ww]ork|Discussions|Negotiations)\s+"
                             r"(?:(?:was|were|is|are)\s+(?:still\s+|now\s+|currently\s+|already\s+)?(?:underway|under\s+way|ongoing|in\s+progress)|"
                             r"would\s+(?:continue|be\s+undertaken|take\s+place))\b")

# the same, reported: "... and highlighted that work would continue with partners to prepare contingency plans"
_WORK_REPORTED = re.compile(r"\b(?:said|highlighted|reported|noted|confirmed|explained|advised|stated)\s+that\s+"
                            r"(?:further\s+)?(?:work|discussions)\s+(?:would\s+continue|(?:was|were)\s+(?:still\s+)?(?:underway|under\s+way|ongoing))\b")

# the word a decision is minuted under: "AGREED:", "RESOLVED -", "Decision:"
DECISION_LABEL = r"(?:agreed|resolved|decided|decisions?|resolutions?|outcome)"

_DECIDED = re.compile(
    # "approved" as the meeting's verb ("Approved.", "approved the report", "approved as a correct record"),
    # not as a word describing a thing ("the approved budget", "an approved foster carer", "grants approved and paid")
    r"(?:^|[\s–])(?<!have\s)(?<!has\s)(?<!had\s)(?<!the\s)(?<!an\s)(?<!\ba\s)(?:all\s+)?approved\b"
    r"(?=\s*(?:$|[.,;:)]|(?:the|a|an|as|that|for|(?:and|&)\s+(?:signed|adopted|paid|noted|agreed|accepted|endorsed)|subject|unanimously|with|its|their|this|these|in\s+principle|"
    r"option|proposals?|recommendations?)\b))|\bit\s+was\s+(?:agreed|resolved|decided)\b|"
    r"\bconsensus\s+was\s+reached\b|\b(?:was|were)\s+agreed\b(?!\s+(?:by|with|between|at)\b)|\b(?:agreed|resolved)\s+(?:that|to)\b|\bha(?:ve|s)\s+no\s+objections?\b|"
    # a motion as small councils minute it: "Cllr Shewell, proposed by Cllr Hayward, seconded by Cllr Evans"
    r"\bproposed\s+by\b[^.;]{0,80}?\bseconded\s+by\b|\bunanimously\s+(?:agreed|approved|resolved|carried)\b|"
    r"\bmotion\s+(?:was\s+)?carried\b|"
    # a small council's consent: "All Cllrs were happy for Cllr Evans to proceed", "Cllrs were happy with this"
    r"\b(?:all\s+)?(?:cllrs|councillors|members)\s+(?:were|are)\s+(?:all\s+)?(?:happy|content|in\s+agreement|in\s+favour)\b|"
    # "The Partnership NOTED the findings" (the decision word in capitals); "The report was noted.",
    # "The revised terms of reference were ratified." (the item's outcome, said last)
    r"(?-i:\bNOTED\b)|\b(?:was|were)\s+(?:noted|ratified|endorsed|adopted|accepted)\s*[.;]?\s*$|"
    # a decision set under its label: "AGREED: that the completed actions be closed", "Decision: The report was noted."
    rf"^{DECISION_LABEL}\s*[:\-–]\s*\S|"
    # what the meeting itself did: "The Partnership endorsed the annual return", "adopted the plan"
    r"\b(?:endorsed|ratified|adopted)\s+(?=(?:the|a|an|its|this|these|option|proposals?|recommendations?)\b)", re.I)
# one person agreeing to act, wherever the sentence puts it: "...; DA agreed to ...", "..., which Tom Redfern agreed
# to circulate", "SBe said that ... and agreed to circulate", "Dr Siddiqui agreed that the ICB would ..."
_ONE_AGREES = re.compile(rf"(?:^|[;,]\s+|\bwhich\s+|\band\s+)(?:{_PERSON}|{_OFFICE}|{_NAME}|(?-i:[A-Z]{{2,3}}[a-z]?))\s+"
                         r"(?:also\s+)?agreed\s+(?:to|that)\b")
# the meeting agreeing: "It was agreed", "Members agreed", "The Board agreed"
_MEETING_AGREES = re.compile(r"(?i)\bit\s+was\s+(?:agreed|resolved|decided)\b|\b(?:all\s+)?(?:members|councillors|cllrs)\s+(?:\w+\s+)?agreed\b|"
                             r"\bthe\s+(?:board|committee|council|cabinet|partnership|group|panel|executive|meeting|forum)\s+(?:\w+\s+)?"
                             r"(?:agreed|resolved|decided|approved)\b")


# a decision sentence that does not say what was decided: "Approved.", "Proposed by
# Cllr Cobb, seconded by Cllr Hoskins.", "All Cllrs agreed to this proposal.",
# "All Councillors present unanimously agreed." - it goes with the sentence before it
_SAYS_NOT_WHAT = re.compile(r"^(?:(?:proposed|seconded)\s+by|(?:approved|agreed|carried|resolved)(?:\s+to\b|\s*[.,]?\s*$))|"
                            r"\b(?:agreed|agreement)\s+(?:to|with)\s+(?:this|that|the)\s+(?:proposal|suggestion|motion)\b|"
                            r"^(?:all\s+)?(?:\w+\s+){0,3}(?:unanimously\s+)?(?:agreed|approved|carried)\.?$|"
                            r"^(?:all\s+)?(?:cllrs|councillors|members)\s+(?:were|are)\s+(?:all\s+)?(?:happy|content)\s+with\s+(?:this|it|that)\.?$|"
                            r"\b(?:were|was)\s+in\s+agreement\s+with\s+(?:this|it|that)\.?$", re.I)
_NOT_DECIDED = re.compile(r"^at\s+(?:that|the|its|their|an\s+earlier|a\s+previous)\s+(?:\w+\s+){0,2}meeting\b|"   # another meeting's decision, reported
                          # an opinion members shared: "... and agreed that it gave a sound basis for the plan"
                          r"\bagreed\s+that\s+(?:it|this|these|they)\s+(?:was|were|is|are|gave|give|provided|provides|represented|"
                          r"offered)\b|"
                          # "Members agreed that the revised Code was a clear improvement on the 2019 version"
                          r"\bagreed\s+that\s+(?:[\w'’-]+\s+){1,8}?(?:was|were|is|are)\s+(?:a\s+|an\s+)?(?:very\s+|clear\s+|real\s+|significant\s+)?"
                          r"(?:clear|good|great|helpful|useful|positive|welcome|sound|robust|comprehensive|encouraging|important|"
                          r"valuable|excellent|improvement|step\s+forward|success)\b|"
                          r"\b(?:not\s+(?:been\s+)?approved|awaiting|if\s+approved|once\s+approved|to\s+be\s+approved|"
                          r"was\s+approved\s+by|were\s+approved\s+by|has\s+been\s+approved\s+by)\b|"
                          # a planning application's reference: the planning authority's decision, reported
                          r"\b[A-Z]{2,3}/\d{4}/\d{3,5}\b|\b\d{2}/\d{4,5}/[A-Z]{2,5}\b", re.I)


def is_minutes(doc: Document, title: Optional[str] = None) -> bool:
    """A paper that calls itself minutes (or notes or a record of a meeting)
    near its top, in its running header (a Word file's title often sits
    there), in its title or in its file name, or that is laid out as minutes
    are: an attendance list and the items a meeting runs through
    ("Apologies", "Matters arising", "Any other business", "Date of next
    meeting"), two of them at least, in its opening pages."""
    if any(_MINUTES.search(b.text) for b in doc.blocks[:6] if b.kind != "table") or \
            any(_MINUTES.search(t) for t in list(doc.furniture)[:6]) or bool(title and _MINUTES.search(title)) or \
            _MINUTES.search(re.sub(r"[_\-.]+", " ", doc.file_name or "")):
        return True
    lines = []
    for b in doc.blocks[:80]:
        if b.kind == "table":
            lines += [" ".join(row[0].text.split()) for row in b.table.rows[:40] if row]
        else:
            lines.append(" ".join(b.text.split()))
    marks = set()
    for t in lines:
        t = re.sub(r"^\d{1,2}(?:\.\d{1,2})?\.?\s+", "", t)
        if _ATTENDANCE.match(t) or _ATTENDANCE_HEADING.match(t):
            marks.add("attendance")
        m = _MEETING_ITEM.match(t)
        if m:
            marks.add(m.lastgroup)
    return len(marks) >= 2


# the items a meeting's minutes run through, as their headings print them
_MEETING_ITEM = re.compile(r"(?i)^(?:(?P<apologies>apologies(?:\s+for\s+absence)?(?:\s+and\s+\w+(?:\s+\w+)?)?)|"
                           r"(?P<arising>matters\s+arising(?:\s+from\s+(?:the\s+)?(?:last|previous)\s+meeting)?)|"
                           r"(?P<aob>any\s+other\s+business|a\.?o\.?b\.?)|"
                           r"(?P<next>date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting)|"
                           r"(?P<previous>(?:minutes|notes)\s+(?:of|from)\s+(?:the\s+)?(?:last|previous)\s+meeting)|"
                           r"(?P<interests>declarations?\s+of\s+interests?))\b")


# "... the Secretariat will circulate the paper. Action: Secretariat", "(ACTION: JS)",
# "Action – Chair/Clerk", "... by 30 May – Action: Secretariat": who does the step just described, tagged after it
_ACTION_TAG = re.compile(r"(?:^|(?<=[.;:!?)\]])\s*|\s+(?=[\[(])|\s+[–—-]\s+)[\[(]?\s*actions?\s*(?:by|owner)?\s*[:\-–—]\s*"
                         r"(?P<who>[A-Z][\w.&'’/ ,-]{0,60}?)\s*[\])]?\s*\.?\s*$", re.I)


def tagged_action(text: str) -> Optional[tuple[str, str]]:
    """(the step, who) when a paragraph ends with an action tag naming who
    does it; the step is the sentence before the tag."""
    t = " ".join(text.split())
    m = _ACTION_TAG.search(t)
    if not m or m.start() == 0:
        return None
    who = m.group("who").strip(" ,.")
    if len(who.split()) > 6:
        return None
    said = sentences(t[:m.start()].strip())
    return (said[-1], who) if said and len(said[-1].split()) >= 4 else None


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    out, start = [], 0
    for m in SENTENCE.finditer(text):
        if _ABBREVIATION.search(text[max(0, m.start() - 8):m.start()]):
            continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s]


def minute_ref(numbering: Optional[str], text: str) -> Optional[str]:
    """The minute number of a block: its numbering when a loader read one
    ("2568"), else a number printed at its start ("2568. Approval ...")."""
    if numbering and numbering.rstrip(".").isdigit():
        return numbering.rstrip(".")
    m = MINUTE_NUMBER.match(text.strip())
    return m.group("ref") if m else None


def _strip_ref(text: str) -> str:
    return MINUTE_NUMBER.sub("", text, count=1)


# "The Partnership: (a) noted the findings; (b) approved the priorities; and (c) agreed that ...": lettered items in a line
_INLINE_ITEMS = re.compile(r"(?:^|[:;]\s*(?:and\s+)?)\((?P<ref>[a-z]|[ivx]{1,4})\)\s+")


def decision_items(text: str) -> Optional[list[tuple[str, str]]]:
    """[(ref, item)] for a paragraph setting out a meeting's decisions as
    lettered items after a colon ("The Board: (a) noted ...; (b) approved
    ..."), when every item records a decision; None otherwise."""
    head, colon, body = " ".join(text.split()).partition(":")
    body = body.strip()
    if not colon or not body.startswith("("):
        # "RESOLVED that the Board (a) endorses ...; and (b) recommends ...": the label, no colon
        m = re.match(rf"(?i)^(?P<head>(?:the\s+\w+\s+)?{DECISION_LABEL}\s+(?:that|to)\b[^()]{{0,60}}?)\s+(?=\(a\)\s)", " ".join(text.split()))
        if not m:
            return None
        head, body = m.group("head"), " ".join(text.split())[m.end():]
    if len(head.split()) > 8:
        return None
    marks = list(_INLINE_ITEMS.finditer(body))
    if len(marks) < 2:
        return None
    ends = [m.start() for m in marks[1:]] + [len(body)]
    items = [(f"({m.group('ref')})", body[m.end():e].strip()) for m, e in zip(marks, ends)]
    return items if all(_DECISION_VERB.match(i) for _, i in items) else None


# a decision cell saying there was none
_NO_DECISION = re.compile(r"(?i)^(?:(?:none|nil)(?:\s+(?:required|needed|taken|made))?|n/?a|-+|–|—|no\s+decisions?(?:\s+(?:required|taken|made))?|not\s+applicable|"
                          r"for\s+information(?:\s+only)?)\.?$")
# a cell's item marker: a bullet, "1.", "(a)", "a)", "(ii)"
_CELL_ITEM = re.compile(r"^\s*(?:[•●▪■◦·\-–*]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+")
# a decision cell's own label: "Decision:", "Outcome:", "AGREED:"
_CELL_LABEL = re.compile(rf"(?i)^(?:{DECISION_LABEL}|outcome|resolution)\s*[:\-–]\s*")


# a decision cell's label and outcome word alone on a line: "Outcome: NOTED", "Decision – Approved"
_OUTCOME_WORD = re.compile(rf"(?i)^(?:{DECISION_LABEL}|outcome|resolution)\s*[:\-–]\s*\w+\.?$")


def unlabelled(text: str) -> str:
    """A decision without the label it is minuted under ("AGREED: that ..." -> "that ...")."""
    return _CELL_LABEL.sub("", text).strip()


def cell_decisions(cell: str) -> list[str]:
    """The decisions in one cell of a minutes table's Decision column: one
    per bullet, number or letter when it lists several (the lead-in "The
    Board:" is not one), else the cell's text as one decision."""
    lines = [ln.strip() for ln in cell.splitlines() if ln.strip()]
    if not lines or _NO_DECISION.match(" ".join(lines)):
        return []
    items: list[str] = []
    for ln in lines:   # (lines before the first marker lead in: "The Board:")
        m = _CELL_ITEM.match(ln)
        if m:
            items.append(ln[m.end():])
        elif items:
            items[-1] += " " + ln
    if len(items) < 2:
        if (inline := decision_items(" ".join(lines))) is not None:
            return [t for _, t in inline]
        # "Outcome: NOTED" over the sentence that says what was noted: the sentence
        lines = [ln for k, ln in enumerate(lines) if not (k + 1 < len(lines) and _OUTCOME_WORD.match(ln))]
        # one decision a paragraph when each line is a sentence of its own (a Word cell's paragraphs)
        items = lines if len(lines) > 1 and all(re.search(r"[.;]$", ln) for ln in lines) else [" ".join(lines)]
    out = [unlabelled(" ".join(t.split())) for t in items]
    return [t for t in out if t and not _NO_DECISION.match(t)]


# a line that only announces the decisions under it: "AGREED:", "RESOLVED that:", "The Partnership:"
_LIST_LABEL = re.compile(rf"(?i)^(?:(?:the\s+\w+\s+)?{DECISION_LABEL}(?:\s+(?:that|to))?|{_THE_MEETING_WORDS}(?:\s+(?:has|have))?)\s*[:\-–]$")


def text_decisions(text: str) -> list[tuple[Optional[str], str]]:
    """[(ref, decision)] in one minute's text set out in a table cell, line by
    line: a bullet, number or letter starts an item, and the items under a
    line that only announces them ("AGREED:", "RESOLVED:", "The Partnership:")
    are decisions, each its own (those under "The Partnership:" only when
    each opens with what a meeting does: noted, approved, agreed ...); the
    rest is read sentence by sentence as prose minutes are (decision_items,
    decision_sentences). A decision without its label; none that says there
    was none ("Decision: none required")."""
    paras: list[list[str]] = []
    for ln in (x.strip() for x in text.splitlines()):
        if not ln:
            continue
        if not paras or _CELL_ITEM.match(ln) or _LIST_LABEL.match(paras[-1][-1]) or \
                re.search(r"[.;:!?]$", paras[-1][-1]) and ln[:1].isupper():
            paras.append([ln])
        else:
            paras[-1].append(ln)
    out: list[tuple[Optional[str], str]] = []
    k = 0
    while k < len(paras):
        para = " ".join(paras[k])
        label = _LIST_LABEL.match(para)
        items = []
        j = k + 1
        while label and j < len(paras) and (m := _CELL_ITEM.match(paras[j][0])):
            mark = m.group(0).strip()
            items.append((None if mark[:1] in "•●▪■◦·-–*" else f"({mark.strip('().')})", (" ".join(paras[j]))[m.end():].strip()))
            j += 1
        formal = label and re.match(rf"(?i)(?:the\s+\w+\s+)?{DECISION_LABEL}\b", para)
        if len(items) >= 1 and (formal or all(_DECISION_VERB.match(t) for _, t in items)):
            out += [(ref, t.rstrip(";").removesuffix("; and").strip()) for ref, t in items]
            k = j
            continue
        for said in decision_sentences(para) or ([para] if decision_items(para) else []):
            out += [(ref, t) for ref, t in (decision_items(said) or [(None, said)])]
        k += 1
    return [(ref, u) for ref, t in out if (u := unlabelled(t)) and not _NO_DECISION.match(u)]


# what a meeting does with an item, opening each of its lettered decisions
_DECISION_VERB = re.compile(r"(?i)^(?:not(?:ed|es)|approve[sd]|agree[sd]|endorse[sd]|adopt(?:ed|s)|ratifie[sd]|resolve[sd]|"
                            r"accept(?:ed|s)|ask(?:ed|s)|request(?:ed|s)|delegate[sd]|support(?:ed|s)|commission(?:ed|s)|"
                            r"receive[sd]|welcome[sd]|confirm(?:ed|s)|recommend(?:ed|s))\b")


def decision_sentences(text: str, before: Optional[str] = None) -> list[str]:
    """The sentences of one minute that record what the meeting decided;
    a decision in the item's first sentence keeps the item's label. A
    block that opens with a decision not saying what was decided
    ("Proposed by Cllr Hayward, seconded by Cllr Evans.") goes with the
    last sentence of the block `before` it (the item the line break cut)."""
    out = []
    said = sentences(_strip_ref(text))
    # (not after a list's item: "• APPROVED the terms of reference; and" / "• AGREED to hold a session ...")
    if before and said and _SAYS_NOT_WHAT.search(said[0]) and _DECIDED.search(said[0]) and \
            not re.search(r"(?:;|\band|\bor)\s*$", before.strip()):
        said = sentences(_strip_ref(before))[-1:] + said
        k0 = 1
    else:
        k0 = 0
    for k, s in enumerate(said):
        if k < k0:
            continue
        if not _DECIDED.search(s) or s.rstrip().endswith("?") or undertaking(s) is not None or \
                _NO_DECISION.match(unlabelled(s)) or (_ONE_AGREES.search(s) and not _MEETING_AGREES.search(s)):
            # not a decision, a question, or someone's undertaking ("Cllr Webb agreed to ...", "..., which Tom
            # Redfern agreed to circulate", "...; DA agreed to take this back to MF")
            continue
        if k and (len(s.split()) < 4 or _SAYS_NOT_WHAT.search(s)):
            # "Approved." says what was approved only with the sentence before it,
            # which may itself be the motion this one records as carried
            if out and out[-1].endswith(said[k - 1]):
                out[-1] = f"{out[-1]} {s}"
                continue
            s = f"{said[k - 1]} {s}"
        if not _NOT_DECIDED.search(s):
            out.append(s.lstrip(":;,. "))
    return out


def undertaking(sentence: str) -> Optional[tuple[str, Optional[str]]]:
    """(the sentence as the action, who does it or None) when the sentence
    records that someone will do something; None otherwise. The meeting
    itself agreeing to do something ("The Partnership agreed to commission a
    review") is its decision, not an undertaking."""
    s = sentence.strip()
    for form in _ACTION_FORMS:
        m = form.match(s)
        if m:
            if _THE_MEETING.fullmatch(m.group("who") or "") and re.search(r"\bagreed\s+to\b", s):
                return None
            return s, m.group("who")
    m = _ASKED.match(s) or _REQUESTED_THAT.match(s) or _LATE_PASSIVE.search(s) or _PROPOSED_THAT.search(s)
    if m:
        who = m.group("who") or m.groupdict().get("office")
        return s, (who.capitalize() if who.islower() else who)
    if _TO_BE.match(s) or _WILL_BE.match(s) or _WORK_UNDER_WAY.match(s) or _WORK_REPORTED.search(s):
        return s, None
    return None


# "Present: Jane Okafor (Chair), Tom Reid, ...", "In attendance: ...", "Apologies: ..."
_ATTENDANCE = re.compile(r"^(?:(?:(?:board|panel|committee|group|partnership|forum|executive)\s+)?(?:officers?|councillors|members|others|advisers|staff)(?:\s+(?:in\s+attendance|present))?|"
                         r"co-?opted\s+members?|present|attendees|attending|in\s+attendance|members\s+present|also\s+present|"
                         r"apologies(?:\s+for\s+absence)?|attendance)\s*(?:were\s+received\s+from)?\s*[:\-–]\s*(?P<names>.+)$",
                         re.I | re.S)


# a key to the initials an action log's Owner column uses, printed as lines, a
# paragraph or a table: "AR Dr Aisha Rahman, Director of Public Health (DPH)",
# "JB – Jane Brown (Head of Housing)", "JB: Jane Brown", "JB = Jane Brown", "JB | Jane Brown | Head of ..."
HONORIFIC = r"(?:(?:Dr|Cllr|Councillor|Mr|Mrs|Ms|Miss|Prof|Professor|DCI|DI|DS|Supt|Ch\s?Supt|Insp|Sgt)\.?\s+)"
# initials as a key prints them: "JS", "JTh" and "JTa" (two members sharing "JT")
# and Welsh initials keep a digraph letter: "LlG" for Llŷr Gwynfor, "RhT" for Rhys Tudur
_INI = r"(?:[A-Z]{2,4}|[A-Z]{2,3}[a-z]|[A-Z]M[ac]?c[A-Z]|(?:[A-Z]|Ll|Ch|Dd|Ff|Rh|Th)(?:[A-Z]|Ll|Ch|Dd|Ff|Rh|Th){1,2})"   # "JMcK"
_WELSH_DIGRAPH = re.compile(r"^(?:Ll|Ch|Dd|Ff|Rh|Th)")
_KEY_ENTRY = re.compile(
    rf"(?:^|(?<=[\s;,(]))(?P<ini>{_INI})\s*(?:[:=–—|-]\s*)?{HONORIFIC}?"
    r"(?P<name>[A-Z][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?(?:\s+[A-Z]\.?)?(?:\s+[A-Z][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?){1,2})(?![\w'’-])"
    # the role after the name, with a short bracket or two in it ("... Council (Vice-Chair)", "(log maintained by)")
    r"(?:\s*(?:[,–—|-]|\(|$)\s*(?P<role>[^;()|]*?(?:\([^()]{1,40}\)[^;()|]*?){0,2}))?"
    # the next entry, the end, or the end of the key's sentence ("... Payroll Manager. Priority: High ...")
    rf"(?=\)?\s*(?:[;|]\s*)?(?:{_INI}\s*(?:[:=–—|-]\s*)?{HONORIFIC}?[A-Z][^\W\d_]|$)|\.\s+[A-Z][a-z])")


def without_title(name: str) -> str:
    """A name without its title ("Cllr Priya Desai" -> "Priya Desai")."""
    return re.sub(rf"^{HONORIFIC}", "", name.strip())


def _key_lines(doc: Document) -> list[list[str]]:
    """The text of each block, and each table's rows, as candidate key entries."""
    out = []
    run: list[str] = []   # consecutive short paragraphs: a key printed one entry a line ("KT<tab>Kate Thomas, ...")
    for b in doc.blocks:
        if b.kind == "table" and b.table is not None:
            out.append([" | ".join(c.text.strip() for c in row if c.text.strip()) for row in b.table.rows])
        elif b.text.strip():
            out.append([" ".join(b.text.split())])
            printed = getattr(b, "_lines", None)
            if printed and len(printed) >= 3:
                out.append([" ".join(ln.split()) for ln in printed])   # a PDF paragraph's printed lines: an unruled key
        if b.kind != "table" and b.text.strip() and len(b.text.split()) <= 15:
            run.append(" ".join(b.text.split()))
            continue
        if len(run) >= 2:
            out.append(run)
        run = []
    if len(run) >= 2:
        out.append(run)
    return out


def _initials_line(line: str) -> Optional[tuple[str, str, str]]:
    """(initials, name, post) of a key line that opens with initials and the
    name they stand for, the post after it ("AM Dr Aoife Mallon Director of
    Adult Social Services"); None otherwise."""
    m = re.match(rf"^(?P<ini>{_INI})\s+{HONORIFIC}?(?P<rest>\S.*)$", line)
    if not m:
        return None
    words = m.group("rest").split()
    for n in (3, 2):
        name = words[:n]
        if len(name) == n and all(re.fullmatch(name_shapes.WORD, w) for w in name) and \
                "".join(w[0] for w in name) == m.group("ini") and not any(w.lower() in ROLE_WORDS for w in name):
            return m.group("ini"), " ".join(name), " ".join(words[n:]).strip(" ,")
    return None


# "HoS FD Head of Service, Front Door and Assessment – Lydia Carr ADSC Assistant Director ...":
# a key to the role abbreviations a plan's Lead column uses, each with who holds it
_HOLDER = re.compile(rf"\s[–—-]\s+{HONORIFIC}?(?P<name>{name_shapes.WORD}(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD}){{1,2}}?)"
                     r"(?=\s+[A-Z]|\s*[;|]|\s*$|,\s*[A-Z]{2,5}\b)")   # ("– Dr Amir Shah, ICB DASS ...")


def _abbreviates(abbr: str, role: str) -> bool:
    """'HoS FD' abbreviates 'Head of Service, Front Door and Assessment': its
    capitals are, in order, initials of the role's words, the first the first."""
    if not all(tok[:1].isupper() for tok in abbr.split()):
        return False
    caps = [c for c in abbr if c.isupper()]
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z][\w’']*", role)]
    if len(caps) < 2 or not initials or caps[0] != initials[0]:
        return False
    k = 0
    for c in caps:
        while k < len(initials) and initials[k] != c:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


# "Director of Public Health – Dr Rajiv Menon": a post, a dash, who holds it
_POST_HELD = re.compile(rf"^(?P<post>(?:[A-Z][\w&'’-]*\s+|of\s+|for\s+|and\s+|the\s+){{0,8}}?"
                        r"(?:Director|Head|Manager|Officer|Lead|Member|Chief\s+Executive|Adviser|Advisor|Co-?ordinator|Commissioner|"
                        r"Superintendent|Inspector|Nurse|Worker|Headteacher|Leader|Chair)"
                        rf"(?:\s+(?:of|for)\s+[A-Z][\w&'’-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w&'’-]*){{0,4}})?"
                        r"(?:\s+\([A-Z][\w&'’ -]{1,40}\))?)"   # "Assistant Chief Fire Officer (Service Delivery)"
                        rf"\s+[–—-]\s+{HONORIFIC}?(?P<name>{name_shapes.WORD}(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD}){{1,2}})$")


# an entry of a key of initials: "RH – Rebecca Hallam", "; JK = Jonathan Kerr"
_INITIALS_ENTRY = re.compile(r"(?:^|[;,]\s*)[A-Z]{2,4}\s*[–—=:-]\s*[A-Z]")


def is_key_line(value: str) -> bool:
    """A labelled line that lists a key, not one owner: initials and names ("Leads: RH – Rebecca
    Hallam, Deputy Chief Fire Officer; JK – Jonathan Kerr, ...") or posts and holders ("Strategic
    leads: Deputy Chief Fire Officer – Marcus Teale; Head of People – Farah Quddus"), two entries or more."""
    return len(_INITIALS_ENTRY.findall(value)) >= 2 or len(posts_held_in_line(value)) >= 2


def posts_held_in_line(line: str) -> list[tuple[str, str]]:
    """[(post, holder)] of a line listing posts and who holds them, one entry
    between semicolons (a label such as "Lead officers:" before the first)."""
    out = []
    for part in re.split(r"\s*;\s*", re.sub(r"^[^:;]{0,60}:\s*", "", line)):
        m = _POST_HELD.match(part.strip(" .,"))
        if m:
            out.append((m.group("post").strip(), m.group("name")))
    return out


def _abbreviated_roles(line: str) -> list[tuple[str, str, str]]:
    """(abbreviation, name, role) entries of a key to role abbreviations."""
    out, pos = [], 0
    for m in _HOLDER.finditer(line):
        toks = line[pos:m.start()].strip(" ;|,").split()
        # the key's own title may stand before its first entry ("Key to leads SDCS Strategic Director ...")
        out.extend(_abbreviation_entry(toks, m.group("name"), skips=12 if pos == 0 else 2))
        pos = m.end()
    return out


def _abbreviation_entry(toks: list[str], name: str, skips: int) -> list[tuple[str, str, str]]:
    """[(abbreviation, name, 'role (abbreviation)')] for the words before a
    holder's name: an abbreviation of one to three words, then the role it
    abbreviates, after at most `skips` - 1 words of a title."""
    for skip in reversed(range(min(skips, len(toks)))):   # (the entry nearest its holder: "BCF Better Care Fund Chair Chair of ...")
        for k in (1, 2, 3):
            abbr, role = " ".join(toks[skip:skip + k]), " ".join(toks[skip + k:])
            if role and len(abbr) <= 10 and (_abbreviates(abbr, role) or (k == 1 and role.split()[0] == abbr)):
                # ("Chair Chair of the Board – Cllr Ruth Aldana": the key's word is the post's first)
                return [(abbr, name, f"{role} ({abbr})")]
    return []


def key_to_initials(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    """(initials -> full name, role -> full name) from a key to initials
    printed in the paper (a paragraph, lines or a table of at least two
    entries). An entry counts only when its initials are those of the
    name ("AR Dr Aisha Rahman"); the role after the name and an
    abbreviation in brackets ("Director of Public Health (DPH)") name the
    same person, so an Owner cell may give either."""
    people: dict[str, set[str]] = {}
    roles: dict[str, set[str]] = {}
    for lines in _key_lines(doc):
        entries = []
        for line in lines:
            text, pos = " ".join(line.split()), 0
            while (m := _KEY_ENTRY.search(text, pos)):
                words = [w for w in m.group("name").split() if len(w.rstrip(".")) > 1]
                ini = m.group("ini")
                digraphs = "".join((_WELSH_DIGRAPH.match(w) or w)[0] for w in m.group("name").split())
                caps = "".join(ch for w in words for ch in w if ch.isupper())   # "JMcK" for Jenna McKinlay: its capitals
                if ini not in (words[0][0] + words[-1][0], "".join(w[0] for w in m.group("name").split()), digraphs,
                               _hyphened_initials(words)) and \
                        not (ini[-1].islower() and ini[0] == words[0][0] and words[-1].startswith(ini[1:])) and \
                        not (re.search(r"M[ac]?c", ini) and "".join(ch for ch in ini if ch.isupper()) == caps):
                    pos = m.start() + 1   # ("JTh" for Jess Thwaite: the surname's first letters); not an entry:
                    continue              # look again from the next word ("ICB JTa James Tarrant")
                if any(w.lower().strip(".") in ROLE_WORDS for w in words):
                    pos = m.end()   # "GM – Group Manager": a key to abbreviations, not to people
                    continue
                entries.append((ini, " ".join(words), (m.group("role") or "").strip(" ,.|–-")))
                pos = m.end()
        if len(entries) < 2:
            # a key to role abbreviations: 'HoS FD' stays the role, the key names who holds it
            entries = [(None, name, role) for line in lines for _, name, role in _abbreviated_roles(" ".join(line.split()))]
        if len(entries) < 2:
            # a list of posts and their holders: "Lead officers: Director of Public Health – Dr Rajiv Menon; Head of ..."
            entries = [(None, name, post) for line in lines for post, name in posts_held_in_line(" ".join(line.split()))]
        if len(entries) < 2:
            # an unruled key, one entry a line, with no mark between name and post: "HJ Hilary Jessop Independent Chair"
            entries = [e for line in lines if (e := _initials_line(" ".join(line.split())))]
        if len(entries) < 2:
            # a key to short forms of posts with their holders in brackets: "Leads: CX – Chief Executive (Helen
            # Marchbank); DCR – Director of Corporate Resources (Paul Okonedo)"
            entries = [(m.group("abbr"), m.group("name"), m.group("post").strip()) for line in lines
                       for m in _ABBR_POST_HOLDER.finditer(" ".join(line.split()))
                       if is_person(m.group("name")) and not is_person(m.group("post"))]
        if len(entries) < 2:
            # a key to the words a log's Responsibility column uses: "Key to responsibility: Clerk = Daniel
            # Whitcombe, Town Clerk; RFO = Sarah Farrant, Deputy Clerk and RFO" (the word names the holder)
            entries = [(None, m.group("name"), m.group("code")) for line in lines if _KEY_LABEL.match(line)
                       for m in _CODED_HOLDER.finditer(" ".join(line.split()))]
            if len(entries) < 2:
                continue
        for ini, name, role in entries:
            if ini:
                people.setdefault(ini, set()).add(name)
            if role:
                # "(DPH)", "(Treasurer)": another name for the same post
                ab = re.search(r"\(([A-Z][A-Za-z&]{0,5}(?:\s[A-Z][A-Za-z&]{0,5})?|[A-Z][a-z]{2,20}(?:-[A-Z][a-z]{2,20})?)\)\s*$", role)
                if ab:
                    roles.setdefault(ab.group(1), set()).add(name)
                    role = role[:ab.start()].strip()
                role = role.split(",")[0].strip()
                for post in _post_names(role):
                    if post and len(post.split()) <= 8:
                        roles.setdefault(post, set()).add(name)
    for name, ini, office in _named_with_initials(doc):
        people.setdefault(ini, set()).add(name)
        if office:
            roles.setdefault(office, set()).add(name)
    return _unambiguous(people), _unambiguous(roles)


_KEY_LABEL = re.compile(r"(?i)^key(?:\s+to\s+[\w ]{3,30})?\s*:")
# "CX – Chief Executive (Helen Marchbank)", one entry of a key between semicolons
_ABBR_POST_HOLDER = re.compile(rf"(?:^|[:;]\s*)(?P<abbr>(?=(?:[a-z&]*[A-Z]){{2}})[A-Z][A-Za-z&]{{1,6}})\s*[–—=:-]\s*(?P<post>[A-Z][^;()]{{2,100}}?)\s*"
                               rf"\({HONORIFIC}?(?P<name>[^();]{{3,40}})\)(?=\s*(?:[;.]|$))")
_CODED_HOLDER = re.compile(rf"(?:^|[:;]\s*)(?P<code>[A-Z][A-Za-z]{{1,12}})\s*=\s*{HONORIFIC}?"
                           r"(?P<name>[A-Z][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?(?:\s+[A-Z][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?){1,2})(?=\s*[,;(]|\s*$)")


# a person with the initials the paper uses for them in brackets: "Cllr Siobhan McGrath (SMcG)", "Stuart Keel (SK)",
# "Dr Anita Basu (AB)"; the words before the name may run into it from a column beside ("Place Stuart Keel")
_NAME_INI = re.compile(rf"(?P<name>{name_shapes.WORD}(?:\s+{name_shapes.PARTICLE}{{0,2}}[{name_shapes.UP}][{name_shapes.UP}{name_shapes.LO}'’-]+){{1,3}})\s*\((?P<ini>[A-Z][A-Za-z]{{1,4}})\)")


def _hyphened_initials(words: list[str]) -> str:
    """A name's initials taking each part of a hyphenated word: "GAB" for
    Gillian Ashworth-Brown."""
    return "".join(part[0] for w in words for part in w.split("-") if part)


def _named_with_initials(doc: Document) -> list[tuple[str, str, Optional[str]]]:
    """(name, initials, office) for each 'Name (INI)' whose initials are the
    name's: the first letters of its words ('SK' for Stuart Keel), or its
    capitals ('SMcG' for Siobhan McGrath). The office is the meeting's post
    its entry ends with, up to the next such name ("Daniel Ashworth (DA),
    Director of Children's Services, Eyrecombe Council – Chair Gareth Pugh
    (GP), ..."), else None."""
    out = []
    texts = [b.text for b in doc.blocks if b.kind != "table"] + \
        [c.text for _, t in doc.tables() for row in t.rows for c in row]
    for text in texts:
        text = " ".join(text.split())
        found = []   # (name, initials, where the name starts, where its bracket ends)
        for m in _NAME_INI.finditer(text):
            words, ini = m.group("name").split(), m.group("ini")
            caps = "".join(ch for ch in ini if ch.isupper())
            for k in range(max(0, len(words) - 3), len(words) - 1):   # the name: its last two or three words
                name = words[k:]
                if (ini in ("".join(w[0] for w in name), _hyphened_initials(name))
                        or caps == "".join(ch for w in name for ch in w if ch.isupper())) and is_person(" ".join(name)):
                    found.append((" ".join(name), ini, text.rfind(name[0], m.start(), m.end()), m.end()))
                    break
        for j, (name, ini, _, end) in enumerate(found):
            stop = found[j + 1][2] if j + 1 < len(found) else len(text)
            office = _ENTRY_OFFICE.search(text[end:stop])
            out.append((name, ini, office.group(1) if office else None))
    return out


# the meeting's post an entry of a members' key ends with: "..., Eyrecombe Council – Chair", "... Police – Vice-Chair"
_ENTRY_OFFICE = re.compile(r"[–—-]\s*((?:Vice[- ])?Chair(?:man|person)?|Secretary|Clerk|Treasurer)\s*[.;,]?\s*(?:Cllr|Councillor|Dr|"
                           r"Professor|Prof|Sir|Dame|Mr|Mrs|Ms|Miss|Superintendent|Inspector|Chief\s+\w+)?\s*$")


def posts_held(doc: Document) -> dict[str, str]:
    """Post -> holder, where the paper prints a post with its holder in a short
    line or list entry of its own ("Report of: Rachel Penrose, Chief
    Executive", "Head of People and OD – Farah Quddus", "Chief Executive
    (Helen Strachan)"), a post named by one person only: an owner printed as
    the post alone is that person."""
    found: dict[str, set[str]] = {}
    # a PDF paragraph's printed lines: a key set one "Post: Holder" a line runs together as one paragraph
    texts = ["\n".join(getattr(b, "_lines", None) or [b.text]) for b in doc.blocks if b.kind != "table"]
    texts += [" ".join(c.text.split()) for _, t in doc.tables() for row in t.rows for c in row]
    for text in texts:
        for m in _APPOSITIVE.finditer(" ".join(text.split())):
            # "the Chief Executive, Miriam Achterberg, asked me ...", "Harriet Osei, Head of Commissioning, said ..."
            post = re.sub(r"^[Tt]he\s+", "", m.group("post") or m.group("post2"))
            name = m.group("name") or m.group("name2")
            if is_person(name) and not is_person(post):
                found.setdefault(post, set()).add(name)
        for part in re.split(r"\n|;|\s\|\s|(?<=[a-z])\.\s+(?=[A-Z])", text):
            part = " ".join(part.split())
            if (held := _post_colon_holder(part)):
                for post in held[0]:
                    found.setdefault(post, set()).add(held[1])
                continue
            part = re.sub(r"(?i)^[\w ]{2,30}?:\s*", "", part).strip(" .")
            # a contact line's telephone and email: "Marcus Eldridge, Head of Planning (01632 960418)"
            part = re.sub(r"(?i)[\s,]*(?:\((?:tel(?:ephone)?\.?:?\s*)?\+?[\d ]{7,}\)|(?:tel(?:ephone)?\.?:?\s*)\+?[\d ]{7,}|"
                          r"\S+@\S+)\s*$", "", part).strip(" .,")
            part = re.sub(r"(\([^()]+\)),\s*[A-Z]{2,6}$", r"\1", part)   # "Community Safety Manager (Paul Hinchliffe), KVDC"
            if not part or len(part.split()) > 12 or not re.search(r"[,–—(-]", part):
                continue
            got = split_owners(part)
            if len(got) == 1 and got[0][0] and got[0][1] and len(got[0][0].split()) <= 8:
                role, person = got[0][0], re.sub(r"^(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss)\.?\s+", "", got[0][1])
                # (and the post without its bracketed office: "Director of Resources (Section 151 Officer)")
                bare = re.sub(r"\s*\([^()]*\)$", "", role).strip()
                for name in {role, *_abbreviated(role), *([bare] if bare and bare != role else [])}:
                    found.setdefault(name, set()).add(person)
    for _, t in doc.tables():
        for post, name in _holder_columns(t):
            found.setdefault(post, set()).add(name)
    return _unambiguous(found)


def _holder_columns(table) -> list[tuple[str, str]]:
    """(post, holder) of each row of a table listing people by name in one
    column and their posts in another ("PG | Peter Gaskell | Executive
    Director of Adult Services", "Head of Service | Name"): a column whose
    cells are mostly names beside one whose cells are posts."""
    rows = [[" ".join(c.text.split()) for c in row] for row in table.rows]
    if len(rows) < 2:
        return []
    bare = lambda c: re.sub(r"\s*\([^()]*\)\s*$", "", without_title(c)).strip()
    out = []
    for nc in range(table.n_cols):
        cells = [r[nc] for r in rows if nc < len(r) and r[nc]]
        named = [c for c in cells if is_person(bare(c))]
        if len(named) < 2 or len(named) < 0.6 * len(cells):
            continue
        for pc in range(table.n_cols):
            if pc == nc:
                continue
            pairs = [(r[pc], bare(r[nc])) for r in rows if max(nc, pc) < len(r) and r[pc] and is_person(bare(r[nc]))]
            posts = [(p, n) for p, n in pairs if len(p.split()) <= 12 and not is_person(bare(p)) and is_post(p)]
            if len(posts) >= 2 and len(posts) >= 0.6 * len(pairs):
                out.extend(posts)
    return out


# a post and its holder set off by commas in a sentence: "the Chief Executive, Miriam Achterberg, asked ...",
# "Harriet Osei, Head of Commissioning, said ..."
_APPOSITIVE = re.compile(rf"(?:\b[Tt]he\s+(?P<post>{_POST}),\s+{HONORIFIC}?(?P<name>{_NAME})|"
                         rf"(?<![\w,]\s)(?<![\w,])\b{HONORIFIC}?(?P<name2>{_NAME}),\s+(?:the\s+)?(?P<post2>{_POST}))"
                         rf"(?=,\s+[a-z]|\.(?:\s|$))")


# "Head of Children's Services: Siân ap Gwilym", "Pennaeth Gwasanaethau Plant / Head of Children's Services: ..."
_POST_COLON = re.compile(r"^(?P<post>[^:;]{3,140}?):\s+(?P<name>[^:;,()]{3,60}?)\.?$")


def _post_colon_holder(line: str) -> Optional[tuple[list[str], str]]:
    """([post, its last language's wording], holder) of a key line "Post: Holder",
    else None (a label's line: "Report of: ...", "Date: ...")."""
    m = _POST_COLON.match(line)
    if not m:
        return None
    post, name = m.group("post").strip(), re.sub(rf"^{HONORIFIC}", "", m.group("name").strip())
    last = last_language(post)
    if not is_person(name) or is_person(post) or not (is_post(last) or POST_NOUN.search(last)):
        return None
    return _post_names(post), name


def _post_names(post: str) -> list[str]:
    """A post as a key prints it and, when printed in Welsh and English
    ("Pennaeth Caffael / Head of Procurement"), in its last language too."""
    return list(dict.fromkeys([post, last_language(post)]))


def _abbreviated(post: str) -> list[str]:
    """The post with a run of its capitalised words printed as their initials, as owner cells
    shorten it ("Head of People and Organisational Development" -> "Head of People and OD")."""
    words = post.split()
    out = []
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            run = words[i:j]
            if all(w[:1].isupper() and w.isalpha() for w in run):
                out.append(" ".join(words[:i] + ["".join(w[0] for w in run)] + words[j:]))
    return out


def _unambiguous(found: dict[str, set[str]]) -> dict[str, str]:
    """Each key that names one person only (initials two people share are left out)."""
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _add_name(found: dict[str, set[str]], part: str, held: Optional[dict[str, set[str]]] = None,
              rest: str = "") -> bool:
    """Record the name a list entry opens with ("Professor Alan Hughes",
    "Tom Reid" of "Tom Reid – Ministry of Justice") by its initials, and by
    the office printed after it ("Jane Okafor (Chair)") in `held`; False when
    the entry opens with no name."""
    part = re.sub(rf"^{RANK}\s+(?=[A-Z])", "", part.strip())   # "Sgt Ann Reid (AR)": the rank is not the name
    words = [w for w in part.split() if not re.fullmatch(rf"(?:{_TITLE}|Professor|Sir|Dame|Lord|Lady|Baroness)\.?", w)]
    if 2 <= len(words) <= 4 and all(re.fullmatch(name_shapes.WORD, w) for w in words):
        name = " ".join(words)
        found.setdefault("".join(w[0] for w in words), set()).add(name)
        printed = re.match(r"\s*\(([A-Z][A-Za-z]{1,4})\)", rest)
        if printed and printed.group(1) == _hyphened_initials(words):
            found.setdefault(printed.group(1), set()).add(name)   # "Gillian Ashworth-Brown | (GAB)"
        office = " ".join(rest.strip(" ()–—-,|").split())
        if held is not None and office and len(office.split()) <= 6 and _OFFICE_HELD.search(office):
            held.setdefault(office, set()).add(name)
        return True
    return False


# an office a member holds, printed after the name in an attendance list: "(Chair)",
# "– Head of Data Services": the owner an action names by it is that person
_OFFICE_HELD = re.compile(r"(?i)^(?:(?:vice|deputy|co)[\s-]?)?chair(?:man|woman|person)?$|^(?:secretary|clerk|treasurer)$|"
                          r"^(?:the\s+)?(?:[\w&'’-]+\s+){0,3}?(?:head|director|manager|officer|lead)(?:\s+(?:of|for)\s+[\w&'’ -]+)?$")


# an attendance list under a heading of its own: "Present", "Attendees", "Members present"
_ATTENDANCE_HEADING = re.compile(r"^(?:(?:panel\s+|board\s+|group\s+|committee\s+)?members(?:\s+(?:present|attending))?|"
                                 r"present|attendees|attending|attendance|in\s+attendance|also\s+(?:present|attending)|"
                                 r"officers?(?:\s+(?:present|in\s+attendance))?|apologies(?:\s+for\s+absence)?|"
                                 r"observers|guests|secretariat)\s*:?$", re.I)
# where a list entry's name ends: "Tom Reid (MoJ)", "Tom Reid – MoJ", "Tom Reid, MoJ"
_NAME_END = re.compile(r"\s*(?:\(|[–—]|\s-\s|,|\||$)")


def initials(doc: Document) -> dict[str, str]:
    """Initials -> full name, from the attendance lists of minutes
    (attendance())."""
    return attendance(doc)[0]


def attendance(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    """(initials -> full name, office -> full name) from the attendance lists
    of minutes ("Present: Jane Okafor (Chair), Tom Reid", or a "Present" /
    "Attendees" heading over one name a line, a bulleted list or a Name |
    Organisation table): minutes' action columns and tags name people by
    their initials ("JO", "TR") or their office ("Chair"). Keys two people
    share are left out."""
    found: dict[str, set[str]] = {}
    held: dict[str, set[str]] = {}
    blocks = doc.blocks[:80]
    for i, b in enumerate(blocks):
        m = _ATTENDANCE.match(b.text.strip()) if b.kind != "table" else None
        if m:
            # entries end at a comma, semicolon, line end or "and" outside brackets
            for part in re.split(r"(?:[,;\n]|\band\b)(?![^(]*\))", m.group("names")):
                bracket = re.search(r"\(([^)]*)\)", part)
                _add_name(found, re.sub(r"\([^)]*\)", "", part), held, bracket.group(1) if bracket else "")
            continue
        if b.kind == "table" or not _ATTENDANCE_HEADING.match(" ".join(b.text.split())):
            continue
        for nb in blocks[i + 1:]:
            if nb.kind == "table":
                for row in nb.table.rows:
                    cells = [" ".join(c.text.split()) for c in row if c.text.strip()]
                    if cells:
                        name, _, rest = _split_entry(cells[0])
                        _add_name(found, name, held, rest or (cells[1] if len(cells) > 1 else ""))
                break
            if nb.kind == "heading" or _ATTENDANCE_HEADING.match(" ".join(nb.text.split())):
                break
            lines = [ln.strip() for ln in nb.text.split("\n") if ln.strip()]
            if not lines or not all(_add_name(found, _split_entry(ln)[0], held, _split_entry(ln)[2]) for ln in lines):
                break   # the list has ended: the first line that opens with no name
    for ini, names in list(found.items()):
        if len(names) > 1:
            # two members sharing "SB" are told apart by the surname's next letter: "SBa", "SBe"
            for name in names:
                found.setdefault(ini + name.split()[-1][1], set()).add(name)
    return _unambiguous(found), _unambiguous(held)


_FULL_NAME = re.compile(rf"\b(?:(?:Dr|Professor|Prof|Sir|Dame|Mr|Mrs|Ms|Miss|Cllr|Councillor)\.?\s+|{RANK}\s+)?"
                        rf"({name_shapes.WORD}(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD}){{1,2}})\b")


def named_in_text(doc: Document) -> dict[str, str]:
    """Initials -> full name for the people a paper names anywhere ("Heather
    Savory" in its text makes "HS" hers), where no one else it names has the
    same initials. The attendance list and a key take precedence."""
    found: dict[str, set[str]] = {}
    for b in doc.blocks:
        texts = [c.text for row in b.table.rows for c in row] if b.kind == "table" and b.table else [b.text]
        for text in texts:
            for m in _FULL_NAME.finditer(text):
                name = m.group(1)
                if is_person(name):
                    words = name.split()
                    found.setdefault("".join(w[0] for w in words), set()).add(name)
            # a list of names and organisations run together without commas ("Alan Brierley University of
            # Castlemoor Michael Hurst Open Ledger Trust"): each two-word name inside a longer run of capitals
            for m in _CAPITAL_RUN.finditer(" ".join(text.split())):
                words = m.group(0).split()
                for k in range(len(words) - 1):
                    pair = words[k:k + 2]
                    if is_person(" ".join(pair)):
                        found.setdefault(pair[0][0] + pair[1][0], set()).add(" ".join(pair))
    return _unambiguous(found)


# four capitalised words or more in a row (small joining words allowed)
_CAPITAL_RUN = re.compile(rf"{name_shapes.WORD}(?:\s+(?:of|and|for|the|&)?\s*{name_shapes.WORD}){{3,}}")


def _split_entry(line: str) -> tuple[str, str, str]:
    """'Tom Reid (Head of Data)' -> ('Tom Reid', '(', 'Head of Data')."""
    m = _NAME_END.search(line)
    return (line[:m.start()], m.group(0), line[m.end():]) if m else (line, "", "")


def action_sentences(text: str) -> list[tuple[str, list]]:
    """(sentence, its owners) for every action sentence of a minute: '<who>
    to <do>' (owned by its subject) or an undertaking (owners_of its subject,
    a pronoun resolved from the sentences before it)."""
    out = []
    said = sentences(text)
    for k, s in enumerate(said):
        if subject_owner(s):
            step, owners = s, subject_owners(s)
        elif (got := undertaking(s)) is not None:
            step, owners = got[0], owners_of(got[1], " ".join(said[:k]))
        else:
            continue
        if _SAYING.search(s):
            # "Clerk to reply saying TCC are happy to sell, subject to ... . TCC would also require ...":
            # the sentences after it are what the reply says
            out.append((" ".join([step] + said[k + 1:]), owners))
            break
        out.append((step, owners))
    return out


# an action that is a message, its content after it: "Clerk to reply saying ...", "Clerk to write stating ..."
_SAYING = re.compile(r"\b(?:reply|replies|respond|write|writes|letter|email|e-mail)\b[^.]*?\b(?:saying|stating|to\s+say)\b", re.I)


def last_person(text: str) -> Optional[str]:
    """The last titled person named in `text` ("Mr Baldwin"), for a pronoun;
    or the initials that open its last sentence naming someone by them
    ("AC reported that ... . She would identify a mentor": AC)."""
    found = list(PERSON.finditer(text))
    found += list(_INITIALS_SUBJECT.finditer(text))
    found.sort(key=lambda m: m.start())
    return found[-1].group("who") if found else None


# a sentence opened by someone's initials: "AC reported that ...", "TV said that ..."
_INITIALS_SUBJECT = re.compile(rf"(?:^|(?<=[.!?]\s))(?P<who>[A-Z]{{2,3}})\s+(?:reported|said|explained|confirmed|presented|"
                               rf"introduced|described|noted|advised|updated|agreed|offered)\b")


def owners_of(who: Optional[str], before: str) -> list[tuple[Optional[str], Optional[str], str]]:
    """[(role, person, raw)] for the subject of an undertaking: titled names
    are people ("Cllr Evans"), offices and bodies are roles ("Clerk", "MCC");
    "Clerk & Cllr Evans" is two; "He"/"She" is the last person named in
    `before` (the item so far), "They" no one."""
    if not who:
        return []
    if who in ("He", "She"):
        named = last_person(before)
        return [(None, named, who)] if named else []
    if who == "They":
        return []
    together = re.match(r"(?:Cllrs|Councillors)\s+(?P<names>.+)$", who)
    if together:   # "Cllrs Hayward & Cobb": each a councillor
        return [(None, f"Cllr {name}", name) for name in re.split(r"\s*(?:,|&|\band\b)\s*", together.group("names")) if name]
    out: list[tuple[Optional[str], Optional[str], str]] = []
    # "Clerk & Cllr Evans" is two; "the Director of Finance and Corporate Services" one post
    parts = [who] if re.fullmatch(_POST, who) else re.split(r"\s*(?:&|\band\b)\s*", who)
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if re.fullmatch(rf"(?:{_NAME},\s+(?:the\s+)?{_POST}|(?:[Tt]he\s+)?{_POST},\s+{_NAME}),", part):
            # "Harriet Osei, Head of Commissioning,", "The DoLS Team Manager, Ruth Okonjo,": a post and its holder
            out.extend(split_owners(re.sub(r"^[Tt]he\s+", "", part.strip(" ,"))))
            continue
        ranked = re.fullmatch(rf"(?P<rank>{RANK})\s+(?P<name>{_NAME})(?:\s+\((?P<post>[^()]{{1,30}})\))?", part)
        if ranked and is_person(ranked.group("name")):
            # "Group Manager Emma Hartley (Prevention)": the rank (and its bracket) the role, the name the person
            role = ranked.group("rank") + (f" ({ranked.group('post')})" if ranked.group("post") else "")
            out.append((role, ranked.group("name"), part))
        elif PERSON.fullmatch(part) or (re.fullmatch(_NAME, part) and is_person(part)):
            out.append((None, part, part))
        else:
            out.append((re.sub(r"^[Tt]he\s+", "", part), None, part))
    return out
