"""An amendment (aneks) of a case's kontrakt socjalny: what was changed, agreed on which day."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.crypto import EncryptedText
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class ContractAmendment(Base):
    """A change of the agreement both parties agreed to (aneks do kontraktu socjalnego).

    The kontrakt may be changed with the consent of both parties; each change is dated, printed
    in the kontrakt's history with a signature line for the parties, and never edited afterwards.
    """

    __tablename__ = "contract_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (the encryption of ``text`` binds to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid.uuid4()))
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: The day both parties agreed to the change.
    agreed_on: Mapped[date] = mapped_column()
    #: What was changed, as the parties wrote it; encrypted at rest.
    text: Mapped[str] = mapped_column(EncryptedText("contract_amendments.text"))
    #: Who recorded it, and when.
    recorded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ContractAmendment {self.case_id} {self.agreed_on}>"
