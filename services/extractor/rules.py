"""The extractor's word lists, loaded once from ``data/rules.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    unit_pattern: re.Pattern[str]
    unit_aliases: dict[str, str]
    qualifier_pattern: re.Pattern[str]
    qualifier_of: dict[str, str]
    vague_pattern: re.Pattern[str]
    vague_value: dict[str, float]
    money_cues: tuple[str, ...]
    currency_pattern: re.Pattern[str]
    exclude_before: re.Pattern[str]
    exclude_after: re.Pattern[str]
    target_pattern: re.Pattern[str]


@cache
def rules() -> Rules:
    data = tomllib.loads((DATA / "rules.toml").read_text(encoding="utf-8"))
    aliases = {u["noun"].lower(): u["as"] for u in data["unit"]}
    nouns = list(data["units"]["nouns"]) + list(aliases)
    qualifier_of = {w.lower(): kind for kind, words in data["qualifiers"].items() for w in words}
    vague = {k.lower(): float(v) for k, v in data["vague"].items()}
    return Rules(
        unit_pattern=re.compile(rf"\s*({_alternation(nouns)})(?![\wà-ỹ])", re.IGNORECASE),
        unit_aliases=aliases,
        qualifier_pattern=re.compile(
            rf"(?:^|[\s(:,])({_alternation(list(qualifier_of))})"
            r"(?:\s+(?:đạt|tăng thêm|tăng|giảm|còn))?\s*:?\s*$",
            re.IGNORECASE),
        qualifier_of=qualifier_of,
        vague_pattern=re.compile(rf"\b({_alternation(list(vague))})\s+", re.IGNORECASE),
        vague_value=vague,
        money_cues=tuple(c.lower() for c in data["money"]["cues"]),
        currency_pattern=re.compile(
            rf"\s*({_alternation(data['money']['currency'])})(?![\wà-ỹ])"),
        exclude_before=re.compile(
            rf"(?:^|[\s(])({_alternation(data['exclude']['before'])})\s*:?\s*$", re.IGNORECASE),
        exclude_after=re.compile(
            rf"^\s*({_alternation(data['exclude']['after'])})(?![\wà-ỹ])", re.IGNORECASE),
        target_pattern=re.compile(
            rf"(?<![\wà-ỹ])({_alternation(data['exclude']['targets'])})(?![\wà-ỹ])[^,;:]*$",
            re.IGNORECASE),
    )
