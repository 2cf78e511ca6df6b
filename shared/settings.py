"""Typed settings, read once at start.

Precedence: environment variable > config file (TOML, path in ``PORTALWATCH_CONFIG``) >
default. The config file uses the field names (``kafka_bootstrap_servers = "…"``); the
environment uses the names in `ENV_NAMES`. Values are checked here, with a message that
says which variable to set, so a worker fails at start rather than mid-stream.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared.errors import ConfigError

ENV_NAMES = {
    "kafka_bootstrap_servers": "KAFKA_BOOTSTRAP_SERVERS",
    "schema_registry_url": "SCHEMA_REGISTRY_URL",
    "topic_prefix": "PORTALWATCH_TOPIC_PREFIX",
    "warehouse_url": "PORTALWATCH_WAREHOUSE_URL",
    "portals_file": "PORTALWATCH_PORTALS",
    "state_dir": "PORTALWATCH_STATE_DIR",
    "metrics_host": "PORTALWATCH_METRICS_HOST",
    "metrics_port": "PORTALWATCH_METRICS_PORT",
    "contact_url": "PORTALWATCH_CONTACT_URL",
    "log_level": "PORTALWATCH_LOG_LEVEL",
    "log_format": "PORTALWATCH_LOG_FORMAT",
}
SECRET_FIELDS = frozenset({"warehouse_url"})
DEFAULT_PORTALS = Path(__file__).resolve().parents[1] / "services" / "crawler" / "portals.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Settings every service shares. Service-specific limits live in each service."""

    kafka_bootstrap_servers: str | None = None
    schema_registry_url: str | None = None
    topic_prefix: str = "portalwatch."
    warehouse_url: str = "duckdb:///portalwatch.duckdb"
    portals_file: Path = DEFAULT_PORTALS
    state_dir: Path = Path("portalwatch-state")
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 0
    contact_url: str = "https://github.com/portalwatch/portalwatch"
    log_level: str = "INFO"
    log_format: str = "text"

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read settings from the environment and the optional config file."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        config_path = env.get("PORTALWATCH_CONFIG")
        if config_path:
            values.update(_read_config(Path(config_path)))
        for field, name in ENV_NAMES.items():
            if env.get(name):
                values[field] = env[name]
        return cls._typed(values)

    @classmethod
    def _typed(cls, values: dict[str, Any]) -> Settings:
        kwargs: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            if field.name not in values:
                continue
            raw = values[field.name]
            name = ENV_NAMES[field.name]
            if field.type == "int":
                try:
                    kwargs[field.name] = int(raw)
                except (TypeError, ValueError):
                    raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
            elif field.type == "Path":
                kwargs[field.name] = Path(raw)
            else:
                kwargs[field.name] = str(raw)
        settings = cls(**kwargs)
        settings._check()
        return settings

    def _check(self) -> None:
        if self.log_level.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ConfigError("PORTALWATCH_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR")
        if self.log_format not in {"text", "json"}:
            raise ConfigError("PORTALWATCH_LOG_FORMAT must be 'text' or 'json'")
        if not 0 <= self.metrics_port <= 65535:
            raise ConfigError("PORTALWATCH_METRICS_PORT must be between 0 and 65535")
        if self.schema_registry_url and not self.schema_registry_url.startswith(("http://", "https://")):
            raise ConfigError("SCHEMA_REGISTRY_URL must be an http(s) URL")

    def require_kafka(self) -> str:
        """The bootstrap servers, or a clear error for the distributed mode."""
        if not self.kafka_bootstrap_servers:
            raise ConfigError(
                "KAFKA_BOOTSTRAP_SERVERS is not set: a worker needs a Kafka cluster "
                "(e.g. KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092); `portalwatch run` needs none"
            )
        return self.kafka_bootstrap_servers

    def redacted(self) -> dict[str, str]:
        """Settings for a log line, with secrets hidden."""
        out = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            out[field.name] = "***" if field.name in SECRET_FIELDS and value else str(value)
        return out


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"PORTALWATCH_CONFIG names {path}, which does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    unknown = set(data) - set(ENV_NAMES)
    if unknown:
        raise ConfigError(f"config file {path} has unknown settings: {', '.join(sorted(unknown))}")
    return data
