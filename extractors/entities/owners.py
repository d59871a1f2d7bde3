"""Owners: split an owner cell or phrase into (role, person) pairs, and
resolve references through a glossary table printed in the same paper.

Council papers write owners as:
  "Head of Service Children in Care – Nicci Collins"    role – person
  "Nicci Collins Head of Service CIC"                    person role
  "Jane Moore, Director Children and Family Services"   person, role
  "Assistant Directors Head of Service Inclusion"       several roles run together
  "Team Manager (1,2,3)"                                 numbered roles from a glossary
  "Wendy Poynton/ Mark Naylor"                           several people
"""
from __future__ import annotations

import re
from typing import Optional

from extractors import name_shapes
from extractors.vocabulary import WELSH_POST
from extractors.model import Table

ROLE_WORDS = {
    "director", "directors", "head", "heads", "manager", "managers", "officer", "officers", "lead", "leads",
    "leader", "leaders", "chair", "chairman", "member", "members", "coordinator", "co-ordinator", "commissioner",
    "executive", "chief", "team", "teams", "service", "services", "group", "board", "panel", "council",
    "cabinet", "committee", "partnership", "worker", "workers", "advisor", "adviser", "practitioner",
    "practitioners", "principal", "consultant", "designated", "safeguarding", "business", "intelligence",
    "performance", "assistant", "deputy", "corporate", "strategic", "portfolio", "holder", "secretary",
    "treasurer", "clerk", "governor", "partners", "directorate", "department", "unit", "authority", "school",
    "schools", "specialist", "analyst", "administrator", "development", "quality", "assurance", "improvement",
    "children", "adults", "social", "care", "education", "health", "finance", "people", "support", "early",
    "help", "inclusion", "communities", "stronger", "vulnerable", "practice", "excellence", "field", "work",
    "users", "user", "property", "planning", "commissioning", "public", "housing", "policy", "operations",
    "senior", "interim", "acting", "all", "of", "for", "and", "the", "in", "with", "sen", "send", "cic",
    "hos", "ad", "ads", "dcs", "icb", "nhs", "ccg", "lscb", "qa", "it", "hr", "young", "family", "families",
    "resources", "legal", "governance", "programme", "project", "projects", "transformation", "data",
    "customer", "learning", "skills", "economy", "environment", "highways", "transport", "partner",
    "agency", "agencies", "lsp", "icb's", "provider", "providers", "network", "forum", "commission",
    # the words of an organisation's name, never of a person's: "Ordnance Survey", "Healthwatch Ravensholt",
    # "National Institute", "Active Kent", "Met Office"
    "survey", "institute", "institution", "trust", "foundation", "healthwatch", "active", "hospital", "hospitals",
    "police", "fire", "university", "college", "association", "society", "alliance", "office", "ltd", "limited",
    "plc", "company", "centre", "center", "library", "libraries", "museum", "archives", "statistics", "national",
    "royal", "county", "city", "borough", "district", "parish", "regional", "local", "community", "voluntary",
    "charity", "ordnance", "registry", "companies", "treasury", "ministry", "government", "parliament", "assembly",
    "secretariat", "federation", "consortium", "trading", "standards", "water", "energy", "homes", "housing",
    "advisers", "advisors", "coordinators", "commissioners", "consultants", "specialists", "analysts", "scientific",
    "scientist", "scientists", "departmental", "medical", "clinical", "nursing", "ministers", "minister",
    # a function's name ("Organisation Development & Staff Engagement"), never a person's
    "staff", "engagement", "organisation", "organisational", "workforce", "communications", "marketing",
    "strategy", "sustainability", "commercial", "procurement", "digital", "technology", "innovation", "delivery",
    "aid", "homes", "probation", "justice", "youth",   # "Harrowgate Women's Aid", "Youth Justice Service"
    "constabulary", "ambulance", "rescue", "operation", "hub",   # "Severnvale Constabulary", "Operation Encompass"
    "airport", "rail", "railway", "railways", "port", "harbour",   # "Gatwick Airport", "Network Rail"
    # the services a post names after a comma ("Service Manager, Child Protection", "Lead Nurse, Adult
    # Safeguarding"): never a person's name
    "child", "protection", "adult", "disability", "disabilities", "mental", "wellbeing", "fostering", "adoption",
    "residential", "placements", "revenues", "benefits", "recycling", "leisure", "culture", "tourism", "licensing",
    "regulatory", "compliance", "audit", "risk", "insurance", "pensions", "payroll", "assets", "estates",
    "facilities", "ict", "systems", "emergency", "resilience", "prevention", "investigations", "enforcement",
    "traffic", "parking", "regeneration", "growth", "investment", "partnerships", "neighbourhoods",
    "neighbourhood", "environmental", "cleansing", "democratic", "electoral", "registration", "scrutiny",
    "nurse", "nurses", "doctor", "therapist", "therapies", "psychologist", "psychology", "inspector", "inspectors",
    # the words of a group's or office's name: "Harrowgate Women's Aid", "Parent Carer Forum", "External Auditor"
    "women", "parent", "parents", "carer", "carers", "voice", "auditor", "auditors", "external", "internal",
}
_ROLE_START = re.compile(
    r"(?<![\w-])(?:(?:Assistant|Associate|Deputy|Corporate|Strategic|Executive|Interim|Acting|Senior|Principal|Lead|Chief)\s+)*"
    r"(?:Directors?\b|Heads?\s+of\b|HoS\b|Team\s+Managers?\b|Service\s+Managers?\b|Cabinet\s+Member\b|"
    r"Portfolio\s+Holder\b|Chief\s+Executive\b|Leaders?\s+(?:at|of|in)\b|Safeguarding\b|QA\s+Officer\b|"
    r"Business\s+Intelligence\b|Raise\s+Users?\s+Group\b)")
_GLOSS_REF = re.compile(r"^(?P<role>.*?)\s*\((?P<nums>\s*\d+(?:\s*,\s*\d+)*\s*)\)\s*$")
_NAME_TOKEN = name_shapes.TOKEN
_NAME = re.compile(rf"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?(?:{_NAME_TOKEN}(?:\s+(?:[{name_shapes.UP}]\.?\s+)?{name_shapes.PARTICLE}{{0,2}}{_NAME_TOKEN}){{1,2}}"
                   rf"|[{name_shapes.UP}]\.\s?{_NAME_TOKEN}|[{name_shapes.UP}]\s{_NAME_TOKEN})$")   # "Jane Smith", "Jane B. Smith", "S. Jones", "K Thomas", "Dafydd ap Iorwerth"
_DASH_SPLIT = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")


def norm_role(s: str) -> str:
    s = s.lower().replace("&", " and ")
    s = re.sub(r"\bhos\b", "head of service", s)
    s = re.sub(r"\b(manager|director|officer|head|lead)s\b", r"\1", s)
    s = re.sub(r"[^a-z0-9()]+", " ", s)
    return " ".join(s.split())


def is_person(s: str) -> bool:
    s = " ".join(s.split()).strip(" ,.;:")
    if not s or not _NAME.match(s):
        return False
    words = re.findall(r"[^\W\d_]+", s)
    return not any(w.lower() in ROLE_WORDS for w in words)


def parse_glossary(table: Table) -> dict[str, list[str]]:
    """A glossary table pairs roles with names in adjacent columns
    (role | name | role | name ...). Returns normalised role -> people (a
    role listed twice, or 'Wendy Poynton/ Mark Naylor', gives several)."""
    out: dict[str, list[str]] = {}
    if table.n_cols < 2:
        return out
    if table.n_cols == 3:
        # "Abbreviation | Post | Postholder": the short form and the post both name the holder
        rows = [[c.text.strip() for c in r] for r in table.rows if len(r) == 3 and r[0].text.strip()]
        held = [r for r in rows if is_person(re.sub(r"\s*\(.*?\)\s*$", "", r[2])) and not is_person(r[0]) and not is_person(r[1])]
        if rows and len(held) >= 2 and len(held) / len(rows) >= 0.6:
            for abbr, post, holder in held:
                for key in (norm_role(abbr), norm_role(post)):
                    if holder not in out.setdefault(key, []):
                        out[key].append(holder)
            return out
    pairs = 0
    hits = 0
    for row in table.rows:
        for c in range(0, len(row) - 1, 2):
            role, person = row[c].text.strip(), row[c + 1].text.strip()
            if not role or not person:
                continue
            pairs += 1
            first = re.split(r"\s*/\s*", person)[0]
            first = re.sub(r"\s*\(.*?\)\s*$", "", first)
            if is_person(first) and not is_person(role):
                hits += 1
                people = out.setdefault(norm_role(role), [])
                for p in re.split(r"\s*/\s*|\s+and\s+|\s*&\s*", person):
                    p = " ".join(re.sub(r"\s*\((?:TBC|tbc|interim|acting)\)\s*$", "", p).split())
                    if p and p not in people:
                        people.append(p)
    if pairs == 0 or hits / pairs < 0.6:
        return {}
    return out


