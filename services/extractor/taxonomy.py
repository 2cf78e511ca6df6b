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

    def fits(self, present: set[str]) -> bool:
        """Whether a context holding the taxonomy words `present` (and nothing else
        from the taxonomy) is about this indicator; the unit is checked by `_for_unit`."""
        return present.issuperset(self.all) and (not self.any or not present.isdisjoint(self.any))


@cache
def indicators() -> tuple[Indicator, ...]:
    data = tomllib.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return tuple(
        Indicator(d["code"], tuple(w.lower() for w in d.get("all", ())),
                  tuple(w.lower() for w in d.get("any", ())), tuple(d.get("units", ())))
        for d in data["indicator"])


@cache
def _for_unit(unit: str) -> tuple[tuple[Indicator, ...], tuple[str, ...]]:
    """The indicators a quantity in `unit` may be, in file order, and the words they
    look for (the unit set is small, so this is cached once per unit, not per text)."""
    candidates = tuple(i for i in indicators()
                       if i.code != "other" and (not i.units or unit in i.units))
    words = {w for i in candidates for w in (*i.all, *i.any)}
    return candidates, tuple(sorted(words))


def classify(label: str, unit: str, clause: str, sentence: str = "") -> str:
    """The code of the first indicator that fits the label, else the clause around the
    figure, else the whole sentence ("xử phạt … 23 trường hợp với tổng số tiền 187,5
    triệu đồng": the fine's clause alone does not say what the money is). The sentence
    is consulted only for money and rates, which name their measure once up front;
    counts in a long sentence would borrow a neighbour's indicator."""
    candidates, words = _for_unit(unit)
    contexts = [label.lower(), f"{label} {clause}".lower()]
    if unit in ("VND", "percent"):
        contexts.append(f"{label} {sentence}".lower())
    for context in contexts:
        # One pass over the words, then set tests per indicator: far cheaper than
        # scanning the context again for every indicator's words.
        present = set(filter(context.__contains__, words))
        for indicator in candidates:
            if indicator.fits(present):
                return indicator.code
    return "other"
