"""Settings, read from the environment (MIANJING_*) by pydantic-settings."""

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every field is documented here and in the README (tests/test_docs.py checks both)."""

    model_config = SettingsConfigDict(env_prefix="MIANJING_", frozen=True)

    data_dir: Path = Field(
        default=Path("data"),
        description="Folder for everything mianjing writes: the SQLite file (which holds the "
        "voice recordings too).",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; default: SQLite at DATA_DIR/mianjing.sqlite3. "
        "Several instances share one PostgreSQL: postgresql+psycopg://user:password@host/db "
        "(install with .[postgres]).",
    )
    queue_url: str | None = Field(
        default=None,
        description="Redis URL of the grading queue (e.g. redis://host:6379/0): the web puts "
        "submissions there and `mianjing worker` processes grade them; login throttles and "
        "per-user caps are shared through it too. Unset: grading runs inside `serve`.",
    )
    questions_dir: Path = Field(
        default=REPO_ROOT / "questions",
        description="Folder of question cards, one sub-folder per card.",
    )
    grader_workers: int = Field(
        default=2, ge=0, le=16,
        description="Sandboxed grader worker processes (0 disables code grading).",
    )
    sandbox_require: str = Field(
        default="namespaces,landlock,seccomp,rlimits",
        description="Sandbox layers that must be on, comma-separated (of namespaces, landlock, "
        "seccomp, rlimits, uid_drop, cgroup; the last two need root); the grader refuses to "
        "start without them rather than grade with less.",
    )
    sandbox_uid_base: int = Field(
        default=64000, ge=1000, le=2**31 - 1000,
        description="As root, sandbox slot i runs as uid/gid BASE+i. Grader processes sharing "
        "one kernel (several `mianjing worker`s or containers on a host) need ranges that do "
        "not overlap, or one's runs count against the other's process limit.",
    )
    grader_queue_limit: int = Field(
        default=16, ge=1, le=1000,
        description="Submissions that may wait for a worker before new ones get HTTP 429.",
    )
    grader_per_user_limit: int = Field(
        default=4, ge=1, le=100,
        description="Submissions one user may have graded or queued at once (more get HTTP 429).",
    )
    max_code_bytes: int = Field(
        default=64 * 1024, ge=1024,
        description="Largest accepted code or answer text, in bytes (larger gets HTTP 413).",
    )
    max_recording_bytes: int = Field(
        default=20 * 1024 * 1024, ge=1024,
        description="Largest accepted voice recording upload, in bytes.",
    )

    max_import_bytes: int = Field(
        default=512 * 1024 * 1024, ge=1024,
        description="Largest accepted data import (a JSON export with its recordings), in bytes.",
    )
    review_desired_retention: float = Field(
        default=0.9, gt=0.5, lt=1.0,
        description="Chance of still recalling a card when it falls due (FSRS); higher means more "
        "frequent reviews.",
    )
    review_fuzzing: bool = Field(
        default=True,
        description="Spread review intervals by a few percent so cards learned together do not "
        "all fall due on the same day (tests turn it off for exact dates).",
    )

    allowed_hosts: str = Field(
        default="localhost,127.0.0.1,::1",
        description="Host names this server answers to, comma-separated (`*.example.org` "
        "wildcards; `*` for any); others get HTTP 400, which stops DNS-rebinding pages. Add "
        "the public name when hosting behind a proxy.",
    )
    trusted_proxies: str = Field(
        default="",
        description="Addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are "
        "believed, comma-separated; empty: none, so a client cannot pick its own address.",
    )

    auth_mode: Literal["local", "accounts"] = Field(
        default="local",
        description="local: one implicit user, no login (a laptop install); accounts: sign-up, "
        "log-in and a private history per person (an instance hosted for a study group).",
    )
    signup_code: str | None = Field(
        default=None,
        description="In accounts mode, the code people must give to sign up (share it with the "
        "group); unset lets anyone who reaches the server sign up.",
    )

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'mianjing.sqlite3'}"

    @property
    def recordings_dir(self) -> Path:
        """Where versions before recordings moved into the database wrote them (read once)."""
        return self.data_dir / "recordings"