def _expand_refs(segment: str) -> list[str]:
    """'Team Manager (1,2,3)' -> ['Team Manager (1)', 'Team Manager (2)', ...]"""
    m = _GLOSS_REF.match(segment)
    if not m:
        return [segment]
    nums = [n.strip() for n in m.group("nums").split(",") if n.strip()]
    role = m.group("role").strip()
    return [f"{role} ({n})" for n in nums] if len(nums) > 1 else [segment]


# words that open a body's or role's name, never an owner on their own
# the service a role's title opens with: "Leaving Care Team Manager", "Fostering Team Manager"
# (a service named by its acronym: "SEND Service Manager", "DoLS Team Manager")
_QUALIFIER = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,5}|[A-Z][a-z]?[A-Z][A-Za-z]{0,3}|&|and)(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,5}|&|and)){0,2}")
_NAME_OPENER = re.compile(r"[Tt]he|(?:[Tt]he\s+)?(?:Local|National|Regional|County|Joint|Area|District|City|Borough|"
                          r"Multi-agency)")


def _split_roles(text: str, extra_starts: tuple[str, ...] = ()) -> list[str]:
    """Split text where a new role starts ('... Inclusion Head of Service ...'),
    after a glossary reference ('Team Manager (1) SEIO'), or where a role
    the paper's glossary names begins."""
    # "Safeguarding Lead", "Business Intelligence Manager" start a post; "Head of Adult Safeguarding
    # (Dryden Council)" ends one: a service word opens a new role only when a post's noun follows it
    starts = [m.start() for m in _ROLE_START.finditer(text)
              if not _SERVICE_START.match(m.group(0))
              or any(w.strip("(),;") in _ROLE_TAIL for w in re.split(r"[\s/]+", text[m.end():])[:4])]
    # "... / ICB Director of Primary Care", "... and NHS Head of Safeguarding": the agency named before
    # a post is the post's own first word
    starts = [s - len(am.group(0)) if (am := _AGENCY_BEFORE.search(text[:s])) else s for s in starts]
    starts += [m.end() for m in re.finditer(r"\(\s*\d+(?:\s*,\s*\d+)*\s*\)\s+(?=[A-Z])", text)]
    low = text.lower()
    for role in extra_starts:
        for m in re.finditer(r"(?<![\w])" + re.escape(role), low):
            starts.append(m.start())
    # "Finance Director", "Programme Director": the head noun after its qualifier, not a new role
    starts = sorted(set(s for s in starts if s > 0 and text[:s].count("(") <= text[:s].count(")")   # (not inside brackets)
                        and not (re.match(r"Directors?\s*(?:$|[,;()])", text[s:])
                                                         and re.search(r"[A-Z][a-z]+\s+$", text[:s]))))
    if not starts:
        return [text]
    parts, prev = [], 0
    for s in starts:
        chunk = text[prev:s].strip()
        if re.search(r"\s(?:and|&)(?:\s+the)?$", chunk) and _NEW_POST.match(text, _AGENCY_FIRST.match(text, s).end()) and \
                _ROLE_START.match(chunk) and prev == 0:
            # "Director of Adult Social Care and Director of Public Health": two posts
            chunk = re.sub(r"\s+(?:and|&)(?:\s+the)?$", "", chunk)
            parts.append(chunk)
            prev = s
            continue
        # do not split "Assistant Director of X" inside a run of role words such as "Head of Service: X",
        # nor a role from the words that open its name ("The Director of ...", "Local Safeguarding ... Board")
        opener = prev == 0 and (bool(_NAME_OPENER.fullmatch(chunk)) or (_QUALIFIER.fullmatch(chunk) is not None
                                                                          and not is_person(chunk)
                                                                          and not _ROLE_START.search(chunk)
                                                                          and chunk.split()[-1] not in _ROLE_TAIL
                                                                          and not any(chunk.lower().startswith(r) for r in extra_starts)))
        # "Mark Bell - Youth Justice Service Manager", "Head of Housing / ICB Safeguarding Lead": after a
        # dash or slash, the words before a "Service Manager" or "Safeguarding Lead" name its service
        tail = re.split(r"\s[–—-]\s|[–—/,;()]", chunk)[-1].strip()
        opener = opener or (tail != chunk and _QUALIFIED_START.match(text, s) is not None
                            and _QUALIFIER.fullmatch(tail) is not None and not is_person(tail)
                            and not _ROLE_START.search(tail) and tail.split()[-1] not in _ROLE_TAIL)
        # "Head of Service Safeguarding, Improvement & Quality Assurance": the service the post heads
        if chunk and not opener and not re.search(r"(?:\bof|\band|\bfor|:|–|-|,|\bHeads?\s+of\s+Service)$", chunk):
            parts.append(chunk)
            prev = s
    parts.append(text[prev:].strip())
    return [p for p in parts if p]


# a partner agency's initials printed before a post ("ICB Director of Primary Care")
_AGENCY = r"(?:ICB|ICS|NHS|CCG|DWP|HMPPS|Police|Probation)"
_AGENCY_BEFORE = re.compile(r"(?<![\w-])" + _AGENCY + r"\s+$")
_AGENCY_FIRST = re.compile(r"(?:" + _AGENCY + r"\s+)?")


# role starts that name a service, not a post: a new role only with a post's noun after them
_SERVICE_START = re.compile(r"(?:Safeguarding|Business\s+Intelligence)$")


# role starts that are a head noun, often after the words naming its service ("Youth Justice Service Manager")
_QUALIFIED_START = re.compile(r"(?:Team\s+Managers?|Service\s+Managers?|Safeguarding|Business\s+Intelligence|QA\s+Officer)\b")


# a post's opening words, after "and": "... and Director of Public Health", "... and Head of Finance"
_NEW_POST = re.compile(r"(?:(?:Assistant|Associate|Deputy|Corporate|Strategic|Executive|Interim|Acting)\s+)*"
                       r"(?:Directors?\s+(?:of|for)\b|Heads?\s+of\b|Chief\s+Executive\b|Cabinet\s+Member\b|Portfolio\s+Holder\b)")


_ROLE_TAIL = {"Manager", "Managers", "Officer", "Officers", "Director", "Directors", "Lead", "Leads", "Coordinator",
              "Co-ordinator", "Commissioner", "Adviser", "Advisor", "Worker", "Workers", "Practitioner", "Chair",
              "Inspector", "Superintendent", "Analyst", "Consultant", "Accountant", "Surveyor", "Engineer", "Planner",
              "Specialist", "Partner", "Clerk", "Secretary", "Administrator", "Therapist", "Nurse",
              "Team", "Group", "Board", "Service", "Services", "Partnership", "Panel", "Unit", "Hub", "Hubs"}


# a police or fire service rank printed before a holder's name ("DCI Lorna Quayle", "Supt Helen
# Varley", "Group Manager J. Okafor"): a title, not part of the name
RANK = (r"(?:(?:Det(?:ective)?\.?\s+)?(?:Chief\s+)?(?:Supt|Superintendent|Inspector|Insp)|Ch\.?\s?Supt|DCI|DI|DS|DSupt|"
        r"DCS|ACC|DCC|Sgt|Sergeant|Cmdr|Commander|(?:Group|Station|Watch|Area)\s+Manager|GM|SM|WM)\.?")
_RANKED = re.compile(rf"^(?P<rank>{RANK})\s+(?P<rest>[A-Z].*)$")


def _unranked(s: str) -> str:
    """A name without the rank printed before it ("DCI Lorna Quayle" -> "Lorna Quayle")."""
    return _RANKED.sub(r"\g<rest>", s)


