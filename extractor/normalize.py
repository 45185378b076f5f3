"""Text -> the one normalised text that every later stage slices.

Why: sections, records and fields keep character offsets into this text, so it is produced once per
page and never edited afterwards.  Like ftfy, it is a sequence of small named fixers (``FIXERS``),
each text -> text with a docstring and a Vietnamese doctest; ``normalize_text`` runs them in order and
reports which ones changed something, e.g. ``("nfc", "glued_words")``.

``comparable`` is the other half: it never changes the text, it gives a same-length lowercase view
with one tone-mark placement ("hoà" and "hòa" compare equal) for matching vocabularies.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, groupby
from operator import itemgetter
from pathlib import Path
from typing import Protocol

import viparse
from pydantic import BaseModel, ConfigDict

from extractor.errors import Code, Warning_

RULES_FILE = Path(__file__).parent / "rules" / "glue_exceptions.toml"


@dataclass(frozen=True)
class NormalizedText:
    """The normalised text and how it was obtained."""

    text: str
    fixes: tuple[str, ...]  # names of the fixers that changed something, in order
    legacy_encoding: str | None  # "tcvn3" / "vni" / … when converted
    warnings: tuple[Warning_, ...]


@dataclass
class FixReport:
    """What the fixers noticed while running; ``normalize_text`` turns it into the result."""

    warnings: list[Warning_] = field(default_factory=list)
    legacy_encoding: str | None = None

    def warn(self, code: Code, message: str) -> None:
        self.warnings.append(Warning_(code, message))


class Fixer(Protocol):
    """A text -> text fixer; ``report`` (optional) collects its warnings."""

    def __call__(self, text: str, report: FixReport | None = None, /) -> str: ...


def _letters(pred: str) -> str:
    """Latin letters (incl. all Vietnamese) for which ``str.<pred>()`` holds, for a regex class."""
    chars = (chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)))
    return "".join(re.escape(ch) for ch in chars if ch.isalpha() and getattr(ch, pred)())


_LO, _UP = _letters("islower"), _letters("isupper")
_HAS_LOWER, _HAS_UPPER = re.compile(f"[{_LO}]"), re.compile(f"[{_UP}]")

# --- legacy encodings ------------------------------------------------------------------------
# Letters that exist only in Unicode Vietnamese; TCVN3/VNI text read as cp1252 has none of them.
_VI_ONLY = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")
_HIGH_LATIN1 = re.compile("[\u00a1-\u00ff]")
_LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "vps": "VPS"}
_SAMPLE = 20_000


def _sample(text: str) -> str:
    """Beginning, middle and end of a long text: enough to judge, cheap on megabytes."""
    if len(text) <= 3 * _SAMPLE:
        return text
    mid = len(text) // 2
    return text[:_SAMPLE] + text[mid : mid + _SAMPLE] + text[-_SAMPLE:]


def _convert_piece(piece: str, encoding: str) -> str:
    """viparse.fix one page piece, keeping the blank lines around it (fix strips them)."""
    core = piece.strip()
    if not core:
        return piece
    start = piece.index(core[0])
    return piece[:start] + viparse.fix(core, encoding=encoding) + piece[start + len(core) :]


def fix_legacy_encoding(text: str, report: FixReport | None = None) -> str:
    """Convert TCVN3 (ABC, ".VnTime") or VNI text, read as cp1252 bytes, to Unicode via viparse.

    Runs first because legacy tables use code points that later fixers remove: TCVN3 stores "ư" in
    the soft-hyphen slot U+00AD, VISCII keeps letters in C0/C1 controls.  Unicode text is never
    touched: a cheap pre-check (Vietnamese-only letters vs Latin-1 accents) skips viparse entirely,
    viparse itself refuses Spanish or French, and in a mixed document only lines without any
    Unicode-only Vietnamese letter are converted.

    >>> fix_legacy_encoding("Së Néi vô lËp kÕ ho¹ch kiÓm tra c«ng t¸c c¶i c¸ch hµnh chÝnh n¨m 2024.")
    'Sở Nội vụ lập kế hoạch kiểm tra công tác cải cách hành chính năm 2024.'
    >>> fix_legacy_encoding("Kế hoạch cải cách hành chính năm 2024.")
    'Kế hoạch cải cách hành chính năm 2024.'
    """
    sample = _sample(text)
    latin1 = len(_HIGH_LATIN1.findall(sample))
    if latin1 < 8 or len(_VI_ONLY.findall(sample)) >= latin1:
        return text
    lines = text.split("\n")
    legacy = [not _VI_ONLY.search(line) for line in lines]
    encoding = viparse.detect_text_encoding(_sample("\n".join(compress(lines, legacy))))
    if encoding is None:
        return text
    out = []
    for old, group in groupby(zip(lines, legacy, strict=True), key=itemgetter(1)):
        chunk = "\n".join(line for line, _ in group)
        out.append("\f".join(_convert_piece(p, encoding) for p in chunk.split("\f")) if old else chunk)
    if report is not None:
        report.legacy_encoding = encoding
        name = _LEGACY_NAMES.get(encoding, encoding)
        report.warn(Code.W104_LEGACY_ENCODING, f"văn bản mã {name} đã được chuyển sang Unicode")
    return "\n".join(out)


# --- control characters and spaces -----------------------------------------------------------
_CONTROL = re.compile(
    "\r\n?|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\t\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f"
    "\u205f-\u2064\u3000\ufeff]"
)
_CONTROL_MAP = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
_SPACES = frozenset("\t\u00a0\u1680\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}


def fix_control_chars(text: str, report: FixReport | None = None) -> str:
    r"""Drop control and invisible format characters, make every space a plain space, end lines in \n.

    Why: a BOM, a zero-width space or a soft hyphen inside "Kế hoạch" breaks every later regex, and
    NBSP/tab runs from web pages must count as ordinary spaces.  Kept: \n, and \f (page breaks).

    >>> fix_control_chars("\ufeffKế\u00a0hoạch\tsố\u200b 12\r\nNăm 2024\r")
    'Kế hoạch số 12\nNăm 2024\n'
    """
    removed = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal removed
        ch = m.group()
        if ch in _CONTROL_MAP:
            return _CONTROL_MAP[ch]
        if ch in _SPACES:
            return " "
        if ch < "\xa0":
            removed += 1
        return ""

    out = _CONTROL.sub(repl, text)
    if removed and report is not None:
        report.warn(Code.W108_CONTROL_CHARS, f"đã xoá {removed} ký tự điều khiển")
    return out


_COMBINING = re.compile("[\u0300-\u036f]")


def fix_nfc(text: str, report: FixReport | None = None) -> str:
    """Compose to NFC, so "e" + U+0302 + U+0301 (NFD, macOS, cp1258) becomes the one letter "ế".

    Regexes and vocabularies are written in NFC; NFD input would match none of them.

    >>> fix_nfc("Ke\u0302\u0301 hoa\u0323ch") == "Kế hoạch"
    True
    """
    if _COMBINING.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    out = "\n".join(  # line by line: normalising costs ~20 ns/char, most lines are already NFC
        ln if _COMBINING.search(ln) is None and unicodedata.is_normalized("NFC", ln) else unicodedata.normalize("NFC", ln)
        for ln in text.split("\n")
    )
    if len(text) - len(out) >= 3 and report is not None:
        report.warn(Code.W103_NFD_INPUT, f"văn bản ở dạng tổ hợp (NFD), đã ghép {len(text) - len(out)} dấu")
    return out


# --- markdown --------------------------------------------------------------------------------
# Each pattern starts with its literal marker (lookbehinds after it), so re can skip ahead: ~0.5 ms/MB.
_MD_MARKER_LINE = re.compile(r"(?m)^[ \t]*\*\*(?:[ \t]*\*\*)*[ \t]*(?:\n|\Z)")
_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_MD_BOLD = re.compile(r"\*\*(?<!\\\*\*)(?=[^\s*)])((?:[^*\n]|\n(?!\n))+?)(?<=[^\s*(\\])\*\*")
_MD_UNDER = re.compile(r"__(?<![\w\\]__)(?=[^\s_])([^_\n]+?)(?<=[^\s_])__(?!\w)")
_MD_STRAY = re.compile(r"\*\*(?:(?<![^\n]\*\*)(?=\S)|(?<=[^\s(]\*\*)(?=[ \t]*(?:\n|\Z)))")
_MD_EMPH = re.compile(r"\*(?<![*\w\\]\*)(?=[^\s*)])([^*\n]+?)(?<=[^\s*(])\*(?![*\w])")
_MD_ESCAPE = re.compile(r"\\([*_#.+\-])")


def _emphasis(m: re.Match[str]) -> str:
    """*italic* -> italic, except a line-opening "*" not closed at the line end: that is a bullet."""
    text, start, end = m.string, m.start(), m.end()
    if text[text.rfind("\n", 0, start) + 1 : start].strip(" \t"):
        return m.group(1)
    line_end = text.find("\n", end)
    return m.group(1) if not text[end : line_end if line_end >= 0 else None].strip(" \t") else m.group()


def fix_markdown(text: str, report: FixReport | None = None) -> str:
    r"""Read markdown emphasis instead of copying it: **bold**, __bold__, *italic*, "#" heading marks.

    A "*" that opens a line is a bullet and stays ("*Rà soát …", " *Rà soát …"); footnote marks
    "(*)" stay; '|' table lines keep their structure; a line of only "**" disappears.

    >>> fix_markdown("## II. TỔ CHỨC THỰC HIỆN\nBáo cáo Sở (*qua Văn phòng Thanh tra*).\n**")
    'II. TỔ CHỨC THỰC HIỆN\nBáo cáo Sở (qua Văn phòng Thanh tra).\n'
    >>> fix_markdown("**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n*Rà soát hồ sơ (*)")
    'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n*Rà soát hồ sơ (*)'
    """
    out = text
    if "**" in out:
        out = _MD_STRAY.sub("", _MD_BOLD.sub(r"\1", _MD_MARKER_LINE.sub("", out)))
    if "#" in out:
        out = _MD_HEADING.sub("", out)
    if "__" in out:
        out = _MD_UNDER.sub(r"\1", out)
    if "*" in out:
        out = _MD_EMPH.sub(_emphasis, out)
    return _MD_ESCAPE.sub(r"\1", out) if "\\" in out else out


# --- glued words -----------------------------------------------------------------------------
class _GlueRules(BaseModel):
    """Schema of rules/glue_exceptions.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    keep: frozenset[str]
    units: frozenset[str]


