"""The public verification page: the address in a document's QR code and printed link.

Anyone with the paper may open it, logged in or not (see
:mod:`service.documents.verification`). Staff who may see the case get the staff page of the
number instead, with the paper's version marked. Rate-limited per address for visitors, and
audited without personal data.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, make_response, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from service import access, audit
from service.documents.case_file import (
    carried_signatures,
    filings_by_document,
    signatures_by_document,
)
from service.documents.document_types import DOCUMENT_TYPES
from service.documents.stamp import short_hash
from service.documents.verification import find_by_token, public_facts
from service.documents.views import bp
from service.extensions import db, limiter
from service.models import Case, Document

#: The endpoint's name (listed among the public endpoints in service/login_required.py).
ENDPOINT = "documents.verify_public"


def verify_rate_limit() -> str:
    """Visitors' limit per address, e.g. "30 per minute" (``VERIFY_RATE_LIMIT``)."""
    return str(current_app.config["VERIFY_RATE_LIMIT"])


def _staff() -> bool:
    return bool(current_user.is_authenticated)


@bp.route("/verify/<number>/<token>")
@limiter.limit(verify_rate_limit, exempt_when=_staff)
def verify_public(number: str, token: str) -> tuple[str, int] | str | Response:
    """What the paper is (type, number, version, date, unit, status, checksums), or one and the
    same refusal for an unknown number and a wrong code."""
    document = find_by_token(number, token)
    if document is None:
        # The same page, status and words whatever was wrong; the language links lead to the
        # start page, so the page does not even repeat the address it was asked for.
        return render_template(
            "documents/verify_refused.html", current_path=url_for("auth.login")
        ), 404
    case = (
        db.session.scalar(access.cases_query().where(Case.id == document.case_id))
        if current_user.is_authenticated
        else None
    )
    if case is not None and access.can("view", case):
        return _staff_page(document, case)
    facts = public_facts(document)
    audit.record(
        "document.verify_public",
        case_id=document.case_id,
        number=document.number,
        version=document.version,
    )
    db.session.commit()
    response = make_response(
        render_template("documents/verify_public.html", facts=facts, short_hash=short_hash)
    )
    response.headers["Cache-Control"] = "no-store"  # the status changes: never a stale copy
    return response


def _staff_page(paper: Document, case: Case) -> str:
    """The staff page of the number, the version on the paper marked."""
    versions = list(
        db.session.scalars(
            sa.select(Document).where(Document.number == paper.number).order_by(Document.version)
        )
    )
    audit.record("document.verify", case_id=case.id, number=paper.number, version=paper.version)
    db.session.commit()
    return render_template(
        "documents/verify.html",
        number=paper.number,
        case=case,
        versions=versions,
        paper_version=paper.version,
        signatures=signatures_by_document(versions),
        filings=filings_by_document(versions),
        carried=carried_signatures(versions),
        document_type=DOCUMENT_TYPES.get(versions[0].doc_type),
        short_hash=short_hash,
    )
