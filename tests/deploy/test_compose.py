"""docker-compose.yml cannot run here (no Docker engine), so check what can be checked:
it parses, every service command is a real `portalwatch` command, every variable it
sets is one the code reads, and Prometheus scrapes exactly the services on their port.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from services.cli import STAGES, parser
from shared.settings import ENV_NAMES

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_the_four_stages_run_from_the_one_image() -> None:
    for stage in STAGES:
        service = SERVICES[stage]
        assert service["build"] == "."
        assert service["command"] == ["worker", stage]
        parser().parse_args(service["command"])  # a real subcommand with valid arguments


@pytest.mark.parametrize("stage", STAGES)
def test_every_variable_is_read_by_the_code(stage: str) -> None:
    known = set(ENV_NAMES.values())
    assert set(SERVICES[stage]["environment"]) <= known


def test_workers_point_at_the_compose_broker_registry_and_warehouse() -> None:
    env = SERVICES["parser"]["environment"]
    kafka_port = SERVICES["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"].rsplit(":", 1)[1]
    assert env["KAFKA_BOOTSTRAP_SERVERS"] == f"kafka:{kafka_port}"
    assert env["SCHEMA_REGISTRY_URL"].startswith("http://registry:")
    assert env["SCHEMA_REGISTRY_URL"].endswith("/apis/ccompat/v7")
    sink_url = SERVICES["sink"]["environment"]["PORTALWATCH_WAREHOUSE_URL"]
    assert sink_url.startswith("postgresql://") and "@warehouse:5432/" in sink_url
    pg = SERVICES["warehouse"]["environment"]
    assert f"{pg['POSTGRES_USER']}:{pg['POSTGRES_PASSWORD']}@" in sink_url


def test_prometheus_scrapes_each_stage_on_its_metrics_port() -> None:
    config = yaml.safe_load((REPO / "deploy" / "prometheus" / "prometheus.yml").read_text())
    targets = {job["job_name"]: job["static_configs"][0]["targets"]
               for job in config["scrape_configs"]}
    for stage in STAGES:
        env = SERVICES[stage]["environment"]
        assert env["PORTALWATCH_METRICS_HOST"] == "0.0.0.0"
        assert targets[stage] == [f"{stage}:{env['PORTALWATCH_METRICS_PORT']}"]
    assert set(targets) == set(STAGES)


def test_prometheus_and_grafana_mount_the_files_in_deploy() -> None:
    for volume in SERVICES["prometheus"]["volumes"] + SERVICES["grafana"]["volumes"]:
        source = volume.split(":")[0]
        assert (REPO / source).exists(), source


def test_dockerfile_entrypoint_is_the_console_command() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["portalwatch"]' in dockerfile
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'portalwatch = "services.cli:main"' in pyproject
