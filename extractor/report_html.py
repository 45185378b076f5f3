"""The comparison as one self-contained HTML page: tables and charts drawn here as inline SVG.

Why self-contained and hand-drawn: the report is mailed around and opened on office machines without
network access, so it carries no script and loads nothing (no CDN); every chart is a few SVG
rectangles computed here.  All document text goes through :func:`html.escape` — a plan title such as
"Kế hoạch <b>số 126</b> & …" is shown as written, never interpreted as markup.
"""

from __future__ import annotations

from html import escape
from typing import Any

from extractor.compare import INDEX_CODES, NO_INDEX, Comparison, Table

# one colour per index, the same in every chart (a colour-blind-safe-ish categorical palette)
PALETTE = {
    "PAR_INDEX": "#1f77b4", "SIPAS": "#ff7f0e", "PAPI": "#2ca02c", "PCI": "#d62728", "DDCI": "#9467bd",
    "DTI": "#8c564b", "DVCQ": "#e377c2", "ICT": "#17becf", NO_INDEX: "#9e9e9e",
}
HEAT = ((0xEE, 0xF3, 0xFB), (0x1F, 0x4E, 0x9C))
MAX_ROWS = 300

CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 6px;border-bottom:2px solid #1f4e9c}
h3{font-size:14px;margin:16px 0 4px} p.note{color:#666;font-size:12px;margin:2px 0 8px}
.cards{display:flex;gap:12px;margin:12px 0} .card{background:#eef3fb;border-radius:6px;padding:8px 14px}
.card b{display:block;font-size:20px;color:#1f4e9c}
.charts{display:flex;flex-wrap:wrap;gap:18px} figure{margin:0} figcaption{font-size:12px;color:#555}
table{border-collapse:collapse;font-size:12px;margin:4px 0 10px} th,td{border:1px solid #d5dbe5;padding:3px 6px}
th{background:#eef3fb;text-align:left} td.n{text-align:right} td.t{max-width:520px}
.legend span{display:inline-block;margin-right:10px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:3px}
"""


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _heat(value: float, top: float) -> str:
    f = 0.0 if top <= 0 else min(1.0, value / top)
    r, g, b = (round(a + (c - a) * f) for a, c in zip(*HEAT))
    return f"#{r:02x}{g:02x}{b:02x}"


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 11, fill: str = "#333") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}">'
            f"{escape(s)}</text>")


def _rotated(x: float, y: float, s: str) -> str:
    """An axis label turned 40° so long ones ("Theo sự kiện / quy định") do not overlap."""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="10" text-anchor="end" fill="#333" '
            f'transform="rotate(-40 {x:.1f} {y:.1f})">{escape(s)}</text>')


def bar_chart(labels: list[str], values: list[int], colors: list[str], title: str) -> str:
    """Vertical bars, one colour each."""
    w, h, left, bottom = 420, 250, 34, 66
    top = max(values, default=0) or 1
    step = (w - left - 10) / max(1, len(values))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img">',
             f"<title>{escape(title)}</title>"]
    for i, (label, v, c) in enumerate(zip(labels, values, colors)):
        bh = (h - bottom - 16) * v / top
        x = left + i * step + step * 0.15
        parts.append(f'<rect x="{x:.1f}" y="{h - bottom - bh:.1f}" width="{step * 0.7:.1f}" height="{bh:.1f}" '
                     f'fill="{c}"/>')
        parts.append(_text(x + step * 0.35, h - bottom - bh - 3, str(v), "middle", 10))
        parts.append(_rotated(x + step * 0.35, h - bottom + 10, label))
    parts.append(f'<line x1="{left}" y1="{h - bottom}" x2="{w - 6}" y2="{h - bottom}" stroke="#888"/></svg>')
    return _figure("".join(parts), title)


def stacked_bars(categories: list[str], series: dict[str, list[int]], title: str) -> str:
    """One bar per category, stacked by series (index), with a legend."""
    w, h, left, bottom = max(420, 46 * len(categories) + 90), 270, 80, 100
    totals = [sum(s[i] for s in series.values()) for i in range(len(categories))]
    top = max(totals, default=0) or 1
    step = (w - left - 10) / max(1, len(categories))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img">',
             f"<title>{escape(title)}</title>"]
    for i, cat in enumerate(categories):
        y: float = h - bottom
        x = left + i * step + step * 0.15
        for name, values in series.items():
            bh = (h - bottom - 16) * values[i] / top
            if bh > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y - bh:.1f}" width="{step * 0.7:.1f}" height="{bh:.1f}" '
                             f'fill="{PALETTE.get(name, "#777")}"><title>{escape(name)}: {values[i]}</title></rect>')
            y -= bh
        parts.append(_text(x + step * 0.35, y - 3, str(totals[i]), "middle", 10))
        parts.append(_rotated(x + step * 0.35, h - bottom + 10, cat))
    parts.append(f'<line x1="{left}" y1="{h - bottom}" x2="{w - 6}" y2="{h - bottom}" stroke="#888"/></svg>')
    return _figure("".join(parts), title, legend=list(series))


def hbar_chart(labels: list[str], values: list[int], title: str, color: str = "#1f4e9c") -> str:
    """Horizontal bars with long labels (unit names)."""
    row, left, w = 20, 260, 560
    h = row * len(labels) + 12
    top = max(values, default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img">',
             f"<title>{escape(title)}</title>"]
    for i, (label, v) in enumerate(zip(labels, values)):
        y = 6 + i * row
        bw = (w - left - 40) * v / top
        short = label if len(label) <= 42 else label[:41] + "…"
        parts.append(_text(left - 6, y + 12, short, "end", 11))
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{bw:.1f}" height="{row - 6}" fill="{color}"/>')
        parts.append(_text(left + bw + 4, y + 12, str(v), "start", 10))
    parts.append("</svg>")
    return _figure("".join(parts), title)


def heatmap(rows: list[str], cols: list[str], values: list[list[int]], title: str) -> str:
    """A grid: one row per issuer, one column per index, darker = more records."""
    cell, left, head = 30, 250, 96
    w, h = left + cell * len(cols) + 80, head + cell * len(rows) + 6
    top = max((v for r in values for v in r), default=0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img">',
             f"<title>{escape(title)}</title>"]
    for j, col in enumerate(cols):
        cx, cy = left + j * cell + cell / 2, head - 6
        parts.append(f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="10" fill="{PALETTE.get(col, "#333")}" '
                     f'transform="rotate(-45 {cx:.1f} {cy:.1f})">{escape(col)}</text>')
    for i, label in enumerate(rows):
        y = head + i * cell
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(_text(left - 6, y + cell / 2 + 4, short, "end", 11))
        for j, v in enumerate(values[i]):
            x = left + j * cell
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{_heat(v, top)}">'
                         f"<title>{escape(label)} × {escape(cols[j])}: {v}</title></rect>")
            if v:
                fill = "#fff" if top and v / top > 0.5 else "#223"
                parts.append(_text(x + cell / 2 - 1, y + cell / 2 + 4, str(v), "middle", 10, fill))
    parts.append("</svg>")
    return _figure("".join(parts), title)


def _figure(svg: str, caption: str, legend: list[str] | None = None) -> str:
    keys = "".join(f'<span><i style="background:{PALETTE.get(k, "#777")}"></i>{escape(k)}</span>'
                   for k in legend or [])
    return f'<figure>{svg}<figcaption>{escape(caption)}</figcaption>' + (
        f'<div class="legend">{keys}</div>' if keys else "") + "</figure>"


def table_html(table: Table, limit: int = MAX_ROWS) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.rows[:limit]:
        cells = []
        for value in row:
            if isinstance(value, int | float):
                cells.append(f'<td class="n">{escape(_num(value))}</td>')
            else:
                cells.append(f'<td class="t">{escape("" if value is None else str(value))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="note">… {len(table.rows) - limit} more rows in {escape(table.name)}.csv</p>'
            if len(table.rows) > limit else "")
    note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
    empty = '<p class="note">(none)</p>' if not table.rows else ""
    return f"{note}<table><tr>{head}</tr>{''.join(body)}</table>{more}{empty}"


def _parents(table: Table) -> str:
    """One side-by-side table per parent plan: its implementing plans × indices (task counts)."""
    out: list[str] = []
    by_parent: dict[str, list[list[Any]]] = {}
    for row in table.rows:
        by_parent.setdefault(row[0], []).append(row)
    first_index = table.columns.index(INDEX_CODES[0])
    for parent, rows in list(by_parent.items())[:40]:
        used = [i for i, c in enumerate(table.columns[first_index:], first_index) if any(r[i] for r in rows)]
        top = max((r[i] for r in rows for i in used), default=0)
        head = "".join(f'<th style="color:{PALETTE[table.columns[i]]}">{escape(table.columns[i])}</th>' for i in used)
        body = "".join(
            f"<tr><td class=t>{escape(str(r[5]))}</td><td class=t>{escape(str(r[6] or ''))}</td>"
            f"<td class=t>{escape(str(r[7] or ''))}</td><td class=n>{r[8]}</td>"
            + "".join(f'<td class=n style="background:{_heat(r[i], top)}">{r[i] or ""}</td>' for i in used)
            + "</tr>"
            for r in rows
        )
        cited = " ".join(str(x) for x in (rows[0][1], parent, rows[0][2] and f"({rows[0][2]})") if x)
        out.append(f"<h3>{escape(cited)} — {len(rows)} plan(s)</h3><table><tr><th>issuer</th><th>number</th>"
                   f"<th>issued</th><th>tasks</th>{head}</tr>{body}</table>")
    return "".join(out) or '<p class="note">(no plan cites a parent document)</p>'


def render(comparison: Comparison, title: str = "So sánh kế hoạch") -> str:
    """The whole page."""
    matrix = comparison["matrix"]
    cols = [c for c in matrix.columns[2:-1]]
    per_index = [sum(r[2 + j] for r in matrix.rows) for j in range(len(cols))]
    heat_rows = sorted(matrix.rows, key=lambda r: (-r[-1], r[0]))[:25]
    timeline = comparison["timeline_by_quarter"]
    series = {c: [r[2 + j] for r in timeline.rows] for j, c in enumerate(timeline.columns[2:])}
    load = comparison["lead_unit_load"].rows[:15]
    charts = "".join([
        bar_chart(cols, per_index, [PALETTE.get(c, "#777") for c in cols], "Records per index"),
        stacked_bars([r[0] for r in timeline.rows], series, "Tasks by quarter due, by index"),
        heatmap([str(r[0]) for r in heat_rows], cols, [list(r[2:-1]) for r in heat_rows],
                "Issuer × index (records)"),
        hbar_chart([str(r[0]) for r in load], [int(r[1]) for r in load], "Lead units: records led (top 15)"),
    ])
    t = comparison.totals
    cards = "".join(f'<div class="card"><b>{t[k]}</b>{escape(label)}</div>' for k, label in (
        ("documents", "documents"), ("issuers", "issuers"), ("records", "records"), ("tasks", "tasks"),
        ("failed", "unreadable files")))
    sections = []
    for table in comparison.tables:
        body = _parents(table) if table.name == "parent_plans" else table_html(table)
        sections.append(f'<h2 id="{escape(table.name)}">{escape(table.title)}</h2>{body}')
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>"
        f'<div class="cards">{cards}</div><div class="charts">{charts}</div>{"".join(sections)}</body></html>\n'
    )
