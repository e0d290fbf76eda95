"""The question bank as pages: the list, one card to practise on its own."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from app.domain.vocabulary import STAGES
from app.services import attempts
from app.services.errors import NotFound
from app.web.answering import answer_card, suggested_grade
from app.web.deps import (
    BankDep,
    DbDep,
    GraderDep,
    PerUserLimitDep,
    SchedulerDep,
    SettingsDep,
    UserDep,
    question_or_404,
)
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/questions", response_class=HTMLResponse)
def question_list(request: Request, bank: BankDep, stage: str | None = None,
                  tag: str | None = None) -> HTMLResponse:
    stage = stage if stage in STAGES else None
    return render(request, "questions.html", questions=bank.filter(stage=stage, tag=tag),
                  stage=stage, tag=tag)


@router.get("/questions/{question_id}", response_class=HTMLResponse)
def question_page(
    request: Request, question_id: str, db: DbDep, user: UserDep, bank: BankDep,
    attempt: int | None = None,
) -> HTMLResponse:
    question = question_or_404(bank, question_id)
    current = attempts.get_attempt(db, user, attempt) if attempt is not None else None
    if current is not None and current.question_id != question.id:
        raise NotFound(f"attempt {attempt} is not for {question_id}")
    base = f"/questions/{question_id}"
    return render(request, "card.html", question=question, attempt=current, session=None,
                  cards=[], index=None, base_url=base, stage_elapsed=0, stage_limit=0,
                  next_url="/questions", suggested_grade=suggested_grade(db, question, current))


@router.post("/questions/{question_id}/answer")
async def single_answer(
    request: Request, question_id: str, db: DbDep, user: UserDep, bank: BankDep,
    settings: SettingsDep, grader: GraderDep, scheduler: SchedulerDep, limit: PerUserLimitDep,
    answer: Annotated[str, Form()] = "", duration_s: Annotated[float | None, Form(ge=0)] = None,
    audio: Annotated[UploadFile | None, File()] = None,
    recording_duration_s: Annotated[float | None, Form(ge=0, le=7200)] = None,
) -> Response:
    question = question_or_404(bank, question_id)
    return await answer_card(request, db, user, settings, grader, scheduler, limit, question,
                             answer, duration_s, None, None, audio, recording_duration_s)
