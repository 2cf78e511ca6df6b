"""An article in, one `MetricEvent` per reported quantity out."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice
from zoneinfo import ZoneInfo

from services.extractor.growth import find_changes
from services.extractor.labels import LabelUnit, unit_in
from services.extractor.periods import (
    Period,
    bracket_period,
    cumulative_since,
    data_end,
    find_period,
    in_reported_month,
    same_period,
    year_of_text,
)
from services.extractor.provinces import find_province
from services.extractor.quantities import (
    Abbreviations,
    Quantity,
    abbreviations,
    find_quantities,
    may_state_quantities,
)
from services.extractor.rules import fold
from services.extractor.sentences import Span, paragraphs, sentences
from services.extractor.tables import (
    SEPARATOR,
    Column,
    Figure,
    cells,
    columns,
    figures,
    is_header,
)
from services.extractor.taxonomy import classify
from shared.records import Article, Change, MetricEvent, stable_id, utcnow

EXTRACTOR_VERSION = "1.0.0"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# _TRAILING, _MEASURE and the _BASELINE patterns are lower-case and run on the folded
# text (see rules.py: re's IGNORECASE is several times slower on word lists).
_FILLER = ("ước đạt", "ước tính", "ước", "đạt", "là", "có", "đã có", "với", "gồm", "khoảng",
           "gần", "hơn", "trên", "tăng trưởng", "tăng", "giảm", "thêm", "được", "đã", "chiếm",
           "với số lượng")
_TRAILING = re.compile(rf"(?:\s|:|,|\b(?:{'|'.join(_FILLER)})\b)+$")
# The measure words, grouped by first letter: each group opens on its letter and looks
# behind from there (what a leading \b says), so re skips ahead to those letters
# instead of trying the words at every position.
_MEASURE = re.compile(
    # "số" before a figure is a document number ("Kế hoạch số 45/KH-UBND"), not a measure.
    r"(t(?<!\w.)(?:ổng số|ổng(?!\s+hợp)|ỷ lệ|ỉ lệ)|s(?<!\w.)(?:ố lượng|ố(?!\s*\d)|ản lượng)"
    r"|d(?<!\w.)oanh thu|k(?<!\w.)inh phí)\b")
_MEASURE_END = re.compile(r"\s+(?:ước|đạt|là|tăng|giảm)\b|[:,;(]")
_BASELINE_VALUE = re.compile(
    r"so với\s+(?:cùng kỳ\s+)?năm\s+((?:19|20)\d\d)\s*\(\s*(?:đạt|là)?\s*$")
_BASELINE_YEAR = re.compile(r"so với\s+(?:cùng kỳ\s+)?(?:năm\s+)?((?:19|20)\d\d)")
_PHRASE_END = re.compile(r"[,;.()…]")
_PAST = re.compile(r"\bđã\b|\bđạt\b|\bthực hiện được\b", re.IGNORECASE)
# What was approved or assigned for the new year is that year's ("Năm 2024, Sở đã được
# giao 14 đề tài" in a report of 8 January 2024).
_PLANNED = re.compile(r"\bphê duyệt\b|\bđược giao\b|\bkế hoạch\b", re.IGNORECASE)
# A paragraph that opens as the previous one's continuation ("Sở cũng đã …", "Ngoài ra,
# …", "Bên cạnh đó, …", "Đồng thời, …") goes on with its account, and with its period;
# looked for in its opening words only (on the folded text).
_CONTINUES = re.compile(r"(?<![\wà-ỹ])(?:cũng|ngoài ra|bên cạnh đó|đồng thời)(?![\wà-ỹ])")
_OPENING = 40
HEADING_WORDS = 20  # a section's heading is shorter than this
HEADING_CHARS = 160  # …and than this (decided before its words are counted)
TABLE_UNIT_CHARS = 40  # "Đơn vị tính: tỷ đồng", a line over a table
_UNIT_HEAD = r"(?:đơn vị tính|đơn vị|đvt)\s*:"  # "Đơn vị tính:", "ĐVT:"
_TABLE_UNIT = re.compile(rf"\(?\s*{_UNIT_HEAD}\s*([^()]+?)\s*\)?$")
_SINGLED_OUT = ("Riêng", "riêng", "Chỉ riêng")
_RECALLS = re.compile(r"(?:tháng|quý|năm) này")
_WINDOW_CHARS = 120  # "Số liệu … tính từ ngày 15/7/2025 đến ngày 14/8/2025" and a bit
_NOTE_OPENINGS = ("ghi chú", "chú thích", "chú giải", "(*)", "*")
_NOTE_UNIT = re.compile(
    rf"(?:([a-zà-ỹđ][a-zà-ỹđ ]{{1,30}}?)\s+)?(?:tính bằng|{_UNIT_HEAD})\s*([^;,.()]+)")
_CAPTION_UNIT = re.compile(rf"(?:\(|[.;]\s+)\s*{_UNIT_HEAD}\s*([^()]+?)\s*\)?\.?$")
# A heading's number: a roman numeral (a top heading), or "1.", "1.2.", "a)".
_HEADING_NUMBER = re.compile(r"(?:([IVX]{1,4})|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s")


def extract(article: Article, now: dt.datetime | None = None) -> list[MetricEvent]:
    """Every reported quantity of `article` as a `MetricEvent` (deterministic ids)."""
    extracted_at = now or utcnow()
    province = article.province or find_province(article.title, article.text)
    published = article.published_at.astimezone(VIETNAM).date() if article.published_at else None
    pieces = paragraphs(article.text)
    context = _DocumentContext(article, published, pieces)
    events: list[MetricEvent] = []
    seen: set[str] = set()
    defined = abbreviations(article.text) if "(" in article.text else ()
    previous: Period | None = None  # the period the last paragraph with figures ended on
    header: list[Column] = []  # the columns of the table being read, from its header row
    in_header = False  # whether the row before was a header row too (a two-level header)
    table_unit: LabelUnit | None = None  # "Đơn vị tính: tỷ đồng" over the table
    note: TableNote | None = None  # "Ghi chú: doanh thu tính bằng triệu đồng" under it
    in_table = False
    section: Period | None = None  # the period the heading of this section names
    for index, paragraph in enumerate(pieces):
        section = _section(paragraph.text, section, context)
        frame = section or context.period  # what frames a figure with no period of its own
        if SEPARATOR in paragraph.text and (row := cells(paragraph.text)):  # a table's row
            if not in_table:
                in_table, note = True, _note_after(pieces, index)
            if is_header(paragraph.text, row):
                header = columns(paragraph.text, row, header if in_header else None)
                in_header = True
                continue
            in_header = False
            unit = table_unit or (note.unit if note and note.covers(paragraph.text) else None)
            for figure, label, period in _row_figures(paragraph, row, header, context, frame,
                                                      defined, unit):
                start = paragraph.start + figure.quantity.start
                end = paragraph.start + figure.quantity.end
                # (the unit may be what names the measure: "Cấp tỉnh: Tiếp nhận", hồ sơ)
                indicator = classify(f"{label} {figure.quantity.unit}", figure.quantity.unit,
                                     paragraph.text)
                event_id = stable_id(article.article_id, start, end, indicator)
                if event_id not in seen:
                    seen.add(event_id)
                    events.append(_event(event_id, article, province, extracted_at, paragraph,
                                         figure.quantity, indicator, label, figure.change,
                                         period))
            continue
        header, in_header, in_table = [], False, False
        table_unit = _table_unit(paragraph.text)
        if not may_state_quantities(paragraph.text):
            continue  # nor can its sentences, so no period of it would frame anything
        spans = sentences(paragraph)
        found = [find_quantities(sentence.text, defined) for sentence in spans]
        # Periods are read up to the last sentence that states a quantity: past it (and
        # in a paragraph with none) they would frame nothing.
        last = len(found) - 1
        while last >= 0 and not found[last]:
            last -= 1
        carried = previous if previous and _continues(paragraph.text) else None
        singled: Period | None = None  # "Riêng tháng 3/2025, …", which "tháng này" recalls
        for sentence, quantities in zip(spans[:last + 1], found, strict=False):
            # Year-less forms ("Trong năm", "6 tháng đầu năm") take the year the
            # paragraph is about ("Năm 2016, … Trong năm đã đăng 7.412 tin, bài").
            own = context.period_in(sentence.text,
                                    carried.end.year if carried else context.year)
            own = same_period(context.correct(own, sentence.text), carried or frame)
            own = own or context.year_to_date(sentence.text)
            recalled = own is None and singled is not None and bool(
                _RECALLS.search(sentence.text))
            if recalled:
                own = singled
            # A whole year or part of one frames the sentences after it in the paragraph;
            # a range to a day ("Tính từ ngày … đến ngày …", "Từ năm 2021 đến nay") and a
            # part singled out ("Riêng tháng 9/2025, …") bind only their sentence.
            singles_out = sentence.text.lstrip().startswith(_SINGLED_OUT)
            scoped = own and (own.label.lower().startswith(("từ ngày", "tính từ", "từ đầu năm"))
                              or own.label.endswith("nay") or singles_out or recalled)
            if own and singles_out:
                singled = own
            period_here = own or carried
            carried_before = carried
            if own and not scoped:
                carried = own
            if not quantities:
                continue  # most sentences state none: the period above is all they give
            changes = find_changes(sentence.text, quantities)
            labels = [_label(sentence.text, quantities, i) for i in range(len(quantities))]
            by_clause = _clause_periods(sentence.text, quantities, context, carried_before,
                                        frame)
            for i, q in enumerate(quantities):
                level = _level_of(i, quantities, changes)
                period = (_baseline_period(sentence.text, quantities, i)
                          or same_period(bracket_period(sentence.text, q.start, context.year,
                                                        published), period_here or frame)
                          or (by_clause[i] if by_clause else period_here) or frame)
                if level is None:
                    label, clause = labels[i]
                    indicator = classify(label, q.unit, clause, _semicolon_clause(sentence.text, q))
                else:  # a growth rate measures what its level counts
                    label, clause = labels[level]
                    indicator = classify(label, quantities[level].unit, clause)
                start, end = sentence.start + q.start, sentence.start + q.end
                event_id = stable_id(article.article_id, start, end, indicator)
                if event_id in seen:
                    continue
                seen.add(event_id)
                events.append(_event(event_id, article, province, extracted_at, sentence, q,
                                     indicator, label, changes.get(i), period))
        previous = carried
    return events


def _event(event_id: str, article: Article, province: str | None, extracted_at: dt.datetime,
           sentence: Span, q: Quantity, indicator: str, label: str, change: Change | None,
           period: Period | None) -> MetricEvent:
    """The event of quantity `q` of `sentence` (its offsets relative to the sentence)."""
    start, end = sentence.start + q.start, sentence.start + q.end
    return MetricEvent(
        event_id=event_id, article_id=article.article_id, portal_id=article.portal_id,
        province=province, source_url=article.url, indicator=indicator, indicator_label=label,
        value=q.value, unit=q.unit, qualifier=q.qualifier,  # type: ignore[arg-type]
        change=change,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_label=period.label if period else None,
        sentence=sentence.text, span_start=start, span_end=end,
        published_at=article.published_at, extracted_at=extracted_at,
        extractor_version=EXTRACTOR_VERSION,
    )


def _row_figures(paragraph: Span, spans: list[tuple[int, int]], header: list[Column],
                 context: _DocumentContext, frame: Period | None, defined: Abbreviations,
                 table_unit: LabelUnit | None) -> list[tuple[Figure, str, Period | None]]:
    """The figures of a table row, each with its label (the row's, and its column's
    header) and its period (the header's, "Quý I/2025", else the row label's, "Tháng
    1/2025", else `frame`: the section's or the article's)."""
    text = paragraph.text
    label_cell = next((text[s:e] for s, e in spans if not text[s:s + 1].isdigit()), "")
    row_period = context.period_in(label_cell, context.year)
    out = []
    current: Period | None = None  # the period of the last column that named one
    compared: Period | None = None  # the one a "Cùng kỳ" column gives a year earlier
    for figure in figures(text, spans, header, defined, table_unit):
        named = (context.period_in(figure.header, context.year)
                 or context.year_to_date(figure.header) if figure.header else None)
        if figure.header and fold(figure.header).startswith("cùng kỳ"):
            # "Lũy kế 10 tháng | Cùng kỳ 2024", "9 tháng | Cùng kỳ": the column before's
            # months, a year earlier
            compared = current or frame
            period = same_period(named or _year_before(compared, figure.header), compared)
        elif named:
            period = current = named
        elif compared and figure.quantity.unit == "percent":
            period = compared  # "So sánh (%)", "Tăng/giảm (%)" after it: of what it compared
        else:
            period = row_period or frame
        label = f"{label_cell}: {figure.header}" if figure.header else label_cell
        out.append((figure, label, period))
    return out


def _year_before(period: Period | None, label: str) -> Period | None:
    """The year before `period`'s, labelled as a same-period column ("Cùng kỳ")."""
    if period is None:
        return None
    year = period.start.year - 1
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), label)


