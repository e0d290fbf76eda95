"""Your data in your hands: export everything as JSON, import it losslessly, delete it all.

The export is canonical (sorted keys, rows by id, ids kept, UTC ISO datetimes), so
export -> import into a fresh instance -> export gives the same bytes. An instance shared by
many accounts renumbers imported rows instead (import_data's keep_ids).
"""

from __future__ import annotations

import base64
import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.services.errors import Conflict, Invalid
from app.services.recordings import MEDIA_TYPES, audio_by_attempt, put_audio
from app.store.base import Base, UTCDateTime
from app.store.models import (
    Attempt,
    PracticeSession,
    Recording,
    ResumeItem,
    ReviewCard,
    ReviewLog,
    User,
)

FORMAT = "mianjing-export"
VERSION = 1
# Parents before children: the order rows are inserted in (and deleted in reverse).
TABLES: tuple[type[Base], ...] = (PracticeSession, Attempt, ResumeItem, ReviewCard, ReviewLog)
CSV_COLUMNS = ("card_id", "review_time", "review_rating", "review_state", "review_duration")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_ROWS = 200_000  # a year of daily practice is a few thousand rows; more is not a real export


class NotEmpty(Conflict):
    """Importing into an instance that already holds this user's data."""


class BadExport(Invalid):
    """The file is not a mianjing export this version can read."""

    def __init__(self, message: str) -> None:
        super().__init__("document", message)


def _columns(model: type[Base]) -> list[Any]:
    return [c for c in model.__table__.columns if c.name != "user_id"]


def _dump_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value


def _load_value(column: Any, value: Any) -> Any:
    if value is not None and isinstance(column.type, UTCDateTime):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise BadExport(f"{column.table.name}.{column.name}: datetime without a time zone")
        return parsed
    return value


def _rows(db: Session, model: type[Base], user: User) -> list[Any]:
    query = select(model).where(model.user_id == user.id).order_by(model.id)  # type: ignore[attr-defined]
    return list(db.scalars(query))


def export_data(db: Session, user: User) -> dict[str, Any]:
    """Every row this user owns, and the recordings the attempts point at."""
    tables = {
        model.__tablename__: [
            {c.name: _dump_value(getattr(row, c.key)) for c in _columns(model)}
            for row in _rows(db, model, user)
        ]
        for model in TABLES
    }
    named = {row["id"]: row["recording_path"] for row in tables[Attempt.__tablename__]
             if row.get("recording_path")}
    recordings = {named[attempt_id]: base64.b64encode(audio).decode()
                  for attempt_id, audio in audio_by_attempt(db, list(named)).items()}
    return {
        "format": FORMAT,
        "version": VERSION,
        "user": {"name": user.name, "created_at": _dump_value(user.created_at)},
        "tables": tables,
        "recordings": recordings,
    }


def dumps(document: dict[str, Any]) -> str:
    """The canonical text of an export: what makes round trips byte-equal."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def has_data(db: Session, user: User) -> bool:
    return any(_rows(db, model, user) for model in TABLES)


def import_data(db: Session, user: User, document: Any, *,
                replace: bool = False, keep_ids: bool = True,
                max_recording_bytes: int = 20 << 20) -> dict[str, int]:
    """Insert an export's rows for `user`; counts per table.

    `keep_ids` keeps the file's row ids (a laptop's lossless round trip). Without it (an
    instance shared by many accounts) rows get fresh ids, references between them are
    rewritten, and recordings are renamed after their new attempt, so nothing in the file can
    collide with, point at or overwrite another user's rows or recordings.

    Raises:
        NotEmpty: this user has data and `replace` is false.
        BadExport: not a mianjing export of this version, or a row does not fit.
    """
    tables, recordings = _check_document(document, max_recording_bytes)
    _check_references(tables)
    if has_data(db, user):
        if not replace:
            raise NotEmpty("this instance already holds data: import with replace=true")
        delete_data(db, user)
    counts = {}
    new_ids: dict[str, dict[Any, int]] = {}  # table -> file id -> inserted id (keep_ids=False)
    try:
        for model in TABLES:
            table = model.__tablename__
            columns = {c.name: c for c in _columns(model)}
            rows = tables.get(table, [])
            inserted: list[tuple[dict[str, Any], Any]] = []
            for raw in rows:
                unknown = set(raw) - set(columns)
                if unknown:
                    raise BadExport(f"{table}: unknown columns {sorted(unknown)}")
                values = {columns[k].key: _load_value(columns[k], v) for k, v in raw.items()}
                if not keep_ids:
                    values.pop("id", None)
                    for column, target in REFERENCES.get(table, {}).items():
                        if values.get(column) is not None:
                            values[column] = new_ids[target][values[column]]
                row = model(user_id=user.id, **values)
                db.add(row)
                inserted.append((raw, row))
            db.flush()
            new_ids[table] = {raw.get("id"): row.id for raw, row in inserted}
            if model is Attempt:  # in every mode: a file names content, never a path
                for _, attempt in inserted:
                    _store_recording(db, attempt, recordings)
            counts[table] = len(rows)
        created = document["user"].get("created_at")
        if created and keep_ids:  # a shared instance keeps the account's own sign-up date
            user.created_at = datetime.fromisoformat(created)
        db.commit()
    except BadExport:
        db.rollback()
        raise
    except Exception as exc:  # a row breaking a constraint: the file is wrong, not the server
        db.rollback()
        reason = f"rows do not fit: {exc.__class__.__name__}: {exc}".splitlines()[0]
        raise BadExport(reason) from exc
    if keep_ids:  # only rows inserted with the file's ids leave the sequences behind
        _reset_id_sequences(db)
    return counts


# Columns that point at another exported row, and the table they point into.
REFERENCES: dict[str, dict[str, str]] = {
    Attempt.__tablename__: {"session_id": PracticeSession.__tablename__},
    ReviewLog.__tablename__: {"card_id": ReviewCard.__tablename__,
                              "attempt_id": Attempt.__tablename__},
}


def _check_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Ids are unique per table and every reference names a row of the same file."""
    for table, rows in tables.items():
        ids = [row["id"] for row in rows if row.get("id") is not None]
        if len(ids) != len(set(ids)):
            raise BadExport(f"{table}: an id appears twice")
    for table, references in REFERENCES.items():
        for column, target in references.items():
            known = {row.get("id") for row in tables.get(target, [])}
            for row in tables.get(table, []):
                value = row.get(column)
                if value is not None and value not in known:
                    raise BadExport(f"{table}.{column}: {value!r} is not a {target} of this file")


