"""PDF reader: page texts, pipe rows of ruled tables across page breaks, headers, legacy fonts, OCR.

Fixtures are built by ``tests/fixtures/docs/make_fixtures.py`` (LibreOffice renders the PDFs).
"""

from __future__ import annotations

import difflib
import hashlib
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractor.errors import Code, ExtractionError
from extractor.fixing import GOES_ON
from extractor.ingest import RawDocument, ocr, read
from extractor.ingest.pdf import _drop_running_lines, _Page, read_pdf
from extractor.ingest.tables import clean_cell, merge_continuation, render_row, render_table
from extractor.layout import wrap_width

DOCS = Path(__file__).parent / "fixtures" / "docs"
HEAD = ["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"]
FILLER = (
    "Sở tiếp tục quán triệt, triển khai các nhiệm vụ cải cách hành chính, gắn với trách nhiệm",
    "của người đứng đầu; rà soát, đánh giá kết quả các tiêu chí bị mất điểm năm 2023.",
)
LONG_TASK = " ".join(f"Nội dung {k}: tổ chức khảo sát mức độ hài lòng của người dân." for k in range(1, 15))
SCAN_PAGES = (
    "KẾ HOẠCH\nCải thiện Chỉ số cải cách hành chính năm 2024\nI. MỤC ĐÍCH, YÊU CẦU\n"
    "Nâng cao chất lượng phục vụ người dân và doanh nghiệp.",
    "II. NHIỆM VỤ, GIẢI PHÁP\nRà soát, công khai thủ tục hành chính.\nIII. TỔ CHỨC THỰC HIỆN\n"
    "Văn phòng Sở theo dõi, tổng hợp kết quả.",
)
needs_tesseract = pytest.mark.skipif(
    not ocr.available(),
    reason="Tesseract with 'vie' is not installed (Debian tesseract-ocr tesseract-ocr-vie)",
)


def load(name: str) -> tuple[Path, bytes]:
    path = DOCS / name
    return path, path.read_bytes()


def read_fixture(name: str, **options: str) -> RawDocument:
    path, data = load(name)
    return read_pdf(path, data, **options)


def expected_plan_page_1() -> str:
    lines = [
        "KẾ HOẠCH",
        "Cải thiện Chỉ số cải cách hành chính (PAR INDEX) năm 2024",
        "I. NHIỆM VỤ, GIẢI PHÁP",
    ]
    for k in range(1, 9):  # the first line reaches the margin: the reader marks it as going on
        lines += [f"{k}. {FILLER[0]}{GOES_ON}", FILLER[1]]
    lines += [render_row(HEAD), "|---|---|---|---|---|", "| I. CHỈ SỐ SIPAS | | | | |"]
    for k in range(1, 9):
        lines.append(
            f"| {k} | Rà soát, công khai thủ tục hành chính nhóm {k} | Quý {k % 4 + 1}/2024 "
            "| Văn phòng Sở | Các phòng |"
        )
    lines.append(f"| 9 | {LONG_TASK} | Tháng 12/2024 | Phòng Tổ chức - Biên chế | Văn phòng Sở |")
    lines += [
        "| II. CHỈ SỐ PAR INDEX | | | | |",
        "| 10 | Cập nhật hồ sơ cán bộ, công chức | Năm 2024 | Phòng Tổ chức | Văn phòng Sở |",
    ]
    return "\n".join(lines)


APPENDIX = (
    "PHỤ LỤC\n| STT | Chỉ số | Điểm năm 2023 | Mục tiêu năm 2024 |\n|---|---|---|---|\n"
    "| 1 | PAR INDEX | 81,45 | 85 |\n| 2 | SIPAS | 77,21 | 80 |\nGhi chú: số liệu do Sở Nội vụ tổng hợp."
)


def test_table_crossing_two_page_breaks_is_rendered_once_where_it_starts() -> None:
    path, data = load("plan_table.pdf")
    doc = read_pdf(path, data)
    assert (doc.path, doc.format, doc.page_count, doc.warnings) == (str(path), "pdf", 4, [])
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.pages[0] == expected_plan_page_1()
    assert doc.pages[1] == ""  # page 2 holds only the middle of the table
    assert (
        doc.pages[2] == "II. TỔ CHỨC THỰC HIỆN\nCác phòng, đơn vị thuộc Sở triển khai thực hiện Kế hoạch này."
    )


