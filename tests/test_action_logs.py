"""Action logs in the column layouts boards and councils use: every row is
an action, owned by its owner-like column, due by its date-like column, rated
by its status words."""
import pytest

from extractors.entities.passes import extract_all
from extractors.loaders.text import load as load_text
from extractors.metadata import extract_metadata

ROWS = [
    {"no": "1", "date": "14/05/2024", "action": "Circulate the revised terms of reference to members",
     "who": "Secretariat", "due": "June 2024", "status": "Complete"},
    {"no": "2", "date": "14/05/2024", "action": "Publish the dataset inventory on the website",
     "who": "Jane Smith", "due": "31 July 2024", "status": "On track"},
    {"no": "3", "date": "11/06/2024", "action": "Write to the Department about licensing of address data",
     "who": "Chair", "due": "September 2024", "status": "Open"},
]
KEYS = {"no": ("No.", "Ref", "Action No.", "Item", "Minute ref"), "date": ("Date raised", "Meeting"),
        "who": ("Owner", "Who", "Lead", "Responsible", "Action Owner", "Action by", "Responsibility", "Officer"),
        "due": ("Due date", "By when", "When", "Deadline", "Target date", "Timescale", "Date due", "Completion date")}
LAYOUTS = [
    ["No.", "Date raised", "Action", "Owner", "Due date", "Status"],
    ["Action", "Who", "By when", "Update"],
    ["Ref", "Action", "Lead", "Deadline", "RAG"],
    ["Meeting", "Item", "Action agreed", "Responsible", "Target date", "Progress/Comments"],
    ["Action Point", "Action Owner", "Timescale", "Status (Open/Closed)"],
    ["Action No.", "Action", "Action by", "Date due", "Comments"],
    ["Minute ref", "Action required", "Officer", "Completion date", "Current position"],
    # the step column under a plain name, who and when beside it
    ["Ref", "Description", "Owner", "Deadline", "Progress"],
    ["ID", "Issue", "Action Owner", "Due date", "Comments"],
    ["What", "Who", "When", "Status"],
]


def _cell(header: str, row: dict) -> str:
    for key, names in KEYS.items():
        if header in names:
            return row[key]
    steps = ("Description", "Issue", "What")
    return row["action"] if header.lower().startswith("action") or header in steps else row["status"]


@pytest.mark.parametrize("header", LAYOUTS, ids=lambda h: " | ".join(h))
def test_every_row_of_an_action_log_is_an_owned_dated_action(header):
    lines = ["Data Panel", "", "Action log as at 1 July 2024", "", "\t".join(header)]
    lines += ["\t".join(_cell(h, r) for h in header) for r in ROWS]
    doc = load_text(("\n".join(lines) + "\n").encode(), path="log.txt", doc_id="log")
    rows = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in rows["actions"]] == [r["action"] for r in ROWS]
    assert sorted((o["role"] or o["person"]) for o in rows["owners"]) == sorted(r["who"] for r in ROWS)
    assert sorted(str(t["due_date"]) for t in rows["timescales"]) == ["2024-06-30", "2024-07-31", "2024-09-30"]
    assert [a["rag"] for a in rows["actions"]][:2] == ["complete", "green"]


