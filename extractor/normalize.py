"""Text -> the one normalised text that every later stage slices.

Why: sections, records and fields keep character offsets into this text, so it is produced once per
page and never edited afterwards.  As in ftfy, it is a sequence of small named text -> text fixers
(``FIXERS``), each with a Vietnamese doctest; ``normalize_text`` runs them in order and says which
changed something.  ``comparable`` never changes the text: it gives a same-length lowercase view with
one tone placement ("hoà" and "hòa" compare equal) for matching vocabularies.

Speed matters (the pipeline must do 2 MB/s): regexes are compiled once and start with a literal or a
character class, so ``re`` skips ahead; no Python loop runs per character, only per line or per match.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, groupby
from operator import itemgetter
from pathlib import Path

import viparse
from pydantic import BaseModel, ConfigDict

from extractor.errors import Code, Warning_
from extractor.fixing import (  # noqa: F401
    _HAS_LOWER,
    _HAS_UPPER,
    _LO,
    _UP,
    GOES_ON,
    Fixer,
    FixReport,
    _letters,
    _warn,
)
from extractor.layout import fix_hard_wraps, fix_page_furniture, wrap_width  # noqa: F401

RULES_FILE = Path(__file__).parent / "rules" / "glue_exceptions.toml"


@dataclass(frozen=True)
class NormalizedText:
    """The normalised text and how it was obtained."""

    text: str
    fixes: tuple[str, ...]  # names of the fixers that changed something, in order
    legacy_encoding: str | None  # "tcvn3" / "vni" / … when converted
    warnings: tuple[Warning_, ...]


# --- legacy encodings ------------------------------------------------------------------------
_VI_ONLY = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")  # Unicode-only letters: never in TCVN3/VNI-as-cp1252
_HIGH_LATIN1 = re.compile("[\u00a1-\u00ff]")
_LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "vps": "VPS"}
_SAMPLE = 20_000
_EDGES = re.compile(r"(\s*)(.*?)(\s*)\Z", re.DOTALL)


def _sample(text: str) -> str:
    """Beginning, middle and end of a long text: enough to judge, cheap on megabytes."""
    mid = len(text) // 2
    return text if len(text) <= 3 * _SAMPLE else text[:_SAMPLE] + text[mid : mid + _SAMPLE] + text[-_SAMPLE:]


def _convert(piece: str, encoding: str) -> str:
    """viparse.fix one piece, keeping the blank lines around it (fix strips them)."""
    lead, core, trail = _EDGES.match(piece).groups()  # type: ignore[union-attr]
    return lead + str(viparse.fix(core, encoding=encoding)) + trail if core else piece


def fix_legacy_encoding(text: str, report: FixReport | None = None) -> str:
    """Convert TCVN3 (ABC, ".VnTime") or VNI text, read as cp1252 bytes, to Unicode via viparse.

    First in the chain, because legacy tables use code points the later fixers delete: TCVN3 keeps
    "ư" in the soft-hyphen slot U+00AD, VISCII keeps letters among the C0/C1 controls.  Unicode text
    is never touched: a cheap check (Unicode-only letters vs Latin-1 accents) skips viparse, viparse
    refuses Spanish or French, and only lines without a Unicode-only Vietnamese letter are converted.

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
        chunk = "\n".join(line for line, _ in group)  # pages are converted apart: fix() eats "\f"
        out.append("\f".join(_convert(page, encoding) for page in chunk.split("\f")) if old else chunk)
    if report is not None:
        report.legacy_encoding = encoding
    name = _LEGACY_NAMES.get(encoding, encoding)
    _warn(report, Code.W104_LEGACY_ENCODING, f"văn bản mã {name} đã được chuyển sang Unicode")
    return "\n".join(out)


# --- control characters and spaces -----------------------------------------------------------
_CONTROL = re.compile(
    "\r\n?|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\t\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f"
    "\u205f-\u2064\u3000\ufeff]"
)
_CONTROL_MAP = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
_CONTROL_MAP |= {
    ch: " " for ch in "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
}


_TAB_ROW = re.compile(r"^[^\t\n]*\t[^\n]*$", re.MULTILINE)
_NOT_A_TABLE = re.compile(  # a flattened two-column header or signature block, not a table row
    r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|Số\s*:|, ngày \d|Nơi nhận|KT\.|TM\.|ỦY BAN NHÂN DÂN\t|UBND [A-ZĐ]"
)
_TWO_TABS = re.compile(r"\t[^\t\n]*\t")


