"""Who is practising: the implicit user of a laptop install."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store.models import LOCAL_USER_NAME, User


def local_user(db: Session) -> User:
    """The single user of a laptop install (accounts mode has one row per person instead)."""
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
