"""UI strings through gettext: messages.po catalogs read with Babel, language per request."""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from babel.support import Translations
from starlette.requests import Request

LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED = ("en", "zh")
current_lang: ContextVar[str] = ContextVar("current_lang", default="en")


@cache
def _catalog(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def gettext(message: str) -> str:
    return _catalog(current_lang.get()).get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def negotiate(request: Request) -> str:
    """?lang= beats the `lang` cookie, which beats the browser's Accept-Language."""
    chosen = request.query_params.get("lang") or request.cookies.get("lang")
    if chosen in SUPPORTED:
        return chosen
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "en"


def translations_check() -> Translations:
    """Babel's own loader, used by tests to prove the catalog parses."""
    return Translations.load(str(LOCALE_DIR), ["zh"])


def N_(message: str) -> str:
    """Marks a string for extraction whose translation is looked up later by value."""
    return message


# Strings that templates translate from data (`_(stage|capitalize)`, `_(attempt.status)`).
DYNAMIC_MESSAGES = (
    N_("Intro"), N_("Project"), N_("Paper"), N_("Coding"),
    N_("again"), N_("hard"), N_("good"), N_("easy"),
    N_("passed"), N_("failed"), N_("error"), N_("timeout"),
    N_("medium"),
)
