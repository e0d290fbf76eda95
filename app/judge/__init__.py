"""The grader: trusted code that knows nothing of FastAPI, SQLAlchemy or the other app layers.

Its one public door is `Grader` (a pool of warm sandboxes plus the checker) and the `Verdict` it
returns; `GraderBusy` and `GraderFault` are the two ways a run can fail to produce a verdict.
Kept import-light on purpose: the sandbox's zygote imports `app.judge.harness`, which runs this
file first, so the server-side pieces load lazily on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.judge.verdict import Check, Verdict

if TYPE_CHECKING:
    from app.judge.build import build_reference, check_card, grade_in_process, write_reference
    from app.judge.grader import Grader, GraderFault, GraderLike
    from app.judge.sandbox.pool import GraderBusy
    from app.judge.spec import CardError, CodeCard, load_code_card

__all__ = ["CardError", "Check", "CodeCard", "Grader", "GraderBusy", "GraderFault", "GraderLike",
           "Verdict",
           "build_reference", "check_card", "grade_in_process", "load_code_card",
           "write_reference"]

_LAZY = {
    "Grader": "app.judge.grader", "GraderFault": "app.judge.grader",
    "GraderLike": "app.judge.grader",
    "GraderBusy": "app.judge.sandbox.pool",
    "CardError": "app.judge.spec", "CodeCard": "app.judge.spec", "load_code_card": "app.judge.spec",
    "build_reference": "app.judge.build", "write_reference": "app.judge.build",
    "check_card": "app.judge.build", "grade_in_process": "app.judge.build",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'app.judge' has no attribute {name!r}")
