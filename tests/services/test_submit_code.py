"""submit_code(): a fault of ours answers 503 and stores nothing; a verdict is stored once."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.judge import GraderFault, Verdict

BODY = {"question_id": "resnet-bottleneck", "code": "x = 1"}


class FaultyGrader:
    """A grader whose sandbox fails on our side (setup failed, worker died, checker bug)."""

    def status(self) -> dict:
        return {"state": "ready"}

    async def close(self) -> None:
        pass

    async def grade(self, card: object, source: str) -> Verdict:
        raise GraderFault("sandbox setup failed")


class PassingGrader(FaultyGrader):
    async def grade(self, card: object, source: str) -> Verdict:
        return Verdict(status="passed", checks=[], feedback="all checks passed", stdout="",
                       duration_ms=1.0)


def test_a_grader_fault_is_503_and_leaves_no_attempt(client: TestClient) -> None:
    client.app.state.grader = FaultyGrader()  # type: ignore[attr-defined]
    response = client.post("/api/submissions", json=BODY)
    assert response.status_code == 503
    assert "failed on our side" in response.json()["detail"]
    assert client.get("/api/attempts").json() == []
    assert client.get("/api/review/due").json()["due_count"] == 0


def test_the_page_form_answers_503_too_and_stores_nothing(client: TestClient) -> None:
    client.app.state.grader = FaultyGrader()  # type: ignore[attr-defined]
    response = client.post("/questions/resnet-bottleneck/answer", data={"answer": "x = 1"},
                           headers={"Accept": "text/html"})
    assert response.status_code == 503
    assert client.get("/api/attempts").json() == []


def test_a_verdict_is_stored_as_one_attempt(client: TestClient) -> None:
    client.app.state.grader = PassingGrader()  # type: ignore[attr-defined]
    response = client.post("/api/submissions", json=BODY)
    assert response.status_code == 201, response.text
    assert [a["status"] for a in client.get("/api/attempts").json()] == ["passed"]


def test_a_lone_surrogate_is_a_clear_422_not_a_500(client: TestClient) -> None:
    client.app.state.grader = PassingGrader()  # type: ignore[attr-defined]
    raw = '{"question_id": "resnet-bottleneck", "code": "x = \\"\\udc80\\""}'
    response = client.post("/api/submissions", content=raw,
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "code"
    answer = client.post("/api/attempts", content=raw.replace('"code"', '"answer"').replace(
        '"resnet-bottleneck"', '"vit-vs-cnn", "self_grade": "good"'),
        headers={"Content-Type": "application/json"})
    assert answer.status_code == 422
