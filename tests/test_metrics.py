"""Metric mentions from council-paper phrasing (seed 000 / 004 progress
reports, Kent budget monitoring and risk register)."""
import pytest

from extractors.entities.metrics import MetricMention, column_context, metric_in_cell, metrics_in_text
from extractors.entities.numbers import scan_numbers


def raws(text):
    return [m.raw for m in metrics_in_text(text)]


def one(text, raw):
    ms = [m for m in metrics_in_text(text) if m.raw == raw]
    assert len(ms) == 1, (raw, metrics_in_text(text))
    return ms[0]


def words(label):
    return set((label or "").lower().replace(",", " ").split())


# ------------------------------------------------------------- narrative ---

SEED000_513 = (
    "5.1.3 As a result of this implementation, the quarter 1 (13/14) performance improved compared to "
    "quarter 4 (12/13). There was a 21% increase in the number of contacts received by the duty team but "
    "the number that progressed to a referral decreased from 67% in quarter 4 to 33.5% in quarter 1. "
    "Moreover the re-referral rate for quarter 1 decreased to 12.9% compared to 17.4% in quarter 4.")


def test_seed000_paragraph_gives_exactly_the_reported_numbers():
    assert raws(SEED000_513) == ["21%", "67%", "33.5%", "12.9%", "17.4%"]


def test_increase_is_change_with_label_and_period_from_previous_sentence():
    m = one(SEED000_513, "21%")
    assert (m.value, m.unit, m.role) == (21.0, "percent", "change")
    assert words("number of contacts received by the duty team") <= words(m.label)
    assert m.period == "quarter 1 (13/14)"
    assert SEED000_513[m.start:m.end] == "21%"


def test_from_to_gives_previous_then_actual():
    a, b = one(SEED000_513, "67%"), one(SEED000_513, "33.5%")
    assert (a.role, a.period) == ("previous", "quarter 4")
    assert (b.role, b.period) == ("actual", "quarter 1")
    assert a.label == b.label and "progressed to a referral" in a.label


def test_compared_to_is_previous_and_shares_label():
    a, b = one(SEED000_513, "12.9%"), one(SEED000_513, "17.4%")
    assert (a.role, a.label, a.period) == ("actual", "re-referral rate", "quarter 1")
    assert (b.role, b.label, b.period) == ("previous", "re-referral rate", "quarter 4")


def test_increase_in_number_with_trailing_period():
    t = ("Since the implementation of the 'CIN Tracker' there has been a 16% increase in the number of core "
         "assessments completed in quarter 1 (13/14) compared with the previous quarter.")
    m = one(t, "16%")
    assert m.role == "change" and m.period == "quarter 1 (13/14)"
    assert words("increase number of core assessments completed") <= words(m.label)


def test_reduction_of_count_is_change():
    t = "The impact of this has been a reduction of 15 cases being referred to social care."
    m = one(t, "15")
    assert (m.value, m.unit, m.role) == (15.0, "count", "change")
    assert words("reduction cases referred to social care") <= words(m.label)


def test_counts_percent_split_and_word_numbers():
    t = ("Two CAF training courses have been delivered to 40 participants from a good range of partner "
         "agencies: 50% external partners and 50% Rutland County Council staff.")
    ms = metrics_in_text(t)
    assert [(m.raw, m.value, m.unit) for m in ms] == [
        ("Two", 2.0, "count"), ("40", 40.0, "count"), ("50%", 50.0, "percent"), ("50%", 50.0, "percent")]
    assert all(m.role == "actual" for m in ms)
    assert ms[0].label == "CAF training courses delivered"
    assert ms[2].label == "external partners" and ms[3].label == "Rutland County Council staff"


def test_planned_quantities_are_targets():
    t = "A further 4 courses providing 80 places are planned."
    assert [(m.raw, m.role) for m in metrics_in_text(t)] == [("4", "target"), ("80", "target")]
    t2 = "50 of our staff completed the training with a further 25 staff to complete in November this year."
    a, b = metrics_in_text(t2)
    assert a.role == "actual" and "staff" in a.label
    assert b.role == "target" and b.period.startswith("November")


def test_scores_baseline_then_actual_with_inherited_label():
    t = ("It started with an average scoring of 4/10 for understanding and confidence in using the CAF. "
         "This has increased to 8/10.")
    a, b = metrics_in_text(t)
    assert (a.value, a.unit, a.role, a.raw) == (4.0, "score", "baseline", "4/10")
    assert (b.value, b.unit, b.role) == (8.0, "score", "actual")
    assert a.label and b.label == a.label


def test_word_number_counts_but_not_structure_or_deadlines():
    t = ("On 16 April 2013, Cabinet made the decision that the two areas for improvement as specified by "
         "Ofsted for completion within six months should be completed within four months.")
    ms = metrics_in_text(t)
    assert [(m.raw, m.value) for m in ms] == [("two", 2.0)]
    assert ms[0].period is None
    assert raws("Six of the actions remain an amber RAG rating.") == ["Six"]
    assert raws("There will be grade descriptors in each of the following three key judgment areas.") == []
    assert raws("Children in care with three or more placement moves is 8% at September 2018.") == ["8%"]


def test_measure_name_with_threshold_and_period():
    m = one("Children in care with three or more placement moves is 8% at September 2018, and places "
            "Leicestershire in the top quartile.", "8%")
    assert m.label == "Children in care with three or more placement moves"
    assert m.period == "September 2018" and m.role == "actual"


def test_statistical_neighbours_comparator_and_previous_performance():
    t = ("94% of child protection cases were reviewed within timescales and whilst this is a slight "
         "deterioration from previous performance of 95.8% it remains above the performance of statistical "
         "neighbours (89.1%).")
    a, b, c = metrics_in_text(t)
    assert (a.role, b.role, c.role) == ("actual", "previous", "comparator")
    assert c.comparator == "statistical neighbours" and a.comparator is None
    assert words("child protection cases reviewed within timescales") <= words(a.label)
    assert b.label == a.label == c.label


