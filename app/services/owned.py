"""Rows a user owns, found by id: another person's id answers NotFound, as if it did not exist."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from app.services.errors import NotFound
from app.store.models import Attempt, PracticeSession, ResumeItem, User, in_id_range

Owned = TypeVar("Owned", Attempt, PracticeSession, ResumeItem)


def get_owned(db: Session, model: type[Owned], row_id: int, user: User, what: str) -> Owned:
    """The `model` row `row_id` if `user` owns it; NotFound ("<what> <id> not found") otherwise."""
    row = db.get(model, row_id) if in_id_range(row_id) else None
    if row is None or row.user_id != user.id:
        raise NotFound(f"{what} {row_id} not found")
    return row
