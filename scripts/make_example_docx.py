"""Write data/raw/example_action_plan.docx: a small, fictional council paper
(our own wording) used as a DOCX example and fixture.

It has what real Word papers have: a cover block (council, committee, date,
report number, title, author, contact officer), typed paragraph numbers
("3.1"), a RECOMMENDATIONS list numbered by Word (a), b) are numbering, not
text), metrics in the narrative, and an action-plan table with a header row
that repeats over pages, a cell of Word bullets, owners as "Role – Person",
timescales, and RAG cells given as text, as text with a fill, and as a red
fill only. Page furniture (running header, "Page N" footer) sits in the
Word header/footer.

The output is deterministic (same bytes every run). Run from anywhere:

    .venv/bin/python scripts/make_example_docx.py [--out PATH]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extractors.model import Block, Cell, Document, Table  # noqa: E402

DEFAULT_OUT = REPO / "data" / "raw" / "example_action_plan.docx"
HEADER = "Fictional Borough Council — Progress on the Ofsted improvement action plan"
GREEN, AMBER, RED = "#00B050", "#FFC000", "#FF0000"


def _renderer():
    """tests/render.py holds the DOCX writer (Word numbering, header/footer,
    table header rows); load it by path so tests/ need not be a package."""
    spec = importlib.util.spec_from_file_location("council_extract_test_render", REPO / "tests" / "render.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def P(text, numbering=None, level=0):
    return Block("paragraph", text, numbering=numbering, level=level)


def H(text, numbering=None, level=1):
    return Block("heading", text, numbering=numbering, level=level)


def L(text, numbering):
    return Block("list_item", text, numbering=numbering, level=1)


def build() -> Document:
    header = [Cell(t) for t in ("Ref", "Recommendation", "Actions", "Lead Officer", "Timescale", "RAG")]
    rows = [
        header,
        [Cell("1"),
         Cell("Improve the timeliness of assessments so that children's needs are understood "
              "and met without delay."),
         Cell("• Weekly performance clinics held with team managers\n"
              "• Two additional social workers placed in the Front Door team\n"
              "• Monthly audit of any assessment open longer than 45 working days"),
         Cell("Head of Service, Safeguarding – Sam Patel"),
         Cell("31st March 2025"),
         Cell("Green", fill=GREEN)],
        [Cell("2"),
         Cell("Strengthen management oversight and supervision so that plans for children "
              "progress within agreed timescales."),
         Cell("Revised supervision policy launched in January 2025; supervision records "
              "audited every quarter, with findings reported to the Improvement Board."),
         Cell("Service Manager, Quality Assurance – Priya Shah"),
         Cell("Quarterly"),
         Cell("Amber")],
        [Cell("3"),
         Cell("Ensure that care leavers have access to suitable accommodation and understand "
              "their entitlements."),
         Cell("• Commission 12 additional supported lodgings places\n"
              "• Publish a revised Local Offer for care leavers"),
         Cell("Head of Service, Children in Care – Alex Morgan"),
         Cell("by June 2025"),
         Cell("", fill=RED)],
        [Cell("4"),
         Cell("Improve the quality and consistency of return home interviews for children "
              "who go missing."),
         Cell("Return home interview service brought in-house; 94% of interviews now offered "
              "within 72 hours (target 100%)."),
         Cell("Team Manager, Exploitation Hub – Chris Taylor"),
         Cell("30th September 2025"),
         Cell("Green")],
    ]
    blocks = [
        H("Fictional Borough Council"),
        P("Children's Scrutiny Committee"),
        P("12 March 2025"),
        P("Report No: CS/2025/07"),
        H("Progress on the Ofsted improvement action plan"),
        P("Report of the Director of Children's Services"),
        P("Contact officer: Jo Bloggs"),
        H("PURPOSE OF THE REPORT", "1"),
        P("This report updates the Committee on progress against the action plan agreed after the "
          "Ofsted inspection of the Council's children's services in October 2024. The plan answers "
          "the four recommendations made by the inspectors.", "1.1", 2),
        H("RECOMMENDATIONS", "2"),
        P("The Committee is asked to:", "2.1", 2),
        L("NOTE the progress made against the Ofsted improvement action plan, as set out in "
          "Appendix A; and", "a)"),
        L("ENDORSE the revised timescales for the actions rated Amber, and receive a further "
          "progress report in September 2025.", "b)"),
        H("PROGRESS AGAINST THE PLAN", "3"),
        P("Timeliness of assessments rose from 72% in Q1 2024/25 to 85% in Q3, against a target "
          "of 90%. Weekly performance clinics have been held with every team manager since "
          "September 2024.", "3.1", 2),
        P("The number of children subject to a child protection plan fell from 312 at the end of "
          "March 2024 to 284 at the end of December 2024. The rate per 10,000 children (41.2) is "
          "now close to the statistical neighbour average of 40.5.", "3.2", 2),
        P("Average social worker caseloads have reduced to 17 children per worker (target 18), and "
          "agency workers now make up 19% of the workforce, down from 27% a year earlier.", "3.3", 2),
        P("Of the four recommendations, two are rated Green, one Amber and one Red. The action plan "
          "is set out below and in Appendix A.", "3.4", 2),
        H("ACTION PLAN", "4"),
        Block("table", table=Table(rows=rows, header_rows=1)),
        H("NEXT STEPS", "5"),
        P("The Improvement Board will continue to meet monthly to monitor the plan, and a further "
          "progress report will be brought to this Committee in September 2025.", "5.1", 2),
        P("Background papers: Ofsted inspection report on the Council's children's services "
          "(December 2024)."),
    ]
    return Document(doc_id="example", path=str(DEFAULT_OUT), file_name=DEFAULT_OUT.name,
                    format="docx", blocks=blocks)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output path (default {DEFAULT_OUT})")
    args = ap.parse_args(argv)
    render = _renderer()
    out = render.render_docx(build(), args.out, header_text=HEADER, cell_lists=True)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
