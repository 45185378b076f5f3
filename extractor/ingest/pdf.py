"""PDF → page texts: pypdfium2 for the text, pdfplumber's lattice for ruled tables, Tesseract for scans.

Why this split: pdfium extracts text some thirty times faster than pdfplumber but knows nothing of
tables; pdfplumber finds ruled tables well, yet its ``find_tables`` makes pdfminer interpret the
whole page.  So only pages whose drawing has horizontal and vertical rules are looked at, the rules
are read from pdfium's path objects and given to pdfplumber's lattice algorithm
(:func:`.lattice.lattice_tables`), and each cell's text is read by pdfium inside the cell
(``tables="pdfplumber"`` runs plain ``find_tables`` instead: the reference a test compares with).
The text outside the tables is taken region by region, and each table is put back where it stands
as pipe rows, e.g. ``| 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | |``.  Pages with no text
layer are rendered and OCR'd (:mod:`.ocr`).

After all pages are read (one at a time; nothing but strings is kept), two document-level passes
run: lines repeated in the top or bottom margin of most pages (running headers, ``Trang 2/7``) and
bare page numbers are removed, and the pieces of a table that crosses pages are joined and
rendered once, on the page where the table starts.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.errors import Code, ExtractionError, Warning_
from extractor.fixing import GOES_ON
from extractor.ingest import RawDocument
from extractor.ingest.lattice import lattice_tables
from extractor.ingest.ocr import LANGUAGE, ocr_pdf_page
from extractor.ingest.tables import (
    Edge,
    Grid,
    Rect,
    add_edge,
    clean_grid,
    convert_legacy,
    detect_legacy,
    fill_merged_down,
    merge_continuation,
    render_table,
)

OCR_MODES = ("auto", "always", "never")
TABLE_ENGINES = ("rules", "pdfplumber")
MIN_TEXT_CHARS = 20  # a page with fewer non-blank characters than this counts as scanned
MARGIN_SHARE = 0.1  # top/bottom share of the page height where running headers and footers live
MIN_RULES = 2  # horizontal and vertical ruling segments a page needs before tables are looked for
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|(?:trang|page)\s*\d{1,4}(?:\s*(?:/|của|of|trên)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)


@dataclass
class _Table:
    grid: Grid


Item = list[str] | _Table


@dataclass
class _Page:
    """What one page leaves behind: text chunks and tables in reading order, and margin lines."""

    items: list[Item]
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)


def read_pdf(path: Path, data: bytes, ocr: str = "auto", tables: str = "rules") -> RawDocument:
    """Read a PDF into one text per page.

    ``ocr``: ``auto`` (OCR pages with no text layer), ``always`` or ``never``.  ``tables``: ``rules``
    (pdfplumber's table finder fed with pdfium's ruling lines; cell text from pdfium) or
    ``pdfplumber`` (pdfplumber parses the whole page: slower, kept as the reference).
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    if tables not in TABLE_ENGINES:
        raise ValueError(f"tables must be one of {TABLE_ENGINES}, not {tables!r}")
    document = _open(data)
    warnings: list[Warning_] = []
    legacy: dict[str, list[int]] = {}
    pages: list[_Page] = []
    plumber = _Plumber(data) if tables == "pdfplumber" else None
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                pages.append(_read_page(page, index, plumber, ocr, warnings, legacy))
            except pdfium.PdfiumError as exc:
                raise ExtractionError(
                    Code.E006_READ_FAILED, f"page {index + 1} cannot be read: {exc}"
                ) from exc
            finally:
                page.close()
    finally:
        if plumber is not None:
            plumber.close()
        document.close()
    _drop_running_lines(pages)
    _join_tables(pages)
    for encoding, numbers in legacy.items():
        warnings.append(
            Warning_(
                Code.W104_LEGACY_ENCODING,
                f"trang {_ranges(numbers)}: văn bản mã {encoding.upper()} đã được chuyển sang Unicode",
            )
        )
    texts = [_render(page) for page in pages]
    digest = hashlib.sha256(data).hexdigest()
    return RawDocument(str(path), digest, "pdf", texts, len(texts), warnings, legacy_checked=True)


