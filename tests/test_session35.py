"""Session 35: the item a plan table's banner states.

Councils print an action plan's recommendations as rows of their own across
the table (a merged row over the actions answering it), or as the merged
first row of one table per recommendation (which the Word loader sets before
the table as a caption). The banner may label the item ("Finding 2",
"Learning point 1", "Proposal for improvement 3", "P1"), label it without a
number ("Recommendation: ..."), or only ask someone to act ("The council
should ...", "The Ombudsman recommended that ..."). Each is the
recommendation its rows answer, and the rows' leads and dates are its own.
"""
import docx
import pytest

from word_papers import add_table, extracted

RECS = ["The council should review its complaint handling procedure so that complaints are answered within twenty working days.",
        "The council should train all housing officers in recognising and recording damp and mould hazards."]
ACTS = [[("Revise the complaints procedure and publish it on the website", "Head of Customer Services", "31 March 2027", "On track"),
         ("Introduce weekly monitoring of overdue complaints", "Customer Services Manager", "January 2027", "Complete")],
        [("Deliver damp and mould training to every housing officer", "Housing Operations Manager", "30 June 2027", "Planned")]]
HEADER = ("Action", "Lead officer", "Target date", "Progress")


def _plan(banners, per_table: bool):
    """A progress report whose plan prints each recommendation as a merged
    row: in one table under its header, or atop a table of its own."""
    d = docx.Document()
    d.add_heading("Complaints improvement plan: progress report", level=1)
    d.add_paragraph("This report sets out progress against the plan agreed in response to the Ombudsman's report.")
    t = None
    for banner, acts in zip(banners, ACTS):
        if t is None or per_table:
            t = d.add_table(rows=0, cols=len(HEADER))
            if not per_table:
                for c, h in zip(t.add_row().cells, HEADER):
                    c.text = h
        cells = t.add_row().cells
        cells[0].merge(cells[-1]).text = banner
        if per_table:
            for c, h in zip(t.add_row().cells, HEADER):
                c.text = h
        for act in acts:
            for c, v in zip(t.add_row().cells, act):
                c.text = v
        if per_table:
            d.add_paragraph("")
    return d


LABELS = {
    "asks, no label": lambda i, t: t,
    "label, no number": lambda i, t: f"Recommendation: {t}",
    "finding": lambda i, t: f"Finding {i + 1}: {t}",
    "learning point": lambda i, t: f"Learning point {i + 1} – {t}",
    "proposal for improvement": lambda i, t: f"Proposal for improvement {i + 1}: {t}",
    "code": lambda i, t: f"P{i + 1} {t}",
    "recommended that": lambda i, t: t.replace("The council should", "The Ombudsman recommended that the council should"),
}


@pytest.mark.parametrize("per_table", [False, True], ids=["one table", "a table each"])
@pytest.mark.parametrize("label", list(LABELS))
def test_a_banner_states_the_recommendation_its_rows_answer(tmp_path, label, per_table):
    rows = extracted(_plan([LABELS[label](i, t) for i, t in enumerate(RECS)], per_table), tmp_path)
    recs = rows["recommendations"]
    assert len(recs) == 2
    assert "complaint handling procedure" in recs[0]["text"] and "damp and mould" in recs[1]["text"]
    by_id = {r["rec_id"]: k for k, r in enumerate(recs)}
    assert [by_id.get(a["rec_id"]) for a in rows["actions"]] == [0, 0, 1]
    owners = {(by_id.get(o["parent_id"]), o["role"]) for o in rows["owners"] if o["parent_type"] == "recommendation"}
    assert {(0, "Head of Customer Services"), (0, "Customer Services Manager"), (1, "Housing Operations Manager")} <= owners
    assert not [o for o in rows["owners"] if o["parent_type"] == "action"]


@pytest.mark.parametrize("per_table", [False, True], ids=["one table", "a table each"])
@pytest.mark.parametrize("banner", ["Theme 1: Customer experience", "Quarter 2 2026/27",
                                    "2.3 Housing services and the repairs contract"])
