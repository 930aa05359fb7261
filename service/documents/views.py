"""Issuing and downloading documents."""

from __future__ import annotations

from io import BytesIO

from flask import Blueprint, abort, flash, redirect, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service import access
from service.documents.operations import NotReady, issue_agreement, record_download

bp = Blueprint("documents", __name__, template_folder="templates")

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.route("/cases/<int:case_id>/agreement", methods=["POST"])
def issue_agreement_view(case_id: int) -> Response:
    """Issue (or re-issue as a new version) the case's agreement."""
    case = access.get_case(case_id)
    access.require("issue", case)
    try:
        document = issue_agreement(case, current_user)
    except NotReady as reason:
        flash(str(reason), "warning")
    else:
        flash(_("Agreement %(number)s version %(version)d issued.", number=document.number,
                version=document.version), "success")
    return redirect(url_for("cases.case", case_id=case.id))


@bp.route("/documents/<int:document_id>/download")
def download(document_id: int) -> Response:
    """The stored bytes of an issued document, exactly as issued."""
    document = access.get_document(document_id)
    if not document.content:
        abort(410)  # erased (GDPR erasure or retention purge): number and hash remain
    record_download(document)
    response = send_file(
        BytesIO(document.content), mimetype=DOCX_MIMETYPE, as_attachment=True,
        download_name=document.filename, etag=document.sha256, max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
