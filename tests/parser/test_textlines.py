"""Generic chrome shapes, written for portals that are not in the fixtures."""

import pytest

from services.parser.textlines import (
    clean_lines,
    drop_link_marks,
    drop_translations,
    has_pager,
    is_teaser_block,
    normalise,
    shows_results,
    split_normalised,
    unwrap,
)
from services.parser.traffic import read_counters

BODY = ("Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ngành triển khai kế hoạch chuyển đổi số, "
        "bảo đảm an toàn thông tin mạng và nâng cao chất lượng dịch vụ công trực tuyến.")


def test_a_dnn_style_page_loses_its_chrome() -> None:
    raw = ["Trang chủ", "Tin tức - Sự kiện", "Quảng Nam đẩy mạnh chuyển đổi số năm 2024",
           "Cập nhật lúc: 03/05/2024 08:15", BODY, BODY, "Lượt xem: 1.203", "In trang | Gửi email",
           "Tin khác", "Hội nghị giao ban báo chí tháng 4", "Tập huấn an toàn thông tin",
           "Cổng thông tin điện tử tỉnh Quảng Nam", "Địa chỉ: 62 Hùng Vương, Tam Kỳ",
           "Điện thoại: (0235) 3812 345", "Bản quyền © 2024 UBND tỉnh Quảng Nam"]
    cleaned = clean_lines(raw)
    assert cleaned.title == "Quảng Nam đẩy mạnh chuyển đổi số năm 2024"
    assert cleaned.lines == [BODY, BODY]
    assert cleaned.published is not None and cleaned.published.day == 3


def test_counter_lines_become_figures_and_prose_about_visits_stays() -> None:
    lines = ["Thống kê truy cập", "Đang truy cập: 42", "Hôm qua: 1.024", "Tổng: 5.000.123",
             "Số lượng truy cập trong năm 2021 là trên 100.000 lượt."]
    found, used = read_counters(lines)
    assert found == {"online": 42, "yesterday": 1024, "total": 5000123}
    assert used == {0, 1, 2, 3}


def test_a_lone_total_in_prose_is_not_a_counter() -> None:
    found, used = read_counters([BODY, "Tổng: 12", BODY])
    assert found == {} and used == set()


def test_slug_and_image_lines_repeating_the_title_go() -> None:
    title = "Đà Nẵng khai trương trung tâm dữ liệu mới"
    raw = [title, BODY, "da nang khai truong trung tam du lieu moi", "trungtam.png",
           "Lãnh đạo thành phố cắt băng khai trương trung tâm", BODY]
    cleaned = clean_lines(raw)
    assert cleaned.lines == [BODY, "Lãnh đạo thành phố cắt băng khai trương trung tâm", BODY]


def test_pagination_and_link_rows_go() -> None:
    raw = ["Một tiêu đề bài viết đủ dài để làm tiêu đề", BODY, "« 1 2 3 4 »",
           "Trang đầu", "Giới thiệu | Liên hệ | Sơ đồ site", BODY]
    assert clean_lines(raw).lines == [BODY, BODY]


@pytest.mark.parametrize("text", [
    "Sở  Thông tin\x1f\xa0 \x1fvà\tTruyền\nthông ",     # the usual whitespace: one pass
    "Hôm\u2003nay\x1f\u200b\x1f  Tổng:\u3000 1.204.556",  # other spaces: line by line
    "Đang\x85online\x1f\x0b13\x1f\x1eTuần\u202f 2",      # C0/C1 and narrow spaces too
    "Liên\x01hệ\x1f\u00ad Hotline",                      # not printable, not spaces
])
def test_split_normalised_is_normalise_line_by_line(text: str) -> None:
    # The definition: str.split()'s whitespace (U+200B too) folded to one space.
    expected = [line for part in text.split("\x1f")
                if (line := " ".join(part.replace("\u200b", " ").split()))]
    assert split_normalised(text, "\x1f") == expected
    assert [normalise(part) for part in text.split("\x1f") if normalise(part)] == expected


