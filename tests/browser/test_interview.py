"""A whole mock interview in Chromium: four stages, self-grades, then found again in history."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.flows import CORRECT_UNIT, answer_open_card, assert_accessible, replace_code, run_checks


def test_whole_mock_interview_then_history(live_server: str, page: Any) -> None:
    page.goto(live_server + "/")
    assert_accessible(page)
    page.locator("#per-stage").select_option("1")
    page.get_by_role("button", name=re.compile("start interview", re.I)).click()

    stages_seen = []
    for _ in range(4):
        page.wait_for_selector(".stage-progress [aria-current=step]")
        stage = page.locator(".question").get_attribute("data-kind")
        stages_seen.append(page.locator(".stage-progress [aria-current=step]").inner_text().split()[0])
        assert page.locator("[data-timer][data-timer-kind=card]").is_visible()
        if stage == "code":
            assert_accessible(page)
            replace_code(page, CORRECT_UNIT)
            verdict = run_checks(page)
            assert verdict.get_attribute("data-status") == "passed", verdict.inner_text()
            page.get_by_role("link", name=re.compile("self-grade", re.I)).click()
            page.wait_for_selector("form.grade-form")
            page.locator("form.grade-form button[value=easy]").click()
        else:
            answer_open_card(page, f"My answer for stage {len(stages_seen)}")
        page.wait_for_load_state("networkidle")

    assert page.locator(".stage-summary").is_visible()
    assert_accessible(page)
    rows = page.locator(".stage-summary tbody tr")
    assert [rows.nth(i).get_attribute("data-stage") for i in range(rows.count())] == [
        "intro",
        "project",
        "paper",
        "coding",
    ]

    page.get_by_role("link", name=re.compile("^history$", re.I)).first.click()
    page.wait_for_selector(".history-table")
    assert_accessible(page)
    assert page.locator(".history-table tbody tr[data-attempt-id]").count() == 4
    page.locator(".history-table tbody tr[data-attempt-id] a").first.click()
    assert page.locator(".submitted-code").is_visible()  # newest is the coding card
    assert_accessible(page)
