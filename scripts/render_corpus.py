"""Render the text plans of ``corpora/plans`` to DOCX and PDF, so the readers are tested on real files.

Why: the gold answers are written against the text plans; rendering the same plans to Word and PDF
(and to an image-only "scan") lets a test check that ``extract(plan.pdf)`` gives the records of
``extract(plan.txt)``.  A line such as ``| 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | |`` is a
table row and becomes a real Word table (a ruled table in the PDF); ``I. MỤC ĐÍCH, YÊU CẦU`` becomes
a heading.  PDFs come from LibreOffice headless (Debian ``libreoffice-writer-nogui``).  Plans that
are Word files or web pages already (set M) are turned into PDFs too: Word through LibreOffice, a
page printed by headless Chromium.

Usage::

    python scripts/render_corpus.py [OUT_DIR] [--plans DIR] [--landscape-appendix STEM]
                                    [--scan STEM] [--docx-only] [--force]

Idempotent: a plan whose outputs are newer than the plan and this script is skipped; DOCX files
are written byte-for-byte the same on every run.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
FIXED_TIME = datetime(2024, 1, 1)
FONT = "Times New Roman"
SOFFICE_TIMEOUT_S = 300
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
_HEADING = re.compile(r"^(?:(?P<roman>[IVXLC]+)\.|(?P<num>\d+(?:\.\d+)*)\.)\s+\S")
_APPENDIX = re.compile(r"^\s*(?:\*\*)?PHỤ LỤC\b")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_BOLD_LINE = re.compile(r"^(\*\*|__)(?!.*\1.+\1).+\1$")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


@dataclass
class Block:
    """One unit of a plan: ``kind`` is title | heading | para | table; ``level`` for headings."""

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    appendix: bool = False
    bold: bool = False


def plain(line: str) -> tuple[str, bool]:
    """Markdown emphasis and heading marks off a line, and whether it was bold as a whole.

    >>> plain("**I. MỤC ĐÍCH, YÊU CẦU**")
    ('I. MỤC ĐÍCH, YÊU CẦU', True)
    >>> plain("## 1. Mục đích")
    ('1. Mục đích', False)
    """
    text = _MD_HEADING.sub("", line.strip())
    whole = bool(_MD_BOLD_LINE.match(text))
    return _MD_BOLD.sub(lambda m: m.group(1) or m.group(2), text).strip(), whole


def split_row(line: str) -> list[str]:
    """Cells of a pipe row: ``"| 1 | Rà soát | |"`` → ``["1", "Rà soát", ""]``."""
    inner = line.strip()[1:-1]
    return [cell.strip() for cell in inner.split("|")]


def parse_plan(text: str) -> list[Block]:
    """Cut a text plan into blocks; runs of pipe rows become one table block."""
    from extractor.normalize import fix_markdown, fix_tab_tables

    blocks: list[Block] = []
    in_appendix = False
    seen_title = False
    # markdown emphasis is rendered as plain text (the .md plans' "**…**" headings, "(*…*)" asides)
    for raw in fix_markdown(fix_tab_tables(text.replace("\r\n", "\n"))).splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        if _APPENDIX.match(line):
            in_appendix = True
        if _ROW.match(line):
            if _SEPARATOR.match(line):
                continue
            if not blocks or blocks[-1].kind != "table":
                blocks.append(Block("table", appendix=in_appendix))
            blocks[-1].rows.append([plain(cell)[0] for cell in split_row(line)])
            continue
        text, bold = plain(line)
        heading = _HEADING.match(text)
        if not seen_title and text in {"KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO", "CÔNG VĂN"}:
            seen_title = True
            blocks.append(Block("title", text, appendix=in_appendix))
        elif heading and len(text) <= 200:
            level = 1 if heading.group("roman") else 2 + heading.group("num").count(".")
            blocks.append(Block("heading", text, level=min(level, 4), appendix=in_appendix))
        else:
            blocks.append(Block("para", text, appendix=in_appendix, bold=bold))
    return blocks


def _set_font(style_element: object, size_pt: float, bold: bool | None = None) -> None:
    """Force a style to Times New Roman, black, dropping theme fonts (they override ``w:ascii``)."""
    style = style_element
    font = style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size_pt)
    font.color.rgb = None
    if bold is not None:
        font.bold = bold
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:eastAsia"), FONT)
        fonts.set(qn("w:cs"), FONT)


def new_document() -> DocxDocument:
    """A blank A4 document in the house style of Vietnamese plans (Times New Roman 13 pt)."""
    doc = Document()
    _set_font(doc.styles["Normal"], 13)
    for level in range(1, 5):
        _set_font(doc.styles[f"Heading {level}"], 13, bold=True)
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(56.7))
    props = doc.core_properties
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.author = props.last_modified_by = "plan-extractor"
    props.revision = 1
    return doc


# What scripts/eval_rendered.py and tests/test_rendered.py render besides DOCX + PDF of every plan.
STANDARD: dict[str, list[str]] = {
    "scan": ["a01_snv-lam-son-par-sipas", "b02_tan-hung-dan-van", "c03_sct-dong-linh-bon-chi-so"],
    "landscape": ["b05_bql-kcn-binh-son-pci"],
    # text pages, then the last page scanned: b01's is prose, d01's the end of its ruled appendix table
    "mixed": ["b01_thach-lam-cchc-sipas", "d01_ubnd-dong-khe-sipas-papi-phu-luc"],
    "tcvn3": ["a02_ubnd-tan-hoa-papi-sipas"],
}
MIN_ROW_CM = 3.0  # tall rows, so that every appendix table of a few rows crosses a page break


def set_min_height(row: object, cm: float) -> None:
    """Give a table row a minimum height (w:trHeight atLeast), as in appendices with roomy cells."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(round(cm / 2.54 * 1440)))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)