def _role_person(seg: str) -> tuple[Optional[str], Optional[str]]:
    seg = " ".join(seg.split()).strip(" ,;/&")
    if not seg:
        return None, None
    held = re.fullmatch(r"(?P<role>[A-Z][^()]{2,100}?)\s*\((?P<name>[^()]{3,40})\)", seg)
    if held and is_person(held.group("name")) and not is_person(held.group("role")):
        return held.group("role").strip(" ,–-"), held.group("name").strip()   # a post with its holder in brackets, from a list
    m = _RANKED.match(seg)
    if m and is_person(re.split(r"\s*[,(]|\s+[–—-]\s", m.group("rest"))[0]):
        role, person = _role_person(m.group("rest"))
        if person:   # the rank is the holder's title: the post, when printed, is the role
            return role or m.group("rank"), person
    if is_person(seg):
        return None, seg
    parts = [p.strip(" ,") for p in _DASH_SPLIT.split(seg) if p.strip(" ,")]
    if len(parts) == 2:
        a, b = parts
        if is_person(b):
            return a, b
        if is_person(a):
            return b, a
        if re.fullmatch(r"[A-Z]{2,4}", b) and not is_person(a):
            return a, None   # "Housing Strategy Manager – KT": the initials name the holder (a key may say who)
    m = re.match(r"^(?P<p>[^,]+),\s*(?P<r>.+)$", seg)
    if m and is_person(m.group("p")):
        return m.group("r").strip(), m.group("p").strip()
    m = re.match(r"^(?P<r>.+),\s*(?P<p>[^,]+)$", seg)
    if m and is_person(m.group("p")):
        return m.group("r").strip(), m.group("p").strip()
    toks = seg.split()
    for n in (4, 3, 2):
        # the holder first, where a PDF cell ran the name's line into the post's: "Dr Alun Price Designated
        # Doctor, Health Board" (a title before the name), "Alun Price Head of Legal" (a post's opening words after it)
        head, tail = " ".join(toks[:n]), " ".join(toks[n:])
        if len(toks) > n and is_person(head) and not is_person(tail) and \
                (re.match(r"(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Councillor|Prof)\.?$", toks[0]) or _ROLE_START.match(tail)):
            return tail, head
    if toks and toks[-1].strip(".,") in _ROLE_TAIL:
        return seg, None  # "Financial Hardship Programme Manager": a role throughout
    for n in (3, 2):  # person at the start or end of the segment
        if len(toks) > n:
            head, tail = " ".join(toks[:n]), " ".join(toks[n:])
            if len(toks) == n + 1 and tail.lower() in ROLE_WORDS and tail not in _ROLE_TAIL:
                break   # "South Weald Water", "Ormesley Homes": a body's name, not a holder and a post
            if is_person(head) and not is_person(tail):
                return tail, head
            head, tail = " ".join(toks[:-n]), " ".join(toks[-n:])
            if head in ("NHS", "HM"):
                break   # "NHS Lowther Firth", "HM Land Registry": a body named by its place or office
            if is_person(tail) and not is_person(head) and not re.search(r"(?i)\b(?:of|for|and|&|to|in|the|at|on)$", head):
                return head, tail   # (not "Head of | Asset Management": the post's object, not its holder)
    return seg, None


def glossary_lookup(glossary: dict[str, list[str]], role: str) -> list[str]:
    """People for a role: exact normalised match, else the one glossary role
    that starts with it ('Assistant Director' -> 'Assistant Director: People')."""
    key = norm_role(role)
    if key in glossary:
        return glossary[key]
    key2 = norm_role(re.sub(r"\s*\(\s*(\d+)\s*\)", r" (\1)", role))
    if key2 in glossary:
        return glossary[key2]
    cands = [k for k in glossary if k.startswith(key + " ") and not re.search(r"\(\d", k)]
    return glossary[cands[0]] if len(cands) == 1 else []


# a full name in the forms the bracket patterns below take: "Sarah Whitfield", "Dafydd ap Iorwerth"
_FULL_NAME = rf"{name_shapes.WORD}(?:\s+{name_shapes.PARTICLE}{{0,2}}{name_shapes.WORD}){{1,2}}"
_NAME_BRACKET_ROLE = re.compile(
    r"^(?P<name>" + _FULL_NAME + r")\s*\((?P<role>[^()]*\b(?:Head|Director|Manager|Officer|Lead|"
    r"Chief|Executive|Clerk|Leader|Member|Coordinator|Co-ordinator|Adviser|Advisor|Principal|Commissioner|"
    r"Chair|Chairman|Chairperson|Vice-Chair|Secretary|Treasurer|Holder|Mayor)\b[^()]*)\)$")


# (not a post's short form and its branch, "AM (Resp)", "GM (OCS)": the bracket names a post in words)
_BRACKETED_INITIALS = re.compile(r"^(?:[A-Z]{2,4}\s*\((?P<role>[^()]*\s[^()]*|Chair|Clerk|Treasurer|Secretary|Secretariat)\)|(?P<name>" + _FULL_NAME + r")\s*\([A-Z]{2,4}\)|"
                                 r"(?P<titled>(?:Head|Director|Assistant|Deputy|Chief|Principal|Senior|Service|Team|Lead)\b[^()]{2,60}?)\s*\([A-Z]{2,4}\))$")


_ROLE_BRACKET_NAME = re.compile(
    r"^(?P<role>[^()]*\b(?:Head|Director|Manager|Officer|Lead|Chief|Executive|Clerk|Leader|Coordinator|Co-ordinator|"
    r"Adviser|Advisor|Principal|Commissioner)\b[^()]*?)\s*\((?P<name>" + _FULL_NAME + r"|"
    r"[A-Z]\.\s?" + name_shapes.WORD + r")\)$")   # "Director of Place (J. Morley)"


# a post or body with its holder in brackets, titled or not: "Chair of the Board (Cllr Ruth Aldana)",
# "Pennock Valley CVS (Rev. Alan Whitby)", "Consultant in Public Health (Priya Natarajan)"
_BODY_BRACKET_HOLDER = re.compile(rf"^(?P<role>[A-Z][^()]{{1,60}}?)\s*\((?:(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Councillor|Rev|Revd)\.?\s+)?"
                                  rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})\)$")


# a post with a qualifier in brackets, then its holder's: "Contract Monitoring Officer (Leisure) (Callum Reid)"
_QUALIFIED_POST_HOLDER = re.compile(r"^(?P<role>[A-Z][^()]{2,80}\([^()]{2,40}\))\s*\((?P<name>[^()]{3,40})\)$")
# a body with its holder and the holder's post: "Foxhallow Leisure Trust (Dana Whitlock, Chief Executive)"
_BODY_HOLDER_POST = re.compile(r"^(?P<role>[A-Z][^(),]{2,80}?)\s*\((?P<name>[^(),]{3,40}),\s*(?P<post>[^()]{3,80})\)$")
# a body with the post that acts for it: "Ashenshire County Council (Cabinet Member for Highways and Transport)"
_BODY_BRACKET_POST = re.compile(r"^(?P<body>[A-Z][^()]{2,60}?\b(?:Council|Trust|Board|Authority|Partnership|Police|Service|"
                                r"Agency|Group|Company|Association|Commissioner|ICB))\s*\((?P<post>(?:Cabinet|Executive|Portfolio|"
                                r"Head|Director|Chief|Leader|Chair|Assistant|Deputy)\b[^()]{3,80})\)$")


def _bracketed_holder(line: str) -> str:
    """A post or body whose brackets hold its holder with something more,
    written as "post – holder" (or two lines, a body and its post) for the
    rules below."""
    m = _QUALIFIED_POST_HOLDER.match(line)
    if m and is_person(m.group("name")):
        return f"{m.group('role').strip()} – {m.group('name').strip()}"
    m = _BODY_HOLDER_POST.match(line)
    if m and is_person(m.group("name")) and not is_person(m.group("role")):
        return f"{m.group('role').strip()} – {m.group('name').strip()}"
    m = _BODY_BRACKET_POST.match(line)
    if m:
        return f"{m.group('body').strip()}\n{m.group('post').strip()}"
    return line


def _held_in_brackets(line: str) -> bool:
    """A post or body with a person (not a body) in the brackets after it."""
    m = _BODY_BRACKET_HOLDER.match(line)
    return bool(m) and is_person(m.group("name"))


# the labels an owner cell gives its lines ("Lead: Director of Public Health / Support: ICB"): the
# lead, owner or RACI "responsible/accountable" line names an owner; supporters, contributors,
# partners and those consulted or informed are not owners (SPEC: consultees are not owners)
_OWNER_LABEL = re.compile(r"(?:^|(?<=[/;,\n])|(?<=\)\s))\s*(?P<label>(?i:(?:(?:strategic|operational|executive|senior|service|joint|overall|"
                          r"accountable|named|project|programme|delivery)\s+)?(?:lead(?:\s+officers?)?|leads|owners?)|responsible(?:\s+officers?)?|"
                          r"accountable|co-?leads?|support(?:ed\s+by|ing(?:\s+officers?|\s+leads?)?)?|supporters?|"
                          r"contributors?|contributing|consulted|informed|(?:key\s+)?partners?|officers?|"
                          # the date line of a combined "Officer and date" cell ("Officer: ... / Date: 31 October 2026")
                          r"(?:target\s+|due\s+|completion\s+|implementation\s+)?dates?|deadline|timescales?|by\s+when|status))\s*:\s*")
_NOT_OWNER_LABEL = re.compile(r"(?i)support|contribut|consulted|informed|(?:key\s+)?partner|(?:target\s+|due\s+|completion\s+|"
                              r"implementation\s+)?dates?$|deadline|timescale|by\s+when|status")
# an owner cell that repeats the row above: "As above", "Ditto" (a plan reader gives that row's owner)
AS_ABOVE = re.compile(r"(?i)(?:as\s+(?:per\s+)?above|ditto|\"|same\s+as\s+above)\.?")
# a pointer to another row's owner, not an owner: "As action 1.1", "See actions 3.2 and 3.3", "As above"
_POINTER = re.compile(r"(?i)^(?:as|see|same\s+as|as\s+per)\s+(?:for\s+)?(?:actions?|rec(?:ommendation)?s?|rows?|items?|above|below|"
                      r"\d+(?:\.\d+)*)\b")


