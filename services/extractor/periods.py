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

from services.extractor.rules import fold

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
_RANGE = re.compile(
    rf"từ ngày\s+(\d{{1,2}})/(\d{{1,2}})(?:/{_YEAR})?\s+(?:đến|tới)\s+(?:ngày\s+)?"
    rf"(\d{{1,2}})/(\d{{1,2}})/{_YEAR}")
_FIRST_MONTHS = re.compile(rf"(\d{{1,2}}|sáu|chín)\s+tháng(?:\s+đầu)?\s+năm(?:\s+{_YEAR})?")
_QUARTER = re.compile(rf"quý\s+(iv|i{{1,3}}|[1-4])(?:\s*/\s*|\s+năm\s+){_YEAR}?")
_MONTH = re.compile(rf"tháng\s+(\d{{1,2}})(?:\s*/\s*|\s+năm\s+){_YEAR}")
# A bare "năm 2022" names the period only where it frames the clause ("Năm 2021, …",
# "trong năm 2021", "cả năm 2022"), not in "chủ đề năm 2022" or "so với năm 2023".
_YEAR_PHRASE = re.compile(
    rf"(?:^|[,;:]\s*|\b(?:[Tt]rong|[Cc]ả|[Hh]ết|[Qq]ua|[Tt]ính đến|[Đđ]ến hết)\s+)"
    rf"((?:[Nn]ăm)\s+{_YEAR})(?!\s*[-–])")
_YEAR_WORD = re.compile(rf"[Nn]ăm\s+{_YEAR}")  # where a _YEAR_PHRASE can end
_FRAME_REACH = 30  # more than the longest frame word ("Tính đến") before the spaces
_WHOLE_YEAR = re.compile(r"cả năm|năm qua|trong năm(?!\s+\d)")
_DIGIT = re.compile(r"\d")
_FIRST_MONTHS_HINT = re.compile(r"tháng(?:\s+đầu)?\s+năm")  # gate before _FIRST_MONTHS
_WORD_MONTHS = {"sáu": 6, "chín": 9}


def find_period(text: str, default_year: int | None) -> Period | None:
    """The first reporting period `text` names; year-less forms use `default_year`."""
    # Cheap substring checks first: most sentences name no period, and case-insensitive
    # patterns cannot skip ahead on a literal prefix the way plain ones do.
    lowered = fold(text)
    if "năm" not in lowered and not _DIGIT.search(text):
        return None
    candidates: list[tuple[int, Period]] = []
    has_month = "tháng" in lowered
    if "ngày" in lowered and (m := _RANGE.search(lowered)):
        end_year = int(m[6])
        start_year = int(m[3]) if m[3] else end_year
        try:
            candidates.append((m.start(), Period(
                dt.date(start_year, int(m[2]), int(m[1])),
                dt.date(end_year, int(m[5]), int(m[4])), _label(text, m))))
        except ValueError:
            pass
    if (has_month and _FIRST_MONTHS_HINT.search(lowered)
            and (m := _FIRST_MONTHS.search(lowered)) and (m[2] or default_year)):
        n = _WORD_MONTHS.get(m[1]) or int(m[1])
        year = int(m[2]) if m[2] else default_year
        if year and 1 <= n <= 12:
            candidates.append((m.start(), Period(dt.date(year, 1, 1), _month_end(year, n),
                                                 _label(text, m))))
    if "quý" in lowered and (m := _QUARTER.search(lowered)) and (m[2] or default_year):
        q = _ROMAN.get(m[1].upper()) or int(m[1])
        year = int(m[2]) if m[2] else default_year
        if year:
            candidates.append((m.start(), Period(dt.date(year, 3 * q - 2, 1),
                                                 _month_end(year, 3 * q), _label(text, m))))
    if has_month and (m := _MONTH.search(lowered)):
        month, year = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            candidates.append((m.start(), Period(dt.date(year, month, 1),
                                                 _month_end(year, month), _label(text, m))))
    if m := _year_phrase(text):
        year = int(m[2])
        candidates.append((m.start(1), Period(dt.date(year, 1, 1), dt.date(year, 12, 31),
                                              m[1])))
    if (default_year and ("cả năm" in lowered or "năm qua" in lowered or "trong năm" in lowered)
            and (m := _WHOLE_YEAR.search(lowered))):
        candidates.append((m.start(), Period(dt.date(default_year, 1, 1),
                                             dt.date(default_year, 12, 31), _label(text, m))))
    if not candidates:
        return None
    # A range or a part of a year beats the bare year it contains ("6 tháng đầu năm 2022").
    candidates.sort(key=lambda c: (c[0], c[1].end - c[1].start))
    first = candidates[0][0]
    overlapping = [p for pos, p in candidates if pos <= first + 25]
    return min(overlapping, key=lambda p: p.end - p.start)


def _year_phrase(text: str) -> re.Match[str] | None:
    """`_YEAR_PHRASE.search(text)`, searched only around each "năm 20xx": from where its
    frame can start to just past the year (room for the look-ahead). The pattern opens
    on its frame, a branch that re would otherwise try at every position of a long lead."""
    for word in _YEAR_WORD.finditer(text):
        frame_start = len(text[:word.start()].rstrip()) - _FRAME_REACH
        rest = text[word.end():]
        stop = len(text) - len(rest.lstrip()) + 1
        if m := _YEAR_PHRASE.search(text, max(0, frame_start), stop):
            return m
    return None


def _label(text: str, m: re.Match[str]) -> str:
    """The words of `text` that a match on its folded form covers, as written."""
    return text[m.start():m.end()].strip()


def year_of_text(text: str) -> int | None:
    """The first year a text mentions (for year-less periods)."""
    m = re.search(_YEAR, text)
    return int(m[1]) if m else None
