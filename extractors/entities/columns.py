"""What a table column holds, read from its header as council action plans,
risk registers and performance tables word them."""
from __future__ import annotations

import re

from extractors.vocabulary import last_language

# Order matters: the first matching role wins for a header.
_ROLE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ref", re.compile(r"^(ref\.?|reference|no\.?|number|#|item|agenda\s+(?:item|no\.?)|afi(?:\s*(?:no\.?|ref\.?|number))?|rec\.?|r|rec(ommendation)?\s*(no|ref|number)\.?|action\s*(no|ref)\.?|id)$"
                       # a column that numbers or dates the items: "Meeting date & action number", "Action ref"
                       r"|\b(action|rec(ommendation)?|item|risk|log)\s*(no\.?|number|ref(erence)?|id)\b|\bmeeting\s+date\b", re.I)),
    ("rag", re.compile(r"\b(b?rag|r\s*/\s*a\s*/\s*g)\b|^rating$|^status\s*\(rag\)$", re.I)),
    ("owner_responsible", re.compile(r"\b(responsible|accountable)\b.*\b(officer|person|owner|lead|manager)?|^responsibility$", re.I)),
    ("owner_lead", re.compile(r"\b(lead(\s+(officer|member|manager|agency|person|director|partner|org(anisation)?))?|led\s+by|owner|by whom|who)\b"
                              r"|\b(to\s+be\s+)?taken\s+by\b|^action\s+by$|^(responsible\s+)?(body|agency|organisation|team)$"
                              r"|^(lead\s+|responsible\s+)?officers?$|\b(assigned|allocated|addressed|directed)\s+to\b"
                              # "Portfolio holder" / "Cabinet Member" beside the actions of a plan
                              r"|^(?:lead\s+)?portfolio\s+holders?$|^(?:lead\s+|responsible\s+)?(?:cabinet|executive)\s+members?(?:\s*\(s\))?$", re.I)),
    # a tracker's second date column: "Revised date", "Revised due date", "New target date"
    ("revised_due", re.compile(r"^(?:revised|new|amended|updated|rescheduled|extended)\s+(?:\w+\s+)?"
                               r"(?:date|deadline|timescale|due(?:\s+date)?|target(?:\s+date)?|completion(?:\s+date)?)$"
                               r"|^date\s+revised(?:\s+to)?$", re.I)),
    ("timescale", re.compile(r"\b(timescales?|time\s*frames?|timelines?|deadline|due(\s+date)?|by when|target\s+date|completion\s+date|when|date\s+due|end\s+date)\b"
                               # the whole header: "Target completion", "Completion" (not "Evidence of Completion")
                               r"|^(?:target\s+|expected\s+|planned\s+|estimated\s+)?completion(?:\s+(?:date|by))?$"
                               # a log's short "By" column; "Complete by", "Date for completion"
                               r"|^by$|^(?:to\s+be\s+)?(?:complete[d]?|done|delivered)\s+by$|^date\s+for\s+completion$"
                               # an audit's "Implementation date", "Target implementation date", "Date to be implemented"
                               r"|^(?:(?:target|agreed|proposed)\s+)?implementation\s+(?:date|by)$|^(?:target|agreed|proposed)\s+implementation$"
                               r"|^date\s+to\s+be\s+implemented$"
                               # a tracker's first date column beside its revised one: "Original date", "Agreed date"
                               r"|^(?:original|agreed)\s+date$",
                               re.I)),
    ("rec", re.compile(r"^(?:what\s+)?(?:the\s+)?(?:\w+\s+){0,2}(?:review(?:er)?s?|panel|group|committee|inquiry|inspectors?|auditors?|scrutiny|commission|we|"
                       r"ombudsman|regulator|ofsted|inspectorate|coroner)(?:['’]s)?\s+recommend(?:ed|s)?$"   # "What the Panel recommended", "What we recommend"
                       r"|\b(recommendations?|recommended\s+actions?|areas?\s+(for|of)\s+(improvement|development)|improvement\s+(area|required|needed)|what\s+needs\s+to\s+improve|findings?|issues?\s+identified|outcome\s+required)\b|\bpriority\s+actions?\b", re.I)),
    # "What we have done" / "What has been done": progress against the step, not the step
    ("progress", re.compile(r"^what\s+(?:we\s+have|has\s+been)\s+(?:done|achieved|delivered)(?:\s+so\s+far)?\??$", re.I)),
    ("action", re.compile(r"\b(actions?|mitigations?|mitigating|controls?|(?:risk\s+)?treatments?|next\s+steps|how\s+(will|we)|activity|activities|tasks?|response|deliverables?|commitments?|what\s+we\s+(have\s+|will\s+|are\s+)?(committed|commit|do|doing|deliver)"
                          # "What we said we would do", "What we plan to do", "Key steps"
                          r"|what\s+we\s+(?:said\s+we\s+would|would|plan\s+to|are\s+going\s+to|agreed\s+to)\s+do|(?:key\s+|planned\s+)?steps?|interventions?"
                          # a register's "What more do we need to do?", "Further work required", "Improvements planned"
                          r"|what\s+(?:more|else)\s+(?:(?:do|will|are|should|can)\s+we|we\s+(?:will|are|plan|need))|further\s+work|(?:work|improvements?)\s+(?:planned|required|needed)"
                          r"|planned\s+(?:work|improvements?)"
                          # the means a plan lists under each aim: "Strategies / plans in place to deliver"
                          r"|in\s+place\s+to\s+deliver)\b", re.I)),
    ("progress", re.compile(r"\b(progress|status|update|commentary|comments?|position)\b|^open\s*/\s*closed?$", re.I)),
    ("evidence", re.compile(r"\b(evidence|success\s+(measure|criteria)|measures?\s+of\s+success|outcomes?|impact)\b", re.I)),
    ("target", re.compile(r"\btargets?\b", re.I)),
    ("link", re.compile(r"\blink", re.I)),
]


