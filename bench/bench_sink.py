"""Sink throughput into each warehouse beside a bare bulk load of the same rows, in one run.

    .venv/bin/python bench/bench_sink.py [--rows 50000] [--rounds 3] [--pg-url URL]

Bare loads: DuckDB inserts an Arrow table of the rows; PostgreSQL COPYs them straight
into ``metric_events``. The sink path is `Sink.add` for every record and `flush` per
batch (staging table + upsert). Every round starts from an empty table. Without
``--pg-url`` (or ``PORTALWATCH_TEST_PG_URL``) the script starts deploy/local/postgres.sh.
Goal: the sink keeps at least 50% of the bare rate on both backends. Prints medians.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pyarrow as pa

from services.sink.batcher import Limits, Sink
from services.sink.rows import METRIC_EVENTS, to_row
from services.sink.warehouse import open_warehouse
from shared.records import MetricEvent, stable_id
from tests.samples import sample_records

REPO = Path(__file__).resolve().parents[1]


def events(n: int) -> list[MetricEvent]:
    base = next(r for r in sample_records() if isinstance(r, MetricEvent))
    return [dataclasses.replace(base, event_id=stable_id("bench", i), value=float(i))
            for i in range(n)]


def empty(w: object, url: str) -> None:
    if url.startswith("duckdb"):
        w._con.execute("DELETE FROM metric_events")  # type: ignore[attr-defined]
    else:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("TRUNCATE metric_events")


def sink_load(url: str, records: list[MetricEvent], batch: int) -> float:
    w = open_warehouse(url)
    w.apply_migrations()
    empty(w, url)
    sink = Sink(w, Limits(max_records=batch, max_seconds=3600))
    started = time.perf_counter()
    for offset, record in enumerate(records):
        sink.add(record, "metrics", 0, offset)
        if sink.due():
            sink.flush()
    sink.flush()
    elapsed = time.perf_counter() - started
    assert w.query("SELECT count(*) FROM metric_events")[0][0] == len(records)
    w.close()
    return len(records) / elapsed


def bare_duckdb(url: str, records: list[MetricEvent]) -> float:
    w = open_warehouse(url)
    w.apply_migrations()
    empty(w, url)
    con = w._con  # type: ignore[attr-defined]  # the bare path talks to DuckDB itself
    started = time.perf_counter()
    rows = [to_row(r)[1] for r in records]
    cols = list(zip(*rows, strict=True))
    arrow = pa.table({name: list(col) for name, col in zip(METRIC_EVENTS.columns, cols,
                                                          strict=True)})
    con.register("bare_rows", arrow)
    con.execute(f"INSERT INTO metric_events ({', '.join(METRIC_EVENTS.columns)}) "
                f"SELECT {', '.join(METRIC_EVENTS.columns)} FROM bare_rows")
    con.unregister("bare_rows")
    elapsed = time.perf_counter() - started
    assert w.query("SELECT count(*) FROM metric_events")[0][0] == len(records)
    w.close()
    return len(records) / elapsed


def bare_postgres(url: str, records: list[MetricEvent]) -> float:
    w = open_warehouse(url)
    w.apply_migrations()
    w.close()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("TRUNCATE metric_events")
        started = time.perf_counter()
        with con.transaction(), con.cursor().copy(
                f"COPY metric_events ({', '.join(METRIC_EVENTS.columns)}) FROM STDIN") as copy:
            for r in records:
                copy.write_row(to_row(r)[1])
        elapsed = time.perf_counter() - started
        assert con.execute("SELECT count(*) FROM metric_events").fetchone() == (len(records),)
    return len(records) / elapsed


def median(work: Callable[[], float], rounds: int) -> float:
    return statistics.median(work() for _ in range(rounds))


def fresh_pg_database(server: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + f"/{name}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=5_000, help="sink batch size")
    parser.add_argument("--pg-url", default=os.environ.get("PORTALWATCH_TEST_PG_URL"))
    args = parser.parse_args()
    records = events(args.rows)
    server = args.pg_url
    if not server:
        subprocess.run([str(REPO / "deploy/local/postgres.sh"), "start"], check=True)
        server = "postgresql://postgres@127.0.0.1:" + os.environ.get("PGPORT", "15432") + \
            "/postgres"
    pg = fresh_pg_database(server)
    with tempfile.TemporaryDirectory() as tmp:
        duck = f"duckdb:///{tmp}/bench.duckdb"
        results = {
            "duckdb": (median(lambda: bare_duckdb(duck, records), args.rounds),
                       median(lambda: sink_load(duck, records, args.batch), args.rounds)),
            "postgresql": (median(lambda: bare_postgres(pg, records), args.rounds),
                           median(lambda: sink_load(pg, records, args.batch), args.rounds)),
        }
    if not args.pg_url:
        subprocess.run([str(REPO / "deploy/local/postgres.sh"), "stop"], check=True)
    print(f"{args.rows} MetricEvents, sink batch {args.batch}, median of {args.rounds}")
    print(f"{'backend':<12}{'bare rows/s':>14}{'sink rows/s':>14}{'sink/bare':>11}")
    for backend, (bare, ours) in results.items():
        print(f"{backend:<12}{bare:>14,.0f}{ours:>14,.0f}{ours / bare:>10.0%}")


if __name__ == "__main__":
    main()