def test_a_banner_naming_a_theme_or_period_is_no_recommendation(tmp_path, banner, per_table):
    rows = extracted(_plan([banner, banner.replace("1", "2")], per_table), tmp_path)
    assert rows["recommendations"] == []
    assert len(rows["actions"]) == 3


def test_a_banner_restating_a_listed_item_is_that_item(tmp_path):
    """The items listed in the report's text, then printed again in full on
    the plan's banners under another label: one recommendation each, the
    rows' leads its owners."""
    items = ["Partners should ensure that initial referral discussions are held for every adult at risk of harm within five working days.",
             "Partners should improve the quality of chronologies so that they inform risk assessment and protection planning."]
    d = docx.Document()
    d.add_heading("Adult support and protection improvement plan: progress update", level=1)
    d.add_paragraph("The joint inspection reported in March 2026 and identified two priority areas for improvement:")
    for text in items:
        d.add_paragraph(text, style="List Number")
    t = d.add_table(rows=0, cols=4)
    for c, h in zip(t.add_row().cells, ("Ref", "Action", "Lead", "Timescale")):
        c.text = h
    steps = [[("1.1", "Introduce a single referral tracker across partners", "Lead Officer, Adult Protection", "June 2026")],
             [("2.1", "Deliver chronology training to all council officers", "Learning and Development Manager", "October 2026")]]
    for k, text in enumerate(items):
        cells = t.add_row().cells
        cells[0].merge(cells[-1]).text = f"Priority area for improvement {k + 1}: {text}"
        for step in steps[k]:
            for c, v in zip(t.add_row().cells, step):
                c.text = v
    rows = extracted(d, tmp_path)
    recs = rows["recommendations"]
    assert len(recs) == 2
    by_id = {r["rec_id"]: k for k, r in enumerate(recs)}
    assert {(by_id.get(o["parent_id"]), o["role"]) for o in rows["owners"] if o["role"] != "Partners"} == \
        {(0, "Lead Officer, Adult Protection"), (1, "Learning and Development Manager")}


RECORD_RECS = ["The service should reconcile the rent account to the general ledger every month and investigate differences.",
               "Arrears cases should be reviewed against the recovery procedure and escalated within the agreed timescales."]


def _records(first, lines: str):
    """An audit's management action plan, one record a recommendation: a
    label | value table ("table"), a box of "Label: value" lines ("colon"),
    or a box with each label on a line over its value ("lines")."""
    d = docx.Document()
    d.add_heading("Internal audit report: housing rents", level=1)
    d.add_paragraph("Management action plan")
    for k, rec in enumerate(RECORD_RECS):
        pairs = [(first(k), rec), ("Priority", "Medium"),
                 ("Management response", "Agreed. Monthly reconciliations will be introduced from April."),
                 ("Responsible officer", "Rents Manager"), ("Target date", "30 April 2027")]
        t = d.add_table(rows=0, cols=2 if lines == "table" else 1)
        for label, value in pairs:
            if lines == "table":
                cells = t.add_row().cells
                cells[0].text, cells[1].text = label, value
            elif lines == "colon":
                t.add_row().cells[0].text = f"{label}: {value}"
            else:
                t.add_row().cells[0].text = label
                t.add_row().cells[0].text = value
        d.add_paragraph("")
    return d


@pytest.mark.parametrize("lines", ["table", "colon", "lines"])
@pytest.mark.parametrize("first", [lambda k: f"Recommendation {k + 1}", lambda k: f"R{k + 1}", lambda k: f"{k + 1}",
                                   lambda k: "Recommendation"], ids=["Recommendation n", "Rn", "n", "no number"])
