import json

import httpx
from prometheus_client import CollectorRegistry

from shared.telemetry import Health, StageMetrics, TelemetryServer


def test_metrics_and_healthz_are_served() -> None:
    registry = CollectorRegistry()
    metrics = StageMetrics("parser", registry)
    health = Health()
    health.set("kafka", True)
    metrics.records_in.labels(topic="portalwatch.pages.raw").inc(3)
    server = TelemetryServer(registry, health).start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        body = httpx.get(f"{base}/metrics").text
        assert 'portalwatch_parser_records_in_total{topic="portalwatch.pages.raw"} 3.0' in body
        ok = httpx.get(f"{base}/healthz")
        assert ok.status_code == 200 and ok.json()["status"] == "ok"
        health.set("warehouse", False, "connection refused")
        bad = httpx.get(f"{base}/healthz")
        assert bad.status_code == 503
        assert json.loads(bad.text)["checks"]["warehouse"]["detail"] == "connection refused"
        assert httpx.get(f"{base}/nope").status_code == 404
    finally:
        server.stop()


def test_each_registry_is_independent() -> None:
    StageMetrics("sink", CollectorRegistry())
    StageMetrics("sink", CollectorRegistry())  # no duplicate-timeseries error
