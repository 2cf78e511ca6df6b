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
from functools import cache
from html import escape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from services.parser.dates import VIETNAM, parse_iso
from services.parser.rules import ChromeNames, chrome_rules
from services.parser.textlines import is_name, is_prose, normalise, split_normalised
from shared.errors import Rejected

PARAGRAPH_TAGS = frozenset({"p", "div", "td", "li", "blockquote", "pre", "figcaption", "dd"})
# Phrasing content: text inside these flows on in the same line.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var",
})
VOID_INLINE_TAGS = frozenset({"img", "wbr", "picture", "source", "svg", "video", "audio"})
NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_SEP = "\x1f"
_DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate",
              "date", "dc.date.issued", "dc.date", "publish-date", "article:modified_time")
# Read from the whole page before chrome removal: metadata, <title>, links, <time>.
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_AUTHOR_META = ("author", "article:author", "dc.creator")
_PAGE_FACT_TAGS = frozenset({"meta", "title", "a", "time", "h1"})
_TITLE_SPLIT = re.compile(r"\s+[-|–—:»]\s+")
_NAMING = LexborHTMLParser("")
# Removed unless they hold most of the page: a <form> around a whole ASP.NET page, a
# <header> a forum post's content sits in.
_MINOR_TAGS = frozenset({"form", "header"})


@cache
def tag_id(name: str) -> int:
    """lexbor's id of an HTML tag name. Walks compare `LexborNode.tag_id` (an int) with
    these ids: `LexborNode.tag` decodes the element's name into a new str at every call.
    Only a name lexbor knows has the same id in every document."""
    ident: int = _NAMING.create_node(name).tag_id
    if LexborHTMLParser("").create_node(name).tag_id != ident:
        raise ValueError(f"{name!r} is not an HTML tag name lexbor knows")
    return ident


def tag_ids(names: frozenset[str]) -> frozenset[int]:
    return frozenset(map(tag_id, names))


_VOID_IDS = tag_ids(VOID_INLINE_TAGS)
_IMG_ID = tag_id("img")
_PARAGRAPH_IDS = tag_ids(PARAGRAPH_TAGS)
_INLINE_OR_VOID_IDS = tag_ids(INLINE_TAGS | VOID_INLINE_TAGS)
_FIGURE_ID = tag_id("figure")
# (a newspaper prints its sapo as an <h2 class="sapo">: one paragraph of prose all the same)
_LEAD_IDS = tag_ids(PARAGRAPH_TAGS | {"tr", "section", "header", "h2"})
_A_ID = tag_id("a")
_H1_ID = tag_id("h1")
_UTC_GENERATORS = ("odoo",)  # CMSs whose meta times without an offset are UTC
_CARD_PART_IDS = tag_ids(frozenset({"div", "p", "h2", "h3", "h4", "h5", "h6"}))
_SECTION_NUMBER = re.compile(r"(?:[IVX]{1,4}|\d{1,2})\.\s")
_CELL_IDS = tag_ids(frozenset({"td", "th"}))
_ARTICLE_WALK_IDS = tag_ids((INLINE_TAGS - {"a"}) | VOID_INLINE_TAGS | PARAGRAPH_TAGS)


@dataclass
class HtmlPage:
    """What the HTML path hands to line cleaning (lines normalised, none empty)."""

    page_lines: list[str]
    article_lines: list[str]
    heading: str | None
    og_title: str | None
    doc_title: str | None
    published: dt.datetime | None
    link_density: float
    headline_links: int
    author: str | None = None  # named by the meta tags
    featured: bool = False  # the block's headline links away: a featured story's teaser
    table_rows: frozenset[str] = frozenset()  # the article lines that are a table's rows
    linked_headlines: frozenset[str] = frozenset()  # the block's links that read as headlines