def test_comparator_in_own_sentence_inherits_measure():
    t = ("The percentage of Care Leavers in Education, Employment or Training is 55.7% (134 young people). "
         "(The statistical neighbour percentage is 47%).")
    ms = metrics_in_text(t)
    assert [m.raw for m in ms] == ["55.7%", "134", "47%"]
    assert ms[0].label == "percentage of Care Leavers in Education, Employment or Training"
    assert ms[1].label == "young people" and ms[1].unit == "count"
    assert ms[2].role == "comparator" and ms[2].comparator == "statistical neighbours"
    assert ms[2].label == ms[0].label


def test_national_average_comparator_and_rate():
    t = "The rate of children in care is 45.2 per 10,000 children, compared to the national average of 70 per 10,000."
    a, b = metrics_in_text(t)
    assert (a.value, a.unit, a.role) == (45.2, "rate", "actual")
    assert (b.value, b.unit, b.role, b.comparator) == (70.0, "rate", "comparator", "national")
    assert a.label == "rate of children in care" and b.label == a.label


def test_target_and_within_working_days_not_a_metric():
    t = "The target is 90% of assessments completed within 45 working days."
    ms = metrics_in_text(t)
    assert [(m.raw, m.role) for m in ms] == [("90%", "target")]
    assert "assessments" in ms[0].label
    assert raws("Target of 95% for single assessments completed within 20 working days") == ["95%"]


def test_year_to_date_period_and_compared_to_year():
    t = "Year to date in 2018/19, 16.5% of plans beginning were repeat plans, compared to 24.0% for 2017/18."
    a, b = metrics_in_text(t)
    assert (a.period, a.role) == ("Year to date in 2018/19", "actual")
    assert (b.period, b.role) == ("2017/18", "previous")
    assert "plans" in a.label and b.label == a.label


def test_part_of_whole_shares_label():
    t = "Repeat Child Protection Plans beginning in September decreased to 8.1% within the month with, 3 of 37 children having previous plans."
    ms = metrics_in_text(t)
    assert [m.raw for m in ms] == ["8.1%", "3", "37"]
    assert ms[0].period == "September"
    assert ms[1].label == ms[2].label == "children"


def test_increase_from_is_previous_with_relative_period():
    t = ("The percentage of children subject to CPP that had been visited within the past 4 weeks was 90.7% "
         "at the end of September, an increase from 75.5% reported for the previous month.")
    a, b = metrics_in_text(t)
    assert (a.value, a.role, a.period) == (90.7, "actual", "end of September")
    assert (b.value, b.role, b.period) == (75.5, "previous", "previous month")
    assert a.label.startswith("percentage of children subject to CPP") and len(a.label.split()) <= 12
    assert b.label == a.label


def test_pronoun_subject_inherits_from_previous_sentence():
    t = ("The average number of cases per social worker has ranged from 17 to 19 cases since January 2017. "
         "However as of June 2018 this has risen to 21 with some outliers at 30+.")
    ms = metrics_in_text(t)
    assert [m.raw for m in ms] == ["17", "19", "21", "30+"]
    assert ms[0].role == ms[1].role == "actual"   # "ranged from" is a range, not a previous value
    assert ms[0].label == ms[1].label == ms[2].label == "average number of cases per social worker"
    assert ms[2].period == "June 2018"
    assert ms[3].value == 30 and ms[3].label == "outliers"


def test_range_with_spaced_dash_gives_two_rows():
    ms = metrics_in_text("Caseloads should be between 12 – 15 cases for a Senior Practitioner.")
    assert [(m.value, m.role) for m in ms] == [(12.0, "target"), (15.0, "target")]


def test_range_shares_unit():
    ms = metrics_in_text("Turnover is expected to be 12-15% this year.")
    assert [(m.value, m.unit) for m in ms] == [(12.0, "percent"), (15.0, "percent")]


# ------------------------------------------------------------------ money ---

def test_kent_money_phrases():
    t = ("The Council is forecasting a revenue overspend of £23.3m (excluding schools). "
         "The revenue overspend has reduced by £3.5m compared with the position at Quarter 2. "
         "The Council has a savings target of £111.2m. Currently, £80.3m of savings are forecast to be achieved.")
    a, b, c, d = metrics_in_text(t)
    assert (a.value, a.unit, a.role, a.label) == (23_300_000.0, "gbp", "actual", "revenue overspend")
    assert (b.value, b.role) == (3_500_000.0, "change")
    assert (c.value, c.role, c.label) == (111_200_000.0, "target", "savings")
    assert (d.value, d.role) == (80_300_000.0, "actual") and d.label.startswith("savings")


def test_forecast_overspend_brief_example():
    m = one("There is a forecast overspend of £16.3m in Children's Services.", "£16.3m")
    assert (m.value, m.role, m.label) == (16_300_000.0, "actual", "forecast overspend")


@pytest.mark.parametrize("raw,value", [
    ("£1.2m", 1_200_000.0), ("£334.7m", 334_700_000.0), ("£5k", 5_000.0), ("£1.2 million", 1_200_000.0),
    ("£40million", 40_000_000.0), ("£2.1bn", 2_100_000_000.0), ("£300,000", 300_000.0), ("£5,000 pa", 5_000.0),
])
def test_money_values_in_pounds(raw, value):
    m = one(f"The scheme will cost {raw} in total.", raw)
    assert (m.value, m.unit) == (value, "gbp")


def test_signed_money_keeps_sign_and_parenthesised_directorate_label():
    t = ("Overspends are being reported in Adult Social Care & Health (+£35.4m) and underspends in "
         "Children, Young People & Education (-£9.9m); a rephasing variance of -£124.5m.")
    ms = metrics_in_text(t)
    assert [(m.raw, m.value) for m in ms] == [("+£35.4m", 35_400_000.0), ("-£9.9m", -9_900_000.0),
                                            ("-£124.5m", -124_500_000.0)]
    assert ms[0].label == "Adult Social Care & Health"


def test_percent_of_budget_and_percent_spacing():
    m = one("The overspend represents 1.6% of the revenue budget.", "1.6%")
    assert m.label == "revenue budget" and m.unit == "percent"
    assert one("Hampshire requested 15 % and Slough 8%.", "15 %").value == 15.0


