"""Voice answers: one recording per attempt, stored in the database (every instance serves it)
under a name the server derives, never one a client gives."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.errors import Invalid, NotFound, TooLarge
from app.store.models import Attempt, Recording

log = logging.getLogger(__name__)

AUDIO_TYPES = {
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/mp4": ".m4a",
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
}
MEDIA_TYPES = {suffix: media for media, suffix in AUDIO_TYPES.items()}
# The only names this app gives a recording; anything else in a row or a file is refused.
FILE_NAME = re.compile(r"attempt-[1-9][0-9]{0,18}\.(webm|ogg|m4a|mp3|wav)")


class UnsupportedAudio(Invalid):
    """A recording whose media type is not one a browser records (-> 415)."""


def suffix_for(content_type: str | None) -> str:
    """The file suffix for an upload's media type; UnsupportedAudio otherwise."""
    media = (content_type or "").split(";")[0].strip()
    if media not in AUDIO_TYPES:
        raise UnsupportedAudio("audio", f"{media or 'no type'} is not one of {', '.join(AUDIO_TYPES)}")
    return AUDIO_TYPES[media]


def check_audio(audio: bytes, limit: int) -> None:
    if not audio:
        raise Invalid("audio", "empty file")
    if len(audio) > limit:
        raise TooLarge("audio: recording too large")


def file_name(attempt_id: int, suffix: str) -> str:
    name = f"attempt-{attempt_id}{suffix}"
    if not FILE_NAME.fullmatch(name):
        raise Invalid("audio", f"unsupported suffix {suffix!r}")
    return name


def put_audio(db: Session, attempt: Attempt, audio: bytes, suffix: str) -> None:
    """Store (or replace) the attempt's audio and name it; the caller commits."""
    media_type = MEDIA_TYPES[suffix]
    row = db.get(Recording, attempt.id)
    if row is None:
        db.add(Recording(attempt_id=attempt.id, media_type=media_type, audio=audio))
    else:
        row.media_type, row.audio = media_type, audio
    attempt.recording_path = file_name(attempt.id, suffix)


def save_recording(db: Session, attempt: Attempt, audio: bytes, suffix: str,
                   duration_s: float | None) -> None:
    """The audio and the attempt's pointer to it land in one transaction."""
    put_audio(db, attempt, audio, suffix)
    attempt.recording_duration_s = duration_s
    db.commit()


def recording_audio(db: Session, attempt: Attempt) -> tuple[bytes, str]:
    """The attempt's recording and its media type; NotFound when it has none."""
    row = db.get(Recording, attempt.id) if attempt.recording_path else None
    if row is None:
        raise NotFound(f"attempt {attempt.id} has no recording")
    return row.audio, row.media_type


def audio_by_attempt(db: Session, attempt_ids: list[int]) -> dict[int, bytes]:
    """The stored audio of these attempts (those that have one)."""
    rows = db.execute(select(Recording.attempt_id, Recording.audio)
                      .where(Recording.attempt_id.in_(attempt_ids)))
    return {attempt_id: audio for attempt_id, audio in rows}


def delete_recording(db: Session, attempt: Attempt) -> None:
    row = db.get(Recording, attempt.id)
    if row is not None:
        db.delete(row)
    attempt.recording_path = None
    attempt.recording_duration_s = None
    db.commit()


def adopt_files(db: Session, recordings_dir: Path) -> int:
    """Move recordings that earlier versions wrote as files into the database; how many moved.

    A row whose file is gone keeps no dangling name. Files are removed only after the commit.
    """
    if not recordings_dir.is_dir():
        return 0
    pending = db.scalars(
        select(Attempt).outerjoin(Recording, Recording.attempt_id == Attempt.id)
        .where(Attempt.recording_path.is_not(None), Recording.attempt_id.is_(None))
    ).all()
    moved = []
    for attempt in pending:
        name = attempt.recording_path or ""
        path = recordings_dir / name
        if FILE_NAME.fullmatch(name) and path.is_file():
            put_audio(db, attempt, path.read_bytes(), path.suffix)
            moved.append(path)
        else:
            attempt.recording_path = attempt.recording_duration_s = None
    db.commit()
    for path in moved:
        path.unlink(missing_ok=True)
    for leftover in recordings_dir.glob(".attempt-*.part"):  # half-written uploads of old versions
        leftover.unlink(missing_ok=True)
    if moved:
        log.info("moved %d recordings from %s into the database", len(moved), recordings_dir)
    return len(moved)
