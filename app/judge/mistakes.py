"""The mistake library: a failing submission that outputs what a known-wrong answer outputs, on
every case where it fails, made that answer's mistake; the feedback then names it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from app.judge.compare import same
from app.judge.messages import Text, t
from app.judge.spec import CodeCard, Mistake

# (mistake, case name, the user's output for it) -> does the mistake's output equal it?
Matcher = Callable[[Mistake, str, Any], bool]


def find(card: CodeCard, outputs: dict[str, Any], failing: set[str],
         matches: Matcher) -> Mistake | None:
    """The known mistake whose outputs equal the submission's on every case both completed.

    Comparing the passing cases too tells apart two mistakes that fail the same case the same
    way but differ elsewhere.
    """
    if not failing:
        return None
    for mistake in card.mistakes:
        if not failing <= mistake.outputs.keys():
            continue
        if all(matches(mistake, case, output) for case, output in outputs.items()
               if case in mistake.outputs):
            return mistake
    return None


def module_matcher(card: CodeCard) -> Matcher:
    def matches(mistake: Mistake, case: str, output: np.ndarray) -> bool:
        theirs = mistake.arrays.get(f"{case}.eval.out")
        return theirs is not None and same(output, theirs, card.spec.tolerance)
    return matches


def named(mistake: Mistake | None) -> Text:
    if mistake is None:
        return Text.same("")
    return t("\n\nThis is a known mistake: {m}", "\n\n这是一个常见错误：{m}", m=mistake.text)