# the column of a minutes table that records what was decided
DECISION_COLUMN = re.compile(r"(?i)^(?:(?:the\s+)?(?:board|committee|partnership|panel|group|cabinet|forum|meeting)(?:'s|’s)?\s+)?"
                             r"(?:decisions?|outcomes?|resolutions?|resolved|agreed|agreements?)"
                             r"(?:\s+(?:made|taken|reached|agreed|recorded))?"
                             r"(?:\s*(?:/|and|&|or)\s*(?:decisions?|outcomes?|resolutions?|agreed|agreements?))?\s*:?$")


def two_names_role(cell: str) -> tuple[bool, str | None]:
    """A header cell holding two columns' names on two lines of three words or
    more that name different roles ("Strategies / plans in place to deliver" over
    "Led by / responsible": the text layer lost the rule between the columns):
    (True, the first name's role) - the cells below hold what the first names.
    (False, None) for any other cell."""
    lines = [ln.strip() for ln in (cell or "").split("\n") if ln.strip()]
    if len(lines) != 2 or not all(len(ln.split()) >= 3 for ln in lines):
        return False, None
    first, second = column_role(lines[0]), column_role(lines[1])
    if second is None or first == second:
        return False, None
    return True, first


def column_role(header: str) -> str | None:
    h = " ".join(header.split())
    bare = re.sub(r"\s*\([^()]*\)", "", h).strip()
    if bare and bare != h and (len(bare.split()) >= 2 or re.fullmatch(r"(?i)mitigations?", bare)) and \
            (role := _role(bare)) in ("action", "rec"):
        # (not a minutes table's "Action (owner, date)" column, read line by line: minutes.py)
        return role   # "Mitigating actions (owner, target date)": the steps, with who and when in them
    role = _role(h)
    if role is None and " / " in h:
        role = _role(last_language(h))   # a bilingual header, Welsh then English: "Cyf. / Ref"
    return role


