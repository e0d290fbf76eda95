"""Only answer to the host names this instance is served under (a DNS-rebinding page that
points evil.example at 127.0.0.1 would otherwise drive a local install's whole API)."""

from __future__ import annotations

import fnmatch
import json
from typing import Any


class AllowedHosts:
    """Refuse a request whose Host header is not allowed with a JSON 400."""

    def __init__(self, app: Any, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = tuple(name.lower() for name in allowed)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if any(fnmatch.fnmatchcase(host, pattern) for pattern in self.allowed):
            await self.app(scope, receive, send)
            return
        body = json.dumps({"detail": f"unknown host {host!r}: this server answers only to "
                                     f"{', '.join(self.allowed)} (MIANJING_ALLOWED_HOSTS)"}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def host_name(header: str) -> str:
    """'Example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header
