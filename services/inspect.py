"""`portalwatch inspect PATH_OR_URL`: parse and extract one page, for people or scripts.

The JSON form is stable: ``{"article": {...} | null, "not_article": kind | null,
"traffic": {...} | null, "metrics": [...]}`` with metric fields named as in
`MetricEvent`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import httpx

from services.extractor import extract
from services.parser import NoArticle, parse_page
from shared.errors import Rejected
from shared.records import Article, MetricEvent, PortalTraffic, RawPage, utcnow


def load_page(target: str, portal_id: str) -> RawPage:
    """A RawPage from a local file or an http(s) URL."""
    if target.startswith(("http://", "https://")):
        response = asyncio.run(_get(target))
        content_type = response.headers.get("Content-Type", "")
        media, _, params = content_type.partition(";")
        charset = params.partition("charset=")[2].strip() or None
        body, url, status = response.content, str(response.url), response.status_code
    else:
        path = Path(target)
        body, url, status = path.read_bytes(), path.resolve().as_uri(), 200
        media = "text/plain" if path.suffix.lower() in (".txt", ".md") else "text/html"
        charset = None
    return RawPage(url=url, final_url=url, portal_id=portal_id, fetched_at=utcnow(),
                   http_status=status, content_type=media.strip().lower(),
                   declared_charset=charset, body=body,
                   content_sha256=hashlib.sha256(body).hexdigest())


async def _get(url: str) -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True, timeout=30.0) as client:
        return await client.get(url, headers={"User-Agent": "portalwatch-inspect/1.0"})


def _jsonable(record: Any) -> Any:
    if record is None:
        return None
    data = dataclasses.asdict(record)
    return {k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v
            for k, v in data.items() if not isinstance(v, bytes)}


def inspect_page(page: RawPage) -> dict[str, Any]:
    article: Article | None = None
    traffic: PortalTraffic | None = None
    not_article = None
    metrics: list[MetricEvent] = []
    try:
        result = parse_page(page)
        article, traffic = result.article, result.traffic
        metrics = extract(article)
    except NoArticle as exc:
        not_article, traffic = exc.kind, exc.traffic
    return {"article": _jsonable(article), "not_article": not_article,
            "traffic": _jsonable(traffic), "metrics": [_jsonable(m) for m in metrics]}


def inspect(target: str, fmt: str = "text", portal_id: str = "inspect") -> int:
    try:
        report = inspect_page(load_page(target, portal_id))
    except Rejected as exc:
        print(f"portalwatch: {target}: rejected ({exc.reason}): {exc}")
        return 1
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    article = report["article"]
    if article:
        print(f"# {article['title']}\npublished: {article['published_at']}\n")
        print(article["text"], "\n")
    else:
        print(f"not an article: {report['not_article']}\n")
    if report["traffic"]:
        fields = ("online", "today", "yesterday", "week", "month", "total")
        print("traffic:", ", ".join(f"{k} {report['traffic'][k]}" for k in fields
                                    if report["traffic"][k] is not None))
    for m in report["metrics"]:
        change = m["change"]
        print(f"- {m['value']:>16,.2f} {m['unit']:<14} {m['qualifier']:<9} {m['indicator']:<26} "
              f"{m['period_start']}..{m['period_end']}"
              + (f"  [{change['direction']} {change['percent'] or ''}]" if change else ""))
    return 0
