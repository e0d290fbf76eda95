"""Fill a database with N attempts of the local user, spread over cards and half a year, for
measuring how pages scale (scripts/bench.py). Open answers are self-graded; code runs carry a
verdict; every card practised gets an FSRS review card."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from app.domain.clock import utcnow
from app.domain.vocabulary import GRADES
from app.services.users import local_user
from app.store.models import Attempt, ReviewCard

VERDICT = {"status": "passed", "checks": [{"name": "values", "passed": True,
                                           "detail": {"en": "ok", "zh": "ok"}}],
           "feedback": {"en": "all checks passed", "zh": "全部检查通过"}, "stdout": "",
           "duration_ms": 50.0, "line": None, "mistake": None}


def seed(sessionmaker: Any, bank: Any, count: int, seed_value: int = 7) -> None:
    rng = random.Random(seed_value)
    cards = list(bank)
    now = utcnow()
    with sessionmaker() as db:
        user = local_user(db)
        rows = []
        for _ in range(count):
            question = rng.choice(cards)
            created = now - timedelta(minutes=rng.randrange(180 * 24 * 60))
            code = question.kind == "code"
            status = rng.choice(["passed", "failed"]) if code else None
            rows.append(Attempt(
                user_id=user.id, question_id=question.id, stage=question.stage,
                kind=question.kind, answer="x" * rng.randrange(50, 2000),
                verdict={**VERDICT, "status": status} if code else None, status=status,
                self_grade=rng.choice(GRADES), rubric_hits=[0], duration_s=rng.uniform(30, 900),
                created_at=created, finished_at=created))
            if len(rows) >= 5000:
                db.add_all(rows)
                db.flush()
                rows = []
        db.add_all(rows)
        for (question,) in db.query(Attempt.question_id).distinct():
            db.add(ReviewCard(user_id=user.id, question_id=question, state=2, stability=3.0,
                              difficulty=5.0, due=now - timedelta(days=rng.randrange(-5, 5)),
                              last_review=now - timedelta(days=2)))
        db.commit()
