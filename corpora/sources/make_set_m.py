"""Write the set M plans: two Word files and two portal pages.

    m01_snnmt-minh-giang-par-sipas-so-tu-dong.docx      automatic multilevel numbering (I. / 1. / 1.1. / a))
    m02_ubnd-phuong-hung-phu-papi-dvcq-phu-luc-gop-o.docx  appendix table with gridSpan and vMerge,
                                                           a restarted list (startOverride)
    m03_skhcn-tay-linh-dti-par-bang-html.html          portal page, task table with thead/rowspan/colspan
    m04_stc-tay-linh-pci-ddci-word-dan-web.html        portal page carrying text pasted from Word

Every province, agency, number and person is invented. Run from anywhere:

    .venv/bin/python corpora/sources/make_set_m.py

Only the standard library and python-docx are used; the Word and page helpers are those of plangen.py in this
folder, shared with sets N and P. Core properties and zip timestamps are fixed, so a rerun gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plangen import (
    OUT,
    abstract,
    add_numbering,
    add_par,
    header_table,
    html_letterhead,
    html_signoff,
    labels,
    landscape_section,
    lvl,
    new_document,
    num,
    page,
    page_number_header,
    save_docx,
    signature_table,
    signer,
    task_table,
    title_block,
)

# --------------------------------------------------------------------------------------------------
# m01: Sở Nông nghiệp và Môi trường tỉnh Minh Giang, PAR INDEX + SIPAS 2026, automatic numbering
# --------------------------------------------------------------------------------------------------

M01_FIELDS = ("Thời gian", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm")


def make_m01(path: Path) -> None:
    doc = new_document(dt.datetime(2026, 1, 23, 7, 45, 0), "Văn phòng Sở")
    page_number_header(doc.sections[0])
    # one multilevel list for the whole plan: I. / 1. / 1.1. / a)   and a bullet list
    add_numbering(doc, [
        abstract(40, "4D3A1F20", [
            lvl(0, "upperRoman", "%1.", 567, bold=True),
            lvl(1, "decimal", "%2.", 567, bold=True),
            lvl(2, "decimal", "%2.%3.", 567, bold=True),
            lvl(3, "lowerLetter", "%4)", 567),
        ]),
        abstract(41, "4D3A1F21", [lvl(0, "bullet", "-", 567)], kind="singleLevel"),
    ], [num(40, 40), num(41, 41)])
    L = lambda k: (40, k)  # noqa: E731
    B = (41, 0)

    header_table(doc, "UBND TỈNH MINH GIANG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "27/KH-SNNMT",
                 "Minh Giang, ngày 23 tháng 01 năm 2026")
    title_block(doc, "KẾ HOẠCH",
                "Cải thiện Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng của người dân, "
                "tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2026")
    add_par(doc, "Căn cứ Quyết định số 2315/QĐ-UBND ngày 26/12/2025 của UBND tỉnh Minh Giang phê duyệt "
                 "Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành, địa phương;")
    add_par(doc, "Căn cứ Kế hoạch số 09/KH-UBND ngày 12/01/2026 của UBND tỉnh về cải cách hành chính nhà "
                 "nước tỉnh Minh Giang năm 2026;")
    add_par(doc, "Thực hiện Công văn số 118/SNV-CCHC ngày 15/01/2026 của Sở Nội vụ về xây dựng kế hoạch cải thiện "
                 "các chỉ số năm 2026, Sở Nông nghiệp và Môi trường ban hành "
                 "Kế hoạch như sau:")

    add_par(doc, "MỤC ĐÍCH, YÊU CẦU", bold=True, num=L(0))
    add_par(doc, "Khắc phục dứt điểm các nội dung bị trừ điểm năm 2025, phấn đấu năm 2026 Chỉ số cải cách "
                 "hành chính của Sở đạt từ 87 điểm, mức độ hài lòng đạt trên 88%; mỗi nhiệm vụ có đơn vị "
                 "chủ trì, thời hạn và sản phẩm cụ thể.")

    add_par(doc, "NHIỆM VỤ, GIẢI PHÁP", bold=True, num=L(0))
    add_par(doc, "Chỉ số cải cách hành chính (PAR INDEX)", bold=True, num=L(1))
    add_par(doc, "Tồn tại, hạn chế", bold=True, num=L(2))
    add_par(doc, "Năm 2025, Chỉ số cải cách hành chính của Sở đạt 84,36 điểm, giảm 1,72 điểm so với năm "
                 "2024, xếp thứ 11/19 sở, ban, ngành. Điểm bị trừ tập trung ở các nội dung sau:")
    add_par(doc, "Chưa thực hiện đủ số cuộc kiểm tra cải cách hành chính tại các chi cục theo kế hoạch; "
                 "một số kiến nghị sau kiểm tra chưa được theo dõi đến khi khắc phục xong.", num=B)
    add_par(doc, "Còn 06 thủ tục hành chính lĩnh vực đất đai, môi trường chưa được rà soát, đề xuất phương "
                 "án đơn giản hóa theo kế hoạch của tỉnh.", num=B)
    add_par(doc, "Tỷ lệ hồ sơ trả kết quả trễ hạn là 2,4%, chủ yếu ở lĩnh vực đăng ký biến động đất đai.",
            num=B)
    add_par(doc, "Nhiệm vụ, giải pháp", bold=True, num=L(2))
    add_par(doc, "Về công tác chỉ đạo, điều hành và kiểm tra cải cách hành chính", bold=True, italic=True,
            num=L(3))
    add_par(doc, "Xây dựng kế hoạch kiểm tra cải cách hành chính năm 2026, bảo đảm kiểm tra ít nhất một nửa "
                 "số chi cục, đơn vị trực thuộc; lập sổ theo dõi kiến nghị sau kiểm tra và báo cáo Giám đốc "
                 "Sở kết quả khắc phục từng kiến nghị.")
    labels(doc, M01_FIELDS, "Quý I/2026", "Văn phòng Sở", "Thanh tra Sở, các chi cục trực thuộc",
           "Kế hoạch kiểm tra; sổ theo dõi kiến nghị")
    add_par(doc, "Về cải cách thủ tục hành chính", bold=True, italic=True, num=L(3))
    add_par(doc, "Rà soát 06 thủ tục hành chính lĩnh vực đất đai, môi trường còn tồn đọng; đề xuất cắt giảm "
                 "thành phần hồ sơ, rút ngắn ít nhất 20% thời gian giải quyết.", num=B)
    add_par(doc, "Cập nhật quy trình nội bộ lên hệ thống giải quyết thủ tục hành chính dùng chung của tỉnh "
                 "ngay sau khi thủ tục được công bố.", num=B)
    labels(doc, M01_FIELDS, "Trước ngày 30/6/2026", "Chi cục Quản lý đất đai; Chi cục Bảo vệ môi trường",
           "Văn phòng Sở")
    add_par(doc, "Về giảm hồ sơ trễ hạn", bold=True, italic=True, num=L(3))
    add_par(doc, "Theo dõi hằng tuần hồ sơ sắp đến hạn trên hệ thống; gửi nhắc việc đến người xử lý trước 02 "
                 "ngày làm việc; hồ sơ trễ hạn phải được xin lỗi bằng văn bản, kèm ngày hẹn trả mới.")
    labels(doc, M01_FIELDS, "Thường xuyên", "Văn phòng Đăng ký đất đai tỉnh", "các Chi nhánh Văn phòng Đăng ký đất đai")

    add_par(doc, "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước "
                 "(SIPAS)", bold=True, num=L(1))
    add_par(doc, "Tồn tại, hạn chế", bold=True, num=L(2))
    add_par(doc, "Năm 2025, mức độ hài lòng chung đối với dịch vụ do Sở cung cấp đạt "
                 "85,02%, tăng 0,65% so với năm 2024. Người dân còn phản ánh thời gian chờ tại quầy đất đai "
                 "kéo dài vào đầu tuần và chưa được thông báo kết quả xử lý phản ánh, kiến nghị đúng hẹn.")
    add_par(doc, "Nhiệm vụ, giải pháp", bold=True, num=L(2))
    add_par(doc, "Về tiếp cận dịch vụ tại Trung tâm Phục vụ hành chính công tỉnh", bold=True, italic=True,
            num=L(3))
    add_par(doc, "Bố trí thêm 01 công chức tiếp nhận hồ sơ đất đai vào sáng thứ Hai và thứ Ba; công khai số "
                 "đường dây nóng của Lãnh đạo Sở ngay tại quầy.", num=B)
    labels(doc, M01_FIELDS, "Tháng 3/2026", "Văn phòng Đăng ký đất đai tỉnh", "Trung tâm Phục vụ hành chính công tỉnh")
    add_par(doc, "Tổ chức tập huấn kỹ năng giao tiếp, ứng xử cho công chức, viên chức làm việc tại quầy, "
                 "mỗi năm ít nhất 02 lớp.", num=B)
    labels(doc, M01_FIELDS, "Từ tháng 4 đến tháng 9/2026", "Văn phòng Sở")
    add_par(doc, "Về tiếp nhận, xử lý phản ánh, kiến nghị", bold=True, italic=True, num=L(3))
    add_par(doc, "Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở tiếp nhận, phân loại phản ánh, kiến nghị "
                 "qua mọi kênh; trả lời người dân trong 05 ngày làm việc và công khai kết quả trên Trang "
                 "thông tin điện tử của Sở.")
    labels(doc, M01_FIELDS, "Thường xuyên")

    add_par(doc, "TỔ CHỨC THỰC HIỆN", bold=True, num=L(0))
    add_par(doc, "Văn phòng Sở", bold=True, num=L(1))
    add_par(doc, "Giúp Giám đốc Sở nắm tiến độ từng nhiệm vụ, nhắc các đơn vị chậm triển khai; mỗi quý gửi "
                 "Sở Nội vụ kết quả trước ngày 15 của tháng cuối quý.")
    add_par(doc, "Thanh tra Sở, các chi cục và đơn vị sự nghiệp trực thuộc", bold=True, num=L(1))
    add_par(doc, "Xây dựng kế hoạch chi tiết của đơn vị trong tháng 02/2026; chịu trách nhiệm trước Giám đốc Sở nếu để xảy ra hồ sơ trễ hạn hoặc nội "
                 "dung bị trừ điểm thuộc lĩnh vực phụ trách.")
    add_par(doc, "Phòng Kế hoạch - Tài chính cân đối, dành kinh phí cho Kế hoạch từ nguồn chi thường "
                 "xuyên năm 2026 của Sở; hướng dẫn các đơn vị thanh toán, quyết toán theo quy định.", num=L(1))
    add_par(doc, "Trên đây là Kế hoạch cải thiện Chỉ số PAR INDEX và Chỉ số SIPAS năm 2026 của Sở Nông nghiệp "
                 "và Môi trường; vướng mắc phát sinh, các đơn vị báo cáo về Văn phòng Sở để tổng hợp, trình "
                 "Giám đốc Sở./.")
    signature_table(
        doc,
        ["- Sở Nội vụ (b/c);", "- Giám đốc, các Phó Giám đốc Sở;", "- Các phòng, chi cục, đơn vị trực thuộc;",
         "- Lưu: VT, VP."],
        signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", name="Lê Quang Vinh"),
    )
    save_docx(doc, path, (2026, 1, 23, 9, 45, 0), pages=4, minutes=118)


# --------------------------------------------------------------------------------------------------
# m02: UBND phường Hưng Phú (tỉnh Minh Giang), PAPI + DVCQ 2026, appendix table
# --------------------------------------------------------------------------------------------------

M02_ROWS = [
    ("I", "Chỉ số hiệu quả quản trị và hành chính công (PAPI)"),
    ("1", "Công khai danh sách hộ nghèo, hộ cận nghèo, kết quả bình xét và các khoản đóng góp của Nhân dân "
          "tại nhà văn hóa 12 tổ dân phố và trên trang mạng xã hội của phường",
     "Phòng Văn hóa - Xã hội", "Trưởng các tổ dân phố", "Quý I/2026",
     "Thông báo công khai; biên bản niêm yết"),
    ("2", "Công khai quy hoạch, kế hoạch sử dụng đất, bảng giá đất và danh mục dự án thu hồi đất trên địa "
          "bàn tại trụ sở UBND phường",
     "Phòng Kinh tế, Hạ tầng và Đô thị", "Văn phòng HĐND và UBND phường", "Thường xuyên",
     "Danh mục công khai"),
    ("3", "Tổ chức đối thoại giữa Chủ tịch UBND phường với các hộ có đất bị thu hồi tại dự án mở rộng đường "
          "Hưng Phú 2; trả lời bằng văn bản các ý kiến chưa giải đáp tại buổi đối thoại",
     None, "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Trước ngày 30/6/2026", "Biên bản đối thoại"),
    ("4", "Rà soát, giải quyết dứt điểm đơn thư tồn đọng về tranh chấp đất đai, trật tự xây dựng; thông báo "
          "kết quả cho người có đơn",
     "Văn phòng HĐND và UBND phường", "Công an phường, Phòng Kinh tế, Hạ tầng và Đô thị", "Năm 2026",
     "Báo cáo kết quả giải quyết đơn thư"),
    ("5", "Đưa vào sử dụng hộp thư góp ý và mã QR tiếp nhận phản ánh tại Trung tâm Phục vụ hành chính công "
          "phường; trả lời phản ánh trong 07 ngày làm việc",
     "Trung tâm Phục vụ hành chính công phường", "", "Tháng 4/2026", ""),
    ("II", "Chỉ số dân vận chính quyền"),
    ("1", "Bảo đảm lịch tiếp công dân của Chủ tịch UBND phường vào thứ Năm tuần thứ hai hằng tháng; "
          "thông báo lịch trên loa truyền thanh",
     "Văn phòng HĐND và UBND phường", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Hằng tháng",
     "Lịch tiếp công dân; sổ theo dõi"),
    ("2", "Chấn chỉnh thái độ phục vụ, tác phong, lề lối làm việc của cán bộ, công chức; xử lý nghiêm trường "
          "hợp gây phiền hà cho người dân",
     "Văn phòng HĐND và UBND phường", "Các đơn vị thuộc UBND phường", "Thường xuyên", ""),
    ("3", "Xây dựng và nhân rộng 03 mô hình \u201cDân vận khéo\u201d trong chỉnh trang đô thị, giữ gìn vệ "
          "sinh môi trường tại tổ dân phố",
     "Phòng Văn hóa - Xã hội",
     "Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội phường",
     "Từ tháng 3 đến tháng 10/2026", "Quyết định công nhận mô hình"),
    ("4", "Lấy ý kiến Nhân dân về dự thảo văn bản, chính sách liên quan trực tiếp đến quyền lợi của người dân "
          "trước khi trình HĐND phường",
     "Các đơn vị thuộc UBND phường", "Văn phòng HĐND và UBND phường", "Theo quy định",
     "Báo cáo tổng hợp ý kiến"),
]


def make_m02(path: Path) -> None:
    doc = new_document(dt.datetime(2026, 2, 9, 14, 10, 0), "VP HĐND-UBND phường")
    # "%1." / "%1.%2." / "a)": one abstract list, two instances; the second restarts at 1
    add_numbering(doc, [
        abstract(42, "5E1B2C30", [
            lvl(0, "decimal", "%1.", 567, bold=True),
            lvl(1, "decimal", "%1.%2.", 567, bold=True),
            lvl(2, "lowerLetter", "%3)", 567),
        ]),
    ], [num(42, 42), num(43, 42, restart_level0=True)])

    header_table(doc, "ỦY BAN NHÂN DÂN", "PHƯỜNG HƯNG PHÚ", "15/KH-UBND", "Hưng Phú, ngày 09 tháng 02 năm 2026")
    title_block(doc, "KẾ HOẠCH",
                "Nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) và kết quả công tác dân vận "
                "chính quyền trên địa bàn phường năm 2026")
    add_par(doc, "Căn cứ Kế hoạch số 21/KH-UBND ngày 20/01/2026 của UBND tỉnh Minh Giang về nâng cao Chỉ số "
                 "PAPI năm 2026;")
    add_par(doc, "Căn cứ Hướng dẫn số 03-HD/BDVTU ngày 14/01/2026 của Ban Dân vận Tỉnh ủy về đánh giá công tác "
                 "dân vận chính quyền năm 2026;")
    add_par(doc, "Ủy ban nhân dân phường Hưng Phú ban hành Kế hoạch thực hiện như sau:")

    add_par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False)
    add_par(doc, "Mục đích", bold=True, num=(42, 0))
    add_par(doc, "Năm 2025, Chỉ số PAPI của tỉnh Minh Giang đạt 42,86 điểm, tăng 0,74 điểm, xếp thứ 15/34 "
                 "tỉnh, thành phố; kết quả đánh giá công tác dân vận chính quyền của phường đạt 87,5 điểm. Kế "
                 "hoạch nhằm cải thiện những nội dung người dân còn đánh giá thấp, nhất là công khai, minh "
                 "bạch và trách nhiệm giải trình ở tổ dân phố.")
    add_par(doc, "Yêu cầu", bold=True, num=(42, 0))
    add_par(doc, "Các đơn vị, công chức được phân công chủ động thực hiện, không để nhiệm vụ quá hạn; lồng ghép "
                 "với việc thực hiện dân chủ ở cơ sở và công tác tiếp công dân.")

    add_par(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "Ủy ban nhân dân phường giao nhiệm vụ cụ thể cho từng đơn vị tại Phụ lục kèm theo Kế hoạch "
                 "này.")

    add_par(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True, indent=False)
    add_par(doc, "Văn phòng HĐND và UBND phường là đầu mối theo dõi việc thực hiện Kế hoạch; hằng quý tổng "
                 "hợp, báo cáo Chủ tịch UBND phường kết quả và đề xuất biện pháp đối với nhiệm vụ chậm tiến "
                 "độ.", num=(43, 0))
    add_par(doc, "Phòng Văn hóa - Xã hội phối hợp với Trung tâm Phục vụ hành chính công phường tuyên truyền về "
                 "Chỉ số PAPI trên loa truyền thanh và trang mạng xã hội của phường; hướng dẫn người dân cách "
                 "trả lời phiếu khảo sát.", num=(43, 0))
    add_par(doc, "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường giám sát việc thực hiện Kế hoạch; kịp thời "
                 "phản ánh với UBND phường những vấn đề người dân còn bức xúc.", num=(43, 0))
    add_par(doc, "Trên đây là Kế hoạch nâng cao Chỉ số PAPI và kết quả công tác dân vận chính quyền năm 2026 "
                 "của UBND phường Hưng Phú. Chủ tịch UBND phường yêu cầu Thủ trưởng các đơn vị nghiêm túc "
                 "triển khai thực hiện./.")
    signature_table(
        doc,
        ["- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Ban Dân vận Tỉnh ủy;", "- TT Đảng ủy, TT HĐND phường;",
         "- Chủ tịch, các PCT UBND phường;", "- Các đơn vị thuộc UBND phường;", "- Lưu: VT."],
        signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name="Đoàn Thị Mỹ Hạnh"),
    )

    # the appendix, in a landscape section; a lead cell of None continues the one above (vMerge)
    landscape_section(doc)
    title_block(doc, "PHỤ LỤC", "NHIỆM VỤ NÂNG CAO CHỈ SỐ PAPI VÀ CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2026",
                note="(Kèm theo Kế hoạch số 15/KH-UBND ngày 09/02/2026 của UBND phường Hưng Phú)")
    task_table(doc, ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
                     "Sản phẩm"], M02_ROWS, [1.3, 9.0, 4.0, 4.6, 2.8, 4.0])
    save_docx(doc, path, (2026, 2, 9, 16, 10, 0), pages=4, minutes=96)


# --------------------------------------------------------------------------------------------------
# m03: Sở Khoa học và Công nghệ tỉnh Tây Lĩnh, DTI + PAR INDEX 2025, portal page with a task table
# --------------------------------------------------------------------------------------------------

# the plan between its letterhead and its sign-off, as the editor pasted it; @@…@@ mark the task rows
M03_BODY = """      <p>Căn cứ Quyết định số 512/QĐ-UBND ngày 28/3/2025 của UBND tỉnh Tây Lĩnh công bố kết quả Chỉ số chuyển đổi số và Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành, địa phương;</p>
      <p>Căn cứ Kế hoạch số 47/KH-UBND ngày 02/4/2025 của UBND tỉnh về chuyển đổi số tỉnh Tây Lĩnh năm 2025;</p>
      <p>Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:</p>
      <p><strong>I. KẾT QUẢ NĂM 2024 VÀ TỒN TẠI, HẠN CHẾ</strong></p>
      <p><strong>1. Kết quả</strong></p>
      <p>Năm 2024, Chỉ số chuyển đổi số (DTI) của Sở đạt 0,7125 điểm, xếp thứ 4/21 sở, ban, ngành; Chỉ số cải cách hành chính đạt 88,40 điểm, tăng 2,15 điểm so với năm 2023, xếp thứ 6/21.</p>
      <p><strong>2. Tồn tại, hạn chế</strong></p>
      <p>- Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến toàn trình mới đạt 46%, thấp hơn chỉ tiêu tỉnh giao;<br>
      - Dữ liệu về tổ chức khoa học và công nghệ, doanh nghiệp viễn thông chưa được chuẩn hóa, chưa chia sẻ lên nền tảng dùng chung của tỉnh;<br>
      - Việc số hóa kết quả giải quyết thủ tục hành chính còn chậm, tỷ lệ số hóa mới đạt 71%.</p>
      <p><strong>II. MỤC TIÊU</strong></p>
      <p>Năm 2025, phấn đấu Chỉ số DTI của Sở đạt từ 0,75 điểm, Chỉ số cải cách hành chính đạt trên 90 điểm; tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 60%.</p>
      <p><strong>III. NHIỆM VỤ, GIẢI PHÁP</strong></p>
      <p>Các nhiệm vụ, giải pháp cụ thể được phân công như sau:</p>
      <table class="table-bordered" border="1" cellspacing="0" cellpadding="4" style="width:100%;border-collapse:collapse">
        <thead>
          <tr><th rowspan="2">TT</th><th rowspan="2">Nội dung nhiệm vụ</th><th colspan="2">Đơn vị thực hiện</th><th rowspan="2">Thời gian hoàn thành</th></tr>
          <tr><th>Chủ trì</th><th>Phối hợp</th></tr>
        </thead>
        <tbody>
