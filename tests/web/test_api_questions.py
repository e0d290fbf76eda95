from fastapi.testclient import TestClient

from app.domain.cards import CJK
from app.domain.vocabulary import STAGES


def test_healthz_reports_status_and_grader(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["grader"] in ("ready", "starting")
    assert body["questions"] > 0


def test_questions_cover_every_stage_and_filter(client: TestClient) -> None:
    everything = client.get("/api/questions").json()
    assert {q["stage"] for q in everything} == set(STAGES)
    assert set(everything[0]) == {"id", "stage", "kind", "title", "tags", "difficulty"}
    coding = client.get("/api/questions", params={"stage": "coding"}).json()
    assert coding and all(q["stage"] == "coding" and q["kind"] == "code" for q in coding)
    seed = client.get("/api/questions", params={"tag": "seed"}).json()
    assert "resnet50-unit" in {q["id"] for q in seed}


def test_question_detail_in_both_languages(client: TestClient) -> None:
    en = client.get("/api/questions/resnet-bottleneck", params={"lang": "en"}).json()
    zh = client.get("/api/questions/resnet-bottleneck", params={"lang": "zh"}).json()
    assert en["lang"] == "en" and zh["lang"] == "zh"
    assert not CJK.search(en["prompt_markdown"] + en["title"])
    assert CJK.search(zh["prompt_markdown"])
    assert en["rubric"] and en["rubric"][0]["index"] == 0
    assert en["starter_code"] and "class Bottleneck" in en["solution"]


def test_unknown_question_is_404_json(client: TestClient) -> None:
    response = client.get("/api/questions/no-such-card")
    assert response.status_code == 404
    assert "no-such-card" in response.json()["detail"]


def test_bad_filter_is_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/questions", params={"stage": "lunch"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "query.stage"


def test_markdown_never_passes_raw_html(client: TestClient) -> None:
    for summary in client.get("/api/questions").json():
        detail = client.get(f"/api/questions/{summary['id']}").json()
        for html in (detail["prompt_html"], detail["answer_html"]):
            assert "<script" not in html.lower() and "javascript:" not in html.lower()
