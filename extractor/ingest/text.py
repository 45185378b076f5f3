"""Bytes of a plain-text file -> str, with the encoding it was read in.

Why: Vietnamese plans arrive as UTF-8 (with or without BOM), UTF-16 saved by Windows tools (often
without BOM), Windows-1258, or 8-bit TCVN3 / VNI bytes from pre-Unicode fonts.  This module only
decides how to turn bytes into characters; repairing the characters (NFC for cp1258's combining
tone marks, TCVN3/VNI -> Unicode) is ``extractor.normalize``'s job, so every repair is done once.

>>> decode_bytes("Kế hoạch số 12/KH-UBND".encode("utf-16")).text
'Kế hoạch số 12/KH-UBND'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import viparse

from extractor.errors import Code, ExtractionError, Warning_


@dataclass(frozen=True)
class DecodedText:
    """Decoded text, the codec used (a Python codec name), and what was guessed or lost."""

    text: str
    encoding: str
    warnings: tuple[Warning_, ...]


_BOMS = (  # (bom, codec, name reported); UTF-32 LE first: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_MAGIC = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP/DOCX/XLSX",
    b"\xd0\xcf\x11\xe0": "Word/Excel (OLE)",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "gzip",
}
# C0 controls other than \t \n \f \r, plus DEL: rare in text, common in binary files
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_BLANK = re.compile(r"[\s\ufeff\u200b-\u200d\u2060\x00]*")

# cp1258 writes tones as combining bytes (0xCC ̀ 0xEC ́ 0xD2 ̃ 0xDE ̉ 0xF2 ̣) after a vowel byte;
# in TCVN3/VNI the same bytes are whole letters that follow consonants ("nghÞ" = nghị).
_CP1258_TONE = re.compile(rb"[\xcc\xec\xd2\xde\xf2]")
_CP1258_VOWEL = rb"[aeiouyAEIOUY\xe2\xea\xf4\xe3\xf5\xfd\xc2\xca\xd4\xc3\xd5\xdd]"  # + â ê ô ă ơ ư
_CP1258_TONED = re.compile(_CP1258_VOWEL + rb"[\xcc\xec\xd2\xde\xf2]")


def _cp1252_table() -> str:
    """cp1252, with its five undefined bytes read as Latin-1 so that no legacy byte is lost."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


_CP1252 = _cp1252_table()


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one side of the byte pairs, as ASCII in UTF-16 does."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def reject_binary(data: bytes) -> None:
    """E004 for known binary formats and for bytes with many NULs or control codes."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise ExtractionError(Code.E004_BINARY, f"not a text file: looks like {kind}")
    controls = len(data.translate(None, _NON_CONTROL))
    if data.count(0) > 0.01 * len(data) or controls > 0.05 * len(data):
        raise ExtractionError(Code.E004_BINARY, f"not a text file: {controls} control bytes in {len(data)}")


def _looks_cp1258(data: bytes) -> bool:
    """Most tone bytes follow a vowel: Windows-1258's combining marks, not TCVN3/VNI letters."""
    tones = len(_CP1258_TONE.findall(data))
    return tones >= 3 and len(_CP1258_TONED.findall(data)) >= 0.9 * tones


def _mostly_utf8(data: bytes) -> bool:
    """Damaged UTF-8 (a truncated download, one bad byte) rather than an 8-bit code page."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 4 * bad


def decode_bytes(data: bytes) -> DecodedText:
    r"""Decode a text file's bytes; E003 when empty, E004 when binary, W101 when guessed, W102 on loss.

    Order: BOM; UTF-16 by its NUL pattern; binary check; strict UTF-8; then 8-bit guesses.

    >>> r = decode_bytes(b"\xef\xbb\xbfK\xe1\xba\xbf ho\xe1\xba\xa1ch\r\n")
    >>> r.text, r.encoding, r.warnings
    ('Kế hoạch\r\n', 'utf-8-sig', ())
    """
    if not data.strip(b" \t\r\n\f\v"):
        raise ExtractionError(Code.E003_EMPTY, "the file is empty")
    warnings: list[Warning_] = []
    bom = next((entry for entry in _BOMS if data.startswith(entry[0])), None)
    if bom is not None:
        text, encoding = data[len(bom[0]) :].decode(bom[1], errors="replace"), bom[2]
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text, encoding = data.decode(utf16, errors="replace"), utf16
        warnings.append(Warning_(Code.W101_ENCODING_GUESSED, f"không có BOM, đoán là {utf16.upper()}"))
    else:
        reject_binary(data)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_8bit(data, warnings)
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        reject_binary(text.encode("utf-8", errors="replace"))
    if _BLANK.fullmatch(text):
        raise ExtractionError(Code.E003_EMPTY, "the file contains only whitespace")
    if bad := text.count("\ufffd"):
        warnings.append(Warning_(Code.W102_DECODE_ERRORS, f"{bad} ký tự không giải mã được (U+FFFD)"))
    return DecodedText(text, encoding, tuple(warnings))


def _decode_8bit(data: bytes, warnings: list[Warning_]) -> tuple[str, str]:
    """Not UTF-8: damaged UTF-8, Windows-1258, or TCVN3/VNI/Western bytes read as cp1252."""
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    if _looks_cp1258(data):
        warnings.append(Warning_(Code.W101_ENCODING_GUESSED, "không phải UTF-8, đoán là Windows-1258"))
        return data.decode("cp1258", errors="replace"), "cp1258"
    text = codecs.charmap_decode(data, "strict", _CP1252)[0]
    legacy = viparse.detect_text_encoding(text[:60_000])
    guess = f"mã {legacy.upper()}, sẽ được chuyển khi chuẩn hoá" if legacy else "Windows-1252"
    warnings.append(Warning_(Code.W101_ENCODING_GUESSED, f"không phải UTF-8, đọc theo cp1252: {guess}"))
    return text, "cp1252"


def read_text_file(path: Path) -> DecodedText:
    """Read and decode one text file; E001 when missing, E006 when unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(Code.E001_NOT_FOUND, f"no such file: {path}") from None
    except OSError as exc:
        raise ExtractionError(Code.E006_READ_FAILED, f"cannot read {path}: {exc.strerror or exc}") from None
    return decode_bytes(data)
