"""Writing audit events, in the same transaction as the change they describe."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from service.extensions import db
from service.models import AuditEvent


def record(
    action: str,
    *,
    case_id: int | None = None,
    person_id: int | None = None,
    user_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit event to the session; the caller's commit stores it with the change.

    ``details`` must hold ids and keys only (numbers, steps, versions), never names or free text.
    """
    if user_id is None and has_request_context() and current_user.is_authenticated:
        user_id = current_user.id
    event = AuditEvent(
        action=action,
        case_id=case_id,
        person_id=person_id,
        user_id=user_id,
        ip=(request.remote_addr or "") if has_request_context() else "cli",
        details=details,
    )
    db.session.add(event)
    return event
