"""Accounts mode: sign up, log in and out, as pages and as JSON under /api/auth/."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.services import accounts
from app.services.limits import Throttle
from app.store.models import User
from app.web import i18n
from app.web.deps import DbDep, OptionalUserDep, SettingsDep, UserDep
from app.web.schemas import ErrorOut, Strict
from app.web.templating import render

router = APIRouter()


class Credentials(Strict):
    username: str = Field(max_length=80)
    password: str = Field(max_length=accounts.MAX_PASSWORD_CHARS)


class SignupIn(Credentials):
    signup_code: str | None = Field(default=None, max_length=200,
                                    description="Required when the server sets one.")


class MeOut(BaseModel):
    name: str
    created_at: datetime


def safe_next(target: str | None) -> str:
    """A path on this site to return to after logging in; anything else becomes "/"."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    parts = urlsplit(target)
    return "/" if parts.scheme or parts.netloc else target


def _throttle(request: Request) -> Throttle:
    return request.app.state.login_throttle  # type: ignore[no-any-return]


def _ip_key(request: Request) -> str:
    return f"ip:{request.client.host if request.client else '?'}"


def _set_session_cookie(request: Request, response: Response, db: Session, user: User) -> None:
    response.set_cookie(
        accounts.COOKIE_NAME, accounts.start_session(db, user), max_age=accounts.COOKIE_MAX_AGE_S,
        path="/", httponly=True,  # scripts (an injected one included) cannot read the token
        samesite="lax",  # not sent on other sites' sub-requests and form posts
        secure=request.url.scheme == "https",  # never sent in clear once the site is on TLS
    )


def _me(user: User) -> MeOut:
    return MeOut(name=user.name, created_at=user.created_at)


class TooManyFailures(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after


def _check_login(request: Request, db: Session, username: str, password: str) -> User | None:
    """The user, or None for a wrong password; raises TooManyFailures while throttled."""
    throttle = _throttle(request)
    # Per (account, address) and per address, never per account alone: someone guessing Ann's
    # password slows down themselves, while Ann, from her own address, still logs in at once.
    pair = f"pair:{accounts.normalise_username(username)}|{_ip_key(request)}"
    keys = (pair, _ip_key(request))
    wait = throttle.retry_after(*keys)
    if wait:
        raise TooManyFailures(wait)
    user = accounts.authenticate(db, username, password)
    if user is None:
        throttle.fail(*keys)
    else:
        throttle.clear(keys[0])
    return user


def _signup(request: Request, db: Session, code_required: str | None, body: SignupIn) -> User:
    throttle = _throttle(request)
    wait = throttle.retry_after(_ip_key(request))
    if wait:
        raise TooManyFailures(wait)
    try:
        return accounts.signup(db, body.username, body.password, code=body.signup_code,
                               required_code=code_required)
    except accounts.SignupRefused as exc:
        if exc.field == "signup_code":  # guessing the code counts like guessing a password
            throttle.fail(_ip_key(request))
        raise


def _too_many(retry_after: int) -> JSONResponse:
    return JSONResponse({"detail": f"too many failed attempts: try again in {retry_after} s"},
                        status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                        headers={"Retry-After": str(retry_after)})


# ---- pages --------------------------------------------------------------------------------

def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, user: OptionalUserDep, next: str = "/") -> Response:
    if user is not None:
        return _see_other(safe_next(next))
    return render(request, "login.html", next=safe_next(next), username="", error=None)


