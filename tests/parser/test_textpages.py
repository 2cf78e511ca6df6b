"""Blind text dumps of other portals: plain-text pages in, chrome gone and content kept."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from services.parser import NoArticle, parse_page
from tests.parser.pages import FIXTURES, raw_page

TEXTPAGES = FIXTURES / "textpages"
NAMES = sorted(p.stem for p in (TEXTPAGES / "gold").glob("*.json"))
LOCAL = dt.timezone(dt.timedelta(hours=7))


def text_page(name: str):
    gold = json.loads((TEXTPAGES / "gold" / f"{name}.json").read_text())
    return raw_page((TEXTPAGES / f"{name}.txt").read_bytes(), "text/plain"), gold


def check_published(published_at: dt.datetime | None, expected: str | None) -> None:
    if expected is None:
        assert published_at is None
    elif "T" in expected:
        assert published_at == dt.datetime.fromisoformat(expected)
    else:  # the page gives only a date: compare the local calendar day
        assert published_at is not None
        assert published_at.astimezone(LOCAL).date() == dt.date.fromisoformat(expected)


def check_traffic(traffic, counter: dict | None) -> None:
    if counter:
        assert traffic is not None
        assert {k: getattr(traffic, k) for k in counter} == counter
    else:
        assert traffic is None


@pytest.mark.parametrize("name", NAMES)
def test_text_pages(name: str) -> None:
    page, gold = text_page(name)
    if "not_article" in gold:
        with pytest.raises(NoArticle) as info:
            parse_page(page)
        assert info.value.kind == gold["not_article"]
        check_traffic(info.value.traffic, gold.get("visitor_counter"))
        return
    result = parse_page(page)
    article = result.article
    assert article.title == gold["title"]
    check_published(article.published_at, gold["published"])
    assert [k for k in gold["keep"] if k not in article.text] == []
    assert [b for b in gold["boilerplate"] if b in article.text] == []
    if "author" in gold:
        assert article.author == gold["author"]
    check_traffic(result.traffic, gold.get("visitor_counter"))
