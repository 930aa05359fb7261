"""A caseworker's note that a document version has been filed in the case file."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class DocumentFiling(Base):
    """Filed status of one document version: who filed it and when."""

    __tablename__ = "document_filings"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The filed version; filed once.
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), unique=True)
    #: Who filed it.
    filed_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    #: When it was filed.
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    filed_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<DocumentFiling {self.document_id}>"
