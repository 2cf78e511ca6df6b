"""A `RawPage` in; its `Article` (and `PortalTraffic`, when the page shows a visitor
counter) out — or `NotAnArticle` for listings, home and error pages, or `Rejected`
for bytes that cannot be a page."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from services.parser.dates import find_date, labelled_date
from services.parser.decoding import MAX_BODY_BYTES, decode_body
from services.parser.html import check_nesting, read_html
from services.parser.rules import chrome_rules
from services.parser.textlines import (
    Cleaned,
    clean_lines,
    drop_link_marks,
    drop_translations,
    has_pager,
    is_teaser_block,
    labelled_author,
    normalise,
    shows_results,
    unwrap,
    words,
)
from services.parser.traffic import read_counters
from shared.errors import NotAnArticle
from shared.records import Article, PortalTraffic, RawPage, stable_id, utcnow

PARSER_VERSION = "1.0.0"
MIN_ARTICLE_CHARS = 280
TEASER_CHARS = 4 * MIN_ARTICLE_CHARS  # a teaser's, a featured story's text is shorter
NEAR_TITLE = 3
TEXT_TYPES = ("text/plain", "text/markdown")
_ROOT_PATHS = frozenset({"/index", "/default", "/home", "/trang-chu", "/portal", "/main"})
_HTML_MARKERS = re.compile(r"<(?:html|!doctype html|body|div)", re.IGNORECASE)


class NoArticle(NotAnArticle):
    """`NotAnArticle` from the parser, with the page's visitor counter if it has one."""

    def __init__(self, kind: str, message: str, traffic: PortalTraffic | None) -> None:
        super().__init__(kind, message)
        self.traffic = traffic


@dataclass(frozen=True, slots=True)
class ParseResult:
    article: Article
    traffic: PortalTraffic | None


def parse_page(page: RawPage, province: str | None = None, now: dt.datetime | None = None,
               max_bytes: int = MAX_BODY_BYTES) -> ParseResult:
    """Parse one page. Raises `NoArticle` (a `NotAnArticle` carrying the page's traffic,
    if any) and `Rejected` (bad bytes) — never returns an empty article."""
    text = decode_body(page.body, page.declared_charset, max_bytes)
    if not text or text.isspace():  # not text.strip(): no copy of the page
        raise NoArticle("empty", f"{page.url}: empty body", None)
    if page.content_type in TEXT_TYPES or not _looks_like_html(text):
        lines = [line for line in map(normalise, map(drop_link_marks, unwrap(text.splitlines())))
                 if line]
        cleaned = clean_lines(lines)
        # Teasers ("… …" at the end) stand for articles one link away: a listing's.
        links = sum(line.endswith(("...", "…")) for line in lines)
        teasers = links >= 2
        kind = "listing" if teasers else "too_short"
        teaser_block = featured = False
        pager_lines = lines
    else:
        check_nesting(text)
        html = read_html(text)
        title = html.og_title or html.heading or html.doc_title
        error = _error_page(html.doc_title, html.heading)
        cleaned = clean_lines(html.article_lines, title, html.table_rows)
        # The counter sits in a sidebar, outside the article block: read the whole page.
        page_counters = read_counters(drop_translations(html.page_lines))[0]
        cleaned.counters = page_counters or cleaned.counters
        cleaned.published = (html.published or cleaned.published
                             or _date_near_title(html.page_lines, cleaned.title)
                             or labelled_date(html.page_lines))
        links = html.headline_links
        # A block of teasers, each with its "Xem tiếp" link or its date, is a listing
        # however long.
        teasers = teaser_block = is_teaser_block(html.article_lines, html.linked_headlines)
        kind = ("error_page" if error else "listing" if links >= 2 or teaser_block
                else "too_short")
        pager_lines = html.page_lines
        cleaned.author = cleaned.author or labelled_author(html.page_lines) or html.author
        featured = html.featured
    traffic = _traffic(page, cleaned)
    body = "\n\n".join(cleaned.lines)
    # A teaser ("Thực hiện Chỉ thị số 16/CT-TTg …; Chỉ thị số...") is a listing's, not
    # an article: the full text is one link away.
    teaser = len(body) < TEASER_CHARS and body.rstrip().endswith(("...", "…"))
    if teaser and kind == "too_short":
        kind = "listing"
    # A featured story's headline links to its article, and its text is a lead or two.
    featured = featured and len(body) < TEASER_CHARS
    results = shows_results(pager_lines)  # a search's or a listing's count of results
    if results:
        kind = "listing"
    if (kind == "error_page" or len(body) < MIN_ARTICLE_CHARS or teaser or not cleaned.title
            or teaser_block or featured or results):
        # A page of headlines with the site's counter is the home page, unless teasers or
        # a pager say it is one page of a listing; the site's root is its home page.
        listed = teasers or results or has_pager(pager_lines)
        if kind == "too_short" and listed:
            kind = "listing"
        if kind != "error_page" and ((traffic and not listed) or _is_root(page.url)):
            kind = "home"
        raise NoArticle(
            kind, f"{page.url}: {kind} ({len(body)} chars of text, {links} headline links)",
            traffic)
    article = Article(
        article_id=stable_id(page.url), url=page.url, portal_id=page.portal_id,
        province=province, title=cleaned.title, text=body, published_at=_utc(cleaned.published),
        author=cleaned.author, content_sha256=hashlib.sha256(body.encode()).hexdigest(),
        fetched_at=page.fetched_at, parsed_at=now or utcnow(), parser_version=PARSER_VERSION,
    )
    return ParseResult(article, traffic)


def _date_near_title(lines: list[str], title: str | None) -> dt.datetime | None:
    """A dateline printed beside the title but outside the article block (a table row
    of its own in old CMS layouts): the few short lines around the title's line."""
    if not title:
        return None
    key = title.lower()
    for i, line in enumerate(lines):
        if len(line) <= len(key) and line.lower() == key:  # lowercasing never shortens
            for near in (*lines[i + 1:i + 1 + NEAR_TITLE], *lines[max(i - NEAR_TITLE, 0):i]):
                if words(near) <= 12 and (when := find_date(near)):
                    return when
            return None
    return None


def _is_root(url: str) -> bool:
    """Whether `url` is a site's root page ("/", "/index.html", "/Default.aspx", "/trang-chu")."""
    path = urlsplit(url).path.rstrip("/").lower()
    return path == "" or path.rsplit(".", 1)[0] in _ROOT_PATHS


def _utc(when: dt.datetime | None) -> dt.datetime | None:
    """The contract stores UTC; local Vietnam times were read as aware datetimes."""
    return when.astimezone(dt.UTC) if when else None


def _looks_like_html(text: str) -> bool:
    # A search that jumps from "<" to "<", not a lowercased copy of the head.
    return _HTML_MARKERS.search(text, 0, 2048) is not None


def _error_page(doc_title: str | None, heading: str | None) -> bool:
    words = chrome_rules().error_titles
    lowered = [t.lower() for t in (doc_title, heading) if t and len(t) < 60]
    return any(w in t for t in lowered for w in words)


def _traffic(page: RawPage, cleaned: Cleaned) -> PortalTraffic | None:
    if not cleaned.counters:
        return None
    return PortalTraffic(traffic_id=stable_id(page.portal_id, page.url, page.content_sha256),
                         portal_id=page.portal_id, url=page.url, observed_at=page.fetched_at,
                         **cleaned.counters)