def _continues(paragraph: str) -> bool:
    """Whether `paragraph` opens as the previous one's continuation (see _CONTINUES)."""
    return bool(_CONTINUES.search(fold(paragraph[:_OPENING])))


class _DocumentContext:
    """The article-wide fallbacks: its lead's period, else the title's, else the year of
    publication ("năm qua" in January is the previous year), else the year after the
    one it compares against ("so với năm 2023" → 2024)."""

    def __init__(self, article: Article, published: dt.date | None,
                 pieces: list[Span]) -> None:
        self.published = published
        self.figures_end = data_end(article.text)
        self.period: Period | None = None  # (read below, and then what the lead defines)
        body = (p.text for p in pieces if p.text.strip() != article.title)
        lead = "\n".join(islice(body, 2))  # (not every paragraph stripped to find two)
        publication_year = None
        if published:
            publication_year = published.year - 1 if published.month == 1 else published.year
        framed = self.period_in(lead, None) or self.period_in(article.title, None)
        self.year = ((framed.end.year if framed else None) or publication_year
                     or _year_after_baseline(article.text)
                     or year_of_text(lead) or year_of_text(article.title))
        self.period = (self.period_in(lead, self.year)
                       or self.period_in(article.title, self.year)
                       or (_whole_year(self.year) if self.year else None))
        self.period = self._reporting_window(lead) or self.period

    def _reporting_window(self, lead: str) -> Period | None:
        """The days the lead says a monthly report covers, in a sentence of its own ("tháng
        8/2025. Số liệu trong kỳ báo cáo được tính từ ngày 15/7/2025 đến ngày 14/8/2025"):
        the report's month, as `in_reported_month` reads it."""
        month = self.period
        if (month is None or month.start.day != 1 or month.start.month != month.end.month
                or "ố liệu" not in lead):
            return None
        at = fold(lead).find("số liệu")
        window = find_period(lead[at:at + _WINDOW_CHARS], self.year)
        if (window is None or window.end.month != month.end.month
                or window.end.year != month.end.year or window.start.day == 1
                or not 27 <= (window.end - window.start).days <= 31):
            return None
        return Period(window.start, window.end, month.label)

    def period_in(self, text: str, year: int | None) -> Period | None:
        """`find_period` of `text` in this article: year-less forms in `year`, "đến nay"
        on the day of publication, spans not over yet cut at the figures' end, months as
        the report's lead defines them (see `in_reported_month`)."""
        found = find_period(text, year, self.published, self.figures_end)
        if found is None and self.period is not None:
            found = cumulative_since(text, self.period.end)
        return in_reported_month(found, self.period)

    def year_to_date(self, sentence: str) -> Period | None:
        """"Lũy kế từ đầu năm, …" with no end written: from 1 January to the end of the
        period the article reports on (a monthly report's month)."""
        if self.period is None or "đầu năm" not in sentence or "từ đầu năm" not in fold(sentence):
            return None
        end = self.period.end
        return Period(dt.date(end.year, 1, 1), end, "từ đầu năm")

    def correct(self, period: Period | None, sentence: str) -> Period | None:
        """A January report saying what it "đã" did in the new year means the old one,
        unless it is what was approved or assigned for the new year."""
        p = self.published
        if (period and p and p.month == 1 and period.start == dt.date(p.year, 1, 1)
                and period.end == dt.date(p.year, 12, 31) and _PAST.search(sentence)
                and not _PLANNED.search(sentence)):
            return Period(dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), period.label)
        return period


