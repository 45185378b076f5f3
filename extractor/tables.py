"""Appendix tables → task rows, by the role of each column read from its header.

Why by header text: agencies name the same columns a dozen ways ("Nội dung nhiệm vụ", "NHIỆM VỤ,
GIẢI PHÁP", "Thời gian hoàn thành", "Thời hạn", "Cơ quan chủ trì", "Đơn vị chủ trì/phối hợp"), add
distractors ("Người đứng đầu chịu trách nhiệm") and group rows ("| I | CHỈ SỐ SIPAS | | |").  A table
whose header names no task column (a score sheet, a list of units) gives no rows.

Why a header *block*: most appendix tables head a spanned cell with sub-columns and number their
columns under the header, and Word repeats all of it on every page::

    | STT | Nhiệm vụ | Thời gian hoàn thành | Đơn vị thực hiện | |
    | | | | Chủ trì | Phối hợp |
    | (1) | (2) | (3) | (4) | (5) |

The second row is no task and the third no record; the last two columns are "Đơn vị thực hiện /
Chủ trì" and "Đơn vị thực hiện / Phối hợp", and the sub-column's own label decides their role.  The
vocabulary is data: ``extractor/rules/tables.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

import regex

from extractor import rules
from extractor.fields.indices import first_index
from extractor.ingest.tables import same_row
from extractor.normalize import comparable
from extractor.roles import section_role
from extractor.schema import IndexCode
from extractor.segment import any_mark

Roles = tuple[tuple[str, regex.Pattern[str]], ...]
SUB_LABEL_WORDS = 8  # a sub-column label is short: "Thời gian hoàn thành", "Cơ quan phối hợp thực hiện"
SHORT_LABEL_WORDS = 6  # a [[column]] label standing alone in a sub-header row: "Sản phẩm", "Ghi chú"
_GROUP_NUMBER = regex.compile(r"^(?:[IVX]{1,5}|[A-H])[.)]\s+")  # "A. " of "A. NHIỆM VỤ CHUNG"
_ROMAN_STT = regex.compile(r"^[IVX]{1,5}\.?$|^[A-D]\.?$")
_SPLIT_LEAD = regex.compile(r"(?i)(?:chủ trì|phối hợp)\s*:\s*")
_COLUMN_NUMBER = regex.compile(r"^\(?(?:(?P<n>\d{1,2})|(?P<a>[a-z]))\)?$")


@lru_cache(maxsize=1)
def _column_roles() -> Roles:
    """[[column]]: tried in order on a header cell (searched); the first role that matches wins.

    Matched with any diacritic or none, as field labels are: "Đơn vị phối hơp" read off a scan, or
    typed "Don vi phoi hop", is the coordinating column.
    """
    return tuple((r.role, rules.any_of([any_mark(p) for p in r.patterns])) for r in rules.tables().column)


@lru_cache(maxsize=1)
def _sub_roles() -> Roles:
    """[[sub_column]]: a sub-column's whole label ("Chủ trì", "Hoàn thành") → its role."""
    return tuple(
        (r.role, regex.compile(f"(?:{'|'.join(any_mark(p) for p in r.patterns)})")) for r in rules.tables().sub_column
    )


def _key(cell: str) -> str:
    return comparable(" ".join(cell.split()))


def _role(cell: str) -> str | None:
    key = _key(cell)
    return next((role for role, p in _column_roles() if p.search(key)), None)


def _sub_role(cell: str) -> str | None:
    key = _key(cell).strip(" :.")
    return next((role for role, p in _sub_roles() if p.fullmatch(key)), None)


def _is_label(cell: str) -> bool:
    """A header word, not data: "Chủ trì", "Hoàn thành", "Sản phẩm" — but not "Văn phòng Sở chủ trì"."""
    if _sub_role(cell):
        return True
    key = _key(cell)
    return len(key.split()) <= SHORT_LABEL_WORDS and any(p.match(key) for _, p in _column_roles())


def is_column_number_row(row: list[str]) -> bool:
    """The row that numbers the columns: "(1) | (2) | (3)", "1 | 2 | 3" or "A | B | 1 | 2 | 3".

    >>> is_column_number_row(["A", "B", "1", "2", "3"]), is_column_number_row(["1", "Rà soát TTHC", "Quý II"])
    (True, False)
    """
    if len(row) < 3:
        return False
    numbers: list[int] = []
    letters: list[str] = []
    for cell in row:
        m = _COLUMN_NUMBER.match(_key(cell))
        if m is None or (m.group("a") and numbers):
            return False  # letters come first ("A | B | 1 | 2"), never after a number
        if m.group("n"):
            numbers.append(int(m.group("n")))
        else:
            letters.append(m.group("a"))
    in_order = all(b == a + 1 for a, b in zip(numbers, numbers[1:]))
    letters_in_order = all(ord(b) == ord(a) + 1 for a, b in zip(letters, letters[1:]))
    return in_order and letters_in_order and (not letters or letters[0] == "a")