@pytest.mark.parametrize("style", ["borderless", "shaded header, rules under rows"])
def test_an_action_log_pdf_printed_without_a_grid(tmp_path, style):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from extractors.loaders import load_document
    ss = getSampleStyleSheet()
    rows = [["Ref", "Date raised", "Action", "Owner", "Due date", "Status"]]
    rows += [[str(i), "14/05/2024", Paragraph(r["action"] + " and report back to the next meeting of the group",
                                               ss["Normal"]), r["who"], r["due"], r["status"]]
             for i, r in enumerate(ROWS, 1)]
    commands = [("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]
    if style != "borderless":
        commands += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                     ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey)]
    path = tmp_path / "log.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Data Panel: Action log as at 1 July 2024", ss["Title"]),
         Table(rows, colWidths=[30, 70, 300, 90, 80, 60], style=TableStyle(commands)),
         Paragraph("The log is reviewed at every meeting of the panel and closed actions are removed.", ss["Normal"])])
    doc = load_document(path)
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == [r["action"] + " and report back to the next meeting of the group"
                                                   for r in ROWS]
    assert sorted((o["role"] or o["person"]) for o in got["owners"]) == sorted(r["who"] for r in ROWS)
    assert sorted(str(t["due_date"]) for t in got["timescales"]) == ["2024-06-30", "2024-07-31", "2024-09-30"]
    # the paragraph after the table stays body text
    assert any("reviewed at every meeting" in b.text for b in doc.blocks if b.kind != "table")


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_an_action_log_whose_header_row_is_in_plain_type(tmp_path, ruled):
    """A spreadsheet printed to PDF: the header row neither bold nor shaded,
    "Action No" wrapped onto two lines, the owner column before the action."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from extractors.loaders import load_document
    ss = getSampleStyleSheet()
    head = ["Action No", "Date Raised", "Owner", "Action", "Status", "Date Closed"]
    rows = [[Paragraph(h, ss["Normal"]) for h in head]]
    rows += [[str(i), "14/05/2024", r["who"], Paragraph(r["action"] + " and report back to the group", ss["Normal"]),
              "Closed" if i == 1 else "Open", "11/06/2024" if i == 1 else ""] for i, r in enumerate(ROWS, 1)]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")] + ([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)] if ruled else [])
    path = tmp_path / "log.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Data Panel action log", ss["Normal"]),
         Table(rows, colWidths=[50, 65, 90, 300, 60, 70], style=TableStyle(commands))])
    doc = load_document(path)
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == [r["action"] + " and report back to the group" for r in ROWS]
    assert sorted((o["role"] or o["person"]) for o in got["owners"]) == sorted(r["who"] for r in ROWS)
    assert [a["status_text"] for a in got["actions"]] == ["Closed", "Open", "Open"]
    assert not got["metrics"] and not got["timescales"]   # action numbers, dates raised and closed


def _plan(header, rows):
    from extractors.model import Block, Cell, Document, Table
    t = Table(rows=[[Cell(x) for x in header]] + [[Cell(x) for x in r] for r in rows], header_rows=1)
    doc = Document(doc_id="p", path="p.pdf", file_name="p.pdf", format="pdf",
                   blocks=[Block(kind="paragraph", text="Improvement plan: progress"), Block(kind="table", text="", table=t)])
    return extract_all(doc, {})


HIERARCHY = [["1", "Recommendation 1: Improve the timeliness of assessments for children in need.", "", "", ""],
             ["1.1", "Recruit four additional social workers to the assessment team.", "Head of Assessment", "March 2026", "Green"],
             ["1.2", "Introduce performance clinics for team managers.", "Service Manager", "Jan 2026", "Amber"],
             ["2", "Recommendation 2: Strengthen management oversight of supervision.", "", "", ""],
             ["2.1", "Refresh the supervision policy and audit compliance.", "Principal Social Worker", "Dec 2025", "Green"]]


@pytest.mark.parametrize("header", [["Ref", "Recommendation / action", "Lead", "Target date", "RAG"],
                                    ["No.", "Action", "Lead officer", "Due", "Status"]])
def test_recommendations_printed_as_rows_of_their_own_above_their_actions(header):
    rows = _plan(header, HIERARCHY)
    recs = {r["rec_id"]: r for r in rows["recommendations"]}
    assert [r["text"] for r in recs.values()] == ["Improve the timeliness of assessments for children in need.",
                                                 "Strengthen management oversight of supervision."]
    by_rec = {}
    for a in rows["actions"]:
        by_rec.setdefault(recs[a["rec_id"]]["text"][:7], []).append(a["text"][:8])
    assert by_rec == {"Improve": ["Recruit ", "Introduc"], "Strengt": ["Refresh "]}
    # the rows' leads and dates are their recommendation's, as in a plan with a recommendation column
    assert sorted((recs[o["parent_id"]]["text"][:7], o["role"]) for o in rows["owners"]) == [
        ("Improve", "Head of Assessment"), ("Improve", "Service Manager"), ("Strengt", "Principal Social Worker")]
    assert sorted(str(t["due_date"]) for t in rows["timescales"] if t["parent_type"] == "recommendation") == [
        "2025-12-31", "2026-01-31", "2026-03-31"]


def test_a_banner_row_naming_a_recommendation_heads_the_actions_under_it():
    rows = _plan(["Ref", "Action", "Lead", "Target date", "Status"],
                 [["ILACS R1 Ofsted recommendation: The consistency of threshold decisions at the front door."] * 5,
                  ["1.1", "Relaunch the threshold document with partners.", "HoS FD", "July 2025", "Complete"],
                  ["1.2", "Audit strategy discussions monthly.", "HoQA", "30/09/2025", "On track"]])
    (rec,) = rows["recommendations"]
    assert (rec["ref"], rec["text"]) == ("ILACS R1", "The consistency of threshold decisions at the front door.")
    assert {a["rec_id"] for a in rows["actions"]} == {rec["rec_id"]} and len(rows["actions"]) == 2
    assert sorted(o["role"] for o in rows["owners"]) == ["HoQA", "HoS FD"]   # not the banner's text


def test_a_trackers_row_counter_is_not_the_ref_its_ref_column_is():
    rows = _plan(["No.", "Ref", "Recommendation", "Owner", "Due date"],
                 [["1", "PAY-R1", "Reconcile the payroll control account monthly.", "Payroll Manager", "March 2026"],
                  ["2", "PAY-R3", "Review starters and leavers against HR records.", "HR Manager", "April 2026"]])
    assert [r["ref"] for r in rows["recommendations"]] == ["PAY-R1", "PAY-R3"]


def test_a_status_rates_the_recommendation_of_its_row_unless_the_recommendation_spans_several_rows():
    rows = _plan(["Ref", "Recommendation", "Agreed action", "Owner", "Status"],
                 [["R1", "Reconcile the payroll control account monthly.", "Monthly reconciliation.", "Payroll Manager",
                   "Implemented"],
                  ["R2", "Strengthen grievance handling.", "Train all managers.", "Head of HR", "On track"],
                  ["R2", "Strengthen grievance handling.", "Publish case timescales.", "Head of HR", "Off track"]])
    recs = {r["ref"]: r for r in rows["recommendations"]}
    assert recs["R1"]["rag"] == "complete"          # one row: its status is the recommendation's
    assert recs["R2"]["rag"] is None                # merged over two rows: each status rates its action


@pytest.mark.parametrize("style", ["borderless", "shaded rows", "rules under rows"])
def test_a_gridless_log_whose_action_column_comes_first_and_wraps(tmp_path, style):
    """No ref column to anchor rows and no wider gap between rows than between
    a cell's lines: the one-line cells of the Meeting column start each row."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from extractors.loaders import load_document
    ss = getSampleStyleSheet()
    rows = [[Paragraph(f"<b>{h}</b>", ss["Normal"]) for h in ("Action point", "Meeting", "Lead", "Deadline", "Progress")]]
    rows += [[Paragraph(r["action"] + " and report back to the next meeting of the group", ss["Normal"]),
              "14 May 2024", r["who"], r["due"], Paragraph(r["status"], ss["Normal"])] for r in ROWS]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if style == "shaded rows":
        commands += [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#DDEBF7")) for i in range(1, len(rows), 2)]
    elif style == "rules under rows":
        commands += [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey)]
    path = tmp_path / "log.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Open Data Group – Action Log (July 2024)", ss["Title"]),
         Table(rows, colWidths=[250, 80, 90, 80, 200], style=TableStyle(commands))])
    doc = load_document(path)
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == [r["action"] + " and report back to the next meeting of the group"
                                                   for r in ROWS]
    assert sorted((o["role"] or o["person"]) for o in got["owners"]) == sorted(r["who"] for r in ROWS)
    assert sorted(str(t["due_date"]) for t in got["timescales"]) == ["2024-06-30", "2024-07-31", "2024-09-30"]


