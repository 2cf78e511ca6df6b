"""The sink on both real backends: idempotent upserts, safe offsets, bad rows isolated."""

from __future__ import annotations

import dataclasses

from services.sink.batcher import Limits, Sink
from services.sink.warehouse import Warehouse, open_warehouse
from shared.records import Article, DeadLetter, MetricEvent, PortalTraffic
from tests.samples import sample_records

RECORDS = [r for r in sample_records() if r.schema_name != "RawPage"]
TABLES = ("articles", "metric_events", "portal_traffic", "dead_letters")
EVENT = next(r for r in RECORDS if isinstance(r, MetricEvent))


def count(w: Warehouse, table: str) -> int:
    return w.query(f"SELECT count(*) FROM {table}")[0][0]


def test_migrations_are_idempotent(warehouse_url: str) -> None:
    w = open_warehouse(warehouse_url)
    try:
        assert w.apply_migrations() == [1]
        assert w.apply_migrations() == []
    finally:
        w.close()


def test_every_record_type_lands_in_its_table(warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    for offset, record in enumerate(RECORDS):
        sink.add(record, "t", 0, offset)
    flushed = sink.flush()
    assert flushed.rows == {"articles": 1, "portal_traffic": 1, "metric_events": 1,
                            "dead_letters": 1}
    [(value, direction, percent)] = warehouse.query(
        "SELECT value, change_direction, change_percent FROM metric_events")
    assert (value, direction, percent) == (343092.0, "increase", 17.36)


def test_redelivered_records_never_duplicate_rows(warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    for attempt in range(3):  # the same records delivered three times, in two batches
        for offset, record in enumerate(RECORDS):
            sink.add(record, "t", 0, offset + attempt * 10)
        if attempt != 1:
            sink.flush()
    assert [count(warehouse, t) for t in
            ("articles", "metric_events", "portal_traffic", "dead_letters")] == [1, 1, 1, 1]


def test_a_changed_record_updates_its_row(warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    sink.add(EVENT, "t", 0, 0)
    sink.flush()
    sink.add(dataclasses.replace(EVENT, value=343093.0), "t", 0, 1)
    sink.flush()
    assert warehouse.query("SELECT value FROM metric_events") == [(343093.0,)]


def test_nothing_is_written_before_the_flush(warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    sink.add(RECORDS[0], "a", 0, 41)
    sink.add(RECORDS[1], "a", 1, 7)
    sink.add(RECORDS[2], "a", 0, 42)
    assert sum(count(warehouse, t) for t in TABLES) == 0
    flushed = sink.flush()
    assert sum(flushed.rows.values()) == 3 == sum(count(warehouse, t) for t in TABLES)
    assert len(sink) == 0


def test_batches_are_due_by_size_or_age(warehouse: Warehouse) -> None:
    now = [0.0]
    sink = Sink(warehouse, Limits(max_records=3, max_seconds=2.0), clock=lambda: now[0])
    assert not sink.due()
    sink.add(RECORDS[0], "t", 0, 0)
    assert not sink.due()
    now[0] = 2.5
    assert sink.due()
    sink.flush()
    for i in range(3):
        sink.add(RECORDS[0], "t", 0, i)
    assert sink.due()


def test_a_row_the_warehouse_refuses_is_dead_lettered_and_the_rest_lands(
        warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    good = [dataclasses.replace(EVENT, event_id=f"e{i}") for i in range(5)]
    bad = dataclasses.replace(EVENT, event_id="bad", value=float("inf"))
    for offset, record in enumerate([*good[:2], bad, *good[2:]]):
        sink.add(record, "portalwatch.metrics", 2, offset)
    flushed = sink.flush()
    assert count(warehouse, "metric_events") == 5
    [letter] = flushed.dead_letters
    assert isinstance(letter, DeadLetter)
    assert (letter.stage, letter.reason) == ("sink", "rejected_by_warehouse")
    assert (letter.original_topic, letter.original_partition, letter.original_offset) == (
        "portalwatch.metrics", 2, 2)
    assert flushed.rows == {"metric_events": 5}


def test_articles_and_traffic_round_trip(warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    article = next(r for r in RECORDS if isinstance(r, Article))
    traffic = next(r for r in RECORDS if isinstance(r, PortalTraffic))
    sink.add(article, "t", 0, 0)
    sink.add(traffic, "t", 0, 1)
    sink.flush()
    assert warehouse.query("SELECT title, province FROM articles") == [
        (article.title, article.province)]
    assert warehouse.query("SELECT online, total FROM portal_traffic") == [(13, 3199419)]
