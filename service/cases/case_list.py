"""The case list and the person list: one page at a time, filtered and searched in the database.

Pages are keyset-paginated (the next page starts after the last row shown: ``id < after`` for
cases, newest first; ``(sort_key, id) > …`` for persons, by name), so page 2,000 costs what
page 1 costs, and every filter is an indexed condition (migration 0010). Only plain columns are
read: names, numbers, dates and the list columns ``operations.save_step`` keeps up to date
(``Case.next_step``, ``next_meeting_on``, ``due_on``; service/cases/planning.py). No encrypted
column is read, so none is decrypted.

Search: a case number ("C-2026-000042") exactly; an identity number through its blind index
(``identity_lookup.identity_condition_bound``); anything else as the beginning of a name,
first name or last name first, without regard to case or accents
(service/cases/search_keys.py), through the person's keys kept on the case
(:func:`_page_statement`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from forms.base import strip_control_characters
from service import access, identity_lookup
from service.cases.mine import mine_of
from service.cases.search_keys import name_key, prefix_range
from service.extensions import db
from service.models import Case, CaseStatus, Person, Role, User
from service.models.person import erased_name

#: Rows per page: a page of the list stays far below 100 KB of HTML.
PAGE_SIZE = 50

#: The contact person of a listed case (made once: an alias costs more to build than the query).
_CONTACT = sa.orm.aliased(User, name="contact_person")
#: A case number as printed (C-2026-000042), typed with any case.
CASE_NUMBER = re.compile(r"^[A-Za-z]{1,5}-\d{4}-\d{1,9}$")
#: Something typed that can only be an identity number (digits, a dash or plus, a space).
IDENTITY_LIKE = re.compile(r"^[\d\s+-]{10,15}$")


@dataclass(frozen=True)
class CaseFilters:
    """What the list is asked for; every part optional."""

    search: str = ""
    status: str = ""
    method: str = ""
    mine: bool = False
    overdue: bool = False
    #: The id of the last case of the previous page.
    after: int | None = None

    @classmethod
    def from_values(cls, values: Any, methods: list[str]) -> CaseFilters:
        """Read the filters from request values; unknown values are ignored, never an error."""
        status = values.get("status", "")
        method = values.get("method", "")
        return cls(
            search=search_text(values.get("q")),
            status=status if status in {s.value for s in CaseStatus} else "",
            method=method if method in methods else "",
            mine=values.get("mine") in ("1", "on", "y"),
            overdue=values.get("overdue") in ("1", "on", "y"),
            after=positive_id(values.get("after")),
        )


def search_text(value: object) -> str:
    """What was typed in a search box, as searched: control characters dropped as from every
    form's text (a NUL PostgreSQL refuses), spaces collapsed, at most 200 characters."""
    return " ".join(strip_control_characters(str(value or "")).split())[:200]


#: An id as a page's address carries it: ASCII digits only ("²" and "٣" are digits to Python).
_ID = re.compile(r"[0-9]{1,19}")


def positive_id(value: object) -> int | None:
    """``value`` as a row id (``after``), None for anything else: never an error."""
    text = str(value or "")
    return int(text) if _ID.fullmatch(text) and 0 < int(text) < 2**63 else None


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: int
    reference: str
    status: str
    method: str
    opened_at: datetime
    next_step: str | None
    next_meeting_on: date | None
    due_on: date | None
    first_name: str
    last_name: str
    contact_person: str | None
    erased: bool = False

    @property
    def person_name(self) -> str:
        if self.erased:
            return erased_name()
        return f"{self.first_name} {self.last_name}".strip()


def _search_of(text: str, *, case_numbers: bool = True) -> tuple[str, dict[str, Any]]:
    """What a typed search is ("reference", "identity", "name" or "" for none) and the values
    its statement is run with; without ``case_numbers`` (the person list) a case number is
    read as a name."""
    if not text:
        return "", {}
    if case_numbers and CASE_NUMBER.match(text):
        return "reference", {"reference": text.upper()}
    if IDENTITY_LIKE.match(text):
        return "identity", {"indexes": identity_lookup.identity_indexes(text)}
    key = name_key(text)
    if not key:  # nothing a name can begin with: the list as it is
        return "", {}
    low, high = prefix_range(key)
    return "name", {"low": low, "high": high}


def case_page(user: User, wanted: CaseFilters, today: date) -> tuple[list[CaseRow], int | None]:
    """One page of the cases ``user`` may see, newest first, and the ``after`` of the next.

    The page's case ids are chosen first (filters, scope, order and limit on the case table
    and its indexes alone); only those rows are then joined to their person and contact
    person, not every case a search matched before the sort. The statement is built once per
    shape (the kind of search, which filters are asked for) with bound values: building it
    cost more than running it."""
    kind, searched = _search_of(wanted.search)
    values: dict[str, Any] = {
        "unit_id": user.unit_id,
        "user_id": user.id,
        "status": wanted.status,
        "method": wanted.method,
        "today": today,
        "after": wanted.after,
        **searched,
    }
    statement = _page_statement(
        user.role == Role.CASEWORKER.value,
        kind,
        bool(wanted.status),
        bool(wanted.method),
        wanted.mine,
        wanted.overdue,
        wanted.after is not None,
    )
    rows = [CaseRow(*row) for row in db.session.execute(statement, values)]
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return rows, (rows[-1].id if more else None)


