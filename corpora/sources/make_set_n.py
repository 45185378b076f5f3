"""Write the set N plans: three Word files and two PDFs made from Word files, as agencies produce them.

    n01_syt-van-khanh-par-sipas-dti-heading-style.docx
        headings in Word's Heading 1/2/3 styles whose numbering ("I." / "1." / "1.1.") is defined in
        styles.xml (the paragraphs carry only the style); header and signature laid out with tab stops
    n02_sct-van-khanh-pci-ddci-dti-bang-ton-tai.docx
        the whole task list in one Word table "TT | Tồn tại, hạn chế | Nhiệm vụ, giải pháp | Chủ trì |
        Phối hợp | Thời gian hoàn thành | Sản phẩm" with a two-row header (gridSpan + vMerge, tblHeader),
        group rows spanning the table, a Tồn tại cell merged down two rows, a two-paragraph cell
    n03_ubnd-xa-dong-vong-qd-par-papi-dvcq.docx
        a Quyết định that issues the plan, a page break, then the plan; bullets from Word bullet
        numbering (numFmt bullet, Symbol font, lvlText U+F0B7)
    n04_sgddt-thuong-lam-sipas-dti-nhan.pdf
        a Word plan with typed numbers and "Thời gian / Đơn vị chủ trì / Đơn vị phối hợp" label lines,
        a page number in the header from page 2, converted to PDF by LibreOffice
    n05_sxd-thuong-lam-ddci-par-phu-luc-ngang.pdf
        a Word plan whose tasks sit in an appendix table in a landscape section, converted to PDF

Every province, agency, number and person is invented. Run from anywhere:

    .venv/bin/python corpora/sources/make_set_n.py

Only the standard library and python-docx are used (with the Word helpers of plangen.py in this folder, shared
with sets M and P); n04 and n05 are converted with `soffice --headless --convert-to pdf`. The .docx files
get fixed core properties and zip timestamps, so a rerun gives the same bytes. For the PDFs the creation date
and the /ID that LibreOffice writes are replaced by fixed values of the same length; the rest of the PDF
depends on the LibreOffice build and its fonts.
The intermediate .docx of n04/n05 is written only with --keep-docx (next to the PDF, as <stem>.docx).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import plangen
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from plangen import (
    FONT,
    OUT,
    abstract,
    add_numbering,
    add_par,
    cant_split,
    cell_lines,
    header_table,
    keep_lines,
    labels,
    landscape_section,
    num,
    page_break,
    page_number_header,
    repeat_header,
    ruled,
    save_docx,
    set_widths,
    signature_table,
    signer,
    task_table,
    title_block,
)

N01 = "n01_syt-van-khanh-par-sipas-dti-heading-style"
N02 = "n02_sct-van-khanh-pci-ddci-dti-bang-ton-tai"
N03 = "n03_ubnd-xa-dong-vong-qd-par-papi-dvcq"
N04 = "n04_sgddt-thuong-lam-sipas-dti-nhan"
N05 = "n05_sxd-thuong-lam-ddci-par-phu-luc-ngang"

HEADER_WIDTHS = (7.0, 10.0)                           # set N's letterheads give the agency column 1 cm more


def new_document(created: dt.datetime, author: str) -> Document:
    """plangen.new_document with set N's revision number (3), which its committed files carry."""
    return plangen.new_document(created, author, revision=3)


# --------------------------------------------------------------------------------------------------
# Numbering carried by the heading styles (n01)
# --------------------------------------------------------------------------------------------------

HEADING_STYLES = ("Heading1", "Heading2", "Heading3")


def style_numbering(doc, num_id: int, aid: int) -> None:
    """Word's "link level to style": Heading 1/2/3 carry numPr in styles.xml; each lvl names its style.

    The heading paragraphs themselves carry only <w:pStyle>, no numPr.
    """
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3.")]
    lvls = []
    for ilvl, (fmt, text) in enumerate(levels):
        lvls.append(
            '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:pStyle w:val="%s"/>'
            '<w:suff w:val="space"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
            '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/><w:b/></w:rPr></w:lvl>'
            % (ilvl, fmt, HEADING_STYLES[ilvl], text, FONT, FONT))
    for ilvl in range(3, 9):
        lvls.append('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
                    '<w:lvlText w:val="%%%d)"/><w:lvlJc w:val="left"/>'
                    '<w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>' % (ilvl, ilvl + 1, 360 * ilvl))
    add_numbering(doc, [abstract(aid, "1C2E5A71", lvls, tmpl="7A9C0D12")], [num(num_id, aid)])
    for ilvl, sid in enumerate(HEADING_STYLES):
        el = doc.styles["Heading %d" % (ilvl + 1)].element
        for old in (el.find(qn("w:pPr")), el.find(qn("w:rPr"))):
            if old is not None:
                el.remove(old)
        ilvl_xml = '<w:ilvl w:val="%d"/>' % ilvl if ilvl else ""
        el.append(parse_xml(
            '<w:pPr %s><w:keepNext/><w:keepLines/><w:numPr>%s<w:numId w:val="%d"/></w:numPr>'
            '<w:spacing w:before="120" w:after="120"/><w:jc w:val="both"/><w:outlineLvl w:val="%d"/></w:pPr>'
            % (nsdecls("w"), ilvl_xml, num_id, ilvl)))
        el.append(parse_xml(
            '<w:rPr %s><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/><w:b/><w:bCs/>%s'
            '<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
            % (nsdecls("w"), FONT, FONT, FONT, FONT, "<w:i/>" if ilvl == 2 else "")))


def H(doc, level: int, text: str):
    return add_par(doc, text, style="Heading %d" % level)


# --------------------------------------------------------------------------------------------------
# n01: Sở Y tế tỉnh Vân Khánh, PAR INDEX + SIPAS + DTI 2026, heading styles, tab-stop header
# --------------------------------------------------------------------------------------------------

N01_FIELDS = ("Thời gian hoàn thành", "Chủ trì", "Phối hợp")


