"""Publication dates in the forms Vietnamese portals print, read as Vietnam local time."""

from __future__ import annotations

import datetime as dt

import pytest

from services.parser.dates import find_date, labelled_date, parse_iso

UTC = dt.UTC


@pytest.mark.parametrize(("line", "expected"), [
    ("(10:05, 07/01/2022)", dt.datetime(2022, 1, 7, 3, 5, tzinfo=UTC)),
    ("( Cập nhật lúc: 12/07/2022 )", dt.datetime(2022, 7, 11, 17, 0, tzinfo=UTC)),
    ("Ngày đăng: 03/11/2023 | 08:30", dt.datetime(2023, 11, 3, 1, 30, tzinfo=UTC)),
    ("Cập nhật ngày 5/9/2024 2:15 PM", dt.datetime(2024, 9, 5, 7, 15, tzinfo=UTC)),
    ("Thứ Hai, 08:00 ngày 01/04/2024", dt.datetime(2024, 4, 1, 1, 0, tzinfo=UTC)),
    ("Thứ năm, 11 Tháng 1 2024 09:15", dt.datetime(2024, 1, 11, 2, 15, tzinfo=UTC)),
    ("Ngày 05 tháng 02 năm 2023", dt.datetime(2023, 2, 4, 17, 0, tzinfo=UTC)),
    # seconds and the 12-hour marks of English and Vietnamese locales (CH: chiều, p.m.)
    ("16/01/2023 03:40:00 PM", dt.datetime(2023, 1, 16, 8, 40, tzinfo=UTC)),
    ("06/01/2023 4:05:17 CH", dt.datetime(2023, 1, 6, 9, 5, 17, tzinfo=UTC)),
    ("9:30:05 SA, 02/03/2024", dt.datetime(2024, 3, 2, 2, 30, 5, tzinfo=UTC)),
    # hours written "14g30", and an English-language theme's date
    ("Ngày đăng: 20/08/2019 - 14g30", dt.datetime(2019, 8, 20, 7, 30, tzinfo=UTC)),
    ("Posted on January 8, 2021 by Ngọc Hân", dt.datetime(2021, 1, 7, 17, 0, tzinfo=UTC)),
    ("14-02-2025 16:20:05", dt.datetime(2025, 2, 14, 9, 20, 5, tzinfo=UTC)),
])
def test_vietnamese_date_forms_are_local_time(line: str, expected: dt.datetime) -> None:
    assert find_date(line) == expected


@pytest.mark.parametrize("line", [
    "Thanh Phương 27/12/20 - 16:",          # a truncated byline: not the year 2020
    "Sở TT&TT tổ chức hội nghị tổng kết",  # no date at all
    "ngày 31/02/2024",                      # no such day
])
def test_no_date_rather_than_a_wrong_one(line: str) -> None:
    assert find_date(line) is None


def test_iso_with_offset_is_kept_and_naive_iso_is_vietnam_time() -> None:
    assert parse_iso("2024-12-27T16:05:00+07:00") == dt.datetime(2024, 12, 27, 9, 5,
                                                                  tzinfo=UTC)
    assert parse_iso("2024-12-27T16:05:00Z") == dt.datetime(2024, 12, 27, 16, 5, tzinfo=UTC)
    assert parse_iso("2024-12-27 16:05") == dt.datetime(2024, 12, 27, 9, 5, tzinfo=UTC)
    assert parse_iso("not a date") is None


@pytest.mark.parametrize(("value", "expected"), [
    # JavaScript's toISOString(): fractions of a second, then Z
    ("2025-08-07T10:20:00.000Z", dt.datetime(2025, 8, 7, 10, 20, tzinfo=dt.UTC)),
    # NukeViet's article:published_time: ICT (Indochina Time) in place of the T
    ("2013-08-12ICT09:40:00", dt.datetime(2013, 8, 12, 2, 40, tzinfo=dt.UTC)),
])
def test_iso_forms_of_javascript_and_nukeviet(value: str, expected: dt.datetime) -> None:
    assert parse_iso(value) == expected


def test_an_iso_dateline() -> None:
    assert find_date("Ngày đăng: 2024-10-08 14:05") == dt.datetime(2024, 10, 8, 7, 5, tzinfo=UTC)
    assert find_date("Nghị quyết số 12/2024-10") is None


def test_a_labelled_date_inside_a_longer_line() -> None:
    line = ("Trà Vinh: 9 tháng năm 2024, tỷ lệ hồ sơ trực tuyến cấp huyện đạt gần 69% Cập nhật: "
            "08/10/2024 14:20 | Lượt xem: 864")
    assert labelled_date(["Trang chủ", line]) == dt.datetime(2024, 10, 8, 7, 20, tzinfo=UTC)
    assert labelled_date(["Trang chủ", "Ngày 08/10/2024 Sở họp"]) is None
