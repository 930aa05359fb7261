"""Contact journal: every contact with the person between the meetings, one row per version;
the network (persons and bodies) around each case; and the private calendar links of staff.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
KINDS = (
    "sms",
    "phone",
    "home_visit",
    "video",
    "centre_visit",
    "accompanying",
    "office",
    "outreach",
)
NETWORK_KINDS = (
    "relative",
    "habilitation",
    "health_care",
    "probation_officer",
    "school",
    "court",
    "ngo",
    "landlord",
    "social_services",
    "labour_office",
    "other",
)


def upgrade() -> None:
    """The contact_entries table."""
    op.create_table(
        "contact_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("entry_no", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("took_place", sa.Boolean(), nullable=False),
        sa.Column("participants", JSON_TYPE, nullable=False),
        sa.Column("sub_goals", JSON_TYPE, nullable=False),
        sa.Column("note", sa.LargeBinary(), nullable=False),
        sa.Column("change_reason", sa.LargeBinary(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("version > 0", name=op.f("ck_contact_entries_version")),
        sa.CheckConstraint("entry_no > 0", name=op.f("ck_contact_entries_entry_no")),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")",
            name=op.f("ck_contact_entries_kind"),
        ),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR (duration_minutes >= 0 AND duration_minutes <= 1440)",
            name=op.f("ck_contact_entries_duration"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_contact_entries_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_contact_entries_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_entries")),
        sa.UniqueConstraint(
            "case_id", "entry_no", "version", name="uq_contact_entries_case_entry_version"
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_contact_entries_uuid")),
    )
    op.create_index(
        op.f("ix_contact_entries_case_id"), "contact_entries", ["case_id"], unique=False
    )
    op.create_table(
        "network_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.LargeBinary(), nullable=False),
        sa.Column("role", sa.LargeBinary(), nullable=False),
        sa.Column("contact_details", sa.LargeBinary(), nullable=False),
        sa.Column("may_contact", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in NETWORK_KINDS) + ")",
            name=op.f("ck_network_members_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_network_members_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_network_members_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_members")),
        sa.UniqueConstraint("uuid", name=op.f("uq_network_members_uuid")),
    )
    op.create_index(
        op.f("ix_network_members_case_id"), "network_members", ["case_id"], unique=False
    )
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_calendar_feeds_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feeds_token_hash")),
        sa.UniqueConstraint("user_id", name=op.f("uq_calendar_feeds_user_id")),
    )


def downgrade() -> None:
    """Drop the journal and the calendar links."""
    op.drop_table("calendar_feeds")
    op.drop_index(op.f("ix_network_members_case_id"), table_name="network_members")
    op.drop_table("network_members")
    op.drop_index(op.f("ix_contact_entries_case_id"), table_name="contact_entries")
    op.drop_table("contact_entries")
