"""Per-portal rate and concurrency limits, and a global concurrency limit.

Each portal has a semaphore (its concurrency) and a minimum interval between request
starts (1 / requests_per_second, or robots.txt's Crawl-delay if longer). Politeness
off (benchmarks) keeps only the global limit.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostLimiter:
    def __init__(self, requests_per_second: float, concurrency: int, enabled: bool = True) -> None:
        self.interval = 1.0 / requests_per_second if enabled else 0.0
        self._slots = asyncio.Semaphore(concurrency if enabled else 1_000_000)
        self._lock = asyncio.Lock()
        self._next_start = 0.0

    def slow_down(self, crawl_delay: float) -> None:
        self.interval = max(self.interval, crawl_delay)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            async with self._lock:
                now = time.monotonic()
                wait = self._next_start - now
                self._next_start = max(now, self._next_start) + self.interval
            if wait > 0:
                await asyncio.sleep(wait)
            yield
