"""Both framings round-trip every record; bad bytes raise the project's own error."""

import datetime as dt
import struct

import pytest

from shared.codec import CONFLUENT_MAGIC, SINGLE_OBJECT_MAGIC, Codec, schema_fingerprint
from shared.errors import Rejected, SerializationError
from shared.records import Article, DeadLetter, MetricEvent, PortalTraffic, RawPage
from tests.samples import sample_records


@pytest.fixture(scope="module")
def codec() -> Codec:
    return Codec()


@pytest.mark.parametrize("record", sample_records(), ids=lambda r: r.schema_name)
def test_single_object_round_trip(codec: Codec, record) -> None:
    data = codec.encode(record, "t")
    assert data[:2] == SINGLE_OBJECT_MAGIC
    assert data[2:10] == schema_fingerprint(codec.schema(record.schema_name))
    assert codec.decode(data, type(record)) == record


def test_fingerprint_is_the_avro_spec_rabin_fingerprint() -> None:
    # Avro spec test vector: CRC-64-AVRO of "null" is 0x63dd24e7cc258f8a, written little-endian.
    assert schema_fingerprint("null") == struct.pack("<Q", 0x63DD24E7CC258F8A)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [b"", b"garbage", SINGLE_OBJECT_MAGIC + b"\x00" * 8 + b"x", b"\xc3\x01"],
    ids=["empty", "no-magic", "unknown-fingerprint", "truncated-header"],
)
def test_undecodable_bytes_raise_serialization_error(codec: Codec, data: bytes) -> None:
    with pytest.raises(SerializationError) as info:
        codec.decode(data, Article)
    assert isinstance(info.value, Rejected) and info.value.reason == "undecodable_record"


def test_truncated_body_is_rejected(codec: Codec) -> None:
    record = sample_records()[1]
    data = codec.encode(record, "t")
    with pytest.raises(SerializationError):
        codec.decode(data[:-7], Article)


def test_confluent_framing_without_registry_says_what_to_set(codec: Codec) -> None:
    with pytest.raises(SerializationError, match="SCHEMA_REGISTRY_URL"):
        codec.decode(CONFLUENT_MAGIC + b"\x00\x00\x00\x01" + b"\x00", MetricEvent)


def test_reading_one_record_type_as_another_is_rejected(codec: Codec) -> None:
    traffic = next(r for r in sample_records() if isinstance(r, PortalTraffic))
    with pytest.raises(SerializationError):
        codec.decode(codec.encode(traffic, "t"), RawPage)


def test_encode_rejects_a_value_outside_the_schema(codec: Codec) -> None:
    bad = DeadLetter(stage="parser", reason="x", error_class="E", message="m",
                     original_topic=None, original_partition=None, original_offset=None,
                     original_key=None, original_value=None, url=None, portal_id=None,
                     failed_at="not a datetime")  # type: ignore[arg-type]
    with pytest.raises(SerializationError):
        codec.encode(bad, "t")


def test_timestamps_come_back_aware_utc(codec: Codec) -> None:
    record = next(r for r in sample_records() if isinstance(r, RawPage))
    decoded = codec.decode(codec.encode(record, "t"), RawPage)
    assert decoded.fetched_at.tzinfo is not None
    assert decoded.fetched_at.utcoffset() == dt.timedelta(0)
