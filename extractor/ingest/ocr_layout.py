"""Scanned tables: ruling lines found in the page image, and each cell OCR'd on its own.

Why: a scanned appendix ("PHỤ LỤC: NHIỆM VỤ, GIẢI PHÁP …") is a ruled table, and Tesseract reads
it line by line across the columns ("1 Rà soát TTHC Quý II/2024 Văn phòng Sở"), so the columns —
which cell is the timeline, which the lead unit — are lost.  The rules are still in the image: runs
of dark pixels far longer than any letter stroke.  Rows of the image give the horizontal rules; the
image turned a quarter gives the vertical ones, with the same byte search, so no image library
beyond Pillow is needed.  The rules go to the same lattice as a PDF's drawn rules
(:mod:`.lattice`) and are painted white (a rule read as "|" or "—" would stick to the text); each
cell is then cut out and read on its own — in the same Tesseract run as the rest of the page — so
that no line of OCR runs across two columns.  A skewed scan gives broken rules and
then no table: the page is read as lines, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extractor.ingest.lattice import lattice_tables
from extractor.ingest.tables import Edge, Grid, Rect, add_edge

DARK = 160  # grey level below which a pixel is ink
MIN_RULE_PT = 18.0  # a rule is at least this long; a letter's stem at 13-16 pt is shorter
RULE_MAX_THICK_PX = 12  # thicker runs are a filled shape (a stamp, a photo), not a rule
CELL_INSET = 9  # pixels cut from each side of a cell: what is left of its rules after erasing
CELL_MARGIN = 40  # white pixels around a cell cut out for OCR
ERASE_PAD = 3  # pixels painted white around each rule (its anti-aliased edge)

Block = list[str] | tuple[Rect, Grid]  # text lines, or a table's display bbox and grid


@dataclass(frozen=True)
class Word:
    """One word of Tesseract's TSV, in image pixels, with the line it belongs to."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    line: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbers them
    confidence: float


