"""DOCX reader: body order, Word numbering rebuilt, merged table cells, revisions, .doc via LibreOffice."""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from extractor.errors import Code, ExtractionError
from extractor.ingest import read
from extractor.ingest.docx import read_docx
from extractor.ingest.tables import format_number

DOCS = Path(__file__).parent / "fixtures" / "docs"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice missing (Debian libreoffice-writer-nogui)"
)

NUMBERED = """\
ỦY BAN NHÂN DÂN TỈNH LAM SƠN
KẾ HOẠCH
Nâng cao Chỉ số cải cách hành chính năm 2024
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Phát huy kết quả đạt được năm 2023.
• Khắc phục hạn chế.
2. Yêu cầu
II. NHIỆM VỤ, GIẢI PHÁP
1. Chỉ số hài lòng (SIPAS)
1.1. Tồn tại, hạn chế
1.2. Nhiệm vụ, giải pháp
1.2.1. Về công khai thủ tục hành chính
a) Niêm yết công khai tại trụ sở.
b) Đăng tải trên Cổng thông tin điện tử.
1.2.2. Về giải quyết hồ sơ
a) Giải quyết đúng hạn.
Đơn vị chủ trì: Văn phòng Sở
Đơn vị phối hợp: Các phòng
| STT | Nội dung nhiệm vụ | Thời gian hoàn thành | Đơn vị chủ trì | Đơn vị phối hợp |
|---|---|---|---|---|
| I. CHỈ SỐ SIPAS | | | | |
| 1 | Rà soát thủ tục hành chính (theo Kế hoạch 126/KH-UBND) | Quý II/2024 | Văn phòng Sở | Các phòng |
| 2 | Công khai kết quả a/b | Thường xuyên | Văn phòng Sở | |
| II. CHỈ SỐ PAR INDEX | | | | |
| 3 | Cập nhật hồ sơ cán bộ | Năm 2024 | Phòng Tổ chức | Văn phòng Sở |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở
2. Các phòng
Đơn vị phối hợp:
1. Sở Nội vụ
2. Sở Tài chính
1. Báo cáo kết quả"""


def to_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_numbering_tables_and_paragraphs_come_out_as_a_reader_sees_them() -> None:
    path = DOCS / "numbered.docx"
    doc = read_docx(path, path.read_bytes())
    assert (doc.format, doc.page_count, doc.warnings) == ("docx", None, [])
    assert doc.pages == [NUMBERED]


def test_dispatch_reads_docx_through_the_package_entry_point() -> None:
    assert read(DOCS / "numbered.docx", max_bytes=10_000_000).pages == [NUMBERED]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (2, "lowerLetter", "b"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (7, "decimalZero", "07"),
        (5, "decimal", "5"),
        (5, "vietnameseCounting", "5"),
        (1, "none", ""),
    ],
)
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_revisions_hidden_text_hyperlinks_and_text_boxes() -> None:
    document = docx.Document()
    body = document.element.body
    body.append(
        parse_xml(
            f'<w:p {nsdecls("w", "r")}><w:r><w:t xml:space="preserve">Thời gian: </w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>Quý I</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>Quý II/2024</w:t></w:r></w:ins>'
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
            '<w:hyperlink r:id="rId99"><w:r><w:t> (xem cổng)</w:t></w:r></w:hyperlink>'
            "<w:r><w:tab/><w:t>Văn phòng Sở</w:t></w:r></w:p>"
        )
    )
    body.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Trong khung nội dung</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    doc = read_docx(Path("rev.docx"), to_bytes(document))
    assert doc.pages == ["Thời gian: Quý II/2024 (xem cổng)\tVăn phòng Sở\nTrong khung nội dung"]


def test_tcvn3_document_is_converted_with_a_warning() -> None:
    document = docx.Document()
    document.add_paragraph("KÕ ho¹ch n©ng cao chØ sè c¶i c¸ch hµnh chÝnh")
    doc = read_docx(Path("cu.docx"), to_bytes(document))
    assert doc.pages == ["Kế hoạch nâng cao chỉ số cải cách hành chính"]
    assert [str(w) for w in doc.warnings] == ["W104: văn bản mã TCVN3 đã được chuyển sang Unicode"]