def test_landscape_page_keeps_its_table_and_text_in_order() -> None:
    assert read_fixture("plan_table.pdf").pages[3] == APPENDIX


def test_running_header_and_page_numbers_are_removed() -> None:
    text = "\n".join(read_fixture("plan_table.pdf").pages)
    assert "Kế hoạch số 25/KH-SNV của Sở Nội vụ" not in text
    assert "Trang" not in text


def test_rotated_page_maps_table_regions_through_rotate_90() -> None:
    doc = read_fixture("rotated.pdf")
    # one page: nothing repeats, so the header stays; "Trang 4/4" is a page number and goes
    assert doc.pages == ["Kế hoạch số 25/KH-SNV của Sở Nội vụ\n" + APPENDIX]


def test_rules_drawn_as_filled_rectangles_make_a_table() -> None:
    assert read_fixture("filled_rules.pdf").pages == [
        "KE HOACH cai thien chi so PAR INDEX\n| STT | Noi dung | Thoi gian | Chu tri |\n|---|---|---|---|\n"
        "| 1 | Ra soat TTHC | Quy II/2024 | Van phong |\n"
        "| 2 | Cong khai ket qua | Thuong xuyen | Cac phong |\n"
        "Ghi chu: bang ke duoc ve bang hinh chu nhat to kin."
    ]


@pytest.mark.parametrize("name", ["plan_table.pdf", "rotated.pdf", "filled_rules.pdf"])
def test_rules_engine_gives_what_pdfplumber_gives(name: str) -> None:
    assert read_fixture(name).pages == read_fixture(name, tables="pdfplumber").pages


def test_legacy_tcvn3_page_is_converted_and_named_in_the_warning() -> None:
    doc = read_fixture("legacy_tcvn3.pdf")
    assert doc.pages == [
        "Kế hoạch\nKế hoạch cải cách hành chính năm 2024 của Sở Nông nghiệp\n"
        "Thực hiện các nhiệm vụ nâng cao chỉ số hài lòng của tổ chức, doanh nghiệp."
    ]
    assert [str(w) for w in doc.warnings] == ["W104: trang 1: văn bản mã TCVN3 đã được chuyển sang Unicode"]


