"""The one error family of the use cases; app/web/errors.py maps each class to an HTTP status.

A use case raises these on purpose, with a message a person can act on. Anything else that
escapes a use case is a bug: logged, and answered with a generic 500 by the web layer.
"""

from __future__ import annotations


class ServiceError(Exception):
    """Base class: `message` is safe to show to the user who made the request."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    """An id that does not exist for this user (another user's ids look the same)."""


class Invalid(ServiceError):
    """A well-formed request that makes no sense; `field` names the input at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class Conflict(ServiceError):
    """The request clashes with what is stored (e.g. importing into an instance with data)."""


class TooLarge(ServiceError):
    """A text, file or body over its configured limit."""


class TooManyRequests(ServiceError):
    """Slow down: the grader queue is full, or too many attempts of one kind."""

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class Unavailable(ServiceError):
    """Something this server depends on (the database, Redis) is unreachable: ours, not the
    request's; nothing was saved, and trying again shortly may work."""


class GraderUnavailable(Unavailable):
    """Grading is off, not running, or failed on our side: never the user's verdict."""
