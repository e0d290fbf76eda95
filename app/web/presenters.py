"""Turn cards, attempts, sessions, review items and resume items into the API's bodies."""

from __future__ import annotations

from dataclasses import asdict

from app.domain import resume_cards
from app.domain.cards import Question
from app.domain.interview import next_card
from app.domain.vocabulary import Lang
from app.services.review import QueueItem
from app.services.sessions import session_progress
from app.store.models import Attempt, PracticeSession, ResumeItem
from app.web.schemas import (
    AttemptOut,
    CardProgressOut,
    CheckOut,
    FollowUpOut,
    QuestionDetail,
    QuestionSummary,
    QueueCardOut,
    ResumeItemOut,
    RubricPoint,
    SessionOut,
    SubmissionOut,
)
from app.web.verdicts import verdict_view


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


def submission_out(attempt: Attempt, lang: str = "en") -> SubmissionOut:
    verdict = attempt.verdict or {}
    view = verdict_view(verdict, lang)
    assert view is not None
    return SubmissionOut(
        id=attempt.id, question_id=attempt.question_id, status=verdict["status"], lang=Lang(lang),
        checks=[CheckOut(name=c.name, label=c.label, passed=c.passed, detail=c.detail)
                for c in view.checks],
        feedback=view.feedback, stdout=view.stdout, duration_ms=view.duration_ms,
        line=view.line, mistake=verdict.get("mistake"), created_at=attempt.created_at,
    )


def queue_card_out(item: QueueItem, lang: str) -> QueueCardOut:
    q = item.question
    return QueueCardOut(
        question_id=q.id, stage=q.stage, kind=q.kind, title=q.spec.title.get(lang),
        tags=list(q.spec.tags), due=item.due, state=item.state,
        retrievability=round(item.retrievability, 4), url=f"/questions/{q.id}",
    )


def resume_item_out(item: ResumeItem) -> ResumeItemOut:
    return ResumeItemOut(
        id=item.id, kind=item.kind, title=item.title, summary=item.summary, role=item.role,
        key_numbers=item.key_numbers, created_at=item.created_at,
        card_ids=[resume_cards.card_id(item.id, t.slug) for t in resume_cards.TEMPLATES[item.kind]],
    )
