"""The ordered stages — ingest → normalize → segment → fields → records — for one document.

Why only here: each stage is a function from one typed value to the next and knows nothing of the
others; this module runs them in order, turns a stage's unexpected failure into a coded warning
(E008) instead of a traceback, and puts the pieces into one :class:`Extraction`.  For example a
"Kế hoạch số 18/KH-SNN" given as a .txt, .docx or .pdf goes through the same stages after ingest.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extractor import ingest
from extractor.errors import Code, ExtractionError, Warning_
from extractor.fields.citations import extract_based_on
from extractor.fields.header import extract_header
from extractor.fields.indices import distinct_in_order, find_indices
from extractor.fields.scores import extract_scores
from extractor.fields.signature import extract_recipients, extract_signer
from extractor.normalize import normalize_text
from extractor.records import build_records
from extractor.schema import Document, Extraction, Record, Score, Source
from extractor.segment import segment
from extractor.settings import Settings

PAGE_SEPARATOR = "\n\f\n"


@dataclass(frozen=True)
class Normalized:
    """The one normalised text of a document and where each page starts in it."""

    text: str
    page_starts: list[int]
    warnings: list[Warning_]

    def page_of(self, offset: int) -> int:
        return bisect.bisect_right(self.page_starts, offset)


def normalize_pages(raw: ingest.RawDocument) -> Normalized:
    """Normalise page by page (offsets stay per page), then join with a form feed between pages."""
    parts: list[str] = []
    starts: list[int] = []
    warnings: list[Warning_] = []
    pos = 0
    for page in raw.pages:
        result = normalize_text(page, join_wraps=not raw.paragraph_lines, find_legacy=not raw.legacy_checked)
        starts.append(pos)
        parts.append(result.text)
        pos += len(result.text) + len(PAGE_SEPARATOR)
        for w in result.warnings:
            if w not in warnings:
                warnings.append(w)
    return Normalized(PAGE_SEPARATOR.join(parts), starts, warnings)


def _empty_document() -> Document:
    return Document(
        number=None, type=None, title=None, issuer=None, place=None, issued_date=None, year=None,
        indices=[], based_on=[], signer=None, recipients=[],
    )


def analyse(norm: Normalized) -> tuple[Document, list[Record], list[Score], list[Warning_]]:
    """Segment the text and extract the document facts, the records and the scores."""
    text = norm.text
    warnings: list[Warning_] = []
    seg = segment(text)
    key = seg.key
    preamble_end = seg.root.children[0].start if seg.root.children else seg.body_end
    facts = extract_header(text, key, preamble_end)
    built = build_records(seg, facts.year)
    warnings.extend(built.warnings)
    body_indices = [r for r in find_indices(key) if seg.outside_tails(r.start)]
    tail = seg.tail_text()
    document = Document(
        number=facts.number.value if facts.number else None,
        type=facts.type,
        title=facts.title,
        issuer=facts.issuer.value if facts.issuer else None,
        place=facts.place,
        issued_date=facts.issued_date,
        year=facts.year,
        indices=distinct_in_order(body_indices),
        based_on=extract_based_on(text, preamble_end, facts.number.value if facts.number else None),
        signer=extract_signer(tail, facts.issuer.value if facts.issuer else None),
        recipients=extract_recipients(tail),
    )
    if facts.year_guessed and facts.year is not None:
        warnings.append(Warning_(Code.W205_YEAR_GUESSED, f"năm kế hoạch lấy từ ngày ban hành: {facts.year}"))
    if facts.issuer is None:
        warnings.append(Warning_(Code.W207_ISSUER_GUESSED, "không tìm thấy cơ quan ban hành"))
    if not seg.root.children and document.type is None:
        warnings.append(Warning_(Code.W201_NO_PLAN, "văn bản không có cấu trúc kế hoạch (không có mục đánh số)"))
    elif not built.records:
        warnings.append(Warning_(Code.W202_NO_RECORDS, "không tìm thấy nhiệm vụ hay trách nhiệm nào"))
    records = []
    for r in built.records:
        span = r.span.model_copy(update={"page": norm.page_of(r.span.start) if len(norm.page_starts) > 1 else None})
        records.append(r.model_copy(update={"span": span}))
    scores = extract_scores(key, 0, seg.body_end, facts.year)
    return document, records, scores, warnings


def extract(path: Path | str, settings: Settings | None = None) -> Extraction:
    """Extract one file; never raises for bad input — the failure is a coded warning in the result."""
    settings = settings or Settings()
    path = Path(path)
    try:
        raw = read_document(path, settings)
    except ExtractionError as exc:
        return failed(path, exc)
    except Exception as exc:  # a reader bug or a library's own error on a strange file
        return failed(path, ExtractionError(Code.E006_READ_FAILED, f"cannot read file: {type(exc).__name__}: {exc}"))
    pages = raw.page_count if raw.format == "pdf" else None
    source = Source(path=str(path), sha256=raw.sha256, format=raw.format, pages=pages)  # type: ignore[arg-type]
    warnings = list(raw.warnings)
    try:
        norm = normalize_pages(raw)
        warnings.extend(w for w in norm.warnings if w not in warnings)
        document, records, scores, more = analyse(norm)
        warnings.extend(more)
    except Exception as exc:  # a bug in a stage must not lose the batch: report it, keep going
        warnings.append(Warning_(Code.E008_STAGE_FAILED, f"lỗi nội bộ khi phân tích: {type(exc).__name__}: {exc}"))
        document, records, scores = _empty_document(), [], []
    return Extraction(
        source=source, document=document, records=records, scores=scores, warnings=[str(w) for w in warnings]
    )


def read_document(path: Path, settings: Settings) -> ingest.RawDocument:
    """Ingest with the size limits of ``settings`` (text formats have a lower one)."""
    limit = settings.max_bytes
    suffix = path.suffix.lower()
    if suffix in ingest.TEXT_SUFFIXES or suffix in ingest.HTML_SUFFIXES or suffix == "":
        limit = settings.max_text_bytes
    return ingest.read(path, limit, ocr=settings.ocr)


def failed(path: Path, exc: ExtractionError) -> Extraction:
    """The output written for a file that could not be read: no records, the error as a warning."""
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        sha = ""
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"htm": "html", "markdown": "md", "doc": "docx", "text": "txt"}.get(suffix, suffix)
    known: dict[str, Literal["pdf", "txt", "docx", "html", "md"]] = {
        "pdf": "pdf", "txt": "txt", "docx": "docx", "html": "html", "md": "md"
    }
    source = Source(path=str(path), sha256=sha, format=known.get(fmt), pages=None)
    return Extraction(source=source, document=_empty_document(), records=[], scores=[], warnings=[str(exc)])


def extract_many(paths: Iterable[Path | str], settings: Settings | None = None) -> Iterator[Extraction]:
    """Extract files one after another, lazily: a generator, so memory stays flat."""
    for path in paths:
        yield extract(path, settings)
