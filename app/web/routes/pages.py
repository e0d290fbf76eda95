"""Server-rendered pages: the mock interview, single-card practice and history."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool

from app.config import REPO_ROOT
from app.domain.cards import STAGES, Question, QuestionBank
from app.domain.interview import GRADES, next_card, plan_interview, summarise
from app.domain.markdown import pygments_css, render_markdown
from app.services import accounts
from app.services import attempts as services
from app.services import resume as resume_service
from app.services import review as review_service
from app.store.models import Attempt, PracticeSession
from app.web import i18n
from app.web.deps import BankDep, DbDep, GraderDep, SettingsDep, UserDep
from app.web.routes.api import check_size, question_or_404, read_audio

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(REPO_ROOT / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
)
templates.env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
templates.env.globals.update(STAGES=STAGES, GRADES=GRADES, render_markdown=render_markdown)
templates.env.globals["js_catalog"] = i18n.js_catalog  # the JS bundle's strings (base.html)
# The header's links: (path, label, keyboard shortcut). Other page families append theirs.
NAV_LINKS: list[tuple[str, str, str]] = [("/questions", "Questions", "q"), ("/history", "History", "y")]
templates.env.globals["nav_links"] = NAV_LINKS
HIGHLIGHT_CSS = pygments_css()


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang = i18n.negotiate(request)
    i18n.current_lang.set(lang)
    context.setdefault("highlight_css", HIGHLIGHT_CSS)
    # The header's "Signed in as" (accounts mode); set by deps.get_optional_user when resolved.
    settings = getattr(request.app.state, "settings", None)
    context.setdefault("accounts_mode", settings is not None and settings.auth_mode == "accounts")
    context.setdefault("current_user", _current_user(request) if context["accounts_mode"] else None)
    response = templates.TemplateResponse(
        request, name, {"lang": lang, **context}, status_code=status_code
    )
    if request.query_params.get("lang") in i18n.SUPPORTED:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def _current_user(request: Request) -> Any:
    """The signed-in user for the header; looked up here when the route did not need one."""
    if not hasattr(request.state, "user"):
        with request.app.state.sessionmaker() as db:
            request.state.user = accounts.session_user(
                db, request.cookies.get(accounts.COOKIE_NAME)
            )
    return request.state.user


def render_error(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code, code=status_code, message=message)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: DbDep, user: UserDep, bank: BankDep) -> HTMLResponse:
    sessions = services.list_sessions(db, user, limit=5)
    recent = services.list_attempts(db, user, limit=5)
    counts = {stage: len(bank.filter(stage=stage)) for stage in STAGES}
    return render(request, "home.html", sessions=sessions, recent=recent, counts=counts, bank=bank,
                  due_count=review_service.due_count(db, user, bank))


@router.post("/sessions")
def start_session(
    request: Request,
    db: DbDep,
    user: UserDep,
    bank: BankDep,
    stages: Annotated[list[str] | None, Form()] = None,
    per_stage: Annotated[int | None, Form(ge=1, le=20)] = None,
) -> Response:
    chosen = [s for s in (stages or STAGES) if s in STAGES] or list(STAGES)
    plan = plan_interview(bank, stages=chosen, per_stage=per_stage,
                          own_cards=resume_service.session_cards(db, user))
    if not plan:
        raise HTTPException(422, "no cards in the chosen stages")
    session = services.create_session(db, user, plan, i18n.negotiate(request))
    return _see_other(f"/sessions/{session.id}")


@router.get("/sessions/{session_id}")
def session_next(session_id: int, db: DbDep, user: UserDep) -> Response:
    session = services.get_session(db, user, session_id)
    upcoming = next_card(services.session_progress(session))
    if upcoming is None:
        return _see_other(f"/sessions/{session_id}/summary")
    return _see_other(f"/sessions/{session_id}/cards/{upcoming.index}")


def _session_card(
    db: DbDep, user: UserDep, bank: QuestionBank, session_id: int, index: int
) -> tuple[PracticeSession, Question, Attempt | None]:
    session = services.get_session(db, user, session_id)
    if not 0 <= index < len(session.plan):
        raise HTTPException(404, f"session {session_id} has no card {index}")
    question = question_or_404(bank, session.plan[index]["question_id"])
    attempts = [a for a in session.attempts if a.question_id == question.id]
    return session, question, attempts[-1] if attempts else None


@router.get("/sessions/{session_id}/cards/{index}", response_class=HTMLResponse)
def session_card(
    request: Request, session_id: int, index: int, db: DbDep, user: UserDep, bank: BankDep,
    retry: bool = False, attempt: int | None = None,
) -> HTMLResponse:
    session, question, latest = _session_card(db, user, bank, session_id, index)
    # ?attempt= shows an earlier submission of this card; any other id falls back to the latest.
    chosen = next((a for a in session.attempts if a.id == attempt and a.question_id == question.id), latest)
    cards = services.session_progress(session)
    stage_elapsed = sum(
        c.duration_s or 0.0 for c in cards if c.stage == question.stage and c.index != index
    )
    stage_limit = sum(
        bank.by_id[c.question_id].spec.time_limit_s for c in cards
        if c.stage == question.stage and c.question_id in bank.by_id
    )
    base = f"/sessions/{session_id}/cards/{index}"
    return render(
        request, "card.html", question=question, attempt=None if retry else chosen,
        session=session, cards=cards, index=index, base_url=base,
        stage_elapsed=stage_elapsed, stage_limit=stage_limit,
        next_url=f"/sessions/{session_id}",
    )


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
    current = services.get_attempt(db, user, attempt) if attempt is not None else None
    if current is not None and current.question_id != question.id:
        raise HTTPException(404, f"attempt {attempt} is not for {question_id}")
    base = f"/questions/{question_id}"
    return render(request, "card.html", question=question, attempt=current, session=None,
                  cards=[], index=None, base_url=base, stage_elapsed=0, stage_limit=0,
                  next_url="/questions")


def _card_url(session_id: int | None, index: int | None, question_id: str, attempt_id: int) -> str:
    if session_id is not None:
        return f"/sessions/{session_id}/cards/{index}?attempt={attempt_id}"
    return f"/questions/{question_id}?attempt={attempt_id}"


async def _answer(
    request: Request, db: Any, user: Any, settings: Any, grader: Any, question: Question,
    answer: str, duration_s: float | None, session_id: int | None, index: int | None,
    audio: UploadFile | None = None, recording_duration_s: float | None = None,
) -> Response:
    check_size(answer, "answer", settings.max_code_bytes)
    if question.kind == "open":
        recording = None
        if audio is not None and audio.filename:  # the form's file input may be left empty
            recording = await read_audio(audio, settings.max_recording_bytes)
        attempt = services.record_attempt(
            db, user, question, answer=answer, session_id=session_id, duration_s=duration_s
        )
        if recording is not None:
            services.save_recording(db, attempt, settings.recordings_dir, recording[0],
                                    recording[1], duration_s=recording_duration_s)
        return _see_other(_card_url(session_id, index, question.id, attempt.id))
    verdict = await services.grade_code(
        grader, question, answer, user=user, limit=request.app.state.per_user_limit
    )
    attempt = await run_in_threadpool(
        services.record_submission, db, user, question, code=answer, verdict=verdict,
        session_id=session_id, duration_s=duration_s,
    )
    if _is_htmx(request):
        reveal_url = _card_url(session_id, index, question.id, attempt.id) + "#reveal-heading"
        return render(request, "_verdict.html", attempt=attempt, question=question,
                      reveal_url=reveal_url)
    return _see_other(_card_url(session_id, index, question.id, attempt.id))


@router.post("/sessions/{session_id}/cards/{index}/answer")
async def session_answer(
    request: Request, session_id: int, index: int, db: DbDep, user: UserDep, bank: BankDep,
    settings: SettingsDep, grader: GraderDep,
    answer: Annotated[str, Form()] = "", duration_s: Annotated[float | None, Form(ge=0)] = None,
    audio: Annotated[UploadFile | None, File()] = None,
    recording_duration_s: Annotated[float | None, Form(ge=0, le=7200)] = None,
) -> Response:
    _, question, _ = _session_card(db, user, bank, session_id, index)
    return await _answer(request, db, user, settings, grader, question, answer, duration_s,
                         session_id, index, audio, recording_duration_s)


@router.post("/questions/{question_id}/answer")
async def single_answer(
    request: Request, question_id: str, db: DbDep, user: UserDep, bank: BankDep,
    settings: SettingsDep, grader: GraderDep,
    answer: Annotated[str, Form()] = "", duration_s: Annotated[float | None, Form(ge=0)] = None,
    audio: Annotated[UploadFile | None, File()] = None,
    recording_duration_s: Annotated[float | None, Form(ge=0, le=7200)] = None,
) -> Response:
    question = question_or_404(bank, question_id)
    return await _answer(request, db, user, settings, grader, question, answer, duration_s,
                         None, None, audio, recording_duration_s)


@router.post("/attempts/{attempt_id}/grade")
def grade(
    attempt_id: int, db: DbDep, user: UserDep, bank: BankDep,
    self_grade: Annotated[str, Form()], rubric: Annotated[list[int] | None, Form()] = None,
) -> Response:
    if self_grade not in GRADES:
        raise HTTPException(422, f"self_grade must be one of {', '.join(GRADES)}")
    attempt = services.get_attempt(db, user, attempt_id)
    question = question_or_404(bank, attempt.question_id)
    services.grade_attempt(db, user, attempt, question, self_grade, rubric or [])
    if attempt.session_id is not None:
        return _see_other(f"/sessions/{attempt.session_id}")
    return _see_other(f"/questions/{question.id}?attempt={attempt.id}")


@router.post("/attempts/{attempt_id}/recording/delete")
def delete_recording(
    request: Request, attempt_id: int, db: DbDep, user: UserDep, settings: SettingsDep
) -> Response:
    attempt = services.get_attempt(db, user, attempt_id)
    services.delete_recording(db, attempt, settings.recordings_dir)
    return _see_other(f"/attempts/{attempt.id}")


@router.post("/attempts/{attempt_id}/reveal")
def reveal(attempt_id: int, db: DbDep, user: UserDep, bank: BankDep) -> Response:
    attempt = services.get_attempt(db, user, attempt_id)
    services.reveal_solution(db, attempt)
    session = attempt.session
    if session is not None:
        index = next(i for i, c in enumerate(session.plan) if c["question_id"] == attempt.question_id)
        return _see_other(f"/sessions/{session.id}/cards/{index}#solution")
    return _see_other(f"/questions/{attempt.question_id}?attempt={attempt.id}#solution")


@router.get("/sessions/{session_id}/summary", response_class=HTMLResponse)
def summary(request: Request, session_id: int, db: DbDep, user: UserDep,
            bank: BankDep) -> HTMLResponse:
    session = services.get_session(db, user, session_id)
    cards = services.session_progress(session)
    stages, revisit = summarise(cards, bank)
    return render(request, "summary.html", session=session, cards=cards, stages=stages,
                  revisit=revisit, bank=bank)


@router.get("/history", response_class=HTMLResponse)
def history(
    request: Request, db: DbDep, user: UserDep, bank: BankDep, stage: str | None = None,
    question_id: str | None = None, session_id: int | None = None,
) -> HTMLResponse:
    stage = stage if stage in STAGES else None
    question_id = question_id or None
    attempts = services.list_attempts(
        db, user, stage=stage, question_id=question_id, session_id=session_id
    )
    sessions = services.list_sessions(db, user)
    return render(request, "history.html", attempts=attempts, sessions=sessions, bank=bank,
                  stage=stage, question_id=question_id)


@router.get("/attempts/{attempt_id}", response_class=HTMLResponse)
def attempt_page(request: Request, attempt_id: int, db: DbDep, user: UserDep,
                 bank: BankDep) -> HTMLResponse:
    attempt = services.get_attempt(db, user, attempt_id)
    return render(request, "attempt.html", attempt=attempt, question=bank.get(attempt.question_id))