def _zip_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "không phải docx")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"plain text, not a zip", "not a DOCX"),
        (_zip_without_document(), "not a readable DOCX"),
        ((DOCS / "numbered.docx").read_bytes()[:5000], "not a readable DOCX"),
    ],
    ids=["not-zip", "zip-without-document", "truncated"],
)
def test_bad_input_is_a_coded_one_line_error(data: bytes, needle: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_docx(Path("bad.docx"), data)
    assert caught.value.code is Code.E006_READ_FAILED
    assert needle in caught.value.message and "\n" not in caught.value.message


def test_doc_without_libreoffice_asks_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractor.ingest.docx.shutil.which", lambda name: None)
    path = DOCS / "numbered.doc"
    with pytest.raises(ExtractionError) as caught:
        read_docx(path, path.read_bytes())
    assert caught.value.code is Code.E007_MISSING_DEPENDENCY
    assert "libreoffice-writer-nogui" in caught.value.message


@pytest.mark.slow
@needs_soffice
def test_legacy_doc_is_converted_by_libreoffice() -> None:
    path = DOCS / "numbered.doc"
    doc = read_docx(path, path.read_bytes())
    assert doc.format == "docx"
    lines = doc.pages[0].split("\n")
    for expected in (
        "1.2.1. Về công khai thủ tục hành chính",
        "a) Giải quyết đúng hạn.",
        "• Khắc phục hạn chế.",
        "| I. CHỈ SỐ SIPAS | | | | |",
        "| 2 | Công khai kết quả a/b | Thường xuyên | Văn phòng Sở | |",
        "III. TỔ CHỨC THỰC HIỆN",
    ):
        assert expected in lines


@pytest.mark.slow
@needs_soffice
def test_doc_that_libreoffice_cannot_open_is_a_read_error() -> None:
    with pytest.raises(ExtractionError) as caught:
        read_docx(Path("hong.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert caught.value.code is Code.E006_READ_FAILED


TWO_ROW_HEADER = """\
PHỤ LỤC
| STT | Nhiệm vụ | Thời gian hoàn thành | Đơn vị thực hiện | |
|---|---|---|---|---|
| | | | Chủ trì | Phối hợp |
| (1) | (2) | (3) | (4) | (5) |
| I. CHỈ SỐ SIPAS | | | | |
| 1 | Rà soát quy trình nội bộ | Quý II/2024 | Văn phòng Sở | Các phòng |"""


def test_two_row_header_comes_back_from_word_merged_cells() -> None:
    """A header made as Word makes it — "Đơn vị thực hiện" spanning two columns (gridSpan), "STT" two
    rows (vMerge), the whole block repeated on each page (tblHeader) — reads as the plan's pipe rows."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
    from render_corpus import build_docx, parse_plan

    document = build_docx(parse_plan(TWO_ROW_HEADER))
    xml = document.element.body.xml
    assert xml.count("<w:tblHeader") == 3  # both header rows and the number row repeat
    assert xml.count('<w:gridSpan w:val="2"/>') == 1 and xml.count('<w:vMerge w:val="restart"/>') == 3
    doc = read_docx(Path("two-row.docx"), to_bytes(document))
    assert doc.pages == [TWO_ROW_HEADER]


def test_header_and_signature_tables_are_read_as_lines() -> None:
    """Set M: Word plans lay out the header and the signature in borderless tables (were pipe rows)."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH MINH GIANG\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 27/KH-SNNMT"
    header.cell(1, 1).text = "Minh Giang, ngày 23 tháng 01 năm 2026"
    document.add_paragraph("KẾ HOẠCH")
    tasks = document.add_table(rows=2, cols=2)
    for k, text in enumerate(["STT", "Nội dung", "1", "Rà soát"]):
        tasks.cell(k // 2, k % 2).text = text
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT, VP."
    sign.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Quang Vinh"
    text = read_docx(Path("m.docx"), to_bytes(document)).pages[0]
    assert text.splitlines() == [
        "UBND TỈNH MINH GIANG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 27/KH-SNNMT", "Minh Giang, ngày 23 tháng 01 năm 2026", "KẾ HOẠCH",
        "| STT | Nội dung |", "|---|---|", "| 1 | Rà soát |",
        "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Quang Vinh",
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # set N: a header laid out with tab stops (were read line by line, issuer and quốc hiệu run together)
        (["\tUBND TỈNH VÂN KHÁNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tSỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc",
          "\tSố: 08/KH-SYT\tVân Khánh, ngày 20 tháng 01 năm 2026", "KẾ HOẠCH"],
         ["UBND TỈNH VÂN KHÁNH", "SỞ Y TẾ", "Số: 08/KH-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Vân Khánh, ngày 20 tháng 01 năm 2026", "KẾ HOẠCH"]),
        # … and a signature beside "Nơi nhận" (the signer was lost, "KT. GIÁM ĐỐC" read as a recipient)
        (["Nơi nhận:\tKT. GIÁM ĐỐC", "- Sở Nội vụ (b/c);\tPHÓ GIÁM ĐỐC", "- Lưu: VT, VP.", "\tTrần Thị Minh Châu"],
         ["Nơi nhận:", "- Sở Nội vụ (b/c);", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Minh Châu"]),
        # tabs inside prose are left alone
        (["Thời gian:\tQuý II/2026", "Đơn vị chủ trì:\tVăn phòng Sở"],
         ["Thời gian:\tQuý II/2026", "Đơn vị chủ trì:\tVăn phòng Sở"]),
    ],
)
def test_columns_laid_out_with_tabs_are_read_column_by_column(lines: list[str], expected: list[str]) -> None:
    from extractor.ingest.tables import untab_columns

    assert untab_columns(lines) == expected


def test_columns_laid_out_with_spaces_in_a_text_file_are_read_column_by_column() -> None:
    """Regression (set H, h04): a signature typed beside "Nơi nhận" with runs of spaces; the signer was lost
    and "TM. ỦY BAN NHÂN DÂN" read as a recipient."""
    from extractor.ingest.tables import untab_columns

    lines = ["Nơi nhận:" + " " * 30 + "TM. ỦY BAN NHÂN DÂN", "- UBND huyện (b/c);" + " " * 20 + "CHỦ TỊCH",
             "- Lưu: VT.", " " * 45 + "Đặng Văn Hùng", "", "PHỤ LỤC"]
    assert untab_columns(lines, spaces=True) == [
        "Nơi nhận:", "- UBND huyện (b/c);", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đặng Văn Hùng", "",
        "PHỤ LỤC",
    ]
