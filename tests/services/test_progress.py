"""/progress from totals the database keeps: the same figures as counting attempts one by one."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select

from app.domain.cards import QuestionBank
from app.services import progress
from app.services.users import local_user
from app.store.models import (
    ActivityDay,
    Attempt,
    CardOutcome,
    GradeCount,
    PracticeSession,
    User,
)

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def add(db, user, bank: QuestionBank, card: str, *, days_ago: float, status=None, grade=None,
        seconds=100.0) -> None:
    question = bank.by_id[card]
    when = NOW - timedelta(days=days_ago)
    db.add(Attempt(user_id=user.id, question_id=card, stage=question.stage, kind=question.kind,
                   answer="", status=status, self_grade=grade, duration_s=seconds,
                   verdict={"status": status} if status else None, created_at=when,
                   finished_at=when))


def test_the_figures_count_what_happened(client: TestClient, bank: QuestionBank) -> None:
    with client.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        user = local_user(db)
        add(db, user, bank, "nms", days_ago=0, status="failed", seconds=300)
        add(db, user, bank, "nms", days_ago=0, status="passed", seconds=200)
        add(db, user, bank, "nms", days_ago=0.1, status="passed", seconds=120)
        add(db, user, bank, "nms", days_ago=1, status="passed", seconds=90, grade="easy")
        add(db, user, bank, "vit-vs-cnn", days_ago=1, grade="good")
        add(db, user, bank, "vit-vs-cnn", days_ago=3, grade="again")
        add(db, user, bank, "vit-vs-cnn", days_ago=400, grade="hard")  # before the heatmap
        db.commit()
        figures = progress.progress(db, user, bank, "en", now=NOW)

    assert figures.attempts == 7
    by_day = {d.day: d.count for d in figures.heatmap if d.count}
    assert by_day == {NOW.date(): 3, (NOW - timedelta(days=1)).date(): 2,
                      (NOW - timedelta(days=3)).date(): 1}
    assert figures.heatmap[-1].day == NOW.date()  # today is the last column
    rows = {row[0]: row[1:3] for row in figures.topics.rows}
    assert rows["nms"] == [4, 75]  # code: 3 of 4 runs passed (a self-grade does not override)
    assert rows["vit"] == [3, 33]  # open: 1 of 3 graded good or easy
    assert "seed" not in rows
    solve = figures.solve_times.config["data"]
    assert solve["labels"] == ["2026-11-23", "2026-11-30"]  # weeks, by their Monday
    assert solve["datasets"][0]["data"] == [90, 120]  # the fastest pass of each week
    grades = {row[0]: row[1:] for row in figures.grades.rows}
    assert grades == {"Paper": [1, 1, 1, 0], "Coding": [0, 0, 0, 1]}


def recount(db, user_id: int) -> dict:
    """The totals counted again from the attempts themselves, one by one."""
    days: Counter = Counter()
    cards: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    grades: Counter = Counter()
    for a in db.scalars(select(Attempt).where(Attempt.user_id == user_id)):
        days[a.created_at.date()] += 1
        verdict = a.kind == "code" and a.status is not None
        if verdict or a.self_grade is not None:
            cards[a.question_id][0] += 1
            cards[a.question_id][1] += (a.status == "passed") if verdict else \
                a.self_grade in ("good", "easy")
        if a.self_grade is not None:
            grades[(a.stage, a.self_grade)] += 1
    return {"days": dict(days), "cards": {q: tuple(c) for q, c in cards.items() if c[0]},
            "grades": dict(grades)}


def stored(db, user_id: int) -> dict:
    """The totals the triggers keep (rows that fell to zero are skipped, as readers do)."""
    days = {d: n for d, n in db.execute(select(ActivityDay.day, ActivityDay.attempts)
                                        .where(ActivityDay.user_id == user_id)) if n}
    cards = {q: (j, p) for q, j, p in db.execute(
        select(CardOutcome.question_id, CardOutcome.judged, CardOutcome.passed)
        .where(CardOutcome.user_id == user_id)) if j or p}
    grades = {(s, g): n for s, g, n in db.execute(
        select(GradeCount.stage, GradeCount.self_grade, GradeCount.attempts)
        .where(GradeCount.user_id == user_id)) if n}
    return {"days": days, "cards": cards, "grades": grades}


def test_the_totals_follow_every_change_to_attempts(client: TestClient,
                                                    bank: QuestionBank) -> None:
    """Inserts, a late verdict, self-grades, a re-dated run, deletes and cascades all keep the
    database's totals equal to counting the attempts again."""
    with client.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        user = local_user(db)
        other = User(name="other")
        db.add(other)
        db.flush()
        session = PracticeSession(user_id=user.id, plan=[])
        db.add(session)
        db.flush()
        for days_ago, card, status, grade in [(0, "nms", "failed", None), (0, "nms", None, None),
                                              (1, "nms", "passed", "easy"),
                                              (2, "vit-vs-cnn", None, "again"),
                                              (2, "vit-vs-cnn", None, None)]:
            add(db, user, bank, card, days_ago=days_ago, status=status, grade=grade)
        add(db, other, bank, "nms", days_ago=0, status="passed")
        db.commit()
        assert stored(db, user.id) == recount(db, user.id) and stored(db, user.id)["grades"]

        attempts = list(db.scalars(select(Attempt).where(Attempt.user_id == user.id)
                                   .order_by(Attempt.id)))
        attempts[1].status = "passed"  # the verdict arrives after the row
        attempts[4].self_grade = "good"  # graded later
        attempts[3].self_grade = "hard"  # graded again
        attempts[0].created_at = NOW - timedelta(days=5)  # moved to another day
        attempts[2].answer = "edited"  # a column no total depends on
        db.commit()
        assert stored(db, user.id) == recount(db, user.id)

        db.delete(attempts[2])
        attempts[4].session_id = session.id
        db.commit()
        db.execute(delete(PracticeSession).where(PracticeSession.id == session.id))  # cascades
        db.commit()
        assert stored(db, user.id) == recount(db, user.id)
        assert len(recount(db, user.id)["days"]) == 3  # 5 days ago, today, 2 days ago

        other_id = other.id
        before = stored(db, user.id)
        db.execute(delete(User).where(User.id == other_id))  # cascades to attempts and totals
        db.commit()
        assert stored(db, user.id) == before
        for table in (ActivityDay, CardOutcome, GradeCount):
            assert db.scalar(select(func.count()).select_from(table)
                             .where(table.user_id == other_id)) == 0
