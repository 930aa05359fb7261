"""A withdrawal of the consent to share information: when, who recorded it, and for whom."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.network_member import NETWORK_KINDS
from service.models.user import User


class ConsentWithdrawal(Base):
    """The person withdrew their consent to share information (GDPR art. 7(3)).

    Without a recipient the whole consent is withdrawn; with one (its kind and name as the
    second meeting named it), only the consent for that recipient: the others keep theirs.
    """

    __tablename__ = "consent_withdrawals"
    __table_args__ = (
        sa.CheckConstraint(
            "recipient_kind IS NULL OR recipient_kind IN ("
            + ", ".join(f"'{k}'" for k in NETWORK_KINDS)
            + ")",
            name="recipient_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Row identity the encrypted recipient name is bound to.
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: The day the person withdrew their consent.
    withdrawn_on: Mapped[date] = mapped_column()
    #: The kind of recipient the withdrawal is for (a network kind); None: the whole consent.
    recipient_kind: Mapped[str | None] = mapped_column(sa.String(30), default=None)
    #: The recipient's name as the second meeting named it; encrypted (None: whole consent).
    recipient_name: Mapped[str | None] = mapped_column(
        EncryptedText("consent_withdrawals.recipient_name"), default=None
    )
    #: Who recorded the withdrawal.
    recorded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    #: When the withdrawal was recorded.
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ConsentWithdrawal {self.case_id} {self.withdrawn_on}>"
