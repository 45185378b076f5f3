"""Appendix tables: the header block (sub-header rows, the column-number row) and the rows read under it.

Cases live in tests/cases/tables.toml; each regression case is named after the table shape it fixes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from extractor import rules
from extractor.tables import column_roles, header_size, is_column_number_row, read_header, task_rows

CASES = tomllib.loads((Path(__file__).parent / "cases" / "tables.toml").read_text(encoding="utf-8"))
HEADERS: list[dict[str, Any]] = CASES["header"]
NOT_HEADERS: list[dict[str, Any]] = CASES["not_header"]
ROWS: list[dict[str, Any]] = CASES["rows"]


@pytest.mark.parametrize("case", HEADERS, ids=[c["id"] for c in HEADERS])
def test_header_block(case: dict[str, Any]) -> None:
    header = read_header(case["rows"])
    assert header.size == case["size"]
    assert header.roles == case["roles"]
    if "labels" in case:
        assert header.labels == case["labels"]


@pytest.mark.parametrize("case", NOT_HEADERS, ids=[c["id"] for c in NOT_HEADERS])
def test_row_that_is_not_a_header(case: dict[str, Any]) -> None:
    assert header_size(case["rows"]) == case.get("size", 1)


@pytest.mark.parametrize("case", ROWS, ids=[c["id"] for c in ROWS])
def test_task_rows(case: dict[str, Any]) -> None:
    got = task_rows(case["rows"])
    assert [r.stt or "" for r in got] == case["stts"]
    for row, want in zip(got, case.get("record", [])):
        for name, value in want.items():
            actual = getattr(row, name)
            actual = actual.value if hasattr(actual, "value") else actual
            assert actual == (value or None) if isinstance(value, str) else actual == value, name


def test_one_row_header_roles_are_those_of_the_block() -> None:
    header = ["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    assert column_roles(header) == read_header([header]).roles == ["stt", "task", "timeline", "lead", "coordinating"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["(1)", "(2)", "(3)", "(4)", "(5)"], True),
        (["1", "2", "3", "4", "5", "6", "7"], True),
        (["A", "B", "1", "2", "3"], True),
        (["A", "B", "C"], True),
        (["1", "2"], False),  # too short to say
        (["B", "C", "1"], False),  # letters start at A
        (["1", "A", "2"], False),  # letters come first
        (["1", "2", "3", ""], False),
        (["1", "Rà soát", "Quý II/2024"], False),
    ],
)
def test_column_number_row(row: list[str], expected: bool) -> None:
    assert is_column_number_row(row) is expected


def test_table_vocabulary_validates() -> None:
    table = rules.tables()
    assert [r.role for r in table.column][:2] == ["stt", "distractor"]  # order matters: first match wins
    assert {"lead", "coordinating", "start", "timeline"} <= {r.role for r in table.sub_column}
