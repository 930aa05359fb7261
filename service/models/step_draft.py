"""The working copy of a step: everything typed so far, saved on every submit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.crypto import EncryptedJSON
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User

#: Refuses a second draft of one step: two people saving the first draft at once.
UNIQUE_DRAFT = "uq_step_drafts_case_step_instance"


class StepDraft(Base):
    """One draft per case, step and instance; ``revision`` detects two people saving at once."""

    __tablename__ = "step_drafts"
    #: What the encrypted values are bound to (service/crypto.py).
    __row_identity__ = ("case_id", "step", "instance")
    __table_args__ = (
        sa.UniqueConstraint("case_id", "step", "instance", name=UNIQUE_DRAFT),
        sa.CheckConstraint("revision > 0", name="revision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    step: Mapped[str] = mapped_column(sa.String(50))
    #: 1 for single steps; 1, 2, … for repeatable steps such as follow-ups.
    instance: Mapped[int] = mapped_column(default=1)
    #: The form exactly as posted (field name → list of values), invalid input included;
    #: encrypted at rest (migration 0004 converts the column).
    formdata: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("step_drafts.formdata"))
    #: Raised by one on every save by SQLAlchemy's version counter: every UPDATE and DELETE says
    #: ``WHERE revision = <the one read>``, so a save over someone else's newer one matches no
    #: row and fails (StaleDataError) instead of overwriting it.
    revision: Mapped[int] = mapped_column(default=1)
    updated_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    updated_by: Mapped[User] = relationship()

    __mapper_args__ = {"version_id_col": revision}

    def __repr__(self) -> str:
        return f"<StepDraft {self.case_id}/{self.step}#{self.instance} r{self.revision}>"
