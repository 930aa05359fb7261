"""An issued Word document: immutable bytes with number, version and hash."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from service.crypto import EncryptedBytes, EncryptedJSON
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class Document(Base):
    """A document as issued; re-issuing adds a new version under the same number."""

    __tablename__ = "documents"
    #: What the encrypted values are bound to (service/crypto.py).
    __row_identity__ = ("number", "version")
    __table_args__ = (
        sa.UniqueConstraint("number", "version", name="uq_documents_number_version"),
        sa.CheckConstraint("version > 0", name="version"),
        sa.CheckConstraint("language IN ('sv', 'pl', 'en')", name="language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    #: Document type key, e.g. "agreement".
    doc_type: Mapped[str] = mapped_column(sa.String(30))
    #: Printed number, e.g. AGR-2026-000042; shared by all versions.
    number: Mapped[str] = mapped_column(sa.String(30), index=True)
    version: Mapped[int] = mapped_column(default=1)
    language: Mapped[str] = mapped_column(sa.String(5))
    #: Hex SHA-256 of ``content``.
    sha256: Mapped[str] = mapped_column(sa.String(64))
    #: The .docx bytes exactly as issued (loaded only when asked for); encrypted at rest.
    content: Mapped[bytes] = deferred(
        mapped_column(EncryptedBytes("documents.content"), nullable=False)
    )
    #: The plain dict the document was rendered from; encrypted at rest.
    context: Mapped[dict[str, Any]] = deferred(
        mapped_column(EncryptedJSON("documents.context"), nullable=False)
    )
    #: Hex SHA-256 of the context's canonical JSON; its first 12 digits are printed on each page.
    context_sha256: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    #: Template the document was rendered with (e.g. agreement_pl).
    template: Mapped[str] = mapped_column(sa.String(60))
    issued_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    issued_by: Mapped[User] = relationship()

    @property
    def filename(self) -> str:
        """Download name: number and version only, never the person's name."""
        return f"{self.number}-v{self.version}.docx"

    def __repr__(self) -> str:
        return f"<Document {self.number} v{self.version}>"


class DocumentSequence(Base):
    """The last number handed out per prefix and year (AGR-2026-…)."""

    __tablename__ = "document_sequences"

    prefix: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_value: Mapped[int] = mapped_column(default=0)
