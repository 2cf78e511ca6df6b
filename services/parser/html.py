"""The article block of an HTML page, found by text, link and stopword density.

Readability's idea on selectolax: every paragraph-like element with real text gives
points to its parent (and half to its grandparent); points grow with length, commas
and Vietnamese stopwords (prose has many function words, menus and link lists few),
and a container's total is discounted by the share of its text inside links. The
best container is the article. Chrome containers (nav, footer, elements whose class
or id says menu/footer/sidebar/…) are removed first; the page text as a whole is kept
for the visitor counter, which usually sits in a sidebar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from services.parser.dates import parse_iso
from services.parser.rules import chrome_rules
from shared.errors import Rejected

BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table",
    "blockquote", "figcaption", "figure", "pre", "article", "section", "main", "ul", "ol",
    "dd", "dt", "center", "address", "body",
})
PARAGRAPH_TAGS = frozenset({"p", "div", "td", "li", "blockquote", "pre", "figcaption", "dd"})
_PARAGRAPHS = ", ".join(sorted(PARAGRAPH_TAGS))
# Phrasing content: text inside these flows on in the same line.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var",
})
VOID_INLINE_TAGS = frozenset({"img", "wbr", "picture", "source", "svg", "video", "audio"})
NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_SEP = "\x1f"
_INLINE_SELECTOR = ", ".join(sorted(INLINE_TAGS))
_INLINE_BUT_LINKS = ", ".join(sorted(INLINE_TAGS - {"a"}))
_VOID_SELECTOR = ", ".join(sorted(VOID_INLINE_TAGS))
_INLINE_NAMES = "|".join(sorted(INLINE_TAGS | VOID_INLINE_TAGS))
_INLINE_MARKUP = re.compile(rf"</?(?:{_INLINE_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate",
              "date", "dc.date.issued", "dc.date", "publish-date", "article:modified_time")
_TITLE_SPLIT = re.compile(r"\s+[-|–—:»]\s+")


@dataclass
class HtmlPage:
    """What the HTML path hands to line cleaning."""

    page_lines: list[str]
    article_lines: list[str]
    heading: str | None
    og_title: str | None
    doc_title: str | None
    published: dt.datetime | None
    link_density: float
    headline_links: int


MAX_NESTING = 2_000
CANDIDATES = 12
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr", "param", "p", "li", "td", "tr", "option"})


def check_nesting(html: str, limit: int = MAX_NESTING) -> None:
    """Refuse markup nested deeper than any real page: the HTML parser's time grows with
    the square of the depth, so 100,000 nested divs would hold a worker for seconds."""
    # Depth never exceeds the number of opening tags: real pages have far fewer than
    # the limit, and counting them is a memchr, not a regex scan.
    if html.count("<") - html.count("</") <= limit:
        return
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m[2].lower() in _VOID or m[3]:
            continue
        depth = max(depth - 1, 0) if m[1] else depth + 1
        deepest = max(deepest, depth)
        if deepest > limit:
            raise Rejected("too_deeply_nested", f"markup nests deeper than {limit} elements")


def drop_comments(html: str) -> str:
    """The markup without <!-- comments --> (a comment between two text nodes would split
    a line). Linear: an unterminated comment ends the scan, as it ends the page."""
    parts: list[str] = []
    at = 0
    while (start := html.find("<!--", at)) >= 0:
        parts.append(html[at:start])
        end = html.find("-->", start + 4)
        if end < 0:
            return "".join(parts)
        at = end + 3
    parts.append(html[at:])
    return "".join(parts)


def read_html(html: str) -> HtmlPage:
    html = drop_comments(html)
    tree = LexborHTMLParser(html)
    rules = chrome_rules()
    og_title, doc_title = _meta_titles(tree)
    published = _meta_date(tree)
    body = tree.body
    lines = page_lines(html)
    # Links whose text reads like a headline: a listing page is made of them.
    links = sum(1 for a in tree.css("a") if len(a.text(strip=True).split()) >= 6)
    tree.strip_tags(list(rules.drop_tags))
    if body is None:
        return HtmlPage(lines, [], None, og_title, doc_title, published, 0.0, links)
    body_len = len(body.text(strip=True)) or 1
    for node in body.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if rules.chrome_class.search(names) and len(node.text(strip=True)) < body_len * 0.5:
            node.decompose()
    # A paragraph's own text is often wrapped in <span>/<font>/<strong>: unwrap them so
    # it counts as the paragraph's; links stay, for link density.
    for node in body.css(_INLINE_BUT_LINKS):
        node.unwrap()
    best = _best_block(body, rules.stopwords)
    heading = _heading(best) if best is not None else None
    density = _link_density(best) if best is not None else 1.0
    article_lines = block_lines(best) if best is not None else []
    return HtmlPage(lines, article_lines, heading, og_title, doc_title, published, density,
                    links)


def block_lines(root: LexborNode) -> list[str]:
    """The text of `root` as lines, one per block element or <br>.

    Done in lexbor, not in a Python walk: inline elements are unwrapped and void ones
    dropped so that a paragraph's text nodes merge into one, then every remaining text
    node boundary is a block boundary. This rewrites the subtree: call it last.
    """
    # One selector each, not one query per tag name as unwrap_tags/strip_tags do.
    for node in root.css(_VOID_SELECTOR):
        node.decompose()
    for node in root.css(_INLINE_SELECTOR):
        node.unwrap()
    root.merge_text_nodes()
    text = root.text(separator=_SEP)
    return [line for line in (" ".join(x.split()) for x in text.split(_SEP)) if line]


def page_lines(html: str) -> list[str]:
    """Every line of the page, chrome included (the visitor counter is in a sidebar),
    from a tree of its own so the article's tree keeps its links."""
    # Inline tags go from the markup before parsing (one regex pass), so the text nodes
    # of a line are already one node.
    tree = LexborHTMLParser(_INLINE_MARKUP.sub("", html))
    body = tree.body
    if body is None:
        return []
    tree.strip_tags(list(NO_TEXT_TAGS))
    return block_lines(body)


