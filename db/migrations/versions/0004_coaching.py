"""coaching: cadence items with the rubric, and the program's due weekday

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('coaching_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=False),
    sa.Column('rep_id', sa.Integer(), nullable=False),
    sa.Column('cadence', sa.Enum('one_on_one', 'call_review', 'territory_review', name='cadencetype', native_enum=False), nullable=False),
    sa.Column('week', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'done', 'rescheduled', 'skipped', name='loggedstatus', native_enum=False, length=16), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('pipeline_reviewed', sa.Boolean(), nullable=True),
    sa.Column('call_link', sa.String(length=500), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('rescheduled_to', sa.Date(), nullable=True),
    sa.Column('skip_reason', sa.Text(), nullable=True),
    sa.Column('won_call_link', sa.String(length=500), nullable=True),
    sa.Column('lost_call_link', sa.String(length=500), nullable=True),
    sa.Column('score_discovery', sa.SmallInteger(), nullable=True),
    sa.Column('score_multi_threading', sa.SmallInteger(), nullable=True),
    sa.Column('score_objection_handling', sa.SmallInteger(), nullable=True),
    sa.Column('score_next_step', sa.SmallInteger(), nullable=True),
    sa.Column('score_value_articulation', sa.SmallInteger(), nullable=True),
    sa.Column('agreed_behaviour', sa.Text(), nullable=True),
    sa.Column('logged_by', sa.String(length=32), nullable=True),
    sa.Column('logged_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('confirmation', sa.Enum('confirmed', 'disputed', name='confirmation', native_enum=False, length=16), nullable=True),
    sa.Column('confirmation_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('score_discovery BETWEEN 1 AND 5', name=op.f('ck_coaching_item_score_discovery_1_to_5')),
    sa.CheckConstraint('score_multi_threading BETWEEN 1 AND 5', name=op.f('ck_coaching_item_score_multi_threading_1_to_5')),
    sa.CheckConstraint('score_next_step BETWEEN 1 AND 5', name=op.f('ck_coaching_item_score_next_step_1_to_5')),
    sa.CheckConstraint('score_objection_handling BETWEEN 1 AND 5', name=op.f('ck_coaching_item_score_objection_handling_1_to_5')),
    sa.CheckConstraint('score_value_articulation BETWEEN 1 AND 5', name=op.f('ck_coaching_item_score_value_articulation_1_to_5')),
    sa.ForeignKeyConstraint(['manager_id'], ['person.id'], name=op.f('fk_coaching_item_manager_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_coaching_item_program_id_program')),
    sa.ForeignKeyConstraint(['rep_id'], ['person.id'], name=op.f('fk_coaching_item_rep_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coaching_item')),
    sa.UniqueConstraint('program_id', 'manager_id', 'rep_id', 'cadence', 'week', name=op.f('uq_coaching_item_program_id_manager_id_rep_id_cadence_week'))
    )
    with op.batch_alter_table('coaching_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coaching_item_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coaching_item_program_id'), ['program_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coaching_item_rep_id'), ['rep_id'], unique=False)

    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coaching_due_weekday', sa.Integer(), server_default='4', nullable=False))



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_column('coaching_due_weekday')

    with op.batch_alter_table('coaching_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coaching_item_rep_id'))
        batch_op.drop_index(batch_op.f('ix_coaching_item_program_id'))
        batch_op.drop_index(batch_op.f('ix_coaching_item_manager_id'))

    op.drop_table('coaching_item')
