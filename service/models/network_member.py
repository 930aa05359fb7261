"""A person or body outside the service around one case: relative, health care, kurator, …"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow

#: The kinds of network member, in the order the form offers them (labels: journal/network.py).
NETWORK_KINDS = (
    "relative",
    "habilitation",
    "health_care",
    "probation_officer",
    "school",
    "court",
    "ngo",
    "landlord",
    "social_services",
    "labour_office",
    "other",
)


class NetworkMember(Base):
    """One member of the case's network, with their role and contact details (encrypted)."""

    __tablename__ = "network_members"
    __table_args__ = (
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in NETWORK_KINDS) + ")", name="kind"
        ),
        sa.CheckConstraint("version > 0", name="version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (the row-bound encryption binds to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: One of NETWORK_KINDS.
    kind: Mapped[str] = mapped_column(sa.String(30))
    #: The person's or body's name; encrypted at rest.
    name: Mapped[str] = mapped_column(EncryptedText("network_members.name"), default="")
    #: Their role for the person (e.g. "mother", "kurator sądowy"); encrypted at rest.
    role: Mapped[str] = mapped_column(EncryptedText("network_members.role"), default="")
    #: Phone, e-mail, address as given; encrypted at rest.
    contact_details: Mapped[str] = mapped_column(
        EncryptedText("network_members.contact_details"), default=""
    )
    #: The person agreed that this member may be contacted (within the consent to share).
    may_contact: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: When the member was taken off the network (kept for the journal's history).
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: Raised by one on every change by SQLAlchemy's version counter (removal and erasure too):
    #: a save from an edit page that showed an older version is refused as a conflict
    #: (service/record_versions.py).
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<NetworkMember {self.case_id}/{self.id} {self.kind}>"
