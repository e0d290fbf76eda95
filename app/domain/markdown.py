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


def _math_rule(tag: str, css: str) -> Any:
    """A renderer for one dollarmath token: the TeX, escaped (so inert), in a marked element
    that the browser's KaTeX renders (static/src/math.js). No dollars: KaTeX gets pure TeX."""
    def render(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return f'<{tag} class="math {css}">{escape(tokens[idx].content.strip())}</{tag}>'
    return render


# "js-default" = CommonMark with raw HTML off and unsafe link schemes (javascript:) rejected.
# allow_digits=False: "$5 and $6" stays text; double_inline: "$$x$$" inside a sentence is math.
_md = (
    MarkdownIt("js-default", {"highlight": _highlight})
    .enable("table")
    .use(dollarmath_plugin, allow_digits=False, double_inline=True)
)
for _token, (_tag, _css) in {"math_inline": ("span", "inline"),
                             "math_inline_double": ("span", "display"),
                             "math_block": ("div", "block"),
                             "math_block_label": ("div", "block")}.items():
    _md.add_render_rule(_token, _math_rule(_tag, _css))


def render_markdown(text: str) -> str:
    return _md.render(text)


def render_inline(text: str) -> str:
    """One line of Markdown (code spans, emphasis, math) without a wrapping paragraph."""
    return _md.renderInline(text)


def pygments_css() -> str:
    return HtmlFormatter().get_style_defs(".highlight")
