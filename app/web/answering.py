"""What the card page does with an answer, shared by an interview's cards and single practice."""

from __future__ import annotations

from fastapi import Request, UploadFile, status
from fastapi.responses import RedirectResponse, Response
from fsrs import Scheduler
from sqlalchemy.orm import Session

from app.config import Settings
from app.domain.cards import Question
from app.domain.vocabulary import Kind
from app.judge import GraderLike
from app.services import attempts, recordings, review
from app.services.limits import UserLimit
from app.services.submit_code import submit_code
from app.store.models import Attempt, User
from app.web.templating import render


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


async def read_upload(upload: UploadFile, limit: int) -> tuple[bytes, str]:
    """An uploaded recording and its file suffix; Invalid / TooLarge / UnsupportedAudio."""
    suffix = recordings.suffix_for(upload.content_type)
    audio = await upload.read(limit + 1)
    recordings.check_audio(audio, limit)
    return audio, suffix


def card_url(session_id: int | None, index: int | None, question_id: str, attempt_id: int) -> str:
    if session_id is not None:
        return f"/sessions/{session_id}/cards/{index}?attempt={attempt_id}"
    return f"/questions/{question_id}?attempt={attempt_id}"


def suggested_grade(db: Session, question: Question, attempt: Attempt | None) -> str | None:
    """The grade the card's grade form pre-selects from the code runs (None for open cards)."""
    return review.suggested_grade(db, attempt, question)


async def answer_card(
    request: Request, db: Session, user: User, settings: Settings, grader: GraderLike | None,
    scheduler: Scheduler, limit: UserLimit, question: Question, answer: str,
    duration_s: float | None, session_id: int | None, index: int | None,
    audio: UploadFile | None = None, recording_duration_s: float | None = None,
) -> Response:
    """Record an open answer (with its optional recording), or grade and record code."""
    if question.kind == Kind.OPEN:
        attempts.check_text("answer", answer, settings.max_code_bytes)
        recording = None
        if audio is not None and audio.filename:  # the form's file input may be left empty
            recording = await read_upload(audio, settings.max_recording_bytes)
        attempt = attempts.record_attempt(
            db, user, question, scheduler, answer=answer, session_id=session_id,
            duration_s=duration_s,
        )
        if recording is not None:
            recordings.save_recording(db, attempt, *recording,
                                      duration_s=recording_duration_s)
        return see_other(card_url(session_id, index, question.id, attempt.id))
    attempt = await submit_code(
        db, user, question, answer, grader=grader, limit=limit,
        max_code_bytes=settings.max_code_bytes, session_id=session_id, duration_s=duration_s,
    )
    if is_htmx(request):
        reveal_url = card_url(session_id, index, question.id, attempt.id) + "#reveal-heading"
        return render(request, "_verdict.html", attempt=attempt, question=question,
                      reveal_url=reveal_url)
    return see_other(card_url(session_id, index, question.id, attempt.id))
