"""Timeline phrases → kind and dates, from the case table tests/cases/timeline.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extractor.fields.timeline import parse_timeline
from extractor.schema import TimelineKind

CASES = tomllib.loads((Path(__file__).parent / "cases" / "timeline.toml").read_text(encoding="utf-8"))["case"]


def _param(case: dict[str, str]) -> object:
    marks = [pytest.mark.xfail(reason=case["reason"], strict=True)] if case.get("status") == "xfail" else []
    return pytest.param(case, id=case["raw"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_timeline_case(case: dict[str, str]) -> None:
    timeline, _ = parse_timeline(case["raw"], 2024)
    assert timeline.kind.value == case["kind"]
    assert timeline.start == case.get("start")
    assert timeline.end == case.get("end")
    assert timeline.raw == " ".join(case["raw"].split()).rstrip(" .;,")


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_no_timeline_is_unspecified(raw: str | None) -> None:
    timeline, rule = parse_timeline(raw)
    assert timeline.kind is TimelineKind.unspecified and timeline.raw is None and rule is None


def test_unknown_phrase_reports_no_rule() -> None:
    _, rule = parse_timeline("Tùy tình hình thực tế ở mỗi đơn vị sau đợt kiểm tra")
    assert rule is not None  # "tùy" is an event phrase
    _, rule = parse_timeline("Song song với đợt kiểm tra")
    assert rule is None
