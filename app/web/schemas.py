"""The JSON API's request and response bodies (the OpenAPI schema at /docs is built from these)."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.domain.vocabulary import Grade, Kind, Lang, Stage

SelfGrade = Grade
StageName = Stage


class Strict(BaseModel):
    """A request body: unknown fields and text that is not valid Unicode are refused (422)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _valid_unicode(cls, value: Any) -> Any:
        # JSON's \udc80 escapes decode to lone surrogates, which no database can store.
        for text in _strings(value):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(f"contains a character that is not valid Unicode at position "
                                 f"{exc.start}") from None
        return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


class QuestionSummary(BaseModel):
    id: str
    stage: StageName
    kind: Kind
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
    lang: Lang
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
    lang: Lang = Lang.EN


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
    lang: Lang | None = Field(
        default=None, description="Language of the verdict's text; default: Accept-Language.")


class CheckOut(BaseModel):
    name: str = Field(description="Stable id: syntax, entry, forbidden, exception, structure, "
                                  "shape, dtype, values, train, grad, timeout, memory, result.")
    label: str = Field(description="The check's name in the response's language.")
    passed: bool
    detail: str


class SubmissionOut(BaseModel):
    id: int
    question_id: str
    status: Literal["passed", "failed", "error", "timeout"]
    checks: list[CheckOut]
    feedback: str = Field(description="What is wrong (or that all checks passed), in `lang`.")
    lang: Lang
    stdout: str
    duration_ms: float
    line: int | None = None
    mistake: str | None = Field(default=None, description="The card's known mistake this "
                                "submission reproduced (the name of its known-wrong answer).")
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


# ---- review, resume deck and your data ------------------------------------------------


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
    topics: list[TopicOut] = Field(description="Topics (tags) by mean predicted recall a week "
                                   "from now, weakest first.")
    tag: str | None
    cards: list[QueueCardOut]


class ResumeItemCreate(Strict):
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