def test_a_revised_date_supersedes_the_date_first_agreed():
    header = ["Ref", "Recommendation", "Owner", "Due date", "Revised date", "Status"]
    got = _plan(header, [["R1", "Keep a complete fleet asset register.", "Fleet Manager", "30 Sept 2025", "31 Jan 2026",
                          "Revised date agreed"],
                         ["R2", "Review fuel card transactions monthly.", "Fleet Manager", "31/10/2025", "–", "On track"]])
    # (and R2's "monthly", the recurrence its own words ask for: session 29)
    assert [(str(t["due_date"]), t["recurrence"]) for t in got["timescales"]] == [
        ("2026-01-31", "once"), ("2025-10-31", "once"), ("None", "monthly")]


def test_a_log_that_prints_no_meeting_date_dates_its_deadlines_by_the_dates_it_prints():
    lines = ["Board action log", "", "\t".join(["Date raised", "Action", "Owner", "Deadline", "Status"]),
             "\t".join(["02/03/2011", "Publish the spending data for the quarter", "Secretariat", "June", "Open"]),
             "\t".join(["11/01/2011", "Write to departments about licensing", "Chair", "late January", "Complete"])]
    doc = load_text(("\n".join(lines) + "\n").encode(), path="log.txt", doc_id="log")
    got = extract_all(doc, extract_metadata(doc))
    assert [str(t["due_date"]) for t in got["timescales"]] == ["2011-06-30", "2011-01-31"]


