"""Rule and vocabulary data files, validated by pydantic and compiled once.

Why data files: a reviewer who knows the domain, not the code, adds "Chỉ số hài lòng" variants or a
new unit label ("Cơ quan chủ trì thực hiện") by editing a TOML list; the code never changes.
Patterns are written in the comparable form of the text (lower-case, new tone placement: "hòa").
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, field_validator

from extractor.schema import IndexCode, TimelineKind


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_pattern(pattern: str) -> str:
    try:
        regex.compile(pattern)
    except regex.error as exc:  # a broken rule file must fail loudly, at load time
        raise ValueError(f"bad pattern {pattern!r}: {exc}") from exc
    return pattern


class IndexRule(_Rule):
    code: IndexCode
    patterns: list[str]

    _v = field_validator("patterns")(lambda cls, v: [_check_pattern(p) for p in v])


class IndexFile(_Rule):
    index: list[IndexRule]


class TimelineRule(_Rule):
    name: str
    kind: TimelineKind
    pattern: str
    dates: Literal[
        "none", "before_date", "month", "quarter", "quarter_span", "half", "month_span", "month_open", "date_span",
        "year_span", "date", "year", "year_end", "year_open",
    ]

    _v = field_validator("pattern")(lambda cls, v: _check_pattern(v))


class TimelineFile(_Rule):
    rule: list[TimelineRule]


class LabelRule(_Rule):
    field: Literal["timeline", "lead", "coordinating", "product", "content"]
    patterns: list[str]


class AssignmentRule(_Rule):
    item: str
    lead: str
    coordinating: str


class PhaseRule(_Rule):
    pattern: str


class LabelFile(_Rule):
    label: list[LabelRule]
    assignment: AssignmentRule
    phase: PhaseRule


class RoleRule(_Rule):
    role: Literal["weakness", "organization", "none", "tasks"]
    patterns: list[str]


class SectionFile(_Rule):
    role: list[RoleRule]


ColumnRole = Literal[
    "stt", "distractor", "lead_coord", "coordinating", "lead", "start", "timeline", "product", "weakness",
    "criterion", "solution", "task", "score",
]


class ColumnRule(_Rule):
    role: ColumnRole
    patterns: list[str]

    _v = field_validator("patterns")(lambda cls, v: [_check_pattern(p) for p in v])


class LayoutRule(_Rule):
    max_columns: int
    max_rows: int
    markers: list[str]


class TableFile(_Rule):
    column: list[ColumnRule]
    sub_column: list[ColumnRule]
    layout: LayoutRule


class UnitVocabulary(_Rule):
    heads: list[str]
    quantifiers: list[str]
    predicates: list[str]
    role_predicates: list[str]
    continuations: list[str]
    bare_nouns: list[str]
    list_heads: list[str]
    not_units: list[str]
    name_words: list[str]
    standalone: list[str]


class BodyRules(_Rule):
    closing: list[str]
    chrome: list[str]
    org_closing: list[str]
    appendix_pointer: list[str]
    letter_weakness: str
    letter_addressees: str


class SignerRules(_Rule):
    authorities: list[str]


class DocumentFile(_Rule):
    doc_types: list[str]
    joint_types: list[str]
    proper_names: list[str]
    number_types: dict[str, str]
    body: BodyRules
    signer: SignerRules


def _load(name: str) -> dict[str, object]:
    text = resources.files("extractor.rules").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def indices() -> IndexFile:
    return IndexFile.model_validate(_load("indices.toml"))


@cache
def timeline() -> TimelineFile:
    return TimelineFile.model_validate(_load("timeline.toml"))


@cache
def labels() -> LabelFile:
    return LabelFile.model_validate(_load("labels.toml"))


@cache
def sections() -> SectionFile:
    return SectionFile.model_validate(_load("sections.toml"))


@cache
def tables() -> TableFile:
    return TableFile.model_validate(_load("tables.toml"))


@cache
def units() -> UnitVocabulary:
    return UnitVocabulary.model_validate(_load("units.toml"))


@cache
def document() -> DocumentFile:
    return DocumentFile.model_validate(_load("document.toml"))


def any_of(patterns: list[str]) -> regex.Pattern[str]:
    """One compiled pattern matching any of a rule file's regexes (each kept in its own group)."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns))


def alternation(phrases: list[str]) -> str:
    """One regex for a phrase list that prefers the longest phrase, so "văn phòng" beats "văn".

    Why a trie ("văn(?: phòng)?" rather than "văn phòng|văn"): a flat list of 140 verbs is tried
    one phrase after another at every word the unit scanner looks at, while a trie tests each
    character once; a greedy optional tail still tries the longer phrase first and backs off to the
    shorter one when what follows does not fit, exactly as the longest-first list did.

    >>> regex.match(f"(?:{alternation(['văn', 'văn phòng', 'vụ'])})(?= |$)", "văn phòng sở").group()
    'văn phòng'
    """
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


ALL_FILES = (
    "indices.toml", "timeline.toml", "labels.toml", "sections.toml", "tables.toml", "units.toml", "document.toml",
)


def load_all() -> None:
    """Validate every rule file (used by tests and ``extractor rules --check``)."""
    indices(), timeline(), labels(), sections(), tables(), units(), document()
