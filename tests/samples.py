"""One realistic record of every schema, for codec and wire tests."""

from __future__ import annotations

import datetime as dt

from shared.records import (
    Article,
    Change,
    DeadLetter,
    MetricEvent,
    PortalTraffic,
    RawPage,
    Record,
    stable_id,
)

T0 = dt.datetime(2022, 7, 12, 3, 4, 5, 678000, tzinfo=dt.UTC)
URL = "https://haiphong.gov.vn/tin-tuc/hoat-dong-thong-tin-va-truyen-thong-thang-6-2022.html"


def sample_records() -> list[Record]:
    article_id = stable_id(URL)
    return [
        RawPage(url=URL, final_url=URL, portal_id="haiphong", fetched_at=T0, http_status=200,
                content_type="text/html", declared_charset="utf-8",
                body="<html><body><p>343.092 hồ sơ</p></body></html>".encode(),
                content_sha256="ab" * 32, etag='"x1"', last_modified=None),
        Article(article_id=article_id, url=URL, portal_id="haiphong", province="Hải Phòng",
                title="Hoạt động thông tin và truyền thông tháng 6/2022",
                text="Trong 6 tháng đầu năm 2022 …\n\nđã có 343.092 hồ sơ được tiếp nhận.",
                published_at=T0, author=None, content_sha256="cd" * 32, fetched_at=T0,
                parsed_at=T0, parser_version="1"),
        PortalTraffic(traffic_id=stable_id("haiphong", URL), portal_id="haiphong", url=URL,
                      observed_at=T0, online=13, today=460, week=4564, total=3199419),
        MetricEvent(event_id=stable_id(article_id, 40, 51, "dossiers_received"),
                    article_id=article_id, portal_id="haiphong", province="Hải Phòng",
                    source_url=URL, indicator="dossiers_received",
                    indicator_label="hồ sơ được tiếp nhận", value=343092.0, unit="hồ sơ",
                    qualifier="exact",
                    change=Change(direction="increase", percent=17.36,
                                  baseline="cùng kỳ năm 2021"),
                    period_start=dt.date(2022, 1, 1), period_end=dt.date(2022, 6, 6),
                    period_label="Tính từ ngày 01/01 đến ngày 06/6/2022",
                    sentence="đã có 343.092 hồ sơ được tiếp nhận.", span_start=40, span_end=51,
                    published_at=T0, extracted_at=T0, extractor_version="1"),
        DeadLetter(stage="parser", reason="undecodable", error_class="Rejected",
                   message="body is not text", original_topic="portalwatch.pages.raw",
                   original_partition=2, original_offset=41, original_key=URL.encode(),
                   original_value=b"\x89PNG\r\n", url=URL, portal_id="haiphong",
                   failed_at=T0),
    ]
