"""`make bench`: the grader's speed and the pages' scaling, measured in one run.

Prints Markdown tables: a cold process running a card's checks vs a warm verdict over HTTP;
verdicts/s at 1/2/4/8 clients; CPU per verdict (server, zygotes and their runs, from /proc);
p50 per coding card; page times at 10/1,000/10,000 attempts; start-up time and RSS. Each figure
is min/median/max over `--runs` repetitions, with the machine's load average at the time.

The queue section (`--only queue`) compares, in the same run, grading inside `serve` with
grading through Redis by one `mianjing worker` (2 slots) and by two (1 slot each), and measures
the CPU each part spends per verdict: the sizing rule of docs/hosting.md.

`--only soak` sends 2,000 submissions to one server and prints RSS and latency as it goes.

Usage: .venv/bin/python scripts/bench.py [--runs 3] [--only grader,cards,pages,startup,queue,soak]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers import free_port  # noqa: E402 - after the repo root is importable

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
CARD = "resnet-basic-block"
RESNET50 = "resnet50"


# ---- a server to measure ---------------------------------------------------------------------

class Server:
    """`mianjing serve` in a subprocess on a throwaway data dir."""

    def __init__(self, workers: int, queue_url: str | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.data = tempfile.TemporaryDirectory()
        env = {**os.environ, "MIANJING_DATA_DIR": self.data.name,
               "MIANJING_GRADER_WORKERS": str(workers), "MIANJING_GRADER_QUEUE_LIMIT": "64",
               "MIANJING_GRADER_PER_USER_LIMIT": "64"}
        if queue_url:
            env["MIANJING_QUEUE_URL"] = queue_url
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(self.port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.health_s = self._wait(lambda h: True)
        self.ready_s = self._wait(lambda h: h["grader"] == "ready" or workers == 0)

    def _wait(self, done, timeout_s: float = 180) -> float:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if done(json.load(response)):
                        return time.monotonic() - self.started
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    def zygotes(self) -> list[int]:
        return child_pids(self.process.pid)

    def post(self, path: str, body: dict) -> tuple[float, dict]:
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(),
                                         headers={"content-type": "application/json"})
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=120) as response:
            payload = json.load(response)
        return (time.perf_counter() - start) * 1000, payload

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(30)
        self.data.cleanup()


class Worker:
    """`mianjing worker` in a subprocess."""

    def __init__(self, queue_url: str, slots: int, uid_base: int) -> None:
        self.data = tempfile.TemporaryDirectory()
        env = {**os.environ, "MIANJING_DATA_DIR": self.data.name, "MIANJING_QUEUE_URL": queue_url,
               "MIANJING_GRADER_WORKERS": str(slots), "MIANJING_SANDBOX_UID_BASE": str(uid_base)}
        self.process = subprocess.Popen([sys.executable, "-m", "app.cli", "worker"], cwd=ROOT,
                                        env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)

    def pids(self) -> list[int]:
        """The worker and its zygotes."""
        return [self.process.pid, *child_pids(self.process.pid)]

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(60)
        self.data.cleanup()


def child_pids(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def cpu_s(pid: int, children: bool = False) -> float:
    """CPU seconds of a process (and of its reaped children) from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime: the runs it waited for
    return ticks / CLOCK_TICKS


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mib(pid: int) -> float:
    """Proportional set size: shared pages split between the processes that share them."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def summary(values: list[float], digits: int = 1) -> str:
    if not values:
        return "-"
    return f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f} / {max(values):.{digits}f}"


def reference(card: str) -> str:
    return (ROOT / "questions" / card / "reference.py").read_text()


# ---- the measurements ------------------------------------------------------------------------

def cold_process(card: str) -> float:
    """A fresh interpreter that imports torch and runs the card's own checks once, in-process."""
    code = ("import sys; from pathlib import Path; from app.judge.build import grade_in_process, "
            f"load_card_dir; v = grade_in_process(load_card_dir(Path('questions/{card}')), "
            f"Path('questions/{card}/reference.py').read_text()); assert v.status == 'passed'")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return (time.perf_counter() - start) * 1000


def latency(server: Server, card: str, n: int) -> list[float]:
    body = {"question_id": card, "code": reference(card)}
    times = []
    for _ in range(n):
        ms, verdict = server.post("/api/submissions", body)
        assert verdict["status"] == "passed", verdict
        times.append(ms)
    return times


def throughput(server: Server, clients: int, n: int) -> float:
    body = {"question_id": CARD, "code": reference(CARD)}
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda _: server.post("/api/submissions", body), range(n)))
    return n / (time.perf_counter() - start)


def cpu_per_verdict(server: Server, n: int, card: str = CARD) -> tuple[float, float]:
    """(server ms, zygotes + their runs ms) of CPU per verdict of `card` (BasicBlock)."""
    zygotes = server.zygotes()
    before = cpu_s(server.process.pid), sum(cpu_s(z, children=True) for z in zygotes)
    latency(server, card, n)
    after = cpu_s(server.process.pid), sum(cpu_s(z, children=True) for z in zygotes)
    return ((after[0] - before[0]) * 1000 / n, (after[1] - before[1]) * 1000 / n)