def test_qualifiers_and_plus_are_part_of_raw():
    t = ("There are currently 2000+ care leavers in Kent. There are approximately 21,000 children and young "
         "people with an EHCP, but with only around 600 of those being open to children's services. "
         "The remaining 20,000 plus EHCPs are monitored by universal services.")
    assert [(m.raw, m.value) for m in metrics_in_text(t)] == [
        ("2000+", 2000.0), ("approximately 21,000", 21000.0), ("around 600", 600.0), ("20,000 plus", 20000.0)]
    assert one(t, "2000+").label == "care leavers in Kent"


def test_ratio_and_each_percent_definition():
    t = "The vacancy level is said to be 1 in 10. Each 1% of inflation above forecast is estimated to cost £14m."
    ms = metrics_in_text(t)
    assert [(m.raw, m.unit) for m in ms] == [("1 in 10", "ratio"), ("£14m", "gbp")]
    assert ms[0].value == pytest.approx(0.1) and ms[0].label == "vacancy level"
    assert one("a staff to child ratio of 1:4", "1:4").value == pytest.approx(0.25)


def test_national_insurance_is_not_a_comparator():
    m = one("The Employer National Insurance threshold falls to £5,000 pa.", "£5,000 pa")
    assert m.role == "actual" and m.comparator is None


def test_durations():
    m = one("Average days from entering care to adoption was 420 days.", "420 days")
    assert (m.value, m.unit) == (420.0, "days")
    assert one("Waiting times fell by 3 weeks.", "3 weeks").role == "change"
    assert one("The average call wait was 3 minutes.", "3 minutes").value == 180.0


# ---------------------------------------------------------- not metrics ---

@pytest.mark.parametrize("text", [
    "CABINET\n\n17 September 2013\n",
    "Timescale: 1st April 14",
    "Due by 30th Sept 14 and reviewed on 31/03/2025.",
    "Ofsted will launch the new Inspection Framework in November 2013.",
    "The Road to Excellence Plan 2017 - 2020 and the budget for 2024-25 and 2016/17.",
    "5.1.3 As a result of this implementation, performance improved.",
    "2.1 That Cabinet notes the Progress Report.",
    "Page 3 of 54",
    "Tel No: (01572) 722577",
    "Tel: 0116 3057441 Email Jane.Moore@leics.gov.uk",
    "Contact 03000 410 066",
    "REPORT NO: 207/2013",
    "Decision no: 24/00109",
    "presented to Children's Scrutiny Panel (143/2013 on 13 June 2013)",
    "Sessions House, County Hall, Maidstone ME14 1XQ",
    "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet",
    "The meeting starts at 2pm.",
    "Single assessments completed within 20 working days",
    "Pupils in Year 6 reaching the expected standard at Key Stage 2",
    "Transfer the 18-25 service to Adult Social Care",
    "the transfer of the 18-25 section of the Strengthening Independence Service",
    "young adults (aged 18-25) and planning from 14 years old",
    "duties outlined in Section 18 of the Children Act 2004",
    "in accordance with the Children Act 2004 and the Local Safeguarding Children Boards Regulations 2006",
    "Team Manager (1,2,3) and Team Manager (2)",
    "The proposed decision supports priority 4 within the Council Strategy 2022-2026",
    "Please refer to Section 7, 8, and Appendix 3",
    "Key Decision: Yes - It affects more than 2 Electoral Divisions",
    "All CIN cases that have been open for more than 6 months are reviewed",
    "The group meets every 6 weeks and has agreed terms of reference.",
    "The number of children subject to a plan has not increased in the last 6 months.",
    "This was the reason for a 4 year plan to drive improvement.",
    "the 'Social Work 4oversight' pilot and EIP2 funding and the A21 and COVID-19",
    "Further information: http://ow.ly/16uB30gfp7d",
    "Performance Q4 18 or by month",
    "the quarter 1 (13/14) performance improved compared to quarter 4 (12/13)",
    "a 12 month period",
    "Contents\n1 | Introduction and Headlines ......4\n",
])
def test_not_metrics(text):
    assert metrics_in_text(text) == [], metrics_in_text(text)


def test_list_number_vs_count_at_line_start():
    t = "- 11 recommendations are rated Green\n- 6 recommendations are rated Amber\n8 THE NEW OFSTED FRAMEWORK\n"
    ms = metrics_in_text(t)
    assert [m.raw for m in ms] == ["11", "6"]
    assert ms[0].label == "recommendations rated Green"


def test_paragraph_number_then_count():
    ms = metrics_in_text("- 6.2.4 43 Rickter Assessments have been completed to date.")
    assert [(m.raw, m.value) for m in ms] == [("43", 43.0)]
    assert "Rickter Assessments" in ms[0].label


def test_offsets_point_at_raw():
    t = "Currently (October 2018) there are 37 vacancies across the service and 49 agency staff."
    for m in metrics_in_text(t):
        assert t[m.start:m.end] == m.raw
    m = one(t, "37")
    assert m.period == "October 2018" and m.label == "vacancies across the service"


def test_low_level_scanner_skips_dates_inside_sentences():
    t = "Discharge from care at the end of Sept: 78. Introduced in January 2018, with 40 new permanence decisions."
    assert [n.raw for n in scan_numbers(t)] == ["78", "40"]


# ----------------------------------------------------------------- cells ---

@pytest.mark.parametrize("header,expected", [
    ("Outturn Performance 2016/17", ("actual", "2016/17", None)),
    ("Target March 18", ("target", "March 18", None)),
    ("Performance Q4 18 or by month", ("actual", "Q4 18", None)),
    ("Target March 2020", ("target", "March 2020", None)),
    ("Statistical neighbours", ("comparator", None, None)),
    ("National average", ("comparator", None, None)),
    ("Baseline", ("baseline", None, None)),
    ("Previous year", ("previous", "Previous year", None)),
    ("2023-24 Outturn", ("actual", "2023-24", None)),
    ("Variance", ("change", None, None)),
    ("Revenue %\nVariance", ("change", None, "%")),
    ("Budget", ("target", None, None)),
    ("Plan", ("target", None, None)),
    ("Forecast", ("actual", None, None)),
    ("£m", ("actual", None, "£m")),
    ("£000", ("actual", None, "£000")),
    ("Current Likelihood (1-5)", ("actual", None, "score")),
    ("Lead Officer", (None, None, None)),
    ("", (None, None, None)),
])
def test_column_context(header, expected):
    assert column_context(header) == expected


