"""A server killed with SIGKILL loses no committed attempt; a full grader queue is a clean 429."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.judge.sandbox.pool import GraderBusy
from tests.servers import free_port

pytestmark = pytest.mark.slow  # starts real sandboxes, servers or whole-bank checks

ROOT = Path(__file__).resolve().parents[2]


def _start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MIANJING_DATA_DIR": str(data_dir), "MIANJING_GRADER_WORKERS": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("server did not start")


def _call(port: int, method: str, path: str, body: dict | None = None) -> dict | list:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_sigkill_loses_no_committed_attempt(tmp_path: Path) -> None:
    port = free_port()
    server = _start(tmp_path, port)
    try:
        saved = [
            _call(
                port,
                "POST",
                "/api/attempts",
                {"question_id": "transformer-basics", "answer": f"answer {i}", "self_grade": "good"},
            )
            for i in range(5)
        ]
    finally:
        server.send_signal(signal.SIGKILL)  # no shutdown hooks, no checkpoint
        server.wait(timeout=10)
    server = _start(tmp_path, port)
    try:
        stored = _call(port, "GET", "/api/attempts")
        assert sorted(a["id"] for a in stored) == sorted(a["id"] for a in saved)  # type: ignore[index]
        assert {a["answer"] for a in stored} == {f"answer {i}" for i in range(5)}  # type: ignore[index]
    finally:
        server.terminate()
        server.wait(timeout=10)


class BusyGrader:
    def status(self) -> dict:
        return {"state": "ready"}

    async def grade(self, card: object, source: str) -> None:
        raise GraderBusy(retry_after_s=3)

    async def close(self) -> None:
        pass


def test_full_grader_queue_is_429_with_retry_after(client: TestClient) -> None:
    client.app.state.grader = BusyGrader()  # type: ignore[attr-defined]
    response = client.post("/api/submissions", json={"question_id": "resnet-bottleneck", "code": "x = 1"})
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert "busy" in response.json()["detail"]
    assert client.get("/api/attempts").json() == []  # nothing half-written


class BrokenGrader(BusyGrader):
    def status(self) -> dict:
        return {"state": "failed", "error": "seccomp: libseccomp.so.2 not found"}


def test_grader_that_could_not_start_is_a_clear_503(client: TestClient) -> None:
    client.app.state.grader = BrokenGrader()  # type: ignore[attr-defined]
    response = client.post("/api/submissions", json={"question_id": "resnet-bottleneck", "code": "x = 1"})
    assert response.status_code == 503
    assert "libseccomp" in response.json()["detail"]


class SlowGrader(BusyGrader):
    """Holds every submission until released, so several are in flight at once."""

    def __init__(self, expected: int) -> None:
        import asyncio

        self.release = asyncio.Event()
        self.all_in = asyncio.Event()  # set once `expected` submissions are waiting here
        self.waiting, self.expected = 0, expected

    async def grade(self, card: object, source: str) -> object:
        from app.judge import Verdict

        self.waiting += 1
        if self.waiting == self.expected:
            self.all_in.set()
        await self.release.wait()
        return Verdict(status="passed", checks=[], feedback="", stdout="", duration_ms=1.0, line=None)


def test_one_user_cannot_fill_the_shared_queue(tmp_path: Path) -> None:
    import asyncio

    import httpx

    from app.config import Settings
    from app.main import create_app
    from tests.conftest import shared_bank

    async def scenario() -> list[int]:
        settings = Settings(data_dir=tmp_path, grader_workers=0, grader_per_user_limit=2)
        app = create_app(settings, bank=shared_bank())
        async with app.router.lifespan_context(app):
            grader = SlowGrader(expected=2)
            app.state.grader = grader
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                body = {"question_id": "resnet-bottleneck", "code": "x = 1"}
                held = [asyncio.create_task(client.post("/api/submissions", json=body)) for _ in range(2)]
                await grader.all_in.wait()  # both are now waiting inside the grader
                third = await client.post("/api/submissions", json=body)
                grader.release.set()
                return [third.status_code, *[(await task).status_code for task in held]]

    # Also the first requests of a fresh instance racing to create the local user (was a 500).
    assert asyncio.run(asyncio.wait_for(scenario(), 60)) == [429, 201, 201]
