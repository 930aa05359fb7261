"""Outreach pages: the unit's outreach contacts with the form that records one, a contact, and
registering the person met (or tying the contact to their case) so the history is kept."""

from __future__ import annotations

from datetime import time

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.base import as_choices
from forms.case import CaseForm
from forms.method_registry import methods
from forms.person import PersonForm
from service import access, audit
from service.cases import operations as case_operations
from service.clock import local_now
from service.extensions import db
from service.models import Case, OutreachContact, Role, User
from service.outreach import operations
from service.outreach.forms import LinkForm, OutreachForm

bp = Blueprint("outreach", __name__, template_folder="templates")


@bp.app_context_processor
def _outreach_helpers() -> dict[str, object]:
    from service.outreach.choices import OFFER_LABELS, PLACE_LABELS, REFERRAL_LABELS, labels

    names = {"place": PLACE_LABELS, "offer": OFFER_LABELS, "referral": REFERRAL_LABELS}
    return {"outreach_labels": lambda kind, keys: labels(names[kind], list(keys or []))}


class RegisterCaseForm(CaseForm):
    """The case half of the register page (the person half carries the CSRF token)."""

    class Meta(CaseForm.Meta):
        csrf = False


def _new_form() -> OutreachForm:
    form = OutreachForm(formdata=None)
    now = local_now()
    form.day.data = now.date()
    form.at.data = time(now.hour, now.minute)
    return form


def _contact(contact_id: int) -> OutreachContact:
    """A contact of the user's unit; another unit's answers 404."""
    return operations.get_contact(current_user.unit_id, contact_id) or abort(404)


@bp.route("/outreach", methods=["GET", "POST"])
def index() -> str | Response:
    """The unit's outreach contacts, newest first, with the form that records one."""
    if request.method == "POST":
        access.require("register")
        form = OutreachForm()
        if form.validate_on_submit():
            operations.record_outreach(current_user, form.details())
            db.session.commit()
            flash(_("The outreach contact is recorded."), "success")
            return redirect(url_for("outreach.index"))
    else:
        form = _new_form()
    before = request.args.get("before", type=int)
    contacts, older = operations.unit_contacts(
        current_user.unit_id, before if before and before < 2**63 else None
    )
    page = render_template("outreach/index.html", form=form, contacts=contacts, older=older)
    audit.record_view("outreach.view", contacts=len(contacts))
    return page


@bp.route("/outreach/<int:contact_id>")
def contact(contact_id: int) -> str:
    """One outreach contact: what was recorded and, once the person registered, their case."""
    found = _contact(contact_id)
    case = None
    if found.case_id is not None:
        case = db.session.scalar(access.cases_query().where(Case.id == found.case_id))
    page = render_template(
        "outreach/contact.html", contact=found, case=case, link_form=LinkForm(formdata=None)
    )
    audit.record_view("outreach.view", contact=found.id)
    return page


def _case_choices(form: CaseForm) -> list[User]:
    known = methods()
    form.method.choices = as_choices(
        (key, _(known[key].name)) for key in current_user.unit.methods if key in known
    )
    caseworkers = access.unit_staff(Role.CASEWORKER)
    form.referring_caseworker_id.choices = as_choices(
        [("", _("— not in this unit —")), *((str(u.id), u.full_name) for u in caseworkers)]
    )
    return list(caseworkers)


@bp.route("/outreach/<int:contact_id>/register", methods=["GET", "POST"])
def register(contact_id: int) -> str | Response:
    """Register the person met and open their case; the contact is tied to the case."""
    access.require("register")
    found = _contact(contact_id)
    if found.case_id is not None:
        flash(_("This contact is already tied to a case."), "warning")
        return redirect(url_for("outreach.contact", contact_id=found.id))
    person_form = PersonForm()
    case_form = RegisterCaseForm()
    caseworkers = _case_choices(case_form)
    if request.method == "POST":
        person_ok = person_form.validate_on_submit()
        case_ok = case_form.validate()
        if (
            person_ok
            and person_form.identity
            and case_operations.identity_taken(current_user, person_form.identity.number)
        ):
            person_form.identity_number.errors = [
                _("A person with this identity number is already registered.")
            ]
            person_ok = False
        if person_ok and case_ok:
            from service.cases.views import _person_details

            person = case_operations.register_person(current_user, **_person_details(person_form))
            chosen = next(
                (u for u in caseworkers if str(u.id) == case_form.referring_caseworker_id.data),
                None,
            )
            case = case_operations.open_case(
                person,
                current_user,
                method=case_form.method.data,
                caseworker=case_form.referring_caseworker_name.data or "",
                assignment=case_form.assignment.data or "",
                caseworker_user=chosen,
            )
            operations.link_to_case(found, case, current_user)
            db.session.commit()
            flash(
                _("The person is registered and the outreach contact is kept on the case."),
                "success",
            )
            return redirect(url_for("cases.case", case_id=case.id))
    else:
        person_form.preferred_language.data = current_user.unit.default_locale
    return render_template(
        "outreach/register.html", contact=found, person_form=person_form, case_form=case_form
    )


@bp.route("/outreach/<int:contact_id>/link", methods=["POST"])
def link(contact_id: int) -> str | Response:
    """Tie the contact to the case of a person registered already, by the case number."""
    access.require("register")
    found = _contact(contact_id)
    if found.case_id is not None:
        flash(_("This contact is already tied to a case."), "warning")
        return redirect(url_for("outreach.contact", contact_id=found.id))
    form = LinkForm()
    if form.validate_on_submit():
        reference = (form.reference.data or "").strip().upper()
        case = db.session.scalar(
            access.cases_query().where(
                Case.reference == reference, Case.unit_id == current_user.unit_id
            )
        )
        if case is None:
            form.reference.errors = [_("No case of your unit has this number.")]
        else:
            access.require("edit", case)
            operations.link_to_case(found, case, current_user)
            db.session.commit()
            flash(
                _("The outreach contact is kept on case %(reference)s.", reference=case.reference),
                "success",
            )
            return redirect(url_for("outreach.contact", contact_id=found.id))
    return render_template("outreach/contact.html", contact=found, case=None, link_form=form)