def test_an_audit_record_gives_its_recommendation_with_its_officer_and_date(tmp_path, first, lines):
    rows = extracted(_records(first, lines), tmp_path)
    recs = rows["recommendations"]
    assert [r["text"] for r in recs] == RECORD_RECS
    ids = [r["rec_id"] for r in recs]
    assert sorted((ids.index(o["parent_id"]), o["role"]) for o in rows["owners"]) == [(0, "Rents Manager"), (1, "Rents Manager")]
    assert {(ids.index(t["parent_id"]), str(t["due_date"])) for t in rows["timescales"]
            if t["parent_type"] == "recommendation" and t["due_date"]} == {(0, "2027-04-30"), (1, "2027-04-30")}
    assert [ids.index(a["rec_id"]) for a in rows["actions"]] == [0, 1]


def _response_paper(steps_with_lines: bool):
    """A council's answer to each of an Ombudsman's recommendations, printed
    under 'Recommendation N <title>': its position, its steps under the bold
    label 'Action taken or proposed:', then either one lead line for the
    recommendation or a lead line under each step."""
    d = docx.Document()
    d.add_heading("Response to the Ombudsman's public interest report", level=1)
    d.add_heading("Recommendations", level=2)
    d.add_paragraph("The Ombudsman recommended that the Council should:")
    asks = ["Apologise to Ms B in writing for the injustice caused by the faults identified in the report within one month.",
            "Pay Ms B £1,700, calculated at £100 for each of the 17 weeks her family spent in bed and breakfast accommodation."]
    for k, ask in enumerate(asks, 1):
        d.add_paragraph(ask, style="List Number")
    d.add_heading("The Council’s response", level=2)
    titles = ["apology", "payment for the time spent in bed and breakfast accommodation"]
    steps = [["The Director of Housing wrote to Ms B on 2 June 2026 to apologise."],
             ["Agree the payment with the Finance Manager.", "Pay Ms B by bank transfer."]]
    leads = ["Andrew Pickersgill, Director of Housing", "Dawn Metcalfe, Head of Housing Solutions"]
    for k in range(2):
        d.add_heading(f"Recommendation {k + 1} – {titles[k]}", level=3)
        d.add_paragraph("Council response: Accepted and implemented.")
        d.add_paragraph().add_run("Action taken or proposed:").bold = True
        for step in steps[k]:
            d.add_paragraph(step, style="List Bullet")
            if steps_with_lines:
                d.add_paragraph(f"Lead officer: {leads[k]}")
        if not steps_with_lines:
            d.add_paragraph(f"Lead officer: {leads[k]} Completed: 4 June 2026")
    return d


def test_a_lead_line_after_the_steps_of_a_recommendation_is_its_lead(tmp_path):
    rows = extracted(_response_paper(steps_with_lines=False), tmp_path)
    recs = rows["recommendations"]
    assert [r["ref"] for r in recs] == ["1", "2"]   # the titles over the answers are the recommendations quoted above
    ids = [r["rec_id"] for r in recs]
    assert [ids.index(a["rec_id"]) for a in rows["actions"]] == [0, 1, 1]
    assert sorted((o["parent_type"], ids.index(o["parent_id"]) if o["parent_id"] in ids else None, o["role"], o["person"])
                  for o in rows["owners"]) == [("recommendation", 0, "Director of Housing", "Andrew Pickersgill"),
                                               ("recommendation", 1, "Head of Housing Solutions", "Dawn Metcalfe")]


def test_lead_lines_under_each_step_stay_the_steps(tmp_path):
    rows = extracted(_response_paper(steps_with_lines=True), tmp_path)
    assert {o["parent_type"] for o in rows["owners"]} == {"action"}
    assert len(rows["owners"]) == 3


@pytest.mark.parametrize("text, recurrences", [
    ("Agree every placement at a weekly placement panel chaired by a head of service.", []),
    ("Hold a fortnightly drift and permanence panel for every child in care.", []),
    ("Hold weekly meetings with the provider until the backlog is cleared.", ["weekly"]),
    ("Introduce a monthly performance scorecard for the Improvement Board.", ["monthly"]),
    ("Report supervision compliance to the Board every month.", ["monthly"]),
])
def test_a_meeting_s_cycle_is_no_timescale_of_the_step(text, recurrences):
    """'a weekly placement panel' names the body the step uses and how often it
    sits; it is not when the step is due or how often it recurs (the labels
    of 255 dev papers take it so 29 times in 39)."""
    from extractors.entities.timescales.sentences import find_due_dates_in_sentence
    assert [t.recurrence for t in find_due_dates_in_sentence(text)] == recurrences


