"""Accounts mode against the database: sign up, log in, and the sessions behind the cookie."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.clock import utcnow
from app.domain.vocabulary import N_
from app.services.errors import Invalid
from app.services.passwords import dummy_hash, hash_password, verify_password
from app.store.models import LOCAL_USER_NAME, LoginSession, User

COOKIE_NAME = "mianjing_session"
SESSION_LIFETIME = timedelta(days=30)  # sliding: every use (at most hourly) pushes it back
# The server's expires_at decides; the cookie itself lives as long as browsers allow (400 days)
# so the sliding expiry needs no Set-Cookie on every response.
COOKIE_MAX_AGE_S = 400 * 86400
TOUCH_INTERVAL = timedelta(hours=1)  # bounds the writes a busy browser causes
USERNAME_PATTERN = re.compile(r"[a-z0-9_.-]{3,32}")
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 1024  # scrypt hashes any length; this only bounds the work per request
RESERVED_NAMES = {LOCAL_USER_NAME}  # the laptop user: signing up as it would adopt its data
LOGIN_FAILED = N_("Wrong username or password.")  # one message: it must not tell which was wrong


class SignupRefused(Invalid):
    """The sign-up form is wrong: `field` names the input, `message` says why (a msgid)."""


def normalise_username(name: str) -> str:
    return name.strip().lower()


def signup(db: Session, username: str, password: str, *, code: str | None = None,
           required_code: str | None = None) -> User:
    """A new user with this password; raises SignupRefused naming the field at fault."""
    if required_code is not None and not secrets.compare_digest(
        (code or "").encode(), required_code.encode()
    ):
        raise SignupRefused("signup_code", N_("Wrong sign-up code."))
    name = normalise_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise SignupRefused("username", N_("Use 3 to 32 characters: a-z, 0-9, _ . -"))
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise SignupRefused("password", N_("Use at least 8 characters."))
    if name in RESERVED_NAMES or db.scalar(select(User.id).where(User.name == name)) is not None:
        raise SignupRefused("username", N_("This username is taken."))
    user = User(name=name, password_hash=hash_password(password))
    db.add(user)
    db.commit()
    return user


def authenticate(db: Session, username: str, password: str) -> User | None:
    """The user whose password this is; None otherwise (taking as long either way)."""
    name = normalise_username(username)
    too_long = len(password) > MAX_PASSWORD_CHARS
    user = None if too_long else db.scalar(select(User).where(User.name == name))
    if user is None or user.password_hash is None:
        verify_password(password, dummy_hash())
        return None
    return user if verify_password(password, user.password_hash) else None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Session, user: User, now: datetime | None = None) -> str:
    """A new login session for `user`; returns the cookie token (only its hash is stored)."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    db.add(LoginSession(user_id=user.id, token_hash=_token_hash(token), created_at=now,
                        last_seen_at=now, expires_at=now + SESSION_LIFETIME))
    db.execute(delete(LoginSession).where(LoginSession.expires_at <= now))  # tidy as we go
    db.commit()
    return token


def session_user(db: Session, token: str | None, now: datetime | None = None) -> User | None:
    """The user behind a cookie token; each use (at most hourly) slides the expiry on."""
    if not token or len(token) > 256:
        return None
    now = now or utcnow()
    login = db.scalar(select(LoginSession).where(LoginSession.token_hash == _token_hash(token)))
    if login is None or login.expires_at <= now:
        return None
    if now - login.last_seen_at >= TOUCH_INTERVAL:
        login.last_seen_at = now
        login.expires_at = now + SESSION_LIFETIME
        db.commit()
    return db.get(User, login.user_id)


def end_session(db: Session, token: str | None) -> None:
    if token:
        db.execute(delete(LoginSession).where(LoginSession.token_hash == _token_hash(token)))
        db.commit()
