"""The crawler against real local HTTP servers, one behaviour per test."""

from __future__ import annotations

import asyncio
import gzip
import time

from aiohttp import web

from services.crawler import FileState
from services.crawler.discovery import xml_links
from shared.errors import Rejected
from tests.crawler.conftest import Harness, fixture_portal

ARTICLE = "/tin-tuc/hoat-dong-thong-tin-va-truyen-thong-thang-6-2022.html"


async def test_crawls_listing_to_article_and_emits_each_page_once(
    serve, client, harness: Harness
) -> None:
    server = await serve()
    portal = fixture_portal(server)
    report = await harness.crawler([portal], client).run_once()
    urls = sorted(p.url for p in harness.pages)
    assert urls == [server.base_url + "/tin-tuc/", server.base_url + ARTICLE]
    article = next(p for p in harness.pages if p.url.endswith(ARTICLE))
    assert "87.500 thuê bao".encode() in article.body
    assert article.portal_id == "fixture" and article.http_status == 200
    assert report.emitted == {"fixture": 2} and harness.letters == []
    assert "/robots.txt" in server.requests
    assert (
        harness.metric("portalwatch_crawler_requests_total", portal="fixture", status_class="2xx")
        >= 2
    )


async def test_a_second_pass_costs_a_304_and_emits_nothing(serve, client, harness) -> None:
    server = await serve()
    portal = fixture_portal(server)
    crawler = harness.crawler([portal], client)
    await crawler.run_once()
    for entry in crawler.state.values():
        entry.next_due = 0.0
    before = len(harness.pages)
    await crawler.run_once()
    assert len(harness.pages) == before
    assert (
        harness.metric("portalwatch_crawler_pages_total", portal="fixture", outcome="not_modified")
        == 2
    )


async def test_robots_disallow_is_obeyed(serve, client, harness) -> None:
    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /tin-tuc/hoat\n")

    server = await serve(extra={"/robots.txt": robots})
    await harness.crawler([fixture_portal(server)], client).run_once()
    assert ARTICLE not in server.requests
    assert harness.metric("portalwatch_crawler_robots_blocked_total", portal="fixture") == 1


async def test_429_with_retry_after_is_honoured(serve, client, harness) -> None:
    calls: list[float] = []

    async def busy(request: web.Request) -> web.Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return web.Response(status=429, headers={"Retry-After": "1"})
        return web.Response(text="<html><body><p>ok</p></body></html>", content_type="text/html")

    server = await serve(extra={"/tin-tuc/busy.html": busy})
    portal = fixture_portal(server, seeds=("/tin-tuc/busy.html",))
    await harness.crawler([portal], client).run_once()
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.95
    assert [p.url for p in harness.pages] == [server.base_url + "/tin-tuc/busy.html"]
    assert harness.metric("portalwatch_crawler_retries_total", portal="fixture") == 1


async def test_a_slow_response_times_out_into_a_dead_letter(serve, client, harness) -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(3)
        return web.Response(text="late")

    server = await serve(extra={"/tin-tuc/slow.html": slow})
    portal = fixture_portal(server, seeds=("/tin-tuc/slow.html",), timeout=0.5)
    started = time.monotonic()
    await harness.crawler([portal], client, attempts=1).run_once()
    assert time.monotonic() - started < 2.5
    [letter] = harness.letters
    assert (letter.stage, letter.reason, letter.url) == (
        "crawler",
        "unreachable",
        server.base_url + "/tin-tuc/slow.html",
    )


async def test_redirect_to_a_host_outside_the_registry_is_refused(serve, client, harness) -> None:
    other = await serve(host="127.0.0.2")

    async def away(request: web.Request) -> web.Response:
        raise web.HTTPFound(other.base_url + "/tin-tuc/")

    server = await serve(extra={"/tin-tuc/away.html": away})
    await harness.crawler(
        [fixture_portal(server, seeds=("/tin-tuc/away.html",))], client
    ).run_once()
    [letter] = harness.letters
    assert letter.reason == "redirect_off_portal"
    assert other.requests == []  # never contacted


