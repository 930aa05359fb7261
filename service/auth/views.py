"""Log in (password, then the code of the app when two-factor sign-in is on), log out, set a
password through a one-time link, the user's own account page, the interface language."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service.auth import links, two_factor
from service.auth.forms import (
    ChangePasswordForm,
    CodeForm,
    EnrolForm,
    LoginForm,
    RecoveryCodesForm,
    SetPasswordForm,
)
from service.auth.operations import (
    Outcome,
    attempt_login,
    change_password,
    check_second_factor,
    confirm_enrolment,
    logout,
    pending_next,
    pending_user,
    renew_recovery_codes,
    set_password,
    start_enrolment,
)
from service.extensions import db, limiter
from service.i18n import SESSION_KEY
from service.models import User
from service.roles import start_page
from service.safe_redirect import safe_next
from service.security import (
    failed_sign_in,
    login_account_limit,
    login_address_limit,
    login_email_key,
    mark_failed_sign_in,
)

bp = Blueprint("auth", __name__, template_folder="templates")


def _pending_key() -> str:
    """Rate-limit key of the user at the code step (or of the signed-in user)."""
    user = pending_user() if not current_user.is_authenticated else current_user
    return f"user:{user.id if user else 0}"


def _me() -> User:
    return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]


#: Only failed attempts count (``deduct_when``): a team behind one office address is never
#: locked out by its own successful logins.
_by_address = limiter.limit(
    login_address_limit, methods=["POST"], deduct_when=failed_sign_in, key_func=None
)
_by_account = limiter.limit(
    login_account_limit, methods=["POST"], deduct_when=failed_sign_in, key_func=login_email_key
)
_by_user = limiter.limit(
    login_account_limit, methods=["POST"], deduct_when=failed_sign_in, key_func=_pending_key
)


@bp.route("/login", methods=["GET", "POST"])
@_by_address
@_by_account
def login() -> str | Response:
    """Show the login form; on success go where the user was headed (or to the second step)."""
    if current_user.is_authenticated:
        return redirect(url_for("cases.index"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        next_url = safe_next(request.args.get("next"))
        outcome = attempt_login(form.email.data or "", form.password.data or "", next_url)
        if outcome is Outcome.CODE:
            return redirect(url_for("auth.two_factor"))
        if outcome is Outcome.ENROL:
            return redirect(url_for("auth.enrol"))
        if outcome is Outcome.LOGGED_IN:
            return redirect(next_url or url_for(start_page(current_user.role)))
        mark_failed_sign_in()
        error = _("Wrong e-mail or password.")
    return render_template("auth/login.html", form=form, error=error)


@bp.route("/login/code", methods=["GET", "POST"], endpoint="two_factor")
@_by_address
@_by_user
def two_factor_code() -> str | Response:
    """The second step: the code of the authenticator app, or a recovery code."""
    if current_user.is_authenticated:
        return redirect(url_for("cases.index"))
    user = pending_user()
    if user is None:
        return redirect(url_for("auth.login"))
    if not user.two_factor_enabled:
        return redirect(url_for("auth.enrol"))
    form = CodeForm()
    error = None
    if form.validate_on_submit():
        next_url = safe_next(pending_next())
        if check_second_factor(user, form.code.data or ""):
            return redirect(next_url or url_for(start_page(user.role)))
        mark_failed_sign_in()
        error = _("This code is not right, or was used already. Type the code the app shows now.")
        form.code.errors = [error]
    return render_template("auth/two_factor.html", form=form, error=error)


@bp.route("/login/setup", methods=["GET", "POST"])
def enrol() -> str | Response:
    """Set up two-factor sign-in: scan the QR code, confirm with the first code.

    Reached right after the password when two-factor sign-in is required and not yet set up
    (nothing else can be reached until it is done), or from the account page.
    """
    signed_in = current_user.is_authenticated
    user = _me() if signed_in else pending_user()
    if user is None:
        return redirect(url_for("auth.login"))
    if user.two_factor_enabled:
        return redirect(url_for("auth.account") if signed_in else url_for("auth.two_factor"))
    secret = start_enrolment(user)
    db.session.commit()
    form = EnrolForm()
    if form.validate_on_submit():
        next_url = "" if signed_in else safe_next(pending_next())
        codes = confirm_enrolment(user, form.code.data or "", log_in=not signed_in)
        if codes is not None:
            return render_template(
                "auth/recovery_codes.html",
                codes=codes,
                next_url=next_url
                or url_for("auth.account" if signed_in else start_page(user.role)),
                first=True,
            )
        form.code.errors = [_("This code is not right. Type the six digits the app shows now.")]
    uri = two_factor.provisioning_uri(user, secret)
    return render_template(
        "auth/enrol.html",
        form=form,
        qr=two_factor.qr_svg(uri, _("QR code for the authenticator app")),
        secret=two_factor.grouped(secret),
        required=user.must_use_two_factor,
        signed_in=signed_in,
    )


@bp.route("/set-password/<token>", methods=["GET", "POST"], endpoint="set_password")
def set_password_view(token: str) -> tuple[str, int] | str | Response:
    """Choose a password through a one-time link an admin gave (works logged out)."""
    row = links.valid_token(token)
    if row is None:
        return render_template("auth/link_invalid.html"), 404
    user = db.session.get(User, row.user_id)
    assert user is not None  # valid_token checked it
    form = SetPasswordForm()
    if form.validate_on_submit():
        if not links.use_token(row):
            db.session.rollback()
            return render_template("auth/link_invalid.html"), 404
        set_password(user, form.password.data or "", purpose=row.purpose)
        db.session.commit()
        flash(_("Your password is set. Log in with your e-mail and the new password."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form, user=user, purpose=row.purpose)


@bp.route("/account")
def account() -> str:
    """The signed-in user's own sign-in settings: password and two-factor sign-in."""
    user = _me()
    return render_template(
        "auth/account.html",
        user=user,
        codes_left=two_factor.recovery_codes_left(user) if user.two_factor_enabled else 0,
        form=RecoveryCodesForm(),
    )


