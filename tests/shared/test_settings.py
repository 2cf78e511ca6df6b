from pathlib import Path

import pytest

from shared.errors import ConfigError
from shared.settings import Settings


def test_defaults_need_no_environment() -> None:
    settings = Settings.load({})
    assert settings.kafka_bootstrap_servers is None
    assert settings.warehouse_url.startswith("duckdb:///")
    assert settings.topic_prefix == "portalwatch."


def test_environment_overrides_config_file(tmp_path: Path) -> None:
    config = tmp_path / "pw.toml"
    config.write_text('topic_prefix = "file."\nmetrics_port = 9500\n')
    env = {"PORTALWATCH_CONFIG": str(config), "PORTALWATCH_TOPIC_PREFIX": "env."}
    settings = Settings.load(env)
    assert settings.topic_prefix == "env."
    assert settings.metrics_port == 9500


def test_worker_without_kafka_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="KAFKA_BOOTSTRAP_SERVERS"):
        Settings.load({}).require_kafka()


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"PORTALWATCH_METRICS_PORT": "ninety"}, "PORTALWATCH_METRICS_PORT"),
        ({"PORTALWATCH_METRICS_PORT": "70000"}, "PORTALWATCH_METRICS_PORT"),
        ({"PORTALWATCH_LOG_LEVEL": "LOUD"}, "PORTALWATCH_LOG_LEVEL"),
        ({"SCHEMA_REGISTRY_URL": "localhost:8081"}, "SCHEMA_REGISTRY_URL"),
        ({"PORTALWATCH_CONFIG": "/nonexistent/pw.toml"}, "PORTALWATCH_CONFIG"),
    ],
)
def test_bad_values_fail_at_start_with_the_variable_name(env: dict, variable: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        Settings.load(env)


def test_unknown_config_keys_are_errors(tmp_path: Path) -> None:
    config = tmp_path / "pw.toml"
    config.write_text('kafka_bootstrap = "typo"\n')
    with pytest.raises(ConfigError, match="kafka_bootstrap"):
        Settings.load({"PORTALWATCH_CONFIG": str(config)})


def test_secrets_are_redacted() -> None:
    settings = Settings.load({"PORTALWATCH_WAREHOUSE_URL": "postgresql://u:hunter2@db/pw"})
    assert "hunter2" not in str(settings.redacted())