def test_a_text_dump_loses_everything_above_its_title() -> None:
    raw = ["CỔNG THÔNG TIN ĐIỆN TỬ TỈNH BÌNH ĐỊNH", "Thứ sáu, 17/01/2025", "Trang chủ",
           "Giới thiệu", "Tin tức - Sự kiện", "Bạn đang ở: Trang chủ > Tin tức",
           "Bình Định đưa 5G tới các khu công nghiệp", "Ngày đăng: 14/01/2025 08:30",
           "Lượt xem: 1.234", "Tin, ảnh: Đức Thụy", BODY, BODY]
    cleaned = clean_lines(raw)
    assert cleaned.title == "Bình Định đưa 5G tới các khu công nghiệp"
    assert cleaned.lines == [BODY, BODY]
    assert cleaned.published is not None and cleaned.published.day == 14
    assert cleaned.author == "Đức Thụy"


def test_paragraphs_without_full_stops_are_still_the_article() -> None:
    body = BODY.rstrip(".")
    raw = ["Trang chủ", "Quảng Ngãi hoàn thành phủ sóng 4G toàn tỉnh", body, body]
    cleaned = clean_lines(raw)
    assert cleaned.title == "Quảng Ngãi hoàn thành phủ sóng 4G toàn tỉnh"
    assert cleaned.lines == [body, body]


def test_a_text_without_a_paragraph_is_no_article() -> None:
    raw = ["Tin mới", "Hội nghị giao ban báo chí tháng 4 (12/04/2024)",
           "Tập huấn an toàn thông tin cho cán bộ (10/04/2024)", "Trang 1 2 3 Sau"]
    assert clean_lines(raw).title is None and clean_lines(raw).lines == []


@pytest.mark.parametrize(("line", "author"), [
    ("Thanh Trúc (tổng hợp)", "Thanh Trúc"),
    ("Bài và ảnh: Hồng Đăng", "Hồng Đăng"),
    ("Posted on January 8, 2021 by Ngọc Hân", "Ngọc Hân"),
    ("Tin: Hữu Huệ - Ảnh: Kim Ngân", "Hữu Huệ"),
    ("Gửi bởi Thu Trang vào T4, 09/10/2024 - 10:17", "Thu Trang"),
    ("Tác giả bài viết: Nguyễn Minh Trí", "Nguyễn Minh Trí"),
    ("Ngọc Trâm - HGTV", "Ngọc Trâm"),
    ("Ng.Thảo (Ban Thời sự)", "Ng.Thảo"),
])
def test_bylines_at_the_end_give_the_author(line: str, author: str) -> None:
    raw = ["Khánh Hòa kích hoạt sổ sức khỏe điện tử", BODY, BODY, line, "Chia sẻ Facebook Zalo"]
    cleaned = clean_lines(raw)
    assert cleaned.author == author and cleaned.lines == [BODY, BODY]


def test_the_metadata_line_of_a_text_page() -> None:
    raw = ["Lâm Đồng chi 17,4 tỷ đồng cho khoa học năm 2019",
           "Thứ Ba, 26/03/2019 10:15 | Đăng bởi: Hữu Phước | Lượt xem: 512", BODY]
    cleaned = clean_lines(raw)
    assert cleaned.author == "Hữu Phước" and cleaned.published is not None
    assert (cleaned.published.day, cleaned.published.hour) == (26, 10)


def test_related_headlines_between_paragraphs_and_comments_after_the_text_go() -> None:
    raw = ["Khánh Hòa kích hoạt sổ sức khỏe điện tử", BODY, "Tin liên quan:",
           "Khánh Hòa: hơn 90% cơ sở khám bệnh nhận căn cước", "Hướng dẫn tích hợp sổ sức khỏe",
           BODY, "Bình luận (2)", "Nguyễn Văn Minh - Nha Trang", "Tôi đã kích hoạt sổ."]
    assert clean_lines(raw).lines == [BODY, BODY]


