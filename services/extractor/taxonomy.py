"""Canonical indicator codes for what a quantity counts, from ``data/taxonomy.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from shared.wordlists import alternation

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.toml"


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _UnitTable:
    """The indicators a quantity in one unit may be, as bits over their words: testing
    ~25 indicators' words one substring at a time, for each of two or three contexts per
    quantity, cost more than the rest of the quantity's event."""

    words: re.Pattern[str]  # any word of these indicators (the longest one at a place)
    bits: dict[str, int]  # a word found -> the bits of every word it starts with
    rows: tuple[tuple[str, int, int], ...]  # (code, bits of `all`, bits of `any`), in order
    wordless: str | None  # the first that lists no words: all a context without any can be


@cache
def indicators() -> tuple[Indicator, ...]:
    data = tomllib.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return tuple(
        Indicator(d["code"], tuple(w.lower() for w in d.get("all", ())),
                  tuple(w.lower() for w in d.get("any", ())), tuple(d.get("units", ())))
        for d in data["indicator"])


@cache
def _for_unit(unit: str) -> _UnitTable:
    """The indicators a quantity in `unit` may be, in file order (the unit set is small,
    so this is built once per unit, not per text)."""
    candidates = [i for i in indicators()
                  if i.code != "other" and (not i.units or unit in i.units)]
    words = sorted({w for i in candidates for w in (*i.all, *i.any)})
    bit = {w: 1 << k for k, w in enumerate(words)}
    # The pattern finds the longest word at each place; the shorter ones it starts with
    # ("điện thoại" in "điện thoại thông minh") are there too.
    starts = {w: sum(bit.get(w[:k], 0) for k in range(1, len(w) + 1)) for w in words}
    rows = tuple((i.code, sum(bit[w] for w in i.all), sum(bit[w] for w in i.any))
                 for i in candidates)
    # ("(?!)" matches nowhere: an empty alternation would match everywhere.)
    wordless = next((code for code, needed, one_of in rows if not needed | one_of), None)
    return _UnitTable(re.compile(alternation(words) or "(?!)"), starts, rows, wordless)


def _words_in(lowered: str, table: _UnitTable) -> int:
    """The bits of the table's words that occur in `lowered`, anywhere (as substrings:
    "internet" in "thuê bao internet", overlapping ones too)."""
    present = 0
    found = table.words.search(lowered)
    while found:
        present |= table.bits[found.group()]
        found = table.words.search(lowered, found.start() + 1)
    return present


def classify(label: str, unit: str, clause: str, sentence: str = "") -> str:
    """The code of the first indicator whose `all` words all occur in the label and one
    of whose `any` words does (if it lists any), else in the clause around the figure,
    else in `sentence` — the caller passes the `;` clause the figure stands in ("xử phạt …
    23 trường hợp với tổng số tiền 187,5 triệu đồng": the fine's clause alone does not
    say what the money is). It is consulted only for money and rates, which name their
    measure once up front; counts in a long sentence would borrow a neighbour's indicator."""
    table = _for_unit(unit)
    # Each part lower-cased once and only when reached: most labels settle it alone.
    label = label.lower()
    code = _first_fitting(label, table) or _first_fitting(f"{label} {clause.lower()}", table)
    if not code and unit in ("VND", "USD", "EUR", "percent"):  # money and rates
        code = _first_fitting(f"{label} {sentence.lower()}", table)
    return code or "other"


def _first_fitting(lowered: str, table: _UnitTable) -> str | None:
    """The first indicator, in file order, whose words the lower-cased context has."""
    present = _words_in(lowered, table)
    if not present:
        return table.wordless  # (about half the labels: "tin", "bài", "lượt")
    for code, needed, one_of in table.rows:
        if present & needed == needed and (not one_of or present & one_of):
            return code
    return None
