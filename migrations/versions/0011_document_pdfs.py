"""Cached PDFs: each document version converted once, kept encrypted.

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-02 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_pdfs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("docx_sha256", sa.String(length=64), nullable=False),
        sa.Column("converter", sa.String(length=40), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_document_pdfs_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_pdfs")),
        sa.UniqueConstraint("uuid", name=op.f("uq_document_pdfs_uuid")),
        sa.UniqueConstraint("document_id", "converter", name="uq_document_pdfs_document_converter"),
    )
    with op.batch_alter_table("document_pdfs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_pdfs_document_id"), ["document_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("document_pdfs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_pdfs_document_id"))
    op.drop_table("document_pdfs")
