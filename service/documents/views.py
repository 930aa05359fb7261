"""Issuing, downloading, printing and verifying documents; the case file."""

from __future__ import annotations

from io import BytesIO

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service import access, audit
from service.cases.journey import practice_method
from service.cases.record import case_record
from service.documents.approval import (
    ApprovalError,
    approvals_by_document,
    approve_document,
)
from service.documents.case_file import (
    carried_signatures,
    case_file_zip,
    filings_by_document,
    mark_filed,
    signatures_by_document,
)
from service.documents.document_types import DOCUMENT_TYPES
from service.documents.labels import ROLE_LABELS
from service.documents.operations import NotReady, issue_document, record_download
from service.documents.pdf import PdfUnavailable
from service.documents.pdf_cache import (
    conversion_available,
    pdf_of,
    redis_url,
    unavailable_reason,
)
from service.documents.stamp import short_hash
from service.documents.verification import NUMBER_PATTERN
from service.extensions import db
from service.models import Case, Document

bp = Blueprint("documents", __name__, template_folder="templates")

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _case_of(document: Document) -> Case:
    """The case of a document the user can already see."""
    return access.get_case(document.case_id)


def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/cases/<int:case_id>/agreement", methods=["POST"])
def issue_agreement_view(case_id: int) -> Response:
    """Issue (or re-issue as a new version) the case's agreement."""
    return issue_view(case_id, "agreement")


@bp.route("/cases/<int:case_id>/documents/<doc_type>", methods=["POST"])
def issue_view(case_id: int, doc_type: str) -> Response:
    """Issue (or re-issue as a new version) one of the case's documents."""
    case = access.get_case(case_id)
    if doc_type not in DOCUMENT_TYPES:
        abort(404)
    access.require("issue", case, doc_type=doc_type)
    try:
        document = issue_document(case, current_user, doc_type)
    except NotReady as reason:
        flash(str(reason), "warning")
    else:
        flash(
            _(
                "%(document)s %(number)s version %(version)d issued.",
                document=DOCUMENT_TYPES[doc_type].label,
                number=document.number,
                version=document.version,
            ),
            "success",
        )
    return redirect(url_for("cases.case", case_id=case.id))


@bp.route("/documents/<int:document_id>/download")
def download(document_id: int) -> Response:
    """The stored bytes of an issued document, exactly as issued."""
    document = access.get_document(document_id)
    access.require("download", _case_of(document))
    if not document.content:
        abort(410)  # erased (GDPR erasure or retention purge): number and hash remain
    record_download(document)
    return _private(
        send_file(
            BytesIO(document.content),
            mimetype=DOCX_MIMETYPE,
            as_attachment=True,
            download_name=document.filename,
            etag=document.sha256,
            max_age=0,
        )
    )


@bp.route("/documents/<int:document_id>/pdf")
def pdf(document_id: int) -> Response | str:
    """The document as PDF for printing, or a page saying why there is none."""
    document = access.get_document(document_id)
    case = _case_of(document)
    access.require("download", case)
    if case.erased_at is not None:
        abort(410)  # erased: number and hash remain, the content (and its PDF) is gone
    try:
        data = pdf_of(document)  # converted once per version, then read from the cache
    except PdfUnavailable:
        return render_template(
            "documents/no_pdf.html", document=document, reason=unavailable_reason()
        )
    record_download(document, "pdf")
    return _private(
        send_file(
            BytesIO(data),
            mimetype="application/pdf",
            as_attachment=False,
            download_name=document.filename.replace(".docx", ".pdf"),
            max_age=0,
        )
    )


@bp.route("/verify/<number>")
def verify(number: str) -> str:
    """Which case a printed number belongs to, each version, its hashes and signing state."""
    if not NUMBER_PATTERN.fullmatch(number):  # e.g. a NUL byte, which PostgreSQL refuses
        abort(404)
    versions = list(
        db.session.scalars(
            sa.select(Document)
            .join(Case, Case.id == Document.case_id)
            .where(Document.number == number, access.case_scope(current_user))
            .order_by(Document.version)
        )
    )
    if not versions:
        abort(404)
    case = access.get_case(versions[0].case_id)
    access.require("view", case)
    audit.record("document.verify", case_id=case.id, number=number)
    db.session.commit()
    return render_template(
        "documents/verify.html",
        number=number,
        case=case,
        versions=versions,
        signatures=signatures_by_document(versions),
        filings=filings_by_document(versions),
        carried=carried_signatures(versions),
        document_type=DOCUMENT_TYPES.get(versions[0].doc_type),
        short_hash=short_hash,
    )