def test_an_owner_cell_of_several_initials_is_each_person_the_key_names():
    lines = ["Housing Improvement Board", "", "Action log – updated 1 December 2025", "",
             "\t".join(["No.", "Action", "Owner", "Due", "Status"]),
             "\t".join(["1", "Circulate the revised damp and mould policy to Board members", "JT", "31/10/2025", "Complete"]),
             "\t".join(["2", "Bring the voids recovery plan to the next meeting", "MQ / JT", "December 2025", "Open"]),
             "", "Key: JT = Jo Tate (Head of Housing Options); MQ = Mark Quinn (Repairs Manager)"]
    doc = load_text(("\n".join(lines) + "\n").encode(), path="log.txt", doc_id="log")
    got = extract_all(doc, extract_metadata(doc))
    assert [o["person"] for o in got["owners"]] == ["Jo Tate", "Mark Quinn", "Jo Tate"]
    assert len({o["owner_id"] for o in got["owners"]}) == 3
    # initials the key does not name stay as printed, one owner row each (SPEC: one row per owner)
    doc = load_text(("\n".join(lines[:-1]) + "\n").encode(), path="log.txt", doc_id="log")
    got = extract_all(doc, extract_metadata(doc))
    assert [o["role"] for o in got["owners"]] == ["JT", "MQ", "JT"]


HEADED_LOG_ROWS = [["1", "Secretariat to circulate the revised terms of reference to members.", "Secretariat", "30 April 2013", "Complete"],
        ["2", "Chair to write to the Minister setting out the group's priorities.", "Chair", "End of May 2013", "Letter sent."],
        ["3", "Officials to prepare a paper on charging for address data.", "BIS officials", "July 2013", "On agenda."]]


@pytest.mark.parametrize("header", [["No.", "Action", "Owner", "Deadline", "Progress"],
                                    ["Action Point", "Description", "Responsibility", "Target Date", "Status"],
                                    ["Ref", "What", "Who", "When", "Update"],
                                    ["Date raised", "Action", "Action by", "Target", "Position"]])
def test_an_action_logs_columns_however_they_are_headed(header):
    from extractors.model import Block, Cell, Document, Table
    table = Table(rows=[[Cell(c) for c in r] for r in [header, *HEADED_LOG_ROWS]], header_rows=1)
    doc = Document(doc_id="log", path="log.docx", file_name="log.docx", format="docx",
                   blocks=[Block(kind="paragraph", text="Action log – July 2013"), Block(kind="table", table=table)])
    got = extract_all(doc, {})
    assert [a["text"] for a in got["actions"]] == [r[1] for r in HEADED_LOG_ROWS]
    assert [o["role"] for o in got["owners"]] == ["Secretariat", "Chair", "BIS officials"]
    # a "Target" column of dates is the due date ("Action Point" numbers are the refs, not the actions)
    assert [str(t["due_date"]) for t in got["timescales"]] == ["2013-04-30", "2013-05-31", "2013-07-31"]


