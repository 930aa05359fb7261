"""Whose cases are "mine": the one condition every "my cases" list uses."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from service.models import Case, CaseMember, User


def my_case_filter(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases ``user`` works on.

    A member of the case's team (service/models/case_member.py), the named contact person, or
    who opened the case. Combine it with ``access.case_scope`` (it does not replace it).
    """
    return mine_of(user.id)


def mine_of(user_id: Any) -> sa.ColumnElement[bool]:
    """:func:`my_case_filter` of the user ``user_id`` (a value or a bound parameter)."""
    on_team = sa.select(CaseMember.case_id).where(CaseMember.user_id == user_id)
    return sa.or_(
        Case.id.in_(on_team),
        Case.contact_person_id == user_id,
        Case.created_by_id == user_id,
    )
