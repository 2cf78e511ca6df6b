"""The sink as a stage: `articles`, `metrics`, `portal-traffic` and `dlq` in, warehouse out.

The sink is a Faust app (the worker's lifecycle, its producer for dead letters) that
reads its four topics in batches with an aiokafka consumer of the same consumer group,
not through a Faust agent. It does nothing per record but decode and buffer it, and
Faust hands an agent its records one at a time through asyncio tasks: about 150 µs
each, more than the record's share of the warehouse write (docs/design.md, "Throughput
choices"). A batch is what one `getmany` returns (up to `Limits.max_records`); its
offsets are committed only after the warehouse confirmed its rows and the dead letters
of its bad records were acknowledged, so a crash or a rebalance redelivers at most
the batch in hand, which the upserts make harmless. An unexpected error in the loop
crashes the app, and the worker exits with status 1 for its supervisor to restart it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from typing import TYPE_CHECKING

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import KafkaError

from services.sink.batcher import Limits, Sink
from services.sink.metrics import SinkMetrics
from services.sink.warehouse import open_warehouse
from shared.errors import SerializationError
from shared.records import Article, DeadLetter, MetricEvent, PortalTraffic, Record
from shared.stage import Message, Output, dead_letter
from shared.streaming import (
    MAX_BACKOFF_SECONDS,
    batch_consumer,
    publish,
    retry_until_done,
    set_lag,
)

if TYPE_CHECKING:
    from services.workers import WorkerContext

log = logging.getLogger(__name__)
DEFAULT_LIMITS = Limits()


def attach(ctx: WorkerContext, limits: Limits = DEFAULT_LIMITS) -> None:
    topics = ctx.topics
    types: dict[str, type[Record]] = {topics.articles: Article, topics.metrics: MetricEvent,
                                      topics.portal_traffic: PortalTraffic, topics.dlq: DeadLetter}
    warehouse = open_warehouse(ctx.settings.warehouse_url)
    sink = Sink(warehouse, limits, metrics=SinkMetrics(ctx.registry))
    metrics = ctx.metrics

    def on_unhealthy(reason: str) -> None:
        ctx.health.set("warehouse", False, reason)
        metrics.healthy.set(0)

    async def write(batch: list[ConsumerRecord[bytes, bytes]]) -> None:
        """Decode and write one batch; dead-letter what cannot be decoded or stored."""
        letters = []
        for topic, n in Counter(r.topic for r in batch).items():
            metrics.records_in.labels(topic=topic).inc(n)
        for r in batch:
            try:
                record = ctx.codec.decode(r.value or b"", types[r.topic])
            except SerializationError as exc:
                metrics.records_failed.labels(reason=exc.reason).inc()
                letters.append(dead_letter("sink", exc.reason, exc, Message(
                    r.topic, r.partition, r.offset, r.key, r.value or b"")))
                continue
            sink.add(record, r.topic, r.partition, r.offset)
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
        metrics.last_success.set_to_current_time()

    @ctx.app.task
    async def consume() -> None:
        await retry_until_done(warehouse.apply_migrations, on_unhealthy)
        consumer = batch_consumer(ctx.app, ctx.settings.require_kafka(), list(types),
                                  limits.max_records)
        await _start(consumer)
        try:
            while True:
                fetched = await consumer.getmany(timeout_ms=int(limits.max_seconds * 1000),
                                                 max_records=limits.max_records)
                batch = [r for records in fetched.values() for r in records]
                if not batch:
                    continue
                await write(batch)
                await _commit(consumer, fetched)
                for tp, records in fetched.items():
                    last = records[-1]
                    set_lag(metrics, tp.topic, tp.partition, last.offset,
                            consumer.highwater(tp), last.timestamp / 1000)
        finally:
            await consumer.stop()  # leaves the group at once: its partitions move on


async def _start(consumer: AIOKafkaConsumer) -> None:
    """Start the consumer, waiting out a broker that is not up yet."""
    delay = 0.5
    while True:
        try:
            await consumer.start()
            return
        except KafkaError as exc:
            log.warning("Kafka unreachable (%s); retrying in %.1fs", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF_SECONDS)


async def _commit(consumer: AIOKafkaConsumer,
                  fetched: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]]) -> None:
    """Commit past the batch just written. A commit that fails (the partition moved to
    another worker, the broker is away) is logged and left: the records are written,
    and redelivering them only repeats idempotent upserts."""
    try:
        await consumer.commit({tp: records[-1].offset + 1 for tp, records in fetched.items()})
    except KafkaError as exc:  # CommitFailedError among them
        log.warning("offset commit failed (%s): the batch may be delivered again", exc)
