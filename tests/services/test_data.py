"""Your data: JSON export -> import into a fresh instance -> export is byte-equal; the CSV log."""

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app import cli
from app.main import create_app
from app.store.models import Recording
from tests.conftest import make_settings, shared_bank

AUDIO = b"OggS\x00fake voice answer\xff"
JSON = {"content-type": "application/json"}


Fresh = Callable[[str], TestClient]
NewDatabase = Callable[[], "str | None"]


@pytest.fixture
def fresh(tmp_path: Path, new_database: Callable[[], str | None]) -> Callable[[str], TestClient]:
    """A new app on its own data dir and database, each call."""
    def make(name: str) -> TestClient:
        settings = make_settings(tmp_path / name, new_database(), review_fuzzing=False)
        return TestClient(create_app(settings, bank=shared_bank()))
    return make


def fill(client: TestClient) -> None:
    """A little of everything: an interview, graded attempts, a recording, a resume item."""
    item = client.post("/api/resume", json={"kind": "paper", "title": "ViT", "summary": "s",
                                            "role": "", "key_numbers": "88.5 top-1"}).json()
    session = client.post("/api/sessions", json={"stages": ["paper"]}).json()
    for card in session["cards"]:
        attempt = client.post("/api/attempts", json={
            "question_id": card["question_id"], "session_id": session["id"], "answer": "答案 ✓",
            "self_grade": "hard", "rubric_hits": [0], "duration_s": 33.25,
        }).json()
    recorded = client.post(f"/api/attempts/{attempt['id']}/recording",
                           files={"audio": ("a.ogg", AUDIO, "audio/ogg")},
                           data={"duration_s": "3.5"})
    assert recorded.status_code == 200, recorded.text
    client.patch(f"/api/attempts/{attempt['id']}", json={"self_grade": "easy", "rubric_hits": []})
    client.post("/api/attempts", json={"question_id": item["card_ids"][1], "answer": "",
                                       "self_grade": "again"})


def test_round_trip_is_byte_equal_and_keeps_ids(fresh: Fresh, tmp_path: Path) -> None:
    with fresh("a") as first:
        fill(first)
        client_ids = [a["id"] for a in first.get("/api/attempts").json()]
        exported = first.get("/api/export")
    assert exported.headers["content-type"].startswith("application/json")
    document = json.loads(exported.text)
    assert document["format"] == "mianjing-export" and document["recordings"]
    assert {t: len(rows) for t, rows in document["tables"].items()}["review_log"] >= 3
    with fresh("b") as second:
        imported = second.post("/api/import", content=exported.content, headers=JSON)
        assert imported.status_code == 200, imported.text
        again = second.get("/api/export")
        assert again.content == exported.content
        assert [a["id"] for a in second.get("/api/attempts").json()] == client_ids
        with_audio = next(a for a in second.get("/api/attempts").json() if a["has_recording"])
        assert second.get(f"/api/attempts/{with_audio['id']}/recording").content == AUDIO
        # The imported schedule and resume cards work like native ones.
        assert second.get("/api/review/due").status_code == 200
        assert second.get("/api/resume").json()[0]["title"] == "ViT"
        # Kept ids do not collide with the next rows (PostgreSQL's id sequences moved past them).
        fill(second)
        assert len(second.get("/api/attempts").json()) == 2 * len(client_ids)


def test_import_refuses_a_non_empty_instance_unless_replace(fresh: Fresh, tmp_path: Path) -> None:
    with fresh("a") as first:
        fill(first)
        exported = first.get("/api/export").content
        refused = first.post("/api/import", content=exported, headers=JSON)
        assert refused.status_code == 409
        replaced = first.post("/api/import", params={"replace": "true"}, content=exported,
                              headers=JSON)
        assert replaced.status_code == 200, replaced.text
        assert first.get("/api/export").content == exported


