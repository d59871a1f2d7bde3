"""Charts printed in a paper's text layer: a "Figure N:" caption, then the
chart's axis ticks, categories, legend and data labels as short lines, to
its "Source:" line. The ticks are a scale, not metrics; the data labels are
metrics of what the caption measures (docs/design.md, numbers in tables and
charts)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.entities.items import Metric
from extractors.entities.metrics import column_context
from extractors.entities.timescales.periods import parse_financial_period
from extractors.model import Document

# a chart's caption: "Figure 1: Hospital admissions ...", "Chart 3 – ...", "Graph 2."
_CHART_CAPTION = re.compile(r"^(?:figure|fig\.|chart|graph)\s*\d{1,3}[a-z]?(?:\s*[:.\-–—]|\s+(?=[A-Z]))", re.I)
_CHART_END = re.compile(r"^(?:source|sources|note|notes|data\s+source)s?\s*[:.\-–]", re.I)
# a whole number that may be a tick; not part of a period ("2016/17", "2019-23") or a year
_TICK = re.compile(r"(?<![\d.,£$/\-–])(\d{1,7})(%?)(?![\d.,/\-–])")


@dataclass
class Chart:
    """The blocks of one chart: its caption and its axis tick labels."""
    caption: str
    ticks: set[str]


def charts(doc: Document) -> dict[int, Chart]:
    """Block index -> the chart it is part of, for the blocks of a chart
    (after a "Figure N:" caption, to its "Source:" line, a heading or a
    sentence of prose). The ticks are the whole numbers of the chart's lines
    that step evenly from one to the next (0 100 200 ... 600, 0% 10% ...
    50%), three at least; the other numbers are its data labels."""
    out: dict[int, Chart] = {}
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        if blocks[i].kind == "table" or not _CHART_CAPTION.match(blocks[i].text.strip()):
            i += 1
            continue
        zone, j = [], i + 1
        while j < len(blocks) and j < i + 40:
            b = blocks[j]
            t = " ".join(b.text.split()) if b.kind != "table" else ""
            if b.kind == "heading" and not re.search(r"\d", t) or _CHART_END.match(t) or _CHART_CAPTION.match(t) \
                    or (b.kind != "table" and len(t.split()) > 14):
                break
            zone.append(j)
            j += 1
        tokens = {}
        for k in zone:
            b = blocks[k]
            texts = [c.text for row in b.table.rows for c in row] if b.kind == "table" else [b.text]
            for text in texts:
                for m in _TICK.finditer(text):
                    value = int(m.group(1))
                    if not m.group(2) and 1990 <= value <= 2099:
                        continue   # a year: a category, not a tick
                    tokens.setdefault(m.group(2), set()).add(value)
        chart = Chart(caption=_CHART_CAPTION.sub("", " ".join(blocks[i].text.split()), count=1).strip(" :.-–—"),
                      ticks=set())
        for pct, values in tokens.items():
            ticks = _even_steps(sorted(values))
            if len(ticks) >= 3:
                chart.ticks.update(f"{v}{pct}" for v in ticks)
        for k in zone:
            out[k] = chart
        i = max(j, i + 1)
    return out


def chart_ticks(doc: Document) -> dict[int, set[str]]:
    """Block index -> the axis tick labels printed in it (charts())."""
    return {k: c.ticks for k, c in charts(doc).items() if c.ticks}


def data_labels(found: list[Metric], chart: Chart) -> list[Metric]:
    """A chart's data labels: not its scale; what they measure, their unit
    and their period are the caption's ("Figure 2: Hospital admissions ...,
    2023/24, crude rate per 100,000")."""
    _, period, unit_hint = column_context(chart.caption)
    unit = {"%": "percent", "rate": "rate"}.get(unit_hint or "")
    out = []
    for m in found:
        if m.raw.replace(" ", "") in chart.ticks:
            continue
        m.label = chart.caption or m.label
        if unit and m.unit == "count":
            m.unit = unit
        if period and not m.period:
            m.period = period
            p = parse_financial_period(period)
            m.period_end = p[1] if p else None
        out.append(m)
    return out


def _even_steps(values: list[int]) -> list[int]:
    """The longest run of `values` stepping evenly (0, 100, 200, ...)."""
    best: list[int] = []
    have = set(values)
    for a in values:
        for b in values:
            if b <= a:
                continue
            step, run = b - a, [a]
            while run[-1] + step in have:
                run.append(run[-1] + step)
            if len(run) > len(best):
                best = run
    return best