def _open(data: bytes) -> Any:
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError(Code.E006_READ_FAILED, "not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise ExtractionError(Code.E006_READ_FAILED, "PDF is truncated (no %%EOF at the end)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractionError(Code.E006_READ_FAILED, "PDF is encrypted (password required)") from exc
        raise ExtractionError(Code.E006_READ_FAILED, f"PDF cannot be parsed: {exc}") from exc
    if len(document) == 0:
        document.close()
        raise ExtractionError(Code.E006_READ_FAILED, "PDF has no pages")
    return document


def _read_page(
    page: Any,
    index: int,
    plumber: _Plumber | None,
    ocr: str,
    warnings: list[Warning_],
    legacy: dict[str, list[int]],
) -> _Page:
    textpage = page.get_textpage()
    try:
        text = _hyphens(textpage.get_text_range())
        if ocr == "always" or (
            ocr == "auto"
            and len("".join(text.split())) < MIN_TEXT_CHARS
            and _count(page, pdfium_c.FPDF_PAGEOBJ_IMAGE) > 0
        ):
            result = ocr_pdf_page(page, index + 1)
            note = f"đã nhận dạng OCR (Tesseract {LANGUAGE}), độ tin cậy trung bình {result.confidence:.0f}%"
            if result.skew:
                note += f", trang quét bị nghiêng đã xoay thẳng {result.skew:+.1f}°"
            warnings.append(Warning_(Code.W107_OCR_USED, f"trang {index + 1}: {note}"))
            lines = _lines(result.text)
            if not any(isinstance(block, tuple) for block in result.blocks):
                return _Page([lines], lines[:2], lines[-2:])
            found: list[Item] = [
                _Table(block[1]) if isinstance(block, tuple) else _lines("\n".join(block)) for block in result.blocks
            ]
            top = found[0][:2] if isinstance(found[0], list) else []
            bottom = found[-1][-2:] if isinstance(found[-1], list) else []
            return _Page(found, top, bottom)
        geometry = _Geometry(page)
        region = _Region(textpage, geometry)
        edges = _edges(page, geometry)
        if not _ruled(edges):
            tables = []
        elif plumber is not None:
            tables = plumber.tables(index)
        else:
            tables = lattice_tables(edges, region.text)
        parts = text.split("\r\n")  # pdfium's lines
        geo = _line_boxes(textpage.raw, parts)
        marked = _mark_wrapped_lines(textpage.raw, parts, geometry.width, geo)
        if tables:
            region.goes_on = {line[: -len(GOES_ON)] for line in _lines(marked) if line.endswith(GOES_ON)}
        items: list[Item] = _items(region, tables) if tables else [_lines(marked)]
        if not tables and geo is not None and geometry.rotation == 0:
            margins = _margin_lines(parts, geo, geometry)
        else:
            margins = _margins(region, [rect for rect, _ in tables])
        page_info = _Page(items, *margins)
    finally:
        textpage.close()
    _repair(page_info, text, index, legacy)
    return page_info


class _Geometry:
    """Maps pdfplumber's display coordinates (top-left origin, after /Rotate) to PDF user space."""

    def __init__(self, page: Any) -> None:
        self.x0, self.y0, self.x1, self.y1 = page.get_mediabox()
        self.rotation = page.get_rotation() % 360
        span_x, span_y = self.x1 - self.x0, self.y1 - self.y0
        self.width, self.height = (span_y, span_x) if self.rotation in (90, 270) else (span_x, span_y)

    def user(self, rect: Rect) -> Rect:
        """A display rect as pdfium's (left, bottom, right, top) in user space."""
        if self.rotation == 0:  # the common page: a shift and a flip, asked once per table cell
            return self.x0 + rect[0], self.y1 - rect[3], self.x0 + rect[2], self.y1 - rect[1]
        points = [self._point(x, t) for x in (rect[0], rect[2]) for t in (rect[1], rect[3])]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return min(xs), min(ys), max(xs), max(ys)

    def display(self, x: float, y: float) -> tuple[float, float]:
        """The inverse of :meth:`user` for one point: user space → (x, distance from the top)."""
        if self.rotation == 90:
            return y - self.y0, x - self.x0
        if self.rotation == 180:
            return self.x1 - x, y - self.y0
        if self.rotation == 270:
            return self.y1 - y, self.x1 - x
        return x - self.x0, self.y1 - y

    def _point(self, dx: float, dt: float) -> tuple[float, float]:
        if self.rotation == 90:
            return self.x0 + dt, self.y0 + dx
        if self.rotation == 180:
            return self.x1 - dx, self.y0 + dt
        if self.rotation == 270:
            return self.x1 - dt, self.y1 - dx
        return self.x0 + dx, self.y1 - dt


class _Plumber:
    """pdfplumber, opened on the first page that needs it; each page's caches are freed after use."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None

    def tables(self, index: int) -> list[tuple[Rect, Grid]]:
        """Ruled tables of one page as (display bbox, cleaned grid); a library failure gives none."""
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            page = self._pdf.pages[index]
        except Exception:  # pdfminer raises many types: the page is then read as plain text
            return []
        try:
            found = []
            x0, top = page.mediabox[0], page.mediabox[1]
            for table in page.find_tables(TABLE_SETTINGS):
                grid = clean_grid(fill_merged_down(table.extract(), [row.cells for row in table.rows]))
                if grid and len(grid[0]) >= 2:
                    b = table.bbox
                    found.append(((b[0] - x0, b[1] - top, b[2] - x0, b[3] - top), grid))
            return sorted(found, key=lambda t: t[0][1])
        except Exception:  # as above: better the page's text without its table than no document
            return []
        finally:
            page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _count(page: Any, kind: int) -> int:
    return sum(1 for _ in page.get_objects(filter=[kind]))


_Matrix = tuple[float, float, float, float, float, float]


def _paths(raw: Any, count: Any, get: Any, outer: list[_Matrix]) -> Any:
    """Every path object of a page or form, with the matrices of the forms around it (innermost first).

    Read through pdfium's C API: the page's text objects (thousands) are only asked their type.
    """
    for i in range(count(raw)):
        obj = get(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, outer
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            form = _matrix(obj)
            yield from _paths(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, [form, *outer])


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _apply(matrices: list[_Matrix], x: float, y: float) -> tuple[float, float]:
    for a, b, c, d, e, f in matrices:
        x, y = a * x + c * y + e, b * x + d * y + f
    return x, y


def _edges(page: Any, geometry: _Geometry) -> list[Edge]:
    """Axis-parallel segments of every path on the page, in display coordinates, as pdfplumber edges.

    Walking pdfium's path segments costs a few microseconds each, against tens of milliseconds for
    pdfminer to interpret the page; points go through the path's matrix and those of the forms
    around it, so a table inside a form XObject or on a ``/Rotate 90`` page is found too.
    """
    x, y = ctypes.c_float(), ctypes.c_float()
    edges: list[Edge] = []
    for obj, outer in _paths(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, []):
        matrices = [_matrix(obj), *outer]
        start = previous = None
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = geometry.display(*_apply(matrices, x.value, y.value))
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
                add_edge(edges, previous, point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                add_edge(edges, point, start)
            previous = point
    return edges


def _ruled(edges: list[Edge]) -> bool:
    """Cheap test before any table finding: enough horizontal and vertical rules on the page."""
    horizontal = sum(1 for e in edges if e["orientation"] == "h")
    return horizontal >= MIN_RULES and len(edges) - horizontal >= MIN_RULES


class _Region:
    """The text pdfium finds inside a display rectangle: a table cell, the band above a table, a margin.

    Why not ``PdfTextPage.get_text_bounded``: a table page asks for a hundred cells or more, and that
    helper calls pdfium twice and allocates a buffer each time; one buffer per page and one call
    halve the cost.  "Đơn vị chủ trì" in a cell comes back as it is drawn, hyphens repaired.
    """

    BUFFER_CHARS = 16384

    def __init__(self, textpage: Any, geometry: _Geometry) -> None:
        self._raw = textpage.raw
        self._textpage = textpage
        self.geometry = geometry
        self._buffer = (ctypes.c_ushort * self.BUFFER_CHARS)()
        self.goes_on: set[str] = set()  # lines of the page that wrap (see _mark_wrapped_lines)

    def text(self, rect: Rect) -> str:
        left, bottom, right, top = self.geometry.user(rect)
        n = pdfium_c.FPDFText_GetBoundedText(self._raw, left, top, right, bottom, self._buffer, self.BUFFER_CHARS)
        if n >= self.BUFFER_CHARS:  # more than fits: let the helper size its own buffer
            return _hyphens(str(self._textpage.get_text_bounded(left, bottom, right, top)))
        text = ctypes.string_at(self._buffer, max(n, 0) * 2).decode("utf-16-le", errors="ignore")
        return _hyphens(text.rstrip("\x00"))


WRAP_TOLERANCE = 0.04  # share of the text column: a line ending this close to its right edge is full
INDENT_TOLERANCE = 0.02  # a line starting further right than this opens a paragraph (first-line indent)
RAGGED_START = 0.1  # a left-aligned line starts within this share of the column (a first-line indent at most)
LONGEST_WORD = 0.15  # of the column: a wider gap at a line's end is a paragraph's end, whatever word follows
MIN_LINES_FOR_COLUMN = 4
MIN_COLUMN_SHARE = 0.6  # of the page's width: the widest lines of a page of prose span at least this


def _mark_wrapped_lines(
    raw: Any, parts: list[str], page_width: float, lines: list[tuple[float, float, float, float] | None] | None
) -> str:
    """The page's text (``parts``: its lines, as pdfium split them with "\\r\\n") with :data:`GOES_ON`
    after each line that the page wrapped: it reaches the right edge of the text column and the next
    line is not indented.

    Why: "Căn cứ Kế hoạch số 21/KH-UBND … của UBND tỉnh Minh" / "Giang về …" — justified lines of a
    proportional font differ in length by a fifth, so counting characters cannot tell a full line
    from a paragraph's last one; pdfium's text rectangles can.  A Word paragraph's first line is
    indented, its wrapped lines start at the margin; a title's lines are all centred.  Two
    ``FPDFText_GetCharBox`` calls a line, its first and last character (the characters of line k are
    its offsets in ``text``: pdfium counts the line breaks it generates).
    """
    text = "\r\n".join(parts)
    firsts: list[int] = []  # each line's first character, in pdfium's numbering
    pos = 0
    for part in parts:
        firsts.append(pos + len(part) - len(part.lstrip()))
        pos += len(part) + 2
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    box_of = pdfium_c.FPDFText_GetCharBox
    boxes: list[tuple[float, float] | None] = [b[:2] if b else None for b in lines] if lines is not None else []
    if lines is None:  # the page's text rectangles do not line up with its lines: ask for each line's ends
        for part, first in zip(parts, firsts, strict=True):
            box: tuple[float, float] | None = None
            size = len(part.strip())
            if size and box_of(raw, first, left, right, bottom, top):
                x0 = left.value
                if box_of(raw, first + size - 1, left, right, bottom, top):
                    box = (x0, right.value)
            boxes.append(box)
    known = [b for b in boxes if b]
    if len(known) < MIN_LINES_FOR_COLUMN:
        return text
    column_left, column_right = min(b[0] for b in known), max(b[1] for b in known)
    width = column_right - column_left
    if width < MIN_COLUMN_SHARE * page_width:
        return text  # no line spans the page (a last page of "Nơi nhận" and signature): no column to measure
    near, indent = WRAP_TOLERANCE * width, INDENT_TOLERANCE * width
    longest_word = LONGEST_WORD * width
    ragged_start = column_left + RAGGED_START * width

    def shape(k: int) -> tuple[bool, bool]:
        """(symmetric, centred) of line k: symmetric margins (a centred line, or one as wide as the column),
        centred with room on both sides; a capitals line ("KẾ HOẠCH", "KT. GIÁM ĐỐC") or a bracketed one
        ("(Ban hành kèm theo …)") is neither."""
        b = boxes[k]
        line = parts[k].strip()
        if b is None or line.isupper() or (line[:1] == "(" and line[-1:] == ")"):
            return False, False
        before, beyond = b[0] - column_left, column_right - b[1]
        even = abs(before - beyond) < near
        return even, even and min(before, beyond) > indent

    def first_word(k: int) -> float:
        """The width of line k's first word and the space before it (a space is about one character wide)."""
        body = parts[k].strip()
        end = body.find(" ")
        end = len(body) if end < 0 else end
        b = boxes[k]
        if b is None or not box_of(raw, firsts[k] + end - 1, left, right, bottom, top):
            return 0.0
        return (right.value - b[0]) * (1 + 1 / end)

    out: list[str] = []
    for i, part in enumerate(parts):
        box, after = boxes[i], boxes[i + 1] if i + 1 < len(boxes) else None
        wrapped = False
        if box is not None and after is not None:
            gap = column_right - box[1]
            if after[0] <= column_left + indent:  # the next line is not indented
                # it reaches the margin; or, in ragged text (left-aligned lines only, not a signature block in
                # the right half nor a centred line), the next line's first word would not have fitted
                wrapped = gap <= near or (
                    box[0] <= ragged_start
                    and gap < longest_word
                    and not shape(i)[1]
                    and first_word(i + 1) > gap
                )
            if not wrapped and (box[0] - column_left > indent or after[0] - column_left > indent):
                # a title set in several centred lines (one of them may be as wide as the column)
                (even, centred), (next_even, next_centred) = shape(i), shape(i + 1)
                wrapped = even and next_even and (centred or next_centred)
        out.append(part.rstrip() + GOES_ON if wrapped else part)
    return "\r\n".join(out)


def _line_boxes(raw: Any, parts: list[str]) -> list[tuple[float, float, float, float] | None] | None:
    """(left, right, top, bottom) of each line, in PDF space, from pdfium's text rectangles; None if they do
    not match the lines.

    One ``FPDFText_CountRects`` call lays out the whole page; its rectangles come in text order, and
    the ones that overlap vertically make one line — the lines pdfium broke the text into with
    "\\r\\n".  A third cheaper than two character boxes a line.
    """
    count = pdfium_c.FPDFText_CountRects(raw, 0, -1)
    left, top, right, bottom = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    lines: list[list[float]] = []  # left, right, top, bottom (PDF space: top > bottom)
    for i in range(max(count, 0)):
        if not pdfium_c.FPDFText_GetRect(raw, i, left, top, right, bottom):
            return None
        x0, y1, x1, y0 = left.value, top.value, right.value, bottom.value
        if lines and y0 < lines[-1][2] and y1 > lines[-1][3]:  # overlaps the line being built
            line = lines[-1]
            line[0], line[1], line[2], line[3] = min(line[0], x0), max(line[1], x1), max(line[2], y1), min(line[3], y0)
        else:
            lines.append([x0, x1, y1, y0])
    filled = [k for k, part in enumerate(parts) if part.strip()]
    if len(filled) != len(lines):
        return None
    boxes: list[tuple[float, float, float, float] | None] = [None] * len(parts)
    for k, line in zip(filled, lines, strict=True):
        boxes[k] = (line[0], line[1], line[2], line[3])
    return boxes


def _hyphens(text: str) -> str:
    """pdfium marks a hyphen at a line end as U+FFFE ("45/QĐ\ufffeUBND"); it is the hyphen of a number."""
    return text.replace("\ufffe", "-") if "\ufffe" in text else text


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.rstrip() for line in lines if line.strip()]


