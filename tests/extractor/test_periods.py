import datetime as dt

import pytest

from services.extractor.periods import (
    Period,
    bracket_period,
    cumulative_since,
    data_end,
    find_period,
    in_reported_month,
    same_period,
    year_of_text,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Trong 6 tháng đầu năm 2022, Sở đã", D(2022, 1, 1), D(2022, 6, 30)),
        ("Tính từ ngày 01/01 đến ngày 06/6/2022, hệ thống", D(2022, 1, 1), D(2022, 6, 6)),
        ("Năm 2017, toàn tỉnh có", D(2017, 1, 1), D(2017, 12, 31)),
        ("kết quả quý I/2022 cho thấy", D(2022, 1, 1), D(2022, 3, 31)),
        ("trong quý IV năm 2023", D(2023, 10, 1), D(2023, 12, 31)),
        ("báo cáo tháng 6/2022", D(2022, 6, 1), D(2022, 6, 30)),
        ("9 tháng đầu năm 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("lũy kế cả năm 2021", D(2021, 1, 1), D(2021, 12, 31)),
        # each frame of a bare "năm 20xx": after a separator, "tính đến", "đến hết"
        ("Về kết quả, năm 2022 Sở đã cấp", D(2022, 1, 1), D(2022, 12, 31)),
        ("Tính đến năm 2023, toàn tỉnh có", D(2023, 1, 1), D(2023, 12, 31)),
        ("Đến hết năm 2023 có 5 xã", D(2023, 1, 1), D(2023, 12, 31)),
        # from the start of the year to a date; a run of whole years
        ("Lũy kế từ đầu năm đến ngày 15/11/2023, toàn tỉnh", D(2023, 1, 1), D(2023, 11, 15)),
        ("từ đầu năm đến hết 30/9/2024 đã tiếp nhận", D(2024, 1, 1), D(2024, 9, 30)),
        ("Từ năm 2020 đến năm 2023, tỉnh đã đầu tư", D(2020, 1, 1), D(2023, 12, 31)),
        ("từ năm 2017 tới nửa đầu năm 2019, Sở đã cấp", D(2017, 1, 1), D(2019, 6, 30)),
        # "riêng" and "cả" frame a year and a span too
        ("Riêng năm 2024, các doanh nghiệp xây mới", D(2024, 1, 1), D(2024, 12, 31)),
        ("Cả giai đoạn 2021 - 2025, huyện đã tiếp nhận", D(2021, 1, 1), D(2025, 12, 31)),
    ],
)
def test_named_periods(text: str, start: dt.date, end: dt.date) -> None:
    period = find_period(text, None)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Từ ngày 1 đến 31-7, hệ thống đã tiếp nhận", D(2025, 7, 1), D(2025, 7, 31)),
    ("trong đợt thí điểm từ ngày 1-20/12, bưu điện đã trả", D(2025, 12, 1), D(2025, 12, 20)),
    ("từ ngày 3 đến ngày 9/4/2024 có", D(2024, 4, 3), D(2024, 4, 9)),
])
def test_days_of_one_month(text: str, start: dt.date, end: dt.date) -> None:
    period = find_period(text, 2025)
    assert period is not None and (period.start, period.end) == (start, end)


def test_year_less_forms_take_the_default_year() -> None:
    period = find_period("Trong 6 tháng đầu năm, đã cập nhật", 2022)
    assert period is not None and (period.start, period.end) == (D(2022, 1, 1), D(2022, 6, 30))
    assert find_period("Trong 6 tháng đầu năm, đã cập nhật", None) is None


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Riêng tháng 8, Sở đã cấp 14 giấy phép", 8),
        ("Tháng 11 và tháng 12 số hồ sơ tăng", 11),
        ("số thuê bao giảm; sang tháng 3 còn 7.200 thuê bao", 3),
        ("Trong tháng 10, toàn tỉnh có thêm 5 trạm", 10),
    ],
)
def test_a_year_less_month_that_frames_its_clause(text: str, month: int) -> None:
    """"Riêng tháng 8, …" in a report about 2021 is August 2021; with no year known it
    names no period."""
    period = find_period(text, 2021)
    assert period is not None and (period.start.month, period.end.month) == (month, month)
    assert period.start.year == 2021
    assert find_period(text, None) is None


@pytest.mark.parametrize(
    "text",
    ["Giai đoạn 2016–2019, Sở đã cấp 40 giấy phép", "Trong giai đoạn 2016- 2019, tỉnh có"],
)
def test_a_span_of_years_that_frames_the_sentence(text: str) -> None:
    period = find_period(text, None)
    assert period is not None and (period.start, period.end) == (D(2016, 1, 1), D(2019, 12, 31))


