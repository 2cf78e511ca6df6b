"""The dataclasses in shared/records.py are the Avro schemas, field for field."""

import dataclasses
import json

import pytest

from shared.codec import AVRO_DIR
from shared.records import RECORD_TYPES, Change, stable_id


@pytest.mark.parametrize("name", sorted(RECORD_TYPES))
def test_dataclass_fields_match_schema(name: str) -> None:
    schema = json.loads((AVRO_DIR / f"{name}.avsc").read_text())
    avro_fields = [f["name"] for f in schema["fields"]]
    assert [f.name for f in dataclasses.fields(RECORD_TYPES[name])] == avro_fields


def test_change_matches_nested_schema() -> None:
    schema = json.loads((AVRO_DIR / "MetricEvent.avsc").read_text())
    change = next(f for f in schema["fields"] if f["name"] == "change")["type"][1]
    assert [f.name for f in dataclasses.fields(Change)] == [f["name"] for f in change["fields"]]


@pytest.mark.parametrize("name", sorted(RECORD_TYPES))
def test_every_record_and_field_is_documented(name: str) -> None:
    schema = json.loads((AVRO_DIR / f"{name}.avsc").read_text())
    assert schema["namespace"] == "vn.portalwatch" and schema["doc"]
    undocumented = [f["name"] for f in schema["fields"] if not f.get("doc")]
    assert undocumented == []


def test_stable_id_is_deterministic_and_input_sensitive() -> None:
    assert stable_id("a", 1) == stable_id("a", 1)
    assert stable_id("a", 1) != stable_id("a", 2)
    assert stable_id("ab", "c") != stable_id("a", "bc")  # parts are separated
    assert len(stable_id("x")) == 32
