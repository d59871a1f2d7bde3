"""Recommendations and actions written as prose: the RECOMMENDATIONS section
of a committee paper, resolutions in minutes, "Action 1 - Ensure ..." plan
headings with their progress paragraphs, and an inspection report's "What
needs to improve?" / "Areas for improvement" lists.

The rules follow how English council papers are written:
- a decision zone opens at a heading such as RECOMMENDATIONS,
  Recommendation(s), Proposed Action, Decision required, or at a lead-in
  such as "Cabinet is asked to:", "It is recommended that the Committee:",
  "Members are requested to"; each lettered/numbered/roman item in it is one
  recommendation, a lone paragraph is one;
- minutes record decisions as "RESOLVED that ...";
- an improvement zone opens at "What needs to improve", "Areas for
  improvement/development", "Recommendations" in an inspection or review;
- "Action N - <text>" / "Recommendation N: <text>" paragraphs are
  improvement points; a heading above them naming a deadline bucket
  ("IMMEDIATE ACTIONS", "ACTIONS WITHIN 3 MONTHS") is their timescale;
- paragraphs under such a point that report a step taken, under way or
  planned are its actions.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Optional

from extractors.entities import minutes
from extractors.entities.action_plans import record_table
from extractors.entities.columns import classify_columns, is_action_plan
from extractors.entities.items import Action, Owner, Prov, Recommendation
from extractors.entities.owners import subject_owner
from extractors.entities.rag import normalise_rag
from extractors.entities.timescales.sentences import _IMPERATIVE, find_due_dates_in_sentence
from extractors.entities.responses import OPENS_WITH_POSITION, POSITION, is_response_title, takes_position
from extractors.model import Block, Document
from extractors.numbering import CODED_TITLE, KEY_CELL, R_REF, inline_items, split_numbering
from extractors.vocabulary import (ASKED_SUBJECT, ASKS_SOMEONE, INSPECTION_ITEM, ITEM_LABEL, ITEM_QUALIFIER, ITEM_SOURCE, LABEL_WORDS, OWNER_LABEL,
                                  CODED_ITEM, PLAN_ITEM, label_kind, numbered_label)

# the words a heading over how far recommendations have got opens with: "Progress on ...", "Update on ..."
_PROGRESS_WORDS = (r"progress|update|implementation|responses?|monitoring|tracking|status|position|follow[\s-]?up|"
                   r"delivery|summary\s+of\s+progress")
# who makes recommendations a plan answers: an inspectorate, an audit, a review, a scrutiny panel
_SOURCE = (r"(?:inspection|inspectorate|inspectors?|ofsted|cqc|hmip|hmicfrs|hmi|ciw|estyn|audit|auditors?|review|reviewers?|"
           r"peer\s+(?:review|challenge)|scrutiny|inquiry|panel|task\s+(?:and|&)\s+finish\s+(?:group|review)|sar|lga|"
           r"jtai|ilacs|visit|commission)")
# recommendations named by who made them: "Joint inspection recommendations", "Audit Wales
# recommendations", "Recommendations from the inspection", "The inspection made the following recommendations"
# (not a heading over their progress: "Progress against audit recommendations")
_SOURCED = (
    r"(?!(?:" + _PROGRESS_WORDS + r"|review\s+of)\b)(?:(?:the|our)\s+)?(?:[\w'’&-]+\s+){0,3}?" + _SOURCE +
    r"(?:\s+(?-i:[A-Z][\w'’-]+))?(?:’s|'s|s’)?\s+recommendations?|"
    r"recommendations?\s+(?:from|made\s+by|arising\s+from|of)\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,4}?(?:" + _SOURCE +
    r"|report|letter)|"
    r"(?:the\s+)?(?:[\w'’&-]+\s+){0,4}?(?:made|set\s+out|identified|gave)\s+the\s+following\s+(?:[\w-]+\s+)?recommendations?")
SOURCED_HEADING = re.compile(r"^(?:" + _SOURCED + r")\s*(?:[:.\-–—]\s*(?P<rest>.*))?$", re.I)
DECISION_HEADING = re.compile(
    r"^(?:(?:key|main|headline|priority|our)\s+recommendations?|"
    r"recommendations?|recommendation\s*\(s\)|recommended\s+actions?|recommended\s+decisions?|decisions?\s+recommended|"
    # "Recommendations to the Committee", "Recommendation to Council", "Recommendations for decision"
    r"recommendations?\s+(?:to|for)\s+(?:the\s+)?(?:(?:full\s+)?council|cabinet|executive|members|decision|approval|"
    r"(?:[\w&'’-]+\s+){0,5}(?:committee|sub-committee|board|panel|forum|cabinet))|proposed\s+(?:action|decision)s?|"
    r"decisions?\s+(?:required|sought)|action\s+required|options\s+available|the\s+recommendations?|"
    # a review's list printed with the answers: "Recommendations and council response(s)"
    r"(?:(?:key|our|the)\s+)?recommendations?\s+and\s+(?:the\s+)?(?:council|management|cabinet|executive|government|"
    r"service|officer)(?:’s|'s|s’|s)?\s+responses?|"
    # "Recommendations for commissioners", "Recommendations for the local area", "Chapter 5 recommendations"
    r"recommendations?\s+for\s+(?:the\s+)?(?:[\w&'’-]+\s+){0,4}?[\w&'’-]+|(?:chapter|section|part)\s+\d{1,2}\s+recommendations?|"
    + _SOURCED + r")"
    r"\s*(?:[:.\-–—]\s*(?P<rest>.*))?$",
    re.I)
IMPROVEMENT_HEADING = re.compile(
    r"^(?:what\s+needs\s+to\s+improve\??|(?:(?:priority|key|main|principal)\s+)?areas?\s+(?:for|of|requiring)\s+(?:further\s+)?(?:improvement|development)s?|"
    r"what\s+(?:the\s+)?(?:local\s+area(?:\s+partnership)?|leaders?|the\s+council)\s+(?:needs?|should)\s+(?:to\s+)?(?:do|improve)\b.*|"
    r"recommendations?\s+for\s+improvement|improvement\s+(?:areas|priorities|recommendations))\s*[:.?\d]*\s*(?P<rest>.*)$",
    re.I)
LEAD_IN = re.compile(
    r"^(?:(?P<that>It\s+is\s+recommended\s+that)\s*(?:the\s+)?(?P<body1>[A-Z][\w()&,'’ -]{1,80}?)?\s*[:,]?\s*$|"
    r"(?:The\s+)?(?P<body>[A-Z][\w()&,'’ -]{1,80}?)\s+(?:is|are|will\s+be)\s+(?:therefore\s+)?(?:asked|requested|recommended|invited|being\s+asked)\s+to\s*(?:[:-]\s*|(?P<rest>.+))?$|"
    # "The Task Group recommends that:", "The Panel therefore recommends:" over its items
    r"(?:The\s+)?(?P<body2>[A-Z][\w()&,'’ -]{1,80}?)\s+(?:therefore\s+)?recommend(?:s|ed)?(?:\s+to\s+(?:the\s+)?[A-Z][\w ]{1,40}?)?"
    # "The Panel recommends that the Executive:" over the parts the Executive is to do
    r"(?:\s+that(?:\s+the(?:\s+[A-Z][\w’'-]*|\s+(?:of|for|and)){1,6})?)?\s*:\s*$)",
    re.I)
def _recommended_by(text: str) -> bool:
    """Is `text` a lead-in saying what a body recommended ("The Ombudsman
    recommended that the Council should:", "The task and finish group
    recommended that:"), not what the meeting is asked to do?"""
    m = LEAD_IN.match(text)
    return bool(m and m.group("body2") and re.search(r"(?i)\brecommended\b", text))


RESOLVED = re.compile(r"^(?:it\s+was\s+|(?:the\s+)?(?:cabinet|council|committee|sub-committee|board|partnership|panel|executive|"
                      r"forum|group)\s+)?RESOLVED\b\s*(?:that|to)?\s*[:,\-–—]?\s*(?P<rest>.*)$", re.I)
# a resolution set after the minute's account in the same paragraph, in capitals: "... had asked for £750. RESOLVED: that ..."
_LATE_RESOLVED = re.compile(r"(?<=[.!?])\s+RESOLVED\b\s*(?:that|to)?\s*[:,\-–—]\s*(?P<rest>\S.*)$")
# the vote recorded after a resolution's full stop, and what the minute goes on to say: "... from 1 October 2027.
# (Proposed by Cllr Patel, seconded by Cllr Rowntree; carried 8 for, 2 against.) The Clerk to write ..."
_VOTE_AFTER = re.compile(r"(?i)(?<=[.;])\s*\(?\s*(?:proposed|moved)\s+by\s+(?:cllr|councillor|mr|mrs|ms|dr)\b.*$")


def read_out_of_paragraph(text: str) -> Optional[str]:
    """How a paragraph's resolution is read out of it: 'after_account' (the
    minute's account, then "RESOLVED: ..."), 'before_vote' (the vote
    recorded after its full stop), else None."""
    t = " ".join(text.split())
    if _LATE_RESOLVED.search(t):
        return "after_account"
    return "before_vote" if RESOLVED.match(t) and _VOTE_AFTER.search(t) else None


def _first_resolution(rest: str) -> str:
    """A resolution set after the minute's account ends with its sentence
    (what follows is the minute's next step: "The Clerk to write ...")."""
    said = resolution_text(rest)
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z])", said)
    return said[:m.start()] if m else said


def resolution_text(rest: str) -> str:
    """What was resolved, without the vote recorded after its full stop
    (a vote inside the sentence, "... be adopted (proposed by ...; carried
    unanimously).", is part of it)."""
    return _VOTE_AFTER.sub("", rest).strip() or rest


# what a resolution says before its numbered items: "That", "That Cabinet", "That the Board:"
_RESOLVED_LEAD = re.compile(r"(?i)^(?:that|to)?\s*(?:the\s+)?(?:[\w-]+\s*){0,2}:?$")
# a Scottish minute's "Decision: The Board agreed:" over its lettered items
_DECISION_LIST = re.compile(r"(?i)^decisions?\s*[:–—-]\s*(?:the\s+)?(?:[\w-]+\s+){0,4}(?:agreed|resolved|decided)"
                            r"(?:\s+(?:to|that))?\s*:$")
# "The recommendations set out in the report were AGREED, namely that Cabinet:" over its lettered items
_AGREED_LIST = re.compile(r"(?i)\brecommendations?\b[^:]{0,60}?\b(?:were|was)\s+(?:agreed|approved|adopted|carried)\b[^:]*:$")
# the meeting's verb in capitals, as minutes print it: "Cabinet NOTED the report.", "The Board APPROVED the plan."
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CAPITAL_DECISION = re.compile(r"^(?:The\s+)?(?:[A-Z][\w-]*\s+){1,3}(?:NOTED|AGREED|APPROVED|ENDORSED|ADOPTED|DEFERRED)\b(?!\s*(?:that|to)?\s*:)")
# who made an item, or what kind it is, printed before "recommendation N": "Ofsted recommendation 2", "Peer
# team recommendation 1", "Scrutiny recommendation 3", an auditor's "Key / Improvement / Statutory recommendation 1"
# a lead-in that gives the items under it one deadline: "By 31 December 2026, the service should:",
# "HMICFRS recommendations (to be completed by 31 October 2026):"
_DUE_LEAD = re.compile(r"(?i)^(?:(?P<a>by\s+(?:the\s+end\s+of\s+)?[\w /]{3,30}?),\s+[^:]{3,80}|[^:()]{3,80}\(\s*(?:to\s+be\s+"
                      r"(?:completed|implemented|delivered|achieved|met)\s+)?(?P<b>by\s+[^()]{3,30})\))\s*:$")


def due_phrase(text: str) -> Optional[str]:
    """The deadline a _DUE_LEAD lead-in gives ("By 31 December 2026"), else None."""
    m = _DUE_LEAD.match(text)
    return (m.group("a") or m.group("b")) if m else None


BUCKET = re.compile(r"\b(immediate(?:ly)?|within\s+(?:\d+|one|two|three|four|five|six|nine|twelve)\s+(?:days?|weeks?|months?|years?))\b", re.I)
DECISION_VERB = re.compile(
    r"^(?:to\s+)?(?:that\s+)?(?:the\s+\w+(?:\s+\w+){0,4}\s+)?(?:notes?|agrees?|approves?|endorses?|considers?|delegates?|comments?|receives?|"
    r"adopts?|authoris|recommends?|supports?|requests?|confirms?|resolves?|accepts?|reviews?|scrutinis|instructs?|nominates?|"
    r"appoints?|determines?|gives?|makes?|agreed|noted|approved|endorsed|discuss|welcomes?|acknowledges?|ratif|"
    r"asks?|invites?|directs?|calls\s+on|commissions?)", re.I)
STEP_VERB = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+|now\s+|recently\s+|already\s+)?been\s+(?:\w+ed|undertaken|taken|done|made|set\s+up|put|held|given|written|drawn\s+up|begun|sent|run|built|shown|brought)\b|\b(?:is|are)\s+(?:now\s+|currently\s+)?being\s+\w+|"
    r"\b(?:will|shall)\s+(?:be\s+|also\s+|then\s+)?\w+|\b(?:is|are)\s+(?:now\s+)?(?:established|in\s+place|embedded|underway|under\s+way|complete|completed|planned|scheduled|"
    r"being|in\s+progress|set\s+up|operational)\b|\bwork\s+is\s+(?:underway|under\s+way|ongoing|in\s+progress)\b|"
    r"\b(?:has|have)\s+(?:also\s+|now\s+|recently\s+|already\s+)?(?:created|developed|introduced|implemented|established|agreed|appointed|recruited|launched|delivered|"
    r"completed|reviewed|received|scrutinised|undertaken|commissioned|set\s+up|put\s+in\s+place|refreshed|updated|written|"
    r"produced|published|revised|rewritten|drafted|issued|trained|piloted|tested|audited|approved|adopted|rolled\s+out|carried\s+out|"
    r"redesigned|circulated|held|begun|started)\b|"
    r"\b(?:is|are)\s+(?:now\s+|currently\s+)?(?:recruiting|developing|reviewing|preparing|drafting|updating|piloting|testing|"
    r"consulting|procuring|commissioning|rolling\s+out)\b|"
    r"\b(?:we|the\s+council|the\s+service|the\s+team|the\s+department|the\s+directorate)\s+(?:will|are|is|plan|intend|propose)\b|"
    r"\b(?:was|were)\s+(?:also\s+|then\s+)?(?:completed|introduced|implemented|established|launched|delivered|developed|held|undertaken|appointed|recruited|"
    r"agreed|set\s+up|produced|published|revised|rewritten|added|co-produced|gathered|written|drafted|issued|created|trained|commissioned|"
    r"reviewed|updated|refreshed|rolled\s+out|piloted|tested|audited|signed\s+off|approved|adopted|redesigned|circulated|carried\s+out|"
    r"put\s+in\s+place|sent|run)\b|"
    r"\b(?:planned|scheduled)\s+for\b|\bis\s+planned\b", re.I)
NOT_ACTION_START = re.compile(
    r"^(?:what\s+does\s+this\s+mean|as\s+a\s+result|since\s+the|the\s+(?:impact|benefit|outcome)|this\s+(?:means|ensures|feedback|is\s+(?:a|the))|"
    r"families\s+receive|children\s+and\s+families|all\s+children\s+have|although|however|moreover|in\s+summary|progress\s+achieved|"
    # a sentence about the paper itself: "The table below sets out our findings ... and the actions ..."
    r"the\s+(?:table|chart|figure|section|appendix)\s+(?:below|above)|this\s+(?:section|table|appendix|report|paper)\s+"
    r"(?:sets\s+out|describes|summarises|outlines|provides)|"
    # a term defined with its short form: "Established Strategic Authorities (EMSA) which is the same as an MSA ..."
    r"(?-i:[A-Z])[\w’'-]*(?:\s+[\w’'-]+){0,6}\s+\((?-i:[A-Z]{2,6})\),?\s+(?:which|that|who)\s+(?:is|are)\b|"
    # a resolution's part that notes a thing: "(4) Note that acceptance ... may lead to the elections scheduled for May 2025
    # being postponed" (what it decides, not a step)
    r"notes?\s+that\b)", re.I)
LABEL_LINE = re.compile(
    # (the label group without a "Suggested" before it)
    r"^(?:(?:suggested|proposed)\s+)?(?P<label>" + LABEL_WORDS + r"|by(?=\s*:))\s*[:\-–]\s*(?P<value>\S.*)$", re.I)
# where a second label starts in a labelled line: "Lead: ... – Dr Fiona Castellan. Timescale: Q2 2026/27",
# "Lead: Cabinet Member for Housing / Head of Property – Timescale: by March 2027"
# or after a space alone, the labels set out along one line: "Lead: Joanne Ferriby, Board Business Manager Due: June
# 2026 RAG: Blue" (a capitalised label followed by its colon)
_NEXT_LABEL = re.compile(r"(?:(?<=[.;])\s+|\s+[–—-]\s+|\s*\|\s*|\s+)(?=(?-i:[A-Z]))(?=(?i:" + ITEM_LABEL + r")\s*:|By\s*:\s*\S)")


