"""Write the two set Q plans that are not plain text: a Word file and a portal page.

    q03_bqlkcn-trang-ninh-pci-ddci-phu-luc-nhom-chu.docx   Ban Quản lý các khu công nghiệp: a landscape
                                                            appendix table "TT | Nhiệm vụ | Cơ quan chủ trì |
                                                            Cơ quan phối hợp | Thời hạn | Ghi chú" with group
                                                            rows "A" / "B", one per index
    q04_ttpvhcc-ky-lam-sipas-ol-li-br.html                  Trung tâm Phục vụ hành chính công on a portal: the
                                                            tasks as <ol><li>, the labels after <br> in each <li>

Every province, agency, number and person is invented. Run from anywhere:

    .venv/bin/python corpora/sources/make_set_q.py

The Word and HTML helpers are those of plangen.py in this folder (shared with sets M, N and P), so the output
is deterministic: fixed core properties, zip timestamps and app.xml, no thumbnail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plangen import (
    OUT,
    N,
    add_par,
    header_table,
    html_letterhead,
    html_signoff,
    landscape_section,
    new_document,
    page,
    save_docx,
    signature_table,
    signer,
    task_table,
    title_block,
)

# --------------------------------------------------------------------------------------------------
# q03: Ban Quản lý các khu công nghiệp tỉnh Tràng Ninh, PCI + DDCI 2026, appendix table with A/B groups
# --------------------------------------------------------------------------------------------------

Q03_ROWS = [
    ("A", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"),
    ("1", "Rút ngắn thời gian cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp xuống còn "
          "10 ngày làm việc", "Phòng Quản lý đầu tư", "Văn phòng Ban", "Quý II/2026",
     "Chỉ số thành phần Chi phí thời gian"),
    ("2", "Công khai quy trình, thời hạn thẩm định hồ sơ môi trường trên Trang thông tin điện tử của Ban; tiếp "
          "nhận phản ánh về chi phí không chính thức qua đường dây nóng", "Phòng Quản lý môi trường",
     "Văn phòng Ban", "Trước 31/5/2026", ""),
    ("3", "Tổ chức hội nghị đối thoại với doanh nghiệp trong các khu công nghiệp về thủ tục đầu tư, xây dựng, "
          "lao động", "Văn phòng Ban",
     "Phòng Quản lý lao động, Phòng Quản lý quy hoạch và xây dựng; Hiệp hội Doanh nghiệp tỉnh",
     "Định kỳ 6 tháng", ""),
    ("B", "Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)"),
    ("1", "Ban hành quy chế tiếp nhận, trả lời kiến nghị của doanh nghiệp, bảo đảm trả lời trong 07 ngày làm "
          "việc", "Văn phòng Ban", "Các phòng chuyên môn", "Trong tháng 4/2026", "Nhiệm vụ chuyển tiếp từ năm 2025"),
    ("2", "Theo dõi, đôn đốc việc trả lời kiến nghị; công khai kết quả trả lời trên Trang thông tin điện tử của "
          "Ban", None, "", "Thường xuyên", ""),
    ("3", "Lãnh đạo Ban làm việc trực tiếp với doanh nghiệp có dự án chậm tiến độ để tháo gỡ vướng mắc",
     "Lãnh đạo Ban", "Phòng Quản lý đầu tư, Phòng Quản lý quy hoạch và xây dựng", "Từ tháng 3 đến tháng 12/2026",
     "Chỉ số thành phần Tính năng động của người đứng đầu"),
    ("4", "Khảo sát mức độ hài lòng của doanh nghiệp đối với việc giải quyết thủ tục hành chính tại Ban",
     "Văn phòng Ban", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", "Năm 2026", ""),
]


def make_q03(path: Path) -> None:
    doc = new_document(dt.datetime(2026, 2, 23, 8, 0, 0), "Văn phòng Ban")
    header_table(doc, "UBND TỈNH TRÀNG NINH", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "17/KH-BQLKCN",
                 "Tràng Ninh, ngày 23 tháng 02 năm 2026")
    title_block(doc, "KẾ HOẠCH",
                "Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số năng lực cạnh tranh cấp sở, ban, "
                "ngành và địa phương (DDCI) năm 2026")
    add_par(doc, "Căn cứ Kế hoạch số 33/KH-UBND ngày 05/02/2026 của UBND tỉnh Tràng Ninh về nâng cao Chỉ số năng "
                 "lực cạnh tranh cấp tỉnh năm 2026;")
    add_par(doc, "Căn cứ Thông báo số 61/TB-UBND ngày 12/02/2026 của UBND tỉnh về kết quả đánh giá Chỉ số DDCI "
                 "năm 2025;")
    add_par(doc, "Ban Quản lý các khu công nghiệp tỉnh Tràng Ninh ban hành Kế hoạch như sau:")

    add_par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False)
    add_par(doc, "Cải thiện các chỉ số thành phần bị đánh giá thấp; mỗi nhiệm vụ có cơ quan chủ trì và thời hạn "
                 "cụ thể, gắn với trách nhiệm của người đứng đầu từng phòng.")

    add_par(doc, "II. KẾT QUẢ NĂM 2025, TỒN TẠI, HẠN CHẾ", bold=True, indent=False)
    add_par(doc, "1. Kết quả", bold=True)
    add_par(doc, "Năm 2025, Chỉ số PCI của tỉnh Tràng Ninh đạt 66,12 điểm, tăng 0,85 điểm, xếp thứ 19/34 tỉnh, "
                 "thành phố. Chỉ số DDCI của Ban Quản lý đạt 78,40 điểm, tăng 2,16 điểm, xếp thứ 4/21 sở, ban, "
                 "ngành.")
    add_par(doc, "2. Tồn tại, hạn chế", bold=True)
    add_par(doc, "a) Chỉ số PCI: thời gian cấp Giấy chứng nhận đăng ký đầu tư cho dự án trong khu công nghiệp còn "
                 "dài; doanh nghiệp phản ánh chi phí không chính thức khi thẩm định hồ sơ môi trường.")
    add_par(doc, "b) Chỉ số DDCI: các chỉ số thành phần “Tính năng động của người đứng đầu” và “Hỗ trợ doanh "
                 "nghiệp” giảm điểm; việc trả lời kiến nghị của doanh nghiệp có lúc chậm.")

    add_par(doc, "III. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "Ban Quản lý tập trung thực hiện các nhiệm vụ, giải pháp nâng cao Chỉ số PCI, DDCI năm 2026 "
                 "(chi tiết tại Phụ lục kèm theo).")

    add_par(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True, indent=False)
    add_par(doc, "1. Văn phòng Ban là đầu mối theo dõi, đôn đốc các phòng thực hiện Kế hoạch; tổng hợp kết quả, "
                 "báo cáo UBND tỉnh trước ngày 10/12/2026.")
    add_par(doc, "2. Trưởng các phòng chuyên môn thuộc Ban chủ động triển khai nhiệm vụ được phân công, chịu trách "
                 "nhiệm trước Trưởng Ban về kết quả thực hiện.")
    add_par(doc, "3. Đề nghị các doanh nghiệp kinh doanh hạ tầng khu công nghiệp phối hợp cung cấp thông tin, "
                 "phản ánh kịp thời khó khăn của nhà đầu tư thứ cấp về Ban Quản lý.")
    add_par(doc, "Trên đây là Kế hoạch nâng cao Chỉ số PCI, DDCI năm 2026 của Ban Quản lý các khu công nghiệp "
                 "tỉnh Tràng Ninh./.")
    signature_table(
        doc,
        ["- UBND tỉnh (b/c);", "- Sở Tài chính;", "- Hiệp hội Doanh nghiệp tỉnh;", "- Lãnh đạo Ban;",
         "- Các phòng thuộc Ban;", "- Lưu: VT, VP."],
        signer("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", name="Khổng Minh Tiến"),
    )

    landscape_section(doc)
    title_block(doc, "PHỤ LỤC", "NHIỆM VỤ NÂNG CAO CHỈ SỐ PCI, DDCI NĂM 2026",
                note="(Kèm theo Kế hoạch số 17/KH-BQLKCN ngày 23/02/2026 của Ban Quản lý các khu công nghiệp tỉnh)",
                after=6)
    task_table(doc, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Ghi chú"], Q03_ROWS,
               [1.2, 9.0, 4.0, 5.2, 3.0, 3.3], task_align="left")
    save_docx(doc, path, (2026, 2, 23, 10, 0, 0), pages=4, minutes=96)


# --------------------------------------------------------------------------------------------------
# q04: Trung tâm Phục vụ hành chính công tỉnh Kỳ Lâm, SIPAS 2026, tasks as <ol><li> with <br> labels
# --------------------------------------------------------------------------------------------------

Q04_BODY = """      <p>Căn cứ Kế hoạch số 40/KH-UBND ngày 27/01/2026 của UBND tỉnh Kỳ Lâm về đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm 2026;</p>
      <p>Trung tâm Phục vụ hành chính công tỉnh Kỳ Lâm xây dựng Kế hoạch như sau:</p>
      <p><strong>I. MỤC ĐÍCH, YÊU CẦU</strong></p>
      <p>Nâng cao chất lượng tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm; lấy sự hài lòng của người dân, tổ chức làm thước đo kết quả công tác của từng công chức.</p>
      <p><strong>II. KẾT QUẢ NĂM 2025</strong></p>
      <p>Năm 2025, Chỉ số SIPAS của tỉnh Kỳ Lâm đạt 84,72%, giảm 1,05% so với năm 2024. Tại Trung tâm, tỷ lệ đánh giá hài lòng qua thiết bị điện tử đạt 97,3%.</p>
      <p><em>Tồn tại, hạn chế:</em> thời gian chờ đến lượt vào giờ cao điểm còn dài; một số công chức các sở, ngành được cử đến hướng dẫn chưa đầy đủ, người dân phải bổ sung hồ sơ nhiều lần; kết quả đánh giá chưa được công khai thường xuyên.</p>
      <p><strong>III. NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ SIPAS</strong></p>
      <ol>
        <li>Bố trí thêm 02 quầy tiếp nhận vào giờ cao điểm buổi sáng thứ Hai và thứ Sáu; điều động công chức từ quầy ít hồ sơ sang hỗ trợ.<br>Thời gian: Từ tháng 4/2026<br>Đơn vị chủ trì: Phòng Tiếp nhận và Trả kết quả<br>Đơn vị phối hợp: các sở, ngành có thủ tục hành chính tiếp nhận tại Trung tâm</li>
        <li>Nâng cấp hệ thống xếp hàng tự động, nhắn tin báo số thứ tự và thời gian chờ dự kiến đến điện thoại của người dân.<br>Thời gian: Quý II/2026<br>Đơn vị chủ trì: Phòng Hành chính - Tổng hợp<br>Đơn vị phối hợp: Trung tâm Chuyển đổi số tỉnh<br>Sản phẩm: Hệ thống xếp hàng tự động được nâng cấp, vận hành</li>
        <li>Hướng dẫn người dân hoàn thiện hồ sơ một lần bằng phiếu hướng dẫn in sẵn; hỗ trợ nộp hồ sơ trực tuyến tại khu vực tự phục vụ.<br>Thời gian: Thường xuyên<br>Đơn vị thực hiện: Phòng Tiếp nhận và Trả kết quả; Bưu điện tỉnh Kỳ Lâm</li>
        <li>Tổ chức tập huấn kỹ năng giao tiếp, ứng xử cho công chức các sở, ngành được cử đến làm việc tại Trung tâm.<br>Thời gian: Trước ngày 30/6/2026<br>Đơn vị chủ trì: Phòng Hành chính - Tổng hợp<br>Đơn vị phối hợp: Sở Nội vụ</li>
        <li>Tổng hợp kết quả đánh giá qua thiết bị điện tử theo từng quầy, công khai trên màn hình tại sảnh và Trang thông tin điện tử của Trung tâm.<br>Thời gian: Hằng tháng<br>Đơn vị chủ trì: Phòng Kiểm soát thủ tục hành chính</li>
        <li>Khảo sát sự hài lòng bằng phiếu giấy đối với người dân đến giao dịch để đối chiếu với kết quả đánh giá điện tử.<br>Thời gian: Từ tháng 8 đến tháng 10/2026<br>Đơn vị chủ trì: Phòng Kiểm soát thủ tục hành chính<br>Đơn vị phối hợp: Trường Đại học Kỳ Lâm</li>
      </ol>
      <p><strong>IV. TỔ CHỨC THỰC HIỆN</strong></p>
      <p>1. Phòng Hành chính - Tổng hợp là đầu mối theo dõi việc thực hiện Kế hoạch, báo cáo Giám đốc Trung tâm kết quả hằng quý.</p>
      <p>2. Các phòng thuộc Trung tâm căn cứ nhiệm vụ được giao tổ chức thực hiện, bảo đảm đúng tiến độ.</p>
      <p>3. Đề nghị các sở, ngành có thủ tục hành chính tiếp nhận tại Trung tâm chỉ đạo công chức được cử đến thực hiện nghiêm nội quy, quy chế làm việc của Trung tâm.</p>
      <p>Trên đây là Kế hoạch nâng cao Chỉ số SIPAS năm 2026 của Trung tâm Phục vụ hành chính công tỉnh Kỳ Lâm./.</p>"""


def make_q04(path: Path) -> None:
    html = page(
        title="Kế hoạch nâng cao Chỉ số SIPAS năm 2026 - Trung tâm Phục vụ hành chính công tỉnh Kỳ Lâm",
        site="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH KỲ LÂM",
        nav=["Trang chủ", "Giới thiệu", "Tin tức", "Thủ tục hành chính", "Tra cứu hồ sơ", "Đánh giá hài lòng",
             "Văn bản", "Hỏi đáp", "Liên hệ"],
        crumbs=["Trang chủ", "Văn bản", "Kế hoạch"],
        dateline="Thứ Hai, 09/03/2026 - 08:40",
        headline="Kế hoạch nâng cao Chỉ số hài lòng của người dân, tổ chức (SIPAS) năm 2026",
        content="\n".join([
            html_letterhead("UBND TỈNH KỲ LÂM", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "12/KH-TTPVHCC",
                            "Kỳ Lâm, ngày 06 tháng 3 năm 2026", "KẾ HOẠCH",
                            "Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành "
                            "chính nhà nước (SIPAS) tại Trung tâm Phục vụ hành chính công tỉnh năm 2026"),
            Q04_BODY,
            html_signoff(["- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Các sở, ngành có TTHC tại Trung tâm;",
                          "- Các phòng thuộc Trung tâm;", "- Lưu: VT, HCTH."],
                         ["GIÁM ĐỐC"], "Hứa Thị Ngọc Lan", "/uploads/2026/03/12-KH-TTPVHCC.pdf"),
        ]),
        related=["Trung tâm triển khai khu vực tự phục vụ nộp hồ sơ trực tuyến",
                 "Kết quả đánh giá sự hài lòng tháng 02/2026",
                 "Lịch trực tiếp nhận hồ sơ ngày thứ Bảy"],
        footer=["Cơ quan chủ quản: UBND tỉnh Kỳ Lâm. Địa chỉ: Số 8 đường Lê Lợi, thành phố Kỳ Lâm.",
                "Điện thoại: 0218 3 812 400 - Email: ttpvhcc@kylam.gov.vn"],
        visits="126.508",
    )
    path.write_bytes(N(html).encode("utf-8"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_q03(OUT / "q03_bqlkcn-trang-ninh-pci-ddci-phu-luc-nhom-chu.docx")
    make_q04(OUT / "q04_ttpvhcc-ky-lam-sipas-ol-li-br.html")


if __name__ == "__main__":
    main()
