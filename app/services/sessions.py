"""Mock interviews: start one from a plan, find it, follow its progress, finish it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cards import Question, QuestionBank
from app.domain.clock import utcnow
from app.domain.interview import CardProgress, PlannedCard, plan_interview, progress
from app.domain.vocabulary import STAGES, Stage
from app.services import resume
from app.services.errors import Invalid, NotFound
from app.services.owned import get_owned
from app.store.models import PracticeSession, User


def start_interview(
    db: Session, user: User, bank: QuestionBank, *, lang: str,
    stages: Sequence[Stage] = STAGES, per_stage: int | None = None,
    question_ids: Sequence[str] | None = None,
) -> PracticeSession:
    """Plan an interview (the seed interview by default, the user's resume cards first)."""
    for question_id in question_ids or ():
        if bank.get(question_id) is None:
            raise NotFound(f"question {question_id!r} not found")
    plan = plan_interview(bank, stages=stages, per_stage=per_stage, question_ids=question_ids,
                          own_cards=resume.session_cards(db, user))
    if not plan:
        raise Invalid("stages", "no cards in these stages")
    return create_session(db, user, plan, lang)


def create_session(db: Session, user: User, plan: Sequence[PlannedCard], lang: str) -> PracticeSession:
    session = PracticeSession(user_id=user.id, plan=[asdict(card) for card in plan], lang=lang)
    db.add(session)
    db.commit()
    return session


def get_session(db: Session, user: User, session_id: int) -> PracticeSession:
    return get_owned(db, PracticeSession, session_id, user, "practice session")


def session_progress(session: PracticeSession) -> list[CardProgress]:
    return progress(session.plan, session.attempts)


def list_sessions(db: Session, user: User, limit: int = 50) -> list[PracticeSession]:
    query = (
        select(PracticeSession)
        .where(PracticeSession.user_id == user.id)
        .order_by(PracticeSession.id.desc())
        .limit(limit)
    )
    return list(db.scalars(query))


def check_session_card(db: Session, user: User, session_id: int | None, question: Question) -> None:
    """The card must belong to the session (checked before grading: no wasted sandbox run)."""
    if session_id is None:
        return
    session = get_session(db, user, session_id)
    if question.id not in {card["question_id"] for card in session.plan}:
        raise Invalid("question_id", f"{question.id!r} is not part of session {session_id}")


def maybe_finish_session(db: Session, session_id: int | None) -> None:
    """Mark the interview finished once every card in it is self-graded."""
    if session_id is None:
        return
    session = db.get(PracticeSession, session_id)
    if session is None:
        return
    db.refresh(session, ["attempts"])
    if session.finished_at is None and all(card.graded for card in session_progress(session)):
        session.finished_at = utcnow()
        db.commit()
