"""The one way code gets graded and recorded, shared by the JSON API and the pages."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict
from typing import Any

from sqlalchemy.orm import Session

from app.domain.cards import Question
from app.domain.vocabulary import Kind
from app.judge import GraderBusy, GraderFault, GraderLike
from app.services.attempts import check_text, new_attempt
from app.services.errors import GraderUnavailable, Invalid, TooManyRequests
from app.services.limits import UserLimit
from app.services.sessions import check_session_card
from app.store.models import Attempt, User

log = logging.getLogger(__name__)


async def submit_code(
    db: Session, user: User, question: Question, code: str, *, grader: GraderLike | None,
    limit: UserLimit, max_code_bytes: int, session_id: int | None = None,
    duration_s: float | None = None,
) -> Attempt:
    """Grade `code` in the sandbox and store the verdict as an attempt.

    Raises:
        Invalid / TooLarge: not a coding card, a session it is not in, or code too large.
        TooManyRequests: the grader queue or this user's share of it is full.
        GraderUnavailable: grading is off, not running, or failed on our side; nothing stored.
    """
    if question.kind != Kind.CODE:
        raise Invalid("question_id", f"{question.id!r} is not a coding card")
    check_text("code", code, max_code_bytes)
    check_session_card(db, user, session_id, question)
    verdict = await grade(grader, question, code, user=user, limit=limit)
    # The fsync'd commit runs in a thread so the event loop keeps serving other requests.
    return await asyncio.to_thread(_record, db, user, question, code, verdict, session_id,
                                   duration_s)


async def grade(grader: GraderLike | None, question: Question, code: str, *, user: User,
                limit: UserLimit) -> dict[str, Any]:
    """The sandbox's verdict as a plain dict ready for the attempt row."""
    if grader is None:
        raise GraderUnavailable("code grading is switched off on this server")
    status = grader.status()
    if status.get("state") in ("failed", "closed"):  # no worker could start: say so, don't hang
        raise GraderUnavailable(f"the grader is not running: {status.get('error', status['state'])}")
    async with limit.hold(user.id):
        try:
            verdict = await grader.grade(question.code_card, code)
        except GraderBusy as exc:
            raise TooManyRequests(str(exc), exc.retry_after_s) from exc
        except GraderFault as exc:  # ours, not the user's: logged loudly, nothing stored
            log.error("grader fault on card %s: %s", question.id, exc)
            raise GraderUnavailable(f"the grader failed on our side ({exc}); your code was not "
                                    "graded, please submit it again") from exc
    return asdict(verdict)


def _record(db: Session, user: User, question: Question, code: str, verdict: dict[str, Any],
            session_id: int | None, duration_s: float | None) -> Attempt:
    attempt = new_attempt(user, question, session_id, answer=code, duration_s=duration_s,
                          verdict=verdict, status=verdict["status"])
    db.add(attempt)
    db.commit()
    return attempt
