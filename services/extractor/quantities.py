"""Find the quantities a sentence states: a number, its scale, its unit, its hedge.

A number counts as a quantity only when something says what it counts — a percent
sign, a currency, a scale word in a money sentence, or a counted noun from the unit
list — so bare numbers (years, codes, phone numbers) fall away without special cases.
The exclusion lists then remove counted-looking numbers that are not figures
(``kỷ niệm 67 năm``, ``lần thứ 46``, ``giai đoạn 2022-2025``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.numbers import NUMBER, SCALES, parse_number
from services.extractor.rules import fold, mentions, rules

_SCALE = re.compile(r"\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?![\wà-ỹ])")  # on the folded text
_PERCENT = re.compile(r"\s?%")
_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc|đến|-|–)\s*")
# "đăng tải650 tin": a space lost between a word and a number (a common defect). Only
# after a lower-case word of three letters or more, so "IPv6", "VOV5", "4G" stay codes.
# Written digit-first with look-behinds (three lower-case letters, not preceded by a
# capital or digit) so re can skip ahead to digits instead of trying every position.
_GLUED = re.compile(
    r"(?P<num>\d(?<=[a-zà-ỹđ]{3}\d)(?<![A-ZĐ\d][a-zà-ỹđ]{3}\d)\d+(?:\.\d{3})*(?:,\d+)?)"
    r"(?![\w/]|[.,]\d)")
_HAS_DIGIT = re.compile(r"\d")
# "45/45 xã", "29/35 Quận, Huyện đoàn": so many of a whole. Only with a counted noun
# right after and a part no larger than the whole, so dates ("30/4") never qualify.
_RATIO = re.compile(r"(?P<num>\d(?<![\w./\-–]\d)\d{0,5})/(?P<total>\d{1,6})(?![\w/]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_WORDS = ("-", "–", "đến")  # "10 - 15 hồ sơ": what ends the text before an upper end
# Clock times are not durations: "7 giờ 30 phút", "lúc 14 giờ", "từ 7 giờ … đến 11 giờ".
_CLOCK_AFTER = re.compile(r"\s*giờ\s*\d")
_CLOCK_HOUR = re.compile(r"\s*giờ(?![\wà-ỹ])")
_CLOCK_BEFORE = re.compile(r"(?:\b(?:lúc|vào)|\d\s*giờ)\s*$", re.IGNORECASE)
_CLOCK_RANGE_END = re.compile(r"\b(?:đến|tới)\s*$", re.IGNORECASE)
_CLOCK_EARLIER = re.compile(r"\d\s*giờ\s*\d|\b(?:lúc|từ)\s*\d{1,2}\s*giờ", re.IGNORECASE)
_RANGE_AHEAD = re.compile(r"\s*giờ\s*(?:-|–|đến|tới)\s*\d")
_FROM = re.compile(r"\btừ\s*$", re.IGNORECASE)
_TIME_NOUNS = frozenset({"giờ", "phút", "ngày", "tuần", "tháng"})
_CLOCK_MINUTES = re.compile(r"\d\s*giờ\s*$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One stated quantity; offsets are relative to the sentence."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    money: bool


def may_state_quantities(text: str) -> bool:
    """Whether `text` can state a quantity at all: a digit, or a vague "hàng nghìn"."""
    return "hàng " in text or bool(_HAS_DIGIT.search(text))


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantity in one sentence, in order."""
    r = rules()
    digit = _HAS_DIGIT.search(sentence)
    if not digit and "hàng " not in sentence:
        return []  # as may_state_quantities, keeping where the first digit is
    first = digit.start() if digit else len(sentence)  # numbers are read from there on
    lowered = fold(sentence)  # for the word patterns (see rules.py)
    # Cheap tests once per sentence, so the per-number patterns below run only where
    # they can match: most sentences state no clock time and no target.
    clock = "giờ" in sentence
    targets = mentions(lowered, r.targets)
    found: list[Quantity] = []
    matches = sorted([*NUMBER.finditer(sentence, first), *_GLUED.finditer(sentence, first)],
                     key=lambda m: m.start("num"))
    for i, m in enumerate(matches):
        if _YEAR.fullmatch(m["num"]):
            continue  # an ungrouped 19xx/20xx is a year: real counts are written "2.023"
        # What the number counts first (anchored matches right after it), then the
        # exclusions (searches before it): most numbers in a report count nothing.
        value = parse_number(m["num"])
        quantity = _read_unit(sentence, lowered, m, value)
        if quantity is None:
            quantity = _borrow_unit(sentence, lowered, m, matches[i + 1:], value)
        start, end = m.span("num")
        if (quantity is None
                or r.exclude_before.search(lowered[max(0, start - 40):start])
                or r.exclude_after.match(lowered, end)
                or (clock and _clock_time(sentence[:start], sentence[end:]))
                or (targets and r.target_pattern.search(lowered[max(0, start - 100):start]))):
            continue
        qualifier = _qualifier(lowered, start)
        if qualifier == "exact" and found and sentence[:start].rstrip().endswith(_RANGE_WORDS):
            qualifier = "at_most"  # the upper end of a range "10 - 15 hồ sơ"
        found.append(Quantity(start, quantity[0], quantity[1], quantity[2], qualifier,
                              quantity[3]))
    if "/" in sentence:
        found += _ratios(sentence, lowered)
    if mentions(lowered, r.vague_value):
        found += _vague(sentence, lowered, found)
    return sorted(found, key=lambda q: q.start)


