"""send bucket: a workspace's shared token bucket (tokens, updated_at, rate) on its pace row

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('send_pace', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tokens', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', db.base.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('rate', sa.Double(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('send_pace', schema=None) as batch_op:
        batch_op.drop_column('rate')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('tokens')