async def test_private_and_link_local_targets_are_refused_before_any_connection(
    client, harness
) -> None:
    asked: list[str] = []

    async def resolver(host: str) -> list[str]:
        asked.append(host)
        return {"intranet.portal.test": ["10.1.2.3"], "meta.portal.test": ["169.254.169.254"]}[host]

    portals = [
        fixture_portal(
            None,
            f"p{i}",
            seeds=("/",),
            base_url=f"http://{host}",  # type: ignore[arg-type]
            allow_private=False,
        )
        for i, host in enumerate(["intranet.portal.test", "meta.portal.test"])
    ]
    crawler = harness.crawler(portals, client, resolver=resolver)
    await crawler.run_once()
    assert sorted(letter.reason for letter in harness.letters) == ["address_refused"] * 2
    assert set(asked) == {"intranet.portal.test", "meta.portal.test"}


async def test_a_gzip_bomb_stops_at_the_cap(serve, client, harness) -> None:
    bomb = gzip.compress(b"\0" * 60_000_000)

    async def handler(request: web.Request) -> web.Response:
        return web.Response(
            body=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}
        )

    server = await serve(extra={"/tin-tuc/bomb.html": handler})
    portal = fixture_portal(server, seeds=("/tin-tuc/bomb.html",), max_body=1_000_000)
    await harness.crawler([portal], client).run_once()
    [letter] = harness.letters
    assert letter.reason == "decompression_bomb" and harness.pages == []


async def test_an_oversized_page_is_refused(serve, client, harness) -> None:
    async def big(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        for _ in range(40):
            await response.write(b"x" * 100_000)
        return response

    server = await serve(extra={"/tin-tuc/big.html": big})
    portal = fixture_portal(server, seeds=("/tin-tuc/big.html",), max_body=1_000_000)
    await harness.crawler([portal], client).run_once()
    assert [letter.reason for letter in harness.letters] == ["body_too_large"]


async def test_a_windows_1258_page_keeps_its_declared_charset(serve, client, harness) -> None:
    server = await serve("district-haihau")
    portal = fixture_portal(server, pattern=r"-cp1258\.html$")
    await harness.crawler([portal], client).run_once()
    legacy = [p for p in harness.pages if p.url.endswith("-cp1258.html")]
    assert [p.declared_charset for p in legacy] == ["windows-1258"]


def test_a_sitemap_with_an_entity_bomb_is_refused_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<urlset><url><loc>&lol3;</loc></url></urlset>"
    )
    try:
        xml_links(bomb, "http://127.0.0.1/sitemap.xml")
    except Rejected as exc:
        assert exc.reason == "xml_refused"
    else:
        raise AssertionError("entity bomb was parsed")


async def test_sitemaps_lead_to_articles(serve, client, harness) -> None:
    server = await serve()
    sitemap = (
        (server.root / "sitemap.xml").read_text().replace("http://haiphong.test", server.base_url)
    )

    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=sitemap, content_type="application/xml")

    server.extra["/sitemap.xml"] = handler
    portal = fixture_portal(server, seeds=(), sitemaps=("/sitemap.xml",))
    await harness.crawler([portal], client).run_once()
    assert [p.url for p in harness.pages] == [server.base_url + ARTICLE]


async def test_a_restarted_crawler_does_not_refetch_what_it_has(serve, client, harness) -> None:
    server = await serve()
    portal = fixture_portal(server)
    await harness.crawler([portal], client, max_pages_per_pass=1).run_once()  # listing only
    first = list(server.requests)
    assert len(harness.pages) == 1 and (harness.state_path).exists()
    # A new process: a fresh crawler over the saved state.
    restarted = harness.crawler([portal], client)
    assert len(FileState(harness.state_path)) == 2
    await restarted.run_once()
    second = server.requests[len(first) :]
    assert "/tin-tuc/" not in second and ARTICLE in second
    assert len(harness.pages) == 2


