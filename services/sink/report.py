"""`portalwatch report`: the latest figures per province and indicator, for people.

A terminal table (rich), CSV for spreadsheets, or one self-contained HTML page with an
inline-SVG chart of each indicator over time per province and links back to the source
articles. The HTML loads nothing from anywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from services.sink.warehouse import Warehouse

COLUMNS = ("province", "indicator", "period_start", "period_end", "period_label", "value",
           "unit", "qualifier", "indicator_label", "source_url", "article_title", "published_at")


@dataclass(frozen=True)
class Filters:
    province: str | None = None
    indicator: str | None = None
    period: str | None = None  # a year ("2022") or a period label


def _where(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.province:
        clauses.append("province = ?")
        params.append(filters.province)
    if filters.indicator:
        clauses.append("indicator = ?")
        params.append(filters.indicator)
    if filters.period:
        if filters.period.isdigit():
            clauses.append("period_start >= ? AND period_end <= ?")
            year = int(filters.period)
            params += [dt.date(year, 1, 1), dt.date(year, 12, 31)]
        else:
            clauses.append("period_label = ?")
            params.append(filters.period)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def latest_rows(warehouse: Warehouse, filters: Filters = Filters()) -> list[dict[str, Any]]:
    where, params = _where(filters)
    rows = warehouse.query(
        f"SELECT {', '.join(COLUMNS)} FROM latest_metrics{where} "
        "ORDER BY province NULLS LAST, indicator, period_start NULLS LAST, unit", params)
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


def history_rows(warehouse: Warehouse, filters: Filters = Filters()) -> list[dict[str, Any]]:
    where, params = _where(filters)
    cols = ("province", "indicator", "unit", "period_end", "value")
    rows = warehouse.query(
        f"SELECT {', '.join(cols)} FROM metric_events{where} "
        "ORDER BY indicator, unit, province, period_end", params)
    return [dict(zip(cols, row, strict=True)) for row in rows]


def format_value(value: float, unit: str) -> str:
    if unit == "VND":
        amount = f"{value / 1e9:,.3f}".rstrip("0").rstrip(".")
        return amount.replace(",", "_").replace(".", ",").replace("_", ".") + " tỷ đồng"
    if unit == "percent":
        return f"{value:g} %".replace(".", ",")
    return f"{value:,.0f} {unit}".replace(",", ".")


def _period(row: dict[str, Any]) -> str:
    if row["period_start"] and row["period_end"]:
        return f"{row['period_start']}…{row['period_end']}"
    return row.get("period_label") or ""


def render_table(rows: list[dict[str, Any]]) -> str:
    table = RichTable(title="portalwatch — latest figures", show_lines=False)
    for name in ("Province", "Indicator", "Period", "Value", "Qualifier", "Source"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(row["province"] or "?", row["indicator"], _period(row),
                      format_value(row["value"], row["unit"]), row["qualifier"],
                      row["source_url"])
    console = Console(file=io.StringIO(), width=160, record=True)
    console.print(table)
    return console.export_text()


def render_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _chart(points: dict[str, list[tuple[dt.date, float]]]) -> str:
    """An inline SVG line chart: one polyline per province."""
    width, height, pad = 560, 200, 30
    all_points = [p for series in points.values() for p in series]
    dates = [p[0].toordinal() for p in all_points]
    values = [p[1] for p in all_points]
    x0, x1 = min(dates), max(dates) or 1
    y1 = max(values) or 1.0
    colours = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf")
    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             'role="img"><rect width="100%" height="100%" fill="#fafafa"/>']
    for i, (province, series) in enumerate(sorted(points.items())):
        colour = colours[i % len(colours)]
        coords = []
        for day, value in sorted(series):
            x = pad + (day.toordinal() - x0) / max(x1 - x0, 1) * (width - 2 * pad)
            y = height - pad - value / y1 * (height - 2 * pad)
            coords.append(f"{x:.1f},{y:.1f}")
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                         f"<title>{html.escape(province)} {day}: {value:g}</title></circle>")
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                     f'points="{" ".join(coords)}"/>')
        parts.append(f'<text x="{pad + 120 * i}" y="16" fill="{colour}" font-size="12">'
                     f"{html.escape(province)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def render_html(history: list[dict[str, Any]], latest: list[dict[str, Any]]) -> str:
    """One self-contained page: a chart per indicator and unit, and the latest table."""
    series: dict[tuple[str, str], dict[str, list[tuple[dt.date, float]]]] = defaultdict(
        lambda: defaultdict(list))
    for row in history:
        if row["period_end"] is not None:
            series[(row["indicator"], row["unit"])][row["province"] or "?"].append(
                (row["period_end"], row["value"]))
    charts = "".join(
        f"<section><h2>{html.escape(indicator)} ({html.escape(unit)})</h2>{_chart(points)}"
        "</section>" for (indicator, unit), points in sorted(series.items()))
    body_rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
            row["province"] or "?", row["indicator"], _period(row),
            format_value(row["value"], row["unit"]), row["qualifier"]))
        + f'<td><a href="{html.escape(row["source_url"])}">'
          f'{html.escape(row["article_title"] or row["source_url"])}</a></td></tr>'
        for row in latest)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>portalwatch report</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;color:#222}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px;font-size:14px}}
section{{display:inline-block;margin:0 1em 1em 0;vertical-align:top}}h2{{font-size:15px}}</style>
</head><body><h1>portalwatch — figures reported by provincial portals</h1>
{charts}
<h2>Latest value per province, indicator and period</h2>
<table><thead><tr><th>Province</th><th>Indicator</th><th>Period</th><th>Value</th>
<th>Qualifier</th><th>Source article</th></tr></thead><tbody>{body_rows}</tbody></table>
</body></html>
"""
