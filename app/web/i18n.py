"""UI strings through gettext: messages.po catalogs read with Babel, language per request."""

from __future__ import annotations

import gettext as _gettext_module
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from starlette.requests import Request

from app.domain.vocabulary import N_, Lang

LOCALE_DIR = Path(__file__).parent.parent / "locale"
SUPPORTED = ("en", "zh")
current_lang: ContextVar[str] = ContextVar("current_lang", default="en")


class _Loaded:
    """One language's translations: singular messages, plural forms keyed by the singular id."""

    def __init__(self) -> None:
        self.singular: dict[str, str] = {}
        self.plural: dict[str, tuple[str, ...]] = {}
        self.plural_index: Callable[[int], int] = lambda n: 0 if n == 1 else 1


@cache
def _loaded(lang: str) -> _Loaded:
    loaded = _Loaded()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return loaded
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    loaded.plural_index = _gettext_module.c2py(catalog.plural_expr)
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, (list, tuple)):
            forms = tuple(str(s) for s in m.string or ())
            if forms and all(forms):
                loaded.plural[str(m.id[0])] = forms
        elif m.string:
            loaded.singular[str(m.id)] = str(m.string)
    return loaded


def _catalog(lang: str) -> dict[str, str]:
    return _loaded(lang).singular


def gettext(message: str) -> str:
    return _catalog(current_lang.get()).get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    loaded = _loaded(current_lang.get())
    forms = loaded.plural.get(singular)
    if forms:
        return forms[min(loaded.plural_index(n), len(forms) - 1)]
    return gettext(singular if n == 1 else plural)


def negotiate(request: Request) -> str:
    """?lang= beats the `lang` cookie, which beats the browser's Accept-Language."""
    chosen = request.query_params.get("lang") or request.cookies.get("lang")
    if chosen in SUPPORTED:
        return chosen
    return from_accept_language(request)


def from_accept_language(request: Request) -> Lang:
    """The first supported language in the browser's Accept-Language header, else English."""
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return Lang.ZH
        if tag.startswith("en"):
            return Lang.EN
    return Lang.EN


# Strings that templates translate from data (`_(stage|capitalize)`, `_(attempt.status)`).
DYNAMIC_MESSAGES = (
    N_("Intro"), N_("Project"), N_("Paper"), N_("Coding"),
    N_("again"), N_("hard"), N_("good"), N_("easy"),
    N_("passed"), N_("failed"), N_("error"), N_("timeout"),
    N_("medium"),
    # Header links (app/web/templating.py NAV_LINKS, rendered as `_(label)`).
    N_("Review"), N_("Progress"), N_("Resume"), N_("Data"),
)


# Strings that the browser bundle shows (static/src/*.js wraps each in t("...")); the page embeds
# their translations as JSON (js_catalog(), templates/base.html). tests/test_i18n.py checks that
# this list and the t("...") literals agree. {name} is a JS placeholder (format() in util.js).
JS_MESSAGES = (
    # editor.js
    N_("Code editor"),
    N_("Tab indents, Shift+Tab dedents; press Esc then Tab to leave the editor."),
    N_("{keys} submits."),
    N_("Discard draft"),
    N_("Restored your unsaved draft."),
    # recorder.js
    N_("Microphone permission was denied. Allow microphone access for this site in the browser "
       "settings, then try again."),
    N_("No microphone was found. Plug one in (or enable it) and try again."),
    N_("The microphone is busy or could not be started. Close other apps using it and try again."),
    N_("Recording failed: {error}"),
    N_("target {min}–{max}"),
    N_("● Record"),
    N_("■ Stop"),
    N_("Retry upload"),
    N_("This browser cannot record here: recording needs a secure page (https or localhost) and a "
       "browser with microphone support."),
    N_("This browser does not support audio recording (MediaRecorder)."),
    N_("Discard the current recording and record again?"),
    N_("Recording…"),
    N_("● Record again"),
    N_("Recorded {time} — shorter than the target."),
    N_("Recorded {time} — longer than the target."),
    N_("Recorded {time} — within the target."),
    N_("Recorded {time}."),
    N_("It will be saved with your answer."),
    N_("It will be uploaded when you save the attempt."),
    N_("Uploading recording…"),
    N_("the server answered {status}"),
    N_("Recording uploaded ({time})."),
    N_("Upload failed: {error}. Your recording is kept; retry below."),
    # shortcuts.js
    N_("Show or hide this list of shortcuts"),
    N_("Close this list"),
    N_("Submit the current form (also inside the code editor)"),
    N_("Indent / dedent in the code editor"),
    N_("Leave the code editor with the keyboard"),
    N_("Space"),
    N_("then"),
    N_("Close"),
    N_("Keyboard shortcuts"),
    N_("On this page"),
    N_("Everywhere"),
    # timer.js
    N_("Timer paused at {time}"),
    N_("Timer resumed"),
    N_("Continue"),
    N_("Pause"),
    N_("Resume stage clock"),
    N_("Resume timer"),
    N_("Pause stage clock"),
    N_("Pause timer"),
    N_("Time is up: the {limit} limit has passed. You can keep going."),
    N_("{time} left."),
)


def js_catalog() -> dict[str, str]:
    """JS_MESSAGES in the current language, for templates/base.html's #mianjing-i18n JSON.

    Only the messages whose translation differs: t() falls back to the English message.
    """
    return {m: translated for m in JS_MESSAGES if (translated := gettext(m)) != m}
