"""Every default of the extractor in one documented, typed object.

Why one object: a batch run, a test and the CLI must agree on limits such as the largest file read,
and a user can see them all in one place (``extractor extract --help`` shows the same defaults).
Example: ``Settings(max_text_bytes=8_000_000)`` refuses a 20 MB "Kế hoạch.txt" with E005.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_bytes: int = Field(
        200_000_000, description="Largest input file read at all (bytes); larger files fail with E005."
    )
    max_text_bytes: int = Field(
        16_000_000,
        description="Largest text/markdown/HTML file (bytes): a real plan is under 1 MB, a bigger text file "
        "is almost always a dump or a mistake.",
    )
    ocr: Literal["auto", "always", "never"] = Field(
        "auto", description="OCR scanned PDF pages: auto = pages without a text layer only."
    )
    indent: int | None = Field(1, description="JSON indentation of written outputs; None = one line.")
