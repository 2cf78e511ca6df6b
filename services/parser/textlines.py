"""Line-level chrome removal, shared by the plain-text path and the HTML path.

Works on the page as lines (paragraphs). Rules are generic shapes, not strings of one
portal: a widget heading, a pagination row, a link row, a footer block that starts at
the first copyright/phone/e-mail/address line in the last part of the page, a related
list after a "Nổi bật" heading, short category labels above the title, bylines and
datelines (whose date is kept as ``published``), image file names, and ASCII slug
lines that repeat the title without its diacritics.

Captions are content: a short line under an image that describes the article's people
and events ("Giám đốc Sở … thông tin tại Hội nghị") stays in the text; only the image's
file name goes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from services.parser.dates import find_date
from services.parser.rules import chrome_rules
from services.parser.traffic import read_counters

# Widget lines and tail headings are shorter than this (tests/parser/test_rules.py).
SHORT_LINE = 80
_COUNTS = re.compile(r"\(\s*\d+\s*\)")
_ASCII_WORDS = re.compile(r"^[a-z0-9 ]+$")
_BYLINE_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}")
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wà-ỹ]*\.?\s?){2,5}$")
_ORG = re.compile(r"^(ủy ban|uỷ ban|ubnd|sở |cổng thông tin|trang thông tin|ban biên tập|"
                  r"cơ quan chủ quản|clb|câu lạc bộ|trung tâm)", re.IGNORECASE)


@dataclass
class Cleaned:
    """What line cleaning keeps and what it learns on the way."""

    lines: list[str]
    title: str | None = None
    published: dt.datetime | None = None
    author: str | None = None
    counters: dict[str, int] = field(default_factory=dict)


def normalise(line: str) -> str:
    """One space between words (U+200B counts as a space): ``" ".join(line.split())``,
    without making a string of every word when the only whitespace in the line is the
    usual kind (spaces, newlines, tabs, NBSP) — the case of nearly every line."""
    line = _plain_spaces(line)
    if not line.isprintable():  # other whitespace (or control characters): the long way
        return " ".join(line.split())
    return _single_spaces(line).strip(" ")


def split_normalised(text: str, sep: str) -> list[str]:
    """`text` cut at `sep` (a control character) into normalised, non-empty lines: what
    `normalise` gives line by line, done on the whole text at once when that can be."""
    text = _plain_spaces(text)
    if _other_spaces(text, sep):
        return [line for line in map(normalise, text.split(sep)) if line]
    return [line for part in _single_spaces(text).split(sep) if (line := part.strip(" "))]


# str.split()'s whitespace but the kinds `_plain_spaces` turns into spaces.
_OTHER_SPACES = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u1680",
                 *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f",
                 "\u3000")


def _other_spaces(text: str, sep: str) -> bool:
    """Whether `text` holds whitespace other than spaces and `sep`: one character search
    each, where ``isprintable()`` on a whole page's text looks up every character."""
    for space in _OTHER_SPACES:  # a loop, not any(…): no generator per call
        if space != sep and space in text:
            return True
    return False


def _plain_spaces(text: str) -> str:
    return (text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
            .replace("\xa0", " ").replace("\u200b", " "))


def _single_spaces(text: str) -> str:
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def words(line: str) -> int:
    """The number of words of a normalised line (one space between words), without
    splitting a long paragraph into strings."""
    return line.count(" ") + 1 if line else 0


