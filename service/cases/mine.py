"""Which cases are "mine": the one condition every "my cases" page uses.

For now the case's contact person or the one who opened it; when the case team lands this
reads the team instead, and every page that lists my cases follows.
"""

from __future__ import annotations

import sqlalchemy as sa

from service.models import Case, User


def my_case_filter(user: User) -> sa.ColumnElement[bool]:
    """The condition on ``Case`` of the cases ``user`` works on."""
    return sa.or_(Case.contact_person_id == user.id, Case.created_by_id == user.id)
