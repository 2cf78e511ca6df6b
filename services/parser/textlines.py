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
# A text page's first paragraph of prose: a line this long ending a sentence. A teaser
# ("…" at the end) is a listing's, and a title rarely ends in a full stop.
PROSE_WORDS = 15
_SENTENCE_END = (".", ":", ";", "!", "…", '"', "”", ")")
LONG_WORDS = 30  # a line this long is a paragraph even without a full stop
TITLE_WORDS = 5
TITLE_MAX_WORDS = 40
# " / " and English words (ASCII only), up to a colon, a bracket, the end, or the next word
# of Vietnamese.
_TRANSLATION = re.compile(
    r" / [A-Za-z][A-Za-z'&.-]*(?: [A-Za-z][A-Za-z'&.-]*)*(?=\s*[:(]|$| \S*[^\x00-\x7f])")
WRAP_LONG = 40  # lines this long tell the width a text is wrapped at
WRAPPED_LINES = 6  # …when this many fill it
WRAP_WIDTH = 120  # no text browser or converter wraps wider
WRAP_SLACK = 15  # a filled line ends this close to the width (its last word did not fit)
_LINK_MARK = re.compile(r"\[\d{1,4}\](?=\S)|\s*<https?://[^>\s]*>?")
# A date that bounds a period, not the day of publication: "(tính đến ngày 15/12/2023)".
_AS_OF = re.compile(r"tính đến|đến ngày|từ ngày|đến hết|tính từ", re.IGNORECASE)
# A Q&A page's question date is not its publication date (the answer's is).
_ASKED = re.compile(r"(?:ngày hỏi|ngày gửi)\b", re.IGNORECASE)
_INNER_SENTENCE = re.compile(r"[.?!] [A-ZĐÀ-Ỹ]")
FRONT_WORDS = 10  # between the title and the first paragraph, shorter lines are metadata
NOTICES = 2  # paragraphs of prose above the title a text page may open with
FEATURED_PARAGRAPHS = 3  # a home page's featured article shows at most this much of its text
_BYLINE_LABEL = re.compile(r"^(?:tác giả(?: bài viết)?|(?:tin|bài)(?:,| và) ảnh|bài|tin|thực hiện|"
                           r"đăng bởi|người đăng|người viết|nội dung)\s*:\s*", re.IGNORECASE)
# What may follow the name: its organisation ("- Sở TT&TT") or "(tổng hợp)".
_BYLINE_ORG = re.compile(r"\s*(?:[-–(]\s*(?:sở|báo|đài|trung tâm|phòng|ban|ttxvn|ubnd|ảnh)\b.*"
                         r"|[-–]\s*(?-i:[A-ZĐ][A-ZĐ&\-]{1,9})"  # "Ngọc Trâm - HGTV"
                         r"|\((?:tổng hợp|th|t/h|theo [^)]*)\))$", re.IGNORECASE)
# "Posted on … by X" (English WordPress themes), "Gửi bởi X vào T4, 09/10/2024" (Drupal).
_POSTED_BY = re.compile(r"^(?:posted on .+ by|(?:gửi|đăng|viết) bởi) (.+?)(?: vào .*)?$",
                        re.IGNORECASE)
# "Tin liên quan:" alone on its line: the headlines under it are links, not text.
_RELATED_LABEL = re.compile(r"^(?:tin liên quan|bài liên quan|xem thêm|đọc thêm|"
                            r"có thể bạn quan tâm)\s*:?$", re.IGNORECASE)
# Labels of an e-magazine's credits (its text's author is "Nội dung:", a byline label).
_CREDIT_LABELS = frozenset({"ảnh", "trình bày", "đồ họa", "đồ hoạ", "thiết kế", "kỹ thuật",
                            "video", "quay phim", "dựng phim", "biên tập"})
# A teaser's sapo closed by its link: "… của tỉnh. Xem tiếp »" (capitalised, after a
# full stop: "… thông tin chi tiết." is no link).
_READ_MORE_AFTER = re.compile(r"[.…!?]\s+(?:Xem tiếp|Đọc tiếp|Xem chi tiết|Chi tiết|Xem thêm|"
                              r"Đọc thêm|Read more)\s*[»›>….]*$")
