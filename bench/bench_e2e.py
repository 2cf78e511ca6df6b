"""Streaming overhead: pages per second through the real broker and the distributed
workers, beside the parser + extractor alone on the same pages, in one run.

    uv run python bench/bench_e2e.py [--pages 600]

Starts (or reuses) the local broker and PostgreSQL (deploy/local/), runs
`portalwatch worker parser|extractor|sink` as separate processes on fresh topics, warms
them up with one page, then produces the pages and times until every expected metric
event is in the warehouse. Goal: the distributed pipeline keeps at least 50% of the
in-process rate on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

from services.extractor import extract
from services.parser import parse_page
from shared.topics import Topics
from tests import servers
from tests.conftest import create_topics
from tests.e2e.harness import Workers, pg_query, wait_for
from tests.e2e.test_pipeline import as_messages, fixture_pages, produce


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args()
    copies = max(1, args.pages // 3)
    pages = fixture_pages(copies + 1)
    warmup, pages = pages[:1], [p for p in pages if "/0/" not in p.url]

    started = time.perf_counter()
    expected = 0
    for page in pages:
        expected += len(extract(parse_page(page).article))
    in_process = len(pages) / (time.perf_counter() - started)
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
            started = time.perf_counter()
            asyncio.run(produce(bootstrap, items))
            wait_for(lambda: pg_query(pg_url, "SELECT count(*) FROM metric_events")
                     == [(expected,)], 600, f"{expected} events", workers)
            distributed = len(pages) / (time.perf_counter() - started)
        finally:
            workers.stop_all()
            servers.stop_kafka()  # the servers this run started (the environment's stay)
            servers.stop_postgres()
    print(f"pages: {len(pages)} ({expected} metric events)")
    print(f"in-process parser + extractor : {in_process:8.1f} pages/s")
    print(f"distributed via Kafka → PG    : {distributed:8.1f} pages/s")
    print(f"ratio: distributed keeps {distributed / in_process:.0%} of the in-process rate "
          "(goal: at least 50%)")


if __name__ == "__main__":
    main()
