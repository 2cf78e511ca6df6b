"""Find the quantities a sentence states: a number, its scale, its unit, its hedge.

A number counts as a quantity only when something says what it counts — a percent
sign, a currency, a scale word in a money sentence, or a counted noun from the unit
list — so bare numbers (years, codes, phone numbers) fall away without special cases.
The exclusion lists then remove counted-looking numbers that are not figures
(``kỷ niệm 67 năm``, ``lần thứ 46``, ``giai đoạn 2022-2025``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from services.extractor.labels import LabelUnit, label_unit
from services.extractor.numbers import NUMBER, SCALE_WORDS, SCALES, parse_number
from services.extractor.rules import Rules, fold, mentions, rules
from shared.records import Direction

# A scale word written twice ("7,86 triệu triệu bưu gửi") is one: a slip of the writer.
_SCALE = re.compile(rf"\s*({SCALE_WORDS})(?:\s+\1)?(?![\wà-ỹ])")  # on the folded text
_PERCENT = re.compile(r"\s?%")
_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc|đến|-|–)\s*")
# "phát hiện 389, gỡ bỏ 302 tin, bài": two verbs share the noun written after the second.
_VERB_JOIN = re.compile(r"\s*(?:,|và)\s*((?:[a-zà-ỹđ]+ ){1,4})")  # "đề nghị gỡ bỏ"
# …but words that relate the two figures otherwise ("120 gồm 30 …", "chiếm 25 …").
_NOT_VERBS = ("gồm", "chiếm", "bằng", "với", "so với", "năm", "tháng")
# A bracket of two or more parts, each named and then counted: "(cấp tỉnh 3.207, cấp xã
# 6.607)", "(tháng 7: 23, tháng 8: 19)", "(Viettel 3.870, VNPT 2.955 và Vietnamobile 723
# trạm)"; not "(hạng 30)" nor "(mức độ 3, 4)".
_PART = r"[^\d(),;]*[^\W\d][^\d(),;]*?(?:\s\d{1,2}(?:/\d{4})?\s*:)?\s\d[\d.,]*"
_NOUN_PHRASE_ONLY = re.compile(r"[^\d,;.:()]*")  # "58 phản ánh của người dân … ("
_PART_END = re.compile(r"\s*(?:[,;)]|và\s)")  # where a part's figure ends
_BREAKDOWN = re.compile(rf"\(\s*{_PART}(?:\s*(?:[,;]|và)\s*{_PART})+(?:\s+[^\d(),;]+)?\s*\)")
_HAS_DIGIT = re.compile(r"\d")
# "45/45 xã", "12.304/15.870 người", "104.512/ 230.067 hồ sơ": so many of a whole. Only
# with a counted noun right after and a part no larger than the whole, so dates ("30/4")
# never qualify.
_RATIO = re.compile(  # a score may have decimals: "87,6/100 điểm"
    r"(?P<num>\d(?<![\w.,/\-–]\d)(?:\d{0,2}(?:\.\d{3})+|\d{0,5})(?:,\d{1,2})?)"
    r" ?/ ?(?P<total>\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\w/]|[.,]\d)")
# Counts written as words ("hai hội nghị", "ba đợt"). "một" (một số, một cửa) and "năm"
# (the year, five) are left out: too often not a count.
_WORD_NUMBERS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                 "mười": 10}
# On the folded text, so "Hai" and "HAI" count too; a plain alternation of words, so re
# skips ahead to their first letters. A match counts when no letter comes right before.
_WORD_NUMBER = re.compile(rf"(?:{'|'.join(_WORD_NUMBERS)})(?= )")
_LETTER = re.compile(r"[\wà-ỹ]")
# The same test as one literal each, the letter check looking behind from the end: re
# skips ahead to a literal quickly, where the alternation stops at every "b", "c", "h",
# "m", "s", "t", and "hai " alone is in every "triển khai ".
_WORD_NUMBER_AT = tuple(re.compile(rf"{re.escape(word)} (?<![\wà-ỹ].{{{len(word) + 1}}})")
                        for word in _WORD_NUMBERS)
_COMPOUND_BEFORE = re.compile(r"(?:mười|mươi|trăm|nghìn|ngàn|lẻ|linh)\s$")
# "hồ sơ (HS)": an abbreviation the article defines for a counted noun.
_DEFINED = re.compile(r"\(([A-ZĐ]{2,6})\)")
Abbreviations = tuple[tuple[str, str], ...]
_YEAR = re.compile(r"(?:19|20)\d\d")
# "10 - 15 hồ sơ", "từ 10 đến 15": the joiner right after the range's first figure.
_RANGE = re.compile(r"\s*(?:-|–|đến|tới)\s*")
# Clock times are not durations: "7 giờ 30 phút", "lúc 14 giờ", "từ 7 giờ … đến 11 giờ".
_CLOCK_AFTER = re.compile(r"\s*giờ\s*\d")
_CLOCK_HOUR = re.compile(r"\s*giờ(?![\wà-ỹ])")
_CLOCK_BEFORE = re.compile(r"(?:\b(?:lúc|vào)|\d\s*giờ)\s*$", re.IGNORECASE)
_CLOCK_RANGE_END = re.compile(r"\b(?:đến|tới)\s*$", re.IGNORECASE)
_CLOCK_EARLIER = re.compile(r"\d\s*giờ\s*\d|\b(?:lúc|từ)\s*\d{1,2}\s*giờ", re.IGNORECASE)
_FACTOR_BEFORE = re.compile(r"(?:gấp|tăng|giảm)\s*$")
_FROM = re.compile(r"\btừ\s*$", re.IGNORECASE)
# "7 huyện trên 30%": a bound word right between a count and a percent.
_CLASS_BOUND = re.compile(r"\s*(?:trên|dưới|từ|hơn)\s*")
# What ends a clause between a measure phrase and its figure ("số hồ sơ …, đạt 95").
_CLAUSE_BREAK = re.compile(r"[,;:()]")
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
    """Whether `text` can state a quantity at all: a digit, a vague "hàng nghìn", or a
    count written as a word ("hai hội nghị")."""
    return "hàng " in text or bool(_HAS_DIGIT.search(text)) or _has_word_number(fold(text))


def _has_word_number(lowered: str) -> bool:
    """Whether `_word_numbers` finds one (for every sentence and prose paragraph)."""
    for pattern in _WORD_NUMBER_AT:
        if pattern.search(lowered):
            return True
    return False


def _word_numbers(lowered: str) -> Iterator[re.Match[str]]:
    """The counts written as words in the folded text (not "hai" of "chai")."""
    for m in _WORD_NUMBER.finditer(lowered):
        if not (m.start() and _LETTER.match(lowered, m.start() - 1)):
            yield m


def abbreviations(text: str) -> Abbreviations:
    """The unit abbreviations an article defines: "nhận về 27,8 ngàn hồ sơ (HS)" makes
    "HS" mean "hồ sơ" in that article only (elsewhere HS may be học sinh)."""
    r = rules()
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        # The noun is looked for in the 40 characters before; only they (and one more, for
        # the pattern's look-behind) are folded, not the whole article.
        reach, edge = max(0, m.start() - 40), max(0, m.start() - 41)
        noun = r.noun_before.search(fold(text[edge:m.start()]), reach - edge)
        if noun and m[1] not in out:
            out[m[1]] = r.unit_aliases.get(noun[1], noun[1])
    return tuple(out.items())


LABEL_WORDS = 20  # a line's label before its colon is shorter than this
PHONE_DIGITS = 7  # an ungrouped run this long is a phone number or a code, never a count


def find_quantities(sentence: str, defined: Abbreviations = ()) -> list[Quantity]:
    """Every quantity in one sentence, in order; `defined` are the article's own unit
    abbreviations (see `abbreviations`)."""
    r = rules()
    lowered = fold(sentence)  # for the word patterns (see rules.py)
    digit = _HAS_DIGIT.search(sentence)
    words = _has_word_number(lowered)
    if not digit and "hàng " not in sentence and not words:
        return []  # as may_state_quantities, keeping where the first digit is
    first = digit.start() if digit else len(sentence)  # numbers are read from there on
    # Cheap tests once per sentence, so the per-number patterns below run only where
    # they can match: most sentences state no clock time and no target.
    clock = "giờ" in sentence
    targets: bool | None = None  # whether a target cue is mentioned, once a figure needs it
    found: list[Quantity] = []
    bound_end: int | None = None  # where the last class bound (see _bounds_a_class) ends
    ratios = _ratios(sentence, lowered) if "/" in sentence else []
    matches = list(NUMBER.finditer(sentence, first))
    for i, m in enumerate(matches):
        start, end = m.span("num")
        if _YEAR.fullmatch(m["num"]):
            continue  # an ungrouped 19xx/20xx is a year: real counts are written "2.023"
        if len(m["num"]) >= PHONE_DIGITS and m["num"].isdecimal():
            continue  # "19001234 tổng đài viên": a phone number; counts that big are grouped
        if ratios and any(q.start <= start < q.end for q in ratios):
            continue  # the whole of "104.512/ 230.067 hồ sơ" is not a count of its own
        # What the number counts first (anchored matches right after it), then the
        # exclusions (searches before it): most numbers in a report count nothing.
        value = parse_number(m["num"])
        quantity = _read_unit(sentence, lowered, m, value, defined)
        if quantity is None:
            quantity = _borrow_unit(sentence, lowered, m, matches[i + 1:], value, defined)
        if quantity is None:
            quantity = _measured_before(lowered, m, value)
        if quantity is None:
            quantity = _unlisted_noun(sentence, lowered, m, value, found[-1] if found else None)
        if quantity is None and found:
            quantity = _in_breakdown(sentence, m, value, found)
        labelled = False
        if quantity is None:
            quantity = _labelled(sentence, m, value)
            labelled = quantity is not None
        if quantity and quantity[2] == "percent" and _bounds_a_class(
                lowered, start, found[-1] if found else None, bound_end):
            bound_end = quantity[0]
            continue
        # A percent is a share: no ordinal, year or level ("ở mức 6%") is written with one.
        # A label's last word does not qualify its figure ("… được mở khóa: 22.965").
        if (quantity is None
                or (quantity[2] != "percent" and not labelled
                    and _excluded_before(lowered, start))
                # (after a percent sign: "từ 70% trở lên" is a threshold)
                or ((after := r.exclude_after.match(
                    lowered, quantity[0] if quantity[2] == "percent" else end))
                    and not _counts_occurrences(after[1], value, lowered, start))
                or (clock and _clock_time(sentence[:start], sentence[end:]))):
            continue
        if targets is None:
            targets = mentions(lowered, r.targets)
        if targets and r.target_pattern.search(lowered[max(0, start - 100):start]):
            continue
        qualifier = _qualifier(lowered, start)
        if qualifier == "exact" and found and _RANGE.fullmatch(sentence, found[-1].end, start):
            qualifier = "at_most"  # the upper end of a range "10 - 15 hồ sơ"
        found.append(Quantity(start, quantity[0], quantity[1], quantity[2], qualifier,
                              quantity[3]))
    found += ratios
    if mentions(lowered, r.vague_value):
        found += _vague(sentence, lowered, found)
    if words:
        found += _word_counts(sentence, lowered, found)
    return sorted(found, key=lambda q: q.start)


OCCURRENCES_FROM = 20  # "lần" after a figure this large counts occurrences


def _counts_occurrences(word: str, value: float, lowered: str, start: int) -> bool:
    """"64.519 lần phòng chống tấn công" counts occurrences; "3 lần", "gấp 2 lần" and
    "tăng 25 lần" are repeats and factors (growth.py reads the factors)."""
    return (word == "lần" and value >= OCCURRENCES_FROM
            and not _FACTOR_BEFORE.search(lowered, max(0, start - 12), start))


def _bounds_a_class(lowered: str, start: int, previous: Quantity | None,
                    bound_end: int | None) -> bool:
    """"5 tỉnh trên 20%; 12 tỉnh từ 10- 20%": a percent right after a count and a bound
    word is the bound of the class counted, not a share reported (nor is the upper end
    of such a range). With a verb between ("25 xã đạt trên 80%") it is one."""
    if bound_end is not None and _RANGE.fullmatch(lowered, bound_end, start):
        return True
    return (previous is not None and previous.unit != "percent" and not previous.money
            and _CLASS_BOUND.fullmatch(lowered, previous.end, start) is not None)


def _read_unit(sentence: str, lowered: str, m: re.Match[str], value: float,
               defined: Abbreviations = ()) -> tuple[int, float, str, bool] | None:
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
        factor = SCALES[_scale_word(scale)] if scale else 1.0
        return currency.end(), value * factor, "VND", True
    foreign = r.foreign_pattern.match(sentence, pos)
    if foreign:  # before the money cues below make a bare scale VND
        factor = SCALES[_scale_word(scale)] if scale else 1.0
        return foreign.end(), value * factor, r.foreign_of[foreign[1]], True
    noun = _noun_at(sentence, lowered, pos, defined)
    if scale and not noun and mentions(lowered, r.money_cues):
        return pos, value * SCALES[_scale_word(scale)], "VND", True
    if noun:
        if scale:
            word = _scale_word(scale)
            # "100.000 nghìn lượt": a thousands word after a figure of a hundred thousand
            # or more is a doubled scale in the source (a writer means 100 million as
            # "100 triệu"); the figure as written is kept. "2.310 nghìn thuê bao" is
            # 2.31 million, the way statistics are often written.
            doubled = word in ("nghìn", "ngàn") and value >= 100_000
            value = value if doubled else value * SCALES[word]
        return noun[0], value, noun[1], False
    return None


def _scale_word(scale: re.Match[str]) -> str:
    return " ".join(scale[1].split())  # "nghìn  tỷ" as "nghìn tỷ"


def _noun_at(sentence: str, lowered: str, pos: int,
             defined: Abbreviations) -> tuple[int, str] | None:
    """(end, unit) of the counted noun at `pos`: one of the list, else one of the
    article's own abbreviations."""
    r = rules()
    noun = r.unit_pattern.match(lowered, pos)
    if noun:
        return noun.end(), r.unit_aliases.get(noun[1], noun[1])
    for abbreviation, unit in defined:
        m = re.compile(rf"\s*{abbreviation}(?![\wà-ỹ])").match(sentence, pos)
        if m:
            return m.end(), unit
    return None