@pytest.mark.parametrize("header", ["Recommendations of the task and finish group", "What we recommend",
                                    "What the Ombudsman recommended"])
def test_a_column_named_for_recommendations_lists_them(tmp_path, header):
    recs = ["The council should publish a register of licensed private rented homes and update it every month.",
            "Landlords with repeated category 1 hazards should be prioritised for inspection within ten working days."]
    d = docx.Document()
    d.add_heading("Private rented sector housing standards: scrutiny review", level=1)
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "No.", header
    for k, rec in enumerate(recs, 1):
        cells = t.add_row().cells
        cells[0].text, cells[1].text = str(k), rec
    rows = extracted(d, tmp_path)
    assert [(r["ref"], r["text"]) for r in rows["recommendations"]] == [("1", recs[0]), ("2", recs[1])]


def test_a_who_and_when_line_under_a_step_is_no_step_of_its_own(tmp_path):
    """A log's response cell: the answer, then "(Committee, 10 September 2026)"
    on a line of its own. That line gave an action with no words; its date is
    the step's above."""
    d = docx.Document()
    d.add_heading("Pensions Committee: log of recommendations", level=1)
    add_table(d, [["Ref", "Recommendation", "Committee response"], *[("1", "The Fund should set a target for employers submitting contribution data on time.",
                 "Accepted. A target of 95% of employers submitting on time was included in the Administration Strategy "
                 "approved on 10 September 2026.\n(Committee, 10 September 2026)")]])
    rows = extracted(d, tmp_path)
    assert all(a["text"].strip() for a in rows["actions"])
    assert len(rows["actions"]) == 1
    assert [str(x["due_date"]) for x in rows["timescales"] if x["parent_id"] == rows["actions"][0]["action_id"]] == ["2026-09-10"]


def test_a_post_is_its_holder_s_whatever_its_punctuation(tmp_path):
    """The key prints 'Assistant Chief Fire Officer, Service Delivery' with its
    holder; the register's Owner cell 'Assistant Chief Fire Officer (Service
    Delivery)': the same post, so the same person."""
    d = docx.Document()
    d.add_heading("Strategic risk register", level=1)
    add_table(d, [["Ref", "Mitigating action", "Owner", "Target date"], *[("SR1", "Complete the review of on-call availability", "Assistant Chief Fire Officer (Service Delivery)", "March 2027"),
                ("SR2", "Agree the medium-term financial plan", "Treasurer", "February 2027")]])
    d.add_paragraph("Key to posts")
    add_table(d, [["Abbreviation", "Post", "Postholder"], *[("ACFO (SD)", "Assistant Chief Fire Officer, Service Delivery", "Gareth Hosken"),
                ("CFO", "Chief Fire Officer", "Helen Marsh"),
                ("T", "Treasurer", "Alun Tremayne")]])
    rows = extracted(d, tmp_path)
    assert ("Assistant Chief Fire Officer (Service Delivery)", "Gareth Hosken") in {(o["role"], o["person"]) for o in rows["owners"]}


def test_a_members_key_run_into_one_paragraph_names_the_chair(tmp_path):
    d = docx.Document()
    d.add_heading("Youth Justice Management Board – action tracker", level=1)
    d.add_paragraph("Leads are shown by their initials, as below.")
    d.add_paragraph("Daniel Ashworth (DA), Director of Children’s Services, Eyrecombe Council – Chair Gareth Pugh (GP), "
                    "Head of Probation Delivery Unit Superintendent Carys Bevan (CB), Eyre Valley Police – Vice-Chair")
    add_table(d, [["No.", "Action", "Lead", "Due"], *[("1", "Write to the three schools about the attendance protocol", "Chair", "December 2026"),
                ("2", "Circulate the custody review findings", "GP", "January 2027")]])
    rows = extracted(d, tmp_path)
    assert {(o["role"], o["person"]) for o in rows["owners"]} == {("Chair", "Daniel Ashworth"), (None, "Gareth Pugh")}


