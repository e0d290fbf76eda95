"""The web surface: a Host allowlist (DNS rebinding), security headers on every response."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import shared_bank


def test_an_unknown_host_is_refused_with_a_clear_json_400(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, grader_workers=0,  # type: ignore[call-arg]
                        allowed_hosts="localhost,127.0.0.1,::1")
    with TestClient(create_app(settings, bank=shared_bank()), base_url="http://127.0.0.1:8000") as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/healthz", headers={"Host": "localhost:8000"}).status_code == 200
        assert client.get("/healthz", headers={"Host": "[::1]:8000"}).status_code == 200
        rebound = client.post("/api/attempts", headers={"Host": "evil.example:8000"},
                              json={"question_id": "vit-vs-cnn", "answer": "x", "self_grade": "good"})
        assert rebound.status_code == 400
        assert "evil.example" in rebound.json()["detail"]
        assert client.get("/api/attempts").json() == []  # nothing was written


def test_wildcards_and_any(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, grader_workers=0,  # type: ignore[call-arg]
                        allowed_hosts="*.study.example")
    with TestClient(create_app(settings, bank=shared_bank()), base_url="http://mj.study.example") as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/healthz", headers={"Host": "study.example.evil"}).status_code == 400


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/", headers={"Accept": "text/html"}), client.get("/api/questions"),
                     client.get("/api/questions/nope"), client.get("/static/dist/app.js")):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["x-frame-options"] == "DENY"
