"""A withdrawal of the consent to share information: when, and who recorded it."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class ConsentWithdrawal(Base):
    """The person withdrew their consent to share information in this case (GDPR art. 7(3))."""

    __tablename__ = "consent_withdrawals"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: The day the person withdrew their consent.
    withdrawn_on: Mapped[date] = mapped_column()
    #: Who recorded the withdrawal.
    recorded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ConsentWithdrawal {self.case_id} {self.withdrawn_on}>"
