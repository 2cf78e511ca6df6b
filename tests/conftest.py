"""Session-wide real servers and per-test fresh topics.

The broker, the schema registry and PostgreSQL are real processes on 127.0.0.1 started
once per session by the scripts in deploy/local/ (or taken from the environment:
KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL). Tests that need them never skip: if a
server cannot be had, the test errors and says why.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from shared.topics import Topics
from tests import servers

PARTITIONS = 3


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    bootstrap = servers.start_kafka()
    yield bootstrap
    servers.stop_kafka()


@pytest.fixture(scope="session")
def registry_url() -> Iterator[str]:
    url = servers.start_registry()
    yield url
    servers.stop_registry()


async def create_topics(bootstrap: str, names: list[str], partitions: int = PARTITIONS) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics(
            [NewTopic(n, num_partitions=partitions, replication_factor=1) for n in names])
    finally:
        await admin.close()


@pytest.fixture
def fresh_topics(kafka_bootstrap: str) -> Topics:
    """The five pipeline topics under a prefix no other test uses, already created."""
    topics = Topics(prefix=f"test-{uuid.uuid4().hex[:10]}.")
    asyncio.run(create_topics(kafka_bootstrap, list(topics.all())))
    return topics


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    url = servers.start_postgres()
    yield url
    servers.stop_postgres()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's PostgreSQL server."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield pg_server.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
