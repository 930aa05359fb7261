"""The network of a case: add, change and remove its members."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from forms.base import BaseForm, as_choices
from forms.record_version import RecordVersion
from service import access, audit, record_versions
from service.clock import local_today
from service.extensions import db
from service.journal import network
from service.journal.views import bp
from service.models import Case, NetworkMember
from service.privacy.consent import consent_state


class MemberForm(BaseForm):
    """Who they are, their role, how to reach them and whether they may be contacted."""

    kind = RadioField(
        _l("Kind"),
        choices=as_choices(network.NETWORK_LABELS.items()),
        validators=[InputRequired(message=_l("Choose the kind."))],
    )
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("This field is required.")),
            Length(max=200, message=_l("At most %(max)d characters.")),
        ],
    )
    role = StringField(
        _l("Role for the person"),
        description=_l("E.g. mother, kurator sądowy, district nurse."),
        validators=[Length(max=200, message=_l("At most %(max)d characters."))],
    )
    contact_details = TextAreaField(
        _l("Contact details"),
        description=_l("Phone, e-mail or address. Encrypted when stored."),
        validators=[Length(max=500, message=_l("At most %(max)d characters."))],
    )
    may_contact = BooleanField(_l("The person agrees that we contact them"))

    def details(self) -> dict[str, object]:
        return {
            "kind": self.kind.data,
            "name": (self.name.data or "").strip(),
            "role": (self.role.data or "").strip(),
            "contact_details": (self.contact_details.data or "").strip(),
            "may_contact": bool(self.may_contact.data),
        }


class MemberEditForm(RecordVersion, MemberForm):
    """Changing a member's details: the form and the version the page showed."""


def _check_consent(form: MemberForm, case: Case) -> bool:
    """Contacting a member needs a running consent that holds for that recipient."""
    if not form.may_contact.data:
        return True
    today = local_today()
    if not network.consent_active(case, today):
        form.may_contact.errors = [
            _(
                "There is no running consent to share information: record it at the second "
                "meeting first."
            )
        ]
        return False
    if not network.may_contact(case, form.kind.data or "", form.name.data or "", today):
        form.may_contact.errors = [
            _(
                "The person has not consented to sharing information with this recipient "
                "(or withdrew it): see the consent per recipient on the case page."
            )
        ]
        return False
    return True


def _page(
    case: Case,
    form: MemberForm,
    member: NetworkMember | None = None,
    conflict: dict[str, object] | None = None,
) -> str:
    return render_template(
        "journal/network.html",
        case=case,
        form=form,
        member=member,
        members=network.members(case),
        consent=consent_state(case, local_today()),
        labels=network.NETWORK_LABELS,
        conflict=conflict,
    )


def _erased(case: Case) -> Response | None:
    """Back to the list with the reason when the case is erased: it takes no personal data
    again (also when the erasure landed while this request was saving)."""
    return record_versions.refused_when_erased(
        case, url_for("journal.network_page", case_id=case.id)
    )


@bp.route("/cases/<int:case_id>/network", methods=["GET", "POST"])
def network_page(case_id: int) -> str | Response:
    """The case's network and the form that adds a member."""
    case = access.get_case(case_id)
    access.require("edit" if request.method == "POST" else "view", case)
    if request.method == "POST":
        if (refused := _erased(case)) is not None:
            return refused
    form = MemberForm() if request.method == "POST" else MemberForm(formdata=None)
    if request.method == "POST" and form.validate_on_submit() and _check_consent(form, case):
        network.add_member(case, current_user, form.details())
        db.session.commit()
        flash(_("The network member is added."), "success")
        return redirect(url_for("journal.network_page", case_id=case.id))
    if request.method == "GET":
        audit.record("network.view", case_id=case.id)
        db.session.commit()
    return _page(case, form)


@bp.route("/cases/<int:case_id>/network/<int:member_id>", methods=["GET", "POST"])
def network_member(case_id: int, member_id: int) -> str | Response:
    """Change a member's details."""
    case = access.get_case(case_id)
    access.require("edit", case)
    if (refused := _erased(case)) is not None:
        return refused
    member = network.get_member(case, member_id) or abort(404)
    if request.method == "GET":
        form = MemberEditForm(formdata=None, obj=member)
        form.show_version(member)
        return _page(case, form, member)
    form = MemberEditForm()
    if form.validate_on_submit() and _check_consent(form, case):
        try:
            with record_versions.saving(member, form.seen_version()):
                network.update_member(member, current_user, form.details())
        except record_versions.RecordConflict as conflict:
            if (erased := _erased(case)) is not None:  # erased meanwhile: the content is gone
                return erased
            if member.removed_at is not None:  # removed meanwhile
                abort(404)
            stored = MemberEditForm(formdata=None, obj=member)
            return _page(case, form, member, record_versions.conflict_view(conflict, stored, form))
        flash(_("The network member's details are saved."), "success")
        return redirect(url_for("journal.network_page", case_id=case.id))
    return _page(case, form, member)


@bp.route("/cases/<int:case_id>/network/<int:member_id>/remove", methods=["POST"])
def network_remove(case_id: int, member_id: int) -> Response:
    """Take a member off the network."""
    case = access.get_case(case_id)
    access.require("edit", case)
    if (refused := _erased(case)) is not None:
        return refused
    member = network.get_member(case, member_id) or abort(404)
    if not BaseForm().validate_on_submit():
        abort(400)
    try:
        with record_versions.committing(member):
            network.remove_member(member, current_user)
    except record_versions.RecordConflict:
        if (erased := _erased(case)) is not None:
            return erased
        flash(str(record_versions.CHANGED_BEFORE_REMOVAL), "warning")
        return redirect(url_for("journal.network_page", case_id=case.id))
    flash(_("The network member is removed; the journal still names them."), "success")
    return redirect(url_for("journal.network_page", case_id=case.id))
