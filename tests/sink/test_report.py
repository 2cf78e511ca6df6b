"""`portalwatch report` on a seeded warehouse: table, CSV and a self-contained HTML page."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from services.cli import main
from services.sink.batcher import Sink
from services.sink.report import Filters, history_rows, latest_rows, render_html
from services.sink.warehouse import Warehouse, open_warehouse
from shared.records import MetricEvent
from tests.samples import sample_records

EVENT = next(r for r in sample_records() if isinstance(r, MetricEvent))
ARTICLE = next(r for r in sample_records() if r.schema_name == "Article")


def seed(warehouse: Warehouse) -> None:
    sink = Sink(warehouse)
    sink.add(ARTICLE, "a", 0, 0)
    for i, (year, value, province) in enumerate([(2021, 292000.0, "Hải Phòng"),
                                                 (2022, 343092.0, "Hải Phòng"),
                                                 (2022, 120000.0, "Nam Định")]):
        sink.add(dataclasses.replace(
            EVENT, event_id=f"e{i}", value=value, province=province,
            period_start=dt.date(year, 1, 1), period_end=dt.date(year, 6, 30),
            published_at=dt.datetime(year, 7, 1, tzinfo=dt.UTC)), "m", 0, i)
    sink.flush()


def test_latest_value_per_province_indicator_and_period(warehouse: Warehouse) -> None:
    seed(warehouse)
    rows = latest_rows(warehouse)
    assert [(r["province"], r["period_end"].year, r["value"]) for r in rows] == [
        ("Hải Phòng", 2021, 292000.0), ("Hải Phòng", 2022, 343092.0), ("Nam Định", 2022, 120000.0)]
    assert rows[0]["article_title"] == ARTICLE.title
    only = latest_rows(warehouse, Filters(province="Nam Định", period="2022"))
    assert [r["value"] for r in only] == [120000.0]


def test_html_report_is_self_contained_with_charts_and_source_links(
        warehouse: Warehouse) -> None:
    seed(warehouse)
    page = render_html(history_rows(warehouse), latest_rows(warehouse))
    assert page.count("<svg") == 1 and page.count("<polyline") == 2
    assert f'href="{EVENT.source_url}"' in page
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
    assert set(external) == {EVENT.source_url}  # only links back to sources, no assets
    assert "<script" not in page


def test_cli_table_csv_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"duckdb:///{tmp_path}/r.duckdb"
    w = open_warehouse(url)
    w.apply_migrations()
    seed(w)
    w.close()
    assert main(["report", "--warehouse", url]) == 0
    table = capsys.readouterr().out
    assert "Nam Định" in table and "343.092 hồ sơ" in table
    assert main(["report", "--warehouse", url, "--csv", "--province", "Hải Phòng"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["value"] for r in rows] == ["292000.0", "343092.0"]
    out = tmp_path / "r.html"
    assert main(["report", "--warehouse", url, "--html", str(out)]) == 0
    assert "<svg" in out.read_text()
