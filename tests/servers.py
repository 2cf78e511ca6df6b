"""Start and stop the real local servers the tests use (the scripts in deploy/local/).

Plain functions, so the session fixtures in conftest.py and the fault tests (which stop,
SIGKILL and restart the broker mid-stream) share them. A server named by the environment
(KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL) is used as it is: never started, stopped or
killed here. A server that cannot be started raises RuntimeError with the script's output,
so the tests needing it error and say why; they never skip.

The broker keeps its data dir across stop/start (a restart is the same broker with the
same topics); the registry keeps nothing (in-memory storage).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOCAL = REPO / "deploy" / "local"
KAFKA_PORT = int(os.environ.get("KAFKA_PORT", "19092"))
REGISTRY_PORT = int(os.environ.get("REGISTRY_PORT", "18081"))
# A first start fetches jars from Maven Central (about 150 MB with the registry).
SCRIPT_TIMEOUT = float(os.environ.get("PORTALWATCH_SERVER_TIMEOUT", "900"))


def _script(name: str, action: str) -> str:
    cmd = ["bash", str(LOCAL / name), action]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=SCRIPT_TIMEOUT,
                                check=False, cwd=REPO)
    except subprocess.TimeoutExpired as exc:
        out = "\n".join(s.decode(errors="replace") if isinstance(s, bytes) else s
                        for s in (exc.stdout, exc.stderr) if s)
        raise RuntimeError(f"deploy/local/{name} {action} took over {SCRIPT_TIMEOUT:.0f}s:\n"
                           f"{out}") from exc
    if result.returncode != 0:
        raise RuntimeError(f"deploy/local/{name} {action} failed (exit {result.returncode}):\n"
                           f"{result.stdout}\n{result.stderr}")
    if result.stdout.strip():
        print(result.stdout.strip(), file=sys.stderr)
    return result.stdout


def _external_kafka() -> str | None:
    return os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or None


def _external_registry() -> str | None:
    return os.environ.get("SCHEMA_REGISTRY_URL") or None


def start_kafka() -> str:
    """Bootstrap servers of a running broker: the environment's, or ours (started if needed)."""
    external = _external_kafka()
    if external:
        return external
    _script("kafka.sh", "start")
    return f"127.0.0.1:{KAFKA_PORT}"


def stop_kafka(hard: bool = False) -> None:
    """Stop our broker: SIGTERM (clean shutdown), or SIGKILL when `hard`. Data is kept."""
    if not _external_kafka():
        _script("kafka.sh", "kill" if hard else "stop")


def start_registry() -> str:
    """Base URL of the Confluent-compatible API of a running Apicurio Registry."""
    external = _external_registry()
    if external:
        return external.rstrip("/")
    _script("registry.sh", "start")
    return f"http://127.0.0.1:{REGISTRY_PORT}/apis/ccompat/v7"


def stop_registry() -> None:
    """Stop our registry (its in-memory content is gone)."""
    if not _external_registry():
        _script("registry.sh", "stop")


PG_PORT = int(os.environ.get("PGPORT", "15432"))


def start_postgres() -> str:
    """URL of a PostgreSQL server: PORTALWATCH_TEST_PG_URL's, or one started here."""
    if os.environ.get("PORTALWATCH_TEST_PG_URL"):
        return os.environ["PORTALWATCH_TEST_PG_URL"]
    _script("postgres.sh", "start")
    return f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres"


def stop_postgres(hard: bool = False) -> None:
    """Stop the server started here (SIGKILL when `hard`); its data stays for a restart."""
    if not os.environ.get("PORTALWATCH_TEST_PG_URL"):
        _script("postgres.sh", "kill" if hard else "stop")
