"""Reporting periods: "6 tháng đầu năm 2022", "Tính từ ngày 01/01 đến ngày 06/6/2022",
"quý I/2022", "tháng 6/2022", "năm 2017", "cả năm", "năm qua".

`find_period` reads one piece of text; the extractor resolves a quantity's period from
its sentence, else the paragraph so far, else the article's lead, else the title, else
the year of publication (see `services/extractor/events.py`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from services.extractor.rules import fold, mentions

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = r"((?:19|20)\d\d)"


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date
    label: str


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# _RANGE, _FIRST_MONTHS, _QUARTER, _MONTH and _WHOLE_YEAR are lower-case and run on the
# folded text (see rules.py): without IGNORECASE, re skips ahead to their first word.
# "từ ngày 01/01 đến ngày 06/6/2022", and "(lũy kế) từ đầu năm đến ngày 15/11/2023" from
# the first of January.
_RANGE = re.compile(
    rf"từ (?:ngày\s+(\d{{1,2}})[/\-](\d{{1,2}})(?:[/\-]{_YEAR})?|đầu năm(?:\s+{_YEAR})?)"
    rf"\s+(?:đến|tới)\s+"
    rf"(?:hết\s+)?(?:ngày\s+)?(\d{{1,2}})[/\-](\d{{1,2}})(?:[/\-]{_YEAR})?(?!\d)")
# "Từ năm 2021 đến nay", "từ đầu năm (2024) đến nay": up to the day of publication.
_SINCE = re.compile(rf"từ\s+(?:(?:năm\s+)?{_YEAR}|đầu\s+năm(?:\s+{_YEAR})?)\s+(?:đến|tới)\s+nay"
                    r"(?![\wà-ỹ])")
# "Trong 3 năm (2022 - 2024), …": the years in brackets.
_YEARS_IN_BRACKETS = re.compile(rf"\d+\s+năm\s*\(\s*{_YEAR}\s*[-–]\s*{_YEAR}\s*\)")
# Days of one month: "từ ngày 1 đến 31-7", "từ ngày 1-20/12" (the year, if not written,
# is the text's).
_DAY_RANGE = re.compile(
    rf"từ ngày\s+(\d{{1,2}})\s*(?:(?:đến|tới)(?:\s+ngày)?|[-–])\s*(\d{{1,2}})\s*[/\-–]\s*"
    rf"(\d{{1,2}})(?!\d)(?:\s*[/\-–]\s*{_YEAR})?")
# "Từ năm 2020 đến năm 2023, …": the years named, whole; "… tới nửa đầu năm 2019" ends
# with that half.
_YEARS = re.compile(rf"từ\s+năm\s+{_YEAR}\s+(?:đến|tới)\s+(?:hết\s+)?"
                    rf"(nửa đầu\s+|6 tháng đầu\s+|sáu tháng đầu\s+)?năm\s+{_YEAR}")
# "6 tháng đầu năm 2024", "9 tháng năm 2025", and in a table's header "6 tháng 2024"
_FIRST_MONTHS = re.compile(
    rf"(\d{{1,2}}|sáu|chín)\s+tháng(?:\s+đầu)?\s+(?:năm(?:\s+{_YEAR})?|{_YEAR}(?!\d))")
# A table's header that is only "9 tháng": the year's first nine months.
MONTHS_ONLY = re.compile(r"(\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu\s+năm)?")
# "Trong 9 tháng, …" opening a clause: the year's first nine months (not "trong 3 tháng
# tới", a duration, which no comma closes)
_MONTHS_FRAME = re.compile(r"trong\s+(\d{1,2}|sáu|chín)\s+tháng(?:\s+qua)?(?=\s*,)")
_MONTHS_ONLY_CHARS = 24  # longer than "9 tháng đầu năm" with spaces around
# A table's row of a span of years: "Cộng 2021 - 2024"
_YEARS_CELL = re.compile(rf"(?:(?:tổng\s+)?cộng|tổng|lũy kế)?\s*{_YEAR}\s*[-–]\s*{_YEAR}")
# "Cùng kỳ 2024" (a table's header, or after a separator) as "cùng kỳ năm 2024"; "so với
# cùng kỳ 2010" is a baseline
_SAME_YEAR = re.compile(rf"cùng kỳ\s+{_YEAR}(?!\d)")
# "quý I/2022", "quý IV năm 2023", "quý III-2020", and a year-less "trong quý III".
_QUARTER = re.compile(
    rf"quý\s+(iv|i{{1,3}}|[1-4])(?![\wà-ỹ])(?:(?:\s*[/\-–]\s*|\s+năm\s+){_YEAR})?")
_MONTH = re.compile(rf"tháng\s+(\d{{1,2}})(?:\s*[/\-–]\s*|\s+năm\s+){_YEAR}")
# A cumulative figure "(tính) đến hết tháng 9/2021" covers the year so far, not the
# month; "từ tháng 3 đến tháng 6/2023" covers March to June.
_UNTIL_MONTH = re.compile(  # each branch opens on a word, so re skips ahead to one
    r"(?:từ\s+tháng\s+(\d{1,2})\s+(?:tính\s+)?(?:đến|tới)|tính\s+(?:đến|tới)|đến|tới)"
    rf"\s+(?:hết\s+)?tháng\s+(\d{{1,2}})(?:\s*[/\-–]\s*|\s+năm\s+){_YEAR}")
# "cao hơn 5% so với quý I/2022": the period compared against is not the one reported.
# So is the one a factor compares with ("gấp 2,4 lần quý II/2025") and the one in brackets
# after a comparison ("so với cùng kỳ (6 tháng đầu năm 2024: 31.720 hồ sơ)", "so với tháng
# trước (tháng 10/2025: 2.185 cuộc)").
_COMPARED = re.compile(
    r"(?:so với(?:\s+(?:cùng kỳ|tháng trước|quý trước|năm trước|kỳ trước))?|\d\s+lần)\s*\(?\s*$")
# A bare "năm 2022" names the period only where it frames the clause ("Năm 2021, …",
# "trong năm 2021", "cả năm 2022", "; cùng kỳ năm 2024: 7.356"), not in "chủ đề năm 2022"
# or "so với (cùng kỳ) năm 2023".
_YEAR_PHRASE = re.compile(
    rf"(?:(?:^\s*|[,;:]\s*)(?P<same>[Cc]ùng kỳ\s+)?|\b(?:[Tt]rong|[Cc]ả|[Rr]iêng|[Hh]ết|[Qq]ua|"
    rf"[Tt]ính đến|[Đđ]ến hết)\s+)((?:[Nn]ăm)\s+{_YEAR})(?!\s*[-–])")
# Where a _YEAR_PHRASE can end: "năm 20xx" found by its "ăm", a literal re finds fast
# (an opening "[Nn]" would stop it at every n).
_YEAR_WORD = re.compile(rf"ăm\s+{_YEAR}")
_FRAME_REACH = 30  # more than the longest frame word ("Tính đến") before the spaces
# (lower-cased)
_FRAME_WORDS = ("trong", "cả", "riêng", "hết", "qua", "tính đến", "đến hết", "cùng kỳ")
_FRAME_WORD_LENGTH = max(map(len, _FRAME_WORDS))
# "Chỉ riêng 2015, …", "Trong 2023, …": a year without "năm" opening the sentence's frame.
_BARE_YEAR = re.compile(rf"\b(?:[Tt]rong|[Rr]iêng|[Cc]ả)\s+{_YEAR}(?=\s*,)")
_BARE_YEAR_WORDS = ("trong", "riêng", "cả")  # its frame words, for a substring test first
_YEAR_COMMA = re.compile(r"(?:19|20)\d\d\s*,")  # where a _BARE_YEAR can end
_WHOLE_YEAR = re.compile(r"cả năm|năm qua|trong năm(?!\s+\d)")
# A year-less month that frames its clause ("Riêng tháng 5, …", "sang tháng 2 còn …",
# "Tháng 4 và tháng 5 …") is of the year the text is about; one after "đến" counts up
# to it, one after a day or a number is a date or a duration. The month word is found
# first (a literal re skips ahead to), what stands before it is checked after.
_BARE_MONTH = re.compile(r"tháng\s+(\d{1,2})(?!\d|\s*[/\-–.]\s*\d|\s+năm\s+\d)")
_MONTH_FRAMES = ("riêng", "sang", "trong", "vào")
# "Giai đoạn 2016–2019, Sở đã …", "Trong giai đoạn 2016- 2019, …": a span of years that
# opens the sentence (or a clause) and is closed by a comma frames what follows; elsewhere
# "giai đoạn 2021-2025" names a plan and its term, not a period reported on.
_SPAN = re.compile(rf"giai đoạn\s+{_YEAR}\s*[-–]\s*{_YEAR}\s*,")
_DIGIT = re.compile(r"\d")
_DAY = rf"(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*{_YEAR}"  # "15/6/2025": day, month, year
_SINCE_DAY = re.compile(rf"lũy kế[^\d()]{{0,30}}từ ngày\s+{_DAY}(?!\s*(?:đến|tới))")
_DATA_END = re.compile(rf"số liệu[^.;\n]{{0,60}}?(?:đến|tới)\s+(?:hết\s+)?ngày\s+{_DAY}")
# "Lũy kế 10 tháng" (a table's column): the year so far, without the year written.
_CUMULATIVE = re.compile(r"lũy kế\s+(\d{1,2}|sáu|chín)\s+tháng(?!\s+(?:đầu\s+)?năm)")
# a gate before _FIRST_MONTHS
_FIRST_MONTHS_HINT = re.compile(r"tháng(?:\s+đầu)?\s+(?:năm|(?:19|20)\d\d)")
_WORD_MONTHS = {"sáu": 6, "chín": 9}


def find_period(text: str, default_year: int | None, published: dt.date | None = None,
                figures_end: dt.date | None = None) -> Period | None:
    """The first reporting period `text` names; year-less forms use `default_year`, and
    "… đến nay" ends on the day the text was `published` (unknown: not a period). A span of
    years not over on the day its report says its figures run to (`figures_end`, see
    `data_end`) ends there."""
    # Cheap substring checks first: most sentences name no period, and case-insensitive
    # patterns cannot skip ahead on a literal prefix the way plain ones do.
    lowered = fold(text)
    if "năm" not in lowered and "quý" not in lowered and not _DIGIT.search(text):
        return None
    candidates: list[tuple[int, Period]] = []
    has_month = "tháng" in lowered
    if (("ngày" in lowered or "đầu năm" in lowered) and (m := _RANGE.search(lowered))
            and (m[7] or default_year)):
        end_year = int(m[7]) if m[7] else default_year or 0
        start_year = int(m[3] or m[4] or end_year)
        try:
            candidates.append((m.start(), Period(
                dt.date(start_year, int(m[2] or 1), int(m[1] or 1)),
                dt.date(end_year, int(m[6]), int(m[5])), _label(text, m))))
        except ValueError:
            pass
    if ("từ ngày" in lowered and (m := _DAY_RANGE.search(lowered))
            and (year := int(m[4]) if m[4] else default_year)):
        try:
            candidates.append((m.start(), Period(dt.date(year, int(m[3]), int(m[1])),
                                                 dt.date(year, int(m[3]), int(m[2])),
                                                 _label(text, m))))
        except ValueError:
            pass
    if (published and ("đến nay" in lowered or "tới nay" in lowered)
            and (m := _SINCE.search(lowered))):
        year = int(m[1] or m[2] or published.year)
        if year <= published.year:
            candidates.append((m.start(), Period(dt.date(year, 1, 1), published,
                                                 _label(text, m))))
    if "năm (" in lowered and (m := _YEARS_IN_BRACKETS.search(lowered)) and m[1] < m[2]:
        candidates.append(_years(text, m, m[1], m[2], figures_end))
    if "từ năm" in lowered and (m := _YEARS.search(lowered)) and m[1] < m[3]:
        candidates.append(_years(text, m, m[1], m[3], figures_end, first_half=bool(m[2])))
    if ("lũy kế" in lowered and (m := _CUMULATIVE.search(lowered)) and default_year
            and 1 <= (n := _WORD_MONTHS.get(m[1]) or int(m[1])) <= 12):
        candidates.append((m.start(), Period(dt.date(default_year, 1, 1),
                                             _month_end(default_year, n), _label(text, m))))
    if (has_month and _FIRST_MONTHS_HINT.search(lowered)
            and (m := _FIRST_MONTHS.search(lowered)) and (m[2] or m[3] or default_year)
            and not _COMPARED.search(lowered, max(0, m.start() - 20), m.start())):
        n = _WORD_MONTHS.get(m[1]) or int(m[1])
        year = int(m[2] or m[3]) if m[2] or m[3] else default_year
        if year and 1 <= n <= 12:
            candidates.append((m.start(), Period(dt.date(year, 1, 1), _month_end(year, n),
                                                 _label(text, m))))
    if (has_month and default_year and "trong" in lowered
            and (m := _months_frame(lowered))
            and 1 <= (n := _WORD_MONTHS.get(m[1]) or int(m[1])) <= 12):
        candidates.append((m.start(), Period(dt.date(default_year, 1, 1),
                                             _month_end(default_year, n), _label(text, m))))
    if (has_month and default_year and len(text) < _MONTHS_ONLY_CHARS
            and (m := MONTHS_ONLY.fullmatch(lowered.strip()))
            and 1 <= (n := _WORD_MONTHS.get(m[1]) or int(m[1])) <= 12):
        candidates.append((0, Period(dt.date(default_year, 1, 1), _month_end(default_year, n),
                                     text.strip())))
    if len(text) < _MONTHS_ONLY_CHARS and (m := _YEARS_CELL.fullmatch(lowered.strip())):
        if m[1] < m[2]:  # a row of a table by year: "Cộng 2021 - 2024"
            candidates.append(_years(text, m, m[1], m[2], figures_end))
    if ("cùng kỳ" in lowered and (m := _SAME_YEAR.search(lowered))
            and ((at := _spaces_before(lowered, m.start())) == 0 or lowered[at - 1] in ",;:")):
        year = int(m[1])
        candidates.append((m.start(), Period(dt.date(year, 1, 1), dt.date(year, 12, 31),
                                             _label(text, m))))
    if ("quý" in lowered and (m := _QUARTER.search(lowered)) and (m[2] or default_year)
            and not _COMPARED.search(lowered, max(0, m.start() - 20), m.start())):
        q = _ROMAN.get(m[1].upper()) or int(m[1])
        year = int(m[2]) if m[2] else default_year
        if year:
            candidates.append((m.start(), Period(dt.date(year, 3 * q - 2, 1),
                                                 _month_end(year, 3 * q), _label(text, m))))
    # An "(tính) đến hết tháng 9/2021" ends with what _MONTH finds: without one, no range
    # to a month is looked for (its pattern stops at every "t").
    month = _MONTH.search(lowered) if has_month else None
    until = _UNTIL_MONTH.search(lowered) if month and "đến" in lowered else None
    if until:
        first, last, year = int(until[1] or 1), int(until[2]), int(until[3])
        if 1 <= first <= last <= 12:
            candidates.append((until.start(), Period(dt.date(year, first, 1),
                                                     _month_end(year, last),
                                                     _label(text, until))))
    if (month and not (until and until.start() <= month.start() < until.end())
            and not _COMPARED.search(lowered, max(0, month.start() - 20), month.start())):
        number, year = int(month[1]), int(month[2])
        if 1 <= number <= 12:
            candidates.append((month.start(), Period(dt.date(year, number, 1),
                                                     _month_end(year, number),
                                                     _label(text, month))))
    if has_month and default_year and not month and (m := _bare_month(lowered)):
        number = int(m[1])
        if 1 <= number <= 12:
            candidates.append((m.start(), Period(dt.date(default_year, number, 1),
                                                 _month_end(default_year, number),
                                                 _label(text, m))))
    # Both forms below name a year: a sentence with no "19" nor "20" is not scanned for them.
    names_year = "20" in text or "19" in text
    if names_year and "giai đoạn" in lowered and (m := _span(lowered)):
        if int(m[1]) < int(m[2]):
            candidates.append(_years(text, m, m[1], m[2], figures_end))
    if names_year and (m := _year_phrase(text)):
        year = int(m[3])
        # "cùng kỳ năm 2024": that year's same months (see `same_period`); whole until then
        start = m.start("same") if m["same"] else m.start(2)
        candidates.append((start, Period(dt.date(year, 1, 1), dt.date(year, 12, 31),
                                         text[start:m.end(2)])))
    elif names_year and mentions(lowered, _BARE_YEAR_WORDS) and (m := _bare_year(text)):
        year = int(m[1])
        candidates.append((m.start(1), Period(dt.date(year, 1, 1), dt.date(year, 12, 31),
                                              m.group())))
    if (default_year and ("cả năm" in lowered or "năm qua" in lowered or "trong năm" in lowered)
            and (m := _WHOLE_YEAR.search(lowered))):
        candidates.append((m.start(), Period(dt.date(default_year, 1, 1),
                                             dt.date(default_year, 12, 31), _label(text, m))))
    # "(tháng 9/2025: 361 tin, bài)": a bracketed period with its own figure is a comparison.
    candidates = [c for c in candidates if not _labels_a_bracket(lowered, c[0], len(c[1].label))]
    if not candidates:
        return None
    # A range in brackets right after a period says what it covers ("tháng 10/2024 (số
    # liệu tính từ ngày 15/9 đến 14/10/2024)"); else a range or a part of a year beats the
    # bare year it contains ("6 tháng đầu năm 2022").
    candidates.sort(key=lambda c: (c[0], c[1].end - c[1].start))
    first, period = candidates[0]
    close = _bracket_after(lowered, first + len(period.label))
    defining = [p for pos, p in candidates
                if first < pos <= close and p.start <= period.end and period.start <= p.end]
    if defining:
        return defining[0]
    overlapping = [p for pos, p in candidates if pos <= first + 25]
    return min(overlapping, key=lambda p: p.end - p.start)


def _bracket_after(lowered: str, end: int) -> int:
    """Where the bracket opened right after `end` closes (-1 if none opens there)."""
    at = _spaces_after(lowered, end)
    if not lowered.startswith("(", at):
        return -1
    close = lowered.find(")", at)
    return close if close >= 0 else len(lowered)


def _labels_a_bracket(lowered: str, start: int, length: int) -> bool:
    """Whether the period at `start` labels a figure in a bracket ("(tháng 9/2025: 361 tin,
    bài)", "(tháng 7: 23, tháng 8: 19)")."""
    if not lowered[start + length:start + length + 3].lstrip().startswith(":"):
        return False
    opening = lowered.rfind("(", 0, start)
    return opening >= 0 and lowered.find(")", opening, start) < 0


