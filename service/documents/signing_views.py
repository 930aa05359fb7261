"""Signing pages: upload the scan of the signed paper, or draw the signature on a tablet."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service import access
from service.documents.forms import DrawnSignatureForm, ScanForm
from service.documents.operations import is_locked
from service.documents.signing import (
    MAX_SCAN_BYTES,
    SigningError,
    decode_drawing,
    sign_with_drawing,
    sign_with_scan,
)
from service.documents.views import _case_of, bp
from service.extensions import csrf
from service.models import Document

#: Room for the form fields around the largest scan; a larger body is refused before reading.
UPLOAD_BODY_LIMIT = MAX_SCAN_BYTES + 512 * 1024


def _page(
    document: Document, scan_form: ScanForm, drawn_form: DrawnSignatureForm, status: int = 200
) -> tuple[str, int]:
    return render_template(
        "documents/sign.html",
        document=document,
        scan_form=scan_form,
        drawn_form=drawn_form,
        locked=is_locked(document.number),
    ), status


@bp.route("/documents/<int:document_id>/sign")
def sign(document_id: int) -> tuple[str, int]:
    """The signing page of one document version."""
    document = access.get_document(document_id)
    access.require("issue", _case_of(document), doc_type=document.doc_type)
    return _page(document, ScanForm(), DrawnSignatureForm())


@bp.route("/documents/<int:document_id>/sign/scan", methods=["POST"])
@csrf.exempt  # the app-wide check would read the body under the smaller default limit first;
# ScanForm (a FlaskForm) still checks the CSRF token, after the limit below is raised.
def sign_scan(document_id: int) -> Response | tuple[str, int]:
    """Record the uploaded scan; a wrong type or size is explained beside the field."""
    request.max_content_length = UPLOAD_BODY_LIMIT
    document = access.get_document(document_id)
    access.require("issue", _case_of(document), doc_type=document.doc_type)
    form = ScanForm()
    if form.validate_on_submit():
        upload = form.scan.data
        try:
            data = upload.read(MAX_SCAN_BYTES + 1)
        finally:
            upload.close()  # a large upload is a temporary file on disk
        try:
            sign_with_scan(document, current_user, data)
        except SigningError as error:
            form.scan.errors = [str(error)]
        else:
            flash(
                _(
                    "The signed scan of %(number)s is stored; the document is locked.",
                    number=document.number,
                ),
                "success",
            )
            return redirect(url_for("cases.case", case_id=document.case_id))
    return _page(document, form, DrawnSignatureForm(), 400)


@bp.route("/documents/<int:document_id>/sign/drawn", methods=["POST"])
def sign_drawn(document_id: int) -> Response | tuple[str, int]:
    """Put the drawn signature into a new, signed version of the document."""
    document = access.get_document(document_id)
    access.require("issue", _case_of(document), doc_type=document.doc_type)
    form = DrawnSignatureForm()
    if form.validate_on_submit():
        try:
            sign_with_drawing(document, current_user, decode_drawing(form.drawing.data or ""))
        except SigningError as error:
            form.drawing.errors = [str(error)]
        else:
            flash(
                _(
                    "Signed: the newest version of %(number)s carries the signature.",
                    number=document.number,
                ),
                "success",
            )
            return redirect(url_for("cases.case", case_id=document.case_id))
    return _page(document, ScanForm(), form, 400)
