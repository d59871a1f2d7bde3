"""Action logs and minutes in the layouts boards use (issue 13): title and
group rows over a log's columns, logs on pages stored portrait with
/Rotate 90, minutes in reported speech, numbered action lines, minutes set
out as an Item | Discussion | Action table, owners printed as initials,
footnote markers, and due cells that name the next meeting."""
from __future__ import annotations

from pathlib import Path

import re

import pytest

from extractors.entities import minutes
from extractors.entities.passes import extract_all
from extractors.entities.timescales.cells import parse_timescales
from extractors.loaders import load_document
from extractors.loaders.pdf_chars import mark_scripts
from extractors.metadata import extract_metadata
from extractors.model import Block, Cell, Document, Table

PAPERS = Path(__file__).resolve().parent / "fixtures" / "papers"


def _table(rows: list[list[str]], header_rows: int) -> Table:
    return Table(rows=[[Cell(t) for t in r] for r in rows], header_rows=header_rows)


def test_a_title_row_over_the_columns_names_no_column():
    t = _table([["ACTION LOG JULY 2013"] * 4, ["No.", "Action", "Owner", "Due date"], ["1", "Do it", "Clerk", "May"]], 2)
    assert t.header == ["No.", "Action", "Owner", "Due date"]


def test_a_bold_group_row_under_the_columns_names_no_column():
    t = _table([["No", "Action", "Lead", "Progress"], ["Meeting of 14 May 2013"] * 4, ["1", "Do it", "Clerk", "Done"]], 2)
    assert t.header == ["No", "Action", "Lead", "Progress"]


def test_two_real_header_rows_are_still_joined():
    t = _table([["Quarter 1", "Quarter 1", "Quarter 2"], ["Actual", "Target", "Actual"], ["1", "2", "3"]], 2)
    assert t.header == ["Quarter 1 Actual", "Quarter 1 Target", "Quarter 2 Actual"]


def _char(text, x0, top, size):
    return {"text": text, "x0": x0, "x1": x0 + size * 0.5, "top": top, "bottom": top + size, "size": size}


def test_raised_small_digits_are_footnote_markers_and_lowered_ones_subscripts():
    line = [_char("t", 0, 100, 10), _char("o", 5, 100, 10), _char("n", 10, 100, 10),
            _char("5", 15, 97, 6), _char("2", 18, 97, 6), _char(" ", 21, 100, 10),
            _char("C", 25, 100, 10), _char("O", 30, 100, 10), _char("2", 35, 106, 6),
            _char(" ", 38, 100, 10), _char("4", 42, 100, 10), _char("2", 47, 100, 10)]
    mark_scripts(line)
    text = "".join(c["text"] for c in line)
    assert text == "ton\u2075\u00b2 CO\u2082 42"


def test_a_marker_set_at_four_fifths_size_and_raised_is_a_footnote_marker():
    """Word and typesetters print markers at 60-85% of the text size."""
    line = [_char("1", 0, 100, 11), _char(")", 6, 100, 11), _char(".", 10, 100, 11), _char("2", 14, 96, 9)]
    mark_scripts(line)
    assert "".join(c["text"] for c in line) == "1).\u00b2"
    same_size = [_char("a", 0, 100, 11), _char("2", 6, 100, 10)]   # a digit on the line, hardly smaller
    mark_scripts(same_size)
    assert same_size[1]["text"] == "2"


def test_a_marker_before_the_next_lines_paragraph_number_is_still_a_marker():
    """'... poor condition.⁷' then '7. The Department ...' on the next line: two runs of digits."""
    chars = [_char("n", 0, 100, 11), _char(".", 6, 100, 11), _char("7", 9, 96, 9),
             _char("7", 0, 125, 11), _char(".", 6, 125, 11), _char("T", 12, 125, 11)]
    mark_scripts(chars)
    assert "".join(c["text"] for c in chars) == "n.\u20777.T"


def test_a_small_digit_alone_on_its_line_is_left_alone():
    chars = [_char("4", 300, 800, 7), _char("D", 0, 812, 10), _char("u", 6, 812, 10)]
    mark_scripts(chars)
    assert chars[0]["text"] == "4"


