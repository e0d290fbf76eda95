"""/progress from SQL aggregates: the same figures as counting attempts one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from app.domain.cards import QuestionBank
from app.services import progress
from app.services.users import local_user
from app.store.models import Attempt

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