MAX_NESTING = 2_000
CANDIDATES = 12
TABLE_CELL_WORDS = 20  # a data table's cells are shorter than this
LINK_DEPTH = 4  # elements between a block's first text and the link it may stand in
BROKEN_WORDS = 8  # words of prose before a <br> that a lower-case line after it goes on
_FULL_STOPS = (".", "!", "?", "…", ":", '"', "”")
_LIST_ITEM = re.compile(r"[a-zđ][.)]\s")  # "b) Dự thảo …": a list's next item
LEAD_REACH = 8  # siblings before the article block looked at for its lead
LEAD_LINES = 3  # the lead and a caption or two
LEAD_LEVELS = 3  # the block, its parent and grandparent: whose sibling before may be the lead
STOPWORD_SAMPLE = 300  # characters of a paragraph whose words give its stopword share
_HEAD = STOPWORD_SAMPLE + 100
# The attributes greedily: a lazy `[^>]*?(/?)>` retried the end at every character.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr", "param", "p", "li", "td", "tr", "option"})


def check_nesting(html: str, limit: int = MAX_NESTING) -> None:
    """Refuse markup nested deeper than any real page: the HTML parser's time grows with
    the square of the depth, so 100,000 nested divs would hold a worker for seconds."""
    # Depth never exceeds the number of opening tags: real pages have far fewer than
    # the limit, and counting them is a memchr, not a regex scan.
    if html.count("<") - html.count("</") <= limit:
        return
    depth = 0
    for m in _TAG.finditer(html):
        closing, name, rest = m.groups()
        if rest.endswith("/") or name.lower() in _VOID:
            continue
        if closing:
            depth = max(depth - 1, 0)
        elif (depth := depth + 1) > limit:
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
    tree = LexborHTMLParser(drop_comments(html))
    rules = chrome_rules()
    # One walk finds the elements read before chrome removal and those removed below: a
    # CSS query or a tag-name search per tag walks the whole tree each time.
    walked = _PAGE_FACT_TAGS | NO_TEXT_TAGS | rules.drop_tags | _MINOR_TAGS
    found = _elements_by_tag(tree.root, walked) if tree.root is not None else {}
    og_title, published, meta_author = _read_meta(found.get("meta", []), found.get("time", []))
    if published is None and "datePublished" in html:  # (a search of the markup, not a walk)
        published = _structured_date(tree, found.get("script", []))
    titles = found.get("title", [])
    # Links whose text reads like a headline: a listing page is made of them.
    links = sum(1 for a in found.get("a", []) if len(a.text(strip=True).split(maxsplit=5)) == 6)
    body = tree.body
    if body is None:
        return HtmlPage([], [], None, og_title, _doc_title(titles, []), published, 0.0, links,
                        meta_author)
    # The page's lines come from a copy (12 µs, a fifth of a parse) that keeps its chrome.
    _strip(found, NO_TEXT_TAGS)
    page = tree.clone().body
    lines = block_lines(page) if page is not None else []
    doc_title = _doc_title(titles, lines)
    og_title = _og_title(og_title, lines)
    _strip(found, rules.drop_tags)
    # ASP.NET pages wrap the whole page in one <form>: a form (or a header) goes only when
    # it holds less than half of the page (a search box, a comment form), as chrome
    # containers do.
    minor = [node for tag in _MINOR_TAGS for node in found.get(tag, ())]
    keep = _title_box(found.get("h1", []), og_title or doc_title)
    _drop_minor(body, minor + _chrome_containers(body, rules.chrome_names), keep)
    # A paragraph's own text is often wrapped in <span>/<font>/<strong>: unwrap them so
    # it counts as the paragraph's; links stay, for link density. One walk finds these,
    # the images to drop and the paragraphs, which unwrapping leaves in place.
    paragraphs = []
    for node in _elements(body, _ARTICLE_WALK_IDS):
        tag = node.tag_id
        if tag in _PARAGRAPH_IDS:
            paragraphs.append(node)
        elif tag in _VOID_IDS:
            node.decompose()
        else:
            node.unwrap()
    best = _best_block(paragraphs, rules.stopwords)
    if best is None:
        return HtmlPage(lines, [], None, og_title, doc_title, published, 1.0, links, meta_author)
    block, density = best
    heading = _heading(block)
    featured = _links_away(heading, block)
    # The article's title is its <h1> when it has one over the block; the heading nearest
    # the block may be a section's ("1. Hoạt động báo chí tháng 10/2025").
    if heading is None or heading.tag_id != _H1_ID:
        heading = _h1_before(block) or heading
    title = " ".join(heading.text().split()) if heading is not None else None
    if title and _SECTION_NUMBER.match(title):
        title = None  # a numbered heading is a section's, never the article's title
    # Headlines linking to other pages, inside the block: a block of teasers has them.
    linked = frozenset(" ".join(a.text().split()) for a in block.css("a[href]")
                       if len(a.text(strip=True).split(maxsplit=5)) == 6)
    lead = _lead_before(block)
    _drop_link_cards(block)
    _join_sentences(block)
    table_rows = _flatten_tables(block)
    return HtmlPage(lines, lead + block_lines(block), title, og_title, doc_title, published,
                    density, links, meta_author, featured, table_rows, linked)


