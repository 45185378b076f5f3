"""Document metadata from the header block and the opening: number, type, title, issuer, place, date.

Why here and not in the segmenter: the header is the one part of a plan with no heading numbers,
and its facts hide in several places — "Số: 52/KH-SNgV", "Bình Phước, ngày 11 tháng 8 năm 2023",
a news opening "Ngày 08/01/2024, Sở … ban hành Kế hoạch số 18/KH-SNN", or "Sở Ngoại vụ xây dựng Kế
hoạch …".  Each fact has a few rules tried in order; what had to be guessed becomes a warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from extractor import rules
from extractor.fields import FieldResult
from extractor.fields.units import starts_with_head, unit_span
from extractor.normalize import comparable

NUMBER = r"\d{1,5}(?:[/-]\d{4})?[/-][A-ZĐ][\wĐđ.&-]*(?:/[\wĐđ.&-]+)?"
_SO = regex.compile(rf"(?im)^\s*(?:số|so)\s*[:.]?\s*(?P<n>{NUMBER})")
_OWN = regex.compile(rf"(?i)\bban hành\s+(?:kế hoạch|kh|quyết định|công văn)\s+(?:số\s+)?(?P<n>{NUMBER})")
_DATED_PLACE = regex.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .]*(?: [^\W\d_][^\W\d_.]*){0,4}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+"
    r"(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
# a draft or an unsigned copy: "Lương Phú, ngày      tháng 7 năm 2024" gives the place, not a date
_UNDATED_PLACE = regex.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .]*(?: [^\W\d_][^\W\d_.]*){0,4}),\s*ngày[\s.…_]*tháng[\s.…_\d]*năm\s+\d{4}"
)
_ISSUES_PLAN = regex.compile(r"(?i)(?:ban hành|xây dựng)\s+kế hoạch\b(?!\s+số)")
OPENING_LINES = 6  # lines of the opening where "… ban hành Kế hoạch …" names the document's own type
_NEWS_DATE = regex.compile(r"(?im)^\s*ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\s*,")
_BUILDS = regex.compile(r"(?i)\b(?:xây dựng|ban hành)\s*(?:kế hoạch|kh|chương trình)\b|\byêu cầu các\b")
_YEAR = regex.compile(r"(?i)\bnăm\s+(?P<y>(?:19|20)\d{2})\b")
_HEADER_AGENCY = regex.compile(
    r"^(?:SỞ|ỦY BAN|UỶ BAN|UBND|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG|CHI CỤC|THANH TRA|BỘ|TỔNG CỤC|CỤC|HĐND|HỘI ĐỒNG|"
    r"CÔNG AN|BẢO HIỂM XÃ HỘI|BỆNH VIỆN|TRƯỜNG|KHO BẠC|HUYỆN ỦY|HUYỆN UỶ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|ĐẢNG ỦY|"
    r"ĐẢNG UỶ|BỘ CHỈ HUY|ĐÀI|VIỆN|CHI NHÁNH)\b"
)
_LOCALITY = regex.compile(
    r"\s+(?P<w>tỉnh|thành phố|TP\.?|huyện|thị xã|quận|xã|phường|thị trấn)\s+"
    r"(?P<p>[A-ZĐÂ][^\W\d_]*(?:\s+[A-ZĐÂ][^\W\d_]*){0,3})$"
)
_ENDS_WITH_LEVEL = regex.compile(r"\b(TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ|QUẬN|PHƯỜNG)$")  # "… ĐA KHOA TỈNH" / "VÂN LĨNH"
_LOCALITY_LINE = regex.compile(r"(TỈNH|HUYỆN|XÃ|THỊ XÃ|THÀNH PHỐ|PHƯỜNG|THỊ TRẤN|QUẬN)\s+\S")
_NOT_TITLE = regex.compile(
    r"(?i)((thực hiện|căn cứ|triển khai)\s+(các\s+)?(kế hoạch|quyết định|công văn|nghị quyết|chỉ thị|thông tư|"
    r"nghị định|luật|hướng dẫn|văn bản|chương trình)|nhằm\b|để\b|số\b|[IVX]+\.|\d+\.)"
)
_NEWS_TITLE = regex.compile(
    rf"(?i)ban hành\s*kế hoạch\s+(?:số\s+{NUMBER}\s+)?(?:ngày\s+\S+\s+)?về\s+(?P<t>[^;\n]+?)"
    r"(?=,\s*(?:nhằm|với mục đích|để|với mục tiêu)|[;.]\s|\.(?=[A-ZĐ])|\.?$)"
)
_CAPITAL_AFTER = ("tỉnh", "huyện", "xã", "thành phố", "thị xã", "phường", "thị trấn", "quận")


@dataclass(frozen=True)
class HeaderFacts:
    number: FieldResult[str] | None
    type: str | None
    title: str | None
    issuer: FieldResult[str] | None
    place: str | None
    issued_date: str | None
    year: int | None
    year_guessed: bool


def _date(d: str, m: str, y: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        if line.strip():
            out.append((pos + len(line) - len(line.lstrip()), line.strip()))
        pos += len(line)
    return out


def sentence_case(upper: str) -> str:
    """Write an all-capitals agency name the way the body writes names.

    >>> sentence_case("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN")
    'Sở Nông nghiệp và Phát triển nông thôn'
    >>> sentence_case("ỦY BAN NHÂN DÂN HUYỆN NAM TRÀ MY")
    'Ủy ban nhân dân huyện Nam Trà My'
    >>> sentence_case("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ THẠNH LỘC")
    'Ban Thường trực ủy ban MTTQ Việt Nam xã Thạnh Lộc'
    """
    pattern, spelling = _proper_names()
    return pattern.sub(lambda m: spelling[comparable(m.group())], _cased(upper))


@cache
def _proper_names() -> tuple[regex.Pattern[str], dict[str, str]]:
    names = sorted(rules.document().proper_names, key=len, reverse=True)
    pattern = regex.compile(r"(?i)\b(?:" + "|".join(regex.escape(n) for n in names) + r")\b")
    return pattern, {comparable(n): n for n in names}


def _cased(upper: str) -> str:
    words = upper.split()
    out: list[str] = []
    capital_next = True
    place = False
    for i, word in enumerate(words):
        low = word.lower()
        if not place and (
            word in {"UBND", "HĐND", "PTNT", "TTTT", "KH&ĐT", "VH-TT", "MTTQ", "TP", "TP."}
            or (
                len(word) <= 4
                and word.isupper()
                and i > 0
                and not regex.search(r"[ÀÁẢÃẠĂÂÊÔƠƯĐÈÉÌÍÒÓÙÚỲÝ\u1ea0-\u1ef9]", word)  # "VỀ" is a word
                and low not in {"sở", "ban", "bộ", "cục", "xã", "và", "tỉnh", "phòng", "nội", "vụ", "tư", "y", "tế"}
            )
        ):
            out.append(word)
            capital_next = False
            continue
        if place or capital_next:
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
        two = " ".join(w.lower() for w in words[max(0, i - 1) : i + 1])
        place = place or low in _CAPITAL_AFTER or two in _CAPITAL_AFTER
        head_done = i == 0 and low in {"sở", "phòng", "ban", "bộ", "cục", "chi", "trung"}
        capital_next = head_done or (low == "và" and not place) or (i == 1 and words[0].lower() in {"chi", "trung"})
    return " ".join(out)


def _surface(text: str, key: str, name: str) -> str:
    """The mixed-case spelling of ``name`` in the body, if it occurs there."""
    k = comparable(name)
    short = regex.sub(r"^(ủy|uỷ) ban nhân dân ", "ubnd ", k)
    for candidate in (k, short):
        pos = key.find(candidate)
        while pos >= 0:
            found = text[pos : pos + len(candidate)]
            if not found.isupper() or (candidate is short and found[:4] == "UBND" and not found[4:].isupper()):
                return found
            pos = key.find(candidate, pos + 1)
    return sentence_case(name)


def _place_name(words: str) -> str | None:
    """The capitalised place name ending ``words``: "Số: 52/KH-SNgV Bình Phước" → "Bình Phước"."""
    kept: list[str] = []
    for word in reversed(words.split()):
        if (word[:1].isupper() and (word[1:].islower() or not word[1:])) or word in {"TP.", "TP", "Tp."}:
            kept.append(word)
        else:
            break
    return " ".join(reversed(kept)) or None


def _split_locality(issuer: str) -> tuple[str, str | None]:
    """"Sở Nông nghiệp và PTNT tỉnh Hưng Yên" → ("Sở Nông nghiệp và PTNT", "Hưng Yên").

    Only a Sở drops its province (the contract's "Sở Nông nghiệp và PTNT"); "Công an tỉnh Kim Thạch",
    "Ủy ban nhân dân huyện X" or "Cục Thuế tỉnh Y" are named with it.
    """
    m = _LOCALITY.search(issuer)
    if not issuer.lower().startswith("sở ") or (m and m.group("w") != "tỉnh"):
        return issuer, m.group("p") if m else None
    m = _LOCALITY.search(issuer)
    if m:
        return issuer[: m.start()], m.group("p")
    return issuer, None


def extract_header(text: str, key: str, preamble_end: int) -> HeaderFacts:
    """Read the header block and the opening (``text[:preamble_end]``) into document facts."""
    lines = _lines(text, 0, preamble_end)
    number = _number(text, preamble_end)
    doc_type, title = _type_and_title(lines, number.value if number else None)
    issuer, place = _issuer(text, key, lines, preamble_end, joint=doc_type in rules.document().joint_types)
    issued: str | None = None
    for _, line in lines:
        m = _DATED_PLACE.search(line)
        if m:
            issued = _date(m.group("d"), m.group("m"), m.group("y"))
            place = _place_name(m.group("place")) or place
            break
        undated = _UNDATED_PLACE.search(line)
        if undated:
            place = _place_name(undated.group("place")) or place
            break
    if issued is None:
        m2 = _NEWS_DATE.search(text, 0, preamble_end)
        if m2:
            issued = _date(m2.group("d"), m2.group("m"), m2.group("y"))
    year, guessed = _year(title, text, preamble_end, issued)
    return HeaderFacts(number, doc_type, title, issuer, place, issued, year, guessed)


def _number(text: str, end: int) -> FieldResult[str] | None:
    m = _SO.search(text, 0, end)
    if m:
        return FieldResult(m.group("n").rstrip("."), m.start("n"), m.end("n"), "number:so")
    m = _OWN.search(text, 0, end)
    if m:
        return FieldResult(m.group("n").rstrip("."), m.start("n"), m.end("n"), "number:ban_hanh")
    return None


def _type_and_title(lines: list[tuple[int, str]], number: str | None) -> tuple[str | None, str | None]:
    types = rules.document().doc_types
    for i, (_, line) in enumerate(lines):
        for t in types:
            if line.upper() == t.upper():
                title_lines: list[str] = []
                for _, nxt in lines[i + 1 : i + 4]:
                    if _NOT_TITLE.match(nxt):
                        break
                    title_lines.append(nxt)
                    goes_on = nxt.endswith((",", " và", " của", " về", "-"))  # "… (PAR INDEX)," / "Chỉ số SIPAS …"
                    if len(" ".join(title_lines)) > 60 and not nxt.isupper() and not goes_on:
                        break
                return t, " ".join(title_lines) or None
            if line.startswith(t + " ") and i < 3 and len(line) < 400 and not regex.search(r"\bsố\b", line[:30]):
                return t, line[len(t) :].strip() or None
    for k, (pos, line) in enumerate(lines):
        subject = regex.match(r"(?i)v/v\s+(?P<t>.+)$", line)
        if subject:  # a Công văn: "V/v triển khai các giải pháp …", the subject going on below without a blank line
            parts = [subject.group("t").strip()]
            end = pos + len(line)
            for nxt_pos, nxt in lines[k + 1 : k + 3]:
                if nxt_pos > end + 1 or _NOT_TITLE.match(nxt) or regex.match(r"(?i)kính gửi", nxt):
                    break
                parts.append(nxt)
                end = nxt_pos + len(nxt)
            return "Công văn", " ".join(parts)
    for _, line in lines:
        news = _NEWS_TITLE.search(line)
        if news:
            return "Kế hoạch", news.group("t").strip()
    if number:
        code = regex.match(r"[^/]+/(?:\d{4}/)?([^-/]+)", number)
        if code and code.group(1) in rules.document().number_types:
            return rules.document().number_types[code.group(1)], None
    for _, line in lines[:OPENING_LINES]:
        if _ISSUES_PLAN.search(line):  # a plan copied without its header: "UBND huyện … ban hành Kế hoạch …"
            return "Kế hoạch", None
    return None, None


def _issuer(
    text: str, key: str, lines: list[tuple[int, str]], end: int, joint: bool = False
) -> tuple[FieldResult[str] | None, str | None]:
    """The issuing agency and its place, from the header's agency lines and the opening.

    ``joint``: a plan two bodies issue together ("KẾ HOẠCH PHỐI HỢP" under "ỦY BAN NHÂN DÂN XÃ X" and
    "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ X"): the first agency line is the issuer, not a parent.
    """
    header_agency: tuple[int, str] | None = None
    last_was_agency = False
    parent_agency: str | None = None
    for pos, line in lines[:8]:
        left = regex.split(r"\s{2,}|CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|Số\s*:", line)[0].strip()
        agency_line = bool(left) and left.isupper() and _HEADER_AGENCY.match(left) is not None
        if agency_line:
            parent_agency = header_agency[1] if header_agency else None
            header_agency = (pos, left)
        elif header_agency and last_was_agency and left.isupper() and (
            _LOCALITY_LINE.match(left) or (_ENDS_WITH_LEVEL.search(header_agency[1]) and len(left.split()) <= 4)
        ):
            header_agency = (header_agency[0], f"{header_agency[1]} {left}")  # "ỦY BAN NHÂN DÂN" / "XÃ HÒA PHONG"
        last_was_agency = agency_line
        if regex.match(r"(?i)(kế hoạch|quyết định)$", line):
            break
    place: str | None = None
    body = _body_issuer(text, key, end)
    if joint and parent_agency and header_agency:
        name = parent_agency
        pos = next((p for p, line in lines if line.startswith(name.split()[0])), header_agency[0])
        issuer, place = _split_locality(_surface(text, key, name))
        return FieldResult(issuer, pos, pos + len(name), "issuer:header_joint"), place
    if header_agency:
        pos, name = header_agency
        issuer, place = _split_locality(_surface(text, key, name))
        if parent_agency and parent_agency != name:
            # "HUYỆN ỦY ĐÔNG THÀNH" / "BAN DÂN VẬN": the body says "Ban Dân vận Huyện ủy"
            head = regex.split(r"\s+(?:TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ)\s+", parent_agency)[0]
            longer = comparable(f"{issuer} {head}")
            at = key.find(longer)
            if at >= 0 and len(head.split()) <= 3:
                issuer = text[at : at + len(longer)]
        if body and comparable(body[0].value).startswith(comparable(issuer)) and body[0].value != issuer:
            return body  # header "BAN DÂN VẬN", body "Ban Dân vận Huyện ủy xây dựng Kế hoạch …"
        if body and _expands(issuer, body[0].value):
            return body  # header "PHÒNG CẢNH SÁT QLHC VỀ TTXH", body "Phòng Cảnh sát quản lý hành chính về …"
        return FieldResult(issuer, pos, pos + len(name), "issuer:header"), place
    return body or (None, place)


_ABBREVIATION = regex.compile(r"\b[A-ZĐ]{3,}\b")
_COMMON_ABBREVIATIONS = frozenset({"UBND", "HĐND", "MTTQ"})


def _expands(header: str, body: str) -> bool:
    """Whether the body's name of the issuer spells out what the header abbreviates.

    >>> _expands("Phòng Cảnh sát QLHC về TTXH", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội")
    True
    >>> _expands("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và PTNT")
    False
    """
    short = [a for a in _ABBREVIATION.findall(header) if a not in _COMMON_ABBREVIATIONS]
    if not short or any(a in body for a in short):
        return False
    head = header.split()[:2]
    return [w.casefold() for w in body.split()[:2]] == [w.casefold() for w in head] and len(body) > len(header)


_CLAUSE_START = regex.compile(r"(?:^|\n|[.;,]\s+|\s[-–]\s+|\)\s+)")


def _body_issuer(text: str, key: str, end: int) -> tuple[FieldResult[str], str | None] | None:
    """The agency that "xây dựng / ban hành Kế hoạch" in the opening: the unit name ending at the verb.

    Any clause start before the verb may open it ("(LGO) - Ngày 14/3/2024, Sở … ban hành",
    "Để cải thiện …, Ủy ban nhân dân huyện Sơn Hà ban hành Kế hoạch"); the leftmost that ends
    exactly at the verb wins.
    """
    for m in _BUILDS.finditer(key, 0, end):
        at = m.start()
        window = max(0, at - 200)
        for start in sorted({c.end() for c in _CLAUSE_START.finditer(key, window, at)}):
            span = unit_span(text, start, max_words=20)
            if not (span and at - 1 <= span[1] <= at + 1):
                # a name holding a word that is a verb elsewhere ("Phòng Cảnh sát quản lý hành chính …
                # xây dựng Kế hoạch"): the whole run up to the verb, if it opens with a unit's head word
                raw = text[start:at]
                run = raw.strip()
                first = start + len(raw) - len(raw.lstrip())
                span = (first, first + len(run)) if _whole_name_run(run) else None
            if span:
                issuer, place = _split_locality(text[span[0] : span[1]])
                return FieldResult(issuer, span[0], span[0] + len(issuer), "issuer:builds_plan"), place
    return None


MAX_NAME_WORDS = 16


def _whole_name_run(run: str) -> bool:
    """A clause that is one unit name up to the verb: a head word first, no punctuation, not too long."""
    return (
        bool(run) and starts_with_head(run) and len(run.split()) <= MAX_NAME_WORDS and not regex.search(r"[,;:()]", run)
    )


def _year(title: str | None, text: str, end: int, issued: str | None) -> tuple[int | None, bool]:
    if title:
        years = [int(m.group("y")) for m in _YEAR.finditer(title)]
        if years:
            return max(years), False
    opening = text[: min(end, 3000)]
    years = [int(m.group("y")) for m in _YEAR.finditer(opening)]
    if years:
        return max(years), False
    if issued:
        return int(issued[:4]), True
    return None, True
