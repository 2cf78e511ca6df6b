"""`portalwatch replay PATH...`: saved pages (HTML, text, WARC) through the pipeline.

Embedded by default (parser → extractor → warehouse in this process); with ``--kafka``
the pages are produced to `pages.raw` for the running workers instead.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry
from warcio.archiveiterator import ArchiveIterator

from services.embedded import build_pipeline
from services.inspect import load_page
from services.sink.batcher import Sink
from services.sink.warehouse import open_warehouse
from shared.codec import Codec, SchemaRegistry
from shared.records import RawPage, utcnow
from shared.settings import Settings
from shared.streaming import retry_until_done
from shared.topics import Topics


def pages_from(paths: list[Path], portal_id: str) -> Iterator[RawPage]:
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.name.endswith((".warc", ".warc.gz")):
                yield from _warc_pages(file, portal_id)
            elif file.suffix.lower() in (".html", ".htm", ".txt"):
                yield load_page(str(file), portal_id)


def _warc_pages(path: Path, portal_id: str) -> Iterator[RawPage]:
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            content_type = record.http_headers.get_header("Content-Type") or ""
            media, _, params = content_type.partition(";")
            charset = params.partition("charset=")[2].strip() or None
            status = int(record.http_headers.get_statuscode() or 0)
            yield RawPage(url=url, final_url=url, portal_id=portal_id, fetched_at=utcnow(),
                          http_status=status, content_type=media.strip().lower(),
                          declared_charset=charset, body=body,
                          content_sha256=hashlib.sha256(body).hexdigest())


def replay(paths: list[Path], portal_id: str = "replay", to_kafka: bool = False,
           warehouse_url: str | None = None) -> int:
    settings = Settings.load()
    topics = Topics(settings.topic_prefix)
    pages = list(pages_from(paths, portal_id))
    if to_kafka:
        asyncio.run(_produce(pages, settings, topics))
        print(f"replay: {len(pages)} pages produced to {topics.pages_raw}")
        return 0
    url = warehouse_url or settings.warehouse_url
    warehouse = open_warehouse(url)
    try:
        asyncio.run(retry_until_done(warehouse.apply_migrations))
        sink = Sink(warehouse)
        pipeline = build_pipeline(Codec(), topics, CollectorRegistry(), {}, sink)
        for page in pages:
            pipeline.feed(page)
        asyncio.run(retry_until_done(sink.flush))
    finally:
        warehouse.close()
    print(f"replay: {len(pages)} pages: {pipeline.progress.totals()}; warehouse {url}")
    return 0


async def _produce(pages: list[RawPage], settings: Settings, topics: Topics) -> None:
    from aiokafka import AIOKafkaProducer

    url = settings.schema_registry_url
    registry = SchemaRegistry(url) if url else None
    codec = Codec(registry)
    producer = AIOKafkaProducer(bootstrap_servers=settings.require_kafka(), acks="all")
    await producer.start()
    try:
        for page in pages:
            await producer.send_and_wait(topics.pages_raw, codec.encode(page, topics.pages_raw),
                                         key=page.url.encode())
    finally:
        await producer.stop()
        if registry:
            registry.close()