def test_officers_named_by_any_post_title_and_an_officers_line_of_attendees():
    assert minutes.undertaking("The Democratic Services Officer agreed to circulate it by 31 October.")[1] == \
        "The Democratic Services Officer"
    assert minutes.undertaking("The Service Improvement Manager would report back in January.")[1] == \
        "The Service Improvement Manager"
    doc = Document(doc_id="o", path="o.txt", file_name="o.txt", format="txt", blocks=[
        Block(kind="paragraph", text="Officers: Sarah Patel (Director of Housing), Gareth Lowe (Head of Repairs)")])
    assert minutes.initials(doc) == {"SP": "Sarah Patel", "GL": "Gareth Lowe"}


def test_reported_speech_and_passive_deliveries_are_undertakings():
    assert minutes.undertaking("MCO would write shortly to ministers in these departments.")[1] == "MCO"
    assert minutes.undertaking("The Transparency team will continue implementation planning.")[1] == "The Transparency team"
    assert minutes.undertaking("Heather Brown would write a short paper for the October meeting.")[1] == "Heather Brown"
    assert minutes.undertaking("Contacts would be forwarded to the Transparency Team.") == (
        "Contacts would be forwarded to the Transparency Team.", None)
    # wishes, views and the meeting's general statements are not
    assert minutes.undertaking("MCO would like to see the published accounts.") is None
    assert minutes.undertaking("It would be forwarded to the team.") is None
    assert minutes.owners_of("Heather Brown", "") == [(None, "Heather Brown", "Heather Brown")]
    assert minutes.owners_of("The Transparency team", "") == [("Transparency team", None, "The Transparency team")]


def test_initials_come_from_the_attendance_lines():
    doc = Document(doc_id="x", path="x.txt", file_name="x.txt", format="txt",
                   blocks=[Block(kind="paragraph", text="Present: Jane Okafor (Chair), Tom Reid, Dr Ravi Patel and Tina Rowe"),
                           Block(kind="paragraph", text="Apologies: Sarah Jones")])
    names = minutes.initials(doc)
    assert names["JO"] == "Jane Okafor" and names["RP"] == "Ravi Patel" and names["SJ"] == "Sarah Jones"
    assert "TR" not in names   # Tom Reid and Tina Rowe share it
    doc = Document(doc_id="y", path="y.txt", file_name="y.txt", format="txt", blocks=[
        Block(kind="paragraph", text="Officers in attendance: Owen Pritchard (Assistant Director, Social Care), "
                                     "Sunita Rao (Head of Service)")])
    assert minutes.initials(doc) == {"OP": "Owen Pritchard", "SR": "Sunita Rao"}


def test_minutes_in_word_give_numbered_actions_table_actions_and_initialled_owners():
    doc = load_document(PAPERS / "harbourne_panel_minutes_2013-06-11.docx")
    rows = extract_all(doc, extract_metadata(doc))
    actions = {a["action_id"]: a for a in rows["actions"]}
    texts = sorted(a["text"] for a in actions.values())
    assert any(t.startswith("Secretariat to draft a letter") for t in texts)
    assert any(t.startswith("Tom Reid to collect examples") for t in texts)
    assert "A summary of the responses will be circulated to members in July." in texts
    assert not any("noted the update" in t for t in texts)   # no one in its Action cell
    # "Action 1: ..." lines are actions, not plan items
    assert not any(r["kind"] == "improvement" for r in rows["recommendations"])
    summary = next(k for k, a in actions.items() if a["text"].startswith("A summary"))
    owner = next(o for o in rows["owners"] if o["parent_id"] == summary)
    assert owner["person"] == "Ravi Patel" and owner["role"] is None


def test_a_log_on_a_rotated_page_keeps_its_right_hand_columns_and_reads_its_group_rows():
    doc = load_document(PAPERS / "harbourne_panel_action_log_2013-07.pdf")
    rows = extract_all(doc, extract_metadata(doc))
    status = {a["text"][:12]: a["status_text"] for a in rows["actions"]}
    assert len(rows["actions"]) == 6
    assert status["Secretariat "] == "Letter sent 12 July; reply awaited"
    assert status["Update the p"] == "Draft circulated to members"
    assert not rows["metrics"]   # action numbers, dates raised and the paper code are not metrics