def _bounded(region: _Region, rect: Rect) -> list[str]:
    if rect[2] - rect[0] <= 0.5 or rect[3] - rect[1] <= 0.5:
        return []
    lines = _lines(region.text(rect))
    if region.goes_on:
        lines = [line + GOES_ON if line in region.goes_on else line for line in lines]
    return lines


def _items(region: _Region, tables: list[tuple[Rect, Grid]]) -> list[Item]:
    """Text above, between and below the tables (and beside them), with each table where it stands."""
    geometry = region.geometry
    items: list[Item] = []
    cursor = 0.0
    for (x0, top, x1, bottom), grid in tables:
        items.append(_bounded(region, (0.0, cursor, geometry.width, top)))
        items.append(_bounded(region, (0.0, top, x0, bottom)) + _bounded(region, (x1, top, geometry.width, bottom)))
        items.append(_Table(grid))
        cursor = bottom
    items.append(_bounded(region, (0.0, cursor, geometry.width, geometry.height)))
    return [item for item in items if item]


def _margin_lines(
    parts: list[str], lines: list[tuple[float, float, float, float] | None], geometry: _Geometry
) -> tuple[list[str], list[str]]:
    """:func:`_margins` of a page without tables, from the lines' heights already measured (no text call)."""
    band = geometry.height * MARGIN_SHARE
    top = [p.rstrip() for p, b in zip(parts, lines, strict=True) if b and p.strip() and b[2] > geometry.y1 - band]
    bottom = [p.rstrip() for p, b in zip(parts, lines, strict=True) if b and p.strip() and b[3] < geometry.y0 + band]
    return top, bottom


