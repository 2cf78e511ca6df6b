"""The parser's chrome rules, loaded once from ``data/chrome.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
FLOATING_MAX_CHARS = 300


@dataclass(frozen=True)
class LineShapes:
    """Whole-line patterns as regexes: anchored ones in one case-insensitive alternation
    (one C-level match per line, which fails at the first characters of prose), and those
    written ``^.*X…`` as searches for ``X…`` — the same lines, without backtracking
    through every position of a long paragraph. The searches run on the lowercased line
    without IGNORECASE: a case-insensitive search tests every position of the line for
    every alternative (~4 µs per 100 characters and pattern), a case-sensitive one skips
    to the positions where an alternative can start."""

    anchored: re.Pattern[str]
    floating: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, patterns: list[str]) -> LineShapes:
        anchored = [p for p in patterns if not p.startswith("^.*")]
        return cls(
            re.compile("|".join(f"(?:{p})" for p in anchored) or "(?!)", re.IGNORECASE),
            tuple(re.compile(p[3:]) for p in patterns if p.startswith("^.*")))

    def matches(self, line: str) -> bool:
        # A line longer than FLOATING_MAX_CHARS is a paragraph: a phone number or an
        # e-mail address inside it is content ("liên hệ số điện thoại: …"), not a footer.
        if self.anchored.match(line):
            return True
        if len(line) > FLOATING_MAX_CHARS:
            return False
        lowered = line.lower()
        return any(p.search(lowered) for p in self.floating)


@dataclass(frozen=True)
class ChromeRules:
    widget_lines: frozenset[str]
    tail_headings: frozenset[str]
    line_shapes: LineShapes
    widget_phrase: re.Pattern[str]
    footer_shapes: LineShapes
    counter_line: re.Pattern[str]
    counter_field: dict[str, str]
    counter_headings: frozenset[str]
    drop_tags: tuple[str, ...]
    chrome_class: re.Pattern[str]
    error_titles: tuple[str, ...]
    stopwords: frozenset[str]


@cache
def chrome_rules() -> ChromeRules:
    data = tomllib.loads((DATA / "chrome.toml").read_text(encoding="utf-8"))
    patterns: list[str] = data["line_patterns"]
    labels = sorted(data["counter_labels"], key=len, reverse=True)
    alternation = "|".join(re.escape(label) for label in labels)
    words = "|".join(re.escape(w) for w in data["html"]["chrome_words"])
    stopwords = (DATA / "stopwords_vi.txt").read_text(encoding="utf-8").split("\n")
    return ChromeRules(
        widget_lines=frozenset(w.lower() for w in data["widget_lines"]),
        tail_headings=frozenset(w.lower() for w in data["tail_headings"]),
        line_shapes=LineShapes.of(patterns),
        widget_phrase=re.compile("|".join(
            re.escape(w.lower()) for w in sorted(data["widget_lines"], key=len, reverse=True))),
        # The footer starts at the first copyright, phone, e-mail or address line.
        footer_shapes=LineShapes.of([
            p for p in patterns
            if any(k in p for k in ("©", "điện thoại", "mail", "địa chỉ"))]),
        counter_line=re.compile(
            rf"^[•·\-*+\s]*({alternation})\s*[:：]?\s*(\d[\d.,\s\u00a0]*)?$", re.IGNORECASE),
        counter_field={k.lower(): v for k, v in data["counter_labels"].items()},
        counter_headings=frozenset(h.lower() for h in data["counter_headings"]["names"]),
        drop_tags=tuple(data["html"]["drop_tags"]),
        chrome_class=re.compile(rf"(?<![a-z])({words})(?![a-z])", re.IGNORECASE),
        error_titles=tuple(data["html"]["error_titles"]),
        stopwords=frozenset(w.strip() for w in stopwords if w.strip()),
    )
