"""Topic names of the pipeline, one place for all of them (see docs/design.md)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "portalwatch."


@dataclass(frozen=True, slots=True)
class Topics:
    """The five topics, under a configurable prefix."""

    prefix: str = DEFAULT_PREFIX

    @property
    def pages_raw(self) -> str:
        return f"{self.prefix}pages.raw"

    @property
    def articles(self) -> str:
        return f"{self.prefix}articles"

    @property
    def portal_traffic(self) -> str:
        return f"{self.prefix}portal-traffic"

    @property
    def metrics(self) -> str:
        return f"{self.prefix}metrics"

    @property
    def dlq(self) -> str:
        return f"{self.prefix}dlq"

    @property
    def crawler_state(self) -> str:
        """Internal: the crawler's compacted state topic (not part of the data flow)."""
        return f"{self.prefix}crawler-state"

    def all(self) -> tuple[str, ...]:
        return (self.pages_raw, self.articles, self.portal_traffic, self.metrics, self.dlq)
