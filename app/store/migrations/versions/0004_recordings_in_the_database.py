"""recordings in the database (every instance serves them)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Files written by earlier versions under <data dir>/recordings are moved into this table when
the app starts (services.recordings.adopt_files), since a migration does not know the data dir.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.store.base

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('recording',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=32), nullable=False),
    sa.Column('audio', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', app.store.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(
        ['attempt_id'], ['attempt.id'],
        name=op.f('fk_recording_attempt_id_attempt'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('attempt_id', name=op.f('pk_recording')),
    )


def downgrade() -> None:
    op.drop_table('recording')
