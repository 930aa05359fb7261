"""Signing an issued document: a scan of the signed paper, or a signature drawn on a tablet.

Scans are recognised by their first bytes (PDF, JPEG, PNG), never by name or declared type. A
drawn signature goes into a new version of the document, rendered from the same stored context
with the picture in the person's signature line. Either way the signed version is locked.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

import sqlalchemy as sa
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.image.image import Image
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from service import audit
from service.documents.operations import IssueConflict, is_locked, store_document
from service.documents.stamp import verify_url
from service.extensions import db
from service.models import Case, Document, DocumentSignature, User

#: Largest scan accepted, in bytes.
MAX_SCAN_BYTES = 10 * 1024 * 1024
#: Largest drawn signature accepted (a PNG from the canvas), in bytes.
MAX_DRAWING_BYTES = 1024 * 1024
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class SigningError(Exception):
    """The signature cannot be recorded; the message says why (translated)."""


def sniff_mimetype(data: bytes) -> str | None:
    """The media type of a scan from its first bytes, or None when it is not PDF/JPEG/PNG."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def check_scan(data: bytes) -> str:
    """The scan's media type; raises :class:`SigningError` when too large or of another type."""
    if len(data) > MAX_SCAN_BYTES:
        raise SigningError(
            str(_l("The file is larger than %(mb)d MB.", mb=MAX_SCAN_BYTES // (1024 * 1024)))
        )
    if not data:
        raise SigningError(str(_l("The file is empty.")))
    mimetype = sniff_mimetype(data)
    if mimetype is None:
        raise SigningError(str(_l("Only PDF, JPEG or PNG scans can be uploaded.")))
    return mimetype


def _check_unlocked(document: Document) -> None:
    """Refuse a second signing, and signing a document whose content was erased."""
    if not document.content:
        raise SigningError(str(_l("The content of this document has been erased.")))
    if is_locked(document.number):
        raise SigningError(
            str(_l("Document %(number)s is already signed and locked.", number=document.number))
        )


def sign_with_scan(document: Document, user: User, data: bytes) -> DocumentSignature:
    """Record the uploaded scan of the signed paper against ``document``."""
    mimetype = check_scan(data)
    _check_unlocked(document)
    return _record_signature(document, user, "scan", data, mimetype, version=document.version)


def decode_drawing(data_url: str) -> bytes:
    """The PNG bytes of a canvas ``data:image/png;base64,…`` URL; raises :class:`SigningError`."""
    prefix = "data:image/png;base64,"
    if not data_url.startswith(prefix):
        raise SigningError(str(_l("Draw the signature in the box first.")))
    try:
        data = base64.b64decode(data_url[len(prefix) :], validate=True)
    except (binascii.Error, ValueError) as error:
        raise SigningError(str(_l("Draw the signature in the box first."))) from error
    if len(data) > MAX_DRAWING_BYTES or sniff_mimetype(data) != "image/png":
        raise SigningError(str(_l("Draw the signature in the box first.")))
    try:
        Image.from_blob(data)
    except (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
        ValueError,
        IndexError,
    ) as error:
        raise SigningError(str(_l("Draw the signature in the box first."))) from error
    return data


def sign_with_drawing(document: Document, user: User, drawing: bytes) -> DocumentSignature:
    """Put the drawn signature into a new version of the document and lock the number."""
    _check_unlocked(document)
    newest = db.session.scalar(
        sa.select(sa.func.max(Document.version)).where(Document.number == document.number)
    )
    version = (newest or 0) + 1
    context = dict(document.context)
    context["document"] = {
        **context["document"],
        "version": version,
        "verify_url": verify_url(document.number, version),  # the new version's own code
    }
    case = db.session.get(Case, document.case_id)
    assert case is not None  # documents belong to a case (foreign key)
    try:
        signed = store_document(
            case,
            user,
            document.doc_type,
            document.number,
            context["document"]["version"],
            document.language,
            context,
            document.template,
            signature=drawing,
            commit=False,  # committed with the signature below: one transaction
        )
    except IssueConflict:
        raise SigningError(
            str(
                _l(
                    "Someone else made a new version of this document at the same moment. "
                    "Sign it again."
                )
            )
        ) from None
    return _record_signature(
        document,
        user,
        "drawn",
        drawing,
        "image/png",
        version=signed.version,
        signed_document_id=signed.id,
    )


def _record_signature(
    document: Document,
    user: User,
    kind: str,
    content: bytes,
    mimetype: str,
    *,
    version: int,
    signed_document_id: int | None = None,
) -> DocumentSignature:
    """Keep who signed, when, what (the hash of the signed version) and how; audited.

    One commit stores the signature, its audit event and (for a drawing) the new version that
    carries it: a failure before it leaves nothing, never a signed version that is not locked.
    """
    signature = DocumentSignature(
        document_id=document.id,
        kind=kind,
        content=content,
        mimetype=mimetype,
        signed_sha256=document.sha256,
        content_sha256=hashlib.sha256(content).hexdigest(),
        signed_document_id=signed_document_id,
        signed_by_id=user.id,
    )
    db.session.add(signature)
    audit.record(
        "document.sign",
        case_id=document.case_id,
        user_id=user.id,
        number=document.number,
        version=version,
        kind=kind,
    )
    try:
        db.session.commit()
    except IntegrityError:  # someone signed the same version at the same moment
        db.session.rollback()
        raise SigningError(
            str(_l("Document %(number)s is already signed and locked.", number=document.number))
        ) from None
    return signature
