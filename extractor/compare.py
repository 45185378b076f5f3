"""Cross-department comparison of a bulk run: tables computed from ``OUT/plans.sqlite``, written as CSV,
one XLSX and one HTML report (:mod:`extractor.report_html`).

Why these tables: they are the questions a provincial Sở Nội vụ asks of its departments' plans —
which indices each department covers (issuer × index), which "Tồn tại, hạn chế" no task answers,
which tasks have no lead unit or no time, who carries the load, what falls due in which quarter, which
task text several departments share, and, most of all, how every plan implementing one parent plan
("Thực hiện Kế hoạch số 126/KH-UBND …") compares side by side.  Each is a plain :class:`Table`, so
the CSV, the XLSX sheet, the printed summary and the HTML section cannot disagree.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor import near_duplicates
from extractor.schema import IndexCode

INDEX_CODES = [c.value for c in IndexCode]
NO_INDEX = "(không chỉ số)"
UNKNOWN_ISSUER = "(không rõ cơ quan)"
REPORT_DIR = "compare"


@dataclass
class Table:
    """One comparison: ``name`` is its file name (``matrix`` → ``matrix.csv``, sheet ``matrix``)."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""


@dataclass
class Comparison:
    tables: list[Table]
    totals: dict[str, int]

    def __getitem__(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


def _issuer(issuer: str | None) -> str:
    return issuer or UNKNOWN_ISSUER


def issuer_index_matrix(db: sqlite3.Connection) -> Table:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    for issuer, n in db.execute("SELECT issuer, count(*) FROM documents WHERE error_code IS NULL GROUP BY issuer"):
        docs[_issuer(issuer)] += n
    for issuer, code, n in db.execute(
        "SELECT d.issuer, r.index_code, count(*) FROM records r JOIN documents d ON d.id = r.document_id "
        "GROUP BY d.issuer, r.index_code"
    ):
        counts[_issuer(issuer)][code or NO_INDEX] += n
    used = [c for c in INDEX_CODES if any(c in row for row in counts.values())]
    table = Table("matrix", "Số nhiệm vụ theo cơ quan × chỉ số (records per issuer × index)",
                  ["issuer", "documents", *used, NO_INDEX, "total"],
                  note="Records of every kind; responsibilities usually have no index.")
    for issuer in sorted(set(docs) | set(counts)):
        row = counts[issuer]
        table.rows.append([issuer, docs[issuer], *(row[c] for c in used), row[NO_INDEX], sum(row.values())])
    return table


def weaknesses_without_task(db: sqlite3.Connection) -> Table:
    """An index the plan names (in its text or its reported scores) with no task record for it."""
    table = Table("weaknesses_without_task",
                  "Chỉ số có tồn tại/điểm số nhưng không có nhiệm vụ (weaknesses without a task)",
                  ["document", "issuer", "number", "index", "named_in", "latest_score", "weakness"])
    tasks = {(d, c) for d, c in db.execute("SELECT DISTINCT document_id, index_code FROM records WHERE kind = 'task'")}
    weakness = {(d, c): w for d, c, w in db.execute(
        "SELECT document_id, index_code, min(weakness) FROM records WHERE weakness IS NOT NULL "
        "GROUP BY document_id, index_code")}
    scores: dict[str, dict[str, str]] = defaultdict(dict)
    for d, c, year, value, unit, change in db.execute(
        "SELECT document_id, index_code, year, value, unit, change FROM scores ORDER BY document_id, index_code, "
        "year IS NULL, year, ordinal"
    ):
        delta = "" if change is None else f" ({change:+g})"
        scores[d][c] = f"{value:g}{_unit(unit)}{delta}" + (f" năm {year}" if year else "")  # the latest year wins
    for doc_id, issuer, number, indices in db.execute(
        "SELECT id, issuer, number, indices FROM documents WHERE error_code IS NULL ORDER BY id"
    ):
        named = {c: "text" for c in json.loads(indices)}
        for c in scores.get(doc_id, {}):
            named[c] = "text+scores" if c in named else "scores"
        for code in sorted(named, key=INDEX_CODES.index):
            if (doc_id, code) not in tasks:
                table.rows.append([doc_id, _issuer(issuer), number, code, named[code],
                                   scores.get(doc_id, {}).get(code), weakness.get((doc_id, code))])
    return table


def tasks_missing_lead_or_time(db: sqlite3.Connection) -> Table:
    table = Table("tasks_missing_lead_or_time", "Nhiệm vụ thiếu đơn vị chủ trì hoặc thời gian (tasks with no lead unit "
                  "or no timeline)", ["document", "issuer", "record", "index", "missing", "solution"])
    for doc_id, issuer, rec, code, kind, n_lead, solution in db.execute(
        "SELECT d.id, d.issuer, r.record_id, r.index_code, r.timeline_kind, "
        "(SELECT count(*) FROM units u WHERE u.document_id = r.document_id AND u.record_ordinal = r.ordinal "
        " AND u.role = 'lead'), r.solution "
        "FROM records r JOIN documents d ON d.id = r.document_id WHERE r.kind = 'task' ORDER BY d.id, r.ordinal"
    ):
        missing = [m for m, gone in (("lead unit", n_lead == 0), ("timeline", kind == "unspecified")) if gone]
        if missing:
            table.rows.append([doc_id, _issuer(issuer), rec, code, " + ".join(missing), solution])
    return table


def lead_unit_load(db: sqlite3.Connection) -> Table:
    table = Table("lead_unit_load", "Đơn vị chủ trì: số nhiệm vụ trên các kế hoạch (lead units' load across plans)",
                  ["lead_unit", "records", "plans", "issuers", "indices", "also_coordinating"])
    names: dict[str, Counter[str]] = defaultdict(Counter)
    stats: dict[str, dict[str, Any]] = defaultdict(lambda: {"records": 0, "plans": set(), "issuers": set(),
                                                             "indices": Counter(), "coord": 0})
    for key, name, role, doc_id, issuer, code in db.execute(
        "SELECT u.key, u.name, u.role, u.document_id, d.issuer, r.index_code FROM units u "
        "JOIN records r ON r.document_id = u.document_id AND r.ordinal = u.record_ordinal "
        "JOIN documents d ON d.id = u.document_id"
    ):
        s = stats[key]
        if role == "coordinating":
            s["coord"] += 1
            continue
        names[key][name] += 1
        s["records"] += 1
        s["plans"].add(doc_id)
        s["issuers"].add(_issuer(issuer))
        if code:
            s["indices"][code] += 1
    for key, s in stats.items():
        if not s["records"]:
            continue
        shown = sorted(names[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        indices = ", ".join(f"{c} {n}" for c, n in sorted(s["indices"].items(), key=lambda kv: (-kv[1], kv[0])))
        table.rows.append([shown, s["records"], len(s["plans"]), len(s["issuers"]), indices, s["coord"]])
    table.rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    return table


def quarter_of(kind: str, start: str | None, end: str | None) -> str:
    """The report bucket of a timeline: a quarter for dated tasks, else its kind.

    >>> quarter_of("deadline", None, "2024-06-30"), quarter_of("year", "2024-01-01", "2024-12-31")
    ('2024-Q2', '2024 (cả năm)')
    """
    if kind == "year" and (end or start):
        return f"{(end or start or '')[:4]} (cả năm)"
    when = end or start
    if kind in ("date", "deadline", "period") and when:
        return f"{when[:4]}-Q{(int(when[5:7]) - 1) // 3 + 1}"
    return {"recurring": "Thường xuyên", "event": "Theo sự kiện / quy định"}.get(kind, "Không rõ thời gian")


def timeline_by_quarter(db: sqlite3.Connection) -> Table:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, start, end, code in db.execute(
        "SELECT timeline_kind, timeline_start, timeline_end, index_code FROM records WHERE kind = 'task'"
    ):
        counts[quarter_of(kind, start, end)][code or NO_INDEX] += 1
    used = [c for c in [*INDEX_CODES, NO_INDEX] if any(c in row for row in counts.values())]
    table = Table("timeline_by_quarter", "Nhiệm vụ theo quý đến hạn (tasks by quarter due)", ["bucket", "tasks", *used])

    def order(bucket: str) -> tuple[int, str]:
        return (0 if bucket[:1].isdigit() else 1, bucket)

    for bucket in sorted(counts, key=order):
        row = counts[bucket]
        table.rows.append([bucket, sum(row.values()), *(row[c] for c in used)])
    return table


def shared_tasks(db: sqlite3.Connection, threshold: float = 0.6) -> Table:
    """Near-identical task texts written by two or more different issuers."""
    table = Table("shared_tasks", "Cùng một nhiệm vụ ở nhiều cơ quan (the same task across departments)",
                  ["group", "issuers", "document", "issuer", "record", "index", "solution"],
                  note=f"Syllable-pair Jaccard ≥ {threshold:g}, linked transitively; groups within one issuer "
                  "left out.")
    rows = {(d, o): (issuer, rec, code, sol) for d, o, issuer, rec, code, sol in db.execute(
        "SELECT r.document_id, r.ordinal, d.issuer, r.record_id, r.index_code, r.solution FROM records r "
        "JOIN documents d ON d.id = r.document_id WHERE r.kind = 'task'")}
    groups = near_duplicates.group(((k, v[3]) for k, v in sorted(rows.items())), threshold)
    n = 0
    for members in groups:
        keys = sorted(members)
        issuers = {_issuer(rows[k][0]) for k in keys}
        if len(issuers) < 2:
            continue
        n += 1
        for doc_id, ordinal in keys:
            issuer, rec, code, sol = rows[(doc_id, ordinal)]
            table.rows.append([n, len(issuers), doc_id, _issuer(issuer), rec, code, sol])
    return table


def parent_plans(db: sqlite3.Connection) -> Table:
    """Every plan side by side with the others implementing the same parent document (``based_on``)."""
    table = Table("parent_plans", "Các kế hoạch cùng thực hiện một văn bản cấp trên (plans by the parent plan "
                  "they implement)", ["parent", "parent_type", "parent_issuer", "plans", "document", "issuer",
                                      "number", "issued_date", "tasks", *INDEX_CODES])
    tasks: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, code, n in db.execute(
        "SELECT document_id, index_code, count(*) FROM records WHERE kind = 'task' GROUP BY document_id, index_code"
    ):
        tasks[doc_id][code or NO_INDEX] += n
    cited: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for key, ptype, pissuer, doc_id, issuer, number, date in db.execute(
        "SELECT b.number_key, b.type, b.issuer, d.id, d.issuer, d.number, d.issued_date FROM based_on b "
        "JOIN documents d ON d.id = b.document_id WHERE b.number_key IS NOT NULL ORDER BY b.number_key, d.id"
    ):
        if all(row[3] != doc_id for row in cited[key]):  # a plan citing its parent twice is listed once
            cited[key].append((key, ptype, pissuer, doc_id, issuer, number, date))
    for key in sorted(cited, key=lambda k: (-len(cited[k]), k)):
        for _, ptype, pissuer, doc_id, issuer, number, date in cited[key]:
            t = tasks[doc_id]
            table.rows.append([key, ptype, pissuer, len(cited[key]), doc_id, _issuer(issuer), number, date,
                               sum(t.values()), *(t[c] for c in INDEX_CODES)])
    return table


ANALYSES = (issuer_index_matrix, weaknesses_without_task, tasks_missing_lead_or_time, lead_unit_load,
            timeline_by_quarter, shared_tasks, parent_plans)


def compare(db: sqlite3.Connection) -> Comparison:
    """Every table, from an open store."""
    totals = {
        "documents": db.execute("SELECT count(*) FROM documents").fetchone()[0],
        "failed": db.execute("SELECT count(*) FROM documents WHERE error_code IS NOT NULL").fetchone()[0],
        "records": db.execute("SELECT count(*) FROM records").fetchone()[0],
        "tasks": db.execute("SELECT count(*) FROM records WHERE kind = 'task'").fetchone()[0],
        "issuers": db.execute("SELECT count(DISTINCT issuer) FROM documents WHERE error_code IS NULL").fetchone()[0],
    }
    return Comparison([analysis(db) for analysis in ANALYSES], totals)


def write_csv(table: Table, folder: Path) -> Path:
    """UTF-8 with a BOM, so that Excel opens Vietnamese text correctly by double-click."""
    path = folder / f"{table.name}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(table.columns)
        writer.writerows(table.rows)
    return path


def write_xlsx(comparison: Comparison, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for table in comparison.tables:
        sheet = book.create_sheet(table.name[:31])
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for i, col in enumerate(table.columns, start=1):
            longest = max([len(str(col)), *(len(str(r[i - 1] or "")) for r in table.rows[:500])])
            sheet.column_dimensions[sheet.cell(1, i).column_letter].width = min(60, max(8, longest + 2))
    book.save(path)
    return path


def format_text(comparison: Comparison, limit: int = 8, width: int = 60) -> str:
    """The printed summary: each table's first rows, long cells cut."""
    t = comparison.totals
    lines = [f"{t['documents']} documents ({t['failed']} failed), {t['issuers']} issuers, {t['records']} records "
             f"({t['tasks']} tasks)"]
    for table in comparison.tables:
        lines += ["", f"== {table.title}: {len(table.rows)} row(s)"]
        shown = [table.columns, *[[_cut(c, width) for c in r] for r in table.rows[:limit]]]
        widths = [max(len(str(r[i])) for r in shown) for i in range(len(table.columns))]
        lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in shown]
        if len(table.rows) > limit:
            lines.append(f"… {len(table.rows) - limit} more in {table.name}.csv")
    return "\n".join(lines)


def _cut(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def write_all(comparison: Comparison, folder: Path, title: str = "So sánh kế hoạch") -> Sequence[Path]:
    """CSV per table, ``compare.xlsx`` and ``report.html`` in ``folder``."""
    from extractor.report_html import render

    folder.mkdir(parents=True, exist_ok=True)
    paths = [write_csv(t, folder) for t in comparison.tables]
    paths.append(write_xlsx(comparison, folder / "compare.xlsx"))
    report = folder / "report.html"
    report.write_text(render(comparison, title), encoding="utf-8")
    paths.append(report)
    return paths


def _unit(unit: str | None) -> str:
    """'%' sticks to the figure, other units ('điểm') follow a space."""
    return "" if not unit else unit if unit == "%" else f" {unit}"
