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

    def matches(self, context: str, unit: str) -> bool:
        if self.units and unit not in self.units:
            return False
        if not all(word in context for word in self.all):
            return False
        return not self.any or any(word in context for word in self.any)


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
    figure, else the whole sentence ("xử phạt … 23 trường hợp với tổng số tiền 187,5
    triệu đồng": the fine's clause alone does not say what the money is). The sentence
    is consulted only for money and rates, which name their measure once up front;
    counts in a long sentence would borrow a neighbour's indicator."""
    candidates = _for_unit(unit)
    contexts = [label.lower(), f"{label} {clause}".lower()]
    if unit in ("VND", "percent"):
        contexts.append(f"{label} {sentence}".lower())
    for context in contexts:
        for indicator in candidates:
            if indicator.matches(context, unit):
                return indicator.code
    return "other"
