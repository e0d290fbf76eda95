"""Progress you can see: the numbers behind /progress, each as a Chart.js config and a table.

Every chart comes with the same data as rows, for the `<table>` fallback (screen readers, no JS).
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.cards import QuestionBank
from app.domain.clock import utcnow
from app.domain.vocabulary import GRADES, INTERNAL_TAGS, STAGES
from app.services import review as review_service
from app.store.models import ActivityDay, Attempt, CardOutcome, GradeCount, User

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


SOLVE_TIMES_DAYS = 90  # the time-to-solve chart shows the last three months
TABLE_ROWS = 200  # the chart tables list at most this many rows, the most recent first


def _mine(user: User) -> Any:
    return Attempt.user_id == user.id


def _week(column: Any, dialect: str) -> Any:
    """The Monday of a timestamp column's UTC week, in SQL."""
    if dialect == "postgresql":
        return func.date(func.date_trunc("week", column))
    return func.date(column, "weekday 0", "-6 days")  # SQLite: the next Sunday, back to Monday


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def heatmap(db: Session, user: User, today: date) -> list[HeatDay]:
    """Days of the last HEATMAP_WEEKS weeks, Monday first, oldest first: one row per active day."""
    start = today - timedelta(days=today.weekday() + 7 * (HEATMAP_WEEKS - 1))
    counts = {_as_date(d): n for d, n in db.execute(
        select(ActivityDay.day, ActivityDay.attempts).where(
            ActivityDay.user_id == user.id, ActivityDay.day >= start, ActivityDay.attempts > 0))}
    days = []
    for offset in range((today - start).days + 1):
        current = start + timedelta(days=offset)
        count = counts.get(current, 0)
        level = max(i for i, floor in enumerate(HEAT_LEVELS) if count >= floor)
        days.append(HeatDay(current, count, level))
    return days


def topics(db: Session, user: User, bank: QuestionBank, now: datetime,
           _: Gettext = _same) -> Chart:
    """Pass rate and predicted recall per topic: totals per card (CardOutcome), tags in Python.

    Judged: a code run with a verdict, or a self-graded answer. Passed: the checks passed (code),
    or graded good / easy (open) -- the same rule for a code run graded by hand without a verdict.
    """
    outcomes: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # tag -> [judged, passed]
    query = select(CardOutcome.question_id, CardOutcome.judged, CardOutcome.passed).where(
        CardOutcome.user_id == user.id, CardOutcome.judged > 0)
    for question_id, judged, passed in db.execute(query):
        question = bank.get(question_id)
        for tag in question.spec.tags if question else ():
            if tag not in INTERNAL_TAGS:
                outcomes[tag][0] += judged
                outcomes[tag][1] += int(passed or 0)
    recall = {s.tag: s.retrievability for s in review_service.topic_strengths(db, user, bank, now)}
    tags = sorted(set(outcomes) | set(recall))
    pass_rate = [round(100 * outcomes[t][1] / outcomes[t][0]) if outcomes[t][0] else None
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
    rows = [[t, outcomes[t][0], p, r] for t, p, r in zip(tags, pass_rate, retrievability,
                                                         strict=True)]
    return Chart(config, [_("Topic"), _("Attempts"), _("pass rate %"), _("recall in a week %")],
                 rows)


def solve_times(db: Session, user: User, bank: QuestionBank, lang: str, now: datetime,
                _: Gettext = _same) -> Chart:
    """The fastest passing run per coding card per week, over the last SOLVE_TIMES_DAYS days."""
    week = _week(Attempt.created_at, db.get_bind().dialect.name)
    query = (select(Attempt.question_id, week, func.min(Attempt.duration_s))
             .where(_mine(user), Attempt.kind == "code", Attempt.status == "passed",
                    Attempt.duration_s.is_not(None),
                    # coalesce(x, x): the same value, but no index on created_at alone looks
                    # usable, so the planner reads the covering ix_attempt_user_stats instead
                    func.coalesce(Attempt.created_at, Attempt.created_at)
                    >= now - timedelta(days=SOLVE_TIMES_DAYS))
             .group_by(Attempt.question_id, week))
    # bucketed by week (its Monday): a chart of months of practice keeps a readable size
    points = [(question_id, _as_date(monday).isoformat(), round(seconds or 0))
              for question_id, monday, seconds in db.execute(query)]
    labels = sorted({label for _q, label, _s in points})
    by_card: dict[str, dict[str, float]] = defaultdict(dict)
    for question_id, label, seconds in points:
        by_card[question_id][label] = seconds

    def title(question_id: str) -> str:
        question = bank.get(question_id)
        return question.spec.title.get(lang) if question else question_id

    datasets = [
        {"label": title(qid), "data": [by_day.get(label) for label in labels], "spanGaps": True}
        for qid, by_day in sorted(by_card.items())
    ]
    y_axis = {"min": 0, "title": {"display": True, "text": _("Seconds")}}
    config = {"type": "line", "data": {"labels": labels, "datasets": datasets},
              "options": {"scales": {"y": y_axis}}}
    rows = [[label, title(qid), seconds] for qid, label, seconds in
            sorted(points, key=lambda p: (p[1], p[0]), reverse=True)[:TABLE_ROWS]]
    return Chart(config, [_("Week of"), _("Card"), _("Seconds")], rows)


def grades_per_stage(db: Session, user: User, _: Gettext = _same) -> Chart:
    query = select(GradeCount.stage, GradeCount.self_grade, GradeCount.attempts).where(
        GradeCount.user_id == user.id, GradeCount.attempts > 0)
    counts = {(stage, grade): n for stage, grade, n in db.execute(query)}
    stages = [s for s in STAGES if any(counts.get((s, g)) for g in GRADES)]
    datasets = [{"label": _(g), "data": [counts.get((s, g), 0) for s in stages]} for g in GRADES]
    labels = [_(s.capitalize()) for s in stages]
    # counts of attempts: whole-number ticks only
    scales = {"x": {"stacked": True}, "y": {"stacked": True, "min": 0, "ticks": {"precision": 0}}}
    config = {"type": "bar", "data": {"labels": labels, "datasets": datasets},
              "options": {"scales": scales}}
    rows = [[label, *[counts.get((s, g), 0) for g in GRADES]]
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
    """Every figure of /progress from totals the database keeps (migration 0006) and one bounded
    aggregate (solve times, the last SOLVE_TIMES_DAYS): flat in the number of attempts."""
    now = now or utcnow()
    return Progress(
        heatmap=heatmap(db, user, now.date()),
        topics=topics(db, user, bank, now, gettext),
        solve_times=solve_times(db, user, bank, lang, now, gettext),
        grades=grades_per_stage(db, user, gettext),
        attempts=db.scalar(select(func.sum(ActivityDay.attempts))
                           .where(ActivityDay.user_id == user.id)) or 0,
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