def test_initials_name_their_holder_however_the_cell_prints_them(tmp_path):
    """A key table 'Name | (INI) | Post' (a hyphenated surname gives its two
    initials: 'GAB'); Owner cells 'PG Head of Commissioning (Adults)' (the
    initials before the post) and 'GAB and LSCP Business Manager' (a person
    and a post)."""
    d = docx.Document()
    d.add_heading("Safeguarding Adults Board executive group – action log", level=1)
    d.add_paragraph("Present")
    key = d.add_table(rows=0, cols=3)
    for row in [("Gillian Ashworth-Brown", "(GAB)", "Independent Chair"),
                ("Peter Gaskell", "(PG)", "Head of Commissioning (Adults)"),
                ("Sarah Lindqvist", "(SL)", "Director of Adult Social Services")]:
        for c, v in zip(key.add_row().cells, row):
            c.text = v
    d.add_paragraph("Actions")
    add_table(d, [["Action", "Lead", "Due"], *[("Circulate the revised escalation protocol to partners", "PG Head of Commissioning (Adults)", "January 2027"),
                ("Agree the board's budget for 2027/28", "GAB and LSCP Business Manager", "March 2027")]])
    rows = extracted(d, tmp_path)
    got = {(o["role"], o["person"]) for o in rows["owners"]}
    assert ("Head of Commissioning (Adults)", "Peter Gaskell") in got
    assert (None, "Gillian Ashworth-Brown") in got and ("LSCP Business Manager", None) in got


HIGHWAY_RECS = ["The council should publish its highway maintenance plan with a list of schemes for each year.",
                "The council should report the condition of its roads to the committee every six months."]
HIGHWAY_ANSWERS = ["Accepted. The plan will be published in April 2027 with the list of schemes for 2027/28.",
                   "Partially accepted. Road condition will be reported every year, when the survey data are available."]


@pytest.mark.parametrize("label, ref", [(lambda k: f"Recommendation {['One', 'Two'][k]}: ", "1"),
                                        (lambda k: f"Recommendation ({k + 1}) ", "1"),
                                        (lambda k: f"{['First', 'Second'][k]} recommendation: ", "1"),
                                        (lambda k: f"TFG{k + 1}: ", "TFG1")],
                         ids=["spelled", "bracketed", "ordinal", "coded"])
def test_an_item_numbered_in_words_or_by_a_code_is_read_with_its_answer(tmp_path, label, ref):
    d = docx.Document()
    d.add_heading("Executive response to the scrutiny review of highway maintenance", level=1)
    d.add_paragraph("This report sets out the Executive's response to the recommendations of the task and finish group.")
    for k, (rec, answer) in enumerate(zip(HIGHWAY_RECS, HIGHWAY_ANSWERS)):
        d.add_paragraph(label(k) + rec)
        d.add_paragraph("Executive response: " + answer)
    rows = extracted(d, tmp_path)
    assert [r["text"] for r in rows["recommendations"]] == HIGHWAY_RECS
    assert [(r["rec_ref"], r["status"]) for r in rows["responses"]][0] == (ref, "accepted")
    assert [r["status"] for r in rows["responses"]] == ["accepted", "partially_accepted"]


