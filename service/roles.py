"""The roles' names as people read them; the roles themselves are ``service.models.Role``."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from service.models import Role

#: Role value → translated name. A role without an entry shows its value.
ROLE_LABELS: dict[str, Any] = {
    "worker": _l("Worker"),
    "caseworker": _l("Caseworker"),
    "manager": _l("Head of unit"),
    "admin": _l("Administrator"),
}


#: Role value → the endpoint a member of staff lands on after signing in: a worker on My week,
#: a caseworker on the cases they referred, the head of unit and the administrator on the team.
START_PAGES: dict[str, str] = {
    "worker": "week.my_week",
    "caseworker": "week.referrals",
    "manager": "week.team",
    "admin": "week.team",
}


def start_page(role: str | None) -> str:
    """The endpoint a user of ``role`` starts on (the case list for any other role)."""
    return START_PAGES.get(role or "", "cases.index")


def role_label(value: str) -> str:
    """The translated name of a role."""
    return str(ROLE_LABELS.get(value, value))


def role_choices() -> list[tuple[str, str]]:
    """(value, name) of every role, in the order of the Role enum."""
    return [(role.value, role_label(role.value)) for role in Role]
