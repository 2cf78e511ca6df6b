"""Vietnamese number notation: ``.`` groups thousands, ``,`` is the decimal mark.

``11.547`` is eleven thousand five hundred and forty-seven, ``17,36`` is 17.36,
``307,5 triệu`` is 307,500,000, ``05`` is 5. A dot followed by other than three digits
(``1.5``) is read as a decimal point, the way an English-trained writer would mean it,
and so are two commas or more each before three digits (``1,234,567``, copied from an
English-style table): no decimal has two commas. One comma stays the decimal mark.
"""

from __future__ import annotations

import re

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
          # "12,4 nghìn tỷ đồng": a thousand billion, as national figures are written
          "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12,
          # "hơn 1,1 triệu tỷ đồng": a million billion, national revenue's scale
          "triệu tỷ": 1e15, "triệu tỉ": 1e15}
# The scale words as a pattern on folded text, compounds first ("nghìn tỷ" before "nghìn").
SCALE_WORDS = r"(?:nghìn|ngàn|triệu)\s+t[ỷỉ]|nghìn|ngàn|triệu|tỷ|tỉ"

# A number as these reports write it; the look-arounds keep it from being part of a code
# ("03-NQ", "VOV5", "4G"), a date or a fraction ("30/4", "29/35"), or a longer figure.
# Also a number glued to the lower-case word after it ("gần 3.200km", "27chương trình")
# or before it ("đăng tải650 tin"): a space lost, a common defect. The reader keeps a
# number only when a noun, scale or currency follows. Glued before: only after a word
# of three lower-case letters or more, so "IPv6", "VOV5", "4G" stay codes.
# The pattern opens on a digit and looks behind only from there, so re can skip to the
# next digit instead of trying the look-behind at every position (about 3x faster); the
# three forms never start at the same digit, so one scan finds them all.
_GROUPED_OR_COMMA = (  # after the first digit
    r"\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d{0,2}(?:,\d{3}){2,}|\d*(?:,\d+)?")
_NUMBER_END = r"(?![\w/]|[.,]\d|-\d|–\d)"
NUMBER = re.compile(
    r"(?P<num>\d(?:(?<![\w.,/\-–]\d)"
    rf"(?:(?:{_GROUPED_OR_COMMA}){_NUMBER_END}"
    rf"|\d*\.\d{{1,2}}(?!\d){_NUMBER_END}"
    rf"|(?:{_GROUPED_OR_COMMA})(?=[a-zà-ỹđ]))"
    r"|(?<=[a-zà-ỹđ]{3}\d)(?<![A-ZĐ\d][a-zà-ỹđ]{3}\d)\d+(?:\.\d{3})*(?:,\d+)?(?![\w/]|[.,]\d)))"
)
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def parse_number(text: str) -> float:
    """The value of a number written the Vietnamese way (no scale word)."""
    text = text.strip()
    if text.isdecimal():  # the usual case: plain digits (what \d matches), no pattern needed
        return float(text)
    if _GROUPED.fullmatch(text):
        integer, _, fraction = text.partition(",")
        return float(integer.replace(".", "") + ("." + fraction if fraction else ""))
    if _COMMA_GROUPED.fullmatch(text):
        return float(text.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _PLAIN.fullmatch(text):
        return float(text)
    raise ValueError(f"not a number: {text!r}")


def format_number(value: float, decimals: int = 0) -> str:
    """Write a number the Vietnamese way (the inverse of `parse_number`)."""
    integer = int(abs(value))
    grouped = f"{integer:,}".replace(",", ".")
    if decimals:
        fraction = f"{abs(value):.{decimals}f}".split(".")[1]
        return f"{grouped},{fraction}"
    return grouped
