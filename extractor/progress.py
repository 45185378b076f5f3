"""The summary of a bulk run and its progress line.

Why a line that adapts: on a terminal the user wants one live line ("312/520 files (60%), 41.3
files/s, ETA 0:05, 2 failed") with the errors printed above it ("extractor: so-tu-phap/Kế hoạch
19.pdf: E006: PDF is encrypted"); in a CI log or a pipe the same redraws would be thousands of
lines, so there a plain line is printed every 30 s instead.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass
class BatchSummary:
    files: int = 0
    extracted: int = 0
    skipped: int = 0
    failed: int = 0
    records: int = 0
    warnings: int = 0
    pages: int = 0
    ignored: int = 0
    seconds: float = 0.0
    parent_rss_kb: int = 0
    worker_rss_kb: int = 0

    def line(self, out: Path) -> str:
        """One line: ``files = extracted + skipped``; ``failed`` counts the files whose output is an error,
        whether written now or found unchanged from an earlier run."""
        rate = self.extracted / self.seconds if self.seconds else 0.0
        ignored = f", {self.ignored} ignored (extension)" if self.ignored else ""
        return (
            f"extractor: {self.files} file(s) → {out}/: {self.extracted} processed, {self.skipped} skipped "
            f"(unchanged), {self.failed} failed{ignored}; {self.records} records, {self.warnings} warnings; "
            f"{self.seconds:.1f} s ({rate:.1f} files/s)"
        )


class Progress:
    """A progress line on a terminal (files/s and ETA, redrawn at most 10 times a second); on a pipe or
    a log file a plain line every ``interval`` seconds, so a CI log is not flooded."""

    def __init__(self, total: int, stream: IO[str] | None = None, tty: bool | None = None, interval: float = 30.0):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = 0.1 if self.tty else interval
        self.start = self.last = time.monotonic()
        self.drawn = False

    def _text(self, s: BatchSummary) -> str:
        done = s.extracted + s.skipped
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = s.extracted / elapsed
        left = self.total - done
        eta = f"{int(left / rate) // 60}:{int(left / rate) % 60:02d}" if rate > 0 else "?"
        pct = 100 * done / self.total if self.total else 100
        return f"{done}/{self.total} files ({pct:.0f}%), {rate:.1f} files/s, ETA {eta}, {s.failed} failed"

    def update(self, s: BatchSummary, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        if self.tty:
            self.stream.write("\r\x1b[K" + self._text(s))
            self.drawn = True
        else:
            self.stream.write(f"extractor: {self._text(s)}\n")
        self.stream.flush()

    def say(self, line: str) -> None:
        """A line of its own (an error), above the progress line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