def _role(h: str) -> str | None:
    if re.match(r"(?i)^(?:progress|status|update|commentary|position)(?:\s+\w+){0,2}\s*\(\s*(?:b?rag|r\s*/\s*a\s*/\s*g)\s*\)$", h.strip()):
        return "progress"   # "Progress (RAG)": the progress text, rated by its cell's colour
    if re.match(r"(?i)^(?:actions?\s+)?(?:status|progress|update)$|^(?:status|progress)\s+of\s+actions?$", h.strip()):
        return "progress"   # "Action status", "Action progress": how the step stands, not the step
    if re.match(r"(?i)^(?:(?:existing|current|key|internal)\s+(?:risk\s+)?controls?(?:\s+(?:in\s+place|and\s+assurances?|measures)|"
                r"\s*(?:/|and|&)\s*(?:mitigations?|assurances?)(?:\s+in\s+place)?)?|"
                r"controls?\s+(?:in\s+place|already\s+in\s+place)|(?:existing|current)\s+mitigations?(?:\s+in\s+place)?|"
                r"mitigations?\s+(?:already\s+)?in\s+place)$", h.strip()):
        return "controls"   # what is in place already: not steps to take
    if re.match(r"(?i)^how\s+(?:will\s+)?we\s+(?:will\s+)?(?:know|measure|tell|see)\b", h):
        return "evidence"   # "How we will know (measures)": the measures of success, not the steps
    if re.match(r"(?i)^(?:action|implementation|delivery)\s+(?:due\s+)?dates?$", h):
        return "timescale"   # a register's "Action date": when the step is due
    if re.match(r"(?i)^(?:further\s+|planned\s+|agreed\s+|mitigating\s+)?actions?\s*(?:/|and|&)\s*(?:timescales?|deadlines?|target\s+dates?|dates?)$", h):
        return "action"   # "Further action / timescale": the steps, each with its date in it
    if not h or re.match(r"(?i)^(?:number|no\.?|count|total|percentage|proportion|%)\s+of\b", h):
        return None   # "Number of recommendations", "% of actions complete": counts, not the items
    if re.match(r"(?i)^(?:[\w’']+\s+){0,2}?response\s*(?:,|and|&|/)\s*(?:actions?|leads?|owners?|timescales?|dates?)\b", h):
        return None   # "Response, actions, lead and date": the answer, its steps and lines written in it (responses.py)
    if re.search(r"(?i)(?:^|\s)(?:start(?:\s+date)?|begin(?:ning)?|commence(?:d|ment)?(?:\s+date)?|date\s+started)$", h):
        return None   # "Timescale Start", "Start date": when the work starts, not when it is due
    for role, pat in _ROLE_PATTERNS:
        if pat.search(h):
            # "Further Actions in progress": actions, not progress
            if role == "progress" and re.search(r"\bactions?\b", h, re.I):
                return "action"
            if role == "action" and re.match(r"(?i)(?:progress|status|update)\s+(?:on|against|of)\b", h):
                return "progress"   # "Progress on planned work": what has been done about the steps
            if role == "owner_lead" and re.search(r"\blink", h, re.I):
                continue
            return role
    return None


_REC_KEY = re.compile(r"(?i)rec(?:ommendation)?s?\.?(?:\s*(?:no\.?|number|ref\.?))?")


