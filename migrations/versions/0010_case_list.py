"""The case list at scale: list columns on cases, name search keys on persons, their indexes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:00:00

``cases.next_step``, ``next_meeting_on`` and ``due_on`` are what the case list shows and
filters on without decrypting answers (service/cases/planning.py keeps them up to date on every
finalise; ``stegvis init-db`` works them out for the cases already there). ``persons.sort_key``
and ``given_key`` are the names as the lists search and sort them (service/cases/search_keys.py),
filled here for the persons already there. On PostgreSQL the keys use the "C" collation, so a
range of keys is exactly one prefix and an ordinary B-tree index answers the search.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KEY = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")

CASE_INDEXES = {
    "ix_cases_unit_id_id": ("unit_id", "id"),
    "ix_cases_unit_status_id": ("unit_id", "status", "id"),
    "ix_cases_unit_method_id": ("unit_id", "method", "id"),
    "ix_cases_unit_due_on": ("unit_id", "due_on"),
    "ix_cases_contact_person_id": ("contact_person_id",),
    "ix_cases_created_by_id": ("created_by_id",),
    "ix_cases_referring_caseworker_id": ("referring_caseworker_id",),
}
PERSON_INDEXES = {
    "ix_persons_unit_sort_key": ("unit_id", "sort_key", "id"),
    "ix_persons_unit_given_key": ("unit_id", "given_key"),
}


def upgrade() -> None:
    """Add the columns, fill the persons' keys, create the indexes."""
    from service.cases.search_keys import name_key

    op.add_column("cases", sa.Column("next_step", sa.String(50), nullable=True))
    op.add_column("cases", sa.Column("next_meeting_on", sa.Date(), nullable=True))
    op.add_column("cases", sa.Column("due_on", sa.Date(), nullable=True))
    op.add_column("persons", sa.Column("sort_key", KEY, nullable=False, server_default=""))
    op.add_column("persons", sa.Column("given_key", KEY, nullable=False, server_default=""))
    connection = op.get_bind()
    persons = sa.table(
        "persons",
        sa.column("id", sa.Integer),
        sa.column("first_name", sa.String),
        sa.column("last_name", sa.String),
        sa.column("sort_key", sa.String),
        sa.column("given_key", sa.String),
    )
    rows = connection.execute(sa.select(persons.c.id, persons.c.first_name, persons.c.last_name))
    updates = [
        {
            "person": pid,
            "sort": name_key(f"{last} {first}"),
            "given": name_key(f"{first} {last}"),
        }
        for pid, first, last in rows
    ]
    if updates:
        connection.execute(
            persons.update()
            .where(persons.c.id == sa.bindparam("person"))
            .values(sort_key=sa.bindparam("sort"), given_key=sa.bindparam("given")),
            updates,
        )
    for name, columns in CASE_INDEXES.items():
        op.create_index(name, "cases", list(columns))
    for name, columns in PERSON_INDEXES.items():
        op.create_index(name, "persons", list(columns))


def downgrade() -> None:
    """Drop the indexes and the columns."""
    for name in PERSON_INDEXES:
        op.drop_index(name, table_name="persons")
    for name in CASE_INDEXES:
        op.drop_index(name, table_name="cases")
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+ and PostgreSQL) rather than a batch copy of the
    # tables: copying persons would drop a table the cases still refer to.
    for table, column in (
        ("persons", "given_key"),
        ("persons", "sort_key"),
        ("cases", "due_on"),
        ("cases", "next_meeting_on"),
        ("cases", "next_step"),
    ):
        op.drop_column(table, column)
