"""Write the two set P plans that are not plain text: a Word file and a portal page.

    p04_ca-khang-ninh-par-sipas-dti-bang-ket-qua.docx   Công an tỉnh: a ruled task table with a
                                                        "Kết quả/sản phẩm" column and index group rows
    p05_ubnd-huyen-lung-khe-dvcq-noi-dung-giai-phap.html  UBND huyện on the district portal:
                                                        "Nội dung k:" groups with "Giải pháp:" lines

Every province, agency, number and person is invented. Run from anywhere:

    .venv/bin/python corpora/sources/make_set_p.py

The Word and HTML helpers are those of plangen.py in this folder, shared with sets M and N, so the output is
deterministic in the same way: fixed core properties, zip timestamps and app.xml, no thumbnail.
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
    new_document,
    page,
    save_docx,
    signature_table,
    signer,
    task_table,
    title_block,
)

# --------------------------------------------------------------------------------------------------
# p04: Công an tỉnh Khang Ninh, PAR INDEX + SIPAS + DTI 2025, task table with Kết quả/sản phẩm
# --------------------------------------------------------------------------------------------------

P04_ROWS = [
    ("I", "Chỉ số cải cách hành chính (PAR INDEX)"),
    ("1", "Rà soát, đề xuất cắt giảm thành phần hồ sơ, thời gian giải quyết các thủ tục đăng ký thường trú, "
          "tạm trú đã được khai thác từ Cơ sở dữ liệu quốc gia về dân cư",
     "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Phòng Tham mưu", "Trước 30/6/2025",
     "Báo cáo rà soát; phương án cắt giảm trình Bộ Công an"),
    ("2", "Kiểm tra công tác cải cách hành chính, việc niêm yết thủ tục hành chính tại Công an các xã, phường; "
          "chấn chỉnh ngay các tồn tại phát hiện qua kiểm tra",
     "Phòng Tham mưu", "Thanh tra Công an tỉnh", "Quý III, IV/2025", "Thông báo kết quả kiểm tra"),
    ("II", "Chỉ số hài lòng của người dân, tổ chức (SIPAS)"),
    ("1", "Bố trí cán bộ trực hướng dẫn tại điểm cấp căn cước vào sáng thứ Bảy và ngày cao điểm; ưu tiên người "
          "cao tuổi, người khuyết tật, phụ nữ mang thai",
     "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Công an các xã, phường", "Từ tháng 4/2025",
     "Lịch trực hướng dẫn được công khai"),
    ("2", "Lấy ý kiến đánh giá của người dân bằng thiết bị đánh giá điện tử đặt tại bộ phận tiếp nhận hồ sơ; "
          "tổng hợp, công khai kết quả theo từng đơn vị",
     "Phòng Tham mưu",
     "Phòng Cảnh sát giao thông, Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
     "Hằng tháng (trước ngày 25)", "Báo cáo kết quả đánh giá hằng tháng"),
    ("3", "Tiếp nhận, xác minh phản ánh của người dân về thái độ, tác phong của cán bộ, chiến sĩ khi giải quyết "
          "thủ tục hành chính qua đường dây nóng", "Thanh tra Công an tỉnh", "", "Thường xuyên", ""),
    ("III", "Chỉ số chuyển đổi số (DTI)"),
    ("1", "Hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2, sử dụng ứng dụng VNeID để nộp "
          "hồ sơ trực tuyến",
     "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
     "Công an các xã, phường; Đoàn Thanh niên Công an tỉnh", "Định kỳ 6 tháng",
     "Số tài khoản được kích hoạt, báo cáo sơ kết"),
    ("2", "Kết nối phần mềm xử lý vi phạm hành chính về giao thông với Cổng Dịch vụ công của tỉnh để người vi "
          "phạm nộp phạt trực tuyến",
     "Phòng Cảnh sát giao thông", "Phòng Hậu cần, Sở Khoa học và Công nghệ",
     "Ngay sau khi có hướng dẫn của Bộ Công an", "Phần mềm được kết nối, vận hành"),
]


def make_p04(path: Path) -> None:
    doc = new_document(dt.datetime(2025, 3, 17, 8, 30, 0), "Phòng Tham mưu")
    header_table(doc, "BỘ CÔNG AN", "CÔNG AN TỈNH KHANG NINH", "412/KH-CAT-PTM", "Khang Ninh, ngày 17 tháng 3 năm 2025")
    title_block(doc, "KẾ HOẠCH",
                "Nâng cao Chỉ số cải cách hành chính, Chỉ số hài lòng của người dân, tổ chức và Chỉ số chuyển "
                "đổi số của Công an tỉnh Khang Ninh năm 2025")
    add_par(doc, "Căn cứ Kế hoạch số 64/KH-UBND ngày 24/02/2025 của UBND tỉnh Khang Ninh về cải cách hành chính "
                 "năm 2025;")
    add_par(doc, "Thực hiện Kế hoạch số 118/KH-BCA-V03 ngày 05/02/2025 của Bộ Công an về cải cách hành chính "
                 "trong Công an nhân dân năm 2025;")
    add_par(doc, "Công an tỉnh Khang Ninh ban hành Kế hoạch như sau:")

    add_par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False)
    add_par(doc, "Tạo chuyển biến rõ nét trong giải quyết thủ tục hành chính về cư trú, căn cước, đăng ký xe; "
                 "mỗi nhiệm vụ có đơn vị chủ trì, thời hạn và kết quả cụ thể để kiểm đếm khi sơ kết, tổng kết.")

    add_par(doc, "II. KẾT QUẢ NĂM 2024 VÀ TỒN TẠI, HẠN CHẾ", bold=True, indent=False)
    add_par(doc, "Năm 2024, Chỉ số cải cách hành chính của Công an tỉnh đạt 90,18 điểm, tăng 1,36 điểm so với "
                 "năm 2023; tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt 64%. Tồn tại, hạn chế theo từng "
                 "chỉ số như sau:")
    add_par(doc, "1. Chỉ số cải cách hành chính", bold=True)
    add_par(doc, "Một số thủ tục về cư trú vẫn yêu cầu người dân nộp giấy tờ đã có trong Cơ sở dữ liệu quốc gia "
                 "về dân cư; việc niêm yết thủ tục hành chính tại Công an cấp xã chưa được cập nhật kịp thời.")
    add_par(doc, "2. Chỉ số hài lòng của người dân, tổ chức", bold=True)
    add_par(doc, "Thời gian chờ tại điểm cấp căn cước vào ngày cao điểm còn dài; người dân chưa có kênh đánh giá "
                 "trực tiếp đối với từng cán bộ tiếp nhận hồ sơ.")
    add_par(doc, "3. Chỉ số chuyển đổi số", bold=True)
    add_par(doc, "Tỷ lệ người dân sử dụng tài khoản định danh điện tử để nộp hồ sơ trực tuyến còn thấp; phần mềm "
                 "xử lý vi phạm giao thông chưa kết nối với Cổng Dịch vụ công của tỉnh.")

    add_par(doc, "III. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "Các nhiệm vụ cụ thể như sau:")
    # blank cells keep Word's bare paragraph (m02 and n05 write an empty run there)
    task_table(doc, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
                     "Kết quả/sản phẩm"], P04_ROWS, [1.2, 5.6, 2.8, 2.6, 2.0, 2.6], bare_blanks=True)

    add_par(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True, indent=False)
    add_par(doc, "1. Phòng Tham mưu là cơ quan thường trực, giúp Ban Giám đốc theo dõi việc thực hiện Kế hoạch; "
                 "tổng hợp kết quả, báo cáo UBND tỉnh và Bộ Công an theo quy định.")
    add_par(doc, "2. Trưởng các phòng nghiệp vụ, Trưởng Công an các xã, phường căn cứ nhiệm vụ được giao xây dựng "
                 "kế hoạch triển khai tại đơn vị; định kỳ 6 tháng báo cáo kết quả về Phòng Tham mưu.")
    add_par(doc, "3. Phòng Hậu cần bảo đảm kinh phí, trang thiết bị cho bộ phận tiếp nhận hồ sơ và thiết bị đánh "
                 "giá điện tử theo đề xuất của các đơn vị.")
    add_par(doc, "Trên đây là Kế hoạch nâng cao các chỉ số cải cách hành chính năm 2025 của Công an tỉnh Khang "
                 "Ninh, yêu cầu các đơn vị nghiêm túc triển khai thực hiện./.")
    signature_table(
        doc,
        ["- Bộ Công an (V03) (b/c);", "- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Ban Giám đốc Công an tỉnh;",
         "- Các phòng, Công an các xã, phường;", "- Lưu: VT, PTM."],
        signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", name="Đại tá Phan Đức Long"),
    )
    save_docx(doc, path, (2025, 3, 17, 10, 30, 0), pages=4, minutes=74)


# --------------------------------------------------------------------------------------------------
# p05: UBND huyện Lũng Khê, tỉnh Bạch Lãng, dân vận chính quyền 2025, on the district portal
# --------------------------------------------------------------------------------------------------

# the plan between its letterhead and its sign-off, as the editor typed it into the portal
P05_BODY = """      <p>Căn cứ Chương trình số 07-CTr/HU ngày 10/01/2025 của Ban Thường vụ Huyện ủy về công tác dân vận năm 2025;</p>
      <p>Căn cứ Hướng dẫn số 11-HD/BDVTU ngày 27/02/2025 của Ban Dân vận Tỉnh ủy Bạch Lãng về tiêu chí đánh giá Chỉ số dân vận chính quyền;</p>
      <p>Ủy ban nhân dân huyện Lũng Khê xây dựng Kế hoạch như sau:</p>
      <p><strong>I. MỤC ĐÍCH, YÊU CẦU</strong></p>
      <p>Năm 2024, Chỉ số dân vận chính quyền của huyện đạt 84,25 điểm, xếp thứ 7/9 huyện, thị xã, thành phố. Kế hoạch nhằm khắc phục những nội dung bị đánh giá thấp, đưa công tác dân vận thành nhiệm vụ thường xuyên của từng cán bộ, công chức.</p>
      <p><strong>II. NỘI DUNG VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ DÂN VẬN CHÍNH QUYỀN</strong></p>
      <p><strong>Nội dung 1: Dân vận trong giải quyết thủ tục hành chính</strong></p>
      <p><em>Hạn chế:</em> Một số công chức tại Bộ phận Một cửa hướng dẫn chưa rõ, người dân phải đi lại nhiều lần; việc xin lỗi khi trả kết quả trễ hẹn chưa được thực hiện nghiêm.</p>
      <p><em>Giải pháp:</em> Công chức Bộ phận Một cửa đeo thẻ, hướng dẫn một lần bằng phiếu in sẵn; gửi thư xin lỗi trong ngày đối với mọi hồ sơ trễ hẹn.</p>
      <p>Thời gian: Thường xuyên</p>
      <p>Chủ trì: Văn phòng HĐND và UBND huyện</p>
      <p>Phối hợp: UBND các xã, thị trấn</p>
      <p><em>Giải pháp:</em> Tổ chức “Sáng thứ Năm lắng nghe” tại Bộ phận Một cửa, lãnh đạo UBND huyện trực tiếp nghe người dân góp ý về thủ tục hành chính.</p>
      <p>Thời gian: Định kỳ hằng tháng</p>
      <p>Chủ trì: Văn phòng HĐND và UBND huyện</p>
      <p><strong>Nội dung 2: Tiếp công dân, đối thoại và giải quyết khiếu nại, tố cáo</strong></p>
      <p><em>Hạn chế:</em> Việc đối thoại với người dân có đất bị thu hồi còn hình thức; một số vụ việc khiếu nại kéo dài, chưa được giải quyết dứt điểm.</p>
      <p><em>Giải pháp:</em> Chủ tịch UBND huyện đối thoại với người dân các xã có dự án thu hồi đất trước khi phê duyệt phương án bồi thường.</p>
      <p>Thời gian: Quý II/2025<br>
      Chủ trì: Ban Tiếp công dân huyện<br>
      Phối hợp: Phòng Tài nguyên và Môi trường, Ban Quản lý dự án đầu tư xây dựng huyện</p>
      <p><em>Giải pháp:</em> Rà soát, giải quyết dứt điểm các vụ việc khiếu nại tồn đọng từ năm 2023 trở về trước; công khai kết quả giải quyết tại trụ sở UBND xã nơi phát sinh vụ việc.</p>
      <p>Thời gian: Trước 30/9/2025<br>
      Chủ trì: Thanh tra huyện<br>
      Phối hợp: UBND các xã, thị trấn</p>
      <p><strong>Nội dung 3: Xây dựng mô hình “Dân vận khéo” trong cơ quan hành chính</strong></p>
      <p><em>Hạn chế:</em> Số mô hình “Dân vận khéo” của khối chính quyền ít, chủ yếu đăng ký lại mô hình cũ, chưa gắn với cải cách hành chính.</p>
      <p><em>Giải pháp:</em> Mỗi cơ quan chuyên môn đăng ký ít nhất 01 mô hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn, gửi danh sách về Phòng Nội vụ.</p>
      <p>Thời gian: Ngày 15/5/2025<br>
      Chủ trì: Phòng Nội vụ<br>
      Phối hợp: Các cơ quan chuyên môn thuộc UBND huyện</p>
      <p><em>Giải pháp:</em> Sơ kết, biểu dương các mô hình tiêu biểu; đề nghị khen thưởng tập thể, cá nhân có cách làm hay.</p>
      <p>Thời gian: Quý IV/2025<br>
      Chủ trì: Phòng Nội vụ<br>
      Phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện</p>
      <p><strong>III. TỔ CHỨC THỰC HIỆN</strong></p>
      <p><strong>1. Phòng Nội vụ</strong></p>
      <p>Tham mưu UBND huyện theo dõi, đôn đốc thực hiện Kế hoạch; tự chấm điểm Chỉ số dân vận chính quyền của huyện, gửi Ban Dân vận Huyện ủy đúng thời gian quy định.</p>
      <p><strong>2. Thủ trưởng các cơ quan chuyên môn, Chủ tịch UBND các xã, thị trấn</strong></p>
      <p>Quán triệt Kế hoạch đến cán bộ, công chức; đưa kết quả công tác dân vận vào đánh giá, xếp loại cuối năm.</p>
      <p>3. Đề nghị Ban Dân vận Huyện ủy, Ủy ban Mặt trận Tổ quốc Việt Nam huyện hướng dẫn, giám sát việc thực hiện Kế hoạch; kịp thời thông tin cho UBND huyện những phản ánh của Nhân dân.</p>
      <p>Trên đây là Kế hoạch nâng cao hiệu quả công tác dân vận chính quyền năm 2025 của UBND huyện Lũng Khê./.</p>"""


def make_p05(path: Path) -> None:
    html = page(
        title="UBND huyện ban hành Kế hoạch nâng cao Chỉ số dân vận chính quyền năm 2025 - Cổng TTĐT huyện Lũng Khê",
        site="CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN LŨNG KHÊ",
        nav=["Trang chủ", "Giới thiệu chung", "Tin tức - Sự kiện", "Chỉ đạo điều hành", "Dân vận chính quyền",
             "Văn bản", "Thủ tục hành chính", "Tiếp công dân", "Liên hệ"],
        crumbs=["Trang chủ", "Dân vận chính quyền", "Văn bản chỉ đạo"],
        dateline="Thứ Sáu, 21/03/2025 - 16:05",
        headline="UBND huyện Lũng Khê ban hành Kế hoạch nâng cao Chỉ số dân vận chính quyền năm 2025",
        content="\n".join([
            html_letterhead("ỦY BAN NHÂN DÂN", "HUYỆN LŨNG KHÊ", "46/KH-UBND", "Lũng Khê, ngày 18 tháng 3 năm 2025",
                            "KẾ HOẠCH", "Nâng cao hiệu quả công tác dân vận chính quyền và Chỉ số dân vận chính "
                            "quyền của huyện Lũng Khê năm 2025"),
            P05_BODY,
            html_signoff(["- Ban Dân vận Tỉnh ủy (b/c);", "- TT Huyện ủy, TT HĐND huyện;", "- Ban Dân vận Huyện ủy;",
                          "- Ủy ban MTTQ Việt Nam huyện;", "- Các cơ quan chuyên môn thuộc UBND huyện;",
                          "- UBND các xã, thị trấn;", "- Lưu: VT."],
                         ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nông Văn Thạch",
                         "/uploads/2025/03/46-KH-UBND.pdf"),
        ]),
        related=["Hội nghị tổng kết công tác dân vận năm 2024",
                 "Huyện Lũng Khê đối thoại với người dân xã Nà Phiêng về dự án hồ chứa nước",
                 "Kết quả Chỉ số dân vận chính quyền năm 2024 của các huyện, thị xã, thành phố"],
        footer=["Cơ quan chủ quản: UBND huyện Lũng Khê. Địa chỉ: Tổ 4, thị trấn Lũng Khê, tỉnh Bạch Lãng.",
                "Điện thoại: 0209 3 871 225 - Email: ubnd@lungkhe.baclang.gov.vn"],
        visits="388.142",
    )
    path.write_bytes(N(html).encode("utf-8"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_p04(OUT / "p04_ca-khang-ninh-par-sipas-dti-bang-ket-qua.docx")
    make_p05(OUT / "p05_ubnd-huyen-lung-khe-dvcq-noi-dung-giai-phap.html")


if __name__ == "__main__":
    main()
