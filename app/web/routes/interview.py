"""The mock interview: the home page that starts one, its cards one by one, its summary."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from app.domain.cards import Question, QuestionBank
from app.domain.interview import next_card, summarise
from app.domain.vocabulary import STAGES, Stage
from app.services import attempts, review, sessions
from app.services.errors import NotFound
from app.store.models import Attempt, PracticeSession
from app.web import i18n
from app.web.answering import answer_card, see_other, suggested_grade
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


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: DbDep, user: UserDep, bank: BankDep) -> HTMLResponse:
    recent_sessions = sessions.list_sessions(db, user, limit=5)
    recent = attempts.list_attempts(db, user, limit=5)
    counts = {stage: len(bank.filter(stage=stage)) for stage in STAGES}
    return render(request, "home.html", sessions=recent_sessions, recent=recent, counts=counts,
                  bank=bank, due_count=review.due_count(db, user, bank))


@router.post("/sessions")
def start_session(
    request: Request, db: DbDep, user: UserDep, bank: BankDep,
    stages: Annotated[list[str] | None, Form()] = None,
    per_stage: Annotated[int | None, Form(ge=1, le=20)] = None,
) -> Response:
    chosen = [Stage(s) for s in (stages or STAGES) if s in STAGES] or list(STAGES)
    session = sessions.start_interview(db, user, bank, lang=i18n.negotiate(request),
                                       stages=chosen, per_stage=per_stage)
    return see_other(f"/sessions/{session.id}")


@router.get("/sessions/{session_id}")
def session_next(session_id: int, db: DbDep, user: UserDep) -> Response:
    session = sessions.get_session(db, user, session_id)
    upcoming = next_card(sessions.session_progress(session))
    if upcoming is None:
        return see_other(f"/sessions/{session_id}/summary")
    return see_other(f"/sessions/{session_id}/cards/{upcoming.index}")


def _session_card(
    db: DbDep, user: UserDep, bank: QuestionBank, session_id: int, index: int
) -> tuple[PracticeSession, Question, Attempt | None]:
    session = sessions.get_session(db, user, session_id)
    if not 0 <= index < len(session.plan):
        raise NotFound(f"session {session_id} has no card {index}")
    question = question_or_404(bank, session.plan[index]["question_id"])
    tries = [a for a in session.attempts if a.question_id == question.id]
    return session, question, tries[-1] if tries else None


@router.get("/sessions/{session_id}/cards/{index}", response_class=HTMLResponse)
def session_card(
    request: Request, session_id: int, index: int, db: DbDep, user: UserDep, bank: BankDep,
    retry: bool = False, attempt: int | None = None,
) -> HTMLResponse:
    session, question, latest = _session_card(db, user, bank, session_id, index)
    # ?attempt= shows an earlier submission of this card; any other id falls back to the latest.
    chosen = next((a for a in session.attempts if a.id == attempt and a.question_id == question.id),
                  latest)
    shown = None if retry else chosen
    cards = sessions.session_progress(session)
    stage_elapsed = sum(
        c.duration_s or 0.0 for c in cards if c.stage == question.stage and c.index != index
    )
    stage_limit = sum(
        bank.by_id[c.question_id].spec.time_limit_s for c in cards
        if c.stage == question.stage and c.question_id in bank.by_id
    )
    base = f"/sessions/{session_id}/cards/{index}"
    return render(
        request, "card.html", question=question, attempt=shown,
        session=session, cards=cards, index=index, base_url=base,
        stage_elapsed=stage_elapsed, stage_limit=stage_limit,
        next_url=f"/sessions/{session_id}", suggested_grade=suggested_grade(db, question, shown),
    )


@router.post("/sessions/{session_id}/cards/{index}/answer")
async def session_answer(
    request: Request, session_id: int, index: int, db: DbDep, user: UserDep, bank: BankDep,
    settings: SettingsDep, grader: GraderDep, scheduler: SchedulerDep, limit: PerUserLimitDep,
    answer: Annotated[str, Form()] = "", duration_s: Annotated[float | None, Form(ge=0)] = None,
    audio: Annotated[UploadFile | None, File()] = None,
    recording_duration_s: Annotated[float | None, Form(ge=0, le=7200)] = None,
) -> Response:
    _, question, _ = _session_card(db, user, bank, session_id, index)
    return await answer_card(request, db, user, settings, grader, scheduler, limit, question,
                             answer, duration_s, session_id, index, audio, recording_duration_s)


@router.get("/sessions/{session_id}/summary", response_class=HTMLResponse)
def summary(request: Request, session_id: int, db: DbDep, user: UserDep,
            bank: BankDep) -> HTMLResponse:
    session = sessions.get_session(db, user, session_id)
    cards = sessions.session_progress(session)
    stages, revisit = summarise(cards, bank)
    return render(request, "summary.html", session=session, cards=cards, stages=stages,
                  revisit=revisit, bank=bank)