def _truncated() -> bytes:
    return (DOCS / "plan_table.pdf").read_bytes()[:20000]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"<html>not a pdf</html>", "not a PDF"),
        (_truncated(), "truncated"),
        ((DOCS / "encrypted.pdf").read_bytes(), "encrypted"),
        (b"%PDF-1.7\n1 0 obj garbage endobj\ntrailer\n%%EOF\n", "cannot be parsed"),
    ],
    ids=["not-pdf", "truncated", "encrypted", "corrupt"],
)
def test_bad_input_is_a_coded_one_line_error(data: bytes, needle: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_pdf(Path("bad.pdf"), data)
    assert caught.value.code is Code.E006_READ_FAILED
    assert needle in caught.value.message and "\n" not in caught.value.message


def test_unknown_modes_are_refused() -> None:
    with pytest.raises(ValueError):
        read_fixture("plan_table.pdf", ocr="sometimes")
    with pytest.raises(ValueError):
        read_fixture("plan_table.pdf", tables="camelot")


def test_dispatch_reads_pdf_through_the_package_entry_point() -> None:
    doc = read(DOCS / "plan_table.pdf", max_bytes=10_000_000)
    assert doc.format == "pdf" and doc.page_count == 4


def test_ocr_never_leaves_scanned_pages_empty_without_needing_tesseract() -> None:
    doc = read_fixture("scanned.pdf", ocr="never")
    assert doc.pages == ["", ""] and doc.warnings == []


def test_missing_tesseract_fails_only_when_a_page_needs_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractor.ingest.ocr.shutil.which", lambda name: None)
    assert read_fixture("plan_table.pdf").page_count == 4
    with pytest.raises(ExtractionError) as caught:
        read_fixture("mixed.pdf")
    assert caught.value.code is Code.E007_MISSING_DEPENDENCY
    assert "tesseract-ocr tesseract-ocr-vie" in caught.value.message


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


@pytest.mark.slow
@needs_tesseract
def test_scanned_pdf_is_ocrd_page_by_page_with_confidence() -> None:
    doc = read_fixture("scanned.pdf")
    assert doc.page_count == 2
    for text, expected in zip(doc.pages, SCAN_PAGES):
        assert _similar(text, expected) > 0.9, text
    assert [w.code for w in doc.warnings] == [Code.W107_OCR_USED] * 2
    assert (
        doc.warnings[1].message.startswith("trang 2: ") and "độ tin cậy trung bình" in doc.warnings[1].message
    )


@pytest.mark.slow
@needs_tesseract
def test_mixed_pdf_reads_text_layer_and_ocrs_only_the_scanned_page() -> None:
    doc = read_fixture("mixed.pdf")
    assert doc.pages[0] == SCAN_PAGES[0]
    assert _similar(doc.pages[1], SCAN_PAGES[1]) > 0.9
    assert len(doc.warnings) == 1 and doc.warnings[0].message.startswith("trang 2: ")
    assert len(read_fixture("mixed.pdf", ocr="always").warnings) == 2


@pytest.mark.slow
@needs_tesseract
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) missing")
def test_scanned_appendix_table_comes_back_as_a_table(tmp_path: Path) -> None:
    """a05 (a ruled task table across two pages) rendered, rasterised at 300 dpi with no text layer:
    the OCR'd table gives the records of the text, columns and all (they used to come out as lines)."""
    import json

    sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
    import render_corpus

    from extractor.evaluate import score_document
    from extractor.pipeline import extract

    root = Path(__file__).parents[1] / "corpora"
    plan = root / "plans" / "a05_sxd-phu-lam-sipas-par-table.md"
    source = tmp_path / "src"
    source.mkdir()
    shutil.copyfile(plan, source / plan.name)
    subprocess.run([sys.executable, str(Path(render_corpus.__file__)), str(tmp_path), "--plans", str(source)],
                   check=True, capture_output=True, timeout=600)
    scan = tmp_path / "a05.scan.pdf"
    render_corpus.image_only_pdf(tmp_path / f"{plan.stem}.pdf", scan, 300)
    raw = read_pdf(scan, scan.read_bytes())
    assert sum(text.count("\n| ") for text in raw.pages) >= 8, raw.pages  # the rows, as pipe rows
    gold = json.loads((root / "gold" / f"{plan.stem}.json").read_text(encoding="utf-8"))
    score = score_document(gold, json.loads(extract(scan).model_dump_json()))
    assert score["gold"] == score["pred"] == score["matched"] == 10
    for field in ("solution", "lead", "coord", "timeline_raw"):
        values = [v for v in score["fields"][field] if v is not None]
        assert sum(values) / len(values) >= 0.9, (field, values)


def test_clean_cell_joins_lines_and_escapes_pipes() -> None:
    assert clean_cell("Rà soát thủ tục\nhành chính") == "Rà soát thủ tục hành chính"
    assert clean_cell("Phòng KH-\nTC-TTNN") == "Phòng KH-TC-TTNN"
    assert clean_cell("Kế hoạch -\nTài chính") == "Kế hoạch - Tài chính"
    assert clean_cell("a|b") == "a/b" and clean_cell(None) == ""


@pytest.mark.parametrize(
    ("tail", "merged_rows"),
    [
        (
            [HEAD, ["", "hành chính", "", "", "Sở"], ["2", "b", "", "", ""]],
            [["1", "Rà soát thủ tục hành chính", "Quý I", "VP", "Các phòng Sở"], ["2", "b", "", "", ""]],
        ),
        (
            [["2", "b", "", "", ""]],
            [["1", "Rà soát thủ tục", "Quý I", "VP", "Các phòng"], ["2", "b", "", "", ""]],
        ),
    ],
    ids=["repeated-header-and-split-row", "clean-break"],
)
def test_merge_continuation(tail: list[list[str]], merged_rows: list[list[str]]) -> None:
    head = [HEAD, ["1", "Rà soát thủ tục", "Quý I", "VP", "Các phòng"]]
    assert merge_continuation(head, tail) == [HEAD, *merged_rows]


