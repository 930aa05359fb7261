"""Roles and the case team: the head of unit (manager), the case team, approvals of documents,
amendments of the kontrakt socjalny.

Revision ID: 0008
Revises: 0011
Create Date: 2026-12-02 01:00:00

* ``users.role`` may be ``manager`` (kierownik ośrodka, enhetschef);
* ``case_members``: several staff per case, each with a team role; every case's named contact
  person becomes its first member;
* ``document_approvals``: who approved which document version and when;
* ``contract_amendments``: the dated amendments (aneks) of a kontrakt socjalny (text encrypted).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0011"
branch_labels = None
depends_on = None

TEAM_ROLES = (
    "contact_person",
    "second_contact",
    "assistant",
    "social_worker",
    "psychologist",
    "peer_supporter",
    "fact_coordinator",
    "support_educator",
    "streetworker",
)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint(
            "role", "role IN ('worker', 'caseworker', 'manager', 'admin')"
        )
    op.create_table(
        "case_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("team_role", sa.String(length=30), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "team_role IN (" + ", ".join(f"'{v}'" for v in TEAM_ROLES) + ")",
            name=op.f("ck_case_members_team_role"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_members_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_case_members_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_case_members_added_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_members")),
        sa.UniqueConstraint("case_id", "user_id", name="uq_case_members_case_user"),
    )
    with op.batch_alter_table("case_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_members_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_members_user_id"), ["user_id"], unique=False)
    op.execute(
        "INSERT INTO case_members (case_id, user_id, team_role, added_by_id, added_at) "
        "SELECT id, contact_person_id, 'contact_person', NULL, opened_at FROM cases "
        "WHERE contact_person_id IS NOT NULL"
    )
    op.create_table(
        "document_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("approved_document_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_approvals_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_document_id"],
            ["documents.id"],
            name=op.f("fk_document_approvals_approved_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["users.id"],
            name=op.f("fk_document_approvals_approved_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_approvals")),
        sa.UniqueConstraint("document_id", name=op.f("uq_document_approvals_document_id")),
    )
    op.create_table(
        "contract_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("text", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_contract_amendments_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_contract_amendments_recorded_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_amendments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_contract_amendments_uuid")),
    )
    with op.batch_alter_table("contract_amendments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_amendments_case_id"), ["case_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("contract_amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_amendments_case_id"))
    op.drop_table("contract_amendments")
    op.drop_table("document_approvals")
    with op.batch_alter_table("case_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_members_user_id"))
        batch_op.drop_index(batch_op.f("ix_case_members_case_id"))
    op.drop_table("case_members")
    op.execute("UPDATE users SET role = 'worker' WHERE role = 'manager'")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", "role IN ('worker', 'caseworker', 'admin')")
