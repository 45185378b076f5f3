"""Stable warning and error codes.

Why: users grep their batch outputs for a code ("W104") and other tools switch on it, so a code keeps
its meaning forever; the message may be reworded.  A warning is rendered as ``"W104: text"`` in the
``warnings`` list of the output, e.g. ``"W104: văn bản mã TCVN3 (ABC) đã được chuyển sang Unicode"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(str, Enum):
    """Every code the extractor can emit; E… are errors (no records), W… are warnings."""

    # errors: the document could not be read at all
    E001_NOT_FOUND = "E001"
    E002_UNSUPPORTED_FORMAT = "E002"
    E003_EMPTY = "E003"
    E004_BINARY = "E004"
    E005_TOO_LARGE = "E005"
    E006_READ_FAILED = "E006"
    E007_MISSING_DEPENDENCY = "E007"
    E008_STAGE_FAILED = "E008"
    E009_TIMEOUT = "E009"
    E010_WORKER_CRASHED = "E010"
    # warnings about reading and normalising
    W101_ENCODING_GUESSED = "W101"
    W102_DECODE_ERRORS = "W102"
    W103_NFD_INPUT = "W103"
    W104_LEGACY_ENCODING = "W104"
    W105_HARD_WRAP_JOINED = "W105"
    W106_GLUED_WORDS = "W106"
    W107_OCR_USED = "W107"
    W108_CONTROL_CHARS = "W108"
    W109_PAGE_FURNITURE = "W109"
    # warnings about content
    W201_NO_PLAN = "W201"
    W202_NO_RECORDS = "W202"
    W203_APPENDIX_MISSING = "W203"
    W204_MISNUMBERED = "W204"
    W205_YEAR_GUESSED = "W205"
    W206_TIMELINE_UNPARSED = "W206"
    W207_ISSUER_GUESSED = "W207"
    W208_DATE_INVALID = "W208"
    W209_INDEX_UNKNOWN = "W209"
    W210_NO_NUMBER = "W210"


@dataclass(frozen=True)
class Warning_:
    """One coded warning; ``str()`` gives the form written into the output JSON."""

    code: Code
    message: str

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"


class ExtractionError(Exception):
    """A document that cannot be extracted at all; carries a stable code and a one-line message."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"
