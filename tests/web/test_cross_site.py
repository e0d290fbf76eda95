"""Another site's page cannot write to a local mianjing (a form posting to 127.0.0.1)."""

import pytest
from fastapi.testclient import TestClient

ATTEMPT = {"question_id": "transformer-basics", "answer": "x", "self_grade": "good"}


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "https://evil.example"},
        {"origin": "null"},
    ],
)
def test_cross_site_writes_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/api/attempts", json=ATTEMPT, headers=headers)
    assert response.status_code == 403
    assert client.delete("/api/me/data", headers=headers).status_code == 403
    assert client.get("/api/attempts").json() == []


@pytest.mark.parametrize(
    "headers",
    [
        {},  # curl, scripts
        {"sec-fetch-site": "same-origin", "origin": "http://testserver"},
        {"origin": "http://testserver"},
    ],
)
def test_same_origin_and_non_browser_writes_pass(client: TestClient, headers: dict[str, str]) -> None:
    assert client.post("/api/attempts", json=ATTEMPT, headers=headers).status_code == 201


def test_cross_site_reads_still_work(client: TestClient) -> None:
    assert client.get("/api/questions", headers={"sec-fetch-site": "cross-site"}).status_code == 200