def _borrow_unit(sentence: str, lowered: str, m: re.Match[str], rest: list[re.Match[str]],
                 value: float, defined: Abbreviations = ()) -> tuple[int, float, str, bool] | None:
    """A number that shares the noun of the list it opens: "60 và 320 tin", "10-15 hồ sơ",
    "lần lượt 412.000, 286.500 và 153.000 người", "phát hiện 389, gỡ bỏ 302 tin, bài",
    "2,46 triệu, 612.000 và 385.000 lượt khách"."""
    end = m.end("num")
    # "2,46 triệu, 612.000 và 385.000 lượt khách": a member's own scale word is its own,
    # and then the last member's scale is not shared
    own = _SCALE.match(lowered, end)
    if own:
        end = own.end()
    mine = end
    if rest and (shared := _shared_by_verbs(sentence, lowered, end, rest[0], defined)):
        return mine, _scaled(value, own, shared[1]), shared[2], shared[3]
    for following in rest:
        if not _LIST_JOIN.fullmatch(sentence[end:following.start("num")]):
            return None
        unit = _read_unit(sentence, lowered, following, 1.0, defined)
        if unit is not None:
            _, factor, noun, money = unit
            return mine, _scaled(value, own, factor), noun, money
        end = following.end("num")
    return None


def _scaled(value: float, own: re.Match[str] | None, shared: float) -> float:
    """`value` times its own scale word if it has one, else the scale it shares."""
    return value * (SCALES[_scale_word(own)] if own else shared)


