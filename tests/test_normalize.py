"""Tests for extractor/normalize.py: the case table, the wrapped-plan fixtures, comparable(), speed."""

from __future__ import annotations

import doctest
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from extractor import normalize
from extractor.errors import Code
from extractor.normalize import FIXERS, comparable, fix_glued_words, fix_hard_wraps, normalize_text

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "normalize"
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases" / "normalize_cases.toml").read_text("utf-8"))[
    "case"
]
FIXER_BY_NAME = dict(FIXERS)


def _params() -> list[Any]:
    params = []
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        params.append(pytest.param(case, id=f"{i:02d}-{case['fixer']}-{case['note'][:40]}", marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_case_table(case: dict[str, Any]) -> None:
    if case["fixer"] == "normalize_text":
        assert normalize_text(case["input"]).text == case["expected"]
    else:
        assert FIXER_BY_NAME[case["fixer"]](case["input"]) == case["expected"]


def test_case_table_names_real_fixers_and_covers_each() -> None:
    named = {case["fixer"] for case in CASES}
    assert named <= {*FIXER_BY_NAME, "normalize_text"}
    assert set(FIXER_BY_NAME) <= named
    assert any("xfail" in case for case in CASES)
    assert any(case["input"] == case["expected"] for case in CASES), "negative cases expected"


def test_fixer_order() -> None:
    assert [name for name, _ in FIXERS] == [
        "legacy_encoding",
        "tab_tables",
        "control_chars",
        "nfc",
        "markdown",
        "glued_words",
        "whitespace",
        "page_furniture",
        "hard_wraps",
    ]


def test_doctests() -> None:
    result = doctest.testmod(normalize)
    assert result.attempted >= 10 and result.failed == 0


def test_every_fixer_has_a_docstring_with_an_example() -> None:
    for name, fixer in FIXERS:
        assert fixer.__doc__ and ">>>" in fixer.__doc__, name


def test_hard_wrapped_plan_is_joined_exactly() -> None:
    """hard_wrapped.txt is hard_wrapped.expected.txt wrapped at 80 columns (textwrap, no hyphen breaks)."""
    raw = (FIXTURES / "hard_wrapped.txt").read_text("utf-8")
    expected = (FIXTURES / "hard_wrapped.expected.txt").read_text("utf-8").strip("\n")
    result = normalize_text(raw)
    assert result.text == expected
    assert result.fixes == ("whitespace", "hard_wraps")
    joins = raw.strip("\n").count("\n") - expected.count("\n")
    assert joins == 18
    assert [str(w) for w in result.warnings] == [f"W105: đã nối {joins} dòng bị ngắt giữa câu"]


def test_unwrapped_plan_is_left_alone() -> None:
    raw = (FIXTURES / "unwrapped.txt").read_text("utf-8")
    assert normalize.wrap_width(raw.split("\n")) is None
    assert fix_hard_wraps(raw) == raw
    assert normalize_text(raw).text == raw.strip("\n")


def test_warnings_and_legacy_encoding() -> None:
    result = normalize_text("Phßng Tµi chÝnh lËp kÕ ho¹ch kiÓm tra c«ng t¸c c¶i c¸ch hµnh chÝnh n¨m 2024.")
    assert result.legacy_encoding == "tcvn3"
    assert result.fixes == ("legacy_encoding",)
    assert [w.code for w in result.warnings] == [Code.W104_LEGACY_ENCODING]
    assert "TCVN3" in str(result.warnings[0])

    nfd = normalize_text(unicodedata.normalize("NFD", "Kế hoạch cải cách hành chính"))
    assert nfd.fixes == ("nfc",) and [w.code for w in nfd.warnings] == [Code.W103_NFD_INPUT]

    glued = normalize_text("ban hànhKế hoạch năm 2023đạt")
    assert [str(w) for w in glued.warnings] == ["W106: đã tách 2 chỗ dính chữ"]

    ctrl = normalize_text("Kế\x07 hoạch\x00")
    assert [w.code for w in ctrl.warnings] == [Code.W108_CONTROL_CHARS]


def test_clean_text_passes_through_unchanged() -> None:
    clean = "KẾ HOẠCH\n\nSở Nội vụ ban hành Kế hoạch năm 2024.\n\n- Rà soát thủ tục hành chính."
    result = normalize_text(clean)
    assert result.text == clean and result.fixes == () and result.warnings == ()
    assert result.legacy_encoding is None


def test_normalize_is_idempotent_on_fixtures() -> None:
    for path in FIXTURES.glob("*.txt"):
        once = normalize_text(path.read_text("utf-8")).text
        assert normalize_text(once).text == once, path.name


def test_glue_exception_entries_are_all_needed() -> None:
    """Every 'keep' entry is a token the case rule would split; a dead entry is noise."""
    for token in normalize.glue_rules().keep:
        match = normalize._GLUE_CASE.search(token)
        assert match, token
        generic = token.isascii() and (match.start() == 1 or not normalize._ALIEN.isdisjoint(token))
        assert not generic, f"{token} is already kept by the generic rules"
        assert fix_glued_words(f"Dùng {token} hằng ngày") == f"Dùng {token} hằng ngày"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Hoá", "hóa"),
        ("HOÀ BÌNH", "hòa bình"),
        ("Hòa", "hòa"),
        ("hoàn thành", "hoàn thành"),
        ("quý, quỷ, quà", "quý, quỷ, quà"),
        ("huỳnh, khuỷu", "huỳnh, khuỷu"),
        ("loà xoà, toả sáng, uỷ ban", "lòa xòa, tỏa sáng, ủy ban"),
        ("Đơn vị chủ trì", "đơn vị chủ trì"),
    ],
)
def test_comparable(text: str, expected: str) -> None:
    assert comparable(text) == expected


def test_comparable_keeps_length_for_every_code_point() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert len(comparable(every)) == len(every)
    decomposed = "Ho\u0302\u0300 HOA\u0300 İ"
    assert comparable(decomposed) == "ho\u0302\u0300 hoa\u0300 i"  # marks left as they are, not composed


def _plan_megabyte() -> str:
    sources = [*sorted(FIXTURES.glob("*.txt")), HERE / "fixtures" / "encodings" / "make_encodings.py"]
    base = "\n\n".join(p.read_text("utf-8") for p in sources)
    base += "\n\nỦy ban nhân dân huyện ban hànhKế hoạch năm 2023đạt Chỉ sốSIPAS (*qua Văn phòng*)\n"
    text = base
    while len(text.encode("utf-8")) < 1_000_000:
        text += "\n\n" + base
    return text


def test_normalizing_a_megabyte_plan_keeps_it_intact() -> None:
    """Speed is measured in `make bench`, never in a timed test; here: a big text stays intact."""
    text = _plan_megabyte()
    assert normalize_text(text).text == normalize_text(normalize_text(text).text).text
