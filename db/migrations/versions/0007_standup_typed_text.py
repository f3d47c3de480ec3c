"""standup typed text: what a rep typed into the DM, referenced by id from the button

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('standup_typed_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('typed_at', db.base.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_standup_typed_text_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standup_typed_text'))
    )
    with op.batch_alter_table('standup_typed_text', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standup_typed_text_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('standup_typed_text', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standup_typed_text_person_id'))

    op.drop_table('standup_typed_text')
