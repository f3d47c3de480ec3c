"""work window: the program's working hours, the window every DM the bot starts waits for

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.add_column(sa.Column('work_start', sa.Time(), server_default='08:00:00',
                                      nullable=False))
        batch_op.add_column(sa.Column('work_end', sa.Time(), server_default='18:00:00',
                                      nullable=False))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_column('work_end')
        batch_op.drop_column('work_start')
