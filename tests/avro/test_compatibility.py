"""Schema evolution gate: every current schema reads data written with every released one.

Released versions live in ``avro/history/<Name>.v<N>.avsc``. A change to a schema must be
released as a new history file (the newest one equals the current schema), and it must
stay backward compatible: a new field needs a default, a field may not change type, an
enum keeps its symbols.
"""

import copy
import io
import json
import re
from pathlib import Path

import fastavro
import pytest
from fastavro.utils import generate_many

from shared.codec import AVRO_DIR

NAMES = sorted(p.stem for p in AVRO_DIR.glob("*.avsc"))


def released(name: str) -> list[Path]:
    paths = AVRO_DIR.glob(f"history/{name}.v*.avsc")
    return sorted(paths, key=lambda p: int(re.search(r"\.v(\d+)\.avsc$", p.name)[1]))  # type: ignore[index]


def reads_all_old_data(old: dict, new: dict, samples: int = 50) -> None:
    """Write random data with `old`, read it with `new`; raises if `new` cannot."""
    writer = fastavro.parse_schema(copy.deepcopy(old))
    reader = fastavro.parse_schema(copy.deepcopy(new))
    for datum in generate_many(writer, samples):
        buf = io.BytesIO()
        fastavro.schemaless_writer(buf, writer, datum)
        buf.seek(0)
        fastavro.schemaless_reader(buf, writer, reader)


def load(path: Path) -> dict:
    return json.loads(path.read_text())


@pytest.mark.parametrize("name", NAMES)
def test_current_schema_is_released(name: str) -> None:
    versions = released(name)
    assert versions, f"avro/history has no released version of {name}"
    assert load(versions[-1]) == load(AVRO_DIR / f"{name}.avsc"), (
        f"{name}.avsc changed: copy it to avro/history/{name}.v{len(versions) + 1}.avsc"
    )


@pytest.mark.parametrize(
    ("name", "version"),
    [(n, p) for n in NAMES for p in released(n)],
    ids=lambda v: getattr(v, "name", v),
)
def test_current_schema_reads_every_released_version(name: str, version: Path) -> None:
    reads_all_old_data(load(version), load(AVRO_DIR / f"{name}.avsc"))


def test_gate_fails_for_a_field_added_without_default() -> None:
    old = load(AVRO_DIR / "MetricEvent.avsc")
    new = copy.deepcopy(old)
    new["fields"].append({"name": "confidence", "type": "double", "doc": "no default"})
    with pytest.raises(fastavro.read.SchemaResolutionError, match="confidence"):
        reads_all_old_data(old, new, samples=1)


def test_gate_accepts_a_field_added_with_default() -> None:
    old = load(AVRO_DIR / "MetricEvent.avsc")
    new = copy.deepcopy(old)
    new["fields"].append(
        {"name": "confidence", "type": ["null", "double"], "default": None, "doc": "ok"}
    )
    reads_all_old_data(old, new, samples=5)


def test_gate_fails_for_a_removed_enum_symbol() -> None:
    old = load(AVRO_DIR / "MetricEvent.avsc")
    new = copy.deepcopy(old)
    qualifier = next(f for f in new["fields"] if f["name"] == "qualifier")
    qualifier["type"]["symbols"].remove("about")
    qualifier["type"].pop("default")
    with pytest.raises(fastavro.read.SchemaResolutionError):
        reads_all_old_data(old, new, samples=200)
