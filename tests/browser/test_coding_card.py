"""The seed's bug, typed into the real editor: the diagnosis names it; the fix passes."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.flows import CORRECT_BLOCK, SEED_BUG, assert_accessible, replace_code, run_checks


def test_seed_bug_is_diagnosed_then_fixed(live_server: str, page: Any) -> None:
    page.goto(live_server + "/questions/resnet-basic-block")
    page.wait_for_selector(".cm-editor")
    assert "class BasicBlock" in page.locator(".cm-content").inner_text()  # starter code

    replace_code(page, SEED_BUG)
    verdict = run_checks(page)
    assert verdict.get_attribute("data-status") == "failed"
    text = verdict.inner_text()
    assert re.search(r"second conv .*takes the block input x", text), text
    assert page.locator("#verdict [data-check=values][data-passed=false]").count() == 1
    assert_accessible(page)

    replace_code(page, CORRECT_BLOCK)
    verdict = run_checks(page)
    assert verdict.get_attribute("data-status") == "passed", verdict.inner_text()
    assert page.locator("#verdict [data-check][data-passed=false]").count() == 0


def test_draft_survives_a_reload(live_server: str, page: Any) -> None:
    page.goto(live_server + "/questions/resnet-bottleneck")
    page.wait_for_selector(".cm-editor")
    replace_code(page, "# my draft\nclass Bottleneck: pass\n")
    page.wait_for_timeout(600)  # drafts are saved on a short debounce
    page.reload()
    page.wait_for_selector(".cm-editor")
    assert "# my draft" in page.locator(".cm-content").inner_text()


def test_error_line_link_moves_the_cursor(live_server: str, page: Any) -> None:
    page.goto(live_server + "/questions/resnet-basic-block")
    page.wait_for_selector(".cm-editor")
    replace_code(page, "import torch\n\nclass BasicBlock(torch.nn.Module)\n    pass\n")
    verdict = run_checks(page)
    assert verdict.get_attribute("data-status") in ("failed", "error")
    link = page.locator("#verdict a[data-goto-line]")
    assert link.get_attribute("data-goto-line") == "3"
    link.click()
    assert "class BasicBlock" in page.locator(".cm-activeLine").inner_text()


def test_the_solution_is_shown_only_when_asked(live_server: str, page: Any) -> None:
    """After a failed run the card offers self-grading, never the solution, until the user asks;
    the seed's bug reads in Chinese too, with its code as code."""
    page.goto(live_server + "/questions/resnet-basic-block?lang=zh")
    page.wait_for_selector(".cm-editor")
    replace_code(page, SEED_BUG)
    verdict = run_checks(page)
    assert verdict.get_attribute("data-status") == "failed"
    assert "第二个卷积" in verdict.inner_text()
    assert verdict.locator(".verdict__summary code").count() >= 1  # backticks became code
    page.locator("#verdict a.btn").click()  # self-grade
    page.wait_for_selector("form.grade-form")
    assert page.locator(".reference-answer").count() == 0
    assert page.locator("pre.solution").count() == 0
    page.locator("[data-reveal-solution]").click()
    page.wait_for_selector(".reference-answer")
    assert "class BasicBlock" in page.locator(".reference-answer").inner_text()
    assert_accessible(page)
