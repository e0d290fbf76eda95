"""A spoken answer recorded from Chromium's fake microphone, played back, stored, deletable."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.flows import assert_accessible


def test_record_play_back_and_keep_with_the_attempt(live_server: str, page: Any) -> None:
    page.goto(live_server + "/questions/self-intro-1min-en")
    recorder = page.locator("[data-recorder]")
    recorder.locator("[data-recorder-record]").click()
    page.locator("[data-recorder][data-state=recording]").wait_for()
    page.wait_for_timeout(1500)
    recorder.locator("[data-recorder-stop]").click()
    page.locator("[data-recorder][data-state=recorded]").wait_for()
    assert recorder.locator("audio").is_visible()
    assert recorder.get_attribute("data-fit") == "short"  # 1.5 s against a 50-75 s target
    assert_accessible(page)

    page.locator("#answer-input").fill("Hello, I am a CV intern candidate.")
    page.get_by_role("button", name=re.compile("show the rubric", re.I)).click()
    audio = page.locator("audio[src*='/recording']")
    audio.wait_for()
    src = audio.get_attribute("src")
    stored = page.request.get(page.url.split("/questions")[0] + src)
    assert stored.ok and stored.headers["content-type"].startswith("audio/")
    assert len(stored.body()) > 1000
    # a function, not a string: the page's CSP (script-src 'self') refuses eval'd strings
    page.wait_for_function(
        "() => document.querySelector(\"audio[src*='/recording']\").readyState >= 1",
        timeout=10_000)
    attempt_id = src.split("/")[3]
    attempt = page.request.get(f"{page.url.split('/questions')[0]}/api/attempts/{attempt_id}").json()
    assert attempt["has_recording"] and attempt["recording_duration_s"] > 1
    page.get_by_role("button", name="Delete the recording").click()
    page.wait_for_url(f"**/attempts/{attempt_id}")
    assert page.locator("audio").count() == 0
    assert page.request.get(page.url.split("/attempts")[0] + src).status == 404
