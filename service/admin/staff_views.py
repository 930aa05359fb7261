"""The staff pages of the admin blueprint: list, add, role, deactivate, reset, two-factor.

Thin views: each form is validated once, then an operation of ``service.admin.staff`` writes
and audits. Every page answers 403 to anyone but an admin (the blueprint's check) and 404 for
staff of another unit.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service.admin import staff
from service.admin.forms import (
    DeactivateForm,
    NewUserForm,
    ReactivateForm,
    ResetPasswordForm,
    RoleForm,
    UnitTwoFactorForm,
    UserTwoFactorForm,
)
from service.admin.views import bp
from service.auth import two_factor
from service.extensions import db
from service.models import Unit, User
from service.roles import role_label


def _me() -> User:
    return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]


def _refusal(key: str) -> str:
    messages = {
        "own_role": _("You cannot change your own role. Another administrator can."),
        "own_account": _("You cannot deactivate your own account. Another administrator can."),
        "own_password": _("Change your own password on your account page."),
        "own_two_factor": _(
            "You cannot reset your own two-factor sign-in. Another administrator can."
        ),
        "inactive": _("Reactivate the account first."),
    }
    return messages[key]


@bp.route("/users")
def users() -> str:
    """The staff of the admin's unit, and the unit's two-factor requirement."""
    return _users_page()


def _users_page(unit_form: UnitTwoFactorForm | None = None) -> str:
    unit = db.session.get(Unit, current_user.unit_id)
    assert unit is not None
    return render_template(
        "admin/users.html",
        unit=unit,
        staff=staff.unit_staff(unit.id),
        role_label=role_label,
        unit_form=unit_form or UnitTwoFactorForm(required=unit.two_factor_required),
    )


@bp.route("/users/new", methods=["GET", "POST"])
def new_user() -> str | Response:
    """Add a member of staff; the page then shows their one-time set-password link."""
    form = NewUserForm()
    if form.validate_on_submit():
        if staff.email_taken(form.email.data or ""):
            form.email.errors = [_("Someone already logs in with this e-mail address.")]
        else:
            try:
                user, token = staff.add_member(
                    _me(),
                    full_name=form.full_name.data or "",
                    email=form.email.data or "",
                    title=form.title.data or "",
                    phone=form.phone.data or "",
                    role=form.role.data or "",
                    two_factor_required=bool(form.two_factor_required.data),
                )
            except staff.EmailTaken:
                form.email.errors = [_("Someone already logs in with this e-mail address.")]
                return render_template("admin/user_new.html", form=form)
            return render_template(
                "admin/link.html", user=user, link=staff.link_url(token), purpose="invite"
            )
    return render_template("admin/user_new.html", form=form)


@bp.route("/users/<int:user_id>")
def user(user_id: int) -> str:
    """One member of staff: role, access, password and two-factor sign-in."""
    return _user_page(staff.unit_member(_me(), user_id))


def _user_page(member: User, **forms: Any) -> str:
    return render_template(
        "admin/user.html",
        member=member,
        me=_me(),
        role_label=role_label,
        codes_left=two_factor.recovery_codes_left(member) if member.two_factor_enabled else 0,
        role_form=forms.get("role_form") or RoleForm(role=member.role),
        active_form=forms.get("active_form")
        or (DeactivateForm() if member.active else ReactivateForm()),
        reset_form=forms.get("reset_form") or ResetPasswordForm(),
        two_factor_form=forms.get("two_factor_form")
        or UserTwoFactorForm(required=member.two_factor_required),
    )


@bp.route("/users/<int:user_id>/role", methods=["POST"])
def change_role(user_id: int) -> str | Response:
    """Give a member of staff another role (never one's own)."""
    member = staff.unit_member(_me(), user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            staff.change_role(_me(), member, form.role.data or "")
        except staff.NotAllowed as refused:
            form.role.errors = [_refusal(str(refused))]
        else:
            flash(_("The role is changed."), "success")
            return redirect(url_for("admin.user", user_id=member.id))
    return _user_page(member, role_form=form)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
def set_active(user_id: int) -> str | Response:
    """Deactivate (confirmed) or reactivate a member of staff; nobody is deleted."""
    member = staff.unit_member(_me(), user_id)
    if not member.active:
        staff.reactivate(_me(), member)
        flash(_("The account is active again."), "success")
        return redirect(url_for("admin.user", user_id=member.id))
    form = DeactivateForm()
    if form.validate_on_submit():
        try:
            staff.deactivate(_me(), member)
        except staff.NotAllowed as refused:
            form.confirm.errors = [_refusal(str(refused))]
        else:
            flash(_("The account is deactivated and every session of it has ended."), "success")
            return redirect(url_for("admin.user", user_id=member.id))
    return _user_page(member, active_form=form)


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
def reset_password(user_id: int) -> str:
    """A new one-time set-password link; the old password and every session end."""
    member = staff.unit_member(_me(), user_id)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            token = staff.reset_password(_me(), member)
        except staff.NotAllowed as refused:
            form.confirm.errors = [_refusal(str(refused))]
        else:
            return render_template(
                "admin/link.html", user=member, link=staff.link_url(token), purpose="reset"
            )
    return _user_page(member, reset_form=form)


@bp.route("/users/<int:user_id>/two-factor", methods=["POST"])
def user_two_factor(user_id: int) -> str | Response:
    """Require two-factor sign-in of a member of staff, or reset a lost set-up."""
    member = staff.unit_member(_me(), user_id)
    form = UserTwoFactorForm()
    if form.validate_on_submit():
        try:
            staff.set_two_factor(
                _me(), member, required=bool(form.required.data), reset=bool(form.reset.data)
            )
        except staff.NotAllowed as refused:
            form.reset.errors = [_refusal(str(refused))]
        else:
            flash(_("Two-factor sign-in of this account is saved."), "success")
            return redirect(url_for("admin.user", user_id=member.id))
    return _user_page(member, two_factor_form=form)


@bp.route("/unit/two-factor", methods=["POST"])
def unit_two_factor() -> str | Response:
    """Require (or stop requiring) two-factor sign-in of everyone in the unit."""
    form = UnitTwoFactorForm()
    if form.validate_on_submit():
        staff.set_unit_two_factor(_me(), required=bool(form.required.data))
        flash(_("Two-factor sign-in of the unit is saved."), "success")
        return redirect(url_for("admin.users"))
    return _users_page(unit_form=form)
