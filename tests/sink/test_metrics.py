"""The sink's series move with what the warehouse confirmed, on a fresh registry."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from services.sink.batcher import Sink
from services.sink.metrics import SinkMetrics
from services.sink.warehouse import Warehouse, open_warehouse
from shared.errors import Retryable
from shared.records import MetricEvent
from tests.samples import sample_records

EVENT = next(r for r in sample_records() if isinstance(r, MetricEvent))


def test_rows_batch_size_and_health_after_a_flush(warehouse: Warehouse) -> None:
    registry = CollectorRegistry()
    sink = Sink(warehouse, metrics=SinkMetrics(registry))
    for offset in range(3):  # a redelivery: three records, one row
        sink.add(EVENT, "metrics", 0, offset)
    sink.flush()
    value = registry.get_sample_value
    assert value("portalwatch_sink_rows_written_total", {"table": "metric_events"}) == 3
    assert value("portalwatch_sink_batch_size_records_count") == 1
    assert value("portalwatch_sink_batch_size_records_sum") == 3
    assert value("portalwatch_sink_batch_flush_seconds_count") == 1
    assert value("portalwatch_sink_warehouse_up") == 1


def test_unreachable_warehouse_counts_an_error_and_goes_down() -> None:
    registry = CollectorRegistry()
    w = open_warehouse("postgresql://postgres@127.0.0.1:1/none")
    sink = Sink(w, metrics=SinkMetrics(registry))
    sink.add(EVENT, "metrics", 0, 7)
    with pytest.raises(Retryable):
        sink.flush()
    assert len(sink) == 1
    value = registry.get_sample_value
    assert value("portalwatch_sink_warehouse_errors_total", {"kind": "unavailable"}) == 1
    assert value("portalwatch_sink_warehouse_up") == 0