@pytest.mark.parametrize("text", [
    "triển khai Kế hoạch chuyển đổi số giai đoạn 2021-2025, tỉnh đã",  # a plan's name
    "giai đoạn 2021-2025 phấn đấu 80% hồ sơ",  # no frame: a plan's term
])
def test_a_plan_term_is_not_a_period(text: str) -> None:
    assert find_period(text, None) is None


@pytest.mark.parametrize("text", [
    "ngày 5 tháng 3, Sở tổ chức hội nghị",  # a date
    "Đến tháng 4, toàn tỉnh có 120 trạm",  # "đến" counts up to the month: the year so far
    "kéo dài 3 tháng 9 ngày",
    "so với tháng 5, số hồ sơ tăng",  # the month compared against
])
def test_year_less_months_that_frame_nothing(text: str) -> None:
    assert find_period(text, 2021) is None


@pytest.mark.parametrize("text", ["Chủ đề năm 2022 của thành phố", "tăng so với năm 2023",
                                  "giai đoạn 2022-2025", "kỷ niệm 67 năm"])
def test_years_that_do_not_frame_a_report_are_not_periods(text: str) -> None:
    assert find_period(text, None) is None


def test_period_words_are_read_whatever_their_case() -> None:
    period = find_period("QUÝ II/2022, Sở đã", None)
    assert period and (period.start, period.end) == (D(2022, 4, 1), D(2022, 6, 30))
    assert period.label == "QUÝ II/2022"  # the label is the text as written


@pytest.mark.parametrize(
    ("text", "default_year", "start", "end"),
    [
        ("Số liệu của quý II-2021 cho thấy lượng hồ sơ", None, D(2021, 4, 1), D(2021, 6, 30)),
        ("nhiều nhất trong quý II là", 2021, D(2021, 4, 1), D(2021, 6, 30)),
        ("đến hết tháng 9/2021, Bộ phận một cửa đã nhận", None, D(2021, 1, 1), D(2021, 9, 30)),
        ("Tính đến tháng 9 năm 2023, toàn tỉnh có", None, D(2023, 1, 1), D(2023, 9, 30)),
        ("từ tháng 3 đến tháng 6/2023, Sở đã", None, D(2023, 3, 1), D(2023, 6, 30)),
        ("cao điểm rơi vào tháng 8-2019 khi", None, D(2019, 8, 1), D(2019, 8, 31)),
        ("Riêng 2019, cả huyện có", None, D(2019, 1, 1), D(2019, 12, 31)),
    ],
)
def test_quarters_and_cumulative_months(text: str, default_year: int | None, start: dt.date,
                                        end: dt.date) -> None:
    period = find_period(text, default_year)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["trong 2023 hồ sơ", "thêm 3,7 nghìn hồ sơ so với quý III-2022",
                                  "giảm 3% so với tháng 5/2023", "quý Ivan"])
def test_the_period_compared_against_is_not_the_period(text: str) -> None:
    assert find_period(text, None) is None


def test_a_year_opening_a_clause_after_its_separator_frames_it() -> None:
    period = find_period(" năm 2020 ghi nhận 2.615.093 lượt xem trang", None)
    assert period is not None and period.start == D(2020, 1, 1)


def test_the_year_a_text_is_about_is_named_with_nam_before_dates() -> None:
    text = "Ngày 12/2/2017, Trung tâm họp báo cáo kết quả năm 2016"
    assert year_of_text(text) == 2016
    assert year_of_text("Cuộc họp ngày 12/2/2017") == 2017


def test_a_horizon_year_is_not_what_a_text_is_about() -> None:
    text = ("Nghị quyết về chuyển đổi số giai đoạn 2021 - 2025, định hướng đến năm 2030; "
            "năm 2023 đạt")
    assert year_of_text(text) == 2023
    assert year_of_text("Kế hoạch tầm nhìn tới năm 2030, ban hành ngày 2/3/2022") == 2022


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Từ ngày 19-7 tới 16-8-2021, tổng đài đã nhận", D(2021, 7, 19), D(2021, 8, 16)),
    ("từ ngày 1-8 đến 16-8, tổng đài nhận", D(2025, 8, 1), D(2025, 8, 16)),
    ("Trong 3 năm (2022 - 2024), tỉnh tổ chức", D(2022, 1, 1), D(2024, 12, 31)),
])
def test_dashed_date_ranges_and_years_in_brackets(text: str, start: dt.date, end: dt.date) -> None:
    period = find_period(text, 2025)
    assert period is not None and (period.start, period.end) == (start, end)


