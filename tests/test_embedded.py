"""`portalwatch run`'s engine end to end in one process: fixture portals served on
localhost → crawler → parser → extractor → DuckDB, with the exact rows expected."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb

from services.demo import DEMO_PORTALS, demo_portal
from services.embedded import Summary, run_pipeline
from services.portal_server import PORTALS_DIR, PortalServer
from shared.settings import Settings


async def run_on(fixtures: list[str], tmp_path: Path) -> tuple[Summary, str]:
    servers = [await PortalServer(PORTALS_DIR / name).start() for name in fixtures]
    try:
        portals = [demo_portal(name, s) for name, s in zip(fixtures, servers, strict=True)]
        settings = dataclasses.replace(Settings.load({}), state_dir=tmp_path / "state")
        db = tmp_path / "w.duckdb"
        summary = await run_pipeline(portals, settings, f"duckdb:///{db}", once=True)
        # A second pass over unchanged portals: 304s, nothing new, nothing duplicated.
        await run_pipeline(portals, settings, f"duckdb:///{db}", once=True)
    finally:
        for server in servers:
            await server.stop()
    return summary, str(db)


async def test_fixture_portals_end_in_the_warehouse_exactly_once(tmp_path: Path) -> None:
    summary, db = await run_on(["sharepoint-haiphong", "district-haihau"], tmp_path)
    con = duckdb.connect(db)
    articles = con.execute(
        "SELECT portal_id, province, title FROM articles ORDER BY 1, 3"
    ).fetchall()
    assert articles == [
        (
            "demo-haihau",
            "Nam Định",
            "Sở Thông tin và Truyền thông Nam Định triển khai nhiệm vụ năm 2022",
        ),
        (
            "demo-haihau",
            "Nam Định",
            "Sở Thông tin và Truyền thông Nam Định triển khai nhiệm vụ năm 2022",
        ),
        ("demo-haiphong", "Hải Phòng", "Hoạt động thông tin và truyền thông tháng 6/2022"),
    ]  # the Hải Hậu article is served twice: UTF-8 and windows-1258
    rows = con.execute(
        "SELECT value, unit, qualifier, change_direction, period_start, period_end "
        "FROM metric_events WHERE indicator = 'postal_telecom_revenue'"
    ).fetchall()
    assert [(r[0], r[1], r[2], r[4].isoformat(), r[5].isoformat()) for r in rows] == [
        (1.87e12, "VND", "estimate", "2022-01-01", "2022-06-30")
    ]
    dossiers = con.execute(
        "SELECT value, change_percent FROM metric_events WHERE indicator = "
        "'online_dossiers_received' AND unit = 'hồ sơ'"
    ).fetchall()
    assert dossiers == [(343092.0, 17.36)]
    traffic = con.execute(
        "SELECT portal_id, online, total FROM portal_traffic GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert traffic == [("demo-haihau", 8, 1204556), ("demo-haiphong", 13, 3199419)]
    duplicates = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM metric_events")
    assert duplicates.fetchone() == (0,)
    assert summary.progress.articles["demo-haiphong"] == 1


async def test_demo_portals_all_take_part(tmp_path: Path) -> None:
    summary, db = await run_on(list(DEMO_PORTALS), tmp_path)
    con = duckdb.connect(db)
    provinces = {
        r[0] for r in con.execute("SELECT DISTINCT province FROM metric_events").fetchall()
    }
    assert provinces == {"Hải Phòng", "Nam Định", "Thanh Hóa", "Bắc Giang", "Quảng Ninh"}
    hanoi = con.execute("SELECT total FROM portal_traffic WHERE portal_id = 'demo-hanoi'")
    assert hanoi.fetchall() == [(4798812,)]
    # The fixture portals link to a few pages they do not serve: the summary names the
    # reason of each error, and every one is in the warehouse's dead_letters table.
    errors = sum(summary.progress.errors.values())
    assert errors > 0
    assert f"crawler/http_4xx {errors}" in summary.progress.totals()
    letters = con.execute("SELECT stage, reason, count(*) FROM dead_letters GROUP BY ALL")
    assert letters.fetchall() == [("crawler", "http_4xx", errors)]