def test_cell_with_secondary_value_and_own_period():
    ms = metric_in_cell("17% (25% Q2)", row_label="Re-referrals", column_header="Outturn Performance 2016/17")
    assert [(m.value, m.role, m.period, m.label) for m in ms] == [
        (17.0, "actual", "2016/17", "Re-referrals"), (25.0, "actual", "Q2", "Re-referrals")]


def test_cell_target_with_month_prefix():
    (m,) = metric_in_cell("Dec18 100%", row_label="Supervisions meeting standard", column_header="Target March 18")
    assert (m.value, m.unit, m.role, m.period) == (100.0, "percent", "target", "Dec18")


def test_cell_count_with_part_of_whole():
    ms = metric_in_cell("8.1% (Sept 18) 3 of 37 children.", row_label="Repeat CP plans",
                        column_header="Performance Q4 18 or by month")
    assert [(m.raw, m.unit, m.period) for m in ms] == [("8.1%", "percent", "Sept 18"), ("3", "count", "Sept 18"),
                                                      ("37", "count", "Sept 18")]
    assert all(m.label.startswith("Repeat CP plans") for m in ms)


def test_cell_money_table_scale_and_header_residual():
    (m,) = metric_in_cell("165.0", row_label="High Needs Spending",
                          column_header="Estimated Lifetime Financial Exposure £m")
    assert (m.value, m.unit, m.role, m.raw) == (165_000_000.0, "gbp", "actual", "165.0")
    assert m.label == "High Needs Spending: estimated lifetime financial exposure"
    (b,) = metric_in_cell("586.1", row_label="Adult Social Care & Health", column_header="Revenue Budget",
                          table_unit="£m")
    assert (b.value, b.role) == (586_100_000.0, "target")
    (c,) = metric_in_cell("+35.4", row_label="Adult Social Care & Health", column_header="Revenue Variance",
                          table_unit="£m")
    assert (c.value, c.role, c.raw) == (35_400_000.0, "change", "+35.4")
    (d,) = metric_in_cell("(2.4)", row_label="Corporately Held Budgets", column_header="Budget", table_unit="£000")
    assert d.value == -2_400.0 and d.raw == "(2.4)"


def test_cell_likelihood_score():
    (m,) = metric_in_cell("4", row_label="High Needs Spending", column_header="Current Likelihood (1-5)")
    assert (m.value, m.unit, m.role) == (4.0, "score", "actual")
    assert m.label == "High Needs Spending: current likelihood"


def test_cell_total_box():
    (m,) = metric_in_cell("TOTAL £m 334.7", row_label=None, column_header=None)
    assert (m.value, m.unit, m.raw, m.label) == (334_700_000.0, "gbp", "334.7", "TOTAL")


def test_cell_several_values_and_non_numbers():
    ms = metric_in_cell("15 15 20", row_label="Caseloads", column_header="Target March 18")
    assert [(m.value, m.role) for m in ms] == [(15.0, "target"), (15.0, "target"), (20.0, "target")]
    assert metric_in_cell("N/A", row_label="x", column_header="Target March 18") == []
    assert metric_in_cell("System generated", row_label="x", column_header="Target") == []
    assert metric_in_cell("21 June 2018", row_label="x", column_header="Performance Q4 18 or by month") == []
    assert metric_in_cell("", row_label="x", column_header="Target") == []


def test_cell_comparator_column():
    (m,) = metric_in_cell("89.1%", row_label="CP reviews in timescale", column_header="Statistical neighbours")
    assert (m.role, m.comparator, m.label) == ("comparator", "statistical neighbours", "CP reviews in timescale")


def test_mentions_are_frozen_dataclasses():
    (m,) = metrics_in_text("There were 37 vacancies.")
    assert isinstance(m, MetricMention)
    with pytest.raises(Exception):
        m.value = 1.0


def test_against_is_not_a_previous_value():
    t = "The Committee had requested an update on the progress made against the 17 Ofsted recommendations."
    m = one(t, "17")
    assert (m.role, m.label) == ("actual", "Ofsted recommendations")


def test_footnotes_unit_headers_and_list_numbers_before_refs():
    assert metrics_in_text("Service Area £000s £000s\n1 Annual Planned Enhancement Programme [1][2] Planned") == []
    assert metrics_in_text("7. 24/00109 - Transfer the 18-25 section (Pages 85 - 276)") == []


def test_financial_year_period_not_cut_to_calendar_year():
    m = one("Following overspending in 2023-24, reserves fell by £12.5m.", "£12.5m")
    assert m.role == "change"
    ms = metrics_in_text("Reserves at the end of 2020-21 were £0.398bn.")
    assert ms[0].period == "end of 2020-21" or ms[0].period == "2020-21"
    assert ms[0].value == pytest.approx(398_000_000.0)


@pytest.mark.parametrize("text", [
    "the group agreed: 1. Additional investment in CAMHS 2. One commissioning board 3. More clinicians",
    "to improve practice 3. Relocate the duty team 4. Ensure that the QA framework is embedded 5. Improve the",
    "Priorities (cont.) 17. Greater clarity of roles 18) Greater availability of social workers",
])
def test_a_numbered_list_run_into_one_line_has_no_metrics(text):
    assert [n.raw for n in scan_numbers(text)] == []


def test_a_number_ending_a_sentence_is_still_a_metric():
    nums = [n.raw for n in scan_numbers("The number of open cases rose to 3. This is below the target of 5.")]
    assert nums == ["3", "5"]


def test_identifier_lists_of_any_length_are_not_metrics():
    assert [n.raw for n in scan_numbers("Team Delivery Plans 1,2,3,10,11,12")] == []
    assert [n.raw for n in scan_numbers("Actions 4, 7, 9 and 12 are complete; 14.5% of cases")] == ["14.5%"]


