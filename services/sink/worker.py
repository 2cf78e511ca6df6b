"""The sink as a stage: `articles`, `metrics`, `portal-traffic` and `dlq` in, warehouse out.

Events are taken in batches (size and time bounded); Faust acknowledges a batch's
events — and so commits their offsets — only after the loop body returns, which is
after the warehouse confirmed the batch and the dead letters were acknowledged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.sink.batcher import Limits, Sink
from services.sink.metrics import SinkMetrics
from services.sink.warehouse import open_warehouse
from shared.errors import SerializationError
from shared.records import Article, DeadLetter, MetricEvent, PortalTraffic, Record
from shared.stage import Output, dead_letter
from shared.streaming import message_of, publish, record_lag, retry_until_done

if TYPE_CHECKING:
    from services.workers import WorkerContext

DEFAULT_LIMITS = Limits()


def attach(ctx: WorkerContext, limits: Limits = DEFAULT_LIMITS) -> None:
    topics = ctx.topics
    types: dict[str, type[Record]] = {topics.articles: Article, topics.metrics: MetricEvent,
                                      topics.portal_traffic: PortalTraffic, topics.dlq: DeadLetter}
    warehouse = open_warehouse(ctx.settings.warehouse_url)
    sink = Sink(warehouse, limits, metrics=SinkMetrics(ctx.registry))
    metrics = ctx.metrics
    source = ctx.app.topic(*types, key_type=bytes, value_type=bytes)

    def on_unhealthy(reason: str) -> None:
        ctx.health.set("warehouse", False, reason)
        metrics.healthy.set(0)

    @ctx.app.task
    async def migrate() -> None:
        await retry_until_done(warehouse.apply_migrations, on_unhealthy)

    async def agent(stream: Any) -> None:  # a faust Stream (its stubs lack take_events)
        async for events in stream.take_events(limits.max_records, within=limits.max_seconds):
            letters = []
            for event in events:
                message = message_of(event)
                metrics.records_in.labels(topic=message.topic).inc()
                try:
                    record = ctx.codec.decode(message.value, types[message.topic])
                except SerializationError as exc:
                    metrics.records_failed.labels(reason=exc.reason).inc()
                    letters.append(dead_letter("sink", exc.reason, exc, message))
                    continue
                sink.add(record, message.topic, message.partition or 0, message.offset or 0)
            flushed = await retry_until_done(sink.flush, on_unhealthy)
            ctx.health.set("warehouse", True)
            metrics.healthy.set(1)
            for table, rows in flushed.rows.items():
                metrics.records_out.labels(topic=table).inc(rows)
            for letter in flushed.dead_letters:
                metrics.records_failed.labels(reason=letter.reason).inc()
            letters += flushed.dead_letters
            await publish(ctx.app, [Output(topics.dlq, (letter.url or "").encode(),
                                           ctx.codec.encode(letter, topics.dlq))
                                    for letter in letters])
            if events:
                metrics.last_success.set_to_current_time()
                record_lag(ctx.app, metrics, events[-1])

    ctx.app.agent(source, name="portalwatch.sink")(agent)
