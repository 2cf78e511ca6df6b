import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from services.cli import main
from tests.parser.pages import PORTALS, SEEDS

ARTICLE = next((PORTALS / "news-thanhhoa" / "tin-tuc").glob("cong-tac*.html"))


def test_inspect_json_is_stable_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(ARTICLE), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"article", "not_article", "traffic", "metrics"}
    assert report["article"]["title"].startswith("Công tác quản lý báo chí")
    revenue = [m for m in report["metrics"] if m["indicator"] == "it_industry_revenue"]
    assert sorted(m["value"] for m in revenue) == [584e9, 838e9]
    assert {"event_id", "span_start", "period_start", "change"} <= set(revenue[0])


def test_inspect_text_of_a_home_page_shows_traffic(capsys: pytest.CaptureFixture[str]) -> None:
    home = PORTALS / "liferay-hanoi" / "web" / "sotttt.hanoi.gov.vn_1.html"
    assert main(["inspect", str(home)]) == 0
    out = capsys.readouterr().out
    assert "not an article: home" in out and "total 4798812" in out


def test_replay_reads_text_files_and_warc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = tmp_path / "pages.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        body = ARTICLE.read_bytes()
        record = writer.create_warc_record(
            "http://thanhhoa.test/bai.html",
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=headers,
        )
        writer.write_record(record)
    url = f"duckdb:///{tmp_path}/r.duckdb"
    seed = SEEDS / "000_2bff6839e38cbc91.txt"
    assert main(["replay", str(seed), str(warc), "--warehouse", url]) == 0
    out = capsys.readouterr().out
    assert "2 pages" in out and "2 articles" in out
    assert main(["report", "--warehouse", url, "--csv", "--indicator", "it_industry_revenue"]) == 0
    assert "http://thanhhoa.test/bai.html" in capsys.readouterr().out