def _in_breakdown(sentence: str, m: re.Match[str], value: float,
                  found: list[Quantity]) -> tuple[int, float, str, bool] | None:
    """A bare figure in the bracket that breaks down the count before it (maybe after the
    rest of its noun phrase) counts the same ("9.814 hồ sơ (cấp tỉnh 3.207, cấp xã 6.607)",
    see _BREAKDOWN); not a percentage's or an amount's, whose parts would need their own
    scale."""
    start = m.start("num")
    opening = sentence.rfind("(", 0, start)
    if (opening < 0 or ")" in sentence[opening:start] or not _BREAKDOWN.match(sentence, opening)
            or not _PART_END.match(sentence, m.end("num"))):
        return None
    whole = next((q for q in reversed(found) if q.end <= opening), None)
    if (whole is None or whole.unit == "percent" or whole.money
            or not _NOUN_PHRASE_ONLY.fullmatch(sentence, whole.end, opening)):
        return None
    return m.end("num"), value, whole.unit, False


def _shared_by_verbs(sentence: str, lowered: str, end: int, following: re.Match[str],
                     defined: Abbreviations) -> tuple[int, float, str, bool] | None:
    """The unit of the next figure when a second verb stands between ("phát hiện 389, gỡ
    bỏ 302 tin, bài": both count items; "120, trong đó 30 hồ sơ"): a count's, never a
    percentage's, and not across a hedge ("số 115 và hơn 6.200 cuộc gọi") or a name
    ("Nghệ An 21 và Hà Tĩnh 13 huyện": only lower-case words stand between)."""
    verb = _VERB_JOIN.fullmatch(sentence, end, following.start("num"))  # (verbs, no names)
    if verb is None:
        return None
    words = verb[1].strip()
    if words in _NOT_VERBS or words in rules().qualifier_of:
        return None
    unit = _read_unit(sentence, lowered, following, 1.0, defined)
    return unit if unit is not None and unit[2] != "percent" else None


