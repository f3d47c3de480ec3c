"""standups: answers, and the program's number of standup days

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('standup_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('day_number', sa.Integer(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('activity', sa.Text(), nullable=True),
    sa.Column('win', sa.Text(), nullable=True),
    sa.Column('blocker', sa.Text(), nullable=True),
    sa.Column('out_today', sa.Boolean(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('answered_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('blocker_key', sa.String(length=200), nullable=True),
    sa.Column('blocker_resolved_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('blocker_resolved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['blocker_resolved_by_id'], ['person.id'], name=op.f('fk_standup_answer_blocker_resolved_by_id_person')),
    sa.ForeignKeyConstraint(['manager_id'], ['person.id'], name=op.f('fk_standup_answer_manager_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_standup_answer_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_standup_answer_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standup_answer')),
    sa.UniqueConstraint('program_id', 'person_id', 'day_number', name=op.f('uq_standup_answer_program_id_person_id_day_number'))
    )
    with op.batch_alter_table('standup_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standup_answer_program_id'), ['program_id'], unique=False)

    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.add_column(sa.Column('standup_days', sa.Integer(), server_default='5', nullable=False))



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_column('standup_days')

    with op.batch_alter_table('standup_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standup_answer_program_id'))

    op.drop_table('standup_answer')
