"""An outreach contact (streetwork): people met where they are, before anyone is registered.

Anonymous by design: no name and no identity number, only where (a coarse kind of place, never
the address of a person), when, how many people, what was offered and the referrals made. One
contact can later be tied to the case of a person who registered (``case_id``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import JSONType, UTCDateTime, utcnow

#: The kinds of place, in the order the form offers them (labels: service/outreach/choices.py).
PLACE_KINDS = (
    "station",
    "allotments",
    "street",
    "park",
    "empty_building",
    "camp",
    "shop",
    "other",
)
#: What was offered (labels: service/outreach/choices.py).
OFFERS = (
    "conversation",
    "hot_meal",
    "clothes",
    "hygiene",
    "first_aid",
    "information",
    "shelter_place",
    "transport",
)
#: Where people were referred (labels: service/outreach/choices.py).
REFERRALS = (
    "shelter",
    "night_shelter",
    "social_worker",
    "health_care",
    "addiction",
    "soup_kitchen",
    "ngo",
    "other",
)


class OutreachContact(Base):
    """One outreach round at one place: how many people, what they were offered, referrals."""

    __tablename__ = "outreach_contacts"
    __table_args__ = (
        sa.CheckConstraint(
            "place_kind IN (" + ", ".join(f"'{k}'" for k in PLACE_KINDS) + ")", name="place_kind"
        ),
        sa.CheckConstraint("people > 0 AND people <= 500", name="people"),
        sa.CheckConstraint("referred >= 0 AND referred <= people", name="referred"),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR (duration_minutes >= 0 AND duration_minutes <= 1440)",
            name="duration",
        ),
        sa.Index("ix_outreach_contacts_unit_occurred", "unit_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (the row-bound encryption binds to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    #: The unit whose streetworker made the contact; only its staff see it.
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    #: When the contact was, in UTC.
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: How long it took, in minutes; None when not given.
    duration_minutes: Mapped[int | None] = mapped_column(default=None)
    #: One of PLACE_KINDS.
    place_kind: Mapped[str] = mapped_column(sa.String(30))
    #: The place in a few words ("the waiting room of the PKP station"), never a person's
    #: address; encrypted at rest.
    place: Mapped[str] = mapped_column(EncryptedText("outreach_contacts.place"), default="")
    #: How many people were reached.
    people: Mapped[int] = mapped_column(default=1)
    #: Keys of OFFERS: what was offered.
    offered: Mapped[list[str]] = mapped_column(JSONType, default=list)
    #: Keys of REFERRALS: where people were referred.
    referrals: Mapped[list[str]] = mapped_column(JSONType, default=list)
    #: How many of the people were referred somewhere.
    referred: Mapped[int] = mapped_column(default=0)
    #: A short note, with no name or identity number; encrypted at rest.
    note: Mapped[str] = mapped_column(EncryptedText("outreach_contacts.note"), default="")
    #: The case of the person this contact was with, once they registered; None while anonymous.
    case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id"), index=True, default=None)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<OutreachContact {self.unit_id}/{self.id}>"