def _measured_before(lowered: str, m: re.Match[str],
                     value: float) -> tuple[int, float, str, bool] | None:
    """"số hồ sơ được giải quyết là 1.234": a figure with nothing after it that says what
    it counts, right after a measure verb ("là", "đạt", "lên tới", maybe hedged) whose
    clause opens with a measure phrase ("số", "tổng số", "số lượng" and a listed noun):
    it counts that noun."""
    r = rules()
    num, start = m["num"], m.start("num")
    if _is_code(num):
        return None
    tail = _without_colon(lowered[max(0, start - 200):start])
    if not tail.endswith(r.measure_ends):
        return None  # the usual case: most figures without a noun follow no measure verb
    clause = _measure_clause(tail, r)
    if clause is None:
        return None
    phrases = list(r.measure_pattern.finditer(clause))  # the last one is the figure's
    if not phrases or _CLAUSE_BREAK.search(clause, phrases[-1].end()):
        return None
    phrase = phrases[-1]
    end = m.end("num")
    if scale := _SCALE.match(lowered, end):
        end, value = scale.end(), value * SCALES[_scale_word(scale)]
    return end, value, r.unit_aliases.get(phrase[1], phrase[1]), False


_PHRASE = re.compile(r" ((?:[\wà-ỹ]+)(?: [\wà-ỹ]+){0,3})")
_LIST_SEPARATOR = re.compile(r"(?:[;,]|\svà)\s*$")
_RATE_BASES = frozenset({100.0, 1000.0, 10000.0, 100000.0})