def _drop_link_cards(block: LexborNode) -> None:
    """Remove the cards inside the article that preview another page: a link wrapping
    blocks of its own, a headline and a summary ("<a class="kg-bookmark-container"><div
    class="kg-bookmark-title">…</div><div class="kg-bookmark-description">…"). Their
    figures are the other page's."""
    for link in block.css("a[href]"):
        if link.parent is not None and any(
                child.tag_id in _CARD_PART_IDS for child in link.iter(include_text=False)):
            link.decompose()


def _lead_before(block: LexborNode) -> list[str]:
    """The lead (sapo) printed just before the article block, outside it: the element
    right before the block whose text is one paragraph of prose ("<div
    class="news-sapo"><strong>Chiều ngày 26/10, …</strong></div>") — before the block's
    parent when the block opens it (a table layout prints the lead in a row of its own:
    "<tr><td class="TrichDan">…</td></tr><tr><td><div id="divNoiDung">")."""
    node: LexborNode | None = block
    before = None
    for _ in range(LEAD_LEVELS):
        if node is None or (before := _sibling_before(node)) is not None:
            break
        node = node.parent
    # The photo between the lead and the text ("<p class="sapo">…</p><figure>…
    # <figcaption>…</figcaption></figure><div class="article-body">", or an image and a
    # "<p class="caption">"): its caption is content, and the lead stands before it.
    figures: list[LexborNode] = []
    while before is not None and (before.tag_id == _FIGURE_ID or _is_caption(before)):
        figures.insert(0, before)
        before = _sibling_before(before)
    captions = [line for figure in figures for line in block_lines(figure)]
    if before is None or before.tag_id not in _LEAD_IDS or _link_density(before) > 0.2:
        return captions  # no lead, or text outside an element, or a list of links
    if (heading := before.css_first("h1")) is not None:
        # the article's header: its category, title, lead, byline and photo (an <article>'s
        # <header>, Odoo's "o_wblog_post_top"); the lead and the photo's caption are its
        # prose
        title = " ".join(heading.text().split())
        return [line for line in block_lines(before)
                if is_prose(line) and line != title][:LEAD_LINES] + captions
    # One paragraph of prose, maybe beside its photo's caption (NukeViet prints the
    # lead's image with the lead: "<figure>…<figcaption>…</figure><div class="hometext">").
    lines = block_lines(before)
    prose = sum(map(is_prose, lines))
    return (lines if prose == 1 and len(lines) <= LEAD_LINES else []) + captions


def _is_caption(node: LexborNode) -> bool:
    """Whether `node` is a photo's caption printed on its own ("<p class="article__caption">"
    after an <amp-img>)."""
    return node.tag != "-text" and "caption" in (node.attributes.get("class") or "")


