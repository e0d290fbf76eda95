"""Which queue library: the round-trip latency each adds to a job that does nothing.

Usage: python scripts/bench_queue.py REDIS_URL   (a throwaway Redis: it is flushed; Dramatiq is not
a dependency: `pip install dramatiq` first)
Measures, with one worker process each: a bare Redis LPUSH/BLPOP round trip (the floor any
Redis queue pays), arq (asyncio, polls for results), and Dramatiq (Redis broker with late acks,
results through a Redis backend). Prints p50/p95 in ms over 300 jobs.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import statistics
import sys
import time
import uuid

N = 300


def report(name: str, times: list[float]) -> None:
    times.sort()
    print(f"| {name} | {statistics.median(times):.2f} | {times[int(len(times) * 0.95)]:.2f} |")


# ---- bare Redis: the floor ---------------------------------------------------------------------

def bare_worker(url: str) -> None:
    import redis

    r = redis.Redis.from_url(url)
    while True:
        _, job = r.blpop(["bench:jobs"])
        r.lpush(f"bench:reply:{job.decode()}", b"ok")


def bare(url: str) -> list[float]:
    import redis

    r = redis.Redis.from_url(url)
    times = []
    for _ in range(N):
        job = uuid.uuid4().hex
        start = time.perf_counter()
        r.lpush("bench:jobs", job)
        r.blpop([f"bench:reply:{job}"])
        times.append((time.perf_counter() - start) * 1000)
    return times


# ---- arq ---------------------------------------------------------------------------------------

async def arq_noop(ctx: dict) -> str:
    return "ok"


def arq_worker(url: str) -> None:
    from arq import run_worker
    from arq.connections import RedisSettings

    class Settings:
        functions = [arq_noop]
        redis_settings = RedisSettings.from_dsn(url)
        poll_delay = 0.001

    run_worker(Settings)  # type: ignore[arg-type]


async def arq_client(url: str) -> list[float]:
    from arq import create_pool
    from arq.connections import RedisSettings

    pool = await create_pool(RedisSettings.from_dsn(url))
    times = []
    for _ in range(N):
        start = time.perf_counter()
        job = await pool.enqueue_job("arq_noop")
        await job.result(poll_delay=0.001)
        times.append((time.perf_counter() - start) * 1000)
    return times


# ---- Dramatiq ----------------------------------------------------------------------------------

def dramatiq_setup(url: str):  # type: ignore[no-untyped-def]
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker
    from dramatiq.results import Results
    from dramatiq.results.backends import RedisBackend

    broker = RedisBroker(url=url)
    broker.add_middleware(Results(backend=RedisBackend(url=url)))
    dramatiq.set_broker(broker)

    @dramatiq.actor(store_results=True, max_retries=0)
    def noop() -> str:
        return "ok"
    return broker, noop


def dramatiq_worker(url: str) -> None:
    from dramatiq import Worker

    broker, _ = dramatiq_setup(url)
    worker = Worker(broker, worker_threads=1, worker_timeout=10)
    worker.start()
    while True:
        time.sleep(1)


def dramatiq_client(url: str) -> list[float]:
    _, noop = dramatiq_setup(url)
    times = []
    for _ in range(N):
        start = time.perf_counter()
        message = noop.send()
        message.get_result(block=True, timeout=10_000)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(name: str, worker, client, url: str) -> None:  # type: ignore[no-untyped-def]
    process = multiprocessing.Process(target=worker, args=(url,), daemon=True)
    process.start()
    time.sleep(1.5)
    try:
        client(url)[:20]  # warm-up
        report(name, client(url))
    finally:
        process.terminate()
        process.join(5)


def main() -> None:
    url = sys.argv[1]
    import redis

    redis.Redis.from_url(url).flushdb()
    print("| queue | p50 ms | p95 ms |\n|---|---|---|")
    run("bare Redis LPUSH/BLPOP (the floor)", bare_worker, bare, url)
    run("arq 0.28 (results polled every 1 ms)", arq_worker,
        lambda u: asyncio.run(arq_client(u)), url)
    run("Dramatiq 2.x (Redis broker + Redis results)", dramatiq_worker, dramatiq_client, url)


if __name__ == "__main__":
    main()
