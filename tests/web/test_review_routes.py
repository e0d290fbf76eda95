"""Review queue, resume deck, progress and the suggested rating, through pages and the API."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import Settings
from app.domain.clock import utcnow
from app.main import create_app
from app.services.users import local_user
from app.store.models import ReviewCard, ReviewLog
from tests.conftest import make_settings, shared_bank
from tests.factories import code_attempt

HTML = {"accept": "text/html"}
PROJECT = {"kind": "project", "title": "Edge detector", "summary": "A fast detector for drones.",
           "role": "lead", "key_numbers": "mAP 41.2 -> 44.0"}
CODE_CARD = "nms"  # a code card with a 900 s limit


@pytest.fixture
def client(tmp_path, new_database) -> TestClient:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path / "data", new_database(), review_fuzzing=False)
    with TestClient(create_app(settings, bank=shared_bank())) as test_client:
        yield test_client


def soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def db(client: TestClient):  # type: ignore[no-untyped-def]
    session = client.app.state.sessionmaker()  # type: ignore[attr-defined]
    session.info["settings"] = client.app.state.settings  # type: ignore[attr-defined]
    return session


def make_overdue(client: TestClient, question_id: str) -> None:
    with db(client) as session:
        row = session.scalar(select(ReviewCard).where(ReviewCard.question_id == question_id))
        row.due = utcnow() - timedelta(hours=1)
        session.commit()


def answer(client: TestClient, question_id: str, grade: str, session_id: int | None = None) -> dict:
    response = client.post("/api/attempts", json={
        "question_id": question_id, "session_id": session_id, "answer": "my answer",
        "self_grade": grade, "duration_s": 60,
    })
    assert response.status_code == 201, response.text
    return response.json()


def test_resume_item_becomes_cards_in_the_plan_answered_and_scheduled(client: TestClient) -> None:
    item = client.post("/api/resume", json=PROJECT)
    assert item.status_code == 201
    card_ids = item.json()["card_ids"]
    assert 4 <= len(card_ids) <= 6 and card_ids[0] == f"resume-{item.json()['id']}-hardest"

    plan = client.post("/api/sessions", json={"stages": ["project"]}).json()
    planned = [c["question_id"] for c in plan["cards"]]
    assert planned[0] == card_ids[0]  # your own project leads the project stage

    answer(client, card_ids[0], "good", session_id=plan["id"])
    due = client.get("/api/review/due").json()
    assert card_ids[0] not in [c["question_id"] for c in due["new"]]  # now it has a schedule
    with db(client) as session:
        log = session.scalar(select(ReviewLog).where(ReviewLog.question_id == card_ids[0]))
        assert (log.rating, log.state_before, log.state_after) == (3, 0, 1)
        assert log.due - log.reviewed_at == timedelta(minutes=10)

    # The next interview asks the next template of that item, and the card page shows it.
    second = client.post("/api/sessions", json={"stages": ["project"]}).json()
    assert second["cards"][0]["question_id"] == card_ids[1]
    page = soup(client.get(f"/questions/{card_ids[0]}", headers=HTML))
    assert "Edge detector" in page.select_one("h1").get_text()
    assert "mAP 41.2" in page.get_text()
    history = soup(client.get("/history", headers=HTML))
    title = history.select_one(".history-table tbody tr td:nth-of-type(2)").get_text()
    assert "Edge detector" in title


def test_resume_cards_speak_chinese_and_escape_markup(client: TestClient) -> None:
    body = {**PROJECT, "kind": "paper", "title": "<b>检测</b>"}
    item = client.post("/api/resume", json=body).json()
    detail = client.get(f"/api/questions/{item['card_ids'][0]}", params={"lang": "zh"}).json()
    assert detail["title"] == "用两分钟讲清 <b>检测</b> 的核心思想。"
    assert "<b>" not in detail["prompt_html"] and "&lt;b&gt;" in detail["prompt_html"]


def test_resume_page_adds_lists_and_deletes(client: TestClient) -> None:
    added = client.post("/resume", data=PROJECT)
    page = soup(added)
    items = page.select("[data-resume-item-id]")
    assert len(items) == 1 and "Edge detector" in items[0].get_text()
    assert len(items[0].select(".resume-cards a")) == 6
    card = items[0].select_one(".resume-cards a")["href"]
    form = items[0].select_one("form[action$='/delete']")
    assert not soup(client.post(form["action"])).select("[data-resume-item-id]")
    assert client.get(card, headers=HTML).status_code == 404
    assert client.get("/api/resume").json() == []
    assert client.delete("/api/resume/999").status_code == 404


def test_due_queue_and_home_page_count(client: TestClient) -> None:
    home = soup(client.get("/", headers=HTML))
    assert home.select_one("[data-due-count]")["data-due-count"] == "0"
    answer(client, "project-walkthrough", "again")
    answer(client, "paper-presentation", "good")
    make_overdue(client, "project-walkthrough")
    due = client.get("/api/review/due").json()
    assert [c["question_id"] for c in due["due"]] == ["project-walkthrough"]
    assert due["due_count"] == 1 and due["due"][0]["state"] == 1
    assert "project-walkthrough" not in [c["question_id"] for c in due["new"]]
    assert due["new"] and all(c["due"] is None for c in due["new"])
    home = soup(client.get("/", headers=HTML))
    assert home.select_one("[data-due-count]")["data-due-count"] == "1"
    review = soup(client.get("/review", headers=HTML))
    rows = review.select(".review-due tbody tr[data-question-id]")
    assert [r["data-question-id"] for r in rows] == ["project-walkthrough"]
    assert rows[0].select_one("a")["href"] == "/questions/project-walkthrough"


def test_weakest_topic_comes_first(client: TestClient) -> None:
    answer(client, "project-walkthrough", "good")
    answer(client, "paper-presentation", "good")
    with db(client) as session:  # the paper was learned long ago: its recall has faded
        query = select(ReviewCard).where(ReviewCard.question_id == "paper-presentation")
        row = session.scalar(query)
        row.last_review = utcnow() - timedelta(days=60)
        session.commit()
    weakest = client.get("/api/review/weakest").json()
    assert weakest["tag"] in {"paper", "presentation", "communication", "seed"}
    assert weakest["cards"][0]["question_id"] == "paper-presentation"
    recalls = [t["retrievability"] for t in weakest["topics"]]
    assert recalls == sorted(recalls)
    page = soup(client.get("/review/weakest", headers=HTML))
    assert page.select_one("[data-weakest-tag]")["data-weakest-tag"] == weakest["tag"]
    assert page.select_one(".review-weakest tbody tr")["data-question-id"] == "paper-presentation"


def submit(client: TestClient, status: str, seconds: float, code: str) -> int:
    """A graded code run without the sandbox (grader_workers=0 in these tests)."""
    with db(client) as session:
        question = client.app.state.bank.by_id[CODE_CARD]  # type: ignore[attr-defined]
        return code_attempt(session, local_user(session), question, status=status,
                            seconds=seconds, code=code).id


def test_code_card_suggests_a_rating_and_the_users_grade_wins(client: TestClient) -> None:
    submit(client, "failed", 200, "def nms():\n    return None\n")
    submit(client, "error", 300, "def nms():\n    raise\n")
    last = submit(client, "passed", 400, "def nms():\n    return keep\n")
    page = soup(client.get(f"/questions/{CODE_CARD}", params={"attempt": last}, headers=HTML))
    form = page.select_one("form.grade-form")
    assert form.select_one("[data-suggested-grade]")["data-suggested-grade"] == "hard"
    client.post(form["action"], data={"self_grade": "good"})
    with db(client) as session:
        log = session.scalar(select(ReviewLog).where(ReviewLog.attempt_id == last))
        assert (log.rating, log.suggested_rating) == (3, 2)
        # Re-grading the same attempt replaces its review instead of adding one.
        client.post(form["action"], data={"self_grade": "again"})
        session.expire_all()
        logs = list(session.scalars(select(ReviewLog)))
        assert [(entry.rating, entry.state_before) for entry in logs] == [(1, 0)]

    history = soup(client.get(f"/questions/{CODE_CARD}/history", headers=HTML))
    revisions = history.select(".revision")
    assert len(revisions) == 3
    assert [s.get_text() for s in revisions[2].select("[data-diff=add]")] == ["+    return keep"]
    assert [s.get_text() for s in revisions[2].select("[data-diff=del]")] == ["-    raise"]


def test_progress_page_charts_carry_json_and_a_table(client: TestClient) -> None:
    answer(client, "project-walkthrough", "good")
    answer(client, "paper-presentation", "hard")
    submit(client, "passed", 123, "x = 1\n")
    page = soup(client.get("/progress", headers=HTML))
    charts = {c["data-chart-id"]: c for c in page.select("[data-chart-id]")}
    assert set(charts) == {"topics", "grades", "solve-times"}
    for section in charts.values():
        canvas = section.select_one("canvas[data-chart]")
        config = json.loads(canvas["data-chart"])
        assert config["type"] in {"bar", "line"} and config["data"]["datasets"]
        assert canvas["aria-label"] and section.select(".chart-table tbody tr")
    grades = json.loads(charts["grades"].select_one("canvas")["data-chart"])
    assert grades["data"]["labels"] == ["Project", "Paper"]
    solve = json.loads(charts["solve-times"].select_one("canvas")["data-chart"])
    assert solve["data"]["datasets"][0]["data"] == [123]
    today = utcnow().date().isoformat()
    assert page.select_one(f".heatmap [data-date='{today}']")["data-count"] == "3"
    assert page.select_one(f".heatmap-table tr[data-date='{today}'] td.num").get_text() == "3"


def test_chart_json_is_escaped_in_the_attribute(client: TestClient) -> None:
    client.post("/api/resume", json={**PROJECT, "title": "x' onmouseover='alert(1)"})
    qid = client.get("/api/resume").json()[0]["card_ids"][0]
    answer(client, qid, "good")
    page = soup(client.get("/progress", headers=HTML))
    for canvas in page.select("canvas[data-chart]"):
        assert not canvas.has_attr("onmouseover")
        json.loads(canvas["data-chart"])


def test_nav_links_and_data_page_buttons(client: TestClient) -> None:
    page = soup(client.get("/data", headers=HTML))
    hrefs = {a["href"] for a in page.select("header nav a")}
    assert {"/review", "/progress", "/resume", "/data"} <= hrefs
    assert page.select_one("a[href='/data/export']")
    assert page.select_one("a[href='/api/export/review-log.csv']")
    assert page.select_one("form[action='/data/import'] input[type=file]")
    delete = page.select_one("form[action='/data/delete']")
    assert delete.select_one("input[name=confirm][required]")
    answer(client, "project-walkthrough", "good")
    assert client.post("/data/delete").status_code == 422  # not confirmed: nothing deleted
    assert client.get("/api/attempts").json()
    done = soup(client.post("/data/delete", data={"confirm": "delete"}))
    assert done.select_one(".alert--success") and client.get("/api/attempts").json() == []


def test_desired_retention_setting_reaches_the_scheduler(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def interval(retention: float) -> timedelta:
        settings = Settings(data_dir=tmp_path / str(retention), grader_workers=0,  # type: ignore[call-arg]
                            review_fuzzing=False, review_desired_retention=retention)
        with TestClient(create_app(settings, bank=shared_bank())) as client:
            answer(client, "project-walkthrough", "easy")
            with db(client) as session:
                log = session.scalar(select(ReviewLog))
                return log.due - log.reviewed_at
    assert interval(0.8) > interval(0.95)