@bp.route("/documents/<int:document_id>/approve", methods=["POST"])
def approve(document_id: int) -> Response:
    """Approve the newest version of a document that waits for its approval (e.g. the IPWzB)."""
    document = access.get_document(document_id)
    access.require("approve", _case_of(document), doc_type=document.doc_type)
    try:
        approved = approve_document(document, current_user)
    except ApprovalError as reason:
        flash(str(reason), "warning")
    else:
        flash(
            _(
                "%(number)s is approved; version %(version)d prints the approval.",
                number=approved.number,
                version=approved.version,
            ),
            "success",
        )
    return redirect(url_for("cases.case", case_id=document.case_id))


@bp.route("/documents/<int:document_id>/file", methods=["POST"])
def file_document(document_id: int) -> Response:
    """Mark a document version as filed in the case file."""
    document = access.get_document(document_id)
    access.require("file", _case_of(document))
    mark_filed(document, current_user)
    flash(
        _(
            "%(number)s version %(version)d marked as filed.",
            number=document.number,
            version=document.version,
        ),
        "success",
    )
    return redirect(url_for("cases.case", case_id=document.case_id))


@bp.route("/cases/<int:case_id>/case-file.zip")
def case_file(case_id: int) -> Response:
    """Every issued and signed document of the case with an index, as one ZIP."""
    case = access.get_case(case_id)
    access.require("file", case)
    data = case_file_zip(case)
    return _private(
        send_file(
            BytesIO(data),
            mimetype="application/zip",
            as_attachment=True,
            download_name=f"{case.reference}.zip",
            max_age=0,
        )
    )


@bp.app_context_processor
def _documents_panel() -> dict[str, object]:
    """``documents_panel(case)`` for the case page's documents card."""

    def documents_panel(case: Case) -> dict[str, object]:
        documents = case_record(case).documents
        signatures = signatures_by_document(documents)
        carried = carried_signatures(documents)
        newest: dict[str, int] = {}
        for d in documents:
            newest[d.number] = max(newest.get(d.number, 0), d.version)
        approvals = approvals_by_document(documents)
        practice = practice_method(case)
        issuable = {t: access.can("issue", case, doc_type=t) for t in DOCUMENT_TYPES}
        return {
            "documents": documents,
            "signatures": {**carried, **signatures},
            "locked": {d.number for d in documents if d.id in signatures or d.id in carried},
            "filings": filings_by_document(documents),
            "types": [(t, t.blocker(case)) for t in DOCUMENT_TYPES.values()],
            "issued_types": {d.doc_type for d in documents},
            "types_by_key": DOCUMENT_TYPES,
            "pdf_available": conversion_available(),
            "pdf_shared": redis_url() is not None,
            "can_issue": access.can("issue", case),
            "issuable": issuable,
            # why the current user's button is disabled: the method gives the document to
            # another role
            "not_yours": {t: not_issuer_reason(case, t) for t, ok in issuable.items() if not ok},
            "approvals": approvals,
            # the newest version of a document the method has approved, not yet approved
            "waiting": {
                d.id
                for d in documents
                if d.version == newest[d.number]
                and practice.roles_for(d.doc_type).approve
                and d.id not in approvals
            },
            "can_approve": {t: access.can("approve", case, doc_type=t) for t in DOCUMENT_TYPES},
            "can_file": access.can("file", case),
        }

    def issuers(case: Case, doc_type: str) -> str:
        """Who may issue ``doc_type`` in the case's method, as role names."""
        roles = practice_method(case).roles_for(doc_type).issue
        return ", ".join(str(ROLE_LABELS.get(role, role)).lower() for role in roles)

    def not_issuer_reason(case: Case, doc_type: str) -> str:
        """Why the method does not let the current user issue ``doc_type``: under art. 108
        u.p.s. the pracownik socjalny concludes the kontrakt socjalny (the asystent prepares it);
        any other document names the roles that issue it."""
        practice = practice_method(case)
        if (
            doc_type == "agreement"
            and practice.country == "PL"
            and practice.roles_for(doc_type).issue == ("caseworker",)
        ):
            return _("The pracownik socjalny concludes the kontrakt socjalny.")
        return _("Issued by: %(roles)s", roles=issuers(case, doc_type))

    return {"documents_panel": documents_panel, "issuers": issuers}


# Register the signing routes and the public verification page on this blueprint.
from service.documents import signing_views, verify_views  # noqa: E402,F401
