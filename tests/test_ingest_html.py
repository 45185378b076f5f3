"""HTML reader: article only, blocks as lines, tables as pipe rows, charsets."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extractor.errors import Code
from extractor.ingest import read
from extractor.ingest.html import decode_html, read_html

DOCS = Path(__file__).parent / "fixtures" / "docs"

PORTAL = """\
Kế hoạch cải thiện Chỉ số PAR INDEX năm 2024
Ngày 14/3/2024, Sở Nội vụ ban hành Kế hoạch số 25/KH-SNV về cải thiện, nâng cao Chỉ số cải cách hành \
chính (PAR INDEX) năm 2024.
I. MỤC ĐÍCH, YÊU CẦU
Xác định rõ nhiệm vụ, giải pháp\xa0và trách nhiệm của từng phòng, đơn vị thuộc Sở.
Phấn đấu năm 2024 Chỉ số PAR INDEX đạt từ 85 điểm trở lên.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát thủ tục hành chính.
2. Công khai kết quả giải quyết hồ sơ.
- Thời gian: Thường xuyên.
| STT | Nội dung nhiệm vụ | Thời gian hoàn thành | Đơn vị chủ trì | Đơn vị phối hợp |
|---|---|---|---|---|
| I. CHỈ SỐ SIPAS | | | | |
| 1 | Rà soát TTHC (theo Kế hoạch 126/KH-UBND) | Quý II/2024 | Văn phòng Sở | Các phòng |
| 2 | Công khai a/b | Thường xuyên | Văn phòng Sở | |
Nơi nhận:
- Sở Nội vụ;
- Lưu: VT."""


def html(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def text_of(data: bytes) -> str:
    return read_html(Path("p.html"), data).pages[0]


def test_portal_article_without_menus_sidebar_footer_or_scripts() -> None:
    doc = read_html(DOCS / "portal.html", (DOCS / "portal.html").read_bytes())
    assert (doc.format, doc.page_count, doc.warnings) == ("html", None, [])
    assert doc.pages == [PORTAL]


def test_windows_1258_page_declared_by_http_equiv_reads_the_same() -> None:
    doc = read(DOCS / "portal_cp1258.html", max_bytes=1_000_000)
    assert doc.warnings == []
    assert unicodedata.normalize("NFC", doc.pages[0]) == PORTAL


def test_without_article_the_element_with_most_paragraph_text_wins() -> None:
    body = (
        '<div id="top"><p>Trang chủ của cổng thông tin điện tử tỉnh Lam Sơn.</p></div>'
        '<table><tr><td class="left"><a href="/">Giới thiệu</a></td><td><div id="noidung">'
        "<p>KẾ HOẠCH nâng cao Chỉ số hài lòng của người dân năm 2024.</p>"
        "<p>Các phòng, đơn vị triển khai thực hiện nghiêm túc kế hoạch này.</p>"
        "<p>Văn phòng Sở theo dõi, tổng hợp, báo cáo kết quả thực hiện.</p></div></td></tr></table>"
    )
    assert text_of(html(body)) == (
        "KẾ HOẠCH nâng cao Chỉ số hài lòng của người dân năm 2024.\n"
        "Các phòng, đơn vị triển khai thực hiện nghiêm túc kế hoạch này.\n"
        "Văn phòng Sở theo dõi, tổng hợp, báo cáo kết quả thực hiện."
    )


def test_rowspan_colspan_and_layout_tables() -> None:
    body = (
        "<article><table><tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th></tr>"
        "<tr><td>1</td><td>Rà soát</td><td rowspan=2>Văn phòng Sở</td></tr>"
        "<tr><td>2</td><td>Công khai</td></tr>"
        "<tr><td colspan=3>II. CHỈ SỐ PAPI</td></tr></table>"
        "<table><tr><td><p>Một cột</p><p>là khung trình bày</p></td></tr></table></article>"
    )
    assert text_of(html(body)) == (
        "| STT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Rà soát | Văn phòng Sở |\n"
        "| 2 | Công khai | Văn phòng Sở |\n| II. CHỈ SỐ PAPI | | |\nMột cột\nlà khung trình bày"
    )


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # set M: the header and the signature laid out in Word tables pasted into a page (were pipe rows)
        ([["<p>UBND TỈNH TÂY LĨNH</p><p>SỞ TÀI CHÍNH</p>", "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"],
          ["Số: 98/KH-STC", "Tây Lĩnh, ngày 05 tháng 3 năm 2025"]],
         "UBND TỈNH TÂY LĨNH\nSỞ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 98/KH-STC\n"
         "Tây Lĩnh, ngày 05 tháng 3 năm 2025"),
        ([["<p>Nơi nhận:</p><p>- Sở Nội vụ;</p><p>- Lưu: VT.</p>", "<p>KT. GIÁM ĐỐC</p><p>PHÓ GIÁM ĐỐC</p>"]],
         "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
        # a small table of data stays a table
        ([["STT", "Nội dung"], ["1", "Rà soát thủ tục"]], "| STT | Nội dung |\n|---|---|\n| 1 | Rà soát thủ tục |"),
    ],
)
def test_layout_tables_of_header_and_signature_are_read_as_lines(cells: list[list[str]], expected: str) -> None:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
    assert text_of(html(f"<article><table>{rows}</table></article>")) == expected


def test_ordered_list_types_and_start() -> None:
    body = '<article><ol type="a"><li>Niêm yết</li><li>Đăng tải</li></ol><ol start="3"><li>Ba</li></ol>'
    body += "</article>"
    assert text_of(html(body)) == "a. Niêm yết\nb. Đăng tải\n3. Ba"


def test_header_inside_article_is_kept_but_site_header_is_dropped() -> None:
    body = (
        "<header>Cổng thông tin</header><article><header><h1>KẾ HOẠCH</h1></header><p>Nội dung</p>"
        "<footer>Tác giả: Văn phòng</footer></article><footer>Bản quyền</footer>"
    )
    assert text_of(html(body)) == "KẾ HOẠCH\nNội dung\nTác giả: Văn phòng"


def test_tcvn3_page_is_converted_with_a_warning() -> None:
    doc = read_html(
        Path("cu.html"), html("<article><p>KÕ ho¹ch n©ng cao chØ sè c¶i c¸ch hµnh chÝnh</p></article>")
    )
    assert doc.pages == ["Kế hoạch nâng cao chỉ số cải cách hành chính"]
    assert [w.code for w in doc.warnings] == [Code.W104_LEGACY_ENCODING]


@pytest.mark.parametrize(
    ("data", "text", "codes"),
    [
        (b"\xef\xbb\xbf<p>K\xe1\xba\xbf ho\xe1\xba\xa1ch</p>", "Kế hoạch", []),
        ("<p>Kế hoạch</p>".encode("utf-16-le").join([b"\xff\xfe", b""]), "Kế hoạch", []),
        ('<meta charset="bogus-8"><p>Kế hoạch</p>'.encode(), "Kế hoạch", [Code.W101_ENCODING_GUESSED]),
        (b'<meta charset="utf-8"><p>K\xe1\xba\xbf \xff</p>', "Kế \ufffd", [Code.W102_DECODE_ERRORS]),
        ("<p>Lam Sơn, Văn</p>".encode("cp1258"), "Lam Sơn, Văn", [Code.W101_ENCODING_GUESSED]),
        ('<?xml version="1.0" encoding="windows-1258"?><p>Sơn</p>'.encode("cp1258"), "Sơn", []),
    ],
    ids=["utf8-bom", "utf16-bom", "unknown-charset", "bad-bytes", "undeclared-1258", "xml-declaration"],
)
def test_decoding(data: bytes, text: str, codes: list[Code]) -> None:
    decoded, warnings = decode_html(data)
    assert text in decoded
    assert [w.code for w in warnings] == codes


def test_malformed_markup_is_forgiven() -> None:
    body = "<article><p>Mục đích<p>Yêu cầu<ul><li>Một<li>Hai</ul><div>Kết thúc</span></article>"
    assert text_of(html(body)) == "Mục đích\nYêu cầu\n- Một\n- Hai\nKết thúc"


def test_teaser_articles_in_a_news_list_lose_to_the_real_content() -> None:
    teaser = "<article><p>Tin ngắn: hội nghị tổng kết năm 2023 của ngành nội vụ.</p></article>"
    content = "".join(
        f"<p>Đoạn {k}: các phòng, đơn vị triển khai thực hiện nghiêm túc kế hoạch.</p>" for k in (1, 2, 3)
    )
    text = text_of(html(f'<div class="list">{teaser}</div><div id="noidung">{content}</div>'))
    assert text.startswith("Đoạn 1:") and "Tin ngắn" not in text


def test_thousands_of_unclosed_tags_do_not_exhaust_the_stack() -> None:
    assert text_of(html("<article>" + "<font>" * 5000 + "Kế hoạch</article>")) == "Kế hoạch"
