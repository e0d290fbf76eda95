"""The server's door to grading: a SandboxPool plus the checker."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from app.judge import checker
from app.judge.faults import GraderFault
from app.judge.sandbox.policy import SandboxPolicy
from app.judge.sandbox.pool import GraderBusy, SandboxPool
from app.judge.spec import CodeCard, make_request
from app.judge.verdict import RunOutcome, Verdict

__all__ = ["Grader", "GraderBusy", "GraderFault", "GraderLike"]

# Extra wall clock on top of the card's limit: fork, isolation and result transfer.
_OVERHEAD_S = 1.0


class GraderLike(Protocol):
    """What the app needs of a grader: this process's pool, or the queue to remote workers."""

    def status(self) -> dict[str, Any]: ...
    async def wait_ready(self, timeout: float | None = None) -> None: ...
    async def grade(self, card: CodeCard, source: str) -> Verdict: ...
    async def close(self) -> None: ...


class Grader:
    """Owns the sandbox workers; `grade()` runs one submission and judges its raw result."""

    def __init__(self, policy: SandboxPolicy | None = None, *, workers: int = 2,
                 queue_limit: int = 16) -> None:
        self.pool = SandboxPool(policy or SandboxPolicy(), workers=workers,
                                queue_limit=queue_limit,
                                entry="app.judge.harness.runner:run_in_child",
                                preload=("torch", "torch.nn", "torch.nn.functional",
                                         "app.judge.harness.runner"))

    def start(self) -> None:
        self.pool.start()

    async def wait_ready(self, timeout: float | None = None) -> None:
        await self.pool.wait_ready(timeout)

    def status(self) -> dict:
        return self.pool.status()

    async def close(self) -> None:
        await self.pool.close()

    async def grade(self, card: CodeCard, source: str) -> Verdict:
        """Run `source` against `card` in the sandbox and judge the result.

        Raises:
            GraderBusy: the queue is full; try again later.
            GraderFault: the sandbox or the checker failed on our side (never the user's verdict).
        """
        result = await self.pool.run(make_request(card, source),
                                     timeout_s=card.timeout_s + _OVERHEAD_S)
        run = RunOutcome(result.outcome, result.payload, result.stdout, result.duration_ms,
                         result.detail)
        # Decoding and comparing happen in a worker thread: a hostile result (200k tiny arrays,
        # a huge header) costs that thread, never the event loop serving every other request.
        return await asyncio.to_thread(checker.judge, card, run)