def _clause_periods(text: str, quantities: list[Quantity], context: _DocumentContext,
                    carried: Period | None, frame: Period | None) -> list[Period | None] | None:
    """Per quantity, the period of its ";" clause or of the nearest clause before it
    ("Cấp 25 giấy phép; tháng 6/2022 có 3 hội nghị": the month frames only the second
    clause). None when the sentence has a single clause (the sentence period holds)."""
    if ";" not in text or not quantities:
        return None
    bounds = [0] + [m.end() for m in re.finditer(";", text)]
    ends = [*bounds[1:], len(text)]
    needed = bisect_right(bounds, quantities[-1].start)  # clauses up to the last quantity's
    periods = [context.correct(context.period_in(text[a:b], context.year),
                               text[a:b]) or context.year_to_date(text[a:b])
               for a, b in zip(bounds[:needed], ends[:needed], strict=True)]
    for k, period in enumerate(periods):  # "…; cùng kỳ năm 2024: 7.356": the same months
        before = next((p for p in reversed(periods[:k]) if p), carried or frame)
        periods[k] = same_period(period, before)
    out: list[Period | None] = []
    for q in quantities:
        k = bisect_right(bounds, q.start) - 1  # the clause q stands in
        out.append(next((p for p in reversed(periods[:k + 1]) if p), carried))
    return out


