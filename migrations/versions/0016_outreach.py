"""Outreach (streetwork) contacts without a registered person, and the person's optional sex
(for the yearly report's counts).

Revision ID: 0016
Revises: 0010
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0016"
down_revision = "0010"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
PLACE_KINDS = (
    "station",
    "allotments",
    "street",
    "park",
    "empty_building",
    "camp",
    "shop",
    "other",
)


def upgrade() -> None:
    """The outreach_contacts table; persons.sex."""
    op.create_table(
        "outreach_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("place_kind", sa.String(length=30), nullable=False),
        sa.Column("place", sa.LargeBinary(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("offered", JSON_TYPE, nullable=False),
        sa.Column("referrals", JSON_TYPE, nullable=False),
        sa.Column("referred", sa.Integer(), nullable=False),
        sa.Column("note", sa.LargeBinary(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "place_kind IN (" + ", ".join(f"'{k}'" for k in PLACE_KINDS) + ")",
            name=op.f("ck_outreach_contacts_place_kind"),
        ),
        sa.CheckConstraint(
            "people > 0 AND people <= 500", name=op.f("ck_outreach_contacts_people")
        ),
        sa.CheckConstraint(
            "referred >= 0 AND referred <= people", name=op.f("ck_outreach_contacts_referred")
        ),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR (duration_minutes >= 0 AND duration_minutes <= 1440)",
            name=op.f("ck_outreach_contacts_duration"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_outreach_contacts_unit_id_units")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_outreach_contacts_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_outreach_contacts_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_contacts")),
        sa.UniqueConstraint("uuid", name=op.f("uq_outreach_contacts_uuid")),
    )
    op.create_index(
        "ix_outreach_contacts_unit_occurred", "outreach_contacts", ["unit_id", "occurred_at"]
    )
    op.create_index(op.f("ix_outreach_contacts_case_id"), "outreach_contacts", ["case_id"])
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("sex", sa.String(length=10), nullable=True))
        batch.create_check_constraint("sex", "sex IS NULL OR sex IN ('female', 'male', 'other')")


def downgrade() -> None:
    """Drop them again (outreach contacts are lost)."""
    with op.batch_alter_table("persons") as batch:
        batch.drop_constraint(op.f("ck_persons_sex"), type_="check")
        batch.drop_column("sex")
    op.drop_index(op.f("ix_outreach_contacts_case_id"), table_name="outreach_contacts")
    op.drop_index("ix_outreach_contacts_unit_occurred", table_name="outreach_contacts")
    op.drop_table("outreach_contacts")
