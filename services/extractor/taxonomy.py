"""Canonical indicator codes for what a quantity counts, from ``data/taxonomy.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.toml"


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    units: tuple[str, ...] = ()

    def matches(self, context: str) -> bool:
        """Whether the lower-case `context` has the words (the unit is matched by
        `_for_unit`). Plain loops, not all()/any() over generators: this runs ~25
        times per quantity, and the generators cost 5x the word tests themselves."""
        for word in self.all:
            if word not in context:
                return False
        if not self.any:
            return True
        for word in self.any:
            if word in context:
                return True
        return False


@cache
def indicators() -> tuple[Indicator, ...]:
    data = tomllib.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return tuple(
        Indicator(d["code"], tuple(w.lower() for w in d.get("all", ())),
                  tuple(w.lower() for w in d.get("any", ())), tuple(d.get("units", ())))
        for d in data["indicator"])


@cache
def _for_unit(unit: str) -> tuple[Indicator, ...]:
    """The indicators a quantity in `unit` may be, in file order (the unit set is small,
    so this is cached once per unit, not per text)."""
    return tuple(i for i in indicators()
                 if i.code != "other" and (not i.units or unit in i.units))


def classify(label: str, unit: str, clause: str, sentence: str = "") -> str:
    """The code of the first indicator that fits the label, else the clause around the
    figure, else `sentence` — the caller passes the `;` clause the figure stands in
    ("xử phạt … 23 trường hợp với tổng số tiền 187,5 triệu đồng": the fine's clause
    alone does not say what the money is). It is consulted only for money and rates,
    which name their measure once up front; counts in a long sentence would borrow a
    neighbour's indicator."""
    candidates = _for_unit(unit)
    contexts = [label, f"{label} {clause}"]
    if unit in ("VND", "percent"):
        contexts.append(f"{label} {sentence}")
    for context in contexts:
        lowered = context.lower()  # only when reached: most labels settle it alone
        for indicator in candidates:
            if indicator.matches(lowered):
                return indicator.code
    return "other"
