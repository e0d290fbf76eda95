"""Voice answers: one audio file per attempt, named by the server, never by a client."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.errors import Invalid, NotFound, TooLarge
from app.store.models import Attempt

AUDIO_TYPES = {
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/mp4": ".m4a",
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
}
MEDIA_TYPES = {suffix: media for media, suffix in AUDIO_TYPES.items()}
# The only file names this app ever writes; anything else in a row is refused before any file op.
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


def stored_path(recordings_dir: Path, name: str | None) -> Path | None:
    """The file a row points at, only if the name is one the server could have written."""
    if not name or not FILE_NAME.fullmatch(name):
        return None
    return recordings_dir / name


def save_recording(db: Session, attempt: Attempt, recordings_dir: Path, audio: bytes, suffix: str,
                   duration_s: float | None) -> None:
    """Write the file first, then point the row at it: a crash leaves no row without its file."""
    recordings_dir.mkdir(parents=True, exist_ok=True)
    name = file_name(attempt.id, suffix)
    temporary = recordings_dir / f".{name}.part"
    temporary.write_bytes(audio)
    temporary.replace(recordings_dir / name)
    old = stored_path(recordings_dir, attempt.recording_path)
    attempt.recording_path = name
    attempt.recording_duration_s = duration_s
    db.commit()
    if old is not None and old.name != name:
        old.unlink(missing_ok=True)


def recording_file(attempt: Attempt, recordings_dir: Path) -> tuple[Path, str]:
    """The attempt's recording file and its media type; NotFound when it has none."""
    path = stored_path(recordings_dir, attempt.recording_path)
    if path is None or not path.is_file():
        raise NotFound(f"attempt {attempt.id} has no recording")
    return path, MEDIA_TYPES.get(path.suffix, "application/octet-stream")


def delete_recording(db: Session, attempt: Attempt, recordings_dir: Path) -> None:
    path = stored_path(recordings_dir, attempt.recording_path)
    attempt.recording_path = None
    attempt.recording_duration_s = None
    db.commit()
    if path is not None:
        path.unlink(missing_ok=True)
