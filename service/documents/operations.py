"""Issuing documents from finalised answers, and handing out the stored bytes.

Every issue is a new immutable version under the document's number. Once any version of a
number is signed, that number is locked: issuing the document type again starts a new number.
"""

from __future__ import annotations

import hashlib
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from service import audit
from service.cases.operations import latest_submission
from service.documents.building import build_context, template_name
from service.documents.context import document_language
from service.documents.rendering import clean_context
from service.documents.required import missing_content
from service.documents.stamp import context_hash, render_stamped
from service.extensions import db
from service.models import Case, Document, DocumentSignature, User
from service.numbering import next_number

AGREEMENT = "agreement"
CONSENT = "consent"
PLAN = "plan"
FOLLOW_UP = "follow_up"
CLOSING = "closing"
#: Document types in the order of the journey, with the prefix of their numbers.
PREFIXES = {AGREEMENT: "AGR", CONSENT: "CON", PLAN: "PLN", FOLLOW_UP: "FUP", CLOSING: "CLS"}
DOCUMENT_TYPES = tuple(PREFIXES)


class NotReady(Exception):
    """The document cannot be issued yet; the message says why (translated)."""


def agreement_blocker(case: Case) -> object | None:
    """Why the agreement cannot be issued yet, or None when it can."""
    if latest_submission(case, "start_meeting") is None:
        return _l("The start meeting has not been filled in yet.")
    second = latest_submission(case, "second_meeting")
    if second is None:
        return _l("The second meeting has not been filled in yet.")
    if second.answers.get("consent_to_share") not in ("yes", "no"):
        return _l("The consent question of the second meeting has not been answered.")
    if second.answers.get("accepts_place") != "yes":
        return _l("The person has not accepted the place.")
    return None


def document_blocker(case: Case, doc_type: str) -> object | None:
    """Why ``doc_type`` cannot be issued for the case yet, or None when it can."""
    blocker = _step_blocker(case, doc_type)
    return blocker if blocker is not None else missing_content(case, doc_type)


def _step_blocker(case: Case, doc_type: str) -> object | None:
    """Which step ``doc_type`` still waits for (or what the answers rule out), or None."""
    if doc_type == AGREEMENT:
        return agreement_blocker(case)
    if doc_type == CONSENT:
        second = latest_submission(case, "second_meeting")
        if second is None:
            return _l("The second meeting has not been filled in yet.")
        if second.answers.get("consent_to_share") != "yes":
            return _l("No consent to share information has been given.")
        return None
    if doc_type == PLAN:
        if latest_submission(case, "assessment") is None:
            return _l("The assessment has not been filled in yet.")
        if latest_submission(case, "plan") is None:
            return _l("The individual plan has not been filled in yet.")
        return None
    if doc_type == FOLLOW_UP and latest_submission(case, "follow_up") is None:
        return _l("No follow-up has been filled in yet.")
    if doc_type == CLOSING and latest_submission(case, "closing") is None:
        return _l("The case has not been closed yet.")
    return None


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
    if doc_type not in PREFIXES:
        raise ValueError(f"Unknown document type {doc_type!r}")
    blocker = document_blocker(case, doc_type)
    if blocker is not None:
        raise NotReady(str(blocker))
    today = today or date.today()
    language = document_language(case)
    previous = latest(case, doc_type)
    number, version = _next_number_and_version(case, doc_type, previous, language, today)
    context = build_context(
        case, doc_type, number=number, version=version, language=language, today=today
    )
    if (
        previous is not None
        and doc_type == FOLLOW_UP
        and version > 1
        and (previous.context["follow_up"]["meeting_date"] != context["follow_up"]["meeting_date"])
    ):  # another meeting: its own record
        number, version = next_number(PREFIXES[doc_type], today), 1
        context = build_context(
            case, doc_type, number=number, version=version, language=language, today=today
        )
    return store_document(
        case,
        user,
        doc_type,
        number,
        version,
        language,
        context,
        template_name(doc_type, language, case.method),
    )


def _next_number_and_version(
    case: Case, doc_type: str, previous: Document | None, language: str, today: date
) -> tuple[str, int]:
    if previous is None or is_locked(previous.number):
        return next_number(PREFIXES[doc_type], today), 1
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
) -> Document:
    """Render, hash and store one version, with its audit event, in one transaction."""
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
    db.session.flush()
    audit.record("document.issue", case_id=case.id, user_id=user.id, number=number, version=version)
    db.session.commit()
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
