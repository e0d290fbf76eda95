"""Build rows and small card banks for tests, without the grader or the real question bank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from app.domain.cards import Question
from app.services.attempts import new_attempt
from app.store.models import Attempt, User


def code_attempt(db: Session, user: User, question: Question, *, status: str, seconds: float,
                 code: str = "def f():\n    pass\n", **verdict: Any) -> Attempt:
    """A graded code run as if the sandbox had judged it."""
    body = {"status": status, "checks": [], "feedback": "", "stdout": "", "duration_ms": 1.0,
            **verdict}
    attempt = new_attempt(user, question, None, answer=code, duration_s=seconds, verdict=body,
                          status=status)
    db.add(attempt)
    db.commit()
    return attempt


def open_card(root: Path, card_id: str, *, stage: str = "paper", tags: tuple[str, ...] = (),
              order: int = 100, time_limit_s: int = 300, rubric: int = 3) -> Path:
    """Write a minimal valid open card folder under `root`; returns the folder."""
    folder = root / card_id
    folder.mkdir(parents=True)
    spec = {
        "id": card_id, "stage": stage, "kind": "open",
        "title": {"en": f"Card {card_id}", "zh": f"卡片 {card_id}"},
        "tags": list(tags), "difficulty": "easy", "order": order, "time_limit_s": time_limit_s,
        "rubric": [{"en": f"Point {i}", "zh": f"要点 {i}"} for i in range(rubric)],
        "sources": ["A source."],
    }
    (folder / "question.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True))
    for name in ("prompt", "answer"):
        (folder / f"{name}.en.md").write_text(f"The {name} of {card_id}.\n")
        (folder / f"{name}.zh.md").write_text(f"{card_id} 的{name}。\n")
    return folder


def tiny_bank(root: Path) -> Path:
    """Five open cards, one per stage and a second seed card in `paper`: enough for any flow."""
    open_card(root, "intro-a", stage="intro", tags=("seed",))
    open_card(root, "project-a", stage="project", tags=("seed",))
    open_card(root, "paper-a", stage="paper", tags=("seed", "theory"), order=10)
    open_card(root, "paper-b", stage="paper", tags=("seed", "practice"), order=20)
    open_card(root, "paper-c", stage="paper", tags=("practice",), order=30)
    return root