def fix_tab_tables(text: str, report: FixReport | None = None) -> str:
    r"""Rows of a table copied from Word as tab-separated text become '|' rows the segmenter reads.

    Why: the tab is the only trace of the columns, and the next fixer turns tabs into spaces.

    >>> fix_tab_tables("STT\tNội dung\tChủ trì\n1\tRà soát TTHC\tVăn phòng Sở")
    '| STT | Nội dung | Chủ trì |\n| 1 | Rà soát TTHC | Văn phòng Sở |'
    >>> fix_tab_tables("STT\tNội dung\tChủ trì\nI\tChỉ số PCI")
    '| STT | Nội dung | Chủ trì |\n| I | Chỉ số PCI |  |'
    """
    if "\t" not in text or not _TWO_TABS.search(text):
        return text
    width = max(m.group().count("\t") + 1 for m in _TAB_ROW.finditer(text))

    def row(m: re.Match[str]) -> str:
        if _NOT_A_TABLE.search(m.group()):
            return re.sub(r"\t+", "  ", m.group())  # two columns of a header or signature, flattened
        cells = [c.strip() for c in m.group().split("\t")]
        return "| " + " | ".join(cells + [""] * (width - len(cells))) + " |"

    return _TAB_ROW.sub(row, text)


def fix_control_chars(text: str, report: FixReport | None = None) -> str:
    r"""Drop control and invisible format characters, make every space a plain space, end lines in \n.

    Why: a BOM, a zero-width space or a soft hyphen inside "Kế hoạch" defeats every later pattern,
    and NBSP/tab runs from web pages are ordinary spaces.  Kept: \n and \f (page breaks).

    >>> fix_control_chars("\ufeffKế\u00a0hoạch\tsố\u200b 12\r\nNăm 2024\r")
    'Kế hoạch số 12\nNăm 2024\n'
    """
    removed = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal removed
        ch = m.group()
        removed += ch < "\xa0" and ch not in _CONTROL_MAP
        return _CONTROL_MAP.get(ch, "")

    out = _CONTROL.sub(repl, text)
    if removed:
        _warn(report, Code.W108_CONTROL_CHARS, f"đã xoá {removed} ký tự điều khiển")
    return out


_COMBINING = re.compile("[\u0300-\u036f]")


def fix_nfc(text: str, report: FixReport | None = None) -> str:
    """Compose to NFC, so "e" + U+0302 + U+0301 (NFD: macOS, cp1258 files) becomes the letter "ế".

    Patterns and vocabularies are written in NFC; decomposed text would match none of them.

    >>> fix_nfc("Ke\u0302\u0301 hoa\u0323ch") == "Kế hoạch"
    True
    """
    if _COMBINING.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    nfc = unicodedata.normalize  # line by line: composing costs ~20 ns/char, few lines need it
    out = "\n".join(ln if _COMBINING.search(ln) is None else nfc("NFC", ln) for ln in text.split("\n"))
    out = out if unicodedata.is_normalized("NFC", out) else nfc("NFC", out)  # rarer non-NFC singletons
    if len(text) - len(out) >= 3:
        _warn(report, Code.W103_NFD_INPUT, f"văn bản ở dạng tổ hợp (NFD), đã ghép {len(text) - len(out)} dấu")
    return out


# --- markdown --------------------------------------------------------------------------------
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
    line_end = text.find("\n", end)
    opens_line = not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t")
    ends_line = not text[end : line_end if line_end >= 0 else None].strip(" \t")
    return m.group() if opens_line and not ends_line else m.group(1)


def fix_markdown(text: str, report: FixReport | None = None) -> str:
    r"""Read markdown instead of copying it: **bold**, __bold__, *italic*, "#" heading marks go.

    A "*" that opens a line is a bullet and stays ("*Rà soát …", " *Rà soát …"); footnote marks
    "(*)" stay; '|' table rows keep their structure; a line of only "**" disappears.

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
_WORD_END, _SPACE = re.compile(r"[\W_]"), re.compile(r"\s")
_URLISH = re.compile(r"://|www\.|@|\.(?:vn|com|net|org|gov|edu|io)\b", re.IGNORECASE)
_ALIEN = frozenset("fjwzFJWZ")


def _in_url(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a URL or e-mail address (looks at most 200 characters each way)."""
    lo, hi = max(0, pos - 200), min(len(text), pos + 200)
    start = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), lo - 1) + 1
    space = _SPACE.search(text, pos, hi)
    return _URLISH.search(text, start, space.start() if space else hi) is not None


def _keep_case(text: str, pos: int) -> bool:
    """Whether the capital at ``pos`` is spelling ("eGov", "YouTube", a URL), not a lost break."""
    start = pos
    while start > 0 and pos - start < 60 and text[start - 1].isalnum():
        start -= 1
    end = _WORD_END.search(text, pos, pos + 60)
    token = text[start : end.start() if end else pos + 60]
    if token in glue_rules().keep:
        return True
    if token.isascii() and (pos - start == 1 or not _ALIEN.isdisjoint(token)):
        return True  # e-/i-/m-/k- prefixes (eGov, iPhone, kWh) and words with f/j/w/z (WiFi)
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
        keep = _keep_case(m.string, m.start())
        count += not keep
        return m.group() if keep else " " + m.group()

    def split_year(m: re.Match[str]) -> str:
        nonlocal count
        keep = m.group(1) in units or _in_url(m.string, m.start())
        count += not keep
        return m.group() if keep else m.group() + " "

    out = _GLUE_YEAR.sub(split_year, _GLUE_CASE.sub(split_case, text))
    if count:
        _warn(report, Code.W106_GLUED_WORDS, f"đã tách {count} chỗ dính chữ")
    return out