HEAD_2 = [
    ["STT", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị thực hiện", ""],
    ["", "", "", "Chủ trì", "Phối hợp"],
]
NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)"]
ROW_1 = ["1", "Rà soát thủ tục", "Quý I", "VP", "Các phòng"]
ROW_2 = ["2", "b", "", "", ""]


@pytest.mark.parametrize(
    ("head", "tail", "merged"),
    [
        (
            [*HEAD_2, NUMBERS, ROW_1],
            [*HEAD_2, NUMBERS, ["", "hành chính", "", "", "Sở"], ["2", "b", "", "", ""]],
            [*HEAD_2, NUMBERS, ["1", "Rà soát thủ tục hành chính", "Quý I", "VP", "Các phòng Sở"], ROW_2],
        ),
        (
            [*HEAD_2, ROW_1],
            [*HEAD_2, ["", "hành chính", "", "", ""], ["2", "b", "", "", ""]],
            [*HEAD_2, ["1", "Rà soát thủ tục hành chính", "Quý I", "VP", "Các phòng"], ["2", "b", "", "", ""]],
        ),
        (  # Word told to repeat only the first header row
            [*HEAD_2, NUMBERS, ROW_1],
            [HEAD_2[0], ["2", "b", "", "", ""]],
            [*HEAD_2, NUMBERS, ROW_1, ["2", "b", "", "", ""]],
        ),
        (  # the page above held only the header block: a first row without STT is no cut row
            [*HEAD_2, NUMBERS],
            [*HEAD_2, NUMBERS, ["", "Tuyên truyền Kế hoạch", "Quý II", "VP", ""]],
            [*HEAD_2, NUMBERS, ["", "Tuyên truyền Kế hoạch", "Quý II", "VP", ""]],
        ),
        (  # the header's text read with other line breaks on the next page
            [*HEAD_2, ROW_1],
            [["STT", "Nhiệm vụ", "Thời gian  hoàn thành", "Đơn vị thực hiện", ""], HEAD_2[1], ["2", "b", "", "", ""]],
            [*HEAD_2, ROW_1, ["2", "b", "", "", ""]],
        ),
    ],
    ids=[
        "regression-two-row-header-and-number-row-repeated-and-split-row",
        "two-row-header-repeated-and-split-row",
        "only-the-first-header-row-repeated",
        "header-block-alone-above-the-break",
        "repeated-header-whitespace",
    ],
)
def test_merge_continuation_with_a_header_block(
    head: list[list[str]], tail: list[list[str]], merged: list[list[str]]
) -> None:
    assert merge_continuation(head, tail) == merged


def test_group_row_renders_one_cell_and_blanks() -> None:
    table = render_table([HEAD, ["I. CHỈ SỐ SIPAS", "", "", "", ""]])
    assert table.splitlines()[2] == "| I. CHỈ SỐ SIPAS | | | | |"


def _repeat_pages(source: Path, count: int) -> bytes:
    src, out = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    while len(out) < count:
        out.import_pages(src, list(range(min(len(src), count - len(out)))))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) missing")
