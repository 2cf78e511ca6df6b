"""Streaming overhead: pages per second through the real broker and the distributed
workers, beside the parser + extractor alone on the same pages, in one run.

    uv run python bench/bench_e2e.py [--pages 600]

Starts (or reuses) the local broker and PostgreSQL (deploy/local/), runs
`portalwatch worker parser|extractor|sink` as separate processes on fresh topics, warms
them up with one page, then produces the pages and times until every expected metric
event is in the warehouse. Goal: the distributed pipeline keeps at least 50% of the
in-process rate on this machine.

The in-process rate is timed twice, before the servers start and after the distributed
run (workers stopped, servers idle), and the ratio uses their mean, so a change of the
machine's load between the phases weighs on both sides. The CPU seconds each worker and
the broker spent during the timed distributed phase are printed too: on a shared machine
they are steadier than the wall-clock rate.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from aiokafka import AIOKafkaProducer

from services.extractor import extract
from services.parser import parse_page
from shared.records import RawPage
from shared.topics import Topics
from tests import servers
from tests.conftest import create_topics
from tests.e2e.harness import Workers, pg_query, wait_for
from tests.e2e.test_pipeline import as_messages, fixture_pages

TICKS = os.sysconf("SC_CLK_TCK")


def in_process_rate(pages: list[RawPage]) -> tuple[float, int]:
    """Pages per second of parser + extractor in this process, and the events they make."""
    started = time.perf_counter()
    events = 0
    for page in pages:
        events += len(extract(parse_page(page).article))
    return len(pages) / (time.perf_counter() - started), events


async def produce(bootstrap: str, items: list[tuple[str, bytes, bytes]]) -> None:
    """Send every page, then wait until all are acknowledged: one round trip per batch,
    not per page, so producing does not pace what is measured downstream."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        sent = [await producer.send(topic, value, key=key) for topic, key, value in items]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def broker_pid() -> int | None:
    """The local broker's pid from deploy/local/kafka.sh's pid file, if it started one."""
    cache = Path(os.environ.get("PORTALWATCH_CACHE", Path(__file__).parents[1] / ".cache"))
    state = Path(os.environ.get("KAFKA_STATE_DIR", cache / "kafka-run"))
    try:
        return int((state / "kafka.pid").read_text())
    except (OSError, ValueError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args()
    copies = max(1, args.pages // 3)
    pages = fixture_pages(copies + 1)
    warmup, pages = pages[:1], [p for p in pages if "/0/" not in p.url]

    before, expected = in_process_rate(pages)
    expected += len(extract(parse_page(warmup[0]).article))

    bootstrap = servers.start_kafka()
    pg = servers.start_postgres()
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    pg_url = pg.rsplit("/", 1)[0] + f"/{name}"
    topics = Topics(prefix=f"bench-{uuid.uuid4().hex[:8]}.")
    asyncio.run(create_topics(bootstrap, list(topics.all())))
    with tempfile.TemporaryDirectory() as tmp:
        workers = Workers(bootstrap, topics, pg_url, Path(tmp))
        try:
            for stage in ("sink", "extractor", "parser"):
                workers.start(stage)
            asyncio.run(produce(bootstrap, as_messages(warmup, topics)))
            wait_for(lambda: pg_query(pg_url, "SELECT count(*) FROM articles") == [(1,)], 180,
                     "the warm-up page", workers)
            items = as_messages(pages, topics)
            pids = {stage: proc.pid for stage, proc in workers.procs.items()}
            if (broker := broker_pid()) is not None:
                pids["broker"] = broker
            cpu = {name: cpu_seconds(pid) for name, pid in pids.items()}
            started = time.perf_counter()
            asyncio.run(produce(bootstrap, items))
            wait_for(lambda: pg_query(pg_url, "SELECT count(*) FROM metric_events")
                     == [(expected,)], 600, f"{expected} events", workers, every=0.1)
            distributed = len(pages) / (time.perf_counter() - started)
            cpu = {name: cpu_seconds(pid) - cpu[name] for name, pid in pids.items()}
            workers.stop_all()
            after, _ = in_process_rate(pages)
        finally:
            workers.stop_all()
            servers.stop_kafka()  # the servers this run started (the environment's stay)
            servers.stop_postgres()
    print(f"pages: {len(pages)} ({expected} metric events)")
    in_process = statistics.mean([before, after])
    print(f"in-process parser + extractor : {in_process:8.1f} pages/s "
          f"(before {before:.1f}, after {after:.1f})")
    print(f"distributed via Kafka → PG    : {distributed:8.1f} pages/s")
    print("CPU seconds in the distributed phase: "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in cpu.items())
          + f" (total {sum(cpu.values()):.1f})")
    print(f"ratio: distributed keeps {distributed / in_process:.0%} of the in-process rate "
          "(goal: at least 50%)")


if __name__ == "__main__":
    main()
