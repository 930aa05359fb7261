"""The person's name keys on the case, and their indexes: a name search in a unit reads one
index of cases.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 20:30:00

A name that many persons share ("Wójcik": one in twenty) made the search read every matching
person and then each one's cases. ``cases.person_sort_key`` and ``person_given_key`` are copies
of the person's ``sort_key`` and ``given_key`` (service/cases/search_keys.py), kept by the
models on every save (service/models/case.py); the indexes (unit, key, id) answer a search
with the case ids alone. Filled here for the cases already there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

KEY = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")

INDEXES = {
    "ix_cases_unit_person_sort_key": ("unit_id", "person_sort_key", "id"),
    "ix_cases_unit_person_given_key": ("unit_id", "person_given_key", "id"),
}


def upgrade() -> None:
    """Add the columns, copy the persons' keys, create the indexes."""
    op.add_column("cases", sa.Column("person_sort_key", KEY, nullable=False, server_default=""))
    op.add_column("cases", sa.Column("person_given_key", KEY, nullable=False, server_default=""))
    cases = sa.table(
        "cases",
        sa.column("person_id", sa.Integer),
        sa.column("person_sort_key", sa.String),
        sa.column("person_given_key", sa.String),
    )
    persons = sa.table(
        "persons",
        sa.column("id", sa.Integer),
        sa.column("sort_key", sa.String),
        sa.column("given_key", sa.String),
    )

    def of_the_person(column: sa.ColumnClause[str]) -> sa.ScalarSelect[str]:
        return sa.select(column).where(persons.c.id == cases.c.person_id).scalar_subquery()

    op.get_bind().execute(
        cases.update().values(
            person_sort_key=of_the_person(persons.c.sort_key),
            person_given_key=of_the_person(persons.c.given_key),
        )
    )
    for name, columns in INDEXES.items():
        op.create_index(name, "cases", list(columns))


def downgrade() -> None:
    """Drop the indexes and the columns."""
    for name in INDEXES:
        op.drop_index(name, table_name="cases")
    op.drop_column("cases", "person_given_key")
    op.drop_column("cases", "person_sort_key")