def test_a_featured_lead_with_its_read_more_link_is_no_article() -> None:
    raw = ["TIÊU ĐIỂM", "Chuyển đổi số góp sức xây dựng nông thôn mới", BODY,
           "Xem chi tiết »", "Tin tức - Sự kiện", "Hội nghị giao ban (12/04/2024)"]
    assert clean_lines(raw).title is None


def test_a_row_of_tools_with_a_view_count_goes() -> None:
    raw = ["An Giang nhìn lại năm 2024 của ngành", BODY, BODY,
           "Lượt xem: 1.046 Chia sẻ In bài viết Về đầu trang"]
    assert clean_lines(raw).lines == [BODY, BODY]


def test_a_date_signed_at_the_end_beats_the_headers_day() -> None:
    raw = ["Thứ Tư, ngày 13/11/2024", "Trang chủ", "Giới thiệu", "Tin tức",
           "Hòa Bình xóa nghèo thông tin ở vùng cao",
           BODY, BODY, "Bùi Thị Hằng (Trung tâm VHTT&TT huyện Đà Bắc)", "12/11/2024"]
    cleaned = clean_lines(raw)
    assert cleaned.published is not None and cleaned.published.day == 12
    assert cleaned.lines == [BODY, BODY]


def test_a_name_then_its_unit_on_the_next_line_is_the_byline() -> None:
    raw = ["Tây Ninh nhận hồ sơ hành chính qua bưu điện", BODY, BODY, "Thanh Tùng",
           "Sở Thông tin và Truyền thông"]
    cleaned = clean_lines(raw)
    assert cleaned.author == "Thanh Tùng" and cleaned.lines == [BODY, BODY]


def test_credits_of_names_go_and_a_caption_stays() -> None:
    caption = "Ảnh: Lãnh đạo Sở phát biểu tại hội nghị"
    raw = ["Ninh Bình: sản phẩm OCOP lên sàn", BODY, caption, BODY, "Nội dung: Phạm Thu Hà",
           "Ảnh: Minh Đức, Hoàng Hiếu", "Trình bày: Quang Huy", "E-MAGAZINE KHÁC",
           "Tràng An mùa lúa chín – di sản trong mắt du khách quốc tế"]
    cleaned = clean_lines(raw)
    assert cleaned.author == "Phạm Thu Hà" and cleaned.lines == [BODY, caption, BODY]


def test_a_notice_above_the_title_is_not_the_article() -> None:
    notice = ("Trang thông tin này được cập nhật thường xuyên, mọi ý kiến góp ý xin gửi về "
              "Ban biên tập theo địa chỉ ở cuối trang.")
    raw = [notice, "Đồng ý", "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH", "Hậu Giang: kết quả chuyển đổi số",
           "Đăng lúc 16:05, 20/07/2023", BODY, BODY]
    cleaned = clean_lines(raw)
    assert cleaned.title == "Hậu Giang: kết quả chuyển đổi số"
    assert cleaned.lines == [BODY, BODY]


def test_a_featured_lead_of_two_paragraphs_is_no_article_but_an_article_with_related_is() -> None:
    lead = ["TIN NỔI BẬT", "Cao Bằng chi gần 173 tỉ đồng cho chuyển đổi số", BODY, BODY]
    assert clean_lines([*lead, "Xem tiếp »", "Hòa An ra mắt mô hình mới"]).title is None
    # "Xem thêm" after an article's text heads its related list
    cleaned = clean_lines([*lead[1:], "Xem thêm", "Hòa An ra mắt mô hình mới"])
    assert cleaned.lines == [BODY, BODY]


def test_a_source_line_signed_with_its_date_beats_the_date_above_the_title() -> None:
    raw = ["Thứ Tư, 16/10/2024", "← Tin tức - Sự kiện", "Phú Thọ: chuyển đổi số nửa đầu năm 2024",
           BODY, BODY, "Nguồn: Sở Thông tin và Truyền thông tỉnh Phú Thọ, ngày 15/10/2024",
           "Từ khóa liên quan", "#ChínhQuyềnSố"]
    cleaned = clean_lines(raw)
    assert cleaned.published is not None and cleaned.published.day == 15
    assert cleaned.lines == [BODY, BODY]


