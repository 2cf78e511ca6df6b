"""Hostile and broken pages: each gets a clear outcome in bounded time, never a crash."""

import pytest

from services.parser import NoArticle, parse_page
from shared.errors import Rejected
from tests.parser.pages import raw_page

ARTICLE = ("<p>" + "Sở Thông tin và Truyền thông đã cấp 12 giấy phép, tổ chức 3 hội nghị "
           "và cập nhật 379 tin bài trên Cổng thông tin điện tử của tỉnh. " * 4 + "</p>")


def test_empty_body_is_not_an_article() -> None:
    with pytest.raises(NoArticle) as info:
        parse_page(raw_page(b""))
    assert info.value.kind == "empty"


def test_binary_served_as_html_is_rejected() -> None:
    with pytest.raises(Rejected) as info:
        parse_page(raw_page(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10))
    assert info.value.reason == "binary_content"


@pytest.mark.timeout(10)
def test_a_50_mb_page_is_rejected_without_parsing() -> None:
    body = b"<html><body>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</body></html>"
    with pytest.raises(Rejected) as info:
        parse_page(raw_page(body))
    assert info.value.reason == "body_too_large"


def nested(depth: int) -> bytes:
    return ("<html><head><title>Tin</title></head><body>" + "<div>" * depth
            + "<h1>Sở cấp 12 giấy phép mới cho doanh nghiệp</h1>" + ARTICLE
            + "</div>" * depth + "</body></html>").encode()


@pytest.mark.timeout(10)
def test_pathological_nesting_is_rejected_before_parsing() -> None:
    with pytest.raises(Rejected) as info:
        parse_page(raw_page(nested(100_000)))
    assert info.value.reason == "too_deeply_nested"


def test_deep_but_plausible_nesting_is_parsed() -> None:
    assert "12 giấy phép" in parse_page(raw_page(nested(500))).article.text


@pytest.mark.timeout(30)
def test_broken_markup_still_yields_the_article() -> None:
    body = ("<html><body><div><h1>Sở cấp 12 giấy phép mới cho doanh nghiệp</h1><p>"
            + ARTICLE.replace("</p>", "") + "<div><span><b>unclosed<table><tr><td>"
            + "</i></u></font>" * 50).encode()
    article = parse_page(raw_page(body)).article
    assert "379 tin bài" in article.text


def test_undecodable_bytes_get_a_clear_outcome() -> None:
    body = bytes(range(128, 256)) * 50  # not UTF-8, no markup, no article
    with pytest.raises((Rejected, NoArticle)) as info:
        parse_page(raw_page(body, charset="utf-8"))
    reason = getattr(info.value, "reason", None) or getattr(info.value, "kind", None)
    assert reason in {"undecodable", "binary_content", "too_short", "empty"}