def _spanned(row: list[str], j: int) -> bool:
    """Whether header cell ``j`` is part of a cell that spans columns (Word's gridSpan leaves the cells
    after the text empty; some converters repeat the text instead)."""
    here = row[j].strip()
    left = row[j - 1].strip() if j > 0 else None
    right = row[j + 1].strip() if j + 1 < len(row) else None
    if not here:
        return j > 0 and any(c.strip() for c in row[:j])
    return right == "" or right == here or left == here


def _is_sub_header(row: list[str], above: list[list[str]]) -> bool:
    """A header row below the first: no STT, no task text, labels only, each under a spanned cell.

    ``| | | | Chủ trì | Phối hợp |`` under ``| STT | Nhiệm vụ | Thời gian | Đơn vị thực hiện | |`` is
    one; ``| | Rà soát thủ tục hành chính | Quý II/2024 | Văn phòng Sở | |`` (a task with no STT) and
    ``| | NHIỆM VỤ TRỌNG TÂM | | | |`` (a group row with no numeral) are not.
    """
    parent = above[-1]
    own = [j for j, c in enumerate(row) if c.strip() and c.strip() != _at(parent, j)]
    if not own or (row[0].strip() and row[0].strip() != _at(parent, 0)):  # an STT: a data row
        return False
    for j in own:
        if len(row[j].split()) > SUB_LABEL_WORDS or j >= len(parent) or not _spanned(parent, j):
            return False
    return any(_is_label(row[j]) for j in own)


def _at(row: list[str], j: int) -> str:
    return row[j].strip() if j < len(row) else ""


@dataclass(frozen=True)
class Header:
    """The header block of a table: how many rows it takes, each column's label and its role."""

    size: int
    labels: list[str]
    roles: list[str | None]


def header_size(rows: list[list[str]]) -> int:
    """Rows the header block takes: the first row, the sub-header rows below it and the column-number row.

    >>> header_size([["STT", "Nhiệm vụ", "Đơn vị thực hiện", ""], ["", "", "Chủ trì", "Phối hợp"],
    ...              ["(1)", "(2)", "(3)", "(4)"], ["1", "Rà soát TTHC", "Văn phòng Sở", ""]])
    3
    """
    if not rows:
        return 0
    size = 1
    while size < len(rows) and _is_sub_header(rows[size], rows[:size]):
        size += 1
    if size < len(rows) and is_column_number_row(rows[size]):
        size += 1
    return size


def read_header(rows: list[list[str]]) -> Header:
    """The header block of ``rows`` (first row = header) with each column's combined label and role.

    >>> h = read_header([["STT", "Nhiệm vụ", "Thời gian", "", "Đơn vị thực hiện", ""],
    ...                  ["", "", "Bắt đầu", "Hoàn thành", "Chủ trì", "Phối hợp"]])
    >>> h.size, h.labels[3], h.roles
    (2, 'Thời gian / Hoàn thành', ['stt', 'task', 'start', 'timeline', 'lead', 'coordinating'])
    """
    size = header_size(rows)
    block = [r for r in rows[:size] if not is_column_number_row(r)]
    width = max((len(r) for r in block), default=0)
    columns: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(block):
        below = block[depth + 1 :]
        for j in range(width):
            cell = " ".join(_at(row, j).split())
            if not cell and any(_at(r, j) for r in below):  # under a spanned cell: its text, to the left
                cell = next((" ".join(_at(row, k).split()) for k in range(j - 1, -1, -1) if _at(row, k)), "")
            if cell and cell not in columns[j]:
                columns[j].append(cell)
    roles = [_combined_role(parts) for parts in columns]
    for wanted, fallback in (("task", "solution"), ("timeline", "start")):
        if wanted not in roles and fallback in roles:
            roles[roles.index(fallback)] = wanted
    return Header(size, [" / ".join(parts) for parts in columns], roles)


_FACETS = {None, "task", "solution", "criterion"}  # parents under which a "Nội dung"/"Tên" child is the task


def _combined_role(parts: list[str]) -> str | None:
    """The role of a column labelled parent / … / child: the child's when it has one.

    "Đơn vị thực hiện / Phối hợp" → coordinating; "Thời gian / Hoàn thành" → timeline; "Đơn vị thực
    hiện / Cấp tỉnh" → lead (the child names none); "Kết quả/Sản phẩm / Tên" → product (a "Tên" or
    "Nội dung" child is a facet of its parent, not the task column).
    """
    if not parts:
        return None
    parent = _role(parts[0])
    if len(parts) == 1:
        return parent
    child = _sub_role(parts[-1]) or _role(parts[-1])
    if child is None or (child == "task" and parent not in _FACETS):
        return parent
    return child


