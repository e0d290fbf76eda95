"""One person cannot fill the shared grader queue: a cap on each user's submissions in flight."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from app.judge.sandbox.pool import GraderBusy


class TooManyInFlight(GraderBusy):
    def __init__(self, limit: int) -> None:
        super().__init__(retry_after_s=1)
        self.args = (f"you already have {limit} submissions being graded: wait for their verdicts",)


class PerUserLimit:
    """Counts submissions per user id; all access is from the event loop, so no lock is needed."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._in_flight: Counter[int] = Counter()

    @contextmanager
    def hold(self, user_id: int) -> Iterator[None]:
        if self._in_flight[user_id] >= self.limit:
            raise TooManyInFlight(self.limit)
        self._in_flight[user_id] += 1
        try:
            yield
        finally:
            self._in_flight[user_id] -= 1
            if not self._in_flight[user_id]:
                del self._in_flight[user_id]
