"""ASGI middleware: what every request passes through before a route sees it."""
