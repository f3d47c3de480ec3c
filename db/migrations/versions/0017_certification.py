"""certification: certifications, their question pool, attempts, talk-track reviews, retakes

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('certification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=24), nullable=False),
    sa.Column('stage', sa.Enum('pre-event', 'post-event', 'spotcheck', name='certificationstage', native_enum=False, length=16), nullable=False),
    sa.Column('opens_day', sa.Integer(), nullable=False),
    sa.Column('due_day', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('pass_percent', sa.Integer(), nullable=False),
    sa.Column('draw', sa.Integer(), nullable=True),
    sa.Column('talk_track', sa.Text(), nullable=True),
    sa.Column('talk_track_minimum', sa.Double(), nullable=False),
    sa.Column('dimensions', sa.JSON(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_certification_created_by_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_certification_program_id_program')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['person.id'], name=op.f('fk_certification_reviewer_id_person')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], name=op.f('fk_certification_workspace_id_workspace')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification'))
    )
    with op.batch_alter_table('certification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_program_id'), ['program_id'], unique=False)

    op.create_table('certification_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('drawn', sa.JSON(), nullable=False),
    sa.Column('chosen', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('correct', sa.Integer(), nullable=True),
    sa.Column('recording_url', sa.String(length=500), nullable=True),
    sa.Column('status', sa.Enum('started', 'awaiting_review', 'passed', 'failed', name='attemptstatus', native_enum=False, length=16), nullable=False),
    sa.Column('started_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', db.base.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_certification_attempt_certification_id_certification')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_certification_attempt_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_certification_attempt_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_attempt'))
    )
    with op.batch_alter_table('certification_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_attempt_certification_id'), ['certification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certification_attempt_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certification_attempt_program_id'), ['program_id'], unique=False)

    op.create_table('certification_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('prompt', sa.Text(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('answer', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_certification_question_certification_id_certification')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_question'))
    )
    with op.batch_alter_table('certification_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_question_certification_id'), ['certification_id'], unique=False)

    op.create_table('certification_retake',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('created_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_certification_retake_certification_id_certification')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_certification_retake_person_id_person')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_certification_retake_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_retake'))
    )
    with op.batch_alter_table('certification_retake', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_retake_certification_id'), ['certification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certification_retake_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certification_retake_program_id'), ['program_id'], unique=False)

    op.create_table('certification_review',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('rep_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('feedback', sa.String(length=200), nullable=False),
    sa.Column('reviewed_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['certification_attempt.id'], name=op.f('fk_certification_review_attempt_id_certification_attempt')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_certification_review_program_id_program')),
    sa.ForeignKeyConstraint(['rep_id'], ['person.id'], name=op.f('fk_certification_review_rep_id_person')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['person.id'], name=op.f('fk_certification_review_reviewer_id_person')),
    sa.PrimaryKeyConstraint('attempt_id', name=op.f('pk_certification_review'))
    )
    with op.batch_alter_table('certification_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_review_program_id'), ['program_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certification_review_rep_id'), ['rep_id'], unique=False)



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('certification_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_review_rep_id'))
        batch_op.drop_index(batch_op.f('ix_certification_review_program_id'))

    op.drop_table('certification_review')
    with op.batch_alter_table('certification_retake', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_retake_program_id'))
        batch_op.drop_index(batch_op.f('ix_certification_retake_person_id'))
        batch_op.drop_index(batch_op.f('ix_certification_retake_certification_id'))

    op.drop_table('certification_retake')
    with op.batch_alter_table('certification_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_question_certification_id'))

    op.drop_table('certification_question')
    with op.batch_alter_table('certification_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_attempt_program_id'))
        batch_op.drop_index(batch_op.f('ix_certification_attempt_person_id'))
        batch_op.drop_index(batch_op.f('ix_certification_attempt_certification_id'))

    op.drop_table('certification_attempt')
    with op.batch_alter_table('certification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_program_id'))

    op.drop_table('certification')
