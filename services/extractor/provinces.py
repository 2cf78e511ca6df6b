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
    names = sorted(canonical, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\wà-ỹ])({alternation})(?![\wà-ỹ])"), canonical


def find_province(title: str, text: str) -> str | None:
    """The province named most often in title and text (the title breaks ties)."""
    pattern, canonical = _pattern()
    counts = Counter(canonical[m[1]] for m in pattern.finditer(f"{title}\n{text}"))
    if not counts:
        return None
    in_title = {canonical[m[1]] for m in pattern.finditer(title)}
    return max(counts, key=lambda name: (counts[name], name in in_title))
