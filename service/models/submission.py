"""The answers of one step of a case, stored as JSON, one row per saved version."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.crypto import EncryptedJSON
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class SubmissionStatus(enum.StrEnum):
    """Every stored version is final (documents are made from it); working copies are
    :class:`~service.models.step_draft.StepDraft` rows."""

    FINAL = "final"


#: Refuses a second row of the same version: two people finalising a step at once.
UNIQUE_VERSION = "uq_submissions_case_step_instance_version"


class Submission(Base):
    """One version of the answers to one step (start meeting, second meeting, …)."""

    __tablename__ = "submissions"
    #: What the encrypted values are bound to (service/crypto.py).
    __row_identity__ = ("case_id", "step", "instance", "version")
    __table_args__ = (
        sa.UniqueConstraint(
            "case_id",
            "step",
            "instance",
            "version",
            name=UNIQUE_VERSION,
        ),
        # 'draft' is no longer written (drafts are StepDraft rows); the check keeps the value set
        # of migration 0001 so that existing databases need no change.
        sa.CheckConstraint("status IN ('draft', 'final')", name="status"),
        sa.CheckConstraint("version > 0", name="version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: Step key, e.g. "start_meeting", "second_meeting".
    step: Mapped[str] = mapped_column(sa.String(50))
    #: 1 for single steps; 1, 2, … for repeatable steps such as follow-ups.
    instance: Mapped[int] = mapped_column(default=1, server_default="1")
    #: The validated answers, JSON-safe (dates as ISO strings); encrypted at rest.
    answers: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("submissions.answers"))
    status: Mapped[str] = mapped_column(sa.String(10), default=SubmissionStatus.FINAL.value)
    #: 1, 2, … per case and step; a new save never overwrites an old one.
    version: Mapped[int] = mapped_column(default=1)
    #: Version (short hash) of the method file the answers were given to.
    form_version: Mapped[str] = mapped_column(sa.String(40), default="1")
    #: Why a finalised step was changed (empty for the first version).
    change_reason: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Submission {self.case_id}/{self.step} v{self.version}>"
