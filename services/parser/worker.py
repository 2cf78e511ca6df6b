"""The parser as a stage: `pages.raw` in, `articles` and `portal-traffic` out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from services.parser.parse import NoArticle, parse_page
from shared.errors import NotAnArticle
from shared.records import RawPage
from shared.stage import Emit, Handler, Stage
from shared.streaming import stream_agent
from shared.topics import Topics

if TYPE_CHECKING:
    from services.workers import WorkerContext


def make_handler(topics: Topics, provinces: Mapping[str, str]) -> Handler[RawPage]:
    """The pure handler: a page to its article (and traffic) records."""

    def handle(page: RawPage) -> list[Emit]:
        try:
            result = parse_page(page, province=provinces.get(page.portal_id))
        except NoArticle as exc:
            emits = ([Emit(topics.portal_traffic, page.portal_id, exc.traffic)]
                     if exc.traffic else [])
            raise NotAnArticle(exc.kind, str(exc), emits) from exc
        out = [Emit(topics.articles, result.article.article_id, result.article)]
        if result.traffic:
            out.append(Emit(topics.portal_traffic, page.portal_id, result.traffic))
        return out

    return handle


def attach(ctx: WorkerContext) -> None:
    from services.crawler import load_portals

    provinces = {p.id: p.province for p in load_portals(ctx.settings.portals_file)}
    stage = Stage("parser", RawPage, make_handler(ctx.topics, provinces), ctx.codec,
                  ctx.topics, ctx.metrics)
    stream_agent(ctx.app, stage, ctx.topics.pages_raw, ctx.health)