def bracket_period(text: str, start: int, default_year: int | None,
                   published: dt.date | None = None) -> Period | None:
    """The period labelling the figure at `start` in a bracket ("… 402 tin, bài (tháng
    9/2025: 361 tin, bài)": 361 is September's; "(tháng 7: 23, tháng 8: 19)"), if any."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return None
    end = _spaces_before(text, start)
    if text[end - 1] != ":":
        return None
    label = max(opening, text.rfind(",", opening, end), text.rfind(";", opening, end)) + 1
    return find_period(text[label:end], default_year, published)


def same_period(period: Period | None, reference: Period | None) -> Period | None:
    """`period` as the same months of its year as `reference` when it reads "cùng kỳ năm
    2024" ("9 tháng năm 2025: 4.812; cùng kỳ năm 2024: 7.356" is January to September 2024),
    else `period` itself."""
    if period is None or reference is None or not period.label.lower().startswith("cùng kỳ"):
        return period
    year = period.start.year
    return Period(_in_year(reference.start, year), _in_year(reference.end, year), period.label)


def _in_year(day: dt.date, year: int) -> dt.date:
    """`day` in `year` (29 February as the 28th)."""
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _years(text: str, m: re.Match[str], first: str, last: str, figures_end: dt.date | None,
           first_half: bool = False) -> tuple[int, Period]:
    """The candidate for a span of whole years from `first` to `last` (to its first half
    only: "… tới nửa đầu năm 2019"). Results of a span not over yet run to the day the
    report's figures end ("Cả giai đoạn 2021 - 2025, … đã tiếp nhận" in a report whose
    figures run to 15/6/2025). Without that day the span stays whole, even in a report
    published before it ends: a review of a plan's term rounds it to its years."""
    start = dt.date(int(first), 1, 1)
    end = dt.date(int(last), 6, 30) if first_half else dt.date(int(last), 12, 31)
    if figures_end and start <= figures_end < end:
        end = figures_end
    return m.start(), Period(start, end, _label(text, m))


