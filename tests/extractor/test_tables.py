"""Figures in table rows, read with their table's header."""

import pytest

from services.extractor.labels import LabelUnit
from services.extractor.tables import cells, columns, figures, is_header

HEADER = "Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ"


def read(header: str, row: str) -> list[tuple[str, float, str]]:
    spans = cells(row)
    found = figures(row, spans, columns(header, cells(header)))
    return [(row[f.quantity.start:f.quantity.end], f.quantity.value, f.quantity.unit)
            for f in found]


def test_rows_split_into_cells_and_the_header_has_no_figure() -> None:
    row = "Thuê bao di động (thuê bao) | 3.450.000 | 3.512.846 | 101,8%"
    assert [row[s:e] for s, e in cells(row)] == [
        "Thuê bao di động (thuê bao)", "3.450.000", "3.512.846", "101,8%"]
    assert is_header(HEADER, cells(HEADER))
    assert is_header("Năm | 2023 | 2024", cells("Năm | 2023 | 2024"))
    assert not is_header(row, cells(row))
    assert cells("Một câu văn không có bảng.") == []


def test_plans_are_skipped_and_the_label_gives_unit_and_scale() -> None:
    assert read(HEADER, "Thuê bao di động (thuê bao) | 3.450.000 | 3.512.846 | 101,8%") == [
        ("3.512.846", 3512846, "thuê bao"), ("101,8%", 101.8, "percent")]
    assert read(HEADER, "Doanh thu viễn thông (tỷ đồng) | 4.600 | 4.718,3 | 102,6%") == [
        ("4.718,3", 4.7183e12, "VND"), ("102,6%", 102.6, "percent")]


def test_the_header_names_the_unit_and_a_column_without_one_takes_the_one_before() -> None:
    header = "Đơn vị | Hồ sơ tiếp nhận | Trực tuyến toàn trình | Tỷ lệ"
    assert read(header, "Sở Xây dựng | 21.406 | 19.544 | 91,3%") == [
        ("21.406", 21406, "hồ sơ"), ("19.544", 19544, "hồ sơ"), ("91,3%", 91.3, "percent")]


def test_a_growth_column_gives_a_change_against_the_other_period() -> None:
    header = "Chỉ tiêu | Quý I/2025 | Quý I/2024 | Tăng (%)"
    row = "Doanh nghiệp CNTT thành lập mới (doanh nghiệp) | 47 | 39 | 20,5"
    found = figures(row, cells(row), columns(header, cells(header)))
    assert [(f.quantity.value, f.quantity.unit, f.header) for f in found] == [
        (47, "doanh nghiệp", "Quý I/2025"), (39, "doanh nghiệp", "Quý I/2024"),
        (20.5, "percent", "Tăng (%)")]
    growth = found[2].change
    assert growth is not None and (growth.direction, growth.percent, growth.baseline) == (
        "increase", 20.5, "Quý I/2024")
    assert found[0].change == growth and found[1].change is None


def test_a_cell_with_its_own_noun_and_a_row_that_counts_nothing() -> None:
    header = "Nội dung | Năm 2024 | Năm 2023"
    assert read(header, "Trạm BTS xây mới | 426 trạm | 381 trạm") == [
        ("426 trạm", 426, "trạm"), ("381 trạm", 381, "trạm")]
    assert read(header, "Công an tỉnh | 12 | 15") == []  # nothing says what is counted


def test_the_label_columns_unit_and_a_unit_in_lower_case_in_brackets() -> None:
    header = "Chỉ tiêu (%) | Kế hoạch năm 2024 | Thực hiện năm 2024 | Năm 2023"
    assert read(header, "Tỷ lệ hồ sơ trực tuyến toàn trình | 50 | 58,6 | 41,3") == [
        ("58,6", 58.6, "percent"), ("41,3", 41.3, "percent")]
    header = "Chỉ tiêu | Năm 2025 | Năm 2024"
    assert read(header, "Khách hàng mở tài khoản (khách hàng) | 152.430 | 97.615") == [
        ("152.430", 152430, "khách hàng"), ("97.615", 97615, "khách hàng")]


def test_a_fall_written_with_a_minus_in_a_growth_column() -> None:
    header = "Chỉ tiêu | Năm 2023 | Năm 2024 | Tăng/giảm (%)"
    row = "Vụ lừa đảo trực tuyến (vụ) | 150 | 106 | -29,3"
    found = figures(row, cells(row), columns(header, cells(header)))
    growth = found[-1]
    assert (growth.quantity.value, growth.quantity.unit) == (29.3, "percent")
    assert growth.change is not None and growth.change.direction == "decrease"


def test_a_header_of_periods_is_a_header() -> None:
    header = "Chỉ tiêu | 9 tháng năm 2025 | Cùng kỳ năm 2024 | Tăng (%)"
    assert is_header(header, cells(header))