@pytest.mark.parametrize("text,kept", [
    ("Over recent years adult (18+) current smoker prevalence fell from 19.4% to 17.2%", ["19.4%", "17.2%"]),
    ("Adults (18-25) in treatment: 214", ["214"]),
    ("care leavers (18+) supported into work rose to 63", ["63"]),
    ("Charts include 95% confidence intervals; the rate was 12.1%", ["12.1%"]),
    ("a 95% reduction in waiting times", ["95%"]),
])
def test_age_bands_in_brackets_and_confidence_levels_are_not_metrics(text, kept):
    assert [n.raw for n in scan_numbers(text)] == kept


@pytest.mark.parametrize("text,kept", [
    ("0 5 10 15 20 25 30", []),                          # a chart's axis left in the text layer
    ("60 50 40 30 20 10 0", []),
    ("Safety Valve 0 0 0 0 0", ["0"] * 5),               # a row of amounts is kept
    ("Public Health 1,988 3,825 3,634 6,036 5,877", ["1,988", "3,825", "3,634", "6,036", "5,877"]),
    ("(cid:2028) (cid:3015)(cid:3019) is the probability that 12% of", ["12%"]),
])
def test_axis_ticks_and_unmapped_glyphs_are_not_metrics(text, kept):
    assert [n.raw for n in scan_numbers(text)] == kept


def test_kpi_table_rag_column_rates_the_latest_actual():
    from extractors.entities.passes import extract_all
    from extractors.model import Block, Cell, Document, Table
    header = ["Ref", "Indicator", "Target", "Q1", "Q2", "RAG"]
    rows = [["NBC01", "Council tax collected (cumulative)", "56.0%", "28.4%", "55.1%", "AMBER"],
            ["NBC02", "Missed bins per 100,000 collections", "50", "61", "48", ""]]
    t = Table(rows=[[Cell(h) for h in header]] + [[Cell(c) for c in r] for r in rows], header_rows=1, pages=[2])
    t.rows[2][5].fill = "#00b050"   # a RAG printed only as the cell's colour
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="table", table=t, page=2)])
    ms = extract_all(doc, {})["metrics"]
    rated = {(m["value"], m["rag"]) for m in ms if m["rag"]}
    assert rated == {(55.1, "amber"), (48.0, "green")}
    assert all(m["rag"] is None for m in ms if m["value"] in (56.0, 28.4, 50.0, 61.0))


@pytest.mark.parametrize("text, values", [
    ("Evidence from the Alliance (BC 32) and Q 25 showed 40% agree.", [40.0]),
    ("This is a barrier to policy.31 There were 12 schools.", [12.0]),
    ("Inspection dates: 13 to 17 May 2024. 45 children were seen.", [45.0]),
    ("a focused visit on 24 and 25 September 2024 found 3 teams", [3.0]),
    ("with 1,146 households and 55.1% collected", [1146.0, 55.1]),
])
def test_reference_codes_footnote_markers_and_day_ranges_are_not_metrics(text, values):
    from extractors.entities.metrics import metrics_in_text
    assert [m.value for m in metrics_in_text(text)] == values


def test_minute_numbers_of_a_running_series_are_not_metrics():
    from extractors.entities.metrics import metrics_in_text
    assert metrics_in_text("2568. Approval of minutes of previous meeting: Approved and signed as correct.") == []
    got = metrics_in_text("2634. Financial Report: BMM A/C £7,120.97, Community A/C £5,497.04.")
    assert [m.value for m in got] == [7120.97, 5497.04]


def test_names_with_numbers_clock_times_and_cheque_numbers_are_not_metrics():
    from extractors.entities.numbers import blocked_spans
    def blocked(t):
        return sorted(t[a:b] for a, b, _ in blocked_spans(t))
    assert "2" in blocked("Site 2 (Livox) work will only start in March.")
    assert "2" in blocked("Case Study 2: reducing car use")
    assert "9" in blocked("under the accounting standard IFRS 9 Statutory Override")
    assert "4" in blocked("Q.4 – There was an issue with sat-nav.")
    assert "20.39" in " ".join(blocked("There being no further business the meeting closed at 20.39."))
    assert any("101155" in b for b in blocked("Angiddy Trail Leaflet - £1,000 (Ch. 101155) – paid."))
    # counts before their noun, label-value listings and measures stay numbers
    assert "45" not in blocked("Kent 45 children were seen.")
    assert blocked("Crawley 12 Horsham 9") == []
    assert blocked("Crawley 12\nHorsham 9") == []
    assert "16" not in blocked("Total 16.")


def test_numbers_a_needs_assessment_prints_that_are_not_measures():
    from extractors.entities.numbers import scan_numbers
    got = lambda t: [(n.value, n.unit) for n in scan_numbers(t)]  # noqa: E731
    assert got("A total of 3,128 pupils in Years 8 and 10 took part.") == [(3128.0, "count")]   # school years
    assert got("Source: OHID LAPE (Fingertips indicator ID 92906).") == []                     # an identifier
    assert got("Statistically significant difference from England at the 95% level.") == []   # a confidence level
    assert got("on a 5+2 year contract worth £4.2 million a year") == [(4200000.0, "gbp")]      # a contract term
    assert got("covering 5 days a week, with a seven-day team planned") == []                  # how a service runs
    # a rate compared with another is a ratio
    assert got("The male rate was 2.4 times the female rate") == [(2.4, "ratio")]
    assert got("more than three times the Hartlemere average") == [(3.0, "ratio")]
    assert got("The board met 4 times in the year") == [(4.0, "count")]


def test_an_interval_column_takes_the_unit_of_the_estimate_beside_it_and_rate_columns_are_rates():
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Cell, Document, Table
    t = Table(rows=[[Cell(x) for x in ("Year", "Rate per 100,000 (DSR)", "95% CI", "England rate")],
                    [Cell(x) for x in ("2023/24", "771", "740–803", "612")]], header_rows=1)
    doc = Document(doc_id="d", path="d.pdf", file_name="d.pdf", format="pdf", blocks=[])
    got = [(m.value, m.unit) for _, m in table_metrics(t, 0, doc, {}, set())]
    assert got == [(771.0, "rate"), (740.0, "rate"), (803.0, "rate"), (612.0, "rate")]


