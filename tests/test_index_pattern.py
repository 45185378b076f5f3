"""The letter-branched index pattern finds exactly what the rule file's flat list finds."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from extractor import rules
from extractor.fields.indices import _opening_letter, _pattern
from extractor.normalize import comparable

ROOT = Path(__file__).resolve().parents[1]


def _flat() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?P<i{i}>{'|'.join(r.patterns)})" for i, r in enumerate(rules.indices().index)))


def test_same_matches_as_the_flat_list_on_every_corpus_plan() -> None:
    pattern, names = _pattern()
    flat = _flat()
    codes = [r.code for r in rules.indices().index]
    for path in sorted((ROOT / "corpora" / "plans").iterdir()):
        key = comparable(path.read_text(encoding="utf-8-sig", errors="replace"))
        ours = [(m.span(), names[m.lastgroup or ""]) for m in pattern.finditer(key)]
        theirs = [(m.span(), codes[int((m.lastgroup or "i0")[1:])]) for m in flat.finditer(key)]
        assert ours == theirs, path.name


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsipas\b", ("s", True, r"ipas\b")),
        ("chỉ số (về )?chuyển đổi số", ("c", False, "hỉ số (về )?chuyển đổi số")),
        ("(chỉ số|bộ chỉ số) cchc", None),  # opens with a group
        ("papi|pci", None),  # two branches at the top
        ("s?ipas", None),  # the first letter is optional
    ],
)
def test_opening_letter(pattern: str, expected: tuple[str, bool, str] | None) -> None:
    assert _opening_letter(pattern) == expected
