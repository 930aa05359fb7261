"""Deny by default: every endpoint needs a login unless it is listed here."""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from service.extensions import login_manager

#: Endpoints reachable without logging in.
#: calendar.feed: a calendar program fetches it with the private token in its URL.
PUBLIC_ENDPOINTS = frozenset({"auth.login", "auth.set_language", "static", "week.calendar_feed"})


def require_login() -> ResponseReturnValue | None:
    """Send anonymous visitors of any non-public endpoint to the login page."""
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    return login_manager.unauthorized()
