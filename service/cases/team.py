"""The case team: several staff per case, each with a team role (who they are in the case).

The team decides, next to the unit, who may see and act on the case (service/access.py) and
whose cases are "mine" (service/cases/mine.py). The contact person named at the second meeting
joins the team as its contact person.
"""

from __future__ import annotations

import sqlalchemy as sa

from service import audit, integrity
from service.cases.team_roles import TEAM_ROLE_LABELS
from service.extensions import db
from service.models import Case, CaseMember, TeamRole, User


def team_role_label(key: str) -> str:
    """The translated name of a team role (the key for one not known)."""
    return str(TEAM_ROLE_LABELS.get(key, key))


def members(case: Case) -> list[CaseMember]:
    """The case's team in the order of the roles, then names."""
    found = db.session.scalars(
        sa.select(CaseMember).where(CaseMember.case_id == case.id).order_by(CaseMember.id)
    ).all()
    order = list(TEAM_ROLE_LABELS)
    return sorted(found, key=lambda m: (order.index(m.team_role), m.user.full_name))


def member(case: Case, member_id: int) -> CaseMember | None:
    """One member of the case's team (None for another case's member)."""
    return db.session.scalar(
        sa.select(CaseMember).where(CaseMember.id == member_id, CaseMember.case_id == case.id)
    )


def set_member(case: Case, user: User, team_role: str, by: User | None) -> CaseMember:
    """Put ``user`` on the team as ``team_role`` (or change their role); the caller commits.

    There is one contact person: naming another moves the role (the earlier one stays on the
    team as second contact person).
    """
    if team_role not in TEAM_ROLE_LABELS:
        raise ValueError(f"Unknown team role {team_role!r}")
    # Two people changing the team at once: the second waits and sees the first one's change
    # (one row per member, one contact person).
    integrity.hold_row(Case, case.id)
    if team_role == TeamRole.CONTACT_PERSON.value:
        for earlier in db.session.scalars(
            sa.select(CaseMember).where(
                CaseMember.case_id == case.id,
                CaseMember.team_role == team_role,
                CaseMember.user_id != user.id,
            )
        ):
            earlier.team_role = TeamRole.SECOND_CONTACT.value
        case.contact_person_id = user.id
    elif case.contact_person_id == user.id:
        case.contact_person_id = None
    found = db.session.scalar(
        sa.select(CaseMember).where(CaseMember.case_id == case.id, CaseMember.user_id == user.id)
    )
    if found is None:
        found = CaseMember(case_id=case.id, user_id=user.id, team_role=team_role)
        found.added_by_id = by.id if by is not None else None
        db.session.add(found)
    else:
        found.team_role = team_role
    audit.record(
        "case.team_set",
        case_id=case.id,
        **({"user_id": by.id} if by is not None else {}),
        member=user.id,
        team_role=team_role,
    )
    return found


def remove_member(case: Case, found: CaseMember, by: User) -> None:
    """Take a member off the team, with its audit event, in one transaction."""
    integrity.hold_row(Case, case.id)
    if db.session.scalar(sa.select(CaseMember.id).where(CaseMember.id == found.id)) is None:
        db.session.rollback()  # taken off by someone else a moment ago: nothing left to do
        return
    if case.contact_person_id == found.user_id:
        case.contact_person_id = None
    audit.record("case.team_remove", case_id=case.id, user_id=by.id, member=found.user_id)
    db.session.delete(found)
    db.session.commit()
