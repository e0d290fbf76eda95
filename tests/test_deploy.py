"""deploy/compose.yaml and its Caddyfile hold together: real settings, real commands, the proxy
the webs trust is Caddy, and the workers' sandboxes do not share uids. (No Docker daemon runs
in the test machine: this checks the files, tests/queue/test_topology.py runs the topology.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from app.config import Settings

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
COMPOSE: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
SERVICES: dict[str, Any] = COMPOSE["services"]
CADDYFILE = (DEPLOY / "Caddyfile").read_text()


def env(service: str) -> dict[str, str]:
    return {k: str(v) for k, v in SERVICES[service]["environment"].items()}


def test_the_topology_of_the_issue() -> None:
    assert {"web1", "web2", "worker1", "worker2", "caddy", "postgres", "redis"} <= set(SERVICES)
    for worker in ("worker1", "worker2"):
        assert SERVICES[worker]["command"][-1] == "worker"


def test_every_variable_is_a_setting() -> None:
    known = {f"MIANJING_{name.upper()}" for name in Settings.model_fields}
    for name, service in SERVICES.items():
        if name in ("caddy",):
            continue
        used = {key for key in service.get("environment", {}) if key.startswith("MIANJING_")}
        assert used <= known, (name, used - known)


def test_webs_and_workers_share_the_database_and_the_queue() -> None:
    urls = {(env(s)["MIANJING_DATABASE_URL"], env(s)["MIANJING_QUEUE_URL"])
            for s in ("web1", "web2", "worker1", "worker2")}
    assert len(urls) == 1
    database, queue = urls.pop()
    assert database.startswith("postgresql+psycopg://") and queue.startswith("redis://redis:")


def test_the_webs_trust_caddy_alone_and_caddy_proxies_to_both() -> None:
    caddy_address = SERVICES["caddy"]["networks"]["mianjing"]["ipv4_address"]
    for web in ("web1", "web2"):
        assert env(web)["MIANJING_TRUSTED_PROXIES"] == caddy_address
        assert env(web)["MIANJING_AUTH_MODE"] == "accounts"
        assert {"web1", "web2"} <= set(env(web)["MIANJING_ALLOWED_HOSTS"].split(","))
    assert re.search(r"reverse_proxy web1:8000 web2:8000", CADDYFILE)
    assert "health_uri /healthz" in CADDYFILE and "tls {$MIANJING_TLS}" in CADDYFILE


def test_two_workers_on_one_kernel_get_separate_uid_ranges() -> None:
    bases = {int(env(w).get("MIANJING_SANDBOX_UID_BASE", Settings.model_fields[
        "sandbox_uid_base"].default)) for w in ("worker1", "worker2")}
    assert len(bases) == 2
    assert abs(bases.pop() - bases.pop()) >= 16  # MIANJING_GRADER_WORKERS is at most 16