def bench_grader(runs: int, n: int) -> None:
    print("## Grader (BasicBlock card, its reference solution)\n")
    cold, warm, cpu_server, cpu_sandbox, cpu_resnet50 = [], [], [], [], []
    rates: dict[int, list[float]] = {c: [] for c in (1, 2, 4, 8)}
    for _ in range(runs):
        cold.append(cold_process(CARD))
        server = Server(workers=2)
        try:
            latency(server, CARD, 5)  # warm-up
            warm.append(statistics.median(latency(server, CARD, n)))
            server_ms, sandbox_ms = cpu_per_verdict(server, n)
            cpu_server.append(server_ms)
            cpu_sandbox.append(sandbox_ms)
            latency(server, RESNET50, 2)  # warm-up
            cpu_resnet50.append(sum(cpu_per_verdict(server, max(n // 4, 5), RESNET50)))
            for clients in rates:
                rates[clients].append(throughput(server, clients, n))
        finally:
            server.close()
    print("| figure (min / median / max) | value |\n|---|---|")
    print(f"| cold process: import torch + the card's checks, ms | {summary(cold)} |")
    print(f"| warm verdict over HTTP, 1 client, p50 ms | {summary(warm)} |")
    print(f"| cold / warm | {statistics.median(cold) / statistics.median(warm):.0f}x |")
    print(f"| CPU per verdict: server, ms | {summary(cpu_server)} |")
    print(f"| CPU per verdict: zygote + keeper + run, ms | {summary(cpu_sandbox)} |")
    total = [a + b for a, b in zip(cpu_server, cpu_sandbox, strict=True)]
    print(f"| CPU per verdict: total, ms | {summary(total)} |")
    print(f"| CPU per verdict of the ResNet-50 card (server + sandbox), ms | "
          f"{summary(cpu_resnet50)} |")
    print(f"| ResNet-50 / BasicBlock, CPU | "
          f"{statistics.median(cpu_resnet50) / statistics.median(total):.1f}x |")
    for clients, values in rates.items():
        print(f"| verdicts/s, {clients} client{'s' if clients > 1 else ''}, 2 workers | "
              f"{summary(values)} |")
    print()


def bench_cards(runs: int, n: int) -> None:
    print("## Every coding card (its reference solution), p50 ms over HTTP, 1 worker\n")
    cards = sorted(p.parent.name for p in (ROOT / "questions").glob("*/reference.py"))
    results: dict[str, list[float]] = {c: [] for c in cards}
    for _ in range(runs):
        server = Server(workers=1)
        try:
            for card in cards:
                latency(server, card, 1)
                results[card].append(statistics.median(latency(server, card, n)))
        finally:
            server.close()
    print("| card | p50 ms (min / median / max) |\n|---|---|")
    for card, values in results.items():
        print(f"| {card} | {summary(values)} |")
    print()


def bench_pages(runs: int) -> None:
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.main import create_app
    from scripts.seed_attempts import seed

    print("## Pages by number of attempts (ms, in-process client, min / median / max)\n")
    pages = ["/", "/history", "/progress", "/review"]
    rows = []
    for count in (10, 1_000, 10_000):
        with tempfile.TemporaryDirectory() as data:
            settings = Settings(data_dir=Path(data), grader_workers=0,  # type: ignore[call-arg]
                                allowed_hosts="testserver")
            with TestClient(create_app(settings)) as client:
                seed(client.app.state.sessionmaker, client.app.state.bank, count)  # type: ignore[attr-defined]
                timings = {}
                for page in pages:
                    client.get(page)
                    values = []
                    for _ in range(max(runs, 3)):
                        start = time.perf_counter()
                        response = client.get(page, headers={"Accept": "text/html"})
                        values.append((time.perf_counter() - start) * 1000)
                        assert response.status_code == 200
                    timings[page] = (values, len(response.content))
        rows.append((count, timings))
    print("| attempts | " + " | ".join(pages) + " |\n|---|" + "---|" * len(pages))
    for count, timings in rows:
        cells = [f"{summary(v)} ({size // 1024} KiB)" for v, size in timings.values()]
        print(f"| {count:,} | " + " | ".join(cells) + " |")
    print()


def bench_startup(runs: int) -> None:
    print("## Start-up (s) and memory (MiB)\n")
    health, ready, server_rss, zygote_rss = [], [], [], []
    for _ in range(runs):
        server = Server(workers=2)
        try:
            health.append(server.health_s)
            ready.append(server.ready_s)
            server_rss.append(rss_mib(server.process.pid))
            zygote_rss.append(statistics.mean(rss_mib(z) for z in server.zygotes()))
        finally:
            server.close()
    print("| figure (min / median / max) | value |\n|---|---|")
    print(f"| /healthz answers after, s | {summary(health, 2)} |")
    print(f"| grader ready after, s | {summary(ready, 2)} |")
    print(f"| server RSS (no torch), MiB | {summary(server_rss, 0)} |")
    print(f"| one zygote's RSS, MiB | {summary(zygote_rss, 0)} |")
    print()


def bench_soak(n: int) -> None:
    """n submissions to one server: RSS and latency at the start, middle and end (no drift)."""
    print(f"## Soak: {n:,} BasicBlock submissions to one server (2 workers, 2 clients)\n")
    server = Server(workers=2)
    body = {"question_id": CARD, "code": reference(CARD)}
    try:
        latency(server, CARD, 20)  # warm-up
        marks = []
        done = 0
        with ThreadPoolExecutor(2) as pool:
            for chunk in (n // 4,) * 4:
                times = [ms for ms, _ in pool.map(lambda _: server.post("/api/submissions", body),
                                                   range(chunk))]
                done += chunk
                zygotes = server.zygotes()
                marks.append((done, statistics.median(times), rss_mib(server.process.pid),
                              statistics.mean(rss_mib(z) for z in zygotes)))
    finally:
        server.close()
    print("| after | p50 ms of the last quarter | server RSS MiB | zygote RSS MiB |")
    print("|---|---|---|---|")
    for done, p50, server_rss, zygote_rss in marks:
        print(f"| {done:,} | {p50:.1f} | {server_rss:.1f} | {zygote_rss:.1f} |")
    print()


def _redis_pid(url: str) -> int:
    import redis

    return int(redis.Redis.from_url(url).info("server")["process_id"])


def _queue_setup(name: str, queue_url: str) -> tuple[Server, list[Worker]]:
    if name == "in-process (serve, 2 slots)":
        return Server(workers=2), []
    slots = [2] if name.startswith("queue, 1 worker") else [1, 1]
    workers = [Worker(queue_url, n, 64000 + 100 * i) for i, n in enumerate(slots)]
    server = Server(workers=0, queue_url=queue_url)
    server._wait(lambda h: h["sandbox"].get("workers") == len(workers))
    return server, workers


def bench_queue(runs: int, n: int) -> None:
    """In-process vs the queue with 1 and 2 workers, interleaved within each run."""
    from tests.servers import redis as redis_server

    print("## Grading through the queue (BasicBlock card) vs inside `serve`\n")
    setups = ("in-process (serve, 2 slots)", "queue, 1 worker x 2 slots",
              "queue, 2 workers x 1 slot")
    p50: dict[str, list[float]] = {name: [] for name in setups}
    rates: dict[tuple[str, int], list[float]] = {(s, c): [] for s in setups for c in (2, 4)}
    cpu: dict[str, list[float]] = {part: [] for part in ("web", "redis", "worker")}
    worker_rss: list[float] = []
    slot_pss: list[float] = []
    with redis_server() as queue_url:
        redis_pid = _redis_pid(queue_url)
        for _ in range(runs):
            for name in setups:
                server, workers = _queue_setup(name, queue_url)
                try:
                    latency(server, CARD, 5)  # warm-up
                    p50[name].append(statistics.median(latency(server, CARD, n)))
                    for clients in (2, 4):
                        rates[(name, clients)].append(throughput(server, clients, n))
                    if name.startswith("queue, 1 worker"):  # the sizing rule's CPU split
                        pids = workers[0].pids()
                        before = (cpu_s(server.process.pid), cpu_s(redis_pid),
                                  sum(cpu_s(p, children=True) for p in pids))
                        latency(server, CARD, n)
                        after = (cpu_s(server.process.pid), cpu_s(redis_pid),
                                 sum(cpu_s(p, children=True) for p in pids))
                        for part, b, a in zip(cpu, before, after, strict=True):
                            cpu[part].append((a - b) * 1000 / n)
                        worker_rss.append(rss_mib(pids[0]))
                        slot_pss.append(statistics.mean(pss_mib(z) for z in pids[1:]))
                finally:
                    server.close()
                    for worker in workers:
                        worker.close()
    base = statistics.median(p50[setups[0]])
    print("| setup | 1 client p50 ms | added p50 ms | verdicts/s, 2 clients | 4 clients |")
    print("|---|---|---|---|---|")
    for name in setups:
        added = statistics.median(p50[name]) - base
        print(f"| {name} | {summary(p50[name])} | {added:+.1f} | "
              f"{summary(rates[(name, 2)])} | {summary(rates[(name, 4)])} |")
    print("\n| CPU per verdict through the queue, ms (min / median / max) | value |\n|---|---|")
    for part, values in cpu.items():
        print(f"| {part} | {summary(values)} |")
    print(f"| worker process RSS (no zygotes), MiB | {summary(worker_rss, 0)} |")
    print(f"| one sandbox slot (its zygote's PSS), MiB | {summary(slot_pss, 0)} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--only", default="grader,cards,pages,startup,queue,soak")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# mianjing benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}\n")
    parts = args.only.split(",")
    if "startup" in parts:
        bench_startup(args.runs)
    if "grader" in parts:
        bench_grader(args.runs, args.requests)
    if "cards" in parts:
        bench_cards(args.runs, 5)
    if "pages" in parts:
        bench_pages(args.runs)
    if "queue" in parts:
        bench_queue(args.runs, args.requests)
    if "soak" in parts:
        bench_soak(2000)
    load = os.getloadavg()
    print(f"Load average at the end: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}")


if __name__ == "__main__":
    main()
