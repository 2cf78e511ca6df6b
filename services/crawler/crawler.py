"""The crawl loop: what is due, politely fetched, deduplicated, emitted.

`Crawler.run_once` visits every URL that is due (seeds, sitemaps and feeds first, then
what they led to), within each portal's limits; changed pages are emitted as
`RawPage`s, failures as `DeadLetter`s, both through the injected `emit` coroutine.
Unchanged pages (304, or the same content hash) are not emitted again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from services.crawler.addresses import Resolver, resolve
from services.crawler.discovery import page_links, xml_links
from services.crawler.fetch import Fetched, Fetcher
from services.crawler.metrics import CrawlerMetrics
from services.crawler.politeness import HostLimiter
from services.crawler.registry import Portal
from services.crawler.robots import Rules, rules_from_response
from services.crawler.state import PersistentState, UrlState, reschedule
from services.crawler.urls import canonical, is_article, worth_fetching
from shared.errors import Rejected, Retryable
from shared.records import DeadLetter, RawPage, utcnow

log = logging.getLogger(__name__)
VERSION = "1.0"
Emit = Callable[[RawPage | DeadLetter], Awaitable[None]]


@dataclass
class PassReport:
    """What one pass did, per portal."""

    fetched: dict[str, int] = field(default_factory=dict)
    emitted: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)


class Crawler:
    def __init__(self, portals: list[Portal], client: httpx.AsyncClient,
                 state: MutableMapping[str, UrlState], emit: Emit, metrics: CrawlerMetrics,
                 contact_url: str, politeness: bool = True, max_pages_per_pass: int = 1000,
                 resolver: Resolver = resolve, attempts: int = 3, backoff_seconds: float = 1.0,
                 clock: Callable[[], float] = time.time,
                 global_concurrency: int = 64) -> None:
        self.portals = portals
        self.client = client
        self.state = state
        self.emit = emit
        self.metrics = metrics
        self.user_agent = f"portalwatch/{VERSION} (+{contact_url})"
        self.fetcher = Fetcher(client, self.user_agent, attempts, resolver, backoff_seconds)
        self.max_pages = max_pages_per_pass
        self.clock = clock
        self.limiters = {p.id: HostLimiter(p.limits.requests_per_second, p.limits.concurrency,
                                           politeness) for p in portals}
        self.politeness = politeness
        self.global_concurrency = global_concurrency
        self._global = asyncio.Semaphore(global_concurrency)  # across all portals
        self._robots: dict[str, Rules] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def run_once(self) -> PassReport:
        report = PassReport()
        for portal in self.portals:
            for url in portal.seeds:
                self.state.setdefault(canonical(url), UrlState(portal.id, "listing"))
            for url in (*portal.sitemaps, *portal.feeds):
                self.state.setdefault(canonical(url), UrlState(portal.id, "feed"))
        # One scan of the state for all portals: with 100,000 URLs and 50 portals a scan
        # per portal would dominate a pass that has little to fetch.
        now = self.clock()
        due: dict[str, list[str]] = {p.id: [] for p in self.portals}
        sizes: dict[str, int] = dict.fromkeys(due, 0)
        for url, entry in self.state.items():
            if entry.portal_id in due:
                sizes[entry.portal_id] += 1
                if entry.next_due <= now:
                    due[entry.portal_id].append(url)
        await asyncio.gather(*(self._crawl_portal(p, due[p.id], report) for p in self.portals))
        for portal_id, size in sizes.items():
            self.metrics.frontier.labels(portal=portal_id).set(size)
        if isinstance(self.state, PersistentState):
            await self.state.save()
        return report

    async def run_forever(self, idle_seconds: float = 30.0) -> None:
        while True:
            await self.run_once()
            await asyncio.sleep(idle_seconds)

    async def _crawl_portal(self, portal: Portal, due: list[str], report: PassReport) -> None:
        order = {"feed": 0, "listing": 1, "article": 2}
        due.sort(key=lambda u: order[self.state[u].kind])
        queue: asyncio.Queue[str] = asyncio.Queue()
        for url in due:
            queue.put_nowait(url)
        seen = set(due)
        visited = 0
        errors: list[BaseException] = []

        async def worker() -> None:
            # Workers wait on the queue rather than quit when it is momentarily empty: a
            # single seed only yields its articles after it is fetched, and every worker
            # must still be there to fetch them concurrently.
            nonlocal visited
            while True:
                url = await queue.get()
                try:
                    if visited < self.max_pages and not errors:
                        visited += 1
                        for found in await self._visit(portal, url, report):
                            if found not in seen:
                                seen.add(found)
                                queue.put_nowait(found)
                except Exception as exc:  # re-raised once the pass stops
                    errors.append(exc)
                finally:
                    queue.task_done()

        count = portal.limits.concurrency if self.politeness else self.global_concurrency
        tasks = [asyncio.create_task(worker()) for _ in range(count)]
        try:
            await queue.join()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if errors:
            raise errors[0]

    async def _visit(self, portal: Portal, url: str, report: PassReport) -> list[str]:
        """Fetch one URL; return the new URLs it leads to."""
        entry = self.state[url]
        base = (portal.schedule.article_seconds if entry.kind == "article"
                else portal.schedule.listing_seconds)
        retries_before = self.fetcher.retries
        try:
            if not await self._allowed(portal, url):
                self.metrics.robots_blocked.labels(portal=portal.id).inc()
                entry.next_due = self.clock() + base
                return []
            async with self.limiters[portal.id].slot(), self._global:
                fetched = await self.fetcher.fetch(url, portal, entry.etag, entry.last_modified)
        except (Rejected, Retryable) as exc:
            self._count_failure(portal, exc, entry, base, report)
            reason = exc.reason if isinstance(exc, Rejected) else "unreachable"
            await self.emit(_dead_letter(portal, url, reason, exc))
            return []
        finally:
            self.metrics.retries.labels(portal=portal.id).inc(self.fetcher.retries - retries_before)
        report.fetched[portal.id] = report.fetched.get(portal.id, 0) + 1
        self._count_success(portal, fetched)
        if fetched.status == 304:
            reschedule(entry, False, self.clock(), base)
            self.metrics.pages.labels(portal=portal.id, outcome="not_modified").inc()
            return []
        digest = hashlib.sha256(fetched.body).hexdigest()
        changed = digest != entry.sha256
        entry.etag, entry.last_modified, entry.failures = fetched.etag, fetched.last_modified, 0
        reschedule(entry, changed, self.clock(), base)
        found = self._discover(portal, entry, fetched) if changed else []
        if not changed or entry.kind == "feed":  # sitemaps and feeds are not pages to parse
            if entry.kind != "feed":
                self.metrics.pages.labels(portal=portal.id, outcome="unchanged").inc()
            entry.sha256 = digest
            return found
        await self.emit(RawPage(
            url=url, final_url=fetched.final_url, portal_id=portal.id, fetched_at=utcnow(),
            http_status=fetched.status, content_type=fetched.content_type,
            declared_charset=fetched.charset, body=fetched.body, content_sha256=digest,
            etag=fetched.etag, last_modified=fetched.last_modified))
        entry.sha256 = digest  # only once the page is safely handed on
        self.metrics.pages.labels(portal=portal.id, outcome="emitted").inc()
        report.emitted[portal.id] = report.emitted.get(portal.id, 0) + 1
        return found

    def _discover(self, portal: Portal, entry: UrlState, fetched: Fetched) -> list[str]:
        if entry.kind == "article":
            return []
        try:
            if entry.kind == "feed":
                pages, nested = xml_links(fetched.body, fetched.final_url)
                links = pages + nested
            else:
                links = page_links(fetched.body, fetched.final_url)
        except Rejected as exc:
            log.warning("crawler: %s: %s", fetched.url, exc)
            return []
        new = []
        for link in links:
            if link in self.state or not worth_fetching(link, portal):
                continue
            if is_article(link, portal):
                kind = "article"
            elif link.endswith(".xml") and entry.kind == "feed":
                kind = "feed"
            elif any(link.startswith(seed) for seed in portal.seeds):
                kind = "listing"  # pagination and sub-listings of a seed
            else:
                continue
            self.state[link] = UrlState(portal.id, kind)
            new.append(link)
        return new

    async def _allowed(self, portal: Portal, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(key)
        if rules is None or rules.expires < time.time():
            # One robots.txt request per host, however many workers ask at once.
            async with self._robots_locks.setdefault(key, asyncio.Lock()):
                rules = self._robots.get(key)
                if rules is None or rules.expires < time.time():
                    rules = await self._fetch_robots(portal, key)
        return rules.allows(url, self.user_agent)

    async def _fetch_robots(self, portal: Portal, key: str) -> Rules:
        try:
            fetched = await self.fetcher.fetch(f"{key}/robots.txt", portal)
            rules = rules_from_response(fetched.status,
                                        fetched.body.decode("utf-8", errors="replace"))
        except Rejected as exc:
            if not exc.reason.startswith("http_"):
                raise  # the host itself is refused: that is the page's failure too
            rules = rules_from_response(int(exc.reason[5]) * 100, "")
        except Retryable:
            rules = rules_from_response(None, "")
        self._robots[key] = rules
        if self.politeness:
            self.limiters[portal.id].slow_down(rules.crawl_delay(self.user_agent))
        return rules

    def _count_success(self, portal: Portal, fetched: Fetched) -> None:
        self.metrics.requests.labels(portal=portal.id,
                                     status_class=f"{fetched.status // 100}xx").inc()
        self.metrics.bytes.labels(portal=portal.id).inc(len(fetched.body))
        self.metrics.latency.labels(portal=portal.id).observe(fetched.seconds)
        self.metrics.last_success.labels(portal=portal.id).set(time.time())

    def _count_failure(self, portal: Portal, exc: Exception, entry: UrlState, base: float,
                       report: PassReport) -> None:
        reason = getattr(exc, "reason", "")
        status_class = reason[5:] if reason.startswith("http_") else "error"
        if isinstance(exc, Retryable) and "HTTP 5" in str(exc):
            status_class = "5xx"
        self.metrics.requests.labels(portal=portal.id, status_class=status_class).inc()
        self.metrics.pages.labels(portal=portal.id, outcome="failed").inc()
        entry.failures += 1
        entry.next_due = self.clock() + min(base, 600.0 * 2 ** min(entry.failures, 6))
        report.failed[portal.id] = report.failed.get(portal.id, 0) + 1


def _dead_letter(portal: Portal, url: str, reason: str, exc: Exception) -> DeadLetter:
    return DeadLetter(stage="crawler", reason=reason, error_class=type(exc).__name__,
                      message=str(exc)[:2000], original_topic=None, original_partition=None,
                      original_offset=None, original_key=url.encode(), original_value=None,
                      url=url, portal_id=portal.id, failed_at=utcnow())
