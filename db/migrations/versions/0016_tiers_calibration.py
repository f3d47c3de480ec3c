"""tiers and calibration: rep_tier (hidden tiers, apart from the roster), calibration and
calibration_score (managers' private scores of one recorded call)

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('calibration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('call_link', sa.String(length=500), nullable=False),
    sa.Column('closes_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_calibration_program_id_program')),
    sa.ForeignKeyConstraint(['started_by_id'], ['person.id'], name=op.f('fk_calibration_started_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calibration'))
    )
    with op.batch_alter_table('calibration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calibration_program_id'), ['program_id'], unique=False)

    op.create_table('rep_tier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.Enum('top', 'middle', 'bottom', name='tier', native_enum=False, length=16), nullable=False),
    sa.Column('attainment', sa.Double(), nullable=True),
    sa.Column('imported_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_rep_tier_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_rep_tier_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rep_tier')),
    sa.UniqueConstraint('program_id', 'person_id', name=op.f('uq_rep_tier_program_id_person_id'))
    )
    with op.batch_alter_table('rep_tier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rep_tier_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rep_tier_program_id'), ['program_id'], unique=False)

    op.create_table('calibration_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('calibration_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=False),
    sa.Column('score_discovery', sa.SmallInteger(), nullable=False),
    sa.Column('score_multi_threading', sa.SmallInteger(), nullable=False),
    sa.Column('score_objection_handling', sa.SmallInteger(), nullable=False),
    sa.Column('score_next_step', sa.SmallInteger(), nullable=False),
    sa.Column('score_value_articulation', sa.SmallInteger(), nullable=False),
    sa.Column('scored_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('score_discovery BETWEEN 1 AND 5', name=op.f('ck_calibration_score_calibration_discovery_1_to_5')),
    sa.CheckConstraint('score_multi_threading BETWEEN 1 AND 5', name=op.f('ck_calibration_score_calibration_multi_threading_1_to_5')),
    sa.CheckConstraint('score_next_step BETWEEN 1 AND 5', name=op.f('ck_calibration_score_calibration_next_step_1_to_5')),
    sa.CheckConstraint('score_objection_handling BETWEEN 1 AND 5', name=op.f('ck_calibration_score_calibration_objection_handling_1_to_5')),
    sa.CheckConstraint('score_value_articulation BETWEEN 1 AND 5', name=op.f('ck_calibration_score_calibration_value_articulation_1_to_5')),
    sa.ForeignKeyConstraint(['calibration_id'], ['calibration.id'], name=op.f('fk_calibration_score_calibration_id_calibration')),
    sa.ForeignKeyConstraint(['manager_id'], ['person.id'], name=op.f('fk_calibration_score_manager_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_calibration_score_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calibration_score')),
    sa.UniqueConstraint('calibration_id', 'manager_id', name=op.f('uq_calibration_score_calibration_id_manager_id'))
    )
    with op.batch_alter_table('calibration_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calibration_score_calibration_id'), ['calibration_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calibration_score_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calibration_score_program_id'), ['program_id'], unique=False)



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('calibration_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calibration_score_program_id'))
        batch_op.drop_index(batch_op.f('ix_calibration_score_manager_id'))
        batch_op.drop_index(batch_op.f('ix_calibration_score_calibration_id'))

    op.drop_table('calibration_score')
    with op.batch_alter_table('rep_tier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rep_tier_program_id'))
        batch_op.drop_index(batch_op.f('ix_rep_tier_person_id'))

    op.drop_table('rep_tier')
    with op.batch_alter_table('calibration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calibration_program_id'))

    op.drop_table('calibration')