TEASER_DATES = 3
PAGE_RUN = 3  # page numbers one per line, in a row: "1" "2" "3"
_SIGNED_AT_END = re.compile(r",\s*ngày\s+\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\.?$")
_AUTHOR_LABEL = re.compile(r"^(?:tác giả(?: bài viết)?|người viết|phóng viên)\s*:?\s*",
                           re.IGNORECASE)
# "Trang sau ›", "Trang cuốiCuối »" (a hidden label glued to the link), "Trang 2",
# "Trang 1 của 129", "Trang: [1] 2 3 4 5 Tiếp >>", "1 2 3 … 10 Sau".
_PAGER = re.compile(
    r"^(?:[«‹<]+\s*)?(?:trang\s*)?(?:sau|cuối|kế tiếp)(?:\s*(?:sau|cuối))?\s*[»›>]*$"
    r"|^trang\s+\d+(?:\s*(?:/|của|trên|of)\s*\d+)?$"
    # page links glued together between arrows: "‹ 123...8 ›"
    r"|^[«‹<]+\s*\d[\d\s.…]*\s*[»›>]+$"
    # "Đầu tiên Trước Kế tiếp Cuối cùng" (Liferay), "« First ‹ Prev Next › Last »"
    r"|^(?:[«‹<]+\s*)?(?:đầu tiên|first)\s+[«‹<]*\s*(?:trước|prev(?:ious)?)\b"
    r"|^(?:[«‹<]+\s*)?(?:trang\s+)?(?:đầu|trước)\b.*\b\d{1,3}\s+\d{1,3}\b"
    # page numbers of three digits at most: "0260 3862 486" is a phone number
    r"|^(?:trang\s*:?\s*)?(?:[«‹<]+\s*)?\[?\d{1,3}\]?(?:\s+(?:\[?\d{1,3}\]?|\.\.\.|…))+"
    r"(?:\s+\S+){0,3}$",
    re.IGNORECASE)
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


