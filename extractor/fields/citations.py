"""The documents a plan implements ("Thực hiện Kế hoạch số 126/KH-UBND ngày 03/6/2024 của UBND tỉnh").

Why only in the opening: users group every department's plan by the parent plan it implements, so a
citation must be a real "Thực hiện / Căn cứ" basis, not a document mentioned in passing in a task.
"""

from __future__ import annotations

import datetime as dt

import regex

from extractor.fields.header import NUMBER
from extractor.schema import BasedOn

_TYPES = (
    "Kế hoạch|Quyết định|Công văn|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Hướng dẫn|Thông báo|Luật|"
    r"Chương trình|Văn bản|Đề án|Kết luận|Báo cáo(?=\s+số\s)"  # a report only with its number: "báo cáo" is a verb too
)
_CITATION = regex.compile(
    rf"(?P<type>{_TYPES})\s+(?:số\s+)?(?:(?P<num>{NUMBER})|(?<=Luật\s)[^;,.\n]{{3,90}}?(?=\s+ngày))?"
    r"(?:\s*,?\s*ngày\s+(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    # the issuer ends before what the cited document is about; at "và" when another document or a lower-case
    # word follows ("… của Sở Kế hoạch và Đầu tư", "… Thương mại và Công nghiệp Việt Nam" are one name each)
    rf"(?:\s+của\s+(?P<issuer>[^;,()\n]+?)(?=\s+(?:về|và(?=\s+(?:(?:các\s+)?(?:{_TYPES})\b|(?-i:\p{{Ll}})))"
    r"|v/v|ban hành|quy định|hướng dẫn|triển khai|thực hiện|nâng cao|cải thiện|phê duyệt)\b|[;,.()\n]|$))?",
    regex.IGNORECASE,
)
_STARTS_WITH_TYPE = regex.compile(rf"(?i)(?:{_TYPES})\b")
_OPENERS = regex.compile(r"(?i)\b(?:thực hiện|căn cứ|triển khai|trên cơ sở|theo)\b")


def _iso(raw: str | None) -> str | None:
    if not raw:
        return None
    parts = regex.findall(r"\d+", raw)
    try:
        d, m, y = (int(p) for p in parts[:3])
        return dt.date(y, m, d).isoformat()
    except (ValueError, TypeError):
        return None


def _issuer_name(raw: str | None) -> str | None:
    """"UBND tỉnh Đông Lĩnh công bố kết quả …" → "UBND tỉnh Đông Lĩnh": the unit name, not what it did."""
    raw = (raw or "").strip()
    if not raw:
        return None
    from extractor.fields.units import unit_span

    span = unit_span(raw, 0, use_pos=True)
    return raw[span[0] : span[1]] if span else raw


def _type_name(raw: str) -> str:
    return raw[:1].upper() + raw[1:].lower()


def extract_based_on(text: str, preamble_end: int, own_number: str | None) -> list[BasedOn]:
    """Citations in the opening paragraphs that start with "Thực hiện"/"Căn cứ" and the lines after.

    >>> opening = "Thực hiện Kế hoạch số 12/KH-UBND ngày 3/6/2024 của UBND tỉnh về…"
    >>> [b.number for b in extract_based_on(opening, 80, None)]
    ['12/KH-UBND']
    """
    out: list[BasedOn] = []
    seen: set[tuple[str | None, str | None]] = set()
    in_basis = False
    for line in text[:preamble_end].splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        opener = _OPENERS.search(stripped)
        if in_basis and _STARTS_WITH_TYPE.match(stripped):
            begin = 0
        elif opener:
            begin = opener.start()
        else:
            in_basis = False
            continue
        in_basis = (opener is not None and opener.start() == 0) or begin == 0
        for m in _CITATION.finditer(stripped, begin):
            num = m.group("num")
            if not num and not m.group("date"):
                continue
            if num and own_number and num == own_number:
                continue
            issuer = _issuer_name(m.group("issuer"))
            key = (num, _iso(m.group("date")))
            if key in seen:
                continue
            seen.add(key)
            out.append(BasedOn(type=_type_name(m.group("type")), number=num, date=key[1], issuer=issuer))
    return out
