"""Signing in: two-factor (TOTP secret, recovery codes), session versions, set-password links,
a stable random identity of each user, and the unit's two-factor requirement.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 01:00:00

Existing users get a fresh ``uuid`` each before the column becomes unique and required.
Written by hand; works on SQLite (batch mode) and PostgreSQL.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("uuid", sa.String(36), nullable=True))
        batch.add_column(
            sa.Column("auth_version", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("totp_secret", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("totp_enabled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch.add_column(
            sa.Column(
                "two_factor_required", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("uuid", sa.String))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(
            users.update().where(users.c.id == user_id).values(uuid=str(uuid.uuid4()))
        )
    with op.batch_alter_table("users") as batch:
        batch.alter_column("uuid", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint(op.f("uq_users_uuid"), ["uuid"])

    with op.batch_alter_table("units") as batch:
        batch.add_column(
            sa.Column(
                "two_factor_required", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )

    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(200), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_recovery_codes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_codes")),
    )
    op.create_index(op.f("ix_recovery_codes_user_id"), "recovery_codes", ["user_id"])

    op.create_table(
        "password_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "purpose IN ('invite', 'reset')", name=op.f("ck_password_tokens_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_password_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_password_tokens_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_password_tokens_token_hash")),
    )
    op.create_index(op.f("ix_password_tokens_user_id"), "password_tokens", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_password_tokens_user_id", table_name="password_tokens")
    op.drop_table("password_tokens")
    op.drop_index("ix_recovery_codes_user_id", table_name="recovery_codes")
    op.drop_table("recovery_codes")
    with op.batch_alter_table("units") as batch:
        batch.drop_column("two_factor_required")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("uq_users_uuid"), type_="unique")
        for column in (
            "two_factor_required",
            "totp_last_step",
            "totp_enabled_at",
            "totp_secret",
            "auth_version",
            "uuid",
        ):
            batch.drop_column(column)
