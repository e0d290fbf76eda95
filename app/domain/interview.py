"""The mock interview as pure logic: which cards, in what order, and where the user is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.cards import Question, QuestionBank
from app.domain.vocabulary import GRADES, STAGES

DEFAULT_PER_STAGE = 2


@dataclass(frozen=True)
class PlannedCard:
    question_id: str
    stage: str


def plan_interview(
    bank: QuestionBank,
    *,
    stages: Sequence[str] = STAGES,
    per_stage: int | None = None,
    question_ids: Sequence[str] | None = None,
    own_cards: Sequence[Question] = (),
) -> list[PlannedCard]:
    """Cards in stage order. Default: the seed interview's cards (tag `seed`) of each stage.

    `question_ids` picks exact cards (still put in stage order); `per_stage` caps each stage;
    `own_cards` (the user's resume deck) lead their stage, ahead of the seed cards.
    """
    if question_ids:
        chosen = [bank.by_id[qid] for qid in dict.fromkeys(question_ids)]
    else:
        chosen = []
        for stage in stages:
            in_stage = bank.filter(stage=stage)
            seeded = [q for q in in_stage if "seed" in q.spec.tags]
            own = [q for q in own_cards if q.stage == stage]
            first = {q.id for q in own + seeded}
            seed_first = own + seeded + [q for q in in_stage if q.id not in first]
            limit = per_stage if per_stage is not None else (len(seeded) or DEFAULT_PER_STAGE)
            chosen += seed_first[:limit]
    rank = {q.id: i for i, q in enumerate(own_cards)}
    ordered = sorted(chosen, key=lambda q: (
        STAGES.index(q.stage), q.id not in rank, rank.get(q.id, 0), q.spec.order, q.id
    ))
    return [PlannedCard(q.id, q.stage) for q in ordered]


@dataclass(frozen=True)
class CardProgress:
    index: int
    question_id: str
    stage: str
    answered: bool
    graded: bool
    self_grade: str | None
    duration_s: float | None
    status: str | None


def progress(plan: Iterable[dict[str, str]], attempts: Iterable[object]) -> list[CardProgress]:
    """Each planned card with its latest attempt in this session (attempts oldest first)."""
    latest: dict[str, object] = {}
    for attempt in attempts:
        latest[attempt.question_id] = attempt  # type: ignore[attr-defined]
    cards = []
    for index, item in enumerate(plan):
        attempt = latest.get(item["question_id"])
        cards.append(
            CardProgress(
                index=index,
                question_id=item["question_id"],
                stage=item["stage"],
                answered=attempt is not None,
                graded=getattr(attempt, "self_grade", None) is not None,
                self_grade=getattr(attempt, "self_grade", None),
                duration_s=getattr(attempt, "duration_s", None),
                status=getattr(attempt, "status", None),
            )
        )
    return cards


def next_card(cards: Sequence[CardProgress]) -> CardProgress | None:
    """The first card not yet self-graded; None when the interview is over."""
    return next((card for card in cards if not card.graded), None)


@dataclass(frozen=True)
class StageSummary:
    stage: str
    cards: int
    seconds: float
    grades: dict[str, int]


def summarise(cards: Sequence[CardProgress], bank: QuestionBank) -> tuple[
    list[StageSummary], list[Question]
]:
    """Time and grades per stage, and what to revisit (graded again/hard, or failed code)."""
    stages = []
    for stage in STAGES:
        in_stage = [c for c in cards if c.stage == stage]
        if not in_stage:
            continue
        grades = {str(g): sum(1 for c in in_stage if c.self_grade == g) for g in GRADES}
        seconds = sum(c.duration_s or 0.0 for c in in_stage)
        stages.append(StageSummary(stage, len(in_stage), seconds, grades))
    revisit = [
        bank.by_id[c.question_id]
        for c in cards
        if c.question_id in bank.by_id
        and (c.self_grade in ("again", "hard") or c.status in ("failed", "error", "timeout"))
    ]
    return stages, revisit
