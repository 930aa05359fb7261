"""A signature of an issued document: a scan of the signed paper or a drawing on a tablet."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from service.crypto import EncryptedBytes
from service.db import Base
from service.models._types import UTCDateTime, utcnow
from service.models.user import User


class DocumentSignature(Base):
    """One signing of one document version; a signed version is locked (one signature only)."""

    __tablename__ = "document_signatures"
    #: What the encrypted values are bound to (service/crypto.py).
    __row_identity__ = ("document_id",)
    __table_args__ = (
        sa.CheckConstraint("kind IN ('scan', 'drawn')", name="kind"),
        sa.CheckConstraint(
            "mimetype IN ('application/pdf', 'image/jpeg', 'image/png')", name="mimetype"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The version that was signed; unique, so it can be signed only once.
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), unique=True)
    #: "scan" (uploaded paper) or "drawn" (signed on a tablet).
    kind: Mapped[str] = mapped_column(sa.String(10))
    #: The uploaded scan or the drawn signature image; encrypted at rest.
    content: Mapped[bytes] = deferred(
        mapped_column(EncryptedBytes("document_signatures.content"), nullable=False)
    )
    #: Media type of ``content``, found from its first bytes (never from the upload's name).
    mimetype: Mapped[str] = mapped_column(sa.String(40))
    #: Hex SHA-256 of the bytes that were signed (the version's .docx as issued).
    signed_sha256: Mapped[str] = mapped_column(sa.String(64))
    #: Hex SHA-256 of ``content``.
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    #: For a drawn signature: the new version carrying the signature image.
    signed_document_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("documents.id"), default=None
    )
    #: Who recorded the signature (the staff member at the tablet or uploading the scan).
    signed_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    signed_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<DocumentSignature {self.document_id} {self.kind}>"
