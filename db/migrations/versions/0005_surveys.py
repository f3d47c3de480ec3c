"""surveys: anonymous answers, sealed pending answers, participation

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('survey',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=80), nullable=False),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('audience', sa.Enum('reps', 'managers', 'all', name='surveyaudience', native_enum=False, length=16), nullable=False),
    sa.Column('opens_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('closes_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('results_channel', sa.String(length=32), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('reminder_audience', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('closed_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('audience_size', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Enum('published', 'below_minimum', name='surveyoutcome', native_enum=False, length=16), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_survey_created_by_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_survey_program_id_program')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], name=op.f('fk_survey_workspace_id_workspace')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey'))
    )
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_program_id'), ['program_id'], unique=False)

    op.create_table('survey_answer',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Text(), nullable=True),
    sa.Column('broken', sa.Text(), nullable=True),
    sa.Column('kill', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_answer_survey_id_survey')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_survey_answer'))
    )
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_answer_survey_id'), ['survey_id'], unique=False)

    op.create_table('survey_participation',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_survey_participation_person_id_person')),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_participation_survey_id_survey')),
    sa.PrimaryKeyConstraint('survey_id', 'person_id', name=op.f('pk_survey_participation'))
    )
    op.create_table('survey_pending_answer',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_pending_answer_survey_id_survey')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_survey_pending_answer'))
    )
    with op.batch_alter_table('survey_pending_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_pending_answer_survey_id'), ['survey_id'], unique=False)



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('survey_pending_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_pending_answer_survey_id'))

    op.drop_table('survey_pending_answer')
    op.drop_table('survey_participation')
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_answer_survey_id'))

    op.drop_table('survey_answer')
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_program_id'))

    op.drop_table('survey')
