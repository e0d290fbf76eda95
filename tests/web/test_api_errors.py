"""Bad input: clear 4xx JSON, nothing half-written."""

import pytest
from fastapi.testclient import TestClient


def count_attempts(client: TestClient) -> int:
    return len(client.get("/api/attempts").json())


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"answer": "x", "self_grade": "good"}, "question_id"),
        ({"question_id": "transformer-basics", "answer": "x", "self_grade": "great"}, "self_grade"),
        (
            {"question_id": "transformer-basics", "answer": "x", "self_grade": "good", "duration_s": -1},
            "duration_s",
        ),
        ({"question_id": "transformer-basics", "answer": 5, "self_grade": "good"}, "answer"),
        (
            {"question_id": "transformer-basics", "answer": "x", "self_grade": "good", "surprise": 1},
            "surprise",
        ),
    ],
)
def test_invalid_attempt_is_422_naming_the_field(client: TestClient, payload: dict, field: str) -> None:
    response = client.post("/api/attempts", json=payload)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["detail"]]
    assert count_attempts(client) == 0


def test_rubric_point_out_of_range_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/attempts",
        json={"question_id": "transformer-basics", "answer": "x", "self_grade": "good", "rubric_hits": [99]},
    )
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "rubric_hits"
    assert count_attempts(client) == 0


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/attempts/999").status_code == 404
    assert client.get("/api/sessions/999").status_code == 404
    assert client.get("/api/submissions/999").status_code == 404
    missing_question = client.post(
        "/api/attempts", json={"question_id": "nope", "answer": "x", "self_grade": "good"}
    )
    assert missing_question.status_code == 404
    missing_session = client.post(
        "/api/attempts",
        json={"question_id": "transformer-basics", "session_id": 999, "answer": "x", "self_grade": "good"},
    )
    assert missing_session.status_code == 404
    assert client.post("/api/sessions", json={"question_ids": ["nope"]}).status_code == 404
    assert count_attempts(client) == 0


def test_card_not_in_the_session_is_422(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"stages": ["intro"], "per_stage": 1}).json()
    response = client.post(
        "/api/attempts",
        json={
            "question_id": "transformer-basics",
            "session_id": session["id"],
            "answer": "x",
            "self_grade": "good",
        },
    )
    assert response.status_code == 422


def test_malformed_json_is_a_clear_4xx(client: TestClient) -> None:
    response = client.post(
        "/api/attempts",
        content=b'{"question_id": "transformer-basics", ',
        headers={"content-type": "application/json"},
    )
    assert response.status_code in (400, 422)
    assert response.json()["detail"]
    assert count_attempts(client) == 0


def test_oversized_code_and_answer_are_413(client: TestClient) -> None:
    big = "x" * (64 * 1024 + 1)
    submission = client.post("/api/submissions", json={"question_id": "resnet-bottleneck", "code": big})
    assert submission.status_code == 413
    answer = client.post(
        "/api/attempts", json={"question_id": "transformer-basics", "answer": big, "self_grade": "good"}
    )
    assert answer.status_code == 413
    huge_body = client.post(
        "/api/attempts",
        content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
        headers={"content-type": "application/json"},
    )
    assert huge_body.status_code == 413
    assert count_attempts(client) == 0


def test_submitting_code_to_an_open_card_is_422(client: TestClient) -> None:
    response = client.post("/api/submissions", json={"question_id": "transformer-basics", "code": "x = 1"})
    assert response.status_code == 422


def test_grading_switched_off_is_a_clear_503(client: TestClient) -> None:
    response = client.post("/api/submissions", json={"question_id": "resnet-bottleneck", "code": "x = 1"})
    assert response.status_code == 503 and "switched off" in response.json()["detail"]
    assert count_attempts(client) == 0