def in_reported_month(period: Period | None, reported: Period | None) -> Period | None:
    """`period` read in a report whose month runs on other days than the calendar's
    (`reported`: "tháng 10/2025 (số liệu từ ngày 15/9/2025 đến ngày 14/10/2025)"): that
    month is the reported one, and a span ending with it ("Lũy kế 10 tháng") ends where
    the reported month does. Any other period as it is."""
    if (period is None or reported is None or reported.start.day == 1
            or period.end != _month_end(reported.end.year, reported.end.month)):
        return period
    if period.start == dt.date(reported.end.year, reported.end.month, 1):
        return Period(reported.start, reported.end, period.label)
    return Period(period.start, reported.end, period.label)


def cumulative_since(text: str, end: dt.date | None) -> Period | None:
    """"Lũy kế (tiếp nhận) từ ngày 01/7/2025" with no end written: from that day to `end`,
    the end of the period the report is about."""
    if end is None or "ừ ngày" not in text:  # ("Từ ngày", "từ ngày": most text has neither)
        return None
    lowered = fold(text)
    if "lũy kế" not in lowered:
        return None
    m = _SINCE_DAY.search(lowered)
    start = _day(m) if m else None
    return Period(start, end, _label(text, m)) if m and start and start < end else None


def data_end(text: str) -> dt.date | None:
    """The day a report says its figures run to ("Số liệu trong báo cáo tính đến ngày
    15/6/2025"), or None."""
    if "ố liệu" not in text:  # "Số liệu", "số liệu"
        return None
    m = _DATA_END.search(text.lower())
    return _day(m) if m else None


