"""Typed FastAPI dependencies: the DB session, the current user, the bank, the grader."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.config import Settings
from app.domain.cards import QuestionBank
from app.services import accounts
from app.services import resume as resume_service
from app.services.attempts import local_user
from app.store.models import User


class LoginRequired(Exception):
    """Accounts mode and no valid session cookie: 401 for the API, a redirect for pages."""


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        session.info["settings"] = request.app.state.settings  # read by review_service
        yield session


DbDep = Annotated[Session, Depends(get_db)]


def get_optional_user(request: Request, db: DbDep) -> User | None:
    """The local user (local mode), or the session cookie's user; None when logged out."""
    if request.app.state.settings.auth_mode == "local":
        user: User | None = local_user(db)
    else:
        user = accounts.session_user(db, request.cookies.get(accounts.COOKIE_NAME))
    request.state.user = user  # the header shows who is signed in (pages.render)
    return user


OptionalUserDep = Annotated[User | None, Depends(get_optional_user)]


def get_user(user: OptionalUserDep) -> User:
    if user is None:
        raise LoginRequired
    return user


UserDep = Annotated[User, Depends(get_user)]


def get_shared_bank(request: Request) -> QuestionBank:
    return request.app.state.bank  # type: ignore[no-any-return]


def get_bank(request: Request, db: DbDep, user: OptionalUserDep) -> QuestionBank:
    """The shared bank plus this user's resume cards, so routes find both by id."""
    if user is None:  # accounts mode, logged out: the public question bank only
        return get_shared_bank(request)
    return resume_service.user_bank(db, user, get_shared_bank(request))


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_grader(request: Request) -> Any:
    return request.app.state.grader


BankDep = Annotated[QuestionBank, Depends(get_bank)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
GraderDep = Annotated[Any, Depends(get_grader)]
