"""When something the server depends on is down (Redis, PostgreSQL), requests get a clear 503
with Retry-After, nothing half-saved, and the parts that do not need it keep working."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import make_settings, shared_bank
from tests.servers import create_database, free_port, postgres

pytestmark = pytest.mark.slow
LOGIN = {"username": "ann", "password": "correct horse battery"}


def test_redis_down_is_a_503_for_logins_and_code_and_nothing_else(tmp_path: Path) -> None:
    nowhere = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    settings = make_settings(tmp_path / "data", queue_url=nowhere, auth_mode="accounts")
    with TestClient(create_app(settings, bank=shared_bank())) as client:
        for path in ("/api/auth/login", "/api/auth/signup"):
            response = client.post(path, json=LOGIN)
            assert response.status_code == 503, response.text
            assert "Redis" in response.json()["detail"] and response.headers["retry-after"] == "5"
        assert client.get("/api/questions").status_code == 200  # the bank needs no Redis
        deadline = time.monotonic() + 5
        while "error" not in client.get("/healthz").json()["sandbox"] and time.monotonic() < deadline:
            time.sleep(0.1)
        health = client.get("/healthz").json()
        assert health["grader"] == "starting" and "queue unreachable" in health["sandbox"]["error"]


def test_the_database_down_is_a_503_not_a_500(tmp_path: Path) -> None:
    with postgres() as cluster:
        url = create_database(cluster, "comes_and_goes")
        settings = make_settings(tmp_path / "data", url)
        client = TestClient(create_app(settings, bank=shared_bank()))
        client.__enter__()
        answer = {"question_id": "transformer-basics", "answer": "x", "self_grade": "good"}
        assert client.post("/api/attempts", json=answer).status_code == 201
    # the cluster is stopped now
    try:
        lost = client.post("/api/attempts", json=answer)
        assert lost.status_code == 503 and lost.headers["retry-after"] == "5"
        assert "database is unreachable" in lost.json()["detail"]
        page = client.get("/history", headers={"accept": "text/html"})
        assert page.status_code == 503 and "database is unreachable" in page.text
        assert client.get("/healthz").status_code == 200
    finally:
        client.__exit__(None, None, None)
