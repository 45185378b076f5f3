"""Unit lists and subject units, from the case table tests/cases/units.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extractor.fields.units import coordinating_in_prose, split_units, subject_units, whole_title_unit

CASES = tomllib.loads((Path(__file__).parent / "cases" / "units.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["split"], ids=[c["value"][:40] for c in CASES["split"]])
def test_split_units(case: dict[str, object]) -> None:
    assert split_units(str(case["value"])) == case["units"]


@pytest.mark.parametrize("case", CASES["subject"], ids=[c["text"][:40] for c in CASES["subject"]])
def test_subject_units(case: dict[str, object]) -> None:
    text = str(case["text"])
    units, span = subject_units(text)
    assert units == case["units"]
    if "coordinating" in case:
        assert span is not None
        assert coordinating_in_prose(text, span[1]) == case["coordinating"]


@pytest.mark.parametrize(
    ("title", "units"),
    [
        ("Văn phòng Sở", ["Văn phòng Sở"]),
        ("Thủ trưởng các đơn vị trực thuộc.", ["Thủ trưởng các đơn vị trực thuộc"]),
        ("Chủ tịch UBND các xã", ["Chủ tịch UBND các xã"]),
        ("Trung tâm văn hóa Thể thao và truyền thanh - Truyền hình huyện",
         ["Trung tâm văn hóa Thể thao và truyền thanh - Truyền hình huyện"]),
        ("Chế độ thông tin, báo cáo", None),
        ("Kinh phí thực hiện", None),
    ],
)
def test_whole_title_unit(title: str, units: list[str] | None) -> None:
    assert whole_title_unit(title) == units
