"""A failure on our side: kept apart from the user's verdict (CMS's evaluation_success)."""


class GraderFault(Exception):
    """The sandbox, the harness or the checker failed; the submission was not judged."""