def _margins(region: _Region, tables: list[Rect]) -> tuple[list[str], list[str]]:
    """Lines in the top and bottom margins, outside any table: candidates for running headers."""
    geometry = region.geometry
    band = geometry.height * MARGIN_SHARE
    top_end = min([band] + [t[1] for t in tables])
    bottom_start = max([geometry.height - band] + [t[3] for t in tables])
    top = _bounded(region, (0.0, 0.0, geometry.width, top_end))
    bottom = _bounded(region, (0.0, bottom_start, geometry.width, geometry.height))
    return top, bottom


def _repair(page: _Page, text: str, index: int, legacy: dict[str, list[int]]) -> None:
    """Convert a page typed in a legacy font encoding ("KÕ ho¹ch" → "Kế hoạch"), tables included.

    ``text`` is the whole page as pdfium gave it: the same characters as the items, already joined.
    """
    encoding = detect_legacy(text)
    if encoding is None:
        return
    legacy.setdefault(encoding, []).append(index + 1)
    for item in page.items:
        if isinstance(item, list):
            item[:] = convert_legacy("\n".join(item), encoding).split("\n")
        else:
            item.grid = [[convert_legacy(cell, encoding) for cell in row] for row in item.grid]
    page.top = [convert_legacy(line, encoding) for line in page.top]
    page.bottom = [convert_legacy(line, encoding) for line in page.bottom]


