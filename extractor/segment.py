"""Heading-number grammar → a section tree whose every node keeps its character span.

Why a tree and not a list of paragraphs: a record's index, criterion and weakness come from the
headings above it ("1. Chỉ số … (SIPAS)" › "1.2. Nhiệm vụ, giải pháp" › "1.2.2. Về …"), and plans are
misnumbered often enough ("3.3.4" after "3.2.3") that the tree is built from the *shape* of a number
(roman, depth of an arabic number, letter) rather than its value.  Nothing here changes the text:
every node and block is a pair of offsets into the one normalised text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import regex

from extractor import rules
from extractor.normalize import comparable

BlockKind = Literal["para", "bullet", "label", "table"]
Numbering = Literal["root", "roman", "appendix", "arabic", "named", "letter", "paren"]

_ROMAN = regex.compile(r"(?P<num>[IVX]{1,5})(?P<dot>[.)]|\s[.)]|\s*[-–:])\s*(?=\S)")
_ARABIC = regex.compile(
    r"(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})(?:(?P<dot>[.)])(?!\d)|[/-](?=\s)|(?<=\d\.\d{1,2})(?=\s))\s*(?=[^\W\d_]|\()"
)
_PART = regex.compile(r"(?i:phần|mục)\s+(?P<num>[IVX]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*|(?P<num>[A-H])\.\s+(?=[A-ZĐ])")
_NAMED = regex.compile(
    r"(?i)(?P<label>trục nội dung|nội dung thành phần|nội dung|tiêu chí thành phần|tiêu chí|chỉ số thành phần|"
    r"chỉ số chính|lĩnh vực|nhóm giải pháp|nhóm nhiệm vụ|nhiệm vụ|giải pháp)\s+(?P<num>\d{1,2}(?:\.\d{1,2})*)"
    r"(?:\s*[.:)]|\s)(?!\d)\s*(?=\S)"
)
NAMED_RANK = 15
# named headings that sit under another named heading when both are used: "Nhiệm vụ 2:" then "Giải pháp 1."
_SUB_NAMED = frozenset({"giải pháp", "nội dung thành phần", "tiêu chí thành phần", "chỉ số thành phần"})
# "c) Chủ trì: Phòng X. Giải quyết đúng hạn …": after the label's value a sentence starts — a task item
_SENTENCE_AFTER = regex.compile(r"\.\s+[A-ZĐÀ-Ỹ][^\W\d_]*\s+[^\W\d_]")
_PLAN_TITLES = frozenset({"KẾ HOẠCH", "CHƯƠNG TRÌNH", "KẾ HOẠCH HÀNH ĐỘNG"})
_LETTER = regex.compile(r"(?P<num>[a-zđ])(?:\)\s*(?=\S)|\.\s+(?=[^\W\d_])|[-/]\s+(?=\S))")
_PAREN = regex.compile(r"\((?P<num>\d{1,2})\)\s*(?=[^\W\d_])")
_APPENDIX = regex.compile(r"(?i)(?P<num>phụ lục(?:\s+(?:[IVX]{1,4}|\d{1,2}))?)\b[.:]?\s*")
_BULLET = regex.compile(r"(?P<marker>[-–+•*●▪◦])\s*(?=\S)")
_TABLE = regex.compile(r"\|.*\|\s*$")
_SEPARATOR_CELL = regex.compile(r":?-{2,}:?")  # "|---|:---:|" under a Markdown header


@dataclass
class Block:
    """One paragraph-level piece of a section body: its kind and the offsets of its content.

    ``start``/``end`` cover the whole line; ``content_start`` skips a bullet or letter marker, so
    ``text[content_start:end]`` of "* Rà soát thủ tục" is "Rà soát thủ tục".
    """

    kind: BlockKind
    start: int
    end: int
    content_start: int
    marker: str | None = None
    rows: list[list[str]] = field(default_factory=list)
    row_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Section:
    """A heading and what stands under it, up to the next heading of the same or a higher rank."""

    numbering: Numbering
    number: str | None
    rank: int
    start: int
    title_start: int
    title_end: int
    end: int = 0
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None

    def walk(self) -> list[Section]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class Segmented:
    """The section tree of the body, plus the spans of the parts that give no records."""

    text: str
    key: str
    root: Section
    body_end: int
    tails: list[tuple[int, int]]
    chrome: list[tuple[int, int]]

    def tail_text(self) -> str:
        """The closing parts (signature, "Nơi nhận"), where no record stands."""
        return "\n".join(self.text[s:e] for s, e in self.tails)

    def outside_tails(self, pos: int) -> bool:
        """Whether ``pos`` is plan text: not in a closing part nor on a line of web-page chrome."""
        return not (_inside(self.tails, pos) or _inside(self.chrome, pos))


def _byline_start(section: Section, text: str, at: int) -> int:
    """Where the closing begins when web-page chrome ("Tin liên quan") ends the article.

    A news page signs the article with the agency's name on its own line just before the chrome
    ("Văn phòng HĐND và UBND huyện X"); that line is not part of the last task.
    """
    while section.blocks and section.blocks[-1].kind == "para":
        last = section.blocks[-1]
        line = text[last.start : last.end]
        if not (len(line) < 90 and line[-1:] not in ".;:!?" and line[:1].isupper()):
            break
        section.blocks.pop()  # "Minh Châu - Văn phòng Sở", the article's signature
        at = last.start
    return at


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping), by bisection."""
    i = bisect.bisect_right(spans, (pos, _FAR)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_FAR = 1 << 62


@dataclass(frozen=True)
class _Compiled:
    closing: regex.Pattern[str]
    chrome: regex.Pattern[str]
    label: regex.Pattern[str]
    label_fields: tuple[str, ...]
    inline: regex.Pattern[str]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    body = rules.document().body
    groups: list[str] = []
    fields: list[str] = []
    for i, lab in enumerate(rules.labels().label):
        groups.append(f"(?P<f{i}>{'|'.join(lab.patterns)})")
        fields.append(lab.field)
    # labels are matched without diacritics, so typed "Đơn vi chủ trì", "phôi hợp", "Thời gian thưc hiện" count
    alts = any_mark("|".join(groups))
    label = regex.compile(r"(?:" + alts + r")\s*(?::|\s[-–]\s)\s*")
    inline = regex.compile(r"(?:(?<=\()|(?<=[.;,]\s)|(?<=\s[-–]\s))\s*(?:" + alts + r")\s*:\s*")
    return _Compiled(
        closing=rules.any_of(body.closing),
        chrome=rules.any_of(body.chrome),
        label=label,
        label_fields=tuple(fields),
        inline=inline,
    )


_FOLD = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd",
)


