"""audit: weekly snapshots, and the program's targets and read-out day

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('audit_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('weekly', 'readout', name='auditkind', native_enum=False, length=16), nullable=False),
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('numbers', sa.JSON(), nullable=False),
    sa.Column('chart_file_id', sa.String(length=32), nullable=True),
    sa.Column('csv_file_id', sa.String(length=32), nullable=True),
    sa.Column('csv_permalink', sa.String(length=500), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_audit_snapshot_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_snapshot')),
    sa.UniqueConstraint('program_id', 'kind', 'week', name=op.f('uq_audit_snapshot_program_id_kind_week'))
    )
    with op.batch_alter_table('audit_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_snapshot_program_id'), ['program_id'], unique=False)

    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.add_column(sa.Column('one_on_one_target', sa.Double(), server_default='0.95', nullable=False))
        batch_op.add_column(sa.Column('baseline_completion', sa.Double(), server_default='0.6', nullable=False))
        batch_op.add_column(sa.Column('readout_day', sa.Integer(), server_default='32', nullable=False))



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_column('readout_day')
        batch_op.drop_column('baseline_completion')
        batch_op.drop_column('one_on_one_target')

    with op.batch_alter_table('audit_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_snapshot_program_id'))

    op.drop_table('audit_snapshot')
