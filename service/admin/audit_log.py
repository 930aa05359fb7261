"""Filtering the audit log: the rows an admin may see, by user, action, case and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial

import sqlalchemy as sa
from flask_babel import gettext

from forms.method_registry import get_method, methods
from service import audit
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


def action_choices(actions: list[str]) -> list[tuple[str, str]]:
    """(key, translated name) of each action for the filter, by name."""
    return sorted(((key, audit.action_name(key)) for key in actions), key=lambda c: c[1])


def _step_title(method_key: str | None, step_key: str, instance: object = None) -> str:
    """The translated title of a step as its page shows it ("Follow-up 2", "Start meeting"):
    of the case's method, else of any method that has it."""
    method = get_method(method_key) if method_key else None
    candidates = [method] if method is not None else []
    candidates += list(methods().values())
    for candidate in candidates:
        spec = candidate.steps.get(step_key)
        if spec is not None:
            title = gettext(spec.title)
            # A step done once has no number on its page; "Start meeting, 1" said nothing.
            return f"{title} {instance}" if spec.repeatable and instance else title
    return step_key


def phrases(events: list[AuditEvent]) -> dict[int, str]:
    """Event id → the translated phrase of what was done, with its details."""
    ids = {event.case_id for event in events if event.case_id}
    case_methods: dict[int, str] = {}
    if ids:
        case_methods = dict(
            db.session.execute(sa.select(Case.id, Case.method).where(Case.id.in_(ids))).all()
        )
    targets = {
        target
        for event in events
        if isinstance(target := (event.details or {}).get("target_user_id"), int)
    }
    names: dict[int, str] = {}
    if targets:
        names = dict(
            db.session.execute(sa.select(User.id, User.full_name).where(User.id.in_(targets))).all()
        )
    return {
        event.id: audit.describe(
            event.action,
            event.details,
            partial(_step_title, case_methods.get(event.case_id or 0)),
            user_name=lambda user_id: names.get(user_id, f"#{user_id}"),
        )
        for event in events
    }


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)
