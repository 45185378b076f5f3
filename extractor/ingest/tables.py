"""Table cells → Markdown pipe rows, and the text repairs every reader shares.

Why one renderer: the segmenter reads appendix tables as pipe rows whatever the source format, so a
PDF table (pdfplumber cells), a Word table (``w:tc``) and an HTML ``<table>`` must come out the same::

    | STT | Nội dung nhiệm vụ | Thời gian hoàn thành | Đơn vị chủ trì | Đơn vị phối hợp |
    |---|---|---|---|---|
    | I. CHỈ SỐ SIPAS | | | | |
    | 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | Các phòng |

The first row is the header row; a cell that another spans sideways is an empty cell, so a group
row that spans the table keeps its text in the first cell; a cell merged down repeats its text in
the rows it covers (:func:`fill_down`; readers that know the merges — Word and HTML — use it).
Pieces of a table that crosses pages are joined by :func:`merge_continuation` before rendering.

:func:`repair_legacy` lives here too because all three readers need it: text typed in TCVN3/VNI
fonts (".VnTime") comes out as ``"KÕ ho¹ch"`` and is converted with viparse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from extractor.errors import Code, Warning_

_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_SPACES = re.compile(r"[ \t\f\v]+")
_WORD_BREAK = re.compile(r"(?<=\S)-\n")
# letters that only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the precomposed tone marks); a line that
# holds one is already Unicode and must not be run through a legacy charmap.
_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)

DETECT_SAMPLE = 4000  # characters of a page given to the legacy-encoding detector
UNICODE_EVIDENCE = 5  # Unicode-only Vietnamese letters that prove a text is not legacy-encoded
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
TOLERANCE = 3.0  # pdfplumber's default snap / join / intersection tolerance, in points
EDGE_MIN_LENGTH = 3.0  # pdfplumber's edge_min_length
Cell = str | None
Edge = dict[str, Any]  # a ruling segment as pdfplumber describes it (x0, x1, top, bottom, orientation …)
Rect = tuple[float, float, float, float]  # x0, top, x1, bottom, with the origin at the top left
Grid = list[list[str]]


_SPLIT_YEAR = re.compile(r"\b(\d{1,2}/\d{1,2}/)(\d{1,3})\s(\d{1,3})\b")  # pdfium's "31/10/202 4" at a wrap
_NUMBER_BREAK = re.compile(r"(?<=[\d/.])\n(?=\d)")  # "31/10/202\n4" in a narrow column: one number


def clean_cell(text: Cell) -> str:
    """One line of cell text: breaks become spaces, a break after a hyphen is closed up, ``|`` → ``/``.

    >>> clean_cell("Rà soát thủ tục hành\\nchính")
    'Rà soát thủ tục hành chính'
    >>> clean_cell("Phòng KH-\\nTC | TTNN")
    'Phòng KH-TC / TTNN'
    >>> clean_cell("Trước ngày 31/10/202\\n4")
    'Trước ngày 31/10/2024'

    Vietnamese does not hyphenate syllables at a line end, so ``"KH-\\nTC"`` is an abbreviation that
    wrapped and keeps its hyphen; ``"Kế hoạch -\\nTài chính"`` (space before the dash) keeps a space.
    """
    if not text:
        return ""
    joined = _BREAK.sub("\n", text.strip())
    joined = _NUMBER_BREAK.sub("", _WORD_BREAK.sub("-", joined)).replace("\n", " ")
    joined = _SPLIT_YEAR.sub(lambda m: m.group(1) + m.group(2) + m.group(3) if len(m.group(2) + m.group(3)) == 4
                             else m.group(0), joined)
    return _SPACES.sub(" ", joined).replace("|", "/").strip()


def clean_grid(rows: Sequence[Sequence[Cell]]) -> Grid:
    """Clean every cell and pad rows to one width; rows with no text at all are dropped."""
    width = max((len(r) for r in rows), default=0)
    grid: Grid = []
    for row in rows:
        cells = [clean_cell(c) for c in row] + [""] * (width - len(row))
        if any(cells):
            grid.append(cells)
    return grid


def render_row(cells: Sequence[str]) -> str:
    """``["I. CHỈ SỐ SIPAS", "", ""]`` → ``"| I. CHỈ SỐ SIPAS | | |"`` (an empty cell is one space)."""
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"


def fill_down(rows: Sequence[Sequence[Cell]], column: int) -> str:
    """The text of a cell that a vertically merged cell above covers: that cell's text, except in the first
    column and in the header.

    Why: one "Đơn vị chủ trì" cell merged over two task rows (Word's ``vMerge``, HTML's ``rowspan``)
    leads both tasks; read as an empty cell the second task would have no lead.  The first column
    holds the STT or the group numeral ("I" merged down a group), which must not repeat, and a header
    cell merged down over its sub-header row ("Nhiệm vụ" beside "Chủ trì | Phối hợp") stays one label.
    """
    if column == 0 or len(rows) < 2 or column >= len(rows[-1]):
        return ""
    return rows[-1][column] or ""


def fill_merged_down(rows: Sequence[Sequence[Cell]], boxes: Sequence[Sequence[Rect | None]]) -> list[list[Cell]]:
    """A ruled PDF table's cells with each cell that a merged cell above covers given that cell's text.

    ``boxes`` are the cells' rectangles as pdfplumber's ``Table.rows`` give them (None where no cell
    starts).  A missing cell is covered from above when the nearest cell above it in its column
    reaches below the top of its row — then it is :func:`fill_down`'s case (a lead unit merged over
    two tasks); one covered from the left (a group row spanning the table) stays empty.
    """
    out: list[list[Cell]] = [list(r) for r in rows]
    for r, row in enumerate(boxes):
        tops = [b[1] for b in row if b is not None]
        if not tops:
            continue
        top = min(tops)
        for c, box in enumerate(row):
            if box is not None or c == 0:
                continue
            above = next((k for k in range(r - 1, -1, -1) if c < len(boxes[k]) and boxes[k][c] is not None), None)
            if above is None or above == 0:  # nothing above, or the header row
                continue
            cover = boxes[above][c]
            if cover is not None and cover[3] > top + TOLERANCE:
                out[r][c] = out[above][c]
    return out


TAB_BLOCK_REACH = 12  # lines after a two-column line within which the block's last tabbed line may stand
TAB_BLOCK_LINE = 120  # longer lines are prose, not a column of the header or the signature


def untab_columns(lines: list[str], spaces: bool = False) -> list[str]:
    """Lines where tab stops lay out two columns, column by column: the left column's lines, then the right's.

    Why: a Word plan without layout tables puts the header and the signature side by side with tabs::

        "\\tUBND TỈNH VÂN KHÁNH\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"   "Nơi nhận:\\tKT. GIÁM ĐỐC"
        "\\tSỞ Y TẾ\\tĐộc lập - Tự do - Hạnh phúc"                      "- Sở Nội vụ (b/c);\\tPHÓ GIÁM ĐỐC"

    Read as lines, "Nơi nhận" would hold "KT. GIÁM ĐỐC" and the signer would be lost.  A block starts at
    a line with two tab-separated parts, ends at the last tabbed line a few lines on, and must hold a
    layout marker ([layout] of rules/tables.toml).  A one-part line goes to the right column when it is
    tabbed as far as the right parts are ("\\tTrần Thị Minh Châu"), else to the left.  ``spaces``: the
    columns of a text file are runs of four or more spaces ("Nơi nhận:" … "TM. ỦY BAN NHÂN DÂN"); a part
    then stands at its character column, and a one-part line as far right as the right parts is theirs.
    """
    from extractor.normalize import comparable

    marker = _layout_marker()
    gap = _SPACE_GAP if spaces else _TAB_GAP

    def parts_of(line: str) -> list[tuple[int, str]]:
        return _gap_parts(line, gap, spaces)

    out: list[str] = []
    i = 0
    while i < len(lines):
        if not gap.search(lines[i].strip()) or len(parts_of(lines[i])) != 2:
            out.append(lines[i])
            i += 1
            continue
        end = i
        for k in range(i + 1, min(len(lines), i + 1 + TAB_BLOCK_REACH)):
            if len(lines[k]) > TAB_BLOCK_LINE:
                break
            if gap.search(lines[k]):
                end = k
        block = lines[i : end + 1]
        if not any(marker.match(comparable(part)) for line in block for _, part in parts_of(line)):
            out.extend(block)
            i = end + 1
            continue
        right_at = min(at for line in block for n, (at, _) in enumerate(parts_of(line)) if n == 1)
        left: list[str] = []
        right: list[str] = []
        for line in block:
            parts = parts_of(line)
            if len(parts) >= 2:
                left.append(parts[0][1])
                right.append(" ".join(p for _, p in parts[1:]))
            elif parts:
                (right if parts[0][0] >= right_at - (4 if spaces else 0) else left).append(parts[0][1])
        out.extend(left + right)
        i = end + 1
    return out


_TAB_GAP = re.compile(r"\t+")
_SPACE_GAP = re.compile(r"\t+| {4,}")


def _gap_parts(line: str, gap: re.Pattern[str], columns: bool) -> list[tuple[int, str]]:
    """The parts of a line between gaps, each with where it stands: the number of tabs before it, or with
    ``columns`` its character column ("\\tA\\tB" → [(1, "A"), (2, "B")])."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in [*gap.finditer(line), None]:
        stop = m.start() if m else len(line)
        piece = line[pos:stop]
        if piece.strip():
            at = pos + len(piece) - len(piece.lstrip()) if columns else line.count("\t", 0, pos)
            parts.append((at, piece.strip()))
        if m:
            pos = m.end()
    return parts