def unwrap(lines: list[str]) -> list[str]:
    """A hard-wrapped text's paragraphs, one a line. Text browsers and PDF converters
    (lynx, w3m, pdftotext) print at a fixed width: a line that fills it goes on in the
    next one, unless that one is blank or indented further (a new paragraph). Text that
    is not wrapped so (a paragraph a line, as the seeds) comes back as it is."""
    lengths = [len(line.rstrip()) for line in lines]
    long = sorted(n for n in lengths if n >= WRAP_LONG)
    if len(long) < WRAPPED_LINES:
        return lines
    width = long[len(long) * 3 // 4]  # some longer lines (links) pass the width
    if width > WRAP_WIDTH:
        return lines
    # A wrapped sentence goes on in lower case on the next line; a list of headlines of
    # about one length does not.
    filled = [i for i, n in enumerate(lengths[:-1]) if n >= width - WRAP_SLACK]
    going_on = sum(_goes_on(lines[i + 1]) for i in filled)
    if len(filled) < WRAPPED_LINES or going_on * 2 < len(filled):
        return lines
    out: list[str] = []
    full = False  # whether the line before fills the width
    indent = 0  # how far the line before is indented
    for line, length in zip(lines, lengths, strict=True):
        text = line.strip()
        margin = len(line) - len(line.lstrip())
        if out and full and text and margin <= indent:
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(line)
        full, indent = length >= width - WRAP_SLACK, margin
    return out


def _goes_on(line: str) -> bool:
    """Whether `line` may go on with a sentence: it opens with no capital ("hành chính
    quý III/2025 …", "70 năm …", "(số liệu …)")."""
    first = line.lstrip()[:1]
    return bool(first) and not first.isupper()


def drop_link_marks(line: str) -> str:
    """`line` without a text browser's link marks: lynx's reference numbers ("[12]Trang
    chủ") and the targets w3m and html2text print after a link ("Tiếp » <https://…>")."""
    if "[" in line or "<" in line:
        return _LINK_MARK.sub("", line)
    return line


def drop_translations(lines: list[str]) -> list[str]:
    """Short lines without their English translation: a bilingual portal labels its chrome
    "Tác giả / Author: …", "Đang truy cập / Online: 73", "Bình luận / Comments (4)"."""
    return [_TRANSLATION.sub("", line) if " / " in line and len(line) < SHORT_LINE else line
            for line in lines]


def clean_lines(lines: list[str], title: str | None = None,
                table_rows: frozenset[str] = frozenset()) -> Cleaned:
    """Remove chrome from `lines` (normalised and non-empty: see `normalise`); find the
    title (if not given: a text page, see `_text_head`), date, author, counters. The
    `table_rows` are content whatever they look like (a header row reads like a row of
    links: "Lĩnh vực | Số doanh nghiệp | Doanh thu (tỷ đồng)")."""
    lines = drop_translations(lines)
    counters, counter_idx = read_counters(lines)
    lines = [line for i, line in enumerate(lines) if i not in counter_idx]
    # Datelines, stamps and bylines are short; a date inside prose is not the page's.
    published = next((d for line in lines[:40] if words(line) <= 12
                      and not _AS_OF.search(line) and (d := find_date(line))), None)
    head = None
    if title is None:
        head = _text_head(lines)
        if head is None:  # no paragraph of prose: a home page, a listing, a stub
            return Cleaned([], None, None, None, counters)
        title, lines = head.title, head.lines
    else:  # an HTML article block: a "Đọc thêm" box may stand between its paragraphs
        lines = _drop_related(lines)
    # On a text page the article starts at its first paragraph: the related lists and
    # comments may start right after it. Elsewhere not in the first third of the lines.
    lines = _cut_footer(_cut_tail(lines, 1 if head else len(lines) // 3))
    if head:
        # The dateline under the title, else one signed at the end ("Bùi Thị Hằng (…)"
        # then "12/11/2024"), else one just above the title, else the header's day of
        # viewing.
        published = head.dateline or _signed_date(lines) or head.above or published
    lines = [line for line in lines
             if line in table_rows or not (_is_chrome(line) or _is_credit(line))]
    title, lines = _take_title(lines, title)
    lines, author = _take_bylines(lines, title)
    author = author or (head.author if head else None)
    if title:
        key = title.lower().strip(" .")
        lines = [line for line in lines if not _repeats_title(line, key, title)]
    return Cleaned(lines, title, published, author, counters)


def is_prose(line: str) -> bool:
    """A paragraph of an article: long and ending a sentence (a teaser ends in "…")."""
    return (words(line) >= PROSE_WORDS and line.endswith(_SENTENCE_END)
            and not line.endswith(("...", "…")))


@dataclass
class _Head:
    """The head of a text page's article."""

    title: str
    lines: list[str]  # from the first paragraph on
    dateline: dt.datetime | None  # printed between the title and the first paragraph
    above: dt.datetime | None  # printed just above the title ("14:30 | 10/12/2024")
    author: str | None


def _text_head(lines: list[str]) -> _Head | None:
    """A text page's title, the lines from its first paragraph on, and the date and
    author printed between them; None for a page with no paragraph of prose.

    A text dump has the page's header, menus, breadcrumb and left column above the
    article: the title is the nearest headline-like line above the first paragraph (not
    a dateline, byline, breadcrumb or tool row), and everything above it goes. The short
    lines between the title and the first paragraph are its metadata."""
    paragraphs = [i for i, line in enumerate(lines) if is_prose(line) and not _is_chrome(line)]
    if not paragraphs:  # paragraphs that end without a full stop: a long one will do
        paragraphs = [i for i, line in enumerate(lines) if words(line) >= LONG_WORDS
                      and not line.endswith(("...", "…")) and not _is_chrome(line)]
    # The first paragraph with a title above it: prose at the very top (a notice, the
    # site's own blurb) has none.
    head = next(((body, at) for body in paragraphs[:NOTICES + 1]
                 if (at := next((i for i in range(body - 1, -1, -1)
                                 if _may_be_title(lines[i])), None)) is not None), None)
    if head is None:
        return None
    body, at = head
    if _featured_lead(lines, body):
        return None  # a home page's
    front = lines[at + 1:body]
    # The article's dateline is under its title, or just above it; a date higher up is
    # the header's day of viewing.
    dateline, above = (next((d for line in near if words(line) <= 20 and not _ASKED.match(line)
                             and not _AS_OF.search(line) and (d := find_date(line))), None)
                       for near in (front, lines[max(at - 2, 0):at][::-1]))
    # A metadata line may hold several facts: "26/03/2019 10:15 | Đăng bởi: Hữu Phước".
    pieces = [piece for line in front for piece in line.split(" | ")]
    author = (next((a for piece in pieces if (a := _author_of(piece))), None)
              or labelled_author(lines[:at]))
    kept = [line for line in front if words(line) > FRONT_WORDS and not _is_chrome(line)]
    return _Head(lines[at], kept + _drop_related(lines[body:]), dateline, above, author)


def _featured_lead(lines: list[str], body: int) -> bool:
    """Whether the paragraph at `body` opens a featured article's lead: up to
    FEATURED_PARAGRAPHS paragraphs of prose, then its "Xem tiếp »" link (not a "Xem thêm"
    heading, which an article's related list may have)."""
    after = next((line for line in lines[body + 1:body + 1 + FEATURED_PARAGRAPHS]
                  if not is_prose(line)), "")
    return is_read_more(after) and after.lower().strip(" .»>›") not in chrome_rules().tail_headings


def _signed_date(lines: list[str]) -> dt.datetime | None:
    """A date alone on one of the last lines of the text, where it is signed, or closing
    its source line ("Nguồn: Sở TT&TT tỉnh Phú Thọ, ngày 15/10/2024")."""
    for line in lines[-4:]:
        if (words(line) <= 6 or _SIGNED_AT_END.search(line)) and (when := find_date(line)):
            return when
    return None


def is_read_more(line: str) -> bool:
    """A teaser's "read more" link ("Xem tiếp", "Xem chi tiết »")."""
    return len(line) < 30 and line.lower().strip(" .»>›→") in chrome_rules().read_more


def is_teaser_block(lines: list[str], linked: frozenset[str] = frozenset()) -> bool:
    """Whether `lines` are a listing's teasers: two with their "read more" link, alone on
    its line or closing the sapo ("… của tỉnh. Xem tiếp »"), or TEASER_DATES dates each
    followed by a sapo ("12/11/2024 15:20", "Đã xem: 187", "Đoàn kiểm tra …"), or as many
    `linked` headlines each followed by a sapo (a related list has no sapos)."""
    links = dated = headlines = 0
    for i, line in enumerate(lines):
        if line in linked and any(is_prose(after) for after in lines[i + 1:i + 3]):
            headlines += 1
            if headlines >= TEASER_DATES:
                return True
        tail = line[-30:]
        if is_read_more(line) or (len(line) >= 30 and ("Xem" in tail or "Đọc" in tail
                                                       or "Chi tiết" in tail or "Read" in tail)
                                  and _READ_MORE_AFTER.search(tail)):
            links += 1
        elif (words(line) <= 6 and any(c.isdigit() for c in line) and find_date(line)
              and any(is_prose(after) for after in lines[i + 1:i + 4])):
            dated += 1
        if links >= 2 or dated >= TEASER_DATES:
            return True
    return False


def _drop_related(lines: list[str]) -> list[str]:
    """The text without the related headlines listed under a "Tin liên quan:" line
    between its paragraphs (the label, then headlines up to the next paragraph)."""
    out: list[str] = []
    related = False
    for line in lines:
        if _RELATED_LABEL.match(line):
            related = True
            continue
        if related and not is_prose(line) and words(line) < 40:
            continue
        related = False
        out.append(line)
    return out


def has_pager(lines: list[str]) -> bool:
    """Whether the page shows a pager ("Trang 1 2 3 … Sau", "Trang cuối »", or its page
    numbers one per line, "1" / "2" / "3"): a listing's, never a home page's or an
    article's."""
    run = 0  # page numbers in a row, each one more than the one before
    last = -1
    for line in lines:  # a loop, not any(…): no generator per page
        if len(line) <= 3 and line.isdecimal():
            number = int(line)
            run = run + 1 if number == last + 1 and number > 0 else 0
            if run >= PAGE_RUN - 1:
                return True
            last = number
            continue
        if len(line) < SHORT_LINE and _PAGER.match(line):
            return True
        run, last = 0, -1
    return False


def shows_results(lines: list[str]) -> bool:
    """Whether the page prints a count of results ("Kết quả 1 - 10 trong số 214", "Tìm thấy
    214 kết quả"): a listing's or a search's, never an article's."""
    results = chrome_rules().results_count
    for line in lines:  # a loop, not any(…): no generator per page
        # a substring test first: the pattern is case-insensitive, which re cannot skip on
        if ("kết quả" in line or "Kết quả" in line or "KẾT QUẢ" in line or "hiển thị" in line
                or "Hiển thị" in line) and len(line) < SHORT_LINE and results.match(line):
            return True
    return False


def labelled_author(lines: list[str]) -> str | None:
    """The name after a "Tác giả" label, on its line or the next ("Tác giả" / "Hồng Thi"
    in a CMS's author field, which sits outside the article block)."""
    for i, line in enumerate(lines):
        if len(line) < 60 and line[:1] in "TtNnPp" and _AUTHOR_LABEL.match(line):
            rest = _AUTHOR_LABEL.sub("", line).strip()
            name = rest or (lines[i + 1] if i + 1 < len(lines) else "")
            if is_name(name):
                return name
    return None


def _may_be_title(line: str) -> bool:
    # A title is one sentence of a few words: "Thời gian gần đây, …. Xin hỏi …?" (a Q&A
    # page's question) is a paragraph.
    return (TITLE_WORDS <= words(line) <= TITLE_MAX_WORDS and not line.endswith(":")
            and not _INNER_SENTENCE.search(line)
            and not (words(line) <= 12 and find_date(line)) and _author_of(line) is None
            and not _is_chrome(line))


def _author_of(line: str) -> str | None:
    """The author a byline names: "Tác giả: Minh Hằng", "Tin, ảnh: Đức Thụy", "Thanh Tâm -
    Sở TT&TT", "Thanh Phương 27/12/20 - 16:", or a name alone ("Thành Chung")."""
    if len(line) > 60:
        return None
    if posted := _POSTED_BY.match(line):
        line = posted[1]
    name = _BYLINE_LABEL.sub("", _BYLINE_DATE.split(line, 1)[0], count=1)
    name = _BYLINE_ORG.sub("", name).strip(" -|,.")
    return name if is_name(name) else None


def is_name(text: str) -> bool:
    """Two to five capitalised words: a Vietnamese person's name (not a weekday: "Thứ Ba",
    "Chủ Nhật"), maybe with an initial ("Ng.Thảo", "T. Hương": a pen name)."""
    parts = [part.rstrip(".") for part in text.replace(".", ". ").split()]
    return (2 <= len(parts) <= 5 and parts[0] not in ("Thứ", "Chủ")
            and all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts))


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
        rest, found = rules.widget_phrase.subn(" ", _COUNTS.sub(" ", lowered))
        return found > 0 and not rest.strip(" |-•·/[]:.,0123456789")  # "Lượt xem: 1.046 In"
    return False


def _is_credit(line: str) -> bool:
    """A credit line of names only: "Ảnh: Minh Đức, Hoàng Hiếu", "Trình bày: Quang Huy"
    (a caption "Ảnh: Lãnh đạo Sở phát biểu" is no list of names, and stays)."""
    if ":" not in line or len(line) >= SHORT_LINE:
        return False
    label, _, names = line.partition(":")
    return (label.strip().lower() in _CREDIT_LABELS
            and all(is_name(name.strip()) for name in names.split(",")))


def _cut_tail(lines: list[str], start: int) -> list[str]:
    """Drop a related-articles block: everything after its heading, from line `start` on."""
    rules = chrome_rules()
    for i, line in enumerate(lines):
        if i < start:
            continue
        if line[:9].lower() == "nơi nhận:":  # a letter's addressees, beside its signature
            return lines[:i]
        stripped = line.strip(" :")
        if len(stripped) >= SHORT_LINE:
            continue
        if "(" in stripped:  # "Bình luận (2)"
            stripped = _COUNTS.sub("", stripped).strip()
        lowered = stripped.lower()
        # "Tin khác", "Video khác", "E-MAGAZINE KHÁC": more of the site's items
        if lowered in rules.tail_headings or (lowered.endswith(" khác") and words(lowered) <= 3):
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
            author = name if is_name(name) else None
            del out[i]
            break
    # The author's line ends the text, maybe before a line or two the rules left
    # ("Chia sẻ Facebook Zalo …"): a byline labelled or signed with its organisation
    # counts there, a bare name only as the last line.
    if (len(out) >= 2 and len(out[-1]) < SHORT_LINE and _ORG.match(out[-1])
            and is_name(out[-2])):
        author = out[-2]  # "Thanh Tùng" / "Sở Thông tin và Truyền thông": name, then unit
        return out[:-2], author
    for back in range(1, min(3, len(out)) + 1):
        line = out[-back]
        if line.endswith(".") or not (name := _author_of(line)):
            continue
        if back == 1 or name != line:
            del out[-back]
            author = name
            break
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