def test_render_corpus_round_trip(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "p1.txt").write_text(
        "KẾ HOẠCH\nNâng cao Chỉ số SIPAS năm 2024\n\nI. NHIỆM VỤ\n\nPHỤ LỤC\n\n"
        "| STT | Nội dung nhiệm vụ | Thời gian hoàn thành | Đơn vị chủ trì | Đơn vị phối hợp |\n"
        "|---|---|---|---|---|\n| I. CHỈ SỐ SIPAS | | | | |\n"
        "| 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | |\n",
        encoding="utf-8",
    )
    script = Path(__file__).parents[1] / "scripts" / "render_corpus.py"
    cmd = [
        sys.executable,
        str(script),
        str(tmp_path / "out"),
        "--plans",
        str(plans),
        "--landscape-appendix",
        "p1",
        "--scan",
        "p1",
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "out" / "p1.pdf"
    doc = read_pdf(pdf, pdf.read_bytes(), ocr="never")
    text = "\n".join(doc.pages)
    assert "| I. CHỈ SỐ SIPAS | | | | |\n| 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | |" in text
    scan = tmp_path / "out" / "p1.scan.pdf"
    assert read_pdf(scan, scan.read_bytes(), ocr="never").pages == ["", ""]
    again = subprocess.run(cmd, check=True, capture_output=True, timeout=300, text=True)
    assert again.stdout == ""  # idempotent: nothing is rebuilt when the outputs are current


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) missing")
def test_two_row_header_repeated_on_every_page_is_read_once(tmp_path: Path) -> None:
    """Word repeats the two header rows and the number row on each page; the PDF's rows are the plan's."""
    from extractor.pipeline import extract

    plans = tmp_path / "plans"
    plans.mkdir()
    rows = [
        f"| {k} | Rà soát thủ tục hành chính nhóm {k} | Quý {'I' * (1 + k % 3)}/2024 | Phòng {k} | Văn phòng Sở |"
        for k in range(1, 11)
    ]
    table = [
        "| STT | Nhiệm vụ | Thời gian hoàn thành | Đơn vị thực hiện | |",
        "|---|---|---|---|---|",
        "| | | | Chủ trì | Phối hợp |",
        "| (1) | (2) | (3) | (4) | (5) |",
        "| I | CHỈ SỐ SIPAS | | | |",
        *rows,
    ]
    plan = plans / "p2.txt"
    opening = "KẾ HOẠCH\nNâng cao Chỉ số SIPAS năm 2024\n\nPHỤ LỤC\n\n"
    plan.write_text(opening + "\n".join(table) + "\n", encoding="utf-8")
    script = Path(__file__).parents[1] / "scripts" / "render_corpus.py"
    subprocess.run([sys.executable, str(script), str(tmp_path / "out"), "--plans", str(plans)], check=True,
                   capture_output=True, timeout=300)
    pdf = tmp_path / "out" / "p2.pdf"
    doc = read_pdf(pdf, pdf.read_bytes(), ocr="never")
    assert doc.page_count >= 2
    raw = pdfium.PdfDocument(str(pdf))
    assert all("Phối hợp" in raw[n].get_textpage().get_text_range() for n in range(1, len(raw)))  # repeated
    assert [r for r in "\n".join(doc.pages).splitlines() if r.startswith("|")] == table
    got = [(r.id, r.timeline.raw, r.lead_units, r.coordinating_units) for r in extract(pdf).records]
    assert got == [(r.id, r.timeline.raw, r.lead_units, r.coordinating_units) for r in extract(plan).records]
    assert len(got) == 10 and got[0][3] == ["Văn phòng Sở"]


def _page(top: list[str], body: list[str]) -> _Page:
    return _Page([list(body)], top=list(top), bottom=[])


