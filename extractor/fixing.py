"""What every text fixer shares: the report it writes warnings to, and Vietnamese letter classes.

Why a module of its own: normalize.py (character fixers) and layout.py (line fixers) both need these,
and neither should import the other.  Example: ``FixReport().warnings`` collects
"W106: đã tách 2 chỗ dính chữ" while ``fix_glued_words`` runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from extractor.errors import Code, Warning_


@dataclass
class FixReport:
    """What the fixers noticed on the way; ``normalize_text`` copies it into the result."""

    warnings: list[Warning_] = field(default_factory=list)
    legacy_encoding: str | None = None


class Fixer(Protocol):
    """A text -> text fixer; the optional ``report`` collects its warnings."""

    def __call__(self, text: str, report: FixReport | None = None, /) -> str: ...


def _warn(report: FixReport | None, code: Code, message: str) -> None:
    if report is not None:
        report.warnings.append(Warning_(code, message))


def _letters(pred: Callable[[str], bool]) -> str:
    """Latin letters (all Vietnamese ones included) for which ``pred`` holds, as a regex class body."""
    chars = (chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)))
    return "".join(re.escape(ch) for ch in chars if ch.isalpha() and pred(ch))


_LO, _UP = _letters(str.islower), _letters(str.isupper)
_HAS_LOWER, _HAS_UPPER = re.compile(f"[{_LO}]"), re.compile(f"[{_UP}]")


# Appended by a reader to a line that it knows goes on in the next one (a PDF line that reaches the
# right margin, followed by a line that is not indented): the hard-wrap joiner reads it as a full line
# and removes it.  A Unicode noncharacter, so no document holds it.
GOES_ON = "\ufdd0"
