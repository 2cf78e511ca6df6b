"""Scoring of the extractor against hand annotation: the development seeds
(tests/fixtures/seeds/gold) and the held-out set of other portals
(tests/fixtures/heldout/gold, never used to write rules)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from services.extractor import extract
from shared.records import Article, MetricEvent, stable_id

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"


def names_in(root: Path, batches: tuple[str, ...] | None = None) -> list[str]:
    """The gold files under `root`; with `batches`, only those of these held-out batches
    (each batch has its own quality floor until its misses are read)."""
    paths = sorted((root / "gold").glob("*.json"))
    if batches is None:
        return [p.stem for p in paths]
    return [p.stem for p in paths if json.loads(p.read_text())["batch"] in batches]


def seed_article(name: str, root: Path = SEEDS) -> tuple[Article, dict]:
    gold = json.loads((root / "gold" / f"{name}.json").read_text())
    published = None
    if gold["published"]:
        day = dt.date.fromisoformat(gold["published"])
        published = dt.datetime(day.year, day.month, day.day, 3, tzinfo=dt.UTC)
    text = (root / f"{name}.txt").read_text()
    article = Article(article_id=stable_id(name), url=f"https://example.vn/{name}",
                      portal_id="seed", province=None, title=gold["title"], text=text,
                      published_at=published, author=None, content_sha256="",
                      fetched_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                      parsed_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), parser_version="test")
    return article, gold


def matches(event: MetricEvent, text: str, metric: dict) -> bool:
    """Same value, the gold unit or a span inside the gold text, and at the place the gold
    text stands (any of its places if it occurs more than once): one event cannot answer
    for two metrics of equal value in different sentences."""
    raw_number = metric["raw"]
    written = text[event.span_start:event.span_end]
    same_value = abs(event.value - float(metric["value"])) < 1e-6 * max(1.0, metric["value"])
    if not same_value or not (event.unit == metric["unit"] or written in raw_number
                              or raw_number.startswith(written)):
        return False
    places = _places(text, raw_number)
    return not places or any(event.span_start < end and start < event.span_end
                             for start, end in places)


def _places(text: str, raw: str) -> list[tuple[int, int]]:
    out, at = [], text.find(raw)
    while at >= 0:
        out.append((at, at + len(raw)))
        at = text.find(raw, at + 1)
    return out


@dataclass
class Score:
    emitted: int
    correct: int
    core: int
    found_core: int
    period_ok: int
    unit_ok: int = 0
    qualifier_ok: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.emitted if self.emitted else 1.0

    @property
    def recall(self) -> float:
        return self.found_core / self.core if self.core else 1.0

    @property
    def period_accuracy(self) -> float:
        return self.period_ok / self.found_core if self.found_core else 1.0

    @property
    def unit_accuracy(self) -> float:
        """Of the core metrics found (by value), the share with the gold unit exactly."""
        return self.unit_ok / self.found_core if self.found_core else 1.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_ok / self.found_core if self.found_core else 1.0


def period_of(event: MetricEvent) -> str | None:
    s, e = event.period_start, event.period_end
    if s is None or e is None:
        return None
    if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year:
        return str(s.year)
    if s.month == 1 and s.day == 1 and e.month == 6 and e.day == 30 and s.year == e.year:
        return f"{s.year}-H1"
    return f"{s.isoformat()}/{e.isoformat()}"


def score(names: list[str], root: Path = SEEDS) -> Score:
    total = Score(0, 0, 0, 0, 0)
    for name in names:
        article, gold = seed_article(name, root)
        events = extract(article)
        metrics = gold["metrics"]
        total.emitted += len(events)
        total.correct += sum(any(matches(e, article.text, m) for m in metrics) for e in events)
        for m in metrics:
            if not m["core"]:
                continue
            total.core += 1
            hits = [e for e in events if matches(e, article.text, m)]
            if hits:
                total.found_core += 1
                total.period_ok += m["period"] is None or any(
                    period_of(e) == m["period"] for e in hits)
                total.unit_ok += any(e.unit.lower() == m["unit"].lower() for e in hits)
                total.qualifier_ok += any(e.qualifier == m["qualifier"] for e in hits)
    return total
