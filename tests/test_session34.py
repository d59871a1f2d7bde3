"""Forms read in session 34 (see docs/design.md, "session 34")."""
from extractors.entities import minutes
from extractors.entities.action_plans import split_actions
from extractors.entities.columns import classify_columns, is_action_plan
from tests.word_papers import add_table, extracted, word_doc


_doc = word_doc


def test_a_body_that_says_it_will_and_a_list_of_milestones_lead_into_steps(tmp_path):
    d = _doc(["# Commitment 10",
              "The UK government will:",
              "* promptly publish all new primary and secondary legislation on legislation.gov.uk",
              "* make legislative data available in an open and accessible format",
              "# Commitment 1",
              "The key milestones for the delivery of this commitment are for:",
              "* departments to provide release dates for datasets in the first iteration by December 2013",
              "* departments to develop internal processes which identify unpublished datasets by March 2014",
              "# Aid",
              "Being transparent about aid flows helps:",
              "* governments to better plan and manage the aid they receive"])
    got = [a["text"][:24] for a in extracted(d, tmp_path)["actions"]]
    assert got == ["promptly publish all new", "make legislative data av",
                   "departments to provide r", "departments to develop i"]
    # (what a thing helps is no list of steps: "Being transparent about aid flows helps:")


def test_a_column_of_plans_in_place_to_deliver_an_aim_holds_the_actions():
    roles = classify_columns(["What we have committed to", "Strategies / plans in place to deliver"])
    assert roles == {"action": [1], "aim": [0]} and is_action_plan(roles)
    # the aim's header may carry its period in brackets
    roles = classify_columns(["What we have committed to (up until end of 2024)", "Plans in Place to Deliver"])
    assert roles["action"] == [1]
    # two columns of steps with no aim: the first, as before
    assert classify_columns(["Actions", "Plans in place to deliver"])["action"][0] == 0


def test_a_plan_table_skips_an_aims_title_across_it_and_reads_a_cell_of_names_a_line_each(tmp_path):
    d = _doc(tables=[[["What we have committed to", "Strategies / plans in place to deliver"],
                      ["Strive for children to be healthy", "Strive for children to be healthy"],
                      ["Give more support to those at risk",
                       "Children in Care Strategy – KCC\nLooked After Children project area\nRefugee resettlement programmes"],
                      ["Reduce substance misuse", "Support delivery of Kent Drug and\nAlcohol Strategy"]]])
    got = [a["text"] for a in extracted(d, tmp_path)["actions"]]
    assert got == ["Children in Care Strategy – KCC", "Looked After Children project area",
                   "Refugee resettlement programmes", "Support delivery of Kent Drug and Alcohol Strategy"]


def test_a_cell_of_names_splits_a_line_each_unless_a_line_runs_on_or_is_labelled():
    assert split_actions("Family Hubs programme\nKCC net zero plan\nKent Estates Partnership") == [
        "Family Hubs programme", "KCC net zero plan", "Kent Estates Partnership"]
    # a line that stops on "of" / "(subject to" runs on into the next
    assert split_actions("Support delivery of\nKent Drug Strategy\nHoliday Activities (subject to\nGovernment funding)\n"
                         "Family Hubs offer") == [
        "Support delivery of Kent Drug Strategy", "Holiday Activities (subject to Government funding)", "Family Hubs offer"]
    # who and when printed as labelled lines under a step are not steps of their own
    got = split_actions("Review the bin collection routes\nOwner: Waste Services Manager\nTarget: 31/03/2027")
    assert got and all(not g.startswith(("Owner", "Target")) for g in got)


def test_undertakings_of_councillors_named_together_and_of_offices_minutes_name():
    assert minutes.undertaking("Cllrs Shewell & Cobb agreed to look at it and report back.")[1] == "Cllrs Shewell & Cobb"
    assert minutes.undertaking("He also agreed to go back to MCC and get some proposals.")[1] == "He"
    assert minutes.undertaking("Cllr Evans stated he is going to start a campaign for a zebra crossing.")[1] == "Cllr Evans"
    assert minutes.undertaking("The Deputy Clerk undertook to chase the lighting contractor.")[1] == "The Deputy Clerk"
    assert minutes.undertaking("The Portfolio Holder undertook to send her a written reply within 14 days.")[1] == \
        "The Portfolio Holder"
    assert minutes.undertaking("Members will respond individually.")[1] == "Members"
    # what someone says a body will do: the body acts ("the ICB" as "ICB")
    assert minutes.undertaking("AS said that the ICB would consider the report's recommendation.")[1] == "ICB"
    # not a wish, and not the meeting agreeing to a proposal
    assert minutes.undertaking("Members would like a report on this.") is None
    assert minutes.undertaking("The Board agreed to this.") is None


