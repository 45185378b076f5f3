"""OCR of scanned pages with Tesseract's Vietnamese model (Debian ``tesseract-ocr tesseract-ocr-vie``).

Why a subprocess and not a binding: the ``tesseract`` program is the one dependency CI installs
anyway, its TSV output gives the text and a confidence per word in one run, and a crash in it cannot
take the extractor down.  A page is rendered at 300 dpi in grey (what Tesseract is trained on), sent
on stdin as PGM and forgotten; ``OMP_THREAD_LIMIT=1`` stops Tesseract's OpenMP threads from
fighting the batch runner's own processes.  A scanned page of a plan comes back as, e.g.,
``"KẾ HOẠCH\\nCải thiện Chỉ số cải cách hành chính năm 2024"`` with a mean confidence near 90.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from extractor.errors import Code, ExtractionError
from extractor.ingest.deskew import deskew
from extractor.ingest.external import run
from extractor.ingest.ocr_layout import (
    Block,
    blank_cells,
    blocks,
    cell_images,
    cell_rects,
    cell_text,
    edges_of,
    erase,
    lines_of,
    parse_words,
    ruling_runs,
)

LANGUAGE = "vie"
DPI = 300
TIMEOUT_S = 180
INSTALL_HINT = "install Debian tesseract-ocr tesseract-ocr-vie"


@dataclass(frozen=True)
class OcrResult:
    """Text of one page (lines joined by ``\\n``, a blank line between paragraphs) and its quality.

    ``blocks``: the same page as text lines and ruled tables in reading order (:mod:`.ocr_layout`);
    a page without rules is one block of lines.
    """

    text: str
    confidence: float
    words: int
    blocks: tuple[Block, ...] = ()
    skew: float = 0.0  # degrees the page was turned to straighten it (:mod:`.deskew`)


@lru_cache(maxsize=4)
def _languages(binary: str) -> frozenset[str]:
    try:
        done = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (done.stdout + done.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def tesseract() -> str:
    """Path of a Tesseract that has the Vietnamese model, or :class:`ExtractionError` E007."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise ExtractionError(Code.E007_MISSING_DEPENDENCY, f"OCR needs Tesseract: {INSTALL_HINT}")
    if LANGUAGE not in _languages(binary):
        raise ExtractionError(
            Code.E007_MISSING_DEPENDENCY, f"Tesseract has no '{LANGUAGE}' model: {INSTALL_HINT}"
        )
    return binary


def available() -> bool:
    """Whether OCR can run here (used by tests to skip, never to decide silently)."""
    try:
        tesseract()
    except ExtractionError:
        return False
    return True


def parse_tsv(tsv: str) -> OcrResult:
    """Rebuild lines and paragraphs from Tesseract's TSV and average the word confidences.

    >>> row = "\\t".join(["5", "1", "1", "1", "1", "{w}", "0", "0", "9", "9", "{c}", "{t}"])
    >>> head = "level page block par line word left top width height conf text".replace(" ", "\\t")
    >>> parse_tsv("\\n".join([head, row.format(w=1, c=90, t="Kế"), row.format(w=2, c=80, t="hoạch")]))
    OcrResult(text='Kế hoạch', confidence=85.0, words=2, blocks=(), skew=0.0)
    """
    words = parse_words(tsv)
    confidences = [w.confidence for w in words if w.confidence >= 0]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult("\n".join(lines_of(words)), round(mean, 1), len(confidences))


def ocr_image(image: Any, page_number: int) -> OcrResult:
    """OCR one PIL image; a failing or hanging Tesseract is :class:`ExtractionError` E006.

    Ruling lines are looked for first: when they draw a table, its cells are read one by one (in
    the same Tesseract run as the page around them) and come back as the table's grid.
    """
    grey, skew = deskew(image.convert("L"))
    runs = ruling_runs(grey, DPI)
    edges = edges_of(runs, DPI) if runs else []
    cells = cell_rects(edges) if edges else []
    if not cells:
        return replace(parse_tsv(_tesseract_tsv([grey], page_number)[0]), skew=skew)
    clean = erase(grey, runs)
    pages = _tesseract_tsv([blank_cells(clean, cells, DPI)], page_number)
    # a cell is one block of text: mode 6 keeps the lone "2" of an STT cell that page mode drops as noise
    pages += _tesseract_tsv(cell_images(clean, cells, DPI), page_number, psm=6)
    words = [parse_words(tsv) for tsv in pages]  # the page around the tables, then each cell
    texts = {rect: cell_text(cell) for rect, cell in zip(cells, words[1:], strict=True)}
    found = blocks(words[0], edges, texts, DPI)
    scored = [w.confidence for page in words for w in page if w.confidence >= 0]
    text = "\n".join(
        "\n".join(b) if isinstance(b, list) else "\n".join(" ".join(row) for row in b[1]) for b in found
    )
    mean = round(sum(scored) / len(scored), 1) if scored else 0.0
    return OcrResult(text, mean, len(scored), tuple(found), skew)


def _tesseract_tsv(images: list[Any], page_number: int, psm: int = 3) -> list[str]:
    """One Tesseract run over the images (the model loads once); the TSV of each image, in order."""
    import tempfile

    binary = tesseract()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="extractor-ocr-") as tmp:
        if len(images) == 1:
            buffer = io.BytesIO()
            images[0].save(buffer, format="PPM")
            source, data = "stdin", buffer.getvalue()
        else:
            names = []
            for i, img in enumerate(images):
                name = os.path.join(tmp, f"{i:04d}.pgm")
                img.save(name, format="PPM")
                names.append(name)
            source, data = os.path.join(tmp, "images.txt"), None
            with open(source, "w", encoding="utf-8") as fh:
                fh.write("\n".join(names) + "\n")
        cmd = [binary, source, "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "--psm", str(psm), "tsv"]
        limit = TIMEOUT_S * len(images) ** 0.5  # a table page sends a hundred small cell images more
        done = run(cmd, f"Tesseract (OCR of page {page_number})", limit, input=data, env=env)
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise ExtractionError(Code.E006_READ_FAILED, f"OCR of page {page_number} failed: {tail[0]}")
    return _split_pages(done.stdout.decode("utf-8", "replace"), len(images))


def _split_pages(tsv: str, count: int) -> list[str]:
    """Tesseract's TSV of several images, cut into one TSV per image (column 2 is the image number)."""
    lines = tsv.splitlines()
    head = lines[0] if lines else ""
    out: list[list[str]] = [[] for _ in range(count)]
    for row in lines[1:]:
        cols = row.split("\t", 2)
        if len(cols) > 1 and cols[1].isdigit() and 1 <= int(cols[1]) <= count:
            out[int(cols[1]) - 1].append(row)
    return ["\n".join([head, *rows]) for rows in out]


def ocr_pdf_page(page: Any, page_number: int) -> OcrResult:
    """Render a pypdfium2 page at :data:`DPI` in grey and OCR it; the bitmap is freed at once."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        image = bitmap.to_pil()
        return ocr_image(image, page_number)
    finally:
        bitmap.close()