def test_from_the_start_of_a_named_year_to_a_date() -> None:
    period = find_period("từ đầu năm 2022 đến ngày 23/8/2022, đã tiếp nhận", None)
    assert period is not None and (period.start, period.end) == (D(2022, 1, 1), D(2022, 8, 23))


@pytest.mark.parametrize(("text", "start"), [
    ("Từ năm 2021 đến nay, sóng di động đã tới 124 thôn", D(2021, 1, 1)),
    ("từ 2021 tới nay, tỉnh", D(2021, 1, 1)),
    ("Từ đầu năm đến nay, Sở đã tiếp nhận 300 hồ sơ", D(2024, 1, 1)),
])
def test_a_range_to_now_ends_on_the_day_of_publication(text: str, start: dt.date) -> None:
    period = find_period(text, 2024, published=D(2024, 11, 18))
    assert period is not None and (period.start, period.end) == (start, D(2024, 11, 18))


def test_a_range_to_now_without_a_publication_day_is_no_period() -> None:
    assert find_period("Từ năm 2021 đến nay, sóng di động đã tới 124 thôn", 2024) is None


def test_a_range_in_brackets_says_what_the_period_before_it_covers() -> None:
    text = "trong tháng 10/2024 (số liệu tính từ ngày 15/9 đến 14/10/2024), ngành tập trung"
    period = find_period(text, 2024)
    assert period is not None and (period.start, period.end) == (D(2024, 9, 15), D(2024, 10, 14))
    # a bracket that holds no range changes nothing
    period = find_period("tháng 10/2024 (tăng 5%), và từ ngày 1/1 đến 14/10/2024", 2024)
    assert period is not None and (period.start, period.end) == (D(2024, 10, 1), D(2024, 10, 31))


@pytest.mark.parametrize("text", [
    "Chứng thư cấp mới: 9.384 chứng thư, gấp 2,4 lần quý II/2025",
    "38.604 hồ sơ, tăng 21,7% so với cùng kỳ (6 tháng đầu năm 2024: 31.720 hồ sơ)",
])
def test_the_period_a_factor_or_a_bracket_compares_with_is_not_the_period(text: str) -> None:
    assert find_period(text, 2025) is None


def test_the_same_period_of_a_year_opening_a_clause_is_that_year() -> None:
    period = find_period("; cùng kỳ năm 2024: 7.356", 2025)
    assert period is not None and (period.start, period.end) == (D(2024, 1, 1), D(2024, 12, 31))
    assert find_period("tăng 5% so với cùng kỳ năm 2023", 2025) is None


def test_the_same_period_of_another_year() -> None:
    period = find_period("; cùng kỳ năm 2024: 7.356", 2025)
    assert period is not None and period.label == "cùng kỳ năm 2024"
    nine_months = Period(D(2025, 1, 1), D(2025, 9, 30), "9 tháng năm 2025")
    shifted = same_period(period, nine_months)
    assert shifted is not None and (shifted.start, shifted.end) == (D(2024, 1, 1), D(2024, 9, 30))
    leap = Period(D(2024, 2, 1), D(2024, 2, 29), "tháng 2/2024")
    assert same_period(Period(D(2023, 1, 1), D(2023, 12, 31), "cùng kỳ năm 2023"),
                       leap) == Period(D(2023, 2, 1), D(2023, 2, 28), "cùng kỳ năm 2023")
    assert same_period(nine_months, leap) == nine_months  # no "cùng kỳ": unchanged


def test_a_bracketed_comparison_is_not_the_sentences_period() -> None:
    text = "đăng 402 tin, bài về tỉnh (tháng 9/2025: 361 tin, bài)"
    assert find_period(text, 2025) is None
    assert find_period("1.936 cuộc, giảm 11,4% so với tháng trước (tháng 10/2025: 2.185 cuộc)",
                       2025) is None
    period = bracket_period(text, text.index("361"), 2025)
    assert period is not None and (period.start, period.end) == (D(2025, 9, 1), D(2025, 9, 30))
    assert bracket_period(text, text.index("402"), 2025) is None


def test_cumulative_months_without_the_year() -> None:
    period = find_period("Lũy kế 10 tháng", 2025)
    assert period is not None and (period.start, period.end) == (D(2025, 1, 1), D(2025, 10, 31))


