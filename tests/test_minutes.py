"""Minutes of small bodies: decisions and undertakings in running sentences
(extractors/entities/minutes.py), on minutes written the way parish and
community councils and boards write them."""
import pytest

from extractors.entities import minutes
from extractors.entities.passes import extract_all
from extractors.loaders.text import load as load_text
from extractors.metadata import extract_metadata

MINUTES = """RIVERSIDE PARISH COUNCIL

Minutes of a meeting of the above Council held on Tuesday 14th May 2024 at 7.30pm in the Village Hall.

Present: Cllrs Adams, Brook and Carter, and the Clerk. Mr John Dale, County Highways.

101. Approval of minutes of previous meeting: Approved and signed as correct. Cllr Brook reported that the bench has still not been repaired.

102. Accounts for payment: Hall hire £25.00 (Ch. No. 400012), Clerk's salary £310.00 (Ch. No. 400013) - all approved.

103. Highways: Mr Dale explained the resurfacing programme. He will send the revised dates to the Clerk. Cllr Adams asked Mr Dale to look at the drainage on Mill Lane. Cllr Carter asked if the works could be done at night. The matter will be discussed at the June meeting.

104. Playground: The inspection report was received. Cllr Brook has been asked to obtain three quotes. Annual report to be presented at the June meeting. The district council have approved the grant.

105. Any other business: It was agreed that the Clerk would write to the school. Clerk to order a new noticeboard.
"""


def _rows():
    doc = load_text(MINUTES.encode(), path="m.txt", doc_id="m")
    return extract_all(doc, extract_metadata(doc))


def test_decisions_are_the_outcomes_each_minute_records():
    recs = _rows()["recommendations"]
    got = [(r["kind"], r["ref"], r["text"]) for r in recs]
    assert ("decision", "101", "Approval of minutes of previous meeting: Approved and signed as correct.") in got
    assert any(ref == "102" and text.endswith("- all approved.") and "Ch. No. 400013" in text for _, ref, text in got)
    assert any(ref == "105" and "It was agreed that the Clerk would write" in text for _, ref, text in got)
    # approval by another body is a report, not the meeting's decision
    assert not any("district council have approved" in text for _, _, text in got)
    assert len(got) == 3


def test_undertakings_are_actions_owned_by_their_subject():
    rows = _rows()
    actions = {a["action_id"]: a["text"] for a in rows["actions"]}
    owners = {}
    for o in rows["owners"]:
        owners.setdefault(actions.get(o["parent_id"]), []).append((o["role"], o["person"]))
    assert owners["He will send the revised dates to the Clerk."] == [(None, "Mr Dale")]   # the pronoun's antecedent
    assert owners["Cllr Adams asked Mr Dale to look at the drainage on Mill Lane."] == [(None, "Mr Dale")]
    assert owners["Cllr Brook has been asked to obtain three quotes."] == [(None, "Cllr Brook")]
    assert owners["Clerk to order a new noticeboard."] == [("Clerk", None)]
    assert "Annual report to be presented at the June meeting." in actions.values()
    # a question, the meeting's own agenda and a report of the past are not actions
    texts = " | ".join(actions.values())
    assert "asked if the works" not in texts
    assert "will be discussed" not in texts
    assert "reported that the bench" not in texts


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = "Hall hire £25 (Ch. No. 400012) approved. Mr. Dale and Dr. J. Smith attended. It closed at 9 p.m. on 7th May. Next."
    assert minutes.sentences(text) == ["Hall hire £25 (Ch. No. 400012) approved.",
                                       "Mr. Dale and Dr. J. Smith attended.",
                                       "It closed at 9 p.m. on 7th May.", "Next."]


def test_not_minutes_no_minute_rules():
    doc = load_text(b"Progress report\n\nThe team will review the policy. It was agreed that the plan is approved.\n",
                    path="r.txt", doc_id="r")
    assert not minutes.is_minutes(doc)
    rows = extract_all(doc, extract_metadata(doc))
    assert not any(r["text"].startswith("It was agreed") for r in rows["recommendations"])


