"""Typed FastAPI dependencies: the DB session, the current user, the bank, the grader."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app import resume_service
from app.config import Settings
from app.models import User
from app.questions import QuestionBank
from app.services import local_user


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        session.info["settings"] = request.app.state.settings  # read by review_service
        yield session


DbDep = Annotated[Session, Depends(get_db)]


def get_user(db: DbDep) -> User:
    return local_user(db)


UserDep = Annotated[User, Depends(get_user)]


def get_shared_bank(request: Request) -> QuestionBank:
    return request.app.state.bank  # type: ignore[no-any-return]


def get_bank(request: Request, db: DbDep, user: UserDep) -> QuestionBank:
    """The shared bank plus this user's resume cards, so routes find both by id."""
    return resume_service.user_bank(db, user, get_shared_bank(request))


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_grader(request: Request) -> Any:
    return request.app.state.grader


BankDep = Annotated[QuestionBank, Depends(get_bank)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
GraderDep = Annotated[Any, Depends(get_grader)]