def _lead_lines(text: str) -> str:
    """An owner cell without the lines its labels say are not owners, and
    without the labels ("Lead: A / Support: B" -> "A")."""
    marks = list(_OWNER_LABEL.finditer(text))
    if not marks:
        return text
    keep = [text[:marks[0].start()]]
    for m, nxt in zip(marks, marks[1:] + [None]):
        if not _NOT_OWNER_LABEL.match(m.group("label")):
            keep.append(text[m.end():nxt.start() if nxt else len(text)])
    return "\n".join(k.strip(" /;,\n") for k in keep if k.strip(" /;,\n"))


# "ICB – Dr Samina Rafiq, Named GP for Safeguarding Adults", "LTHT: Gemma Hollins, Head of Safeguarding":
# the agency's short form, then who leads for it and their post
_AGENCY_HOLDER = re.compile(rf"^(?P<agency>[A-Z][A-Za-z&]{{1,6}}(?:\s[A-Z][A-Za-z&]{{1,6}})?)\s*(?:[–—:]|\s-)\s*(?P<rest>(?:{RANK}\s+|(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?"
                            rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}},\s*[A-Z].+)$")


def _agency_holder_post(text: str) -> str:
    """'ICB – Dr Samina Rafiq, Named GP for Safeguarding Adults' -> 'Dr Samina
    Rafiq, Named GP for Safeguarding Adults': the lead and their post (each
    line of a cell); the agency is the post's employer, not a second owner."""
    def one(line: str) -> str:
        m = _AGENCY_HOLDER.match(line.strip())
        if m and sum(c.isupper() for c in m.group("agency")) >= 2:
            return m.group("rest")
        return line
    return "\n".join(one(line) for line in text.split("\n"))


def _english_posts(text: str) -> str:
    """A post printed in Welsh, then in English after a slash, read in
    English: "Pennaeth Gwasanaethau Oedolion / Head of Adult Services" ->
    "Head of Adult Services" (each line or ';' part of a cell)."""
    def one(part: str) -> str:
        m = re.match(r"^(?P<cy>[^/]{3,80}?)\s+/\s+(?P<en>\S.*)$", part.strip())
        return m.group("en") if m and WELSH_POST.search(m.group("cy")) and not WELSH_POST.search(m.group("en")) else part
    return "\n".join("; ".join(one(p) for p in line.split(";")) for line in text.split("\n"))


def split_owners(text: str, glossary: Optional[dict[str, list[str]]] = None) -> list[tuple[Optional[str], Optional[str], str]]:
    """Owner cell/phrase -> [(role, person, raw segment)], one per owner."""
    glossary = glossary or {}
    text = _lead_lines(text.replace("\u2019", "'"))
    text = _english_posts(text)
    text = _agency_holder_post(text)
    if len(re.findall(r"(?:^|\s)\([a-h]\)\s", text)) >= 2:
        # "(a) PM (b) SO": the lead of each lettered step of the row, one owner each
        text = "\n".join(p.strip() for p in re.split(r"(?:^|\s)\([a-h]\)\s+", text) if p.strip())
    # "Head of Adult Services" over "(Rhian Evans)": the post's holder on a line of its own
    text = re.sub(r"\n\s*\((?P<n>[^()\n]{3,40})\)\s*(?=\n|$)",
                  lambda m: f" ({m.group('n')})" if is_person(m.group("n")) else m.group(0), text)
    if _POINTER.match(text.strip()):
        return []
    text = re.sub(r"(?<![A-Za-z])([A-Z]\.)\s*\n\s*(?=[A-Z][a-z])", r"\1 ", text)   # "Group Manager J." / "Okafor": one name
    segments: list[str] = []
    printed: dict[str, str] = {}   # a segment -> the words printed for it, where they differ
    separate: set[int] = set()   # segments a list printed apart ("Cllr Evans and Clerk")
    # "Jane Smith, Head of Housing and Tom Reid, Director of Finance": two owners
    # (not "Assistant Director, Safeguarding and Family Help, Dr Samuel Okonkwo": "Family Help" is no one's name)
    text = re.sub(rf"\s+(?:and|&)\s+(?=(?P<who>{name_shapes.WORD}\s+{name_shapes.WORD}),\s*[A-Z])",
                  lambda m: "; " if is_person(m.group("who")) else m.group(0), text)
    # "Monitoring Officer (Gareth Lyle) and Head of Policy (Kate Brannigan)": each post with its holder
    # ("Head of Housing Options (Kerry Whitlam) with the Trust's Director of Operations (Dr Louise Farrant)":
    # two leads, the second post named with its body's possessive, which is not part of the post)
    text = re.sub(r"(\([A-Z][^()]{2,40}\))\s*(?:,|and|&|with|together\s+with|supported\s+by)\s+"
                  r"(?:the\s+[A-Z][A-Za-z]+'s\s+)?(?=[A-Z][^()]{2,80}\([A-Z])", r"\1; ", text)
    # "Chief Executive and Leader of the Council (Simon Marchant and Cllr Martin Haskell)": the posts' holders in order
    m = re.fullmatch(r"(?P<posts>[A-Z][^()]{3,120}?)\s*\((?P<names>[^()]{3,80})\)", text.strip())
    if m:
        posts = re.split(r"\s+(?:and|&)\s+", m.group("posts"))
        names = re.split(r"\s*,\s*|\s+(?:and|&)\s+", m.group("names"))
        if len(posts) == len(names) > 1 and all(_NAME.match(re.sub(r"^(?:Cllr|Councillor)\.?\s+", "", n)) for n in names):
            text = "; ".join(f"{p} ({n})" for p, n in zip(posts, names))
    text = _several_holders(text)
    text = _owners_run_together(text)
    # "Oral Health Improvement Group (chair: Priya Lal)", "Sub-group (Chair: Insp. Dawn Kettleborough, Wealdmoor
    # Police)": the body and who chairs it, its holder
    text = re.sub(rf"\((?:[Cc]hair(?:ed\s+by)?|[Cc]hair(?:man|person)|[Ll]ed\s+by)\s*:?\s*(?:{RANK}\.?\s+)?(?P<n>[^(),:]{{3,40}}?)"
                  r"(?:,[^()]{1,60})?\)",
                  lambda m: f"({m.group('n')})" if is_person(m.group("n")) else m.group(0), text)
    # a separator left before a label the cell printed after the owner: "Head of People (Deborah Rowse) –"
    lines = [y for x in re.split(r"\n|;|•|\u2022", text)
             for y in _bracketed_holder(re.sub(r"\s[–—-]\s*$", "", x.strip(" ,."))).split("\n")]
    for line in lines:
        line = line.strip(" ,.")
        if not line or line.lower() in {"n/a", "na", "tbc", "-", "all"}:
            continue
        m = _NAME_BRACKET_ROLE.match(line) or _ROLE_BRACKET_NAME.match(line) or \
            (_BODY_BRACKET_HOLDER.match(line) if _held_in_brackets(line) else None)
        if m and not is_person(m.group("role")) and is_person(m.group("name")):   # "Sarah Whitfield (Head of Economic Development)", "Head of Housing
            line = f"{m.group('role').strip()} – {m.group('name')}"   # (Rebecca Marsh)", "Chair of the Board (Cllr Ruth Aldana)"
        m = _BRACKETED_INITIALS.match(line)
        body = re.search(r"\(([A-Z]{2,4})\)$", line) if m and m.group("name") else None
        if body and is_person(m.group("name")) and body.group(1)[0] != m.group("name")[0]:
            line, m = f"{body.group(1)} – {m.group('name')}", None   # "Simon Bennett (ICB)": not his initials, his body
        if m and (m.group("role") or m.group("titled") or is_person(m.group("name"))):   # "JB (Head of Housing)", "Jane Brown (JB)": the initials only repeat who it is
            said = line
            line = (m.group("role") or m.group("name") or m.group("titled")).strip()
            printed[line] = said
        held = re.match(r"^(?P<p>[^,]+),\s*\S", line)
        if held and is_person(_unranked(held.group("p"))) and not _all_people(line, r"\s*,\s*"):
            parts = [line]   # "Karen Holroyd, Head of Education Safeguarding": one holder and her post
        else:
            parts = [p for body in _two_bodies(line)
                     for p in _split_roles(body, tuple(r for r in _gloss_phrases(glossary) if len(r) > 6))]
        for part in parts:
            listed = _all_short_owners(part, r"\s*,\s*|\s+(?:and|&)\s+|\s*&\s*") and not _holder_and_post(part)
            if listed or _all_people(part, r"\s*,\s*|\s+(?:and|&)\s+"):
                # "Jane Brown and Tom Kirk", "JS, PM", "Chair & Secretariat": two owners
                part = re.sub(r"\s*,\s*|\s+(?:and|&)\s+|\s*&\s*", " / ", part)
            for sub in re.split(r"\s*/\s*(?=[A-Z])", part) if (_all_people(part) or _all_roles(part)) else [part]:
                m = _ROLE_BRACKET_NAME.match(sub.strip()) if sub is not part else None
                if m:   # "Head of Housing Options (Kate Thomas) / Finance Manager"
                    sub = f"{m.group('role').strip()} – {m.group('name')}"
                if listed:
                    separate.add(len(segments))   # listed apart: never a post and its holder
                segments.extend(_expand_refs(sub.strip()))
    parsed = [(*_role_person(seg), printed.get(seg, seg)) for seg in segments]
    # a bare name next to a bare role is one owner ("Nicci Collins Head of Service CIC")
    merged: list[tuple[Optional[str], Optional[str], str]] = []
    i = 0
    while i < len(parsed):
        role, person, seg = parsed[i]
        if i + 1 < len(parsed) and i + 1 not in separate:
            r2, p2, s2 = parsed[i + 1]
            if role is None and person and r2 and p2 is None and not _GLOSS_REF.match(r2):
                merged.append((r2, person, f"{seg} {s2}"))
                i += 2
                continue
            if role and person is None and r2 is None and p2 and not _GLOSS_REF.match(role):
                # "Head of Repairs" over "Tom Reed" in one cell: the post and its holder
                merged.append((role, p2, f"{seg} {s2}"))
                i += 2
                continue
        merged.append((role, person, seg))
        i += 1
    out: list[tuple[Optional[str], Optional[str], str]] = []
    seen = set()
    for role, person, seg in merged:
        people = [person]
        if role and glossary and person is None:
            hit = glossary_lookup(glossary, role)
            if hit:
                people = list(hit)
                m = _GLOSS_REF.match(role)
                if m:
                    role = re.sub(r"\b(Manager|Director|Officer|Head|Lead)s\b", r"\1", m.group("role").strip())
                if re.fullmatch(r"[A-Z]{2,4}", role):
                    role = None   # initials a key table resolves: the person, as the key's other forms give it
        if role:
            role = role.strip(" :-–")
            if role.startswith("(") and role.endswith(")") and role.count("(") == 1:
                role = role[1:-1].strip()   # "DI Claire Whitaker (North Dales Police)": her body, in brackets
            role = re.sub(r"\s*:\s*", ": ", role)
            # "Leader of the Council (to raise with the Department)": a note on the lead, not the post
            role = re.sub(r"\s*\((?:to|with|for|jointly|where|if|as|via|through)\s[^()]*\)$", "", role) or role
        for p in people:
            key = (norm_role(role or ""), (p or "").lower())
            if key in seen or (not role and not p):
                continue
            seen.add(key)
            out.append((role or None, p, seg))
    return out


