"""What a heading or a paragraph announces itself to be, read from the rule files.

Why apart from the record builder: "Tồn tại, hạn chế" (a weakness), "Tổ chức thực hiện" (duties),
"(Chi tiết tại Phụ lục I kèm theo)" (a pointer, no task) and "Trong quá trình thực hiện, nếu có vướng
mắc …" (a closing) are decided by data in ``extractor/rules/``; the builder only asks.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractor import rules
from extractor.segment import Block

INLINE = regex.compile(r"^(?P<head>[^:]{2,90}?)\s*:\s+(?=\S)")
DUTY_OF = regex.compile(r"(?i)^(?:trách nhiệm|nhiệm vụ)\s+(?:của|đối với)\s+")
LEAD_IN = regex.compile(r"(?:cụ thể|như sau|sau đây|gồm|bao gồm|các nội dung)\s*:?\s*$|:\s*$")



@lru_cache(maxsize=1)
def _roles() -> list[tuple[str, regex.Pattern[str]]]:
    return [(r.role, rules.any_of(r.patterns)) for r in rules.sections().role]


@lru_cache(maxsize=1)
def appendix_pointer() -> regex.Pattern[str]:
    return rules.any_of(rules.document().body.appendix_pointer)


@lru_cache(maxsize=1)
def org_closing() -> regex.Pattern[str]:
    return rules.any_of(rules.document().body.org_closing)


def section_role(key_title: str) -> str | None:
    """The role a heading announces ("Tồn tại, hạn chế" → weakness), or None."""
    for role, pattern in _roles():
        if pattern.match(key_title):
            return role
    return None


def clean(s: str) -> str:
    return " ".join(s.split())


def merge_label_only(groups: list[tuple[list[Block], list[Block]]]) -> list[tuple[list[Block], list[Block]]]:
    """Labels written before the task ("Chủ trì: X" then the text) belong to the task after them."""
    out: list[tuple[list[Block], list[Block]]] = []
    pending: list[Block] = []
    for content, labels in groups:
        if not content and (out or len(groups) > 1):
            pending.extend(labels)
            continue
        out.append((content, pending + labels))
        pending = []
    if pending:
        if out:
            out[-1][1].extend(pending)
        else:
            out.append(([], pending))
    return out
