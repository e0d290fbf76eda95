"""The JSON API's request and response bodies."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.cards import STAGES
from app.domain.interview import GRADES

SelfGrade = Literal["again", "hard", "good", "easy"]
StageName = Literal["intro", "project", "paper", "coding"]
assert tuple(SelfGrade.__args__) == GRADES and tuple(StageName.__args__) == STAGES  # type: ignore[attr-defined]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuestionSummary(BaseModel):
    id: str
    stage: StageName
    kind: Literal["open", "code"]
    title: str
    tags: list[str]
    difficulty: str


class RubricPoint(BaseModel):
    index: int
    text: str


class FollowUpOut(BaseModel):
    text: str
    ref: str | None


class QuestionDetail(QuestionSummary):
    lang: Literal["en", "zh"]
    order: int
    time_limit_s: int
    target_s: tuple[int, int] | None
    prompt_markdown: str
    prompt_html: str
    answer_markdown: str
    answer_html: str
    rubric: list[RubricPoint]
    follow_ups: list[FollowUpOut]
    sources: list[str]
    starter_code: str | None = None
    solution: str | None = None


class SessionCreate(Strict):
    stages: list[StageName] | None = Field(
        default=None, min_length=1, description="Stages to include, default all four."
    )
    per_stage: int | None = Field(default=None, ge=1, le=20, description="Cards per stage.")
    question_ids: list[str] | None = Field(
        default=None, min_length=1, max_length=50, description="Exact cards (put in stage order)."
    )
    lang: Literal["en", "zh"] = "en"


class PlannedCardOut(BaseModel):
    question_id: str
    stage: StageName


class CardProgressOut(PlannedCardOut):
    index: int
    answered: bool
    graded: bool
    self_grade: SelfGrade | None
    duration_s: float | None
    status: str | None


class SessionOut(BaseModel):
    id: int
    lang: str
    created_at: datetime
    finished_at: datetime | None
    cards: list[CardProgressOut]
    next_index: int | None


class AttemptCreate(Strict):
    question_id: str = Field(min_length=1, max_length=80)
    session_id: int | None = None
    answer: str = Field(description="The text answer (at most MAX_CODE_BYTES bytes).")
    self_grade: SelfGrade
    rubric_hits: list[int] = Field(default_factory=list, max_length=20)
    duration_s: float | None = Field(default=None, ge=0, le=86400)


class AttemptGrade(Strict):
    self_grade: SelfGrade
    rubric_hits: list[int] = Field(default_factory=list, max_length=20)


class SubmissionCreate(Strict):
    question_id: str = Field(min_length=1, max_length=80)
    code: str = Field(description="Python source (at most MAX_CODE_BYTES bytes).")
    session_id: int | None = None
    duration_s: float | None = Field(default=None, ge=0, le=86400)


class CheckOut(BaseModel):
    name: str
    passed: bool
    detail: str


class SubmissionOut(BaseModel):
    id: int
    question_id: str
    status: Literal["passed", "failed", "error", "timeout"]
    checks: list[CheckOut]
    feedback: str
    stdout: str
    duration_ms: float
    line: int | None = None
    created_at: datetime


class AttemptOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    question_id: str
    session_id: int | None
    stage: str
    kind: str
    answer: str
    verdict: dict[str, Any] | None
    status: str | None
    self_grade: SelfGrade | None
    rubric_hits: list[int]
    duration_s: float | None
    solution_revealed: bool
    has_recording: bool
    recording_duration_s: float | None
    created_at: datetime
    finished_at: datetime | None


class ErrorOut(BaseModel):
    detail: Any


# Every /api/ router documents the error body it really sends (FastAPI's default 422 differs).
API_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 413: {"model": ErrorOut},
    422: {"model": ErrorOut},
}
