"""Records as warehouse rows: which table, which columns, in which order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.records import Article, DeadLetter, MetricEvent, PortalTraffic, Record, stable_id


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    key: str
    columns: tuple[str, ...]


ARTICLES = Table("articles", "article_id", (
    "article_id", "url", "portal_id", "province", "title", "text", "published_at", "author",
    "content_sha256", "fetched_at", "parsed_at", "parser_version"))
METRIC_EVENTS = Table("metric_events", "event_id", (
    "event_id", "article_id", "portal_id", "province", "source_url", "indicator",
    "indicator_label", "value", "unit", "qualifier", "change_direction", "change_percent",
    "change_factor", "change_baseline", "period_start", "period_end", "period_label",
    "sentence", "span_start", "span_end", "published_at", "extracted_at", "extractor_version"))
PORTAL_TRAFFIC = Table("portal_traffic", "traffic_id", (
    "traffic_id", "portal_id", "url", "observed_at", "online", "today", "yesterday", "week",
    "month", "total"))
DEAD_LETTERS = Table("dead_letters", "dead_letter_id", (
    "dead_letter_id", "stage", "reason", "error_class", "message", "original_topic",
    "original_partition", "original_offset", "original_key", "original_value", "url",
    "portal_id", "failed_at"))
TABLES = (ARTICLES, METRIC_EVENTS, PORTAL_TRAFFIC, DEAD_LETTERS)


def to_row(record: Record) -> tuple[Table, tuple[Any, ...]]:
    """The table a record goes to and its row, in that table's column order."""
    if isinstance(record, MetricEvent):
        c = record.change
        r = record
        return METRIC_EVENTS, (
            r.event_id, r.article_id, r.portal_id, r.province, r.source_url, r.indicator,
            r.indicator_label, r.value, r.unit, r.qualifier,
            c.direction if c else None, c.percent if c else None,
            c.factor if c else None, c.baseline if c else None,
            r.period_start, r.period_end, r.period_label, r.sentence, r.span_start,
            r.span_end, r.published_at, r.extracted_at, r.extractor_version)
    if isinstance(record, Article):
        return ARTICLES, tuple(getattr(record, col) for col in ARTICLES.columns)
    if isinstance(record, PortalTraffic):
        return PORTAL_TRAFFIC, tuple(getattr(record, col) for col in PORTAL_TRAFFIC.columns)
    if isinstance(record, DeadLetter):
        # A dead letter's id is where its input stood (or, for the crawler, what failed).
        key = stable_id(record.stage, record.original_topic, record.original_partition,
                        record.original_offset, record.url, record.failed_at
                        if record.original_topic is None else None)
        return DEAD_LETTERS, (key, *(getattr(record, col) for col in DEAD_LETTERS.columns[1:]))
    raise TypeError(f"the sink does not store {type(record).__name__}")