def test_a_due_cell_naming_the_next_meeting_is_a_relative_timescale():
    (t,) = parse_timescales("By the next Board meeting")
    assert t.due_date is None and t.relative == "By the next Board meeting"
    assert parse_timescales("Next week") == []


def test_a_board_papers_code_meeting_and_table_title_are_its_metadata():
    doc = load_document(PAPERS / "harbourne_panel_action_log_2013-07.pdf")
    meta = extract_metadata(doc)
    assert meta["report_ref"] == "HDP(13)07"                   # "Paper HDP(13)07 – for the meeting of 16 July 2013"
    assert str(meta["meeting_date"]) == "2013-07-16"
    assert meta["title"].startswith("HARBOURNE DATA PANEL – ACTION LOG")   # the table's title row


def _named(lines: list[str], file_name: str) -> Document:
    return Document(doc_id="x", path=file_name, file_name=file_name, format="txt",
                    blocks=[Block(kind="paragraph", text=t) for t in lines])


def test_a_meeting_day_printed_without_a_year_takes_the_year_of_the_file_name():
    doc = _named(["Public Sector Transparency Board – 19th May Lessons learned on crime data", "Introduction",
                  "Since January 2011, monthly data has been published."], "TB(6)2 2011-05-16 Lessons learned.txt")
    assert str(extract_metadata(doc)["meeting_date"]) == "2011-05-19"
    # a date in the file name alone is not the meeting's (it may be when the paper was published)
    doc = _named(["Lessons learned on crime data", "Since January 2011, monthly data has been published."],
                 "2011-05-16 Lessons learned.txt")
    assert extract_metadata(doc)["meeting_date"] is None


def _text_doc(text: str) -> Document:
    from extractors.loaders.text import load
    return load(text.encode(), path="t.txt", doc_id="t")


def test_a_column_of_themes_is_not_read_as_who_acts():
    # a plan's 'What we have committed to' column of short themes beside its plans
    doc = _text_doc("Health and wellbeing plan\n\nWhat we have committed to\tStrategies / plans in place to deliver\n"
                    "Social prescribing\tLink the healthy lives programme to social prescribing across the county\n"
                    "Local Economy\tCommissioned providers pay the real living wage and recruit locally\n")
    got = extract_all(doc, extract_metadata(doc))
    # (session 34: the plans column holds the steps that deliver each commitment - the gold of the
    # Kent appendix this comes from labels them - and the themes beside them own none of them)
    assert [a["text"][:20] for a in got["actions"]] == ["Link the healthy liv", "Commissioned provide"]
    assert got["owners"] == []
    # a minute's Action column of offices and initials is
    doc = _text_doc("Data Panel\nMinutes of the meeting held on 3 May 2024\n\nItem\tDiscussion\tAction\n"
                    "1\tThe Secretariat will circulate the revised terms of reference to members.\tSecretariat\n"
                    "2\tThe panel noted the update on the register.\t\n"
                    "3\tJane Okafor will write to the Department about the licence.\tJO\n")
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"][:16] for a in got["actions"]] == ["The Secretariat ", "Jane Okafor will"]


def _minutes(*texts: str) -> Document:
    blocks = [Block(kind="paragraph", text="Minutes of the Annual General Meeting of the Council held on 20 May 2019")]
    return Document(doc_id="m", path="m.txt", file_name="m.txt", format="txt",
                    blocks=blocks + [Block(kind="paragraph", text=t) for t in texts])