def _table_unit(text: str) -> LabelUnit | None:
    """The unit a line over a table gives all its figures: "Đơn vị tính: tỷ đồng", "(ĐVT:
    người)", a caption's "(Đơn vị: hồ sơ)"."""
    if len(text) <= TABLE_UNIT_CHARS:
        m = _TABLE_UNIT.match(fold(text)) if ":" in text else None
    else:  # a caption closed by it: "Bảng 1. Kết quả … (Đơn vị: hồ sơ)", "…. ĐVT: người"
        tail = text[-TABLE_UNIT_CHARS:]  # (only the tail is folded: most paragraphs are long)
        m = _CAPTION_UNIT.search(fold(tail)) if ":" in tail else None
    return unit_in(m[1].strip()) if m else None


@dataclass(frozen=True, slots=True)
class TableNote:
    """What a note under a table says its figures count: "Ghi chú: doanh thu tính bằng
    triệu đồng" gives the rows about `subject` (doanh thu) `unit`; without a subject
    ("Đơn vị tính: hồ sơ") every row."""

    subject: str | None
    unit: LabelUnit

    def covers(self, row: str) -> bool:
        return self.subject is None or self.subject in fold(row)


def _note_after(pieces: list[Span], index: int) -> TableNote | None:
    """The note right under the table whose first row is `pieces[index]`, if it says what
    the table counts."""
    after = next((p.text for p in pieces[index + 1:] if SEPARATOR not in p.text), "")
    lowered = fold(after)
    if not lowered.startswith(_NOTE_OPENINGS) or not (m := _NOTE_UNIT.search(lowered)):
        return None
    unit = unit_in(m[2].strip())
    return TableNote(m[1].strip() if m[1] else None, unit) if unit else None


