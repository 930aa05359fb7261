"""The person's family on a case: list and add members, change and remove one."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.base import BaseForm, as_choices
from forms.family import FamilyMemberEditForm, FamilyMemberForm
from forms.identity import format_identity
from forms.person import IDENTITY_COUNTRY
from service import access, audit, record_versions
from service.cases import family
from service.cases.journey import method_of
from service.cases.views import bp
from service.extensions import db
from service.models import Case, FamilyMember


def _form(case: Case) -> FamilyMemberForm:
    """The form that adds a member, posted or empty (offering the case's country)."""
    form = FamilyMemberForm() if request.method == "POST" else FamilyMemberForm(formdata=None)
    form.family_role.choices = as_choices(family.FAMILY_ROLE_LABELS.items())
    if request.method == "GET":
        form.identity_country.data = "pl" if method_of(case).country == "PL" else "se"
    return form


def _edit_form(member: FamilyMember, *, posted: bool) -> FamilyMemberEditForm:
    """The form that changes ``member``: as posted, or filled from what is stored."""
    form = FamilyMemberEditForm() if posted else FamilyMemberEditForm(formdata=None)
    form.family_role.choices = as_choices(family.FAMILY_ROLE_LABELS.items())
    if not posted:
        form.first_name.data = member.first_name
        form.last_name.data = member.last_name
        form.family_role.data = member.family_role
        form.age.data = "adult" if member.adult else "child"
        form.identity_country.data = IDENTITY_COUNTRY.get(member.identity_kind or "", "")
        form.identity_number.data = format_identity(member.identity_kind, member.identity_number)
        form.address.data = member.address
        form.party.data = member.party
        form.show_version(member)
    return form


def _page(
    case: Case,
    form: FamilyMemberForm,
    member: FamilyMember | None = None,
    conflict: dict[str, object] | None = None,
) -> str:
    return render_template(
        "cases/family.html",
        case=case,
        form=form,
        member=member,
        members=family.members(case),
        role_label=family.role_label,
        identity=lambda m: format_identity(m.identity_kind, m.identity_number),
        conflict=conflict,
    )


def _erased(case: Case) -> Response | None:
    """Back to the list with the reason when the case is erased: it takes no personal data
    again (also when the erasure landed while this request was saving)."""
    return record_versions.refused_when_erased(case, url_for("cases.family_page", case_id=case.id))


@bp.route("/cases/<int:case_id>/family", methods=["GET", "POST"])
def family_page(case_id: int) -> str | Response:
    """The person's family on the case and the form that adds a member."""
    case = access.get_case(case_id)
    access.require("edit" if request.method == "POST" else "view", case)
    if request.method == "POST":
        if (refused := _erased(case)) is not None:
            return refused
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
    if (refused := _erased(case)) is not None:
        return refused
    member = family.get_member(case, member_id) or abort(404)
    form = _edit_form(member, posted=request.method == "POST")
    if request.method == "POST" and form.validate_on_submit():
        try:
            with record_versions.saving(member, form.seen_version()):
                family.update_member(member, current_user, form.details())
        except record_versions.RecordConflict as conflict:
            if (erased := _erased(case)) is not None:  # erased meanwhile: the content is gone
                return erased
            if member.removed_at is not None:  # removed meanwhile
                abort(404)
            stored = _edit_form(member, posted=False)
            return _page(case, form, member, record_versions.conflict_view(conflict, stored, form))
        flash(_("The family member's details are saved."), "success")
        return redirect(url_for("cases.family_page", case_id=case.id))
    return _page(case, form, member)


@bp.route("/cases/<int:case_id>/family/<int:member_id>/remove", methods=["POST"])
def family_remove(case_id: int, member_id: int) -> Response:
    """Take a member off the case's family."""
    case = access.get_case(case_id)
    access.require("edit", case)
    if (refused := _erased(case)) is not None:
        return refused
    member = family.get_member(case, member_id) or abort(404)
    if not BaseForm().validate_on_submit():
        abort(400)
    try:
        with record_versions.committing(member):
            family.remove_member(member, current_user)
    except record_versions.RecordConflict:
        if (erased := _erased(case)) is not None:
            return erased
        flash(str(record_versions.CHANGED_BEFORE_REMOVAL), "warning")
        return redirect(url_for("cases.family_page", case_id=case.id))
    flash(_("The family member is removed."), "success")
    return redirect(url_for("cases.family_page", case_id=case.id))
