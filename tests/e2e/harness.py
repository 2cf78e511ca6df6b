"""Real worker processes (`portalwatch worker <stage>`) against the session's broker and
PostgreSQL, with fixture portals served from a background thread."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from services.portal_server import PORTALS_DIR, PortalServer
from shared.topics import Topics


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Workers:
    """Starts, kills and restarts stage workers; each logs to its own file."""

    def __init__(
        self,
        bootstrap: str,
        topics: Topics,
        pg_url: str,
        tmp: Path,
        portals_file: Path | None = None,
    ) -> None:
        self.env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            "PORTALWATCH_TOPIC_PREFIX": topics.prefix,
            "PORTALWATCH_WAREHOUSE_URL": pg_url,
            "PORTALWATCH_STATE_DIR": str(tmp / "state"),
            "PORTALWATCH_LOG_LEVEL": "INFO",
        }
        if portals_file:
            self.env["PORTALWATCH_PORTALS"] = str(portals_file)
        self.tmp = tmp
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.ports: dict[str, int] = {}

    def start(self, stage: str) -> None:
        port = free_port()
        with (self.tmp / f"{stage}.log").open("ab") as log:  # the child keeps its own fd
            self.procs[stage] = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "worker", stage],
                env={**self.env, "PORTALWATCH_METRICS_PORT": str(port)},
                stdout=log,
                stderr=log,
                cwd=Path(__file__).resolve().parents[2],
            )
        self.ports[stage] = port

    def kill(self, stage: str) -> None:
        """SIGKILL: no shutdown, no final commit — the crash a fault test wants."""
        proc = self.procs.pop(stage)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)

    def stop_all(self) -> None:
        for proc in self.procs.values():
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
            for p in sorted(self.tmp.glob("*.log"))
        )


def wait_for(check: Callable[[], bool], timeout: float, what: str, workers: Workers,
             every: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{workers.logs()}")


def pg_query(url: str, sql: str) -> list[tuple]:
    try:
        with psycopg.connect(url, connect_timeout=3) as con:
            return list(con.execute(sql))
    except (psycopg.OperationalError, psycopg.errors.UndefinedTable):
        return []


class BackgroundPortals:
    """Fixture portal servers on an event loop in a thread of their own, so they keep
    answering while the test waits synchronously."""

    def __init__(self, names: list[str]) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.servers = [self._call(PortalServer(PORTALS_DIR / n).start()) for n in names]

    def _call(self, coro):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    def close(self) -> None:
        for server in self.servers:
            self._call(server.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