def test_numbered_headings_at_page_tops_are_not_running_headers() -> None:
    # regression: digits were masked wholesale, so "1.2. …" and "2.2. …" looked like one header
    pages = [
        _page(["Kế hoạch số 25/KH-SNV", "Trang 1/3"], ["Kế hoạch số 25/KH-SNV", "Trang 1/3", "Mở đầu"]),
        _page(["1.2. Nhiệm vụ, giải pháp", "Trang 2/3"], ["1.2. Nhiệm vụ, giải pháp", "Trang 2/3", "a"]),
        _page(
            ["Kế hoạch số 25/KH-SNV", "2.2. Nhiệm vụ, giải pháp"],
            ["Kế hoạch số 25/KH-SNV", "2.2. Nhiệm vụ, giải pháp"],
        ),
    ]
    _drop_running_lines(pages)
    assert [p.items for p in pages] == [
        [["Mở đầu"]],
        [["1.2. Nhiệm vụ, giải pháp", "a"]],
        [["2.2. Nhiệm vụ, giải pháp"]],
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) missing")
def test_rendered_corpus_reads_back_line_for_line(tmp_path: Path) -> None:
    """Every plan of corpora/plans, rendered to PDF: its prose lines and pipe rows come back."""
    from extractor.layout import _PAGE_NUMBER
    from extractor.normalize import fix_tab_tables, normalize_text

    plans = Path(__file__).parents[1] / "corpora" / "plans"
    if not any(plans.glob("*.txt")):
        pytest.skip("no plans in corpora/plans")
    script = Path(__file__).parents[1] / "scripts" / "render_corpus.py"
    subprocess.run(
        [sys.executable, str(script), str(tmp_path), "--plans", str(plans)],
        check=True,
        capture_output=True,
        timeout=600,
    )

    def norm(text: str) -> str:
        text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
        return " ".join(unicodedata.normalize("NFC", re.sub(r"^#{1,6}\s+", "", text)).split())

    # plans typed as copies of a PDF (e01, e05, e06) hold page numbers and running headers as body lines;
    # they are read back too (regression: the line above such a page number used to be taken with it)
    for plan in sorted(p for p in plans.iterdir() if p.suffix in {".txt", ".md"}):
        source = normalize_text(fix_tab_tables(plan.read_text(encoding="utf-8-sig").replace("\r\n", "\n"))).text
        lines = [norm(line) for line in source.splitlines() if line.strip()]
        pdf = tmp_path / f"{plan.stem}.pdf"
        text = "\n".join(read_pdf(pdf, pdf.read_bytes(), ocr="never").pages)
        rows = [norm(r) for r in text.splitlines() if r.startswith("| ")]
        assert rows == [r for r in lines if r.startswith("| ")], plan.name
        raw_lines = [line.strip() for line in plan.read_text(encoding="utf-8-sig").splitlines()]
        if wrap_width(raw_lines) is not None and any(_PAGE_NUMBER.match(line) for line in raw_lines):
            # a hard-wrapped copy of a PDF with its page numbers (p06): the renderer makes every wrapped line
            # a paragraph of its own, so a wrap before a capital stays a break in the PDF, rightly
            continue
        body = norm(normalize_text(text).text)
        prose = [
            line for line in lines
            if not line.startswith("|") and not _PAGE_NUMBER.match(line) and any(c.isalpha() for c in line)
        ]
        assert [line for line in prose if line not in body] == [], plan.name  # page numbers: the reader drops them


def test_cell_merged_down_repeats_and_a_group_row_stays_empty() -> None:
    """Regression (set M printed to PDF): a lead cell merged over two task rows left the second without lead."""
    from extractor.ingest.tables import fill_merged_down

    boxes = [
        [(0, 0, 10, 10), (10, 0, 50, 10), (50, 0, 90, 10)],  # header
        [(0, 10, 50, 20), None, None],  # a group row spanning the table
        [(0, 20, 10, 40), (10, 20, 50, 40), (50, 20, 90, 70)],  # the lead cell reaches down over the next row
        [(0, 40, 10, 70), (10, 40, 50, 70), None],
    ]
    rows = [["STT", "Nội dung", "Chủ trì"], ["I. CHỈ SỐ PAPI", None, None], ["1", "Công khai", "Văn phòng"],
            ["2", "Đối thoại", None]]
    assert fill_merged_down(rows, boxes) == [
        ["STT", "Nội dung", "Chủ trì"], ["I. CHỈ SỐ PAPI", None, None], ["1", "Công khai", "Văn phòng"],
        ["2", "Đối thoại", "Văn phòng"],
    ]


def test_lines_are_measured_by_character_boxes_when_the_rectangles_do_not_line_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fallback of the line geometry: the same marks and margins as with pdfium's text rectangles."""
    from extractor.ingest import pdf as reader

    path, data = load("plan_table.pdf")
    with_rects = read_pdf(path, data).pages
    monkeypatch.setattr(reader, "_line_boxes", lambda raw, parts: None)
    assert read_pdf(path, data).pages == with_rects
