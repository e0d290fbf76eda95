"""A stored verdict, shown: in the reader's language, code and tracebacks as code, nothing twice.

Verdicts are stored with every text in both languages (`{"en": ..., "zh": ...}`); rows written
before that hold plain English strings, shown as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.domain.markdown import render_inline
from app.judge.messages import CHECK_LABELS

# A line of a code-like block: indented (a traceback frame), an expected/got pair, or the
# exception line that ends a traceback.
CODE_LINE = re.compile(r"^(\s{2,}\S|(expected|got|期望|实际)\s*[:：]|\w+(Error|Exception|Exit)\b.*:)")


def localized(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or "")
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Block:
    kind: str  # "text": Markdown inline (backticks become code); "code": preformatted
    text: str

    @property
    def html(self) -> str:
        return render_inline(self.text)


def feedback_blocks(text: str) -> list[Block]:
    """Paragraphs of words, and the code-like lines among them as preformatted blocks."""
    blocks: list[Block] = []
    for paragraph in text.split("\n\n"):
        kind, lines = "text", list[str]()
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            line_kind = "code" if CODE_LINE.match(line) else "text"
            if line_kind != kind and lines:
                blocks.append(Block(kind, ("\n" if kind == "code" else " ").join(lines)))
                lines = []
            kind = line_kind
            lines.append(line)
        if lines:
            blocks.append(Block(kind, ("\n" if kind == "code" else " ").join(lines)))
    return blocks


@dataclass(frozen=True)
class CheckView:
    name: str
    label: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class VerdictView:
    status: str
    duration_ms: float
    line: int | None
    stdout: str
    feedback: str
    blocks: list[Block]
    checks: list[CheckView]


def check_label(name: str, lang: str) -> str:
    label = CHECK_LABELS.get(name)
    return label.get(lang) if label else name


def verdict_view(verdict: dict[str, Any] | None, lang: str) -> VerdictView | None:
    if not verdict:
        return None
    feedback = localized(verdict.get("feedback"), lang)
    checks = [CheckView(c.get("name", "?"), check_label(c.get("name", "?"), lang),
                        bool(c.get("passed")), localized(c.get("detail"), lang))
              for c in verdict.get("checks") or []]
    return VerdictView(verdict.get("status", "error"), float(verdict.get("duration_ms") or 0.0),
                       verdict.get("line"), verdict.get("stdout") or "", feedback,
                       feedback_blocks(feedback), checks)
