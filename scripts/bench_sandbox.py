"""Round-trip latency and throughput of the sandbox pool: `python scripts/bench_sandbox.py`."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from app.judge.sandbox.policy import SandboxPolicy
from app.judge.sandbox.pool import SandboxPool

CONV = b"""
import torch
conv = torch.nn.Conv2d(16, 16, 3, padding=1)
result = list(conv(torch.randn(2, 16, 8, 8)).shape)
"""


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def bench(workers: int, runs: int) -> None:
    pool = SandboxPool(SandboxPolicy(), workers=workers, queue_limit=runs,
                       entry="tests.judge.sandbox_entries:run_code")
    started = time.perf_counter()
    pool.start()
    await pool.wait_ready(timeout=120)
    while pool.status()["state"] != "ready":
        await asyncio.sleep(0.05)
    print(f"\n{workers} worker(s): ready in {time.perf_counter() - started:.2f} s")
    try:
        for name, request in (("trivial", b"result = 1"), ("conv 2x16x8x8", CONV)):
            for _ in range(3):  # warm-up
                assert (await pool.run(request, timeout_s=5)).outcome == "ok"
            latencies = []
            for _ in range(runs):
                t0 = time.perf_counter()
                result = await pool.run(request, timeout_s=5)
                latencies.append((time.perf_counter() - t0) * 1000)
                assert result.outcome == "ok", result
            t0 = time.perf_counter()
            results = await asyncio.gather(*(pool.run(request, timeout_s=5)
                                             for _ in range(runs)))
            throughput = runs / (time.perf_counter() - t0)
            assert all(r.outcome == "ok" for r in results)
            print(f"  {name:14s} sequential p50 {statistics.median(latencies):5.1f} ms, "
                  f"p95 {_percentile(latencies, 0.95):5.1f} ms; "
                  f"{runs} concurrent: {throughput:5.1f} runs/s")
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    for workers in (1, 2):
        asyncio.run(bench(workers, args.runs))


if __name__ == "__main__":
    main()
