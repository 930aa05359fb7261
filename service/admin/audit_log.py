"""Filtering the audit log: the rows an admin may see, by user, action, case and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from service.extensions import db
from service.models import AuditEvent, Case, Person, User

PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditFilter:
    """What the admin asked for; every part optional."""

    user_id: int | None = None
    action: str = ""
    case_reference: str = ""
    date_from: date | None = None
    date_to: date | None = None


def unit_scope(unit_id: int) -> sa.ColumnElement[bool]:
    """Audit rows of the unit: by its staff, or about its cases or persons."""
    staff = sa.select(User.id).where(User.unit_id == unit_id)
    cases = sa.select(Case.id).where(Case.unit_id == unit_id)
    persons = sa.select(Person.id).where(Person.unit_id == unit_id)
    return sa.or_(
        AuditEvent.user_id.in_(staff),
        AuditEvent.case_id.in_(cases),
        AuditEvent.person_id.in_(persons),
    )


def audit_page(unit_id: int, wanted: AuditFilter, page: int) -> tuple[list[AuditEvent], bool]:
    """One page of matching rows, newest first, and whether there is a next page."""
    query = sa.select(AuditEvent).where(unit_scope(unit_id))
    if wanted.user_id:
        query = query.where(AuditEvent.user_id == wanted.user_id)
    if wanted.action:
        query = query.where(AuditEvent.action == wanted.action)
    if wanted.case_reference:
        case_ids = sa.select(Case.id).where(Case.reference == wanted.case_reference.strip())
        query = query.where(AuditEvent.case_id.in_(case_ids))
    if wanted.date_from:
        query = query.where(AuditEvent.at >= _start_of(wanted.date_from))
    if wanted.date_to:
        query = query.where(AuditEvent.at < _start_of(wanted.date_to + timedelta(days=1)))
    query = query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    rows = list(db.session.scalars(query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)))
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def known_actions(unit_id: int) -> list[str]:
    """The actions found in the unit's rows (the choices of the action filter)."""
    return list(
        db.session.scalars(
            sa.select(AuditEvent.action)
            .where(unit_scope(unit_id))
            .distinct()
            .order_by(AuditEvent.action)
        )
    )


def case_references(events: list[AuditEvent]) -> dict[int, str]:
    """Case id → reference for the rows shown."""
    ids = {event.case_id for event in events if event.case_id}
    if not ids:
        return {}
    return dict(
        db.session.execute(sa.select(Case.id, Case.reference).where(Case.id.in_(ids))).all()
    )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)
