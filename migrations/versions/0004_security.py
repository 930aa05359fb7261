"""Security: encrypted free text, answers and documents; consent withdrawals; erasure marks;
insert-only audit rows on PostgreSQL.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-22 11:40:00

Existing values are encrypted in place under the first key of ``STEGVIS_DATA_KEYS`` (the
development key when unset outside production), so the migration needs the app's keyring: it
runs through ``service.migrate.upgrade()`` inside the app context. Written by hand; works on
SQLite (columns altered in place) and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
#: 0002 creates step_drafts, whose formdata this migration encrypts (it was a depends_on of a
#: revision of 0001; databases upgraded then hold the same rows in alembic_version).
down_revision = "0002"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

#: table → [(column, plain type, kind)] of the columns encrypted at rest.
ENCRYPTED: dict[str, list[tuple[str, Any, str]]] = {
    "persons": [
        ("address", sa.String(300), "text"),
        ("phone", sa.String(50), "text"),
        ("email", sa.String(254), "text"),
    ],
    "cases": [("assignment", sa.Text(), "text")],
    "submissions": [("answers", JSON_TYPE, "json")],
    "documents": [("content", sa.LargeBinary(), "bytes"), ("context", JSON_TYPE, "json")],
    "step_drafts": [("formdata", JSON_TYPE, "json")],
}

INSERT_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_events_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events rows are insert-only (% refused)', TG_OP;
END
$$
"""
INSERT_ONLY_TRIGGER = """
CREATE TRIGGER audit_events_insert_only BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_insert_only()
"""


def _keyring() -> Any:
    from service.crypto import current_keyring

    return current_keyring()


def _to_bytes(value: Any, kind: str) -> bytes:
    """A stored plain value as the bytes the encrypted column types hold."""
    if kind == "bytes":
        return bytes(value)
    if kind == "json":
        data = json.loads(value) if isinstance(value, str | bytes) else value
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return str(value).encode("utf-8")


def _from_bytes(data: bytes, kind: str) -> Any:
    """Plain bytes back as the value the plain column held (downgrade)."""
    if kind == "bytes":
        return data
    if kind == "json":
        return json.loads(data.decode("utf-8"))
    return data.decode("utf-8")


def _convert(
    table: str,
    columns: list[tuple[str, Any, str]],
    new_type: Any,
    transform: Callable[[Any, str, str], Any],
) -> None:
    """Copy every column into a column of ``new_type`` through ``transform``, then swap.

    SQLite alters the table in place (ADD/DROP/RENAME COLUMN, SQLite >= 3.35) rather than
    copying it in batch mode: a copy drops the old table, which foreign keys from other tables'
    rows refuse inside a migration's transaction.
    """
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    for name, _plain, _kind in columns:
        if sqlite:
            sql_type = new_type.compile(dialect=conn.dialect)
            default = "X''" if isinstance(new_type, sa.LargeBinary) else "''"
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN {name}_new {sql_type} NOT NULL DEFAULT {default}"
            )
        else:
            op.add_column(table, sa.Column(f"{name}_new", new_type, nullable=True))
    source = sa.table(table, sa.column("id"), *(sa.column(n, t) for n, t, _k in columns))
    target = sa.table(
        table, sa.column("id"), *(sa.column(f"{n}_new", new_type) for n, _t, _k in columns)
    )
    for row in conn.execute(sa.select(source)).mappings().all():
        values = {
            f"{n}_new": transform(row[n], kind, f"{table}.{n}")
            for n, _t, kind in columns
            if row[n] is not None
        }
        if values:
            conn.execute(sa.update(target).where(target.c.id == row["id"]).values(**values))
    for name, _plain, _kind in columns:
        if sqlite:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
            op.execute(f"ALTER TABLE {table} RENAME COLUMN {name}_new TO {name}")
        else:
            op.drop_column(table, name)
            op.alter_column(
                table, f"{name}_new", new_column_name=name, existing_type=new_type, nullable=False
            )


def _encrypt(value: Any, kind: str, purpose: str) -> bytes:
    return _keyring().encrypt(_to_bytes(value, kind), purpose)  # type: ignore[no-any-return]


def _decrypt(value: Any, kind: str, purpose: str) -> Any:
    return _from_bytes(_keyring().decrypt(bytes(value), purpose), kind)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "consent_withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_consent_withdrawals_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_consent_withdrawals_recorded_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_withdrawals")),
    )
    with op.batch_alter_table("consent_withdrawals") as batch:
        batch.create_index(batch.f("ix_consent_withdrawals_case_id"), ["case_id"], unique=False)
    for table in ("persons", "cases"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    for table, columns in ENCRYPTED.items():
        _convert(table, columns, sa.LargeBinary(), _encrypt)
    if dialect == "postgresql":
        op.execute(INSERT_ONLY_FUNCTION)
        op.execute(INSERT_ONLY_TRIGGER)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_insert_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_insert_only()")
    for table, columns in ENCRYPTED.items():
        for name, plain, kind in columns:
            _convert(table, [(name, sa.LargeBinary(), kind)], plain, _decrypt)
    for table in ("persons", "cases"):
        if dialect == "sqlite":  # in place: a batch copy would drop a referenced table
            op.execute(f"ALTER TABLE {table} DROP COLUMN erased_at")
        else:
            op.drop_column(table, "erased_at")
    with op.batch_alter_table("consent_withdrawals") as batch:
        batch.drop_index(batch.f("ix_consent_withdrawals_case_id"))
    op.drop_table("consent_withdrawals")