def layout_lines(grid: Sequence[Sequence[Cell]]) -> list[str] | None:
    """The lines of a table that only lays out the page, cell by cell; None for a table of data.

    Why: Word plans put the header ("UBND TỈNH X / SỞ Y" beside "CỘNG HÒA …", "Số: 27/KH-SNNMT" beside
    "Minh Giang, ngày 23 tháng 01 năm 2026") and the signature block ("Nơi nhận: …" beside "KT. GIÁM
    ĐỐC …") in borderless tables.  As pipe rows their lines would run together and neither the number
    nor the signer would be found; as lines they read as in any typed plan.
    """
    from extractor import rules
    from extractor.normalize import comparable

    layout = rules.tables().layout
    if not grid or len(grid) > layout.max_rows or max(len(row) for row in grid) > layout.max_columns:
        return None
    marker = _layout_marker()
    lines = [line.strip() for row in grid for cell in row for line in (cell or "").split("\n") if line.strip()]
    if not any(marker.match(comparable(line)) for line in lines):
        return None
    return lines


@cache
def _layout_marker() -> Any:
    from extractor import rules

    return rules.any_of(rules.tables().layout.markers)


def render_table(grid: Grid) -> str:
    """Header row, ``|---|`` separator, then one line per row; ``""`` for a table with no text."""
    if not grid:
        return ""
    lines = [render_row(grid[0]), "|" + "---|" * len(grid[0])]
    lines.extend(render_row(row) for row in grid[1:])
    return "\n".join(lines)


