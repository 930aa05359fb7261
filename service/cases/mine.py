"""Which cases are "mine": the one definition the case list's filter (and any other page that
says "my cases") uses."""

from __future__ import annotations

import sqlalchemy as sa

from service.models import Case, User


def my_case_filter(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases ``user`` works on: they are its contact person
    or opened it."""
    return sa.or_(Case.contact_person_id == user.id, Case.created_by_id == user.id)