@@G1@@
@@R1@@
@@G2@@
@@R2@@
        </tbody>
      </table>
      <p><strong>IV. TỔ CHỨC THỰC HIỆN</strong></p>
      <p><strong>1. Văn phòng Sở</strong></p>
      <p>Là đầu mối nắm tiến độ các nhiệm vụ tại Mục III; tổng hợp, báo cáo Giám đốc Sở, gửi Sở Nội vụ theo định kỳ 6 tháng, năm.</p>
      <p><strong>2. Trung tâm Công nghệ thông tin và Truyền thông</strong></p>
      <p>Bảo đảm hạ tầng kỹ thuật, an toàn thông tin cho các hệ thống dùng chung của Sở; hỗ trợ kỹ thuật cho công chức, viên chức khi sử dụng chữ ký số và phần mềm một cửa điện tử.</p>
      <p>3. Trưởng các phòng, Thủ trưởng các đơn vị thuộc Sở có trách nhiệm quán triệt Kế hoạch đến công chức, viên chức; chịu trách nhiệm trước Giám đốc Sở nếu nhiệm vụ được giao chậm tiến độ.</p>
      <p>Trên đây là Kế hoạch nâng cao Chỉ số DTI và Chỉ số cải cách hành chính năm 2025 của Sở Khoa học và Công nghệ tỉnh Tây Lĩnh./.</p>"""


def make_m03(path: Path) -> None:
    rows_dti = [
        ("1", "Rà soát, tái cấu trúc quy trình của 15 thủ tục hành chính có số lượng hồ sơ lớn để cung cấp "
              "dịch vụ công trực tuyến toàn trình; hướng dẫn tổ chức, doanh nghiệp nộp hồ sơ qua Cổng Dịch "
              "vụ công quốc gia", ("Văn phòng Sở", 2), "Phòng Chuyển đổi số", ("Quý II/2025", 1)),
        ("2", "Số hóa các kết quả giải quyết thủ tục hành chính đang còn giá trị sử dụng, cấp từ năm 2022 "
              "đến nay; đưa vào kho dữ liệu điện tử của tổ chức, cá nhân", None,
         "Trung tâm Công nghệ thông tin và Truyền thông", ("Trước ngày 30/9/2025", 1)),
        ("3", "Chuẩn hóa cơ sở dữ liệu tổ chức khoa học và công nghệ, doanh nghiệp viễn thông; kết nối, chia sẻ "
              "với nền tảng tích hợp, chia sẻ dữ liệu của tỉnh", ("Phòng Chuyển đổi số", 1),
         "Phòng Quản lý khoa học; Phòng Bưu chính, Viễn thông", ("Từ tháng 5 đến tháng 11/2025", 2)),
        ("4", "Triển khai ký số trên thiết bị di động cho lãnh đạo, công chức, viên chức của Sở; bảo đảm văn "
              "bản đi được ký số, trừ văn bản mật",
         ("Trung tâm Công nghệ thông tin và Truyền thông", 1), "Văn phòng Sở", None),
    ]
    rows_par = [
        ("1", "Ban hành quy chế phối hợp xử lý hồ sơ liên thông giữa các phòng, đơn vị thuộc Sở; công khai "
              "tiến độ xử lý hồ sơ trên màn hình tại Bộ phận tiếp nhận và trả kết quả",
         ("Văn phòng Sở", 1), "Thanh tra Sở, Phòng Quản lý khoa học", ("Quý III/2025", 1)),
        ("2", "Rà soát, đề xuất bãi bỏ hoặc sửa đổi văn bản quy phạm pháp luật thuộc lĩnh vực khoa học, công "
              "nghệ và thông tin, truyền thông không còn phù hợp sau khi hợp nhất Sở",
         ("Thanh tra Sở", 1), "Các phòng chuyên môn", ("Năm 2025", 1)),
        ("3", "Đưa kết quả thực hiện nhiệm vụ cải cách hành chính vào tiêu chí đánh giá, xếp loại công chức, "
              "viên chức hằng quý", ("Văn phòng Sở", 1), "Các phòng, đơn vị thuộc Sở", ("Hằng quý", 1)),
    ]

    def trs(rows):
        out = []
        for stt, task, lead, coord, when in rows:
            cells = ['<td style="text-align:center">%s</td>' % stt, "<td>%s</td>" % task]
            if lead is not None:
                span = ' rowspan="%d"' % lead[1] if lead[1] > 1 else ""
                cells.append("<td%s>%s</td>" % (span, lead[0]))
            cells.append("<td>%s</td>" % coord)
            if when is not None:
                span = ' rowspan="%d"' % when[1] if when[1] > 1 else ""
                cells.append('<td%s style="text-align:center">%s</td>' % (span, when[0]))
            out.append("          <tr>" + "".join(cells) + "</tr>")
        return "\n".join(out)

    def group(numeral, name):
        return ('          <tr class="group"><td style="text-align:center"><strong>%s</strong></td>'
                '<td colspan="4"><strong>%s</strong></td></tr>' % (numeral, name))

    content = "\n".join([
        html_letterhead("UBND TỈNH TÂY LĨNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "64/KH-SKHCN",
                        "Tây Lĩnh, ngày 11 tháng 4 năm 2025", "KẾ HOẠCH",
                        "Nâng cao Chỉ số chuyển đổi số (DTI) và Chỉ số cải cách hành chính (PAR INDEX) "
                        "của Sở Khoa học và Công nghệ năm 2025"),
        M03_BODY,
        html_signoff(["- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Giám đốc, các PGĐ Sở;", "- Các phòng, đơn vị thuộc Sở;",
                      "- Lưu: VT, VP."], ["GIÁM ĐỐC"], "Phạm Minh Đức", "/uploads/2025/04/64-KH-SKHCN.pdf"),
    ])
    content = (content.replace("@@G1@@", group("I", "Chỉ số chuyển đổi số (DTI)"))
               .replace("@@R1@@", trs(rows_dti))
               .replace("@@G2@@", group("II", "Chỉ số cải cách hành chính (PAR INDEX)"))
               .replace("@@R2@@", trs(rows_par)))

    html = page(
        title="Kế hoạch nâng cao Chỉ số DTI và Chỉ số cải cách hành chính năm 2025 - Sở Khoa học và Công nghệ tỉnh Tây Lĩnh",
        site="SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH TÂY LĨNH",
        nav=["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Chuyển đổi số", "Cải cách hành chính",
             "Thủ tục hành chính", "Hỏi đáp", "Liên hệ"],
        crumbs=["Trang chủ", "Cải cách hành chính", "Kế hoạch - Báo cáo"],
        dateline="Thứ Ba, 15/04/2025 - 09:42",
        headline="Kế hoạch nâng cao Chỉ số chuyển đổi số và Chỉ số cải cách hành chính năm 2025",
        content=content,
        related=["Kết quả Chỉ số chuyển đổi số năm 2024 của các sở, ban, ngành",
                 "Hội nghị triển khai nhiệm vụ khoa học và công nghệ năm 2025",
                 "Công bố danh mục thủ tục hành chính lĩnh vực bưu chính"],
        footer=["Địa chỉ: Số 18 đường Lê Lợi, phường Tây Sơn, tỉnh Tây Lĩnh - Điện thoại: 0261 3 812 456 - "
                "Email: skhcn@taylinh.gov.vn",
                "Chịu trách nhiệm chính: Giám đốc Sở Khoa học và Công nghệ. Ghi rõ nguồn khi phát hành lại thông "
                "tin từ website này."],
        visits="1.204.377",
    )
    path.write_bytes(html.encode("utf-8"))


# --------------------------------------------------------------------------------------------------
# m04: Sở Tài chính tỉnh Tây Lĩnh, PCI + DDCI 2025, text pasted from Word into the provincial portal
# --------------------------------------------------------------------------------------------------

M04_FIELDS = ("Thời gian thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp")


def make_m04(path: Path) -> None:
    S = 'style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif"'

    def p(inner, align="justify", indent=True):
        ind = ";text-indent:1.0cm" if indent else ""
        return ('<p class="MsoNormal" style="margin-bottom:6.0pt;text-align:%s%s;line-height:normal">'
                "<span %s>%s</span></p>" % (align, ind, S, inner))

    def h(inner):
        return p("<b>%s</b>" % inner)

    def lab(name, value):
        return ('<p class="MsoNormal" style="margin-bottom:6.0pt;text-align:justify;text-indent:1.0cm">'
                "<i><span %s>%s:</span></i><span %s>&nbsp;%s</span></p>" % (S, name, S, value))

    def labs(*values):
        """A task's field lines, as many of M04_FIELDS as the task gives."""
        return [lab(name, value) for name, value in zip(M04_FIELDS, values)]

    def bullet(inner):
        return ('<p class="MsoListParagraph" style="margin-left:0cm;text-indent:1.0cm;mso-list:l1 level1 lfo2">'
                '<!--[if !supportLists]--><span %s><span style="mso-list:Ignore">-<span style="font:7.0pt '
                '&quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>'
                "<!--[endif]--><span %s>%s</span></p>" % (S, S, inner))

    spacer = '<p class="MsoNormal"><span %s><o:p>&nbsp;</o:p></span></p>' % S
    header = """<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="652" style="width:489.0pt;border-collapse:collapse;border:none">
 <tr>
  <td width="255" valign="top" style="width:191.0pt;padding:0cm 5.4pt 0cm 5.4pt">
  <p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif">UBND TỈNH TÂY LĨNH</span></p>
  <p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif">SỞ TÀI CHÍNH</span></b></p>
  </td>
  <td width="397" valign="top" style="width:298.0pt;padding:0cm 5.4pt 0cm 5.4pt">
  <p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span></b></p>
  <p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">Độc lập - Tự do - Hạnh phúc</span></b></p>
  </td>
 </tr>
 <tr>
  <td width="255" valign="top" style="width:191.0pt;padding:0cm 5.4pt 0cm 5.4pt">
  <p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif">Số:&nbsp;98/KH-STC</span></p>
  </td>
  <td width="397" valign="top" style="width:298.0pt;padding:0cm 5.4pt 0cm 5.4pt">
  <p class="MsoNormal" align="center" style="text-align:center"><i><span style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">Tây Lĩnh, ngày 19 tháng 5 năm&nbsp;2025</span></i></p>
  </td>
 </tr>
</table>"""
    sign = """<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
 <tr>
  <td width="331" valign="top" style="width:248.0pt;padding:0cm 5.4pt 0cm 5.4pt">
  <p class="MsoNormal"><b><i><span style="font-size:12.0pt;font-family:&quot;Times New Roman&quot;,serif">Nơi nhận:</span></i></b></p>
  <p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Times New Roman&quot;,serif">- UBND tỉnh (b/c);</span></p>
  <p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Times New Roman&quot;,serif">- Hiệp hội Doanh nghiệp tỉnh;</span></p>
  <p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Times New Roman&quot;,serif">- Giám đốc, các Phó Giám đốc Sở;</span></p>
  <p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Times New Roman&quot;,serif">- Các phòng, đơn vị thuộc Sở;</span></p>
  <p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Times New Roman&quot;,serif">- Lưu: VT, VP.</span></p>
  </td>
  <td width="321" valign="top" style="width:241.0pt;padding:0cm 5.4pt 0cm 5.4pt">
  <p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">KT. GIÁM ĐỐC</span></b></p>
  <p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">PHÓ GIÁM ĐỐC</span></b></p>
  <p class="MsoNormal" align="center" style="text-align:center"><i><span style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">(Đã ký)</span></i></p>
  <p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">Hồ Thị Thu Trang</span></b></p>
  </td>
 </tr>
</table>"""
    body = [
        '<div class="WordSection1">',
        header,
        spacer,
        p("<b>KẾ HOẠCH</b>", align="center", indent=False),
        p("<b>Cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số năng lực cạnh tranh cấp sở, "
          "ban, ngành và địa phương (DDCI) năm&nbsp;2025</b>", align="center", indent=False),
        p("Căn cứ Kế hoạch số 133/KH-UBND ngày 06/5/2025 của UBND tỉnh Tây Lĩnh về cải thiện môi trường đầu "
          "tư kinh doanh, nâng cao Chỉ số PCI năm 2025;"),
        p("Thực hiện Quyết định số 640/QĐ-UBND ngày 10/4/2025 của Chủ tịch UBND tỉnh ban hành Bộ chỉ số "
          "đánh giá năng lực cạnh tranh cấp sở, ban, ngành và địa phương tỉnh Tây Lĩnh năm 2025;"),
        p("Sở Tài chính xây dựng Kế hoạch thực hiện như sau:"),
        h("I. KẾT QUẢ NĂM 2024"),
        p("Năm 2024, Chỉ số PCI của tỉnh Tây Lĩnh đạt 65,12 điểm, tăng 1,04 điểm, xếp thứ 29/63 tỉnh, "
          "thành phố; các chỉ số thành phần Gia nhập thị trường và Tiếp cận đất đai giảm điểm. Chỉ số DDCI "
          "năm 2024 của Sở Kế hoạch và Đầu tư (nay là Sở Tài chính) đạt 78,30 điểm, xếp thứ 7/24 sở, ngành."),
        h("II. NHIỆM VỤ, GIẢI PHÁP"),
        h("1.&nbsp;Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"),
        h("1.1.&nbsp;Tồn tại, hạn chế"),
        p("Doanh nghiệp đánh giá thời gian đăng ký thay đổi nội dung đăng ký doanh nghiệp còn dài, có hồ sơ "
          "phải bổ sung nhiều lần; thông tin về dự án kêu gọi đầu tư và quỹ đất chưa được cập nhật kịp thời "
          "trên Cổng thông tin điện tử của Sở."),
        h("1.2.&nbsp;Nhiệm vụ, giải pháp"),
        p("<i>1.2.1.&nbsp;Về gia nhập thị trường</i>"),
        p("Giải quyết hồ sơ đăng ký doanh nghiệp trong 02 ngày làm việc; hướng dẫn một lần, đầy đủ qua điện "
          "thoại và thư điện tử đối với hồ sơ chưa hợp lệ; khuyến khích doanh nghiệp nộp hồ sơ qua mạng."),
        *labs("Thường xuyên", "Phòng Đăng ký kinh doanh", "Trung tâm Phục vụ hành chính công tỉnh"),
        p("<i>1.2.2.&nbsp;Về tính minh bạch và tiếp cận thông tin</i>"),
        bullet("Cập nhật danh mục dự án kêu gọi đầu tư, quy trình và thời hạn giải quyết thủ tục đầu tư trên "
               "Cổng thông tin điện tử của Sở."),
        *labs("Quý III/2025", "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp", "Văn&nbsp;phòng Sở"),
        bullet("Tổ chức 02 hội nghị đối thoại với doanh nghiệp về chính sách thuế, đất đai, đầu tư; công khai "
               "nội dung trả lời kiến nghị sau hội nghị."),
        *labs("6 tháng cuối năm", "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh n</span><span %s>ghiệp" % S,
              "Thuế tỉnh Tây Lĩnh, Sở Nông nghiệp và Môi trường"),
        p("<i>1.2.3.&nbsp;Về tiếp cận đất đai</i>"),
        p("Phòng Quản lý đầu tư chủ trì, phối hợp với Sở Nông nghiệp và Môi trường công khai danh mục quỹ đất "
          "sạch, vị trí và giá khởi điểm các khu đất dự kiến đấu giá, đấu thầu dự án trong năm."),
        h("2.&nbsp;Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)"),
        h("2.1.&nbsp;Tồn tại, hạn chế"),
        p("Chỉ số thành phần Chi phí thời gian và Tính năng động của Sở còn thấp; việc trả lời kiến nghị của "
          "doanh nghiệp có trường hợp quá hạn, chưa thông báo tiến độ cho doanh nghiệp."),
        h("2.2.&nbsp;Nhiệm vụ, giải pháp"),
        p("<i>2.2.1.&nbsp;Về chi phí thời gian</i>"),
        p("Rút ngắn 30% thời gian thẩm định hồ sơ quyết định chủ trương đầu tư so với quy định; theo dõi hồ "
          "sơ trên phần mềm một cửa điện tử, cảnh báo trước 03 ngày đối với hồ sơ sắp đến hạn."),
        *labs("Trước ngày 30/6/2025", "Phòng Quản lý đầu tư",
              "Phòng Doanh nghiệp, kinh tế tập thể và kinh tế tư nhân, Văn phòng Sở"),
        p("<i>2.2.2.&nbsp;Về tính năng động và trách nhiệm giải trình:</i> Giám đốc Sở đối thoại trực tiếp "
          "với doanh nghiệp mỗi quý một lần; kiến nghị thuộc thẩm quyền được trả lời trong 10 ngày làm việc, "
          "kiến nghị vượt thẩm quyền được chuyển cơ quan có thẩm quyền và thông báo cho doanh nghiệp biết."),
        *labs("Hằng quý", "Văn phòng Sở"),
        h("III. TỔ CHỨC THỰC HIỆN"),
        p("1.&nbsp;<b>Văn phòng Sở</b>: nắm tình hình, tổng hợp kết quả triển khai Kế hoạch; báo cáo UBND "
          "tỉnh trước ngày 10/12/2025."),
        p("2.&nbsp;Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao chủ động triển khai; định kỳ hằng quý "
          "gửi kết quả về Văn phòng Sở."),
        p("3.&nbsp;Đề nghị Hiệp hội Doanh nghiệp tỉnh phối hợp thông tin đến hội viên về các kênh tiếp nhận "
          "phản ánh, kiến nghị của Sở; tham gia giám sát việc giải quyết kiến nghị của doanh nghiệp."),
        p("Trên đây là Kế hoạch cải thiện Chỉ số PCI và Chỉ số DDCI năm 2025 của Sở Tài chính. Trong quá "
          "trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng Sở để tổng hợp, báo cáo Giám "
          "đốc Sở./."),
        spacer,
        sign,
        "</div>",
    ]
    content = "\n".join("      " + line if not line.startswith((" ", "<tr", "</t", "<table")) else line
                        for line in body)
    html = page(
        title="Sở Tài chính ban hành Kế hoạch cải thiện Chỉ số PCI, DDCI năm 2025 - Cổng Thông tin điện tử tỉnh Tây Lĩnh",
        site="CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TÂY LĨNH",
        nav=["Trang chủ", "Giới thiệu", "Chính quyền", "Tin tức", "Chỉ đạo điều hành", "Văn bản pháp luật",
             "Đầu tư - Doanh nghiệp", "Dịch vụ công", "Hỏi đáp trực tuyến"],
        crumbs=["Trang chủ", "Chỉ đạo điều hành", "Kế hoạch"],
        dateline="Cập nhật: 22/05/2025 14:10 | Lượt xem: 1.246",
        headline="Sở Tài chính ban hành Kế hoạch cải thiện Chỉ số PCI, DDCI năm 2025",
        content=content,
        related=["Hội nghị đối thoại doanh nghiệp quý I/2025",
                 "Công bố kết quả Chỉ số DDCI tỉnh Tây Lĩnh năm 2024",
                 "UBND tỉnh ban hành Kế hoạch cải thiện môi trường đầu tư kinh doanh năm 2025"],
        footer=["Cơ quan chủ quản: Văn phòng UBND tỉnh Tây Lĩnh. Địa chỉ: Số 02 đường Hùng Vương, phường Tây Sơn, "
                "tỉnh Tây Lĩnh.",
                "Điện thoại: 0261 3 822 100 - Email: congthongtin@taylinh.gov.vn",
                "Giấy phép số 41/GP-TTĐT ngày 12/3/2021 của Cục Phát thanh, truyền hình và thông tin điện tử."],
        extra_head='<style>p.MsoNormal, li.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}</style>\n',
    )
    path.write_bytes(html.encode("utf-8"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_m01(OUT / "m01_snnmt-minh-giang-par-sipas-so-tu-dong.docx")
    make_m02(OUT / "m02_ubnd-phuong-hung-phu-papi-dvcq-phu-luc-gop-o.docx")
    make_m03(OUT / "m03_skhcn-tay-linh-dti-par-bang-html.html")
    make_m04(OUT / "m04_stc-tay-linh-pci-ddci-word-dan-web.html")


if __name__ == "__main__":
    main()
