"""The network around a case: who they are, and whether the consent lets us contact them."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from service import audit
from service.extensions import db
from service.models import Case, NetworkMember, User
from service.models._types import utcnow
from service.models.network_member import NETWORK_KINDS

#: Kind → its name, in the order of NETWORK_KINDS.
NETWORK_LABELS = {
    "relative": _l("Relative or friend"),
    "habilitation": _l("Habilitation"),
    "health_care": _l("Health care"),
    "probation_officer": _l("Probation officer (kurator)"),
    "school": _l("School"),
    "court": _l("Court"),
    "ngo": _l("Non-governmental organisation"),
    "landlord": _l("Landlord"),
    "social_services": _l("Social services"),
    "labour_office": _l("Employment service"),
    "other": _l("Other"),
}
assert tuple(NETWORK_LABELS) == NETWORK_KINDS, "every kind of network member needs its name"

#: Fields a member's change is audited by (the keys, never the values).
FIELDS = ("kind", "name", "role", "contact_details", "may_contact")


def members(case: Case, *, with_removed: bool = False) -> list[NetworkMember]:
    """The case's network, in the order it was entered."""
    query = sa.select(NetworkMember).where(NetworkMember.case_id == case.id)
    if not with_removed:
        query = query.where(NetworkMember.removed_at.is_(None))
    return list(db.session.scalars(query.order_by(NetworkMember.id)))


def get_member(case: Case, member_id: int) -> NetworkMember | None:
    """A member of this case's network (None for another case's member)."""
    return db.session.scalar(
        sa.select(NetworkMember).where(
            NetworkMember.case_id == case.id,
            NetworkMember.id == member_id,
            NetworkMember.removed_at.is_(None),
        )
    )


def consent_active(case: Case, today: date) -> bool:
    """The person consented to sharing information, the consent runs and was not withdrawn."""
    from service.privacy.consent import consent_state

    return consent_state(case, today).active


def may_contact(case: Case, kind: str, name: str, today: date) -> bool:
    """The consent holds for this recipient (its kind and name): it may be contacted."""
    from service.privacy.consent import consent_state

    return consent_state(case, today).may_share_with(kind, name)


def add_member(case: Case, user: User, details: dict[str, Any]) -> NetworkMember:
    """Add a member to the network; audited (the kind only)."""
    member = NetworkMember(case_id=case.id, created_by_id=user.id, **details)
    db.session.add(member)
    db.session.flush()
    audit.record(
        "network.add", case_id=case.id, user_id=user.id, member=member.id, kind=member.kind
    )
    return member


def update_member(member: NetworkMember, user: User, details: dict[str, Any]) -> list[str]:
    """Change a member's details; audited with the names of the changed fields."""
    changed = [key for key in FIELDS if getattr(member, key) != details[key]]
    for key in changed:
        setattr(member, key, details[key])
    if changed:
        audit.record(
            "network.update",
            case_id=member.case_id,
            user_id=user.id,
            member=member.id,
            fields=changed,
        )
    return changed


def remove_member(member: NetworkMember, user: User) -> None:
    """Take a member off the network (the journal keeps naming them); audited."""
    member.removed_at = utcnow()
    audit.record("network.remove", case_id=member.case_id, user_id=user.id, member=member.id)


def names(case_ids: list[int]) -> dict[int, str]:
    """Member id → name of every member (removed ones too) of the cases, in one query."""
    if not case_ids:
        return {}
    rows = db.session.scalars(sa.select(NetworkMember).where(NetworkMember.case_id.in_(case_ids)))
    return {m.id: m.name for m in rows}