def test_a_motion_proposed_and_seconded_is_a_decision_with_what_it_decided():
    doc = _minutes("808. Election of Chairman for 2019/20: Cllr Shewell, proposed by Cllr Hayward, seconded by Cllr Evans.",
                   "Tintern Charities – Cllr Shewell & County Cllr Webb.",
                   "Proposed by Cllr Hayward, seconded by Cllr Evans.",
                   "2697. 3 Year agreement proposed by Cllr Richards, seconded by Cllr Evans. All Councillors present "
                   "unanimously agreed.",
                   "2704. Cllr Hayward suggested it be re-sited on Fryer's Wharf. All Cllrs agreed to this proposal.")
    texts = [r["text"] for r in extract_all(doc, extract_metadata(doc))["recommendations"] if r["kind"] == "decision"]
    assert texts == [
        "Election of Chairman for 2019/20: Cllr Shewell, proposed by Cllr Hayward, seconded by Cllr Evans.",
        # the seconding line the line break cut from its item goes with the item
        "Tintern Charities – Cllr Shewell & County Cllr Webb. Proposed by Cllr Hayward, seconded by Cllr Evans.",
        # one motion, one decision
        "3 Year agreement proposed by Cllr Richards, seconded by Cllr Evans. All Councillors present unanimously agreed.",
        "Cllr Hayward suggested it be re-sited on Fryer's Wharf. All Cllrs agreed to this proposal."]


def test_a_clerks_instruction_without_its_to_and_a_task_named_first_are_undertakings():
    assert minutes.undertaking("Clerk inform the Charity of this.")[1] == "Clerk"
    assert minutes.undertaking("Clerk report to Martyn Evans, MCC.")[1] == "Clerk"
    assert minutes.undertaking("This Mr Hoggins agreed to do and also get a feasibility study carried out.")[1] == "Mr Hoggins"
    # what the clerk did or said is a report
    assert minutes.undertaking("Clerk reported that the grant had been paid.") is None
    assert minutes.undertaking("Clerk said the hall is booked.") is None


def test_a_key_to_initials_names_the_owners_of_a_log():
    doc = Document(doc_id="k", path="k.txt", file_name="k.txt", format="txt", blocks=[
        Block(kind="paragraph", text="Action log"),
        Block(kind="table", text="", table=_table([["No.", "Action", "Owner", "Due"],
                                                   ["1", "Publish the plan.", "AR", "May 2025"],
                                                   ["4", "Chase the survey.", "GW", "May 2025"],
                                                   ["2", "Report on the pilot.", "DPH", "June 2025"],
                                                   ["3", "Write to the ICB.", "Board Business Manager", "July 2025"]], 1)),
        Block(kind="heading", text="Key to initials"),
        Block(kind="paragraph", text="AR Dr Aisha Rahman, Director of Public Health (DPH) GW Gareth Whitlow, Place "
                                     "Director, NHS Kestrel Valleys ICB NC Nadia Corcoran, Board Business Manager "
                                     "XY Tom Farrant, Head of Commissioning")])
    people, roles = minutes.key_to_initials(doc)
    assert people == {"AR": "Aisha Rahman", "GW": "Gareth Whitlow", "NC": "Nadia Corcoran"}   # XY is not Tom Farrant
    assert roles["DPH"] == "Aisha Rahman" and roles["Board Business Manager"] == "Nadia Corcoran"
    rows = extract_all(doc, extract_metadata(doc))
    got = sorted(((o["role"] or ""), o["person"]) for o in rows["owners"])
    assert got == [("", "Aisha Rahman"), ("", "Gareth Whitlow"), ("Board Business Manager", "Nadia Corcoran"),
                   ("DPH", "Aisha Rahman")]


def test_lower_case_bullets_finish_the_action_that_introduces_them():
    from extractors.entities.action_plans import split_actions
    assert split_actions("Commission an evaluation of the pilot, to cover:\n• uptake by ward;\n• cost per contact.") == [
        "Commission an evaluation of the pilot, to cover: uptake by ward; cost per contact."]
    assert split_actions("Next steps:\n• Establish a team\n• Transfer posts")[-2:] == ["Establish a team", "Transfer posts"]