def _join(left: str, right: str) -> str:
    if not left or not right:
        return left or right
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return f"{left} {right}"


def merge_continuation(head: Grid, tail: Grid) -> Grid:
    """Join the part of a table found on the next page to the part above it.

    The next page repeats the header block (Word's "repeat as header row"): the header row, the
    sub-header rows under a spanned cell (``| | | Chủ trì | Phối hợp |``) and the column-number row
    ``| (1) | (2) | … |`` — all of it is dropped.  If the first remaining row has an empty first cell
    (no STT) it is the rest of a row that the page break cut, e.g. ``["", "chính", "", "", ""]`` after
    ``["1", "Rà soát thủ tục hành", …]``, and is merged into the last row cell by cell; never into
    the header block, when the page above held nothing else.
    """
    from extractor.tables import header_size  # one reading of the header block (lazy: rules, normalize)

    if not head:
        return [list(r) for r in tail]
    rows = [list(r) for r in tail]
    size = header_size(head)
    repeated = _repeated_header(head[:size], rows)
    rows = rows[repeated:]
    merged = [list(r) for r in head]
    if rows and len(merged) > size and not rows[0][0] and len(rows[0]) == len(merged[-1]):
        last = merged[-1]
        merged[-1] = [_join(a, b) for a, b in zip(last, rows[0])]
        rows = rows[1:]
    merged.extend(rows)
    return merged


def _repeated_header(header: Grid, rows: Grid) -> int:
    """How many of ``rows`` repeat the header block: its rows in order from the top, whitespace aside
    (Word may repeat only the first rows of the block)."""
    count = 0
    while count < min(len(header), len(rows)) and same_row(rows[count], header[count]):
        count += 1
    return count


REPEAT_SIMILARITY = 0.9  # a header read again by OCR may differ by a letter ("STTL" for "STT")


