"""Finding URLs: links on listing pages, sitemaps (and sitemap indexes), RSS and Atom.

XML is parsed with defusedxml: a sitemap with an entity bomb or external entities is
refused, never expanded.
"""

from __future__ import annotations

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from selectolax.lexbor import LexborHTMLParser

from services.crawler.urls import canonical
from shared.errors import Rejected


def page_links(html: bytes, base_url: str) -> list[str]:
    """Every ``<a href>`` on a page, absolute and canonical, in page order."""
    tree = LexborHTMLParser(html.decode("utf-8", errors="replace"))
    base = tree.css_first("base[href]")
    base_url = canonical(base.attributes.get("href") or base_url, base_url) if base else base_url
    out: list[str] = []
    for anchor in tree.css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        try:
            out.append(canonical(href, base_url))
        except ValueError:
            continue
    return list(dict.fromkeys(out))


def xml_links(body: bytes, base_url: str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) from a sitemap, sitemap index, RSS or Atom feed."""
    try:
        root = fromstring(body)
    except DefusedXmlException as exc:
        raise Rejected("xml_refused", f"{base_url}: unsafe XML ({type(exc).__name__})") from exc
    except ParseError as exc:
        raise Rejected("xml_invalid", f"{base_url}: not XML: {exc}") from exc
    pages: list[str] = []
    nested: list[str] = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "loc" and element.text:
            target = nested if root.tag.endswith("sitemapindex") else pages
            target.append(canonical(element.text.strip(), base_url))
        elif tag == "link":
            href = element.get("href") or (element.text or "").strip()
            if href:
                pages.append(canonical(href, base_url))
    return list(dict.fromkeys(pages)), list(dict.fromkeys(nested))
