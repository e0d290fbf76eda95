"""Request and response bodies of the review, resume and data API (app/routes/review.py)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class QueueCardOut(BaseModel):
    question_id: str
    stage: str
    kind: str
    title: str
    tags: list[str]
    due: datetime | None = Field(description="When the card falls due; null for a new card.")
    state: int = Field(description="0 new, 1 learning, 2 review, 3 relearning (FSRS).")
    retrievability: float = Field(description="Predicted chance of recall now, 0..1.")
    url: str


class DueOut(BaseModel):
    now: datetime
    due_count: int
    due: list[QueueCardOut]
    new: list[QueueCardOut] = Field(description="Cards never reviewed: offered, not due.")


class TopicOut(BaseModel):
    tag: str
    cards: int
    retrievability: float


class WeakestOut(BaseModel):
    topics: list[TopicOut] = Field(description="Tags by mean retrievability, weakest first.")
    tag: str | None
    cards: list[QueueCardOut]


class ResumeItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["project", "paper"]
    title: str = Field(min_length=1, max_length=200)
    summary: str = Field(default="", max_length=4000, description="One paragraph.")
    role: str = Field(default="", max_length=200)
    key_numbers: str = Field(default="", max_length=500, description="e.g. mAP 41.2 -> 44.0")


class ResumeItemOut(BaseModel):
    id: int
    kind: str
    title: str
    summary: str
    role: str
    key_numbers: str
    created_at: datetime
    card_ids: list[str]


class ImportOut(BaseModel):
    imported: dict[str, int] = Field(description="Rows per table.")
    recordings: int


class DeleteOut(BaseModel):
    deleted: dict[str, int] = Field(description="Rows per table.")
