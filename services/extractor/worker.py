"""The extractor as a stage: `articles` in, `metrics` out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter

from services.extractor.events import extract
from shared.records import Article
from shared.stage import Emit, Handler, Stage
from shared.streaming import stream_agent
from shared.topics import Topics

if TYPE_CHECKING:
    from services.workers import WorkerContext


class YieldMetrics:
    """Articles read and events emitted per portal: a portal whose articles stop
    yielding metrics has probably changed its template (an alert watches this)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.articles = Counter("portalwatch_extractor_articles_total",
                                "Articles read, per portal.", ["portal"], registry=registry)
        self.events = Counter("portalwatch_extractor_metric_events_total",
                              "Metric events emitted, per portal.", ["portal"],
                              registry=registry)


def make_handler(topics: Topics, counters: YieldMetrics | None = None) -> Handler[Article]:
    def handle(article: Article) -> list[Emit]:
        events = extract(article)
        if counters:
            counters.articles.labels(portal=article.portal_id).inc()
            counters.events.labels(portal=article.portal_id).inc(len(events))
        return [Emit(topics.metrics, article.article_id, e) for e in events]

    return handle


def attach(ctx: WorkerContext) -> None:
    handler = make_handler(ctx.topics, YieldMetrics(ctx.registry))
    stage = Stage("extractor", Article, handler, ctx.codec, ctx.topics, ctx.metrics)
    stream_agent(ctx.app, stage, ctx.topics.articles, ctx.health)
