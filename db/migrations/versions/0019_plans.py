"""plans: the program's behaviour contract and each rep's signed plan, in versions

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        'plan_contract',
        sa.Column('program_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('breakout_day', sa.SmallInteger(), nullable=False),
        sa.Column('breakout_time', sa.Time(), nullable=False),
        sa.Column('updated_at', db.base.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['program_id'], ['program.id'],
                                name=op.f('fk_plan_contract_program_id_program')),
        sa.PrimaryKeyConstraint('program_id', name=op.f('pk_plan_contract')),
    )
    op.create_table(
        'rep_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('program_id', sa.Integer(), nullable=False),
        sa.Column('rep_id', sa.Integer(), nullable=False),
        sa.Column('manager_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.SmallInteger(), nullable=False),
        sa.Column('revision', sa.SmallInteger(), nullable=False),
        sa.Column('goal', sa.String(length=120), nullable=False),
        sa.Column('obstacles', sa.JSON(), nullable=False),
        sa.Column('focus', sa.String(length=32), nullable=False),
        sa.Column('coaching_plan', sa.Text(), nullable=False),
        sa.Column('rep_signed_at', db.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column('manager_signed_at', db.base.UtcDateTime(timezone=True), nullable=True),
        sa.Column('revise_reason', sa.Text(), nullable=True),
        sa.Column('revise_asked_at', db.base.UtcDateTime(timezone=True), nullable=True),
        sa.Column('replaced_at', db.base.UtcDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['manager_id'], ['person.id'],
                                name=op.f('fk_rep_plan_manager_id_person')),
        sa.ForeignKeyConstraint(['program_id'], ['program.id'],
                                name=op.f('fk_rep_plan_program_id_program')),
        sa.ForeignKeyConstraint(['rep_id'], ['person.id'], name=op.f('fk_rep_plan_rep_id_person')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rep_plan')),
        sa.UniqueConstraint('program_id', 'rep_id', 'version',
                            name=op.f('uq_rep_plan_program_id_rep_id_version')),
    )
    op.create_index(op.f('ix_rep_plan_program_id'), 'rep_plan', ['program_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f('ix_rep_plan_program_id'), table_name='rep_plan')
    op.drop_table('rep_plan')
    op.drop_table('plan_contract')
