"""Extractor throughput beside a bare digit scan of the same texts, in one run.

    uv run python bench/bench_extractor.py [--rounds 7]

The reference only finds digit runs (``re.findall(r"\\d+", text)``); the goal is for the
extractor to stay within 10x of it. Prints medians of the rounds (interleaved, CPU
time) and the ratio.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

from services.extractor import extract
from tests.extractor.gold import SEEDS, seed_article


def one_round(work, items) -> float:
    """Items per second of one pass (CPU time of this process, so other load on a
    shared machine counts less)."""
    started = time.process_time()
    for item in items:
        work(item)
    return len(items) / max(time.process_time() - started, 1e-9)


def rates(works, items, rounds: int) -> list[float]:
    """Median rate of each of `works`, rounds interleaved so drift hits all alike."""
    samples: list[list[float]] = [[] for _ in works]
    for _ in range(rounds):
        for work, out in zip(works, samples, strict=True):
            out.append(one_round(work, items))
    return [statistics.median(s) for s in samples]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=30, help="articles per round per seed")
    args = parser.parse_args()
    names = sorted(p.stem for p in (SEEDS / "gold").glob("*.json"))
    articles = [seed_article(n)[0] for n in names] * args.copies
    digits = re.compile(r"\d+")
    extract(articles[0])  # load the rule files outside the timing
    bare, ours = rates([lambda a: digits.findall(a.text), extract], articles, args.rounds)
    print(f"articles: {len(articles)} per round, {args.rounds} rounds (medians)")
    print(f"bare digit scan : {bare:12,.0f} articles/s")
    print(f"extractor       : {ours:12,.0f} articles/s")
    print(f"ratio           : extractor is {bare / ours:.1f}x slower than the bare scan "
          f"(goal: within 10x)")


if __name__ == "__main__":
    main()
