"""Output table schemas: the single source of truth for column names, Arrow
types and meanings. The writer builds Parquet files from these schemas (the
descriptions travel in each field's metadata under b"description"), and the
data dictionary in docs/ is generated from them.
"""
from __future__ import annotations

import pyarrow as pa

PROVENANCE = [
    ("page", pa.int32(), "1-based page the row came from (null for TXT/DOCX, which have no fixed pages)"),
    ("source_text", pa.string(), "the exact text the row was extracted from (sentence, paragraph or table cell)"),
    ("locator", pa.string(), "where in the document: a section number such as '5.1.2', or 'table:N/row:M/col:NAME'"),
    ("ocr", pa.bool_(), "true when the row's page had no text layer and its text was read by OCR (check figures against the page)"),
    ("ocr_confidence", pa.float64(), "OCR pages: the page's mean word confidence from the OCR engine, 0-1 (null when not OCR'd)"),
]

_S, _I, _F, _D = pa.string(), pa.int32(), pa.float64(), pa.date32()

# the tables of extracted entities (every one carries PROVENANCE)
ENTITY_TABLES = ("recommendations", "actions", "owners", "timescales", "metrics", "responses")

COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "documents": [
        ("doc_id", _S, "content hash of the file's bytes (first 20 hex digits of SHA-256); the key every table joins on"),
        ("path", _S, "path of the file as given to the run"),
        ("file_name", _S, "file name without folders"),
        ("format", _S, "pdf | docx | txt | md (detected from the bytes, not the extension)"),
        ("pages", _I, "page count (PDF); null for formats without fixed pages"),
        ("council", _S, "council that published the paper, where the paper states it"),
        ("committee", _S, "meeting body the paper goes to (Cabinet, County Council, a scrutiny committee)"),
        ("meeting_date", _D, "date of the meeting the paper is for"),
        ("report_ref", _S, "report or decision reference as printed (REPORT NO: 207/2013, Decision no: 24/00109)"),
        ("title", _S, "title or subject of the paper"),
        ("author", _S, "author, report-of line or contact officer"),
        ("status", _S, "ok | partial | failed | skipped (a path that is not a file: FIFO, link to nothing; its warning row says why)"),
        ("n_blocks", _I, "number of body blocks loaded"),
        ("n_tables", _I, "number of tables loaded"),
        ("ocr_pages", _I, "number of pages without a text layer whose text was read by OCR (0 when none; null for formats without pages)"),
        ("warnings", _S, "loader warnings joined by '; ' (null when none)"),
        ("size_bytes", pa.int64(), "file size in bytes"),
        ("pipeline_version", _S, "version of the pipeline that produced the rows"),
        ("extracted_at", pa.timestamp("s", tz="UTC"), "when this file was extracted (UTC)"),
    ],
    "sections": [
        ("section_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document the section belongs to"),
        ("ordinal", _I, "position of the section in the document (0-based)"),
        ("section_ref", _S, "printed number such as '5.1.2', 'a)', 'Action 4'; null for a headed section without a number"),
        ("heading", _S, "heading text (for a numbered paragraph without a heading: null)"),
        ("text", _S, "the section's own text (not its children's)"),
        ("level", _I, "nesting depth, 1 = top"),
        ("parent_ref", _S, "section_ref or heading of the enclosing section"),
        *PROVENANCE,
    ],
    "recommendations": [
        ("rec_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document the recommendation was found in"),
        ("kind", _S, "decision (what the paper asks its meeting to decide/note/approve) | improvement (from an inspection, review, audit or scrutiny)"),
        ("ref", _S, "reference as printed: '2.1', 'A', '(ii)', 'Action 4', '1'; null when unnumbered"),
        ("text", _S, "recommendation text without its ref"),
        ("source_body", _S, "decision: the body asked (Cabinet, County Council); improvement: the body that made it (Ofsted, Peer Challenge, Audit) where known"),
        ("rag", _S, "red | amber | green | blue | complete; null when not rated"),
        ("rag_raw", _S, "rating as printed (text, letter or cell colour '#rrggbb')"),
        ("status_text", _S, "progress / status text reported against the recommendation"),
        ("section_ref", _S, "enclosing section number or heading"),
        *PROVENANCE,
    ],
    "actions": [
        ("action_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document"),
        ("rec_id", _S, "recommendation this action answers (null when the paper does not link it)"),
        ("response_id", _S, "the response that promises this action (a response paper's 'the Department will ...'); null otherwise"),
        ("ref", _S, "action number as printed, if any"),
        ("text", _S, "what is done or will be done"),
        ("status_text", _S, "progress / status text for this action"),
        ("rag", _S, "red | amber | green | blue | complete"),
        ("rag_raw", _S, "rating as printed"),
        ("evidence", _S, "evidence / success measure text printed with the action"),
        *PROVENANCE,
    ],
    "owners": [
        ("owner_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document"),
        ("parent_type", _S, "recommendation | action | response"),
        ("parent_id", _S, "rec_id, action_id or response_id"),
        ("role", _S, "role or body ('Head of Service Children in Care', 'Corporate Director of Adult Social Care and Health')"),
        ("person", _S, "person's name when printed or resolved through the paper's glossary"),
        ("owner_kind", _S, "lead | responsible | delegate | owner (from the column or phrase it came from)"),
        ("raw", _S, "owner text as printed"),
        *PROVENANCE,
    ],
    "timescales": [
        ("timescale_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document"),
        ("parent_type", _S, "recommendation | action | response"),
        ("parent_id", _S, "rec_id, action_id or response_id"),
        ("raw", _S, "timescale as printed ('30th Sept 14', 'Monthly', 'within 3 months')"),
        ("due_date", _D, "due date; month-only -> last day of month, year -> 31 Dec, financial year -> 31 Mar"),
        ("precision", _S, "day | month | quarter | year; null when there is no date"),
        ("recurrence", _S, "once | weekly | fortnightly | monthly | quarterly | annually | ongoing | immediate | other"),
        ("relative", _S, "relative text ('within 3 months') when it could not be anchored to a date, else the relative text that was anchored"),
        *PROVENANCE,
    ],
    "metrics": [
        ("metric_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document"),
        ("parent_type", _S, "recommendation | action | null when the number stands alone"),
        ("parent_id", _S, "rec_id or action_id, when the number belongs to one"),
        ("label", _S, "what is measured (from the sentence or the row/column headers)"),
        ("value", _F, "the number (percent as 12.9, money in pounds: £1.2m -> 1200000)"),
        ("raw", _S, "the number as printed ('£1.2m', '12.9%', 'forty')"),
        ("unit", _S, "percent | count | days | weeks | months | years | hours | seconds | gbp | score | ratio | rate"),
        ("period", _S, "period the number is for, as printed ('quarter 1 (13/14)', 'Sept 2018', '2016/17')"),
        ("period_end", _D, "last day of that period"),
        ("role", _S, "actual | target | baseline | previous | comparator | change"),
        ("comparator", _S, "comparator group for role comparator (statistical neighbours, national, England)"),
        ("rag", _S, "RAG rating printed with the number, if any"),
        *PROVENANCE,
    ],
    "responses": [
        ("response_id", _S, "stable id: hash of doc_id and locator"),
        ("doc_id", _S, "document the response is printed in"),
        ("rec_ref", _S, "the answered recommendation's ref as the response prints it ('8.3', '7'); null when it prints none"),
        ("rec_id", _S, "the answered recommendation when the same paper prints it as a recommendation row; across papers see the links table"),
        ("rec_text", _S, "the recommendation as the response quotes it"),
        ("responder", _S, "who answers ('the Government', 'the Cabinet Secretary', 'the Executive')"),
        ("status", _S, "accepted | partially_accepted | rejected | noted | under_consideration | implemented; null when the response does not say"),
        ("status_raw", _S, "the words that gave the status ('does not agree', 'Accepted in part')"),
        ("text", _S, "the response as printed"),
        *PROVENANCE,
    ],
    "links": [
        ("link_id", _S, "stable id: hash of the two rows' ids and the kind"),
        ("from_table", _S, "recommendations (the recommendation as made earlier)"),
        ("from_id", _S, "rec_id of the earlier recommendation"),
        ("from_doc_id", _S, "document of the earlier recommendation"),
        ("to_table", _S, "recommendations | responses"),
        ("to_id", _S, "rec_id or response_id of the later row that answers, plans or reports on it"),
        ("to_doc_id", _S, "document of the later row"),
        ("kind", _S, "response (answers it) | action_plan (a later paper plans actions for it) | progress (a later paper rates or reports on it) | same (printed again, no date order)"),
        ("score", _F, "text similarity of the two recommendations, 0-1 (token-set F1)"),
        ("method", _S, "ref+text (same printed ref and similar text) | text (similar text alone)"),
    ],
    "errors": [
        ("doc_id", _S, "content hash when the file could be read, else null"),
        ("path", _S, "path of the file"),
        ("stage", _S, "discover | load | metadata | sections | entities | worker"),
        ("error_type", _S, "short machine-readable type (unsupported_format, encrypted, corrupt, empty, no_text, timeout, crash, exception)"),
        ("severity", _S, "error (file not extracted) | warning (extracted, but something was skipped)"),
        ("message", _S, "what went wrong, in words an analyst can act on"),
    ],
}

TABLE_NAMES = list(COLUMNS)
# tables made from the whole output at commit (pipeline/engine/links.py), not from one paper
DERIVED_TABLES = ("links",)

# Primary id column per table (used to sort and to check uniqueness).
ID_COLUMN = {
    "documents": "doc_id",
    "sections": "section_id",
    "recommendations": "rec_id",
    "actions": "action_id",
    "owners": "owner_id",
    "timescales": "timescale_id",
    "metrics": "metric_id",
    "responses": "response_id",
    "links": "link_id",
    "errors": None,
}


def schema(table: str) -> pa.Schema:
    fields = [
        pa.field(name, typ, nullable=True, metadata={b"description": desc.encode()})
        for name, typ, desc in COLUMNS[table]
    ]
    return pa.schema(fields, metadata={b"table": table.encode()})