def _day(m: re.Match[str]) -> dt.date | None:
    """The day a `_DAY` match (its first three groups) writes, if it is one."""
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def _year_phrase(text: str) -> re.Match[str] | None:
    """`_YEAR_PHRASE.search(text)`, searched only around each "năm 20xx": from where its
    frame can start to just past the year (room for the look-ahead). The pattern opens
    on its frame, a branch that re would otherwise try at every position of a long lead."""
    for word in _YEAR_WORD.finditer(text):
        start = word.start() - 1
        if start < 0 or text[start] not in "Nn":
            continue
        spaces = _spaces_before(text, start)
        if not _may_frame(text, spaces):
            continue  # "chủ đề năm 2022", "so với năm 2023": no frame before it
        frame_start = spaces - _FRAME_REACH
        stop = _spaces_after(text, word.end()) + 1
        if m := _YEAR_PHRASE.search(text, max(0, frame_start), stop):
            return m
    return None


def _bare_month(lowered: str) -> re.Match[str] | None:
    """The first year-less month of the folded text that opens it or its clause, or
    follows a frame word (see _BARE_MONTH)."""
    for m in _BARE_MONTH.finditer(lowered):
        end = _spaces_before(lowered, m.start())
        if end == 0 or lowered[end - 1] in ",;:":
            return m
        word = lowered[lowered.rfind(" ", 0, end) + 1:end]
        if word in _MONTH_FRAMES:
            return m
    return None


