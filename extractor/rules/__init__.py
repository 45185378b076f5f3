"""Rule and vocabulary data files, validated by pydantic and compiled once.

Why data files: a reviewer who knows the domain, not the code, adds "Chỉ số hài lòng" variants or a
new unit label ("Cơ quan chủ trì thực hiện") by editing a TOML list; the code never changes.
Patterns are written in the comparable form of the text (lower-case, new tone placement: "hòa").
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

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


class LabelFile(_Rule):
    label: list[LabelRule]


class RoleRule(_Rule):
    role: Literal["weakness", "organization", "none", "tasks"]
    patterns: list[str]


class SectionFile(_Rule):
    role: list[RoleRule]


class UnitVocabulary(_Rule):
    heads: list[str]
    quantifiers: list[str]
    predicates: list[str]
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


class SignerRules(_Rule):
    authorities: list[str]


class DocumentFile(_Rule):
    doc_types: list[str]
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
def units() -> UnitVocabulary:
    return UnitVocabulary.model_validate(_load("units.toml"))


@cache
def document() -> DocumentFile:
    return DocumentFile.model_validate(_load("document.toml"))


def any_of(patterns: list[str]) -> regex.Pattern[str]:
    """One compiled pattern matching any of a rule file's regexes (each kept in its own group)."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns))


def alternation(phrases: list[str]) -> str:
    """One regex alternative for a phrase list, longest first so "văn phòng" beats "phòng"."""
    return "|".join(regex.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


ALL_FILES = ("indices.toml", "timeline.toml", "labels.toml", "sections.toml", "units.toml", "document.toml")


def load_all() -> None:
    """Validate every rule file (used by tests and ``extractor rules --check``)."""
    indices(), timeline(), labels(), sections(), units(), document()
