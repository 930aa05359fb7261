"""Signing by drawing is one transaction: the new version that carries the picture and the
signature that locks the number are stored together or not at all."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from service import audit
from service.documents import signing
from service.extensions import db
from service.models import AuditEvent, Document, DocumentSignature
from tests.conftest import FormClient

from .conftest import CaseWorld
from .test_issuing import documents, issue
from .test_signing import PNG, _drawn

DRAWING = "data:image/png;base64," + base64.b64encode(PNG).decode()


class Injected(RuntimeError):
    """The failure put between storing the new version and recording the signature."""


def stored(app: Flask) -> tuple[list[tuple[str, int]], int, list[str]]:
    """(number, version) of every document, the number of signatures, the audit actions."""
    with app.app_context():
        versions = [
            (d.number, d.version) for d in db.session.scalars(sa.select(Document).order_by("id"))
        ]
        signatures = db.session.scalar(sa.select(sa.func.count(DocumentSignature.id))) or 0
        actions = list(db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)))
    return versions, signatures, actions


@pytest.mark.parametrize("where", ["signature row", "audit of the signature"])
def test_a_failure_between_the_new_version_and_the_signature_leaves_nothing(
    staff: FormClient,
    full_case: CaseWorld,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    issue(staff, full_case.case_id, "consent")
    (issued,) = documents(app)
    before = stored(app)
    if where == "signature row":
        # The new version is flushed; then recording the signature fails.
        def failing_record(*_args: Any, **_kwargs: Any) -> None:
            raise Injected("after the new version, before the signature")

        monkeypatch.setattr(signing, "_record_signature", failing_record)
    else:
        real = audit.record

        def failing_audit(action: str, **kwargs: Any) -> Any:
            if action == "document.sign":
                raise Injected("while recording the signature")
            return real(action, **kwargs)

        monkeypatch.setattr(audit, "record", failing_audit)
    app.config["PROPAGATE_EXCEPTIONS"] = True
    try:
        with pytest.raises(Injected):
            _drawn(staff, issued, DRAWING)
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = None
    versions, signatures, actions = stored(app)
    assert (versions, signatures, actions) == (before[0], 0, before[2][: len(actions)])
    assert versions == [(issued.number, 1)]  # no version 2 carrying an unlocked signature
    assert "document.issue" not in actions[len(before[2]) :]
    # Nothing half-done blocks the next try: it signs and locks as usual.
    monkeypatch.undo()
    assert _drawn(staff, issued, DRAWING).status_code == 302
    versions, signatures, _actions = stored(app)
    assert versions == [(issued.number, 1), (issued.number, 2)] and signatures == 1
    assert _drawn(staff, issued, DRAWING).status_code == 400  # locked


def test_two_signatures_of_one_version_at_once_are_refused_cleanly(
    staff: FormClient, full_case: CaseWorld, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second signer passes the lock check before the first commits: the database's unique
    signature per version refuses it, and the page says so (no server error, nothing stored)."""
    issue(staff, full_case.case_id, "consent")
    (issued,) = documents(app)
    with app.app_context():
        first = db.session.get(Document, issued.id)
        assert first is not None
        db.session.add(
            DocumentSignature(
                document_id=first.id,
                kind="scan",
                content=PNG,
                mimetype="image/png",
                signed_sha256=first.sha256,
                content_sha256="0" * 64,
                signed_by_id=full_case.worker.id,
            )
        )
        db.session.commit()
    monkeypatch.setattr(signing, "_check_unlocked", lambda _document: None)  # raced past it
    response = _drawn(staff, issued, DRAWING)
    assert response.status_code == 400
    assert f"Document {issued.number} is already signed and locked." in response.get_data(True)
    versions, signatures, _actions = stored(app)
    assert versions == [(issued.number, 1)] and signatures == 1
