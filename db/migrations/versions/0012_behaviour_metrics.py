"""behaviour metrics: values, program settings, api tokens, snapshots

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_api_token_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_program_id'), ['program_id'], unique=False)

    op.create_table('metric_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_metric_snapshot_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric_snapshot')),
    sa.UniqueConstraint('program_id', 'kind', 'week', name=op.f('uq_metric_snapshot_program_id_kind_week'))
    )
    op.create_table('metric_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('metric', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('value', sa.Double(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['person.id'], name=op.f('fk_metric_value_confirmed_by_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_metric_value_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_metric_value_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric_value')),
    sa.UniqueConstraint('program_id', 'person_id', 'metric', 'period', 'source', name=op.f('uq_metric_value_program_id_person_id_metric_period_source'))
    )
    with op.batch_alter_table('metric_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metric_value_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_metric_value_program_id'), ['program_id'], unique=False)

    op.create_table('program_metric',
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('direction', sa.String(length=20), nullable=False),
    sa.Column('weekly', sa.String(length=30), nullable=False),
    sa.Column('owner', sa.String(length=40), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=False),
    sa.Column('target_kind', sa.String(length=10), nullable=False),
    sa.Column('target_value', sa.Double(), nullable=False),
    sa.Column('self_reported', sa.Boolean(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_program_metric_program_id_program')),
    sa.PrimaryKeyConstraint('program_id', 'key', name=op.f('pk_program_metric'))
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('program_metric')
    with op.batch_alter_table('metric_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_metric_value_program_id'))
        batch_op.drop_index(batch_op.f('ix_metric_value_person_id'))

    op.drop_table('metric_value')
    op.drop_table('metric_snapshot')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_program_id'))

    op.drop_table('api_token')
