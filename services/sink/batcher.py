"""The sink's core: batch records, upsert them, dead-letter the rows the warehouse refuses.

`add` buffers a record with where it came from; `flush` writes the buffer in one upsert
per table and returns the rows written per table and the dead letters for rows the
warehouse refused. If the warehouse is away, `flush` raises `Retryable` and keeps the
whole batch: the caller commits no offset, nothing is lost. If the warehouse refuses a
batch, each row is tried alone, so one bad row costs a dead letter and the rest lands.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from services.sink.metrics import SinkMetrics
from services.sink.rows import Table, to_row
from services.sink.warehouse import RowRejected, Warehouse
from shared.errors import Retryable
from shared.records import DeadLetter, Record, utcnow


@dataclass(frozen=True, slots=True)
class Limits:
    """A batch is flushed when it has `max_records` or is `max_seconds` old."""

    max_records: int = 500
    max_seconds: float = 1.0


@dataclass
class Flushed:
    dead_letters: list[DeadLetter] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


@dataclass
class _Pending:
    record: Record
    topic: str
    partition: int
    offset: int


class Sink:
    def __init__(self, warehouse: Warehouse, limits: Limits = Limits(),
                 clock: Callable[[], float] = time.monotonic,
                 metrics: SinkMetrics | None = None) -> None:
        self.warehouse = warehouse
        self.metrics = metrics
        self.limits = limits
        self._clock = clock
        self._pending: list[_Pending] = []
        self._opened_at: float | None = None

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, record: Record, topic: str, partition: int, offset: int) -> None:
        if not self._pending:
            self._opened_at = self._clock()
        self._pending.append(_Pending(record, topic, partition, offset))

    def due(self) -> bool:
        if self._opened_at is None:
            return False
        age = self._clock() - self._opened_at
        return len(self._pending) >= self.limits.max_records or age >= self.limits.max_seconds

    def flush(self) -> Flushed:
        """Write the batch; raises `Retryable` (batch kept) when the warehouse is away."""
        if not self._pending:
            return Flushed()
        started = time.perf_counter()
        try:
            result = self._write()
        except Retryable:
            if self.metrics:
                self.metrics.warehouse_errors.labels(kind="unavailable").inc()
                self.metrics.warehouse_up.set(0)
            raise
        if self.metrics:
            self.metrics.flush_seconds.observe(time.perf_counter() - started)
            self.metrics.batch_size.observe(len(self._pending))
            self.metrics.warehouse_up.set(1)
            for table_name, n in result.rows.items():
                self.metrics.rows_written.labels(table=table_name).inc(n)
            if result.dead_letters:
                self.metrics.warehouse_errors.labels(kind="rejected").inc(
                    len(result.dead_letters))
        self._pending.clear()
        self._opened_at = None
        return result

    def _write(self) -> Flushed:
        result = Flushed()
        by_table: dict[str, tuple[Table, list[tuple[Any, ...]], list[_Pending]]] = {}
        for item in self._pending:
            table, row = to_row(item.record)
            entry = by_table.setdefault(table.name, (table, [], []))
            entry[1].append(row)
            entry[2].append(item)
        for table, rows, items in by_table.values():
            try:
                self.warehouse.upsert(table, rows)
                result.rows[table.name] = len(rows)
            except RowRejected:
                landed = 0
                for row, item in zip(rows, items, strict=True):
                    try:
                        self.warehouse.upsert(table, [row])
                        landed += 1
                    except RowRejected as exc:
                        result.dead_letters.append(_rejected(item, exc))
                result.rows[table.name] = landed
        return result


def _rejected(item: _Pending, exc: RowRejected) -> DeadLetter:
    record = item.record
    return DeadLetter(
        stage="sink", reason="rejected_by_warehouse", error_class=type(exc).__name__,
        message=str(exc)[:2000], original_topic=item.topic, original_partition=item.partition,
        original_offset=item.offset, original_key=None, original_value=None,
        url=getattr(record, "url", None) or getattr(record, "source_url", None),
        portal_id=getattr(record, "portal_id", None), failed_at=utcnow())
