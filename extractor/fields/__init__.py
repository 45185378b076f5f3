"""Field extractors: each turns a span of the normalised text into one typed value.

Why one shape: every extractor returns a :class:`FieldResult` (value, span, rule, confidence), so the
record builder, the warnings and the evaluation treat "Thời gian: Quý III/2024" and
"Đơn vị chủ trì: Văn phòng Sở" alike and can say which rule produced a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class FieldResult(Generic[T]):
    """A value found in the text, where it stands, and the rule that found it."""

    value: T
    start: int
    end: int
    rule: str
    confidence: float = 1.0