def test_a_span_not_over_ends_on_the_day_the_reports_figures_end() -> None:
    text = "Đây là hội nghị tổng kết. Số liệu trong báo cáo tính đến ngày 15/6/2025."
    assert data_end(text) == D(2025, 6, 15)
    assert data_end("Số liệu tính đến hết ngày 31/12/2024 cho thấy") == D(2024, 12, 31)
    assert data_end("Tính đến ngày 15/6/2025, toàn huyện có") is None  # a state, not the data
    assert data_end("Số liệu tính đến ngày 31/2/2025") is None
    span = "Cả giai đoạn 2021 - 2025, huyện đã tiếp nhận"
    period = find_period(span, None, figures_end=D(2025, 6, 15))
    assert period is not None and (period.start, period.end) == (D(2021, 1, 1), D(2025, 6, 15))
    # a span already over, or one that ends before the figures do, is whole
    period = find_period("Giai đoạn 2016 - 2020, Sở đã", None, figures_end=D(2025, 6, 15))
    assert period is not None and period.end == D(2020, 12, 31)


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("Ước TH 6 tháng 2024", D(2024, 1, 1), D(2024, 6, 30)),
        ("9 tháng", D(2025, 1, 1), D(2025, 9, 30)),
        ("Cùng kỳ 2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("Cộng 2021 - 2024", D(2021, 1, 1), D(2024, 12, 31)),
    ],
)
def test_the_short_forms_of_table_headers(header: str, start: dt.date, end: dt.date) -> None:
    period = find_period(header, 2025)
    assert period is not None and (period.start, period.end) == (start, end)


def test_a_same_period_after_so_voi_is_a_baseline_not_a_period() -> None:
    assert find_period("doanh thu bằng 111% so với cùng kỳ 2010", None) is None
    assert find_period("sau 9 tháng triển khai", 2025) is None


def test_a_report_that_defines_its_month_reads_the_month_and_its_year_to_date_so() -> None:
    reported = Period(D(2025, 9, 15), D(2025, 10, 14), "tháng 10/2025")
    month = find_period("Tháng 10/2025", 2025)
    year_to_date = find_period("Lũy kế 10 tháng", 2025)
    assert in_reported_month(month, reported) == Period(D(2025, 9, 15), D(2025, 10, 14),
                                                        "Tháng 10/2025")
    assert in_reported_month(year_to_date, reported) == Period(D(2025, 1, 1), D(2025, 10, 14),
                                                               "Lũy kế 10 tháng")
    # other periods, and every period of a report on calendar months, stay as they are
    september = find_period("tháng 9/2025", 2025)
    assert in_reported_month(september, reported) == september
    assert in_reported_month(month, Period(D(2025, 10, 1), D(2025, 10, 31), "x")) == month


def test_a_range_in_the_bracket_after_a_month_is_what_it_covers_even_when_longer() -> None:
    period = find_period("Trong tháng 11/2025 (số liệu từ ngày 15/10 đến 14/11/2025), doanh "
                         "thu đạt 708,7 tỷ đồng", 2025)
    assert period is not None and (period.start, period.end) == (D(2025, 10, 15), D(2025, 11, 14))


def test_in_n_months_opening_a_clause_is_the_years_first_months() -> None:
    period = find_period("Trong 9 tháng, đường dây nóng tiếp nhận 426 cuộc gọi", 2025)
    assert period is not None and (period.start, period.end) == (D(2025, 1, 1), D(2025, 9, 30))
    assert find_period("dự án hoàn thành trong 9 tháng kể từ ngày khởi công", 2025) is None


def test_months_labelling_figures_in_a_bracket_label_them_not_the_sentence() -> None:
    text = "Sở tiếp nhận 58 phản ánh (tháng 7: 23, tháng 8: 19, tháng 9: 16), đã giải quyết"
    assert find_period(text, 2025) is None
    period = bracket_period(text, text.index("19"), 2025)
    assert period is not None and (period.start, period.end) == (D(2025, 8, 1), D(2025, 8, 31))


def test_a_cumulative_column_from_a_day_runs_to_the_reports_end() -> None:
    period = cumulative_since("Lũy kế tiếp nhận từ ngày 01/7/2025", D(2025, 8, 14))
    assert period is not None and (period.start, period.end) == (D(2025, 7, 1), D(2025, 8, 14))
    assert cumulative_since("Lũy kế từ ngày 01/7/2025 đến ngày 31/7/2025", D(2025, 8, 14)) is None
    assert cumulative_since("Từ ngày 01/3/2025, Trung tâm tiếp nhận", D(2025, 8, 14)) is None
