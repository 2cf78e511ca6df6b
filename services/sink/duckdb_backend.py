"""DuckDB warehouse: one local file, the embedded mode's default."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from services.sink.rows import Table
from services.sink.warehouse import RowRejected, migrations, upsert_sql
from shared.errors import Retryable

_DATA_ERRORS = (duckdb.ConstraintException, duckdb.ConversionException,
                duckdb.InvalidInputException, duckdb.OutOfRangeException,
                duckdb.DataError)


class DuckDBWarehouse:
    """Rows go into a temporary staging table with executemany, then one upsert."""

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(path)
        except duckdb.IOException as exc:
            raise Retryable(f"cannot open DuckDB file {path}: {exc}", after=2.0) from exc
        self.path = path

    def apply_migrations(self) -> list[int]:
        self._con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                          "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT now())")
        done = {v for (v,) in self._con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for version, sql in migrations():
            if version in done:
                continue
            self._con.execute("BEGIN")
            self._con.execute(sql)
            self._con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            self._con.execute("COMMIT")
            applied.append(version)
        return applied

    def upsert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        staging = f"staging_{table.name}"
        placeholders = ", ".join("?" for _ in table.columns)
        try:
            self._con.execute("BEGIN")
            self._con.execute(f"CREATE OR REPLACE TEMP TABLE {staging} AS "
                              f"SELECT * FROM {table.name} LIMIT 0")
            self._con.executemany(f"INSERT INTO {staging} VALUES ({placeholders})", list(rows))
            # Last write wins within a batch, as it would across batches.
            self._con.execute(f"DELETE FROM {staging} WHERE rowid NOT IN (SELECT max(rowid) "
                              f"FROM {staging} GROUP BY {table.key})")
            self._con.execute(upsert_sql(table, staging))
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
