"""Alembic migrations build exactly the models' schema, go down and up again cleanly, and
several instances starting at once on one PostgreSQL take turns."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from app.store.base import Base
from app.store.engine import make_engine
from app.store.migrate import alembic_config, upgrade_to_head

NewDatabase = Callable[[], "str | None"]


def database_url(tmp_path: Path, new_database: NewDatabase) -> str:
    return new_database() or f"sqlite:///{tmp_path / 'm.sqlite3'}"


def test_head_matches_the_models(tmp_path: Path, new_database: NewDatabase) -> None:
    engine = make_engine(database_url(tmp_path, new_database))
    upgrade_to_head(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(tmp_path: Path, new_database: NewDatabase) -> None:
    url = database_url(tmp_path, new_database)
    engine = make_engine(url)
    upgrade_to_head(engine)
    with engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(engine)
    assert {"user", "practice_session", "attempt"} <= set(inspect(engine).get_table_names())


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_instances_starting_together_migrate_once(tmp_path: Path, new_database: NewDatabase,
                                                  backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite serialises writers itself: one file, one machine")
    url = database_url(tmp_path, new_database)
    # Without the advisory lock they deadlock: a lock timeout turns that hang into a failure.
    engines = [create_engine(url, connect_args={"options": "-c lock_timeout=30s"})
               for _ in range(4)]
    with ThreadPoolExecutor(len(engines)) as pool:
        list(pool.map(upgrade_to_head, engines))  # re-raises any instance's failure
    with engines[0].connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_progress_totals_count_the_attempts_already_there(tmp_path: Path,
                                                          new_database: NewDatabase) -> None:
    """Migration 0006 counts existing attempts into the totals its triggers keep from then on."""
    url = database_url(tmp_path, new_database)
    engine = make_engine(url)
    with engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.execute(text("INSERT INTO \"user\" (id, name, created_at) "
                                "VALUES (1, 'local', '2026-11-01 00:00:00')"))
        rows = [("nms", "coding", "code", "passed", None, "2026-11-02 23:59:00"),
                ("nms", "coding", "code", "failed", "good", "2026-11-02 08:00:00"),
                ("nms", "coding", "code", None, None, "2026-11-03 00:00:01"),
                ("vit-vs-cnn", "paper", "open", None, "easy", "2026-11-03 10:00:00"),
                ("vit-vs-cnn", "paper", "open", None, "again", "2026-11-03 11:00:00")]
        for question, stage, kind, status, grade, created in rows:
            connection.execute(text(
                "INSERT INTO attempt (user_id, question_id, stage, kind, answer, status, "
                "self_grade, rubric_hits, solution_revealed, created_at) VALUES (1, :q, :s, :k, "
                "'', :st, :g, '[]', false, :c)"),
                {"q": question, "s": stage, "k": kind, "st": status, "g": grade, "c": created})
    upgrade_to_head(engine)
    with engine.connect() as connection:
        days = dict(connection.execute(text("SELECT day, attempts FROM activity_day")).all())
        cards = {q: (j, p) for q, j, p in connection.execute(
            text("SELECT question_id, judged, passed FROM card_outcome"))}
        grades = {(s, g): n for s, g, n in connection.execute(
            text("SELECT stage, self_grade, attempts FROM grade_count"))}
    assert {str(day)[:10]: n for day, n in days.items()} == {"2026-11-02": 2, "2026-11-03": 3}
    assert cards == {"nms": (2, 1), "vit-vs-cnn": (2, 1)}  # the verdict, not the grade, counts
    assert grades == {("coding", "good"): 1, ("paper", "easy"): 1, ("paper", "again"): 1}
