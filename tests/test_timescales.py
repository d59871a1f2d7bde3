"""Timescale parsing: cells, narrative due dates and metric periods.

Examples are written the way UK council action plans and committee reports
print them (day-first dates, two-digit years, financial years and quarters,
"within 3 months" inspection buckets)."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.entities.timescales.cells import parse_timescales
from extractors.entities.timescales.periods import parse_financial_period
from extractors.entities.timescales.sentences import find_due_dates_in_sentence
from extractors.entities.timescales.spans import ParsedTimescale

MEETING = date(2013, 9, 17)


def _one(text, anchor=None):
    got = parse_timescales(text, anchor)
    assert len(got) == 1, got
    return got[0]


def _dues(ts):
    return [t.due_date for t in ts]


# ---------------------------------------------------------------- cells

@pytest.mark.parametrize("cell, due, precision", [
    ("1st April 14", date(2014, 4, 1), "day"),
    ("1 st April 14", date(2014, 4, 1), "day"),          # space before the ordinal, as extracted from PDF
    ("30th Sept 14", date(2014, 9, 30), "day"),
    ("30 th June 2014", date(2014, 6, 30), "day"),
    ("27th February 2014", date(2014, 2, 27), "day"),
    ("5th NOVEMBER 2018", date(2018, 11, 5), "day"),
    ("1 April 2025", date(2025, 4, 1), "day"),
    ("1st of April 2025", date(2025, 4, 1), "day"),
    ("31/03/2025", date(2025, 3, 31), "day"),
    ("31.03.25", date(2025, 3, 31), "day"),
    ("30-Nov-24", date(2024, 11, 30), "day"),
    ("Dec18", date(2018, 12, 31), "month"),
    ("Dec 18", date(2018, 12, 31), "month"),
    ("Sept2018", date(2018, 9, 30), "month"),
    ("March 2020", date(2020, 3, 31), "month"),
    ("Feb 2024", date(2024, 2, 29), "month"),             # leap year: last day of the month
    ("Mar-25", date(2025, 3, 31), "month"),
    ("end of March 2026", date(2026, 3, 31), "month"),
    ("Q4 18", date(2018, 3, 31), "quarter"),
    ("Q4 2024/25", date(2025, 3, 31), "quarter"),
    ("Q3 2024-25", date(2024, 12, 31), "quarter"),
    ("quarter 1 (13/14)", date(2013, 6, 30), "quarter"),
    ("2016/17", date(2017, 3, 31), "year"),
    ("2024-25", date(2025, 3, 31), "year"),
    ("2025", date(2025, 12, 31), "year"),
    ("Spring 2025", date(2025, 5, 31), "quarter"),
    ("Autumn 2024", date(2024, 11, 30), "quarter"),
])
def test_timescale_cell_dates(cell, due, precision):
    t = _one(cell)
    assert t.due_date == due
    assert t.precision == precision
    assert t.recurrence == "once"
    assert t.relative is None
    assert t.raw == cell and (t.start, t.end) == (0, len(cell))


def test_by_is_kept_in_raw():
    t = _one("By December 2018")
    assert (t.raw, t.due_date, t.precision) == ("By December 2018", date(2018, 12, 31), "month")
    t = _one("by the end of March 2026")
    assert (t.raw, t.due_date) == ("by the end of March 2026", date(2026, 3, 31))


def test_three_month_dates_in_one_cell():
    got = parse_timescales("April 14 June 14 Sept 14")
    assert [t.raw for t in got] == ["April 14", "June 14", "Sept 14"]
    assert _dues(got) == [date(2014, 4, 30), date(2014, 6, 30), date(2014, 9, 30)]
    assert all(t.precision == "month" for t in got)


def test_date_and_recurrence_in_one_cell():
    text = "1 st April 14 Monthly"
    got = parse_timescales(text)
    assert [(t.raw, t.due_date, t.recurrence) for t in got] == [
        ("1 st April 14", date(2014, 4, 1), "once"),
        ("Monthly", None, "monthly"),
    ]
    for t in got:
        assert text[t.start:t.end] == t.raw


def test_date_then_two_tbcs():
    got = parse_timescales("1st May 14 TBC TBC")
    assert [(t.raw, t.recurrence) for t in got] == [("1st May 14", "once"), ("TBC", "other"), ("TBC", "other")]
    assert got[1].due_date is None and got[1].precision is None


@pytest.mark.parametrize("cell, recurrence", [
    ("Monthly", "monthly"), ("Weekly", "weekly"), ("Fortnightly", "fortnightly"), ("Bi-weekly", "fortnightly"),
    ("Quarterly", "quarterly"), ("every quarter", "quarterly"), ("3 monthly", "quarterly"),
    ("Annually", "annually"), ("Yearly", "annually"), ("Annual", "annually"),
    ("Ongoing", "ongoing"), ("On-going", "ongoing"), ("Continuous", "ongoing"),
    ("Immediate", "immediate"), ("Immediately", "immediate"), ("ASAP", "immediate"),
    ("As soon as possible", "immediate"),
    ("TBC", "other"), ("TBA", "other"), ("To be confirmed", "other"),
    ("Six weekly", "other"), ("every 6 weeks", "other"), ("Six monthly", "other"),
])
def test_recurrence_cells(cell, recurrence):
    t = _one(cell)
    assert t.recurrence == recurrence
    assert t.due_date is None and t.precision is None
    assert t.raw == cell     # the interval stays readable in raw ("Six weekly")


@pytest.mark.parametrize("cell, due", [
    ("within 3 months", date(2013, 12, 17)),
    ("Within six months", date(2014, 3, 17)),
    ("in 4 weeks", date(2013, 10, 15)),
    ("3 months", date(2013, 12, 17)),
])
def test_relative_resolved_against_anchor(cell, due):
    t = _one(cell, MEETING)
    assert t.due_date == due and t.precision == "day" and t.recurrence == "once"
    assert t.relative == cell        # kept even though the anchor resolved it


def test_relative_without_anchor_keeps_text_only():
    t = _one("within 3 months")
    assert t.due_date is None and t.precision is None
    assert t.relative == "within 3 months"


def test_yearless_dates_take_the_anchor_year():
    assert _one("30th September", MEETING).due_date == date(2013, 9, 30)
    assert _one("November this year", MEETING).due_date == date(2013, 11, 30)
    assert _one("30th September").due_date is None


def test_month_range_is_one_window():
    t = _one("April – June 2025")
    assert (t.raw, t.due_date, t.precision) == ("April – June 2025", date(2025, 6, 30), "month")


def test_status_words_and_blanks_are_not_timescales():
    for cell in ("Complete", "N/A", "", "   ", "Achieved", "See above"):
        assert parse_timescales(cell) == []


def test_bare_year_only_in_short_cell_or_after_a_due_word():
    assert _dues(parse_timescales("Review the policy with partners 2019 onwards")) == []
    assert _dues(parse_timescales("Policy to be reviewed and republished by 2026")) == [date(2026, 12, 31)]


def test_report_numbers_and_percentages_are_not_dates():
    assert parse_timescales("Report No: 207/2013") == []
    assert parse_timescales("Target 95%") == []


# ---------------------------------------------------------------- narrative

def _raws(text, anchor=None):
    return [t.raw for t in find_due_dates_in_sentence(text, anchor)]


@pytest.mark.parametrize("text, raw, due", [
    ("All reports will be in place by December 2018.", "by December 2018", date(2018, 12, 31)),
    ("The new model must be implemented by the end of March 2026.", "by the end of March 2026", date(2026, 3, 31)),
    ("Responses must be received no later than 31/01/2025.", "no later than 31/01/2025", date(2025, 1, 31)),
    ("The deadline is 28 February 2025.", "28 February 2025", date(2025, 2, 28)),
    ("The target date for completion is 31 March 2026.", "31 March 2026", date(2026, 3, 31)),
    ("The new system will go live in Q4 2025/26.", "Q4 2025/26", date(2026, 3, 31)),
    ("Consultation with partners will take place during 2025-26.", "2025-26", date(2026, 3, 31)),
    ("A full audit of all closed cases is planned for October 2013.", "October 2013", date(2013, 10, 31)),
    ("The pilot will be evaluated in January 19.", "January 19", date(2019, 1, 31)),
    ("Forms will be rolled out in stages aiming to complete April 2019", "April 2019", date(2019, 4, 30)),
    ("Tableau reporting is in progress. (Dec 18)", "Dec 18", date(2018, 12, 31)),
])
def test_due_dates_in_narrative(text, raw, due):
    got = find_due_dates_in_sentence(text)
    assert [t.raw for t in got] == [raw]
    assert got[0].due_date == due
    assert text[got[0].start:got[0].end] == raw


def test_yearly_due_date():
    got = find_due_dates_in_sentence("Returns are due 30 June each year.", date(2024, 5, 1))
    assert [(t.raw, t.due_date, t.recurrence) for t in got] == [
        ("30 June", date(2024, 6, 30), "once"), ("each year", None, "annually")]


def test_passed_deadline_still_counts():
    # printed as a deadline, even though it passed before the meeting
    assert _raws("All daily reports are in place by June 2017 for First Response.") == ["by June 2017"]


@pytest.mark.parametrize("text", [
    "The policy was reviewed in July 2013.",
    "The report was presented to Cabinet (89/2013 on 16 April 2013).",
    "A review of the 200 cases was undertaken in October 2017.",
    "Cases were allocated within the service by January 2018.",
    "The Permanence team pilot launched at the beginning of September.",
    "Forms will be implemented in a staggered approach starting from November 2018.",
    "The new service will begin in January 2019.",
    "However as of Sept 2018 there were still only 4 children open for assessment.",
    "The number of referrals has fallen since January 2017.",
    "In contact rates were 90.8% (Sept 18) against a target of 95%.",
    "The strategy was agreed in 2019.",
    "The Council's Corporate Plan 2022 sets out our priorities.",
    "Performance improved in quarter 1 (13/14) compared to quarter 4 (12/13).",
])
def test_past_events_starts_and_periods_are_not_due_dates(text):
    assert find_due_dates_in_sentence(text) == []


def test_future_clause_after_past_clause():
    text = "The pilot launched at the beginning of September and will be evaluated in January 19."
    assert _raws(text) == ["January 19"]


def test_relative_clause_in_past_is_not_a_plan():
    text = "The programme will support new staff who took up post during the Summer."
    assert _raws(text) == []


def test_coordinated_deadlines():
    text = ("This will commit the council to elections in May 2026 and reorganisation "
            "by either April 2027 or April 2028.")
    got = find_due_dates_in_sentence(text)
    assert _dues(got) == [date(2026, 5, 31), date(2027, 4, 30), date(2028, 4, 30)]


def test_narrative_relative_timescales():
    got = find_due_dates_in_sentence("Recommendations should be addressed within 3 months of the inspection.",
                                     MEETING)
    assert [(t.raw, t.due_date, t.relative) for t in got] == [
        ("within 3 months", date(2013, 12, 17), "within 3 months")]
    # standards and look-backs are not deadlines
    assert _raws("80% of assessments were completed within 45 working days.") == []
    assert _raws("Plans have not increased in the last 6 months.") == []


def test_yearless_narrative_dates_use_anchor():
    got = find_due_dates_in_sentence(
        "There is an audit in progress with an expected completion date of 30th September.", MEETING)
    assert [(t.raw, t.due_date, t.precision) for t in got] == [("30th September", date(2013, 9, 30), "day")]
    got = find_due_dates_in_sentence("A further 25 staff are to complete the training in November this year.",
                                     MEETING)
    assert [(t.raw, t.due_date) for t in got] == [("November this year", date(2013, 11, 30))]


@pytest.mark.parametrize("text, raw, recurrence", [
    ("The group meets every 6 weeks and has agreed terms of reference.", "every 6 weeks", "other"),
    ("The group reports to the Management Team every quarter.", "every quarter", "quarterly"),
    ("Data meetings are being reintroduced fortnightly.", "fortnightly", "fortnightly"),
    ("Weekly placement meetings are now held.", "Weekly", "weekly"),
    ("There will be six monthly progress reports to SMT.", "six monthly", "other"),
    ("Work to improve practice is ongoing.", "ongoing", "ongoing"),
    ("Continue work on return interviews (ongoing).", "ongoing", "ongoing"),
    ("Plans must be put in place immediately.", "immediately", "immediate"),
])
def test_narrative_recurrences(text, raw, recurrence):
    got = find_due_dates_in_sentence(text)
    assert [(t.raw, t.recurrence, t.due_date) for t in got] == [(raw, recurrence, None)]


@pytest.mark.parametrize("text", [
    "The Annual Report of the Independent Reviewing Officer was noted.",
    "All daily, weekly and monthly reports are available to managers.",
    "Supervision compliance was 88% monthly.",
    "Young people living outside their immediate family are identified.",
    "The council is committed to continuous improvement.",
    "Targets are to be agreed with partners.",
    "Endorse the ongoing joint work between the county and district councils.",
    "An on-going audit schedule has been agreed.",
])
def test_narrative_words_that_are_not_timescales(text):
    assert find_due_dates_in_sentence(text) == []


def test_heading_with_meeting_date_is_not_a_due_date():
    assert _raws("CHILDREN AND FAMILIES OVERVIEW AND SCRUTINY COMMITTEE - 5th NOVEMBER 2018") == []


def test_empty_text():
    assert find_due_dates_in_sentence("") == []
    assert parse_timescales("") == []


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("text, raw, end, precision", [
    ("2016/17", "2016/17", date(2017, 3, 31), "year"),
    ("2024-25", "2024-25", date(2025, 3, 31), "year"),
    ("25-26", "25-26", date(2026, 3, 31), "year"),
    ("2024-25 financial year", "2024-25 financial year", date(2025, 3, 31), "year"),
    ("Q4 18", "Q4 18", date(2018, 3, 31), "quarter"),
    ("quarter 1 (13/14)", "quarter 1 (13/14)", date(2013, 6, 30), "quarter"),
    ("Q3 2024-25", "Q3 2024-25", date(2024, 12, 31), "quarter"),
    ("Quarter 3 of 2024-25", "Quarter 3 of 2024-25", date(2024, 12, 31), "quarter"),
    ("23/24 Q4", "23/24 Q4", date(2024, 3, 31), "quarter"),
    ("March 18", "March 18", date(2018, 3, 31), "month"),
    ("Sept 2018", "Sept 2018", date(2018, 9, 30), "month"),
    ("Dec-24", "Dec-24", date(2024, 12, 31), "month"),
    ("31.3.24", "31.3.24", date(2024, 3, 31), "day"),
    ("2021", "2021", date(2021, 12, 31), "year"),
    ("By September 18", "September 18", date(2018, 9, 30), "month"),
    ("Whole year (up to Sept18)", "Sept18", date(2018, 9, 30), "month"),
    ("January 2018 to June 2018", "January 2018 to June 2018", date(2018, 6, 30), "month"),
])
def test_financial_periods(text, raw, end, precision):
    assert parse_financial_period(text) == (raw, end, precision)


@pytest.mark.parametrize("text", [
    "since January 2017", "YTD 2018", "Post 2032", "Between 2029-32", "the last 12 months", "", "Q2",
    "year to date",
])
def test_open_or_unresolvable_periods(text):
    assert parse_financial_period(text) is None


def test_period_without_year_uses_anchor():
    assert parse_financial_period("Q2", date(2016, 11, 1)) == ("Q2", date(2016, 9, 30), "quarter")
    assert parse_financial_period("end of September", date(2018, 11, 5))[1] == date(2018, 9, 30)


def test_parsed_timescale_is_frozen():
    t = _one("Dec 18")
    assert isinstance(t, ParsedTimescale)
    with pytest.raises(Exception):
        t.raw = "x"  # type: ignore[misc]


def test_resolutions_and_listed_imperatives_set_due_dates_with_in():
    from datetime import date
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    def due(t):
        return [(x.raw, str(x.due_date)) for x in find_due_dates_in_sentence(t, date(2026, 1, 14))]
    assert due("That the Committee receives a further progress report at its meeting in July 2026.") == [
        ("July 2026", "2026-07-31")]
    assert due("(ii) take the final masterplan to Cabinet in June 2026, after a second stage of consultation.") == [
        ("June 2026", "2026-06-30")]
    # a resolution that notes something past sets no due date
    assert due("That the Committee notes that the plan was adopted in February 2024.") == []


def test_due_cells_written_as_boards_write_them():
    got = lambda t: [(x.raw, x.due_date, x.recurrence) for x in parse_timescales(t, date(2024, 11, 19))]  # noqa: E731
    # a revised date keeps only the new one; the old is history
    assert got("Dec 2024 (revised from March 2024)") == [("Dec 2024", date(2024, 12, 31), "once")]
    assert got("June 2025 (was March 2025)") == [("June 2025", date(2025, 6, 30), "once")]
    # "ongoing" beside a recurrence only says it has no end
    assert got("Monthly ongoing") == [("Monthly", None, "monthly")]
    assert got("Ongoing") == [("Ongoing", None, "ongoing")]
    # the next meeting of a named body is a deadline the paper does not date
    ts = parse_timescales("Next meeting of the Transparency Board", date(2010, 11, 19))
    assert [(t.raw, t.relative) for t in ts] == [("Next meeting of the Transparency Board",) * 2]


def test_a_resolution_sets_the_meeting_it_asks_for_as_a_due_date():
    from extractors.entities.action_plans import add_due_dates
    from extractors.entities.items import Prov, Recommendation
    got = lambda t: [str(x.due_date) for x in find_due_dates_in_sentence(t, date(2025, 11, 18))]  # noqa: E731
    assert got("That the Strategic Director report progress to the meeting of the Committee on 17 March 2026.") == \
        ["2026-03-17"]
    assert got("That the update be considered at the meeting on 20 January 2026.") == ["2026-01-20"]
    # an item under 'RESOLVED – That:' continues the clause
    rec = Recommendation(kind="decision", text="a further progress report be submitted to the meeting of the Committee "
                         "on 17 March 2026;", prov=Prov(page=1, source_text="x", locator="(3)"))
    add_due_dates(rec, date(2025, 11, 18))
    assert [(str(t.due_date), t.prov.locator) for t in rec.timescales] == [("2026-03-17", f"(3)/due@{rec.text.index('17')}")]


def test_a_recurrence_with_its_start_date_is_one_timescale_and_a_revised_date_replaces_the_first():
    got = lambda s: [(t.raw, t.due_date, t.recurrence) for t in parse_timescales(s)]  # noqa: E731
    # the date a recurrence starts on is a start, not a due date (docs/labelling.md)
    assert got("Monthly from Aug 2025") == [("Monthly from Aug 2025", None, "monthly")]
    assert got("Weekly, starting 1 May 2025") == [("Weekly, starting 1 May 2025", None, "weekly")]
    assert got("Monthly / quarterly") == [("Monthly", None, "monthly"), ("quarterly", None, "quarterly")]
    # the cell revises its own date: the later one is the due date
    assert got("Dec 2025 revised: 31 March 2026") == [("31 March 2026", date(2026, 3, 31), "once")]
    assert got("June 2025 (now Sept 2025)") == [("Sept 2025", date(2025, 9, 30), "once")]
    # three dates in a row stay three
    assert [t.due_date for t in parse_timescales("April 14 June 14 Sept 14")] == [
        date(2014, 4, 30), date(2014, 6, 30), date(2014, 9, 30)]


@pytest.mark.parametrize("cell, due", [
    ("Jan 2026 – Mar 2026", ["2026-03-31"]),               # a window: due at its end
    ("From April 2026 to March 2027", ["2027-03-31"]),
    ("From April 2026", []),                              # when it starts, not when it is due
    ("From 1 September 2026; reviewed annually", ["None"]),   # the recurrence only
    ("Procure by mid-June and launch from September 2024", ["2024-06-30"]),
])
def test_a_timescale_cells_windows_and_start_dates(cell, due):
    from extractors.entities.action_plans import _timescale_items
    from extractors.entities.items import Prov
    assert [str(t.due_date) for t in _timescale_items(cell, None, Prov(1, cell, "t"))] == due


def test_a_deadline_printed_as_a_meeting_is_that_meetings_day():
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell("No."), Cell("Action"), Cell("Owner"), Cell("Due")],
            [Cell("1"), Cell("Bring a report on NHS Health Checks uptake by ward."), Cell("DPH"), Cell("Dec 2024 meeting")],
            [Cell("2"), Cell("Circulate the draft strategy to partners."), Cell("Secretariat"), Cell("Next meeting")]]
    doc = Document(doc_id="h", path="h.pdf", file_name="h.pdf", format="pdf", blocks=[
        Block(kind="heading", text="Health and Wellbeing Board"),
        Block(kind="heading", text="Action log – meeting of 3 December 2024"),
        Block(kind="table", table=Table(rows=rows, header_rows=1)),
        Block(kind="paragraph", text="Date of next meeting: Tuesday 11 March 2025")])
    meta = extract_metadata(doc)
    meta["meeting_date"] = date(2024, 12, 3)
    got = extract_all(doc, meta)
    assert [str(t["due_date"]) for t in got["timescales"]] == ["2024-12-03", "2025-03-11"]


def test_an_item_put_to_a_later_meeting_is_due_then():
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    text = "the addition of an item on elective home education at the meeting on 17 March 2026."
    assert [t.due_date for t in find_due_dates_in_sentence(text, date(2025, 11, 18))] == [date(2026, 3, 17)]
    past = "The report was considered at the meeting on 14 May 2024."
    assert find_due_dates_in_sentence(past, date(2025, 11, 18)) == []


@pytest.mark.parametrize("text, raw, due", [
    ("NC to arrange a Board development session on health inequalities in January 2025.", "January 2025", date(2025, 1, 31)),
    ("Board Business Manager to update the action log with the revised due dates by w/c 16 September.",
     "by w/c 16 September", date(2024, 9, 16)),
])
def test_a_date_in_an_action_line_giving_someone_a_step_is_its_deadline(text, raw, due):
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    got = [(t.raw, t.due_date) for t in find_due_dates_in_sentence(text, date(2024, 9, 10))]
    assert got == [(raw, due)]


@pytest.mark.parametrize("text", [
    "Hoping to get the faculty for restoration submitted in August.",
    "Clerk to ask them for a response to the reassurances requested following the meeting held in September.",
    "Team to circulate the dashboard quarterly, starting with November.",
])
def test_dates_of_things_hoped_for_held_or_started_are_not_deadlines(text):
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert [t.raw for t in find_due_dates_in_sentence(text, date(2024, 6, 1)) if t.due_date] == []


@pytest.mark.parametrize("text, want", [
    ("The Department should publish an annual performance report on the grant.", ["annually"]),
    ("Publish an annual prevention evaluation report.", ["annually"]),
    ("The annual report was noted by the Board.", []),
    ("An annual audit programme is in place.", []),
])
def test_publishing_an_annual_report_recurs_every_year(text, want):
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert [t.recurrence for t in find_due_dates_in_sentence(text, date(2026, 1, 1))] == want


@pytest.mark.parametrize("text, raw", [
    ("That the Quarter 2 return be reported to the next meeting of the Board for noting.", "to the next meeting of the Board"),
    ("Clerk to check on this and report back to next meeting.", "to next meeting"),
    ("Head of Repairs to report on voids at the next meeting.", "at the next meeting"),
])
def test_a_step_due_at_the_next_meeting(text, raw):
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    got = find_due_dates_in_sentence(text, date(2024, 9, 10))
    assert [(t.raw, t.relative) for t in got] == [(raw, raw)]


def test_the_next_meeting_of_another_body_is_not_pinned_to_this_ones():
    from extractors.entities.timescales.meetings import pin_to_meetings
    from extractors.entities.items import Prov, Timescale
    mk = lambda raw: Timescale(raw=raw, due_date=None, precision=None, recurrence="once", relative=raw,
                               prov=Prov(page=1, source_text=raw, locator="b"))
    ours, theirs = mk("at the next meeting"), mk("at the next meeting of Llandogo School")
    pin_to_meetings([ours, theirs], [date(2018, 4, 30)], date(2018, 5, 21))
    assert ours.due_date == date(2018, 5, 21) and theirs.due_date is None


def test_a_meeting_held_in_the_past_is_not_a_deadline():
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert find_due_dates_in_sentence("At the next meeting the Board discussed the budget.", date(2024, 9, 10)) == []


@pytest.mark.parametrize("text", [
    "Clerk to ask if we can have a police presence at the next meeting.",
    "Clerk to invite the ICB to attend the next meeting.",
])
def test_someone_to_be_there_at_the_next_meeting_is_not_a_deadline(text):
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert find_due_dates_in_sentence(text, date(2024, 9, 10)) == []
