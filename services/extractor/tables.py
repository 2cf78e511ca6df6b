"""Figures in table rows, read with their table's header.

A table reaches the extractor one row per line, its cells between " | " (how the parser
writes a table, and how text dumps print one): "Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ",
then "Thuê bao di động (thuê bao) | 3.450.000 | 3.512.846 | 101,8%". A figure cell stands
alone; what it counts comes from the cell itself ("426 trạm", "91,6%"), else from its
column's header ("Hồ sơ tiếp nhận", "Tăng (%)"), else from the row's label ("(tỷ đồng)",
"Thuê bao di động"), else from the value column before it in the row, else, for the steps
of handling dossiers ("Tiếp nhận", "Đã giải quyết"), dossiers. The header also says
what a column holds: a plan ("Kế hoạch …": targets, not results, so not read), a share
("Tỷ lệ"), a growth rate ("Tăng (%)") or the figures of a period ("Quý I/2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.labels import LabelUnit, bracket_unit, label_unit, unit_in
from services.extractor.numbers import NUMBER, parse_number
from services.extractor.periods import MONTHS_ONLY, find_period
from services.extractor.quantities import Abbreviations, Quantity, find_quantities
from services.extractor.rules import fold, mentions
from shared.records import Change, Direction

SEPARATOR = " | "
_MINUS = ("-", "−", "–")
_SIGNS = (*_MINUS, "+")
_UNIT_HEADS = ("đơn vị tính", "đvt")
_YEAR_CELL = re.compile(r"(?:19|20)\d\d")
_TARGETS = ("kế hoạch", "chỉ tiêu giao", "mục tiêu", "dự kiến")
_GROWTH = re.compile(r"^(tăng|giảm)(?:\s*/\s*(?:tăng|giảm))?\b")
_SHARES = ("tỷ lệ", "tỉ lệ", "so sánh", "(%)", "%")
# The steps of a dossier's handling: a table with these columns counts dossiers even when it
# names no unit anywhere ("Cấp | Tiếp nhận | Đã giải quyết | Đúng hạn, trước hạn").
_DOSSIER_STEPS = ("tiếp nhận", "đã tiếp nhận", "giải quyết", "đã giải quyết", "đang giải quyết",
                  "chưa giải quyết", "đúng hạn", "trước hạn", "trễ hạn", "quá hạn")
_DOSSIERS = LabelUnit("hồ sơ", 1.0, False)
_LABEL_HEADS = ("chỉ tiêu", "nội dung", "đơn vị", "stt", "tt", "lĩnh vực", "danh mục")


@dataclass(frozen=True, slots=True)
class Column:
    """What a header cell says its column holds."""

    header: str
    role: str  # "value", "target", "share", "growth" (in %), "difference" or "unit"
    unit: LabelUnit | None


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of a row: its quantity (offsets into the row), the header of its column
    (which may name its period) and the change a growth column gives it."""

    quantity: Quantity
    header: str | None
    change: Change | None


