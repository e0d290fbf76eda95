"""The JSON API under /api/ (documented in the generated OpenAPI at /docs)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile, status
from fastapi.responses import PlainTextResponse

from app.domain.vocabulary import STAGES, Lang, Stage
from app.services import attempts, data, recordings, resume, review, sessions
from app.services.errors import NotFound
from app.services.submit_code import submit_code
from app.web import i18n, presenters
from app.web.answering import read_upload
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
from app.web.routes.data import export_response, import_document
from app.web.schemas import (
    API_ERROR_RESPONSES,
    AttemptCreate,
    AttemptGrade,
    AttemptOut,
    DeleteOut,
    DueOut,
    ErrorOut,
    ImportOut,
    QuestionDetail,
    QuestionSummary,
    ResumeItemCreate,
    ResumeItemOut,
    SessionCreate,
    SessionOut,
    SubmissionCreate,
    SubmissionOut,
    TopicOut,
    WeakestOut,
)

router = APIRouter(prefix="/api", responses=API_ERROR_RESPONSES)
LangQuery = Annotated[Lang, Query(description="Language of the card text.")]


# ---- questions and interviews ---------------------------------------------------------------

@router.get("/questions", response_model=list[QuestionSummary], tags=["api"])
def list_questions(
    bank: BankDep, stage: Annotated[Stage | None, Query()] = None,
    tag: Annotated[str | None, Query(max_length=80)] = None, lang: LangQuery = Lang.EN,
) -> list[QuestionSummary]:
    return [presenters.question_summary(q, lang) for q in bank.filter(stage=stage, tag=tag)]


@router.get("/questions/{question_id}", response_model=QuestionDetail, tags=["api"])
def get_question(question_id: str, bank: BankDep, lang: LangQuery = Lang.EN) -> QuestionDetail:
    return presenters.question_detail(question_or_404(bank, question_id), lang)


@router.post("/sessions", response_model=SessionOut, status_code=status.HTTP_201_CREATED,
             tags=["api"])
def create_session(db: DbDep, user: UserDep, bank: BankDep,
                   body: SessionCreate | None = None) -> SessionOut:
    body = body or SessionCreate()
    session = sessions.start_interview(db, user, bank, lang=body.lang,
                                       stages=body.stages or STAGES, per_stage=body.per_stage,
                                       question_ids=body.question_ids)
    return presenters.session_out(session)


@router.get("/sessions", response_model=list[SessionOut], tags=["api"])
def list_sessions(db: DbDep, user: UserDep) -> list[SessionOut]:
    return [presenters.session_out(s) for s in sessions.list_sessions(db, user)]


@router.get("/sessions/{session_id}", response_model=SessionOut, tags=["api"])
def get_session(session_id: int, db: DbDep, user: UserDep) -> SessionOut:
    return presenters.session_out(sessions.get_session(db, user, session_id))


# ---- attempts --------------------------------------------------------------------------------

@router.post("/attempts", response_model=AttemptOut, status_code=status.HTTP_201_CREATED,
             tags=["api"])
def create_attempt(body: AttemptCreate, db: DbDep, user: UserDep, bank: BankDep,
                   settings: SettingsDep, scheduler: SchedulerDep) -> AttemptOut:
    question = question_or_404(bank, body.question_id)
    attempts.check_text("answer", body.answer, settings.max_code_bytes)
    attempt = attempts.record_attempt(
        db, user, question, scheduler, answer=body.answer, session_id=body.session_id,
        self_grade=body.self_grade, rubric_hits=body.rubric_hits, duration_s=body.duration_s,
    )
    return presenters.attempt_out(attempt)


@router.get("/attempts", response_model=list[AttemptOut], tags=["api"])
def list_attempts(
    db: DbDep, user: UserDep,
    question_id: Annotated[str | None, Query(max_length=80)] = None,
    stage: Annotated[Stage | None, Query()] = None,
    session_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AttemptOut]:
    found = attempts.list_attempts(db, user, question_id=question_id, stage=stage,
                                   session_id=session_id, limit=limit, offset=offset)
    return [presenters.attempt_out(a) for a in found]


@router.get("/attempts/{attempt_id}", response_model=AttemptOut, tags=["api"])
def get_attempt(attempt_id: int, db: DbDep, user: UserDep) -> AttemptOut:
    return presenters.attempt_out(attempts.get_attempt(db, user, attempt_id))


@router.patch("/attempts/{attempt_id}", response_model=AttemptOut, tags=["api"])
def grade_attempt(attempt_id: int, body: AttemptGrade, db: DbDep, user: UserDep, bank: BankDep,
                  scheduler: SchedulerDep) -> AttemptOut:
    attempt = attempts.get_attempt(db, user, attempt_id)
    question = question_or_404(bank, attempt.question_id)
    attempts.grade_attempt(db, user, attempt, question, scheduler, body.self_grade,
                           body.rubric_hits)
    return presenters.attempt_out(attempt)


@router.post("/attempts/{attempt_id}/reveal", response_model=AttemptOut, tags=["api"])
def reveal_solution(attempt_id: int, db: DbDep, user: UserDep) -> AttemptOut:
    attempt = attempts.get_attempt(db, user, attempt_id)
    attempts.reveal_solution(db, attempt)
    return presenters.attempt_out(attempt)


@router.post("/attempts/{attempt_id}/recording", response_model=AttemptOut, tags=["api"],
             responses={415: {"model": ErrorOut}})
async def upload_recording(
    attempt_id: int, db: DbDep, user: UserDep, settings: SettingsDep,
    audio: Annotated[UploadFile, File(description="The recorded answer (webm/ogg/mp4/mpeg/wav).")],
    duration_s: Annotated[float | None, Form(ge=0, le=7200)] = None,
) -> AttemptOut:
    attempt = attempts.get_attempt(db, user, attempt_id)
    audio_bytes, suffix = await read_upload(audio, settings.max_recording_bytes)
    recordings.save_recording(db, attempt, audio_bytes, suffix, duration_s)
    return presenters.attempt_out(attempt)


@router.get("/attempts/{attempt_id}/recording", response_class=Response, tags=["api"],
            responses={200: {"content": {media: {} for media in recordings.AUDIO_TYPES}}})
def get_recording(attempt_id: int, db: DbDep, user: UserDep) -> Response:
    attempt = attempts.get_attempt(db, user, attempt_id)
    audio, media_type = recordings.recording_audio(db, attempt)
    return Response(audio, media_type=media_type, headers={"Cache-Control": "private"})


@router.delete("/attempts/{attempt_id}/recording", status_code=status.HTTP_204_NO_CONTENT,
               tags=["api"])
def delete_recording(attempt_id: int, db: DbDep, user: UserDep) -> Response:
    attempt = attempts.get_attempt(db, user, attempt_id)
    recordings.delete_recording(db, attempt)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- submissions -----------------------------------------------------------------------------

@router.post(
    "/submissions", response_model=SubmissionOut, status_code=status.HTTP_201_CREATED,
    tags=["api"],
    responses={413: {"model": ErrorOut}, 429: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
async def create_submission(
    request: Request, body: SubmissionCreate, db: DbDep, user: UserDep, bank: BankDep,
    settings: SettingsDep, grader: GraderDep, limit: PerUserLimitDep,
) -> SubmissionOut:
    """Grade code in the sandbox; the verdict (in `lang`, else Accept-Language) is stored."""
    question = question_or_404(bank, body.question_id)
    attempt = await submit_code(
        db, user, question, body.code, grader=grader, limit=limit,
        max_code_bytes=settings.max_code_bytes, session_id=body.session_id,
        duration_s=body.duration_s,
    )
    return presenters.submission_out(attempt, body.lang or i18n.from_accept_language(request))


@router.get("/submissions/{submission_id}", response_model=SubmissionOut, tags=["api"])
def get_submission(request: Request, submission_id: int, db: DbDep, user: UserDep,
                   lang: Annotated[Lang | None, Query()] = None) -> SubmissionOut:
    attempt = attempts.get_attempt(db, user, submission_id)
    if attempt.verdict is None:
        raise NotFound(f"submission {submission_id} not found")
    return presenters.submission_out(attempt, lang or i18n.from_accept_language(request))


# ---- review ----------------------------------------------------------------------------------

@router.get("/review/due", response_model=DueOut, tags=["review"])
def review_due(db: DbDep, user: UserDep, bank: BankDep, lang: LangQuery = Lang.EN,
               new_limit: Annotated[int, Query(ge=0, le=100)] = 10) -> DueOut:
    """Cards due now (most overdue first, open and code mixed) and a few new ones."""
    now = datetime.now(UTC)
    due = review.due_queue(db, user, bank, now)
    fresh = review.new_cards(db, user, bank, limit=new_limit)
    return DueOut(now=now, due_count=len(due),
                  due=[presenters.queue_card_out(i, lang) for i in due],
                  new=[presenters.queue_card_out(i, lang) for i in fresh])


@router.get("/review/weakest", response_model=WeakestOut, tags=["review"])
def review_weakest(db: DbDep, user: UserDep, bank: BankDep, tag: str | None = None,
                   lang: LangQuery = Lang.EN) -> WeakestOut:
    """Topics by retrievability, and the cards of the weakest (or the given) tag."""
    topics, chosen, cards = review.weakest(db, user, bank, tag)
    return WeakestOut(
        topics=[TopicOut(tag=t.tag, cards=t.cards, retrievability=round(t.retrievability, 4))
                for t in topics],
        tag=chosen, cards=[presenters.queue_card_out(c, lang) for c in cards],
    )


# ---- resume deck -----------------------------------------------------------------------------

@router.get("/resume", response_model=list[ResumeItemOut], tags=["resume"])
def resume_list(db: DbDep, user: UserDep) -> list[ResumeItemOut]:
    return [presenters.resume_item_out(item) for item in resume.list_items(db, user)]


@router.post("/resume", response_model=ResumeItemOut, status_code=status.HTTP_201_CREATED,
             tags=["resume"])
def resume_add(body: ResumeItemCreate, db: DbDep, user: UserDep) -> ResumeItemOut:
    """Add a project or paper; its follow-up cards (`card_ids`) join your deck at once."""
    return presenters.resume_item_out(resume.create_item(db, user, **body.model_dump()))


@router.delete("/resume/{item_id}", status_code=status.HTTP_204_NO_CONTENT, tags=["resume"])
def resume_delete(item_id: int, db: DbDep, user: UserDep) -> Response:
    resume.delete_item(db, user, item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- your data -------------------------------------------------------------------------------

@router.get("/export", tags=["data"], response_class=Response,
            responses={200: {"content": {"application/json": {}}}})
def export(db: DbDep, user: UserDep) -> Response:
    """Everything you stored, as one canonical JSON document (ids kept, recordings in base64)."""
    return export_response(db, user)


@router.post("/import", response_model=ImportOut, tags=["data"],
             responses={409: {"description": "This instance already holds data."}},
             openapi_extra={"requestBody": {"required": True, "description":
                            "A file from GET /api/export.", "content": {"application/json": {
                                "schema": {"type": "object"}}}}})
async def import_(
    request: Request, db: DbDep, user: UserDep, settings: SettingsDep,
    replace: Annotated[bool, Query(description="Delete your current data first.")] = False,
) -> ImportOut:
    """Restore an export into this instance; 409 if it holds data, unless `replace=true`."""
    return await import_document(db, user, settings, await request.body(), replace)


@router.get("/export/review-log.csv", tags=["data"], response_class=PlainTextResponse)
def review_log_csv(db: DbDep, user: UserDep) -> Response:
    """The review log as fsrs-optimizer reads it: card_id, review_time (ms), rating, state,
    duration (ms)."""
    return Response(data.review_log_csv(db, user), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="review-log.csv"'})


@router.delete("/me/data", response_model=DeleteOut, tags=["data"])
def delete_data(db: DbDep, user: UserDep) -> DeleteOut:
    """Delete every attempt, session, resume item and review of yours, and your recordings."""
    return DeleteOut(deleted=data.delete_data(db, user))
