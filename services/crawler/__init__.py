"""The crawler: polite, resumable, safe fetching of the portal registry.

Public surface: `Crawler` (with `run_once` / `run_forever`), `load_portals`,
`format_portals`, `FileState`, `CrawlerMetrics`.
"""

from services.crawler.crawler import Crawler, PassReport
from services.crawler.metrics import CrawlerMetrics
from services.crawler.registry import Portal, format_portals, load_portals
from services.crawler.state import FileState, UrlState

__all__ = ["Crawler", "CrawlerMetrics", "FileState", "PassReport", "Portal", "UrlState",
           "format_portals", "load_portals"]
