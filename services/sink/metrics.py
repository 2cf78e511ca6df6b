"""The sink's own series, on an explicit registry (beside the stage's `StageMetrics`)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class SinkMetrics:
    """``portalwatch_sink_…``: rows by table, flush time, batch size, warehouse errors."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.rows_written = Counter(
            "portalwatch_sink_rows_written_total", "Rows the warehouse confirmed, by table.",
            ["table"], registry=registry)
        self.flush_seconds = Histogram(
            "portalwatch_sink_batch_flush_seconds", "Time to write one batch to the warehouse.",
            registry=registry,
            buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
        self.batch_size = Histogram(
            "portalwatch_sink_batch_size_records", "Records in a flushed batch.",
            registry=registry, buckets=(1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000))
        self.warehouse_errors = Counter(
            "portalwatch_sink_warehouse_errors_total",
            "Warehouse failures, by kind (unavailable: batch kept; rejected: rows isolated).",
            ["kind"], registry=registry)
        self.warehouse_up = Gauge(
            "portalwatch_sink_warehouse_up", "1 when the last warehouse write succeeded, else 0.",
            registry=registry)