_HOLDER_AT = re.compile(rf"(?<=\s)(?:{RANK}\s+|(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Councillor)\.?\s+)?"
                        rf"(?P<name>{_NAME_TOKEN}\s+(?:[A-Z]\.?\s+)?{_NAME_TOKEN}),")


# where a PDF cell ran two owners' lines together: after a holder named after a dash or a bracket
# ("PVC – Carys Lloyd | ICB – Simon Bennett", "GHG (Lisa Harrow) | ..."), or before a body's initials that
# name a holder ("Director of Public Health | ICB – Dr Amir Shah", "PVC Housing Options | GHG (Lisa Harrow)")
_AFTER_HOLDER = re.compile(rf"(?:[–—]|\s-)\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Rev)\.?\s+)?(?!(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Rev)\b)"
                           rf"(?P<held>{_NAME_TOKEN}\s+{_NAME_TOKEN})(?=\s+[A-Z])|\([A-Z][^()]{{1,40}}\)(?=\s+[A-Z])|"
                           # "DASS Simon Bennett (ICB)": a post's initials, then a holder with the body in brackets
                           rf"^[A-Z]{{2,5}}(?=\s+(?P<next>{_NAME_TOKEN}\s+{_NAME_TOKEN})\s+\()")
_BEFORE_BODY = re.compile(rf"(?<=[a-z’'])\s+(?=[A-Z]{{2,5}}\s+(?:[–—]|\()\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Rev)\.?\s+)?{_NAME_TOKEN}\s+{_NAME_TOKEN})")


def _break_after_holder(m: re.Match) -> str:
    """A line break after an _AFTER_HOLDER match, when the holder it names is a person (a bracket always)."""
    held = m.group("held") or m.group("next")
    return m.group(0) + ("\n" if held is None or is_person(held) else "")


def _owners_run_together(text: str) -> str:
    """Line breaks where a PDF cell ran several owners into one line (see
    _AFTER_HOLDER, _BEFORE_BODY); text with line breaks or separators of its
    own is left as it is."""
    if "\n" in text or ";" in text or "/" in text:
        return text
    out = _AFTER_HOLDER.sub(_break_after_holder, text)
    parts = []
    for part in out.split("\n"):
        m = _BEFORE_BODY.search(part)
        head = part[:m.start()] if m else ""
        words = head.split()
        complete = any(w.lower() in ROLE_WORDS - {"of", "for", "and", "the", "in", "with", "all"} or re.fullmatch(r"[A-Z]{2,5}", w)
                       for w in words)   # a post or a body named whole ("PVC Housing Options"), not "Pennock Valley" of "... CVS"
        last = words[-1].strip(",.") if words else ""
        # (the word before the initials ends a post or body: "... Public Health | ICB", "PVC Housing Options | GHG";
        # not a place in the body's own name: "NHS Elmsleigh and Wyvern ICB")
        ends_post = last.lower() in ROLE_WORDS | {"options"} or bool(re.fullmatch(r"[A-Z]{2,5}", last))
        if m and complete and ends_post and not re.search(r"(?i)\b(?:of|for|and|the|&|to|in)$", head.strip()):
            parts.extend([head.strip(), part[m.end():].strip()])
        else:
            parts.append(part)
    return "\n".join(p for p in parts if p.strip())


def _several_holders(text: str) -> str:
    """A lead cell naming several people, each "Name, post", one a line, as a
    PDF cell runs them together: "Marcus Dwyer, Head of Service DCI Lorna
    Quayle, Public Protection" -> two owners. A holder starts where a name
    followed by a comma comes after a post or a name already given."""
    out, last = [], 0
    for m in _HOLDER_AT.finditer(text):
        before = text[last:m.start()].strip()
        if not before or not is_person(m.group("name")):
            continue
        said = before.split(";")[-1].split("\n")[-1].strip()
        if "," not in said and not is_person(_unranked(said)):
            continue
        if re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Prof)\.?\s+\S+", said):
            continue   # "Dr Ffion Hâf Morgan, ...": a title and a first name open the same holder's name
        out.append(text[last:m.start()].rstrip() + "; ")
        last = m.start()
    return "".join(out) + text[last:] if out else text


def _gloss_phrases(glossary: dict[str, str]) -> list[str]:
    """Glossary roles without their '(n)' reference, as lower-case phrases."""
    return sorted({re.sub(r"\s*\(.*$", "", k).strip() for k in glossary if not re.search(r"\(\d", k)}, key=len, reverse=True)


def _all_roles(part: str) -> bool:
    """'Lead for Family Hubs/Financial Hardship Programme Manager': two roles;
    'Secretariat / Ordnance Survey', 'CO/DCLG': a log's one-word owners too."""
    bits = [b.strip() for b in part.split("/") if b.strip()]
    return len(bits) > 1 and all((len(b.split()) >= 2 and b[:1].isupper()) or _short_owner(b) for b in bits)


# an owner a log's cell names in one word: a post or body ("Chair", "Secretariat",
# "Clerk") or initials and short forms ("JS", "DCLG", "ShEx", "MoJ")
_ONE_WORD_OWNER = re.compile(r"(?:Chair(?:man|woman|person)?|Vice-Chair|Secretariat|Secretary|Clerk|Treasurer|Leader|Mayor|"
                             r"Members|Officers|Officials|Council|Board|Panel|Government|Department|Director|Minister|"
                             r"Police|Probation|Fire|Health|"   # a partnership's agencies: "Police, Council, NHS"
                             r"Cllr\.?\s+[A-Z][a-z'’-]+|[A-Z][a-z]?[A-Z][A-Za-z]{0,4})")


def _short_owner(bit: str) -> bool:
    return bool(_ONE_WORD_OWNER.fullmatch(bit.strip()))


def _holder_and_post(part: str) -> bool:
    """'Ann Hughes, Director', 'Ian Lee, Chair': a person and the one-word post
    they hold (not 'Ann Hughes, JS': two owners, one by initials)."""
    m = re.fullmatch(r"(?P<p>[^,]+),\s*(?P<r>[A-Z][a-z][\w-]*)", part.strip())
    return bool(m) and is_person(_unranked(m.group("p"))) and _short_owner(m.group("r")) and not is_person(m.group("r"))


def _all_short_owners(part: str, sep: str) -> bool:
    """'JS, PM', 'Chair & Secretariat': every part a one-word owner or a person."""
    bits = [b.strip() for b in re.split(sep, part) if b.strip()]
    return len(bits) > 1 and all(_short_owner(b) or is_person(b) for b in bits) and any(_short_owner(b) for b in bits)


# the head noun of a body's name: "NHS North Fells ICB", "Hartlemere Hospitals NHS Foundation Trust"
_BODY_HEAD = re.compile(r"\b(?:ICB|Trust|Council|Board|Partnership|Constabulary|Police|Service|Authority|Agency|Group|"
                        r"Team|Commission|Department|Office|Ministry|Forum|Network|Directorate|College|University)$")


