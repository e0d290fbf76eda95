"""Apply Alembic migrations at start-up, so a new or old database is always current."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from app.store.engine import make_engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url)
    return config


# Any fixed number: the PostgreSQL advisory lock every instance takes around its migrations.
MIGRATION_LOCK = 0x6D69616E6A696E67  # "mianjing"


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision; several instances starting at once on one
    PostgreSQL take turns (an advisory lock), so none trips over another's CREATE TYPE."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_database(url: str) -> Engine:
    """An engine on `url` whose schema is at the newest revision."""
    engine = make_engine(url)
    upgrade_to_head(engine)
    return engine
