"""Spaced repetition against the database: record reviews, the due queue, the weakest topic."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Scheduler
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import scheduling as review
from app.domain.cards import Question, QuestionBank
from app.domain.clock import utcnow
from app.domain.vocabulary import INTERNAL_TAGS
from app.store.models import Attempt, ReviewCard, ReviewLog, User

# Retrievability depends only on the FSRS weights, not on retention or fuzzing: any scheduler
# reads it the same way, so read-only views use this one.
READING_SCHEDULER = review.make_scheduler()
RECALL_HORIZON = timedelta(days=7)  # topics are ranked by what they will be worth in a week


def to_fsrs(row: ReviewCard) -> review.Card:
    return review.Card(
        card_id=row.id, state=review.State(row.state), step=row.step, stability=row.stability,
        difficulty=row.difficulty, due=row.due, last_review=row.last_review,
    )


def _store(row: ReviewCard, card: review.Card) -> None:
    row.state, row.step = int(card.state), card.step
    row.stability, row.difficulty = card.stability, card.difficulty
    row.due, row.last_review = card.due, card.last_review


def _card_row(db: Session, user_id: int, question_id: str) -> ReviewCard | None:
    return db.scalar(select(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.question_id == question_id
    ))


def _log_for(db: Session, attempt_id: int) -> ReviewLog | None:
    return db.scalar(select(ReviewLog).where(ReviewLog.attempt_id == attempt_id))


def _window_start(db: Session, attempt: Attempt) -> datetime | None:
    """When the card was last reviewed before this attempt's own review (None: never)."""
    log = _log_for(db, attempt.id)
    if log is not None:
        before = log.card_before or {}
        last = before.get("last_review")
        return datetime.fromisoformat(last) if last else None
    row = _card_row(db, attempt.user_id, attempt.question_id)
    return row.last_review if row is not None else None


def suggested_rating(db: Session, attempt: Attempt, question: Question) -> review.Rating | None:
    """The rating the code runs since the last review suggest; None for open cards."""
    if question.kind != "code":
        return None
    since = _window_start(db, attempt)
    query = select(Attempt).where(
        Attempt.user_id == attempt.user_id, Attempt.question_id == attempt.question_id,
        Attempt.id <= attempt.id,
    )
    if since is not None:
        query = query.where(Attempt.created_at > since)
    runs = [
        (a.status, a.duration_s, a.solution_revealed)
        for a in db.scalars(query.order_by(Attempt.created_at, Attempt.id))
    ]
    return review.suggest_rating(review.code_outcome(runs, question.spec.time_limit_s))


def suggested_grade(db: Session, attempt: Attempt | None, question: Question | None) -> str | None:
    """The grade (again/hard/good/easy) the card's grade form pre-selects; None for open cards."""
    if attempt is None or question is None or question.kind != "code":
        return None
    rating = suggested_rating(db, attempt, question)
    return None if rating is None else review.GRADE_BY_RATING[int(rating)]


def record_review(
    db: Session, scheduler: Scheduler, user: User, attempt: Attempt, question: Question
) -> ReviewLog | None:
    """Schedule the card from the attempt's self-grade and log the review.

    Re-grading an attempt replaces its review when it is still the card's latest one; a
    re-grade after later reviews leaves the schedule alone. No self-grade: nothing happens.
    """
    if attempt.self_grade is None:
        return None
    rating = review.RATING_BY_GRADE[attempt.self_grade]
    suggested = suggested_rating(db, attempt, question)
    log = _log_for(db, attempt.id)
    row = _card_row(db, user.id, question.id)
    if log is not None and row is not None:
        latest = db.scalar(
            select(func.max(ReviewLog.id)).where(ReviewLog.card_id == row.id)
        )
        if latest != log.id:
            return log
        reviewed_at = log.reviewed_at
        before = log.card_before
    else:
        reviewed_at = attempt.finished_at or utcnow()
        if row is None:
            row = ReviewCard(user_id=user.id, question_id=question.id, state=1, due=reviewed_at)
            db.add(row)
            db.flush()
            before = None
        else:
            before = review.card_to_dict(to_fsrs(row))
    card = review.new_card(row.id, reviewed_at) if before is None else review.card_from_dict(before)
    duration_ms = None if attempt.duration_s is None else round(attempt.duration_s * 1000)
    result = review.review(
        scheduler, card, rating, reviewed_at, is_new=before is None, duration_ms=duration_ms
    )
    _store(row, result.card)
    if log is None:
        log = ReviewLog(user_id=user.id, card_id=row.id, question_id=question.id,
                        attempt_id=attempt.id)
        db.add(log)
    log.rating, log.suggested_rating = int(rating), None if suggested is None else int(suggested)
    log.reviewed_at, log.duration_ms = reviewed_at, duration_ms
    log.state_before, log.state_after = result.state_before, int(result.card.state)
    log.due = result.card.due
    log.stability = float(result.card.stability or 0.0)
    log.difficulty = float(result.card.difficulty or 0.0)
    log.card_before = before
    db.commit()
    return log