def _unlisted_noun(sentence: str, lowered: str, m: re.Match[str], value: float,
                   previous: Quantity | None) -> tuple[int, float, str, bool] | None:
    """"đã lắp đặt 14 cột đèn": a plain count after a cue (a measure verb or a hedge), or
    the next member of a list of counts ("12 vụ lừa đảo; 30 tài khoản giả"), followed
    by one to three lower-case words that are not verbs, prepositions or time nouns; the
    unit is those words as written. For the nouns not (yet) listed."""
    r = rules()
    num, start, end = m["num"], m.start("num"), m.end("num")
    if _is_code(num):
        return None
    tail = _without_colon(lowered[max(0, start - 30):start])
    cue = None
    if tail.endswith(r.fallback_cues):  # most figures without a unit follow no cue
        cue = next((c for c in r.fallback_cues if _ends_with_word(tail, c)), None)
    if cue is None and not _in_list(lowered, start, previous):
        return None
    if cue == "trên" and previous and lowered[previous.end:start].strip() == cue:
        return None  # "5 người trên 100 dân": per, the base of a rate
    if scale := _SCALE.match(lowered, end):
        end, value = scale.end(), value * SCALES[_scale_word(scale)]
    unit = _noun_phrase(sentence, end)
    return (end + 1 + len(unit), value, unit, False) if unit else None


def _in_list(lowered: str, start: int, previous: Quantity | None) -> bool:
    """Whether the figure at `start` follows a separator (";", ",", "và") that closes
    a member opened by the previous count: "12 kho hàng; 30 xe tải"."""
    if previous is None or previous.unit == "percent" or previous.money:
        return False
    between = lowered[previous.end:start]
    sep = _LIST_SEPARATOR.search(between)
    return sep is not None and not _CLAUSE_BREAK.search(between, 0, sep.start())