def label_parts(text: str) -> list[re.Match]:
    """The labelled parts of a line that starts with a label, one match of
    LABEL_LINE each."""
    return [m for part in _NEXT_LABEL.split(text) if (m := LABEL_LINE.match(part))]


# a contents-page line: "Recommendations ........ 137", "Recommendations 12"
CONTENTS_LINE = re.compile(r"(?:\.\s*){3,}\s*\d+\s*$|…+\s*\d+\s*$|^\D{3,60}\s\d{1,3}$")
OUTCOME_HEADING = re.compile(r"^what\s+does\s+this\s+mean\b|^impact\b|^outcomes?\s+for\b", re.I)


def _norm(s: str) -> str:
    return " ".join(s.split())


def _body_from(text: str) -> Optional[str]:
    m = LEAD_IN.match(text.strip())
    if not m:
        return None
    body = m.group("body") or m.group("body1") or m.group("body2")
    return _norm(body) if body else None


def _strip_lead_in(text: str) -> tuple[str, Optional[str]]:
    """'Cabinet is asked to NOTE the report' -> ('NOTE the report', 'Cabinet')."""
    m = LEAD_IN.match(text.strip())
    if m and m.group("rest"):
        return m.group("rest").strip(), _norm(m.group("body") or "") or None
    return text.strip(), None


def _is_item(b: Block) -> bool:
    return b.kind in ("list_item", "paragraph") and b.numbering is not None


def _prov(b: Block, text: Optional[str] = None) -> Prov:
    loc = b.numbering if b.numbering and b.numbering != "•" else None
    return Prov(page=b.page, source_text=text if text is not None else b.full_text, locator=loc or "")


_INSPECTION_TITLE = re.compile(r"^(?:inspection of\b|.*\b(?:area send inspection|inspection report|joint targeted area inspection|focused visit|peer (?:review|challenge) (?:report|letter)|internal audit report)\b)", re.I)


def _looks_inspection(doc: Document) -> bool:
    """The paper is itself an inspection/review report (its title says so),
    rather than a committee paper that talks about one."""
    titles = [b.text.strip() for b in doc.blocks[:8] if b.kind != "table" and len(b.text.split()) <= 15]
    return any(_INSPECTION_TITLE.match(t) for t in titles)


def decision_recommendations(doc: Document, committee: Optional[str]) -> list[Recommendation]:
    """Decision recommendations from RECOMMENDATIONS zones, lead-ins and
    minutes' resolutions."""
    recs: list[Recommendation] = []
    blocks = doc.blocks
    i = 0
    n = len(blocks)
    inspection = _looks_inspection(doc)
    tindex = -1
    minute_no: Optional[str] = None   # the number of the minute the walk is in, where a heading prints it
    while i < n:
        b = blocks[i]
        text = b.text.strip()
        if b.kind == "table" and b.table is not None:
            tindex += 1
            recs.extend(_cover_cell_recommendations(b, tindex, committee))
        if b.kind == "table" or not text:
            i += 1
            continue
        if b.kind == "heading" and re.fullmatch(r"\d{1,4}(?:/\d{2,4})?", b.numbering or ""):
            minute_no = b.numbering   # the minute a heading numbers: "43 MINUTES OF THE PREVIOUS MEETING"
        elif b.kind == "heading" and b.numbering is None and not RESOLVED.match(text) and ":" not in text:
            minute_no = None   # (not "Action: KO" set in bold under the minute)
        # minutes: RESOLVED that ...
        m = RESOLVED.match(text)
        if m:
            rest = m.group("rest").strip()
            start = i + 1
            if not rest and start < n and blocks[start].kind == "paragraph" and blocks[start].numbering is None and \
                    blocks[start].text.rstrip().endswith(":") and len(blocks[start].text.split()) <= 40:
                start += 1   # "RESOLVED that:" / "County Council ... is asked to agree the following:" / "(a) ..."
            items, j = _collect_items(blocks, start, grouped=True)
            listed = bool(items) and (not rest or rest.endswith(":") or bool(_RESOLVED_LEAD.match(rest)))
            if listed:
                for it in items:
                    recs.append(_rec(it, "decision", committee, lead_body=None, section=b.numbering))
            elif rest:
                ref = b.numbering if b.numbering != "•" else None
                if ref is None and minute_no is not None:
                    ref = minute_no   # "43 MINUTES OF THE PREVIOUS MEETING" over "RESOLVED – That ...": minute 43's decision
                recs.append(Recommendation(kind="decision", text=_norm(resolution_text(rest)), ref=ref, source_body=committee,
                                           prov=_prov(b)))
            i = max(j, i + 1) if listed else i + 1
            continue
        late = _LATE_RESOLVED.search(text) if b.kind != "heading" else None
        if late and late.group("rest").strip():
            # "Thornwick Youth Football Club had asked for £1,200 ... RESOLVED: that a grant of £800 be awarded.":
            # the item's account, then what was resolved
            ref = b.numbering if b.numbering not in (None, "•") else minute_no
            recs.append(Recommendation(kind="decision", text=_norm(_first_resolution(late.group("rest"))), ref=ref,
                                       source_body=committee, prov=_prov(b)))
            i += 1
            continue
        if (_AGREED_LIST.search(text) or _DECISION_LIST.match(text)) and len(text.split()) <= 25:
            items, j = _collect_items(blocks, i + 1)
            if items:
                recs.extend(_rec(it, "decision", committee, lead_body=None, section=b.numbering) for it in items)
                i = j
                continue
        said = [x for x in _SENTENCE_END.split(text) if _CAPITAL_DECISION.match(x)] if b.kind != "heading" else []
        if said:   # (the item's last sentence, often: "... 15 had met their target. Cabinet NOTED the report.")
            recs.extend(Recommendation(kind="decision", text=_norm(x), ref=b.numbering if b.numbering != "•" else None,
                                       source_body=committee, prov=_prov(b)) for x in said)
            i += 1
            continue
        hm = DECISION_HEADING.match(text) if (b.kind == "heading" or len(text.split()) <= 4 or text.lower().startswith("recommendation")) \
            and not CONTENTS_LINE.search(text) else None
        sourced = SOURCED_HEADING.match(text) if hm else None
        if sourced and (sourced.group("rest") or "").strip() and not _SAYS_SHOULD.search(sourced.group("rest")):
            hm = None   # a title: "Internal Audit Recommendations: Follow-up Position at 31 August 2026"
        if hm and not (inspection and b.kind == "heading" and not hm.group("rest")) and not IMPROVEMENT_HEADING.match(text):
            rest = (hm.group("rest") or "").strip()
            body = None
            j = i + 1
            if rest:
                rtext, body = _strip_lead_in(rest)
                lead = _body_from(rest)
                if lead and not LEAD_IN.match(rest).group("rest"):
                    body = lead
                elif rtext and len(rtext.split()) > 3:
                    items, j2 = _collect_items(blocks, j)
                    if not items:
                        recs.append(Recommendation(kind="decision", text=_norm(rtext), source_body=body or committee,
                                                   prov=_prov(b)))
                        i = j
                        continue
            # (a heading naming who made them, "Joint inspection recommendations": theirs, not the meeting's decisions)
            found, j = _decision_zone(blocks, j, committee, body, reviewers=sourced is not None)
            recs.extend(found)
            i = max(j, i + 1)
            continue
        if b.kind == "heading" and ASKING_HEADING.search(text) and not CONTENTS_LINE.search(text) and \
                not _PROGRESS_HEADING.match(text) and not IMPROVEMENT_HEADING.match(text) and not hm:
            # "Recommendations for partners", "Action the provider MUST take", "Causes of concern" over
            # a list whose every item asks someone to act ("Leaders should ..."): the points made to them
            items, j = _asked_list(blocks, i + 1)
            if len(items) >= 2 and all(ASKS_SOMEONE.search(it.text) for it in items):
                recs.extend(_rec(it, "improvement", None, None, None) for it in items)
                i = j
                continue
        made = _MADE_RECOMMENDATIONS.search(_SENTENCE_END.split(text)[-1].rstrip(".:") + ":") if text.endswith((":", ".")) else None
        if made and b.kind != "heading":
            # "... The peer team made seven recommendations:" over their numbered list: the reviewers'
            # recommendations, wherever the report prints them (its background section, say); after a full
            # stop ("The task group made two recommendations."), a list whose every item asks someone to act
            items, j = _asked_list(blocks, i + 1)
            if len(items) >= 2 and (text.endswith(":") or all(ASKS_SOMEONE.search(it.text) for it in items)):
                recs.extend(_rec(it, "improvement", None, None, None) for it in items)
                i = j
                continue
        if LEAD_IN.match(text) and (b.kind != "heading" or text.endswith(":")):   # ("The Board is asked to:" set bold)
            rest_text, body = _strip_lead_in(text)
            body = body or _body_from(text)
            items, j = _collect_items(blocks, i + 1)
            lm = LEAD_IN.match(text)
            if not items and (lm.group("body2") or lm.group("that")):
                # "The task and finish group recommended that:" over "1 The council should ...", "2 The council
                # should ...": numbered paragraphs each asking someone to act are the body's recommendations
                asked, j2 = _asked_list(blocks, i + 1)
                if asked and all(ASKS_SOMEONE.search(it.text) for it in asked):
                    items, j = asked, j2
            if not items and (text.endswith(":") or re.search(r"\bthe\s+following\s*:?$", text, re.I)):
                items, j = _verb_paragraphs(blocks, i + 1)
            if items:
                # items that ask others to act ("It is recommended that: • Commissioners should ...") are a
                # review's or assessment's recommendations, not the meeting's decisions
                # (so are those a body recommended: "The Ombudsman recommended that the Council should:")
                kind = "improvement" if any(_SAYS_SHOULD.search(it.text) for it in items) or _GROUP_RECOMMENDS.match(text) \
                    or _recommended_by(text) else "decision"
                found = [_rec(it, kind, body or committee, lead_body=body, section=None) for it in items]
                tag_parts(found)
                recs.extend(found)
                i = j
                continue
            if rest_text and rest_text != text and len(rest_text.split()) >= 2 and not _READING.match(rest_text):
                recs.append(Recommendation(kind="decision", text=_norm(rest_text), ref=_ref(b),
                                           source_body=body or committee, prov=_prov(b)))
        i += 1
    return _dedupe(recs)


# the label of a report's cover-sheet row that holds what the meeting is asked to decide
_COVER_DECISION_LABEL = re.compile(
    r"^(?:recommendations?|recommendation\s*\(s\)|recommended\s+(?:decisions?|actions?)|decisions?\s+(?:required|sought)|"
    r"proposed\s+(?:decisions?|resolutions?)|action\s+required|"
    r"(?:the\s+)?(?:cabinet|committee|board|council|panel|executive)\s+is\s+(?:asked|recommended|requested)\s+to)\s*[:.]?$", re.I)


def _cover_cell_recommendations(b: Block, tindex: int, committee: Optional[str]) -> list[Recommendation]:
    """A cover sheet's 'Recommendation(s): | Cabinet is asked to: (a) ...
    (b) ...' row (the value may go on in the rows under it, beside a merged
    label), or a box of one cell headed 'RECOMMENDATIONS': read as a
    recommendations section, each item one decision (a single paragraph is
    one)."""
    out: list[Recommendation] = []
    if record_table(b.table) is not None:
        return out   # an audit's recommendation set out as a label | value table: the plan reader reads it
    rows = b.table.rows
    filled = [[c for c in row if c.text.strip() and not c.spanned] for row in rows]
    if sum(len(f) for f in filled) == 1:
        # the whole section in one box: its first line the heading
        cell = next(c for f in filled for c in f)
        head, _, rest = cell.text.strip().partition("\n")
        if rest.strip() and (_COVER_DECISION_LABEL.match(" ".join(head.split())) or DECISION_HEADING.match(head.strip())):
            out.extend(_cell_section(rest, cell.page or b.page, f"table:{tindex}/row:0", committee))
        return out
    r = 0
    while r < len(rows):
        cells = filled[r]
        if len(cells) != 2 or r < b.table.header_rows or not _COVER_DECISION_LABEL.match(" ".join(cells[0].text.split())):
            r += 1
            continue   # (a label and its value: not the header of a table with a Recommendation column)
        value = cells[1]
        lines = [value.text]
        k = r + 1
        while k < len(rows) and len(filled[k]) == 1 and rows[k] and (rows[k][0].spanned or not rows[k][0].text.strip()) \
                and filled[k][0] is not rows[k][0]:
            lines.append(filled[k][0].text)   # the value goes on beside the merged label
            k += 1
        out.extend(_cell_section("\n".join(lines), value.page or b.page, f"table:{tindex}/row:{r}", committee))
        r = k
    return out


def _cell_section(text: str, page: Optional[int], loc: str, committee: Optional[str]) -> list[Recommendation]:
    """The text of a cell that holds a recommendations section, read as one."""
    pseudo: list[Block] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        num, rest = split_numbering(line)
        if pseudo and num is None and line[:1].islower():
            pseudo[-1].text += " " + line   # a line the cell wrapped
            continue
        kind = "list_item" if num and not re.fullmatch(r"\d+", num) else "paragraph"
        pseudo.append(Block(kind=kind, text=rest if num else line, numbering=num, page=page))
    found, _ = _decision_zone(pseudo, 0, committee, None)
    if not found and len(pseudo) == 1 and len(pseudo[0].text.split()) >= 5 and \
            (DECISION_VERB.match(pseudo[0].text) or LEAD_IN.match(pseudo[0].text)):
        t, body = _strip_lead_in(pseudo[0].text)
        found = [Recommendation(kind="decision", text=_norm(t), source_body=body or committee, prov=_prov(pseudo[0]))]
    for rec in found:
        rec.prov = Prov(page=page, source_text=rec.prov.source_text, locator=f"{loc}/{rec.ref}" if rec.ref else loc)
    return found


def _ref(b: Block) -> Optional[str]:
    return b.numbering if b.numbering and b.numbering != "•" else None


def _rec(b: Block, kind: str, body: Optional[str], lead_body: Optional[str], section: Optional[str]) -> Recommendation:
    text, lead = _strip_lead_in(b.text)
    return Recommendation(kind=kind, text=_norm(text), ref=_ref(b), source_body=lead or body,
                          prov=_prov(b), section_ref=section)


def _style(numbering: Optional[str]) -> Optional[str]:
    """How an item is numbered: 'letter' ("(a)", "b)"), 'section' ("4.6"), else None."""
    if not numbering:
        return None
    if re.fullmatch(r"\(?[a-z]\)?[.)]?", numbering):
        return "letter"
    if re.fullmatch(r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})*", numbering):
        return "section"
    return None


def _collect_items(blocks: list[Block], start: int, grouped: bool = False) -> tuple[list[Block], int]:
    """Consecutive numbered/lettered/bulleted items from `start` (a lower-case
    continuation paragraph is joined to the item before it). `grouped`: a
    short line between two items of the same style is a group's title over
    the items after it ("2025-26 Council Tax" between "(d)" and "(e)"), not
    the list's end."""
    items: list[Block] = []
    j = start
    while j < len(blocks):
        b = blocks[j]
        if b.kind == "table":
            break
        if RESOLVED.match(b.text.strip()) or LEAD_IN.match(b.text.strip()):
            break  # the next resolution / lead-in starts its own list
        if grouped and b.kind in ("paragraph", "heading") and b.numbering is None and \
                len(b.text.split()) <= 8 and not b.text.rstrip().endswith((".", ";")) and j + 1 < len(blocks) and \
                (not b.text.rstrip().endswith(":") or len(b.text.split()) <= 3) and \
                _is_item(blocks[j + 1]) and blocks[j + 1].kind != "heading" and \
                _style(blocks[j + 1].numbering) == (_style(items[0].numbering) if items else "letter"):
            j += 1   # a group's title ("2025-26 Council Tax", "In addition:") over the parts after it
            continue
        numeric = bool(re.fullmatch(r"\d+", b.numbering or "x"))
        decision_like = b.text[:1].islower() or b.text.rstrip().endswith((";", "; and", "and")) or bool(DECISION_VERB.match(b.text)) \
            or (grouped and bool(re.match(r"To\s+[a-z]{3,}", b.text)))   # "RESOLVED that the Council resolves:" / "1 To declare ..."
        if items and _style(items[0].numbering) == "letter" and _style(b.numbering) == "section":
            break   # "(a) ... (b) ..." under "RESOLVED:" then the minute's next paragraph "4.6 ACTION: ..."
        if _is_item(b) and b.kind != "heading" and (not numeric or decision_like):
            items.append(Block(kind=b.kind, text=b.text, numbering=b.numbering, level=b.level, page=b.page))
            j += 1
            continue
        if items and b.kind == "paragraph" and b.numbering is None and b.text[:1].islower():
            items[-1].text = items[-1].text.rstrip() + " " + b.text.strip()
            j += 1
            continue
        break
    return items, j


