"""Build RawPages from fixture files for parser tests."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from shared.records import RawPage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PORTALS = FIXTURES / "portals"
SEEDS = FIXTURES / "seeds"


def raw_page(body: bytes, content_type: str = "text/html", charset: str | None = None,
             url: str = "http://portal.test/tin-tuc/bai.html", portal: str = "test") -> RawPage:
    return RawPage(url=url, final_url=url, portal_id=portal,
                   fetched_at=dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC), http_status=200,
                   content_type=content_type, declared_charset=charset, body=body,
                   content_sha256=hashlib.sha256(body).hexdigest())