def _noun_phrase(sentence: str, pos: int) -> str | None:
    """The one to three lower-case words after `pos` that can name what is counted, or
    None: a verb, preposition or conjunction ends the phrase, a time or order noun
    first is no count, and a slash after it makes a rate ("78 máy/100 dân")."""
    r = rules()
    phrase = _PHRASE.match(sentence, pos)
    if phrase is None:
        return None
    words: list[str] = []
    for word in phrase[1].split(" "):
        if (not word.islower() or not word.isalpha() or word in r.fallback_stop
                or " ".join([*words[-1:], word]) in r.fallback_stop):
            break
        words.append(word)
        if len(words) == 3:
            break
    if not words or words[0] in r.fallback_not_first or " ".join(words[:2]) in r.fallback_not_first:
        return None
    unit = " ".join(words)
    return None if sentence.startswith("/", pos + 1 + len(unit)) else unit


def _measure_clause(tail: str, r: Rules) -> str | None:
    """The text before the measure verb that ends `tail`, maybe hedged ("đạt hơn",
    "ước đạt"), or None when no measure verb ends it."""
    for hedge in r.qualifier_words:
        if _ends_with_word(tail, hedge):
            if hedge.endswith(r.measure_verbs):  # "ước đạt": the hedge brings its verb
                return tail[:-len(hedge)]
            tail = tail[:-len(hedge)].rstrip()  # "đạt hơn": the verb stands before it
            break
    for verb in r.measure_verbs:
        if _ends_with_word(tail, verb):
            return tail[:-len(verb)]
    return None


def _is_code(num: str) -> bool:
    """A plain run of five digits or more, or one with a leading zero, is a code or a
    phone number, not a count (counts that long are written "12.345"). For the readers
    that take a figure without a listed noun after it."""
    return num.isdecimal() and (len(num) > 4 or (len(num) > 1 and num[0] == "0"))


def _ends_with_word(text: str, word: str) -> bool:
    return text.endswith(word) and text[-len(word) - 1:-len(word)] in (" ", "")


def _qualifier(lowered: str, start: int) -> str:
    """The hedge in the 40 characters before `start` of the folded sentence."""
    r = rules()
    before = lowered[max(0, start - 40):start]
    if not _may_be_hedged(_without_colon(before), r):
        return "exact"  # the usual case, decided without the pattern (see _excluded_before)
    hedge = r.qualifier_pattern.search(before)
    if not hedge:
        return "exact"
    if hedge[1] == "hơn" and comparative(before[:hedge.start(1)]):
        return "exact"  # "thấp hơn 13%": a difference, not a bound
    return r.qualifier_of[hedge[1] or hedge[2]]


def comparative(before: str) -> Direction | None:
    """The direction of the comparative word ending `before` ("thấp", "cao"), which
    makes a "hơn" after it compare rather than hedge; None if none ends it."""
    word = before.rstrip().rpartition(" ")[2]
    return rules().comparatives.get(word)


def _may_be_hedged(tail: str, r: Rules) -> bool:
    """Whether `tail` ends the way a `qualifier_pattern` match does: a hedge word or the
    period of an estimate (its year, "cả năm"), maybe followed by one of its verbs and a
    filler. The pattern is
    anchored at the end but re tries it from every position; "đạt", "là" alone end many
    figures' text without a hedge, so the verb is looked behind here rather than passed
    on."""
    for filler in r.hedge_fillers:
        if _ends_with_word(tail, filler):
            tail = tail[:-len(filler)].rstrip()
            break
    if tail.endswith(r.qualifier_words) or tail[-1:].isdigit() or tail.endswith("cả năm"):
        return True
    for verb in r.hedge_verbs:
        if _ends_with_word(tail, verb):
            rest = tail[:-len(verb)].rstrip()
            if rest.endswith(r.qualifier_words) or rest[-1:].isdigit() or rest.endswith("cả năm"):
                return True
    return False


