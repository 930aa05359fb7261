"""Putting a member of staff on a case's team."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import DataRequired

from forms.base import BaseForm


class TeamMemberForm(BaseForm):
    """Staff and team role choices are set by the view (the unit's staff, the team roles)."""

    user_id = SelectField(
        _l("Member of staff"),
        coerce=str,
        validators=[DataRequired(message=_l("Choose a member of staff."))],
    )
    team_role = SelectField(
        _l("Role in the case"),
        validators=[DataRequired(message=_l("Choose the role in the case."))],
        description=_l(
            "There is one contact person: naming another makes the earlier one the "
            "second contact person."
        ),
    )
