"""Export, erasure and consent withdrawal: thin views over the privacy operations."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from flask import Blueprint, Flask, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from service import access, record_versions
from service.extensions import db
from service.privacy.consent import (
    consent_given,
    consent_state,
    consent_withdrawal,
    withdraw_consent,
)
from service.privacy.erasure import erase_person
from service.privacy.export import build_person_export, export_filename
from service.privacy.forms import ErasureForm, WithdrawConsentForm

bp = Blueprint("privacy", __name__, template_folder="templates")


@bp.route("/persons/<int:person_id>/export", methods=["POST"])
def export_person(person_id: int) -> Response:
    """Everything held about the person as a ZIP (audited)."""
    person = access.get_person(person_id)
    access.require("export", person)
    content = build_person_export(person, actor=current_user)
    db.session.commit()
    response = send_file(
        BytesIO(content),
        mimetype="application/zip",
        as_attachment=True,
        download_name=export_filename(person),
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/persons/<int:person_id>/erase", methods=["GET", "POST"])
def erase(person_id: int) -> str | Response:
    """Erase (anonymise) the person and their cases, with a reason; unit admins only."""
    person = access.get_person(person_id)
    access.require("erase", person)
    form = ErasureForm()
    if form.validate_on_submit():
        try:
            with record_versions.committing(person):
                erase_person(person, reason=form.reason.data or "", actor=current_user)
        except record_versions.RecordConflict:  # a detail saved at the same moment: ask again
            flash(
                _(
                    "Someone else saved a change to this person just now, so nothing was erased. "
                    "Erase again if you still want to."
                ),
                "warning",
            )
            return render_template("privacy/erase.html", person=person, form=form)
        flash(_("The person's data is erased. The audit log keeps the reason."), "success")
        return redirect(url_for("cases.person", person_id=person.id))
    return render_template("privacy/erase.html", person=person, form=form)


@bp.route("/cases/<int:case_id>/consent/withdraw", methods=["POST"])
def withdraw(case_id: int) -> str | Response:
    """Record that the person withdrew their consent (for one recipient or as a whole), after
    a confirmation page.

    Only a case whose second meeting records the consent has one to withdraw; the first POST
    (from the case page) shows what will be recorded, the confirmed one records it. A
    withdrawal for one recipient keeps the consent for the others.
    """
    case = access.get_case(case_id)
    access.require("edit", case)
    form = WithdrawConsentForm()
    state = consent_state(case)
    if state.withdrawal is not None:
        flash(_("The withdrawal of consent is already recorded."), "warning")
        return redirect(url_for("cases.case", case_id=case.id))
    if not state.given:
        flash(_("No consent to share information has been given."), "warning")
        return redirect(url_for("cases.case", case_id=case.id))
    recipient = None
    if form.recipient.data:
        index = int(form.recipient.data) if form.recipient.data.isdigit() else -1
        recipient = state.recipient(index)
        if recipient is None or not recipient.holds:
            flash(_("There is no consent for this recipient to withdraw."), "warning")
            return redirect(url_for("cases.case", case_id=case.id, _anchor="consent"))
    if form.validate_on_submit() and form.withdrawn_on.data and form.confirmed.data == "yes":
        withdraw_consent(case, current_user, form.withdrawn_on.data, recipient)
        if recipient is None:
            flash(
                _("The withdrawal of consent is recorded. Information may no longer be shared."),
                "success",
            )
        else:
            flash(
                _(
                    "The withdrawal of consent for %(recipient)s is recorded. The consent for "
                    "the other recipients stays.",
                    recipient=recipient.name or recipient.label,
                ),
                "success",
            )
        return redirect(url_for("cases.case", case_id=case.id, _anchor="consent"))
    form.confirmed.data = "yes"  # the page below is the confirmation
    return render_template(
        "privacy/withdraw.html", case=case, form=form, recipient=recipient, state=state
    )


def _legal_rep_label(kind: str | None) -> str:
    from forms.person import LEGAL_REP_KINDS

    return str(dict(LEGAL_REP_KINDS).get(kind or "", ""))


def register_privacy(app: Flask) -> None:
    """The blueprint plus the template helpers the case and person pages use."""
    app.register_blueprint(bp)

    @app.context_processor
    def _privacy_helpers() -> dict[str, Any]:
        return {
            "can": access.can,
            "consent_withdrawal": consent_withdrawal,
            "consent_given": consent_given,
            "consent_state": consent_state,
            "legal_rep_label": _legal_rep_label,
            "withdraw_consent_form": WithdrawConsentForm,
        }
