"""Jinja2 pages: the environment, its few globals, and `render()` with language and header."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from app.config import REPO_ROOT
from app.domain.markdown import pygments_css, render_inline, render_markdown
from app.domain.vocabulary import GRADES, STAGES
from app.services import accounts
from app.web import i18n
from app.web.verdicts import verdict_view

# The header's links: (path, label, keyboard shortcut), in the order they are shown.
NAV_LINKS: tuple[tuple[str, str, str], ...] = (
    ("/questions", "Questions", "q"), ("/history", "History", "y"), ("/review", "Review", "v"),
    ("/progress", "Progress", "g"), ("/resume", "Resume", "m"), ("/data", "Data", "d"),
)
HIGHLIGHT_CSS = pygments_css()
THEMES = ("light", "dark", "auto")

templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(REPO_ROOT / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
)
templates.env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
# Pure functions and constants only: nothing here may touch the database.
templates.env.globals.update(
    STAGES=STAGES, GRADES=GRADES, render_markdown=render_markdown, render_inline=render_inline,
    nav_links=NAV_LINKS,
    js_catalog=i18n.js_catalog,  # the JS bundle's strings (base.html)
    verdict_view=verdict_view,
)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang = i18n.negotiate(request)
    i18n.current_lang.set(lang)
    context.setdefault("highlight_css", HIGHLIGHT_CSS)
    settings = getattr(request.app.state, "settings", None)
    context.setdefault("accounts_mode", settings is not None and settings.auth_mode == "accounts")
    context.setdefault("current_user", _current_user(request) if context["accounts_mode"] else None)
    theme = request.query_params.get("theme") or request.cookies.get("theme")
    theme = theme if theme in THEMES else "auto"
    response = templates.TemplateResponse(
        request, name, {"lang": lang, "theme": theme, **context}, status_code=status_code
    )
    if request.query_params.get("lang") in i18n.SUPPORTED:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    if request.query_params.get("theme") in THEMES:  # the header's switch: remembered, no JS
        response.set_cookie("theme", theme, max_age=365 * 86400, samesite="lax")
    return response


def _current_user(request: Request) -> Any:
    """The signed-in user for the header ("Signed in as"); looked up when the route did not."""
    if not hasattr(request.state, "user"):
        with request.app.state.sessionmaker() as db:
            request.state.user = accounts.session_user(
                db, request.cookies.get(accounts.COOKIE_NAME)
            )
    return request.state.user


def render_error(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code, code=status_code, message=message)
