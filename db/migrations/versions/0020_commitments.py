"""commitments: the manager's commitment, added sessions, behaviour change and standup follow-through

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANGE = sa.Enum('yes', 'partly', 'no', name='change', native_enum=False, length=16)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        'manager_commitment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('program_id', sa.Integer(), nullable=False),
        sa.Column('manager_id', sa.Integer(), nullable=False),
        sa.Column('added_sessions', sa.String(length=500), nullable=False),
        sa.Column('metric_key', sa.String(length=40), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('committed_at', db.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', db.base.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['manager_id'], ['person.id']),
        sa.ForeignKeyConstraint(['program_id'], ['program.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('program_id', 'manager_id'),
    )
    with op.batch_alter_table('manager_commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_manager_commitment_program_id'), ['program_id'],
                              unique=False)
    with op.batch_alter_table('coaching_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('behaviour_changed', CHANGE, nullable=True))
        batch_op.add_column(sa.Column('committed', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('standup_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_day', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('follow_through', CHANGE, nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('standup_answer', schema=None) as batch_op:
        batch_op.drop_column('follow_through')
        batch_op.drop_column('follow_day')
    with op.batch_alter_table('coaching_item', schema=None) as batch_op:
        batch_op.drop_column('committed')
        batch_op.drop_column('behaviour_changed')
    with op.batch_alter_table('manager_commitment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_manager_commitment_program_id'))
    op.drop_table('manager_commitment')
