"""Recordings live in the database: every instance on it serves them, and files written by
earlier versions are moved in at start-up."""

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.main import create_app
from app.store.models import Attempt, Recording
from tests.conftest import make_settings, shared_bank

AUDIO = b"OggS\x00a spoken answer"


def shared_url(tmp_path: Path, new_database: Callable[[], str | None]) -> str:
    """One database both instances use (SQLite in its own file when not PostgreSQL)."""
    return new_database() or f"sqlite:///{tmp_path / 'shared.sqlite3'}"


def test_a_recording_uploaded_to_one_instance_plays_from_another(
        tmp_path: Path, new_database: Callable[[], str | None]) -> None:
    url = shared_url(tmp_path, new_database)
    one = TestClient(create_app(make_settings(tmp_path / "one", url), bank=shared_bank()))
    two = TestClient(create_app(make_settings(tmp_path / "two", url), bank=shared_bank()))
    with one, two:
        attempt = one.post("/api/attempts", json={"question_id": "self-intro-1min-en",
                                                  "answer": "", "self_grade": "good"}).json()
        path = f"/api/attempts/{attempt['id']}/recording"
        assert one.post(path, files={"audio": ("a.ogg", AUDIO, "audio/ogg")}).status_code == 200
        assert two.get(path).content == AUDIO
        assert two.delete(path).status_code == 204
        assert one.get(path).status_code == 404


def test_files_of_earlier_versions_move_into_the_database(
        tmp_path: Path, new_database: Callable[[], str | None]) -> None:
    settings = make_settings(tmp_path / "data", new_database())
    with TestClient(create_app(settings, bank=shared_bank())) as client:
        kept, lost = (client.post("/api/attempts", json={
            "question_id": "self-intro-1min-en", "answer": "", "self_grade": "good"}).json()
            for _ in range(2))
        with client.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
            # as an earlier version left them: a name on the row, the audio in a file (or gone)
            for row_id, name in ((kept["id"], f"attempt-{kept['id']}.ogg"),
                                 (lost["id"], f"attempt-{lost['id']}.webm")):
                db.get(Attempt, row_id).recording_path = name  # type: ignore[union-attr]
            db.commit()
    settings.recordings_dir.mkdir()
    (settings.recordings_dir / f"attempt-{kept['id']}.ogg").write_bytes(AUDIO)
    (settings.recordings_dir / f".attempt-{kept['id']}.ogg.part").write_bytes(b"half")
    with TestClient(create_app(settings, bank=shared_bank())) as client:  # the upgrade
        assert client.get(f"/api/attempts/{kept['id']}/recording").content == AUDIO
        assert client.get(f"/api/attempts/{lost['id']}").json()["has_recording"] is False
        with client.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
            assert db.scalars(select(Recording.attempt_id)).all() == [kept["id"]]
    assert list(settings.recordings_dir.iterdir()) == []
