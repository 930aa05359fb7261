"""Page revisions and the name search's index.

A revision per case (raised by every change to what the case's pages show) and one for what
every page shows (staff and units), under which rendered parts of pages are kept
(service/page_cache.py); the cases' person index also holds the unit, so a search's access
check reads no case row.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """cases.revision, the page_revisions table and ix_cases_person_id_unit_id."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="0", nullable=False))
        batch_op.create_index("ix_cases_person_id_unit_id", ["person_id", "unit_id"], unique=False)
        batch_op.drop_index("ix_cases_person_id")
    op.create_table(
        "page_revisions",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_page_revisions")),
    )


def downgrade() -> None:
    """Back to 0017."""
    op.drop_table("page_revisions")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_person_id", ["person_id"], unique=False)
        batch_op.drop_index("ix_cases_person_id_unit_id")
        batch_op.drop_column("revision")
