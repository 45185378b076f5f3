"""Index names → canonical codes ("Chỉ số hài lòng …" → SIPAS, "Pax index" → PAR_INDEX).

Why on the comparable text: plans write "PAR INDEX", "Parindex", "Chỉ số CCHC", "chỉ số cải cách
hành chính", with either tone placement; one lower-cased, same-length key lets one pattern list
serve them all while every match still points back into the original text.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractor import rules
from extractor.fields import FieldResult
from extractor.schema import IndexCode


@lru_cache(maxsize=1)
def _pattern() -> tuple[regex.Pattern[str], dict[str, IndexCode]]:
    groups: list[str] = []
    names: dict[str, IndexCode] = {}
    for i, rule in enumerate(rules.indices().index):
        name = f"i{i}"
        names[name] = rule.code
        groups.append(f"(?P<{name}>{'|'.join(rule.patterns)})")
    return regex.compile("|".join(groups)), names


def find_indices(key: str, start: int = 0, end: int | None = None) -> list[FieldResult[IndexCode]]:
    """Every index named in ``key[start:end]`` (comparable text), in order of position.

    >>> [r.value.value for r in find_indices("nâng cao chỉ số cchc và chỉ số sipas năm 2024")]
    ['PAR_INDEX', 'SIPAS']
    """
    pattern, names = _pattern()
    out: list[FieldResult[IndexCode]] = []
    for m in pattern.finditer(key, start, len(key) if end is None else end):
        name = m.lastgroup
        if name is None:
            continue
        out.append(FieldResult(names[name], m.start(), m.end(), f"index:{names[name].value}"))
    return out


def first_index(key: str, start: int = 0, end: int | None = None) -> IndexCode | None:
    """The first index a heading names; a heading naming two gives the first (contract)."""
    found = find_indices(key, start, end)
    return found[0].value if found else None


def distinct_in_order(results: list[FieldResult[IndexCode]]) -> list[IndexCode]:
    seen: list[IndexCode] = []
    for r in results:
        if r.value not in seen:
            seen.append(r.value)
    return seen
