"""create_app(settings): the FastAPI application. `app = create_app()` is for uvicorn."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.config import REPO_ROOT, Settings
from app.domain.cards import load_bank
from app.services import attempts as services
from app.services.fairness import PerUserLimit
from app.services.throttle import FailureThrottle
from app.store.db import make_engine, make_sessionmaker
from app.store.migrate import upgrade_to_head
from app.web.body_limit import BodySizeLimit, BodyTooLarge
from app.web.csrf import CrossSiteWriteGuard
from app.web.deps import LoginRequired

log = logging.getLogger("mianjing")
STATIC_DIR = REPO_ROOT / "static"


def start_grader(settings: Settings) -> Any:
    """The sandboxed grader, warming up in the background; None when switched off."""
    if settings.grader_workers == 0:
        log.warning("code grading is switched off (MIANJING_GRADER_WORKERS=0)")
        return None
    from app.judge import Grader
    from app.judge.sandbox.policy import DEFAULT_PROTECTED_PATHS, SandboxPolicy

    # The configured data dir may live outside the repo: it must never become readable either.
    policy = SandboxPolicy(
        protected_paths=(*DEFAULT_PROTECTED_PATHS, str(settings.data_dir.resolve()))
    )
    grader = Grader(
        policy, workers=settings.grader_workers, queue_limit=settings.grader_queue_limit
    )
    grader.start()
    return grader


async def announce_sandbox(grader: Any) -> None:
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


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.resolved_database_url)
        upgrade_to_head(engine)
        app.state.settings = settings
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.bank = load_bank(settings.questions_dir)
        app.state.grader = start_grader(settings)
        app.state.per_user_limit = PerUserLimit(settings.grader_per_user_limit)
        announcer = asyncio.create_task(announce_sandbox(app.state.grader))
        log.info("%d cards, data in %s", len(app.state.bank), settings.data_dir)
        try:
            yield
        finally:
            announcer.cancel()
            if app.state.grader is not None:
                await app.state.grader.close()
            engine.dispose()

    app = FastAPI(
        title="mianjing",
        summary="Practise the CV / ML algorithm interview: intro, project, paper, coding.",
        version="0.1.0",
        lifespan=lifespan,
    )
    _install_error_handlers(app)
    from app.web.routes import api, auth, pages, review

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review.router)
    if settings.auth_mode == "accounts":  # local mode keeps exactly its routes and contract
        app.state.login_throttle = FailureThrottle()
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

    code_limit = settings.max_code_bytes
    recording_limit = settings.max_recording_bytes

    def limit_for(path: str) -> int:
        # JSON escaping can grow text up to 6x (\uXXXX), so the raw-body cap is generous;
        # the exact per-field byte limit is checked after parsing.
        if path in ("/api/import", "/data/import"):  # a whole export, recordings included
            return settings.max_import_bytes
        return recording_limit + 4096 if path.endswith("/recording") else 8 * code_limit + 4096

    app.add_middleware(BodySizeLimit, limit_for=limit_for)
    app.add_middleware(CrossSiteWriteGuard)  # outermost: refused before anything is read
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", ""
    )


def _field_name(error: dict[str, Any]) -> str:
    if error["type"] == "json_invalid":  # loc holds a character offset, not a field
        return "body"
    return ".".join(str(part) for part in error["loc"] if part != "body") or "body"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if _wants_html(request):
            from app.web.routes.pages import render_error

            return render_error(request, exc.status_code, str(exc.detail))
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field_name(e), "message": e["msg"], "type": e["type"]} for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "log in first"}, status_code=status.HTTP_401_UNAUTHORIZED)
        url = "/login"
        if request.method in ("GET", "HEAD"):  # come back here after logging in
            here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            url += "?" + urlencode({"next": here})
        if request.headers.get("hx-request") == "true":  # htmx would swap the login page in
            return Response(status_code=status.HTTP_401_UNAUTHORIZED, headers={"HX-Redirect": url})
        return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)

    @app.exception_handler(services.NotFound)
    async def not_found(request: Request, exc: services.NotFound) -> Any:
        return await http_error(request, StarletteHTTPException(404, str(exc)))

    @app.exception_handler(services.Invalid)
    async def invalid(request: Request, exc: services.Invalid) -> Any:
        detail = [{"field": exc.field, "message": exc.message, "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return JSONResponse({"detail": "request body too large"}, status_code=413)

    @app.exception_handler(services.GraderUnavailable)
    async def grader_off(request: Request, exc: services.GraderUnavailable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)

    from app.judge.sandbox.pool import GraderBusy

    @app.exception_handler(GraderBusy)
    async def grader_busy(request: Request, exc: GraderBusy) -> JSONResponse:
        retry = str(getattr(exc, "retry_after_s", 5))
        return JSONResponse(
            {"detail": str(exc)},
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": retry},
        )


app = create_app()