def _sibling_before(node: LexborNode) -> LexborNode | None:
    """The nearest sibling before `node` that holds text, over whitespace and empty
    elements (an image's box); None if there is none within LEAD_REACH."""
    sibling = node.prev
    for _ in range(LEAD_REACH):
        if sibling is None:
            return None
        if sibling.tag == "-text":
            if (sibling.text_content or "").strip():
                return sibling
        elif sibling.text(strip=True):
            return sibling
        sibling = sibling.prev
    return None


def block_lines(root: LexborNode) -> list[str]:
    """The text of `root` as lines, one per block element or <br>.

    The text comes out of lexbor, not a Python walk over text nodes: inline elements are
    unwrapped and void ones dropped so that a paragraph's text nodes merge into one, then
    every remaining text node boundary is a block boundary. This rewrites the subtree:
    call it last.
    """
    # Document order: a node inside one already removed is detached and empty, and both
    # calls leave a detached node alone.
    for node in _elements(root, _INLINE_OR_VOID_IDS):
        if node.tag_id not in _VOID_IDS:
            node.unwrap()
        elif node.tag_id == _IMG_ID and (digit := _image_digit(node)):
            node.replace_with(digit)
        else:
            node.decompose()
    root.merge_text_nodes()
    return split_normalised(root.text(separator=_SEP, skip_empty=True), _SEP)


def _flatten_tables(block: LexborNode) -> frozenset[str]:
    """Print each data table of the article block one row per line, its cells between
    " | " ("Sở Y tế | 9.287 | 94,0%"): cell by cell, a row's figures lose their label and
    their column. A layout table (a nested table, a cell holding paragraphs) and an
    image's table (one cell a row) stay as they are. The rows printed: content, which a
    header row ("Lĩnh vực | Số doanh nghiệp | …") would not look like to line cleaning."""
    printed_rows: set[str] = set()
    for table in block.css("table"):
        if len(table.css("table")) > 1:  # (css() matches the table itself too)
            continue
        rows = [[" ".join(cell.text(separator=" ").split()) for cell in row.iter()
                 if cell.tag_id in _CELL_IDS] for row in table.css("tr")]
        if (len(rows) < 2 or max(map(len, rows)) < 2
                or any(cell.count(" ") >= TABLE_CELL_WORDS for row in rows for cell in row)):
            continue
        caption = table.css_first("caption")
        printed = ([" ".join(caption.text(separator=" ").split())] if caption is not None
                   else []) + [" | ".join(row) for row in rows if any(row)]
        lines = LexborHTMLParser(
            "<div>" + "".join(f"<p>{escape(row)}</p>" for row in printed) + "</div>")
        if (node := lines.css_first("div")) is not None:
            table.replace_with(node)
            printed_rows.update(printed)
    return frozenset(printed_rows)


def _join_sentences(block: LexborNode) -> None:
    """Turn each `<br>` typed inside a sentence of the article block into a space ("…
    quá hạn: 1,46%;<br>hồ sơ còn trong thời hạn …"): the text after it goes on in lower
    case, and the text before it is prose that ends without a full stop."""
    breaks = block.css("br")
    if not breaks:
        return
    block.merge_text_nodes()
    for br in breaks:
        before, after = br.prev, br.next
        if (before is not None and after is not None and before.tag == "-text"
                and after.tag == "-text"
                and _goes_on(before.text_content or "", after.text_content or "")):
            br.replace_with(" ")


def _goes_on(before: str, after: str) -> bool:
    after = after.lstrip()
    before = before.rstrip()
    return (after[:1].islower() and not _LIST_ITEM.match(after)
            and not before.endswith(_FULL_STOPS) and before.count(" ") + 1 >= BROKEN_WORDS)


def _image_digit(img: LexborNode) -> str | None:
    """The digit an image draws, for counters drawn one digit per image (`<img
    src="/counter/digits/2.gif" alt="2">`): its alt text, else its file name."""
    attributes = img.attrs  # (its get() reads one attribute; .attributes builds a dict)
    alt = (attributes.get("alt") or "").strip()
    if not alt:
        alt = (attributes.get("src") or "").rpartition("/")[2].partition(".")[0]
    return alt if len(alt) == 1 and alt.isdigit() else None