def test_a_unit_column_a_two_level_header_and_estimates() -> None:
    top = "Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2025 | Ước thực hiện 6 tháng | So sánh (%)"
    sub = "Cùng kỳ năm 2024 | Kế hoạch năm"
    header = columns(sub, cells(sub), columns(top, cells(top)))
    assert [c.role for c in header] == ["value", "unit", "target", "value", "share", "share"]
    row = "Doanh thu bưu chính | Tỷ đồng | 265 | 131,8 | 109,6 | 49,7"
    found = figures(row, cells(row), header)
    assert [(f.quantity.unit, f.quantity.qualifier) for f in found] == [
        ("VND", "estimate"), ("percent", "exact"), ("percent", "exact")]
    assert [f.quantity.value for f in found] == pytest.approx([131.8e9, 109.6, 49.7])


def test_a_signed_difference_column_and_a_unit_over_the_table() -> None:
    header = "Chỉ tiêu | 6 tháng đầu năm 2024 | 6 tháng đầu năm 2023 | Tăng (+), giảm (-)"
    row = "Thuê bao băng rộng cố định phát triển mới (thuê bao) | 8.315 | 8.402 | -87"
    found = figures(row, cells(row), columns(header, cells(header)))
    assert [(f.quantity.value, f.quantity.unit) for f in found] == [
        (8315, "thuê bao"), (8402, "thuê bao"), (87, "thuê bao")]
    assert found[2].change is not None and found[2].change.direction == "decrease"
    header = "Doanh nghiệp | Quý III/2025 | Quý III/2024"
    row = "Viettel Quảng Ngãi | 612,8 | 566,3"
    assert read(header, row) == []  # "Doanh nghiệp" lists firms: no unit for the figures
    found = figures(row, cells(row), columns(header, cells(header)),
                    table_unit=LabelUnit("VND", 1e9, True))
    assert [f.quantity.value for f in found] == [612.8e9, 566.3e9]


def test_a_group_cell_spanning_rows_and_a_row_number() -> None:
    header = "Nhóm dịch vụ | Chỉ tiêu | 9 tháng năm 2025 | Cùng kỳ năm 2024 | Tăng/giảm (%)"
    row = "Di động | Thuê bao phát triển mới (thuê bao) | 118.420 | 104.905 | 12,9"
    assert read(header, row) == [("118.420", 118420, "thuê bao"),
                                 ("104.905", 104905, "thuê bao"), ("12,9", 12.9, "percent")]
    # the next row of the group has no group cell: its columns are the header's last ones
    found = read(header, "Dịch vụ khác (tỷ đồng) | 134,7 | 129,9 | 3,7")
    assert [(raw, unit) for raw, _, unit in found] == [
        ("134,7", "VND"), ("129,9", "VND"), ("3,7", "percent")]
    assert [value for _, value, _ in found] == pytest.approx([134.7e9, 129.9e9, 3.7])
    header = "STT | Đơn vị | Hồ sơ tiếp nhận (hồ sơ) | Tỷ lệ trực tuyến (%)"
    assert read(header, "1 | Thành phố Trà Vinh | 15.842 | 81,5") == [
        ("15.842", 15842, "hồ sơ"), ("81,5", 81.5, "percent")]


def test_the_steps_of_handling_dossiers_count_dossiers_when_nothing_names_a_unit() -> None:
    header = "Cấp | Tiếp nhận | Đã giải quyết | Đúng hạn, trước hạn | Tỷ lệ đúng hạn"
    assert read(header, "Cấp tỉnh | 28.416 | 26.930 | 26.812 | 99,56%") == [
        ("28.416", 28416, "hồ sơ"), ("26.930", 26930, "hồ sơ"), ("26.812", 26812, "hồ sơ"),
        ("99,56%", 99.56, "percent")]
    # a unit the table names still wins, and other columns count nothing unnamed
    assert read("Đơn vị | Tiếp nhận (thư) | Đã giải quyết", "Bưu điện | 120 | 118") == [
        ("120", 120, "thư"), ("118", 118, "thư")]
    assert read("Cấp | Số lượng | Hoàn thành", "Cấp tỉnh | 28 | 26") == []


def test_a_lower_header_row_shares_out_over_the_upper_cells_that_span_it() -> None:
    top = "TT | Chỉ tiêu | ĐVT | Thực hiện | So sánh (%)"
    lower = "Tháng 11/2025 | Lũy kế từ đầu năm | Với tháng trước | Với cùng kỳ"
    header = columns(lower, cells(lower), columns(top, cells(top)))
    assert [c.header for c in header] == [
        "TT", "Chỉ tiêu", "ĐVT", "Thực hiện Tháng 11/2025", "Thực hiện Lũy kế từ đầu năm",
        "So sánh (%) Với tháng trước", "So sánh (%) Với cùng kỳ"]
    assert [c.role for c in header][3:] == ["value", "value", "share", "share"]
    row = "1 | Doanh thu bưu chính | Tỷ đồng | 96,4 | 1.012,7 | 101,8% | 109,4%"
    assert [(f.quantity.value, f.quantity.unit) for f in figures(row, cells(row), header)] == [
        (96.4e9, "VND"), (1012.7e9, "VND"), (101.8, "percent"), (109.4, "percent")]