@pytest.mark.parametrize("key", ["one entry a line", "a table"])
def test_a_key_to_initials_printed_one_entry_a_line_or_as_a_table(key):
    from extractors.model import Block, Cell, Document, Table
    people = [("KT", "Kate Thomas", "Head of Housing Strategy"), ("JM", "John Mills", "Finance Business Partner")]
    log = Table(rows=[[Cell(c) for c in r] for r in [["No.", "Action", "Owner", "Due"],
                                                      ["1", "Review the allocations policy.", "KT", "March 2026"],
                                                      ["2", "Cost the options for temporary accommodation.", "JM", "March 2026"]]],
                header_rows=1)
    if key == "a table":
        after = [Block(kind="paragraph", text="Key to initials"), Block(kind="table", table=Table(
            rows=[[Cell(c) for c in r] for r in [["Initials", "Name", "Role"], *[list(p) for p in people]]], header_rows=1))]
    else:
        after = [Block(kind="paragraph", text="Key")] + [Block(kind="paragraph", text=f"{i}\t{n}, {r}") for i, n, r in people]
    doc = Document(doc_id="log", path="log.docx", file_name="log.docx", format="docx",
                   blocks=[Block(kind="paragraph", text="Action log – December 2025"), Block(kind="table", table=log), *after])
    got = extract_all(doc, {})
    assert [(o["role"], o["person"]) for o in got["owners"]] == [(None, "Kate Thomas"), (None, "John Mills")]


# A log set out as one table per meeting under headings: the column names over
# the first part only, in a row of their own above all parts, or not at all.
_PARTS = [("Meeting of 12 March 2013", [
              ("Secretariat to circulate the revised terms of reference to members for comment.", "Secretariat", "Complete"),
              ("Chair to write to the Minister setting out the group's priorities for the year.", "Chair", "Letter sent 24 April.")]),
          ("Meeting of 16 April 2013", [
              ("Members to send examples of refused data requests to the secretariat.", "All members", "Ongoing"),
              ("HS to meet the Met Office about the release of weather observations data.", "HS", "Arranged for 3 July.")]),
          ("Meeting of 11 June 2013", [
              ("Secretariat to publish the minutes of the April meeting on the website.", "Secretariat", "Done.")])]
_PART_HEADER = ["No.", "Action", "Owner", "Status"]


def _part_rows():
    k = 0
    for heading, acts in _PARTS:
        rows = []
        for text, who, status in acts:
            k += 1
            rows.append([str(k), text, who, status])
        yield heading, rows


def _log_in_parts_docx(path, names):
    import docx
    d = docx.Document()
    d.add_paragraph("Open Data Group")
    d.add_paragraph("Action log – July 2013")

    def table(rows, bold_first):
        t = d.add_table(rows=0, cols=len(_PART_HEADER))
        t.style = "Table Grid"
        for i, r in enumerate(rows):
            cells = t.add_row().cells
            for j, x in enumerate(r):
                if i == 0 and bold_first:
                    cells[j].paragraphs[0].add_run(x).bold = True
                else:
                    cells[j].text = x
    if names == "above":
        table([_PART_HEADER], True)
    for i, (heading, rows) in enumerate(_part_rows()):
        d.add_heading(heading, level=3)
        first = names == "first" and i == 0
        table(([_PART_HEADER] if first else []) + rows, first)
    d.save(path)


def _log_in_parts_pdf(path, names):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ss = getSampleStyleSheet()
    widths = [40, 300, 90, 90]
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.grey)])

    def table(rows, bold_first):
        data = [[Paragraph(f"<b>{x}</b>" if i == 0 and bold_first else x, ss["BodyText"]) for x in r]
                for i, r in enumerate(rows)]
        t = Table(data, colWidths=widths)
        t.setStyle(style)
        return t
    flow = [Paragraph("Open Data Group – Action Log – July 2013", ss["Title"]), Spacer(1, 8)]
    if names == "above":
        flow.append(table([_PART_HEADER], True))
    for i, (heading, rows) in enumerate(_part_rows()):
        flow.append(Paragraph(heading, ss["Heading3"]))
        first = names == "first" and i == 0
        flow.append(table(([_PART_HEADER] if first else []) + rows, first))
    SimpleDocTemplate(str(path), pagesize=A4).build(flow)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("names", ["first", "above", "none"])
