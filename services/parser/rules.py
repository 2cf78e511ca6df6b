"""The parser's chrome rules, loaded once from ``data/chrome.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from shared.wordlists import alternation

DATA = Path(__file__).parent / "data"
FLOATING_MAX_CHARS = 300
SEEN_NAMES_MAX = 50_000  # class/id names whose answer is remembered


@dataclass(frozen=True)
class Anywhere:
    """Chrome that may sit anywhere in a short line: one of `words` is in the lowercased
    line and `pattern`, if any, is found in it. The words are a substring test each; a
    regex search alone would try every alternative at every position of every line
    (~5 µs per 100 characters)."""

    words: tuple[str, ...]
    pattern: re.Pattern[str] | None

    def found(self, lowered: str) -> bool:
        for word in self.words:  # a loop, not any(…): no generator per line
            if word in lowered:
                return self.pattern is None or self.pattern.search(lowered) is not None
        return False


@dataclass(frozen=True)
class LineShapes:
    """Whole-line patterns in one case-insensitive alternation (one C-level match per
    line, which fails within the first characters of prose), and `Anywhere` shapes for
    lines of up to FLOATING_MAX_CHARS characters."""

    anchored: re.Pattern[str]
    anywhere: tuple[Anywhere, ...]

    @classmethod
    def of(cls, patterns: list[str], anywhere: list[dict]) -> LineShapes:
        return cls(
            re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE),
            tuple(Anywhere(tuple(a["words"]), re.compile(a["pattern"]) if "pattern" in a
                           else None) for a in anywhere))

    def matches(self, line: str) -> bool:
        # A line longer than FLOATING_MAX_CHARS is a paragraph: a phone number or an
        # e-mail address inside it is content ("liên hệ số điện thoại: …"), not a footer.
        if self.anchored.match(line):
            return True
        if len(line) > FLOATING_MAX_CHARS:
            return False
        lowered = line.lower()
        for shape in self.anywhere:
            if shape.found(lowered):
                return True
        return False


_NOT_LETTERS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha()})


@dataclass(frozen=True)
class ChromeNames:
    """Chrome words in class/id names ("main-menu", "sidebar_2", "footerLinks" is not
    one): a word with no a-z letter on either side. For an ASCII name that is a word of
    its letters-only split; a set lookup per name instead of a regex search (which tried
    every alternative at every position: ~1 ms for the 400 names of a Liferay page).
    Answers are remembered: a portal repeats its class names on every page."""

    pattern: re.Pattern[str]
    single: frozenset[str]
    hyphenated: re.Pattern[str]
    seen: dict[str, bool] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, words: list[str]) -> ChromeNames:
        names = "|".join(re.escape(w.lower()) for w in words)
        hyphenated = "|".join(re.escape(w.lower()) for w in words if not w.isalpha())
        return cls(re.compile(rf"(?<![a-z])({names})(?![a-z])"),
                   frozenset(w.lower() for w in words if w.isalpha()),
                   re.compile(hyphenated or "(?!)"))

    def match(self, names: str) -> bool:
        known = self.seen.get(names)
        if known is None:
            if len(self.seen) >= SEEN_NAMES_MAX:
                self.seen.clear()
            known = self.seen[names] = self._match(names.lower())
        return known

    def _match(self, lowered: str) -> bool:
        if lowered.isascii() and self.hyphenated.search(lowered) is None:
            return not self.single.isdisjoint(lowered.translate(_NOT_LETTERS).split())
        return self.pattern.search(lowered) is not None


@dataclass(frozen=True)
class ChromeRules:
    widget_lines: frozenset[str]
    tail_headings: frozenset[str]
    line_shapes: LineShapes
    widget_phrase: re.Pattern[str]
    footer_shapes: LineShapes
    counter_line: re.Pattern[str]
    counter_figure_first: re.Pattern[str]
    counter_start: re.Pattern[str]
    counter_field: dict[str, str]
    counter_headings: frozenset[str]
    drop_tags: frozenset[str]
    chrome_names: ChromeNames
    error_titles: tuple[str, ...]
    read_more: frozenset[str]
    results_count: re.Pattern[str]
    stopwords: frozenset[str]


@cache
def chrome_rules() -> ChromeRules:
    data = tomllib.loads((DATA / "chrome.toml").read_text(encoding="utf-8"))
    patterns: list[str] = data["line_patterns"]
    footer: list[str] = data["footer_patterns"]
    anywhere: list[dict] = data["anywhere"]
    labels = sorted(data["counter_labels"], key=len, reverse=True)
    label_words = "|".join(re.escape(label.lower()) for label in labels)
    headings = "|".join(re.escape(h.lower()) for h in data["counter_headings"]["names"])
    units = "|".join(re.escape(u) for u in sorted(data["counter_headings"]["units"], key=len,
                                                   reverse=True))
    stopwords = (DATA / "stopwords_vi.txt").read_text(encoding="utf-8").split("\n")
    return ChromeRules(
        widget_lines=frozenset(w.lower() for w in data["widget_lines"]),
        tail_headings=frozenset(w.lower() for w in data["tail_headings"]),
        line_shapes=LineShapes.of(patterns + footer, anywhere),
        widget_phrase=re.compile(alternation([w.lower() for w in data["widget_lines"]])),
        # The footer starts at the first copyright, phone, e-mail or address line.
        footer_shapes=LineShapes.of(footer, [a for a in anywhere if a.get("footer")]),
        # Matched against the lowercased line (a case-insensitive alternation costs more).
        # The label may be followed by dot leaders ("Hôm nay ........ 1.204"), and the
        # figure by a unit word and a split in brackets ("12 (Khách: 11, Thành viên: 1)").
        counter_line=re.compile(
            rf"^[•·\-*+\s]*({label_words})\s*[:：.…]*\s*(\d[\d.,\s\u00a0]*)?"
            rf"(?:\s*(?:{units}))?(?:\s*\([^()]*\))?$"),
        # …or its figure first: "18.450 hôm nay".
        counter_figure_first=re.compile(
            rf"^[•·\-*+\s]*(?:hiện có\s+)?(\d[\d.,]*)\s+({label_words})$"),
        # Lines that may be counter lines or headings, found in all of a page's lines
        # (each after a "\n", lowercased) by one search: each starts with a label or
        # heading. The leading "\n" lets the search jump from line to line.
        counter_start=re.compile(rf"\n(?:[•·\-*+]|[^\S\n])*(?:{label_words}|{headings}"
                                 rf"|(?:hiện có )?\d[\d.,]* (?:{label_words})(?=\n|$))"),
        counter_field={k.lower(): v for k, v in data["counter_labels"].items()},
        counter_headings=frozenset(h.lower() for h in data["counter_headings"]["names"]),
        drop_tags=frozenset(data["html"]["drop_tags"]),
        chrome_names=ChromeNames.of(data["html"]["chrome_words"]),
        error_titles=tuple(data["html"]["error_titles"]),
        read_more=frozenset(w.lower() for w in data["read_more"]),
        results_count=re.compile("|".join(f"(?:{p})" for p in data["results_count"]),
                                 re.IGNORECASE),
        stopwords=frozenset(w.strip() for w in stopwords if w.strip()),
    )
