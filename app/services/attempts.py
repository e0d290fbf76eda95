"""Answers to cards: record them, self-grade them, reveal the solution, find them again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fsrs import Scheduler
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cards import Question
from app.domain.clock import utcnow
from app.domain.vocabulary import Grade
from app.services import review
from app.services.errors import Invalid, TooLarge
from app.services.owned import get_owned
from app.services.sessions import check_session_card, maybe_finish_session
from app.store.models import Attempt, User, in_id_range


def check_text(field: str, text: str, limit: int) -> None:
    """Refuse text over `limit` UTF-8 bytes (413) or that cannot be stored as UTF-8 (422)."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:  # a lone surrogate ("\udc80") that JSON let through
        raise Invalid(field, f"contains a character that is not valid Unicode at position "
                             f"{exc.start}") from None
    if size > limit:
        raise TooLarge(f"{field}: {size} bytes is over the {limit}-byte limit")


def check_rubric(question: Question, rubric_hits: Sequence[int]) -> list[int]:
    points = len(question.spec.rubric)
    bad = [hit for hit in rubric_hits if not 0 <= hit < points]
    if bad:
        raise Invalid("rubric_hits", f"{bad} out of range: this card has {points} rubric points")
    return sorted(set(rubric_hits))


def new_attempt(user: User, question: Question, session_id: int | None, **fields: Any) -> Attempt:
    """The one place an Attempt row is built: stage and kind always come from the card."""
    return Attempt(
        user_id=user.id, session_id=session_id, question_id=question.id, stage=question.stage,
        kind=question.kind, **fields,
    )


def record_attempt(
    db: Session,
    user: User,
    question: Question,
    scheduler: Scheduler,
    *,
    answer: str,
    session_id: int | None = None,
    self_grade: Grade | None = None,
    rubric_hits: Sequence[int] = (),
    duration_s: float | None = None,
) -> Attempt:
    """Store an answer; finished (and scheduled for review) when self-graded."""
    check_session_card(db, user, session_id, question)
    now = utcnow()
    attempt = new_attempt(
        user, question, session_id, answer=answer, duration_s=duration_s, self_grade=self_grade,
        rubric_hits=check_rubric(question, rubric_hits), created_at=now,
        finished_at=now if self_grade else None,
    )
    db.add(attempt)
    db.commit()
    review.record_review(db, scheduler, user, attempt, question)
    maybe_finish_session(db, session_id)
    return attempt


def grade_attempt(
    db: Session, user: User, attempt: Attempt, question: Question, scheduler: Scheduler,
    self_grade: Grade, rubric_hits: Sequence[int],
) -> Attempt:
    attempt.self_grade = self_grade
    attempt.rubric_hits = check_rubric(question, rubric_hits)
    attempt.finished_at = utcnow()
    db.commit()
    review.record_review(db, scheduler, user, attempt, question)
    maybe_finish_session(db, attempt.session_id)
    return attempt


def reveal_solution(db: Session, attempt: Attempt) -> None:
    attempt.solution_revealed = True
    db.commit()


def get_attempt(db: Session, user: User, attempt_id: int) -> Attempt:
    return get_owned(db, Attempt, attempt_id, user, "attempt")


def list_attempts(
    db: Session,
    user: User,
    *,
    question_id: str | None = None,
    stage: str | None = None,
    session_id: int | None = None,
    kind: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[Attempt]:
    """Newest first."""
    query = select(Attempt).where(Attempt.user_id == user.id)
    if question_id is not None:
        query = query.where(Attempt.question_id == question_id)
    if stage is not None:
        query = query.where(Attempt.stage == stage)
    if session_id is not None:
        if not in_id_range(session_id):
            return []
        query = query.where(Attempt.session_id == session_id)
    if kind is not None:
        query = query.where(Attempt.kind == kind)
    query = query.order_by(Attempt.created_at.desc(), Attempt.id.desc()).limit(limit).offset(offset)
    return list(db.scalars(query))