def test_a_key_to_role_abbreviations_names_who_holds_each():
    line = ("Key to leads SDCS Strategic Director, Children’s Services – Karen Mbeki ADSC Assistant Director, Social "
            "Care – Owen Pritchard HoS FD Head of Service, Front Door and Assessment – Lydia Carr")
    doc = Document(doc_id="k", path="k.pdf", file_name="k.pdf", format="pdf", blocks=[
        Block(kind="paragraph", text=line),
        Block(kind="table", text="", table=_table([["Ref", "Action", "Lead", "Target date"],
                                                   ["1.1", "Relaunch the threshold document.", "HoS FD", "July 2025"],
                                                   ["1.2", "Audit strategy discussions.", "ADSC", "Sept 2025"]], 1))])
    people, roles = minutes.key_to_initials(doc)
    assert people == {}   # abbreviations of roles, not a person's initials
    assert roles["HoS FD"] == "Lydia Carr" and roles["SDCS"] == "Karen Mbeki" and roles["ADSC"] == "Owen Pritchard"
    rows = extract_all(doc, extract_metadata(doc))
    assert sorted((o["role"], o["person"]) for o in rows["owners"]) == [("ADSC", "Owen Pritchard"), ("HoS FD", "Lydia Carr")]
    # 'Key to leads' is the key's title, not an abbreviation; lower-case words never are
    assert not minutes._abbreviates("leads SDCS", "Strategic Director, Children's Services")


def _minutes_doc(*blocks):
    head = [Block(kind="heading", text="Minutes of the meeting of the Housing Improvement Board held on 14 October 2025"),
            Block(kind="paragraph", text="Present: Jane Brown (Chair), Tom Kirk, Mary Hill")]
    return Document(doc_id="h", path="h.pdf", file_name="h.pdf", format="pdf", blocks=head + list(blocks))


def test_minutes_name_officers_by_post_and_record_requests_of_them():
    doc = _minutes_doc(
        Block(kind="paragraph", text="The Board requested that the Head of Finance provide a breakdown of the capital "
                                     "programme at the next meeting."),
        Block(kind="paragraph", text="Members asked officers to provide benchmarking data on repairs costs."),
        Block(kind="paragraph", text="The Director of Finance and Corporate Services would circulate the budget report."),
        Block(kind="paragraph", text="ACTION: Circulate the revised terms of reference to members – Board Secretary – "
                                     "by 31 October 2025."))
    rows = extract_all(doc, extract_metadata(doc))
    owners = {a["text"][:12]: [o["role"] for o in rows["owners"] if o["parent_id"] == a["action_id"]] for a in rows["actions"]}
    assert owners == {"The Board re": ["Head of Finance"], "Members aske": ["Officers"],
                      "The Director": ["Director of Finance and Corporate Services"], "Circulate th": ["Board Secretary"]}


def test_minutes_as_a_table_with_an_action_by_column_naming_posts():
    doc = _minutes_doc(Block(kind="table", text="", table=_table([
        ["Minute", "Discussion", "Action by"],
        ["HIB/25/040", "The Board noted the update. The Head of Finance will circulate the budget monitoring report.",
         "Head of Finance"],
        ["HIB/25/041", "Members discussed the complaints data.", ""]], 1)))
    rows = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in rows["actions"]] == ["The Head of Finance will circulate the budget monitoring report."]
    assert [o["role"] for o in rows["owners"]] == ["Head of Finance"]


def test_an_actions_list_of_who_to_do_items_gives_each_action_once():
    doc = _minutes_doc(Block(kind="heading", text="Actions"),
                       Block(kind="list_item", text="JB to circulate the damp and mould dashboard by 30 October."),
                       Block(kind="list_item", text="Head of Repairs to report on voids at the next meeting."))
    rows = extract_all(doc, extract_metadata(doc))
    assert len(rows["actions"]) == 2


@pytest.mark.parametrize("who", ["Action / Owner", "Action", "Who"])
def test_minutes_as_a_table_whose_who_column_goes_by_other_names(who):
    doc = _minutes_doc(Block(kind="table", text="", table=_table([
        ["Minute", "Item", "Discussion", who],
        ["HIB/25/040", "Repairs", "The Board noted the backlog report. JB to circulate the recovery plan by 31 October.", "JB"],
        ["HIB/25/041", "Complaints", "Members discussed complaints data. No action.", ""],
        ["HIB/25/042", "Voids", "The Head of Voids will report void turnaround times to the board.",
         "Head of Voids / December"]], 1)))
    rows = extract_all(doc, extract_metadata(doc))
    assert [a["text"][:13] for a in rows["actions"]] == ["JB to circula", "The Head of V"]
    assert [(o["role"], o["person"]) for o in rows["owners"]] == [(None, "Jane Brown"), ("Head of Voids", None)]
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2025-10-31", "2025-12-31"]   # 'December' in the who cell


