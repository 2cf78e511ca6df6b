from hypothesis import given
from hypothesis import strategies as st

from services.extractor.numbers import NUMBER, format_number, parse_number
from services.extractor.quantities import find_quantities


def test_vietnamese_notation() -> None:
    assert parse_number("11.547") == 11547
    assert parse_number("17,36") == 17.36
    assert parse_number("1.870") == 1870
    assert parse_number("307,5") == 307.5
    assert parse_number("05") == 5
    assert parse_number("1.234.567,89") == 1234567.89
    # English-style grouping, as tables copied from elsewhere write it: two commas or
    # more cannot be a decimal mark; one comma still is.
    assert parse_number("1,234,567") == 1234567
    assert parse_number("1,234") == 1.234


def test_no_count_starts_after_a_comma() -> None:
    assert [(q.value, q.unit) for q in find_quantities("Có 1,234,567 thuê bao di động")] == [
        (1234567, "thuê bao")]
    assert [m["num"] for m in NUMBER.finditer("các xã 1,2,3 và 12,5 tỷ")] == ["12,5"]


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_round_trip(n: int) -> None:
    assert parse_number(format_number(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole: int, hundredths: int) -> None:
    value = whole + hundredths / 100
    assert abs(parse_number(format_number(value, 2)) - value) < 1e-6


SCALE_WORDS = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9),
       st.sampled_from(sorted(SCALE_WORDS)))
def test_scaled_money_round_trips_through_the_quantity_reader(
        whole: int, tenth: int, word: str) -> None:
    written = format_number(whole + tenth / 10, 1) if tenth else format_number(whole)
    [q] = find_quantities(f"Doanh thu đạt {written} {word} đồng.")
    assert q.unit == "VND"
    assert abs(q.value - (whole + tenth / 10) * SCALE_WORDS[word]) < 1e-3 * SCALE_WORDS[word]


def test_number_scan_finds_plain_and_glued_numbers_but_not_codes() -> None:
    text = "dài 3.200km, 27chương trình, 12,5 tỷ, đăng tải650,5 tin; mạng 4G, kênh VOV5, ngày 30/4"
    assert [m["num"] for m in NUMBER.finditer(text)] == ["3.200", "27", "12,5", "650,5"]


def test_a_decimal_glued_to_the_word_before_is_one_number() -> None:
    # Not also a "5 tin" after its comma (two scans used to find both).
    assert [(q.value, q.unit) for q in find_quantities("Sở đã đăng tải650,5 tin bài")] == [
        (650.5, "tin bài")]
