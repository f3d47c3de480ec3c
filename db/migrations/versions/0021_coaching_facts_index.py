"""coaching facts index: the read-out groups a program's items without a sort

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0021'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FACTS = ['program_id', 'committed', 'status', 'week', 'cadence', 'confirmation', 'due_date',
         'rescheduled_to', 'rep_id', 'manager_id']


def upgrade() -> None:
    """Apply this revision."""
    op.create_index('ix_coaching_item_facts', 'coaching_item', FACTS, unique=False)
    # the new index begins with the program: it serves every lookup the old one did
    op.drop_index('ix_coaching_item_program_id', table_name='coaching_item')


def downgrade() -> None:
    """Revert this revision."""
    op.create_index('ix_coaching_item_program_id', 'coaching_item', ['program_id'], unique=False)
    op.drop_index('ix_coaching_item_facts', table_name='coaching_item')
