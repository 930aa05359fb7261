"""Issuing documents from finalised answers, and handing out the stored bytes.

Every issue is a new immutable version under the document's number. Once any version of a
number is signed, that number is locked: issuing the document type again starts a new number.
"""

from __future__ import annotations

import hashlib
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from service import audit, integrity
from service.cases.journey import method_of
from service.clock import local_today
from service.documents.context import document_language
from service.documents.document_types import DOCUMENT_TYPES, document_type
from service.documents.rendering import clean_context
from service.documents.stamp import context_hash, render_stamped
from service.extensions import db
from service.models import Case, Document, DocumentSignature, User
from service.numbering import next_number

AGREEMENT = "agreement"


class NotReady(Exception):
    """The document cannot be issued yet; the message says why (translated)."""


class IssueConflict(NotReady):
    """Someone else issued the same version of the document at the same moment."""


#: Two issuers of one document at once make the same number and version; one gets in.
UNIQUE_NUMBER_VERSION = "uq_documents_number_version"


def agreement_blocker(case: Case) -> object | None:
    """Why the agreement cannot be issued yet, or None when it can."""
    return document_blocker(case, AGREEMENT)


def document_blocker(case: Case, doc_type: str) -> object | None:
    """Why ``doc_type`` cannot be issued for the case yet, or None when it can."""
    return document_type(doc_type).blocker(case)


def is_locked(number: str) -> bool:
    """True once a version of ``number`` has been signed."""
    signed = db.session.scalar(
        sa.select(sa.func.count(DocumentSignature.id))
        .join(Document, Document.id == DocumentSignature.document_id)
        .where(Document.number == number)
    )
    return bool(signed)


def issue_document(case: Case, user: User, doc_type: str, today: date | None = None) -> Document:
    """Render ``doc_type`` from the stored answers as a new version (or a new number)."""
    if doc_type not in DOCUMENT_TYPES:
        raise ValueError(f"Unknown document type {doc_type!r}")
    kind = DOCUMENT_TYPES[doc_type]
    blocker = kind.blocker(case)
    if blocker is not None:
        raise NotReady(str(blocker))
    today = today or local_today()
    language = document_language(case)
    previous = latest(case, doc_type)
    number, version = _next_number_and_version(case, doc_type, previous, language, today)
    context = kind.context(case, number=number, version=version, language=language, today=today)
    if (
        previous is not None
        and version > 1
        and kind.new_number is not None
        and kind.new_number(previous.context, context)
    ):  # e.g. another follow-up meeting: its own record
        number, version = next_number(kind.prefix, today), 1
        context = kind.context(case, number=number, version=version, language=language, today=today)
    return store_document(
        case,
        user,
        doc_type,
        number,
        version,
        language,
        context,
        kind.template(method_of(case), language),
    )


def _next_number_and_version(
    case: Case, doc_type: str, previous: Document | None, language: str, today: date
) -> tuple[str, int]:
    if previous is None or is_locked(previous.number):
        return next_number(DOCUMENT_TYPES[doc_type].prefix, today), 1
    return previous.number, previous.version + 1


def store_document(
    case: Case,
    user: User,
    doc_type: str,
    number: str,
    version: int,
    language: str,
    context: dict,
    template: str,
    signature: bytes | None = None,
    *,
    commit: bool = True,
) -> Document:
    """Render, hash and store one version, with its audit event, in one transaction.

    With ``commit=False`` the version is only flushed: the caller adds what belongs with it (a
    drawn signature) and commits once, so nothing is stored unless all of it is.
    """
    context = clean_context(context)
    content = render_stamped(template, context, signature=signature)
    document = Document(
        case_id=case.id,
        doc_type=doc_type,
        number=number,
        version=version,
        language=language,
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        context=context,
        context_sha256=context_hash(context),
        template=template,
        issued_by_id=user.id,
    )
    db.session.add(document)
    audit.record("document.issue", case_id=case.id, user_id=user.id, number=number, version=version)
    try:
        if commit:
            db.session.commit()
        else:
            db.session.flush()
    except IntegrityError as error:
        if not integrity.violates(error, UNIQUE_NUMBER_VERSION):
            raise
        db.session.rollback()
        raise IssueConflict(
            str(
                _l(
                    "Someone else issued this document at the same moment; their version is "
                    "listed on the case page. Issue it again if you need a newer version."
                )
            )
        ) from None
    return document


def issue_agreement(case: Case, user: User, today: date | None = None) -> Document:
    """Render the agreement from the stored meetings; a new version under the case's number."""
    return issue_document(case, user, AGREEMENT, today)


def latest(case: Case, doc_type: str) -> Document | None:
    """The newest version of the case's ``doc_type`` document."""
    return db.session.scalar(
        sa.select(Document)
        .where(Document.case_id == case.id, Document.doc_type == doc_type)
        .order_by(Document.id.desc())
        .limit(1)
    )


def record_download(document: Document, kind: str = "docx") -> None:
    """Audit a download of a document."""
    audit.record(
        "document.download",
        case_id=document.case_id,
        number=document.number,
        version=document.version,
        format=kind,
    )
    db.session.commit()