def _two_bodies(line: str) -> list[str]:
    """'NHS North Fells ICB and Hartlemere Hospitals NHS Foundation Trust':
    two bodies, each named in two words or more and ending in a body's
    head noun; 'Monitoring Officer and Democratic Services Manager',
    'Complaints Manager – Owen Salter and Head of Customer Services': two
    posts, each a post (or a post and its holder) in its own right;
    'Police and Crime Commissioner', 'Head of Finance and Resources' stay one."""
    if "/" in line:
        return [line]   # ("Head of Strategy and Performance / Customer Insight Officer": the slash divides the posts)
    for m in re.finditer(r"\s+(?:and|&)\s+", line):
        bits = [line[:m.start()].strip(), line[m.end():].strip()]
        if not all(len(b.split()) >= 2 and b[:1].isupper() for b in bits):
            continue
        if all(_BODY_HEAD.search(b) for b in bits) or (is_post(bits[0]) and (is_post(bits[1]) or _NEW_POST.match(bits[1]))):
            return bits
    return [line]


def is_post(text: str) -> bool:
    """A post named in full ('Democratic Services Manager', 'Head of Customer
    Services'), or a post and its holder ('Complaints Manager – Owen Salter')."""
    parts = [p.strip() for p in _DASH_SPLIT.split(text) if p.strip()]
    if len(parts) == 2 and is_person(parts[1]):
        text = parts[0]
    # the post before its area: "Service Manager (Adult Protection)", "Lead Officer, Adult Protection"
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text).split(",")[0].strip()
    if not text:
        return False
    return text.split()[-1] in _ROLE_TAIL - {"Team", "Group", "Board", "Service", "Services", "Partnership", "Panel",
                                              "Unit", "Hub", "Hubs"} or bool(_NEW_POST.match(text))


def _all_people(part: str, sep: str = "/") -> bool:
    bits = [b.strip() for b in re.split(sep, part) if b.strip()]
    return len(bits) > 1 and all(is_person(b) for b in bits)


_LEADERS = re.compile(r"^(?P<who>(?:The\s+)?(?:(?:Senior\s+|System\s+|Strategic\s+|Local\s+area\s+)?leaders?|Partners|Managers?|Area partners|local area partnership|partnership|council|local authority|ICB|integrated care board)(?:\s.{0,120}?)??)\s+(?:should|must|needs?\s+to|are\s+to|ought\s+to)\b", re.I)
_DELEGATE = re.compile(r"\b(?:DELEGATE[SD]?\s+(?:authority\s+)?|delegated\s+authority\s+(?:be\s+|is\s+)?(?:given|granted)\s+)to\s+(?:the\s+)?(?P<who>.+?)(?:,?\s+\(?(?:in|after|following)\s+consultation\s+with\b|,?\s+to\s+(?!the\b|a\b|an\b|be\b)(?-i:[a-z]{3,})\b|"
                       # "delegates to the Corporate Director, Adult Social Care and Health, the award of ...": the thing delegated
                       r",\s+(?:the|all|any|a|an)\s+(?=[a-z])|"
                       # "delegate to the Exploitation Subgroup the monitoring of the plan": what is delegated, uncommaed
                       r"(?<=[a-z])\s+(?-i:the|all|any)\s+(?=(?-i:[a-z]{3,}))|[.;]|$)", re.I)
# a decision that gives a post or body a task: "asks the Director of Place to report back",
# "authorises the Chief Executive to sign", "requests that officers bring a report", "agrees
# that the Monitoring Officer be authorised to ..."
_POSTISH = r"(?P<who>(?:the\s+)?(?:[A-Z][\w&'’-]*|officers|officials)(?:[ ,]+(?:[A-Z][\w&'’-]*|of|for|and|&|the))*?)(?:\s*\((?P<person>[^)]{3,40})\))?"
POST_NOUN = re.compile(r"\b(?:Head|Director|Officer|Manager|Executive|Lead|Chair(?:man|woman)?|Secretary|Clerk|Adviser|"
                        r"Advisor|Treasurer|Controller|Commissioner)s?\b")
# who a decision says will do it, in the passive: "... be approved as a correct record and signed by the Chair",
# "a report be prepared by the Director of Place"
_DONE_BY = re.compile(r"\b(?:signed|prepared|presented|circulated|published|drafted|produced|co-?ordinated|"
                      r"arranged|organised|submitted|brought|taken\s+forward|updated)\s+by\s+"
                      r"(?P<who>(?:the\s+)?(?:(?:[A-Z][\w&'’-]*\s+){0,3}(?:Chair(?:man|woman|person)?|Mayor|Clerk|Secretariat)\b|"
                      r"(?:[A-Z][\w&'’-]*\s+){0,3}(?:Head|Director|Officer|Manager|Executive|Lead|Secretary|Treasurer)"
                      r"(?:\s+(?:of|for)\s+[A-Z][\w&'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&'’-]*){0,3})?))(?P<person>(?!))?")
# a recommendation in the passive names who is to act after "by": "The risk register should be
# reviewed monthly by the programme board", "... must be approved by the Audit Committee"
PASSIVE_AGENT = re.compile(r"(?i)\b(?:should|must|will|shall|needs?\s+to|is\s+to|are\s+to)\s+be\s+(?:\w+ly\s+)?"
                            # (not a body that only approves or considers it: "should be approved by Cabinet")
                            r"(?!(?:approved|agreed|endorsed|considered|noted|scrutini[sz]ed|signed|ratified|adopted)\b)"
                            r"(?:[a-z]+ed|led|overseen|run|done|taken|given|made|kept|held|set)\b(?:\s+[a-z]+){0,2}?\s+by\s+"
                            r"(?P<who>(?:the\s+)?(?:[A-Za-z][\w&'’-]*\s+){0,3}(?:board|committee|cabinet|panel|group|team|"
                            r"director|manager|officer|council|partnership|secretariat|executive))\b(?P<person>(?!))?")
_TASKED = (re.compile(r"\b(?:asks?|requests?|instructs?|authori[sz]es?|directs?|invites?|tasks?|commissions?|calls\s+on|"
                      r"requires?)\s+" + _POSTISH + r",?\s+to\s+(?!the\b|a\b|an\b)[a-z]{3,}\b"),
           re.compile(r"\b(?:requests?|asks?|agrees?|resolves?|recommends?)\s+that\s+" + _POSTISH
                      + r"\s+(?:be\s+(?:asked|authori[sz]ed|instructed|requested|tasked|invited)\s+to\s+|(?:should\s+)?"
                      r"(?:bring|provide|prepare|report|submit|present|write|review|develop|undertake|produce|consult|"
                      r"circulate|arrange|publish|update|monitor|ensure|take|make|seek|explore|investigate)s?\b)"),
           # an item of a "RESOLVED – That:" list: "(2) the Director of Public Health be asked to report ...",
           # "(3) the Chair write to the ICB Chief Executive ..."
           re.compile(r"^(?i:that\s+)?" + _POSTISH + r"\s+(?:be\s+(?:asked|authori[sz]ed|instructed|requested|tasked|invited)\s+to\s+"
                      r"|(?:write|bring|provide|prepare|report|submit|present|circulate|arrange|publish|consult|convene)s?\s+"
                      r"(?:to|back|a|an|the|on|with|further|details)\b)"))
# whom a committee's recommendation addresses: "We recommend that, at the
# earliest opportunity, the Government appoint ...", "we urge ministers to",
# "we strongly encourage the Department for Transport to"; and a named body
# that "should" / "must" / "will need to" act ("Departmental Chief Scientific
# Advisers, whether or not ..., should be responsible", "To address this, the
# Government will need to ..."). The actor is a capitalised name (with of /
# for / and / the / & inside) or a plural office written in lower case.
# bodies and professions a needs assessment or review addresses in lower case
_LOWER_BODY = (r"(?:council|local\s+authorit(?:y|ies)|authority|partnership|partners|commissioners|schools?|providers?|"
               # inspectorates address the body they inspected by its kind: "the force should", "the trust must"
               r"force|trust|prison|college|organisation|"
               r"practitioners|professionals|agencies|health\s+visitors|social\s+workers|public\s+health)")
_ACTOR = (r"(?P<who>(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the|&|government|"
          r"(?<=and\s)(?:the\s+)?" + _LOWER_BODY + r"|(?<=the\s)" + _LOWER_BODY + r")){0,15}|"
          r"ministers|government\s+departments|departments|local\s+authorities|councils|public\s+bodies|"
          # the body a review addresses, in lower case: "The council should agree ...", "Senior leaders should ..."
          r"(?:[Tt]he\s+)?(?i:" + _LOWER_BODY + r")|[Ss]enior\s+leaders))")
