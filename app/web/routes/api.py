"""The JSON API under /api/ (documented in the generated OpenAPI at /docs)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, Response, UploadFile, status
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from app.domain.cards import STAGES, Question, QuestionBank
from app.domain.interview import plan_interview
from app.services import attempts as services
from app.services import resume as resume_service
from app.web import presenters as views
from app.web.deps import BankDep, DbDep, GraderDep, SettingsDep, UserDep
from app.web.schemas import (
    API_ERROR_RESPONSES,
    AttemptCreate,
    AttemptGrade,
    AttemptOut,
    ErrorOut,
    QuestionDetail,
    QuestionSummary,
    SessionCreate,
    SessionOut,
    SubmissionCreate,
    SubmissionOut,
)

router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)
Lang = Annotated[Literal["en", "zh"], Query(description="Language of the card text.")]
AUDIO_TYPES = {
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/mp4": ".m4a",
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
}


def question_or_404(bank: QuestionBank, question_id: str) -> Question:
    question = bank.get(question_id)
    if question is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"question {question_id!r} not found")
    return question


def check_size(text: str, field: str, limit: int) -> None:
    size = len(text.encode("utf-8"))
    if size > limit:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE, f"{field}: {size} bytes is over the {limit}-byte limit"
        )


async def read_audio(audio: UploadFile, limit: int) -> tuple[bytes, str] | None:
    """An uploaded recording and its file suffix, None when empty; 415/413 for a wrong type or size."""
    content_type = (audio.content_type or "").split(";")[0].strip()
    if content_type not in AUDIO_TYPES:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"audio: {content_type or 'no type'} is not one of {', '.join(AUDIO_TYPES)}",
        )
    data = await audio.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "audio: recording too large")
    return (data, AUDIO_TYPES[content_type]) if data else None


@router.get("/questions", response_model=list[QuestionSummary])
def list_questions(
    bank: BankDep,
    stage: Annotated[Literal["intro", "project", "paper", "coding"] | None, Query()] = None,
    tag: Annotated[str | None, Query(max_length=80)] = None,
    lang: Lang = "en",
) -> list[QuestionSummary]:
    return [views.question_summary(q, lang) for q in bank.filter(stage=stage, tag=tag)]


@router.get("/questions/{question_id}", response_model=QuestionDetail)
def get_question(question_id: str, bank: BankDep, lang: Lang = "en") -> QuestionDetail:
    return views.question_detail(question_or_404(bank, question_id), lang)


@router.post("/sessions", response_model=SessionOut, status_code=status.HTTP_201_CREATED)
def create_session(db: DbDep, user: UserDep, bank: BankDep, body: SessionCreate | None = None) -> SessionOut:
    body = body or SessionCreate()
    for question_id in body.question_ids or ():
        question_or_404(bank, question_id)
    plan = plan_interview(
        bank,
        stages=body.stages or STAGES,
        per_stage=body.per_stage,
        question_ids=body.question_ids,
        own_cards=resume_service.session_cards(db, user),
    )
    if not plan:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "stages: no cards in these stages")
    return views.session_out(services.create_session(db, user, plan, body.lang))


@router.get("/sessions", response_model=list[SessionOut])
def list_sessions(db: DbDep, user: UserDep) -> list[SessionOut]:
    return [views.session_out(s) for s in services.list_sessions(db, user)]


@router.get("/sessions/{session_id}", response_model=SessionOut)
def get_session(session_id: int, db: DbDep, user: UserDep) -> SessionOut:
    return views.session_out(services.get_session(db, user, session_id))


@router.post("/attempts", response_model=AttemptOut, status_code=status.HTTP_201_CREATED)
def create_attempt(
    body: AttemptCreate, db: DbDep, user: UserDep, bank: BankDep, settings: SettingsDep
) -> AttemptOut:
    question = question_or_404(bank, body.question_id)
    check_size(body.answer, "answer", settings.max_code_bytes)
    attempt = services.record_attempt(
        db,
        user,
        question,
        answer=body.answer,
        session_id=body.session_id,
        self_grade=body.self_grade,
        rubric_hits=body.rubric_hits,
        duration_s=body.duration_s,
    )
    return views.attempt_out(attempt)


@router.get("/attempts", response_model=list[AttemptOut])
def list_attempts(
    db: DbDep,
    user: UserDep,
    question_id: Annotated[str | None, Query(max_length=80)] = None,
    stage: Annotated[Literal["intro", "project", "paper", "coding"] | None, Query()] = None,
    session_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AttemptOut]:
    attempts = services.list_attempts(
        db,
        user,
        question_id=question_id,
        stage=stage,
        session_id=session_id,
        limit=limit,
        offset=offset,
    )
    return [views.attempt_out(a) for a in attempts]


@router.get("/attempts/{attempt_id}", response_model=AttemptOut)
def get_attempt(attempt_id: int, db: DbDep, user: UserDep) -> AttemptOut:
    return views.attempt_out(services.get_attempt(db, user, attempt_id))


@router.patch("/attempts/{attempt_id}", response_model=AttemptOut)
def grade_attempt(attempt_id: int, body: AttemptGrade, db: DbDep, user: UserDep, bank: BankDep) -> AttemptOut:
    attempt = services.get_attempt(db, user, attempt_id)
    question = question_or_404(bank, attempt.question_id)
    services.grade_attempt(db, user, attempt, question, body.self_grade, body.rubric_hits)
    return views.attempt_out(attempt)


@router.post("/attempts/{attempt_id}/reveal", response_model=AttemptOut)
def reveal_solution(attempt_id: int, db: DbDep, user: UserDep) -> AttemptOut:
    attempt = services.get_attempt(db, user, attempt_id)
    services.reveal_solution(db, attempt)
    return views.attempt_out(attempt)


@router.post("/attempts/{attempt_id}/recording", response_model=AttemptOut)
async def upload_recording(
    attempt_id: int,
    db: DbDep,
    user: UserDep,
    settings: SettingsDep,
    audio: Annotated[UploadFile, File(description="The recorded answer (webm/ogg/mp4/mpeg/wav).")],
    duration_s: Annotated[float | None, Form(ge=0, le=7200)] = None,
) -> AttemptOut:
    attempt = services.get_attempt(db, user, attempt_id)
    recording = await read_audio(audio, settings.max_recording_bytes)
    if recording is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "audio: empty file")
    services.save_recording(db, attempt, settings.recordings_dir, *recording, duration_s)
    return views.attempt_out(attempt)


@router.get("/attempts/{attempt_id}/recording", response_class=FileResponse)
def get_recording(attempt_id: int, db: DbDep, user: UserDep, settings: SettingsDep) -> FileResponse:
    attempt = services.get_attempt(db, user, attempt_id)
    path = settings.recordings_dir / (attempt.recording_path or "")
    if not attempt.recording_path or not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"attempt {attempt_id} has no recording")
    suffix_types = {v: k for k, v in AUDIO_TYPES.items()}
    return FileResponse(path, media_type=suffix_types.get(path.suffix, "application/octet-stream"))


@router.delete("/attempts/{attempt_id}/recording", status_code=status.HTTP_204_NO_CONTENT)
def delete_recording(attempt_id: int, db: DbDep, user: UserDep, settings: SettingsDep) -> Response:
    attempt = services.get_attempt(db, user, attempt_id)
    services.delete_recording(db, attempt, settings.recordings_dir)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/submissions",
    response_model=SubmissionOut,
    status_code=status.HTTP_201_CREATED,
    responses={413: {"model": ErrorOut}, 429: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
async def create_submission(
    request: Request,
    body: SubmissionCreate,
    db: DbDep,
    user: UserDep,
    bank: BankDep,
    settings: SettingsDep,
    grader: GraderDep,
) -> SubmissionOut:
    question = question_or_404(bank, body.question_id)
    if question.kind != "code":
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"question_id: {question.id!r} is not a coding card"
        )
    check_size(body.code, "code", settings.max_code_bytes)
    services.check_session_card(db, user, body.session_id, question)
    verdict = await services.grade_code(
        grader, question, body.code, user=user, limit=request.app.state.per_user_limit
    )
    # The fsync'd commit runs in the thread pool so the event loop keeps serving pages.
    attempt = await run_in_threadpool(
        services.record_submission,
        db,
        user,
        question,
        code=body.code,
        verdict=verdict,
        session_id=body.session_id,
        duration_s=body.duration_s,
    )
    return views.submission_out(attempt)


@router.get("/submissions/{submission_id}", response_model=SubmissionOut)
def get_submission(submission_id: int, db: DbDep, user: UserDep) -> SubmissionOut:
    attempt = services.get_attempt(db, user, submission_id)
    if attempt.verdict is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"submission {submission_id} not found")
    return views.submission_out(attempt)