def _filters(
    user_id: Any, *, status: bool, method: bool, mine: bool, overdue: bool, after: bool
) -> list[sa.ColumnElement[bool]]:
    """The list's filters asked for, on bound values (``status``, ``method``, ``today``,
    ``after``)."""
    filters: list[sa.ColumnElement[bool]] = []
    if status:
        filters.append(Case.status == sa.bindparam("status"))
    if method:
        filters.append(Case.method == sa.bindparam("method"))
    if mine:
        filters.append(mine_of(user_id))
    if overdue:
        filters.extend(
            (Case.due_on < sa.bindparam("today"), Case.status != CaseStatus.CLOSED.value)
        )
    if after:
        filters.append(Case.id < sa.bindparam("after"))
    return filters


@functools.cache
def _page_statement(
    caseworker: bool,
    search: str,
    status: bool,
    method: bool,
    mine: bool,
    overdue: bool,
    after: bool,
) -> sa.Select[Any]:
    """The statement of a page of the list or of a search (``search``: "reference",
    "identity", "name" or ""), for one shape.

    A case number is the case's ``reference`` (unique). An identity number finds the persons
    first through the blind index (``indexes``: :func:`identity_lookup.identity_indexes`),
    the unit's and those reached through a team or a referral apart (as one condition the
    database walked the whole identity index, or the cases by id until a page was full), then
    their cases. A name search reads the person's keys kept on the case
    (service/models/case.py): the unit's cases from the indexes (unit, key, id) alone, one
    range for "last first" and one for "first last", and the few cases of other units reached
    through a team or a referral (:func:`service.access.outside`). A common name ("Wójcik":
    one person in twenty) is some 2,500 index entries, not 2,500 persons and each one's cases.
    """
    unit_id: sa.BindParameter[int] = sa.bindparam("unit_id")
    user_id: sa.BindParameter[int] = sa.bindparam("user_id")
    filters = _filters(
        user_id, status=status, method=method, mine=mine, overdue=overdue, after=after
    )
    if search == "reference":
        filters.append(Case.reference == sa.bindparam("reference"))
    if search == "identity":
        numbered = identity_lookup.identity_condition_bound("indexes")
        persons = access.reached_persons(unit_id, user_id, caseworker=caseworker)
        own = sa.select(Person.id).where(Person.unit_id == unit_id, numbered)
        beyond = sa.select(Person.id).where(
            Person.unit_id != unit_id, Person.id.in_(persons), numbered
        )
        filters.append(Case.person_id.in_(sa.union_all(own, beyond)))
    if search == "name":
        low: sa.BindParameter[str] = sa.bindparam("low")
        high: sa.BindParameter[str] = sa.bindparam("high")
        ranges = [
            (column >= low) & (column < high)
            for column in (Case.person_sort_key, Case.person_given_key)
        ]
        parts = [sa.select(Case.id).where(Case.unit_id == unit_id, r, *filters) for r in ranges]
        reached = access.outside(unit_id, user_id, caseworker=caseworker)
        parts.append(sa.select(Case.id).where(reached, sa.or_(*ranges), *filters))
        # each part's newest page first (a sort that keeps only a page), then those few merged
        limited = [part.order_by(Case.id.desc()).limit(PAGE_SIZE + 1).subquery() for part in parts]
        matches = sa.union(*(sa.select(part) for part in limited)).subquery()
        page = sa.select(matches.c.id).order_by(matches.c.id.desc())
    else:
        allowed = access.scope(unit_id, user_id, caseworker=caseworker)
        page = sa.select(Case.id).where(allowed, *filters).order_by(Case.id.desc())
    return _rows_of(page.limit(PAGE_SIZE + 1).subquery())


def _rows_of(page: sa.Subquery) -> sa.Select[Any]:
    """The list's columns of the cases whose ids ``page`` holds, newest first."""
    return (
        sa.select(  # type: ignore[return-value]
            Case.id,
            Case.reference,
            Case.status,
            Case.method,
            Case.opened_at,
            Case.next_step,
            Case.next_meeting_on,
            Case.due_on,
            Person.first_name,
            Person.last_name,
            _CONTACT.full_name,
            Person.erased_at.is_not(None),
        )
        .join(page, page.c.id == Case.id)
        .join(Person, Person.id == Case.person_id)
        .outerjoin(_CONTACT, _CONTACT.id == Case.contact_person_id)
        .order_by(Case.id.desc())
    )


