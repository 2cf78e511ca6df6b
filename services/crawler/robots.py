"""robots.txt, through protego, cached per host.

Defined behaviour: a 2xx file is obeyed; 4xx (no file) allows everything; 5xx or no
answer disallows everything until the next check (RFC 9309 §2.3.1.4). Crawl-delay is
obeyed but capped, so one bad file cannot stall a portal for hours.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from protego import Protego

MAX_CRAWL_DELAY = 30.0
CACHE_SECONDS = 24 * 3600.0
RETRY_SECONDS = 600.0


@dataclass
class Rules:
    parser: Protego | None  # None: allow all
    allow_all: bool
    expires: float

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float:
        if self.parser is None:
            return 0.0
        return min(float(self.parser.crawl_delay(agent) or 0.0), MAX_CRAWL_DELAY)


def rules_from_response(status: int | None, body: str, now: float | None = None) -> Rules:
    """Rules for a robots.txt answer (`status` None: no answer at all)."""
    now = time.time() if now is None else now
    if status is not None and 200 <= status < 300:
        return Rules(Protego.parse(body), True, now + CACHE_SECONDS)
    if status is not None and 400 <= status < 500:
        return Rules(None, True, now + CACHE_SECONDS)
    return Rules(None, False, now + RETRY_SECONDS)