def classify_columns(header: list[str]) -> dict[str, list[int]]:
    """role -> column indexes (in order). A header word split over two
    cells by the text layer ('Ar' | 'ea for Improvement') is read whole: the
    right-hand cell takes the role and the left one becomes the ref column."""
    roles: dict[str, list[int]] = {}
    split_left: set[int] = set()
    for i in range(len(header) - 1):
        a, b = header[i].strip(), header[i + 1].strip()
        if a and b and len(a) <= 3 and column_role(a) is None and column_role(b) is None and column_role(a + b):
            roles.setdefault(column_role(a + b), []).append(i + 1)
            roles.setdefault("ref", []).append(i)
            split_left |= {i, i + 1}
    for i, h in enumerate(header):
        if i in split_left:
            continue
        r = column_role(h)
        if r:
            roles.setdefault(r, []).append(i)
    out = {k: sorted(v) for k, v in roles.items()}
    risk = [i for i, h in enumerate(header) if i not in split_left and _RISK_COLUMN.match(" ".join(h.split()))]
    if risk and "rec" not in out:
        out["risk"] = risk   # the risk a register row is about: not an item, but it makes the steps beside it actions
    if "timescale" not in out and "rec" not in out and "action" not in out and \
            ("owner_lead" in out or "owner_responsible" in out):
        # "Milestone | Lead | Date": beside who and a step, a plain "Date" column is when it is due
        dated = [i for i, h in enumerate(header) if re.fullmatch(r"(?i)\s*dates?\s*", h)]
        if dated and any(re.fullmatch(r"(?i)(?:key\s+)?(?:milestones?|stages?)", " ".join(h.split())) for h in header):
            out["timescale"] = dated[:1]
    if "timescale" not in out and "action" in out and ("owner_lead" in out or "owner_responsible" in out):
        # "Actions to address gaps | Owner | Date": beside the steps and who takes them, a plain "Date" is when
        dated = [i for i, h in enumerate(header) if re.fullmatch(r"(?i)\s*dates?\s*", h)]
        if len(dated) == 1 and dated[0] > min(out["action"]):
            out["timescale"] = dated
    if "rec" not in out and "action" not in out and ("owner_lead" in out or "owner_responsible" in out) and \
            ("timescale" in out or "progress" in out):
        # an action log whose step column has a plain name: "Description | Owner | Deadline | Progress",
        # "Issue | Action owner | Due", "What | Who | When": with who and when beside it, it holds the actions
        taken = {i for v in out.values() for i in v}
        plain = [i for i, h in enumerate(header) if i not in taken and _STEP_COLUMN.match(" ".join(h.split()))]
        if plain:
            out["action"] = plain[:1]
    if "action" in out:
        # "Key activity | Milestones | Lead | Target date": the dated milestones of the row's step
        taken = {i for v in out.values() for i in v}
        dated = [i for i, h in enumerate(header) if i not in taken and
                 re.fullmatch(r"(?i)(?:key\s+)?milestones?(?:\s+(?:and|&)\s+(?:target\s+)?dates?)?", " ".join(h.split()))]
        if dated:
            out["milestones"] = dated[:1]
    # one column for who and when: "Who / When", "Owner/Deadline", "Lead officer and target date"
    for i, h in enumerate(header):
        h = " ".join(h.split())
        if _WHO_WORDS.search(h) and _WHEN_WORDS.search(h) and not ANSWER_FIRST.match(h):
            # (not "Response, actions, lead and date": the answer, with its lead and date written in it)
            if not any(i in out.get(k, []) for k in ("owner_lead", "owner_responsible")) \
                    and "owner_lead" not in out and "owner_responsible" not in out:
                out["owner_lead"] = [i]
            if "timescale" not in out and i in out.get("owner_lead", []) + out.get("owner_responsible", []):
                out["timescale"] = [i]
    # of several action columns, the one headed plainly "Action(s)" holds them; else one naming
    # actions over the controls already in place ("Existing controls | Mitigating actions")
    acts = out.get("action", [])
    plain = [i for i in acts if _PLAIN_ACTION.match(" ".join(header[i].split()))] or \
        [i for i in acts if re.search(r"(?i)\bactions?\b", header[i]) and not re.search(r"(?i)\bcontrols?\b", header[i])]
    if len(acts) > 1 and plain and plain[0] != acts[0]:
        out["action"] = [plain[0]] + [i for i in acts if i != plain[0]]
    elif len(acts) > 1 and not plain and (means := [i for i in acts if _MEANS.search(header[i])]) and \
            any(_AIM.match(re.sub(r"\s*\([^()]*\)", "", " ".join(header[i].split()))) for i in acts if i != means[0]):
        # "What we have committed to | Strategies / plans in place to deliver": the aim, then the steps
        # that deliver it - the second holds the actions, and beside it the first makes the table a plan
        out["action"] = [means[0]]
        out["aim"] = [i for i in acts if i != means[0]]
    elif len(acts) > 1 and not plain:
        # "What we are doing | What more we will do", "Mitigation in place | Further mitigation": the steps
        # still to take, over what is in place
        more = [i for i in acts if _MORE_STEPS.search(header[i])]
        if more and more[0] != acts[0]:
            out["action"] = [more[0]] + [i for i in acts if i != more[0]]
    acts = out.get("action", [])
    if "rec" in out and acts and all(_ANSWER.match(" ".join(header[i].split())) for i in acts) and \
            any(_POSITION_COLUMN.match(" ".join(header[i].split())) for i in out.get("progress", [])):
        # "Rec. | The review recommended | Position | Response": the answer beside the position, read by
        # responses.py (what it promises hangs off it), not a column of actions
        del out["action"]
    # "Rec. | No. | Recommended action | Action to be taken by": beside a column keying each row to a
    # recommendation printed elsewhere, the "recommended actions" are that recommendation's actions
    if "action" not in out and out.get("rec") and all(re.search(r"(?i)\bactions?\b", header[i]) for i in out["rec"]) and \
            any(_REC_KEY.fullmatch(" ".join(header[i].split())) for i in out.get("ref", [])):
        out["action"] = out.pop("rec")
    # "Finding | Recommendation" (audit reports): the column that says recommendation holds them
    recs = out.get("rec", [])
    named = [i for i in recs if re.search(r"\brecommend", header[i], re.I)]
    if len(recs) > 1 and named and named[0] != recs[0]:
        out["rec"] = [named[0]] + [i for i in recs if i != named[0]]
    return out


