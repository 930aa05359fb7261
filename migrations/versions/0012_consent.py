"""Consent per recipient, a legal representative per person, the unit's confidentiality law.

Revision ID: 0012
Revises: 0016
Create Date: 2026-12-02 04:20:00

``consent_withdrawals`` gets the recipient a withdrawal is for (kind and encrypted name; none:
the whole consent, as every withdrawal recorded so far) and a ``uuid`` row identity, filled here
for the rows already there. ``persons`` gets the legal representative (kind, encrypted name and
contact). ``units.confidentiality`` names the confidentiality law printed on the consent; units
whose language is Polish start with art. 100 u.p.s., the others with OSL.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0016"
branch_labels = None
depends_on = None

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
    """Add the columns and constraints, give the old withdrawals their row identity."""
    with op.batch_alter_table("consent_withdrawals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uuid", sa.String(36), nullable=True))
        batch_op.add_column(sa.Column("recipient_kind", sa.String(30), nullable=True))
        batch_op.add_column(sa.Column("recipient_name", sa.LargeBinary(), nullable=True))
    connection = op.get_bind()
    table = sa.table("consent_withdrawals", sa.column("id", sa.Integer), sa.column("uuid"))
    for (row_id,) in connection.execute(sa.select(table.c.id)).all():
        connection.execute(
            table.update().where(table.c.id == row_id).values(uuid=str(uuid.uuid4()))
        )
    with op.batch_alter_table("consent_withdrawals", schema=None) as batch_op:
        batch_op.alter_column("uuid", existing_type=sa.String(36), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_consent_withdrawals_uuid"), ["uuid"])
        batch_op.create_check_constraint(
            op.f("ck_consent_withdrawals_recipient_kind"),
            "recipient_kind IS NULL OR recipient_kind IN ("
            + ", ".join(f"'{k}'" for k in NETWORK_KINDS)
            + ")",
        )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_rep_kind", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("legal_rep_name", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("legal_rep_contact", sa.LargeBinary(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_persons_legal_rep_kind"),
            "legal_rep_kind IS NULL OR legal_rep_kind IN "
            "('god_man', 'forvaltare', 'opiekun_prawny', 'kurator')",
        )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confidentiality", sa.String(10), nullable=False, server_default="osl")
        )
        batch_op.create_check_constraint(
            op.f("ck_units_confidentiality"), "confidentiality IN ('osl', 'sol', 'lss', 'ups')"
        )
    units = sa.table("units", sa.column("default_locale"), sa.column("confidentiality"))
    connection.execute(
        units.update().where(units.c.default_locale == "pl").values(confidentiality="ups")
    )


def downgrade() -> None:
    """Drop the columns again (per-recipient withdrawals are lost)."""
    connection = op.get_bind()
    withdrawals = sa.table("consent_withdrawals", sa.column("recipient_kind"))
    connection.execute(withdrawals.delete().where(withdrawals.c.recipient_kind.isnot(None)))
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_units_confidentiality"), type_="check")
        batch_op.drop_column("confidentiality")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_persons_legal_rep_kind"), type_="check")
        batch_op.drop_column("legal_rep_contact")
        batch_op.drop_column("legal_rep_name")
        batch_op.drop_column("legal_rep_kind")
    with op.batch_alter_table("consent_withdrawals", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_consent_withdrawals_recipient_kind"), type_="check")
        batch_op.drop_constraint(batch_op.f("uq_consent_withdrawals_uuid"), type_="unique")
        batch_op.drop_column("recipient_name")
        batch_op.drop_column("recipient_kind")
        batch_op.drop_column("uuid")