def _store_recording(db: Session, attempt: Attempt, recordings: dict[str, bytes]) -> None:
    """Store the attempt's recording under a name the server derives from its id; a name the
    file has no recording for is dropped (it could only point at another user's recording)."""
    name = attempt.recording_path
    if not name or name not in recordings:
        attempt.recording_path = None
        attempt.recording_duration_s = None
        return
    suffix = Path(name).suffix
    if suffix not in MEDIA_TYPES:
        raise BadExport(f"recordings: {name!r} is not a recording this app writes")
    put_audio(db, attempt, recordings[name], suffix)  # renames it after the attempt's id


def _reset_id_sequences(db: Session) -> None:
    """PostgreSQL: rows inserted with the file's ids leave each id sequence behind; move it past
    the largest id so the next insert does not collide (SQLite needs nothing)."""
    if db.get_bind().dialect.name != "postgresql":
        return
    for model in TABLES:
        table = model.__tablename__
        db.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))
    db.commit()


def _check_document(document: Any, max_recording_bytes: int,
                    ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadExport(f"not a {FORMAT} file")
    if document.get("version") != VERSION:
        raise BadExport(f"version {document.get('version')!r}: this server reads version {VERSION}")
    tables = document.get("tables")
    if not isinstance(tables, dict) or not isinstance(document.get("user"), dict):
        raise BadExport("tables and user are required")
    known = {model.__tablename__ for model in TABLES}
    if set(tables) - known:
        raise BadExport(f"unknown tables {sorted(set(tables) - known)}")
    if not all(isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
               for rows in tables.values()):
        raise BadExport("each table is a list of objects")
    rows = sum(len(rows) for rows in tables.values())
    if rows > MAX_ROWS:
        raise BadExport(f"{rows} rows is over the {MAX_ROWS} this server imports at once")
    recordings = document.get("recordings") or {}
    if not isinstance(recordings, dict):
        raise BadExport("recordings is an object of file name -> base64")
    decoded = {}
    for name, encoded in recordings.items():
        if not isinstance(name, str) or Path(name).name != name or name.startswith("."):
            raise BadExport(f"recordings: {name!r} is not a plain file name")
        # bounded before decoding; decoded before any row is written, so a bad one loses nothing
        if not isinstance(encoded, str) or len(encoded) > (max_recording_bytes * 4) // 3 + 4:
            raise BadExport(f"recordings: {name!r} is not base64 of at most "
                            f"{max_recording_bytes} bytes")
        try:
            decoded[name] = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise BadExport(f"recordings: {name!r} is not valid base64") from None
    return tables, decoded


def delete_data(db: Session, user: User) -> dict[str, int]:
    """Delete every row this user owns and their recordings; the user account stays."""
    owned = select(Attempt.id).where(Attempt.user_id == user.id)
    db.execute(delete(Recording).where(Recording.attempt_id.in_(owned)))
    counts = {}
    for model in reversed(TABLES):
        result = db.execute(delete(model).where(model.user_id == user.id))  # type: ignore[attr-defined]
        counts[model.__tablename__] = result.rowcount  # type: ignore[attr-defined]
    db.commit()
    return counts


def review_log_csv(db: Session, user: User) -> str:
    """The review log in fsrs-optimizer's revlog columns (review_time in ms since the epoch)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    query = (select(ReviewLog).where(ReviewLog.user_id == user.id)
             .order_by(ReviewLog.reviewed_at, ReviewLog.id))
    for log in db.scalars(query):
        writer.writerow([
            log.card_id,
            (log.reviewed_at - EPOCH) // timedelta(milliseconds=1),
            log.rating,
            log.state_before,
            "" if log.duration_ms is None else log.duration_ms,
        ])
    return out.getvalue()
