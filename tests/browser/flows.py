"""Steps a person takes in the app, shared by the browser tests."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.helpers import REPO, axe_scan, format_violations, wait_for_htmx_idle

SEED_BUG = (REPO / "tests/judge/submissions/resnet-basic-block/wrong_seed_pseudocode_as_class.py").read_text()
CORRECT_BLOCK = (REPO / "questions/resnet-basic-block/reference.py").read_text()
CORRECT_UNIT = (REPO / "questions/resnet50-unit/reference.py").read_text()  # the interview's card


def assert_accessible(page: Any) -> None:
    violations = axe_scan(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def replace_code(page: Any, code: str) -> None:
    """Put `code` into the CodeMirror editor as if pasted (no auto-indent on typed newlines)."""
    editor = page.locator(".cm-content").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)


def run_checks(page: Any) -> Any:
    """Ctrl+Enter in the editor; the verdict is swapped in place by htmx."""
    page.locator(".cm-content").first.press("Control+Enter")
    verdict = page.locator("#verdict [data-verdict]")
    verdict.wait_for(state="visible", timeout=30_000)
    wait_for_htmx_idle(page)
    return verdict


def answer_open_card(page: Any, text: str, grade: str = "good") -> None:
    page.locator("#answer-input").fill(text)
    page.get_by_role("button", name=re.compile("show the rubric", re.I)).click()
    page.wait_for_selector("form.grade-form")
    page.locator(".rubric input[name=rubric]").first.check()
    page.locator(f"form.grade-form button[value={grade}]").click()