def _months_frame(lowered: str) -> re.Match[str] | None:
    """The first _MONTHS_FRAME of the folded text that opens it or a clause."""
    for m in _MONTHS_FRAME.finditer(lowered):
        end = _spaces_before(lowered, m.start())
        if end == 0 or lowered[end - 1] in ",;:":
            return m
    return None


def _span(lowered: str) -> re.Match[str] | None:
    """The first _SPAN of the folded text at its start, after a separator, "trong" or "cả"."""
    for m in _SPAN.finditer(lowered):
        end = _spaces_before(lowered, m.start())
        if end == 0 or lowered[end - 1] in ",;:" or lowered[:end].endswith(("trong", "cả")):
            return m
    return None


def _may_frame(text: str, end: int) -> bool:
    """Whether `text[:end]` ends the way a `_YEAR_PHRASE` frame does: nothing, a comma,
    semicolon or colon, or one of its words. A test before the pattern, which re tries
    at every position of its window: most "năm 20xx" in a report are framed by neither."""
    return (end == 0 or text[end - 1] in ",;:"
            or text[max(0, end - _FRAME_WORD_LENGTH):end].lower().endswith(_FRAME_WORDS))


def _spaces_before(text: str, end: int) -> int:
    """Where the white space that ends at `end` starts (`len(text[:end].rstrip())` without
    copying the text before: the lead is searched at each "năm 20xx" it names)."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _spaces_after(text: str, start: int) -> int:
    """Where the white space from `start` on ends."""
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _bare_year(text: str) -> re.Match[str] | None:
    """`_BARE_YEAR.search(text)`, searched only right before each "20xx,": the pattern
    opens on a \\b, which re would try at every position."""
    for year in _YEAR_COMMA.finditer(text):
        frame_start = _spaces_before(text, year.start()) - len("riêng")  # its longest word
        if m := _BARE_YEAR.search(text, max(0, frame_start), year.end()):
            return m
    return None


def _label(text: str, m: re.Match[str]) -> str:
    """The words of `text` that a match on its folded form covers, as written."""
    return text[m.start():m.end()].strip()


def year_of_text(text: str) -> int | None:
    """The first year a text names as "năm 2014", else the first year it mentions (for
    year-less periods): "Ngày 12/2/2017, … báo cáo kết quả năm 2016" is about 2016. A
    year after "đến"/"tới" is a horizon ("định hướng đến năm 2030"), not what it is about."""
    text = _HORIZON.sub("", text)
    m = re.search(rf"[Nn]ăm\s+{_YEAR}", text) or re.search(_YEAR, text)
    return int(m[1]) if m else None


_HORIZON = re.compile(rf"(?:[Đđ]ến|[Tt]ới)\s+[Nn]ăm\s+{_YEAR}")
