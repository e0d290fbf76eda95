"""The engine: SQLite (the default, with its pragmas) or any SQLAlchemy URL, and sessions."""

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    is_sqlite = url.startswith("sqlite")
    engine = create_engine(
        url,
        # FastAPI runs sync routes in a thread pool: one connection may move between threads.
        connect_args={"check_same_thread": False, "timeout": 30} if is_sqlite else {},
        pool_pre_ping=not is_sqlite,  # a restarted database server costs one retry, not a 500
    )
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=FULL")  # a committed attempt survives a power cut or kill -9
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off unless asked
    cursor.execute("PRAGMA busy_timeout=30000")  # wait for a concurrent writer instead of failing
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
