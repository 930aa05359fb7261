"""Log in, log out, choose the interface language."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service.auth.forms import LoginForm
from service.auth.operations import attempt_login, logout
from service.extensions import limiter
from service.i18n import SESSION_KEY
from service.safe_redirect import safe_next
from service.security import login_email_key, login_rate_limit

bp = Blueprint("auth", __name__, template_folder="templates")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_rate_limit, methods=["POST"])
@limiter.limit(login_rate_limit, methods=["POST"], key_func=login_email_key)
def login() -> str | Response:
    """Show the login form; on success go where the user was headed."""
    if current_user.is_authenticated:
        return redirect(url_for("cases.index"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        if attempt_login(form.email.data or "", form.password.data or ""):
            return redirect(safe_next(request.args.get("next")) or url_for("cases.index"))
        error = _("Wrong e-mail or password.")
    return render_template("auth/login.html", form=form, error=error)


@bp.route("/logout", methods=["POST"])
def logout_view() -> Response:
    """End the session (POST with CSRF, so a link elsewhere cannot log anyone out)."""
    logout(current_user._get_current_object())  # type: ignore[attr-defined]
    return redirect(url_for("auth.login"))


@bp.route("/language/<code>")
def set_language(code: str) -> Response:
    """Remember the chosen interface language for this session and go back."""
    if code not in ("sv", "pl", "en"):
        abort(404)
    session[SESSION_KEY] = code
    return redirect(safe_next(request.args.get("next")) or url_for("cases.index"))