# --- whitespace ------------------------------------------------------------------------------
_SPACE_RUN, _BLANK_RUN, _FF_SPACES = re.compile(r" {2,}"), re.compile(r"\n{3,}"), re.compile(r" *\f *")


def fix_whitespace(text: str, report: FixReport | None = None) -> str:
    r"""Collapse space runs, strip line ends, cap blank-line runs at one blank line; keep \f.

    Blank lines separate paragraphs, so one is kept; the text's own leading/trailing blank lines go.

    >>> fix_whitespace("  Chỉ số  năng lực   cạnh tranh  \n\n\n\n\fII. TỔ CHỨC \n")
    'Chỉ số năng lực cạnh tranh\n\n\x0cII. TỔ CHỨC'
    """
    out = _SPACE_RUN.sub(" ", text) if "  " in text else text
    out = "\n".join([ln.strip(" ") for ln in out.split("\n")])
    if "\f" in out:
        out = _FF_SPACES.sub("\f", out)
    return (_BLANK_RUN.sub("\n\n", out) if "\n\n\n" in out else out).strip("\n")


FIXERS: tuple[tuple[str, Fixer], ...] = (
    ("legacy_encoding", fix_legacy_encoding),
    ("tab_tables", fix_tab_tables),
    ("control_chars", fix_control_chars),
    ("nfc", fix_nfc),
    ("markdown", fix_markdown),
    ("glued_words", fix_glued_words),
    ("whitespace", fix_whitespace),
    ("page_furniture", fix_page_furniture),
    ("hard_wraps", fix_hard_wraps),
)


def normalize_text(raw: str, join_wraps: bool = True, find_legacy: bool = True) -> NormalizedText:
    """Run every fixer once, in ``FIXERS`` order; the result is the text all offsets refer to.

    ``join_wraps=False`` skips the hard-wrap joiner, for text whose lines are the source's paragraphs;
    ``find_legacy=False`` the TCVN3/VNI converter, for text whose reader converted it already.

    >>> r = normalize_text("Ke\u0302\u0301 hoa\u0323ch   ban hànhKế hoạch\\r\\n")
    >>> r.text, r.fixes
    ('Kế hoạch ban hành Kế hoạch', ('control_chars', 'nfc', 'glued_words', 'whitespace'))
    """
    report = FixReport()
    fixes: list[str] = []
    text = raw
    for name, fixer in FIXERS:
        if name == "hard_wraps" and not join_wraps:
            text = text.replace(GOES_ON, "")
            continue
        if name == "legacy_encoding" and not find_legacy:
            continue
        new = fixer(text, report)
        if new != text:
            fixes.append(name)
        text = new
    return NormalizedText(text, tuple(fixes), report.legacy_encoding, tuple(report.warnings))


# --- comparable ------------------------------------------------------------------------------
# tone on the second vowel of an open oa/oe/uy syllable moves to the first: "oà" -> "òa", "uỷ" -> "ủy"
_TONE = {
    unicodedata.normalize("NFC", f"{a}{b}{mark}"): unicodedata.normalize("NFC", f"{a}{mark}{b}")
    for a, b in (("o", "a"), ("o", "e"), ("u", "y"))
    for mark in "\u0300\u0301\u0309\u0303\u0323"
}
# only at a syllable end ("hoàn" keeps its tone), and not after q, where "u" belongs to "qu" ("quý")
_TONE_RE = re.compile(f"[ou](?<!q[ou])[{''.join(sorted({k[1] for k in _TONE}))}](?![{_LO}{_UP}])")


@lru_cache(maxsize=256)
def comparable(text: str) -> str:
    """A same-length lowercase view with the "hòa" tone placement, for matching vocabularies.

    Offsets found in the result are offsets in ``text``.  Expects NFC input (what ``normalize_text``
    returns); decomposed marks are left as they are rather than change the length.

    >>> comparable("Hoá học, sức khoẻ, thuỷ lợi, Hoà Bình, hoàn thành, quý")
    'hóa học, sức khỏe, thủy lợi, hòa bình, hoàn thành, quý'
    """
    # "İ" is the one character whose lowercase is two characters long (checked over all code points)
    out = _TONE_RE.sub(lambda m: _TONE.get(m.group(), m.group()), text.replace("\u0130", "i").lower())
    if len(out) != len(text):  # pragma: no cover - guarded by a test over every code point
        raise AssertionError("comparable() must keep the length of its input")
    return out