def test_an_action_log_printed_in_parts_under_headings(tmp_path, fmt, names):
    from extractors.loaders import load_document
    path = tmp_path / f"log.{fmt}"
    (_log_in_parts_docx if fmt == "docx" else _log_in_parts_pdf)(path, names)
    doc = load_document(path)
    rows = extract_all(doc, extract_metadata(doc))
    want = [text for _, acts in _PARTS for text, _, _ in acts]
    assert [a["text"] for a in rows["actions"]] == want
    assert [(o["role"] or o["person"]) for o in rows["owners"]] == [who for _, acts in _PARTS for _, who, _ in acts]
    # every part keeps its own table's row numbers in the locator
    assert all("/row:" in a["locator"] for a in rows["actions"])


def test_a_table_of_figures_after_a_log_does_not_borrow_its_column_names():
    from extractors.entities.headerless import named_from_cells, shared_header
    from extractors.model import Cell, Table
    figures = Table(rows=[[Cell("2012/13"), Cell("4,210"), Cell("3,980"), Cell("+5.8%")],
                          [Cell("2013/14"), Cell("4,400"), Cell("4,120"), Cell("+6.8%")]])
    assert shared_header(figures, _PART_HEADER) is None
    assert named_from_cells(figures) is None


def test_owner_of_a_logged_action_from_its_subject():
    lines = ["Transparency Board", "", "Action log as at 19 July 2011", "",
             "\t".join(["Ref", "Action", "Deadline", "Progress"]),
             "\t".join(["1", "URI project team to discuss with the Contract Finder team how URIs can be used.",
                        "September", "On track"]),
             "\t".join(["2", "HMT financial reporting policy team to consider the workshop approach.",
                        "August", "Plan in place"]),
             "\t".join(["3", "The Transparency Director will present on the Open Government Partnership.",
                        "October", "On track"])]
    doc = load_text(("\n".join(lines) + "\n").encode(), path="log.txt", doc_id="log")
    rows = extract_all(doc, extract_metadata(doc))
    assert [o["role"] for o in rows["owners"]] == ["URI project team", "HMT financial reporting policy team",
                                                  "Transparency Director"]


@pytest.mark.parametrize("header", [None, "Who / When", "Owner/Deadline", "Lead officer and target date"])
@pytest.mark.parametrize("cells", [
    ["Secretariat – end of July 2013", "Chair (May 2013)", "All members – ongoing", "HS by June 2013"],
    ["Secretariat\nJuly 2013", "Chair\nby end May 2013", "All members\nOngoing", "HS\nJune 2013"]],
    ids=["one line", "two lines"])
def test_who_and_when_in_one_column(header, cells):
    from extractors.model import Block, Cell, Document, Table
    acts = ["Secretariat to circulate the revised terms of reference to members.",
            "Chair to write to the Minister about the group's priorities for the year.",
            "Members to send examples of refused data requests to the secretariat.",
            "HS to meet the Met Office about the release of weather observations data."]
    rows = ([[Cell("Action"), Cell(header)]] if header else []) + [[Cell(a), Cell(c)] for a, c in zip(acts, cells)]
    table = Table(rows=rows, header_rows=1 if header else 0, pages=[1])
    doc = Document(doc_id="x", path="x.pdf", file_name="x.pdf", format="pdf",
                   blocks=[Block(kind="heading", text="Open Data Group action log"),
                           Block(kind="heading", text="Meeting of 12 March 2013"), Block(kind="table", table=table)])
    rows = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in rows["actions"]] == acts
    assert [(o["role"] or o["person"]) for o in rows["owners"]] == ["Secretariat", "Chair", "All members", "HS"]
    assert [str(t["due_date"]) for t in rows["timescales"]] == ["2013-07-31", "2013-05-31", "None", "2013-06-30"]


