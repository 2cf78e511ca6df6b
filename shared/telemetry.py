"""Prometheus metrics and ``/healthz`` for a service, served from one small HTTP server.

Every stage gets the same core series (`StageMetrics`); a service adds its own series to
the same explicit `CollectorRegistry`, so tests build a fresh registry per test and the
process-global default registry is never used.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest


@dataclass
class Health:
    """Named checks a service flips as it runs; healthy when every check is ok."""

    _checks: dict[str, tuple[bool, str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def set(self, name: str, ok: bool, detail: str = "") -> None:
        with self._lock:
            self._checks[name] = (ok, detail)

    @property
    def ok(self) -> bool:
        with self._lock:
            return all(ok for ok, _ in self._checks.values())

    def report(self) -> dict[str, object]:
        with self._lock:
            checks = {n: {"ok": ok, "detail": d} for n, (ok, d) in self._checks.items()}
        return {"status": "ok" if all(c["ok"] for c in checks.values()) else "unhealthy",
                "checks": checks}


class StageMetrics:
    """The series every stage exposes, named ``portalwatch_<stage>_…``."""

    def __init__(self, stage: str, registry: CollectorRegistry) -> None:
        prefix = f"portalwatch_{stage}"
        self.records_in = Counter(
            f"{prefix}_records_in_total", "Records read from the input.", ["topic"],
            registry=registry)
        self.records_out = Counter(
            f"{prefix}_records_out_total", "Records written to an output topic or table.",
            ["topic"], registry=registry)
        self.records_failed = Counter(
            f"{prefix}_records_failed_total", "Inputs sent to the dead-letter topic, by reason.",
            ["reason"], registry=registry)
        self.records_skipped = Counter(
            f"{prefix}_records_skipped_total",
            "Inputs that were valid but gave no output (e.g. a page that is not an article).",
            ["kind"], registry=registry)
        self.processing_seconds = Histogram(
            f"{prefix}_processing_seconds", "Time to process one input record.",
            registry=registry,
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
        self.consumer_lag_records = Gauge(
            f"{prefix}_consumer_lag_records", "Records behind the end of the input partition.",
            ["topic", "partition"], registry=registry)
        self.consumer_lag_seconds = Gauge(
            f"{prefix}_consumer_lag_seconds",
            "Age of the last processed input record (now minus its timestamp).",
            ["topic"], registry=registry)
        self.last_success = Gauge(
            f"{prefix}_last_success_timestamp_seconds",
            "Unix time of the last input processed without error.", registry=registry)
        self.healthy = Gauge(
            f"{prefix}_healthy", "1 when every health check passes, else 0.", registry=registry)


class _Handler(BaseHTTPRequestHandler):
    registry: CollectorRegistry
    health: Health

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/metrics":
            self._send(200, CONTENT_TYPE_LATEST, generate_latest(self.registry))
        elif self.path.split("?")[0] == "/healthz":
            report = self.health.report()
            status = 200 if report["status"] == "ok" else 503
            self._send(status, "application/json", json.dumps(report).encode())
        else:
            self._send(404, "text/plain", b"not found: try /metrics or /healthz\n")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # scrapes are not news
        return


class TelemetryServer:
    """Serves ``/metrics`` and ``/healthz`` on a background thread.

    Port 0 picks a free port (see `port` after `start`), which is what tests use.
    """

    def __init__(self, registry: CollectorRegistry, health: Health,
                 host: str = "127.0.0.1", port: int = 0) -> None:
        handler = type("Handler", (_Handler,), {"registry": registry, "health": health})
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name="telemetry")

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> TelemetryServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