def _elements(root: LexborNode, ids: frozenset[int]) -> list[LexborNode]:
    """`root` and the elements under it whose tag id is in `ids`, in document order —
    what ``root.css("a, b, …")`` returns, three times faster than a selector of 33 names."""
    return [node for node in root.traverse() if node.tag_id in ids]


def _elements_by_tag(root: LexborNode, tags: frozenset[str]) -> dict[str, list[LexborNode]]:
    """`root` and the elements under it whose tag is in `tags`, by tag, each list in
    document order: ``root.css(tag)`` for every tag from one walk."""
    names = _names_by_id(tags)
    found: dict[str, list[LexborNode]] = {tag: [] for tag in tags}
    for node in root.traverse():
        if (name := names.get(node.tag_id)) is not None:
            found[name].append(node)
    return found


@cache
def _names_by_id(tags: frozenset[str]) -> dict[int, str]:
    return {tag_id(tag): tag for tag in tags}


def _strip(found: dict[str, list[LexborNode]], tags: frozenset[str]) -> None:
    """Detach the elements of `found` whose tag is in `tags`, keeping their content with
    them: ``tree.strip_tags(tags)`` without its tree search per tag. An element inside
    one detached before it is detached from that subtree, which changes nothing."""
    for tag in tags:
        for node in found.get(tag, ()):
            node.decompose(recursive=False)


def _chrome_containers(body: LexborNode, chrome_names: ChromeNames) -> list[LexborNode]:
    """The elements whose class or id names chrome (menu, footer, sidebar, …)."""
    named = []
    for node in body.css("[class], [id]"):
        attributes = node.attributes
        if chrome_names.match(f"{attributes.get('class') or ''} {attributes.get('id') or ''}"):
            named.append(node)
    return named


def _title_box(headings: list[LexborNode], title: str | None) -> frozenset[int]:
    """The elements around the <h1> that prints the page's title: whatever their class
    says ("blog_header"), they hold the article's title, lead and byline."""
    if not title:
        return frozenset()
    boxes: set[int] = set()
    for heading in headings:
        if " ".join(heading.text().split()) == title:
            node = heading.parent
            while node is not None:
                boxes.add(node.mem_id)
                node = node.parent
    return frozenset(boxes)


def _drop_minor(body: LexborNode, nodes: list[LexborNode], keep: frozenset[int]) -> None:
    """Remove each of `nodes` that holds less than half of the page's text (not a theme
    that calls its main column "main-menu-content", nor a form around the whole page),
    nor the boxes around the article's title (`keep`: an <article>'s <header>, Odoo's
    "blog_header")."""
    body_len = 0
    for node in nodes:
        if node.parent is None or node.mem_id in keep:
            continue
        body_len = body_len or len(body.text(strip=True)) or 1
        if len(node.text(strip=True)) < body_len * 0.5:
            node.decompose()


