"""An approval of an issued document version (e.g. the IPWzB, approved by the head of centre)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class DocumentApproval(Base):
    """Who approved which version, and when; approving issues a version that prints it.

    The method file says which documents need an approval and who gives it (``roles:
    <document>: approve``). The approved version is no longer a draft ("PROJEKT").
    """

    __tablename__ = "document_approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The version that was read and approved; unique, so it is approved once.
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), unique=True)
    #: The new version that prints the approval (same number, next version).
    approved_document_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("documents.id"), default=None
    )
    #: Who approved it (a manager: kierownik ośrodka, enhetschef).
    approved_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    approved_by: Mapped[User] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<DocumentApproval {self.document_id}>"
