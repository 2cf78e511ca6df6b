import datetime as dt

import pytest

from services.extractor.periods import find_period

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
    ],
)
def test_named_periods(text: str, start: dt.date, end: dt.date) -> None:
    period = find_period(text, None)
    assert period is not None and (period.start, period.end) == (start, end)


def test_year_less_forms_take_the_default_year() -> None:
    period = find_period("Trong 6 tháng đầu năm, đã cập nhật", 2022)
    assert period is not None and (period.start, period.end) == (D(2022, 1, 1), D(2022, 6, 30))
    assert find_period("Trong 6 tháng đầu năm, đã cập nhật", None) is None


@pytest.mark.parametrize("text", ["Chủ đề năm 2022 của thành phố", "tăng so với năm 2023",
                                  "giai đoạn 2022-2025", "kỷ niệm 67 năm"])
def test_years_that_do_not_frame_a_report_are_not_periods(text: str) -> None:
    assert find_period(text, None) is None


def test_period_words_are_read_whatever_their_case() -> None:
    period = find_period("QUÝ II/2022, Sở đã", None)
    assert period and (period.start, period.end) == (D(2022, 4, 1), D(2022, 6, 30))
    assert period.label == "QUÝ II/2022"  # the label is the text as written
