"""`portalwatch report` — the command's thin I/O around `report.py`."""

from __future__ import annotations

from pathlib import Path

from services.sink.report import (
    Filters,
    history_rows,
    latest_rows,
    render_csv,
    render_html,
    render_table,
)
from services.sink.warehouse import open_warehouse
from shared.settings import Settings


def report(warehouse_url: str | None = None, province: str | None = None,
           indicator: str | None = None, period: str | None = None, html: Path | None = None,
           csv: bool = False) -> int:
    url = warehouse_url or Settings.load().warehouse_url
    warehouse = open_warehouse(url)
    try:
        warehouse.apply_migrations()
        filters = Filters(province, indicator, period)
        latest = latest_rows(warehouse, filters)
        if html is not None:
            html.write_text(render_html(history_rows(warehouse, filters), latest),
                            encoding="utf-8")
            print(f"wrote {html} ({len(latest)} figures)")
        elif csv:
            print(render_csv(latest), end="")
        else:
            print(render_table(latest), end="")
            if not latest:
                print(f"no figures yet in {url}: run `portalwatch run` or `portalwatch demo`")
    finally:
        warehouse.close()
    return 0
