"""What the crawler knows about each URL, kept across restarts.

Per URL: whether it is a listing or an article, its validators (ETag, Last-Modified),
the hash of the last body emitted, when it is next due and its current recrawl
interval. The interval halves when a page changed and doubles when it did not, between
the portal's bounds, so busy listings are polled often and old articles rarely.

Embedded mode keeps the state in a JSON file (written atomically); distributed mode
keeps the same entries in a compacted Kafka topic (`changelog.py`), the changelog idea
of a Faust table.
"""

from __future__ import annotations

import json
import os
import tempfile
from abc import ABC, abstractmethod
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


class PersistentState(MutableMapping[str, UrlState], ABC):
    """URL → UrlState in memory, persisted by `save` at the end of each crawl pass."""

    def __init__(self, entries: dict[str, UrlState] | None = None) -> None:
        self._entries: dict[str, UrlState] = entries or {}

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

    @abstractmethod
    async def save(self) -> None:
        """Persist every entry (or every entry changed since the last save)."""


class FileState(PersistentState):
    """Embedded mode: the state in a JSON file, written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        entries = {}
        if path.exists():
            raw = json.loads(path.read_text(encoding="utf-8"))
            entries = {url: UrlState(**value) for url, value in raw.items()}
        super().__init__(entries)

    async def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".crawl-state")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({url: asdict(e) for url, e in self._entries.items()}, out)
        os.replace(tmp, self.path)
