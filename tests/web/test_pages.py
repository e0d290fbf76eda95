"""The server-rendered mock interview, checked through the HTML structure (no JS needed)."""

import re

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

HTML = {"accept": "text/html"}


def soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def test_home_offers_a_mock_interview(client: TestClient) -> None:
    page = soup(client.get("/", headers=HTML))
    form = page.select_one("form[action='/sessions']")
    assert form is not None and form.select("input[name=stages]")
    assert page.select_one("a[href='/history']")


def test_whole_interview_in_the_browser_then_history(client: TestClient) -> None:
    response = client.post("/sessions", data={"per_stage": "1", "stages": ["intro", "project", "paper"]})
    graded = 0
    while True:
        page = soup(response)
        if page.select_one(".stage-summary"):
            break
        card_url = str(response.url.path)
        assert page.select_one("[data-timer][data-limit-s]") is not None
        assert page.select_one(".stage-progress [aria-current=step]") is not None
        form = page.select_one("form.answer-form")
        assert form is not None, card_url
        answered = client.post(form["action"], data={"answer": f"answer {graded}", "duration_s": "30"})
        revealed = soup(answered)
        assert revealed.select_one(".reference-answer").get_text(strip=True)
        rubric = revealed.select(".rubric input[name=rubric]")
        assert rubric
        grade_form = revealed.select_one("form.grade-form")
        response = client.post(grade_form["action"], data={"self_grade": "good", "rubric": ["0"]})
        graded += 1
        assert graded <= 10
    assert graded == 3
    summary = page
    assert [row["data-stage"] for row in summary.select(".stage-summary tbody tr")] == [
        "intro",
        "project",
        "paper",
    ]
    history = soup(client.get("/history", headers=HTML))
    assert len(history.select(".history-table tbody tr[data-attempt-id]")) == 3
    intro_only = soup(client.get("/history", params={"stage": "intro"}, headers=HTML))
    assert len(intro_only.select(".history-table tbody tr[data-attempt-id]")) == 1
    first = history.select_one(".history-table tbody tr[data-attempt-id] a")["href"]
    attempt = soup(client.get(first, headers=HTML))
    assert "answer 2" in attempt.select_one(".answer-text").get_text()


def test_summary_lists_what_to_revisit(client: TestClient) -> None:
    response = client.post("/sessions", data={"per_stage": "1", "stages": ["paper"]})
    page = soup(response)
    form = page.select_one("form.answer-form")
    revealed = soup(client.post(form["action"], data={"answer": "not sure"}))
    summary = soup(
        client.post(revealed.select_one("form.grade-form")["action"], data={"self_grade": "again"})
    )
    assert summary.select(".revisit li a")


def test_coding_card_shows_editor_with_starter_code(client: TestClient) -> None:
    page = soup(client.get("/questions/resnet-bottleneck", headers=HTML))
    editor = page.select_one("textarea[data-editor=python][name=answer]")
    assert editor is not None and "Bottleneck" in editor.get_text()
    assert page.select_one("#verdict") is not None


def test_language_switch_and_browser_language(client: TestClient) -> None:
    zh = soup(
        client.get("/questions/resnet-bottleneck", headers={**HTML, "accept-language": "zh-CN,zh;q=0.9"})
    )
    assert zh.html["lang"] == "zh-CN"
    assert re.search(r"[\u4e00-\u9fff]", zh.select_one("h1").get_text())
    en = client.get("/questions/resnet-bottleneck?lang=en", headers={**HTML, "accept-language": "zh-CN"})
    assert soup(en).html["lang"] == "en" and en.cookies.get("lang") == "en"


def test_unknown_pages_are_html_404(client: TestClient) -> None:
    response = client.get("/questions/nope", headers=HTML)
    assert response.status_code == 404 and "<h1>404</h1>" in response.text
    assert client.get("/sessions/999/cards/0", headers=HTML).status_code == 404
