"""Shared fixtures: an app on a throwaway data dir per test, driven in-process."""

from __future__ import annotations

import contextlib
import functools
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings

# The test clients' Host headers ("testserver", httpx's "test") join the loopback names.
os.environ.setdefault("MIANJING_ALLOWED_HOSTS", "localhost,127.0.0.1,::1,testserver,test")
from app.domain.cards import QuestionBank, load_bank
from app.main import create_app


def make_settings(data_dir: Path, database_url: str | None = None,
                  **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, grader_workers=0, database_url=database_url,  # type: ignore[arg-type]
                    **overrides)


# Tests of storage run twice: on SQLite (the laptop default) and on a real PostgreSQL.
STORAGE_TESTS = ("tests/store/", "tests/services/", "tests/web/test_api_flow.py",
                 "tests/web/test_review_routes.py", "tests/web/test_accounts.py",
                 "tests/web/test_newcomer.py", "tests/web/test_durability.py",
                 "tests/web/test_pages.py", "tests/web/test_i18n.py")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = str(Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent.parent))
    if "backend" in metafunc.fixturenames and path.startswith(STORAGE_TESTS):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def _server_or_skip(server: contextlib.AbstractContextManager[str], missing: str) -> Iterator[str]:
    """Yield a server's URL for the session; skip (saying what did not run) without its binaries."""
    try:
        url = server.__enter__()
    except FileNotFoundError as exc:
        pytest.skip(f"{exc}: {missing} did not run")
    yield url
    server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[str]:
    """One throwaway PostgreSQL for the session (each test gets its own database)."""
    from tests.servers import postgres

    yield from _server_or_skip(postgres(), "the PostgreSQL half of the storage tests")


@pytest.fixture(scope="session")
def redis_server() -> Iterator[str]:
    """One throwaway Redis for the session; tests that use it flush it first (`queue_url`)."""
    from tests.servers import redis

    yield from _server_or_skip(redis(), "the tests of the grading queue")


@pytest.fixture
def queue_url(redis_server: str) -> str:
    import redis

    client = redis.Redis.from_url(redis_server)
    client.flushdb()
    client.close()
    return redis_server


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def new_database(backend: str, request: pytest.FixtureRequest) -> Callable[[], str | None]:
    """Each call: a fresh empty database URL (PostgreSQL), or None (SQLite in the data dir)."""
    if backend == "sqlite":
        return lambda: None
    from tests.servers import create_database

    admin = request.getfixturevalue("postgres_cluster")
    return lambda: create_database(admin, f"t{uuid.uuid4().hex[:16]}")


@pytest.fixture
def settings(tmp_path: Path, new_database: Callable[[], str | None]) -> Settings:
    return make_settings(tmp_path / "data", new_database())


@functools.cache
def shared_bank() -> QuestionBank:
    """The real question bank, loaded once: it is immutable, so every test app can share it."""
    from app.judge import load_code_card

    return load_bank(Settings().questions_dir, code_cards=load_code_card)


@pytest.fixture
def bank() -> QuestionBank:
    return shared_bank()


@pytest.fixture
def client(settings: Settings, bank: QuestionBank) -> Iterator[TestClient]:
    with TestClient(create_app(settings, bank=bank)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def grading_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app with a real sandboxed grader per test module (its start-up imports torch)."""
    data_dir = tmp_path_factory.mktemp("grading") / "data"
    app = create_app(Settings(data_dir=data_dir, grader_workers=1),  # type: ignore[call-arg]
                     bank=shared_bank())
    with TestClient(app) as test_client:
        deadline_ready(test_client)
        yield test_client


def deadline_ready(client: TestClient, timeout_s: float = 90.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if client.get("/healthz").json()["grader"] == "ready":
            return
        time.sleep(0.2)
    raise AssertionError(f"grader not ready after {timeout_s} s: {client.get('/healthz').json()}")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an asyncio loop running in the main
    thread for the rest of the session, which breaks the judge tests' own event loops."""
    browser_dir = Path(__file__).parent / "browser"
    items.sort(key=lambda item: browser_dir in Path(str(item.path)).parents)