def _section(text: str, section: Period | None, context: _DocumentContext) -> Period | None:
    """The period of the section `text` opens, if it is a heading ("I. KẾT QUẢ THỰC HIỆN
    NHIỆM VỤ 9 THÁNG NĂM 2025", "4. Lũy kế 11 tháng năm 2025"): the one it names; none
    under a top heading that names none ("II. KẾT QUẢ THEO SỞ, NGÀNH"); a sub-heading that
    names none ("1. Lĩnh vực bưu chính") keeps the section's. Not a heading: `section`."""
    if (len(text) > HEADING_CHARS or text.count(" ") >= HEADING_WORDS
            or text.rstrip().endswith((".", ";", "!", "?"))):
        return section
    number = _HEADING_NUMBER.match(text)
    top = (number is not None and number[1] is not None) or text.isupper()
    if number is None and not top:
        return section
    named = context.period_in(text, context.year)
    return named or (None if top else section)


def _level_of(i: int, quantities: list[Quantity], changes: dict[int, Change]) -> int | None:
    """For a growth percentage, the index of the level it was attached to."""
    change = changes.get(i)
    if change is None or quantities[i].unit != "percent" or change.percent != quantities[i].value:
        return None
    return next((j for j, c in changes.items() if c is change and j != i), None)


def _year_after_baseline(text: str) -> int | None:
    """"so với năm 2023" → 2024 (read only when the article gives no better year: it
    folds the whole text)."""
    baseline = _BASELINE_YEAR.search(fold(text))
    return int(baseline[1]) + 1 if baseline else None


def _semicolon_clause(sentence: str, q: Quantity) -> str:
    """The ";" clause a figure stands in: a rate's measure is named there ("Tỷ lệ hộ gia
    đình kết nối Internet đạt 87%; 100% các xã có băng rộng": the second is not households)."""
    start = sentence.rfind(";", 0, q.start) + 1
    end = sentence.find(";", q.end)
    return sentence[start:end if end >= 0 else len(sentence)]


