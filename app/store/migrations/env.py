"""Alembic environment: run by app.store.migrate with a connection already open."""

from alembic import context

from app.store import models  # noqa: F401  (registers the tables on Base.metadata)
from app.store.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` CLI use: build an engine from the configured URL
    from app.store.engine import make_engine

    connection = make_engine(config.get_main_option("sqlalchemy.url") or "").connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
