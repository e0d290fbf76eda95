"""Which grader a process uses: the warm sandbox pool in this process (the laptop default), or,
with MIANJING_QUEUE_URL, the queue that `mianjing worker` processes serve."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.config import Settings

if TYPE_CHECKING:
    from app.judge.grader import Grader, GraderLike

log = logging.getLogger(__name__)


def local_grader(settings: Settings) -> Grader:
    """A sandbox pool of `grader_workers` slots, warming up in the background."""
    from app.judge import Grader
    from app.judge.sandbox.policy import DEFAULT_PROTECTED_PATHS, SandboxPolicy

    # The configured data dir may live outside the repo: it must never become readable either.
    policy = SandboxPolicy(
        protected_paths=(*DEFAULT_PROTECTED_PATHS, str(settings.data_dir.resolve())),
        required_layers=tuple(name.strip() for name in settings.sandbox_require.split(",")
                              if name.strip()),
        uid_base=settings.sandbox_uid_base,
    )
    grader = Grader(policy, workers=settings.grader_workers,
                    queue_limit=settings.grader_queue_limit)
    grader.start()
    return grader


def start_grader(settings: Settings) -> GraderLike | None:
    """The web's grader; None when code grading is switched off."""
    if settings.queue_url:
        from app.queue.client import RemoteGrader

        remote = RemoteGrader(settings.queue_url, queue_limit=settings.grader_queue_limit)
        remote.start()
        log.info("grading through the queue at %s (run `mianjing worker` processes)",
                 _without_password(settings.queue_url))
        return remote
    if settings.grader_workers == 0:
        log.warning("code grading is switched off (MIANJING_GRADER_WORKERS=0)")
        return None
    return local_grader(settings)


def _without_password(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def run_worker(settings: Settings) -> int:
    """`mianjing worker`: a warm sandbox pool serving the queue until SIGTERM; exit status."""
    import asyncio

    from app.domain.cards import load_bank
    from app.judge import load_code_card
    from app.queue.worker import serve_queue

    if not settings.queue_url:
        log.error("MIANJING_QUEUE_URL is not set: a worker needs the queue the web instances use")
        return 2
    if settings.grader_workers == 0:
        log.error("MIANJING_GRADER_WORKERS is 0: a worker needs at least one sandbox slot")
        return 2
    bank = load_bank(settings.questions_dir, code_cards=load_code_card)
    cards = {q.id: q.code_card for q in bank if q.code_card is not None}

    async def main() -> int:
        grader = local_grader(settings)
        try:
            try:
                await grader.wait_ready(timeout=300)
            except Exception:
                log.error("the sandbox did not start: %s", grader.status())
                return 1
            layers = grader.status().get("layers", {})
            log.info("worker ready: %d slots, %d code cards; sandbox layers: %s",
                     settings.grader_workers, len(cards),
                     "; ".join(f"{name} {state}" for name, state in layers.items()))
            await serve_queue(settings.queue_url or "", grader, cards, settings.grader_workers)
            return 0
        finally:
            await grader.close()

    return asyncio.run(main())
