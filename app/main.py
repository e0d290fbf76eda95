"""create_app(settings): the FastAPI application. `app = create_app()` is for uvicorn."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from app.config import REPO_ROOT, Settings
from app.domain.cards import QuestionBank, load_bank
from app.domain.scheduling import make_scheduler
from app.grading import start_grader
from app.judge import GraderLike
from app.services import recordings
from app.services.limits import (
    FailureThrottle,
    PerUserLimit,
    SharedFailureThrottle,
    SharedPerUserLimit,
)
from app.store.engine import make_sessionmaker
from app.store.migrate import open_database
from app.web import errors
from app.web.middleware.body_size import BodySizeLimit
from app.web.middleware.cross_site import CrossSiteWriteGuard
from app.web.middleware.headers import SecurityHeaders
from app.web.middleware.hosts import AllowedHosts
from app.web.routes import api, auth, data, history, interview, progress, questions, resume, review

log = logging.getLogger("mianjing")
STATIC_DIR = REPO_ROOT / "static"


async def announce_sandbox(grader: GraderLike | None) -> None:
    """Say at start-up which isolation layers are active, loudly when one is missing."""
    if grader is None:
        return
    try:
        await grader.wait_ready(timeout=300)
    except TimeoutError:
        log.error("the grader did not become ready: %s", grader.status())
        return
    status = grader.status()
    layers = status.get("layers", {})
    log.info("grader ready (%s workers); sandbox layers: %s", status.get("workers"),
             "; ".join(f"{name} {state}" for name, state in layers.items()))
    missing = [name for name, state in layers.items() if not str(state).startswith("on")]
    if missing:
        log.warning("the sandbox runs WITHOUT %s (see /healthz)", ", ".join(missing))


def _shared_limits(settings: Settings) -> tuple[SharedPerUserLimit, SharedFailureThrottle]:
    """Limits every web instance shares, in the queue's Redis."""
    import redis
    import redis.asyncio

    url = settings.queue_url or ""
    return (SharedPerUserLimit(redis.asyncio.Redis.from_url(url), settings.grader_per_user_limit),
            SharedFailureThrottle(redis.Redis.from_url(url)))


def create_app(settings: Settings | None = None, *, bank: QuestionBank | None = None) -> FastAPI:
    """The app for `settings`; `bank` skips loading the question bank (tests share one)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from app.judge import load_code_card

        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = open_database(settings.resolved_database_url)
        app.state.settings = settings
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        with app.state.sessionmaker() as db:
            recordings.adopt_files(db, settings.recordings_dir)
        app.state.bank = bank or load_bank(settings.questions_dir, code_cards=load_code_card)
        app.state.grader = start_grader(settings)
        app.state.scheduler = make_scheduler(settings.review_desired_retention,
                                             fuzzing=settings.review_fuzzing)
        shared = _shared_limits(settings) if settings.queue_url else None
        app.state.per_user_limit, app.state.login_throttle = shared or (
            PerUserLimit(settings.grader_per_user_limit), FailureThrottle())
        announcer = asyncio.create_task(announce_sandbox(app.state.grader))
        log.info("%d cards, data in %s", len(app.state.bank), settings.data_dir.resolve())
        try:
            yield
        finally:
            announcer.cancel()
            if app.state.grader is not None:
                await app.state.grader.close()
            if shared is not None:
                await shared[0].client.aclose()
                shared[1].client.close()
            engine.dispose()

    app = FastAPI(
        title="mianjing",
        summary="Practise the CV / ML algorithm interview: intro, project, paper, coding.",
        version="0.1.0",
        lifespan=lifespan,
    )
    errors.install(app)
    app.include_router(api.router)
    for pages in (interview, questions, history, review, progress, resume, data):
        app.include_router(pages.router)
    if settings.auth_mode == "accounts":  # local mode keeps exactly its routes and contract
        app.include_router(auth.router)
    # Only the built bundle is served: never static/src or static/node_modules.
    app.mount("/static/dist", StaticFiles(directory=STATIC_DIR / "dist"), name="static")

    @app.get("/static/favicon.svg", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    @app.get("/healthz", tags=["health"])
    def healthz(request: Request) -> dict[str, Any]:
        grader = request.app.state.grader
        grader_status = grader.status() if grader is not None else {"state": "off"}
        return {
            "status": "ok",
            "grader": "ready" if grader_status.get("state") == "ready" else "starting",
            "sandbox": grader_status,
            "questions": len(request.app.state.bank),
        }

    def limit_for(path: str) -> int:
        # JSON escaping can grow text up to 6x (\uXXXX), so the raw-body cap is generous;
        # the exact per-field byte limit is checked after parsing.
        if path in ("/api/import", "/data/import"):  # a whole export, recordings included
            return settings.max_import_bytes
        if path.endswith("/recording") or path.endswith("/answer"):  # an upload, or a form with one
            return settings.max_recording_bytes + 8 * settings.max_code_bytes + 4096
        return 8 * settings.max_code_bytes + 4096

    app.add_middleware(BodySizeLimit, limit_for=limit_for)
    app.add_middleware(CrossSiteWriteGuard)  # refused before anything is read
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AllowedHosts, allowed=tuple(
        name.strip() for name in settings.allowed_hosts.split(",") if name.strip()))  # outermost
    return app


app = create_app()