@router.post("/login", include_in_schema=False)
def login_form(
    request: Request, db: DbDep, username: Annotated[str, Form(max_length=80)] = "",
    password: Annotated[str, Form(max_length=accounts.MAX_PASSWORD_CHARS)] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    i18n.current_lang.set(i18n.negotiate(request))
    try:
        user = _check_login(request, db, username, password)
    except TooManyFailures as exc:
        response: Response = render(
            request, "login.html", 429, next=safe_next(next), username=username,
            error=i18n.gettext("Too many failed attempts: try again later."),
        )
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if user is None:
        return render(request, "login.html", 401, next=safe_next(next), username=username,
                      error=i18n.gettext(accounts.LOGIN_FAILED))
    response = _see_other(safe_next(next))
    _set_session_cookie(request, response, db, user)
    return response


@router.get("/signup", response_class=HTMLResponse, include_in_schema=False)
def signup_page(request: Request, settings: SettingsDep, user: OptionalUserDep,
                next: str = "/") -> Response:
    if user is not None:
        return _see_other(safe_next(next))
    return render(request, "signup.html", next=safe_next(next), username="", errors={},
                  needs_code=settings.signup_code is not None, signup_code="")


@router.post("/signup", include_in_schema=False)
def signup_form(
    request: Request, db: DbDep, settings: SettingsDep,
    username: Annotated[str, Form(max_length=80)] = "",
    password: Annotated[str, Form(max_length=accounts.MAX_PASSWORD_CHARS)] = "",
    confirm: Annotated[str, Form(max_length=accounts.MAX_PASSWORD_CHARS)] = "",
    signup_code: Annotated[str | None, Form(max_length=200)] = None,
    next: Annotated[str, Form()] = "/",
) -> Response:
    i18n.current_lang.set(i18n.negotiate(request))
    errors: dict[str, str] = {}
    status_code = status.HTTP_422_UNPROCESSABLE_CONTENT
    headers = {}
    if password != confirm:
        errors["confirm"] = i18n.gettext("The two passwords differ.")
    else:
        body = SignupIn(username=username, password=password, signup_code=signup_code)
        try:
            user = _signup(request, db, settings.signup_code, body)
        except accounts.SignupRefused as exc:
            errors[exc.field] = i18n.gettext(exc.message)
        except TooManyFailures as exc:
            errors["signup_code"] = i18n.gettext("Too many failed attempts: try again later.")
            status_code, headers = status.HTTP_429_TOO_MANY_REQUESTS, {"Retry-After": str(exc.retry_after)}
        else:
            redirect = _see_other(safe_next(next))
            _set_session_cookie(request, redirect, db, user)
            return redirect
    # A right code is kept for the retry, a wrong one is not echoed back.
    kept_code = "" if "signup_code" in errors else (signup_code or "")
    response = render(request, "signup.html", status_code, next=safe_next(next),
                      username=username, errors=errors, needs_code=settings.signup_code is not None,
                      signup_code=kept_code)
    response.headers.update(headers)
    return response


@router.post("/logout", include_in_schema=False)
def logout_form(request: Request, db: DbDep) -> Response:
    accounts.end_session(db, request.cookies.get(accounts.COOKIE_NAME))
    response = _see_other("/login")
    response.delete_cookie(accounts.COOKIE_NAME, path="/", httponly=True, samesite="lax")
    return response


# ---- API ----------------------------------------------------------------------------------

AUTH_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut},
}


@router.post("/api/auth/signup", response_model=MeOut, status_code=status.HTTP_201_CREATED,
             tags=["auth"], responses=AUTH_ERRORS)
def api_signup(request: Request, body: SignupIn, db: DbDep, settings: SettingsDep,
               response: Response) -> MeOut | JSONResponse:
    """Create an account and log in (the session cookie is set)."""
    try:
        user = _signup(request, db, settings.signup_code, body)
    except TooManyFailures as exc:
        return _too_many(exc.retry_after)
    _set_session_cookie(request, response, db, user)
    return _me(user)


@router.post("/api/auth/login", response_model=MeOut, tags=["auth"], responses=AUTH_ERRORS)
def api_login(request: Request, body: Credentials, db: DbDep,
              response: Response) -> MeOut | JSONResponse:
    """Log in: sets the HttpOnly session cookie. One message for every wrong credential."""
    try:
        user = _check_login(request, db, body.username, body.password)
    except TooManyFailures as exc:
        return _too_many(exc.retry_after)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, accounts.LOGIN_FAILED)
    _set_session_cookie(request, response, db, user)
    return _me(user)


@router.post("/api/auth/logout", status_code=status.HTTP_204_NO_CONTENT, tags=["auth"])
def api_logout(request: Request, db: DbDep) -> Response:
    """End this session (the cookie is cleared); harmless when not logged in."""
    accounts.end_session(db, request.cookies.get(accounts.COOKIE_NAME))
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(accounts.COOKIE_NAME, path="/", httponly=True, samesite="lax")
    return response


@router.get("/api/auth/me", response_model=MeOut, tags=["auth"], responses=AUTH_ERRORS)
def api_me(user: UserDep) -> MeOut:
    """Who is logged in; 401 when nobody is."""
    return _me(user)
