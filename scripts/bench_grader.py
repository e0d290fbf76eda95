"""Verdict latency over HTTP vs a cold `python` that imports torch and runs the block once.

Usage: .venv/bin/python scripts/bench_grader.py [--requests 60] [--workers 2]
Starts its own server (uvicorn, throwaway data dir) on a free loopback port, submits the correct
BasicBlock from questions/resnet-basic-block/reference.py, and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARD = "resnet-basic-block"
COLD_SCRIPT = """
import torch, torch.nn as nn
torch.manual_seed(0)
ns = {}
exec(open(%r).read(), ns)
block = ns["BasicBlock"](16, 16).eval()
with torch.no_grad():
    block(torch.randn(2, 16, 7, 9))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, body: dict) -> tuple[float, dict]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        payload = json.load(response)
    return (time.perf_counter() - start) * 1000, payload


def wait_ready(base: str, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if json.load(response)["grader"] == "ready":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_clients(url: str, code: str, clients: int, requests: int) -> dict[str, float]:
    body = {"question_id": CARD, "code": code}
    for _ in range(3):  # warm-up
        post(url, body)
    latencies: list[float] = []
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for ms, payload in pool.map(lambda _: post(url, body), range(requests)):
            if payload["status"] != "passed":
                raise SystemExit(f"correct block did not pass: {payload}")
            latencies.append(ms)
    elapsed = time.perf_counter() - start
    return {
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "per_s": requests / elapsed,
    }


def page_latencies(url: str, stop_after_s: float) -> list[float]:
    """GET a page over and over for stop_after_s; each request's latency in ms."""
    times = []
    deadline = time.monotonic() + stop_after_s
    while time.monotonic() < deadline:
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
    return times


def pages_under_load(base: str, code: str, requests: int) -> tuple[list[float], list[float]]:
    """The history page's latency alone, then while 2 clients keep the grader saturated."""
    idle = page_latencies(base + "/history", 3.0)
    with ThreadPoolExecutor(3) as pool:
        load = pool.submit(run_clients, base + "/api/submissions", code, 2, requests)
        busy = page_latencies(base + "/history", 3.0)
        load.result()
    return idle, busy


def cold_process_ms(solution: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD_SCRIPT % str(solution)], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    solution = ROOT / "questions" / CARD / "reference.py"
    code = solution.read_text()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "MIANJING_DATA_DIR": data_dir, "MIANJING_GRADER_WORKERS": str(args.workers)}
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_ready(base)
            results = {n: run_clients(base + "/api/submissions", code, n, args.requests) for n in (1, 2)}
            idle, busy = pages_under_load(base, code, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=30)
    cold = cold_process_ms(solution)
    print(
        f"grader workers: {args.workers}, requests per row: {args.requests}, "
        f"machine: {os.cpu_count()} cores\n"
    )
    print("| clients | p50 ms | p95 ms | verdicts/s | p50 speed-up vs cold process |")
    print("|---|---|---|---|---|")
    for clients, row in results.items():
        print(
            f"| {clients} | {row['p50']:.1f} | {row['p95']:.1f} | {row['per_s']:.1f} | "
            f"{cold / row['p50']:.0f}x |"
        )
    print(f"\ncold `python` importing torch and running the block once: {cold:.0f} ms (median of 3)")
    print(
        f"\nGET /history alone: p50 {statistics.median(idle):.1f} ms, p95 {percentile(idle, 0.95):.1f} ms"
        f" ({len(idle)} requests); while 2 clients saturate the grader: p50"
        f" {statistics.median(busy):.1f} ms, p95 {percentile(busy, 0.95):.1f} ms ({len(busy)} requests)"
    )


if __name__ == "__main__":
    main()
