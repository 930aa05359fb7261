"""The PDF of one document version, converted once and kept (derived data: never exported)."""

from __future__ import annotations

from datetime import datetime
from uuid import uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column

from service.crypto import EncryptedBytes
from service.db import Base
from service.models._types import UTCDateTime, utcnow


class DocumentPdf(Base):
    """A cached PDF of an issued version. Versions are immutable, so it is never stale; it is
    deleted with the case's content (erasure, retention) and made again on the next print."""

    __tablename__ = "document_pdfs"
    __table_args__ = (
        sa.UniqueConstraint("document_id", "converter", name="uq_document_pdfs_document_converter"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable random identity of the row (row-bound encryption binds the ciphertext to it).
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True, default=lambda: str(uuid4()))
    #: The version converted (one document row is one version of a number).
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    #: Hex SHA-256 of the .docx bytes that were converted (the version's ``sha256``).
    docx_sha256: Mapped[str] = mapped_column(sa.String(64))
    #: What converted it and how (``CONVERTER`` in service/documents/pdf_cache.py); a change of
    #: the export settings bumps it, and the PDF is made again.
    converter: Mapped[str] = mapped_column(sa.String(40))
    #: The PDF bytes; encrypted at rest like the document itself.
    content: Mapped[bytes] = deferred(
        mapped_column(EncryptedBytes("document_pdfs.content"), nullable=False)
    )
    #: Hex SHA-256 of the PDF bytes.
    sha256: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<DocumentPdf {self.document_id} {self.converter}>"
