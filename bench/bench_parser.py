"""portalwatch's parser beside trafilatura on the same fixture pages, in one run.

    uv run --frozen python bench/bench_parser.py [--rounds 15] [--passes 5]

Quality: for every fixture-portal article with expected output
(tests/fixtures/portals/*/expected, with `keep` and `chrome` lists) it prints, per
extractor, the share of chrome strings removed and the share of article strings kept.

Speed, on two page sets: those articles, and every fixture-portal page (the articles,
the home and listing pages, and the 14 real Liferay pages of liferay-hanoi, which have
no keep/chrome lists). portalwatch is timed from the raw bytes (`parse_page`: decoding,
parsing, line cleaning, records); trafilatura gets the text portalwatch decoded, decoded
outside its timing, and its normal call. Each extractor runs once over the pages before
timing (imports, rule files, caches); then rounds alternate the runs (and which goes
first), each sample is one pass over the set (`--passes` over the few articles) in CPU
time of this process (other load on a shared machine counts less), and the figures are
medians. The last line is the
floor: decoding and one lexbor parse of each page, nothing else.
Goal: 100 % / 100 % at 10x trafilatura's pages per second or more.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import tomllib
from collections.abc import Callable, Sequence

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from services.parser import NoArticle, parse_page
from services.parser.decoding import decode_body
from shared.records import RawPage
from tests.parser.pages import PORTALS, raw_page


def article_cases() -> list[tuple[str, RawPage, dict]]:
    """(name, page, expected) for every fixture article with keep/chrome lists."""
    found = []
    for path in sorted(PORTALS.glob("*/expected/*.json")):
        expected = json.loads(path.read_text())
        if "keep" not in expected or "chrome" not in expected:
            continue
        site = path.parent.parent
        body = (site / expected["page"]).read_bytes()
        page = raw_page(body, charset=expected.get("charset"))
        found.append((f"{site.name}/{path.stem}", page, expected))
    return found


def all_pages() -> list[RawPage]:
    """Every HTML page of the fixture portals, with the charset its server declares."""
    pages = []
    for site in sorted(p for p in PORTALS.iterdir() if p.is_dir()):
        config = site / "site.toml"
        headers = tomllib.loads(config.read_text()).get("headers", {}) if config.exists() else {}
        for path in sorted(site.rglob("*.html")):
            content_type = headers.get(path.relative_to(site).as_posix(), {}).get(
                "Content-Type", "")
            charset = content_type.partition("charset=")[2] or None
            pages.append(raw_page(path.read_bytes(), charset=charset))
    return pages


def ours(page: RawPage) -> str:
    try:
        return parse_page(page).article.text
    except NoArticle:
        return ""


def theirs(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def floor(page: RawPage) -> str:
    LexborHTMLParser(decode_body(page.body, page.declared_charset))
    return ""


def shares(text: str, expected: dict) -> tuple[float, float]:
    kept = sum(k in text for k in expected["keep"]) / len(expected["keep"])
    removed = sum(c not in text for c in expected["chrome"]) / len(expected["chrome"])
    return removed, kept


def sample(work: Callable, inputs: Sequence, passes: int) -> float:
    """Pages per CPU second of `passes` passes over `inputs`."""
    started = time.process_time()
    for _ in range(passes):
        for item in inputs:
            work(item)
    return passes * len(inputs) / max(time.process_time() - started, 1e-9)


def speeds(pages: list[RawPage], rounds: int, passes: int) -> dict[str, float]:
    """Median pages/s of each extractor (and of the floor) on `pages`, and the median of
    the per-round ratios portalwatch / trafilatura."""
    htmls = [decode_body(p.body, p.declared_charset) for p in pages]
    runs: dict[str, tuple[Callable, Sequence]] = {
        "portalwatch": (ours, pages), "trafilatura": (theirs, htmls), "floor": (floor, pages)}
    for work, inputs in runs.values():  # warm-up, outside the timing
        for item in inputs:
            work(item)
    samples: dict[str, list[float]] = {name: [] for name in runs}
    ratios = []
    for i in range(rounds):
        order = list(runs) if i % 2 == 0 else list(reversed(runs))
        for name in order:
            work, inputs = runs[name]
            samples[name].append(sample(work, inputs, passes))
        ratios.append(samples["portalwatch"][-1] / samples["trafilatura"][-1])
    result = {name: statistics.median(s) for name, s in samples.items()}
    result["ratio"] = statistics.median(ratios)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--passes", type=int, default=5,
                        help="passes over the articles per sample")
    args = parser.parse_args()
    found = article_cases()
    print(f"{'page':58} {'extractor':12} {'chrome removed':>15} {'kept':>7}")
    totals: dict[str, list[tuple[float, float]]] = {"portalwatch": [], "trafilatura": []}
    for name, page, expected in found:
        html = decode_body(page.body, page.declared_charset)
        for ex_name, text in (("portalwatch", ours(page)), ("trafilatura", theirs(html))):
            removed, kept = shares(text, expected)
            totals[ex_name].append((removed, kept))
            print(f"{name:58} {ex_name:12} {removed:14.0%} {kept:7.0%}")
    print()
    for ex_name, rows in totals.items():
        removed = statistics.mean(r for r, _ in rows)
        kept = statistics.mean(k for _, k in rows)
        print(f"{ex_name:12} chrome removed {removed:6.1%}  kept {kept:6.1%}")
    # The articles are few and small: several passes make a sample long enough to time.
    sets = {"articles": ([page for _, page, _ in found], args.passes),
            "all fixture pages": (all_pages(), 1)}
    for set_name, (pages, passes) in sets.items():
        speed = speeds(pages, args.rounds, passes)
        print(f"\n{set_name}: {len(pages)} pages, median of {args.rounds} rounds of "
              f"{passes} pass{'es' if passes > 1 else ''} (CPU time)")
        for name in ("portalwatch", "trafilatura", "floor"):
            label = "floor (decode + lexbor parse)" if name == "floor" else name
            print(f"  {label:30} {speed[name]:9,.0f} pages/s  {1e3 / speed[name]:7.3f} ms/page")
        print(f"  speed ratio: portalwatch is {speed['ratio']:.1f}x trafilatura (median of "
              f"per-round ratios; goal: 10x or more); the floor is "
              f"{speed['floor'] / speed['trafilatura']:.0f}x")


if __name__ == "__main__":
    main()
