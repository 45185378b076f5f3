"""Document facts from the header block: regressions found by the blind sets, one case each."""

from __future__ import annotations

import pytest

from extractor.fields.header import HeaderFacts, extract_header
from extractor.normalize import comparable

HEAD = ("UBND TỈNH LƯƠNG PHÚ\nSỞ VĂN HÓA VÀ THỂ THAO\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n")


def _facts(text: str) -> HeaderFacts:
    return extract_header(text, comparable(text), len(text))


@pytest.mark.parametrize(
    ("date_line", "place", "issued"),
    [
        ("Lương Phú, ngày 08 tháng 7 năm 2024", "Lương Phú", "2024-07-08"),
        ("Lương Phú, ngày      tháng 7 năm 2024", "Lương Phú", None),  # an unsigned draft: place, no date
        ("Lương Phú, ngày ... tháng ... năm 2024", "Lương Phú", None),
    ],
)
def test_place_and_date(date_line: str, place: str, issued: str | None) -> None:
    facts = _facts(HEAD + f"Số: 12/KH-SVHTT\n\n{date_line}\n\nKẾ HOẠCH\nNâng cao Chỉ số SIPAS năm 2024\n")
    assert (facts.place, facts.issued_date) == (place, issued)


def test_title_line_ending_in_a_comma_goes_on() -> None:
    """Regression (set J): "… (PAR INDEX)," then "Chỉ số SIPAS … năm 2025" is one title."""
    text = HEAD + ("KẾ HOẠCH\nKhắc phục tồn tại, hạn chế và nâng cao Chỉ số cải cách hành chính (PAR INDEX),\n"
                   "Chỉ số SIPAS năm 2025 của Sở Văn hóa và Thể thao\n\nCăn cứ Kế hoạch số 4/KH-UBND;\n")
    assert _facts(text).title == ("Khắc phục tồn tại, hạn chế và nâng cao Chỉ số cải cách hành chính (PAR INDEX), "
                                  "Chỉ số SIPAS năm 2025 của Sở Văn hóa và Thể thao")


def test_issuer_spelled_out_in_the_body_wins_over_header_abbreviations() -> None:
    """Regression (set J): header "PHÒNG CẢNH SÁT QLHC VỀ TTXH", body names it in full."""
    text = ("CÔNG AN TỈNH QUẢNG LẠC\nPHÒNG CẢNH SÁT QLHC VỀ TTXH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            "Số: 15/KH-PC06\n\nQuảng Lạc, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\nKhắc phục tồn tại Chỉ số SIPAS\n\n"
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội xây dựng Kế hoạch thực hiện như sau:\n")
    facts = _facts(text)
    assert facts.issuer is not None
    assert facts.issuer.value == "Phòng Cảnh sát quản lý hành chính về trật tự xã hội"


@pytest.mark.parametrize(
    ("opening", "doc_type"),
    [
        ("Để cải thiện Chỉ số SIPAS, Ủy ban nhân dân huyện Sơn Hà ban hành Kế hoạch với các nội dung sau:", "Kế hoạch"),
        ("Sở Nội vụ xây dựng Kế hoạch thực hiện như sau:", "Kế hoạch"),
        ("Để cải thiện Chỉ số SIPAS, các phòng chuyên môn triển khai các nội dung sau:", None),
    ],
)
def test_type_of_a_plan_copied_without_its_header(opening: str, doc_type: str | None) -> None:
    """Regression (sets E, G): no header block, no number — the opening says what the document is."""
    text = "Thực hiện Kế hoạch số 2315/KH-UBND ngày 08/5/2024 của UBND tỉnh Lạc Giang;\n" + opening + "\nI. MỤC ĐÍCH\n"
    assert _facts(text).type == doc_type


@pytest.mark.parametrize(
    ("opening", "issuers"),
    [
        ("Căn cứ Kế hoạch số 12/KH-SKHĐT ngày 02/01/2025 của Sở Kế hoạch và Đầu tư về cải thiện PCI;",
         ["Sở Kế hoạch và Đầu tư"]),  # regression: was cut at "và"
        ("Căn cứ Báo cáo số 27/BC-VCCI ngày 22/4/2025 của Liên đoàn Thương mại và Công nghiệp Việt Nam về PCI;",
         ["Liên đoàn Thương mại và Công nghiệp Việt Nam"]),  # regression (set K): a report was no citation
        ("Thực hiện Kế hoạch số 5/KH-UBND ngày 03/01/2025 của UBND tỉnh và kết quả Chỉ số PCI năm 2024;",
         ["UBND tỉnh"]),
        ("Căn cứ Quyết định số 7/QĐ-UBND của UBND tỉnh và Kế hoạch số 9/KH-UBND của UBND huyện;",
         ["UBND tỉnh", "UBND huyện"]),
    ],
)
def test_citation_issuers(opening: str, issuers: list[str]) -> None:
    from extractor.fields.citations import extract_based_on

    text = opening + "\nI. MỤC ĐÍCH\n"
    assert [b.issuer for b in extract_based_on(text, len(opening), None)] == issuers


def test_joint_plan_is_issued_by_the_first_agency_of_its_header() -> None:
    """Regression (set L): a "KẾ HOẠCH PHỐI HỢP" of the UBND xã and the Mặt trận; the second header line
    was read as the issuer (and cased "việt NAM"), the type as "Kế hoạch", the title lost."""
    text = ("ỦY BAN NHÂN DÂN XÃ THẠNH LỘC\nBAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ THẠNH LỘC\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 14/KH-UBND-MTTQ\n\nThạnh Lộc, ngày 25 tháng 8 năm 2025\n\n"
            "KẾ HOẠCH PHỐI HỢP\nThực hiện công tác dân vận chính quyền năm 2025\n\n"
            "Căn cứ Hướng dẫn số 21-HD/BTGDVTU ngày 15/7/2025;\n")
    facts = _facts(text)
    assert facts.issuer is not None
    assert (facts.type, facts.title, facts.issuer.value) == (
        "Kế hoạch phối hợp", "Thực hiện công tác dân vận chính quyền năm 2025", "Ủy ban nhân dân xã Thạnh Lộc"
    )


def test_a_letter_subject_going_on_below_its_v_v_line() -> None:
    """Regression (set Q): "V/v triển khai các giải pháp nâng cao" / "Chỉ số PAPI năm 2026" was cut at the line."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN MỸ KHÁNH\n\nSố: 312/UBND-NV\nV/v triển khai các giải pháp nâng cao\n"
            "Chỉ số PAPI năm 2026 trên địa bàn huyện\n\nKính gửi: Ủy ban nhân dân các xã, thị trấn.\n")
    facts = _facts(text)
    assert (facts.type, facts.title) == (
        "Công văn", "triển khai các giải pháp nâng cao Chỉ số PAPI năm 2026 trên địa bàn huyện"
    )