@bp.route("/account/password", methods=["GET", "POST"], endpoint="change_password")
@_by_user
def change_password_view() -> str | Response:
    """Change the own password; every other session of the user ends."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if change_password(_me(), form.current.data or "", form.password.data or ""):
            flash(_("Your password is changed. You were logged out everywhere else."), "success")
            return redirect(url_for("auth.account"))
        mark_failed_sign_in()
        form.current.errors = [_("This is not your current password.")]
    return render_template("auth/change_password.html", form=form)


@bp.route("/account/recovery-codes", methods=["POST"])
@_by_user
def recovery_codes() -> str | Response:
    """Ten new recovery codes (confirmed with a code of the app); the old ones stop working."""
    user = _me()
    if not user.two_factor_enabled:
        return redirect(url_for("auth.account"))
    form = RecoveryCodesForm()
    if form.validate_on_submit():
        codes = renew_recovery_codes(user, form.code.data or "")
        if codes is not None:
            return render_template(
                "auth/recovery_codes.html",
                codes=codes,
                next_url=url_for("auth.account"),
                first=False,
            )
        mark_failed_sign_in()
        form.code.errors = [_("This code is not right. Type the six digits the app shows now.")]
    return render_template(
        "auth/account.html",
        user=user,
        codes_left=two_factor.recovery_codes_left(user),
        form=form,
    )


@bp.route("/logout", methods=["POST"])
def logout_view() -> Response:
    """End the session (POST with CSRF, so a link elsewhere cannot log anyone out)."""
    logout(_me())
    return redirect(url_for("auth.login"))


@bp.route("/language/<code>")
def set_language(code: str) -> Response:
    """Remember the chosen interface language for this session and go back."""
    if code not in ("sv", "pl", "en"):
        abort(404)
    session[SESSION_KEY] = code
    return redirect(safe_next(request.args.get("next")) or url_for("cases.index"))
