"""Appendix tables → task rows, by the role of each column read from its header.

Why by header text: agencies name the same columns a dozen ways ("Nội dung nhiệm vụ", "NHIỆM VỤ,
GIẢI PHÁP", "Thời gian hoàn thành", "Thời hạn", "Cơ quan chủ trì", "Đơn vị chủ trì/phối hợp"), add
distractors ("Người đứng đầu chịu trách nhiệm") and group rows ("| I | CHỈ SỐ SIPAS | | |").  A table
whose header names no task column (a score sheet, a list of units) gives no rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.fields.indices import first_index
from extractor.normalize import comparable
from extractor.schema import IndexCode

# tried in order on each header cell; the first role that matches wins
COLUMN_ROLES: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (role, regex.compile(p))
    for role, p in (
        ("stt", r"^(stt|tt|số thứ tự|số tt)\b"),
        ("distractor", r"người đứng đầu|chịu trách nhiệm trước|ghi chú|lãnh đạo phụ trách"),
        ("lead_coord", r"chủ trì\s*/\s*phối hợp|chủ trì,? phối hợp"),
        ("coordinating", r"phối hợp"),
        ("lead", r"chủ trì|(đơn vị|cơ quan|bộ phận) (thực hiện|chịu trách nhiệm|được giao)|trách nhiệm thực hiện"),
        ("timeline", r"thời gian|thời hạn|tiến độ"),
        ("product", r"sản phẩm|kết quả đầu ra"),
        ("weakness", r"tồn tại|hạn chế"),
        ("criterion", r"^(tiêu chí|lĩnh vực|nội dung thành phần|chỉ số thành phần)"),
        ("solution", r"giải pháp"),
        ("task", r"nội dung|nhiệm vụ|công việc|hoạt động|tên"),
        ("score", r"điểm|kết quả|xếp hạng|chỉ tiêu"),
    )
)
_ROMAN_STT = regex.compile(r"^[IVX]{1,5}\.?$|^[A-D]\.?$")
_SPLIT_LEAD = regex.compile(r"(?i)(?:chủ trì|phối hợp)\s*:\s*")


@dataclass
class TableRow:
    """One task row of an appendix table, cell text as written."""

    stt: str | None
    group: str | None
    index: IndexCode | None
    criterion: str | None
    task: str
    timeline: str | None
    lead: str | None
    coordinating: str | None
    product: str | None
    weakness: str | None
    row_number: int


def column_roles(header: list[str]) -> list[str | None]:
    """Role of each header cell, e.g. ["stt", "task", "timeline", "lead", "coordinating"]."""
    roles: list[str | None] = []
    for cell in header:
        key = comparable(" ".join(cell.split()))
        roles.append(next((role for role, p in COLUMN_ROLES if p.search(key)), None))
    if "task" not in roles and "solution" in roles:
        roles[roles.index("solution")] = "task"
    return roles


_BR = regex.compile(r"(?i)\s*<br\s*/?>\s*")


def _cell(row: list[str], roles: list[str | None], role: str) -> str | None:
    """A cell's text; a web table's "<br>" separates units in a unit column and is a space elsewhere."""
    for cell, r in zip(row, roles):
        if r == role and cell.strip():
            joiner = "; " if role in ("lead", "coordinating", "lead_coord") else " "
            text = _BR.sub(joiner, cell)
            return " ".join(text.replace(";;", ";").split()).strip(" ;")
    return None


def task_rows(rows: list[list[str]]) -> list[TableRow]:
    """The task rows of a table given as cells (first row = header); [] for other tables.

    >>> rows = task_rows([["STT", "Nhiệm vụ", "Thời hạn", "Chủ trì"], ["I", "CHỈ SỐ PAPI", "", ""],
    ...                   ["1", "Công khai ngân sách xã", "Quý II/2024", "UBND các xã"]])
    >>> [(r.index.value, r.task, r.timeline, r.lead) for r in rows]
    [('PAPI', 'Công khai ngân sách xã', 'Quý II/2024', 'UBND các xã')]
    """
    if len(rows) < 2:
        return []
    roles = column_roles(rows[0])
    if "task" not in roles or not ({"lead", "lead_coord", "timeline"} & set(roles)):
        return []
    out: list[TableRow] = []
    group: str | None = None
    index: IndexCode | None = None
    criterion: str | None = None
    cell_above: str | None = None  # a merged "Tiêu chí" cell is empty in the rows below its first
    for n, row in enumerate(rows[1:], 1):
        if [c.strip() for c in row] == [c.strip() for c in rows[0]]:
            continue  # header repeated on a new page
        filled = [c for c in row if c.strip()]
        stt = _cell(row, roles, "stt")
        if not filled:
            continue
        is_group = len(filled) <= 2 and (
            (stt is not None and _ROMAN_STT.match(stt)) or len(filled) == 1 or first_index(comparable(filled[-1]))
        )
        if is_group:
            text = " ".join(filled[-1].split())
            found = first_index(comparable(text))
            group = stt or group
            index = found or index
            criterion = None if found else text
            cell_above = None
            continue
        task = _cell(row, roles, "task") or ""
        solution = _cell(row, roles, "solution")
        criterion_row: str | None
        if solution and task:
            criterion_row, task = task, solution
        else:
            criterion_row = criterion
        if "criterion" in roles:
            cell_above = _cell(row, roles, "criterion") or cell_above
            criterion_row = cell_above
        lead = _cell(row, roles, "lead")
        coordinating = _cell(row, roles, "coordinating")
        merged = _cell(row, roles, "lead_coord")
        if merged and not lead:
            parts = _SPLIT_LEAD.split(merged)
            lead, coordinating = (parts[1], parts[2] if len(parts) > 2 else None) if len(parts) > 1 else (merged, None)
        out.append(
            TableRow(
                stt=stt,
                group=group,
                index=index,
                criterion=criterion_row,
                task=task,
                timeline=_cell(row, roles, "timeline"),
                lead=lead,
                coordinating=coordinating,
                product=_cell(row, roles, "product"),
                weakness=_cell(row, roles, "weakness"),
                row_number=n,
            )
        )
    return [r for r in out if r.task]
