"""Helpers for the headless-Chromium browser tests (see conftest.py for the fixtures).

- ``CHROMIUM`` / ``CHROMIUM_ARGS``: Debian's /usr/bin/chromium and the flags every test uses
  (headless, no sandbox, no background networking, fake microphone auto-allowed).
- ``axe_scan(page)``: run axe-core on the current page, return serious/critical violations.
- ``format_violations(v)``: readable text for an assertion message.
- ``BrowserLog``: what a test's page did (requests, console errors, page errors).
- ``wait_for_htmx_idle(page)``: wait until no htmx request is in flight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "static"
AXE_JS = STATIC / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Schemes that never leave the machine.
LOCAL_SCHEMES = {"data", "blob", "about", "file", "chrome", "chrome-extension", "devtools"}

SERIOUS = ("serious", "critical")


def is_local_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class BrowserLog:
    """Everything one test's browser context did; checked by the ``page`` fixture at teardown."""

    requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    allowed_console: list[re.Pattern[str]] = field(default_factory=list)

    def allow_console_error(self, pattern: str) -> None:
        """Let console errors matching ``pattern`` (regex, searched) pass, e.g. an expected 404."""
        self.allowed_console.append(re.compile(pattern))

    def on_request(self, request: Any) -> None:
        self.requests.append(request.url)
        if not is_local_url(request.url):
            self.external_requests.append(f"{request.method} {request.url}")

    def on_console(self, message: Any) -> None:
        if message.type != "error":
            return
        location = (message.location or {}).get("url", "")
        text = message.text
        # Chromium asks for /favicon.ico on its own; a 404 there is not the page's doing.
        if location.endswith("/favicon.ico"):
            return
        self.console_errors.append(f"{text} ({location})" if location else text)

    def on_page_error(self, error: Any) -> None:
        self.page_errors.append(str(error))

    def problems(self) -> list[str]:
        out = [f"request to a non-local host: {r}" for r in self.external_requests]
        out += [
            f"console error: {e}"
            for e in self.console_errors
            if not any(p.search(e) for p in self.allowed_console)
        ]
        out += [f"uncaught page error: {e}" for e in self.page_errors]
        return out


def axe_scan(
    page: Any,
    *,
    context: str | None = None,
    impacts: tuple[str, ...] = SERIOUS,
    disable_rules: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Inject axe-core (static/node_modules, never shipped in dist) and run it.

    Returns the violations whose impact is in ``impacts`` (serious/critical by default), each
    as {"id", "impact", "help", "helpUrl", "nodes": [{"target", "html", "summary"}]}.
    Evaluated over CDP, so the page's Content-Security-Policy does not block it.
    """
    if not AXE_JS.is_file():
        raise RuntimeError(f"{AXE_JS} is missing: run `cd static && npm ci`")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if disable_rules:
        options["rules"] = {rule: {"enabled": False} for rule in disable_rules}
    result = page.evaluate(
        """async ([ctx, options]) => {
            const r = await window.axe.run(ctx ? document.querySelector(ctx) : document, options);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target, html: n.html, summary: n.failureSummary,
                })),
            }));
        }""",
        [context, options],
    )
    return [v for v in result if v["impact"] in impacts]


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)


def wait_for_htmx_idle(page: Any, timeout_ms: float = 10_000) -> None:
    """Wait until htmx has no request in flight (no element carries .htmx-request)."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')", timeout=timeout_ms)
