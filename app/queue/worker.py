"""`mianjing worker`: take submissions off the queue and grade them in this machine's sandbox pool.

arq does the queueing: a job is taken under an in-progress key, acknowledged (removed from the
queue) only after its verdict is pushed, and taken again by another worker when its worker stops
renewing that key (it died). Two additions keep it fast: a doorbell the web rings after each
job (an idle worker waits on it instead of polling every half second), and a heartbeat that
tells the web which workers are alive and renews the in-progress keys of running jobs, so a
dead worker's job is redelivered within seconds instead of after a fixed job timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
from typing import Any

from arq.connections import RedisSettings
from arq.constants import in_progress_key_prefix
from arq.worker import Worker, func

from app.judge.faults import GraderFault
from app.judge.grader import GraderLike
from app.judge.sandbox.pool import GraderBusy
from app.judge.spec import CodeCard
from app.queue import protocol

log = logging.getLogger(__name__)

_IDLE_WAIT_S = 0.5  # an idle worker looks at the queue at least this often, doorbell or not
_JOB_TIMEOUT_S = 120  # far above any card's limit: the sandbox enforces the real one


class DoorbellWorker(Worker):
    """An arq worker that sleeps on the doorbell list instead of a fixed poll delay."""

    async def _poll_iteration(self) -> None:
        await super()._poll_iteration()
        if self.job_counter >= self.max_jobs:  # every slot busy: wait for a run to end
            # (not on arq's semaphore: it has max_jobs + 1 permits, so it would never block)
            running = [task for task in self.tasks.values() if not task.done()]
            if running:
                await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            return
        await protocol.pop(self.pool, protocol.DOORBELL, _IDLE_WAIT_S)


async def grade_job(ctx: dict[str, Any], card: str, fingerprint: str, source: str) -> None:
    """Grade one submission and push the reply; never raises (a reply always reaches the web)."""
    job_id, tries = ctx["job_id"], ctx["job_try"]
    if tries > 1:
        log.warning("job %s: try %d (the worker that had it stopped mid-run)", job_id, tries)
    reply = await _reply(ctx["grader"], ctx["cards"], card, fingerprint, source)
    async with ctx["redis"].pipeline(transaction=True) as pipe:
        pipe.rpush(protocol.REPLY_PREFIX + job_id, reply)
        pipe.expire(protocol.REPLY_PREFIX + job_id, protocol.REPLY_TTL_S)
        await pipe.execute()


async def _reply(grader: GraderLike, cards: dict[str, CodeCard], card_id: str,
                 fingerprint: str, source: str) -> bytes:
    code_card = cards.get(card_id)
    if code_card is None:
        return protocol.fault_reply(f"this worker has no card {card_id!r}: run the same release "
                                    "of mianjing on web and worker machines")
    if protocol.card_fingerprint(code_card) != fingerprint:
        return protocol.fault_reply(f"this worker has another version of card {card_id!r}: run "
                                    "the same release of mianjing on web and worker machines")
    try:
        return protocol.verdict_reply(await grader.grade(code_card, source))
    except (GraderBusy, GraderFault) as exc:
        return protocol.fault_reply(str(exc))
    except Exception as exc:  # a bug of ours: logged in full, reported as ours
        log.exception("grading a %s submission failed", card_id)
        return protocol.fault_reply(f"the worker failed: {exc.__class__.__name__}")


async def _heartbeat(worker: Worker, grader: GraderLike) -> None:
    """Tell the web this worker is alive; keep its running jobs claimed."""
    key = f"{protocol.WORKER_PREFIX}{socket.gethostname()}:{os.getpid()}"
    try:
        while True:
            status = grader.status()
            running = [job_id for job_id, task in worker.tasks.items() if not task.done()]
            beat = {"state": status.get("state"), "slots": worker.max_jobs, "busy": len(running),
                    "layers": status.get("layers", {})}
            async with worker.pool.pipeline(transaction=False) as pipe:
                pipe.set(key, json.dumps(beat), px=int(protocol.HEARTBEAT_TTL_S * 1000))
                for job_id in running:
                    pipe.pexpire(in_progress_key_prefix + job_id,
                                 int(protocol.IN_PROGRESS_TTL_S * 1000))
                await pipe.execute()
            await asyncio.sleep(protocol.HEARTBEAT_S)
    finally:
        with contextlib.suppress(Exception):
            await worker.pool.delete(key)  # a clean stop is seen at once, not after the TTL


async def serve_queue(url: str, grader: GraderLike, cards: dict[str, CodeCard],
                      slots: int, *, handle_signals: bool = True) -> None:
    """Grade jobs from the queue at `url` with `grader` until SIGTERM/SIGINT (or cancelled)."""

    # arq calls these once connected and before it closes the connection: the heartbeat's span
    async def start_heartbeat(ctx: dict[str, Any]) -> None:
        ctx["heartbeat"] = asyncio.create_task(_heartbeat(worker, grader))

    async def stop_heartbeat(ctx: dict[str, Any]) -> None:
        beating = ctx.pop("heartbeat", None)
        if beating is not None:
            beating.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beating

    worker = DoorbellWorker(
        functions=[func(grade_job, name=protocol.JOB_FUNCTION, timeout=_JOB_TIMEOUT_S,
                        max_tries=protocol.MAX_TRIES)],
        redis_settings=RedisSettings.from_dsn(url), queue_name=protocol.QUEUE,
        max_jobs=slots,  # take only what a free sandbox slot can start at once
        poll_delay=0, keep_result=0, job_serializer=protocol.dumps,
        job_deserializer=protocol.loads, ctx={"grader": grader, "cards": cards},
        on_startup=start_heartbeat, on_shutdown=stop_heartbeat,
        job_completion_wait=30,  # SIGTERM: finish the runs in hand, take no new ones
        log_results=False, handle_signals=handle_signals,
    )
    worker.in_progress_timeout_s = protocol.IN_PROGRESS_TTL_S  # renewed by the heartbeat
    try:
        await worker.async_run()  # arq's signal handler cancels it
    except asyncio.CancelledError:
        log.info("worker stopped")
    finally:
        with contextlib.suppress(Exception):
            await worker.close()
