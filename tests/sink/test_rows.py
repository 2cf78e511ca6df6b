"""A MetricEvent's row is spelled out by hand for speed; pin it to the table's columns."""

from __future__ import annotations

from services.sink.rows import METRIC_EVENTS, to_row
from shared.records import MetricEvent
from tests.samples import sample_records


def test_metric_event_row_follows_the_column_order() -> None:
    event = next(r for r in sample_records() if isinstance(r, MetricEvent))
    assert event.change is not None
    table, row = to_row(event)
    assert table is METRIC_EVENTS
    expected = {f"change_{k}": getattr(event.change, k)
                for k in ("direction", "percent", "factor", "baseline")}
    for column, value in zip(table.columns, row, strict=True):
        assert value == expected.get(column, getattr(event, column, None)), column
