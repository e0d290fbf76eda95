"""Turn cards, attempts and sessions into the API's response bodies."""

from __future__ import annotations

from dataclasses import asdict

from app.domain.cards import Question
from app.domain.interview import next_card
from app.services.attempts import session_progress
from app.store.models import Attempt, PracticeSession
from app.web.schemas import (
    AttemptOut,
    CardProgressOut,
    FollowUpOut,
    QuestionDetail,
    QuestionSummary,
    RubricPoint,
    SessionOut,
    SubmissionOut,
)


def question_summary(question: Question, lang: str) -> QuestionSummary:
    spec = question.spec
    return QuestionSummary(
        id=spec.id, stage=spec.stage, kind=spec.kind, title=spec.title.get(lang),
        tags=list(spec.tags), difficulty=spec.difficulty,
    )


def question_detail(question: Question, lang: str) -> QuestionDetail:
    spec = question.spec
    return QuestionDetail(
        **question_summary(question, lang).model_dump(),
        lang=lang,  # type: ignore[arg-type]
        order=spec.order,
        time_limit_s=spec.time_limit_s,
        target_s=spec.target_s,
        prompt_markdown=question.prompt[lang].markdown,
        prompt_html=question.prompt[lang].html,
        answer_markdown=question.answer[lang].markdown,
        answer_html=question.answer[lang].html,
        rubric=[RubricPoint(index=i, text=p.get(lang)) for i, p in enumerate(spec.rubric)],
        follow_ups=[FollowUpOut(text=f.get(lang), ref=f.ref) for f in spec.follow_ups],
        sources=list(spec.sources),
        starter_code=question.starter_code,
        solution=question.solution,
    )


def session_out(session: PracticeSession) -> SessionOut:
    cards = session_progress(session)
    upcoming = next_card(cards)
    return SessionOut(
        id=session.id, lang=session.lang, created_at=session.created_at,
        finished_at=session.finished_at,
        cards=[CardProgressOut(**asdict(card)) for card in cards],
        next_index=None if upcoming is None else upcoming.index,
    )


def attempt_out(attempt: Attempt) -> AttemptOut:
    return AttemptOut.model_validate(
        {**{c: getattr(attempt, c) for c in AttemptOut.model_fields if hasattr(attempt, c)},
         "has_recording": attempt.recording_path is not None}
    )


def submission_out(attempt: Attempt) -> SubmissionOut:
    verdict = attempt.verdict or {}
    return SubmissionOut(
        id=attempt.id, question_id=attempt.question_id, status=verdict["status"],
        checks=verdict.get("checks", []), feedback=verdict.get("feedback", ""),
        stdout=verdict.get("stdout", ""), duration_ms=verdict.get("duration_ms", 0.0),
        line=verdict.get("line"), created_at=attempt.created_at,
    )
