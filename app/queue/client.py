"""The web's grader when MIANJING_QUEUE_URL is set: enqueue, ring the doorbell, wait for the reply.

Same face as the in-process Grader (status, grade, wait_ready, close), so the services do not
know which one they hold. Each submission is one arq job whose id the web chooses; the worker
pushes its verdict to a list only this request pops, and arq takes a job again when its worker
dies mid-run, so every submission gets one verdict and is recorded once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from typing import Any

from arq.connections import ArqRedis, RedisSettings, create_pool
from arq.constants import job_key_prefix

from app.judge.faults import GraderFault
from app.judge.sandbox.pool import GraderBusy
from app.judge.spec import CodeCard
from app.judge.verdict import Verdict
from app.queue import protocol

log = logging.getLogger(__name__)

_STATUS_EVERY_S = 1.0
_WAIT_STEP_S = 1.0  # between checks that the job still exists while waiting for its reply
_NO_WORKER_S = 30.0  # with no worker alive this long, a waiting submission gives up


class RemoteGrader:
    def __init__(self, url: str, *, queue_limit: int = 16,
                 no_worker_s: float = _NO_WORKER_S) -> None:
        self.url = url
        self.queue_limit = queue_limit
        self.no_worker_s = no_worker_s
        self._redis: ArqRedis | None = None
        self._status: dict[str, Any] = {"state": "starting", "mode": "queue", "workers": 0}
        self._watcher: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    def start(self) -> None:
        self._watcher = asyncio.get_running_loop().create_task(self._watch_workers())

    async def _connect(self) -> ArqRedis:
        if self._redis is None:
            settings = RedisSettings.from_dsn(self.url)
            # A request waits at most ~1 s on an unreachable Redis (the watcher retries anyway).
            settings.conn_retries, settings.conn_retry_delay = 2, 0.5  # type: ignore[assignment]
            self._redis = await create_pool(
                settings, job_serializer=protocol.dumps,
                job_deserializer=protocol.loads, default_queue_name=protocol.QUEUE,
            )
        return self._redis

    # ---- health -------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        return self._status

    async def wait_ready(self, timeout: float | None = None) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def _watch_workers(self) -> None:
        """Every second: which workers are alive (their heartbeats), how long the queue is."""
        while True:
            try:
                self._status = await self._read_status()
            except Exception as exc:  # Redis down: not ready, and say why
                self._status = {"state": "starting", "mode": "queue", "workers": 0,
                                "error": f"queue unreachable: {exc.__class__.__name__}: {exc}"}
            if self._status["state"] == "ready":
                self._ready.set()
            else:
                self._ready.clear()
            await asyncio.sleep(_STATUS_EVERY_S)

    async def _read_status(self) -> dict[str, Any]:
        redis = await self._connect()
        names = [key async for key in redis.scan_iter(match=protocol.WORKER_PREFIX + "*")]
        beats = [protocol.loads(raw) for raw in await redis.mget(names) if raw] if names else []
        alive = [beat for beat in beats if beat.get("state") == "ready"]
        status: dict[str, Any] = {
            "state": "ready" if alive else "starting", "mode": "queue",
            "workers": len(alive), "slots": sum(beat["slots"] for beat in alive),
            "queued": await redis.zcard(protocol.QUEUE),
        }
        if alive:
            status["layers"] = alive[0]["layers"]
        return status

    async def close(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        if self._redis is not None:
            await self._redis.aclose()

    # ---- grading ------------------------------------------------------------------------------

    async def grade(self, card: CodeCard, source: str) -> Verdict:
        """Queue `source` for a worker and wait for its verdict.

        Raises:
            GraderBusy: the queue already holds `queue_limit` submissions.
            GraderFault: no worker answered, the queue is unreachable, or the worker failed.
        """
        try:
            redis = await self._connect()
            if await redis.zcard(protocol.QUEUE) >= self.queue_limit:
                raise GraderBusy(self._retry_after_s())
            job_id = uuid.uuid4().hex
            job = await redis.enqueue_job(protocol.JOB_FUNCTION, _job_id=job_id,
                                          **protocol.job_arguments(card, source))
            if job is None:  # arq refuses a job id it already has; ours are fresh uuids
                raise GraderFault("the queue refused the submission")
            async with redis.pipeline(transaction=False) as pipe:
                pipe.lpush(protocol.DOORBELL, b"1")
                pipe.ltrim(protocol.DOORBELL, 0, protocol.DOORBELL_MAX - 1)
                await pipe.execute()
            reply = await self._wait_for_reply(redis, job_id)
        except (GraderBusy, GraderFault):
            raise
        except Exception as exc:  # Redis gone mid-way: ours, never the user's verdict
            raise GraderFault(f"the grading queue failed: {exc.__class__.__name__}: {exc}") from exc
        if "fault" in reply:
            raise GraderFault(reply["fault"])
        return protocol.verdict_from_dict(reply["verdict"])

    async def _wait_for_reply(self, redis: ArqRedis, job_id: str) -> dict[str, Any]:
        key = protocol.REPLY_PREFIX + job_id
        no_worker_since: float | None = None
        while True:
            reply = await protocol.pop(redis, key, _WAIT_STEP_S)
            if reply is not None:
                await redis.delete(key)  # a retried job may have pushed a second reply
                return protocol.loads(reply)  # type: ignore[no-any-return]
            if not await redis.exists(job_key_prefix + job_id):
                reply = await protocol.pop(redis, key, 0.05)  # finished between the two calls
                if reply is not None:
                    return protocol.loads(reply)  # type: ignore[no-any-return]
                raise GraderFault(f"the job ended without a verdict after {protocol.MAX_TRIES} "
                                  "tries (its workers died)")
            if self._status["state"] != "ready":
                no_worker_since = no_worker_since or time.monotonic()
                if time.monotonic() - no_worker_since > self.no_worker_s:
                    await redis.zrem(protocol.QUEUE, job_id)  # nobody will grade it: withdraw
                    raise GraderFault("no grader worker is running")
            else:
                no_worker_since = None

    def _retry_after_s(self) -> int:
        slots = max(1, int(self._status.get("slots") or 1))
        return max(1, round(self.queue_limit / slots))
