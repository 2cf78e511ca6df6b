"""Scoring of the extractor against the seeds' hand annotation (tests/fixtures/seeds/gold)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from services.extractor import extract
from shared.records import Article, MetricEvent, stable_id

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def seed_article(name: str) -> tuple[Article, dict]:
    gold = json.loads((SEEDS / "gold" / f"{name}.json").read_text())
    published = None
    if gold["published"]:
        day = dt.date.fromisoformat(gold["published"])
        published = dt.datetime(day.year, day.month, day.day, 3, tzinfo=dt.UTC)
    text = (SEEDS / f"{name}.txt").read_text()
    article = Article(article_id=stable_id(name), url=f"https://example.vn/{name}",
                      portal_id="seed", province=None, title=gold["title"], text=text,
                      published_at=published, author=None, content_sha256="",
                      fetched_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                      parsed_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), parser_version="test")
    return article, gold


def _matches(event: MetricEvent, text: str, metric: dict) -> bool:
    raw_number = metric["raw"]
    written = text[event.span_start:event.span_end]
    same_value = abs(event.value - float(metric["value"])) < 1e-6 * max(1.0, metric["value"])
    return same_value and (event.unit == metric["unit"] or written in raw_number
                           or raw_number.startswith(written))


@dataclass
class Score:
    emitted: int
    correct: int
    core: int
    found_core: int
    period_ok: int

    @property
    def precision(self) -> float:
        return self.correct / self.emitted if self.emitted else 1.0

    @property
    def recall(self) -> float:
        return self.found_core / self.core if self.core else 1.0

    @property
    def period_accuracy(self) -> float:
        return self.period_ok / self.found_core if self.found_core else 1.0


def _period_of(event: MetricEvent) -> str | None:
    s, e = event.period_start, event.period_end
    if s is None or e is None:
        return None
    if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year:
        return str(s.year)
    if s.month == 1 and s.day == 1 and e.month == 6 and e.day == 30 and s.year == e.year:
        return f"{s.year}-H1"
    return f"{s.isoformat()}/{e.isoformat()}"


def score(names: list[str]) -> Score:
    total = Score(0, 0, 0, 0, 0)
    for name in names:
        article, gold = seed_article(name)
        events = extract(article)
        metrics = gold["metrics"]
        total.emitted += len(events)
        total.correct += sum(any(_matches(e, article.text, m) for m in metrics) for e in events)
        for m in metrics:
            if not m["core"]:
                continue
            total.core += 1
            hits = [e for e in events if _matches(e, article.text, m)]
            if hits:
                total.found_core += 1
                total.period_ok += m["period"] is None or any(
                    _period_of(e) == m["period"] for e in hits)
    return total
