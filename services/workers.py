"""`portalwatch worker <stage>`: one service as a Faust worker against Kafka.

Everything a worker needs is built here from the settings, once, at start: the codec
(with the schema registry when configured), the topic names, the metrics registry and
the telemetry server. The service's own `attach` function then registers its agents.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import faust
from prometheus_client import CollectorRegistry

from shared.codec import Codec, SchemaRegistry
from shared.logs import setup_logging
from shared.settings import Settings
from shared.streaming import make_app
from shared.telemetry import Health, StageMetrics, TelemetryServer
from shared.topics import Topics

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerContext:
    """What a service's `attach` gets to build its agents from."""

    app: faust.App
    settings: Settings
    codec: Codec
    topics: Topics
    registry: CollectorRegistry
    metrics: StageMetrics
    health: Health


def build(stage: str, settings: Settings) -> WorkerContext:
    """The Faust app of one stage, with its agents attached."""
    registry = CollectorRegistry()
    schema_registry = (SchemaRegistry(settings.schema_registry_url)
                       if settings.schema_registry_url else None)
    ctx = WorkerContext(
        # The sink reads with its own batch consumer (services/sink/worker.py).
        app=make_app(stage, settings.require_kafka(), settings.state_dir,
                     faust_consumer=stage != "sink"),
        settings=settings, codec=Codec(schema_registry), topics=Topics(settings.topic_prefix),
        registry=registry, metrics=StageMetrics(stage, registry), health=Health(),
    )
    if stage == "crawler":
        from services.crawler.worker import attach
    elif stage == "parser":
        from services.parser.worker import attach
    elif stage == "extractor":
        from services.extractor.worker import attach
    elif stage == "sink":
        from services.sink.worker import attach
    else:
        raise ValueError(f"unknown stage {stage!r}")
    attach(ctx)
    return ctx


def run_worker(stage: str) -> int:
    """Run one stage until stopped (SIGTERM/SIGINT); serves /metrics and /healthz."""
    settings = Settings.load()
    setup_logging(settings.log_level, settings.log_format)
    ctx = build(stage, settings)
    ctx.health.set("started", True)
    ctx.metrics.healthy.set(1)
    server = TelemetryServer(ctx.registry, ctx.health, settings.metrics_host,
                             settings.metrics_port).start()
    log.info("%s worker: /metrics and /healthz on %s:%d; settings %s", stage,
             settings.metrics_host, server.port, settings.redacted())
    worker = faust.Worker(ctx.app, loglevel=settings.log_level.lower(), quiet=True,
                          override_logging=False)
    worker.execute_from_commandline()
    return 0