_PART_ACTIONS = ["Secretariat to circulate the revised terms of reference to members",
                 "Write to the Minister setting out the group's concerns on address data",
                 "Members to send comments on the draft business case",
                 "Arrange a meeting with Ordnance Survey about licensing terms"]


@pytest.mark.parametrize("when", [["End July", "Next meeting", "September 2013", "ASAP"],
                                  ["31 July 2013", "Ongoing", "Sept meeting", "Mid-July"],
                                  ["July 2013", "By next meeting", "End of September", "October 2013"]],
                         ids=["end July, next meeting", "ongoing, Sept meeting", "by next meeting"])
@pytest.mark.parametrize("who", [["Secretariat", "Chair", "All members", "HB"],
                                 ["HS", "HS/TR", "ODUG members", "Cabinet Office"]], ids=["offices", "initials"])
@pytest.mark.parametrize("layout", [["Action", "Who", "When"], ["Ref", "Action", "When", "Who"],
                                    ["Ref", "Action", "Who/When"], ["Action", "Who", "When", "Status"]],
                         ids=lambda h: " | ".join(h))
@pytest.mark.parametrize("names", [True, False], ids=["names over the first part", "no names"])
def test_a_log_in_two_parts_of_two_rows_reads_who_and_when_from_its_cells(layout, who, when, names):
    """Small parts leave little to read columns from: one cell of two that
    is not a date ('Ongoing'), a deadline given as a meeting ('Sept
    meeting', 'Chair – next meeting') or 'ASAP' must not hide the column."""
    from extractors.model import Block, Cell, Document, Table
    blocks = [Block(kind="heading", text="Open Data User Group action log", level=1)]
    for k in range(2):
        blocks.append(Block(kind="heading", text=f"Meeting of {12 + k} June 2013", level=2))
        rows = [[Cell(h) for h in layout]] if names and k == 0 else []
        for j in (2 * k, 2 * k + 1):
            cell = {"Action": _PART_ACTIONS[j], "Who": who[j], "When": when[j], "Ref": str(j + 1),
                    "Status": "Open", "Who/When": f"{who[j]} – {when[j]}"}
            rows.append([Cell(cell[c]) for c in layout])
        blocks.append(Block(kind="table", table=Table(rows=rows, header_rows=1 if names and k == 0 else 0)))
    doc = Document(doc_id="v", path="v.pdf", file_name="odug_action_log.pdf", format="pdf", blocks=blocks)
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == _PART_ACTIONS
    owners = {o["role"] or o["person"] for o in got["owners"]}
    assert set(who) - {"Cabinet Office", "ODUG members"} <= owners | {"HS/TR"} and not any("–" in o for o in owners)
    assert len(got["timescales"]) == 4


@pytest.mark.parametrize("dates", [["w/c 15 July", "end Jul", "mid Aug 2013", "Sept 13"],
                                   ["End of July 2013", "By next ODUG meeting", "September", "Before October meeting"]],
                         ids=["w/c, end, mid", "meetings"])
@pytest.mark.parametrize("cell", ["Owner: {w}\nDeadline: {d}", "{w}\n{d}", "{w}, {d}", "{w} ({d})", "{w} by {d}"],
                         ids=["labelled lines", "two lines", "comma", "brackets", "by"])
@pytest.mark.parametrize("header", [None, "Owner / deadline"], ids=["no names", "named"])
def test_who_and_when_in_one_cell_however_the_date_is_written(dates, cell, header):
    from extractors.model import Block, Cell, Document, Table
    acts = ["ODUG to write to the Minister setting out concerns on address data",
            "Secretariat to circulate the revised terms of reference to members",
            "Members to send comments on the draft business case",
            "Arrange a meeting with Ordnance Survey about licensing terms"]
    who = ["Heather Savory", "Secretariat", "All members", "Bill Roberts"]
    blocks = [Block(kind="heading", text="ODUG Action Log", level=1)]
    for k in range(2):
        blocks.append(Block(kind="heading", text=f"Meeting of {12 + k} June 2013", level=2))
        rows = [[Cell("No."), Cell("Action"), Cell(header)]] if header and k == 0 else []
        rows += [[Cell(str(j + 1)), Cell(acts[j]), Cell(cell.format(w=who[j], d=dates[j]))] for j in (2 * k, 2 * k + 1)]
        blocks.append(Block(kind="table", table=Table(rows=rows, header_rows=1 if header and k == 0 else 0)))
    doc = Document(doc_id="v", path="v.pdf", file_name="odug_action_log.pdf", format="pdf", blocks=blocks)
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == acts
    assert [o["role"] or o["person"] for o in got["owners"]] == who
    assert len(got["timescales"]) >= 3


