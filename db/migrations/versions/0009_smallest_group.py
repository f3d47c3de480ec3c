"""smallest group: the program's minimum group size for figures shown to others

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.add_column(sa.Column('smallest_group', sa.Integer(), server_default='5',
                                      nullable=False))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_column('smallest_group')
