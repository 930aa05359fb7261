"""Hardening: security headers and CSP, session lifetime and idle timeout, request limits,
login rate limits, data keys and the refusal to run debug outside development."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from typing import Any

from flask import (
    Blueprint,
    Flask,
    current_app,
    flash,
    g,
    render_template,
    request,
    session,
)
from flask.helpers import get_debug_flag
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user, logout_user, user_logged_in
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from service import crypto
from service.config import ConfigError, check_verify_key

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
#: Session keys: when the user logged in and when they were last seen (epoch seconds).
LOGIN_AT = "_login_at"
SEEN_AT = "_seen_at"
#: Seconds between refreshes of SEEN_AT (so not every request rewrites the cookie).
SEEN_RESOLUTION = 15

bp = Blueprint("session", __name__)


def configure_security(app: Flask) -> None:
    """Attach keys, limits, headers and the session checks to ``app``."""
    env = app.config["STEGVIS_ENV"]
    if env != "development" and (app.debug or get_debug_flag()):
        raise ConfigError(
            "Debug mode is only allowed with STEGVIS_ENV=development; unset FLASK_DEBUG."
        )
    crypto.install(
        app,
        crypto.keyring_from_config(env, app.config["STEGVIS_DATA_KEYS"]),
        crypto.index_keys_from_config(env, app.config.get("STEGVIS_INDEX_KEY")),
    )
    hops = app.config["TRUSTED_PROXY_HOPS"]
    if hops:
        # The client's address (rate limits, audit rows, session protection) and scheme come
        # from the headers the last ``hops`` proxies set; without it they are ignored.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    _redact_links_in_access_logs()
    check_verify_key(app.config, env)

    from service.extensions import limiter

    limiter.init_app(app)
    app.register_blueprint(bp)
    app.before_request(check_session_age)
    app.after_request(add_security_headers)
    app.register_error_handler(RateLimitExceeded, too_many_requests)
    app.context_processor(_session_timing)
    user_logged_in.connect(_start_session, app)


def session_identifier() -> str:
    """What Flask-Login's session protection compares: the client's address and browser.

    Flask-Login's own identifier reads X-Forwarded-For whatever sends it (a client could
    forge it); ``request.remote_addr`` is the connecting address, or the client's address
    from the trusted proxies' header when TRUSTED_PROXY_HOPS is set (ProxyFix).
    """
    agent = request.headers.get("User-Agent", "")
    return hashlib.sha512(f"{request.remote_addr}|{agent}".encode()).hexdigest()


def login_account_limit() -> str:
    """Failed sign-ins allowed per account (typed e-mail, or the user at the code step)."""
    return str(current_app.config["LOGIN_ACCOUNT_LIMIT"])


def login_address_limit() -> str:
    """Failed sign-ins allowed per client address (higher: an office shares one)."""
    return str(current_app.config["LOGIN_ADDRESS_LIMIT"])


def login_email_key() -> str:
    """Rate-limit key of the e-mail typed into the login form, hashed (no e-mail in storage)."""
    email = (request.form.get("email") or "").strip().lower()
    return "email:" + hashlib.sha256(email.encode()).hexdigest()[:32]


def mark_failed_sign_in() -> None:
    """Count this request against the sign-in limits (a wrong password or code)."""
    g.failed_sign_in = True


def failed_sign_in(_response: Response) -> bool:
    """``deduct_when`` of the sign-in limits: only failed attempts are counted."""
    return bool(g.get("failed_sign_in"))


#: A set-password link's token in a request line of an access log.
_LINK_TOKEN = re.compile(r"(/set-password/)[^\s?\"]+")


class _RedactLinkTokens(logging.Filter):
    """Access logs (werkzeug's, gunicorn's) show a set-password link without its token."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/set-password/" in message:
            record.msg = _LINK_TOKEN.sub(r"\1…", message)
            record.args = None
        return True


def _redact_links_in_access_logs() -> None:
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _RedactLinkTokens) for f in logger.filters):
            logger.addFilter(_RedactLinkTokens())


def _start_session(_app: Flask, user: Any = None, **_extra: Any) -> None:
    """On login: a permanent (8 h) session whose age and idle time are checked."""
    session.permanent = True
    now = int(time.time())
    session[LOGIN_AT] = now
    session[SEEN_AT] = now


def check_session_age() -> None:
    """Log out a session idle for longer than the idle timeout or older than its lifetime."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return
    now = int(time.time())
    idle = current_app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    lifetime = current_app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    seen = session.get(SEEN_AT, now)
    started = session.get(LOGIN_AT, now)
    if now - seen > idle or now - started > lifetime:
        _expire(idle_minutes=int(idle // 60), idle=now - seen > idle)
        return
    if now - seen >= SEEN_RESOLUTION or SEEN_AT not in session:
        session[SEEN_AT] = now


def _expire(*, idle_minutes: int, idle: bool) -> None:
    """End an expired session, audited; the login requirement then sends the user to log in."""
    from service import audit
    from service.extensions import db

    audit.record("session.expired", user_id=current_user.id, reason="idle" if idle else "lifetime")
    db.session.commit()
    language = session.get("lang")
    session.clear()
    logout_user()  # after the clear: it marks a remember-me cookie to be deleted
    if language:
        session["lang"] = language
    if idle:
        flash(
            _(
                "You were logged out after %(minutes)d minutes without activity.",
                minutes=idle_minutes,
            ),
            "warning",
        )
    else:
        flash(_("Your session has ended. Please log in again."), "warning")


@bp.route("/session/ping", methods=["POST"])
def ping() -> tuple[str, int]:
    """Keep the session alive (session.js calls this when the user chooses to stay)."""
    session[SEEN_AT] = int(time.time())
    return "", 204


def add_security_headers(response: Response) -> Response:
    """Headers on every response; pages with personal data are never stored by caches."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if current_app.config["STEGVIS_ENV"] == "production":
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint != "static" and _may_hold_personal_data():
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
    return response


def _may_hold_personal_data() -> bool:
    try:
        return bool(current_user.is_authenticated)
    except Exception:  # noqa: BLE001 - no user loader outside a full request
        return False


def too_many_requests(error: RateLimitExceeded) -> tuple[str, int]:
    """429: the login page says clearly what happened; other pages get the error page."""
    if request.endpoint == "auth.login":
        from service.auth.forms import LoginForm

        message = _("Too many failed login attempts. Wait a minute and try again.")
        return render_template("auth/login.html", form=LoginForm(), error=message), 429
    if request.endpoint == "auth.two_factor":
        from service.auth.forms import CodeForm

        message = _("Too many wrong codes. Wait a minute and try again.")
        return render_template("auth/two_factor.html", form=CodeForm(), error=message), 429
    return render_template("error.html", code=429, kind="429"), 429


def _session_timing() -> dict[str, int]:
    """Seconds for session.js (the <body> data attributes)."""
    config = current_app.config
    return {
        "session_idle_seconds": int(config["SESSION_IDLE_TIMEOUT"].total_seconds()),
        "session_warning_seconds": int(config["SESSION_WARNING_BEFORE"].total_seconds()),
    }
