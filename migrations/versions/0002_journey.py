"""Journey: drafts of steps, repeatable steps (instance), snapshots of method files.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 11:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("instance", sa.Integer(), nullable=False, server_default="1"))
        batch.drop_constraint("uq_submissions_case_step_version", type_="unique")
        batch.create_unique_constraint(
            "uq_submissions_case_step_instance_version", ["case_id", "step", "instance", "version"]
        )
    op.create_table(
        "step_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=50), nullable=False),
        sa.Column("instance", sa.Integer(), nullable=False),
        sa.Column("formdata", JSON_TYPE, nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("revision > 0", name=op.f("ck_step_drafts_revision")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_step_drafts_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_step_drafts_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_drafts")),
        sa.UniqueConstraint(
            "case_id", "step", "instance", name="uq_step_drafts_case_step_instance"
        ),
    )
    op.create_index(op.f("ix_step_drafts_case_id"), "step_drafts", ["case_id"], unique=False)
    op.create_table(
        "method_snapshots",
        sa.Column("method", sa.String(length=50), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("method", "version", name=op.f("pk_method_snapshots")),
    )


def downgrade() -> None:
    op.drop_table("method_snapshots")
    op.drop_index(op.f("ix_step_drafts_case_id"), table_name="step_drafts")
    op.drop_table("step_drafts")
    with op.batch_alter_table("submissions") as batch:
        batch.drop_constraint("uq_submissions_case_step_instance_version", type_="unique")
        batch.create_unique_constraint(
            "uq_submissions_case_step_version", ["case_id", "step", "version"]
        )
        batch.drop_column("instance")
