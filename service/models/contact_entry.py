"""One version of a journal entry: a contact with the person between the meetings."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import JSONType, UTCDateTime, utcnow
from service.models.user import User

#: The kinds of contact, in the order the form offers them (labels: service/journal/kinds.py).
CONTACT_KINDS = (
    "sms",
    "phone",
    "home_visit",
    "video",
    "centre_visit",
    "accompanying",
    "office",
    "outreach",
)

#: Refuses a second row of the same version: two people correcting an entry at once.
UNIQUE_ENTRY_VERSION = "uq_contact_entries_case_entry_version"


class ContactEntry(Base):
    """A contact (SMS, call, home visit, …) as recorded, one row per version.

    An entry is corrected by a new version (``version`` + 1, with who and why), never by
    changing a row: the journal keeps everything that was ever written and by whom.
    """

    __tablename__ = "contact_entries"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "entry_no", "version", name=UNIQUE_ENTRY_VERSION),
        sa.CheckConstraint("version > 0", name="version"),
        sa.CheckConstraint("entry_no > 0", name="entry_no"),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in CONTACT_KINDS) + ")", name="kind"
        ),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR (duration_minutes >= 0 AND duration_minutes <= 1440)",
            name="duration",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (the row-bound encryption binds to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: 1, 2, … per case: the entry's number, the same in all its versions.
    entry_no: Mapped[int] = mapped_column()
    #: 1 for the entry as first recorded; every correction adds one.
    version: Mapped[int] = mapped_column(default=1)
    #: One of CONTACT_KINDS.
    kind: Mapped[str] = mapped_column(sa.String(30))
    #: When the contact was (or was to be), in UTC.
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: How long it took, in minutes; None when not given.
    duration_minutes: Mapped[int | None] = mapped_column(default=None)
    #: False when the person did not come (or did not answer): a missed contact.
    took_place: Mapped[bool] = mapped_column(default=True)
    #: Who took part: {"person": bool, "staff": [user ids], "network": [network member ids]}.
    participants: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    #: Refs ("goal.sub", as in the plan) of the sub-goals the contact served.
    sub_goals: Mapped[list[str]] = mapped_column(JSONType, default=list)
    #: A short note of what happened; encrypted at rest.
    note: Mapped[str] = mapped_column(EncryptedText("contact_entries.note"), default="")
    #: Why this version corrects the one before ("" for the first version); encrypted at rest.
    change_reason: Mapped[str] = mapped_column(
        EncryptedText("contact_entries.change_reason"), default=""
    )
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ContactEntry {self.case_id}#{self.entry_no} v{self.version}>"
