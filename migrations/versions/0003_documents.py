"""Documents: context hash, signatures (scan or drawn), filing.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-22 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("context_sha256", sa.String(length=64), nullable=True))

    op.create_table(
        "document_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("mimetype", sa.String(length=40), nullable=False),
        sa.Column("signed_sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_document_id", sa.Integer(), nullable=True),
        sa.Column("signed_by_id", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('scan', 'drawn')", name=op.f("ck_document_signatures_kind")),
        sa.CheckConstraint(
            "mimetype IN ('application/pdf', 'image/jpeg', 'image/png')",
            name=op.f("ck_document_signatures_mimetype"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_signatures_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["signed_document_id"],
            ["documents.id"],
            name=op.f("fk_document_signatures_signed_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["users.id"], name=op.f("fk_document_signatures_signed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_signatures")),
        sa.UniqueConstraint("document_id", name=op.f("uq_document_signatures_document_id")),
    )
    op.create_table(
        "document_filings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("filed_by_id", sa.Integer(), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_filings_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["filed_by_id"], ["users.id"], name=op.f("fk_document_filings_filed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_filings")),
        sa.UniqueConstraint("document_id", name=op.f("uq_document_filings_document_id")),
    )


def downgrade() -> None:
    op.drop_table("document_filings")
    op.drop_table("document_signatures")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("context_sha256")