_ADDRESSEE = re.compile(
    r"(?:(?:\b[Ww]e\s+(?:(?:would\s+)?(?:further|therefore|also|strongly|again|now)\s+)*|\band\s+)"
    r"(?:recommend(?:\s+further)?|urge|invite|encourage|call\s+(?:on|upon)|ask)|[Oo]ur\s+recommendation\s+is)"
    r"\s+(?:that\s*)?(?:,?\s*(?:in\s+particular|at\s+the\s+earliest\s+opportunity|as\s+a\s+matter\s+of\s+urgency|"
    r"therefore|also|once\s+appointed)\s*,\s*)?" + _ACTOR + r"(?=[\s,:])")
# "the Cabinet Office, together with the Government Chief Scientific Adviser and Chief Social Scientist, ..."
_TOGETHER = re.compile(r",\s+together\s+with\s+" + _ACTOR + r"\s*,")
_SHOULD = re.compile(r"(?:^|[.;:]\s+|,\s+|\s[–—-]\s+|,?\s+and\s+)" + _ACTOR + r"(?:,[^,.;]{3,120},)?\s+(?:should|must|ought\s+to|will\s+need\s+(?:both\s+)?to|"
                     r"needs?\s+to)\b"
                     # (not the subject of a passive: "Guidance should be refreshed", "Card limits must be reviewed")
                     r"(?!\s+(?:also\s+|then\s+)?be\s+(?!responsible|accountable|assured|satisfied|able|ready|clear)[a-z]+(?:ed|en|wn|ne|lt|ght|set|put|made|kept|held|run|met)\b)")
_NOT_ACTOR = {"we", "this", "that", "these", "those", "it", "there", "such", "any", "all", "each", "in", "if", "where",
              "when", "while", "whilst", "however", "although", "given", "as", "moreover", "further", "finally", "also",
              "our", "their", "its", "a", "an", "one", "evaluation", "evidence", "policy"}


_CONSULTEE = re.compile(r"\b(?:in\s+consultation\s+with|with\s+the\s+support\s+of)\b[^.;]*$", re.I)


def addressees(text: str) -> list[str]:
    """The bodies a recommendation asks to act, in order, once each."""
    out: list[str] = []
    # (not a consultee: "the Cabinet Secretary, in consultation with the Chief Scientific Adviser and Chief
    # Social Scientist, should ...")
    found = [m.group("who") for rx in (_ADDRESSEE, _SHOULD) for m in rx.finditer(text)
             if not _CONSULTEE.search(text[max(0, m.start() - 120):m.start("who")])]
    for m in _ADDRESSEE.finditer(text):
        t = _TOGETHER.match(text, m.end())
        if t:
            found.extend(re.split(r"\s+and\s+(?=[A-Z])", t.group("who")))
    # "The Department and the Health and Social Care Directorate should": two bodies
    found = [part for who in found for part in re.split(r"\s+and\s+(?=the\s+[A-Z]|(?:the\s+)?" + _LOWER_BODY + r"\b)", who)]
    found = [body for who in found for body in _bodies_apart(who)]   # "The Council and Hexworth Homes should ..."
    for who in found:
        who = re.sub(r"(?:\s+(?:and|the|of|for|&))+$", "", who.strip())
        first = who.split()[0].lower() if who else ""
        if not who or first in _NOT_ACTOR or (first == "the" and len(who.split()) == 1):
            continue
        if re.fullmatch(r"(?i)(?:the\s+)?(?:registered\s+)?(?:provider|service\s+provider)", who):
            continue   # an inspectorate's "the provider must ...": the inspected service, named by no one
        if who.lower() not in (o.lower() for o in out):
            out.append(who)
    return out


# a resolution's form, "That the Cabinet agrees to fund ...", "That the Committee
# recommends to Cabinet that the Director of Place reviews ...": whoever it
# names as doing something (a verb in -s) is to act
_THAT = re.compile(r"(?:^(?:\(?(?:[a-z]{1,3}|[ivx]{1,5})\)\.?|\d[\w.]{0,5}\)?|[a-z][.)]|(?i:agree[sd]?|resolve[sd]?|requests?|asks?)\s*[:,–-]?)?\s*|\brecommends?\s+(?:to\s+(?:the\s+)?[A-Z][\w ]{0,40}?\s+)?)[Tt]hat\s+"
                   + _ACTOR + r"(?=\s+(?!is\b|was\b|this\b)(?-i:[a-z]{2,}s)\b|\s+(?:would|will|shall)\s+(?!be\b|have\b)(?-i:[a-z]{3,})\b)")
# the last word of a body's or post's name
_BODY_END = (r"(?:Council|Board|Constabulary|Police|Team|Service|Services|Authority|Partnership|Trust|Commissioner|Department|"
             r"Executive|Cabinet|Committee|Group|Panel|Officer|Manager|Director|Agency|Government|ICB|NHS|Unit|Forum|"
             r"Leader|Chair|Mayor|Secretary|Minister|Member|Holder)")


def _bodies_apart(who: str) -> list[str]:
    """'the Council and Hartshire Constabulary' -> two bodies, parted at an 'and' after a body's last word."""
    out, start = [], 0
    for m in re.finditer(r"\s+and\s+", who):
        if re.search(r"\b(?:" + _BODY_END + r"|local\s+authority|council)$", who[start:m.start()]):   # ("the local authority and ...")
            out.append(who[start:m.start()])
            start = m.end()
    return out + [who[start:]]


# two bodies named together, the verb in its plural form: "recommends that the Council and Hartshire
# Constabulary agree ...", "That the ICB and the County Council jointly commission ..."
_THAT_BOTH = re.compile(r"(?:^|\brecommends?\s+)[Tt]hat\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|the|&)){0,8}"
                        r"\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|the|and|&)){0,12})"
                        r"(?=\s+(?:jointly\s+|together\s+|both\s+)?(?!(?:are|were|be|have|is|and|or|for|the)\b)(?-i:[a-z]{3,})\b)")
# the bodies that are usually the meeting itself ("That the Committee notes ...");
# Cabinet only when the paper does not say which meeting it is for
_MEETING_NOUNS = {"committee", "sub-committee", "board", "panel", "forum"}


def resolution_subjects(text: str, meeting: Optional[str] = None) -> list[str]:
    """Who a "That the X <does>" resolution names, except the meeting that
    resolves it ("That the Committee endorses ..." in the Committee's own
    paper; "That the Board notes ..."): ["the Cabinet", "Director of Place"]."""
    out = []
    meeting_words = (meeting or "").lower().split()
    # (split where a body's name ends: "NHS Hartshire and Mercombe Integrated Care Board and Hartshire County
    # Council" is two bodies, not three)
    both = [w for m in _THAT_BOTH.finditer(text) for w in _bodies_apart(m.group("who"))]
    for who in [m.group("who") for m in _THAT.finditer(text)] + both:
        who = re.sub(r"(?:\s+(?:and|the|of|for|&))+$", "", who.strip())
        bare = bare_body(who)
        if not bare or bare.split()[0] in _NOT_ACTOR:
            continue
        if bare in _MEETING_NOUNS or (meeting_words[-len(bare.split()):] == bare.split() if meeting_words
                                      else bare == "cabinet"):
            continue
        if who not in out:
            out.append(who)
    return out


_LEAD_TEXT = re.compile(r"\b(?:Lead|Lead officer|Responsible officer|Owner)\s*:\s*(?P<who>[^\n;.]+)", re.I)


def bare_body(who: str) -> str:
    """'The Director of Finance' -> 'director of finance': a body or post as
    owners compare it."""
    return re.sub(r"^the\s+", "", who.strip(), flags=re.I).lower()


def owners_in_text(text: str, meeting: Optional[str] = None) -> list[tuple[str, str]]:
    """Owners named in a sentence -> [(owner_kind, phrase)]:
    'DELEGATE authority to the Corporate Director of X to ...' (delegate),
    'Leaders at the council and the ICB should ...' (responsible),
    'We recommend that the Government ...', 'The Department for Transport
    should ...' (responsible: whom a recommendation addresses),
    'Lead: Head of Service' (lead); 'That the Cabinet agrees ...'
    (responsible, unless it is the `meeting` that resolves it)."""
    found: list[tuple[str, str]] = []
    for m in _DELEGATE.finditer(text):
        found.append(("delegate", m.group("who").strip(" ,")))
    for m in (m for rx in (*_TASKED, _DONE_BY, PASSIVE_AGENT) for m in rx.finditer(text)):
        who = m.group("who").strip(" ,")
        if POST_NOUN.search(who):
            who = re.sub(r"^the\s+", "", who)   # "the Director of Place": the post (a body keeps its article)
        if not any(bare_body(who) == bare_body(w) for _, w in found):
            found.append(("responsible", who + (f" ({m.group('person')})" if m.group("person") else "")))
    m = _LEADERS.match(text.strip())
    if m:
        who = m.group("who").strip()
        for part in distribute_leaders(who):
            found.extend(("responsible", body) for body in _bodies_apart(part))   # "The Council and Hexworth Homes should"
    have = {bare_body(w) for _, w in found}
    for who in addressees(text) + resolution_subjects(text, meeting):
        if bare_body(who) not in have and not any(bare_body(who) in h for h in have):
            found.append(("responsible", who))
            have.add(bare_body(who))
    for m in _LEAD_TEXT.finditer(text):
        found.append(("lead", m.group("who").strip(" ,")))
    return found


