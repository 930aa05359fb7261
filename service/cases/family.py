"""The person's family on a case (the family is the unit of work): who they are, their role,
whether they are adults and parties to the kontrakt; audited by ids and field names only."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from service import audit
from service.extensions import db
from service.models import Case, FamilyMember, User
from service.models._types import utcnow
from service.models.family_member import FAMILY_ROLES

#: Role → its name, in the order of FAMILY_ROLES.
FAMILY_ROLE_LABELS = {
    "partner": _l("Partner or spouse"),
    "child": _l("Child"),
    "parent": _l("Parent"),
    "sibling": _l("Brother or sister"),
    "grandparent": _l("Grandparent"),
    "other": _l("Other relative"),
}
assert tuple(FAMILY_ROLE_LABELS) == FAMILY_ROLES, "every role in the family needs its name"

#: Fields a member's change is audited by (the keys, never the values).
FIELDS = (
    "first_name",
    "last_name",
    "identity_kind",
    "identity_number",
    "address",
    "family_role",
    "adult",
    "party",
)


def members(case: Case) -> list[FamilyMember]:
    """The case's family members (not removed), in the order they were entered."""
    return list(
        db.session.scalars(
            sa.select(FamilyMember)
            .where(FamilyMember.case_id == case.id, FamilyMember.removed_at.is_(None))
            .order_by(FamilyMember.id)
        )
    )


def get_member(case: Case, member_id: int) -> FamilyMember | None:
    """A member of this case's family (None for another case's member or a removed one)."""
    return db.session.scalar(
        sa.select(FamilyMember).where(
            FamilyMember.case_id == case.id,
            FamilyMember.id == member_id,
            FamilyMember.removed_at.is_(None),
        )
    )


def names(case: Case) -> dict[int, str]:
    """Member id → full name of every member of the case (removed ones too: old plans)."""
    rows = db.session.scalars(sa.select(FamilyMember).where(FamilyMember.case_id == case.id))
    return {m.id: m.full_name for m in rows}


def role_label(member: FamilyMember) -> str:
    """The member's role in the family, translated."""
    return str(FAMILY_ROLE_LABELS.get(member.family_role, member.family_role))


def add_member(case: Case, user: User, details: dict[str, Any]) -> FamilyMember:
    """Add a member to the case's family; audited (id and role only)."""
    member = FamilyMember(case_id=case.id, created_by_id=user.id, **details)
    db.session.add(member)
    db.session.flush()
    audit.record(
        "family.add",
        case_id=case.id,
        user_id=user.id,
        member=member.id,
        family_role=member.family_role,
    )
    return member


def update_member(member: FamilyMember, user: User, details: dict[str, Any]) -> list[str]:
    """Change a member's details; audited with the names of the changed fields."""
    changed = [key for key in FIELDS if getattr(member, key) != details[key]]
    for key in changed:
        setattr(member, key, details[key])
    if changed:
        audit.record(
            "family.update",
            case_id=member.case_id,
            user_id=user.id,
            member=member.id,
            fields=changed,
        )
    return changed


def remove_member(member: FamilyMember, user: User) -> None:
    """Take a member off the case's family (plans made before still name them); audited."""
    member.removed_at = utcnow()
    audit.record("family.remove", case_id=member.case_id, user_id=user.id, member=member.id)


def whose(case: Case, value: Any, known: dict[int, str] | None = None) -> str:
    """The name a ``family_member`` answer stands for: the person or a member of the family."""
    text = str(value or "").strip()
    if text == "person":
        return case.person.full_name
    if text.isdigit():
        return (known if known is not None else names(case)).get(int(text), "")
    return ""


def member_tasks(case: Case, plan: dict[str, Any], language: str) -> list[dict[str, str]]:
    """The family plan's tasks, each with the name of whose task it is, as printed."""
    from service.documents.context import format_day

    known = names(case)
    return [
        {
            "whose": whose(case, row.get("member"), known),
            "task": str(row.get("task") or ""),
            "due": format_day(row.get("due_date"), language) if row.get("due_date") else "",
        }
        for row in plan.get("member_tasks") or []
        if row.get("task")
    ]
