"""`portalwatch demo`: the whole pipeline against bundled fixture portals on localhost.

Starts one local web server per fixture portal (127.0.0.1, free ports), builds a
registry for them, runs one crawl → parse → extract → DuckDB pass, and prints what it
found and where the warehouse is. Needs no network and no Kafka.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from pathlib import Path

from services.crawler.registry import Limits, Portal, Schedule
from services.embedded import Summary, run_pipeline
from services.portal_server import PORTALS_DIR, PortalServer
from services.sink.report import latest_rows, render_table
from services.sink.warehouse import open_warehouse
from shared.logs import setup_logging
from shared.settings import Settings

DEMO_PORTALS = {
    # fixture directory: (portal id, province, seed path, article pattern)
    "sharepoint-haiphong": ("demo-haiphong", "Hải Phòng", "/tin-tuc/", r"/tin-tuc/.+\.html$"),
    "district-haihau": ("demo-haihau", "Nam Định", "/tin-tuc/", r"/tin-tuc/.+\.html$"),
    "news-thanhhoa": ("demo-thanhhoa", "Thanh Hóa", "/tin-tuc/", r"/tin-tuc/.+\.html$"),
    "wordpress-bacgiang": ("demo-bacgiang", "Bắc Giang", "/tin-tuc/", r"/tin-tuc/.+\.html$"),
    "joomla-quangninh": ("demo-quangninh", "Quảng Ninh", "/tin-tuc/", r"/tin-tuc/.+\.html$"),
    "liferay-hanoi": ("demo-hanoi", "Hà Nội", "/web/sotttt.hanoi.gov.vn_1.html", r"/web/.+"),
}


def demo_portal(fixture: str, server: PortalServer) -> Portal:
    portal_id, province, seed, pattern = DEMO_PORTALS[fixture]
    return Portal(id=portal_id, province=province, department=f"fixture {fixture}",
                  base_url=server.base_url, seeds=(server.base_url + seed,),
                  article_pattern=re.compile(pattern), allow_private=True,
                  limits=Limits(requests_per_second=20, concurrency=4), schedule=Schedule())


async def run_demo(workdir: Path) -> Summary:
    servers = [await PortalServer(PORTALS_DIR / name).start() for name in DEMO_PORTALS]
    try:
        portals = [demo_portal(name, s) for name, s in zip(DEMO_PORTALS, servers, strict=True)]
        settings = dataclasses.replace(Settings.load(), state_dir=workdir / "state")
        warehouse_url = f"duckdb:///{(workdir / 'portalwatch-demo.duckdb').resolve()}"
        return await run_pipeline(portals, settings, warehouse_url, once=True)
    finally:
        for server in servers:
            await server.stop()


def demo(workdir: Path) -> int:
    settings = Settings.load()
    setup_logging("WARNING", settings.log_format)
    workdir.mkdir(parents=True, exist_ok=True)
    summary = asyncio.run(run_demo(workdir))
    warehouse = open_warehouse(summary.warehouse_url)
    try:
        print(render_table(latest_rows(warehouse)), end="")
    finally:
        warehouse.close()
    print(f"demo: {summary.progress.totals()}")
    print(f"demo: warehouse {summary.warehouse_url.removeprefix('duckdb:///')}")
    print(f"demo: try `portalwatch report --warehouse {summary.warehouse_url}`")
    return 0
