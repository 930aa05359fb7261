"""A version on persons, network members and family members: an edit page sends back the
version it showed, and a save over someone else's newer one is refused as a conflict.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

#: The tables whose rows get a version (SQLAlchemy's version counter, ``version_id_col``).
TABLES = ("persons", "network_members", "family_members")


def upgrade() -> None:
    """Every existing row starts at version 1."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
            batch.create_check_constraint("version", "version > 0")


def downgrade() -> None:
    """Drop the versions."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_version"), type_="check")
            batch.drop_column("version")
