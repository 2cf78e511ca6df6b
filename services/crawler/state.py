"""What the crawler knows about each URL, kept across restarts.

Per URL: whether it is a listing or an article, its validators (ETag, Last-Modified),
the hash of the last body emitted, when it is next due and its current recrawl
interval. The interval halves when a page changed and doubles when it did not, between
the portal's bounds, so busy listings are polled often and old articles rarely.

Embedded mode keeps the state in a JSON file (written atomically); distributed mode
keeps the same entries in a Faust table changelogged to Kafka (see `worker.py`).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class UrlState:
    portal_id: str
    kind: str  # "listing" or "article"
    next_due: float = 0.0
    interval: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    failures: int = 0


def reschedule(entry: UrlState, changed: bool, now: float, base: float) -> None:
    """Adapt the recrawl interval to how often the page changes."""
    low, high = base / 4, base * 8
    interval = entry.interval or base
    entry.interval = max(low, interval / 2) if changed else min(high, interval * 2)
    entry.next_due = now + entry.interval


class FileState(MutableMapping[str, UrlState]):
    """URL → UrlState in a JSON file; `save` writes it atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, UrlState] = {}
        if path.exists():
            raw = json.loads(path.read_text(encoding="utf-8"))
            self._entries = {url: UrlState(**value) for url, value in raw.items()}

    def __getitem__(self, url: str) -> UrlState:
        return self._entries[url]

    def __setitem__(self, url: str, value: UrlState) -> None:
        self._entries[url] = value

    def __delitem__(self, url: str) -> None:
        del self._entries[url]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".crawl-state")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({url: asdict(e) for url, e in self._entries.items()}, out)
        os.replace(tmp, self.path)
