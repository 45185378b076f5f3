"""Index names → canonical codes ("Chỉ số hài lòng …" → SIPAS, "Pax index" → PAR_INDEX).

Why on the comparable text: plans write "PAR INDEX", "Parindex", "Chỉ số CCHC", "chỉ số cải cách
hành chính", with either tone placement; one lower-cased, same-length key lets one pattern list
serve them all while every match still points back into the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from extractor import rules
from extractor.fields import FieldResult
from extractor.schema import IndexCode


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str] | regex.Pattern[str], dict[str, IndexCode]]:
    """Every index's patterns in one regex, branched on the letter each pattern opens with.

    Why: the body of every document is scanned, and an alternation of ~25 phrases tried at every
    position is the slowest pattern of the pipeline.  Put behind their first letter ("c" + "hỉ số
    cchc", "s" + "ipas" …), the phrases are tried only where that letter stands, and the standard
    ``re`` does this some four times faster than ``regex`` with the flat list.  Order within a letter
    is the rule file's, so the first rule still wins; ``\\b`` before the letter becomes a look-behind
    after it.  A pattern that does not open with a plain letter keeps the flat list.
    """
    names: dict[str, IndexCode] = {}
    flat: list[str] = []
    by_letter: dict[str, list[str]] = {}
    openings = []
    for i, rule in enumerate(rules.indices().index):
        names[f"i{i}"] = rule.code
        flat.append(f"(?P<i{i}>{'|'.join(rule.patterns)})")
        for k, pattern in enumerate(rule.patterns):
            names[f"i{i}_{k}"] = rule.code
            openings.append((f"i{i}_{k}", _opening_letter(pattern)))
    for name, opening in openings:
        if opening is None:
            return regex.compile("|".join(flat)), names
        letter, boundary, rest = opening
        by_letter.setdefault(letter, []).append((r"(?<!\w.)" if boundary else "") + f"(?P<{name}>{rest})")
    body = "|".join(f"{regex.escape(ch)}(?:{'|'.join(alts)})" for ch, alts in by_letter.items())
    try:
        return re.compile(body), names
    except re.error:  # a rule written with regex-only syntax
        return regex.compile("|".join(flat)), names


def _opening_letter(pattern: str) -> tuple[str, bool, str] | None:
    """("c", False, "hỉ số cchc") for "chỉ số cchc"; None unless a plain letter opens every branch."""
    boundary = pattern.startswith(r"\b")
    core = pattern[2:] if boundary else pattern
    if not core[:1].isalpha() or core[1:2] in ("?", "*", "+", "{"):
        return None
    depth = 0
    escaped = False
    for ch in core:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None  # "a|b" at the top: the letter opens only the first branch
    return core[0], boundary, core[1:]


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
