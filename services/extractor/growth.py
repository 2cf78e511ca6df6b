"""Growth statements: "tăng 17,36% … so với cùng kỳ năm 2021", "tăng 1,86 lần", "ước giảm".

A growth percentage is a quantity of its own (unit ``percent``) and its change is also
attached to the level it qualifies. Which level: the one it stands in brackets after
("94,3 % (tăng 104% …)"), the one it stands in brackets before ("tăng trưởng 299% (đạt
gần 500.000 chữ ký)"), the matching member of a list of levels ("343.092 …, 340.758 …;
288.735 … tăng 17,36% …, 17,18 % …, 8,69 % …"), or the level just before it.
"""

from __future__ import annotations

import re

from services.extractor.numbers import parse_number
from services.extractor.quantities import Quantity, comparative
from services.extractor.rules import fold
from shared.records import Change, Direction

# The patterns are lower-case and run on the folded sentence (see rules.py: re's
# IGNORECASE is several times slower on literal words).
_VERBS = ("tăng trưởng", "tăng", "giảm")
_VERB_ADVERBS = ("thêm", "khoảng", "hơn", "gần", "được")
_VERB_BEFORE = re.compile(
    rf"({'|'.join(_VERBS)})(?:\s+(?:{'|'.join(_VERB_ADVERBS)}))?\s*$")
_BASELINE = re.compile(r"so với\s+([^,.;()…]+?)\s*(?=[,.;()…]|$)")
# "tăng 1,86 lần", "tăng gấp 2 lần", and a bare "gấp 1,5 lần năm 2021" (an increase).
_FACTOR = re.compile(
    r"(?:(?P<verb>tăng|giảm)\s+(?:gấp\s+)?|gấp\s+)(?P<factor>\d+(?:,\d+)?)\s+lần")
_BARE_CHANGE = re.compile(r"\s*,?\s*\(?\s*(tăng|giảm)\s+so với")
_OTHER_VERB = re.compile(r"\b(tăng|giảm|đạt|là|chiếm)\b")


def _direction(verb: str) -> Direction:
    return "decrease" if verb.lower().startswith("giảm") else "increase"


def _verb_before(before: str) -> re.Match[str] | None:
    """The verb ending `before` ("tăng", "giảm thêm"). The pattern is anchored at the end
    but re tries it from every "t" and "g": the words' endswith test decides first."""
    if not before.rstrip().endswith((*_VERBS, *_VERB_ADVERBS)):
        return None
    return _VERB_BEFORE.search(before)


def _direction_before(before: str) -> Direction | None:
    """The direction of the growth verb ending `before` ("tăng", "giảm thêm") or of the
    comparison it ends with ("thấp hơn 13% so với cùng kỳ": 13% lower)."""
    if verb := _verb_before(before):
        return _direction(verb[1])
    tail = before.rstrip()
    return comparative(tail[:-4]) if tail.endswith(" hơn") else None


def _baseline(sentence: str, lowered: str, after: int) -> str | None:
    match = _BASELINE.search(lowered, after) or _BASELINE.search(lowered)
    return sentence[match.start(1):match.end(1)].strip() if match else None


def find_changes(sentence: str, quantities: list[Quantity]) -> dict[int, Change]:
    """Change records for the quantities of one sentence (index → Change)."""
    changes: dict[int, Change] = {}
    growth_idx: list[int] = []
    lowered = fold(sentence)
    for i, q in enumerate(quantities):
        before = lowered[quantities[i - 1].end if i else 0: q.start]
        direction = _direction_before(before)
        if q.unit == "percent" and direction:
            growth_idx.append(i)
            changes[i] = Change(direction, q.value, None, _baseline(sentence, lowered, q.end))
        elif (q.unit == "percent" and growth_idx and growth_idx[-1] == i - 1
              and not _OTHER_VERB.search(before)):
            prev = changes[i - 1]  # a list of growth rates: "17,36% …, 17,18 % …"
            growth_idx.append(i)
            changes[i] = Change(prev.direction, q.value, None,
                                _baseline(sentence, lowered, q.end))
        elif direction and q.unit != "percent":  # "ước giảm 14.500 thuê bao"
            changes[i] = Change(direction, None, None, None)
        elif bare := _BARE_CHANGE.match(lowered, q.end):  # "838 tỷ đồng, tăng so với …"
            changes[i] = Change(_direction(bare[1]), None, None,
                                _baseline(sentence, lowered, q.end))
    _attach_to_levels(sentence, quantities, growth_idx, changes)
    _attach_factors(sentence, lowered, quantities, changes)
    return changes


def _attach_to_levels(sentence: str, quantities: list[Quantity], growth_idx: list[int],
                      changes: dict[int, Change]) -> None:
    if not growth_idx:
        return  # most sentences state no growth rate
    levels = [i for i in range(len(quantities)) if i not in growth_idx]
    runs: list[list[int]] = []
    for i in growth_idx:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first = run[0]
        before = [i for i in levels if i < first and i not in changes]
        after = [i for i in levels if i > run[-1]]
        gap_after = sentence[quantities[run[-1]].end: quantities[after[0]].start] if after else ""
        if len(run) == 1 and after and re.search(r"\(\s*(?:đạt|với|lên|là)?\s*[^\d()]*$",
                                                   gap_after) and "(" in gap_after:
            changes[after[0]] = changes[first]  # "tăng trưởng 299% (đạt gần 500.000 chữ ký)"
        elif len(run) > 1 and len(before) >= len(run):
            for level, growth in zip(before[-len(run):], run, strict=True):
                changes[level] = changes[growth]
        elif before and before[-1] == first - 1:
            changes[before[-1]] = changes[first]


def _attach_factors(sentence: str, lowered: str, quantities: list[Quantity],
                    changes: dict[int, Change]) -> None:
    if "lần" not in sentence and "LẦN" not in sentence:
        return  # most sentences state no factor; skip the scan
    for m in _FACTOR.finditer(lowered):
        owners = [i for i, q in enumerate(quantities) if q.end <= m.start()]
        if owners and owners[-1] not in changes:
            changes[owners[-1]] = Change(_direction(m["verb"] or "gấp"), None,
                                         parse_number(m["factor"]),
                                         _baseline(sentence, lowered, m.end()))
