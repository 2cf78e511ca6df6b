"""What a label says its bare figures count.

Reports print many figures without a noun after them: in a table ("Thuê bao di động
(thuê bao) | 3.450.000 | 3.512.846") and in labelled lines ("- Số hồ sơ tiếp nhận: 12.345",
"Doanh thu bưu chính (tỷ đồng): năm 2024: 812,5"). The label names the unit instead: in
brackets ("(tỷ đồng)", "(thuê bao)", "(%)", "(triệu USD)"), or as the counted noun it
opens with, maybe after a measure word ("Thuê bao băng rộng cố định", "Tổng số hồ sơ …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from services.extractor.numbers import SCALE_WORDS, SCALES
from services.extractor.rules import fold, rules

_BRACKET = re.compile(r"\(([^()]{1,30})\)")
_SCALE_WORD = re.compile(rf"({SCALE_WORDS})\s*")
_LAST_BRACKET = re.compile(r"\(((?:[a-zà-ỹđ]+ ?){1,3})\)\s*$")  # words in lower case only
_NOT_NAMES = ("Internet", "IPTV", "FTTH", "ADSL", "MyTV", "Wi-Fi", "Wifi", "WiFi")
_OPENING = re.compile(r"[\s\-–+•*·]*(?:trong đó\s*:?\s*)?(?:(?:tổng số|số lượng|số)\s+)?")


@dataclass(frozen=True, slots=True)
class LabelUnit:
    """The unit a label gives its figures, and the factor of its scale word."""

    unit: str
    factor: float
    money: bool


def label_unit(label: str) -> LabelUnit | None:
    """The unit `label` names for its figures, or None (a name such as "Sở Xây dựng",
    "Công an tỉnh" counts nothing)."""
    if found := bracket_unit(label):
        return found
    lowered = fold(label)
    opening = _OPENING.match(lowered)
    noun = rules().unit_pattern.match(lowered, opening.end() if opening else 0)
    if noun is None or _names_a_place(label, noun.end()):
        return None
    return LabelUnit(rules().unit_aliases.get(noun[1], noun[1]), 1.0, False)


def bracket_unit(label: str) -> LabelUnit | None:
    """The unit a bracket of `label` names: "(tỷ đồng)", "(%)", "(thuê bao)", and at its
    end any noun in lower case ("Khách hàng mở tài khoản (khách hàng)")."""
    lowered = fold(label)
    for bracket in _BRACKET.finditer(lowered):
        if found := unit_in(bracket[1].strip()):
            return found
    if last := _LAST_BRACKET.search(label):
        return LabelUnit(last[1], 1.0, False)
    return None


def unit_in(text: str) -> LabelUnit | None:
    """The unit a bracket or a unit cell holds (folded): "%", "tỷ đồng", "triệu usd",
    "thuê bao", "người"; None for anything else."""
    r = rules()
    if text == "%":
        return LabelUnit("percent", 1.0, False)
    scale = _SCALE_WORD.match(text)
    factor = SCALES[" ".join(scale[1].split())] if scale else 1.0
    rest = text[scale.end():] if scale else text
    if r.currency_pattern.fullmatch(rest) or (scale and not rest):
        return LabelUnit("VND", factor, True)
    if foreign := _foreign().get(rest):
        return LabelUnit(foreign, factor, True)
    if noun := r.unit_pattern.fullmatch(rest):
        return LabelUnit(r.unit_aliases.get(noun[1], noun[1]), factor, False)
    return None


@cache
def _foreign() -> dict[str, str]:
    """Other currencies by their lower-case names ("usd", "đô la mỹ")."""
    return {name.lower(): code for name, code in rules().foreign_of.items()}


def _names_a_place(label: str, end: int) -> bool:
    """Whether the noun ending at `end` opens a proper name ("Sở Xây dựng", "Huyện Tiên
    Yên"): a capitalised word follows it, other than a service's ("Thuê bao Internet")."""
    rest = label[end:].lstrip()
    return rest[:1].isupper() and not rest.startswith(_NOT_NAMES)