def mark_header_row(row: object) -> None:
    """Make a table row repeat at the top of every page, as plans' appendix tables do."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def add_table(doc: DocxDocument, rows: list[list[str]]) -> None:
    """A ruled Word table; a row with text only in its first cell spans all columns (group row).

    Every row of the header block (the header row, the sub-header rows under a spanned cell, the
    column-number row) repeats at the top of each page, so the PDF repeats all of it.  Its spans
    become merged cells, as Word plans are made: "Đơn vị thực hiện" over "Chủ trì | Phối hợp" spans
    two columns and "STT" over an empty sub-header cell two rows; the readers give them back as the
    pipe rows of the plan (the text in the first cell, the cells it covers empty).
    """
    from extractor.tables import header_size, is_column_number_row

    width = max(len(r) for r in rows)
    grid = [cells + [""] * (width - len(cells)) for cells in rows]
    head = header_size(grid)
    labels = next((k for k in range(head) if is_column_number_row(grid[k])), head)  # label rows on top
    table = doc.add_table(rows=0, cols=width)
    table.style = doc.styles["Table Grid"]
    for index, padded in enumerate(grid):
        row = table.add_row()
        if index < head:
            mark_header_row(row)
            continue
        set_min_height(row, MIN_ROW_CM)
        is_group = width > 2 and padded[0] and not any(padded[1:])
        if is_group:
            merged = row.cells[0].merge(row.cells[width - 1])
            merged.paragraphs[0].add_run(padded[0]).bold = True
            continue
        for cell, text in zip(row.cells, padded):
            cell.paragraphs[0].add_run(text).bold = False
    for top, left, bottom, right in header_spans(grid[:labels]):
        table.cell(top, left).merge(table.cell(bottom, right))
    for index in range(head):
        for j, text in enumerate(grid[index]):
            if text:
                table.cell(index, j).paragraphs[0].add_run(text).bold = True


def header_spans(labels: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """Merged cells of a header of several label rows: (top, left, bottom, right), inclusive.

    >>> header_spans([["STT", "Nhiệm vụ", "Đơn vị thực hiện", ""], ["", "", "Chủ trì", "Phối hợp"]])
    [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)]

    A labelled cell spans the empty cells to its right that have a label below them, and the empty
    cells below it when nothing below is labelled.
    """
    spans: list[tuple[int, int, int, int]] = []
    covered: set[tuple[int, int]] = set()
    last = len(labels) - 1
    for top, row in enumerate(labels):
        for left, text in enumerate(row):
            if not text or (top, left) in covered:
                continue
            right = left
            while right + 1 < len(row) and not row[right + 1] and any(r[right + 1] for r in labels[top + 1 :]):
                right += 1
            below = any(r[j] for r in labels[top + 1 :] for j in range(left, right + 1))
            bottom = top if below else last
            cells = {(i, j) for i in range(top, bottom + 1) for j in range(left, right + 1)}
            if len(cells) == 1 or cells & covered:
                continue
            spans.append((top, left, bottom, right))
            covered |= cells
    return spans


def set_landscape(section: object) -> None:
    """Turn a section to landscape A4 (width and height swapped, as Word does)."""
    sec = section
    sec.orientation = WD_ORIENT.LANDSCAPE  # type: ignore[attr-defined]
    sec.page_width, sec.page_height = Pt(841.9), Pt(595.3)  # type: ignore[attr-defined]


def build_docx(blocks: list[Block], landscape_appendix: bool = False) -> DocxDocument:
    """Lay blocks out as Word paragraphs, headings and tables."""
    doc = new_document()
    turned = False
    for block in blocks:
        if landscape_appendix and block.appendix and not turned:
            set_landscape(doc.add_section(WD_SECTION.NEW_PAGE))
            turned = True
        if block.kind == "table":
            add_table(doc, block.rows)
        elif block.kind == "heading":
            doc.add_paragraph(block.text, style=f"Heading {block.level}")
        elif block.kind == "title":
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(block.text).bold = True
        else:
            doc.add_paragraph().add_run(block.text).bold = block.bold or None
    return doc


def save_deterministic(doc: DocxDocument, path: Path) -> None:
    """Save a DOCX whose bytes do not depend on the clock (fixed zip timestamps)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def soffice_convert(inputs: list[Path], outdir: Path, target: str = "pdf") -> list[Path]:
    """Convert files with LibreOffice headless, in a private profile so runs never share a lock."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: install Debian libreoffice-writer-nogui")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, inputs),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
    ext = target.split(":")[0]
    outputs = [outdir / f"{p.stem}.{ext}" for p in inputs]
    missing = [str(p) for p in outputs if not p.is_file()]
    if missing:
        raise SystemExit(f"LibreOffice produced no output for {', '.join(missing)}")
    return outputs


def chromium_print(pages: list[Path], outdir: Path) -> list[Path]:
    """Print web pages to PDF with headless Chromium, as a user saves a portal's plan ("In" → PDF)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium not found: install Debian chromium")
    outdir.mkdir(parents=True, exist_ok=True)
    outputs = []
    for page in pages:
        pdf = outdir / f"{page.stem}.pdf"
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
        if not pdf.is_file():
            raise SystemExit(f"Chromium produced no output for {page}")
        outputs.append(pdf)
    return outputs


