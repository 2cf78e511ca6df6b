from hypothesis import given
from hypothesis import strategies as st

from services.extractor.numbers import format_number, parse_number


def test_vietnamese_notation() -> None:
    assert parse_number("11.547") == 11547
    assert parse_number("17,36") == 17.36
    assert parse_number("1.870") == 1870
    assert parse_number("307,5") == 307.5
    assert parse_number("05") == 5
    assert parse_number("1.234.567,89") == 1234567.89


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_round_trip(n: int) -> None:
    assert parse_number(format_number(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole: int, hundredths: int) -> None:
    value = whole + hundredths / 100
    assert abs(parse_number(format_number(value, 2)) - value) < 1e-6
