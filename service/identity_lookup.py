"""Finding persons by identity number through its blind index (the number itself is encrypted).

``find_persons_by_identity(unit_id, raw)`` is the lookup; ``identity_condition(raw)`` is the
same test as a SQLAlchemy condition on :class:`~service.models.Person`, to combine with other
filters, and ``identity_condition_bound(name)`` the same on a bound list of
``identity_indexes(raw)`` (the lists' searches, whose statements are built once). All accept
the number as people type it (with or without century, hyphen or spaces; python-stdnum
normalises it) and compare keyed HMACs under every key of ``STEGVIS_INDEX_KEY``, so they keep
working while the index key is rotated.
"""

from __future__ import annotations

import sqlalchemy as sa

from forms.identity import stored_forms
from service.crypto import blind_index_candidates
from service.extensions import db
from service.models import Person


def identity_indexes(raw: str) -> list[str]:
    """The blind indexes a typed number can have (empty for empty input)."""
    return [index for number in stored_forms(raw) for index in blind_index_candidates(number)]


def identity_condition(raw: str) -> sa.ColumnElement[bool] | None:
    """``Person.identity_index IN (...)`` for a typed number, or None when nothing was typed."""
    indexes = identity_indexes(raw)
    if not indexes:
        return None
    return Person.identity_index.in_(indexes)


def identity_condition_bound(name: str) -> sa.ColumnElement[bool]:
    """:func:`identity_condition` on a bound list of indexes named ``name`` (a statement built
    once, run with ``identity_indexes(raw)``; an empty list matches nobody)."""
    return Person.identity_index.in_(sa.bindparam(name, expanding=True))


def find_persons_by_identity(unit_id: int, raw: str) -> list[Person]:
    """The persons of ``unit_id`` whose identity number is ``raw`` (at most one, normally)."""
    condition = identity_condition(raw)
    if condition is None:
        return []
    query = sa.select(Person).where(Person.unit_id == unit_id, condition).order_by(Person.id)
    return list(db.session.scalars(query))