_PANEL = [("Jane Okafor", "Chair"), ("Tom Reid", "Ministry of Justice"), ("Priya Shah", "Home Office"),
          ("Professor Alan Hughes", "University of Leeds")]


def _attendance_blocks(form):
    if form == "one line":
        return [Block(kind="paragraph", text="Present: " + ", ".join(f"{n} ({o})" for n, o in _PANEL))]
    out = [Block(kind="heading", text="Attendees", level=2)]
    if form == "table":
        rows = [[Cell("Name"), Cell("Organisation")]] + [[Cell(n), Cell(o)] for n, o in _PANEL]
        return out + [Block(kind="table", table=Table(rows=rows, header_rows=1, pages=[1]))]
    if form == "bullets":
        return out + [Block(kind="list_item", text=f"{n} ({o})", numbering="•") for n, o in _PANEL]
    return out + [Block(kind="paragraph", text=f"{n} – {o}") for n, o in _PANEL]


@pytest.mark.parametrize("form", ["one line", "a name a line", "bullets", "table"])
def test_initials_and_offices_in_action_tags_are_resolved_from_the_attendance_list(form):
    blocks = [Block(kind="heading", text="Crime and Justice Data Panel"),
              Block(kind="heading", text="Minutes of the meeting held on 14 February 2014")] + _attendance_blocks(form)
    blocks += [Block(kind="heading", text="1. Data sharing", level=2),
               Block(kind="paragraph", text="Action: TR to circulate the revised data sharing protocol to members."),
               Block(kind="paragraph", text="Action: AH to write to the Chair with proposals for the research programme."),
               Block(kind="paragraph", text="Action: Chair to write to the Minister about the panel's priorities.")]
    doc = Document(doc_id="m", path="m.pdf", file_name="m.pdf", format="pdf", blocks=blocks)
    rows = extract_all(doc, extract_metadata(doc))
    assert [(o["role"], o["person"]) for o in rows["owners"]] == [
        (None, "Tom Reid"), (None, "Alan Hughes"), ("Chair", "Jane Okafor")]


def test_a_role_held_by_several_people_is_the_post_singular():
    from extractors.entities.owners import singular_role
    assert singular_role("Assistant Directors") == "Assistant Director"
    assert singular_role("Station Managers") == "Station Manager"
    assert singular_role("All members") == "All members"
    assert singular_role("BIS officials") == "BIS officials"


def _panel_minutes(*blocks, file_name="m.pdf"):
    head = [Block(kind="heading", text="Open Data Group"), Block(kind="heading", text="Meeting: 13 May 2014"),
            Block(kind="heading", text="Attendees", level=2), Block(kind="paragraph", text="Heather Savory (Chair)"),
            Block(kind="paragraph", text="David Wilson"), Block(kind="heading", text="Apologies", level=2),
            Block(kind="paragraph", text="Ann Hughes")]
    return Document(doc_id="p", path=file_name, file_name=file_name, format="pdf", blocks=head + list(blocks))


@pytest.mark.parametrize("line", ["AP3: Secretariat to circulate the paper on charging for address data.",
                                  "AP 3 – Secretariat to circulate the paper on charging for address data."])
def test_minutes_known_by_their_layout_and_their_action_point_forms(line):
    from extractors.entities import minutes as mins
    doc = _panel_minutes(Block(kind="heading", text="2. Address data", level=2), Block(kind="paragraph", text=line))
    assert mins.is_minutes(doc)   # no "minutes" on it: an attendance list and apologies
    rows = extract_all(doc, extract_metadata(doc))
    assert [(o["role"] or o["person"]) for o in rows["owners"]] == ["Secretariat"]
    assert "circulate the paper on charging for address data" in rows["actions"][0]["text"]


