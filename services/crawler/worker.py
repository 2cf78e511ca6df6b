"""The crawler as a service: crawl the registry on schedule, write `pages.raw` and `dlq`.

Its state (validators, hashes, schedule) lives in a compacted Kafka topic
(`<prefix>crawler-state`, see `changelog.py`), read back at start, so a restarted
crawler — on any machine — does not refetch what it has. Run one crawler per registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from services.crawler.changelog import ChangelogState
from services.crawler.crawler import Crawler
from services.crawler.metrics import CrawlerMetrics
from services.crawler.registry import load_portals
from shared.records import DeadLetter, RawPage
from shared.stage import Output
from shared.streaming import publish

if TYPE_CHECKING:
    from services.workers import WorkerContext

IDLE_SECONDS = 60.0


def attach(ctx: WorkerContext) -> None:
    portals = load_portals(ctx.settings.portals_file)
    crawler_metrics = CrawlerMetrics(ctx.registry)

    async def emit(record: RawPage | DeadLetter) -> None:
        topic = ctx.topics.pages_raw if isinstance(record, RawPage) else ctx.topics.dlq
        key = (record.url or "").encode()
        await publish(ctx.app, [Output(topic, key, ctx.codec.encode(record, topic))])
        ctx.metrics.records_out.labels(topic=topic).inc()
        if isinstance(record, DeadLetter):
            ctx.metrics.records_failed.labels(reason=record.reason).inc()
        else:
            ctx.metrics.last_success.set_to_current_time()

    @ctx.app.task
    async def crawl() -> None:
        async def save(items: list[tuple[bytes, bytes]]) -> None:
            await publish(ctx.app, [Output(ctx.topics.crawler_state, key, value)
                                    for key, value in items])

        state = await ChangelogState.load(ctx.settings.require_kafka(),
                                          ctx.topics.crawler_state, save)
        async with httpx.AsyncClient(timeout=httpx.Timeout(20.0, connect=10.0)) as client:
            crawler = Crawler(portals, client, state, emit, crawler_metrics,
                              ctx.settings.contact_url)
            await crawler.run_forever(IDLE_SECONDS)