def _whole_year(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}")


def _baseline_period(sentence: str, quantities: list[Quantity], i: int) -> Period | None:
    """"tăng so với cùng kỳ năm 2023 (đạt 584 tỷ)": the bracketed figure is 2023's."""
    if "so với" not in fold(sentence):
        return None  # the usual case, decided on the sentence's (cached) fold
    gap = fold(sentence[quantities[i - 1].end if i else 0: quantities[i].start])
    m = _BASELINE_VALUE.search(gap)
    return _whole_year(int(m[1])) if m else None


def _noun_written(sentence: str, q: Quantity) -> str:
    """The counted noun as `q` writes it when it is its unit's head and more ("lớp tập
    huấn" for lớp: the indicator is read from it), else the unit."""
    written = sentence[q.start:q.end]
    if written.endswith(q.unit):  # (most: "12 hồ sơ"; no fold needed)
        return q.unit
    at = fold(written).rfind(q.unit)
    return written[at:] if at > 0 and len(written) - at > len(q.unit) else q.unit


def _label(sentence: str, quantities: list[Quantity], i: int) -> tuple[str, str]:
    """(the phrase naming what is counted, the clause around the quantity)."""
    q = quantities[i]
    prev_end = quantities[i - 1].end if i else 0
    next_start = quantities[i + 1].start if i + 1 < len(quantities) else len(sentence)
    reach = max(prev_end, q.start - 160)
    # from its clause's start
    begin = max(reach, sentence.rfind(";", reach, q.start) + 1,
                sentence.rfind("(", reach, q.start) + 1)
    before = sentence[begin:q.start]
    # A count's label comes from before the number only after a measure word; without
    # one there (before stripping, which only shortens the text) the costly strip of
    # the verbs and hedges would be thrown away. (The sentence's fold is at hand.)
    if q.unit == "percent" or q.money or _MEASURE.search(fold(sentence)[begin:q.start]):
        before = _strip_trailing(before).strip(" ,:-–")
    else:
        before = ""
    measure = _MEASURE.search(fold(before)) if before else None
    after = sentence[q.end:min(next_start, q.end + 160)]
    if phrase_end := _PHRASE_END.search(after):
        after = after[:phrase_end.start()]
    after = " ".join(after.split()[:8])
    if (q.unit == "percent" and _MEASURE.match(fold(after))) or after.startswith("các "):
        label = after  # "tăng 17,18 % số hồ sơ đã giải quyết"
    elif measure:
        label = before[measure.start():]
    elif q.unit == "percent" or q.money:
        label = _earlier_measure(sentence[:q.start]) or before or after
    else:
        label = f"{_noun_written(sentence, q)} {after}".strip()
    clause = sentence[prev_end:next_start].split(";")[0]
    return label.strip() or q.unit, clause


def _strip_trailing(text: str) -> str:
    """Drop the verbs and hedges before a number ("… ước đạt khoảng"). `_TRAILING` is
    anchored at the end but re tries it from every position, so it runs on the last
    words only (cut at a space, so a word is never split), and on the whole text only
    when those words were all filler."""
    cut = text.find(" ", max(0, len(text) - 48))
    if cut <= 0:
        return _without_trailing(text)
    tail = _without_trailing(text[cut:])
    return text[:cut] + tail if tail else _without_trailing(text)


def _without_trailing(text: str) -> str:
    lowered = fold(text)
    end = len(lowered)
    while end and (lowered[end - 1].isspace() or lowered[end - 1] in ":,"):
        end -= 1
    if not lowered.endswith(_FILLER, 0, end):
        # Without a filler word before them, the spaces, colons and commas at the end are
        # all `_TRAILING` can match: decided without the pattern, which re tries from
        # every position (most figures have only a space before them).
        return text[:end]
    filler = _TRAILING.search(lowered)
    return text[:filler.start()] if filler else text


def _earlier_measure(text: str) -> str:
    """"Doanh thu … đạt 838 tỷ đồng, tăng … (đạt 584 tỷ)": the measure named earlier."""
    measures = list(_MEASURE.finditer(fold(text)))
    if not measures:
        return ""
    phrase = text[measures[-1].start():]
    end = _MEASURE_END.search(phrase, measures[-1].end() - measures[-1].start())
    return phrase[: end.start()] if end else phrase
