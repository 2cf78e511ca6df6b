"""Typed records, one dataclass per Avro schema in ``avro/``.

The pure cores of the services take and return these; the codec turns them into Avro
and back. Field names and order match the ``.avsc`` files exactly (a test checks it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar

Qualifier = Literal["exact", "estimate", "at_least", "at_most", "about"]
Direction = Literal["increase", "decrease"]


def stable_id(*parts: object) -> str:
    """Deterministic id from its inputs, so re-processing yields the same id."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def utcnow() -> dt.datetime:
    """Now, in UTC, at millisecond precision (what timestamp-millis keeps)."""
    now = dt.datetime.now(dt.UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


@dataclass(frozen=True, slots=True)
class RawPage:
    schema_name: ClassVar[str] = "RawPage"
    url: str
    final_url: str
    portal_id: str
    fetched_at: dt.datetime
    http_status: int
    content_type: str
    declared_charset: str | None
    body: bytes
    content_sha256: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    schema_name: ClassVar[str] = "Article"
    article_id: str
    url: str
    portal_id: str
    province: str | None
    title: str
    text: str
    published_at: dt.datetime | None
    author: str | None
    content_sha256: str
    fetched_at: dt.datetime
    parsed_at: dt.datetime
    parser_version: str


@dataclass(frozen=True, slots=True)
class PortalTraffic:
    schema_name: ClassVar[str] = "PortalTraffic"
    traffic_id: str
    portal_id: str
    url: str
    observed_at: dt.datetime
    online: int | None = None
    today: int | None = None
    yesterday: int | None = None
    week: int | None = None
    month: int | None = None
    total: int | None = None


@dataclass(frozen=True, slots=True)
class Change:
    direction: Direction
    percent: float | None = None
    factor: float | None = None
    baseline: str | None = None


@dataclass(frozen=True, slots=True)
class MetricEvent:
    schema_name: ClassVar[str] = "MetricEvent"
    event_id: str
    article_id: str
    portal_id: str
    province: str | None
    source_url: str
    indicator: str
    indicator_label: str
    value: float
    unit: str
    qualifier: Qualifier
    change: Change | None
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    sentence: str
    span_start: int
    span_end: int
    published_at: dt.datetime | None
    extracted_at: dt.datetime
    extractor_version: str


@dataclass(frozen=True, slots=True)
class DeadLetter:
    schema_name: ClassVar[str] = "DeadLetter"
    stage: str
    reason: str
    error_class: str
    message: str
    original_topic: str | None
    original_partition: int | None
    original_offset: int | None
    original_key: bytes | None
    original_value: bytes | None
    url: str | None
    portal_id: str | None
    failed_at: dt.datetime


Record = RawPage | Article | PortalTraffic | MetricEvent | DeadLetter
R = TypeVar("R", bound=RawPage | Article | PortalTraffic | MetricEvent | DeadLetter)

RECORD_TYPES: dict[str, type[Record]] = {
    cls.schema_name: cls for cls in (RawPage, Article, PortalTraffic, MetricEvent, DeadLetter)
}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in (*RECORD_TYPES.values(), Change)
}


def to_dict(record: Record) -> dict[str, Any]:
    """The record as the plain dict Avro writers take (the nested `Change` becomes a dict).

    Field by field rather than `dataclasses.asdict`, which deep-copies every value: the
    values are immutable, and the copy cost more than the Avro encoding itself.
    """
    values = {name: getattr(record, name) for name in _FIELD_NAMES[type(record)]}
    change = values.get("change")
    if isinstance(change, Change):
        values["change"] = {name: getattr(change, name) for name in _FIELD_NAMES[Change]}
    return values


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Build a record from a decoded Avro dict, ignoring fields this code does not know.

    Ignoring unknown fields is what lets an older service read a newer writer's data.
    """
    values = {name: data[name] for name in _FIELD_NAMES[cls] if name in data}
    if cls is MetricEvent and values.get("change") is not None:
        values["change"] = Change(**values["change"])
    return cls(**values)
