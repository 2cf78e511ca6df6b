"""The warehouse the sink writes to: DuckDB by default, PostgreSQL by URL.

A backend only has to apply the migrations in ``deploy/warehouse/`` and upsert rows;
connection failures surface as `Retryable`, rows the warehouse refuses as `RowRejected`
so the sink can dead-letter exactly those.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from services.sink.rows import Table
from shared.errors import ConfigError, PortalwatchError

MIGRATIONS = Path(__file__).resolve().parents[2] / "deploy" / "warehouse"


class RowRejected(PortalwatchError):
    """The warehouse refused the rows (a constraint, a value out of range)."""


class Warehouse(Protocol):
    def apply_migrations(self) -> list[int]: ...

    def upsert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def close(self) -> None: ...


MIGRATIONS_TABLE_DDL = ("CREATE TABLE IF NOT EXISTS schema_migrations "
                        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT now())")


def pending_migrations(done: set[int]) -> list[tuple[int, str]]:
    """The migrations not yet applied, in order (both backends run these)."""
    return [(version, sql) for version, sql in migrations() if version not in done]


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every migration file, in order."""
    out = []
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        out.append((int(path.name[:4]), path.read_text(encoding="utf-8")))
    return out


def upsert_sql(table: Table, source: str) -> str:
    """INSERT … SELECT … ON CONFLICT DO UPDATE, the same on both backends."""
    cols = ", ".join(table.columns)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in table.columns if c != table.key)
    return (f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {source} "
            f"ON CONFLICT ({table.key}) DO UPDATE SET {updates}")


def open_warehouse(url: str) -> Warehouse:
    """A warehouse from a URL: ``duckdb:///path/file.duckdb`` or ``postgresql://…``."""
    if url.startswith("duckdb:///"):
        from services.sink.duckdb_backend import DuckDBWarehouse

        # duckdb:///relative.duckdb, duckdb:////absolute/path.duckdb, duckdb:///:memory:
        return DuckDBWarehouse(url.removeprefix("duckdb:///") or ":memory:")
    if url.startswith(("postgresql://", "postgres://")):
        from services.sink.postgres_backend import PostgresWarehouse

        return PostgresWarehouse(url)
    raise ConfigError(
        f"PORTALWATCH_WAREHOUSE_URL must start with duckdb:/// or postgresql://, got {url!r}")