def column_roles(header: list[str]) -> list[str | None]:
    """Role of each cell of a one-row header, e.g. ["stt", "task", "timeline", "lead", "coordinating"]."""
    return read_header([header]).roles


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


_BR = regex.compile(r"(?i)\s*<br\s*/?>\s*")


def _cell(row: list[str], roles: list[str | None], role: str) -> str | None:
    """A cell's text; a web table's "<br>" separates units in a unit column and is a space elsewhere."""
    for cell, r in zip(row, roles):
        if r == role and cell.strip():
            joiner = "; " if role in ("lead", "coordinating", "lead_coord") else " "
            text = _BR.sub(joiner, cell)
            return " ".join(text.replace(";;", ";").split()).strip(" ;")
    return None


_SENTENCE_END = regex.compile(r"[.;:!?]\s*$")


def join_wrapped_rows(
    rows: list[tuple[int, list[str]]], roles: list[str | None]
) -> list[tuple[int, list[str]]]:
    """Put back rows that a typed table wrapped onto a second row without an STT (numbered rows in, the
    number of the first row kept for each joined one).

    "| 2 | Lập sổ theo dõi …; hồ sơ sắp đến hạn mà chưa | … | Trung tâm; | … |" followed by
    "| | đủ điều kiện giải quyết … | | Chi nhánh … | |": the task cell goes on in lower case after a
    cell that did not end its sentence, so every cell joins the one above (a row of its own starts
    with a capital or a marker, or follows a finished sentence).
    """
    if "stt" not in roles or "task" not in roles:
        return rows
    out: list[tuple[int, list[str]]] = []
    for n, row in rows:
        above = out[-1][1] if out else None
        task = (_cell(row, roles, "task") or "").strip()
        if (
            above is not None
            and not (_cell(row, roles, "stt") or "").strip()
            and (_cell(above, roles, "stt") or "").strip()
            and task[:1].islower()
            and not _SENTENCE_END.search(_cell(above, roles, "task") or ".")
        ):
            joined = [f"{a} {b}".strip() if b.strip() else a for a, b in zip_longest(above, row, fillvalue="")]
            out[-1] = (out[-1][0], joined)
            continue
        out.append((n, row))
    return out


def task_rows(rows: list[list[str]]) -> list[TableRow]:
    """The task rows of a table given as cells (header block on top); [] for other tables.

    Rows that repeat a row of the header block (a new page's header, read into the text) and
    column-number rows are skipped wherever they stand.

    >>> rows = task_rows([["STT", "Nhiệm vụ", "Thời hạn", "Chủ trì"], ["I", "CHỈ SỐ PAPI", "", ""],
    ...                   ["1", "Công khai ngân sách xã", "Quý II/2024", "UBND các xã"]])
    >>> [(r.index.value, r.task, r.timeline, r.lead) for r in rows]
    [('PAPI', 'Công khai ngân sách xã', 'Quý II/2024', 'UBND các xã')]
    """
    header = read_header(rows)
    roles = header.roles
    if len(rows) <= header.size or "task" not in roles or not ({"lead", "lead_coord", "timeline"} & set(roles)):
        return []
    repeated = rows[: header.size]
    out: list[TableRow] = []
    group: str | None = None
    index: IndexCode | None = None
    criterion: str | None = None
    cell_above: str | None = None  # a merged "Tiêu chí" cell is empty in the rows below its first
    for n, row in join_wrapped_rows(list(enumerate(rows))[header.size :], roles):
        if any(same_row(row, r) for r in repeated) or is_column_number_row(row):
            continue  # the header block repeated on a new page
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
            numeral = _GROUP_NUMBER.match(text)
            group = stt or (numeral.group().rstrip(".) ").strip() if numeral else None) or group
            index = found or index
            # "A. NHIỆM VỤ CHUNG" names a part, not a criterion
            criterion = None if found or section_role(comparable(_GROUP_NUMBER.sub("", text))) else text
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
            parts = [p.strip(" ;") for p in _SPLIT_LEAD.split(merged)]  # "Chủ trì: X; Phối hợp: Y"
            if len(parts) > 1:
                lead, coordinating = parts[1], parts[2] if len(parts) > 2 else None
            else:  # "Phòng Nội vụ / Văn phòng HĐND và UBND huyện": lead, then who coordinates
                lead, _, rest = merged.partition(" / ")
                coordinating = rest or None
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
