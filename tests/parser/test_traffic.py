"""Visitor counters become figures, whatever the grouping of their digits."""

from __future__ import annotations

import pytest

from services.parser.traffic import counter_value, read_counters


@pytest.mark.parametrize(("line", "expected"), [
    ("Đang online: 13", ("online", 13)),
    ("Đang truy cập : 1.234", ("online", 1234)),
    ("Hôm nay: 4,564", ("today", 4564)),
    ("Hôm qua 2 345", ("yesterday", 2345)),
    ("Trong tuần: 12.345", ("week", 12345)),
    ("Trong tháng: 98,765", ("month", 98765)),
    ("Tất cả: 3.199.419", ("total", 3199419)),
    ("Tổng số lượt truy cập: 4798812", ("total", 4798812)),
    ("• Hôm nay:", ("today", None)),
    ("Thống kê truy cập", ("heading", None)),
    # the figure first, and an English theme's labels
    ("18.450 hôm nay", ("today", 18450)),
    ("85.412.306 tổng lượt truy cập", ("total", 85412306)),
    ("This month: 21.530", ("month", 21530)),
])
def test_counter_lines(line: str, expected: tuple[str, int | None]) -> None:
    assert counter_value(line) == expected


def test_prose_is_not_a_counter_line() -> None:
    assert counter_value("Hôm nay, Sở TT&TT tổ chức hội nghị tổng kết năm 2024") is None


def test_a_long_line_is_prose_even_if_it_starts_with_a_label() -> None:
    assert counter_value("Tổng: " + "1 " * 60) is None
    assert counter_value("Tổng: " + "1 " * 10) == ("total", 1111111111)


def test_a_counter_block_gives_every_field_and_the_lines_it_used() -> None:
    lines = ["Bài viết kết thúc ở đây.", "Thống kê truy cập", "Đang online: 13",
             "Hôm nay: 460", "Trong tuần: 4.564", "Tất cả: 3.199.419"]
    found, used = read_counters(lines)
    assert found == {"online": 13, "today": 460, "week": 4564, "total": 3199419}
    assert used == {1, 2, 3, 4, 5}


def test_a_lone_label_in_prose_is_left_alone() -> None:
    found, used = read_counters(["Kết quả năm 2024:", "Tổng: 15 dự án", "Hết."])
    assert found == {} and used == set()


def test_counter_lines_among_many_others_and_lines_that_only_start_like_them() -> None:
    lines = ["Tháng 6/2022, Sở tổ chức hội nghị.", *(f"Mục {i}" for i in range(40)),
             "Thống kê:", "• Đang online: 7", "  - Hôm nay : 120", "Tổng số lượt truy cập 9.876"]
    found, used = read_counters(lines)
    assert found == {"online": 7, "today": 120, "total": 9876}
    assert used == {41, 42, 43, 44}


def test_a_visit_label_with_its_figure_on_the_next_line() -> None:
    found, used = read_counters(["Bài viết kết thúc ở đây.", "Số lượt truy cập", "12.045.377"])
    assert found == {"total": 12045377} and used == {1, 2}
    # a table's "Tổng" row is no counter
    assert read_counters(["Tổng", "2.874.000"]) == ({}, set())


def test_a_figure_right_under_the_heading_is_the_total() -> None:
    lines = ["Thống kê truy cập", "2417385", "Trực tuyến:", "42", "Hôm nay:", "1.126"]
    found, used = read_counters(lines)
    assert found == {"total": 2417385, "online": 42, "today": 1126}
    assert used == set(range(6))
    # a labelled total wins over it
    found, _ = read_counters(["Thống kê truy cập", "2417385", "Tổng: 2.417.390"])
    assert found == {"total": 2417390}


def test_people_viewing_now_are_online() -> None:
    found, _ = read_counters(["Số người đang xem: 14", "Tổng lượt truy cập: 18.420.513"])
    assert found == {"online": 14, "total": 18420513}


def test_labels_and_figures_in_separate_cells_of_a_counter_block() -> None:
    lines = ["Thống kê truy cập", "Trực tuyến:", "42", "Hôm nay:", "1.126", "Tháng này:",
             "18.930", "Tin nổi bật"]
    found, used = read_counters(lines)
    assert found == {"online": 42, "today": 1126, "month": 18930}
    assert used == set(range(7))


def test_a_counter_block_on_one_line() -> None:
    found, used = read_counters([
        "Bài viết kết thúc ở đây.",
        "Đang truy cập: 23 - Hôm nay: 1.502 - Tháng này: 40.118 - Tổng: 6.730.225"])
    assert found == {"online": 23, "today": 1502, "month": 40118, "total": 6730225}
    assert used == {1}
    # one label and a dash in prose is no block
    assert read_counters(["Tổng: 12 - các xã còn lại chưa báo cáo"]) == ({}, set())


def test_figures_with_unit_words_and_a_stray_line_inside_the_block() -> None:
    lines = ["SỐ LƯỢT TRUY CẬP", "Đang xem: 86 người", "Hôm nay: 5.102 lượt",
             "Năm 2025: 2.903.118 lượt", "Tổng cộng: 19.874.302 lượt"]
    found, _ = read_counters(lines)
    assert found == {"online": 86, "today": 5102, "total": 19874302}


def test_a_nukeviet_block_with_parts_of_the_people_online() -> None:
    lines = ["Thống kê truy cập", "Đang truy cập", "31", "Máy chủ tìm kiếm", "4",
             "Khách viếng thăm", "27", "Hôm nay", "2,186", "Tháng hiện tại", "24,519",
             "Tổng lượt truy cập", "3,861,240"]
    found, used = read_counters(lines)
    assert found == {"online": 31, "today": 2186, "month": 24519, "total": 3861240}
    assert used == set(range(len(lines)))


def test_dot_leaders_a_split_in_brackets_and_people_online_in_a_sentence() -> None:
    found, _ = read_counters(["THỐNG KÊ TRUY CẬP", "Đang truy cập ........ 18",
                              "Hôm nay ........ 1.204"])
    assert found == {"online": 18, "today": 1204}
    found, _ = read_counters(["Đang online: 12 (Khách: 11, Thành viên: 1)", "Hôm nay: 842"])
    assert found == {"online": 12, "today": 842}
    found, _ = read_counters(["Hiện có 61 khách đang truy cập", "Tổng lượt truy cập: 16.075.902"])
    assert found == {"online": 61, "total": 16075902}


def test_a_block_that_prints_each_figure_before_its_label() -> None:
    lines = ["Thống kê truy cập", "41", "Đang truy cập", "1.532", "Hôm nay", "3.264.905",
             "Tổng lượt truy cập", "Trang thông tin điện tử Sở KH&CN"]
    found, used = read_counters(lines)
    assert found == {"online": 41, "today": 1532, "total": 3264905}
    assert used == set(range(7))


def test_a_one_line_block_after_its_heading_with_middle_dots() -> None:
    found, _ = read_counters(["Thống kê truy cập Đang xem: 6 · Hôm nay: 214 · Hôm qua: 298",
                              "Tháng này: 5.107 · Tổng: 356.812"])
    assert found == {"online": 6, "today": 214, "yesterday": 298, "month": 5107,
                     "total": 356812}