def _best_block(paragraphs: list[LexborNode],
                stopwords: frozenset[str]) -> tuple[LexborNode, float] | None:
    """The best-scoring container and its link density."""
    scores: dict[LexborNode, float] = {}  # a node hashes as its lexbor pointer
    is_stopword = stopwords.__contains__
    for node in paragraphs:
        raw = node.text(deep=False)
        if len(raw) < 25:  # normalising only shortens it
            continue
        # Past STOPWORD_SAMPLE characters a paragraph's length scores the same: normalise
        # a head a little longer than that, and the whole text only if the head was too
        # full of whitespace to give STOPWORD_SAMPLE characters.
        text = normalise(raw[:_HEAD])
        if len(text) < STOPWORD_SAMPLE and len(raw) > _HEAD:
            text = normalise(raw)
        if len(text) < 25:
            continue
        # The stopword share of the opening words: splitting and looking up every word
        # of a long paragraph costs more than the rest of the scoring together.
        sample = text if len(text) <= STOPWORD_SAMPLE else (
            text[:STOPWORD_SAMPLE].rpartition(" ")[0] or text[:STOPWORD_SAMPLE])
        # The text is normalised: words are split at single spaces. Counted with
        # filter(): sum() over booleans takes the slow path of its addition.
        words = sample.lower().split(" ")
        stop_share = len(list(filter(is_stopword, words))) / len(words)
        score = 1 + raw.count(",") + min(len(text) / 100, 3) + 4 * stop_share
        scores[node] = scores.get(node, 0.0) + score
        if (parent := node.parent) is not None:
            scores[parent] = scores.get(parent, 0.0) + score
            if (grandparent := parent.parent) is not None:
                scores[grandparent] = scores.get(grandparent, 0.0) + score * 0.5
    if not scores:
        return None
    # Link density walks a subtree: weigh only the leading candidates, best first, and
    # stop at the first whose whole score cannot beat the best discounted one.
    best, best_density, best_score = None, 1.0, -1.0
    for node in sorted(scores, key=scores.__getitem__, reverse=True)[:CANDIDATES]:
        if scores[node] <= best_score:
            break
        density = _link_density(node)
        if scores[node] * (1 - density) > best_score:
            best, best_density, best_score = node, density, scores[node] * (1 - density)
    return (best, best_density) if best is not None else None


def _link_density(node: LexborNode) -> float:
    total = len(node.text(strip=True)) or 1
    linked = sum(len(a.text(strip=True)) for a in node.css("a"))
    return min(linked / total, 1.0)


def _heading(block: LexborNode) -> LexborNode | None:
    """The heading nearest the block: inside it, or the nearest one before it."""
    for selector in ("h1", "h2", "h3", "[class*=title]"):
        found = block.css_first(selector)
        if found is not None and len(found.text(strip=True).split()) >= 3:
            return found
    node = block.prev
    for _ in range(6):
        if node is None:
            break
        if node.tag in ("h1", "h2", "h3") and len(node.text(strip=True).split()) >= 3:
            return node
        node = node.prev
    return None


def _h1_before(block: LexborNode) -> LexborNode | None:
    """An <h1> of three words or more among the elements just before the block, or
    before its parent or grandparent (a title printed over the article's body)."""
    node: LexborNode | None = block
    for _ in range(LEAD_LEVELS):
        if node is None:
            return None
        sibling = node.prev
        for _ in range(LEAD_REACH):
            if sibling is None:
                break
            h1 = _own_h1(sibling)
            if h1 is not None and len(h1.text(strip=True).split()) >= 3:
                return h1
            sibling = sibling.prev
        node = node.parent
    return None


def _own_h1(node: LexborNode) -> LexborNode | None:
    """`node` if it is an <h1>, else a child <h1> ("<header><h1>…</h1></header>"): its
    children's tags are read, no query runs over its subtree."""
    if node.tag_id == _H1_ID:
        return node
    return next((child for child in node.iter() if child.tag_id == _H1_ID), None)


def _links_away(heading: LexborNode | None, block: LexborNode) -> bool:
    """Whether the block's headline is a link — to the article it stands for: a home
    page's featured story ("<h2><a href="/tin-tuc/…">Headline</a></h2>", or a bold link
    opening its cell). An article's own title is no link."""
    if heading is not None:
        return heading.css_first("a[href]") is not None
    for node in block.traverse(include_text=True):
        if node.tag == "-text" and (node.text_content or "").strip():
            parent = node.parent
            for _ in range(LINK_DEPTH):
                if parent is None or parent.tag_id == _A_ID:
                    break
                parent = parent.parent
            return parent is not None and parent.tag_id == _A_ID
    return False


