"""The hosted topology on loopback: PostgreSQL, Redis, two `mianjing serve` and two `mianjing
worker` processes. Submissions go through both webs; a worker is SIGKILLed mid-run; every
submission still gets its verdict, recorded exactly once, and both webs see every attempt."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from app.queue import protocol
from tests.servers import create_database, free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MIANJING = [sys.executable, "-m", "app.cli"]
PASSING = (ROOT / "questions/layer-norm/reference.py").read_text()
# Sleeps without using CPU, long enough to be killed mid-run, well inside the card's 5 s.
SLOW = "import time\ntime.sleep(2.5)\n" + PASSING


def call(port: int, method: str, path: str, body: dict | None = None,
         timeout_s: float = 90) -> tuple[int, dict | list]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def wait_for(what: str, ok: Callable[[], bool], timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if ok():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def topology(tmp_path: Path, postgres_cluster: str, queue_url: str,
             ) -> Iterator[tuple[list[int], dict[int, subprocess.Popen[bytes]]]]:
    database = create_database(postgres_cluster, "topology")
    base = {**os.environ, "MIANJING_DATABASE_URL": database, "MIANJING_QUEUE_URL": queue_url,
            "MIANJING_GRADER_WORKERS": "1",
            "MIANJING_GRADER_PER_USER_LIMIT": "8"}  # one user sends all seven at once
    processes: list[subprocess.Popen[bytes]] = []
    workers: dict[int, subprocess.Popen[bytes]] = {}
    ports = [free_port(), free_port()]
    try:
        for n in range(2):  # uid ranges apart: two grader processes share this kernel
            env = {**base, "MIANJING_DATA_DIR": str(tmp_path / f"worker{n}"),
                   "MIANJING_SANDBOX_UID_BASE": str(64000 + 100 * n)}
            worker = subprocess.Popen([*MIANJING, "worker"], cwd=ROOT, env=env)
            processes.append(worker)
            workers[worker.pid] = worker
        for n, port in enumerate(ports):
            env = {**base, "MIANJING_DATA_DIR": str(tmp_path / f"web{n}")}
            processes.append(subprocess.Popen([*MIANJING, "serve", "--port", str(port)],
                                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL))
        for port in ports:
            wait_for(f"web on {port} with both workers", lambda port=port: (
                call(port, "GET", "/healthz", timeout_s=2)[1]["sandbox"].get("workers") == 2))
        yield ports, workers
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


def busy_worker(url: str) -> int:
    """The pid of a worker that is grading something, from the heartbeats."""
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=protocol.WORKER_PREFIX + "*"):
        beat = json.loads(client.get(key) or b"{}")
        if beat.get("busy"):
            return int(key.decode().rsplit(":", 1)[1])
    return 0


def test_two_webs_two_workers_and_a_worker_killed_mid_run(
        topology: tuple[list[int], dict[int, subprocess.Popen[bytes]]], queue_url: str) -> None:
    ports, workers = topology
    submit = {"question_id": "layer-norm"}
    with ThreadPoolExecutor(8) as pool:
        slow = pool.submit(call, ports[0], "POST", "/api/submissions", {**submit, "code": SLOW})
        wait_for("the slow submission to be taken", lambda: busy_worker(queue_url) != 0, 30)
        victim = busy_worker(queue_url)
        time.sleep(0.5)  # mid-run: its sandbox is sleeping inside the submission
        os.kill(victim, signal.SIGKILL)
        others = [pool.submit(call, ports[i % 2], "POST", "/api/submissions",
                              {**submit, "code": PASSING}) for i in range(6)]
        answers = [slow.result(), *[future.result() for future in others]]
    assert [status for status, _ in answers] == [201] * 7, answers
    assert {body["status"] for _, body in answers} == {"passed"}  # type: ignore[call-overload]
    assert workers[victim].wait(10) == -signal.SIGKILL
    ids = sorted(body["id"] for _, body in answers)  # type: ignore[call-overload]
    for port in ports:  # one database: both webs see the same seven attempts, none twice
        status, attempts = call(port, "GET", "/api/attempts?limit=100")
        assert status == 200
        assert sorted(a["id"] for a in attempts) == ids  # type: ignore[index]
    survivor_alive = call(ports[1], "GET", "/healthz")[1]
    assert survivor_alive["grader"] == "ready" and survivor_alive["sandbox"]["workers"] == 1  # type: ignore[call-overload]
