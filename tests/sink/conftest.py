from collections.abc import Iterator
from pathlib import Path

import pytest

from services.sink.warehouse import Warehouse, open_warehouse


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path}/w.duckdb"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def warehouse(warehouse_url: str) -> Iterator[Warehouse]:
    w = open_warehouse(warehouse_url)
    w.apply_migrations()
    yield w
    w.close()