def _read_meta(metas: list[LexborNode], times: list[LexborNode]
               ) -> tuple[str | None, dt.datetime | None, str | None]:
    """(og:title, else twitter:title; the first publication date of the meta tags, else
    of a ``<time datetime>``; the author they name, when it is a person's name, not a
    profile's URL or the site's owner), from one pass over the page's ``<meta>`` tags."""
    titles: dict[str, str] = {}
    author = None
    dates: list[str] = []
    naive: dt.tzinfo = VIETNAM
    for node in metas:
        attributes = node.attributes
        content = attributes.get("content") or ""
        for key, attribute in (("og:title", "property"), ("twitter:title", "name")):
            if key not in titles and attributes.get(attribute) == key:
                titles[key] = content
        key = (attributes.get("property") or attributes.get("name")
               or attributes.get("itemprop") or "").lower()
        if key in _DATE_META or key == "datepublished":
            dates.append(content)
        if key == "generator" and content.lower().startswith(_UTC_GENERATORS):
            naive = dt.UTC  # Odoo writes its times in UTC without an offset
        if author is None and key in _AUTHOR_META and is_name(" ".join(content.split())):
            author = " ".join(content.split())
    # The first og:title, unless it is blank; then the first twitter:title.
    og = next((" ".join(title.split()) for key in ("og:title", "twitter:title")
               if (title := titles.get(key, "")).strip()), None)
    published = next((when for text in dates if (when := parse_iso(text, naive))), None)
    return og, published or _time_date(times), author


def _structured_date(tree: LexborHTMLParser, scripts: list[LexborNode]) -> dt.datetime | None:
    """The publication date of a page's structured data, when no meta tag gave one: JSON-LD
    ('"datePublished":"2025-11-04T10:20:00+07:00"') or microdata (Blogger's `<abbr
    itemprop="datePublished" title="…">`)."""
    for script in scripts:
        if script.attrs.get("type") == "application/ld+json":
            if m := _LD_PUBLISHED.search(script.text()):
                return parse_iso(m[1])
    node = tree.css_first('[itemprop="datePublished"]')
    if node is None:
        return None
    attributes = node.attrs
    return parse_iso(attributes.get("content") or attributes.get("datetime")
                     or attributes.get("title") or "")


def _doc_title(titles: list[LexborNode], lines: list[str]) -> str | None:
    """The first <title> without the site's name: the part of it the page prints as a
    line of its own ("..:: Sở TT&TT ::.. - Đắk Lắk: hoàn tất …" prints the second), else
    the part before the first separator (the site's name is usually a suffix)."""
    title = titles[0] if titles else None
    if title is None or not title.text(strip=True):
        return None
    parts = _TITLE_SPLIT.split(" ".join(title.text().split()))
    return _printed_part(parts[1:], lines) or parts[0]


def _og_title(og: str | None, lines: list[str]) -> str | None:
    """og:title as printed: whole when the page prints it whole, else the part of it the
    page prints as a line ("SỞ TT&TT TỈNH LONG AN - Long An: doanh thu …", "Title -
    Category - Site"); a title with a dash in it stays whole when no part is printed."""
    if og is None:
        return None
    parts = _TITLE_SPLIT.split(og)
    if len(parts) == 1 or _printed_part([og], lines):
        return og
    return _printed_part(parts, lines) or og


def _printed_part(parts: list[str], lines: list[str]) -> str | None:
    """The longest of `parts` that `lines` print as a line (case aside), as printed: a
    site's name is printed too, in its header, and is mostly shorter than a headline."""
    wanted = {part.lower() for part in parts}
    lengths = {len(part) for part in parts}  # (lowercasing keeps a line's length)
    printed = [line for line in lines if len(line) in lengths and line.lower() in wanted]
    return max(printed, key=len, default=None)


def _time_date(times: list[LexborNode]) -> dt.datetime | None:
    """The first ``<time datetime>`` that holds an ISO date."""
    for node in times:
        when = parse_iso(node.attributes.get("datetime") or "")
        if when:
            return when
    return None