@cache
def glue_rules() -> _GlueRules:
    """The exception lists, read and validated once."""
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    return _GlueRules(keep=data["case_change"]["keep"], units=data["year"]["units"])


_GLUE_CASE = re.compile(f"[{_UP}](?<=[{_LO}][{_UP}])(?=[{_LO}]|[{_UP}]{{2}})")
_GLUE_YEAR = re.compile(f"(?:19|20)\\d\\d(?<![^\\W_]\\d{{4}})(?=([{_LO}]+))")
_WORD_RUN = re.compile(r"[^\W_]*")
_NOT_SPACE = re.compile(r"\S*")
_URLISH = re.compile(r"://|www\.|@|\.(?:vn|com|net|org|gov|edu|io)\b", re.IGNORECASE)
_ALIEN = frozenset("fjwzFJWZ")


def _in_url(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a URL or e-mail address (scans at most 200 characters each way)."""
    lo = max(0, pos - 200)
    start = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), lo - 1) + 1
    end = _NOT_SPACE.match(text, pos, pos + 200).end()  # type: ignore[union-attr]
    return _URLISH.search(text, start, end) is not None


def _keep_case(text: str, pos: int) -> bool:
    """Whether the capital at ``pos`` is spelling ("eGov", "YouTube", a URL), not a lost break."""
    start = pos
    while start > 0 and pos - start < 60 and text[start - 1].isalnum():
        start -= 1
    token = text[start : _WORD_RUN.match(text, pos).end()]  # type: ignore[union-attr]
    if token in glue_rules().keep:
        return True
    if token.isascii() and (pos - start == 1 or not _ALIEN.isdisjoint(token)):
        return True  # e-/i-/m-/k- prefixes (eGov, iPhone, kWh) and non-Vietnamese words (WiFi)
    return _in_url(text, pos)


def fix_glued_words(text: str, report: FixReport | None = None) -> str:
    """Split words glued by a lost line break: "ban hànhKế hoạch", "năm 2023đạt", "Chỉ sốSIPAS".

    Vietnamese never capitalises inside a syllable, so a lowercase letter followed by a capitalised
    word or a 3+ letter acronym is a missing space; so is a year followed by a lowercase word.
    Exceptions (eGov, kWh, YouTube, units after numbers …) are in rules/glue_exceptions.toml.

    >>> fix_glued_words("Sở đã ban hànhKế hoạch năm 2023đạt Chỉ sốSIPAS; cổng eGov, 2000kWh, KH-UBND")
    'Sở đã ban hành Kế hoạch năm 2023 đạt Chỉ số SIPAS; cổng eGov, 2000kWh, KH-UBND'
    """
    count = 0
    units = glue_rules().units

    def split_case(m: re.Match[str]) -> str:
        nonlocal count
        if _keep_case(m.string, m.start()):
            return m.group()
        count += 1
        return " " + m.group()

    def split_year(m: re.Match[str]) -> str:
        nonlocal count
        if m.group(1) in units or _in_url(m.string, m.start()):
            return m.group()
        count += 1
        return m.group() + " "

    out = _GLUE_YEAR.sub(split_year, _GLUE_CASE.sub(split_case, text))
    if count and report is not None:
        report.warn(Code.W106_GLUED_WORDS, f"đã tách {count} chỗ dính chữ")
    return out


# --- whitespace ------------------------------------------------------------------------------
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")


def _strip_line(line: str) -> str:
    if "\f" in line:
        return "\f".join(part.strip(" ") for part in line.split("\f"))
    return line.strip(" ")


def fix_whitespace(text: str, report: FixReport | None = None) -> str:
    r"""Collapse space runs, strip line ends, cap blank-line runs at one blank line; keep \f.

    Blank lines separate paragraphs and are kept (one); the text's own leading/trailing blank lines go.

    >>> fix_whitespace("  Chỉ số  năng lực   cạnh tranh  \n\n\n\n\fII. TỔ CHỨC \n")
    'Chỉ số năng lực cạnh tranh\n\n\x0cII. TỔ CHỨC'
    """
    out = _SPACE_RUN.sub(" ", text) if "  " in text else text
    out = "\n".join([_strip_line(line) for line in out.split("\n")])
    return (_BLANK_RUN.sub("\n\n", out) if "\n\n\n" in out else out).strip("\n")


# --- hard-wrapped lines ----------------------------------------------------------------------
_ENDERS = frozenset(".:;!?…")
_BARRIER = re.compile(
    r"(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[A-ZĐ]|[a-zđ])[.)](?=\s|[" + _UP + r"])"  # II. 1. 1.2.3.Về a) đ)
    r"|\(\d{1,3}\)|[-–—+•·●○■□▪►✓➢❖*|]"  # (1), bullets, table rows
    r"|(?:Điều|Chương|Mục|Phần|Phụ lục|PHỤ LỤC|Bước)\s+[\dIVXLC]"
    r"|[" + _UP + r"][^\n:.;]{0,40}:"  # labels: "Thời gian:", "Đơn vị chủ trì thực hiện:", "Nơi nhận:"
)


def _is_caps(line: str) -> bool:
    """An all-capitals line ("KẾ HOẠCH", "KT. GIÁM ĐỐC") is a title or heading, not a wrapped line."""
    return _HAS_LOWER.search(line) is None and _HAS_UPPER.search(line) is not None


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was broken at, or None when it is not hard-wrapped.

    Hard-wrapped: most lines end near one width (>= 40 % within 75–115 % of the 90th-percentile
    length) and almost none (<= 5 %) are longer.  A one-paragraph-per-line text fails both.
    """
    lens = sorted(len(line) for line in lines if line and line[0] != "|")
    n = len(lens)
    if n < 6:
        return None
    p90 = lens[(9 * (n - 1)) // 10]
    if not 40 <= p90 <= 160:
        return None
    limit = int(p90 * 1.15)
    over = n - bisect_right(lens, limit)
    near = bisect_right(lens, limit) - bisect_left(lens, 0.75 * p90)
    if over > 0.05 * n or near < 0.4 * n:
        return None
    return lens[bisect_right(lens, limit) - 1]


def _continues(cur: str, nxt: str, width: int | None) -> bool:
    """Whether ``nxt`` continues the sentence that a line break cut after ``cur``."""
    if cur[-1] in _ENDERS or cur[0] == "|" or "\f" in cur or "\f" in nxt or _BARRIER.match(nxt):
        return False
    cur_caps, nxt_caps = _is_caps(cur), _is_caps(nxt)
    if cur_caps or nxt_caps:  # titles and headings join only with each other, when wrapped
        return cur_caps and nxt_caps and width is not None and _fills(cur, nxt, width)
    return nxt[0].islower() or (width is not None and _fills(cur, nxt, width))


def _fills(cur: str, nxt: str, width: int) -> bool:
    """``cur`` is near the wrap width and the next word would not have fitted on it."""
    return len(cur) >= 0.6 * width and len(cur) + 1 + len(nxt.split(" ", 1)[0]) > width


def fix_hard_wraps(text: str, report: FixReport | None = None) -> str:
    """Join lines that a web page or e-mail broke mid-sentence back into one paragraph line.

    Joins when the line does not end a sentence (. : ; ! ?) and the next line continues it: it
    starts lowercase, or the text is hard-wrapped (``wrap_width``) and the next word would not have
    fitted.  Never before a heading, list item, label or '|' row, and never between title lines.
    Expects ``fix_whitespace`` to have run (stripped lines).

    >>> fix_hard_wraps("KẾ HOẠCH\\nVề việc nâng cao Chỉ số SIPAS\\nnăm 2024 của Sở Nội vụ\\n- Tăng cường")
    'KẾ HOẠCH\\nVề việc nâng cao Chỉ số SIPAS năm 2024 của Sở Nội vụ\\n- Tăng cường'
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    parts = [lines[0]]
    joins = 0
    for cur, nxt in zip(lines, lines[1:], strict=False):
        if cur and nxt and _continues(cur, nxt, width):
            parts.append(" ")
            joins += 1
        else:
            parts.append("\n")
        parts.append(nxt)
    if not joins:
        return text
    if report is not None:
        report.warn(Code.W105_HARD_WRAP_JOINED, f"đã nối {joins} dòng bị ngắt giữa câu")
    return "".join(parts)


FIXERS: tuple[tuple[str, Fixer], ...] = (
    ("legacy_encoding", fix_legacy_encoding),
    ("control_chars", fix_control_chars),
    ("nfc", fix_nfc),
    ("markdown", fix_markdown),
    ("glued_words", fix_glued_words),
    ("whitespace", fix_whitespace),
    ("hard_wraps", fix_hard_wraps),
)


def normalize_text(raw: str) -> NormalizedText:
    """Run every fixer once, in ``FIXERS`` order; the result is the text all offsets refer to.

    >>> r = normalize_text("Ke\u0302\u0301 hoa\u0323ch   ban hànhKế hoạch\\r\\n")
    >>> r.text, r.fixes
    ('Kế hoạch ban hành Kế hoạch', ('control_chars', 'nfc', 'glued_words', 'whitespace'))
    """
    report = FixReport()
    fixes: list[str] = []
    text = raw
    for name, fixer in FIXERS:
        new = fixer(text, report)
        if new != text:
            fixes.append(name)
        text = new
    return NormalizedText(text, tuple(fixes), report.legacy_encoding, tuple(report.warnings))


# --- comparable ------------------------------------------------------------------------------
def _tone_moves() -> dict[str, str]:
    """New-style -> old-style tone placement for open syllables: "oà" -> "òa", "uỷ" -> "ủy"."""
    moves = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in "\u0300\u0301\u0309\u0303\u0323":
            new = first + unicodedata.normalize("NFC", second + mark)
            moves[new] = unicodedata.normalize("NFC", first + mark) + second
    return moves


_TONE = _tone_moves()
# only at a syllable end ("hoàn" keeps its tone), and not after q, where "u" belongs to "qu" ("quý")
_TONE_RE = re.compile(f"[ou](?<!q[ou])[{''.join(sorted({k[1] for k in _TONE}))}](?![{_LO}{_UP}])")


def comparable(text: str) -> str:
    """A same-length lowercase view with one tone placement, for matching vocabularies.

    Offsets found in the result are offsets in ``text``.  Expects NFC input (what ``normalize_text``
    returns); decomposed marks are left as they are rather than change the length.

    >>> comparable("Hoá học, sức khoẻ, thuỷ lợi, Hoà Bình, hoàn thành, quý")
    'hóa học, sức khỏe, thủy lợi, hòa bình, hoàn thành, quý'
    """
    out = _TONE_RE.sub(lambda m: _TONE.get(m.group(), m.group()), text.replace("\u0130", "i").lower())
    if len(out) != len(text):  # pragma: no cover - guarded by a test over every code point
        raise AssertionError("comparable() must keep the length of its input")
    return out
