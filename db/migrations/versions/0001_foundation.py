"""foundation: workspace, person, program, membership

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('workspace',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sending_stopped', sa.String(length=200), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workspace')),
    sa.UniqueConstraint('team_id', name=op.f('uq_workspace_team_id'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('slack_user_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('dm_channel_id', sa.String(length=32), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], name=op.f('fk_person_workspace_id_workspace')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('workspace_id', 'slack_user_id', name=op.f('uq_person_workspace_id_slack_user_id'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_email'), ['email'], unique=False)

    op.create_table('program',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kickoff_date', sa.Date(), nullable=False),
    sa.Column('event_days', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('standup_channel', sa.String(length=32), nullable=False),
    sa.Column('audit_channel', sa.String(length=32), nullable=False),
    sa.Column('working_days', sa.JSON(), nullable=False),
    sa.Column('holidays', sa.JSON(), nullable=False),
    sa.Column('standup_time', sa.Time(), nullable=False),
    sa.Column('reminder_time', sa.Time(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'active', 'paused', 'ended', name='programstatus', native_enum=False, length=16), nullable=False),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], name=op.f('fk_program_workspace_id_workspace')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program')),
    sa.UniqueConstraint('workspace_id', 'name', name=op.f('uq_program_workspace_id_name'))
    )
    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('team', sa.String(length=80), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['manager_id'], ['person.id'], name=op.f('fk_membership_manager_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_membership_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_membership_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('program_id', 'person_id', name=op.f('uq_membership_program_id_person_id'))
    )
    op.create_table('membership_role',
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('rep', 'manager', 'enablement', 'leader', 'admin', name='role', native_enum=False, length=16), nullable=False),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_membership_role_membership_id_membership')),
    sa.PrimaryKeyConstraint('membership_id', 'role', name=op.f('pk_membership_role'))
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('membership_role')
    op.drop_table('membership')
    op.drop_table('program')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_email'))

    op.drop_table('person')
    op.drop_table('workspace')