def cells(row: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a row, stripped; [] for a line that is no row."""
    if SEPARATOR not in row:
        return []
    spans = []
    start = 0
    for piece in row.split("|"):
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + len(piece.rstrip())))
        start += len(piece) + 1
    return spans


def is_header(row: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a row names its columns: no cell opens with a figure but a year or a period
    ("2024", "9 tháng năm 2025", "9 tháng")."""
    for start, end in spans:
        cell = row[start:end]
        if (cell[:1].isdigit() and not _YEAR_CELL.fullmatch(cell)
                and not MONTHS_ONLY.fullmatch(cell) and find_period(cell, None) is None):
            return False
    return True


def columns(row: str, spans: list[tuple[int, int]], above: list[Column] | None = None
            ) -> list[Column]:
    """The columns a header row names. A second header row with fewer cells names the
    columns the cells above span ("… | So sánh (%)" over "Cùng kỳ năm 2024 | Kế hoạch
    năm", see `_under`): they take that cell's words before their own."""
    headers = [row[start:end] for start, end in spans]
    if above and len(headers) < len(above):
        headers = _under(above, headers)
    return [_column(header, first=i == 0) for i, header in enumerate(headers)]


def _under(above: list[Column], lower: list[str]) -> list[str]:
    """The headers of a two-level header: the lower row's cells under the cells of the
    upper one that span them. The upper row's label and unit columns span both rows; the
    lower cells share out evenly over the other upper cells when they can ("Thực hiện | So
    sánh (%)" over "Tháng 11/2025 | Lũy kế | Với tháng trước | Với cùng kỳ"), else they
    are all under the last one."""
    lead = 1
    while lead < len(above) and (above[lead].role == "unit"
                                 or fold(above[lead].header).startswith(_LABEL_HEADS)):
        lead += 1
    groups = above[lead:]
    if len(groups) > 1 and len(lower) % len(groups) == 0:
        width = len(lower) // len(groups)
        return [column.header for column in above[:lead]] + [
            f"{groups[i // width].header} {header}" for i, header in enumerate(lower)]
    spanning = above[-1].header
    return [column.header for column in above[:-1]] + [f"{spanning} {header}"
                                                       for header in lower]


def _column(header: str, first: bool) -> Column:
    lowered = fold(header)
    if lowered.startswith(_UNIT_HEADS):
        role = "unit"  # "Đơn vị tính": each row names its own unit there
    elif lowered.startswith("so sánh"):
        role = "share"  # of a plan or of last year: a percentage whatever follows
    elif mentions(lowered, _TARGETS):
        role = "target"
    elif _GROWTH.match(lowered):
        role = "growth" if "%" in lowered else "difference"
    elif mentions(lowered, _SHARES):
        role = "share"
    else:
        role = "value"
    # The label column's header may name the unit of the whole table ("Chỉ tiêu (%)"),
    # never by a noun it opens with ("Doanh nghiệp | Quý III/2025 | …" lists firms).
    unit = bracket_unit(header) if first or lowered.startswith(_LABEL_HEADS) else label_unit(header)
    return Column(header, role, unit)


def figures(row: str, spans: list[tuple[int, int]], header: list[Column],
            defined: Abbreviations = (), table_unit: LabelUnit | None = None) -> list[Figure]:
    """The figures of a data row, with what its header says of each; `table_unit` is what
    a line over the table says ("Đơn vị tính: tỷ đồng")."""
    # The label is the last cell of words before the figures (after a row number, "STT"):
    # "Di động | Thuê bao phát triển mới (thuê bao) | 118.420" names its group, then what
    # is counted.
    words = [i for i, (s, e) in enumerate(spans) if not row[s:s + 1].isdigit()]
    if not words:
        return []
    label = words[0]
    while label + 1 in words:
        label += 1
    header = _aligned(header, len(spans))
    unit_cell = next((row[s:e] for i, (s, e) in enumerate(spans)
                      if i < len(header) and header[i].role == "unit"), "")
    row_unit = (label_unit(row[spans[label][0]:spans[label][1]]) or unit_in(fold(unit_cell))
                or (header[label].unit if label < len(header) else None) or table_unit)
    out: list[Figure] = []
    previous: LabelUnit | None = None  # the unit of the value column before, in this row
    periods: list[str] = []  # the headers of the value columns read, for a growth's baseline
    for i, (start, end) in enumerate(spans):
        if i <= label:
            continue
        column = header[i] if i < len(header) else Column("", "value", None)
        # A change may be written with its sign ("Tăng/giảm (%)": "-29,3", "+1.941").
        signed = column.role in ("growth", "difference") and row.startswith(_SIGNS, start)
        fall = signed and row.startswith(_MINUS, start)
        if signed:
            start += 1
        cell = row[start:end]
        number = NUMBER.match(cell)
        if column.role in ("target", "unit") or number is None:
            continue
        own = find_quantities(cell, defined)
        if own and own[0].start == 0:
            q = own[0]
            out.append(Figure(_shifted(q, start), column.header, None))
            continue
        value = parse_number(number["num"])
        unit = (LabelUnit("percent", 1.0, False) if column.role in ("share", "growth")
                else column.unit or row_unit or previous
                or (_DOSSIERS if fold(column.header).startswith(_DOSSIER_STEPS) else None))
        if unit is None:
            continue
        previous = unit if unit.unit != "percent" else previous
        # "Ước thực hiện 6 tháng": the column's figures are estimates
        qualifier = "estimate" if fold(column.header).startswith("ước") else "exact"
        quantity = Quantity(start, start + number.end("num"), value * unit.factor, unit.unit,
                            qualifier, unit.money)
        change = None
        if column.role in ("growth", "difference"):
            direction: Direction = ("decrease" if fall or fold(column.header).startswith("giảm")
                                    else "increase")
            baseline = periods[1] if len(periods) > 1 else None
            change = Change(direction, value if column.role == "growth" else None, None,
                            baseline)
            if out:  # the row's first figure is the level that grew
                out[0] = Figure(out[0].quantity, out[0].header, change)
        else:
            periods.append(column.header)
        out.append(Figure(quantity, column.header, change))
    return out


def _aligned(header: list[Column], cells: int) -> list[Column]:
    """The header for a row of `cells` cells: a row short of cells lost them to a cell on
    its left that spans rows ("rowspan"), so the header's leftmost columns go."""
    if not header or len(header) <= cells:
        return header
    return header[len(header) - cells:]


def _shifted(q: Quantity, by: int) -> Quantity:
    return Quantity(q.start + by, q.end + by, q.value, q.unit, q.qualifier, q.money)
