"""Deny by default: the one place that decides which cases and persons a user may reach,
and what each role may do there.

* worker — the cases of their own unit: read, edit the steps, issue documents;
* caseworker — cases of their own unit and cases referred by them: read, download, file; and
  what the method file lets them do (the Polish pracownik socjalny drafts the steps and issues
  the kontrakt socjalny: ``roles:`` in forms/methods/ipwzb.yaml);
* manager (kierownik ośrodka, enhetschef) — the cases of their unit: read, download, file and
  approve the documents the method says they approve;
* admin — users and units; case content only in their own unit, where they count as staff
  (and only they may erase a person).

The case team (service/models/case_member.py) reaches further: a member of a case's team sees and
acts on it as their role allows, also from another unit.

A case outside the scope answers 404 (:func:`get_case`); an action the role may not do on a case
it can see answers 403 (:func:`require`).
"""

from __future__ import annotations

import functools
from typing import Any

import sqlalchemy as sa
from flask import abort
from flask_login import current_user

from forms.method_schema import Method
from service.extensions import db
from service.models import Case, CaseMember, Document, Person, Role, User

#: What each role may do to a case (or its person) inside its scope.
#: view: the case, person and step pages; download: issued documents; file: exports of the case;
#: edit: save steps, change a person's details and record consent withdrawals; issue: documents;
#: export: a person's data (GDPR access request); erase: anonymise a person; team: change the
#: case team. Drafting, issuing and approving a document also follow its method (``roles:``).
CASE_ACTIONS: dict[str, frozenset[str]] = {
    Role.WORKER.value: frozenset({"view", "download", "file", "edit", "issue", "export", "team"}),
    Role.CASEWORKER.value: frozenset({"view", "download", "file"}),
    Role.MANAGER.value: frozenset({"view", "download", "file", "team"}),
    Role.ADMIN.value: frozenset(
        {"view", "download", "file", "edit", "issue", "export", "erase", "team"}
    ),
}
#: What each role may do in its unit without a particular case.
#: register: persons and new cases; administer: the audit log and the staff list.
UNIT_ACTIONS: dict[str, frozenset[str]] = {
    Role.WORKER.value: frozenset({"register"}),
    Role.CASEWORKER.value: frozenset(),
    Role.MANAGER.value: frozenset(),
    Role.ADMIN.value: frozenset({"register", "administer"}),
}
#: Document duties of the method file and the case action each stands for.
DUTY_ACTIONS = {"draft": "edit", "issue": "issue", "approve": "approve"}


def _user() -> User:
    return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]


def _team_cases(user_id: Any) -> sa.Select[int]:
    """Ids of the cases on whose team the user ``user_id`` (a value or a bound parameter) is."""
    return sa.select(CaseMember.case_id).where(CaseMember.user_id == user_id)


