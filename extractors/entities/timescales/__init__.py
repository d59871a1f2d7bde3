"""Timescales: due dates, recurrences and relative deadlines in council papers.

Pure functions, no document I/O. Three entry points, one module each:

* :func:`cells.parse_timescales` -- a Timescale / Target date / Deadline *cell* (or
  any text the caller already knows is a timescale) -> every timescale in it,
  in reading order. ``"1 st April 14 Monthly"`` gives two, ``"April 14 June 14
  Sept 14"`` gives three, ``"1st May 14 TBC TBC"`` gives three.
* :func:`sentences.find_due_dates_in_sentence` -- narrative (an action's or a
  recommendation's text) -> only the timescales the text introduces as due,
  planned or recurring ("by December 2018", "will be evaluated in January 19",
  "planned for November 2018", "(Dec 18)", "meets every 6 weeks", "is
  ongoing"), never past event dates ("was reviewed in July 2013", "on 16 April
  2013", "launched in Sept 2017") nor start dates ("starting from November
  2018").
* :func:`periods.parse_financial_period` -- a metric period ("2016/17", "Q4 18",
  "quarter 1 (13/14)", "Sept 2018") -> ``(raw, period_end, precision)``.

Conventions (UK papers, day-first; see also docs/ and SPEC "Timescale"):

* Two-digit years are 20xx ("Dec 18" -> 2018, "1st April 14" -> 2014).
  ``"April 14"`` is April 2014 (month + two-digit year), never 14 April.
* Day dates -> that day, precision ``day``.  Month dates -> last day of the
  month, precision ``month`` ("end of March 2026", "mid-June" likewise).
* Year-only ("2025", "by 2030") -> 31 December, precision ``year``; a bare
  year counts only in a short timescale cell or after a due word, never bare
  in prose.  Consecutive two-year spans are financial years: "2024/25",
  "2024-25", "24/25", "2024-2025", "FY 2024/25" -> 31 March of the later
  year, precision ``year``.  A wider span ("2024-2027") -> 31 December of the
  last year, precision ``year``.
* Quarters are financial quarters (Q1 Apr-Jun ... Q4 Jan-Mar), precision
  ``quarter``: "Q3 2024/25" -> 2024-12-31, "quarter 1 (13/14)" -> 2013-06-30,
  "Q4 2024/25" -> 2025-03-31.  With a single year the year is the calendar
  year the quarter falls in: "Q4 18" -> 2018-03-31, "Q2 2025" -> 2025-09-30.
* Seasons are three-month windows, so precision ``quarter``, due the last day
  of the season: spring -> 31 May, summer -> 31 Aug, autumn -> 30 Nov,
  winter Y -> end of February Y+1 ("Winter 2025/26" -> Feb 2026). "Before" a
  season is the end of the month before it starts, precision ``month``
  ("before winter 2026/27" -> 30 Nov 2026, "before spring 2027" -> 28 Feb 2027).
* Dates without a year ("30th September", "November this year", "by
  mid-June") take the anchor's year (the meeting / inspection date);
  without an anchor their due_date is None.
* Relative timescales ("within 3 months", "within six months", "in 4 weeks",
  "over the next 12 months") -> anchor + period (calendar months; working
  days skip weekends), precision ``day``; ``relative`` always holds the
  printed phrase, also when an anchor resolved it.  No anchor -> due None.
* Recurrences: weekly, fortnightly ("bi-weekly", "every 2 weeks"), monthly,
  quarterly ("every quarter", "3 monthly"), annually ("annual", "yearly",
  "every year"); any other interval ("six weekly", "every 6 weeks", "six
  monthly", "daily") is ``other`` with the words in ``raw``.  "Ongoing",
  "On-going", "continuous", "BAU" -> ``ongoing``; "Immediate(ly)", "ASAP", "as
  soon as possible" -> ``immediate``; "TBC", "TBA", "To be confirmed" and
  "short/medium/long term" -> ``other``.  These carry no due date.
* ``raw`` includes a leading "by" / "before" / "from" / "until" / "no later
  than" and "the end of" / "mid-" so it reads as printed ("By December 2018",
  "by the end of March 2026", "from 1 April 2025").

dateparser is deliberately not used: every accepted form is parsed by the
regexes of date_forms.py and recurrence.py, which is faster and deterministic (dateparser.search is slow
and finds "dates" in ordinary words).

The package, along those seams:

* spans.py       the result (`ParsedTimescale`), the candidate span every
                 reader proposes (`_Cand`) and the number words they count in;
* date_forms.py  day / month / numeric dates, quarters, financial years, bare
                 years, seasons, period ends and relative periods -> candidates;
* recurrence.py  recurrences and open timescales (ongoing, immediate, TBC)
                 -> candidates;
* cells.py       every candidate in a text, leftmost-longest, with its cue
                 words; `parse_timescales` for a timescale cell;
* sentences.py   `find_due_dates_in_sentence`: which candidates narrative
                 introduces as due (cue words, tense, clause);
* periods.py     `parse_financial_period`: a metric's period.
"""
