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
