"""Straighten a scanned page before its rules and text are read.

Why: a page laid crooked on the scanner (0.5–2° is common) breaks every ruling line of its tables
into short pieces, so the table comes back as loose words, and Tesseract's lines drift into each
other: a 1.5° skew took an appendix table from 10 records to 3.  The skew is found the classic way,
by the horizontal projection profile: rotated by the right angle, the rows of a page of text
alternate sharply between ink (a line of "Kế hoạch …") and paper, so the sum of squared differences
between neighbouring row means is largest.  Measured on a page shrunk to about 800 pixels wide, a
coarse search then a fine one: ~55 ms a 300-dpi page, within 0.1°.
"""

from __future__ import annotations

from typing import Any

MAX_SKEW = 3.0  # degrees searched either way; a page turned further is a rotated page, not a skewed one
COARSE_STEP = 0.2
FINE_STEP = 0.04
MIN_CORRECTION = 0.2  # below this the search's own error (~0.1°) is as large as the skew
WORK_WIDTH = 800
INK = 160  # grey below this is ink


def skew_angle(grey: Any) -> float:
    """The angle (degrees, counter-clockwise as PIL rotates) that straightens ``grey``; 0.0 for a blank page."""
    from PIL import Image

    factor = max(1, grey.width // WORK_WIDTH)  # an integer reduction: a fifth of a resize's time
    small = (grey.reduce(factor) if factor > 1 else grey).point(lambda p: 255 if p < INK else 0)

    def sharpness(angle: float) -> int:
        turned = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()  # mean ink of each row
        return sum((a - b) * (a - b) for a, b in zip(rows, rows[1:]))

    steps = round(MAX_SKEW / COARSE_STEP)
    scores = {k * COARSE_STEP: sharpness(k * COARSE_STEP) for k in range(-steps, steps + 1)}
    coarse = max(scores, key=lambda a: (scores[a], -abs(a)))
    if scores[coarse] == 0:
        return 0.0
    fine_steps = round(COARSE_STEP / FINE_STEP)
    candidates: list[float] = [coarse + k * FINE_STEP for k in range(-fine_steps, fine_steps + 1)]
    best: float = max(candidates, key=lambda a: (sharpness(a), -abs(a)))
    return round(best, 2)


def deskew(grey: Any) -> tuple[Any, float]:
    """``grey`` turned straight, and the angle it was turned by (0.0: left as it was).

    >>> from PIL import Image
    >>> deskew(Image.new("L", (100, 140), 255))[1]
    0.0
    """
    from PIL import Image

    angle = skew_angle(grey)
    if abs(angle) < MIN_CORRECTION:
        return grey, 0.0
    return grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255), angle
