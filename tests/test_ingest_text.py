"""Tests for extractor/ingest/text.py on the fixtures made by tests/fixtures/encodings/make_encodings.py."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from extractor.errors import Code, ExtractionError
from extractor.ingest.text import DecodedText, decode_bytes, read_text_file
from extractor.normalize import fix_legacy_encoding, normalize_text

ENCODINGS = Path(__file__).parent / "fixtures" / "encodings"


def _load_maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_encodings", ENCODINGS / "make_encodings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _load_maker()
SOURCES: dict[str, str] = MAKER.SOURCES


@pytest.mark.parametrize("name", sorted(MAKER.build()))
def test_committed_fixtures_are_current(name: str) -> None:
    """Re-run the generator: a fixture edited by hand or a changed viparse table shows up here."""
    assert (ENCODINGS / name).read_bytes() == MAKER.build()[name]


@pytest.mark.parametrize(
    ("name", "encoding", "warning_codes"),
    [
        ("utf8_bom_crlf.txt", "utf-8-sig", []),
        ("utf16le_bom.txt", "utf-16-le", []),
        ("utf16be_bom.txt", "utf-16-be", []),
        ("utf16le_nobom.txt", "utf-16-le", [Code.W101_ENCODING_GUESSED]),
        ("nfd.txt", "utf-8", []),
        ("cp1258.txt", "cp1258", [Code.W101_ENCODING_GUESSED]),
        ("tcvn3.txt", "cp1252", [Code.W101_ENCODING_GUESSED]),
        ("vni.txt", "cp1252", [Code.W101_ENCODING_GUESSED]),
    ],
)
def test_fixture_decodes_back_to_its_source(name: str, encoding: str, warning_codes: list[Code]) -> None:
    decoded = read_text_file(ENCODINGS / name)
    assert isinstance(decoded, DecodedText)
    assert decoded.encoding == encoding
    assert [w.code for w in decoded.warnings] == warning_codes
    assert "\ufeff" not in decoded.text
    assert normalize_text(decoded.text).text == normalize_text(SOURCES[name]).text


def test_utf8_bom_crlf_keeps_crlf_for_normalize() -> None:
    decoded = read_text_file(ENCODINGS / "utf8_bom_crlf.txt")
    assert decoded.text == SOURCES["utf8_bom_crlf.txt"].replace("\n", "\r\n")
    assert "\r" not in normalize_text(decoded.text).text


def test_cp1258_gives_combining_tones_that_nfc_composes() -> None:
    decoded = read_text_file(ENCODINGS / "cp1258.txt")
    assert decoded.text != SOURCES["cp1258.txt"]
    assert unicodedata.normalize("NFC", decoded.text) == SOURCES["cp1258.txt"]


@pytest.mark.parametrize(("name", "legacy"), [("tcvn3.txt", "tcvn3"), ("vni.txt", "vni")])
def test_legacy_bytes_convert_back_exactly(name: str, legacy: str) -> None:
    decoded = read_text_file(ENCODINGS / name)
    assert legacy.upper() in str(decoded.warnings[0])
    assert fix_legacy_encoding(decoded.text) == SOURCES[name]
    result = normalize_text(decoded.text)
    assert result.legacy_encoding == legacy
    assert Code.W104_LEGACY_ENCODING in [w.code for w in result.warnings]


def test_binary_junk_is_e004() -> None:
    with pytest.raises(ExtractionError) as err:
        read_text_file(ENCODINGS / "binary.bin")
    assert err.value.code is Code.E004_BINARY
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"PK\x03\x04\x14\x00\x06\x00", b"\x00" * 64],
    ids=["pdf", "zip", "nuls"],
)
def test_known_binary_formats_are_e004(data: bytes) -> None:
    with pytest.raises(ExtractionError) as err:
        decode_bytes(data)
    assert err.value.code is Code.E004_BINARY


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_files_are_e003(name: str) -> None:
    with pytest.raises(ExtractionError) as err:
        read_text_file(ENCODINGS / name)
    assert err.value.code is Code.E003_EMPTY


@pytest.mark.parametrize(
    "data",
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", "\u00a0\u200b \n".encode(), b"\xff\xfe \x00\n\x00"],
    ids=["nothing", "utf8-bom", "utf16-bom", "nbsp-zwsp", "utf16-spaces"],
)
def test_blank_in_any_encoding_is_e003(data: bytes) -> None:
    with pytest.raises(ExtractionError) as err:
        decode_bytes(data)
    assert err.value.code is Code.E003_EMPTY


def test_damaged_utf8_is_read_as_utf8_with_w102() -> None:
    good = "Kế hoạch nâng cao Chỉ số SIPAS năm 2024 của Sở Nội vụ".encode()
    decoded = decode_bytes(good + b"\xe1\xba" + b" tr\xc6\xb0\xe1\xbb\x9dng")  # one truncated letter
    assert decoded.encoding == "utf-8"
    assert [w.code for w in decoded.warnings] == [Code.W102_DECODE_ERRORS]
    assert decoded.text.count("\ufffd") == 1


def test_replacement_chars_already_in_utf8_warn_w102() -> None:
    decoded = decode_bytes("đảm bảo 80% hồ sơ điện t\ufffd".encode())
    assert decoded.encoding == "utf-8" and [w.code for w in decoded.warnings] == [Code.W102_DECODE_ERRORS]


def test_western_cp1252_is_guessed_not_vietnamese() -> None:
    decoded = decode_bytes("Año de gestión: revisión de trámites y atención al público.".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert "Windows-1252" in str(decoded.warnings[0])
    assert normalize_text(decoded.text).text == decoded.text


def test_utf16_big_endian_without_bom() -> None:
    decoded = decode_bytes(SOURCES["utf16le_nobom.txt"].encode("utf-16-be"))
    assert decoded.encoding == "utf-16-be" and decoded.text == SOURCES["utf16le_nobom.txt"]


def test_missing_file_is_e001(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as err:
        read_text_file(tmp_path / "khong-co.txt")
    assert err.value.code is Code.E001_NOT_FOUND


def test_directory_is_e006(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as err:
        read_text_file(tmp_path)
    assert err.value.code is Code.E006_READ_FAILED
