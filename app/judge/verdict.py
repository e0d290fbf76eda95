"""What grading returns: a Verdict made of Checks. Plain data, no torch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["passed", "failed", "error", "timeout"]
Outcome = Literal["ok", "timeout", "memory", "crashed", "output_limit", "fault"]


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class Verdict:
    status: Status
    checks: list[Check]
    feedback: str
    stdout: str
    duration_ms: float
    line: int | None = None  # line in the user's code the feedback refers to, if any

    @property
    def failing_check(self) -> str | None:
        return next((c.name for c in self.checks if not c.passed), None)


@dataclass(frozen=True)
class RunOutcome:
    """What a runner (sandbox or in-process) observed; the same shape as sandbox.RunResult."""

    outcome: Outcome
    payload: bytes = field(repr=False)
    stdout: str
    duration_ms: float
    detail: str = ""