@dataclass(frozen=True)
class PersonRow:
    """One line of the person list."""

    id: int
    first_name: str
    last_name: str
    created_at: datetime
    erased: bool = False
    open_cases: int = 0

    @property
    def list_name(self) -> str:
        """ "Last, First" as the person list sorts them; an erased person only as such."""
        if self.erased:
            return erased_name()
        return ", ".join(part for part in (self.last_name, self.first_name) if part)


def person_page(search: str, after: int | None) -> tuple[list[PersonRow], int | None]:
    """One page of the persons the current user may see, by name, and the ``after`` of the
    next (a person id: the name it stands for is looked up here, never put in a URL).

    The unit's persons and those reached through a team or a referral are two ordered,
    limited reads of one query (a union): the first walks the unit's name index from the
    page's start, so a page of 50 reads about 50 rows, not the unit's 50,000 and a sort. The
    statements of the list and of a name search are built once per shape, with bound values."""
    user = _user_of_scope()
    caseworker = user.role == Role.CASEWORKER.value
    values: dict[str, Any] = {"unit_id": user.unit_id, "user_id": user.id}
    if after is not None:
        # the name a page starts after: only of a person the user may see, or the place a
        # hidden person's name takes among the user's persons would tell it
        last = db.session.scalar(
            sa.select(Person.sort_key).where(Person.id == after, access.person_scope(user))
        )
        if last is not None:
            values["last"], values["after"] = last, after
    kind, searched = _search_of(search, case_numbers=False)
    values.update(searched)
    statement, counted = _person_statements(caseworker, kind, "after" in values)
    found_rows = list(db.session.execute(statement, values))
    more = len(found_rows) > PAGE_SIZE
    found_rows = found_rows[:PAGE_SIZE]
    ids = [row.id for row in found_rows]
    open_cases: dict[int, int] = {}
    if ids:
        open_cases = dict(db.session.execute(counted, {**values, "ids": ids}).all())
    rows = [
        PersonRow(
            row.id,
            row.first_name,
            row.last_name,
            row.created_at,
            row.erased,
            open_cases=open_cases.get(row.id, 0),
        )
        for row in found_rows
    ]
    return rows, (rows[-1].id if more else None)


@functools.cache
def _person_statements(
    caseworker: bool, search: str, after: bool
) -> tuple[sa.Select[Any], sa.Select[Any]]:
    """The statement of a page of persons and the one counting their open cases (``ids``),
    built once per shape, on bound values: ``unit_id``, ``user_id``, for an "identity"
    ``search`` the blind ``indexes`` of a typed number, for a "name" the range ``low``–``high``
    of name keys, with ``after`` the ``last`` name key and id shown."""
    unit_id: sa.BindParameter[int] = sa.bindparam("unit_id")
    user_id: sa.BindParameter[int] = sa.bindparam("user_id")
    conditions: list[sa.ColumnElement[bool]] = []
    if search == "identity":
        conditions.append(identity_lookup.identity_condition_bound("indexes"))
    if search == "name":
        low = sa.bindparam("low", type_=Person.__table__.c.sort_key.type)
        high = sa.bindparam("high", type_=Person.__table__.c.sort_key.type)
        conditions.append(
            sa.or_(
                sa.and_(Person.sort_key >= low, Person.sort_key < high),
                sa.and_(Person.given_key >= low, Person.given_key < high),
            )
        )
    if after:
        last = sa.bindparam("last", type_=Person.__table__.c.sort_key.type)
        conditions.append(
            sa.tuple_(Person.sort_key, Person.id)
            > sa.tuple_(last, sa.bindparam("after", type_=sa.Integer()))
        )
    reached = access.reached_persons(unit_id, user_id, caseworker=caseworker)
    scopes = (
        Person.unit_id == unit_id,
        sa.and_(Person.unit_id != unit_id, Person.id.in_(reached)),
    )
    columns = (
        Person.id,
        Person.first_name,
        Person.last_name,
        Person.created_at,
        Person.erased_at.is_not(None).label("erased"),
        Person.sort_key,
    )
    parts = [
        sa.select(*columns)
        .where(scope, *conditions)
        .order_by(Person.sort_key, Person.id)
        .limit(PAGE_SIZE + 1)
        .subquery()
        for scope in scopes
    ]
    both = sa.union_all(*(sa.select(part) for part in parts)).subquery()
    page = (
        sa.select(both.c.id, both.c.first_name, both.c.last_name, both.c.created_at, both.c.erased)
        .order_by(both.c.sort_key, both.c.id)
        .limit(PAGE_SIZE + 1)
    )
    counted = (
        sa.select(Case.person_id, sa.func.count(Case.id))
        .where(
            Case.person_id.in_(sa.bindparam("ids", expanding=True)),
            Case.status != CaseStatus.CLOSED.value,
            access.scope(unit_id, user_id, caseworker=caseworker),
        )
        .group_by(Case.person_id)
    )
    return page, counted  # type: ignore[return-value]


def _user_of_scope() -> User:
    from flask_login import current_user

    return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]
