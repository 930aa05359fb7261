"""Demo contacts and networks: a few weeks of a journal, a missed visit among them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from service.extensions import db
from service.journal.network import add_member
from service.journal.operations import record_contact
from service.models import Case, User

#: (days ago, hour, kind, minutes, took place, note)
Contact = tuple[int, int, str, int | None, bool, str]


def journal(case: Case, worker: User, today: date, contacts: list[Contact]) -> None:
    """Record ``contacts`` in the case's journal as the worker did, oldest first."""
    for days_ago, hour, kind, minutes, took_place, note in sorted(contacts, reverse=True):
        record_contact(
            case,
            worker,
            {
                "kind": kind,
                "local_moment": datetime.combine(today - timedelta(days=days_ago), time(hour, 0)),
                "duration": minutes,
                "took_place": took_place,
                "person_took_part": took_place,
                "staff": [worker.id],
                "note": note,
            },
        )
    db.session.commit()


def network(case: Case, worker: User, members: list[dict[str, object]]) -> None:
    """Add the case's network."""
    for member in members:
        add_member(case, worker, member)
    db.session.commit()