def _cells(rows, header_rows=0):
    return Block(kind="table", table=Table(rows=[[Cell(x) for x in r] for r in rows], header_rows=header_rows, pages=[1]))


@pytest.mark.parametrize("layout", ["Item | Minute", "no header", "one table an item"])
def test_minutes_set_out_in_tables_give_the_actions_in_their_cells(layout):
    items = [("2", "Address data", "The group discussed address data.\nAction: Secretariat to circulate the paper on "
                                    "charging for address data."),
             ("3", "Consultation", "Members discussed the response.\nACTION: HS to write to the Minister setting out "
                                   "the group's priorities."),
             ("4", "AOB", "DW to send examples of refused data requests to the secretariat.")]
    if layout == "Item | Minute":
        tables = [_cells([["Item", "Minute"]] + [[f"{n}. {t}", b] for n, t, b in items], 1)]
    elif layout == "no header":
        tables = [_cells([[n, t, b] for n, t, b in items])]
    else:
        tables = [_cells([[f"{n}. {t}"], [b]]) for n, t, b in items]
    doc = _panel_minutes(*tables, file_name="20140513 Group meeting minutes.docx")
    rows = extract_all(doc, extract_metadata(doc))
    assert [a["text"][:14] for a in rows["actions"]] == ["Secretariat to", "HS to write to", "DW to send exa"]
    assert [(o["role"] or o["person"]) for o in rows["owners"]] == ["Secretariat", "Heather Savory", "David Wilson"]
    assert all(a["locator"].startswith("table:") for a in rows["actions"])


def test_initials_resolve_to_the_one_person_the_paper_names_with_them():
    from extractors.entities import minutes as mins
    doc = _panel_minutes(
        Block(kind="heading", text="2. Data sharing", level=2),
        Block(kind="paragraph", text="Sarah Pike (Ministry of Justice) presented the draft protocol."),
        Block(kind="paragraph", text="Action: SP to circulate the revised protocol to members."))
    assert mins.named_in_text(doc)["SP"] == "Sarah Pike"
    rows = extract_all(doc, extract_metadata(doc))
    assert [(o["role"], o["person"]) for o in rows["owners"]] == [(None, "Sarah Pike")]


def test_initials_two_people_share_stay_unresolved():
    from extractors.entities import minutes as mins
    doc = _panel_minutes(Block(kind="paragraph", text="Sarah Pike and Simon Parr discussed the protocol."))
    assert "SP" not in mins.named_in_text(doc)


@pytest.mark.parametrize("header", [["Item", "Subject", "Notes", "Actions"], ["No.", "Item", "Discussion", "Action"]])
def test_a_minute_tables_actions_column_holds_its_actions(header):
    rows = [("1", "Welcome", "The Chair welcomed members.", ""),
            ("2", "Address data", "The group discussed address data.",
             "Circulate the paper on charging for address data (Secretariat)"),
            ("3", "Consultation", "Members discussed the response.",
             "Write to the Minister setting out the group's priorities – HS")]
    table = Table(rows=[[Cell(h) for h in header]] + [[Cell(x) for x in r] for r in rows], header_rows=1, pages=[1])
    doc = _panel_minutes(Block(kind="table", table=table), file_name="20140513 Group meeting minutes.docx")
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"][:20] for a in got["actions"]] == ["Circulate the paper ", "Write to the Ministe"]
    assert [(o["role"] or o["person"]) for o in got["owners"]] == ["Secretariat", "Heather Savory"]


def test_an_action_line_whose_doer_is_named_in_its_second_sentence():
    from extractors.entities.passes import said_owners
    text = ("It was suggested that the Department for Transport would be the first department to be invited. "
            "The Cabinet Office Transparency Team will consider the suggestion and when best to invite DfT.")
    assert said_owners(text) == [("Cabinet Office Transparency Team", None, "The Cabinet Office Transparency Team")]
    assert said_owners("At the request of the Chair, Andrew Stott will join the Board.") == [(None, "Andrew Stott", "Andrew Stott")]
    assert said_owners("However to increase reusability the content must be standardised.") == []


