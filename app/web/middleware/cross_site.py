"""Refuse cross-site writes: another site's page must not post to a mianjing on localhost.

The same rule as Go's net/http CrossOriginProtection: browsers label every request with
Sec-Fetch-Site (and Origin); a state-changing request from another site gets 403. Requests
without those headers (curl, scripts, tests) are not from a browser page and pass.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class CrossSiteWriteGuard:
    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS and _is_cross_site(scope):
            body = json.dumps({"detail": "cross-site request refused"}).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 403,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


def _is_cross_site(scope: dict[str, Any]) -> bool:
    headers = {
        name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers") or []
    }
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")  # "none": typed URL or bookmark
    origin = headers.get("origin")
    if origin is None or origin == "null":
        return origin == "null"  # a sandboxed iframe or file:// page says "null"
    return urlsplit(origin).netloc.lower() != headers.get("host", "").lower()
