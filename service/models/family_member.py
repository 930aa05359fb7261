"""A member of the person's family on a case (the family is the unit of work: "cała rodzina")."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow

#: The roles in the family, in the order the form offers them (labels: service/cases/family.py).
FAMILY_ROLES = ("partner", "child", "parent", "sibling", "grandparent", "other")


class FamilyMember(Base):
    """One member of the family besides the case's person; names and numbers encrypted."""

    __tablename__ = "family_members"
    __table_args__ = (
        sa.CheckConstraint(
            "family_role IN (" + ", ".join(f"'{k}'" for k in FAMILY_ROLES) + ")",
            name="family_role",
        ),
        sa.CheckConstraint(
            "identity_kind IS NULL OR identity_kind IN "
            "('personnummer', 'samordningsnummer', 'pesel')",
            name="identity_kind",
        ),
        sa.CheckConstraint("version > 0", name="version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (the row-bound encryption binds to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: Encrypted at rest.
    first_name: Mapped[str] = mapped_column(EncryptedText("family_members.first_name"), default="")
    #: Encrypted at rest.
    last_name: Mapped[str] = mapped_column(EncryptedText("family_members.last_name"), default="")
    #: personnummer / samordningsnummer / pesel; None when no number is given.
    identity_kind: Mapped[str | None] = mapped_column(sa.String(20), default=None)
    #: Normalised number (12 digits Swedish, 11 PESEL); encrypted at rest.
    identity_number: Mapped[str | None] = mapped_column(
        EncryptedText("family_members.identity_number"), default=None
    )
    #: Address when it is not the person's; encrypted at rest.
    address: Mapped[str] = mapped_column(EncryptedText("family_members.address"), default="")
    #: One of FAMILY_ROLES.
    family_role: Mapped[str] = mapped_column(sa.String(20))
    #: An adult signs the kontrakt (when a party) and gives their own consent.
    adult: Mapped[bool] = mapped_column(default=True)
    #: The member is a party to the kontrakt socjalny.
    party: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: When the member was taken off the case (kept so older plans still name them).
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: Raised by one on every change by SQLAlchemy's version counter (removal and erasure too):
    #: a save from an edit page that showed an older version is refused as a conflict
    #: (service/record_versions.py).
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    @property
    def full_name(self) -> str:
        """First and last name as printed on documents."""
        return f"{self.first_name} {self.last_name}".strip()

    def __repr__(self) -> str:
        return f"<FamilyMember {self.case_id}/{self.id} {self.family_role}>"