def same_row(row: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two table rows say the same, whitespace aside, or nearly the same when long enough to
    tell (a header row OCR'd on two pages): ``["STT", "Nhiệm vụ", …]`` and ``["STTL", "Nhiệm vụ", …]``.
    """
    a, b = _flat(row), _flat(other)
    if a == b:
        return True
    if len(a) != len(b) or not any(a):
        return False
    left, right = " | ".join(a), " | ".join(b)
    short, long = sorted((len(left), len(right)))
    if short < 30 or 2 * short < REPEAT_SIMILARITY * (short + long):
        return False  # too short to judge, or so different in length that the ratio cannot reach the bar
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, left, right, autojunk=False)
    return matcher.quick_ratio() >= REPEAT_SIMILARITY and matcher.ratio() >= REPEAT_SIMILARITY


def _flat(row: Sequence[str]) -> list[str]:
    return [" ".join(c.split()) for c in row]


def detect_legacy(text: str) -> str | None:
    """Name of the legacy font encoding ``text`` is in ("tcvn3", "vni", …), or ``None`` for Unicode.

    viparse's detector costs milliseconds a page, so text that is plainly Unicode Vietnamese (it
    has letters such as "ế" or "ư" that no legacy byte decodes to) or plain ASCII skips it, and at
    most :data:`DETECT_SAMPLE` characters are scored.
    """
    if text.isascii() or _unicode_letters(text) >= UNICODE_EVIDENCE:
        return None
    import viparse

    encoding: str | None = viparse.detect_text_encoding(text[:DETECT_SAMPLE])
    return encoding


def _unicode_letters(text: str) -> int:
    """How many Unicode-only letters open the sample, counting no further than the evidence needed."""
    found = 0
    for _ in _UNICODE_ONLY.finditer(text, 0, DETECT_SAMPLE):
        found += 1
        if found >= UNICODE_EVIDENCE:
            break
    return found


def convert_legacy(text: str, encoding: str) -> str:
    """Convert legacy-encoded text to Unicode line by line, keeping the line structure.

    >>> convert_legacy("KÕ ho¹ch\\nn©ng cao chØ sè c¶i c¸ch hµnh chÝnh", "tcvn3")
    'Kế hoạch\\nnâng cao chỉ số cải cách hành chính'

    Lines that already hold Unicode-only Vietnamese letters are left alone (a document where one
    paragraph was retyped in Unicode), and so are ASCII lines; viparse would also collapse blank
    lines and indentation, which the pipe rows and the segmenter need.
    """
    import viparse

    lines = []
    for line in text.split("\n"):
        if not line.isascii() and not _UNICODE_ONLY.search(line):
            lead = line[: len(line) - len(line.lstrip())]
            line = lead + viparse.fix(line, encoding=encoding)
        lines.append(line)
    return "\n".join(lines)


def repair_legacy(text: str) -> tuple[str, str | None]:
    """Detect and convert in one step: ``("KÕ ho¹ch …", …)`` → ``("Kế hoạch …", "tcvn3")``.

    >>> repair_legacy("KÕ ho¹ch n©ng cao chØ sè c¶i c¸ch hµnh chÝnh")
    ('Kế hoạch nâng cao chỉ số cải cách hành chính', 'tcvn3')
    """
    encoding = detect_legacy(text)
    if encoding is None:
        return text, None
    return convert_legacy(text, encoding), encoding


def legacy_warning(encoding: str, where: str = "văn bản") -> Warning_:
    """The W104 warning every reader gives when it converted TCVN3/VNI text."""
    return Warning_(Code.W104_LEGACY_ENCODING, f"{where} mã {encoding.upper()} đã được chuyển sang Unicode")


def format_number(value: int, fmt: str) -> str:
    """One counter as Word prints it: ``format_number(4, "upperRoman")`` → ``"IV"``, 2/lowerLetter → "b"."""
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", max(value, 1)
        for number, letters in _ROMAN:
            count, rest = divmod(rest, number)
            out += letters * count
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (max(value, 1) - 1) % 26) * ((max(value, 1) - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def add_edge(edges: list[Edge], a: tuple[float, float], b: tuple[float, float]) -> None:
    """Keep the segment a→b (top-left coordinates) if it is horizontal or vertical: a ruling line."""
    (ax, at), (bx, bt) = a, b
    x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(at, bt), max(at, bt)
    if bottom - top < 0.01 and x1 - x0 >= 1:
        orientation = "h"
    elif x1 - x0 < 0.01 and bottom - top >= 1:
        orientation = "v"
    else:
        return
    edge = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0}
    edges.append({**edge, "height": bottom - top, "orientation": orientation, "object_type": "line"})
