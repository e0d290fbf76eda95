"""A stand-in for the sandbox pool, so the queue's own behaviour is tested in milliseconds."""

from __future__ import annotations

import asyncio
from typing import Any

from app.judge.messages import Text
from app.judge.spec import CodeCard
from app.judge.verdict import Check, Verdict

VERDICT = Verdict(status="failed", checks=[Check("eval", True), Check("train", False, Text("x", "甲"))],
                  feedback=Text("second conv took `x`", "第二个卷积用了 `x`"), stdout="hi\n",
                  duration_ms=12.5, line=7, mistake="x-not-out")


class FakeGrader:
    """Answers VERDICT at once, or (hang=True) never; counts what it was asked to grade."""

    def __init__(self, *, hang: bool = False) -> None:
        self.hang = hang
        self.graded: list[tuple[str, str]] = []
        self.started = asyncio.Event()

    def status(self) -> dict[str, Any]:
        return {"state": "ready", "layers": {"seccomp": "on"}}

    async def wait_ready(self, timeout: float | None = None) -> None:
        return None

    async def grade(self, card: CodeCard, source: str) -> Verdict:
        self.graded.append((card.id, source))
        self.started.set()
        if self.hang:
            await asyncio.Event().wait()
        return VERDICT

    async def close(self) -> None:
        return None


def run_hanging_worker(url: str) -> None:
    """A worker process that takes one job and never answers (to be killed with SIGKILL)."""
    from app.queue.worker import serve_queue
    from tests.conftest import shared_bank

    cards = {q.id: q.code_card for q in shared_bank() if q.code_card is not None}
    asyncio.run(serve_queue(url, FakeGrader(hang=True), cards, slots=1))
