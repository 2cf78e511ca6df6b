"""Golden pages: real and fixture portal pages in, chrome gone and content kept."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from services.parser import NoArticle, parse_page
from tests.parser.pages import PORTALS, SEEDS, raw_page

SEED_NAMES = sorted(p.stem for p in (SEEDS / "gold").glob("*.json"))
EXPECTED = sorted(p for p in PORTALS.glob("*/expected/*.json")
                  if p.parent.parent.name != "liferay-hanoi")
FLOOR = tomllib.loads((Path(__file__).parent / "quality_floor.toml").read_text())


def seed(name: str):
    gold = json.loads((SEEDS / "gold" / f"{name}.json").read_text())
    return raw_page((SEEDS / f"{name}.txt").read_bytes(), "text/plain"), gold


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_text_pages(name: str) -> None:
    page, gold = seed(name)
    result = parse_page(page)
    article = result.article
    assert article.title == gold["title"]
    assert [k for k in gold["keep"] if k not in article.text] == []
    assert [b for b in gold["boilerplate"] if b in article.text] == []
    counter = gold.get("visitor_counter")
    if counter:
        assert result.traffic is not None
        assert {k: getattr(result.traffic, k) for k in counter} == counter
    else:
        assert result.traffic is None
    for number in ("13", "460", "4564", "3199419"):
        assert f"Đang online: {number}" not in article.text


def test_seed_dateline_becomes_published_at() -> None:
    page, _ = seed("002_9cb089665f215c6a")
    published = parse_page(page).article.published_at
    assert published == dt.datetime(2022, 1, 7, 3, 5, tzinfo=dt.UTC)


def test_truncated_byline_gives_no_date_rather_than_a_wrong_one() -> None:
    page, _ = seed("004_b673b0db20d246ea")
    article = parse_page(page).article
    assert article.published_at is None
    assert article.author == "Thanh Phương"


@pytest.mark.parametrize("expected_file", EXPECTED,
                         ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_fixture_portal_pages(expected_file: Path) -> None:
    expected = json.loads(expected_file.read_text())
    site = expected_file.parent.parent
    # The page's own address, as the crawler gives it: the site's root is its home page.
    page = raw_page((site / expected["page"]).read_bytes(), charset=expected.get("charset"),
                    url=f"http://portal.test/{expected['page']}")
    if "not_article" in expected:
        with pytest.raises(NoArticle) as info:
            parse_page(page)
        assert info.value.kind == expected["not_article"]
        traffic = info.value.traffic
    else:
        result = parse_page(page)
        article = result.article
        assert article.title == expected["title"]
        assert article.published_at == dt.datetime.fromisoformat(expected["published_at"])
        assert [k for k in expected["keep"] if k not in article.text] == []
        assert [c for c in expected["chrome"] if c in article.text] == []
        if "author" in expected:
            assert article.author == expected["author"]
        traffic = result.traffic
    if expected.get("traffic"):
        assert traffic is not None
        assert {k: getattr(traffic, k) for k in expected["traffic"]} == expected["traffic"]
    elif "traffic" in expected:
        assert traffic is None


LIFERAY = json.loads((PORTALS / "liferay-hanoi" / "expected" / "pages.json").read_text())


@pytest.mark.parametrize("name", sorted(LIFERAY))
def test_real_liferay_pages(name: str) -> None:
    expected = LIFERAY[name]
    page = raw_page((PORTALS / "liferay-hanoi" / "web" / name).read_bytes())
    if "not_article" in expected:
        with pytest.raises(NoArticle) as info:
            parse_page(page)
        assert info.value.kind == expected["not_article"]
        if "traffic" in expected:
            traffic = info.value.traffic
            assert traffic is not None
            assert {k: getattr(traffic, k) for k in expected["traffic"]} == expected["traffic"]
    else:
        article = parse_page(page).article
        assert article.title == expected["title"]
        assert "Số lượng truy cập" not in article.text
        assert len(article.text) > 1000


def test_every_liferay_listing_is_not_an_article() -> None:
    kinds = {}
    for path in sorted((PORTALS / "liferay-hanoi" / "web").glob("*.html")):
        try:
            parse_page(raw_page(path.read_bytes()))
            kinds[path.name] = "article"
        except NoArticle as exc:
            kinds[path.name] = exc.kind
    assert kinds["sotttt.hanoi.gov.vn_13.html"] == "article"
    assert sum(k == "listing" for k in kinds.values()) >= 10


def test_quality_floor_on_fixture_portals() -> None:
    kept = total_keep = left = total_chrome = 0
    for expected_file in EXPECTED:
        expected = json.loads(expected_file.read_text())
        if "keep" not in expected:
            continue
        site = expected_file.parent.parent
        page = raw_page((site / expected["page"]).read_bytes(), charset=expected.get("charset"))
        text = parse_page(page).article.text
        kept += sum(k in text for k in expected["keep"])
        total_keep += len(expected["keep"])
        left += sum(c in text for c in expected["chrome"])
        total_chrome += len(expected["chrome"])
    assert kept / total_keep >= FLOOR["kept_share"]
    assert 1 - left / total_chrome >= FLOOR["chrome_removed_share"]


TEASER = ("<div class='item'><h2><a href='/tin-tuc/{i}.html'>Hội nghị tổng kết công tác "
          "thông tin và truyền thông số {i}</a></h2><p>" + "Sở Thông tin và Truyền thông tổ "
          "chức hội nghị tổng kết, đánh giá kết quả và triển khai nhiệm vụ năm mới, " * 3
          + "</p><a href='/tin-tuc/{i}.html'>Xem tiếp</a></div>")
COUNTER = "<div class='box'><p>Thống kê truy cập</p><p>Đang online: 9</p><p>Tổng: 12.345</p></div>"


def test_teasers_with_read_more_links_and_a_pager_are_a_listing_beside_a_counter() -> None:
    items = "".join(TEASER.format(i=i) for i in range(4))
    body = f"<html><body><div>{items}</div><p>1 2 3 4 5 Sau</p>{COUNTER}</body></html>"
    with pytest.raises(NoArticle) as listing:
        parse_page(raw_page(body.encode()))
    assert listing.value.kind == "listing" and listing.value.traffic is not None
    # the same headlines at the site's root are its home page
    with pytest.raises(NoArticle) as home:
        parse_page(raw_page(body.encode(), url="http://portal.test/"))
    assert home.value.kind == "home"


def test_the_author_field_outside_the_article_block() -> None:
    text = "<p>" + "Sở Thông tin và Truyền thông đã triển khai nhiều nhiệm vụ, " * 8 + "</p>"
    body = (f"<html><body><h1>Sở triển khai nhiệm vụ chuyển đổi số năm 2025</h1>"
            f"<div class='node'>{text * 3}</div><div class='field'><div>Tác giả</div>"
            "<div>Hồng Thi</div></div></body></html>")
    assert parse_page(raw_page(body.encode())).article.author == "Hồng Thi"


@pytest.mark.parametrize("pager", ["« Đầu ‹ Trước 1 2 3 4 5 Sau › Cuối »", "Trang 1/48",
                                   "Trang đầu Trang trước 1 2 3 4 5 Trang sau Trang cuối",
                                   "Trang: [1] 2 3 4 5 Tiếp >>", "Trang sau ›"])
def test_a_text_listing_shows_a_pager(pager: str) -> None:
    lines = [f"Hội nghị giao ban báo chí tháng {i}\nNgày đăng: 0{i}/04/2024 | Lượt xem: 12"
             for i in range(1, 6)]
    body = "\n".join([*lines, pager, "Đang online: 18", "Tổng lượt truy cập: 9.876.543"])
    with pytest.raises(NoArticle) as info:
        parse_page(raw_page(body.encode(), "text/plain"))
    assert info.value.kind == "listing"


def test_a_home_page_with_one_featured_story_is_no_article() -> None:
    lead = "<p>" + "Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết năm, " * 6 + "</p>"
    body = (f"<html><body><div class='hero'><h2><a href='/tin-tuc/1.html'>Hội nghị tổng kết "
            f"công tác thông tin và truyền thông năm 2024</a></h2>{lead}</div>"
            f"{COUNTER}</body></html>")
    with pytest.raises(NoArticle) as home:
        parse_page(raw_page(body.encode()))
    assert home.value.kind == "home"
    # the same text under its own, unlinked title is an article
    article = body.replace("<a href='/tin-tuc/1.html'>", "").replace("</a>", "")
    assert parse_page(raw_page(article.encode())).article.title.startswith("Hội nghị tổng kết")
