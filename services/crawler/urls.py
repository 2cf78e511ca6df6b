"""Canonical URLs and which of them belong to a portal."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from url_normalize import url_normalize

from services.crawler.registry import Portal

SKIP_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".pdf", ".doc", ".docx", ".xls", ".xlsx",
                 ".zip", ".rar", ".mp3", ".mp4", ".avi", ".ppt", ".pptx", ".css", ".js")


def canonical(url: str, base: str | None = None) -> str:
    """Absolute, normalised (scheme/host case, default port, dot segments), no fragment."""
    absolute = urljoin(base, url) if base else url
    normalised = url_normalize(absolute) or absolute
    parts = urlsplit(normalised)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def on_portal(url: str, portal: Portal) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.netloc.lower() in portal.hosts


def is_article(url: str, portal: Portal) -> bool:
    return on_portal(url, portal) and bool(portal.article_pattern.search(url))


def worth_fetching(url: str, portal: Portal) -> bool:
    return on_portal(url, portal) and not urlsplit(url).path.lower().endswith(SKIP_SUFFIXES)
