"""Every attempt, newest first; one attempt's page; grading, revealing and recordings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from app.domain.vocabulary import STAGES, Grade
from app.services import attempts, recordings, sessions
from app.web.answering import see_other
from app.web.deps import BankDep, DbDep, SchedulerDep, UserDep, question_or_404
from app.web.templating import render

router = APIRouter(include_in_schema=False)


PAGE_SIZE = 50  # a page of history stays as quick with 10,000 attempts as with 10


@router.get("/history", response_class=HTMLResponse)
def history(
    request: Request, db: DbDep, user: UserDep, bank: BankDep, stage: str | None = None,
    question_id: str | None = None, session_id: int | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    stage = stage if stage in STAGES else None
    question_id = question_id or None
    found = attempts.list_attempts(
        db, user, stage=stage, question_id=question_id, session_id=session_id,
        limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE,
    )
    return render(request, "history.html", attempts=found[:PAGE_SIZE],
                  sessions=sessions.list_sessions(db, user, limit=20), bank=bank, stage=stage,
                  question_id=question_id, page=page, has_older=len(found) > PAGE_SIZE)


@router.get("/attempts/{attempt_id}", response_class=HTMLResponse)
def attempt_page(request: Request, attempt_id: int, db: DbDep, user: UserDep,
                 bank: BankDep) -> HTMLResponse:
    attempt = attempts.get_attempt(db, user, attempt_id)
    return render(request, "attempt.html", attempt=attempt, question=bank.get(attempt.question_id))


@router.post("/attempts/{attempt_id}/grade")
def grade(
    attempt_id: int, db: DbDep, user: UserDep, bank: BankDep, scheduler: SchedulerDep,
    self_grade: Annotated[Grade, Form()], rubric: Annotated[list[int] | None, Form()] = None,
) -> Response:
    attempt = attempts.get_attempt(db, user, attempt_id)
    question = question_or_404(bank, attempt.question_id)
    attempts.grade_attempt(db, user, attempt, question, scheduler, self_grade, rubric or [])
    if attempt.session_id is not None:
        return see_other(f"/sessions/{attempt.session_id}")
    return see_other(f"/questions/{question.id}?attempt={attempt.id}")


@router.post("/attempts/{attempt_id}/recording/delete")
def delete_recording(attempt_id: int, db: DbDep, user: UserDep) -> Response:
    attempt = attempts.get_attempt(db, user, attempt_id)
    recordings.delete_recording(db, attempt)
    return see_other(f"/attempts/{attempt.id}")


@router.post("/attempts/{attempt_id}/reveal")
def reveal(attempt_id: int, db: DbDep, user: UserDep) -> Response:
    attempt = attempts.get_attempt(db, user, attempt_id)
    attempts.reveal_solution(db, attempt)
    session = attempt.session
    if session is not None:
        index = next(i for i, c in enumerate(session.plan) if c["question_id"] == attempt.question_id)
        return see_other(f"/sessions/{session.id}/cards/{index}#solution")
    return see_other(f"/questions/{attempt.question_id}?attempt={attempt.id}#solution")
