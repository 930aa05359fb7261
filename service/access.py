"""Deny by default: the one place that decides which cases and persons a user may reach."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort
from flask_login import current_user

from service.extensions import db
from service.models import Case, Document, Person, User


def _user() -> User:
    return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]


def cases_query() -> sa.Select[tuple[Case]]:
    """Cases the current user may see: those of their own unit."""
    return sa.select(Case).where(Case.unit_id == _user().unit_id)


def persons_query() -> sa.Select[tuple[Person]]:
    """Persons the current user may see: those registered by their own unit."""
    return sa.select(Person).where(Person.unit_id == _user().unit_id)


def get_case(case_id: int) -> Case:
    """The case, or 404 when it does not exist or is not the user's to see."""
    case = db.session.scalar(cases_query().where(Case.id == case_id))
    if case is None:
        abort(404)
    return case


def get_person(person_id: int) -> Person:
    """The person, or 404 when they do not exist or are not the user's to see."""
    person = db.session.scalar(persons_query().where(Person.id == person_id))
    if person is None:
        abort(404)
    return person


def get_document(document_id: int) -> Document:
    """An issued document of a case the user may see, or 404."""
    document = db.session.scalar(
        sa.select(Document)
        .join(Case, Case.id == Document.case_id)
        .where(Document.id == document_id, Case.unit_id == _user().unit_id)
    )
    if document is None:
        abort(404)
    return document


def unit_staff() -> list[User]:
    """Active staff of the user's unit (contact person choices)."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.unit_id == _user().unit_id, User.active.is_(True))
            .order_by(User.full_name)
        )
    )