def case_scope(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases ``user`` may see."""
    return scope(user.unit_id, user.id, caseworker=user.role == Role.CASEWORKER.value)


def scope(unit_id: Any, user_id: Any, *, caseworker: bool) -> sa.ColumnElement[bool]:
    """:func:`case_scope` of the user ``user_id`` of ``unit_id`` (values or bound parameters):
    their unit's cases, their teams' and, for a caseworker, their referrals."""
    conditions = [
        Case.unit_id == unit_id,
        Case.id.in_(_team_cases(user_id)),
    ]
    if caseworker:
        conditions.append(Case.referring_caseworker_id == user_id)
    return sa.or_(*conditions)


def cases_query() -> sa.Select[Case]:
    """Cases the current user may see: their unit's, their teams' and a caseworker's referrals."""
    return sa.select(Case).where(case_scope(_user()))


def reachable_persons(user: User) -> sa.Select[int]:
    """Ids of the persons of the cases outside ``user``'s unit that ``user`` may see: the
    cases of their teams and a caseworker's referrals (:func:`case_scope` less the unit's).

    Written without the unit's own condition, which ``unit_id != …`` contradicts, so the
    database reads a few team rows and never walks the unit's cases."""
    return reached_persons(user.unit_id, user.id, caseworker=user.role == Role.CASEWORKER.value)


def reached_persons(unit_id: Any, user_id: Any, *, caseworker: bool) -> sa.Select[int]:
    """:func:`reachable_persons` of the user ``user_id`` of ``unit_id`` (values or bound
    parameters)."""
    return sa.select(Case.person_id).where(outside(unit_id, user_id, caseworker=caseworker))


def outside_scope(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases outside ``user``'s unit that ``user`` may see
    (:func:`case_scope` less the unit's cases)."""
    return outside(user.unit_id, user.id, caseworker=user.role == Role.CASEWORKER.value)


def outside(unit_id: Any, user_id: Any, *, caseworker: bool) -> sa.ColumnElement[bool]:
    """:func:`outside_scope` of the user ``user_id`` of ``unit_id`` (values or bound
    parameters)."""
    reached: list[sa.ColumnElement[bool]] = [Case.id.in_(_team_cases(user_id))]
    if caseworker:
        reached.append(Case.referring_caseworker_id == user_id)
    return sa.and_(sa.or_(*reached), Case.unit_id != unit_id)


def persons_query() -> sa.Select[Person]:
    """Persons the current user may see: their unit's and those of the cases they may see."""
    return sa.select(Person).where(person_scope(_user()))


def person_scope(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Person`` of the persons ``user`` may see."""
    return sa.or_(Person.unit_id == user.unit_id, Person.id.in_(reachable_persons(user)))


def get_case(case_id: int) -> Case:
    """The case, or 404 when it does not exist or is not the user's to see.

    The case row alone: its person (whose contact details are encrypted) and unit are read
    when a page first uses them, so a kept page (service/page_cache.py), which needs only the
    case's scope and revision, reads and decrypts nothing of the person."""
    user = _user()
    case = db.session.scalar(
        _case_in_scope(user.role == Role.CASEWORKER.value),
        {"case_id": case_id, "unit_id": user.unit_id, "user_id": user.id},
    )
    if case is None:
        abort(404)
    return case


@functools.cache
def _case_in_scope(caseworker: bool) -> sa.Select[Case]:
    """:func:`get_case`'s statement, built once per shape of :func:`case_scope` (it runs on
    every page of a case; building it took longer than running it)."""
    allowed = scope(sa.bindparam("unit_id"), sa.bindparam("user_id"), caseworker=caseworker)
    return (
        sa.select(Case)
        .where(allowed, Case.id == sa.bindparam("case_id"))
        .options(sa.orm.lazyload(Case.person), sa.orm.lazyload(Case.unit))
    )


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


def unit_staff(role: Role | None = None) -> list[User]:
    """Active staff of the user's unit (contact person choices), of one role if given."""
    query = sa.select(User).where(User.unit_id == _user().unit_id, User.active.is_(True))
    if role is not None:
        query = query.where(User.role == role.value)
    return list(db.session.scalars(query.order_by(User.full_name)))


def _on_team(case: Case, user: User) -> bool:
    found = db.session.scalar(
        sa.select(CaseMember.id).where(CaseMember.case_id == case.id, CaseMember.user_id == user.id)
    )
    return found is not None


def _reaches(case: Case, user: User) -> bool:
    """True when ``case`` is in the user's scope (unit, team or referral)."""
    if case.unit_id == user.unit_id:
        return True
    if user.role == Role.CASEWORKER.value and case.referring_caseworker_id == user.id:
        return True
    return _on_team(case, user)


def _method_roles(case: Case) -> Method:
    """The method whose ``roles:`` apply (who may act is the practice's rule today)."""
    from service.cases.journey import practice_method

    return practice_method(case)


def _by_method(action: str, case: Case, user: User, doc_type: str | None) -> bool:
    """True when the case's method file gives the user's role ``action`` (on ``doc_type``)."""
    duties = [duty for duty, act in DUTY_ACTIONS.items() if act == action]
    if not duties:
        return False
    method = _method_roles(case)
    doc_types = [doc_type] if doc_type else list(method.roles)
    # An administrator counts as staff of their unit: they may do what its support workers do.
    roles = {user.role, Role.WORKER.value} if user.role == Role.ADMIN.value else {user.role}
    return any(
        roles & set(getattr(method.roles_for(key), duty)) for key in doc_types for duty in duties
    )


def can(
    action: str, target: Any = None, user: User | None = None, doc_type: str | None = None
) -> bool:
    """May ``user`` (default: the current user) do ``action`` to ``target``?

    ``target`` is a Case or a Person the user can already see (a person's actions are those of
    its unit's cases), or None for unit-level actions ("register", "administer"). For "issue"
    and "approve", ``doc_type`` names the document: its method says who issues and approves it
    (without it: any document of the case).
    """
    user = user or _user()
    if target is None:
        return action in UNIT_ACTIONS.get(user.role, frozenset())
    if isinstance(target, Case):
        if not _reaches(target, user):
            return False
        if action in ("issue", "approve"):
            return _by_method(action, target, user, doc_type) or (
                action == "issue"
                and doc_type is None
                and action in CASE_ACTIONS.get(user.role, frozenset())
            )
        if action in CASE_ACTIONS.get(user.role, frozenset()):
            return True
        return _by_method(action, target, user, doc_type)
    if isinstance(target, Person):
        allowed = CASE_ACTIONS.get(user.role, frozenset())
        if action not in allowed:
            return False
        if target.unit_id == user.unit_id:
            return True
        return action == "view" and _reaches_person(target, user)
    raise TypeError(f"No access rule for {type(target).__name__}.")


def require(action: str, target: Any = None, doc_type: str | None = None) -> None:
    """Abort with 403 unless the current user may do ``action`` to ``target``."""
    if not can(action, target, doc_type=doc_type):
        abort(403)


def _reaches_person(person: Person, user: User) -> bool:
    """True when one of the person's cases is in the user's scope (a referral or a team)."""
    found = db.session.scalar(
        sa.select(Case.id).where(Case.person_id == person.id, case_scope(user)).limit(1)
    )
    return found is not None
