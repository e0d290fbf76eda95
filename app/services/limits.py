"""Fair use of shared things: the grader queue per user, and failed logins per key.

Both in memory on purpose: one server process per instance (shared stores come with hosting).
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from app.services.errors import TooManyRequests

MAX_FAILURES = 10
WINDOW_S = 15 * 60
MAX_KEYS = 10_000  # forget the stalest keys beyond this, so guessing many names cannot eat memory


class PerUserLimit:
    """One person cannot fill the shared grader queue: a cap on each user's runs in flight.

    All access is from the event loop, so no lock is needed.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._in_flight: Counter[int] = Counter()

    @contextmanager
    def hold(self, user_id: int) -> Iterator[None]:
        if self._in_flight[user_id] >= self.limit:
            raise TooManyRequests(f"you already have {self.limit} submissions being graded: "
                                  "wait for their verdicts", retry_after_s=1)
        self._in_flight[user_id] += 1
        try:
            yield
        finally:
            self._in_flight[user_id] -= 1
            if not self._in_flight[user_id]:
                del self._in_flight[user_id]


class FailureThrottle:
    """Count failures per key in memory; too many in a window -> wait. A key of its own for an
    address (`ip:`) allows more failures: it spans every account tried from there."""

    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S,
                 clock: Callable[[], float] = time.monotonic, address_factor: int = 5):
        self.address_factor = address_factor
        self.max_failures = max_failures
        self.window_s = window_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()  # sync routes run in a thread pool

    def _recent(self, key: str, now: float) -> deque[float]:
        stamps = self._failures.get(key, deque())
        while stamps and stamps[0] <= now - self.window_s:
            stamps.popleft()
        return stamps

    def retry_after(self, *keys: str) -> int:
        """Seconds to wait before any of `keys` may try again; 0 when none is blocked."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                stamps = self._recent(key, now)
                allowed = self.max_failures * (self.address_factor if key.startswith("ip:") else 1)
                if len(stamps) >= allowed:
                    wait = max(wait, stamps[-allowed] + self.window_s - now)
        return math.ceil(wait) if wait > 0 else 0

    def fail(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                stamps = self._recent(key, now)
                stamps.append(now)
                self._failures.pop(key, None)
                self._failures[key] = stamps  # re-inserted: dict order is least recent first
            while len(self._failures) > MAX_KEYS:
                del self._failures[next(iter(self._failures))]

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