# a heading over points made to others: it names recommending, improving, concerns, what must or
# should be done or the actions required ("Recommendations for the local area", "Matters for
# improvement", "Action the trust SHOULD take", "Actions required", "We recommend that:")
ASKING_HEADING = re.compile(r"(?i)\brecommend\w*|\bimprov\w*|\bconcerns?\b|\b(?:must|should)\b|"
                            r"\bactions?\s+(?:required|needed|for)\b|\bpriority\s+actions?\b")
# a heading over how far they have got: "Progress on recommendations", "Update on the improvement plan"
_PROGRESS_HEADING = re.compile(r"(?i)^(?:" + _PROGRESS_WORDS + r")\b")


def _asked_list(blocks: list[Block], start: int) -> tuple[list[Block], int]:
    """The numbered or bulleted paragraphs from `start` (a lower-case
    paragraph goes on with the item before it), up to the next heading,
    table or plain paragraph."""
    items: list[Block] = []
    j = start
    while j < len(blocks):
        b = blocks[j]
        t = b.text.strip()
        if b.kind in ("heading", "table"):
            break
        if b.numbering and items and items[0].numbering != "•" and \
                ("." in b.numbering.strip(".")) != ("." in items[0].numbering.strip(".")):
            break   # "4.3 The action plan has ..." after a list numbered 1, 2, 3: the report's next paragraph
        if b.numbering and len(t.split()) >= 4:
            items.append(b)
        elif items and b.numbering is None and t[:1].islower():
            items[-1] = Block(kind=items[-1].kind, text=f"{items[-1].text.rstrip()} {t}", numbering=items[-1].numbering,
                              level=items[-1].level, page=items[-1].page)
        elif t:
            break
        j += 1
    return items, j


def _verb_paragraphs(blocks: list[Block], start: int) -> tuple[list[Block], int]:
    """Unnumbered paragraphs after a lead-in ('County Council is asked to
    agree the following:'), each saying what the meeting does ('To agree
    ...', 'Note ...'): its items, when there are at least two."""
    items: list[Block] = []
    j = start
    while j < len(blocks):
        b = blocks[j]
        t = b.text.strip()
        if b.kind in ("heading", "table") or b.numbering or len(t.split()) < 4 or not DECISION_VERB.match(t) \
                or RESOLVED.match(t) or LEAD_IN.match(t):
            break
        items.append(b)
        j += 1
    return (items, j) if len(items) >= 2 else ([], start)


def _about_the_list(blocks: list[Block], j: int) -> bool:
    """A paragraph about the recommendations that follow ("The
    recommendations below were drafted with ...", "The Partnership is asked
    to adopt the following recommendations."), right before the first
    numbered item or before another such paragraph."""
    def about(b: Block) -> bool:
        return b.kind != "table" and not b.numbering and bool(re.search(r"\brecommendations\b", b.text, re.I)) \
            and not ASKS_SOMEONE.search(b.text)
    k = j
    while k < len(blocks) and about(blocks[k]) and k < j + 2:
        k += 1
    return k > j and k < len(blocks) and blocks[k].numbering not in (None, "•")


def _decision_zone(blocks: list[Block], start: int, committee: Optional[str], body: Optional[str],
                   reviewers: bool = False) -> tuple[list[Recommendation], int]:
    recs: list[Recommendation] = []
    j = start
    seen_items = False
    # reviewers: the heading or a lead-in says a review, inspection or audit makes them
    asked = False         # a lead-in asks the meeting to agree them ("Cabinet is asked to:")
    plain_items = False   # the items are unnumbered paragraphs
    that_items = False    # ... each opening "That the Committee ..."
    verb_items = False    # ... each opening with what the meeting does: "Agree ...", "Note ..."
    in_response = False   # in the answer printed under a recommendation
    zone_top = None
    while j < len(blocks):
        b = blocks[j]
        t = b.text.strip()
        if b.kind == "table":
            break
        if b.kind == "heading" and not LEAD_IN.match(t) and not (b.numbering and b.numbering.isdigit()
                                                                 and recs and _next_in_list(recs, b.numbering)):
            if _theme_heading(blocks, j, recs):
                j += 1
                continue
            break   # (a numbered item set in bold like a heading goes on with the list)
        if not t:
            j += 1
            continue
        if recs and re.match(r"(?:ACTIONS?|Actions?(?:\s+point)?)\s*(?:[:–—]|-\s)", t):
            break   # "ACTION: RT to prepare ...": a minuted action after the resolution, not one of its items
        if recs and (RESPONSE_LINE.match(t) or (in_response and not (b.numbering and b.numbering != "•")
                                                 and not PLAN_ITEM.match(t))):
            # the answer printed under each recommendation ("Council response: Accepted. ...", "Agreed.")
            # and its paragraphs: the responses pass reads them; the list goes on at the next item
            in_response = True
            j += 1
            continue
        in_response = False
        if PLAN_ITEM.match(t) and re.match(r"(?i)recommendation\s+\d+\.\d", t):
            # "Recommendation 3.1: ..." with a sub-numbered ref is a plan item (plan_item reads it whole)
            j += 1
            continue
        if re.fullmatch(R_REF, b.numbering or "") and len(t.split()) <= 12 and not ASKS_SOMEONE.search(t) and \
                (nxt := next((x for x in blocks[j + 1:j + 3] if x.text.strip()), None)) is not None and \
                nxt.kind != "table" and not nxt.numbering and ASKS_SOMEONE.search(nxt.text):
            break   # "R1 – Early help" over "The Cabinet should ...": titled items, which plan_item reads whole
        if recs and LABEL_LINE.match(t):
            # "Lead: ... – Dr Fiona Castellan. Timescale: Q2 2026/27." under a recommendation
            for pm in label_parts(t):
                label_line(recs[-1], b, pm)
            j += 1
            continue
        if not seen_items and (_LIST_LEAD.match(t) or _GROUP_RECOMMENDS.match(t)
                               or (t.endswith(":") and re.search(r"\brecommendations\b", t, re.I))
                               # "County Council, having given due regard to the s25 Report (...), is asked to agree the following:"
                               or (t.endswith(":") and _ASKED_TO.search(t))
                               or _about_the_list(blocks, j)
                               or (t.endswith(":") and len(t.split()) <= 6 and not b.numbering
                                   and not LEAD_IN.match(t) and not _body_from(t))):
            # "The following recommendations are made to the Council and partners.", "There are a
            # number of observations ... The following are the peer team's key recommendations to the council:",
            # "That Cabinet:"
            reviewers = reviewers or bool(_REVIEWERS_RECOMMEND.search(t)) or bool(_GROUP_RECOMMENDS.match(t))
            asked = asked or bool(_ASKED_TO.search(t))
            j += 1
            continue
        lead = _body_from(t)
        if lead and not seen_items:
            if _recommended_by(t):
                reviewers = True   # "The Ombudsman recommended that the Council should:": what another body recommended
            else:
                asked = True
            rest, lb = _strip_lead_in(t)
            body = lb or lead or body
            if rest != t and len(rest.split()) >= 2 and not rest.endswith(":"):
                items, _ = _collect_items(blocks, j + 1)
                if not items:
                    recs.append(Recommendation(kind="decision", text=_norm(rest), ref=_ref(b),
                                               source_body=body or committee, prov=_prov(b)))
                    seen_items = True
            j += 1
            continue
        named = re.match(r"(?i)^(?:recommendations?|rec\.?)\s+\d{1,3}[a-z]?\s+(?=[a-z])", t)
        if (b.numbering and b.numbering != "•" and (_ABOUT_A_TABLE.match(t) or (
                t[:1].islower() and re.match(r"(?i)[a-z]{3,}\s", b.numbering) and _ABOUT_THE_ITEM.match(t)))) or \
                (named and _ABOUT_THE_ITEM.match(t[named.end():])):
            # "1.5 Table 1 summarises our recommendations by priority", or "Recommendation 4" split off
            # "Recommendation 4 has two parts, and ...": about them, not one of them
            j += 1
            continue
        if b.numbering and b.numbering != "•":
            if recs and re.fullmatch(r"\d+\.\d+", b.numbering) and re.match(r"(?i)[a-z]{2,}\s*\d", recs[-1].ref or ""):
                break   # "7.2 Appendix A sets out ..." after "Recommendation 8 ...": the section goes on, the list has ended
            top = b.numbering.split(".")[0]
            if re.fullmatch(r"\d+(?:\.\d+)+", b.numbering):
                zone_top = zone_top or top
                if top != zone_top:
                    break
            rec = _rec(b, "decision", body or committee, body, None)
            part = _LETTER.fullmatch(b.numbering)
            lead = next((r for r in reversed(recs) if not _LETTER.fullmatch(r.ref or "") and not r.section_ref), None)
            if part and lead is not None and _COUNTED.fullmatch(lead.ref or "") and lead.text.endswith(":"):
                # "R3 ... by:" then "a) establishing ...": each part is a recommendation, R3a, R3b
                rec.ref, rec.section_ref = lead.ref + part.group(1), lead.ref
            recs.append(rec)
            seen_items = True
            j += 1
            continue
        if b.numbering == "•":
            recs.append(_rec(b, "decision", body or committee, body, None))
            seen_items = True
            j += 1
            continue
        # unnumbered paragraph
        if _group_line(blocks, j, recs):
            j += 1   # "2025-35 Capital Programme" / "In addition:" over the next lettered items: the list goes on
            continue
        if recs and t[:1].islower():
            recs[-1].text = _norm(recs[-1].text + " " + t)
            recs[-1].prov.source_text += " " + t
            j += 1
            continue
        if len(t.split()) >= 4 and (((not seen_items or verb_items) and DECISION_VERB.match(t)) or
                                    (t.lower().startswith("that ") and (not seen_items or that_items))):
            # (one "That the Committee ..." paragraph after another: each is a decision; so is each
            # unnumbered "Agree ...", "Note ...", "Delegate ..." paragraph after "Cabinet is asked to:")
            recs.append(Recommendation(kind="decision", text=_norm(t), source_body=body or committee, prov=_prov(b)))
            that_items = t.lower().startswith("that ") and (not seen_items or that_items)
            verb_items = not that_items and (not seen_items or verb_items)
            seen_items = True
            j += 1
            continue
        if (not recs or plain_items) and len(t.split()) >= 5 and ASKS_SOMEONE.search(t) and not t.endswith(":"):
            # a review prints each recommendation as a paragraph of its own: "The Council should ..."
            recs.append(Recommendation(kind="decision", text=_norm(t), source_body=body or committee, prov=_prov(b)))
            plain_items = seen_items = True
            j += 1
            continue
        break
    # (a meeting asked to agree them decides them, whatever one says: "To note ... drawdowns should only be
    # considered as a last resort")
    if reviewers or (not asked and any(_SAYS_SHOULD.search(r.text) for r in recs)):
        # recommendations a review or assessment makes to others ("The council should ..."),
        # not decisions put to the meeting
        for r in recs:
            r.kind = "improvement"
    return recs, j


# the answer printed under a recommendation: "Council response: Accepted. ...", "Response – agreed",
# or its position alone on a line ("Accepted.", "Partially agreed", "Not accepted")
# "Council response:", "Management response (November 2026):": the label of a response
RESPONSE_HEAD = r"(?:[A-Z][\w’'&-]*\s+){0,3}response(?:\s*\([^()]{1,30}\))?\s*[:.–—-]"
RESPONSE_HEAD_LINE = re.compile(rf"^{RESPONSE_HEAD}", re.I)
RESPONSE_LINE = re.compile(rf"^(?:{RESPONSE_HEAD}|{POSITION}\s*[.:]?$)", re.I)
# a recommendation made to others ("The council should ..."), not a decision put to the meeting
_SAYS_SHOULD = re.compile(r"\b(?:should|must)\b")


# a review group's own lead-in over what it asks of others: "The Group recommends that:", "The Panel
# therefore recommends:", "ODUG recommends that:" (a body known by its initials, as a user group's or
# board's paper names itself): not the meeting's decisions, whatever their verbs
_GROUP_RECOMMENDS = re.compile(r"^(?:(?i:the\s+)?(?i:task\s+(?:and|&)\s+finish\s+group|(?:review|working|scrutiny)\s+group|group|"
                               r"panel|review|inquiry|commission)|[A-Z]{2,6})\s+(?i:therefore\s+|also\s+)?(?i:recommends(?:\s+that)?)\s*:$")
# a lead-in that says who made the recommendations: a review, an inspection or an audit
# ("The following are the peer team's key recommendations to the council:"), not the paper's author
_REVIEWERS_RECOMMEND = re.compile(
    r"\b(?:peer\s+team|peers|review(?:ers?|\s+team|\s+panel)?|inspectors?|inspectorate|auditors?|assessors?|"
    r"external\s+audit|internal\s+audit)(?:['’]s?)?\s+(?:(?:key|main|following)\s+)*recommendations\b|"
    r"\brecommendations\s+(?:made\s+)?(?:of|from|by)\s+the\s+(?:\w+\s+){0,2}(?:peer|review|inspect|audit)", re.I)


# what a reader is asked to read, not to decide: "Members are asked to refer to the final updated draft ..."
_READING = re.compile(r"^(?:refer\s+to|read\b|have\s+regard\s+to\s+the\s+(?:attached|appended)|bring\s+(?:this|these)\s+papers?)",
                      re.I)
_ASKED_TO = re.compile(r"\b(?:is|are)\s+(?:therefore\s+)?(?:asked|recommended|requested|invited)\s+to\b", re.I)


# a sentence saying who made the recommendations listed next: "The peer team made seven
# recommendations:", "The inspectors made the following recommendations:", "The review makes 12 recommendations:"
_MADE_RECOMMENDATIONS = re.compile(r"^(?:the|this|our|its|their)\s+(?:[\w’'-]+\s+){0,4}?(?:made|makes|make|set\s+out|sets\s+out)\s+"
                                   r"(?:the\s+following|these|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                   r"thirteen|fourteen|fifteen|twenty)(?:\s+(?:main|key|formal))?)\s+recommendations\s*"
                                   r"(?:\([^()]{1,40}\)\s*)?(?:to\s+[^:]{3,60})?:$", re.I)


# a paragraph about a table or appendix of the items: "Table 1 summarises our recommendations ..."
_ABOUT_A_TABLE = re.compile(r"(?i)^(?:table|figure|appendix|annex|chart)\s+[\w.]{1,4}\s+(?:below\s+|above\s+)?"
                            r"(?:summarises|sets\s+out|shows|lists|gives|contains|records|details)\b")


# a lead-in that introduces the list rather than deciding anything
_LIST_LEAD = re.compile(r"^(?:the\s+)?following\s+recommendations\b|^recommendations\s+(?:are|were)\s+(?:made|set\s+out)\b|"
                        # "The reviewer's recommendations are reproduced below as written in the overview report."
                        r"^(?:the\s+)?(?:[\w’'-]+\s+){1,3}recommendations\s+(?:are|were)\s+(?:reproduced|listed|set\s+out|summarised|"
                        r"repeated|shown)\b|"
                        r"^(?:this|the)\s+(?:report|assessment|review)\s+(?:makes|sets\s+out)\s+(?:\w+\s+)?recommendations\b",
                        re.I)


def _dedupe(recs: list[Recommendation]) -> list[Recommendation]:
    """A recommendation printed twice (summary and body) is kept once: the
    fuller, numbered occurrence."""
    out: list[Recommendation] = []
    for r in recs:
        dup = None
        for k, o in enumerate(out):
            if o.kind == r.kind and _similar(o.text, r.text):
                dup = k
                break
        if dup is None:
            out.append(r)
            continue
        o = out[dup]
        better = (r.ref is not None, len(r.text)) > (o.ref is not None, len(o.text))
        if better:
            out[dup] = r
    return out


def _similar(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if min(len(a), len(b)) < 25:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


# a recommendation as a plan or review prints it: its title, a dash, then who should do what
# ("Lobbying Register – The UK Government should establish a statutory lobbying register ...")
TITLED_SHOULD = re.compile(r"^[A-Z][\w ,'’&()/-]{3,90}?\s*[–—-]\s+(?:the\s+|The\s+)?(?:[A-Z][\w’'()]*\s+|of\s+|and\s+|for\s+){1,6}?"
                           r"(?:should|must|needs?\s+to|ought\s+to)\s+[a-z]+")


def titled_recommendations(doc: Document, have: set[str]) -> list[Recommendation]:
    """'<Title> – <who> should <do>' paragraphs; one ending ':' keeps the
    (at most three) paragraphs that finish it, up to the next heading or
    titled item, past a footnote the page break put between them."""
    recs: list[Recommendation] = []
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        t = _norm(b.text)
        if b.kind == "table" or b.full_text in have or not TITLED_SHOULD.match(t):
            continue
        parts = [t]
        j = i + 1
        while t.endswith(":") and j < len(blocks) and len(parts) <= 3:
            nb, nt = blocks[j], _norm(blocks[j].text)
            j += 1
            if nb.kind in ("heading", "table") or TITLED_SHOULD.match(nt):
                break
            if nt and not _FOOTNOTE_START.match(nt):
                parts.append(nt)
        recs.append(Recommendation(kind="improvement", text=" ".join(parts), ref=None, prov=_prov(b)))
    return recs


_FOOTNOTE_START = re.compile(r"^[\u00b9\u00b2\u00b3\u2070-\u2079]")


# a recommendation's number printed as a tag after its sentence: "... within 10 working days. [R1]",
# "... at the first contact (R3).", "(Recommendation 4)"
REF_TAG = re.compile(r"\s*[\[(](?P<ref>R\d{1,3}[a-z]?|Rec(?:ommendation)?\.?\s*\d{1,3}[a-z]?)[\])]\s*(?:\.\s*)?"
                     r"(?=$|\s+[A-Z“\"‘(])")
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘])")