def test_action_lines_take_the_due_and_lead_lines_printed_below_them():
    doc = load_text("Transparency Board\n\nMinutes of a meeting held on 8 February 2011\n\n"
                    "Actions: Cabinet Office Transparency Team to meet the Mayor's office about London data.\n\n"
                    "Due: March 2011\n\nLead: Head of Data Policy\n\nThe Board discussed transport data.\n".encode(),
                    path="b.txt", doc_id="b")
    rows = extract_all(doc, extract_metadata(doc))
    [action] = [a for a in rows["actions"] if a["text"].startswith("Cabinet Office")]
    due = [t for t in rows["timescales"] if t["parent_id"] == action["action_id"]]
    assert [(t["raw"], str(t["due_date"])) for t in due] == [("March 2011", "2011-03-31")]
    owners = [(o["role"], o["owner_kind"]) for o in rows["owners"] if o["parent_id"] == action["action_id"]]
    assert ("Head of Data Policy", "lead") in owners


def test_bare_approvals_keep_what_was_approved_and_planning_consents_are_reports():
    said = minutes.decision_sentences("Grant to the hall: the request for £250 was discussed. Approved. "
                                      "Planning: DC/2018/00554 – Timber garden shed, Fairoak Barn – approved. "
                                      "County Cllr Webb agreed to let the Clerk have an update.")
    assert said == ["Grant to the hall: the request for £250 was discussed. Approved."]


def test_the_same_minutes_as_word_and_pdf_give_the_same_decisions_and_actions(tmp_path):
    from extractors.loaders import load_document
    from render import render_docx, render_pdf
    doc = load_text(MINUTES.encode(), path="m.txt", doc_id="m")
    want = _rows()
    for render, name in ((render_docx, "m.docx"), (render_pdf, "m.pdf")):
        path = render(doc, tmp_path / name)
        d = load_document(path)
        got = extract_all(d, extract_metadata(d))
        for table, key in (("recommendations", "text"), ("actions", "text")):
            assert [r[key] for r in got[table]] == [r[key] for r in want[table]], (name, table)
        assert len(got["owners"]) == len(want["owners"]), name


def test_an_action_tag_after_a_paragraph_names_who_does_the_step_before_it():
    text = ("Open Data Board\n\nNotes of the meeting held on 3 March 2014\n\n"
            "1. Members discussed the address dataset. The Secretariat will draft a letter to the Department. "
            "Action: Secretariat\n\n"
            "2. The Chair asked for a summary of the licensing options for the next meeting. (ACTION: JS)\n")
    doc = load_text(text.encode(), path="n.txt", doc_id="n")
    rows = extract_all(doc, extract_metadata(doc))
    acts = {a["action_id"]: a["text"] for a in rows["actions"]}
    owners = {acts[o["parent_id"]]: (o["role"] or o["person"]) for o in rows["owners"] if o["parent_id"] in acts}
    assert owners["The Secretariat will draft a letter to the Department."] == "Secretariat"
    assert owners["The Chair asked for a summary of the licensing options for the next meeting."] == "JS"
    assert minutes.is_minutes(doc)          # "Notes of the meeting"


def test_an_undertaking_after_a_clause_that_gives_its_reason():
    s = "As Councillors are concerned at the appearance of the site, the Clerk was asked to write to the owner."
    assert minutes.undertaking(s) == (s, "the Clerk")
    s = "This is not on the planning portal now so Clerk will check and notify Councillors."
    assert minutes.undertaking(s) == (s, "Clerk")
    # a clause whose subject will only be something is not an undertaking
    assert minutes.undertaking("The hedge is overgrown, the verge will be cut in June.") is None


_GROUP_MINUTES = """Open Data Group
Minutes of the meeting held on 14 May 2014

Present: Heather Savory (Chair), Tom Reid, Jane Smith

2. Address data

{line}

3. Any other business

There was no other business.
"""