async def test_an_unchanged_body_without_validators_is_not_emitted_again(
    serve, client, harness
) -> None:
    async def same(request: web.Request) -> web.Response:
        return web.Response(text="<html><body><p>same</p></body></html>", content_type="text/html")

    server = await serve(extra={"/tin-tuc/same.html": same})
    crawler = harness.crawler([fixture_portal(server, seeds=("/tin-tuc/same.html",))], client)
    await crawler.run_once()
    for entry in crawler.state.values():
        entry.next_due = 0.0
    await crawler.run_once()
    assert len(harness.pages) == 1
    assert (
        harness.metric("portalwatch_crawler_pages_total", portal="fixture", outcome="unchanged")
        == 1
    )


async def test_listing_pagination_leads_to_articles_on_later_pages(serve, client, harness) -> None:
    async def listing(request: web.Request) -> web.Response:
        page = int(request.query.get("page", "1"))
        links = f'<a href="/tin-tuc/bai-{page}.html">bài {page}</a>'
        if page < 3:
            links += f'<a href="/tin-tuc/?page={page + 1}">Trang sau</a>'
        return web.Response(text=f"<html><body>{links}</body></html>", content_type="text/html")

    async def article(request: web.Request) -> web.Response:
        return web.Response(text=f"<html><body><p>{request.path}</p></body></html>",
                            content_type="text/html")

    extra = {"/tin-tuc/": listing, **{f"/tin-tuc/bai-{n}.html": article for n in (1, 2, 3)}}
    server = await serve(extra=extra)
    await harness.crawler([fixture_portal(server)], client).run_once()
    assert {"/tin-tuc/?page=2", "/tin-tuc/?page=3"} <= set(server.requests)
    articles = sorted(p.url for p in harness.pages if "bai-" in p.url)
    assert articles == [f"{server.base_url}/tin-tuc/bai-{n}.html" for n in (1, 2, 3)]


async def test_one_seed_s_articles_are_fetched_up_to_the_portal_concurrency(
    serve, client, harness
) -> None:
    in_flight = peak = 0

    async def listing(request: web.Request) -> web.Response:
        links = "".join(f'<a href="/tin-tuc/bai-{n}.html">{n}</a>' for n in range(8))
        return web.Response(text=f"<html><body>{links}</body></html>", content_type="text/html")

    async def article(request: web.Request) -> web.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.1)
        in_flight -= 1
        return web.Response(text="<html><body><p>x</p></body></html>", content_type="text/html")

    extra = {"/tin-tuc/": listing, **{f"/tin-tuc/bai-{n}.html": article for n in range(8)}}
    server = await serve(extra=extra)
    await harness.crawler([fixture_portal(server, concurrency=4, rps=1000.0)], client).run_once()
    assert len(harness.pages) == 9
    assert peak == 4  # all workers stayed for the articles, and no more than the limit


async def test_robots_txt_is_asked_once_per_host_when_workers_start_together(
    serve, client, harness
) -> None:
    async def robots(request: web.Request) -> web.Response:
        await asyncio.sleep(0.1)  # long enough for every worker to be waiting on it
        return web.Response(text="User-agent: *\nAllow: /\n")

    async def page(request: web.Request) -> web.Response:
        return web.Response(text="<html><body><p>x</p></body></html>", content_type="text/html")

    seeds = tuple(f"/tin-tuc/muc-{n}/" for n in range(4))
    server = await serve(extra={"/robots.txt": robots, **dict.fromkeys(seeds, page)})
    portal = fixture_portal(server, seeds=seeds, concurrency=4, rps=1000.0)
    await harness.crawler([portal], client).run_once()
    assert len(harness.pages) == 4
    assert server.requests.count("/robots.txt") == 1
