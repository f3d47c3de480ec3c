"""eNPS items: the eNPS template stored like every survey, its questions in survey_question and
its answers one row per answer per question in survey_item_answer; survey_answer dropped

Each eNPS survey gains its four questions (its 0-10 question as typed, then the three fixed
texts). Each stored answer becomes up to four rows, each with a fresh random key (an old key, or
anything derived from it, would pair them again), all rows shuffled together before they are
written in this one transaction, so neither physical order, key nor transaction id groups one
person's answers. Dropping survey_answer removes its file with every row version in it.

Held answers need no change: an eNPS answer was sealed as its score then its three texts, the
layout every survey's answers are sealed in now. Answers held for a gap or custom survey were
sealed in another layout (0013's) and cannot be rewritten here, since the key is not in the
database: the upgrade stops and asks to close those surveys first.

Revision ID: 0018
Revises: 0017
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The eNPS template's free texts (bot/domain/surveys/content.py QUESTIONS), as of this revision.
ENPS_TEXTS = (("changed", "What changed since the kickoff?"),
              ("broken", "What is still broken?"),
              ("kill", "One thing we should kill?"))
HELD_ELSEWHERE = (
    "{count} answer(s) are held for open gap or custom surveys, sealed in a layout this version "
    "no longer reads. Close those surveys (`kickoff-bot survey close ID`) with the previous "
    "version, then upgrade.")

survey = sa.table('survey', sa.column('id', sa.Integer), sa.column('question', sa.String),
                  sa.column('template', sa.String))
question = sa.table('survey_question', sa.column('id', sa.Integer),
                    sa.column('survey_id', sa.Integer), sa.column('position', sa.Integer),
                    sa.column('kind', sa.String), sa.column('prompt', sa.String))
pending = sa.table('survey_pending_answer', sa.column('survey_id', sa.Integer))
answer = sa.table('survey_answer', sa.column('survey_id', sa.Integer),
                  sa.column('score', sa.Integer), *(sa.column(f, sa.Text) for f, _ in ENPS_TEXTS))
item = sa.table('survey_item_answer', sa.column('key', sa.String),
                sa.column('survey_id', sa.Integer), sa.column('question_id', sa.Integer),
                sa.column('score', sa.Integer), sa.column('text', sa.Text))


def upgrade() -> None:
    """Apply this revision."""
    connection = op.get_bind()
    held = connection.scalar(sa.select(sa.func.count()).select_from(pending).join(
        survey, survey.c.id == pending.c.survey_id).where(survey.c.template != 'enps'))
    if held:
        raise RuntimeError(HELD_ELSEWHERE.format(count=held))
    rows = []
    for survey_id, prompt in connection.execute(
            sa.select(survey.c.id, survey.c.question).where(survey.c.template == 'enps')):
        ids = [_add_question(connection, survey_id, position, kind, text) for position, kind, text
               in ((0, '0-10', prompt), *((n, 'text', t) for n, (_, t) in enumerate(ENPS_TEXTS,
                                                                                 start=1)))]
        for values in connection.execute(sa.select(
                answer.c.score, *(answer.c[f] for f, _ in ENPS_TEXTS)).where(
                answer.c.survey_id == survey_id)):
            rows += [{'key': secrets.token_hex(16), 'survey_id': survey_id, 'question_id': qid,
                      'score': value if position == 0 else None,
                      'text': value if position > 0 else None}
                     for position, (qid, value) in enumerate(zip(ids, values, strict=True))
                     if value is not None]
    secrets.SystemRandom().shuffle(rows)
    if rows:
        connection.execute(sa.insert(item), rows)
    op.drop_table('survey_answer')


def _add_question(connection: sa.Connection, survey_id: int, position: int, kind: str,
                  prompt: str) -> int:
    return int(connection.execute(sa.insert(question).values(
        survey_id=survey_id, position=position, kind=kind, prompt=prompt,
    ).returning(question.c.id)).scalar_one())


def downgrade() -> None:
    """Revert this revision: only while no eNPS survey holds answers, which can no longer be put
    back together per person (by design)."""
    connection = op.get_bind()
    enps = sa.select(survey.c.id).where(survey.c.template == 'enps')
    if connection.scalar(sa.select(sa.func.count()).select_from(item).where(
            item.c.survey_id.in_(enps))):
        raise RuntimeError("eNPS answers are stored one row per question and cannot be joined "
                           "back into one row per person: no downgrade below 0018.")
    connection.execute(sa.delete(question).where(question.c.survey_id.in_(enps)))
    op.create_table('survey_answer',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Text(), nullable=True),
    sa.Column('broken', sa.Text(), nullable=True),
    sa.Column('kill', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'],
                            name=op.f('fk_survey_answer_survey_id_survey')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_survey_answer'))
    )
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_answer_survey_id'), ['survey_id'],
                              unique=False)