def test_a_contents_pages_page_numbers_are_not_metrics():
    from extractors.entities.passes import extract_all
    from extractors.model import Block, Document
    blocks = [Block(kind="heading", text="Contents"), Block(kind="paragraph", text="Executive summary 2"),
              Block(kind="paragraph", text="Hospital admissions 3 Mortality 4"),
              Block(kind="paragraph", text="In 2023/24 there were 2,412 admissions.")]
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf", blocks=blocks)
    assert [m["value"] for m in extract_all(doc, {})["metrics"]] == [2412.0]


_KPIS = [("Percentage of child protection plans lasting 2 years or more", "3.1%", "2.8%", "< 4%", "GREEN", "#00b050"),
         ("Number of households in temporary accommodation", "412", "455", "400", "AMBER", "#ffc000"),
         ("Average days to re-let council homes", "31", "38", "28", "RED", "#ff0000")]


@pytest.mark.parametrize("layout", ["status column", "colour only", "rating beside the value", "directorate colours"])
def test_a_kpi_tables_rating_however_it_is_printed_goes_on_the_latest_value(layout):
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Block, Cell, Document, Table
    header = {"status column": ["Measure", "Target", "Q1", "Q2", "Status"],
              "colour only": ["Measure", "Target", "Q1", "Q2", ""],
              "rating beside the value": ["Measure", "Target", "Q1", "Q2"],
              "directorate colours": ["Measure", "Target", "Q1", "Q2", "Directorate"]}[layout]
    rows = [[Cell(h) for h in header]]
    for label, q1, q2, target, word, fill in _KPIS:
        row = [Cell(label), Cell(target), Cell(q1), Cell(q2)]
        if layout == "status column":
            row.append(Cell(word))
        elif layout == "colour only":
            row.append(Cell("", fill=fill))
        elif layout == "rating beside the value":
            row[3] = Cell(f"{q2} {word.title()}")
        else:
            row.append(Cell("ASCH", fill=fill))   # a directorate's colour, not a rating
        rows.append(row)
    table = Table(rows=rows, header_rows=1)
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="table", table=table)])
    got = [(m.raw, m.role, m.rag) for _, m in table_metrics(table, 0, doc, {}, set())]
    for label, q1, q2, target, word, fill in _KPIS:
        want = None if layout == "directorate colours" else word.lower()
        assert (q2, "actual", want) in got and (q1, "actual", None) in got


def test_a_kpi_rating_goes_on_the_latest_quarter_reported_when_later_quarters_are_blank():
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Block, Cell, Document, Table
    rows = [["Indicator", "Target", "Q1", "Q2", "Q3", "Q4", "RAG"],
            ["Households in temporary accommodation", "400", "412", "455", "", "", "Amber"],
            ["Average days to re-let council homes", "28", "31", "", "", "", "Red"]]
    table = Table(rows=[[Cell(c) for c in r] for r in rows], header_rows=1)
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="table", table=table)])
    rated = [(m.raw, m.rag) for _, m in table_metrics(table, 0, doc, {}, set()) if m.rag]
    assert rated == [("455", "amber"), ("31", "red")]


def test_a_kpis_floor_or_threshold_column_is_a_target():
    assert column_context("Floor")[0] == "target"
    assert column_context("Threshold")[0] == "target"
    assert column_context("Latest")[0] == "actual"


def test_a_charts_axis_scale_is_not_a_metric_but_its_data_labels_are():
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Document
    lines = ["Figure 2: Hospital admissions for self-harm by age band and sex, crude rate per 100,000",
             "Rate per 100,000 1600 1412.6", "1200 Female", "Male", "800 602.8", "415.4 400 288.5",
             "0 Aged 10–14 Aged 15–19 Aged 20–24", "Source: Hospital Episode Statistics."]
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Self-harm", level=1)] +
                          [Block(kind="paragraph", text=t, page=6) for t in lines])
    got = extract_all(doc, extract_metadata(doc))
    values = {m["value"] for m in got["metrics"]}
    assert {288.5, 415.4, 602.8} <= values          # data labels
    assert not values & {0, 400, 800, 1200, 1600}   # the scale


def test_percent_ticks_under_a_bar_chart():
    from extractors.entities.charts import chart_ticks
    from extractors.model import Block, Document
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf", blocks=[
        Block(kind="paragraph", text="Figure 3: Pupils who said they had self-harmed, by group (%)"),
        Block(kind="paragraph", text="All pupils 19.8%"), Block(kind="paragraph", text="Girls 27.5%"),
        Block(kind="paragraph", text="0% 10% 20% 30% 40% 50%"), Block(kind="paragraph", text="Source: survey 2024.")])
    assert chart_ticks(doc)[3] == {"0%", "10%", "20%", "30%", "40%", "50%"}


def test_a_merged_cells_number_is_one_metric_not_one_per_slot():
    """'TOTAL 41,407.1' printed once across five columns is one metric."""
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell(h) for h in ("Service", "2025-26 £000", "2026-27 £000", "2027-28 £000")],
            [Cell("Adult social care"), Cell("1,200.5"), Cell("1,310.0"), Cell("1,402.2")],
            [Cell("Total"), Cell("3,912.7"), Cell("3,912.7", spanned=True), Cell("3,912.7", spanned=True)]]
    table = Table(rows=rows, header_rows=1)
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[Block(kind="table", table=table)])
    values = [m.value for _, m in table_metrics(table, 0, doc, {}, set())]
    assert values.count(3912700.0) == 1 and len(values) == 4


def test_a_number_after_a_thousands_separator_is_not_a_phone_number():
    got = [(m.raw, m.unit) for m in metrics_in_text("Rate per 100,000 1600 1412.6")]
    assert ("1412.6", "rate") in got
    assert metrics_in_text("call the helpline on 0800 953 1740") == []


@pytest.mark.parametrize("text, raw", [
    ("a rate of 524.7 per 100,000. This is higher than England (319.0) and the region (441.2).", "319.0"),
    ("The rate was 712.9 per 100,000 in the city, more than double that in Westerby (331.6).", "331.6"),
    ("Admissions were 524.7 per 100,000, up from 389.1 in 2016/17.", "389.1"),
])
def test_a_bare_decimal_compared_with_a_rate_is_a_rate(text, raw):
    got = {m.raw: m.unit for m in metrics_in_text(text)}
    assert got[raw] == "rate"