def make_n01(path: Path) -> None:
    doc = new_document(dt.datetime(2026, 1, 20, 8, 5, 0), "Văn phòng Sở Y tế")
    style_numbering(doc, num_id=60, aid=60)
    C = WD_TAB_ALIGNMENT.CENTER
    head_tabs = [(3.2, C), (11.3, C)]
    add_par(doc, [("\tUBND TỈNH VÂN KHÁNH\t", ""), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b")],
            align="left", tabs=head_tabs, size=13, after=0)
    add_par(doc, [("\tSỞ Y TẾ\t", "b"), ("Độc lập - Tự do - Hạnh phúc", "b")],
            align="left", tabs=head_tabs, size=13, after=12)
    add_par(doc, [("\tSố: 08/KH-SYT\t", ""), ("Vân Khánh, ngày 20 tháng 01 năm 2026", "i")],
            align="left", tabs=head_tabs, size=13, after=18)
    title_block(doc, "KẾ HOẠCH",
                "Nâng cao Chỉ số cải cách hành chính, Chỉ số hài lòng của người dân, tổ chức và Chỉ số "
                "chuyển đổi số của Sở Y tế năm 2026", after=12)
    add_par(doc, "Căn cứ Quyết định số 2740/QĐ-UBND ngày 29/12/2025 của Ủy ban nhân dân tỉnh Vân Khánh công bố "
                 "kết quả Chỉ số cải cách hành chính, Chỉ số hài lòng và Chỉ số chuyển đổi số năm 2025 của các "
                 "cơ quan, địa phương;")
    add_par(doc, "Căn cứ Kế hoạch số 14/KH-UBND ngày 08/01/2026 của Ủy ban nhân dân tỉnh về cải cách hành chính "
                 "nhà nước năm 2026;")
    add_par(doc, "Sở Y tế xây dựng Kế hoạch nâng cao các chỉ số năm 2026 như sau:")

    H(doc, 1, "MỤC ĐÍCH, YÊU CẦU")
    add_par(doc, "Khắc phục các nội dung bị trừ điểm trong năm 2025; năm 2026, phấn đấu đạt từ 88 điểm về Chỉ số "
                 "cải cách hành chính, từ 90% về mức độ hài lòng và đứng trong nhóm 5 sở dẫn đầu về Chỉ số chuyển "
                 "đổi số. Từng nhiệm vụ được giao rõ đơn vị chủ trì, thời hạn hoàn thành và được kiểm điểm hằng "
                 "quý.")

    H(doc, 1, "NHIỆM VỤ, GIẢI PHÁP")
    H(doc, 2, "Chỉ số cải cách hành chính (PAR INDEX)")
    H(doc, 3, "Tồn tại, hạn chế")
    add_par(doc, "Năm 2025, Chỉ số cải cách hành chính của Sở Y tế đạt 85,17 điểm, giảm 0,94 điểm so với năm "
                 "2024, xếp thứ 9/18 cơ quan chuyên môn thuộc UBND tỉnh. Sở bị trừ điểm vì công bố chậm danh "
                 "mục thủ tục hành chính lĩnh vực dược, mỹ phẩm sau khi Bộ Y tế ban hành quyết định và chưa tự "
                 "kiểm tra công tác cải cách hành chính tại các trung tâm y tế khu vực.")
    H(doc, 3, "Về cải cách thủ tục hành chính")
    add_par(doc, "Theo dõi văn bản mới của Bộ Y tế; trình Chủ tịch UBND tỉnh dự thảo quyết định công bố danh mục "
                 "thủ tục hành chính trong 05 ngày làm việc kể từ ngày văn bản của Bộ có hiệu lực; cập nhật quy "
                 "trình nội bộ lên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.")
    labels(doc, N01_FIELDS, "Khi Bộ Y tế ban hành thủ tục mới", "Phòng Nghiệp vụ Dược",
           "Văn phòng Sở; Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm")
    H(doc, 3, "Về kiểm tra, theo dõi cải cách hành chính")
    add_par(doc, "Ban hành kế hoạch tự kiểm tra cải cách hành chính năm 2026 tại 06 trung tâm y tế khu vực và "
                 "04 bệnh viện tuyến tỉnh; sau mỗi đợt kiểm tra có thông báo kết luận, đơn vị được kiểm tra báo "
                 "cáo kết quả khắc phục trong 15 ngày.")
    labels(doc, N01_FIELDS, "Quý II/2026", "Phòng Tổ chức cán bộ", "Văn phòng Sở, Phòng Kế hoạch - Tài chính")

    H(doc, 2, "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)")
    H(doc, 3, "Tồn tại, hạn chế")
    add_par(doc, "Mức độ hài lòng chung năm 2025 đạt 86,40%, tăng 1,12% so với năm 2024. Tổ chức, cá nhân chưa "
                 "hài lòng vì hồ sơ cấp chứng chỉ hành nghề phải bổ sung nhiều lần và phản ánh qua đường dây "
                 "nóng được trả lời chậm.")
    H(doc, 3, "Về tiếp nhận, giải quyết hồ sơ")
    add_par(doc, "- Hướng dẫn thành phần hồ sơ cấp, cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh bằng một "
                 "phiếu duy nhất; công chức tiếp nhận không yêu cầu bổ sung hồ sơ quá một lần.")
    labels(doc, N01_FIELDS, "Từ tháng 02 đến tháng 6/2026", "Phòng Nghiệp vụ Y",
           "Trung tâm Phục vụ hành chính công tỉnh")
    add_par(doc, "- Đặt mã QR khảo sát ý kiến người đến giao dịch tại quầy của Sở; tổng hợp kết quả và công khai "
                 "trên Cổng thông tin điện tử của Sở.")
    labels(doc, N01_FIELDS, "Hằng quý", "Văn phòng Sở")
    H(doc, 3, "Về tiếp nhận, trả lời phản ánh, kiến nghị")
    add_par(doc, "Trả lời phản ánh qua đường dây nóng của Sở trong 03 ngày làm việc; phản ánh phức tạp được "
                 "chuyển Lãnh đạo Sở xem xét và thông báo thời hạn trả lời cho người phản ánh.")
    labels(doc, N01_FIELDS, "Thường xuyên", "Văn phòng Sở", "Các phòng chuyên môn, đơn vị trực thuộc Sở")

    H(doc, 2, "Chỉ số chuyển đổi số (DTI)")
    H(doc, 3, "Tồn tại, hạn chế")
    add_par(doc, "Chỉ số chuyển đổi số năm 2025 của Sở đạt 0,6842 điểm, xếp thứ 11/18; dữ liệu hồ sơ sức khỏe "
                 "điện tử chưa được kết nối đầy đủ giữa các cơ sở khám bệnh, chữa bệnh công lập.")
    H(doc, 3, "Về dữ liệu và nền tảng số")
    add_par(doc, "Trung tâm Kiểm soát bệnh tật chủ trì, phối hợp với các bệnh viện tuyến tỉnh và trung tâm y tế "
                 "khu vực hoàn thành kết nối dữ liệu hồ sơ sức khỏe điện tử với nền tảng chia sẻ dữ liệu của "
                 "tỉnh; báo cáo tỷ lệ hồ sơ được cập nhật vào tuần đầu của mỗi tháng.")

    H(doc, 1, "TỔ CHỨC THỰC HIỆN")
    H(doc, 2, "Văn phòng Sở")
    add_par(doc, "Là đầu mối nắm tiến độ các nhiệm vụ của Kế hoạch; tập hợp kết quả của các đơn vị, báo cáo "
                 "Giám đốc Sở và Sở Nội vụ theo định kỳ quý, năm.")
    H(doc, 2, "Phòng Kế hoạch - Tài chính")
    add_par(doc, "Dự kiến kinh phí thực hiện các nhiệm vụ của Kế hoạch, đưa vào dự toán ngân sách năm 2026 của "
                 "Sở.")
    H(doc, 2, "Các phòng chuyên môn, đơn vị trực thuộc Sở")
    add_par(doc, "Cụ thể hóa nhiệm vụ được giao bằng kế hoạch chi tiết gửi Văn phòng Sở; người đứng đầu đơn vị "
                 "chịu trách nhiệm nếu nội dung thuộc lĩnh vực phụ trách bị trừ điểm.")
    add_par(doc, "Trên đây là Kế hoạch nâng cao các chỉ số năm 2026 của Sở Y tế tỉnh Vân Khánh. Trong quá trình "
                 "thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời về Văn phòng Sở để Giám đốc "
                 "Sở chỉ đạo giải quyết./.", after=12)

    # the signature block, laid out with a centre tab stop instead of a table
    sig_tabs = [(12.0, C)]
    add_par(doc, [("Nơi nhận:", "bis"), ("\t", ""), ("KT. GIÁM ĐỐC", "b")], align="left", tabs=sig_tabs,
            after=0)
    add_par(doc, [("- Sở Nội vụ (b/c);", "s"), ("\t", ""), ("PHÓ GIÁM ĐỐC", "b")], align="left", tabs=sig_tabs,
            after=0)
    for line in ("- Giám đốc, các Phó Giám đốc Sở;", "- Các phòng chuyên môn, đơn vị trực thuộc;",
                 "- Lưu: VT, VP."):
        add_par(doc, [(line, "")], align="left", size=12, after=0)
    add_par(doc, "", align="left", after=0)
    add_par(doc, [("\t", ""), ("Trần Thị Minh Châu", "b")], align="left", tabs=sig_tabs, after=0)
    save_docx(doc, path, (2026, 1, 20, 10, 5, 0), pages=3, minutes=104)


# --------------------------------------------------------------------------------------------------
# n02: Sở Công Thương tỉnh Vân Khánh, PCI + DDCI + DTI 2026, one task table with a Tồn tại column
# --------------------------------------------------------------------------------------------------

# (TT, Tồn tại (None = merged into the cell above), Nhiệm vụ (str or list of paragraphs), Chủ trì,
#  Phối hợp, Thời gian hoàn thành, Sản phẩm)
N02_ROWS = [
    ("I", "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)"),
    ("1", "Doanh nghiệp khó tiếp cận thông tin về quy hoạch cụm công nghiệp và chính sách khuyến công",
     "Công khai quy hoạch, danh mục cụm công nghiệp còn quỹ đất và các chính sách khuyến công trên Cổng thông "
     "tin điện tử của Sở; cập nhật trong 05 ngày làm việc khi có thay đổi",
     "Phòng Quản lý công nghiệp", "Văn phòng Sở", "Quý II/2026",
     "Chuyên mục thông tin trên Cổng thông tin điện tử"),
    ("2", "Thời gian cấp giấy chứng nhận đủ điều kiện kinh doanh xăng dầu, khí còn dài; nhiều hồ sơ phải bổ "
          "sung nhiều lần",
     "Sửa đổi quy trình nội bộ, rút bớt tối thiểu 20% thời gian giải quyết thủ tục cấp, cấp lại giấy chứng "
     "nhận đủ điều kiện kinh doanh xăng dầu, khí",
     "Phòng Quản lý thương mại", "Trung tâm Phục vụ hành chính công tỉnh", "Trước ngày 30/6/2026",
     "Quyết định phê duyệt quy trình nội bộ sửa đổi"),
    ("3", None,
     "Hướng dẫn hồ sơ một lần bằng văn bản hoặc thư điện tử; công khai danh sách hồ sơ phải bổ sung và lý do",
     "Phòng Quản lý thương mại", "", "Thường xuyên", ""),
    ("II", "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP SỞ, NGÀNH VÀ ĐỊA PHƯƠNG (DDCI)"),
    ("1", "Chỉ số thành phần Tính minh bạch giảm điểm; doanh nghiệp ít được mời góp ý dự thảo văn bản",
     ["Gửi dự thảo văn bản có liên quan đến doanh nghiệp tới Hiệp hội Doanh nghiệp tỉnh và đăng tải lấy ý kiến "
      "tối thiểu 30 ngày.",
      "Tổng hợp, giải trình ý kiến góp ý; công khai báo cáo giải trình cùng văn bản đã ban hành."],
     "Văn phòng Sở", "Các phòng chuyên môn", "Năm 2026", "Báo cáo tổng hợp, giải trình ý kiến"),
    ("2", "Một số kiến nghị của doanh nghiệp được trả lời quá hạn",
     "Giám đốc Sở chủ trì hội nghị đối thoại với doanh nghiệp; trả lời kiến nghị thuộc thẩm quyền của Sở chậm "
     "nhất sau 10 ngày làm việc",
     "Văn phòng Sở", "Hiệp hội Doanh nghiệp tỉnh, Phòng Quản lý công nghiệp, Phòng Quản lý thương mại",
     "Định kỳ 6 tháng", "Biên bản hội nghị đối thoại"),
    ("III", "CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI)"),
    ("1", "Tỷ lệ hồ sơ trực tuyến toàn trình lĩnh vực công thương mới đạt 52%",
     "Hỗ trợ doanh nghiệp nộp hồ sơ trực tuyến toàn trình ngay tại quầy; làm video hướng dẫn nộp hồ sơ đối "
     "với 10 thủ tục có nhiều hồ sơ nhất",
     "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", "Văn phòng Sở", "Từ tháng 4 đến tháng 9/2026",
     "10 video hướng dẫn"),
    ("2", "",
     "Chuyển các giấy chứng nhận, giấy phép do Sở cấp từ năm 2023 còn hiệu lực sang bản điện tử, đưa vào kho "
     "dữ liệu của Sở",
     "Văn phòng Sở", "Phòng Quản lý thương mại, Phòng Quản lý công nghiệp", "Quý III/2026",
     "Kho dữ liệu số hóa"),
]


def make_n02(path: Path) -> None:
    doc = new_document(dt.datetime(2026, 3, 4, 7, 50, 0), "VP Sở Công Thương")
    header_table(doc, "UBND TỈNH VÂN KHÁNH", "SỞ CÔNG THƯƠNG", "21/KH-SCT", "Vân Khánh, ngày 04 tháng 3 năm 2026",
                 widths=HEADER_WIDTHS)
    title_block(doc, "KẾ HOẠCH",
                "Cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số năng lực cạnh tranh cấp sở, ngành "
                "và địa phương (DDCI) và Chỉ số chuyển đổi số (DTI) năm 2026")
    add_par(doc, "Căn cứ Kế hoạch số 31/KH-UBND ngày 10/02/2026 của UBND tỉnh Vân Khánh về cải thiện môi trường "
                 "kinh doanh và nâng cao năng lực cạnh tranh của tỉnh năm 2026;")
    add_par(doc, "Căn cứ Công văn số 205/STC-DN ngày 19/02/2026 của Sở Tài chính về việc xây dựng kế hoạch cải "
                 "thiện Chỉ số DDCI năm 2026;")
    add_par(doc, "Sở Công Thương ban hành Kế hoạch với các nội dung sau:")

    add_par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False)
    add_par(doc, "Nâng điểm các chỉ số thành phần còn thấp, nhất là tính minh bạch, chi phí thời gian và dịch vụ "
                 "công trực tuyến; gắn trách nhiệm của người đứng đầu từng phòng, đơn vị với kết quả thực hiện.")
    add_par(doc, "II. KẾT QUẢ NĂM 2025", bold=True, indent=False)
    add_par(doc, "Năm 2025, Chỉ số PCI của tỉnh Vân Khánh đạt 66,08 điểm, giảm 0,45 điểm, xếp thứ 22/34 tỉnh, "
                 "thành phố. Chỉ số DDCI của Sở Công Thương đạt 80,15 điểm, xếp thứ 5/17 sở, ngành; Chỉ số "
                 "chuyển đổi số của Sở đạt 0,7013 điểm, xếp thứ 8/18.")
    add_par(doc, "III. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "Nhiệm vụ khắc phục từng tồn tại, hạn chế được giao cụ thể như sau:")

    widths = [1.0, 3.3, 4.6, 2.2, 2.2, 1.7, 2.0]
    t = doc.add_table(rows=2, cols=7)
    ruled(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col in (0, 1, 2, 5, 6):
        t.cell(0, col).merge(t.cell(1, col))          # vMerge restart / continue
    t.cell(0, 3).merge(t.cell(0, 4))                  # gridSpan 2
    heads = {0: "TT", 1: "Tồn tại, hạn chế", 2: "Nhiệm vụ, giải pháp", 3: "Đơn vị thực hiện",
             5: "Thời gian hoàn thành", 6: "Sản phẩm"}
    for col, text in heads.items():
        cell_lines(t.cell(0, col), [(text, "b")], size=11)
    cell_lines(t.cell(1, 3), [("Chủ trì", "b")], size=11)   # row 2: five vMerge continuations and these two
    cell_lines(t.cell(1, 4), [("Phối hợp", "b")], size=11)
    repeat_header(t.rows[0])
    repeat_header(t.rows[1])
    above = None
    for row in N02_ROWS:
        r = t.add_row()
        cant_split(r)
        ridx = len(t.rows) - 1
        if len(row) == 2:
            cell_lines(r.cells[0], [(row[0], "b")], size=11)
            merged = r.cells[1].merge(r.cells[6])
            cell_lines(merged, [(row[1], "b")], align="left", size=11)
            continue
        stt, weak, task, lead, coord, when, product = row
        cell_lines(r.cells[0], [stt], size=11)
        if weak is None:
            t.cell(ridx - 1, 1).merge(t.cell(ridx, 1))
            cell_lines(t.cell(ridx - 1, 1), [above], align=None, size=11)
        else:
            cell_lines(r.cells[1], [weak], align=None, size=11)
            above = weak
        cell_lines(t.cell(ridx, 2), task if isinstance(task, list) else [task], align=None, size=11, after=3)
        cell_lines(t.cell(ridx, 3), [lead], align="left", size=11)
        cell_lines(t.cell(ridx, 4), [coord], align="left", size=11)
        cell_lines(t.cell(ridx, 5), [when], size=11)
        cell_lines(t.cell(ridx, 6), [product], align="left", size=11)
    set_widths(t, widths)

    add_par(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True, indent=False).paragraph_format.space_before = Pt(12)
    add_par(doc, "1. Văn phòng Sở cập nhật tiến độ từng dòng nhiệm vụ của bảng trên, báo cáo Giám đốc Sở trước "
                 "ngày 10 của tháng cuối mỗi quý.")
    add_par(doc, "2. Trưởng các phòng chuyên môn, Giám đốc Trung tâm Khuyến công và Tư vấn phát triển công nghiệp "
                 "tổ chức thực hiện phần việc được phân công và trả lời trước Giám đốc Sở về tiến độ, chất lượng.")
    add_par(doc, "3. Đề nghị Hiệp hội Doanh nghiệp tỉnh phổ biến Kế hoạch đến hội viên và kịp thời phản ánh khó "
                 "khăn, vướng mắc của doanh nghiệp về Sở.")
    add_par(doc, "Trên đây là Kế hoạch cải thiện Chỉ số PCI, DDCI và DTI năm 2026 của Sở Công Thương; yêu cầu các "
                 "phòng, đơn vị nghiêm túc triển khai thực hiện./.")
    signature_table(
        doc,
        ["- UBND tỉnh (b/c);", "- Sở Tài chính;", "- Hiệp hội Doanh nghiệp tỉnh;", "- Giám đốc, các PGĐ Sở;",
         "- Lưu: VT, VP."],
        signer("GIÁM ĐỐC", name="Lương Văn Khải"),
    )
    save_docx(doc, path, (2026, 3, 4, 9, 50, 0), pages=3, minutes=131)


# --------------------------------------------------------------------------------------------------
# n03: Quyết định of UBND xã Đông Vọng (tỉnh Thượng Lâm) issuing a PAR INDEX + PAPI + DVCQ plan, 2026
# --------------------------------------------------------------------------------------------------

def word_bullets(doc, num_id: int, aid: int) -> None:
    """Word's default bullet list: hybridMultilevel, Symbol U+F0B7 / Courier New "o" / Wingdings U+F0A7."""
    glyphs = [("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings")]
    lvls = []
    for ilvl in range(9):
        glyph, font = glyphs[ilvl % 3]
        ind = '<w:ind w:left="0" w:firstLine="567"/>' if ilvl == 0 else \
            '<w:ind w:left="%d" w:hanging="360"/>' % (720 * (ilvl + 1))
        lvls.append(
            '<w:lvl w:ilvl="%d" w:tplc="%s"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr>%s</w:pPr>'
            '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"%s w:hint="default"/></w:rPr></w:lvl>'
            % (ilvl, "0409000%d" % (1 if ilvl % 3 == 0 else 3 if ilvl % 3 == 1 else 5), glyph, ind, font, font,
               ' w:cs="Courier New"' if font == "Courier New" else ""))
    add_numbering(doc, [abstract(aid, "2F6B0E94", lvls, kind="hybridMultilevel", tmpl="8C3A52E6")],
                  [num(num_id, aid)])


N03_FIELDS = ("Thời gian thực hiện", "Chủ trì", "Phối hợp")


def make_n03(path: Path) -> None:
    doc = new_document(dt.datetime(2026, 2, 12, 13, 30, 0), "VP HĐND-UBND xã Đông Vọng")
    word_bullets(doc, num_id=61, aid=61)
    B = (61, 0)
    header_table(doc, "ỦY BAN NHÂN DÂN", "XÃ ĐÔNG VỌNG", "45/QĐ-UBND", "Đông Vọng, ngày 12 tháng 02 năm 2026",
                 widths=HEADER_WIDTHS)
    title_block(doc, "QUYẾT ĐỊNH",
                "Ban hành Kế hoạch cải thiện Chỉ số cải cách hành chính, Chỉ số PAPI và nâng cao hiệu quả công "
                "tác dân vận chính quyền xã Đông Vọng năm 2026", after=12)
    add_par(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG VỌNG", align="center", bold=True, after=12)
    add_par(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True)
    add_par(doc, "Căn cứ Kế hoạch số 27/KH-UBND ngày 23/01/2026 của Ủy ban nhân dân tỉnh Thượng Lâm về cải cách "
                 "hành chính nhà nước năm 2026;", italic=True)
    add_par(doc, "Căn cứ Hướng dẫn số 05-HD/BDVTU ngày 16/01/2026 của Ban Dân vận Tỉnh ủy Thượng Lâm về công tác "
                 "dân vận chính quyền năm 2026;", italic=True)
    add_par(doc, "Theo đề nghị của Chánh Văn phòng HĐND và UBND xã.", italic=True)
    add_par(doc, "QUYẾT ĐỊNH:", align="center", bold=True)
    add_par(doc, [("Điều 1.", "b"), (" Ban hành kèm theo Quyết định này Kế hoạch cải thiện Chỉ số cải cách hành "
                                     "chính, Chỉ số PAPI và nâng cao hiệu quả công tác dân vận chính quyền xã Đông "
                                     "Vọng năm 2026.", "")])
    add_par(doc, [("Điều 2.", "b"), (" Quyết định này có hiệu lực kể từ ngày ký.", "")])
    add_par(doc, [("Điều 3.", "b"), (" Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Kinh tế, Trưởng phòng Văn "
                                     "hóa - Xã hội, Giám đốc Trung tâm Phục vụ hành chính công xã và các cơ quan, "
                                     "đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.", "")])
    signature_table(
        doc,
        ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Ban Dân vận Tỉnh ủy;",
         "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT."],
        signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name="Hà Quốc Thịnh"),
    )
    page_break(doc)

    title_block(doc, "KẾ HOẠCH",
                "Cải thiện Chỉ số cải cách hành chính, Chỉ số PAPI và nâng cao hiệu quả công tác dân vận chính "
                "quyền xã Đông Vọng năm 2026",
                note="(Ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 12/02/2026 của Chủ tịch Ủy ban nhân dân xã "
                     "Đông Vọng)", after=12)
    add_par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False)
    add_par(doc, "Khắc phục những nội dung bị trừ điểm năm 2025; nâng mức đánh giá của người dân đối với việc "
                 "công khai, minh bạch và trách nhiệm giải trình của chính quyền xã.", num=B)
    add_par(doc, "Mỗi nhiệm vụ có đơn vị chịu trách nhiệm và thời hạn cụ thể; kết quả thực hiện là căn cứ đánh "
                 "giá, xếp loại cán bộ, công chức cuối năm.", num=B)
    add_par(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "1. Chỉ số cải cách hành chính (PAR INDEX)", bold=True)
    add_par(doc, "1.1. Tồn tại, hạn chế", bold=True, italic=True)
    add_par(doc, "Năm 2025, Chỉ số cải cách hành chính của xã đạt 79,52 điểm, xếp thứ 41/68 xã, phường của tỉnh. "
                 "Các nội dung bị trừ điểm gồm:")
    add_par(doc, "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 96,8%, chưa đạt yêu cầu của tỉnh;", num=B)
    add_par(doc, "Chưa tuyên truyền về cải cách hành chính trên hệ thống loa truyền thanh của các thôn.", num=B)
    add_par(doc, "1.2. Nhiệm vụ, giải pháp", bold=True, italic=True)
    add_par(doc, "Rà soát hằng tuần hồ sơ đến hạn trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; "
                 "nhắc công chức xử lý trước hạn 01 ngày làm việc.", num=B)
    labels(doc, N03_FIELDS, "Hằng tuần", "Trung tâm Phục vụ hành chính công xã",
           "Văn phòng HĐND và UBND xã, Phòng Kinh tế")
    add_par(doc, "Xây dựng chuyên mục \u201cCải cách hành chính\u201d phát trên loa truyền thanh của 14 thôn, mỗi "
                 "tháng ít nhất 02 lần.", num=B)
    labels(doc, N03_FIELDS, "Từ tháng 3 đến tháng 12/2026", "Phòng Văn hóa - Xã hội", "Trưởng các thôn")
    add_par(doc, "2. Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", bold=True)
    add_par(doc, "2.1. Tồn tại, hạn chế", bold=True, italic=True)
    add_par(doc, "Người dân ở các thôn xa trung tâm ít được biết về thu, chi các khoản đóng góp làm đường giao "
                 "thông nông thôn; việc trả lời đơn thư về đất đai còn chậm.")
    add_par(doc, "2.2. Nhiệm vụ, giải pháp", bold=True, italic=True)
    add_par(doc, "Niêm yết công khai dự toán, quyết toán các khoản huy động đóng góp của Nhân dân tại nhà văn hóa "
                 "thôn trong 30 ngày kể từ khi được phê duyệt.", num=B)
    add_par(doc, "Lập sổ theo dõi đơn thư về đất đai; thông báo bằng văn bản kết quả giải quyết cho người có đơn.",
            num=B)
    labels(doc, N03_FIELDS, "Năm 2026", "Phòng Kinh tế", "Ủy ban Mặt trận Tổ quốc Việt Nam xã; Trưởng các thôn")
    add_par(doc, "3. Công tác dân vận chính quyền", bold=True)
    add_par(doc, "3.1. Nhiệm vụ, giải pháp", bold=True, italic=True)
    add_par(doc, "a) Chủ tịch UBND xã tiếp công dân định kỳ; thông báo công khai lịch tiếp và kết quả giải quyết "
                 "kiến nghị sau mỗi buổi tiếp.")
    labels(doc, N03_FIELDS, "Ngày 15 hằng tháng", "Văn phòng HĐND và UBND xã")
    add_par(doc, "b) Lựa chọn, xây dựng 02 mô hình \u201cDân vận khéo\u201d trong chuyển đổi số và giữ gìn cảnh "
                 "quan môi trường.")
    labels(doc, N03_FIELDS, "Trước ngày 31/10/2026", "Phòng Văn hóa - Xã hội",
           "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị - xã hội xã")
    add_par(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True, indent=False)
    add_par(doc, "1. Văn phòng HĐND và UBND xã", bold=True)
    add_par(doc, "Nắm tiến độ từng nhiệm vụ, nhắc nhở kịp thời đơn vị chậm triển khai;", num=B)
    add_par(doc, "Dự thảo báo cáo kết quả thực hiện để Chủ tịch UBND xã gửi UBND tỉnh theo quy định.", num=B)
    add_par(doc, "2. Phòng Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công xã", bold=True)
    add_par(doc, "Chủ động thực hiện nhiệm vụ được giao tại Kế hoạch này; gửi kết quả về Văn phòng HĐND và UBND "
                 "xã trước ngày 05 của tháng cuối quý.")
    add_par(doc, "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị - xã hội xã tham gia "
                 "giám sát việc thực hiện Kế hoạch; vận động Nhân dân tích cực tham gia khảo sát Chỉ số PAPI.")
    add_par(doc, "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng HĐND và UBND xã để "
                 "tổng hợp, báo cáo Chủ tịch UBND xã xem xét, chỉ đạo./.")
    save_docx(doc, path, (2026, 2, 12, 15, 30, 0), pages=4, minutes=87)


