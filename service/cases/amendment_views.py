"""The amendments (aneks) of a case's kontrakt socjalny: listed and recorded on their own page.

Only methods of the Polish form have a kontrakt socjalny; the page answers 404 for the others.
Each amendment is dated and kept as recorded; re-issuing the kontrakt prints every one in its
history with a line for the parties' signatures.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.amendment import AmendmentForm
from service import access, audit
from service.cases.journey import method_of
from service.cases.operations import latest_submission
from service.cases.views import bp
from service.clock import local_today
from service.extensions import db
from service.models import Case, ContractAmendment


def _concluded_on(case: Case) -> date | None:
    """The day the kontrakt was concluded (or its meeting), if the second meeting is final."""
    second = latest_submission(case, "second_meeting")
    if second is None:
        return None
    day = second.answers.get("concluded_on") or second.answers.get("meeting_date")
    return date.fromisoformat(day) if day else None


def amendments(case: Case) -> list[ContractAmendment]:
    """The case's amendments, in the order they were agreed."""
    return list(
        db.session.scalars(
            sa.select(ContractAmendment)
            .where(ContractAmendment.case_id == case.id)
            .order_by(ContractAmendment.agreed_on, ContractAmendment.id)
        )
    )


@bp.route("/cases/<int:case_id>/amendments", methods=["GET", "POST"])
def contract_amendments(case_id: int) -> str | Response:
    """The kontrakt's amendments; record a new one (the day agreed and what changes)."""
    case = access.get_case(case_id)
    access.require("view", case)
    if method_of(case).country != "PL":
        abort(404)
    form = AmendmentForm()
    concluded = _concluded_on(case)
    if form.is_submitted():
        access.require("edit", case)
    if form.validate_on_submit():
        agreed = form.agreed_on.data
        if concluded is None:
            form.agreed_on.errors = [_("The kontrakt has not been concluded yet.")]
        elif agreed is None or agreed < concluded:
            form.agreed_on.errors = [
                _("The change cannot be agreed before the kontrakt was concluded.")
            ]
        elif agreed > local_today():
            form.agreed_on.errors = [_("The day cannot be in the future.")]
        else:
            db.session.add(
                ContractAmendment(
                    case_id=case.id,
                    agreed_on=agreed,
                    text=(form.text.data or "").strip(),
                    recorded_by_id=current_user.id,
                )
            )
            audit.record("contract.amend", case_id=case.id)
            db.session.commit()
            flash(
                _("The amendment is recorded. Issue the kontrakt again to print it for signing."),
                "success",
            )
            return redirect(url_for("cases.contract_amendments", case_id=case.id))
    return render_template(
        "cases/amendments.html",
        case=case,
        form=form,
        amendments=amendments(case),
        can_change=access.can("edit", case),
        concluded=concluded,
    )
