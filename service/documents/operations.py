"""Issuing documents from finalised answers, and handing out the stored bytes."""

from __future__ import annotations

import hashlib
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from service import audit
from service.cases.operations import latest_submission
from service.documents.context import build_agreement_context, document_language
from service.documents.rendering import render_document
from service.extensions import db
from service.models import Case, Document, User
from service.numbering import next_number

AGREEMENT = "agreement"
PREFIXES = {AGREEMENT: "AGR"}


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


def issue_agreement(case: Case, user: User, today: date | None = None) -> Document:
    """Render the agreement from the stored meetings; a new version under the case's number."""
    blocker = agreement_blocker(case)
    if blocker is not None:
        raise NotReady(str(blocker))
    start = latest_submission(case, "start_meeting")
    second = latest_submission(case, "second_meeting")
    assert start is not None and second is not None  # guaranteed by agreement_blocker
    previous = _latest(case, AGREEMENT)
    number = previous.number if previous else next_number(PREFIXES[AGREEMENT], today)
    version = previous.version + 1 if previous else 1
    language = document_language(case)
    contact = db.session.get(User, second.answers["contact_person_id"])
    context = build_agreement_context(
        case, start.answers, second.answers, number=number, version=version,
        language=language, issued_on=today or date.today(), contact=contact,
    )
    template = f"{AGREEMENT}_{language}"
    content = render_document(template, context)
    document = Document(
        case_id=case.id, doc_type=AGREEMENT, number=number, version=version, language=language,
        sha256=hashlib.sha256(content).hexdigest(), content=content, context=context,
        template=template, issued_by_id=user.id,
    )
    db.session.add(document)
    db.session.flush()
    audit.record(
        "document.issue", case_id=case.id, user_id=user.id, number=number, version=version
    )
    db.session.commit()
    return document


def _latest(case: Case, doc_type: str) -> Document | None:
    return db.session.scalar(
        sa.select(Document)
        .where(Document.case_id == case.id, Document.doc_type == doc_type)
        .order_by(Document.version.desc())
        .limit(1)
    )


def record_download(document: Document) -> None:
    """Audit a download of a document."""
    audit.record(
        "document.download", case_id=document.case_id, number=document.number,
        version=document.version,
    )
    db.session.commit()
