from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.topics import Topics
from tests.e2e.harness import Workers


@pytest.fixture
def workers(
    kafka_bootstrap: str, fresh_topics: Topics, pg_url: str, tmp_path: Path
) -> Iterator[Workers]:
    w = Workers(kafka_bootstrap, fresh_topics, pg_url, tmp_path)
    yield w
    w.stop_all()