def render_native(plans: list[Path], out: Path, force: bool) -> list[Path]:
    """The plans that are already Word files or web pages, as PDFs: Word through LibreOffice, a page printed
    by Chromium (the PDF an agency exports, the copy a user saves from a portal)."""
    stale = [p for p in plans if force or _stale([out / f"{p.stem}.pdf"], [p, Path(__file__)])]
    words = [p for p in stale if p.suffix == ".docx"]
    pages = [p for p in stale if p.suffix in (".html", ".htm")]
    return (soffice_convert(words, out) if words else []) + (chromium_print(pages, out) if pages else [])


def mixed_pdf(pdf: Path, out: Path, dpi: int = 200) -> None:
    """Text pages, then the last page as a scan: a plan whose appendix was scanned and appended."""
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        scanned = Path(tmp) / "scan.pdf"
        image_only_pdf(pdf, scanned, dpi)
        source, scan = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument(str(scanned))
        target = pdfium.PdfDocument.new()
        try:
            last = len(source) - 1
            if last > 0:
                target.import_pages(source, list(range(last)))
            target.import_pages(scan, [last])
            target.save(str(out))
        finally:
            target.close()
            scan.close()
            source.close()


def tcvn3_text(plan: Path, out: Path) -> None:
    """The plan as a TCVN3 (ABC, .VnTime) byte file, as old Word documents saved to text were."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_encodings", ROOT / "tests" / "fixtures" / "encodings" / "make_encodings.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table = module._inverse(module.TCVN3.pairs)
    # TCVN3 has no toned capitals: ".VnTimeH" drew them from the lower-case bytes, which is what we write
    table |= {ch: table[ch.lower()] for ch in map(chr, range(0xC0, 0x1EFA)) if ch not in table and ch.lower() in table}
    text = unicodedata.normalize("NFC", plan.read_text(encoding="utf-8-sig"))
    out.write_bytes(module.to_legacy(text, table))


def image_only_pdf(pdf: Path, out: Path, dpi: int = 200) -> None:
    """Rasterise every page and wrap the images in a PDF with no text layer (a "scanned" plan)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(pdf))
    target = pdfium.PdfDocument.new()
    try:
        for index in range(len(source)):
            page = source[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            one = io.BytesIO()
            image.save(one, format="PDF", resolution=float(dpi))
            del image
            single = pdfium.PdfDocument(one.getvalue())
            target.import_pages(single)
            single.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        target.save(str(out))
    finally:
        target.close()
        source.close()


def _stale(outputs: list[Path], inputs: list[Path]) -> bool:
    newest = max(p.stat().st_mtime for p in inputs)
    return any(not p.is_file() or p.stat().st_mtime < newest for p in outputs)


def render(
    plans: list[Path],
    out: Path,
    landscape: set[str],
    scans: set[str],
    docx_only: bool,
    force: bool,
    extras: dict[str, set[str]] | None = None,
) -> list[Path]:
    """Render each plan; return the files written (skipped plans write nothing).

    ``extras``: {"mixed": stems whose last page becomes a scan, "tcvn3": stems also written in TCVN3}.
    """
    extras = extras or {}
    written: list[Path] = []
    to_pdf: list[Path] = []
    for plan in plans:
        docx_path = out / f"{plan.stem}.docx"
        wanted = [docx_path] if docx_only else [docx_path, out / f"{plan.stem}.pdf"]
        if plan.stem in scans and not docx_only:
            wanted.append(out / f"{plan.stem}.scan.pdf")
        if plan.stem in extras.get("mixed", set()) and not docx_only:
            wanted.append(out / f"{plan.stem}.mixed.pdf")
        if not force and not _stale(wanted, [plan, Path(__file__)]):
            continue
        blocks = parse_plan(plan.read_text(encoding="utf-8-sig"))
        if plan.stem in landscape and not any(b.appendix for b in blocks):
            first = next((i for i, b in enumerate(blocks) if b.kind == "table"), len(blocks))
            for block in blocks[first:]:  # no "PHỤ LỤC" heading: the tables are the appendix
                block.appendix = True
        save_deterministic(build_docx(blocks, plan.stem in landscape), docx_path)
        written.append(docx_path)
        to_pdf.append(docx_path)
    if docx_only or not to_pdf:
        return written
    for pdf in soffice_convert(to_pdf, out):
        written.append(pdf)
        if pdf.stem in scans:
            scan = out / f"{pdf.stem}.scan.pdf"
            image_only_pdf(pdf, scan)
            written.append(scan)
        if pdf.stem in extras.get("mixed", set()):
            mixed = out / f"{pdf.stem}.mixed.pdf"
            mixed_pdf(pdf, mixed)
            written.append(mixed)
    for plan in plans:
        if plan.stem in extras.get("tcvn3", set()):
            legacy = out / f"{plan.stem}.tcvn3.txt"
            tcvn3_text(plan, legacy)
            written.append(legacy)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "rendered")
    parser.add_argument("--plans", type=Path, default=ROOT / "corpora" / "plans")
    parser.add_argument(
        "--landscape-appendix",
        action="append",
        default=[],
        metavar="STEM",
        help="put this plan's appendix (from 'PHỤ LỤC') on landscape pages",
    )
    parser.add_argument(
        "--scan",
        action="append",
        default=[],
        metavar="STEM",
        help="also write STEM.scan.pdf, an image-only PDF of this plan",
    )
    parser.add_argument("--mixed", action="append", default=[], metavar="STEM",
                        help="also write STEM.mixed.pdf: text pages with the last page scanned")
    parser.add_argument("--tcvn3", action="append", default=[], metavar="STEM",
                        help="also write STEM.tcvn3.txt, the plan in the legacy TCVN3 encoding")
    parser.add_argument("--standard", action="store_true",
                        help="the set the evaluation uses: " + ", ".join(f"{k}={v}" for k, v in STANDARD.items()))
    parser.add_argument("--docx-only", action="store_true", help="skip LibreOffice (no PDF)")
    parser.add_argument("--force", action="store_true", help="rebuild even when outputs are current")
    args = parser.parse_args(argv)
    plans = sorted(p for p in args.plans.glob("*") if p.suffix in {".txt", ".md"})
    if not plans:
        print(f"no plans in {args.plans}", file=sys.stderr)
        return 1
    known = {p.stem for p in plans}
    if args.standard:
        args.scan += STANDARD["scan"]
        args.landscape_appendix += STANDARD["landscape"]
        args.mixed += STANDARD["mixed"]
        args.tcvn3 += STANDARD["tcvn3"]
    unknown = (set(args.landscape_appendix) | set(args.scan) | set(args.mixed) | set(args.tcvn3)) - known
    if unknown:
        print(f"unknown plan(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    written = render(
        plans, args.out, set(args.landscape_appendix), set(args.scan), args.docx_only, args.force,
        {"mixed": set(args.mixed), "tcvn3": set(args.tcvn3)},
    )
    if not args.docx_only:
        native = sorted(p for p in args.plans.glob("*") if p.suffix in {".docx", ".html", ".htm"})
        written += render_native(native, args.out, args.force)
    for path in written:
        print(path)
    print(f"{len(written)} file(s) written, {len(plans)} plan(s) in {args.plans}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
