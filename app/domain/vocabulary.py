"""The words the whole app shares, defined once: stages, card kinds, grades, languages."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """The four parts of a first-round interview, in the order they are asked."""

    INTRO = "intro"
    PROJECT = "project"
    PAPER = "paper"
    CODING = "coding"


class Kind(StrEnum):
    OPEN = "open"  # answered in words, graded by the user against a rubric
    CODE = "code"  # answered in code, checked by the grader


class Grade(StrEnum):
    """The self-grade after a card, as in Anki (and FSRS's four ratings)."""

    AGAIN = "again"
    HARD = "hard"
    GOOD = "good"
    EASY = "easy"


class Lang(StrEnum):
    EN = "en"
    ZH = "zh"


# Tags that organise the bank rather than name a topic: never shown as one.
INTERNAL_TAGS = frozenset({"seed"})

STAGES: tuple[Stage, ...] = tuple(Stage)
GRADES: tuple[Grade, ...] = tuple(Grade)
LANGS: tuple[Lang, ...] = tuple(Lang)


def N_(message: str) -> str:
    """Marks a string for extraction (pybabel `-k N_`) whose translation is looked up later."""
    return message
