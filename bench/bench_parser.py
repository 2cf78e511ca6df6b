"""portalwatch's parser beside trafilatura on the same fixture pages, in one run.

    .venv/bin/python bench/bench_parser.py [--rounds 7]

For every fixture-portal article with expected output (tests/fixtures/portals/*/expected)
it prints, per extractor, the share of chrome strings removed and the share of article
strings kept (the expected `chrome` and `keep` lists), and pages per second as the median
of several rounds. Goal: 100 % / 100 % at 10x trafilatura's pages per second or more.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

import trafilatura

from services.parser import parse_page
from services.parser.decoding import decode_body
from shared.records import RawPage
from tests.parser.pages import PORTALS, raw_page


def cases() -> list[tuple[str, RawPage, dict]]:
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


def ours(page: RawPage) -> str:
    return parse_page(page).article.text


def theirs(page: RawPage) -> str:
    # trafilatura gets the same decoded text, so only extraction is compared.
    html = decode_body(page.body, page.declared_charset)
    return trafilatura.extract(html, include_comments=False) or ""


def rate(work: Callable[[RawPage], str], pages: list[RawPage], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        for page in pages:
            work(page)
        samples.append(len(pages) / (time.perf_counter() - started))
    return statistics.median(samples)


def shares(text: str, expected: dict) -> tuple[float, float]:
    kept = sum(k in text for k in expected["keep"]) / len(expected["keep"])
    removed = sum(c not in text for c in expected["chrome"]) / len(expected["chrome"])
    return removed, kept


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    found = cases()
    extractors = {"portalwatch": ours, "trafilatura": theirs}
    print(f"{'page':58} {'extractor':12} {'chrome removed':>15} {'kept':>7}")
    totals: dict[str, list[tuple[float, float]]] = {name: [] for name in extractors}
    for name, page, expected in found:
        for ex_name, work in extractors.items():
            removed, kept = shares(work(page), expected)
            totals[ex_name].append((removed, kept))
            print(f"{name:58} {ex_name:12} {removed:14.0%} {kept:7.0%}")
    pages = [page for _, page, _ in found]
    speed = {name: rate(work, pages, args.rounds) for name, work in extractors.items()}
    print()
    for ex_name, rows in totals.items():
        removed = statistics.mean(r for r, _ in rows)
        kept = statistics.mean(k for _, k in rows)
        print(f"{ex_name:12} chrome removed {removed:6.1%}  kept {kept:6.1%}  "
              f"{speed[ex_name]:8,.0f} pages/s (median of {args.rounds} rounds, "
              f"{len(pages)} pages)")
    print(f"speed ratio: portalwatch is {speed['portalwatch'] / speed['trafilatura']:.1f}x "
          f"trafilatura (goal: 10x or more)")


if __name__ == "__main__":
    main()