def _key(line: str, number: int) -> str:
    """A margin line with its own page number masked: "Trang 3/7" on page 3 → "trang #/7".

    Only the page's number is masked, so "1.2. Nhiệm vụ" and "2.2. Nhiệm vụ" at the top of two
    pages stay different lines and are not taken for a running header.
    """
    return re.sub(rf"(?<!\d){number}(?!\d)", "#", " ".join(line.split())).casefold()


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers/footers (repeated in the margin of most pages) and page numbers."""
    tops = Counter(k for n, p in enumerate(pages, 1) for k in {_key(line, n) for line in p.top})
    bottoms = Counter(k for n, p in enumerate(pages, 1) for k in {_key(line, n) for line in p.bottom})
    needed = max(2, math.ceil(len(pages) / 2))
    for number, page in enumerate(pages, 1):
        for candidates, counts, from_end in ((page.top, tops, False), (page.bottom, bottoms, True)):
            for line in candidates:
                flat = " ".join(line.split())
                if _PAGE_NUMBER.match(flat) or counts[_key(line, number)] >= needed:
                    _remove_line(page, flat, from_end)


def _remove_line(page: _Page, flat: str, from_end: bool) -> None:
    chunks = [item for item in page.items if isinstance(item, list)]
    for chunk in reversed(chunks) if from_end else chunks:
        positions = range(len(chunk) - 1, -1, -1) if from_end else range(len(chunk))
        for pos in positions:
            if " ".join(chunk[pos].split()) == flat:
                del chunk[pos]
                return


def _join_tables(pages: list[_Page]) -> None:
    """Merge a table continued at the top of the next page into the piece that ended the page above."""
    open_table: _Table | None = None
    for page in pages:
        page.items = [item for item in page.items if not (isinstance(item, list) and not item)]
        first = page.items[0] if page.items else None
        if (
            open_table is not None
            and isinstance(first, _Table)
            and len(first.grid[0]) == len(open_table.grid[0])
        ):
            open_table.grid = merge_continuation(open_table.grid, first.grid)
            page.items.pop(0)
            if not page.items:
                continue
        last = page.items[-1] if page.items else None
        open_table = last if isinstance(last, _Table) else None


def _render(page: _Page) -> str:
    return "\n".join(
        "\n".join(item) if isinstance(item, list) else render_table(item.grid) for item in page.items
    )


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` → ``"1-3, 5"``: one warning names every legacy page without repeating itself."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)
