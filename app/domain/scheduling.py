"""Spaced repetition as pure logic: FSRS scheduling and the suggested rating for code cards.

No database here: callers hand in fsrs Cards and get Cards back (services turn them into rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fsrs import Card, Rating, Scheduler, State

RATING_BY_GRADE: dict[str, Rating] = {
    "again": Rating.Again,
    "hard": Rating.Hard,
    "good": Rating.Good,
    "easy": Rating.Easy,
}
GRADE_BY_RATING: dict[int, str] = {int(r): g for g, r in RATING_BY_GRADE.items()}
NEW_STATE = 0  # fsrs-optimizer's review_state for a card's first review; py-fsrs has no "New"
# Several failed runs before the pass: the fix needed real thought, not a typo.
HARD_AFTER_FAILURES = 2
# Done in under this share of the time limit on the first run: the card is easy for you.
EASY_SHARE_OF_LIMIT = 1 / 3


def make_scheduler(desired_retention: float = 0.9, *, fuzzing: bool = True) -> Scheduler:
    """py-fsrs's default parameters and learning steps, with our retention and fuzz setting."""
    return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzzing)


def new_card(card_id: int, now: datetime) -> Card:
    return Card(card_id=card_id, due=now)


@dataclass(frozen=True)
class Reviewed:
    """A card after one review, with what the review log needs."""

    card: Card
    rating: Rating
    state_before: int
    reviewed_at: datetime
    duration_ms: int | None


def review(
    scheduler: Scheduler,
    card: Card,
    rating: Rating,
    reviewed_at: datetime,
    *,
    is_new: bool,
    duration_ms: int | None = None,
) -> Reviewed:
    """Apply one rating; `reviewed_at` must be aware UTC (fsrs refuses anything else)."""
    state_before = NEW_STATE if is_new else int(card.state)
    updated, _log = scheduler.review_card(card, rating, reviewed_at, duration_ms)
    return Reviewed(updated, rating, state_before, reviewed_at, duration_ms)


def retrievability(scheduler: Scheduler, card: Card, now: datetime) -> float:
    """Predicted chance of recalling the card now (0 for a card never reviewed)."""
    return float(scheduler.get_card_retrievability(card, now))


def card_to_dict(card: Card) -> dict[str, Any]:
    return dict(card.to_dict())


def card_from_dict(data: dict[str, Any]) -> Card:
    return Card.from_dict(data)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CodeOutcome:
    """What happened on a code card since it was last reviewed."""

    passed: bool
    failures_before_pass: int  # failed, error and timeout runs before the first pass
    seconds: float | None  # time to the first pass (or to the last run), None if not measured
    time_limit_s: int
    revealed: bool


def suggest_rating(outcome: CodeOutcome) -> Rating:
    """Again if never passed or the solution was peeked at; Hard if slow or after several
    failed runs; Easy on a first-run pass in under a third of the limit; else Good."""
    if not outcome.passed or outcome.revealed:
        return Rating.Again
    slow = outcome.seconds is not None and outcome.seconds > outcome.time_limit_s
    if slow or outcome.failures_before_pass >= HARD_AFTER_FAILURES:
        return Rating.Hard
    quick = (
        outcome.seconds is not None
        and outcome.seconds < outcome.time_limit_s * EASY_SHARE_OF_LIMIT
    )
    if outcome.failures_before_pass == 0 and quick:
        return Rating.Easy
    return Rating.Good


def code_outcome(
    runs: list[tuple[str | None, float | None, bool]], time_limit_s: int
) -> CodeOutcome:
    """Summarise the runs up to the one being graded, oldest first, each (verdict status,
    seconds, solution revealed). Solved means the graded run itself passed: a pass followed by
    a failing run is not solved now."""
    passed = bool(runs) and runs[-1][0] == "passed"
    first_pass = next((i for i, (status, _s, _r) in enumerate(runs) if status == "passed"), None)
    failures = sum(1 for status, _s, _r in runs[:first_pass] if status is not None)
    seconds = runs[first_pass][1] if passed and first_pass is not None else (
        runs[-1][1] if runs else None)
    return CodeOutcome(
        passed=passed,
        failures_before_pass=failures,
        seconds=seconds,
        time_limit_s=time_limit_s,
        revealed=any(revealed for _s, _t, revealed in runs),
    )


__all__ = [
    "Card", "CodeOutcome", "GRADE_BY_RATING", "NEW_STATE", "RATING_BY_GRADE", "Rating",
    "Reviewed", "Scheduler", "State", "card_from_dict", "card_to_dict", "code_outcome",
    "make_scheduler", "new_card", "retrievability", "review", "suggest_rating",
]
