"""survey questions: a survey's template, its questions, and one answer row per question

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'template', sa.Enum('enps', 'gap', 'custom', name='surveytemplate', native_enum=False,
                                length=16), server_default='enps', nullable=False))
    op.create_table('survey_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('prompt', sa.String(length=300), nullable=False),
    sa.Column('low_label', sa.String(length=40), nullable=True),
    sa.Column('high_label', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'],
                            name=op.f('fk_survey_question_survey_id_survey')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_question'))
    )
    with op.batch_alter_table('survey_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_question_survey_id'), ['survey_id'],
                              unique=False)
    op.create_table('survey_item_answer',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['question_id'], ['survey_question.id'],
                            name=op.f('fk_survey_item_answer_question_id_survey_question')),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'],
                            name=op.f('fk_survey_item_answer_survey_id_survey')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_survey_item_answer'))
    )
    with op.batch_alter_table('survey_item_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_item_answer_question_id'), ['question_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_survey_item_answer_survey_id'), ['survey_id'],
                              unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('survey_item_answer')
    op.drop_table('survey_question')
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_column('template')
