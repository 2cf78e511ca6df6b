"""The crawler as a service: crawl the registry on schedule, write `pages.raw` and `dlq`.

Its state (validators, hashes, schedule) lives in a JSON file in the worker's state
directory — a volume in docker-compose — so a restarted crawler does not refetch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from services.crawler.crawler import Crawler
from services.crawler.metrics import CrawlerMetrics
from services.crawler.registry import load_portals
from services.crawler.state import FileState
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
        state = FileState(ctx.settings.state_dir / "crawler-state.json")
        async with httpx.AsyncClient(timeout=httpx.Timeout(20.0, connect=10.0)) as client:
            crawler = Crawler(portals, client, state, emit, crawler_metrics,
                              ctx.settings.contact_url)
            await crawler.run_forever(IDLE_SECONDS)
