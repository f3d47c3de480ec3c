"""outbox: deliveries, send pace, out of office, processed events

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('processed_event',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('received_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_processed_event'))
    )
    op.create_table('send_pace',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('next_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('paused_until', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_send_pace'))
    )
    op.create_table('delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('thread_key', sa.String(length=200), nullable=True),
    sa.Column('update_key', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('blocks', sa.JSON(), nullable=True),
    sa.Column('due_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('window_end', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('planned', 'claimed', 'sent', 'failed', 'expired', 'cancelled', name='deliverystatus', native_enum=False, length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('retry_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('uncertain', sa.Boolean(), nullable=False),
    sa.Column('claim_token', sa.String(length=40), nullable=True),
    sa.Column('lease_until', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('first_attempt_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('channel_id', sa.String(length=32), nullable=True),
    sa.Column('ts', sa.String(length=32), nullable=True),
    sa.Column('error', sa.String(length=200), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_delivery_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_delivery_program_id_program')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], name=op.f('fk_delivery_workspace_id_workspace')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delivery')),
    sa.UniqueConstraint('key', name=op.f('uq_delivery_key'))
    )
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delivery_claim_token'), ['claim_token'], unique=False)
        batch_op.create_index(batch_op.f('ix_delivery_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_delivery_program_id'), ['program_id'], unique=False)
        batch_op.create_index('ix_delivery_status_due_at', ['status', 'due_at'], unique=False)

    op.create_table('out_of_office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_out_of_office_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_out_of_office'))
    )
    with op.batch_alter_table('out_of_office', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_out_of_office_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('out_of_office', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_out_of_office_person_id'))

    op.drop_table('out_of_office')
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_delivery_status_due_at')
        batch_op.drop_index(batch_op.f('ix_delivery_program_id'))
        batch_op.drop_index(batch_op.f('ix_delivery_person_id'))
        batch_op.drop_index(batch_op.f('ix_delivery_claim_token'))

    op.drop_table('delivery')
    op.drop_table('send_pace')
    op.drop_table('processed_event')
