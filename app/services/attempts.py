"""Use cases that touch the database: sessions, attempts, submissions, recordings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.cards import Question
from app.domain.interview import CardProgress, PlannedCard, progress
from app.services import review as review_service
from app.services.fairness import PerUserLimit
from app.store.db import utcnow
from app.store.models import LOCAL_USER_NAME, Attempt, PracticeSession, User

MAX_DB_ID = 2**63 - 1  # SQLite's INTEGER range: larger ids cannot exist, and would overflow


class NotFound(Exception):
    """An id that does not exist for this user (-> 404)."""


def _in_id_range(row_id: int) -> bool:
    return 0 < row_id <= MAX_DB_ID


class Invalid(Exception):
    """A well-formed request that makes no sense, e.g. a rubric point out of range (-> 422)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def local_user(db: Session) -> User:
    """The single user of a laptop install (hosted multi-user mode adds accounts later)."""
    user = db.scalar(select(User).where(User.name == LOCAL_USER_NAME))
    if user is None:
        user = User(name=LOCAL_USER_NAME)
        db.add(user)
        try:
            db.commit()
        except IntegrityError:  # two first requests at once: the other one created it
            db.rollback()
            user = db.scalars(select(User).where(User.name == LOCAL_USER_NAME)).one()
    return user


def create_session(db: Session, user: User, plan: Sequence[PlannedCard], lang: str) -> PracticeSession:
    session = PracticeSession(user_id=user.id, plan=[asdict(card) for card in plan], lang=lang)
    db.add(session)
    db.commit()
    return session


def get_session(db: Session, user: User, session_id: int) -> PracticeSession:
    session = db.get(PracticeSession, session_id) if _in_id_range(session_id) else None
    if session is None or session.user_id != user.id:
        raise NotFound(f"practice session {session_id} not found")
    return session


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
    """The card must belong to the session (routes call it before grading: no wasted sandbox run)."""
    if session_id is None:
        return
    session = get_session(db, user, session_id)
    if question.id not in {card["question_id"] for card in session.plan}:
        raise Invalid("question_id", f"{question.id!r} is not part of session {session_id}")


def _check_rubric(question: Question, rubric_hits: Sequence[int]) -> list[int]:
    points = len(question.spec.rubric)
    bad = [hit for hit in rubric_hits if not 0 <= hit < points]
    if bad:
        raise Invalid("rubric_hits", f"{bad} out of range: this card has {points} rubric points")
    return sorted(set(rubric_hits))


def _new_attempt(
    user: User, question: Question, session_id: int | None, **fields: Any
) -> Attempt:
    return Attempt(
        user_id=user.id, session_id=session_id, question_id=question.id, stage=question.stage,
        kind=question.kind, **fields,
    )


def record_attempt(
    db: Session,
    user: User,
    question: Question,
    *,
    answer: str,
    session_id: int | None = None,
    self_grade: str | None = None,
    rubric_hits: Sequence[int] = (),
    duration_s: float | None = None,
) -> Attempt:
    """Store an answer; finished when self-graded. One transaction: all or nothing."""
    check_session_card(db, user, session_id, question)
    now = utcnow()
    attempt = _new_attempt(
        user, question, session_id, answer=answer, duration_s=duration_s, self_grade=self_grade,
        rubric_hits=_check_rubric(question, rubric_hits), created_at=now,
        finished_at=now if self_grade else None,
    )
    db.add(attempt)
    db.commit()
    review_service.record_review(db, user, attempt, question)
    _maybe_finish_session(db, session_id)
    return attempt


def record_submission(
    db: Session,
    user: User,
    question: Question,
    *,
    code: str,
    verdict: dict[str, Any],
    session_id: int | None = None,
    duration_s: float | None = None,
) -> Attempt:
    """Store graded code as an attempt; the self-grade comes later."""
    check_session_card(db, user, session_id, question)
    attempt = _new_attempt(
        user, question, session_id, answer=code, duration_s=duration_s, verdict=verdict,
        status=verdict["status"],
    )
    db.add(attempt)
    db.commit()
    return attempt


def grade_attempt(
    db: Session, user: User, attempt: Attempt, question: Question, self_grade: str,
    rubric_hits: Sequence[int],
) -> Attempt:
    attempt.self_grade = self_grade
    attempt.rubric_hits = _check_rubric(question, rubric_hits)
    attempt.finished_at = utcnow()
    db.commit()
    review_service.record_review(db, user, attempt, question)
    _maybe_finish_session(db, attempt.session_id)
    return attempt


def reveal_solution(db: Session, attempt: Attempt) -> None:
    attempt.solution_revealed = True
    db.commit()


def _maybe_finish_session(db: Session, session_id: int | None) -> None:
    if session_id is None:
        return
    session = db.get(PracticeSession, session_id)
    if session is None:
        return
    db.refresh(session, ["attempts"])
    if session.finished_at is None and all(card.graded for card in session_progress(session)):
        session.finished_at = utcnow()
        db.commit()


def get_attempt(db: Session, user: User, attempt_id: int) -> Attempt:
    attempt = db.get(Attempt, attempt_id) if _in_id_range(attempt_id) else None
    if attempt is None or attempt.user_id != user.id:
        raise NotFound(f"attempt {attempt_id} not found")
    return attempt


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
        if not _in_id_range(session_id):
            return []
        query = query.where(Attempt.session_id == session_id)
    if kind is not None:
        query = query.where(Attempt.kind == kind)
    query = query.order_by(Attempt.created_at.desc(), Attempt.id.desc()).limit(limit).offset(offset)
    return list(db.scalars(query))


def save_recording(
    db: Session, attempt: Attempt, recordings_dir: Path, audio: bytes, suffix: str,
    duration_s: float | None,
) -> None:
    """Write the file first, then point the row at it: a crash leaves no row without its file."""
    recordings_dir.mkdir(parents=True, exist_ok=True)
    name = f"attempt-{attempt.id}{suffix}"
    temporary = recordings_dir / f".{name}.part"
    temporary.write_bytes(audio)
    temporary.replace(recordings_dir / name)
    old = attempt.recording_path
    attempt.recording_path = name
    attempt.recording_duration_s = duration_s
    db.commit()
    if old and old != name:
        (recordings_dir / old).unlink(missing_ok=True)


def delete_recording(db: Session, attempt: Attempt, recordings_dir: Path) -> None:
    name = attempt.recording_path
    attempt.recording_path = None
    attempt.recording_duration_s = None
    db.commit()
    if name:
        (recordings_dir / name).unlink(missing_ok=True)


class GraderUnavailable(Exception):
    """Code grading is switched off (MIANJING_GRADER_WORKERS=0) or did not start."""


async def grade_code(
    grader: Any, question: Question, code: str, *, user: User, limit: PerUserLimit | None = None
) -> dict[str, Any]:
    """Run the sandboxed grader; the verdict as a plain dict ready for the attempt row."""
    if grader is None:
        raise GraderUnavailable("code grading is switched off on this server")
    status = grader.status()
    if status.get("state") in ("failed", "closed"):  # no worker could start: say so, don't hang
        raise GraderUnavailable(f"the grader is not running: {status.get('error', status['state'])}")
    if limit is None:
        return asdict(await grader.grade(question.code_card, code))
    with limit.hold(user.id):
        return asdict(await grader.grade(question.code_card, code))
