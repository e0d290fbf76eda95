"""The mock interview through the JSON API: sessions, attempts, history, restarts."""

from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.domain.vocabulary import STAGES
from app.main import create_app
from tests.conftest import shared_bank


def answer_card(client: TestClient, session_id: int, question_id: str, grade: str = "good") -> dict:
    response = client.post(
        "/api/attempts",
        json={
            "question_id": question_id,
            "session_id": session_id,
            "answer": f"my answer to {question_id}",
            "self_grade": grade,
            "rubric_hits": [0],
            "duration_s": 42.5,
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_default_session_is_the_seed_interview_in_stage_order(client: TestClient) -> None:
    response = client.post("/api/sessions")
    assert response.status_code == 201
    cards = response.json()["cards"]
    stages = [c["stage"] for c in cards]
    assert sorted(set(stages), key=STAGES.index) == list(STAGES)
    assert stages == sorted(stages, key=STAGES.index)
    ids = [c["question_id"] for c in cards]
    assert len(ids) == len(set(ids))  # no question twice
    # the seed interview: intro, project, the paper with its follow-ups, then "one unit of ResNet-50"
    assert ids[0] == "self-intro-1min-zh" and ids[-1] == "resnet50-unit"
    assert {"resnet-degradation-vs-overfitting", "vit-vs-cnn", "stable-diffusion-overview",
            "transformer-basics"} <= {c["question_id"] for c in cards if c["stage"] == "paper"}
    clocks = sum(client.get(f"/api/questions/{i}").json()["time_limit_s"] for i in ids)
    assert 45 * 60 <= clocks <= 60 * 60


def test_session_options_choose_stages_and_count(client: TestClient) -> None:
    body = client.post("/api/sessions", json={"stages": ["paper", "intro"], "per_stage": 1}).json()
    assert [c["stage"] for c in body["cards"]] == ["intro", "paper"]
    picked = client.post(
        "/api/sessions", json={"question_ids": ["resnet-bottleneck", "self-intro-1min-zh"]}
    ).json()
    assert [c["question_id"] for c in picked["cards"]] == ["self-intro-1min-zh", "resnet-bottleneck"]


def test_whole_interview_across_all_four_stages(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"per_stage": 1}).json()
    assert len(session["cards"]) == 4 and session["next_index"] == 0
    for expected_index, card in enumerate(session["cards"]):
        state = client.get(f"/api/sessions/{session['id']}").json()
        assert state["next_index"] == expected_index
        answer_card(client, session["id"], card["question_id"], grade="hard" if expected_index else "easy")
    done = client.get(f"/api/sessions/{session['id']}").json()
    assert done["next_index"] is None and done["finished_at"] is not None
    assert [c["self_grade"] for c in done["cards"]] == ["easy", "hard", "hard", "hard"]
    history = client.get("/api/attempts", params={"session_id": session["id"]}).json()
    assert len(history) == 4
    assert [a["stage"] for a in history] == list(reversed(STAGES))  # newest first


def test_history_filters_by_stage_and_question(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"per_stage": 1}).json()
    for card in session["cards"]:
        answer_card(client, session["id"], card["question_id"])
    intro = client.get("/api/attempts", params={"stage": "intro"}).json()
    assert len(intro) == 1 and intro[0]["stage"] == "intro"
    qid = session["cards"][2]["question_id"]
    only = client.get("/api/attempts", params={"question_id": qid}).json()
    assert [a["question_id"] for a in only] == [qid]
    one = client.get(f"/api/attempts/{only[0]['id']}").json()
    assert one["answer"] == f"my answer to {qid}" and one["duration_s"] == 42.5


def test_single_card_practice_outside_a_session(client: TestClient) -> None:
    attempt = client.post(
        "/api/attempts",
        json={
            "question_id": "resnet-degradation-vs-overfitting",
            "answer": "deeper plain nets train worse",
            "self_grade": "again",
        },
    )
    assert attempt.status_code == 201
    assert attempt.json()["session_id"] is None and attempt.json()["finished_at"]


def test_attempts_survive_an_app_restart(settings: Settings) -> None:
    with TestClient(create_app(settings, bank=shared_bank())) as first:
        session = first.post("/api/sessions", json={"per_stage": 1}).json()
        saved = answer_card(first, session["id"], session["cards"][0]["question_id"])
    with TestClient(create_app(settings, bank=shared_bank())) as second:
        again = second.get(f"/api/attempts/{saved['id']}")
        assert again.status_code == 200 and again.json()["created_at"] == saved["created_at"]
        assert second.get(f"/api/sessions/{session['id']}").json()["cards"][0]["graded"] is True


def test_timestamps_are_utc_aware(client: TestClient) -> None:
    attempt = client.post(
        "/api/attempts", json={"question_id": "transformer-basics", "answer": "", "self_grade": "good"}
    ).json()
    assert attempt["created_at"].endswith(("Z", "+00:00"))


def test_patch_grades_an_attempt(client: TestClient) -> None:
    attempt = client.post(
        "/api/attempts", json={"question_id": "transformer-basics", "answer": "x", "self_grade": "good"}
    ).json()
    patched = client.patch(
        f"/api/attempts/{attempt['id']}", json={"self_grade": "easy", "rubric_hits": [2, 0, 2]}
    )
    assert patched.status_code == 200
    assert patched.json()["self_grade"] == "easy" and patched.json()["rubric_hits"] == [0, 2]


def test_recording_upload_play_and_delete(client: TestClient, settings: Settings, tmp_path: Path) -> None:
    attempt = client.post(
        "/api/attempts", json={"question_id": "self-intro-1min-en", "answer": "", "self_grade": "good"}
    ).json()
    url = f"/api/attempts/{attempt['id']}/recording"
    uploaded = client.post(
        url, files={"audio": ("a.webm", b"\x1aE\xdf\xa3fake", "audio/webm")}, data={"duration_s": "61.5"}
    )
    assert uploaded.status_code == 200 and uploaded.json()["has_recording"]
    assert uploaded.json()["recording_duration_s"] == 61.5
    played = client.get(url)
    assert played.content == b"\x1aE\xdf\xa3fake" and played.headers["content-type"] == "audio/webm"
    assert not settings.recordings_dir.exists()  # in the database, not on this instance's disk
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    wrong_type = client.post(url, files={"audio": ("a.txt", b"hello", "text/plain")})
    assert wrong_type.status_code == 415
