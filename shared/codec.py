"""Avro encoding of portalwatch records, in the two framings the design names.

- **Single-object encoding** (no schema registry): ``C3 01`` + the 8-byte CRC-64-AVRO
  fingerprint of the writer schema (little-endian) + the Avro body. A reader finds the
  writer schema by fingerprint among the current and released versions in ``avro/``.
- **Confluent wire format** (``SCHEMA_REGISTRY_URL`` set): ``00`` + the 4-byte big-endian
  schema id + the Avro body. The current schema is registered under ``<topic>-value`` on
  first use; unknown ids are fetched from the registry and cached.

Decoding accepts both framings whatever the mode, so a consumer can read a topic that
was written before a registry was introduced. Schemas are parsed once, when the codec
is built; the registry is only called on first use of a subject or an id.
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path
from typing import Any, cast

import fastavro
import httpx
from fastavro.schema import fingerprint, to_parsing_canonical_form

from shared.errors import Retryable, SerializationError
from shared.records import R, Record, from_dict, to_dict

AVRO_DIR = Path(__file__).resolve().parents[1] / "avro"
SINGLE_OBJECT_MAGIC = b"\xc3\x01"
CONFLUENT_MAGIC = b"\x00"
REGISTRY_CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"


def load_schema(path: Path) -> dict[str, Any]:
    """Parse one ``.avsc`` file into a fastavro schema."""
    return parse(json.loads(path.read_text(encoding="utf-8")))


def parse(schema_json: dict[str, Any] | str) -> dict[str, Any]:
    """fastavro's parse, typed for what a record schema parses to."""
    return cast(dict[str, Any], fastavro.parse_schema(schema_json))


def schema_fingerprint(schema: dict[str, Any]) -> bytes:
    """The 8 bytes single-object encoding puts after ``C3 01`` for this schema."""
    return bytes.fromhex(fingerprint(to_parsing_canonical_form(schema), "CRC-64-AVRO"))


class SchemaRegistry:
    """A minimal Confluent-compatible schema registry client (sync httpx, cached).

    Only two calls: register a schema under a subject, and fetch a schema by id. Both
    are cached for the life of the process, so the network is touched once per subject.
    """

    def __init__(self, url: str, client: httpx.Client | None = None) -> None:
        self.url = url.rstrip("/")
        self._client = client or httpx.Client(timeout=10.0)
        self._ids: dict[tuple[str, str], int] = {}
        self._schemas: dict[int, dict[str, Any]] = {}

    def register(self, subject: str, schema_json: str) -> int:
        key = (subject, schema_json)
        if key not in self._ids:
            body = self._call(
                "POST", f"/subjects/{subject}/versions", json={"schema": schema_json}
            )
            self._ids[key] = int(body["id"])
        return self._ids[key]

    def schema(self, schema_id: int) -> dict[str, Any]:
        if schema_id not in self._schemas:
            body = self._call("GET", f"/schemas/ids/{schema_id}")
            self._schemas[schema_id] = parse(json.loads(body["schema"]))
        return self._schemas[schema_id]

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._client.request(
                method, self.url + path, headers={"Content-Type": REGISTRY_CONTENT_TYPE}, **kwargs
            )
        except httpx.HTTPError as exc:
            raise Retryable(f"schema registry {self.url} unreachable: {exc}", after=2.0) from exc
        if response.status_code == 404:
            raise SerializationError(f"schema registry has no {path}")
        if response.status_code >= 400:
            raise Retryable(
                f"schema registry {method} {path} answered {response.status_code}: "
                f"{response.text[:200]}",
                after=2.0,
            )
        result: dict[str, Any] = response.json()
        return result

    def close(self) -> None:
        self._client.close()


class Codec:
    """Encodes records to bytes and back, for every schema in ``avro/``."""

    def __init__(self, registry: SchemaRegistry | None = None, avro_dir: Path = AVRO_DIR) -> None:
        self.registry = registry
        self._current: dict[str, dict[str, Any]] = {}
        self._current_json: dict[str, str] = {}
        self._by_fingerprint: dict[bytes, dict[str, Any]] = {}
        for path in sorted(avro_dir.glob("*.avsc")):
            raw = json.loads(path.read_text(encoding="utf-8"))
            self._current[path.stem] = parse(raw)
            # The registry gets the full schema: canonical form would drop logical types.
            self._current_json[path.stem] = json.dumps(raw, ensure_ascii=False)
        for path in sorted(avro_dir.glob("history/*.avsc")):
            schema = load_schema(path)
            self._by_fingerprint[schema_fingerprint(schema)] = schema
        self._current_fp = {n: schema_fingerprint(s) for n, s in self._current.items()}
        # A record written with the current schema resolves to the very object it is read
        # with: fastavro then skips schema resolution, a third of a decode's cost.
        self._by_fingerprint.update({fp: self._current[n] for n, fp in self._current_fp.items()})
        self._by_id: dict[int, dict[str, Any]] = {}

    def schema(self, name: str) -> dict[str, Any]:
        """The current parsed schema of a record name (e.g. ``"MetricEvent"``)."""
        return self._current[name]

    def encode(self, record: Record, topic: str) -> bytes:
        """Encode a record for `topic` in the codec's framing."""
        name = record.schema_name
        schema = self._current[name]
        body = io.BytesIO()
        try:
            fastavro.schemaless_writer(body, schema, to_dict(record))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise SerializationError(f"cannot encode {name}: {exc}") from exc
        if self.registry is None:
            return SINGLE_OBJECT_MAGIC + self._current_fp[name] + body.getvalue()
        schema_id = self.registry.register(f"{topic}-value", self._current_json[name])
        return CONFLUENT_MAGIC + struct.pack(">I", schema_id) + body.getvalue()

    def decode(self, data: bytes, cls: type[R]) -> R:
        """Decode bytes of either framing into a record of type `cls`.

        Raises `SerializationError` (a `Rejected`) for anything that is not a valid
        record, so the caller can dead-letter it.
        """
        if not isinstance(data, bytes | bytearray):
            raise SerializationError(f"expected bytes, got {type(data).__name__}")
        writer = self._writer_schema(bytes(data[:10]))
        offset = 10 if data[:2] == SINGLE_OBJECT_MAGIC else 5
        reader = self._current[cls.schema_name]
        try:
            values = fastavro.schemaless_reader(io.BytesIO(data[offset:]), writer, reader)
        except Exception as exc:  # fastavro raises many types on corrupt input
            raise SerializationError(
                f"not a valid {cls.schema_name} record: {type(exc).__name__}: {exc}"
            ) from exc
        if not isinstance(values, dict):
            raise SerializationError(f"not a {cls.schema_name} record")
        return from_dict(cls, values)

    def _writer_schema(self, header: bytes) -> dict[str, Any]:
        if header[:2] == SINGLE_OBJECT_MAGIC and len(header) >= 10:
            schema = self._by_fingerprint.get(header[2:10])
            if schema is None:
                raise SerializationError(f"unknown schema fingerprint {header[2:10].hex()}")
            return schema
        if header[:1] == CONFLUENT_MAGIC and len(header) >= 5:
            if self.registry is None:
                raise SerializationError(
                    "record is in Confluent wire format but SCHEMA_REGISTRY_URL is not set"
                )
            schema_id = struct.unpack(">I", header[1:5])[0]
            if schema_id not in self._by_id:
                schema = self.registry.schema(schema_id)
                self._by_id[schema_id] = self._by_fingerprint.get(schema_fingerprint(schema),
                                                                  schema)
            return self._by_id[schema_id]
        raise SerializationError(f"unknown framing (first bytes {header[:4].hex() or 'empty'})")
