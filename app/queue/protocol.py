"""What web instances and workers say to each other through Redis.

Jobs and replies are JSON, never pickle: whoever can write to Redis must not be able to run
code in a web or worker process. A job names its card and carries a fingerprint of the card's
reference data, so a worker with another release of the bank refuses instead of misgrading.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from app.judge.messages import Text
from app.judge.spec import CodeCard
from app.judge.verdict import Check, Verdict

QUEUE = "mianjing:grade"  # arq's queue (a sorted set of job ids)
JOB_FUNCTION = "grade"
DOORBELL = "mianjing:doorbell"  # a list the web pushes to after each job: wakes an idle worker
DOORBELL_MAX = 64
REPLY_PREFIX = "mianjing:verdict:"  # + job id: the worker pushes the verdict, the web pops it
REPLY_TTL_S = 600
WORKER_PREFIX = "mianjing:worker:"  # + host:pid: a worker's heartbeat, gone soon after it dies
HEARTBEAT_S = 1.0
HEARTBEAT_TTL_S = 5.0
# A job whose worker died is taken again this long after its last sign of life.
IN_PROGRESS_TTL_S = 6.0
MAX_TRIES = 3  # a job that killed three workers in a row is not tried a fourth time


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes) -> Any:
    return json.loads(data)


_fingerprints: dict[int, tuple[CodeCard, str]] = {}  # id(card) -> (card, fingerprint)


def card_fingerprint(card: CodeCard) -> str:
    """What a worker must agree on with the web to grade this card the same way."""
    known = _fingerprints.get(id(card))
    if known is not None and known[0] is card:
        return known[1]
    digest = hashlib.sha256(json.dumps(card.request_header, sort_keys=True).encode())
    digest.update(card.input_bytes)
    digest.update(repr(card.timeout_s).encode())
    _fingerprints[id(card)] = (card, digest.hexdigest()[:16])
    return _fingerprints[id(card)][1]


def job_arguments(card: CodeCard, source: str) -> dict[str, Any]:
    return {"card": card.id, "fingerprint": card_fingerprint(card), "source": source}


def verdict_reply(verdict: Verdict) -> bytes:
    return dumps({"verdict": asdict(verdict)})


def fault_reply(reason: str) -> bytes:
    """The worker could not grade (ours, never the user's): the web answers 503."""
    return dumps({"fault": reason})


def _text(value: dict[str, str]) -> Text:
    return Text(value["en"], value["zh"])


def verdict_from_dict(data: dict[str, Any]) -> Verdict:
    checks = [Check(c["name"], c["passed"], _text(c["detail"])) for c in data["checks"]]
    return Verdict(status=data["status"], checks=checks, feedback=_text(data["feedback"]),
                   stdout=data["stdout"], duration_ms=data["duration_ms"], line=data["line"],
                   mistake=data["mistake"])


async def pop(redis: Any, key: str, timeout_s: float) -> bytes | None:
    """BLPOP one key for up to `timeout_s` (Redis 6+ takes fractions of a second)."""
    popped = await redis.blpop([key], timeout=timeout_s)
    return None if popped is None else popped[1]  # type: ignore[no-any-return]
