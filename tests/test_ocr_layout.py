"""Scanned tables: rules found in the image, Tesseract's multi-image TSV split, specks dropped, repeats seen."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.ingest.ocr import _split_pages
from extractor.ingest.ocr_layout import Word, cell_rects, cell_text, edges_of, ruling_runs
from extractor.ingest.tables import same_row

DPI = 300


def _ruled_page(columns: list[int], rows: list[int]) -> Image.Image:
    """A white A4 page at 300 dpi with a ruled grid (3 px rules) and a few letter-sized strokes."""
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for y in rows:
        draw.rectangle((columns[0], y, columns[-1], y + 2), fill=0)
    for x in columns:
        draw.rectangle((x, rows[0], x + 2, rows[-1]), fill=0)
    draw.rectangle((300, 3200, 306, 3245), fill=0)  # a letter's stem below the table: no rule
    draw.rectangle((300, 3300, 900, 3303), fill=0)  # an underline: a rule, but it crosses nothing
    return page


def test_a_ruled_grid_gives_its_cells() -> None:
    page = _ruled_page([200, 500, 1400, 2200], [400, 600, 900, 1200])
    cells = cell_rects(edges_of(ruling_runs(page, DPI), DPI))
    assert len(cells) == 9  # 3 columns × 3 rows
    scale = 72 / DPI
    assert min(c[0] for c in cells) == pytest.approx(200 * scale, abs=1.5)
    assert max(c[3] for c in cells) == pytest.approx(1200 * scale, abs=1.5)


def test_a_page_without_a_table_gives_no_cells() -> None:
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for y in range(300, 3000, 60):  # lines of "text": short strokes and one underline
        for x in range(200, 2200, 40):
            draw.rectangle((x, y, x + 4, y + 40), fill=0)
    draw.rectangle((800, 250, 1600, 253), fill=0)
    assert cell_rects(edges_of(ruling_runs(page, DPI), DPI)) == []


def test_a_filled_block_is_no_rule() -> None:
    """Regression guard: a stamp or photo (a thick dark area) must not become a grid of rules."""
    page = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(page).rectangle((400, 400, 1400, 1400), fill=0)
    assert ruling_runs(page, DPI) == []


def test_split_pages_by_image_number() -> None:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t{page}\t1\t1\t1\t1\t0\t0\t9\t9\t90\t{text}" for page, text in ((1, "Kế"), (2, "2"), (2, "II"))]
    pages = _split_pages("\n".join([head, *rows]), 3)
    assert [p.count("\n") for p in pages] == [1, 2, 0]
    assert pages[2] == head


def _word(text: str, conf: float, line: int = 1, left: int = 0) -> Word:
    return Word(text, left, line * 50, left + 40, line * 50 + 40, (1, 1, line), conf)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([_word("Văn", 95), _word("phòng", 94, left=50), _word("Sở", 93, left=120)], "Văn phòng Sở"),
        ([_word("¬", 20), _word("Quý", 90, line=2), _word("IV", 88, line=2, left=60)], "Quý IV"),  # a speck
        ([_word("2", 40)], "2"),  # a lone digit with low confidence is kept: it has a digit
        ([_word("Rà", 90), _word("soát", 90, left=50), _word("TTHC", 90, line=2)], "Rà soát\nTTHC"),
    ],
)
def test_cell_text(words: list[Word], expected: str) -> None:
    assert cell_text(words) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (["STT", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì"],
         ["STTL", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì"], True),  # OCR'd twice
        (["STT", "Nội dung"], ["STT", "Nội dung "], True),  # whitespace only
        (["STT", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì"],
         ["1", "Rà soát quy trình nội bộ", "Quý II/2024", "Văn phòng Sở"], False),
        (["1", "Rà soát"], ["2", "Rà soát"], False),  # too short to call near: two different rows
    ],
)
def test_same_row(a: list[str], b: list[str], same: bool) -> None:
    assert same_row(a, b) is same
