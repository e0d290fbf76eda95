"""Progress you can see: the numbers behind /progress, each as a Chart.js config and a table.

Every chart comes with the same data as rows, for the `<table>` fallback (screen readers, no JS).
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cards import STAGES, QuestionBank
from app.domain.clock import utcnow
from app.domain.interview import GRADES
from app.services import review as review_service
from app.store.models import Attempt, User

HEATMAP_WEEKS = 26
HEAT_LEVELS = (0, 1, 3, 6, 10)  # attempts per day at which each colour step starts
Gettext = Callable[[str], str]


def _same(message: str) -> str:
    return message


@dataclass(frozen=True)
class Chart:
    """A Chart.js config plus the same data as a table."""

    config: dict[str, Any]
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass(frozen=True)
class HeatDay:
    day: date
    count: int
    level: int  # 0..4


def _attempts(db: Session, user: User) -> list[Attempt]:
    query = (select(Attempt).where(Attempt.user_id == user.id)
             .order_by(Attempt.created_at, Attempt.id))
    return list(db.scalars(query))


def heatmap(attempts: list[Attempt], today: date) -> list[HeatDay]:
    """Days of the last HEATMAP_WEEKS weeks, Monday first, oldest first."""
    counts = Counter(a.created_at.date() for a in attempts)
    start = today - timedelta(days=today.weekday() + 7 * (HEATMAP_WEEKS - 1))
    days = []
    for offset in range((today - start).days + 1):
        day = start + timedelta(days=offset)
        count = counts.get(day, 0)
        level = max(i for i, floor in enumerate(HEAT_LEVELS) if count >= floor)
        days.append(HeatDay(day, count, level))
    return days


def _passed(attempt: Attempt) -> bool | None:
    """Code: the checks passed; open: graded good or easy; None when not judged yet."""
    if attempt.kind == "code" and attempt.status is not None:
        return attempt.status == "passed"
    if attempt.self_grade is not None:
        return attempt.self_grade in ("good", "easy")
    return None


def topics(db: Session, user: User, bank: QuestionBank, attempts: list[Attempt],
           now: datetime, _: Gettext = _same) -> Chart:
    outcomes: dict[str, list[bool]] = defaultdict(list)
    for attempt in attempts:
        question, passed = bank.get(attempt.question_id), _passed(attempt)
        if question is None or passed is None:
            continue
        for tag in question.spec.tags:
            outcomes[tag].append(passed)
    recall = {s.tag: s.retrievability for s in review_service.topic_strengths(db, user, bank, now)}
    tags = sorted(set(outcomes) | set(recall))
    pass_rate = [round(100 * sum(outcomes[t]) / len(outcomes[t])) if outcomes[t] else None
                 for t in tags]
    retrievability = [round(100 * recall[t]) if t in recall else None for t in tags]
    config = {
        "type": "bar",
        "data": {"labels": tags, "datasets": [
            {"label": _("pass rate %"), "data": pass_rate},
            {"label": _("recall in a week %"), "data": retrievability},
        ]},
        "options": {"scales": {"y": {"min": 0, "max": 100}}},
    }
    rows = [[t, len(outcomes[t]), p, r] for t, p, r in zip(tags, pass_rate, retrievability,
                                                            strict=True)]
    return Chart(config, [_("Topic"), _("Attempts"), _("pass rate %"), _("recall in a week %")], rows)


def solve_times(bank: QuestionBank, attempts: list[Attempt], lang: str,
                _: Gettext = _same) -> Chart:
    """Seconds to a passing run, per coding card, in date order."""
    passes = [a for a in attempts if a.kind == "code" and a.status == "passed"
              and a.duration_s is not None]
    labels = sorted({a.created_at.strftime("%Y-%m-%d %H:%M") for a in passes})
    by_card: dict[str, dict[str, float]] = defaultdict(dict)
    for a in passes:
        by_card[a.question_id][a.created_at.strftime("%Y-%m-%d %H:%M")] = round(a.duration_s or 0)

    def title(question_id: str) -> str:
        question = bank.get(question_id)
        return question.spec.title.get(lang) if question else question_id

    datasets = [
        {"label": title(qid), "data": [points.get(label) for label in labels], "spanGaps": True}
        for qid, points in sorted(by_card.items())
    ]
    y_axis = {"min": 0, "title": {"display": True, "text": _("Seconds")}}
    config = {"type": "line", "data": {"labels": labels, "datasets": datasets},
              "options": {"scales": {"y": y_axis}}}
    rows = [
        [a.created_at.strftime("%Y-%m-%d %H:%M"), title(a.question_id), round(a.duration_s or 0)]
        for a in passes
    ]
    return Chart(config, [_("When"), _("Card"), _("Seconds")], rows)


def grades_per_stage(attempts: list[Attempt], _: Gettext = _same) -> Chart:
    counts = Counter((a.stage, a.self_grade) for a in attempts if a.self_grade)
    stages = [s for s in STAGES if any(counts[(s, g)] for g in GRADES)]
    datasets = [{"label": _(g), "data": [counts[(s, g)] for s in stages]} for g in GRADES]
    labels = [_(s.capitalize()) for s in stages]
    scales = {"x": {"stacked": True}, "y": {"stacked": True, "min": 0}}
    config = {"type": "bar", "data": {"labels": labels, "datasets": datasets},
              "options": {"scales": scales}}
    rows = [[label, *[counts[(s, g)] for g in GRADES]]
            for s, label in zip(stages, labels, strict=True)]
    return Chart(config, [_("Stage"), *[_(g) for g in GRADES]], rows)


@dataclass(frozen=True)
class Progress:
    heatmap: list[HeatDay]
    topics: Chart
    solve_times: Chart
    grades: Chart
    attempts: int


def progress(db: Session, user: User, bank: QuestionBank, lang: str,
             now: datetime | None = None, gettext: Gettext = _same) -> Progress:
    now = now or utcnow()
    attempts = _attempts(db, user)
    return Progress(
        heatmap=heatmap(attempts, now.date()),
        topics=topics(db, user, bank, attempts, now, gettext),
        solve_times=solve_times(bank, attempts, lang, gettext),
        grades=grades_per_stage(attempts, gettext),
        attempts=len(attempts),
    )


@dataclass(frozen=True)
class Revision:
    attempt: Attempt
    diff: list[tuple[str, str]]  # (kind: add | del | hunk | same, line) against the previous run


def code_history(db: Session, user: User, question_id: str) -> list[Revision]:
    """Every submission of a code card, oldest first, each with a unified diff to the one before."""
    query = (select(Attempt)
             .where(Attempt.user_id == user.id, Attempt.question_id == question_id,
                    Attempt.kind == "code")
             .order_by(Attempt.created_at, Attempt.id))
    revisions, previous = [], None
    for attempt in db.scalars(query):
        lines: list[tuple[str, str]] = []
        if previous is not None:
            diff = difflib.unified_diff(
                previous.answer.splitlines(), attempt.answer.splitlines(),
                f"#{previous.id}", f"#{attempt.id}", lineterm="", n=2,
            )
            for line in diff:
                kind = ("hunk" if line.startswith(("@@", "---", "+++"))
                        else "add" if line.startswith("+")
                        else "del" if line.startswith("-") else "same")
                lines.append((kind, line))
        revisions.append(Revision(attempt, lines))
        previous = attempt
    return revisions

