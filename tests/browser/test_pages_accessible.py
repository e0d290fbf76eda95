"""Every main page: renders, no console errors, no outside requests, no serious axe violations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.flows import assert_accessible

PAGES = [
    "/",
    "/?lang=zh",
    "/questions",
    "/questions?stage=coding",
    "/questions/resnet-bottleneck",
    "/questions/resnet-degradation-vs-overfitting",
    "/questions/stable-diffusion-overview?lang=zh",
    "/history",
    "/review",
    "/progress",
    "/resume",
    "/data",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean(live_server: str, page: Any, path: str) -> None:
    response = page.goto(live_server + path)
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().strip()
    assert_accessible(page)


@pytest.mark.parametrize("width", [375, 1440])
def test_no_sideways_scroll(live_server: str, page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("/", "/questions/resnet-basic-block", "/history"):
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} at {width}px scrolls sideways by {overflow}px"


def test_help_overlay_lists_shortcuts(live_server: str, page: Any) -> None:
    page.goto(live_server + "/")
    page.keyboard.press("?")
    overlay = page.locator(".shortcut-help")
    overlay.wait_for(state="visible")
    assert "Start interview" in overlay.inner_text()
    assert_accessible(page)
    page.keyboard.press("Escape")
    overlay.wait_for(state="hidden")