@pytest.mark.parametrize("header", [None, ("Item", "Action")], ids=["no column names", "Item | Action"])
def test_minutes_as_a_table_of_what_was_said_and_who_acts(header):
    """'The group agreed to write to OS ... | TR': the right-hand column names who takes the step."""
    import io
    import docx
    from extractors.loaders import load_document
    d = docx.Document()
    d.add_heading("Open Data User Group", 1)
    d.add_paragraph("Minutes of meeting held on 13 May 2014")
    d.add_paragraph("Attendees: Heather Savory (Chair), Tom Reid, Bill Roberts (Secretariat)")
    steps = [("Secretariat", "circulate the revised terms of reference to members by 30 May 2014"),
             ("TR", "write to Ordnance Survey about the licensing terms before the next meeting"),
             ("Heather Savory", "raise the business case with the Minister by end of June 2014")]
    t = d.add_table(rows=0, cols=2)
    if header:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = header
    for who, what in steps:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = f"The group discussed the paper and agreed to {what}.", who
    cells = t.add_row().cells
    cells[0].text = "The Chair thanked members for their contributions to the discussion of the paper."
    buf = io.BytesIO()
    d.save(buf)
    doc = load_document("minutes.docx", data=buf.getvalue())
    got = extract_all(doc, extract_metadata(doc))
    assert len(got["actions"]) == 3
    assert [o["role"] or o["person"] for o in got["owners"]] == ["Secretariat", "Tom Reid", "Heather Savory"]


@pytest.mark.parametrize("text, owners", [
    ("Actions: MB – circulate the revised release calendar; TR – check the recorded crime figures with forces.",
     ["Mary Brown", "Tom Reid"]),
    ("ACTION MB: circulate the revised release calendar to members.", ["Mary Brown"]),
    ("MoJ will circulate the revised release calendar before the next meeting.", ["MoJ"]),
    ("The secretariat would arrange a session on data linkage for the next meeting.", ["secretariat"]),
])
def test_minute_action_forms_of_a_statistics_panel(text, owners):
    blocks = [Block(kind="heading", text="Crime and Justice Statistics Panel", level=1),
              Block(kind="paragraph", text="Minutes of the meeting held on 14 February 2014"),
              Block(kind="paragraph", text="Present: Iain Bell (Chair), Mary Brown (MoJ), Tom Reid (Home Office)"),
              Block(kind="paragraph", text=text)]
    doc = Document(doc_id="m", path="m.pdf", file_name="minutes.pdf", format="pdf", blocks=blocks)
    got = extract_all(doc, extract_metadata(doc))
    assert [o["role"] or o["person"] for o in got["owners"]] == owners
    assert len(got["actions"]) == len(owners)


@pytest.mark.parametrize("paras", [
    ["Action 1: Circulate the revised terms of reference by 30 May 2014 (Secretariat)",
     "Action 2: Write to Ordnance Survey about licensing (TR)"],
    ["1.1 The group agreed that the terms of reference should be revised and circulated by 30 May 2014 – Action: Secretariat",
     "1.2 Ordnance Survey to be approached about licensing terms – Action: TR"],
], ids=["numbered Action lines", "tag after a dash"])
def test_minutes_actions_numbered_or_tagged_after_a_dash(paras):
    blocks = [Block(kind="heading", text="Open Data User Group", level=1),
              Block(kind="paragraph", text="Minutes of meeting held on 13 May 2014"),
              Block(kind="paragraph", text="Attendees: Heather Savory (Chair), Tom Reid, Bill Roberts (Secretariat)")]
    for p in paras:
        m = re.match(r"(Action \d+): (.*)$", p)
        blocks.append(Block(kind="list_item", numbering=m.group(1), text=m.group(2)) if m else Block(kind="paragraph", text=p))
    doc = Document(doc_id="m", path="m.docx", file_name="minutes.docx", format="docx", blocks=blocks)
    got = extract_all(doc, extract_metadata(doc))
    assert [o["role"] or o["person"] for o in got["owners"] if o["parent_type"] == "action"] == ["Secretariat", "Tom Reid"]
    assert not [r for r in got["recommendations"] if (r["ref"] or "").startswith("Action")]