@pytest.mark.parametrize("items", [
    ["Letter to the Minister on address data", "Revised terms of reference for the group",
     "Comments on the draft business case", "Meeting with Ordnance Survey on licensing"],
    ["Writing to the Minister about address data", "Circulating revised terms of reference",
     "Collating comments on the business case", "Arranging a meeting with Ordnance Survey"]], ids=["nouns", "gerunds"])
def test_a_log_whose_items_are_not_steps_is_read_by_its_who_and_when_columns(items):
    from extractors.model import Block, Cell, Document, Table
    who, when = ["HS", "Secretariat", "All members", "BR"], ["July 2013", "30 June 2013", "September 2013", "October 2013"]
    blocks = [Block(kind="heading", text="Action log", level=1)]
    for k in range(2):
        blocks.append(Block(kind="heading", text=f"Meeting of {12 + k} June 2013", level=2))
        rows = [[Cell(items[j]), Cell(who[j]), Cell(when[j])] for j in (2 * k, 2 * k + 1)]
        blocks.append(Block(kind="table", table=Table(rows=rows, header_rows=0)))
    doc = Document(doc_id="v", path="v.pdf", file_name="action_log.pdf", format="pdf", blocks=blocks)
    got = extract_all(doc, extract_metadata(doc))
    assert [a["text"] for a in got["actions"]] == items
    assert [o["role"] or o["person"] for o in got["owners"]] == who
    assert [str(t["due_date"]) for t in got["timescales"]] == ["2013-07-31", "2013-06-30", "2013-09-30", "2013-10-31"]


def test_a_revision_history_is_not_an_action_log():
    from extractors.model import Block, Cell, Document, Table
    rows = [[Cell(h) for h in ("Revision", "Date", "Author", "Notes")],
            [Cell("2"), Cell("12/04/2013"), Cell("Paul Davidson"), Cell("Take on feedback to revision 1 and restructure headings")],
            [Cell("3"), Cell("30/04/2013"), Cell("Paul Davidson"), Cell("Minor extra explanations suggested by DCLG")]]
    doc = Document(doc_id="r", path="r.pdf", file_name="r.pdf", format="pdf",
                   blocks=[Block(kind="table", table=Table(rows=rows, header_rows=1))])
    got = extract_all(doc, extract_metadata(doc))
    assert got["actions"] == [] and got["owners"] == []


def test_a_banner_keyed_by_a_code_heads_the_actions_under_it():
    from extractors.model import Block, Cell, Document, Table
    head = ["Ref", "Action", "Lead officer", "Target date", "RAG"]
    banner = "RSH1 – Regulatory judgement: Make sure that all statutory health and safety checks are completed on time."
    rows = [[Cell(h) for h in head], [Cell(banner, spanned=k > 0) for k in range(5)],
            [Cell("1.1"), Cell("Complete a fire risk assessment for each block"), Cell("Building Safety Manager"),
             Cell("31/10/2025"), Cell("Complete")],
            [Cell("1.2"), Cell("Clear the backlog of electrical checks"), Cell("Compliance Team Leader"),
             Cell("31 March 2026"), Cell("Red")]]
    doc = Document(doc_id="b", path="b.docx", file_name="b.docx", format="docx",
                   blocks=[Block(kind="heading", text="Improvement plan progress", level=1),
                           Block(kind="table", table=Table(rows=rows, header_rows=1))])
    got = extract_all(doc, extract_metadata(doc))
    assert [(r["ref"], r["text"]) for r in got["recommendations"]] == \
        [("RSH1", "Make sure that all statutory health and safety checks are completed on time.")]
    assert len(got["actions"]) == 2 and {o["parent_type"] for o in got["owners"]} == {"recommendation"}
