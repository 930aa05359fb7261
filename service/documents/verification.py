"""Public verification of a printed document: the code in its QR code and printed link.

Every version of a document carries a code derived from its number and version with the
server's verification key (HMAC-SHA256 under ``STEGVIS_VERIFY_KEY``, 96 bits, 16 characters of
base64url): ``<PUBLIC_BASE_URL>/verify/AGR-2026-000042/Xq3…``. Whoever holds the paper (a court,
another authority, the person) can open that address without logging in and see what the
paper is, never whose it is: type, number, version, date issued, unit, status and checksums.
Numbers are sequential and easy to guess; the code is not, and it cannot be made without the
key. An unknown number and a wrong code are refused alike, with the same answer.

``STEGVIS_VERIFY_KEY`` may hold several keys separated by commas: the first makes the codes
of new documents, every one is accepted (so a key can be replaced without breaking the codes
already printed).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from flask import current_app, has_app_context

from service.documents.document_types import DOCUMENT_TYPES
from service.extensions import db
from service.models import Case, ConsentWithdrawal, Document, DocumentSignature

#: Bytes of the HMAC kept in a code (96 bits: 16 base64url characters).
TOKEN_BYTES = 12
#: What a code looks like; anything else is refused before the database is asked.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16}")
#: What a document number may look like (AGR-2026-000042); longer or other text is refused.
NUMBER_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,29}")
#: Bound into every code, so a code of this service means nothing elsewhere.
PURPOSE = b"stegvis-document-verification-v1"


def verification_keys() -> list[bytes]:
    """The keys of ``STEGVIS_VERIFY_KEY``: the first makes codes, every one is accepted."""
    value = str(current_app.config["STEGVIS_VERIFY_KEY"]) if has_app_context() else ""
    keys = [key.strip().encode() for key in value.split(",") if key.strip()]
    if not keys:
        raise RuntimeError("No verification key: create the app first.")
    return keys


def document_token(number: str, version: int, key: bytes | None = None) -> str:
    """The code printed with that version of ``number`` (under ``key``, default the first)."""
    key = key if key is not None else verification_keys()[0]
    message = PURPOSE + b"\x00" + number.encode() + b"\x00" + str(version).encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()[:TOKEN_BYTES]
    return base64.urlsafe_b64encode(digest).decode("ascii")


def token_matches(number: str, version: int, token: str) -> bool:
    """True when ``token`` is the code of that version under any of the keys (constant time)."""
    found = False
    for key in verification_keys():
        expected = document_token(number, version, key).encode()
        found |= hmac.compare_digest(expected, token.encode("utf-8", "replace"))
    return found


def find_by_token(number: str, token: str) -> Document | None:
    """The version of ``number`` whose code is ``token``; None for an unknown number and for a
    wrong code alike (the caller answers both the same way)."""
    well_formed = TOKEN_PATTERN.fullmatch(token) is not None
    versions: list[tuple[int, int]] = []
    if well_formed and NUMBER_PATTERN.fullmatch(number):
        versions = [
            (row.id, row.version)
            for row in db.session.execute(
                sa.select(Document.id, Document.version).where(Document.number == number)
            )
        ]
    found = None
    for document_id, version in versions:
        if token_matches(number, version, token):
            found = document_id
    if not versions:
        token_matches("AGR-0000-000000", 0, token if well_formed else "-" * 16)  # the same work
    return db.session.get(Document, found) if found is not None else None


@dataclass(frozen=True)
class PublicFacts:
    """What the public verification page shows of one version: nothing about the person."""

    document: Document
    #: The type's name (translated when shown), e.g. "Agreement".
    type_label: object
    unit_name: str
    #: "signed", "current" or "superseded".
    status: str
    #: The newest version of the number, and when it was issued.
    newest_version: int
    newest_issued_at: datetime
    #: When this version was signed (or the signature it carries drawn), and how.
    signed_at: datetime | None
    signed_kind: str | None
    #: The day the person withdrew the consent this document records, if they did.
    consent_withdrawn_on: date | None
    #: True once the case's content was erased (data protection); number and hashes remain.
    erased: bool


def public_facts(document: Document) -> PublicFacts:
    """The status of ``document`` among the versions of its number, without personal data."""
    case = db.session.get(Case, document.case_id)
    assert case is not None  # documents belong to a case (foreign key)
    versions = list(
        db.session.execute(
            sa.select(Document.id, Document.version, Document.issued_at)
            .where(Document.number == document.number)
            .order_by(Document.version)
        )
    )
    newest = versions[-1]
    signature = db.session.scalar(
        sa.select(DocumentSignature).where(
            sa.or_(
                DocumentSignature.document_id == document.id,
                DocumentSignature.signed_document_id == document.id,
            )
        )
    )
    carries = signature is not None and (
        signature.kind == "scan" or signature.signed_document_id == document.id
    )
    if carries:
        status = "signed"
    elif newest.version > document.version:
        status = "superseded"
    else:
        status = "current"
    kind = DOCUMENT_TYPES.get(document.doc_type)
    withdrawn_on = None
    if kind is not None and kind.carries_consent:
        withdrawn_on = db.session.scalar(
            sa.select(sa.func.max(ConsentWithdrawal.withdrawn_on)).where(
                ConsentWithdrawal.case_id == case.id
            )
        )
    return PublicFacts(
        document=document,
        type_label=kind.label if kind is not None else document.doc_type,
        unit_name=case.unit.name,
        status=status,
        newest_version=newest.version,
        newest_issued_at=newest.issued_at,
        signed_at=signature.signed_at if carries and signature is not None else None,
        signed_kind=signature.kind if carries and signature is not None else None,
        consent_withdrawn_on=withdrawn_on,
        erased=case.erased_at is not None,
    )
