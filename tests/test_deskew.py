"""Straightening scanned pages (extractor/ingest/deskew.py): the angle found for pages turned by a known angle."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.ingest.deskew import MIN_CORRECTION, deskew, skew_angle


def page_of_lines(width: int = 1700, height: int = 2300) -> Image.Image:
    """A page of "text": forty dark bars of varied length, 55 px apart, like lines of a plan at 200 dpi."""
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    for k in range(40):
        top = 150 + 55 * k
        draw.rectangle((150, top, 150 + 900 + (k * 137) % 500, top + 22), fill=30)
    return page


@pytest.mark.parametrize("turned", [0.0, 0.6, -1.3, 2.4])
def test_the_angle_that_straightens_a_turned_page_is_found(turned: float) -> None:
    page = page_of_lines().rotate(turned, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew_angle(page) == pytest.approx(-turned, abs=0.12)


def test_a_straight_page_is_left_as_it_is_and_a_crooked_one_turned() -> None:
    straight = page_of_lines()
    assert deskew(straight) == (straight, 0.0)
    crooked = straight.rotate(1.5, resample=Image.Resampling.BICUBIC, fillcolor=255)
    fixed, angle = deskew(crooked)
    assert abs(angle) > MIN_CORRECTION and fixed is not crooked
    assert abs(skew_angle(fixed)) < MIN_CORRECTION
