from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from prometheus_client import CollectorRegistry

from services.crawler import Crawler, CrawlerMetrics, FileState, Portal
from services.crawler.registry import Limits, Schedule
from services.portal_server import PORTALS_DIR, PortalServer
from shared.records import DeadLetter, RawPage


def fixture_portal(server: PortalServer, portal_id: str = "fixture", *, seeds=("/tin-tuc/",),
                   pattern: str = r"/tin-tuc/.+\.html$", sitemaps=(), rps: float = 100.0,
                   concurrency: int = 4, max_body: int = 2_000_000, timeout: float = 5.0,
                   allow_private: bool = True, base_url: str | None = None) -> Portal:
    base = base_url or server.base_url
    return Portal(id=portal_id, province="Hải Phòng", department="test", base_url=base,
                  seeds=tuple(base + s for s in seeds), article_pattern=re.compile(pattern),
                  sitemaps=tuple(base + s for s in sitemaps), allow_private=allow_private,
                  limits=Limits(rps, concurrency, max_body, timeout), schedule=Schedule())


class Harness:
    """A crawler wired to a real local server, collecting what it emits."""

    def __init__(self, tmp_path: Path) -> None:
        self.registry = CollectorRegistry()
        self.metrics = CrawlerMetrics(self.registry)
        self.pages: list[RawPage] = []
        self.letters: list[DeadLetter] = []
        self.state_path = tmp_path / "state.json"

    async def emit(self, record: RawPage | DeadLetter) -> None:
        (self.pages if isinstance(record, RawPage) else self.letters).append(record)

    def crawler(self, portals: list[Portal], client: httpx.AsyncClient, **kwargs) -> Crawler:
        return Crawler(portals, client, FileState(self.state_path), self.emit, self.metrics,
                       "https://example.test/contact", backoff_seconds=0.05, **kwargs)

    def metric(self, name: str, **labels: str) -> float:
        return self.registry.get_sample_value(name, labels) or 0.0


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0)) as c:
        yield c


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., object]]:
    servers: list[PortalServer] = []

    async def start(site: str = "sharepoint-haiphong", host: str = "127.0.0.1",
                    extra=None) -> PortalServer:
        server = await PortalServer(PORTALS_DIR / site, host=host, extra=extra).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()
