"""Every card in both languages: its formulas render (no KaTeX error anywhere), and every page
works at phone and desktop widths without scrolling sideways."""

from __future__ import annotations

from typing import Any

import pytest

from app.config import Settings
from app.domain.cards import load_bank

CARDS = [q.id for q in load_bank(Settings().questions_dir)]
PAGES = ["/", "/questions", "/history", "/review", "/review/weakest", "/progress", "/resume",
         "/data", "/questions/resnet50-unit", "/questions/vit-vs-cnn/history"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_cards_math_renders(live_server: str, page: Any, lang: str) -> None:
    rendered = 0
    for card in CARDS:
        page.goto(f"{live_server}/questions/{card}?lang={lang}")
        page.wait_for_load_state("domcontentloaded")
        errors = page.locator(".katex-error")
        assert errors.count() == 0, f"{card} ({lang}): {errors.first.get_attribute('title')}"
        marked = page.locator(".math").count()
        assert page.locator(".math .katex").count() == marked, f"{card}: unrendered math"
        rendered += marked
    assert rendered > 50  # the bank really has formulas: the check above is not vacuous


@pytest.mark.parametrize("width", [375, 1440])
def test_every_page_fits_the_screen(live_server: str, page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        response = page.goto(live_server + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} at {width}px scrolls sideways by {overflow}px"
