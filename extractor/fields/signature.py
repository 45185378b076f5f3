"""Signature block and "Nơi nhận" list, read from the part after the plan body.

Why together: in extracted text the two columns of the closing block (recipients on the left, the
signer on the right) come out one after the other, in either order:
"Nơi nhận: - Sở Nội vụ; - Lưu: VT." then "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Văn A".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from extractor import rules
from extractor.normalize import comparable
from extractor.schema import Signer

# military / police ranks written before the name ("Đại tá Lê Quang Vinh") are not part of it
# what stands before a signer's name: a military rank, or the "(Đã ký)" of a copy published on the web
_RANK = regex.compile(r"^(?:(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|"
                      r"Đại úy|Thượng úy|Trung úy|Thiếu úy)\s+|\((?i:đã ký|ký)[^)]{0,30}\)\s*)")
_RECIPIENTS = regex.compile(r"(?i)^\s*nơi nhận\s*:?\s*(?P<rest>.*)$")
_ITEM = regex.compile(r"^\s*[-–+•*]\s*(?P<item>.+?)\s*[;,.]?\s*$")
_NAME = regex.compile(r"^(?:[A-ZĐÀ-Ỹ][^\W\d_]*\s+){1,5}[A-ZĐÀ-Ỹ][^\W\d_]*$")
_TITLES = regex.compile(
    r"^(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG PHÒNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|"
    r"THỦ TRƯỞNG|BÍ THƯ|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CỤC TRƯỞNG|CHI CỤC TRƯỞNG|TỔNG GIÁM ĐỐC)\b"
)


@lru_cache(maxsize=1)
def _authority() -> regex.Pattern[str]:
    names = rules.document().signer.authorities
    dotted = "|".join(regex.escape(a) for a in names if "/" not in a)
    slashed = "|".join(regex.escape(a) for a in names if "/" in a)  # "K/T TRƯỞNG BAN" has no dot
    return regex.compile(rf"^(?:(?:{dotted})\s*\.|(?:{slashed})\.?\s)\s*\S")


def _clean_lines(tail: str) -> list[str]:
    lines = [line.strip().strip("*").strip() for line in tail.splitlines() if line.strip().strip("*").strip()]
    return _unmerge_columns(lines)


# "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- UBND tỉnh (b/c); CHỦ TỊCH", "- Các phòng …; Hoàng Trọng Nghĩa": text
# copied from a PDF viewer runs the two columns of the signature block together with one space
_RECIPIENTS_THEN_AUTHORITY = regex.compile(r"^(?P<left>(?i:nơi nhận)\s*:)\s+(?P<right>\S.*)$")
_ITEM_THEN_SIGNATURE = regex.compile(r"^(?P<left>[-–+•*]\s*.+?;)\s+(?P<right>[^;]+)$")


def _unmerge_columns(lines: list[str]) -> list[str]:
    """The signature block's right column put after the recipients when a copy ran the columns together.

    >>> _unmerge_columns(["Nơi nhận: KT. GIÁM ĐỐC", "- Sở Nội vụ; PHÓ GIÁM ĐỐC", "- Lưu: VT; Lê Văn An"])
    ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT;', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Văn An']
    """
    first = next((i for i, line in enumerate(lines) if _RECIPIENTS_THEN_AUTHORITY.match(line)), None)
    if first is None:
        return lines
    head = _RECIPIENTS_THEN_AUTHORITY.match(lines[first])
    assert head is not None
    if not _authority().match(head.group("right")):
        return lines
    left, right = [*lines[:first], head.group("left")], [head.group("right")]
    for line in lines[first + 1 :]:
        item = _ITEM_THEN_SIGNATURE.match(line)
        tail = item.group("right").strip() if item else ""
        if item and (tail.isupper() or _NAME.match(_RANK.sub("", tail))):
            left.append(item.group("left"))
            right.append(tail)
        else:
            left.append(line)
    return left + right


def extract_recipients(tail: str) -> list[str]:
    """Entries of "Nơi nhận", without "Lưu: …".

    >>> extract_recipients("Nơi nhận:\\n- Sở Nội vụ;\\n- Lãnh đạo Sở;\\n- Lưu: VT, VP.\\nGIÁM ĐỐC")
    ['Sở Nội vụ', 'Lãnh đạo Sở']
    """
    out: list[str] = []
    active = False
    for line in _clean_lines(tail):
        m = _RECIPIENTS.match(line)
        if m:
            active = True
            rest = m.group("rest").strip(" -;")
            if rest:
                out.append(rest)
            continue
        if not active:
            continue
        item = _ITEM.match(line)
        if not item:
            active = False
            continue
        value = item.group("item").strip(" ;,.")
        if regex.match(r"(?i)lưu\s*[:.]?", value):
            continue
        if value:
            out.append(value)
    return out


def extract_signer(tail: str, issuer: str | None = None) -> Signer | None:
    """The signer: authority line ("KT. GIÁM ĐỐC"), title line, and the name under them.

    A plan two bodies sign (a "Kế hoạch phối hợp" of the UBND and the Mặt trận) has two blocks: the
    one whose authority names the ``issuer`` ("TM. ỦY BAN NHÂN DÂN" for "Ủy ban nhân dân xã X") wins,
    else the first.

    >>> extract_signer("KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC\\n\\nTrần Thị Bình").model_dump()
    {'name': 'Trần Thị Bình', 'title': 'PHÓ GIÁM ĐỐC', 'authority': 'KT. GIÁM ĐỐC'}
    >>> extract_signer("TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\nLê Văn Hải").authority
    'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH'
    >>> extract_signer("TM. ỦY BAN NHÂN DÂN\\nQ. CHỦ TỊCH\\nLê Văn Hải").title
    'Q. CHỦ TỊCH'
    >>> extract_signer("TM. BAN THƯỜNG TRỰC\\nCHỦ TỊCH\\nVõ Thị Loan\\nTM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH\\nPhan Đức Thắng",
    ...                "Ủy ban nhân dân xã Thạnh Lộc").name
    'Phan Đức Thắng'
    >>> extract_signer("GIÁM ĐỐC\\n(Đã ký) Phạm Minh Đức").name
    'Phạm Minh Đức'
    >>> extract_signer("Q. GIÁM ĐỐC\\n\\nHà Thị Thu Trang").model_dump()
    {'name': 'Hà Thị Thu Trang', 'title': 'Q. GIÁM ĐỐC', 'authority': None}
    """
    lines = [line for line in _clean_lines(tail) if not _ITEM.match(line) and not _RECIPIENTS.match(line)]
    signers = list(_signers(lines))
    if issuer and len(signers) > 1:
        own = comparable(issuer)
        for signer in signers:
            body = (signer.authority or "").split(".", 1)[-1].split(" KT.")[0]
            if body.strip() and own.startswith(comparable(body.strip())):
                return signer
    return signers[0] if signers else None


def _signers(lines: list[str]) -> Iterator[Signer]:
    """Every signature block in ``lines``, in order."""
    skip_to = 0
    for i, line in enumerate(lines):
        if i < skip_to:
            continue
        authority: str | None = None
        title: str | None = None
        rest = lines[i + 1 :]
        acting = line.startswith("Q.")  # "Q. GIÁM ĐỐC" (acting director) is a title, as under "TM. …"
        if _authority().match(line) and line.isupper() and not acting:
            authority = line
            while rest and _authority().match(rest[0]) and rest[0].isupper() and not rest[0].startswith("Q."):
                authority, rest = f"{authority} {rest[0]}", rest[1:]  # "TM. ỦY BAN NHÂN DÂN" + "KT. CHỦ TỊCH"
            if (rest and rest[0].isupper() and not _NAME.match(rest[0].title())) or (rest and _TITLES.match(rest[0])):
                title, rest = rest[0], rest[1:]
        elif (_TITLES.match(line) or acting) and line.isupper():
            title = line
        else:
            continue
        at = next((k for k, r in enumerate(rest[:3]) if _NAME.match(_RANK.sub("", r)) and not r.isupper()), None)
        name = _RANK.sub("", rest[at]) if at is not None else None
        if authority and title is None:
            title = authority.split(".", 1)[1].strip()
        yield Signer(name=name, title=title, authority=authority)
        skip_to = len(lines) - len(rest) + (at + 1 if at is not None else 0)  # the next block starts after it