@pytest.mark.parametrize("document", [
    {"format": "something-else"},
    {"format": "mianjing-export", "version": 99, "user": {}, "tables": {}},
    {"format": "mianjing-export", "version": 1, "user": {}, "tables": {"secrets": []}},
    {"format": "mianjing-export", "version": 1, "user": {}, "tables": {"attempt": [{"nope": 1}]}},
    {"format": "mianjing-export", "version": 1, "user": {}, "tables": {},
     "recordings": {"../escape.ogg": ""}},
])
def test_import_rejects_what_it_cannot_read(fresh: Fresh, tmp_path: Path, document: dict) -> None:
    with fresh("a") as client:
        assert client.post("/api/import", json=document).status_code == 422
        assert client.get("/api/export").json()["tables"]["attempt"] == []


def test_review_log_csv_has_the_fsrs_optimizer_columns(fresh: Fresh, tmp_path: Path) -> None:
    with fresh("a") as client:
        fill(client)
        response = client.get("/api/export/review-log.csv")
        document = client.get("/api/export").json()
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ["card_id", "review_time", "review_rating", "review_state",
                             "review_duration"]
    logs = sorted(document["tables"]["review_log"], key=lambda r: (r["reviewed_at"], r["id"]))
    assert len(rows) == len(logs)
    for row, log in zip(rows, logs, strict=True):
        assert int(row["card_id"]) == log["card_id"]
        when = datetime.fromisoformat(log["reviewed_at"])
        assert int(row["review_time"]) == int(when.timestamp() * 1000)
        back = datetime.fromtimestamp(int(row["review_time"]) / 1000, UTC)
        assert abs(back - when).total_seconds() < 0.001
        assert int(row["review_rating"]) in {1, 2, 3, 4}
        assert int(row["review_state"]) in {0, 1, 2, 3}
    assert [r["review_state"] for r in rows][0] == "0"  # a card's first review: New
    assert rows[0]["review_duration"] == "33250"


def test_delete_all_my_data_removes_rows_and_recordings(tmp_path: Path, new_database: NewDatabase) -> None:
    settings = make_settings(tmp_path / "a", new_database())
    with TestClient(create_app(settings, bank=shared_bank())) as client:
        fill(client)
        assert stored_recordings(client) == 1
        deleted = client.delete("/api/me/data")
        assert deleted.status_code == 200 and deleted.json()["deleted"]["attempt"] >= 2
        assert stored_recordings(client) == 0
        tables = client.get("/api/export").json()["tables"]
        assert all(rows == [] for rows in tables.values())
        assert client.get("/api/review/due").json()["due_count"] == 0


def stored_recordings(client: TestClient) -> int:
    with client.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        return db.scalar(select(func.count()).select_from(Recording)) or 0


def use(monkeypatch: pytest.MonkeyPatch, data_dir: Path, url: str | None) -> None:
    """Point the CLI (which reads the environment) at one instance's data dir and database."""
    monkeypatch.setenv("MIANJING_DATA_DIR", str(data_dir))
    if url:
        monkeypatch.setenv("MIANJING_DATABASE_URL", url)
    else:
        monkeypatch.delenv("MIANJING_DATABASE_URL", raising=False)


