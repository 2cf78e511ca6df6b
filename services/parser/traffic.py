"""Visitor counters ("Thống kê truy cập … Đang online: 13 … Tất cả: 3199419").

Their numbers become a `PortalTraffic` record and are never article text.
"""

from __future__ import annotations

import re

from services.parser.rules import chrome_rules

# A counter line is a label and a number (or a heading): anything longer is prose, and
# is neither lowercased nor matched against the labels.
COUNTER_LINE_MAX_CHARS = 80
_VISITS = re.compile(r"truy cập|online|trực tuyến|đang xem")
_PIECES = re.compile(r"\s+[|\-–·•]\s+")
# Counter lines whose figure is no PortalTraffic field: a block's heading, and a part of
# the people online ("Máy chủ tìm kiếm", "Khách viếng thăm": chrome.toml).
UNRECORDED = frozenset({"heading", "part"})


def counter_value(line: str) -> tuple[str, int | None] | None:
    """(field, number) when `line` is a counter line; the number is None for a heading."""
    rules = chrome_rules()
    text = line.strip()
    if len(text) > COUNTER_LINE_MAX_CHARS:
        return None
    lowered = text.lower()
    if lowered.rstrip(":") in rules.counter_headings:
        return ("heading", None)
    if m := rules.counter_line.match(lowered):
        label, figure = m[1], m[2]
    elif m := rules.counter_figure_first.match(lowered):
        label, figure = m[2], m[1]
    else:
        return None
    field = rules.counter_field[label]
    digits = "".join(ch for ch in (figure or "") if ch.isdigit())
    if not digits:
        return (field, None)
    return (field, int(digits))


def _one_line_block(line: str) -> list[tuple[str, int]]:
    """The counters of a line that holds several, split at " | ", " - " or " · ", maybe
    after the block's heading ("Thống kê truy cập Đang xem: 6 · Hôm nay: 214")."""
    lowered = line.lower()
    heading = max((h for h in chrome_rules().counter_headings if lowered.startswith(h + " ")),
                  key=len, default=None)
    pieces = _PIECES.split(line[len(heading) + 1:] if heading else line)
    if len(pieces) < 2:
        return []
    figures = []
    for piece in pieces:
        item = counter_value(piece)
        if item is None:
            return []  # a piece that is no counter: prose with a dash
        if item[0] not in UNRECORDED and item[1] is not None:
            figures.append((item[0], item[1]))
    return figures


def _figures_first(lines: list[str], parsed: dict[int, tuple[str, int | None]],
                   heading: int) -> bool:
    """Whether the block under `heading` prints each figure before its label: its last
    label has a figure before it and none after it (label first, the last label's figure
    follows it)."""
    last_label = None
    j = heading + 1
    while j < len(lines) and (j in parsed or _bare_figure(lines, j) is not None):
        if j in parsed and parsed[j][1] is None and parsed[j][0] != "heading":
            last_label = j
        j += 1
    return (last_label is not None and _bare_figure(lines, last_label + 1) is None
            and _bare_figure(lines, last_label - 1) is not None)


def _bare_figure(lines: list[str], i: int) -> int | None:
    """The figure line `i` is made of ("1.126", "3,861,240"), if it is no more than one."""
    if not 0 <= i < len(lines) or len(lines[i]) > COUNTER_LINE_MAX_CHARS:
        return None
    digits = lines[i].replace(".", "").replace(",", "").replace(" ", "")
    return int(digits) if digits.isdecimal() else None


def read_counters(lines: list[str]) -> tuple[dict[str, int], set[int]]:
    """Counter figures found in `lines` (normalised: see `textlines.normalise`), and the
    indexes of the lines that were counters.

    A label line counts only inside a counter block: after a counter heading, or next to
    another counter line with a number — so "Tổng: …" in prose is left alone.
    """
    found: dict[str, int] = {}
    used: set[int] = set()
    # One search over the short lines finds those that start like a counter line; only
    # they are read one by one (a page has dozens of lines and a handful of candidates).
    # Long lines stay as empty ones, so that line i still follows the (i+1)th "\n".
    short = [line if len(line) <= COUNTER_LINE_MAX_CHARS else "" for line in lines]
    joined = "\n" + "\n".join(short).lower()
    parsed: dict[int, tuple[str, int | None]] = {}
    for m in chrome_rules().counter_start.finditer(joined):
        i = joined.count("\n", 0, m.start())
        if (item := counter_value(lines[i])) is not None:
            parsed[i] = item
        elif (" - " in lines[i] or " | " in lines[i] or " · " in lines[i]) and len(
                shared := _one_line_block(lines[i])) >= 2:
            # "Đang truy cập: 23 - Hôm nay: 1.502 - Tổng: 6.730.225": a block on one line
            used.add(i)
            for label, figure in shared:
                found.setdefault(label, figure)
    # A label's figure may stand on the line after it (a table of label and value cells:
    # "Hôm nay:" / "1.126"): for a visit label ("Số lượt truy cập"), or inside a block,
    # right after a heading or another counter. Not a bare "Tổng" alone, which heads a
    # table's totals as well.
    # A figure right under the heading is the total: counters drawn as digit images show
    # it there ("Lượt truy cập" / "2417385").
    # Some blocks print each figure before its label ("Thống kê truy cập" / "41" / "Đang
    # truy cập" / "1.532" / "Hôm nay" …): a heading, a figure, then a label says so.
    owner: dict[int, int] = {}  # line → the counter line it belongs to
    headed_total: int | None = None
    figures_first = False  # in the block of the last heading
    for i in sorted(parsed):
        field, number = parsed[i]
        owner[i] = i
        if field == "heading":
            figures_first = _figures_first(lines, parsed, i)
        if number is not None:
            continue
        if figures_first and field != "heading":
            before = _bare_figure(lines, i - 1)
            if before is not None and i - 1 not in parsed:
                parsed[i] = (field, before)
                owner[i - 1] = i
            continue
        after = None if i + 1 in parsed else _bare_figure(lines, i + 1)
        if after is None:
            continue
        if field == "heading":
            if not figures_first:
                headed_total = headed_total or after
                owner[i + 1] = i
        elif _VISITS.search(lines[i].lower()) or i - 1 in owner:
            parsed[i] = (field, after)
            owner[i + 1] = i
    for i, (field, number) in parsed.items():
        # One short line of another kind may stand inside a block ("Năm 2025: 2.903.118").
        in_block = (field == "heading" or i - 1 in owner or i + 1 in parsed
                    or owner.get(i + 1) == i
                    or (i - 2 in owner and len(lines[i - 1]) <= COUNTER_LINE_MAX_CHARS))
        if not in_block:
            continue
        used.add(i)
        used.update(j for j in (i - 1, i + 1) if owner.get(j) == i)
        if number is not None and field not in UNRECORDED:
            found.setdefault(field, number)
    if headed_total is not None:
        found.setdefault("total", headed_total)
    return found, used
