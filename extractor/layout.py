"""Line-layout fixers: page furniture and hard wraps, run after the character fixers of normalize.py.

Why apart: these look at whole lines and their neighbours, not at characters.  Text copied from a PDF
viewer or a legal web site carries page numbers ("- 2 -", "Trang 3/6"), a running header repeated at
the top of every page ("Kế hoạch số 15/KH-UBND ngày 02/02/2024") and lines broken mid-sentence;
removed and joined here, the segmenter sees one line per paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import pairwise

from extractor.errors import Code
from extractor.fixing import _HAS_LOWER, _HAS_UPPER, _UP, GOES_ON, FixReport, _warn

# --- hard-wrapped lines ----------------------------------------------------------------------
_ENDERS = frozenset(".:;!?…")
_CAPITALS_WORD = re.compile(f"[{_UP}]{{3,}}")
_LABEL_AT_END = re.compile(f"(?:^|[;,.]\\s*|\\s[-–]\\s)[{_UP}][^:;.]{{1,40}}:$")  # "…; Thời gian:", "… - Thời gian:"
_CODE_BREAK = re.compile(r"[\dA-ZĐ]-$")
# a line ending in one of these words cannot end a sentence or a heading: the next line goes on
_DANGLING_WORDS = ("và", "của", "với", "thuộc", "các", "cho", "tại", "về", "theo", "trên", "đến", "từ", "được",
                   "những", "trong", "để", "hoặc")
_DANGLING = re.compile(r"(?:^|\s)(?:" + "|".join(_DANGLING_WORDS) + ")$")
_DANGLING_REACH = 1 + max(map(len, _DANGLING_WORDS))  # a match starts this far from the end at most
_BARRIER = re.compile(  # what opens a heading, list item, label or table row
    r"(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[A-ZĐ]|[a-zđ])[.)](?=\s|[" + _UP + r"])"  # II. 1. 1.2.3.Về a) đ)
    r"|(?:[IVXLC]+ \.|\d{1,2}[/-]|[a-zđ][/-])\s"  # "II . ", "1/ ", "2- ", "a/ ", "b- "
    r"|\(\d{1,3}\)|[-–—+•·●○■□▪►✓➢❖*|]"
    r"|(?:Điều|Chương|Mục|Phần|Phụ lục|PHỤ LỤC|Bước)\s+[\dIVXLC]"
    r"|(?:Căn cứ|Thực hiện|Trên cơ sở)\s"  # a citation opens its own paragraph (after a title that filled its line)
    r"|[" + _UP + r"][^\n:.;]{0,40}:"  # "Thời gian:", "Đơn vị chủ trì thực hiện:", "Nơi nhận:"
)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was broken at, or None when it is not hard-wrapped.

    Hard-wrapped: >= 40 % of the lines are within 75–115 % of the 90th-percentile length, and <= 5 %
    are longer.  A text with one paragraph per line (lengths 20–900) fails both.
    """
    lens = sorted(len(line) for line in lines if line and line[0] != "|")
    n = len(lens)
    p90 = lens[(9 * (n - 1)) // 10] if n >= 6 else 0
    if not 40 <= p90 <= 160:
        return None
    limit = bisect_right(lens, int(p90 * 1.15))
    if n - limit > 0.05 * n or limit - bisect_left(lens, 0.75 * p90) < 0.4 * n:
        return None
    return lens[limit - 1]


def _continues(cur: str, nxt: str, width: int | None, full: bool | None = None) -> bool:
    """Whether ``nxt`` continues the sentence that a line break cut after ``cur``.

    ``full``: what the reader saw of the page (PDF geometry), None if it saw nothing.  True: ``cur``
    reaches the right margin and ``nxt`` is not indented, so it was wrapped, whatever its length in
    characters ("… của UBND tỉnh Minh" / "Giang về …").  False: ``cur`` ended short of the margin, so
    only a lower-case ``nxt`` goes on it ("2. Thanh tra Sở, các đơn vị trực thuộc" / "Xây dựng kế
    hoạch …" is a heading and its text, though "thuộc" usually goes on).
    """
    if cur[-1] == "-" and _CODE_BREAK.search(cur, len(cur) - 2) and nxt[:1].isalnum():
        return True  # "… số 112-" / "KH/HU …": a document number never ends with its hyphen
    if cur[-1] == ";" and width is not None and nxt[0].islower() and not _BARRIER.match(nxt):
        return True  # "… cần bổ sung;" / "không yêu cầu …": a justified line cut after a semicolon
    if full and cur[-1] == ":" and _LABEL_AT_END.search(cur) and not _BARRIER.match(nxt):
        return True  # "Chủ trì: Thanh tra Sở; Thời gian:" at the margin / "Thường xuyên.": the value wrapped
    if cur[-1] in _ENDERS or cur[0] == "|" or "\f" in cur or "\f" in nxt or _BARRIER.match(nxt):
        return False
    # ``cur`` is near the wrap width and the next word would not have fitted on it
    # (justified PDF text: a line at 85 % of the width is full, whatever the next word's length)
    if full is False:
        return nxt[0].islower() and not (_HAS_LOWER.search(cur) is None and _HAS_UPPER.search(cur) is not None)
    fills = full is True or (
        width is not None
        and (len(cur) >= 0.85 * width or (len(cur) >= 0.6 * width and len(cur) + 1 + len(nxt.split(" ", 1)[0]) > width))
    )
    # an all-capitals line ("KẾ HOẠCH", "KT. GIÁM ĐỐC") is a title or heading: it joins only another
    # all-capitals line, and only in hard-wrapped text
    cur_caps, nxt_caps = (  # a word of capitals at least: "IV/2025." (the end of "Quý III, IV/2025") is none
        _HAS_LOWER.search(x) is None and _CAPITALS_WORD.search(x) is not None for x in (cur, nxt)
    )
    if cur_caps or nxt_caps:
        return cur_caps and nxt_caps and fills
    # "… các cơ quan chuyên môn thuộc" / "UBND huyện."; only the line's end can hold the word
    dangling = _DANGLING.search(cur, max(0, len(cur) - _DANGLING_REACH)) is not None
    return nxt[0].islower() or fills or dangling or (cur[-1] == "," and width is not None)


def _joiner(cur: str, nxt: str) -> str:
    """A space, or nothing where a document number was cut at its hyphen ("Kế hoạch số 112-" / "KH/HU")."""
    return "" if cur[-1:] == "-" and _CODE_BREAK.search(cur, len(cur) - 2) and nxt[:1].isalnum() else " "


def fix_hard_wraps(text: str, report: FixReport | None = None) -> str:
    """Join lines that a web page or e-mail broke mid-sentence back into one line per paragraph.

    Joins when a line does not end its sentence (. : ; ! ?) and the next continues it: it starts
    lowercase, or the text is hard-wrapped (``wrap_width``) and its first word would not have fitted.
    Never before a heading, list item, label or '|' row, nor between title lines.  Runs after
    ``fix_whitespace``, whose stripped lines give true lengths.

    >>> fix_hard_wraps("KẾ HOẠCH\\nVề việc nâng cao Chỉ số SIPAS\\nnăm 2024 của Sở Nội vụ\\n- Tăng cường")
    'KẾ HOẠCH\\nVề việc nâng cao Chỉ số SIPAS năm 2024 của Sở Nội vụ\\n- Tăng cường'
    """
    marked = GOES_ON in text
    lines = text.split("\n")
    full = [line.endswith(GOES_ON) for line in lines] if marked else []
    if marked:
        lines = [line.replace(GOES_ON, "").rstrip() for line in lines]
    width = wrap_width(lines)
    seps = [
        _joiner(cur, nxt) if cur and nxt and _continues(cur, nxt, width, full[i] if marked else None) else "\n"
        for i, (cur, nxt) in enumerate(pairwise(lines))
    ]
    joins = len(seps) - seps.count("\n")
    if not joins:
        return "\n".join(lines) if marked else text
    _warn(report, Code.W105_HARD_WRAP_JOINED, f"đã nối {joins} dòng bị ngắt giữa câu")
    return lines[0] + "".join(sep + line for sep, line in zip(seps, lines[1:], strict=True))


# --- page furniture ----------------------------------------------------------------------------
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?i:trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")


def fix_page_furniture(text: str, report: FixReport | None = None) -> str:
    r"""Drop page numbers and the running header next to them; rejoin a paragraph a page break cut.

    A running header is a line that stands next to a page number at least twice (with a single page
    number: a line next to it that the text repeats elsewhere) — not any repeated line, since text
    copied without blank lines puts the last line of a page ("UBND huyện.") right above the number.
    When the line before the furniture does not end its sentence, the blank lines around it go too,
    so the hard-wrap joiner can put the paragraph back together.

    >>> fix_page_furniture("Phối hợp với các phòng\n\n- 2 -\nKế hoạch số 15/KH-UBND\n\nchuyên môn.\n"
    ...                    "3\nKế hoạch số 15/KH-UBND\nIII. TỔ CHỨC")
    'Phối hợp với các phòng\nchuyên môn.\nIII. TỔ CHỨC'
    """
    lines = text.split("\n")
    numbers = {i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)}
    if not numbers:
        return text
    beside = [j for i in numbers for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j] and len(lines[j]) < 100]
    counts = Counter(lines[j] for j in set(beside))
    if len(numbers) == 1:
        counts = Counter(line for line in lines if line and len(line) < 100)
    furniture = set(numbers)
    for j in beside:
        if counts.get(lines[j], 0) >= 2 and not _BARRIER.match(lines[j]):
            furniture.add(j)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in furniture:
            if out and not out[-1]:
                previous = next((x for x in reversed(out) if x), "")
                if previous and previous[-1] not in _ENDERS:
                    while out and not out[-1]:
                        out.pop()  # the paragraph goes on after the page break
            continue
        if not line and out and not out[-1]:
            continue
        if not line and i - 1 in furniture and out and out[-1] and out[-1][-1] not in _ENDERS:
            continue
        out.append(line)
    _warn(report, Code.W109_PAGE_FURNITURE, f"đã bỏ {len(furniture)} dòng số trang / tiêu đề trang")
    return "\n".join(out)
