"""The thin Faust shell around a `Stage`: topic in, `Stage.process`, topics out.

Offsets are committed by Faust only for events the agent has finished with, and the
agent finishes with an event only after every record it produced for it has been
acknowledged by the broker (``acks=all``). A `Retryable` failure (registry or
warehouse away) keeps the same event and backs off, marking the service unhealthy, so
nothing is skipped and nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import faust
from aiokafka import AIOKafkaConsumer
from faust.app.base import BootStrategy

from shared.errors import Retryable
from shared.stage import Message, Output, Stage
from shared.telemetry import Health, StageMetrics

log = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 30.0
T = TypeVar("T")


def faust_broker_url(bootstrap_servers: str) -> str:
    """Faust's form of a Kafka bootstrap list: ``kafka://h1:9092;h2:9092``."""
    hosts = [h.strip() for h in bootstrap_servers.split(",") if h.strip()]
    return "kafka://" + ";".join(hosts)


class _NoConsumerBoot(BootStrategy):
    """Faust's boot without its Kafka consumer, conductor and tables: for a stage that
    reads its input with its own `batch_consumer`."""

    enable_kafka_consumer = False


class _BatchReadingApp(faust.App):
    BootStrategy = _NoConsumerBoot


def make_app(stage: str, bootstrap_servers: str, state_dir: Path, *, faust_consumer: bool = True,
             **overrides: Any) -> faust.App:
    """A Faust app for one stage; its id is the stage's consumer group. Without
    `faust_consumer` the app runs the worker's lifecycle, the producer and the tasks,
    and the stage reads with a `batch_consumer` of its own."""
    (state_dir / f"faust-{stage}").mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {
        "broker": faust_broker_url(bootstrap_servers),
        "key_serializer": "raw",
        "value_serializer": "raw",
        "web_enabled": False,
        "producer_acks": -1,
        "consumer_auto_offset_reset": "earliest",
        "topic_replication_factor": 1,
        "datadir": str(state_dir / f"faust-{stage}"),
        "broker_commit_every": 100,
        "broker_commit_interval": 1.0,
        # A worker that dies (kill -9, lost node) leaves its group after 10 s rather than
        # Faust's default minute, so its replacement takes over the partitions sooner.
        "broker_session_timeout": 10.0,
        "broker_heartbeat_interval": 3.0,
        # A source topic created just before the worker joined can be missing from the
        # first metadata; refreshed every 5 s (not aiokafka's 5 min), the group rejoins
        # and gets its partitions instead of idling.
        "consumer_metadata_max_age_ms": 5000,
        "store": "memory://",
        # Up to 256 KiB per partition batch (aiokafka's default is 16 KiB, about 25 metric
        # events): an extractor batch goes out in a few produce requests, not dozens, which
        # costs the worker and the broker less CPU per record.
        "producer_max_batch_size": 256 * 1024,
    }
    options.update(overrides)
    app_class = faust.App if faust_consumer else _BatchReadingApp
    return app_class(f"portalwatch-{stage}", **options)


def batch_consumer(app: faust.App, bootstrap_servers: str, topics: Sequence[str],
                   max_records: int) -> AIOKafkaConsumer:
    """An aiokafka consumer in the app's consumer group, with the app's group timing and
    offset reset, that commits only when told to (`AIOKafkaConsumer.commit`)."""
    conf = app.conf
    return AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap_servers, group_id=conf.id,
        client_id=f"{conf.id}-batch", enable_auto_commit=False,
        auto_offset_reset=conf.consumer_auto_offset_reset, max_poll_records=max_records,
        session_timeout_ms=int(conf.broker_session_timeout * 1000),
        heartbeat_interval_ms=int(conf.broker_heartbeat_interval * 1000),
        metadata_max_age_ms=conf.consumer_metadata_max_age_ms,
    )


async def publish(app: faust.App, outputs: Sequence[Output]) -> None:
    """Send outputs and wait until the broker has acknowledged every one.

    Straight to the app's producer: a Faust `Topic.send` wraps each record in message,
    future and sensor objects, which cost more than the send itself for the twenty
    metric events of an article. Every send is queued first, then the acknowledgements
    are awaited together, so one broker round trip covers the lot.
    """
    if not outputs:
        return
    producer = await app.maybe_start_producer()
    pending = [await producer.send(o.topic, o.key, o.value, partition=None, timestamp=None,
                                   headers=None) for o in outputs]
    await asyncio.gather(*pending)


async def retry_until_done(call: Callable[[], T], on_retry: Callable[[str], None] | None = None,
                           max_wait: float = MAX_BACKOFF_SECONDS) -> T:
    """`call()`, again and again with backoff for as long as it raises `Retryable`: a
    dependency being away (registry, warehouse) costs time, never data."""
    delay = 0.5
    while True:
        try:
            return call()
        except Retryable as exc:
            wait = min(max(exc.after, delay), max_wait)
            log.warning("%s; retrying in %.1fs", exc, wait)
            if on_retry:
                on_retry(str(exc))
            await asyncio.sleep(wait)
            delay = min(delay * 2, max_wait)


async def process_until_done(stage: Stage[Any], message: Message, health: Health) -> list[Output]:
    """`stage.process`, retried while it raises `Retryable`; health follows."""

    def unhealthy(reason: str) -> None:
        health.set(stage.name, False, reason)
        stage.metrics.healthy.set(0)

    outputs = await retry_until_done(lambda: stage.process(message), unhealthy)
    health.set(stage.name, True)
    stage.metrics.healthy.set(1)
    return outputs


def message_of(event: faust.types.EventT) -> Message:
    """Our `Message` view of a Faust event."""
    m = event.message
    return Message(m.topic, m.partition, m.offset, m.key, m.value or b"")


def record_lag(app: faust.App, metrics: StageMetrics, event: faust.types.EventT) -> None:
    """Update the consumer-lag gauges from the event just processed."""
    m = event.message
    try:
        highwater = app.consumer.highwater(m.tp)
    except Exception:  # not known yet right after assignment
        highwater = None
    set_lag(metrics, m.topic, m.partition, m.offset, highwater, m.timestamp)


def set_lag(metrics: StageMetrics, topic: str, partition: int, offset: int,
            highwater: int | None, timestamp: float | None) -> None:
    """The consumer-lag gauges for the record at `offset`, written at `timestamp` (Unix
    seconds), of a partition whose next offset to be written is `highwater`."""
    if highwater is not None:
        metrics.consumer_lag_records.labels(topic=topic, partition=str(partition)).set(
            max(highwater - offset - 1, 0))
    if timestamp:
        metrics.consumer_lag_seconds.labels(topic=topic).set(max(time.time() - timestamp, 0))


def stream_agent(app: faust.App, stage: Stage[Any], source: str, health: Health,
                 batch: int = 200, within: float = 0.05) -> None:
    """Register the agent that runs `stage` over the `source` topic.

    Events are taken in small batches and their outputs acknowledged together, so the
    broker's round trip is paid once per batch, not once per record; Faust acks the
    batch's events (and may commit their offsets) only after the body has returned.
    """
    topic = app.topic(source, key_type=bytes, value_type=bytes)

    async def agent(stream: Any) -> None:  # a faust Stream (its stubs lack take_events)
        async for events in stream.take_events(batch, within=within):
            outputs: list[Output] = []
            for event in events:
                outputs += await process_until_done(stage, message_of(event), health)
            await publish(app, outputs)
            if events:
                record_lag(app, stage.metrics, events[-1])

    app.agent(topic, name=f"portalwatch.{stage.name}")(agent)
