"""The progress page's Chart.js charts render from real attempts, with no console errors."""

from __future__ import annotations

from typing import Any

from tests.browser.flows import CORRECT_BLOCK, SEED_BUG, assert_accessible


def test_charts_render_with_real_data(live_server: str, page: Any) -> None:
    api = page.request
    for grade in ("again", "good", "easy"):
        api.post(
            f"{live_server}/api/attempts",
            data={
                "question_id": "resnet-degradation-vs-overfitting",
                "answer": "x",
                "self_grade": grade,
                "rubric_hits": [0],
                "duration_s": 120,
            },
        )
    for code in (SEED_BUG, CORRECT_BLOCK):
        made = api.post(
            f"{live_server}/api/submissions",
            data={"question_id": "resnet-basic-block", "code": code, "duration_s": 300},
        )
        assert made.ok, made.text()

    page.goto(live_server + "/progress")
    page.wait_for_load_state("networkidle")
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() >= 3
    for i in range(canvases.count()):
        canvas = canvases.nth(i)
        # Chart.js attached an instance with at least one data point, and drew a visible canvas.
        points = canvas.evaluate(
            "c => c.mianjingChart ? c.mianjingChart.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1"
        )
        assert points > 0, f"chart {i} has no data"
        box = canvas.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 50
    assert page.locator("table").count() >= 1  # the same data as tables, for screen readers
    assert_accessible(page)
