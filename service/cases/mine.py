"""Whose cases are "mine": the one condition every "my cases" list uses."""

from __future__ import annotations

import sqlalchemy as sa

from service.models import Case, CaseMember, User


def my_case_filter(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases ``user`` works on.

    A member of the case's team (service/models/case_member.py), the named contact person, or
    who opened the case. Combine it with ``access.case_scope`` (it does not replace it).
    """
    on_team = sa.select(CaseMember.case_id).where(CaseMember.user_id == user.id)
    return sa.or_(
        Case.id.in_(on_team),
        Case.contact_person_id == user.id,
        Case.created_by_id == user.id,
    )
