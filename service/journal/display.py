"""Journal entries as the pages and the extract show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from service.extensions import db
from service.journal.kinds import kind_label
from service.journal.operations import as_local
from service.models import ContactEntry, User


@dataclass(frozen=True)
class EntryRow:
    """One entry (one version) ready to show."""

    entry_no: int
    version: int
    kind: str
    kind_label: str
    moment: datetime
    duration: int | None
    took_place: bool
    person: bool
    staff: list[str]
    network: list[str]
    sub_goals: list[str]
    note: str
    change_reason: str
    recorded_by: str
    recorded_at: datetime


def staff_names(ids: set[int]) -> dict[int, str]:
    """User id → full name, in one query."""
    if not ids:
        return {}
    return dict(
        db.session.execute(sa.select(User.id, User.full_name).where(User.id.in_(ids))).all()
    )


def entry_rows(entries: list[ContactEntry], sub_goals: dict[str, str]) -> list[EntryRow]:
    """``entries`` as rows; ``sub_goals`` maps the plan's refs to their text."""
    ids = {e.created_by_id for e in entries}
    for e in entries:
        ids.update(int(i) for i in (e.participants or {}).get("staff") or [])
    names = staff_names(ids)
    from service.journal.network import names as network_names

    members = network_names(sorted({e.case_id for e in entries}))
    return [
        EntryRow(
            entry_no=e.entry_no,
            version=e.version,
            kind=e.kind,
            kind_label=kind_label(e.kind),
            moment=as_local(e.occurred_at),
            duration=e.duration_minutes,
            took_place=e.took_place,
            person=bool((e.participants or {}).get("person")),
            staff=[names.get(int(i), "") for i in (e.participants or {}).get("staff") or []],
            network=[members.get(int(i), "") for i in (e.participants or {}).get("network") or []],
            sub_goals=[sub_goals.get(ref, ref) for ref in e.sub_goals or []],
            note=e.note or "",
            change_reason=e.change_reason or "",
            recorded_by=names.get(e.created_by_id, ""),
            recorded_at=e.created_at,
        )
        for e in entries
    ]
