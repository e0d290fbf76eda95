"""Browser test harness: a live uvicorn server and Debian's headless Chromium via Playwright.

Fixtures
    live_server  (module) base URL "http://127.0.0.1:PORT" of `python -m uvicorn app.main:app`
                 started with a fresh temporary MIANJING_DATA_DIR; ready once GET /healthz
                 answers {"status": "ok", "grader": "ready"} (60 s timeout); stopped after
                 the module. Override the environment with a module-level
                 `live_server_env = {...}` in the test module.
    browser      (session) a Chromium launched from /usr/bin/chromium (CHROMIUM_ARGS).
    browser_log  (function) the BrowserLog of the test's context: requests, console errors,
                 page errors; `browser_log.allow_console_error(regex)` for expected ones.
    page         (function) a page in a new context (1280x900, en-US). Requests to any host
                 other than 127.0.0.1/localhost are aborted and fail the test; console errors
                 and uncaught page errors fail it at teardown.
Helpers (tests/browser/helpers.py): axe_scan(page), format_violations(...),
wait_for_htmx_idle(page).

Every test under tests/browser/ is marked `browser` and skipped with a reason when Chromium,
Playwright or (for live_server) app.main is missing. Run only these: `pytest -m browser`;
skip them: `pytest -m "not browser"`.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, REPO, BrowserLog, is_local_url
from tests.servers import free_port

HERE = Path(__file__).resolve().parent
STARTUP_TIMEOUT_S = 60.0


def _skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: `apt-get install -y chromium` to run browser tests"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed (pip install -e '.[dev]')"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _skip_reason()
    for item in items:
        if HERE not in Path(str(item.fspath)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.slow)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


def _healthz(base: str) -> dict[str, Any] | None:
    import json
    import urllib.request

    try:
        with urllib.request.urlopen(base + "/healthz", timeout=2) as resp:  # noqa: S310 - localhost
            if resp.status != 200:
                return None
            data = json.loads(resp.read().decode("utf-8"))
            return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


@pytest.fixture(scope="module")
def live_server(request: pytest.FixtureRequest) -> Iterator[str]:
    if importlib.util.find_spec("app.main") is None:
        pytest.skip("app.main does not exist yet: nothing to serve")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    data_dir = tempfile.mkdtemp(prefix="mianjing-browser-")
    log_path = Path(data_dir) / "server.log"
    env = {**os.environ, "MIANJING_DATA_DIR": data_dir, "PYTHONUNBUFFERED": "1"}
    env.update(getattr(request.module, "live_server_env", {}))
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def server_log() -> str:
        log.flush()
        return log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        last: dict[str, Any] | None = None
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"uvicorn exited with {proc.returncode} before it was ready:\n{server_log()}"
                )
            last = _healthz(base)
            if last and last.get("status") == "ok" and last.get("grader") == "ready":
                break
            if time.monotonic() > deadline:
                pytest.fail(
                    f"{base}/healthz not ok+ready after {STARTUP_TIMEOUT_S:.0f} s "
                    f"(last answer: {last!r}):\n{server_log()}"
                )
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def browser_log() -> BrowserLog:
    return BrowserLog()


@pytest.fixture
def page(browser: Any, browser_log: BrowserLog) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="en-US",
        timezone_id="UTC",
        service_workers="block",
    )
    context.set_default_timeout(10_000)

    def guard(route: Any) -> None:
        if is_local_url(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    context.on("request", browser_log.on_request)
    pg = context.new_page()
    pg.on("console", browser_log.on_console)
    pg.on("pageerror", browser_log.on_page_error)
    try:
        yield pg
    finally:
        context.close()
    problems = browser_log.problems()
    if problems:
        pytest.fail("browser problems during the test:\n  " + "\n  ".join(problems), pytrace=False)