def test_whole_numbers_after_a_rate_stay_counts():
    got = {m.raw: m.unit for m in metrics_in_text("The rate was 524.7 per 100,000. There were 438 (up 12).")}
    assert got["438"] == "count"


@pytest.mark.parametrize("caption, unit", [
    ("Figure 2: Hospital admissions by age band and sex, 2023/24, crude rate per 100,000", "rate"),
    ("Figure 3: Year 6 children living with obesity (%), 2015/16 to 2023/24", "percent"),
    ("Chart 1: Referrals received, 2023/24", "count"),
])
def test_a_charts_data_labels_take_what_its_caption_measures(caption, unit):
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Document
    lines = [caption, "1600 1412.6", "1200", "800 602.8 486.3", "400 288.5", "0 Aged 10–14 Aged 15–19",
             "Source: Hospital Episode Statistics."]
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Findings", level=1)] +
                          [Block(kind="paragraph", text=t, page=3) for t in lines])
    got = {m["value"]: m for m in extract_all(doc, extract_metadata(doc))["metrics"]}
    assert set(got) == {1412.6, 602.8, 486.3, 288.5}
    title = caption.split(":", 1)[1].strip()
    assert all(m["unit"] == unit and m["label"] == title for m in got.values())


def test_years_under_a_chart_are_categories_not_its_scale():
    from extractors.entities.charts import chart_ticks
    from extractors.model import Block, Document
    doc = Document(doc_id="c", path="c.pdf", file_name="c.pdf", format="pdf", blocks=[
        Block(kind="paragraph", text="Figure 1: Admissions, rate per 100,000, 2016/17 to 2023/24"),
        Block(kind="paragraph", text="Rate per 100,000 600"), Block(kind="paragraph", text="500 Fernbridge"),
        Block(kind="paragraph", text="400 South West"), Block(kind="paragraph", text="England 300"),
        Block(kind="paragraph", text="200"), Block(kind="paragraph", text="100"),
        Block(kind="paragraph", text="0 2016/17 2017/18 2018/19 2019/20 2020/21 2021/22 2022/23 2023/24"),
        Block(kind="paragraph", text="Source: OHID Fingertips.")])
    ticks = set().union(*chart_ticks(doc).values())
    assert ticks == {"0", "100", "200", "300", "400", "500", "600"}


def test_key_figure_tiles_are_read_cell_by_cell_not_as_column_names():
    """'At a glance' boxes: each cell a figure over its caption; no header row, no label column."""
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Block, Cell, Document, Table
    rows = [["438 hospital admissions for self-harm, aged 10–24, in 2023/24",
             "524.7 admissions per 100,000 aged 10–24 (England 319.0)",
             "27 suicides of young people aged 10–24, 2019–2023"],
            ["19.8% of Year 10 pupils self-harmed in the last 12 months (2024)",
             "£41.8m estimated yearly cost of obesity", "18 weeks median wait from referral to second contact"]]
    table = Table(rows=[[Cell(c) for c in r] for r in rows], header_rows=0)
    doc = Document(doc_id="t", path="t.pdf", file_name="t.pdf", format="pdf", blocks=[Block(kind="table", table=table)])
    got = {m.value: m.unit for _, m in table_metrics(table, 0, doc, {}, set())}
    assert got == {438.0: "count", 524.7: "rate", 319.0: "rate", 27.0: "count", 19.8: "percent",
                   41800000.0: "gbp", 18.0: "weeks"}


def test_a_header_of_periods_is_still_a_header():
    from extractors.entities.metric_items import _header_like
    from extractors.model import Cell
    assert _header_like([Cell("Indicator"), Cell("2023/24 outturn"), Cell("2024/25 target")])
    assert not _header_like([Cell("438 hospital admissions in 2023/24"), Cell("27 suicides of young people")])


@pytest.mark.parametrize("text, raw", [
    ("The borough has 142.6 fast food outlets per 100,000 people.", "142.6"),
    ("There were 524.7 admissions per 100,000 aged 10–24.", "524.7"),
])
def test_a_figure_counting_something_per_100000_is_a_rate(text, raw):
    assert {m.raw: m.unit for m in metrics_in_text(text)}[raw] == "rate"


@pytest.mark.parametrize("head", ["No.", "#", ""], ids=["No.", "#", "no header"])
def test_a_column_numbering_the_rows_gives_no_metrics(head):
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell(head), Cell("Indicator"), Cell("Number")]] + \
        [[Cell(str(k)), Cell(f"Indicator {name}"), Cell(str(v))] for k, (name, v) in
         enumerate([("alpha", 206), ("beta", 35), ("gamma", 91), ("delta", 12)], start=1)]
    table = Table(rows=rows, header_rows=1)
    doc = Document(doc_id="n", path="n.pdf", file_name="n.pdf", format="pdf", blocks=[Block(kind="table", table=table)])
    values = sorted(m.value for _, m in table_metrics(table, 0, doc, {}, set()))
    assert values == [12.0, 35.0, 91.0, 206.0]     # the 'Number' column is a count, kept


@pytest.mark.parametrize("text", [
    "2 C&AG’s Report, paras 1.4–1.6 and Figure 3 3 Q 18; C&AG’s Report, para 1.9 4 Housing Grants (Westmarch) Act "
    "2011, section 34 5 Q 47 6 Written evidence from Care and Repair Westmarch (DFG0009)",
    "7 Qq 81–84; C&AG’s Report, para 3.3 8 C&AG’s Report, paras 3.6–3.8 9 C&AG’s Report, Figure 9 10 Qq 88–90",
    "Professor Peter Bonsall, University of Leeds (BC 125, 155)",
])
def test_a_block_of_footnotes_and_evidence_citations_gives_no_metrics(text):
    assert metrics_in_text(text) == []


def test_a_count_at_the_start_of_a_sentence_is_not_a_footnote_run():
    got = [m.raw for m in metrics_in_text("Of those referred, 3 Councils agreed and 45 residents attended.")]
    assert got == ["3", "45"]


