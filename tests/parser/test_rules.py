"""The chrome rules load from data and their line shapes behave as the data says."""

from __future__ import annotations

import pytest

from services.parser.rules import FLOATING_MAX_CHARS, chrome_rules
from services.parser.textlines import SHORT_LINE


def test_rules_load_once() -> None:
    assert chrome_rules() is chrome_rules()
    assert len(chrome_rules().stopwords) > 200


def test_widget_lines_and_tail_headings_are_short_lines() -> None:
    # Line cleaning lowercases only lines shorter than SHORT_LINE to look them up.
    rules = chrome_rules()
    assert max(map(len, rules.widget_lines | rules.tail_headings)) < SHORT_LINE


@pytest.mark.parametrize("line", [
    "(0) Bình luận", "1 2 3 4 5", "« 1 2 3 »", "ongquyet.jpg", "© 2003-2010 by INCOM",
    "Điện thoại: 0225.3822.123 - Fax: 0225.3822.456", "Email: sotttt@haiphong.gov.vn",
    "SEO là gì | XSMB | Kết quả bóng đá", "( Cập nhật lúc: 12/07/2022 )", "(10:05, 07/01/2022)",
    "Địa chỉ: 47 Đại lộ Lê Lợi, TP Thanh Hóa",
    # breadcrumbs, labelled facts, related headlines, links to other articles, tools
    "Bạn đang ở: Trang chủ > Tin tức", "Tin tức - Sự kiện > Kinh tế", "Trang chủ / Văn bản",
    "Chuyên mục: An toàn thông tin", "Nguồn: baoquangninh.vn", "Từ khóa: chuyển đổi số",
    "Hội nghị giao ban báo chí tháng 4 năm 2024 (12/04/2024)", "Truy cập: 812",
    "Xem thêm: Quảng Ninh phủ sóng 5G các khu công nghiệp", "--- Chọn liên kết ---",
    "Đánh giá: ★★★★☆ (4,2/5 - 17 lượt)", "318 lượt xem", "[Hình ảnh: tong-dai-1022.jpg]",
    "https://www.binhduong.gov.vn/tin-tuc/2021/12/bai.html", "Thẻ: chuyển đổi số",
    "Hiển thị 1 - 12 trong tổng số 436 tin",
    # round 4: results and rating rows, players, QR codes, hashtags, slogans, cookie
    # notices, sources credited on their own line
    "Đang hiển thị 1 - 10 của 1.284 kết quả.", "Số mục trên mỗi trang: 10",
    "Tổng số điểm của bài viết là: 14 trong 3 đánh giá", "Click để đánh giá bài viết",
    "00:00 / 03:12", "Tốc độ 1x", "Giọng đọc: Nữ miền Nam", "Nguồn tin: Trung tâm CNTT",
    "Quét mã QR để đọc bài viết trên điện thoại", "[Mã QR]", "#ChínhQuyềnSố #HạTầngSố",
    "Nhiệt liệt chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng!",
    "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn khi truy cập website.",
    "Theo Báo Bình Phước", "Tòa soạn: Số 8 đường Trần Hưng Đạo",
    # round 5: ads, follow-us and AMP lines, Q&A metadata, page numbers of a PDF
    "- Quảng cáo -", "Theo dõi HYTV trên Google News",
    "Bạn đang xem phiên bản AMP tối giản. Xem bản đầy đủ »", "Người hỏi: Trần Minh Lực",
    "Ngày trả lời: 28/11/2023", "Câu trả lời này có hữu ích với bạn? Có (14) Không (2)",
    "Trang 2/3", "Bài viết có 2 trang",
])
def test_chrome_shapes(line: str) -> None:
    assert chrome_rules().line_shapes.matches(line)


def test_contact_details_inside_a_paragraph_are_content() -> None:
    line = ("Người dân có thể phản ánh qua số điện thoại: 0225 3822 123 hoặc gửi thư, " * 6)
    assert len(line) > FLOATING_MAX_CHARS
    assert not chrome_rules().line_shapes.matches(line)


@pytest.mark.parametrize("line", ["16.874", "9.372.418", "64,35", "2"])
def test_a_lone_figure_is_a_table_cell_not_a_pager(line: str) -> None:
    assert not chrome_rules().line_shapes.matches(line)


def test_a_count_of_licences_is_no_sites_licence() -> None:
    shapes = chrome_rules().line_shapes
    assert shapes.matches("Giấy phép số 34/GP-TTĐT ngày 14/4/2017 của Cục Phát thanh")
    assert not shapes.matches("Giấy phép xuất bản bản tin cấp mới: 03 giấy phép.")


@pytest.mark.parametrize("line", ["Thuê bao di động | 3.450.000 | 3.512.846 | 101,8%",
                                  "4 | Thuê bao di động sử dụng Mobile Money | 16.874"])
def test_a_table_row_with_a_figure_is_not_a_row_of_links(line: str) -> None:
    assert not chrome_rules().line_shapes.matches(line)


def test_prose_is_not_chrome() -> None:
    assert not chrome_rules().line_shapes.matches(
        "Doanh thu từ hoạt động công nghiệp công nghệ thông tin đạt 838 tỷ đồng.")


@pytest.mark.parametrize(("line", "footer"), [
    ("Bản quyền © 2024 UBND tỉnh Quảng Nam", True),
    ("Điện thoại: 0225.3822.123 - Fax: 0225.3822.456", True),
    ("E-mail: sotttt@haiphong.gov.vn", True),
    ("Địa chỉ: 47 Đại lộ Lê Lợi, TP Thanh Hóa", True),
    ("SEO là gì | XSMB | Kết quả bóng đá", False),   # chrome, but not where a footer starts
    ("Khách sạn Hotel Điện Biên tổ chức hội nghị", False),
])
def test_footer_shapes(line: str, footer: bool) -> None:
    assert chrome_rules().footer_shapes.matches(line) is footer


CLASS_NAMES = ["main-menu", "sidebar_2", "footerLinks", "mainmenu", "Menu-Top", "nav",
               "portlet-boundary portlet-static", "tin-other-news-list", "site-mapx",
               "box thongke", "menu-chính", "trang-chủ", "widget_text", "pagination2",
               "ads", "headlines", "col-md-8 content", ""]


@pytest.mark.parametrize("names", CLASS_NAMES)
def test_chrome_names_word_split_agrees_with_the_pattern(names: str) -> None:
    chrome = chrome_rules().chrome_names
    assert chrome.match(names) is (chrome.pattern.search(names.lower()) is not None)


def test_chrome_names() -> None:
    chrome = chrome_rules().chrome_names
    assert [n for n in CLASS_NAMES if chrome.match(n)] == [
        "main-menu", "sidebar_2", "Menu-Top", "nav", "tin-other-news-list", "box thongke",
        "menu-chính", "widget_text", "pagination2", "ads"]
