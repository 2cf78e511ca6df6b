"""The ``portalwatch`` command: run the pipeline, one worker, or look at a page or report.

Each subcommand is a small function that imports what it needs when it runs, so
``portalwatch --help`` stays instant and no client is built at import time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from shared.errors import PortalwatchError

STAGES = ("crawler", "parser", "extractor", "sink")


def cmd_run(args: argparse.Namespace) -> int:
    from services.embedded import run

    return run(once=args.once, warehouse_url=args.warehouse, portals_file=args.portals)


def cmd_demo(args: argparse.Namespace) -> int:
    from services.demo import demo

    return demo(workdir=args.workdir)


def cmd_replay(args: argparse.Namespace) -> int:
    from services.replay import replay

    return replay(args.paths, portal_id=args.portal, to_kafka=args.kafka,
                  warehouse_url=args.warehouse)


def cmd_worker(args: argparse.Namespace) -> int:
    from services.workers import run_worker

    return run_worker(args.stage)


def cmd_inspect(args: argparse.Namespace) -> int:
    from services.inspect import inspect

    return inspect(args.target, fmt=args.format, portal_id=args.portal)


def cmd_portals(args: argparse.Namespace) -> int:
    from services.crawler import format_portals, load_portals
    from shared.settings import Settings

    path = args.file or Settings.load().portals_file
    print(format_portals(load_portals(path)))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from services.sink.cli import report

    return report(warehouse_url=args.warehouse, province=args.province,
                  indicator=args.indicator, period=args.period, html=args.html, csv=args.csv)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="portalwatch",
        description="Watch Vietnam's provincial department portals and stream their figures.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="the whole pipeline in one process (no Kafka), DuckDB out")
    run.add_argument("--once", action="store_true", help="one crawl pass, then stop")
    run.add_argument("--warehouse", help="warehouse URL (default: PORTALWATCH_WAREHOUSE_URL)")
    run.add_argument("--portals", type=Path, help="portal registry (default: PORTALWATCH_PORTALS)")
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser("demo", help="serve bundled fixture portals locally and run on them")
    demo.add_argument("--workdir", type=Path, default=Path("portalwatch-demo"),
                      help="where the demo warehouse and state go (default: ./portalwatch-demo)")
    demo.set_defaults(func=cmd_demo)

    replay = sub.add_parser("replay", help="feed saved pages (HTML, text, WARC) through it")
    replay.add_argument("paths", nargs="+", type=Path)
    replay.add_argument("--portal", default="replay", help="portal id to record (default: replay)")
    replay.add_argument("--kafka", action="store_true",
                        help="produce to pages.raw on KAFKA_BOOTSTRAP_SERVERS instead")
    replay.add_argument("--warehouse", help="warehouse URL for the embedded replay")
    replay.set_defaults(func=cmd_replay)

    worker = sub.add_parser("worker", help="run one service as a Kafka worker")
    worker.add_argument("stage", choices=STAGES)
    worker.set_defaults(func=cmd_worker)

    inspect = sub.add_parser("inspect", help="parse and extract one page (file or URL)")
    inspect.add_argument("target", help="path to an HTML/text file, or an http(s) URL")
    inspect.add_argument("--format", choices=("text", "json"), default="text")
    inspect.add_argument("--portal", default="inspect", help="portal id to record")
    inspect.set_defaults(func=cmd_inspect)

    portals = sub.add_parser("portals", help="list and validate the portal registry")
    portals.add_argument("--file", type=Path, help="registry file (default: PORTALWATCH_PORTALS)")
    portals.set_defaults(func=cmd_portals)

    report = sub.add_parser("report", help="latest figures per province and indicator")
    report.add_argument("--warehouse", help="warehouse URL (default: PORTALWATCH_WAREHOUSE_URL)")
    report.add_argument("--province")
    report.add_argument("--indicator")
    report.add_argument("--period", help="a year (2022) or a period label")
    report.add_argument("--html", type=Path, help="write a self-contained HTML report here")
    report.add_argument("--csv", action="store_true", help="CSV on standard output")
    report.set_defaults(func=cmd_report)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except PortalwatchError as exc:
        print(f"portalwatch: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
