"""The stored data: users, practice sessions and attempts (typed SQLAlchemy 2.0 ORM)."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, UTCDateTime, utcnow

LOCAL_USER_NAME = "local"


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


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
    __table_args__ = (Index("ix_attempt_user_created", "user_id", "created_at"),)

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
    recording_path: Mapped[str | None] = mapped_column(String(255), default=None)
    recording_duration_s: Mapped[float | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    session: Mapped[PracticeSession | None] = relationship(back_populates="attempts")