def fold(text: str) -> str:
    """Lower-case comparable text without diacritics, same length: "đơn vị" → "don vi"."""
    return text.translate(_FOLD)


_MARKED: dict[str, str] = {}
for _marked, _base in _FOLD.items():
    _MARKED[chr(_base)] = _MARKED.get(chr(_base), chr(_base)) + chr(_marked)


def any_mark(pattern: str) -> str:
    """A pattern that matches its letters with any diacritic or none: "đơn vị" → "[dđ][oóòơ…]n v[iìí…]".

    Why not fold the text: folding a whole document (``str.translate``) costs more than all the
    label matching on it, while the pattern is rewritten once.  Escapes (``\\s``), group syntax
    (``(?P<f0>``, ``(?:``) and character classes are kept; letters inside a class get their variants.

    >>> bool(regex.match(any_mark("(đơn vị|cơ quan) chủ trì"), "đơn vi chủ trì"))
    True
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "(" and pattern[i + 1 : i + 2] == "?":
            close = min(j for j in (pattern.find(":", i), pattern.find(">", i), pattern.find(")", i)) if j >= 0)
            out.append(pattern[i : close + 1])
            i = close + 1
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        base = fold(ch)
        variants = _MARKED.get(base, ch) if base.isalpha() else ch
        out.append(variants if in_class or len(variants) == 1 else f"[{variants}]")
        i += 1
    return "".join(out)


def label_at(key: str, pos: int, end: int) -> tuple[str, int] | None:
    """The field label opening ``key[pos:end]`` and where its value starts, or None.

    >>> label_at("đơn vị chủ trì thực hiện: văn phòng sở", 0, 38)
    ('lead', 26)
    """
    m = _compiled().label.match(key, pos, end)
    return (_field_of(m), m.end()) if m else None


def _field_of(m: regex.Match[str]) -> str:
    """The field of the label group that matched; ``lastgroup`` is the outer group, which closes last."""
    name = m.lastgroup or next(k for k, v in m.groupdict().items() if v is not None)
    return _compiled().label_fields[int(name[1:])]


def inline_labels(text: str, key: str, start: int, end: int) -> tuple[int, list[tuple[str, str]]]:
    """Labels written inside a task paragraph, and where the task text before them ends.

    "Rà soát TTHC (Đơn vị chủ trì: Văn phòng Sở; thời gian: Quý II/2024)." → the text ends before
    "(", and the values are read up to the next label or the closing bracket.

    >>> t = "Rà soát quy trình (Đơn vị chủ trì: Văn phòng Sở; thời gian: Quý II/2024)."
    >>> inline_labels(t, t.lower(), 0, len(t))
    (17, [('lead', 'Văn phòng Sở'), ('timeline', 'Quý II/2024')])
    """
    comp = _compiled()
    found = list(comp.inline.finditer(key, start, end))
    if not found:
        return end, []
    values: list[tuple[str, str]] = []
    for i, m in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else end
        value = text[m.end() : stop]
        bracket = value.find(")")
        if bracket >= 0 and "(" not in value[:bracket]:
            value = value[:bracket]
        value = value.strip(" .;,-–")
        while value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1].rstrip(" .;,-–")  # the bracket the labels stood in, not "(trước ngày 25)"
        values.append((_field_of(m), value.strip(" .;,(-–")))
    cut = found[0].start()
    while cut > start and text[cut - 1] in " (.;,-–":
        cut -= 1
    if cut < end and text[cut : cut + 1] == ".":
        cut += 1
    return cut, [(f, v) for f, v in values if v]


def labels_in_line(text: str, key: str, start: int, end: int) -> list[tuple[str, str]]:
    """Every label of a label line: "Chủ trì: Phòng Tư pháp; Phối hợp: Phòng Nội vụ; Thời gian: Năm 2024".

    >>> t = "Chủ trì: Phòng Tư pháp; Phối hợp: Phòng Nội vụ - Thời gian: Năm 2024"
    >>> labels_in_line(t, t.lower(), 0, len(t))
    [('lead', 'Phòng Tư pháp'), ('coordinating', 'Phòng Nội vụ'), ('timeline', 'Năm 2024')]
    """
    first = label_at(key, start, end)
    if first is None:
        return []
    name, value_start = first
    cut, more = inline_labels(text, key, value_start, end)
    value = text[value_start:cut].strip(" .;,-–")
    return [(name, " ".join(value.split())), *more] if value else more


def text_before_labels(text: str, start: int, cut: int, end: int) -> str:
    """The task text before inline labels; a bracketed block's closing "…)." gives the sentence its period.

    >>> t = "Rà soát quy trình (Chủ trì: Văn phòng Sở)."
    >>> text_before_labels(t, 0, 17, len(t))
    'Rà soát quy trình.'
    """
    content = " ".join(text[start:cut].split())
    if content and not content.endswith((".", ";", "!", "?")) and text[cut:end].rstrip().endswith(")."):
        content += "."
    return content


def _heading(line: str, key: str) -> tuple[Numbering, str, int, int] | None:
    """(numbering, number, rank, title offset in line) for a numbered heading line.

    Each pattern is tried only where the line's first character allows it (most lines are prose: a
    capital that opens no heading pattern, so two or three checks instead of eight regex calls).
    """
    first = line[:1]
    m = _PART.match(line) if first in _PART_FIRST else None
    if m and (first in "PpMm" or line[m.end() :].split(" ", 1)[0].isupper()):
        return "roman", m.group("num"), 1, m.end()
    m = _ROMAN.match(line) if first in "IVX" else None
    if m and (m.group("dot") in ".)" or line[m.end() :][:1].isupper()):
        return "roman", m.group("num"), 1, m.end()
    m = _APPENDIX.match(line) if first in "Pp" else None
    if m and (len(line) < 120 or line.isupper()):
        return "appendix", line[: m.end()].strip(" .:"), 1, m.end()
    m = _NAMED.match(line) if first in _NAMED_FIRST else None
    if m:
        abbr = "".join(w[0] for w in m.group("label").split()).upper().replace("Đ", "D")
        below = 1 if m.group("label").lower() in _SUB_NAMED else 0  # "Giải pháp 1." under "Nhiệm vụ 1:"
        return "named", abbr + m.group("num"), NAMED_RANK + m.group("num").count(".") + below, m.end()
    m = _ARABIC.match(line) if first.isdigit() else None
    if m:
        num = m.group("num")
        return "arabic", num, 1 + num.count(".") + 1, m.end()
    m = _LETTER.match(key) if key[1:2] in _LETTER_SECOND else None
    if m:
        return "letter", m.group("num"), 20, m.end()
    m = _PAREN.match(line) if first == "(" else None
    if m:
        return "paren", m.group("num"), 25, m.end()
    return None


# the characters each heading pattern can start with (or, for a letter item, follow its letter with)
_PART_FIRST = frozenset("PpMmABCDEFGH")
_NAMED_FIRST = frozenset("TtNnCcLlGg")
_LETTER_SECOND = frozenset(")./-")


def _table_rows(line: str) -> list[str]:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return cells


def _is_separator(cells: list[str]) -> bool:
    return all(_SEPARATOR_CELL.fullmatch(c) for c in cells if c) and any(cells)


def segment(text: str) -> Segmented:
    """Build the section tree of ``text`` (already normalised).

    >>> seg = segment("I. NHIỆM VỤ\\n1. Về TTHC\\nRà soát quy trình.\\nThời gian: Quý II/2024\\n")
    >>> [(s.number, seg.text[s.title_start:s.title_end]) for s in seg.root.walk()[1:]]
    [('I', 'NHIỆM VỤ'), ('1', 'Về TTHC')]
    """
    key = comparable(text)
    comp = _compiled()
    root = Section("root", None, 0, 0, 0, 0)
    stack = [root]
    chrome: list[tuple[int, int]] = []
    body_end = len(text)
    table: Block | None = None
    pos = 0
    seen_heading = False
    tail_start: int | None = None
    tails: list[tuple[int, int]] = []
    arabic_shift = 0  # raised when a part numbers its items under named groups
    for raw_line in text.splitlines(keepends=True):
        line_start = pos
        pos += len(raw_line)
        stripped = raw_line.strip()
        if not stripped:
            table = None
            continue
        lead = len(raw_line) - len(raw_line.lstrip())
        s = line_start + lead
        e = s + len(stripped)
        lkey = key[s:e]
        closing = (seen_heading or lkey.startswith("nơi nhận")) and comp.closing.match(lkey)
        if len(stripped) < 120 and comp.chrome.search(lkey) and not (closing and tail_start is None):
            chrome.append((s, e))
            continue
        if tail_start is not None:
            resumes = _APPENDIX.match(stripped) and (stripped.isupper() or len(stripped) < 40)
            if not (resumes or stripped in _PLAN_TITLES):
                continue  # signature, "Nơi nhận" — until an appendix or the plan a decision issues
            tails.append((tail_start, s))
            tail_start = None
        elif closing:
            tail_start = _byline_start(stack[-1], text, s) if comp.chrome.search(lkey) else s
            body_end = min(body_end, s)
            while len(stack) > 1:
                stack[-1].end = s
                stack.pop()
            continue
        current = stack[-1]
        if _TABLE.match(stripped):
            cells = _table_rows(stripped)
            if table is None:
                table = Block("table", s, e, s)
                current.blocks.append(table)
            table.end = e
            if not _is_separator(cells):
                table.rows.append(cells)
                table.row_spans.append((s, e))
            continue
        table = None
        head = _heading(stripped, lkey)
        if head is not None:
            numbering, number, rank, title_off = head
            if numbering in ("roman", "appendix"):
                arabic_shift = 0
            elif numbering == "arabic":
                top = stack[-1]
                opens = number == "1" and not top.children and not top.blocks  # "3." after it is a new part
                if not arabic_shift and top.numbering == "named" and opens:
                    # "Nhóm giải pháp 1:" directly over "1. Giao Sở …": in this part, numbered items sit
                    # under the named groups (their numbers run on from group to group)
                    arabic_shift = top.rank - 1
                rank += arabic_shift
            found_label = label_at(key, s + title_off, e) if numbering == "letter" else None
            if found_label and not _SENTENCE_AFTER.search(text, found_label[1], e):
                current.blocks.append(Block("label", s, e, s + title_off, number))
                continue
            while stack[-1].rank >= rank:
                stack[-1].end = s
                stack.pop()
            parent = stack[-1]
            title_end = e
            sec = Section(numbering, number, rank, s, s + title_off, title_end, parent=parent)
            parent.children.append(sec)
            stack.append(sec)
            seen_heading = True
            continue
        m = _BULLET.match(stripped)
        if m and not (m.group("marker") in "-–" and stripped[1:2].isdigit()):
            cs = s + m.end()
            found = label_at(key, cs, e)
            if found and found[0] == "content":  # "- Nội dung: Rà soát …": the task text itself
                current.blocks.append(Block("bullet", s, e, found[1], m.group("marker")))
            else:
                current.blocks.append(Block("label" if found else "bullet", s, e, cs, m.group("marker")))
            continue
        found = label_at(key, s, e)
        if found is None and stripped[:1] == "(" and stripped.rstrip(".;").endswith(")"):
            # "(Đơn vị thực hiện: Phòng Nghiệp vụ Y; thời hạn: Quý II/2025)" under a bullet: its labels
            inner_end = s + len(stripped.rstrip(".;")) - 1
            inner = label_at(key, s + 1, inner_end)
            if inner and inner[0] != "content":
                current.blocks.append(Block("label", s, inner_end, s + 1))
                continue
        if found and found[0] == "content":
            current.blocks.append(Block("para", s, e, found[1]))
        elif found:
            current.blocks.append(Block("label", s, e, s))
        else:
            current.blocks.append(Block("para", s, e, s))
    if tail_start is not None:
        tails.append((tail_start, len(text)))
    for sec in stack:
        if not sec.end:
            sec.end = len(text) if tails and tails[-1][1] < len(text) else body_end
    root.end = len(text)
    return Segmented(text, key, root, body_end, tails, chrome)