@pytest.mark.parametrize("text, raw, value, unit", [
    ("About half of young people who die by suicide have a history of self-harm.", "half", 0.5, "ratio"),
    ("Households with children now make up more than a third of all households.", "a third", 0.3333333333, "ratio"),
    ("Almost two thirds of respondents agreed with the proposals.", "two thirds", 0.6666666667, "ratio"),
    ("More than a quarter of adults do less than 30 minutes of activity a week.", "a quarter", 0.25, "ratio"),
    ("The rate in the city was more than double that in Westerby.", "double", 2.0, "ratio"),
    ("Harbourside has twice the rate of Winterton.", "twice", 2.0, "ratio"),
    ("The Fire Control exercise has been postponed twice.", "twice", 2.0, "count"),
    ("Breaches have risen more than fivefold.", "fivefold", 5.0, "ratio"),
    ("The number of children has risen by more than half.", "more than half", 0.5, "ratio"),
])
def test_shares_and_multiples_written_as_words(text, raw, value, unit):
    got = {m.raw: (m.value, m.unit) for m in metrics_in_text(text)}
    assert raw in got and got[raw][0] == pytest.approx(value, rel=1e-6) and got[raw][1] == unit


@pytest.mark.parametrize("text", [
    "In the first half of 2024 the service grew.", "A third round of funding was agreed.",
    "Statistics are published twice a year.", "Creating linked data is about breaking data into triples.",
    "It will take at least half a day to read.", "We will double-check the figures.", "a half-day session",
])
def test_words_that_are_not_shares(text):
    assert metrics_in_text(text) == []


def test_a_fraction_restating_a_percentage_in_brackets():
    got = {m.raw: (round(m.value, 4), m.unit) for m in metrics_in_text("Two thirds (66.1%) agreed that the priorities are right.")}
    assert got == {"Two thirds": (0.6667, "ratio"), "66.1%": (66.1, "percent")}


def test_a_comparators_whole_number_in_brackets_after_a_rate_is_a_rate():
    got = {m.raw: m.unit for m in metrics_in_text(
        "Kestrelford had 48 looked after children per 10,000. This is lower than statistical neighbours (52) and England (59).")}
    assert got["52"] == "rate" and got["59"] == "rate"


def test_n_percent_cells_and_suppressed_counts_in_a_table():
    from extractors.entities.metric_items import table_metrics
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell("Category"), Cell("Kestrelford n (%)"), Cell("England %")],
            [Cell("Neglect"), Cell("247 (49.1%)"), Cell("48.1")],
            [Cell("Multiple"), Cell("<5"), Cell("4.3")]]
    table = Table(rows=rows, header_rows=1)
    doc = Document(doc_id="n", path="n.pdf", file_name="n.pdf", format="pdf", blocks=[Block(kind="table", table=table)])
    got = sorted((m.value, m.unit) for _, m in table_metrics(table, 0, doc, {}, set()))
    assert got == [(4.3, "percent"), (48.1, "percent"), (49.1, "percent"), (247.0, "count")]


@pytest.mark.parametrize("text", [
    "Source: SSDA903, 31 March 2016; DfE. <5 = fewer than five children; percentages may not sum.",
    "Counts fewer than five are suppressed and shown as <5.",
    "Source: DfE. <5 and * = suppressed",
])
def test_a_suppression_legend_gives_no_metrics(text):
    assert metrics_in_text(text) == []


def test_a_count_said_to_be_fewer_than_five_is_still_a_metric():
    assert [m.value for m in metrics_in_text("Fewer than five children were placed out of area in 2016.")] == [5.0]


@pytest.mark.parametrize("text", [
    "(b) approve the revised target dates for actions R1.1, R2.2, 6.2 and 9.1, shown as Revised.",
    "Closed areas for improvement (AFI 3, 7, 10 and 12) are reported in the update.",
    "The dashboard is used at every meeting (AFI 8).",
    "IRO capacity (see 3.2) remains a risk.",
    "Variation of Condition 2, relocation of garage.",
    "Mr James gave an update under Agenda Number 2515.",
])
def test_pointers_to_numbered_items_are_not_metrics(text):
    assert metrics_in_text(text) == []


@pytest.mark.parametrize("text, kept", [
    ("45 children were placed more than 20 miles from home.", ["45"]),
    ("Salaries of senior civil servants earning more than £150,000.", []),
    ("About one in four adults drink more than 14 units a week.", ["one in four"]),
    ("Over 300 applicants were waiting.", ["Over 300"]),
    ("The council spent over £2m on repairs.", ["over £2m"]),
])
def test_a_threshold_that_defines_what_is_counted_is_not_a_metric(text, kept):
    assert [m.raw for m in metrics_in_text(text)] == kept


@pytest.mark.parametrize("text", [
    "AFR 5 Journals over £50,000 should be approved by a second officer.",
    "Set up a 360-degree feedback process for managers.",
    "Bring a recovery plan for the wards where uptake is below 50%.",
    "Clear the backlog of overdue stage 1 complaints.",
    "Ideas from the away day (March ’24) include a discharge welcome pack.",
    "Parent Infant Relationships Levels 1 and 2",
])
def test_conditions_names_and_dates_in_action_text_are_not_metrics(text):
    assert metrics_in_text(text) == []


def test_numbers_in_an_action_plans_own_action_cells_are_metrics():
    from extractors.entities.passes import extract_all
    from extractors.metadata import extract_metadata
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell(h) for h in ("Ref", "Action", "Lead officer", "Target date")],
            [Cell("1.1"), Cell("Complete stock condition surveys of 40% of homes by 31 March 2026."),
             Cell("Head of Asset Management"), Cell("31 March 2026")],
            [Cell("1.2"), Cell("Reduce the backlog of overdue responsive repairs to below 500."),
             Cell("Repairs Manager"), Cell("June 2026")]]
    doc = Document(doc_id="a", path="a.docx", file_name="a.docx", format="docx",
                   blocks=[Block(kind="heading", text="Improvement plan", level=1),
                           Block(kind="table", table=Table(rows=rows, header_rows=1))])
    got = extract_all(doc, extract_metadata(doc))
    assert {(m["value"], m["unit"], m["parent_type"]) for m in got["metrics"]} >= {(40.0, "percent", "action"),
                                                                                    (500.0, "count", "action")}
