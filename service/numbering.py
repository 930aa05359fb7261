"""Human numbers: C-2026-000007 for cases, AGR-2026-000042 for agreements."""

from __future__ import annotations

from datetime import date

from service.extensions import db
from service.models import DocumentSequence


def next_number(prefix: str, today: date | None = None) -> str:
    """The next number of ``prefix`` this year; the row lock keeps two issuers apart."""
    year = (today or date.today()).year
    sequence = db.session.get(DocumentSequence, (prefix, year), with_for_update=True)
    if sequence is None:
        sequence = DocumentSequence(prefix=prefix, year=year, last_value=0)
        db.session.add(sequence)
    sequence.last_value += 1
    db.session.flush()
    return f"{prefix}-{year}-{sequence.last_value:06d}"