# --------------------------------------------------------------------------------------------------
# n04: Sở Giáo dục và Đào tạo tỉnh Thượng Lâm, SIPAS + DTI 2025, label lines, converted to PDF
# --------------------------------------------------------------------------------------------------

N04_FIELDS = ("Thời gian", "Đơn vị chủ trì", "Đơn vị phối hợp")


def make_n04(path: Path) -> None:
    doc = new_document(dt.datetime(2025, 3, 14, 8, 20, 0), "Văn phòng Sở GDĐT")
    keep_lines(doc)
    page_number_header(doc.sections[0], size=13)
    header_table(doc, "UBND TỈNH THƯỢNG LÂM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "112/KH-SGDĐT",
                 "Thượng Lâm, ngày 14 tháng 3 năm 2025", widths=HEADER_WIDTHS)
    title_block(doc, "KẾ HOẠCH",
                "Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà "
                "nước (SIPAS) và Chỉ số chuyển đổi số (DTI) của Sở Giáo dục và Đào tạo năm 2025")
    add_par(doc, "Căn cứ Quyết định số 318/QĐ-UBND ngày 20/02/2025 của UBND tỉnh Thượng Lâm công bố Chỉ số SIPAS "
                 "và Chỉ số DTI năm 2024 của các sở, ban, ngành;")
    add_par(doc, "Thực hiện Kế hoạch số 39/KH-UBND ngày 03/3/2025 của UBND tỉnh về chuyển đổi số năm 2025;")
    add_par(doc, "Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:")
    add_par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False)
    add_par(doc, "Phấn đấu năm 2025 mức độ hài lòng đối với dịch vụ do Sở cung cấp đạt trên 88%, Chỉ số DTI đạt "
                 "từ 0,72 điểm; các nhiệm vụ được giao đúng người, đúng việc, hoàn thành đúng hạn.")
    add_par(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "1. Chỉ số hài lòng của người dân, tổ chức (SIPAS)", bold=True)
    add_par(doc, "1.1. Tồn tại, hạn chế", bold=True)
    add_par(doc, "Năm 2024, mức độ hài lòng đối với dịch vụ do Sở cung cấp đạt 84,75%, giảm 0,86% so với năm "
                 "2023. Người dân còn phàn nàn về việc chờ đợi khi xin cấp bản sao văn bằng, chứng chỉ và về "
                 "thông tin tuyển sinh đầu cấp được công bố muộn.")
    add_par(doc, "1.2. Nhiệm vụ, giải pháp", bold=True)
    add_par(doc, "1.2.1. Về tiếp cận dịch vụ", bold=True, italic=True)
    add_par(doc, "Tiếp nhận hồ sơ cấp bản sao văn bằng, chứng chỉ từ sổ gốc qua Cổng Dịch vụ công quốc gia và "
                 "trả kết quả qua dịch vụ bưu chính công ích; niêm yết lệ phí, thời hạn trả kết quả tại Bộ phận "
                 "một cửa.")
    labels(doc, N04_FIELDS, "Tháng 5/2025", "Phòng Quản lý chất lượng", "Văn phòng Sở; Bưu điện tỉnh Thượng Lâm")
    add_par(doc, "1.2.2. Về thông tin tuyển sinh", bold=True, italic=True)
    add_par(doc, "Công bố phương án tuyển sinh vào lớp 10 trung học phổ thông trước kỳ thi ít nhất 03 tháng; trả "
                 "lời câu hỏi của phụ huynh, học sinh qua chuyên mục hỏi đáp trên Cổng thông tin điện tử của Sở.")
    labels(doc, N04_FIELDS, "Trước ngày 31/3/2025", "Phòng Giáo dục phổ thông",
           "Phòng Quản lý chất lượng, Văn phòng Sở")
    add_par(doc, "1.2.3. Về thái độ phục vụ", bold=True, italic=True)
    add_par(doc, "Tổ chức lớp bồi dưỡng kỹ năng giao tiếp cho công chức làm việc tại Bộ phận một cửa; lấy ý kiến "
                 "đánh giá của người dân sau mỗi lượt giao dịch.")
    labels(doc, N04_FIELDS, "Quý II và quý III/2025", "Văn phòng Sở", "Công đoàn ngành Giáo dục tỉnh")
    add_par(doc, "2. Chỉ số chuyển đổi số (DTI)", bold=True)
    add_par(doc, "2.1. Tồn tại, hạn chế", bold=True)
    add_par(doc, "Chỉ số DTI năm 2024 của Sở đạt 0,6519 điểm, xếp thứ 13/20; dữ liệu học sinh, giáo viên trên cơ sở "
                 "dữ liệu ngành chưa được làm sạch, còn trùng lặp; nhiều trường chưa sử dụng học bạ số.")
    add_par(doc, "2.2. Nhiệm vụ, giải pháp", bold=True)
    add_par(doc, "2.2.1. Về dữ liệu số", bold=True, italic=True)
    add_par(doc, "- Làm sạch dữ liệu học sinh, giáo viên, cán bộ quản lý trên cơ sở dữ liệu ngành; đối chiếu với "
                 "Cơ sở dữ liệu quốc gia về dân cư.")
    labels(doc, N04_FIELDS, "Trước ngày 31/8/2025", "Phòng Kế hoạch - Tài chính",
           "Phòng Giáo dục phổ thông; Phòng Tổ chức cán bộ")
    add_par(doc, "- Triển khai học bạ số tại tất cả các trường trung học phổ thông công lập.")
    labels(doc, N04_FIELDS, "Năm học 2025-2026", "Các trường trung học phổ thông", "Phòng Giáo dục phổ thông")
    add_par(doc, "2.2.2. Về an toàn thông tin", bold=True, italic=True)
    add_par(doc, "Văn phòng Sở chủ trì, phối hợp với các doanh nghiệp viễn thông trên địa bàn rà soát, khắc phục lỗ "
                 "hổng bảo mật của Cổng thông tin điện tử và phần mềm quản lý trường học; diễn tập ứng cứu sự cố "
                 "ít nhất một lần trong năm.")
    labels(doc, N04_FIELDS, "Định kỳ 6 tháng")
    add_par(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True, indent=False)
    add_par(doc, "1. Văn phòng Sở", bold=True)
    add_par(doc, "Làm đầu mối nắm tình hình triển khai; giúp Giám đốc Sở lập báo cáo 6 tháng, năm gửi UBND tỉnh, "
                 "Sở Nội vụ.")
    add_par(doc, "2. Phòng Kế hoạch - Tài chính", bold=True)
    add_par(doc, "Bố trí kinh phí cho các nhiệm vụ chuyển đổi số trong dự toán năm 2025 của Sở và các đơn vị trực "
                 "thuộc.")
    add_par(doc, "3. Thủ trưởng các đơn vị trực thuộc Sở", bold=True)
    add_par(doc, "Phổ biến Kế hoạch tới cán bộ, giáo viên, nhân viên; phân công người theo dõi từng nhiệm vụ và "
                 "báo cáo kết quả khi Sở yêu cầu.")
    add_par(doc, "Trên đây là Kế hoạch nâng cao Chỉ số SIPAS và Chỉ số DTI năm 2025 của Sở Giáo dục và Đào tạo. "
                 "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng Sở để được hướng "
                 "dẫn./.")
    signature_table(
        doc,
        ["- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Giám đốc, các Phó Giám đốc Sở;",
         "- Các phòng, đơn vị trực thuộc Sở;", "- Lưu: VT, VP."],
        signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", name="Đinh Thị Thu Hà"),
    )
    save_docx(doc, path, (2025, 3, 14, 10, 20, 0), pages=3, minutes=96)


