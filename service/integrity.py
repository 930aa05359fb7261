"""Telling which unique constraint a failed write ran into, on PostgreSQL and SQLite.

Two people saving at the same moment make the database refuse the second row (the same draft,
version or document number twice). Callers turn exactly those refusals into a conflict the user
sees; any other integrity error is a defect and must still surface.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from service.db import Base


def _unique(name: str) -> sa.UniqueConstraint:
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, sa.UniqueConstraint) and constraint.name == name:
                return constraint
    raise LookupError(f"No unique constraint named {name!r}.")


def violates(error: IntegrityError, *names: str) -> bool:
    """True when ``error`` is the refusal of one of the unique constraints ``names``."""
    diag = getattr(error.orig, "diag", None)
    if diag is not None:  # PostgreSQL names the constraint
        return getattr(diag, "constraint_name", None) in names
    message = str(error.orig)
    for name in names:
        constraint = _unique(name)
        # SQLite: "UNIQUE constraint failed: step_drafts.case_id, step_drafts.step, …"
        columns = ", ".join(
            f"{constraint.table.name}.{column.name}" for column in constraint.columns
        )
        if message == f"UNIQUE constraint failed: {columns}":
            return True
    return False


def hold_row(model: type[Base], row_id: int) -> None:
    """Take ``row_id``'s write lock for the rest of the transaction, before reading what it
    decides on: a second writer of the same row waits until the first has committed, and then
    reads what the first wrote (PostgreSQL: a row lock, READ COMMITTED; SQLite: the write lock,
    taken before the transaction's first read). An update of the id to itself changes nothing.
    """
    from service.extensions import db
    from service.page_cache import NEUTRAL

    column = model.__table__.c.id  # type: ignore[attr-defined]
    db.session.execute(
        sa.update(model).where(column == row_id).values(id=column),
        execution_options={NEUTRAL: True},  # changes nothing a page shows
    )
