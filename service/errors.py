"""Friendly, translated error pages; never a stack trace or personal data.

Every handler rolls the session back before it renders, so the page can still read the user
after a failed flush. A database error answers 503 with ``Retry-After`` when the database
cannot be reached and 500 otherwise, and is logged as one line per kind of failure: class
names and where in our code, never the message, which carries SQL and the values sent
(personal data). During an outage every request fails the same way, so a kind is logged at
most once a minute, with the count of the requests it stands for.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from pathlib import Path

from flask import Flask, current_app, g, has_request_context, make_response, render_template
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Response

from service.crypto import DecryptionError
from service.extensions import db

log = logging.getLogger(__name__)

#: Errors that mean the database cannot be reached now (down, restarting, pool exhausted).
UNREACHABLE = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
)
#: Seconds a client is asked to wait before trying again after a 503.
RETRY_AFTER_SECONDS = 30
#: Status of a page whose record holds a value that does not decrypt or belongs to another row.
DAMAGED_STATUS = 422
#: Seconds between two log lines of the same kind of failure.
REPORT_INTERVAL = 60.0

_ROOT = Path(__file__).resolve().parent.parent


class FailureReports:
    """One log line per kind of failure and interval; repeats in between are only counted."""

    def __init__(self, interval: float = REPORT_INTERVAL) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}
        self._repeats: dict[str, int] = {}

    def report(self, kind: str) -> None:
        """Log ``kind`` unless it was logged less than ``interval`` seconds ago."""
        now = time.monotonic()
        with self._lock:
            last = self._last.get(kind)
            if last is not None and now - last < self.interval:
                self._repeats[kind] = self._repeats.get(kind, 0) + 1
                return
            repeats = self._repeats.pop(kind, 0)
            self._last[kind] = now
        if repeats:
            log.error("%s (and %d more since the last report)", kind, repeats)
        else:
            log.error("%s", kind)


def failure_kind(error: BaseException) -> str:
    """A one-line description of a database error without its message (no SQL, no values)."""
    name = type(error).__name__
    unreachable = isinstance(error, UNREACHABLE)
    parts = [f"database {'unreachable' if unreachable else 'error'}: {name}"]
    original = getattr(error, "orig", None)
    if original is not None:
        detail = f"{type(original).__module__}.{type(original).__name__}"
        sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        parts.append(f"({detail}, SQLSTATE {sqlstate})" if sqlstate else f"({detail})")
    if not unreachable:
        where = _our_innermost_frame(error)
        if where:
            parts.append(f"at {where}")
    return " ".join(parts)


def _our_innermost_frame(error: BaseException) -> str | None:
    """``path:line`` of the deepest frame in the service's own code, to find a bug by."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if path.is_relative_to(_ROOT) and ".venv" not in path.parts:
            found = f"{path.relative_to(_ROOT)}:{frame.lineno}"
    return found


def rollback_session() -> None:
    """Roll the request's session back; a connection that is gone cannot fail the page."""
    try:
        db.session.rollback()
    except sa_exc.SQLAlchemyError:
        pass


def settle_current_user(*, database_usable: bool) -> None:
    """Make ``current_user`` safe for the page's header.

    After the rollback the user's attributes load again from the database; when it cannot be
    reached (or loading fails) the page is rendered for an anonymous visitor instead, so the
    error page never fails in its turn.
    """
    if not has_request_context():
        return
    if database_usable:
        try:
            user = current_user._get_current_object()  # type: ignore[attr-defined]
            if user.is_authenticated:
                # Load now what base.html and the language choice read, so a failure shows here.
                _ = (user.full_name, user.role, user.locale, user.unit.name)
            return
        except sa_exc.SQLAlchemyError:
            rollback_session()
    g._login_user = current_app.login_manager.anonymous_user()  # type: ignore[attr-defined]


def error_page(code: int, kind: str) -> Response:
    """The error page; a plain translated line if even the template cannot be rendered."""
    try:
        body = render_template("error.html", code=code, kind=kind)
    except Exception as failure:  # noqa: BLE001 - the error page itself must never fail
        current_app.extensions["stegvis.failures"].report(
            f"error page failed: {type(failure).__name__}"
        )
        try:
            body = f"<!doctype html><title>{code}</title><p>{escape(_('Something went wrong'))}"
        except Exception:  # noqa: BLE001 - not even the language could be chosen
            body = f"<!doctype html><title>{code}</title><p>Something went wrong"
    return make_response(body, code)


def database_error_page(error: BaseException) -> Response:
    """503 with Retry-After when the database is unreachable, else 500; one log line."""
    rollback_session()
    unreachable = isinstance(error, UNREACHABLE)
    current_app.extensions["stegvis.failures"].report(failure_kind(error))
    settle_current_user(database_usable=not unreachable)
    if unreachable:
        response = error_page(503, "database-unreachable")
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response.headers["Cache-Control"] = "no-store"  # a cached 503 would outlast the outage
        return response
    return error_page(500, "database")


def register_error_handlers(app: Flask) -> None:
    """Render every error with the site's layout, in the user's language."""
    app.extensions["stegvis.failures"] = FailureReports()

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> Response:
        rollback_session()
        settle_current_user(database_usable=True)
        return error_page(400, "csrf")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        rollback_session()
        settle_current_user(database_usable=True)
        code = error.code or 500
        return error_page(code, str(code))

    @app.errorhandler(sa_exc.SQLAlchemyError)
    def database_error(error: sa_exc.SQLAlchemyError) -> Response:
        return database_error_page(error)

    @app.errorhandler(DecryptionError)
    def damaged_record(error: DecryptionError) -> Response:
        # The message names the table, column and row id, never the content.
        log.error("damaged record: %s", error)
        rollback_session()
        settle_current_user(database_usable=True)
        return error_page(DAMAGED_STATUS, "damaged")

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError) -> Response:
        # Any exception no other handler took (Flask has logged its traceback: it is a bug).
        original = error.original_exception
        if isinstance(original, sa_exc.SQLAlchemyError):
            return database_error_page(original)
        rollback_session()
        settle_current_user(database_usable=True)
        return error_page(500, "500")
