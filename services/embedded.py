"""Embedded mode: the four stages chained in one process, no Kafka.

The same `Stage` cores as the Kafka workers, connected by an in-memory queue of the same
Avro bytes (encoded and decoded by the same codec), so what is tested here is what runs
distributed. The sink gets every record with a per-topic offset, exactly as it would
from Kafka, and is flushed after every crawl round and whenever its batch is full.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from prometheus_client import CollectorRegistry
from rich.live import Live
from rich.table import Table as RichTable

from services.crawler import Crawler, CrawlerMetrics, FileState, Portal, load_portals
from services.extractor.worker import YieldMetrics
from services.extractor.worker import make_handler as extractor_handler
from services.parser.worker import make_handler as parser_handler
from services.sink.batcher import Sink
from services.sink.warehouse import open_warehouse
from shared.codec import Codec
from shared.logs import setup_logging
from shared.records import Article, DeadLetter, MetricEvent, PortalTraffic, RawPage, Record
from shared.settings import Settings
from shared.stage import Message, Output, Stage
from shared.streaming import retry_until_done
from shared.telemetry import StageMetrics
from shared.topics import Topics

log = logging.getLogger(__name__)


@dataclass
class Progress:
    """Counts per portal, for the live display and the final summary."""

    pages: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)
    metrics: Counter[str] = field(default_factory=Counter)
    traffic: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    # "stage/reason" of every dead letter, so a summary says what the errors were.
    error_reasons: Counter[str] = field(default_factory=Counter)

    def totals(self) -> str:
        counts = ", ".join(f"{sum(c.values())} {name}" for name, c in (
            ("pages", self.pages), ("articles", self.articles), ("metrics", self.metrics),
            ("traffic records", self.traffic), ("errors", self.errors)))
        if not self.error_reasons:
            return counts
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(self.error_reasons.items()))
        return f"{counts} ({reasons}; details in the dead_letters table)"

    def portals(self) -> list[str]:
        return sorted(set(self.pages) | set(self.articles) | set(self.errors))

    def count(self, record: Record) -> None:
        portal = getattr(record, "portal_id", None) or "?"
        if isinstance(record, Article):
            self.articles[portal] += 1
        elif isinstance(record, MetricEvent):
            self.metrics[portal] += 1
        elif isinstance(record, PortalTraffic):
            self.traffic[portal] += 1
        elif isinstance(record, DeadLetter):
            self.errors[portal] += 1
            self.error_reasons[f"{record.stage}/{record.reason}"] += 1


class Pipeline:
    """Routes encoded records between the stage cores and the sink, in process."""

    def __init__(self, codec: Codec, topics: Topics, parser: Stage[RawPage],
                 extractor: Stage[Article], sink_add: Callable[[Record, str, int, int], None],
                 progress: Progress | None = None) -> None:
        self.codec = codec
        self.topics = topics
        self.parser = parser
        self.extractor = extractor
        self.sink_add = sink_add
        self.progress = progress or Progress()
        self._offsets: Counter[str] = Counter()
        self._types: dict[str, type[Record]] = {
            topics.articles: Article, topics.metrics: MetricEvent,
            topics.portal_traffic: PortalTraffic, topics.dlq: DeadLetter,
        }

    def feed(self, record: RawPage | DeadLetter) -> None:
        """Put one crawler output through parser → extractor → sink."""
        if isinstance(record, RawPage):
            self.progress.pages[record.portal_id] += 1
            topic, key = self.topics.pages_raw, record.url
        else:
            topic, key = self.topics.dlq, record.url or ""
        queue = deque([Output(topic, key.encode(), self.codec.encode(record, topic))])
        while queue:
            out = queue.popleft()
            offset = self._offsets[out.topic]
            self._offsets[out.topic] += 1
            message = Message(out.topic, 0, offset, out.key, out.value)
            if out.topic == self.topics.pages_raw:
                queue.extend(self.parser.process(message))
                continue
            if out.topic == self.topics.articles:
                queue.extend(self.extractor.process(message))
            record_out = self.codec.decode(out.value, self._types[out.topic])
            self.progress.count(record_out)
            self.sink_add(record_out, out.topic, 0, offset)


def build_pipeline(codec: Codec, topics: Topics, registry: CollectorRegistry,
                   provinces: dict[str, str], sink: Sink) -> Pipeline:
    """The parser and extractor stages wired to the sink, as in the distributed mode."""
    parser = Stage("parser", RawPage, parser_handler(topics, provinces), codec, topics,
                   StageMetrics("parser", registry))
    extractor = Stage("extractor", Article,
                      extractor_handler(topics, YieldMetrics(registry)), codec, topics,
                      StageMetrics("extractor", registry))
    return Pipeline(codec, topics, parser, extractor, sink.add)


@dataclass
class Summary:
    progress: Progress
    warehouse_url: str
    passes: int


async def run_pipeline(portals: list[Portal], settings: Settings, warehouse_url: str, *,
                       once: bool, live: bool = False, client: httpx.AsyncClient | None = None,
                       idle_seconds: float = 60.0) -> Summary:
    """Crawl → parse → extract → warehouse in this process until stopped (or one pass)."""
    registry = CollectorRegistry()
    topics = Topics(settings.topic_prefix)
    warehouse = open_warehouse(warehouse_url)
    await retry_until_done(warehouse.apply_migrations)
    sink = Sink(warehouse)
    pipeline = build_pipeline(Codec(), topics, registry, {p.id: p.province for p in portals},
                              sink)
    state = FileState(settings.state_dir / "crawler-state.json")

    async def flush() -> None:
        flushed = await retry_until_done(sink.flush)
        for letter in flushed.dead_letters:
            pipeline.progress.count(letter)
            sink.add(letter, topics.dlq, 0, -1)
        if flushed.dead_letters:
            await retry_until_done(sink.flush)

    async def emit(record: RawPage | DeadLetter) -> None:
        pipeline.feed(record)
        if sink.due():
            await flush()

    own_client = client is None
    http = client or httpx.AsyncClient(timeout=httpx.Timeout(20.0, connect=10.0))
    passes = 0
    display = Live(render_progress(pipeline.progress), refresh_per_second=2) if live else None
    try:
        if display:
            display.start()
        crawler = Crawler(portals, http, state, emit, CrawlerMetrics(registry),
                          settings.contact_url)
        while True:
            await crawler.run_once()
            await flush()
            passes += 1
            if display:
                display.update(render_progress(pipeline.progress))
            else:
                log.info("pass %d: %s", passes, pipeline.progress.totals())
            if once:
                break
            await asyncio.sleep(idle_seconds)
    finally:
        if display:
            display.stop()
        if own_client:
            await http.aclose()
        warehouse.close()
    return Summary(pipeline.progress, warehouse_url, passes)


def render_progress(progress: Progress) -> RichTable:
    table = RichTable(title="portalwatch — live")
    for name in ("portal", "pages", "articles", "metrics", "traffic", "errors"):
        table.add_column(name, justify="left" if name == "portal" else "right")
    for portal in progress.portals():
        table.add_row(portal, *(str(c[portal]) for c in (
            progress.pages, progress.articles, progress.metrics, progress.traffic,
            progress.errors)))
    return table


def run(once: bool = False, warehouse_url: str | None = None,
        portals_file: Path | None = None) -> int:
    """`portalwatch run`: the whole pipeline in one process, no Kafka, DuckDB out."""
    settings = Settings.load()
    setup_logging(settings.log_level, settings.log_format)
    portals = [p for p in load_portals(portals_file or settings.portals_file)]
    url = warehouse_url or settings.warehouse_url
    summary = asyncio.run(run_pipeline(portals, settings, url, once=once,
                                       live=sys.stdout.isatty()))
    print(f"{summary.passes} pass(es): {summary.progress.totals()}; warehouse {url}")
    return 0
