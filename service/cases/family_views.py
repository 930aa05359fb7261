"""The person's family on a case: list and add members, change and remove one."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.base import BaseForm, as_choices
from forms.family import FamilyMemberForm
from forms.identity import format_identity
from forms.person import IDENTITY_COUNTRY
from service import access, audit
from service.cases import family
from service.cases.journey import method_of
from service.cases.views import bp
from service.extensions import db
from service.models import Case, FamilyMember


def _form(case: Case, member: FamilyMember | None = None) -> FamilyMemberForm:
    """The form, posted or filled from ``member`` (a new one offers the case's country)."""
    form = FamilyMemberForm() if request.method == "POST" else FamilyMemberForm(formdata=None)
    form.family_role.choices = as_choices(family.FAMILY_ROLE_LABELS.items())
    if request.method == "GET":
        if member is not None:
            form.first_name.data = member.first_name
            form.last_name.data = member.last_name
            form.family_role.data = member.family_role
            form.age.data = "adult" if member.adult else "child"
            form.identity_country.data = IDENTITY_COUNTRY.get(member.identity_kind or "", "")
            form.identity_number.data = format_identity(
                member.identity_kind, member.identity_number
            )
            form.address.data = member.address
            form.party.data = member.party
        else:
            form.identity_country.data = "pl" if method_of(case).country == "PL" else "se"
    return form


def _page(case: Case, form: FamilyMemberForm, member: FamilyMember | None = None) -> str:
    return render_template(
        "cases/family.html",
        case=case,
        form=form,
        member=member,
        members=family.members(case),
        role_label=family.role_label,
        identity=lambda m: format_identity(m.identity_kind, m.identity_number),
    )


@bp.route("/cases/<int:case_id>/family", methods=["GET", "POST"])
def family_page(case_id: int) -> str | Response:
    """The person's family on the case and the form that adds a member."""
    case = access.get_case(case_id)
    access.require("edit" if request.method == "POST" else "view", case)
    form = _form(case)
    if request.method == "POST" and form.validate_on_submit():
        family.add_member(case, current_user, form.details())
        db.session.commit()
        flash(_("The family member is added."), "success")
        return redirect(url_for("cases.family_page", case_id=case.id))
    if request.method == "GET":
        audit.record("family.view", case_id=case.id)
        db.session.commit()
    return _page(case, form)


@bp.route("/cases/<int:case_id>/family/<int:member_id>", methods=["GET", "POST"])
def family_member(case_id: int, member_id: int) -> str | Response:
    """Change a family member's details."""
    case = access.get_case(case_id)
    access.require("edit", case)
    member = family.get_member(case, member_id) or abort(404)
    form = _form(case, member)
    if request.method == "POST" and form.validate_on_submit():
        family.update_member(member, current_user, form.details())
        db.session.commit()
        flash(_("The family member's details are saved."), "success")
        return redirect(url_for("cases.family_page", case_id=case.id))
    return _page(case, form, member)


@bp.route("/cases/<int:case_id>/family/<int:member_id>/remove", methods=["POST"])
def family_remove(case_id: int, member_id: int) -> Response:
    """Take a member off the case's family."""
    case = access.get_case(case_id)
    access.require("edit", case)
    member = family.get_member(case, member_id) or abort(404)
    if not BaseForm().validate_on_submit():
        abort(400)
    family.remove_member(member, current_user)
    db.session.commit()
    flash(_("The family member is removed."), "success")
    return redirect(url_for("cases.family_page", case_id=case.id))
