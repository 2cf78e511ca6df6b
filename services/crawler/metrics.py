"""The crawler's own Prometheus series, per portal (never per URL)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class CrawlerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "portalwatch_crawler_requests_total",
            "HTTP requests by portal and status class (2xx, 3xx, 4xx, 5xx, error).",
            ["portal", "status_class"], registry=registry)
        self.bytes = Counter(
            "portalwatch_crawler_response_bytes_total", "Decompressed body bytes received.",
            ["portal"], registry=registry)
        self.latency = Histogram(
            "portalwatch_crawler_request_seconds", "Time to fetch one page, redirects included.",
            ["portal"], registry=registry,
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
        self.robots_blocked = Counter(
            "portalwatch_crawler_robots_blocked_total", "URLs skipped because robots.txt says so.",
            ["portal"], registry=registry)
        self.retries = Counter(
            "portalwatch_crawler_retries_total", "Fetch attempts after the first.",
            ["portal"], registry=registry)
        self.pages = Counter(
            "portalwatch_crawler_pages_total",
            "Fetched pages by outcome (emitted, unchanged, not_modified, failed).",
            ["portal", "outcome"], registry=registry)
        self.last_success = Gauge(
            "portalwatch_crawler_portal_last_success_timestamp_seconds",
            "Unix time of the last successful fetch from the portal.", ["portal"],
            registry=registry)
        self.frontier = Gauge(
            "portalwatch_crawler_frontier_urls", "URLs known per portal.", ["portal"],
            registry=registry)
