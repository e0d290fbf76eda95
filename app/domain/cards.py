"""questions/<id>/ folders -> frozen, validated cards, loaded once at start-up."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app.domain.markdown import render_markdown
from app.domain.vocabulary import LANGS, STAGES, Kind, Stage

# A code card's folder and grader block -> the object that grades it (app.judge.load_code_card).
CodeCardLoader = Callable[[Path, dict[str, Any]], Any]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CARD_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")


class Text(BaseModel):
    """A string in both languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    @field_validator("en")
    @classmethod
    def _english_is_english(cls, value: str) -> str:
        if CJK.search(value):
            raise ValueError("English text contains Chinese characters")
        return value

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class FollowUp(Text):
    ref: str | None = None


class CardSpec(BaseModel):
    """The schema of question.yaml (docs/cards.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    stage: Stage
    kind: Kind
    title: Text
    tags: tuple[str, ...] = ()
    difficulty: Literal["easy", "medium", "hard"]
    order: int = 100
    time_limit_s: int = Field(gt=0, le=7200)
    target_s: tuple[int, int] | None = None
    rubric: tuple[Text, ...] = Field(min_length=1, max_length=8)
    follow_ups: tuple[FollowUp, ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)
    grader: dict[str, Any] | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not CARD_ID.match(value):
            raise ValueError("lowercase letters, digits and '-' only")
        return value


@dataclass(frozen=True)
class Prose:
    markdown: str
    html: str


@dataclass(frozen=True)
class Question:
    spec: CardSpec
    directory: Path
    prompt: dict[str, Prose]
    answer: dict[str, Prose]
    starter_code: str | None = None
    solution: str | None = None
    code_card: Any = None  # app.judge.spec.CodeCard for kind == "code"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def stage(self) -> str:
        return self.spec.stage

    @property
    def kind(self) -> str:
        return self.spec.kind


class BankError(Exception):
    """The bank has invalid cards; `problems` holds `file: field: problem` lines."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class QuestionBank:
    by_id: dict[str, Question]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.ordered())

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, question_id: str) -> Question | None:
        return self.by_id.get(question_id)

    def ordered(self) -> list[Question]:
        return sorted(
            self.by_id.values(), key=lambda q: (STAGES.index(q.stage), q.spec.order, q.id)
        )

    def filter(self, stage: str | None = None, tag: str | None = None) -> list[Question]:
        return [
            q
            for q in self.ordered()
            if (stage is None or q.stage == stage) and (tag is None or tag in q.spec.tags)
        ]


def load_bank(root: Path, *, code_cards: CodeCardLoader | None = None) -> QuestionBank:
    """Load every card folder under root; raise BankError listing every problem found.

    `code_cards` turns a code card's folder and grader block into what grades it (the judge's
    loader); without it (a quick check) grader blocks are kept unread.
    """
    problems: list[str] = []
    cards: dict[str, Question] = {}
    if not root.is_dir():
        raise BankError([f"{root}: folder not found"])
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        card_problems: list[str] = []
        question = _load_card(directory, card_problems, code_cards)
        problems += card_problems
        if question is not None and not card_problems:
            cards[question.id] = question
    problems += _check_refs(cards)
    if problems:
        raise BankError(problems)
    return QuestionBank(cards)


def _load_card(directory: Path, problems: list[str],
               code_cards: CodeCardLoader | None) -> Question | None:
    spec_path = directory / "question.yaml"
    spec = _read_spec(spec_path, problems)
    if spec is None:
        return None
    if spec.id != directory.name:
        problems.append(f"{spec_path}: id: {spec.id!r} differs from the folder name")
    if spec.target_s and spec.target_s[0] > spec.target_s[1]:
        problems.append(f"{spec_path}: target_s: the minimum is above the maximum")
    prompt = _read_prose(directory, "prompt", problems)
    answer = _read_prose(directory, "answer", problems)
    if spec.kind == "open":
        if spec.grader is not None:
            problems.append(f"{spec_path}: grader: open cards have no grader")
        return Question(spec, directory, prompt, answer)
    if spec.stage != "coding":
        problems.append(f"{spec_path}: stage: code cards belong to the coding stage")
    if spec.grader is None:
        problems.append(f"{spec_path}: grader: code cards need a grader block")
        return None
    starter = _read_text(directory / "starter.py", problems)
    solution = _read_text(directory / "reference.py", problems)
    code_card = None
    if code_cards is not None:
        try:
            code_card = code_cards(directory, spec.grader)
        except ValueError as exc:  # the judge's CardError: `field: problem`
            problems.append(f"{spec_path}: grader: {exc}")
    return Question(spec, directory, prompt, answer, starter, solution, code_card)


def _read_spec(path: Path, problems: list[str]) -> CardSpec | None:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path}: file: missing")
        return None
    except yaml.YAMLError as exc:
        problems.append(f"{path}: yaml: {exc}".replace("\n", " "))
        return None
    if not isinstance(raw, dict):
        problems.append(f"{path}: yaml: expected a mapping at the top level")
        return None
    try:
        return CardSpec.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"]) or "(top)"
            problems.append(f"{path}: {where}: {error['msg']}")
        return None


def _read_prose(directory: Path, name: str, problems: list[str]) -> dict[str, Prose]:
    prose: dict[str, Prose] = {}
    for lang in LANGS:
        path = directory / f"{name}.{lang}.md"
        text = _read_text(path, problems)
        if text is None:
            continue
        if not text.strip():
            problems.append(f"{path}: text: empty")
        if lang == "en" and CJK.search(text):
            problems.append(f"{path}: text: English text contains Chinese characters")
        text = _without_title(text)  # the page shows the card's title / its own heading
        prose[lang] = Prose(text, render_markdown(text))
    return prose


def _without_title(text: str) -> str:
    """Drop a leading `# Title` line: the page already shows the card's title as its heading."""
    stripped = text.lstrip()
    if stripped.startswith("# "):
        return stripped.split("\n", 1)[1].lstrip("\n") if "\n" in stripped else ""
    return text


def _read_text(path: Path, problems: list[str]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"{path}: file: missing")
    except UnicodeDecodeError:
        problems.append(f"{path}: file: not UTF-8")
    return None


def _check_refs(cards: dict[str, Question]) -> list[str]:
    return [
        f"{q.directory / 'question.yaml'}: follow_ups: unknown card {f.ref!r}"
        for q in cards.values()
        for f in q.spec.follow_ups
        if f.ref and f.ref not in cards
    ]
