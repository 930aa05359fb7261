"""Recording outreach contacts and tying one to a registered person's case: the writes and their
audit events (the view commits)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from service import audit
from service.extensions import db
from service.journal.operations import as_utc
from service.models import Case, OutreachContact, User

#: How many contacts the outreach page lists (the newest first).
PAGE_SIZE = 50


def record_outreach(user: User, details: dict[str, Any]) -> OutreachContact:
    """Add an outreach contact to the user's unit; audited (numbers only, never the note)."""
    contact = OutreachContact(
        unit_id=user.unit_id,
        occurred_at=as_utc(details["local_moment"]),
        duration_minutes=details.get("duration"),
        place_kind=details["place_kind"],
        place=(details.get("place") or "").strip(),
        people=int(details.get("people") or 1),
        offered=list(details.get("offered") or []),
        referrals=list(details.get("referrals") or []),
        referred=int(details.get("referred") or 0),
        note=(details.get("note") or "").strip(),
        created_by_id=user.id,
    )
    db.session.add(contact)
    db.session.flush()
    audit.record(
        "outreach.record",
        user_id=user.id,
        contact=contact.id,
        place_kind=contact.place_kind,
        people=contact.people,
    )
    return contact


def unit_contacts(
    unit_id: int, before: int | None = None, limit: int | None = None
) -> tuple[list[OutreachContact], int | None]:
    """A page of the unit's outreach contacts, newest first, older than the contact ``before``;
    and the id to ask for the next page with (None on the last page)."""
    limit = limit or PAGE_SIZE
    query = sa.select(OutreachContact).where(OutreachContact.unit_id == unit_id)
    if before is not None:
        mark = get_contact(unit_id, before)
        if mark is not None:
            query = query.where(
                sa.or_(
                    OutreachContact.occurred_at < mark.occurred_at,
                    sa.and_(
                        OutreachContact.occurred_at == mark.occurred_at,
                        OutreachContact.id < mark.id,
                    ),
                )
            )
    rows = list(
        db.session.scalars(
            query.order_by(OutreachContact.occurred_at.desc(), OutreachContact.id.desc()).limit(
                limit + 1
            )
        )
    )
    return rows[:limit], (rows[limit - 1].id if len(rows) > limit else None)


def get_contact(unit_id: int, contact_id: int) -> OutreachContact | None:
    """A contact of this unit (None for another unit's)."""
    return db.session.scalar(
        sa.select(OutreachContact).where(
            OutreachContact.id == contact_id, OutreachContact.unit_id == unit_id
        )
    )


def case_contacts(case: Case) -> list[OutreachContact]:
    """The outreach contacts tied to the case, the first first."""
    return list(
        db.session.scalars(
            sa.select(OutreachContact)
            .where(OutreachContact.case_id == case.id)
            .order_by(OutreachContact.occurred_at, OutreachContact.id)
        )
    )


def link_to_case(contact: OutreachContact, case: Case, user: User) -> None:
    """Tie the contact to the case (the person has registered); audited on the case."""
    contact.case_id = case.id
    audit.record(
        "outreach.link",
        case_id=case.id,
        person_id=case.person_id,
        user_id=user.id,
        contact=contact.id,
    )


def year_figures(unit_id: int, start: datetime, end: datetime) -> dict[str, int]:
    """Outreach contacts of the unit in [start, end): how many, people reached, referred,
    referrals made (one query)."""
    rows = db.session.execute(
        sa.select(
            OutreachContact.people, OutreachContact.referred, OutreachContact.referrals
        ).where(
            OutreachContact.unit_id == unit_id,
            OutreachContact.occurred_at >= start,
            OutreachContact.occurred_at < end,
        )
    ).all()
    return {
        "contacts": len(rows),
        "people": sum(people for people, _r, _k in rows),
        "referred": sum(referred for _p, referred, _k in rows),
        "referrals": sum(len(kinds or []) for _p, _r, kinds in rows),
    }
