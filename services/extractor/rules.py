"""The extractor's word lists, loaded once from ``data/rules.toml``.

The word patterns are lower-case and match the `fold`ed (lower-cased) text, not the
text itself: re's IGNORECASE turns off its fast paths for literal text (the quick
first-character test of each alternative), which made these lists 4x slower.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _lower(words: list[str]) -> list[str]:
    return [w.lower() for w in words]


def mentions(text: str, words: Iterable[str]) -> bool:
    """Whether `text` contains one of `words`: a cheap test before a pattern. (A plain
    loop: any() over a generator costs more than the substring tests themselves.)"""
    for word in words:
        if word in text:
            return True
    return False


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """`text` lower-cased with every offset kept, for the lower-case word patterns.
    (The one letter whose lower case is two characters, "İ", is left as it is.)

    Cached for the few sentences at hand: the quantity, period and growth readers each
    fold the same sentence in turn, and lower() of Vietnamese text costs about as much
    per character as a regex scan."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if c == "İ" else c.lower() for c in text)


@dataclass(frozen=True)
class Rules:
    unit_pattern: re.Pattern[str]
    unit_aliases: dict[str, str]
    qualifier_pattern: re.Pattern[str]
    qualifier_of: dict[str, str]
    vague_pattern: re.Pattern[str]
    vague_value: dict[str, float]
    money_cues: tuple[str, ...]
    targets: tuple[str, ...]
    currency_pattern: re.Pattern[str]
    exclude_before: re.Pattern[str]
    exclude_after: re.Pattern[str]  # matched at the end of the number
    target_pattern: re.Pattern[str]


@cache
def rules() -> Rules:
    data = tomllib.loads((DATA / "rules.toml").read_text(encoding="utf-8"))
    aliases = {u["noun"].lower(): u["as"] for u in data["unit"]}
    nouns = list(data["units"]["nouns"]) + list(aliases)
    qualifier_of = {w.lower(): kind for kind, words in data["qualifiers"].items() for w in words}
    vague = {k.lower(): float(v) for k, v in data["vague"].items()}
    return Rules(
        unit_pattern=re.compile(rf"\s*({_alternation(_lower(nouns))})(?![\wà-ỹ])"),
        unit_aliases=aliases,
        qualifier_pattern=re.compile(
            rf"(?:^|[\s(:,])({_alternation(list(qualifier_of))})"
            r"(?:\s+(?:đạt|tăng thêm|tăng|giảm|còn))?\s*:?\s*$"),
        qualifier_of=qualifier_of,
        vague_pattern=re.compile(rf"\b({_alternation(list(vague))})\s+"),
        vague_value=vague,
        money_cues=tuple(c.lower() for c in data["money"]["cues"]),
        targets=tuple(_lower(data["exclude"]["targets"])),
        currency_pattern=re.compile(
            rf"\s*({_alternation(data['money']['currency'])})(?![\wà-ỹ])"),
        exclude_before=re.compile(
            rf"(?:^|[\s(])({_alternation(_lower(data['exclude']['before']))})\s*:?\s*$"),
        exclude_after=re.compile(
            rf"\s*({_alternation(_lower(data['exclude']['after']))})(?![\wà-ỹ])"),
        target_pattern=re.compile(
            rf"(?<![\wà-ỹ])({_alternation(_lower(data['exclude']['targets']))})(?![\wà-ỹ])[^,;:]*$"),
    )
