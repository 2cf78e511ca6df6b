"""DuckDB warehouse: one local file, the embedded mode's default."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from services.sink.rows import Table
from services.sink.warehouse import (
    MIGRATIONS_TABLE_DDL,
    RowRejected,
    pending_migrations,
    upsert_sql,
)
from shared.errors import Retryable

_DATA_ERRORS = (duckdb.ConstraintException, duckdb.ConversionException,
                duckdb.InvalidInputException, duckdb.OutOfRangeException,
                duckdb.DataError)


class DuckDBWarehouse:
    """A batch is one Arrow table, merged with one INSERT … ON CONFLICT DO UPDATE.

    (``executemany`` into a staging table ran at ~1k rows/s; an Arrow scan is the bulk
    path DuckDB is built for.)
    """

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(path)
        except duckdb.IOException as exc:
            raise Retryable(f"cannot open DuckDB file {path}: {exc}", after=2.0) from exc
        self.path = path

    def apply_migrations(self) -> list[int]:
        self._con.execute(MIGRATIONS_TABLE_DDL)
        done = {v for (v,) in self._con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for version, sql in pending_migrations(done):
            self._con.execute("BEGIN")
            self._con.execute(sql)
            self._con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            self._con.execute("COMMIT")
            applied.append(version)
        return applied

    def upsert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        # Last write wins within a batch, as it would across batches (and one INSERT may
        # not touch a key twice).
        key = table.columns.index(table.key)
        unique = list({row[key]: row for row in rows}.values())
        try:
            arrow = pa.table({name: list(values) for name, values
                              in zip(table.columns, zip(*unique, strict=True), strict=True)})
        except (pa.ArrowException, ValueError) as exc:
            raise RowRejected(f"{table.name}: {exc}") from exc
        try:
            self._con.execute("BEGIN")
            self._con.register("incoming_rows", arrow)
            self._con.execute(upsert_sql(table, "incoming_rows"))
            self._con.unregister("incoming_rows")
            self._con.execute("COMMIT")
        except _DATA_ERRORS as exc:
            self._con.execute("ROLLBACK")
            raise RowRejected(f"{table.name}: {exc}") from exc
        except duckdb.IOException as exc:
            self._rollback()
            raise Retryable(f"DuckDB write failed: {exc}", after=2.0) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._con.execute(sql, list(params)).fetchall()

    def _rollback(self) -> None:
        try:
            self._con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def close(self) -> None:
        self._con.close()
