"""The grading queue against a real Redis: verdicts come back whole, a dead worker's job is
graded by another, nothing is pickled, and a full queue or no worker is a clear answer."""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import redis

from app.judge.faults import GraderFault
from app.judge.sandbox.pool import GraderBusy
from app.judge.spec import CodeCard
from app.queue import protocol
from app.queue.client import RemoteGrader
from app.queue.worker import serve_queue
from tests.conftest import shared_bank
from tests.queue.fakes import VERDICT, FakeGrader

CARDS = {q.id: q.code_card for q in shared_bank() if q.code_card is not None}
CARD: CodeCard = CARDS["resnet-basic-block"]


def run(scenario: Callable[[], Awaitable[None]], timeout_s: float = 60) -> None:
    asyncio.run(asyncio.wait_for(scenario(), timeout_s))


@contextlib.asynccontextmanager
async def remote(url: str, **options: float) -> AsyncIterator[RemoteGrader]:
    grader = RemoteGrader(url, **options)  # type: ignore[arg-type]
    grader.start()
    try:
        yield grader
    finally:
        await grader.close()


@contextlib.asynccontextmanager
async def worker(url: str, grader: FakeGrader, cards: dict[str, CodeCard] = CARDS,
                 ) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(serve_queue(url, grader, cards, slots=1, handle_signals=False))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def test_the_web_gets_the_workers_verdict_whole(queue_url: str) -> None:
    async def scenario() -> None:
        fake = FakeGrader()
        async with remote(queue_url) as web, worker(queue_url, fake):
            await web.wait_ready(10)
            assert await web.grade(CARD, "class BasicBlock: ...") == VERDICT
            assert fake.graded == [("resnet-basic-block", "class BasicBlock: ...")]
            status = web.status()
            assert status["state"] == "ready" and status["workers"] == 1 and status["slots"] == 1
            assert status["layers"] == {"seccomp": "on"}
    run(scenario)


def test_ready_only_while_a_worker_beats(queue_url: str) -> None:
    async def scenario() -> None:
        async with remote(queue_url) as web:
            await asyncio.sleep(1.2)
            assert web.status()["state"] == "starting" and web.status()["workers"] == 0
            async with worker(queue_url, FakeGrader()):
                await web.wait_ready(10)
            for _ in range(40):  # a clean stop removes the heartbeat at once
                if web.status()["state"] != "ready":
                    break
                await asyncio.sleep(0.1)
            assert web.status()["state"] == "starting"
    run(scenario)


def test_a_worker_with_another_version_of_the_card_refuses(queue_url: str) -> None:
    async def scenario() -> None:
        other = dict(CARDS, **{"resnet-basic-block": CARDS["resnet-bottleneck"]})
        async with remote(queue_url) as web, worker(queue_url, FakeGrader(), other):
            await web.wait_ready(10)
            with pytest.raises(GraderFault, match="another version of card 'resnet-basic-block'"):
                await web.grade(CARD, "x = 1")
    run(scenario)


def test_a_full_queue_is_busy_and_no_worker_is_a_fault(queue_url: str) -> None:
    async def scenario() -> None:
        async with remote(queue_url, queue_limit=1, no_worker_s=1.0) as web:
            waiting = asyncio.create_task(web.grade(CARD, "first"))
            await asyncio.sleep(0.3)
            with pytest.raises(GraderBusy):
                await web.grade(CARD, "second")
            with pytest.raises(GraderFault, match="no grader worker is running"):
                await waiting
        client = redis.Redis.from_url(queue_url)
        assert client.zcard(protocol.QUEUE) == 0  # withdrawn: no worker grades it later
    run(scenario)


def test_jobs_on_the_wire_are_json_never_pickle(queue_url: str) -> None:
    async def scenario() -> None:
        async with remote(queue_url, no_worker_s=0.5) as web:
            waiting = asyncio.create_task(web.grade(CARD, "print('hi')"))
            await asyncio.sleep(0.3)
            client = redis.Redis.from_url(queue_url)
            [job_id] = client.zrange(protocol.QUEUE, 0, -1)
            job = json.loads(client.get(b"arq:job:" + job_id))  # pickle would not parse
            assert job["f"] == "grade" and job["k"]["source"] == "print('hi')"
            assert job["k"]["fingerprint"] == protocol.card_fingerprint(CARD)
            with pytest.raises(GraderFault):
                await waiting
    run(scenario)


def test_a_job_whose_worker_dies_is_graded_by_another(queue_url: str) -> None:
    from tests.queue.fakes import run_hanging_worker

    dying = multiprocessing.get_context("spawn").Process(target=run_hanging_worker,
                                                         args=(queue_url,))
    dying.start()

    async def scenario() -> None:
        client = redis.Redis.from_url(queue_url)
        async with remote(queue_url) as web:
            await web.wait_ready(60)
            submitted = asyncio.create_task(web.grade(CARD, "graded twice?"))
            while not client.keys("arq:in-progress:*"):  # the doomed worker has taken it
                await asyncio.sleep(0.05)
            assert dying.pid is not None
            os.kill(dying.pid, signal.SIGKILL)
            survivor = FakeGrader()
            async with worker(queue_url, survivor):
                assert await submitted == VERDICT
            assert survivor.graded == [("resnet-basic-block", "graded twice?")]
            assert client.zcard(protocol.QUEUE) == 0
            assert client.keys(protocol.REPLY_PREFIX + "*") == []  # popped, nothing left over
    try:
        run(scenario, timeout_s=90)
    finally:
        dying.kill()
        dying.join(10)


def test_a_busy_or_idle_worker_waits_instead_of_spinning(queue_url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every slot busy, or nothing queued: the worker sleeps on a run or the doorbell (arq's own
    semaphore has one permit more than slots, so waiting on it would spin)."""
    from app.queue.worker import DoorbellWorker

    polls = [0]
    original = DoorbellWorker._poll_iteration

    async def counted(self: DoorbellWorker) -> None:
        polls[0] += 1
        await original(self)
    monkeypatch.setattr(DoorbellWorker, "_poll_iteration", counted)

    async def scenario() -> None:
        hanging = FakeGrader(hang=True)
        async with remote(queue_url) as web, worker(queue_url, hanging):
            await web.wait_ready(10)
            await asyncio.sleep(1.0)
            idle = polls[0]
            held = asyncio.create_task(web.grade(CARD, "x"))
            await hanging.started.wait()
            before = polls[0]
            await asyncio.sleep(1.0)
            busy = polls[0] - before
            held.cancel()
        assert idle <= 5, idle  # about 2 a second: the doorbell's timeout
        assert busy <= 2, busy
    run(scenario)


def test_a_job_that_outlived_its_tries_is_a_fault_not_a_hang(queue_url: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """As if three workers had died holding it: arq drops the job, the web answers at once."""
    import uuid

    job_id = uuid.UUID(int=7)
    monkeypatch.setattr("app.queue.client.uuid.uuid4", lambda: job_id)

    async def scenario() -> None:
        client = redis.Redis.from_url(queue_url)
        client.set(f"arq:retry:{job_id.hex}", protocol.MAX_TRIES)
        fake = FakeGrader()
        async with remote(queue_url) as web, worker(queue_url, fake):
            await web.wait_ready(10)
            with pytest.raises(GraderFault, match=f"without a verdict after {protocol.MAX_TRIES}"):
                await web.grade(CARD, "x")
        assert fake.graded == []
    run(scenario, timeout_s=30)
