"""The article block of an HTML page: chosen by text, link and stopword density."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from selectolax.lexbor import LexborHTMLParser

from services.parser.html import (
    INLINE_TAGS,
    MAX_NESTING,
    NO_TEXT_TAGS,
    PARAGRAPH_TAGS,
    VOID_INLINE_TAGS,
    block_lines,
    check_nesting,
    read_html,
    tag_id,
)
from services.parser.rules import chrome_rules
from shared.errors import Rejected

PROSE = ("Trong năm qua, Sở Thông tin và Truyền thông đã triển khai nhiều nhiệm vụ quan trọng, "
         "góp phần thúc đẩy chuyển đổi số của tỉnh và nâng cao chất lượng phục vụ người dân.")
MENU = "".join(f'<li><a href="/m{i}">Mục {i} của trang thông tin điện tử</a></li>'
               for i in range(12))


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_the_prose_block_wins_over_menus_and_sidebars() -> None:
    html = page(f'<ul class="menu">{MENU}</ul>'
                f'<div id="content"><h1>Sở triển khai nhiệm vụ năm 2025</h1>'
                f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
                f'<div class="sidebar"><p>Thống kê truy cập</p><p>Đang online: 13</p></div>')
    result = read_html(html)
    assert result.heading == "Sở triển khai nhiệm vụ năm 2025"
    assert result.article_lines.count(PROSE) == 3
    assert not any("Mục 3" in line for line in result.article_lines)
    assert "Đang online: 13" in result.page_lines   # kept for the counter, not the article


def test_fallback_text_of_a_video_is_not_the_article() -> None:
    fallback = "Trình duyệt của bạn không hỗ trợ video này, hãy tải về và xem, " * 8
    html = page(f"<div><video><p>{fallback}</p></video></div><div><p>{PROSE}</p></div>")
    result = read_html(html)
    assert result.article_lines == [PROSE]
    assert not any("Trình duyệt" in line for line in result.page_lines)


def test_og_title_and_title_without_site_suffix() -> None:
    head = ('<meta property="og:title" content="Tiêu đề từ og">'
            "<title>Tiêu đề bài viết - Sở Thông tin và Truyền thông</title>")
    result = read_html(page(f"<p>{PROSE}</p>", head))
    assert result.og_title == "Tiêu đề từ og"
    assert result.doc_title == "Tiêu đề bài viết"


def test_published_time_meta_is_read() -> None:
    head = '<meta property="article:published_time" content="2024-12-27T16:05:00+07:00">'
    published = read_html(page(f"<p>{PROSE}</p>", head)).published
    assert published is not None and published.isoformat() == "2024-12-27T16:05:00+07:00"


def test_tag_ids_are_those_of_parsed_elements() -> None:
    # Walks match elements by lexbor's tag id: every name the parser looks for must have
    # the id of the elements a page gives it, in any case and inside SVG too.
    names = (INLINE_TAGS | VOID_INLINE_TAGS | PARAGRAPH_TAGS | NO_TEXT_TAGS
             | chrome_rules().drop_tags | {"meta", "title"}) - {"head", "td"}
    markup = "".join(f"<{name.upper()}></{name}>" for name in sorted(names))
    tree = LexborHTMLParser(page(f"{markup}<table><tr><TD></td></tr></table><svg><a></a></svg>"))
    parsed = {node.tag: node.tag_id for node in tree.root.traverse()}
    for name in names | {"td", "head"}:
        assert tag_id(name) == parsed[name], name
    svg = tree.css("svg")[-1]
    assert svg.child is not None and svg.child.tag_id == tag_id("a")
    with pytest.raises(ValueError):
        tag_id("portal-widget")


def test_block_lines_split_at_blocks_and_breaks() -> None:
    body = LexborHTMLParser(page("<div>một <b>hai</b><br>ba<p>bốn</p>năm</div>")).body
    assert body is not None
    assert block_lines(body) == ["một hai", "ba", "bốn", "năm"]


def test_a_counter_drawn_as_digit_images_reads_as_its_digits() -> None:
    digits = "".join(f'<img src="/counter/{d}.gif" alt="{d}">' for d in "2417")
    unnamed = "".join(f'<img src="/counter/digits/{d}.gif">' for d in "385")
    body = LexborHTMLParser(page(f"<div>Lượt truy cập<div>{digits}{unnamed}</div>"
                                 '<img src="/logo.png" alt="Logo"></div>')).body
    assert body is not None
    assert block_lines(body) == ["Lượt truy cập", "2417385"]


def test_pathological_nesting_is_refused_fast() -> None:
    started = time.perf_counter()
    with pytest.raises(Rejected) as info:
        check_nesting("<div>" * 100_000 + "x" + "</div>" * 100_000)
    assert info.value.reason == "too_deeply_nested"
    assert time.perf_counter() - started < 2


def test_nesting_within_the_limit_passes() -> None:
    depth = MAX_NESTING // 2
    check_nesting("<div>" * depth + "x" + "</div>" * depth)


def test_a_form_around_the_whole_page_is_not_chrome() -> None:
    # ASP.NET WebForms (DNN, SharePoint) wrap every page in one <form>.
    html = page(f'<form id="aspnetForm"><ul class="menu">{MENU}</ul>'
                f"<div><p>{PROSE}</p><p>{PROSE}</p></div>"
                '<form class="search"><p>Nhập từ khóa tìm kiếm trên cổng thông tin</p></form>'
                "</form>")
    assert read_html(html).article_lines == [PROSE, PROSE]


def test_the_lead_printed_just_before_the_article_block_is_kept() -> None:
    lead = PROSE.replace("Trong năm qua", "Chiều ngày 26/10")
    html = page(f'<div class="news"><div class="sapo"><strong>{lead}</strong></div>'
                '<div class="image"><img src="a.jpg"></div>'
                f'<div class="detail"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>')
    assert read_html(html).article_lines == [lead, PROSE, PROSE, PROSE]


def test_the_part_of_the_title_printed_on_the_page_is_the_title() -> None:
    title = "Đắk Lắk hoàn tất đào tạo công nghệ thông tin năm 2010"
    html = page(f"<table><tr><td><b>{title}</b></td></tr><tr><td><p>{PROSE}</p></td></tr></table>",
                f"<title>..:: So Thong tin va Truyen thong ::.. - {title}</title>")
    assert read_html(html).doc_title == title


def test_the_headline_part_of_og_title_is_the_title() -> None:
    title = "Long An: doanh thu bưu chính 6 tháng đầu năm 2023 tăng 31%"
    site = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH LONG AN"
    html = page(f"<div>{site}</div><span>{title}</span><div><p>{PROSE}</p></div>",
                f'<meta property="og:title" content="{site} - {title}">')
    assert read_html(html).og_title == title
    # a title with a dash in it, printed whole, stays whole
    dashed = "Hội nghị giao ban báo chí - kết quả tháng 4"
    html = page(f"<h1>{dashed}</h1><div><p>{PROSE}</p></div>",
                f'<meta property="og:title" content="{dashed}">')
    assert read_html(html).og_title == dashed


def test_the_lead_in_a_table_row_of_its_own_and_a_caption_between_lead_and_text() -> None:
    lead = PROSE.replace("Trong năm qua", "Sáu tháng đầu năm")
    rows = (f'<table><tr><td class="sapo"><b>{lead}</b></td></tr>'
            f"<tr><td><div id='body'><p>{PROSE}</p><p>{PROSE}</p></div></td></tr></table>")
    assert read_html(page(rows)).article_lines == [lead, PROSE, PROSE]
    figure = (f'<article><p class="sapo">{lead}</p><figure><img src="a.jpg">'
              "<figcaption>Người dân làm thủ tục tại Trung tâm</figcaption></figure>"
              f'<div class="body"><p>{PROSE}</p><p>{PROSE}</p></div></article>')
    assert read_html(page(figure)).article_lines == [
        lead, "Người dân làm thủ tục tại Trung tâm", PROSE, PROSE]


def test_a_br_inside_a_sentence_is_a_space_and_before_a_list_item_a_break() -> None:
    html = page(
        "<div><p>hồ sơ được giải quyết đúng và trước hạn chiếm 79,05%; quá hạn: 1,46%;<br/>"
        "hồ sơ còn trong hạn là 20,83%.</p>"
        "<p>a) Dự thảo quyết định quy hoạch, kế hoạch phát triển dài hạn của ngành;<br>"
        "b) Dự thảo quyết định quy định chức năng của Sở;</p></div>")
    assert read_html(html).article_lines == [
        "hồ sơ được giải quyết đúng và trước hạn chiếm 79,05%; quá hạn: 1,46%; hồ sơ còn trong "
        "hạn là 20,83%.",
        "a) Dự thảo quyết định quy hoạch, kế hoạch phát triển dài hạn của ngành;",
        "b) Dự thảo quyết định quy định chức năng của Sở;"]


def test_the_author_a_meta_tag_names_when_it_is_a_name() -> None:
    for content, author in [("Phương Nam", "Phương Nam"), ("https://facebook.com/x", None),
                            ("Sở Thông tin và Truyền thông", None)]:
        html = page(f"<div><p>{PROSE}</p></div>",
                    f'<meta property="article:author" content="{content}">')
        assert read_html(html).author == author


def test_a_headline_linking_away_marks_a_featured_story() -> None:
    story = (f'<h2><a href="/tin-tuc/bai-1.html">Cần Thơ công bố quyết định thành lập 103 xã</a>'
             f'</h2><div>01/07/2025</div><p class="lead">{PROSE}</p>')
    assert read_html(page(f"<section>{story}</section>")).featured
    article = story.replace('<a href="/tin-tuc/bai-1.html">', "").replace("</a>", "")
    assert not read_html(page(f"<section>{article}</section>")).featured


def test_a_data_table_prints_one_row_a_line_and_layout_tables_stay() -> None:
    table = ("<table><caption>Kết quả 6 tháng đầu năm 2023</caption>"
             "<tr><th>Lĩnh vực</th><th>Số doanh nghiệp</th><th>Doanh thu (tỷ đồng)</th></tr>"
             "<tr><td><p>Bưu chính</p></td><td>18</td><td>226</td></tr></table>")
    page_ = read_html(page(f"<div><p>{PROSE}</p>{table}<p>{PROSE}</p></div>"))
    rows = ["Kết quả 6 tháng đầu năm 2023", "Lĩnh vực | Số doanh nghiệp | Doanh thu (tỷ đồng)",
            "Bưu chính | 18 | 226"]
    assert page_.article_lines == [PROSE, *rows, PROSE]
    assert page_.table_rows == frozenset(rows)
    # an image with its caption, one cell a row, is no data table
    image = "<table><tr><td><img src='a.jpg'></td></tr><tr><td>Lễ khai trương</td></tr></table>"
    assert read_html(page(f"<div><p>{PROSE}</p>{image}<p>{PROSE}</p></div>")).article_lines == [
        PROSE, "Lễ khai trương", PROSE]


def test_a_newspapers_sapo_in_an_h2_is_the_lead() -> None:
    lead = "(BHY) - " + PROSE
    html = page(f'<article><h2 class="sapo">{lead}</h2>'
                f'<div class="body"><p>{PROSE}</p><p>{PROSE}</p></div></article>')
    assert read_html(html).article_lines == [lead, PROSE, PROSE]


def test_a_header_holding_most_of_the_page_stays_and_the_h1_over_the_block_titles_it() -> None:
    post = (f"<header class='post-header'><h1>Hưng Yên: hơn 1,2 triệu người học kỹ năng số</h1>"
            f"<div class='post-content'><h2>1. Kết quả</h2><p>{PROSE}</p><p>{PROSE}</p>"
            f"<p>{PROSE}</p></div></header>")
    html_page = read_html(page(f"<header><a href='/'>Trang chủ</a></header>{post}"))
    assert html_page.article_lines[-3:] == [PROSE, PROSE, PROSE]
    assert html_page.heading == "Hưng Yên: hơn 1,2 triệu người học kỹ năng số"


def test_a_numbered_section_heading_is_no_title() -> None:
    body = (f"<div class='body'><h2>1. Hoạt động báo chí tháng 10/2025</h2><p>{PROSE}</p>"
            f"<p>{PROSE}</p></div>")
    assert read_html(page(body)).heading is None


def test_the_publication_date_of_json_ld_or_microdata() -> None:
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle",'
          '"datePublished":"2025-11-04T10:20:00+07:00"}</script>')
    body = f"<div><p>{PROSE}</p><p>{PROSE}</p></div>"
    assert read_html(page(body, ld)).published == dt.datetime(2025, 11, 4, 3, 20, tzinfo=dt.UTC)
    abbr = "<abbr itemprop='datePublished' title='2025-05-05T08:40:00+07:00'>08:40</abbr>"
    assert read_html(page(abbr + body)).published == dt.datetime(2025, 5, 5, 1, 40,
                                                                 tzinfo=dt.UTC)


def test_an_articles_own_header_around_its_title_gives_its_title_and_lead() -> None:
    lead = PROSE.replace("Trong năm qua", "Năm qua, trung tâm SOC")
    post = (f"<article><header class='article-header'><a href='/tag/attt'>An toàn thông tin</a>"
            f"<h1>Sơn La: ngăn chặn hơn 2,3 triệu lượt truy cập</h1><p class='excerpt'>{lead}</p>"
            f"<div class='byline'><a href='/author/ha'>Thanh Hà</a> · 5 phút đọc</div></header>"
            f"<section class='gh-content'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></section>"
            f"</article>")
    html_page = read_html(page(f"<header><a href='/'>Trang chủ</a></header>{post}",
                               "<title>Sơn La: ngăn chặn hơn 2,3 triệu lượt truy cập</title>"))
    assert html_page.heading == "Sơn La: ngăn chặn hơn 2,3 triệu lượt truy cập"
    assert html_page.article_lines == [lead, PROSE, PROSE, PROSE]
    assert "Trang chủ" not in html_page.article_lines


def test_a_card_previewing_another_page_inside_the_article_is_dropped() -> None:
    card = ("<figure class='kg-bookmark-card'><a href='/9-thang-go-bo-812-tin-bai/'>"
            "<div class='title'>Sơn La: 9 tháng năm 2024 gỡ bỏ 812 tin, bài</div>"
            "<div class='description'>Từ đầu năm đến ngày 30/9/2024, Sở phát hiện 934 tin...</div>"
            "</a></figure>")
    html = page(f"<div id='content'><p>{PROSE}</p><p>{PROSE} <a href='/x'>Xem thêm</a></p>"
                f"{card}<p>{PROSE}</p></div>")
    lines = read_html(html).article_lines
    assert lines[-1] == PROSE and len(lines) == 3
    assert not any("812" in line or "934" in line for line in lines)


def test_the_box_around_the_title_stays_whatever_its_class_and_gives_the_lead() -> None:
    lead = PROSE.replace("Trong năm qua", "Trong tháng 11/2024, VNPT")
    top = (f"<section id='o_wblog_post_top'><div class='blog_header'><h1>VNPT: thuê bao tăng "
           f"12,6%</h1><div class='subtitle'>{lead}</div></div><div class='info'>356 lượt "
           f"xem</div></section>")
    main = f"<section id='o_wblog_post_main'><div><p>{PROSE}</p><p>{PROSE}</p></div></section>"
    html_page = read_html(page(f"<div class='header'><a href='/'>Trang chủ</a></div>{top}{main}",
                               '<meta property="og:title" content="VNPT: thuê bao tăng 12,6%">'))
    assert html_page.article_lines == [lead, PROSE, PROSE]


def test_an_odoo_pages_times_without_an_offset_are_utc() -> None:
    head = ('<meta name="generator" content="Odoo">'
            '<meta property="article:published_time" content="2024-12-10 02:00:00">')
    when = read_html(page(f"<div><p>{PROSE}</p></div>", head)).published
    assert when == dt.datetime(2024, 12, 10, 2, 0, tzinfo=dt.UTC)
    head = '<meta property="article:published_time" content="2024-12-10 09:00:00">'
    when = read_html(page(f"<div><p>{PROSE}</p></div>", head)).published
    assert when == dt.datetime(2024, 12, 10, 2, 0, tzinfo=dt.UTC)  # local time elsewhere


def test_the_lead_stands_before_a_photo_and_its_caption_paragraph() -> None:
    lead = PROSE.replace("Trong năm qua", "(BĐL) – Trong 9 tháng năm 2025")
    html = page(f"<article><h1>Đắk Lắk có hơn 1.900 trạm 5G</h1><p class='article__sapo'>{lead}</p>"
                "<amp-img src='a.jpg'></amp-img><p class='article__caption'>Kỹ thuật viên lắp "
                "đặt thiết bị. Ảnh: H.T</p>"
                f"<div class='article__body'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
                "</article>")
    assert read_html(html).article_lines[:2] == [lead, "Kỹ thuật viên lắp đặt thiết bị. Ảnh: H.T"]
