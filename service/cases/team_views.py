"""The case team page: who works on the case and in which role."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.base import as_choices
from forms.team import TeamMemberForm
from service import access
from service.cases import team
from service.cases.team_roles import TEAM_ROLE_LABELS
from service.cases.views import bp
from service.extensions import db
from service.models import User


@bp.route("/cases/<int:case_id>/team", methods=["GET", "POST"])
def case_team(case_id: int) -> str | Response:
    """The team of a case; put a member of the unit's staff on it in a role."""
    case = access.get_case(case_id)
    access.require("view", case)
    form = TeamMemberForm()
    staff = access.unit_staff()
    form.user_id.choices = as_choices(
        [("", _("— choose —")), *((str(u.id), _staff_label(u)) for u in staff)]
    )
    form.team_role.choices = as_choices(
        [("", _("— choose —")), *((k, str(v)) for k, v in TEAM_ROLE_LABELS.items())]
    )
    if form.is_submitted():
        access.require("team", case)
    if form.validate_on_submit():
        chosen = next((u for u in staff if str(u.id) == form.user_id.data), None)
        if chosen is None:
            form.user_id.errors = [_("Choose a member of staff.")]
        else:
            team.set_member(case, chosen, form.team_role.data or "", current_user)
            db.session.commit()
            flash(_("The case team is saved."), "success")
            return redirect(url_for("cases.case_team", case_id=case.id))
    return render_template(
        "cases/team.html",
        case=case,
        form=form,
        members=team.members(case),
        can_change=access.can("team", case),
        role_label=team.team_role_label,
    )


@bp.route("/cases/<int:case_id>/team/<int:member_id>/remove", methods=["POST"])
def remove_team_member(case_id: int, member_id: int) -> Response:
    """Take a member off the case team."""
    case = access.get_case(case_id)
    access.require("team", case)
    found = team.member(case, member_id) or abort(404)
    name = found.user.full_name
    team.remove_member(case, found, current_user)  # the form's CSRF token is checked app-wide
    flash(_("%(name)s is no longer on the case team.", name=name), "success")
    return redirect(url_for("cases.case_team", case_id=case.id))


def _staff_label(user: User) -> str:
    """A member of staff as the choice shows them: name and job title."""
    return f"{user.full_name} ({user.title})" if user.title else user.full_name
