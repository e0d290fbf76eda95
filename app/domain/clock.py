"""The one clock: timezone-aware UTC everywhere (fsrs refuses naive datetimes)."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