def lead_in_only(text: str) -> bool:
    """A lead-in printed before a list ("the County Council resolves:", "That the Cabinet:"): a colon after
    twelve words at most, or after forty when the sentence breaks off on a word its list completes ("The
    Council and the Trust should agree a joint discharge protocol for people ..., which:")."""
    t = text.strip()
    return t.endswith(":") and (len(t.split()) <= 12 or (len(t.split()) <= 40 and bool(_BROKEN_OFF.search(t))))


# the word a sentence breaks off on before the list that completes it: "..., which:", "... by:", "... so that:"
_BROKEN_OFF = re.compile(r"(?i)\b(?:which|that|by|to|including|so\s+that|where|when|who)\s*:$")


def _tag_ref(m: re.Match) -> str:
    """The ref a REF_TAG match prints: "R3" for "(R3)", "4" for "(Recommendation 4)"."""
    return re.sub(r"(?i)^rec(?:ommendation)?\.?\s*", "", m.group("ref"))


def tag_parts(parts: list[Recommendation]) -> None:
    """The parts of a list whose last one carries its recommendation's tag
    ("(i) asks ...; and" / "(ii) writes to ... [R4]"): R4(i), R4(ii), the tag
    off the text."""
    m = REF_TAG.search(parts[-1].text) if parts else None
    if m is None or m.end() != len(parts[-1].text):
        return
    tag = _tag_ref(m)
    parts[-1].text = parts[-1].text[:m.start()].rstrip()
    for r in parts:
        part = r.ref if r.ref and _LETTER.fullmatch(r.ref) else None
        r.ref = f"{tag}({part.strip('().')})" if part else tag
        r.section_ref = tag
        r.kind = "improvement"


def tagged_recommendations(doc: Document, have: set[str]) -> list[Recommendation]:
    """Sentences of the body that a review tags with their recommendation's
    number ("... The Panel recommends that the Executive replaces ... [R1]",
    "We recommend that ... (R3)."): each one recommendation, the tag its ref.
    A sentence the layout cut from its paragraph's first words ("The Panel" /
    "recommends that ...") is read whole. A list whose last item carries the
    tag ("The Panel recommends that the Executive:" / "(i) ..." / "(ii) ...
    [R4]") is left to the list readers (its parts take the tag: `tag_parts`)."""
    recs: list[Recommendation] = []
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.kind not in ("paragraph", "heading") or b.full_text in have:
            continue
        t = _norm(b.text)
        for m in REF_TAG.finditer(t):
            before = t[:m.start()].rstrip()
            starts = [x.end() for x in _SENTENCE_START.finditer(before.rstrip("."))]
            sentence = before[starts[-1] if starts else 0:]
            if not starts and sentence[:1].islower() and i > 0 and blocks[i - 1].kind == "paragraph":
                prev = _norm(blocks[i - 1].text)
                tail = prev[([x.end() for x in _SENTENCE_START.finditer(prev)] or [0])[-1]:]
                if tail and not tail.endswith((".", ":", ";")) and len(tail.split()) <= 8:
                    sentence = f"{tail} {sentence}"   # "The Panel" / "recommends that ...": one sentence
            if len(sentence.split()) < 6 or sentence.endswith(":") or \
                    not (ASKS_SOMEONE.search(sentence) or re.match(r"(?i)that\s", sentence)):
                continue
            ref = _tag_ref(m)
            recs.append(Recommendation(kind="improvement", text=sentence.rstrip(" ;"), ref=ref, prov=_prov(b)))
    return recs


# a sentence that introduces an inspection's or review's asks: "Ofsted said that the local authority needs
# to improve:", "The inspectors identified the following areas for improvement:", "The review recommended that:"
_SAID_TO_IMPROVE = re.compile(r"(?i)\b(?:needs?\s+to\s+improve|should\s+improve|must\s+improve|"
                              r"(?:areas?|priorities)\s+for\s+(?:improvement|development)|"
                              r"(?:inspectors?|ofsted|the\s+(?:review|inspection|report|auditors?|panel))\s+"
                              r"(?:recommended|recommends|made\s+(?:the\s+following\s+|\w+\s+)?recommendations?)(?:\s+that)?|"
                              # what a notice or an inspection asks of the body: "The Notice asks the Council to:"
                              r"(?:notice|direction|directions|report|review|inspection|letter|panel|regulator|ombudsman|auditors?|"
                              r"inspectors?|commissioners?|ofsted|cqc|estyn|hmicfrs)\s+(?:asks|asked|requires|required|directs|directed|"
                              r"calls\s+on|called\s+on)\s+(?:the\s+)?(?:[\w’']+\s+){0,3}?to|"
                              # what a report says the body should do, over its numbered points: "Within one month of the
                              # final report, the Council should:"
                              r"\b(?:council|authority|board|partnership|service|trust|government|department|landlord|provider)"
                              r"\s+should)"
                              r"(?:\s+(?:were|are|was|is|as\s+follows|the\s+following))?\s*:$")


# a lead-in that sets its points a deadline counted from an event: "Within one month of the date of the final
# report, the Council should:"
_WITHIN_LEAD = re.compile(r"(?i)^(?P<due>within\s+(?:\d{1,3}|one|two|three|four|five|six|nine|twelve)\s+"
                          r"(?:working\s+)?(?:days?|weeks?|months?|years?)(?:\s+of\s+[^,:]{3,60})?),")


def improvement_recommendations(doc: Document) -> list[Recommendation]:
    """Improvement points written as prose: 'Action N - ...' plan items (with
    their narrative actions) and inspection 'What needs to improve' lists."""
    walk = _ImprovementWalk(doc)
    blocks = doc.blocks
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        t = b.text.strip()
        if b.kind == "table":
            walk.boxed_table(i, b)
        elif t and (j := walk.labelled_item(i, b, t)):
            i = j
            continue
        elif t and (j := walk.said_to_improve(i, b, t)):
            i = j
            continue
        elif t and not walk.plan_item(i, b, t):
            j = walk.heading(i, b, t)
            if j is not None:
                i = j
                continue
            if walk.current is not None:
                walk.under_item(i, b, t)
        i += 1
    for r in walk.recs:
        labelled = [a for a in r.actions if a.labels]
        if len(r.actions) > 1 and labelled == [r.actions[-1]]:
            # labels printed once after a list of steps are the plan item's own
            for label, value, prov in r.actions[-1].labels:
                _apply_rec_label(r, label, value, prov)
            r.actions[-1].labels = []
    return walk.recs