def _read_unit(sentence: str, lowered: str, m: re.Match[str],
               value: float) -> tuple[int, float, str, bool] | None:
    """(end, value, unit, is_money) from what follows the number, or None."""
    r = rules()
    pos = m.end("num")
    if percent := _PERCENT.match(sentence, pos):
        return percent.end(), value, "percent", False
    scale = _SCALE.match(lowered, pos)
    if scale:
        pos = scale.end()
    currency = r.currency_pattern.match(sentence, pos)
    if currency:
        factor = SCALES[scale[1]] if scale else 1.0
        return currency.end(), value * factor, "VND", True
    noun = r.unit_pattern.match(lowered, pos)
    if scale and not noun and mentions(lowered, r.money_cues):
        return pos, value * SCALES[scale[1]], "VND", True
    if noun:
        unit = r.unit_aliases.get(noun[1], noun[1])
        if scale:
            word = scale[1]
            # "100.000 nghìn lượt": a thousands word after a figure already in thousands
            # is a doubled scale in the source; the figure as written is kept.
            doubled = word in ("nghìn", "ngàn") and value >= 1000
            value = value if doubled else value * SCALES[word]
        return noun.end(), value, unit, False
    return None


def _borrow_unit(sentence: str, lowered: str, m: re.Match[str], rest: list[re.Match[str]],
                 value: float) -> tuple[int, float, str, bool] | None:
    """A number that shares the next number's noun: "60 và 320 tin", "10-15 hồ sơ"."""
    if not rest or not _LIST_JOIN.fullmatch(sentence[m.end("num"): rest[0].start("num")]):
        return None
    following = _read_unit(sentence, lowered, rest[0], 1.0)
    if following is None:
        return None
    _, factor, unit, money = following
    return m.end("num"), value * factor, unit, money


def _qualifier(lowered: str, start: int) -> str:
    """The hedge in the 40 characters before `start` of the folded sentence."""
    r = rules()
    hedge = r.qualifier_pattern.search(lowered[max(0, start - 40):start])
    return r.qualifier_of[hedge[1]] if hedge else "exact"


def _clock_time(before: str, after: str) -> bool:
    """A time of day written with "giờ" (and its minutes), not an amount of hours."""
    if _CLOCK_AFTER.match(after):
        return True
    if _CLOCK_MINUTES.search(before[-12:]):
        return True  # the "30" of "7 giờ 30 phút"
    if not _CLOCK_HOUR.match(after):
        return False
    if _CLOCK_RANGE_END.search(before):  # "đến 11 giờ" ends a clock range, "đến 3 giờ" not
        return bool(_CLOCK_EARLIER.search(before))
    starts_range = bool(_FROM.search(before[-6:])) and not _RANGE_AHEAD.match(after)
    return bool(_CLOCK_BEFORE.search(before[-12:])) or starts_range


def _ratios(sentence: str, lowered: str) -> list[Quantity]:
    """"45/45 xã đạt tiêu chí": the part (45) counted in the noun's unit."""
    r = rules()
    out = []
    for m in _RATIO.finditer(sentence):
        part, whole = int(m["num"]), int(m["total"])
        start = m.start()
        noun = r.unit_pattern.match(lowered, m.end())
        if (not noun or not 0 < whole or part > whole
                or r.exclude_before.search(lowered[max(0, start - 40):start])
                or noun[1] in _TIME_NOUNS):  # "24/24 giờ" is round the clock
            continue
        unit = r.unit_aliases.get(noun[1], noun[1])
        out.append(Quantity(start, noun.end(), float(part), unit, _qualifier(lowered, start),
                            False))
    return out


def _vague(sentence: str, lowered: str, found: list[Quantity]) -> list[Quantity]:
    """"hàng nghìn lượt người": about a thousand, when a counted noun follows."""
    r = rules()
    out = []
    for m in r.vague_pattern.finditer(lowered):
        noun = r.unit_pattern.match(lowered, m.end())
        if noun and not any(q.start <= m.start() < q.end for q in found):
            unit = r.unit_aliases.get(noun[1], noun[1])
            out.append(Quantity(m.start(), noun.end(), r.vague_value[m[1]], unit,
                                "about", False))
    return out
