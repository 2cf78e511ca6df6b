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

from shared.records import Direction
from shared.wordlists import alternation

DATA = Path(__file__).parent / "data"


def _not_after(words: list[str]) -> str:
    """Look-behinds refusing an exclusion word right after one of `words` ("vượt mức 7
    chỉ tiêu" exceeds seven targets; "mức 7" alone is a service level)."""
    return "".join(f"(?<!{re.escape(w)} )" for w in words)


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


# The verbs a hedge may come with right before the figure ("ước đạt", "khoảng là").
_HEDGE_VERBS = ("đạt", "tăng thêm", "tăng", "giảm", "còn", "là")


@dataclass(frozen=True)
class Rules:
    unit_pattern: re.Pattern[str]
    noun_before: re.Pattern[str]
    unit_aliases: dict[str, str]
    qualifier_pattern: re.Pattern[str]
    qualifier_words: tuple[str, ...]  # the hedges a qualifier_pattern match ends with
    hedge_verbs: tuple[str, ...]  # or one of these after the hedge
    hedge_fillers: tuple[str, ...]  # and maybe one of these before the figure
    qualifier_of: dict[str, str]
    comparatives: dict[str, Direction]  # word before "hơn" → the direction it compares in
    vague_pattern: re.Pattern[str]
    vague_value: dict[str, float]
    money_cues: tuple[str, ...]
    targets: tuple[str, ...]
    currency_pattern: re.Pattern[str]
    foreign_pattern: re.Pattern[str]  # other currencies, each the key of `foreign_of`
    foreign_of: dict[str, str]
    exclude_before: re.Pattern[str]
    exclude_before_ends: tuple[str, ...]  # what an exclude_before match can end with
    exclude_after: re.Pattern[str]  # matched at the end of the number
    target_pattern: re.Pattern[str]
    measure_pattern: re.Pattern[str]  # "số hồ sơ": group 1 the counted noun
    measure_verbs: tuple[str, ...]
    measure_ends: tuple[str, ...]  # what the text before such a figure can end with
    fallback_cues: tuple[str, ...]  # before a count of an unlisted noun (with the hedges)
    fallback_stop: frozenset[str]  # words that end its noun phrase
    fallback_not_first: frozenset[str]  # first words that make it no count


@cache
def rules() -> Rules:
    data = tomllib.loads((DATA / "rules.toml").read_text(encoding="utf-8"))
    aliases = {u["noun"].lower(): u["as"] for u in data["unit"]}
    nouns = list(data["units"]["nouns"]) + list(aliases)
    fillers = _lower(data["qualifiers"].pop("fillers"))
    comparatives = data["qualifiers"].pop("comparatives")
    qualifier_of = {w.lower(): kind for kind, words in data["qualifiers"].items() for w in words}
    vague = {k.lower(): float(v) for k, v in data["vague"].items()}
    return Rules(
        unit_pattern=re.compile(rf"\s*({alternation(_lower(nouns))})(?![\wà-ỹ])"),
        noun_before=re.compile(rf"(?<![\wà-ỹ])({alternation(_lower(nouns))})\s*$"),
        unit_aliases=aliases,
        # The hedge, then maybe a verb and a filler, right before the figure; an estimate
        # may name its year first ("ước thực hiện năm 2021 là 1.204.330 bưu gửi", "ước 9
        # tháng đầu năm 2019 là 2.620 tỷ đồng").
        qualifier_pattern=re.compile(
            rf"(?:^|[\s(:,])(?:({alternation(list(qualifier_of))})|"
            rf"({alternation(_lower(data['qualifiers']['estimate']))})\s+"
            rf"(?:cả\s+năm(?:\s+(?:19|20)\d\d)?|(?:\d{{1,2}}\s+tháng(?:\s+đầu)?\s+)?"
            rf"năm\s+(?:19|20)\d\d))"
            rf"(?:\s+(?:{'|'.join(_HEDGE_VERBS)}))?(?:\s+(?:{alternation(fillers)}))?\s*:?\s*$"),
        qualifier_words=tuple(qualifier_of),
        hedge_verbs=_HEDGE_VERBS,
        hedge_fillers=tuple(fillers),
        qualifier_of=qualifier_of,
        comparatives=comparatives,
        vague_pattern=re.compile(rf"\b({alternation(list(vague))})\s+"),
        vague_value=vague,
        money_cues=tuple(c.lower() for c in data["money"]["cues"]),
        targets=tuple(_lower(data["exclude"]["targets"])),
        currency_pattern=re.compile(
            rf"\s*({alternation(data['money']['currency'])})(?![\wà-ỹ])"),
        foreign_pattern=re.compile(
            rf"\s*({alternation(list(data['money']['foreign']))})(?![\wà-ỹ])"),
        foreign_of=dict(data["money"]["foreign"]),
        exclude_before=re.compile(
            rf"(?:^|[\s(]){_not_after(_lower(data['exclude']['not_after']))}"
            rf"({alternation(_lower(data['exclude']['before']))})\s*$"),
        exclude_before_ends=tuple(_lower(data["exclude"]["before"])),
        exclude_after=re.compile(
            rf"\s*({alternation(_lower(data['exclude']['after']))})(?![\wà-ỹ])"),
        # The cue's clause runs to the figure; a colon right after the cue ("Mục tiêu:
        # 80% …") or a comma closing its deadline ("Phấn đấu đến năm 2025, 80% …",
        # "… giai đoạn 2021-2025, …") does not end it. "Thực hiện mục tiêu năm 2023, Sở
        # đã cấp 12 giấy phép" (no deadline) reports results, and so does a cue counted
        # ("1/17 mục tiêu mới đạt trên 85%", "đạt 12 mục tiêu đề ra và 90% …").
        measure_pattern=re.compile(
            rf"(?<![\wà-ỹ]){_not_after(_lower(data['measure']['not_after']))}"
            rf"(?:{alternation(_lower(data['measure']['heads']))})"
            rf"\s+({alternation(_lower(nouns))})(?![\wà-ỹ])"),
        measure_verbs=tuple(_lower(data["measure"]["verbs"])),
        measure_ends=tuple(_lower(data["measure"]["verbs"])) + tuple(qualifier_of),
        fallback_cues=tuple(_lower(data["fallback"]["cues"])) + tuple(qualifier_of),
        fallback_stop=frozenset(_lower(data["fallback"]["stop"])),
        fallback_not_first=frozenset(_lower(data["fallback"]["not_first"])),
        target_pattern=re.compile(
            rf"(?<![\wà-ỹ])(?<!\d )({alternation(_lower(data['exclude']['targets']))})"
            r"(?![\wà-ỹ])\s*:?"
            r"(?:\s+(?:từ nay\s+)?(?:(?:đến|tới)(?:\s+hết)?\s+năm\s+(?:19|20)\d\d"
            r"|giai đoạn\s+[\d\s\-–]+?)\s*,)?[^,;:]*$"),
    )
