"""Saving a record two people may have open at once: a person, a network or a family member.

Each of these rows carries a version, SQLAlchemy's version counter (``version_id_col``): every
UPDATE says ``WHERE version = <the one read>`` and raises it by one. The edit page sends back the
version it was filled from (forms/record_version.py). A save from a page older than the stored
row, or one that loses the race between reading the row and writing it (StaleDataError), writes
nothing and becomes a :class:`RecordConflict`: the view shows the page again with what is saved
now above the form that still holds what this editor typed. Saving again then replaces it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import flash, redirect
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from service.extensions import db
from service.models import AuditEvent, User
from service.template_helpers import answer_lines

#: How the audit log names a change of each kind of record: the actions, and where the row's id
#: stands ("person_id" is a column of the event; "member" a key of its details).
_CHANGES: dict[str, tuple[tuple[str, ...], str]] = {
    "persons": (("person.create", "person.update", "person.erase"), "person_id"),
    "network_members": (("network.add", "network.update", "network.remove"), "member"),
    "family_members": (("family.add", "family.update", "family.remove"), "member"),
}
#: A removal that lost the race against a save of the same member (network or family).
CHANGED_BEFORE_REMOVAL = _l(
    "Someone else changed this member just now, so nothing was removed. Look at the details, "
    "then remove the member again if you still want to."
)
#: A change refused because the case's content is erased (retention or a person's erasure).
CASE_ERASED = _l(
    "The case's data is erased under the data protection rules: nothing can be added or changed."
)
#: The case's newest events of a member's kind looked through for the member's last change.
_LOOK_BACK = 200


class RecordConflict(Exception):
    """The record changed after the editor's page was filled; ``record`` is what is stored now."""

    def __init__(self, record: Any) -> None:
        super().__init__("record changed meanwhile")
        self.record = record


def refused_when_erased(case: Any, back: str) -> Response | None:
    """A redirect to ``back`` with the reason when ``case`` is erased (it takes no new personal
    data: a member added after erasure would outlive the retention rule); None otherwise."""
    if case.erased_at is None:
        return None
    flash(str(CASE_ERASED), "warning")
    return redirect(back)


@contextmanager
def committing(record: Any) -> Iterator[None]:
    """Commit what the block writes to ``record``; a concurrent change of the row between
    reading and writing rolls everything back and becomes a :class:`RecordConflict`.

    For changes that do not come from an edit page of the record (removal, erasure).
    """
    try:
        yield
        db.session.commit()
    except StaleDataError:
        db.session.rollback()  # ``record`` is read again on its next use: the stored row
        raise RecordConflict(record) from None


@contextmanager
def saving(record: Any, seen: int | None) -> Iterator[None]:
    """Commit an edit made on a page that showed version ``seen`` of ``record``.

    A page that showed another version (or none that can be read: a missing or tampered field)
    writes nothing: :class:`RecordConflict` before the block runs.
    """
    if seen is None or seen != record.version:
        raise RecordConflict(record)
    with committing(record):
        yield


def last_change(record: Any) -> tuple[User | None, datetime | None]:
    """Who changed the record last and when, from the audit log; (None, None) if it does not say."""
    actions, key = _CHANGES[record.__tablename__]
    query = sa.select(AuditEvent).where(AuditEvent.action.in_(actions))
    if key == "person_id":
        events = db.session.scalars(
            query.where(AuditEvent.person_id == record.id).order_by(AuditEvent.id.desc()).limit(1)
        )
    else:
        events = db.session.scalars(
            query.where(AuditEvent.case_id == record.case_id)
            .order_by(AuditEvent.id.desc())
            .limit(_LOOK_BACK)
        )
    event = next((e for e in events if key == "person_id" or e.details.get(key) == record.id), None)
    if event is None:
        return None, None
    return (db.session.get(User, event.user_id) if event.user_id else None), event.at


def conflict_view(conflict: RecordConflict, stored: Any, typed: Any) -> dict[str, Any]:
    """What the page's conflict box shows (templates/_record_conflict.html): who saved and
    when, and every field of ``stored`` (the form filled from the stored record) with its value,
    "–" for an empty one (a cleared field is a change too).

    ``typed``, the posted form shown again, now carries the stored version: saving it again
    replaces what is stored now (the person saw it on this page).
    """
    typed.show_version(conflict.record)
    who, when = last_change(conflict.record)
    shown = dict(answer_lines(stored))
    lines = [
        (field.label.text, shown.get(field.label.text, "–"))
        for field in stored
        if field.type not in ("CSRFTokenField", "HiddenField")
    ]
    return {"who": who, "when": when, "lines": lines}
