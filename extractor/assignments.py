"""Units handed to numbered tasks from a list under "Tổ chức thực hiện".

Why: some plans number their tasks straight through (1 … 7, across the index parts) with only a
timeline under each, and say who does what once, at the end::

    1. Phân công thực hiện
    - Nhiệm vụ 1, 2: Văn phòng Sở chủ trì; Phòng Kế hoạch - Tài chính phối hợp.
    - Nhiệm vụ 5-6: Văn phòng Đăng ký đất đai chủ trì.

Each such line gives its units to the task records of those numbers (when the number names one task
only, and that task has no lead of its own) and is no duty of its own.  Vocabulary: the
``[assignment]`` table of ``rules/labels.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor import rules
from extractor.fields.units import split_units
from extractor.normalize import comparable
from extractor.schema import Record, RecordKind

_NUMBERS = r"(?P<nums>\d{1,3}(?:\s*(?:,|và|-|–|đến)\s*\d{1,3})*)"


@dataclass(frozen=True)
class Assignment:
    numbers: tuple[int, ...]
    lead: list[str]
    coordinating: list[str]


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    rule = rules.labels().assignment
    opening = regex.compile(rf"(?:{rule.item})\s+{_NUMBERS}\s*:\s*")  # anchored by match()
    # a role word at the end of a clause ("Văn phòng Sở chủ trì") or opening it ("chủ trì: Văn phòng Sở")
    lead = regex.compile(rf"(?:^(?:{rule.lead})\s*:?\s*|\s+(?:{rule.lead})\s*$)")
    coordinating = regex.compile(rf"(?:^(?:{rule.coordinating})\s*:?\s*|\s+(?:{rule.coordinating})\s*$)")
    return opening, lead, coordinating


def _numbers(spec: str) -> tuple[int, ...]:
    """"1, 2" → (1, 2); "3-5" / "3 đến 5" → (3, 4, 5); "5 và 6" → (5, 6)."""
    out: list[int] = []
    for part in regex.split(r"\s*(?:,|và)\s*", spec):
        bounds = [int(x) for x in regex.split(r"\s*(?:-|–|đến)\s*", part) if x]
        if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return tuple(dict.fromkeys(out))


def may_be_assignment(key: str, start: int) -> bool:
    """A cheap first look (comparable text at a block's start) before :func:`parse_assignment`."""
    return _patterns()[0].match(key, start) is not None


def parse_assignment(line: str) -> Assignment | None:
    """The tasks and units of one assignment line, or None if the line is not one.

    >>> parse_assignment("Nhiệm vụ 1, 2: Văn phòng Sở chủ trì; Phòng Kế hoạch - Tài chính phối hợp.")
    Assignment(numbers=(1, 2), lead=['Văn phòng Sở'], coordinating=['Phòng Kế hoạch - Tài chính'])
    """
    opening, lead_word, coord_word = _patterns()
    key = comparable(line)
    head = opening.match(key)
    if head is None:
        return None
    lead: list[str] = []
    coordinating: list[str] = []
    pos = head.end()
    for clause in regex.finditer(r"[^;.]+", key[pos:]):
        start, end = pos + clause.start(), pos + clause.end()
        written, folded = line[start:end].strip(), key[start:end].strip()
        for word, target in ((lead_word, lead), (coord_word, coordinating)):
            found = word.search(folded)
            if found:
                name = (written[: found.start()] + written[found.end() :]).strip(" ,:")
                target.extend(split_units(name))
                break
    if not lead and not coordinating:
        return None
    return Assignment(_numbers(head.group("nums")), lead, coordinating)


def apply_assignments(records: list[Record], assignments: list[Assignment]) -> None:
    """Give each assignment's units to the one task record of each of its numbers, if it has no lead."""
    by_number: dict[str, list[Record]] = {}
    for record in records:
        if record.kind is RecordKind.task:
            by_number.setdefault(record.id.rsplit(".", 1)[-1], []).append(record)
    for assignment in assignments:
        for n in assignment.numbers:
            found = by_number.get(str(n), [])
            if len(found) != 1 or found[0].lead_units:
                continue
            found[0].lead_units = list(assignment.lead)
            if not found[0].coordinating_units:
                found[0].coordinating_units = list(assignment.coordinating)
