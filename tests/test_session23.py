"""Forms read in session 23: an action log with both an Update and a Status
column, owners given as initials of members listed with their ranks, posts
whose service is named before "Service Manager" or "Safeguarding Lead"
after a holder's name or a slash."""
import docx

from extractors.entities.owners import split_owners
from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata


def _rows_of(d, tmp_path, name="paper.docx"):
    """The entity rows of a Word document built in the test."""
    path = tmp_path / name
    d.save(path)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def _table(d, rows):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(i, j).text = text


def test_a_status_column_after_the_update_column_rates_the_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("Glaisford Youth Justice Management Board")
    d.add_paragraph("Board members: Jane Morley (JM), Chair; Dev Patel (DP), Head of Service; Sgt Ann Reid (AR), Police")
    _table(d, [["No.", "Action", "Owner", "Due date", "Update", "Status"],
               ["1", "Circulate the revised dashboard to members", "DP", "Sept 2026", "Circulated 3 September", "Complete"],
               ["2", "Provide data on first-time entrants by ward", "AR", "Dec 2026", "Awaiting police data", "Amber"],
               ["3", "Review the panel's terms of reference", "JM", "Dec 2026", "Not started", "Red"]])
    out = _rows_of(d, tmp_path)
    acts = {a["action_id"]: a for a in out["actions"]}
    assert [(a["status_text"], a["rag"]) for a in out["actions"]] == [
        ("Circulated 3 September", "complete"), ("Awaiting police data", "amber"), ("Not started", "red")]
    # initials of members listed with a rank resolve to the member, without the rank
    owners = {acts[o["parent_id"]]["text"][:6]: o["person"] for o in out["owners"]}
    assert owners == {"Circul": "Dev Patel", "Provid": "Ann Reid", "Review": "Jane Morley"}


def test_a_service_named_before_its_post_after_a_name_or_a_slash():
    assert [o[:2] for o in split_owners("Mark Bell - Youth Justice Service Manager")] == [
        ("Youth Justice Service Manager", "Mark Bell")]
    assert [o[:2] for o in split_owners("Head of Housing / ICB Safeguarding Lead")] == [
        ("Head of Housing", None), ("ICB Safeguarding Lead", None)]
    # a new post still starts a new owner
    assert [o[:2] for o in split_owners("Head of Housing Inclusion Head of Service")] == [
        ("Head of Housing Inclusion", None), ("Head of Service", None)]


def test_register_columns_worded_as_questions_or_work_hold_the_steps():
    from extractors.entities.columns import column_role
    for h in ("What more do we need to do?", "What else are we doing?", "Further work required",
              "Improvements planned", "Further action / timescale"):
        assert column_role(h) == "action", h
    # progress on the steps is progress, not the steps
    assert column_role("Progress on planned work") == "progress"
    assert column_role("Progress against actions") == "progress"
    assert column_role("Further Actions in progress") == "action"