# "<team or officer> to <verb> ...": the way action logs and minutes name who
# does an action. The subject is a name: capitalised words (with 'of', 'and',
# '&', 'the', 'for' between them and a trailing 'team' / 'officials'), never a
# verb or a sentence opener.
_SUBJECT = re.compile(
    r"^(?i:actions?\s*(?:point)?\s*[:\-–]\s*)?"
    r"(?P<who>(?:[A-Z][\w&'’./-]*)(?:\s+(?:[A-Z][\w&'’./-]*|of|and|the|for|from|at|&|"
    # a team named by what it does, in lower case: "URI project team", "HMT financial reporting policy team"
    r"(?:(?![a-z]+ed\b|(?:to|will|would|should|shall|must|may|can|that|with|and|or|has|have|had|was|were|is|are)\b)"
    r"[a-z][\w-]*\s+){0,3}(?:team|teams|officials?|officers?|colleagues|members|staff|secretariat|unit|office|"
    r"group|lead|chair))){0,8}?"
    # "ICB (AS) to bring ...", "GHG (LH) to share ...": the body and the initials of who speaks for it
    r"(?:\s*\([A-Z][A-Za-z]{0,3}\))?)"
    # "with Transparency Board input", "with support from HR": who helps, not who acts
    r"(?:\s+with\s+(?:[A-Z][\w&'’.-]*\s+){1,4}(?:input|support|help|assistance))?"
    # "MCO requested to see ...", "The Clerk offered to write ..."
    r"\s+to\s+(?P<verb>[a-z]{2,})\b(?P<passive>\s+(?:\w+ly\s+)?(?:kept|informed|updated|involved|consulted|invited|briefed|told|sent|asked|given|engaged|notified|copied|included)\b)?")
_NOT_SUBJECT = {
    "agreed", "decided", "resolved", "proposed", "continue", "continued", "need", "needs", "aim", "aims", "plan",
    "plans", "work", "works", "ensure", "also", "in", "on", "at", "by", "from", "for", "as", "it", "this", "that",
    "there", "due", "able", "going", "intend", "intends", "expected", "asked", "request", "requested", "want",
    "wanted", "seek", "seeking", "likely", "unable", "commitment", "commitments", "all", "each", "any", "some",
    "what", "how", "when", "where", "who", "which", "we", "they", "he", "she", "you", "i", "our", "their", "a", "an",
    "to", "and", "if", "next", "further", "action", "actions", "update", "updates", "progress",
    "however", "therefore", "thus", "finally", "firstly", "secondly", "thirdly", "then", "so", "but", "in order",
    # a decision in the imperative: "Agree to submit a request to Government ...", "Note that acceptance will ..."
    "agree", "note", "approve", "endorse", "delegate", "authorise", "authorize", "consider", "support", "recommend",
}
_NOT_VERB = {"the", "and", "date", "include", "all", "its", "their", "our", "his", "her", "this", "that", "these",
             "those", "which", "whom", "whether", "both", "each", "every", "be"}


def subject_owner(text: str) -> Optional[str]:
    """Who an action names as doing it: 'Cabinet Office Transparency Team
    to work with the Home Office ...' -> 'Cabinet Office Transparency Team';
    'Officials to discuss ...' -> 'Officials'; None for 'Agreed to ...'."""
    m = _SUBJECT.match(text.strip())
    if not m:
        return None
    who, verb = m.group("who").strip(), m.group("verb")
    first = who.split()[0].lower().strip(".,")
    if verb == "be" and m.group("passive") and _ORG_WORD.search(who):
        return who   # "Transparency Board members to be kept informed / involved": the members are the action's party
    if first in _NOT_SUBJECT or verb in _NOT_VERB or len(who) < 2:
        return None
    if " " not in who and re.fullmatch(r"[A-Z][a-z]+", who) and not _ORG_WORD.search(who) and \
            who.lower() not in ROLE_WORDS | {"officials", "everyone", "all"}:
        return None   # "Started to implement ...", "Changes to wellbeing services – ...": no one named
    if verb in ("continue", "remain") and re.match(r"\s+(?:to\s+)?be\s+[a-z]+(?:ed|en)\b", text.strip()[m.end():]) \
            and not _ORG_WORD.search(who):
        return None   # "Fees and charges to continue to be reviewed ...": what is done, not who does it
    return who


_ORG_WORD = re.compile(r"\b(?:House|Office|Team|team|teams|Board|Council|Department|Agency|Group|Panel|Committee|Unit|"
                       r"Services?|Trust|Authority|Partnership|Commission|Commissioner|officials?|members|colleagues|"
                       r"project|Secretariat|Directorate|Ministry|Service|Network|Forum|Clerk|Director|Manager|Officer|"
                       r"Lead|Chair|Chairman|Minister)\b")
_PERSON_NAME = re.compile(r"^(?:(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame)\.?\s+)?"
                          r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}$")


def subject_owners(text: str) -> list[tuple[Optional[str], Optional[str], str]]:
    """[(role, person, raw)] for the subject of '<who> to <do what>': teams,
    bodies and offices are roles ('Home Office team', 'Companies House',
    'MCO'), names are people ('Tim Kelsey', 'Cllr Evans'); 'A and B' of
    two named bodies gives two owners."""
    who = subject_owner(text)
    if not who:
        return []
    who = re.sub(r"^[Tt]he\s+(?=[A-Z])", "", who)   # "The Director of Housing to write ...": the post
    parts = [who]
    if " of " not in f" {who} ":
        # ("Cllr Bellamy and the Deputy Clerk": the second named by its office, with its article)
        bits = [re.sub(r"^the\s+(?=[A-Z])", "", b.strip()) for b in re.split(r"\s+(?:and|&)\s+", who) if b.strip()]
        if len(bits) > 1 and all(b[:1].isupper() for b in bits):
            parts = bits
    out: list[tuple[Optional[str], Optional[str], str]] = []
    title = re.match(r"^(Cllrs?|Councillors?)\s", parts[0])
    for k, part in enumerate(parts):
        if title and k and len(part.split()) == 1 and part[:1].isupper():
            part = f"Cllr {part}"    # "Cllrs Richards & Evans": each a councillor
        if title and not k:
            part = re.sub(r"^Cllrs\s", "Cllr ", re.sub(r"^Councillors\s", "Councillor ", part))
        if _PERSON_NAME.match(part) and title and (not k or is_person(part)):
            out.append((None, part, part))
        elif _ORG_WORD.search(part) or part.isupper() or len(part.split()) == 1:
            out.append((part, None, part))
        elif _PERSON_NAME.match(part) and is_person(part):
            out.append((None, part, part))
        else:
            out.append((part, None, part))
    return out


def distribute_leaders(who: str) -> list[str]:
    """'Leaders at the council and the ICB' -> ['Leaders at the council',
    'Leaders at the ICB']; 'Leaders in education, health and care' stays one."""
    m = re.match(r"^(?P<head>(?:Senior\s+)?Leaders?\s+(?:at|of|in|from|across)\s+)(?P<rest>.+)$", who, re.I)
    if not m:
        # "The ICB and the Council": two bodies, each an owner
        parts = re.split(r"\s+and\s+(?=the\s+\S)", who)
        if len(parts) == 2 and all(re.match(r"^(?i:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'’-]*){0,4}$|^(?i:the\s+)?(?i:" + _LOWER_BODY + r")$",
                                            p.strip()) for p in parts):
            return [p.strip() for p in parts]
        return [who]
    rest = m.group("rest")
    bodies = [b.strip() for b in re.split(r",\s*(?:and\s+)?|\s+and\s+", rest) if b.strip()]
    if len(bodies) > 1 and all(re.match(r"^(the\s+)?[A-Za-z'’ ]{2,40}$", b) for b in bodies) and \
            any(re.search(r"\b(council|ICB|authority|board|partnership|trust|NHS|partners|schools?|settings?|services?)\b", b, re.I) for b in bodies):
        head = m.group("head")
        out = []
        for b in bodies:
            if not b.lower().startswith("the ") and not re.match(r"^[A-Z]{2,}", b):
                b = "the " + b if b.lower() in {"council", "icb", "local authority"} else b
            out.append(head + b)
        return out
    return [who]


# the post nouns a role names in the plural when several people hold it ("Assistant
# Directors", "Station Managers", "ministers"): the SPEC's role is the post, singular
_PLURAL_POST = re.compile(r"^(?!all\b)(?P<head>.*\b(?:manager|director|leader|minister|officer|advis[eo]r|lead|head|"
                          r"co-?ordinator|commissioner|chair))s$", re.I)


def singular_role(role: Optional[str]) -> Optional[str]:
    """'Assistant Directors' -> 'Assistant Director'; groups stay as named ('All members', 'BIS officials')."""
    if not role or role.strip().lower() in ("officers", "leads", "heads", "chairs"):
        return role   # officers at large, not a post
    m = _PLURAL_POST.match(role.strip())
    return m.group("head") if m else role

