"""Recording and correcting contacts: the writes and their audit events (the view commits).

An entry is never changed in place: a correction adds a version with who and why. The
journal shows the newest version of every entry; its history shows them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from service import audit
from service.clock import local_zone
from service.extensions import db
from service.models import Case, ContactEntry, User


class ConflictingCorrection(RuntimeError):
    """Someone corrected the entry after this correction was started."""


def as_utc(local: datetime) -> datetime:
    """A naive local moment (as typed) as an aware UTC one."""
    return local.replace(tzinfo=local_zone()).astimezone(ZoneInfo("UTC"))


def as_local(moment: datetime) -> datetime:
    """A stored moment in the service's timezone."""
    return moment.astimezone(local_zone())


def _newest_versions(case_ids: list[int] | None = None) -> Any:
    """Subquery: (case_id, entry_no, newest version) of every entry (of the cases ``case_ids``:
    grouped over their rows only, not the whole journal)."""
    query = sa.select(
        ContactEntry.case_id,
        ContactEntry.entry_no,
        sa.func.max(ContactEntry.version).label("version"),
    )
    if case_ids is not None:
        query = query.where(ContactEntry.case_id.in_(case_ids))
    return query.group_by(ContactEntry.case_id, ContactEntry.entry_no).subquery()


def current_entries_query(case_ids: Iterable[int] | None = None) -> sa.Select[ContactEntry]:
    """The newest version of every entry (of the cases ``case_ids``), newest contact first."""
    ids = list(case_ids) if case_ids is not None else None
    newest = _newest_versions(ids)
    query = sa.select(ContactEntry).join(
        newest,
        sa.and_(
            ContactEntry.case_id == newest.c.case_id,
            ContactEntry.entry_no == newest.c.entry_no,
            ContactEntry.version == newest.c.version,
        ),
    )
    if ids is not None:
        query = query.where(ContactEntry.case_id.in_(ids))
    return query.order_by(ContactEntry.occurred_at.desc(), ContactEntry.entry_no.desc())


def entries(case: Case) -> list[ContactEntry]:
    """The case's journal: the newest version of every entry, newest contact first."""
    return list(db.session.scalars(current_entries_query([case.id])))


def entries_between(case: Case, start: datetime, end: datetime) -> list[ContactEntry]:
    """The newest version of the entries whose contact was in [start, end), oldest first."""
    rows = db.session.scalars(
        current_entries_query([case.id]).where(
            ContactEntry.occurred_at >= start, ContactEntry.occurred_at < end
        )
    )
    return sorted(rows, key=lambda e: (e.occurred_at, e.entry_no))


def history(case: Case, entry_no: int) -> list[ContactEntry]:
    """Every version of one entry, the first first (empty for an unknown entry)."""
    return list(
        db.session.scalars(
            sa.select(ContactEntry)
            .where(ContactEntry.case_id == case.id, ContactEntry.entry_no == entry_no)
            .order_by(ContactEntry.version)
        )
    )


def last_contacts(case_ids: Iterable[int]) -> dict[int, datetime]:
    """Case id → the moment of its latest contact that took place (one query for all)."""
    ids = list(case_ids)
    if not ids:
        return {}
    newest = _newest_versions(ids)
    rows = db.session.execute(
        sa.select(ContactEntry.case_id, sa.func.max(ContactEntry.occurred_at))
        .join(
            newest,
            sa.and_(
                ContactEntry.case_id == newest.c.case_id,
                ContactEntry.entry_no == newest.c.entry_no,
                ContactEntry.version == newest.c.version,
            ),
        )
        .where(ContactEntry.case_id.in_(ids), ContactEntry.took_place.is_(True))
        .group_by(ContactEntry.case_id)
    )
    return {case_id: moment for case_id, moment in rows}


def _fields(details: dict[str, Any]) -> dict[str, Any]:
    """The columns of an entry from the form's details."""
    return {
        "kind": details["kind"],
        "occurred_at": as_utc(details["local_moment"]),
        "duration_minutes": details.get("duration"),
        "took_place": bool(details.get("took_place", True)),
        "participants": {
            "person": bool(details.get("person_took_part")),
            "staff": sorted({int(i) for i in details.get("staff") or []}),
            "network": sorted({int(i) for i in details.get("network") or []}),
        },
        "sub_goals": list(details.get("sub_goals") or []),
        "note": (details.get("note") or "").strip(),
    }


def record_contact(case: Case, user: User, details: dict[str, Any]) -> ContactEntry:
    """Add a new entry (version 1) with the next number of the case; audited."""
    for _attempt in range(3):
        number = (
            db.session.scalar(
                sa.select(sa.func.max(ContactEntry.entry_no)).where(ContactEntry.case_id == case.id)
            )
            or 0
        ) + 1
        entry = ContactEntry(
            case_id=case.id, entry_no=number, version=1, created_by_id=user.id, **_fields(details)
        )
        try:
            with db.session.begin_nested():
                db.session.add(entry)
        except IntegrityError:  # someone took the number at the same moment: take the next
            continue
        audit.record(
            "contact.record",
            case_id=case.id,
            user_id=user.id,
            entry=number,
            kind=entry.kind,
            took_place="yes" if entry.took_place else "no",
        )
        return entry
    raise ConflictingCorrection("no free entry number")


def correct_contact(
    case: Case, user: User, entry_no: int, based_on: int, reason: str, details: dict[str, Any]
) -> ContactEntry:
    """Add a version of the entry with ``reason``; ``based_on`` is the version the correction
    started from: a newer one meanwhile raises :class:`ConflictingCorrection`."""
    versions = history(case, entry_no)
    if not versions:
        raise LookupError(entry_no)
    if versions[-1].version != based_on:
        raise ConflictingCorrection(f"entry {entry_no}")
    entry = ContactEntry(
        case_id=case.id,
        entry_no=entry_no,
        version=based_on + 1,
        created_by_id=user.id,
        change_reason=reason.strip(),
        **_fields(details),
    )
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError as error:  # the same version written by someone else just now
        raise ConflictingCorrection(f"entry {entry_no}") from error
    audit.record(
        "contact.correct", case_id=case.id, user_id=user.id, entry=entry_no, version=entry.version
    )
    return entry
