"""Card and answer Markdown -> safe HTML (raw HTML off, code by Pygments, math left for KaTeX)."""

from html import escape
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

_FORMATTER = HtmlFormatter(nowrap=True)


def _highlight(code: str, lang: str, _attrs: str) -> str:
    try:
        lexer = get_lexer_by_name(lang or "text")
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    # Starting with "<pre" tells markdown-it not to wrap (and escape) it again.
    return f'<pre class="highlight"><code>{highlight(code, lexer, _FORMATTER)}</code></pre>'


def _math(content: str, options: dict[str, Any]) -> str:
    # Keep the delimiters so the browser's KaTeX auto-render finds them; escaped, so still inert.
    fence = "$$" if options.get("display_mode") else "$"
    return f"{fence}{escape(content)}{fence}"


# "js-default" = CommonMark with raw HTML off and unsafe link schemes (javascript:) rejected.
_md = (
    MarkdownIt("js-default", {"highlight": _highlight})
    .enable("table")
    .use(dollarmath_plugin, renderer=_math, allow_digits=False)
)


def render_markdown(text: str) -> str:
    return _md.render(text)


def render_inline(text: str) -> str:
    """One line of Markdown (code spans, emphasis, math) without a wrapping paragraph."""
    return _md.renderInline(text)


def pygments_css() -> str:
    return HtmlFormatter().get_style_defs(".highlight")
