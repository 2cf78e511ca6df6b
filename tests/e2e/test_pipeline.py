"""The four services as separate processes on the real broker, into real PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.crawler.changelog import ChangelogState
from services.demo import demo_portal
from services.extractor import extract
from services.parser import parse_page
from shared.codec import Codec
from shared.records import DeadLetter, RawPage, utcnow
from shared.topics import Topics
from tests.e2e.harness import BackgroundPortals, Workers, pg_query, wait_for

CODEC = Codec()
FIXTURES = ["sharepoint-haiphong", "district-haihau", "news-thanhhoa"]


def registry_toml(portals) -> str:  # type: ignore[no-untyped-def]
    out = []
    for p in portals:
        out.append(f"""[[portal]]
id = "{p.id}"
province = "{p.province}"
department = "fixture"
base_url = "{p.base_url}"
seeds = ["{p.seeds[0]}"]
article_pattern = '{p.article_pattern.pattern}'
allow_private = true
[portal.limits]
requests_per_second = 20
concurrency = 4
""")
    return "\n".join(out)


def expected_events(servers) -> set[str]:  # type: ignore[no-untyped-def]
    """What the pipeline must produce: parse + extract of each article page as served."""
    ids = set()
    for server in servers:
        for path in sorted((server.root / "tin-tuc").glob("*.html")):
            if path.name == "index.html":
                continue
            body = path.read_bytes()
            charset = "windows-1258" if path.name.endswith("-cp1258.html") else None
            page = RawPage(
                url=f"{server.base_url}/tin-tuc/{path.name}",
                final_url="",
                portal_id="x",
                fetched_at=utcnow(),
                http_status=200,
                content_type="text/html",
                declared_charset=charset,
                body=body,
                content_sha256=hashlib.sha256(body).hexdigest(),
            )
            ids |= {e.event_id for e in extract(parse_page(page).article)}
    return ids


def test_fixture_portals_through_four_workers_into_postgres(
    kafka_bootstrap: str, fresh_topics: Topics, pg_url: str, tmp_path: Path
) -> None:
    portals = BackgroundPortals(FIXTURES)
    try:
        registry = tmp_path / "portals.toml"
        registry.write_text(
            registry_toml(
                [demo_portal(name, s) for name, s in zip(FIXTURES, portals.servers, strict=True)]
            )
        )
        workers = Workers(kafka_bootstrap, fresh_topics, pg_url, tmp_path, registry)
        expected = expected_events(portals.servers)
        try:
            for stage in ("sink", "extractor", "parser", "crawler"):
                workers.start(stage)
            wait_for(
                lambda: (
                    {r[0] for r in pg_query(pg_url, "SELECT event_id FROM metric_events")}
                    == expected
                ),
                180,
                f"{len(expected)} metric events in PostgreSQL",
                workers,
            )
            assert pg_query(pg_url, "SELECT count(*) FROM metric_events") == [(len(expected),)]
            assert pg_query(pg_url, "SELECT count(*) FROM articles") == [(4,)]
            traffic = pg_query(
                pg_url, "SELECT DISTINCT portal_id, total FROM portal_traffic ORDER BY 1"
            )
            assert traffic == [("demo-haihau", 1204556), ("demo-haiphong", 3199419)]
            revenue = pg_query(
                pg_url,
                "SELECT value, period_start::text FROM metric_events "
                "WHERE indicator = 'postal_telecom_revenue'",
            )
            assert revenue == [(1.87e12, "2022-01-01")]

            # kill -9 the crawler once its state is in Kafka: the restarted one reads it
            # back, fetches no article again, and the warehouse stays exactly the same.
            def saved_urls() -> set[str]:
                state = asyncio.run(ChangelogState.load(kafka_bootstrap,
                                                        fresh_topics.crawler_state, _no_send))
                return {u for u, e in state.items() if e.sha256}

            wait_for(lambda: len(saved_urls()) >= 4 + 3, 150, "the crawler state", workers)
            fetched = sum(len(s.requests) for s in portals.servers)
            workers.kill("crawler")
            workers.start("crawler")
            wait_for(lambda: _crawler_passed(workers), 120, "the restarted crawler's pass",
                     workers)
            refetched = [r for s in portals.servers for r in s.requests[fetched:]
                         if r.endswith(".html") and not r.endswith("index.html")]
            assert refetched == []
            assert pg_query(pg_url, "SELECT count(*) FROM metric_events") == [(len(expected),)]
        finally:
            workers.stop_all()
    finally:
        portals.close()


async def _no_send(items: list[tuple[bytes, bytes]]) -> None:
    raise AssertionError("a reader of the crawler state must not write it")


def _crawler_passed(workers: Workers) -> bool:
    """The crawler has finished a pass: its frontier gauge is exported."""
    import httpx

    try:
        body = httpx.get(f"http://127.0.0.1:{workers.ports['crawler']}/metrics", timeout=2).text
    except httpx.HTTPError:
        return False
    return "portalwatch_crawler_frontier_urls{" in body


async def produce(bootstrap: str, items: list[tuple[str, bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for topic, key, value in items:
            await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


async def read_all(bootstrap: str, topic: str, count: int, timeout: float) -> list[bytes]:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    values: list[bytes] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(values) < count and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=1000)).values():
                values += [r.value for r in records]
    finally:
        await consumer.stop()
    return values


def fixture_pages(n_copies: int) -> list[RawPage]:
    pages = []
    for name in FIXTURES:
        for path in sorted(
            (Path(__file__).resolve().parents[1] / "fixtures" / "portals" / name / "tin-tuc").glob(
                "*.html"
            )
        ):
            if path.name == "index.html" or path.name.endswith("-cp1258.html"):
                continue
            body = path.read_bytes()
            for i in range(n_copies):
                url = f"http://{name}.test/tin-tuc/{i}/{path.name}"
                pages.append(
                    RawPage(
                        url=url,
                        final_url=url,
                        portal_id=name,
                        fetched_at=utcnow(),
                        http_status=200,
                        content_type="text/html",
                        declared_charset=None,
                        body=body,
                        content_sha256=hashlib.sha256(body).hexdigest(),
                    )
                )
    return pages


def expected_ids(pages: list[RawPage]) -> set[str]:
    """The event ids the pipeline must produce for `pages`, computed in-process."""
    return {e.event_id for page in pages for e in extract(parse_page(page).article)}


def as_messages(pages: list[RawPage], topics: Topics) -> list[tuple[str, bytes, bytes]]:
    return [(topics.pages_raw, p.url.encode(), CODEC.encode(p, topics.pages_raw)) for p in pages]


def test_poison_records_on_every_topic_end_in_the_dlq_and_the_stream_goes_on(
    workers: Workers, kafka_bootstrap: str, fresh_topics: Topics, pg_url: str
) -> None:
    for stage in ("sink", "extractor", "parser"):
        workers.start(stage)
    t = fresh_topics
    good = fixture_pages(1)[0]
    poison = [
        (t.pages_raw, b"p1", b"\x00garbage"),
        (t.articles, b"a1", b"\xc3\x01not-avro"),
        (t.metrics, b"m1", b"{}"),
        (t.portal_traffic, b"t1", b"\x00\x00\x00"),
    ]
    asyncio.run(
        produce(
            kafka_bootstrap,
            [*poison, (t.pages_raw, good.url.encode(), CODEC.encode(good, t.pages_raw))],
        )
    )
    wait_for(
        lambda: pg_query(pg_url, "SELECT count(*) FROM articles") == [(1,)],
        120,
        "the good page after the poison",
        workers,
    )
    letters = [
        CODEC.decode(v, DeadLetter) for v in asyncio.run(read_all(kafka_bootstrap, t.dlq, 5, 60))
    ]
    # `articles` has two consumer groups (extractor and sink): each dead-letters it.
    assert sorted((d.stage, d.original_topic, d.original_key) for d in letters) == sorted(
        [
            ("parser", t.pages_raw, b"p1"),
            ("extractor", t.articles, b"a1"),
            ("sink", t.articles, b"a1"),
            ("sink", t.metrics, b"m1"),
            ("sink", t.portal_traffic, b"t1"),
        ]
    )
    assert all(d.reason == "undecodable_record" and d.original_offset is not None for d in letters)
    wait_for(
        lambda: pg_query(pg_url, "SELECT count(*) FROM dead_letters") == [(5,)],
        60,
        "the DLQ mirrored in the warehouse",
        workers,
    )
    # The sink's batch consumer keeps the stage series: what it read, what it refused,
    # and no lag once it has caught up with every partition it read from.
    sink = _metrics(workers, "sink")
    assert f'portalwatch_sink_records_in_total{{topic="{t.articles}"}} 2.0' in sink  # poison, good
    assert f'portalwatch_sink_records_in_total{{topic="{t.dlq}"}} 5.0' in sink
    assert 'portalwatch_sink_records_failed_total{reason="undecodable_record"} 3.0' in sink
    lags = [line for line in sink.splitlines()
            if line.startswith("portalwatch_sink_consumer_lag_records{")]
    assert lags and all(line.endswith(" 0.0") for line in lags)


def _metrics(workers: Workers, stage: str) -> str:
    import httpx

    return httpx.get(f"http://127.0.0.1:{workers.ports[stage]}/metrics", timeout=5).text


def test_kill9_each_worker_mid_stream_loses_nothing_and_duplicates_nothing(
    workers: Workers, kafka_bootstrap: str, fresh_topics: Topics, pg_url: str
) -> None:
    pages = fixture_pages(40)
    expected = expected_ids(pages)
    for stage in ("sink", "extractor", "parser"):
        workers.start(stage)
    asyncio.run(produce(kafka_bootstrap, as_messages(pages, fresh_topics)))

    def events() -> int:
        rows = pg_query(pg_url, "SELECT count(*) FROM metric_events")
        return rows[0][0] if rows else 0

    wait_for(lambda: events() > 0, 120, "the first events", workers)
    for stage in ("parser", "extractor", "sink"):
        workers.kill(stage)
        workers.start(stage)
    wait_for(lambda: events() == len(expected), 240, f"{len(expected)} events", workers)
    ids = {r[0] for r in pg_query(pg_url, "SELECT event_id FROM metric_events")}
    assert ids == expected
    assert pg_query(pg_url, "SELECT count(*) FROM articles") == [(len(pages),)]


def test_warehouse_and_broker_outages_cost_time_not_rows(
    workers: Workers, kafka_bootstrap: str, fresh_topics: Topics, pg_url: str
) -> None:
    import httpx

    from tests import servers

    pages = fixture_pages(10)
    expected = expected_ids(pages)
    for stage in ("sink", "extractor", "parser"):
        workers.start(stage)
    encoded = as_messages(pages, fresh_topics)
    wait_for(
        lambda: pg_query(pg_url, "SELECT 1 FROM schema_migrations") != [],
        120,
        "the sink's migrations",
        workers,
    )
    servers.stop_postgres(hard=True)
    try:
        asyncio.run(produce(kafka_bootstrap, encoded[:15]))

        def sink_unhealthy() -> bool:
            try:
                r = httpx.get(f"http://127.0.0.1:{workers.ports['sink']}/healthz", timeout=2)
            except httpx.HTTPError:
                return False
            return r.status_code == 503 and "warehouse" in r.json()["checks"]

        wait_for(sink_unhealthy, 120, "/healthz to report the warehouse away", workers)
    finally:
        servers.start_postgres()
    servers.stop_kafka()
    servers.start_kafka()
    asyncio.run(produce(kafka_bootstrap, encoded[15:]))
    wait_for(
        lambda: {r[0] for r in pg_query(pg_url, "SELECT event_id FROM metric_events")} == expected,
        300,
        f"{len(expected)} events after the outages",
        workers,
    )
    assert pg_query(pg_url, "SELECT count(*) FROM metric_events") == [(len(expected),)]
    assert pg_query(pg_url, "SELECT count(*) FROM articles") == [(len(pages),)]