@pytest.mark.parametrize("line, action, owner, due", [
    ("The Secretariat will circulate the revised paper to members (ACTION: Secretariat).",
     "The Secretariat will circulate the revised paper to members", ("Secretariat", None), None),
    ("It was agreed that Tom Reid would write to the Minister about the charging model.",
     "It was agreed that Tom Reid would write to the Minister about the charging model.", (None, "Tom Reid"), None),
    ("Members were asked to send examples of refused requests to the Secretariat by 30 June.",
     "Members were asked to send examples of refused requests to the Secretariat by 30 June.", ("Members", None),
     "2014-06-30"),
    ("It was noted that the Secretariat will circulate the revised paper to members.",
     "It was noted that the Secretariat will circulate the revised paper to members.", ("Secretariat", None), None),
    ("The Secretariat would be asked to circulate the revised paper to members.",
     "The Secretariat would be asked to circulate the revised paper to members.", ("Secretariat", None), None),
])
def test_actions_as_a_groups_minutes_record_them(line, action, owner, due):
    doc = load_text(_GROUP_MINUTES.format(line=line).encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == [action]
    assert [(o["role"], o["person"]) for o in got["owners"]] == [owner]
    assert [str(t["due_date"]) for t in got["timescales"]] == ([due] if due else [])


def test_what_the_meeting_itself_agreed_should_happen_stays_a_decision():
    doc = load_text(_GROUP_MINUTES.format(line="It was agreed that TCC should give a cheque for £1,000 now.").encode(),
                    path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert not got["actions"]
    assert [r["kind"] for r in got["recommendations"]] == ["decision"]


@pytest.mark.parametrize("tag", ["ACTION: Tom Reid", "Action: TR"])
def test_an_action_tag_on_a_line_of_its_own_under_the_paragraph(tag):
    text = _GROUP_MINUTES.format(line=f"Members discussed the charging model for address data.\n\n{tag}")
    doc = load_text(text.encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == ["Members discussed the charging model for address data."]
    assert [(o["role"], o["person"]) for o in got["owners"]] == [(None, "Tom Reid")]


def test_a_tag_line_under_an_undertaking_names_its_owner_once():
    text = _GROUP_MINUTES.format(line="It was agreed that the Secretariat would circulate the paper by 30 June.\n\n"
                                      "ACTION: Secretariat")
    doc = load_text(text.encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert len(got["actions"]) == 1
    assert [(o["role"], o["person"]) for o in got["owners"]] == [("Secretariat", None)]


_SUMMARISED_MINUTES = """Open Data Group
Minutes of the meeting held on 8 July 2025

Present: Helen Sharma (Chair), Peter Mabry, Alison Breward

4. Draft strategy

PM introduced the draft Open Data Strategy.

ACTION: PM to circulate the draft Open Data Strategy to members for comment by end of July.

5. Data sharing

Members were asked to send comments on the draft template to AB by 25 July.

Summary of actions

No.\tAction\tWho\tWhen
1\tCirculate the draft Open Data Strategy to members for comment\tPM\tEnd of July
2\tSend comments on the draft data-sharing agreement template to AB\tAll members\t25 July
"""


def test_an_action_minuted_and_restated_in_the_summary_of_actions_is_one_row():
    doc = load_text(_SUMMARISED_MINUTES.encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == [
        "Circulate the draft Open Data Strategy to members for comment",
        "Send comments on the draft data-sharing agreement template to AB"]
    # without the summary, the minute's own sentences are the actions
    doc = load_text(_SUMMARISED_MINUTES.split("Summary of actions")[0].encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert len(got["actions"]) == 2 and got["actions"][0]["text"].startswith("PM to circulate")


@pytest.mark.parametrize("line, who", [
    ("Mr Baldwin said he will consider this.", "Mr Baldwin"),
    ("She also reported that MCC Enforcements are looking into the wall in the car park.", "MCC Enforcements"),
    ("As the two benches are dilapidated it was proposed that the Clerk order four benches.", "the Clerk"),
])
def test_undertakings_minutes_report(line, who):
    assert minutes.undertaking(line) == (line, who)


@pytest.mark.parametrize("line", ["It was suggested that the Department for Transport would be the first department.",
                                  "Cllr Evans said he would like a crossing.",
                                  "It was agreed that the minutes were correct."])
def test_not_undertakings(line):
    assert minutes.undertaking(line) is None


def test_a_yearless_deadline_minutes_set_is_still_to_come():
    text = ("Improvement Board\nMinutes of the meeting held on 12 November 2025\n\n"
            "3. Governance review\n\nThe Monitoring Officer will report back to the Board by 31 January.\n\n"
            "4. Workforce\n\nThe Head of HR will circulate the survey results by 30 November.\n")
    doc = load_text(text.encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    assert sorted(str(t["due_date"]) for t in got["timescales"]) == ["2025-11-30", "2026-01-31"]


@pytest.mark.parametrize("text, decided", [
    ("The forecast capital spend was £315.5 million, 74% of the approved budget.", False),
    ("Councillor Sandhu declared an interest in minute 41 as an approved foster carer.", False),
    ("The Department collects returns showing the number of grants approved and completed.", False),
    ("At that meeting, Members agreed to refer the decision to full Council.", False),
    ("Approval of minutes of previous meeting: Approved & signed as correct.", True),
    ("The Board approved the revised terms of reference.", True),
])
def test_approved_as_the_meetings_verb_not_as_a_description(text, decided):
    assert bool(minutes.decision_sentences(text)) is decided


@pytest.mark.parametrize("text", ["As there was provision within the Budget a donation of £500 was approved and paid.",
                                  "Councillors approved and adopted these."])
def test_approved_and_then_done_is_the_meetings_decision(text):
    assert minutes.decision_sentences(text)


_WORDED_DECISIONS = """Safer Communities Partnership
Minutes of the meeting held on 11 March 2026

Present: Jane Cole (Chair), Kieran Oduya (KO)

16/26 Action tracker

KO reported that 9 of the 12 actions were complete.

AGREED: that the nine completed actions be closed and removed from the tracker.

17/26 Strategic Assessment

Members welcomed the assessment and agreed that it gave a sound basis for the new plan.

The Partnership: (a) noted the findings of the Strategic Assessment 2025; (b) approved the Partnership's priorities for 2026-2029; and (c) agreed that the draft plan be brought to the June meeting.

18/26 Performance

Decision: The Quarter 3 performance report was noted.

19/26 Domestic abuse

KO reported 418 cases in 2025. The Partnership agreed to commission a Domestic Abuse Related Death Review.

20/26 Community Safety Fund

AGREED:
(i) to allocate £45,000 to the Safer Streets scheme;
(ii) to allocate £18,500 to the IDVA service.

21/26 Anti-social behaviour

The Partnership endorsed the proposal to vary the Public Spaces Protection Order.
"""


def test_decisions_minuted_in_words_without_a_resolved():
    doc = load_text(_WORDED_DECISIONS.encode(), path="m.txt", doc_id="m")
    got = extract_all(doc, extract_metadata(doc))
    recs = [(r["ref"], r["text"][:30]) for r in got["recommendations"]]
    assert recs == [("16/26", "AGREED: that the nine complete"), ("(a)", "noted the findings of the Stra"),
                    ("(b)", "approved the Partnership's pri"), ("(c)", "agreed that the draft plan be "),
                    ("18/26", "Decision: The Quarter 3 perfor"), ("19/26", "The Partnership agreed to comm"),
                    ("(i)", "to allocate £45,000 to the Saf"), ("(ii)", "to allocate £18,500 to the IDV"),
                    ("21/26", "The Partnership endorsed the p")]
    assert not any("commission" in a["text"] for a in got["actions"])   # the meeting's own decision, not an undertaking
    assert 418 in [m["value"] for m in got["metrics"]]   # a figure in the minute's other sentence
