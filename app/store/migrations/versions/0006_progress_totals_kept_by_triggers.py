"""progress totals kept by triggers: attempts per day, outcomes per card, grades per stage

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

Triggers rather than application code: every way a row of `attempt` changes (a submission, a
self-grade, an import, a deletion, a cascade from a deleted user or session) keeps the totals
right. Existing attempts are counted in once, here. A later SQLite `batch_alter_table` that
recreates `attempt` drops its triggers: such a migration must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The rule of services/progress.py: judged = a code run with a verdict, or a self-graded answer;
# passed = the verdict passed (code with a verdict), else graded good or easy.
JUDGED = ("(CASE WHEN ({r}.kind = 'code' AND {r}.status IS NOT NULL) OR {r}.self_grade IS NOT NULL"
          " THEN 1 ELSE 0 END)")
PASSED = ("(CASE WHEN {r}.kind = 'code' AND {r}.status IS NOT NULL"
          " THEN (CASE WHEN {r}.status = 'passed' THEN 1 ELSE 0 END)"
          " WHEN {r}.self_grade IN ('good', 'easy') THEN 1 ELSE 0 END)")
# Columns whose change moves an attempt between totals (an UPDATE of only others fires nothing).
WATCHED = "user_id, question_id, stage, kind, status, self_grade, created_at"


def count_in(r: str) -> list[str]:
    return [
        f"INSERT INTO activity_day (user_id, day, attempts) VALUES ({r}.user_id, "
        f"date({r}.created_at), 1) ON CONFLICT (user_id, day) DO UPDATE SET "
        f"attempts = activity_day.attempts + 1",
        f"INSERT INTO card_outcome (user_id, question_id, judged, passed) VALUES ({r}.user_id, "
        f"{r}.question_id, {JUDGED.format(r=r)}, {PASSED.format(r=r)}) "
        f"ON CONFLICT (user_id, question_id) DO UPDATE SET "
        f"judged = card_outcome.judged + excluded.judged, "
        f"passed = card_outcome.passed + excluded.passed",
        f"INSERT INTO grade_count (user_id, stage, self_grade, attempts) SELECT {r}.user_id, "
        f"{r}.stage, {r}.self_grade, 1 WHERE {r}.self_grade IS NOT NULL "
        f"ON CONFLICT (user_id, stage, self_grade) DO UPDATE SET "
        f"attempts = grade_count.attempts + 1",
    ]


def count_out(r: str) -> list[str]:
    return [
        f"UPDATE activity_day SET attempts = attempts - 1 "
        f"WHERE user_id = {r}.user_id AND day = date({r}.created_at)",
        f"UPDATE card_outcome SET judged = judged - {JUDGED.format(r=r)}, "
        f"passed = passed - {PASSED.format(r=r)} "
        f"WHERE user_id = {r}.user_id AND question_id = {r}.question_id",
        f"UPDATE grade_count SET attempts = attempts - 1 WHERE user_id = {r}.user_id "
        f"AND stage = {r}.stage AND self_grade = {r}.self_grade",
    ]


BACKFILL = [
    "INSERT INTO activity_day (user_id, day, attempts) SELECT user_id, date(created_at), count(*) "
    "FROM attempt GROUP BY user_id, date(created_at)",
    f"INSERT INTO card_outcome (user_id, question_id, judged, passed) SELECT user_id, question_id, "
    f"sum({JUDGED.format(r='attempt')}), sum({PASSED.format(r='attempt')}) FROM attempt "
    f"GROUP BY user_id, question_id",
    "INSERT INTO grade_count (user_id, stage, self_grade, attempts) SELECT user_id, stage, "
    "self_grade, count(*) FROM attempt WHERE self_grade IS NOT NULL "
    "GROUP BY user_id, stage, self_grade",
]


def body(statements: list[str]) -> str:
    return "".join(f" {s};" for s in statements)


def sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER attempt_totals_insert AFTER INSERT ON attempt BEGIN"
        f"{body(count_in('NEW'))} END",
        f"CREATE TRIGGER attempt_totals_delete AFTER DELETE ON attempt BEGIN"
        f"{body(count_out('OLD'))} END",
        f"CREATE TRIGGER attempt_totals_update AFTER UPDATE OF {WATCHED} ON attempt BEGIN"
        f"{body(count_out('OLD') + count_in('NEW'))} END",
    ]


def postgresql_triggers() -> list[str]:
    return [
        "CREATE FUNCTION attempt_totals() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" IF TG_OP IN ('DELETE', 'UPDATE') THEN{body(count_out('OLD'))} END IF;"
        f" IF TG_OP IN ('INSERT', 'UPDATE') THEN{body(count_in('NEW'))} END IF;"
        " RETURN NULL; END $$",
        f"CREATE TRIGGER attempt_totals AFTER INSERT OR DELETE OR UPDATE OF {WATCHED} "
        "ON attempt FOR EACH ROW EXECUTE FUNCTION attempt_totals()",
    ]


def upgrade() -> None:
    op.create_table('activity_day',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                            name=op.f('fk_activity_day_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'day', name=op.f('pk_activity_day')),
    )
    op.create_table('card_outcome',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=80), nullable=False),
    sa.Column('judged', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                            name=op.f('fk_card_outcome_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'question_id', name=op.f('pk_card_outcome')),
    )
    op.create_table('grade_count',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('self_grade', sa.String(length=8), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                            name=op.f('fk_grade_count_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'stage', 'self_grade', name=op.f('pk_grade_count')),
    )
    dialect = op.get_bind().dialect.name
    for statement in BACKFILL + (postgresql_triggers() if dialect == "postgresql"
                                 else sqlite_triggers()):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER attempt_totals ON attempt")
        op.execute("DROP FUNCTION attempt_totals()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER attempt_totals_{name}")
    op.drop_table('grade_count')
    op.drop_table('card_outcome')
    op.drop_table('activity_day')
