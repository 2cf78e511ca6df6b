"""PostgreSQL going away and coming back: the sink backs off, loses nothing, lands once."""

from __future__ import annotations

import pytest

from services.sink.batcher import Sink
from services.sink.warehouse import open_warehouse
from shared.errors import Retryable
from tests import servers
from tests.samples import sample_records

RECORDS = [r for r in sample_records() if r.schema_name != "RawPage"]


def test_warehouse_away_keeps_the_batch_until_it_is_back(pg_url: str) -> None:
    warehouse = open_warehouse(pg_url)
    warehouse.apply_migrations()
    sink = Sink(warehouse)
    for offset, record in enumerate(RECORDS):
        sink.add(record, "t", 0, offset)
    servers.stop_postgres(hard=True)
    try:
        with pytest.raises(Retryable):
            sink.flush()
        assert len(sink) == len(RECORDS)  # nothing dropped
    finally:
        servers.start_postgres()
    flushed = sink.flush()
    assert sum(flushed.rows.values()) == len(RECORDS)
    counts = [warehouse.query(f"SELECT count(*) FROM {t}")[0][0]
              for t in ("articles", "metric_events", "portal_traffic", "dead_letters")]
    assert counts == [1, 1, 1, 1]
    warehouse.close()


def test_unreachable_server_is_retryable_not_a_crash() -> None:
    warehouse = open_warehouse("postgresql://postgres@127.0.0.1:1/none")
    with pytest.raises(Retryable, match="unreachable"):
        warehouse.apply_migrations()