# --------------------------------------------------------------------------------------------------
# n05: Sở Xây dựng tỉnh Thượng Lâm, DDCI + PAR INDEX 2025, appendix table in a landscape section, PDF
# --------------------------------------------------------------------------------------------------

N05_ROWS = [
    ("I", "Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)"),
    ("1", "Rút ngắn thời gian thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở xuống còn 25 ngày đối "
          "với công trình cấp III",
     "Phòng Quản lý hoạt động xây dựng", "Trung tâm Quy hoạch và Kiểm định xây dựng", "Quý III/2025",
     "Quy trình nội bộ sửa đổi"),
    ("2", "Công khai kết quả trả lời kiến nghị của doanh nghiệp về quy hoạch, cấp phép xây dựng trên Cổng thông "
          "tin điện tử của Sở",
     "Văn phòng Sở", "Phòng Phát triển đô thị", "Hằng tháng", "Chuyên mục hỏi đáp"),
    ("3", "Tổ chức hội nghị đối thoại với doanh nghiệp xây dựng, doanh nghiệp vận tải về thủ tục hành chính",
     "Văn phòng Sở", "Phòng Quản lý vận tải; Hiệp hội Vận tải ô tô tỉnh", "Ngày 16/10/2025",
     "Báo cáo kết quả đối thoại"),
    ("II", "Chỉ số cải cách hành chính (PAR INDEX)"),
    ("4", "Rà soát văn bản quy phạm pháp luật lĩnh vực xây dựng, giao thông do HĐND, UBND tỉnh ban hành; đề "
          "xuất sửa đổi văn bản không còn phù hợp sau sắp xếp bộ máy",
     "Văn phòng Sở", "Các phòng chuyên môn", "Trước ngày 30/9/2025", "Báo cáo rà soát"),
    ("5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực đường bộ",
     "Phòng Quản lý vận tải, phương tiện và người lái", "Văn phòng Sở", "Từ tháng 6 đến tháng 11/2025",
     "Dữ liệu số hóa"),
    ("6", "Tự kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc Sở",
     "Văn phòng Sở", "", "Quý IV/2025", ""),
]


