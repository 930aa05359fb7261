"""Who took part in a follow-up: the person, the case team, the network and the caseworker.

A follow-up's ``participants`` answer is a list of values: ``person``, ``caseworker`` (the
referring caseworker), ``staff:<user id>`` (a member of the case team) and ``network:<member
id>`` (a member of the case's network). Ids, never names, are stored; the record prints the
names as they are when it is issued.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from flask_babel import gettext

from service.cases import team
from service.extensions import db
from service.journal import network
from service.models import Case, User


def participant_choices(case: Case, chosen: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(value, label) of everyone who can take part in a follow-up of ``case``.

    ``chosen`` (the answer being shown or posted) keeps a choice for someone who has left
    the case team or the network since: staff of the case's unit and members of this case's
    network only, so another unit's ids never become a choice.
    """
    choices = [("person", gettext("%(name)s (the person)", name=case.person.full_name))]
    seen: set[int] = set()
    for member in team.members(case):
        seen.add(member.user_id)
        role = team.team_role_label(member.team_role)
        choices.append((f"staff:{member.user_id}", f"{member.user.full_name} – {role}"))
    contact = case.contact_person
    if contact is not None and contact.id not in seen:
        choices.append((f"staff:{contact.id}", contact.full_name))
    picked = {str(v) for v in chosen or []}
    former = [int(v[6:]) for v in picked if v.startswith("staff:") and v[6:].isdigit()]
    if former and set(former) - seen - {case.contact_person_id}:
        for user in db.session.scalars(
            sa.select(User).where(User.id.in_(former), User.unit_id == case.unit_id)
        ):
            if user.id not in seen and user.id != case.contact_person_id:
                choices.append((f"staff:{user.id}", user.full_name))
    for found in network.members(case, with_removed=True):
        if found.removed_at is not None and f"network:{found.id}" not in picked:
            continue
        kind = str(network.NETWORK_LABELS.get(found.kind, found.kind))
        choices.append((f"network:{found.id}", f"{found.name} – {kind}"))
    if case.caseworker_name:
        choices.append(("caseworker", gettext("%(name)s (caseworker)", name=case.caseworker_name)))
    return choices


def participant_names(case: Case, values: Iterable[str]) -> list[str]:
    """The participants as the record prints them (in the current locale), in the order given.

    A team member or network member no longer on the case is still named: the follow-up
    happened with them.
    """
    values = [str(v) for v in values or []]
    staff_ids = [int(v[6:]) for v in values if v.startswith("staff:") and v[6:].isdigit()]
    staff = (
        {
            u.id: u.full_name
            for u in db.session.scalars(
                sa.select(User).where(User.id.in_(staff_ids), User.unit_id == case.unit_id)
            )
        }
        if staff_ids
        else {}
    )
    members = network.names([case.id]) if any(v.startswith("network:") for v in values) else {}
    names = []
    for value in values:
        if value == "person":
            names.append(gettext("%(name)s (the person)", name=case.person.full_name))
        elif value == "caseworker" and case.caseworker_name:
            names.append(gettext("%(name)s (caseworker)", name=case.caseworker_name))
        elif value.startswith("staff:") and value[6:].isdigit() and int(value[6:]) in staff:
            names.append(staff[int(value[6:])])
        elif value.startswith("network:") and value[8:].isdigit() and int(value[8:]) in members:
            names.append(members[int(value[8:])])
    return names