def _best_block(body: LexborNode, stopwords: frozenset[str]) -> LexborNode | None:
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    is_stopword = stopwords.__contains__
    for node in body.css(_PARAGRAPHS):
        text = " ".join((node.text(deep=False) or "").split())
        if len(text) < 25:
            continue
        words = text.lower().split()
        stop_share = sum(map(is_stopword, words)) / len(words)
        score = 1 + text.count(",") + min(len(text) / 100, 3) + 4 * stop_share
        parent = node.parent
        for share, target in ((1.0, node), (1.0, parent), (0.5, parent.parent if parent else None)):
            if target is None:
                continue
            scores[target.mem_id] = scores.get(target.mem_id, 0.0) + score * share
            nodes[target.mem_id] = target
    if not scores:
        return None
    # Link density walks a subtree: weigh only the leading candidates, not every node.
    leaders = sorted(scores, key=scores.__getitem__, reverse=True)[:CANDIDATES]
    best = max(leaders, key=lambda k: scores[k] * (1 - _link_density(nodes[k])))
    return nodes[best]


def _link_density(node: LexborNode) -> float:
    total = len(node.text(strip=True)) or 1
    linked = sum(len(a.text(strip=True)) for a in node.css("a"))
    return min(linked / total, 1.0)


def _heading(block: LexborNode) -> str | None:
    """The article's own heading: inside the block, or the nearest one before it."""
    for selector in ("h1", "h2", "h3", "[class*=title]"):
        found = block.css_first(selector)
        if found is not None and len(found.text(strip=True).split()) >= 3:
            return " ".join(found.text().split())
    node = block.prev
    for _ in range(6):
        if node is None:
            break
        if node.tag in ("h1", "h2", "h3") and len(node.text(strip=True).split()) >= 3:
            return " ".join(node.text().split())
        node = node.prev
    return None


def _meta_titles(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """(og:title, <title> without the site-name suffix)."""
    og = None
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        node = tree.css_first(selector)
        if node is not None and (node.attributes.get("content") or "").strip():
            og = " ".join((node.attributes.get("content") or "").split())
            break
    title = tree.css_first("title")
    if title is None or not title.text(strip=True):
        return og, None
    parts = _TITLE_SPLIT.split(" ".join(title.text().split()))
    return og, parts[0]


def _meta_date(tree: LexborHTMLParser) -> dt.datetime | None:
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name")
               or node.attributes.get("itemprop") or "").lower()
        if key in _DATE_META or key == "datepublished":
            when = parse_iso(node.attributes.get("content") or "")
            if when:
                return when
    for node in tree.css("time[datetime]"):
        when = parse_iso(node.attributes.get("datetime") or "")
        if when:
            return when
    return None
