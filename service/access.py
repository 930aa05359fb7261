"""Deny by default: the one place that decides which cases and persons a user may reach,
and what each role may do there.

* worker — the cases of their own unit: read, edit the steps, issue documents;
* caseworker — cases of their own unit and cases referred by them: read, download, file
  (never edit steps or issue documents);
* admin — users and units; case content only in their own unit, where they count as staff
  (and only they may erase a person).

A case outside the scope answers 404 (:func:`get_case`); an action the role may not do on a case
it can see answers 403 (:func:`require`).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import abort
from flask_login import current_user

from service.extensions import db
from service.models import Case, Document, Person, Role, User

#: What each role may do to a case (or its person) inside its scope.
#: view: the case, person and step pages; download: issued documents; file: exports of the case;
#: edit: save steps, change a person's details and record consent withdrawals; issue: documents;
#: export: a person's data (GDPR access request); erase: anonymise a person.
CASE_ACTIONS: dict[str, frozenset[str]] = {
    Role.WORKER.value: frozenset({"view", "download", "file", "edit", "issue", "export"}),
    Role.CASEWORKER.value: frozenset({"view", "download", "file"}),
    Role.ADMIN.value: frozenset({"view", "download", "file", "edit", "issue", "export", "erase"}),
}
#: What each role may do in its unit without a particular case.
#: register: persons and new cases; administer: the audit log and the staff list.
UNIT_ACTIONS: dict[str, frozenset[str]] = {
    Role.WORKER.value: frozenset({"register"}),
    Role.CASEWORKER.value: frozenset(),
    Role.ADMIN.value: frozenset({"register", "administer"}),
}


def _user() -> User:
    return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]


def case_scope(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases ``user`` may see."""
    own_unit = Case.unit_id == user.unit_id
    if user.role == Role.CASEWORKER.value:
        return sa.or_(own_unit, Case.referring_caseworker_id == user.id)
    return own_unit


def cases_query() -> sa.Select[Case]:
    """Cases the current user may see: their unit's, and a caseworker's referrals."""
    return sa.select(Case).where(case_scope(_user()))


def persons_query() -> sa.Select[Person]:
    """Persons the current user may see: their unit's, and those of a caseworker's referrals."""
    user = _user()
    condition: sa.ColumnElement[bool] = Person.unit_id == user.unit_id
    if user.role == Role.CASEWORKER.value:
        referred = sa.select(Case.person_id).where(Case.referring_caseworker_id == user.id)
        condition = sa.or_(condition, Person.id.in_(referred))
    return sa.select(Person).where(condition)


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
        .where(Document.id == document_id, case_scope(_user()))
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


def can(action: str, target: Any = None, user: User | None = None) -> bool:
    """May ``user`` (default: the current user) do ``action`` to ``target``?

    ``target`` is a Case or a Person the user can already see (a person's actions are those of
    its unit's cases), or None for unit-level actions ("register", "administer").
    """
    user = user or _user()
    if target is None:
        return action in UNIT_ACTIONS.get(user.role, frozenset())
    allowed = CASE_ACTIONS.get(user.role, frozenset())
    if action not in allowed:
        return False
    if isinstance(target, Case):
        if user.role == Role.CASEWORKER.value and target.referring_caseworker_id == user.id:
            return True
        return target.unit_id == user.unit_id
    if isinstance(target, Person):
        if target.unit_id == user.unit_id:
            return True
        return user.role == Role.CASEWORKER.value and action == "view" and _referred(target, user)
    raise TypeError(f"No access rule for {type(target).__name__}.")


def require(action: str, target: Any = None) -> None:
    """Abort with 403 unless the current user may do ``action`` to ``target``."""
    if not can(action, target):
        abort(403)


def _referred(person: Person, user: User) -> bool:
    """True when ``user`` referred one of the person's cases."""
    found = db.session.scalar(
        sa.select(Case.id).where(
            Case.person_id == person.id, Case.referring_caseworker_id == user.id
        )
    )
    return found is not None
