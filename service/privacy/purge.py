"""Retention: erase cases closed long enough ago (``stegvis purge``).

A case is due when it was closed before the given date *and* its unit's retention period has
run out (closed_at + retention_years ≤ today). A person whose every case is erased is
anonymised too. Output and audit details carry ids only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from service import audit
from service.clock import local_today
from service.extensions import db
from service.models import Case, Person, Unit
from service.privacy.erasure import anonymise_person, erase_case_content


@dataclass(frozen=True)
class DueCase:
    """A case the retention rules allow to erase."""

    case_id: int
    person_id: int
    unit_id: int
    closed_on: date
    kept_until: date


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years (29 February becomes 28 February in other years)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_cases(closed_before: date, today: date) -> list[DueCase]:
    """Cases closed before ``closed_before`` whose unit's retention has run out by ``today``."""
    rows = db.session.execute(
        sa.select(Case.id, Case.person_id, Case.unit_id, Case.closed_at, Unit.retention_years)
        .join(Unit, Unit.id == Case.unit_id)
        .where(Case.closed_at.is_not(None), Case.erased_at.is_(None))
        .order_by(Case.id)
    ).all()
    due = []
    for case_id, person_id, unit_id, closed_at, years in rows:
        closed_on = closed_at.date()  # type: ignore[union-attr]  # not None by the query
        kept_until = add_years(closed_on, years)
        if closed_on < closed_before and kept_until <= today:
            due.append(DueCase(case_id, person_id, unit_id, closed_on, kept_until))
    return due


def purge(
    closed_before: date, *, today: date | None = None, dry_run: bool = False
) -> dict[str, list[int]]:
    """Erase the due cases (and persons left with nothing); with ``dry_run`` change nothing.

    Returns ``{"cases": [...], "persons": [...]}``: what was (or would be) erased.
    """
    today = today or local_today()
    due = due_cases(closed_before, today)
    case_ids = [item.case_id for item in due]
    person_ids = sorted({item.person_id for item in due if _all_cases_go(item.person_id, case_ids)})
    if dry_run:
        return {"cases": case_ids, "persons": person_ids}
    for item in due:
        case = db.session.get(Case, item.case_id)
        assert case is not None
        erase_case_content(case)
        audit.record(
            "case.purge",
            case_id=case.id,
            person_id=item.person_id,
            user_id=None,
            closed_before=closed_before.isoformat(),
            kept_until=item.kept_until.isoformat(),
        )
    for person_id in person_ids:
        person = db.session.get(Person, person_id)
        assert person is not None
        anonymise_person(person)
        audit.record("person.purge", person_id=person_id, user_id=None)
    db.session.commit()
    return {"cases": case_ids, "persons": person_ids}


def _all_cases_go(person_id: int, erasing: list[int]) -> bool:
    """True when every case of the person is erased already or is being erased now."""
    kept = db.session.scalar(
        sa.select(sa.func.count(Case.id)).where(
            Case.person_id == person_id, Case.erased_at.is_(None), Case.id.not_in(erasing or [0])
        )
    )
    return not kept
