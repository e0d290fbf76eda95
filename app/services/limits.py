"""Fair use of shared things: the grader queue per user, and failed logins per key.

In memory for one server process (the laptop default); in Redis (the grading queue's) when
several web instances run, so a user or a guesser meets the same limits on every instance.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Protocol

from app.services.errors import TooManyRequests, Unavailable

if TYPE_CHECKING:
    import redis
    import redis.asyncio

MAX_FAILURES = 10
WINDOW_S = 15 * 60
MAX_KEYS = 10_000  # forget the stalest keys beyond this, so guessing many names cannot eat memory


def _over(limit: int) -> TooManyRequests:
    return TooManyRequests(f"you already have {limit} submissions being graded: wait for "
                           "their verdicts", retry_after_s=1)


class UserLimit(Protocol):
    limit: int

    def hold(self, user_id: int) -> AbstractAsyncContextManager[None]: ...


class PerUserLimit:
    """One person cannot fill the shared grader queue: a cap on each user's runs in flight.

    All access is from the event loop, so no lock is needed.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._in_flight: Counter[int] = Counter()

    @asynccontextmanager
    async def hold(self, user_id: int) -> AsyncIterator[None]:
        if self._in_flight[user_id] >= self.limit:
            raise _over(self.limit)
        self._in_flight[user_id] += 1
        try:
            yield
        finally:
            self._in_flight[user_id] -= 1
            if not self._in_flight[user_id]:
                del self._in_flight[user_id]


@contextlib.contextmanager
def _redis_reachable() -> Iterator[None]:
    """A Redis error inside becomes Unavailable (503): ours, not the request's."""
    import redis  # an optional dependency (`.[queue]`), needed only when the queue is set

    try:
        yield
    except redis.RedisError as exc:
        raise Unavailable(f"the shared limits store (Redis) is unreachable: "
                          f"{exc.__class__.__name__}; try again shortly") from exc


class SharedPerUserLimit:
    """PerUserLimit across instances: a counter per user in Redis. It expires on its own, so an
    instance that dies holding a slot frees it within HOLD_TTL_S."""

    HOLD_TTL_S = 300

    def __init__(self, client: redis.asyncio.Redis, limit: int) -> None:
        self.client = client
        self.limit = limit

    @asynccontextmanager
    async def hold(self, user_id: int) -> AsyncIterator[None]:
        key = f"mianjing:in-flight:{user_id}"
        with _redis_reachable():
            async with self.client.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, self.HOLD_TTL_S)
                held, _ = await pipe.execute()
        try:
            if held > self.limit:
                raise _over(self.limit)
            yield
        finally:
            with contextlib.suppress(Unavailable), _redis_reachable():  # else it expires
                await self.client.decr(key)


class Throttle(Protocol):
    def retry_after(self, *keys: str) -> int: ...
    def fail(self, *keys: str) -> None: ...
    def clear(self, key: str) -> None: ...


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
                allowed = _allowed(key, self.max_failures, self.address_factor)
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


def _allowed(key: str, max_failures: int, address_factor: int) -> int:
    return max_failures * (address_factor if key.startswith("ip:") else 1)


class SharedFailureThrottle:
    """FailureThrottle across instances: each key's failure times in a Redis sorted set that
    expires with the window (the routes that use it run in a thread pool: a sync client)."""

    def __init__(self, client: redis.Redis, max_failures: int = MAX_FAILURES,
                 window_s: float = WINDOW_S, clock: Callable[[], float] = time.time,
                 address_factor: int = 5):
        self.client = client
        self.max_failures = max_failures
        self.window_s = window_s
        self.clock = clock
        self.address_factor = address_factor

    @staticmethod
    def _key(key: str) -> str:
        return f"mianjing:failures:{key}"

    def retry_after(self, *keys: str) -> int:
        """Raises Unavailable when Redis is unreachable: logins wait rather than go unthrottled."""
        now = self.clock()
        wait = 0.0
        with _redis_reachable():
            for key in keys:
                allowed = _allowed(key, self.max_failures, self.address_factor)
                with self.client.pipeline(transaction=True) as pipe:
                    pipe.zremrangebyscore(self._key(key), "-inf", now - self.window_s)
                    pipe.zrange(self._key(key), -allowed, -allowed, withscores=True)
                    _, nth_latest = pipe.execute()
                if nth_latest:
                    wait = max(wait, nth_latest[0][1] + self.window_s - now)
        return math.ceil(wait) if wait > 0 else 0

    def fail(self, *keys: str) -> None:
        now = self.clock()
        with _redis_reachable(), self.client.pipeline(transaction=True) as pipe:
            for key in keys:
                keep = _allowed(key, self.max_failures, self.address_factor)
                pipe.zadd(self._key(key), {uuid.uuid4().hex: now})
                pipe.zremrangebyrank(self._key(key), 0, -keep - 1)  # older ones no longer matter
                pipe.expire(self._key(key), math.ceil(self.window_s))
            pipe.execute()

    def clear(self, key: str) -> None:
        with _redis_reachable():
            self.client.delete(self._key(key))
