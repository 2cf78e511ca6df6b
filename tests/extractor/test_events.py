"""The extractor end to end on the seeds, and the event fields downstream users rely on."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from services.extractor import EXTRACTOR_VERSION, extract
from shared.records import Article, stable_id
from tests.extractor.gold import HELDOUT, SEEDS, names_in, score, seed_article

NAMES = names_in(SEEDS)
FLOOR = tomllib.loads((Path(__file__).parent / "quality_floor.toml").read_text())


def test_seed_quality_stays_above_the_pinned_floor() -> None:
    result = score(NAMES)
    assert result.core >= 50  # the gold set is really being read
    assert result.precision >= FLOOR["precision"], result
    assert result.recall >= FLOOR["recall"], result
    assert result.period_accuracy >= FLOOR["period_accuracy"], result


HELDOUT_FLOORS = [table for table in FLOOR if table.startswith("heldout")]


def test_every_heldout_batch_has_a_floor() -> None:
    pinned = [batch for table in HELDOUT_FLOORS for batch in FLOOR[table]["batches"]]
    assert len(pinned) == len(set(pinned))
    assert sorted(names_in(HELDOUT, tuple(pinned))) == names_in(HELDOUT)


@pytest.mark.parametrize("table", HELDOUT_FLOORS)
def test_heldout_quality_stays_above_the_pinned_floor(table: str) -> None:
    floor = FLOOR[table]
    result = score(names_in(HELDOUT, tuple(floor["batches"])), HELDOUT)
    assert result.core >= floor["core"]  # the held-out gold is really being read
    assert result.precision >= floor["precision"], result
    assert result.recall >= floor["recall"], result
    assert result.period_accuracy >= floor["period_accuracy"], result
    assert result.unit_accuracy >= floor["unit_accuracy"], result


@pytest.mark.parametrize("name", NAMES)
def test_spans_point_at_the_quantity_and_ids_are_stable(name: str) -> None:
    article, _ = seed_article(name)
    events = extract(article)
    assert events
    for e in events:
        written = article.text[e.span_start:e.span_end]
        number_word = written.split()[0].lower() in {"hàng", "hai", "ba", "bốn", "sáu", "bảy",
                                                     "tám", "chín", "mười"}
        assert any(ch.isdigit() for ch in written) or number_word
        assert e.sentence in article.text and written in e.sentence
        assert e.value >= 0
        assert e.extractor_version == EXTRACTOR_VERSION
    assert len({e.event_id for e in events}) == len(events)
    assert [e.event_id for e in extract(article)] == [e.event_id for e in events]


def test_province_comes_from_the_text_when_the_registry_has_none() -> None:
    provinces = {name: extract(seed_article(name)[0])[0].province for name in NAMES}
    assert sorted(provinces.values()) == ["Hải Phòng", "Nam Định", "Thanh Hóa"]


def make_article(text: str, title: str = "Báo cáo", published: dt.datetime | None = None,
                 province: str | None = "Hà Nội") -> Article:
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return Article(article_id=stable_id(text), url="https://x.vn/a", portal_id="p",
                   province=province, title=title, text=text, published_at=published,
                   author=None, content_sha256="", fetched_at=now, parsed_at=now,
                   parser_version="t")


def test_registry_province_wins_over_the_text() -> None:
    [event] = extract(make_article("Năm 2023, Hải Phòng cấp 12 giấy phép.", province="Hà Nội"))
    assert event.province == "Hà Nội"


def test_january_report_about_the_past_year_means_the_previous_year() -> None:
    published = dt.datetime(2024, 1, 10, 2, tzinfo=dt.UTC)
    [event] = extract(make_article("Trong năm qua, Sở đã cấp 12 giấy phép.", published=published))
    assert (event.period_start, event.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_period_falls_back_to_the_title() -> None:
    [event] = extract(make_article("Sở đã cấp 12 giấy phép.", title="Kết quả quý II/2023"))
    assert (event.period_start, event.period_end) == (dt.date(2023, 4, 1), dt.date(2023, 6, 30))
    assert event.indicator == "licences_issued"


def test_an_article_without_figures_yields_nothing() -> None:
    text = ("Sở Thông tin và Truyền thông tổ chức hội nghị kỷ niệm 67 năm Ngày giải phóng, "
            "triển khai Quyết định số 2574/QĐ-UBND giai đoạn 2022-2025.")
    assert extract(make_article(text)) == []


REPORT = "\n\n".join([
    "Năm 2022, toàn tỉnh có 1.250.000 thuê bao điện thoại di động, tăng 5,2% so với năm 2021.",
    "Trong quý I/2023, Sở đã tiếp nhận 3.456 hồ sơ trực tuyến.",
    "Doanh thu bưu chính, viễn thông năm qua ước đạt 2.100 tỷ đồng, gấp 1,5 lần năm 2021.",
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 15/3/2022, Sở tổ chức 12 lớp tập huấn.",
    "Cấp 25 giấy phép xuất bản bản tin; tháng 6 năm 2022 có 3 hội nghị.",
    "Hotline 1900 1234; số điện thoại 0233.3852.123.",
])


def test_a_report_in_the_portals_style() -> None:
    published = dt.datetime(2022, 12, 20, tzinfo=dt.UTC)
    events = extract(make_article(REPORT, title="Báo cáo kết quả năm 2022", published=published,
                                  province=None))
    got = {REPORT[e.span_start:e.span_end]: e for e in events}
    assert list(got) == ["1.250.000 thuê bao", "5,2%", "3.456 hồ sơ", "2.100 tỷ đồng",
                         "12 lớp tập huấn", "25 giấy phép", "3 hội nghị"]
    subscribers = got["1.250.000 thuê bao"]
    assert (subscribers.indicator, subscribers.change.percent) == ("phone_subscribers", 5.2)
    assert got["5,2%"].unit == "percent" and got["5,2%"].change.baseline == "năm 2021"
    assert got["3.456 hồ sơ"].period_start == dt.date(2023, 1, 1)
    revenue = got["2.100 tỷ đồng"]
    assert (revenue.value, revenue.qualifier, revenue.change.factor) == (2.1e12, "estimate", 1.5)
    assert "KH-UBND" not in got["12 lớp tập huấn"].indicator_label
    assert got["25 giấy phép"].period_label == "Năm 2022"  # the month frames only its clause
    assert got["3 hội nghị"].period_end == dt.date(2022, 6, 30)
    assert all(e.province is None for e in events)


def test_money_named_earlier_in_the_sentence_takes_its_indicator() -> None:
    text = ("Thanh tra Sở đã xử phạt vi phạm hành chính 23 trường hợp với tổng số tiền "
            "187,5 triệu đồng.")
    events = {e.unit: e for e in extract(make_article(text))}
    assert events["VND"].indicator == "fines_imposed" and events["VND"].value == 187_500_000
    assert events["trường hợp"].indicator == "sanctioned_violations"


def test_a_year_less_whole_year_takes_the_year_of_its_paragraph() -> None:
    text = ("Ngày 12/2/2017, Trung tâm họp báo cáo.\n"
            "Năm 2016, Trung tâm đã sản xuất 14 chuyên đề. Trong năm đã đăng 7.412 tin, bài.")
    events = extract(make_article(text, title="Báo cáo"))
    assert [(e.value, e.period_start) for e in events] == [(14, dt.date(2016, 1, 1)),
                                                           (7412, dt.date(2016, 1, 1))]


def test_a_rate_takes_its_measure_from_its_own_semicolon_clause() -> None:
    text = ("Tỷ lệ hộ gia đình dùng Internet qua cáp quang đạt 87%; 100% các xã, phường "
            "nay đã có mạng băng rộng cố định.")
    codes = [e.indicator for e in extract(make_article(text))]
    assert codes == ["broadband_households", "other"]


def test_a_january_report_keeps_what_was_approved_for_the_new_year() -> None:
    published = dt.datetime(2024, 1, 8, 2, tzinfo=dt.UTC)
    text = ("Năm 2024, Hội đồng khoa học đã phê duyệt 14 đề tài.\n"
            "Năm 2024, Sở đã thực hiện được 136 chương trình.")
    events = extract(make_article(text, published=published))
    assert [e.period_start.year for e in events if e.period_start] == [2024, 2023]


def test_a_paragraph_that_goes_on_with_the_account_keeps_its_period() -> None:
    text = "\n\n".join([
        "Năm 2023, ngành thông tin và truyền thông của tỉnh có nhiều chuyển biến.",
        "Trong 9 tháng đầu năm 2023, Sở đã tiếp nhận 120 hồ sơ.",
        "Sở cũng đã cấp 15 giấy phép cho các doanh nghiệp.",
        "Ngoài ra, Sở tổ chức 4 hội nghị.",
        "Toàn tỉnh có 8 doanh nghiệp bưu chính.",  # no continuation: the article's period
    ])
    published = dt.datetime(2023, 11, 20, tzinfo=dt.UTC)
    events = extract(make_article(text, published=published))
    got = {text[e.span_start:e.span_end]: (e.period_start, e.period_end) for e in events}
    nine_months = (dt.date(2023, 1, 1), dt.date(2023, 9, 30))
    assert got["120 hồ sơ"] == got["15 giấy phép"] == got["4 hội nghị"] == nine_months
    assert got["8 doanh nghiệp"] == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_a_range_to_now_binds_only_its_sentence() -> None:
    text = ("Năm 2024, tỉnh tiếp tục phát triển hạ tầng số.\n"
            "Từ năm 2021 đến nay, sóng đã được đưa thêm tới 124 thôn. "
            "Tỷ lệ phủ sóng di động hiện đạt 98,9%.")
    published = dt.datetime(2024, 11, 18, 3, tzinfo=dt.UTC)
    events = extract(make_article(text, title="Hạ tầng số", published=published))
    assert [(e.value, e.period_start, e.period_end) for e in events] == [
        (124, dt.date(2021, 1, 1), dt.date(2024, 11, 18)),
        (98.9, dt.date(2024, 1, 1), dt.date(2024, 12, 31))]


def test_year_to_date_runs_to_the_end_of_the_reported_period() -> None:
    text = ("Trong tháng 10/2024 (số liệu tính từ ngày 15/9 đến 14/10/2024), ngành có nhiều "
            "kết quả.\nSở đã cấp 2 giấy phép. Lũy kế từ đầu năm, Sở đã cấp 16 giấy phép.")
    events = extract(make_article(text, title="Kết quả tháng 10/2024"))
    assert [(e.value, e.period_start, e.period_end) for e in events] == [
        (2, dt.date(2024, 9, 15), dt.date(2024, 10, 14)),
        (16, dt.date(2024, 1, 1), dt.date(2024, 10, 14))]


def test_a_table_is_read_with_its_header() -> None:
    text = ("Kết quả thực hiện các chỉ tiêu năm 2024 như sau:\n"
            "Chỉ tiêu | Quý I/2025 | Quý I/2024 | Tăng (%)\n"
            "Doanh thu công nghiệp CNTT (tỷ đồng) | 182.460 | 160.315 | 13,8")
    events = extract(make_article(text, title="Công nghiệp CNTT quý I/2025"))
    got = [(e.value, e.unit, e.period_start, e.period_end) for e in events]
    q1_2025, q1_2024 = (dt.date(2025, 1, 1), dt.date(2025, 3, 31)), (dt.date(2024, 1, 1),
                                                                    dt.date(2024, 3, 31))
    assert got == [(182460e9, "VND", *q1_2025), (160315e9, "VND", *q1_2024),
                   (13.8, "percent", *q1_2025)]
    assert events[0].change is not None and events[0].change.baseline == "Quý I/2024"
    assert events[0].indicator_label == "Doanh thu công nghiệp CNTT (tỷ đồng): Quý I/2025"


def test_a_dossier_table_that_names_no_unit_is_classified_by_its_steps() -> None:
    text = ("1. Kết quả chung theo cấp\n"
            "Cấp | Tiếp nhận | Đã giải quyết | Tỷ lệ đúng hạn\n"
            "Cấp xã | 96.384 | 95.716 | 99,47%")
    events = extract(make_article(text, title="Kết quả giải quyết TTHC quý I/2025"))
    assert [(e.value, e.unit) for e in events] == [
        (96384, "hồ sơ"), (95716, "hồ sơ"), (99.47, "percent")]
    assert [e.indicator for e in events[:2]] == [
        "online_dossiers_received", "online_dossiers_resolved"]



def test_the_same_period_last_year_has_this_years_months() -> None:
    text = "- Phản ánh qua đầu số 5656: 9 tháng năm 2025: 4.812; cùng kỳ năm 2024: 7.356"
    events = extract(make_article(text, title="Phản ánh tin nhắn rác"))
    assert [(e.value, e.period_start, e.period_end) for e in events] == [
        (4812, dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
        (7356, dt.date(2024, 1, 1), dt.date(2024, 9, 30))]


def test_a_heading_frames_its_section() -> None:
    text = "\n".join([
        "Sở vừa ban hành báo cáo kết quả 9 tháng, phương hướng nhiệm vụ quý IV năm 2025.",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2025",
        "1. Lĩnh vực khoa học và công nghệ",
        "UBND tỉnh đã phê duyệt 27 nhiệm vụ khoa học và công nghệ.",
        "4. Lũy kế 11 tháng năm 2025",
        "- Cuộc tấn công mạng bị ngăn chặn: 24.618 cuộc.",
        "II. KẾT QUẢ THEO SỞ, NGÀNH",
        "Sở Y tế tiếp nhận 9.287 hồ sơ."])
    published = dt.datetime(2025, 10, 7, 3, tzinfo=dt.UTC)
    events = extract(make_article(text, title="Báo cáo 9 tháng", published=published))
    got = {e.value: (e.period_start, e.period_end) for e in events}
    assert got[27] == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))  # the section's, not Q4's
    assert got[24618] == (dt.date(2025, 1, 1), dt.date(2025, 11, 30))  # a sub-section's
    assert got[9287] == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))  # the lead's again


def test_a_bracketed_figure_takes_the_period_its_bracket_names() -> None:
    text = ("Trong tháng 10/2025, các cơ quan báo chí đăng 402 tin, bài về tỉnh (tháng 9/2025: "
            "361 tin, bài), trong đó 27 tin, bài phản ánh hạn chế.")
    events = extract(make_article(text, title="Báo chí tháng 10/2025"))
    assert [(e.value, e.period_start.month if e.period_start else None) for e in events] == [
        (402, 10), (361, 9), (27, 10)]


def test_a_tables_same_period_column_and_its_header_of_periods() -> None:
    text = ("Chỉ tiêu | 9 tháng năm 2025 | Cùng kỳ năm 2024 | Tăng (%)\n"
            "Doanh thu viễn thông (tỷ đồng) | 1.826,7 | 1.652,1 | 10,6")
    events = extract(make_article(text, title="Viễn thông 9 tháng năm 2025"))
    assert [(e.value, e.unit, e.period_start, e.period_end) for e in events] == [
        (1826.7e9, "VND", dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
        (1652.1e9, "VND", dt.date(2024, 1, 1), dt.date(2024, 9, 30)),
        (10.6, "percent", dt.date(2025, 1, 1), dt.date(2025, 9, 30))]


def test_a_unit_line_over_a_table_and_months_in_its_rows() -> None:
    text = ("Đơn vị tính: tỷ đồng\n"
            "Doanh nghiệp | Quý III/2025 | Quý III/2024\n"
            "Viettel Quảng Ngãi | 612,8 | 566,3\n"
            "Tháng | Hồ sơ tiếp nhận\n"
            "Tháng 1/2025 | 4.215")
    events = extract(make_article(text, title="Báo cáo quý III/2025"))
    assert [(e.value, e.unit, e.period_start) for e in events] == [
        (612.8e9, "VND", dt.date(2025, 7, 1)), (566.3e9, "VND", dt.date(2024, 7, 1)),
        (4215, "hồ sơ", dt.date(2025, 1, 1))]
    assert events[2].period_end == dt.date(2025, 1, 31)


def test_a_compound_noun_counts_its_head_and_the_label_keeps_the_compound() -> None:
    text = "Năm 2024, các tổ đã mở 312 lớp tập huấn kỹ năng số; toàn tỉnh có 642 trạm BTS."
    events = extract(make_article(text, title="Tổng kết năm 2024"))
    assert [(e.value, e.unit, e.indicator) for e in events] == [
        (312, "lớp", "trainings"), (642, "trạm", "mobile_stations")]
    assert events[0].indicator_label.startswith("lớp tập huấn")
    assert text[events[1].span_start:events[1].span_end] == "642 trạm BTS"


def test_a_same_period_column_compares_with_the_column_before_it() -> None:
    text = ("Kết quả quý III và 9 tháng năm 2025:\n"
            "Chỉ tiêu | Quý III/2025 | 9 tháng | Cùng kỳ | Tăng/giảm (%)\n"
            "Doanh thu bưu chính (tỷ đồng) | 171,5 | 528,6 | 471,2 | 12,2")
    events = extract(make_article(text, title="Bưu chính quý III/2025"))
    got = [(e.value, e.period_start, e.period_end) for e in events]
    assert got == [(171.5e9, dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
                   (528.6e9, dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
                   (471.2e9, dt.date(2024, 1, 1), dt.date(2024, 9, 30)),
                   (12.2, dt.date(2025, 1, 1), dt.date(2025, 9, 30))]


def test_a_table_in_a_report_whose_month_runs_on_other_days() -> None:
    text = ("Trong tháng 10/2025 (số liệu từ ngày 15/9/2025 đến ngày 14/10/2025), hệ thống "
            "tiếp nhận 186.742 hồ sơ trực tuyến.\n"
            "Bảng 1. Kết quả tiếp nhận hồ sơ thủ tục hành chính (Đơn vị: hồ sơ)\n"
            "TT | Chỉ tiêu | Tháng 10/2025 | Lũy kế 10 tháng | Cùng kỳ 2024 | So sánh (%)\n"
            "2 | Trong đó: trực tuyến | 186.742 | 1.512.306 | 1.092.705 | 138,4")
    events = extract(make_article(text, title="Tây Ninh: hồ sơ tháng 10/2025"))
    rows = [(e.value, e.unit, e.period_start, e.period_end) for e in events[1:]]
    assert rows == [(186742, "hồ sơ", dt.date(2025, 9, 15), dt.date(2025, 10, 14)),
                    (1512306, "hồ sơ", dt.date(2025, 1, 1), dt.date(2025, 10, 14)),
                    (1092705, "hồ sơ", dt.date(2024, 1, 1), dt.date(2024, 10, 14)),
                    (138.4, "percent", dt.date(2025, 1, 1), dt.date(2025, 10, 14))]


def test_a_note_under_a_table_gives_the_unit_of_the_rows_it_names() -> None:
    text = ("Biểu: Kết quả hoạt động bưu chính, viễn thông\n"
            "TT | Chỉ tiêu | Ước TH 6 tháng 2024 | Cùng kỳ 2023 | So sánh (%)\n"
            "1 | Doanh thu dịch vụ bưu chính | 2.846 | 2.512 | 113,3\n"
            "2 | Trạm phát sóng xây mới | 12 | 10 | 120,0\n"
            "Ghi chú: doanh thu tính bằng triệu đồng; số liệu do các doanh nghiệp cung cấp.")
    events = extract(make_article(text, title="Kết quả 6 tháng đầu năm 2024"))
    got = [(e.value, e.unit, e.period_start.year if e.period_start else None) for e in events]
    assert got == [(2846e6, "VND", 2024), (2512e6, "VND", 2023), (113.3, "percent", 2024),
                   (12, "trạm", 2024), (10, "trạm", 2023), (120.0, "percent", 2024)]


def test_a_reporting_window_given_in_a_sentence_of_its_own() -> None:
    text = ("Trung tâm báo cáo kết quả tháng 8/2025. Số liệu trong kỳ báo cáo được tính từ "
            "ngày 15/7/2025 đến ngày 14/8/2025.\n"
            "Trong kỳ, Trung tâm tiếp nhận 47.862 hồ sơ (cấp thành phố 9.814, cấp xã 38.048).\n"
            "Cấp | Đã giải quyết | Lũy kế tiếp nhận từ ngày 01/7/2025\n"
            "Cấp xã | 36.540 | 47.903")
    events = extract(make_article(text, title="Cần Thơ: tháng 8/2025 tiếp nhận gần 48 nghìn hồ sơ"))
    got = [(e.value, e.period_start, e.period_end) for e in events]
    window = (dt.date(2025, 7, 15), dt.date(2025, 8, 14))
    assert got == [(47862, *window), (9814, *window), (38048, *window), (36540, *window),
                   (47903, dt.date(2025, 7, 1), dt.date(2025, 8, 14))]


def test_a_part_singled_out_binds_its_sentence_and_the_one_that_recalls_it() -> None:
    text = ("Trong 9 tháng, Bưu điện chi trả cho 322.000 người. Riêng tháng 9/2025, nhân viên "
            "chi trả tại nhà cho 18.460 người. Trong tháng này có 1.204 lượt hỗ trợ. Tỷ lệ "
            "khiếu nại chưa đến 0,01%.")
    events = extract(make_article(text, title="Tây Ninh: 9 tháng năm 2025"))
    ends = [(e.value, e.period_start, e.period_end) for e in events]
    nine, september = (dt.date(2025, 1, 1), dt.date(2025, 9, 30)), (dt.date(2025, 9, 1),
                                                                     dt.date(2025, 9, 30))
    assert ends == [(322000, *nine), (18460, *september), (1204, *september), (0.01, *nine)]


def test_a_caption_ending_in_its_unit_after_a_full_stop() -> None:
    text = ("Kết quả phát triển thuê bao tháng 11/2024 theo khu vực. Đơn vị tính: thuê bao\n"
            "STT | Đơn vị | Băng rộng cố định | Di động trả sau\n"
            "1 | PBH khu vực Vĩnh Châu | 684 | 415")
    events = extract(make_article(text, title="VNPT Sóc Trăng tháng 11/2024"))
    assert [(e.value, e.unit) for e in events] == [(684, "thuê bao"), (415, "thuê bao")]