class _NoCombining(dict[int, int | None]):
    """A str.translate table that drops combining marks, filled as characters come."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_NO_COMBINING = _NoCombining()


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.translate(_NO_COMBINING)


def clean_lines(lines: list[str], title: str | None = None) -> Cleaned:
    """Remove chrome from `lines` (normalised and non-empty: see `normalise`); find the
    title (if not given), date, author, counters."""
    counters, counter_idx = read_counters(lines)
    lines = [line for i, line in enumerate(lines) if i not in counter_idx]
    # Datelines, stamps and bylines are short; a date inside prose is not the page's.
    published = next((d for line in lines[:40]
                      if words(line) <= 12 and (d := find_date(line))), None)
    lines = _cut_footer(_cut_tail(lines))
    lines = [line for line in lines if not _is_chrome(line)]
    title, lines = _take_title(lines, title)
    lines, author = _take_bylines(lines, title)
    if title:
        key = title.lower().strip(" .")
        lines = [line for line in lines if not _repeats_title(line, key, title)]
    return Cleaned(lines, title, published, author, counters)


def _is_chrome(line: str) -> bool:
    rules = chrome_rules()
    # Lowercasing never shortens a string: a long line is no widget line or control row,
    # and is not lowercased for nothing.
    stripped = line.strip(" :.")
    if len(stripped) >= SHORT_LINE:
        return rules.line_shapes.matches(line)
    lowered = stripped.lower()
    if lowered in rules.widget_lines or rules.line_shapes.matches(line):
        return True
    # A row of controls: "(0) Bình luận In bài Chia sẻ" is nothing but widget words.
    if len(lowered) < SHORT_LINE:
        rest = rules.widget_phrase.sub(" ", _COUNTS.sub(" ", lowered))
        return not rest.strip(" |-•·/")
    return False


def _cut_tail(lines: list[str]) -> list[str]:
    """Drop a related-articles block: everything after its heading in the last part."""
    rules = chrome_rules()
    for i, line in enumerate(lines):
        if i < len(lines) // 3:
            continue
        stripped = line.strip(" :")
        if len(stripped) < SHORT_LINE and stripped.lower() in rules.tail_headings:
            return lines[:i]
    return lines


def _cut_footer(lines: list[str]) -> list[str]:
    """Drop the site footer: from the first footer line in the last 40% of the page,
    together with the owner lines just above it (UBND …, Sở …)."""
    rules = chrome_rules()
    start = int(len(lines) * 0.6)
    for i in range(start, len(lines)):
        if rules.footer_shapes.matches(lines[i]):
            j = i
            while j > 0 and i - j < 3 and _ORG.match(lines[j - 1]) and len(lines[j - 1]) < 120:
                j -= 1
            return lines[:j]
    return lines


def _take_title(lines: list[str], title: str | None) -> tuple[str | None, list[str]]:
    """Drop short labels above the title; the title line itself is not body text."""
    key = title.lower().strip(" .") if title else ""
    for i, line in enumerate(lines[:6]):
        if title and _same(line, key):
            return title, lines[:0] + lines[i + 1:]
        count = words(line)
        if title is None and count >= 5 and not line.endswith("."):
            return line, lines[i + 1:]
        if count > 4:
            break
    return title, lines


def _take_bylines(lines: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Remove a byline with a date near the top and an author name at the end."""
    author = None
    out = list(lines)
    for i, line in enumerate(out[:3]):
        if words(line) <= 8 and _BYLINE_DATE.search(line) and not line.endswith("."):
            name = _BYLINE_DATE.split(line)[0].strip(" -|,")
            author = name if _NAME.match(name) else None
            del out[i]
            break
    if out and len(out[-1]) < 40 and _NAME.match(out[-1]) and not out[-1].endswith("."):
        author = out.pop()
    return out, author


def _same(line: str, key: str) -> bool:
    """`line` is the title whose ``.lower().strip(" .")`` is `key`."""
    stripped = line.strip(" .")
    return len(stripped) <= len(key) and stripped.lower() == key


def _repeats_title(line: str, key: str, title: str) -> bool:
    """`line` is the title (whose ``.lower().strip(" .")`` is `key`), or an ASCII slug
    of it. The slug's words are made only for a line that could be one: few lines are
    ASCII, and stripping the title's diacritics costs more than the other checks."""
    if _same(line, key):
        return True
    if not line.isascii():  # a slug line is ASCII
        return False
    lowered = line.lower()
    if not _ASCII_WORDS.match(lowered) or words(lowered) < 3:
        return False
    slug = strip_diacritics(title).lower().split()
    return sum(w in slug for w in lowered.split()) / words(lowered) >= 0.7