def test_tag_lines_go_to_the_sentences_whose_subject_they_name_when_there_are_more_sentences(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("Minutes of the meeting of the Improvement Board held on 12 November 2025")
    add_table(d, [["Name", "Role"], ["Anita Crowe (AC)", "LGA adviser"], ["Tom Veasey (TV)", "Risk manager"]])
    d.add_paragraph("")
    add_table(d, [["Item", "Discussion", "Action"],
                  ["6", "AC reported that the LGA would fund up to 10 days of mentoring. She would identify a member peer "
                        "mentor. TV said that the framework had been refreshed. He offered to share the framework.",
                   "AC – 30 Nov TV – Dec 2025"]])
    got = extracted(d, tmp_path)
    by_id = {a["action_id"]: a["text"][:14] for a in got["actions"]}
    due = {by_id[t["parent_id"]]: str(t["due_date"]) for t in got["timescales"] if t["parent_id"] in by_id}
    assert due == {"She would iden": "2025-11-30", "He offered to ": "2025-12-31"}


def test_a_resolution_over_lettered_parts_grouped_under_titles_gives_every_part(tmp_path):
    d = _doc(["Minutes of a meeting of the County Council held on 13 February 2025",
              "Budget 2025-26",
              "(27) RESOLVED that:",
              "County Council, having given due regard to the s25 Report, is asked to agree the following:",
              "2025-35 Capital Programme",
              "(a) The 10-year Capital programme and investment proposals of £1,419m.",
              "(b) The directorate capital programmes as set out in appendices A & B.",
              "2025-26 Council Tax",
              "(c) To increase Council Tax band rates up to the maximum permitted without a referendum.",
              "In addition:",
              "(d) To delegate authority to the Chief Executive to agree any other non-pay related changes.",
              "Chairman's Announcements",
              "The Chairman thanked members."])
    got = [(r["ref"], r["text"][:20]) for r in extracted(d, tmp_path)["recommendations"] if r["kind"] == "decision"]
    assert got == [("(a)", "The 10-year Capital "), ("(b)", "The directorate capi"), ("(c)", "To increase Council "),
                   ("(d)", "To delegate authorit")]


def test_a_plans_timescales_heading_heads_the_steps_under_it_up_to_a_lead_in_that_is_no_plan(tmp_path):
    d = _doc(["# Commitment 2",
              "NHS England will work with governments to create an online space to share experiences.",
              "Timescales",
              "* website established (October 2013)",
              "* accreditation system established (Autumn 2014)",
              "Being transparent about aid flows helps:",
              "* governments to better plan and manage the aid they receive"])
    got = [a["text"] for a in extracted(d, tmp_path)["actions"]]
    assert "website established (October 2013)" in got and "accreditation system established (Autumn 2014)" in got
    assert not any(t.startswith("governments to better plan") for t in got)


def test_a_resolution_that_the_council_resolves_gives_its_numbered_to_parts(tmp_path):
    d = _doc(["Minutes of a meeting of the County Council held on 19 December 2024",
              "Motion – Family Farm Tax",
              "RESOLVED that the County Council resolves:",
              "1. To declare our complete solidarity with the farmers of Kent.",
              "2. To request that the Leader of the Council writes to the Chancellor of the Exchequer.",
              "The Chairman proposed that the meeting be extended."])
    got = [r["text"][:20] for r in extracted(d, tmp_path)["recommendations"] if r["kind"] == "decision"]
    assert got[:2] == ["To declare our compl", "To request that the "]


def test_a_part_that_notes_a_thing_is_no_step_and_work_reported_under_way_is():
    from extractors.entities.narrative import NOT_ACTION_START
    assert NOT_ACTION_START.match("Note that acceptance onto the Programme may lead to the elections scheduled for May 2025 "
                                  "being postponed")
    assert minutes.undertaking("Work was still underway to improve completion timescales for Subject Access Requests.") == \
        ("Work was still underway to improve completion timescales for Subject Access Requests.", None)
    assert minutes.undertaking("Discussions were ongoing as to how to measure and report on school performance.")
    assert minutes.undertaking("Work would continue with all stakeholders to ensure timely delivery.")
    # a passive step with when it is due; not one without ("It will be ...", or no when)
    assert minutes.undertaking("The dataset will be released by the end of June.")[1] is None
    assert minutes.undertaking("It will be released by June.") is None
    assert minutes.undertaking("The report was felt to be useful.") is None


def test_what_would_need_to_be_done_is_no_step():
    assert minutes.undertaking("Assessments would then need to be undertaken to identify any strategic implications.") is None
    assert minutes.undertaking("Annual report to be presented at the June meeting.")[1] is None
    # a passive step's when is a date, a season or the next meeting, not any "in"
    assert minutes.undertaking("Inspections would be presented as four grades in the existing sub-categories.") is None
    assert minutes.undertaking("The report will be published in March 2027.")[1] is None


def test_councillors_named_together_own_a_step_each():
    assert minutes.owners_of("Cllrs Hayward & Cobb", "") == [(None, "Cllr Hayward", "Hayward"), (None, "Cllr Cobb", "Cobb")]


def test_a_votes_tally_is_a_count_however_small():
    from extractors.entities.metric_items import metrics_from_text
    from extractors.entities.items import Prov
    got = {t: [m.value for m in metrics_from_text(t, Prov(page=1, source_text=t, locator="x"))]
           for t in ("For (9)", "Against (0)", "Abstain (2)", "Abstain (0) Motion lost.")}
    assert got == {"For (9)": [9.0], "Against (0)": [0.0], "Abstain (2)": [2.0], "Abstain (0) Motion lost.": [0.0]}
    # a paragraph's own number in brackets stays no metric
    assert metrics_from_text("(9) The Chairman put the motion to the vote.", Prov(page=1, source_text="", locator="x")) == []


def test_a_listed_step_opening_with_those_who_are_to_take_it_names_them(tmp_path):
    d = _doc(["The key milestones for the delivery of this commitment are for:",
              "* departments to provide release dates for datasets by December 2013",
              "* all central government departments to highlight statutory datasets by April 2014",
              "* data to be released in open formats by June 2014"])
    got = extracted(d, tmp_path)
    by_id = {a["action_id"]: a["text"][:12] for a in got["actions"]}
    assert sorted((by_id[o["parent_id"]], o["role"]) for o in got["owners"]) == [
        ("all central ", "central government departments"), ("departments ", "departments")]


def test_an_undertaking_reported_after_a_lead_clause_and_around_a_condition():
    said = ("In response to how devolution would affect the risk register, it was confirmed that officers would, subject "
            "to the outcome of the decision taken by Cabinet, create a programme of work with services.")
    assert minutes.undertaking(said) == (said, "officers")
    assert minutes.undertaking("It was noted that the report, which was long, had been useful.") is None


def test_a_stated_intention_is_an_undertaking():
    said = "Mr Gough stated his intention, if the Council applied to join the DPP, to submit a request to government."
    assert minutes.undertaking(said) == (said, "Mr Gough")
    assert minutes.undertaking("Cllr Evans stated his intention to stand down at the May meeting.")[1] == "Cllr Evans"


def test_work_reported_to_continue_inside_a_sentence_is_a_step():
    said = ("Regarding the Entry/Exit System Mr Gough expressed his preference for a phased approach and highlighted "
            "that work would continue with partners to prepare contingency plans.")
    assert minutes.undertaking(said) == (said, None)
    assert minutes.undertaking("She said that the work had been well received.") is None


def test_a_minutes_bullet_read_by_its_first_sentence_is_not_read_again_whole(tmp_path):
    d = _doc(["Minutes of the meeting of the Cabinet held on 30 January 2025",
              "# Cabinet Member updates",
              "* Work was ongoing with the implementation plan for the economic framework. Recent efforts included "
              "the creation of innovation partnerships."])
    got = [a["text"] for a in extracted(d, tmp_path)["actions"]]
    assert got == ["Work was ongoing with the implementation plan for the economic framework."]
