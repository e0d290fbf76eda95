"""resume items, review cards and review log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.store.base

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('resume_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('key_numbers', sa.String(length=500), nullable=False),
    sa.Column('created_at', app.store.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(
        ['user_id'], ['user.id'],
        name=op.f('fk_resume_item_user_id_user'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume_item'))
    )
    with op.batch_alter_table('resume_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resume_item_user_id'), ['user_id'], unique=False)

    op.create_table('review_card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=80), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Double(), nullable=True),
    sa.Column('difficulty', sa.Double(), nullable=True),
    sa.Column('due', app.store.base.UTCDateTime(), nullable=False),
    sa.Column('last_review', app.store.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(
        ['user_id'], ['user.id'],
        name=op.f('fk_review_card_user_id_user'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_card')),
    sa.UniqueConstraint('user_id', 'question_id', name=op.f('uq_review_card_user_id'))
    )
    with op.batch_alter_table('review_card', schema=None) as batch_op:
        batch_op.create_index('ix_review_card_user_due', ['user_id', 'due'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_card_user_id'), ['user_id'], unique=False)

    op.create_table('review_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=80), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('suggested_rating', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', app.store.base.UTCDateTime(), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('state_before', sa.Integer(), nullable=False),
    sa.Column('state_after', sa.Integer(), nullable=False),
    sa.Column('due', app.store.base.UTCDateTime(), nullable=False),
    sa.Column('stability', sa.Double(), nullable=False),
    sa.Column('difficulty', sa.Double(), nullable=False),
    sa.Column('card_before', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(
        ['attempt_id'], ['attempt.id'],
        name=op.f('fk_review_log_attempt_id_attempt'), ondelete='SET NULL',
    ),
    sa.ForeignKeyConstraint(
        ['card_id'], ['review_card.id'],
        name=op.f('fk_review_log_card_id_review_card'), ondelete='CASCADE',
    ),
    sa.ForeignKeyConstraint(
        ['user_id'], ['user.id'],
        name=op.f('fk_review_log_user_id_user'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_log'))
    )
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_log_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_log_card_id'), ['card_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_log_user_id'), ['user_id'], unique=False)
        batch_op.create_index('ix_review_log_user_reviewed', ['user_id', 'reviewed_at'],
            unique=False)



def downgrade() -> None:
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.drop_index('ix_review_log_user_reviewed')
        batch_op.drop_index(batch_op.f('ix_review_log_user_id'))
        batch_op.drop_index(batch_op.f('ix_review_log_card_id'))
        batch_op.drop_index(batch_op.f('ix_review_log_attempt_id'))

    op.drop_table('review_log')
    with op.batch_alter_table('review_card', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_card_user_id'))
        batch_op.drop_index('ix_review_card_user_due')

    op.drop_table('review_card')
    with op.batch_alter_table('resume_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resume_item_user_id'))

    op.drop_table('resume_item')
