"""Which province an article is about, when the portal registry does not say."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

PROVINCES_FILE = Path(__file__).parent / "data" / "provinces.toml"


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    data = tomllib.loads(PROVINCES_FILE.read_text(encoding="utf-8"))
    canonical = {n: n for n in data["names"]} | dict(data["aliases"])
    # The names are grouped by first letter, and each group opens on its letter and looks
    # behind only from there (as `numbers.NUMBER` does): re then skips ahead to the few
    # letters a name starts with instead of trying all names at every position (7x faster).
    by_letter: dict[str, list[str]] = {}
    for name in sorted(canonical, key=len, reverse=True):
        by_letter.setdefault(name[0], []).append(name)
    alternation = "|".join(
        rf"{re.escape(letter)}(?<![\wà-ỹ].)(?:{'|'.join(re.escape(n[1:]) for n in names)})"
        for letter, names in by_letter.items())
    return re.compile(rf"({alternation})(?![\wà-ỹ])"), canonical


def find_province(title: str, text: str) -> str | None:
    """The province named most often in title and text (the title breaks ties)."""
    pattern, canonical = _pattern()
    counts = Counter(canonical[m[1]] for m in pattern.finditer(f"{title}\n{text}"))
    if not counts:
        return None
    in_title = {canonical[m[1]] for m in pattern.finditer(title)}
    return max(counts, key=lambda name: (counts[name], name in in_title))
