"""What grading returns: a Verdict made of Checks, every text in English and Chinese. No torch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from app.judge.messages import EMPTY, Text

Status = Literal["passed", "failed", "error", "timeout"]
Outcome = Literal["ok", "timeout", "memory", "crashed", "output_limit", "fault"]


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: Text = EMPTY


@dataclass(frozen=True)
class Verdict:
    status: Status
    checks: list[Check]
    feedback: Text
    stdout: str = ""
    duration_ms: float = 0.0
    line: int | None = None  # line in the user's code the feedback refers to, if any
    mistake: str | None = None  # the card's known mistake the submission reproduced, if any

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
