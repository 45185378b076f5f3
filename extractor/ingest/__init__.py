"""Readers: one file → :class:`RawDocument` (page texts before normalisation).

Why one shape for every format: the rest of the pipeline only ever sees page texts, so a PDF, a DOCX
and a .txt of the same plan give the same records.  Tables are rendered into the page text as
Markdown pipe rows (``| 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | |``), which the text
segmenter already reads.  Readers for heavy formats are imported lazily, only when a file needs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import Code, ExtractionError, Warning_

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
PDF_SUFFIXES = {".pdf": "pdf"}
DOCX_SUFFIXES = {".docx": "docx", ".doc": "docx"}


@dataclass
class RawDocument:
    """What a reader hands on: the input's identity and its text, one string per page.

    ``pages`` has one element for formats without pages (txt, md, html, docx); ``page_count`` is then
    ``None`` as the contract asks.  ``warnings`` carries what the reader had to guess (an encoding,
    an OCR'd page).  ``paragraph_lines``: every line is a paragraph of the source (Word), so no line
    break is a hard wrap to undo — "2. Thanh tra Sở, các đơn vị trực thuộc" stays a heading even
    though it ends in a word that usually goes on ("thuộc").
    """

    path: str
    sha256: str
    format: str
    pages: list[str]
    page_count: int | None = None
    warnings: list[Warning_] = field(default_factory=list)
    paragraph_lines: bool = False
    legacy_checked: bool = False  # the reader already looked for TCVN3/VNI text (PDF fonts, page by page)


Reader = Callable[[Path, bytes, str], RawDocument]


def _read_text(path: Path, data: bytes, ocr: str) -> RawDocument:
    from extractor.ingest.tables import untab_columns
    from extractor.ingest.text import decode_bytes

    decoded = decode_bytes(data)
    fmt = TEXT_SUFFIXES.get(path.suffix.lower(), "txt")
    text = decoded.text
    if "    " in text or "\t" in text:  # a header or signature laid out in columns of spaces (text from a PDF)
        text = "\n".join(untab_columns(text.split("\n"), spaces=True))
    return RawDocument(str(path), _sha256(data), fmt, [text], None, list(decoded.warnings))


def _read_html(path: Path, data: bytes, ocr: str) -> RawDocument:
    from extractor.ingest.html import read_html

    return read_html(path, data)


def _read_pdf(path: Path, data: bytes, ocr: str) -> RawDocument:
    from extractor.ingest.pdf import read_pdf

    return read_pdf(path, data, ocr=ocr)


def _read_docx(path: Path, data: bytes, ocr: str) -> RawDocument:
    from extractor.ingest.docx import read_docx

    return read_docx(path, data)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reader_for(path: Path) -> Reader:
    """Pick the reader by extension; an unknown extension is a clear error, not a guess."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix == "":
        return _read_text
    if suffix in HTML_SUFFIXES:
        return _read_html
    if suffix in PDF_SUFFIXES:
        return _read_pdf
    if suffix in DOCX_SUFFIXES:
        return _read_docx
    raise ExtractionError(
        Code.E002_UNSUPPORTED_FORMAT,
        f"định dạng không hỗ trợ '{suffix}' (supported: .txt .md .html .pdf .docx .doc)",
    )


def read(path: Path, max_bytes: int, ocr: str = "auto") -> RawDocument:
    """Read one file into a :class:`RawDocument`, or raise :class:`ExtractionError` with a code."""
    if not path.is_file():
        raise ExtractionError(Code.E001_NOT_FOUND, f"no such file: {path}")
    reader = reader_for(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise ExtractionError(
            Code.E005_TOO_LARGE, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit"
        )
    if size == 0:
        raise ExtractionError(Code.E003_EMPTY, "file is empty")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(Code.E006_READ_FAILED, f"cannot read file: {exc.strerror}") from exc
    return reader(path, data, ocr)