def test_answers_labelled_with_the_number_of_an_item_listed_before(tmp_path):
    """The recommendations listed, then 'Recommendation 1: Accepted. ...': the
    label names the item answered and the words are the answer."""
    d = docx.Document()
    d.add_heading("Executive response to the scrutiny review of highway maintenance", level=1)
    d.add_paragraph("The task and finish group recommended that:")
    for rec in HIGHWAY_RECS:
        d.add_paragraph(rec, style="List Number")
    d.add_heading("Response to the recommendations", level=2)
    for k, answer in enumerate(HIGHWAY_ANSWERS, 1):
        d.add_paragraph(f"Recommendation {k}: {answer}")
    rows = extracted(d, tmp_path)
    assert [r["text"] for r in rows["recommendations"]] == HIGHWAY_RECS
    assert [(r["rec_ref"], r["status"], r["text"]) for r in rows["responses"]] == \
        [("1", "accepted", HIGHWAY_ANSWERS[0]), ("2", "partially_accepted", HIGHWAY_ANSWERS[1])]
    by_ref = {r["ref"]: r["rec_id"] for r in rows["recommendations"]}
    assert [r["rec_id"] for r in rows["responses"]] == [by_ref["1"], by_ref["2"]]


@pytest.mark.parametrize("lead", ["The task and finish group recommended that:", "The task and finish group made two recommendations."])
def test_a_numbered_list_of_asks_under_a_body_s_recommending_lead_in(tmp_path, lead):
    d = docx.Document()
    d.add_heading("Executive response to the scrutiny review of highway maintenance", level=1)
    d.add_paragraph(lead)
    for rec in HIGHWAY_RECS:
        d.add_paragraph(rec, style="List Number")
    rows = extracted(d, tmp_path)
    assert [(r["ref"], r["text"], r["kind"]) for r in rows["recommendations"]] == \
        [("1", HIGHWAY_RECS[0], "improvement"), ("2", HIGHWAY_RECS[1], "improvement")]


def test_answers_in_a_column_named_for_progress(tmp_path):
    """'Recommendation | Update' whose cells open with the position taken
    ('Accepted. ...', 'Partially accepted – ...'): the answers."""
    d = docx.Document()
    d.add_heading("Damp and mould scrutiny review: response and progress", level=1)
    t = d.add_table(rows=1, cols=3)
    for c, h in zip(t.rows[0].cells, ["No.", "Recommendation", "Update"]):
        c.text = h
    for k, (rec, answer) in enumerate(zip(HIGHWAY_RECS, HIGHWAY_ANSWERS), 1):
        for c, v in zip(t.add_row().cells, (str(k), rec, answer)):
            c.text = v
    rows = extracted(d, tmp_path)
    assert [(r["rec_ref"], r["status"]) for r in rows["responses"]] == [("1", "accepted"), ("2", "partially_accepted")]


@pytest.mark.parametrize("glyph", ["\uf06e", "\uf06c", "\uf071"])
def test_a_wingdings_bullet_is_a_bullet(glyph):
    """An Ofsted letter's '■' bullets set in Wingdings reach the text layer as
    the private-use U+F06E: a bullet, not the first character of the point
    (it stayed in the text of a real letter's recommendation)."""
    from extractors.numbering import split_numbering
    assert split_numbering(f"{glyph} Return home interviews are not consistently informing safety planning.") == \
        ("•", "Return home interviews are not consistently informing safety planning.")


@pytest.mark.parametrize("sentence", [
    "Members asked for a breakdown of Discharge Fund spend by provider, which Tom Redfern agreed to circulate.",
    "The Chair asked for a recovery plan rather than a new date alone; DA agreed to take this back to MF.",
    "Dr Siddiqui agreed that the ICB would review the need for an extended-hours service in Westwood.",
])
def test_one_person_agreeing_to_act_is_no_decision_of_the_meeting(tmp_path, sentence):
    d = docx.Document()
    d.add_heading("Health and Wellbeing Board – minutes of the meeting held on 18 November 2026", level=1)
    d.add_paragraph("Present: Cllr Ann Hale (Chair), Tom Redfern, Dr Amir Siddiqui, Dawn Ainsworth (DA), Mark Fell (MF)")
    d.add_paragraph("45. Hospital discharge", style="Heading 2")
    d.add_paragraph(sentence)
    rows = extracted(d, tmp_path)
    assert not [r["text"] for r in rows["recommendations"] if r["kind"] == "decision"]
