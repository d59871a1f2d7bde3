"""The words council papers use for dates and periods, defined once.

Every stage that reads months takes them from here: metadata (meeting
dates), timescales (due dates), numbers and metrics (blocking dates,
periods), the entity context (inspection dates) and action plans.
"""
from __future__ import annotations

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