class _ImprovementWalk:
    """The state of improvement_recommendations' walk over the blocks: the
    plan item paragraphs now belong to (`current`, at numbering depth
    `current_level`), the deadline bucket its heading named, and whether the
    walk is in an outcome passage (not actions)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.blocks = doc.blocks
        self.recs: list[Recommendation] = []
        self.bucket: Optional[str] = None
        self.current: Optional[Recommendation] = None
        self.current_level = 0
        self.in_outcome = False
        self.inspection = _looks_inspection(doc)
        # a response paper ("Response to the Scrutiny Committee's inquiry ..."): an item's answer may be unlabelled
        self.responding = is_response_title(_context_title(doc))
        self._said_last: Optional[int] = None   # the last number of the list a lead-in introduced (said_to_improve)
        self.step_open = False   # the last block under the item was a step (or a label line under it)
        self.under_steps = False   # an "Actions" heading was set over the current item's steps
        self.step_ref: Optional[str] = None   # "Action 1.2" printed alone over the next step
        self.answered = False   # the current item's response has been printed under it
        self.stem: Optional[Recommendation] = None   # an item printed as a stem over lettered parts ("That the Cabinet:")
        self.parts: list[Recommendation] = []   # its parts so far
        self._step_lines: Optional[bool] = None   # labelled lines between two bullets somewhere in the paper

    def boxed_table(self, i: int, b: Block) -> None:
        texts = {c.text.strip() for row in (b.table.rows if b.table else []) for c in row if c.text.strip()}
        if len(texts) == 1 and len(next(iter(texts)).split()) >= 8 and self._title_takes(next(iter(texts))):
            return   # "Recommendation 1 Leadership and service vision" over a box holding the recommendation's words
        if self.record_box(i, b) or self.labelled_box(b):
            return
        items = _boxed_list(b, headed=True)
        if items:
            self.recs.extend(_boxed_recs(self.blocks, i, items, self.doc))
            self.current = None

    def record_box(self, i: int, b: Block) -> bool:
        """A box (a one-column table) that prints one item as lines: "Recommendation 1: ..." then its
        labelled lines ("Lead officer: ...", "Timescale: ...", "Executive response: ..."): the item, its
        lines read as they are under an item in the text. True when `b` was one."""
        lines = b.table.box_lines() if b.table else []
        cells = [text for _, text in lines]
        if len(cells) < 2:
            return False
        pm = PLAN_ITEM.match(cells[0])
        if pm is None or not all(LABEL_LINE.match(c) or RESPONSE_HEAD_LINE.match(c) for c in cells[1:]):
            return False
        ref = pm.group("ref")
        page = lines[0][0].page
        self.open_item(ref[:1].upper() + ref[1:], pm.group("text"),
                       Prov(page=page, source_text=cells[0], locator=ref), section_ref=None, level=1)
        for c in cells[1:]:
            self.under_item(i, Block(kind="paragraph", text=c, page=page), c)
        self.current = None
        return True

    def labelled_box(self, b: Block) -> bool:
        """A one-cell box holding an item's bare label on its first line and its
        words under it ("Peer team recommendation 1" / "Develop and communicate a
        clear, long-term vision ..."): the item, opened as a label line over its
        words would open it. True when `b` was one."""
        rows = b.table.rows if b.table else []
        if len(rows) != 1 or len(rows[0]) != 1:
            return False
        cell = rows[0][0]
        label, _, words = cell.text.strip().partition("\n")
        label, words = _norm(label), _norm(words)
        if not _BARE_ITEM.fullmatch(label) or len(words.split()) < 6:
            return False
        ref = _bare_label(label)
        self.open_item(ref[:1].upper() + ref[1:], words, Prov(page=cell.page or b.page, source_text=cell.text, locator=ref),
                       section_ref=None, level=1)
        return True

    def said_to_improve(self, i: int, b: Block, t: str) -> Optional[int]:
        """A sentence that introduces what an inspection or review asks for,
        over a numbered list ("Ofsted said that the local authority needs to
        improve:" then "1. The timeliness ...", "2. ..."): each item one
        recommendation. Returns the index after the list, else None."""
        if b.kind == "heading" or not _SAID_TO_IMPROVE.search(t):
            return None
        items, j = [], i + 1
        while j < len(self.blocks):
            nb = self.blocks[j]
            if nb.kind not in ("paragraph", "list_item") or not nb.numbering or nb.numbering == "•" or \
                    not re.fullmatch(r"\(?(?:\d{1,2}|[a-z])[.)]?", nb.numbering) or not nb.text.strip():
                break
            items.append(nb)
            j += 1
        # (one point under a lead-in of its own is a list when its number runs on from the list before:
        # "Within six months ..., the Council should:" over "9 Review its ...")
        if len(items) < 2 and not (items and self._said_last is not None and items[0].numbering.strip("().") ==
                                   str(self._said_last + 1)):
            return None
        bucket = m.group("due") if (m := _WITHIN_LEAD.match(t)) else None
        self.recs.extend(Recommendation(kind="improvement", text=_norm(nb.text), ref=_ref(nb), prov=_prov(nb),
                                        deadline_bucket=bucket) for nb in items)
        last = items[-1].numbering.strip("().")
        self._said_last = int(last) if last.isdigit() else None
        self.current = None
        return j

    def labelled_item(self, i: int, b: Block, t: str) -> Optional[int]:
        """'Area for improvement 1' set alone as a heading, the point itself
        on the next line under a label ('What needs to improve: The timeliness
        of assessments ...'): one plan item. Returns the index to go on from."""
        ref = _BARE_ITEM.fullmatch(t)
        nxt = next((k for k in range(i + 1, min(i + 3, len(self.blocks))) if self.blocks[k].text.strip()), None)
        coded = CODED_TITLE.match(t) if b.kind == "heading" and not ref else None
        if coded and nxt is not None and self.blocks[nxt].kind != "table" and \
                (m := _ITEM_LABEL.match(" ".join(self.blocks[nxt].text.split()))) and len(m.group("text").split()) >= 4:
            # "IR1 Financial sustainability" over "Recommendation: The Council should ...": the item, its code the ref
            nb = self.blocks[nxt]
            self.open_item(coded.group("code"), m.group("text"),
                           Prov(page=nb.page, source_text=nb.full_text, locator=coded.group("code")), section_ref=None, level=1)
            return nxt + 1
        said = self._quoted_point_under_title(b, nxt)
        if said is not None:
            # "1.1 Waiting for assessments" over 'CQC said: “People waiting for ... should be contacted ...”': the
            # point the inspection made, numbered by the plan's title over it
            num, point = said
            nb = self.blocks[nxt]
            self.open_item(num, point, Prov(page=nb.page, source_text=nb.full_text, locator=num), section_ref=None, level=1)
            return nxt + 1
        if ref and i + 1 < len(self.blocks) and (boxed := _boxed_point(self.blocks[i + 1])):
            # "Recommendation 1" over a shaded box quoting the recommendation ("The Government should, by April 2027, ...")
            ref = _bare_label(t)
            nb = self.blocks[i + 1]
            self.open_item(ref[:1].upper() + ref[1:], boxed, Prov(page=nb.page, source_text=boxed, locator=ref),
                           section_ref=None, level=1)
            return i + 2
        if not ref or nxt is None or self.blocks[nxt].kind == "table":
            return None
        m = _ITEM_LABEL.match(" ".join(self.blocks[nxt].text.split()))
        text = m.group("text") if m else (self._plain_item(nxt) or self._point_of_inspection_item(t, nxt)
                                          or self._asking_point(b, nxt))
        if text is None or len(text.split()) < 4:
            return None
        nb = self.blocks[nxt]
        ref = _bare_label(t)
        self.open_item(ref[:1].upper() + ref[1:], text, Prov(page=nb.page, source_text=nb.full_text, locator=ref),
                       section_ref=None, level=1)
        return nxt + 1

    def _quoted_point_under_title(self, b: Block, nxt: Optional[int]) -> Optional[tuple[str, str]]:
        """(number, point) for a numbered short title set as a heading ("1.1
        Waiting for assessments", "R3 Carers") over the point quoted from who
        made it ('CQC said: “...”', 'Ofsted: “...”'); None otherwise."""
        if b.kind != "heading" or nxt is None or self.blocks[nxt].kind not in ("paragraph", "list_item"):
            return None
        num, title = (b.numbering, b.text.strip()) if b.numbering else split_numbering(b.full_text)
        if not num or not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?|[A-Z]{1,3}\s?\d{1,2}[a-z]?", num) or not 1 <= len(title.split()) <= 10:
            return None
        m = SAID_QUOTE.match(_norm(self.blocks[nxt].text))
        return (num, m.group("point").strip()) if m and len(m.group("point").split()) >= 6 else None

    def _point_of_inspection_item(self, label: str, k: int) -> Optional[str]:
        """The point under an inspection's own item label ("Area for
        improvement 3" / "The local authority should ..."), which names an
        improvement wherever it is printed: a plain paragraph of six words
        or more, not a labelled line."""
        if not _INSPECTION_LABEL.match(label):
            return None
        b = self.blocks[k]
        t = " ".join(b.text.split())
        if b.kind not in ("paragraph", "list_item") or (b.numbering and b.numbering != "•") or LABEL_LINE.match(t) \
                or len(t.split()) < 6 or t.endswith(":"):
            return None
        return t

    def _asks_next(self, i: int) -> bool:
        """Does the next paragraph after block i ask someone to act ("By 31
        January 2027, the provider must ensure ...")?"""
        nxt = self._next_block(i)
        return nxt is not None and nxt.kind in ("paragraph", "list_item") and \
            bool(re.search(r"\b(?:must|should)\b", nxt.text))

    def _asking_point(self, label: Block, k: int) -> Optional[str]:
        """The point printed under its bare label set as a heading of its own
        ("RECOMMENDATION R8" / "That the Executive renews ..."), when it asks
        someone to act: a paragraph of six words or more."""
        b = self.blocks[k]
        t = " ".join(b.text.split())
        # (set apart: a heading, a box's title line with its priority, or a label line that names its body:
        # "Scrutiny recommendation 1" over the recommendation's quoted words)
        said_apart = label.kind == "heading" or "(" in label.text or len(label.text.split()) >= 3
        if not said_apart or b.kind not in ("paragraph", "list_item") or (b.numbering and b.numbering != "•") \
                or LABEL_LINE.match(t) or len(t.split()) < 6 or (t.endswith(":") and not self._parts_next(k)):
            return None
        for x in self.blocks[k + 1:k + 5]:
            if x.kind == "heading":
                break
            if x.kind == "table":
                return None   # a plan item over the table of its actions: the plan readers' (_plain_item, the tables)
        bare = t.strip(_QUOTES)
        return bare if re.match(r"(?i)that\s", bare) or ASKS_SOMEONE.search(bare) else None

    def _plain_item(self, k: int) -> Optional[str]:
        """The point printed plain under its bare number, when the plan's
        labelled lines follow it ("Recommendation 1" / "Improve the quality
        of supervision ..." / "Lead: ..." / "Target date: ..."): a review's
        or inquiry's recommendation is not followed by a plan's labels."""
        b = self.blocks[k]
        t = " ".join(b.text.split())
        if b.kind not in ("paragraph", "list_item") or (b.numbering and b.numbering != "•") or LABEL_LINE.match(t) \
                or len(t.split()) < 6:
            return None
        j, nj = k, self._next_at(k)
        for _ in range(2):   # ("Council response: Accepted. ..." between the point and its table or labels)
            if nj is None or self.blocks[nj].kind == "table" or \
                    not RESPONSE_HEAD_LINE.match(" ".join(self.blocks[nj].text.split())):
                break
            j, nj = nj, self._next_at(nj)
        if nj is None:
            return None
        after = self.blocks[nj]
        if after.kind == "table":
            return t if self._over_a_plan_table(j) else None   # over the table of its actions
        at = " ".join(after.text.split())
        # "Lead: ...", "Senior lead: ...", "Target date: ..." under the point, then (maybe) its table
        return t if LABEL_LINE.match(at) or _PROGRESS_LABEL.fullmatch(at) else None

    def _title_takes(self, words: str, printed: Optional[str] = None) -> bool:
        """The current item printed as a short title only ("Recommendation 6
        Sharing the learning", nothing under it yet) takes the recommendation's
        words printed under it: its title, then those words (as a title over its
        recommendation reads elsewhere: "Data sharing The Scottish Government
        should ..."). True when it did."""
        cur = self.current
        # (a title with whom it addresses in brackets: "Crisis line performance (Thursdale Care Partnership NHS Trust)")
        title = _without_bracket(cur.text) if cur is not None else ""
        if cur is None or cur.actions or cur.covered or len(title.split()) > 6 or ASKS_SOMEONE.search(cur.text):
            return False
        cur.title = cur.title or cur.text
        cur.text = _norm(cur.text + " " + words.strip(_QUOTES))
        cur.covered.add(printed or words)
        return True

    def open_item(self, ref: str, text: str, prov: Prov, section_ref: Optional[str], level: int) -> None:
        """A new plan item: the one paragraphs below now belong to."""
        current = Recommendation(kind="improvement", text=_norm(text), ref=ref, prov=prov, section_ref=section_ref)
        current.source_body = "Ofsted" if re.search(r"ofsted", _context_title(self.doc), re.I) else None
        current.deadline_bucket = self.bucket
        self.current, self.current_level, self.in_outcome = current, level, False
        self.under_steps = False
        self.stem, self.parts = None, []
        self.answered = False
        self.recs.append(current)

    def lettered_part(self, b: Block, t: str) -> bool:
        """'Recommendation 6: That the Cabinet:' then '(a) trains ...', '(b)
        sets up ...': each lettered part one recommendation (refs
        'Recommendation 6a', '6b'), the stem a lead-in. True when `b` was one."""
        m = _LETTER.fullmatch(b.numbering or "") if b.kind == "list_item" else None
        stem = self.stem if self.parts else self.current
        if m is None or stem is None or stem.actions or not stem.ref or not lead_in_only(stem.text) \
                or (self.parts and self.current is not self.parts[-1]) or len(t.split()) < 3:
            return False
        ref = f"{stem.ref}{m.group(1)}"
        part = Recommendation(kind=stem.kind, text=_norm(t), ref=ref, source_body=stem.source_body, section_ref=stem.ref,
                              prov=Prov(page=b.page, source_text=b.full_text, locator=ref))
        part.deadline_bucket = stem.deadline_bucket
        self.stem = stem
        self.recs.append(part)
        self.parts.append(part)
        self.current = part
        return True

    def part_labels(self, b: Block, lm: re.Match) -> bool:
        """A labelled line after an item's lettered parts ("Lead: ... – Timescale:
        (a) September 2027; (b) within six months") is each part's: the value
        printed for its letter where the line gives one per letter."""
        if len(self.parts) < 2 or self.current is not self.parts[-1]:
            return False
        value = lm.group("value").strip()
        pieces = dict(_LETTERED_VALUE.findall(value))
        for part in self.parts:
            letter = part.ref[-1]
            own = pieces.get(letter, value if not pieces else None)
            if own:
                _apply_rec_label(part, lm.group("label").lower(), own.strip(" ;"),
                                 Prov(page=b.page, source_text=b.full_text, locator=f"{part.prov.locator}/{lm.group('label').lower().split()[0]}"))
            part.covered.add(b.full_text)
        return True

    def plan_item(self, i: int, b: Block, t: str) -> bool:
        """'Action N - <text>' / 'Recommendation N: <text>' opens a plan item;
        so does a list's 'R1 <text>' set over the table of its actions."""
        captioned = _TABLE_CAPTION.match(t)
        if captioned and self._over_a_plan_table(i):
            t = t[captioned.end():]   # "Table 1: Recommendation 1 – ..." over the table of its actions
        pm = PLAN_ITEM.match(numbered_label(t))   # ("Recommendation One:", "Recommendation (1)", "First recommendation:")
        item_text = pm.group("text") if pm else None
        ref = pm.group("ref") if pm else None
        if pm is None and b.numbering and (re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?", b.numbering) if b.kind == "heading" else
                                           re.fullmatch(r"\d{1,2}", b.numbering)) and \
                len(t.split()) >= 8 and (_STEP_IMPERATIVE.match(t) or ASKS_SOMEONE.search(t)) and self._over_a_plan_table(i):
            # "1. Improve the timeliness of decisions at the front door so that ..." set as the heading (or a
            # numbered paragraph, a Word table's banner row) over the table of its actions: the recommendation
            # itself, its number the ref
            ref, item_text = b.numbering, t
        if pm is None and ref is None and (cm := CODED_ITEM.match(t)) and ASKS_SOMEONE.search(cm.group("text")) and \
                b.kind in ("paragraph", "list_item"):
            # "TFG1: The council should publish ...", "PR3 – The Board should ...": a review's coded item that asks
            ref, item_text = cm.group("ref"), cm.group("text")
        if pm is None and ref is None and (fm := _FINDING_ITEM.match(t)) and self._over_a_plan_table(i, past_labels=True):
            # "Regulator's finding (F1): The Council could not show ..." (a "Workstream lead: ..." line under it)
            # over the table of the actions answering it: the item the plan answers
            ref, item_text = fm.group("ref"), fm.group("text")
        if pm is None and ref is None and b.numbering and (PLAN_ITEM.match(f"{b.numbering} - {t}") or (
                b.kind in ("heading", "list_item") and re.fullmatch(R_REF, b.numbering) and (
                    (b.kind == "list_item" and (self._over_a_plan_table(i) or (ASKS_SOMEONE.search(t) and self._over_labels(i))))
                    or (len(t.split()) <= 12 and self._over_an_ask(i))))):
            # the loader split "Recommendation 1:" off as the block's numbering (or "R1" over its actions table,
            # or "R1 – Early help" as a heading over the words of the recommendation)
            ref, item_text = b.numbering, t
        if ref and (b.numbering != ref or (item_text or "")[:1].islower()) and _ABOUT_THE_ITEM.match(item_text or ""):
            return False   # "5.2 Recommendation 9 asks the Council to ...": a paragraph about the item, not the item
        if ref and OPENS_WITH_POSITION.match(item_text or "") and b.kind != "heading":
            return False   # "Recommendation 1: Accepted. The plan will be ...": the answer to item 1 (responses.py)
        if ref and self.current is None and re.match(r"(?i)action\s+\d{1,2}\.\d", ref) and \
                re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", b.numbering or "") and not ref.endswith(b.numbering or ""):
            return False   # "5.4 Action 6.1 – Workforce Strategy (Off track). Drafting was paused ...": the report's note on a step
        if ref and re.match(r"(?i)action|ap\s?\d", ref) and (subject_owner(item_text or "") or (item_text or "")[:1].islower()):
            # "Action 1: Secretariat to draft ...", "Action 6: complete the self-assessment": a minuted or
            # logged action (its owner, or a step in lower case), not a plan item that actions answer
            return False
        if ref and (b.kind != "list_item" or (b.numbering and b.numbering != "•")):
            ref = _norm(ref)
            ref = ref[:1].upper() + ref[1:]
            if self._step_of_current(ref):
                # "Recommendation 1: ..." then "Action 1.1: ...", "Lead: ...", "By: ...": the item's
                # numbered steps, each an action with its own labels, not plan items of their own
                self.current.actions.append(Action(text=_norm(item_text), ref=ref,
                                                   prov=Prov(page=b.page, source_text=b.full_text, locator=ref)))
                self.current.covered.add(b.full_text)
                self.step_ref, self.step_open, self.under_steps = None, True, True
                return True
            self.open_item(ref, item_text, Prov(page=b.page, source_text=b.full_text, locator=ref),
                           section_ref=b.numbering if b.numbering != "•" else None,
                           level=len((b.numbering or "").split(".")))
            return True
        return False

    def _step_of_current(self, ref: str) -> bool:
        """Is `ref` ("Action 1.2") a step of the open item ("Recommendation 1")
        rather than a plan item of its own? Its number sits under the item's."""
        current = self.current
        sm = re.fullmatch(r"(?i)(?:action|step)\s+(\d{1,2})\.\d{1,2}", ref)
        im = re.search(r"(\d{1,2})[a-z]?$", current.ref or "") if current is not None else None
        return bool(sm and im and not re.match(r"(?i)action|step|ap\b", current.ref or "")
                    and sm.group(1) == im.group(1))

    def _parts_next(self, i: int) -> bool:
        """Is the next block after block i a lettered part ("(a) ...")?"""
        nxt = self._next_block(i)
        return nxt is not None and nxt.kind == "list_item" and bool(_LETTER.fullmatch(nxt.numbering or ""))

    def _items_next(self, i: int) -> bool:
        """Is the next block with text after block i a numbered item?"""
        nxt = self._next_block(i)
        return nxt is not None and nxt.kind != "table" and nxt.numbering not in (None, "•")

    def _next_at(self, i: int) -> Optional[int]:
        """The index of the next block after block i that is a table or has text (within two blocks), else None."""
        return next((k for k in range(i + 1, min(i + 3, len(self.blocks)))
                     if self.blocks[k].kind == "table" or self.blocks[k].text.strip()), None)

    def _next_block(self, i: int) -> Optional[Block]:
        """The next block after block i that is a table or has text (within two blocks), else None."""
        k = self._next_at(i)
        return self.blocks[k] if k is not None else None

    def _over_labels(self, i: int) -> bool:
        """Is the next block with text after block i a labelled line ("Lead: ... By: ...")?"""
        nxt = self._next_block(i)
        return nxt is not None and nxt.kind != "table" and bool(LABEL_LINE.match(" ".join(nxt.text.split())))

    def _over_an_ask(self, i: int) -> bool:
        """Is the next block with text after block i a paragraph asking someone to act ("The Cabinet should ...")?"""
        nxt = self._next_block(i)
        return nxt is not None and nxt.kind != "table" and bool(ASKS_SOMEONE.search(" ".join(nxt.text.split())))

    def _over_a_plan_table(self, i: int, past_labels: bool = False) -> bool:
        """Is the next block with text after block i the table of its actions ("Action | Lead | By when")?
        (`past_labels`: after the item's labelled lines, "Workstream lead: ...")"""
        k = self._next_at(i)
        for _ in range(3):
            if not (past_labels and k is not None and self.blocks[k].kind != "table"
                    and LABEL_LINE.match(" ".join(self.blocks[k].text.split()))):
                break
            k = self._next_at(k)
        nxt = self.blocks[k] if k is not None else None
        return nxt is not None and nxt.kind == "table" and nxt.table is not None and \
            is_action_plan(classify_columns(nxt.table.header))

    def _under_step_list(self, i: int, current) -> bool:
        """Block i (a labelled line, perhaps after others) follows a list
        of two or more of the item's steps set as bullets: the labels are
        the item's, not its last step's. So they are under a single bullet
        in a paper that never prints labelled lines between two bullets
        (its steps have no lines of their own)."""
        j = i - 1
        while j >= 0 and self.blocks[j].kind != "table" and LABEL_LINE.match(" ".join(self.blocks[j].text.split())):
            j -= 1
        steps = {a.prov.source_text for a in current.actions}
        n = 0
        while j >= 0 and self.blocks[j].kind == "list_item" and self.blocks[j].full_text in steps:
            n, j = n + 1, j - 1
        return n >= 2 or (n == 1 and not self._labels_between_bullets())

    def _labels_between_bullets(self) -> bool:
        """Does the paper print labelled lines between two bullets ("• Introduce
        a template" / "Lead: ..." / "By: ..." / "• Run a clinic"): each step's
        own lines?"""
        if self._step_lines is None:
            self._step_lines = False
            prev = None   # the kind of the last block that was no labelled line
            for k, b in enumerate(self.blocks):
                if b.kind != "table" and LABEL_LINE.match(" ".join(b.text.split())):
                    if prev == "list_item" and (nxt := self._after_labels(k)) is not None and nxt.kind == "list_item":
                        self._step_lines = True
                        break
                    continue
                prev = b.kind
        return self._step_lines

    def _after_labels(self, k: int):
        """The first block after block k that is no labelled line, or None."""
        for b in self.blocks[k + 1:]:
            if b.kind == "table" or not LABEL_LINE.match(" ".join(b.text.split())):
                return b
        return None

    def heading(self, i: int, b: Block, t: str) -> Optional[int]:
        """A heading: a deadline bucket, an improvement zone (read whole), or
        a new section that closes the current item. Returns the index to go
        on from when the heading was consumed, else None."""
        t = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])", "", t) if b.kind == "heading" else t   # "3 Areas for ..."
        im0 = IMPROVEMENT_HEADING.match(t) if not CONTENTS_LINE.search(t) else None
        is_head = b.kind == "heading" or (t.isupper() and len(t.split()) <= 10) or \
            bool(im0 and not im0.group("rest") and len(t.split()) <= 8)
        due = due_phrase(t)
        if due and (self.current is None or not self.current.actions) and self._items_next(i):
            self.bucket = due   # the items under it: due then
            self.current = None
            return i + 1
        if is_head:
            bm = BUCKET.search(t)
            if bm and re.search(r"\bactions?\b|\bofsted\b", t, re.I):
                self.bucket = bm.group(0)
                self.current = None
                return i + 1
            im = IMPROVEMENT_HEADING.match(t) if not CONTENTS_LINE.search(t) else None
            if im or (self.inspection and re.match(r"^recommendations?\b", t, re.I)) or \
                    (re.match(r"(?i)^requirements?$", t) and self._asks_next(i)):
                found, j = _improvement_zone(self.blocks, i + 1, self.doc, _item_noun(t))
                self.recs.extend(found)
                self.current = None
                self.bucket = None
                return max(j, i + 1)
            if self.current is not None and (LABEL_LINE.match(t) or _PROGRESS_LABEL.fullmatch(t) or RESPONSE_HEAD_LINE.match(t)):
                return None   # "Status: Amber", "Progress:", "Response: Accept" set in bold under the item: its labels, not a new section
            if self.current is not None and b.numbering is None and STEPS_HEADING.fullmatch(t.rstrip(":. ")):
                self.under_steps, self.answered = True, False
                return i + 1   # "Actions" set in bold over the item's steps (after its answer, if any)
            if self.current is not None and (rm := _ITEM_RAG.match(t)):
                got = normalise_rag(rm.group("value"), letters_ok=True)   # "Overall RAG rating for this priority: Amber"
                if got and self.current.rag is None:
                    self.current.rag, self.current.rag_raw = got
                return i + 1
            if self.current is not None and _STEP_REF.fullmatch(t):
                self.step_ref = t   # "Action 1.2" set alone over the step's labelled lines
                return i + 1
            if b.kind == "heading" and (b.numbering is None or re.fullmatch(r"\d+", b.numbering or "")) and not OUTCOME_HEADING.match(t):
                # a new top-level section closes the current plan item and bucket
                if b.numbering and re.fullmatch(r"\d+", b.numbering):
                    self.bucket = None
                self.current = None
        return None

    def under_item(self, i: int, b: Block, t: str) -> None:
        """A paragraph under the current plan item: a labelled line, an
        outcome / progress heading, the end of the item, or an action."""
        current = self.current
        if _STEP_REF.fullmatch(t):
            self.step_ref = t
            return
        if lead_in_only(t) and ASKS_SOMEONE.search(t) and b.numbering is None and self._parts_next(i) and \
                not current.actions and not current.covered and len(current.text.split()) <= 8 and not ASKS_SOMEONE.search(current.text):
            # "Recommendation 4 Professional curiosity ..." over "The Board should seek assurance that:" over
            # "a) ...", "b) ...": the lead-in is the item's stem, each lettered line a part
            current.text = _norm(t)
            current.covered.add(b.full_text)
            return
        said = _SAID_LABEL.match(t)
        if said and len(t.split()) >= 8 and b.numbering is None and self._title_takes(t[said.end():], b.full_text):
            return   # "AFI 3 – Information, Advice and Assistance" over "CIW said: The local authority must ..."
        if len(t.split()) >= 8 and (t[:1] in "“\"‘'" or ASKS_SOMEONE.search(t) or ASKED_SUBJECT.match(t)) and b.numbering is None and \
                self._title_takes(t, b.full_text):
            return   # "Recommendation 6 Sharing the learning" over the recommendation's words, quoted
        sm = _STEP_LABEL.match(t)
        if sm and not self.in_outcome:
            # "What we will do: Recruit additional coordinators ...": the step, under its label
            current.actions.append(Action(text=_norm(sm.group("text")), ref=self.step_ref,
                                          prov=Prov(page=b.page, source_text=b.full_text,
                                                    locator=self.step_ref or f"block:{i}")))
            current.covered.add(b.full_text)
            self.step_ref, self.step_open = None, True
            return
        if self.lettered_part(b, t):
            return
        if LABEL_LINE.match(t):
            for lm in label_parts(t):
                if self.part_labels(b, lm):
                    continue
                if self.step_open and current.actions and not self._under_step_list(i, current):
                    # "Lead: ...", "By: ..." on lines of their own under a step: the step's (under a
                    # list of steps, "• Review the policy" / "• Consult tenants" / "Lead officer: ...", the item's)
                    step = current.actions[-1]
                    label = lm.group("label").lower()
                    step.labels.append((label, lm.group("value").strip(),
                                        Prov(page=b.page, source_text=b.full_text,
                                             locator=f"{step.prov.locator}/{label.split()[0]}")))
                    current.covered.add(b.full_text)
                else:
                    label_line(current, b, lm)
            return
        self.step_open = False
        if _STEPS_LABEL.fullmatch(t) or (b.numbering is None and len(t.split()) <= 6 and STEPS_HEADING.fullmatch(t.rstrip("."))):
            # "Actions taken:", "Next steps:", "Under way" over the item's bullets: each bullet a step (not
            # "Progress:", whose bullets may be results: "42% of contacts are now made online"); after the
            # item's answer ("Response: Accepted" / "Actions:"), the answer has ended
            self.under_steps, self.in_outcome, self.answered = True, False, False
            return
        if _PROGRESS_LABEL.fullmatch(t):
            self.under_steps = False   # "Progress:" after the steps: what came of them
            return
        if OUTCOME_HEADING.match(t):
            self.in_outcome = True
            return
        if re.match(r"^progress\s+(achieved|made|to\s+date|update)\b", t, re.I):
            self.in_outcome = False
            return
        if RESPONSE_HEAD_LINE.match(t) or (self.responding and not current.actions and takes_position(t)):
            # "Response: Accepted ...", or in a response paper "Thursdale Police accepts this recommendation. ...":
            # the answer to the item (responses.py), not its action; the item's labelled lines may follow it
            # ("Lead officer: ...", "Target date: ...")
            self.answered = True
            current.covered.add(b.full_text)
            return
        if self.answered and b.kind == "list_item" and b.numbering == "•" and _STEP_IMPERATIVE.match(t) and len(t.split()) >= 4:
            # "Executive response: Accepted. ..." over "• Consult on the draft plan in summer 2027.": the steps
            # the answer lists are the item's actions
            current.actions.append(led_step(t, Prov(page=b.page, source_text=b.full_text, locator=f"block:{i}")))
            current.covered.add(b.full_text)
            return
        if self.answered:
            return   # the answer's next paragraphs
        num = b.numbering or ""
        if not self.under_steps and re.fullmatch(r"\d+(?:\.\d+)*", num) and len(num.split(".")) <= self.current_level:
            # a section number at the item's depth or above ends it (not a list's own 1, 2, 3
            # under an "Actions" heading: the item's steps)
            self.current = None
            return
        current.covered.add(b.full_text)
        if not current.actions and b.kind == "list_item" and t[:1].islower() and \
                (current.text.endswith(":") or re.search(r"[;,]\s*(?:and|or)?$", current.text)) and \
                re.search(r"\b(?:should|must|needs?\s+to|recommends?)\b[^.]*$", current.text, re.I):
            # "Recommendation 1: Within six months, the force should make sure that:" then
            # "• it answers ...;" — the items finish the recommendation's sentence: its parts, not steps
            # (not "... The recovery measures are:" over the steps taken)
            current.text = _norm(current.text + " " + t)
            return
        if not self.in_outcome and current.actions and t[:1].islower() and b.numbering is None:
            # a paragraph cut by a page break continues the action before it
            last = current.actions[-1]
            last.text = _norm(last.text + " " + t)
            last.prov.source_text += " " + t
        elif not self.in_outcome and (is_action_text(t) or _LED_BULLET.search(t) and b.kind == "list_item" or (self.under_steps and (
                _STEP_IMPERATIVE.match(t) or (b.kind == "list_item" and len(t.split()) >= 5))) or
                                      (_numbered_under(num, current.ref) and len(t.split()) >= 4 and (
                                          _STEP_IMPERATIVE.match(t) or (i + 1 < len(self.blocks) and
                                                                        LABEL_LINE.match(self.blocks[i + 1].text.strip()))))):
            current.actions.append(led_step(t, Prov(page=b.page, source_text=b.full_text,
                                                    locator=b.numbering if b.numbering and b.numbering != "•" else f"block:{i}")))
            self.step_open = True


# a bullet under an item that names who leads it and when, in brackets at its end: "Deliver values
# workshops to every watch (Lead: Sonia Whitlam, Head of People; by March 2027)." — a planned step
# (or with no label: "... (Head of Digital, Priya Lal; due end of February 2027).": who, then when)
_LED_BULLET = re.compile(r"(?i)\((?:(?:leads?|owners?|responsible)\s*:\s*[^()]{3,120}|(?-i:[A-Z])[^();]{2,80};\s*(?:due|by|target|deadline)\b[^()]{3,40})\)\.?\s*$")


def led_step(text: str, prov: Prov) -> Action:
    """A step with who leads it and when in a bracket at its end ("Deliver
    values workshops to every watch (Lead: Sonia Whitlam, Head of People; by
    March 2027)."): the words before the bracket, the bracket's parts as its
    labels (lead, then when or its status)."""
    led = _LED_BULLET.search(text)
    step = Action(text=_norm(text[:led.start()] if led else text), ref=None, prov=prov)
    if led:
        for k, part in enumerate(re.split(r"\s*;\s*|,\s*(?=(?:by|due|target)\b)", led.group(0).strip(" .()"), flags=re.I)):
            lm = re.match(r"(?i)(?P<label>leads?|owners?|responsible|by|due|target(?:\s+date)?|deadline|status)\s*:?\s*(?P<value>\S.*)", part)
            who = k == 0 and not normalise_rag(part) and not re.match(r"(?i)(?:complete|done|on\s+track|in\s+progress|ongoing|delayed|slipped)", part)
            label, value = (lm.group("label").lower(), lm.group("value")) if lm else ("lead" if who else "status", part)
            if label == "by":
                value = part   # "by March 2027": the deadline as printed
            step.labels.append((label, value, prov.at(f"/{label.split()[0]}" + (f"#{k}" if k else ""))))
    return step


_QUOTES = "“”\"‘’' "
# the inspectorate's or reviewer's words quoted under the item's title: "CIW said:", "What Ofsted said:",
# "The inspectors recommended:", "Audit Wales recommendation:"
_SAID_LABEL = re.compile(r"(?i)^(?:what\s+)?(?:the\s+)?(?:(?-i:[A-Z]{2,8})|ofsted|estyn|audit\s+wales|inspectors?|reviewers?|"
                         r"auditors?|peer\s+team|review|inspection|panel)\s+(?:said|found|recommended|recommendation|asked\s+us\s+to)\s*:\s*")
# a table's caption before the item it names: "Table 1: ", "Table 3 – "
_TABLE_CAPTION = re.compile(r"(?i)^table\s+\d{1,2}\s*[:.–—-]\s*")
# words after "Recommendation 9" that speak of it: "asks the Council to ...", "was accepted", "is addressed to ..."
_ABOUT_THE_ITEM = re.compile(r"(?:asks|says|calls|proposes|suggests|is|was|were|has|had|relates|concerns|seeks|requires|refers|"
                             r"covers|deals|will|would|also|and)\b")


def _numbered_under(num: str, ref: Optional[str]) -> bool:
    """'6.2' under 'Recommendation 6': a step numbered under its item's number."""
    item = re.search(r"(\d{1,2})[a-z]?$", ref or "")
    return bool(item) and re.fullmatch(rf"{item.group(1)}\.\d{{1,2}}[a-z]?", num or "") is not None


# a finding a plan answers, labelled with its number: "Regulator's finding (F1): ...", "Finding F2 – ...", "Inspection finding 3: ..."
_FINDING_ITEM = re.compile(r"^(?:(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}?(?:[A-Z][\w-]*(?:’s|'s)\s+)?)?(?i:finding)\s*"
                           r"\(?(?P<ref>(?:F\s?)?\d{1,2}[a-z]?)\)?\s*[:.–—-]\s*(?P<text>[A-Z].{20,})$")
# a step written as an instruction, under an "Actions" heading: "Run a performance clinic ..."
_STEP_IMPERATIVE = re.compile(
    r"(?:Re-?)?(?:review|implement|develop|ensure|make\s+sure|establish|deliver|complete|undertake|introduce|launch|"
    r"produce|agree|hold|provide|create|commission|publish|update|carry\s+out|present|report|submit|roll\s+out|"
    r"continue|embed|consult|conduct|prepare|monitor|recruit|appoint|set\s+up|extend|improve|finalise|approve|"
    r"refresh|revise|procure|award|bring|design|pilot|evaluate|identify|arrange|deploy|achieve|reduce|increase|"
    r"open|build|adopt|secure|begin|take|send|write|seek|run|audit|train|map|test|share|issue|strengthen|expand|"
    r"align|integrate|standardise|co-?produce|invest|track|escalate|promote|raise|engage|work|support|offer|"
    r"respond|tell|ask|check|analyse|collect|record|capture|replace|restructure|place|assess|use|meet)"
    r"\s+(?:[a-z]|[A-Z0-9‘'\"])", re.I)
# a plan item's own rating on a line of its own: "Overall RAG rating for this priority: Amber"
_ITEM_RAG = re.compile(r"(?i)^(?:overall\s+)?(?:rag|rating|status)\b[^:]{0,40}:\s*(?P<value>\S.{0,30})$")
# a step's number set alone: "Action 1.2", "Step 3"
_STEP_REF = re.compile(r"(?i)(?:action|step)\s+\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?[.:]?")
# the label a step is written under: "What we will do: ...", "Planned action: ..."
_STEP_LABEL = re.compile(r"(?i)^(?:what\s+we\s+(?:will|said\s+we\s+would|are\s+going\s+to)\s+do|(?:planned|agreed|improvement)\s+action|"
                         r"action\s+to\s+be\s+taken|step)\s*:\s*(?P<text>\S.{10,})$")
# a heading over a plan item's steps: "Actions", "Actions agreed", "What we will do"
STEPS_HEADING = re.compile(r"(?i)(?:(?:key|planned|agreed|our|improvement|completed|outstanding|remaining)\s+)?(?:actions?|steps)(?:\s+(?:agreed|planned|"
                            r"to\s+be\s+taken|we\s+will\s+take|taken|completed|under\s*way|in\s+progress|outstanding)(?:\s+(?:to\s+date|so\s+far))?"
                            # "Actions taken and planned", "Actions completed and outstanding"
                            r"(?:\s+(?:and|&|or|/)\s+(?:planned|proposed|outstanding|under\s*way|in\s+progress|next\s+steps))?)?|"
                            r"what\s+we\s+(?:will|are\s+going\s+to)\s+do|how\s+we\s+will\s+do\s+it|further\s+(?:work|actions?|steps)|"
                            # the steps a progress report sorts by how far they have got: "Steps taken", "Under way",
                            # "Planned", "What has been done", "Work completed to date", "Still to do"
                            r"what\s+(?:has\s+been|we\s+have)\s+done(?:\s+(?:to\s+date|so\s+far))?|work\s+(?:completed|done|under\s*way|in\s+progress|"
                            r"planned)(?:\s+(?:to\s+date|so\s+far))?|under\s*way|in\s+progress|planned(?:\s+next\s+steps)?|still\s+to\s+do|"
                            r"what\s+(?:happens|will\s+happen|we\s+will\s+do)\s+next|next\s+steps|other\s+actions?\s*:?")


# the same, as a label with nothing after it: "Next steps:", "Actions agreed:"
_STEPS_LABEL = re.compile(r"(?i:" + STEPS_HEADING.pattern.removeprefix("(?i)") + r")\s*:")
# a label with nothing after it, over the item's progress bullets: "Progress:", "Update:", "Actions taken:"
_PROGRESS_LABEL = re.compile(r"(?i)(?:progress(?:\s+(?:to\s+date|update|made|so\s+far|(?:this|last|in\s+the)\s+(?:quarter|period|month|year)|"
                             r"since\s+(?:the\s+)?last\s+(?:report|update|meeting)))?|update|commentary|"
                             r"actions?(?:\s+(?:taken|completed|planned))?|what\s+we\s+have\s+done)\s*:")


# a plan item's number set alone ("Area for improvement 1", "Recommendation 3") and the label its text follows
_INSPECTION_LABEL = re.compile(r"(?:" + INSPECTION_ITEM + r")\s+\d{1,2}[a-z]?[.:]?$")
_BARE_ITEM = re.compile(r"(?i)(?:previous\s+)?(?:" + INSPECTION_ITEM + r"|(?:" + ITEM_SOURCE + r"\s+)?recommendation|requirement|priority)\s+(?-i:R(?=\d))?\d{1,2}[a-z]?[.:]?"
                        # "Recommendation R1 (Priority: Moderate)": its priority or rating beside it
                        r"(?:\s*" + ITEM_QUALIFIER + r")?")
_ITEM_LABEL = re.compile(r"(?i)^(?:what\s+needs\s+to\s+improve|(?:ofsted\s+)?recommendation|area\s+for\s+improvement|finding)\s*[:\-–]\s*(?P<text>\S.*)$")


def _without_bracket(text: str) -> str:
    """`text` without a bracket closing it ("Recommendation R1 (Priority: Moderate)" -> "Recommendation R1")."""
    return re.sub(r"\s*\([^()]*\)$", "", text)


def _bare_label(label: str) -> str:
    """An item's bare label as its ref (and locator) reads it: without a closing bracket or stop
    ("Recommendation R1 (Priority: Moderate)" -> "Recommendation R1"), the words set in capitals in lower
    case ("RECOMMENDATION R8" -> "recommendation R8"); callers capitalise its first letter for the ref."""
    ref = _without_bracket(_norm(label)).rstrip(".:")
    if ref.split()[0].isupper():
        ref = re.sub(r"^[A-Z]+(?:\s+[A-Z]+)*?(?=\s+(?:R\s?)?\d)", lambda m: m.group(0).lower(), ref)
    return ref


def label_line(current: Recommendation, b: Block, lm: re.Match) -> None:
    """A labelled line under a plan item: "Lead: Head of Service", "RAG: Amber",
    "Timescale: March 2025", "Progress: ..."."""
    label, value = lm.group("label").lower(), lm.group("value").strip()
    prov = Prov(page=b.page, source_text=b.full_text, locator=f"{current.prov.locator}/{label.split()[0]}")
    current.covered.add(b.full_text)
    _apply_rec_label(current, label, value, prov)


def _apply_rec_label(current: Recommendation, label: str, value: str, prov: Prov) -> None:
    kind = label_kind(label)
    if kind == "owner":
        current.owner_texts.append(("lead" if label.startswith("lead") else "responsible", value, prov))
    elif kind in ("rag", "status") and normalise_rag(value, letters_ok=True):
        current.rag, current.rag_raw = normalise_rag(value, letters_ok=True)
    elif kind == "due":
        current.timescale_texts.append((value, prov))
    elif kind in ("progress", "status", "rag"):   # ("Overall assessment: good progress on ...")
        current.status_text = _norm(((current.status_text or "") + " " + value).strip())


def _context_title(doc: Document) -> str:
    return " ".join(b.text for b in doc.blocks[:12] if b.kind != "table")


def is_action_text(t: str) -> bool:
    """A paragraph that reports a step taken, under way or planned (not a
    result, an aim or background)."""
    t = t.strip()
    if len(t.split()) < 4 or NOT_ACTION_START.match(t) or t.endswith(("?", ":", ";")):
        return False
    first = re.split(r"(?<=[.;])\s+", t)[0]
    return bool(STEP_VERB.search(first))


def _item_noun(heading: str) -> Optional[str]:
    """What a heading calls the items under it, in the singular: "Areas for
    improvement" -> "Area for improvement", "Requirements" -> "Requirement"."""
    m = re.match(r"(?i)^(?:(?:priority|key|main|principal)\s+)?(areas?\s+for\s+improvement|requirements?|recommendations?)\s*$",
                 heading.strip())
    if m is None:
        return None
    noun = re.sub(r"(?i)^areas\b", "Area", m.group(1))
    noun = re.sub(r"(?i)(requirement|recommendation)s$", r"\1", noun)
    return noun[:1].upper() + noun[1:].lower()


_FINDING_POINTER = re.compile(r"(?i)\((?:see\s+)?(?:finding|issue|observation)s?\s+\d{1,2}[a-z]?(?:\s*(?:,|and|&)\s*\d{1,2}[a-z]?)*\)\.?$")


def _improvement_zone(blocks: list[Block], start: int, doc: Document,
                      noun: Optional[str] = None) -> tuple[list[Recommendation], int]:
    recs, found = _zone_items(blocks, start, doc)
    # "Four of the 25 cardholders tested had no signed agreement (Finding 1).": an audit's summary of what it
    # found, each pointing to its finding, not what it asks
    recs = [r for r in recs if not _FINDING_POINTER.search(r.text) and not _ABOUT_A_TABLE.match(r.text)]
    for r in recs:
        if noun and r.ref and re.fullmatch(r"\d{1,3}", r.ref):
            r.key_ref = f"{noun} {r.ref}"
    return recs, found


def _zone_items(blocks: list[Block], start: int, doc: Document) -> tuple[list[Recommendation], int]:
    recs: list[Recommendation] = []
    finishing = False   # the last block was a lettered part finishing the item's sentence
    j = start
    mode = None  # "items" or "paras"
    body = "Ofsted" if re.search(r"ofsted|inspection", _context_title(doc), re.I) else None
    while j < len(blocks):
        b = blocks[j]
        t = b.text.strip()
        if b.kind == "table":
            items = _boxed_list(b) if not recs else None
            if items:  # the list printed in a box: a table of one (merged) column
                recs.extend(_boxed_recs(blocks, j, items, doc))
                j += 1
            break
        if not t:
            j += 1
            continue
        if IMPROVEMENT_HEADING.match(t) and not recs:
            j += 1  # the heading printed twice
            continue
        if not recs and t.endswith(":") and not b.numbering and b.kind != "heading":
            j += 1  # "We make the following recommendations:" introduces the list
            continue
        if b.kind == "heading":
            break
        if recs and RESPONSE_HEAD_LINE.match(t):
            j += 1   # "Partnership response: Accepted." under an item: its answer (responses.py), the list goes on
            continue
        if mode == "paras" and (recs[-1].text.endswith(":") or finishing) and b.numbering and _LETTER.fullmatch(b.numbering):
            # "To do this, the provider must, at a minimum:" then "a) ensure ...;": the parts finish the sentence
            recs[-1].text = _norm(f"{recs[-1].text} {b.numbering} {_REGULATION_CITED.sub('', t)}")
            recs[-1].prov.source_text += " " + t
            finishing = True
            j += 1
            continue
        finishing = False
        if b.numbering == "•" or (b.numbering and not re.fullmatch(r"\d+", b.numbering)):
            if mode == "paras":
                break
            mode = "items"
            recs.append(Recommendation(kind="improvement", text=_norm(t), ref=_ref(b), source_body=body,
                                       prov=_prov(b)))
            j += 1
            continue
        if mode == "items":
            if t[:1].islower() or t.startswith("("):
                recs[-1].text = _norm(recs[-1].text + " " + t)
                recs[-1].prov.source_text += " " + t
                j += 1
                continue
            break
        # paragraph-style items: "Leaders ... should/must ...", or short imperative sentences.
        # A numbered paragraph after them is the report's body again, unless
        # the items are themselves a list numbered 1, 2, 3 ... and this one
        # is the next number (a list the page break did not end)
        if b.numbering and re.fullmatch(r"\d+", b.numbering) and recs and not _next_in_list(recs, b.numbering):
            break
        next_number = bool(b.numbering and recs and _next_in_list(recs, b.numbering))
        if re.search(r"\b(should|must|needs?\s+to|ought\s+to)\b", t) or (not recs and len(t.split()) <= 60) or next_number:
            if recs and t[:1].islower():
                recs[-1].text = _norm(recs[-1].text + " " + t)
                j += 1
                continue
            mode = "paras"
            recs.append(Recommendation(kind="improvement", text=_norm(_REGULATION_CITED.sub("", t)), ref=_ref(b),
                                       source_body=body, prov=_prov(b)))
            j += 1
            continue
        break
    return recs, j


_COUNTED = re.compile(r"(?P<prefix>R|)(?P<n>\d{1,3})")
_LETTER = re.compile(r"\(?([a-z]|[ivx]{1,4})[.)]")
# the sentence an inspectorate prints after a requirement or area for improvement to cite its basis:
# "This is to comply with Regulation 4(1)(a) ...", "This is to ensure care and support is consistent with ..."
_REGULATION_CITED = re.compile(r"(?<=[.;])\s+This\s+is\s+to\s+(?:comply\s+with|ensure\s+(?:that\s+)?care\s+and\s+support)\b.*$", re.S)
# a label's value given per lettered part: "(a) September 2027; (b) within six months"
_LETTERED_VALUE = re.compile(r"\(([a-h])\)\s*([^()]+?)(?=\s*\([a-h]\)|$)")


def _next_in_list(recs: list[Recommendation], number: Optional[str]) -> bool:
    """Are `recs` numbered 1, 2, ... k (or R1, R2, ... Rk), and is `number`
    the next one? With no recs, is `number` the first?"""
    m = _COUNTED.fullmatch(number or "")
    if not m:
        return False
    counted = [_COUNTED.fullmatch(r.ref or "") for r in recs if not r.section_ref]   # R3a, R3b: parts of R3
    return all(c and c.group("prefix") == m.group("prefix") for c in counted) and \
        [int(c.group("n")) for c in counted] == list(range(1, len(counted) + 1)) and int(m.group("n")) == len(counted) + 1


_MARK = re.compile(r"^(?P<open>\(?)(?P<v>[a-z]{1,2}|\d{1,2}|[ivx]{1,5})(?P<close>[.)]?)$", re.I)


def _ordinal(number: Optional[str]) -> list[tuple[str, int]]:
    """'(c)' -> [('(a)', 3)], '2.' -> [('1.', 2)], '(iv)' -> [('(i)', 4)],
    '(i)' -> [('(a)', 9), ('(i)', 1)]: a list marker's style and place."""
    m = _MARK.match(number or "")
    if not m:
        return []
    v, shape = m.group("v").lower(), m.group("open") + "{}" + m.group("close")
    if v.isdigit():
        return [(shape.format("1"), int(v))]
    out = [(shape.format("a"), ord(v) - 96)] if len(v) == 1 else []
    if re.fullmatch(r"[ivx]+", v):
        vals = {"i": 1, "v": 5, "x": 10}
        out.append((shape.format("i"), sum(-vals[c] if k + 1 < len(v) and vals[c] < vals[v[k + 1]] else vals[c]
                                            for k, c in enumerate(v))))
    return out


def _group_line(blocks: list[Block], j: int, recs: list[Recommendation]) -> bool:
    """An unnumbered line inside a list of lettered or numbered decisions
    that groups the items after it ("2025-35 Capital Programme" over "(a)",
    "(b)"; "In addition:" over "(o)"): the next item starts the list or
    follows the last one."""
    b = blocks[j]
    t = b.text.strip()
    if b.numbering or b.kind == "table" or not t or len(t.split()) > 10 or t.endswith((".", ";", ",")) or \
            (t.endswith(":") and len(t.split()) > 4):
        return False
    nxt = next((x for x in blocks[j + 1:j + 2] if x.text.strip()), None)
    got = _ordinal(nxt.numbering) if nxt is not None and nxt.kind != "heading" else []
    if not recs:
        return any(n == 1 for _, n in got)
    last = _ordinal(recs[-1].ref)
    return any(g == l and n == k + 1 for g, n in got for l, k in last)


def _theme_heading(blocks: list[Block], j: int, recs: list[Recommendation]) -> bool:
    """A short heading inside a list of recommendations that groups them by
    theme ("Governance and accountability" between R4 and R5): the next
    item goes on counting the list."""
    b = blocks[j]
    if b.numbering or len(b.text.split()) > 10 or b.text.strip().endswith((".", ":")):
        return False
    nxt = next((x for x in blocks[j + 1:j + 3] if x.text.strip()), None)
    return bool(nxt is not None and nxt.kind != "heading" and _next_in_list(recs, nxt.numbering))


def _boxed_list(b: Block, headed: bool = False) -> Optional[list[tuple[int, str, Optional[int]]]]:
    """(row, text, page) of each item when a table is a list in a box: each
    row holds one text (merged cells repeat it across the columns), the
    first may repeat the heading (`headed`: must be an improvement heading,
    for a box with no heading printed above it). None for a table with
    real columns."""
    items = []
    one_cell = _one_cell_list(b)
    if one_cell is not None:
        # the whole list in one cell: "Recommendations" over "• ...", "• ..."
        head, lines = one_cell
        said_to_others = any(_SAYS_SHOULD.search(t) for t in lines)
        if re.fullmatch(r"(?:key\s+|main\s+|our\s+|summary\s+of\s+)?recommendations?:?", head, re.I) and said_to_others \
                or (IMPROVEMENT_HEADING.match(head) and not IMPROVEMENT_HEADING.match(head).group("rest")):
            page = next((c.page for row in b.table.rows for c in row if c.page), None) or b.page
            return [(0, t, page) for t in lines]
        return None
    if headed:
        first = next((row for row in (b.table.rows if b.table else []) if any(c.text.strip() for c in row)), None)
        texts = {_norm(c.text) for c in first or [] if c.text.strip()}
        m = IMPROVEMENT_HEADING.match(next(iter(texts))) if len(texts) == 1 else None
        said_to_others = len(texts) == 1 and re.fullmatch(r"(?:key\s+|main\s+|our\s+|summary\s+of\s+)?recommendations?",
                                                           next(iter(texts)), re.I) and \
            any(_SAYS_SHOULD.search(c.text) for row in b.table.rows for c in row)
        if not said_to_others and (not m or m.group("rest")):
            return None   # a box headed "Recommendations" counts when they are made to others ("The council should ...")
    for r, row in enumerate(b.table.rows if b.table else []):
        texts = {_norm(c.text) for c in row if c.text.strip()}
        if not texts:
            continue
        keyed = _keyed_row(row)
        if keyed is not None:
            # "R3 | The Council should install ...": the item's number in a column of its own (its lines kept,
            # for the labelled lines under the item: "Who should do it: ...")
            texts = {keyed}
        if len(texts) > 1:
            return None
        text = texts.pop()
        if not items and (IMPROVEMENT_HEADING.match(text) or
                          re.match(r"^(?:key\s+|main\s+|our\s+|summary\s+of\s+)?recommendations?:?$", text, re.I)):
            continue
        page = next((c.page for c in row if c.page), None) or b.page
        items.append((r, text, page))
    return items if len(items) >= 1 and all(len(t.split()) >= 4 for _, t, _ in items) else None


# a point quoted after who made it: 'CQC said: “People waiting ... should be ...”', 'Ofsted: “The timeliness of ...”'
SAID_QUOTE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3})(?:\s+(?:said|found|recommended|recommends|asked|"
                        r"noted|reported|stated|concluded))?\s*:?\s*[“\"](?P<point>[^“”\"]{12,})[”\"]\s*\.?$")


def _boxed_point(b: Block) -> Optional[str]:
    """The words of a one-cell box that asks someone to act ("The Government
    should, by April 2027, ..."), six words or more; None otherwise."""
    if b.kind != "table" or b.table is None:
        return None
    texts = {c.text.strip() for row in b.table.rows for c in row if c.text.strip()}
    if len(texts) != 1:
        return None
    text = _norm(next(iter(texts)))
    if len(text.split()) < 6 or not re.search(r"\b(?:should|must|ought\s+to|is\s+recommended|are\s+recommended)\b", text):
        return None
    return text


def _keyed_row(row) -> Optional[str]:
    """'R3 The Council should ...' for a row of two texts, the first only the
    item's number ("R3", "7", "Recommendation 2"); None otherwise."""
    texts = [_norm(c.text) for c in row if c.text.strip()]
    if len(texts) != 2 or len(set(texts)) != 2 or not KEY_CELL.fullmatch(texts[0]) or len(texts[1].split()) < 4:
        return None
    raw = next(c.text.strip() for c in row if c.text.strip() and _norm(c.text) == texts[1])
    return f"{texts[0].rstrip('.')} {raw}"


def _one_cell_list(b: Block) -> Optional[tuple[str, list[str]]]:
    """(heading line, items) when a table's only text is one cell holding a
    heading line and a bulleted or numbered list; None otherwise."""
    texts = {c.text for row in (b.table.rows if b.table else []) for c in row if c.text.strip()}
    if len(texts) != 1:
        return None
    lines = [ln.strip() for ln in next(iter(texts)).split("\n") if ln.strip()]
    if len(lines) < 3 or split_numbering(lines[0])[0]:
        return None
    items: list[str] = []
    for ln in lines[1:]:
        num, rest = split_numbering(ln)
        if num:
            items.append(rest)
        elif items:
            items[-1] = f"{items[-1]} {ln}"   # the item wraps onto the next line
        else:
            return None
    return (lines[0], [_norm(t) for t in items]) if len(items) >= 2 else None


def _boxed_recs(blocks: list[Block], j: int, items, doc: Document) -> list[Recommendation]:
    tindex = sum(1 for x in blocks[:j] if x.kind == "table" and x.table is not None)
    body = "Ofsted" if re.search(r"ofsted|inspection", _context_title(doc), re.I) else None
    out = []
    for r, text, page in items:
        first, nl, more = text.partition("\n")
        num, rest = split_numbering(first)   # "1. Commissioners should ...": the list's number is the ref
        ref = num if num and num != "•" and rest else None
        words, labels = _labelled_tail(rest + nl + more if ref else text)
        prov = Prov(page=page, source_text=text, locator=f"table:{tindex}/row:{r}", table=tindex)
        rec = Recommendation(kind="improvement", text=_norm(words), ref=ref, source_body=body, prov=prov)
        for k, m in enumerate(labels):   # "Who should do it: Head of Property and Assets (Rhiannon Gale)"
            _apply_rec_label(rec, m.group("label").lower(), m.group("value").strip(), prov.at(f"/label:{k}"))
        out.append(rec)
    return out


def _labelled_tail(text: str) -> tuple[str, list[re.Match]]:
    """An item's words and the labelled lines printed under them in its cell
    ("Who should do it: ...", "Timescale: ..."): from the first line that is
    one, every line must be one."""
    lines = text.split("\n")
    for k in range(1, len(lines)):
        parts = [label_parts(ln.strip()) for ln in lines[k:]]
        if all(parts):
            return "\n".join(lines[:k]), [m for p in parts for m in p]
        if LABEL_LINE.match(lines[k].strip()):
            break
    return text, []


_STEP_PARTICIPLE = (r"(?:developed|undertaken|carried\s+out|implemented|introduced|established|created|completed|delivered|"
                    r"launched|agreed|appointed|commissioned|set\s+up|put\s+in\s+place|submitted|reviewed|refreshed|updated|"
                    r"published|recruited|produced|drafted|rolled\s+out|piloted|procured|purchased|secured|convened|"
                    r"redesigned|restructured|strengthened|embedded|evaluated|monitored|audited|expanded|extended|trained)")
# a plan's commitment as plans print it: its title, a dash, then who will do what
COMMITMENT = re.compile(r"^[A-Z][\w ,'’&()/-]{3,90}?\s*[–—-]\s+(?P<who>(?:the\s+|The\s+)?(?:[A-Z][\w’'()]*\s+|of\s+|and\s+|for\s+){0,6}?)"
                        r"(?:will|commits\s+to|(?:is|are)\s+committed\s+to|shall)\s+[a-z]+")


STRICT_STEP = re.compile(
    rf"\b(?:has|have)\s+(?:now\s+|also\s+|recently\s+|already\s+)?been\s+{_STEP_PARTICIPLE}\b|"
    rf"\b(?:is|are)\s+(?:now\s+|currently\s+)?being\s+{_STEP_PARTICIPLE}\b|"
    rf"\bwill\s+(?:also\s+|then\s+|continue\s+to\s+)?be\s+{_STEP_PARTICIPLE}\b|"
    r"\b(?:is|are)\s+(?:now\s+)?(?:planned|scheduled|underway|under\s+way|in\s+progress)\b|"
    r"\bwork\s+(?:is|has)\s+(?:now\s+|also\s+)?(?:underway|under\s+way|ongoing|in\s+progress|started|begun|taken\s+place)\b|"
    # "the council has additionally started work on developing a Prevention Framework"
    r"\b(?:has|have)\s+(?:now\s+|also\s+|additionally\s+|recently\s+)?(?:started|begun|commenced)\s+work\b|"
    r"\b(?:planned|scheduled)\s+(?:for|to\s+take\s+place)\b", re.I)
ACTION_HEADING = re.compile(r"\b(?:actions?|next\s+steps|what\s+we\s+(?:will|are\s+going\s+to)\s+do|planned\s+(?:work|activity|activities)|"
                            r"improvement\s+activity|work\s+(?:underway|under\s+way|in\s+progress)|mitigations?|"
                            # the work a needs assessment or strategy reports as under way: "What is already happening",
                            # "What we are already doing", "Progress to date", "What has been done so far"
                            r"what\s+is\s+(?:already\s+|currently\s+)?happening|what(?:’s|'s)\s+happening|"
                            r"what\s+we\s+are\s+(?:already\s+|currently\s+)?doing|what\s+(?:has|we\s+have)\s+(?:been\s+)?done|"
                            r"progress\s+(?:to\s+date|so\s+far)|current\s+(?:activity|activities|work)|"
                            # a highlight report's "Achievements this period", "Planned next period", "Key activities
                            # next quarter", "Work completed this month", "Look ahead"
                            r"(?:key\s+)?achievements?|planned\s+(?:for\s+)?(?:the\s+)?next\s+(?:period|quarter|month)|"
                            r"(?:key\s+)?(?:activity|activities|work)\s+(?:planned\s+)?(?:for\s+)?(?:this|next|the\s+next)\s+"
                            r"(?:period|quarter|month)|(?:work\s+)?completed\s+(?:this|in\s+the|during\s+the)\s+(?:period|quarter|month)|"
                            r"look\s+ahead|forward\s+look|"
                            # a plan's "Timescales" / "Key milestones" over what will be done by when
                            r"^(?:key\s+)?(?:timescales?|milestones?)$)\b", re.I)


# a lead-in to a list of steps: "Since April the team has:", "We have so far:",
# "The service will:", "Next steps are to:"
STEPS_LEAD_IN = re.compile(
    r"(?:\b(?:has|have)(?:\s+(?:so\s+far|already|now|also|since\s+\w+(?:\s+\d{4})?|this\s+(?:year|quarter)))?"
    r"|\b(?:we|the\s+(?:council|service|team|department|directorate|partnership|board|authority))\s+(?:will|shall)(?:\s+(?:now|also|next))?"
    # "The UK government will:", "In addition, DFID will:", "Over the next 12 to 24 months the Board will:"
    r"|^(?:[^:;.]{0,50}?\s)?(?:the\s+)?(?:(?-i:[A-Z])[\w&'’-]*\s+){0,4}(?:(?-i:[A-Z])[\w&'’-]*|government|council|board|partnership)\s+will(?:\s+(?:now|also|next))?"
    r"|\bplans?\s+to|\bintends?\s+to|\b(?:is|are)\s+going\s+to"
    r"|\bnext\s+steps?(?:\s+(?:are|is|will\s+be))?(?:\s+to)?"
    # "The next steps to deliver this policy are to:", "The key milestones for this commitment are:"
    r"|\b(?:next\s+steps?|(?:key\s+)?milestones)\b[^:]{0,60}?\b(?:are|is|will\s+be|include)(?:\s+(?:to|for))?"
    # "The main actions are:", "Key actions in the plan include:"
    r"|\b(?:main|key|principal|planned)\s+actions\b[^:.]{0,40}?\b(?:are|include|will\s+be))\s*:$", re.I)
_DONE_VERB = re.compile(r"^(?:[a-z]+(?:ed|en)|began|begun|held|made|set|built|ran|run|won|led|sent|took|wrote|met|got|gave|"
                        r"brought|bought|put|kept|found|drew|spent|sold|shared|paid|hosted)\b")


# a lead-in that names what it lists as actions: "The mitigating actions are:", "The following
# mitigating actions are planned:", "Recovery actions agreed:"
_ACTIONS_LEAD_IN = re.compile(r"(?i)\b(?:the\s+)?(?:following\s+)?(?:(?:main|key|principal|planned|mitigating|further|agreed|"
                              r"recovery|improvement|remedial)\s+)+actions\b[^:.]{0,40}?(?:\b(?:are|include|will\s+be|"
                              r"(?:have\s+been|are|were)\s+(?:planned|agreed|proposed))|\b(?:planned|agreed|proposed))\s*:$")


# a paragraph's last sentence that only says its list is the actions: "... for 29%. Actions:" (on a line of
# its own, "Actions taken:" is a heading over them, read as one)
_BARE_ACTIONS_LEAD = re.compile(r"(?i)(?:the\s+)?actions?(?:\s+(?:being\s+taken|to\s+improve|planned|agreed|taken))?\s*:")


_INLINE_START = re.compile(r":\s*\((?:a|i)\)\s")


def _inline_steps(text: str) -> list[str]:
    """The steps a paragraph lists inline after a lead-in that names them as
    actions or says who will take them: "The following mitigating actions
    are planned: (a) ...; (b) ...; and (c) ..." / "the directorate will: (i)
    ...; (ii) ...; and (iii) ..."."""
    if not _INLINE_START.search(text):
        return []   # (a cheap look first: the lead-in pattern below scans up to 160 characters at every position)
    m = re.search(r"(?P<lead>[^.:]{3,160}):\s*\((?P<first>a|i)\)\s+", text)
    if not m or not (_ACTIONS_LEAD_IN.search(m.group("lead") + ":") or re.search(r"(?i)\bwill\s*$", m.group("lead"))):
        return []
    return [_norm(p).rstrip(" .;") for p in inline_items(text[m.end():], m.group("first")) if len(p.split()) >= 3]


def _step_item(b: Block) -> bool:
    return b.kind == "list_item" or (b.numbering is not None and not re.fullmatch(r"\d+(?:\.\d+)+", b.numbering))


def loose_narrative_actions(doc: Document, consumed: set[str]) -> list[Action]:
    """Actions in prose that the paper does not tie to a recommendation:
    items listed under an 'Actions' / 'Next steps' heading, and numbered
    paragraphs or bullets that report a concrete step taken, under way or
    planned ('An EqIA has been undertaken', 'Implementation plans have been
    developed', 'The EqIA will continue to be reviewed')."""
    out: list[Action] = []
    # an inspection report's findings ("The fostering service has been strengthened ...") are what
    # the inspectors saw, not the council's steps: only a list it heads as actions gives them
    inspection = _looks_inspection(doc)
    under_action_heading = False
    committed = False   # the block before was a "Commitment N" heading
    timed = False   # the heading over the blocks is a plan's "Timescales" / "Key milestones"
    steps: Optional[str] = None   # "done" / "planned" while reading the items of a lead-in to steps
    doer: Optional[str] = None    # who the lead-in says will take the steps listed under it
    open_bracket: Optional[str] = None   # the last step's words when its "(Owner: ..." bracket was left open
    for i, b in enumerate(doc.blocks):
        t = b.text.strip()
        if b.kind == "table" or not t:
            continue
        if b.kind != "list_item":
            doer = lead_in_doer(t)
        if steps and _step_item(b) and out and open_bracket and b.full_text not in consumed:
            # "... (Owner: Head of People" / "Sonia Whitlam; by 31 March 2027).": one step cut by a page break
            prev = out.pop()
            joined = f"{open_bracket} {t}"
            out.append(led_step(joined, Prov(page=prev.prov.page, source_text=f"{prev.prov.source_text} {b.full_text}",
                                             locator=prev.prov.locator)))
            open_bracket = None
            continue
        if steps and _step_item(b) and len(t.split()) >= 3:
            word = t.split()[0].lower()
            if (steps == "done" and _DONE_VERB.match(word)) or (steps == "planned" and t[:1].islower()) or steps == "actions":
                if b.full_text not in consumed:
                    loc = b.numbering if b.numbering and b.numbering != "•" else f"block:{i}"
                    out.append(led_step(t, Prov(page=b.page, source_text=b.full_text, locator=loc)))
                    if (tasked := _TASKED_KIND.match(t)) and not out[-1].labels:
                        # "departments to develop internal processes ... by March 2014": those who are to do it
                        out[-1].owners.append(Owner(role=tasked.group("who"), person=None, raw=tasked.group("who"),
                                                    kind="lead", prov=out[-1].prov.at("/owner")))
                open_bracket = t if t.count("(") > t.count(")") and b.full_text not in consumed else None
                continue
        steps, open_bracket = None, None
        if b.kind == "paragraph" and b.full_text not in consumed and (inline := _inline_steps(t)):
            # "The following mitigating actions are planned: (a) ...; (b) ...; and (c) ...": each a step
            for k, part in enumerate(inline):
                out.append(Action(text=part, prov=Prov(page=b.page, source_text=part, locator=f"block:{i}/item:{k}")))
                _undertaker_owns(out[-1], part)
            continue
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", t)
        last = sentences[-1]   # (the paragraph's last sentence leads in)
        lead = STEPS_LEAD_IN.search(last) if t.endswith(":") and len(last.split()) <= 25 else None
        if t.endswith(":") and len(last.split()) <= 25 and (_ACTIONS_LEAD_IN.search(last) or (last != t and _BARE_ACTIONS_LEAD.fullmatch(last))):
            steps = "actions"   # "The following mitigating actions are planned:": each item listed is one
            continue
        if lead:
            steps = "done" if re.match(r"ha[sv]e?", lead.group(0), re.I) else "planned"
            continue
        if timed and b.kind == "paragraph" and t.endswith(":"):
            # under "Timescales", a lead-in that is no plan of steps ("Being transparent about aid flows helps:"):
            # what it lists is not the steps
            under_action_heading = timed = False
        heading_like = b.kind == "heading" or (b.kind == "paragraph" and b.numbering is None and len(t.split()) <= 5
                                                and not t.endswith((".", ";", ",")) and t[:1].isupper()
                                                # "Further actions planned:", "Mitigating actions:": a lead-in
                                                # heading its items as a heading would
                                                and (not t.endswith(":") or bool(ACTION_HEADING.search(t))))
        if heading_like:
            committed = bool(re.fullmatch(r"(?i)commitment\s+\d{1,2}[a-z]?[.:]?", t))
            under_action_heading = (bool(ACTION_HEADING.search(t)) and len(t.split()) <= 6
                                    and not BUCKET.search(t) and not OUTCOME_HEADING.match(t))
            timed = bool(re.fullmatch(r"(?i)(?:key\s+)?(?:timescales?|milestones?)", t))
            continue
        if b.full_text in consumed:
            continue
        if under_action_heading and b.kind == "paragraph" and b.numbering is None and len(sentences) >= 2 and \
                all(re.search(r"\bwill\b", x) and find_due_dates_in_sentence(x, None, starts=True) for x in sentences):
            # "The Head of Integrated Discharge will open 12 beds by 31 December 2026. The Director of Operations
            # will extend the Hub to seven days a week by January 2027.": under "Recovery actions", a step a sentence
            for k, x in enumerate(sentences):
                out.append(Action(text=_norm(x), prov=Prov(page=b.page, source_text=b.full_text, locator=f"block:{i}/sentence:{k}")))
                _undertaker_owns(out[-1], x)
            continue
        first = re.split(r"(?<=[.;])\s+", t)[0]
        # (under "Next steps": its bullets, and its numbered paragraphs that say what will be done)
        listed = under_action_heading and len(t.split()) >= 3 and (
            b.kind == "list_item" or (b.numbering is not None and bool(STEP_VERB.search(first) or _IMPERATIVE.match(first))
                                      and not t.endswith(":") and not NOT_ACTION_START.match(t))
            # a paragraph of its own under "Planned actions" that says what will be done by when ("The Head of
            # People will publish the survey results by May 2027.")
            or (b.kind == "paragraph" and b.numbering is None and len(t.split()) <= 60 and not t.endswith(":")
                and bool(re.search(r"\bwill\b", t)) and bool(find_due_dates_in_sentence(t, None, starts=True))))
        if committed and b.kind == "paragraph" and b.numbering is None and len(t.split()) >= 8:
            # the paragraph under a "Commitment 2" heading: what the plan commits to
            committed = False
            out.append(Action(text=_norm(t), prov=Prov(page=b.page, source_text=b.full_text, locator=f"block:{i}")))
            continue
        committed = False
        if cm := COMMITMENT.match(_norm(t)):
            # "Register of Lobbyists – The UK Government will establish a statutory register ..."
            out.append(Action(text=_norm(t), prov=Prov(page=b.page, source_text=b.full_text, locator=f"block:{i}")))
            if (who := cm.group("who")):
                out[-1].owners.append(Owner(role=re.sub(r"^[Tt]he\s+", "", who.strip()), person=None, raw=who.strip(),
                                            kind="lead", prov=out[-1].prov))
            continue
        # a bullet that names who will take the step and when ("The Head of Commissioning will re-tender the
        # homecare framework by June 2027"): a step, owned by who undertakes it
        promised = minutes.undertaking(first) if b.kind == "list_item" and not inspection and not listed and \
            not t.endswith(":") and find_due_dates_in_sentence(first, None, starts=True) else None
        if promised and promised[1] in ("He", "She", "They", "It"):
            promised = None
        # a step with its own labelled owner under it ("4.1 Screen every child ..." / "Owner: YJS Operations
        # Manager" / "Timescale: Ongoing"): the labels make it an action
        labelled = (b.kind in ("paragraph", "list_item") and not inspection and len(t.split()) >= 4 and not t.endswith(":")
                    and not LABEL_LINE.match(t) and _owner_label_below(doc.blocks, i))
        if listed or promised or labelled or (b.numbering and not inspection and STRICT_STEP.search(first)
                                              and not NOT_ACTION_START.match(t) and not t.endswith(":")):
            loc = b.numbering if b.numbering and b.numbering != "•" else f"block:{i}"
            out.append(Action(text=_norm(t), prov=Prov(page=b.page, source_text=b.full_text, locator=loc)))
            if promised:
                out[-1].owners.extend(Owner(role=r, person=p, raw=raw, kind="lead", prov=out[-1].prov.at("/owner"))
                                      for r, p, raw in minutes.owners_of(promised[1], ""))
            if doer and b.kind == "list_item":
                out[-1].owners.append(Owner(role=doer, person=None, raw=doer, kind="lead", prov=out[-1].prov.at("/owner:lead-in")))
    return out


# a listed step that opens with those who are to take it, in the plural: "departments to provide release dates ...",
# "all central government departments to highlight ...", "schools to publish ..."
_TASKED_KIND = re.compile(r"^(?:all\s+)?(?P<who>(?:[a-z][\w’'-]*\s+){0,3}(?:departments|authorities|councils|bodies|agencies|"
                          r"partners|providers|schools|trusts|boards|services|commissioners|organisations))"
                          r"(?:,[^,]{3,80},)?\s+to\s+(?!be\b)[a-z]{3,}\b")


def _undertaker_owns(a: Action, text: str) -> None:
    """Who `text` says will take the step ("The Head of Integrated Discharge will open ...") owns action `a`
    (not a pronoun: "It will ...")."""
    promised = minutes.undertaking(text)
    if promised and promised[1] not in ("He", "She", "They", "It"):
        a.owners.extend(Owner(role=r, person=p, raw=raw, kind="lead", prov=a.prov.at("/owner"))
                        for r, p, raw in minutes.owners_of(promised[1], ""))


_OWNER_LABEL_LINE = re.compile(rf"(?i)^(?:{OWNER_LABEL})\s*[:\-–]\s*\S")


def _owner_label_below(blocks: list[Block], i: int) -> bool:
    """The block after block i is a line naming its owner ("Owner: ...", "Lead officer: ...")."""
    nxt = next((x for x in blocks[i + 1:i + 2] if x.kind != "table"), None)
    return nxt is not None and bool(_OWNER_LABEL_LINE.match(nxt.text.strip()))


# a lead-in naming who will take the steps listed under it: "The council has told us that it will:",
# "The Partnership has agreed to:", "The service will:"
_LEAD_IN_DOER = re.compile(
    r"^(?P<who>(?:the\s+)?[A-Za-z][\w&'’ -]{1,60}?)\s+(?:has\s+(?:told\s+us|said|confirmed|agreed)\s+that\s+(?:it|they)\s+will|"
    r"(?:has|have)\s+(?:agreed|committed|undertaken)\s+to|will(?:\s+(?:now|also|next))?|plans?\s+to|intends?\s+to)\s*:$")


def lead_in_doer(text: str) -> Optional[str]:
    """Who a lead-in says will take the steps listed under it (a body or
    team: 'The council has told us that it will:' -> 'the council')."""
    m = _LEAD_IN_DOER.match(" ".join(text.split()))
    if not m:
        return None
    who = m.group("who")
    if not re.search(r"(?i)\b(?:council|board|partnership|team|service|department|directorate|authority|trust|"
                     r"committee|group|panel|government|cabinet|ICB|executive|management)\b", who):
        return None
    return re.sub(r"^The\s+", "the ", who)