def test_cli_export_import_delete(tmp_path: Path, new_database: NewDatabase,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    url_a, url_b = new_database(), new_database()
    settings = make_settings(tmp_path / "a", url_a, review_fuzzing=False)
    with TestClient(create_app(settings, bank=shared_bank())) as client:
        fill(client)
        expected = client.get("/api/export").content
    use(monkeypatch, tmp_path / "a", url_a)
    out = tmp_path / "export.json"
    assert cli.main(["data", "export", str(out)]) == 0
    assert out.read_bytes() == expected
    use(monkeypatch, tmp_path / "b", url_b)
    assert cli.main(["data", "import", str(out)]) == 0
    assert cli.main(["data", "import", str(out)]) == 1  # not empty any more
    assert "replace" in capsys.readouterr().err
    assert cli.main(["data", "import", str(out), "--replace"]) == 0
    again = tmp_path / "again.json"
    assert cli.main(["data", "export", str(again)]) == 0
    assert again.read_bytes() == expected
    assert cli.main(["data", "delete"]) == 2  # no --yes: nothing happens
    assert cli.main(["data", "delete", "--yes"]) == 0
    assert cli.main(["data", "export", str(again)]) == 0
    assert all(rows == [] for rows in json.loads(again.read_text())["tables"].values())


def test_cli_data_commands_act_on_one_account(tmp_path: Path, new_database: NewDatabase,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    url = new_database()
    settings = make_settings(tmp_path / "shared", url, auth_mode="accounts")
    with TestClient(create_app(settings, bank=shared_bank())) as client:
        for name in ("ana", "bob"):
            client.cookies.clear()
            signed_up = client.post("/api/auth/signup", json={"username": name, "password": "correct horse"})
            assert signed_up.status_code == 201
            answered = client.post("/api/attempts", json={"question_id": "transformer-basics",
                                                          "answer": f"{name}'s answer", "self_grade": "good"})
            assert answered.status_code == 201
    use(monkeypatch, tmp_path / "shared", url)
    out = tmp_path / "ana.json"
    assert cli.main(["data", "export", str(out), "--user", "ana"]) == 0
    attempts = json.loads(out.read_text())["tables"]["attempt"]
    assert [a["answer"] for a in attempts] == ["ana's answer"]
    assert cli.main(["data", "export", str(out), "--user", "nobody"]) == 1
    assert "no account named 'nobody'" in capsys.readouterr().err
    assert cli.main(["data", "delete", "--yes", "--user", "bob"]) == 0
    assert cli.main(["data", "import", str(out), "--user", "bob"]) == 0  # fresh ids: no clash with ana
    bob = tmp_path / "bob.json"
    assert cli.main(["data", "export", str(bob), "--user", "bob"]) == 0
    assert [a["answer"] for a in json.loads(bob.read_text())["tables"]["attempt"]] == ["ana's answer"]
    assert cli.main(["data", "export", str(out), "--user", "ana"]) == 0  # ana's data untouched
    assert len(json.loads(out.read_text())["tables"]["attempt"]) == 1


@pytest.mark.parametrize("planted", ["/ABSOLUTE", "../outside.ogg", "attempt-1.ogg/../../x"])
def test_an_import_names_recordings_never_paths(fresh: Fresh, tmp_path: Path, planted: str) -> None:
    """A crafted export in local mode must not make the server serve or delete another file."""
    victim = tmp_path / "outside.ogg"
    victim.write_bytes(b"the user's own file")
    with fresh("a") as client:
        fill(client)
        document = client.get("/api/export").json()
    attempt = next(r for r in document["tables"]["attempt"] if r["recording_path"])
    attempt["recording_path"] = planted.replace("/ABSOLUTE", str(victim))
    document["recordings"] = {}  # the file names a path and ships no recording
    with fresh("b") as client:
        assert client.post("/api/import", json=document).status_code == 200
        row = client.get(f"/api/attempts/{attempt['id']}").json()
        assert row["has_recording"] is False
        assert client.get(f"/api/attempts/{attempt['id']}/recording").status_code == 404
        assert client.delete(f"/api/attempts/{attempt['id']}/recording").status_code == 204
    assert victim.read_bytes() == b"the user's own file"


def test_an_imported_recording_is_stored_under_a_name_the_server_derives(fresh: Fresh) -> None:
    with fresh("a") as client:
        fill(client)
        document = client.get("/api/export").json()
    attempt = next(r for r in document["tables"]["attempt"] if r["recording_path"])
    content = document["recordings"].pop(attempt["recording_path"])
    attempt["recording_path"] = "voice.ogg"  # any name: it only keys the content in the file
    document["recordings"]["voice.ogg"] = content
    with fresh("b") as client:
        assert client.post("/api/import", json=document).status_code == 200
        assert client.get(f"/api/attempts/{attempt['id']}/recording").content == AUDIO
        again = client.get("/api/export").json()
    assert list(again["recordings"]) == [f"attempt-{attempt['id']}.ogg"]