@pytest.mark.parametrize("pager", ["Trang 1 của 129", "Đầu tiên Trước Kế tiếp Cuối cùng",
                                   "‹ 123...8 ›"])
def test_liferay_pagers(pager: str) -> None:
    assert has_pager(["Hưng Yên hoàn thành kết nối mạng truyền số liệu", pager])


def test_page_numbers_one_per_line_are_a_pager_and_a_phone_number_is_not() -> None:
    assert has_pager(["Tin tức", "«", "1", "2", "3", "…", "37", "»"])
    assert not has_pager(["Điện thoại:", "0260 3862 486"])
    assert not has_pager(["1", "Sở Xây dựng", "2", "Sở Y tế"])  # a table's rows


def test_teasers_closed_by_their_link_or_opened_by_their_date() -> None:
    teaser = "Các địa phương tập trung làm sạch dữ liệu dân cư, kích hoạt tài khoản định danh."
    assert is_teaser_block([f"{teaser} Xem tiếp »", "Tin hai", f"{teaser} Xem tiếp »"])
    assert not is_teaser_block([f"{teaser[:-1]} và cung cấp thông tin chi tiết.", BODY])
    dated = [line for i in range(3) for line in (f"Tin số {i}", f"1{i}/11/2024 15:20",
                                                 "Đã xem: 187", BODY)]
    assert is_teaser_block(dated)
    assert not is_teaser_block(["12/11/2024 15:20", BODY, BODY, BODY])  # an article's dateline


def test_table_rows_are_content_whatever_they_look_like() -> None:
    header = "Lĩnh vực | Số doanh nghiệp | Doanh thu (tỷ đồng)"
    raw = ["Long An: doanh thu bưu chính tăng", BODY, header, "Bưu chính | 18 | 226", BODY]
    assert clean_lines(raw, "Long An: doanh thu bưu chính tăng").lines == [
        BODY, "Bưu chính | 18 | 226", BODY]  # a header alone reads like a row of links
    cleaned = clean_lines(raw, "Long An: doanh thu bưu chính tăng",
                          frozenset({header, "Bưu chính | 18 | 226"}))
    assert cleaned.lines == [BODY, header, "Bưu chính | 18 | 226", BODY]


def test_a_bilingual_portals_labels_lose_their_english() -> None:
    assert drop_translations(["Tác giả / Author: Phương Thảo", "Bình luận / Comments (4)",
                              "Cỡ chữ / Font size: A- A A+ In / Print Gửi email / Email",
                              "Hỏi / Đáp", "tỷ lệ 45 / 100"]) == [
        "Tác giả: Phương Thảo", "Bình luận (4)", "Cỡ chữ: A- A A+ In Gửi email", "Hỏi / Đáp",
        "tỷ lệ 45 / 100"]


WRAPPED = """   Theo báo cáo của Văn phòng UBND tỉnh Lai Châu về công tác kiểm soát thủ tục
   hành chính quý III/2025, sau hơn 3 tháng vận hành chính quyền địa phương hai
   cấp, việc tiếp nhận, giải quyết hồ sơ cho người dân, doanh nghiệp cơ bản
   thông suốt, đúng quy định của Nghị định số 118/2025/NĐ-CP của Chính phủ.

   Trong quý, toàn tỉnh tiếp nhận 41.286 hồ sơ (trực tuyến 29.517 hồ sơ, trực
   tiếp 11.402 hồ sơ, qua dịch vụ bưu chính công ích 367 hồ sơ), tăng 18,4% so
   với quý II/2025; cấp tỉnh tiếp nhận 9.874 hồ sơ, cấp xã 31.412 hồ sơ. Đã
   giải quyết 38.905 hồ sơ."""


