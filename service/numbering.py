"""Human numbers: C-2026-000007 for cases, AGR-2026-000042 for agreements."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from service.clock import local_today
from service.extensions import db
from service.models import DocumentSequence


def next_number(prefix: str, today: date | None = None) -> str:
    """The next number of ``prefix`` this year, never handed out twice.

    One ``UPDATE … SET last_value = last_value + 1 … RETURNING`` takes the row's lock and the
    value together: reading first and writing later lets two issuers (on SQLite, where the read
    takes no lock) print the same number. The year's first number inserts the row, or finds
    that someone else just did.
    """
    year = (today or local_today()).year
    bump = (
        sa.update(DocumentSequence)
        .where(DocumentSequence.prefix == prefix, DocumentSequence.year == year)
        .values(last_value=DocumentSequence.last_value + 1)
        .returning(DocumentSequence.last_value)
        .execution_options(synchronize_session=False)
    )
    value = db.session.scalar(bump)
    if value is None:
        dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
        db.session.execute(
            dialect.insert(DocumentSequence)
            .values(prefix=prefix, year=year, last_value=0)
            .on_conflict_do_nothing()
        )
        value = db.session.scalar(bump)
    return f"{prefix}-{year}-{value:06d}"
