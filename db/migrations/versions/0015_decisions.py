"""decisions ledger: the read-out's decisions, their versions, and break-even inputs

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('break_even_input',
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('event_cost', sa.Double(), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('quota', sa.Double(), nullable=False),
    sa.Column('quota_period', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_break_even_input_program_id_program')),
    sa.PrimaryKeyConstraint('program_id', name=op.f('pk_break_even_input'))
    )
    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('intervention', sa.String(length=90), nullable=False),
    sa.Column('verdict', sa.String(length=8), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('confounds', sa.JSON(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_decision_owner_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_decision_program_id_program')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['person.id'], name=op.f('fk_decision_recorded_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision')),
    sa.UniqueConstraint('program_id', 'intervention', name=op.f('uq_decision_program_id_intervention'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_program_id'), ['program_id'], unique=False)

    op.create_table('decision_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('verdict', sa.String(length=8), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('confounds', sa.JSON(), nullable=False),
    sa.Column('saved_by_id', sa.Integer(), nullable=True),
    sa.Column('saved_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_decision_revision_decision_id_decision')),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_decision_revision_owner_id_person')),
    sa.ForeignKeyConstraint(['saved_by_id'], ['person.id'], name=op.f('fk_decision_revision_saved_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_revision')),
    sa.UniqueConstraint('decision_id', 'version', name=op.f('uq_decision_revision_decision_id_version'))
    )
    with op.batch_alter_table('decision_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_revision_decision_id'), ['decision_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('decision_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_revision_decision_id'))
    op.drop_table('decision_revision')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_program_id'))
    op.drop_table('decision')
    op.drop_table('break_even_input')
