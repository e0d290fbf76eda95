"""Typed FastAPI dependencies: the DB session, the current user, the bank, the grader, limits."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fsrs import Scheduler
from sqlalchemy.orm import Session

from app.config import Settings
from app.domain.cards import Question, QuestionBank
from app.judge import GraderLike
from app.services import accounts, resume
from app.services.errors import NotFound
from app.services.limits import Throttle, UserLimit
from app.services.users import local_user
from app.store.models import User
from app.web.errors import LoginRequired


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


DbDep = Annotated[Session, Depends(get_db)]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_optional_user(request: Request, db: DbDep, settings: SettingsDep) -> User | None:
    """The local user (local mode), or the session cookie's user; None when logged out."""
    if settings.auth_mode == "local":
        user: User | None = local_user(db)
    else:
        user = accounts.session_user(db, request.cookies.get(accounts.COOKIE_NAME))
    request.state.user = user  # the header shows who is signed in (templating.render)
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
    return resume.user_bank(db, user, get_shared_bank(request))


BankDep = Annotated[QuestionBank, Depends(get_bank)]


def get_grader(request: Request) -> GraderLike | None:
    return request.app.state.grader  # type: ignore[no-any-return]


GraderDep = Annotated[GraderLike | None, Depends(get_grader)]


def get_scheduler(request: Request) -> Scheduler:
    """FSRS with this instance's retention and fuzzing settings, built once at start-up."""
    return request.app.state.scheduler  # type: ignore[no-any-return]


SchedulerDep = Annotated[Scheduler, Depends(get_scheduler)]


def get_per_user_limit(request: Request) -> UserLimit:
    return request.app.state.per_user_limit  # type: ignore[no-any-return]


PerUserLimitDep = Annotated[UserLimit, Depends(get_per_user_limit)]


def get_login_throttle(request: Request) -> Throttle:
    return request.app.state.login_throttle  # type: ignore[no-any-return]


LoginThrottleDep = Annotated[Throttle, Depends(get_login_throttle)]


def question_or_404(bank: QuestionBank, question_id: str) -> Question:
    question = bank.get(question_id)
    if question is None:
        raise NotFound(f"question {question_id!r} not found")
    return question
