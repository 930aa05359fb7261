"""The family as the unit of work: the members of the person's family on a case.

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-02 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0012"
branch_labels = None
depends_on = None

FAMILY_ROLES = ("partner", "child", "parent", "sibling", "grandparent", "other")


def upgrade() -> None:
    """The family_members table."""
    op.create_table(
        "family_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.LargeBinary(), nullable=False),
        sa.Column("last_name", sa.LargeBinary(), nullable=False),
        sa.Column("identity_kind", sa.String(length=20), nullable=True),
        sa.Column("identity_number", sa.LargeBinary(), nullable=True),
        sa.Column("address", sa.LargeBinary(), nullable=False),
        sa.Column("family_role", sa.String(length=20), nullable=False),
        sa.Column("adult", sa.Boolean(), nullable=False),
        sa.Column("party", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "family_role IN (" + ", ".join(f"'{k}'" for k in FAMILY_ROLES) + ")",
            name=op.f("ck_family_members_family_role"),
        ),
        sa.CheckConstraint(
            "identity_kind IS NULL OR identity_kind IN "
            "('personnummer', 'samordningsnummer', 'pesel')",
            name=op.f("ck_family_members_identity_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_family_members_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_family_members_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_members")),
        sa.UniqueConstraint("uuid", name=op.f("uq_family_members_uuid")),
    )
    op.create_index(op.f("ix_family_members_case_id"), "family_members", ["case_id"], unique=False)


def downgrade() -> None:
    """Drop the family members."""
    op.drop_index(op.f("ix_family_members_case_id"), table_name="family_members")
    op.drop_table("family_members")
