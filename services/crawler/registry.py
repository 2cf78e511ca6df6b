"""The portal registry: which portals to crawl, how, and how politely.

A TOML file (``portals.toml``) with one ``[[portal]]`` table per portal. Loading checks
every entry and says which portal and which field is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from shared.errors import ConfigError


@dataclass(frozen=True)
class Limits:
    """Per-portal politeness and safety limits."""

    requests_per_second: float = 1.0
    concurrency: int = 2
    max_body_bytes: int = 5 * 1024 * 1024
    timeout_seconds: float = 20.0


@dataclass(frozen=True)
class Schedule:
    """How often pages are fetched again (adapted per page by how often it changes)."""

    listing_seconds: float = 3600.0
    article_seconds: float = 7 * 24 * 3600.0


@dataclass(frozen=True)
class Portal:
    id: str
    province: str
    department: str
    base_url: str
    seeds: tuple[str, ...]
    article_pattern: re.Pattern[str]
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    archive: bool = False
    allow_private: bool = False
    limits: Limits = field(default_factory=Limits)
    schedule: Schedule = field(default_factory=Schedule)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def hosts(self) -> frozenset[str]:
        """Host[:port]s this portal may be fetched from (with and without www)."""
        bare = urlsplit(self.base_url).netloc.lower().removeprefix("www.")
        return frozenset({bare, f"www.{bare}"})


def load_portals(path: Path | str) -> list[Portal]:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"portal registry {path} does not exist (PORTALWATCH_PORTALS)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"portal registry {path} is not valid TOML: {exc}") from exc
    entries = data.get("portal")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"portal registry {path} has no [[portal]] entries")
    portals = [_portal(path, i, entry) for i, entry in enumerate(entries)]
    seen: set[str] = set()
    for portal in portals:
        if portal.id in seen:
            raise ConfigError(f"{path}: portal id {portal.id!r} is used twice")
        seen.add(portal.id)
    return portals


def _portal(path: Path, index: int, entry: dict[str, Any]) -> Portal:
    where = f"{path}: portal #{index + 1} ({entry.get('id', 'no id')})"
    for key in ("id", "province", "department", "base_url", "seeds", "article_pattern"):
        if key not in entry:
            raise ConfigError(f"{where}: missing field {key!r}")
    base = str(entry["base_url"])
    if urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).hostname:
        raise ConfigError(f"{where}: base_url must be an http(s) URL, got {base!r}")
    try:
        pattern = re.compile(entry["article_pattern"])
    except re.error as exc:
        raise ConfigError(f"{where}: article_pattern is not a regular expression: {exc}") from exc
    try:
        limits = Limits(**entry.get("limits", {}))
        schedule = Schedule(**entry.get("schedule", {}))
    except TypeError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    if limits.requests_per_second <= 0 or limits.concurrency < 1:
        raise ConfigError(f"{where}: limits must be positive")
    seeds = tuple(_absolute(base, s) for s in entry["seeds"])
    return Portal(
        id=str(entry["id"]), province=str(entry["province"]), department=str(entry["department"]),
        base_url=base, seeds=seeds, article_pattern=pattern,
        sitemaps=tuple(_absolute(base, s) for s in entry.get("sitemaps", ())),
        feeds=tuple(_absolute(base, s) for s in entry.get("feeds", ())),
        archive=bool(entry.get("archive", False)),
        allow_private=bool(entry.get("allow_private", False)),
        limits=limits, schedule=schedule)


def _absolute(base: str, url: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base.rstrip("/") + "/", url)


def format_portals(portals: list[Portal]) -> str:
    """The registry as a table for `portalwatch portals`."""
    lines = [f"{'id':<22} {'province':<16} {'state':<8} {'rate/s':>6}  base URL"]
    for p in portals:
        state = "archive" if p.archive else "active"
        lines.append(f"{p.id:<22} {p.province:<16} {state:<8} "
                     f"{p.limits.requests_per_second:>6g}  {p.base_url}")
    lines.append(f"{len(portals)} portals, {sum(not p.archive for p in portals)} active")
    return "\n".join(lines)