def test_a_hard_wrapped_text_comes_back_a_paragraph_a_line() -> None:
    paragraphs = [line.strip() for line in unwrap(WRAPPED.splitlines()) if line.strip()]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Theo báo cáo") and paragraphs[0].endswith("Chính phủ.")
    assert "trực tiếp 11.402 hồ sơ" in paragraphs[1]
    # a list of headlines of about one length is no wrapped text
    headlines = [f"Hội nghị triển khai nhiệm vụ chuyển đổi số của tỉnh năm 202{i} tại Lai Châu"
                 for i in range(9)]
    assert unwrap(headlines) == headlines


def test_a_text_browsers_link_marks_go() -> None:
    assert drop_link_marks("[16]Trang chủ » [17]Tin tức") == "Trang chủ » Tin tức"
    assert drop_link_marks("Tiếp » <https://a.gov.vn/bai.html?trang=2>") == "Tiếp »"
    assert drop_link_marks("Hội nghị [lần 2] năm 2024") == "Hội nghị [lần 2] năm 2024"


def test_a_qa_page_is_titled_by_its_question_and_dated_by_its_answer() -> None:
    question = ("Thời gian gần đây, gia đình tôi thường xuyên nhận cuộc gọi quảng cáo. Xin hỏi "
                "Sở đã xử phạt những vi phạm này như thế nào, và người dân phản ánh ở đâu?")
    raw = ["Nhập từ khóa tìm kiếm...", "Sở đã xử phạt bao nhiêu vi phạm năm 2023?",
           "Người hỏi: Trần Minh Lực", "Ngày hỏi: 21/11/2023", "Lĩnh vực: Thanh tra, kiểm tra",
           "Hỏi:", question, "Trả lời:", BODY, BODY, "Cơ quan trả lời: Thanh tra Sở",
           "Ngày trả lời: 28/11/2023", "Câu trả lời này có hữu ích với bạn? Có (14) Không (2)",
           "CÁC CÂU HỎI KHÁC CÙNG LĨNH VỰC", "Hỏi: Mức phạt đăng tin sai sự thật? (14/11/2023)"]
    cleaned = clean_lines(raw)
    assert cleaned.title == "Sở đã xử phạt bao nhiêu vi phạm năm 2023?"
    assert cleaned.published is not None and cleaned.published.day == 28
    assert question in cleaned.lines and cleaned.lines[-2:] == [BODY, BODY]


def test_a_count_of_results_shows_a_listing_and_addressees_end_a_letter() -> None:
    assert shows_results(["KẾT QUẢ TÌM KIẾM", "Kết quả 1 - 10 trong số 214"])
    assert shows_results(["Tìm thấy 214 kết quả cho \"bưu chính\" (0,38 giây)"])
    assert not shows_results([BODY])
    raw = ["Thông cáo báo chí tháng 10/2024", BODY, BODY,
           "Nơi nhận: KT. GIÁM ĐỐC - Bộ TT&TT (b/c); PHÓ GIÁM ĐỐC", "- Lưu: VT."]
    assert clean_lines(raw).lines == [BODY, BODY]


def test_a_read_more_box_between_an_html_articles_paragraphs_goes() -> None:
    raw = [BODY, "Đọc thêm", "Vĩnh Phúc: 100% xã, phường có tổ công nghệ số cộng đồng", BODY]
    assert clean_lines(raw, "Vĩnh Phúc chuyển đổi số").lines == [BODY, BODY]


def test_linked_headlines_each_with_its_sapo_are_teasers_and_a_related_list_is_not() -> None:
    headlines = [f"Hội nghị tổng kết công tác thông tin số {i} của tỉnh" for i in range(3)]
    teasers = [line for h in headlines for line in (h, BODY)]
    assert is_teaser_block(teasers, frozenset(headlines))
    related = [BODY, BODY, "Tin liên quan", *headlines]
    assert not is_teaser_block(related, frozenset(headlines))


def test_a_count_of_results_from_one_to_ten() -> None:
    assert shows_results(["Hiển thị 1 đến 10 của 137 kết quả"])


def test_a_date_that_bounds_a_period_is_no_dateline() -> None:
    raw = [BODY, "(tính đến ngày 15/12/2023)", BODY]
    assert clean_lines(raw, "Bạc Liêu tổng kết năm 2023").published is None