# a column of answers to recommendations: "Response", "Cabinet response", "Management's response"
_ANSWER = re.compile(r"(?i)^(?:(?:the\s+)?(?:council|cabinet|executive|management|government|mayor|board|service)(?:['’]s)?\s+)?"
                     r"(?:response|reply|comments?)$")
# a column of positions: "Position", "Council's position", "Status"
_POSITION_COLUMN = re.compile(r"(?i)^(?:(?:the\s+)?(?:council|cabinet|executive|management|government|mayor|board)(?:['’]s)?\s+)?"
                              r"(?:position|status)$")


_STEP_COLUMN = re.compile(r"^(?:(?:brief\s+|short\s+)?(?:description|summary|details?|issue|what|subject|topic|matter|"
                          r"narrative|decision|(?:key\s+)?milestones?|stage)(?:\s+of\s+(?:the\s+)?(?:item|issue|action|task))?|"
                          r"(?:item|issue)\s+(?:description|details?))\s*\??$", re.I)


# a column whose name starts with the answer: "Response, actions, lead and date", "Cabinet response and lead"
ANSWER_FIRST = re.compile(r"(?i)^(?:[\w’']+\s+){0,2}?response\b")
_WHO_WORDS = re.compile(r"\b(?:who|owners?|leads?|responsib\w*|officers?|by\s+whom)\b", re.I)
_WHEN_WORDS = re.compile(r"\b(?:when|deadlines?|due|timescales?|dates?|time\s*frames?)\b", re.I)


_PLAIN_ACTION = re.compile(r"^(agreed\s+|key\s+|further\s+)?actions?(\s+(required|to\s+be\s+taken|agreed|completed|points?))?$", re.I)


_RISK_COLUMN = re.compile(r"(?i)^(?:(?:strategic|corporate|key|principal|identified)\s+)?risks?(?:\s+(?:description|title|event|"
                          r"area|name|identified|and\s+(?:cause|impact|consequences?)|\(cause,\s*event,\s*effect\)))?$|"
                          r"^(?:(?:current|residual|inherent|target|net|gross)\s+)?(?:risk\s+)?scores?\b")
# a column of the means that deliver an aim: "Plans in place to deliver", "How we will deliver it"
_MEANS = re.compile(r"(?i)\bin\s+place\s+to\s+deliver\b|^how\s+(?:we\s+will|will\s+we)\s+(?:deliver|achieve)\b")
# a column of the aims a plan works to: "What we have committed to", "Our commitments", "Objective"
_AIM = re.compile(r"(?i)^(?:what\s+we\s+(?:have\s+)?(?:committed|commit)\s+to|(?:our\s+)?(?:commitments?|objectives?|aims?|ambitions?))$")
_MORE_STEPS = re.compile(r"(?i)\b(?:further|more|additional|planned|proposed|next|new|future)\b")


def is_action_plan(roles: dict[str, list[int]]) -> bool:
    """A table whose rows are recommendations and/or actions with owners,
    timescales or RAG: what every action plan and progress tracker looks like."""
    has_item = "rec" in roles or "action" in roles
    support = sum(k in roles for k in ("owner_lead", "owner_responsible", "timescale", "rag", "progress", "evidence"))
    # a risk / mitigation table: recommendations beside the actions that answer them, or risks beside
    # their mitigating actions (who and when written into the steps: "... – Head of Finance – March 2027")
    return has_item and (support >= 1 or ("rec" in roles and "action" in roles) or
                         ("action" in roles and ("risk" in roles or "aim" in roles)))
