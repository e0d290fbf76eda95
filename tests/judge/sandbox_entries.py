"""Entry functions for sandbox tests: they run attack code from the request inside the sandbox."""

from __future__ import annotations

import json


def run_code(request: bytes) -> bytes:
    """Exec the request as Python; return the `result` it sets (bytes, or JSON-encoded)."""
    namespace: dict = {}
    exec(compile(request.decode(), "<attack>", "exec"), namespace)
    result = namespace.get("result", b"")
    return result if isinstance(result, bytes) else json.dumps(result).encode()

