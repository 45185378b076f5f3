"""Running an external program (LibreOffice, Tesseract) with a time limit and a coded error.

Why one place: a reader that shells out must never hang a batch or leak a traceback; both readers
need the same timeout and "cannot run" handling.  Example: ``run(["soffice", …], "LibreOffice", 120)``
raises ``E006: LibreOffice took over 120 s`` instead of blocking.
"""

from __future__ import annotations

import subprocess
from typing import Any

from extractor.errors import Code, ExtractionError


def run(cmd: list[str], what: str, timeout: float, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """``subprocess.run`` with output captured; a timeout or a missing program is an ExtractionError."""
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, **kwargs)
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(Code.E006_READ_FAILED, f"{what} took over {timeout:g} s") from exc
    except OSError as exc:
        raise ExtractionError(Code.E006_READ_FAILED, f"cannot run {what}: {exc.strerror}") from exc
