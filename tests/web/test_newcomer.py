"""What a first user ran into: the solution shown too early, a suggested `easy` after a failed
run, the internal `seed` tag as a topic, a bare 409 page, no theme switch, a title twice."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.services.users import local_user
from app.store.models import Attempt
from tests.factories import code_attempt

HTML = {"Accept": "text/html"}
CARD = "resnet-basic-block"


def soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.text, "html.parser")


def run(client: TestClient, status: str, seconds: float = 60.0) -> Attempt:
    with client.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        question = client.app.state.bank.by_id[CARD]  # type: ignore[attr-defined]
        return code_attempt(db, local_user(db), question, status=status, seconds=seconds)


def test_a_coding_cards_solution_stays_hidden_until_asked(client: TestClient) -> None:
    failed = run(client, "failed")
    page = soup(client.get(f"/questions/{CARD}", params={"attempt": failed.id}, headers=HTML))
    assert page.select_one("form.grade-form") is not None  # self-grading is open
    assert page.select_one(".reference-answer") is None  # ... the solution is not
    reveal = page.select_one("[data-reveal-solution]").find_parent("form")
    shown = soup(client.post(reveal["action"], headers=HTML))
    assert "class BasicBlock" in shown.select_one(".reference-answer").get_text()


def test_the_suggested_grade_follows_this_run(client: TestClient) -> None:
    run(client, "passed", seconds=60)
    failed = run(client, "failed")
    page = soup(client.get(f"/questions/{CARD}", params={"attempt": failed.id}, headers=HTML))
    assert page.select_one("[data-suggested-grade]")["data-suggested-grade"] == "again"


def test_the_reference_answer_has_one_heading(client: TestClient) -> None:
    answered = client.post("/questions/vit-vs-cnn/answer", data={"answer": "notes"}, headers=HTML)
    page = soup(answered)
    answer = page.select_one(".reference-answer")
    assert answer is not None and answer.find(["h1"]) is None
    assert [h.get_text() for h in page.select("h2")].count("Reference answer") == 1


def test_the_theme_switch_is_remembered_without_script(client: TestClient) -> None:
    assert soup(client.get("/", headers=HTML)).html.get("data-theme") is None  # the OS decides
    dark = client.get("/", params={"theme": "dark"}, headers=HTML)
    assert soup(dark).html["data-theme"] == "dark"
    assert soup(client.get("/history", headers=HTML)).html["data-theme"] == "dark"  # cookie
    back = soup(client.get("/", params={"theme": "auto"}, headers=HTML))
    assert back.html.get("data-theme") is None
    assert back.select_one("[data-theme-choice=auto]")["aria-current"] == "true"


def test_an_import_into_data_says_what_to_do_on_the_page(client: TestClient) -> None:
    client.post("/api/attempts", json={"question_id": "vit-vs-cnn", "answer": "x",
                                       "self_grade": "good"})
    export = client.get("/api/export").content
    response = client.post("/data/import", files={"file": ("e.json", export, "application/json")},
                           headers=HTML)
    assert response.status_code == 409
    alert = soup(response).select_one("[data-import-error]").get_text()
    assert "Replace the data already here" in alert
    assert soup(response).select_one("form.import-form input[name=replace]") is not None


def test_the_internal_seed_tag_is_never_a_topic(client: TestClient) -> None:
    for card in ("self-intro-1min-zh", "vit-vs-cnn"):
        client.post("/api/attempts", json={"question_id": card, "answer": "x",
                                           "self_grade": "again"})
    topics = [t["tag"] for t in client.get("/api/review/weakest").json()["topics"]]
    assert topics and "seed" not in topics