def _excluded_before(lowered: str, start: int) -> bool:
    """Whether an exclusion word ends the 40 characters before `start` ("kỷ niệm 67").
    The pattern is anchored at the end, but re tries it from every position: an
    endswith test of the listed words decides the usual case first. A word that ends a
    label, before its colon, does not qualify the figure of the label's line ("lũy kế từ
    đầu năm: 14 cơ sở", "… đề xuất cấp độ: 64 hệ thống")."""
    r = rules()
    before = lowered[max(0, start - 40):start]
    return (before.rstrip().endswith(r.exclude_before_ends)
            and bool(r.exclude_before.search(before)))


def _labelled(sentence: str, m: re.Match[str],
              value: float) -> tuple[int, float, str, bool] | None:
    """"- Số hồ sơ tiếp nhận: 12.345", "Doanh thu bưu chính (tỷ đồng): năm 2024: 812,5": a
    figure after a colon, with nothing after it that says what it counts, counts what the
    line's label names (see labels.py)."""
    if _is_code(m["num"]) or (unit := _label_before(sentence, m.start("num"))) is None:
        return None
    return m.end("num"), value * unit.factor, unit.unit, unit.money


def _label_before(sentence: str, start: int) -> LabelUnit | None:
    """What the line's label names, when the figure at `start` comes right after a colon
    ("Tổng số hồ sơ …: 96.517", "Trường học dùng sổ liên lạc điện tử: 642/642")."""
    right_before = sentence.rfind(":", 0, start)
    if right_before < 0 or sentence[right_before + 1:start].strip():
        return None  # no colon right before the figure (only spaces between)
    label = sentence[:sentence.find(":", 0, start)]  # up to the line's first colon
    return None if label.count(" ") >= LABEL_WORDS else label_unit(label)


def _without_colon(text: str) -> str:
    """`text` without what the end-anchored patterns allow after their word: spaces, one
    colon, spaces."""
    text = text.rstrip()
    return text[:-1].rstrip() if text.endswith(":") else text


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
    # "từ 6 giờ đến 24 giờ": the start of a clock range, as its end is (above).
    return bool(_CLOCK_BEFORE.search(before[-12:])) or bool(_FROM.search(before[-6:]))


def _ratios(sentence: str, lowered: str) -> list[Quantity]:
    """"45/45 xã đạt tiêu chí": the part (45) counted in the noun's unit."""
    r = rules()
    out = []
    for m in _RATIO.finditer(sentence):
        part, whole = parse_number(m["num"]), parse_number(m["total"])
        start = m.start()
        noun = r.unit_pattern.match(lowered, m.end())
        if noun:
            end, unit = noun.end(), r.unit_aliases.get(noun[1], noun[1])
        elif whole > 12 and whole not in _RATE_BASES and (
                phrase := _noun_phrase(sentence, m.end())):
            # an unlisted noun: a whole above 12 is no date ("30/4"), and "100/100 dân"
            # is a density per hundred, not a part of a whole
            end, unit = m.end() + 1 + len(phrase), phrase
        elif whole > 12 and (labelled := _label_before(sentence, start)) is not None:
            end, unit = m.end(), labelled.unit  # "Xã, phường có cụm loa …: 71/99"
        else:
            continue
        if (not 0 < whole or part > whole
                or _excluded_before(lowered, start)
                or unit in _TIME_NOUNS):  # "24/24 giờ" is round the clock
            continue
        out.append(Quantity(start, end, part, unit, _qualifier(lowered, start), False))
    return out


def _word_counts(sentence: str, lowered: str, found: list[Quantity]) -> list[Quantity]:
    """"hai hội nghị", "ba đợt": a count written as a word, when a counted noun (not a
    time noun: "ba tháng" is a duration) follows and it is not part of a longer number
    word ("mười hai")."""
    r = rules()
    out = []
    for m in _word_numbers(lowered):
        word, start = m[0], m.start()
        noun = r.unit_pattern.match(lowered, m.end())
        if (not noun or noun[1] in _TIME_NOUNS
                or _COMPOUND_BEFORE.search(lowered[max(0, start - 7):start])
                or _excluded_before(lowered, start)
                or any(q.start <= start < q.end for q in found)):
            continue
        unit = r.unit_aliases.get(noun[1], noun[1])
        out.append(Quantity(start, noun.end(), float(_WORD_NUMBERS[word]), unit,
                            _qualifier(lowered, start), False))
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
