"""The stored data: users, practice sessions and attempts (typed SQLAlchemy 2.0 ORM)."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.clock import utcnow
from app.store.base import Base, UTCDateTime

LOCAL_USER_NAME = "local"
MAX_DB_ID = 2**31 - 1  # PostgreSQL's integer keys (SQLite's are wider): larger ids cannot exist


def in_id_range(row_id: int) -> bool:
    """Whether a client-supplied id can name a row at all (bigger ones overflow the driver)."""
    return 0 < row_id <= MAX_DB_ID


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # app/passwords.py's "scrypt$n$r$p$salt$hash"; None for the local user, who never logs in.
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)


class LoginSession(Base):
    """A signed-in browser (accounts mode): only the SHA-256 of its cookie token is stored."""

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PracticeSession(Base):
    """One mock interview: a plan of cards taken stage by stage."""

    __tablename__ = "practice_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # [{"question_id": ..., "stage": ...}, ...] in the order they are asked.
    plan: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    lang: Mapped[str] = mapped_column(String(8), default="en")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    attempts: Mapped[list["Attempt"]] = relationship(
        back_populates="session", order_by="Attempt.id", passive_deletes=True
    )


class Attempt(Base):
    """One answer to one card: open text or code, with its verdict and self-grade."""

    __tablename__ = "attempt"
    __table_args__ = (
        Index("ix_attempt_user_created", "user_id", "created_at"),
        # Covers /progress's aggregates: they read this narrow index, never the wide rows.
        Index("ix_attempt_user_stats", "user_id", "kind", "status", "question_id", "created_at",
              "duration_s", "stage", "self_grade"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("practice_session.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(80), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(8))  # open | code
    answer: Mapped[str] = mapped_column(Text, default="")  # text answer, or the submitted code
    # Code cards: the grader's verdict {status, checks, feedback, stdout, duration_ms, line}.
    verdict: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    status: Mapped[str | None] = mapped_column(String(16), default=None)  # verdict status
    self_grade: Mapped[str | None] = mapped_column(String(8), default=None)
    rubric_hits: Mapped[list[int]] = mapped_column(JSON, default=list)
    duration_s: Mapped[float | None] = mapped_column(default=None)
    solution_revealed: Mapped[bool] = mapped_column(default=False)
    # The recording's name (attempt-<id>.<suffix>); its audio is a Recording row.
    recording_path: Mapped[str | None] = mapped_column(String(255), default=None)
    recording_duration_s: Mapped[float | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    session: Mapped[PracticeSession | None] = relationship(back_populates="attempts")


# Totals kept by database triggers on `attempt` (migration 0006), so /progress reads a few rows
# per user however many attempts there are. Rows whose count fell to 0 stay; readers skip them.

class ActivityDay(Base):
    """Attempts per user per UTC day: the heatmap."""

    __tablename__ = "activity_day"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    attempts: Mapped[int] = mapped_column(default=0)


class CardOutcome(Base):
    """Judged and passed attempts per user per card: pass rates by topic."""

    __tablename__ = "card_outcome"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    judged: Mapped[int] = mapped_column(default=0)
    passed: Mapped[int] = mapped_column(default=0)


class GradeCount(Base):
    """Self-graded attempts per user, stage and grade: grades per stage."""

    __tablename__ = "grade_count"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    stage: Mapped[str] = mapped_column(String(16), primary_key=True)
    self_grade: Mapped[str] = mapped_column(String(8), primary_key=True)
    attempts: Mapped[int] = mapped_column(default=0)



class Recording(Base):
    """The audio of an attempt's spoken answer, in the database so every instance serves it."""

    __tablename__ = "recording"

    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempt.id", ondelete="CASCADE"), primary_key=True
    )
    media_type: Mapped[str] = mapped_column(String(32))
    audio: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

class ResumeItem(Base):
    """One of the user's own projects or papers; mianjing asks follow-up cards about it."""

    __tablename__ = "resume_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # project | paper
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    key_numbers: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewCard(Base):
    """The FSRS memory state of one card for one user; created at its first review."""

    __tablename__ = "review_card"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id"),
        Index("ix_review_card_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    state: Mapped[int]  # fsrs.State: 1 learning, 2 review, 3 relearning
    step: Mapped[int | None] = mapped_column(default=None)
    stability: Mapped[float | None] = mapped_column(default=None)
    difficulty: Mapped[float | None] = mapped_column(default=None)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class ReviewLog(Base):
    """One review of one card: the rating, and the card's state before and after."""

    __tablename__ = "review_log"
    __table_args__ = (Index("ix_review_log_user_reviewed", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("review_card.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(80))
    # Re-grading an attempt replaces its review; the attempt may later be deleted with its data.
    attempt_id: Mapped[int | None] = mapped_column(
        ForeignKey("attempt.id", ondelete="SET NULL"), index=True, default=None
    )
    rating: Mapped[int]  # fsrs.Rating: 1 again, 2 hard, 3 good, 4 easy
    suggested_rating: Mapped[int | None] = mapped_column(default=None)  # code cards only
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int | None] = mapped_column(default=None)
    state_before: Mapped[int]  # 0 new (fsrs-optimizer's convention), else fsrs.State
    state_after: Mapped[int]
    due: Mapped[datetime] = mapped_column(UTCDateTime)  # when the card is scheduled next
    stability: Mapped[float]
    difficulty: Mapped[float]
    # fsrs Card.to_dict() before this review (None for a new card), to undo it on a re-grade.
    card_before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