@dataclass(frozen=True)
class QueueItem:
    question: Question
    due: datetime | None  # None: never reviewed (a new card)
    state: int  # 0 new, else fsrs.State
    retrievability: float


def _cards(db: Session, user: User) -> list[ReviewCard]:
    query = (select(ReviewCard).where(ReviewCard.user_id == user.id)
             .order_by(ReviewCard.due, ReviewCard.id))
    return list(db.scalars(query))


def due_queue(db: Session, user: User, bank: QuestionBank, now: datetime | None = None,
              limit: int = 100) -> list[QueueItem]:
    """Cards due by `now`, most overdue first; open and code cards mixed."""
    now = now or utcnow()
    scheduler = READING_SCHEDULER
    items = []
    for row in _cards(db, user):
        question = bank.get(row.question_id)
        if question is None or row.due > now:
            continue
        items.append(QueueItem(question, row.due, row.state,
                               review.retrievability(scheduler, to_fsrs(row), now)))
    return items[:limit]


def due_count(db: Session, user: User, bank: QuestionBank, now: datetime | None = None) -> int:
    return len(due_queue(db, user, bank, now, limit=100_000))


def new_cards(db: Session, user: User, bank: QuestionBank, limit: int = 10) -> list[QueueItem]:
    """Cards never reviewed, in interview order: offered, not due."""
    seen = set(db.scalars(select(ReviewCard.question_id).where(ReviewCard.user_id == user.id)))
    fresh = [q for q in bank.ordered() if q.id not in seen]
    return [QueueItem(q, None, review.NEW_STATE, 0.0) for q in fresh[:limit]]


@dataclass(frozen=True)
class TopicStrength:
    tag: str
    cards: int  # reviewed cards with this tag
    retrievability: float  # their mean predicted recall now


def topic_strengths(db: Session, user: User, bank: QuestionBank,
                    now: datetime | None = None) -> list[TopicStrength]:
    """Mean predicted recall a week from now per topic over reviewed cards, weakest first.

    A week ahead, not now: right after a review every card's recall is ~100%, so "now" cannot
    tell a topic you just fumbled from one you know; the week shows how fast each is fading.
    """
    now = now or utcnow()
    scheduler = READING_SCHEDULER
    by_tag: dict[str, list[float]] = defaultdict(list)
    for row in _cards(db, user):
        question = bank.get(row.question_id)
        if question is None:
            continue
        recall = review.retrievability(scheduler, to_fsrs(row), now + RECALL_HORIZON)
        for tag in question.spec.tags:
            if tag not in INTERNAL_TAGS:
                by_tag[tag].append(recall)
    strengths = [TopicStrength(t, len(v), sum(v) / len(v)) for t, v in by_tag.items()]
    return sorted(strengths, key=lambda s: (s.retrievability, -s.cards, s.tag))


def weakest_cards(db: Session, user: User, bank: QuestionBank, tag: str,
                  now: datetime | None = None) -> list[QueueItem]:
    """Reviewed cards with this tag, lowest retrievability first, then its new cards."""
    now = now or utcnow()
    scheduler = READING_SCHEDULER
    rows = {row.question_id: row for row in _cards(db, user)}
    seen, fresh = [], []
    for question in bank.filter(tag=tag):
        row = rows.get(question.id)
        if row is None:
            fresh.append(QueueItem(question, None, review.NEW_STATE, 0.0))
        else:
            recall = review.retrievability(scheduler, to_fsrs(row), now + RECALL_HORIZON)
            seen.append(QueueItem(question, row.due, row.state, recall))
    return sorted(seen, key=lambda i: (i.retrievability, i.question.id)) + fresh


def card_states(db: Session, user: User) -> dict[str, ReviewCard]:
    return {row.question_id: row for row in _cards(db, user)}


def delete_cards(db: Session, user: User, question_ids: list[str]) -> None:
    """Forget the schedule of these cards (their logs go with them); the caller commits."""
    for row in db.scalars(select(ReviewCard).where(
        ReviewCard.user_id == user.id, ReviewCard.question_id.in_(question_ids)
    )):
        db.delete(row)


def weakest(db: Session, user: User, bank: QuestionBank,
            tag: str | None) -> tuple[list[TopicStrength], str | None, list[QueueItem]]:
    """Topics by strength, the chosen tag (the weakest unless given), and that tag's cards."""
    topics = topic_strengths(db, user, bank)
    chosen = tag or (topics[0].tag if topics else None)
    cards = weakest_cards(db, user, bank, chosen) if chosen else []
    return topics, chosen, cards
