"""Publication dates: meta tags, ``<time>``, and the Vietnamese forms portals print.

Local times are Asia/Ho_Chi_Minh; the result is an aware datetime. A two-digit year
whose time is cut off (``27/12/20 - 16:``) is a truncated capture, not the year 2020,
so it gives no date rather than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# Times may carry seconds and a 12-hour mark: "03:40:00 PM", "4:05:17 CH" (chiều: p.m.;
# sáng, SA: a.m.); hours and minutes are also written "14g30", "14h30".
_TIME_DATE = re.compile(r"(\d{1,2})[:gh](\d{2})(?::(\d{2}))?(?:\s*(AM|PM|SA|CH)\b)?\s*[,|\-]?\s*"
                        r"(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)
_DATE_TIME = re.compile(r"(?<![\d/\-])(\d{1,2})([/\-])(\d{1,2})\2(\d{4})"
                        r"(?:\s*[|,\-]?\s*(\d{1,2})[:gh](\d{2})(?::(\d{2}))?"
                        r"(?:\s*(AM|PM|SA|CH)\b)?)?", re.IGNORECASE)
# English-language themes: "January 8, 2021".
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_ENGLISH = re.compile(rf"\b({'|'.join(_MONTHS)})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
# With fractions of a second ("10:20:00.000Z", JavaScript's toISOString) and NukeViet's
# "2013-08-12ICT09:40:00" (ICT, Indochina Time, is Vietnam's own: +07:00).
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:(?:[T ]|ICT)(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
                  r"(Z|[+-]\d{2}:?\d{2})?")
# Joomla-style long dates: "11 Tháng 1 2024 09:15", "ngày 11 tháng 01 năm 2024".
_WORDED = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*(?:năm\s+)?(\d{4})\b"
                     r"(?:\s*[|,\-]?\s*(\d{1,2}):(\d{2}))?", re.IGNORECASE)
_ISO_LINE = re.compile(r"(?<![\d/.-])(?:19|20)\d\d-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?(?!\d)")
_CUE = re.compile(r"cập nhật|ngày đăng|đăng ngày|ngày|tháng|\(\d{1,2}:\d{2}|"
                  r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}-\d{1,2}-\d{4}", re.IGNORECASE)


def _local(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
           second: str | None = None, ampm: str | None = None) -> dt.datetime | None:
    if ampm:
        hour = hour % 12 + (12 if ampm.upper() in ("PM", "CH") else 0)
    try:
        return dt.datetime(year, month, day, hour, minute, int(second or 0), tzinfo=VIETNAM)
    except ValueError:
        return None


def parse_iso(value: str, naive: dt.tzinfo = VIETNAM) -> dt.datetime | None:
    """An ISO-8601 date from a meta tag or ``<time datetime>``; one without an offset is in
    `naive` (the portal's local time, unless its CMS writes UTC)."""
    m = _ISO.search(value)
    if not m:
        return None
    try:
        when = dt.datetime.fromisoformat(
            m.group().replace("Z", "+00:00").replace(" ", "T").replace("ICT", "T"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=naive)


def find_date(line: str) -> dt.datetime | None:
    """A date (and time) printed in a line: datelines, update stamps, "Ngày đăng", and an
    ISO dateline ("2024-10-08 14:05")."""
    if "-" in line and (m := _ISO_LINE.search(line)):
        return parse_iso(m.group())
    if not _CUE.search(line):
        # An English date ends "…, 2021": the twelve month names only then.
        if (", 20" in line or ", 19" in line) and (m := _ENGLISH.search(line)):
            return _local(int(m[3]), _MONTHS.index(m[1].lower()) + 1, int(m[2]))
        return None
    if m := _TIME_DATE.search(line):
        return _local(int(m[7]), int(m[6]), int(m[5]), int(m[1]), int(m[2]), m[3], m[4])
    if m := _DATE_TIME.search(line):
        hour, minute = (int(m[5]), int(m[6])) if m[5] else (0, 0)
        return _local(int(m[4]), int(m[3]), int(m[1]), hour, minute, m[7], m[8])
    if m := _WORDED.search(line):
        hour, minute = (int(m[4]), int(m[5])) if m[4] else (0, 0)
        return _local(int(m[3]), int(m[2]), int(m[1]), hour, minute)
    return None


def labelled_date(lines: list[str]) -> dt.datetime | None:
    """The date after a publication label anywhere in a line ("… 69% Cập nhật: 08/10/2024
    14:20 | Lượt xem: 864": inline spans that print title, date and view count as one
    line). Looked for only when no dateline was found."""
    text = "\n".join(lines)
    for m in _PUBLICATION_LABEL.finditer(text):
        if when := find_date(text[max(0, m.start() - 2):m.end() + LABELLED_DATE_REACH]):
            return when
    return None


LABELLED_DATE_REACH = 24  # characters after the label: "08/10/2024 14:20"
# The labels without their first letter, whose case varies: one literal search, no
# case-insensitive scan of the page ("Cập nhật", "Ngày đăng", "Đăng ngày", "Đăng lúc").
_PUBLICATION_LABEL = re.compile(r"(?:ập nhật|gày đăng|ăng ngày|ăng lúc|gày xuất bản)[ :]*")
