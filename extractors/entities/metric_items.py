"""Metric items: the numbers of a piece of prose or of a table's cells, as
`Metric` values with their provenance (numbers.py finds the numbers,
metrics.py labels them; this module places them in the document)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from extractors.entities import metrics as metricmod
from extractors.entities import rag as ragmod
from extractors.entities.rag import is_rag_header
from extractors.entities.items import Metric, Prov
from extractors.entities.timescales.periods import parse_financial_period
from extractors.model import Document, Table
from extractors.numbering import split_numbering


def metrics_from_text(text: str, prov: Prov, rag: Optional[str] = None) -> list[Metric]:
    """Every number in a piece of prose, as Metric items located in `prov`."""
    return [_metric(m, prov, rag) for m in metricmod.metrics_in_text(text)]


def _metric(m, prov: Prov, rag: Optional[str]) -> Metric:
    period_end = None
    if m.period:
        p = parse_financial_period(m.period)
        if p:
            period_end = p[1]
    return Metric(label=m.label, value=float(m.value), raw=m.raw, unit=m.unit, period=m.period,
                  period_end=period_end, role=m.role, comparator=m.comparator, rag=rag,
                  prov=prov.at(f"@{m.start}"))


def _numeric_cell(s: str) -> bool:
    """A cell that holds a number (with at most a unit, sign or short note),
    not a label that happens to contain a digit ('5yr PWLB', 'Year 6')."""
    s = s.strip()
    if not s or len(s) > 40 or not re.search(r"\d", s):
        return False
    letters = len(re.findall(r"[A-Za-z]", s))
    digits = len(re.findall(r"\d", s))
    return letters <= 3 or (digits >= letters and len(re.findall(r"[A-Za-z]{3,}", s)) <= 2)


# the confidence level of an interval column ("95% CI"): not the unit of its numbers
_CI_TEXT = re.compile(r"\b(?:90|95|99(?:\.9)?)\s*%\s*(?:CIs?|C\.I\.|confidence(?:\s+intervals?|\s+limits?)?)(?![A-Za-z])", re.I)


def _table_unit(table: Table, doc: Document) -> Optional[str]:
    head = " ".join(table.header) if table.header_rows else " ".join(c.text for c in table.rows[0])
    head = _CI_TEXT.sub(" ", head)
    m = re.search(r"£\s?(?:m|000s?|k|bn)\b|\(£(?:m|000s?|k)\)|%", head, re.I)
    return m.group(0) if m else None


_TREND_HEADER = re.compile(r"(?i)^(?:trend|direction(?:\s+of\s+travel)?|movement|dot)$")
# a caption that says the table's figures are scores: "Table 1: Changes in current risk scores"
_SCORES_CAPTION = re.compile(r"(?i)\b(?:risk\s+)?scores?\b")


def _caption_unit(doc: Document, tindex: int) -> Optional[str]:
    """'score' when the short heading or caption right above the table says
    its figures are (risk) scores."""
    k = -1
    for i, b in enumerate(doc.blocks):
        if b.kind == "table" and b.table is not None:   # (numbered as Document.tables() numbers them)
            k += 1
            if k == tindex:
                above = doc.blocks[i - 1] if i else None
                if above is not None and above.kind != "table" and len(above.text.split()) <= 15 and \
                        _SCORES_CAPTION.search(above.text) and not above.text.rstrip().endswith("."):
                    return "score"
                return None
    return None


_RATE_LABEL = re.compile(r"\b(?:interest\s+rates?|bank\s+rate|pwlb|yields?|gilts?|sonia|base\s+rate|rate\s+view)\b", re.I)


_COUNT_AND_SHARE = re.compile(r"(?i)\b(?:n|no\.?|number|count)\s*\(\s*%\s*\)")
_LABEL_HEADER = re.compile(r"\b(?:title|name|indicator|measure|description|kpi|item|service|risk)\b", re.I)
_SCORE_HEADER = re.compile(r"\(\s*[01]\s*[-–]\s*(?:5|10|25)\s*\)|\blikelihood\b|\bimpact\s+score\b|\bscore\b|\brating\s*\(", re.I)


# a KPI named by the time it measures: "Average days to process new claims", "Average time to
# re-let (days)", "Working days lost per FTE"; or by a share: "Percentage of ...", "% of ..."
_TIME_LABEL = re.compile(r"\((?P<u1>days|weeks|months|hours)\)|^(?:the\s+)?(?:average|mean|median)\s+(?:number\s+of\s+)?"
                         r"(?:(?:working|calendar)\s+)?(?P<u2>days|weeks|months|hours)\b|"
                         r"^(?:number\s+of\s+)?(?:working\s+)?(?P<u3>days)\s+(?:lost|taken|to)\b", re.I)
_SHARE_LABEL = re.compile(r"^(?:the\s+)?(?:percentage|proportion|%)\s+of\b", re.I)


def _label_unit(label: str) -> Optional[str]:
    """The unit an indicator's name gives its bare figures, or None:
    "Reception: prevalence of obesity (%)", "admissions (DSR per 100,000)",
    "Average days to process ...", "Percentage of ..."."""
    if re.search(r"\(\s*%\s*\)|\(\s*per\s*cent\s*\)", label, re.I):
        return "%"
    if re.search(r"\bper\s+(?:1,?000|10,?000|100,?000|1,?000,?000)\b|\bDSR\b|\bcrude\s+rate\b", label, re.I):
        return "rate"
    label = re.sub(r"^(?:KPI|PI|NI|BV)?\s*[\w.]{0,6}\d[\w.]*\s*[:.–-]?\s+", "", label.strip())   # "KPI 2: ", "HS3 "
    m = _TIME_LABEL.search(label)
    if m:
        return (m.group("u1") or m.group("u2") or m.group("u3")).lower()
    return "%" if _SHARE_LABEL.match(label) else None


def _column_unit(header: str) -> Optional[str]:
    """A unit printed in one column's own header: '£m', '£000', '%', or a
    1-5 likelihood / score scale. None for a column of 'n (%)' cells: each
    of its numbers carries its own ('247 (49.1%)': a count and a share)."""
    header = _CI_TEXT.sub(" ", header)
    if _COUNT_AND_SHARE.search(header):
        return None
    m = re.search(r"£\s?(?:m|000s?|'000|k|bn)\b|\(£(?:m|000s?|k)\)|%", header, re.I)
    if m:
        return m.group(0).strip("()")
    if _SCORE_HEADER.search(header):
        return "score"
    if re.search(r"\bper\s+(?:1,?000|10,?000|100,?000)\b|\brates?\b", header, re.I):
        return "rate"   # "Rate per 100,000 (DSR)", "England rate"
    return None


# a key-figure tile: a figure then what it counts ("438 hospital admissions for self-harm, 2023/24",
# "£41.8m estimated yearly cost", "2.1x Year 6 obesity ..."); a year or period heads a column instead
_TILE = re.compile(r"^(?!(?:19|20)\d\d\b)[+\-−]?£?\d[\d,]*(?:\.\d+)?\s*(?:%|x|m|bn|k)?\s+[A-Za-z]\S*(?:\s+\S+){2,}", re.I)


def _header_like(row) -> bool:
    """A first row of column names: text in every cell, none a bare number,
    and not a row of key-figure tiles (each cell a figure and its caption)."""
    cells = [c.text.strip() for c in row]
    filled = [c for c in cells if c]
    return len(filled) >= 2 and sum(bool(re.search(r"[A-Za-z]", c)) for c in filled) == len(filled) \
        and not any(re.fullmatch(r"[\d,.%£()\s-]+", c) for c in filled) \
        and not all(_TILE.match(c) for c in filled)


def _header_names(table: Table, header_rows: int) -> list[str]:
    names = []
    for c in range(table.n_cols):
        parts: list[str] = []
        for r in table.rows[:header_rows]:
            t = " ".join(r[c].text.split()) if c < len(r) else ""
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        names.append(" ".join(parts))
    return names


_NUMBERING_HEADER = re.compile(r"(?i)^(?:no\.?|#|ref\.?|item(?:\s+no\.?)?|id|s/?n)$")   # not "Number": a count


def _row_numbers(table: Table, header_rows: int, c: int, header: list[str]) -> bool:
    """A column numbering the rows ('No.' 1, 2, 3 ...): refs, not metrics.
    Either its header says so and every cell is a whole number, or (no
    header) its cells count up by one, four rows or more."""
    cells = [row[c].text.strip().rstrip(".") for row in table.rows[header_rows:] if c < len(row) and row[c].text.strip()]
    if not cells or not all(re.fullmatch(r"\d{1,3}", t) for t in cells):
        return False
    name = " ".join(header[c].split()) if c < len(header) else ""
    if name:
        return bool(_NUMBERING_HEADER.match(name))
    values = [int(t) for t in cells]
    return len(values) >= 4 and all(b == a + 1 for a, b in zip(values, values[1:]))


def table_metrics(table: Table, tindex: int, doc: Document, row_parent: dict, skip_cols: set[int]) -> list[tuple[object, Metric]]:
    """Numbers in table cells: numeric cells take their label from the row
    label and column header; text cells are read like sentences."""
    out: list[tuple[object, Metric]] = []
    header_rows = table.header_rows
    if not header_rows and len(table.rows) > 1 and _header_like(table.rows[0]):
        header_rows = 1  # a first row of column labels / periods the loader did not mark
    header = _header_names(table, header_rows)
    unit = _table_unit(table, doc) or _caption_unit(doc, tindex)
    col_units = [_column_unit(h) for h in header]
    if any(_SCORE_HEADER.search(h) for h in header):
        # a register's "Trend" column printing the earlier score ("↓ Reducing (Q1: 16)")
        col_units = [u or ("score" if _TREND_HEADER.search(h) else None) for u, h in zip(col_units, header)]
    for i, h in enumerate(header):
        if i and _CI_TEXT.search(h) and not col_units[i]:
            col_units[i] = col_units[i - 1]   # an interval's bounds are in the unit of the estimate beside it
    if any(col_units):
        unit = None  # units are per column ("£m" over the exposure columns only)
    label_col = next((i for i, h in enumerate(header) if _LABEL_HEADER.search(h)), None)
    # a RAG column rates the row's latest actual value (the rightmost column
    # of actuals: "Q2" beside "Q1"). Earlier columns stay actual: the
    # labelling guide keeps `previous` for values printed as previous.
    rag_col = next((i for i, h in enumerate(header) if is_rag_header(h)), None)
    if rag_col is None:
        rag_col = _rated_column(table, header_rows, label_col)
    skip_cols = skip_cols | {c for c in range(table.n_cols) if _row_numbers(table, header_rows, c, header)}
    actual_cols = [i for i in range(len(header)) if i not in skip_cols and metricmod.column_context(header[i])[0] == "actual"]
    shaded = _shaded_value_columns(table, header_rows)
    for r_off, row in enumerate(table.rows[header_rows:]):
        r = r_off + header_rows
        label_idx = label_col if (label_col is not None and label_col < len(row) and row[label_col].text.strip()) else \
            next((i for i, c in enumerate(row) if c.text.strip() and not _numeric_cell(c.text)), None)
        if label_col is None and all(_TILE.match(c.text.strip()) for c in row if c.text.strip()):
            label_idx = None   # a row of key-figure tiles: each cell a figure and its own caption
        row_label = " ".join(row[label_idx].text.split()) if label_idx is not None else None
        row_unit = unit
        if row_unit is None and row_label and _RATE_LABEL.search(row_label + " " + (header[0] if header else "")):
            row_unit = "%"  # interest rates / yields are printed without the % sign
        if row_unit is None and row_label:
            row_unit = _label_unit(row_label)
        parent = row_parent.get(r)
        # the row's latest value: its rightmost actual column that holds one ("Q2" when Q3 and Q4 are still blank)
        latest = next((c for c in reversed(actual_cols) if c < len(row) and row[c].text.strip()), None)
        row_rag = None
        if rag_col is not None and rag_col < len(row):
            got = ragmod.normalise_rag(row[rag_col].text.strip() or None, row[rag_col].fill, letters_ok=True)
            row_rag = got[0] if got else None
        for c, cell in enumerate(row):
            txt = cell.text.strip()
            if not txt or cell.spanned or c in skip_cols or (c == label_idx and len(txt.split()) <= 12):
                continue   # (a merged cell's numbers are read once, in its first slot)
            cell_rag = row_rag
            if c in shaded and (got := ragmod.normalise_rag(None, cell.fill)):
                cell_rag = got[0]   # a risk score on its rating's colour
            rated = _RATED_VALUE.match(txt)
            if rated and _numeric_cell(rated.group("value")):
                # "2.8% Green": the value with its rating printed beside it
                txt, cell_rag = rated.group("value"), ragmod.normalise_rag(rated.group("rag"))[0]
            colname = header[c] if c < len(header) else ""
            prov = Prov(page=table.page_of(cell), source_text=txt,
                        locator=f"table:{tindex}/row:{r}/col:{' '.join(colname.split()) or c}", table=tindex)
            if _numeric_cell(txt):
                cu = col_units[c] if c < len(col_units) else None
                # ("Kestrelford n (%)": the "%" is the unit of the share in brackets only)
                mentions = metricmod.metric_in_cell(txt, row_label=row_label,
                                                    column_header=_COUNT_AND_SHARE.sub(" ", colname) if colname else None,
                                                    table_unit=cu or row_unit)
            else:
                num, rest = split_numbering(txt)  # "5. Improve the ..." : the 5 is a list number
                mentions = metricmod.metrics_in_text(rest if num and rest else txt)
                if c < len(col_units) and col_units[c] == "score":
                    # "↓ Reducing (Q1: 16)" in a register's Trend column: the earlier score
                    mentions = [replace(m, unit="score") if m.unit == "count" else m for m in mentions]
            for m in mentions:
                rate = cell_rag if (c == latest or cell_rag != row_rag) and m.role == "actual" else None
                out.append((parent, _metric(m, prov, rate)))
    return out


def _shaded_value_columns(table: Table, header_rows: int) -> set[int]:
    """Columns whose figures are printed on red, amber and green (at least
    two ratings: one colour throughout is the table's design)."""
    out = set()
    body = table.rows[header_rows:]
    for c in range(max((len(row) for row in body), default=0)):
        got = {g[0] for row in body if c < len(row) and _numeric_cell(row[c].text.strip() or "x")
               and (g := ragmod.normalise_rag(None, row[c].fill))}
        if len(got) >= 2:
            out.add(c)
    return out


# a value with its rating after it: "2.8% Green", "455 (Amber)"
_RATED_VALUE = re.compile(r"^(?P<value>.*?\d.*?)\s*[(\[]?\s*(?P<rag>red|amber|green|amber\s*/\s*green|red\s*/\s*amber)\s*[)\]]?$",
                          re.I)


def _rated_column(table: Table, header_rows: int, label_col: Optional[int]) -> Optional[int]:
    """A column whose header does not say RAG but whose cells are ratings:
    "Status" holding GREEN / AMBER / RED, or an unnamed column of red, amber
    and green cells (two ratings at least: one colour throughout is the
    table's design)."""
    body = table.rows[header_rows:]
    if len(body) < 2:
        return None
    for c in range(max(len(row) for row in body)):
        if c == label_col:
            continue
        got = []
        for row in body:
            cell = row[c] if c < len(row) else None
            if cell is None or len(cell.text.split()) > 2:
                break
            # a cell's words must be a rating; its colour counts only when it holds none
            # ("ASCH" on the directorate's colour is not a rating)
            text = cell.text.strip()
            r = ragmod.normalise_rag(text, None, letters_ok=True) if text else ragmod.normalise_rag(None, cell.fill)
            if r is None:
                break
            got.append(r[0])
        else:
            if len(got) >= 2 and len(set(got)) >= 2:
                return c
    return None