def make_n05(path: Path) -> None:
    doc = new_document(dt.datetime(2025, 5, 9, 14, 0, 0), "VP Sở Xây dựng")
    keep_lines(doc)
    header_table(doc, "UBND TỈNH THƯỢNG LÂM", "SỞ XÂY DỰNG", "76/KH-SXD", "Thượng Lâm, ngày 09 tháng 5 năm 2025",
                 widths=HEADER_WIDTHS)
    title_block(doc, "KẾ HOẠCH",
                "Nâng cao Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI) và Chỉ số cải cách "
                "hành chính (PAR INDEX) của Sở Xây dựng năm 2025")
    add_par(doc, "Căn cứ Kế hoạch số 58/KH-UBND ngày 11/4/2025 của UBND tỉnh Thượng Lâm về nâng cao Chỉ số DDCI "
                 "năm 2025;")
    add_par(doc, "Thực hiện Công văn số 402/SNV-CCHC ngày 22/4/2025 của Sở Nội vụ về việc khắc phục hạn chế trong "
                 "kết quả Chỉ số cải cách hành chính năm 2024;")
    add_par(doc, "Sở Xây dựng ban hành Kế hoạch thực hiện như sau:")
    add_par(doc, "I. KẾT QUẢ NĂM 2024", bold=True, indent=False)
    add_par(doc, "1. Kết quả", bold=True)
    add_par(doc, "Năm 2024, Chỉ số DDCI của Sở đạt 74,62 điểm, xếp thứ 10/21 sở, ngành; Chỉ số cải cách hành "
                 "chính đạt 83,05 điểm, tăng 1,28 điểm so với năm 2023, xếp thứ 12/21.")
    add_par(doc, "2. Tồn tại, hạn chế", bold=True)
    add_par(doc, "Doanh nghiệp phản ánh thời gian thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở còn "
                 "kéo dài;")
    add_par(doc, "Kết quả trả lời kiến nghị của doanh nghiệp về quy hoạch chưa được công khai;")
    add_par(doc, "Một số văn bản quy phạm pháp luật của tỉnh về xây dựng, giao thông chưa được rà soát sau khi "
                 "hợp nhất Sở; tỷ lệ số hóa hồ sơ thủ tục hành chính còn thấp.")
    add_par(doc, "II. MỤC TIÊU", bold=True, indent=False)
    add_par(doc, "Năm 2025, phấn đấu Chỉ số DDCI của Sở đạt trên 78 điểm, Chỉ số cải cách hành chính đạt trên "
                 "86 điểm.")
    add_par(doc, "III. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=False)
    add_par(doc, "1. Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn quán triệt Kế hoạch đến toàn thể công "
                 "chức, viên chức; đưa kết quả cải thiện các chỉ số vào tiêu chí đánh giá, xếp loại hằng quý.")
    add_par(doc, "2. Nhiệm vụ cụ thể của từng phòng, đơn vị đối với mỗi chỉ số nêu tại Phụ lục kèm theo.")
    add_par(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True, indent=False)
    add_par(doc, "1. Văn phòng Sở", bold=True)
    add_par(doc, "Giúp Giám đốc Sở theo dõi tiến độ các nhiệm vụ tại Phụ lục; tập hợp kết quả, báo cáo trước ngày "
                 "15/12/2025.")
    add_par(doc, "2. Các phòng chuyên môn, Trung tâm Quy hoạch và Kiểm định xây dựng", bold=True)
    add_par(doc, "Triển khai nhiệm vụ được phân công; kiến nghị giải pháp đối với chỉ số thành phần thuộc lĩnh "
                 "vực phụ trách.")
    add_par(doc, "3. Phòng Kế hoạch - Tài chính bảo đảm kinh phí thực hiện Kế hoạch từ nguồn chi thường xuyên của "
                 "Sở.")
    add_par(doc, "Trên đây là Kế hoạch nâng cao Chỉ số DDCI và Chỉ số cải cách hành chính năm 2025 của Sở Xây "
                 "dựng; yêu cầu các phòng, đơn vị nghiêm túc triển khai./.")
    signature_table(
        doc,
        ["- UBND tỉnh (b/c);", "- Sở Nội vụ, Sở Tài chính;", "- Ban Giám đốc Sở;", "- Các phòng, đơn vị thuộc Sở;",
         "- Lưu: VT, VP."],
        signer("GIÁM ĐỐC", name="Vũ Đình Toàn"),
    )

    landscape_section(doc)
    title_block(doc, "PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ DDCI VÀ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
                note="(Kèm theo Kế hoạch số 76/KH-SXD ngày 09/5/2025 của Sở Xây dựng)")
    # group names stand in the task column only; rows do not break across pages
    task_table(doc, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
               N05_ROWS, [1.5, 8.8, 4.6, 4.6, 3.0, 3.2], task_align="left", span_groups=False, keep_rows=True,
               margins=200)
    save_docx(doc, path, (2025, 5, 9, 16, 0, 0), pages=3, minutes=78)


# --------------------------------------------------------------------------------------------------
# PDF conversion
# --------------------------------------------------------------------------------------------------

def fix_pdf(data: bytes, when: dt.datetime, seed: str) -> bytes:
    """Replace LibreOffice's export time and random /ID by fixed values of the same byte length."""
    stamp = when.strftime("D:%Y%m%d%H%M%S").encode()

    def date(m: re.Match) -> bytes:
        old = m.group(2)
        new = (stamp + old[len(stamp):]) if len(old) >= len(stamp) else old
        return m.group(1) + new + b")"

    data = re.sub(rb"(/(?:CreationDate|ModDate)\()([^)]*)\)", date, data)
    ident = hashlib.md5(seed.encode()).hexdigest().upper().encode()

    def same_len(old: bytes) -> bytes:
        return (ident * (len(old) // len(ident) + 1))[:len(old)]

    def ids(m: re.Match) -> bytes:
        return (b"/ID [ <" + same_len(m.group(1)) + b">" + m.group(2) + b"<" + same_len(m.group(3)) + b"> ]")

    data = re.sub(rb"/ID \[ <([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> \]", ids, data)
    return re.sub(rb"(/DocChecksum /)([0-9A-Fa-f]+)", lambda m: m.group(1) + same_len(m.group(2)), data)


def to_pdf(make, stem: str, when: dt.datetime, keep_docx: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / (stem + ".docx")
        make(src)
        profile = tmp / "profile"
        subprocess.run(["soffice", "-env:UserInstallation=" + profile.as_uri(), "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, TZ="UTC"))
        pdf = (tmp / (stem + ".pdf")).read_bytes()
        (OUT / (stem + ".pdf")).write_bytes(fix_pdf(pdf, when, stem))
        if keep_docx:
            shutil.copy(src, OUT / (stem + ".docx"))


def main(argv: list[str]) -> None:
    keep = "--keep-docx" in argv
    OUT.mkdir(parents=True, exist_ok=True)
    make_n01(OUT / (N01 + ".docx"))
    make_n02(OUT / (N02 + ".docx"))
    make_n03(OUT / (N03 + ".docx"))
    to_pdf(make_n04, N04, dt.datetime(2025, 3, 14, 10, 25, 0), keep)
    to_pdf(make_n05, N05, dt.datetime(2025, 5, 9, 16, 5, 0), keep)


if __name__ == "__main__":
    main(sys.argv[1:])
