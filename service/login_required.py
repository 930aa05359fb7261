"""Deny by default: every endpoint needs a login unless it is listed here."""

from __future__ import annotations

from flask import redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from service.extensions import login_manager

#: Endpoints reachable without logging in.
#: The second sign-in step and the enrolment check the password step themselves; the
#: set-password page checks its one-time link; documents.verify_public is a printed document's
#: QR code, checked by whoever holds the paper.
PUBLIC_ENDPOINTS = frozenset(
    {
        "auth.login",
        "auth.two_factor",
        "auth.enrol",
        "auth.set_password",
        "auth.set_language",
        "documents.verify_public",
        "static",
    }
)


#: What a signed-in user who must still set up two-factor sign-in may reach.
ENROLMENT_ENDPOINTS = frozenset(
    {"auth.enrol", "auth.logout_view", "auth.set_language", "session.ping", "static"}
)


def require_login() -> ResponseReturnValue | None:
    """Send anonymous visitors of any non-public endpoint to the login page, and staff who
    must use two-factor sign-in but have not set it up (it was required after they logged
    in) to the enrolment: nothing else answers until it is done."""
    if current_user.is_authenticated:
        if (
            current_user.must_use_two_factor
            and not current_user.two_factor_enabled
            and request.endpoint not in ENROLMENT_ENDPOINTS
        ):
            return redirect(url_for("auth.enrol"))
        return None
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    return login_manager.unauthorized()
