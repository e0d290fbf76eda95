"""The one table from errors to HTTP: service errors, validation, login, oversized bodies.

Pages get the error page, the API gets JSON `{"detail": ...}`; every 422 has one shape, a list
of `{field, message, type}`, whether pydantic or a use case found the problem.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.services.errors import (
    Conflict,
    Invalid,
    NotFound,
    ServiceError,
    TooLarge,
    TooManyRequests,
    Unavailable,
)
from app.services.recordings import UnsupportedAudio
from app.web.middleware.body_size import BodyTooLarge
from app.web.templating import render_error

log = logging.getLogger(__name__)

# Most specific first: UnsupportedAudio is an Invalid with its own status.
STATUS_OF: tuple[tuple[type[ServiceError], int], ...] = (
    (NotFound, status.HTTP_404_NOT_FOUND),
    (UnsupportedAudio, status.HTTP_415_UNSUPPORTED_MEDIA_TYPE),
    (Invalid, status.HTTP_422_UNPROCESSABLE_CONTENT),
    (Conflict, status.HTTP_409_CONFLICT),
    (TooLarge, status.HTTP_413_CONTENT_TOO_LARGE),
    (TooManyRequests, status.HTTP_429_TOO_MANY_REQUESTS),
    (Unavailable, status.HTTP_503_SERVICE_UNAVAILABLE),
)
RETRY_UNAVAILABLE_S = 5


class LoginRequired(Exception):
    """Accounts mode and no valid session cookie: 401 for the API, a redirect for pages."""


def field_error(field: str, message: str, kind: str = "value_error") -> dict[str, str]:
    return {"field": field, "message": message, "type": kind}


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", ""
    )


def error_response(request: Request, code: int, detail: Any,
                   headers: dict[str, str] | None = None) -> Response:
    if wants_html(request):
        message = detail if isinstance(detail, str) else "; ".join(
            f"{e['field']}: {e['message']}" for e in detail)
        response: Response = render_error(request, code, message)
        response.headers.update(headers or {})
        return response
    if code == status.HTTP_422_UNPROCESSABLE_CONTENT and isinstance(detail, str):
        detail = [field_error("body", detail)]
    return JSONResponse({"detail": detail}, status_code=code, headers=headers)


def _field_name(error: dict[str, Any]) -> str:
    if error["type"] == "json_invalid":  # loc holds a character offset, not a field
        return "body"
    return ".".join(str(part) for part in error["loc"] if part != "body") or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        code = next(code for cls, code in STATUS_OF if isinstance(exc, cls))
        headers = None
        if isinstance(exc, TooManyRequests):
            headers = {"Retry-After": str(exc.retry_after_s)}
        elif isinstance(exc, Unavailable):
            headers = {"Retry-After": str(RETRY_UNAVAILABLE_S)}
        if isinstance(exc, Invalid):
            detail: Any = [field_error(exc.field, exc.message)]
        else:
            detail = exc.message
        return error_response(request, code, detail, headers)

    @app.exception_handler(OperationalError)
    async def database_unreachable(request: Request, exc: OperationalError) -> Response:
        log.error("database error on %s %s: %s", request.method, request.url.path,
                  str(exc).splitlines()[0])
        return error_response(request, status.HTTP_503_SERVICE_UNAVAILABLE,
                              "the database is unreachable: nothing was saved, try again shortly",
                              {"Retry-After": str(RETRY_UNAVAILABLE_S)})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, exc.detail,
                              getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [field_error(_field_name(e), e["msg"], e["type"]) for e in exc.errors()]
        return error_response(request, status.HTTP_422_UNPROCESSABLE_CONTENT, errors)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return error_response(request, status.HTTP_413_CONTENT_TOO_LARGE, "request body too large")

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
