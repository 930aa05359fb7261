"""Approving an issued document: the head of unit reads a version and approves it.

The method file says which documents need an approval and whose (``roles: <document>:
approve``; the IPWzB is approved by the kierownik ośrodka, art. 49 ust. 2 u.p.s.). Until then the
document prints as a draft ("PROJEKT"). Approving issues the next version under the same
number, rendered from the same stored context with who approved it and when, and records the
approval with its audit event in the same transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from service import audit
from service.clock import local_today
from service.documents.context import format_day
from service.documents.operations import IssueConflict, store_document
from service.extensions import db
from service.models import Case, Document, DocumentApproval, DocumentSignature, User


class ApprovalError(Exception):
    """The version cannot be approved; the message says why (translated)."""


def needs_approval(context: dict[str, Any]) -> bool:
    """True when the issued version is a draft waiting for its approval."""
    approval = context.get("approval") or {}
    return bool(approval.get("needed")) and not approval.get("by")


def approvals_by_document(documents: list[Document]) -> dict[int, DocumentApproval]:
    """The approval printed by each version (keyed by the approved version's id) and the
    approval of each version that was read and approved (keyed by its own id)."""
    ids = [d.id for d in documents]
    if not ids:
        return {}
    rows = db.session.scalars(
        sa.select(DocumentApproval).where(
            sa.or_(
                DocumentApproval.document_id.in_(ids),
                DocumentApproval.approved_document_id.in_(ids),
            )
        )
    ).all()
    found: dict[int, DocumentApproval] = {}
    for row in rows:
        found[row.document_id] = row
        if row.approved_document_id is not None:
            found[row.approved_document_id] = row
    return found


def approve_document(document: Document, user: User, today: date | None = None) -> Document:
    """Approve the newest version of a document; returns the version that prints it."""
    newest = db.session.scalar(
        sa.select(sa.func.max(Document.version)).where(Document.number == document.number)
    )
    if document.version != newest:
        raise ApprovalError(str(_l("Only the newest version of a document can be approved.")))
    if not needs_approval(document.context):
        raise ApprovalError(str(_l("This version does not wait for an approval.")))
    case = db.session.get(Case, document.case_id)
    assert case is not None  # documents belong to a case (foreign key)
    today = today or local_today()
    context = dict(document.context)
    context["document"] = {**context["document"], "version": document.version + 1}
    context["approval"] = {
        **context["approval"],
        "by": user.full_name,
        "title": user.title,
        "on": format_day(today, document.language),
    }
    carried = db.session.scalar(
        sa.select(DocumentSignature).where(DocumentSignature.signed_document_id == document.id)
    )

    try:
        approved = store_document(
            case,
            user,
            document.doc_type,
            document.number,
            document.version + 1,
            document.language,
            context,
            document.template,
            signature=carried.content if carried is not None else None,
            commit=False,
        )
    except IssueConflict:
        raise ApprovalError(
            str(_l("Someone else made a new version of this document at the same moment."))
        ) from None
    db.session.add(
        DocumentApproval(
            document_id=document.id, approved_document_id=approved.id, approved_by_id=user.id
        )
    )
    audit.record(
        "document.approve",
        case_id=case.id,
        user_id=user.id,
        number=document.number,
        version=document.version,
    )
    db.session.commit()  # the version, its approval and both audit events together
    return approved
