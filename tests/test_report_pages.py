"""Whole HTML report pages of other portals, parsed then extracted: the pipeline's quality
on pages it was not written for (tests/fixtures/reportpages, written blind, with gold)."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from services.extractor import extract
from services.parser import parse_page
from tests.extractor.gold import Score, matches, period_of
from tests.parser.pages import FIXTURES, raw_page

PAGES = FIXTURES / "reportpages"
GOLD = sorted((PAGES / "gold").glob("*.json"))
FLOOR = tomllib.loads((Path(__file__).parent / "extractor" / "quality_floor.toml")
                      .read_text())["report_pages"]


def _parsed(path: Path):
    gold = json.loads(path.read_text())
    page = raw_page((PAGES / gold["page"]).read_bytes(), charset=gold["charset"])
    return parse_page(page, province=gold["province"]).article, gold


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_title_and_date_of_each_page(path: Path) -> None:
    article, gold = _parsed(path)
    assert article.title == gold["title"]
    assert article.published_at == dt.datetime.fromisoformat(gold["published_at"])


def test_metrics_of_the_pages_stay_above_the_pinned_floor() -> None:
    total = Score(0, 0, 0, 0, 0)
    for path in GOLD:
        article, gold = _parsed(path)
        events = extract(article)
        total.emitted += len(events)
        total.correct += sum(any(matches(e, article.text, m) for m in gold["metrics"])
                             for e in events)
        for metric in (m for m in gold["metrics"] if m["core"]):
            total.core += 1
            hits = [e for e in events if matches(e, article.text, metric)]
            total.found_core += bool(hits)
            total.period_ok += bool(hits) and (metric["period"] is None or any(
                period_of(e) == metric["period"] for e in hits))
    assert total.core >= FLOOR["core"]  # the gold is really being read
    assert total.precision >= FLOOR["precision"], total
    assert total.recall >= FLOOR["recall"], total
    assert total.period_accuracy >= FLOOR["period_accuracy"], total
