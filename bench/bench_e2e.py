"""Streaming overhead: pages per second through the real broker and the distributed
workers, beside the parser + extractor alone on the same pages, in one run.

    uv run python bench/bench_e2e.py [--pages 600] [--runs 1]

Starts (or reuses) the local broker and PostgreSQL (deploy/local/), runs
`portalwatch worker parser|extractor|sink` as separate processes on fresh topics, warms
them up with one page, then produces the pages and times until every expected metric
event is in the warehouse. Goal: the distributed pipeline keeps at least 50% of the
in-process rate on this machine.

The in-process rate is timed right before and right after each distributed run (the
workers stopped, the servers idle), and the ratio uses their mean, so a change of the
machine's load between the phases weighs on both sides. With `--runs N` the comparison
is repeated N times (fresh topics and database each time) and the median ratio is
printed last: single runs on a small shared machine vary by ±10 points. The CPU seconds
each worker, the broker, PostgreSQL and this process's producer spent during the timed
distributed phase are printed too: on a shared machine they are steadier than the
wall-clock rate. The warehouse is polled on one open connection (a new connection every
0.1 s would fork a PostgreSQL backend each time, on the same two cores).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
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


def _count(con: psycopg.Connection) -> int:
    row = con.execute("SELECT count(*) FROM metric_events").fetchone()
    return row[0] if row else 0


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


def postgres_cpu_seconds(postmaster: int) -> float:
    """CPU seconds of the PostgreSQL server: the postmaster, its live backends and the
    ones it has reaped."""
    try:
        fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split()
    except OSError:
        return 0.0
    reaped = (int(fields[13]) + int(fields[14])) / TICKS
    return cpu_seconds(postmaster) + reaped + sum(cpu_seconds(int(c)) for c in children)


def _cache() -> Path:
    return Path(os.environ.get("PORTALWATCH_CACHE", Path(__file__).parents[1] / ".cache"))


def broker_pid() -> int | None:
    """The local broker's pid from deploy/local/kafka.sh's pid file, if it started one."""
    state = Path(os.environ.get("KAFKA_STATE_DIR", _cache() / "kafka-run"))
    try:
        return int((state / "kafka.pid").read_text())
    except (OSError, ValueError):
        return None


def postmaster_pid() -> int | None:
    """The local PostgreSQL server's pid (deploy/local/postgres.sh keeps its data here)."""
    try:
        return int((_cache() / "pg" / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class Run:
    """One timed comparison: the in-process rate before and after, the distributed rate,
    and the CPU seconds each process spent in the distributed phase."""

    before: float
    after: float
    distributed: float
    cpu: dict[str, float]

    @property
    def ratio(self) -> float:
        return self.distributed / statistics.mean([self.before, self.after])


def timed_run(bootstrap: str, pg: str, warmup: list[RawPage], pages: list[RawPage],
              expected: int) -> Run:
    """In-process, then the three workers on fresh topics and a fresh database, then
    in-process again (workers stopped)."""
    before, _ = in_process_rate(pages)
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
            readers: dict[str, Callable[[], float]] = {
                stage: partial(cpu_seconds, proc.pid) for stage, proc in workers.procs.items()}
            if (broker := broker_pid()) is not None:
                readers["broker"] = partial(cpu_seconds, broker)
            if (postmaster := postmaster_pid()) is not None:
                readers["postgres"] = partial(postgres_cpu_seconds, postmaster)
            readers["bench producer"] = time.process_time
            with psycopg.connect(pg_url, autocommit=True) as poll:
                cpu = {name: read() for name, read in readers.items()}
                started = time.perf_counter()
                asyncio.run(produce(bootstrap, items))
                wait_for(lambda: _count(poll) == expected, 600, f"{expected} events", workers,
                         every=0.1)
                distributed = len(pages) / (time.perf_counter() - started)
                cpu = {name: read() - cpu[name] for name, read in readers.items()}
        finally:
            workers.stop_all()
    after, _ = in_process_rate(pages)
    return Run(before, after, distributed, cpu)


def report(run: Run) -> None:
    print(f"in-process parser + extractor : {statistics.mean([run.before, run.after]):8.1f} "
          f"pages/s (before {run.before:.1f}, after {run.after:.1f})")
    print(f"distributed via Kafka → PG    : {run.distributed:8.1f} pages/s")
    print("CPU seconds in the distributed phase: "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in run.cpu.items())
          + f" (total {sum(run.cpu.values()):.1f})")
    print(f"ratio: distributed keeps {run.ratio:.0%} of the in-process rate "
          "(goal: at least 50%)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--runs", type=int, default=1,
                        help="timed comparisons in a row; with more than one, the median "
                             "ratio is printed last (single runs vary on a shared machine)")
    args = parser.parse_args()
    copies = max(1, args.pages // 3)
    pages = fixture_pages(copies + 1)
    warmup, pages = pages[:1], [p for p in pages if "/0/" not in p.url]
    expected = sum(len(extract(parse_page(p).article)) for p in [*warmup, *pages])
    print(f"pages: {len(pages)} ({expected} metric events)")

    bootstrap = servers.start_kafka()
    pg = servers.start_postgres()
    runs = []
    try:
        for i in range(args.runs):
            if args.runs > 1:
                print(f"run {i + 1} of {args.runs}", flush=True)
            runs.append(timed_run(bootstrap, pg, warmup, pages, expected))
            report(runs[-1])
    finally:
        servers.stop_kafka()  # the servers this run started (the environment's stay)
        servers.stop_postgres()
    if len(runs) > 1:
        ratios = sorted(r.ratio for r in runs)
        print(f"median ratio over {len(runs)} runs: {statistics.median(ratios):.0%} "
              f"({', '.join(f'{r:.0%}' for r in ratios)})")


if __name__ == "__main__":
    main()