def parse_words(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV output (level 5 rows), in Tesseract's reading order.

    >>> head = "level page block par line word left top width height conf text".replace(" ", "\\t")
    >>> row = "\\t".join(["5", "1", "1", "1", "1", "1", "10", "20", "30", "12", "91", "Kế"])
    >>> parse_words(head + "\\n" + row)[0]
    Word(text='Kế', left=10, top=20, right=40, bottom=32, line=(1, 1, 1), confidence=91.0)
    """
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            words.append(
                Word(cols[11].strip(), left, top, left + width, top + height,
                     (int(cols[2]), int(cols[3]), int(cols[4])), float(cols[10]))
            )
        except ValueError:
            continue
    return words


def lines_of(words: list[Word]) -> list[str]:
    """Tesseract's lines, a blank line between its paragraphs: "KẾ HOẠCH", "", "Về việc …"."""
    out: list[str] = []
    previous: tuple[int, int] | None = None
    current: tuple[int, int, int] | None = None
    for word in words:
        if word.line != current:
            if previous is not None and previous != word.line[:2]:
                out.append("")
            out.append(word.text)
            current, previous = word.line, word.line[:2]
        else:
            out[-1] += " " + word.text
    return out


def ruling_runs(image: Any, dpi: int) -> list[tuple[int, int, int, int]]:
    """Long straight runs of ink as (x0, y0, x1, y1) pixel boxes: the rules of a scanned table."""
    from PIL import Image

    ink = image.convert("L").point(lambda v: 255 if v < DARK else 0)
    min_px = int(MIN_RULE_PT / 72 * dpi)
    width, height = ink.size
    runs: list[tuple[int, int, int, int]] = []
    for x0, y, x1 in _row_runs(ink.tobytes(), width, min_px):
        runs.append((x0, y, x1, y + 1))
    turned = ink.transpose(Image.Transpose.ROTATE_90)  # pixel (x, y) → (y, width - 1 - x)
    for c0, r, c1 in _row_runs(turned.tobytes(), height, min_px):
        x = width - 1 - r
        runs.append((x, c0, x + 1, c1))
    return _thin(runs)


_INK_RUN = re.compile(b"\xff*")


def _row_runs(data: bytes, width: int, min_px: int) -> list[tuple[int, int, int]]:
    """(start column, row, end column) of every run of at least ``min_px`` ink bytes in one image row.

    ``bytes.find`` of ``min_px`` ink bytes skips a page of text (short strokes) at memory speed, ten
    times faster than a regex with a repeat; each hit is the start of a run (the search goes on
    after the previous run), and the run's end is one C-level match away.
    """
    found = []
    needle = b"\xff" * min_px
    start = data.find(needle)
    while start >= 0:
        match = _INK_RUN.match(data, start)
        end = match.end() if match else start + min_px
        row, last_row = divmod(start, width)[0], divmod(end - 1, width)[0]
        for r in range(row, last_row + 1):  # a run may wrap from one row's end to the next row's start
            a, b = max(start, r * width), min(end, (r + 1) * width)
            if b - a >= min_px:
                found.append((a - r * width, r, b - r * width))
        start = data.find(needle, end)
    return found


def _thin(runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Drop runs that are part of a thick filled area (many parallel runs stacked): a stamp or a photo."""
    horizontal = sorted((r for r in runs if r[3] - r[1] == 1), key=lambda r: (r[0], r[1]))
    vertical = sorted((r for r in runs if r[2] - r[0] == 1), key=lambda r: (r[1], r[0]))
    kept: list[tuple[int, int, int, int]] = []
    for group, axis in ((horizontal, 1), (vertical, 0)):
        stack: list[tuple[int, int, int, int]] = []
        for run in [*group, (-1, -1, -1, -1)]:  # the sentinel closes the last stack
            if stack and (run[1 - axis] != stack[-1][1 - axis] or run[axis] != stack[-1][axis] + 1):
                if len(stack) <= RULE_MAX_THICK_PX:
                    kept.extend(stack)
                stack = []
            if run[0] >= 0:
                stack.append(run)
    return kept


def edges_of(runs: list[tuple[int, int, int, int]], dpi: int) -> list[Edge]:
    """The runs as pdfplumber edges in display points (what :func:`.lattice.lattice_tables` takes)."""
    scale = 72 / dpi
    edges: list[Edge] = []
    for x0, y0, x1, y1 in runs:
        if y1 - y0 == 1:
            add_edge(edges, (x0 * scale, y0 * scale), (x1 * scale, y0 * scale))
        else:
            add_edge(edges, (x0 * scale, y0 * scale), (x0 * scale, y1 * scale))
    return edges


def cell_rects(edges: list[Edge]) -> list[Rect]:
    """Every cell of every ruled table the edges draw (display points), before any text is read."""
    found: list[Rect] = []

    def note(rect: Rect) -> str:
        found.append(rect)
        return ""

    lattice_tables(edges, note)
    return found


def cell_images(image: Any, cells: list[Rect], dpi: int) -> list[Any]:
    """Each cell cut out of the (rule-free) page with a white margin: Tesseract reads a lone "2" or
    "II" in a narrow STT cell when it stands alone, and drops it as noise inside a whole page."""
    from PIL import Image

    scale = dpi / 72
    out = []
    for x0, top, x1, bottom in cells:
        box = (int(x0 * scale) + CELL_INSET, int(top * scale) + CELL_INSET,
               max(int(x0 * scale) + CELL_INSET + 1, int(x1 * scale) - CELL_INSET),
               max(int(top * scale) + CELL_INSET + 1, int(bottom * scale) - CELL_INSET))
        crop = image.crop(box)
        canvas = Image.new("L", (crop.width + 2 * CELL_MARGIN, crop.height + 2 * CELL_MARGIN), 255)
        canvas.paste(crop, (CELL_MARGIN, CELL_MARGIN))
        out.append(canvas)
    return out


def blank_cells(image: Any, cells: list[Rect], dpi: int) -> Any:
    """The page with its table cells painted white: what is left is the text around the tables."""
    from PIL import ImageDraw

    scale = dpi / 72
    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for x0, top, x1, bottom in cells:
        draw.rectangle((int(x0 * scale), int(top * scale), int(x1 * scale), int(bottom * scale)), fill=255)
    return clean


NOISE_CONFIDENCE = 60.0  # below this, a "word" without a letter or digit ("¬", "|") is a speck of a rule


def cell_text(words: list[Word]) -> str:
    """A cell's words, line by line as Tesseract grouped them: "Văn phòng Sở"; specks left by rules dropped."""
    kept = [w for w in words if w.confidence >= NOISE_CONFIDENCE or any(c.isalnum() for c in w.text)]
    return "\n".join(lines_of(kept)).replace("\n\n", "\n")


def blocks(page_words: list[Word], edges: list[Edge], texts: dict[Rect, str], dpi: int) -> list[Block]:
    """Text lines and tables in reading order; ``texts`` holds each cell's OCR'd text."""
    scale = 72 / dpi
    tables = lattice_tables(edges, lambda rect: texts.get(rect, "")) if edges else []
    if not tables:
        return [lines_of(page_words)]

    def middle(w: Word) -> float:
        return (w.top + w.bottom) / 2 * scale

    out: list[Block] = []
    cursor = 0.0
    for rect, grid in tables:
        above = [w for w in page_words if cursor <= middle(w) < rect[1]]
        if above:
            out.append(lines_of(above))
        out.append((rect, grid))
        cursor = rect[3]
    below = [w for w in page_words if middle(w) >= cursor]
    if below:
        out.append(lines_of(below))
    return out


def erase(image: Any, runs: list[tuple[int, int, int, int]]) -> Any:
    """A copy of the page with the rules painted white, so that Tesseract reads only the words."""
    from PIL import ImageDraw

    clean = image.convert("L").copy()
    draw = ImageDraw.Draw(clean)
    for x0, y0, x1, y1 in runs:
        draw.rectangle((x0 - ERASE_PAD, y0 - ERASE_PAD, x1 + ERASE_PAD - 1, y1 + ERASE_PAD - 1), fill=255)
    return clean
