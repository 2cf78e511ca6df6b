"""PostgreSQL warehouse: rows are COPYed into a temporary staging table, then merged."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from services.sink.rows import Table
from services.sink.warehouse import (
    MIGRATIONS_TABLE_DDL,
    RowRejected,
    pending_migrations,
    upsert_sql,
)
from shared.errors import Retryable


class PostgresWarehouse:
    """One connection; reconnects after the server was away."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._con: psycopg.Connection[Any] | None = None

    def _connection(self) -> psycopg.Connection[Any]:
        if self._con is None or self._con.closed or self._con.broken:
            try:
                self._con = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            except psycopg.OperationalError as exc:
                raise Retryable(f"PostgreSQL unreachable: {_first_line(exc)}", after=2.0) from exc
        return self._con

    def apply_migrations(self) -> list[int]:
        con = self._connection()
        applied = []
        with con.transaction():
            con.execute("SELECT pg_advisory_xact_lock(7346)")  # one migrator at a time
            con.execute(MIGRATIONS_TABLE_DDL)
            done = {v for (v,) in con.execute("SELECT version FROM schema_migrations")}
            for version, sql in pending_migrations(done):
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations (version) VALUES (%s)", [version])
                applied.append(version)
        return applied

    def upsert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        staging = f"staging_{table.name}"
        cols = ", ".join(table.columns)
        # Last write wins within a batch, as it would across batches (and one INSERT may
        # not touch a key twice); done here, it saves a self-join in the server.
        key = table.columns.index(table.key)
        unique = list({row[key]: row for row in rows}.values())
        try:
            con = self._connection()
            with con.transaction():
                con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} "
                            f"(LIKE {table.name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
                with con.cursor().copy(f"COPY {staging} ({cols}) FROM STDIN") as copy:
                    for row in unique:
                        copy.write_row(row)
                con.execute(upsert_sql(table, staging))
        except (psycopg.DataError, psycopg.IntegrityError) as exc:
            raise RowRejected(f"{table.name}: {_first_line(exc)}") from exc
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise Retryable(f"PostgreSQL write failed: {_first_line(exc)}", after=2.0) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._connection().execute(sql.replace("?", "%s"), list(params)))
        except psycopg.OperationalError as exc:
            raise Retryable(f"PostgreSQL query failed: {_first_line(exc)}", after=2.0) from exc

    def close(self) -> None:
        if self._con is not None:
            self._con.close()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
