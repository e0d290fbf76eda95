"""Smoke test: the home page renders, has a heading, no a11y blockers, no JS errors."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import axe_scan, format_violations


def test_home_page_renders_accessibly(live_server: str, page: Any) -> None:
    response = page.goto(live_server + "/")
    assert response is not None and response.ok, f"GET / answered {response and response.status}"
    page.wait_for_load_state("networkidle")
    heading = page.locator("h1").first
    assert heading.is_visible(), "the home page has no visible <h1>"
    assert heading.inner_text().strip(), "the home page's <h1> is empty"
    violations = axe_scan(page)
    assert not violations, "axe serious/critical violations:\n" + format_violations(violations)
